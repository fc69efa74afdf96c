/* test_reader.c — the plan reader: front matter, body, positions, and the
 * rules the reader itself reports. */
#include "testutil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void test_front_matter_values(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\n"
	                    "title: 实施方案\n"
	                    "issuer: 中共某某市直属机关工作委员会\n"
	                    "date: 2020-03-01\n"
	                    "cc: [市委组织部, 市委宣传部]\n"
	                    "recipients: 各单位\n"
	                    "campaign: {start: 2020-03-01, end: 2020-12-31}\n"
	                    "---\n正文。\n", &d);
	assert_int_equal(d.n, 0);
	assert_true(p->has_front_matter);
	assert_string_equal(p->title.s, "实施方案");
	assert_int_equal(p->title.pos.line, 2);
	assert_int_equal(p->date.day, day_from_ymd(2020, 3, 1));
	assert_int_equal(p->cc.n, 2);
	assert_string_equal(p->cc.v[1].s, "市委宣传部");
	/* Columns count characters: "cc: [市委组织部, " is 12 characters. */
	assert_int_equal(p->cc.v[1].pos.col, 13);
	assert_int_equal(p->recipients.n, 1);
	assert_int_equal(p->campaign_end.day, day_from_ymd(2020, 12, 31));
	assert_int_equal(p->body_line, 9);
	plan_free(p);
	diag_free(&d);
}

static void test_implied_phase_dates(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\n"
	                    "campaign: {start: 2020-03-01, end: 2020-12-31}\n"
	                    "phases:\n"
	                    "  - name: 甲\n    end: 2020-03-10\n"
	                    "  - name: 乙\n    start: 2020-03-31\n"
	                    "  - name: 丙\n    start: 2020-12-01\n"
	                    "---\n", &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(p->nphases, 3);
	assert_true(p->phases[0].start.implied);
	assert_int_equal(p->phases[0].start.day, day_from_ymd(2020, 3, 1));
	assert_false(p->phases[0].end.implied);
	assert_true(p->phases[1].end.implied);
	assert_int_equal(p->phases[1].end.day, day_from_ymd(2020, 11, 30));
	assert_int_equal(p->phases[2].end.day, day_from_ymd(2020, 12, 31));
	plan_free(p);
	diag_free(&d);
}

static void test_yaml_syntax(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\nphases: [a, b\nissuer: x\n---\n", &d);
	assert_int_equal(count_rule(&d, "yaml-syntax"), 1);
	const Finding *f = nth_rule(&d, "yaml-syntax", 0);
	assert_int_equal(f->severity, SEV_ERROR);
	assert_int_equal(f->pos.line, 4);
	assert_non_null(strstr(f->message, "YAML语法错误"));
	plan_free(p);
	diag_free(&d);
}

static void test_front_matter_rule(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("# 没有前置元数据\n\n正文。\n", &d);
	assert_finding(&d, "front-matter", 0, SEV_ERROR, 1, 1,
	               "缺少前置元数据：计划文件应以“---”行开始，写明title等信息");
	plan_free(p);
	diag_free(&d);

	Diags d2 = {0};
	p = parse_str("---\n- a\n- b\n---\n", &d2);
	assert_finding(&d2, "front-matter", 0, SEV_ERROR, 2, 1,
	               "前置元数据应为“键: 值”的映射，而不是列表");
	plan_free(p);
	diag_free(&d2);

	Diags d3 = {0};
	p = parse_str("---\ntitle: t\n", &d3);
	assert_finding(&d3, "front-matter", 0, SEV_ERROR, 1, 1,
	               "前置元数据没有结束：缺少第二条“---”分隔线");
	plan_free(p);
	diag_free(&d3);
}

static void test_unknown_key(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\ndeadline:\n  - name: x\n    due: 2020-01-02\n"
	                    "phases:\n  - name: 甲\n    ned: 2020-01-01\n"
	                    "zzzzzz: 1\n---\n", &d);
	assert_int_equal(count_rule(&d, "unknown-key"), 3);
	assert_finding(&d, "unknown-key", 0, SEV_WARNING, 3, 1,
	               "未知的键“deadline”，是否指“deadlines”？");
	assert_finding(&d, "unknown-key", 1, SEV_WARNING, 8, 5,
	               "阶段中未知的键“ned”，是否指“end”？");
	assert_finding(&d, "unknown-key", 2, SEV_WARNING, 9, 1, "未知的键“zzzzzz”");
	plan_free(p);
	diag_free(&d);
}

static void test_type_mismatch(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: [a, b]\nphases: 动员\n"
	                    "criteria:\n  total: 一百\n---\n", &d);
	assert_int_equal(count_rule(&d, "type-mismatch"), 3);
	assert_finding(&d, "type-mismatch", 0, SEV_ERROR, 2, 1, "“title”应为文字，而不是列表");
	assert_finding(&d, "type-mismatch", 1, SEV_ERROR, 3, 1, "“phases”应为列表，而不是标量");
	assert_finding(&d, "type-mismatch", 2, SEV_ERROR, 5, 3, "“total”应为分值（整数或一位小数，如20、17.5），而不是“一百”");
	plan_free(p);
	diag_free(&d);
}

/* Point values: whole or one decimal, kept as tenths; 分 may follow. */
static void test_points_decimal(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\ncriteria:\n  total: 100\n  items:\n"
	                    "    - {name: a, points: 17.5}\n"
	                    "    - {name: b, points: 17.50}\n"
	                    "    - {name: c, points: 0.5}\n"
	                    "    - {name: d, points: .5}\n"
	                    "    - {name: e, points: 17.5分}\n"
	                    "    - {name: f, points: \"20\"}\n"
	                    "    - {name: g, points: -1}\n"
	                    "    - {name: h, points: 20.0}\n"
	                    "  ratings:\n    - {name: 优秀, min: 90.5, max: 100}\n---\n正文。\n",
	                    &d);
	assert_int_equal(d.n, 0);
	static const long want[] = {175, 175, 5, 5, 175, 200, -10, 200};
	assert_int_equal(p->criteria.nitems, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_true(p->criteria.items[i].points.set);
		assert_int_equal(p->criteria.items[i].points.tenths, want[i]);
	}
	assert_int_equal(p->criteria.total.tenths, 1000);
	assert_int_equal(p->criteria.ratings[0].min.tenths, 905);
	plan_free(p);
	diag_free(&d);

	p = parse_str("---\ntitle: t\ncriteria:\n  total: 100\n  items:\n"
	              "    - {name: a, points: 17.55}\n"
	              "    - {name: b, points: 1e3}\n"
	              "    - {name: c, points: 99999999999999999999}\n"
	              "    - {name: d, points: 17.5.0}\n"
	              "    - {name: e, points: -0.25}\n"
	              "    - {name: f, points: 1000000000.1}\n"
	              "    - {name: g, points: 1000000000}\n"
	              "---\n正文。\n", &d);
	assert_int_equal(count_rule(&d, "type-mismatch"), 6);
	assert_finding(&d, "type-mismatch", 0, SEV_ERROR, 6, 17,
	               "“points”的分值17.55超过一位小数：分值最多精确到0.1分，请改为17.5或17.6");
	assert_finding(&d, "type-mismatch", 1, SEV_ERROR, 7, 17,
	               "“points”应为分值（整数或一位小数，如20、17.5），而不是“1e3”");
	assert_finding(&d, "type-mismatch", 2, SEV_ERROR, 8, 17,
	               "“points”的分值99999999999999999999过大：分值应在-1000000000至1000000000之间");
	assert_finding(&d, "type-mismatch", 3, SEV_ERROR, 9, 17,
	               "“points”应为分值（整数或一位小数，如20、17.5），而不是“17.5.0”");
	assert_finding(&d, "type-mismatch", 4, SEV_ERROR, 10, 17,
	               "“points”的分值-0.25超过一位小数：分值最多精确到0.1分，请改为-0.3或-0.2");
	assert_finding(&d, "type-mismatch", 5, SEV_ERROR, 11, 17,
	               "“points”的分值1000000000.1过大：分值应在-1000000000至1000000000之间");
	for (size_t i = 0; i < 6; i++)
		assert_false(p->criteria.items[i].points.set);
	assert_int_equal(p->criteria.items[6].points.tenths, 10000000000L);
	plan_free(p);
	diag_free(&d);
}

/* score_parse and score_str on their own: the edges of the format. */
static void test_score_text(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		bool unit;
		ScoreErr err;
		long tenths;
	} cases[] = {
		{"17.5", false, SCORE_OK, 175},     {"17.50", false, SCORE_OK, 175},
		{"0.5", false, SCORE_OK, 5},        {".5", false, SCORE_OK, 5},
		{"17.", false, SCORE_OK, 170},      {"+3", false, SCORE_OK, 30},
		{"-0", false, SCORE_OK, 0},         {"17.5分", true, SCORE_OK, 175},
		{"17.5分", false, SCORE_NOT_NUMBER, 0}, {"分", true, SCORE_NOT_NUMBER, 0},
		{"", false, SCORE_NOT_NUMBER, 0},   {".", false, SCORE_NOT_NUMBER, 0},
		{"-", false, SCORE_NOT_NUMBER, 0},  {"1e3", false, SCORE_NOT_NUMBER, 0},
		{" 5", false, SCORE_NOT_NUMBER, 0}, {"5 ", false, SCORE_NOT_NUMBER, 0},
		{"17.55", false, SCORE_TOO_PRECISE, 175}, {"-17.55", false, SCORE_TOO_PRECISE, -175},
		{"17.500001", false, SCORE_TOO_PRECISE, 175},
		{"1000000000", false, SCORE_OK, 10000000000L},
		{"-1000000000", false, SCORE_OK, -10000000000L},
		{"1000000000.1", false, SCORE_TOO_LARGE, 0},
		{"99999999999999999999999999999999", false, SCORE_TOO_LARGE, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long t = 0;
		ScoreErr e = score_parse(cases[i].in, strlen(cases[i].in), cases[i].unit, &t);
		if (e != cases[i].err || (e != SCORE_TOO_LARGE && e != SCORE_NOT_NUMBER && t != cases[i].tenths))
			fail_msg("score_parse(\"%s\"): %d %ld", cases[i].in, (int)e, t);
	}
	char b[SCORE_STRLEN];
	assert_string_equal(score_str(b, 175), "17.5");
	assert_string_equal(score_str(b, 200), "20");
	assert_string_equal(score_str(b, 0), "0");
	assert_string_equal(score_str(b, -5), "-0.5");
	assert_string_equal(score_str(b, LLONG_MIN), "-922337203685477580.8");
	assert_string_equal(score_str(b, LLONG_MAX), "922337203685477580.7");
}

static void test_date_invalid(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\ndate: 2020-02-30\nprinted_on: 2020年3月2日\n---\n", &d);
	assert_int_equal(count_rule(&d, "date-invalid"), 2);
	assert_finding(&d, "date-invalid", 0, SEV_ERROR, 3, 1, "“date”的日期2020-02-30不存在");
	assert_finding(&d, "date-invalid", 1, SEV_ERROR, 4, 1,
	               "“printed_on”的值“2020年3月2日”不是日期：请写作YYYY-MM-DD，例如2020-03-01");
	assert_int_equal(p->date.day, DAY_NONE);
	plan_free(p);
	diag_free(&d);
}

static void test_body_blocks(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\n---\n\n"
	                    "## 一、指导思想\n\n"
	                    "**（一）动员部署阶段（2020年3月10日前）。**市直机关\n各单位。\n\n"
	                    "### 工作要求\n\n"
	                    "| 项目 | 分值 |\n|---|---|\n| 学习 | 20 |\n\n"
	                    "- 甲\n- 乙\n", &d);
	assert_int_equal(d.n, 0);
	const Block *b = p->body;
	assert_int_equal(b->nkids, 5);
	const Block *h = b->kids[0];
	assert_int_equal(h->type, BLK_HEADING);
	assert_int_equal(h->level, 1);
	assert_string_equal(h->number, "一、");
	assert_int_equal(h->number_value, 1);
	assert_string_equal(h->text.s, "指导思想");
	assert_int_equal(h->number_pos.line, 5);
	assert_int_equal(h->number_pos.col, 4);
	const Block *para = b->kids[1];
	assert_int_equal(para->type, BLK_PARAGRAPH);
	assert_string_equal(para->runin.s, "（一）动员部署阶段（2020年3月10日前）。");
	/* The soft break between Chinese lines joins without a space. */
	assert_string_equal(para->text.s, "市直机关各单位。");
	/* Positions inside text: 各 is on line 8, column 1. */
	size_t off = strlen("市直机关");
	Pos pos = plan_text_pos(p, &para->text, off);
	assert_int_equal(pos.line, 8);
	assert_int_equal(pos.col, 1);
	/* 2020 in the run-in head: after "**（一）动员部署阶段（" = 12 chars. */
	pos = plan_text_pos(p, &para->runin, strlen("（一）动员部署阶段（"));
	assert_int_equal(pos.line, 7);
	assert_int_equal(pos.col, 13);
	assert_int_equal(b->kids[2]->level, 2);
	assert_null(b->kids[2]->number);
	const Block *t = b->kids[3];
	assert_int_equal(t->type, BLK_TABLE);
	assert_int_equal(t->nkids, 2);
	assert_true(t->kids[0]->header);
	assert_string_equal(t->kids[1]->kids[1]->text.s, "20");
	const Block *l = b->kids[4];
	assert_int_equal(l->type, BLK_LIST);
	assert_int_equal(l->nkids, 2);
	assert_string_equal(l->kids[1]->kids[0]->text.s, "乙");
	plan_free(p);
	diag_free(&d);
}

static void test_positions_after_escapes(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\n---\n甲\\*乙&amp;丙20XX\n", &d);
	const Block *para = p->body->kids[0];
	assert_string_equal(para->text.s, "甲*乙&丙20XX");
	Pos pos = plan_text_pos(p, &para->text, strlen("甲*乙&丙"));
	assert_int_equal(pos.line, 4);
	/* 甲 \ * 乙 & a m p ; 丙 = 10 characters before 2. */
	assert_int_equal(pos.col, 11);
	plan_free(p);
	diag_free(&d);
}

static void test_attachments_and_fields(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\nattachments:\n"
	                    "  - id: app\n    type: form\n    title: 申报表\n    fields:\n"
	                    "      - 申报单位\n      - {name: 队长, width: half}\n"
	                    "      - {name: 举措, lines: 8}\n      - {name: 意见, sign: true}\n"
	                    "  - id: led\n    type: ledger\n    title: 台账\n"
	                    "    columns: [序号, 单位]\n    rows: units\n"
	                    "  - id: bad\n    type: poster\n    title: x\n"
	                    "---\n", &d);
	assert_int_equal(p->nattachments, 3);
	const Attachment *a = &p->attachments[0];
	assert_int_equal(a->type, ATT_FORM);
	assert_int_equal(a->nfields, 4);
	assert_int_equal(a->fields[1].width, WIDTH_HALF);
	assert_int_equal(a->fields[2].lines, 8);
	assert_true(a->fields[3].sign);
	assert_int_equal(p->attachments[1].rows_from, ROWS_UNITS);
	assert_int_equal(p->attachments[1].columns.n, 2);
	assert_finding(&d, "type-mismatch", 0, SEV_ERROR, 18, 5,
	               "附件类型应为form、ledger、scoresheet或text，而不是“poster”");
	plan_free(p);
	diag_free(&d);
}

/* The resolve pass: one set of heading numbers for checker and PDF
 * alike (a run-in （一） counts, so the unnumbered ### after it is
 * （二）), the 附件说明 marked, deadlines linked to their forms. */
static void test_resolve(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: t\n"
	                    "deadlines:\n"
	                    "  - {name: 报送, due: 2020-03-10, form: apply}\n"
	                    "  - {name: 报送二, due: 2020-03-11, form: nosuch}\n"
	                    "attachments:\n"
	                    "  - {id: apply, type: text, title: 申报表}\n"
	                    "---\n"
	                    "## 一、总体要求\n\n"
	                    "**（一）工作目标。**提升质量。\n\n"
	                    "### 基本原则\n\n"
	                    "**2.跳号。**正文。\n\n"
	                    "## 工作步骤\n\n"
	                    "**阶段。**正文。\n\n"
	                    "附件：申报表\n", &d);
	const Block *b = p->body;
	assert_int_equal(b->nkids, 7);
	const HeadRes *h = &b->kids[0]->head;
	assert_true(h->written && h->counted);
	assert_int_equal(h->level, 1);
	assert_string_equal(h->text, "一、");
	h = &b->kids[1]->head;
	assert_true(h->written && h->counted);
	assert_int_equal(h->level, 2);
	assert_string_equal(h->text, "（一）");
	h = &b->kids[2]->head;
	assert_false(h->written);
	assert_int_equal(h->level, 2);
	assert_int_equal(h->value, 2);
	assert_string_equal(h->text, "（二）");
	h = &b->kids[3]->head;
	assert_true(h->counted);
	assert_int_equal(h->level, 3);
	assert_int_equal(h->value, 2);
	assert_int_equal(h->expect, 1);
	assert_string_equal(h->text, "2.");
	assert_string_equal(h->prev, "");
	h = &b->kids[4]->head;
	assert_string_equal(h->text, "二、");
	h = &b->kids[5]->head;
	assert_false(h->counted);
	assert_int_equal(h->level, 2); /* unnumbered run-in: the level below */
	assert_false(b->kids[5]->attachment_note);
	assert_true(b->kids[6]->attachment_note);
	assert_int_equal(p->deadlines[0].form_att, 0);
	assert_int_equal(p->deadlines[1].form_att, -1);
	plan_free(p);
	diag_free(&d);
}

/* YAML mistakes clerks make: each one Chinese error at its own line and
 * column, and nothing else (no rule judges front matter that failed). */
static void yaml_mistake(const char *src, int line, int col, const char *rule,
                         const char *message)
{
	Diags d = {0};
	Plan *p = check_str(src, &d);
	if (d.n != 1 || d.v[0].pos.line != line || d.v[0].pos.col != col ||
	    strcmp(d.v[0].rule, rule) || strcmp(d.v[0].message, message)) {
		for (size_t i = 0; i < d.n; i++)
			print_message("%d:%d %s [%s]\n", d.v[i].pos.line, d.v[i].pos.col,
			              d.v[i].message, d.v[i].rule);
		fail_msg("wanted %d:%d %s", line, col, message);
	}
	plan_free(p);
	diag_free(&d);
}

static void test_yaml_mistakes(void **state)
{
	(void)state;
	yaml_mistake("---\ntitle： 测试\nissuer: 某单位\ndate: 2020-03-01\n---\n正文。\n", 2, 6,
	             "yaml-syntax", "键“title”后面是全角冒号“：”，YAML只认半角冒号：请写成“title: ”（半角冒号加一个空格）");
	yaml_mistake("---\ntitle: 测试\nphases:\n\t- name: 甲\n---\n正文。\n", 4, 1, "yaml-syntax",
	             "缩进里有制表符（Tab），YAML只能用空格缩进：请把它换成空格");
	yaml_mistake("---\ntitle: 测试\nphases:\n  \xc2\xa0- name: 甲\n---\n正文。\n", 4, 3, "yaml-syntax",
	             "这里有一个不换行空格（U+00A0），YAML只认普通的半角空格：请把它换成半角空格");
	yaml_mistake("---\ntitle: 测试\nissuer:\xe3\x80\x80某单位\n---\n正文。\n", 3, 8, "yaml-syntax",
	             "这里有一个全角空格（U+3000），YAML只认普通的半角空格：请把它换成半角空格");
	yaml_mistake("---\ntitle: 测试\nissuer: 某单位\n\n## 一、指导思想\n\n正文。\n", 5, 1,
	             "front-matter", "前置元数据没有结束：这一行已是正文，请在它前面加一行“---”");
	yaml_mistake("---\ntitle: \"测试\nissuer: 某单位\ndate: 2020-03-01\n---\n正文。\n", 2, 8,
	             "yaml-syntax", "引号没有配对：这个值以\"开头，但到行尾也没有结束的引号，请补上");

	/* What is fine stays fine: a full-width space inside a value, a
	 * full-width colon in a block of text, quotes closed. */
	Diags d = {0};
	Plan *p = parse_str("---\ntitle: \"测试　方案\"\nissuer: 'O''Neil'\nnote: |\n"
	                    "  附注：title： 这是正文\n  第二行\ndate: 2020-03-01\n---\n正文。\n", &d);
	assert_int_equal(d.n, 0);
	assert_string_equal(p->title.s, "测试　方案");
	plan_free(p);
	diag_free(&d);
}

/* Front matter that means something else than it says (issue 13.3). */
static void test_meant_otherwise(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: “关于开展活动的实施方案”\nissuer: i\ndate: 2020-03-01\n"
	                    "doc_number: 某〔2020〕1号\nunits: 甲单位，乙单位， 丙单位\n---\n正文。\n", &d);
	assert_int_equal(d.n, 2);
	assert_finding(&d, "type-mismatch", 0, SEV_WARNING, 2, 8,
	               "“title”的值两端的弯引号“”不属于值，已去掉；要用引号括住值，请用半角引号："
	               "\"关于开展活动的实施方案\"");
	assert_finding(&d, "type-mismatch", 1, SEV_ERROR, 6, 8,
	               "“units”是一个用“，”隔开的字符串，会被当成一个：请写成列表："
	               "units: [甲单位, 乙单位, 丙单位]");
	assert_string_equal(p->title.s, "关于开展活动的实施方案");
	assert_int_equal(p->units.n, 3);
	assert_string_equal(p->units.v[2].s, "丙单位");
	plan_free(p);
	diag_free(&d);

	/* Quotes inside the value, and units as a list, are fine. */
	Diags ok = {0};
	p = check_str("---\ntitle: “五大提升”“六个一”行动方案\nissuer: i\ndate: 2020-03-01\n"
	              "doc_number: 某〔2020〕1号\nunits: [甲单位, 乙单位]\n"
	              "campaign: {start: 2020-03-01, end: 2020-12-31}\n"
	              "phases:\n  - {name: 甲, start: 2020-03-01}\n---\n正文。\n", &ok);
	assert_int_equal(ok.n, 0);
	assert_string_equal(p->title.s, "“五大提升”“六个一”行动方案");
	plan_free(p);
	diag_free(&ok);

	/* No end: the campaign's, or (no campaign) the last phase's. */
	Diags end = {0};
	p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 某〔2020〕1号\n"
	              "campaign: {start: 2020-03-01}\n"
	              "phases:\n  - {name: 甲, start: 2020-03-01}\n---\n正文。\n", &end);
	assert_int_equal(end.n, 1);
	assert_finding(&end, "field-missing", 0, SEV_ERROR, 6, 1,
	               "活动时间（campaign）缺少结束日期（end）：最后一个阶段因此没有结束日期，请写明end");
	plan_free(p);
	diag_free(&end);
	Diags end2 = {0};
	p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 某〔2020〕1号\n"
	              "phases:\n  - {name: 甲, start: 2020-03-01, end: 2020-03-10}\n"
	              "  - {name: 乙, start: 2020-03-11}\n---\n正文。\n", &end2);
	assert_int_equal(end2.n, 1);
	assert_finding(&end2, "field-missing", 0, SEV_ERROR, 8, 5,
	               "最后一个阶段“乙”缺少结束日期（end），也没有活动时间（campaign）可以推出：请写明end");
	plan_free(p);
	diag_free(&end2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter_values),
		cmocka_unit_test(test_implied_phase_dates),
		cmocka_unit_test(test_yaml_syntax),
		cmocka_unit_test(test_front_matter_rule),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_type_mismatch),
		cmocka_unit_test(test_date_invalid),
		cmocka_unit_test(test_body_blocks),
		cmocka_unit_test(test_positions_after_escapes),
		cmocka_unit_test(test_attachments_and_fields),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_yaml_mistakes),
		cmocka_unit_test(test_meant_otherwise),
		cmocka_unit_test(test_points_decimal),
		cmocka_unit_test(test_score_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
