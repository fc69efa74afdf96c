#!/usr/bin/env python3
"""Open fangan's DOCX of forms, ledgers and score sheets with python-docx.

usage: docx_forms_check.py OUTDIR PLAN.md...

Each plan must have been built into OUTDIR/NAME/.  For every attachment
of type form, ledger or scoresheet, OUTDIR/NAME/ID.docx (and, for a form
of a plan with units, every OUTDIR/NAME/units/ID-UNIT.docx) must hold:

  - the label (发文字号 + 附件N) as its first paragraph and the title;
  - one table, laid out fixed, with a tblGrid of one gridCol per column
    (WPS needs it), every row unsplittable and as tall as the layout
    made it (trHeight), and the column edges where our own PDF draws its
    vertical rules (read from the PDF with forms_check.py): the widths
    are the layout's, not recomputed;
  - forms: every field's label the text of a cell, the value cell after
    it empty — or, in a unit's copy, the unit's name in the unit's
    field — a sign box ending with （盖章） over the date, the filler line
    with the unit's name;
  - ledgers and score sheets: the header row marked tblHeader (repeated
    on every page) with the columns' names; the rows' texts; a score
    sheet's 合计 row and its rating bands after the table;
  - a landscape section exactly when our PDF's pages are landscape.

Prints one line per failed check and "docxforms: N passed, M failed".
"""
import glob
import os
import re
import sys

import docx
import yaml
from docx.oxml.ns import qn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forms_check  # noqa: E402
from forms_check import UNIT_FIELDS, fields_of, points_text, safe, strip  # noqa: E402

from forms_check import check  # noqa: E402  (one pass/fail counter)


def cell_text(tc):
    return strip("".join(t.text or "" for t in tc.iter(qn("w:t"))))


def rows_of(tbl):
    """Each row: (trPr element or None, [(tc, text, span)])."""
    out = []
    for tr in tbl.findall(qn("w:tr")):
        cells = []
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            gs = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
            cells.append((tc, cell_text(tc), int(gs.get(qn("w:val"))) if gs is not None else 1))
        out.append((tr.find(qn("w:trPr")), cells))
    return out


def pdf_edges(pdf):
    """The x of our PDF's vertical rules on its first page, from the
    table's left edge, in pt."""
    page = forms_check.read_pdf(pdf)[0]
    xs = sorted({round(r[0], 1) for r in page.rules if abs(r[2] - r[0]) < 0.01})
    return [x - xs[0] for x in xs] if xs else [], page.landscape


def check_table(d, pdf, where):
    tables = d.element.body.findall(qn("w:tbl"))
    check(len(tables) == 1, f"{where}: {len(tables)} tables, want 1")
    if not tables:
        return None
    tbl = tables[0]
    tblpr = tbl.find(qn("w:tblPr"))
    layout = tblpr.find(qn("w:tblLayout")) if tblpr is not None else None
    check(layout is not None and layout.get(qn("w:type")) == "fixed", f"{where}: table not fixed")
    grid = tbl.find(qn("w:tblGrid"))
    cols = [int(g.get(qn("w:w"))) for g in grid.findall(qn("w:gridCol"))] if grid is not None else []
    rows = rows_of(tbl)
    spans = max((sum(c[2] for c in cells) for _, cells in rows), default=0)
    check(len(cols) == spans and spans > 0, f"{where}: {len(cols)} gridCol for {spans} columns")
    for n, (trpr, cells) in enumerate(rows, 1):
        ok = trpr is not None and trpr.find(qn("w:cantSplit")) is not None and \
            trpr.find(qn("w:trHeight")) is not None
        check(ok, f"{where}: row {n} without cantSplit and trHeight")
    # The column edges of the layout: every vertical rule of our PDF is
    # an edge of the grid, and the table is as wide.
    edges, land = pdf_edges(pdf)
    grid_edges = [sum(cols[:k]) / 20 for k in range(len(cols) + 1)]
    for x in edges:
        check(any(abs(x - g) <= 1 for g in grid_edges),
              f"{where}: our PDF's rule at {x:.1f} pt is no edge of the grid {grid_edges}")
    if edges:
        check(abs(edges[-1] - grid_edges[-1]) <= 1,
              f"{where}: table {grid_edges[-1]:.1f} pt wide, our PDF's {edges[-1]:.1f}")
    sect = d.sections[-1]
    check((sect.page_width > sect.page_height) == land,
          f"{where}: landscape section {sect.page_width > sect.page_height}, our PDF {land}")
    return rows


def paragraphs(d):
    return [strip(p.text) for p in d.paragraphs]


def check_head(d, label, title, where):
    ps = [p for p in paragraphs(d) if p]
    check(bool(ps) and ps[0] == strip(label), f"{where}: first paragraph {ps[:1]}, want '{label}'")
    if title:
        check(len(ps) > 1 and ps[1] == strip(title), f"{where}: title {ps[1:2]}, want '{title}'")


def check_form(path, pdf, att, unit, label, where):
    d = docx.Document(path)
    check_head(d, label, att.get("title"), where)
    rows = check_table(d, pdf, where)
    if rows is None:
        return
    fields = fields_of(att)
    unit_field = next((f["name"] for f in fields if f["name"] in UNIT_FIELDS),
                      fields[0]["name"] if fields else None)
    cells = [c for _, cs in rows for c in cs]
    for f in fields:
        k = next((i for i, c in enumerate(cells) if c[1] == strip(f["name"])), None)
        check(k is not None and k + 1 < len(cells), f"{where}: label '{f['name']}' is not a cell")
        if k is None or k + 1 >= len(cells):
            continue
        value = cells[k + 1][1]
        if f["sign"]:
            ps = [strip("".join(t.text or "" for t in p.iter(qn("w:t"))))
                  for p in cells[k + 1][0].findall(qn("w:p"))]
            ps = [p for p in ps if p]
            check(ps[-2:] == ["（盖章）", "年月日"], f"{where}: sign box of '{f['name']}' reads {ps}")
            continue
        want = strip(unit) if unit is not None and f["name"] == unit_field else ""
        check(value == want, f"{where}: value of '{f['name']}' reads '{value}', want '{want}'")
    if unit is not None:
        filler = [p for p in paragraphs(d) if p.startswith("填报单位")]
        if filler:
            check(strip(unit) in filler[0], f"{where}: 填报单位 line reads '{filler[0]}'")


def check_sheet(path, pdf, att, plan, kind, label, where):
    d = docx.Document(path)
    check_head(d, label, att.get("title"), where)
    rows = check_table(d, pdf, where)
    if rows is None:
        return
    trpr, head = rows[0]
    check(trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
          f"{where}: the header row is not repeated (tblHeader)")
    for trpr2, _ in rows[1:]:
        check(trpr2 is None or trpr2.find(qn("w:tblHeader")) is None,
              f"{where}: a body row marked tblHeader")
    names = [c[1] for c in head]
    if kind == "scoresheet":
        check(names == ["序号", "评分项目", "评分标准", "分值", "自评分", "考评分"],
              f"{where}: header {names}")
        crit = plan.get("criteria") or {}
        items = crit.get("items") or []
        check(len(rows) == len(items) + 2, f"{where}: {len(rows)} rows for {len(items)} items")
        for i, (it, (_, cs)) in enumerate(zip(items, rows[1:])):
            got = [c[1] for c in cs]
            check(got[:4] == [str(i + 1), strip(it["name"]), strip(it.get("standard", "")),
                              points_text(it["points"])] and got[4:] == ["", ""],
                  f"{where}: row {i + 1} reads {got}")
        last = [c[1] for c in rows[-1][1]]
        check(last[:2] == ["合计", points_text(crit.get("total"))], f"{where}: total row {last}")
        if crit.get("ratings"):
            after = paragraphs(d)
            check(any(p.startswith("评定等次：") for p in after), f"{where}: no rating bands")
    else:
        cols = [strip(str(c)) for c in att.get("columns") or []]
        if cols:
            check(names == cols, f"{where}: header {names}, want {cols}")
        if att.get("rows") == "units":
            units = [strip(str(u)) for u in plan.get("units") or []]
            got = [c[1] for _, cs in rows[1:] for c in cs]
            check(all(u in got for u in units), f"{where}: not every unit has its row")


def check_plan(outdir, md):
    src = open(md, encoding="utf-8").read()
    plan = yaml.safe_load(src.split("\n---\n", 1)[0][3:]) or {}
    name = os.path.splitext(os.path.basename(md))[0]
    d = os.path.join(outdir, name)
    units = [str(u) for u in plan.get("units") or []]
    atts = plan.get("attachments") or []
    names = [name]
    number = plan.get("doc_number") or ""
    for i, att in enumerate(atts, 1):
        aid = safe(str(att.get("id") or f"附件{i}"))
        if aid in names:
            aid = f"{aid}-{i}"
        names.append(aid)
        kind = att.get("type", "text")
        if kind not in ("form", "ledger", "scoresheet"):
            check(not os.path.exists(os.path.join(d, aid + ".docx")),
                  f"{name}/{aid}.docx written for a text attachment")
            continue
        label = f"{number}附件{i if len(atts) > 1 else ''}"
        path, pdf = os.path.join(d, aid + ".docx"), os.path.join(d, aid + ".pdf")
        where = f"{name}/{aid}.docx"
        check(os.path.isfile(path), f"{where} missing")
        if not os.path.isfile(path):
            continue
        if kind == "form":
            check_form(path, pdf, att, None, label, where)
            got = sorted(os.path.basename(f) for f in glob.glob(os.path.join(d, "units", aid + "-*.docx")))
            want = sorted(f"{aid}-{safe(u)}.docx" for u in units)
            check(got == want, f"{where}: per-unit DOCX {got[:3]}…, want {want[:3]}…")
            for u in units:
                f = os.path.join(d, "units", f"{aid}-{safe(u)}")
                if os.path.isfile(f + ".docx"):
                    check_form(f + ".docx", f + ".pdf", att, u, label,
                               f"{name}/units/{aid}-{safe(u)}.docx")
        else:
            check_sheet(path, pdf, att, plan, kind, label, where)


def main():
    outdir = sys.argv[1]
    for md in sys.argv[2:]:
        check_plan(outdir, md)
    passed, failed = forms_check.passed, forms_check.failed
    print(f"docxforms: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
