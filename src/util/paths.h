/* paths.h — where fangan finds its data files (templates, the fonts map).
 *
 * A data folder is one of "templates" or "fonts".  Its candidates are
 * searched in this order, and the first that has a file wins, so that an
 * office's own files override the installed ones one file at a time:
 *
 *   1. SUB/ next to the plan being processed (DIR/SUB for DIR/NAME.md);
 *   2. ./SUB in the current directory;
 *   3. the installed data dir's SUB/ (see paths_datadir).
 *
 * The installed data dir is $FANGAN_DATADIR when that is set and not
 * empty; otherwise the folder compiled in (PREFIX/share/fangan, from the
 * Makefile) when it exists; otherwise ../share/fangan beside the running
 * binary when that binary sits in a bin/ folder, so that an install
 * staged with DESTDIR or moved as a whole tree still finds its data.
 */
#ifndef FANGAN_PATHS_H
#define FANGAN_PATHS_H

#include <stddef.h>

/* The installed data dir, newly allocated.  Never NULL: when no candidate
 * exists it is the compiled-in folder, so messages can say where the data
 * was expected. */
char *paths_datadir(void);

/* The candidate folders for sub ("templates", "fonts") that exist, in
 * search order, without duplicates (two spellings of one folder count
 * once).  plan may be NULL when no plan is involved.  Returns how many
 * were stored in out (at most max); each is newly allocated. */
size_t paths_search(const char *sub, const char *plan, char **out, size_t max);

/* The first file sub/name along the search order, newly allocated, or
 * NULL when none has it.  name must be a plain relative name (no "..");
 * NULL is returned for anything else. */
char *paths_find(const char *sub, const char *name, const char *plan);

/* Open rel (a plain relative name: not absolute, no "..", no empty
 * component) below the folder base for reading, one component at a time
 * relative to the folder opened before it, each with O_NOFOLLOW: nothing
 * is checked by name first and opened later.  base itself is followed
 * (the user named it).  Returns the descriptor of a regular file
 * (O_NONBLOCK, close-on-exec), or -1 with errno: ESYMLINK when a component
 * below base is a symbolic link, ENOTREG for a FIFO, device or socket,
 * EINVAL for a name that is not plain, else open's. */
int paths_open_beneath(const char *base, const char *rel);

/* paths_find, opened: sub/name along the search order, each candidate
 * opened with paths_open_beneath below its base (the plan's folder, the
 * current one, the data dir).  The first candidate that has sub/name at
 * all decides: a symlinked sub/ or file there is refused (ESYMLINK), not
 * passed over.  Returns the descriptor and stores the path in *path
 * (newly allocated; also on failure, then naming what was refused), or
 * -1 with errno (ENOENT when no candidate has it, *path NULL). */
int paths_open(const char *sub, const char *name, const char *plan, char **path);

/* The folder part of path ("." when there is none, "/" for a file
 * in the root), newly allocated. */
char *paths_dir_of(const char *path);

/* The folder of the running binary (/proc/self/exe, Linux's), newly
 * allocated; NULL where it cannot be read. */
char *paths_exe_dir(void);

#endif
