/* headnum.c — see headnum.h. */
#include "headnum.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *const digits_cn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static int cn_digit(const char *s, size_t n, size_t *len)
{
	for (int i = 1; i <= 9; i++) {
		size_t l = strlen(digits_cn[i]);
		if (n >= l && memcmp(s, digits_cn[i], l) == 0) {
			*len = l;
			return i;
		}
	}
	return 0;
}

static bool starts(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	return n >= l && memcmp(s, lit, l) == 0;
}

size_t cn_numeral_parse(const char *s, size_t n, int *value)
{
	size_t i = 0, l;
	int tens = 0, ones = 0;
	int d = cn_digit(s, n, &l);
	if (d) {
		i += l;
		if (starts(s + i, n - i, "十")) {
			tens = d;
			i += strlen("十");
		} else {
			*value = d;
			return i;
		}
	} else if (starts(s, n, "十")) {
		tens = 1;
		i += strlen("十");
	} else {
		return 0;
	}
	d = cn_digit(s + i, n - i, &l);
	if (d) {
		ones = d;
		i += l;
	}
	*value = tens * 10 + ones;
	return i;
}

void cn_numeral(int v, char *out)
{
	if (v <= 0 || v > 99) {
		snprintf(out, 16, "%d", v);
		return;
	}
	out[0] = '\0';
	int t = v / 10, o = v % 10;
	if (t > 1)
		strcat(out, digits_cn[t]);
	if (t >= 1)
		strcat(out, "十");
	if (o)
		strcat(out, digits_cn[o]);
}

static size_t ar_digits(const char *s, size_t n, int *value)
{
	size_t i = 0;
	int v = 0;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	/* Full-width digits are common in pasted text. */
	if (i == 0) {
		while (i + 3 <= n && i < 12 && (unsigned char)s[i] == 0xEF &&
		       (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] >= 0x90 &&
		       (unsigned char)s[i + 2] <= 0x99) {
			v = v * 10 + ((unsigned char)s[i + 2] - 0x90);
			i += 3;
		}
	}
	*value = v;
	return i;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (starts(s + i, n - i, "\xE3\x80\x80")) /* U+3000 */
			i += 3;
		else
			break;
	}
	return i;
}

HeadNum headnum_parse(const char *s, size_t n)
{
	HeadNum h = {HN_NONE, 0, 0};
	int v;
	size_t l;
	const char *open[] = {"（", "("}, *close[] = {"）", ")"};
	for (int k = 0; k < 2; k++) {
		if (!starts(s, n, open[k]))
			continue;
		size_t i = strlen(open[k]);
		HeadNumStyle st = HN_CN_PAREN;
		l = cn_numeral_parse(s + i, n - i, &v);
		if (!l) {
			st = HN_AR_PAREN;
			l = ar_digits(s + i, n - i, &v);
		}
		if (!l || v == 0)
			continue;
		i += l;
		for (int c = 0; c < 2; c++)
			if (starts(s + i, n - i, close[c])) {
				h.style = st;
				h.value = v;
				h.len = skip_spaces(s, n, i + strlen(close[c]));
				return h;
			}
	}
	l = cn_numeral_parse(s, n, &v);
	if (l && starts(s + l, n - l, "、")) {
		h.style = HN_CN_DUN;
		h.value = v;
		h.len = skip_spaces(s, n, l + strlen("、"));
		return h;
	}
	l = ar_digits(s, n, &v);
	if (l && v > 0) {
		const char *seps[] = {"．", "、", "."};
		for (int k = 0; k < 3; k++)
			if (starts(s + l, n - l, seps[k])) {
				size_t after = l + strlen(seps[k]);
				/* "1.5倍" is a number, not a heading number. */
				if (k == 2 && after < n && s[after] >= '0' && s[after] <= '9')
					break;
				h.style = HN_AR_DOT;
				h.value = v;
				h.len = skip_spaces(s, n, after);
				return h;
			}
	}
	return h;
}

HeadNumStyle headnum_style_for_level(int level)
{
	switch (level) {
	case 1: return HN_CN_DUN;
	case 2: return HN_CN_PAREN;
	case 3: return HN_AR_DOT;
	case 4: return HN_AR_PAREN;
	}
	return HN_NONE;
}

int headnum_level_of_style(HeadNumStyle st)
{
	switch (st) {
	case HN_CN_DUN: return 1;
	case HN_CN_PAREN: return 2;
	case HN_AR_DOT: return 3;
	case HN_AR_PAREN: return 4;
	case HN_NONE: break;
	}
	return 0;
}

void headnum_format(HeadNumStyle st, int value, char *out)
{
	char cn[16];
	switch (st) {
	case HN_CN_DUN: cn_numeral(value, cn); snprintf(out, 32, "%s、", cn); break;
	case HN_CN_PAREN: cn_numeral(value, cn); snprintf(out, 32, "（%s）", cn); break;
	case HN_AR_DOT: snprintf(out, 32, "%d.", value); break;
	case HN_AR_PAREN: snprintf(out, 32, "（%d）", value); break;
	case HN_NONE: out[0] = '\0'; break;
	}
}
