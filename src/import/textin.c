/* textin.c — a plain-text plan (.txt, .md) into paragraphs.
 *
 * The bytes are UTF-8 (a BOM is dropped) or else GB18030, converted with
 * iconv; anything else, and anything that looks binary (NUL bytes, many
 * control characters), is refused with a message saying what to do.
 * Each line is cleaned (import_clean); a Markdown file loses its marks
 * (## , **, \ escapes) and any front matter it already has.  join_broken, for text and Word
 * alike, joins a line that stops mid-sentence to the next one that
 * continues it (text copied from a PDF or a narrow web page).
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headnum.h"
#include "i18n.h"
#include "import_int.h"

/* Convert GB18030 to UTF-8; NULL when the bytes are not GB18030. */
static char *from_gb18030(const char *data, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16;  /* a GB18030 character never grows past 2x */
	char *out = xmalloc(cap), *op = out;
	char *ip = (char *)data;
	size_t il = len, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1 || il != 0) {
		free(out);
		return NULL;
	}
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

size_t import_clean(char *s, size_t len)
{
	size_t w = 0;
	for (size_t r = 0; r < len;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + r, len - r, &cp);
		if (k <= 0) {
			r++;
			continue;
		}
		if (cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060) {
			r += (size_t)k;
			continue;
		}
		if (cp == 0xA0 || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x2002 ||
		    cp == 0x2003 || cp == 0x2009) {
			s[w++] = ' ';
			r += (size_t)k;
			continue;
		}
		if (cp < 0x20) {  /* other control characters: out */
			r += (size_t)k;
			continue;
		}
		memmove(s + w, s + r, (size_t)k);
		w += (size_t)k;
		r += (size_t)k;
	}
	/* Indents and trailing space: ASCII spaces and 全角空格 U+3000. */
	size_t a = 0;
	while (a < w) {
		if (s[a] == ' ')
			a++;
		else if (w - a >= 3 && !memcmp(s + a, "\xe3\x80\x80", 3))
			a += 3;
		else
			break;
	}
	while (w > a) {
		if (s[w - 1] == ' ')
			w--;
		else if (w - a >= 3 && !memcmp(s + w - 3, "\xe3\x80\x80", 3))
			w -= 3;
		else
			break;
	}
	memmove(s, s + a, w - a);
	s[w - a] = '\0';
	return w - a;
}

SrcLine *import_add_line(Import *im, const char *text, size_t len, int line)
{
	im->lines = xgrow(im->lines, &im->caplines, im->nlines + 1, sizeof *im->lines);
	SrcLine *l = &im->lines[im->nlines++];
	memset(l, 0, sizeof *l);
	l->text = xstrndup(text, len);
	import_clean(l->text, len);
	l->line = line;
	return l;
}

/* Does a line end a sentence or stand alone (a heading, a title)? */
static bool line_complete(const char *s, size_t n)
{
	static const char *const enders[] = {"。", "；", "：", ":", "！", "？", "”", "）", ")",
	                                     "…", "!", "?", ";", "」", "》"};
	for (size_t i = 0; i < sizeof enders / sizeof *enders; i++)
		if (ends(s, n, enders[i]))
			return true;
	return false;
}

/* A line that starts something new: a heading number, 附件, 第N阶段. */
static bool line_starts_new(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if ((c >= '0' && c <= '9') || starts(s, "（") || starts(s, "(") || starts(s, "附") ||
	    starts(s, "第"))
		return true;
	int v;
	size_t k = cn_numeral_parse(s, strlen(s), &v);
	return k > 0 && starts(s + k, "、");
}

void join_broken(Import *im)
{
	/* Of lines[w - 1]: its length, code points, whether it has commas
	 * (kept as lines are joined, so each line is measured once). */
	size_t w = 0, pn = 0, pcp = 0, pcap = 0; /* pcap: bytes held, 0 unknown */
	bool pcomma = false;
	for (size_t r = 0; r < im->nlines; r++) {
		SrcLine *cur = &im->lines[r];
		size_t cn = strlen(cur->text), ccp = u8len(cur->text, cn);
		bool ccomma = strstr(cur->text, "，") || strchr(cur->text, ',');
		if (w > 0) {
			SrcLine *p = &im->lines[w - 1];
			/* The previous line is prose (it has commas) that stops
			 * mid-sentence, and this one starts nothing new. */
			bool join = !p->table && !cur->table && !p->outline && !cur->outline && pcp >= 24 &&
			            pcomma && !line_complete(p->text, pn) && !line_starts_new(cur->text);
			if (join) {
				if (pcap == 0)
					pcap = pn + 1;
				p->text = xgrow(p->text, &pcap, pn + cn + 1, 1); /* doubling */
				memcpy(p->text + pn, cur->text, cn + 1);
				pn += cn;
				pcp += ccp;
				note(im, "第%d%s接在第%d%s后面（上一%s没有结束就断开了）", cur->line, im->unit,
				     p->line, im->unit, im->unit);
				free(cur->text);
				free(cur->cells);
				continue;
			}
		}
		im->lines[w++] = *cur;
		pn = cn;
		pcap = 0;
		pcp = ccp;
		pcomma = ccomma;
	}
	im->nlines = w;
}

/* A Markdown source: heading marks, quote marks, ** and backslash
 * escapes off, so the text reads as a clerk would have typed it. */
static void strip_markdown(SrcLine *l)
{
	char *s = l->text, *w = s;
	const char *r = s;
	size_t h = strspn(r, "#");
	if (h >= 1 && h <= 6 && r[h] == ' ')
		r += h + 1;
	else if (r[0] == '>' && r[1] == ' ')
		r += 2;
	for (; *r; r++) {
		if (r[0] == '*' && r[1] == '*') {
			r++;
			continue;
		}
		if (r[0] == '\\' && r[1] && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r[1]))
			r++;
		*w++ = *r;
	}
	if (w > s && w[-1] == '\\') /* a hard line break */
		w--;
	*w = '\0';
}

bool text_read(Import *im, const char *data, size_t len, bool markdown, char **err)
{
	if (memchr(data, '\0', len)) {
		*err = xstrdup(_("this is not a text file (it has NUL bytes); save UTF-16 text as UTF-8 (Notepad: Save As), a Word file as .docx, and import that"));
		return false;
	}
	char *conv = NULL;
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	if (utf8_invalid_at(data, len) != (size_t)-1) {
		size_t clen;
		conv = from_gb18030(data, len, &clen);
		if (!conv) {
			*err = xstrdup(_("the text is neither UTF-8 nor GB18030 (GBK); save it as UTF-8 text in an editor and import that"));
			return false;
		}
		data = conv;
		len = clen;
		note(im, "%s", _("the file is GB18030 (GBK) text, converted to UTF-8"));
	}
	/* Control characters other than line ends and tabs: binary junk. */
	size_t ctl = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f)
			ctl++;
	}
	if (ctl > 8 && ctl * 100 > len) {
		*err = xstrdup(_("this does not look like text (many control characters); import a Word document (.docx) or plain text (.txt), not a picture, PDF or archive"));
		free(conv);
		return false;
	}
	int lineno = 0;
	bool in_front = false;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
		lineno++;
		i += n + (nl ? 1 : 0);
		if (im->nlines >= IMPORT_MAX_LINES) {
			free(conv);
			*err = xasprintf(_("the file has more than %u lines, more than any plan (a plan has a few thousand at most)"), IMPORT_MAX_LINES);
			return false;
		}
		SrcLine *l = import_add_line(im, data + i - n - (nl ? 1 : 0), n, lineno);
		if (markdown && lineno == 1 && !strcmp(l->text, "---")) {
			in_front = true;
			l->text[0] = '\0';
		} else if (in_front) {
			int y;
			if (!strncmp(l->text, "date: ", 6) && sscanf(l->text + 6, "%4d-", &y) == 1)
				im->front_year = y;
			if (!strcmp(l->text, "---")) {
				in_front = false;
				note(im, "第1至%d行是已有的前置信息（YAML），已略去：导入只读正文", lineno);
			}
			l->text[0] = '\0';
		} else if (markdown) {
			strip_markdown(l);
		}
		if (!l->text[0]) {
			free(l->text);
			im->nlines--;
		}
	}
	free(conv);
	return true;
}
