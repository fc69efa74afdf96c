/* pdffont.c — the embedded fonts of a document (see pdfbuild.h).
 *
 * For every face drawn with: (1) collect the characters it drew, sorted
 * by code point, and number them 1..n — these are the CIDs, so that each
 * character has a ToUnicode entry of its own even where two characters
 * share a glyph; (2) subset the face to those glyphs with hb-subset;
 * (3) build Type0 → CIDFontType2 → FontDescriptor → FontFile2, with a
 * CIDToGIDMap into the subset and a ToUnicode CMap, using libharu's
 * object API (its own TrueType loader embeds whole fonts from files and
 * handles only BMP characters).
 */
#include "pdfbuild.h"

#include <hpdf_objects.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "i18n.h"
#include "tounicode.h"

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

/* The distinct characters d draws with face f, sorted by code point:
 * *n of them. */
static CharUse *chars_of(const Canvas *d, const Face *f, size_t *n)
{
	CharUse *c = NULL;
	size_t m = 0, cap = 0;
	for (size_t i = 0; i < d->nglyphs; i++) {
		const CvGlyph *g = &d->glyphs[i];
		if (d->faces[g->face] != f)
			continue;
		c = xgrow(c, &cap, m + 1, sizeof *c);
		c[m++] = (CharUse){g->cp, g->gid, g->milli};
	}
	if (m)
		qsort(c, m, sizeof *c, cmp_char);
	size_t k = 0;
	for (size_t i = 0; i < m; i++)
		if (k == 0 || c[k - 1].cp != c[i].cp)
			c[k++] = c[i];
	*n = k;
	return c;
}

void pdf_collect_face(const Canvas *d, size_t slot, FaceUse *u)
{
	size_t m;
	CharUse *c = chars_of(d, d->faces[slot], &m);
	u->face = d->faces[slot];
	u->n = m;
	u->cps = xcalloc(m + 1, sizeof *u->cps);
	u->gids = xcalloc(m + 1, sizeof *u->gids);
	u->new_gids = xcalloc(m + 1, sizeof *u->new_gids);
	u->milli = xcalloc(m + 1, sizeof *u->milli);
	for (size_t i = 0; i < m; i++) {
		u->cps[i] = c[i].cp;
		u->gids[i] = c[i].gid;
		u->milli[i] = c[i].milli;
	}
	free(c);
	/* The characters a shared subset holds besides (canvas.h). */
	u->nx = 0;
	u->xcps = u->xgids = NULL;
	if (d->share) {
		c = chars_of(d->share, u->face, &m);
		u->nx = m;
		u->xcps = xcalloc(m + 1, sizeof *u->xcps);
		u->xgids = xcalloc(m + 1, sizeof *u->xgids);
		for (size_t i = 0; i < m; i++) {
			u->xcps[i] = c[i].cp;
			u->xgids[i] = c[i].gid;
		}
		free(c);
	}
}

uint16_t pdf_cid_of(const FaceUse *u, uint32_t cp)
{
	const uint32_t *p = bsearch(&cp, u->cps, u->n, sizeof *u->cps, cmp_u32);
	return p ? (uint16_t)(p - u->cps + 1) : 0;
}

/* ---- (2) subsetting ----------------------------------------------------- */

static bool subset(FaceUse *u, Buf *font, char **err)
{
	/* The distinct glyphs, sorted, and the characters with real glyphs
	 * (for the subset's own cmap), sorted: those drawn and those a
	 * shared subset holds too, so that documents sharing one subset
	 * ask face_subset for the very same one. */
	size_t all = u->n + u->nx;
	uint32_t *g = xcalloc(all + 1, sizeof *g), *uni = xcalloc(all + 1, sizeof *uni);
	size_t ng = 0, nuni = 0;
	for (size_t i = 0; i < u->n; i++) {
		g[ng++] = u->gids[i];
		if (u->gids[i])
			uni[nuni++] = u->cps[i];
	}
	for (size_t i = 0; i < u->nx; i++) {
		g[ng++] = u->xgids[i];
		if (u->xgids[i])
			uni[nuni++] = u->xcps[i];
	}
	qsort(g, ng, sizeof *g, cmp_u32);
	size_t m = 0;
	for (size_t i = 0; i < ng; i++)
		if (m == 0 || g[m - 1] != g[i])
			g[m++] = g[i];
	if (u->nx) {
		qsort(uni, nuni, sizeof *uni, cmp_u32);
		size_t k = 0;
		for (size_t i = 0; i < nuni; i++)
			if (k == 0 || uni[k - 1] != uni[i])
				uni[k++] = uni[i];
		nuni = k;
	}
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

/* libharu's own Flate filter always deflates at zlib's default level 6,
 * and deflating the font files was most of a document's save time.  So
 * streams are deflated here at FLATE_LEVEL and handed to libharu as
 * unfiltered bytes; libharu drops the /Filter entry of an unfiltered
 * stream, so the entry is written by the dictionary's write hook, which
 * runs after the other entries and before the closing ">>".
 *
 * Measured on bench/notice.md (2 pages, three subset faces), 200 copies
 * built in one process (ms per document, PDF bytes):
 *   level 1: 3.1 ms 76,169 B   level 3: 3.4 ms 73,514 B
 *   level 4: 3.7 ms 71,953 B   level 6: 4.7 ms 70,359 B
 * Level 4 is the knee: a fifth less time than 6 for 2 % more bytes;
 * below it each step saves less time than it adds bytes, and the size
 * of a document matters more here than a millisecond. */
#define FLATE_LEVEL 4

static HPDF_STATUS write_flate_filter(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* The last few streams deflated, raw and deflated.  A font subset that
 * face.c hands out again for the next document (the same glyphs of the
 * same face) is the same bytes, and so deflates to the same bytes: the
 * copy is taken instead of deflating again.  Kept for the process; a few
 * hundred KB at most. */
enum { DEFLATED_KEPT = 8, DEFLATED_MIN = 4096 };
static struct {
	Buf raw, z;
} deflated[DEFLATED_KEPT];
static unsigned deflated_next;

static const Buf *deflated_find(const void *data, size_t len)
{
	for (unsigned i = 0; i < DEFLATED_KEPT; i++)
		if (deflated[i].raw.len == len && len > 0 &&
		    memcmp(deflated[i].raw.s, data, len) == 0)
			return &deflated[i].z;
	return NULL;
}

static void deflated_keep(const void *data, size_t len, const void *z, size_t zlen)
{
	unsigned i = deflated_next++ % DEFLATED_KEPT;
	deflated[i].raw.len = deflated[i].z.len = 0;
	buf_add(&deflated[i].raw, data, len);
	buf_add(&deflated[i].z, z, zlen);
}

static HPDF_Dict stream_dict(Save *s, const void *data, size_t len)
{
	HPDF_Dict d = HPDF_DictStream_New(s->h->mmgr, s->h->xref);
	if (!d)
		return NULL;
	/* Small streams (ToUnicode, CIDToGIDMap) differ from document to
	 * document and cost little to deflate: only font files are kept. */
	const Buf *kept = len >= DEFLATED_MIN ? deflated_find(data, len) : NULL;
	if (kept) {
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = write_flate_filter;
		HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)kept->s, (HPDF_UINT)kept->len);
		return d;
	}
	uLongf zlen = compressBound((uLong)len);
	Bytef *z = xmalloc(zlen);
	if (compress2(z, &zlen, data, (uLong)len, FLATE_LEVEL) == Z_OK && zlen < len) {
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = write_flate_filter;
		HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zlen);
		if (len >= DEFLATED_MIN)
			deflated_keep(data, len, z, zlen);
	} else {
		HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len);
	}
	free(z);
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

bool pdf_build_font(Save *s, FaceUse *u)
{
	HPDF_MMgr mm = s->h->mmgr;
	/* Layout reports this as a font-limit finding (layout.c); a file
	 * drawn otherwise (an attachment alone, a unit's copy) is stopped
	 * here rather than have its CIDs wrap. */
	if (u->n > CANVAS_FACE_CHARS) {
		s->err = xasprintf(_("the document draws %zu different characters with the font "
				     "%s, and a PDF font holds at most %d: split the document"),
				   u->n, face_path(u->face), CANVAS_FACE_CHARS);
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

void pdf_face_use_free(FaceUse *u)
{
	free(u->cps);
	free(u->gids);
	free(u->new_gids);
	free(u->milli);
	free(u->xcps);
	free(u->xgids);
}
