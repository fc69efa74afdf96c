/* util.h — allocation that cannot fail silently, growable buffers, UTF-8.
 *
 * Every module uses these instead of raw malloc so that an out-of-memory
 * condition ends the program with a message instead of a NULL dereference.
 */
#ifndef FANGAN_UTIL_H
#define FANGAN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of elem-sized items to hold at least need items. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer, always NUL-terminated when len > 0 or after
 * buf_cstr(). */
typedef struct {
	char *s;
	size_t len, cap;
} Buf;

void buf_add(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as the inside of a JSON string literal (no quotes); bytes of
 * broken UTF-8 become U+FFFD, so the result is always valid JSON. */
void buf_json_str(Buf *b, const char *s);
/* Append the path s percent-encoded as a URI path (RFC 3986): every byte
 * but unreserved characters and "/" as %XX, UTF-8 bytes included. */
void buf_uri_path(Buf *b, const char *s);
/* Append s as a YAML scalar: plain when YAML reads it back as the same
 * string, else double-quoted. */
void buf_yaml_scalar(Buf *b, const char *s);
const char *buf_cstr(Buf *b);
void buf_free(Buf *b);

/* Decode one UTF-8 code point at s (n bytes available).  Returns its
 * length in bytes (1..4) and stores the code point; on a malformed
 * sequence returns 0. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
int utf8_encode(uint32_t cp, char *out);
/* Byte offset of the first invalid UTF-8 sequence, or (size_t)-1. */
size_t utf8_invalid_at(const char *s, size_t n);
/* Number of code points in the first n bytes of s. */
size_t utf8_count(const char *s, size_t n);

/* Read a whole file.  Returns NULL with errno set on failure.  Files
 * larger than max bytes fail with EFBIG, a folder with EISDIR, and a
 * FIFO, device or socket at once with ENOTREG (below; never read, so never a
 * wait).  read_strerror words ENOTREG as fangan's and the rest as
 * strerror does. */
char *read_file(const char *path, size_t max, size_t *len);
/* read_file of what fd has open (opened O_NONBLOCK, so a FIFO never
 * waits); fd is closed in every case. */
char *read_fd(int fd, size_t max, size_t *len);
const char *read_strerror(int e);

/* True the first time this process asks about msg, false after: for a
 * message that `fangan watch`, building again and again, should say only
 * once.  The first 256 messages are remembered; past them each is said. */
bool first_time(const char *msg);

/* Write len bytes to path through a temporary file beside it (same file
 * system), renamed into place only when complete, so readers see the old
 * file or the whole new one and a failed write leaves nothing behind.
 * The file gets the mode a plain fopen would give.  The file is synced
 * (fsync) before the rename and its folder after it, so that after a
 * crash or power cut the name holds the old file or the whole new one.
 * Returns false with
 * errno set (ENOTREG: see below). */
bool write_file_atomic(const char *path, const char *data, size_t len);
/* For many files written at once (fangan build): with on,
 * write_file_atomic syncs neither the file nor its folder; the caller
 * calls sync_files_under when a set of files is written — one syncfs for
 * the set instead of two fsyncs a file.  A power cut before that syncfs
 * can leave a new name over an empty file; the plan's stamp, written
 * after the syncfs, then does not match it and the next build makes it
 * again (cli/stamp.h).  Measured (2026-11-28): 20,000 unit forms, -j 2,
 * 5.5–8.4 s with the syncfs, 10.9–12.2 s with an fsync a file. */
void write_atomic_batch(bool on);
/* The CRC-32 (zlib's) write_file_atomic noted for the file at path when
 * it wrote it, if the file is still of the size and modification time in
 * st (lstat of it).  False when none was noted (a file system without
 * extended attributes, or another writer) or it no longer matches: read
 * the file then. */
struct stat;
bool written_crc(const char *path, const struct stat *st, unsigned long *crc);
/* Put every file written on fd's file system on the disk (syncfs). */
bool sync_files_under(int fd);
/* entry is a name write_file_atomic gives its temporary files:
 * "." NAME "." and six letters or digits (mkstemp's).  *baselen is then
 * the length of NAME, which starts at entry + 1.  What a build killed
 * half-way leaves behind (stamp.h cleans them up). */
bool atomic_temp_name(const char *entry, size_t *baselen);
/* write_file_atomic's errno when path is there and is not a regular
 * file, nor a symlink to one (a device, FIFO, socket, folder): it is
 * never replaced. */
#define ENOTREG ENOTSUP
/* Make the folder dir (its parent must exist), or accept it when it is
 * there as a real folder.  A symlink (to a folder or not) is refused
 * with errno ESYMLINK: fangan's own folders (OUTDIR/NAME, units/) are
 * never followed elsewhere. */
#define ESYMLINK ELOOP
bool mkdir_own(const char *dir);
/* strerror, with words of fangan's for ENOTREG and ESYMLINK. */
const char *util_strerror(int e);

/* Edit distance between two UTF-8 strings, counted in code points, capped
 * at cap (returns cap when the distance is at least cap). */
size_t edit_distance(const char *a, const char *b, size_t cap);

#endif
