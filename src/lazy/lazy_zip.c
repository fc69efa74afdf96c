/* lazy_zip.c — the function table of lazy_zip.h. */
#define LAZY_ZIP_IMPL
#include "lazy_zip.h"

#ifndef ZIP_SONAME
#error "ZIP_SONAME (the library's soname) comes from the Makefile"
#endif

LAZYLIB_DEFINE(LazyZipFns, lazy_zip, LAZY_ZIP_FUNCS, lazy_zip_load, ZIP_SONAME, "libzip4")
