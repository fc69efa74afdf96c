/* ctrl.c — control characters; see ctrl.h. */
#include "ctrl.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

bool char_bidi_control(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

bool char_control(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	return cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || char_bidi_control(cp);
}

void ctrl_visible_add(Buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		int k = c < 0x80 ? 1 : utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0) {
			/* A byte of broken UTF-8 (a file name can hold any) is
			 * left for the writer: JSON makes it U+FFFD, SARIF
			 * percent-encodes it. */
			buf_add(out, s + i, 1);
			i++;
			continue;
		}
		if (char_control(cp)) {
			char u[16];
			snprintf(u, sizeof u, "<U+%04X>", (unsigned)cp);
			buf_puts(out, u);
		} else {
			buf_add(out, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
}

char *ctrl_visible(const char *s)
{
	Buf b = {0};
	ctrl_visible_add(&b, s);
	buf_cstr(&b); /* "" for an empty s */
	return b.s;
}
