#!/usr/bin/env python3
"""Open a fangan DOCX with python-docx and check it against the plan.

usage: docx_check.py PLAN.md FILE.docx

What Word, WPS or LibreOffice would take from the file: A4 and the
GB/T 9704 margins (37/35/28/26 mm), the 22-line document grid, styles
per font role with explicit East Asian and Latin fonts (no theme fonts),
odd and even footers with a PAGE field, every table with a tblGrid of
one gridCol per column, the 版记 in a text box anchored to the page
whose foot is the 版心's bottom edge, and the body's text, paragraph by paragraph, in
the plan's order.  Prints "docx: N passed, M failed"; exit status 1 when
anything failed.
"""
import os
import re
import sys

import docx
from docx.oxml.ns import qn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layout_check  # noqa: E402
from layout_check import body_paragraphs, check, first_diff  # noqa: E402


ROLE_FONTS = {"Normal": ("仿宋_GB2312", 16), "Title": ("方正小标宋简体", 22),
              "Heading1": ("黑体", 16), "Heading2": ("楷体_GB2312", 16),
              "Heading3": ("仿宋_GB2312", 16), "Heading4": ("仿宋_GB2312", 16),
              "Footer": ("宋体", 14)}


def main():
    md, path = sys.argv[1], sys.argv[2]
    d = docx.Document(path)
    # --- the page ------------------------------------------------------------
    for n, s in enumerate(d.sections, 1):
        # a wide ledger's section is the portrait page turned (§8): its
        # 版心 keeps its place on the paper, the 订口 on top
        land = s.page_width.mm > s.page_height.mm
        size = (297, 210) if land else (210, 297)
        check(abs(s.page_width.mm - size[0]) < 0.1 and abs(s.page_height.mm - size[1]) < 0.1,
              f"section {n}: A4, not {s.page_width.mm:.1f} × {s.page_height.mm:.1f} mm")
        margins = (("top", 28), ("bottom", 26), ("left", 35), ("right", 37)) if land else \
            (("top", 37), ("bottom", 35), ("left", 28), ("right", 26))
        for name, want in margins:
            got = getattr(s, name + "_margin").mm
            check(abs(got - want) < 0.1, f"section {n}: {name} margin {got:.2f} mm, want {want}")
        grid = s._sectPr.find(qn("w:docGrid"))
        # (a landscape 版心 is no whole number of lines: no grid there)
        check(grid is not None and grid.get(qn("w:type")) in (("default",) if land else
                                                              ("lines", "linesAndChars")),
              f"section {n}: a document grid")
        if grid is not None and not land:
            pitch = int(grid.get(qn("w:linePitch")))
            body = s.page_height.twips - s.top_margin.twips - s.bottom_margin.twips
            want = 15 if land else 22
            check(body // pitch == want, f"section {n}: {body // pitch} grid lines, want {want}")
    settings = d.settings.element
    check(settings.find(qn("w:evenAndOddHeaders")) is not None, "evenAndOddHeaders set")
    first = d.sections[0]
    for footer, jc in ((first.footer, "right"), (first.even_page_footer, "left")):
        xml = footer._element.xml
        check("PAGE" in xml, f"the {jc}-hand footer has a PAGE field")
        check(f'w:jc w:val="{jc}"' in xml, f"the page number stands {jc}")
    # --- styles: fonts per role, sizes, no theme fonts --------------------------
    styles = {s.style_id: s for s in d.styles if s.type == 1}
    for sid, (font, size) in ROLE_FONTS.items():
        st = styles.get(sid)
        check(st is not None, f"style {sid} present")
        if st is None:
            continue
        rfonts = st.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        check(rfonts is not None and rfonts.get(qn("w:eastAsia")) == font and
              rfonts.get(qn("w:ascii")) == font,
              f"style {sid}: East Asian and Latin font {font}")
        check(st.font.size is not None and abs(st.font.size.pt - size) < 0.01,
              f"style {sid}: {size} pt, not {st.font.size.pt if st.font.size else None}")
    every = d.element.xml + d.styles.element.xml
    check("Theme" not in every.replace("TableNormal", ""), "no theme fonts")
    # --- tables: a fixed grid ---------------------------------------------------
    # (every w:tbl, those in text boxes too: the 版记's)
    for n, tbl in enumerate(d.element.body.iter(qn("w:tbl")), 1):
        grid = tbl.find(qn("w:tblGrid"))
        cols = grid.findall(qn("w:gridCol")) if grid is not None else []

        def cells(tr):
            return sum(int(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")))
                       if tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None else 1
                       for tc in tr.findall(qn("w:tc")))
        span = max((cells(tr) for tr in tbl.findall(qn("w:tr"))), default=0)
        check(len(cols) == span and all(int(c.get(qn("w:w"))) > 0 for c in cols),
              f"table {n}: {len(cols)} gridCol for {span} columns")
    # --- the 版记: a text box anchored to the page, its foot on the 版心's ---
    meta = layout_check.front_matter(md)
    if meta.get("printed_by") or meta.get("printed_on") or meta.get("cc"):
        wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
        boxes = [a for a in d.element.body.iter(wp + "anchor")
                 if any(re.search("印发|印發|抄送", t.text or "") for t in a.iter(qn("w:t")))]
        check(len(boxes) == 1, f"the 版记 in one text box anchored to the page ({len(boxes)})")
        for a in boxes:
            pos = a.find(wp + "positionV")
            check(pos is not None and pos.get("relativeFrom") == "page",
                  "the 版记's box placed from the paper's top")
            check(a.find(wp + "wrapTopAndBottom") is not None,
                  "text flows above the 版记's box, never beside or under it")
            if pos is not None:
                foot = int(pos.find(wp + "posOffset").text) + int(a.find(wp + "extent").get("cy"))
                check(abs(foot - (37 + 225) * 36000) <= 36000,
                      f"the 版记's box ends {foot / 36000:.2f} mm from the top, want 262")
    # --- the text -------------------------------------------------------------
    flat = re.sub(r"\s+", "", "".join(p.text for p in d.paragraphs)).replace("•", "")
    at = 0
    for para in body_paragraphs(md):
        k = flat.find(para, at)
        check(k >= 0, f"text in the DOCX unchanged and in order: {para[:16]}… "
              f"(first difference near: {first_diff(para, flat[at:])})")
        if k >= 0:
            at = k + len(para)
    passed, failed = layout_check.passed, layout_check.failed
    print(f"docx: {passed} passed, {failed} failed ({path})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
