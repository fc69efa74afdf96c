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
 *     spacing, at most half a character per line) or pushing the last
 *     one down (widening), never by overflowing the margin;
 *   - justified lines fill the width exactly; the last line of a paragraph
 *     is set at the natural pitch, left-aligned;
 *   - a paragraph's last line is not a single character when re-setting
 *     can avoid it (pull one character down from the line above).
 */
#ifndef FANGAN_TYPESET_H
#define FANGAN_TYPESET_H

#include <stdbool.h>
#include <stddef.h>

#include "fonts.h"

typedef struct {
	FontRole role;
	const char *s;   /* UTF-8; "\n" is a forced line break */
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
	                        (梯形/菱形) instead of filling the first ones */
} TsStyle;

/* A piece of one run on one line. */
typedef struct {
	size_t run;          /* index into the runs */
	size_t off, len;     /* bytes of that run's text */
	double x;            /* left edge, pt from the line's left end */
	double spacing;      /* pt added after every character (PDF Tc) */
	double width;        /* advance of the piece including spacing */
} TsPiece;

typedef struct {
	TsPiece *pieces;
	size_t npieces;
	double width;        /* from the line's left end to its last ink */
	size_t chars;        /* characters on the line */
	bool last;           /* the paragraph's last line (or before a \n) */
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
