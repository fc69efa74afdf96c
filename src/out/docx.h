/* docx.h — the plan as a Word document (Office Open XML, .docx).
 *
 * The DOCX is made from the model and from what the layout decided
 * (layout.h, layout_plan_keep): the paragraphs of the composed column
 * with their alignment and indents, the title's line breaks, the 版头,
 * the 附件说明, the signature's place, the body tables' column widths,
 * and where the 版记 goes.  Nothing here reads Markdown or YAML or sets
 * lines again; Word, WPS or LibreOffice break the body's lines on the
 * document grid (docGrid linesAndChars, 22 lines × 28 characters in the
 * 156 × 225 mm 版心), so the text stays editable.
 *
 *   docx_pkg.c     the ZIP package (libzip): fixed member order and times
 *   docx_xml.c     the XML helpers every part uses (libxml2 xmlTextWriter)
 *   docx_styles.c  styles.xml, settings.xml, fontTable.xml: the font roles
 *   docx_body.c    document.xml: the column, attachments, 版记
 *   docx_parts.c   the 版头 and the signature block, as the layout placed them
 *   docx_shape.c   shapes anchored to the page (a 信函's 标志 and double
 *                  lines, the box holding the 版记)
 *   docx_sect.c    sections (A4, margins, grid) and the page-number footers
 *   docx_table.c   ruled tables with a fixed grid (body tables, the 版记,
 *                  the attachments' tables)
 *   docx_attach.c  forms, ledgers and score sheets, from what the layout
 *                  kept of them (attach.h AttShape), in NAME.docx and alone
 */
#ifndef FANGAN_DOCX_H
#define FANGAN_DOCX_H

#include <stdbool.h>

#include "attach.h"
#include "date.h"
#include "fonts.h"
#include "geometry.h"
#include "layout.h"
#include "model.h"
#include "util.h"

/* Build the DOCX of p, laid out as c says, into out (appended).  day is
 * the date its members and core properties carry (SOURCE_DATE_EPOCH or
 * the plan's date: never the clock), so the same inputs give the same
 * bytes.  Returns false and sets *err (free it) when libzip fails. */
bool docx_save_mem(const Plan *p, const Composed *c, const FontSet *fs, const Geometry *g,
                   Day day, Buf *out, char **err);
/* The same, written to path through a temporary file renamed into place
 * (util.h write_file_atomic), so a half-written DOCX is never left. */
bool docx_save(const Plan *p, const Composed *c, const FontSet *fs, const Geometry *g,
               Day day, const char *path, char **err);

/* Attachment i of p alone — a form, ledger or score sheet as
 * attach_draw_keep kept it in s — under label (the 发文字号 and 附件N,
 * §7.3.7), its pages numbered from 1: OUTDIR/NAME/ID.docx and each
 * unit's units/ID-UNIT.docx (forms.h).  Written as docx_save writes. */
bool docx_att_save(const Plan *p, size_t i, const AttShape *s, const char *label,
                   const FontSet *fs, const Geometry *g, Day day, const char *path, char **err);

#endif
