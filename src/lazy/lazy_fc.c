/* lazy_fc.c — the function table of lazy_fc.h. */
#define LAZY_FC_IMPL
#include "lazy_fc.h"

#ifndef FONTCONFIG_SONAME
#error "FONTCONFIG_SONAME (the library's soname) comes from the Makefile"
#endif

LAZYLIB_DEFINE(LazyFcFns, lazy_fc, LAZY_FC_FUNCS, lazy_fc_load, FONTCONFIG_SONAME, "libfontconfig1")
