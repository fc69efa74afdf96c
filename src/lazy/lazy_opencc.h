/* lazy_opencc.h — OpenCC (traditional Chinese), opened when first needed
 * (lazylib.h).  Include this instead of the library's header, and call
 * lazy_opencc_load before the first call. */
#ifndef FANGAN_LAZY_OPENCC_H
#define FANGAN_LAZY_OPENCC_H

#include <opencc.h>

#include "lazylib.h"

#define LAZY_OPENCC_FUNCS(X) \
	X(opencc_close) \
	X(opencc_convert_utf8) \
	X(opencc_convert_utf8_free) \
	X(opencc_open)

typedef struct {
	LAZY_OPENCC_FUNCS(LAZY_PTR)
} LazyOpenccFns;
extern LazyOpenccFns lazy_opencc;

/* Open the library (once); false and *err (if err) when it cannot be. */
bool lazy_opencc_load(char **err);

#ifndef LAZY_OPENCC_IMPL
#define opencc_close (lazy_opencc.opencc_close)
#define opencc_convert_utf8 (lazy_opencc.opencc_convert_utf8)
#define opencc_convert_utf8_free (lazy_opencc.opencc_convert_utf8_free)
#define opencc_open (lazy_opencc.opencc_open)
#endif

#endif
