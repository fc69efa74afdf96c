/* docxin.c — a Word document (.docx) into paragraphs.
 *
 * The .docx is a ZIP (libzip) whose word/document.xml (libxml2) holds the
 * paragraphs: their text, their style's outline level (word/styles.xml:
 * “heading 1”, 标题 1, or w:outlineLvl), how much of their start is bold
 * (a run-in head), table rows with their cells, and page and line breaks
 * (both end a paragraph here).  Word's automatic numbers (w:numPr, in
 * the paragraph or its style) are counted with word/numbering.xml and
 * written before the text, 一、 or （一） or 1. as the level says, so
 * they read like typed ones.  Text boxes, deleted text and field codes
 * are left out.
 *
 * Hostile files are refused before any work grows with them: at most
 * IMPORT_MAX_ENTRIES entries, each part read inflated only up to
 * IMPORT_MAX_BYTES (a ZIP bomb stops there) and holding at most
 * IMPORT_MAX_ELEMENTS tags (the tree's memory), and parsed by xmlsafe_read:
 * no DTD at all (the parser stops at a DOCTYPE in whatever encoding, so no
 * entity is ever declared, let alone fetched or expanded), never the
 * network, no entity substituted, no external entity loaded.
 */
#include <libxml/parser.h>
#include <strings.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lazy_zip.h"

#include "headnum.h"
#include "i18n.h"
#include "import_int.h"
#include "xmlsafe.h"

#define MAX_STYLES 1024
#define MAX_NUMS   256   /* w:num and w:abstractNum entries */

typedef struct {
	char *id;
	int outline;  /* 1..9, 0 none */
	int numid, ilvl;  /* automatic numbering of the style, numid 0 none */
} Style;

typedef struct {
	char fmt[32];   /* w:numFmt: decimal, chineseCounting, … */
	char text[64];  /* w:lvlText: "%1、", "（%1）" */
	int start;
} NumLevel;

typedef struct {
	int id;
	NumLevel lvl[9];
	int count[9];
} AbstractNum;

typedef struct {
	int numid, abs;
} NumRef;

typedef struct {
	Import *im;
	Style *styles;
	size_t nstyles;
	AbstractNum *abs;
	size_t nabs;
	NumRef *nums;
	size_t nnums;
	int para;      /* paragraphs so far (their "line" numbers) */
	int tables;
	Buf text;      /* the paragraph being read */
	size_t bold;   /* bytes of leading bold text */
	bool bold_run; /* still in the leading bold runs */
	int outline;
	bool overflow; /* more than IMPORT_MAX_LINES paragraphs */
	int boxes;     /* text boxes the paragraph being read is inside */
} Ctx;

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *attr(const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (char *)a->children->content;
	return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* One part of the ZIP, inflated up to IMPORT_MAX_BYTES; NULL with *err. */
static char *read_part(zip_t *z, const char *name, size_t *len, bool need, char **err)
{
	zip_int64_t idx = zip_name_locate(z, name, 0);
	if (idx < 0) {
		if (need)
			*err = xstrdup(_("this ZIP file is not a Word document (it has no word/document.xml); import a .docx saved by Word"));
		return NULL;
	}
	zip_stat_t st;
	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > IMPORT_MAX_BYTES)
		goto too_big;
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
	if (!f) {
		*err = xasprintf(_("%s in the Word document cannot be unpacked; the file may be damaged"), name);
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > IMPORT_MAX_BYTES) {
				zip_fclose(f);
				free(buf);
				goto too_big;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		zip_int64_t r = zip_fread(f, buf + n, cap - n);
		if (r < 0) {
			zip_fclose(f);
			free(buf);
			*err = xasprintf(_("%s in the Word document failed to unpack; the file may be damaged"), name);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	zip_fclose(f);
	if (n > IMPORT_MAX_BYTES) {
		free(buf);
		goto too_big;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
too_big:
	*err = xasprintf(_("%s in the Word document unpacks to more than %u MB, more than any plan (a ZIP bomb?); not read"), name, IMPORT_MAX_BYTES >> 20);
	return NULL;
}

static xmlDoc *parse(const char *buf, size_t len, const char *name, char **err)
{
	/* The tree costs about 150 bytes an element: count them first. */
	size_t tags = 0;
	for (const char *p = buf; (p = memchr(p, '<', len - (size_t)(p - buf))) != NULL; p++)
		tags++;
	if (tags > IMPORT_MAX_ELEMENTS) {
		*err = xasprintf(_("%s in the Word document has more than %u XML elements, more than "
		                   "any plan; not read"), name, IMPORT_MAX_ELEMENTS);
		return NULL;
	}
	/* Word never writes a DTD; one here can only declare entities.  The
	 * parser stops at the DOCTYPE, in any encoding the XML declares. */
	int doctype;
	xmlDoc *doc = xmlsafe_read(buf, len, name, XML_PARSE_NOERROR | XML_PARSE_NOWARNING, &doctype);
	if (doctype)
		*err = xasprintf(_("%s in the Word document declares a DTD or entities, which Word never writes; not read, to be safe"), name);
	else if (!doc)
		*err = xasprintf(_("%s in the Word document is not valid XML; the file may be damaged"), name);
	return doc;
}

/* A part the document can do without (styles, numbering), parsed; NULL
 * when it is missing or refused (within the same bounds as the body). */
static xmlDoc *optional_part(zip_t *z, const char *name)
{
	size_t len;
	char *err = NULL;
	char *buf = read_part(z, name, &len, false, &err);
	xmlDoc *doc = buf ? parse(buf, len, name, &err) : NULL;
	free(err);
	free(buf);
	return doc;
}

/* Paragraph styles with an outline level: “heading N”, 标题 N, outlineLvl. */
static void read_styles(Ctx *c, zip_t *z)
{
	xmlDoc *doc = optional_part(z, "word/styles.xml");
	if (!doc)
		return;
	const xmlNode *root = xmlDocGetRootElement(doc);
	c->styles = xcalloc(MAX_STYLES, sizeof *c->styles);
	for (const xmlNode *s = root ? root->children : NULL; s && c->nstyles < MAX_STYLES; s = s->next) {
		if (!is(s, "style"))
			continue;
		const char *id = attr(s, "styleId");
		const xmlNode *nm = child(s, "name");
		const char *name = nm ? attr(nm, "val") : NULL;
		const xmlNode *lvl = child(child(s, "pPr"), "outlineLvl");
		int outline = 0;
		if (lvl && attr(lvl, "val"))
			outline = atoi(attr(lvl, "val")) + 1;
		else if (name && (!strncasecmp(name, "heading ", 8) || !strncmp(name, "标题 ", 7)))
			outline = atoi(name + (name[0] == 'h' || name[0] == 'H' ? 8 : 7));
		const xmlNode *np = child(child(s, "pPr"), "numPr");
		const xmlNode *ni = child(np, "numId"), *il = child(np, "ilvl");
		int numid = ni && attr(ni, "val") ? atoi(attr(ni, "val")) : 0;
		int ilvl = il && attr(il, "val") ? atoi(attr(il, "val")) : 0;
		if (!id || ((outline < 1 || outline > 9) && numid <= 0))
			continue;
		if (outline < 0 || outline > 9)
			outline = 0;
		c->styles[c->nstyles++] = (Style){xstrdup(id), outline, numid, ilvl};
	}
	xmlFreeDoc(doc);
}

static const Style *style_of(const Ctx *c, const char *id)
{
	for (size_t i = 0; i < c->nstyles; i++)
		if (!strcmp(c->styles[i].id, id))
			return &c->styles[i];
	return NULL;
}

static void copy_val(char *dst, size_t cap, const xmlNode *n)
{
	const char *v = n ? attr(n, "val") : NULL;
	snprintf(dst, cap, "%s", v ? v : "");
}

/* word/numbering.xml: each w:abstractNum's levels, each w:num's abstract. */
static void read_numbering(Ctx *c, zip_t *z)
{
	xmlDoc *doc = optional_part(z, "word/numbering.xml");
	if (!doc)
		return;
	const xmlNode *root = xmlDocGetRootElement(doc);
	c->abs = xcalloc(MAX_NUMS, sizeof *c->abs);
	c->nums = xcalloc(MAX_NUMS, sizeof *c->nums);
	for (const xmlNode *n = root ? root->children : NULL; n; n = n->next) {
		if (is(n, "abstractNum") && attr(n, "abstractNumId") && c->nabs < MAX_NUMS) {
			AbstractNum *a = &c->abs[c->nabs++];
			a->id = atoi(attr(n, "abstractNumId"));
			for (const xmlNode *l = n->children; l; l = l->next) {
				int i = is(l, "lvl") && attr(l, "ilvl") ? atoi(attr(l, "ilvl")) : -1;
				if (i < 0 || i > 8)
					continue;
				copy_val(a->lvl[i].fmt, sizeof a->lvl[i].fmt, child(l, "numFmt"));
				copy_val(a->lvl[i].text, sizeof a->lvl[i].text, child(l, "lvlText"));
				const xmlNode *st = child(l, "start");
				a->lvl[i].start = st && attr(st, "val") ? atoi(attr(st, "val")) : 1;
			}
		} else if (is(n, "num") && attr(n, "numId") && c->nnums < MAX_NUMS) {
			const xmlNode *an = child(n, "abstractNumId");
			if (an && attr(an, "val"))
				c->nums[c->nnums++] = (NumRef){atoi(attr(n, "numId")), atoi(attr(an, "val"))};
		}
	}
	xmlFreeDoc(doc);
}

/* Count one more paragraph at ilvl of numid and write its number. */
static void auto_number(Ctx *c, int numid, int ilvl, Buf *out)
{
	AbstractNum *a = NULL;
	for (size_t i = 0; i < c->nnums && !a; i++)
		if (c->nums[i].numid == numid)
			for (size_t k = 0; k < c->nabs; k++)
				if (c->abs[k].id == c->nums[i].abs)
					a = &c->abs[k];
	if (!a || ilvl < 0 || ilvl > 8 || !strcmp(a->lvl[ilvl].fmt, "none") ||
	    !strcmp(a->lvl[ilvl].fmt, "bullet"))
		return;
	a->count[ilvl] = a->count[ilvl] ? a->count[ilvl] + 1 : a->lvl[ilvl].start;
	for (int k = ilvl + 1; k < 9; k++)
		a->count[k] = 0;
	for (const char *p = a->lvl[ilvl].text; *p; p++) {
		if (p[0] != '%' || p[1] < '1' || p[1] > '9') {
			buf_putc(out, *p);
			continue;
		}
		int k = p[1] - '1';
		int v = a->count[k] ? a->count[k] : a->lvl[k].start;
		p++;
		if (v < 1 || v > 99 || !strncmp(a->lvl[k].fmt, "decimal", 7) || !*a->lvl[k].fmt) {
			buf_printf(out, "%d", v);
		} else {
			char cn[16];
			cn_numeral(v, cn);
			buf_puts(out, cn);
		}
	}
}

static int style_outline(const Ctx *c, const char *id)
{
	for (size_t i = 0; i < c->nstyles; i++)
		if (!strcmp(c->styles[i].id, id))
			return c->styles[i].outline;
	/* Without styles.xml: the ids Word gives them. */
	if (!strncmp(id, "Heading", 7))
		return atoi(id + 7);
	return 0;
}

static bool run_bold(const xmlNode *r)
{
	const xmlNode *b = child(child(r, "rPr"), "b");
	if (!b)
		return false;
	const char *v = attr(b, "val");
	return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static void end_para(Ctx *c)
{
	const char *t = buf_cstr(&c->text);
	size_t n = c->text.len;
	c->para++;
	if (n > 0 && c->im->nlines >= IMPORT_MAX_LINES)
		c->overflow = true;
	else if (n > 0) {
		SrcLine *l = import_add_line(c->im, t, n, c->para);
		l->outline = c->outline;
		/* The bold lead, measured in the cleaned text. */
		if (c->bold > 0 && c->bold < n) {
			char *lead = xstrndup(t, c->bold);
			size_t k = import_clean(lead, c->bold);
			if (k > 0 && !strncmp(l->text, lead, k))
				l->bold = k;
			free(lead);
		}
	}
	c->text.len = 0;
	if (c->text.s)
		c->text.s[0] = '\0';
	c->bold = 0;
	c->bold_run = true;
}

static void run_text(Ctx *c, const xmlNode *r, bool bold)
{
	for (const xmlNode *n = r->children; n; n = n->next) {
		if (is(n, "t")) {
			for (const xmlNode *t = n->children; t; t = t->next)
				if (t->type == XML_TEXT_NODE && t->content) {
					size_t k = strlen((const char *)t->content);
					if (c->text.len + k > IMPORT_MAX_BYTES)
						return;
					buf_puts(&c->text, (const char *)t->content);
					if (c->bold_run && bold)
						c->bold = c->text.len;
					else if (k > 0 && strspn((const char *)t->content, " ") < k)
						c->bold_run = false;
				}
		} else if (is(n, "tab")) {
			buf_putc(&c->text, ' ');
		} else if (is(n, "br") || is(n, "cr")) {
			end_para(c);
		}
	}
}

/* The inline content of a paragraph: runs, and the containers they sit
 * in (hyperlinks, insertions, smart tags, content controls). */
static void inline_content(Ctx *c, const xmlNode *p, int depth)
{
	for (const xmlNode *n = p->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "r"))
			run_text(c, n, run_bold(n));
		else if (depth < 8 && (is(n, "hyperlink") || is(n, "ins") || is(n, "smartTag") ||
		                       is(n, "fldSimple") || is(n, "sdt") || is(n, "sdtContent") ||
		                       is(n, "customXml")))
			inline_content(c, n, depth + 1);
	}
}

static void block_content(Ctx *c, const xmlNode *parent, int depth);

/* The text boxes anchored in a paragraph (a 标志 or a 版记 in a box, as
 * Word and fangan write them), read after the paragraph's own text, four
 * boxes deep at most.  mc:Fallback holds the same box again (VML) and is
 * skipped. */
static void text_boxes(Ctx *c, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || is(k, "Fallback"))
			continue;
		if (is(k, "txbxContent")) {
			if (c->boxes < 4) {
				c->boxes++;
				block_content(c, k, 0);
				c->boxes--;
			}
		} else if (depth < 16) {
			text_boxes(c, k, depth + 1);
		}
	}
}

static void paragraph(Ctx *c, const xmlNode *p)
{
	const xmlNode *ppr = child(p, "pPr");
	const xmlNode *ps = child(ppr, "pStyle");
	const xmlNode *ol = child(ppr, "outlineLvl");
	c->outline = ps && attr(ps, "val") ? style_outline(c, attr(ps, "val")) : 0;
	if (ol && attr(ol, "val"))
		c->outline = atoi(attr(ol, "val")) + 1;
	if (c->outline < 0 || c->outline > 9)
		c->outline = 0;
	c->bold = 0;
	c->bold_run = true;
	/* An automatic number: the paragraph's own, else its style's. */
	const xmlNode *np = child(ppr, "numPr");
	const xmlNode *ni = child(np, "numId"), *il = child(np, "ilvl");
	const Style *st = ps && attr(ps, "val") ? style_of(c, attr(ps, "val")) : NULL;
	int numid = ni && attr(ni, "val") ? atoi(attr(ni, "val")) : st ? st->numid : 0;
	int ilvl = il && attr(il, "val") ? atoi(attr(il, "val")) : st && !ni ? st->ilvl : 0;
	if (numid > 0)
		auto_number(c, numid, ilvl, &c->text);
	inline_content(c, p, 0);
	end_para(c);
	text_boxes(c, p, 0);
}

/* The text of a cell: its paragraphs joined by spaces. */
static void cell_text(Ctx *c, const xmlNode *tc, Buf *out, int depth)
{
	for (const xmlNode *n = tc->children; n; n = n->next) {
		if (is(n, "p")) {
			Ctx sub = {.im = c->im, .bold_run = true};
			inline_content(&sub, n, 0);
			if (sub.text.len) {
				if (out->len)
					buf_putc(out, ' ');
				buf_add(out, sub.text.s, sub.text.len);
			}
			buf_free(&sub.text);
		} else if (depth < 8 && n->type == XML_ELEMENT_NODE) {
			cell_text(c, n, out, depth + 1);
		}
		if (out->len > IMPORT_MAX_BYTES)
			return;
	}
}

static void table(Ctx *c, const xmlNode *tbl)
{
	int number = ++c->tables;
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		if (!is(tr, "tr"))
			continue;
		if (c->im->nlines >= IMPORT_MAX_LINES) {
			c->overflow = true;
			return;
		}
		char *cells[IMPORT_MAX_CELLS];
		size_t nc = 0;
		Buf all = {0};
		for (const xmlNode *tc = tr->children; tc && nc < IMPORT_MAX_CELLS; tc = tc->next) {
			if (!is(tc, "tc"))
				continue;
			Buf cb = {0};
			cell_text(c, tc, &cb, 0);
			char *s = xstrdup(buf_cstr(&cb));
			import_clean(s, strlen(s));
			cells[nc++] = s;
			if (all.len)
				buf_putc(&all, ' ');
			buf_puts(&all, s);
			buf_free(&cb);
		}
		c->para++;
		SrcLine *l = import_add_line(c->im, buf_cstr(&all), all.len, c->para);
		l->table = number;
		l->cells = xmalloc((nc ? nc : 1) * sizeof *l->cells);
		memcpy(l->cells, cells, nc * sizeof *cells);
		l->ncells = nc;
		buf_free(&all);
	}
}

static void block_content(Ctx *c, const xmlNode *parent, int depth)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (is(n, "p"))
			paragraph(c, n);
		else if (is(n, "tbl"))
			table(c, n);
		else if (depth < 8 && (is(n, "sdt") || is(n, "sdtContent") || is(n, "customXml")))
			block_content(c, n, depth + 1);
	}
}

bool docx_read(Import *im, const char *path, char **err)
{
	if (!lazy_zip_load(err))
		return false;
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	if (!z) {
		*err = xstrdup(_("not a valid Word document (.docx): the file is not a ZIP or is damaged; if it is really an old Word document (.doc) or text, save it as .docx or .txt and import that"));
		return false;
	}
	zip_int64_t entries = zip_get_num_entries(z, 0);
	if (entries < 0 || entries > IMPORT_MAX_ENTRIES) {
		*err = xasprintf(_("the Word document has too many entries (%lld) for a plan; not read"), (long long)entries);
		zip_discard(z);
		return false;
	}
	size_t len;
	char *buf = read_part(z, "word/document.xml", &len, true, err);
	if (!buf) {
		zip_discard(z);
		return false;
	}
	Ctx c = {.im = im, .bold_run = true};
	read_styles(&c, z);
	read_numbering(&c, z);
	zip_discard(z);
	xmlDoc *doc = parse(buf, len, "word/document.xml", err);
	free(buf);
	bool ok = doc != NULL;
	if (doc) {
		const xmlNode *body = child(xmlDocGetRootElement(doc), "body");
		if (body)
			block_content(&c, body, 0);
		xmlFreeDoc(doc);
	}
	if (ok && c.overflow) {
		*err = xasprintf(_("the file has more than %u lines, more than any plan (a plan has a few "
		                   "thousand at most)"), IMPORT_MAX_LINES);
		ok = false;
	}
	for (size_t i = 0; i < c.nstyles; i++)
		free(c.styles[i].id);
	free(c.styles);
	free(c.abs);
	free(c.nums);
	buf_free(&c.text);
	return ok;
}
