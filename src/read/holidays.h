/* holidays.h — the State Council's holiday arrangements (data/holidays.txt).
 *
 * One line a day, "2020-10-01 休 国庆节、中秋节" or "2020-09-27 班 国庆节":
 * days off and the weekend days worked in exchange.  The file is found
 * like the templates (data/ beside the plan, ./data, the installed
 * folder), so an office can add next year's notice the day it appears.
 * Each file is read once per process and kept; safe from several
 * threads.
 */
#ifndef FANGAN_HOLIDAYS_H
#define FANGAN_HOLIDAYS_H

#include <stdbool.h>

#include "date.h"

typedef struct Holidays Holidays;

typedef enum { HD_NORMAL, HD_OFF, HD_WORK } HolidayKind;

/* The arrangements for the plan at plan_path; NULL when no file is found
 * (then nothing is known, and no year is covered). */
const Holidays *holidays_for(const char *plan_path);
/* What day d is; for HD_OFF and HD_WORK, *name is the holiday's name and
 * [*from, *to] the run of days off it belongs to (HD_OFF only). */
HolidayKind holiday_of(const Holidays *h, Day d, const char **name, Day *from, Day *to);
/* Does the file hold the arrangements of year? */
bool holidays_cover(const Holidays *h, int year);

#endif
