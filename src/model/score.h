/* score.h — point values (分值): criteria totals, item points and the
 * bounds of rating bands.
 *
 * Plans give points with at most one decimal (17.5分, 0.5分); a point
 * value is kept as a whole number of tenths, so sums and comparisons
 * are exact integer arithmetic, and printed the way it was meant: "17.5",
 * never "17.50", and "20", never "20.0".
 */
#ifndef FANGAN_SCORE_H
#define FANGAN_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A point value from the front matter.  set is false when the key was
 * absent or its value could not be read. */
typedef struct {
	long tenths; /* 17.5分 is 175 */
	bool set;
	Pos pos;
} Score;

/* Largest point value a plan may write, either sign: sums of any number
 * of items stay far from overflowing in tenths. */
#define SCORE_MAX_POINTS 1000000000L
/* Room for any long long in tenths as text ("-922337203685477580.8"). */
#define SCORE_STRLEN 32

typedef enum {
	SCORE_OK,
	SCORE_NOT_NUMBER, /* not a decimal number (一百, 1e3, 0x10, 5-10) */
	SCORE_TOO_PRECISE, /* a non-zero digit after the tenths (17.55) */
	SCORE_TOO_LARGE,   /* beyond ±SCORE_MAX_POINTS */
} ScoreErr;

/* Read a point value from s[0..n): an optional sign, digits, an optional
 * decimal point with digits ("17.5", "17.50", ".5", "17."), and when
 * unit is true an optional 分 after it ("17.5分").  On SCORE_OK and
 * SCORE_TOO_PRECISE *tenths is the value cut after the tenths (17.55:
 * 175), so a message can offer the neighbours to choose from. */
ScoreErr score_parse(const char *s, size_t n, bool unit, long *tenths);

/* The step between the scores of a scale on which tenths lies, given
 * the step of the values seen so far: 10 while every value is whole, 5
 * when some end in .5, else 1 (tenths). */
long score_step(long step, long tenths);

/* The value as it is written: "17.5", "20", "-0.5", "0".  Returns out. */
char *score_str(char out[SCORE_STRLEN], long long tenths);

#endif
