/* main.c — the command line: dispatch to the commands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "version.h"

static const char usage[] =
	"usage: fangan COMMAND [OPTIONS] PATH...\n"
	"\n"
	"Commands:\n"
	"  check    check plans for inconsistencies (fangan check --help)\n"
	"  build    check and render plans as PDF (fangan build --help)\n"
	"  fonts    show which font file serves each role (fangan fonts --help)\n"
	"\n"
	"  fangan --version    print the version\n"
	"  fangan --help       this help\n";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("fangan %s\n", FANGAN_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "build"))
		return cmd_build(argc - 1, argv + 1);
	if (!strcmp(cmd, "fonts"))
		return cmd_fonts(argc - 1, argv + 1);
	fprintf(stderr, "fangan: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
