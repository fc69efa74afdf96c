/* cli.h — what the commands share: finding plan files, option parsing. */
#ifndef FANGAN_CLI_H
#define FANGAN_CLI_H

#include <stdbool.h>
#include <stddef.h>

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

int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_calendar(int argc, char **argv);

#endif
