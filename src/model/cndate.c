/* cndate.c — the grammar of Chinese date expressions; see cndate.h.
 *
 * An expression is one "end", or two ends joined by a range separator:
 *
 *   end    = feast | [year] yearpart | [year] month [day | part]
 *          | day                      (only as a second end after a day)
 *   year   = 2020年 | 二〇二〇年 | 20XX年 | 今年 明年 去年 …
 *   month  = N月          day = N日 | N号
 *   part   = 底 末 初 上旬 中旬 下旬 上中旬 中下旬 中 份
 *   yearpart = 年底 年末 年初        feast = “七一” 国庆 元旦 …
 *
 * and two shorthand ranges where the first end leaves out its unit:
 * 3—5月 (March to May) and 5月5—10日 (5 to 10 May).
 *
 * Parsing is done in two steps.  First the syntax: which bytes form the
 * expression and what numbers were written.  Then the meaning: which
 * days those numbers denote.  An expression that is well formed but
 * names no real day (2月30日, 13月, 99999999999月) yields no result, and
 * the scan resumes after it, so that its tail is not read again as a
 * shorter date.
 *
 * Work is bounded: the scan never starts inside a run of digits, and an
 * attempt reads a bounded number of tokens, so each byte is looked at a
 * bounded number of times.  Nothing recurses.
 */
#include "cndate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define END_CP 0x110001u /* past the end of the text */
#define BAD_CP 0x110000u /* a byte that is not valid UTF-8 */

/* Numbers saturate here: far beyond any year, month or day, so that a
 * run of ten thousand digits is simply an impossible value. */
#define NUM_CAP 100000
#define NUM_BAD (-1)     /* a numeral that names no number (十十, 一二 as a day) */
#define LAST_DAY (-2)    /* day bound: the last day of whichever month it is */

typedef struct {
	const unsigned char *s;
	size_t n;
} Text;

typedef struct {
	Text t;
	int default_year;
	int first_month;
} Ctx;

/* ---- characters ---- */

/* The code point at byte i and its length; an invalid byte reads as one
 * BAD_CP so that it is skipped like any other non-date character. */
static uint32_t peek(const Text *t, size_t i, size_t *len)
{
	uint32_t cp;
	if (i >= t->n) {
		*len = 0;
		return END_CP;
	}
	int l = utf8_decode(t->s + i, t->n - i, &cp);
	if (l == 0) {
		*len = 1;
		return BAD_CP;
	}
	*len = (size_t)l;
	return cp;
}

static uint32_t cp_at(const Text *t, size_t i)
{
	size_t len;
	return peek(t, i, &len);
}

/* The code point ending just before byte i (END_CP at the start). */
static uint32_t prev_cp(const Text *t, size_t i)
{
	size_t j = i;
	if (i == 0 || i > t->n)
		return END_CP;
	while (j > 0 && i - j < 4) {
		j--;
		if ((t->s[j] & 0xC0) != 0x80)
			break;
	}
	size_t len;
	uint32_t cp = peek(t, j, &len);
	return j + len == i ? cp : BAD_CP;
}

/* Byte length of the UTF-8 word w when the text at i begins with it,
 * else 0.  Byte comparison is exact at a code point boundary. */
static size_t lit(const Text *t, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (i > t->n || t->n - i < n || memcmp(t->s + i, w, n) != 0)
		return 0;
	return n;
}

/* A class of characters, written as a UTF-8 string so that they stay
 * readable, and decoded once, on first use: the scan asks about a class
 * several times at every character of a plan. */
typedef struct {
	const char *chars;
	uint32_t cp[32];
	int n; /* -1 until decoded */
} CharClass;

#define CLASS(s) {s, {0}, -1}

/* Position of cp among the characters of c, or -1. */
static int index_in(uint32_t cp, CharClass *c)
{
	if (c->n < 0) {
		const unsigned char *s = (const unsigned char *)c->chars;
		size_t n = strlen(c->chars);
		int k = 0;
		for (size_t i = 0; i < n; k++) {
			int l = k < (int)(sizeof c->cp / sizeof c->cp[0]) ?
			        utf8_decode(s + i, n - i, &c->cp[k]) : 0;
			if (l == 0) {
				fprintf(stderr, "fangan: internal error: character class \"%s\"\n",
				        c->chars);
				abort();
			}
			i += (size_t)l;
		}
		c->n = k;
	}
	for (int k = 0; k < c->n; k++)
		if (c->cp[k] == cp)
			return k;
	return -1;
}

static bool in_set(uint32_t cp, CharClass *c)
{
	return index_in(cp, c) >= 0;
}

static bool is_ideograph(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

static CharClass quotes = CLASS("“”‘’「」『』\"＂");
/* Range separators other than 至 and 到; a doubled dash (——) is one. */
static CharClass dashes = CLASS("-~–—―−─～－〜");
/* Characters that stand for an unknown digit in a template year, 20XX. */
#define HOLDERS "XxＸｘ×*＊○〇"
static CharClass holders = CLASS(HOLDERS);
static CharClass cn_zeros = CLASS("〇○◯零"), cn_digits = CLASS("一二三四五六七八九");
static CharClass spaces = CLASS(" 　");

static int arabic_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width ０-９ */
		return (int)(cp - 0xFF10);
	return -1;
}

static int cn_digit(uint32_t cp)
{
	if (in_set(cp, &cn_zeros))
		return 0;
	int i = index_in(cp, &cn_digits);
	return i < 0 ? -1 : i + 1;
}

static bool is_ten(uint32_t cp)
{
	return cp == 0x5341; /* 十 */
}

/* Any digit a number could continue or begin with. */
static bool is_numeral(uint32_t cp)
{
	return arabic_digit(cp) >= 0 || cn_digit(cp) >= 0 || is_ten(cp);
}

static int sat_push(int v, int d)
{
	return v >= NUM_CAP / 10 ? NUM_CAP : v * 10 + d;
}

/* ---- numbers ---- */

typedef struct {
	size_t to;    /* byte after the numeral */
	int value;    /* saturated at NUM_CAP; NUM_BAD when it names nothing */
	int ndigits;  /* digits of a plain digit string (capped); 0 with 十 */
	int lead;     /* the first digit of a plain digit string */
	bool chinese;
} Num;

static void lex_arabic(const Text *t, size_t i, Num *num)
{
	size_t len;
	int d;
	*num = (Num){.lead = -1};
	while ((d = arabic_digit(peek(t, i, &len))) >= 0) {
		if (num->lead < 0)
			num->lead = d;
		num->value = sat_push(num->value, d);
		if (num->ndigits < NUM_CAP)
			num->ndigits++;
		i += len;
	}
	num->to = i;
}

/* Chinese numerals come in two spellings: digit by digit for years
 * (二〇二〇) and with 十 for months and days (十, 十一, 二十, 三十一).
 * Anything else (十十, 二十三十) is a numeral but no usable number. */
static void lex_chinese(const Text *t, size_t i, Num *num)
{
	int tens = 0, nd[2] = {0, 0}, v[2] = {0, 0};
	size_t len;
	uint32_t cp;
	*num = (Num){.chinese = true, .lead = -1};
	while ((cp = peek(t, i, &len)), is_ten(cp) || cn_digit(cp) >= 0) {
		int d = cn_digit(cp);
		if (d < 0) {
			if (tens < 2)
				tens++;
		} else {
			int side = tens > 0;
			if (num->lead < 0)
				num->lead = d;
			v[side] = sat_push(v[side], d);
			if (nd[side] < NUM_CAP)
				nd[side]++;
		}
		i += len;
	}
	num->to = i;
	if (tens == 0) {
		num->value = v[0];
		num->ndigits = nd[0];
	} else if (tens == 1 && nd[0] <= 1 && nd[1] <= 1 &&
	           (nd[0] == 0 || v[0] > 0) && (nd[1] == 0 || v[1] > 0)) {
		num->value = (nd[0] ? v[0] : 1) * 10 + v[1];
	} else {
		num->value = NUM_BAD;
	}
}

static bool lex_num(const Text *t, size_t i, Num *num)
{
	uint32_t cp = cp_at(t, i);
	if (arabic_digit(cp) >= 0)
		lex_arabic(t, i, num);
	else if (cn_digit(cp) >= 0 || is_ten(cp))
		lex_chinese(t, i, num);
	else
		return false;
	return true;
}

/* A month or day is written with at most two digits, or with 十; a
 * longer digit string (一二月) is no month. */
static int small_value(const Num *num)
{
	if (num->chinese && num->ndigits > 1)
		return NUM_BAD;
	return num->value;
}

/* ---- the syntax of one end ---- */

typedef enum { Y_NONE, Y_NUM, Y_HOLDER, Y_REL } YearKind;

typedef struct {
	YearKind kind;
	int value; /* the year for Y_NUM; the offset from the default for Y_REL */
} Year;

typedef enum { E_DAY, E_MONTH, E_YEARPART, E_FEAST } EndKind;

typedef struct {
	EndKind kind;
	Year year;
	int month;    /* as written; 0 when left out (inherited from the first end) */
	int dlo, dhi; /* the days meant within that month; dhi may be LAST_DAY */
	bool weak;    /* a year-less 一月 with no day: see lone_yi_ok */
	size_t to;    /* byte after the end */
} End;

/* Words before 年 that name a year relative to the campaign's. */
static const struct {
	const char *word;
	int offset;
} rel_years[] = {
	{"今年", 0}, {"本年", 0}, {"当年", 0}, {"明年", 1}, {"来年", 1},
	{"次年", 1}, {"翌年", 1}, {"去年", -1}, {"上年", -1},
};

/* Two unknown digits after "20", as template plans write the year. */
static size_t holder_digits(const Text *t, size_t i)
{
	size_t a, b;
	if (!in_set(peek(t, i, &a), &holders) || !in_set(peek(t, i + a, &b), &holders))
		return 0;
	return a + b;
}

/* "2020年", "二〇二〇年", "20XX年" or "明年"; *to is set past 年.  A
 * year is four digits: 三年 is a duration, and yields a year that names
 * nothing (so 三年底 is no date). */
static bool parse_year(const Text *t, size_t i, size_t *to, Year *y)
{
	size_t k, h;
	Num num;
	for (size_t r = 0; r < sizeof rel_years / sizeof rel_years[0]; r++) {
		if ((k = lit(t, i, rel_years[r].word))) {
			*y = (Year){Y_REL, rel_years[r].offset};
			*to = i + k;
			return true;
		}
	}
	if (!lex_num(t, i, &num))
		return false;
	if (num.ndigits == 4 && num.lead > 0 && (k = lit(t, num.to, "年"))) {
		*y = (Year){Y_NUM, num.value};
		*to = num.to + k;
		return true;
	}
	if (!num.chinese && num.ndigits == 2 && num.value == 20 &&
	    (h = holder_digits(t, num.to)) && (k = lit(t, num.to + h, "年"))) {
		*y = (Year){Y_HOLDER, 0};
		*to = num.to + h + k;
		return true;
	}
	if ((k = lit(t, num.to, "年"))) {
		/* 98年3月 or 0000年3月: a year, but not one we can read.  Taking
		 * it as a year that names nothing makes the month after it no
		 * date, instead of a month in the default year. */
		*y = (Year){Y_NUM, NUM_BAD};
		*to = num.to + k;
		return true;
	}
	return false;
}

/* 初 and 中 also begin words (初步, 中央): after a month or year they
 * are a part of it only when the next character does not make such a word. */
static CharClass not_after_chu = CLASS("步心级次审稿衷见赛选核评始创任版");
static CharClass not_after_zhong = CLASS("央国共华心层小学级等型外文医介标断止转青老队组部选秋间");

/* 年底 年末 年初 at j (just after 年). */
static bool year_part(const Text *t, size_t j, End *e)
{
	size_t k;
	if ((k = lit(t, j, "底")) || (k = lit(t, j, "末"))) {
		/* The last third of December: "by year end" is rarely earlier. */
		e->month = 12;
		e->dlo = 21;
		e->dhi = LAST_DAY;
	} else if ((k = lit(t, j, "初")) && !in_set(cp_at(t, j + k), &not_after_chu)) {
		e->month = 1;
		e->dlo = 1;
		e->dhi = 10;
	} else {
		return false;
	}
	e->kind = E_YEARPART;
	e->to = j + k;
	return true;
}

/* What follows N月 when no day does: a part of the month, or nothing
 * (the whole month).  Longer words first: 中下旬 before 中. */
static void month_part(const Text *t, size_t j, End *e)
{
	static const struct {
		const char *word;
		int lo, hi;
		CharClass *not_before;
	} parts[] = {
		{"上中旬", 1, 20, NULL},
		{"中下旬", 11, LAST_DAY, NULL},
		{"上旬", 1, 10, NULL},
		{"中旬", 11, 20, NULL},
		{"下旬", 21, LAST_DAY, NULL},
		/* 月底 is looser than 下旬: the last five or six days. */
		{"底", 26, LAST_DAY, NULL},
		{"末", 26, LAST_DAY, NULL},
		{"初", 1, 5, &not_after_chu},
		{"中", 11, 20, &not_after_zhong},
		{"份", 1, LAST_DAY, NULL},
	};
	size_t k;
	e->kind = E_MONTH;
	e->dlo = 1;
	e->dhi = LAST_DAY;
	e->to = j;
	for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
		if (!(k = lit(t, j, parts[p].word)))
			continue;
		if (parts[p].not_before && in_set(cp_at(t, j + k), parts[p].not_before))
			continue;
		e->dlo = parts[p].lo;
		e->dhi = parts[p].hi;
		e->to = j + k;
		return;
	}
}

static size_t day_unit(const Text *t, size_t i)
{
	size_t k;
	if ((k = lit(t, i, "日")) || (k = lit(t, i, "号")))
		return k;
	return 0;
}

static size_t skip_spaces(const Text *t, size_t i)
{
	size_t len;
	for (int n = 0; n < 2 && in_set(peek(t, i, &len), &spaces); n++)
		i += len;
	return i;
}

/* A range separator at i: 至, 到, or one or two dashes, with at most two
 * spaces either side.  *to is set past it. */
static bool separator(const Text *t, size_t i, size_t *to)
{
	size_t len;
	size_t j = skip_spaces(t, i);
	uint32_t cp = peek(t, j, &len);
	if (lit(t, j, "至") || lit(t, j, "到")) {
		j += len;
	} else if (in_set(cp, &dashes)) {
		j += len;
		if (in_set(peek(t, j, &len), &dashes))
			j += len;
	} else {
		return false;
	}
	*to = skip_spaces(t, j);
	return true;
}

/* After N月 at j: a day (10日), a shorthand day range (5—10日), a part
 * of the month, or nothing.  A number that is not a day (3月10, 一月一次)
 * makes the whole thing no date.  Returns 0, 1, or 2 for a range whose
 * second end is in *tail. */
static int after_month(const Text *t, size_t j, bool second, End *e, End *tail)
{
	Num d, d2;
	size_t k, s;
	if (lex_num(t, j, &d)) {
		if ((k = day_unit(t, d.to))) {
			e->kind = E_DAY;
			e->dlo = e->dhi = small_value(&d);
			e->to = d.to + k;
			return 1;
		}
		if (!second && separator(t, d.to, &s) && lex_num(t, s, &d2) &&
		    (k = day_unit(t, d2.to))) {
			e->kind = E_DAY;
			e->dlo = e->dhi = small_value(&d);
			e->to = d.to;
			*tail = (End){.kind = E_DAY, .dlo = small_value(&d2),
			              .dhi = small_value(&d2), .to = d2.to + k};
			return 2;
		}
		return 0;
	}
	if (day_unit(t, j))
		return 0; /* 3月日常: 月 is part of another word */
	month_part(t, j, e);
	return 1;
}

/* The numeric forms of an end at i, after any year (already in e->year):
 * N月…, a day alone (second end after a day), or the shorthand 3—5月. */
static int numeric_end(const Text *t, size_t i, bool second, const End *first,
                       End *e, End *tail)
{
	Num m, m2;
	size_t k, s;
	if (!lex_num(t, i, &m))
		return 0;
	if ((k = lit(t, m.to, "月"))) {
		e->month = small_value(&m);
		e->weak = e->year.kind == Y_NONE && m.chinese && m.ndigits == 1 &&
		          m.value == 1;
		return after_month(t, m.to + k, second, e, tail);
	}
	if (second) {
		/* 5月5日至10日: the day alone, month and year from the first end. */
		if (e->year.kind != Y_NONE || first->kind != E_DAY || !(k = day_unit(t, m.to)))
			return 0;
		e->kind = E_DAY;
		e->dlo = e->dhi = small_value(&m);
		e->to = m.to + k;
		return 1;
	}
	if (separator(t, m.to, &s) && lex_num(t, s, &m2) && (k = lit(t, m2.to, "月"))) {
		e->kind = E_MONTH;
		e->month = small_value(&m);
		e->dlo = 1;
		e->dhi = LAST_DAY;
		e->to = m.to;
		*tail = (End){.month = small_value(&m2)};
		month_part(t, m2.to + k, tail);
		return 2;
	}
	return 0;
}

/* Days with a name.  Quoted, “七一” is 1 July; bare, 七一 is seventy-one
 * or part of a name, so only the unmistakable words stand alone. */
static bool parse_feast(const Text *t, size_t i, End *e)
{
	static const struct {
		const char *word;
		int month, day;
		bool bare;
	} feasts[] = {
		{"五一", 5, 1, false}, {"六一", 6, 1, false}, {"七一", 7, 1, false},
		{"八一", 8, 1, false}, {"十一", 10, 1, false},
		{"国庆节", 10, 1, true}, {"国庆", 10, 1, true},
		{"元旦节", 1, 1, true}, {"元旦", 1, 1, true},
	};
	size_t q, k, close;
	bool quoted = in_set(peek(t, i, &q), &quotes);
	size_t j = quoted ? i + q : i;
	for (size_t f = 0; f < sizeof feasts / sizeof feasts[0]; f++) {
		if (!(quoted || feasts[f].bare) || !(k = lit(t, j, feasts[f].word)))
			continue;
		if (quoted) {
			/* Plans mix up opening and closing quotes; any will do. */
			if (!in_set(peek(t, j + k, &close), &quotes))
				return false;
			k += close;
		} else if (is_numeral(cp_at(t, j + k))) {
			return false; /* 国庆70周年: an anniversary, not the day */
		}
		e->kind = E_FEAST;
		e->month = feasts[f].month;
		e->dlo = e->dhi = feasts[f].day;
		e->to = j + k;
		return true;
	}
	return false;
}

/* 年底 with no year.  A numeral or 年 before it means a year that did
 * not parse (98年底, 每年年底, 三年底): better no date than a wrong one. */
static bool bare_year_part(const Text *t, size_t i, bool second, End *e)
{
	size_t k = lit(t, i, "年");
	if (!k)
		return false;
	if (!second) {
		uint32_t p = prev_cp(t, i);
		static CharClass not_before = CLASS(HOLDERS "年每前后全半周多余近历往");
		if (is_numeral(p) || in_set(p, &not_before))
			return false;
	}
	return year_part(t, i + k, e);
}

/* One end at i.  second: it follows a separator, and first is the end
 * before it.  Returns 0 (none), 1, or 2 when a shorthand range also
 * filled *tail (only for a first end). */
static int parse_end(const Text *t, size_t i, bool second, const End *first,
                     End *e, End *tail)
{
	size_t j, k;
	*e = (End){.kind = E_MONTH};
	if (parse_feast(t, i, e))
		return 1;
	if (bare_year_part(t, i, second, e))
		return 1;
	if (parse_year(t, i, &j, &e->year)) {
		/* 2020年年底 repeats 年. */
		if ((k = lit(t, j, "年")) && year_part(t, j + k, e))
			return 1;
		if (year_part(t, j, e))
			return 1;
		return numeric_end(t, j, second, first, e, tail);
	}
	return numeric_end(t, i, second, first, e, tail);
}

/* A year-less 一月 is January only when nothing before it could make
 * 一 the end of a word (统一月报, 同一月份); a preposition may. */
static bool lone_yi_ok(uint32_t prev)
{
	static CharClass prepositions = CLASS("于在从自至到和及与或");
	return !is_ideograph(prev) || in_set(prev, &prepositions);
}

/* The separator and second end after e1, if there is a range. */
static bool range_tail(const Text *t, const End *e1, End *e2)
{
	size_t j = e1->to, k;
	/* 自3月1日起至5月31日止: 起 before 至 still joins a range. */
	if ((k = lit(t, j, "起")) && (lit(t, j + k, "至") || lit(t, j + k, "到")))
		j += k;
	if (!separator(t, j, &j))
		return false;
	return parse_end(t, j, true, e1, e2, NULL) == 1;
}

/* ---- meaning ---- */

/* The year an end denotes.  Without a written year, a month before the
 * campaign's first month lies in the following year. */
static bool year_of(const Ctx *c, const Year *y, int month, int *out)
{
	long long v;
	if (y->kind == Y_NUM)
		v = y->value;
	else if (y->kind == Y_REL)
		v = (long long)c->default_year + y->value;
	else
		v = (long long)c->default_year + (month < c->first_month);
	if (v < 1 || v > 9999)
		return false;
	*out = (int)v;
	return true;
}

/* Days lo..hi of month m in year y, or false when there are no such days. */
static bool month_span(int y, int m, int lo, int hi, DaySpan *s)
{
	int dim = days_in_month(y, m); /* 0 for a month that does not exist */
	/* Rolling a range end on can carry 9999 past the last year. */
	if (dim == 0 || y < 1 || y > 9999)
		return false;
	if (hi == LAST_DAY)
		hi = dim;
	if (lo < 1 || hi > dim || lo > hi)
		return false;
	s->lo = day_from_ymd(y, m, lo);
	s->hi = day_from_ymd(y, m, hi);
	return true;
}

/* The second end: what it leaves out comes from the first end (year y1,
 * month m1).  If it then lies wholly before the first, the author meant
 * the next occurrence: 11月至2月 ends in February of the next year, and
 * 5月25日至3日 on 3 June. */
static bool second_span(const Ctx *c, const End *e, int y1, int m1,
                        DaySpan start, DaySpan *s)
{
	int m = e->month ? e->month : m1;
	int y = y1;
	/* A placeholder year is the same unknown year as the first end's. */
	bool inherited = e->year.kind == Y_NONE || e->year.kind == Y_HOLDER;
	if (!inherited && !year_of(c, &e->year, m, &y))
		return false;
	if (!month_span(y, m, e->dlo, e->dhi, s))
		return false;
	if (!inherited || s->hi >= start.lo)
		return true;
	if (e->month == 0 && m < 12) {
		m++;
	} else if (e->month == 0) {
		m = 1;
		y++;
	} else {
		y++;
	}
	return month_span(y, m, e->dlo, e->dhi, s);
}

static bool resolve(const Ctx *c, const End *e1, const End *e2, CnDate *d)
{
	int y1;
	if (!year_of(c, &e1->year, e1->month, &y1) ||
	    !month_span(y1, e1->month, e1->dlo, e1->dhi, &d->start))
		return false;
	d->end = d->start;
	d->is_range = e2 != NULL;
	d->year_given = e1->year.kind == Y_NUM;
	d->year_placeholder = e1->year.kind == Y_HOLDER;
	if (!e2)
		return true;
	if (!second_span(c, e2, y1, e1->month, d->start, &d->end))
		return false;
	d->year_given |= e2->year.kind == Y_NUM;
	d->year_placeholder |= e2->year.kind == Y_HOLDER;
	return true;
}

/* 前 / 后 … right after an expression.  Returns the bytes read. */
static size_t suffix(const Text *t, size_t i, bool *before, bool *after)
{
	static const struct {
		const char *word;
		int dir; /* -1 before, 1 after, 0 neither (read, but no deadline) */
	} sfx[] = {
		{"前后", 0}, {"左右", 0}, {"前往", 0}, {"起草", 0},
		{"以前", -1}, {"之前", -1}, {"前", -1},
		{"以后", 1}, {"之后", 1}, {"以来", 1}, {"后", 1}, {"起", 1}, {"开始", 1},
	};
	*before = *after = false;
	for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
		size_t n = lit(t, i, sfx[k].word);
		if (!n)
			continue;
		if (sfx[k].dir == 0)
			return 0;
		*before = sfx[k].dir < 0;
		*after = sfx[k].dir > 0;
		return n;
	}
	return 0;
}

typedef enum { M_NONE, M_DATE, M_INVALID } Match;

/* Try an expression starting at byte i.  On M_DATE or M_INVALID, *next
 * is where scanning resumes. */
static Match match_at(const Ctx *c, size_t i, CnDate *d, size_t *next)
{
	const Text *t = &c->t;
	End e1, e2;
	int r = parse_end(t, i, false, NULL, &e1, &e2);
	if (r == 0)
		return M_NONE;
	if (e1.weak && e1.kind == E_MONTH && !lone_yi_ok(prev_cp(t, i)))
		return M_NONE;
	bool range = r == 2 || range_tail(t, &e1, &e2);
	size_t to = range ? e2.to : e1.to;
	*next = to;
	*d = (CnDate){0};
	if (!resolve(c, &e1, range ? &e2 : NULL, d))
		return M_INVALID;
	d->off = i;
	d->len = to - i;
	*next = to + suffix(t, to, &d->before, &d->after);
	return M_DATE;
}

/* Whether an expression can begin with cp: a numeral, a quote (“七一”),
 * or the first character of a word parse_end reads first — 国庆 元旦
 * (parse_feast), 年底 (bare_year_part), 今年 本年 当年 明年 来年 次年
 * 翌年 去年 上年 (rel_years).  At any other character match_at finds
 * nothing, so the scan moves on at once: most characters of a plan are
 * looked at only here. */
static bool may_start(uint32_t cp)
{
	static CharClass starts = CLASS("国元年今本当明来次翌去上");
	static CharClass digits = CLASS("0123456789０１２３４５６７８９十");
	/* A filter on the low byte of the code point, made once from all of
	 * these characters: nine characters in ten fail it at once. */
	static uint64_t low[4];
	static bool ready;
	if (!ready) {
		CharClass *all[] = {&starts, &digits, &quotes, &cn_zeros, &cn_digits};
		for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
			index_in(0, all[k]); /* decodes it */
			for (int m = 0; m < all[k]->n; m++)
				low[(all[k]->cp[m] & 255) >> 6] |= 1ull << (all[k]->cp[m] & 63);
		}
		ready = true;
	}
	if (!(low[(cp & 255) >> 6] >> (cp & 63) & 1))
		return false;
	return is_numeral(cp) || in_set(cp, &quotes) || in_set(cp, &starts);
}

/* Where the next attempt may start: past a whole numeral, so that no
 * expression begins inside one (12020年 holds no year 2020), else past
 * one character. */
static size_t next_start(const Text *t, size_t i)
{
	Num num;
	size_t len;
	if (lex_num(t, i, &num))
		return num.to;
	peek(t, i, &len);
	return i + (len ? len : 1);
}

size_t cndate_scan(const char *text, size_t len, int default_year,
                   int first_month, CnDate *out, size_t max)
{
	/* Months are 1..12, so any first_month below 2 disables the rule. */
	if (first_month > 12)
		first_month = 12;
	Ctx c = {{(const unsigned char *)text, text ? len : 0}, default_year, first_month};
	size_t count = 0, i = 0;
	while (i < c.t.n) {
		size_t len;
		if (!may_start(peek(&c.t, i, &len))) {
			i += len;
			continue;
		}
		CnDate d;
		size_t next = i;
		Match m = match_at(&c, i, &d, &next);
		if (m == M_DATE) {
			if (count < max && out)
				out[count] = d;
			count++;
		}
		i = m == M_NONE ? next_start(&c.t, i) : next;
	}
	return count;
}
