/* cndate.c — see cndate.h.  (Placeholder until the grammar lands.) */
#include "cndate.h"

size_t cndate_scan(const char *text, size_t len, int default_year,
                   int first_month, CnDate *out, size_t max)
{
	(void)text; (void)len; (void)default_year; (void)first_month;
	(void)out; (void)max;
	return 0;
}
