/* xmlpos.h — where an element or an attribute was written in XML text.
 *
 * libxml2 keeps only the line where an element's start tag ends
 * (xmlGetLineNo); a finding about a template wants the line and column
 * of the tag, or of the attribute it is about, even in a start tag that
 * spans several lines.  The start tags in the text are in the order of
 * the document's elements (no DTD, so no entity brings in more), so the
 * index-th start tag is the index-th element of a preorder walk.
 */
#ifndef FANGAN_XMLPOS_H
#define FANGAN_XMLPOS_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

/* The index of element n among its document's elements, in document
 * order (the root is 0). */
size_t xmlpos_index(const xmlNode *n);

/* The 1-based line and column (in characters) of the index-th start tag
 * of the UTF-8 text buf, or of its attribute attr (its name's first
 * character) when attr is not NULL.  False when there is no such tag or
 * attribute. */
bool xmlpos_find(const char *buf, size_t len, size_t index, const char *attr, int *line,
                 int *col);

#endif
