/* cmd_new.c — `fangan new NAME`: a plan skeleton to start from.
 *
 * The skeleton has every front-matter key, explained in Chinese YAML
 * comments for the author, and a short body in 公文 style whose 实施步骤
 * repeat the phases' dates.  It passes `fangan check` with no findings
 * as written (tests/cli.sh holds it to that), so whatever the checker
 * says later is about the author's edits.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "ctrl.h"
#include "fname.h"
#include "util.h"
#include "i18n.h"

static const char *const usage = N_(
	"usage: fangan new [-o DIR] [--date YYYY-MM-DD] [--title TITLE] [--format FORMAT] NAME\n"
	"\n"
	"Write a new plan, DIR/NAME.md (DIR: plans), from a skeleton: every\n"
	"front-matter key with a comment on what it means, and an example body.\n"
	"The timeline counts from the document's date: three phases (two weeks,\n"
	"to the end of the third month after, then one month), deadlines on\n"
	"working days.  As written it passes fangan check with no findings.\n"
	"An existing file is never overwritten.\n"
	"\n"
	"  -o, --dir DIR    the folder to write into (made when missing)\n"
	"  --date DATE      the document's date (default: today)\n"
	"  --title TITLE    the plan's title (default: 关于开展某某专项行动的实施方案)\n"
	"  --format FORMAT  document (a 文件, the default), letter (信函), minutes\n"
	"                   (纪要) or order (命令): a short skeleton in that layout\n"
	"  -h, --help       this help\n"
	"\n"
	"Exit status: 0 written (its path is printed), 2 bad arguments, the file\n"
	"exists, or it could not be written.\n");

/* NAME becomes a file name: it must stay one plain name inside DIR, and
 * be one the output-name cleaner (fname.h) would leave as it is — no
 * control, bidirectional control or line separator, none of the
 * characters Windows refuses — so the plan's outputs get its very name. */
static bool safe_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 200 || s[0] == '-' || strstr(s, "..") ||
	    utf8_invalid_at(s, n) != (size_t)-1)
		return false;
	char *clean = fname_clean(s, n, "");
	bool same = strcmp(clean, s) == 0;
	free(clean);
	return same;
}

/* mkdir -p: make dir and any missing parents. */
static bool make_dirs(const char *dir)
{
	char *d = xstrdup(dir);
	bool ok = true;
	for (char *s = d + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(d, 0777) != 0 && errno != EEXIST)
			ok = false;
		*s = c;
		if (c == '\0')
			break;
	}
	struct stat st;
	if (ok && (stat(d, &st) != 0 || !S_ISDIR(st.st_mode))) {
		errno = ENOTDIR;
		ok = false;
	}
	free(d);
	return ok;
}

static Day next_workday(Day d)
{
	while (day_weekday(d) == 0 || day_weekday(d) == 6)
		d++;
	return d;
}

static Day prev_workday(Day d)
{
	while (day_weekday(d) == 0 || day_weekday(d) == 6)
		d--;
	return d;
}

/* The last day of the month that is `months` months after day's. */
static Day month_end_after(Day day, int months)
{
	int y, m, d;
	day_to_ymd(day, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	return day_from_ymd(y, m, days_in_month(y, m));
}

typedef struct {
	Day date;            /* 成文日期, campaign start, phase 1 start */
	Day p1_end, p2_start, p2_end, p3_start, p3_end;
	Day due1, due2;      /* 申报表 in phase 1, 总结 in phase 3 */
} Timeline;

/* The relative scheme: phase 1 two weeks from the date; phase 2 to the
 * end of the third month after; phase 3 the month after that.  The
 * first deadline on the first working day from day 9 (inside phase 1,
 * after the date), the second on the working day on or before the 20th
 * of phase 3's month. */
static Timeline timeline(Day date)
{
	Timeline t;
	t.date = date;
	t.p1_end = date + 13;
	t.p2_start = t.p1_end + 1;
	t.p2_end = month_end_after(date, 3);
	t.p3_start = t.p2_end + 1;
	t.p3_end = month_end_after(date, 4);
	t.due1 = next_workday(date + 9);
	t.due2 = prev_workday(t.p3_start + 19);
	return t;
}

static const char *iso(Day d, char buf[11])
{
	day_format_iso(d, buf);
	return buf;
}

/* "2024年3月4日至3月17日", the year repeated only when it changes. */
static void cn_range(Buf *b, Day a, Day z)
{
	char x[32], y[32];
	int ya, yz, m, d;
	day_to_ymd(a, &ya, &m, &d);
	day_to_ymd(z, &yz, &m, &d);
	day_format_cn(a, x);
	if (ya == yz)
		day_format_cn_short(z, y);
	else
		day_format_cn(z, y);
	buf_printf(b, "%s至%s", x, y);
}

static void front_matter(Buf *b, const Timeline *t, const char *title)
{
	char a[11], z[11];
	int year, m, d;
	day_to_ymd(t->date, &year, &m, &d);
	buf_puts(b, "---\n"
		"# 公文要素（GB/T 9704-2012）。只有 title 必填；issuer、date、doc_number 应当填写。\n"
		"# 日期一律写作 YYYY-MM-DD。\n");
	buf_puts(b, "title: ");
	buf_yaml_scalar(b, title);
	buf_puts(b, "  # 标题\n");
	buf_puts(b, "issuer: 某某单位  # 发文机关署名\n"
		"# header: 某某单位文件  # 发文机关标志（红头），不写则为 issuer 加“文件”\n");
	buf_printf(b, "doc_number: 某单位〔%d〕1号  # 发文字号：年份用六角括号〔〕，序号不编虚位\n", year);
	buf_printf(b, "date: %s  # 成文日期\n", iso(t->date, a));
	buf_puts(b, "recipients: 各有关单位  # 主送机关，多个时写成列表 [甲, 乙]\n"
		"cc: [某某上级机关]  # 抄送机关\n"
		"printed_by: 某某单位办公室  # 印发机关（版记）\n");
	buf_printf(b, "printed_on: %s  # 印发日期\n", iso(t->date, a));
	buf_puts(b, "# copy_number: \"000001\"  # 份号，涉密公文才标注\n"
		"# secrecy: 秘密★1年  # 密级和保密期限\n"
		"# urgency: 加急  # 紧急程度：特急、加急\n"
		"# signer: 某某  # 签发人，上行文才标注；几位签发人写成列表 [甲, 乙]\n"
		"# format: document  # 版式：document 文件，letter 信函，minutes 纪要，order 命令\n"
		"# seal: false  # 有发文机关的文件默认加盖印章（留出印章位置）；不盖章写 false\n"
		"# signed_by: 主任  # 签发人职务：以职务加签名章署名，不再加盖机关印章\n"
		"# note: 此件公开发布  # 附注\n"
		"\n"
		"# 时间安排。正文写到的日期要与这里一致，fangan check 会逐一核对。\n");
	buf_printf(b, "campaign: {start: %s, end: %s}  # 整个活动的起止日期\n",
	           iso(t->date, a), iso(t->p3_end, z));
	buf_puts(b, "phases:  # 实施步骤，按时间先后排列，首尾相接\n"
		"  - name: 动员部署阶段\n");
	buf_printf(b, "    start: %s  # 不写 start：从上一阶段结束的次日（第一阶段为活动开始日）起\n",
	           iso(t->date, a));
	buf_printf(b, "    end: %s  # 不写 end：到下一阶段开始的前一天（最后阶段为活动结束日）止\n",
	           iso(t->p1_end, a));
	buf_printf(b, "  - name: 组织实施阶段\n    start: %s\n    end: %s\n",
	           iso(t->p2_start, a), iso(t->p2_end, z));
	buf_printf(b, "  - name: 总结验收阶段\n    start: %s\n    end: %s\n",
	           iso(t->p3_start, a), iso(t->p3_end, z));
	buf_puts(b, "deadlines:  # 报送时限：不要落在周末，不能早于成文日期\n"
		"  - name: 报送创建申报表\n");
	buf_printf(b, "    due: %s\n", iso(t->due1, a));
	buf_puts(b, "    by: 各有关单位  # 报送单位\n"
		"    to: 某某单位办公室  # 报送对象\n"
		"    phase: 动员部署阶段  # 可选：截止日期必须落在的阶段\n"
		"    form: application  # 可选：报送的附件，写 attachments 中的 id\n"
		"  - name: 报送工作总结\n");
	buf_printf(b, "    due: %s\n", iso(t->due2, a));
	buf_puts(b, "    by: 各有关单位\n"
		"    to: 某某单位办公室\n"
		"    phase: 总结验收阶段\n"
		"\n"
		"# 评分标准和等次：各项分值之和等于 total；等次的分数段首尾相接、互不重叠，\n"
		"# min、max 都含本数，不写 min 从0分起，不写 max 到 total 止。\n"
		"# 分值可以是整数或一位小数（如 points: 17.5）。\n"
		"criteria:\n"
		"  total: 100\n"
		"  items:\n"
		"    - {name: 组织领导, points: 30, standard: 成立工作专班，明确责任分工}\n"
		"    - {name: 工作落实, points: 50, standard: 按时完成各阶段任务}\n"
		"    - {name: 总结宣传, points: 20, standard: 及时总结经验做法}\n"
		"  ratings:\n"
		"    - {name: 优秀, min: 90}\n"
		"    - {name: 良好, min: 80, max: 89}\n"
		"    - {name: 合格, min: 60, max: 79}\n"
		"    - {name: 不合格, max: 59}\n"
		"quotas:  # 比例要求，百分数（0～100）\n"
		"  - {name: 优秀等次, max_percent: 20, of: 参评单位总数}\n"
		"\n"
		"# 附件，依次为附件1、附件2……\n"
		"attachments:\n"
		"  - id: application  # 供 deadlines 的 form 引用，也用作输出文件名\n"
		"    type: form  # form 表格，ledger 台账，scoresheet 评分表，text 文字附件（file 指定文件）\n"
		"    title: 创建申报表\n"
		"    fields:  # 每项一栏；width: half 两栏并排，lines 栏高行数，sign 加盖章签字栏\n"
		"      - 申报单位\n"
		"      - {name: 联系人, width: half}\n"
		"      - {name: 联系电话, width: half}\n"
		"      - {name: 主要举措, lines: 6}\n"
		"      - {name: 单位意见, sign: true}\n"
		"    # template: 申报表.xml  # 可选：templates/ 中代替默认样式的模板（见 template.rng）\n"
		"  - id: scoresheet\n"
		"    type: scoresheet  # 按 criteria 生成评分表\n"
		"    title: 评分标准\n"
		"# 参与单位：每个单位各生成一份填好单位名称的表格\n"
		"units: [某某单位甲, 某某单位乙]\n"
		"---\n");
}

static void body(Buf *b, const Timeline *t)
{
	char due1[32], due2[32];
	day_format_cn(t->due1, due1);
	day_format_cn(t->due2, due2);
	buf_puts(b, "\n"
		"为深入贯彻上级有关部署要求，推动某某工作落实落细，经研究，决定开展某某专项行动。"
		"现结合实际，制定本实施方案。\n"
		"\n"
		"## 一、指导思想\n"
		"\n"
		"坚持以习近平新时代中国特色社会主义思想为指导，围绕中心、服务大局，"
		"以解决实际问题为导向，推动各项工作任务落到实处。\n"
		"\n"
		"## 二、工作目标\n"
		"\n"
		"通过开展专项行动，健全工作机制，形成一批可复制、可推广的经验做法。\n"
		"\n"
		"## 三、实施步骤\n"
		"\n"
		"**（一）动员部署阶段（");
	cn_range(b, t->date, t->p1_end);
	buf_printf(b, "）。**各有关单位要结合实际制定具体措施，做好宣传发动，"
		"并于%s前将创建申报表（附件1）报送某某单位办公室。\n"
		"\n"
		"**（二）组织实施阶段（", due1);
	cn_range(b, t->p2_start, t->p2_end);
	buf_puts(b, "）。**各有关单位要按照方案确定的目标任务，逐项抓好落实，"
		"及时研究解决工作中遇到的问题。\n"
		"\n"
		"**（三）总结验收阶段（");
	cn_range(b, t->p3_start, t->p3_end);
	buf_printf(b, "）。**各有关单位要认真总结工作成效，于%s前将工作总结报送某某单位办公室。"
		"某某单位对照评分标准（附件2）组织验收，评定等次。\n"
		"\n"
		"## 四、工作要求\n"
		"\n"
		"**（一）加强组织领导。**各有关单位要明确责任领导和具体承办人员，确保各项任务有序推进。\n"
		"\n"
		"**（二）严格时间节点。**各有关单位要按照规定时限报送有关材料，不得迟报、漏报。\n"
		"\n"
		"附件：1.创建申报表\n"
		"2.评分标准\n", due2);
}

/* The other layouts (GB/T 9704 §10): short skeletons without a timeline,
 * each passing check as written. */
static void letter(Buf *b, Day date, const char *title)
{
	char a[11];
	int year, m, d;
	day_to_ymd(date, &year, &m, &d);
	buf_puts(b, "---\n"
		"# 信函格式（GB/T 9704-2012 §10.1）：发文机关标志距纸张上边缘30mm，其下和页面下方各一条\n"
		"# 红色双线，发文字号在上双线下顶格居右，首页不显示页码，版记不标注印发机关和印发日期。\n"
		"format: letter\n"
		"title: ");
	buf_yaml_scalar(b, title);
	buf_puts(b, "  # 标题\n"
		"issuer: 某某单位  # 发文机关：标志只用机关名称，不加“文件”\n");
	buf_printf(b, "doc_number: 某单位函〔%d〕1号  # 发文字号\n", year);
	buf_printf(b, "date: %s  # 成文日期\n", iso(date, a));
	buf_puts(b, "recipients: 某某单位  # 主送机关\n"
		"# seal: false  # 默认加盖印章；不盖章写 false\n"
		"# copy_number: \"000001\"  # 份号，在上双线下顶格居左\n"
		"# secrecy: 秘密★1年  # 密级和保密期限\n"
		"# cc: [某某单位]  # 抄送机关\n"
		"# note: 联系人：某某；电话：1234567  # 附注\n"
		"---\n"
		"\n"
		"为做好某某工作，需要贵单位在某某方面给予支持。现将有关事项函告如下。\n"
		"\n"
		"## 一、有关情况\n"
		"\n"
		"某某工作涉及面广、任务较重，需要有关单位密切配合。\n"
		"\n"
		"## 二、商请事项\n"
		"\n"
		"请贵单位指定一名联系人，协助做好某某工作。\n"
		"\n"
		"特此函商，请予支持。\n");
}

static void minutes(Buf *b, Day date, const char *title)
{
	char a[11];
	buf_puts(b, "---\n"
		"# 纪要格式（GB/T 9704-2012 §10.3）：标志为“某某纪要”，正文之后列出席、请假、列席人员，\n"
		"# 不署名，不加盖印章。\n"
		"format: minutes\n"
		"title: ");
	buf_yaml_scalar(b, title);
	buf_puts(b, "  # 标题\n"
		"header: 某某单位会议纪要  # 纪要标志，不写则为 issuer 加“纪要”\n"
		"issuer: 某某单位  # 发文机关\n"
		"doc_number: 第1期  # 期号，与成文日期同在标志下一行\n");
	buf_printf(b, "date: %s  # 成文日期\n", iso(date, a));
	buf_puts(b, "attendees: [某某, 某某某]  # 出席\n"
		"on_leave: [某某]  # 请假（没有则删去）\n"
		"observers: [某某某]  # 列席（没有则删去）\n"
		"---\n"
		"\n"
		"某某单位召开某某工作会议，研究某某工作。现将会议议定事项纪要如下：\n"
		"\n"
		"## 一、关于某某工作\n"
		"\n"
		"会议认为，某某工作开局良好。会议要求，各有关单位要抓好落实。\n"
		"\n"
		"## 二、关于某某事项\n"
		"\n"
		"会议同意某某事项，由某某单位牵头办理。\n");
}

static void order(Buf *b, Day date, const char *title)
{
	char a[11];
	buf_puts(b, "---\n"
		"# 命令（令）格式（GB/T 9704-2012 §10.2）：标志为发文机关全称加“令”，距版心上边缘20mm，\n"
		"# 令号在标志下空二行居中，正文在令号下空二行，以签发人职务和签名章署名。\n"
		"format: order\n"
		"title: ");
	buf_yaml_scalar(b, title);
	buf_puts(b, "  # 标题（命令不印标题，只用于文件信息）\n"
		"issuer: 某某单位  # 发文机关全称\n"
		"doc_number: 第1号  # 令号\n");
	buf_printf(b, "date: %s  # 成文日期\n", iso(date, a));
	buf_puts(b, "signed_by: 主任  # 签发人职务，其右留出签名章位置\n"
		"---\n"
		"\n"
		"《某某管理办法》已经某某会议审议通过，现予公布，自公布之日起施行。\n");
}

/* Create path with the skeleton; never replaces an existing file. */
static bool write_new(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0) {
		if (errno == EEXIST)
			fprintf(stderr, _("fangan new: %s already exists; not overwriting it\n"), path);
		else
			fprintf(stderr, "fangan new: %s: %s\n", path, strerror(errno));
		return false;
	}
	size_t len = strlen(text), done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)w;
	}
	if (close(fd) != 0 || done < len) {
		fprintf(stderr, "fangan new: %s: %s\n", path, strerror(errno));
		unlink(path); /* no half-written plan */
		return false;
	}
	return true;
}

int cmd_new(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"dir", required_argument, NULL, 'o'},
		{"date", required_argument, NULL, 'd'},
		{"title", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	const char *dir = "plans", *title = NULL, *name = NULL, *format = "document";
	Day date = DAY_NONE;
	int c;
	cli_opt_begin();
	while ((c = cli_opt("new", usage, argc, argv, "o:h", longopts)) != -1) {
		const char *v = optarg;
		switch (c) {
		case 'h':
			fputs(_(usage), stdout);
			return 0;
		case 'o':
			if (!*v) {
				fprintf(stderr, _("fangan: %s needs a value\n"), "--dir");
				return 2;
			}
			dir = v;
			break;
		case 'd':
			if (!day_parse_iso(v, &date)) {
				fprintf(stderr, _("fangan new: --date wants a date YYYY-MM-DD, not '%s'\n"), v);
				return 2;
			}
			break;
		case 't':
			/* The title goes into YAML as a plain scalar: keep it one
			 * line, and not empty. */
			if (!*v || strpbrk(v, "\n\r")) {
				fputs(_("fangan new: --title wants one line of text\n"), stderr);
				return 2;
			}
			title = v;
			break;
		case 'f':
			if (strcmp(v, "document") && strcmp(v, "letter") && strcmp(v, "minutes") &&
			    strcmp(v, "order")) {
				fprintf(stderr, _("fangan new: --format wants document, letter, minutes "
				                  "or order, not '%s'\n"), v);
				return 2;
			}
			format = v;
			break;
		default:
			return 2;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, _("fangan new: one NAME only ('%s' and '%s')\n"), argv[optind],
		        argv[optind + 1]);
		return 2;
	}
	name = optind < argc ? argv[optind] : NULL;
	if (!name) {
		fputs(_(usage), stderr);
		return 2;
	}
	size_t nl = strlen(name);
	char *stem = nl > 3 && !strcmp(name + nl - 3, ".md") ? xstrndup(name, nl - 3) : xstrdup(name);
	if (!safe_name(stem)) {
		char *shown = ctrl_visible(name);
		fprintf(stderr, _("fangan new: '%s' is not a plain file name (no '/', no '..', "
		          "not starting with '.' or '-', no control or invisible direction "
		          "characters, none of \\ : * ? \" < > |)\n"), shown);
		free(shown);
		free(stem);
		return 2;
	}
	if (!make_dirs(dir)) {
		fprintf(stderr, "fangan new: %s: %s\n", dir, strerror(errno));
		free(stem);
		return 2;
	}
	if (date == DAY_NONE)
		date = today_local();
	Buf b = {0};
	if (!strcmp(format, "letter")) {
		letter(&b, date, title ? title : "关于商请支持某某工作的函");
	} else if (!strcmp(format, "minutes")) {
		minutes(&b, date, title ? title : "某某工作会议纪要");
	} else if (!strcmp(format, "order")) {
		order(&b, date, title ? title : "某某单位令");
	} else {
		Timeline t = timeline(date);
		front_matter(&b, &t, title ? title : "关于开展某某专项行动的实施方案");
		body(&b, &t);
	}
	char *path = xasprintf("%s%s%s.md", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", stem);
	bool ok = write_new(path, buf_cstr(&b));
	if (ok)
		printf("%s\n", path);
	free(path);
	free(stem);
	buf_free(&b);
	return ok ? 0 : 2;
}
