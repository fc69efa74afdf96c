/* pdfsave.c — turning the display list of pdfout.c into a PDF.
 *
 * Steps: (1) for every face drawn with, collect the characters it drew,
 * sorted by code point, and number them 1..n — these are the CIDs;
 * (2) subset the face to those glyphs with hb-subset; (3) build the font
 * objects (Type0 → CIDFontType2 → FontDescriptor → FontFile2, plus
 * CIDToGIDMap and ToUnicode) with libharu's object API; (4) replay the
 * display list into libharu pages, writing the text operators ourselves
 * as 2-byte CID strings; (5) let libharu write the file into memory.
 */
#define _XOPEN_SOURCE 700 /* mkstemp, fchmod */
#include "pdfdoc.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tounicode.h"

/* What one face contributes to the document. */
typedef struct {
	const Face *face;
	size_t n;           /* distinct characters = CIDs 1..n */
	uint32_t *cps;      /* sorted, the character of CID i+1 */
	uint32_t *gids;     /* its glyph in the full font */
	uint32_t *new_gids; /* its glyph in the subset */
	int *milli;         /* its advance */
	HPDF_Dict font;     /* the Type0 font dictionary */
} FaceUse;

typedef struct {
	PdfDoc *doc;
	HPDF_Doc h;
	FaceUse *uses; /* one per doc->faces[i] */
	HPDF_STATUS hpdf_error, hpdf_detail;
	char *err;
} Save;

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	Save *s = data;
	if (!s->hpdf_error) {
		s->hpdf_error = error;
		s->hpdf_detail = detail;
	}
}

/* Numbers in content streams: three decimals (1/1000 pt) is far below
 * anything visible, and fixed formatting keeps the output reproducible. */
static void put_num(Buf *b, double v)
{
	char s[48];
	snprintf(s, sizeof s, "%.3f", v);
	char *e = s + strlen(s);
	while (e[-1] == '0')
		*--e = '\0';
	if (e[-1] == '.')
		*--e = '\0';
	buf_puts(b, strcmp(s, "-0") == 0 ? "0" : s);
}

/* ---- (1) characters per face ------------------------------------------ */

typedef struct {
	uint32_t cp, gid;
	int milli;
} CharUse;

static int cmp_char(const void *a, const void *b)
{
	const CharUse *x = a, *y = b;
	return (x->cp > y->cp) - (x->cp < y->cp);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static void collect(const PdfDoc *d, size_t slot, FaceUse *u)
{
	CharUse *c = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < d->nglyphs; i++) {
		const PdfGlyph *g = &d->glyphs[i];
		if (g->face != slot)
			continue;
		c = xgrow(c, &cap, n + 1, sizeof *c);
		c[n++] = (CharUse){g->cp, g->gid, g->milli};
	}
	qsort(c, n, sizeof *c, cmp_char);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || c[m - 1].cp != c[i].cp)
			c[m++] = c[i];
	u->face = d->faces[slot];
	u->n = m;
	u->cps = xcalloc(m, sizeof *u->cps);
	u->gids = xcalloc(m, sizeof *u->gids);
	u->new_gids = xcalloc(m, sizeof *u->new_gids);
	u->milli = xcalloc(m, sizeof *u->milli);
	for (size_t i = 0; i < m; i++) {
		u->cps[i] = c[i].cp;
		u->gids[i] = c[i].gid;
		u->milli[i] = c[i].milli;
	}
	free(c);
}

static uint16_t cid_of(const FaceUse *u, uint32_t cp)
{
	const uint32_t *p = bsearch(&cp, u->cps, u->n, sizeof *u->cps, cmp_u32);
	return p ? (uint16_t)(p - u->cps + 1) : 0;
}

/* ---- (2) subsetting ----------------------------------------------------- */

static bool subset(FaceUse *u, Buf *font, char **err)
{
	/* The distinct glyphs, sorted, and the characters with real glyphs
	 * (for the subset's own cmap). */
	uint32_t *g = xcalloc(u->n, sizeof *g), *uni = xcalloc(u->n, sizeof *uni);
	size_t ng = 0, nuni = 0;
	for (size_t i = 0; i < u->n; i++) {
		g[ng++] = u->gids[i];
		if (u->gids[i])
			uni[nuni++] = u->cps[i];
	}
	qsort(g, ng, sizeof *g, cmp_u32);
	size_t m = 0;
	for (size_t i = 0; i < ng; i++)
		if (m == 0 || g[m - 1] != g[i])
			g[m++] = g[i];
	uint32_t *ng_new = xcalloc(m, sizeof *ng_new);
	bool ok = face_subset(u->face, g, m, uni, nuni, font, ng_new, err);
	if (ok)
		for (size_t i = 0; i < u->n; i++) {
			uint32_t *p = bsearch(&u->gids[i], g, m, sizeof *g, cmp_u32);
			u->new_gids[i] = ng_new[p - g];
		}
	free(g);
	free(uni);
	free(ng_new);
	return ok;
}

/* ---- (3) font objects --------------------------------------------------- */

/* Six capital letters from the face and the characters it holds: a
 * subset tag that differs between different subsets and is the same
 * every run (PDF 32000-1, 9.6.4). */
static void subset_tag(const FaceUse *u, char tag[7])
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = face_psname(u->face); *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (size_t i = 0; i < u->n; i++)
		h = (h ^ u->cps[i]) * 1099511628211ULL;
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

static HPDF_Dict indirect_dict(Save *s)
{
	HPDF_Dict d = HPDF_Dict_New(s->h->mmgr);
	if (d && HPDF_Xref_Add(s->h->xref, d) != HPDF_OK)
		return NULL; /* libharu freed it */
	return d;
}

static HPDF_Dict stream_dict(Save *s, const void *data, size_t len)
{
	HPDF_Dict d = HPDF_DictStream_New(s->h->mmgr, s->h->xref);
	if (!d)
		return NULL;
	d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len);
	return d;
}

/* /W: only characters narrower or wider than the default 1 em (/DW);
 * NULL when there are none. */
static HPDF_Array widths(Save *s, const FaceUse *u)
{
	size_t other = 0;
	for (size_t i = 0; i < u->n; i++)
		other += u->milli[i] != 1000;
	if (other == 0)
		return NULL;
	HPDF_Array w = HPDF_Array_New(s->h->mmgr);
	for (size_t i = 0; i < u->n;) {
		if (u->milli[i] == 1000) {
			i++;
			continue;
		}
		HPDF_Array run = HPDF_Array_New(s->h->mmgr);
		HPDF_Array_AddNumber(w, (HPDF_INT32)(i + 1));
		for (; i < u->n && u->milli[i] != 1000; i++)
			HPDF_Array_AddNumber(run, u->milli[i]);
		HPDF_Array_Add(w, run);
	}
	return w;
}

static HPDF_Dict descriptor(Save *s, const FaceUse *u, const char *name,
			    const Buf *font)
{
	HPDF_MMgr mm = s->h->mmgr;
	const FaceMetrics *m = face_metrics(u->face);
	HPDF_Dict file = stream_dict(s, font->s, font->len);
	HPDF_Dict fd = indirect_dict(s);
	if (!file || !fd)
		return NULL;
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)font->len);
	HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
	HPDF_Dict_AddName(fd, "FontName", name);
	/* Symbolic: the glyphs are addressed by CID, not by a standard
	 * Latin character set. */
	HPDF_Dict_AddNumber(fd, "Flags", 4);
	HPDF_Array bbox = HPDF_Array_New(mm);
	for (int i = 0; i < 4; i++)
		HPDF_Array_AddNumber(bbox, m->bbox[i]);
	HPDF_Dict_Add(fd, "FontBBox", bbox);
	HPDF_Dict_AddNumber(fd, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(fd, "Ascent", m->ascent);
	HPDF_Dict_AddNumber(fd, "Descent", m->descent);
	HPDF_Dict_AddNumber(fd, "CapHeight", m->cap_height);
	HPDF_Dict_AddNumber(fd, "StemV", 80); /* required; unused by viewers */
	HPDF_Dict_Add(fd, "FontFile2", file);
	return fd;
}

static bool build_font(Save *s, FaceUse *u)
{
	HPDF_MMgr mm = s->h->mmgr;
	if (u->n > 0xFFFE) { /* CIDs are two bytes */
		s->err = xasprintf("more than 65534 distinct characters from %s",
				   face_path(u->face));
		return false;
	}
	Buf font = {0};
	if (!subset(u, &font, &s->err))
		return false;
	char tag[7];
	subset_tag(u, tag);
	char *name = xasprintf("%s+%s", tag, face_psname(u->face));

	/* CIDToGIDMap: big-endian glyph id of every CID, CID 0 = .notdef. */
	unsigned char *c2g = xcalloc(u->n + 1, 2);
	for (size_t i = 0; i < u->n; i++) {
		c2g[2 * (i + 1)] = (unsigned char)(u->new_gids[i] >> 8);
		c2g[2 * (i + 1) + 1] = (unsigned char)u->new_gids[i];
	}
	HPDF_Dict map = stream_dict(s, c2g, 2 * (u->n + 1));
	free(c2g);

	CodeUnicode *cu = xcalloc(u->n, sizeof *cu);
	for (size_t i = 0; i < u->n; i++)
		cu[i] = (CodeUnicode){(uint16_t)(i + 1), u->cps[i]};
	Buf cmap = {0};
	tounicode_cmap(cu, u->n, &cmap);
	free(cu);
	HPDF_Dict tounicode = stream_dict(s, cmap.s, cmap.len);
	buf_free(&cmap);

	HPDF_Dict fd = descriptor(s, u, name, &font);
	buf_free(&font);
	HPDF_Dict cid = indirect_dict(s), t0 = indirect_dict(s);
	bool ok = map && tounicode && fd && cid && t0;
	if (ok) {
		HPDF_Dict_AddName(cid, "Type", "Font");
		HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
		HPDF_Dict_AddName(cid, "BaseFont", name);
		HPDF_Dict info = HPDF_Dict_New(mm);
		HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
		HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
		HPDF_Dict_AddNumber(info, "Supplement", 0);
		HPDF_Dict_Add(cid, "CIDSystemInfo", info);
		HPDF_Dict_Add(cid, "FontDescriptor", fd);
		HPDF_Dict_AddNumber(cid, "DW", 1000);
		HPDF_Array w = widths(s, u);
		if (w)
			HPDF_Dict_Add(cid, "W", w);
		HPDF_Dict_Add(cid, "CIDToGIDMap", map);

		HPDF_Dict_AddName(t0, "Type", "Font");
		HPDF_Dict_AddName(t0, "Subtype", "Type0");
		HPDF_Dict_AddName(t0, "BaseFont", name);
		HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
		HPDF_Array desc = HPDF_Array_New(mm);
		HPDF_Array_Add(desc, cid);
		HPDF_Dict_Add(t0, "DescendantFonts", desc);
		HPDF_Dict_Add(t0, "ToUnicode", tounicode);
		u->font = t0;
	}
	if (!ok && !s->err)
		s->err = xasprintf("cannot build the font objects of %s", face_path(u->face));
	free(name);
	return ok;
}

/* ---- (4) pages ---------------------------------------------------------- */

static void text_op(Save *s, const PdfOp *op, Buf *b, double *tc)
{
	const PdfDoc *d = s->doc;
	buf_puts(b, "BT\n");
	if (op->a[3] != *tc) {
		put_num(b, op->a[3]);
		buf_puts(b, " Tc\n");
		*tc = op->a[3];
	}
	put_num(b, op->a[1]);
	buf_putc(b, ' ');
	put_num(b, op->a[2]);
	buf_puts(b, " Td\n");
	/* One Tf and one hex string per stretch of glyphs from one face;
	 * Tj moves the text position by each glyph's /W width plus Tc. */
	for (size_t i = 0; i < op->ng;) {
		const PdfGlyph *g = &d->glyphs[op->g0 + i];
		uint32_t face = g->face;
		buf_printf(b, "/F%u ", (unsigned)face + 1);
		put_num(b, op->a[0]);
		buf_puts(b, " Tf\n<");
		for (; i < op->ng && d->glyphs[op->g0 + i].face == face; i++)
			buf_printf(b, "%04X", cid_of(&s->uses[face],
						     d->glyphs[op->g0 + i].cp));
		buf_puts(b, "> Tj\n");
	}
	buf_puts(b, "ET\n");
}

static void flush_raw(HPDF_Page page, Buf *b)
{
	if (b->len) {
		HPDF_PageAttr attr = page->attr;
		HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b->s, (HPDF_UINT)b->len);
		b->len = 0;
	}
}

/* Put the fonts this page draws with into its /Resources /Font. */
static void page_fonts(Save *s, HPDF_Page page, const PdfPage *p)
{
	const PdfDoc *d = s->doc;
	bool *used = xcalloc(d->nfaces + 1, sizeof *used);
	for (size_t i = p->op0; i < p->op0 + p->nop; i++)
		if (d->ops[i].kind == OP_TEXT)
			for (size_t k = 0; k < d->ops[i].ng; k++)
				used[d->glyphs[d->ops[i].g0 + k].face] = true;
	HPDF_Dict fonts = NULL;
	for (size_t f = 0; f < d->nfaces; f++) {
		if (!used[f])
			continue;
		if (!fonts) {
			HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
			fonts = HPDF_Dict_New(s->h->mmgr);
			if (!res || !fonts)
				break;
			HPDF_Dict_Add(res, "Font", fonts);
		}
		char key[32];
		snprintf(key, sizeof key, "F%zu", f + 1);
		HPDF_Dict_Add(fonts, key, s->uses[f].font);
	}
	free(used);
}

static void build_page(Save *s, const PdfPage *p)
{
	HPDF_Page page = HPDF_AddPage(s->h);
	if (!page)
		return;
	HPDF_Page_SetWidth(page, (HPDF_REAL)p->width);
	HPDF_Page_SetHeight(page, (HPDF_REAL)p->height);
	page_fonts(s, page, p);
	Buf raw = {0};
	double tc = 0;
	for (size_t i = p->op0; i < p->op0 + p->nop; i++) {
		const PdfOp *op = &s->doc->ops[i];
		const double *a = op->a;
		if (op->kind == OP_TEXT) {
			text_op(s, op, &raw, &tc);
			continue;
		}
		/* libharu writes the graphics operators to the same stream. */
		flush_raw(page, &raw);
		switch (op->kind) {
		case OP_FILL_CMYK:
			HPDF_Page_SetCMYKFill(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
					      (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			break;
		case OP_STROKE_CMYK:
			HPDF_Page_SetCMYKStroke(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
						(HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			break;
		case OP_LINE:
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)a[4]);
			HPDF_Page_MoveTo(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1]);
			HPDF_Page_LineTo(page, (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			HPDF_Page_Stroke(page);
			break;
		case OP_RECT:
			if (op->paint & PDF_STROKE)
				HPDF_Page_SetLineWidth(page, (HPDF_REAL)a[4]);
			HPDF_Page_Rectangle(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
					    (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			if (op->paint == PDF_FILL_STROKE)
				HPDF_Page_FillStroke(page);
			else if (op->paint == PDF_STROKE)
				HPDF_Page_Stroke(page);
			else
				HPDF_Page_Fill(page);
			break;
		case OP_TEXT:
			break;
		}
	}
	flush_raw(page, &raw);
	buf_free(&raw);
}

/* ---- document information ----------------------------------------------- */

/* A text string in UTF-16BE with a byte-order mark, the only encoding
 * that can hold Chinese in /Info. */
static void info_text(Save *s, const char *key, const char *utf8)
{
	if (!utf8)
		return;
	Buf b = {0};
	buf_add(&b, "\xFE\xFF", 2);
	size_t len = strlen(utf8);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode((const unsigned char *)utf8 + i, len - i, &cp);
		i += n ? (size_t)n : 1;
		if (n == 0)
			cp = 0xFFFD;
		uint32_t units[2] = {cp, 0};
		int nu = 1;
		if (cp >= 0x10000) {
			units[0] = 0xD800 + ((cp - 0x10000) >> 10);
			units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
			nu = 2;
		}
		for (int k = 0; k < nu; k++) {
			char be[2] = {(char)(units[k] >> 8), (char)units[k]};
			buf_add(&b, be, 2);
		}
	}
	HPDF_Dict_Add(s->h->info, key,
		      HPDF_Binary_New(s->h->mmgr, (HPDF_BYTE *)b.s, (HPDF_UINT)b.len));
	buf_free(&b);
}

static void build_info(Save *s)
{
	const PdfDoc *d = s->doc;
	/* Setting one entry through the public API makes libharu create the
	 * /Info dictionary; the others are added as UTF-16 strings. */
	HPDF_SetInfoAttr(s->h, HPDF_INFO_PRODUCER, "fangan (libharu, HarfBuzz)");
	if (!s->h->info)
		return;
	info_text(s, "Title", d->title);
	info_text(s, "Author", d->author);
	info_text(s, "Subject", d->subject);
	info_text(s, "Keywords", d->keywords);
	info_text(s, "Creator", d->creator);
	if (d->created != DAY_NONE) {
		int y, m, dd;
		day_to_ymd(d->created, &y, &m, &dd);
		HPDF_Date date = {y, m, dd, 0, 0, 0, ' ', 0, 0};
		HPDF_SetInfoDateAttr(s->h, HPDF_INFO_CREATION_DATE, date);
	}
}

/* ---- (5) the whole document ---------------------------------------------- */

static bool read_out(Save *s, Buf *out)
{
	if (HPDF_SaveToStream(s->h) != HPDF_OK)
		return false;
	HPDF_UINT32 size = HPDF_GetStreamSize(s->h);
	size_t at = out->len;
	out->s = xgrow(out->s, &out->cap, at + size + 1, 1);
	HPDF_UINT32 got = 0;
	while (got < size) {
		HPDF_UINT32 n = size - got;
		HPDF_STATUS st = HPDF_ReadFromStream(s->h, (HPDF_BYTE *)out->s + at + got, &n);
		got += n;
		if (st != HPDF_OK || n == 0)
			break;
	}
	out->len = at + got;
	out->s[out->len] = '\0';
	return got == size;
}

bool pdf_save_mem(PdfDoc *d, Buf *out, char **err)
{
	if (d->error || d->npages == 0) {
		*err = xstrdup(d->error ? d->error : "the document has no pages");
		return false;
	}
	Save s = {.doc = d};
	s.h = HPDF_New(on_hpdf_error, &s);
	if (!s.h) {
		*err = xstrdup("libharu: cannot create a document");
		return false;
	}
	HPDF_SetCompressionMode(s.h, HPDF_COMP_ALL);
	build_info(&s);
	s.uses = xcalloc(d->nfaces + 1, sizeof *s.uses);
	bool ok = true;
	for (size_t i = 0; i < d->nfaces && ok; i++) {
		collect(d, i, &s.uses[i]);
		ok = build_font(&s, &s.uses[i]);
	}
	for (size_t i = 0; ok && i < d->npages && !s.hpdf_error; i++)
		build_page(&s, &d->pages[i]);
	if (ok && !s.hpdf_error)
		ok = read_out(&s, out);
	if (s.hpdf_error) {
		ok = false;
		free(s.err);
		s.err = xasprintf("libharu error 0x%04X (detail %u)",
				  (unsigned)s.hpdf_error, (unsigned)s.hpdf_detail);
	}
	if (!ok)
		*err = s.err ? s.err : xstrdup("cannot write the PDF");
	else
		free(s.err);
	for (size_t i = 0; i < d->nfaces; i++) {
		free(s.uses[i].cps);
		free(s.uses[i].gids);
		free(s.uses[i].new_gids);
		free(s.uses[i].milli);
	}
	free(s.uses);
	HPDF_Free(s.h);
	return ok;
}

/* ---- writing the file ------------------------------------------------------ */

bool pdf_save(PdfDoc *d, const char *path, char **err)
{
	Buf pdf = {0};
	if (!pdf_save_mem(d, &pdf, err))
		return false;
	/* The temporary file lives next to the target so that rename() is
	 * atomic (same file system): readers see the old file or the whole
	 * new one, never a partial PDF. */
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0;
	if (ok) {
		/* mkstemp makes the file private (0600); give it the mode a
		 * plain fopen would have. */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
		size_t done = 0;
		while (ok && done < pdf.len) {
			ssize_t n = write(fd, pdf.s + done, pdf.len - done);
			if (n < 0 && errno == EINTR)
				continue;
			ok = n > 0;
			if (ok)
				done += (size_t)n;
		}
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
		if (!ok) {
			int e = errno;
			unlink(tmp);
			errno = e;
		}
	}
	if (!ok)
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
	free(tmp);
	buf_free(&pdf);
	return ok;
}
