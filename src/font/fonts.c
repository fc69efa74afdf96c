/* fonts.c — see fonts.h. */
#include "fonts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fontcache.h"
#include "fontfind.h"
#include "fontmap.h"
#include "i18n.h"

/* Family names under which the faces GB/T 9704 asks for are installed
 * (Windows, macOS and 方正 spellings), most specific first. */
static const char *const title_families[] = {
	"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S",
	"FZXiaoBiaoSong-B05", "小标宋", NULL};
static const char *const body_families[] = {
	"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong",
	"华文仿宋", NULL};
static const char *const h1_families[] = {
	"黑体", "SimHei", "STHeiti", "华文黑体", NULL};
static const char *const h2_families[] = {
	"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", NULL};
static const char *const song_families[] = {
	"宋体", "SimSun", "STSong", "华文宋体", NULL};

/* A free Debian font: fontconfig family, package, and where Debian puts
 * it (used only when fontconfig does not know the family). */
typedef struct {
	const char *family, *package, *path;
	unsigned index;
} FreeFont;

static const FreeFont sung = {"AR PL SungtiL GB", "fonts-arphic-gbsn00lp",
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0};
static const FreeFont kai = {"AR PL KaitiM GB", "fonts-arphic-gkai00mp",
	"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", 0};
static const FreeFont zenhei = {"WenQuanYi Zen Hei", "fonts-wqy-zenhei",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0};
static const FreeFont uming = {"AR PL UMing CN", "fonts-arphic-uming",
	"/usr/share/fonts/truetype/arphic/uming.ttc", 0};
/* 楷体 with the traditional characters AR PL KaitiM GB lacks, so that a
 * traditional 楷体 heading stays 楷体 rather than mixing in UMing. */
static const FreeFont ukai = {"AR PL UKai CN", "fonts-arphic-ukai",
	"/usr/share/fonts/truetype/arphic/ukai.ttc", 0};

/* The style of each free face, for the substitution notes. */
static const struct {
	const char *family, *style;
} free_styles[] = {
	{"AR PL SungtiL GB", "宋体"}, {"AR PL KaitiM GB", "楷体"}, {"AR PL UKai CN", "楷体"},
	{"WenQuanYi Zen Hei", "黑体"}, {"AR PL UMing CN", "宋体"}, {"HanaMinA", "宋体"},
	{"HanaMinB", "宋体"},
};
/* 花園明朝 A and B: the CJK extensions beyond U+FFFF (𠮷 U+20BB7 and the
 * rare characters of people's names), which the other free fonts lack. */
static const FreeFont hanamin_a = {"HanaMinA", "fonts-hanazono",
	"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0};
static const FreeFont hanamin_b = {"HanaMinB", "fonts-hanazono",
	"/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0};

typedef struct {
	const char *const *families;
	const FreeFont *closest; /* Debian face nearest in style */
	FontRole map_as;         /* role whose fonts.map lines also apply */
} RoleSpec;

static const RoleSpec specs[ROLE_COUNT] = {
	[ROLE_TITLE] = {title_families, &sung, ROLE_TITLE},
	[ROLE_BODY] = {body_families, &sung, ROLE_BODY},
	[ROLE_H1] = {h1_families, &zenhei, ROLE_H1},
	[ROLE_H2] = {h2_families, &kai, ROLE_H2},
	[ROLE_H3] = {body_families, &sung, ROLE_BODY},
	[ROLE_H4] = {body_families, &sung, ROLE_BODY},
	[ROLE_PAGENUM] = {song_families, &sung, ROLE_PAGENUM},
};

typedef struct {
	Face *face;
	char *why;
} Link;

struct FontSet {
	Link *chain[ROLE_COUNT];
	size_t n[ROLE_COUNT], cap[ROLE_COUNT];
	char **notes;
	size_t nnotes, notes_cap;
	char *map_path; /* fonts.map that was read, or NULL */
};

static void note(FontSet *fs, char *msg)
{
	for (size_t i = 0; i < fs->nnotes; i++)
		if (strcmp(fs->notes[i], msg) == 0) {
			free(msg);
			return;
		}
	fs->notes = xgrow(fs->notes, &fs->notes_cap, fs->nnotes + 1, sizeof *fs->notes);
	fs->notes[fs->nnotes++] = msg;
}

/* Open path:index and append it to role's chain unless it is already
 * there.  why is taken over.  A face that cannot be used becomes a note,
 * or with at (a fonts.map line: "FILE:LINE"), the note that line gets. */
static void add_at(FontSet *fs, FontRole role, const char *path, unsigned index,
                   char *why, const char *at, const char *key)
{
	char *err = NULL;
	Face *f = face_open(path, index, &err);
	if (!f) {
		if (at)
			note(fs, xasprintf(_("%s: skipped (%s): %s; name a TrueType font file "
			                     "(.ttf, .ttc) there, or delete the line"), at, key, err));
		else
			note(fs, xasprintf(_("%s: skipped: %s"), why, err));
		free(err);
		free(why);
		return;
	}
	for (size_t i = 0; i < fs->n[role]; i++)
		if (fs->chain[role][i].face == f) {
			face_close(f);
			free(why);
			return;
		}
	fs->chain[role] = xgrow(fs->chain[role], &fs->cap[role], fs->n[role] + 1,
				sizeof(Link));
	fs->chain[role][fs->n[role]++] = (Link){f, why};
}

static void add(FontSet *fs, FontRole role, const char *path, unsigned index, char *why)
{
	add_at(fs, role, path, index, why, NULL, NULL);
}

static char *join_dir(const char *dir, const char *file)
{
	if (file[0] == '/' || !dir)
		return xstrdup(file);
	return xasprintf("%s/%s", dir, file);
}

static void add_mapped(FontSet *fs, FontRole role, const FontMap *map,
		       const char *dir, int key)
{
	for (size_t i = 0; i < map->n; i++) {
		const FontMapEntry *e = &map->v[i];
		if (e->role != key)
			continue;
		char *path = join_dir(dir, e->file);
		const char *name = key == FONTMAP_FALLBACK ? "fallback"
		                                           : font_role_name((FontRole)key);
		char *at = xasprintf("%s:%d", fs->map_path, e->line);
		add_at(fs, role, path, e->index, xasprintf("fonts.map line %d (%s)", e->line, name),
		       at, name);
		free(at);
		free(path);
	}
}

static void add_free_font(FontSet *fs, FontRole role, const FreeFont *ff,
			  const char *kind)
{
	char *file;
	unsigned index;
	if (fontfind_system(ff->family, &file, &index)) {
		add(fs, role, file, index, xasprintf("%s: fontconfig family \"%s\" (%s)",
						     kind, ff->family, ff->package));
		free(file);
		return;
	}
	struct stat st;
	if (stat(ff->path, &st) == 0)
		add(fs, role, ff->path, ff->index,
		    xasprintf("%s: %s at its Debian path", kind, ff->package));
	else
		note(fs, xasprintf(_("%s (%s) is not installed: run scripts/deps.sh"),
				   ff->family, ff->package));
}

static void resolve(FontSet *fs, FontRole role, const FontMap *map,
		    const char *dir, FontDir *fdir)
{
	const RoleSpec *s = &specs[role];
	if (map) {
		if (role != s->map_as)
			add_mapped(fs, role, map, dir, (int)role);
		add_mapped(fs, role, map, dir, (int)s->map_as);
		add_mapped(fs, role, map, dir, FONTMAP_FALLBACK);
	}
	size_t before = fs->n[role];
	for (const char *const *fam = s->families; *fam; fam++) {
		char *file;
		unsigned index;
		if (fdir && fontdir_find(fdir, *fam, &file, &index)) {
			add(fs, role, file, index,
			    xasprintf("fonts directory, family \"%s\"", *fam));
			free(file);
		}
		if (fontfind_system(*fam, &file, &index)) {
			add(fs, role, file, index, xasprintf("fontconfig family \"%s\"", *fam));
			free(file);
		}
	}
	if (fs->n[role] == before && role == s->map_as) {
		Buf b = {0};
		for (const char *const *fam = s->families; *fam; fam++)
			buf_printf(&b, "%s%s", fam == s->families ? "" : ", ", *fam);
		note(fs, xasprintf(_("%s: no font of the families %s is installed"),
				   font_role_name(role), b.s));
		buf_free(&b);
	}
	add_free_font(fs, role, s->closest, "Debian fallback");
	/* Fallbacks by style first, then by coverage: a 楷体 role takes the
	 * traditional characters from UKai before UMing. */
	if (s->closest == &kai)
		add_free_font(fs, role, &ukai, "Debian fallback, same style");
	add_free_font(fs, role, &uming, "full-coverage fallback");
	add_free_font(fs, role, &zenhei, "full-coverage fallback");
	add_free_font(fs, role, &hanamin_a, "CJK extension fallback");
	add_free_font(fs, role, &hanamin_b, "CJK extension fallback");
}

/* The FontSet a cache entry describes (fontcache.h). */
static FontSet *from_cache(const FontCacheEntry *e)
{
	FontSet *fs = xcalloc(1, sizeof *fs);
	for (size_t i = 0; i < e->nlinks; i++) {
		const FontCacheLink *l = &e->links[i];
		if (l->role >= 0 && l->role < ROLE_COUNT)
			add(fs, (FontRole)l->role, l->path, l->index, xstrdup(l->why));
	}
	for (size_t i = 0; i < e->nnotes; i++)
		note(fs, xstrdup(e->notes[i]));
	fs->map_path = e->map_path ? xstrdup(e->map_path) : NULL;
	return fs;
}

static void to_cache(const FontSet *fs, const char *fonts_dir)
{
	FontCacheEntry e = {0};
	for (int r = 0; r < ROLE_COUNT; r++)
		for (size_t i = 0; i < fs->n[r]; i++)
			fontcache_add_link(&e, r, face_path(fs->chain[r][i].face),
			                   face_index(fs->chain[r][i].face), fs->chain[r][i].why);
	for (size_t i = 0; i < fs->nnotes; i++)
		fontcache_add_note(&e, fs->notes[i]);
	e.map_path = fs->map_path ? xstrdup(fs->map_path) : NULL;
	fontcache_write(fonts_dir, &e);
	fontcache_entry_free(&e);
}

FontSet *fontset_new(const char *fonts_dir, char **err)
{
	FontCacheEntry cached;
	if (fontcache_read(fonts_dir, &cached)) {
		FontSet *fs = from_cache(&cached);
		fontcache_entry_free(&cached);
		return fs;
	}
	FontSet *fs = xcalloc(1, sizeof *fs);
	FontMap map = {0};
	bool have_map = false;
	if (fonts_dir) {
		char *path = xasprintf("%s/fonts.map", fonts_dir);
		size_t len;
		char *text = read_file(path, 1 << 20, &len);
		if (text) {
			char *perr = NULL;
			if (!fontmap_parse(text, len, &map, &perr)) {
				*err = xasprintf("%s: %s", path, perr);
				free(perr);
				free(text);
				free(path);
				fontmap_free(&map);
				fontset_free(fs);
				return NULL;
			}
			free(text);
			/* A file the map names must be there: a typo would
			 * otherwise go unnoticed behind a fallback. */
			for (size_t i = 0; i < map.n; i++) {
				char *file = join_dir(fonts_dir, map.v[i].file);
				struct stat st;
				if (stat(file, &st) != 0) {
					*err = xasprintf("%s第%d行：找不到字体文件“%s”；把该字体文件放入%s，"
					                 "或改正文件名（见fonts/README.md）",
					                 path, map.v[i].line, file, fonts_dir);
					free(file);
					free(path);
					fontmap_free(&map);
					fontset_free(fs);
					return NULL;
				}
				free(file);
			}
			fs->map_path = path;
			have_map = true;
		} else if (errno != ENOENT) {
			*err = xasprintf("%s: %s", path, read_strerror(errno));
			free(path);
			fontset_free(fs);
			return NULL;
		} else {
			free(path);
		}
	}
	FontDir *fdir = fonts_dir ? fontdir_open(fonts_dir) : NULL;
	for (int r = 0; r < ROLE_COUNT; r++)
		resolve(fs, (FontRole)r, have_map ? &map : NULL, fonts_dir, fdir);
	fontdir_close(fdir);
	fontmap_free(&map);
	to_cache(fs, fonts_dir);
	return fs;
}

void fontset_free(FontSet *fs)
{
	if (!fs)
		return;
	for (int r = 0; r < ROLE_COUNT; r++) {
		for (size_t i = 0; i < fs->n[r]; i++) {
			face_close(fs->chain[r][i].face);
			free(fs->chain[r][i].why);
		}
		free(fs->chain[r]);
	}
	for (size_t i = 0; i < fs->nnotes; i++)
		free(fs->notes[i]);
	free(fs->notes);
	free(fs->map_path);
	free(fs);
}

const Face *fontset_lookup(const FontSet *fs, FontRole role, uint32_t cp,
			   uint32_t *gid)
{
	if (role >= ROLE_COUNT)
		return NULL;
	for (size_t i = 0; i < fs->n[role]; i++)
		if (face_glyph(fs->chain[role][i].face, cp, gid))
			return fs->chain[role][i].face;
	return NULL;
}

uint32_t fontset_first_missing(const FontSet *fs, FontRole role,
			       const char *utf8, size_t len, size_t *offset)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp, gid;
		int n = utf8_decode((const unsigned char *)utf8 + i, len - i, &cp);
		if (n == 0 || !fontset_lookup(fs, role, cp, &gid)) {
			if (offset)
				*offset = i;
			return n == 0 ? 0xFFFD : cp;
		}
		i += (size_t)n;
	}
	return 0;
}

size_t fontset_chain_len(const FontSet *fs, FontRole role)
{
	return role < ROLE_COUNT ? fs->n[role] : 0;
}

const Face *fontset_chain_face(const FontSet *fs, FontRole role, size_t i,
			       const char **why)
{
	if (role >= ROLE_COUNT || i >= fs->n[role])
		return NULL;
	if (why)
		*why = fs->chain[role][i].why;
	return fs->chain[role][i].face;
}

double fontset_text_width(const FontSet *fs, FontRole role, double size,
			  const char *utf8, size_t len, double char_spacing)
{
	double w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp, gid;
		int n = utf8_decode((const unsigned char *)utf8 + i, len - i, &cp);
		const Face *f = n ? fontset_lookup(fs, role, cp, &gid) : NULL;
		int milli = f ? face_advance(f, gid) : 1000;
		w += milli * size / 1000.0 + char_spacing;
		i += n ? (size_t)n : 1;
	}
	return w;
}

bool fontset_substitute(const FontSet *fs, FontRole role, const char **family,
                        const char **style)
{
	if (role >= ROLE_COUNT || fs->n[role] == 0)
		return false;
	const Link *l = &fs->chain[role][0];
	if (strncmp(l->why, "fonts.map", 9) == 0 || strncmp(l->why, "fontconfig family", 17) == 0 ||
	    strncmp(l->why, "fonts directory", 15) == 0)
		return false;
	*family = face_family(l->face);
	*style = "?";
	for (size_t i = 0; i < sizeof free_styles / sizeof *free_styles; i++)
		if (*family && strcmp(*family, free_styles[i].family) == 0)
			*style = free_styles[i].style;
	if (!*family)
		*family = face_path(l->face);
	return true;
}

void fontset_describe(const FontSet *fs, Buf *out)
{
	if (fs->map_path)
		buf_printf(out, _("mapping file: %s\n"), fs->map_path);
	else
		buf_puts(out, _("mapping file: none\n"));
	const char *cpath, *cstate = fontcache_state(&cpath);
	if (cstate)
		buf_printf(out, _("font cache: %s (%s)\n"), cpath ? cpath : _("none"), _(cstate));
	for (int r = 0; r < ROLE_COUNT; r++) {
		buf_printf(out, "%s:\n", font_role_name(r));
		if (fs->n[r] == 0)
			buf_puts(out, _("  (no usable font)\n"));
		for (size_t i = 0; i < fs->n[r]; i++) {
			const Link *l = &fs->chain[r][i];
			buf_printf(out, "  %zu. %s face %u \"%s\" — %s\n", i + 1,
				   face_path(l->face), face_index(l->face),
				   face_family(l->face), l->why);
		}
	}
	if (fs->nnotes) {
		buf_puts(out, _("notes:\n"));
		for (size_t i = 0; i < fs->nnotes; i++)
			buf_printf(out, "  %s\n", fs->notes[i]);
	}
}

void fontset_warn_skipped(const FontSet *fs, FILE *f)
{
	/* The notes of fonts.map lines ("MAP:LINE: skipped …", add_at),
	 * each once per process, so that each round of `fangan watch` does
	 * not say it again. */
	size_t n = fs->map_path ? strlen(fs->map_path) : 0;
	for (size_t i = 0; n && i < fs->nnotes; i++) {
		const char *m = fs->notes[i];
		if (strncmp(m, fs->map_path, n) == 0 && m[n] == ':' && m[n + 1] >= '0' &&
		    m[n + 1] <= '9' && first_time(m))
			fprintf(f, "fangan: %s\n", m);
	}
}
