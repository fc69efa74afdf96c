/* compose.c — the model as a column of typeset lines.
 *
 * Order of the document (GB/T 9704 §7): 版头 (drawn separately, see
 * draw.c), title, 主送机关, body, 附件说明, 署名 and 成文日期, 附注,
 * attachments (each its own column, or drawn by attach.c), 版记.  Every line is checked for characters no font can
 * draw; those become glyph-missing findings at their place in the plan.
 * Composed again with a character to find (compose_find), it gives that
 * character's first place in the plan, for a font-limit finding.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "script.h"
#include "title.h"
#include "util.h"

/* What compose_find looks for, and where it found it. */
typedef struct {
	const Face *face;
	uint32_t cp;
	const char *path; /* NULL until found */
	Pos pos;
} Find;

typedef struct {
	const Plan *p;
	const FontSet *fs;
	const Geometry *g;
	Column *col;
	Diags *d;
	double pitch;     /* character pitch of the body grid */
	Find *find;       /* compose_find; NULL when composing */
} Ctx;

/* Where a run came from, for glyph-missing positions. */
typedef struct {
	const Text *text; /* body text, or NULL */
	size_t text_off;  /* offset in text of the run's first byte */
	Pos pos;          /* front-matter value position when text is NULL */
} Origin;

static char *keep_string(ParaStore *ps, char *s)
{
	ps->strings = xrealloc(ps->strings, (ps->nstrings + 1) * sizeof *ps->strings);
	ps->strings[ps->nstrings++] = s;
	return s;
}

static ParaStore *new_para(Column *col)
{
	col->paras = xgrow(col->paras, &col->capparas, col->nparas + 1, sizeof *col->paras);
	ParaStore *ps = &col->paras[col->nparas++];
	memset(ps, 0, sizeof *ps);
	return ps;
}

static Line *new_line(Column *col, LineKind kind)
{
	col->v = xgrow(col->v, &col->cap, col->n + 1, sizeof *col->v);
	Line *l = &col->v[col->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->slots = 1;
	l->para = -1;
	return l;
}

static void blank(Ctx *c, bool keep_next)
{
	Line *l = new_line(c->col, LN_BLANK);
	l->keep_next = keep_next;
}

static void glyph_missing(Diags *d, const char *path, Pos pos, uint32_t cp, FontRole role)
{
	char ch[8] = {0};
	utf8_encode(cp, ch);
	diag_add(d, path, pos, MSG_GLYPH_MISSING, ch, cp, font_role_name(role));
}

bool layout_glyphs_ok(const FontSet *fs, FontRole role, const char *s, const char *path,
                      Pos pos, Diags *d)
{
	size_t off;
	uint32_t cp = fontset_first_missing(fs, role, s, strlen(s), &off);
	if (cp)
		glyph_missing(d, path, pos, cp, role);
	return !cp;
}

static Pos origin_pos(const Ctx *c, const Origin *o, size_t off)
{
	return o->text ? plan_text_pos(c->p, o->text, o->text_off + off) : o->pos;
}

/* compose_find: the first character of runs that is the one sought,
 * drawn with its face. */
static void find_in(Ctx *c, const TsRun *runs, const Origin *orig, size_t n)
{
	Find *f = c->find;
	for (size_t i = 0; i < n && !f->path; i++)
		for (size_t k = 0; k < runs[i].len;) {
			uint32_t cp, gid;
			int m = utf8_decode((const unsigned char *)runs[i].s + k, runs[i].len - k, &cp);
			if (m > 0 && cp == f->cp && fontset_lookup(c->fs, runs[i].role, cp, &gid) == f->face) {
				f->path = c->p->path;
				f->pos = origin_pos(c, &orig[i], k);
				break;
			}
			k += m > 0 ? (size_t)m : 1;
		}
}

/* Report the first character of runs no font of its role has. */
static void check_glyphs(Ctx *c, const TsRun *runs, const Origin *orig, size_t n)
{
	if (c->find) {
		find_in(c, runs, orig, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t off;
		uint32_t cp = fontset_first_missing(c->fs, runs[i].role, runs[i].s, runs[i].len, &off);
		if (!cp)
			continue;
		glyph_missing(c->d, c->p->path, origin_pos(c, &orig[i], off), cp, runs[i].role);
		c->col->failed = true;
	}
}

/* Typeset a paragraph and append its lines.  The runs' texts must stay
 * alive: they point into the plan or into ps->strings. */
static void add_para(Ctx *c, ParaStore *ps, const TsStyle *st, double size, bool red,
                     bool keep_next, bool break_before)
{
	ps->para = typeset(c->fs, ps->runs, ps->nruns, st);
	ps->style = *st;
	int id = (int)(ps - c->col->paras);
	for (size_t i = 0; i < ps->para.nlines; i++) {
		Line *l = new_line(c->col, LN_TEXT);
		l->runs = ps->runs;
		l->line = ps->para.lines[i];
		l->size = size;
		l->red = red;
		l->para = id;
		l->line_no = (int)i;
		l->para_lines = (int)ps->para.nlines;
		l->no_widow = true;
		l->keep_next = keep_next;
		l->break_before = break_before && i == 0;
	}
}

static TsStyle body_style(const Ctx *c)
{
	TsStyle st = {
		.size = c->g->size_body,
		.width = c->g->body_w,
		.pitch = c->pitch,
		.first_indent = 2 * c->pitch,
		.indent = 0,
		.align = TS_JUSTIFY,
	};
	return st;
}

static void add_run(ParaStore *ps, Origin *orig, FontRole role, const char *s, size_t len,
                    const Text *t, size_t toff, Pos pos)
{
	ps->runs = xrealloc(ps->runs, (ps->nruns + 1) * sizeof *ps->runs);
	ps->runs[ps->nruns] = (TsRun){role, s, len};
	orig[ps->nruns] = (Origin){t, toff, pos};
	ps->nruns++;
}

/* A centred title in 2号 小标宋, broken where title_lines says. */
static void broken_title(Ctx *c, const char *title, Pos pos)
{
	TsStyle st = {
		.size = c->g->size_title,
		.width = c->g->body_w,
		.pitch = c->g->size_title,
		.align = TS_CENTER,
	};
	ParaStore *ps = new_para(c->col);
	char *s = keep_string(ps, title_broken(c->fs, ROLE_TITLE, c->g->size_title, c->g->body_w,
	                                       title, c->p));
	Origin orig[1];
	add_run(ps, orig, ROLE_TITLE, s, strlen(s), NULL, 0, pos);
	check_glyphs(c, ps->runs, orig, ps->nruns);
	add_para(c, ps, &st, c->g->size_title, false, true, false);
}

static void compose_title(Ctx *c)
{
	if (!c->p->title.s)
		return;
	broken_title(c, c->p->title.s, c->p->title.pos);
}

static char *join(const StrList *l, const char *sep)
{
	Buf b = {0};
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_puts(&b, sep);
		buf_puts(&b, l->v[i].s);
	}
	buf_cstr(&b);
	return b.s;
}

/* The names of a front-matter list each checked at its own value, not
 * at the list's key (a list joined into one line, as 主送 and 抄送 are). */
static void check_list_glyphs(Ctx *c, const StrList *l)
{
	for (size_t i = 0; i < l->n; i++) {
		if (!l->v[i].s)
			continue;
		TsRun run = {ROLE_BODY, l->v[i].s, strlen(l->v[i].s)};
		Origin o = {NULL, 0, l->v[i].pos.line ? l->v[i].pos : l->pos};
		check_glyphs(c, &run, &o, 1);
	}
}

/* 主送机关: 标题下空一行, 顶格, ending in a full-width colon. */
static void compose_recipients(Ctx *c)
{
	if (c->p->recipients.n == 0)
		return;
	blank(c, true);
	char *names = join(&c->p->recipients, "、");
	ParaStore *ps = new_para(c->col);
	char *s = keep_string(ps, xasprintf("%s：", names));
	free(names);
	Origin orig[1];
	add_run(ps, orig, ROLE_BODY, s, strlen(s), NULL, 0, c->p->recipients.pos);
	check_list_glyphs(c, &c->p->recipients);
	TsStyle st = body_style(c);
	st.first_indent = 0;
	st.align = TS_LEFT;
	add_para(c, ps, &st, c->g->size_body, false, true, false);
}

static FontRole heading_role(int level)
{
	switch (level) {
	case 1: return ROLE_H1;
	case 2: return ROLE_H2;
	case 3: return ROLE_H3;
	default: return ROLE_H4;
	}
}

/* The lines from first on are a heading: kept with what follows. */
static void mark_heading(Ctx *c, size_t first)
{
	for (size_t i = first; i < c->col->n; i++) {
		c->col->v[i].heading = true;
		c->col->v[i].keep_next = true;
	}
}

/* A heading with the number the resolve pass gave it. */
static void heading(Ctx *c, const Block *b)
{
	int level = b->head.level;
	ParaStore *ps = new_para(c->col);
	Origin orig[2];
	add_run(ps, orig, heading_role(level), b->head.text, strlen(b->head.text), NULL, 0,
	        b->head.written ? b->number_pos : b->pos);
	if (b->text.s)
		add_run(ps, orig, heading_role(level), b->text.s, b->text.len, &b->text, 0, b->pos);
	check_glyphs(c, ps->runs, orig, ps->nruns);
	TsStyle st = body_style(c);
	size_t first = c->col->n;
	add_para(c, ps, &st, c->g->size_body, false, true, false);
	mark_heading(c, first);
}

/* A paragraph, with its run-in head in the font of its resolved level
 * (（一） 楷体, 一、 黑体; unnumbered, the level below the current
 * heading). */
static void paragraph(Ctx *c, const Block *b, const char *marker, double indent_chars)
{
	ParaStore *ps = new_para(c->col);
	Origin orig[3];
	if (marker) {
		char *s = keep_string(ps, xstrdup(marker));
		add_run(ps, orig, ROLE_BODY, s, strlen(s), NULL, 0, b->pos);
	}
	if (b->runin.s && b->runin.len)
		add_run(ps, orig, heading_role(b->head.level), b->runin.s, b->runin.len, &b->runin,
		        0, b->pos);
	if (b->text.s && b->text.len)
		add_run(ps, orig, ROLE_BODY, b->text.s, b->text.len, &b->text, 0, b->pos);
	if (ps->nruns == 0)
		return;
	check_glyphs(c, ps->runs, orig, ps->nruns);
	TsStyle st = body_style(c);
	st.first_indent = (2 + indent_chars) * c->pitch;
	st.indent = indent_chars * c->pitch;
	size_t first = c->col->n;
	add_para(c, ps, &st, c->g->size_body, false, false, false);
	/* A run-in head standing alone ("**（四）凝聚同心增本领**") heads
	 * what follows like a heading. */
	if (b->runin.s && b->runin.len && !(b->text.s && b->text.len) && !marker)
		mark_heading(c, first);
}

static double text_width(const Ctx *c, FontRole role, double size, const char *s, size_t len)
{
	return fontset_text_width(c->fs, role, size, s, len, 0);
}

/* Column widths that span the 版心: a column whose content fits in an
 * equal share keeps its natural width; the rest of the width goes to the
 * wider columns in proportion to what they lack, so short columns such as
 * 序号 and 分值 do not wrap while a 备注 column takes the room. */
static void fit_columns(double *w, size_t n, double width)
{
	double fair = width / (double)n, fixed = 0, want = 0;
	for (size_t k = 0; k < n; k++) {
		if (w[k] <= fair)
			fixed += w[k];
		else
			want += w[k];
	}
	if (want == 0) {
		/* Everything fits: widen every column alike. */
		for (size_t k = 0; k < n; k++)
			w[k] *= width / fixed;
		return;
	}
	double room = width - fixed;
	for (size_t k = 0; k < n; k++)
		if (w[k] > fair)
			w[k] = w[k] * room / want;
}

/* A GitHub table as a ruled table: column widths from the content,
 * shrunk in proportion when the table is wider than the 版心. */
static void table(Ctx *c, const Block *t)
{
	size_t ncols = 0;
	for (size_t r = 0; r < t->nkids; r++)
		if (t->kids[r]->nkids > ncols)
			ncols = t->kids[r]->nkids;
	if (ncols == 0)
		return;
	double size = c->g->size_small, pad = size / 2;
	double *w = xcalloc(ncols, sizeof *w);
	for (size_t r = 0; r < t->nkids; r++)
		for (size_t k = 0; k < t->kids[r]->nkids; k++) {
			const Text *tx = &t->kids[r]->kids[k]->text;
			double cw = (tx->s ? text_width(c, ROLE_BODY, size, tx->s, tx->len) : 0) + 2 * pad + 1;
			if (cw < 2 * size + 2 * pad)
				cw = 2 * size + 2 * pad;
			if (cw > w[k])
				w[k] = cw;
		}
	fit_columns(w, ncols, c->g->body_w);
	for (size_t r = 0; r < t->nkids; r++) {
		const Block *row = t->kids[r];
		Line *l = new_line(c->col, LN_ROW);
		l->cells = xcalloc(ncols, sizeof *l->cells);
		l->ncells = ncols;
		l->row_first = r == 0;
		l->row_last = r + 1 == t->nkids;
		l->keep_next = row->header;
		double x = 0;
		int slots = 1;
		for (size_t k = 0; k < ncols; k++) {
			Cell *cell = &l->cells[k];
			cell->x = x;
			cell->w = w[k];
			cell->size = size;
			cell->header = row->header;
			x += w[k];
			if (k >= row->nkids || !row->kids[k]->text.s)
				continue;
			const Text *tx = &row->kids[k]->text;
			ParaStore *ps = new_para(c->col);
			Origin orig[1];
			add_run(ps, orig, row->header ? ROLE_H1 : ROLE_BODY, tx->s, tx->len, tx, 0,
			        row->kids[k]->pos);
			check_glyphs(c, ps->runs, orig, 1);
			TsStyle st = {.size = size, .width = w[k] - 2 * pad, .pitch = 0,
			              .align = row->header ? TS_CENTER : TS_LEFT, .words = true};
			cell->runs = ps->runs;
			cell->nruns = ps->nruns;
			cell->para = typeset(c->fs, ps->runs, ps->nruns, &st);
			if ((int)cell->para.nlines > slots)
				slots = (int)cell->para.nlines;
		}
		l->slots = slots;
	}
	free(w);
}

static void blocks(Ctx *c, const Block *parent, int depth);

static void list(Ctx *c, const Block *l, int depth)
{
	for (size_t i = 0; i < l->nkids; i++) {
		const Block *item = l->kids[i];
		char marker[32];
		if (l->ordered)
			snprintf(marker, sizeof marker, "%d.", l->start + (int)i);
		else
			snprintf(marker, sizeof marker, "•");
		bool first = true;
		for (size_t k = 0; k < item->nkids; k++) {
			const Block *b = item->kids[k];
			if (b->type == BLK_PARAGRAPH && first)
				paragraph(c, b, marker, depth);
			else if (b->type == BLK_LIST)
				list(c, b, depth + 1);
			else
				blocks(c, b, depth + 1);
			first = false;
		}
	}
}

static void blocks(Ctx *c, const Block *parent, int depth)
{
	if (parent->type == BLK_PARAGRAPH || parent->type == BLK_CODE) {
		paragraph(c, parent, NULL, depth);
		return;
	}
	for (size_t i = 0; i < parent->nkids; i++) {
		const Block *b = parent->kids[i];
		switch (b->type) {
		case BLK_HEADING:
			heading(c, b);
			break;
		case BLK_PARAGRAPH:
			/* The 附件说明 is made from the front matter below. */
			if (depth == 0 && c->p->nattachments && b->attachment_note)
				break;
			paragraph(c, b, NULL, depth);
			break;
		case BLK_CODE:
			paragraph(c, b, NULL, depth);
			break;
		case BLK_LIST:
			list(c, b, depth);
			break;
		case BLK_TABLE:
			table(c, b);
			break;
		case BLK_QUOTE:
			blocks(c, b, depth + 1);
			break;
		default:
			break;
		}
	}
}

/* 附件说明: 正文下空一行, 左空二字 "附件：1.名称", later names under the
 * first one's number, a long name's next lines under its first
 * character. */
static void compose_attachment_note(Ctx *c)
{
	const Plan *p = c->p;
	if (p->nattachments == 0)
		return;
	blank(c, false);
	const char *note = script_text(p, "附件：");
	double lead = text_width(c, ROLE_BODY, c->g->size_body, note, strlen(note)) +
	              2 * c->pitch;
	for (size_t i = 0; i < p->nattachments; i++) {
		const Attachment *a = &p->attachments[i];
		ParaStore *ps = new_para(c->col);
		char *num = p->nattachments > 1 ? xasprintf("%zu.", i + 1) : xstrdup("");
		char *s = keep_string(ps, xasprintf("%s%s%s", i == 0 ? note : "", num,
		                                    a->title.s ? a->title.s : ""));
		Origin orig[1];
		add_run(ps, orig, ROLE_BODY, s, strlen(s), NULL, 0, a->title.pos);
		check_glyphs(c, ps->runs, orig, 1);
		TsStyle st = body_style(c);
		st.first_indent = i == 0 ? 2 * c->pitch : lead;
		st.indent = lead + text_width(c, ROLE_BODY, c->g->size_body, num, strlen(num));
		st.align = TS_LEFT;
		free(num);
		add_para(c, ps, &st, c->g->size_body, false, i + 1 < p->nattachments, false);
	}
}

/* 纪要 (§10.3): 出席, 请假, 列席 — 正文下空一行左空二字, the word in 黑体,
 * a full-width colon, the names in 仿宋, later lines under the first
 * name. */
static void compose_attendance(Ctx *c)
{
	const Plan *p = c->p;
	const StrList *lists[3] = {&p->attendees, &p->on_leave, &p->observers};
	const char *words[3] = {"出席：", "请假：", "列席：" };
	bool first = true;
	for (int i = 0; i < 3; i++) {
		if (lists[i]->n == 0)
			continue;
		if (first)
			blank(c, true);
		first = false;
		ParaStore *ps = new_para(c->col);
		Origin orig[2];
		add_run(ps, orig, ROLE_H1, words[i], strlen(words[i]), NULL, 0, lists[i]->pos);
		char *names = keep_string(ps, join(lists[i], "、"));
		add_run(ps, orig, ROLE_BODY, names, strlen(names), NULL, 0, lists[i]->pos);
		check_glyphs(c, ps->runs, orig, ps->nruns);
		TsStyle st = body_style(c);
		st.align = TS_LEFT;
		/* Under the first name: the three characters of 出席： on the
		 * grid's pitch, as the typesetter sets them. */
		st.indent = (2 + 3) * c->pitch;
		add_para(c, ps, &st, c->g->size_body, false, false, false);
	}
}

/* 署名, 成文日期 and the seals (sign.c): grid lines kept after the last
 * line of text and chained to it, so that the block never starts a page
 * without text; then the 附注 (§7.3.6) on the line after the date. */
static void compose_signature(Ctx *c, Parts *parts)
{
	const Plan *p = c->p;
	size_t from = parts->n;
	bool ok;
	int n = sign_compose(p, c->fs, c->g, parts, c->d, &ok);
	if (!ok)
		c->col->failed = true;
	if (n > 0) {
		if (c->col->n == 0)
			blank(c, true); /* nothing above: the block starts the page */
		size_t anchor = c->col->n - 1;
		c->col->v[anchor].keep_next = true;
		for (int k = 0; k < n; k++)
			blank(c, k + 1 < n || p->note.s);
		for (size_t i = from; i < parts->n; i++)
			parts->v[i].anchor = (int)anchor;
	}
	if (p->note.s) {
		bool paren = strncmp(p->note.s, "（", strlen("（")) == 0;
		ParaStore *ps = new_para(c->col);
		char *s = keep_string(ps, paren ? xstrdup(p->note.s) : xasprintf("（%s）", p->note.s));
		Origin orig[1];
		add_run(ps, orig, ROLE_BODY, s, strlen(s), NULL, 0, p->note.pos);
		check_glyphs(c, ps->runs, orig, 1);
		TsStyle st = body_style(c);
		st.align = TS_LEFT;
		add_para(c, ps, &st, c->g->size_body, false, false, false);
	}
}

/* An attachment of type text (§7.3.7): 另面编排, its label ("附件N") in
 * 黑体 顶格 on the first line, the title centred on the third, then the
 * file set like the body — a column of its own, paginated and drawn
 * after the body or alone (attach.c). */
static void text_attachment(Ctx *c, size_t i, const char *label)
{
	memset(c->col, 0, sizeof *c->col);
	const Attachment *a = &c->p->attachments[i];
	ParaStore *ps = new_para(c->col);
	char *lab = keep_string(ps, xstrdup(label));
	Origin orig[1];
	add_run(ps, orig, ROLE_H1, lab, strlen(lab), NULL, 0, a->pos);
	check_glyphs(c, ps->runs, orig, 1);
	TsStyle st = body_style(c);
	st.first_indent = 0;
	st.align = TS_LEFT;
	add_para(c, ps, &st, c->g->size_body, false, true, true);
	blank(c, true);
	if (a->title.s) {
		broken_title(c, a->title.s, a->title.pos);
		blank(c, true);
	}
	if (!a->doc || !a->doc->body)
		return;
	/* Positions of missing glyphs are in the attachment's file. */
	c->p = a->doc;
	blocks(c, a->doc->body, 0);
}

void compose_text_attachment(const Plan *plan, size_t i, const char *label, const FontSet *fs,
                             const Geometry *g, Column *col, Diags *d)
{
	Ctx c = {plan, fs, g, col, d, geo_char_pitch(g), NULL};
	text_attachment(&c, i, label);
}

/* The 版记's lines: 左右各空一字, a wrapped 抄送's next lines under the
 * first name, a long 印发机关 wrapped short of the 印发日期. */
static void compose_record(Ctx *c, Record *r)
{
	const Plan *p = c->p;
	const Geometry *g = c->g;
	double size = g->size_small;
	memset(r, 0, sizeof *r);
	TsStyle st = {.size = size, .width = g->body_w - size, .pitch = 0,
	              .first_indent = size, .align = TS_LEFT};
	if (p->cc.n) {
		char *names = join(&p->cc, "，");
		const char *cc = script_text(p, "抄送：");
		r->cc = xasprintf("%s%s。", cc, names);
		free(names);
		r->cc_run = (TsRun){ROLE_BODY, r->cc, strlen(r->cc)};
		check_list_glyphs(c, &p->cc);
		TsStyle cs = st;
		cs.indent = size + text_width(c, ROLE_BODY, size, cc, strlen(cc));
		/* Organ names kept whole where that costs no line. */
		const char **keep = xcalloc(p->cc.n, sizeof *keep);
		for (size_t i = 0; i < p->cc.n; i++)
			keep[i] = p->cc.v[i].s;
		cs.words = true;
		cs.keep = keep;
		cs.nkeep = p->cc.n;
		r->cc_para = typeset(c->fs, &r->cc_run, 1, &cs);
		free(keep);
	}
	double wp = 0;
	/* A 信函's 版记 has no 印发机关 and 印发日期, and no rules (§10.1). */
	r->plain = p->kind == DOC_LETTER;
	if (p->printed_on.day != DAY_NONE && !r->plain) {
		char d[32];
		day_format_cn(p->printed_on.day, d);
		r->printed = xasprintf("%s%s", d, script_text(p, "印发"));
		wp = text_width(c, ROLE_BODY, size, r->printed, strlen(r->printed));
		r->printed_x = g->body_w - size - wp;
	}
	if (p->printed_by.s && !r->plain) {
		r->printer = xstrdup(p->printed_by.s);
		r->printer_run = (TsRun){ROLE_BODY, r->printer, strlen(r->printer)};
		Origin o = {NULL, 0, p->printed_by.pos};
		check_glyphs(c, &r->printer_run, &o, 1);
		TsStyle ps = st;
		ps.indent = size;
		if (wp > 0)
			ps.width = r->printed_x - size; /* a character's room before the date */
		ps.words = true;
		r->printer_para = typeset(c->fs, &r->printer_run, 1, &ps);
	}
	r->present = r->cc || r->printer || r->printed;
	int rows = (int)r->printer_para.nlines;
	if (rows == 0 && r->printed)
		rows = 1;
	r->slots = (int)r->cc_para.nlines + rows;
}

/* §7.3.5: the 附件说明, 署名, 成文日期 and 附注 (lines tail..) share a
 * page with each other and with at least two lines of the body. */
static void keep_tail(Column *col, size_t tail)
{
	if (tail >= col->n)
		return;
	for (size_t i = tail; i + 1 < col->n; i++)
		col->v[i].keep_next = true;
	int body = 0;
	for (size_t i = tail; i-- > 0 && body < 2;) {
		col->v[i].keep_next = true;
		if (col->v[i].kind != LN_BLANK)
			body++;
	}
}

static void compose_ctx(Ctx *c, Parts *parts, Record *rec)
{
	const Plan *p = c->p;
	Column *col = c->col;
	memset(col, 0, sizeof *col);
	bool ok;
	col->first_slot = head_compose(p, c->fs, c->g, parts, c->d, &ok);
	if (!ok)
		col->failed = true;
	if (p->kind != DOC_ORDER) /* a 命令's text follows the 令号 (§10.2) */
		compose_title(c);
	compose_recipients(c);
	if (p->body)
		blocks(c, p->body, 0);
	size_t tail = col->n;
	compose_attachment_note(c);
	compose_signature(c, parts);
	keep_tail(col, tail);
	/* 纪要: 出席, 请假, 列席 under the text, free to break like it. */
	if (p->kind == DOC_MINUTES)
		compose_attendance(c);
	compose_record(c, rec);
}

void compose(const Plan *p, const FontSet *fs, const Geometry *g,
             Column *col, Parts *parts, Record *rec, Diags *d)
{
	Ctx c = {p, fs, g, col, d, geo_char_pitch(g), NULL};
	compose_ctx(&c, parts, rec);
}

/* Only when a document cannot be written (font-limit), so composing the
 * body and the text attachments once more costs nothing in a build
 * that succeeds. */
const char *compose_find(const Plan *p, const FontSet *fs, const Geometry *g, const Face *face,
                         uint32_t cp, Pos *pos)
{
	Find f = {face, cp, NULL, {0, 0}};
	Diags d = {0};
	Column col;
	Parts parts = {0};
	Record rec;
	Ctx c = {p, fs, g, &col, &d, geo_char_pitch(g), &f};
	compose_ctx(&c, &parts, &rec);
	column_free(&col);
	parts_free(&parts);
	record_free(&rec);
	for (size_t i = 0; i < p->nattachments && !f.path; i++) {
		const Attachment *a = &p->attachments[i];
		if (a->type != ATT_UNKNOWN && a->type != ATT_TEXT)
			continue;
		char *label = attach_label(p, i, false);
		text_attachment(&c, i, label);
		column_free(&col);
		free(label);
	}
	diag_free(&d);
	*pos = f.pos;
	return f.path;
}

void column_free(Column *col)
{
	for (size_t i = 0; i < col->n; i++) {
		Line *l = &col->v[i];
		for (size_t k = 0; k < l->ncells; k++)
			tspara_free(&l->cells[k].para);
		free(l->cells);
	}
	free(col->v);
	for (size_t i = 0; i < col->nparas; i++) {
		ParaStore *ps = &col->paras[i];
		free(ps->runs);
		for (size_t k = 0; k < ps->nstrings; k++)
			free(ps->strings[k]);
		free(ps->strings);
		tspara_free(&ps->para);
	}
	free(col->paras);
	memset(col, 0, sizeof *col);
}

void record_free(Record *r)
{
	tspara_free(&r->cc_para);
	tspara_free(&r->printer_para);
	free(r->cc);
	free(r->printer);
	free(r->printed);
}
