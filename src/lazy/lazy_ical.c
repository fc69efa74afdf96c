/* lazy_ical.c — the function table of lazy_ical.h. */
#define LAZY_ICAL_IMPL
#include "lazy_ical.h"

#ifndef ICAL_SONAME
#error "ICAL_SONAME (the library's soname) comes from the Makefile"
#endif

LazyIcalFns lazy_ical;

static const char *const names[] = {LAZY_ICAL_FUNCS(LAZY_NAME)};

_Static_assert(sizeof lazy_ical == sizeof names / sizeof *names * sizeof(void (*)(void)),
               "one function pointer per name");

static LazyLib lib = {ICAL_SONAME, "libical3", names, sizeof names / sizeof *names, &lazy_ical, 0, NULL};

bool lazy_ical_load(char **err)
{
	return lazylib_load(&lib, err);
}
