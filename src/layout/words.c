/* words.c — word boundaries for the line breakers, from friso; see
 * words.h. */
#include "words.h"

#include <fcntl.h>
#include <friso.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
 * more than laying out a notice.  They are mapped or read instead, one
 * after another in friso.lex.ini's order, their lines bucketed by their
 * first character, and a word goes into friso's dictionary only when a
 * run to segment contains its first character — all friso can match
 * there, so the words found are the same.  The other lexicons (units,
 * names, stop words, …) are small and loaded as friso.lex.ini lists
 * them. */
static struct {
	const char *map;   /* the first word lexicon (lex-main.lex), mapped */
	size_t map_len;
	Buf rest;          /* the others, read one after another */
	uint32_t *line;    /* offsets of the lines in map + rest, grouped by
	                      first character */
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

/* Map a lexicon file read-only: its pages come from the page cache as
 * they are read, where reading it would copy 2.4 MB into fresh memory
 * (600 page faults, a tenth of a fresh notice's time). */
static const char *map_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	void *m = MAP_FAILED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= 64u << 20)
		m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return NULL;
	*len = (size_t)st.st_size;
	return m;
}

/* Add a word lexicon's lines to the ones read (the first is mapped, the
 * others are small and read into lex.rest, each ending in a newline). */
static void lex_read(const char *path)
{
	if (!lex.map && !lex.rest.len) {
		lex.map = map_file(path, &lex.map_len);
		if (lex.map)
			return;
	}
	size_t len;
	char *t = read_file(path, 64u << 20, &len);
	if (!t)
		return;
	buf_add(&lex.rest, t, len);
	if (len && t[len - 1] != '\n')
		buf_putc(&lex.rest, '\n');
	free(t);
}

/* The line at offset off of map + rest, and its length (to the newline
 * or the end of the file). */
static const char *lex_line(uint32_t off, size_t *len)
{
	const char *l, *end;
	if (off < lex.map_len) {
		l = lex.map + off;
		end = lex.map + lex.map_len;
	} else {
		l = lex.rest.s + (off - lex.map_len);
		end = lex.rest.s + lex.rest.len;
	}
	const char *nl = memchr(l, '\n', (size_t)(end - l));
	*len = (size_t)((nl ? nl : end) - l);
	return l;
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

/* One pass over the lines of t[0..len), which start at offset base:
 * without lex.line, count each first character in lex.first[cp + 1];
 * with it, put each line's offset at lex.first[cp]++. */
static size_t lex_pass(const char *t, size_t len, uint32_t base)
{
	size_t n = 0;
	const char *end = t + len;
	for (const char *l = t; l < end; n++) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		const char *e = nl ? nl : end;
		uint32_t cp = line_cp(l, e);
		if (lex.line)
			lex.line[lex.first[cp]++] = base + (uint32_t)(l - t);
		else
			lex.first[cp + 1]++;
		l = e + 1;
	}
	return n;
}

/* Bucket the lines read by their first character: count them (a pass),
 * make the counts group starts, and place each line's offset in its
 * group (a second pass, in file order within a group).  Two passes
 * rather than keeping each line's start and character between them:
 * those 1.1 MB cost more in page faults than the second pass. */
static void lex_index(void)
{
	if (!lex.map && !lex.rest.s)
		return;
	lex.first = xcalloc(0x10001, sizeof *lex.first);
	lex.done = xcalloc(0x10000, 1);
	size_t n = lex_pass(lex.map, lex.map_len, 0);
	n += lex_pass(lex.rest.s, lex.rest.len, (uint32_t)lex.map_len);
	for (uint32_t c = 1; c <= 0x10000; c++)
		lex.first[c] += lex.first[c - 1];
	lex.line = xmalloc((n + 1) * sizeof *lex.line);
	lex_pass(lex.map, lex.map_len, 0);
	lex_pass(lex.rest.s, lex.rest.len, (uint32_t)lex.map_len);
	/* Placing moved each group's start to its end, the next one's start. */
	memmove(lex.first + 1, lex.first, 0x10000 * sizeof *lex.first);
	lex.first[0] = 0;
}

/* A number as atoi reads it, within l[0..len). */
static int number(const char *l, size_t len)
{
	size_t k = 0;
	while (k < len && (l[k] == ' ' || l[k] == '\t'))
		k++;
	bool neg = k < len && l[k] == '-';
	if (k < len && (l[k] == '-' || l[k] == '+'))
		k++;
	long v = 0;
	for (; k < len && l[k] >= '0' && l[k] <= '9' && v < 1000000000; k++)
		v = v * 10 + (l[k] - '0');
	return (int)(neg ? -v : v);
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
		size_t len;
		const char *l = lex_line(lex.line[i], &len);
		if (len > 1 && l[0] == '#')
			continue;
		const char *slash = memchr(l, '/', len);
		size_t wl = slash ? (size_t)(slash - l) : len;
		if (wl == 0 || wl > limit)
			continue;
		char *word = xstrndup(l, wl);
		if (friso_dic_match(fr->dic, __LEX_CJK_WORDS__, word)) {
			free(word);
			continue;
		}
		unsigned fre = 0;
		const char *after = slash ? slash + 1 : NULL;
		const char *second = after ? memchr(after, '/', len - (size_t)(after - l)) : NULL;
		if (second)
			fre = (unsigned)number(second + 1, len - (size_t)(second + 1 - l));
		friso_dic_add_with_fre(fr->dic, __LEX_CJK_WORDS__, word, NULL, fre);
	}
}

static void lex_free(void)
{
	if (lex.map)
		munmap((void *)lex.map, lex.map_len);
	buf_free(&lex.rest);
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
 * lex.map and lex.rest (above), the others into friso's dictionary. */
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
