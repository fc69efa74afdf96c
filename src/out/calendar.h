/* calendar.h — the timelines of plans as a calendar.
 *
 * Two views of the same entries (each plan's phases and deadlines):
 * iCalendar (RFC 5545) for calendar programs, built with libical, and a
 * plain-text list of what is due soon.  Only entries with valid dates
 * are included: a phase needs a start and an end in order, a deadline
 * its due date.  Neither view checks the plan; the command warns about
 * plans with errors.
 *
 * The iCalendar is deterministic, so that re-importing it updates the
 * events instead of duplicating them and so that it can be versioned:
 *
 *   UID      fangan-KIND-HASH, KIND "phase" or "deadline", HASH the
 *            64-bit FNV-1a hash (16 hex digits) of the plan's file stem
 *            (its name without folder and ".md"), KIND, the entry's name
 *            and its occurrence among entries of that kind and name
 *            (1, 2 …), joined by newlines.  Moving the file or editing
 *            an entry's dates keeps the UID; renaming the entry or the
 *            file makes a new one.
 *   DTSTAMP  stamp when given, else the plan's date (else its campaign
 *            start, else the epoch) at 00:00:00 UTC.
 *   Deadline an all-day event on the due date.
 *   Phase    an all-day span: DTSTART the start date, DTEND the day
 *            after the end (RFC 5545 ends are exclusive).
 */
#ifndef FANGAN_CALENDAR_H
#define FANGAN_CALENDAR_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* Seconds since the epoch for DTSTAMP, or CAL_STAMP_PLAN for each plan's
 * own date. */
#define CAL_STAMP_PLAN (-1LL)

/* The iCalendar text of every phase and deadline of plans[0..n), lines
 * ending in CRLF; newly allocated.  NULL when libical cannot be loaded
 * (lazy_ical_load says why). */
char *calendar_ics(Plan *const *plans, size_t n, long long stamp);

/* The UID of an entry (see above) into out (at least CAL_UID_MAX bytes).
 * plan_path is the plan's path as given; kind "phase" or "deadline";
 * name may be NULL (an entry without a name). */
enum { CAL_UID_MAX = 48 };
void calendar_uid(const char *plan_path, const char *kind, const char *name,
                  unsigned occurrence, char *out);

/* What happens from day from through day from + days - 1 (days >= 1),
 * soonest first, one line each: deadlines due and phases that start.
 *   2020-03-25 周三  报送先锋队创建申报表（市直机关各单位党组织 → 市直机关工委） plans/five-upgrades.md
 *   2020-03-31 周二  组织实施阶段开始（至2020年11月30日） plans/five-upgrades.md
 * Entries of one day keep the order of the plans and, within a plan,
 * deadlines before phases, each in the order written. */
void calendar_upcoming(Plan *const *plans, size_t n, Day from, int days, Buf *out);

#endif
