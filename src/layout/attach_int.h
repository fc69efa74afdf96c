/* attach_int.h — what form.c, ledger.c and scoresheet.c (each turns an
 * attachment into a Table, table.h, and draws it on a Sheet, sheet.h)
 * share through attctx.c, and their draw functions, which attach.c calls
 * through the table of attachment kinds (attkinds.def). */
#ifndef FANGAN_ATTACH_INT_H
#define FANGAN_ATTACH_INT_H

#include "attach.h"
#include "sheet.h"
#include "table.h"
#include "template.h"
#include "typeset.h"

/* What attach_draw_keep keeps (attach.h).  Lengths in pt. */
struct AttShape {
	bool landscape;       /* on landscape pages (§8) */
	bool numbered;        /* its pages have numbers (sheet_finish) */
	double width;         /* the 版心's width on those pages */
	char *title;          /* the title with "\n" at the layout's breaks, or NULL */
	TplFont title_font;
	/* forms: the 填报单位 … 填报日期 line above the table, when shown */
	const char *filler_left; /* with "\n" at the layout's breaks (strs) */
	const char *filler_date; /* borrowed (template) */
	TplFont filler_font;
	double filler_pitch;  /* between its lines */
	double filler_mid;    /* its first line's middle below the 版心's top */
	size_t filler_lines;  /* lines, the date's own included */
	bool filler_date_alone; /* the date on a line of its own */
	double table_top;     /* the table's top rule below the 版心's top,
	                         on its first page */
	Table table;          /* columns, rows and cells, measured */
	size_t *starts;       /* the first body row of each page, then nrows */
	size_t npages;
	/* score sheets: the rating bands under the table */
	char *tail;
	TplFont tail_font;
	double tail_pitch, tail_gap, tail_indent;
	size_t tail_lines;
	char **strs;          /* strings the cells borrow */
	size_t nstrs;
};

typedef struct {
	Sheet sheet;
	const Plan *p;
	const Attachment *a;
	const char *label;
	Diags *d;
	bool ok;              /* no character was missing */
	double reserve;       /* pt a form leaves free at its page's foot
	                         when it can (Flow.reserve) */
	char **strs;          /* strings made for cells (numbers, dates) */
	size_t nstrs, cap;
	AttShape *keep;       /* what to keep, or NULL (attach_draw_keep) */
} AttCtx;

/* Keep s (allocated) until the attachment is drawn; returns it. */
const char *att_keep(AttCtx *c, char *s);

/* The first page with the label and the title in font; returns the y of
 * the title's bottom. */
double att_heading(AttCtx *c, TplFont title);

/* Text under a table: lines of a paragraph, left-aligned to the table. */
typedef struct {
	TsRun run;
	TsPara para;
	double size, pitch;
	double gap;           /* between the table and the first line */
} Tail;

/* Keep the form's 填报单位 line: left (the unit's text) as para broke it,
 * lines pitch pt apart, the first one's middle at y mid; alone: the date
 * went on a line of its own. */
void att_keep_filler(AttCtx *c, const char *left, const TsPara *para, const char *date,
                     TplFont font, double pitch, bool alone, double mid);

/* Draw t from y on the current page on, a new page whenever the rows
 * need one (the header rows repeated), then tail when not NULL.  Returns
 * the y of the lowest rule or text on the last page.  When c->keep, t is
 * moved there (and left empty) and the tail's text copied. */
double att_table(AttCtx *c, Table *t, double y, const Tail *tail);

/* Each returns the y of the lowest thing drawn on its last page. */
double form_draw(AttCtx *c, const TplForm *f, const char *unit);
double ledger_draw(AttCtx *c, const TplTable *tt);
double scoresheet_draw(AttCtx *c, const TplTable *tt);

#endif
