/* body.c — the Markdown body into Blocks, with cmark-gfm.
 *
 * The cmark tree is walked with its iterator (never recursively) so that
 * 20,000 nested block quotes cost memory, not stack.  Our own Block tree
 * is capped at MAX_DEPTH: deeper containers are folded into the deepest
 * allowed one, which keeps every later recursive walk bounded.  cmark
 * itself keeps a node (~500 bytes) for every container a line opens, so
 * a line of 1,000,000 ">" took 486 MB: a line that opens more than
 * MAX_NEST quotes or list items (a rule "- - -" and code between fences
 * are not counted), or that holds more than MAX_CELLS "|" (or brings the
 * body past MAX_ALL_CELLS), is an error at that line and the body is not
 * handed to cmark at all.
 */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "headnum.h"
#include "reader.h"
#include "util.h"

enum { MAX_DEPTH = 32, MAX_NEST = 100, MAX_CELLS = 200, MAX_ALL_CELLS = 200000 };

typedef struct {
	Plan *p;
	int line0;          /* file line of body line 1, minus one */
	Block **stack;      /* containers, one per cmark depth */
	size_t depth, cap;
	Block *cur;         /* block collecting inline text, or NULL */
	cmark_node *cur_node;
	cmark_node *runin;  /* the strong node being read as a run-in head */
	bool soft;          /* a soft line break waits to be joined */
} Walk;

static Block *block_new(Walk *w, BlockType t, cmark_node *n)
{
	Block *b = arena_alloc(w->p->arena, sizeof *b);
	b->type = t;
	b->pos = plan_line_pos(w->p, cmark_node_get_start_line(n) + w->line0,
	                cmark_node_get_start_column(n));
	Block *parent = w->stack[w->depth - 1];
	parent->kids = arena_grow(w->p->arena, parent->kids, parent->nkids, parent->nkids + 1,
	                          sizeof *parent->kids);
	parent->kids[parent->nkids++] = b;
	return b;
}

static void push(Walk *w, Block *b)
{
	w->stack = xgrow(w->stack, &w->cap, w->depth + 1, sizeof *w->stack);
	/* Past MAX_DEPTH the new container's children go to its parent. */
	w->stack[w->depth] = w->depth < MAX_DEPTH ? b : w->stack[w->depth - 1];
	w->depth++;
}

static bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void text_add(Walk *w, Text *t, const char *s, size_t n, cmark_node *node)
{
	if (n == 0)
		return;
	/* A soft break joins lines: Chinese needs no space, Latin words do. */
	Arena *a = w->p->arena;
	/* t->s holds len + 1 bytes (its NUL) once it exists. */
	size_t have = t->s ? t->len + 1 : 0;
	if (w->soft && t->len > 0 && ascii_alnum(t->s[t->len - 1]) && ascii_alnum(s[0])) {
		t->s = arena_grow(a, t->s, have, t->len + 2, 1);
		t->s[t->len++] = ' ';
		t->s[t->len] = '\0';
		have = t->len + 1;
	}
	w->soft = false;
	t->segs = arena_grow(a, t->segs, t->nsegs, t->nsegs + 1, sizeof *t->segs);
	t->segs[t->nsegs++] = (TextSeg){t->len, cmark_node_get_start_line(node) + w->line0,
	                                cmark_node_get_start_column(node)};
	t->s = arena_grow(a, t->s, have, t->len + n + 1, 1);
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static Text *cur_text(Walk *w)
{
	return w->runin ? &w->cur->runin : &w->cur->text;
}

/* Split "一、指导思想" into number and text. */
static void heading_finish(Walk *w, Block *b)
{
	Text *t = &b->text;
	if (!t->s)
		return;
	HeadNum h = headnum_parse(t->s, t->len);
	if (h.style == HN_NONE)
		return;
	size_t numlen = h.len;
	while (numlen > 0 && (t->s[numlen - 1] == ' ' || t->s[numlen - 1] == '\t'))
		numlen--;
	b->number = arena_strndup(w->p->arena, t->s, numlen);
	if (t->nsegs > 0)
		b->number_pos = plan_line_pos(w->p, t->segs[0].line, t->segs[0].byte_col);
	b->number_value = h.value;
	/* Keep the number's position: the text's segments shift by h.len. */
	memmove(t->s, t->s + h.len, t->len - h.len + 1);
	t->len -= h.len;
	if (t->nsegs > 0) {
		/* The first segment now starts h.len bytes further in. */
		t->segs[0].byte_col += (int)h.len;
		for (size_t i = 1; i < t->nsegs; i++)
			t->segs[i].off = t->segs[i].off >= h.len ? t->segs[i].off - h.len : 0;
	}
}

/* Copy bytes [from, to) of src into dst, with segments that still point
 * at the right places in the file. */
static void text_slice(const Plan *p, const Text *src, size_t from, size_t to, Text *dst)
{
	dst->len = to - from;
	dst->s = arena_grow(p->arena, NULL, 0, dst->len + 1, 1);
	memcpy(dst->s, src->s + from, dst->len);
	dst->segs = arena_grow(p->arena, NULL, 0, src->nsegs + 1, sizeof *dst->segs);
	dst->nsegs = 0;
	TextSeg first = plan_text_seg(p, src, from);
	first.off = 0;
	dst->segs[dst->nsegs++] = first;
	for (size_t i = 0; i < src->nsegs; i++)
		if (src->segs[i].off > from && src->segs[i].off < to) {
			dst->segs[dst->nsegs] = src->segs[i];
			dst->segs[dst->nsegs++].off -= from;
		}
}

/* CommonMark will not close ** between 。 and a Chinese character, so
 * "**（一）动员部署阶段。**市直…" reaches us as literal text.  That is the
 * usual way to write a run-in head in 公文, so take it as one here. */
static void paragraph_finish(Walk *w, Block *b)
{
	Text *t = &b->text;
	if (b->runin.s || t->len < 5 || memcmp(t->s, "**", 2) != 0 || t->s[2] == '*')
		return;
	const char *close = strstr(t->s + 2, "**");
	if (!close || close == t->s + 2)
		return;
	size_t k = (size_t)(close - t->s), rest = k + 2;
	while (rest < t->len && t->s[rest] == ' ')
		rest++;
	Text head, body = {0};
	text_slice(w->p, t, 2, k, &head);
	if (rest < t->len)
		text_slice(w->p, t, rest, t->len, &body);
	b->runin = head;
	b->text = body;
}

static void enter_block(Walk *w, cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts = cmark_node_get_type_string(n);
	Block *b;
	if (t == CMARK_NODE_HEADING) {
		b = block_new(w, BLK_HEADING, n);
		b->level = cmark_node_get_heading_level(n) - 1;
		w->cur = b;
		w->cur_node = n;
	} else if (t == CMARK_NODE_PARAGRAPH) {
		b = block_new(w, BLK_PARAGRAPH, n);
		w->cur = b;
		w->cur_node = n;
	} else if (t == CMARK_NODE_LIST) {
		b = block_new(w, BLK_LIST, n);
		b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		b->start = cmark_node_get_list_start(n);
		push(w, b);
	} else if (t == CMARK_NODE_ITEM) {
		push(w, block_new(w, BLK_ITEM, n));
	} else if (t == CMARK_NODE_BLOCK_QUOTE) {
		push(w, block_new(w, BLK_QUOTE, n));
	} else if (t == CMARK_NODE_THEMATIC_BREAK) {
		block_new(w, BLK_RULE, n);
	} else if (t == CMARK_NODE_CODE_BLOCK) {
		b = block_new(w, BLK_CODE, n);
		const char *lit = cmark_node_get_literal(n);
		if (lit)
			text_add(w, &b->text, lit, strlen(lit), n);
	} else if (!strcmp(ts, "table")) {
		push(w, block_new(w, BLK_TABLE, n));
	} else if (!strcmp(ts, "table_header") || !strcmp(ts, "table_row")) {
		b = block_new(w, BLK_ROW, n);
		b->header = !strcmp(ts, "table_header");
		push(w, b);
	} else if (!strcmp(ts, "table_cell")) {
		b = block_new(w, BLK_CELL, n);
		w->cur = b;
		w->cur_node = n;
	}
	/* html_block and anything else: not part of an official document. */
}

static bool is_container(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts = cmark_node_get_type_string(n);
	return t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE ||
	       !strcmp(ts, "table") || !strcmp(ts, "table_header") || !strcmp(ts, "table_row");
}

static void inline_event(Walk *w, cmark_node *n, cmark_event_type ev)
{
	cmark_node_type t = cmark_node_get_type(n);
	if (t == CMARK_NODE_STRONG && w->cur->type == BLK_PARAGRAPH) {
		if (ev == CMARK_EVENT_ENTER && !cmark_node_previous(n) &&
		    cmark_node_parent(n) == w->cur_node && w->cur->text.len == 0)
			w->runin = n;
		else if (ev == CMARK_EVENT_EXIT && w->runin == n)
			w->runin = NULL;
		return;
	}
	if (ev != CMARK_EVENT_ENTER)
		return;
	const char *lit;
	switch (t) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit)
			text_add(w, cur_text(w), lit, strlen(lit), n);
		break;
	case CMARK_NODE_SOFTBREAK:
		w->soft = true;
		break;
	case CMARK_NODE_LINEBREAK:
		text_add(w, cur_text(w), "\n", 1, n);
		break;
	default:
		break;
	}
}

/* How many block quotes and list items the line at s (n bytes) opens at
 * its start, counting no further than MAX_NEST + 1: "> ", "- ", "* ",
 * "+ ", "1. ", "1) ", each after at most three spaces (CommonMark's
 * container starts; cmark decides what they are, this only bounds how
 * many there can be). */
static int line_nesting(const char *s, size_t n)
{
	int depth = 0;
	size_t i = 0;
	while (depth <= MAX_NEST) {
		size_t sp = 0;
		while (i < n && sp < 4 && (s[i] == ' ' || s[i] == '\t'))
			i++, sp++;
		if (i < n && s[i] == '>') {
			i++;
		} else if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
		           (s[i + 1] == ' ' || s[i + 1] == '\t')) {
			i += 2;
		} else {
			size_t d = i;
			while (d < n && d - i < 9 && s[d] >= '0' && s[d] <= '9')
				d++;
			if (d == i || d + 1 >= n || (s[d] != '.' && s[d] != ')') ||
			    (s[d + 1] != ' ' && s[d + 1] != '\t'))
				break;
			i = d + 2;
		}
		depth++;
	}
	return depth;
}

/* A fence line (``` or ~~~, at most three spaces in): its character,
 * else 0.  Lines between fences are code, not containers. */
static char fence_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i + 3 <= n && (s[i] == '`' || s[i] == '~') && s[i + 1] == s[i] && s[i + 2] == s[i])
		return s[i];
	return 0;
}

/* A thematic break ("- - -", "***"): only one of - * _ and blanks.
 * CommonMark reads it as a rule, whatever its length, not as lists. */
static bool is_rule(const char *s, size_t n)
{
	char c = 0;
	size_t marks = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
			continue;
		if ((s[i] != '-' && s[i] != '*' && s[i] != '_') || (c && s[i] != c))
			return false;
		c = s[i];
		marks++;
	}
	return marks >= 3;
}

/* How many cells the line at s (n bytes) could make in a pipe table. */
static size_t pipes(const char *s, size_t n)
{
	size_t k = 0;
	for (const char *p = s; (p = memchr(p, '|', n - (size_t)(p - s))) != NULL; p++)
		k++;
	return k;
}

/* The first line of body nesting more than MAX_NEST containers, or with
 * more than MAX_CELLS table cells, or past MAX_ALL_CELLS in all, or 0;
 * *cells tells which.  cmark-gfm 0.29's table extension takes time
 * growing with the square of a row's cells (50,000 cells: 3.9 s), and a
 * cell costs about 800 bytes (8 MB of 200-column rows: 9.6 s, 3.2 GB). */
static int over_limits(const char *body, size_t len, int first_line, bool *cells)
{
	int line = first_line;
	char fence = 0;
	size_t k, all = 0;
	for (size_t i = 0; i < len; line++) {
		const char *nl = memchr(body + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - body) : len;
		const char *s = body + i;
		size_t n = e - i;
		char f = fence_of(s, n);
		if (fence) {
			if (f == fence)
				fence = 0;
		} else if (f) {
			fence = f;
		} else if ((k = pipes(s, n)) > MAX_CELLS || (all += k) > MAX_ALL_CELLS) {
			*cells = true;
			return line;
		} else if (!is_rule(s, n) && line_nesting(s, n) > MAX_NEST) {
			*cells = false;
			return line;
		}
		i = e + 1;
	}
	return 0;
}

void body_read(Plan *p, const char *body, size_t len, int first_line, Diags *d)
{
	bool cells = false;
	int deep = over_limits(body, len, first_line, &cells);
	if (deep) {
		if (cells)
			diag_add(d, p->path, (Pos){deep, 1}, MSG_INPUT_CELLS, MAX_CELLS, MAX_ALL_CELLS);
		else
			diag_add(d, p->path, (Pos){deep, 1}, MSG_INPUT_NESTING, MAX_NEST);
		p->body = arena_alloc(p->arena, sizeof *p->body);
		p->body->type = BLK_QUOTE;
		p->body->pos = (Pos){first_line, 1};
		return;
	}
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	cmark_syntax_extension *table = cmark_find_syntax_extension("table");
	if (table)
		cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, body, len);
	cmark_node *doc = cmark_parser_finish(parser);

	Walk w = {0};
	w.p = p;
	w.line0 = first_line - 1;
	p->body = arena_alloc(p->arena, sizeof *p->body);
	p->body->type = BLK_QUOTE;
	p->body->pos = (Pos){first_line, 1};
	push(&w, p->body);

	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == doc)
			continue;
		if (w.cur && n != w.cur_node) {
			inline_event(&w, n, ev);
			continue;
		}
		if (ev == CMARK_EVENT_ENTER) {
			enter_block(&w, n);
			/* Leaf blocks with no inline children never get an
			 * exit event from the iterator. */
			if (w.cur && w.cur_node == n && !cmark_node_first_child(n)) {
				w.cur = NULL;
				w.cur_node = NULL;
			}
		} else if (ev == CMARK_EVENT_EXIT) {
			if (n == w.cur_node) {
				if (w.cur->type == BLK_HEADING)
					heading_finish(&w, w.cur);
				else if (w.cur->type == BLK_PARAGRAPH)
					paragraph_finish(&w, w.cur);
				w.cur = NULL;
				w.cur_node = NULL;
				w.runin = NULL;
				w.soft = false;
			} else if (is_container(n) && w.depth > 1) {
				w.depth--;
			}
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	free(w.stack);
}
