/* docx_shape.c — parts placed on the paper itself rather than in the
 * flow of text: DrawingML shapes anchored to the page (wp:anchor,
 * positioned from the paper's top-left corner, wrapNone: the text runs
 * on as if they were not there).  A 信函's 发文机关标志 starts 30 mm from
 * the paper's top, above the 版心, and its second red double line lies
 * in the bottom margin (GB/T 9704 §10.1): no paragraph can be there, a
 * shape can, and Word, WPS and LibreOffice all place a page-anchored
 * shape at the same spot.
 *
 * A box is a text box as wide as the 版心 without insets: a 信函's 标志
 * in the one paragraph docx_parts.c would have written for it (exact
 * height, the em box in its middle), or the 版记's table at the foot of
 * the 版心 (docx_body.c), which text does not flow beside or under.  A
 * rule is a line shape of the rule's width and colour.  Each is wrapped in mc:AlternateContent (Requires="wps"),
 * as Word writes its own shapes.
 */
#include "docx_int.h"

#define EMU(pt) ((long)((pt) * 12700.0 + ((pt) >= 0 ? 0.5 : -0.5)))

static void begin(DocxCtx *c, const char *name, double x, double y, double w, double h,
                  double spread, bool clear)
{
	xmlTextWriterPtr w_ = c->w;
	xw_start(w_, "w:r");
	xw_start(w_, "mc:AlternateContent");
	xw_start(w_, "mc:Choice");
	xw_attr(w_, "Requires", "wps");
	xw_start(w_, "w:drawing");
	xw_start(w_, "wp:anchor");
	static const char *const zero[] = {"distT", "distB", "distL", "distR", "simplePos"};
	for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
		xw_attr(w_, zero[i], "0");
	c->shapes++;
	xw_attrl(w_, "relativeHeight", 251658240L + c->shapes);
	xw_attr(w_, "behindDoc", "0");
	xw_attr(w_, "locked", "1");
	xw_attr(w_, "layoutInCell", "0");
	xw_attr(w_, "allowOverlap", "1");
	xw_start(w_, "wp:simplePos");
	xw_attr(w_, "x", "0");
	xw_attr(w_, "y", "0");
	xw_end(w_);
	const char *axis[2][2] = {{"wp:positionH", "page"}, {"wp:positionV", "page"}};
	long at[2] = {EMU(x), EMU(y)};
	for (int i = 0; i < 2; i++) {
		xw_start(w_, axis[i][0]);
		xw_attr(w_, "relativeFrom", axis[i][1]);
		xw_start(w_, "wp:posOffset");
		xmlTextWriterWriteFormatString(w_, "%ld", at[i]);
		xw_end(w_);
		xw_end(w_);
	}
	xw_start(w_, "wp:extent");
	xw_attrl(w_, "cx", EMU(w));
	xw_attrl(w_, "cy", EMU(h));
	xw_end(w_);
	xw_start(w_, "wp:effectExtent");
	xw_attr(w_, "l", "0");
	xw_attrl(w_, "t", EMU(spread));
	xw_attr(w_, "r", "0");
	xw_attrl(w_, "b", EMU(spread));
	xw_end(w_);
	xw_start(w_, clear ? "wp:wrapTopAndBottom" : "wp:wrapNone");
	xw_end(w_);
	xw_start(w_, "wp:docPr");
	xw_attrl(w_, "id", c->shapes);
	xw_attr(w_, "name", name);
	xw_end(w_);
	xw_start(w_, "wp:cNvGraphicFramePr");
	xw_end(w_);
	xw_start(w_, "a:graphic");
	xw_start(w_, "a:graphicData");
	xw_attr(w_, "uri", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape");
	xw_start(w_, "wps:wsp");
}

/* spPr: the shape's frame and geometry; then its outline (ln_w pt of
 * colour rgb) or none. */
static void shape_props(xmlTextWriterPtr w, double width, double height, const char *geom,
                        double ln_w, const char *rgb)
{
	xw_start(w, "wps:spPr");
	xw_start(w, "a:xfrm");
	xw_start(w, "a:off");
	xw_attr(w, "x", "0");
	xw_attr(w, "y", "0");
	xw_end(w);
	xw_start(w, "a:ext");
	xw_attrl(w, "cx", EMU(width));
	xw_attrl(w, "cy", EMU(height));
	xw_end(w);
	xw_end(w);
	xw_start(w, "a:prstGeom");
	xw_attr(w, "prst", geom);
	xw_start(w, "a:avLst");
	xw_end(w);
	xw_end(w);
	xw_start(w, "a:noFill");
	xw_end(w);
	xw_start(w, "a:ln");
	if (rgb) {
		xw_attrl(w, "w", EMU(ln_w));
		xw_start(w, "a:solidFill");
		xw_start(w, "a:srgbClr");
		xw_attr(w, "val", rgb);
		xw_end(w);
		xw_end(w);
	} else {
		xw_start(w, "a:noFill");
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);
}

/* turned: the text turned clockwise, its lines running down the box */
static void body_props(xmlTextWriterPtr w, bool turned)
{
	xw_start(w, "wps:bodyPr");
	if (turned)
		xw_attr(w, "vert", "vert");
	static const char *const ins[] = {"lIns", "tIns", "rIns", "bIns"};
	xw_attr(w, "wrap", "square");
	for (size_t i = 0; i < 4; i++)
		xw_attr(w, ins[i], "0");
	xw_attr(w, "anchor", "t");
	xw_start(w, "a:noAutofit");
	xw_end(w);
	xw_end(w);
}

static void end(DocxCtx *c)
{
	for (int i = 0; i < 7; i++) /* wsp graphicData graphic anchor drawing Choice AC */
		xw_end(c->w);
	xw_end(c->w); /* w:r */
}

void docx_anchor_rule(DocxCtx *c, const Part *p)
{
	const Geometry *g = c->g;
	double x0 = p->x < p->x2 ? p->x : p->x2, x1 = p->x < p->x2 ? p->x2 : p->x;
	begin(c, "rule", x0, g->page_h - p->y, x1 - x0, 0, p->w / 2, false);
	xw_start(c->w, "wps:cNvSpPr");
	xw_end(c->w);
	shape_props(c->w, x1 - x0, 0, "line", p->w, p->red ? c->red : "000000");
	body_props(c->w, false);
	end(c);
}

void docx_anchor_box(DocxCtx *c, const char *name, double top, double height, bool clear,
                     void (*fill)(DocxCtx *c, const void *arg), const void *arg)
{
	docx_anchor_box_at(c, name, c->g->margin_left, top, c->g->body_w, height, false, clear,
	                   fill, arg);
}

void docx_anchor_box_at(DocxCtx *c, const char *name, double x, double top, double w,
                        double height, bool turned, bool clear,
                        void (*fill)(DocxCtx *c, const void *arg), const void *arg)
{
	begin(c, name, x, top, w, height, 0, clear);
	xw_start(c->w, "wps:cNvSpPr");
	xw_attr(c->w, "txBox", "1");
	xw_end(c->w);
	shape_props(c->w, w, height, "rect", 0, NULL);
	xw_start(c->w, "wps:txbx");
	xw_start(c->w, "w:txbxContent");
	fill(c, arg);
	xw_end(c->w);
	xw_end(c->w);
	body_props(c->w, turned);
	end(c);
}

void docx_carrier_begin(DocxCtx *c)
{
	xw_start(c->w, "w:p");
	xw_start(c->w, "w:pPr");
	docx_spacer_ppr(c, 1);
	xw_end(c->w);
}
