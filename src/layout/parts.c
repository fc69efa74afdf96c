/* parts.c — the list of placed parts (parts.h). */
#include "parts.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static Part *add(Parts *ps, PartKind kind, PartWhat what)
{
	ps->v = xgrow(ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
	Part *p = &ps->v[ps->n++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->what = what;
	p->anchor = -1;
	return p;
}

Part *parts_text(Parts *ps, PartWhat what, FontRole role, double size, double x, double y,
                 const char *text)
{
	Part *p = add(ps, PART_TEXT, what);
	p->role = role;
	p->size = size;
	p->x = x;
	p->y = y;
	p->text = xstrdup(text);
	return p;
}

Part *parts_rule(Parts *ps, PartWhat what, double x, double y, double x2, double y2,
                 double width, bool red)
{
	Part *p = add(ps, PART_RULE, what);
	p->x = x;
	p->y = y;
	p->x2 = x2;
	p->y2 = y2;
	p->w = width;
	p->red = red;
	return p;
}

Part *parts_seal(Parts *ps, PartWhat what, double x, double y, double w, double h)
{
	Part *p = add(ps, PART_SEAL, what);
	p->x = x;
	p->y = y;
	p->w = w;
	p->h = h;
	p->red = true;
	return p;
}

void parts_free(Parts *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->v[i].text);
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}
