/* fuzz_layout.c — libFuzzer target: any bytes as a plan, through check,
 * layout and PDF writing (in memory) when the checker finds no error.
 * Corpus: tests/fuzz/layout/ (see tests/fuzz/README.md). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *path = xasprintf("%s/plan.md", fuzz_dir());
	fuzz_build(path, (const char *)data, size);
	free(path);
	return 0;
}
