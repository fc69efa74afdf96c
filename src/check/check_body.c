/* check_body.c — headings, attachment references and placeholders.
 *
 * heading-sequence: the resolve pass (model/resolve.c) has numbered
 * every heading and every numbered run-in head (**（一）动员部署阶段。**
 * takes part at the level its style implies, because that is how 公文
 * number the steps of a plan); a written number that is not the one the
 * sequence wanted is reported here, so the checker and the PDF agree.
 * One mistake is one finding (see number_take in resolve.c).
 * heading-unmarked: a paragraph that reads like a numbered heading.
 */
#include <string.h>

#include "check.h"
#include "headnum.h"
#include "util.h"

typedef struct {
	const Plan *p;
	Diags *d;
	int prev_level;   /* level of the previous Markdown heading */
} Ctx;

static void sequence(Ctx *c, const HeadRes *h, Pos pos)
{
	if (!h->counted || !h->written || h->value == h->expect)
		return;
	char expect[32];
	headnum_format(h->style, h->expect, expect);
	if (h->value < h->expect)
		diag_add(c->d, c->p->path, pos, MSG_HEADING_SEQUENCE_BACK,
		         h->text, h->prev, expect);
	else if (h->expect == 1)
		diag_add(c->d, c->p->path, pos, MSG_HEADING_SEQUENCE_FIRST, h->text, expect);
	else
		diag_add(c->d, c->p->path, pos, MSG_HEADING_SEQUENCE_SKIP,
		         h->text, h->prev, expect);
}

static void heading(Ctx *c, const Block *b)
{
	if (b->level >= 1 && b->level <= 4 && b->level > c->prev_level + 1)
		diag_add(c->d, c->p->path, b->pos, MSG_HEADING_LEVEL, c->prev_level, b->level,
		         60, b->text.s ? b->text.s : "");
	c->prev_level = b->level < 1 ? 0 : b->level;
	sequence(c, &b->head, b->number_pos);
}

/* heading-unmarked: "一、指导思想" typed as a paragraph. */
static void unmarked(Ctx *c, const Block *b)
{
	static const char *const names[] = {"", "一", "二", "三", "四"};
	static const char *const marks[] = {"", "##", "###", "####", "#####"};
	int l = b->head.level;
	Pos pos = plan_text_pos(c->p, &b->text, 0);
	diag_add(c->d, c->p->path, pos, MSG_HEADING_UNMARKED, names[l], marks[l],
	         (int)b->text.len, b->text.s);
	sequence(c, &b->head, pos);
	c->prev_level = l;
}

static void on_block(const Block *b, void *ctx)
{
	Ctx *c = ctx;
	if (b->type == BLK_HEADING)
		heading(c, b);
	else if (b->type == BLK_PARAGRAPH && b->runin.s)
		sequence(c, &b->head, plan_text_pos(c->p, &b->runin, 0));
	else if (b->type == BLK_PARAGRAPH && b->head.plain)
		unmarked(c, b);
}

static bool starts(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	return n >= l && memcmp(s, lit, l) == 0;
}

/* Digits (ASCII or full-width) at s: value and bytes taken. */
static size_t arabic(const char *s, size_t n, int *v)
{
	size_t i = 0;
	*v = 0;
	while (i < n && *v < 100000) {
		if (s[i] >= '0' && s[i] <= '9') {
			*v = *v * 10 + (s[i] - '0');
			i++;
		} else if (starts(s + i, n - i, "\xEF\xBC") && i + 2 < n &&
		           (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
			*v = *v * 10 + ((unsigned char)s[i + 2] - 0x90);
			i += 3;
		} else {
			break;
		}
	}
	return i;
}

typedef struct {
	const Plan *p;
	Diags *d;
} TextCtx;

/* 附件N in running text must name an attachment that exists. */
static void attachment_refs(TextCtx *c, const Text *t)
{
	const char *key = "附件";
	size_t kl = strlen(key);
	for (size_t i = 0; i + kl <= t->len; i++) {
		if (memcmp(t->s + i, key, kl) != 0)
			continue;
		size_t j = i + kl;
		/* "附件 2": a space between is still a reference. */
		while (j < t->len && t->s[j] == ' ')
			j++;
		int v;
		size_t dl = arabic(t->s + j, t->len - j, &v);
		if (dl == 0) {
			/* 附件：1.… lists are the 附件说明; their numbers are refs. */
			if (!starts(t->s + j, t->len - j, "："))
				continue;
			j += strlen("：");
			dl = arabic(t->s + j, t->len - j, &v);
			if (dl == 0 || !(starts(t->s + j + dl, t->len - j - dl, ".") ||
			                 starts(t->s + j + dl, t->len - j - dl, "．")))
				continue;
		}
		if (v < 1 || (size_t)v > c->p->nattachments) {
			if (c->p->nattachments == 0)
				diag_add(c->d, c->p->path, plan_text_pos(c->p, t, i), MSG_ATTACHMENT_REF_NONE, v);
			else
				diag_add(c->d, c->p->path, plan_text_pos(c->p, t, i), MSG_ATTACHMENT_REF_BEYOND, v,
				         c->p->nattachments);
		}
		i = j + dl - 1;
	}
}

/* In a 附件说明 ("附件：1.甲\n2.乙"; lines joined by soft breaks arrive
 * as "1.甲2.乙"), every further "N." is a reference too. */
static void attachment_list_refs(TextCtx *c, const Text *t)
{
	size_t first = strlen("附件：");
	for (size_t i = first + 1; i < t->len; i++) {
		if (t->s[i - 1] >= '0' && t->s[i - 1] <= '9')
			continue;
		int v;
		size_t dl = arabic(t->s + i, t->len - i, &v);
		if (dl == 0)
			continue;
		size_t after = i + dl;
		bool dot = starts(t->s + after, t->len - after, "．") ||
		           (starts(t->s + after, t->len - after, ".") &&
		            !(after + 1 < t->len && t->s[after + 1] >= '0' && t->s[after + 1] <= '9'));
		if (dot && (size_t)v > c->p->nattachments)
			diag_add(c->d, c->p->path, plan_text_pos(c->p, t, i), MSG_ATTACHMENT_REF_NOTE, v,
			         c->p->nattachments);
		i = after - 1;
	}
}

static bool is_cn_digit(const char *s, size_t n)
{
	static const char *const d[] = {"〇", "○", "零", "一", "二", "三", "四", "五",
	                                 "六", "七", "八", "九", NULL};
	for (size_t i = 0; d[i]; i++)
		if (starts(s, n, d[i]))
			return true;
	return false;
}

static bool k_lower(const char *s, size_t n, size_t i)
{
	return i < n && s[i] == 'x';
}

/* Length of a placeholder run at s, or 0: 20XX, XX, 某某, ××, ＊＊, **,
 * ○○, □□ (某某 is also what `fangan new` writes for every value to fill
 * in, so a skeleton value left in is found too). */
static size_t placeholder_at(const char *s, size_t n, bool after_letter, bool after_cn_digit)
{
	size_t i = 0;
	if (starts(s, n, "20") || starts(s, n, "19"))
		i = 2;
	/* 20XX / 20xx, or a bare run of capital X (党的XX大); one case per run,
	 * so that words like "Xx" are left alone. */
	char x = i && k_lower(s, n, i) ? 'x' : 'X';
	size_t k = i, reps = 0;
	while (k < n && s[k] == x && reps < 64) {
		k++;
		reps++;
	}
	if (reps >= 2 && !(i == 0 && after_letter) && !(k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))))
		return k;
	if (i)
		return 0;
	static const char *const runs[] = {"×", "＊", "*", "○", "□", "某", NULL};
	for (size_t r = 0; runs[r]; r++) {
		size_t l = strlen(runs[r]), c = 0, j = 0;
		while (j + l <= n && memcmp(s + j, runs[r], l) == 0 && c < 64) {
			j += l;
			c++;
		}
		/* 二○○八年 spells a year with ○ as zero: not a placeholder. */
		if (c >= 2 && !(r == 3 && (after_cn_digit || is_cn_digit(s + j, n - j))))
			return j;
	}
	return 0;
}

static void placeholders(const Plan *p, Diags *d, const char *s, size_t n,
                         const Text *t, Pos fixed)
{
	bool letter = false, cn_digit = false;
	for (size_t i = 0; i < n;) {
		size_t l = placeholder_at(s + i, n - i, letter, cn_digit);
		if (l) {
			Pos pos = t ? plan_text_pos(p, t, i) : fixed;
			diag_add(d, p->path, pos, MSG_PLACEHOLDER, (int)l, s + i);
			i += l;
			letter = cn_digit = false;
			continue;
		}
		uint32_t cp;
		int cl = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (cl <= 0)
			cl = 1;
		letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
		cn_digit = is_cn_digit(s + i, n - i);
		i += (size_t)cl;
	}
}

static void on_text_block(const Block *b, void *ctx)
{
	TextCtx *c = ctx;
	if (b->type == BLK_CODE)
		return;
	const Text *ts[] = {&b->runin, &b->text};
	for (size_t k = 0; k < 2; k++) {
		const Text *t = ts[k];
		if (!t->s)
			continue;
		attachment_refs(c, t);
		if (b->attachment_note && t == &b->text)
			attachment_list_refs(c, t);
		placeholders(c->p, c->d, t->s, t->len, t, (Pos){0, 0});
	}
	if (b->number)
		placeholders(c->p, c->d, b->number, strlen(b->number), NULL, b->number_pos);
}

static void str_placeholders(const Plan *p, Diags *d, const Str *s)
{
	if (s->s)
		placeholders(p, d, s->s, strlen(s->s), NULL, s->pos);
}

static void list_placeholders(const Plan *p, Diags *d, const StrList *l)
{
	for (size_t k = 0; k < l->n; k++)
		str_placeholders(p, d, &l->v[k]);
}

/* Everywhere the front matter puts text on the page: the 版头, 署名 and
 * 版记, 纪要 name lists, and the attachments' tables — a form's fields, a
 * ledger's columns and rows (units, deadlines, criteria or its own), a
 * score sheet's items and bands.  issuer, header and signer are the
 * first of their lists, so only the lists are read. */
static void front_matter_placeholders(const Plan *p, Diags *d)
{
	const Str *strs[] = {&p->title, &p->doc_number, &p->printed_by, &p->note,
	                     &p->signed_by, &p->secrecy, &p->urgency, &p->copy_number};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		str_placeholders(p, d, strs[i]);
	const StrList *lists[] = {&p->issuers, &p->headers, &p->signers, &p->recipients, &p->cc,
	                          &p->units, &p->attendees, &p->on_leave, &p->observers};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		list_placeholders(p, d, lists[i]);
	for (size_t i = 0; i < p->ndeadlines; i++) {
		const Deadline *dl = &p->deadlines[i];
		str_placeholders(p, d, &dl->name);
		str_placeholders(p, d, &dl->by);
		str_placeholders(p, d, &dl->to);
	}
	for (size_t i = 0; i < p->criteria.nitems; i++) {
		str_placeholders(p, d, &p->criteria.items[i].name);
		str_placeholders(p, d, &p->criteria.items[i].standard);
	}
	for (size_t i = 0; i < p->criteria.nratings; i++)
		str_placeholders(p, d, &p->criteria.ratings[i].name);
	for (size_t i = 0; i < p->nattachments; i++) {
		const Attachment *a = &p->attachments[i];
		str_placeholders(p, d, &a->title);
		for (size_t k = 0; k < a->nfields; k++)
			str_placeholders(p, d, &a->fields[k].name);
		list_placeholders(p, d, &a->columns);
		for (size_t k = 0; k < a->nrows; k++)
			list_placeholders(p, d, &a->rows[k].cells);
	}
}

void check_body(const Plan *p, Diags *d)
{
	front_matter_placeholders(p, d);
	if (!p->body)
		return;
	Ctx c = {.p = p, .d = d};
	block_walk(p->body, on_block, &c);
	TextCtx tc = {p, d};
	block_walk(p->body, on_text_block, &tc);
}
