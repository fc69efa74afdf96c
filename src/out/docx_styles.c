/* docx_styles.c — styles.xml, settings.xml and fontTable.xml.
 *
 * Each font role has its GB/T 9704 family, named for East Asian and
 * Latin text alike (no theme fonts): 方正小标宋简体 for the title and the
 * 发文机关标志, 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for the
 * first two heading levels, 宋体 for page numbers — the names offices
 * install these fonts under (fonts/fonts.map).  fontTable.xml gives each
 * an alternative an office is likely to have (仿宋, 楷体 …) for Word to
 * fall back on.  Sizes: 2号 (22 pt) title, 3号 (16 pt) body and headings,
 * 4号 (14 pt) footers; paragraphs have no space before or after, so
 * each line takes one line of the document grid.
 */
#include <stdio.h>
#include <string.h>

#include "docx_int.h"

typedef struct {
	const char *name, *alt;
	int charset; /* 86: GB2312 */
} DocxFont;

static const DocxFont fonts[ROLE_COUNT] = {
	[ROLE_TITLE] = {"方正小标宋简体", "宋体", 0x86},
	[ROLE_BODY] = {"仿宋_GB2312", "仿宋", 0x86},
	[ROLE_H1] = {"黑体", "SimHei", 0x86},
	[ROLE_H2] = {"楷体_GB2312", "楷体", 0x86},
	[ROLE_H3] = {"仿宋_GB2312", "仿宋", 0x86},
	[ROLE_H4] = {"仿宋_GB2312", "仿宋", 0x86},
	[ROLE_PAGENUM] = {"宋体", "SimSun", 0x86},
};

const char *docx_font(FontRole role)
{
	return fonts[role < ROLE_COUNT ? role : ROLE_BODY].name;
}

void docx_fonts(xmlTextWriterPtr w, FontRole role)
{
	const char *f = docx_font(role);
	xw_start(w, "w:rFonts");
	/* quotes, dashes and ellipses (“” — …) are Chinese punctuation
	 * here, full width, not the Latin font's */
	xw_attr(w, "w:hint", "eastAsia");
	xw_attr(w, "w:ascii", f);
	xw_attr(w, "w:hAnsi", f);
	xw_attr(w, "w:eastAsia", f);
	xw_attr(w, "w:cs", f);
	xw_end(w);
}

const char *docx_style_for(FontRole role, bool centred, FontRole *style_role)
{
	*style_role = role;
	switch (role) {
	case ROLE_TITLE: return centred ? "Title" : NULL;
	case ROLE_H1: return "Heading1";
	case ROLE_H2: return "Heading2";
	case ROLE_H3: return "Heading3";
	case ROLE_H4: return "Heading4";
	default: break;
	}
	*style_role = ROLE_BODY;
	return NULL;
}

static void size(xmlTextWriterPtr w, double pt)
{
	xw_vall(w, "w:sz", (long)(pt * 2 + 0.5));
	xw_vall(w, "w:szCs", (long)(pt * 2 + 0.5));
}

/* A paragraph style: id, name, font role, size, outline level (-1 none). */
static void pstyle(xmlTextWriterPtr w, const char *id, const char *name, FontRole role,
                   double pt, int outline, bool centred)
{
	xw_start(w, "w:style");
	xw_attr(w, "w:type", "paragraph");
	xw_attr(w, "w:styleId", id);
	xw_val(w, "w:name", name);
	xw_val(w, "w:basedOn", "Normal");
	xw_val(w, "w:next", "Normal");
	xw_start(w, "w:qFormat");
	xw_end(w);
	xw_start(w, "w:pPr");
	if (outline >= 0) {
		xw_start(w, "w:keepNext");
		xw_end(w);
	}
	if (centred)
		xw_val(w, "w:jc", "center");
	if (outline >= 0)
		xw_vall(w, "w:outlineLvl", outline);
	xw_end(w);
	xw_start(w, "w:rPr");
	docx_fonts(w, role);
	size(w, pt);
	xw_end(w);
	xw_end(w);
}

void docx_styles(const Geometry *g, Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_root(w, "w:styles");
	xw_start(w, "w:docDefaults");
	xw_start(w, "w:rPrDefault");
	xw_start(w, "w:rPr");
	docx_fonts(w, ROLE_BODY);
	size(w, g->size_body);
	xw_start(w, "w:lang");
	xw_attr(w, "w:val", "en-US");
	xw_attr(w, "w:eastAsia", "zh-CN");
	xw_attr(w, "w:bidi", "ar-SA");
	xw_end(w);
	xw_end(w);
	xw_end(w);
	xw_start(w, "w:pPrDefault");
	xw_start(w, "w:pPr");
	/* no extra space between Chinese and Latin letters or digits, in
	 * every paragraph (LibreOffice ignores these and adds it) */
	xw_val(w, "w:autoSpaceDE", "0");
	xw_val(w, "w:autoSpaceDN", "0");
	xw_start(w, "w:spacing");
	xw_attr(w, "w:before", "0");
	xw_attr(w, "w:after", "0");
	xw_attr(w, "w:line", "240");
	xw_attr(w, "w:lineRule", "auto");
	xw_end(w);
	xw_end(w);
	xw_end(w);
	xw_end(w); /* docDefaults */

	xw_start(w, "w:style");
	xw_attr(w, "w:type", "paragraph");
	xw_attr(w, "w:default", "1");
	xw_attr(w, "w:styleId", "Normal");
	xw_val(w, "w:name", "Normal");
	xw_start(w, "w:qFormat");
	xw_end(w);
	xw_start(w, "w:pPr");
	xw_start(w, "w:widowControl");
	xw_end(w);
	/* Punctuation may hang past the margin (Word's default, said
	 * outright): LibreOffice reads overflowPunct the other way round
	 * (writerfilter maps 1 to no hanging) and, when it does hang a 。
	 * before a digit, drops it from the page.  No extra space between
	 * Chinese and Latin letters or digits (2020年), as the PDF. */
	xw_val(w, "w:overflowPunct", "1");
	xw_val(w, "w:autoSpaceDE", "0");
	xw_val(w, "w:autoSpaceDN", "0");
	xw_val(w, "w:jc", "both");
	xw_end(w);
	xw_start(w, "w:rPr");
	docx_fonts(w, ROLE_BODY);
	/* 28 characters a line: 0.3 pt closer, 15.7 pt a character, so
	 * 28 fit the 442.2 pt line and 29 do not (Word, WPS, LibreOffice);
	 * justified lines then fill the width */
	xw_vall(w, "w:spacing", -6);
	xw_start(w, "w:kern");
	xw_attr(w, "w:val", "2");
	xw_end(w);
	size(w, g->size_body);
	xw_end(w);
	xw_end(w);

	xw_start(w, "w:style");
	xw_attr(w, "w:type", "character");
	xw_attr(w, "w:default", "1");
	xw_attr(w, "w:styleId", "DefaultParagraphFont");
	xw_val(w, "w:name", "Default Paragraph Font");
	xw_end(w);

	pstyle(w, "Title", "Title", ROLE_TITLE, g->size_title, -1, true);
	pstyle(w, "Heading1", "heading 1", ROLE_H1, g->size_body, 0, false);
	pstyle(w, "Heading2", "heading 2", ROLE_H2, g->size_body, 1, false);
	pstyle(w, "Heading3", "heading 3", ROLE_H3, g->size_body, 2, false);
	pstyle(w, "Heading4", "heading 4", ROLE_H4, g->size_body, 3, false);
	pstyle(w, "Footer", "footer", ROLE_PAGENUM, g->size_small, -1, false);
	pstyle(w, "Record", "版记", ROLE_BODY, g->size_small, -1, false);

	xw_start(w, "w:style");
	xw_attr(w, "w:type", "table");
	xw_attr(w, "w:default", "1");
	xw_attr(w, "w:styleId", "TableNormal");
	xw_val(w, "w:name", "Normal Table");
	xw_start(w, "w:tblPr");
	xw_start(w, "w:tblCellMar");
	const char *sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
	for (int i = 0; i < 4; i++) {
		xw_start(w, sides[i]);
		xw_attr(w, "w:w", i % 2 ? "108" : "0");
		xw_attr(w, "w:type", "dxa");
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);
	xw_end(w);
	xw_end(w); /* styles */
	xw_finish(w, buf, out);
}

void docx_settings(Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_root(w, "w:settings");
	/* Odd and even pages have their own footers (§7.5). */
	xw_start(w, "w:evenAndOddHeaders");
	xw_end(w);
	xw_vall(w, "w:defaultTabStop", 420);
	xw_val(w, "w:characterSpacingControl", "doNotCompress");
	xw_start(w, "w:compat");
	xw_start(w, "w:compatSetting");
	xw_attr(w, "w:name", "compatibilityMode");
	xw_attr(w, "w:uri", "http://schemas.microsoft.com/office/word");
	xw_attr(w, "w:val", "15");
	xw_end(w);
	xw_end(w);
	xw_end(w);
	xw_finish(w, buf, out);
}

void docx_font_table(Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	xw_root(w, "w:fonts");
	for (int r = 0; r < ROLE_COUNT; r++) {
		bool seen = false;
		for (int q = 0; q < r; q++)
			seen |= strcmp(fonts[q].name, fonts[r].name) == 0;
		if (seen)
			continue;
		xw_start(w, "w:font");
		xw_attr(w, "w:name", fonts[r].name);
		xw_val(w, "w:altName", fonts[r].alt);
		char cs[8];
		snprintf(cs, sizeof cs, "%02X", fonts[r].charset);
		xw_val(w, "w:charset", cs);
		xw_val(w, "w:family", r == ROLE_H1 ? "modern" : "roman");
		xw_val(w, "w:pitch", "variable");
		xw_end(w);
	}
	xw_end(w);
	xw_finish(w, buf, out);
}
