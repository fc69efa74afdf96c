#!/usr/bin/env python3
"""Write test plans that put the page-breaking rules of issue 15 to work.

usage: pages_plans.py DIR

  tail-N.md     a body of one page and a bit, then a last paragraph of N
                lines (N = 1..44: every length over two pages), with a
                附件说明, 署名, 成文日期 and 附注 after it (§7.3.5: never
                on a page without two lines of the body);
  head-K-N.md   N one-line paragraphs, then a heading of kind K (level
                1–4, or a run-in head standing alone), then text: the
                heading lands on every line from 17 to 23 of page 1 or 2
                (a heading never ends a page, and keeps two lines);
  cc-N.md       a 抄送 of N organs and a long 印发机关 (版记 wrapping).
  mark-N.md     标志 (header:) of 4 to 46 characters: its size and 长体.
  paper.md      a form on page 2 with room for the 版记 once its writing
                lines shrink: 2 pages, not a blank page and a 版记 page.
  fill.md       a ledger with three columns the rows leave empty, and a
                score sheet whose bands are written min–max, min, max.
  trad.md       a plan in traditional characters with a form, a ledger
                (columns written 序號, 單位) and a score sheet.
  kai.md        a simplified plan with one 楷体 heading in traditional
                characters (drawn in UKai, not UMing).
  title-N.md    titles that used to break inside words (“五星／级”,
                “模范机／关”, “深／入開展”, “五大／提升”), and one with the
                author's own line break.
"""
import os
import sys

HEAD = """---
title: 关于开展党建工作质量提升行动的实施方案
issuer: 中共青禾市直属机关工作委员会
doc_number: 市直工〔2020〕5号
date: 2020-03-01
recipients: 市直机关各单位党组织
{extra}---

"""
SENT = "各单位要对照任务清单逐项抓好落实，确保各项工作取得实效。"   # 28 characters
TITLES = [
    "关于开展“五星级”党组织创建活动的实施方案",
    "关于在市直机关深入開展“五星级党支部”创建活动的實施方案",
    "关于印发《市直机关党建工作考核评分细则》和安全生产委员会工作规则的通知",
    "关于在市直机关开展“模范机关”创建活动的实施方案",
    "关于深入開展“五星级服务型党组织”创建活动的實施方案",
    "市直机关党建“五大提升”行动暨“服务高质量发展先锋队”创建活动实施方案",
    "关于印发《市直机关安全生产评分细则》的通知",
    "中共青禾市直属机关工作委员会关于开展2020年度党建工作考核的实施方案",
    "关于进一步加强和改进市直机关党的建设工作的若干意见",
    "市直机关党建“五大提升”行动和“五星级党组织”创建活动实施方案",
    "关于开展“五星级服务型党支部”争创活动和模范机关创建工作的实施方案",
    "关于在全市机关事业单位和国有企业中深入开展“五星级党组织”创建活动进一步提升基层党组织组织力的实施方案",
]
ISSUERS = ["某局", "青禾市人民政府", "中共青禾市直属机关工作委员会",
           "中共青禾市直属机关工作委员会某某某某办公室", "中共青禾市直属机关工作委员会机关党建工作领导小组办公室",
           "中共青禾市直属机关工作委员会机关党建工作领导小组办公室暨青禾市机关事务管理局党组办公室"]
ORGANS = ["市委组织部", "市委宣传部", "市委统战部", "市委政法委", "市发展改革委",
          "市财政局", "市人力资源社会保障局", "市委机要保密局", "市档案馆", "市总工会",
          "团市委", "市妇联"]


def write(d, name, text):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)


def lines_of_text(n):
    """A paragraph of n full lines (26 + 28 × (n − 1) characters)."""
    s = (SENT * (n + 1))[:26 + 28 * (n - 1)]
    return s[:-1] + "。"


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    att = ("attachments:\n  - {id: a, type: text, file: att/a.md, title: 工作任务清单}\n"
           "  - {id: b, type: text, file: att/a.md, title: 联系人名单}\n"
           "note: 此件公开发布\n")
    os.makedirs(os.path.join(d, "att"), exist_ok=True)
    write(d, "att/a.md", "任务清单。\n")
    first = "\n\n".join(lines_of_text(3) for _ in range(8))
    for n in range(1, 45):
        write(d, f"tail-{n}.md", HEAD.format(extra=att) + first + "\n\n" + lines_of_text(n) +
              "\n\n附件：1.工作任务清单\n　　　2.联系人名单\n")
    kinds = {1: "## 重点任务", 2: "### 凝聚同心增本领", 3: "#### 抓好学习教育",
             4: "##### 开展专题研讨", 5: "**（一）凝聚同心增本领**"}
    for k, h in kinds.items():
        for n in range(6, 34):
            body = "\n\n".join(lines_of_text(1) for _ in range(n))
            write(d, f"head-{k}-{n}.md", HEAD.format(extra="") + body + "\n\n" + h + "\n\n" +
                  lines_of_text(4) + "\n\n" + lines_of_text(2) + "\n")
    for i, t in enumerate(TITLES):
        write(d, f"title-{i}.md", HEAD.replace("title: 关于开展党建工作质量提升行动的实施方案",
                                              "title: " + t).format(extra="") + "正文。\n")
    write(d, "title-own.md", HEAD.replace("title: 关于开展党建工作质量提升行动的实施方案",
                                          'title: "关于开展“五星级”党组织\\n创建活动的实施方案"')
          .format(extra="") + "正文。\n")
    for i, org in enumerate(ISSUERS):
        write(d, f"mark-{i}.md", HEAD.format(extra=f"header: {org}文件\n") + "正文。\n")
    write(d, "paper.md", HEAD.format(extra="""cc: [市委组织部, 市委宣传部]
printed_by: 中共青禾市直属机关工作委员会办公室
printed_on: 2020-03-02
attachments:
  - id: apply
    type: form
    title: 示范点创建申报表
    fields:
      - 申报单位
      - {name: 负责人, width: half}
      - {name: 联系电话, width: half}
      - {name: 基本情况, lines: 6}
      - {name: 主要做法, lines: 6}
      - {name: 单位党组织意见, sign: true}
""") + "请填写附件。\n\n附件：示范点创建申报表\n")
    write(d, "fill.md", HEAD.format(extra="""criteria:
  total: 100
  items:
    - {name: 组织建设, points: 50, standard: 组织健全，制度落实}
    - {name: 作用发挥, points: 50, standard: 党员作用发挥明显}
  ratings:
    - {name: 优秀等次, min: 90, max: 100}
    - {name: 良好等次, min: 75, max: 89}
    - {name: 合格等次, min: 60, max: 74}
    - {name: 不合格等次, max: 59}
units: [市发展和改革委员会机关党委, 市财政局机关党委, 市人力资源和社会保障局机关党委]
attachments:
  - id: ledger
    type: ledger
    title: 创建工作台账
    rows: units
    columns: [序号, 单位, 完成情况, 佐证资料, 责任人]
  - id: score
    type: scoresheet
    title: 创建考评评分表
""") + "见附件1、附件2。\n\n附件：1.创建工作台账\n　　　2.创建考评评分表\n")
    write(d, "trad.md", """---
title: 關於開展黨支部標準化建設的實施方案
issuer: 中共青禾市直屬機關工作委員會
doc_number: 市直工〔2020〕8號
date: 2020-03-01
recipients: 市直機關各單位黨組織
cc: [市委組織部]
printed_by: 中共青禾市直屬機關工作委員會辦公室
printed_on: 2020-03-02
criteria:
  total: 100
  items:
    - {name: 組織建設, points: 50, standard: 組織健全，制度落實}
    - {name: 作用發揮, points: 50, standard: 黨員作用發揮明顯}
  ratings:
    - {name: 優秀, min: 90}
    - {name: 合格, min: 60, max: 89}
    - {name: 不合格, max: 59}
units: [市財政局機關黨委, 市發展和改革委員會機關黨委]
attachments:
  - id: apply
    type: form
    title: 標準化建設申報表
    fields:
      - 申報單位
      - {name: 主要做法, lines: 4}
      - {name: 單位黨組織意見, sign: true}
  - id: ledger
    type: ledger
    title: 標準化建設臺賬
    rows: units
    columns: [序號, 單位, 完成情況]
  - id: score
    type: scoresheet
    title: 標準化建設評分表
---

各單位要認真組織實施。

附件：1.標準化建設申報表
　　　2.標準化建設臺賬
　　　3.標準化建設評分表
""")
    write(d, "kai.md", HEAD.format(extra="") + "## 一、总体要求\n\n" + lines_of_text(2) +
          "\n\n### （一）開展學習\n\n" + lines_of_text(2) + "\n")
    for n in (1, 3, 9, 12):
        extra = ("cc: [" + ", ".join(ORGANS[:n]) + "]\n"
                 "printed_by: 中共青禾市直属机关工作委员会办公室暨市直机关党建工作质量提升行动领导小组办公室\n"
                 "printed_on: 2020-03-02\n")
        write(d, f"cc-{n}.md", HEAD.format(extra=extra) + lines_of_text(3) + "\n")


if __name__ == "__main__":
    main()
