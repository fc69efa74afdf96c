/* test_fonts.c — font resolution by role: fonts.map parsing, the mapping
 * winning over fontconfig, TrueType collections, fallback per character,
 * missing characters, refusal of CFF fonts, and one parse per file. */
#define _XOPEN_SOURCE 700 /* realpath, symlink */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fontfind.h"
#include "fontmap.h"
#include "fonts.h"
#include "testutil.h"

#define GBSN "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define GKAI "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/fangan-fonts-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void write_text(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	write_test_file(path, text);
	free(path);
}

static void link_font(const char *name, const char *target)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	unlink(path);
	assert_int_equal(symlink(target, path), 0);
	free(path);
}

static void copy_font(const char *name, const char *src)
{
	char *cmd = xasprintf("cp '%s' '%s/%s'", src, tmpdir, name);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static FontSet *load(void)
{
	char *err = NULL;
	FontSet *fs = fontset_new(tmpdir, &err);
	if (!fs)
		fail_msg("fontset_new: %s", err);
	return fs;
}

static void test_role_names(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE_COUNT; r++) {
		FontRole back;
		assert_true(font_role_parse(font_role_name((FontRole)r), &back));
		assert_int_equal(back, r);
	}
	FontRole x;
	assert_false(font_role_parse("footer", &x));
}

static void test_fontmap_parse(void **state)
{
	(void)state;
	const char *text = "\xEF\xBB\xBF# comment\n"
			   "body = simfang.ttf   # trailing comment\n"
			   "\n"
			   "title=FZXBSJW.TTF, uming.ttc:2 ,/abs/x.ttf\r\n"
			   "fallback = a:b.ttf\n";
	FontMap m = {0};
	char *err = NULL;
	assert_true(fontmap_parse(text, strlen(text), &m, &err));
	assert_int_equal(m.n, 5);
	assert_int_equal(m.v[0].role, ROLE_BODY);
	assert_string_equal(m.v[0].file, "simfang.ttf");
	assert_int_equal(m.v[0].line, 2);
	assert_int_equal(m.v[1].role, ROLE_TITLE);
	assert_string_equal(m.v[1].file, "FZXBSJW.TTF");
	assert_string_equal(m.v[2].file, "uming.ttc");
	assert_int_equal(m.v[2].index, 2);
	assert_string_equal(m.v[3].file, "/abs/x.ttf");
	assert_int_equal(m.v[3].line, 4);
	assert_int_equal(m.v[4].role, FONTMAP_FALLBACK);
	assert_string_equal(m.v[4].file, "a:b.ttf"); /* not a face index */
	fontmap_free(&m);

	const char *bad[] = {"body simfang.ttf\n", "footer = x.ttf\n",
			     "body = \n", "body = a.ttf,\n", "body = a.ttc:99999\n"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		FontMap m2 = {0};
		char *e = NULL;
		char *two = xasprintf("# ok\n%s", bad[i]);
		assert_false(fontmap_parse(two, strlen(two), &m2, &e));
		assert_non_null(strstr(e, "line 2"));
		free(e);
		free(two);
		fontmap_free(&m2);
	}
}

/* Without a fonts directory every role still ends in a full-coverage
 * face, and the Debian faces closest in style come first. */
static void test_default_chains(void **state)
{
	(void)state;
	char *err = NULL;
	FontSet *fs = fontset_new(NULL, &err);
	assert_non_null(fs);
	for (int r = 0; r < ROLE_COUNT; r++) {
		size_t n = fontset_chain_len(fs, (FontRole)r);
		assert_true(n >= 2);
		bool full = false;
		for (size_t i = 0; i < n; i++) {
			const char *fam = face_family(fontset_chain_face(fs, (FontRole)r, i, NULL));
			full |= strcmp(fam, "AR PL UMing CN") == 0 ||
				strcmp(fam, "WenQuanYi Zen Hei") == 0;
		}
		assert_true(full);
	}
	const char *why;
	const Face *h2 = fontset_chain_face(fs, ROLE_H2, 0, &why);
	assert_string_equal(face_path(h2), GKAI);
	assert_non_null(strstr(why, "fontconfig family \"AR PL KaitiM GB\""));
	assert_string_equal(face_path(fontset_chain_face(fs, ROLE_BODY, 0, NULL)), GBSN);
	assert_string_equal(face_family(fontset_chain_face(fs, ROLE_H1, 0, NULL)),
			    "WenQuanYi Zen Hei");
	fontset_free(fs);
}

/* A mapped file wins over everything fontconfig offers; a face index
 * picks a face of a collection. */
static void test_mapping_wins(void **state)
{
	(void)state;
	copy_font("mybody.ttf", GKAI);
	link_font("coll.ttc", UMING);
	write_text("fonts.map", "# test mapping\n"
				"body = mybody.ttf\n"
				"h1 = coll.ttc:1\n"
				"title = nosuch.ttf, coll.ttc:9\n");
	/* A file that is not there is an error, at its line, in Chinese. */
	char *err = NULL;
	assert_null(fontset_new(tmpdir, &err));
	char *want = xasprintf("%s/fonts.map第4行：找不到字体文件“%s/nosuch.ttf”", tmpdir, tmpdir);
	assert_non_null(strstr(err, want));
	free(want);
	free(err);
	write_text("fonts.map", "# test mapping\n"
				"body = mybody.ttf\n"
				"h1 = coll.ttc:1\n"
				"title = coll.ttc:9\n");
	FontSet *fs = load();
	const char *why;
	const Face *f = fontset_chain_face(fs, ROLE_BODY, 0, &why);
	char *expect = xasprintf("%s/mybody.ttf", tmpdir);
	char *real = realpath(expect, NULL);
	assert_string_equal(face_path(f), real);
	assert_non_null(strstr(why, "fonts.map line 2"));
	uint32_t gid;
	assert_ptr_equal(fontset_lookup(fs, ROLE_BODY, 0x4E2D, &gid), f); /* 中 */
	/* h3/h4 follow the body mapping. */
	assert_ptr_equal(fontset_chain_face(fs, ROLE_H3, 0, NULL), f);

	const Face *h1 = fontset_chain_face(fs, ROLE_H1, 0, &why);
	assert_int_equal(face_index(h1), 1);
	assert_string_equal(face_path(h1), UMING);
	assert_string_equal(face_family(h1), "AR PL UMing HK");
	assert_non_null(strstr(why, "fonts.map line 3"));

	/* Unusable title files are skipped, and said so. */
	const Face *t = fontset_chain_face(fs, ROLE_TITLE, 0, NULL);
	assert_string_equal(face_path(t), GBSN);
	Buf d = {0};
	fontset_describe(fs, &d);
	assert_non_null(strstr(d.s, "face 9 does not exist"));
	assert_non_null(strstr(d.s, "h1:\n  1. " UMING " face 1 \"AR PL UMing HK\" — fonts.map line 3"));
	buf_free(&d);
	free(expect);
	free(real);
	fontset_free(fs);
	char *map = xasprintf("%s/fonts.map", tmpdir);
	unlink(map);
	free(map);
}

static void test_bad_mapping_file(void **state)
{
	(void)state;
	write_text("fonts.map", "body = a.ttf\nfooter = b.ttf\n");
	char *err = NULL;
	assert_null(fontset_new(tmpdir, &err));
	assert_non_null(strstr(err, "fonts.map: line 2: unknown role \"footer\""));
	free(err);
	char *map = xasprintf("%s/fonts.map", tmpdir);
	unlink(map);
	free(map);
}

/* A font dropped into the fonts directory without a mapping line is
 * found by its family name when that name is one a role asks for.  The
 * directory copy of gkai00mp is indexed under its own family, which no
 * role asks for, so the chains do not change. */
static void test_fonts_dir_without_map(void **state)
{
	(void)state;
	copy_font("kai.ttf", GKAI);
	FontDir *fd = fontdir_open(tmpdir);
	assert_non_null(fd);
	char *file = NULL;
	unsigned index = 7;
	assert_true(fontdir_find(fd, "ar pl kaitim gb", &file, &index));
	char *expect = xasprintf("%s/kai.ttf", tmpdir);
	assert_string_equal(file, expect);
	assert_int_equal(index, 0);
	free(file);
	free(expect);
	assert_false(fontdir_find(fd, "KaiTi", &file, &index));
	fontdir_close(fd);
	FontSet *fs = load();
	const char *why;
	fontset_chain_face(fs, ROLE_H2, 0, &why);
	assert_null(strstr(why, "fonts directory"));
	fontset_free(fs);
}

/* A copy of gkai00mp renamed "KaiTi" (the UTF-16 family name patched in
 * place, padded with blanks that fontconfig trims) is what a user's
 * simkai.ttf looks like to fangan: dropped into the fonts directory
 * without a mapping line, it serves h2. */
static void test_fonts_dir_family(void **state)
{
	(void)state;
	size_t len;
	char *font = read_file(GKAI, 16 << 20, &len);
	assert_non_null(font);
	const char *from = "AR PL KaitiM GB", *to = "KaiTi          ";
	char a[30], b[30];
	for (int i = 0; i < 15; i++) {
		a[2 * i] = b[2 * i] = 0;
		a[2 * i + 1] = from[i];
		b[2 * i + 1] = to[i];
	}
	int patched = 0;
	for (size_t i = 0; i + 30 <= len; i++)
		if (memcmp(font + i, a, 30) == 0) {
			memcpy(font + i, b, 30);
			patched++;
		}
	assert_true(patched > 0);
	char *path = xasprintf("%s/kaiti.ttf", tmpdir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(font, 1, len, f), len);
	fclose(f);
	FontSet *fs = load();
	const char *why;
	const Face *h2 = fontset_chain_face(fs, ROLE_H2, 0, &why);
	char *real = realpath(path, NULL);
	assert_string_equal(face_path(h2), real);
	assert_string_equal(why, "fonts directory, family \"KaiTi\"");
	/* Other roles are not affected. */
	assert_string_equal(face_path(fontset_chain_face(fs, ROLE_BODY, 0, NULL)), GBSN);
	fontset_free(fs);
	unlink(path);
	free(real);
	free(path);
	free(font);
}

/* The repository's fonts/fonts.map is all comments: it must parse and
 * change nothing. */
static void test_repository_example_map(void **state)
{
	(void)state;
	char *err = NULL;
	FontSet *fs = fontset_new("fonts", &err);
	if (!fs)
		fail_msg("fonts/fonts.map: %s", err);
	Buf d = {0};
	fontset_describe(fs, &d);
	assert_non_null(strstr(d.s, "mapping file: fonts/fonts.map\n"));
	assert_null(strstr(d.s, "fonts.map line"));
	assert_string_equal(face_path(fontset_chain_face(fs, ROLE_BODY, 0, NULL)), GBSN);
	buf_free(&d);
	fontset_free(fs);
}

/* A minimal OpenType file with CFF outlines: an sfnt header and a
 * 'CFF ' and a 'head' table of dummy bytes. */
static void write_cff_font(const char *name)
{
	unsigned char b[12 + 2 * 16 + 64] = {0};
	memcpy(b, "OTTO", 4);
	b[5] = 2; /* numTables */
	const char *tags[2] = {"CFF ", "head"};
	for (int i = 0; i < 2; i++) {
		unsigned char *r = b + 12 + 16 * i;
		memcpy(r, tags[i], 4);
		r[11] = (unsigned char)(44 + 32 * i); /* offset */
		r[15] = 32;                           /* length */
	}
	b[44 + 32 + 18] = 0x04; /* head.unitsPerEm = 1024 */
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(b, 1, sizeof b, f);
	fclose(f);
	free(path);
}

static void test_cff_refused(void **state)
{
	(void)state;
	write_cff_font("cff.otf");
	write_text("fonts.map", "body = cff.otf\n");
	FontSet *fs = load();
	Buf d = {0};
	fontset_describe(fs, &d);
	/* At its line of fonts.map, with what to do (build says the same). */
	char *at = xasprintf("  %s/fonts.map:1: skipped (body): ", tmpdir);
	assert_non_null(strstr(d.s, at));
	free(at);
	assert_non_null(strstr(d.s, "CFF (PostScript) outlines"));
	assert_non_null(strstr(d.s, "; name a TrueType font file (.ttf, .ttc) there, or delete the line\n"));
	assert_string_equal(face_path(fontset_chain_face(fs, ROLE_BODY, 0, NULL)), GBSN);
	buf_free(&d);
	fontset_free(fs);
	char *map = xasprintf("%s/fonts.map", tmpdir);
	unlink(map);
	free(map);
}

/* 體 and 爲 are not in the GB2312 font, so they come from the next face
 * of the chain instead of being a blank box. */
static void test_fallback_per_character(void **state)
{
	(void)state;
	char *err = NULL;
	FontSet *fs = fontset_new(NULL, &err);
	uint32_t gid;
	const Face *zhong = fontset_lookup(fs, ROLE_BODY, 0x4E2D, &gid);
	assert_string_equal(face_path(zhong), GBSN);
	const Face *ti = fontset_lookup(fs, ROLE_BODY, 0x9AD4, &gid); /* 體 */
	assert_non_null(ti);
	assert_string_equal(face_path(ti), UMING);
	assert_true(gid > 0);
	const Face *wei = fontset_lookup(fs, ROLE_BODY, 0x7232, &gid); /* 爲 */
	assert_non_null(wei);
	assert_string_not_equal(face_path(wei), GBSN);
	/* No installed font has U+20BB7 𠮷; U+20021 𠀡 (CJK Extension B) is in
	 * UMing and stands in for "a character beyond U+FFFF". */
	const Face *astral = fontset_lookup(fs, ROLE_TITLE, 0x20021, &gid);
	assert_non_null(astral);
	assert_string_equal(face_path(astral), UMING);
	fontset_free(fs);
}

static void test_missing_reported(void **state)
{
	(void)state;
	char *err = NULL;
	FontSet *fs = fontset_new(NULL, &err);
	uint32_t gid;
	assert_null(fontset_lookup(fs, ROLE_BODY, 0xE000, &gid));  /* private use */
	assert_null(fontset_lookup(fs, ROLE_BODY, 0x3FFF0, &gid)); /* unassigned */
	size_t off = 99;
	const char *s = "中文\xEE\x80\x80字";
	assert_int_equal(fontset_first_missing(fs, ROLE_BODY, s, strlen(s), &off), 0xE000);
	assert_int_equal(off, 6);
	const char *ok = "体體爲𠀡";
	assert_int_equal(fontset_first_missing(fs, ROLE_H1, ok, strlen(ok), &off), 0);
	const char *broken = "中\xC3";
	assert_int_equal(fontset_first_missing(fs, ROLE_BODY, broken, strlen(broken), &off),
			 0xFFFD);
	assert_int_equal(off, 3);
	fontset_free(fs);
}

static void test_advances(void **state)
{
	(void)state;
	char *err = NULL;
	FontSet *fs = fontset_new(NULL, &err);
	uint32_t g;
	const Face *f = fontset_lookup(fs, ROLE_BODY, 0x4E2D, &g);
	assert_int_equal(face_advance(f, g), 1000); /* ideographs are 1 em */
	f = fontset_lookup(fs, ROLE_BODY, 0x3001, &g);
	assert_int_equal(face_advance(f, g), 1000); /* 、 */
	/* Latin in WenQuanYi Zen Hei is proportional: i is narrower than M. */
	uint32_t gi, gm;
	const Face *h = fontset_lookup(fs, ROLE_H1, 'i', &gi);
	fontset_lookup(fs, ROLE_H1, 'M', &gm);
	assert_true(face_advance(h, gi) < face_advance(h, gm));
	assert_true(face_advance(h, gi) > 0);
	/* Width: 3 ideographs at 16 pt, 1 pt spacing after each. */
	assert_true(fontset_text_width(fs, ROLE_BODY, 16, "中文字", 9, 1) == 51.0);
	/* A missing character counts as one em. */
	assert_true(fontset_text_width(fs, ROLE_BODY, 10, "\xEE\x80\x80", 3, 0) == 10.0);
	fontset_free(fs);
}

/* Font files are mapped and parsed once per process, however many roles
 * and FontSets use them. */
static void test_faces_shared(void **state)
{
	(void)state;
	size_t before = face_cache_size();
	char *err = NULL;
	FontSet *a = fontset_new(NULL, &err);
	size_t one = face_cache_size();
	FontSet *b = fontset_new(NULL, &err);
	assert_int_equal(face_cache_size(), one);
	/* gbsn00lp serves title, body, h3, h4 and pagenum: one face. */
	assert_ptr_equal(fontset_chain_face(a, ROLE_TITLE, 0, NULL),
			 fontset_chain_face(b, ROLE_PAGENUM, 0, NULL));
	/* gbsn00lp, gkai00mp, ukai, uming, wqy-zenhei, HanaMinA, HanaMinB. */
	assert_int_equal(one - before, 7);
	fontset_free(a);
	fontset_free(b);
	assert_int_equal(face_cache_size(), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_fontmap_parse),
		cmocka_unit_test(test_default_chains),
		cmocka_unit_test(test_mapping_wins),
		cmocka_unit_test(test_bad_mapping_file),
		cmocka_unit_test(test_fonts_dir_without_map),
		cmocka_unit_test(test_fonts_dir_family),
		cmocka_unit_test(test_repository_example_map),
		cmocka_unit_test(test_cff_refused),
		cmocka_unit_test(test_fallback_per_character),
		cmocka_unit_test(test_missing_reported),
		cmocka_unit_test(test_advances),
		cmocka_unit_test(test_faces_shared),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
