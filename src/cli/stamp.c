/* stamp.c — see stamp.h. */
#define _XOPEN_SOURCE 700 /* st_mtim */
#include "stamp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "paths.h"
#include "util.h"
#include "version.h"
#include "i18n.h"

/* Bump when the stamp's meaning changes, so old stamps stop matching. */
#define STAMP_FORMAT "fangan-stamp 2"

/* A file by identity rather than content: path, size and mtime.  Font
 * files are megabytes each, and hashing their bytes for every build would
 * cost more than rendering a notice. */
static uint64_t hash_file_id(uint64_t h, const char *path)
{
	struct stat st;
	h = hash_str(h, path);
	if (!path || stat(path, &st) != 0)
		return hash_u64(h, 0);
	h = hash_u64(h, (uint64_t)st.st_size);
	h = hash_u64(h, (uint64_t)st.st_mtim.tv_sec);
	return hash_u64(h, (uint64_t)st.st_mtim.tv_nsec);
}

/* A small file by content; a missing one hashes differently from an
 * empty one. */
static uint64_t hash_file_bytes(uint64_t h, const char *path)
{
	size_t len = 0;
	char *s = path ? read_file(path, 64u << 20, &len) : NULL;
	h = hash_str(h, path);
	h = hash_piece(h, s, len);
	free(s);
	return h;
}

uint64_t stamp_batch_inputs(const FontSet *fs, const char *fonts_dir)
{
	uint64_t h = hash_str(HASH_INIT, STAMP_FORMAT);
	h = hash_str(h, FANGAN_VERSION);
	/* The binary itself: between releases the layout code changes while
	 * the version does not, and a new build must not leave stale PDFs. */
	h = hash_file_id(h, "/proc/self/exe");
	h = hash_str(h, getenv("SOURCE_DATE_EPOCH"));
	char *map = fonts_dir ? xasprintf("%s/fonts.map", fonts_dir) : NULL;
	h = hash_file_bytes(h, map);
	free(map);
	for (int r = 0; r < ROLE_COUNT; r++) {
		size_t n = fontset_chain_len(fs, (FontRole)r);
		h = hash_u64(h, n);
		for (size_t i = 0; i < n; i++) {
			const Face *f = fontset_chain_face(fs, (FontRole)r, i, NULL);
			h = hash_file_id(h, face_path(f));
			h = hash_u64(h, face_index(f));
		}
	}
	return h;
}

uint64_t stamp_plan_inputs(uint64_t batch, const Plan *p)
{
	/* The default templates the plan's attachments and page follow,
	 * wherever the search order finds them (paths.h). */
	static const char *const defaults[] = {"notice.xml", "letter.xml", "form.xml",
	                                       "ledger.xml", "scoresheet.xml", "template.rng",
	                                       NULL};
	uint64_t h = hash_piece(batch, p->src, p->len);
	for (size_t k = 0; defaults[k]; k++) {
		char *t = paths_find("templates", defaults[k], p->path);
		h = hash_file_bytes(h, t);
		free(t);
	}
	h = hash_u64(h, p->nattachments);
	for (size_t i = 0; i < p->nattachments; i++) {
		const Attachment *a = &p->attachments[i];
		if (a->doc) {
			h = hash_str(h, a->doc->path);
			h = hash_piece(h, a->doc->src, a->doc->len);
		} else {
			h = hash_u64(h, 0);
		}
		char *t = a->template_.s ? paths_find("templates", a->template_.s, p->path) : NULL;
		h = hash_file_bytes(h, t);
		free(t);
	}
	return h;
}

/* A name stamp_write would have written: plain, inside the folder, or
 * inside its units/ folder (each unit's copy of a form, forms.h). */
static bool plain_name(const char *s)
{
	if (strncmp(s, "units/", 6) == 0)
		s += 6;
	return *s && *s != '.' && !strchr(s, '/');
}

bool stamp_fresh(const char *dir, uint64_t inputs, char **findings, size_t *nwarn)
{
	*findings = NULL;
	*nwarn = 0;
	char *path = xasprintf("%s/" STAMP_NAME, dir);
	size_t len;
	char *text = read_file(path, 64u << 20, &len);
	free(path);
	if (!text)
		return false;
	char want[64];
	snprintf(want, sizeof want, STAMP_FORMAT "\ninputs %016llx\n",
		 (unsigned long long)inputs);
	bool ok = strncmp(text, want, strlen(want)) == 0, ended = false;
	size_t outputs = 0;
	for (char *line = text + strlen(want); ok && *line;) {
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		unsigned long long n;
		char end;
		if (sscanf(line, "warnings %llu%c", &n, &end) == 1) {
			/* The findings follow, to the end of the file. */
			*nwarn = (size_t)n;
			*findings = xstrdup(nl + 1);
			ended = true;
			break;
		}
		if (strncmp(line, "output ", 7) != 0 || !plain_name(line + 7)) {
			ok = false;
			break;
		}
		char *out = xasprintf("%s/%s", dir, line + 7);
		struct stat st;
		ok = stat(out, &st) == 0 && S_ISREG(st.st_mode);
		free(out);
		outputs++;
		line = nl + 1;
	}
	free(text);
	ok = ok && ended && outputs > 0;
	if (!ok) {
		free(*findings);
		*findings = NULL;
		*nwarn = 0;
	}
	return ok;
}

bool stamp_write(const char *dir, uint64_t inputs, char *const *outputs,
		 size_t noutputs, const char *findings, size_t nwarn, char **err)
{
	Buf b = {0};
	buf_printf(&b, STAMP_FORMAT "\ninputs %016llx\n", (unsigned long long)inputs);
	for (size_t i = 0; i < noutputs; i++)
		buf_printf(&b, "output %s\n", outputs[i]);
	buf_printf(&b, "warnings %zu\n%s", nwarn, findings ? findings : "");
	char *path = xasprintf("%s/" STAMP_NAME, dir);
	bool ok = write_file_atomic(path, b.s, b.len);
	if (!ok)
		*err = xasprintf(_("cannot write %s: %s"), path, util_strerror(errno));
	free(path);
	buf_free(&b);
	return ok;
}

void stamp_remove(const char *dir)
{
	char *path = xasprintf("%s/" STAMP_NAME, dir);
	unlink(path);
	free(path);
}
