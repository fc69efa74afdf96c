/* fuzz_main.c — a plain main() for a fuzz target, so that `make check`
 * replays its corpus under gcc's sanitizers without libFuzzer:
 *
 *   build/san/fuzz_X [FILE|FOLDER]...   (default: FUZZ_CORPUS)
 *
 * Every file is given to LLVMFuzzerTestOneInput once; a sanitizer
 * finding aborts (-fno-sanitize-recover).  Prints "fuzz: N passed, 0
 * failed" (tests/lib.sh's form) after the last file; a folder that
 * holds no file is a failure, so an emptied corpus cannot pass. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays path, or each file in it; returns the files replayed. */
static size_t replay(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir) {
		size_t n;
		char *data = read_file(path, 16u << 20, &n);
		if (!data) {
			fprintf(stderr, "fuzz: cannot read %s\n", path);
			exit(1);
		}
		LLVMFuzzerTestOneInput((const unsigned char *)data, n);
		free(data);
		return 1;
	}
	char **names = NULL;
	size_t count = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
			continue;
		names = xrealloc(names, (count + 1) * sizeof *names);
		names[count++] = xasprintf("%s/%s", path, e->d_name);
	}
	closedir(dir);
	qsort(names, count, sizeof *names, cmp);
	size_t done = 0;
	for (size_t i = 0; i < count; i++) {
		done += replay(names[i]);
		free(names[i]);
	}
	free(names);
	if (!done) {
		fprintf(stderr, "fuzz: no inputs in %s\n", path);
		exit(1);
	}
	return done;
}

int main(int argc, char **argv)
{
	size_t n = 0;
	if (argc < 2)
		n = replay(FUZZ_CORPUS);
	for (int i = 1; i < argc; i++)
		n += replay(argv[i]);
	printf("fuzz: %zu passed, 0 failed\n", n);
	return 0;
}
