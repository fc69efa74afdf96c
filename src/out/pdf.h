/* pdf.h — the PDF back end of the canvas (canvas.h).
 *
 * A recorded Canvas becomes a PDF:
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
 * writes an unusable ToUnicode.  pdfsave.c builds pages and the file,
 * pdffont.c the embedded fonts (pdfbuild.h is what they share).
 */
#ifndef FANGAN_PDF_H
#define FANGAN_PDF_H

#include <stdbool.h>

#include "canvas.h"
#include "util.h"

/* Build the PDF into out (appended).  Returns false and sets *err (free
 * it) when the document cannot be built: no pages, drawing before the
 * first page, a font that cannot be subset, a libharu error. */
bool pdf_save_mem(Canvas *doc, Buf *out, char **err);
/* Build the PDF and write it to path through a temporary file in the same
 * directory, renamed over path only when complete, so that a half-written
 * PDF is never left behind. */
bool pdf_save(Canvas *doc, const char *path, char **err);

#endif
