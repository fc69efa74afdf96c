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

/* SOURCE_DATE_EPOCH: true with *secs -1 when it is unset or empty, or
 * with its seconds (0 to 253402300799, the last second of 9999); false
 * when it is set to anything else, said on stderr after "WHO: " when who
 * is not NULL (never a silent fallback to the clock or the plan's date). */
bool source_date_epoch(long long *secs, const char *who);

/* Options: getopt_long over a command's argv (argv[0] is the command's
 * name), in fangan's words.  Call cli_opt_begin() before the first
 * cli_opt() of a command; then, like getopt_long, cli_opt() returns each
 * option's val (its value in optarg) and -1 at the end, when
 * argv[optind..argc) are the operands ("--" ends the options; options
 * may follow operands).  An unknown option or one without its value is
 * said on stderr with the usage, and cli_opt() returns '?'. */
#include <getopt.h>
void cli_opt_begin(void);
int cli_opt(const char *cmd, const char *usage, int argc, char **argv, const char *shortopts,
            const struct option *longopts);

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

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
/* Are build's arguments good?  What is wrong is said, as build says it
 * (for watch, which builds with them again and again). */
bool build_args_ok(int argc, char **argv);
int cmd_fonts(int argc, char **argv);

/* A plan path's file stem made safe as a file name (caller frees). */
char *safe_stem(const char *path);
int cmd_new(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_import(int argc, char **argv);

#endif
