/* xmlsafe.h — libxml2 parsing with every way out of the given bytes shut.
 *
 * Templates, template.rng and the parts of an imported .docx are parsed
 * only from memory, through xmlsafe_read: no network (XML_PARSE_NONET),
 * no entity substitution (XML_PARSE_NOENT never set), no DTD loading, no
 * XInclude, and a document with a DOCTYPE at all is stopped at its
 * DOCTYPE, before any internal subset is read (so no entity is declared,
 * fetched or expanded: the "billion laughs" never starts).  xmlsafe_init
 * also gives libxml2 an external entity loader that refuses everything,
 * so nothing else in the process (RELAX NG include/externalRef among
 * them) can open a file or a URL through libxml2.
 */
#ifndef FANGAN_XMLSAFE_H
#define FANGAN_XMLSAFE_H

#include <stddef.h>

#include <libxml/tree.h>

/* Once per process (thread-safe); xmlsafe_read calls it. */
void xmlsafe_init(void);

/* Parse len bytes as an XML document named name (for messages) with
 * libxml2's options opts plus the protections above.  NULL when the
 * bytes are not well-formed (libxml2's errors go to its error hooks) or
 * have a DOCTYPE: then *doctype_line is its line (else 0). */
xmlDoc *xmlsafe_read(const char *buf, size_t len, const char *name, int opts,
                     int *doctype_line);

#endif
