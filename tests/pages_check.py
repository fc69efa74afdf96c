#!/usr/bin/env python3
"""Measure what issue 15 fixed, in PDFs built from tests/pages_plans.py.

usage: pages_check.py OUTDIR PLANDIR

  - 版记 (cc-N): every 抄送 organ and the 印发机关 read back whole; the
    lines stay inside the 版心; a wrapped 抄送's next lines start under
    its first name (after “抄送：”); each row's text is centred between
    the rules around it (the 印发 row too); the last rule lies on the
    版心's bottom edge.

Lines and rules are read from the PDF (layout_check.pages_of: poppler's
line boxes; forms_check.read_pdf: the rules from the content streams).
Prints one line per failed check and "pagecheck: N passed, M failed".
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forms_check   # noqa: E402
import layout_check  # noqa: E402

MM = layout_check.MM
LEFT, RIGHT, BOTTOM = layout_check.LEFT, layout_check.RIGHT, layout_check.BOTTOM
SMALL = 14           # 4号, the 版记's size

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


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


def main():
    outdir, plandir = sys.argv[1], sys.argv[2]
    for md in sorted(glob.glob(os.path.join(plandir, "cc-*.md"))):
        record(outdir, md)
    print(f"pagecheck: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
