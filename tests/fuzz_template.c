/* fuzz_template.c — libFuzzer target: any bytes as a template file,
 * loaded and checked against a schema that allows every element and
 * attribute (so the loader's own range checks, not template.rng, stand
 * between the bytes and the layout).  A file that loads is then used:
 * a notice.xml for a plan's page, a form, ledger or score sheet for an
 * attachment of that type, laid out and written as a PDF in memory.
 * Corpus: tests/fuzz/template/. */
#include "fuzz_common.h"
#include "template.h"

#include <sys/stat.h>

static const char schema[] =
	"<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n"
	"<start><ref name=\"any\"/></start>\n"
	"<define name=\"any\"><element><anyName/><zeroOrMore><choice>"
	"<attribute><anyName/></attribute><text/><ref name=\"any\"/>"
	"</choice></zeroOrMore></element></define>\n</grammar>\n";

/* A plan with the attachment %s. */
static const char plan_fmt[] =
	"---\n"
	"title: 关于开展安全生产检查的实施方案\n"
	"issuer: 某某市应急管理局\n"
	"date: 2024-03-01\n"
	"units: [第一中学, 第二中学]\n"
	"criteria:\n"
	"  items:\n"
	"    - {name: 组织领导, points: 40, standard: 成立领导小组}\n"
	"    - {name: 工作落实, points: 60, standard: 按时完成任务}\n"
	"attachments:\n"
	"  - title: 检查情况表\n"
	"%s"
	"---\n\n"
	"# 一、工作目标\n\n"
	"全面排查安全隐患，确保各项措施落实到位。\n";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static int ready;
	if (!ready) {
		char *t = xasprintf("%s/templates", fuzz_dir());
		if (mkdir(t, 0777) != 0)
			abort();
		free(t);
		fuzz_put("templates/template.rng", schema, sizeof schema - 1);
		ready = 1;
	}
	template_cache_clear();
	fuzz_put("templates/t.xml", data, size);
	char *path = xasprintf("%s/plan.md", fuzz_dir());
	static const struct {
		TplKind kind;
		const char *attachment;
	} uses[] = {
		{TPL_FORM, "    type: form\n    template: t.xml\n"
		           "    fields: [单位名称, {name: 负责人, width: half}, "
		           "{name: 电话, width: half}, {name: 情况说明, lines: 3}, "
		           "{name: 单位意见, sign: true}]\n"},
		{TPL_LEDGER, "    type: ledger\n    template: t.xml\n"
		             "    columns: [序号, 单位, 检查时间, 问题]\n    rows: units\n"},
		{TPL_SCORESHEET, "    type: scoresheet\n    template: t.xml\n"},
	};
	Diags d = {0};
	for (size_t i = 0; i < sizeof uses / sizeof uses[0]; i++) {
		const Template *t = template_get(uses[i].kind, "t.xml", path, (Pos){1, 1}, &d);
		if (!t)
			continue;
		char *plan = xasprintf(plan_fmt, uses[i].attachment);
		fuzz_build(path, plan, strlen(plan));
		free(plan);
	}
	if (template_get(TPL_NOTICE, "t.xml", path, (Pos){1, 1}, &d)) {
		/* As the plans' own notice.xml. */
		char *plan = xasprintf(plan_fmt, "    type: scoresheet\n");
		fuzz_put("templates/notice.xml", data, size);
		fuzz_build(path, plan, strlen(plan));
		char *notice = xasprintf("%s/templates/notice.xml", fuzz_dir());
		remove(notice);
		free(notice);
		free(plan);
	}
	diag_free(&d);
	free(path);
	return 0;
}
