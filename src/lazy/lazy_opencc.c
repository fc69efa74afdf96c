/* lazy_opencc.c — the function table of lazy_opencc.h. */
#define LAZY_OPENCC_IMPL
#include "lazy_opencc.h"

#ifndef OPENCC_SONAME
#error "OPENCC_SONAME (the library's soname) comes from the Makefile"
#endif

LAZYLIB_DEFINE(LazyOpenccFns, lazy_opencc, LAZY_OPENCC_FUNCS, lazy_opencc_load, OPENCC_SONAME, "libopencc1.1")
