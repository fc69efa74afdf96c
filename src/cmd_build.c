/* cmd_build.c — `fangan build`: check, lay out and write each plan.
 *
 * A plan with errors is not rendered; its findings are printed and the
 * other plans still build.  Each PDF is written to a temporary file and
 * renamed (pdf_save), so no half-written PDF is left; output names are
 * made from the plan's file name and cleaned, so nothing a plan says can
 * put a file outside the output folder.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "diag.h"
#include "fonts.h"
#include "forms.h"
#include "geometry.h"
#include "layout.h"
#include "model.h"
#include "pdfout.h"
#include "util.h"

static const char usage[] =
	"usage: fangan build [-o OUTDIR] [-j N] [--force] [--fonts DIR] PATH...\n"
	"\n"
	"Check each plan and, when it has no errors, write OUTDIR/NAME/NAME.pdf:\n"
	"the plan as an official document laid out to GB/T 9704-2012.  PATH is a\n"
	"plan file or a folder of *.md plans.\n"
	"\n"
	"  -o OUTDIR      where to write (default: out)\n"
	"  -j N           plans built at once (accepted; builds run one by one)\n"
	"  --force        rebuild even when nothing changed\n"
	"  --fonts DIR    the fonts folder with fonts.map (default: fonts/ beside\n"
	"                 the plans, else ./fonts, else the installed one)\n"
	"  -h, --help     this help\n"
	"\n"
	"Exit status: 0 all built, 1 a plan had errors and was not built, 2 the\n"
	"build could not run.\n";

/* The file name's stem, cleaned: no separators, no leading dot, nothing
 * but letters, digits, - _ . and non-ASCII characters. */
char *safe_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	Buf b = {0};
	if (n == 0 || base[0] == '.')
		buf_putc(&b, '_');
	for (size_t i = 0; i < n && i < 200; i++) {
		unsigned char c = (unsigned char)base[i];
		bool ok = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		          (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
		buf_putc(&b, ok ? (char)c : '_');
	}
	buf_cstr(&b);
	return b.s;
}

static bool mkdir_p(const char *dir)
{
	char *tmp = xstrdup(dir);
	for (char *s = tmp + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(tmp, 0777) != 0 && errno != EEXIST) {
			free(tmp);
			return false;
		}
		*s = '/';
	}
	bool ok = mkdir(tmp, 0777) == 0 || errno == EEXIST;
	free(tmp);
	return ok;
}

/* The day the PDF says it was made: SOURCE_DATE_EPOCH when set, else the
 * plan's date — never the clock, so builds are reproducible. */
static Day creation_day(const Plan *p)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long t = strtoll(e, &end, 10);
		if (*end == '\0' && t >= 0)
			return (Day)(t / 86400);
	}
	return p->date.day;
}

static int build_one(const char *path, const char *outdir, const FontSet *fs,
                     const Geometry *g)
{
	Diags d = {0};
	char *err = NULL;
	Plan *p = plan_read(path, &d, &err);
	if (!p) {
		fprintf(stderr, "fangan: %s\n", err);
		free(err);
		return 2;
	}
	check_plan(p, &d);
	g = forms_geometry(p, g, &d); /* templates/notice.xml, when there is one */
	int status = 0;
	if (diag_count(&d, SEV_ERROR) == 0) {
		PdfMeta meta = {.title = p->title.s, .author = p->issuer.s, .creator = "fangan",
		                .created = creation_day(p)};
		PdfDoc *doc = pdf_new(fs, &meta);
		if (layout_plan(p, fs, g, doc, &d)) {
			char *stem = safe_stem(path);
			char *dir = xasprintf("%s/%s", outdir, stem);
			char *out = xasprintf("%s/%s.pdf", dir, stem);
			if (!mkdir_p(dir)) {
				fprintf(stderr, "fangan: %s: %s\n", dir, strerror(errno));
				status = 2;
			} else if (!pdf_save(doc, out, &err)) {
				fprintf(stderr, "fangan: %s: %s\n", out, err);
				free(err);
				status = 2;
			} else {
				printf("%s (%zu页)\n", out, pdf_page_count(doc));
				/* Each attachment alone, each unit's form (forms.h). */
				status = forms_build(p, fs, g, dir, stem, &meta, &d);
			}
			free(stem);
			free(dir);
			free(out);
		}
		pdf_free(doc);
	}
	if (diag_count(&d, SEV_ERROR) > 0) {
		fprintf(stderr, "fangan: %s: 有错误，未生成PDF\n", path);
		status = status ? status : 1;
	}
	diag_sort(&d);
	diag_write(&d, FMT_TEXT, false, stderr);
	diag_free(&d);
	plan_free(p);
	return status;
}

int cmd_build(int argc, char **argv)
{
	const char *outdir = "out", *fonts = NULL, *v;
	char **paths = xcalloc((size_t)argc, sizeof *paths);
	int npaths = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			free(paths);
			return 0;
		} else if ((v = opt_value("-o", argc, argv, &i)) ||
		           (v = opt_value("--output", argc, argv, &i))) {
			outdir = v;
		} else if ((v = opt_value("-j", argc, argv, &i)) ||
		           (v = opt_value("--jobs", argc, argv, &i))) {
			if (atoi(v) < 1) {
				fprintf(stderr, "fangan build: -j wants a number of jobs\n");
				free(paths);
				return 2;
			}
		} else if ((v = opt_value("--fonts", argc, argv, &i))) {
			fonts = v;
		} else if (!strcmp(a, "--force")) {
			/* every build is a full build for now */
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "fangan build: unknown option '%s'\n%s", a, usage);
			free(paths);
			return 2;
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (npaths == 0 || !*outdir) {
		fputs(usage, stderr);
		free(paths);
		return 2;
	}
	PathList plans = {0};
	bool ok = collect_plans(paths, npaths, &plans);
	free(paths);
	/* One FontSet for the whole batch: fonts are parsed once. */
	char *found = fonts ? NULL : fonts_dir_for(plans.n ? plans.v[0] : NULL);
	char *err = NULL;
	FontSet *fs = fontset_new(fonts ? fonts : found, &err);
	free(found);
	if (!fs) {
		fprintf(stderr, "fangan: %s\n", err);
		free(err);
		pathlist_free(&plans);
		return 2;
	}
	Geometry g = geometry_default();
	int status = ok ? 0 : 2;
	for (size_t i = 0; i < plans.n; i++) {
		int s = build_one(plans.v[i], outdir, fs, &g);
		if (s > status)
			status = s;
	}
	fontset_free(fs);
	pathlist_free(&plans);
	return status;
}
