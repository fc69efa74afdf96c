/* import_int.h — what the stages of `fangan import` hand each other.
 *
 * A source (text file or .docx) becomes a list of SrcLine paragraphs;
 * classify.c sorts them into the head (title, 发文字号, 主送), the body
 * blocks and the tail (附件说明, 署名, 成文日期, attachment bodies);
 * timeline.c and criteria.c read the front matter out of the blocks;
 * yamlout.c writes the plan.  Every string is UTF-8 and owned by the
 * Import it hangs from (import_free).
 */
#ifndef FANGAN_IMPORT_INT_H
#define FANGAN_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "import.h"
#include "util.h"

/* Bounds on what any input can make us do. */
#define IMPORT_MAX_BYTES   (8u << 20)  /* text or document.xml, after inflating */
#define IMPORT_MAX_LINES   100000u
#define IMPORT_MAX_ENTRIES 2000        /* entries in a .docx */
#define IMPORT_MAX_ELEMENTS 300000u    /* XML tags in one part (~45 MB of tree) */
#define IMPORT_MAX_CELLS   64          /* cells in one table row */
#define IMPORT_MAX_ITEMS   100         /* phases, attachments, criteria items */
#define IMPORT_MAX_DEADLINES 300
#define IMPORT_MAX_RATINGS 20
#define IMPORT_MAX_NOTES   100         /* remarks printed; the rest counted */

/* One paragraph of the source. */
typedef struct {
	char *text;       /* cleaned: no indent, no NBSP, one line */
	int line;         /* source line (text) or paragraph number (docx) */
	int outline;      /* docx: heading level 1..9 from its style, 0 none */
	size_t bold;      /* docx: bytes of leading bold text, 0 none */
	int table;        /* docx: >0 a table row of table number `table` */
	char **cells;     /* its cells */
	size_t ncells;
} SrcLine;

typedef enum { BK_PARA, BK_HEADING, BK_RUNIN, BK_TABLE } BlockKind;

typedef struct {
	BlockKind kind;
	int level;        /* heading/run-in 1..4 */
	const SrcLine *src;
	size_t lead;      /* BK_RUNIN: bytes of src->text in bold */
	int style;        /* HeadNumStyle of a written number, 0 none */
} Block;

typedef struct {
	char *name;
	Day start, end;   /* DAY_NONE when the text gives none */
	char *note;       /* 请核对 remark or NULL */
} IPhase;

typedef struct {
	char *name, *by, *to, *form;
	Day due;
	char *note;
} IDeadline;

typedef struct {
	char *id, *title;
	const char *type;
	char **fields;
	size_t nfields;
} IAttach;

/* Points are in tenths, as in the model (model/score.h): 17.5分 is 175. */
typedef struct {
	char *name, *standard;
	long points;
} IItem;

typedef struct {
	char *name;
	long min, max;    /* tenths; -1 when open */
	bool below;       /* “60分以下”: max is 60 less one step of the
	                     plan's precision, settled once all is read */
} IRating;

typedef struct {
	char *name, *of;
	int min, max;     /* percent, -1 when not said */
} IQuota;

struct Import {
	const char *path;
	ImportOpts opts;
	SrcLine *lines;
	size_t nlines, caplines;
	Block *blocks;
	size_t nblocks, capblocks;

	char *title, *title_note;
	char *doc_number, *recipients, *issuer;
	Day date;
	char **cc;          /* 版记: 抄送机关 */
	size_t ncc;
	char *printed_by;   /* 印发机关, 印发日期 */
	Day printed_on;
	char *note;         /* 附注: （此件公开发布） */
	const char *unit;   /* what a source line is called: 行 (text), 段 (Word) */
	int year;           /* the year dates without one fall in */
	int front_year;     /* the date's year in a .md's own front matter */
	char *year_note;
	Day cstart, cend;
	char *campaign_note;
	IPhase *phases;
	size_t nphases;
	IDeadline *deadlines;
	size_t ndeadlines;
	IAttach *attach;
	size_t nattach;
	IItem *items;
	size_t nitems;
	long total;         /* tenths; 0 when the text states none */
	IRating *ratings;
	size_t nratings;
	IQuota *quotas;
	size_t nquotas;

	Buf notes;          /* what the user should know, one line each */
	size_t nnotes;
};

/* Sources into lines.  Both return false with a Chinese message in *err. */
bool text_read(Import *im, const char *data, size_t len, bool markdown, char **err);
bool docx_read(Import *im, const char *path, char **err);
/* Add a paragraph (takes a copy of text, cleaned). */
SrcLine *import_add_line(Import *im, const char *text, size_t len, int line);
/* Clean a paragraph in place: NBSP to space, zero-width characters out,
 * indents and trailing space off.  Returns the new length. */
size_t import_clean(char *s, size_t len);
/* Join paragraphs broken mid-sentence (textin.c). */
void join_broken(Import *im);

void classify(Import *im);
void read_timeline(Import *im);
void read_criteria(Import *im);
void write_plan(const Import *im, Buf *out);

/* Helpers shared by the stages (classify.c). */
size_t u8len(const char *s, size_t n);        /* code points */
bool starts(const char *s, const char *prefix);
bool ends(const char *s, size_t n, const char *suffix);
void note(Import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
