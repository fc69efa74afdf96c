/* lazylib.h — shared libraries opened when a command first needs them.
 *
 * Loading a shared library costs start-up time in every process, used
 * or not: libzip (with libcrypto, for DOCX), libical (with ICU's i18n
 * library, for calendars), OpenCC (with marisa, for traditional text)
 * and fontconfig (only when the font cache cannot serve) took 3–4 ms of
 * a fresh 20 ms build of a notice.  So the binary is not linked with
 * them; each is opened with dlopen the first time it is needed, under
 * the soname the build found (the same library it was compiled against),
 * and its functions are looked up once.  The files using one include
 * its lazy_*.h header instead of the library's own, after which calls
 * are written as usual: the header turns each function name into the
 * pointer that was looked up.  Call the header's *_load before the first
 * call; it says in the user's language which Debian package is missing
 * when the library cannot be opened.
 */
#ifndef FANGAN_LAZYLIB_H
#define FANGAN_LAZYLIB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *soname;        /* "libzip.so.4" */
	const char *package;       /* the Debian package holding it */
	const char *const *names;  /* the functions looked up, n of them */
	size_t n;
	void *fns;                 /* n function pointers, in names' order */
	int state;                 /* 0 untried, 1 loaded, -1 failed */
	char *why;                 /* why it failed */
} LazyLib;

/* Open l (once) and look up its functions.  On failure returns false
 * and, when err is not NULL, sets *err (free it) to a message naming the
 * library and the package to install. */
bool lazylib_load(LazyLib *l, char **err);

/* One pointer member of a library's function table. */
#define LAZY_PTR(f) __typeof__(f) *f;
/* One entry of a library's name list. */
#define LAZY_NAME(f) #f,

/* In lazy_NAME.c: the table `table` of type Type for the functions
 * FUNCS(X) lists, and load(), which opens soname (package) once. */
#define LAZYLIB_DEFINE(Type, table, FUNCS, load, soname, package)                      \
	Type table;                                                                     \
	static const char *const table##_names[] = {FUNCS(LAZY_NAME)};                  \
	_Static_assert(sizeof table == sizeof table##_names / sizeof *table##_names *   \
	                                   sizeof(void (*)(void)),                      \
	               "one function pointer per name");                                \
	static LazyLib table##_lib = {soname, package, table##_names,                   \
	                              sizeof table##_names / sizeof *table##_names,     \
	                              &table, 0, NULL};                                 \
	bool load(char **err) { return lazylib_load(&table##_lib, err); }

#endif
