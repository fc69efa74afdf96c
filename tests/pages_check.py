#!/usr/bin/env python3
"""Measure what issue 15 fixed, in PDFs built from tests/pages_plans.py.

usage: pages_check.py OUTDIR PLANDIR

  - 版记 (cc-N): every 抄送 organ and the 印发机关 read back whole; the
    lines stay inside the 版心; a wrapped 抄送's next lines start under
    its first name (after “抄送：”); each row's text is centred between
    the rules around it (the 印发 row too); the last rule lies on the
    版心's bottom edge.

  - titles (title-N): read back equal to the source; every line centred
    in the 版心 and inside it; no line of one or two characters; no break
    inside a word of WORDS; the lines in the shape of a 梯形 (none longer
    than the one above) or a 菱形 (the longest in the middle); a title
    written with a line break keeps it.

  - 发文机关标志 (mark-N): read back whole; inside the 版心 and centred;
    its size (its box height against the title's 2号 box) as large as
    the width allows but at most 22 mm, its characters at most 15 mm
    wide, never below the title's size: a long name is squeezed (长体,
    characters narrower than high) down to 60 %, then takes two lines.

  - paper.md: the 版记 at the foot of the form's even page 2 (2 pages,
    not 4), under the form's last rule with a line's room between.

  - fill.md: the ledger's columns to be written in (完成情况, 佐证资料,
    责任人) each at least a fair share of the 版心 (less 5 %), its rows
    at least 2 writing lines of 8 mm; the score sheet has 被考评单位 over
    the table and 考评人/考评日期 under it, and states the bands as the
    plan writes them, no band name broken across lines.

  - trad.md: the built-in words of a plan in traditional characters are
    traditional (序號, 評分項目, 合計, 蓋章, 印發, 被考評單位 …) and none is
    left simplified; the ledger's column written 序號 is numbered.

Lines and rules are read from the PDF (layout_check.pages_of: poppler's
line boxes; forms_check.read_pdf: the rules from the content streams).
Prints one line per failed check and "pagecheck: N passed, M failed".
"""
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forms_check   # noqa: E402
import layout_check  # noqa: E402

MM = layout_check.MM
LEFT, RIGHT, BOTTOM = layout_check.LEFT, layout_check.RIGHT, layout_check.BOTTOM
SMALL = 14           # 4号, the 版记's size

# One tally with layout_check's: its check() counts and prints.
check = layout_check.check


def record(outdir, md):
    n = os.path.basename(md)[:-3]
    pdf = os.path.join(outdir, n, n + ".pdf")
    meta = layout_check.front_matter(md)
    lines = layout_check.pages_of(pdf)[-1]
    page = forms_check.read_pdf(pdf)[-1]
    rules = sorted(r[1] for r in page.rules if r[3] - r[1] < 0.01 and r[2] - r[0] > 400)
    check(len(rules) >= 2, f"{n}: the 版记 has its rules ({len(rules)})")
    if len(rules) < 2:
        return
    check(abs(rules[-1] - BOTTOM) <= 0.5, f"{n}: last rule {rules[-1] - BOTTOM:.2f} pt from "
          "the 版心 bottom")
    rec = [l for l in lines if l[2] > rules[0] - 1 and l[4] < rules[-1] + 1]
    text = "".join(re.sub(r"\s+", "", l[0]) for l in rec)
    for organ in meta.get("cc") or []:
        check(organ in text, f"{n}: 抄送 organ {organ} reads back")
    check(meta["printed_by"] in text.replace("2020年3月2日印发", ""),
          f"{n}: the 印发机关 reads back whole")
    for (t, x0, y0, x1, y1) in rec:
        check(x0 >= LEFT + SMALL - 1 and x1 <= RIGHT - SMALL + 1,
              f"{n}: 版记 line '{t[:10]}' outside 左右各空一字 ({x0:.1f}..{x1:.1f})")
    # Rows between rules: the text of each block centred between them.
    for top, bot in zip(rules, rules[1:]):
        block = [l for l in rec if top < (l[2] + l[4]) / 2 < bot]
        check(bool(block), f"{n}: text between the rules at {top:.1f} and {bot:.1f}")
        if not block:
            continue
        # poppler's boxes: the em box is font-dependent; its middle is what
        # counts (y of the box's middle).
        ys = sorted({round((l[2] + l[4]) / 2, 1) for l in block})
        mid = (ys[0] + ys[-1]) / 2
        check(abs(mid - (top + bot) / 2) <= 1.5,
              f"{n}: a 版记 row's text {mid - (top + bot) / 2:+.2f} pt off the middle of "
              f"its rules")
        if block[0][0].startswith("抄送"):
            for l in block[1:]:
                check(abs(l[1] - (block[0][1] + 3 * SMALL)) <= 1,
                      f"{n}: 抄送 continuation at {l[1] - block[0][1]:.1f} pt, want under the "
                      "first name (42 pt)")


# Words a title must never be broken inside.
WORDS = ["五星级", "模范机关", "深入", "開展", "开展", "五大提升", "安全生产", "评分细则",
         "委员会", "党组织", "实施方案", "實施方案", "服务型", "党支部", "先锋队", "创建活动",
         "高质量发展", "中共青禾市直属机关工作委员会", "2020年", "若干意见", "组织力"]


def title(outdir, md):
    n = os.path.basename(md)[:-3]
    pdf = os.path.join(outdir, n, n + ".pdf")
    meta = layout_check.front_matter(md)
    mark = meta["issuer"] + "文件"
    lines = [l for l in layout_check.pages_of(pdf)[0]
             if 21 < l[4] - l[2] < 40 and re.sub(r"\s+", "", l[0]) != mark]
    got = [re.sub(r"\s+", "", l[0]) for l in lines]
    want = meta["title"]
    check("".join(got) == want.replace("\n", ""), f"{n}: title reads back: {'|'.join(got)}")
    if "\n" in want:
        check(got == want.split("\n"), f"{n}: the author's line break kept: {'|'.join(got)}")
        return
    cx = (LEFT + RIGHT) / 2
    for (t, x0, y0, x1, y1) in lines:
        check(abs((x0 + x1) / 2 - cx) <= 1 and x0 >= LEFT - 1 and x1 <= RIGHT + 1,
              f"{n}: title line '{t}' centred in the 版心 ({x0:.1f}..{x1:.1f})")
    for k, t in enumerate(got):
        check(len(got) == 1 or len(t) > 2, f"{n}: a title line of {len(t)} characters: {t}")
    joined = "|".join(got)
    for w in WORDS:
        for i in range(1, len(w)):
            check(w[:i] + "|" + w[i:] not in joined, f"{n}: “{w}” broken: {joined}")
    w = [l[3] - l[1] for l in lines]
    slack = 11      # half a 2号 character
    trapezoid = all(b <= a + slack for a, b in zip(w, w[1:]))
    top = w.index(max(w)) if w else 0
    diamond = 0 < top < len(w) - 1 and all(b + slack >= a for a, b in zip(w[:top], w[1:top + 1])) \
        and all(b <= a + slack for a, b in zip(w[top:], w[top + 1:]))
    check(trapezoid or diamond, f"{n}: title neither 梯形 nor 菱形: {joined}")


def mark(outdir, md):
    n = os.path.basename(md)[:-3]
    pdf = os.path.join(outdir, n, n + ".pdf")
    meta = layout_check.front_matter(md)
    name = meta["header"]
    page = layout_check.pages_of(pdf)[0]
    texts = [re.sub(r"\s+", "", l[0]) for l in page]
    doc = texts.index(meta["doc_number"])
    marks = page[:doc]
    title_h = next(l[4] - l[2] for l, t in zip(page, texts) if t == meta["title"])
    got = "".join(texts[:doc])
    check(got == name, f"{n}: the 标志 reads back: {got}")
    cx = (LEFT + RIGHT) / 2
    width = RIGHT - LEFT
    chars = len(name)
    lines = 1
    size = min(22 * MM, 15 * MM, width / chars)
    if size < 22:
        size = 22
        if width / (chars * size) < 0.6:
            lines = 2
    check(len(marks) == lines, f"{n}: the 标志 on {len(marks)} lines, want {lines}")
    for (t, x0, y0, x1, y1) in marks:
        s = 22 * (y1 - y0) / title_h
        k = len(re.sub(r"\s+", "", t))
        check(x0 >= LEFT - 1 and x1 <= RIGHT + 1 and abs((x0 + x1) / 2 - cx) <= 1,
              f"{n}: the 标志 line inside the 版心 and centred ({x0:.1f}..{x1:.1f})")
        check(abs(s - size) <= 0.5, f"{n}: the 标志 is {s:.1f} pt, want {size:.1f}")
        check(s <= 22 * MM + 0.5 and s >= 22 - 0.5, f"{n}: the 标志's size {s:.1f} pt out of bounds")
        cw = (x1 - x0) / k
        check(cw <= 15 * MM + 0.5, f"{n}: the 标志's characters {cw / MM:.1f} mm wide, at most 15")
        if lines == 1 and width / chars < 22:
            check(cw < s * 0.95 and abs(x1 - x0 - width) <= 1,
                  f"{n}: a long 标志 squeezed to the 版心's width ({cw:.1f} pt a character, "
                  f"{x1 - x0:.1f} pt)")


def paper(outdir, md):
    pdf = os.path.join(outdir, "paper", "paper.pdf")
    pages = forms_check.read_pdf(pdf)
    check(len(pages) == 2, f"paper: {len(pages)} pages, want 2 (the 版记 under the form)")
    last = pages[-1]
    text = "".join(w[0] for w in last.words)
    check("抄送" in text and "申报单位" in text, "paper: the 版记 on the form's page")
    thick = 0.35 * MM
    rec = [r[1] for r in last.rules if abs(r[4] - thick) < 0.05 and r[3] - r[1] < 0.01]
    top = min(rec) if rec else 0
    form = [max(r[1], r[3]) for r in last.rules if max(r[1], r[3]) < top - 0.01]
    if rec and form:
        gap = min(rec) - max(form)
        check(gap >= layout_check.PITCH_L - 1, f"paper: the 版记 {gap:.1f} pt under the form, "
              "want a blank line")


def fill(outdir):
    led = forms_check.read_pdf(os.path.join(outdir, "fill", "ledger.pdf"))[0]
    left, top, right, bottom = led.frame()
    xs = sorted({round(r[0], 1) for r in led.rules if abs(r[2] - r[0]) < 0.01})
    heads = [w for w in led.words if w[0] in ("完成情况", "佐证资料", "责任人")]
    fair = (right - left) / 5
    check(len(heads) == 3, f"fill: the ledger's empty columns are headed ({len(heads)})")
    for (t, x0, y0, x1, y1) in heads:
        a = max(x for x in xs if x <= x0)
        b = min(x for x in xs if x >= x1)
        check(b - a >= fair * 0.95, f"fill: column {t} {(b - a) / MM:.1f} mm wide, want a fair "
              f"share ({fair / MM:.1f} mm)")
    ys = sorted({round(r[1], 1) for r in led.rules if abs(r[3] - r[1]) < 0.01})
    rows = [b - a for a, b in zip(ys, ys[1:])][1:]
    check(len(rows) == 3 and all(h >= 16 * MM - 0.5 for h in rows),
          f"fill: ledger rows {[round(h / MM, 1) for h in rows]} mm, want 3 of at least 16")
    pages = layout_check.pages_of(os.path.join(outdir, "fill", "score.pdf"))
    lines = [re.sub(r"\s+", "", l[0]) for p in pages for l in p]
    text = "".join(lines)
    check("被考评单位：" in text and text.index("被考评单位：") < text.index("评分项目"),
          "fill: 被考评单位 over the score sheet")
    check("考评人（签字）：" in text and "考评日期：年月日" in text and
          text.index("考评人") > text.index("合计"), "fill: 考评人 and 考评日期 under the table")
    want = "评定等次：90—100分为优秀等次，75—89分为良好等次，60—74分为合格等次，59分以下为不合格等次。"
    check(want in text, f"fill: the bands as the plan states them: {text[text.find('评定'):][:60]}")
    for a, b in zip(lines, lines[1:]):
        for name in ("优秀等次", "良好等次", "合格等次", "不合格等次"):
            for i in range(1, len(name)):
                check(not (a.endswith(name[:i]) and b.startswith(name[i:])),
                      f"fill: band name {name} broken: {a[-6:]}|{b[:6]}")


def trad(outdir):
    def text(name):
        pdf = os.path.join(outdir, "trad", name + ".pdf")
        return re.sub(r"\s+", "", subprocess.run(["pdftotext", pdf, "-"], check=True,
                                                  capture_output=True, text=True).stdout)
    score, form, ledger, doc = text("score"), text("apply"), text("ledger"), text("trad")
    for w in ("序號", "評分項目", "評分標準", "分值", "自評分", "考評分", "合計", "評定等次",
              "被考評單位", "考評人（簽字）", "考評日期"):
        check(w in score, f"trad: the score sheet says {w}")
    for w in ("评分", "合计", "评定", "单位", "签字"):
        check(w not in score, f"trad: the score sheet says {w} in simplified characters")
    check("（蓋章）" in form and "盖章" not in form, "trad: the form's seal says （蓋章）")
    check("印發" in doc and "印发" not in doc, "trad: the 版记 says 印發")
    check("序號單位1市財政局機關黨委2" in ledger,
          f"trad: the ledger's 序號 column is numbered: {ledger[:60]}")


def main():
    outdir, plandir = sys.argv[1], sys.argv[2]
    for md in sorted(glob.glob(os.path.join(plandir, "cc-*.md"))):
        record(outdir, md)
    paper(outdir, os.path.join(plandir, "paper.md"))
    fill(outdir)
    trad(outdir)
    for md in sorted(glob.glob(os.path.join(plandir, "mark-*.md"))):
        mark(outdir, md)
    for md in sorted(glob.glob(os.path.join(plandir, "title-*.md"))):
        title(outdir, md)
    print(f"pagecheck: {layout_check.passed} passed, {layout_check.failed} failed")
    return 1 if layout_check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
