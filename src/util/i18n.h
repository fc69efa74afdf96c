/* i18n.h — messages in the user's language (GNU gettext, text domain
 * "fangan").
 *
 * Every message a person reads on the command line — help, usage
 * errors, file errors, progress, summaries — is written in English and
 * wrapped in _() (or N_() where it is a constant translated later);
 * po/zh_CN.po translates it.  Findings about a plan are not: they are in
 * Chinese because they are about Chinese text.  i18n_init (cli/i18n.c)
 * picks the catalogue: the build tree's when running uninstalled, else
 * the installed one.
 */
#ifndef FANGAN_I18N_H
#define FANGAN_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Set the locale's messages and character type from the environment
 * (not its number format: PDFs are written with '.' decimals whatever
 * the locale) and bind the "fangan" text domain. */
void i18n_init(void);

#endif
