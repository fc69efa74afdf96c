/* yamltree.h — YAML front matter as a small tree with positions.
 *
 * libyaml's event parser feeds a tree of scalars, sequences and mappings,
 * each node knowing its line and column.  Aliases are expanded by
 * copying the anchored node, within a fixed budget of nodes and of text
 * bytes (a few aliases of one long scalar are as costly as many nodes),
 * so that an alias bomb ("billion laughs") ends in an error instead of
 * eating the machine; nesting deeper than a fixed limit is an error too.
 * The merge key "<<" (YAML 1.1) is applied when its mapping ends: the
 * keys of the mapping(s) it names that the mapping does not set itself
 * are moved in; any other value of "<<" is an error.
 */
#ifndef FANGAN_YAMLTREE_H
#define FANGAN_YAMLTREE_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum { Y_SCALAR, Y_SEQ, Y_MAP } YKind;

typedef struct YNode YNode;
struct YNode {
	YKind kind;
	Pos pos;
	char *value;      /* Y_SCALAR: the text */
	bool plain;       /* Y_SCALAR: written without quotes */
	uint32_t ctrl;    /* Y_SCALAR: a NUL or bidi control that only an escape
	                   * ("\0", "\u202E") put there: its code point + 1 */
	/* Y_SEQ: items; Y_MAP: keys[i] -> items[i] */
	YNode **items;
	YNode **keys;
	size_t n, cap;
};

enum {
	YAML_MAX_NODES = 100000, /* nodes after alias expansion */
	YAML_MAX_MB = 4,         /* scalar text after alias expansion, MB */
	YAML_MAX_DEPTH = 64,
};

/* Parse text (len bytes).  first_line is the file line of text's first
 * line, so positions are file positions.  On error returns NULL and sets
 * *err_pos and *err (in Chinese, for the plan's author; caller frees). */
YNode *ytree_parse(const char *text, size_t len, int first_line,
                   Pos *err_pos, char **err);
void ytree_free(YNode *n);

/* Map lookup by key; NULL when absent or when m is not a mapping. */
YNode *ytree_get(const YNode *m, const char *key);

const char *ytree_kind_name(YKind k);

#endif
