/* paginate.c — the column of lines into pages of 22 grid lines.
 *
 * Lines fill the grid top to bottom.  Where a page must end, the break is
 * moved earlier when it would leave
 *   - a paragraph's last line alone at the top of the next page (widow),
 *   - a paragraph's first line alone at the bottom of a page (orphan),
 *   - a line marked keep_next (a heading, the 署名 chain) at a page end;
 * never earlier than the top of the page, so every move makes progress
 * and the work stays linear in practice.
 */
#include <stdlib.h>

#include "layout_int.h"
#include "util.h"

/* The line before which the page should end, given that line i does not
 * fit on the current page. */
static size_t break_point(const Column *col, size_t i)
{
	const Line *v = col->v;
	size_t b = i;
	const Line *l = &v[i];
	/* Widow: the last line of a paragraph would start the new page. */
	if (l->kind == LN_TEXT && l->para >= 0 && l->para_lines >= 2 &&
	    l->line_no == l->para_lines - 1 && b > 0 && v[b - 1].para == l->para) {
		b--;
		/* Taking one line down must not leave the first alone. */
		if (v[b].line_no == 1 && b > 0 && v[b - 1].para == l->para)
			b--;
	}
	/* Keep-with-next chains come along. */
	while (b > 0 && v[b - 1].keep_next)
		b--;
	return b;
}

int paginate(Column *col, const Geometry *g)
{
	if (col->n == 0)
		return 1;
	bool *forced = xcalloc(col->n, sizeof *forced);
	int page = 0, slot = col->first_slot, page_top = col->first_slot;
	size_t first_on_page = 0;
	size_t i = 0;
	while (i < col->n) {
		Line *l = &col->v[i];
		bool newpage = forced[i] || (l->break_before && slot > page_top);
		bool fits = slot + l->slots <= g->lines;
		/* Orphan: a paragraph's first line on the page's last line. */
		bool orphan = l->kind == LN_TEXT && l->para_lines >= 2 && l->line_no == 0 &&
		              slot + 1 == g->lines;
		if (!newpage && (!fits || orphan) && i > first_on_page) {
			size_t b = orphan ? i : break_point(col, i);
			if (b > first_on_page && b < i) {
				forced[b] = true;
				slot = col->v[b].slot;
				i = b;
				continue;
			}
			newpage = true;
		} else if (!newpage && !fits) {
			newpage = slot > page_top; /* a row taller than a page */
		}
		if (newpage && slot > page_top) {
			page++;
			slot = page_top = 0;
			first_on_page = i;
		}
		/* A blank line is not carried to the top of a page. */
		if (l->kind == LN_BLANK && slot == page_top && page > 0) {
			l->page = page;
			l->slot = -1;
			i++;
			continue;
		}
		l->page = page;
		l->slot = slot;
		slot += l->slots;
		i++;
	}
	free(forced);
	return page + 1;
}
