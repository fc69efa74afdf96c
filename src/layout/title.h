/* title.h — where a centred title breaks into lines (GB/T 9704 §7.3.1:
 * “回行时，要做到词意完整，排列对称，长短适宜，间距恰当”).
 *
 * The one place that decides a title's lines: the PDF layout (compose.c,
 * the attachment and form headings) and the DOCX writer both call
 * title_lines and set each line centred.
 *
 *   - A title written with line breaks (YAML `title: |` or "\n") keeps
 *     the author's lines as they are.
 *   - Otherwise it takes as few lines as fit the width and breaks only
 *     between words (words.h: friso, 公文 terms, the plan's names and
 *     “…” phrases), never against the 禁则, never leaving a line of one
 *     or two characters; among such breaks the most balanced set wins,
 *     in the shape of a 梯形 (each line no longer than the one above) or
 *     a 菱形 (the longest in the middle); a break after a closing quote
 *     or punctuation, or before an opening quote, is preferred.
 *   - When no word-whole set exists (a word longer than a line), one
 *     more line is tried, and then breaks between any two characters.
 * The work is bounded: titles over TITLE_MAX_CHARS characters or
 * TITLE_MAX_LINES lines are filled greedily between words.
 */
#ifndef FANGAN_TITLE_H
#define FANGAN_TITLE_H

#include <stddef.h>

#include "fonts.h"
#include "model.h"

#define TITLE_MAX_CHARS 160
#define TITLE_MAX_LINES 4

/* The byte offsets in s[0..len) where the lines of the title start (the
 * first is 0), set in role at size pt on lines width pt wide; a line
 * ends where the next starts, less a "\n" written there.  p (may be
 * NULL) gives the names kept whole.  Returns the number of lines (at
 * least 1) and a malloc'd array in *starts. */
size_t title_lines(const FontSet *fs, FontRole role, double size, double width,
                   const char *s, size_t len, const Plan *p, size_t **starts);

/* s with "\n" at the breaks title_lines chose (malloc'd). */
char *title_broken(const FontSet *fs, FontRole role, double size, double width,
                   const char *s, const Plan *p);

#endif
