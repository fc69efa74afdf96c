/* canvas.c — recording the display list (see canvas.h); src/out/pdfsave.c builds
 * the PDF from it. */
#include "canvas_list.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

Canvas *canvas_new(const FontSet *fs, const CanvasMeta *meta)
{
	Canvas *d = xcalloc(1, sizeof *d);
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

void canvas_free(Canvas *d)
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

void canvas_share_subsets(Canvas *d, const Canvas *like)
{
	d->share = like;
}

size_t canvas_add_page(Canvas *d, double width, double height)
{
	d->pages = xgrow(d->pages, &d->pages_cap, d->npages + 1, sizeof *d->pages);
	d->pages[d->npages] = (CvPage){width, height, d->nops, 0};
	return d->npages++;
}

size_t canvas_page_count(const Canvas *d)
{
	return d->npages;
}

/* A new op on the current page, or NULL (and a recorded error) when
 * there is no page yet. */
static CvOp *new_op(Canvas *d, CvOpKind kind)
{
	if (d->npages == 0) {
		if (!d->error)
			d->error = xstrdup("drawing before canvas_add_page");
		return NULL;
	}
	d->ops = xgrow(d->ops, &d->ops_cap, d->nops + 1, sizeof *d->ops);
	CvOp *op = &d->ops[d->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	d->pages[d->npages - 1].nop++;
	return op;
}

static uint32_t face_slot(Canvas *d, const Face *f)
{
	for (size_t i = 0; i < d->nfaces; i++)
		if (d->faces[i] == f)
			return (uint32_t)i;
	d->faces = xgrow(d->faces, &d->faces_cap, d->nfaces + 1, sizeof *d->faces);
	d->faces[d->nfaces] = f;
	return (uint32_t)d->nfaces++;
}

static void add_missing(Canvas *d, uint32_t cp, FontRole role)
{
	d->missing = xgrow(d->missing, &d->missing_cap, d->nmissing + 1,
			   sizeof *d->missing);
	d->missing[d->nmissing++] = (CanvasMissing){cp, role, d->npages - 1};
}

double canvas_textn(Canvas *d, FontRole role, double size, double x, double y,
		 const char *utf8, size_t len, double char_spacing)
{
	if (!(size > 0) || !isfinite(size) || !isfinite(x) || !isfinite(y) ||
	    !isfinite(char_spacing)) {
		if (!d->error)
			d->error = xasprintf("canvas_text: bad size or position (%g pt at %g, %g)",
					     size, x, y);
		return 0;
	}
	CvOp *op = new_op(d, CV_OP_TEXT);
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
		d->glyphs[d->nglyphs++] = (CvGlyph){cp, gid, face_slot(d, f), milli};
	}
	op->ng = d->nglyphs - op->g0;
	return adv;
}

double canvas_text_turned(Canvas *d, FontRole role, double size, double x, double y,
		       const char *utf8, int quarter)
{
	size_t before = d->nops;
	double adv = canvas_textn(d, role, size, x, y, utf8, strlen(utf8), 0);
	if (d->nops > before)
		d->ops[d->nops - 1].a[4] = ((quarter % 4) + 4) % 4;
	return adv;
}

double canvas_text_scaled(Canvas *d, FontRole role, double size, double x, double y,
		       const char *utf8, double scale)
{
	if (!(scale > 0 && scale <= 4)) {
		if (!d->error)
			d->error = xasprintf("canvas_text_scaled: bad scale %g", scale);
		return 0;
	}
	size_t before = d->nops;
	double adv = canvas_textn(d, role, size, x, y, utf8, strlen(utf8), 0);
	if (d->nops > before && scale != 1)
		d->ops[d->nops - 1].a[5] = scale * 100;
	return adv * scale;
}

double canvas_text(Canvas *d, FontRole role, double size, double x, double y,
		const char *utf8, double char_spacing)
{
	return canvas_textn(d, role, size, x, y, utf8, strlen(utf8), char_spacing);
}

double canvas_text_width(const FontSet *fs, FontRole role, double size,
		      const char *utf8, double char_spacing)
{
	return fontset_text_width(fs, role, size, utf8, strlen(utf8), char_spacing);
}

static void colour(Canvas *d, CvOpKind kind, double c, double m, double y, double k)
{
	CvOp *op = new_op(d, kind);
	if (op)
		op->a[0] = c, op->a[1] = m, op->a[2] = y, op->a[3] = k;
}

void canvas_fill_cmyk(Canvas *d, double c, double m, double y, double k)
{
	colour(d, CV_OP_FILL_CMYK, c, m, y, k);
}

void canvas_stroke_cmyk(Canvas *d, double c, double m, double y, double k)
{
	colour(d, CV_OP_STROKE_CMYK, c, m, y, k);
}

void canvas_line(Canvas *d, double x1, double y1, double x2, double y2, double width)
{
	CvOp *op = new_op(d, CV_OP_LINE);
	if (op)
		op->a[0] = x1, op->a[1] = y1, op->a[2] = x2, op->a[3] = y2,
		op->a[4] = width;
}

void canvas_rect(Canvas *d, double x, double y, double w, double h, CvPaint paint,
	      double line_width)
{
	CvOp *op = new_op(d, CV_OP_RECT);
	if (op) {
		op->a[0] = x, op->a[1] = y, op->a[2] = w, op->a[3] = h;
		op->a[4] = line_width;
		op->paint = paint;
	}
}

const CanvasMissing *canvas_missing(const Canvas *d, size_t *n)
{
	*n = d->nmissing;
	return d->missing;
}

bool canvas_face_overflow(const Canvas *d, const Face **face, uint32_t *cp)
{
	/* Fewer characters than the limit in all: no face can have more. */
	if (d->nglyphs <= CANVAS_FACE_CHARS)
		return false;
	/* A bitmap of the code points seen, per face drawn with. */
	enum { CPS = 0x110000 };
	uint8_t **seen = xcalloc(d->nfaces, sizeof *seen);
	size_t *count = xcalloc(d->nfaces, sizeof *count);
	bool over = false;
	for (size_t i = 0; i < d->nglyphs && !over; i++) {
		const CvGlyph *g = &d->glyphs[i];
		uint32_t c = g->cp < CPS ? g->cp : 0xFFFD;
		if (!seen[g->face])
			seen[g->face] = xcalloc(CPS / 8, 1);
		uint8_t *byte = &seen[g->face][c >> 3], bit = (uint8_t)(1u << (c & 7));
		if (*byte & bit)
			continue;
		*byte |= bit;
		if (++count[g->face] > CANVAS_FACE_CHARS) {
			*face = d->faces[g->face];
			*cp = c;
			over = true;
		}
	}
	for (size_t k = 0; k < d->nfaces; k++)
		free(seen[k]);
	free(seen);
	free(count);
	return over;
}
