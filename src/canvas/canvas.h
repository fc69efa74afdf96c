/* pdfout.h — a PDF writer for laid-out pages of Chinese text.
 *
 * The layout engine draws on pages with the calls below; nothing is
 * written until pdf_save.  Drawing records a display list, so that at
 * save time the exact set of glyphs of every face is known and each face
 * is embedded once as a subset holding only those glyphs:
 *
 *   Type0 font, Identity-H encoding, 2-byte codes = CIDs
 *     └ CIDFontType2 with a CIDToGIDMap into the subset (hb-subset)
 *       └ FontFile2 (TrueType glyf outlines), subset tag ABCDEF+Name
 *     └ ToUnicode CMap (UTF-16BE; surrogate pairs beyond U+FFFF)
 *
 * Each (face, character) pair gets a CID of its own, so text extraction
 * returns exactly the characters drawn, even where a font maps two
 * characters to one glyph.  libharu (libhpdf 2.3) supplies the page tree,
 * the graphics operators, compression and the file syntax; the fonts are
 * built with its object API rather than its TrueType loader, which can
 * only load whole fonts from files, handles only BMP characters and
 * writes an unusable ToUnicode.
 *
 * Coordinates are PDF points (1/72 in) with the origin at the bottom-left
 * corner of the page and y upwards.  The output is deterministic: the
 * same calls give the same bytes (no clock, no random IDs).
 *
 * Typical use:
 *     PdfDoc *d = pdf_new(fs, &(PdfMeta){.title = "关于…的实施方案"});
 *     pdf_add_page(d, 595.276, 841.890);
 *     pdf_text(d, ROLE_BODY, 16, 79.37, 700, "为贯彻落实…", 0);
 *     if (!pdf_save(d, "out/plan.pdf", &err)) …
 *     pdf_free(d);
 */
#ifndef FANGAN_PDFOUT_H
#define FANGAN_PDFOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "fonts.h"
#include "util.h"

typedef struct PdfDoc PdfDoc;

/* Document information; strings are UTF-8, NULL leaves the entry out.
 * created (DAY_NONE: none) becomes /CreationDate — passed in, never the
 * wall clock, so that output is reproducible. */
typedef struct {
	const char *title, *author, *subject, *keywords, *creator;
	Day created;
} PdfMeta;

/* A character that no face of its role could draw.  It is drawn as the
 * role's first face's .notdef box, one em wide, and still extracts as
 * cp; the caller decides whether that is an error (glyph-missing). */
typedef struct {
	uint32_t cp;
	FontRole role;
	size_t page; /* 0-based */
} PdfMissing;

typedef enum { PDF_FILL = 1, PDF_STROKE = 2, PDF_FILL_STROKE = 3 } PdfPaint;

/* A new empty document drawing with fs, which must outlive it.  meta may
 * be NULL; its strings are copied. */
PdfDoc *pdf_new(const FontSet *fs, const PdfMeta *meta);
void pdf_free(PdfDoc *doc);

/* Start a new page (width × height pt; A4 is 595.276 × 841.890); all
 * drawing goes to the newest page.  Returns its 0-based number.  Each
 * page starts with black fill and stroke colours. */
size_t pdf_add_page(PdfDoc *doc, double width, double height);
size_t pdf_page_count(const PdfDoc *doc);

/* Draw utf8 left to right in role at size pt, the first glyph's origin
 * at baseline point (x, y).  char_spacing pt is added after every
 * character (PDF Tc), for justification: to spread n characters of
 * natural width w over width W use (W - w) / (n - 1).  Returns the
 * advance — where the next run would start — which includes the spacing
 * after the last character and equals pdf_text_width(). */
double pdf_text(PdfDoc *doc, FontRole role, double size, double x, double y,
		const char *utf8, double char_spacing);
/* As pdf_text, for the len bytes at utf8 (no terminating NUL needed). */
double pdf_textn(PdfDoc *doc, FontRole role, double size, double x, double y,
		 const char *utf8, size_t len, double char_spacing);
/* As pdf_text, turned by quarter × 90° counterclockwise about (x, y)
 * (quarter -1: reading downwards, as a page number on a landscape page
 * that keeps its portrait place, GB/T 9704 §8). */
double pdf_text_turned(PdfDoc *doc, FontRole role, double size, double x, double y,
		       const char *utf8, int quarter);
/* The advance pdf_text would return, without drawing. */
double pdf_text_width(const FontSet *fs, FontRole role, double size,
		      const char *utf8, double char_spacing);

/* Fill colour (also used for text) and stroke colour, each 0..1, valid
 * until changed or the page ends.  GB/T 9704 red is 0, 0.8, 0.8, 0. */
void pdf_fill_cmyk(PdfDoc *doc, double c, double m, double y, double k);
void pdf_stroke_cmyk(PdfDoc *doc, double c, double m, double y, double k);
/* A straight line with butt caps, width pt wide. */
void pdf_line(PdfDoc *doc, double x1, double y1, double x2, double y2,
	      double width);
/* A rectangle with lower-left corner (x, y); line_width is used only
 * when paint includes PDF_STROKE. */
void pdf_rect(PdfDoc *doc, double x, double y, double w, double h,
	      PdfPaint paint, double line_width);

/* Characters drawn so far that no font had (see PdfMissing). */
const PdfMissing *pdf_missing(const PdfDoc *doc, size_t *n);

/* Build the PDF into out (appended).  Returns false and sets *err (free
 * it) when the document cannot be built: no pages, drawing before the
 * first page, a font that cannot be subset, a libharu error. */
bool pdf_save_mem(PdfDoc *doc, Buf *out, char **err);
/* Build the PDF and write it to path through a temporary file in the same
 * directory, renamed over path only when complete, so that a half-written
 * PDF is never left behind. */
bool pdf_save(PdfDoc *doc, const char *path, char **err);

#endif
