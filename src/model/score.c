/* score.c — point values in tenths: read from text, written back. */
#include "score.h"

#include <stdio.h>
#include <string.h>

ScoreErr score_parse(const char *s, size_t n, bool unit, long *tenths)
{
	static const char fen[] = "分";
	size_t flen = sizeof fen - 1;
	if (unit && n >= flen && memcmp(s + n - flen, fen, flen) == 0)
		n -= flen;
	size_t i = 0;
	bool neg = false;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	/* The shape first: a bad character anywhere makes it not a number,
	 * however many digits come before. */
	size_t digits = 0, dots = 0;
	for (size_t k = i; k < n; k++) {
		if (s[k] >= '0' && s[k] <= '9')
			digits++;
		else if (s[k] == '.')
			dots++;
		else
			return SCORE_NOT_NUMBER;
	}
	if (digits == 0 || dots > 1)
		return SCORE_NOT_NUMBER;
	long v = 0;
	bool large = false;
	for (; i < n && s[i] != '.'; i++) {
		if (!large)
			v = v * 10 + (s[i] - '0');
		large |= v > SCORE_MAX_POINTS;
	}
	v *= 10;
	ScoreErr err = SCORE_OK;
	if (i < n) { /* the decimal point */
		i++;
		if (i < n)
			v += s[i++] - '0';
		for (; i < n; i++)
			if (s[i] != '0')
				err = SCORE_TOO_PRECISE;
	}
	if (large || v > SCORE_MAX_POINTS * 10)
		return SCORE_TOO_LARGE;
	*tenths = neg ? -v : v;
	return err;
}

long score_step(long step, long tenths)
{
	long want = tenths % 10 == 0 ? 10 : tenths % 5 == 0 ? 5 : 1;
	return want < step ? want : step;
}

char *score_str(char out[SCORE_STRLEN], long long tenths)
{
	/* The magnitude in unsigned arithmetic, so that LLONG_MIN is fine. */
	unsigned long long m = tenths < 0 ? 0ULL - (unsigned long long)tenths
	                                  : (unsigned long long)tenths;
	const char *sign = tenths < 0 ? "-" : "";
	if (m % 10)
		snprintf(out, SCORE_STRLEN, "%s%llu.%llu", sign, m / 10, m % 10);
	else
		snprintf(out, SCORE_STRLEN, "%s%llu", sign, m / 10);
	return out;
}
