/* xmlsafe.c — see xmlsafe.h. */
#include "xmlsafe.h"

#include <limits.h>
#include <pthread.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
}

void xmlsafe_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init);
}

typedef struct {
	xmlParserCtxtPtr ctxt;
	int line;
} Stop;

/* The SAX hook for <!DOCTYPE ...>, called before its internal subset is
 * parsed: note where, and stop the parser there. */
static void on_doctype(void *data, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	xmlParserCtxtPtr ctxt = data;
	Stop *s = ctxt->_private;
	if (s && !s->line)
		s->line = ctxt->input && ctxt->input->line > 0 ? ctxt->input->line : 1;
	xmlStopParser(ctxt);
}

xmlDoc *xmlsafe_read(const char *buf, size_t len, const char *name, int opts,
                     int *doctype_line)
{
	xmlsafe_init();
	*doctype_line = 0;
	if (len > INT_MAX)
		return NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return NULL;
	Stop s = {ctxt, 0};
	ctxt->_private = &s;
	ctxt->sax->internalSubset = on_doctype;
	opts &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID |
	          XML_PARSE_XINCLUDE | XML_PARSE_HUGE | XML_PARSE_RECOVER);
	opts |= XML_PARSE_NONET;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, opts);
	if (s.line) {
		xmlFreeDoc(doc);
		doc = NULL;
		*doctype_line = s.line;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}
