/* date.c — see date.h.  Conversions use Howard Hinnant's well-known
 * days-from-civil arithmetic (public domain algorithm, written anew). */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

Day day_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void day_to_ymd(Day z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int day_weekday(Day day)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (day % 7 + 7 + 4) % 7;
	return w;
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool day_parse_iso(const char *s, Day *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	if (y < 1000 || !date_valid(y, m, d))
		return false;
	*out = day_from_ymd(y, m, d);
	return true;
}

void day_format_iso(Day day, char *out)
{
	int y, m, d;
	day_to_ymd(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void day_format_cn(Day day, char *out)
{
	int y, m, d;
	day_to_ymd(day, &y, &m, &d);
	snprintf(out, 32, "%d年%d月%d日", y, m, d);
}

void day_format_cn_short(Day day, char *out)
{
	int y, m, d;
	day_to_ymd(day, &y, &m, &d);
	snprintf(out, 24, "%d月%d日", m, d);
}
