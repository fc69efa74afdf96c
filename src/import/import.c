/* import.c — `fangan import` from start to end: read the source, sort its
 * paragraphs, name the attachments, read the timeline and criteria. */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "import_int.h"

/* The type an attachment's title implies. */
static const char *attach_type(const char *title)
{
	static const struct {
		const char *word, *type;
	} kinds[] = {
		{"申报表", "form"}, {"登记表", "form"}, {"推荐表", "form"}, {"报名表", "form"},
		{"审批表", "form"}, {"台账", "ledger"}, {"评分表", "scoresheet"},
		{"考评细则", "scoresheet"}, {"评分标准", "scoresheet"}, {"考核细则", "scoresheet"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strstr(title, kinds[i].word))
			return kinds[i].type;
	return "text";
}

/* An id from the title: its letters and digits (no quotes, no
 * punctuation), the last 20 of them when there are more (the end names
 * the kind: …工作台账), made unique with a number. */
static void name_attachments(Import *im)
{
	for (size_t i = 0; i < im->nattach; i++) {
		IAttach *a = &im->attach[i];
		a->type = attach_type(a->title);
		Buf id = {0};
		size_t count = 0;
		for (size_t k = 0; a->title[k];) {
			uint32_t cp;
			int len = utf8_decode((const unsigned char *)a->title + k, strlen(a->title + k), &cp);
			if (len <= 0)
				break;
			bool keep = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			            (cp >= 'A' && cp <= 'Z') || (cp >= 0x4E00 && cp <= 0x9FFF);
			if (keep) {
				buf_add(&id, a->title + k, (size_t)len);
				count++;
			}
			k += (size_t)len;
		}
		if (count > 20) {
			/* Keep the last 20 characters. */
			size_t skip = 0;
			for (size_t drop = count - 20; drop > 0; drop--) {
				skip++;
				while (skip < id.len && ((unsigned char)id.s[skip] & 0xC0) == 0x80)
					skip++;
			}
			memmove(id.s, id.s + skip, id.len - skip + 1);
			id.len -= skip;
		}
		if (!id.len)
			buf_printf(&id, "attachment%zu", i + 1);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(im->attach[j].id, buf_cstr(&id))) {
				buf_printf(&id, "%zu", i + 1);
				break;
			}
		a->id = xstrdup(buf_cstr(&id));
		buf_free(&id);
	}
}

static bool is_docx(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path);
	return (n > 5 && !strcasecmp(path + n - 5, ".docx")) || (len >= 4 && !memcmp(data, "PK\3\4", 4));
}

Import *import_open(const char *path, const ImportOpts *opts, char **err)
{
	Import *im = xcalloc(1, sizeof *im);
	im->path = path;
	im->opts = *opts;
	im->date = im->printed_on = DAY_NONE;
	im->unit = "行";
	im->cstart = im->cend = DAY_NONE;
	*err = NULL;
	/* The first bytes say what the file is; only text is read whole. */
	char head[8] = {0};
	FILE *f = fopen(path, "rb");
	size_t hl = f ? fread(head, 1, sizeof head, f) : 0;
	if (f)
		fclose(f);
	size_t len = 0;
	char *data = NULL;
	bool ok = false;
	if (!f) {
		*err = xasprintf(_("cannot read the file: %s"), strerror(errno));
	} else if (hl >= 4 && !memcmp(head, "\xd0\xcf\x11\xe0", 4)) {
		*err = xstrdup(_("this is an old Word document (.doc) or another old Office format; save it as a Word document (.docx) in Word or WPS and import that"));
	} else if (hl >= 5 && !memcmp(head, "%PDF-", 5)) {
		*err = xstrdup(_("this is a PDF, which cannot be imported; import the Word document (.docx) it was made from, or copy its text into a text file (.txt) and import that"));
	} else if (is_docx(path, head, hl)) {
		im->unit = "段";
		ok = docx_read(im, path, err);
	} else if (!(data = read_file(path, IMPORT_MAX_BYTES, &len)) && errno == EFBIG) {
		*err = xasprintf(_("the file is larger than %u MB, more than any plan; import the plan itself (a Word document or text)"), IMPORT_MAX_BYTES >> 20);
	} else if (!data) {
		*err = xasprintf(_("cannot read the file: %s"), strerror(errno));
	} else {
		size_t pn = strlen(path);
		bool md = (pn > 3 && !strcasecmp(path + pn - 3, ".md")) ||
		          (pn > 9 && !strcasecmp(path + pn - 9, ".markdown"));
		ok = text_read(im, data, len, md, err);
	}
	free(data);
	if (ok && im->nlines == 0) {
		*err = xstrdup(_("the file has no text"));
		ok = false;
	}
	if (!ok) {
		import_free(im);
		return NULL;
	}
	join_broken(im);
	classify(im);
	name_attachments(im);
	read_timeline(im);
	read_criteria(im);
	return im;
}

const char *import_title(const Import *im)
{
	return im->title;
}

void import_plan(const Import *im, Buf *out)
{
	write_plan(im, out);
}

const char *import_notes(const Import *im)
{
	return im->notes.len ? im->notes.s : "";
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void import_free(Import *im)
{
	if (!im)
		return;
	for (size_t i = 0; i < im->nlines; i++) {
		free(im->lines[i].text);
		free_strv(im->lines[i].cells, im->lines[i].ncells);
	}
	free(im->lines);
	free(im->blocks);
	free(im->title);
	free(im->title_note);
	free(im->doc_number);
	free(im->recipients);
	free(im->issuer);
	for (size_t i = 0; i < im->ncc; i++)
		free(im->cc[i]);
	free(im->cc);
	free(im->printed_by);
	free(im->note);
	free(im->year_note);
	free(im->campaign_note);
	for (size_t i = 0; i < im->nphases; i++) {
		free(im->phases[i].name);
		free(im->phases[i].note);
	}
	free(im->phases);
	for (size_t i = 0; i < im->ndeadlines; i++) {
		IDeadline *d = &im->deadlines[i];
		free(d->name);
		free(d->by);
		free(d->to);
		free(d->form);
		free(d->note);
	}
	free(im->deadlines);
	for (size_t i = 0; i < im->nattach; i++) {
		free(im->attach[i].id);
		free(im->attach[i].title);
		free_strv(im->attach[i].fields, im->attach[i].nfields);
	}
	free(im->attach);
	for (size_t i = 0; i < im->nitems; i++) {
		free(im->items[i].name);
		free(im->items[i].standard);
	}
	free(im->items);
	for (size_t i = 0; i < im->nratings; i++)
		free(im->ratings[i].name);
	free(im->ratings);
	for (size_t i = 0; i < im->nquotas; i++) {
		free(im->quotas[i].name);
		free(im->quotas[i].of);
	}
	free(im->quotas);
	buf_free(&im->notes);
	free(im);
}
