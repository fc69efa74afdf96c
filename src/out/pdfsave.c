/* pdfsave.c — turning the canvas's display list (canvas_list.h) into a PDF.
 *
 * Steps: (1)–(3) build the embedded fonts (pdffont.c); (4) replay the
 * display list into libharu pages, writing the text operators ourselves
 * as 2-byte CID strings; (5) let libharu write the file into memory;
 * then write it to disk atomically.
 *
 * What of libharu is used, and why.  The public API (hpdf.h) makes the
 * document, its pages, sizes, rotation, lines and rectangles, the /Info
 * entries it knows, compression and the writing of the file.  It cannot
 * do what a 公文 needs of its fonts: embed a HarfBuzz subset as a CID
 * font (Identity-H) with a ToUnicode map that gives the text back, and
 * draw characters beyond U+FFFF; nor write a page's text as ready-made
 * operators.  For those fangan uses libharu's object layer
 * (hpdf_objects.h: dictionaries, arrays, streams, the cross-reference
 * table — declared in libharu's installed headers and exported), which
 * keeps libharu writing a consistent file (offsets, xref, trailer, /ID).
 * Writing the whole PDF directly would be the other way; it was not
 * chosen because it would redo what libharu does correctly for the rest
 * of the file.  What is not used any more: the private page attributes
 * (hpdf_pages.h); the content stream is reached as the page's /Contents.
 * Still read from libharu's document structure (hpdf_doc.h, included by
 * hpdf.h): its memory manager, xref and /Info dictionary, which the
 * object layer needs and no public function returns.
 */
#include "pdfbuild.h"
#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "i18n.h"

/* libharu reports errors through a callback; the first one is kept and
 * makes pdf_save_mem fail. */
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

/* ---- (4) pages ---------------------------------------------------------- */

static void text_op(Save *s, const CvOp *op, Buf *b, double *tc)
{
	const Canvas *d = s->doc;
	buf_puts(b, "BT\n");
	if (op->a[5] != 0) {
		/* Horizontal scaling (长体), back to 100 after this text. */
		put_num(b, op->a[5]);
		buf_puts(b, " Tz\n");
	}
	if (op->a[3] != *tc) {
		put_num(b, op->a[3]);
		buf_puts(b, " Tc\n");
		*tc = op->a[3];
	}
	if (op->a[4] != 0) {
		/* A turned text: the text matrix rotates by quarter turns. */
		static const char *const rot[4] = {"1 0 0 1 ", "0 1 -1 0 ", "-1 0 0 -1 ",
						   "0 -1 1 0 "};
		buf_puts(b, rot[(int)op->a[4] & 3]);
		put_num(b, op->a[1]);
		buf_putc(b, ' ');
		put_num(b, op->a[2]);
		buf_puts(b, " Tm\n");
	} else {
		put_num(b, op->a[1]);
		buf_putc(b, ' ');
		put_num(b, op->a[2]);
		buf_puts(b, " Td\n");
	}
	/* One Tf and one hex string per stretch of glyphs from one face;
	 * Tj moves the text position by each glyph's /W width plus Tc. */
	for (size_t i = 0; i < op->ng;) {
		const CvGlyph *g = &d->glyphs[op->g0 + i];
		uint32_t face = g->face;
		buf_printf(b, "/F%u ", (unsigned)face + 1);
		put_num(b, op->a[0]);
		buf_puts(b, " Tf\n<");
		/* Four hex digits a glyph, by hand: printf per glyph was a
		 * tenth of the time of a whole document. */
		static const char hex[] = "0123456789ABCDEF";
		for (; i < op->ng && d->glyphs[op->g0 + i].face == face; i++) {
			unsigned cid = pdf_cid_of(&s->uses[face], d->glyphs[op->g0 + i].cp);
			char h[4] = {hex[cid >> 12 & 15], hex[cid >> 8 & 15], hex[cid >> 4 & 15],
				     hex[cid & 15]};
			buf_add(b, h, 4);
		}
		buf_puts(b, "> Tj\n");
	}
	if (op->a[5] != 0)
		buf_puts(b, "100 Tz\n");
	buf_puts(b, "ET\n");
}

/* The page's content stream is found as its /Contents entry through the
 * object API, not through libharu's private page attributes
 * (hpdf_pages.h). */
static void flush_raw(HPDF_Page page, Buf *b)
{
	if (b->len) {
		HPDF_Dict contents = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_DICT);
		if (contents && contents->stream)
			HPDF_Stream_Write(contents->stream, (const HPDF_BYTE *)b->s, (HPDF_UINT)b->len);
		b->len = 0;
	}
}

/* Put the fonts this page draws with into its /Resources /Font. */
static void page_fonts(Save *s, HPDF_Page page, const CvPage *p)
{
	const Canvas *d = s->doc;
	bool *used = xcalloc(d->nfaces + 1, sizeof *used);
	for (size_t i = p->op0; i < p->op0 + p->nop; i++)
		if (d->ops[i].kind == CV_OP_TEXT)
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

static void build_page(Save *s, const CvPage *p)
{
	HPDF_Page page = HPDF_AddPage(s->h);
	if (!page)
		return;
	page_fonts(s, page, p);
	Buf raw = {0};
	bool landscape = p->width > p->height;
	if (landscape) {
		/* A landscape page is a portrait sheet turned (GB/T 9704 §8):
		 * portrait MediaBox, /Rotate 90 for viewers, and the drawing
		 * turned onto the sheet, so that a printer feeds it like every
		 * other page and the table head lies at the sheet's left edge. */
		HPDF_Page_SetWidth(page, (HPDF_REAL)p->height);
		HPDF_Page_SetHeight(page, (HPDF_REAL)p->width);
		HPDF_Page_SetRotate(page, 90);
		buf_puts(&raw, "q\n0 1 -1 0 ");
		put_num(&raw, p->height);
		buf_puts(&raw, " 0 cm\n");
	} else {
		HPDF_Page_SetWidth(page, (HPDF_REAL)p->width);
		HPDF_Page_SetHeight(page, (HPDF_REAL)p->height);
	}
	double tc = 0;
	for (size_t i = p->op0; i < p->op0 + p->nop; i++) {
		const CvOp *op = &s->doc->ops[i];
		const double *a = op->a;
		if (op->kind == CV_OP_TEXT) {
			text_op(s, op, &raw, &tc);
			continue;
		}
		/* libharu writes the graphics operators to the same stream. */
		flush_raw(page, &raw);
		switch (op->kind) {
		case CV_OP_FILL_CMYK:
			HPDF_Page_SetCMYKFill(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
					      (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			break;
		case CV_OP_STROKE_CMYK:
			HPDF_Page_SetCMYKStroke(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
						(HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			break;
		case CV_OP_LINE:
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)a[4]);
			HPDF_Page_MoveTo(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1]);
			HPDF_Page_LineTo(page, (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			HPDF_Page_Stroke(page);
			break;
		case CV_OP_RECT:
			if (op->paint & CV_STROKE)
				HPDF_Page_SetLineWidth(page, (HPDF_REAL)a[4]);
			HPDF_Page_Rectangle(page, (HPDF_REAL)a[0], (HPDF_REAL)a[1],
					    (HPDF_REAL)a[2], (HPDF_REAL)a[3]);
			if (op->paint == CV_FILL_STROKE)
				HPDF_Page_FillStroke(page);
			else if (op->paint == CV_STROKE)
				HPDF_Page_Stroke(page);
			else
				HPDF_Page_Fill(page);
			break;
		case CV_OP_TEXT:
			break;
		}
	}
	if (landscape)
		buf_puts(&raw, "Q\n");
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
	const Canvas *d = s->doc;
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

/* The trailer's /ID, which PDF 2.0 requires and PDF 1.x recommends:
 * libharu writes one only for encrypted files, from the clock.  Ours is
 * a hash of the file's own bytes, so the same document always gets the
 * same ID and different documents different ones.  It goes at the start
 * of the trailer dictionary, which comes after the cross-reference
 * table, so no object offset moves.  Two 64-bit FNV-1a runs with
 * different starting values make the 16 bytes; the two array entries
 * are equal, as for a file never updated. */
static bool add_id(Buf *out, size_t at)
{
	static const char key[] = "trailer\n<<\n";
	/* The last "trailer": the file is binary, so no strstr. */
	char *t = NULL;
	size_t k = sizeof key - 1;
	for (size_t i = out->len - at >= k ? out->len - k + 1 : at; i-- > at;)
		if (memcmp(out->s + i, key, k) == 0) {
			t = out->s + i;
			break;
		}
	if (!t)
		return false;
	size_t n = out->len - at;
	uint64_t a = hash_bytes(HASH_INIT, out->s + at, n);
	uint64_t b = hash_bytes(hash_u64(HASH_INIT, n), out->s + at, n);
	char id[96];
	int len = snprintf(id, sizeof id, "/ID [<%016llX%016llX> <%016llX%016llX>]\n",
			   (unsigned long long)a, (unsigned long long)b,
			   (unsigned long long)a, (unsigned long long)b);
	size_t pos = (size_t)(t - out->s) + sizeof key - 1;
	out->s = xgrow(out->s, &out->cap, out->len + (size_t)len + 1, 1);
	memmove(out->s + pos + len, out->s + pos, out->len - pos + 1);
	memcpy(out->s + pos, id, (size_t)len);
	out->len += (size_t)len;
	return true;
}

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
	return got == size && add_id(out, at);
}

bool pdf_save_mem(Canvas *d, Buf *out, char **err)
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
		pdf_collect_face(d, i, &s.uses[i]);
		ok = pdf_build_font(&s, &s.uses[i]);
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
	for (size_t i = 0; i < d->nfaces; i++)
		pdf_face_use_free(&s.uses[i]);
	free(s.uses);
	HPDF_Free(s.h);
	return ok;
}

/* ---- writing the file ------------------------------------------------------ */

bool pdf_save(Canvas *d, const char *path, char **err)
{
	Buf pdf = {0};
	if (!pdf_save_mem(d, &pdf, err))
		return false;
	bool ok = write_file_atomic(path, pdf.s, pdf.len);
	if (!ok)
		*err = xstrdup(util_strerror(errno)); /* the caller names the file */
	buf_free(&pdf);
	return ok;
}
