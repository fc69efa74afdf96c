/* units.c — every unit's copy of a form (forms.h), spread over worker
 * processes.
 *
 * Everything a copy depends on is settled here before any worker
 * starts, so that the files are the same bytes for any -j:
 *   - each copy's file name (two units whose names read alike once made
 *     safe keep apart: ID-UNIT, ID-UNIT-2, …);
 *   - the groups of units whose copies share their font subsets: units
 *     in plan order, a group closed when its names would bring more
 *     than SHARE_CHARS (64) distinct characters.  A group's copies embed
 *     every character of its names (canvas_share_subsets, drawn once
 *     per process from all of them), so the subsets are made and
 *     deflated once a group rather than once a copy (face.c, pdffont.c).
 * Each copy is a batch item (batch.h); a worker sends back whether it
 * wrote the copy's files and the findings its drawing added, and this
 * process takes them in unit order: the same findings, once each, the
 * same lines and the same files recorded, for any -j.
 */
#include "forms_int.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach.h"
#include "batch.h"
#include "fname.h"
#include "hash.h"
#include "i18n.h"
#include "util.h"

/* At most this many distinct characters of unit names in one group:
 * each copy of the group embeds all of them, ~225 bytes a glyph of the
 * free 宋体 deflated, so a copy grows by 14 KB at most.  Real names of
 * organs (tests/plans/forms.md) bring 109 characters in 42 names: groups
 * of 13 to 15, each subset made and deflated once instead of 13 to 15
 * times; 256 would make them one group for up to 57 KB more a copy. */
#define SHARE_CHARS 64

/* ---- file names, told apart --------------------------------------------- */

/* A set of strings with a number each (open addressing; it owns the
 * keys). */
typedef struct {
	char **key;
	size_t *val;
	size_t cap, n;
} StrMap;

static size_t *strmap_slot(StrMap *m, const char *key, bool add)
{
	if (add && 2 * (m->n + 1) > m->cap) {
		StrMap big = {xcalloc(m->cap ? 2 * m->cap : 64, sizeof(char *)),
		              xcalloc(m->cap ? 2 * m->cap : 64, sizeof(size_t)),
		              m->cap ? 2 * m->cap : 64, 0};
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i]) {
				size_t h = hash_str(HASH_INIT, m->key[i]) & (big.cap - 1);
				while (big.key[h])
					h = (h + 1) & (big.cap - 1);
				big.key[h] = m->key[i];
				big.val[h] = m->val[i];
				big.n++;
			}
		free(m->key);
		free(m->val);
		*m = big;
	}
	if (!m->cap)
		return NULL;
	size_t h = hash_str(HASH_INIT, key) & (m->cap - 1);
	while (m->key[h] && strcmp(m->key[h], key))
		h = (h + 1) & (m->cap - 1);
	if (!m->key[h]) {
		if (!add)
			return NULL;
		m->key[h] = xstrdup(key);
		m->val[h] = 0;
		m->n++;
	}
	return &m->val[h];
}

static void strmap_free(StrMap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->val);
}

/* The bytes of a long ID kept in ID-UNIT (20 Chinese characters): the
 * rest of the room goes to the unit's name, which tells copies apart. */
#define ID_KEEP 60

/* Each unit's file name (without extension): ID-UNIT, made safe and cut
 * (the ID first, down to ID_KEEP bytes, then the unit's name);
 * a name taken by an earlier unit gets -2, -3, … (the first one free). */
static char **unit_names(const Plan *p, const char *id)
{
	char **names = xcalloc(p->units.n + 1, sizeof *names);
	StrMap taken = {0}, next = {0}; /* next: a base name's next number to try */
	for (size_t u = 0; u < p->units.n; u++) {
		const char *us = p->units.v[u].s ? p->units.v[u].s : "";
		char *unit = fname_clean(us, strlen(us), "单位");
		char *name = fname_join(id, unit, ID_KEEP, FNAME_MAX);
		free(unit);
		if (strmap_slot(&taken, name, false)) {
			size_t *k = strmap_slot(&next, name, true);
			if (*k < 2)
				*k = 2;
			char *again;
			for (;; ++*k) {
				again = xasprintf("%s-%zu", name, *k);
				if (!strmap_slot(&taken, again, false))
					break;
				free(again);
			}
			++*k;
			free(name);
			name = again;
		}
		strmap_slot(&taken, name, true);
		names[u] = name;
	}
	strmap_free(&taken);
	strmap_free(&next);
	return names;
}

/* ---- groups of units sharing font subsets -------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* The distinct characters of s, sorted: *n of them. */
static uint32_t *chars_of(const char *s, size_t *n)
{
	size_t len = strlen(s), m = 0;
	uint32_t *c = xcalloc(len + 1, sizeof *c);
	for (size_t at = 0; at < len;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + at, len - at, &cp);
		if (k <= 0)
			k = 1, cp = 0xFFFD;
		c[m++] = cp;
		at += (size_t)k;
	}
	qsort(c, m, sizeof *c, cmp_u32);
	size_t k = 0;
	for (size_t i = 0; i < m; i++)
		if (k == 0 || c[k - 1] != c[i])
			c[k++] = c[i];
	*n = k;
	return c;
}

/* Sorted set a (na) with the members of sorted b (nb) added, into out
 * (room for na + nb); returns its size. */
static size_t merge(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na || j < nb) {
		if (j == nb || (i < na && a[i] < b[j]))
			out[n++] = a[i++];
		else if (i == na || b[j] < a[i])
			out[n++] = b[j++];
		else
			out[n++] = a[i++], j++;
	}
	return n;
}

typedef struct {
	size_t first, n; /* units first .. first+n-1 */
	char *chars;     /* their names' distinct characters, as UTF-8 */
} Group;

static char *utf8_of(const uint32_t *c, size_t n)
{
	Buf b = {0};
	for (size_t i = 0; i < n; i++) {
		char e[4];
		int k = utf8_encode(c[i], e);
		buf_add(&b, e, (size_t)(k > 0 ? k : 0));
	}
	char *s = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return s;
}

static Group *unit_groups(const Plan *p, size_t *ngroups)
{
	Group *g = NULL;
	size_t n = 0, cap = 0;
	uint32_t *set = NULL, *tmp = NULL;
	size_t nset = 0;
	for (size_t u = 0; u < p->units.n; u++) {
		size_t nc;
		uint32_t *c = chars_of(p->units.v[u].s ? p->units.v[u].s : "", &nc);
		tmp = xrealloc(tmp, (nset + nc + 1) * sizeof *tmp);
		size_t nm = merge(set, nset, c, nc, tmp);
		if (n == 0 || (nm > SHARE_CHARS && g[n - 1].n > 0)) {
			if (n)
				g[n - 1].chars = utf8_of(set, nset);
			g = xgrow(g, &cap, n + 1, sizeof *g);
			g[n++] = (Group){u, 0, NULL};
			nm = merge(NULL, 0, c, nc, tmp);
		}
		g[n - 1].n++;
		uint32_t *swap = set;
		set = tmp;
		tmp = swap;
		nset = nm;
		free(c);
	}
	if (n)
		g[n - 1].chars = utf8_of(set, nset);
	free(set);
	free(tmp);
	*ngroups = n;
	return g;
}

/* ---- the copies, as batch items ----------------------------------------- */

typedef struct {
	const Plan *p;
	size_t i;
	const FontSet *fs;
	const Geometry *g;
	const CanvasMeta *meta;
	const char *udir;
	Diags *d;
	const FormsOut *o;
	char **names;
	Group *groups;
	size_t ngroups, *group_of;
	/* in each process: the canvas the copies of group probe_group share
	 * their subsets with */
	Canvas *probe;
	size_t probe_group;
	/* what this process took from the copies */
	size_t done, ddone;
	int status;
} Units;

/* The canvas unit u's copy shares its font subsets with; NULL for a
 * group of one. */
static const Canvas *probe_for(Units *x, size_t u)
{
	size_t k = x->group_of[u];
	if (x->groups[k].n < 2)
		return NULL;
	if (x->probe && x->probe_group == k)
		return x->probe;
	canvas_free(x->probe);
	x->probe = canvas_new(x->fs, x->meta);
	x->probe_group = k;
	Flow flow = {0, 0, 0};
	Diags none = {0};
	char *label = attach_label(x->p, x->i, true);
	attach_draw(x->p, x->i, label, x->groups[k].chars, x->fs, x->g, x->probe, &flow, &none);
	free(label);
	diag_free(&none);
	return x->probe;
}

/* One copy (a batch job): its files, and on out "PDF DOCX DROPPED\n"
 * (the files written, the findings dropped past the cap) and the
 * findings its drawing added, each as "LINE COL SEV RULE FILELEN
 * MSGLEN\n" and the two strings.  d is left as it was. */
static int unit_job(size_t u, FILE *out, FILE *err, unsigned long *counts, void *ctx)
{
	(void)counts;
	Units *x = ctx;
	Diags *d = x->d;
	size_t n0 = d->n, dropped0 = d->dropped;
	FormsOut o = *x->o;
	o.err = err;
	/* For the tests of a worker that dies: the copy of this name crashes
	 * before it writes anything. */
	const char *crash = getenv("FANGAN_TEST_CRASH");
	if (crash && *crash && strcmp(crash, x->names[u]) == 0)
		raise(SIGSEGV);
	char *path = xasprintf("%s/%s", x->udir, x->names[u]);
	size_t pages = 0;
	bool docx = false;
	const char *us = x->p->units.v[u].s ? x->p->units.v[u].s : "";
	int s = forms_write_one(x->p, x->i, us, path, x->fs, x->g, x->meta, probe_for(x, u), d,
	                        &pages, &docx, &o);
	free(path);
	fprintf(out, "%d %d %zu\n", s == 0 && !o.skip_pdf, s == 0 && docx, d->dropped - dropped0);
	for (size_t k = n0; k < d->n; k++) {
		const Finding *f = &d->v[k];
		fprintf(out, "%d %d %d %d %zu %zu\n", f->pos.line, f->pos.col, (int)f->severity,
		        (int)f->rule_id, strlen(f->file), strlen(f->message));
		fputs(f->file, out);
		fputs(f->message, out);
		free(f->file);
		free(f->message);
	}
	d->n = n0;
	d->dropped = dropped0;
	return s;
}

/* d has this finding already: the same rule, place and words, or for
 * form-overflow the same place (form.c reports it once a form). */
static bool known(const Diags *d, const Finding *f)
{
	for (size_t k = d->n; k-- > 0;) {
		const Finding *e = &d->v[k];
		if (e->rule_id == f->rule_id && e->pos.line == f->pos.line &&
		    e->pos.col == f->pos.col && !strcmp(e->file, f->file) &&
		    (f->rule_id == R_FORM_OVERFLOW || !strcmp(e->message, f->message)))
			return true;
	}
	return false;
}

/* Take what unit u's job sent (in unit order, batch.h). */
static void unit_take(size_t u, int status, const char *out, size_t nout, const char *err,
                      size_t nerr, void *ctx)
{
	Units *x = ctx;
	if (nerr)
		fwrite(err, 1, nerr, x->o->err);
	if (status > x->status)
		x->status = status;
	int pdf = 0, docx = 0, used = 0;
	size_t dropped = 0;
	if (sscanf(out, "%d %d %zu\n%n", &pdf, &docx, &dropped, &used) < 3)
		return; /* its worker died: err says so */
	char *rel = xasprintf("units/%s", x->names[u]);
	if (pdf) {
		x->done++;
		forms_record(x->o, rel, "pdf");
	}
	if (docx) {
		x->ddone++;
		forms_record(x->o, rel, "docx");
	}
	free(rel);
	x->d->dropped += dropped;
	for (size_t at = (size_t)used; at < nout;) {
		int line, col, sev, rule, k = 0;
		size_t nf, nm;
		if (sscanf(out + at, "%d %d %d %d %zu %zu\n%n", &line, &col, &sev, &rule, &nf, &nm,
		           &k) < 6 || k <= 0 || nf > nout - at - (size_t)k ||
		    nm > nout - at - (size_t)k - nf || rule < 0 || rule >= R_COUNT ||
		    (sev != SEV_WARNING && sev != SEV_ERROR && sev != SEV_NOTE))
			break;
		at += (size_t)k;
		Finding f = {xstrndup(out + at, nf), {line, col}, (Severity)sev, (RuleId)rule,
		             rules[rule].id, xstrndup(out + at + nf, nm)};
		at += nf + nm;
		if (!known(x->d, &f))
			diag_copy(x->d, &f);
		free(f.file);
		free(f.message);
	}
}

int forms_units(const Plan *p, size_t i, const char *id, const FontSet *fs,
                const Geometry *g, const char *dir, const CanvasMeta *meta, Diags *d,
                const FormsOut *o)
{
	char *udir = xasprintf("%s/units", dir);
	if (!mkdir_own(udir)) {
		fprintf(o->err, "fangan: %s: %s\n", udir, util_strerror(errno));
		free(udir);
		return 2;
	}
	Units x = {.p = p, .i = i, .fs = fs, .g = g, .meta = meta, .udir = udir, .d = d, .o = o};
	x.names = unit_names(p, id);
	x.groups = unit_groups(p, &x.ngroups);
	x.group_of = xcalloc(p->units.n + 1, sizeof *x.group_of);
	for (size_t k = 0; k < x.ngroups; k++)
		for (size_t u = 0; u < x.groups[k].n; u++)
			x.group_of[x.groups[k].first + u] = k;
	/* Fork with stdout and stderr empty: a worker must not write them
	 * again (batch.c flushes them too). */
	fflush(o->out);
	fflush(o->err);
	BatchOpts bo = {.jobs = o->jobs ? o->jobs : 1, .progress = o->progress, .names = x.names,
	                .take = unit_take};
	batch_run(p->units.n, unit_job, &x, &bo, NULL);
	if (x.done)
		fprintf(o->out, ngettext("%s/%s-*.pdf (%zu copy)\n", "%s/%s-*.pdf (%zu copies)\n", x.done),
			udir, id, x.done);
	if (x.ddone)
		fprintf(o->out, ngettext("%s/%s-*.docx (%zu copy)\n", "%s/%s-*.docx (%zu copies)\n",
		                         x.ddone),
			udir, id, x.ddone);
	canvas_free(x.probe);
	for (size_t k = 0; k < x.ngroups; k++)
		free(x.groups[k].chars);
	free(x.groups);
	free(x.group_of);
	for (size_t u = 0; u < p->units.n; u++)
		free(x.names[u]);
	free(x.names);
	free(udir);
	return x.status;
}
