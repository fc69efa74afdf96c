/* Tests for template.c: the shipped templates say what the built-ins
 * say; broken files (not XML, against the schema, impossible numbers, of
 * the wrong kind) are findings at their file and line; names never leave
 * templates/; files are read once and cached. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "template.h"
#include "util.h"

static char root[] = "/tmp/fangan-template-XXXXXX";
static char *plan; /* root/plan.md: its templates/ is root/templates */

static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/templates/%s", root, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(root));
	char *t = xasprintf("%s/templates", root);
	assert_int_equal(mkdir(t, 0777), 0);
	free(t);
	plan = xasprintf("%s/plan.md", root);
	/* The schema comes from ./templates (the checkout), as for an
	 * office whose own templates/ holds only the files it changed. */
	assert_int_equal(access("templates/template.rng", R_OK), 0);
	unsetenv("FANGAN_DATADIR");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(plan);
	return 0;
}

static const Finding *only_finding(const Diags *d)
{
	if (d->n != 1)
		for (size_t i = 0; i < d->n; i++)
			fprintf(stderr, "  %s:%d:%d %s\n", d->v[i].file, d->v[i].pos.line,
			        d->v[i].pos.col, d->v[i].message);
	assert_int_equal(d->n, 1);
	assert_string_equal(d->v[0].rule, "template");
	assert_int_equal(d->v[0].severity, SEV_ERROR);
	return &d->v[0];
}

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/* templates/notice.xml is geometry_default(), number for number. */
static void shipped_notice(void **state)
{
	(void)state;
	Diags d = {0};
	const Template *t = template_get(TPL_NOTICE, NULL, "plans/x.md", (Pos){0, 0}, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(t);
	assert_non_null(t->path);
	Geometry a = t->notice, b = geometry_default();
	NEAR(a.page_w, b.page_w);
	NEAR(a.page_h, b.page_h);
	NEAR(a.margin_top, b.margin_top);
	NEAR(a.margin_left, b.margin_left);
	NEAR(a.body_w, b.body_w);
	NEAR(a.body_h, b.body_h);
	assert_int_equal(a.lines, b.lines);
	assert_int_equal(a.chars, b.chars);
	NEAR(a.size_body, b.size_body);
	NEAR(a.size_title, b.size_title);
	NEAR(a.size_small, b.size_small);
	NEAR(a.em_ascent, b.em_ascent);
	NEAR(a.header_top, b.header_top);
	NEAR(a.header_size_max, b.header_size_max);
	NEAR(a.red_c, b.red_c);
	NEAR(a.red_m, b.red_m);
	NEAR(a.red_y, b.red_y);
	NEAR(a.red_k, b.red_k);
	NEAR(a.red_line_gap, b.red_line_gap);
	NEAR(a.red_line_width, b.red_line_width);
	NEAR(a.record_thick, b.record_thick);
	NEAR(a.record_thin, b.record_thin);
	NEAR(a.pagenum_drop, b.pagenum_drop);
	assert_int_equal(a.record_on_even, b.record_on_even);
	/* Read once: the same object again. */
	assert_ptr_equal(template_get(TPL_NOTICE, NULL, "plans/x.md", (Pos){0, 0}, &d), t);
	diag_free(&d);
}

static void same_cells(const TplCells *a, const TplCells *b)
{
	NEAR(a->padding, b->padding);
	NEAR(a->leading, b->leading);
	NEAR(a->rule, b->rule);
	NEAR(a->frame, b->frame);
}

static void same_font(TplFont a, TplFont b)
{
	assert_int_equal(a.role, b.role);
	NEAR(a.size, b.size);
}

/* form.xml, ledger.xml, scoresheet.xml are the built-in values. */
static void shipped_tables(void **state)
{
	(void)state;
	Diags d = {0};
	const Template *f = template_get(TPL_FORM, NULL, "plans/x.md", (Pos){0, 0}, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(f);
	const TplForm *a = &f->form, *b = &template_builtin(TPL_FORM)->form;
	same_font(a->title, b->title);
	same_font(a->label, b->label);
	same_font(a->value, b->value);
	same_font(a->filler_font, b->filler_font);
	assert_int_equal(a->filler, b->filler);
	assert_string_equal(a->filler_unit, b->filler_unit);
	assert_string_equal(a->filler_date, b->filler_date);
	NEAR(a->label_min, b->label_min);
	NEAR(a->label_max, b->label_max);
	NEAR(a->row, b->row);
	NEAR(a->line, b->line);
	NEAR(a->line_min, b->line_min);
	assert_int_equal(a->sign_lines, b->sign_lines);
	assert_string_equal(a->seal, b->seal);
	assert_string_equal(a->date, b->date);
	same_cells(&a->cells, &b->cells);
	assert_int_equal(a->label.role, ROLE_H1); /* 黑体 */
	NEAR(a->title.size, 22);                 /* 2号 */

	for (TplKind k = TPL_LEDGER; k <= TPL_SCORESHEET; k++) {
		const Template *t = template_get(k, NULL, "plans/x.md", (Pos){0, 0}, &d);
		assert_int_equal(d.n, 0);
		assert_non_null(t);
		const TplTable *x = &t->table, *y = &template_builtin(k)->table;
		assert_int_equal(x->landscape, y->landscape);
		same_font(x->title, y->title);
		same_font(x->head, y->head);
		same_font(x->cell, y->cell);
		NEAR(x->row_min, y->row_min);
		NEAR(x->fill_chars, y->fill_chars);
		same_cells(&x->cells, &y->cells);
		if (k == TPL_SCORESHEET) {
			assert_string_equal(x->col_self, y->col_self);
			assert_string_equal(x->total, y->total);
			same_font(x->bands, y->bands);
			assert_string_equal(x->bands_lead, y->bands_lead);
		}
	}
	assert_true(template_builtin(TPL_LEDGER)->table.landscape);
	assert_false(template_builtin(TPL_SCORESHEET)->table.landscape);
	diag_free(&d);
}

/* Against the schema: a finding at the file and line, the wrong value
 * and what it may be, and no template. */
static void schema_error(void **state)
{
	(void)state;
	put("bad-schema.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                      "<form>\n"
	                      "  <title size=\"2号\"/>\n"
	                      "  <label font=\"Arial\" size=\"4号\"/>\n"
	                      "</form>\n");
	Diags d = {0};
	assert_null(template_get(TPL_FORM, "bad-schema.xml", plan, (Pos){30, 5}, &d));
	const Finding *f = only_finding(&d);
	char *want = xasprintf("%s/templates/bad-schema.xml", root);
	assert_string_equal(f->file, want);
	free(want);
	assert_int_equal(f->pos.line, 4);
	/* Which value is wrong, and what it may be. */
	assert_string_equal(f->message, "模板中<label font=\"Arial\">的值无法使用：应为字体：小标宋、"
	                                "仿宋、黑体、楷体、宋体，或title、body、h1、h2、h3、h4");
	/* Cached with its findings: a second plan hears it again, once. */
	Diags d2 = {0};
	assert_null(template_get(TPL_FORM, "bad-schema.xml", plan, (Pos){30, 5}, &d2));
	assert_null(template_get(TPL_FORM, "bad-schema.xml", plan, (Pos){31, 5}, &d2));
	assert_int_equal(d2.n, 1);
	assert_int_equal(d2.v[0].pos.line, 4);
	diag_free(&d);
	diag_free(&d2);
}

/* An element the schema does not know, an attribute it does not know. */
static void schema_unknown(void **state)
{
	(void)state;
	put("bad-unknown.xml", "<?xml version=\"1.0\"?>\n"
	                       "<ledger>\n"
	                       "  <page orientation=\"landscape\"/>\n"
	                       "  <cell font=\"仿宋\" colour=\"red\"/>\n"
	                       "  <shading/>\n"
	                       "</ledger>\n");
	Diags d = {0};
	assert_null(template_get(TPL_LEDGER, "bad-unknown.xml", plan, (Pos){1, 1}, &d));
	assert_true(d.n >= 1);
	bool colour = false;
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].rule, "template");
		if (d.v[i].pos.line == 4 && strstr(d.v[i].message, "colour"))
			colour = true;
	}
	assert_true(colour);
	diag_free(&d);
}

/* Not well-formed XML: the line and column of the parse error. */
static void not_xml(void **state)
{
	(void)state;
	put("bad-xml.xml", "<?xml version=\"1.0\"?>\n"
	                   "<form>\n"
	                   "  <label font=\"黑体\"\n"
	                   "</form>\n");
	Diags d = {0};
	assert_null(template_get(TPL_FORM, "bad-xml.xml", plan, (Pos){1, 1}, &d));
	assert_true(d.n >= 1);
	assert_int_equal(d.v[0].pos.line, 4);
	assert_true(d.v[0].pos.col >= 1);
	assert_non_null(strstr(d.v[0].message, "模板不是格式正确的XML"));
	diag_free(&d);
}

/* Numbers the schema accepts but that cannot work together. */
static void impossible(void **state)
{
	(void)state;
	put("bad-lines.xml", "<form>\n  <rows line=\"6mm\" min-line=\"8mm\"/>\n</form>\n");
	Diags d = {0};
	assert_null(template_get(TPL_FORM, "bad-lines.xml", plan, (Pos){1, 1}, &d));
	const Finding *f = only_finding(&d);
	assert_non_null(strstr(f->message, "min-line"));
	assert_int_equal(f->pos.line, 2); /* the <rows> that says it */
	diag_free(&d);
	put("bad-body.xml", "<notice>\n  <body left=\"40mm\" width=\"180mm\"/>\n</notice>\n");
	Diags d2 = {0};
	assert_null(template_get(TPL_NOTICE, "bad-body.xml", plan, (Pos){1, 1}, &d2));
	assert_non_null(strstr(only_finding(&d2)->message, "纸张宽度"));
	diag_free(&d2);
	put("bad-twice.xml", "<form>\n  <rows line=\"8mm\"/>\n  <rows line=\"9mm\"/>\n</form>\n");
	Diags d3 = {0};
	assert_null(template_get(TPL_FORM, "bad-twice.xml", plan, (Pos){1, 1}, &d3));
	assert_int_equal(only_finding(&d3)->pos.line, 3);
	diag_free(&d3);
}

/* A number beyond what the kind allows is a finding with the range,
 * whether the shipped schema catches it or an office's own schema lets
 * anything through (no count cast to int out of range, issue 16.6). */
static void out_of_range(void **state)
{
	(void)state;
	put("big-lines.xml", "<notice>\n  <body lines=\"300\"/>\n</notice>\n");
	Diags d = {0};
	assert_null(template_get(TPL_NOTICE, "big-lines.xml", plan, (Pos){1, 1}, &d));
	const Finding *f = only_finding(&d);
	assert_int_equal(f->pos.line, 2);
	assert_string_equal(f->message, "模板中<body lines=\"300\">的值超出范围（允许1–200）");
	diag_free(&d);
	/* A page smaller than a PDF page may be (libharu error 0x1054). */
	put("tiny.xml", "<notice>\n  <page width=\"1pt\" height=\"297mm\"/>\n"
	                "  <body top=\"0mm\" left=\"0mm\" width=\"1pt\" height=\"2pt\" lines=\"2\" "
	                "chars=\"1\"/>\n  <sizes body=\"1pt\"/>\n</notice>\n");
	Diags dt = {0};
	assert_null(template_get(TPL_NOTICE, "tiny.xml", plan, (Pos){1, 1}, &dt));
	f = only_finding(&dt);
	assert_int_equal(f->pos.line, 2);
	assert_string_equal(f->message, "模板中纸张（宽0.4mm，高297.0mm）太小：宽和高都应至少10mm");
	diag_free(&dt);

	char *dir = xasprintf("%s/lax/templates", root), *lax = xasprintf("%s/lax", root);
	assert_int_equal(mkdir(lax, 0777), 0);
	assert_int_equal(mkdir(dir, 0777), 0);
	char *rng = xasprintf("%s/template.rng", dir), *notice = xasprintf("%s/notice.xml", dir);
	FILE *fp = fopen(rng, "w");
	assert_non_null(fp);
	fputs("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n"
	      "<start><ref name=\"any\"/></start>\n"
	      "<define name=\"any\"><element><anyName/><zeroOrMore><choice>"
	      "<attribute><anyName/></attribute><text/><ref name=\"any\"/>"
	      "</choice></zeroOrMore></element></define>\n</grammar>\n", fp);
	fclose(fp);
	fp = fopen(notice, "w");
	assert_non_null(fp);
	fputs("<notice>\n"
	      "  <body lines=\"99999999999\" chars=\"0\"/>\n"
	      "  <page width=\"999999999999mm\"/>\n"
	      "  <red c=\"7\" line-gap=\"1e400mm\"/>\n"
	      "  <sizes body=\"201pt\" em-ascent=\"0.5\" title=\"0.00000000001pt\"/>\n"
	      "</notice>\n", fp);
	fclose(fp);
	char *plan2 = xasprintf("%s/plan.md", lax);
	Diags d2 = {0};
	assert_null(template_get(TPL_NOTICE, NULL, plan2, (Pos){0, 0}, &d2));
	static const struct {
		int line;
		const char *message;
	} want[] = {
		{2, "模板中<body lines=\"99999999999\">的值超出范围（允许1–200）"},
		{2, "模板中<body chars=\"0\">的值超出范围（允许1–200）"},
		{3, "模板中<page width=\"999999999999mm\">的值超出范围（允许0–5000mm）"},
		{4, "模板中<red c=\"7\">的值超出范围（允许0–1）"},
		{4, "模板中<red line-gap=\"1e400mm\">的值无法使用：应为带单位（mm或pt）的长度，如37mm、0.5pt"},
		{5, "模板中<sizes body=\"201pt\">的值超出范围（允许1–200pt）"},
		{5, "模板中<sizes title=\"0.00000000001pt\">的值超出范围（允许1–200pt）"},
	};
	size_t n = sizeof want / sizeof want[0];
	if (d2.n != n)
		for (size_t i = 0; i < d2.n; i++)
			fprintf(stderr, "  %d %s\n", d2.v[i].pos.line, d2.v[i].message);
	assert_int_equal(d2.n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(d2.v[i].file, notice);
		assert_int_equal(d2.v[i].pos.line, want[i].line);
		assert_string_equal(d2.v[i].message, want[i].message);
	}
	diag_free(&d2);
	free(plan2);
	free(rng);
	free(notice);
	free(dir);
	free(lax);
}

/* An office's variant: only what differs, 号 sizes and 公文 font names. */
static void variant(void **state)
{
	(void)state;
	put("mine.xml", "<form>\n"
	                "  <label font=\"仿宋\" size=\"小4号\"/>\n"
	                "  <value size=\"小四\"/>\n"
	                "  <filler show=\"true\"/>\n"
	                "  <rows line=\"8.5mm\"/>\n"
	                "</form>\n");
	Diags d = {0};
	const Template *t = template_get(TPL_FORM, "mine.xml", plan, (Pos){1, 1}, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(t);
	assert_int_equal(t->form.label.role, ROLE_BODY);
	NEAR(t->form.label.size, 12);
	NEAR(t->form.value.size, 12);
	assert_true(t->form.filler);
	NEAR(t->form.line, MM(8.5));
	NEAR(t->form.row, MM(12)); /* left out: the built-in */
	assert_int_equal(t->form.value.role, ROLE_BODY);
	diag_free(&d);
}

/* A name is a plain file name in templates/. */
static void names(void **state)
{
	(void)state;
	assert_true(template_name_ok("form.xml"));
	assert_true(template_name_ok("信函.xml"));
	assert_false(template_name_ok(""));
	assert_false(template_name_ok("../form.xml"));
	assert_false(template_name_ok("sub/form.xml"));
	assert_false(template_name_ok("/etc/passwd"));
	assert_false(template_name_ok(".."));
	assert_false(template_name_ok(".hidden.xml"));
	assert_false(template_name_ok("a\\b.xml"));
	assert_false(template_name_ok("a\nb.xml"));
	Diags d = {0};
	assert_null(template_get(TPL_FORM, "../templates/form.xml", plan, (Pos){12, 15}, &d));
	const Finding *f = only_finding(&d);
	assert_string_equal(f->file, plan);
	assert_int_equal(f->pos.line, 12);
	assert_int_equal(f->pos.col, 15);
	diag_free(&d);
	Diags d2 = {0};
	assert_null(template_get(TPL_FORM, "nosuch.xml", plan, (Pos){12, 15}, &d2));
	assert_non_null(strstr(only_finding(&d2)->message, "找不到模板“nosuch.xml”"));
	diag_free(&d2);
}

/* A ledger template named for a form. */
static void wrong_kind(void **state)
{
	(void)state;
	put("a-ledger.xml", "<ledger/>\n");
	Diags d = {0};
	assert_null(template_get(TPL_FORM, "a-ledger.xml", plan, (Pos){7, 3}, &d));
	const Finding *f = only_finding(&d);
	assert_int_equal(f->pos.line, 7);
	assert_non_null(strstr(f->message, "ledger"));
	assert_non_null(strstr(f->message, "form"));
	assert_non_null(template_get(TPL_LEDGER, "a-ledger.xml", plan, (Pos){7, 3}, &d));
	diag_free(&d);
}

/* notice.xml beside the plan is the geometry; none anywhere gives the
 * fallback. */
static void geometry(void **state)
{
	(void)state;
	Geometry fallback = geometry_default();
	Diags d = {0};
	char *other = xasprintf("%s/sub/plan.md", root);
	char *sub = xasprintf("%s/sub", root);
	char *old = getcwd(NULL, 0);
	assert_int_equal(mkdir(sub, 0777), 0);
	/* From a folder with no templates/ anywhere along the search. */
	assert_int_equal(chdir(sub), 0);
	setenv("FANGAN_DATADIR", sub, 1);
	assert_ptr_equal(template_geometry(other, &fallback, &d), &fallback);
	assert_ptr_equal(template_get(TPL_FORM, NULL, other, (Pos){0, 0}, &d),
	                 template_builtin(TPL_FORM));
	assert_int_equal(chdir(old), 0);
	unsetenv("FANGAN_DATADIR");
	put("notice.xml", "<notice>\n  <body left=\"30mm\" width=\"150mm\"/>\n"
	                  "  <record even-page=\"false\"/>\n</notice>\n");
	const Geometry *g = template_geometry(plan, &fallback, &d);
	assert_int_equal(d.n, 0);
	assert_ptr_not_equal(g, &fallback);
	NEAR(g->margin_left, MM(30));
	NEAR(g->body_w, MM(150));
	NEAR(g->margin_top, MM(37));
	assert_false(g->record_on_even);
	free(old);
	free(sub);
	free(other);
	diag_free(&d);
}

/* The findings of the notice-kind template text, as "LINE:COL MESSAGE"
 * lines, and whether it loaded. */
static char *places(const char *name, const char *text, bool *loaded)
{
	template_cache_clear(); /* letter.xml again, rewritten in place */
	put(name, text);
	Diags d = {0};
	*loaded = template_get(TPL_NOTICE, name, plan, (Pos){1, 1}, &d) != NULL;
	char *all = xstrdup("");
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].rule, "template");
		assert_int_equal(d.v[i].severity, SEV_ERROR);
		char *next = xasprintf("%s%d:%d %s\n", all, d.v[i].pos.line, d.v[i].pos.col,
		                       d.v[i].message);
		free(all);
		all = next;
	}
	diag_free(&d);
	return all;
}

#define PLACES(name, text, want) \
	do { \
		bool loaded; \
		char *got = places(name, text, &loaded); \
		assert_string_equal(got, want); \
		assert_true(loaded == (*(want) == '\0')); \
		free(got); \
	} while (0)

/* Values each within the schema's range that put an element of the page
 * off the paper (or the 版头 out of the 版心) are findings at the value
 * to change, with the largest that fits (issue 16). */
static void off_page(void **state)
{
	(void)state;
	/* The 标志 far below the page, in a file of several lines. */
	PLACES("far.xml",
	       "<?xml version=\"1.0\"?>\n<notice>\n  <page width=\"210mm\" height=\"297mm\"/>\n"
	       "  <header max-size=\"22mm\"\n          top=\"5000mm\"/>\n</notice>\n",
	       "5:11 模板中<header>的top为5000.0mm，发文机关标志、红色分隔线和标题会排到版心之外："
	       "请把top改为不超过145.9mm\n");
	/* The largest that fits is accepted; a 命令's 标志 likewise. */
	PLACES("edge.xml", "<notice>\n  <header top=\"145.9mm\"/>\n</notice>\n", "");
	PLACES("order.xml", "<notice>\n  <header order-top=\"250mm\"/>\n</notice>\n",
	       "2:11 模板中<header>的order-top为250.0mm，命令的标志、令号和正文会排到版心之外："
	       "请把order-top改为不超过145.1mm\n");
	/* The page number under a 版心 that nearly reaches the paper's edge;
	 * with none left, not even 0 fits (and the 版记's last rule hangs over
	 * the edge). */
	PLACES("drop.xml", "<notice>\n  <body top=\"67mm\"/>\n  <page-number drop=\"7mm\"/>\n</notice>\n",
	       "3:16 模板中<page-number>的drop为7.0mm，页码会排到纸张之外：请把drop改为不超过2.5mm\n");
	PLACES("zero.xml", "<notice>\n  <body top=\"72mm\"/>\n  <page-number drop=\"0mm\"/>\n</notice>\n",
	       "3:16 模板中<page-number>的drop为0.0mm，页码会排到纸张之外：即使把drop改为0也排不下，"
	       "请加大纸张或版心，或减小其他尺寸\n"
	       "1:1 模板中<record>的thick为0.3mm，版记的末条分隔线会排到纸张之外：请把thick改为不超过0.0mm\n");
	/* A 信函's page (letter.xml): the 170 mm double lines wider than
	 * the paper the margins leave them; the lower pair so high the 标志
	 * runs into it; the 标志 so low the title leaves the 版心 (one
	 * finding, at the top that fits both). */
	PLACES("letter.xml",
	       "<notice>\n  <page width=\"160mm\"/>\n  <body left=\"2mm\"/>\n"
	       "  <header top=\"30mm\" from-page=\"true\"/>\n  <letter rules=\"true\"/>\n</notice>\n",
	       "5:3 模板中<letter>的length为170.0mm，红色双线会排到纸张之外：请把length改为不超过159.9mm\n");
	PLACES("letter.xml",
	       "<notice>\n  <header top=\"30mm\" from-page=\"true\"/>\n"
	       "  <letter rules=\"true\"\n          bottom=\"290mm\"/>\n</notice>\n",
	       "4:11 模板中<letter>的bottom为290.0mm，发文机关标志和发文字号会压到下边的红色双线："
	       "请把bottom改为不超过227.4mm\n");
	PLACES("letter.xml",
	       "<notice>\n  <header top=\"250mm\" from-page=\"true\"/>\n  <letter rules=\"true\"/>\n</notice>\n",
	       "2:11 模板中<header>的top为250.0mm，发文机关标志、发文字号和标题会排到版心之外："
	       "请把top改为不超过197.3mm\n");
	/* … or, the lower pair raised, the 标志 under that. */
	PLACES("letter.xml",
	       "<notice>\n  <header top=\"180mm\" from-page=\"true\"/>\n"
	       "  <letter rules=\"true\" bottom=\"100mm\"/>\n</notice>\n",
	       "2:11 模板中<header>的top为180.0mm，发文机关标志和发文字号会压到下边的红色双线："
	       "请把top改为不超过157.4mm\n");
	/* A notice.xml's 标志 is measured from the 版心 whatever from-page
	 * says (only a 信函's is from the paper's edge). */
	PLACES("from-page.xml", "<notice>\n  <header top=\"200mm\" from-page=\"true\"/>\n</notice>\n",
	       "2:11 模板中<header>的top为200.0mm，发文机关标志、红色分隔线和标题会排到版心之外："
	       "请把top改为不超过145.9mm\n");
	/* 0 from the paper's top is on the paper. */
	PLACES("letter.xml",
	       "<notice>\n  <header top=\"0mm\" from-page=\"true\"/>\n  <letter rules=\"true\" bottom=\"0mm\"/>\n</notice>\n",
	       "");
}

/* A rule centred on its place reaching the text beside it: the red line
 * the 发文字号 or the title, a 版记 rule the 版记's text. */
static void rule_widths(void **state)
{
	(void)state;
	PLACES("wide.xml",
	       "<notice>\n  <page width=\"210mm\"/>\n  <red c=\"0\"\n       line-width=\"200mm\"/>\n"
	       "</notice>\n",
	       "4:8 模板中<red>的line-width为200.0mm，红色分隔线会压到发文字号或标题："
	       "请把line-width改为不超过8.0mm\n");
	PLACES("edge.xml", "<notice>\n  <red line-width=\"8mm\"/>\n</notice>\n", "");
	/* A line of the standard's width with no gap: the gap to change. */
	PLACES("gap.xml", "<notice>\n  <red line-gap=\"0mm\"/>\n</notice>\n",
	       "2:8 模板中<red>的line-gap为0.0mm，红色分隔线会压到发文字号：请把line-gap改为不少于0.3mm\n");
	PLACES("record.xml", "<notice>\n  <record thick=\"6mm\"\n    thin=\"5000mm\"/>\n</notice>\n",
	       "2:11 模板中<record>的thick为6.0mm，版记的首末两条分隔线会压到版记的文字："
	       "请把thick改为不超过5.5mm\n"
	       "3:5 模板中<record>的thin为5000.0mm，版记中间的分隔线会压到版记的文字："
	       "请把thin改为不超过5.5mm\n");
}

/* The form template head + body, named name, gives one finding, at
 * line:col, whose message has want in it. */
static void one_at(const char *name, const char *head, const char *body, int line, int col,
                   const char *want)
{
	char *text = xasprintf("%s%s</form>\n", head, body);
	put(name, text);
	free(text);
	Diags d = {0};
	assert_null(template_get(TPL_FORM, name, plan, (Pos){1, 1}, &d));
	const Finding *f = only_finding(&d);
	assert_int_equal(f->pos.line, line);
	assert_int_equal(f->pos.col, col);
	assert_non_null(strstr(f->message, want));
	diag_free(&d);
}

/* Each finding at the line and column (in characters) of the attribute
 * it is about, in a start tag over several lines, after a comment that
 * holds a tag and Chinese text; an element's at its '<'. */
static void positions(void **state)
{
	(void)state;
	const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<!-- <filler font=\"x\"> in a comment -->\n<form>\n";
	one_at("pos-value.xml", head,
	       "  <title font=\"小标宋\" size=\"2号\"/>\n"
	       "  <filler show=\"true\" unit=\"单位：\"\n          font=\"Arial\"/>\n",
	       6, 11, "模板中<filler font=\"Arial\">的值无法使用");
	/* An attribute the schema does not know, after Chinese text. */
	one_at("pos-attr.xml", head, "  <title font=\"小标宋\" colour=\"red\"/>\n", 4, 21, "colour");
	/* An element the schema does not expect; an element written twice;
	 * numbers that clash, at their element. */
	one_at("pos-elem.xml", head, "  <rows line=\"8mm\"/>\n    <shading/>\n", 5, 5, "shading");
	one_at("pos-twice.xml", head, "  <rows line=\"8mm\"/>\n  <title/> <rows line=\"9mm\"/>\n",
	       5, 12, "模板中元素<rows>出现了不止一次");
	one_at("pos-clash.xml", head, "\n  <rows line=\"6mm\" min-line=\"8mm\"/>\n", 5, 3,
	       "min-line");
}

/* A broken schema beside the plan: its own finding at its line, and the
 * templates it should check are refused. */
static void bad_schema(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/s2/templates", root);
	char *s2 = xasprintf("%s/s2", root);
	assert_int_equal(mkdir(s2, 0777), 0);
	assert_int_equal(mkdir(dir, 0777), 0);
	char *rng = xasprintf("%s/template.rng", dir), *form = xasprintf("%s/form.xml", dir);
	FILE *f = fopen(rng, "w");
	assert_non_null(f);
	fputs("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n"
	      "  <start><bogus/></start>\n</grammar>\n", f);
	fclose(f);
	f = fopen(form, "w");
	assert_non_null(f);
	fputs("<form/>\n", f);
	fclose(f);
	char *plan2 = xasprintf("%s/plan.md", s2);
	Diags d = {0};
	assert_null(template_get(TPL_FORM, NULL, plan2, (Pos){0, 0}, &d));
	bool at_schema = false;
	for (size_t i = 0; i < d.n; i++)
		if (!strcmp(d.v[i].file, rng) && d.v[i].pos.line == 2 &&
		    strstr(d.v[i].message, "模式文件template.rng有误"))
			at_schema = true;
	assert_true(at_schema);
	diag_free(&d);
	free(plan2);
	free(rng);
	free(form);
	free(dir);
	free(s2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_notice), cmocka_unit_test(shipped_tables),
		cmocka_unit_test(schema_error),   cmocka_unit_test(schema_unknown),
		cmocka_unit_test(not_xml),        cmocka_unit_test(impossible),
		cmocka_unit_test(variant),        cmocka_unit_test(names),
		cmocka_unit_test(wrong_kind),     cmocka_unit_test(geometry),
		cmocka_unit_test(bad_schema),     cmocka_unit_test(out_of_range),
		cmocka_unit_test(off_page),       cmocka_unit_test(positions),
		cmocka_unit_test(rule_widths),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
