/* lazy_zip.c — the function table of lazy_zip.h. */
#define LAZY_ZIP_IMPL
#include "lazy_zip.h"

#ifndef ZIP_SONAME
#error "ZIP_SONAME (the library's soname) comes from the Makefile"
#endif

LazyZipFns lazy_zip;

static const char *const names[] = {LAZY_ZIP_FUNCS(LAZY_NAME)};

_Static_assert(sizeof lazy_zip == sizeof names / sizeof *names * sizeof(void (*)(void)),
               "one function pointer per name");

static LazyLib lib = {ZIP_SONAME, "libzip4", names, sizeof names / sizeof *names, &lazy_zip, 0, NULL};

bool lazy_zip_load(char **err)
{
	return lazylib_load(&lib, err);
}
