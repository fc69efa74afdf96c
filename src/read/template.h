/* template.h — the layout an office may change, read from XML templates.
 *
 * Four kinds, each with a default file in templates/:
 *   notice.xml      the document's page (the GB/T 9704 numbers of
 *                   geometry.c), so an office can make e.g. a 信函格式
 *                   variant without touching the code;
 *   form.xml        申报表/登记表 (attachments of type form);
 *   ledger.xml      台账 (type ledger);
 *   scoresheet.xml  评分表 (type scoresheet).
 * An attachment's `template:` key names another file of its kind.  Files
 * are found one at a time along the data search order (paths.h: templates/
 * beside the plan, ./templates, the installed folder); a name is a plain
 * file name, never a path, so a template never comes from outside a
 * templates/ folder.
 *
 * Every file is validated against the RELAX NG schema templates/
 * template.rng when it is loaded; a file that is not well-formed, breaks
 * the schema or holds impossible numbers gives `template` findings at its
 * own file, line and column, in Chinese, with libxml2's reason appended.
 * Each file is read once per process and kept (findings included, so
 * every plan that uses a broken file reports it); the cache is safe to
 * use from several threads.
 *
 * Lengths in the files are written with a unit (37mm, 0.5pt); font sizes
 * also as 号 (3号 = 16 pt, 小4号 = 12 pt); fonts by their 公文 names
 * (小标宋, 仿宋, 黑体, 楷体, 宋体) or role names (title, body, h1 …).
 * Everything below is in PDF points.
 */
#ifndef FANGAN_TEMPLATE_H
#define FANGAN_TEMPLATE_H

#include <stdbool.h>

#include "diag.h"
#include "fonts.h"
#include "geometry.h"

/* TPL_NONE: an attachment kind without a template (attkinds.def). */
typedef enum { TPL_NONE = -1, TPL_NOTICE, TPL_FORM, TPL_LEDGER, TPL_SCORESHEET } TplKind;

/* Room for a short label of up to 32 characters (the schema's limit). */
#define TPL_TEXT 160

typedef struct {
	FontRole role;
	double size;
} TplFont;

/* How ruled tables are drawn (form, ledger, score sheet alike). */
typedef struct {
	double padding;  /* between a cell's rules and its text, left/right */
	double leading;  /* line pitch inside a cell, in em of its text */
	double rule;     /* width of the inner rules */
	double frame;    /* width of the outer frame */
} TplCells;

typedef struct {
	TplFont title;                  /* 2号小标宋 */
	bool filler;                    /* the 填报单位/填报日期 line above the table */
	TplFont filler_font;
	char filler_unit[TPL_TEXT];     /* "填报单位（盖章）：" */
	char filler_date[TPL_TEXT];     /* "填报日期：　　年　　月　　日" */
	TplFont label, value;           /* label cells 黑体 or 仿宋 */
	double label_min, label_max;    /* label column width, in characters */
	double row;                     /* height of a one-line row */
	double line, line_min;          /* height of each line of `lines: N`,
	                                   squeezed down to line_min so that
	                                   the form fits one page */
	int sign_lines;                 /* writing lines above the seal */
	char seal[TPL_TEXT];            /* "（盖章）" */
	char date[TPL_TEXT];            /* "年　　月　　日" */
	TplCells cells;
} TplForm;

/* Ledgers and score sheets: a table with a header row. */
typedef struct {
	bool landscape;
	TplFont title, head, cell;
	double row_min;                 /* a row's least height: room to write */
	double fill_chars;              /* width wanted by an empty column, in
	                                   characters, when there is room */
	bool fill_fair;                 /* an empty column (to be written in)
	                                   wants a fair share of the width
	                                   (width / columns) at least */
	int write_lines;                /* a row with an empty column: room for
	                                   this many writing lines … */
	double write_line;              /* … of this height */
	TplCells cells;
	/* score sheets only */
	char col_no[TPL_TEXT], col_item[TPL_TEXT], col_standard[TPL_TEXT],
	     col_points[TPL_TEXT], col_self[TPL_TEXT], col_review[TPL_TEXT];
	char total[TPL_TEXT];           /* "合计" */
	TplFont bands;
	char bands_lead[TPL_TEXT];      /* "评定等次：" */
	bool sign_show;                 /* the lines to fill in: 被考评单位 over
	                                   the table, 考评人 and date under it */
	char sign_unit[TPL_TEXT], sign_reviewer[TPL_TEXT], sign_date[TPL_TEXT];
} TplTable;

typedef struct Template {
	TplKind kind;
	const char *path;  /* the file, or NULL for the built-in defaults */
	Geometry notice;
	TplForm form;
	TplTable table;    /* TPL_LEDGER, TPL_SCORESHEET */
} Template;

/* "notice", "form", "ledger", "scoresheet". */
const char *tpl_kind_name(TplKind kind);

/* The template of kind for the plan at plan_path.  name is the
 * attachment's `template:` value or NULL for the kind's default file; at
 * is where the plan names it (for findings in the plan).  A default file
 * found nowhere gives the built-in numbers; a named file found nowhere,
 * a name that is not a plain file name, a file of another kind, or a
 * broken file gives `template` findings in d and NULL. */
const Template *template_get(TplKind kind, const char *name, const char *plan_path,
                             Pos at, Diags *d);

/* Forget every file read (the fuzz target reads a new template under
 * one name for each input); no Template given out before stays valid. */
void template_cache_clear(void);

/* The built-in defaults of kind (what the shipped files say). */
const Template *template_builtin(TplKind kind);

/* Is name a plain file name that stays inside templates/? */
bool template_name_ok(const char *name);

/* templates/notice.xml for the plan at plan_path, loaded and validated
 * (findings into d); NULL when there is no such file or it is broken. */
const Template *template_notice(const char *plan_path, Diags *d);

/* The document geometry for a plan: its notice.xml, else fallback.  A
 * broken notice.xml adds findings and gives fallback. */
const Geometry *template_geometry(const char *plan_path, const Geometry *fallback,
                                  Diags *d);

/* The 信函格式's page (§10.1) for a plan: letter.xml, a notice-kind file
 * found like notice.xml, else the built-in numbers (geometry_letter);
 * NULL only when letter.xml is broken (findings in d). */
const Template *template_letter(const char *plan_path, Diags *d);

#endif
