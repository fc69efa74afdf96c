/* cmd_fonts.c — `fangan fonts`: which file serves each font role, and why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fontcache.h"
#include "fonts.h"
#include "util.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan fonts [--fonts DIR] [--no-cache] [PATH]\n"
	"\n"
	"Print, for each font role (title 小标宋, body 仿宋, h1 黑体, h2 楷体, h3, h4,\n"
	"pagenum 宋体), the chain of font files that draw it, most preferred\n"
	"first, and why each was chosen: a line of DIR/fonts.map, a fontconfig\n"
	"family, or a free Debian fallback.  The choice is kept in a cache,\n"
	"$XDG_CACHE_HOME/fangan (~/.cache/fangan), used while fonts.map, the fonts\n"
	"and fontconfig's configuration stay the same; the line \"font cache\"\n"
	"says whether it was used or written.\n"
	"\n"
	"  PATH           a plan or a folder of plans: use the fonts/ beside it\n"
	"  --fonts DIR    the fonts folder (default: fonts/ beside PATH, ./fonts,\n"
	"                 else the installed one)\n"
	"  --no-cache     choose afresh, neither reading nor writing the cache\n"
	"  -h, --help     this help\n");

int cmd_fonts(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"fonts", required_argument, NULL, 'F'},
		{"no-cache", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *dir = NULL;
	int c;
	cli_opt_begin();
	while ((c = cli_opt("fonts", usage, argc, argv, "h", longopts)) != -1) {
		if (c == 'h') {
			fputs(_(usage), stdout);
			return 0;
		}
		if (c == 'N')
			fontcache_enable(false);
		else if (c == 'F')
			dir = optarg;
		else
			return 2;
	}
	if (optind + 1 < argc) {
		fprintf(stderr, _("fangan fonts: unknown argument '%s'\n"), argv[optind + 1]);
		fputs(_(usage), stderr);
		return 2;
	}
	/* The fonts/ beside the plan (or the plans of a folder) given, as
	 * build would use. */
	char *plan = NULL;
	if (optind < argc) {
		struct stat st;
		const char *p = argv[optind];
		plan = stat(p, &st) == 0 && S_ISDIR(st.st_mode) ? xasprintf("%s/plan.md", p)
		                                                : xstrdup(p);
	}
	char *found = dir ? NULL : fonts_dir_for(plan);
	free(plan);
	char *err = NULL;
	FontSet *fs = fontset_new(dir ? dir : found, &err);
	free(found);
	if (!fs) {
		fprintf(stderr, "fangan: %s\n", err);
		free(err);
		return 2;
	}
	Buf b = {0};
	fontset_describe(fs, &b);
	fputs(buf_cstr(&b), stdout);
	buf_free(&b);
	fontset_free(fs);
	return 0;
}
