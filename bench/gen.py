#!/usr/bin/env python3
"""Synthetic plans for bench/run.sh.

    gen.py DIR

writes, under DIR:
  notices/  50 short notices of two pages, variants of bench/notice.md
            (another issuer, topic and order of paragraphs each, so that
            the documents do not all subset the same glyphs);
  many/     2,000 such notices (2,000 small documents);
  long/     one plan of about 30 pages;
  units/    one plan with 2,000 units and a form attachment: the plan,
            the form alone and 2,000 per-unit copies of it;
  units20k/ the same plan with 20,000 units.

Every plan passes `fangan check` without errors (warnings are allowed):
a plan with errors would not be rendered and would measure nothing.
The output is the same on every run (a fixed seed).
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(9704)

PLACES = "东南西北中新长安宁和平兴华阳山河湖海江城关林泉石桥川源光明丰盛德正清泰康福"
TOPICS = ["安全生产隐患排查整治", "消防安全专项检查", "食品安全风险排查", "防汛抗旱准备",
          "燃气安全隐患整治", "道路交通安全整治", "校园安全隐患排查", "建筑施工安全检查",
          "危险化学品专项整治", "特种设备安全检查", "森林防火专项检查", "粮食仓储安全检查"]
SENTENCES = [
    "各单位要高度重视，主要负责同志亲自部署、亲自督办，确保各项任务落到实处。",
    "要坚持问题导向，聚焦薄弱环节，建立问题清单、任务清单和责任清单。",
    "对排查发现的问题，要明确整改责任、整改措施和整改时限，实行闭环管理。",
    "要充分利用报刊、广播、电视和新媒体平台，广泛开展宣传教育。",
    "要健全信息报送机制，明确专人负责，及时报告工作进展和重大问题。",
    "要加强统筹协调，形成上下联动、部门协同、齐抓共管的工作格局。",
    "对工作推进不力、问题整改不到位的，要严肃追责问责。",
    "要注重总结经验做法，及时固化成果，推动形成长效机制。",
    "要强化督导检查，采取明查暗访、交叉检查等方式，确保工作质量。",
    "要加大资金投入，保障必要的工作经费和装备物资。",
    "要加强队伍建设，开展业务培训，提升履职能力和专业水平。",
    "要落实属地管理责任，压紧压实各级各部门工作责任。",
    "要严格执行值班值守制度，做好应急准备，妥善处置突发情况。",
    "要坚持标本兼治，既解决当前突出问题，又着眼长远建章立制。",
    "要把握工作节奏，科学安排进度，确保按期完成各阶段任务。",
    "要强化数据共享和信息化手段运用，提高工作效率和精准度。",
    "要尊重基层首创精神，鼓励探索创新，及时推广典型经验。",
    "要广泛听取各方面意见建议，不断改进工作方法，提升群众满意度。",
]
CN = "零一二三四五六七八九十"


def cn_num(n):
    """1..99 as 一 … 九十九, the way headings are numbered."""
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + CN[n - 10]
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def place(i):
    return PLACES[i % len(PLACES)] + PLACES[(i // len(PLACES) + 7 * i) % len(PLACES)]


def paragraph(k):
    return "".join(rng.choice(SENTENCES) for _ in range(k))


def notice(i):
    """bench/notice.md with its own issuer and topic."""
    with open(os.path.join(HERE, "notice.md"), encoding="utf-8") as f:
        text = f.read()
    issuer = "青禾市" + place(i) + "区应急管理局"
    topic = TOPICS[i % len(TOPICS)]
    text = text.replace("青禾市应急管理局", issuer)
    text = text.replace("市应急管理局", issuer)
    text = text.replace("安全生产隐患排查整治", topic)
    head, body = text.split("\n---\n", 1)
    # The two paragraphs of 二、重点内容 in either order.
    parts = body.split("\n\n")
    a = [k for k, p in enumerate(parts) if p.startswith("**（一）危险化学品")]
    if a and i % 2:
        k = a[0]
        x, y = parts[k][len("**（一）"):], parts[k + 1][len("**（二）"):]
        parts[k], parts[k + 1] = "**（一）" + y, "**（二）" + x
    return head + "\n---\n" + "\n\n".join(parts)


def long_plan():
    out = ["---",
           "title: 关于全面推进基层治理能力现代化建设三年行动的实施方案",
           "issuer: 青禾市人民政府办公室",
           "doc_number: 某政办〔2024〕30号",
           "date: 2024-03-04",
           "recipients: 各区县人民政府，市政府各部门",
           "cc: [市委办公室, 市人大常委会办公室, 市政协办公室]",
           "printed_by: 青禾市人民政府办公室",
           "printed_on: 2024-03-05",
           "---", "",
           "为深入推进基层治理体系和治理能力现代化，结合本市实际，制定本实施方案。", ""]
    for s in range(1, 18):
        out += ["## %s、%s" % (cn_num(s), rng.choice(TOPICS) + "工作"), ""]
        out += [paragraph(4), ""]
        for t in range(1, 6):
            out += ["**（%s）%s。**%s" % (cn_num(t), rng.choice(TOPICS)[:4] + "方面", paragraph(5)), ""]
    return "\n".join(out) + "\n"


def units_plan(n):
    units = ["青禾市%s区第%d工作站" % (place(i), i + 1) for i in range(n)]
    out = ["---",
           "title: 关于开展基层工作站规范化建设达标活动的通知",
           "issuer: 青禾市民政局",
           "doc_number: 某民〔2024〕8号",
           "date: 2024-03-04",
           "recipients: 各区县民政局",
           "attachments:",
           "  - id: register",
           "    type: form",
           "    title: 工作站规范化建设达标申报表",
           "    fields:",
           "      - 工作站名称",
           "      - {name: 负责人, width: half}",
           "      - {name: 联系电话, width: half}",
           "      - {name: 建设情况, lines: 6}",
           "      - {name: 区县民政局意见, sign: true}",
           "units:"]
    out += ["  - " + u for u in units]
    out += ["---", "",
            "各区县民政局要组织辖区内工作站对照标准开展自查，填写申报表（附件）。", "",
            "## 一、工作目标", "", paragraph(3), "",
            "## 二、工作要求", "", paragraph(4), "",
            "附件：工作站规范化建设达标申报表", ""]
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    d = sys.argv[1]
    for i in range(50):
        write(os.path.join(d, "notices", "n%02d.md" % i), notice(i))
    for i in range(2000):
        write(os.path.join(d, "many", "u%04d.md" % i), notice(1000 + i))
    write(os.path.join(d, "long", "long.md"), long_plan())
    write(os.path.join(d, "units", "units.md"), units_plan(2000))
    write(os.path.join(d, "units20k", "units.md"), units_plan(20000))


main()
