/* model.h — one plan, as every later stage sees it.
 *
 * The reader (plan_read) fills this from the front matter and the body;
 * the checker reads it and adds findings; the renderers lay it out.  No
 * stage after the reader looks at YAML or Markdown again.  Every value
 * that came from the file keeps its position so that findings can point
 * at it.
 */
#ifndef FANGAN_MODEL_H
#define FANGAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "headnum.h"
#include "score.h"

struct Template; /* read/template.h */

/* A string from the front matter.  s is NULL when the key was absent. */
typedef struct {
	char *s;
	Pos pos; /* of the key in a mapping, of the value in a list; {0, 0}
	            when the key is absent */
} Str;

typedef struct {
	Str *v;
	size_t n;
	Pos pos; /* of the key */
} StrList;

/* A date from the front matter.  day is DAY_NONE when absent or invalid;
 * pos is {0, 0} when absent (and not implied). */
typedef struct {
	Day day;
	Pos pos;
	bool implied; /* filled in by the rules for phases, not written */
} Date;

typedef struct {
	long v;
	bool set;
	Pos pos;
} Num;

/* A true/false key: set when written. */
typedef struct {
	bool v, set;
	Pos pos;
} Flag;

/* `format:` — which GB/T 9704 layout: 文件 (§7), 信函 (§10.1), 命令 (§10.2),
 * 纪要 (§10.3). */
typedef enum { DOC_FILE, DOC_LETTER, DOC_ORDER, DOC_MINUTES } DocKind;

typedef struct {
	Str name;
	Date start, end;
	Pos pos; /* of the list item */
} Phase;

typedef struct {
	Str name, by, to, phase, form;
	Date due;
	Pos pos;
	int form_att; /* resolved: index of the attachment `form` names, or -1 */
} Deadline;

typedef struct {
	Str name, standard;
	Score points;
	Pos pos;
} CriteriaItem;

typedef struct {
	Str name;
	Score min, max; /* inclusive; min unset = 0, max unset = total */
	Pos pos;
} Rating;

typedef struct {
	bool present;
	Pos pos;
	Score total;
	CriteriaItem *items;
	size_t nitems;
	Rating *ratings;
	size_t nratings;
	Pos ratings_pos; /* of the `ratings` key */
} Criteria;

typedef struct {
	Str name, of;
	Num min_percent, max_percent;
	Pos pos;
} Quota;

/* The kinds of attachment: attkinds.def is the table. */
typedef enum {
#define ATT_KIND(id, name, tpl, draw, per_unit) ATT_##id,
#include "attkinds.def"
#undef ATT_KIND
	ATT_UNKNOWN
} AttType;

typedef enum { WIDTH_FULL, WIDTH_HALF } FieldWidth;

typedef struct {
	Str name;
	FieldWidth width;
	int lines; /* 1 unless given */
	bool sign;
	Pos pos;
} Field;

typedef enum { ROWS_NONE, ROWS_UNITS, ROWS_CRITERIA, ROWS_DEADLINES, ROWS_LITERAL } RowSource;

typedef struct {
	StrList cells;
} Row;

typedef struct {
	Str id, title, file, template_;
	AttType type;
	Pos type_pos;
	Field *fields;
	size_t nfields;
	StrList columns;
	RowSource rows_from;
	Row *rows; /* ROWS_LITERAL */
	size_t nrows;
	Pos rows_pos;
	Pos pos; /* of the list item */
	struct Plan *doc; /* ATT_TEXT: the Markdown file, read as a body */
	/* resolved: the template a form, ledger or score sheet is drawn
	 * with; NULL for text attachments and when it could not be loaded
	 * (the `template` findings say why) */
	const struct Template *tpl;
} Attachment;

/* ---- the body ---- */

/* A piece of body text with the map back to the source.  Text is UTF-8
 * with inline markup removed; a segment says where in the file a run of
 * it starts, and positions inside a run are found by walking the source
 * (see plan_text_pos). */
typedef struct {
	size_t off;      /* byte offset in the text where this run starts */
	int line;        /* source line of that byte */
	int byte_col;    /* 1-based byte column on that line */
} TextSeg;

typedef struct {
	char *s;
	size_t len;
	TextSeg *segs;
	size_t nsegs;
} Text;

typedef enum {
	BLK_HEADING,
	BLK_PARAGRAPH,
	BLK_LIST,
	BLK_ITEM,
	BLK_TABLE,
	BLK_ROW,
	BLK_CELL,
	BLK_QUOTE,
	BLK_CODE,
	BLK_RULE, /* thematic break */
} BlockType;

/* A heading's or a run-in heading's number, as the resolve pass
 * (model/resolve.c) settled it.  The checker reports from it and the
 * renderers print it; neither counts headings again. */
typedef struct {
	int level;          /* 1..4 (the font of the level); 0: not a heading */
	bool written;       /* the number was written in the plan */
	bool counted;       /* it takes part in the numbering sequence */
	bool plain;         /* a paragraph typed where a heading belongs
	                       ("一、指导思想" without ##), numbered as one */
	HeadNumStyle style; /* of the number printed */
	int value;          /* its value (the written one when written) */
	char text[32];      /* the number as printed ("（二）"); for a run-in
	                       head the written number, which is part of runin */
	int expect;         /* counted: the value the sequence wanted here */
	char prev[32];      /* counted: the number used before at this level,
	                       "" when this is the first one under its parent */
} HeadRes;

typedef struct Block Block;
struct Block {
	BlockType type;
	Pos pos;
	/* BLK_HEADING: level 1..4 (## is level 1); the written number ("一、",
	 * "（二）", "3.", "（4）") split from the heading text, or empty; the
	 * number's value (1-based) or 0 when none was written. */
	int level;
	char *number;
	int number_value;
	Pos number_pos;
	/* BLK_HEADING, BLK_PARAGRAPH, BLK_CELL, BLK_CODE: the text.  For a
	 * heading, text excludes the written number.  For a paragraph that
	 * starts with **bold**, runin is the bold run-in heading and text the
	 * rest. */
	Text runin;
	Text text;
	/* BLK_LIST: ordered? and the first number. BLK_ROW: header row? */
	bool ordered;
	int start;
	bool header;
	/* resolved (model/resolve.c) */
	HeadRes head;         /* BLK_HEADING, and BLK_PARAGRAPH with a run-in */
	bool attachment_note; /* BLK_PARAGRAPH: the 附件说明 ("附件：1.…") that
	                         the front matter's attachments replace */
	Block **kids;
	size_t nkids;
};

typedef struct Plan {
	Arena *arena;    /* everything below lives in it (model.c) */
	char *path;      /* as given on the command line */
	char *src;       /* the whole file, NUL-terminated */
	size_t len;
	size_t *line_off; /* byte offset of each line start (line_off[0] = line 1) */
	size_t nlines;
	int body_line;   /* first line of the body (1 when no front matter) */
	/* Caches of the position functions below (logically const): the
	 * last byte offset turned into a column, and the last place
	 * plan_text_seg stepped to, so that many positions on one long line
	 * cost one walk of it, not one walk each (issue 16.5). */
	struct {
		size_t off, col;      /* src offset and its 0-based column */
		size_t line;          /* its line, 1-based; 0: nothing kept */
	} col_cache;
	struct {
		const void *text;     /* the Text; NULL: nothing kept */
		const char *chars;    /* its s and nsegs then: a Text rewritten */
		size_t nsegs;         /* in place is not taken for the same one */
		size_t seg, k, s;     /* segment, text offset, src offset */
	} seg_cache;

	bool has_front_matter; /* front matter read as a mapping */
	Str title, issuer, header, doc_number, signer, secrecy, urgency,
	    copy_number, printed_by, note;
	Date date, printed_on;
	StrList recipients, cc;
	/* issuer is the first (主办机关) of issuers, signer the first of
	 * signers: `issuer` and `signer` may be one name or a list. */
	StrList issuers, signers;
	StrList headers;        /* `header` as a list: the 标志 as these names
	                           one under another, without 文件 */
	Str format, signed_by;  /* signed_by: 职务 over a 签名章 (§7.3.5.3) */
	DocKind kind;
	Flag seal;              /* `seal:`; see plan_sealed() */
	StrList attendees, on_leave, observers; /* 纪要: 出席, 请假, 列席 */
	Date campaign_start, campaign_end;
	Pos campaign_pos;
	Phase *phases;
	size_t nphases;
	Pos phases_pos;
	Deadline *deadlines;
	size_t ndeadlines;
	Criteria criteria;
	Quota *quotas;
	size_t nquotas;
	Attachment *attachments;
	size_t nattachments;
	StrList units;
	StrList disable;  /* check: {disable: [rule, …]}: warnings turned off */
	/* resolved: templates/notice.xml for this plan, or NULL for the
	 * built-in page (no such file anywhere, or a broken one: findings) */
	const struct Template *notice;

	Block *body; /* a BLK_QUOTE-like root holding the top-level blocks */
} Plan;

/* Read the plan in path.  Problems with the file itself and with the
 * front matter's shape (yaml-syntax, front-matter, unknown-key,
 * type-mismatch, date-invalid, input) go into d.  Returns NULL only when
 * the file could not be read at all (err then says why, in English, for
 * exit status 2); otherwise a plan, possibly partial. */
Plan *plan_read(const char *path, Diags *d, char **err);
/* The same from memory (tests, the fuzzer).  src need not be terminated. */
Plan *plan_parse(const char *path, const char *src, size_t len, Diags *d);

/* model.c: an empty plan with its own arena (the reader and tests fill
 * it; every string and array of a plan is allocated from p->arena), and
 * freeing it with everything it holds. */
Plan *plan_new(const char *path);
void plan_free(Plan *p);

/* A Markdown file with no front matter (a text attachment). */
Plan *plan_parse_body(const char *path, const char *src, size_t len, Diags *d);

/* The resolve pass (model/resolve.c), run by the reader on every plan it
 * returns: settles what the checker and the renderers would otherwise
 * each work out — heading numbers (HeadRes), the 附件说明 paragraph,
 * each deadline's form attachment, the phases' implied dates, and the
 * templates, loaded and validated (`template` findings into d). */
void plan_resolve(Plan *p, Diags *d);
/* Only the body's part of it (a text attachment's file). */
void plan_resolve_body(Plan *p);

/* Position in the file of byte off of t. */
Pos plan_text_pos(const Plan *p, const Text *t, size_t off);
/* Position of byte offset off of the whole file. */
Pos plan_src_pos(const Plan *p, size_t off);
/* Line and byte column (1-based; cmark's) as line and character column. */
Pos plan_line_pos(const Plan *p, int line, int byte_col);
/* Where in the source byte off of t comes from (line and byte column). */
TextSeg plan_text_seg(const Plan *p, const Text *t, size_t off);
/* Byte offset of the end of line (1-based) in the source. */
size_t plan_line_end(const Plan *p, int line);

/* The year that dates written without one belong to: the campaign's
 * start year, else the document date's, else 0. */
int plan_default_year(const Plan *p);

/* An attachment kind's name ("form" …, attkinds.def; "unknown"), the
 * kind a name stands for (ATT_UNKNOWN for none), and whether a plan's
 * units get a copy each. */
const char *att_type_name(AttType t);
AttType att_type_parse(const char *name);
bool att_type_per_unit(AttType t);

/* Is the signature sealed (§7.3.5.1)?  `seal:` when written, else true
 * for a 文件 or 信函 with an issuer. */
bool plan_sealed(const Plan *p);

/* Visit every block under root (root excluded) in document order. */
void block_walk(const Block *root, void (*fn)(const Block *b, void *ctx), void *ctx);

#endif
