/* lazy_fc.c — the function table of lazy_fc.h. */
#define LAZY_FC_IMPL
#include "lazy_fc.h"

#ifndef FONTCONFIG_SONAME
#error "FONTCONFIG_SONAME (the library's soname) comes from the Makefile"
#endif

LazyFcFns lazy_fc;

static const char *const names[] = {LAZY_FC_FUNCS(LAZY_NAME)};

_Static_assert(sizeof lazy_fc == sizeof names / sizeof *names * sizeof(void (*)(void)),
               "one function pointer per name");

static LazyLib lib = {FONTCONFIG_SONAME, "libfontconfig1", names, sizeof names / sizeof *names, &lazy_fc, 0, NULL};

bool lazy_fc_load(char **err)
{
	return lazylib_load(&lib, err);
}
