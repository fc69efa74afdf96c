/* layout_int.h — the column of lines shared by compose, paginate, draw.
 *
 * compose.c makes a Column: every line of the document body in reading
 * order, each taking one or more slots of the page grid.  paginate.c
 * gives each line a page and a slot.  draw.c puts them on the pages.
 */
#ifndef FANGAN_LAYOUT_INT_H
#define FANGAN_LAYOUT_INT_H

#include "attach.h"
#include "layout.h"
#include "parts.h"
#include "typeset.h"

typedef enum {
	LN_TEXT,    /* one typeset line */
	LN_BLANK,   /* an empty slot (空一行) */
	LN_ROW,     /* a table row: several cells of typeset lines */
} LineKind;

typedef struct {
	double x, w;         /* the cell, pt from the 版心's left edge */
	TsRun *runs;         /* borrowed from the Column's paragraph store */
	size_t nruns;
	TsPara para;         /* owned */
	double size;
	bool header;
} Cell;

typedef struct {
	LineKind kind;
	int slots;            /* grid lines taken */
	/* LN_TEXT */
	const TsRun *runs;    /* borrowed */
	TsLine line;          /* borrowed from the paragraph's TsPara */
	double x;             /* left end of the line, pt from the 版心 left */
	double size;          /* font size */
	bool red;
	/* LN_ROW */
	Cell *cells;
	size_t ncells;
	bool row_first, row_last; /* first / last row of its table */
	/* pagination */
	int para;             /* paragraph id; -1 for none */
	int line_no, para_lines;
	bool keep_next;       /* never end a page after this line */
	bool heading;         /* a heading: at least two lines follow it on its page */
	bool break_before;    /* start a new page here */
	bool no_widow;        /* part of a paragraph under widow control */
	/* set by paginate */
	int page, slot;
} Line;

/* A paragraph's runs and lines, kept alive while the Lines borrow them. */
typedef struct {
	TsRun *runs;
	size_t nruns;
	char **strings;       /* texts made by the composer (numbers, dates) */
	size_t nstrings;
	TsPara para;
	TsStyle style;        /* how it was set: alignment, indents (the DOCX
	                         writer takes them from here) */
} ParaStore;

typedef struct {
	Line *v;
	size_t n, cap;
	ParaStore *paras;
	size_t nparas, capparas;
	int first_slot;       /* page 1's first free slot, below the 版头 */
	bool failed;          /* a glyph was missing */
} Column;

/* The 版记 (§7.4): rows of one line pitch each, up from the 版心's
 * bottom edge, each line centred between the rules around its row.  A
 * long 抄送 wraps with its next lines under the first name (after
 * “抄送：”), a long 印发机关 beside the 印发日期. */
typedef struct {
	char *cc;             /* "抄送：甲，乙。" or NULL */
	char *printer;        /* 印发机关 */
	char *printed;        /* "2020年3月2日印发" */
	TsRun cc_run, printer_run;
	TsPara cc_para, printer_para; /* their lines, x from the 版心's left */
	double printed_x;     /* left end of printed, pt from the 版心's left */
	bool present;
	bool plain;           /* 信函 (§10.1): no rules */
	int slots;            /* rows (grid lines) it needs at the page bottom */
} Record;

/* compose.c: the body (without attachments), and a text attachment as
 * a column of its own under label ("附件2"). */
void compose(const Plan *p, const FontSet *fs, const Geometry *g,
             Column *col, Parts *parts, Record *rec, Diags *d);
void compose_text_attachment(const Plan *p, size_t i, const char *label, const FontSet *fs,
                             const Geometry *g, Column *col, Diags *d);
void column_free(Column *col);
/* The first place in p (its body, or a text attachment's file: the
 * path returned) where cp is drawn with face, found by composing again;
 * NULL when cp is drawn elsewhere (a form, a ledger, the 版头). */
const char *compose_find(const Plan *p, const FontSet *fs, const Geometry *g, const Face *face,
                         uint32_t cp, Pos *pos);

/* A glyph-missing finding at pos for the first character of s that no
 * font of role has; false when there was one. */
bool layout_glyphs_ok(const FontSet *fs, FontRole role, const char *s, const char *path,
                      Pos pos, Diags *d);

/* head.c: the 版头 of p's format into parts (page 0); returns the first
 * grid line left for the title.  *ok is false when a glyph is missing. */
int head_compose(const Plan *p, const FontSet *fs, const Geometry *g, Parts *ps, Diags *d,
                 bool *ok);
/* sign.c: the signature block into parts, placed as if the last line of
 * text were grid line 0; returns how many grid lines it takes after it. */
int sign_compose(const Plan *p, const FontSet *fs, const Geometry *g, Parts *ps, Diags *d,
                 bool *ok);
/* Move the parts anchored to a column line onto that line's page and
 * grid line (after paginate). */
void parts_anchor(Parts *ps, const Column *col, const Geometry *g);
void record_free(Record *r);

/* paginate.c: returns the number of pages. */
int paginate(Column *col, const Geometry *g);

/* Where the 版记 goes (draw_record_last and the DOCX writer): on the
 * last page, on the next page, or on the page after a blank one. */
typedef enum { RECORD_NONE, RECORD_LAST_PAGE, RECORD_NEXT_PAGE, RECORD_AFTER_BLANK } RecordPlace;
RecordPlace record_place(const Geometry *g, const Record *rec, int pages, int last_used);

/* What layout_plan_keep keeps for another back end (layout.h). */
struct Composed {
	Column col;           /* the body, paginated */
	Parts parts;          /* 版头 and signature block, placed (parts.h) */
	Record rec;
	int pages;            /* pages before the 版记's own, attachments included */
	int last_used;        /* the last grid line taken on the last of them */
	RecordPlace record;
	AttShape **att;       /* each attachment's, as attach_draw_keep kept it */
	size_t natt;
};

/* draw.c: the column's pages, numbered from first_number, with the
 * placed parts of each page when parts is not NULL; returns the last grid line used on
 * the last page.  Then the 版记 after `pages` pages, on the last one when
 * it has room there (last_used: its last grid line taken). */
int draw_column(Canvas *doc, const FontSet *fs, const Geometry *g, const Column *col,
                int pages, int first_number, const Parts *parts);
void draw_record_last(Canvas *doc, const Geometry *g, const Record *rec,
                      int pages, int last_used);

#endif
