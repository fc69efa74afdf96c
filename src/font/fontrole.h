/* fontrole.h — the typographic roles a font is chosen for, and their
 * names in fonts.map and `fangan fonts`.  Its own file so that fontmap.c
 * (which reads role names) and fonts.c (which builds the chains and
 * reads fontmap.c) do not depend on each other. */
#ifndef FANGAN_FONTROLE_H
#define FANGAN_FONTROLE_H

#include <stdbool.h>

typedef enum {
	ROLE_TITLE,   /* 小标宋: the document title, the issuing-organ mark */
	ROLE_BODY,    /* 仿宋: body text and most other elements */
	ROLE_H1,      /* 黑体: 一、 headings, 密级, 紧急程度 */
	ROLE_H2,      /* 楷体: （一） headings, 签发人 names */
	ROLE_H3,      /* 1. headings: the body face unless mapped */
	ROLE_H4,      /* (1) headings: the body face unless mapped */
	ROLE_PAGENUM, /* 宋体: page numbers */
	ROLE_COUNT
} FontRole;

/* "title", "body", "h1", "h2", "h3", "h4", "pagenum". */
const char *font_role_name(FontRole role);
/* The role for a name as above; false for anything else. */
bool font_role_parse(const char *name, FontRole *role);

#endif
