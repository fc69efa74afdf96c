/* cmd_calendar.c — `fangan calendar`: every phase and deadline of the
 * plans given, as iCalendar or as a list of what is due soon. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar.h"
#include "lazy_ical.h"
#include "check.h"
#include "cli.h"
#include "model.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan calendar [-o FILE] PATH...\n"
	"       fangan calendar --upcoming DAYS [--today YYYY-MM-DD] [-o FILE] PATH...\n"
	"\n"
	"Every phase and deadline of the plans as iCalendar (RFC 5545): a deadline\n"
	"is an all-day event on its due date, a phase an all-day span.  UIDs are\n"
	"stable, so importing again updates the events.  PATH is a plan file or a\n"
	"folder of *.md plans.  Plans with errors are exported as far as their\n"
	"dates are valid, with a warning.\n"
	"\n"
	"  -o, --output FILE  write to FILE (replaced whole) instead of stdout\n"
	"  --upcoming DAYS    instead, list as text what is due and which phases\n"
	"                     start in the DAYS days from today on (today is the\n"
	"                     first), soonest first\n"
	"  --today DATE       the day --upcoming counts from (default: today)\n"
	"  -h, --help         this help\n"
	"\n"
	"SOURCE_DATE_EPOCH, when set, is every event's DTSTAMP; otherwise each\n"
	"plan's date is.\n"
	"\n"
	"Exit status: 0 written, 2 bad arguments or a file could not be read or\n"
	"written (then nothing is written).\n");

/* Write data to path, or stdout when path is NULL or "-".  A file is
 * written under a temporary name beside it and renamed into place, so a
 * calendar program watching it never reads half of one. */
static bool write_out(const char *path, const char *data, size_t len)
{
	if (!path || !strcmp(path, "-")) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			fprintf(stderr, _("fangan calendar: writing: %s\n"), strerror(errno));
			return false;
		}
		return true;
	}
	/* A terminal, /dev/null, /dev/stdout or a pipe someone reads: write
	 * into it as asked, never replace it.  A FIFO nobody reads is an
	 * error at once (O_NONBLOCK), not a hang. */
	struct stat st;
	if (stat(path, &st) == 0 &&
	    (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || !strncmp(path, "/dev/", 5) ||
	     !strncmp(path, "/proc/", 6))) {
		int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC |
		                    (S_ISREG(st.st_mode) ? O_TRUNC : 0));
		bool ok = fd >= 0 && fcntl(fd, F_SETFL, 0) == 0;
		for (size_t done = 0; ok && done < len;) {
			ssize_t n = write(fd, data + done, len - done);
			if (n < 0 && errno == EINTR)
				continue;
			ok = n > 0;
			done += ok ? (size_t)n : 0;
		}
		int e = errno;
		if (fd >= 0 && close(fd) != 0 && ok) {
			ok = false;
			e = errno;
		}
		if (!ok)
			fprintf(stderr, "fangan calendar: %s: %s\n", path,
			        e == ENXIO ? _("a pipe that nobody reads") : strerror(e));
		return ok;
	}
	if (!write_file_atomic(path, data, len)) {
		fprintf(stderr, "fangan calendar: %s: %s\n", path, util_strerror(errno));
		return false;
	}
	return true;
}

/* An option given an empty value ("-o ''", "--today="). */
static int empty_value(const char *name)
{
	fprintf(stderr, _("fangan: %s needs a value\n"), name);
	return 2;
}

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fangan calendar: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 2;
}

int cmd_calendar(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"upcoming", required_argument, NULL, 'u'},
		{"today", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *output = NULL;
	int days = 0; /* 0: iCalendar */
	Day today = DAY_NONE;
	int c;
	cli_opt_begin();
	while ((c = cli_opt("calendar", usage, argc, argv, "o:h", longopts)) != -1) {
		const char *v = optarg;
		switch (c) {
		case 'h':
			fputs(_(usage), stdout);
			return 0;
		case 'o':
			if (!*v)
				return empty_value("--output");
			output = v;
			break;
		case 'u': {
			if (!*v)
				return empty_value("--upcoming");
			char *end;
			errno = 0;
			long n = strtol(v, &end, 10);
			if (*end || errno || n < 1 || n > 36600)
				return fail(_("--upcoming wants a number of days (1 to 36600), not '%s'"), v);
			days = (int)n;
			break;
		}
		case 't':
			if (!*v)
				return empty_value("--today");
			if (!day_parse_iso(v, &today))
				return fail(_("--today wants a date YYYY-MM-DD, not '%s'"), v);
			break;
		default:
			return 2;
		}
	}
	char **paths = argv + optind;
	int npaths = argc - optind;
	if (npaths == 0) {
		fputs(_(usage), stderr);
		return 2;
	}
	if (today != DAY_NONE && days == 0)
		return fail("%s", _("--today goes with --upcoming"));
	long long stamp;
	if (!source_date_epoch(&stamp, "fangan calendar"))
		return 2;
	if (stamp < 0)
		stamp = CAL_STAMP_PLAN;
	if (today == DAY_NONE)
		today = today_local();

	PathList files = {0};
	bool ok = collect_plans(paths, npaths, &files);
	Plan **plans = xcalloc(files.n, sizeof *plans);
	size_t n = 0;
	for (size_t i = 0; i < files.n; i++) {
		char *err = NULL;
		Diags d = {0};
		Plan *p = plan_read(files.v[i], &d, &err);
		if (!p) {
			fprintf(stderr, "fangan: %s\n", err);
			free(err);
			ok = false;
			continue;
		}
		/* Export what is valid even from a plan with errors: a plan
		 * still being written should not vanish from the calendar. */
		check_plan(p, &d);
		size_t nerr = diag_count(&d, SEV_ERROR);
		if (nerr)
			fprintf(stderr,
			        ngettext("fangan calendar: warning: %s has %zu error (see fangan check); "
			                 "only entries with valid dates are included\n",
			                 "fangan calendar: warning: %s has %zu errors (see fangan check); "
			                 "only entries with valid dates are included\n",
			                 nerr),
			        p->path, nerr);
		diag_free(&d);
		plans[n++] = p;
	}
	/* A calendar missing a plan would look complete; write nothing. */
	if (ok) {
		if (days) {
			Buf b = {0};
			calendar_upcoming(plans, n, today, days, &b);
			ok = write_out(output, b.s ? b.s : "", b.len);
			buf_free(&b);
		} else {
			char *lerr = NULL, *ics = NULL;
			if (lazy_ical_load(&lerr))
				ics = calendar_ics(plans, n, stamp);
			else
				fprintf(stderr, "fangan calendar: %s\n", lerr);
			free(lerr);
			ok = ics && write_out(output, ics, strlen(ics));
			free(ics);
		}
	}
	for (size_t i = 0; i < n; i++)
		plan_free(plans[i]);
	free(plans);
	pathlist_free(&files);
	return ok ? 0 : 2;
}
