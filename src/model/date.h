/* date.h — calendar days as integers.
 *
 * A day is held as the number of days since 1970-01-01 (proleptic
 * Gregorian), so that comparing, subtracting and stepping dates is
 * integer arithmetic.  DAY_NONE marks "not given".
 */
#ifndef FANGAN_DATE_H
#define FANGAN_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef int Day;
#define DAY_NONE (-2147483647 - 1)

/* Day from a calendar date; the date must be valid (see date_valid). */
Day day_from_ymd(int y, int m, int d);
void day_to_ymd(Day day, int *y, int *m, int *d);
bool date_valid(int y, int m, int d);
int days_in_month(int y, int m);
/* 0 = Sunday … 6 = Saturday. */
int day_weekday(Day day);

/* Parse exactly "YYYY-MM-DD" (years 1000–9999).  Returns false for any
 * other spelling or for a day that does not exist. */
bool day_parse_iso(const char *s, Day *out);
/* "2020-03-01" into out (at least 11 bytes). */
void day_format_iso(Day day, char *out);
/* "2020年3月1日" into out (at least 32 bytes): the form GB/T 9704 uses. */
void day_format_cn(Day day, char *out);
/* "3月1日" into out (at least 24 bytes). */
void day_format_cn_short(Day day, char *out);

#endif
