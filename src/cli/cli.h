/* cli.h — what the commands share: finding plan files, option parsing. */
#ifndef FANGAN_CLI_H
#define FANGAN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "date.h"

typedef struct {
	char **v;
	size_t n, cap;
} PathList;

/* Expand arguments into plan files: a file as given, a folder as every
 * *.md directly in it, sorted.  Returns false (with a message printed)
 * when an argument cannot be read. */
bool collect_plans(char **args, int nargs, PathList *out);
void pathlist_free(PathList *l);

/* "--name=value" or "--name value": when arg is --name, take the value.
 * Returns the value or NULL when arg is not this option. */
const char *opt_value(const char *name, int argc, char **argv, int *i);

/* Today in local time, the default day of `new --date` and `calendar
 * --today`. */
static inline Day today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return day_from_ymd(1970, 1, 1);
	return day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The fonts folder for a plan (may be NULL): fonts/ beside the plan,
 * else ./fonts, else the installed one (see paths.h); NULL when there is
 * none.  Caller frees. */
char *fonts_dir_for(const char *plan);

/* What every command does with an argument that is none of its own
 * options: "--" makes the rest PATHs, another "-x" is an unknown option
 * (said on stderr with usage; returns false), anything else is a PATH
 * appended to paths (room for argc entries). */
bool take_path_arg(const char *cmd, const char *usage, int argc, char **argv, int *i,
                   char **paths, int *npaths);

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_fonts(int argc, char **argv);

/* A plan path's file stem made safe as a file name (caller frees). */
char *safe_stem(const char *path);
int cmd_new(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_import(int argc, char **argv);

#endif
