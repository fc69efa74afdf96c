#!/usr/bin/env python3
"""Measure a 信函 (format: letter) DOCX as LibreOffice sets it.

usage: docx_formats_check.py PLAN.md CONVERTED.pdf [PLAN.md CONVERTED.pdf]...

CONVERTED.pdf is fangan's NAME.docx converted by LibreOffice (soffice
--convert-to pdf, as tests/docx_office.sh does).  The numbers are
GB/T 9704 §10.1's, as tests/formats_check.py measures them in fangan's
own PDF, within the standard's ±1 mm:

  - the red 发文机关标志 centred, its em box's top 30 mm below the
    paper's top edge;
  - two red double lines 170 mm long, centred: thick over thin with its
    top 4 mm under the 标志, thin over thick with its bottom 20 mm above
    the paper's bottom edge;
  - the 发文字号 7/8 of a 3号 character (14 pt) under the upper pair;
  - no page number on page 1.

LibreOffice writes each text run as `x y Td /F size Tf … Tj` (y: the
baseline, from the bottom) inside q … Q with its fill colour, and each
line as `w … m … l S` with its stroke colour; both are read from the
page's content stream (qpdf --qdf).  A run's em box is 0.88 of its size
above the baseline and 0.12 below (fangan's em box, geometry.c).  The
words and their x come from poppler (pdftotext -bbox).  Prints one line
per failed check and "docxformats: N passed, M failed".
"""
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_check  # noqa: E402
from formats_check import TOKENS, page_streams, page_words  # noqa: E402
from layout_check import check  # noqa: E402  (one pass/fail counter)

MM = 72 / 25.4
PAGE_H = 297 * MM
LEFT, RIGHT = 28 * MM, (28 + 156) * MM
TOL = 1 * MM
EM_ASCENT = 0.88


def red(rgb):
    return rgb is not None and rgb[0] > 0.9 and rgb[1] < 0.5 and rgb[2] < 0.5


class Page:
    def __init__(self):
        self.words = []   # [text, x0, y0, x1, y1], y from the top
        self.runs = []    # (x, baseline from the top, size, rgb fill)
        self.rules = []   # (x0, y from the top, x1, width, rgb stroke)


def read(pdf):
    pages = page_words(pdf, Page)
    for n, stream in page_streams(pdf):
        page = pages[n]
        # graphics state: fill, stroke, line width (q pushes, Q pops)
        state, stack = [None, None, 1.0], []
        nums, at, pos, size = [], None, (0.0, 0.0), 0.0
        for tok in re.findall(TOKENS, stream):
            if re.fullmatch(r"-?[\d.]+", tok):
                nums.append(float(tok))
                continue
            if tok == "q":
                stack.append(list(state))
            elif tok == "Q" and stack:
                state = stack.pop()
            elif tok == "rg":
                state[0] = tuple(nums[-3:])
            elif tok == "RG":
                state[1] = tuple(nums[-3:])
            elif tok == "w":
                state[2] = nums[-1]
            elif tok == "m":
                at = tuple(nums[-2:])
            elif tok == "l" and at:
                (x0, y0), (x1, y1) = at, nums[-2:]
                if abs(y0 - y1) < 0.2:
                    page.rules.append((min(x0, x1), PAGE_H - (y0 + y1) / 2, max(x0, x1),
                                       state[2], state[1]))
            elif tok == "Td":
                pos = tuple(nums[-2:])
            elif tok == "Tf":
                size = nums[-1]
            elif tok in ("Tj", "TJ"):
                page.runs.append((pos[0], PAGE_H - pos[1], size, state[0]))
            if not tok.startswith(("/", "<", "(")):
                nums = []
        # a border or line drawn twice is one rule
        page.rules = sorted(set((round(a, 1), round(b, 1), round(c, 1), round(d, 2), e)
                                for a, b, c, d, e in page.rules), key=lambda r: r[1])
    return pages


def run_of(page, word):
    """The run that starts at the word's left edge, on its line."""
    for r in page.runs:
        if abs(r[0] - word[1]) < 0.5 and word[2] - 0.5 <= r[1] <= word[4] + 0.5:
            return r
    return None


def em_top(run):
    return run[1] - EM_ASCENT * run[2]


def em_bottom(run):
    return run[1] + (1 - EM_ASCENT) * run[2]


def front_matter(md):
    src = open(md, encoding="utf-8").read()
    return yaml.safe_load(src.split("\n---\n", 1)[0][3:]) or {}


def check_letter(name, pages, meta):
    page = pages[0]
    issuer = meta["issuer"]
    words = [w for w in page.words if w[0].startswith(issuer)]
    check(bool(words), f"{name}: the 标志 “{issuer}” on page 1")
    mark = run_of(page, words[0]) if words else None
    check(mark is not None, f"{name}: the 标志's run")
    if not mark:
        return
    w = words[0]
    check(red(mark[3]), f"{name}: the 标志 is red ({mark[3]})")
    check(abs(em_top(mark) - 30 * MM) <= TOL,
          f"{name}: 标志 top {em_top(mark) / MM:.2f} mm below the paper's top, want 30")
    check(abs((w[1] + w[3]) / 2 - (LEFT + RIGHT) / 2) <= TOL,
          f"{name}: 标志 centred ({((w[1] + w[3]) / 2 - (LEFT + RIGHT) / 2) / MM:.2f} mm off)")
    reds = [r for r in page.rules if red(r[4])]
    check(len(reds) == 4, f"{name}: two red double lines ({len(reds)} lines)")
    if len(reds) != 4:
        return
    for r in reds:
        check(abs(r[2] - r[0] - 170 * MM) <= TOL,
              f"{name}: double line {(r[2] - r[0]) / MM:.2f} mm long, want 170")
        check(abs((r[0] + r[2]) / 2 - (LEFT + RIGHT) / 2) <= TOL, f"{name}: double line centred")
    a, b, c, d = reds
    check(a[3] > b[3], f"{name}: the upper pair thick over thin ({a[3]:.2f} / {b[3]:.2f} pt)")
    check(c[3] < d[3], f"{name}: the lower pair thin over thick ({c[3]:.2f} / {d[3]:.2f} pt)")
    check(b[1] - b[3] / 2 > a[1] + a[3] / 2 and d[1] - d[3] / 2 > c[1] + c[3] / 2,
          f"{name}: white between the lines of each pair")
    top = a[1] - a[3] / 2
    check(abs(top - em_bottom(mark) - 4 * MM) <= TOL,
          f"{name}: upper pair {(top - em_bottom(mark)) / MM:.2f} mm under the 标志, want 4")
    bottom = d[1] + d[3] / 2
    check(abs(PAGE_H - bottom - 20 * MM) <= TOL,
          f"{name}: lower pair {(PAGE_H - bottom) / MM:.2f} mm above the bottom edge, want 20")
    num = [x for x in page.words if x[0].startswith(str(meta["doc_number"])[:4])]
    run = run_of(page, num[0]) if num else None
    check(run is not None, f"{name}: the 发文字号 on page 1")
    if run:
        under = b[1] + b[3] / 2
        check(abs(em_top(run) - under - 14) <= TOL,
              f"{name}: 发文字号 {(em_top(run) - under) / MM:.2f} mm under the lines, want 4.94")
    check(not [x for x in page.words if re.fullmatch(r"\d+", x[0]) and x[2] > PAGE_H - 35 * MM],
          f"{name}: page 1 has no number")


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit("usage: docx_formats_check.py PLAN.md CONVERTED.pdf ...")
    for md, pdf in zip(args[::2], args[1::2]):
        meta = front_matter(md)
        name = os.path.basename(md)
        if meta.get("format") in ("letter", "信函"):
            check_letter(name, read(pdf), meta)
        else:
            check(False, f"{name}: not a 信函 (format: {meta.get('format')})")
    print(f"docxformats: {layout_check.passed} passed, {layout_check.failed} failed")
    return 1 if layout_check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
