/* util.c — see util.h. */
#define _GNU_SOURCE /* syncfs */
#include "util.h"

#include "hash.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <zlib.h>

static void oom(void)
{
	fputs(_("fangan: out of memory\n"), stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			oom();
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * elem);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void buf_add(Buf *b, const char *s, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(b, p);
	free(p);
}

void buf_json_str(Buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int k = c < 0x80 ? 1 : utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k == 0) {
			/* JSON is Unicode text: a byte of broken UTF-8 (a file
			 * name can hold any bytes) becomes U+FFFD. */
			buf_puts(b, "\\ufffd");
			i++;
			continue;
		}
		if (k > 1) {
			buf_add(b, s + i, (size_t)k);
			i += (size_t)k;
			continue;
		}
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\u%04x", c);
			else
				buf_putc(b, (char)c);
		}
		i++;
	}
}

void buf_uri_path(Buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c)) {
			buf_putc(b, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_add(b, e, 3);
		}
	}
}

void buf_yaml_scalar(Buf *b, const char *s)
{
	static const char *const typed[] = {"true", "false", "yes", "no", "on", "off", "null", "~"};
	size_t n = strlen(s);
	bool plain = n > 0 && s[0] != ' ' && s[n - 1] != ' ' && !strchr("-?", s[0]) &&
	             !strpbrk(s, ":#\"'\\[]{},&*!|>%@`\n\r\t") && strspn(s, "0123456789.+-") < n;
	for (size_t i = 0; plain && i < sizeof typed / sizeof *typed; i++)
		if (!strcasecmp(s, typed[i]))
			plain = false;
	if (plain) {
		buf_add(b, s, n);
		return;
	}
	/* A JSON string is a YAML double-quoted scalar. */
	buf_putc(b, '"');
	buf_json_str(b, s);
	buf_putc(b, '"');
}

const char *buf_cstr(Buf *b)
{
	if (!b->s)
		buf_add(b, "", 0);
	return b->s;
}

void buf_free(Buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int len;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		len = 2; v = c & 0x1F; min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3; v = c & 0x0F; min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

int utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_invalid_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		int l = utf8_decode(u + i, n - i, &cp);
		if (l == 0)
			return i;
		i += (size_t)l;
	}
	return (size_t)-1;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

char *read_file(const char *path, size_t max, size_t *len)
{
	/* O_NONBLOCK: opening a FIFO nobody writes returns at once, and the
	 * fstat of what was opened (not of the name) refuses it, a device or a
	 * socket before any read could wait or never end. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	return read_fd(fd, max, len);
}

char *read_fd(int fd, size_t max, size_t *len)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : ENOTREG;
		close(fd);
		errno = e;
		return NULL;
	}
	if ((uintmax_t)st.st_size > max) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return NULL;
	}
	/* Read straight into a buffer of the file's size (and one byte more,
	 * to see the end, or that the file grew): no copy of the bytes. */
	Buf b = {0};
	b.cap = (size_t)st.st_size + 2;
	b.s = xmalloc(b.cap);
	size_t n;
	while ((n = fread(b.s + b.len, 1, b.cap - 1 - b.len, f)) > 0) {
		b.len += n;
		if (b.len > max) {
			buf_free(&b);
			fclose(f);
			errno = EFBIG;
			return NULL;
		}
		if (b.len == b.cap - 1)
			b.s = xgrow(b.s, &b.cap, b.cap + 65536, 1);
	}
	b.s[b.len] = '\0';
	int err = ferror(f);
	fclose(f);
	if (err) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	buf_cstr(&b);
	*len = b.len;
	return b.s;
}

const char *util_strerror(int e)
{
	if (e == ENOTREG)
		return _("not a regular file (a device, pipe, socket or folder); fangan replaces "
		         "only regular files");
	if (e == ESYMLINK)
		return _("a symbolic link; fangan writes its files only into a real folder there");
	return strerror(e);
}

bool first_time(const char *msg)
{
	static uint64_t seen[256];
	static size_t nseen;
	uint64_t h = hash_str(HASH_INIT, msg);
	for (size_t i = 0; i < nseen; i++)
		if (seen[i] == h)
			return false;
	if (nseen < sizeof seen / sizeof *seen)
		seen[nseen++] = h;
	return true;
}

const char *read_strerror(int e)
{
	if (e == ENOTREG)
		return _("not a regular file (a FIFO, device or socket); fangan reads only regular files");
	return strerror(e);
}

bool mkdir_own(const char *dir)
{
	if (mkdir(dir, 0777) == 0)
		return true;
	if (errno != EEXIST)
		return false;
	struct stat st;
	if (lstat(dir, &st) != 0)
		return false;
	if (S_ISLNK(st.st_mode)) {
		errno = ESYMLINK;
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return false;
	}
	return true;
}

static bool batch_writes;

/* The file's CRC-32 (zlib's) as written, with its size and time, in an
 * extended attribute (where the file system has them), so that the
 * process writing the build stamp learns it without reading the file
 * back, whichever worker wrote it.  The time is taken after the last
 * write; setting the attribute does not change it. */
#define CRC_XATTR "user.fangan.crc32"

static void note_crc(int fd, const char *data, size_t len)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return;
	uLong crc = crc32_z(0L, (const Bytef *)data, len);
	char v[96];
	int n = snprintf(v, sizeof v, "%lld %lld.%09ld %08lx", (long long)st.st_size,
	                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec, (unsigned long)crc);
	fsetxattr(fd, CRC_XATTR, v, (size_t)n, 0); /* none: the caller reads the file */
}

bool written_crc(const char *path, const struct stat *st, unsigned long *crc)
{
	char v[96];
	ssize_t n = lgetxattr(path, CRC_XATTR, v, sizeof v - 1);
	if (n <= 0)
		return false;
	v[n] = '\0';
	long long size, sec;
	long nsec;
	unsigned long c;
	char end;
	if (sscanf(v, "%lld %lld.%ld %lx%c", &size, &sec, &nsec, &c, &end) != 4 ||
	    size != (long long)st->st_size || sec != (long long)st->st_mtim.tv_sec ||
	    nsec != (long)st->st_mtim.tv_nsec)
		return false;
	*crc = c;
	return true;
}

void write_atomic_batch(bool on)
{
	batch_writes = on;
}

bool sync_files_under(int fd)
{
	return syncfs(fd) == 0;
}

/* fsync the folder holding path.  A file system that cannot sync a
 * folder (EINVAL, EROFS) is no failure; an I/O error is. */
static bool sync_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
	                  : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return true;
	bool ok = fsync(fd) == 0 || errno != EIO;
	close(fd);
	return ok;
}

bool write_file_atomic(const char *path, const char *data, size_t len)
{
	/* Only a regular file is replaced: a device, FIFO or socket at path
	 * (or a symlink to one) is left alone, never turned into a file. */
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		struct stat t;
		if (!S_ISLNK(st.st_mode) || (stat(path, &t) == 0 && !S_ISREG(t.st_mode))) {
			errno = ENOTREG;
			return false;
		}
	}
	/* A hidden name beside the target: rename() is then atomic, and a
	 * folder listing never shows a half-written file under a real name. */
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
	                  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0;
	if (ok) {
		/* mkstemp makes the file private (0600). */
		mode_t mask = umask(0);
		umask(mask);
		ok = fchmod(fd, 0666 & ~mask) == 0;
		size_t done = 0;
		while (ok && done < len) {
			ssize_t n = write(fd, data + done, len - done);
			if (n < 0 && errno == EINTR)
				continue;
			ok = n > 0;
			if (ok)
				done += (size_t)n;
		}
		if (ok)
			note_crc(fd, data, len);
		/* On the disk before it gets the real name: after a power
		 * cut the name holds the old file or the whole new one. */
		ok = ok && (batch_writes || fsync(fd) == 0);
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
		if (!ok) {
			int e = errno;
			unlink(tmp);
			errno = e;
		}
	}
	free(tmp);
	/* And the rename itself, which lives in the folder (in a batch, the
	 * caller syncs them all at once). */
	if (ok && !batch_writes && !sync_folder_of(path)) {
		errno = EIO;
		ok = false;
	}
	return ok;
}

bool atomic_temp_name(const char *entry, size_t *baselen)
{
	size_t n = strlen(entry);
	if (n < 9 || entry[0] != '.' || entry[n - 7] != '.')
		return false;
	for (size_t i = n - 6; i < n; i++) {
		char c = entry[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
	}
	*baselen = n - 8;
	return true;
}

/* Decode a UTF-8 string into code points; malformed bytes pass as-is. */
static size_t to_cps(const char *s, uint32_t *out, size_t max)
{
	size_t n = strlen(s), i = 0, k = 0;
	while (i < n && k < max) {
		uint32_t cp;
		int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (l == 0) {
			cp = (unsigned char)s[i];
			l = 1;
		}
		out[k++] = cp;
		i += (size_t)l;
	}
	return k;
}

/* Optimal string alignment distance: insertions, deletions,
 * substitutions and transpositions of neighbours ("ned" → "end" is one
 * edit), which is what typing mistakes are. */
size_t edit_distance(const char *a, const char *b, size_t cap)
{
	enum { MAXLEN = 64 };
	uint32_t ca[MAXLEN], cb[MAXLEN];
	size_t na = to_cps(a, ca, MAXLEN), nb = to_cps(b, cb, MAXLEN);
	static _Thread_local size_t m[MAXLEN + 1][MAXLEN + 1];
	for (size_t i = 0; i <= na; i++)
		m[i][0] = i;
	for (size_t j = 0; j <= nb; j++)
		m[0][j] = j;
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++) {
			size_t best = m[i - 1][j - 1] + (ca[i - 1] != cb[j - 1]);
			if (m[i - 1][j] + 1 < best)
				best = m[i - 1][j] + 1;
			if (m[i][j - 1] + 1 < best)
				best = m[i][j - 1] + 1;
			if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] && ca[i - 2] == cb[j - 1] &&
			    m[i - 2][j - 2] + 1 < best)
				best = m[i - 2][j - 2] + 1;
			m[i][j] = best;
		}
	}
	return m[na][nb] < cap ? m[na][nb] : cap;
}
