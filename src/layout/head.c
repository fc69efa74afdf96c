/* head.c — the 版头 of each format, as placed parts (parts.h).
 *
 *   文件 (§7.2)   份号/密级/紧急程度 top left; the 标志 35 mm below the 版心
 *                 top; the 发文字号 标志下空二行, centred, or, with 签发人
 *                 (§7.2.6), 左空一字 on the line of the last 签发人; the red
 *                 line 4 mm under it.
 *   joint (§7.2.4) every organ's name one under another, 主办机关 first, the
 *                 names spread to one width, 文件 right of them, centred on
 *                 them vertically.
 *   信函 (§10.1)  the 标志 (names alone) 30 mm below the paper's top; red
 *                 double lines, thick over thin 4 mm under it and thin over
 *                 thick 20 mm above the paper's bottom, 170 mm, centred; the
 *                 发文字号 顶格 right and 份号… 顶格 left under the upper pair.
 *   命令 (§10.2)  标志 ending in 令 20 mm below the 版心 top, the 令号
 *                 centred 标志下空二行, no red line.
 *   纪要 (§10.3)  标志 ending in 纪要 35 mm below the 版心 top; the 期号 左空
 *                 一字 and the date 右空一字 on one line, the red line.
 * Returns the first grid line the title (or, in a 命令, the body) may use.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "title.h"
#include "util.h"

typedef struct {
	const Plan *p;
	const FontSet *fs;
	const Geometry *g;
	Parts *ps;
	Diags *d;
	bool ok;
	double left, right, pitch, c; /* 版心 edges, line and character pitch */
} H;

static double width(const H *h, FontRole role, double size, const char *s)
{
	return fontset_text_width(h->fs, role, size, s, strlen(s), 0);
}

static void glyphs(H *h, FontRole role, const char *s, Pos pos)
{
	if (!layout_glyphs_ok(h->fs, role, s, h->p->path, pos, h->d))
		h->ok = false;
}

/* Baseline of text of size pt whose em box has its top at y. */
static double base_below(const H *h, double top, double size)
{
	return top - h->g->em_ascent * size;
}

/* Text whose em box top is at top, at x; returns the part. */
static Part *text_at(H *h, PartWhat what, FontRole role, double size, double x, double top,
                     const char *s)
{
	return parts_text(h->ps, what, role, size, x, base_below(h, top, size), s);
}

/* The size and horizontal scale of a 标志 line of w1 (its width at 1 pt)
 * and n characters: as large as the 版心's width, max-size and max-width
 * allow; squeezed (长体) rather than smaller than min-size.  Returns the
 * scale; *size gets the size. */
static double mark_fit(const H *h, double w1, size_t n, double *size)
{
	const Geometry *g = h->g;
	double bw = h->right - h->left, s = g->header_size_max;
	double least = g->header_size_min > 0 ? g->header_size_min : g->size_title;
	if (w1 <= 0 || n == 0) {
		*size = s;
		return 1;
	}
	if (s > g->header_char_w * (double)n / w1)
		s = g->header_char_w * (double)n / w1;
	if (s > bw / w1)
		s = bw / w1;
	double scale = 1;
	if (s < least) {
		s = least;
		scale = bw / (w1 * s);
		if (scale < g->header_scale_min) {
			scale = g->header_scale_min;
			s = bw / (w1 * scale);
		}
	}
	*size = s;
	return scale;
}

/* One organ's 标志 m with its top at top: on one line, or on two broken
 * between words (title.h) when one would need a squeeze narrower than
 * min-scale; returns its bottom. */
static double single_mark(H *h, const char *m, double top)
{
	const Geometry *g = h->g;
	double cx = (h->left + h->right) / 2, bw = h->right - h->left;
	double least = g->header_size_min > 0 ? g->header_size_min : g->size_title;
	double w1 = width(h, ROLE_TITLE, 1, m);
	size_t *starts = NULL, lines = 1;
	if (w1 * least * g->header_scale_min > bw + 1e-6) {
		/* Two lines, balanced, in whole words, each fitting the 版心 at
		 * the narrowest squeeze. */
		lines = title_lines(h->fs, ROLE_TITLE, 1, bw / (least * g->header_scale_min), m,
		                    strlen(m), NULL, &starts);
		if (lines > 2) {
			free(starts);
			starts = NULL;
			lines = 1;
		}
	}
	char *part[2] = {xstrdup(m), NULL};
	if (lines == 2) {
		free(part[0]);
		part[0] = xstrndup(m, starts[1]);
		part[1] = xstrdup(m + starts[1]);
	}
	free(starts);
	/* One size and scale for both lines: the longer one's. */
	double wl = 0, size;
	size_t nl = 0;
	for (size_t i = 0; i < lines; i++) {
		double w = width(h, ROLE_TITLE, 1, part[i]);
		if (w > wl) {
			wl = w;
			nl = utf8_count(part[i], strlen(part[i]));
		}
	}
	double scale = mark_fit(h, wl, nl, &size);
	double y = top;
	for (size_t i = 0; i < lines; i++) {
		double w = width(h, ROLE_TITLE, size, part[i]) * scale;
		Part *pt = text_at(h, PW_MARK, ROLE_TITLE, size, cx - w / 2, y, part[i]);
		pt->hscale = scale;
		pt->red = true;
		if (i + 1 < lines)
			y -= size * 1.2;
		free(part[i]);
	}
	return y - size;
}

/* The 标志 with its top at top; returns its bottom.  suffix (文件, 令,
 * 纪要 or "") follows the organ's name, or stands right of the names of
 * joint issuers. */
static double mark(H *h, double top, const char *suffix)
{
	const Plan *p = h->p;
	double cx = (h->left + h->right) / 2;
	/* `header` as a list: the names as written, without 文件 (§7.2.4
	 * “也可以单独用主办机关名称” — or the organs' names alone). */
	const StrList *names = &p->issuers;
	if (p->headers.n > 1) {
		names = &p->headers;
		suffix = "";
	} else if (p->header.s || p->issuers.n <= 1) {
		char *m = p->header.s ? xstrdup(p->header.s) : xasprintf("%s%s", p->issuer.s, suffix);
		glyphs(h, ROLE_TITLE, m, p->header.s ? p->header.pos : p->issuer.pos);
		double bottom = single_mark(h, m, top);
		free(m);
		return bottom;
	}
	/* Joint issuance: the names one under another at one size and one
	 * width (shorter ones spread), the suffix right of them. */
	double wmax = 0, ws = width(h, ROLE_TITLE, 1, suffix);
	size_t maxchars = 1;
	for (size_t i = 0; i < names->n; i++) {
		const char *s = names->v[i].s;
		glyphs(h, ROLE_TITLE, s, names->v[i].pos);
		double w = width(h, ROLE_TITLE, 1, s);
		if (w > wmax)
			wmax = w;
		size_t n = utf8_count(s, strlen(s));
		if (n > maxchars)
			maxchars = n;
	}
	if (*suffix)
		glyphs(h, ROLE_TITLE, suffix, p->issuer.pos);
	double gap = *suffix ? 0.5 : 0; /* in em, between the names and the suffix */
	double unit = wmax + (*suffix ? gap + ws : 0);
	/* Sized like one organ's 标志 (mark_fit): the widest name with the
	 * suffix is the line that must fit. */
	size_t nsuffix = utf8_count(suffix, strlen(suffix));
	double size, scale = mark_fit(h, unit, maxchars + nsuffix, &size);
	double lead = size * 1.2;
	double x0 = cx - unit * size * scale / 2, names_w = wmax * size * scale;
	for (size_t i = 0; i < names->n; i++) {
		const char *s = names->v[i].s;
		double w = width(h, ROLE_TITLE, size, s);
		size_t n = utf8_count(s, strlen(s));
		Part *pt = text_at(h, PW_MARK, ROLE_TITLE, size, x0, top - (double)i * lead, s);
		pt->red = true;
		if (scale < 1) /* squeezed (长体): no spreading, centred */
			pt->hscale = scale, pt->x = x0 + (names_w - w * scale) / 2;
		else
			pt->spacing = n > 1 ? (names_w - w) / (double)(n - 1) : 0;
	}
	double bottom = top - (double)(names->n - 1) * lead - size;
	if (*suffix) {
		double mid = (top + bottom) / 2;
		Part *pt = text_at(h, PW_MARK, ROLE_TITLE, size, x0 + names_w + gap * size * scale,
		                   mid + size / 2, suffix);
		pt->red = true;
		pt->hscale = scale;
	}
	return bottom;
}

/* 签发人 (§7.2.6): "签发人：" and the names, two a line, the block 居右空一
 * 字, later lines under the first name; the 发文字号 左空一字 on the last
 * line.  Returns the bottom of the last line. */
static double signers(H *h, double top)
{
	const Plan *p = h->p;
	double size = h->g->size_body;
	const char *label = "签发人：";
	double wl = width(h, ROLE_BODY, size, label);
	/* The widest line decides where the block starts. */
	double wline = 0;
	for (size_t i = 0; i < p->signers.n; i += 2) {
		double w = width(h, ROLE_H2, size, p->signers.v[i].s);
		if (i + 1 < p->signers.n)
			w += h->c + width(h, ROLE_H2, size, p->signers.v[i + 1].s);
		if (w > wline)
			wline = w;
	}
	double x = h->right - h->c - wl - wline;
	if (x < h->left)
		x = h->left;
	text_at(h, PW_SIGNER_LABEL, ROLE_BODY, size, x, top, label);
	double y = top;
	for (size_t i = 0; i < p->signers.n; i++) {
		if (i > 0 && i % 2 == 0)
			y -= h->pitch;
		double xn = x + wl;
		if (i % 2)
			xn += width(h, ROLE_H2, size, p->signers.v[i - 1].s) + h->c;
		glyphs(h, ROLE_H2, p->signers.v[i].s, p->signers.v[i].pos);
		text_at(h, PW_SIGNER, ROLE_H2, size, xn, y, p->signers.v[i].s);
	}
	if (p->doc_number.s)
		text_at(h, PW_DOC_NUMBER, ROLE_BODY, size, h->left + h->c, y, p->doc_number.s);
	return y - size;
}

/* The line under the 标志 of a 文件 or 纪要; returns its bottom. */
static double number_line(H *h, double top)
{
	const Plan *p = h->p;
	double size = h->g->size_body;
	if (p->kind == DOC_FILE && p->signers.n)
		return signers(h, top);
	if (p->kind == DOC_MINUTES && p->date.day != DAY_NONE) {
		char date[32];
		day_format_cn(p->date.day, date);
		text_at(h, PW_DATE_HEAD, ROLE_BODY, size, h->right - h->c - width(h, ROLE_BODY, size, date),
		        top, date);
		if (p->doc_number.s)
			text_at(h, PW_DOC_NUMBER, ROLE_BODY, size, h->left + h->c, top, p->doc_number.s);
		return top - size;
	}
	if (!p->doc_number.s)
		return top + 2 * h->pitch; /* nothing: the line under the 标志 */
	double w = width(h, ROLE_BODY, size, p->doc_number.s);
	text_at(h, PW_DOC_NUMBER, ROLE_BODY, size, (h->left + h->right - w) / 2, top,
	        p->doc_number.s);
	return top - size;
}

/* The first grid line whose em box top is at least gap below y. */
static int slot_below(const H *h, double y, double gap)
{
	double below = geo_body_top(h->g) - y + gap;
	int slot = (int)(below / h->pitch + 0.999);
	if (slot < 0)
		slot = 0;
	return slot < h->g->lines ? slot : h->g->lines - 1;
}

/* 份号, 密级和保密期限, 紧急程度, one a line from top at x: 份号 in 仿宋,
 * the others in 黑体.  Returns the bottom of the last, or top when none. */
static double top_left(H *h, double top, bool on_grid)
{
	const Plan *p = h->p;
	const Str *v[3] = {&p->copy_number, &p->secrecy, &p->urgency};
	FontRole r[3] = {ROLE_BODY, ROLE_H1, ROLE_H1};
	PartWhat w[3] = {PW_COPY_NUMBER, PW_SECRECY, PW_URGENCY};
	double size = h->g->size_body, y = top, bottom = top;
	int line = 0;
	for (int i = 0; i < 3; i++) {
		if (!v[i]->s)
			continue;
		glyphs(h, r[i], v[i]->s, v[i]->pos);
		if (on_grid) {
			double base = geo_baseline(h->g, line++);
			parts_text(h->ps, w[i], r[i], size, h->left, base, v[i]->s);
			bottom = base - (1 - h->g->em_ascent) * size;
		} else {
			text_at(h, w[i], r[i], size, h->left, y, v[i]->s);
			bottom = y - size;
		}
		y -= h->pitch;
	}
	return bottom;
}

static void red_line(H *h, double y)
{
	parts_rule(h->ps, PW_RED_LINE, h->left, y, h->right, y, h->g->red_line_width, true);
}

/* A red double line: the first line (width w1) has its top at top. */
static double double_line(H *h, double top, double w1, double w2)
{
	const Geometry *g = h->g;
	double cx = (h->left + h->right) / 2, x0 = cx - g->letter_rule_len / 2,
	       x1 = cx + g->letter_rule_len / 2;
	double y1 = top - w1 / 2, y2 = top - w1 - g->letter_space - w2 / 2;
	parts_rule(h->ps, PW_LETTER_RULE, x0, y1, x1, y1, w1, true);
	parts_rule(h->ps, PW_LETTER_RULE, x0, y2, x1, y2, w2, true);
	return top - w1 - g->letter_space - w2;
}

static int letter_head(H *h)
{
	const Plan *p = h->p;
	const Geometry *g = h->g;
	double size = g->size_body;
	double top = g->page_h - g->header_top;
	if (!g->header_from_page)
		top = geo_body_top(g) - g->header_top;
	double y = top;
	if (p->header.s || p->issuer.s)
		y = mark(h, top, "");
	double bottom = y;
	if (g->letter_rules) {
		bottom = double_line(h, y - g->letter_rule_gap, g->letter_thick, g->letter_thin);
		double_line(h, g->letter_rule_bottom + g->letter_thick + g->letter_space +
		                   g->letter_thin, g->letter_thin, g->letter_thick);
	}
	double el = bottom - g->letter_below, last = bottom;
	double left = top_left(h, el, false);
	if (left < last)
		last = left;
	if (p->doc_number.s) {
		glyphs(h, ROLE_BODY, p->doc_number.s, p->doc_number.pos);
		text_at(h, PW_DOC_NUMBER, ROLE_BODY, size,
		        h->right - width(h, ROLE_BODY, size, p->doc_number.s), el, p->doc_number.s);
		if (el - size < last)
			last = el - size;
	}
	/* 标题 two lines below the last element above it. */
	return slot_below(h, last, 2 * h->pitch);
}

int head_compose(const Plan *p, const FontSet *fs, const Geometry *g, Parts *ps, Diags *d,
                 bool *ok)
{
	H h = {p, fs, g, ps, d, true, g->margin_left, g->margin_left + g->body_w,
	       geo_line_pitch(g), geo_char_pitch(g)};
	int first;
	if (p->doc_number.s)
		glyphs(&h, ROLE_BODY, p->doc_number.s, p->doc_number.pos);
	if (p->kind == DOC_LETTER) {
		first = letter_head(&h);
	} else {
		/* The 标志 never reaches up into 份号, 密级, 紧急程度 (a 命令's is
		 * only 20 mm down): at least a line's white under them. */
		double tl = top_left(&h, geo_body_top(g), true);
		double room = tl - (h.pitch - g->size_body);
		bool has_mark = p->header.s || p->issuer.s;
		if (!has_mark) {
			first = 0;
		} else if (p->kind == DOC_ORDER) {
			double top = geo_body_top(g) - g->order_top;
			double bottom = mark(&h, top < room ? top : room, "令");
			double y = number_line(&h, bottom - 2 * h.pitch);
			/* 令号下空二行: two empty lines between the 令号 and the
			 * text, whatever the 标志's size. */
			first = slot_below(&h, y, 3 * h.pitch - g->size_body);
		} else {
			double top = geo_body_top(g) - g->header_top;
			double bottom = mark(&h, top < room ? top : room,
			                     p->kind == DOC_MINUTES ? "纪要" : "文件");
			double y = number_line(&h, bottom - 2 * h.pitch) - g->red_line_gap;
			red_line(&h, y);
			first = slot_below(&h, y, 2 * h.pitch);
		}
	}
	*ok = h.ok;
	return first;
}
