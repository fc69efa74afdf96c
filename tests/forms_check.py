#!/usr/bin/env python3
"""Read forms, ledgers and score sheets back from fangan's PDFs.

usage: forms_check.py [--docx] OUTDIR PLAN.md...

--docx: the PDFs are fangan's DOCX files converted by LibreOffice
(tests/docx_forms.sh), whose landscape pages are landscape paper.

Each plan must have been built into OUTDIR/NAME/.  The ruling lines are
read from the PDF's content streams (qpdf --qdf decompresses them; the
path operators m/l/S and re give every rule, with its width), the text
from poppler (pdftotext -bbox: a box per word, in points from the top
left).  Nothing is taken from fangan's own numbers, so a wrong constant
in the C code shows up here.  Checked:

  - no word crosses a rule, and every word lies inside the page and
    (page numbers aside) inside the 版心, portrait or landscape;
  - forms: every field's label is the text of a cell of its own; the
    value cell beside it is empty, or holds the unit's name in a unit's
    copy; half fields share a row; a sign cell ends with （盖章） over the
    date at its bottom right; a form that fits one page is one page;
  - every unit has its copy in OUTDIR/NAME/units/ (a PDF and a DOCX),
    and no other file is there;
  - ledgers and score sheets: the header row is the first row on every
    page, with every column's name; the rows are the units, criteria,
    deadlines or the literal rows, numbered; the score sheet's 合计 row
    carries the total and the rating bands follow the table.

Prints one line per failed check and "forms: N passed, M failed".
"""
import decimal
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_check  # noqa: E402

MM = 72 / 25.4
TOP, LEFT, BODY_W, BODY_H = 37 * MM, 28 * MM, 156 * MM, 225 * MM
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOL = 1 * MM
NS = "{http://www.w3.org/1999/xhtml}"

passed = failed = 0
# --docx: the PDFs are fangan's DOCX converted by LibreOffice
DOCX = "--docx" in sys.argv[1:]


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


# ---- reading a PDF ----------------------------------------------------------

class Page:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.words = []      # (text, x0, y0, x1, y1), y from the top
        self.rules = []      # (x0, y0, x1, y1, width), y from the top
        self.rot = 0         # /Rotate

    @property
    def landscape(self):
        return self.w > self.h

    def frame(self):
        """The 版心 as (left, top, right, bottom)."""
        if self.landscape:
            left, top = PAGE_H - TOP - BODY_H, LEFT
            return left, top, left + BODY_H, top + BODY_W
        return LEFT, TOP, LEFT + BODY_W, TOP + BODY_H


def read_pdf(pdf):
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    pages = []
    rots = layout_check.rotations(pdf)
    for n, p in enumerate(root.iter(NS + "page")):
        rot = rots[n] if n < len(rots) else 0
        page = Page(*layout_check.page_size(float(p.get("width")), float(p.get("height")), rot))
        page.rot = rot
        for w in p.iter(NS + "word"):
            page.words.append((w.text or "", *(float(w.get(k)) for k in
                                                ("xMin", "yMin", "xMax", "yMax"))))
        pages.append(page)
    with tempfile.TemporaryDirectory() as tmp:
        qdf = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        data = open(qdf, "rb").read().decode("latin-1")
    # In QDF each page's content stream follows a "%% Contents for page N"
    # comment; only the path operators matter here.
    for m in re.finditer(r"%% Contents for page (\d+)\n.*?stream\n(.*?)\nendstream", data, re.S):
        page = pages[int(m.group(1)) - 1]
        width, path, x, y = 1.0, [], 0.0, 0.0
        stack = []
        for tok in re.findall(r"<[^>]*>|\([^)]*\)|[^\s<(]+", m.group(2)):
            if re.fullmatch(r"-?[\d.]+", tok):
                stack.append(float(tok))
                continue
            if tok == "w":
                width = stack[-1]
            elif tok == "m":
                x, y = stack[-2:]
            elif tok == "l":
                path.append((x, y, *stack[-2:]))
                x, y = stack[-2:]
            elif tok == "re":
                rx, ry, rw, rh = stack[-4:]
                path += [(rx, ry, rx + rw, ry), (rx + rw, ry, rx + rw, ry + rh),
                         (rx + rw, ry + rh, rx, ry + rh), (rx, ry + rh, rx, ry)]
            elif tok in ("S", "s", "B", "b"):
                for (x0, y0, x1, y1) in path:
                    page.rules.append((min(x0, x1), page.h - max(y0, y1),
                                       max(x0, x1), page.h - min(y0, y1), width))
                path = []
            elif tok in ("f", "F", "n", "f*"):
                path = []
            stack = []
    return pages


def is_pagenum(text):
    return re.fullmatch(r"—|\d+", text) is not None


def points_text(v):
    """A point value as a score sheet prints it (plan-format.md): one
    decimal at most, no trailing zeros: 17.50 is 17.5, 20.0 is 20, and
    "17.5分" is 17.5."""
    if v is None:
        return "None"
    d = decimal.Decimal(str(v).removesuffix("分"))
    return format(d.normalize(), "f")


def strip(s):
    return re.sub(r"\s+", "", s)


# ---- cells ---------------------------------------------------------------------

def cell_of(page, x, y):
    """The box of rules around point (x, y): the nearest rule on each side
    that spans across the point; None when it is not enclosed."""
    left = right = top = bottom = None
    for (x0, y0, x1, y1, w) in page.rules:
        if abs(x1 - x0) < 0.01 and y0 - 0.01 <= y <= y1 + 0.01:        # vertical
            if x0 < x and (left is None or x0 > left):
                left = x0
            if x0 > x and (right is None or x0 < right):
                right = x0
        elif abs(y1 - y0) < 0.01 and x0 - 0.01 <= x <= x1 + 0.01:      # horizontal
            if y0 < y and (top is None or y0 > top):
                top = y0
            if y0 > y and (bottom is None or y0 < bottom):
                bottom = y0
    if None in (left, right, top, bottom):
        return None
    return (round(left, 2), round(top, 2), round(right, 2), round(bottom, 2))


def cells(page):
    """Every cell's box with its text, its words in reading order.  The
    cells come from the rules: each band between two horizontal rules is
    cut by the vertical rules that cross it, so empty cells count too."""
    horiz = sorted({r[1] for r in page.rules if abs(r[3] - r[1]) < 0.01})
    out = {}
    for ya, yb in zip(horiz, horiz[1:]):
        ym = (ya + yb) / 2
        xs = sorted({r[0] for r in page.rules
                     if abs(r[2] - r[0]) < 0.01 and r[1] <= ym <= r[3]})
        for xa, xb in zip(xs, xs[1:]):
            box = cell_of(page, (xa + xb) / 2, ym)
            if box:
                out.setdefault(box, [])
    for wd in page.words:
        t, x0, y0, x1, y1 = wd
        box = cell_of(page, (x0 + x1) / 2, (y0 + y1) / 2)
        if box in out:
            out[box].append(wd)
    return {box: "".join(w[0] for w in sorted(ws, key=lambda w: (round(w[2]), w[1])))
            for box, ws in out.items()}


def rows_of(page):
    """Cells grouped into rows (same top), top to bottom, each row's
    cells left to right: [(top, [(box, text)])]."""
    cs = cells(page)
    rows = {}
    for box, text in cs.items():
        rows.setdefault(box[1], []).append((box, text))
    return [(top, sorted(v)) for top, v in sorted(rows.items())]


# ---- checks on every page -------------------------------------------------------

def overlaps(a, b):
    """Do two word boxes share more than a sliver (poppler's boxes of
    neighbouring words may touch)?"""
    w = min(a[3], b[3]) - max(a[1], b[1])
    h = min(a[4], b[4]) - max(a[2], b[2])
    return w > 1 and h > 1


def check_page(page, where):
    left, top, right, bottom = page.frame()
    # A landscape page is a portrait sheet turned by /Rotate 90 (its
    # MediaBox portrait): printers feed it like the others, the table's
    # head at the sheet's left edge, toward the binding of an odd page.
    # (Not so a DOCX converted by LibreOffice: a landscape section is
    # landscape paper.)
    if page.landscape and not DOCX:
        check(page.rot == 90, f"{where}: a landscape page is a portrait sheet with /Rotate 90 "
              f"(rot {page.rot})")
    # No text over other text.
    words = sorted(page.words, key=lambda w: w[2])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b[2] >= a[4]:
                break
            if overlaps(a, b):
                check(False, f"{where}: '{a[0][:12]}' and '{b[0][:12]}' overlap")
    for (t, x0, y0, x1, y1) in page.words:
        check(0 <= x0 and x1 <= page.w and 0 <= y0 and y1 <= page.h,
              f"{where}: '{t}' off the page")
        if is_pagenum(t):
            continue
        check(x0 >= left - TOL and x1 <= right + TOL and y0 >= top - TOL and y1 <= bottom + TOL,
              f"{where}: '{t[:12]}' outside the 版心 ({x0:.1f},{y0:.1f})..({x1:.1f},{y1:.1f})")
        # A rule through a word: a horizontal one between its top and
        # bottom across its width, or a vertical one within its width.
        # Poppler's boxes are a little taller than the glyphs, hence 1 pt.
        for (rx0, ry0, rx1, ry1, w) in page.rules:
            h = abs(ry1 - ry0) < 0.01
            if h and y0 + 1 < ry0 < y1 - 1 and rx0 < x1 - 1 and rx1 > x0 + 1:
                check(False, f"{where}: rule at y {ry0:.1f} crosses '{t[:12]}'")
            if not h and x0 + 0.5 < rx0 < x1 - 0.5 and ry0 < y1 - 1 and ry1 > y0 + 1:
                check(False, f"{where}: rule at x {rx0:.1f} crosses '{t[:12]}'")


def table_pages(pages, where):
    for n, page in enumerate(pages, 1):
        check_page(page, f"{where} page {n}")
        check(len(page.rules) > 0, f"{where} page {n}: no rules")


# ---- forms ------------------------------------------------------------------------

UNIT_FIELDS = ("申报单位", "单位", "单位名称")


def fields_of(att):
    out = []
    for f in att.get("fields") or []:
        if isinstance(f, str):
            f = {"name": f}
        out.append({"name": str(f["name"]), "half": f.get("width") == "half",
                    "lines": int(f.get("lines", 1)), "sign": bool(f.get("sign"))})
    return out


def check_form(pdf, att, unit, where):
    pages = read_pdf(pdf)
    table_pages(pages, where)
    fields = fields_of(att)
    unit_field = next((f["name"] for f in fields if f["name"] in UNIT_FIELDS),
                      fields[0]["name"] if fields else None)
    found, seen = {}, {}
    for n, page in enumerate(pages, 1):
        check(not page.landscape, f"{where} page {n}: a form page is portrait")
        for top, row in rows_of(page):
            for i, (box, text) in enumerate(row):
                for f in fields:
                    if strip(text) == strip(f["name"]) and i + 1 < len(row):
                        found[f["name"]] = (n, box, row[i + 1], top)
                        seen[f["name"]] = seen.get(f["name"], 0) + 1
        # The 填报单位/填报日期 line, when the template shows it: above
        # the table, the unit written after it in a unit's copy.
        filler = [w for w in page.words if w[0].startswith("填报单位")]
        if filler and page.rules:
            w, table_top = filler[0], min(r[1] for r in page.rules)
            check(w[4] < table_top, f"{where}: 填报单位 not above the table")
            if unit is not None:
                line = strip("".join(x[0] for x in sorted(page.words, key=lambda x: (round(x[2]), x[1]))
                                     if w[2] - 0.5 <= x[2] and x[4] < table_top))
                check(strip("填报单位（盖章）：" + unit) in line, f"{where}: 填报单位 reads '{line}'")
    for f in fields:
        check(seen.get(f["name"], 0) <= 1, f"{where}: label '{f['name']}' drawn twice (row split)")
    # Tall enough forms may break; small ones fit one page.
    lines = sum(max(f["lines"], 3) if f["sign"] else f["lines"] for f in fields)
    if lines <= 20:
        check(len(pages) == 1, f"{where}: a form of {lines} lines fits one page, got {len(pages)}")
    for f in fields:
        name = f["name"]
        check(name in found, f"{where}: label '{name}' is not a cell of its own")
        if name not in found:
            continue
        n, box, (vbox, value), top = found[name]
        page = pages[n - 1]
        words = [w for w in page.words if cell_of(page, (w[1] + w[3]) / 2, (w[2] + w[4]) / 2) == box]
        for (t, x0, y0, x1, y1) in words:
            check(box[0] < x0 and x1 < box[2] and box[1] < y0 and y1 < box[3],
                  f"{where}: label '{t}' not inside its cell {box}")
        check(vbox[0] == box[2], f"{where}: the value cell of '{name}' is not right of its label")
        want = ""
        if unit is not None and name == unit_field:
            want = unit
        if f["sign"]:
            check(strip(value).endswith("（盖章）年月日"),
                  f"{where}: sign cell of '{name}' reads '{value}'")
            seal = [w for w in page.words if w[0] == "（盖章）" and
                    cell_of(page, (w[1] + w[3]) / 2, (w[2] + w[4]) / 2) == vbox]
            day = [w for w in page.words if w[0] == "日" and
                   cell_of(page, (w[1] + w[3]) / 2, (w[2] + w[4]) / 2) == vbox]
            check(bool(seal) and bool(day), f"{where}: '{name}' has no seal or date")
            if seal and day:
                s, d = seal[0], day[0]
                mid = (vbox[1] + vbox[3]) / 2
                check(d[2] > mid and s[2] > mid and s[4] <= d[2] + 0.5,
                      f"{where}: seal and date of '{name}' not at the bottom, seal above date")
                check(vbox[2] - d[3] < 60 and d[3] < vbox[2],
                      f"{where}: date of '{name}' not at the right")
        else:
            check(strip(value) == strip(want),
                  f"{where}: value of '{name}' reads '{value}', want '{want}'")
            if want:
                ws = [w for w in page.words if w[0] and cell_of(page, (w[1] + w[3]) / 2,
                                                                (w[2] + w[4]) / 2) == vbox]
                for (t, x0, y0, x1, y1) in ws:
                    check(vbox[0] < x0 and x1 < vbox[2] and vbox[1] < y0 and y1 < vbox[3],
                          f"{where}: '{t}' not inside its value cell")
    # Two half fields in a row share it (pairs taken in order); every
    # other field has a row of its own.
    i, tops = 0, []
    while i < len(fields):
        a = fields[i]
        pair = a["half"] and i + 1 < len(fields) and fields[i + 1]["half"]
        group = fields[i:i + 2] if pair else [a]
        got = {found[f["name"]][:1] + (found[f["name"]][3],) for f in group if f["name"] in found}
        check(len(got) == 1, f"{where}: {[f['name'] for f in group]} not one row")
        tops += list(got)
        i += len(group)
    check(len(tops) == len(set(tops)), f"{where}: two rows of fields share a row")
    return pages


def safe(name):
    s = "".join("_" if (ord(c) < 0x20 or c in '/\\:*?"<>|' or 0x7f <= ord(c) < 0xa0) else c
                for c in name)
    return "_" + s[1:] if s.startswith(".") else s


# ---- ledgers and score sheets -----------------------------------------------------

def table_rows(pages, where, columns):
    """Every page's rows after its header row, which must be the columns
    (or, when the plan gives none, the same on every page); returns the
    body rows' cell texts in order."""
    body, first = [], None
    for n, page in enumerate(pages, 1):
        rows = rows_of(page)
        check(len(rows) >= 1, f"{where} page {n}: no table")
        if not rows:
            continue
        head = [strip(t) for _, t in rows[0][1]]
        first = first or head
        want = [strip(c) for c in columns] if columns else first
        check(head == want, f"{where} page {n}: the first row is {head}, want the header {want}")
        for top, row in rows[1:]:
            body.append([strip(t) for _, t in row])
    return body


def check_ledger(pdf, att, plan, where):
    pages = read_pdf(pdf)
    table_pages(pages, where)
    cols = [str(c) for c in att.get("columns") or []]
    for n, page in enumerate(pages, 1):
        check(page.landscape, f"{where} page {n}: a ledger page is landscape")
    rows = table_rows(pages, where, cols)
    src = att.get("rows")
    num = cols.index("序号") if "序号" in cols else None
    if src == "units":
        units = [str(u) for u in plan.get("units") or []]
        k = next((i for i, c in enumerate(cols) if c in ("单位", "单位名称")), 1)
        check([r[k] if k < len(r) else "" for r in rows] == [strip(u) for u in units],
              f"{where}: the unit column does not list the units in order")
    elif src == "deadlines":
        names = [strip(str(d["name"])) for d in plan.get("deadlines") or []]
        check([r[1] for r in rows] == names, f"{where}: the deadlines' names are not listed")
    elif isinstance(src, list):
        for i, (r, want) in enumerate(zip(rows, src)):
            want = [strip(str(c)) for c in want]
            numbered = num is not None and len(want) + 1 == len(cols)
            got = [c for j, c in enumerate(r) if not (numbered and j == num)]
            # Cells beyond the columns are not drawn (a check warning).
            want = (want + [""] * len(got))[:len(got)]
            check(got == want, f"{where}: row {i + 1} reads {r}")
        check(len(rows) == len(src), f"{where}: {len(rows)} rows, want {len(src)}")
    numbered = not isinstance(src, list) or all(len(r) + 1 == len(cols) for r in src)
    if num is not None and numbered:
        check([r[num] for r in rows] == [str(i + 1) for i in range(len(rows))],
              f"{where}: 序号 not 1..{len(rows)}")
    return pages


def check_scoresheet(pdf, plan, where):
    pages = read_pdf(pdf)
    table_pages(pages, where)
    cols = ["序号", "评分项目", "评分标准", "分值", "自评分", "考评分"]
    rows = table_rows(pages, where, cols)
    crit = plan.get("criteria") or {}
    items = crit.get("items") or []
    check(len(rows) == len(items) + 1, f"{where}: {len(rows)} rows, want {len(items)} items + 合计")
    for i, (r, it) in enumerate(zip(rows, items)):
        check(r[:4] == [str(i + 1), strip(it["name"]), strip(it.get("standard", "")),
                        points_text(it["points"])] and r[4:] == ["", ""],
              f"{where}: row {i + 1} reads {r}")
    if rows:
        check(rows[-1] == ["合计", points_text(crit.get("total")), "", ""],
              f"{where}: the total row reads {rows[-1]}")
    # The bands below the last rule of the last page.
    last = pages[-1]
    low = max(r[3] for r in last.rules)
    below = strip("".join(w[0] for w in sorted(last.words, key=lambda w: (round(w[2]), w[1]))
                          if w[2] > low and not is_pagenum(w[0])))
    if crit.get("ratings"):
        first = crit["ratings"][0]
        check(below.startswith("评定等次：") and strip(str(first["name"])) in below,
              f"{where}: no rating bands under the table: '{below[:30]}'")
    return pages


# ---- a plan -------------------------------------------------------------------------

def check_plan(outdir, md):
    src = open(md, encoding="utf-8").read()
    plan = yaml.safe_load(src.split("\n---\n", 1)[0][3:]) or {}
    name = os.path.splitext(os.path.basename(md))[0]
    d = os.path.join(outdir, name)
    main = os.path.join(d, name + ".pdf")
    check(os.path.isfile(main), f"{main} missing")
    units = [str(u) for u in plan.get("units") or []]
    atts = plan.get("attachments") or []
    names = [name]
    for i, att in enumerate(atts, 1):
        aid = safe(str(att.get("id") or f"附件{i}"))
        if aid in names:
            aid = f"{aid}-{i}"
        names.append(aid)
        pdf = os.path.join(d, aid + ".pdf")
        where = f"{name}/{aid}.pdf"
        check(os.path.isfile(pdf), f"{pdf} missing")
        if not os.path.isfile(pdf):
            continue
        kind = att.get("type", "text")
        if kind == "form":
            check_form(pdf, att, None, where)
            # a PDF and a DOCX for every unit (tests/docx_forms.sh reads those)
            got = sorted(os.path.basename(f) for f in glob.glob(os.path.join(d, "units", aid + "-*")))
            want = sorted(f"{aid}-{safe(u)}.{ext}" for u in units for ext in ("docx", "pdf"))
            check(got == want, f"{where}: per-unit files {got[:3]}…, want {want[:3]}…")
            for u in units:
                f = os.path.join(d, "units", f"{aid}-{safe(u)}.pdf")
                if os.path.isfile(f):
                    check_form(f, att, u, f"{name}/units/{aid}-{safe(u)}.pdf")
        elif kind == "ledger":
            check_ledger(pdf, att, plan, where)
        elif kind == "scoresheet":
            check_scoresheet(pdf, plan, where)
    # The whole document: no text crosses a rule anywhere.
    for n, page in enumerate(read_pdf(main) if os.path.isfile(main) else [], 1):
        check_page(page, f"{name}.pdf page {n}")
    # Nothing written outside the plan's folder.
    stray = [f for f in os.listdir(outdir) if not os.path.isdir(os.path.join(outdir, f))]
    check(not stray, f"files outside the plans' folders: {stray}")


def main():
    args = [a for a in sys.argv[1:] if a != "--docx"]
    outdir = args[0]
    for md in args[1:]:
        check_plan(outdir, md)
    print(f"forms: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
