/* typeset.h — breaking a paragraph of Chinese text into lines.
 *
 * The composer (layout.c) hands over a paragraph as a few runs of text,
 * each in one font role (a bold run-in head in 黑体 followed by body text
 * in 仿宋, say), and a style saying how wide the lines are and how they
 * are indented and aligned.  Back come lines: for each, the pieces of the
 * runs it holds, where each piece starts and the extra spacing after each
 * character that makes the line fill its width.  Nothing is drawn here
 * and nothing vertical is decided (pages, widows) — that is the
 * composer's.
 *
 * Rules, after GB/T 9704 and GB/T 15834 / W3C clreq:
 *   - break opportunities come from libunibreak (UAX #14): between any two
 *     Chinese characters, never inside a Latin word or a number;
 *   - 禁则: closing punctuation (，。、；：？！）》」』】〕” ’ …) never starts
 *     a line, opening brackets and quotes (（《「『【〔“ ‘) never end one;
 *     the line is fixed by pulling the next character up (squeezing the
 *     spacing, at most half a character per line, not counting the blank
 *     half of a pulled-up 。，、 or closing mark — so a 29th "。" joins a
 *     full line of 28, glyphs kept whole) or else pushing the last one
 *     down (widening), never by overflowing the margin;
 *   - justified lines fill the width exactly; the last line of a paragraph
 *     is set at the natural pitch, left-aligned;
 *   - a paragraph's last line is not a single character when re-setting
 *     can avoid it (pull one character down from the line above).
 *
 * Geometry (typeset.c explains it at length): every character advances
 * its natural width plus delta = pitch − size, so a Chinese character
 * advances exactly pitch and a line "fits" when its characters fill at
 * most the line's grid slots (28 of 15.793 pt on the body grid, 26 after
 * a two-character indent).  A justified line is then spaced so that its
 * last glyph's right edge lands exactly at the width; no line, justified
 * or not, ends beyond it (a full last line is squeezed by the 0.2 pt its
 * last glyph would otherwise stick out).
 *
 * Words: no break inside a Latin word or number (URLs excepted, which
 * break per UAX #14), between a number and the Chinese character after
 * it (2020年), or at a space before a number (GB/T 9704-2012); a word
 * longer than a line is broken by character.
 */
#ifndef FANGAN_TYPESET_H
#define FANGAN_TYPESET_H

#include <stdbool.h>
#include <stddef.h>

#include "fonts.h"

typedef struct {
	FontRole role;
	const char *s;   /* UTF-8; "\n" is a forced line break; malformed
	                    bytes count as one U+FFFD each */
	size_t len;
} TsRun;

typedef enum { TS_JUSTIFY, TS_LEFT, TS_CENTER, TS_RIGHT } TsAlign;

typedef struct {
	double size;         /* font size, pt (16 for 3号) */
	double width;        /* the full line width, pt (442.205 for the 版心) */
	double pitch;        /* the nominal advance of one Chinese character:
	                        width / 28 for the body grid; 0 = the font's */
	double first_indent; /* first line's left indent, pt (2 × pitch) */
	double indent;       /* later lines' left indent, pt (hanging indent) */
	TsAlign align;
	bool balance;        /* centred titles: make lines about equally long
	                        (梯形/菱形) instead of filling the first ones —
	                        as many lines as filling would give, the widest
	                        as narrow as possible, and among such settings
	                        breaks after punctuation preferred; lines are
	                        not squeezed (no pull-up) in this mode */
	bool words;          /* break between words (words.h: friso) where
	                        that takes no more lines than breaking between
	                        any two characters: form labels, table cells */
	const char *const *keep; /* with words: phrases kept whole too */
	size_t nkeep;
} TsStyle;

/* A piece of one run on one line: a line has one piece for each run it
 * touches, in order, all with the same spacing.  The "\n" of a forced
 * break and the spaces at a line's end are in no piece. */
typedef struct {
	size_t run;          /* index into the runs */
	size_t off, len;     /* bytes of that run's text */
	double x;            /* left edge, pt from the line's left end */
	double spacing;      /* pt added after every character (PDF Tc) */
	double width;        /* advance of the piece including spacing (also
	                        after its last character), so that the next
	                        piece starts at x + width; equals
	                        fontset_text_width(.., spacing) of its bytes */
} TsPiece;

typedef struct {
	TsPiece *pieces;
	size_t npieces;
	double width;        /* from the line's left end to the right edge of
	                        its last glyph (without the spacing after it):
	                        style.width for a justified line; 0 for an
	                        empty one */
	size_t chars;        /* characters on the line */
	bool last;           /* the paragraph's last line (or before a \n):
	                        not justified; a "\n\n" gives an empty line,
	                        a "\n" at the very end none */
} TsLine;

typedef struct {
	TsLine *lines;
	size_t nlines;
} TsPara;

/* Set runs[0..nruns) in style.  Always succeeds (an empty paragraph gives
 * no lines); work is linear in the text for any input. */
TsPara typeset(const FontSet *fs, const TsRun *runs, size_t nruns, const TsStyle *style);
void tspara_free(TsPara *p);

#endif
