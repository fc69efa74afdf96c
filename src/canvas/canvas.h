/* canvas.h — the page model that layout draws on.
 *
 * Layout (src/layout) draws every page of a document on a Canvas with the
 * calls below: text runs in a font role, lines, rectangles, colours.
 * Nothing is written while drawing; the calls record a display list
 * (canvas_list.h) which a back end turns into a file afterwards — today
 * the PDF writer (src/out/pdf.h); a fixed-layout format such as OFD
 * would be a second back end reading the same list, without any change
 * to layout.  Because the whole list is known before a file is written,
 * a back end knows the exact characters of every face and can embed each
 * face once as a subset.
 *
 * Each text run records, per character, the face that draws it (chosen
 * here through the role's fallback chain, fonts.h), its glyph and its
 * advance, so that layout can measure with canvas_text_width and every
 * back end draws exactly what was measured.
 *
 * Coordinates are PDF points (1/72 in) with the origin at the bottom-left
 * corner of the page and y upwards.  The same calls give the same list,
 * and so the same bytes in every back end (no clock, no random IDs).
 *
 * Typical use:
 *     Canvas *d = canvas_new(fs, &(CanvasMeta){.title = "关于…的实施方案"});
 *     canvas_add_page(d, 595.276, 841.890);
 *     canvas_text(d, ROLE_BODY, 16, 79.37, 700, "为贯彻落实…", 0);
 *     if (!pdf_save(d, "out/plan.pdf", &err)) …   (src/out/pdf.h)
 *     canvas_free(d);
 */
#ifndef FANGAN_CANVAS_H
#define FANGAN_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "fonts.h"
#include "util.h"

typedef struct Canvas Canvas;

/* Document information; strings are UTF-8, NULL leaves the entry out.
 * created (DAY_NONE: none) becomes /CreationDate — passed in, never the
 * wall clock, so that output is reproducible. */
typedef struct {
	const char *title, *author, *subject, *keywords, *creator;
	Day created;
} CanvasMeta;

/* A character that no face of its role could draw.  It is drawn as the
 * role's first face's .notdef box, one em wide, and still extracts as
 * cp; the caller decides whether that is an error (glyph-missing). */
typedef struct {
	uint32_t cp;
	FontRole role;
	size_t page; /* 0-based */
} CanvasMissing;

typedef enum { CV_FILL = 1, CV_STROKE = 2, CV_FILL_STROKE = 3 } CvPaint;

/* A new empty document drawing with fs, which must outlive it.  meta may
 * be NULL; its strings are copied. */
Canvas *canvas_new(const FontSet *fs, const CanvasMeta *meta);
void canvas_free(Canvas *doc);

/* Start a new page (width × height pt; A4 is 595.276 × 841.890); all
 * drawing goes to the newest page.  Returns its 0-based number.  Each
 * page starts with black fill and stroke colours. */
size_t canvas_add_page(Canvas *doc, double width, double height);
size_t canvas_page_count(const Canvas *doc);

/* Draw utf8 left to right in role at size pt, the first glyph's origin
 * at baseline point (x, y).  char_spacing pt is added after every
 * character (PDF Tc), for justification: to spread n characters of
 * natural width w over width W use (W - w) / (n - 1).  Returns the
 * advance — where the next run would start — which includes the spacing
 * after the last character and equals canvas_text_width(). */
double canvas_text(Canvas *doc, FontRole role, double size, double x, double y,
		const char *utf8, double char_spacing);
/* As canvas_text, for the len bytes at utf8 (no terminating NUL needed). */
double canvas_textn(Canvas *doc, FontRole role, double size, double x, double y,
		 const char *utf8, size_t len, double char_spacing);
/* As canvas_text, turned by quarter × 90° counterclockwise about (x, y)
 * (quarter -1: reading downwards, as a page number on a landscape page
 * that keeps its portrait place, GB/T 9704 §8). */
double canvas_text_turned(Canvas *doc, FontRole role, double size, double x, double y,
		       const char *utf8, int quarter);
/* As canvas_text, squeezed (or widened) horizontally to scale × the
 * natural width (PDF Tz, 长体 for scale < 1): the glyphs are narrower,
 * the height and the baseline stay.  scale must be in (0, 4]. */
double canvas_text_scaled(Canvas *doc, FontRole role, double size, double x, double y,
		       const char *utf8, double scale);
/* The advance canvas_text would return, without drawing. */
double canvas_text_width(const FontSet *fs, FontRole role, double size,
		      const char *utf8, double char_spacing);

/* Fill colour (also used for text) and stroke colour, each 0..1, valid
 * until changed or the page ends.  GB/T 9704 red is 0, 0.8, 0.8, 0. */
void canvas_fill_cmyk(Canvas *doc, double c, double m, double y, double k);
void canvas_stroke_cmyk(Canvas *doc, double c, double m, double y, double k);
/* A straight line with butt caps, width pt wide. */
void canvas_line(Canvas *doc, double x1, double y1, double x2, double y2,
	      double width);
/* A rectangle with lower-left corner (x, y); line_width is used only
 * when paint includes CV_STROKE. */
void canvas_rect(Canvas *doc, double x, double y, double w, double h,
	      CvPaint paint, double line_width);

/* Embed each face of doc as a subset holding, besides the characters
 * doc draws with it, every character like draws with it.  Documents
 * that differ only in a few words (a form filled in for each unit) and
 * share one like (drawn with all of those words) then embed the same
 * font files, which are made and deflated once for all of them (face.h
 * face_subset, pdffont.c).  like must outlive doc's last save. */
void canvas_share_subsets(Canvas *doc, const Canvas *like);

/* Characters drawn so far that no font had (see CanvasMissing). */
const CanvasMissing *canvas_missing(const Canvas *doc, size_t *n);

/* The most distinct characters one face may draw in one document: each
 * becomes a CID of its own (for its own ToUnicode entry, pdffont.c), and
 * CIDs are two bytes with 0 the .notdef. */
#define CANVAS_FACE_CHARS 65535

/* Does some face draw more than CANVAS_FACE_CHARS distinct characters
 * in doc?  Then *face and *cp are the face and the character that went
 * over first, in drawing order.  Costs nothing for a document of at
 * most CANVAS_FACE_CHARS characters in all. */
bool canvas_face_overflow(const Canvas *doc, const Face **face, uint32_t *cp);

#endif
