/* fontcache.c — see fontcache.h.
 *
 * The file, one record a line:
 *   fangan-fontcache 1
 *   key HASH                          what the entry is for (see key())
 *   dep SIZE MTIME_S MTIME_NS INO PATH   or   dep - PATH (missing)
 *   map PATH                          or   map -
 *   link ROLE INDEX PATH<TAB>WHY
 *   note TEXT
 *   end HASH                          FNV-1a of every byte before it
 */
#define _XOPEN_SOURCE 700 /* st_mtim */
#include "fontcache.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fontfind.h"
#include "hash.h"
#include "util.h"
#include "version.h"
#include "i18n.h"

#define FORMAT "fangan-fontcache 1"
#define MAX_CACHE (4u << 20)

static bool enabled = true;
static const char *state;
static char *last_path;

void fontcache_enable(bool on)
{
	enabled = on;
}

static void forget_path(void)
{
	free(last_path);
	last_path = NULL;
}

static void set_state(const char *s, const char *path)
{
	state = s;
	if (!last_path && path) {
		last_path = xstrdup(path);
		atexit(forget_path);
	}
}

const char *fontcache_state(const char **path)
{
	if (path)
		*path = last_path;
	return state;
}

/* What the entry is for: the fonts folder as named and as it really is,
 * this fangan, and the environment fontconfig reads. */
static uint64_t key(const char *fonts_dir)
{
	uint64_t h = hash_str(HASH_INIT, FORMAT);
	h = hash_str(h, FANGAN_VERSION);
	h = hash_str(h, fonts_dir);
	/* The notes kept are in the user's language (fonts.c): one entry
	 * per language. */
	h = hash_str(h, _("%s: skipped: %s"));
	char real[PATH_MAX];
	h = hash_str(h, fonts_dir && realpath(fonts_dir, real) ? real : NULL);
	static const char *const env[] = {"FONTCONFIG_FILE", "FONTCONFIG_PATH",
	                                  "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
	                                  "XDG_DATA_HOME", "XDG_DATA_DIRS", NULL};
	for (size_t i = 0; env[i]; i++)
		h = hash_str(h, getenv(env[i]));
	return h;
}

/* $XDG_CACHE_HOME/fangan/fonts-KEY, or under ~/.cache; NULL when
 * neither is set. */
static char *cache_file(uint64_t k)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (x && *x == '/')
		return xasprintf("%s/fangan/fonts-%016llx", x, (unsigned long long)k);
	if (home && *home == '/')
		return xasprintf("%s/.cache/fangan/fonts-%016llx", home, (unsigned long long)k);
	return NULL;
}

/* A dependency as recorded: "SIZE MTIME_S MTIME_NS INO" or "-". */
static void dep_id(const char *path, char *out, size_t n)
{
	struct stat st;
	if (stat(path, &st) != 0)
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%lld %lld %ld %llu", (long long)st.st_size,
		         (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
		         (unsigned long long)st.st_ino);
}

static bool plain(const char *s)
{
	return s && !strpbrk(s, "\n\t");
}

/* ---- reading ------------------------------------------------------------ */

static unsigned long long num(const char **p, bool *ok)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(*p, &end, 10);
	if (end == *p || errno || (*end != ' ' && *end != '\t'))
		*ok = false;
	*p = *end ? end + 1 : end;
	return v;
}

/* Parse text (NUL-terminated, lines in place); true when every line is
 * well-formed, the hash matches, the key is k and every dependency is
 * unchanged. */
static bool parse(char *text, size_t len, uint64_t k, FontCacheEntry *out)
{
	char *endl = NULL;
	/* The last line: "end HASH" over everything before it. */
	if (len < 2 || text[len - 1] != '\n')
		return false;
	text[len - 1] = '\0';
	endl = strrchr(text, '\n');
	if (!endl || strncmp(endl + 1, "end ", 4) != 0)
		return false;
	char want[32];
	snprintf(want, sizeof want, "%016llx",
	         (unsigned long long)hash_bytes(HASH_INIT, text, (size_t)(endl + 1 - text)));
	if (strcmp(endl + 5, want) != 0)
		return false;
	*endl = '\0';
	char kline[64];
	snprintf(kline, sizeof kline, FORMAT "\nkey %016llx\n", (unsigned long long)k);
	if (strncmp(text, kline, strlen(kline)) != 0)
		return false;
	bool ok = true, saw_map = false;
	for (char *l = text + strlen(kline); ok && l && *l;) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		if (!strncmp(l, "dep ", 4)) {
			const char *sp = strchr(l + 4, ' ');
			if (!strncmp(l + 4, "- ", 2))
				sp = l + 5;
			else
				for (int f = 0; f < 3 && sp; f++)
					sp = strchr(sp + 1, ' ');
			if (!sp) {
				ok = false;
				break;
			}
			char now[96];
			dep_id(sp + 1, now, sizeof now);
			ok = strlen(now) == (size_t)(sp - (l + 4)) && !strncmp(now, l + 4, strlen(now));
		} else if (!strncmp(l, "map ", 4)) {
			saw_map = true;
			free(out->map_path);
			out->map_path = strcmp(l + 4, "-") ? xstrdup(l + 4) : NULL;
		} else if (!strncmp(l, "link ", 5)) {
			const char *p = l + 5;
			unsigned long long role = num(&p, &ok), index = num(&p, &ok);
			const char *tab = strchr(p, '\t');
			if (!ok || !tab || role > 64 || index > 0xFFFF) {
				ok = false;
				break;
			}
			char *path = xstrndup(p, (size_t)(tab - p));
			fontcache_add_link(out, (int)role, path, (unsigned)index, tab + 1);
			free(path);
		} else if (!strncmp(l, "note ", 5)) {
			fontcache_add_note(out, l + 5);
		} else {
			ok = false;
		}
		l = nl ? nl + 1 : NULL;
	}
	return ok && saw_map && out->nlinks > 0;
}

bool fontcache_read(const char *fonts_dir, FontCacheEntry *out)
{
	memset(out, 0, sizeof *out);
	if (!enabled) {
		set_state(N_("off"), NULL);
		return false;
	}
	char *path = cache_file(key(fonts_dir));
	if (!path)
		return false;
	size_t len;
	char *text = read_file(path, MAX_CACHE, &len);
	bool ok = text && parse(text, len, key(fonts_dir), out);
	free(text);
	if (ok)
		set_state(N_("used"), path);
	else
		fontcache_entry_free(out);
	free(path);
	return ok;
}

/* ---- writing ------------------------------------------------------------ */

typedef struct {
	Buf *b;
	bool ok;
} Deps;

static void add_dep(void *ctx, const char *path)
{
	Deps *d = ctx;
	if (!path || !plain(path)) {
		d->ok = false;
		return;
	}
	char id[96];
	dep_id(path, id, sizeof id);
	buf_printf(d->b, "dep %s %s\n", id, path);
}

static bool font_file(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcasecmp(dot, ".ttf") || !strcasecmp(dot, ".ttc") ||
	               !strcasecmp(dot, ".otf") || !strcasecmp(dot, ".otc"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fonts folder and every font file in it (fonts.h reads them all). */
static void fonts_dir_deps(Deps *d, const char *dir)
{
	add_dep(d, dir);
	char *map = xasprintf("%s/fonts.map", dir);
	add_dep(d, map);
	free(map);
	DIR *dh = opendir(dir);
	if (!dh)
		return;
	/* In name order, so that the file does not depend on the
	 * directory's order. */
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL)
		if (e->d_name[0] != '.' && font_file(e->d_name)) {
			names = xgrow(names, &cap, n + 1, sizeof *names);
			names[n++] = xasprintf("%s/%s", dir, e->d_name);
		}
	closedir(dh);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		add_dep(d, names[i]);
		free(names[i]);
	}
	free(names);
}

static bool mkdir_parents(const char *file)
{
	char *dir = xstrdup(file);
	for (char *s = dir + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			free(dir);
			return false;
		}
		*s = '/';
	}
	free(dir);
	return true;
}

void fontcache_write(const char *fonts_dir, const FontCacheEntry *e)
{
	if (!enabled)
		return;
	uint64_t k = key(fonts_dir);
	char *path = cache_file(k);
	if (!path)
		return;
	Buf b = {0};
	buf_printf(&b, FORMAT "\nkey %016llx\n", (unsigned long long)k);
	Deps d = {&b, true};
	add_dep(&d, "/proc/self/exe");
	if (fonts_dir)
		fonts_dir_deps(&d, fonts_dir);
	fontfind_deps(add_dep, &d);
	for (size_t i = 0; i < e->nlinks; i++)
		add_dep(&d, e->links[i].path);
	d.ok = d.ok && (!e->map_path || plain(e->map_path));
	buf_printf(&b, "map %s\n", e->map_path ? e->map_path : "-");
	for (size_t i = 0; i < e->nlinks; i++) {
		const FontCacheLink *l = &e->links[i];
		d.ok = d.ok && plain(l->why);
		buf_printf(&b, "link %d %u %s\t%s\n", l->role, l->index, l->path, l->why);
	}
	for (size_t i = 0; i < e->nnotes; i++) {
		d.ok = d.ok && plain(e->notes[i]);
		buf_printf(&b, "note %s\n", e->notes[i]);
	}
	buf_printf(&b, "end %016llx\n", (unsigned long long)hash_bytes(HASH_INIT, b.s, b.len));
	bool written = d.ok && b.len <= MAX_CACHE && mkdir_parents(path) &&
	               write_file_atomic(path, b.s, b.len);
	set_state(written ? N_("written") : N_("not written"), path);
	buf_free(&b);
	free(path);
}

/* ---- entries -------------------------------------------------------------- */

void fontcache_add_link(FontCacheEntry *e, int role, const char *path, unsigned index,
                        const char *why)
{
	e->links = xgrow(e->links, &e->caplinks, e->nlinks + 1, sizeof *e->links);
	e->links[e->nlinks++] = (FontCacheLink){role, xstrdup(path), index, xstrdup(why)};
}

void fontcache_add_note(FontCacheEntry *e, const char *note)
{
	e->notes = xgrow(e->notes, &e->capnotes, e->nnotes + 1, sizeof *e->notes);
	e->notes[e->nnotes++] = xstrdup(note);
}

void fontcache_entry_free(FontCacheEntry *e)
{
	for (size_t i = 0; i < e->nlinks; i++) {
		free(e->links[i].path);
		free(e->links[i].why);
	}
	free(e->links);
	for (size_t i = 0; i < e->nnotes; i++)
		free(e->notes[i]);
	free(e->notes);
	free(e->map_path);
	memset(e, 0, sizeof *e);
}
