/* cmd_new.c — `fangan new`: placeholder until written. */
#include "cli.h"
int cmd_new(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 2;
}
