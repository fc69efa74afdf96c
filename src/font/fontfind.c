/* fontfind.c — see fontfind.h. */
#include "fontfind.h"

#include <dirent.h>
#include "lazy_fc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "face.h"
#include "util.h"

struct FontDir {
	FcFontSet *set;
};

/* fontconfig 2.14 loses a few hundred bytes while parsing its XML
 * configuration, once per process; LeakSanitizer would fail every
 * sanitizer build that touches fonts.  Weak, so that a program with
 * suppressions of its own can replace this. */
__attribute__((weak)) const char *__lsan_default_suppressions(void);
__attribute__((weak)) const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static int state; /* 0 untried, 1 ready, -1 failed */

static bool fc_ready(void)
{
	if (state == 0)
		state = lazy_fc_load(NULL) && FcInit() ? 1 : -1;
	return state == 1;
}

/* Family names compare equal ignoring ASCII case and blanks, as
 * fontconfig itself compares them ("SimHei" = "simhei", "AR PL UMing CN"
 * = "ARPLUMingCN"). */
static bool same_family(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
		if (!x)
			return true;
		a++, b++;
	}
}

static bool has_family(FcPattern *p, const char *family)
{
	FcChar8 *f;
	for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &f) == FcResultMatch; i++)
		if (same_family((const char *)f, family))
			return true;
	return false;
}

static bool take_file(FcPattern *p, char **file, unsigned *index)
{
	FcChar8 *path;
	int idx = 0;
	if (FcPatternGetString(p, FC_FILE, 0, &path) != FcResultMatch)
		return false;
	if (FcPatternGetInteger(p, FC_INDEX, 0, &idx) != FcResultMatch || idx < 0)
		idx = 0;
	*file = xstrdup((const char *)path);
	/* The upper 16 bits of FC_INDEX select a variable-font instance;
	 * only the face number matters here. */
	*index = (unsigned)idx & 0xFFFFu;
	return true;
}

bool fontfind_system(const char *family, char **file, unsigned *index)
{
	if (!fc_ready())
		return false;
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	bool ok = m && has_family(m, family) && take_file(m, file, index);
	if (m)
		FcPatternDestroy(m);
	return ok;
}

static bool font_suffix(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return false;
	const char *ok[] = {".ttf", ".ttc", ".otf", ".otc"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (strcasecmp(dot, ok[i]) == 0)
			return true;
	return false;
}

FontDir *fontdir_open(const char *dir)
{
	if (!fc_ready())
		return NULL;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	/* Each file is queried directly rather than through a private
	 * FcConfig: a configuration without cache directories makes
	 * fontconfig complain on stderr, and a directory of a few fonts does
	 * not need a cache. */
	FcFontSet *set = FcFontSetCreate();
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !font_suffix(e->d_name))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		/* Not a font (a FIFO, a device, a huge file): left out before
		 * FreeType would read it; fonts.map naming it says why. */
		char *why = face_file_problem(path);
		if (why) {
			free(why);
			free(path);
			continue;
		}
		int count = 0;
		FcFreeTypeQueryAll((const FcChar8 *)path, (unsigned)-1, NULL, &count, set);
		free(path);
	}
	closedir(d);
	if (set->nfont == 0) {
		FcFontSetDestroy(set);
		return NULL;
	}
	FontDir *fd = xcalloc(1, sizeof *fd);
	fd->set = set;
	return fd;
}

bool fontdir_find(FontDir *fd, const char *family, char **file, unsigned *index)
{
	/* Of several files with the family, the first by name and face
	 * index wins, so the choice does not depend on directory order. */
	FcPattern *best = NULL;
	for (int i = 0; i < fd->set->nfont; i++) {
		FcPattern *p = fd->set->fonts[i];
		if (!has_family(p, family))
			continue;
		if (best) {
			FcChar8 *a, *b;
			int ia = 0, ib = 0;
			FcPatternGetString(p, FC_FILE, 0, &a);
			FcPatternGetString(best, FC_FILE, 0, &b);
			FcPatternGetInteger(p, FC_INDEX, 0, &ia);
			FcPatternGetInteger(best, FC_INDEX, 0, &ib);
			int c = strcmp((const char *)a, (const char *)b);
			if (c > 0 || (c == 0 && ia >= ib))
				continue;
		}
		best = p;
	}
	return best && take_file(best, file, index);
}

void fontdir_close(FontDir *fd)
{
	if (!fd)
		return;
	FcFontSetDestroy(fd->set);
	free(fd);
}

static void each(FcStrList *l, void (*dep)(void *ctx, const char *path), void *ctx)
{
	if (!l)
		return;
	FcChar8 *s;
	while ((s = FcStrListNext(l)) != NULL)
		dep(ctx, (const char *)s);
	FcStrListDone(l);
}

void fontfind_deps(void (*dep)(void *ctx, const char *path), void *ctx)
{
	if (state != 1)
		return;
	each(FcConfigGetConfigFiles(NULL), dep, ctx);
	each(FcConfigGetConfigDirs(NULL), dep, ctx);
	each(FcConfigGetFontDirs(NULL), dep, ctx);
}
