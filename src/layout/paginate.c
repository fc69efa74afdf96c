/* paginate.c — the column of lines into pages of 22 grid lines.
 *
 * Lines fill the grid top to bottom.  Where a page must end, the break is
 * moved earlier when it would leave
 *   - a paragraph's last line alone at the top of the next page (widow),
 *   - a paragraph's first line alone at the bottom of a page (orphan),
 *   - a line marked keep_next (a heading, the 署名 chain) at a page end,
 *   - a heading followed by fewer than two lines on its page;
 * never earlier than the top of the page, so every move makes progress
 * and the work stays linear in practice.
 */
#include <stdlib.h>

#include "layout_int.h"
#include "util.h"

static bool same_para(const Line *a, const Line *b)
{
	return a->kind == LN_TEXT && b->kind == LN_TEXT && a->para >= 0 && a->para == b->para;
}

/* The line before which the page should end, given that a page break is
 * wanted before line i.  The break moves up, one rule at a time, until
 * no rule objects or it reaches the page's first line: each move goes
 * one line up, so the work is at most the lines of one page per rule. */
static size_t break_point(const Column *col, size_t i, size_t first_on_page)
{
	const Line *v = col->v;
	size_t b = i;
	bool moved = true;
	while (moved && b > first_on_page) {
		moved = false;
		const Line *l = &v[b], *prev = &v[b - 1];
		if (l->para_lines >= 2 && l->line_no == l->para_lines - 1 && same_para(prev, l)) {
			b--;          /* widow: a paragraph's last line alone on top */
			moved = true;
		} else if (prev->para_lines >= 2 && prev->line_no == 0 && same_para(prev, l)) {
			b--;          /* orphan: its first line alone at the foot */
			moved = true;
		} else if (prev->keep_next) {
			b--;          /* a heading, the 署名 chain */
			moved = true;
		} else {
			/* A heading keeps at least two lines of what follows. */
			int after = 0;
			for (size_t k = b; k-- > first_on_page && after < 2;) {
				if (v[k].heading) {
					b = k;
					moved = true;
					break;
				}
				if (v[k].kind != LN_BLANK)
					after++;
			}
		}
	}
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
			size_t b = break_point(col, i, first_on_page);
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
