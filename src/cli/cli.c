/* cli.c — see cli.h. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "util.h"
#include "i18n.h"

static void add(PathList *l, char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* A folder with no plan is said once per process (watch collects the
 * plans again every round). */
static void say_empty(const char *dir)
{
	char *msg = xasprintf(_("fangan: %s: no plans (*.md) in this folder\n"), dir);
	if (first_time(msg))
		fputs(msg, stderr);
	free(msg);
}

static bool add_dir(const char *dir, PathList *out)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "fangan: %s: %s\n", dir, strerror(errno));
		return false;
	}
	PathList found = {0};
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".md"))
			continue;
		size_t dl = strlen(dir);
		char *path = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
		/* A folder named *.md is passed over; anything else — a
		 * FIFO, a device, a dangling link — is taken, so that the
		 * reader says what it is, as for a PATH given by name,
		 * rather than dropped silently. */
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			free(path);
		else
			add(&found, path);
	}
	closedir(d);
	if (found.n == 0)
		say_empty(dir);
	else
		qsort(found.v, found.n, sizeof *found.v, cmp_str);
	for (size_t i = 0; i < found.n; i++)
		add(out, found.v[i]);
	free(found.v);
	return true;
}

bool collect_plans(char **args, int nargs, PathList *out)
{
	bool ok = true;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) != 0) {
			fprintf(stderr, "fangan: %s: %s\n", args[i], strerror(errno));
			ok = false;
		} else if (S_ISDIR(st.st_mode)) {
			ok = add_dir(args[i], out) && ok;
		} else {
			add(out, xstrdup(args[i]));
		}
	}
	return ok;
}

void pathlist_free(PathList *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void cli_opt_begin(void)
{
	/* glibc: 0 starts afresh (a command may run after another one's
	 * parsing, as `watch` runs `build`). */
	optind = 0;
	opterr = 0;
}

int cli_opt(const char *cmd, const char *usage, int argc, char **argv, const char *shortopts,
            const struct option *longopts)
{
	/* A leading ':' makes a missing value ':' instead of '?'. */
	char *so = xasprintf(":%s", shortopts);
	int c = getopt_long(argc, argv, so, longopts, NULL);
	free(so);
	if (c != '?' && c != ':')
		return c;
	/* The word at fault is the one getopt just stepped over. */
	const char *a = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	char shortopt[3] = {'-', (char)optopt, '\0'};
	if (strncmp(a, "--", 2) != 0)
		a = shortopt;
	if (c == ':')
		fprintf(stderr, _("fangan: %s needs a value\n"), a);
	else
		fprintf(stderr, _("fangan %s: unknown option '%s'\n"), cmd, a);
	fputs(_(usage), stderr);
	return '?';
}

char *fonts_dir_for(const char *plan)
{
	char *dirs[4];
	size_t n = paths_search("fonts", plan, dirs, 4);
	for (size_t i = 1; i < n; i++)
		free(dirs[i]);
	return n ? dirs[0] : NULL;
}


bool source_date_epoch(long long *secs, const char *who)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	*secs = -1;
	if (!s || !*s)
		return true;
	long long v = 0;
	for (const char *c = s; *c; c++) {
		if (*c < '0' || *c > '9' || (v = v * 10 + (*c - '0')) > 253402300799LL) {
			if (who)
				fprintf(stderr, _("%s: the value '%s' of SOURCE_DATE_EPOCH is not a valid "
				                  "number of seconds (whole seconds since 1970-01-01 00:00 "
				                  "UTC, at most 253402300799)\n"), who, s);
			return false;
		}
	}
	*secs = v;
	return true;
}
