/* classify.c — the paragraphs of a source sorted into head, body, tail.
 *
 * Head: the title lines, 发文字号 and the 主送 line ending in ：.  Tail:
 * the 附件说明 (附件：1.… 2.…), the 署名 and 成文日期, and the attachments'
 * own pages after them (their titles and “字段：” lines become form
 * fields).  Between them the body: a paragraph that begins with a heading
 * number (一、 （一） 1. 1、 （1）) is a heading when it is short and stands
 * alone, a run-in head when a short lead ending in 。 or ： is followed by
 * text, and stays a paragraph otherwise; the numbered paragraphs of one
 * list are all taken the same way, so the heading numbers the checker
 * counts are exactly the ones the text numbers.  Web-copy noise (原创
 * notices, links, page numbers) is dropped and said so.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cndate.h"
#include "headnum.h"
#include "import_int.h"

size_t u8len(const char *s, size_t n)
{
	return utf8_count(s, n);
}

bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool ends(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

void note(Import *im, const char *fmt, ...)
{
	if (++im->nnotes > IMPORT_MAX_NOTES) {
		if (im->nnotes == IMPORT_MAX_NOTES + 1)
			buf_puts(&im->notes, "……（其余说明从略）\n");
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(&im->notes, s);
	buf_putc(&im->notes, '\n');
	free(s);
}

static bool is_noise(const char *s)
{
	static const char *const marks[] = {"本文系作者原创", "原创投稿", "仅供学习参考", "请勿照搬",
	                                    "版权归", "转载请注明", "免责声明", "扫码关注", "点击关注",
	                                    "本文来源", "文章来源：", "微信公众号"};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (strstr(s, marks[i]))
			return true;
	if (starts(s, "http://") || starts(s, "https://") || starts(s, "www."))
		return true;
	/* Page numbers: 第3页, 共5页, — 3 —, - 3 -. */
	size_t n = strlen(s);
	if (u8len(s, n) <= 12 && ((starts(s, "第") && ends(s, n, "页")) || starts(s, "共") ||
	                          starts(s, "- ") || starts(s, "— ")) && strpbrk(s, "0123456789"))
		return true;
	return false;
}

/* Does s hold a 发文字号 市直工〔2020〕5号 (also with [] or 【】)? */
static bool find_docnum(const char *s)
{
	static const char *const open[] = {"〔", "[", "【", "［"};
	for (size_t k = 0; k < 4; k++) {
		const char *p = strstr(s, open[k]);
		if (!p)
			continue;
		p += strlen(open[k]);
		int digits = 0;
		while (p[digits] >= '0' && p[digits] <= '9')
			digits++;
		if (digits != 4)
			continue;
		const char *q = p + 4;
		static const char *const close[] = {"〕", "]", "】", "］"};
		size_t c = 0;
		while (c < 4 && !starts(q, close[c]))
			c++;
		if (c == 4)
			continue;
		q += strlen(close[c]);
		if (*q < '0' || *q > '9')
			continue;
		while (*q >= '0' && *q <= '9')
			q++;
		if (starts(q, "号"))
			return true;
	}
	return false;
}

/* A line that is a date and nothing else (成文日期). */
static bool date_line(const char *s, Day *out)
{
	size_t n = strlen(s);
	CnDate d;
	if (n == 0 || n > 60 || cndate_scan(s, n, 2000, 1, &d, 1) != 1)
		return false;
	if (d.off != 0 || d.len != n || d.is_range || !d.year_given || d.start.lo != d.start.hi)
		return false;
	*out = d.start.lo;
	return true;
}

static bool has_sentence_punct(const char *s)
{
	return strstr(s, "。") || strstr(s, "，") || strstr(s, "；") || strchr(s, ',');
}

static bool is_colon_end(const char *s, size_t n)
{
	return ends(s, n, "：") || ends(s, n, ":");
}

/* The head: title lines, 发文字号, 主送.  Returns the first body line. */
static size_t read_head(Import *im, bool *dropped)
{
	Buf title = {0};
	size_t i = 0;
	for (; i < im->nlines && i < 12; i++) {
		const SrcLine *l = &im->lines[i];
		const char *t = l->text;
		size_t n = strlen(t), cp = u8len(t, n);
		if (l->table)
			break;
		if (is_noise(t)) {
			dropped[i] = true;
			note(im, "第%d%s是网页转载的附加文字，已略去：%s", l->line, im->unit, t);
			continue;
		}
		if (!im->doc_number && cp <= 40 && !strstr(t, "。") && find_docnum(t)) {
			im->doc_number = xstrdup(t);
			continue;
		}
		HeadNum h = headnum_parse(t, n);
		if (!im->recipients && h.style == HN_NONE && cp <= 60 && !has_sentence_punct(t) &&
		    !is_colon_end(t, n) && !starts(t, "附件")) {
			if (!title.len && !im->issuer && cp <= 30 && ends(t, n, "文件") && i + 1 < im->nlines) {
				im->issuer = xstrndup(t, n - strlen("文件"));
				continue;
			}
			buf_puts(&title, t);
			continue;
		}
		if (!im->recipients && title.len && cp <= 60 && is_colon_end(t, n) && !strstr(t, "。")) {
			im->recipients = xstrndup(t, n - (ends(t, n, ":") ? 1 : 3));
			i++;
		}
		break;
	}
	if (title.len) {
		/* "争创五星级党支部工作方案 篇1": the variant's number is not the title. */
		char *s = title.s;
		size_t n = title.len;
		char *p = strstr(s, "篇");
		if (p && p > s) {
			char *q = p + strlen("篇");
			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == '\0' && q > p + 3) {
				note(im, "标题后的“%s”是篇目编号，不计入标题", p);
				n = (size_t)(p - s);
				while (n > 0 && s[n - 1] == ' ')
					n--;
			}
		}
		im->title = xstrndup(s, n);
	}
	buf_free(&title);
	return i;
}

static IAttach *add_attach(Import *im, const char *title)
{
	if (im->nattach >= IMPORT_MAX_ITEMS)
		return NULL;
	im->attach = xrealloc(im->attach, (im->nattach + 1) * sizeof *im->attach);
	IAttach *a = &im->attach[im->nattach++];
	memset(a, 0, sizeof *a);
	a->title = xstrdup(title);
	return a;
}

/* "附件：1.创建申报表" → the title after the number. */
static const char *after_number(const char *s)
{
	HeadNum h = headnum_parse(s, strlen(s));
	return h.style == HN_AR_DOT ? s + h.len : s;
}

static IAttach *attach_by_title(Import *im, const char *t)
{
	for (size_t k = 0; k < im->nattach; k++)
		if (!strcmp(im->attach[k].title, t) ||
		    (strlen(im->attach[k].title) >= 12 && strstr(t, im->attach[k].title)))
			return &im->attach[k]; /* the page's title may say more */
	return NULL;
}

/* The attachments' own pages: 附件N, its title, its “字段：” lines. */
static void read_attach_pages(Import *im, size_t from)
{
	IAttach *cur = NULL;
	for (size_t i = from; i < im->nlines; i++) {
		const char *t = im->lines[i].text;
		size_t n = strlen(t);
		if (starts(t, "附件") && u8len(t, n) <= 6 && !strstr(t, "：")) {
			cur = NULL;
			if (i + 1 < im->nlines) {
				const char *title = im->lines[++i].text;
				cur = attach_by_title(im, title);
				if (!cur && u8len(title, strlen(title)) <= 60)
					cur = add_attach(im, title);
			}
			continue;
		}
		if (starts(t, "抄送") || ends(t, n, "印发"))
			continue; /* the 版记, drawn as a table or not */
		if (cur && im->lines[i].table) {
			/* A form drawn as a table: its short cells are the fields. */
			for (size_t c = 0; c < im->lines[i].ncells && cur->nfields < 64; c++) {
				const char *s = im->lines[i].cells[c];
				size_t sn = strlen(s);
				sn -= ends(s, sn, "：") ? 3 : ends(s, sn, ":") ? 1 : 0;
				if (sn == 0 || u8len(s, sn) > 12)
					continue;
				cur->fields = xrealloc(cur->fields, (cur->nfields + 1) * sizeof *cur->fields);
				cur->fields[cur->nfields++] = xstrndup(s, sn);
			}
			continue;
		}
		if (!cur || u8len(t, n) > 24)
			continue;
		size_t fl = 0;
		if (ends(t, n, "："))
			fl = n - 3;
		else if (ends(t, n, ":"))
			fl = n - 1;
		if (fl == 0 || cur->nfields >= 64)
			continue;
		cur->fields = xrealloc(cur->fields, (cur->nfields + 1) * sizeof *cur->fields);
		cur->fields[cur->nfields++] = xstrndup(t, fl);
	}
}

/* 版记 and 附注 lines, wherever they stand: 抄送：甲，乙。 / 某某办公室
 * 2020年3月2日印发 / （此件公开发布）.  True when l was one. */
static bool banji_line(Import *im, const SrcLine *l)
{
	const char *t = l->text;
	size_t n = strlen(t);
	if ((starts(t, "抄送：") || starts(t, "抄送:")) && !im->cc) {
		const char *p = t + (starts(t, "抄送：") ? 9 : 7);
		while (*p) {
			size_t k = 0;
			while (p[k] && !starts(p + k, "，") && !starts(p + k, "、") && !starts(p + k, "。") &&
			       p[k] != ',')
				k++;
			if (k > 0 && im->ncc < 64) {
				im->cc = xrealloc(im->cc, (im->ncc + 1) * sizeof *im->cc);
				im->cc[im->ncc++] = xstrndup(p, k);
			}
			p += k;
			if (*p)
				p += *p == ',' ? 1 : 3;
		}
		return true;
	}
	if (ends(t, n, "印发") && u8len(t, n) <= 60 && !im->printed_by) {
		CnDate d;
		if (cndate_scan(t, n, 2000, 1, &d, 1) == 1 && d.year_given && !d.is_range &&
		    d.start.lo == d.start.hi && d.off > 0 && d.off + d.len + strlen("印发") == n) {
			size_t k = d.off;
			while (k > 0 && t[k - 1] == ' ')
				k--;
			im->printed_by = xstrndup(t, k);
			im->printed_on = d.start.lo;
			return true;
		}
	}
	if ((starts(t, "（此件") && ends(t, n, "）")) || (starts(t, "(此件") && ends(t, n, ")"))) {
		size_t o = starts(t, "(") ? 1 : 3, c = ends(t, n, ")") ? 1 : 3;
		free(im->note);
		im->note = xstrndup(t + o, n - o - c);
		return true;
	}
	return false;
}

/* The tail: 附件说明, 署名, 成文日期, attachment pages.  Returns the end of
 * the body. */
static size_t read_tail(Import *im, size_t from)
{
	size_t list = (size_t)-1;
	for (size_t i = from; i < im->nlines; i++) {
		const char *t = im->lines[i].text;
		if ((starts(t, "附件：") || starts(t, "附件:")) && u8len(t, strlen(t)) <= 80)
			list = i;
		HeadNum h = headnum_parse(t, strlen(t));
		if (h.style == HN_CN_DUN)
			list = (size_t)-1; /* a heading after it: it was not the tail */
	}
	size_t end = im->nlines, i;
	if (list != (size_t)-1) {
		end = list;
		const char *t = im->lines[list].text;
		add_attach(im, after_number(t + (starts(t, "附件：") ? strlen("附件：") : strlen("附件:"))));
		for (i = list + 1; i < im->nlines; i++) {
			const char *s = im->lines[i].text;
			HeadNum h = headnum_parse(s, strlen(s));
			if (h.style != HN_AR_DOT || h.value != (int)im->nattach + 1 ||
			    u8len(s, strlen(s)) > 60 || !add_attach(im, s + h.len))
				break;
		}
	} else {
		/* No 附件说明: the body ends where attachment pages begin. */
		for (i = from; i < im->nlines; i++) {
			const char *t = im->lines[i].text;
			if (starts(t, "附件") && u8len(t, strlen(t)) <= 6 && !strstr(t, "："))
				break;
		}
		end = i;
		/* The signature is then the last lines before them. */
		i = end >= 3 ? end - 3 : from;
	}
	/* 署名 and 成文日期 within the next three lines. */
	size_t stop = i + 3 < im->nlines ? i + 3 : im->nlines;
	for (size_t k = i; k < stop; k++) {
		Day d;
		if (!date_line(im->lines[k].text, &d))
			continue;
		im->date = d;
		size_t sig = k;
		if (k > from && k > 0) {
			const char *p = im->lines[k - 1].text;
			if (u8len(p, strlen(p)) <= 40 && !has_sentence_punct(p) && !is_colon_end(p, strlen(p)) &&
			    !starts(p, "附件")) {
				free(im->issuer);
				im->issuer = xstrdup(p);
				sig = k - 1;
			}
		}
		if (list == (size_t)-1 && sig < end)
			end = sig;
		i = k + 1;
		break;
	}
	for (size_t k = end; k < im->nlines; k++)
		banji_line(im, &im->lines[k]);
	read_attach_pages(im, i);
	return end;
}

static void add_block(Import *im, BlockKind k, int level, const SrcLine *l, size_t lead, int style)
{
	im->blocks = xgrow(im->blocks, &im->capblocks, im->nblocks + 1, sizeof *im->blocks);
	im->blocks[im->nblocks++] = (Block){k, level, l, lead, style};
}

/* Where a numbered lead ends: after the first 。 ： or :, or 0. */
static size_t lead_end(const char *s, size_t from)
{
	const char *best = NULL;
	static const char *const stops[] = {"。", "：", ":"};
	for (size_t k = 0; k < 3; k++) {
		const char *p = strstr(s + from, stops[k]);
		if (p && (!best || p < best))
			best = p + strlen(stops[k]);
	}
	return best ? (size_t)(best - s) : 0;
}

#define LEAD_MAX 30 /* code points of a heading or a run-in lead */

/* One body paragraph; *fits is false when it is numbered like a heading
 * but reads as a sentence (its list then stays paragraphs). */
static void body_line(Import *im, const SrcLine *l, bool *fits)
{
	const char *t = l->text;
	size_t n = strlen(t);
	*fits = true;
	if (l->table) {
		add_block(im, BK_TABLE, 0, l, 0, 0);
		return;
	}
	HeadNum h = headnum_parse(t, n);
	if (l->outline > 0) {
		int lv = h.style ? headnum_level_of_style(h.style) : (l->outline > 4 ? 4 : l->outline);
		add_block(im, BK_HEADING, lv, l, 0, h.style);
		return;
	}
	if (l->bold > 0 && l->bold < n && h.style == HN_NONE) {
		add_block(im, BK_RUNIN, 0, l, l->bold, 0);
		return;
	}
	if (h.style == HN_NONE || h.len >= n) {
		add_block(im, BK_PARA, 0, l, 0, 0);
		return;
	}
	int lv = headnum_level_of_style(h.style);
	size_t e = l->bold > h.len && l->bold < n ? l->bold : lead_end(t, h.len);
	size_t cp = u8len(t + h.len, (e ? e : n) - h.len);
	if (e && e < n && cp <= LEAD_MAX + 1) {
		add_block(im, BK_RUNIN, lv, l, e, h.style);
	} else if ((!e || e == n) && cp <= LEAD_MAX + 1 && !has_sentence_punct(t + h.len)) {
		add_block(im, BK_HEADING, lv, l, 0, h.style);
	} else {
		add_block(im, BK_PARA, lv, l, 0, h.style);
		*fits = false;
	}
}

/* The numbered paragraphs under one parent with one number style form a
 * list; when one of them is a sentence, all of them stay paragraphs. */
static void lists_agree(Import *im, const bool *fits)
{
	size_t nb = im->nblocks;
	size_t *parent = xcalloc(nb + 1, sizeof *parent);
	size_t last[5] = {0};  /* 1-based index of the last block at each level */
	for (size_t b = 0; b < nb; b++) {
		const Block *k = &im->blocks[b];
		if (!k->style)
			continue;
		int lv = k->level;
		parent[b] = lv > 1 ? last[lv - 1] : 0;
		last[lv] = b + 1;
		for (int m = lv + 1; m <= 4; m++)
			last[m] = 0;
	}
	/* bad[parent * 5 + style]: that list has a sentence in it. */
	bool *bad = xcalloc((nb + 1) * 5, sizeof *bad);
	for (size_t b = 0; b < nb; b++)
		if (im->blocks[b].style && !fits[b])
			bad[parent[b] * 5 + (size_t)im->blocks[b].style] = true;
	for (size_t c = 0; c < nb; c++) {
		Block *k = &im->blocks[c];
		if (k->style && bad[parent[c] * 5 + (size_t)k->style] && k->kind != BK_PARA &&
		    !k->src->outline) {
			k->kind = BK_PARA;
			k->lead = 0;
		}
	}
	free(bad);
	free(parent);
}

void classify(Import *im)
{
	bool *dropped = xcalloc(im->nlines + 1, sizeof *dropped);
	size_t from = read_head(im, dropped);
	size_t to = read_tail(im, from);
	bool *fits = xcalloc(im->nlines + 1, sizeof *fits);
	for (size_t i = from; i < to; i++) {
		const SrcLine *l = &im->lines[i];
		if (is_noise(l->text)) {
			note(im, "第%d%s是网页转载的附加文字，已略去：%s", l->line, im->unit, l->text);
			continue;
		}
		if (banji_line(im, l))
			continue;
		if (im->title && i > from && starts(l->text, im->title) && strstr(l->text, "篇"))
			note(im, "第%d%s“%s”像是另一篇方案的开始：一个文件中有几篇方案时，请分开导入",
			     l->line, im->unit, l->text);
		body_line(im, l, &fits[im->nblocks]);
	}
	lists_agree(im, fits);
	free(fits);
	free(dropped);
}
