/* canvas_list.h — the display list behind canvas.h, shared by canvas.c (which
 * records it) and the back ends (src/out/pdfsave.c turns it into a PDF).  Not for
 * layout or the checker. */
#ifndef FANGAN_CANVAS_LIST_H
#define FANGAN_CANVAS_LIST_H

#include "canvas.h"

/* One drawn character.  (face, cp) always gives the same gid and
 * advance; a missing character has gid 0 and advance 1000. */
typedef struct {
	uint32_t cp, gid;
	uint32_t face; /* index into Canvas.faces */
	int milli;     /* advance in thousandths of an em */
} CvGlyph;

typedef enum { CV_OP_TEXT, CV_OP_FILL_CMYK, CV_OP_STROKE_CMYK, CV_OP_LINE, CV_OP_RECT } CvOpKind;

typedef struct {
	CvOpKind kind;
	/* text: size x y char_spacing quarter-turns horizontal-scale (0:
	 * 100 %); colour: c m y k; line: x1 y1 x2 y2 width; rect: x y w h
	 * line_width */
	double a[6];
	CvPaint paint;     /* rect */
	size_t g0, ng;      /* text: glyphs[g0 .. g0+ng) */
} CvOp;

typedef struct {
	double width, height;
	size_t op0, nop; /* ops[op0 .. op0+nop): pages are drawn in order */
} CvPage;

struct Canvas {
	const FontSet *fs;
	char *title, *author, *subject, *keywords, *creator;
	Day created;
	CvPage *pages;
	size_t npages, pages_cap;
	CvOp *ops;
	size_t nops, ops_cap;
	CvGlyph *glyphs;
	size_t nglyphs, glyphs_cap;
	const Face **faces; /* every face drawn with, in order of first use */
	size_t nfaces, faces_cap;
	CanvasMissing *missing;
	size_t nmissing, missing_cap;
	char *error; /* the first misuse, reported by pdf_save */
	const Canvas *share; /* canvas_share_subsets; NULL: none */
};

#endif
