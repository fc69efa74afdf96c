/* xmlpos.c — see xmlpos.h.  One pass over the text, counting lines and
 * characters, skipping comments, processing instructions, CDATA, end
 * tags and quoted attribute values. */
#include "xmlpos.h"

#include <string.h>

typedef struct {
	const char *s;
	size_t i, n;
	int line, col;
} Scan;

static void step(Scan *c)
{
	unsigned char b = (unsigned char)c->s[c->i++];
	if (b == '\n')
		c->line++, c->col = 1;
	else if ((b & 0xC0) != 0x80) /* not a UTF-8 continuation byte */
		c->col++;
}

static bool at(const Scan *c, const char *lit)
{
	size_t k = strlen(lit);
	return c->n - c->i >= k && !memcmp(c->s + c->i, lit, k);
}

/* Past the next occurrence of lit (or to the end). */
static void skip_past(Scan *c, const char *lit)
{
	while (c->i < c->n && !at(c, lit))
		step(c);
	for (size_t k = strlen(lit); k && c->i < c->n; k--)
		step(c);
}

static bool space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static bool name_end(char ch)
{
	return space(ch) || ch == '=' || ch == '>' || ch == '/' || ch == '\'' || ch == '"';
}

/* In a start tag after its '<': through its name and attributes to its
 * '>'.  With want set, stop at the attribute named want (true). */
static bool tag(Scan *c, const char *want)
{
	while (c->i < c->n && !name_end(c->s[c->i]))
		step(c);
	while (c->i < c->n) {
		char ch = c->s[c->i];
		if (ch == '>') {
			step(c);
			return false;
		}
		if (ch == '"' || ch == '\'') {
			step(c);
			while (c->i < c->n && c->s[c->i] != ch)
				step(c);
			if (c->i < c->n)
				step(c);
			continue;
		}
		if (space(ch) || ch == '=' || ch == '/') {
			step(c);
			continue;
		}
		size_t start = c->i, wl = want ? strlen(want) : 0;
		if (want && c->n - start > wl && !memcmp(c->s + start, want, wl) &&
		    name_end(c->s[start + wl]))
			return true;
		while (c->i < c->n && !name_end(c->s[c->i]))
			step(c);
	}
	return false;
}

bool xmlpos_find(const char *buf, size_t len, size_t index, const char *attr, int *line,
                 int *col)
{
	Scan c = {buf, 0, len, 1, 1};
	if (at(&c, "\xEF\xBB\xBF")) /* a byte-order mark is no character */
		c.i = 3;
	size_t k = 0;
	while (c.i < c.n) {
		if (c.s[c.i] != '<') {
			step(&c);
			continue;
		}
		if (at(&c, "<!--")) {
			skip_past(&c, "-->");
		} else if (at(&c, "<![CDATA[")) {
			skip_past(&c, "]]>");
		} else if (at(&c, "<?")) {
			skip_past(&c, "?>");
		} else if (at(&c, "</") || at(&c, "<!")) {
			skip_past(&c, ">");
		} else if (k++ == index) {
			*line = c.line;
			*col = c.col;
			step(&c);
			if (!attr)
				return true;
			if (!tag(&c, attr))
				return false;
			*line = c.line;
			*col = c.col;
			return true;
		} else {
			step(&c);
			tag(&c, NULL);
		}
	}
	return false;
}

size_t xmlpos_index(const xmlNode *n)
{
	/* Preorder: every element before n in the document, its ancestors
	 * included, each once. */
	size_t k = 0;
	for (const xmlNode *x = n; x && x->type == XML_ELEMENT_NODE; x = x->parent) {
		for (const xmlNode *s = x->prev; s; s = s->prev) {
			if (s->type != XML_ELEMENT_NODE)
				continue;
			/* s and everything under it. */
			const xmlNode *d = s;
			for (;;) {
				if (d->type == XML_ELEMENT_NODE)
					k++;
				if (d->children && d->type == XML_ELEMENT_NODE) {
					d = d->children;
					continue;
				}
				while (d != s && !d->next)
					d = d->parent;
				if (d == s)
					break;
				d = d->next;
			}
		}
		if (x->parent && x->parent->type == XML_ELEMENT_NODE)
			k++; /* the parent itself */
	}
	return k;
}
