/* docx_pkg.c — the DOCX package: its parts, zipped with libzip.
 *
 * Members are always written in the same order, the larger ones
 * deflated, with the DOS
 * time of the given day at 00:00 (set directly, so that the time zone
 * cannot change it) and no extra fields: the same document gives the
 * same bytes.  The ZIP is built in memory and written through
 * write_file_atomic, so a half-written file is never left behind.
 */
#include <errno.h>
#include <string.h>
#include "lazy_zip.h"

#include "docx_int.h"

#define CT_BASE "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Parts this long or longer are deflated (level 1: most of the gain for
 * a third of the time), shorter ones stored. */
#define DEFLATE_FROM 2048

typedef struct {
	const char *name;
	Buf data;
} Member;

static void content_types(Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_start(w, "Types");
	xw_attr(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	xw_start(w, "Default");
	xw_attr(w, "Extension", "rels");
	xw_attr(w, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	xw_end(w);
	xw_start(w, "Default");
	xw_attr(w, "Extension", "xml");
	xw_attr(w, "ContentType", "application/xml");
	xw_end(w);
	static const char *const parts[][2] = {
		{"/word/document.xml", CT_BASE "document.main+xml"},
		{"/word/styles.xml", CT_BASE "styles+xml"},
		{"/word/settings.xml", CT_BASE "settings+xml"},
		{"/word/fontTable.xml", CT_BASE "fontTable+xml"},
		{"/word/footer1.xml", CT_BASE "footer+xml"},
		{"/word/footer2.xml", CT_BASE "footer+xml"},
		{"/word/footer3.xml", CT_BASE "footer+xml"},
		{"/word/footer4.xml", CT_BASE "footer+xml"},
		{"/word/footer5.xml", CT_BASE "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		xw_start(w, "Override");
		xw_attr(w, "PartName", parts[i][0]);
		xw_attr(w, "ContentType", parts[i][1]);
		xw_end(w);
	}
	xw_end(w);
	xw_finish(w, buf, out);
}

static void rel(xmlTextWriterPtr w, const char *id, const char *type, const char *target)
{
	xw_start(w, "Relationship");
	xw_attr(w, "Id", id);
	xw_attr(w, "Type", type);
	xw_attr(w, "Target", target);
	xw_end(w);
}

static void package_rels(Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_start(w, "Relationships");
	xw_attr(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	rel(w, "rId1", REL_BASE "officeDocument", "word/document.xml");
	rel(w, "rId2",
	    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
	    "docProps/core.xml");
	xw_end(w);
	xw_finish(w, buf, out);
}

static void document_rels(Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_start(w, "Relationships");
	xw_attr(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	rel(w, "rId1", REL_BASE "styles", "styles.xml");
	rel(w, "rId2", REL_BASE "settings", "settings.xml");
	rel(w, "rId3", REL_BASE "fontTable", "fontTable.xml");
	rel(w, RID_FOOTER_ODD, REL_BASE "footer", "footer1.xml");
	rel(w, RID_FOOTER_EVEN, REL_BASE "footer", "footer2.xml");
	rel(w, RID_FOOTER_NONE, REL_BASE "footer", "footer3.xml");
	rel(w, RID_FOOTER_LAND_ODD, REL_BASE "footer", "footer4.xml");
	rel(w, RID_FOOTER_LAND_EVEN, REL_BASE "footer", "footer5.xml");
	xw_end(w);
	xw_finish(w, buf, out);
}

static void core(const Plan *p, const char *title, Day day, Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_start(w, "cp:coreProperties");
	xw_attr(w, "xmlns:cp",
	        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	xw_attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	xw_attr(w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	xw_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	if (title) {
		xw_start(w, "dc:title");
		xw_text(w, title, strlen(title));
		xw_end(w);
	}
	if (p->issuer.s) {
		xw_start(w, "dc:creator");
		xw_text(w, p->issuer.s, strlen(p->issuer.s));
		xw_end(w);
	}
	if (day != DAY_NONE) {
		char iso[32], stamp[48];
		day_format_iso(day, iso);
		snprintf(stamp, sizeof stamp, "%sT00:00:00Z", iso);
		const char *names[2] = {"dcterms:created", "dcterms:modified"};
		for (int i = 0; i < 2; i++) {
			xw_start(w, names[i]);
			xw_attr(w, "xsi:type", "dcterms:W3CDTF");
			xmlTextWriterWriteString(w, BAD_CAST stamp);
			xw_end(w);
		}
	}
	xw_end(w);
	xw_finish(w, buf, out);
}

/* MS-DOS date of day (1980-01-01 at the earliest, 2107 at the latest). */
static zip_uint16_t dos_date(Day day)
{
	int y = 1980, m = 1, d = 1;
	if (day != DAY_NONE)
		day_to_ymd(day, &y, &m, &d);
	if (y < 1980)
		y = 1980, m = 1, d = 1;
	if (y > 2107)
		y = 2107, m = 12, d = 31;
	return (zip_uint16_t)(((y - 1980) << 9) | (m << 5) | d);
}

static bool zip_members(Member *m, size_t n, Day day, Buf *out, char **err)
{
	if (!lazy_zip_load(err))
		return false;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za) {
		*err = xasprintf("libzip: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (src)
			zip_source_free(src);
		return false;
	}
	zip_source_keep(src);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		zip_source_t *s = zip_source_buffer(za, m[i].data.s, m[i].data.len, 0);
		zip_int64_t idx = s ? zip_file_add(za, m[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			ok = false;
			break;
		}
		/* Small parts are stored: setting up a deflate stream costs
		 * more than the few bytes it saves on them. */
		if (m[i].data.len >= DEFLATE_FROM)
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
		else
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		zip_file_set_dostime(za, (zip_uint64_t)idx, 0, dos_date(day), 0);
	}
	if (!ok || zip_close(za) < 0) {
		*err = xasprintf("libzip: %s", zip_strerror(za));
		zip_discard(za);
		zip_source_free(src);
		zip_error_fini(&ze);
		return false;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_open(src) < 0 || zip_source_stat(src, &st) < 0) {
		*err = xasprintf("libzip: %s", zip_error_strerror(zip_source_error(src)));
		zip_source_free(src);
		zip_error_fini(&ze);
		return false;
	}
	size_t at = out->len;
	buf_add(out, "", 0);
	out->s = xgrow(out->s, &out->cap, at + (size_t)st.size + 1, 1);
	zip_int64_t got = zip_source_read(src, out->s + at, st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		*err = xstrdup("libzip: short read of the archive");
		return false;
	}
	out->len = at + (size_t)got;
	out->s[out->len] = '\0';
	return true;
}

/* The package of p: the whole document, or attachment shape s alone
 * under label when s is not NULL. */
static bool package(const Plan *p, const Composed *k, const AttShape *s, const char *label,
                    const char *title, const FontSet *fs, const Geometry *g, Day day, Buf *out,
                    char **err)
{
	DocxCtx c = {.p = p, .k = k, .fs = fs, .g = g};
	c.line = TWIPS(g->body_h) / g->lines;
	c.pitch = g->body_w / g->chars;
	snprintf(c.red, sizeof c.red, "%02X%02X%02X",
	         (int)(255 * (1 - g->red_c) * (1 - g->red_k) + 0.5),
	         (int)(255 * (1 - g->red_m) * (1 - g->red_k) + 0.5),
	         (int)(255 * (1 - g->red_y) * (1 - g->red_k) + 0.5));
	Member m[] = {
		{"[Content_Types].xml", {0}},
		{"_rels/.rels", {0}},
		{"docProps/core.xml", {0}},
		{"word/document.xml", {0}},
		{"word/_rels/document.xml.rels", {0}},
		{"word/styles.xml", {0}},
		{"word/settings.xml", {0}},
		{"word/fontTable.xml", {0}},
		{"word/footer1.xml", {0}},
		{"word/footer2.xml", {0}},
		{"word/footer3.xml", {0}},
		{"word/footer4.xml", {0}},
		{"word/footer5.xml", {0}},
	};
	size_t n = sizeof m / sizeof m[0];
	content_types(&m[0].data);
	package_rels(&m[1].data);
	core(p, title, day, &m[2].data);
	if (s)
		docx_att_document(&c, s, label, &m[3].data);
	else
		docx_document(&c, &m[3].data);
	document_rels(&m[4].data);
	docx_styles(g, &m[5].data);
	docx_settings(&m[6].data);
	docx_font_table(&m[7].data);
	docx_footer(g, FOOTER_ODD, &m[8].data);
	docx_footer(g, FOOTER_EVEN, &m[9].data);
	docx_footer(g, FOOTER_NONE, &m[10].data);
	docx_footer(g, FOOTER_LAND_ODD, &m[11].data);
	docx_footer(g, FOOTER_LAND_EVEN, &m[12].data);
	free(c.tbl_w);
	bool ok = zip_members(m, n, day, out, err);
	for (size_t i = 0; i < n; i++)
		buf_free(&m[i].data);
	return ok;
}

bool docx_save_mem(const Plan *p, const Composed *k, const FontSet *fs, const Geometry *g,
                   Day day, Buf *out, char **err)
{
	return package(p, k, NULL, NULL, p->title.s, fs, g, day, out, err);
}

/* b into path through a temporary file renamed into place. */
static bool save(Buf *b, const char *path, char **err)
{
	bool ok = write_file_atomic(path, b->s, b->len);
	if (!ok)
		*err = xstrdup(util_strerror(errno));
	buf_free(b);
	return ok;
}

bool docx_att_save(const Plan *p, size_t i, const AttShape *s, const char *label,
                   const FontSet *fs, const Geometry *g, Day day, const char *path, char **err)
{
	Buf b = {0};
	const char *title = p->attachments[i].title.s;
	if (!package(p, NULL, s, label, title ? title : p->title.s, fs, g, day, &b, err)) {
		buf_free(&b);
		return false;
	}
	return save(&b, path, err);
}

bool docx_save(const Plan *p, const Composed *k, const FontSet *fs, const Geometry *g,
               Day day, const char *path, char **err)
{
	Buf b = {0};
	if (!docx_save_mem(p, k, fs, g, day, &b, err)) {
		buf_free(&b);
		return false;
	}
	return save(&b, path, err);
}
