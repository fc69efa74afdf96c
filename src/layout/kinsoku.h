/* kinsoku.h — character classes for Chinese line breaking (禁则).
 *
 * GB/T 9704 has no line-breaking clause of its own; it defers to
 * GB/T 15834 (punctuation), whose rules W3C clreq spells out: 点号 and
 * closing brackets/quotes never start a line, opening ones never end a
 * line, and the two halves of —— and …… are never separated.  libunibreak
 * (UAX #14) already forbids most of these breaks, but not all (a break
 * before · or ～ is allowed there), and the line breaker also breaks
 * inside over-long words, where UAX #14 offers nothing; so the classes
 * are kept here, as the single authority, and applied on top.
 */
#ifndef FANGAN_KINSOKU_H
#define FANGAN_KINSOKU_H

#include <stdbool.h>
#include <stdint.h>

/* May not begin a line: 点号, closing brackets and quotes, ellipses,
 * middle dots, iteration marks, wave dashes, ASCII ) ] } , . ; : ? ! */
bool kinsoku_no_start(uint32_t cp);
/* May not end a line: opening brackets and quotes, ASCII ( [ { */
bool kinsoku_no_end(uint32_t cp);
/* a, b form one mark that may not be split across lines: ——, ……, ‥‥. */
bool kinsoku_inseparable(uint32_t a, uint32_t b);
/* A full-width punctuation mark whose glyph fills only about half of its
 * em box (，。、 and the closing brackets and quotes), so that when it is
 * pulled up onto a full line its blank half may be "squeezed" (标点挤压)
 * — the line breaker counts only half of its advance as overflow. */
bool kinsoku_squeezable(uint32_t cp);

/* East Asian Width W or F (CJK ideographs, kana, hangul, full-width
 * forms and CJK punctuation): the characters set on the character grid
 * that form no words, so a break may fall between any two of them. */
bool cjk_wide(uint32_t cp);
/* ASCII or full-width digit. */
bool is_digit_cp(uint32_t cp);

#endif
