#!/usr/bin/env python3
"""The 署名 block of a fangan PDF read back: everything inside the 版心.

usage: sign_check.py OUT.pdf ISSUER... [-- OUT.pdf ISSUER...]...

Reads every page with poppler (pdftotext -bbox-layout: each line's box in
points, origin top-left) and checks that every line of text but the page
number lies inside the 版心 (a 2号 title line: its top 16 pt) (28 mm from the left, 156 mm wide, 37 mm from
the top, 225 mm high, ±1 mm), and that each ISSUER's name is read back
whole, in order, from the lines after the body (a name wrapped onto
several lines reads back as the name).  Prints one line per failed check
and "sign: N passed, M failed".
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TOP, LEFT = 37 * MM, 28 * MM
RIGHT, BOTTOM = LEFT + 156 * MM, TOP + 225 * MM
TOL = 1 * MM
NS = "{http://www.w3.org/1999/xhtml}"
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def lines(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    for n, page in enumerate(root.iter(NS + "page"), 1):
        for line in page.iter(NS + "line"):
            text = "".join(w.text or "" for w in line.iter(NS + "word"))
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            yield n, text, box


def main(args):
    pdf, names = args[0], args[1:]
    got = list(lines(pdf))
    check(got, f"{pdf}: no text read back")
    for page, text, (x0, y0, x1, y1) in got:
        if re.fullmatch(r"—\d+—", text):
            continue  # the page number, below the 版心
        # A 2号 title set on the last grid line overhangs the 版心's
        # bottom by half the difference of the sizes (3 pt): its top
        # must be inside, as a 3号 line's bottom must.
        bottom = y0 + 16 if y1 - y0 > 20 else y1
        check(x0 >= LEFT - TOL and x1 <= RIGHT + TOL and y0 >= TOP - TOL and bottom <= BOTTOM + TOL,
              f"{pdf} p{page}: “{text}” at x {x0 / MM:.1f}–{x1 / MM:.1f} mm, "
              f"y {y0 / MM:.1f}–{y1 / MM:.1f} mm: outside the 版心")
    # The names, from the text after the last body line, in order.
    texts = [t for _, t, _ in got]
    tail = "".join(texts[texts.index(next(t for t in reversed(texts) if t.endswith("。")) ) + 1:])
    at = 0
    for name in names:
        i = tail.find(name, at)
        check(i >= 0, f"{pdf}: the 署名 “{name}” not read back whole after the text: {tail}")
        at = i + len(name) if i >= 0 else at


if __name__ == "__main__":
    # Groups separated by "--": PDF NAME... -- PDF NAME...
    group = []
    for a in sys.argv[1:] + ["--"]:
        if a == "--":
            if group:
                main(group)
            group = []
        else:
            group.append(a)
    print(f"sign: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
