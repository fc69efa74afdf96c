/* check_meta.c — the document's own fields (spec §2, field-missing).
 *
 * Only `title` is required; `issuer`, `date` and `doc_number` are
 * expected of an official document (GB/T 9704: 发文机关署名, 成文日期,
 * 发文字号), so their absence is a warning.  A plan without front matter
 * has already been reported (front-matter), and every field would be
 * "missing" there, so nothing is said about it here.
 */
#include "check.h"

/* A missing key has no place of its own in the file: point at the top
 * of the front matter, where it would be added. */
static const Pos top = {1, 1};

/* Report a string field that is absent or empty.  When the key is
 * written but holds nothing (`title:` or `title: ""`), its own position
 * is the exact one. */
static void need_str(const Plan *p, Diags *d, const Str *s, Severity sev,
                     const char *what, const char *why)
{
	if (s->s && s->s[0])
		return;
	bool written = s->pos.line > 0;
	diag_add_sev(d, p->path, written ? s->pos : top, sev, MSG_FIELD_MISSING_KEY, written ? "没有填写" : "缺少", what, why);
}

/* The reader leaves day at DAY_NONE both for an absent key and for an
 * invalid value.  An invalid value keeps the key's position and has been
 * reported as date-invalid already; only a date with no position at all
 * was never written. */
static void need_date(const Plan *p, Diags *d, const Date *dt,
                      const char *what, const char *why)
{
	if (dt->day != DAY_NONE || dt->pos.line > 0)
		return;
	diag_add_sev(d, p->path, top, SEV_WARNING, MSG_FIELD_MISSING_DATE, what, why);
}

/* A campaign, or a last phase, that never ends: the timeline cannot be
 * checked against it and the calendar has no end to show.  One finding:
 * the campaign's when it is written, else the last phase's. */
static void need_end(const Plan *p, Diags *d)
{
	if (p->campaign_pos.line > 0 && p->campaign_end.pos.line == 0) {
		diag_add(d, p->path, p->campaign_pos, MSG_FIELD_MISSING_CAMPAIGN_END);
		return;
	}
	if (p->nphases == 0 || p->campaign_pos.line > 0)
		return;
	const Phase *ph = &p->phases[p->nphases - 1];
	if (ph->end.implied && ph->end.day == DAY_NONE)
		diag_add(d, p->path, ph->pos, MSG_FIELD_MISSING_PHASE_END,
		         ph->name.s ? ph->name.s : "");
}

void check_meta(const Plan *p, Diags *d)
{
	if (!p->has_front_matter)
		return;
	need_str(p, d, &p->title, SEV_ERROR, "标题（title）", "：标题是必填项");
	need_str(p, d, &p->issuer, SEV_WARNING, "发文机关（issuer）",
	         "：公文将没有发文机关署名");
	need_date(p, d, &p->date, "成文日期（date）",
	          "：公文将没有成文日期，也无法检查截止日期是否早于发文");
	need_str(p, d, &p->doc_number, SEV_WARNING, "发文字号（doc_number）", "");
	need_end(p, d);
}
