/* typeset.c — see typeset.h.
 *
 * The paragraph is decoded once into an array of characters (code point,
 * run, bytes, natural advance, 禁则 class, "a break may fall before me").
 * Break opportunities come from libunibreak over the whole paragraph, so
 * that they span runs, and are then narrowed by the rules of this file
 * (no break inside a Latin word or between a number and its unit, the
 * 禁则 classes of kinsoku.h).  Lines are then filled greedily, one
 * forced-break segment ("\n") at a time; every line is found by one
 * forward scan that starts at the line's first character and never goes
 * further than one line width (plus a few characters) beyond it, so the
 * work is linear in the text.  Two corrections follow: 孤字 (a single
 * character on a last line) and, for titles, balancing.  Finally each
 * line's spacing and pieces are computed.
 *
 * Geometry.  At the natural pitch every character advances its own width
 * plus delta = pitch − size (a Chinese character advances exactly pitch).
 * A line of n characters "fits" when the sum of those advances is at most
 * the available width, i.e. when it fills at most as many grid slots as
 * the line has: 28 slots of 15.793 pt on the body grid.  When a line is
 * set, its spacing s is chosen so that the last character's right edge
 * (not its slot, which would include the spacing after it) lands where
 * it should: exactly at the width for justified lines, which makes s a
 * little tighter than delta (−0.2146 instead of −0.207 for 28 full-width
 * characters), since 28 glyphs of 16 pt and 27 gaps must span 442.205 pt.
 */
#include "typeset.h"

#include <linebreak.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kinsoku.h"
#include "util.h"
#include "words.h"

/* Widths are compared with this tolerance (pt): 28 × (442.205 / 28) may
 * come out a hair above 442.205 in floating point. */
#define EPS 1e-6
/* How many characters beyond a full line may be pulled up onto it. */
#define PULL_MAX 4
/* Balance only titles of up to this many lines. */
#define BALANCE_MAX_LINES 16

enum {
	F_SPACE = 1,    /* U+0020 or tab: dropped at line ends */
	F_NEWLINE = 2,  /* "\n": forced break, belongs to no line */
	F_NOSTART = 4,  /* 禁则: may not begin a line */
	F_NOEND = 8,    /* 禁则: may not end a line */
	F_SQUEEZE = 16, /* half-blank full-width mark, see kinsoku.h */
	F_BREAK = 32,   /* a line may begin with this character */
	F_WORD = 64,    /* part of a Latin word or number */
};

typedef struct {
	size_t run, off; /* where the bytes are */
	double w;        /* natural advance at the style's size, pt */
	uint32_t cp;     /* U+FFFD for malformed UTF-8 */
	uint8_t len;     /* bytes */
	uint8_t flags;
} Ch;

/* A line as a range of characters, before it is set. */
typedef struct {
	size_t a, b;  /* characters [a, b); b is the next line's a */
	bool first;   /* the paragraph's first line: first_indent */
	bool last;    /* the last line of a segment: not justified */
} Span;

typedef struct {
	Span *v;
	size_t n, cap;
} Spans;

typedef struct {
	Ch *ch;
	size_t n;
	const TsStyle *st;
	double delta;   /* spacing at the natural pitch */
	double budget;  /* how far a line may be squeezed: half a pitch */
} Ctx;

/* --- decoding and classes ------------------------------------------ */

static uint8_t classify(uint32_t cp)
{
	uint8_t f = 0;
	if (cp == ' ' || cp == '\t')
		f |= F_SPACE;
	if (cp == '\n')
		f |= F_NEWLINE;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return f; /* ideographs: the common case, no class */
	if (kinsoku_no_start(cp))
		f |= F_NOSTART;
	if (kinsoku_no_end(cp))
		f |= F_NOEND;
	if (kinsoku_squeezable(cp))
		f |= F_SQUEEZE;
	return f;
}

/* A character that belongs to a Latin word or number: not a space, not
 * set on the CJK grid, and not one of the punctuation marks that Chinese
 * fonts draw full-width (quotes, ellipsis, dash, middle dot). */
static bool wordish(uint32_t cp)
{
	if (cp <= ' ' || cp == 0x7F || cjk_wide(cp))
		return false;
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201C: case 0x201D:
	case 0x2014: case 0x2025: case 0x2026: case 0x00B7: case 0xFFFD:
		return false;
	default:
		return true;
	}
}

/* Width of one character: through fontset_text_width, so that what is
 * measured here is what the PDF writer will advance.  ASCII is cached per
 * role because Latin text would otherwise look every letter up again. */
typedef struct {
	double ascii[ROLE_COUNT][128];
	bool have[ROLE_COUNT][128];
} WidthCache;

static double char_width(const FontSet *fs, WidthCache *wc, FontRole role,
			 double size, const char *s, size_t len, uint32_t cp)
{
	bool cacheable = cp < 128 && len == 1 && (unsigned)role < ROLE_COUNT;
	if (cacheable && wc->have[role][cp])
		return wc->ascii[role][cp];
	double w = fontset_text_width(fs, role, size, s, len, 0);
	if (cacheable) {
		wc->ascii[role][cp] = w;
		wc->have[role][cp] = true;
	}
	return w;
}

/* Decode all runs into ctx->ch; malformed bytes become one U+FFFD each. */
static void decode(Ctx *c, const FontSet *fs, const TsRun *runs, size_t nruns)
{
	size_t total = 0, cap = 0;
	for (size_t r = 0; r < nruns; r++)
		total += runs[r].len;
	c->ch = NULL;
	c->n = 0;
	c->ch = xgrow(c->ch, &cap, total ? total : 1, sizeof *c->ch);
	WidthCache *wc = xcalloc(1, sizeof *wc);
	for (size_t r = 0; r < nruns; r++) {
		const char *s = runs[r].s;
		for (size_t i = 0; i < runs[r].len;) {
			uint32_t cp;
			int k = utf8_decode((const unsigned char *)s + i, runs[r].len - i, &cp);
			if (k == 0) {
				cp = 0xFFFD;
				k = 1;
			}
			Ch *ch = &c->ch[c->n++];
			ch->run = r;
			ch->off = i;
			ch->len = (uint8_t)k;
			ch->cp = cp;
			ch->flags = classify(cp);
			ch->w = (ch->flags & F_NEWLINE) ? 0 :
				char_width(fs, wc, runs[r].role, c->st->size, s + i, (size_t)k, cp);
			i += (size_t)k;
		}
	}
	free(wc);
}

/* --- break opportunities -------------------------------------------- */

static void unibreak_opportunities(Ctx *c)
{
	/* Once per process; like the face cache (face.h), not thread-safe. */
	static bool inited;
	if (!inited) {
		init_linebreak();
		inited = true;
	}
	if (c->n == 0)
		return;
	utf32_t *u = xmalloc(c->n * sizeof *u);
	char *brks = xmalloc(c->n);
	for (size_t i = 0; i < c->n; i++)
		u[i] = c->ch[i].cp;
	/* "zh": curly quotes are opening/closing punctuation, as in Chinese,
	 * not the ambiguous quotes of UAX #14 that glue to both sides. */
	set_linebreaks_utf32(u, c->n, "zh", brks);
	for (size_t i = 1; i < c->n; i++)
		if (brks[i - 1] == LINEBREAK_ALLOWBREAK || brks[i - 1] == LINEBREAK_MUSTBREAK)
			c->ch[i].flags |= F_BREAK;
	free(brks);
	free(u);
}

/* Does the word ch[a..b) look like a URL or e-mail-less web address?
 * Those keep their UAX #14 breaks (after "/", before "?" …); any other
 * Latin word is never broken by the line breaker, except when it is
 * longer than a line. */
static bool word_is_url(const Ch *ch, size_t a, size_t b)
{
	if (b - a >= 4 && (ch[a].cp | 0x20) == 'w' && (ch[a + 1].cp | 0x20) == 'w' &&
	    (ch[a + 2].cp | 0x20) == 'w' && ch[a + 3].cp == '.')
		return true;
	for (size_t i = a; i + 2 < b; i++)
		if (ch[i].cp == ':' && ch[i + 1].cp == '/' && ch[i + 2].cp == '/')
			return true;
	return false;
}

static void keep_words_whole(Ctx *c)
{
	Ch *ch = c->ch;
	for (size_t a = 0; a < c->n;) {
		if (!wordish(ch[a].cp)) {
			a++;
			continue;
		}
		size_t b = a;
		while (b < c->n && wordish(ch[b].cp))
			ch[b++].flags |= F_WORD;
		if (!word_is_url(ch, a, b))
			for (size_t i = a + 1; i < b; i++)
				ch[i].flags &= (uint8_t)~F_BREAK;
		a = b;
	}
}

/* May a line begin at ch[i] (0 < i < n) by the 禁则 alone? */
static bool kinsoku_ok(const Ch *ch, size_t i)
{
	return !(ch[i].flags & F_NOSTART) && !(ch[i - 1].flags & F_NOEND) &&
	       !kinsoku_inseparable(ch[i - 1].cp, ch[i].cp);
}

/* A number stays with what follows it when that is a Chinese character
 * (2020年, 5个, 3月): 数字不能回行.  A space between a Latin word and a
 * number is no break either, so that "GB/T 9704-2012" and "ISO 9001"
 * stay whole. */
static bool number_glue(const Ch *ch, size_t i)
{
	if (is_digit_cp(ch[i - 1].cp) && cjk_wide(ch[i].cp) && !is_digit_cp(ch[i].cp))
		return true;
	if (!(ch[i - 1].flags & F_SPACE) || !is_digit_cp(ch[i].cp))
		return false;
	size_t j = i - 1;
	while (j > 0 && (ch[j].flags & F_SPACE))
		j--;
	return (ch[j].flags & F_WORD) != 0;
}

static void find_breaks(Ctx *c)
{
	unibreak_opportunities(c);
	keep_words_whole(c);
	for (size_t i = 1; i < c->n; i++) {
		if (!(c->ch[i].flags & F_BREAK))
			continue;
		if (!kinsoku_ok(c->ch, i) || number_glue(c->ch, i))
			c->ch[i].flags &= (uint8_t)~F_BREAK;
	}
}

/* --- filling lines -------------------------------------------------- */

static double advance(const Ctx *c, size_t i)
{
	return c->ch[i].w + c->delta;
}

static double avail_for(const Ctx *c, bool first)
{
	double w = c->st->width - (first ? c->st->first_indent : c->st->indent);
	return w > 0 ? w : 0;
}

static bool can_break(const Ctx *c, size_t i, size_t e)
{
	return i == e || (c->ch[i].flags & F_BREAK);
}

/* Pull up: the characters after a full line, up to the next break, go
 * onto the line if that squeezes it by at most half a pitch — counting a
 * half-blank mark at the end at half its advance, so that a full line of
 * 28 characters can take a 29th "。" (the spacing then shrinks by about
 * 0.57 pt per gap; the glyphs stay whole).  fill is the slot width of
 * [a, i), trim the same without trailing spaces.  Returns the new end,
 * or 0. */
static size_t pull_up(const Ctx *c, size_t i, size_t e, double fill, double trim,
		      double avail)
{
	size_t from = i;
	for (size_t k = 0; k < PULL_MAX && i < e; k++, i++) {
		fill += advance(c, i);
		if (!(c->ch[i].flags & F_SPACE))
			trim = fill;
		if (!can_break(c, i + 1, e))
			continue;
		size_t last = i;
		while (last > from && (c->ch[last].flags & F_SPACE))
			last--;
		double credit = (c->ch[last].flags & F_SQUEEZE) ? advance(c, last) / 2 : 0;
		return trim - credit - avail <= c->budget + EPS ? i + 1 : 0;
	}
	return 0;
}

/* No break opportunity on the whole line (a Latin word or a URL longer
 * than the line): break by character at fit, or a little earlier where
 * that keeps the 禁则. */
static size_t emergency_break(const Ctx *c, size_t a, size_t fit)
{
	for (size_t p = fit; p > a; p--)
		if (kinsoku_ok(c->ch, p))
			return p;
	return fit;
}

/* Does the unbreakable chunk that begins at a fit on a line of its own?
 * When it does not (a Latin word or URL longer than a line), pushing it
 * down would only leave a gappy line behind, so it is split at the end of
 * the current line instead.  Scans at most one line's width. */
static bool chunk_fits(const Ctx *c, size_t a, size_t e, double avail)
{
	double fill = 0;
	for (size_t i = a; i < e; i++) {
		fill += advance(c, i);
		if (!(c->ch[i].flags & F_SPACE) && fill > avail + EPS)
			return false;
		if (can_break(c, i + 1, e))
			return true;
	}
	return true;
}

/* The end of the line that begins at a, within the segment [a, e).
 * Always > a. */
static size_t line_end(const Ctx *c, size_t a, size_t e, double avail, bool squeeze)
{
	double fill = 0, trim = 0;
	size_t best = 0, i;
	for (i = a; i < e; i++) {
		double f = fill + advance(c, i);
		double t = (c->ch[i].flags & F_SPACE) ? trim : f;
		if (t > avail + EPS && i > a)
			break;
		fill = f;
		trim = t;
		if (can_break(c, i + 1, e))
			best = i + 1;
	}
	if (i == e || best == i)
		return i;
	if (squeeze) {
		size_t p = pull_up(c, i, e, fill, trim, avail);
		if (p)
			return p;
	}
	if (best && chunk_fits(c, best, e, avail_for(c, false)))
		return best; /* push down */
	return emergency_break(c, a, i);
}

static void push_span(Spans *s, size_t a, size_t b, bool first, bool last)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (Span){a, b, first, last};
}

/* Fill the segment [a, e) greedily.  limit caps every line's available
 * width (balancing); squeeze allows pull-ups. */
static size_t fill_segment(const Ctx *c, Spans *out, size_t a, size_t e,
			   bool first, double limit, bool squeeze)
{
	size_t lines = 0;
	while (a < e) {
		double avail = avail_for(c, first && lines == 0);
		if (avail > limit)
			avail = limit;
		size_t b = line_end(c, a, e, avail, squeeze);
		if (out)
			push_span(out, a, b, first && lines == 0, b == e);
		lines++;
		a = b;
	}
	return lines;
}

/* The characters of [a, b) without trailing spaces. */
static size_t trim_end(const Ctx *c, size_t a, size_t b)
{
	while (b > a && (c->ch[b - 1].flags & F_SPACE))
		b--;
	return b;
}

static double slots(const Ctx *c, size_t a, size_t b)
{
	double w = 0;
	for (size_t i = a; i < b; i++)
		w += advance(c, i);
	return w;
}

/* 孤字: when the segment's last line holds a single character, move the
 * break before it one character earlier, if the 禁则 and the word rules
 * allow a break there and the line above keeps something. */
static void avoid_orphan(const Ctx *c, Spans *s, size_t first_span)
{
	if (s->n - first_span < 2)
		return;
	Span *last = &s->v[s->n - 1], *prev = last - 1;
	size_t b = last->a;
	if (trim_end(c, b, last->b) - b != 1 || b < 2 || b - 1 <= prev->a)
		return;
	if (!(c->ch[b - 1].flags & F_BREAK) || trim_end(c, prev->a, b - 1) == prev->a)
		return;
	if (slots(c, b - 1, trim_end(c, b - 1, last->b)) > avail_for(c, last->first) + EPS)
		return;
	prev->b = b - 1;
	last->a = b - 1;
}

/* A break that reads well in a title: after punctuation or a space, or
 * before an opening bracket or quote. */
static bool preferred_break(const Ctx *c, size_t b, size_t e)
{
	return b == e || (c->ch[b - 1].flags & (F_NOSTART | F_SPACE)) ||
	       (c->ch[b].flags & F_NOEND);
}

/* Fill [a, e) in the given number of lines no wider than limit, taking
 * at each line, instead of the last break that fits, a preferred one up
 * to PREFER_BACK characters earlier when the rest still fits in the
 * lines that remain.  No line gets longer than the balanced width, so
 * this only chooses among equally balanced settings (16 + 15 or 15 + 16
 * characters). */
#define PREFER_BACK 3
static void place_balanced(const Ctx *c, Spans *out, size_t a, size_t e, bool first,
			   double limit, size_t lines)
{
	for (size_t line = 0; a < e; line++) {
		bool f = first && line == 0;
		double avail = avail_for(c, f);
		size_t b = line_end(c, a, e, avail < limit ? avail : limit, false);
		for (size_t p = b - 1; !preferred_break(c, b, e) && p > a && p + PREFER_BACK >= b; p--)
			if (can_break(c, p, e) && preferred_break(c, p, e) &&
			    fill_segment(c, NULL, p, e, false, limit, false) + line + 1 <= lines)
				b = p;
		push_span(out, a, b, f, b == e);
		a = b;
	}
}

/* Balance a centred title: the smallest line width that still gives as
 * many lines as filling at the full width, found by bisection (each step
 * one linear pass), so that lines come out about equally long. */
static void balance_segment(const Ctx *c, Spans *out, size_t a, size_t e, bool first)
{
	double hi = avail_for(c, first);
	double other = avail_for(c, false);
	if (other > hi)
		hi = other;
	size_t lines = fill_segment(c, NULL, a, e, first, hi, true);
	if (lines < 2 || lines > BALANCE_MAX_LINES ||
	    fill_segment(c, NULL, a, e, first, hi, false) != lines) {
		fill_segment(c, out, a, e, first, hi, true);
		return;
	}
	double lo = 0;
	for (int k = 0; k < 50 && hi - lo > 1e-3; k++) {
		double mid = (lo + hi) / 2;
		if (fill_segment(c, NULL, a, e, first, mid, false) <= lines)
			hi = mid;
		else
			lo = mid;
	}
	place_balanced(c, out, a, e, first, hi, lines);
}

/* Break every "\n"-separated segment into spans. */
static void break_lines(const Ctx *c, Spans *out)
{
	size_t a = 0;
	bool first = true;
	while (a < c->n) {
		size_t e = a;
		while (e < c->n && !(c->ch[e].flags & F_NEWLINE))
			e++;
		size_t start = out->n;
		if (e == a)
			push_span(out, a, a, first, true); /* an empty line */
		else if (c->st->balance)
			balance_segment(c, out, a, e, first);
		else {
			fill_segment(c, out, a, e, first, c->st->width, true);
			avoid_orphan(c, out, start);
		}
		first = false;
		a = e < c->n ? e + 1 : e;
	}
}

/* Break between words (words.h) where that takes no more lines than
 * breaking anywhere the rules allow; else anywhere. */
static void break_words(Ctx *c, const TsRun *runs, size_t nruns, Spans *out)
{
	break_lines(c, out);
	size_t plain = out->n;
	uint8_t *saved = xmalloc(c->n ? c->n : 1);
	bool any = false;
	size_t i = 0;
	for (size_t r = 0; r < nruns; r++) {
		uint8_t *glue = xmalloc(runs[r].len ? runs[r].len : 1);
		words_glue(runs[r].s, runs[r].len, c->st->keep, c->st->nkeep, glue);
		for (; i < c->n && c->ch[i].run == r; i++) {
			saved[i] = c->ch[i].flags;
			if (glue[c->ch[i].off] && (c->ch[i].flags & F_BREAK)) {
				c->ch[i].flags &= (uint8_t)~F_BREAK;
				any = true;
			}
		}
		free(glue);
	}
	if (any) {
		Spans w = {NULL, 0, 0};
		break_lines(c, &w);
		if (w.n <= plain) {
			free(out->v);
			*out = w;
		} else {
			free(w.v);
			for (size_t k = 0; k < c->n; k++)
				c->ch[k].flags = saved[k];
		}
	}
	free(saved);
}

/* --- setting lines -------------------------------------------------- */

/* Spacing after every character of [a, b) (n ≥ 2 characters, natural
 * widths summing to nat): justified lines end exactly at avail; others
 * keep the natural pitch unless that would overflow (a squeezed line, or
 * a full last line whose last glyph would stick out by −delta). */
static double line_spacing(const Ctx *c, size_t n, double nat, double avail, bool justify)
{
	double gaps = (double)(n - 1);
	if (n < 2)
		return c->delta;
	if (justify || nat + gaps * c->delta > avail + EPS)
		return (avail - nat) / gaps;
	return c->delta;
}

static size_t count_pieces(const Ctx *c, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		if (i == a || c->ch[i].run != c->ch[i - 1].run)
			n++;
	return n;
}

static void set_line(const Ctx *c, const Span *sp, TsLine *ln, TsPiece *pc)
{
	const TsStyle *st = c->st;
	size_t a = sp->a, b = trim_end(c, sp->a, sp->b);
	double indent = sp->first ? st->first_indent : st->indent;
	double avail = avail_for(c, sp->first), nat = 0;
	for (size_t i = a; i < b; i++)
		nat += c->ch[i].w;
	size_t n = b - a;
	bool justify = st->align == TS_JUSTIFY && !sp->last;
	double s = line_spacing(c, n, nat, avail, justify);
	double ink = n ? nat + (double)(n - 1) * s : 0;
	double x = indent;
	if (st->align == TS_CENTER && ink < avail)
		x += (avail - ink) / 2;
	else if (st->align == TS_RIGHT && ink < avail)
		x += avail - ink;

	ln->pieces = pc;
	ln->npieces = 0;
	ln->chars = n;
	ln->last = sp->last;
	ln->width = n ? x + ink : 0;
	for (size_t i = a; i < b;) {
		size_t j = i;
		double w = 0;
		while (j < b && c->ch[j].run == c->ch[i].run)
			w += c->ch[j++].w + s;
		const Ch *l = &c->ch[j - 1];
		pc[ln->npieces++] = (TsPiece){c->ch[i].run, c->ch[i].off,
					      l->off + l->len - c->ch[i].off, x, s, w};
		x += w;
		i = j;
	}
}

TsPara typeset(const FontSet *fs, const TsRun *runs, size_t nruns, const TsStyle *style)
{
	TsPara p = {NULL, 0};
	Ctx c = {.st = style};
	double pitch = style->pitch > 0 ? style->pitch : style->size;
	c.delta = style->pitch > 0 ? style->pitch - style->size : 0;
	c.budget = pitch / 2;
	decode(&c, fs, runs, nruns);
	find_breaks(&c);

	Spans sp = {NULL, 0, 0};
	if (style->words)
		break_words(&c, runs, nruns, &sp);
	else
		break_lines(&c, &sp);
	if (sp.n) {
		size_t npc = 0;
		for (size_t i = 0; i < sp.n; i++)
			npc += count_pieces(&c, sp.v[i].a, trim_end(&c, sp.v[i].a, sp.v[i].b));
		/* One block holds every line's pieces; lines[0].pieces is its
		 * start (see tspara_free). */
		TsPiece *pieces = xmalloc(npc * sizeof *pieces);
		p.lines = xmalloc(sp.n * sizeof *p.lines);
		for (size_t i = 0, k = 0; i < sp.n; i++) {
			set_line(&c, &sp.v[i], &p.lines[i], pieces + k);
			k += p.lines[i].npieces;
		}
		p.nlines = sp.n;
	}
	free(sp.v);
	free(c.ch);
	return p;
}

void tspara_free(TsPara *p)
{
	if (p->nlines)
		free(p->lines[0].pieces);
	free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
}
