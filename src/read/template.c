/* template.c — loading, validating and caching templates; see template.h.
 *
 * A file is opened below its templates/ folder without following any
 * symlink (paths_open), read into memory and parsed there with libxml2
 * through xmlsafe_read (no network, no external entities, no DTD at
 * all); template.rng likewise, and it may not include or refer to other
 * files.  A template is validated against template.rng, then read attribute by attribute
 * through a table that says where each value goes.  libxml2's messages
 * are collected through its structured-error hooks, never printed, and
 * become `template` findings at their file, line and column.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "template.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "paths.h"
#include "util.h"
#include "xmlpos.h"
#include "xmlsafe.h"

/* libxml2 2.12 made the structured-error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError XErr;
#else
typedef xmlError XErr;
#endif

#define MAX_TEMPLATE_BYTES (1 << 20)
#define MAX_FINDINGS_PER_FILE 20

static const char *const kind_names[] = {"notice", "form", "ledger", "scoresheet"};
static const char *const default_files[] = {"notice.xml", "form.xml", "ledger.xml",
                                            "scoresheet.xml"};

const char *tpl_kind_name(TplKind kind)
{
	return kind_names[kind];
}

/* ---- built-in values: what the shipped files say ---------------------- */

static TplCells cells_default(double padding, double leading)
{
	return (TplCells){.padding = padding, .leading = leading, .rule = 0.5, .frame = 1};
}

static void form_default(TplForm *f)
{
	memset(f, 0, sizeof *f);
	f->title = (TplFont){ROLE_TITLE, 22};
	f->filler = false;
	f->filler_font = (TplFont){ROLE_BODY, 14};
	strcpy(f->filler_unit, "填报单位（盖章）：");
	strcpy(f->filler_date, "填报日期：　　年　　月　　日");
	f->label = (TplFont){ROLE_H1, 14};
	f->value = (TplFont){ROLE_BODY, 14};
	f->label_min = 5;
	f->label_max = 6;
	f->row = MM(12);
	f->line = MM(9);
	f->line_min = MM(6);
	f->sign_lines = 3;
	strcpy(f->seal, "（盖章）");
	strcpy(f->date, "年　　月　　日");
	f->cells = cells_default(MM(2), 1.5);
}

static void table_default(TplTable *t, bool score)
{
	memset(t, 0, sizeof *t);
	t->landscape = !score;
	t->title = (TplFont){ROLE_TITLE, 22};
	t->head = (TplFont){ROLE_H1, 14};
	t->cell = (TplFont){ROLE_BODY, score ? 12 : 14};
	t->row_min = MM(10);
	t->fill_chars = score ? 3 : 6;
	t->fill_fair = !score;
	t->write_lines = score ? 1 : 2;
	t->write_line = MM(8);
	t->sign_show = score;
	strcpy(t->sign_unit, "被考评单位：");
	strcpy(t->sign_reviewer, "考评人（签字）：");
	strcpy(t->sign_date, "考评日期：　　年　　月　　日");
	t->cells = cells_default(MM(1.5), 1.4);
	strcpy(t->col_no, "序号");
	strcpy(t->col_item, "评分项目");
	strcpy(t->col_standard, "评分标准");
	strcpy(t->col_points, "分值");
	strcpy(t->col_self, "自评分");
	strcpy(t->col_review, "考评分");
	strcpy(t->total, "合计");
	t->bands = (TplFont){ROLE_BODY, 14};
	strcpy(t->bands_lead, "评定等次：");
}

static void set_default(Template *t, TplKind kind)
{
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->notice = geometry_default();
	form_default(&t->form);
	table_default(&t->table, kind == TPL_SCORESHEET);
}

/* ---- values -------------------------------------------------------------- */

/* A decimal number, read without strtod so that no locale can change
 * what "0.5" means.  Returns the bytes read, 0 when there is no number. */
static size_t read_decimal(const char *s, double *v)
{
	size_t i = 0;
	double x = 0;
	while (s[i] >= '0' && s[i] <= '9' && i < 12)
		x = x * 10 + (s[i++] - '0');
	if (i == 0)
		return 0;
	if (s[i] == '.') {
		double scale = 0.1;
		size_t j = i + 1;
		while (s[j] >= '0' && s[j] <= '9' && j < i + 12) {
			x += (s[j++] - '0') * scale;
			scale /= 10;
		}
		if (j == i + 1)
			return 0;
		i = j;
	}
	*v = x;
	return i;
}

static bool parse_length(const char *s, double *v)
{
	double x;
	size_t n = read_decimal(s, &x);
	if (!n)
		return false;
	if (!strcmp(s + n, "mm"))
		*v = MM(x);
	else if (!strcmp(s + n, "pt"))
		*v = x;
	else
		return false;
	return true;
}

/* Chinese type sizes: 初号 42 pt … 八号 5 pt, and the 小 sizes between. */
static bool parse_hao(const char *s, double *v)
{
	static const char *const digits[] = {"初", "一", "二", "三", "四", "五", "六", "七", "八"};
	static const double big[] = {42, 26, 22, 16, 14, 10.5, 7.5, 5.5, 5};
	static const double small[] = {36, 24, 18, 15, 12, 9, 6.5, 0, 0};
	bool xiao = strncmp(s, "小", strlen("小")) == 0;
	if (xiao)
		s += strlen("小");
	int n = -1;
	size_t len = 0;
	if (*s >= '0' && *s <= '8') {
		n = *s - '0';
		len = 1;
	} else {
		for (int k = 0; k < 9; k++)
			if (!strncmp(s, digits[k], strlen(digits[k]))) {
				n = k;
				len = strlen(digits[k]);
			}
	}
	if (n < 0)
		return false;
	s += len;
	if (!strcmp(s, "号"))
		s += strlen("号");
	else if (!xiao)
		return false; /* "3" alone is not a size: 3号 or 3pt */
	if (*s)
		return false;
	double x = xiao ? small[n] : big[n];
	if (x <= 0)
		return false;
	*v = x;
	return true;
}

static bool parse_size(const char *s, double *v)
{
	return parse_length(s, v) || parse_hao(s, v);
}

static bool parse_font(const char *s, FontRole *r)
{
	static const struct {
		const char *name;
		FontRole role;
	} names[] = {{"小标宋", ROLE_TITLE}, {"仿宋", ROLE_BODY}, {"黑体", ROLE_H1},
	             {"楷体", ROLE_H2},     {"宋体", ROLE_PAGENUM}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*r = names[i].role;
			return true;
		}
	return font_role_parse(s, r);
}

/* ---- where each attribute goes ------------------------------------------ */

/* The numeric kinds are the schema's datatypes (template.rng: length,
 * size, fraction, factor, chars, count), each with its range below. */
typedef enum {
	V_LEN, V_SIZE, V_FONT, V_BOOL, V_FRACTION, V_FACTOR, V_CHARS, V_COUNT, V_TEXT, V_ORIENT
} VKind;

typedef struct {
	const char *elem, *attr;
	VKind kind;
	size_t off;
} Slot;

#define G(e, a, k, m) {e, a, k, offsetof(Geometry, m)}
static const Slot notice_slots[] = {
	G("page", "width", V_LEN, page_w), G("page", "height", V_LEN, page_h),
	G("body", "top", V_LEN, margin_top), G("body", "left", V_LEN, margin_left),
	G("body", "width", V_LEN, body_w), G("body", "height", V_LEN, body_h),
	G("body", "lines", V_COUNT, lines), G("body", "chars", V_COUNT, chars),
	G("sizes", "body", V_SIZE, size_body), G("sizes", "title", V_SIZE, size_title),
	G("sizes", "small", V_SIZE, size_small), G("sizes", "em-ascent", V_FRACTION, em_ascent),
	G("header", "top", V_LEN, header_top), G("header", "max-size", V_SIZE, header_size_max),
	G("header", "max-width", V_LEN, header_char_w), G("header", "min-size", V_SIZE, header_size_min),
	G("header", "min-scale", V_FRACTION, header_scale_min),
	G("header", "from-page", V_BOOL, header_from_page),
	G("header", "order-top", V_LEN, order_top),
	G("letter", "rules", V_BOOL, letter_rules), G("letter", "length", V_LEN, letter_rule_len),
	G("letter", "gap", V_LEN, letter_rule_gap), G("letter", "bottom", V_LEN, letter_rule_bottom),
	G("letter", "thick", V_LEN, letter_thick), G("letter", "thin", V_LEN, letter_thin),
	G("letter", "space", V_LEN, letter_space), G("letter", "below", V_LEN, letter_below),
	G("seal", "size", V_LEN, seal_size), G("seal", "stamp-width", V_LEN, stamp_w),
	G("seal", "stamp-height", V_LEN, stamp_h), G("seal", "guide", V_BOOL, seal_guide),
	G("page-number", "first", V_BOOL, number_first_page),
	G("red", "c", V_FRACTION, red_c), G("red", "m", V_FRACTION, red_m),
	G("red", "y", V_FRACTION, red_y), G("red", "k", V_FRACTION, red_k),
	G("red", "line-gap", V_LEN, red_line_gap), G("red", "line-width", V_LEN, red_line_width),
	G("record", "thick", V_LEN, record_thick), G("record", "thin", V_LEN, record_thin),
	G("record", "even-page", V_BOOL, record_on_even),
	G("page-number", "drop", V_LEN, pagenum_drop),
	{NULL, NULL, V_LEN, 0},
};
#undef G

#define F(e, a, k, m) {e, a, k, offsetof(TplForm, m)}
#define FC(m) F("cells", #m, V_LEN, cells.m)
static const Slot form_slots[] = {
	F("title", "font", V_FONT, title.role), F("title", "size", V_SIZE, title.size),
	F("filler", "show", V_BOOL, filler), F("filler", "font", V_FONT, filler_font.role),
	F("filler", "size", V_SIZE, filler_font.size), F("filler", "unit", V_TEXT, filler_unit),
	F("filler", "date", V_TEXT, filler_date),
	F("label", "font", V_FONT, label.role), F("label", "size", V_SIZE, label.size),
	F("label", "min-chars", V_CHARS, label_min), F("label", "max-chars", V_CHARS, label_max),
	F("value", "font", V_FONT, value.role), F("value", "size", V_SIZE, value.size),
	F("rows", "height", V_LEN, row), F("rows", "line", V_LEN, line),
	F("rows", "min-line", V_LEN, line_min),
	F("sign", "lines", V_COUNT, sign_lines), F("sign", "seal", V_TEXT, seal),
	F("sign", "date", V_TEXT, date),
	FC(padding), F("cells", "leading", V_FACTOR, cells.leading), FC(rule), FC(frame),
	{NULL, NULL, V_LEN, 0},
};
#undef FC
#undef F

#define T(e, a, k, m) {e, a, k, offsetof(TplTable, m)}
#define TC(m) T("cells", #m, V_LEN, cells.m)
static const Slot table_slots[] = {
	T("page", "orientation", V_ORIENT, landscape),
	T("title", "font", V_FONT, title.role), T("title", "size", V_SIZE, title.size),
	T("head", "font", V_FONT, head.role), T("head", "size", V_SIZE, head.size),
	T("cell", "font", V_FONT, cell.role), T("cell", "size", V_SIZE, cell.size),
	T("cell", "min-height", V_LEN, row_min), T("cell", "fill-chars", V_CHARS, fill_chars),
	T("cell", "fill-fair", V_BOOL, fill_fair), T("cell", "write-lines", V_COUNT, write_lines),
	T("cell", "write-line", V_LEN, write_line),
	T("sign", "show", V_BOOL, sign_show), T("sign", "unit", V_TEXT, sign_unit),
	T("sign", "reviewer", V_TEXT, sign_reviewer), T("sign", "date", V_TEXT, sign_date),
	TC(padding), T("cells", "leading", V_FACTOR, cells.leading), TC(rule), TC(frame),
	T("columns", "number", V_TEXT, col_no), T("columns", "item", V_TEXT, col_item),
	T("columns", "standard", V_TEXT, col_standard),
	T("columns", "points", V_TEXT, col_points), T("columns", "self", V_TEXT, col_self),
	T("columns", "review", V_TEXT, col_review), T("total", "label", V_TEXT, total),
	T("bands", "font", V_FONT, bands.role), T("bands", "size", V_SIZE, bands.size),
	T("bands", "lead", V_TEXT, bands_lead),
	{NULL, NULL, V_LEN, 0},
};
#undef TC
#undef T

/* ---- findings ------------------------------------------------------------- */

/* What one file's load said, kept with the cache entry and given again
 * to every plan that uses the file. */
typedef struct {
	Diags d;
	const char *file;
	size_t n; /* findings so far, capped at MAX_FINDINGS_PER_FILE */
	const char *src; /* the text being read, while it is (for positions) */
	size_t src_len;
} Errs;

/* rule and fmt: a MSG_TEMPLATE_ name of messages.h. */
static void err_add(Errs *e, const char *file, int line, int col, RuleId rule,
                    const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
static void err_add(Errs *e, const char *file, int line, int col, RuleId rule,
                    const char *fmt, ...)
{
	if (e->n++ >= MAX_FINDINGS_PER_FILE)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	Pos pos = {line > 0 ? line : 1, col > 0 ? col : 1};
	/* libxml2 may report one bad attribute on several paths. */
	for (size_t i = 0; i < e->d.n; i++)
		if (e->d.v[i].pos.line == pos.line && e->d.v[i].pos.col == pos.col &&
		    !strcmp(e->d.v[i].message, msg) && !strcmp(e->d.v[i].file, file)) {
			free(msg);
			return;
		}
	diag_add(&e->d, file, pos, rule, "%s", msg);
	free(msg);
}

/* libxml2's message, one line, without its trailing newline. */
static char *xml_message(XErr *x)
{
	char *m = xstrdup(x->message ? x->message : "unknown error");
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	for (char *s = m; *s; s++)
		if (*s == '\n')
			*s = ' ';
	return m;
}

typedef struct {
	Errs *errs;
	const char *file;  /* the file being read, for errors without one */
	bool schema;       /* reading template.rng itself */
	bool validating;   /* checking a template against it */
} XmlCtx;

static bool explain_value(XmlCtx *c, const char *file, xmlNode *n);
static Pos pos_of(const Errs *e, xmlNode *n, const char *attr);

static void on_xml_error(void *data, XErr *x)
{
	XmlCtx *c = data;
	if (!x || x->level == XML_ERR_WARNING)
		return;
	const char *file = x->file ? x->file : c->file;
	/* An attribute with a value of the wrong form: say which value, and
	 * what it may be, rather than the schema's English. */
	if (c->validating && x->node && explain_value(c, file, x->node))
		return;
	char *m = xml_message(x);
	if (c->schema)
		err_add(c->errs, file, x->line, x->int2, MSG_TEMPLATE_SCHEMA_FILE_AT, m);
	else if (c->validating && x->node) {
		/* At the element, or at the attribute the schema does not
		 * allow (libxml2 names it first). */
		const char *attr = x->code == XML_RELAXNG_ERR_INVALIDATTR ? x->str1 : NULL;
		Pos at = pos_of(c->errs, x->node, attr);
		err_add(c->errs, file, at.line, at.col, MSG_TEMPLATE_SCHEMA, m);
	} else if (c->validating)
		err_add(c->errs, file, x->line, 0, MSG_TEMPLATE_SCHEMA, m);
	else
		err_add(c->errs, file, x->line, x->int2, MSG_TEMPLATE_XML, m);
	free(m);
}

/* ---- reading a validated file ----------------------------------------------- */

static const Slot *slots_for(TplKind kind, void **base, Template *t)
{
	switch (kind) {
	case TPL_NOTICE: *base = &t->notice; return notice_slots;
	case TPL_FORM: *base = &t->form; return form_slots;
	default: *base = &t->table; return table_slots;
	}
}

static int line_of(xmlNode *n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < INT_MAX ? (int)l : 1;
}

/* Where element n, or its attribute attr (NULL: the element), was
 * written: its start tag's '<' or the attribute's name, found in the
 * text (xmlpos.h); else the line libxml2 kept, column 1. */
static Pos pos_of(const Errs *e, xmlNode *n, const char *attr)
{
	Pos p = {line_of(n), 1};
	/* Past the findings kept, no position is wanted: no scan (a file of
	 * many broken elements costs no more than one of 20). */
	if (!e->src || n->type != XML_ELEMENT_NODE || e->n >= MAX_FINDINGS_PER_FILE)
		return p;
	size_t k = xmlpos_index(n);
	if ((attr && xmlpos_find(e->src, e->src_len, k, attr, &p.line, &p.col)) ||
	    xmlpos_find(e->src, e->src_len, k, NULL, &p.line, &p.col))
		return p;
	return (Pos){line_of(n), 1};
}

/* The least and greatest value of each numeric kind, as template.rng
 * says (a length: what a PDF page may be, 14,400 pt; a size at least
 * 1 pt, so that no grid pitch is so fine that a count of lines overflows
 * an int).  An office's own
 * schema may let more through; the numbers the layout gets stay these,
 * so that no count overflows an int and no page is wider than a PDF. */
static const struct {
	double lo, hi;
	const char *say; /* for the finding */
} ranges[] = {
	[V_LEN] = {0, MM(5000), "0–5000mm"},
	[V_SIZE] = {1, 200, "1–200pt"},
	[V_FRACTION] = {0, 1, "0–1"},
	[V_FACTOR] = {0.5, 5, "0.5–5"},
	[V_CHARS] = {1, 40, "1–40"},
	[V_COUNT] = {1, 200, "1–200"},
};

typedef enum { VAL_OK, VAL_FORM, VAL_RANGE } ValResult;

/* One attribute into its slot.  The schema has checked the form of every
 * value already (unless an office's schema is laxer); what fails here is
 * what a pattern cannot say, and a number out of its kind's range. */
static ValResult set_value(const Slot *s, void *base, const char *v)
{
	char *p = (char *)base + s->off;
	double x = 0;
	size_t n = 0;
	switch (s->kind) {
	case V_LEN:
	case V_SIZE:
		if (s->kind == V_LEN ? !parse_length(v, &x) : !parse_size(v, &x))
			return VAL_FORM;
		if (x < ranges[s->kind].lo || x > ranges[s->kind].hi + 1e-9)
			return VAL_RANGE;
		*(double *)p = x;
		return VAL_OK;
	case V_FRACTION:
	case V_FACTOR:
	case V_CHARS:
	case V_COUNT:
		n = read_decimal(v, &x);
		if (!n || v[n])
			return VAL_FORM;
		if (x < ranges[s->kind].lo || x > ranges[s->kind].hi)
			return VAL_RANGE;
		if (s->kind != V_COUNT) {
			*(double *)p = x;
			return VAL_OK;
		}
		if (x != (int)x) /* in range, so the cast is defined */
			return VAL_FORM;
		*(int *)p = (int)x;
		return VAL_OK;
	case V_BOOL:
		if (strcmp(v, "true") && strcmp(v, "false"))
			return VAL_FORM;
		*(bool *)p = !strcmp(v, "true");
		return VAL_OK;
	case V_ORIENT:
		if (strcmp(v, "landscape") && strcmp(v, "portrait"))
			return VAL_FORM;
		*(bool *)p = !strcmp(v, "landscape");
		return VAL_OK;
	case V_FONT:
		return parse_font(v, (FontRole *)p) ? VAL_OK : VAL_FORM;
	case V_TEXT:
		if (strlen(v) >= TPL_TEXT)
			return VAL_FORM;
		strcpy(p, v);
		return VAL_OK;
	}
	return VAL_FORM;
}

/* What a value of each kind may be, for the user. */
static const char *const allowed[] = {
	[V_LEN] = "带单位（mm或pt）的长度，如37mm、0.5pt",
	[V_SIZE] = "字号，如16pt、3号、小4号（1–200pt）",
	[V_FONT] = "字体：小标宋、仿宋、黑体、楷体、宋体，或title、body、h1、h2、h3、h4",
	[V_BOOL] = "true或false",
	[V_FRACTION] = "0到1之间的数字，如0.8",
	[V_FACTOR] = "0.5到5之间的数字，如1.5",
	[V_CHARS] = "1到40之间的数字，如6",
	[V_COUNT] = "1到200之间的整数，如22",
	[V_TEXT] = "不超过32个字的文字",
	[V_ORIENT] = "landscape或portrait",
};

/* Attribute a of element n into slot s; false, with a finding at n's
 * line, when its value cannot be used or is out of range. */
static bool read_attr(const Slot *s, void *base, xmlNode *n, xmlAttr *a, Errs *e,
                      const char *file)
{
	xmlChar *x = xmlNodeListGetString(n->doc, a->children, 1);
	const char *v = x ? (const char *)x : "";
	const char *en = (const char *)n->name, *an = (const char *)a->name;
	ValResult r = set_value(s, base, v);
	Pos at = pos_of(e, n, an);
	if (r == VAL_RANGE)
		err_add(e, file, at.line, at.col, MSG_TEMPLATE_RANGE, en, an, v,
		        ranges[s->kind].say);
	else if (r == VAL_FORM)
		err_add(e, file, at.line, at.col, MSG_TEMPLATE_VALUE, en, an, v,
		        allowed[s->kind]);
	xmlFree(x);
	return r == VAL_OK;
}

/* The slot of attribute attr of element elem, in any kind of template. */
static const Slot *find_slot(const char *elem, const char *attr, Template *scratch, void **base)
{
	static const TplKind kinds[] = {TPL_NOTICE, TPL_FORM, TPL_LEDGER};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const Slot *s = slots_for(kinds[k], base, scratch);
		for (; s->elem; s++)
			if (!strcmp(s->elem, elem) && !strcmp(s->attr, attr))
				return s;
	}
	return NULL;
}

static bool explain_value(XmlCtx *c, const char *file, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	const char *en = (const char *)n->name;
	for (xmlAttr *a = n->properties; a; a = a->next) {
		Template scratch;
		void *base;
		const Slot *s = find_slot(en, (const char *)a->name, &scratch, &base);
		if (!s)
			continue;
		if (!read_attr(s, base, n, a, c->errs, file))
			return true;
	}
	return false;
}

static void read_values(Template *t, xmlNode *root, Errs *e, const char *file)
{
	void *base;
	const Slot *slots = slots_for(t->kind, &base, t);
	const char *seen[32];
	size_t nseen = 0;
	for (xmlNode *n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *en = (const char *)n->name;
		/* The schema allows the elements in any order, so it cannot say
		 * "at most once"; a second <rows> would silently win. */
		bool dup = false;
		for (size_t i = 0; i < nseen; i++)
			dup |= !strcmp(seen[i], en);
		if (dup) {
			Pos at = pos_of(e, n, NULL);
			err_add(e, file, at.line, at.col, MSG_TEMPLATE_DUPLICATE, en);
		}
		else if (nseen < 32)
			seen[nseen++] = en;
		for (xmlAttr *a = n->properties; a; a = a->next) {
			const char *an = (const char *)a->name;
			const Slot *s = slots;
			while (s->elem && (strcmp(s->elem, en) || strcmp(s->attr, an)))
				s++;
			if (!s->elem)
				continue; /* the schema allowed it; nothing reads it */
			read_attr(s, base, n, a, e, file);
		}
	}
}

/* Where root's child element name has its attribute attr (NULL: the
 * element; where the numbers that clash were written); the element when
 * it leaves attr out, root when the file leaves the element out. */
static Pos elem_pos(const Errs *e, xmlNode *root, const char *name, const char *attr)
{
	for (xmlNode *n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name))
			return pos_of(e, n, attr && xmlHasProp(n, (const xmlChar *)attr) ? attr : NULL);
	return pos_of(e, root, NULL);
}

/* Every element the page's numbers place lies on the paper (the 版头
 * inside the 版心): geometry.c says which, at the attribute to change.
 * letter.xml is the page of a 信函 (template_letter), and only that;
 * any other page template (notice.xml) that of the other formats, which
 * draw no letter rules and measure the 标志 from the 版心 (head.c). */
static void check_places(const Geometry *g, xmlNode *root, Errs *e, const char *file)
{
	GeoFault f[GEO_FAULTS_MAX];
	const char *base = strrchr(file, '/');
	int n = geometry_faults(g, !strcmp(base ? base + 1 : file, "letter.xml"), f);
	for (int i = 0; i < n; i++) {
		Pos at = elem_pos(e, root, f[i].elem, f[i].attr);
		/* The largest value rounded down to what the message shows. */
		double most = f[i].most / MM(1) - 0.05;
		if (f[i].least)
			err_add(e, file, at.line, at.col, MSG_TEMPLATE_TOO_CLOSE, f[i].elem, f[i].attr,
			        f[i].value / MM(1), f[i].what, f[i].bound, f[i].attr,
			        f[i].most / MM(1) + 0.05);
		else if (f[i].most >= 0)
			err_add(e, file, at.line, at.col, MSG_TEMPLATE_OFF_PAGE, f[i].elem, f[i].attr,
			        f[i].value / MM(1), f[i].what, f[i].bound, f[i].attr,
			        most > 0 ? most : 0);
		else
			err_add(e, file, at.line, at.col, MSG_TEMPLATE_OFF_PAGE_ANY, f[i].elem, f[i].attr,
			        f[i].value / MM(1), f[i].what, f[i].bound, f[i].attr);
	}
}

/* What the schema cannot check: numbers that only make sense together. */
static void check_values(const Template *t, xmlNode *root, Errs *e, const char *file)
{
#define NEED(cond, elem, ...) \
	do { \
		if (!(cond)) { \
			Pos at_ = elem_pos(e, root, elem, NULL); \
			err_add(e, file, at_.line, at_.col, __VA_ARGS__); \
		} \
	} while (0)
	if (t->kind == TPL_NOTICE) {
		const Geometry *g = &t->notice;
		/* A PDF page is at least 3 pt a side (libharu refuses less). */
		NEED(g->page_w >= MM(10) && g->page_h >= MM(10), "page", MSG_TEMPLATE_PAGE_SMALL,
		     g->page_w / MM(1), g->page_h / MM(1));
		NEED(g->margin_left + g->body_w <= g->page_w + 0.01, "body",
		     MSG_TEMPLATE_BODY_WIDTH,
		     g->margin_left / MM(1), g->body_w / MM(1), g->page_w / MM(1));
		NEED(g->margin_top + g->body_h <= g->page_h + 0.01, "body",
		     MSG_TEMPLATE_BODY_HEIGHT,
		     g->margin_top / MM(1), g->body_h / MM(1), g->page_h / MM(1));
		NEED(g->lines >= 2 &&
		         (g->body_h - g->size_body) / (g->lines - 1) >= g->size_body,
		     "body", MSG_TEMPLATE_BODY_LINES, g->lines, g->size_body);
		NEED(g->body_w / g->chars >= g->size_body * 0.8, "body",
		     MSG_TEMPLATE_BODY_CHARS, g->chars, g->size_body);
		NEED(g->em_ascent > 0 && g->em_ascent < 1, "sizes", MSG_TEMPLATE_EM_ASCENT);
		NEED(g->header_scale_min > 0.05 && g->header_scale_min <= 1, "header",
		     MSG_TEMPLATE_HEADER_SCALE);
		NEED(g->header_size_min <= g->header_size_max && g->header_char_w > 0, "header",
		     MSG_TEMPLATE_HEADER_SIZES);
		if (e->n == 0)
			check_places(g, root, e, file);
	} else if (t->kind == TPL_FORM) {
		const TplForm *f = &t->form;
		NEED(f->line_min <= f->line, "rows", MSG_TEMPLATE_ROWS_MIN_LINE);
		NEED(f->label_min <= f->label_max, "label", MSG_TEMPLATE_LABEL_CHARS);
		NEED(f->row >= f->value.size && f->row >= f->label.size, "rows",
		     MSG_TEMPLATE_ROWS_HEIGHT);
		NEED(f->line_min >= f->value.size * 0.8, "rows",
		     MSG_TEMPLATE_ROWS_MIN_LINE_SIZE);
		NEED(f->cells.leading >= 1, "cells", MSG_TEMPLATE_CELLS_LEADING);
	} else {
		const TplTable *tb = &t->table;
		NEED(tb->cells.leading >= 1, "cells", MSG_TEMPLATE_CELLS_LEADING);
		NEED(tb->row_min >= tb->cell.size, "cell",
		     MSG_TEMPLATE_CELL_HEIGHT);
	}
#undef NEED
}

/* ---- the cache ------------------------------------------------------------------- */

typedef struct Entry {
	struct Entry *next;
	char *key;          /* the file's real path */
	char *path;         /* as found, for findings and Template.path */
	bool schema;        /* a template.rng rather than a template */
	xmlRelaxNGPtr rng;  /* schema: the compiled schema, or NULL */
	Template *t;        /* template: NULL when broken */
	Errs errs;
} Entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Entry *cache;
static Template builtins[4];
static bool initialised;

static void cache_free(void)
{
	pthread_mutex_lock(&lock);
	for (Entry *e = cache, *next; e; e = next) {
		next = e->next;
		if (e->rng)
			xmlRelaxNGFree(e->rng);
		free(e->t);
		free(e->key);
		free(e->path);
		diag_free(&e->errs.d);
		free(e);
	}
	cache = NULL;
	pthread_mutex_unlock(&lock);
}

void template_cache_clear(void)
{
	cache_free();
}

/* Under the lock. */
static Template letter_builtin; /* when no letter.xml is found */

static void init_once(void)
{
	if (initialised)
		return;
	initialised = true;
	xmlsafe_init();
	for (int k = 0; k < 4; k++)
		set_default(&builtins[k], (TplKind)k);
	set_default(&letter_builtin, TPL_NOTICE);
	letter_builtin.notice = geometry_letter();
	atexit(cache_free);
}

const Template *template_builtin(TplKind kind)
{
	pthread_mutex_lock(&lock);
	init_once();
	pthread_mutex_unlock(&lock);
	return &builtins[kind];
}

static Entry *find_entry(const char *key, bool schema)
{
	for (Entry *e = cache; e; e = e->next)
		if (e->schema == schema && !strcmp(e->key, key))
			return e;
	return NULL;
}

static Entry *new_entry(const char *key, const char *path, bool schema)
{
	Entry *e = xcalloc(1, sizeof *e);
	e->key = xstrdup(key);
	e->path = xstrdup(path);
	e->schema = schema;
	e->next = cache;
	cache = e;
	return e;
}

/* The cache key of an open file: the file itself, however reached. */
static char *file_key(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return NULL;
	return xasprintf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

/* Read the open fd (closed here), or add why not to e. */
static char *read_or_say(Errs *e, const char *path, int fd, size_t *len)
{
	char *buf = read_fd(fd, MAX_TEMPLATE_BYTES, len);
	if (!buf)
		err_add(e, path, 1, 1, MSG_TEMPLATE_UNREADABLE);
	return buf;
}

/* paths_open's failure as a finding at path. */
static void open_failed(Errs *e, const char *path, int err)
{
	if (err == ESYMLINK)
		err_add(e, path, 1, 1, MSG_TEMPLATE_SYMLINK);
	else if (err == ENOTREG)
		err_add(e, path, 1, 1, MSG_TEMPLATE_NOT_REGULAR);
	else
		err_add(e, path, 1, 1, MSG_TEMPLATE_UNREADABLE);
}

/* Parse a template or the schema from memory (xmlsafe_read), its
 * libxml2 messages and a DOCTYPE as findings of c. */
static xmlDocPtr parse_safe(XmlCtx *c, const char *buf, size_t len)
{
	xmlSetStructuredErrorFunc(c, on_xml_error);
	int doctype = 0;
	xmlDocPtr doc = xmlsafe_read(buf, len, c->file, XML_PARSE_NOCDATA, &doctype);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doctype)
		err_add(c->errs, c->file, doctype, 1, MSG_TEMPLATE_DOCTYPE);
	return doc;
}

/* A RELAX NG element that would read another file: include, externalRef. */
static bool refers_out(Errs *e, const char *path, xmlNode *n)
{
	bool found = false;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *en = (const char *)n->name;
		if (!strcmp(en, "include") || !strcmp(en, "externalRef")) {
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			Pos at = pos_of(e, n, NULL);
			err_add(e, path, at.line, at.col, MSG_TEMPLATE_SCHEMA_EXTERNAL, en,
			        href ? (const char *)href : "");
			xmlFree(href);
			found = true;
		}
		if (refers_out(e, path, n->children))
			found = true;
	}
	return found;
}

/* Compile the schema in buf into e (or e's findings). */
static void compile_schema(Entry *e, const char *buf, size_t len)
{
	XmlCtx c = {&e->errs, e->path, true, false};
	xmlDocPtr doc = parse_safe(&c, buf, len);
	e->errs.src = buf;
	e->errs.src_len = len;
	bool out = !doc || refers_out(&e->errs, e->path, xmlDocGetRootElement(doc));
	e->errs.src = NULL;
	if (out) {
		xmlFreeDoc(doc);
		return;
	}
	xmlSetStructuredErrorFunc(&c, on_xml_error);
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(doc);
	if (pc) {
		xmlRelaxNGSetParserStructuredErrors(pc, on_xml_error, &c);
		e->rng = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
}

/* The compiled schema for plan's templates, or an entry with its errors;
 * NULL when there is no template.rng anywhere. */
static Entry *schema_for(const char *plan)
{
	char *path;
	int fd = paths_open("templates", "template.rng", plan, &path);
	if (fd < 0 && !path)
		return NULL;
	char *key = fd >= 0 ? file_key(fd) : NULL;
	if (!key)
		key = xstrdup(path);
	Entry *e = find_entry(key, true);
	if (e) {
		if (fd >= 0)
			close(fd);
	} else {
		e = new_entry(key, path, true);
		size_t len;
		char *buf = NULL;
		if (fd < 0)
			open_failed(&e->errs, path, errno);
		else if ((buf = read_fd(fd, MAX_TEMPLATE_BYTES, &len)) != NULL)
			compile_schema(e, buf, len);
		free(buf);
		if (!e->rng && e->errs.n == 0)
			err_add(&e->errs, path, 1, 1, MSG_TEMPLATE_SCHEMA_UNREADABLE);
	}
	free(key);
	free(path);
	return e;
}

static void load_doc(Entry *e, xmlDocPtr doc, XmlCtx *cp, Entry *se);

/* Load the template open at fd (closed here) into e. */
static void load(Entry *e, int fd, const char *plan)
{
	const char *path = e->path;
	size_t len;
	char *buf = read_or_say(&e->errs, path, fd, &len);
	if (!buf)
		return;
	Entry *se = schema_for(plan);
	if (!se) {
		free(buf);
		err_add(&e->errs, path, 1, 1,
		        MSG_TEMPLATE_SCHEMA_MISSING);
		return;
	}
	if (!se->rng) {
		free(buf);
		/* The schema's own findings, then why this template is refused. */
		for (size_t i = 0; i < se->errs.d.n; i++) {
			const Finding *f = &se->errs.d.v[i];
			diag_copy(&e->errs.d, f);
		}
		err_add(&e->errs, path, 1, 1, MSG_TEMPLATE_SCHEMA_FILE);
		return;
	}
	XmlCtx c = {&e->errs, path, false, false};
	xmlDocPtr doc = parse_safe(&c, buf, len);
	e->errs.src = buf; /* for positions, until it is freed below */
	e->errs.src_len = len;
	load_doc(e, doc, &c, se);
	e->errs.src = NULL;
	free(buf);
}

/* The rest of load: validate doc (freed here) and read its values. */
static void load_doc(Entry *e, xmlDocPtr doc, XmlCtx *cp, Entry *se)
{
	const char *path = e->path;
	XmlCtx c = *cp;
	if (!doc) {
		if (e->errs.n == 0)
			err_add(&e->errs, path, 1, 1, MSG_TEMPLATE_PARSE);
		return;
	}
	c.validating = true;
	xmlSetStructuredErrorFunc(&c, on_xml_error);
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(se->rng);
	int rc = -1;
	if (vc) {
		xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, &c);
		rc = xmlRelaxNGValidateDoc(vc, doc);
		xmlRelaxNGFreeValidCtxt(vc);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (rc != 0) {
		if (e->errs.n == 0)
			err_add(&e->errs, path, 1, 1, MSG_TEMPLATE_INVALID);
		xmlFreeDoc(doc);
		return;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	TplKind kind = TPL_NOTICE;
	for (int k = 0; k < 4; k++)
		if (!strcmp((const char *)root->name, kind_names[k]))
			kind = (TplKind)k;
	Template *t = xmalloc(sizeof *t);
	set_default(t, kind);
	t->path = e->path;
	read_values(t, root, &e->errs, path);
	if (e->errs.n == 0)
		check_values(t, root, &e->errs, path);
	xmlFreeDoc(doc);
	if (e->errs.n == 0)
		e->t = t;
	else
		free(t);
}

/* Give a file's findings to d, once: two attachments that use the same
 * broken file report it once. */
static void replay(const Diags *from, Diags *d)
{
	for (size_t i = 0; i < from->n; i++) {
		const Finding *f = &from->v[i];
		bool seen = false;
		for (size_t k = 0; k < d->n && !seen; k++)
			seen = !strcmp(d->v[k].file, f->file) && d->v[k].pos.line == f->pos.line &&
			       d->v[k].pos.col == f->pos.col && !strcmp(d->v[k].message, f->message);
		if (!seen)
			diag_copy(d, f);
	}
}

bool template_name_ok(const char *name)
{
	if (!name || !*name || name[0] == '.' || strlen(name) > 200)
		return false;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		if (*s == '/' || *s == '\\' || *s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

const Template *template_get(TplKind kind, const char *name, const char *plan_path,
                             Pos at, Diags *d)
{
	if (name && !template_name_ok(name)) {
		diag_add(d, plan_path, at, MSG_TEMPLATE_NAME, name);
		return NULL;
	}
	const char *file = name ? name : default_files[kind];
	char *path;
	int fd = paths_open("templates", file, plan_path, &path);
	pthread_mutex_lock(&lock);
	init_once();
	if (!path) {
		pthread_mutex_unlock(&lock);
		if (!name)
			return &builtins[kind];
		diag_add(d, plan_path, at, MSG_TEMPLATE_NOT_FOUND, name);
		return NULL;
	}
	int err = errno;
	char *key = fd >= 0 ? file_key(fd) : NULL;
	if (!key)
		key = xstrdup(path);
	Entry *e = find_entry(key, false);
	if (e) {
		if (fd >= 0)
			close(fd);
	} else {
		e = new_entry(key, path, false);
		if (fd < 0)
			open_failed(&e->errs, path, err);
		else
			load(e, fd, plan_path);
	}
	free(key);
	free(path);
	replay(&e->errs.d, d);
	const Template *t = e->t;
	pthread_mutex_unlock(&lock);
	if (t && t->kind != kind) {
		diag_add(d, plan_path, at, MSG_TEMPLATE_KIND, file, t->path,
		         kind_names[t->kind], kind_names[kind]);
		return NULL;
	}
	return t;
}

const Template *template_notice(const char *plan_path, Diags *d)
{
	char *found = paths_find("templates", default_files[TPL_NOTICE], plan_path);
	if (!found)
		return NULL;
	free(found);
	return template_get(TPL_NOTICE, NULL, plan_path, (Pos){0, 0}, d);
}

const Template *template_letter(const char *plan_path, Diags *d)
{
	pthread_mutex_lock(&lock);
	init_once();
	pthread_mutex_unlock(&lock);
	char *found = paths_find("templates", "letter.xml", plan_path);
	if (!found)
		return &letter_builtin;
	free(found);
	return template_get(TPL_NOTICE, "letter.xml", plan_path, (Pos){0, 0}, d);
}

const Geometry *template_geometry(const char *plan_path, const Geometry *fallback, Diags *d)
{
	const Template *t = template_notice(plan_path, d);
	return t ? &t->notice : fallback;
}
