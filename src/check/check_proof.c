/* check_proof.c — what a proofreader (校对) marks in red, on the body
 * and on the front matter's text values; all warnings, each with a fix:
 *   punct-halfwidth  , . : ; ? ! ( ) " among Chinese text (GB/T 15834
 *                    wants the full-width forms)
 *   punct-doubled    。。 ，， 、、 and 。， (but …… and —— are marks of
 *                    their own)
 *   punct-unpaired   “ ” （ ） 《 》 〔 〕 【 】 not paired within a
 *                    paragraph (a list marker such as 1） is no bracket;
 *                    “…“ is one finding: the second should be ”)
 *   punct-empty      “” （） 《》 with nothing inside
 *   char-doubled     a function word typed twice: 的的 在在 和和 … (only
 *                    the short list below, so 人人 天天 常常 and other
 *                    real reduplications are never reported)
 *   digits-mixed     one number written with full-width and half-width
 *                    digits
 * Front-matter values are reported at their key.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util.h"

enum { MAX_OPEN = 64 };

typedef struct {
	const Plan *p;
	Diags *d;
	const Text *t; /* body text, or NULL for a front-matter value */
	Pos fixed;     /* position of a front-matter value */
} Ctx;

static Pos pos_at(const Ctx *c, size_t off)
{
	return c->t ? plan_text_pos(c->p, c->t, off) : c->fixed;
}

static bool ideograph(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Chinese text: an ideograph or a full-width mark. */
static bool chinese(uint32_t cp)
{
	return ideograph(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
	       cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
}

static bool ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool digit(uint32_t cp, bool *full)
{
	*full = cp >= 0xFF10 && cp <= 0xFF19;
	return *full || (cp >= '0' && cp <= '9');
}

static bool cn_digit(uint32_t cp)
{
	static const char nums[] = "一二三四五六七八九十";
	char buf[8] = {0};
	utf8_encode(cp, buf);
	return cp >= 0x80 && strstr(nums, buf) != NULL;
}

/* The text as code points with their byte offsets. */
typedef struct {
	uint32_t *cp;
	size_t *off;
	size_t n;
} Chars;

static Chars decode(const char *s, size_t len)
{
	Chars ch = {xcalloc(len + 1, sizeof *ch.cp), xcalloc(len + 1, sizeof *ch.off), 0};
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int l = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (l <= 0) {
			cp = 0xFFFD;
			l = 1;
		}
		ch.cp[ch.n] = cp;
		ch.off[ch.n++] = i;
		i += (size_t)l;
	}
	ch.off[ch.n] = len;
	return ch;
}

static void halfwidth(Ctx *c, const Chars *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		uint32_t cp = ch->cp[i];
		uint32_t prev = i ? ch->cp[i - 1] : 0, next = i + 1 < ch->n ? ch->cp[i + 1] : 0;
		const char *want = NULL;
		switch (cp) {
		case ',': want = chinese(prev) ? "，" : NULL; break;
		case ';': want = chinese(prev) ? "；" : NULL; break;
		case ':': want = chinese(prev) ? "：" : NULL; break;
		case '?': want = chinese(prev) ? "？" : NULL; break;
		case '!': want = chinese(prev) ? "！" : NULL; break;
		case '.': want = ideograph(prev) && !ascii_alnum(next) ? "。" : NULL; break;
		case '(': want = ideograph(next) ? "（" : NULL; break;
		case ')': want = ideograph(prev) || (chinese(prev) && prev != 0x201D) ? "）" : NULL;
			break;
		case '"': want = ideograph(next) ? "“" : ideograph(prev) ? "”" : NULL; break;
		default: break;
		}
		char half[2] = {(char)cp, 0};
		if (want)
			diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_PUNCT_HALFWIDTH, half,
			         want);
	}
}

static bool doubled_mark(uint32_t a, uint32_t b)
{
	static const uint32_t marks[] = {0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F};
	bool ma = false, mb = false;
	for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
		ma |= a == marks[k];
		mb |= b == marks[k];
	}
	/* 。。 ，， …; and a full stop followed by a comma. */
	return ma && mb && (a == b || (a == 0x3002 && b == 0xFF0C));
}

static void doubled(Ctx *c, const Chars *ch, const char *s)
{
	for (size_t i = 0; i + 1 < ch->n; i++) {
		if (!doubled_mark(ch->cp[i], ch->cp[i + 1]))
			continue;
		size_t from = ch->off[i], to = ch->off[i + 2];
		diag_add(c->d, c->p->path, pos_at(c, from), MSG_PUNCT_DOUBLED, (int)(to - from),
		         s + from);
		while (i + 1 < ch->n && doubled_mark(ch->cp[i], ch->cp[i + 1]))
			i++;
	}
}

static const uint32_t opens[] = {0x201C, 0xFF08, 0x300A, 0x3014, 0x3010};
static const uint32_t closes[] = {0x201D, 0xFF09, 0x300B, 0x3015, 0x3011};
enum { NPAIRS = sizeof opens / sizeof opens[0] };

static int pair_of(uint32_t cp, const uint32_t *set)
{
	for (int k = 0; k < NPAIRS; k++)
		if (set[k] == cp)
			return k;
	return -1;
}

static void cp_text(uint32_t cp, char *out)
{
	memset(out, 0, 8);
	utf8_encode(cp, out);
}

static void pairs(Ctx *c, const Chars *ch)
{
	size_t stack[MAX_OPEN];
	int kind[MAX_OPEN];
	size_t top = 0;
	char a[8], b[8];
	for (size_t i = 0; i < ch->n; i++) {
		int o = pair_of(ch->cp[i], opens), k = pair_of(ch->cp[i], closes);
		if (o >= 0) {
			/* An empty pair: one finding, not an unpaired one too. */
			if (i + 1 < ch->n && ch->cp[i + 1] == closes[o]) {
				cp_text(opens[o], a);
				cp_text(closes[o], b);
				diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_PUNCT_EMPTY, a, b);
				i++;
				continue;
			}
			/* “…“: Chinese nests ‘’ inside “”, never “ inside “, so a
			 * second “ is a closing quote typed the wrong way. */
			if (o == 0 && top > 0 && kind[top - 1] == 0) {
				diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_PUNCT_QUOTE_TURNED);
				top--;
				continue;
			}
			if (top < MAX_OPEN) {
				stack[top] = i;
				kind[top++] = o;
			}
			continue;
		}
		if (k < 0)
			continue;
		size_t j = top;
		while (j > 0 && kind[j - 1] != k)
			j--;
		if (j > 0) {
			/* Opens left inside it are unpaired. */
			for (size_t x = j; x < top; x++) {
				cp_text(opens[kind[x]], a);
				cp_text(closes[kind[x]], b);
				diag_add(c->d, c->p->path, pos_at(c, ch->off[stack[x]]), MSG_PUNCT_UNPAIRED_OPEN,
				         a, b);
			}
			top = j - 1;
			continue;
		}
		/* 1） 一） (a list marker) is no bracket. */
		uint32_t prev = i ? ch->cp[i - 1] : 0;
		bool full;
		if (k == 1 && (digit(prev, &full) || cn_digit(prev)))
			continue;
		cp_text(closes[k], a);
		cp_text(opens[k], b);
		diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_PUNCT_UNPAIRED_CLOSE, a, b);
	}
	for (size_t x = 0; x < top; x++) {
		cp_text(opens[kind[x]], a);
		cp_text(closes[kind[x]], b);
		diag_add(c->d, c->p->path, pos_at(c, ch->off[stack[x]]), MSG_PUNCT_UNPAIRED_OPEN, a, b);
	}
}

/* Words that are never doubled in 公文 prose. */
static const char doubled_chars[] = "的在和与及对把被从将并于按向";

static void chars_doubled(Ctx *c, const Chars *ch)
{
	char a[8];
	for (size_t i = 0; i + 1 < ch->n; i++) {
		if (ch->cp[i] != ch->cp[i + 1] || ch->cp[i] < 0x80)
			continue;
		cp_text(ch->cp[i], a);
		if (!strstr(doubled_chars, a))
			continue;
		diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_CHAR_DOUBLED, a, a, a);
		i++;
	}
}

static void digits_mixed(Ctx *c, const Chars *ch, const char *s)
{
	for (size_t i = 0; i < ch->n;) {
		bool full;
		if (!digit(ch->cp[i], &full)) {
			i++;
			continue;
		}
		size_t j = i;
		bool any_full = false, any_half = false;
		while (j < ch->n && digit(ch->cp[j], &full)) {
			any_full |= full;
			any_half |= !full;
			j++;
		}
		if (any_full && any_half)
			diag_add(c->d, c->p->path, pos_at(c, ch->off[i]), MSG_DIGITS_MIXED,
			         (int)(ch->off[j] - ch->off[i]), s + ch->off[i]);
		i = j;
	}
}

static void proof(Ctx *c, const char *s, size_t len)
{
	Chars ch = decode(s, len);
	halfwidth(c, &ch);
	doubled(c, &ch, s);
	pairs(c, &ch);
	chars_doubled(c, &ch);
	digits_mixed(c, &ch, s);
	free(ch.cp);
	free(ch.off);
}

static void on_block(const Block *b, void *ctx)
{
	Ctx *c = ctx;
	if (b->type == BLK_CODE)
		return;
	const Text *ts[] = {&b->runin, &b->text};
	for (size_t k = 0; k < 2; k++)
		if (ts[k]->s) {
			c->t = ts[k];
			proof(c, ts[k]->s, ts[k]->len);
		}
}

static void value(Ctx *c, const Str *s)
{
	if (!s->s)
		return;
	c->t = NULL;
	c->fixed = s->pos;
	proof(c, s->s, strlen(s->s));
}

void check_proof(const Plan *p, Diags *d)
{
	Ctx c = {p, d, NULL, {0, 0}};
	const Str *strs[] = {&p->title, &p->issuer, &p->header, &p->doc_number, &p->printed_by,
	                     &p->note};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		value(&c, strs[i]);
	const StrList *lists[] = {&p->recipients, &p->cc, &p->units};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		for (size_t k = 0; k < lists[i]->n; k++)
			value(&c, &lists[i]->v[k]);
	for (size_t i = 0; i < p->nphases; i++)
		value(&c, &p->phases[i].name);
	for (size_t i = 0; i < p->ndeadlines; i++)
		value(&c, &p->deadlines[i].name);
	for (size_t i = 0; i < p->nattachments; i++)
		value(&c, &p->attachments[i].title);
	block_walk(p->body, on_block, &c);
}
