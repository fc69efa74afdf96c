/* fname.h — the one cleaner for the names of the files fangan writes
 * (OUTDIR/NAME/, NAME.pdf, ID.pdf, units/ID-UNIT.pdf, import's plans).
 *
 * A plan's file name, an attachment's id and a unit's name come from the
 * user; cleaned, none can leave its folder, hide the file, upset Windows
 * shares or a terminal, or be too long for the file system.
 */
#ifndef FANGAN_FNAME_H
#define FANGAN_FNAME_H

#include <limits.h>
#include <stddef.h>

/* The longest cleaned name, in bytes: NAME_MAX (255) less room for what
 * is put around it — ".pdf", the temporary file's "." and ".XXXXXX"
 * (util.h: write_file_atomic), a "-N" that keeps two names apart. */
#define FNAME_MAX (NAME_MAX - 55)

/* The first n bytes of s as one file name (allocated): "/", "\\" and the
 * other characters Windows refuses (: * ? " < > |), control characters
 * (C0, DEL, C1), bidirectional controls (ctrl.h: U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), line and paragraph separators and
 * the bytes of broken UTF-8 each become "_", and so does a leading ".";
 * the result is cut to FNAME_MAX bytes between two characters.
 * fallback (clean) when nothing is left. */
char *fname_clean(const char *s, size_t n, const char *fallback);

/* Cut s to at most max bytes, never inside a UTF-8 character. */
void fname_cut(char *s, size_t max);

/* "HEAD-TAIL" (allocated) in at most max bytes: when it is longer, HEAD
 * is cut first, but not below keep bytes (its first characters still
 * say what the name is of), then TAIL; both between two characters.
 * units/ID-UNIT.pdf: a long ID leaves the unit's name readable. */
char *fname_join(const char *head, const char *tail, size_t keep, size_t max);

#endif
