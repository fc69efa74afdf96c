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

/* Draw t from y on the current page on, a new page whenever the rows
 * need one (the header rows repeated), then tail when not NULL.  Returns
 * the y of the lowest rule or text on the last page. */
double att_table(AttCtx *c, Table *t, double y, const Tail *tail);

/* Each returns the y of the lowest thing drawn on its last page. */
double form_draw(AttCtx *c, const TplForm *f, const char *unit);
double ledger_draw(AttCtx *c, const TplTable *tt);
double scoresheet_draw(AttCtx *c, const TplTable *tt);

#endif
