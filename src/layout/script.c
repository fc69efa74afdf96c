/* script.c — OpenCC conversions and the plan's script; see script.h. */
#include "script.h"

#include <errno.h>
#include <iconv.h>
#include "lazy_opencc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static opencc_t cc[2];
static bool tried[2];

typedef struct {
	char *from, *to;
} Kept;
static Kept *kept;
static size_t nkept, capkept;

static opencc_t open_cc(Script to)
{
	if (!tried[to]) {
		tried[to] = true;
		if (!lazy_opencc_load(NULL)) {
			cc[to] = (opencc_t)-1;
			return NULL;
		}
		cc[to] = opencc_open(to == SCRIPT_SIMPLIFIED ? "t2s.json" : "s2t.json");
	}
	return cc[to] == (opencc_t)-1 ? NULL : cc[to];
}

char *script_convert(const char *s, size_t len, Script to)
{
	opencc_t o = open_cc(to);
	if (!o || len == 0)
		return xstrndup(s, len);
	char *r = opencc_convert_utf8(o, s, len);
	if (!r)
		return xstrndup(s, len);
	char *out = xstrdup(r);
	opencc_convert_utf8_free(r);
	return out;
}

/* Characters of s[0..len) that conv changes (by position, up to the
 * shorter length). */
static size_t changed(const char *s, size_t len, Script to)
{
	char *c = script_convert(s, len, to);
	size_t n = 0, i = 0, j = 0, lc = strlen(c);
	while (i < len && j < lc) {
		uint32_t a, b;
		int na = utf8_decode((const unsigned char *)s + i, len - i, &a);
		int nb = utf8_decode((const unsigned char *)c + j, lc - j, &b);
		if (na <= 0 || nb <= 0)
			break;
		n += a != b;
		i += (size_t)na;
		j += (size_t)nb;
	}
	free(c);
	return n;
}

/* At most max bytes of s, cut at a character boundary. */
static size_t sample(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

Script script_of_plan(const Plan *p)
{
	const char *parts[2] = {p->title.s, NULL};
	size_t lens[2] = {p->title.s ? strlen(p->title.s) : 0, 0};
	if (p->src && p->len > 0) {
		size_t body = p->body_line > 1 && (size_t)p->body_line - 1 < p->nlines
		            ? p->line_off[p->body_line - 1] : 0;
		if (body < p->len) {
			parts[1] = p->src + body;
			lens[1] = p->len - body;
		}
	}
	size_t to_s = 0, to_t = 0;
	for (int i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		size_t n = sample(parts[i], lens[i], SCRIPT_SAMPLE);
		to_s += changed(parts[i], n, SCRIPT_SIMPLIFIED);
		to_t += changed(parts[i], n, SCRIPT_TRADITIONAL);
	}
	return to_s > to_t ? SCRIPT_TRADITIONAL : SCRIPT_SIMPLIFIED;
}

const char *script_word(const char *simplified, Script to)
{
	if (to == SCRIPT_SIMPLIFIED)
		return simplified;
	for (size_t i = 0; i < nkept; i++)
		if (strcmp(kept[i].from, simplified) == 0)
			return kept[i].to;
	kept = xgrow(kept, &capkept, nkept + 1, sizeof *kept);
	kept[nkept].from = xstrdup(simplified);
	kept[nkept].to = script_convert(simplified, strlen(simplified), SCRIPT_TRADITIONAL);
	return kept[nkept++].to;
}

bool script_same(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return true;
	char *sa = script_convert(a, strlen(a), SCRIPT_SIMPLIFIED);
	char *sb = script_convert(b, strlen(b), SCRIPT_SIMPLIFIED);
	bool same = strcmp(sa, sb) == 0;
	free(sa);
	free(sb);
	return same;
}

/* Is s[0..len) all GB 2312 (simplified Chinese and ASCII)? */
static bool all_gb2312(const char *s, size_t len)
{
	iconv_t cd = iconv_open("GB2312", "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	char out[1024];
	char *in = (char *)s;
	size_t left = len;
	bool ok = true;
	while (left > 0) {
		char *o = out;
		size_t room = sizeof out;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			ok = false;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

char *script_simplified(const char *s, size_t len)
{
	return all_gb2312(s, len) ? xstrndup(s, len) : script_convert(s, len, SCRIPT_SIMPLIFIED);
}

static struct {
	const char *src;
	size_t len;
	uint64_t hash;
	Script script;
	bool set;
} last;

static uint64_t hash_head(const Plan *p)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; p->src && i < p->len && i < 512; i++)
		h = (h ^ (unsigned char)p->src[i]) * 1099511628211ULL;
	return h;
}

Script script_plan(const Plan *p)
{
	uint64_t h = hash_head(p);
	if (last.set && last.src == p->src && last.len == p->len && last.hash == h)
		return last.script;
	Script sc = SCRIPT_SIMPLIFIED;
	size_t n = p->src ? sample(p->src, p->len, 2 * SCRIPT_SAMPLE) : 0;
	if (n && !all_gb2312(p->src, n))
		sc = script_of_plan(p);
	last.src = p->src;
	last.len = p->len;
	last.hash = h;
	last.script = sc;
	last.set = true;
	return sc;
}

const char *script_text(const Plan *p, const char *simplified)
{
	return script_word(simplified, script_plan(p));
}

void script_cleanup(void)
{
	for (int i = 0; i < 2; i++) {
		if (tried[i] && cc[i] != (opencc_t)-1)
			opencc_close(cc[i]);
		tried[i] = false;
	}
	for (size_t i = 0; i < nkept; i++) {
		free(kept[i].from);
		free(kept[i].to);
	}
	free(kept);
	kept = NULL;
	nkept = capkept = 0;
}
