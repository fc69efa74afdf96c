/* lazy_opencc.c — the function table of lazy_opencc.h. */
#define LAZY_OPENCC_IMPL
#include "lazy_opencc.h"

#ifndef OPENCC_SONAME
#error "OPENCC_SONAME (the library's soname) comes from the Makefile"
#endif

LazyOpenccFns lazy_opencc;

static const char *const names[] = {LAZY_OPENCC_FUNCS(LAZY_NAME)};

_Static_assert(sizeof lazy_opencc == sizeof names / sizeof *names * sizeof(void (*)(void)),
               "one function pointer per name");

static LazyLib lib = {OPENCC_SONAME, "libopencc1.1", names, sizeof names / sizeof *names, &lazy_opencc, 0, NULL};

bool lazy_opencc_load(char **err)
{
	return lazylib_load(&lib, err);
}
