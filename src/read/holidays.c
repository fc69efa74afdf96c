/* holidays.c — reading data/holidays.txt; see holidays.h. */
#include "holidays.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

enum { MAX_BYTES = 1 << 20 };

typedef struct {
	Day day;
	bool off;
	char *name;
} Entry;

struct Holidays {
	char *path;
	Entry *v; /* sorted by day */
	size_t n, cap;
	int lo, hi; /* years covered: [lo, hi] (lo > hi: none) */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Holidays **cache; /* every file read, kept for the process's life */
static size_t ncache, capcache;

static int cmp(const void *a, const void *b)
{
	const Entry *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

static Holidays *load(const char *path)
{
	Holidays *h = xcalloc(1, sizeof *h);
	h->path = xstrdup(path);
	h->lo = 1;
	h->hi = 0;
	size_t len;
	char *src = read_file(path, MAX_BYTES, &len);
	if (!src)
		return h;
	for (char *line = src, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char date[11] = {0};
		Day day;
		if (line[0] == '#' || strlen(line) < 14)
			continue;
		memcpy(date, line, 10);
		const char *kind = line + 11;
		bool off = !strncmp(kind, "休", strlen("休"));
		if (line[10] != ' ' || !day_parse_iso(date, &day) ||
		    (!off && strncmp(kind, "班", strlen("班"))))
			continue;
		const char *name = kind + strlen("休");
		while (*name == ' ')
			name++;
		h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
		h->v[h->n++] = (Entry){day, off, xstrdup(name)};
		int y, m, d;
		day_to_ymd(day, &y, &m, &d);
		/* A notice's lines may start in the year before (调休 in late
		 * December): a year counts from its own days off. */
		if (off) {
			if (h->lo > h->hi)
				h->lo = h->hi = y;
			h->lo = y < h->lo ? y : h->lo;
			h->hi = y > h->hi ? y : h->hi;
		}
	}
	free(src);
	qsort(h->v, h->n, sizeof *h->v, cmp);
	return h;
}

const Holidays *holidays_for(const char *plan_path)
{
	char *path = paths_find("data", "holidays.txt", plan_path);
	if (!path)
		return NULL;
	pthread_mutex_lock(&lock);
	Holidays *h = NULL;
	for (size_t i = 0; i < ncache && !h; i++)
		if (!strcmp(cache[i]->path, path))
			h = cache[i];
	if (!h) {
		h = load(path);
		cache = xgrow(cache, &capcache, ncache + 1, sizeof *cache);
		cache[ncache++] = h;
	}
	pthread_mutex_unlock(&lock);
	free(path);
	return h;
}

static const Entry *find(const Holidays *h, Day d)
{
	Entry key = {d, false, NULL};
	return h && h->n ? bsearch(&key, h->v, h->n, sizeof *h->v, cmp) : NULL;
}

HolidayKind holiday_of(const Holidays *h, Day d, const char **name, Day *from, Day *to)
{
	const Entry *e = find(h, d);
	if (!e)
		return HD_NORMAL;
	*name = e->name;
	if (!e->off)
		return HD_WORK;
	/* The run of days off of the same holiday around d. */
	const Entry *a = e, *b = e;
	while (a > h->v && a[-1].off && a[-1].day == a->day - 1 && !strcmp(a[-1].name, e->name))
		a--;
	while (b + 1 < h->v + h->n && b[1].off && b[1].day == b->day + 1 &&
	       !strcmp(b[1].name, e->name))
		b++;
	*from = a->day;
	*to = b->day;
	return HD_OFF;
}

bool holidays_cover(const Holidays *h, int year)
{
	return h && year >= h->lo && year <= h->hi;
}
