/* pdfdoc.h — the display list behind pdfout.h, shared by pdfout.c (which
 * records it) and pdfsave.c (which turns it into a PDF).  Not for other
 * modules. */
#ifndef FANGAN_PDFDOC_H
#define FANGAN_PDFDOC_H

#include "pdfout.h"

/* One drawn character.  (face, cp) always gives the same gid and
 * advance; a missing character has gid 0 and advance 1000. */
typedef struct {
	uint32_t cp, gid;
	uint32_t face; /* index into PdfDoc.faces */
	int milli;     /* advance in thousandths of an em */
} PdfGlyph;

typedef enum { OP_TEXT, OP_FILL_CMYK, OP_STROKE_CMYK, OP_LINE, OP_RECT } OpKind;

typedef struct {
	OpKind kind;
	/* text: size x y char_spacing quarter-turns; colour: c m y k;
	 * line: x1 y1 x2 y2 width; rect: x y w h line_width */
	double a[5];
	PdfPaint paint;     /* rect */
	size_t g0, ng;      /* text: glyphs[g0 .. g0+ng) */
} PdfOp;

typedef struct {
	double width, height;
	size_t op0, nop; /* ops[op0 .. op0+nop): pages are drawn in order */
} PdfPage;

struct PdfDoc {
	const FontSet *fs;
	char *title, *author, *subject, *keywords, *creator;
	Day created;
	PdfPage *pages;
	size_t npages, pages_cap;
	PdfOp *ops;
	size_t nops, ops_cap;
	PdfGlyph *glyphs;
	size_t nglyphs, glyphs_cap;
	const Face **faces; /* every face drawn with, in order of first use */
	size_t nfaces, faces_cap;
	PdfMissing *missing;
	size_t nmissing, missing_cap;
	char *error; /* the first misuse, reported by pdf_save */
};

#endif
