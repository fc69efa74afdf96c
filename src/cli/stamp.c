/* stamp.c — see stamp.h. */
#define _DEFAULT_SOURCE /* st_mtim, flock */
#include "stamp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "hash.h"
#include "paths.h"
#include "util.h"
#include "version.h"
#include "i18n.h"

/* Bump when the stamp's meaning changes, so old stamps stop matching. */
#define STAMP_FORMAT "fangan-stamp 3"

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

/* ---- the outputs: what was written, and whether it is still there ---- */

/* One output as recorded: its plain name inside the plan's folder, and
 * the size, modification time and CRC-32 of what fangan wrote. */
typedef struct {
	char *name;
	unsigned long long size;
	long long sec;
	long nsec;
	unsigned long crc;
} Output;

typedef struct {
	uint64_t inputs;
	Output *v;
	size_t n, cap;
	bool ended;             /* the "warnings" line was there */
	size_t nwarn;
	const char *findings;   /* inside the text */
} Stamp;

/* A name stamp_write would have written: plain, inside the folder, or
 * inside its units/ folder (each unit's copy of a form, forms.h). */
static bool plain_name(const char *s)
{
	if (strncmp(s, "units/", 6) == 0)
		s += 6;
	return *s && *s != '.' && !strchr(s, '/');
}

/* Parse text (changed in place; the names and findings point into it).
 * False when it is not a stamp of this format. */
static bool stamp_parse(char *text, Stamp *st)
{
	*st = (Stamp){0};
	char *line = text, *nl = strchr(line, '\n');
	if (!nl || strncmp(line, STAMP_FORMAT "\n", strlen(STAMP_FORMAT) + 1) != 0)
		return false;
	line = nl + 1;
	nl = strchr(line, '\n');
	if (!nl)
		return false;
	*nl = '\0';
	unsigned long long in;
	char end;
	if (sscanf(line, "inputs %16llx%c", &in, &end) == 1 && strlen(line) == 23)
		st->inputs = in;
	else
		return false;
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		unsigned long long n;
		if (sscanf(line, "warnings %llu%c", &n, &end) == 1) {
			/* The findings follow, to the end of the file. */
			st->nwarn = (size_t)n;
			st->findings = nl + 1;
			st->ended = true;
			return true;
		}
		Output o = {0};
		int at = -1;
		if (sscanf(line, "output %llu %lld.%ld %lx %n", &o.size, &o.sec, &o.nsec, &o.crc,
		           &at) != 4 || at < 0 || !plain_name(line + at))
			break;
		o.name = line + at;
		st->v = xgrow(st->v, &st->cap, st->n + 1, sizeof *st->v);
		st->v[st->n++] = o;
	}
	/* Cut short, or a line of no known kind: its outputs still count
	 * (a build removes only what is listed), but it vouches for nothing. */
	return true;
}

/* Read dir's stamp into *st; the text to free after it.  NULL when there
 * is none or it cannot be read: a FIFO, device or folder in its place is
 * not waited on (read_file), just taken as no stamp. */
static char *stamp_read(const char *dir, Stamp *st)
{
	char *path = xasprintf("%s/" STAMP_NAME, dir);
	size_t len;
	*st = (Stamp){0}; /* freed below even when a NUL stops the parse */
	char *text = read_file(path, 64u << 20, &len);
	free(path);
	if (text && (strlen(text) != len || !stamp_parse(text, st))) {
		free(st->v);
		free(text);
		text = NULL;
	}
	if (!text)
		*st = (Stamp){0};
	return text;
}

/* The folder of name inside the plan's folder (dfd or its units/ folder
 * ufd, -1 when it could not be opened), and the name's last part. */
static int folder_of(int dfd, int ufd, const char *name, const char **leaf)
{
	if (strncmp(name, "units/", 6) == 0) {
		*leaf = name + 6;
		return ufd;
	}
	*leaf = name;
	return dfd;
}

/* Open dir, and its units/ folder, never through a symlink. */
static int open_folder(int at, const char *dir)
{
	return openat(at, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* CRC-32 (zlib's, for change detection only) and size of a regular file,
 * read as it is; false when it is anything else or cannot be read. */
static bool crc_file(int fd, const char *leaf, unsigned long *crc, unsigned long long *size)
{
	int f = openat(fd, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (f < 0)
		return false;
	struct stat st;
	bool ok = fstat(f, &st) == 0 && S_ISREG(st.st_mode);
	uLong c = crc32(0L, Z_NULL, 0);
	unsigned long long total = 0;
	unsigned char buf[65536];
	while (ok) {
		ssize_t n = read(f, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = n == 0;
			break;
		}
		c = crc32(c, buf, (uInt)n);
		total += (unsigned long long)n;
	}
	close(f);
	*crc = c;
	*size = total;
	return ok;
}

/* o is still the file fangan wrote: a regular file (not a symlink) of
 * its size, and either of its modification time or, when touched, of its
 * CRC.  The cheap checks come first; the bytes are read only when the
 * time differs. */
static bool output_intact(int dfd, int ufd, const Output *o)
{
	const char *leaf;
	int fd = folder_of(dfd, ufd, o->name, &leaf);
	struct stat st;
	if (fd < 0 || fstatat(fd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size != o->size)
		return false;
	if (st.st_mtim.tv_sec == o->sec && st.st_mtim.tv_nsec == o->nsec)
		return true;
	unsigned long crc;
	unsigned long long size;
	return crc_file(fd, leaf, &crc, &size) && size == o->size && crc == o->crc;
}

bool stamp_fresh(const char *dir, uint64_t inputs, char **findings, size_t *nwarn)
{
	*findings = NULL;
	*nwarn = 0;
	Stamp st;
	char *text = stamp_read(dir, &st);
	bool ok = text && st.inputs == inputs && st.ended && st.n > 0;
	int dfd = ok ? open_folder(AT_FDCWD, dir) : -1;
	int ufd = dfd >= 0 ? open_folder(dfd, "units") : -1;
	ok = ok && dfd >= 0;
	for (size_t i = 0; ok && i < st.n; i++)
		ok = output_intact(dfd, ufd, &st.v[i]);
	if (ok) {
		*findings = xstrdup(st.findings);
		*nwarn = st.nwarn;
	}
	if (ufd >= 0)
		close(ufd);
	if (dfd >= 0)
		close(dfd);
	free(st.v);
	free(text);
	return ok;
}

/* Write the stamp's text: inputs, the outputs, the findings. */
static bool stamp_put(const char *dir, uint64_t inputs, const Output *v, size_t n,
                      const char *findings, size_t nwarn, char **err)
{
	Buf b = {0};
	buf_printf(&b, STAMP_FORMAT "\ninputs %016llx\n", (unsigned long long)inputs);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "output %llu %lld.%09ld %08lx %s\n", v[i].size, v[i].sec, v[i].nsec,
		           v[i].crc, v[i].name);
	buf_printf(&b, "warnings %zu\n%s", nwarn, findings ? findings : "");
	char *path = xasprintf("%s/" STAMP_NAME, dir);
	bool ok = write_file_atomic(path, b.s, b.len);
	if (!ok)
		*err = xasprintf(_("cannot write %s: %s"), path, util_strerror(errno));
	free(path);
	buf_free(&b);
	return ok;
}

bool stamp_write(const char *dir, uint64_t inputs, char *const *outputs,
		 size_t noutputs, const char *findings, size_t nwarn, char **err)
{
	Output *v = xcalloc(noutputs + 1, sizeof *v);
	int dfd = open_folder(AT_FDCWD, dir);
	int ufd = dfd >= 0 ? open_folder(dfd, "units") : -1;
	bool ok = dfd >= 0;
	for (size_t i = 0; ok && i < noutputs; i++) {
		const char *leaf;
		int fd = folder_of(dfd, ufd, outputs[i], &leaf);
		struct stat st;
		v[i].name = outputs[i];
		/* The time first: a file changed while it is read gets a time
		 * that no longer matches, and its CRC is then checked. */
		ok = plain_name(outputs[i]) && fd >= 0 &&
		     fstatat(fd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
		/* The CRC noted when it was written, else read back. */
		char *path = ok ? xasprintf("%s/%s", dir, outputs[i]) : NULL;
		if (ok && written_crc(path, &st, &v[i].crc))
			v[i].size = (unsigned long long)st.st_size;
		else
			ok = ok && crc_file(fd, leaf, &v[i].crc, &v[i].size);
		free(path);
		if (ok) {
			v[i].sec = st.st_mtim.tv_sec;
			v[i].nsec = st.st_mtim.tv_nsec;
		} else {
			*err = xasprintf(_("cannot read %s/%s back: %s"), dir, outputs[i],
			                 util_strerror(errno));
		}
	}
	if (dfd < 0)
		*err = xasprintf(_("cannot open %s: %s"), dir, util_strerror(errno));
	/* The outputs on the disk, data and names, before the stamp that
	 * vouches for them (write_atomic_batch, util.h): after a power cut
	 * there is the old stamp, which new files do not match, or the new
	 * one over the new files.  The stamp itself is not synced: a stamp
	 * lost or cut short vouches for nothing, and the plan is rebuilt. */
	if (ok && !sync_files_under(dfd)) {
		*err = xasprintf(_("cannot write %s: %s"), dir, util_strerror(errno));
		ok = false;
	}
	ok = ok && stamp_put(dir, inputs, v, noutputs, findings, nwarn, err);
	if (ufd >= 0)
		close(ufd);
	if (dfd >= 0)
		close(dfd);
	free(v);
	return ok;
}

/* ---- a build of the plan begins, and ends ----------------------------- */

struct StampOld {
	char *text;
	Stamp st;
};

/* Remove the temporary files of write_file_atomic (util.h) for our own
 * names in the folder fd: outputs (.pdf, .docx) and the stamp. */
static void clean_temps(int fd)
{
	int d = dup(fd);
	DIR *dp = d >= 0 ? fdopendir(d) : NULL;
	if (!dp) {
		if (d >= 0)
			close(d);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		size_t n;
		if (!atomic_temp_name(e->d_name, &n))
			continue;
		const char *base = e->d_name + 1;
		bool ours = (n > 4 && memcmp(base + n - 4, ".pdf", 4) == 0) ||
		            (n > 5 && memcmp(base + n - 5, ".docx", 5) == 0) ||
		            (n == strlen(STAMP_NAME) && memcmp(base, STAMP_NAME, n) == 0);
		struct stat st;
		if (ours && fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode))
			unlinkat(fd, e->d_name, 0);
	}
	closedir(dp);
}

StampOld *stamp_begin(const char *dir)
{
	StampOld *old = xcalloc(1, sizeof *old);
	old->text = stamp_read(dir, &old->st);
	return old;
}

void stamp_clean(const char *dir)
{
	int dfd = open_folder(AT_FDCWD, dir);
	if (dfd < 0)
		return;
	clean_temps(dfd);
	int ufd = open_folder(dfd, "units");
	if (ufd >= 0) {
		clean_temps(ufd);
		close(ufd);
	}
	close(dfd);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void stamp_end(StampOld *old, const char *dir, char *const *outputs, size_t noutputs,
               FILE *err)
{
	if (!old)
		return;
	/* Without outputs the build failed: it removes nothing. */
	int dfd = outputs ? open_folder(AT_FDCWD, dir) : -1;
	int ufd = dfd >= 0 ? open_folder(dfd, "units") : -1;
	bool units_gone = false;
	if (!outputs)
		noutputs = 0;
	/* Sorted, so that 20,000 units' files are looked up in log time. */
	char **made = xcalloc(noutputs + 1, sizeof *made);
	if (noutputs)
		memcpy(made, outputs, noutputs * sizeof *made);
	qsort(made, noutputs, sizeof *made, cmp_name);
	for (size_t i = 0; dfd >= 0 && i < old->st.n; i++) {
		const Output *o = &old->st.v[i];
		if (bsearch(&o->name, made, noutputs, sizeof *made, cmp_name))
			continue;
		const char *leaf;
		int fd = folder_of(dfd, ufd, o->name, &leaf);
		struct stat st;
		if (fd < 0 || fstatat(fd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (!output_intact(dfd, ufd, o)) {
			fprintf(err, _("fangan: %s/%s: the plan no longer makes it, but it was changed "
			               "after fangan wrote it; left in place\n"), dir, o->name);
			continue;
		}
		if (unlinkat(fd, leaf, 0) == 0 && fd == ufd)
			units_gone = true;
	}
	/* An emptied units/ folder goes too (rmdir: only when empty). */
	if (units_gone)
		unlinkat(dfd, "units", AT_REMOVEDIR);
	free(made);
	if (ufd >= 0)
		close(ufd);
	if (dfd >= 0)
		close(dfd);
	free(old->st.v);
	free(old->text);
	free(old);
}

/* ---- one build of an OUTDIR at a time -------------------------------- */

int stamp_lock(const char *outdir, FILE *msg, char **err)
{
	*err = NULL;
	/* The folder itself is locked: no lock file to leave behind. */
	const char *path = outdir;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		*err = xasprintf(_("cannot open %s: %s"), path, util_strerror(errno));
		return -1;
	}
	/* Bounded: a build that holds the folder longer than this is
	 * stuck, or far bigger than any plan set (tests make it shorter). */
	long wait_s = 600;
	const char *t = getenv("FANGAN_TEST_LOCK_WAIT");
	if (t && *t)
		wait_s = strtol(t, NULL, 10);
	bool said = false;
	for (long ms = 0;; ms += 50) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			*err = xasprintf(_("cannot lock %s: %s"), path, util_strerror(errno));
			break;
		}
		if (ms >= wait_s * 1000) {
			*err = xasprintf(ngettext("another build has been writing %s for %ld second; "
			                          "nothing built (try again when it has ended)",
			                          "another build has been writing %s for %ld seconds; "
			                          "nothing built (try again when it has ended)",
			                          (unsigned long)wait_s),
			                 outdir, wait_s);
			break;
		}
		if (!said) {
			fprintf(msg, _("fangan: another build is writing %s; waiting\n"), outdir);
			fflush(msg);
			said = true;
		}
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	if (*err) {
		close(fd);
		return -1;
	}
	return fd;
}
