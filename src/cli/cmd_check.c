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
	"                    [--columns=chars|bytes] [--disable RULE[,RULE...]] PATH...\n"
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
	"  --disable RULES turn off these warning rules (comma-separated; a plan\n"
	"                 can also say check: {disable: [RULE, ...]})\n"
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

/* --disable a,b: warning rules only; an error always counts. */
static bool disable_rules(const char *list, bool off[R_COUNT])
{
	char *copy = xstrdup(list), *save = NULL;
	bool ok = true;
	for (char *id = strtok_r(copy, ",", &save); id && ok; id = strtok_r(NULL, ",", &save)) {
		RuleId r = rule_lookup(id);
		if (r == R_COUNT) {
			fprintf(stderr, _("fangan check: no rule '%s' (see the rules in fangan(1))\n"), id);
			ok = false;
		} else if (rules[r].severity == SEV_ERROR) {
			fprintf(stderr, _("fangan check: '%s' reports errors and cannot be turned off\n"),
			        id);
			ok = false;
		} else {
			off[r] = true;
		}
	}
	free(copy);
	return ok;
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"columns", required_argument, NULL, 'c'},
		{"werror", no_argument, NULL, 'W'},
		{"disable", required_argument, NULL, 'D'},
		{"color", optional_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	DiagFormat fmt = FMT_TEXT;
	bool werror = false;
	int color = -1; /* auto */
	bool byte_cols = false;
	bool off[R_COUNT] = {false};
	int c;
	cli_opt_begin();
	while ((c = cli_opt("check", usage, argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case 'h':
			fputs(_(usage), stdout);
			return 0;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = FMT_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = FMT_JSON;
			else if (!strcmp(optarg, "sarif"))
				fmt = FMT_SARIF;
			else {
				fprintf(stderr, _("fangan check: unknown format '%s' (text, json, sarif)\n"),
				        optarg);
				return 2;
			}
			break;
		case 'c':
			if (strcmp(optarg, "chars") && strcmp(optarg, "bytes")) {
				fprintf(stderr, _("fangan check: --columns is chars or bytes, not '%s'\n"),
				        optarg);
				return 2;
			}
			byte_cols = !strcmp(optarg, "bytes");
			break;
		case 'D':
			if (!disable_rules(optarg, off))
				return 2;
			break;
		case 'W':
			werror = true;
			break;
		case 'C':
			if (!optarg || !strcmp(optarg, "always"))
				color = 1;
			else if (!strcmp(optarg, "never"))
				color = 0;
			else if (!strcmp(optarg, "auto"))
				color = -1;
			else {
				fprintf(stderr, _("fangan %s: unknown option '%s'\n"), "check", argv[optind - 1]);
				fputs(_(usage), stderr);
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	char **paths = argv + optind;
	int npaths = argc - optind;
	if (npaths == 0) {
		fputs(_(usage), stderr);
		return 2;
	}
	if (byte_cols && fmt == FMT_SARIF) {
		fputs(_("fangan check: --columns=bytes is for text and json; SARIF counts code points\n"),
		      stderr);
		return 2;
	}
	if (color < 0)
		color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;

	PathList plans = {0};
	bool ok = collect_plans(paths, npaths, &plans);
	Diags d = {0};
	size_t failed = 0;     /* plans with errors */
	size_t unreadable = 0; /* plans that could not be read (exit 2) */
	for (size_t i = 0; i < plans.n; i++) {
		char *err = NULL;
		size_t first = d.n;
		Plan *p = plan_read(plans.v[i], &d, &err);
		if (!p) {
			fprintf(stderr, "fangan: %s\n", err);
			free(err);
			ok = false;
			unreadable++;
			continue;
		}
		check_plan(p, &d);
		diag_drop(&d, first, off, NULL);
		for (size_t k = first; k < d.n; k++)
			if (d.v[k].severity == SEV_ERROR || (werror && d.v[k].severity == SEV_WARNING)) {
				failed++;
				break;
			}
		if (byte_cols)
			to_byte_columns(p, &d, first);
		plan_free(p);
	}
	if (werror)
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].severity == SEV_WARNING)
				d.v[i].severity = SEV_ERROR;
	diag_sort(&d);
	diag_write(&d, fmt, color, stdout);
	size_t nerr = diag_count(&d, SEV_ERROR), nwarn = diag_count(&d, SEV_WARNING);
	/* Plans with errors (exit 1) and plans that could not be read
	 * (exit 2) are counted apart, as build's summary does. */
	if (fmt == FMT_TEXT && unreadable)
		fprintf(stderr, _("fangan: plans: %zu; with errors: %zu, failed: %zu; errors: %zu, "
		                  "warnings: %zu\n"),
			plans.n, failed, unreadable, nerr, nwarn);
	else if (fmt == FMT_TEXT && (nerr || nwarn))
		fprintf(stderr, _("fangan: plans: %zu; with errors: %zu; errors: %zu, warnings: %zu\n"),
			plans.n, failed, nerr, nwarn);
	diag_free(&d);
	pathlist_free(&plans);
	if (!ok)
		return 2;
	return nerr ? 1 : 0;
}
