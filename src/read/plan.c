/* plan.c — reading a plan file: the checks on the file itself, the split
 * into front matter and body, text attachments' files. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "ctrl.h"
#include "paths.h"
#include "util.h"
#include "i18n.h"

enum { MAX_PLAN_BYTES = 32 * 1024 * 1024 };

static void index_lines(Plan *p)
{
	size_t n = 1;
	for (size_t i = 0; i < p->len; i++)
		n += p->src[i] == '\n';
	p->line_off = arena_calloc(p->arena, n, sizeof *p->line_off);
	p->nlines = 0;
	p->line_off[p->nlines++] = 0;
	for (size_t i = 0; i < p->len; i++)
		if (p->src[i] == '\n')
			p->line_off[p->nlines++] = i + 1;
}







/* The char-control finding for cp at pos: NUL, a bidirectional control
 * or another control, each with its own why. */
static void control_found(Diags *d, const char *path, Pos pos, uint32_t cp)
{
	if (cp == 0)
		diag_add(d, path, pos, MSG_CHAR_NUL);
	else if (char_bidi_control(cp))
		diag_add(d, path, pos, MSG_CHAR_BIDI, (unsigned)cp);
	else
		diag_add(d, path, pos, MSG_CHAR_C0, (unsigned)cp);
}

/* The same for a control that a YAML escape put into a value. */
static void find_escaped_controls(const Plan *p, const YNode *n, Diags *d)
{
	if (n->kind == Y_SCALAR && n->ctrl)
		control_found(d, p->path, n->pos, n->ctrl - 1);
	for (size_t i = 0; i < n->n; i++) {
		if (n->keys)
			find_escaped_controls(p, n->keys[i], d);
		find_escaped_controls(p, n->items[i], d);
	}
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
		size_t s = p->line_off[ln], e = plan_line_end(p, (int)ln + 1);
		const char *ls = p->src + s, *le = p->src + e;
		if (le > ls && le[-1] == '\n')
			le--;
		if (!is_fence(ls, le, true))
			continue;
		*body_off = e;
		p->body_line = (int)ln + 2;
		if (fm_lint(p, 1, ln, d))
			return;
		Pos epos;
		char *err = NULL;
		YNode *root = ytree_parse(p->src + start, s - start, 2, &epos, &err);
		if (!root) {
			if (!fm_lint_quotes(p, 1, ln, d))
				diag_add(d, p->path, epos, MSG_YAML_SYNTAX, err);
			free(err);
			return;
		}
		find_escaped_controls(p, root, d);
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
	Pos at = fm_body_start(p);
	if (at.line > 1)
		diag_add(d, p->path, at, MSG_FRONT_MATTER_UNCLOSED_AT);
	else
		diag_add(d, p->path, at, MSG_FRONT_MATTER_UNCLOSED);
	*body_off = p->len;
	p->body_line = (int)p->nlines + 1;
}

static void init_dates(Plan *p)
{
	Date none = {DAY_NONE, {1, 1}, false};
	p->date = p->printed_on = p->campaign_start = p->campaign_end = none;
}

/* A control character (ctrl.h) is a finding where it is (char-control):
 * shown as text it would cut, hide or reorder what is read, and printed
 * raw it would drive a terminal. */
static void find_controls(Plan *p, Diags *d)
{
	for (size_t i = 0; i < p->len;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)p->src + i, p->len - i, &cp);
		if (k <= 0)
			k = 1;
		else if (char_control(cp))
			control_found(d, p->path, plan_src_pos(p, i), cp);
		i += (size_t)k;
	}
}

/* The parts of plan_parse every file needs: a copy, lines, an encoding
 * check.  Returns false when the file is not UTF-8 (reported). */
static Plan *plan_start(const char *path, const char *src, size_t len, Diags *d, bool *ok)
{
	Plan *p = plan_new(path);
	p->src = arena_strndup(p->arena, src, len);
	p->len = len;
	init_dates(p);
	index_lines(p);

	size_t bad = utf8_invalid_at(p->src, p->len);
	*ok = bad == (size_t)-1;
	if (!*ok)
		diag_add(d, path, plan_src_pos(p, bad), MSG_INPUT_ENCODING,
		         bad + 1, (unsigned char)p->src[bad]);
	else
		find_controls(p, d);
	return p;
}

Plan *plan_parse_body(const char *path, const char *src, size_t len, Diags *d)
{
	bool ok;
	Plan *p = plan_start(path, src, len, d, &ok);
	if (ok)
		body_read(p, p->src, p->len, 1, d);
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
	size_t first_end = plan_line_end(p, 1);
	const char *fe = p->src + first_end;
	if (fe > p->src + start && fe[-1] == '\n')
		fe--;
	size_t body_off = 0;
	if (is_fence(p->src + start, fe, false)) {
		read_front_matter(p, first_end, d, &body_off);
	} else {
		diag_add(d, path, (Pos){1, 1}, MSG_FRONT_MATTER_MISSING);
	}
	body_read(p, p->src + body_off, p->len - body_off, p->body_line, d);
}

Plan *plan_parse(const char *path, const char *src, size_t len, Diags *d)
{
	bool ok;
	Plan *p = plan_start(path, src, len, d, &ok);
	if (ok)
		read_parts(p, path, src, len, d);
	plan_resolve(p, d);
	return p;
}

/* A text attachment's file: relative to the plan's folder and opened
 * below it (paths_open_beneath): no absolute path, no ".." component,
 * no symlink on the way, nothing but a regular file. */
static void read_text_attachments(Plan *p, Diags *d)
{
	const char *slash = strrchr(p->path, '/');
	int dirlen = slash ? (int)(slash - p->path) : 1;
	const char *dir = slash ? p->path : ".";
	for (size_t i = 0; i < p->nattachments; i++) {
		Attachment *a = &p->attachments[i];
		if (a->type != ATT_TEXT || !a->file.s)
			continue;
		char *base = xasprintf("%.*s", dirlen, dir);
		int fd = paths_open_beneath(*base ? base : "/", a->file.s);
		int err = errno;
		free(base);
		size_t len;
		char *src = fd >= 0 ? read_fd(fd, MAX_PLAN_BYTES, &len) : NULL;
		if (fd >= 0 && !src)
			err = errno;
		if (fd < 0 && err == EINVAL) {
			diag_add(d, p->path, a->file.pos, MSG_ATTACHMENT_REF_FILE_PATH, a->file.s);
			continue;
		}
		char *path = xasprintf("%.*s/%s", dirlen, dir, a->file.s);
		if (!src && err == ESYMLINK) {
			diag_add(d, p->path, a->file.pos, MSG_ATTACHMENT_REF_FILE_SYMLINK, a->file.s);
		} else if (!src) {
			diag_add(d, p->path, a->file.pos, MSG_ATTACHMENT_REF_FILE_UNREADABLE, a->file.s, read_strerror(err));
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
			*err = xasprintf(_("%s: file larger than %d MB"), path, MAX_PLAN_BYTES >> 20);
		else
			*err = xasprintf("%s: %s", path, read_strerror(errno));
		return NULL;
	}
	Plan *p = plan_parse(path, src, len, d);
	free(src);
	read_text_attachments(p, d);
	return p;
}



