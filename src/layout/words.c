/* words.c — word boundaries for the line breakers, from friso; see
 * words.h. */
#include "words.h"

#include <friso.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "script.h"
#include "util.h"

#define DICT_DIR "/usr/share/friso/dict/UTF-8/"
#define QUOTE_MAX 12 /* characters of a “…” phrase kept whole */

/* 公文 terms friso cuts or does not know; each is kept whole. */
static const char *const TERMS[] = {
	"实施方案", "工作方案", "行动方案", "工作要点", "考核办法", "评分细则", "评分标准",
	"申报表", "汇总表", "登记表", "推荐表", "审批表", "统计表", "台账",
	"党组织", "党支部", "党总支", "机关党委", "党工委", "党组", "党建",
	"委员会", "工作委员会", "领导小组", "办公室", "直属机关", "市直机关",
	"先锋队", "示范岗", "示范点", "责任区", "五星级", "四星级", "三星级",
	"模范机关", "创建活动", "主题教育", "专项整治", "高质量发展", "全面从严治党",
	"党风廉政", "意识形态", "三会一课", "主题党日", "考核评价", "督促检查",
	"盖章",
};

static friso_t fr;
static friso_config_t cfg;
static bool tried, loaded;

/* friso's word lexicons (lex-main.lex, lex-chars.lex and the others of
 * __LEX_CJK_WORDS__: 185,000 words, 2.7 MB) take ~60 ms to load whole,
 * more than laying out a notice.  They are read into memory instead, one
 * after another in friso.lex.ini's order, their lines bucketed by their
 * first character, and a word goes into friso's dictionary only when a
 * run to segment contains its first character — all friso can match
 * there, so the words found are the same.  The other lexicons (units,
 * names, stop words, …) are small and loaded as friso.lex.ini lists
 * them. */
static struct {
	Buf text;          /* the files, lines NUL-terminated */
	uint32_t *line;    /* offsets of the lines, grouped by first character */
	uint32_t *first;   /* [cp]: start of cp's group in line; [cp + 1]: its end */
	uint8_t *done;     /* [cp]: its words are in the dictionary */
} lex;

/* The first character of a line as a BMP code point (0 for anything
 * else); n is the line's length. */
static uint32_t first_cp_n(const char *l, size_t n)
{
	uint32_t cp;
	int k = n ? utf8_decode((const unsigned char *)l, n < 4 ? n : 4, &cp) : 0;
	return k > 0 && cp < 0x10000 ? cp : 0;
}

static uint32_t first_cp(const char *l)
{
	return first_cp_n(l, strnlen(l, 4));
}

/* Append a word lexicon's lines to lex.text (the first file read is
 * taken as it is, not copied: it is lex-main.lex, 2.4 MB). */
static void lex_read(const char *path)
{
	size_t len;
	char *t = read_file(path, 64u << 20, &len);
	if (!t)
		return;
	if (!lex.text.s) {
		lex.text = (Buf){t, len, len + 1}; /* read_file NUL-terminates */
		t = NULL;
	} else {
		buf_add(&lex.text, t, len);
	}
	if (len && lex.text.s[lex.text.len - 1] != '\n')
		buf_putc(&lex.text, '\n');
	free(t);
}

/* The first character of the line at l (e its end) as first_cp_n
 * gives it, the common case — three bytes, a BMP ideograph — decoded
 * here: this runs for each of 185,000 lines. */
static uint32_t line_cp(const char *l, const char *e)
{
	const unsigned char *u = (const unsigned char *)l;
	if (e - l >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		uint32_t cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
			      (u[2] & 0x3F);
		return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
	}
	return first_cp_n(l, (size_t)(e - l));
}

/* Bucket the lines read by their first character. */
static void lex_index(void)
{
	char *text = lex.text.s;
	size_t len = lex.text.len;
	if (!text)
		return;
	/* One pass: each line's start and first character; then the lines
	 * placed in groups by a counting sort, in file order within one.
	 * The lines of friso's lexicons average 13 bytes. */
	size_t n = 0, cap = len / 8 + 16;
	uint32_t *start = xmalloc(cap * sizeof *start);
	uint16_t *cp = xmalloc(cap * sizeof *cp);
	lex.first = xcalloc(0x10001, sizeof *lex.first);
	lex.done = xcalloc(0x10000, 1);
	const char *end = text + len;
	for (char *l = text; l < end;) {
		char *nl = memchr(l, '\n', (size_t)(end - l));
		char *e = nl ? nl : text + len;
		*e = '\0';
		if (n == cap) {
			cap *= 2;
			start = xrealloc(start, cap * sizeof *start);
			cp = xrealloc(cp, cap * sizeof *cp);
		}
		start[n] = (uint32_t)(l - text);
		cp[n] = (uint16_t)line_cp(l, e);
		lex.first[cp[n] + 1]++;
		n++;
		l = e + 1;
	}
	for (uint32_t c = 1; c <= 0x10000; c++)
		lex.first[c] += lex.first[c - 1];
	lex.line = xmalloc((n + 1) * sizeof *lex.line);
	uint32_t *at = xmalloc(0x10000 * sizeof *at);
	memcpy(at, lex.first, 0x10000 * sizeof *at);
	for (size_t i = 0; i < n; i++)
		lex.line[at[cp[i]]++] = start[i];
	free(at);
	free(start);
	free(cp);
}

/* Put the word lexicons' words that begin with cp into the dictionary,
 * as friso_dic_load would: the word before the first '/', its frequency
 * after the second, words longer than friso's maximum left out.  Later
 * lines first and a word already there kept, so that, as when loading
 * whole, a later line and a later lexicon file win. */
static void lex_add(uint32_t cp)
{
	if (!lex.line || cp >= 0x10000 || lex.done[cp])
		return;
	lex.done[cp] = 1;
	size_t limit = (size_t)cfg->max_len * 3;
	for (uint32_t i = lex.first[cp + 1]; i-- > lex.first[cp];) {
		const char *l = lex.text.s + lex.line[i];
		if (l[0] == '#' && l[1])
			continue;
		const char *slash = strchr(l, '/');
		size_t wl = slash ? (size_t)(slash - l) : strlen(l);
		if (wl == 0 || wl > limit)
			continue;
		char *word = xstrndup(l, wl);
		if (friso_dic_match(fr->dic, __LEX_CJK_WORDS__, word)) {
			free(word);
			continue;
		}
		unsigned fre = 0;
		const char *second = slash ? strchr(slash + 1, '/') : NULL;
		if (second)
			fre = (unsigned)atoi(second + 1);
		friso_dic_add_with_fre(fr->dic, __LEX_CJK_WORDS__, word, NULL, fre);
	}
}

static void lex_free(void)
{
	buf_free(&lex.text);
	free(lex.line);
	free(lex.first);
	free(lex.done);
	memset(&lex, 0, sizeof lex);
}

/* friso.lex.ini's sections and the lexicon type each loads. */
static const struct {
	const char *key;
	friso_lex_t type;
} lex_types[] = {
	{"__LEX_CJK_WORDS__", __LEX_CJK_WORDS__},   {"__LEX_CJK_UNITS__", __LEX_CJK_UNITS__},
	{"__LEX_ECM_WORDS__", __LEX_ECM_WORDS__},   {"__LEX_CEM_WORDS__", __LEX_CEM_WORDS__},
	{"__LEX_CN_LNAME__", __LEX_CN_LNAME__},     {"__LEX_CN_SNAME__", __LEX_CN_SNAME__},
	{"__LEX_CN_DNAME1__", __LEX_CN_DNAME1__},   {"__LEX_CN_DNAME2__", __LEX_CN_DNAME2__},
	{"__LEX_CN_LNA__", __LEX_CN_LNA__},         {"__LEX_STOPWORDS__", __LEX_STOPWORDS__},
	{"__LEX_ENPUN_WORDS__", __LEX_ENPUN_WORDS__}, {"__LEX_EN_WORDS__", __LEX_EN_WORDS__},
};

/* Load every lexicon friso.lex.ini lists: the word lexicons into
 * lex.text (above), the others into friso's dictionary. */
static void load_small_lexicons(const char *ini, size_t len)
{
	int type = -1;
	char *text = xstrndup(ini, len);
	for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
		l += strspn(l, " \t");
		if (l[0] == '#' || !l[0])
			continue;
		size_t n = strcspn(l, " \t:;[]\r");
		if (strchr(l, '[')) {
			type = -1;
			for (size_t k = 0; k < sizeof lex_types / sizeof *lex_types; k++)
				if (strlen(lex_types[k].key) == n && !strncmp(l, lex_types[k].key, n))
					type = (int)lex_types[k].type;
		} else if (l[0] == ']') {
			type = -1;
		} else if (type >= 0 && n > 0 && n < 200) {
			char *file = xstrndup(l, n);
			char *path = xasprintf("%s%s", DICT_DIR, file);
			if (type == __LEX_CJK_WORDS__)
				lex_read(path);
			else
				friso_dic_load(fr, cfg, (friso_lex_t)type, path, cfg->max_len * 3);
			free(path);
			free(file);
		}
	}
	free(text);
}

static bool load(void)
{
	if (tried)
		return loaded;
	tried = true;
	size_t len;
	char *ini = read_file(DICT_DIR "friso.lex.ini", 1u << 20, &len);
	if (!ini)
		return false;
	fr = friso_new();
	cfg = friso_new_config();
	if (!fr || !cfg) {
		free(ini);
		return false;
	}
	friso_init_config(cfg);
	fr->charset = FRISO_UTF8;
	fr->dic = friso_dic_new();
	friso_set_mode(cfg, __FRISO_COMPLEX_MODE__);
	cfg->add_syn = 0;   /* no synonyms: one token per place */
	cfg->r_name = 0;    /* no guessed personal names */
	cfg->clr_stw = 0;
	cfg->keep_urec = 1;
	load_small_lexicons(ini, len);
	lex_index();
	free(ini);
	loaded = true;
	return true;
}

bool words_available(void)
{
	return load();
}

static void seg_free(void);

void words_cleanup(void)
{
	if (cfg)
		friso_free_config(cfg);
	if (fr)
		friso_free(fr);
	fr = NULL;
	cfg = NULL;
	lex_free();
	seg_free();
	tried = loaded = false;
}

static bool ideograph(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Glue the characters of s[a..b) after its first. */
static void glue_span(const char *s, size_t a, size_t b, uint8_t *glue)
{
	for (size_t k = a + 1; k < b; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			glue[k] = 1;
}

/* Byte offsets of the characters of s[0..len), and len at the end;
 * returns the count. */
static size_t char_offsets(const char *s, size_t len, size_t *off)
{
	size_t n = 0;
	for (size_t k = 0; k < len;) {
		uint32_t cp;
		int m = utf8_decode((const unsigned char *)s + k, len - k, &cp);
		off[n++] = k;
		k += m > 0 ? (size_t)m : 1;
	}
	off[n] = len;
	return n;
}

/* friso over one run of ideographs s[a..b).  Traditional characters are
 * looked up in their simplified form when the conversion keeps the
 * number of characters (it maps character to character); a run all in
 * GB 2312 is simplified already. */
static void segment_now(const char *s, size_t a, size_t b, uint8_t *glue)
{
	char *run = script_simplified(s + a, b - a);
	size_t rl = strlen(run);
	size_t *ro = xmalloc((rl + 1) * sizeof *ro), *so = xmalloc((b - a + 1) * sizeof *so);
	size_t rn = char_offsets(run, rl, ro), sn = char_offsets(s + a, b - a, so);
	if (rn != sn) {
		free(run);
		run = xstrndup(s + a, b - a);
		rl = b - a;
		memcpy(ro, so, (sn + 1) * sizeof *ro);
	}
	/* The main lexicon's words that can match in this run. */
	for (size_t k = 0; k < rn; k++)
		lex_add(first_cp(run + ro[k]));
	friso_task_t task = friso_new_task();
	friso_set_text(task, run);
	friso_token_t tok;
	size_t ci = 0; /* character index of the token's start */
	while ((tok = cfg->next_token(fr, cfg, task)) != NULL) {
		if (tok->offset < 0)
			continue;
		size_t off = (size_t)tok->offset, end = off + tok->rlen;
		if (end > rl)
			continue;
		while (ci < sn && ro[ci] < off)
			ci++;
		for (size_t k = ci + 1; k < sn && ro[k] < end; k++)
			glue[a + so[k]] = 1;
	}
	friso_free_task(task);
	free(ro);
	free(so);
	free(run);
}

/* The glue of the last runs segmented, by their bytes.  A form drawn
 * once per unit, or the headings and labels of a batch of notices,
 * segment the same runs again and again, and what friso finds in a run
 * depends on the run alone (the words it can match there are loaded
 * before it segments, lex_add).  Direct-mapped on a hash of the run;
 * at most SEG_KEPT runs of at most WORDS_MAX_RUN bytes. */
enum { SEG_KEPT = 256 };
static struct {
	char *run;
	uint8_t *glue; /* of its bytes, as segment_now set it */
	size_t len;
} seg_kept[SEG_KEPT];

static void seg_free(void)
{
	for (size_t k = 0; k < SEG_KEPT; k++) {
		free(seg_kept[k].run);
		free(seg_kept[k].glue);
		seg_kept[k].run = NULL;
		seg_kept[k].glue = NULL;
		seg_kept[k].len = 0;
	}
}

static void segment(const char *s, size_t a, size_t b, uint8_t *glue)
{
	if (b - a < 6 || b - a > WORDS_MAX_RUN || !load())
		return;
	size_t n = b - a;
	size_t h = (size_t)(hash_bytes(HASH_INIT, s + a, n) % SEG_KEPT);
	if (seg_kept[h].run && seg_kept[h].len == n && memcmp(seg_kept[h].run, s + a, n) == 0) {
		for (size_t k = 0; k < n; k++)
			glue[a + k] |= seg_kept[h].glue[k];
		return;
	}
	uint8_t *g = xcalloc(n, 1);
	segment_now(s + a, 0, n, g);
	for (size_t k = 0; k < n; k++)
		glue[a + k] |= g[k];
	free(seg_kept[h].run);
	free(seg_kept[h].glue);
	seg_kept[h].run = xstrndup(s + a, n);
	seg_kept[h].glue = g;
	seg_kept[h].len = n;
}

static void keep_phrase(const char *s, size_t len, const char *w, uint8_t *glue)
{
	size_t n = strlen(w);
	if (n == 0 || n > len)
		return;
	for (size_t k = 0; k + n <= len; k++)
		if (memcmp(s + k, w, n) == 0)
			glue_span(s, k, k + n, glue);
}

/* One of 4,096 buckets for the three bytes at s. */
static unsigned head_bucket(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	return ((u[0] * 131u + u[1]) * 131u + u[2]) & 4095u;
}

void words_glue(const char *s, size_t len, const char *const *keep, size_t nkeep,
                uint8_t *glue)
{
	memset(glue, 0, len);
	/* friso, run by run of ideographs. */
	size_t run = 0, k = 0;
	bool in = false;
	const char *open = NULL;
	size_t open_at = 0, open_chars = 0;
	while (k < len) {
		uint32_t cp;
		int n = utf8_decode((const unsigned char *)s + k, len - k, &cp);
		if (n <= 0) {
			cp = 0xFFFD;
			n = 1;
		}
		bool id = ideograph(cp);
		if (id && !in) {
			run = k;
			in = true;
		} else if (!id && in) {
			segment(s, run, k, glue);
			in = false;
		}
		/* “…” phrases of a few characters. */
		if (cp == 0x201C) {
			open = s + k;
			open_at = k + (size_t)n;
			open_chars = 0;
		} else if (cp == 0x201D && open) {
			if (open_chars >= 2 && open_chars <= QUOTE_MAX)
				glue_span(s, open_at, k, glue);
			open = NULL;
		} else if (open) {
			open_chars++;
		}
		k += (size_t)n;
	}
	if (in)
		segment(s, run, len, glue);
	/* The terms and names kept whole are many (every unit of a plan,
	 * for its title): each is looked for only when the text holds its
	 * first three bytes somewhere, which a bit per (hashed) three bytes
	 * of the text says at once. */
	uint64_t heads[64] = {0};
	for (size_t k = 0; k + 2 < len; k++) {
		unsigned h = head_bucket(s + k);
		heads[h >> 6] |= 1ull << (h & 63);
	}
	for (size_t i = 0; i < sizeof TERMS / sizeof *TERMS + nkeep; i++) {
		const char *w = i < sizeof TERMS / sizeof *TERMS ? TERMS[i] :
		                keep[i - sizeof TERMS / sizeof *TERMS];
		if (!w || !w[0])
			continue;
		if (w[1] && w[2]) {
			unsigned h = head_bucket(w);
			if (!(heads[h >> 6] >> (h & 63) & 1))
				continue;
		}
		keep_phrase(s, len, w, glue);
	}
}
