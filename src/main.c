/* main.c — the command line: dispatch to the commands. */
#include <stdio.h>
#include <string.h>

#include "version.h"

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("fangan %s\n", FANGAN_VERSION);
		return 0;
	}
	fprintf(stderr, "usage: fangan check|build ...\n");
	return 2;
}
