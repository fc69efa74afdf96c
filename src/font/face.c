/* face.c — see face.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "face.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

/* The most recent subset of a face: its input and what it gave. */
typedef struct {
	bool valid;
	uint32_t *gids, *unicodes, *new_gids;
	size_t n, nuni;
	Buf font;
} LastSubset;

static void last_free(LastSubset *l)
{
	free(l->gids);
	free(l->unicodes);
	free(l->new_gids);
	buf_free(&l->font);
	*l = (LastSubset){0};
}

struct Face {
	char *path; /* realpath */
	unsigned index;
	hb_blob_t *blob;
	hb_face_t *hb;
	hb_font_t *font;      /* scale = upem, so advances are font units */
	hb_face_t *subset_src; /* what face_subset subsets: hb, or hb preprocessed */
	unsigned subsets;      /* how many subsets have been made */
	bool prepared;         /* subset_src is preprocessed */
	LastSubset last;       /* see face_subset */
	unsigned upem;
	char *psname, *family;
	FaceMetrics m;
	int refs;
	Face *next;
};

/* Every open face, so that a file is mapped and parsed once. */
static Face *cache;

static int to_milli(const Face *f, long v)
{
	double d = (double)v * 1000.0 / f->upem;
	return (int)(d < 0 ? d - 0.5 : d + 0.5);
}

static bool has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	bool yes = hb_blob_get_length(b) > 0;
	hb_blob_destroy(b);
	return yes;
}

static char *name_string(hb_face_t *face, hb_ot_name_id_t id)
{
	hb_language_t langs[2] = {hb_language_from_string("en", -1),
				  HB_LANGUAGE_INVALID};
	for (int i = 0; i < 2; i++) {
		unsigned len = hb_ot_name_get_utf8(face, id, langs[i], NULL, NULL);
		if (len == 0)
			continue;
		unsigned size = len + 1;
		char *s = xmalloc(size);
		hb_ot_name_get_utf8(face, id, langs[i], &size, s);
		return s;
	}
	return xstrdup("");
}

/* PDF names may hold any regular character, but subset tags, viewers and
 * font menus all expect the PostScript-name alphabet. */
static char *pdf_safe_name(const char *s, const char *family)
{
	Buf b = {0};
	for (const char *p = s; *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			buf_putc(&b, *p);
	if (b.len == 0)
		for (const char *p = family; *p; p++)
			if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9'))
				buf_putc(&b, *p);
	if (b.len == 0)
		buf_puts(&b, "CJKFont");
	/* PDF names are limited to 127 bytes, and the subset tag takes 7. */
	if (b.len > 100)
		b.s[b.len = 100] = '\0';
	return b.s;
}

static void read_metrics(Face *f)
{
	hb_position_t v;
	f->m.ascent = hb_ot_metrics_get_position(f->font,
		HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v) ? to_milli(f, v) : 880;
	f->m.descent = hb_ot_metrics_get_position(f->font,
		HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v) ? to_milli(f, v) : -120;
	/* Old CJK fonts have a version-0 OS/2 table without sCapHeight. */
	f->m.cap_height = hb_ot_metrics_get_position(f->font,
		HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0 ? to_milli(f, v)
							   : f->m.ascent;
	hb_blob_t *head = hb_face_reference_table(f->hb, HB_TAG('h', 'e', 'a', 'd'));
	unsigned len;
	const unsigned char *d = (const unsigned char *)hb_blob_get_data(head, &len);
	if (len >= 44) {
		for (int i = 0; i < 4; i++) {
			int16_t s = (int16_t)(uint16_t)(d[36 + 2 * i] << 8 | d[37 + 2 * i]);
			f->m.bbox[i] = to_milli(f, s);
		}
	} else {
		int fallback[4] = {0, f->m.descent, 1000, f->m.ascent};
		memcpy(f->m.bbox, fallback, sizeof fallback);
	}
	hb_blob_destroy(head);
}

static void face_destroy(Face *f)
{
	last_free(&f->last);
	if (f->subset_src)
		hb_face_destroy(f->subset_src);
	hb_font_destroy(f->font);
	hb_face_destroy(f->hb);
	hb_blob_destroy(f->blob);
	free(f->path);
	free(f->psname);
	free(f->family);
	free(f);
}

enum { FACE_MAX_MB = 256 }; /* the largest CJK collections are ~120 MB */

char *face_file_problem(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return xasprintf(_("cannot open %s: %s"), path, strerror(errno));
	struct stat st;
	unsigned char tag[4] = {0};
	char *why = NULL;
	bool stated = fstat(fd, &st) == 0;
	if (!stated || !S_ISREG(st.st_mode))
		why = xasprintf("%s: %s", path,
		                stated && S_ISDIR(st.st_mode) ? _("a folder, not a font file")
		                                              : read_strerror(ENOTREG));
	else if ((uintmax_t)st.st_size > (uintmax_t)FACE_MAX_MB << 20)
		why = xasprintf(_("%s: larger than %d MB, not a font"), path, FACE_MAX_MB);
	else if (read(fd, tag, 4) != 4 ||
		 (memcmp(tag, "\0\1\0\0", 4) && memcmp(tag, "true", 4) &&
		  memcmp(tag, "ttcf", 4) && memcmp(tag, "OTTO", 4)))
		why = xasprintf(_("%s is not a TrueType/OpenType font"), path);
	close(fd);
	return why;
}

Face *face_open(const char *path, unsigned index, char **why)
{
	char real[PATH_MAX];
	if (!realpath(path, real)) {
		*why = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	for (Face *f = cache; f; f = f->next)
		if (f->index == index && strcmp(f->path, real) == 0)
			return face_ref(f);

	/* Share the mapping with another face of the same collection. */
	hb_blob_t *blob = NULL;
	for (Face *f = cache; f; f = f->next)
		if (strcmp(f->path, real) == 0) {
			blob = hb_blob_reference(f->blob);
			break;
		}
	if (!blob) {
		/* Size and type before parsing: a FIFO or device (/dev/zero)
		 * would be read until killed, and a huge file mapped whole. */
		*why = face_file_problem(real);
		if (*why)
			return NULL;
		blob = hb_blob_create_from_file_or_fail(real);
	}
	if (!blob) {
		*why = xasprintf(_("cannot read %s"), real);
		return NULL;
	}
	unsigned count = hb_face_count(blob);
	if (count == 0 || index >= count) {
		*why = count == 0 ? xasprintf(_("%s is not a TrueType/OpenType font"), real)
				  : xasprintf(_("%s has %u face(s); face %u does not exist"),
					      real, count, index);
		hb_blob_destroy(blob);
		return NULL;
	}
	hb_face_t *hb = hb_face_create(blob, index);
	if (!has_table(hb, HB_TAG('g', 'l', 'y', 'f')) ||
	    !has_table(hb, HB_TAG('l', 'o', 'c', 'a')) || hb_face_get_upem(hb) == 0) {
		bool cff = has_table(hb, HB_TAG('C', 'F', 'F', ' ')) ||
			   has_table(hb, HB_TAG('C', 'F', 'F', '2'));
		*why = xasprintf(_("%s face %u: %s"), real, index,
				 cff ? _("CFF (PostScript) outlines; only TrueType glyf "
				         "outlines can be embedded as CIDFontType2")
				     : _("no TrueType outlines (glyf/loca)"));
		hb_face_destroy(hb);
		hb_blob_destroy(blob);
		return NULL;
	}
	Face *f = xcalloc(1, sizeof *f);
	f->path = xstrdup(real);
	f->index = index;
	f->blob = blob;
	f->hb = hb;
	f->upem = hb_face_get_upem(hb);
	f->font = hb_font_create(hb);
	hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
	f->family = name_string(hb, HB_OT_NAME_ID_FONT_FAMILY);
	char *ps = name_string(hb, HB_OT_NAME_ID_POSTSCRIPT_NAME);
	f->psname = pdf_safe_name(ps, f->family);
	free(ps);
	read_metrics(f);
	f->refs = 1;
	f->next = cache;
	cache = f;
	return f;
}

Face *face_ref(Face *f)
{
	f->refs++;
	return f;
}

void face_close(Face *f)
{
	if (!f || --f->refs > 0)
		return;
	for (Face **pp = &cache; *pp; pp = &(*pp)->next)
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	face_destroy(f);
}

const char *face_path(const Face *f) { return f->path; }
unsigned face_index(const Face *f) { return f->index; }
const char *face_psname(const Face *f) { return f->psname; }
const char *face_family(const Face *f) { return f->family; }
const FaceMetrics *face_metrics(const Face *f) { return &f->m; }
unsigned face_glyph_count(const Face *f) { return hb_face_get_glyph_count(f->hb); }

bool face_glyph(const Face *f, uint32_t cp, uint32_t *gid)
{
	hb_codepoint_t g;
	if (!hb_font_get_nominal_glyph(f->font, cp, &g) || g == 0)
		return false;
	*gid = g;
	return true;
}

int face_advance(const Face *f, uint32_t gid)
{
	return to_milli(f, hb_font_get_glyph_h_advance(f->font, gid));
}

/* Subsets of one face made before it is worth preprocessing it. */
#ifndef PREPROCESS_AFTER
#define PREPROCESS_AFTER 32
#endif

/* A prepared face holds ~1.5–3 times its font file in memory (measured:
 * SungtiL 5.2 MB file, +8 MB; KaitiM 4.6 MB, +12 MB; Zen Hei 16.8 MB,
 * +46 MB), so faces are prepared only while the files of the prepared
 * ones add up to at most PREPARE_BUDGET bytes: with the free fonts the
 * body and 楷体 faces are prepared and Zen Hei, which draws only the 黑体
 * headings, is not, and a process stays under 40 MB.  Per document this
 * keeps 0.7 of the 1.7 ms that preparing all three would save. */
#ifndef PREPARE_BUDGET
#define PREPARE_BUDGET (12u << 20)
#endif
static size_t prepared_bytes;

/* The tables an embedded CIDFontType2 is drawn from (PDF 32000-1,
 * 9.9: glyf, loca, head, hhea, hmtx, maxp, with cmap for readers that
 * look up glyphs through it); every other table of the face — layout,
 * names, OS/2, post, hinting, vertical metrics, bitmaps — is dropped.
 * On bench/notice.md this took the PDF from 72,053 to 71,129 bytes.
 * Without the cmap it would be 69,799, and poppler draws it the same, but
 * a reader that looks glyphs up through the cmap would draw nothing. */
static const hb_tag_t kept_tables[] = {
	HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'e', 'a', 'd'),
	HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'),
	HB_TAG('c', 'm', 'a', 'p'),
};

static bool kept_table(hb_tag_t t)
{
	for (size_t i = 0; i < sizeof kept_tables / sizeof *kept_tables; i++)
		if (kept_tables[i] == t)
			return true;
	return false;
}

/* Add every table of face that is not kept to drop. */
static void drop_unkept(hb_face_t *face, hb_set_t *drop)
{
	hb_tag_t tags[64];
	unsigned start = 0, n;
	do {
		n = sizeof tags / sizeof *tags;
		hb_face_get_table_tags(face, start, &n, tags);
		for (unsigned i = 0; i < n; i++)
			if (!kept_table(tags[i]))
				hb_set_add(drop, tags[i]);
		start += n;
	} while (n == sizeof tags / sizeof *tags);
}

/* The input of a subset: the characters, and the glyphs no character
 * of them maps to; every table not kept is dropped, and so is the cmap
 * when keep_cmap is false. */
static hb_subset_input_t *subset_input(const Face *f, const uint32_t *gids, size_t n,
				       const uint32_t *unicodes, size_t nuni, bool keep_cmap)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return NULL;
	/* The characters, not their glyphs: given glyph ids, hb-subset walks
	 * the face's whole cmap to find the characters of each (tens of
	 * thousands of entries in a CJK face); given characters, it looks up
	 * only those.  A glyph that none of the characters maps to (none
	 * today: the canvas takes every glyph from the cmap) is asked for by
	 * id as well. */
	hb_set_t *us = hb_subset_input_unicode_set(in);
	hb_set_t *reached = hb_set_create();
	for (size_t i = 0; i < nuni; i++) {
		uint32_t g;
		hb_set_add(us, unicodes[i]);
		if (face_glyph(f, unicodes[i], &g))
			hb_set_add(reached, g);
	}
	hb_set_t *gs = hb_subset_input_glyph_set(in);
	for (size_t i = 0; i < n; i++)
		if (gids[i] != 0 && !hb_set_has(reached, gids[i]))
			hb_set_add(gs, gids[i]);
	hb_set_destroy(reached);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	drop_unkept(f->hb, drop);
	if (!keep_cmap)
		hb_set_add(drop, HB_TAG('c', 'm', 'a', 'p'));
	/* Hinting is dead weight in print; the .notdef outline is kept so that
	 * a missing character shows as a box rather than nothing. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
					      HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	return in;
}

/* hb_subset_preprocess builds the subsetter's accelerators once, so that
 * the documents of a batch do not re-parse the font.  Measured for ~300
 * glyphs: a subset costs 0.5 ms (SungtiL) to 1.3 ms (Zen Hei) unprepared
 * and 0.08 ms prepared, and preparing costs 10–50 ms, so it is done only
 * once a face has been subset PREPROCESS_AFTER times.  The face is
 * logically const: these are caches. */
static hb_face_t *subset_source(const Face *f)
{
	Face *mf = (Face *)f;
	mf->subsets++;
	size_t size = hb_blob_get_length(f->blob);
	bool prepare = mf->subsets >= PREPROCESS_AFTER && prepared_bytes + size <= PREPARE_BUDGET;
	if (!mf->subset_src || (prepare && !mf->prepared)) {
		if (mf->subset_src)
			hb_face_destroy(mf->subset_src);
		mf->subset_src = prepare ? hb_subset_preprocess(f->hb) : hb_face_reference(f->hb);
		if (prepare)
			prepared_bytes += size;
		mf->prepared = prepare;
	}
	return mf->subset_src;
}

/* Why a subset could not be made, in words for the clerk: the font and
 * what to do. */
static char *subset_failed(const Face *f, size_t nuni)
{
	return xasprintf(_("cannot embed the font %s: HarfBuzz could not make a subset of "
			   "it with the %zu characters this document draws from it; name "
			   "another font for these characters in fonts/fonts.map (see "
			   "fonts/README.md), or use fewer rare characters"),
			 f->path, nuni);
}

/* One attempt: plan, map the glyphs, execute.  NULL on failure, with
 * *why set only when the failure is not the execution's (which the
 * caller may retry without the cmap). */
static hb_face_t *subset_try(const Face *f, hb_face_t *src, const uint32_t *gids, size_t n,
			     const uint32_t *unicodes, size_t nuni, bool keep_cmap,
			     uint32_t *new_gids, char **why)
{
	hb_subset_input_t *in = subset_input(f, gids, n, unicodes, nuni, keep_cmap);
	if (!in) {
		*why = xstrdup("hb_subset_input_create_or_fail failed");
		return NULL;
	}
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(src, in);
	hb_subset_input_destroy(in);
	if (!plan) {
		*why = subset_failed(f, nuni);
		return NULL;
	}
	hb_face_t *sub = NULL;
	const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t g = hb_map_get(map, gids[i]);
		if (g == HB_MAP_VALUE_INVALID) {
			*why = xasprintf(_("glyph %u of %s was dropped by the subsetter"),
					 (unsigned)gids[i], f->path);
			goto out;
		}
		new_gids[i] = g;
	}
	sub = hb_subset_plan_execute_or_fail(plan);
out:
	hb_subset_plan_destroy(plan);
	return sub;
}

static bool subset_now(const Face *f, const uint32_t *gids, size_t n,
		       const uint32_t *unicodes, size_t nuni, Buf *font,
		       uint32_t *new_gids, char **why)
{
	hb_face_t *src = subset_source(f);
	char *w = NULL;
	hb_face_t *sub = subset_try(f, src, gids, n, unicodes, nuni, true, new_gids, &w);
	/* HarfBuzz 6.0 (Debian 12) cannot write the cmap of a subset holding
	 * a few thousand characters beyond U+FFFF with gaps between them
	 * (many format-12 groups): HanaMinB with every second character
	 * from U+20000 on fails from ~5,000 characters, while 42,711
	 * contiguous ones subset in 68 ms, and so do 20,000 BMP characters
	 * with gaps.  A plan whose rare characters are scattered (some drawn
	 * by UMing, the rest by HanaMinB) meets that.  The PDF draws through
	 * the CIDToGIDMap and extracts text through the ToUnicode CMap, so
	 * such a subset is made again without its cmap: poppler, pdf.js and
	 * Acrobat draw it the same; only a reader that looks glyphs up
	 * through the embedded cmap would lose these characters, which is
	 * better than no PDF at all. */
	if (!sub && !w)
		sub = subset_try(f, src, gids, n, unicodes, nuni, false, new_gids, &w);
	if (!sub) {
		*why = w ? w : subset_failed(f, nuni);
		return false;
	}
	bool ok = false;
	hb_blob_t *blob = hb_face_reference_blob(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	if (len > 0) {
		buf_add(font, data, len);
		ok = true;
	} else {
		*why = subset_failed(f, nuni);
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	return ok;
}

static bool same_u32(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

static uint32_t *dup_u32(const uint32_t *a, size_t n)
{
	uint32_t *d = xcalloc(n + 1, sizeof *d);
	if (n)
		memcpy(d, a, n * sizeof *d);
	return d;
}

/* The last subset of each face is kept and handed out again when the
 * next document asks for exactly the same glyphs: documents of a batch
 * often draw a face with the same characters (the 黑体 headings of one
 * kind of notice, the title and labels of a form made once per unit).
 * That saves a whole subset — for Zen Hei, which is not prepared (see
 * PREPARE_BUDGET), ~16 M instructions a document.  hb-subset gives the
 * same bytes for the same input, so the output does not change. */
bool face_subset(const Face *f, const uint32_t *gids, size_t n,
		 const uint32_t *unicodes, size_t nuni, Buf *font,
		 uint32_t *new_gids, char **why)
{
	Face *mf = (Face *)f; /* logically const: a cache */
	LastSubset *l = &mf->last;
	if (l->valid && same_u32(l->gids, l->n, gids, n) &&
	    same_u32(l->unicodes, l->nuni, unicodes, nuni)) {
		buf_add(font, l->font.s, l->font.len);
		if (n)
			memcpy(new_gids, l->new_gids, n * sizeof *new_gids);
		return true;
	}
	size_t at = font->len;
	if (!subset_now(f, gids, n, unicodes, nuni, font, new_gids, why))
		return false;
	last_free(l);
	l->gids = dup_u32(gids, n);
	l->unicodes = dup_u32(unicodes, nuni);
	l->new_gids = dup_u32(new_gids, n);
	l->n = n;
	l->nuni = nuni;
	buf_add(&l->font, font->s + at, font->len - at);
	l->valid = true;
	return true;
}

size_t face_cache_size(void)
{
	size_t n = 0;
	for (Face *f = cache; f; f = f->next)
		n++;
	return n;
}
