/* fontmap.h — the fonts/fonts.map file: which font file serves which role.
 *
 * Format (UTF-8 text, one assignment per line):
 *
 *     # comment; '#' starts a comment anywhere on a line
 *     body     = simfang.ttf
 *     title    = FZXBSJW.TTF, uming.ttc:0
 *     fallback = /usr/share/fonts/truetype/arphic/uming.ttc
 *
 * The key is a role name (title body h1 h2 h3 h4 pagenum, see fonts.h)
 * or "fallback", whose files are tried for every role after the role's
 * own.  The value is a comma-separated list of files, tried in order;
 * a relative file is relative to the directory holding fonts.map; a
 * trailing ":N" picks face N of a TrueType collection (.ttc), default 0.
 * A role may appear on several lines; the files accumulate in order.
 */
#ifndef FANGAN_FONTMAP_H
#define FANGAN_FONTMAP_H

#include <stdbool.h>
#include <stddef.h>

#define FONTMAP_FALLBACK (-1)

typedef struct {
	int role;    /* a FontRole, or FONTMAP_FALLBACK */
	char *file;  /* as written (not yet joined to the directory) */
	unsigned index;
	int line;    /* 1-based line in the file */
} FontMapEntry;

typedef struct {
	FontMapEntry *v;
	size_t n, cap;
} FontMap;

/* Parse text (len bytes) into map (zero-initialised by the caller).
 * Returns false on the first malformed line and sets *err to
 * "line N: what is wrong" (free it); entries parsed so far are kept. */
bool fontmap_parse(const char *text, size_t len, FontMap *map, char **err);
void fontmap_free(FontMap *map);

#endif
