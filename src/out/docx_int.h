/* docx_int.h — what the parts of the DOCX writer share (see docx.h).
 *
 * Every part is written with libxml2's xmlTextWriter into memory; names
 * carry their prefix (w:p) and the root element declares the namespaces.
 * Lengths: the layout works in points, WordprocessingML in twips (1/20
 * pt), half-points for font sizes and eighths of a point for rules.
 *
 * For the attachments' writer (forms, ledgers, score sheets): a table is
 * docx_table_begin, docx_table_row for each row, docx_table_end; a page
 * of its own starts with docx_attach_heading (附件N and the title, as
 * compose.c sets them); docx_attachment (docx_body.c) is where each
 * attachment's pages are written.
 */
#ifndef FANGAN_DOCX_INT_H
#define FANGAN_DOCX_INT_H

#include <libxml/xmlwriter.h>

#include "docx.h"
#include "attach_int.h"
#include "layout_int.h"

#define TWIPS(pt) ((long)((pt) * 20.0 + ((pt) >= 0 ? 0.5 : -0.5)))

/* The relationship ids of the footers (document.xml.rels). */
#define RID_FOOTER_ODD "rId4"
#define RID_FOOTER_EVEN "rId5"
#define RID_FOOTER_NONE "rId6"
#define RID_FOOTER_LAND_ODD "rId7"  /* a landscape page's (turned) */
#define RID_FOOTER_LAND_EVEN "rId8"

typedef struct {
	const Plan *p;
	const Composed *k;
	const FontSet *fs;
	const Geometry *g;
	xmlTextWriterPtr w;
	long line;        /* grid line pitch, twips (docGrid linePitch) */
	double pitch;     /* character pitch, pt */
	char red[8];      /* the 版头 red as RRGGBB */
	double *tbl_w;    /* the column widths of the table being written */
	size_t tbl_n;
	size_t tbl_col;   /* the grid column the next cell starts at */
	bool keep_rows;   /* cell paragraphs keep with the next (docx_attach.c) */
	bool unnumbered;  /* footers without page numbers throughout */
	bool fresh_page;  /* a section break just started a page: the next
	                     paragraph needs no page break of its own */
	long shapes;      /* shapes written so far (their docPr ids) */
} DocxCtx;

/* docx_xml.c: a part in memory. */
xmlTextWriterPtr xw_new(xmlBufferPtr *buf);
/* End the document and move the bytes into out. */
void xw_finish(xmlTextWriterPtr w, xmlBufferPtr buf, Buf *out);
void xw_start(xmlTextWriterPtr w, const char *name);
void xw_end(xmlTextWriterPtr w);
void xw_attr(xmlTextWriterPtr w, const char *name, const char *value);
void xw_attrl(xmlTextWriterPtr w, const char *name, long value);
/* <name w:val="value"/> */
void xw_val(xmlTextWriterPtr w, const char *name, const char *value);
void xw_vall(xmlTextWriterPtr w, const char *name, long value);
/* <w:ind w:left="0" w:right=… w:firstLine=…/><w:jc w:val=…/>, in that
 * order; right < 0 leaves w:right out. */
void xw_ind_jc(xmlTextWriterPtr w, long right, long first, const char *jc);
/* Text, with what XML cannot carry left out. */
void xw_text(xmlTextWriterPtr w, const char *s, size_t len);
/* The root element of a WordprocessingML part, with its namespaces. */
void xw_root(xmlTextWriterPtr w, const char *name);

/* docx_styles.c */
const char *docx_font(FontRole role);
void docx_fonts(xmlTextWriterPtr w, FontRole role); /* <w:rFonts …/> */
void docx_styles(const Geometry *g, Buf *out);
void docx_settings(Buf *out);
void docx_font_table(Buf *out);
/* The paragraph style for a paragraph whose runs are all in role (or
 * NULL for the body's Normal style), and the role that style sets. */
const char *docx_style_for(FontRole role, bool centred, FontRole *style_role);

/* docx_body.c */
void docx_document(DocxCtx *c, Buf *out);
/* Runs of text in role at size pt (0: the style's), red or not; "\n"
 * becomes a line break, "\t" a tab, other control characters are left
 * out (XML cannot carry them). */
void docx_run(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
              const char *s, size_t len);
/* In a w:pPr: a paragraph in another size than the body's, off the
 * character grid, one grid line a line. */
void docx_off_grid(DocxCtx *c);
/* The same with character spacing (pt after each character; NAN: the
 * style's). */
void docx_run_spaced(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
                     double spacing, const char *s, size_t len);
/* The same squeezed (长体, percent < 100) or widened horizontally: w:w,
 * as the layout's Part.hscale asks (1..600). */
void docx_run_scaled(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
                     double spacing, int percent, const char *s, size_t len);
/* An empty paragraph twips tall, off the grid; and the inside of its
 * pPr, for a paragraph that holds more (a sectPr, anchored shapes). */
void docx_spacer(DocxCtx *c, long twips);
void docx_spacer_ppr(DocxCtx *c, long twips);
/* An empty grid line (空一行); kept with the next paragraph or not. */
void docx_blank(DocxCtx *c);
void docx_blank_keep(DocxCtx *c, bool keep);
/* Attachment i on pages of its own (label is 附件N). */
void docx_attachment(DocxCtx *c, size_t i, const char *label);

/* docx_sect.c */
/* SECT_LANDSCAPE: a wide table's pages (§8), numbered on like the body's. */
typedef enum { SECT_BODY, SECT_RECORD_NEXT, SECT_RECORD_EVEN, SECT_LANDSCAPE } SectKind;
void docx_sect(DocxCtx *c, SectKind kind);
/* Footer part: FOOTER_ODD (— N — right), FOOTER_EVEN (left), none
 * (empty), or a landscape page's, odd or even: the number where the
 * portrait page has it, turned with the paper (a rotated text box). */
enum { FOOTER_NONE, FOOTER_ODD, FOOTER_EVEN, FOOTER_LAND_ODD, FOOTER_LAND_EVEN };
void docx_footer(const Geometry *g, int which, Buf *out);

/* docx_attach.c: a form, ledger or score sheet as the layout kept it,
 * from a new page (brk: by a page break, unless a section break just
 * made one) with label; a section ending after a table (the paragraph
 * that holds kind's sectPr); the document of one attachment alone
 * (ID.docx, units/ID-UNIT.docx). */
void docx_att_pages(DocxCtx *c, const AttShape *s, const char *label, bool brk);
void docx_att_sect_end(DocxCtx *c, SectKind kind);
void docx_att_document(DocxCtx *c, const AttShape *s, const char *label, Buf *out);


/* docx_shape.c: a run holding a shape anchored to the page: a rule as
 * a line; a text box as wide as the 版心, top pt below the paper's top
 * edge and height pt tall, its content written by fill(c, arg); clear:
 * text flows above and below it, never beside or under it. */
void docx_anchor_rule(DocxCtx *c, const Part *p);
void docx_anchor_box(DocxCtx *c, const char *name, double top, double height, bool clear,
                     void (*fill)(DocxCtx *c, const void *arg), const void *arg);
/* The same at x, w pt wide; turned: its text turned clockwise, lines
 * running down the box (bodyPr vert="vert"). */
void docx_anchor_box_at(DocxCtx *c, const char *name, double x, double top, double w,
                        double height, bool turned, bool clear,
                        void (*fill)(DocxCtx *c, const void *arg), const void *arg);
/* The start of a paragraph one twip tall to hold them (end it with
 * xw_end). */
void docx_carrier_begin(DocxCtx *c);

/* docx_parts.c: the 版头 from the placed parts, down to the title's
 * grid line; and the signature parts on blank column line l, as a
 * paragraph (false when none is on it). */
void docx_head(DocxCtx *c);
bool docx_sign_line(DocxCtx *c, const Line *l);


/* docx_table.c: a ruled table with fixed column widths (pt). */
typedef struct {
	const TsRun *runs;
	size_t nruns;
	TsAlign align;
	double size;      /* pt */
	int span;         /* grid columns taken (0 = 1) */
} DocxCell;
void docx_table_begin(DocxCtx *c, const double *widths, size_t n, double pad);
/* The same with an outer frame and inner rules of their own (pt). */
void docx_table_begin_ruled(DocxCtx *c, const double *widths, size_t n, double pad,
                            double frame, double rule);
/* A row by hand: docx_tr_begin (height: twips at least, 0 for the
 * content's), then for each cell docx_tc_begin (its grid columns and
 * vertical alignment: "top", "center", "bottom"), its paragraphs and
 * xw_end; xw_end ends the row. */
void docx_tr_begin(DocxCtx *c, bool header, long height);
void docx_tc_begin(DocxCtx *c, int span, const char *valign);
/* header: repeated at the top of every page (tblHeader); lines: the
 * grid lines the layout gave the row, which it takes rule included. */
void docx_table_row(DocxCtx *c, const DocxCell *cells, size_t n, bool header, int lines);
void docx_table_end(DocxCtx *c);
/* Column rows col->v[i…] (LN_ROW, from a row_first to its row_last) as
 * one table; returns the index after it. */
size_t docx_column_table(DocxCtx *c, const Column *col, size_t i);
/* The 版记, rules and lines as the layout made them, each row its grid
 * lines tall, rules included, less below twips at the foot for the
 * paragraph that must follow a table. */
void docx_record(DocxCtx *c, const Record *r, long below);

#endif
