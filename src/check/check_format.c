/* check_format.c — the keys that choose a GB/T 9704 layout (rule
 * `format`): `format`, `seal`, `signed_by`, `signer`, `issuer` as a list,
 * and the 纪要's `attendees`/`on_leave`/`observers`.
 *
 * Errors for what cannot be laid out (a seal with no organ to seal for,
 * a 签发人 or organ without a name, a 纪要 with a seal); warnings for keys
 * the chosen format does not print, so that no key is read and then
 * silently dropped.  An unknown `format` value is a type-mismatch (the
 * reader's).
 */
#include <string.h>

#include "check.h"
#include "util.h"

static const char *kind_name(DocKind k)
{
	switch (k) {
	case DOC_FILE: return "文件";
	case DOC_LETTER: return "信函";
	case DOC_ORDER: return "命令";
	case DOC_MINUTES: return "纪要";
	}
	return "";
}

/* Every name of l must say something; from is the least number of names
 * checked (a lone empty issuer is field-missing's). */
static void names_given(const Plan *p, Diags *d, const StrList *l, const char *key,
                        const char *what, size_t from)
{
	if (l->n < from)
		return;
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		while (*s == ' ')
			s++;
		if (!*s)
			diag_add(d, p->path, l->v[i].pos, MSG_FORMAT_EMPTY_NAME, key, i + 1, what);
	}
}

/* What one page holds (issue 16, measured in tests/sign.sh): the 标志
 * of at most MAX_MARK_LINES names, with the 签发人 (two a line) at most
 * MAX_HEAD_LINES lines in all, so that the title still fits the first
 * page's 版心; at most MAX_ISSUERS joint organs (their seals, two a row
 * and rows five lines apart, would fill one page at eight, and they make
 * the 标志 when no `header` is given); names of at most MAX_NAME_CHARS characters (the
 * 标志 takes two squeezed lines, the 署名 wraps into at most three). */
#define MAX_ISSUERS 7
#define MAX_MARK_LINES 7
#define MAX_HEAD_LINES 8
#define MAX_NAME_CHARS 60
/* The 发文字号 is one line: centred in the 版心's 28 characters, or from
 * one character in beside the 签发人, so 26 keep it on the page. */
#define MAX_DOC_NUMBER_CHARS 26
/* The title: 160 characters are 8 lines of 2号 (20 a line), which leave
 * the first page room for the 版头 and the text's first lines. */
#define MAX_TITLE_CHARS 160

static void names_fit(const Plan *p, Diags *d)
{
	const StrList *is = &p->issuers, *hs = &p->headers;
	if (is->n > MAX_ISSUERS)
		diag_add(d, p->path, is->v[MAX_ISSUERS].pos, MSG_FORMAT_TOO_MANY_ISSUERS, is->n);
	if (hs->n > MAX_MARK_LINES)
		diag_add(d, p->path, hs->v[MAX_MARK_LINES].pos, MSG_FORMAT_TOO_MANY_HEADERS, hs->n);
	for (int k = 0; k < 2; k++) {
		const StrList *l = k ? hs : is;
		for (size_t i = 0; i < l->n && i < MAX_ISSUERS + 1; i++) {
			size_t n = utf8_count(l->v[i].s, strlen(l->v[i].s));
			if (n > MAX_NAME_CHARS)
				diag_add(d, p->path, l->v[i].pos, MSG_FORMAT_NAME_LONG,
				         k ? "header" : "issuer", k ? "发文机关标志" : "发文机关名称", n,
				         MAX_NAME_CHARS);
		}
	}
	if (p->header.s && !hs->n) {
		size_t n = utf8_count(p->header.s, strlen(p->header.s));
		if (n > MAX_NAME_CHARS)
			diag_add(d, p->path, p->header.pos, MSG_FORMAT_NAME_LONG, "header",
			         "发文机关标志", n, MAX_NAME_CHARS);
	}
	if (p->title.s) {
		size_t n = utf8_count(p->title.s, strlen(p->title.s));
		if (n > MAX_TITLE_CHARS)
			diag_add(d, p->path, p->title.pos, MSG_FORMAT_TITLE_LONG, n, MAX_TITLE_CHARS);
	}
	if (p->doc_number.s) {
		size_t n = utf8_count(p->doc_number.s, strlen(p->doc_number.s));
		if (n > MAX_DOC_NUMBER_CHARS)
			diag_add(d, p->path, p->doc_number.pos, MSG_FORMAT_DOC_NUMBER_LONG, n,
			         MAX_DOC_NUMBER_CHARS);
	}
	/* The 标志's lines: the header list, else joint issuers by name. */
	size_t mark = hs->n > 1 ? hs->n : !p->header.s && is->n > 1 ? is->n : 1;
	if (p->kind != DOC_FILE || mark > MAX_MARK_LINES || !p->signers.n)
		return;
	size_t room = 2 * (MAX_HEAD_LINES - mark);
	if (p->signers.n > room)
		diag_add(d, p->path, p->signers.v[room].pos, MSG_FORMAT_TOO_MANY_SIGNERS, mark, room,
		         p->signers.n);
}

/* A key the format does not print. */
static void unused(const Plan *p, Diags *d, Pos pos, const char *key, const char *why)
{
	diag_add_sev(d, p->path, pos, SEV_WARNING, MSG_FORMAT_UNUSED, kind_name(p->kind), why, key);
}

void check_format(const Plan *p, Diags *d)
{
	if (!p->has_front_matter)
		return;
	names_given(p, d, &p->signers, "signer", "签发人", 1);
	names_given(p, d, &p->issuers, "issuer", "发文机关", 2);
	names_given(p, d, &p->headers, "header", "发文机关标志", 2);
	names_fit(p, d);
	if (p->seal.set && p->seal.v && !p->issuer.s)
		diag_add(d, p->path, p->seal.pos, MSG_FORMAT_SEAL_NO_ISSUER);
	if (p->kind == DOC_MINUTES && p->seal.set && p->seal.v)
		diag_add(d, p->path, p->seal.pos, MSG_FORMAT_SEALED_MINUTES);
	if (p->kind == DOC_ORDER && !p->signed_by.s)
		diag_add_sev(d, p->path, (Pos){1, 1}, SEV_WARNING, MSG_FORMAT_ORDER_POST);
	if (p->signed_by.s && p->seal.set && p->kind != DOC_MINUTES)
		unused(p, d, p->seal.pos, "seal", "由签发人签名章署名（signed_by）");
	if (p->signed_by.s && p->issuers.n > 1)
		diag_add_sev(d, p->path, p->signed_by.pos, SEV_WARNING, MSG_FORMAT_JOINT_STAMP);
	if (p->signers.n && p->kind != DOC_FILE)
		unused(p, d, p->signers.pos, "signer", "不标注签发人（签发人只用于上行文的文件格式）");
	if (p->kind == DOC_LETTER) {
		if (p->printed_by.s)
			unused(p, d, p->printed_by.pos, "printed_by", "的版记不标注印发机关和印发日期（§10.1）");
		if (p->printed_on.day != DAY_NONE)
			unused(p, d, p->printed_on.pos, "printed_on", "的版记不标注印发机关和印发日期（§10.1）");
	}
	if (p->kind == DOC_MINUTES && p->signed_by.s)
		unused(p, d, p->signed_by.pos, "signed_by", "不署名");
	if (p->kind != DOC_MINUTES) {
		const StrList *l[3] = {&p->attendees, &p->on_leave, &p->observers};
		const char *k[3] = {"attendees", "on_leave", "observers"};
		for (int i = 0; i < 3; i++)
			if (l[i]->n)
				unused(p, d, l[i]->pos, k[i], "没有出席、请假、列席人员名单（只用于format: minutes）");
	}
}
