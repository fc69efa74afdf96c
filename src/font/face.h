/* face.h — one font face (a file, plus a face index inside a .ttc),
 * opened once per process.
 *
 * A Face wraps the HarfBuzz objects for one face: the file is mapped
 * (hb_blob), its tables are parsed lazily by hb_face, and glyph lookups
 * and advances go through one hb_font.  Faces are cached by (real path,
 * index) and reference-counted, so that the same file used by several
 * roles, or by several FontSets in one process, is mapped and parsed
 * once.  The cache is not thread-safe: open and close faces from one
 * thread.
 *
 * Only faces with TrueType outlines (glyf/loca) are accepted, because
 * they are embedded as CIDFontType2 (FontFile2); CFF-flavoured OpenType
 * faces are refused with a reason.
 *
 * Metrics are in thousandths of an em ("milli-em"), the unit of PDF
 * glyph space, so that layout and the PDF widths use the same numbers.
 */
#ifndef FANGAN_FACE_H
#define FANGAN_FACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct Face Face;

/* Vertical metrics and bounding box in milli-em (y up, baseline 0). */
typedef struct {
	int ascent, descent; /* descent is negative */
	int cap_height;
	int bbox[4]; /* xMin yMin xMax yMax */
} FaceMetrics;

/* Open (or find in the cache) face index of the font file at path.
 * Returns NULL and sets *why (free it) when the file cannot be read, is
 * not a font, has no such face, or has no TrueType outlines. */
/* NULL when path is a regular file of a plausible size (at most
 * 256 MB) that starts as a TrueType/OpenType font or collection does;
 * else why not (caller frees).  Looked at before any parsing, so a FIFO,
 * a device or a huge file is never read. */
char *face_file_problem(const char *path);
Face *face_open(const char *path, unsigned index, char **why);
/* Take another reference / drop one (the last one unmaps the file). */
Face *face_ref(Face *f);
void face_close(Face *f);

const char *face_path(const Face *f); /* the real path */
unsigned face_index(const Face *f);
/* The PostScript name, reduced to characters allowed unescaped in a PDF
 * name; never empty. */
const char *face_psname(const Face *f);
/* The first family name in the name table (English if present), or "". */
const char *face_family(const Face *f);
const FaceMetrics *face_metrics(const Face *f);
unsigned face_glyph_count(const Face *f);

/* The glyph for cp from the face's cmap; false when it has none. */
bool face_glyph(const Face *f, uint32_t cp, uint32_t *gid);
/* Horizontal advance of gid in milli-em, rounded to an integer. */
int face_advance(const Face *f, uint32_t gid);

/* A subset of the face holding only the given glyphs (gid 0 is always
 * kept), as a standalone TrueType file with only the tables a PDF
 * reader draws from (glyf, loca, head, hhea, hmtx, maxp, cmap).
 * new_gids[i] receives the glyph id of gids[i] in the subset.  unicodes
 * (may be NULL) go into the subset's cmap.  Returns false and sets *why
 * on failure. */
bool face_subset(const Face *f, const uint32_t *gids, size_t n,
		 const uint32_t *unicodes, size_t nuni, Buf *font,
		 uint32_t *new_gids, char **why);

/* Number of faces currently open in the process cache (for tests). */
size_t face_cache_size(void);

#endif
