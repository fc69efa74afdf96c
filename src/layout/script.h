/* script.h — simplified and traditional Chinese, through OpenCC.
 *
 * A plan written in traditional characters gets its built-in words
 * (序號, 評分項目, 合計, 蓋章, 附件 …) in traditional characters too, and
 * column names it writes in traditional (序號) are recognised like their
 * simplified form.  The conversions are OpenCC's (libopencc, with the
 * t2s.json / s2t.json configurations and dictionaries Debian installs in
 * /usr/share/opencc), opened the first time they are needed (~10 ms
 * each, once per process); when OpenCC cannot open them the text is
 * left as it is.
 */
#ifndef FANGAN_SCRIPT_H
#define FANGAN_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef enum { SCRIPT_SIMPLIFIED, SCRIPT_TRADITIONAL } Script;

/* s[0..len) converted (malloc'd, NUL-terminated): to simplified (t2s) or
 * to traditional (s2t).  A copy of s when OpenCC is not available. */
char *script_convert(const char *s, size_t len, Script to);

/* s[0..len) in simplified characters (malloc'd): a copy when it is all
 * GB 2312, which holds only simplified characters (OpenCC is then not
 * opened, ~10 ms), else script_convert to simplified. */
char *script_simplified(const char *s, size_t len);

/* The script a plan is written in: traditional when more of its title
 * and body (the first SCRIPT_SAMPLE bytes of each) changes under t2s than
 * under s2t. */
#define SCRIPT_SAMPLE 4096
Script script_of_plan(const Plan *p);

/* A built-in word (UTF-8, simplified) in the given script; the result is
 * kept for the life of the process and must not be freed. */
const char *script_word(const char *simplified, Script to);

/* script_of_plan, remembered for the plan last asked about (by its text),
 * and a plan whose sample is all GB 2312 (iconv) is simplified without
 * opening OpenCC. */
Script script_plan(const Plan *p);
/* The built-in word in p's script: script_word(simplified, script_plan(p)). */
const char *script_text(const Plan *p, const char *simplified);

/* Do a and b (UTF-8) name the same thing in either script? */
bool script_same(const char *a, const char *b);

/* Close OpenCC and free the kept words (at exit). */
void script_cleanup(void);

#endif
