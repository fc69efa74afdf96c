/* i18n.c — see i18n.h: where the message catalogues are. */
#include "i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

#ifndef FANGAN_LOCALEDIR
#define FANGAN_LOCALEDIR "/usr/local/share/locale"
#endif

static char *localedir;

static bool has_catalogue(const char *dir)
{
	char *mo = xasprintf("%s/zh_CN/LC_MESSAGES/fangan.mo", dir);
	struct stat st;
	bool ok = stat(mo, &st) == 0 && S_ISREG(st.st_mode);
	free(mo);
	return ok;
}

/* The catalogues beside the running binary: build/locale next to
 * ./fangan in a source tree, ../locale from build/san/fangan, and
 * ../share/locale for an install moved or staged as a whole tree.
 * NULL when none is there. */
static char *beside_binary(void)
{
	char *exe = paths_exe_dir();
	if (!exe)
		return NULL;
	static const char *const rel[] = {"build/locale", "../locale", "../share/locale"};
	char *found = NULL;
	for (size_t i = 0; i < sizeof rel / sizeof *rel && !found; i++) {
		char *d = xasprintf("%s/%s", exe, rel[i]);
		if (has_catalogue(d))
			found = d;
		else
			free(d);
	}
	free(exe);
	return found;
}

static void drop_localedir(void)
{
	free(localedir);
	localedir = NULL;
}

void i18n_init(void)
{
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	if (!localedir) {
		localedir = beside_binary();
		if (!localedir)
			localedir = xstrdup(FANGAN_LOCALEDIR);
		atexit(drop_localedir);
	}
	bindtextdomain("fangan", localedir);
	bind_textdomain_codeset("fangan", "UTF-8");
	textdomain("fangan");
}
