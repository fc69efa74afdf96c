/* parts.h — what layout places itself, outside the flow of body lines:
 * the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号 or 令号, 签发人,
 * the red line, 信函's double lines) and the signature block (署名,
 * 成文日期, 职务, and the places kept for seals and 签名章).
 *
 * Layout decides each position once (head.c for the 版头, sign.c for the
 * signature block, which compose.c reserves grid lines for and layout.c
 * anchors on its page after pagination).  draw.c draws the list and the
 * DOCX writer reads the same list, so no back end recomputes where a
 * 签发人, a seal or a 标志 goes.  Coordinates are PDF points from the
 * page's bottom-left corner; page is 0-based in the document.
 */
#ifndef FANGAN_PARTS_H
#define FANGAN_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "fonts.h"
#include "geometry.h"

typedef enum {
	PART_TEXT,  /* text at a baseline origin */
	PART_RULE,  /* a straight line */
	PART_SEAL,  /* a place kept free for a seal or 签名章: a box */
} PartKind;

/* What a part is, for back ends that name things (DOCX styles, tests). */
typedef enum {
	PW_COPY_NUMBER, PW_SECRECY, PW_URGENCY, /* 份号, 密级, 紧急程度 */
	PW_MARK,          /* 发文机关标志 (one organ's line, or 文件/令/纪要) */
	PW_DOC_NUMBER,    /* 发文字号; 令号 in a 命令 */
	PW_SIGNER_LABEL,  /* "签发人：" (仿宋) */
	PW_SIGNER,        /* one 签发人's name (楷体) */
	PW_DATE_HEAD,     /* 纪要: the date on the 期号 line */
	PW_RED_LINE,      /* 版头's red line */
	PW_LETTER_RULE,   /* 信函: one of the lines of a double line */
	PW_ISSUER,        /* 署名 */
	PW_POST,          /* 职务 beside a 签名章 */
	PW_DATE,          /* 成文日期 */
	PW_SEAL,          /* an organ's seal: the square round the 42 mm seal */
	PW_SIGN_STAMP,    /* a 签名章 */
} PartWhat;

typedef struct {
	PartKind kind;
	PartWhat what;
	int page;
	char *text;       /* PART_TEXT, owned */
	FontRole role;
	double size;      /* PART_TEXT: pt */
	double spacing;   /* PART_TEXT: added after each character (squeezed
	                     or spread names), pt */
	double hscale;    /* PART_TEXT: horizontal scale (长体 < 1); 0 is 1 */
	double x, y;      /* text: baseline origin; rule: one end; seal: the
	                     box's lower-left corner */
	double x2, y2;    /* rule: the other end */
	double w, h;      /* rule: w is the line width; seal: the box */
	bool red;
	int anchor;       /* sign.c: -1 once placed; else the index of the
	                     reserved column line it is relative to */
} Part;

typedef struct Parts {
	Part *v;
	size_t n, cap;
} Parts;

Part *parts_text(Parts *ps, PartWhat what, FontRole role, double size, double x, double y,
                 const char *text);
Part *parts_rule(Parts *ps, PartWhat what, double x, double y, double x2, double y2,
                 double width, bool red);
Part *parts_seal(Parts *ps, PartWhat what, double x, double y, double w, double h);
void parts_free(Parts *ps);

#endif
