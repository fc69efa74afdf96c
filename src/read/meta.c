/* meta.c — front matter (a YAML tree) into the Plan's fields.
 *
 * Shape problems are reported here, where the YAML is still at hand:
 * unknown keys (with the nearest known key as a suggestion), values of
 * the wrong kind, dates that are not ISO or do not exist.  Whatever can
 * be read is kept, so the checker still sees the rest of the plan.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "util.h"

typedef struct {
	Plan *p;
	Diags *d;
} Ctx;

static const char *const top_keys[] = {
	"title", "issuer", "header", "doc_number", "date", "recipients", "cc",
	"printed_by", "printed_on", "copy_number", "secrecy", "urgency", "signer",
	"note", "format", "seal", "signed_by", "attendees", "on_leave", "observers", "campaign", "phases", "deadlines", "criteria", "quotas",
	"attachments", "units", "check", NULL};
static const char *const check_keys_[] = {"disable", NULL};
static const char *const campaign_keys[] = {"start", "end", NULL};
static const char *const phase_keys[] = {"name", "start", "end", NULL};
static const char *const deadline_keys[] = {"name", "due", "by", "to", "phase", "form", NULL};
static const char *const criteria_keys[] = {"total", "items", "ratings", NULL};
static const char *const item_keys[] = {"name", "points", "standard", NULL};
static const char *const rating_keys[] = {"name", "min", "max", NULL};
static const char *const quota_keys[] = {"name", "min_percent", "max_percent", "of", NULL};
static const char *const attachment_keys[] = {"id", "type", "title", "fields", "columns",
                                              "rows", "template", "file", NULL};
static const char *const field_keys[] = {"name", "width", "lines", "sign", NULL};

static void warn_unknown(Ctx *c, const YNode *key, const char *const *known, const char *where)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX;
	for (size_t i = 0; known[i]; i++) {
		size_t dist = edit_distance(key->value, known[i], 8);
		if (dist < bestd) {
			bestd = dist;
			best = known[i];
		}
	}
	size_t len = utf8_count(key->value, strlen(key->value));
	/* Suggest only what is plausibly a typo: at most a third of the key
	 * changed, and never more than three edits. */
	if (best && bestd <= 3 && bestd * 3 <= len + 2)
		diag_add(c->d, c->p->path, key->pos, MSG_UNKNOWN_KEY_HINT, where, key->value, best);
	else
		diag_add(c->d, c->p->path, key->pos, MSG_UNKNOWN_KEY, where, key->value);
}

/* Report keys of m that are not in known; also non-scalar keys. */
static void check_keys(Ctx *c, const YNode *m, const char *const *known, const char *where)
{
	for (size_t i = 0; i < m->n; i++) {
		const YNode *k = m->keys[i];
		if (k->kind != Y_SCALAR) {
			diag_add(c->d, c->p->path, k->pos, MSG_TYPE_MISMATCH_KEY, ytree_kind_name(k->kind));
			continue;
		}
		bool ok = false;
		for (size_t j = 0; known[j] && !ok; j++)
			ok = strcmp(k->value, known[j]) == 0;
		for (size_t j = 0; j < i && ok; j++)
			if (m->keys[j]->kind == Y_SCALAR && strcmp(m->keys[j]->value, k->value) == 0) {
				diag_add(c->d, c->p->path, k->pos, MSG_TYPE_MISMATCH_DUPLICATE, k->value, m->keys[j]->pos.line);
				ok = true;
				break;
			}
		if (!ok)
			warn_unknown(c, k, known, where);
	}
}

/* The position of key in m; {0, 0} when the key is absent, which is how
 * the checker tells an absent value from an invalid one. */
static Pos key_pos(const YNode *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->keys[i]->kind == Y_SCALAR && strcmp(m->keys[i]->value, key) == 0)
			return m->keys[i]->pos;
	return (Pos){0, 0};
}

static void mismatch(Ctx *c, Pos pos, const char *key, const char *want, const YNode *v)
{
	diag_add(c->d, c->p->path, pos, MSG_TYPE_MISMATCH, key, want, ytree_kind_name(v->kind));
}

/* A scalar's text for the plan.  Curly quotes pasted around a whole
 * value (title: “关于…”) are not part of it: they are dropped, with a
 * warning, so they are never printed. */
static char *scalar_text(Ctx *c, const YNode *v, const char *key)
{
	const char *s = v->value;
	size_t n = strlen(s);
	static const char *const pairs[][2] = {{"“", "”"}, {"‘", "’"}, {"「", "」"}};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		size_t ol = strlen(pairs[i][0]), cl = strlen(pairs[i][1]);
		if (n <= ol + cl || memcmp(s, pairs[i][0], ol) || memcmp(s + n - cl, pairs[i][1], cl))
			continue;
		char *inner = arena_strndup(c->p->arena, s + ol, n - ol - cl);
		/* 《…》“甲”“乙”: quotes inside, so the outer ones may be meant. */
		if (strstr(inner, pairs[i][0]) || strstr(inner, pairs[i][1]))
			break;
		diag_add_sev(c->d, c->p->path, v->pos, SEV_WARNING, MSG_TYPE_MISMATCH_CURLY, key,
		             pairs[i][0], pairs[i][1], inner);
		return inner;
	}
	return arena_strdup(c->p->arena, s);
}

/* units: 甲，乙，丙 is three units written as one: split it, and say
 * how to write a list. */
static bool split_list(Ctx *c, const YNode *v, const char *key, StrList *l)
{
	static const char *const seps[] = {"、", "，", "；", ",", ";"};
	const char *sep = NULL;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !sep; i++)
		if (strstr(v->value, seps[i]))
			sep = seps[i];
	if (!sep)
		return false;
	Buf fix = {0};
	const char *s = v->value;
	size_t cap = 0;
	while (*s) {
		size_t best = strlen(s), bl = 0;
		for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
			const char *f = strstr(s, seps[i]);
			if (f && (size_t)(f - s) < best) {
				best = (size_t)(f - s);
				bl = strlen(seps[i]);
			}
		}
		size_t a = 0, b = best;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (b > a) {
			l->v = arena_grow(c->p->arena, l->v, l->n, l->n + 1, sizeof *l->v);
			l->v[l->n++] = (Str){arena_strndup(c->p->arena, s + a, b - a), v->pos};
			buf_printf(&fix, "%s%.*s", cap++ ? ", " : "", (int)(b - a), s + a);
		}
		s += best + bl;
		if (!bl)
			break;
	}
	diag_add(c->d, c->p->path, v->pos, MSG_TYPE_MISMATCH_ONE_STRING, key, sep, key,
	         buf_cstr(&fix));
	buf_free(&fix);
	return true;
}

static Str get_str(Ctx *c, const YNode *m, const char *key)
{
	Str s = {NULL, key_pos(m, key)};
	const YNode *v = ytree_get(m, key);
	if (!v)
		return s;
	if (v->kind != Y_SCALAR) {
		mismatch(c, s.pos, key, "文字", v);
		return s;
	}
	/* An empty plain value (key:) is YAML null: treat as absent. */
	if (v->plain && (v->value[0] == '\0' || strcmp(v->value, "~") == 0 ||
	                 strcmp(v->value, "null") == 0))
		return s;
	s.s = scalar_text(c, v, key);
	return s;
}

static Date date_from(Ctx *c, const YNode *v, Pos pos, const char *key)
{
	Date dt = {DAY_NONE, pos, false};
	if (v->kind != Y_SCALAR) {
		mismatch(c, pos, key, "日期（YYYY-MM-DD）", v);
		return dt;
	}
	if (!day_parse_iso(v->value, &dt.day)) {
		dt.day = DAY_NONE;
		int y, m, dd;
		char tail;
		if (sscanf(v->value, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3 &&
		    strlen(v->value) == 10)
			diag_add(c->d, c->p->path, pos, MSG_DATE_INVALID_DAY, key, v->value);
		else
			diag_add(c->d, c->p->path, pos, MSG_DATE_INVALID,
			         key, v->value);
	}
	return dt;
}

static Date get_date(Ctx *c, const YNode *m, const char *key)
{
	Pos pos = key_pos(m, key);
	const YNode *v = ytree_get(m, key);
	if (!v || (v->kind == Y_SCALAR && v->plain && v->value[0] == '\0'))
		return (Date){DAY_NONE, pos, false};
	return date_from(c, v, pos, key);
}

/* Integers only, within ±1e9 so later sums cannot overflow. */
static Num get_num(Ctx *c, const YNode *m, const char *key)
{
	Num n = {0, false, key_pos(m, key)};
	const YNode *v = ytree_get(m, key);
	if (!v)
		return n;
	if (v->kind != Y_SCALAR) {
		mismatch(c, n.pos, key, "整数", v);
		return n;
	}
	char *end;
	errno = 0;
	long x = strtol(v->value, &end, 10);
	if (v->value[0] == '\0' || *end != '\0' || errno || x > 1000000000L || x < -1000000000L) {
		diag_add(c->d, c->p->path, n.pos, MSG_TYPE_MISMATCH_INTEGER, key, v->value);
		return n;
	}
	n.v = x;
	n.set = true;
	return n;
}

/* A point value: a whole number or one decimal (17.5), 分 allowed after
 * it; more decimals than that are refused with the two nearest values
 * offered, never rounded silently. */
static Score get_score(Ctx *c, const YNode *m, const char *key)
{
	Score sc = {0, false, key_pos(m, key)};
	const YNode *v = ytree_get(m, key);
	if (!v)
		return sc;
	if (v->kind != Y_SCALAR) {
		mismatch(c, sc.pos, key, "分值", v);
		return sc;
	}
	long t = 0;
	char lo[SCORE_STRLEN], hi[SCORE_STRLEN];
	switch (score_parse(v->value, strlen(v->value), true, &t)) {
	case SCORE_OK:
		sc.tenths = t;
		sc.set = true;
		break;
	case SCORE_TOO_PRECISE:
		score_str(lo, t);
		score_str(hi, t < 0 ? t - 1 : t + 1);
		diag_add(c->d, c->p->path, sc.pos, MSG_SCORE_PRECISION, key, v->value,
		         t < 0 ? hi : lo, t < 0 ? lo : hi);
		break;
	case SCORE_TOO_LARGE:
		diag_add(c->d, c->p->path, sc.pos, MSG_SCORE_RANGE, key, v->value);
		break;
	case SCORE_NOT_NUMBER:
		diag_add(c->d, c->p->path, sc.pos, MSG_TYPE_MISMATCH_SCORE, key, v->value);
		break;
	}
	return sc;
}

static bool get_bool(Ctx *c, const YNode *m, const char *key, bool dflt)
{
	const YNode *v = ytree_get(m, key);
	if (!v)
		return dflt;
	if (v->kind == Y_SCALAR) {
		const char *t = v->value;
		if (!strcmp(t, "true") || !strcmp(t, "yes") || !strcmp(t, "True") || !strcmp(t, "on"))
			return true;
		if (!strcmp(t, "false") || !strcmp(t, "no") || !strcmp(t, "False") || !strcmp(t, "off"))
			return false;
	}
	diag_add(c->d, c->p->path, key_pos(m, key), MSG_TYPE_MISMATCH_BOOL, key);
	return dflt;
}

/* A string or a list of strings (recipients, cc, units, columns). */
static StrList get_strlist(Ctx *c, const YNode *m, const char *key)
{
	StrList l = {NULL, 0, key_pos(m, key)};
	const YNode *v = ytree_get(m, key);
	if (!v)
		return l;
	if (v->kind == Y_SCALAR) {
		if (v->plain && v->value[0] == '\0')
			return l;
		if (!strcmp(key, "units") && split_list(c, v, key, &l))
			return l;
		l.v = arena_calloc(c->p->arena, 1, sizeof *l.v);
		l.v[0] = (Str){scalar_text(c, v, key), v->pos};
		l.n = 1;
		return l;
	}
	if (v->kind != Y_SEQ) {
		mismatch(c, l.pos, key, "文字或文字列表", v);
		return l;
	}
	l.v = arena_calloc(c->p->arena, v->n, sizeof *l.v);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *it = v->items[i];
		if (it->kind != Y_SCALAR) {
			diag_add(c->d, c->p->path, it->pos, MSG_TYPE_MISMATCH_ITEM, key, i + 1,
			         ytree_kind_name(it->kind));
			continue;
		}
		l.v[l.n++] = (Str){scalar_text(c, it, key), it->pos};
	}
	return l;
}

/* The list under key, or NULL (reporting a mismatch when not a list). */
static const YNode *get_seq(Ctx *c, const YNode *m, const char *key)
{
	const YNode *v = ytree_get(m, key);
	if (!v)
		return NULL;
	if (v->kind == Y_SCALAR && v->plain && v->value[0] == '\0')
		return NULL;
	if (v->kind != Y_SEQ) {
		mismatch(c, key_pos(m, key), key, "列表", v);
		return NULL;
	}
	return v;
}

static bool want_map(Ctx *c, const YNode *v, const char *what, size_t i)
{
	if (v->kind == Y_MAP)
		return true;
	diag_add(c->d, c->p->path, v->pos, MSG_TYPE_MISMATCH_ITEM_MAP, what, i + 1,
	         ytree_kind_name(v->kind));
	return false;
}

static void read_campaign(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	const YNode *v = ytree_get(root, "campaign");
	p->campaign_pos = key_pos(root, "campaign");
	p->campaign_start = p->campaign_end = (Date){DAY_NONE, p->campaign_pos, false};
	if (!v)
		return;
	if (v->kind != Y_MAP) {
		mismatch(c, p->campaign_pos, "campaign", "映射（start, end）", v);
		return;
	}
	check_keys(c, v, campaign_keys, "campaign中");
	p->campaign_start = get_date(c, v, "start");
	p->campaign_end = get_date(c, v, "end");
}

static void read_phases(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	p->phases_pos = key_pos(root, "phases");
	const YNode *v = get_seq(c, root, "phases");
	if (!v)
		return;
	p->phases = arena_calloc(c->p->arena, v->n, sizeof *p->phases);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *it = v->items[i];
		if (!want_map(c, it, "phases", i))
			continue;
		check_keys(c, it, phase_keys, "阶段中");
		Phase *ph = &p->phases[p->nphases++];
		ph->pos = it->pos;
		ph->name = get_str(c, it, "name");
		ph->start = get_date(c, it, "start");
		ph->end = get_date(c, it, "end");
		/* Implied only when the key is absent, not when it was invalid. */
		if (!ytree_get(it, "start"))
			ph->start = (Date){DAY_NONE, it->pos, true};
		if (!ytree_get(it, "end"))
			ph->end = (Date){DAY_NONE, it->pos, true};
		if (!ph->name.s)
			diag_add(c->d, p->path, it->pos, MSG_FIELD_MISSING_PHASE_NAME, i + 1);
	}
	/* The implied dates are filled in by the resolve pass. */
}

static void read_deadlines(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	const YNode *v = get_seq(c, root, "deadlines");
	if (!v)
		return;
	p->deadlines = arena_calloc(c->p->arena, v->n, sizeof *p->deadlines);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *it = v->items[i];
		if (!want_map(c, it, "deadlines", i))
			continue;
		check_keys(c, it, deadline_keys, "截止日期中");
		Deadline *dl = &p->deadlines[p->ndeadlines++];
		dl->pos = it->pos;
		dl->name = get_str(c, it, "name");
		dl->due = get_date(c, it, "due");
		dl->by = get_str(c, it, "by");
		dl->to = get_str(c, it, "to");
		dl->phase = get_str(c, it, "phase");
		dl->form = get_str(c, it, "form");
		if (!dl->name.s)
			diag_add(c->d, p->path, it->pos, MSG_FIELD_MISSING_DEADLINE_NAME, i + 1);
		if (!ytree_get(it, "due"))
			diag_add(c->d, p->path, it->pos, MSG_FIELD_MISSING_DUE, dl->name.s ? dl->name.s : "");
	}
}

static void read_criteria(Ctx *c, const YNode *root)
{
	Criteria *cr = &c->p->criteria;
	const YNode *v = ytree_get(root, "criteria");
	cr->pos = key_pos(root, "criteria");
	if (!v)
		return;
	if (v->kind != Y_MAP) {
		mismatch(c, cr->pos, "criteria", "映射（total, items, ratings）", v);
		return;
	}
	cr->present = true;
	check_keys(c, v, criteria_keys, "criteria中");
	cr->total = get_score(c, v, "total");
	const YNode *items = get_seq(c, v, "items");
	if (items) {
		cr->items = arena_calloc(c->p->arena, items->n, sizeof *cr->items);
		for (size_t i = 0; i < items->n; i++) {
			const YNode *it = items->items[i];
			if (!want_map(c, it, "items", i))
				continue;
			check_keys(c, it, item_keys, "评分项中");
			CriteriaItem *ci = &cr->items[cr->nitems++];
			ci->pos = it->pos;
			ci->name = get_str(c, it, "name");
			ci->points = get_score(c, it, "points");
			ci->standard = get_str(c, it, "standard");
		}
	}
	const YNode *ratings = get_seq(c, v, "ratings");
	cr->ratings_pos = key_pos(v, "ratings");
	if (ratings) {
		cr->ratings = arena_calloc(c->p->arena, ratings->n, sizeof *cr->ratings);
		for (size_t i = 0; i < ratings->n; i++) {
			const YNode *it = ratings->items[i];
			if (!want_map(c, it, "ratings", i))
				continue;
			check_keys(c, it, rating_keys, "等次中");
			Rating *r = &cr->ratings[cr->nratings++];
			r->pos = it->pos;
			r->name = get_str(c, it, "name");
			r->min = get_score(c, it, "min");
			r->max = get_score(c, it, "max");
		}
	}
}

static void read_quotas(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	const YNode *v = get_seq(c, root, "quotas");
	if (!v)
		return;
	p->quotas = arena_calloc(c->p->arena, v->n, sizeof *p->quotas);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *it = v->items[i];
		if (!want_map(c, it, "quotas", i))
			continue;
		check_keys(c, it, quota_keys, "比例中");
		Quota *q = &p->quotas[p->nquotas++];
		q->pos = it->pos;
		q->name = get_str(c, it, "name");
		q->of = get_str(c, it, "of");
		q->min_percent = get_num(c, it, "min_percent");
		q->max_percent = get_num(c, it, "max_percent");
	}
}




static void read_fields(Ctx *c, Attachment *a, const YNode *it)
{
	const YNode *v = get_seq(c, it, "fields");
	if (!v)
		return;
	a->fields = arena_calloc(c->p->arena, v->n, sizeof *a->fields);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *f = v->items[i];
		Field *fd = &a->fields[a->nfields];
		fd->lines = 1;
		fd->pos = f->pos;
		if (f->kind == Y_SCALAR) {
			fd->name = (Str){arena_strdup(c->p->arena, f->value), f->pos};
			a->nfields++;
			continue;
		}
		if (!want_map(c, f, "fields", i))
			continue;
		check_keys(c, f, field_keys, "表单字段中");
		fd->name = get_str(c, f, "name");
		Str w = get_str(c, f, "width");
		if (w.s && !strcmp(w.s, "half"))
			fd->width = WIDTH_HALF;
		else if (w.s && strcmp(w.s, "full"))
			diag_add(c->d, c->p->path, w.pos, MSG_TYPE_MISMATCH_WIDTH, w.s);
		Num lines = get_num(c, f, "lines");
		if (lines.set) {
			if (lines.v < 1 || lines.v > 40)
				diag_add(c->d, c->p->path, lines.pos, MSG_TYPE_MISMATCH_LINES);
			else
				fd->lines = (int)lines.v;
		}
		fd->sign = get_bool(c, f, "sign", false);
		if (!fd->name.s)
			diag_add(c->d, c->p->path, f->pos, MSG_FIELD_MISSING_FIELD_NAME);
		a->nfields++;
	}
}

static void read_rows(Ctx *c, Attachment *a, const YNode *it)
{
	const YNode *v = ytree_get(it, "rows");
	a->rows_pos = key_pos(it, "rows");
	if (!v)
		return;
	if (v->kind == Y_SCALAR) {
		if (!strcmp(v->value, "units")) a->rows_from = ROWS_UNITS;
		else if (!strcmp(v->value, "criteria")) a->rows_from = ROWS_CRITERIA;
		else if (!strcmp(v->value, "deadlines")) a->rows_from = ROWS_DEADLINES;
		else
			diag_add(c->d, c->p->path, a->rows_pos, MSG_TYPE_MISMATCH_ROWS, v->value);
		return;
	}
	if (v->kind != Y_SEQ) {
		mismatch(c, a->rows_pos, "rows", "units、criteria、deadlines或行的列表", v);
		return;
	}
	a->rows_from = ROWS_LITERAL;
	a->rows = arena_calloc(c->p->arena, v->n, sizeof *a->rows);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *r = v->items[i];
		Row *row = &a->rows[a->nrows++];
		if (r->kind == Y_SCALAR) {
			row->cells.v = arena_calloc(c->p->arena, 1, sizeof *row->cells.v);
			row->cells.v[0] = (Str){arena_strdup(c->p->arena, r->value), r->pos};
			row->cells.n = 1;
		} else if (r->kind == Y_SEQ) {
			row->cells.v = arena_calloc(c->p->arena, r->n, sizeof *row->cells.v);
			for (size_t j = 0; j < r->n; j++) {
				if (r->items[j]->kind != Y_SCALAR) {
					diag_add(c->d, c->p->path, r->items[j]->pos, MSG_TYPE_MISMATCH_CELL);
					continue;
				}
				row->cells.v[row->cells.n++] =
					(Str){arena_strdup(c->p->arena, r->items[j]->value), r->items[j]->pos};
			}
		} else {
			diag_add(c->d, c->p->path, r->pos, MSG_TYPE_MISMATCH_ROW, i + 1);
		}
		row->cells.pos = r->pos;
	}
}

static void read_attachments(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	const YNode *v = get_seq(c, root, "attachments");
	if (!v)
		return;
	p->attachments = arena_calloc(c->p->arena, v->n, sizeof *p->attachments);
	for (size_t i = 0; i < v->n; i++) {
		const YNode *it = v->items[i];
		if (!want_map(c, it, "attachments", i))
			continue;
		check_keys(c, it, attachment_keys, "附件中");
		Attachment *a = &p->attachments[p->nattachments++];
		a->pos = it->pos;
		a->id = get_str(c, it, "id");
		a->title = get_str(c, it, "title");
		a->file = get_str(c, it, "file");
		a->template_ = get_str(c, it, "template");
		Str t = get_str(c, it, "type");
		a->type_pos = t.pos;
		a->type = t.s ? att_type_parse(t.s) : ATT_TEXT;
		if (t.s && a->type == ATT_UNKNOWN)
			diag_add(c->d, p->path, t.pos, MSG_TYPE_MISMATCH_ATT_TYPE, t.s);
		if (!a->title.s)
			diag_add(c->d, p->path, it->pos, MSG_FIELD_MISSING_ATT_TITLE, i + 1);
		read_fields(c, a, it);
		a->columns = get_strlist(c, it, "columns");
		read_rows(c, a, it);
	}
}

/* `issuer`, `signer`: one name or a list of names.  first is the first
 * name (at the key when a single string, so that findings about it point
 * where they always did), all every name in order. */
static void get_names(Ctx *c, const YNode *m, const char *key, Str *first, StrList *all)
{
	const YNode *v = ytree_get(m, key);
	if (!v || v->kind != Y_SEQ) {
		*first = get_str(c, m, key);
		all->pos = first->pos;
		if (first->s) {
			all->v = arena_calloc(c->p->arena, 1, sizeof *all->v);
			all->v[0] = (Str){arena_strdup(c->p->arena, first->s), first->pos};
			all->n = 1;
		}
		return;
	}
	*all = get_strlist(c, m, key);
	*first = (Str){NULL, all->pos};
	if (all->n)
		*first = (Str){arena_strdup(c->p->arena, all->v[0].s), all->v[0].pos};
}

static void read_format(Ctx *c, const YNode *root)
{
	Plan *p = c->p;
	static const struct {
		const char *name;
		DocKind kind;
	} kinds[] = {{"document", DOC_FILE}, {"文件", DOC_FILE}, {"letter", DOC_LETTER},
	             {"信函", DOC_LETTER}, {"order", DOC_ORDER}, {"命令", DOC_ORDER},
	             {"令", DOC_ORDER}, {"minutes", DOC_MINUTES}, {"纪要", DOC_MINUTES}};
	p->format = get_str(c, root, "format");
	p->kind = DOC_FILE;
	if (!p->format.s)
		return;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(p->format.s, kinds[i].name)) {
			p->kind = kinds[i].kind;
			return;
		}
	diag_add(c->d, p->path, p->format.pos, MSG_TYPE_MISMATCH_FORMAT, p->format.s);
}

/* check: {disable: [punct-halfwidth, …]}: warnings this plan turns off.
 * Only warnings: an error always stops the build. */
static void read_check(Ctx *c, const YNode *root)
{
	const YNode *v = ytree_get(root, "check");
	if (!v)
		return;
	if (v->kind != Y_MAP) {
		mismatch(c, key_pos(root, "check"), "check", "映射（disable）", v);
		return;
	}
	check_keys(c, v, check_keys_, "check中");
	StrList l = get_strlist(c, v, "disable");
	c->p->disable = (StrList){arena_calloc(c->p->arena, l.n ? l.n : 1, sizeof *l.v), 0, l.pos};
	for (size_t i = 0; i < l.n; i++) {
		RuleId r = rule_lookup(l.v[i].s);
		if (r == R_COUNT)
			diag_add(c->d, c->p->path, l.v[i].pos, MSG_TYPE_MISMATCH_RULE, l.v[i].s);
		else if (rules[r].severity == SEV_ERROR)
			diag_add(c->d, c->p->path, l.v[i].pos, MSG_TYPE_MISMATCH_RULE_ERROR, l.v[i].s);
		else
			c->p->disable.v[c->p->disable.n++] = l.v[i];
	}
}

void meta_read(Plan *p, const YNode *root, Diags *d)
{
	Ctx c = {p, d};
	check_keys(&c, root, top_keys, "");
	p->title = get_str(&c, root, "title");
	get_names(&c, root, "issuer", &p->issuer, &p->issuers);
	get_names(&c, root, "header", &p->header, &p->headers);
	p->doc_number = get_str(&c, root, "doc_number");
	get_names(&c, root, "signer", &p->signer, &p->signers);
	read_format(&c, root);
	p->signed_by = get_str(&c, root, "signed_by");
	if (ytree_get(root, "seal"))
		p->seal = (Flag){get_bool(&c, root, "seal", true), true, key_pos(root, "seal")};
	p->attendees = get_strlist(&c, root, "attendees");
	p->on_leave = get_strlist(&c, root, "on_leave");
	p->observers = get_strlist(&c, root, "observers");
	p->secrecy = get_str(&c, root, "secrecy");
	p->urgency = get_str(&c, root, "urgency");
	p->copy_number = get_str(&c, root, "copy_number");
	p->printed_by = get_str(&c, root, "printed_by");
	p->note = get_str(&c, root, "note");
	p->date = get_date(&c, root, "date");
	p->printed_on = get_date(&c, root, "printed_on");
	p->recipients = get_strlist(&c, root, "recipients");
	p->cc = get_strlist(&c, root, "cc");
	p->units = get_strlist(&c, root, "units");
	read_campaign(&c, root);
	read_phases(&c, root);
	read_deadlines(&c, root);
	read_criteria(&c, root);
	read_quotas(&c, root);
	read_attachments(&c, root);
	read_check(&c, root);
}
