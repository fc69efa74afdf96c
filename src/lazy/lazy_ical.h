/* lazy_ical.h — libical (the calendar command), opened when first needed
 * (lazylib.h).  Include this instead of the library's header, and call
 * lazy_ical_load before the first call. */
#ifndef FANGAN_LAZY_ICAL_H
#define FANGAN_LAZY_ICAL_H

#include <libical/ical.h>

#include "lazylib.h"

#define LAZY_ICAL_FUNCS(X) \
	X(icalcomponent_add_component) \
	X(icalcomponent_add_property) \
	X(icalcomponent_as_ical_string_r) \
	X(icalcomponent_free) \
	X(icalcomponent_new_vcalendar) \
	X(icalcomponent_new_vevent) \
	X(icalmemory_free_buffer) \
	X(icalproperty_new_calscale) \
	X(icalproperty_new_categories) \
	X(icalproperty_new_description) \
	X(icalproperty_new_dtend) \
	X(icalproperty_new_dtstamp) \
	X(icalproperty_new_dtstart) \
	X(icalproperty_new_prodid) \
	X(icalproperty_new_summary) \
	X(icalproperty_new_transp) \
	X(icalproperty_new_uid) \
	X(icalproperty_new_version) \
	X(icaltime_from_timet_with_zone) \
	X(icaltime_null_date) \
	X(icaltimezone_get_utc_timezone)

typedef struct {
	LAZY_ICAL_FUNCS(LAZY_PTR)
} LazyIcalFns;
extern LazyIcalFns lazy_ical;

/* Open the library (once); false and *err (if err) when it cannot be. */
bool lazy_ical_load(char **err);

#ifndef LAZY_ICAL_IMPL
#define icalcomponent_add_component (lazy_ical.icalcomponent_add_component)
#define icalcomponent_add_property (lazy_ical.icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (lazy_ical.icalcomponent_as_ical_string_r)
#define icalcomponent_free (lazy_ical.icalcomponent_free)
#define icalcomponent_new_vcalendar (lazy_ical.icalcomponent_new_vcalendar)
#define icalcomponent_new_vevent (lazy_ical.icalcomponent_new_vevent)
#define icalmemory_free_buffer (lazy_ical.icalmemory_free_buffer)
#define icalproperty_new_calscale (lazy_ical.icalproperty_new_calscale)
#define icalproperty_new_categories (lazy_ical.icalproperty_new_categories)
#define icalproperty_new_description (lazy_ical.icalproperty_new_description)
#define icalproperty_new_dtend (lazy_ical.icalproperty_new_dtend)
#define icalproperty_new_dtstamp (lazy_ical.icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (lazy_ical.icalproperty_new_dtstart)
#define icalproperty_new_prodid (lazy_ical.icalproperty_new_prodid)
#define icalproperty_new_summary (lazy_ical.icalproperty_new_summary)
#define icalproperty_new_transp (lazy_ical.icalproperty_new_transp)
#define icalproperty_new_uid (lazy_ical.icalproperty_new_uid)
#define icalproperty_new_version (lazy_ical.icalproperty_new_version)
#define icaltime_from_timet_with_zone (lazy_ical.icaltime_from_timet_with_zone)
#define icaltime_null_date (lazy_ical.icaltime_null_date)
#define icaltimezone_get_utc_timezone (lazy_ical.icaltimezone_get_utc_timezone)
#endif

#endif
