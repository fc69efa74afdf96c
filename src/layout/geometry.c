/* geometry.c — see geometry.h. */
#include "geometry.h"

Geometry geometry_default(void)
{
	Geometry g = {
		.page_w = MM(210), .page_h = MM(297),
		.margin_top = MM(37), .margin_left = MM(28),
		.body_w = MM(156), .body_h = MM(225),
		.lines = 22, .chars = 28,
		.size_body = 16, .size_title = 22, .size_small = 14,
		.em_ascent = 0.88,
		.header_top = MM(35), .header_size_max = MM(22),
		.header_char_w = MM(15), .header_size_min = 0, .header_scale_min = 0.6,
		.order_top = MM(20),
		.letter_rule_len = MM(170), .letter_rule_gap = MM(4), .letter_rule_bottom = MM(20),
		.letter_thick = MM(0.75), .letter_thin = MM(0.25), .letter_space = MM(0.5),
		.letter_below = 14,
		.number_first_page = true,
		.seal_size = MM(42), .stamp_w = MM(30), .stamp_h = MM(15),
		.red_c = 0, .red_m = 0.8, .red_y = 0.8, .red_k = 0,
		.red_line_gap = MM(4), .red_line_width = MM(0.5),
		.record_thick = MM(0.35), .record_thin = MM(0.25),
		.pagenum_drop = MM(7),
		.record_on_even = true,
	};
	return g;
}

/* 信函格式 (§10.1): letter.xml says the same. */
Geometry geometry_letter(void)
{
	Geometry g = geometry_default();
	g.header_top = MM(30);
	g.header_from_page = true;
	g.letter_rules = true;
	g.number_first_page = false;
	return g;
}

double geo_body_top(const Geometry *g)
{
	return g->page_h - g->margin_top;
}

double geo_body_bottom(const Geometry *g)
{
	return geo_body_top(g) - g->body_h;
}

/* Line pitch "B" of the spec: the em box of the first line starts at the
 * 版心 top, that of the last ends at its bottom, so 22 lines fill it. */
double geo_line_pitch(const Geometry *g)
{
	return (g->body_h - g->size_body) / (g->lines - 1);
}

double geo_char_pitch(const Geometry *g)
{
	return g->body_w / g->chars;
}

double geo_baseline(const Geometry *g, int line)
{
	return geo_body_top(g) - g->em_ascent * g->size_body - line * geo_line_pitch(g);
}

/* ---- checking a template's numbers: every element on its paper ---------- */

static int fault(GeoFault *out, int n, const char *elem, const char *attr, const char *what,
                 const char *bound, double value, double most)
{
	if (n < GEO_FAULTS_MAX)
		out[n++] = (GeoFault){elem, attr, what, bound, value, most, false};
	return n;
}

/* A value too small rather than too large: least is the least that fits. */
static int fault_least(GeoFault *out, int n, const char *elem, const char *attr,
                       const char *what, const char *bound, double value, double least)
{
	int m = fault(out, n, elem, attr, what, bound, value, least);
	if (m > n)
		out[n].least = true;
	return m;
}

/* Room beyond the limit of 0.01 pt: the numbers were written in mm. */
#define FITS(extent, limit) ((extent) <= (limit) + 0.01)

/* The widths of the rules drawn between text: a rule is centred on its
 * place, so half its width must stay in the white on either side.  The
 * red line lies line-gap under the 发文字号 and two lines above the
 * title; each 版记 rule between rows of one line pitch whose 4号 text
 * is centred in them (draw.c's draw_record).  A 信函's double lines push
 * what follows down instead: only their sum is bounded, by the paper. */
static int rule_faults(const Geometry *g, bool letter, GeoFault *out, int n)
{
	double pitch = geo_line_pitch(g);
	if (!letter) {
		double room = g->red_line_gap < 2 * pitch ? g->red_line_gap : 2 * pitch;
		Geometry std = geometry_default();
		/* A line no wider than the standard's: the gap is too small. */
		bool narrow = g->red_line_width <= std.red_line_width &&
		              g->red_line_width / 2 < 2 * pitch;
		if (!FITS(g->red_line_width, 2 * room) && narrow)
			n = fault_least(out, n, "red", "line-gap", "红色分隔线", "会压到发文字号",
			                g->red_line_gap, g->red_line_width / 2);
		else if (!FITS(g->red_line_width, 2 * room))
			n = fault(out, n, "red", "line-width", "红色分隔线", "会压到发文字号或标题",
			          g->red_line_width, 2 * room);
	}
	double room = pitch - g->size_small; /* none: the rows overlap anyway */
	if (room > 0 && !FITS(g->record_thick, room))
		n = fault(out, n, "record", "thick", "版记的首末两条分隔线", "会压到版记的文字",
		          g->record_thick, room);
	if (room > 0 && !FITS(g->record_thin, room))
		n = fault(out, n, "record", "thin", "版记中间的分隔线", "会压到版记的文字",
		          g->record_thin, room);
	return n;
}

int geometry_faults(const Geometry *g, bool letter, GeoFault *out)
{
	int n = 0;
	/* Depths from the paper's top edge, in points. */
	double body_end = g->margin_top + g->body_h, pitch = geo_line_pitch(g);
	double least = g->header_size_min > 0 ? g->header_size_min : g->size_title;
	double mark = g->header_size_max > least ? g->header_size_max : least;
	if (!letter) {
		/* 文件, 纪要: 标志, 发文字号 标志下空二行, the red line 4 mm
		 * under it, the 版头 (§7.1), and the title 红色分隔线下空二行:
		 * its first line inside the 版心 (head.c's slot_below). */
		double under = mark + 2 * pitch + g->size_body + g->red_line_gap + 2 * pitch +
		               g->size_body;
		if (!FITS(g->margin_top + g->header_top + under, body_end))
			n = fault(out, n, "header", "top", "发文机关标志、红色分隔线和标题",
			          "会排到版心之外", g->header_top, g->body_h - under);
		/* 命令: 标志, 令号 标志下空二行, the text 令号下空二行. */
		under = mark + 2 * pitch + g->size_body + 3 * pitch;
		if (!FITS(g->margin_top + g->order_top + under, body_end))
			n = fault(out, n, "header", "order-top", "命令的标志、令号和正文", "会排到版心之外",
			          g->order_top, g->body_h - under);
	} else {
		/* 信函: the 标志, the upper pair 4 mm under it, the 发文字号
		 * under that; above the lower pair, and the title two lines
		 * under them inside the 版心. */
		double top = g->header_from_page ? 0 : g->margin_top;
		double pair = g->letter_thick + g->letter_space + g->letter_thin;
		double under = mark + g->letter_below + g->size_body;
		if (g->letter_rules)
			under += g->letter_rule_gap + pair;
		/* The largest top that keeps the title inside the 版心, and the
		 * one that keeps the 发文字号 above the lower pair: one finding,
		 * at the smaller, so one change fixes both. */
		double in_body = body_end - top - under - 2 * pitch - g->size_body;
		const char *what = "发文机关标志、发文字号和标题", *say = "会排到版心之外";
		double most = in_body;
		if (g->letter_rules) {
			/* The lower pair with its bottom `bottom` above the paper's
			 * bottom edge, and 170 mm centred on the 版心. */
			double limit = g->page_h - g->letter_rule_bottom - pair;
			double above = limit - top - under;
			if (limit < 0) {
				n = fault(out, n, "letter", "bottom", "下边的红色双线", "会排到纸张之外",
				          g->letter_rule_bottom, g->page_h - pair);
				most = g->header_top; /* said; nothing more about the top */
			} else if (above < 0) { /* the lower pair too high for any top */
				n = fault(out, n, "letter", "bottom", "发文机关标志和发文字号",
				          "会压到下边的红色双线", g->letter_rule_bottom,
				          g->page_h - pair - top - g->header_top - under);
				most = g->header_top;
			} else if (above < most) {
				most = above;
				what = "发文机关标志和发文字号";
				say = "会压到下边的红色双线";
			}
			double cx = g->margin_left + g->body_w / 2;
			double half = cx < g->page_w - cx ? cx : g->page_w - cx;
			if (!FITS(g->letter_rule_len, 2 * half))
				n = fault(out, n, "letter", "length", "红色双线", "会排到纸张之外",
				          g->letter_rule_len, 2 * half);
		}
		if (!FITS(g->header_top, most))
			n = fault(out, n, "header", "top", what, say, g->header_top, most);
	}
	/* The page number's dash `drop` under the 版心, its em box on the
	 * paper; the 版记's last rule on the 版心's bottom edge. */
	if (!FITS(body_end + g->pagenum_drop + g->size_small / 2, g->page_h))
		n = fault(out, n, "page-number", "drop", "页码", "会排到纸张之外", g->pagenum_drop,
		          g->page_h - body_end - g->size_small / 2);
	if (!FITS(body_end + g->record_thick / 2, g->page_h))
		n = fault(out, n, "record", "thick", "版记的末条分隔线", "会排到纸张之外", g->record_thick,
		          2 * (g->page_h - body_end));
	else
		n = rule_faults(g, letter, out, n);
	return n;
}
