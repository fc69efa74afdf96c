/* pdfbuild.h — what the two halves of pdf_save share: pdffont.c builds
 * the embedded fonts, pdfsave.c the pages and the file.  Internal to
 * the PDF writer. */
#ifndef FANGAN_PDFBUILD_H
#define FANGAN_PDFBUILD_H

#include <hpdf.h>

#include "canvas_list.h"

/* What one face contributes to the document. */
typedef struct {
	const Face *face;
	size_t n;           /* distinct characters = CIDs 1..n */
	uint32_t *cps;      /* sorted, the character of CID i+1 */
	uint32_t *gids;     /* its glyph in the full font */
	uint32_t *new_gids; /* its glyph in the subset */
	int *milli;         /* its advance */
	/* characters the subset holds too (canvas_share_subsets), sorted,
	 * and their glyphs: no CID of their own */
	size_t nx;
	uint32_t *xcps, *xgids;
	HPDF_Dict font;     /* the Type0 font dictionary */
} FaceUse;

typedef struct {
	Canvas *doc;
	HPDF_Doc h;
	FaceUse *uses; /* one per doc->faces[i] */
	HPDF_STATUS hpdf_error, hpdf_detail;
	char *err;
} Save;

/* Fill u with the characters drawn with doc->faces[slot] (step 1). */
void pdf_collect_face(const Canvas *d, size_t slot, FaceUse *u);
/* The CID of cp in u; 0 if cp was not drawn with that face. */
uint16_t pdf_cid_of(const FaceUse *u, uint32_t cp);
/* Subset the face and build its font objects into s->h, setting u->font
 * (steps 2 and 3).  False with s->err set on failure. */
bool pdf_build_font(Save *s, FaceUse *u);
void pdf_face_use_free(FaceUse *u);

#endif
