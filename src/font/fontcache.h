/* fontcache.h — the fonts chosen for each role, kept between runs.
 *
 * Choosing the fonts (fonts.h) asks fontconfig about a dozen family
 * names per role; starting fontconfig and asking takes longer than
 * laying out a notice.  The choice made for a fonts folder is kept in
 * $XDG_CACHE_HOME/fangan/ (~/.cache/fangan/), one file per fonts folder,
 * with what it was made from: the fangan binary, fonts.map, the fonts
 * folder and its font files, every configuration file and font folder
 * fontconfig read, and each chosen font file — each by size,
 * modification time and inode, or as missing.  A later run uses it only
 * when all of these are unchanged (a few hundred stat calls, no
 * fontconfig at all); otherwise it chooses again and rewrites the file.
 * The file ends with a hash of its contents, so a truncated or corrupted
 * one is never trusted, and it is written through a temporary file and
 * rename(), so two processes writing it at once leave one whole file.
 */
#ifndef FANGAN_FONTCACHE_H
#define FANGAN_FONTCACHE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	int role; /* FontRole */
	char *path;
	unsigned index;
	char *why;
} FontCacheLink;

/* One resolution: every role's chain in order, the notes, the map. */
typedef struct {
	FontCacheLink *links;
	size_t nlinks, caplinks;
	char **notes;
	size_t nnotes, capnotes;
	char *map_path; /* the fonts.map that was read, or NULL */
} FontCacheEntry;

/* Use the cache (default) or not (--no-cache). */
void fontcache_enable(bool on);

/* What happened to the cache in this process, for `fangan fonts`:
 * NULL before any FontSet, else "used", "written", "not written" or
 * "off"; and the cache file (NULL when there is none). */
const char *fontcache_state(const char **path);

/* A valid cache entry for fonts_dir (may be NULL), into out. */
bool fontcache_read(const char *fonts_dir, FontCacheEntry *out);
/* Keep e as the choice for fonts_dir. */
void fontcache_write(const char *fonts_dir, const FontCacheEntry *e);

void fontcache_add_link(FontCacheEntry *e, int role, const char *path, unsigned index,
                        const char *why);
void fontcache_add_note(FontCacheEntry *e, const char *note);
void fontcache_entry_free(FontCacheEntry *e);

#endif
