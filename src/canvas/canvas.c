/* pdfout.c — recording the display list (see pdfout.h); pdfsave.c builds
 * the PDF from it. */
#include "pdfdoc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

PdfDoc *pdf_new(const FontSet *fs, const PdfMeta *meta)
{
	PdfDoc *d = xcalloc(1, sizeof *d);
	d->fs = fs;
	d->created = DAY_NONE;
	if (meta) {
		d->title = dup_or_null(meta->title);
		d->author = dup_or_null(meta->author);
		d->subject = dup_or_null(meta->subject);
		d->keywords = dup_or_null(meta->keywords);
		d->creator = dup_or_null(meta->creator);
		d->created = meta->created;
	}
	return d;
}

void pdf_free(PdfDoc *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->keywords);
	free(d->creator);
	free(d->pages);
	free(d->ops);
	free(d->glyphs);
	free(d->faces);
	free(d->missing);
	free(d->error);
	free(d);
}

size_t pdf_add_page(PdfDoc *d, double width, double height)
{
	d->pages = xgrow(d->pages, &d->pages_cap, d->npages + 1, sizeof *d->pages);
	d->pages[d->npages] = (PdfPage){width, height, d->nops, 0};
	return d->npages++;
}

size_t pdf_page_count(const PdfDoc *d)
{
	return d->npages;
}

/* A new op on the current page, or NULL (and a recorded error) when
 * there is no page yet. */
static PdfOp *new_op(PdfDoc *d, OpKind kind)
{
	if (d->npages == 0) {
		if (!d->error)
			d->error = xstrdup("drawing before pdf_add_page");
		return NULL;
	}
	d->ops = xgrow(d->ops, &d->ops_cap, d->nops + 1, sizeof *d->ops);
	PdfOp *op = &d->ops[d->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	d->pages[d->npages - 1].nop++;
	return op;
}

static uint32_t face_slot(PdfDoc *d, const Face *f)
{
	for (size_t i = 0; i < d->nfaces; i++)
		if (d->faces[i] == f)
			return (uint32_t)i;
	d->faces = xgrow(d->faces, &d->faces_cap, d->nfaces + 1, sizeof *d->faces);
	d->faces[d->nfaces] = f;
	return (uint32_t)d->nfaces++;
}

static void add_missing(PdfDoc *d, uint32_t cp, FontRole role)
{
	d->missing = xgrow(d->missing, &d->missing_cap, d->nmissing + 1,
			   sizeof *d->missing);
	d->missing[d->nmissing++] = (PdfMissing){cp, role, d->npages - 1};
}

double pdf_textn(PdfDoc *d, FontRole role, double size, double x, double y,
		 const char *utf8, size_t len, double char_spacing)
{
	if (!(size > 0) || !isfinite(size) || !isfinite(x) || !isfinite(y) ||
	    !isfinite(char_spacing)) {
		if (!d->error)
			d->error = xasprintf("pdf_text: bad size or position (%g pt at %g, %g)",
					     size, x, y);
		return 0;
	}
	PdfOp *op = new_op(d, OP_TEXT);
	if (!op)
		return 0;
	op->a[0] = size, op->a[1] = x, op->a[2] = y, op->a[3] = char_spacing;
	op->g0 = d->nglyphs;
	/* The .notdef box of the role's preferred face stands in for a
	 * character nobody has. */
	const Face *notdef = fontset_chain_face(d->fs, role, 0, NULL);
	double adv = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp, gid = 0;
		int n = utf8_decode((const unsigned char *)utf8 + i, len - i, &cp);
		i += n ? (size_t)n : 1;
		if (n == 0)
			cp = 0xFFFD;
		const Face *f = fontset_lookup(d->fs, role, cp, &gid);
		int milli = f ? face_advance(f, gid) : 1000;
		adv += milli * size / 1000.0 + char_spacing;
		if (!f) {
			add_missing(d, cp, role);
			f = notdef;
			gid = 0;
			if (!f)
				continue; /* the role has no font at all: nothing can be drawn */
		}
		d->glyphs = xgrow(d->glyphs, &d->glyphs_cap, d->nglyphs + 1,
				  sizeof *d->glyphs);
		d->glyphs[d->nglyphs++] = (PdfGlyph){cp, gid, face_slot(d, f), milli};
	}
	op->ng = d->nglyphs - op->g0;
	return adv;
}

double pdf_text_turned(PdfDoc *d, FontRole role, double size, double x, double y,
		       const char *utf8, int quarter)
{
	size_t before = d->nops;
	double adv = pdf_textn(d, role, size, x, y, utf8, strlen(utf8), 0);
	if (d->nops > before)
		d->ops[d->nops - 1].a[4] = ((quarter % 4) + 4) % 4;
	return adv;
}

double pdf_text(PdfDoc *d, FontRole role, double size, double x, double y,
		const char *utf8, double char_spacing)
{
	return pdf_textn(d, role, size, x, y, utf8, strlen(utf8), char_spacing);
}

double pdf_text_width(const FontSet *fs, FontRole role, double size,
		      const char *utf8, double char_spacing)
{
	return fontset_text_width(fs, role, size, utf8, strlen(utf8), char_spacing);
}

static void colour(PdfDoc *d, OpKind kind, double c, double m, double y, double k)
{
	PdfOp *op = new_op(d, kind);
	if (op)
		op->a[0] = c, op->a[1] = m, op->a[2] = y, op->a[3] = k;
}

void pdf_fill_cmyk(PdfDoc *d, double c, double m, double y, double k)
{
	colour(d, OP_FILL_CMYK, c, m, y, k);
}

void pdf_stroke_cmyk(PdfDoc *d, double c, double m, double y, double k)
{
	colour(d, OP_STROKE_CMYK, c, m, y, k);
}

void pdf_line(PdfDoc *d, double x1, double y1, double x2, double y2, double width)
{
	PdfOp *op = new_op(d, OP_LINE);
	if (op)
		op->a[0] = x1, op->a[1] = y1, op->a[2] = x2, op->a[3] = y2,
		op->a[4] = width;
}

void pdf_rect(PdfDoc *d, double x, double y, double w, double h, PdfPaint paint,
	      double line_width)
{
	PdfOp *op = new_op(d, OP_RECT);
	if (op) {
		op->a[0] = x, op->a[1] = y, op->a[2] = w, op->a[3] = h;
		op->a[4] = line_width;
		op->paint = paint;
	}
}

const PdfMissing *pdf_missing(const PdfDoc *d, size_t *n)
{
	*n = d->nmissing;
	return d->missing;
}
