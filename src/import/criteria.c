/* criteria.c — 评分标准 and 星级/等次 bands read from the text.
 *
 * An item is a numbered paragraph or run-in head that ends with its
 * points, “1、星级服务体系：……（20分）” or “（17.5分）”, or one of the numbered
 * paragraphs after “每项20分” (每项满分、每项各 too) that give none of their
 * own: the run of paragraphs numbered alike that follows it; the total is what the text states
 * (百分制, 满分100分, 总分100分).  A band is written “95分以上为五星级”,
 * “90—94分为四星级”, “60分以下无星” (below 60: up to 59), or with the name
 * first, “三星级：考核分数达到75-85分”.  A quota is a percentage said of a
 * total: “初评申报一批…示范岗，比例原则上不低于单位党员总数的10%”, “按…总数10%以上
 * 比例确定命名一批党员示范单位” (its name: what 一批 is of).
 */
#include <stdlib.h>
#include <string.h>

#include "headnum.h"
#include "import_int.h"
#include "score.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Points written at s ("20", "17.5"): their tenths, and in *len the
 * bytes they take; -1 when there is no number, more than one decimal
 * or more than 9999 points (no score sheet has those). */
static long points_at(const char *s, size_t *len)
{
	size_t n = 0;
	while (digit(s[n]) && n < 8)
		n++;
	if (n && s[n] == '.' && digit(s[n + 1]))
		for (n++; digit(s[n]) && n < 16; n++)
			;
	long t;
	if (!n || digit(s[n]) || score_parse(s, n, false, &t) != SCORE_OK || t > 99990)
		return -1;
	*len = n;
	return t;
}

/* "（20分）", "(17.5分)" at the end of s (before a final 。): the points in
 * tenths and where the bracket starts, or -1. */
static long points_at_end(const char *s, size_t n, size_t *at)
{
	while (ends(s, n, "。"))
		n -= 3;
	if (!ends(s, n, "分）") && !ends(s, n, "分)"))
		return -1;
	size_t e = n - (ends(s, n, "分)") ? 4 : 6);
	size_t b = e, len = 0;
	while (b > 0 && e - b < 8 && (digit(s[b - 1]) || s[b - 1] == '.'))
		b--;
	long pts = points_at(s + b, &len);
	if (pts < 0 || len != e - b)
		return -1;
	if (b >= 3 && !memcmp(s + b - 3, "（", 3))
		*at = b - 3;
	else if (b >= 1 && s[b - 1] == '(')
		*at = b - 1;
	else
		return -1;
	return pts;
}

/* “每项20分”, “每项满分2.5分”, “每项各5分”: the points each item listed
 * after it has, in tenths, or -1. */
static long points_each(const char *s)
{
	const char *p = strstr(s, "每项");
	if (!p)
		return -1;
	p += strlen("每项");
	static const char *const skip[] = {"满分", "分值", "为", "各", "计"};
	for (size_t k = 0; k < sizeof skip / sizeof *skip; k++)
		if (starts(p, skip[k]))
			p += strlen(skip[k]);
	size_t len;
	long t = points_at(p, &len);
	return t > 0 && starts(p + len, "分") ? t : -1;
}

static char *strip_punct_end(const char *s, size_t n)
{
	static const char *const p[] = {"：", ":", "。", "，", " "};
	for (bool again = true; again;) {
		again = false;
		for (size_t k = 0; k < 5; k++)
			if (ends(s, n, p[k]) && n > strlen(p[k])) {
				n -= strlen(p[k]);
				again = true;
			}
	}
	return xstrndup(s, n);
}

/* “每项N分” in force: its points and the number style of the items it
 * covers (0 until the first of them). */
typedef struct {
	long pts;
	int style;
} Each;

/* The points of block k when it is one of the items “每项N分” covers;
 * ends the run at the first block that is not. */
static long each_points(Each *ea, const Block *k)
{
	if (ea->pts < 0 || k->kind == BK_TABLE)
		return -1;
	if (!k->style) {
		if (ea->style)
			ea->pts = -1; /* a paragraph after the items ends them */
		return -1;
	}
	if (!ea->style)
		ea->style = k->style;
	if (k->style != ea->style)
		ea->pts = -1;
	return ea->pts;
}

static void read_items(Import *im)
{
	Each ea = {-1, 0};
	for (size_t b = 0; b < im->nblocks; b++) {
		const Block *k = &im->blocks[b];
		const char *t = k->src->text;
		size_t n = strlen(t), at = n;
		long each = points_each(t);
		if (each > 0) {
			ea = (Each){each, 0};
			continue;
		}
		each = each_points(&ea, k);
		if (k->kind == BK_TABLE || !k->style)
			continue;
		long pts = points_at_end(t, n, &at);
		if (pts < 0 && each > 0) {
			pts = each;
			for (at = n; ends(t, at, "。"); at -= 3)
				;
		}
		if (pts <= 0)
			continue;
		HeadNum h = headnum_parse(t, n);
		size_t lead = k->kind == BK_RUNIN ? k->lead : 0;
		if (!lead) {
			const char *c = strstr(t + h.len, "：");
			const char *a = strchr(t + h.len, ':');
			const char *e = c && (!a || c < a) ? c + 3 : a ? a + 1 : NULL;
			if (!e && k->kind == BK_HEADING)
				e = t + at;  /* "1.组织领导（40分）": a name only */
			if (!e || u8len(t + h.len, (size_t)(e - t) - h.len) > 20)
				continue;
			lead = (size_t)(e - t);
		}
		if (lead <= h.len || lead > at)
			continue;
		if (im->nitems >= IMPORT_MAX_ITEMS)
			break;
		im->items = xrealloc(im->items, (im->nitems + 1) * sizeof *im->items);
		IItem *it = &im->items[im->nitems++];
		it->name = strip_punct_end(t + h.len, lead - h.len);
		it->standard = strip_punct_end(t + lead, at - lead);
		it->points = pts;
	}
}

static void read_total(Import *im)
{
	for (size_t i = 0; i < im->nlines && !im->total; i++) {
		const char *t = im->lines[i].text;
		if (strstr(t, "百分制")) {
			im->total = 1000;
			break;
		}
		static const char *const w[] = {"满分", "总分为", "总分"};
		for (size_t k = 0; k < 3; k++) {
			const char *p = strstr(t, w[k]);
			size_t len;
			long v = p ? points_at(p + strlen(w[k]), &len) : -1;
			if (v > 0) {
				im->total = v;
				break;
			}
		}
	}
}

static bool band_name(const char *s)
{
	static const char *const w[] = {"星", "优秀", "良好", "合格", "称职", "较好", "一般", "较差", "等"};
	for (size_t k = 0; k < sizeof w / sizeof *w; k++)
		if (strstr(s, w[k]))
			return true;
	return false;
}

static bool is_stop(const char *p)
{
	static const char *const st[] = {"，", "。", "；", "、", ",", ";", "：", ":", "（", "(", "”"};
	for (size_t k = 0; k < sizeof st / sizeof *st; k++)
		if (starts(p, st[k]))
			return true;
	return *p == '\0' || *p == ' ';
}

static void add_rating(Import *im, char *name, long min, long max, bool below)
{
	if (u8len(name, strlen(name)) > 8 || !*name || !band_name(name) ||
	    im->nratings >= IMPORT_MAX_RATINGS) {
		free(name);
		return;
	}
	for (size_t i = 0; i < im->nratings; i++)
		if (!strcmp(im->ratings[i].name, name)) {
			free(name);
			return;
		}
	im->ratings = xrealloc(im->ratings, (im->nratings + 1) * sizeof *im->ratings);
	im->ratings[im->nratings++] = (IRating){name, min, max, below};
}

/* The name before "：…N分" back to the previous 。；; or the start. */
static char *name_before(const char *line, const char *num)
{
	const char *colon = NULL;
	for (const char *p = num; p > line; p--)
		if (starts(p, "：") || *p == ':') {
			colon = p;
			break;
		} else if (starts(p, "。") || starts(p, "；") || *p == ';') {
			return NULL;
		}
	if (!colon)
		return NULL;
	const char *b = colon;
	while (b > line && !starts(b - 1, ";") && !(b - line >= 3 && (starts(b - 3, "；") ||
	       starts(b - 3, "。") || starts(b - 3, "，") || starts(b - 3, "："))) && b[-1] != ':' &&
	       b[-1] != ',')
		b--;
	return xstrndup(b, (size_t)(colon - b));
}

static void read_ratings(Import *im, const char *t)
{
	for (const char *p = t; *p; p++) {
		if (!digit(*p) || (p > t && (digit(p[-1]) || p[-1] == '.')))
			continue;
		size_t len;
		long a = points_at(p, &len), b = -1;
		if (a < 0)
			continue;
		const char *q = p + len;
		static const char *const dash[] = {"——", "—", "－", "-", "～", "~", "至"};
		for (size_t k = 0; k < 7; k++)
			if (starts(q, dash[k]) && digit(q[strlen(dash[k])])) {
				q += strlen(dash[k]);
				b = points_at(q, &len);
				if (b >= 0)
					q += len;
				break;
			}
		if (!starts(q, "分"))
			continue;
		q += 3;
		long min = a, max = b;
		bool below = false;
		if (b < 0 && starts(q, "以上")) {
			q += 6;
			max = -1;
		} else if (b < 0 && starts(q, "以下")) {
			q += 6;
			min = -1;
			max = a; /* less one step: settle_below */
			below = true;
		} else if (b < 0) {
			continue;
		}
		if (starts(q, "的"))
			q += 3;
		const char *name = NULL;
		if (starts(q, "为"))
			name = q + 3;
		else if (below && !is_stop(q))
			name = q;
		if (name) {
			const char *e = name;
			while (!is_stop(e))
				e++;
			add_rating(im, xstrndup(name, (size_t)(e - name)), min, max, below);
		} else {
			char *nb = name_before(t, p);
			if (nb)
				add_rating(im, nb, min, max, below);
		}
	}
}

/* “60分以下” is below 60: up to 59 where scores are whole points, 59.5
 * where the plan gives half points, 59.9 where it gives tenths. */
static void settle_below(Import *im)
{
	long step = score_step(10, im->total);
	for (size_t i = 0; i < im->nitems; i++)
		step = score_step(step, im->items[i].points);
	for (size_t i = 0; i < im->nratings; i++) {
		if (im->ratings[i].min > 0)
			step = score_step(step, im->ratings[i].min);
		if (im->ratings[i].max > 0)
			step = score_step(step, im->ratings[i].max);
	}
	for (size_t i = 0; i < im->nratings; i++)
		if (im->ratings[i].below) /* “0分以下” bounds nothing: open */
			im->ratings[i].max = im->ratings[i].max >= step ? im->ratings[i].max - step : -1;
}

static const char *find_before(const char *s, const char *end, const char *w)
{
	const char *last = NULL;
	for (const char *p = s; (p = strstr(p, w)) != NULL && p < end; p += strlen(w))
		last = p;
	return last;
}

/* What 一批 in s[0..n) is of: after the last 的, up to ， or 比例. */
static char *quota_name(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	char *p = strstr(t, "一批"), *name = NULL;
	if (p) {
		p += strlen("一批");
		size_t k = 0;
		while (p[k] && !starts(p + k, "，") && p[k] != ',' && !starts(p + k, "比例"))
			k++;
		p[k] = '\0';
		char *d;
		while ((d = strstr(p, "的")) != NULL)
			p = d + strlen("的");
		if (*p && u8len(p, strlen(p)) <= 16)
			name = xstrdup(p);
	}
	free(t);
	return name;
}

static void quota_in(Import *im, const char *s, size_t n)
{
	char *sent = xstrndup(s, n);
	for (char *pct = strchr(sent, '%'); pct && im->nquotas < IMPORT_MAX_ITEMS; pct = strchr(pct + 1, '%')) {
		char *num = pct;
		while (num > sent && digit(num[-1]))
			num--;
		if (num == pct)
			continue;
		int v = atoi(num), min = -1, max = -1;
		char *of = NULL;
		const char *kw = NULL;
		static const char *const low[] = {"不低于", "不少于"}, *const high[] = {"不超过", "不高于", "不多于"};
		for (size_t k = 0; k < 2 && !kw; k++)
			if ((kw = find_before(sent, num, low[k])) != NULL)
				min = v, kw += strlen(low[k]);
		for (size_t k = 0; k < 3 && !kw; k++)
			if ((kw = find_before(sent, num, high[k])) != NULL)
				max = v, kw += strlen(high[k]);
		if (kw && num - kw > 3 && !strncmp(num - 3, "的", 3)) {
			of = xstrndup(kw, (size_t)(num - 3 - kw));
		} else if (starts(pct + 1, "以上") || starts(pct + 1, "以下")) {
			const char *b = find_before(sent, num, "按");
			b = b ? b + strlen("按") : NULL;
			if (b && ends(b, (size_t)(num - b), "总数")) {
				of = xstrndup(b, (size_t)(num - b));
				if (starts(pct + 1, "以上"))
					min = v, max = -1;
				else
					max = v, min = -1;
			}
		}
		char *name = of ? quota_name(sent, n) : NULL;
		if (!name || u8len(of, strlen(of)) > 20) {
			free(name);
			free(of);
			continue;
		}
		im->quotas = xrealloc(im->quotas, (im->nquotas + 1) * sizeof *im->quotas);
		im->quotas[im->nquotas++] = (IQuota){name, of, min, max};
	}
	free(sent);
}

static void read_quotas(Import *im)
{
	for (size_t b = 0; b < im->nblocks; b++) {
		const char *s = im->blocks[b].src->text;
		if (im->blocks[b].kind == BK_TABLE || !strchr(s, '%'))
			continue;
		for (size_t n = strlen(s); n > 0;) {
			const char *e = strstr(s, "。");
			size_t k = e ? (size_t)(e - s) : n;
			if (memchr(s, '%', k))
				quota_in(im, s, k);
			if (!e)
				break;
			n -= k + 3;
			s = e + 3;
		}
	}
}

void read_criteria(Import *im)
{
	read_quotas(im);
	read_items(im);
	read_total(im);
	for (size_t b = 0; b < im->nblocks; b++)
		if (im->blocks[b].kind != BK_TABLE)
			read_ratings(im, im->blocks[b].src->text);
	settle_below(im);
}
