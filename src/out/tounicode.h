/* tounicode.h — the ToUnicode CMap of a CID-keyed font.
 *
 * Text extraction, copy and search in PDF viewers map each 2-byte code
 * shown by the content stream back to Unicode through this CMap.  Values
 * are UTF-16BE, so characters beyond U+FFFF become surrogate pairs.
 * (libharu 2.3 writes a cidrange-style ToUnicode for its UTF-8 fonts,
 * which viewers do not read as text; this replaces it.)
 */
#ifndef FANGAN_TOUNICODE_H
#define FANGAN_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct {
	uint16_t code; /* the 2-byte code in the content stream (the CID) */
	uint32_t cp;   /* the Unicode scalar value it stands for */
} CodeUnicode;

/* Append the whole CMap program for n pairs sorted by ascending, unique
 * code.  Runs of consecutive codes and BMP code points become bfrange
 * entries, everything else bfchar. */
void tounicode_cmap(const CodeUnicode *map, size_t n, Buf *out);

#endif
