/* docx_xml.c — the XML writing every DOCX part shares: an xmlTextWriter
 * into memory, elements with prefixed names, and the namespaces of a
 * WordprocessingML root.  libxml2 escapes text and attribute values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_int.h"
#include "i18n.h"

static void die_oom(void)
{
	fputs(_("fangan: out of memory\n"), stderr);
	exit(2);
}

xmlTextWriterPtr xw_new(xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	if (!*buf)
		die_oom();
	/* Grown by doubling: libxml2's default grows a buffer by what each
	 * 4 KB flush needs, a copy of the whole part every time (quadratic
	 * when realloc cannot extend in place, as under ASan). */
	xmlBufferSetAllocationScheme(*buf, XML_BUFFER_ALLOC_DOUBLEIT);
	xmlTextWriterPtr w = xmlNewTextWriterMemory(*buf, 0);
	if (!w)
		die_oom();
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
	return w;
}

void xw_finish(xmlTextWriterPtr w, xmlBufferPtr buf, Buf *out)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	buf_add(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
}

void xw_start(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

void xw_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

void xw_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

void xw_attrl(xmlTextWriterPtr w, const char *name, long value)
{
	char s[24];
	snprintf(s, sizeof s, "%ld", value);
	xw_attr(w, name, s);
}

void xw_val(xmlTextWriterPtr w, const char *name, const char *value)
{
	xw_start(w, name);
	xw_attr(w, "w:val", value);
	xw_end(w);
}

void xw_vall(xmlTextWriterPtr w, const char *name, long value)
{
	xw_start(w, name);
	xw_attrl(w, "w:val", value);
	xw_end(w);
}

void xw_ind_jc(xmlTextWriterPtr w, long right, long first, const char *jc)
{
	xw_start(w, "w:ind");
	xw_attr(w, "w:left", "0");
	if (right >= 0)
		xw_attrl(w, "w:right", right);
	xw_attrl(w, "w:firstLine", first);
	xw_end(w);
	xw_val(w, "w:jc", jc);
}

void xw_root(xmlTextWriterPtr w, const char *name)
{
	xw_start(w, name);
	xw_attr(w, "xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
	xw_attr(w, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
	if (strcmp(name, "w:document") != 0 && strcmp(name, "w:ftr") != 0)
		return;
	/* the page-anchored shapes' (docx_shape.c) */
	xw_attr(w, "xmlns:mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
	xw_attr(w, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
	xw_attr(w, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
	xw_attr(w, "xmlns:wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape");
}

void xw_text(xmlTextWriterPtr w, const char *s, size_t len)
{
	/* XML 1.0 has no place for C0 controls (but tab and newlines),
	 * U+FFFE and U+FFFF; malformed bytes become U+FFFD. */
	Buf b = {0};
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(u + i, len - i, &cp);
		if (n == 0) {
			buf_puts(&b, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		bool bad = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE ||
		           cp == 0xFFFF;
		if (!bad)
			buf_add(&b, s + i, (size_t)n);
		i += (size_t)n;
	}
	xmlTextWriterWriteString(w, BAD_CAST buf_cstr(&b));
	buf_free(&b);
}
