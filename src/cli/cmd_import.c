/* cmd_import.c — `fangan import FILE`: an existing plan from Word or text
 * becomes a plan file (src/import does the reading). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "i18n.h"
#include "import.h"
#include "util.h"

static const char *const usage = N_(
	"usage: fangan import [-o PLAN.md] [--force] [--year YYYY] FILE\n"
	"\n"
	"Read an existing plan, a Word document (.docx) or plain text (.txt, .md;\n"
	"UTF-8 or GB18030), and write it as a plan file: front matter filled from\n"
	"the text (title, 发文字号, 主送, 署名, 成文日期, phases, deadlines,\n"
	"criteria, attachments) and the body in Markdown.  What cannot be read\n"
	"for sure is marked in the plan with a comment \"# 请核对：...\".  Then run\n"
	"fangan check on it, fix what it says, and fangan build.\n"
	"\n"
	"  -o, --output PLAN.md  where to write (default: plans/TITLE.md, the\n"
	"                  title made a safe file name)\n"
	"  --force         replace PLAN.md when it exists\n"
	"  --year YYYY     the year of dates written without one (default: the\n"
	"                  first year the text writes)\n"
	"  -h, --help      this help\n"
	"\n"
	"Exit status: 0 written (its path is printed), 2 the file could not be\n"
	"read or imported, the plan exists, or bad arguments.\n");

/* plans/TITLE.md, or plans/STEM.md when the text has no title. */
static char *default_output(const char *title, const char *input)
{
	char *name;
	if (title) {
		/* At most 60 characters, cut on a character boundary. */
		size_t n = 0, cp = 0;
		while (title[n] && cp < 60) {
			n++;
			while (((unsigned char)title[n] & 0xC0) == 0x80)
				n++;
			cp++;
		}
		name = xstrndup(title, n);
	} else {
		const char *base = strrchr(input, '/');
		base = base ? base + 1 : input;
		const char *dot = strrchr(base, '.');
		name = xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
	}
	char *stem = safe_stem(name);
	char *path = xasprintf("plans/%s.md", stem);
	free(stem);
	free(name);
	return path;
}

static int fail(const char *in, const char *msg)
{
	fprintf(stderr, "fangan import: %s: %s\n", in, msg);
	return 2;
}

int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, 'y'},
		{"force", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *out = NULL, *in = NULL;
	bool force = false;
	ImportOpts opts = {0};
	int c;
	cli_opt_begin();
	while ((c = cli_opt("import", usage, argc, argv, "o:h", longopts)) != -1) {
		switch (c) {
		case 'h':
			fputs(_(usage), stdout);
			return 0;
		case 'f':
			force = true;
			break;
		case 'o':
			if (!*optarg) {
				fputs(_(usage), stderr);
				return 2;
			}
			out = optarg;
			break;
		case 'y': {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < 1949 || y > 2999) {
				fprintf(stderr, _("fangan import: --year wants a year like 2020, not '%s'\n"),
				        optarg);
				return 2;
			}
			opts.year = (int)y;
			break;
		}
		default:
			return 2;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, _("fangan import: one FILE only ('%s' and '%s')\n"), argv[optind],
		        argv[optind + 1]);
		return 2;
	}
	in = optind < argc ? argv[optind] : NULL;
	if (!in) {
		fputs(_(usage), stderr);
		return 2;
	}
	struct stat st;
	if (stat(in, &st) != 0)
		return fail(in, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fail(in, _("not a regular file (a folder, a pipe or a device); give a Word document or a text file"));
	char *err = NULL;
	Import *im = import_open(in, &opts, &err);
	if (!im) {
		int rc = fail(in, err);
		free(err);
		return rc;
	}
	char *path = out ? xstrdup(out) : default_output(import_title(im), in);
	int rc = 0;
	if (!force && lstat(path, &st) == 0) {
		fprintf(stderr, _("fangan import: %s already exists; not overwriting it "
		                  "(use -o for another name, or --force)\n"), path);
		rc = 2;
	} else {
		if (!out)
			mkdir("plans", 0777);
		Buf b = {0};
		import_plan(im, &b);
		if (!write_file_atomic(path, buf_cstr(&b), b.len)) {
			fprintf(stderr, "fangan import: %s: %s\n", path, util_strerror(errno));
			rc = 2;
		} else {
			const char *notes = import_notes(im);
			for (const char *p = notes; *p;) {
				const char *e = strchr(p, '\n');
				fprintf(stderr, "%s: %.*s\n", in, (int)(e ? e - p : (long)strlen(p)), p);
				p = e ? e + 1 : p + strlen(p);
			}
			printf("%s\n", path);
		}
		buf_free(&b);
	}
	free(path);
	import_free(im);
	return rc;
}
