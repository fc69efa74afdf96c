#!/usr/bin/env python3
"""Measure each GB/T 9704 layout of tests/plans/formats/ in its PDF.

usage: formats_check.py OUTDIR PLANDIR

PLANDIR holds the plans of tests/plans/formats/ (sealed, unsealed,
signed, signer, joint, joint-unsealed, letter, minutes, order), built into
OUTDIR/NAME/NAME.pdf with templates that draw the seal places
(<seal guide="true"/>), so that the place kept for each seal can be read
back.  Everything is measured from the PDF, in mm from the paper's
top-left corner, and compared with the numbers of
../shared/spec/gbt9704.md (§7.2, §7.3.5, §10) and docs/gbt9704-extra.md:

  - words and their boxes from poppler (pdftotext -bbox); a word's box
    is its characters' em boxes, so its centre is the em box's centre;
  - rules, rectangles (the seal places) and the colour of each text run
    from the page content streams (qpdf --qdf), parsed here.

Prints one line per failed check and "formats: N passed, M failed".
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, LEFT = 37 * MM, 28 * MM
BODY_W, BODY_H = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + BODY_W, TOP + BODY_H
CHAR = BODY_W / 28                    # 一字: the character pitch of the grid
LINE = (BODY_H - 16) / 21             # 一行: the line pitch (spec §12, choice B)
TOL = 1 * MM                          # the standard's ±1 mm
SEAL = 42 * MM                        # 印章 (§7.3.5.1 practice: 42 mm)
RED = (0.0, 0.8, 0.8, 0.0)
NS = "{http://www.w3.org/1999/xhtml}"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_check  # noqa: E402
from layout_check import check  # noqa: E402  (one pass/fail counter)


def mm(pt):
    return f"{pt / MM:.2f} mm"


class Page:
    def __init__(self):
        self.words = []   # [text, x0, y0, x1, y1], y from the top
        self.rules = []   # (x0, y, x1, width, cmyk): horizontal lines, y from the top
        self.rects = []   # (x0, y0, x1, y1, cmyk), y from the top
        self.runs = []    # (x, baseline from the top, size, cmyk, font): text runs


def page_words(pdf, page_class):
    """A page_class object a page, its words [text, x0, y0, x1, y1] (y
    from the top) in .words."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    pages = []
    for p in root.iter(NS + "page"):
        page = page_class()
        for w in p.iter(NS + "word"):
            page.words.append([w.text or ""] + [float(w.get(k)) for k in
                                                 ("xMin", "yMin", "xMax", "yMax")])
        pages.append(page)
    return pages


def page_streams(pdf):
    """(page index from 0, its content stream) for each page (qpdf --qdf)."""
    with tempfile.TemporaryDirectory() as tmp:
        q = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, q], check=True)
        data = open(q, "rb").read().decode("latin-1")
    for m in re.finditer(r"%% Contents for page (\d+)\n.*?stream\n(.*?)\nendstream", data, re.S):
        yield int(m.group(1)) - 1, m.group(2)


# a content stream's tokens: strings, names, numbers and operators
TOKENS = r"<[^>]*>|\([^)]*\)|/[^\s/<(\[]+|[^\s<(/\[\]]+"


def read(pdf):
    pages = page_words(pdf, Page)
    for n, stream in page_streams(pdf):
        page = pages[n]
        nums, fill, stroke, width, at, size = [], (0, 0, 0, 1), (0, 0, 0, 1), 1.0, None, 0
        pos, name, font = (0.0, 0.0), None, None
        for tok in re.findall(TOKENS, stream):
            if re.fullmatch(r"-?[\d.]+", tok):
                nums.append(float(tok))
                continue
            if tok.startswith("/"):
                name = tok
                continue
            if tok == "k":
                fill = tuple(nums[-4:])
            elif tok == "K":
                stroke = tuple(nums[-4:])
            elif tok == "w":
                width = nums[-1]
            elif tok == "m":
                at = tuple(nums[-2:])
            elif tok == "l" and at:
                (x0, y0), (x1, y1) = at, nums[-2:]
                if abs(y0 - y1) < 0.01:
                    page.rules.append((min(x0, x1), PAGE_H - y0, max(x0, x1), width, stroke))
            elif tok == "re":
                x, y, w, h = nums[-4:]
                page.rects.append((x, PAGE_H - y - h, x + w, PAGE_H - y, stroke))
            elif tok == "Td":
                pos = tuple(nums[-2:])
            elif tok == "Tm":
                pos = tuple(nums[-2:])
            elif tok == "Tf":
                size, font = nums[-1], name
            elif tok in ("Tj", "TJ"):
                page.runs.append((pos[0], PAGE_H - pos[1], size, fill, font))
            nums = []
    return pages


def word(page, text, nth=0):
    """The nth word that starts with text (words of CJK runs drawn side by
    side may come as one), or None."""
    found = [w for w in page.words if w[0].startswith(text)]
    return found[nth] if len(found) > nth else None


def sub(w, text):
    """The box of text inside word w, all characters full width."""
    i = w[0].index(text)
    size = w[4] - w[2]
    return [text, w[1] + i * size, w[2], w[1] + (i + len(text)) * size, w[4]]


def centre_y(w):
    return (w[2] + w[4]) / 2


def run_at(page, x, w):
    """The text run drawn at x on the line of word w: (x, baseline, size,
    cmyk, font resource), or None."""
    for r in page.runs:
        if abs(r[0] - x) < 0.5 and w[2] - 0.5 <= r[1] <= w[4] + 0.5:
            return r
    return None


def colour_of(page, w):
    """The fill colour of the run drawn at w's left edge."""
    r = run_at(page, w[1], w)
    return r[3] if r else None


def font_of(page, w, x=None):
    """The font resource of the run drawn at x (default: w's left edge)."""
    r = run_at(page, w[1] if x is None else x, w)
    return r[4] if r else None


def last_body_line(page, above):
    """The last line of body text above y: the lowest word box that ends
    at the 版心's right edge or is a paragraph's end (a full stop)."""
    lines = [w for w in page.words if w[4] < above and w[2] > TOP - TOL and
             (w[0].endswith("。") or abs(w[3] - RIGHT) <= TOL)]
    return max(lines, key=lambda w: w[4]) if lines else None


def front_matter(md):
    src = open(md, encoding="utf-8").read()
    return yaml.safe_load(src.split("\n---\n", 1)[0][3:]) or {}


def date_cn(d):
    return f"{d.year}年{d.month}月{d.day}日"


def signature_page(pages, meta):
    """The page and word of the 成文日期 at the end of the body."""
    date = date_cn(meta["date"])
    for n in range(len(pages) - 1, -1, -1):
        w = [x for x in pages[n].words if x[0] == date]
        if w:
            return n, w[-1]
    return None, None


def check_mark(name, page, top_mm, text, from_page=False):
    """The 发文机关标志: red, centred, its top top_mm below the 版心 top (or
    the paper's top edge)."""
    w = word(page, text)
    check(w is not None, f"{name}: the 标志 “{text}” is there")
    if not w:
        return None
    ref = 0 if from_page else TOP
    size = w[4] - w[2]
    check(abs(w[2] - ref - top_mm * MM) <= TOL,
          f"{name}: 标志 top {mm(w[2] - ref)} below the {'paper' if from_page else '版心'} "
          f"top, want {top_mm} mm")
    check(colour_of(page, w) == RED, f"{name}: the 标志 is red ({colour_of(page, w)})")
    check(size > 16, f"{name}: the 标志 is larger than the text ({size:.1f} pt)")
    return w


def check_red_line(name, page, above):
    """§7.2.7: a red line 156 mm wide, 4 mm under the word above it."""
    reds = [r for r in page.rules if r[4] == RED and abs(r[2] - r[0] - BODY_W) < 0.5]
    check(len(reds) == 1, f"{name}: one red line across the 版心 ({len(reds)})")
    if reds and above:
        check(abs(reds[0][1] - above[4] - 4 * MM) <= TOL,
              f"{name}: red line {mm(reds[0][1] - above[4])} under the 发文字号, want 4 mm")
    return reds[0] if reds else None


def check_sealed(name, pages, meta):
    """§7.3.5.1: date 右空四字, the 署名 centred over it, the 42 mm seal
    centred on them, its top within one line of the text and not over it,
    the 署名 and date below the seal's centre; never a seal page without
    text."""
    n, date = signature_page(pages, meta)
    check(date is not None, f"{name}: the 成文日期 is there")
    if date is None:
        return
    page = pages[n]
    check(abs(RIGHT - date[3] - 4 * CHAR) <= TOL,
          f"{name}: date {mm(RIGHT - date[3])} from the right, want 4 字 ({mm(4 * CHAR)})")
    issuer = meta["issuer"]
    w = [x for x in page.words if x[0] == issuer and x[2] < date[2] and x[4] - x[2] < 20]
    check(len(w) == 1, f"{name}: the 署名 over the date")
    if w:
        w = w[0]
        check(abs((w[1] + w[3]) / 2 - (date[1] + date[3]) / 2) <= TOL,
              f"{name}: 署名 centred over the date ({mm((w[1] + w[3]) / 2 - (date[1] + date[3]) / 2)})")
        check(abs(date[2] - w[2] - LINE) <= TOL, f"{name}: the date on the line under the 署名")
    seals = [r for r in page.rects if r[4] == RED]
    check(len(seals) == 1, f"{name}: one seal place ({len(seals)})")
    text = last_body_line(page, date[2] - 2 * LINE)
    check(text is not None, f"{name}: text on the page of the seal (§7.3.5.5)")
    if not seals or not text or not w:
        return
    s = seals[0]
    check(abs(s[2] - s[0] - SEAL) <= 0.5 and abs(s[3] - s[1] - SEAL) <= 0.5,
          f"{name}: the seal place is 42 mm ({mm(s[2] - s[0])} × {mm(s[3] - s[1])})")
    check(abs((s[0] + s[2]) / 2 - (date[1] + date[3]) / 2) <= TOL,
          f"{name}: the seal centred on the date")
    gap = s[1] - text[4]
    check(0 <= gap <= LINE, f"{name}: seal top {mm(gap)} under the text, want 0..一行 ({mm(LINE)})")
    mid = (s[1] + s[3]) / 2
    check(centre_y(w) > mid and centre_y(date) < s[3],
          f"{name}: 署名 and date under the seal's centre, inside it")
    lines = (centre_y(date) - centre_y(text)) / LINE
    check(2 - 0.1 <= lines <= 4 + 0.1, f"{name}: date {lines:.2f} lines under the text, want 2..4")
    check(s[2] <= RIGHT + 0.5 and s[0] >= LEFT - 0.5, f"{name}: the seal inside the 版心")


def check_unsealed(name, pages, meta):
    """§7.3.5.2: 下空一行右空二字 the 署名 (joint: one under another, the
    main organ first), the date two characters right of its start."""
    n, date = signature_page(pages, meta)
    check(date is not None, f"{name}: the 成文日期 is there")
    if date is None:
        return
    page = pages[n]
    issuers = meta["issuer"] if isinstance(meta["issuer"], list) else [meta["issuer"]]
    names = []
    for organ in issuers:
        w = [x for x in page.words if x[0] == organ and x[2] < date[2]]
        check(len(w) == 1, f"{name}: the 署名 {organ} over the date")
        if w:
            names.append(w[0])
    check(not [r for r in page.rects if r[4] == RED], f"{name}: no seal place")
    if len(names) != len(issuers):
        return
    for a, b in zip(names, names[1:]):
        check(abs(b[2] - a[2] - LINE) <= TOL, f"{name}: {b[0]} on the line under {a[0]}")
        check(abs(b[1] - a[1]) <= TOL, f"{name}: {b[0]} starts under {a[0]}")
    widest = max(names, key=lambda w: w[3] - w[1])
    check(abs(RIGHT - widest[3] - 2 * CHAR) <= TOL,
          f"{name}: 署名 {mm(RIGHT - widest[3])} from the right, want 2 字")
    check(abs(date[1] - names[0][1] - 2 * CHAR) <= TOL,
          f"{name}: the date {mm(date[1] - names[0][1])} right of the 署名's start, want 2 字")
    check(abs(date[2] - names[-1][2] - LINE) <= TOL, f"{name}: the date under the last 署名")
    text = last_body_line(page, names[0][2])
    check(text is not None and abs(centre_y(names[0]) - centre_y(text) - 2 * LINE) <= TOL,
          f"{name}: 署名 下空一行 under the text")


def check_stamp(name, pages, meta):
    """§7.3.5.3: 下空二行右空四字 the 签名章, the 职务 左空二字 of it and
    centred on it, the date 下空一行右空四字 under it."""
    n, date = signature_page(pages, meta)
    check(date is not None, f"{name}: the 成文日期 is there")
    if date is None:
        return
    page = pages[n]
    stamps = [r for r in page.rects if r[4] == RED]
    check(len(stamps) == 1, f"{name}: one 签名章 place ({len(stamps)})")
    post = [x for x in page.words if x[0] == meta["signed_by"]]
    check(len(post) == 1, f"{name}: the 职务 {meta['signed_by']}")
    if not stamps or not post:
        return
    s, post = stamps[0], post[0]
    text = last_body_line(page, s[1])
    check(text is not None, f"{name}: text on the page of the 签名章")
    check(abs(RIGHT - s[2] - 4 * CHAR) <= TOL, f"{name}: 签名章 {mm(RIGHT - s[2])} from the "
          "right, want 4 字")
    if text:
        check(abs(s[1] - (text[2] + 3 * LINE)) <= TOL,
              f"{name}: 签名章 top {mm(s[1] - text[2])} under the text's top, want 3 lines (下空二行)")
    check(abs(s[0] - post[3] - 2 * CHAR) <= TOL,
          f"{name}: 职务 {mm(s[0] - post[3])} left of the 签名章, want 2 字")
    check(abs(centre_y(post) - (s[1] + s[3]) / 2) <= TOL, f"{name}: 职务 centred on the 签名章")
    check(abs(RIGHT - date[3] - 4 * CHAR) <= TOL, f"{name}: date 右空四字")
    gap = (date[2] - s[3]) / LINE
    check(1 <= gap <= 2, f"{name}: the date 下空一行 under the 签名章 ({gap:.2f} lines)")


def number_under(name, page, mark, text, what):
    """The 发文字号 or 令号 text: centred, 标志下空二行."""
    num = word(page, text)
    check(num is not None, f"{name}: the {what}")
    if mark and num:
        check(abs((num[1] + num[3]) / 2 - (LEFT + RIGHT) / 2) <= TOL, f"{name}: {what} centred")
        check(abs(num[2] - mark[4] - 2 * LINE) <= TOL,
              f"{name}: {what} {mm(num[2] - mark[4])} under the 标志, want 二行")
    return num


def check_file(name, pages, meta):
    """A 文件's 版头: 标志 35 mm, 发文字号 标志下空二行 centred, red line."""
    page = pages[0]
    mark = check_mark(name, page, 35, meta["issuer"] + "文件")
    num = number_under(name, page, mark, meta["doc_number"], "发文字号")
    check_red_line(name, page, num)


def check_signer(name, pages, meta):
    """§7.2.6: 签发人 居右空一字, two names a line, later lines under the
    first name; the 发文字号 左空一字 on the last line."""
    page = pages[0]
    check_mark(name, page, 35, meta["issuer"] + "文件")
    label = word(page, "签发人：")
    num = word(page, meta["doc_number"])
    check(label is not None and num is not None, f"{name}: 签发人 and 发文字号")
    if not label or not num:
        return
    names = meta["signer"]
    boxes = []
    for nm in names:
        w = [x for x in page.words if nm in x[0]]
        check(len(w) == 1, f"{name}: the 签发人 {nm}")
        if w:
            boxes.append(sub(w[0], nm))
    if len(boxes) != len(names):
        return
    first = sub(label, "签发人：")
    check(abs(boxes[0][1] - first[3]) <= 0.5, f"{name}: the first name right after 签发人：")
    check(abs(boxes[0][2] - first[2]) <= 0.5, f"{name}: two names a line")
    check(abs(boxes[1][2] - boxes[0][2]) <= 0.5, f"{name}: two names a line")
    check(abs(boxes[2][2] - boxes[0][2] - LINE) <= TOL, f"{name}: the third name a line lower")
    check(abs(boxes[2][1] - boxes[0][1]) <= 0.5, f"{name}: the third under the first name")
    # “签发人：” in the body's 仿宋 (the 发文字号's face), the names in
    # another face (楷体).
    check(font_of(page, label) is not None and font_of(page, label) == font_of(page, num),
          f"{name}: 签发人： in the 发文字号's face (仿宋)")
    check(font_of(page, label, boxes[0][1]) not in (None, font_of(page, label)),
          f"{name}: the names in another face than 签发人： (楷体)")
    right = max(b[3] for b in boxes)
    check(abs(RIGHT - right - CHAR) <= TOL, f"{name}: 签发人 {mm(RIGHT - right)} from the right, "
          "want 1 字 (居右空一字)")
    check(abs(num[1] - LEFT - CHAR) <= TOL, f"{name}: 发文字号 {mm(num[1] - LEFT)} from the left, "
          "want 1 字 (居左空一字)")
    check(abs(centre_y(num) - centre_y(boxes[-1])) <= 0.5,
          f"{name}: the 发文字号 on the last 签发人 line")
    mark = word(page, meta["issuer"])
    if mark:
        check(abs(first[2] - mark[4] - 2 * LINE) <= TOL,
              f"{name}: 签发人 {mm(first[2] - mark[4])} under the 标志, want 二行")
    check_red_line(name, page, num)


def check_joint(name, pages, meta, sealed):
    """§7.2.4: every organ one under another, 主办机关 first, at one width,
    文件 right of them and centred on them vertically."""
    page = pages[0]
    organs = meta["issuer"]
    # Spread names read back with spaces between the characters.
    boxes = []
    for o in organs:
        w = [x for x in page.words if x[0].replace(" ", "") == o]
        ws = [x for x in page.words if len(x[0]) == 1 and x[0] in o and x[4] - x[2] > 24]
        if not w and ws:     # spread characters come as one word each
            line = [x for x in ws if x[0] == o[0]]
            if line:
                row = [x for x in ws if abs(x[2] - line[0][2]) < 1]
                w = [[o, min(x[1] for x in row), line[0][2], max(x[3] for x in row), line[0][4]]]
        check(len(w) >= 1, f"{name}: the organ {o} in the 标志")
        if w:
            boxes.append(w[0])
    suffix = [x for x in page.words if x[0] == "文件" and x[4] - x[2] > 24]
    alone = isinstance(meta.get("header"), list)   # the organs' names alone
    check(len(suffix) == (0 if alone else 1),
          f"{name}: {'no 文件' if alone else '文件 beside the names'}")
    if len(boxes) != len(organs) or len(suffix) != (0 if alone else 1):
        return
    check(all(b[2] < c[2] for b, c in zip(boxes, boxes[1:])), f"{name}: 主办机关 first, in order")
    check(abs(boxes[0][2] - TOP - 35 * MM) <= TOL, f"{name}: 标志 top {mm(boxes[0][2] - TOP)}, "
          "want 35 mm")
    for b in boxes:
        check(abs(b[1] - boxes[0][1]) <= 1 and abs(b[3] - boxes[0][3]) <= 1,
              f"{name}: {b[0]} spread to the width of the others")
        check(colour_of(page, b) == RED, f"{name}: {b[0]} red")
    right = max(b[3] for b in boxes)
    if not alone:
        s = suffix[0]
        check(s[1] > boxes[0][3], f"{name}: 文件 right of the names")
        mid = (boxes[0][2] + boxes[-1][4]) / 2
        check(abs(centre_y(s) - mid) <= TOL, f"{name}: 文件 centred on the names "
              f"({mm(centre_y(s) - mid)})")
        right = s[3]
    left = min(b[1] for b in boxes)
    check(abs((left + right) / 2 - (LEFT + RIGHT) / 2) <= TOL, f"{name}: the 标志 centred")
    check(left >= LEFT - 0.5 and right <= RIGHT + 0.5, f"{name}: the 标志 inside the 版心")
    num = word(page, meta["doc_number"])
    if num:
        check(abs(num[2] - boxes[-1][4] - 2 * LINE) <= TOL, f"{name}: 发文字号 二行 under the 标志")
    check_red_line(name, page, num)
    n, date = signature_page(pages, meta)
    if date is None or not sealed:
        return
    page = pages[n]
    seals = sorted((r for r in page.rects if r[4] == RED), key=lambda r: (r[1], r[0]))
    check(len(seals) == len(organs), f"{name}: a seal place per organ ({len(seals)})")
    for i, a in enumerate(seals):
        for b in seals[i + 1:]:
            apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
            check(apart, f"{name}: seals neither overlap nor touch")
        check(a[0] >= LEFT - 0.5 and a[2] <= RIGHT + 0.5, f"{name}: seal inside the 版心")
    for o in organs:
        w = [x for x in page.words if x[0] == o]
        check(len(w) == 1, f"{name}: the 署名 {o}")
        if w:
            over = [r for r in seals if r[0] <= w[0][1] + (w[0][3] - w[0][1]) / 2 <= r[2] and
                    r[1] < centre_y(w[0]) < r[3]]
            check(len(over) == 1 and abs((over[0][0] + over[0][2]) / 2 - (w[0][1] + w[0][3]) / 2)
                  <= TOL, f"{name}: {o}'s seal centred on its 署名")
    last = seals[-1]
    check(last[1] < centre_y(date) < last[3] and last[0] < (date[1] + date[3]) / 2 < last[2],
          f"{name}: the last seal over the date")
    check(abs(RIGHT - date[3] - 4 * CHAR) <= TOL, f"{name}: date 右空四字")
    text = last_body_line(page, seals[0][1] + 1)
    check(text is not None and 0 <= seals[0][1] - text[4] <= LINE,
          f"{name}: the first row of seals within one line of the text")


def check_letter(name, pages, meta):
    """§10.1: 标志 30 mm from the paper's top; red double lines 170 mm,
    centred, thick over thin 4 mm under the 标志, thin over thick 20 mm
    above the bottom; 发文字号 顶格 right and 份号 顶格 left, 7/8 of a 3号
    character under the lines; 标题 二行 under them; no page number on
    page 1; the 版记 without 印发 and without rules."""
    page = pages[0]
    mark = check_mark(name, page, 30, meta["issuer"], from_page=True)
    check(not [w for w in page.words if w[0].endswith("文件")], f"{name}: no 文件 in the 标志")
    reds = sorted((r for r in page.rules if r[4] == RED), key=lambda r: r[1])
    check(len(reds) == 4, f"{name}: two red double lines ({len(reds)} lines)")
    if len(reds) != 4 or not mark:
        return
    for r in reds:
        check(abs(r[2] - r[0] - 170 * MM) <= 0.5, f"{name}: double line {mm(r[2] - r[0])}, want 170")
        check(abs((r[0] + r[2]) / 2 - (LEFT + RIGHT) / 2) <= 0.5, f"{name}: double line centred")
    a, b, c, d = reds
    check(a[3] > b[3], f"{name}: the upper pair thick over thin ({a[3]:.2f} / {b[3]:.2f} pt)")
    check(c[3] < d[3], f"{name}: the lower pair thin over thick ({c[3]:.2f} / {d[3]:.2f} pt)")
    top = a[1] - a[3] / 2
    check(abs(top - mark[4] - 4 * MM) <= TOL,
          f"{name}: upper pair {mm(top - mark[4])} under the 标志, want 4 mm")
    bottom = d[1] + d[3] / 2
    check(abs(PAGE_H - bottom - 20 * MM) <= 0.5,
          f"{name}: lower pair {mm(PAGE_H - bottom)} above the bottom edge, want 20 mm")
    under = b[1] + b[3] / 2
    num = word(page, meta["doc_number"])
    copy = word(page, str(meta["copy_number"]))
    check(num is not None and copy is not None, f"{name}: 发文字号 and 份号")
    if num and copy:
        check(abs(num[3] - RIGHT) <= TOL, f"{name}: 发文字号 顶格 at the right ({mm(RIGHT - num[3])})")
        check(abs(num[2] - under - 14) <= TOL, f"{name}: 发文字号 {mm(num[2] - under)} under the "
              "lines, want 7/8 of 3号 (4.94 mm)")
        check(abs(copy[1] - LEFT) <= TOL, f"{name}: 份号 顶格 at the left")
        check(abs(copy[2] - num[2]) <= 0.5, f"{name}: 份号 on the 发文字号's line")
    sec = word(page, meta["secrecy"])
    if sec and copy:
        check(abs(sec[2] - copy[2] - LINE) <= TOL, f"{name}: 密级 on the line under the 份号")
    title = word(page, meta["title"])
    if title and sec:
        check(abs(centre_y(title) - centre_y(sec) - 3 * LINE) <= 2 * TOL,
              f"{name}: title 二行 under the last element ({(centre_y(title) - centre_y(sec)) / LINE:.2f} lines)")
    check(not [w for w in page.words if re.fullmatch(r"\d+", w[0]) and w[2] > BOTTOM],
          f"{name}: page 1 has no number")
    last = pages[-1]
    check(not [w for w in last.words if w[0].endswith("印发")], f"{name}: no 印发 in the 版记")
    check(not [r for r in last.rules if r[4] != RED and abs(r[2] - r[0] - BODY_W) < 0.5],
          f"{name}: no 版记 rules")
    check(any(w[0].startswith("抄送") for w in last.words), f"{name}: the 抄送 is there")
    check_sealed(name, pages, meta)


def check_minutes(name, pages, meta):
    """§10.3: “…纪要” 35 mm below the 版心 top; 出席/请假/列席 正文下空一行
    左空二字 in 黑体, the names after the colon, wrapped lines under the
    first name; no 署名, no seal."""
    page = pages[0]
    mark = check_mark(name, page, 35, meta["header"])
    check(mark is not None and mark[0].endswith("纪要"), f"{name}: the 标志 ends in 纪要")
    check_red_line(name, page, word(page, meta["doc_number"]))
    words = [w for p in pages for w in p.words]
    for key, label in (("attendees", "出席："), ("on_leave", "请假："), ("observers", "列席：")):
        hits = [(n, w) for n, p in enumerate(pages) for w in p.words if w[0].startswith(label)]
        check(len(hits) == 1, f"{name}: a {label} line")
        if not hits:
            continue
        n, w = hits[0]
        check(abs(w[1] - LEFT - 2 * CHAR) <= TOL, f"{name}: {label} 左空二字 ({mm(w[1] - LEFT)})")
        first = meta[key][0]
        check(w[0][len(label):].startswith(first), f"{name}: {first} right after {label}")
        body = font_of(pages[0], word(pages[0], "为进一步"))
        runs = sorted(r for r in pages[n].runs if w[2] - 0.5 <= r[1] <= w[4] + 0.5)
        check(len(runs) >= 2 and runs[0][4] != body and runs[1][4] == body,
              f"{name}: {label} in 黑体, the names in the text's 仿宋")
        # wrapped lines start under the first name
        nxt = [x for x in pages[n].words if 0 < x[2] - w[2] <= LINE + TOL and x[1] > LEFT + CHAR
               and x[4] <= BOTTOM + TOL and not x[0].startswith(("出席", "请假", "列席"))]
        runs = sorted(r for r in pages[n].runs if w[2] - 0.5 <= r[1] <= w[4] + 0.5)
        for x in nxt:
            # (a full first line may be squeezed a little by 禁则)
            check(len(runs) >= 2 and abs(x[1] - runs[1][0]) <= TOL,
                  f"{name}: a wrapped {label} line starts under the first name "
                  f"({mm(x[1] - runs[1][0]) if len(runs) >= 2 else '?'})")
    text = "".join(w[0] for w in words)
    for key in ("attendees", "on_leave", "observers"):
        for person in meta[key]:
            check(person in text, f"{name}: {person} reads back")
    check(not [r for p in pages for r in p.rects if r[4] == RED], f"{name}: no seal")
    tail = [w for w in pages[-1].words if w[0] == meta["issuer"]]
    check(not tail, f"{name}: no 署名")


def check_order(name, pages, meta):
    """§10.2: “…令” 20 mm below the 版心 top, the 令号 centred 标志下空二
    行, the text 令号下空二行; no red line; 职务 + 签名章 + date."""
    page = pages[0]
    mark = check_mark(name, page, 20, meta["issuer"] + "令")
    num = number_under(name, page, mark, meta["doc_number"], "令号")
    if mark and num:
        below = [w for w in page.words if w[2] > num[4]]
        first = min(below, key=lambda w: w[2]) if below else None
        # the text is on the grid: the first line at least 二行 under
        # the 令号, less than a line more
        lines = (first[2] - num[2]) / LINE if first else 0
        check(3 - 0.05 <= lines < 4, f"{name}: the text {lines:.2f} lines under the 令号, "
              "want 令号下空二行 (3, on the grid)")
    check(not [r for r in page.rules if r[4] == RED], f"{name}: no red line")
    check(len([w for w in page.words if w[0] == meta["title"]]) == 1,
          f"{name}: no title line (the 标志 is the only “{meta['title']}”)")
    check_stamp(name, pages, meta)


def main():
    outdir, plandir = sys.argv[1], sys.argv[2]
    variants = {
        "sealed": lambda n, p, m: (check_file(n, p, m), check_sealed(n, p, m)),
        "unsealed": lambda n, p, m: (check_file(n, p, m), check_unsealed(n, p, m)),
        "signed": lambda n, p, m: (check_file(n, p, m), check_stamp(n, p, m)),
        "signer": lambda n, p, m: (check_signer(n, p, m), check_sealed(n, p, m)),
        "joint": lambda n, p, m: check_joint(n, p, m, True),
        "joint-unsealed": lambda n, p, m: (check_joint(n, p, m, False),
                                           check_unsealed(n, p, m)),
        "letter": check_letter,
        "minutes": check_minutes,
        "order": check_order,
    }
    for name, fn in variants.items():
        md = os.path.join(plandir, name + ".md")
        pdf = os.path.join(outdir, name, name + ".pdf")
        check(os.path.exists(pdf), f"{name}: {pdf} was built")
        if os.path.exists(pdf):
            fn(name, read(pdf), front_matter(md))
    passed, failed = layout_check.passed, layout_check.failed
    print(f"formats: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
