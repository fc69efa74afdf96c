/* fmlint.c — the YAML mistakes a clerk makes, found before libyaml sees
 * them, so that each gets a Chinese message that names the character
 * and the fix, at its own line and column (libyaml reports most of them
 * a line late, in English, or not at all):
 *   - a full-width colon after a key (title： 方案);
 *   - a tab, a no-break space or a full-width space in the indentation,
 *     or a no-break or full-width space after a key's colon;
 *   - a quoted value whose closing quote is missing (when libyaml fails);
 *   - the line where a front matter without its closing --- runs into
 *     the body.
 * All are yaml-syntax errors: the front matter is then not read, so no
 * rule judges a plan whose front matter failed (one error, not seven).
 */
#include <string.h>

#include "reader.h"
#include "util.h"

/* Bytes [*s, *e) of line ln (0-based), without its line break. */
static void line_span(const Plan *p, size_t ln, size_t *s, size_t *e)
{
	*s = p->line_off[ln];
	*e = plan_line_end(p, (int)ln + 1);
	while (*e > *s && (p->src[*e - 1] == '\n' || p->src[*e - 1] == '\r'))
		(*e)--;
}

static bool at(const char *s, const char *e, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(e - s) >= n && memcmp(s, lit, n) == 0;
}

/* The odd space at s, or NULL. */
static const char *odd_space(const char *s, const char *e)
{
	if (at(s, e, "\xC2\xA0"))
		return "不换行空格（U+00A0）";
	if (at(s, e, "\xE3\x80\x80"))
		return "全角空格（U+3000）";
	return NULL;
}

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

/* One line: returns true when it reported a mistake. */
static bool lint_line(const Plan *p, size_t ls, size_t le, Diags *d, int *block_indent)
{
	const char *s = p->src + ls, *e = p->src + le, *q = s;
	/* Indentation: spaces only. */
	while (q < e) {
		const char *odd = odd_space(q, e);
		if (*q == '\t') {
			diag_add(d, p->path, plan_src_pos(p, ls + (size_t)(q - s)), MSG_YAML_TAB);
			return true;
		}
		if (odd) {
			diag_add(d, p->path, plan_src_pos(p, ls + (size_t)(q - s)), MSG_YAML_SPACE, odd);
			return true;
		}
		if (*q != ' ')
			break;
		q++;
	}
	int indent = (int)(q - s);
	if (q == e || *q == '#')
		return false;
	/* Inside a block scalar (note: |) the lines are text. */
	if (*block_indent >= 0 && indent > *block_indent)
		return false;
	*block_indent = -1;
	while (at(q, e, "- "))
		for (q += 2; q < e && *q == ' '; q++)
			;
	const char *k = q;
	while (q < e && key_char(*q))
		q++;
	if (q == k)
		return false;
	if (at(q, e, "：")) {
		diag_add(d, p->path, plan_src_pos(p, ls + (size_t)(q - s)), MSG_YAML_COLON,
		         (int)(q - k), k, (int)(q - k), k);
		return true;
	}
	if (!at(q, e, ":"))
		return false;
	q++;
	const char *odd = odd_space(q, e);
	if (odd) {
		diag_add(d, p->path, plan_src_pos(p, ls + (size_t)(q - s)), MSG_YAML_SPACE, odd);
		return true;
	}
	while (q < e && *q == ' ')
		q++;
	if (at(q, e, "|") || at(q, e, ">"))
		*block_indent = indent;
	return false;
}

bool fm_lint(const Plan *p, size_t first, size_t end, Diags *d)
{
	bool found = false;
	int block_indent = -1;
	for (size_t ln = first; ln < end && ln < p->nlines; ln++) {
		size_t s, e;
		line_span(p, ln, &s, &e);
		found |= lint_line(p, s, e, d, &block_indent);
	}
	return found;
}

/* The opening quote of a value that does not end on its line. */
static bool unclosed_quote(const Plan *p, size_t s, size_t e, size_t *where)
{
	const char *src = p->src;
	size_t q = s;
	while (q < e && src[q] == ' ')
		q++;
	while (q + 1 < e && src[q] == '-' && src[q + 1] == ' ')
		for (q += 2; q < e && src[q] == ' '; q++)
			;
	size_t k = q;
	while (q < e && key_char(src[q]))
		q++;
	if (q > k && q < e && src[q] == ':')
		for (q++; q < e && src[q] == ' '; q++)
			;
	else
		q = k;
	if (q >= e || (src[q] != '"' && src[q] != '\''))
		return false;
	char quote = src[q];
	for (size_t i = q + 1; i < e; i++) {
		if (quote == '"' && src[i] == '\\') {
			i++;
		} else if (src[i] == quote) {
			if (quote == '\'' && i + 1 < e && src[i + 1] == '\'')
				i++;
			else
				return false;
		}
	}
	*where = q;
	return true;
}

bool fm_lint_quotes(const Plan *p, size_t first, size_t end, Diags *d)
{
	for (size_t ln = first; ln < end && ln < p->nlines; ln++) {
		size_t s, e, q;
		line_span(p, ln, &s, &e);
		if (unclosed_quote(p, s, e, &q)) {
			diag_add(d, p->path, plan_src_pos(p, q), MSG_YAML_QUOTE,
			         p->src[q] == '"' ? "\"" : "'");
			return true;
		}
	}
	return false;
}

Pos fm_body_start(const Plan *p)
{
	for (size_t ln = 1; ln < p->nlines; ln++) {
		size_t s, e;
		line_span(p, ln, &s, &e);
		const char *q = p->src + s, *end = p->src + e;
		if (q == end || *q == ' ' || *q == '-')
			continue;
		/* A Markdown heading ("## 一、…"), or prose with no key. */
		bool heading = *q == '#' && (at(q, end, "# ") || at(q, end, "##"));
		const char *k = q;
		while (k < end && key_char(*k))
			k++;
		bool keyed = k > q && (at(k, end, ":") || at(k, end, "："));
		if (heading || (*q != '#' && !keyed))
			return (Pos){(int)ln + 1, 1};
	}
	return (Pos){1, 1};
}
