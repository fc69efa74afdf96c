/* yamlout.c — the imported plan written out: front matter, then body.
 *
 * The front matter uses the keys of spec/plan-format.md in its order;
 * every guess carries a “# 请核对：…” comment on its line.  The body is
 * Markdown: ## … ##### for the four heading levels, **lead** for run-in
 * heads, pipe tables, and everything else as paragraphs with the
 * characters Markdown would take as markup escaped.
 */
#include <string.h>

#include "headnum.h"
#include "import_int.h"
#include "score.h"

static void key(Buf *b, const char *indent, const char *k, const char *v, const char *why)
{
	buf_printf(b, "%s%s: ", indent, k);
	buf_yaml_scalar(b, v);
	if (why)
		buf_printf(b, "  # 请核对：%s", why);
	buf_putc(b, '\n');
}

static void day_key(Buf *b, const char *indent, const char *k, Day d)
{
	char iso[11];
	day_format_iso(d, iso);
	buf_printf(b, "%s%s: %s\n", indent, k, iso);
}

static void timeline(const Import *im, Buf *b)
{
	char a[11], z[11];
	if (im->nphases && im->cstart != DAY_NONE && im->cend != DAY_NONE) {
		day_format_iso(im->cstart, a);
		day_format_iso(im->cend, z);
		buf_printf(b, "\ncampaign: {start: %s, end: %s}", a, z);
		if (im->campaign_note)
			buf_printf(b, "  # 请核对：%s", im->campaign_note);
		buf_putc(b, '\n');
	}
	if (im->nphases)
		buf_puts(b, im->year_note ? "phases:  # 请核对：年份是推定的\n" : "phases:\n");
	for (size_t i = 0; i < im->nphases; i++) {
		const IPhase *p = &im->phases[i];
		buf_puts(b, "  - name: ");
		buf_yaml_scalar(b, p->name);
		if (p->note)
			buf_printf(b, "  # 请核对：%s", p->note);
		buf_putc(b, '\n');
		if (p->start != DAY_NONE)
			day_key(b, "    ", "start", p->start);
		if (p->end != DAY_NONE)
			day_key(b, "    ", "end", p->end);
	}
	if (im->ndeadlines)
		buf_puts(b, "deadlines:\n");
	for (size_t i = 0; i < im->ndeadlines; i++) {
		const IDeadline *d = &im->deadlines[i];
		buf_puts(b, "  - name: ");
		buf_yaml_scalar(b, d->name);
		if (d->note)
			buf_printf(b, "  # 请核对：%s", d->note);
		buf_putc(b, '\n');
		day_key(b, "    ", "due", d->due);
		if (d->by)
			key(b, "    ", "by", d->by, NULL);
		if (d->to)
			key(b, "    ", "to", d->to, NULL);
		if (d->form)
			key(b, "    ", "form", d->form, NULL);
	}
}

static void criteria(const Import *im, Buf *b)
{
	if (!im->nitems && !im->nratings)
		return;
	buf_puts(b, "\ncriteria:\n");
	char num[SCORE_STRLEN];
	if (im->total)
		buf_printf(b, "  total: %s\n", score_str(num, im->total));
	if (im->nitems)
		buf_puts(b, "  items:\n");
	for (size_t i = 0; i < im->nitems; i++) {
		key(b, "    - ", "name", im->items[i].name, NULL);
		buf_printf(b, "      points: %s\n", score_str(num, im->items[i].points));
		if (*im->items[i].standard)
			key(b, "      ", "standard", im->items[i].standard, NULL);
	}
	if (im->nratings)
		buf_puts(b, "  ratings:\n");
	for (size_t i = 0; i < im->nratings; i++) {
		key(b, "    - ", "name", im->ratings[i].name, NULL);
		if (im->ratings[i].min >= 0)
			buf_printf(b, "      min: %s\n", score_str(num, im->ratings[i].min));
		if (im->ratings[i].max >= 0)
			buf_printf(b, "      max: %s\n", score_str(num, im->ratings[i].max));
	}
}

static void quotas(const Import *im, Buf *b)
{
	if (im->nquotas)
		buf_puts(b, "quotas:\n");
	for (size_t i = 0; i < im->nquotas; i++) {
		const IQuota *q = &im->quotas[i];
		key(b, "  - ", "name", q->name, NULL);
		if (q->min >= 0)
			buf_printf(b, "    min_percent: %d\n", q->min);
		if (q->max >= 0)
			buf_printf(b, "    max_percent: %d\n", q->max);
		key(b, "    ", "of", q->of, NULL);
	}
}

static void attachments(const Import *im, Buf *b)
{
	if (!im->nattach)
		return;
	buf_puts(b, "\nattachments:\n");
	for (size_t i = 0; i < im->nattach; i++) {
		const IAttach *a = &im->attach[i];
		key(b, "  - ", "id", a->id, NULL);
		buf_printf(b, "    type: %s", a->type);
		if (!strcmp(a->type, "text"))
			buf_puts(b, "  # 请核对：文字附件的正文请另存为Markdown文件，用 file: 指定");
		else if (!strcmp(a->type, "form") && !a->nfields)
			buf_puts(b, "  # 请核对：表格的栏目（fields）请照原表填写");
		else if (!strcmp(a->type, "ledger"))
			buf_puts(b, "  # 请核对：台账的列（columns）和行（rows）请照原表填写");
		buf_putc(b, '\n');
		key(b, "    ", "title", a->title, NULL);
		bool form = !strcmp(a->type, "form");
		if (form && a->nfields)
			buf_puts(b, "    fields:\n");
		for (size_t f = 0; form && f < a->nfields; f++) {
			buf_puts(b, "      - ");
			buf_yaml_scalar(b, a->fields[f]);
			buf_putc(b, '\n');
		}
	}
}

static void front_matter(const Import *im, Buf *b)
{
	buf_printf(b, "---\n# 由 fangan import 从 %s 导入。标有“请核对”的地方是推定的，请对照原文确认。\n",
	           im->path);
	if (im->title)
		key(b, "", "title", im->title, im->title_note);
	else
		key(b, "", "title", "××实施方案", "文中没有找到标题，请填写");
	if (im->issuer)
		key(b, "", "issuer", im->issuer, NULL);
	else
		buf_puts(b, "# issuer: 某某单位  # 请核对：文中没有署名，请填写发文机关\n");
	if (im->doc_number)
		key(b, "", "doc_number", im->doc_number, NULL);
	else
		buf_printf(b, "# doc_number: 某单位〔%d〕1号  # 请核对：文中没有发文字号\n", im->year);
	if (im->date != DAY_NONE)
		day_key(b, "", "date", im->date);
	else
		buf_printf(b, "# date: %d-01-01  # 请核对：文中没有成文日期\n", im->year);
	if (im->recipients)
		key(b, "", "recipients", im->recipients, NULL);
	if (im->ncc) {
		buf_puts(b, "cc: [");
		for (size_t i = 0; i < im->ncc; i++) {
			buf_puts(b, i ? ", " : "");
			buf_yaml_scalar(b, im->cc[i]);
		}
		buf_puts(b, "]\n");
	}
	if (im->printed_by)
		key(b, "", "printed_by", im->printed_by, NULL);
	if (im->printed_on != DAY_NONE)
		day_key(b, "", "printed_on", im->printed_on);
	if (im->note)
		key(b, "", "note", im->note, NULL);
	timeline(im, b);
	criteria(im, b);
	quotas(im, b);
	attachments(im, b);
	buf_puts(b, "---\n");
}

/* Markdown text: escape what CommonMark would read as markup. */
static void md_text(Buf *b, const char *s, size_t n, bool at_start)
{
	if (at_start) {
		size_t d = 0;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
			buf_add(b, s, d);
			buf_putc(b, '\\');
			s += d;
			n -= d;
		} else if (n > 0 && strchr("#>-+=", s[0])) {
			buf_putc(b, '\\');
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (strchr("*_`[]<\\|~", s[i]))
			buf_putc(b, '\\');
		buf_putc(b, s[i]);
	}
}

static void table(const Import *im, Buf *b, size_t *bi)
{
	size_t first = *bi, last = first, cols = 0;
	while (last < im->nblocks && im->blocks[last].kind == BK_TABLE &&
	       im->blocks[last].src->table == im->blocks[first].src->table) {
		if (im->blocks[last].src->ncells > cols)
			cols = im->blocks[last].src->ncells;
		last++;
	}
	for (size_t r = first; r < last; r++) {
		const SrcLine *l = im->blocks[r].src;
		buf_puts(b, "|");
		for (size_t c = 0; c < cols; c++) {
			buf_putc(b, ' ');
			if (c < l->ncells)
				md_text(b, l->cells[c], strlen(l->cells[c]), false);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
		if (r == first) {
			buf_puts(b, "|");
			for (size_t c = 0; c < cols; c++)
				buf_puts(b, "---|");
			buf_putc(b, '\n');
		}
	}
	*bi = last - 1;
}

static void body(const Import *im, Buf *b)
{
	for (size_t i = 0; i < im->nblocks; i++) {
		const Block *k = &im->blocks[i];
		const char *t = k->src->text;
		size_t n = strlen(t);
		buf_putc(b, '\n');
		switch (k->kind) {
		case BK_HEADING:
			buf_printf(b, "%.*s ", k->level + 1, "######");
			md_text(b, t, n, false);
			break;
		case BK_RUNIN:
			buf_puts(b, "**");
			md_text(b, t, k->lead, false);
			buf_puts(b, "**");
			md_text(b, t + k->lead, n - k->lead, false);
			break;
		case BK_TABLE:
			table(im, b, &i);
			continue;
		case BK_PARA:
			md_text(b, t, n, true);
			break;
		}
		buf_putc(b, '\n');
	}
}

void write_plan(const Import *im, Buf *out)
{
	front_matter(im, out);
	body(im, out);
}
