#!/usr/bin/env python3
"""Read a fangan PDF back with poppler and check it against GB/T 9704.

usage: layout_check.py [--docx] PLAN.md OUT.pdf [PLAN.md OUT.pdf]...

--docx: each OUT.pdf is fangan's DOCX converted by LibreOffice.  The
checks are the same; the grid is Word's: 22 lines of 579 twips (the 版心
height shared in 22, spec §12 choice A) with each line's text centred in
its line, where fangan's own PDF puts the first line's em box at the 版心
top and the last one's at its bottom (choice B).

Everything is measured from the PDF itself (pdftotext -bbox-layout gives
each line's box in points, origin top-left), never from fangan's own
numbers, so a wrong constant in the C code shows up here.  Prints one
line per failed check and "layout: N passed, M failed" at the end; exit
status 1 when anything failed.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

MM = 72 / 25.4
PAGE_H = 297 * MM
TOP, LEFT = 37 * MM, 28 * MM
BODY_W, BODY_H = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + BODY_W, TOP + BODY_H
PITCH_C = BODY_W / 28                 # character pitch
PITCH_L = (BODY_H - 16) / 21          # line pitch (spec §12, choice B)
HALF = 8                              # a 3号 line's middle below its top
DOCX = "--docx" in sys.argv[1:]
LINE16 = (15, 21)                     # poppler's box of a 3号 line: the em box
MARK = 24                             # a line taller than this is the 标志
if DOCX:
    PITCH_L = 579 / 20                # docGrid linePitch (choice A)
    HALF = PITCH_L / 2
    LINE16 = (19.5, 22)               # LibreOffice's: ascent + descent, 1.3 em
    MARK = 31
TOL = 1 * MM                          # the standard's ±1 mm
# A landscape table page (§8) is the portrait page turned: its 版心 keeps
# its place on the paper, the 订口 (28 mm) on top, the 天头 (37 mm) right.
PAGE_W = 210 * MM
L_LEFT, L_TOP = PAGE_H - TOP - BODY_H, LEFT
L_RIGHT, L_BOTTOM = L_LEFT + BODY_H, L_TOP + BODY_W
NS = "{http://www.w3.org/1999/xhtml}"

# 禁则 (GB/T 15834, clreq): never at a line start / end.
NO_START = set("、，。；：？！）〕］｝》」』】〉”’…‥·・々,.;:?!)]}")
NO_END = set("（〔［｛《「『【〈“‘([{")

passed = failed = 0

# --docx: the lines where LibreOffice breaks otherwise than Word and our
# PDF, each named by its plan and its text as LibreOffice sets it, with
# the characters it holds and why.  Every other full line must hold 28
# (or 27/29 by 禁则, as in our PDF); each line named here must be met,
# holding that many, so that the list stays exact.
LO_LINES = {
    ("model-organ.md", "党员队伍星、自身建设星创建要求，提升支部党建工作质"):
        (25, "ICU keeps a number with the closing marks around it: “量。1。” goes "
             "to the next line whole, where Word and our PDF break after “。”"),
}
LO_SEEN = set()


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def rotations(pdf):
    """Each page's /Rotate (pdfinfo), in degrees.  poppler gives a turned
    page's words upright, in the turned page's coordinates, but its size
    as the MediaBox's: a page turned by 90 or 270 has them swapped."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], check=True,
                         capture_output=True, text=True).stdout
    return [int(r) for r in re.findall(r"^Page +\d+ rot: +(\d+)", out, re.M)]


def page_size(w, h, rot):
    return (h, w) if rot % 180 else (w, h)


def pages_of(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    pages = []
    rots = rotations(pdf)
    for n, page in enumerate(root.iter(NS + "page")):
        SIZES.append(page_size(float(page.get("width")), float(page.get("height")),
                               rots[n] if n < len(rots) else 0))
        lines = []
        for line in page.iter(NS + "line"):
            words = [w.text or "" for w in line.iter(NS + "word")]
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append((" ".join(words), *box))
        if DOCX and SIZES[-1][0] > SIZES[-1][1]:
            lines = turned_number(lines)
        pages.append(lines)
    return pages


SIZES = []   # each page's (width, height), filled by pages_of


def turned_number(lines):
    """DOCX, a landscape page: the page number is turned with the paper
    (a text box whose text runs down the page, left of the 版心), and
    poppler reads its upright pieces as lines of their own (“—”, “11”,
    “—”).  They become one line, top to bottom, in their common box."""
    side = sorted((l for l in lines if l[3] < L_LEFT - TOL), key=lambda l: l[2])
    if not side:
        return lines
    box = (min(l[1] for l in side), min(l[2] for l in side),
           max(l[3] for l in side), max(l[4] for l in side))
    return [l for l in lines if l[3] >= L_LEFT - TOL] + [(" ".join(l[0] for l in side), *box)]


def attachment_types(md):
    """The type of each attachment in the plan's front matter."""
    src = open(md, encoding="utf-8").read()
    if not src.startswith("---"):
        return []
    meta = yaml.safe_load(src.split("\n---\n", 1)[0][3:]) or {}
    return [a.get("type", "text") for a in meta.get("attachments") or [] if isinstance(a, dict)]


def table_pages(pages, types):
    """Pages that belong to a form, ledger or score sheet: from the page
    whose first line is its 附件N label up to the next label.  These are
    ruled tables, not the body grid (tests/forms_check.py reads them)."""
    out, kind = set(), None
    for n, lines in enumerate(pages, 1):
        body = [l for l in lines if not is_pagenum(l[0])]
        if not body:
            kind = None
            continue
        m = re.fullmatch(r"附件(\d*)", body[0][0].replace(" ", ""))
        if m:
            k = int(m.group(1) or 1) - 1
            kind = types[k] if 0 <= k < len(types) else None
        if kind in ("form", "ledger", "scoresheet"):
            out.add(n)
    return out


def body_paragraphs(md):
    """The plan's body as the reader sees it, paragraph by paragraph,
    without Markdown marks; tables are left out (their cells wrap and
    interleave in any text extraction) and so is the 附件说明, which is
    made from the front matter instead."""
    src = open(md, encoding="utf-8").read()
    if src.startswith("---"):
        src = src.split("\n---\n", 1)[1]
    paras = []
    for block in re.split(r"\n\s*\n", src):
        lines = block.strip().splitlines()
        if not lines or lines[0].startswith("附件："):
            continue
        if lines[0].lstrip().startswith("|"):
            continue
        for line in lines:
            line = re.sub(r"^#+\s*", "", line)
            line = re.sub(r"^\s*[-*+]\s+", "", line)          # bullets: drawn as •
            line = re.sub(r"^\s*(\d+\.)\s+", r"\1", line)     # numbers: kept
            line = line.replace("**", "").replace("\\", "")
            line = re.sub(r"\s+", "", line)
            if line:
                paras.append(line)
    return paras


def front_matter(md):
    src = open(md, encoding="utf-8").read()
    if not src.startswith("---"):
        return {}
    meta = yaml.safe_load(src.split("\n---\n", 1)[0][3:])
    return meta if isinstance(meta, dict) else {}


def headings(md):
    """The body's headings (##…, and a paragraph that is one **bold** run-in
    head alone), without marks or spaces."""
    src = open(md, encoding="utf-8").read()
    if src.startswith("---"):
        src = src.split("\n---\n", 1)[1]
    out = []
    for block in re.split(r"\n\s*\n", src):
        b = block.strip()
        m = re.fullmatch(r"#{2,}\s*(.+)", b) or re.fullmatch(r"\*\*([^*\n]+)\*\*", b)
        if m:
            out.append(re.sub(r"\s+", "", m.group(1)))
    return out


def cn_date(d):
    return f"{d.year}年{d.month}月{d.day}日" if hasattr(d, "year") else None


def is_pagenum(text):
    return re.fullmatch(r"— \d+ —", text) is not None


def main():
    args = [a for a in sys.argv[1:] if a != "--docx"]
    if not args or len(args) % 2:
        sys.exit("usage: layout_check.py PLAN.md OUT.pdf [PLAN.md OUT.pdf]...")
    for md, pdf in zip(args[::2], args[1::2]):
        SIZES.clear()
        check_plan(md, pdf)
    if DOCX:
        plans = {os.path.basename(md) for md in args[::2]}
        for (plan, line), (count, why) in LO_LINES.items():
            check(plan not in plans or (plan, line) in LO_SEEN,
                  f"{plan}: LO_LINES names a line LibreOffice no longer sets ({line[:10]}…, "
                  f"{count}: {why})")
    print(f"layout: {passed} passed, {failed} failed ({len(args) // 2} PDFs)")
    return 1 if failed else 0


def check_plan(md, pdf):
    before = failed
    pages = pages_of(pdf)
    meta = front_matter(md)
    # The 版头 of a 信函 or 命令, a joint 标志 and the 职务 beside a 签名章
    # are measured by tests/formats_check.py.
    fmt = meta.get("format") or "document"
    post = meta.get("signed_by")
    check(len(pages) >= 1, "the PDF has pages")

    # --- text read back equals the source ---------------------------------
    flat = "".join(t for p in pages for (t, *_b) in p if not is_pagenum(t))
    flat = re.sub(r"\s+", "", flat).replace("•", "")
    at = 0
    for para in body_paragraphs(md):
        k = flat.find(para, at)
        check(k >= 0, f"text reads back unchanged and in order: {para[:16]}… "
              f"(first difference near: {first_diff(para, flat[at:])})")
        if k >= 0:
            at = k + len(para)

    body_pages = 0
    full_pages = 0
    tables = table_pages(pages, attachment_types(md))
    half = HALF
    if DOCX:
        half += grid_phase(pages, tables)
    for n, lines in enumerate(pages, 1):
        nums = [l for l in lines if is_pagenum(l[0])]
        body = [l for l in lines if not is_pagenum(l[0])]
        land = SIZES[n - 1][0] > SIZES[n - 1][1]
        if not body:
            check(not nums, f"page {n}: a blank page has no number")
            continue
        if is_record(body[-1][0]) and all((l[2] + l[4]) / 2 > TOP + 17 * PITCH_L for l in body):
            check(not nums, f"page {n}: the 版记's page of its own has no number")
        if land:
            check(bool(nums), f"page {n}: a landscape page has its number")
        # --- page numbers: — N —, 7 mm under the 版心, one character in ----
        # (on a landscape page at the same place of the paper, turned: the
        # portrait y is PAGE_H - x, the portrait x is y)
        if nums:
            t, x0, y0, x1, y1 = nums[0]
            check(t == f"— {n} —", f"page {n}: number reads '{t}'")
            bottom, left, right = BOTTOM, LEFT, RIGHT
            if land:
                x0, y0, x1, y1 = y0, PAGE_H - x1, y1, PAGE_H - x0
            mid = (y0 + y1) / 2
            check(abs(mid - (bottom + 7 * MM)) <= TOL,
                  f"page {n}: number {mid - bottom:.2f} pt below the 版心, want 7 mm")
            if n % 2:
                check(abs(x1 - (right - 14)) <= TOL, f"page {n}: odd number right edge {x1:.2f}")
            else:
                check(abs(x0 - (left + 14)) <= TOL, f"page {n}: even number left edge {x0:.2f}")
        # --- every line inside the 版心, 禁则 at both ends -------------------
        left, top, right, bottom = (L_LEFT, L_TOP, L_RIGHT, L_BOTTOM) if land else \
            (LEFT, TOP, RIGHT, BOTTOM)
        for (t, x0, y0, x1, y1) in body:
            # (LibreOffice reads w:overflowPunct the other way round from
            # Word, so a closing mark could hang past the edge there; no
            # line of the examples does, and one that did would be named
            # in LO_LINES with its plan)
            hang = 16 if DOCX and (os.path.basename(md), t.replace(" ", "")) in LO_LINES else 0
            check(x0 >= left - TOL and x1 <= right + TOL + hang,
                  f"page {n}: line '{t[:12]}' outside the 版心 ({x0:.1f}..{x1:.1f})")
            if n in tables:
                check(y0 >= top - TOL and y1 <= bottom + TOL,
                      f"page {n}: line '{t[:12]}' above or below the 版心 ({y0:.1f}..{y1:.1f})")
            s = t.replace(" ", "")
            if s:
                check(s[0] not in NO_START, f"page {n}: line starts with '{s[0]}': {s[:14]}")
                check(s[-1] not in NO_END, f"page {n}: line ends with '{s[-1]}': {s[-14:]}")
        # --- body lines on the grid --------------------------------------------
        # 3号 lines (fonts differ in how tall poppler thinks they are);
        # on page 1 only those below the title: the 版头 is not on the grid.
        # Tables of attachments are not on it either.
        if n in tables:
            continue
        text16 = [l for l in body if LINE16[0] <= l[4] - l[2] <= LINE16[1]]
        if n == 1:
            # the title is the last large line (the red mark is above it)
            titles = [l for l in body if l[4] - l[2] > 21]
            below = titles[-1][2] if titles else 0
            if fmt == "order":    # no title: the 令号 under the 标志 is the last
                below = min((l[4] for l in text16 if l[2] > below), default=below)
            text16 = [l for l in text16 if l[2] > below]
        text16 = [l for l in text16 if l[0] != post]
        for (t, x0, y0, x1, y1) in text16:
            # the em box of grid line k is centred 8 pt under its top
            k = ((y0 + y1) / 2 - half - TOP) / PITCH_L
            if y0 < TOP - TOL or y1 > BOTTOM + TOL:
                continue      # the 版记 is not on the grid
            check(abs(k - round(k)) * PITCH_L <= 1.0,
                  f"page {n}: line '{t[:10]}' {abs(k - round(k)) * PITCH_L:.2f} pt off the grid")
        # 28 characters on a full line of Chinese; 禁则 may pull one more up
        # (the 29th a closing mark) or push one down (27, when the next
        # line starts with an opening mark or a pair that cannot be split).
        for i, (t, x0, y0, x1, y1) in enumerate(text16):
            if abs(x1 - RIGHT) > TOL:
                continue
            s = t.replace(" ", "")
            if not all(ord(ch) >= 0x2E80 or ch in "“”‘’—…·" for ch in s):
                continue
            count = len(s) + round((x0 - LEFT) / PITCH_C)
            nxt = text16[i + 1][0] if i + 1 < len(text16) else first_line(pages, n)
            nxt = nxt.replace(" ", "")
            pulled = count == 29 and s[-1] in NO_START
            pushed = count == 27 and (nxt[:1] in NO_END or (len(nxt) > 1 and nxt[1] in NO_START)
                                      or s[-1] in NO_START)
            # LibreOffice's own line breaks, each line named in LO_LINES
            known = LO_LINES.get((os.path.basename(md), s)) if DOCX else None
            if known:
                LO_SEEN.add((os.path.basename(md), s))
                check(count == known[0], f"page {n}: LibreOffice now sets {count} characters, "
                      f"not {known[0]}, on the line LO_LINES names: {s[:10]}")
                continue
            check(count == 28 or pulled or pushed,
                  f"page {n}: a full line holds {count} characters, want 28: {s[:10]}")
        if n > 1 and len(text16) >= 2:
            body_pages += 1
            top = min((l[2] + l[4]) / 2 - half for l in text16)
            check(abs(top - TOP) <= TOL, f"page {n}: first line {top - TOP:.2f} pt from the 版心 top")
            if len(text16) == 22:
                full_pages += 1
                bottom = max((l[2] + l[4]) / 2 + half if DOCX else l[4] for l in text16)
                check(abs(bottom - BOTTOM) <= TOL,
                      f"page {n}: 22nd line ends {bottom - BOTTOM:.2f} pt from the 版心 bottom")
            check(len(text16) <= 22, f"page {n}: {len(text16)} lines, at most 22")
    # --- a heading keeps with two lines of what follows ---------------------
    heads = headings(md)
    texts = [[re.sub(r"\s+", "", l[0]) for l in p if not is_pagenum(l[0])] for p in pages]
    for n, lines in enumerate(texts, 1):
        if n in tables or n == len(texts):
            continue
        nxt = texts[n] if n < len(texts) else []
        continues = bool(nxt) and n + 1 not in tables and not re.fullmatch(r"附件\d*", nxt[0])
        for j, t in enumerate(lines):
            if any(t == h or (len(h) >= 4 and t.endswith(h)) for h in heads):
                check(len(lines) - j - 1 >= 2 or not continues,
                      f"page {n}: heading '{t[:14]}' with {len(lines) - j - 1} lines after it "
                      f"at the foot of the page")
    # --- §7.3.5: the 附件说明 / 署名 / 成文日期 never without body text ------
    meta = front_matter(md)
    date = cn_date(meta.get("date"))
    issuer = meta.get("issuer")
    for n, lines in enumerate(texts, 1):
        if date not in lines:
            continue
        k = lines.index(date)
        while k > 0 and (lines[k - 1] == issuer or lines[k - 1].startswith("附件：") or
                         (meta.get("attachments") and re.match(r"\d+\.", lines[k - 1]))):
            k -= 1
        first = 0     # (on page 1 the whole body comes before them)
        check(n == 1 or k - first >= 2, f"page {n}: the 署名 and 成文日期 with {k - first} body lines "
              f"before them (want 2)")
        break
    # --- attachment pages: 附件N 顶格 on line 1, the title on line 3 ---------
    for n, lines in enumerate(pages, 1):
        body = [l for l in lines if not is_pagenum(l[0])]
        land = SIZES[n - 1][0] > SIZES[n - 1][1]
        left, top = (L_LEFT, L_TOP) if land else (LEFT, TOP)
        if body and re.fullmatch(r"附件\d*", body[0][0].replace(" ", "")):
            t, x0, y0, x1, y1 = body[0]
            check(abs(x0 - left) <= TOL, f"page {n}: '{t}' not 顶格 ({x0 - left:.2f} pt)")
            check(abs((y0 + y1) / 2 - half - top) <= TOL, f"page {n}: '{t}' not on line 1")
            if len(body) > 1:
                t2, _, y0, _, y1 = body[1]
                check(abs((y0 + y1) / 2 - half - top - 2 * PITCH_L) <= TOL,
                      f"page {n}: attachment title '{t2[:8]}' not on line 3")
    # --- page 1: 版头 -------------------------------------------------------------
    first = pages[0]
    mark = [l for l in first if l[4] - l[2] > MARK]
    if mark and fmt in ("document", "文件", "minutes", "纪要") and \
            not isinstance(meta.get("issuer"), list):
        t, x0, y0, x1, y1 = mark[0]
        check(abs(y0 - (TOP + 35 * MM)) <= 2 * TOL,
              f"red header top {(y0 - TOP) / MM:.1f} mm below the 版心 top, want 35")
        check(abs((x0 + x1) / 2 - (LEFT + RIGHT) / 2) <= TOL, "red header centred")
        if DOCX and meta.get("doc_number"):
            check_red_line(pdf, first, str(meta["doc_number"]))
    # --- DOCX: the 版记 at the foot of the last page ---------------------------
    # (its last line on the 版心's last grid line; its rules, read from
    # LibreOffice's content stream: 0.35 mm above and below, 0.25 mm
    # between, as wide as the 版心, the last on the 版心's bottom edge)
    if DOCX and (meta.get("printed_by") or meta.get("printed_on") or meta.get("cc")):
        last = [l for l in pages[-1] if not is_pagenum(l[0]) and is_record(l[0])]
        check(bool(last), "the 版记 on the last page")
        if last:
            mid = (last[-1][2] + last[-1][4]) / 2
            want = TOP + (21 + 0.5) * PITCH_L + (half - HALF)
            check(abs(mid - want) <= TOL,
                  f"the 版记's last line {(mid - want):.2f} pt from the last grid line")
        if fmt not in ("letter", "信函"):
            check_record_rules(pdf, len(pages), last)
    if failed > before:
        print(f"  in {pdf}: {len(pages)} pages, {full_pages} full")


def is_record(text):
    """A line of the 版记: 抄送… or the 印发机关 … 印发日期印发."""
    t = text.replace(" ", "")
    return t.startswith(("抄送", "抄報", "抄报")) or t.endswith(("印发", "印發"))


def check_record_rules(pdf, npages, lines):
    """DOCX: the 版记's black rules on the last page (LibreOffice draws
    the table's borders as stroked lines): one above each row and one
    below the last, the outer ones 0.35 mm, the inner 0.25 mm, each as
    wide as the 版心, the last on the 版心's bottom edge."""
    from docx_formats_check import read as read_strokes
    page = read_strokes(pdf)[npages - 1]
    nlines = len(lines)
    rules = [r for r in page.rules if r[4] == (0.0, 0.0, 0.0) and abs(r[2] - r[0] - BODY_W) <= TOL
             and r[1] > (lines[0][2] if lines else BOTTOM) - PITCH_L / 2]
    check(len(rules) == nlines + 1, f"the 版记 has {len(rules)} rules, want {nlines + 1}")
    if len(rules) != nlines + 1:
        return
    for k, r in enumerate(rules):
        want = 0.35 if k in (0, nlines) else 0.25
        check(abs(r[3] / MM - want) <= 0.03,
              f"the 版记's rule {k + 1} is {r[3] / MM:.2f} mm wide, want {want}")
        check(abs(r[0] - LEFT) <= TOL, f"the 版记's rule {k + 1} starts {r[0] - LEFT:.2f} pt off")
    check(abs(rules[-1][1] - BOTTOM) <= TOL,
          f"the 版记's last rule {(rules[-1][1] - BOTTOM) / MM:.2f} mm from the 版心's bottom")


def first_line(pages, n):
    """The text of the first 3号 line of page n + 1 (1-based n), or ""."""
    if n >= len(pages):
        return ""
    for (t, x0, y0, x1, y1) in pages[n]:
        if LINE16[0] <= y1 - y0 <= LINE16[1] and not is_pagenum(t):
            return t
    return ""


def grid_phase(pages, tables):
    """DOCX: where the 3号 lines sit in their grid lines, from all of them
    (the median); within ±1 mm of the middle.  The text's place inside a
    grid line is the substituted font's ascent and descent, which the
    document does not set."""
    offs = []
    for n, lines in enumerate(pages, 1):
        if n in tables:
            continue
        for (t, x0, y0, x1, y1) in lines:
            mid = (y0 + y1) / 2
            if LINE16[0] <= y1 - y0 <= LINE16[1] and TOP <= mid <= BOTTOM and not is_pagenum(t):
                offs.append((mid - HALF - TOP + PITCH_L / 2) % PITCH_L - PITCH_L / 2)
    if not offs:
        return 0
    phase = sorted(offs)[len(offs) // 2]
    check(abs(phase) <= TOL, f"text {phase:.2f} pt from the middle of its grid line")
    return phase


def check_red_line(pdf, first, doc_number):
    """DOCX: the red line (a paragraph border in the converted PDF, drawn
    in RGB) as wide as the 版心, 4 mm under the 发文字号 (§7.2.7)."""
    with tempfile.TemporaryDirectory() as tmp:
        q = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, q], check=True)
        data = open(q, "rb").read().decode("latin-1")
    m = re.search(r"%% Contents for page 1\n.*?stream\n(.*?)\nendstream", data, re.S)
    reds, stroke, at = [], None, None
    for line in (m.group(1).splitlines() if m else []):
        tok = line.split()
        if tok[-1:] == ["RG"] and len(tok) >= 4:
            stroke = tuple(float(v) for v in tok[-4:-1])
        elif tok[-1:] == ["m"] and len(tok) >= 3:
            at = (float(tok[-3]), float(tok[-2]))
        elif tok[-2:] == ["l", "S"] and at and stroke:
            x, y = float(tok[-4]), float(tok[-3])
            if abs(y - at[1]) < 0.01 and stroke[0] > 0.9 and stroke[1] < 0.5:
                reds.append((min(x, at[0]), PAGE_H - y, max(x, at[0])))
    reds = sorted(set(reds))
    check(len(reds) == 1, f"one red line ({len(reds)})")
    num = [l for l in first if l[0].replace(" ", "") == doc_number.replace(" ", "")]
    check(bool(num), f"the 发文字号 {doc_number} on page 1")
    if reds and num:
        x0, y, x1 = reds[0]
        check(abs(x1 - x0 - BODY_W) <= TOL and abs(x0 - LEFT) <= TOL,
              f"red line {x0:.1f}..{x1:.1f}, want the 版心's width")
        gap = y - ((num[0][2] + num[0][4]) / 2 + 8)   # from the em box's bottom
        check(abs(gap - 4 * MM) <= TOL, f"red line {gap / MM:.2f} mm under the 发文字号, want 4")


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return a[max(0, i - 8):i + 8]
    return a[len(b):len(b) + 16]


if __name__ == "__main__":
    sys.exit(main())
