/* main.c — the command line: dispatch to the commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "paths.h"
#include "version.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan COMMAND [OPTIONS] PATH...\n"
	"\n"
	"Commands:\n"
	"  check    check plans for inconsistencies (fangan check --help)\n"
	"  build    check and render plans as PDF (fangan build --help)\n"
	"  watch    build, then build again whenever a plan changes\n"
	"           (fangan watch --help)\n"
	"  fonts    show which font file serves each role (fangan fonts --help)\n"
	"  new      write a new plan from a skeleton (fangan new --help)\n"
	"  import   make a plan from an existing Word document or text\n"
	"           (fangan import --help)\n"
	"  calendar deadlines and phases as iCalendar, or what is due soon\n"
	"           (fangan calendar --help)\n"
	"\n"
	"  fangan --version    print the version\n"
	"  fangan --datadir    print the folder of the installed templates and fonts map\n"
	"  fangan --help       this help\n"
	"\n"
	"The manual: man fangan.\n");

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		fputs(_(usage), stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("fangan %s\n", FANGAN_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(_(usage), stdout);
		return 0;
	}
	if (!strcmp(cmd, "--datadir")) {
		char *d = paths_datadir();
		puts(d);
		free(d);
		return 0;
	}
	if (!strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "build"))
		return cmd_build(argc - 1, argv + 1);
	if (!strcmp(cmd, "fonts"))
		return cmd_fonts(argc - 1, argv + 1);
	if (!strcmp(cmd, "new"))
		return cmd_new(argc - 1, argv + 1);
	if (!strcmp(cmd, "import"))
		return cmd_import(argc - 1, argv + 1);
	if (!strcmp(cmd, "watch"))
		return cmd_watch(argc - 1, argv + 1);
	if (!strcmp(cmd, "calendar"))
		return cmd_calendar(argc - 1, argv + 1);
	fprintf(stderr, _("fangan: unknown command '%s'\n"), cmd);
	fputs(_(usage), stderr);
	return 2;
}
