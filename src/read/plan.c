/* plan.c — reading a plan file: the checks on the file itself, the split
 * into front matter and body, and positions. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "util.h"

enum { MAX_PLAN_BYTES = 32 * 1024 * 1024 };

static void index_lines(Plan *p)
{
	size_t n = 1;
	for (size_t i = 0; i < p->len; i++)
		n += p->src[i] == '\n';
	p->line_off = xmalloc(n * sizeof *p->line_off);
	p->nlines = 0;
	p->line_off[p->nlines++] = 0;
	for (size_t i = 0; i < p->len; i++)
		if (p->src[i] == '\n')
			p->line_off[p->nlines++] = i + 1;
}

Pos plan_src_pos(const Plan *p, size_t off)
{
	/* Binary search for the line holding off. */
	size_t lo = 0, hi = p->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (p->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (Pos){(int)lo + 1, (int)utf8_count(p->src + p->line_off[lo], off - p->line_off[lo]) + 1};
}

static size_t line_end(const Plan *p, int line)
{
	return (size_t)line < p->nlines ? p->line_off[line] : p->len;
}

/* Does the source at s match the text at t, allowing for what Markdown
 * removes: a backslash before punctuation, an entity for one character?
 * Returns source bytes consumed for one text character, or 0. */
static size_t src_step(const char *s, size_t sn, const char *t, size_t tn, size_t *tstep)
{
	uint32_t cp;
	int tl = utf8_decode((const unsigned char *)t, tn, &cp);
	if (tl <= 0)
		tl = 1;
	*tstep = (size_t)tl;
	/* An entity (&amp; &#12345;) stands for one character; try it first,
	 * since "&amp;" also begins with the '&' it stands for. */
	if (s[0] == '&') {
		size_t i = 1;
		while (i < sn && i < 40 && (isalnum((unsigned char)s[i]) || s[i] == '#'))
			i++;
		if (i > 1 && i < sn && s[i] == ';')
			return i + 1;
	}
	if (sn >= (size_t)tl && memcmp(s, t, (size_t)tl) == 0)
		return (size_t)tl;
	if (sn >= 2 && s[0] == '\\' && s[1] == t[0])
		return 2;
	return 0;
}

TextSeg plan_text_seg(const Plan *p, const Text *t, size_t off)
{
	if (t->nsegs == 0)
		return (TextSeg){off, 0, 0};
	size_t lo = 0, hi = t->nsegs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (t->segs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	const TextSeg *sg = &t->segs[lo];
	if (sg->line < 1 || (size_t)sg->line > p->nlines)
		return (TextSeg){off, sg->line, 1};
	size_t ls = p->line_off[sg->line - 1], le = line_end(p, sg->line);
	size_t s = ls + (size_t)(sg->byte_col > 0 ? sg->byte_col - 1 : 0);
	if (s > le)
		s = le;
	size_t k = sg->off;
	while (k < off && k < t->len && s < le) {
		size_t tstep;
		size_t st = src_step(p->src + s, le - s, t->s + k, t->len - k, &tstep);
		if (st == 0) {
			/* Out of step (markup we do not model): move both on by one
			 * character rather than stall. */
			uint32_t cp;
			int l = utf8_decode((const unsigned char *)p->src + s, le - s, &cp);
			st = l > 0 ? (size_t)l : 1;
		}
		s += st;
		k += tstep;
	}
	return (TextSeg){off, sg->line, (int)(s - ls) + 1};
}

Pos plan_text_pos(const Plan *p, const Text *t, size_t off)
{
	TextSeg sg = plan_text_seg(p, t, off);
	if (sg.line < 1 || (size_t)sg.line > p->nlines)
		return (Pos){sg.line, sg.byte_col};
	const char *ls = p->src + p->line_off[sg.line - 1];
	return (Pos){sg.line, (int)utf8_count(ls, (size_t)sg.byte_col - 1) + 1};
}

int plan_default_year(const Plan *p)
{
	Day d = p->campaign_start.day != DAY_NONE ? p->campaign_start.day : p->date.day;
	if (d == DAY_NONE && p->nphases > 0)
		d = p->phases[0].start.day;
	if (d == DAY_NONE)
		return 0;
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	return y;
}

/* Is line [s, e) a front-matter fence ("---", trailing blanks allowed)? */
static bool is_fence(const char *s, const char *e, bool closing)
{
	if (e > s && e[-1] == '\r')
		e--;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	size_t n = (size_t)(e - s);
	return (n == 3 && memcmp(s, "---", 3) == 0) ||
	       (closing && n == 3 && memcmp(s, "...", 3) == 0);
}

static void read_front_matter(Plan *p, size_t start, Diags *d, size_t *body_off)
{
	/* Line 1 is the opening fence; find the closing one. */
	for (size_t ln = 1; ln < p->nlines; ln++) {
		size_t s = p->line_off[ln], e = line_end(p, (int)ln + 1);
		const char *ls = p->src + s, *le = p->src + e;
		if (le > ls && le[-1] == '\n')
			le--;
		if (!is_fence(ls, le, true))
			continue;
		*body_off = e;
		p->body_line = (int)ln + 2;
		Pos epos;
		char *err = NULL;
		YNode *root = ytree_parse(p->src + start, s - start, 2, &epos, &err);
		if (!root) {
			diag_add(d, p->path, epos, MSG_YAML_SYNTAX, err);
			free(err);
			return;
		}
		if (root->kind != Y_MAP) {
			diag_add(d, p->path, root->pos, MSG_FRONT_MATTER_NOT_MAP, ytree_kind_name(root->kind));
		} else {
			/* Only front matter that was read counts: a plan whose
			 * YAML is broken is not also "missing its title". */
			p->has_front_matter = true;
			meta_read(p, root, d);
		}
		ytree_free(root);
		return;
	}
	diag_add(d, p->path, (Pos){1, 1}, MSG_FRONT_MATTER_UNCLOSED);
	*body_off = p->len;
	p->body_line = (int)p->nlines + 1;
}

static void init_dates(Plan *p)
{
	Date none = {DAY_NONE, {1, 1}, false};
	p->date = p->printed_on = p->campaign_start = p->campaign_end = none;
}

/* The parts of plan_parse every file needs: a copy, lines, an encoding
 * check.  Returns false when the file is not UTF-8 (reported). */
static Plan *plan_new(const char *path, const char *src, size_t len, Diags *d, bool *ok)
{
	Plan *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->src = xstrndup(src, len);
	p->len = len;
	p->body_line = 1;
	init_dates(p);
	index_lines(p);

	size_t bad = utf8_invalid_at(p->src, p->len);
	*ok = bad == (size_t)-1;
	if (!*ok)
		diag_add(d, path, plan_src_pos(p, bad), MSG_INPUT_ENCODING,
		         bad + 1, (unsigned char)p->src[bad]);
	return p;
}

Plan *plan_parse_body(const char *path, const char *src, size_t len, Diags *d)
{
	bool ok;
	Plan *p = plan_new(path, src, len, d, &ok);
	if (ok)
		body_read(p, p->src, p->len, 1);
	plan_resolve_body(p);
	return p;
}

/* Split the file and read both halves into p. */
static void read_parts(Plan *p, const char *path, const char *src, size_t len, Diags *d)
{
	if (len == 0) {
		diag_add(d, path, (Pos){1, 1}, MSG_FRONT_MATTER_EMPTY);
		return;
	}
	/* A byte-order mark is tolerated; the fence must follow it. */
	size_t start = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t first_end = line_end(p, 1);
	const char *fe = p->src + first_end;
	if (fe > p->src + start && fe[-1] == '\n')
		fe--;
	size_t body_off = 0;
	if (is_fence(p->src + start, fe, false)) {
		read_front_matter(p, first_end, d, &body_off);
	} else {
		diag_add(d, path, (Pos){1, 1}, MSG_FRONT_MATTER_MISSING);
	}
	body_read(p, p->src + body_off, p->len - body_off, p->body_line);
}

Plan *plan_parse(const char *path, const char *src, size_t len, Diags *d)
{
	bool ok;
	Plan *p = plan_new(path, src, len, d, &ok);
	if (ok)
		read_parts(p, path, src, len, d);
	plan_resolve(p, d);
	return p;
}

/* A text attachment's file: relative to the plan's folder, and never
 * outside it (no absolute path, no ".." component). */
static bool safe_relative(const char *f)
{
	if (f[0] == '/' || f[0] == '\0')
		return false;
	for (const char *s = f; *s;) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 2 && s[0] == '.' && s[1] == '.')
			return false;
		s += n + (e ? 1 : 0);
	}
	return true;
}

static void read_text_attachments(Plan *p, Diags *d)
{
	const char *slash = strrchr(p->path, '/');
	int dirlen = slash ? (int)(slash - p->path) : 1;
	const char *dir = slash ? p->path : ".";
	for (size_t i = 0; i < p->nattachments; i++) {
		Attachment *a = &p->attachments[i];
		if (a->type != ATT_TEXT || !a->file.s)
			continue;
		if (!safe_relative(a->file.s)) {
			diag_add(d, p->path, a->file.pos, MSG_ATTACHMENT_REF_FILE_PATH, a->file.s);
			continue;
		}
		char *path = xasprintf("%.*s/%s", dirlen, dir, a->file.s);
		size_t len;
		char *src = read_file(path, MAX_PLAN_BYTES, &len);
		if (!src) {
			diag_add(d, p->path, a->file.pos, MSG_ATTACHMENT_REF_FILE_UNREADABLE, a->file.s, strerror(errno));
		} else {
			a->doc = plan_parse_body(path, src, len, d);
			free(src);
		}
		free(path);
	}
}

Plan *plan_read(const char *path, Diags *d, char **err)
{
	size_t len;
	char *src = read_file(path, MAX_PLAN_BYTES, &len);
	if (!src) {
		if (errno == EFBIG)
			*err = xasprintf("%s: file larger than %d MB", path, MAX_PLAN_BYTES >> 20);
		else
			*err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	Plan *p = plan_parse(path, src, len, d);
	free(src);
	read_text_attachments(p, d);
	return p;
}

static void strlist_free(StrList *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
}

void plan_free(Plan *p)
{
	if (!p)
		return;
	free(p->path);
	free(p->src);
	free(p->line_off);
	Str *strs[] = {&p->title, &p->issuer, &p->header, &p->doc_number, &p->signer,
	               &p->secrecy, &p->urgency, &p->copy_number, &p->printed_by, &p->note,
	               &p->format, &p->signed_by};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(strs[i]->s);
	strlist_free(&p->recipients);
	strlist_free(&p->cc);
	strlist_free(&p->units);
	StrList *lists[] = {&p->issuers, &p->signers, &p->attendees, &p->on_leave, &p->observers};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		strlist_free(lists[i]);
	for (size_t i = 0; i < p->nphases; i++)
		free(p->phases[i].name.s);
	free(p->phases);
	for (size_t i = 0; i < p->ndeadlines; i++) {
		Deadline *dl = &p->deadlines[i];
		free(dl->name.s);
		free(dl->by.s);
		free(dl->to.s);
		free(dl->phase.s);
		free(dl->form.s);
	}
	free(p->deadlines);
	for (size_t i = 0; i < p->criteria.nitems; i++) {
		free(p->criteria.items[i].name.s);
		free(p->criteria.items[i].standard.s);
	}
	free(p->criteria.items);
	for (size_t i = 0; i < p->criteria.nratings; i++)
		free(p->criteria.ratings[i].name.s);
	free(p->criteria.ratings);
	for (size_t i = 0; i < p->nquotas; i++) {
		free(p->quotas[i].name.s);
		free(p->quotas[i].of.s);
	}
	free(p->quotas);
	for (size_t i = 0; i < p->nattachments; i++) {
		Attachment *a = &p->attachments[i];
		free(a->id.s);
		free(a->title.s);
		free(a->file.s);
		free(a->template_.s);
		for (size_t j = 0; j < a->nfields; j++)
			free(a->fields[j].name.s);
		free(a->fields);
		strlist_free(&a->columns);
		plan_free(a->doc);
		for (size_t j = 0; j < a->nrows; j++)
			strlist_free(&a->rows[j].cells);
		free(a->rows);
	}
	free(p->attachments);
	block_free(p->body);
	free(p);
}

void block_walk(const Block *root, void (*fn)(const Block *b, void *ctx), void *ctx)
{
	if (!root)
		return;
	/* Pre-order with an explicit stack; children pushed in reverse. */
	const Block **stack = NULL;
	size_t top = 0, cap = 0;
	stack = xgrow(stack, &cap, root->nkids, sizeof *stack);
	for (size_t i = root->nkids; i > 0; i--)
		stack[top++] = root->kids[i - 1];
	while (top > 0) {
		const Block *b = stack[--top];
		fn(b, ctx);
		stack = xgrow(stack, &cap, top + b->nkids, sizeof *stack);
		for (size_t i = b->nkids; i > 0; i--)
			stack[top++] = b->kids[i - 1];
	}
	free(stack);
}
