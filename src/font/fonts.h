/* fonts.h — which font draws which character, by typographic role.
 *
 * GB/T 9704 names a typeface per element: 小标宋 for the title, 仿宋 for
 * the body, 黑体 and 楷体 for the first two heading levels, 宋体 for page
 * numbers.  Most machines have none of these, so every role has a chain
 * of faces, resolved once when the FontSet is made:
 *
 *   1. files named for the role in <fonts_dir>/fonts.map (see fontmap.h),
 *      then the map's "fallback" files;
 *   2. fonts that fontconfig knows under the role's family names
 *      (仿宋_GB2312, FangSong, …), accepted only when the matched font
 *      really carries that family name — fontconfig always returns
 *      something;
 *   3. the free Debian fonts closest in style (AR PL SungtiL GB, AR PL
 *      KaitiM GB, WenQuanYi Zen Hei), found through fontconfig or at
 *      their Debian paths;
 *   4. always last: AR PL UMing CN and WenQuanYi Zen Hei, which between
 *      them cover all of CJK Unified Ideographs and more.
 *
 * A character is drawn by the first face of its role's chain whose cmap
 * has it, so a traditional character missing from a GB2312-only font is
 * taken from UMing instead of showing as a blank box; a character no face
 * has is reported to the caller.
 *
 * Faces are opened through face.h, which maps and parses each font file
 * once per process however many roles or FontSets use it.  Make one
 * FontSet per fonts directory and keep it for the whole batch.
 */
#ifndef FANGAN_FONTS_H
#define FANGAN_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "face.h"
#include "fontrole.h"
#include "util.h"

typedef struct FontSet FontSet;

/* Resolve every role's chain.  fonts_dir may be NULL or a directory
 * without fonts.map.  Returns NULL and sets *err (free it) only when
 * fonts.map exists but cannot be read or has a malformed line; files it
 * names that cannot be used are skipped and listed by fontset_describe;
 * a file it names that does not exist is an error (*err, in Chinese). */
FontSet *fontset_new(const char *fonts_dir, char **err);
void fontset_free(FontSet *fs);

/* The face that draws cp in role and its glyph id there, or NULL when no
 * face of the chain has cp. */
const Face *fontset_lookup(const FontSet *fs, FontRole role, uint32_t cp,
			   uint32_t *gid);
/* The first code point of utf8[0..len) that role cannot draw, with its
 * byte offset; 0 when every character can be drawn.  Malformed UTF-8
 * counts as U+FFFD. */
uint32_t fontset_first_missing(const FontSet *fs, FontRole role,
			       const char *utf8, size_t len, size_t *offset);

/* The chain of a role: n faces, most preferred first, and why each is
 * there ("fonts.map line 3", "fontconfig family \"SimHei\"", …). */
size_t fontset_chain_len(const FontSet *fs, FontRole role);
const Face *fontset_chain_face(const FontSet *fs, FontRole role, size_t i,
			       const char **why);

/* Width in points of utf8[0..len) set in role at size pt, with
 * char_spacing pt added after every character (the PDF Tc rule).
 * Characters no face has count as one em. */
double fontset_text_width(const FontSet *fs, FontRole role, double size,
			  const char *utf8, size_t len, double char_spacing);

/* Is role served by a face of another style than GB/T 9704 asks (no
 * mapped or installed face of its families, a free Debian fallback
 * first)?  Then *family is that face's family and *style its style
 * (宋体, 楷体, 黑体). */
bool fontset_substitute(const FontSet *fs, FontRole role, const char **family,
                        const char **style);

/* For `fangan fonts`: every role's chain with file, face index, family
 * and the reason, then the notes (mapped files that were skipped and
 * why, family names not installed). */
void fontset_describe(const FontSet *fs, Buf *out);

/* For build: each fonts.map line whose file was skipped (not a usable
 * font), on f as "fangan: fonts/fonts.map:3: skipped (body): …" — the
 * note fangan fonts lists — once per process (watch builds again and
 * again). */
void fontset_warn_skipped(const FontSet *fs, FILE *f);

#endif
