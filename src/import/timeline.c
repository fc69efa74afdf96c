/* timeline.c — phases, deadlines and the campaign read from the text.
 *
 * Dates are read by the checker's own grammar (cndate.h).  A phase is a
 * heading or run-in lead written NAME（DATE）, with 第一阶段： before it or
 * not: “（一）动员部署阶段（2020年3月10日前）”, “1、星级争创(5月——11月)”.  A
 * deadline is a sentence that begins with a date followed by 前 (“3月25日
 * 前，各单位要将……报送……”) or says 于/在 DATE 前 after its subject, when the
 * day is exact or something is 报送/上报.  A vague end (3月底, 年底) is
 * taken at its last day, a vague start at its first, except 月底 which
 * starts on the last day; each such choice is noted for the author.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cndate.h"
#include "headnum.h"
#include "import_int.h"

#define MAX_DATES 64

static bool whole_month(DaySpan s)
{
	int y1, m1, d1, y2, m2, d2;
	day_to_ymd(s.lo, &y1, &m1, &d1);
	day_to_ymd(s.hi, &y2, &m2, &d2);
	return d1 == 1 && y1 == y2 && m1 == m2 && d2 == days_in_month(y2, m2);
}

static Day span_start(DaySpan s)
{
	int y, m, d;
	day_to_ymd(s.hi, &y, &m, &d);
	if (s.lo != s.hi && d == days_in_month(y, m) && s.hi - s.lo <= 5)
		return s.hi; /* 3月底至11月 starts at the end of March */
	return s.lo;
}

static bool vague(DaySpan s)
{
	return s.lo != s.hi && !whole_month(s);
}

/* The year dates without one fall in: --year, else the year of the
 * date in a plan file's own front matter, else the first written year in
 * the text, else the 发文字号's, else this year (noted). */
static void find_year(Import *im)
{
	if (im->opts.year || im->front_year) {
		im->year = im->opts.year ? im->opts.year : im->front_year;
		return;
	}
	CnDate d[MAX_DATES];
	for (size_t i = 0; i < im->nlines; i++) {
		const char *t = im->lines[i].text;
		size_t n = cndate_scan(t, strlen(t), 2000, 1, d, MAX_DATES);
		for (size_t k = 0; k < n && k < MAX_DATES; k++)
			if (d[k].year_given) {
				int y, m, dd;
				day_to_ymd(d[k].start.lo, &y, &m, &dd);
				im->year = y;
				return;
			}
	}
	const char *p = im->doc_number ? strstr(im->doc_number, "〔") : NULL;
	if (p && sscanf(p + strlen("〔"), "%4d", &im->year) == 1 && im->year > 1900)
		return;
	time_t now = time(NULL);
	struct tm tm;
	im->year = localtime_r(&now, &tm) ? tm.tm_year + 1900 : 2000;
	im->year_note = xasprintf("文中没有写年份，日期暂按%d年；可用 --year 指定", im->year);
	note(im, "%s", im->year_note);
}

static size_t scan(const Import *im, const char *s, size_t n, CnDate *out)
{
	size_t k = cndate_scan(s, n, im->year, 1, out, MAX_DATES);
	return k > MAX_DATES ? MAX_DATES : k;
}

static void add_phase(Import *im, const char *name, size_t nlen, const CnDate *d, const char *text)
{
	im->phases = xrealloc(im->phases, (im->nphases + 1) * sizeof *im->phases);
	IPhase *p = &im->phases[im->nphases++];
	p->name = xstrndup(name, nlen);
	p->start = p->end = DAY_NONE;
	p->note = NULL;
	if (d->before) {
		p->end = d->end.hi;
	} else if (d->after && !d->is_range) {
		p->start = span_start(d->start);
	} else {
		p->start = span_start(d->start);
		p->end = d->end.hi;
	}
	if (vague(d->start) || vague(d->end) || d->year_placeholder)
		p->note = xasprintf("文中写作“%.*s”%s", (int)d->len, text + d->off,
		                    d->year_placeholder ? "，年份是占位符" : "");
}

/* NAME（DATE）at the start of s (after a heading number or 第N阶段：). */
static void phase_from(Import *im, const char *s, size_t n)
{
	if (starts(s, "第")) {
		const char *c = strstr(s, "阶段");
		if (c && c - s <= 12) {
			const char *q = c + strlen("阶段");
			if (starts(q, "：") || starts(q, ":")) {
				q += starts(q, ":") ? 1 : 3;
				n -= (size_t)(q - s);
				s = q;
			}
		}
	}
	const char *po = strstr(s, "（"), *pa = strchr(s, '(');
	const char *p = po && (!pa || po < pa) ? po : pa;
	if (!p || p == s || (size_t)(p - s) >= n || im->nphases >= IMPORT_MAX_ITEMS)
		return;
	size_t nlen = (size_t)(p - s);
	if (u8len(s, nlen) > 20)
		return;
	for (const char *c = s; c < p; c++)
		if (!strncmp(c, "，", 3) || !strncmp(c, "。", 3) || !strncmp(c, "：", 3) || *c == ':')
			return;
	const char *in = p + (p == pa ? 1 : 3);
	CnDate d[MAX_DATES];
	size_t k = scan(im, in, n - (size_t)(in - s), d);
	if (k == 0 || d[0].off != 0)
		return;
	for (size_t i = 0; i < im->nphases; i++)
		if (strlen(im->phases[i].name) == nlen && !memcmp(im->phases[i].name, s, nlen))
			return;
	add_phase(im, s, nlen, &d[0], in);
}

static bool has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, w, k))
			return true;
	return false;
}

static const char *find_in(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, w, k))
			return s + i;
	return NULL;
}

/* Up to the first ， , （ or the end. */
static size_t clause(const char *s, size_t n)
{
	size_t e = n;
	static const char *const stops[] = {"，", ",", "；", "（", "(", "。"};
	for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
		const char *p = find_in(s, e, stops[k]);
		if (p)
			e = (size_t)(p - s);
	}
	return e;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' '))
		n--;
	while (n && *s == ' ') {
		s++;
		n--;
	}
	return xstrndup(s, n);
}

static void strip_suffix(char *s, const char *const *sfx)
{
	size_t n = strlen(s);
	for (; *sfx; sfx++)
		if (ends(s, n, *sfx) && n > strlen(*sfx)) {
			s[n - strlen(*sfx)] = '\0';
			return;
		}
}

/* The deadline said by "VERB…" (after the subject): its name and 报送对象. */
static void name_deadline(IDeadline *dl, const char *v, size_t n)
{
	if (starts(v, "要")) {
		v += 3;
		n -= 3;
	}
	const char *send = find_in(v, n, "报送");
	if (!send)
		send = find_in(v, n, "上报");
	if (starts(v, "将") && send) {
		const char *x = v + 3;
		size_t xl = (size_t)(send - x);
		const char *by = find_in(x, xl, "以");
		if (by)
			xl = (size_t)(by - x);
		char *obj = trim_dup(x, xl);
		dl->name = xasprintf("%.6s%s", send, obj);
		free(obj);
		const char *to = send + 6;
		dl->to = trim_dup(to, clause(to, n - (size_t)(to - v)));
		static const char *const sfx[] = {"备案", "审核", "审批", "审定", NULL};
		strip_suffix(dl->to, sfx);
		if (!*dl->to) {
			free(dl->to);
			dl->to = NULL;
		}
		return;
	}
	if (starts(v, "将")) {
		v += 3;
		n -= 3;
	}
	dl->name = trim_dup(v, clause(v, n));
}

/* The subject before 要将 / 将 / 要 in s[0..n): its length, or 0. */
static size_t subject(const char *s, size_t n)
{
	static const char *const marks[] = {"要将", "将", "要", "应", "须"};
	for (size_t k = 0; k < 5; k++) {
		const char *p = find_in(s, n, marks[k]);
		if (p && p > s && u8len(s, (size_t)(p - s)) <= 30)
			return (size_t)(p - s);
	}
	return 0;
}

static void deadline_from(Import *im, const char *s, size_t n)
{
	CnDate d[MAX_DATES];
	size_t k = scan(im, s, n, d);
	for (size_t i = 0; i < k && im->ndeadlines < IMPORT_MAX_DEADLINES; i++) {
		if (!d[i].before || d[i].is_range)
			continue;
		const char *after = s + d[i].off + d[i].len;
		size_t rest = n - d[i].off - d[i].len;
		static const char *const qian[] = {"以前", "之前", "前"};
		for (size_t q = 0; q < 3; q++)
			if (starts(after, qian[q])) {
				after += strlen(qian[q]);
				rest -= strlen(qian[q]);
				break;
			}
		bool exact = d[i].end.lo == d[i].end.hi;
		bool sends = has(s, n, "报送") || has(s, n, "上报");
		if (!exact && !sends)
			continue;
		char *by = NULL;
		const char *verb;
		size_t vlen;
		if (d[i].off == 0) {
			while (starts(after, "，") || starts(after, ",")) {
				after += starts(after, ",") ? 1 : 3;
				rest -= starts(after - 1, ",") ? 1 : 3;
			}
			size_t sl = subject(after, rest);
			if (sl)
				by = trim_dup(after, sl);
			verb = after + sl;
			vlen = rest - sl;
		} else {
			size_t pre = d[i].off;
			if (!(ends(s, pre, "于") || ends(s, pre, "在")) || pre <= 3)
				continue;
			size_t bl = pre - 3;
			static const char *const modal[] = {"要", "应", "须", "需"};
			for (size_t m = 0; m < 4; m++)
				if (ends(s, bl, modal[m]))
					bl -= 3;
			if (u8len(s, bl) > 30 || has(s, bl, "，") || has(s, bl, ","))
				continue;
			by = trim_dup(s, bl);
			verb = after;
			vlen = rest;
		}
		IDeadline dl = {0};
		dl.due = d[i].end.hi;
		dl.by = by;
		name_deadline(&dl, verb, vlen);
		if (!dl.name || !*dl.name || u8len(dl.name, strlen(dl.name)) > 40) {
			free(dl.name);
			free(dl.by);
			free(dl.to);
			continue;
		}
		if (!exact || d[i].year_placeholder)
			dl.note = xasprintf("文中写作“%.*s前”%s", (int)d[i].len, s + d[i].off,
			                    d[i].year_placeholder ? "，年份是占位符" : "");
		for (size_t a = 0; a < im->nattach; a++) {
			const char *t = im->attach[a].title;
			size_t tl = strlen(t);
			if (tl >= 9 && strstr(dl.name, t + tl - 9)) {
				dl.form = xstrdup(im->attach[a].id);
				break; /* the first attachment it names */
			}
		}
		im->deadlines = xrealloc(im->deadlines, (im->ndeadlines + 1) * sizeof *im->deadlines);
		im->deadlines[im->ndeadlines++] = dl;
	}
}

/* Each sentence of s (split at 。 ；) in turn. */
static void deadlines_in(Import *im, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		size_t e = n;
		const char *p = find_in(s, n, "。");
		const char *q = find_in(s, n, "；");
		if (p)
			e = (size_t)(p - s);
		if (q && (size_t)(q - s) < e)
			e = (size_t)(q - s);
		deadline_from(im, s, e);
		if (e == n)
			break;
		s += e + 3;
		n -= e + 3;
	}
}

void read_timeline(Import *im)
{
	find_year(im);
	for (size_t b = 0; b < im->nblocks; b++) {
		const Block *k = &im->blocks[b];
		const char *t = k->src->text;
		size_t n = strlen(t);
		if (k->kind == BK_TABLE)
			continue;
		if (k->kind == BK_HEADING || k->kind == BK_RUNIN) {
			HeadNum h = headnum_parse(t, n);
			size_t from = h.style ? h.len : 0;
			phase_from(im, t + from, (k->kind == BK_RUNIN ? k->lead : n) - from);
		} else if (starts(t, "第")) {
			phase_from(im, t, n);
		}
		deadlines_in(im, t);
	}
	if (im->nphases == 0)
		return;
	im->cstart = im->phases[0].start;
	im->cend = DAY_NONE;
	for (size_t i = 0; i < im->nphases; i++) {
		if (im->phases[i].start != DAY_NONE && (im->cstart == DAY_NONE || im->phases[i].start < im->cstart))
			im->cstart = im->phases[i].start;
		if (im->phases[i].end != DAY_NONE && (im->cend == DAY_NONE || im->phases[i].end > im->cend))
			im->cend = im->phases[i].end;
	}
	if (im->phases[0].start == DAY_NONE) {
		if (im->date != DAY_NONE) {
			im->cstart = im->date;
			im->campaign_note = xstrdup("第一阶段没有写开始日期，活动开始日暂取成文日期");
		} else if (im->phases[0].end != DAY_NONE) {
			int y, m, d;
			day_to_ymd(im->phases[0].end, &y, &m, &d);
			im->cstart = day_from_ymd(y, m, 1);
			im->campaign_note = xstrdup("第一阶段没有写开始日期，活动开始日暂取该月1日");
		}
	}
}
