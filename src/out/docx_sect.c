/* docx_sect.c — the page as GB/T 9704 sets it, in Word's section model,
 * and the page-number footers.
 *
 * A4; margins 37 (天头) / 35 / 28 (订口) / 26 mm, rounded to whole twips
 * so that the 版心 is 8845 × 12756 twips (156 × 225 mm); the document
 * grid gives 22 lines of 579 twips — the 版心 height shared in 22, as
 * Word's own 22-lines setting does.  The 28 characters a line come from
 * the body style's character spacing (docx_styles.c), not from a
 * character grid: linesAndChars with charSpace -842 (16 pt less
 * 842/4096 pt, 15.794 pt a cell) gives 28 in Word, but LibreOffice gives
 * each character ceil(its unsqueezed 16 pt advance / cell) cells, two,
 * and sets 14 a line; cells of 16 pt would hold one, but only 27 fit in
 * 156 mm (tests/docx_office.sh keeps a probe of it).  Footers: `— N —` in
 * 4号宋体, one character in from the right on odd pages and from the left
 * on even ones (§7.5, evenAndOddHeaders in settings.xml), its middle
 * 7 mm below the 版心; a landscape page's number is where the portrait
 * page has it, turned with the paper (a text box of its own footers,
 * anchored to the page, its text turned clockwise).  The 版记 page after
 * the last page of text has an empty footer, and so has a 信函's first
 * page (titlePg).
 */
#include "docx_int.h"

/* The page number's line: a box this tall (pt), its middle on the drop. */
#define FOOTER_BOX 20.0

static long margin_left(const Geometry *g)
{
	return TWIPS(g->margin_left);
}

static long page_w(const Geometry *g)
{
	return TWIPS(g->page_w);
}

static long page_h(const Geometry *g)
{
	return TWIPS(g->page_h);
}

static long margin_top(const Geometry *g)
{
	return TWIPS(g->margin_top);
}

/* The right and bottom margins keep the 版心's width and height whole. */
static long body_w(const Geometry *g)
{
	return TWIPS(g->body_w) + 1;
}

static long body_h(const Geometry *g)
{
	return TWIPS(g->body_h);
}

static void footer_ref(xmlTextWriterPtr w, const char *type, const char *rid)
{
	xw_start(w, "w:footerReference");
	xw_attr(w, "w:type", type);
	xw_attr(w, "r:id", rid);
	xw_end(w);
}

void docx_sect(DocxCtx *c, SectKind kind)
{
	xmlTextWriterPtr w = c->w;
	const Geometry *g = c->g;
	xw_start(w, "w:sectPr");
	bool land = kind == SECT_LANDSCAPE;
	bool body = (kind == SECT_BODY || land) && !c->unnumbered;
	footer_ref(w, "default", !body ? RID_FOOTER_NONE : land ? RID_FOOTER_LAND_ODD : RID_FOOTER_ODD);
	footer_ref(w, "even", !body ? RID_FOOTER_NONE : land ? RID_FOOTER_LAND_EVEN : RID_FOOTER_EVEN);
	bool first_bare = kind == SECT_BODY && body && !g->number_first_page; /* 信函 */
	if (first_bare)
		footer_ref(w, "first", RID_FOOTER_NONE);
	if (kind == SECT_RECORD_EVEN || kind == SECT_RECORD_NEXT)
		xw_val(w, "w:type", kind == SECT_RECORD_EVEN ? "evenPage" : "nextPage");
	long bottom_to_mid = TWIPS(g->page_h - g->margin_top - g->body_h - g->pagenum_drop);
	xw_start(w, "w:pgSz");
	if (land) {
		/* The portrait page turned (sheet.h): its 版心 keeps its place on
		 * the paper — the 订口 on top, the 天头 on the right — and so
		 * does the page number (a turned text box in its footer, which
		 * is otherwise empty). */
		long top = margin_left(g), bottom = page_w(g) - margin_left(g) - body_w(g);
		long left = page_h(g) - margin_top(g) - body_h(g);
		xw_attrl(w, "w:w", page_h(g));
		xw_attrl(w, "w:h", page_w(g));
		xw_attr(w, "w:orient", "landscape");
		xw_end(w);
		xw_start(w, "w:pgMar");
		xw_attrl(w, "w:top", top);
		xw_attrl(w, "w:right", margin_top(g));
		xw_attrl(w, "w:bottom", bottom);
		xw_attrl(w, "w:left", left);
		xw_attrl(w, "w:header", top / 2);
		xw_attrl(w, "w:footer", bottom - TWIPS(g->pagenum_drop) - TWIPS(FOOTER_BOX / 2));
	} else {
		xw_attrl(w, "w:w", page_w(g));
		xw_attrl(w, "w:h", page_h(g));
		xw_end(w);
		xw_start(w, "w:pgMar");
		xw_attrl(w, "w:top", margin_top(g));
		xw_attrl(w, "w:right", page_w(g) - margin_left(g) - body_w(g));
		xw_attrl(w, "w:bottom", page_h(g) - margin_top(g) - body_h(g));
		xw_attrl(w, "w:left", margin_left(g));
		xw_attrl(w, "w:header", TWIPS(g->margin_top / 2));
		xw_attrl(w, "w:footer", bottom_to_mid - TWIPS(FOOTER_BOX / 2));
	}
	xw_attrl(w, "w:gutter", 0);
	xw_end(w);
	xw_start(w, "w:pgNumType");
	xw_attr(w, "w:fmt", "decimal");
	xw_end(w);
	xw_start(w, "w:cols");
	xw_attr(w, "w:space", "425");
	xw_end(w);
	if (first_bare) {
		xw_start(w, "w:titlePg");
		xw_end(w);
	}
	/* A landscape 版心 is no whole number of lines: LibreOffice would
	 * centre the grid in it, and the heading would move down; its
	 * paragraphs are set off the grid instead (docx_attach.c). */
	xw_start(w, "w:docGrid");
	xw_attr(w, "w:type", land ? "default" : "lines");
	xw_attrl(w, "w:linePitch", c->line);
	xw_end(w);
	xw_end(w);
}

/* — N — with N the PAGE field, in a paragraph whose pPr is written. */
static void number_runs(xmlTextWriterPtr w)
{
	const char *parts[3] = {"— ", NULL, " —"};
	for (int i = 0; i < 3; i++) {
		if (!parts[i]) {
			xw_start(w, "w:fldSimple");
			xw_attr(w, "w:instr", " PAGE ");
		}
		xw_start(w, "w:r");
		xw_start(w, "w:t");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xml:space", BAD_CAST "preserve");
		xmlTextWriterWriteString(w, BAD_CAST(parts[i] ? parts[i] : "1"));
		xw_end(w);
		xw_end(w);
		if (!parts[i])
			xw_end(w);
	}
}

/* The footer paragraph's pPr: exact line height (twips), and for a
 * number its side (odd: right, even: left) and indent (twips). */
static void footer_ppr(xmlTextWriterPtr w, long line, int side, long indent)
{
	xw_start(w, "w:pPr");
	xw_val(w, "w:pStyle", "Footer");
	xw_val(w, "w:snapToGrid", "0");
	xw_start(w, "w:spacing");
	xw_attrl(w, "w:line", line);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	if (side) {
		xw_start(w, "w:ind");
		xw_attrl(w, side == FOOTER_ODD ? "w:right" : "w:left", indent);
		xw_end(w);
		xw_val(w, "w:jc", side == FOOTER_ODD ? "right" : "left");
	}
	xw_end(w);
}

/* A landscape page's number in its turned box (docx_anchor_box_at). */
static void turned_number(DocxCtx *c, const void *arg)
{
	xw_start(c->w, "w:p");
	footer_ppr(c->w, TWIPS(FOOTER_BOX), *(const int *)arg, 0);
	number_runs(c->w);
	xw_end(c->w);
}

void docx_footer(const Geometry *g, int which, Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_root(w, "w:ftr");
	if (which == FOOTER_LAND_ODD || which == FOOTER_LAND_EVEN) {
		/* 单页码居右空一字，双页码居左空一字 (§7.5) on the portrait page,
		 * turned with it: the box runs down the paper's left, across
		 * the 版心's width less a character at either end, its middle
		 * line where the portrait number's is (7 mm below the 版心,
		 * from the paper's portrait top, now its right edge). */
		DocxCtx c = {.g = g, .w = w};
		int side = which == FOOTER_LAND_ODD ? FOOTER_ODD : FOOTER_EVEN;
		double len = g->body_w - 2 * g->size_small;
		double mid_x = g->page_h - g->margin_top - g->body_h - g->pagenum_drop;
		double mid_y = g->margin_left + g->body_w / 2;
		docx_carrier_begin(&c);
		docx_anchor_box_at(&c, "页码", mid_x - FOOTER_BOX / 2, mid_y - len / 2, FOOTER_BOX, len,
		                   true, false, turned_number, &side);
		xw_end(w);
	} else {
		xw_start(w, "w:p");
		footer_ppr(w, TWIPS(FOOTER_BOX), which, TWIPS(g->size_small));
		if (which)
			number_runs(w);
		xw_end(w);
	}
	xw_end(w);
	xw_finish(w, buf, out);
}
