/* cndate.h — Chinese date expressions in running text.
 *
 * Plans write dates the way people speak them: 2020年3月10日, 3月底,
 * 5月5日至10日, 二〇二〇年三月十日, “七一”.  This module finds such
 * expressions in a UTF-8 string and says which days they denote, so the
 * checker can compare the prose with the timeline in the front matter.
 *
 * Vagueness is kept, not rounded away: every end of an expression is a
 * span of days [lo, hi] that the author may have meant.  3月10日 is
 * [3-10, 3-10]; 3月底 is [3-26, 3-31]; 3月上旬 [3-1, 3-10]; 11月 as a
 * range end is [11-1, 11-30].  A timeline date "agrees" with an end when
 * it lies inside that span.
 */
#ifndef FANGAN_CNDATE_H
#define FANGAN_CNDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

/* One end of a date expression: the days it may mean. */
typedef struct {
	Day lo, hi;
} DaySpan;

typedef struct {
	size_t off, len;   /* byte span of the whole expression in the text */
	DaySpan start;     /* the expression's first end */
	DaySpan end;       /* its last end; equal to start when not a range */
	bool is_range;     /* written with 至, 到, —, ——, －, -, ~, ～ */
	bool year_given;   /* a year was written (2020年, 二〇二〇年) */
	bool year_placeholder; /* the year was written 20XX / 20××: taken from the default */
	bool before;       /* followed by 前 / 以前 / 之前 (a deadline) */
	bool after;        /* followed by 后 / 以后 / 起 / 开始 */
} CnDate;

/* Find every date expression in text[0..len).  default_year supplies the
 * year where none is written (3月10日).  When a written month lies before
 * first_month in a text whose year is implied, it is taken to fall in
 * default_year + 1 (a campaign from 2020-09 to 2021-06 that says 3月 means
 * 2021); pass first_month = 1 to disable.  Writes at most max results
 * into out, in text order, and returns how many were found (which may
 * exceed max; the excess is not written).
 *
 * Not dates: the year inside a document number (〔2010〕14号), ordinals
 * and durations (建党89周年, 连续三年, 三年), bare years (2020年 alone),
 * numbers with other units (90—94分, 95%).
 *
 * The spans of the vague forms: N月 and N月份 the whole month; 月初
 * [1, 5]; 上旬 [1, 10]; 中旬 and 月中 [11, 20]; 下旬 [21, last]; 月底 and
 * 月末 [26, last]; 上中旬 [1, 20]; 中下旬 [11, last]; 年底 and 年末
 * [12-21, 12-31]; 年初 [1-1, 1-10]; “七一”, 国庆, 元旦 … the one day.
 * A second end takes what it leaves out from the first (5月5日至10日);
 * if it then lies wholly before the first it moves on by the unit left
 * out (11月至2月 ends next year, 5月25日至3日 on 3 June).  A written
 * year is never moved, by this or by first_month.  An expression that
 * names a day that does not exist (2月30日, 13月, or such an end in a
 * range) is no result at all.  off/len cover quotes around “七一” but
 * not a following 前 or 后.
 */
size_t cndate_scan(const char *text, size_t len, int default_year,
                   int first_month, CnDate *out, size_t max);

#endif
