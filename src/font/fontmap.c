/* fontmap.c — see fontmap.h. */
#include "fontmap.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fontrole.h"
#include "util.h"
#include "i18n.h"

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *trim_end(const char *start, const char *end)
{
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	return end;
}

/* "file" or "file:N" into entry; false when N is not a number. */
static bool parse_file(const char *s, const char *end, FontMapEntry *e)
{
	const char *colon = NULL;
	for (const char *p = end; p > s; p--)
		if (p[-1] == ':') {
			colon = p - 1;
			break;
		}
	e->index = 0;
	/* Only a trailing ":digits" is a face index, so that odd file names
	 * with a colon elsewhere still work. */
	if (colon && colon + 1 < end) {
		bool digits = true;
		for (const char *p = colon + 1; p < end; p++)
			if (!isdigit((unsigned char)*p))
				digits = false;
		if (digits) {
			if (end - colon - 1 > 4)
				return false;
			e->index = (unsigned)strtoul(colon + 1, NULL, 10);
			end = trim_end(s, colon);
		}
	}
	if (end == s)
		return false;
	e->file = xstrndup(s, (size_t)(end - s));
	return true;
}

static bool parse_line(const char *p, const char *end, int line, FontMap *map,
		       char **err)
{
	const char *hash = memchr(p, '#', (size_t)(end - p));
	if (hash)
		end = hash;
	p = skip_space(p, end);
	end = trim_end(p, end);
	if (p == end)
		return true;
	const char *eq = memchr(p, '=', (size_t)(end - p));
	if (!eq) {
		*err = xasprintf(_("line %d: expected \"role = file[, file…]\""), line);
		return false;
	}
	char *key = xstrndup(p, (size_t)(trim_end(p, eq) - p));
	FontRole role;
	int r;
	if (strcmp(key, "fallback") == 0) {
		r = FONTMAP_FALLBACK;
	} else if (font_role_parse(key, &role)) {
		r = (int)role;
	} else {
		*err = xasprintf(_("line %d: unknown role \"%s\" (roles: title body "
				   "h1 h2 h3 h4 pagenum fallback)"), line, key);
		free(key);
		return false;
	}
	free(key);
	const char *v = eq + 1;
	for (;;) {
		v = skip_space(v, end);
		const char *comma = v;
		while (comma < end && *comma != ',')
			comma++;
		if (comma == end)
			comma = NULL;
		const char *item_end = trim_end(v, comma ? comma : end);
		FontMapEntry e = {.role = r, .line = line};
		if (!parse_file(v, item_end, &e)) {
			*err = xasprintf("line %d: %s", line, v == item_end
				? _("empty file name") : _("bad face index after ':'"));
			return false;
		}
		map->v = xgrow(map->v, &map->cap, map->n + 1, sizeof *map->v);
		map->v[map->n++] = e;
		if (!comma)
			return true;
		v = comma + 1;
	}
}

bool fontmap_parse(const char *text, size_t len, FontMap *map, char **err)
{
	const char *p = text, *end = text + len;
	/* A UTF-8 byte-order mark is what Windows editors write. */
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (int line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		if (!parse_line(p, le, line, map, err))
			return false;
		p = nl ? nl + 1 : end;
	}
	return true;
}

void fontmap_free(FontMap *map)
{
	for (size_t i = 0; i < map->n; i++)
		free(map->v[i].file);
	free(map->v);
	map->v = NULL;
	map->n = map->cap = 0;
}
