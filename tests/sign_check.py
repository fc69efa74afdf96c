#!/usr/bin/env python3
"""The 署名 block of a fangan PDF read back: everything inside the 版心.

usage: sign_check.py OUT.pdf ISSUER... [-- OUT.pdf ISSUER...]...

Reads every page with layout_check's pages_of (pdftotext -bbox-layout:
each line's box in points, origin top-left) and checks that every line
of text but the page number lies inside the 版心 (layout_check's LEFT,
RIGHT, TOP, BOTTOM, ±1 mm; a 2号 title line: its top 16 pt), and that
each ISSUER's name is read back whole, in order, from the lines after
the body (a name wrapped onto several lines reads back as the name).
Prints one line per failed check and "sign: N passed, M failed".
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_check  # noqa: E402
from layout_check import BOTTOM, LEFT, MM, RIGHT, TOL, TOP, check, is_pagenum  # noqa: E402


def main(pdf, names):
    lines = [(n, *line) for n, page in enumerate(layout_check.pages_of(pdf), 1)
             for line in page]
    check(lines, f"{pdf}: no text read back")
    for page, text, x0, y0, x1, y1 in lines:
        if is_pagenum(text):
            continue  # below the 版心
        # A 2号 title set on the last grid line overhangs the 版心's
        # bottom by half the difference of the sizes (3 pt): its top
        # must be inside, as a 3号 line's bottom must.
        bottom = y0 + 16 if y1 - y0 > 20 else y1
        check(x0 >= LEFT - TOL and x1 <= RIGHT + TOL and y0 >= TOP - TOL and bottom <= BOTTOM + TOL,
              f"{pdf} p{page}: “{text}” at x {x0 / MM:.1f}–{x1 / MM:.1f} mm, "
              f"y {y0 / MM:.1f}–{y1 / MM:.1f} mm: outside the 版心")
    # The names, in order, from the text after the last body line.
    texts = [t.replace(" ", "") for _, t, *_ in lines]
    last = max(i for i, t in enumerate(texts) if t.endswith("。"))
    tail, at = "".join(texts[last + 1:]), 0
    for name in names:
        i = tail.find(name, at)
        check(i >= 0, f"{pdf}: the 署名 “{name}” not read back whole after the text: {tail}")
        at = i + len(name) if i >= 0 else at


if __name__ == "__main__":
    group = []
    for a in sys.argv[1:] + ["--"]:
        if a != "--":
            group.append(a)
        elif group:
            main(group[0], group[1:])
            group = []
    print(f"sign: {layout_check.passed} passed, {layout_check.failed} failed")
    sys.exit(1 if layout_check.failed else 0)
