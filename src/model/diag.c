/* diag.c — the rule table (their messages: messages.h) and the three
 * report formats. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ctrl.h"
#include "version.h"
#include "i18n.h"

const Rule rules[R_COUNT] = {
	[R_YAML_SYNTAX] = {"yaml-syntax", SEV_ERROR, false,
		"The front matter is not valid YAML."},
	[R_FRONT_MATTER] = {"front-matter", SEV_ERROR, false,
		"No front matter, or it is not a mapping."},
	[R_UNKNOWN_KEY] = {"unknown-key", SEV_WARNING, false,
		"An unknown front-matter key."},
	[R_FIELD_MISSING] = {"field-missing", SEV_ERROR, true,
		"A required or expected field is missing."},
	[R_TYPE_MISMATCH] = {"type-mismatch", SEV_ERROR, true,
		"A value of the wrong kind."},
	[R_DATE_INVALID] = {"date-invalid", SEV_ERROR, false,
		"Not an ISO date, or no such day."},
	[R_PHASE_ORDER] = {"phase-order", SEV_ERROR, false,
		"A phase ends before it starts, or phases are out of order."},
	[R_PHASE_OVERLAP] = {"phase-overlap", SEV_ERROR, true,
		"Two phases share days."},
	[R_PHASE_GAP] = {"phase-gap", SEV_WARNING, false,
		"Days between two phases belong to no phase."},
	[R_PHASE_OUTSIDE] = {"phase-outside", SEV_ERROR, false,
		"A phase begins before or ends after the campaign."},
	[R_DEADLINE_OUTSIDE] = {"deadline-outside", SEV_ERROR, false,
		"A deadline outside the campaign or its phase."},
	[R_DEADLINE_IN_GAP] = {"deadline-in-gap", SEV_WARNING, false,
		"A deadline that falls in no phase."},
	[R_DEADLINE_BEFORE_ISSUE] = {"deadline-before-issue", SEV_ERROR, false,
		"A deadline before the document's date."},
	[R_DEADLINE_WEEKEND] = {"deadline-weekend", SEV_WARNING, false,
		"A deadline on a Saturday or Sunday (a note when it is a working day in exchange).",
		true},
	[R_TEXT_DATE_CONFLICT] = {"text-date-conflict", SEV_ERROR, false,
		"The body gives a phase or deadline a different date than the timeline."},
	[R_TEXT_DATE_UNLISTED] = {"text-date-unlisted", SEV_WARNING, false,
		"A date in the body that matches no date in the timeline."},
	[R_CRITERIA_SUM] = {"criteria-sum", SEV_ERROR, false,
		"Item points do not add up to the total."},
	[R_TEXT_POINTS_CONFLICT] = {"text-points-conflict", SEV_ERROR, false,
		"The body gives a scoring item other points than the criteria."},
	[R_RATING_OVERLAP] = {"rating-overlap", SEV_ERROR, false,
		"Two rating bands share a score."},
	[R_RATING_GAP] = {"rating-gap", SEV_ERROR, false,
		"A score that no rating band covers."},
	[R_PERCENT_RANGE] = {"percent-range", SEV_ERROR, false,
		"A percentage outside 0-100, or min above max."},
	[R_HEADING_SEQUENCE] = {"heading-sequence", SEV_ERROR, false,
		"A written heading number skips or repeats."},
	[R_HEADING_LEVEL] = {"heading-level", SEV_WARNING, false,
		"A heading more than one level deeper than the one before."},
	[R_HEADING_UNMARKED] = {"heading-unmarked", SEV_WARNING, false,
		"A paragraph that reads like a numbered heading but is not marked as one."},
	[R_ATTACHMENT_REF] = {"attachment-ref", SEV_ERROR, false,
		"A reference to an attachment that does not exist."},
	[R_PLACEHOLDER] = {"placeholder", SEV_WARNING, false,
		"An unresolved placeholder such as 20XX or ××."},
	[R_FORMAT] = {"format", SEV_ERROR, true,
		"Keys that choose a GB/T 9704 layout contradict each other, or the layout does not print them."},
	[R_GLYPH_MISSING] = {"glyph-missing", SEV_ERROR, false,
		"A character that no configured font can draw."},
	[R_FORM_OVERFLOW] = {"form-overflow", SEV_WARNING, false,
		"A form that does not fit one page even with its writing lines squeezed."},
	[R_TEMPLATE] = {"template", SEV_ERROR, false,
		"A template is missing, malformed, of the wrong kind, or named with a path."},
	[R_INPUT] = {"input", SEV_ERROR, false,
		"The file cannot be read as a plan (encoding, size, limits)."},
	[R_PUNCT_HALFWIDTH] = {"punct-halfwidth", SEV_WARNING, false,
		"Half-width punctuation among Chinese text (GB/T 15834)."},
	[R_PUNCT_DOUBLED] = {"punct-doubled", SEV_WARNING, false,
		"The same punctuation mark twice, or a full stop followed by a comma."},
	[R_PUNCT_UNPAIRED] = {"punct-unpaired", SEV_WARNING, false,
		"A quotation mark or bracket without its partner in the paragraph."},
	[R_PUNCT_EMPTY] = {"punct-empty", SEV_WARNING, false,
		"Quotation marks or brackets with nothing inside."},
	[R_CHAR_DOUBLED] = {"char-doubled", SEV_WARNING, false,
		"A function word typed twice, such as 的的."},
	[R_DIGITS_MIXED] = {"digits-mixed", SEV_WARNING, false,
		"One number written with both full-width and half-width digits."},
	[R_DEADLINE_HOLIDAY] = {"deadline-holiday", SEV_WARNING, false,
		"A deadline on a public holiday (data/holidays.txt)."},
	[R_PHASE_HOLIDAY] = {"phase-holiday", SEV_NOTE, false,
		"A phase that starts or ends on a public holiday."},
	[R_HOLIDAY_DATA] = {"holiday-data", SEV_NOTE, false,
		"A year the holiday data does not cover yet."},
	[R_CHAR_CONTROL] = {"char-control", SEV_ERROR, false,
		"A control character (C0 but tab/LF/CR, DEL, C1) or an invisible bidirectional control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) in the text."},
	[R_CELL_OVERFLOW] = {"cell-overflow", SEV_ERROR, false,
		"A table cell whose text is taller than a page: it would be cut off."},
	[R_FONT_LIMIT] = {"font-limit", SEV_ERROR, false,
		"More than 65,535 different characters drawn with one font in one document."},
};

enum { MAX_FINDINGS = 10000 };

/* s (allocated) with its control characters written out (ctrl.h): a
 * finding quotes plan values and file names, and printed raw an ESC in
 * one would drive the user's terminal (issue 16.4).  Every output of a
 * finding — text, JSON, SARIF — takes the message from here. */
static char *visible(char *s)
{
	char *v = ctrl_visible(s);
	free(s);
	return v;
}

static void add(Diags *d, const char *file, Pos pos, Severity sev, RuleId rule,
                const char *fmt, va_list ap)
{
	if ((unsigned)rule >= R_COUNT) {
		fprintf(stderr, "fangan: internal error: no rule %d\n", (int)rule);
		abort();
	}
	if (d->n >= MAX_FINDINGS) {
		d->dropped++;
		return;
	}
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	Finding *f = &d->v[d->n++];
	f->file = visible(xstrdup(file));
	f->pos = pos;
	f->severity = sev;
	f->rule_id = rule;
	f->rule = rules[rule].id;
	f->message = visible(xvasprintf(fmt, ap));
}

void diag_add(Diags *d, const char *file, Pos pos, RuleId rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file, pos, rules[rule].severity, rule, fmt, ap);
	va_end(ap);
}

void diag_add_sev(Diags *d, const char *file, Pos pos, Severity sev, RuleId rule,
                  const char *fmt, ...)
{
	if (sev != rules[rule].severity && !rules[rule].two &&
	    !(sev == SEV_NOTE && rules[rule].note_too)) {
		fprintf(stderr, "fangan: internal error: rule %s has one severity\n",
		        rules[rule].id);
		abort();
	}
	va_list ap;
	va_start(ap, fmt);
	add(d, file, pos, sev, rule, fmt, ap);
	va_end(ap);
}

RuleId rule_lookup(const char *id)
{
	for (int r = 0; r < R_COUNT; r++)
		if (!strcmp(rules[r].id, id))
			return (RuleId)r;
	return R_COUNT;
}

void diag_drop(Diags *d, size_t from, const bool off[R_COUNT], const char *file)
{
	size_t k = from;
	for (size_t i = from; i < d->n; i++) {
		Finding *f = &d->v[i];
		if (off[f->rule_id] && (!file || !strcmp(f->file, file))) {
			free(f->file);
			free(f->message);
		} else {
			d->v[k++] = *f;
		}
	}
	d->n = k;
}

void diag_copy(Diags *d, const Finding *f)
{
	diag_add_sev(d, f->file, f->pos, f->severity, f->rule_id, "%s", f->message);
}

/* Order two findings by file, line and column. */
static int finding_cmp(const Finding *x, const Finding *y)
{
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return 0;
}

/* A bottom-up merge sort: stable, so findings at one position keep the
 * order in which the checks added them (qsort would not). */
void diag_sort(Diags *d)
{
	if (d->n < 2)
		return;
	Finding *tmp = xmalloc(d->n * sizeof *tmp);
	for (size_t width = 1; width < d->n; width *= 2) {
		for (size_t lo = 0; lo < d->n; lo += 2 * width) {
			size_t mid = lo + width < d->n ? lo + width : d->n;
			size_t hi = lo + 2 * width < d->n ? lo + 2 * width : d->n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = finding_cmp(&d->v[i], &d->v[j]) <= 0 ? d->v[i++] : d->v[j++];
			while (i < mid)
				tmp[k++] = d->v[i++];
			while (j < hi)
				tmp[k++] = d->v[j++];
		}
		memcpy(d->v, tmp, d->n * sizeof *tmp);
	}
	free(tmp);
}

size_t diag_count(const Diags *d, Severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].severity == sev;
	return n;
}

void diag_free(Diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

static const char *sev_name(Severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_NOTE ? "note" : "warning";
}

static void write_text(const Diags *d, bool color, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const Finding *f = &d->v[i];
		const char *on = "", *off = "", *bold = "";
		if (color) {
			on = f->severity == SEV_ERROR ? "\033[1;31m"
			   : f->severity == SEV_NOTE ? "\033[1;36m" : "\033[1;35m";
			off = "\033[0m";
			bold = "\033[1m";
		}
		if (f->pos.line > 0)
			fprintf(out, "%s%s:%d:%d:%s %s%s:%s %s [%s]\n", bold, f->file,
			        f->pos.line, f->pos.col, off, on, sev_name(f->severity),
			        off, f->message, f->rule);
		else
			fprintf(out, "%s%s:%s %s%s:%s %s [%s]\n", bold, f->file, off, on,
			        sev_name(f->severity), off, f->message, f->rule);
	}
	if (d->dropped)
		fprintf(out, ngettext("fangan: %zu more finding not shown\n",
		                      "fangan: %zu more findings not shown\n", d->dropped),
		        d->dropped);
}

static void write_json(const Diags *d, FILE *out)
{
	Buf b = {0};
	buf_puts(&b, "{\n  \"version\": \"" FANGAN_VERSION "\",\n  \"findings\": [");
	for (size_t i = 0; i < d->n; i++) {
		const Finding *f = &d->v[i];
		buf_puts(&b, i ? ",\n    {" : "\n    {");
		buf_puts(&b, "\"file\": \"");
		buf_json_str(&b, f->file);
		buf_printf(&b, "\", \"line\": %d, \"column\": %d, \"severity\": \"%s\", "
		           "\"rule\": \"%s\", \"message\": \"",
		           f->pos.line, f->pos.col, sev_name(f->severity), f->rule);
		buf_json_str(&b, f->message);
		buf_puts(&b, "\"}");
	}
	buf_printf(&b, "%s],\n  \"errors\": %zu,\n  \"warnings\": %zu,\n  \"notes\": %zu,\n"
	           "  \"dropped\": %zu\n}\n",
	           d->n ? "\n  " : "", diag_count(d, SEV_ERROR),
	           diag_count(d, SEV_WARNING), diag_count(d, SEV_NOTE), d->dropped);
	fputs(buf_cstr(&b), out);
	buf_free(&b);
}

static void write_sarif(const Diags *d, FILE *out)
{
	Buf b = {0};
	buf_puts(&b,
	         "{\n"
	         "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	         "  \"version\": \"2.1.0\",\n"
	         "  \"runs\": [{\n"
	         "    \"tool\": {\"driver\": {\n"
	         "      \"name\": \"fangan\",\n"
	         "      \"version\": \"" FANGAN_VERSION "\",\n"
	         "      \"informationUri\": \"https://example.invalid/fangan\",\n"
	         "      \"rules\": [");
	for (size_t i = 0; i < R_COUNT; i++) {
		buf_printf(&b,
		           "%s\n        {\"id\": \"%s\", \"shortDescription\": {\"text\": \"",
		           i ? "," : "", rules[i].id);
		buf_json_str(&b, rules[i].summary);
		buf_printf(&b, "\"}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
		           sev_name(rules[i].severity));
	}
	buf_puts(&b, "\n      ]\n    }},\n"
	             "    \"columnKind\": \"unicodeCodePoints\",\n"
	             "    \"results\": [");
	for (size_t i = 0; i < d->n; i++) {
		const Finding *f = &d->v[i];
		size_t idx = (size_t)f->rule_id;
		buf_printf(&b, "%s\n      {\"ruleId\": \"%s\", \"ruleIndex\": %zu, "
		           "\"level\": \"%s\", \"message\": {\"text\": \"",
		           i ? "," : "", f->rule, idx, sev_name(f->severity));
		buf_json_str(&b, f->message);
		buf_puts(&b, "\"}, \"locations\": [{\"physicalLocation\": {"
		             "\"artifactLocation\": {\"uri\": \"");
		/* A URI reference: percent-encoded, so any file name is one. */
		buf_uri_path(&b, f->file);
		buf_puts(&b, "\"}");
		if (f->pos.line > 0)
			buf_printf(&b, ", \"region\": {\"startLine\": %d, \"startColumn\": %d}",
			           f->pos.line, f->pos.col);
		buf_puts(&b, "}}]}");
	}
	buf_printf(&b, "%s]\n  }]\n}\n", d->n ? "\n    " : "");
	fputs(buf_cstr(&b), out);
	buf_free(&b);
}

void diag_write(const Diags *d, DiagFormat fmt, bool color, FILE *out)
{
	switch (fmt) {
	case FMT_TEXT: write_text(d, color, out); break;
	case FMT_JSON: write_json(d, out); break;
	case FMT_SARIF: write_sarif(d, out); break;
	}
}
