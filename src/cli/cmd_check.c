/* cmd_check.c — `fangan check`: read, check, report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "diag.h"
#include "model.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan check [--format text|json|sarif] [--werror] [--color[=WHEN]]\n"
	"                    [--columns=chars|bytes] PATH...\n"
	"\n"
	"Check plans for inconsistencies.  PATH is a plan file or a folder of\n"
	"*.md plans.  Findings are printed one a line as FILE:LINE:COLUMN:\n"
	"SEVERITY: MESSAGE [RULE]; columns count characters.\n"
	"\n"
	"  --format FMT   text (default), json, or sarif (SARIF 2.1.0)\n"
	"  --werror       treat warnings as errors\n"
	"  --color[=WHEN] colour the text format: auto (default: on a terminal),\n"
	"                 always, never\n"
	"  --columns=UNIT count columns in chars (Unicode code points, the\n"
	"                 default) or bytes (what vim's %c expects)\n"
	"  -h, --help     this help\n"
	"\n"
	"Exit status: 0 no errors, 1 errors found, 2 the check could not run.\n");

/* Turn the columns of the findings from index `from` on, all in plan p,
 * from code points into 1-based byte offsets on their line.  Editors
 * such as vim count bytes; the plan's source is still at hand here. */
static void to_byte_columns(const Plan *p, Diags *d, size_t from)
{
	for (size_t i = from; i < d->n; i++) {
		Pos *pos = &d->v[i].pos;
		if (pos->line < 1 || (size_t)pos->line > p->nlines || pos->col < 1)
			continue;
		size_t at = p->line_off[pos->line - 1];
		size_t end = (size_t)pos->line < p->nlines ? p->line_off[pos->line] : p->len;
		int bytes = 0;
		for (int c = 1; c < pos->col; c++) {
			uint32_t cp;
			int l = at < end ? utf8_decode((const unsigned char *)p->src + at, end - at, &cp) : 0;
			if (l == 0)
				l = 1; /* past the line's end or not UTF-8: a byte each */
			at += (size_t)l;
			bytes += l;
		}
		pos->col = bytes + 1;
	}
}

int cmd_check(int argc, char **argv)
{
	DiagFormat fmt = FMT_TEXT;
	bool werror = false;
	int color = -1; /* auto */
	bool byte_cols = false;
	char **paths = xcalloc((size_t)argc, sizeof *paths);
	int npaths = 0;
	const char *v;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(usage), stdout);
			free(paths);
			return 0;
		} else if ((v = opt_value("--format", argc, argv, &i))) {
			if (!strcmp(v, "text"))
				fmt = FMT_TEXT;
			else if (!strcmp(v, "json"))
				fmt = FMT_JSON;
			else if (!strcmp(v, "sarif"))
				fmt = FMT_SARIF;
			else {
				fprintf(stderr, _("fangan check: unknown format '%s' (text, json, sarif)\n"), v);
				free(paths);
				return 2;
			}
		} else if ((v = opt_value("--columns", argc, argv, &i))) {
			if (!strcmp(v, "chars") || !strcmp(v, "bytes")) {
				byte_cols = !strcmp(v, "bytes");
			} else {
				fprintf(stderr, _("fangan check: --columns is chars or bytes, not '%s'\n"), v);
				free(paths);
				return 2;
			}
		} else if (!strcmp(a, "--werror")) {
			werror = true;
		} else if (!strcmp(a, "--color") || !strcmp(a, "--color=always")) {
			color = 1;
		} else if (!strcmp(a, "--color=never")) {
			color = 0;
		} else if (!strcmp(a, "--color=auto")) {
			color = -1;
		} else if (!take_path_arg("check", usage, argc, argv, &i, paths, &npaths)) {
			free(paths);
			return 2;
		}
	}
	if (npaths == 0) {
		fputs(_(usage), stderr);
		free(paths);
		return 2;
	}
	if (byte_cols && fmt == FMT_SARIF) {
		fputs(_("fangan check: --columns=bytes is for text and json; SARIF counts code points\n"),
		      stderr);
		free(paths);
		return 2;
	}
	if (color < 0)
		color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;

	PathList plans = {0};
	bool ok = collect_plans(paths, npaths, &plans);
	free(paths);
	Diags d = {0};
	size_t failed = 0; /* plans with errors, or unreadable */
	for (size_t i = 0; i < plans.n; i++) {
		char *err = NULL;
		size_t first = d.n;
		Plan *p = plan_read(plans.v[i], &d, &err);
		if (!p) {
			fprintf(stderr, "fangan: %s\n", err);
			free(err);
			ok = false;
			failed++;
			continue;
		}
		check_plan(p, &d);
		for (size_t k = first; k < d.n; k++)
			if (d.v[k].severity == SEV_ERROR || werror) {
				failed++;
				break;
			}
		if (byte_cols)
			to_byte_columns(p, &d, first);
		plan_free(p);
	}
	if (werror)
		for (size_t i = 0; i < d.n; i++)
			d.v[i].severity = SEV_ERROR;
	diag_sort(&d);
	diag_write(&d, fmt, color, stdout);
	size_t nerr = diag_count(&d, SEV_ERROR), nwarn = diag_count(&d, SEV_WARNING);
	if (fmt == FMT_TEXT && (nerr || nwarn))
		fprintf(stderr, _("fangan: plans: %zu; with errors: %zu; errors: %zu, warnings: %zu\n"),
			plans.n, failed, nerr, nwarn);
	diag_free(&d);
	pathlist_free(&plans);
	if (!ok)
		return 2;
	return nerr ? 1 : 0;
}
