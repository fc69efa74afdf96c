/* fname.c — the file-name cleaner; see fname.h. */
#include "fname.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ctrl.h"
#include "util.h"

static bool refused(uint32_t cp)
{
	if (cp < 0x20 || char_control(cp))
		return true;
	if (cp < 0x80)
		return strchr("/\\:*?\"<>|", (int)cp) != NULL;
	/* Line and paragraph separators break a name across lines in a
	 * listing or a shell, as a newline would. */
	return cp == 0x2028 || cp == 0x2029;
}

void fname_cut(char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return;
	/* Back off continuation bytes (10xxxxxx) to a character's start. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	s[max] = '\0';
}

char *fname_join(const char *head, const char *tail, size_t keep, size_t max)
{
	size_t hl = strlen(head), t = strlen(tail), h = hl;
	if (h + 1 + t > max) {
		/* Too long: the head gives way first, down to keep bytes; the
		 * tail (what tells names apart) has the rest. */
		size_t room = max > t + 1 ? max - t - 1 : 0;
		h = room > keep ? room : keep;
		if (h > max - 1)
			h = max - 1;
		if (h > hl)
			h = hl;
		while (h > 0 && ((unsigned char)head[h] & 0xc0) == 0x80)
			h--;
	}
	char *s = xasprintf("%.*s-%s", (int)h, head, tail);
	fname_cut(s, max);
	return s;
}

char *fname_clean(const char *s, size_t n, const char *fallback)
{
	Buf b = {0};
	for (size_t i = 0; i < n && b.len < FNAME_MAX;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k == 0 || refused(cp)) {
			buf_putc(&b, '_');
			i += k ? (size_t)k : 1;
			continue;
		}
		if (b.len + (size_t)k > FNAME_MAX)
			break;
		buf_add(&b, s + i, (size_t)k);
		i += (size_t)k;
	}
	if (b.len == 0)
		buf_puts(&b, fallback);
	buf_cstr(&b);
	if (b.s[0] == '.')
		b.s[0] = '_';
	return b.s;
}
