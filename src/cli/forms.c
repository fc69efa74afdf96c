/* forms.c — each attachment alone, as files (the units' copies of a
 * form: units.c); see forms.h. */
#include "forms_int.h"
#include "docx.h"
#include "pdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attach.h"
#include "fname.h"
#include "template.h"
#include "util.h"
#include "i18n.h"

const Geometry *forms_geometry(const Plan *p, const Geometry *fallback)
{
	return p->notice ? &p->notice->notice : fallback;
}

static bool taken(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

int forms_write_one(const Plan *p, size_t i, const char *unit, const char *path,
                    const FontSet *fs, const Geometry *g, const CanvasMeta *meta,
                    const Canvas *like, Diags *d, size_t *pages, bool *docx,
                    const FormsOut *o)
{
	CanvasMeta m = *meta;
	if (p->attachments[i].title.s)
		m.title = p->attachments[i].title.s;
	Canvas *doc = canvas_new(fs, &m);
	if (like)
		canvas_share_subsets(doc, like);
	Flow flow = {0, 0, 0};
	char *label = attach_label(p, i, true);
	AttShape *shape = NULL;
	bool ok = attach_draw_keep(p, i, label, unit, fs, g, doc, &flow, d,
	                           o->skip_docx ? NULL : &shape);
	int status = 0;
	char *err = NULL;
	char *pdf = xasprintf("%s.pdf", path), *dx = xasprintf("%s.docx", path);
	*docx = false;
	if (!ok) {
		status = 1;
	} else if (!o->skip_pdf && !pdf_save(doc, pdf, &err)) {
		fprintf(o->err, "fangan: %s: %s\n", pdf, err);
		free(err);
		status = 2;
	} else if (shape && !docx_att_save(p, i, shape, label, fs, g, meta->created, dx, &err)) {
		fprintf(o->err, "fangan: %s: %s\n", dx, err);
		free(err);
		status = 2;
	} else {
		*pages = canvas_page_count(doc);
		*docx = shape != NULL;
	}
	attshape_free(shape);
	free(label);
	free(pdf);
	free(dx);
	canvas_free(doc);
	return status;
}

void forms_record(const FormsOut *o, const char *name, const char *ext)
{
	char *rel = xasprintf("%s.%s", name, ext);
	o->record(o->ctx, rel);
	free(rel);
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

int forms_build(const Plan *p, const FontSet *fs, const Geometry *g, const char *dir,
                const char *stem, const CanvasMeta *meta, Diags *d, const FormsOut *o)
{
	int status = 0;
	char **names = xcalloc(p->nattachments + 1, sizeof *names);
	names[0] = xstrdup(stem);
	for (size_t i = 0; i < p->nattachments; i++) {
		const Attachment *a = &p->attachments[i];
		char *fallback = xasprintf("附件%zu", i + 1);
		char *id = fname_clean(a->id.s ? a->id.s : "", a->id.s ? strlen(a->id.s) : 0, fallback);
		free(fallback);
		if (taken(names, i + 1, id)) {
			char *again = xasprintf("%s-%zu", id, i + 1);
			free(id);
			id = again;
		}
		names[i + 1] = id;
		char *path = xasprintf("%s/%s", dir, id);
		size_t pages = 0;
		bool docx = false;
		int s = forms_write_one(p, i, NULL, path, fs, g, meta, NULL, d, &pages, &docx, o);
		if (s == 0 && !o->skip_pdf) {
			char *pdf = xasprintf("%s.pdf", path);
			fprintf(o->out, ngettext("%s (%zu page)\n", "%s (%zu pages)\n", pages), pdf,
			        pages);
			free(pdf);
			forms_record(o, id, "pdf");
		}
		if (s == 0 && docx) {
			fprintf(o->out, "%s.docx\n", path);
			forms_record(o, id, "docx");
		}
		status = worse(status, s);
		free(path);
		if (s == 0 && att_type_per_unit(a->type) && p->units.n)
			status = worse(status, forms_units(p, i, id, fs, g, dir, meta, d, o));
	}
	for (size_t i = 0; i <= p->nattachments; i++)
		free(names[i]);
	free(names);
	return status;
}
