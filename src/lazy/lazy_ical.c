/* lazy_ical.c — the function table of lazy_ical.h. */
#define LAZY_ICAL_IMPL
#include "lazy_ical.h"

#ifndef ICAL_SONAME
#error "ICAL_SONAME (the library's soname) comes from the Makefile"
#endif

LAZYLIB_DEFINE(LazyIcalFns, lazy_ical, LAZY_ICAL_FUNCS, lazy_ical_load, ICAL_SONAME, "libical3")
