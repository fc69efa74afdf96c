/* cmd_build.c — `fangan build`: check, lay out and write each plan.
 *
 * A plan with errors is not rendered; its findings are printed and the
 * other plans still build.  Each PDF is written to a temporary file and
 * renamed (pdf_save), so no half-written PDF is left; output names are
 * made from the plan's file name and cleaned, so nothing a plan says can
 * put a file outside the output folder.
 *
 * The fonts are opened once, here, before the plans are shared out to
 * worker processes (batch.h), so that every worker inherits the parsed
 * faces.  build_one is everything done for one plan; it runs in a worker
 * (or in this process for -j 1) and writes what the user sees to the
 * streams it is given, which the batch prints in plan order.  A plan
 * whose inputs have not changed since its last build is skipped
 * (stamp.h).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "pdf.h"
#include "check.h"
#include "cli.h"
#include "fname.h"
#include "diag.h"
#include "docx.h"
#include "fontcache.h"
#include "fonts.h"
#include "forms.h"
#include "geometry.h"
#include "hash.h"
#include "layout.h"
#include "model.h"
#include "canvas.h"
#include "stamp.h"
#include "util.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan build [-o OUTDIR] [-j N] [--format FORMATS] [--force] [-v] [-q]\n"
	"                    [--fonts DIR] [--no-cache] PATH...\n"
	"\n"
	"Check each plan and, when it has no errors, write OUTDIR/NAME/NAME.pdf:\n"
	"the plan as an official document laid out to GB/T 9704-2012, with its\n"
	"attachments after the body; beside it each attachment alone (ID.pdf)\n"
	"and, with units, each unit's copy of a form (units/ID-UNIT.pdf); and\n"
	"NAME.docx, the same document for Word and WPS.  PATH is a plan file or\n"
	"a folder of *.md plans.\n"
	"\n"
	"  -o OUTDIR      where to write (default: out)\n"
	"  --format F     pdf, docx or pdf,docx: what to write (default: both)\n"
	"  -j N           plans built at once, in worker processes (default: the\n"
	"                 number of processors; -j 1 builds in this process)\n"
	"  --force        rebuild even the plans whose inputs have not changed\n"
	"  -v, --verbose  also name the plans skipped as up to date\n"
	"  -q, --quiet    print no warnings (errors still show)\n"
	"  --fonts DIR    the fonts folder with fonts.map (default: fonts/ beside\n"
	"                 the plans, else ./fonts, else the installed one)\n"
	"  --no-cache     choose the fonts afresh, without the font cache in\n"
	"                 $XDG_CACHE_HOME/fangan (see fangan fonts)\n"
	"  -h, --help     this help\n"
	"\n"
	"The findings of a plan are printed again when it is up to date.  The\n"
	"last line sums up: plans built, up to date, with errors (exit status 1),\n"
	"failed (could not be read or written: exit status 2); warnings; files\n"
	"written.\n"
	"\n"
	"Exit status: 0 all built, 1 a plan had errors and was not built, 2 a\n"
	"plan could not be read or written, or the build could not run.\n");

/* The file name's stem without ".md", cleaned (fname.h). */
char *safe_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	return fname_clean(base, n, "_");
}

/* Make dir and its parents.  With own, dir itself must be a real folder
 * (mkdir_own: fangan's OUTDIR/NAME); OUTDIR, the user's choice, may be
 * a symlink to one. */
static bool mkdir_p(const char *dir, bool own)
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
	bool ok = own ? mkdir_own(tmp) : mkdir(tmp, 0777) == 0;
	struct stat st;
	if (!own && !ok && errno == EEXIST && stat(tmp, &st) == 0) {
		ok = S_ISDIR(st.st_mode);
		errno = ENOTDIR;
	}
	free(tmp);
	return ok;
}

/* The day the PDF says it was made: SOURCE_DATE_EPOCH when set (checked
 * by cmd_build before any plan), else the plan's date — never the clock,
 * so builds are reproducible. */
static Day creation_day(const Plan *p)
{
	long long t;
	if (source_date_epoch(&t, NULL) && t >= 0)
		return (Day)(t / 86400);
	return p->date.day;
}

/* What every plan of one `fangan build` shares. */
typedef struct {
	const char *outdir;
	const FontSet *fs;
	Geometry g;
	bool force, verbose, quiet;
	unsigned formats;      /* OUT_PDF | OUT_DOCX (--format) */
	uint64_t batch_inputs; /* stamp_batch_inputs, and the formats */
	char **paths;          /* the plans */
	const char **dup_of;   /* [i]: an earlier plan with the same output folder */
	unsigned unit_jobs;    /* workers for the units' copies of a form (forms.h):
	                          -j N shared among the plans */
	bool unit_progress;    /* a progress line for them (forms.h) */
} Build;

/* What --format asks for. */
enum { OUT_PDF = 1, OUT_DOCX = 2 };

/* Record a file written into the plan's folder (a plain name; taken). */
static void add_output(PathList *o, char *name)
{
	o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof *o->v);
	o->v[o->n++] = name;
}

static void record_output(void *ctx, const char *name)
{
	add_output(ctx, xstrdup(name));
}

/* What a plan's job counts for the summary line (batch.h): built, up
 * to date, or not built for its errors (status 1); a plan that is none
 * of these could not be read or written, or its worker died (status 2). */
enum { COUNT_BUILT, COUNT_FRESH, COUNT_ERRORS, COUNT_WARNINGS, COUNT_FILES };

/* The findings as build prints them; with quiet, the errors only. */
static char *findings_text(const Diags *d, bool quiet)
{
	Diags shown = *d;
	if (quiet) {
		shown.v = xcalloc(d->n + 1, sizeof *shown.v);
		shown.n = 0;
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].severity == SEV_ERROR)
				shown.v[shown.n++] = d->v[i];
	}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (f) {
		diag_write(&shown, FMT_TEXT, false, f);
		fclose(f);
	}
	if (quiet)
		free(shown.v);
	return text ? text : xstrdup("");
}

/* The files of a laid-out plan, in the formats asked for: NAME.pdf and
 * the attachments' files (forms.h), NAME.docx (docx.h), each written
 * whole or not at all and named in outputs.  Returns 0, 1 or 2 as
 * build_one. */
static int write_outputs(const Build *b, const Plan *p, const Geometry *g, Canvas *doc,
                         const Composed *composed, const char *dir, const char *stem,
                         const CanvasMeta *meta, Diags *d, FILE *out, FILE *err,
                         PathList *outputs)
{
	char *msg = NULL;
	if (b->formats & OUT_PDF) {
		char *pdf = xasprintf("%s/%s.pdf", dir, stem);
		bool ok = pdf_save(doc, pdf, &msg);
		if (!ok) {
			fprintf(err, "fangan: %s: %s\n", pdf, msg);
			free(msg);
		} else {
			size_t np = canvas_page_count(doc);
			fprintf(out, ngettext("%s (%zu page)\n", "%s (%zu pages)\n", np), pdf, np);
			add_output(outputs, xasprintf("%s.pdf", stem));
		}
		free(pdf);
		if (!ok)
			return 2;
	}
	if (b->formats & OUT_DOCX) {
		char *docx = xasprintf("%s/%s.docx", dir, stem);
		bool ok = docx_save(p, composed, b->fs, g, meta->created, docx, &msg);
		if (!ok) {
			fprintf(err, "fangan: %s: %s\n", docx, msg);
			free(msg);
		} else {
			fprintf(out, "%s\n", docx);
			add_output(outputs, xasprintf("%s.docx", stem));
		}
		free(docx);
		if (!ok)
			return 2;
	}
	/* Each attachment alone, each unit's form (forms.h), in the same
	 * formats, named in outputs. */
	FormsOut fo = {out, err, record_output, outputs, !(b->formats & OUT_PDF),
	               !(b->formats & OUT_DOCX), b->unit_jobs, b->unit_progress};
	return forms_build(p, b->fs, g, dir, stem, meta, d, &fo);
}

/* Everything done for one plan: check it, and unless it has errors or is
 * up to date, lay it out and write its files into OUTDIR/NAME/.  What
 * the user should see goes to out (files written) and err (findings).
 * Returns 0, 1 (errors in the plan) or 2 (could not write, unreadable). */
static int build_one(const Build *b, const char *path, FILE *out, FILE *err,
                     unsigned long *counts)
{
	Diags d = {0};
	char *msg = NULL;
	Plan *p = plan_read(path, &d, &msg);
	if (!p) {
		fprintf(err, "fangan: %s\n", msg);
		free(msg);
		diag_free(&d);
		return 2;
	}
	check_plan(p, &d);
	/* templates/notice.xml, when there is one */
	const Geometry *g = forms_geometry(p, &b->g);
	int status = 0;
	char *stem = safe_stem(path);
	char *dir = xasprintf("%s/%s", b->outdir, stem);
	/* Every file written into dir, by plain name, for the stamp. */
	PathList outputs = {0};
	bool skipped = false;
	char *kept = NULL; /* the findings kept with the stamp */
	size_t nkept = 0;
	/* For the tests of a worker that dies: a plan of this name crashes
	 * before it writes anything. */
	const char *crash = getenv("FANGAN_TEST_CRASH");
	if (crash && *crash && strcmp(crash, stem) == 0)
		raise(SIGSEGV);
	if (diag_count(&d, SEV_ERROR) == 0) {
		uint64_t inputs = stamp_plan_inputs(b->batch_inputs, p);
		stamp_clean(dir);
		if (!b->force && stamp_fresh(dir, inputs, &kept, &nkept)) {
			skipped = true;
			counts[COUNT_FRESH]++;
			counts[COUNT_WARNINGS] += nkept;
			if (b->verbose)
				fprintf(out, _("%s/%s.%s (up to date)\n"), dir, stem,
				        b->formats & OUT_PDF ? "pdf" : "docx");
		} else {
			CanvasMeta meta = {.title = p->title.s, .author = p->issuer.s,
					.creator = "fangan", .created = creation_day(p)};
			Canvas *doc = canvas_new(b->fs, &meta);
			Composed *composed = NULL;
			StampOld *old = NULL;
			if (layout_plan_keep(p, b->fs, g, doc, &d, &composed)) {
				if (!mkdir_p(dir, true)) {
					fprintf(err, "fangan: %s: %s\n", dir, util_strerror(errno));
					status = 2;
				} else {
					old = stamp_begin(dir);
					status = write_outputs(b, p, g, doc, composed, dir, stem, &meta,
					                       &d, out, err, &outputs);
				}
			}
			canvas_free(doc);
			composed_free(composed);
			bool done = old && status == 0 && diag_count(&d, SEV_ERROR) == 0;
			/* What the last build made and this one did not goes
			 * first, while the stamp still lists it. */
			stamp_end(old, dir, done ? outputs.v : NULL, outputs.n, err);
			if (done) {
				diag_sort(&d);
				char *all = findings_text(&d, false);
				if (!stamp_write(dir, inputs, outputs.v, outputs.n, all,
				                 diag_count(&d, SEV_WARNING), &msg)) {
					fprintf(err, "fangan: %s\n", msg);
					free(msg);
					status = 2;
				} else {
					counts[COUNT_BUILT]++;
				}
				free(all);
			}
			counts[COUNT_FILES] += outputs.n;
		}
	}
	if (diag_count(&d, SEV_ERROR) > 0) {
		fprintf(err, _("fangan: %s: has errors; no file of it written\n"), path);
		status = status ? status : 1;
	}
	if (skipped) {
		if (!b->quiet)
			fputs(kept, err);
	} else {
		diag_sort(&d);
		char *text = findings_text(&d, b->quiet);
		fputs(text, err);
		free(text);
		counts[COUNT_WARNINGS] += diag_count(&d, SEV_WARNING);
	}
	free(kept);
	pathlist_free(&outputs);
	free(stem);
	free(dir);
	diag_free(&d);
	plan_free(p);
	return status;
}

static int build_job(size_t i, FILE *out, FILE *err, unsigned long *counts, void *ctx)
{
	const Build *b = ctx;
	if (b->dup_of[i]) {
		char *stem = safe_stem(b->paths[i]);
		fprintf(err, _("fangan: %s: not built: %s writes the same output folder (%s/%s)\n"),
			b->paths[i], b->dup_of[i], b->outdir, stem);
		free(stem);
		return 2;
	}
	int status = build_one(b, b->paths[i], out, err, counts);
	if (status == 1)
		counts[COUNT_ERRORS]++;
	return status;
}

/* Two plans with one file stem (a/x.md, b/x.md) would write the same
 * folder, at the same time with -j: the later ones are refused. */
typedef struct {
	char *stem;
	size_t i;
} StemAt;

static int cmp_stem(const void *a, const void *b)
{
	const StemAt *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static const char **find_duplicates(char **paths, size_t n)
{
	const char **dup = xcalloc(n + 1, sizeof *dup);
	StemAt *s = xcalloc(n + 1, sizeof *s);
	for (size_t i = 0; i < n; i++)
		s[i] = (StemAt){safe_stem(paths[i]), i};
	qsort(s, n, sizeof *s, cmp_stem);
	for (size_t k = 1; k < n; k++) {
		size_t first = k - 1;
		while (first > 0 && strcmp(s[first - 1].stem, s[k].stem) == 0)
			first--;
		if (strcmp(s[first].stem, s[k].stem) == 0)
			dup[s[k].i] = paths[s[first].i];
	}
	for (size_t i = 0; i < n; i++)
		free(s[i].stem);
	free(s);
	return dup;
}

static bool parse_formats(const char *v, unsigned *formats)
{
	unsigned f = 0;
	const char *s = v;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 3 && !strncmp(s, "pdf", 3))
			f |= OUT_PDF;
		else if (n == 4 && !strncmp(s, "docx", 4))
			f |= OUT_DOCX;
		else
			f = 0, s = "x";
		if (!f)
			break;
		s += n + (s[n] == ',');
	}
	if (!f || v[0] == ',' || v[strlen(v) - 1] == ',') {
		fprintf(stderr, _("fangan build: --format wants pdf, docx or pdf,docx\n"));
		return false;
	}
	*formats = f;
	return true;
}

static bool parse_jobs(const char *v, unsigned *jobs)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < 1 || n > 1024) {
		fprintf(stderr, _("fangan build: -j wants a number of jobs from 1 to 1024\n"));
		return false;
	}
	*jobs = (unsigned)n;
	return true;
}

/* Once per run: each role drawn by a face of another style than GB/T
 * 9704 asks (a 黑体 standing in for 黑体 is no news), and how to fix it. */
static void say_substitutes(const FontSet *fs)
{
	static const struct {
		FontRole role;
		const char *what, *style;
	} roles[] = {
		{ROLE_TITLE, N_("the title"), "小标宋"},
		{ROLE_BODY, N_("the body text"), "仿宋"},
		{ROLE_H1, N_("first-level headings"), "黑体"},
		{ROLE_H2, N_("second-level headings"), "楷体"},
		{ROLE_PAGENUM, N_("page numbers"), "宋体"},
	};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
		const char *family, *style;
		if (fontset_substitute(fs, roles[i].role, &family, &style) &&
		    strcmp(style, roles[i].style) != 0)
			fprintf(stderr, _("fangan: %s should be %s; %s (%s) stands in for it; put a %s "
			                  "font into fonts/, see fonts/README.md\n"),
			        _(roles[i].what), roles[i].style, family, style, roles[i].style);
	}
}

/* The options and PATHs of build (and of watch, which passes them on). */
typedef struct {
	const char *outdir, *fonts;
	bool force, verbose, quiet;
	unsigned formats, jobs;
	char **paths;
	int npaths;
} BuildArgs;

/* Read the arguments into a; -1 when they are good, else the exit
 * status (0 after --help), the reason said. */
static int build_args(int argc, char **argv, BuildArgs *a)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"jobs", required_argument, NULL, 'j'},
		{"fonts", required_argument, NULL, 'F'},
		{"format", required_argument, NULL, 'T'},
		{"force", no_argument, NULL, 'f'},
		{"verbose", no_argument, NULL, 'v'},
		{"quiet", no_argument, NULL, 'q'},
		{"no-cache", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	*a = (BuildArgs){.outdir = "out", .formats = OUT_PDF | OUT_DOCX,
	                 .jobs = online >= 1 && online <= 1024 ? (unsigned)online : 1};
	int o;
	cli_opt_begin();
	while ((o = cli_opt("build", usage, argc, argv, "o:j:vqh", longopts)) != -1) {
		switch (o) {
		case 'h':
			fputs(_(usage), stdout);
			return 0;
		case 'o':
			a->outdir = optarg;
			break;
		case 'j':
			if (!parse_jobs(optarg, &a->jobs))
				return 2;
			break;
		case 'F':
			a->fonts = optarg;
			break;
		case 'T':
			if (!parse_formats(optarg, &a->formats))
				return 2;
			break;
		case 'f':
			a->force = true;
			break;
		case 'v':
			a->verbose = true;
			break;
		case 'q':
			a->quiet = true;
			break;
		case 'N':
			fontcache_enable(false);
			break;
		default:
			return 2;
		}
	}
	a->paths = argv + optind;
	a->npaths = argc - optind;
	if (a->npaths == 0 || !*a->outdir) {
		fputs(_(usage), stderr);
		return 2;
	}
	return -1;
}

bool build_args_ok(int argc, char **argv)
{
	BuildArgs a;
	return build_args(argc, argv, &a) < 0;
}

int cmd_build(int argc, char **argv)
{
	BuildArgs a;
	int r = build_args(argc, argv, &a);
	if (r >= 0)
		return r;
	const char *outdir = a.outdir, *fonts = a.fonts;
	bool force = a.force, verbose = a.verbose, quiet = a.quiet;
	unsigned formats = a.formats, jobs = a.jobs;
	char **paths = a.paths;
	int npaths = a.npaths;
	long long sde;
	if (!source_date_epoch(&sde, "fangan"))
		return 2;
	PathList plans = {0};
	/* A PATH that cannot be read counts as a plan that failed. */
	size_t unreadable = 0;
	for (int i = 0; i < npaths; i++)
		unreadable += !collect_plans(&paths[i], 1, &plans);
	bool ok = unreadable == 0;
	/* One FontSet for the whole batch, opened before the workers are
	 * forked: fonts are parsed once and shared. */
	char *found = fonts ? NULL : fonts_dir_for(plans.n ? plans.v[0] : NULL);
	const char *fonts_dir = fonts ? fonts : found;
	char *err = NULL;
	FontSet *fs = fontset_new(fonts_dir, &err);
	if (!fs) {
		fprintf(stderr, "fangan: %s\n", err);
		free(err);
		free(found);
		pathlist_free(&plans);
		return 2;
	}
	if (!quiet) {
		fontset_warn_skipped(fs, stderr);
		say_substitutes(fs);
	}
	/* One build of OUTDIR at a time (stamp.h): a second one waits.
	 * The files are put on the disk once a plan, before its stamp. */
	write_atomic_batch(true);
	int lock = mkdir_p(outdir, false) ? stamp_lock(outdir, stderr, &err) : -1;
	if (lock < 0) {
		if (!err)
			err = xasprintf("%s: %s", outdir, util_strerror(errno));
		fprintf(stderr, "fangan: %s\n", err);
		free(err);
		free(found);
		fontset_free(fs);
		pathlist_free(&plans);
		return 2;
	}
	/* The workers -j asks for beyond one a plan build the units'
	 * copies of a form (forms.h): all of them for a single plan. */
	unsigned unit_jobs = plans.n > 1 ? (unsigned)(jobs / plans.n) : jobs;
	if (jobs > plans.n)
		jobs = plans.n ? (unsigned)plans.n : 1;
	Build b = {.outdir = outdir, .fs = fs, .g = geometry_default(), .force = force,
		   .verbose = verbose, .quiet = quiet, .formats = formats,
		   /* a build in other formats writes other files */
		   .batch_inputs = hash_u64(stamp_batch_inputs(fs, fonts_dir), formats),
		   .paths = plans.v, .dup_of = find_duplicates(plans.v, plans.n),
		   .unit_jobs = unit_jobs ? unit_jobs : 1,
		   .unit_progress = plans.n == 1 && isatty(STDERR_FILENO)};
	BatchOpts bo = {.jobs = jobs, .progress = isatty(STDERR_FILENO), .names = plans.v};
	unsigned long c[BATCH_NCOUNTS];
	int s = batch_run(plans.n, build_job, &b, &bo, c);
	/* Whatever was neither built, up to date nor stopped by its errors
	 * failed (exit status 2): it could not be read or written, or its
	 * worker died. */
	unsigned long failed = plans.n + unreadable - c[COUNT_BUILT] - c[COUNT_FRESH] -
	                       c[COUNT_ERRORS];
	fprintf(stderr, _("fangan: plans: %zu; built: %lu, up to date: %lu, with errors: %lu, failed: %lu; warnings: %lu; files written: %lu\n"),
		plans.n + unreadable, c[COUNT_BUILT], c[COUNT_FRESH], c[COUNT_ERRORS], failed,
		c[COUNT_WARNINGS], c[COUNT_FILES]);
	int status = ok ? s : 2;
	close(lock);
	free(b.dup_of);
	free(found);
	fontset_free(fs);
	pathlist_free(&plans);
	return status;
}
