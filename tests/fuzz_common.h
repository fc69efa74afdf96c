/* fuzz_common.h — what the fuzz targets (tests/fuzz_*.c) share: a
 * scratch folder for the files a target must read from disk, and a plan
 * taken through check, layout and PDF writing into memory, as `fangan
 * build` does (no file is written).  Header-only: each target is one
 * file, built by clang for `make fuzz` and by gcc with the sanitizers
 * for the replay of its corpus in `make check` (fuzz_main.c). */
#ifndef FANGAN_FUZZ_COMMON_H
#define FANGAN_FUZZ_COMMON_H

#define _XOPEN_SOURCE 700 /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "check.h"
#include "diag.h"
#include "fonts.h"
#include "geometry.h"
#include "layout.h"
#include "model.h"
#include "pdf.h"
#include "template.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static char fuzz_dir_name[] = "/tmp/fangan-fuzz-XXXXXX";

static inline void fuzz_dir_remove(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fuzz_dir_name);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_name);
	free(cmd);
}

/* The scratch folder, made on first use and removed at exit. */
static inline const char *fuzz_dir(void)
{
	static int made;
	if (!made) {
		if (!mkdtemp(fuzz_dir_name)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		made = 1;
		atexit(fuzz_dir_remove);
	}
	return fuzz_dir_name;
}

/* dir/name holds n bytes of data. */
static inline void fuzz_put(const char *name, const void *data, size_t n)
{
	char *path = xasprintf("%s/%s", fuzz_dir(), name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		abort();
	}
	free(path);
}

/* The plan text at path (which need not exist: templates are looked
 * up beside it) read, checked and, without errors, laid out and saved
 * as a PDF in memory. */
static inline void fuzz_build(const char *path, const char *text, size_t n)
{
	static FontSet *fs;
	if (!fs) {
		char *err = NULL;
		fs = fontset_new(NULL, &err);
		if (!fs) {
			fprintf(stderr, "fuzz: no fonts: %s\n", err ? err : "?");
			abort();
		}
	}
	Diags d = {0};
	Plan *p = plan_parse(path, text, n, &d);
	check_plan(p, &d);
	if (diag_count(&d, SEV_ERROR) == 0) {
		Geometry fallback = geometry_default();
		const Geometry *g = p->notice ? &p->notice->notice : &fallback;
		CanvasMeta meta = {.title = p->title.s, .author = p->issuer.s, .creator = "fangan"};
		Canvas *doc = canvas_new(fs, &meta);
		if (layout_plan(p, fs, g, doc, &d)) {
			Buf pdf = {0};
			char *err = NULL;
			bool ok = pdf_save_mem(doc, &pdf, &err);
			if (getenv("FUZZ_VERBOSE"))
				fprintf(stderr, "fuzz: %zu pages, %zu bytes of PDF%s%s\n",
				        canvas_page_count(doc), pdf.len, ok ? "" : ": ", ok ? "" : err);
			free(err);
			buf_free(&pdf);
		}
		canvas_free(doc);
	}
	diag_sort(&d);
	if (getenv("FUZZ_VERBOSE")) /* what a run found, to see what it reached */
		for (size_t i = 0; i < d.n; i++)
			fprintf(stderr, "%s:%d:%d: %s\n", d.v[i].file, d.v[i].pos.line,
			        d.v[i].pos.col, d.v[i].message);
	plan_free(p);
	diag_free(&d);
}

#endif
