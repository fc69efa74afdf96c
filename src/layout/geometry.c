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
