/* words.h — where Chinese text may break between words.
 *
 * A line of Chinese may break between any two characters (GB/T 15834),
 * but a title, a form label or a table cell reads badly when a word is
 * cut (“五星／级”, “单位党组／织意见”).  This module says, for a piece
 * of text, which characters continue the word before them, so that the
 * line breakers (typeset.c, title.c) break between words where they can.
 *
 * Words come from three places, each keeping its words whole:
 *   - friso (libfriso, with the friso-dict lexicons in
 *     /usr/share/friso/dict/UTF-8 that friso.lex.ini lists, loaded the
 *     first time a break is asked for; of the main lexicon only the words
 *     beginning with a character of the text, so a notice pays ~3 ms
 *     rather than the ~60 ms of loading it whole);
 *     friso keeps 安全生产, 评分细则, 委员会 whole;
 *   - the short list of 公文 terms below (words.c), which friso splits;
 *   - names the caller passes (the plan's issuer, units, recipients)
 *     and any “…”-quoted phrase of at most 12 characters.
 * Traditional characters are looked up through their simplified form
 * (script.h), so 深入開展 breaks like 深入开展.
 *
 * friso sees only runs of CJK ideographs of at most WORDS_MAX_RUN bytes,
 * so no input can make it do unbounded work or read odd characters.
 */
#ifndef FANGAN_WORDS_H
#define FANGAN_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WORDS_MAX_RUN 1024

/* For s[0..len) (UTF-8), set glue[k] = 1 for each byte k that starts a
 * character continuing a word begun before it, 0 elsewhere (glue must
 * have len bytes).  keep[0..nkeep) are phrases kept whole wherever they
 * occur (NULL entries are skipped). */
void words_glue(const char *s, size_t len, const char *const *keep, size_t nkeep,
                uint8_t *glue);

/* Is friso's lexicon loaded (or loadable)?  For tests and `fangan fonts`. */
bool words_available(void);

/* Free the lexicon (at exit; later calls load it again). */
void words_cleanup(void);

#endif
