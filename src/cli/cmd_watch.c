/* cmd_watch.c — `fangan watch`: build, then rebuild whenever an input
 * changes, until Ctrl-C.
 *
 * Each round runs `fangan build` with the options given, so the build
 * stamps (stamp.h) decide which plans are rebuilt and the output is the
 * build's own: files written, findings (kept ones too) and the summary,
 * after a line with the time.  Between rounds it waits on Linux inotify
 * (no polling) for the folders that hold an input — the plans (every
 * *.md of a folder given), their text attachments, the templates/ and
 * fonts/ folders along the data search order (paths.h) — and watches
 * folders rather than files, so that an editor that saves by writing a
 * new file and renaming it over the old one is seen too.  Events for
 * other names (an editor's swap and backup files) are ignored, and a
 * burst of events (one save is several) makes one rebuild.
 *
 * SIGINT and SIGTERM are blocked and read from a signalfd: a signal that
 * comes during a build is taken after it, so Ctrl-C never leaves a file
 * half-written; the worker processes of -j inherit the blocked mask.
 */
#define _GNU_SOURCE /* signalfd */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "model.h"
#include "paths.h"
#include "util.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan watch [-o OUTDIR] [-j N] [--force] [-v] [-q] [--fonts DIR]\n"
	"                    [--no-cache] PATH...\n"
	"\n"
	"Build the plans as fangan build does, then wait, and build again each\n"
	"time a plan, its text attachments, a template, fonts.map or a font in\n"
	"the fonts folder changes: only the plans whose inputs changed are\n"
	"rebuilt, and each round prints the time, the files written, the\n"
	"findings and a summary.  A plan added to a folder given is picked up.\n"
	"Ctrl-C stops it; a build under way is finished first, so no file is\n"
	"left half-written.\n"
	"\n"
	"The options are those of fangan build (fangan build --help).\n"
	"  -h, --help     this help\n"
	"\n"
	"Exit status: 0 stopped by Ctrl-C (or SIGTERM), 2 bad arguments, a bad\n"
	"SOURCE_DATE_EPOCH, or nothing to watch.\n");

/* How long the inputs must stay quiet before a rebuild (ms): one save
 * is several events, and a "save all" touches several files. */
#define QUIET_MS 150
/* At most this many folders are watched (plans spread over more folders
 * are still built, and rebuilt when a watched folder changes). */
#define MAX_WATCHES 4096

typedef struct {
	int wd;    /* inotify watch descriptor */
	char *dir; /* its folder, as named */
} Dir;

typedef struct {
	int fd;         /* inotify */
	Dir *v;         /* the folders watched this round */
	size_t n, cap;
	PathList names; /* plain names that matter whatever their ending */
} Watcher;

static bool has_suffix_ci(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* Is a change to this name in a watched folder a change of an input? */
static bool interesting(const Watcher *w, const char *name)
{
	if (!name || !*name)
		return false;
	for (size_t i = 0; i < w->names.n; i++)
		if (!strcmp(w->names.v[i], name))
			return true;
	/* An editor's lock and swap files start with a dot or end in ~, #,
	 * .swp; none of them has an input's ending. */
	if (name[0] == '.')
		return false;
	static const char *const endings[] = {".md",  ".xml", ".rng", "fonts.map",
	                                      ".ttf", ".ttc", ".otf", NULL};
	for (size_t k = 0; endings[k]; k++)
		if (has_suffix_ci(name, endings[k]))
			return true;
	return false;
}

static void add_name(Watcher *w, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (size_t i = 0; i < w->names.n; i++)
		if (!strcmp(w->names.v[i], base))
			return;
	w->names.v = xgrow(w->names.v, &w->names.cap, w->names.n + 1, sizeof *w->names.v);
	w->names.v[w->names.n++] = xstrdup(base);
}

static void watch_dir(Watcher *w, const char *dir)
{
	struct stat st;
	if (w->n >= MAX_WATCHES || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return;
	int wd = inotify_add_watch(w->fd, dir,
	                           IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
	                               IN_DELETE | IN_ATTRIB | IN_ONLYDIR);
	if (wd < 0)
		return;
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].wd == wd) /* the same folder under another name */
			return;
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n++] = (Dir){wd, xstrdup(dir)};
}

static void watch_data_dirs(Watcher *w, const char *sub, const char *plan)
{
	char *dirs[4];
	size_t n = paths_search(sub, plan, dirs, 4);
	for (size_t i = 0; i < n; i++) {
		watch_dir(w, dirs[i]);
		free(dirs[i]);
	}
}

static void unwatch_all(Watcher *w)
{
	for (size_t i = 0; i < w->n; i++) {
		inotify_rm_watch(w->fd, w->v[i].wd);
		free(w->v[i].dir);
	}
	w->n = 0;
	pathlist_free(&w->names);
}

/* Watch the folders of every input of the plans named by paths. */
static void watch_inputs(Watcher *w, char **paths, int npaths, const char *fonts)
{
	unwatch_all(w);
	/* The plans, as build finds them; a PATH that is not there (yet)
	 * is watched for in its folder (the build has said it is missing). */
	PathList plans = {0};
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		bool there = stat(paths[i], &st) == 0;
		if (there && S_ISDIR(st.st_mode)) {
			watch_dir(w, paths[i]);
		} else {
			char *d = paths_dir_of(paths[i]);
			watch_dir(w, d);
			free(d);
			add_name(w, paths[i]);
		}
		if (there)
			collect_plans(&paths[i], 1, &plans);
	}
	for (size_t i = 0; i < plans.n; i++) {
		Diags d = {0};
		char *err = NULL;
		Plan *p = plan_read(plans.v[i], &d, &err);
		free(err);
		diag_free(&d);
		if (p) {
			for (size_t k = 0; k < p->nattachments; k++) {
				const Attachment *a = &p->attachments[k];
				if (a->doc && a->doc->path) {
					char *dd = paths_dir_of(a->doc->path);
					watch_dir(w, dd);
					free(dd);
					add_name(w, a->doc->path);
				}
			}
			plan_free(p);
		}
		watch_data_dirs(w, "templates", plans.v[i]);
		if (!fonts)
			watch_data_dirs(w, "fonts", plans.v[i]);
	}
	if (!plans.n) {
		watch_data_dirs(w, "templates", NULL);
		if (!fonts)
			watch_data_dirs(w, "fonts", NULL);
	}
	if (fonts)
		watch_dir(w, fonts);
	pathlist_free(&plans);
}

/* The first input named by the events in buf, or NULL. */
static char *changed_input(const Watcher *w, const char *buf, ssize_t len)
{
	for (const char *p = buf; p < buf + len;) {
		const struct inotify_event *e = (const struct inotify_event *)p;
		p += sizeof *e + e->len;
		if (e->len && interesting(w, e->name)) {
			for (size_t i = 0; i < w->n; i++)
				if (w->v[i].wd == e->wd) {
					const char *dir = w->v[i].dir;
					size_t dl = strlen(dir);
					return xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
					                 e->name);
				}
			return xstrdup(e->name);
		}
	}
	return NULL;
}

static void print_time(const char *changed)
{
	char hms[16] = "?";
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(hms, sizeof hms, "%H:%M:%S", &tm);
	if (changed)
		fprintf(stderr, _("[%s] %s changed; building again\n"), hms, changed);
	else
		fprintf(stderr, _("[%s] building\n"), hms);
	fflush(stderr);
}

/* The build options with a value, so that the value is not taken for a
 * PATH. */
static bool takes_value(const char *a)
{
	static const char *const opts[] = {"-o", "--output", "-j", "--jobs", "--fonts", NULL};
	for (size_t k = 0; opts[k]; k++)
		if (!strcmp(a, opts[k]))
			return true;
	return false;
}

static bool known_flag(const char *a)
{
	static const char *const flags[] = {"--force", "-v", "--verbose", "-q", "--quiet",
	                                    "--no-cache", NULL};
	for (size_t k = 0; flags[k]; k++)
		if (!strcmp(a, flags[k]))
			return true;
	return (!strncmp(a, "-j", 2) && a[2]) || !strncmp(a, "--jobs=", 7) ||
	       !strncmp(a, "--output=", 9) || !strncmp(a, "--fonts=", 8) ||
	       (!strncmp(a, "-o", 2) && a[2]);
}

int cmd_watch(int argc, char **argv)
{
	char **paths = xcalloc((size_t)argc, sizeof *paths);
	int npaths = 0;
	const char *fonts = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(usage), stdout);
			free(paths);
			return 0;
		}
		if (takes_value(a)) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("fangan: %s needs a value\n"), a);
				free(paths);
				return 2;
			}
			if (!strcmp(a, "--fonts"))
				fonts = argv[i + 1];
			i++;
		} else if (!strncmp(a, "--fonts=", 8)) {
			fonts = a + 8;
		} else if (!strcmp(a, "--")) {
			while (++i < argc)
				paths[npaths++] = argv[i];
		} else if (a[0] == '-' && a[1] != '\0' && !known_flag(a)) {
			fprintf(stderr, _("fangan %s: unknown option '%s'\n"), "watch", a);
			fputs(_(usage), stderr);
			free(paths);
			return 2;
		} else if (!known_flag(a)) {
			paths[npaths++] = argv[i];
		}
	}
	if (npaths == 0) {
		fputs(_(usage), stderr);
		free(paths);
		return 2;
	}
	/* Build's arguments and SOURCE_DATE_EPOCH (this process's
	 * environment) cannot be mended by waiting: when bad they stop the
	 * watch at once, as they stop build, rather than fail every round. */
	long long sde;
	if (!build_args_ok(argc, argv) || !source_date_epoch(&sde, "fangan watch")) {
		free(paths);
		return 2;
	}
	Watcher w = {.fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)};
	if (w.fd < 0) {
		fprintf(stderr, _("fangan watch: cannot watch files (inotify): %s\n"), strerror(errno));
		free(paths);
		return 2;
	}
	/* Ctrl-C works even when the shell started fangan with SIGINT
	 * ignored, and is read here rather than acted on mid-build. */
	signal(SIGINT, SIG_DFL);
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	int sfd = signalfd(-1, &stop, SFD_CLOEXEC);
	if (sfd < 0) {
		fprintf(stderr, _("fangan watch: cannot watch files (inotify): %s\n"), strerror(errno));
		close(w.fd);
		free(paths);
		return 2;
	}
	char *changed = NULL;
	/* Event records are aligned like struct inotify_event. */
	union {
		struct inotify_event e;
		char b[16384];
	} buf;
	for (bool stopping = false; !stopping;) {
		/* Watched before the build, so that a change made while it
		 * runs is not lost but makes the next round. */
		watch_inputs(&w, paths, npaths, fonts);
		print_time(changed);
		free(changed);
		changed = NULL;
		/* argv[0] is "watch"; cmd_build skips it. */
		cmd_build(argc, argv);
		fflush(stdout);
		fflush(stderr);
		int quiet_ms = -1; /* wait for the first event without limit */
		for (;;) {
			struct pollfd pf[2] = {{.fd = w.fd, .events = POLLIN}, {.fd = sfd, .events = POLLIN}};
			int r = poll(pf, 2, quiet_ms);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0 || (pf[1].revents & POLLIN)) {
				stopping = true;
				break;
			}
			if (r == 0)
				break; /* quiet long enough after a change: build */
			ssize_t len = read(w.fd, buf.b, sizeof buf.b);
			if (len <= 0)
				continue;
			char *c = changed_input(&w, buf.b, len);
			if (c && !changed)
				changed = c;
			else
				free(c);
			if (changed)
				quiet_ms = QUIET_MS;
		}
	}
	free(changed);
	unwatch_all(&w);
	free(w.v);
	close(w.fd);
	close(sfd);
	free(paths);
	return 0;
}
