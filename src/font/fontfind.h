/* fontfind.h — asking fontconfig for a font by family name.
 *
 * fontconfig answers every query with its best match, which may be any
 * font at all; these functions accept a match only when one of its
 * family names equals the one asked for (ignoring case and blanks).
 */
#ifndef FANGAN_FONTFIND_H
#define FANGAN_FONTFIND_H

#include <stdbool.h>

typedef struct FontDir FontDir;

/* The installed font (system fontconfig configuration) whose family is
 * family: its file (free it) and face index.  False when none is. */
bool fontfind_system(const char *family, char **file, unsigned *index);

/* The fonts in one directory, indexed by family with a private fontconfig
 * configuration (the process-wide one is left alone).  NULL when the
 * directory does not exist or holds no fonts. */
FontDir *fontdir_open(const char *dir);
bool fontdir_find(FontDir *fd, const char *family, char **file, unsigned *index);
void fontdir_close(FontDir *fd);

/* What the system configuration's answers depend on, for the font cache
 * (fontcache.h): each configuration file fontconfig read and each font
 * folder it scans, given to dep(ctx, path).  Nothing when fontconfig was
 * not used in this process. */
void fontfind_deps(void (*dep)(void *ctx, const char *path), void *ctx);

#endif
