#!/bin/sh
# Tests of `fangan import` with the fangan binary given as $1.
#
# The seed plans in tests/import/ (the real texts under ../shared/seeds;
# five-star-three.txt holds three plans, split here) are imported as
# text, as .docx made from the text by LibreOffice, as .docx written
# with Word's heading styles and bold run-in heads (python-docx), and as
# GB18030.  Each imported plan must: check with exactly the errors its
# text really has (the same ones as the hand-made plan in plans/), name
# the same phases and deadlines on the same days as that plan, hold every
# line of the source, and build when it has no errors.  Hostile inputs
# each end in a clear Chinese error, in bounded time, with nothing written.
# Messages are checked in Chinese (LANG=zh_CN.UTF-8), one also in English.
F=${1:-./fangan}
case $F in /*) ;; *) F=$PWD/$F ;; esac
PY=/usr/bin/python3
. tests/lib.sh
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=zh_CN.UTF-8

# expect STATUS NAME CMD...: run CMD, stdout to $T/out, stderr to $T/err.
expect() {
	want=$1 name=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else no "$name: exit $got, wanted $want"; cat "$T/err"; fi
}
has() { # has NAME FILE TEXT
	if grep -qF -- "$3" "$2"; then ok; else no "$1: '$3' not in $2:"; head -5 "$2"; fi
}

need soffice
need pdftotext
need iconv
$PY -c 'import docx, yaml' 2>/dev/null || no "python3-docx and python3-yaml are needed: make deps"

# The three plans of five-star-three.txt, one file each.
awk -v d="$T" '/^争创五星级党支部工作方案 篇[0-9]/{n++} n{print > (d "/five-star-" n ".txt")}' \
	tests/import/five-star-three.txt
cp tests/import/five-upgrades.txt tests/import/model-demonstration.txt "$T/"
[ -s "$T/five-star-3.txt" ] && ok || no "five-star-three.txt did not split in three"

# name  hand-made plan  --year  errors the text really has  phases dated differently by hand
cat >"$T/cases" <<'EOF'
five-upgrades five-upgrades - - -
model-demonstration model-demonstration - - -
five-star-1 five-star-service 2020 phase-overlap 星级争创,星级评定
five-star-2 five-star-school 2021 rating-gap,rating-overlap,rating-overlap -
five-star-3 model-organ 2021 attachment-ref -
EOF

# The .docx inputs: LibreOffice from the text (a private profile), and
# python-docx with heading styles and bold runs.
mkdir -p "$T/lo"
(cd "$T" && soffice -env:UserInstallation="file://$T/profile" --headless \
	--infilter='Text (encoded):UTF8,LF,,,' --convert-to docx --outdir "$T/lo" \
	five-upgrades.txt model-demonstration.txt five-star-1.txt five-star-2.txt five-star-3.txt \
	>/dev/null 2>&1)
mkdir -p "$T/pd"
for n in five-upgrades model-demonstration five-star-1 five-star-2 five-star-3; do
	[ -s "$T/lo/$n.docx" ] && ok || no "soffice made no $n.docx"
	$PY tests/import_make.py docx "$T/$n.txt" "$T/pd/$n.docx" || no "python-docx $n"
done

while read -r n hand year errs loose; do
	yopt=""
	[ "$year" = - ] || yopt="--year $year"
	[ "$loose" = - ] && loose=""
	for src in "$T/$n.txt" "$T/lo/$n.docx" "$T/pd/$n.docx"; do
		kind=${src##*.}; case $src in */pd/*) kind=styled-docx ;; esac
		plan="$T/plan-$n-$kind.md"
		# shellcheck disable=SC2086
		expect 0 "import $n ($kind)" "$F" import $yopt -o "$plan" "$src"
		cp "$T/err" "$T/notes"
		"$F" check "$plan" >"$T/check" 2>&1
		got=$(sed -n 's/.*: error: .*\[\([a-z-]*\)\]$/\1/p' "$T/check" | sort | paste -sd, -)
		want=$(echo "$errs" | tr , '\n' | grep -v '^-$' | sort | paste -sd, -)
		[ "$got" = "$want" ] && ok || { no "check $n ($kind): errors '$got', the text has '$want'"; cat "$T/check"; }
		# shellcheck disable=SC2086
		$PY tests/import_check.py timeline "$plan" "plans/$hand.md" $(echo "$loose" | tr , ' ') >"$T/cmp" &&
			ok || { no "timeline of $n ($kind) differs from plans/$hand.md"; cat "$T/cmp"; }
		$PY tests/import_check.py text "$T/$n.txt" "$plan" "$T/notes" >"$T/cmp" &&
			ok || { no "text of $n ($kind) lost"; cat "$T/cmp"; }
		if [ -z "$want" ]; then
			expect 0 "build $n ($kind)" "$F" build -j 1 -o "$T/out-$kind" "$plan"
			pdf="$T/out-$kind/plan-$n-$kind/plan-$n-$kind.pdf"
			pdftotext "$pdf" "$T/pdf.txt" 2>/dev/null || no "no PDF for $n ($kind)"
			has "PDF of $n ($kind)" "$T/pdf.txt" "一、"
		fi
	done
done <"$T/cases"

# The example plans' bodies, as the text a clerk would have (title line,
# body without Markdown marks), give their own timelines back.
while read -r n errs loose; do
	{ sed -n 's/^title: *//p' "plans/$n.md" | head -1
	  awk '/^---$/ { c++; next } c >= 2' "plans/$n.md" | sed -E 's/^#+ //; s/\*\*//g'; } >"$T/body-$n.txt"
	year=$(sed -n 's/^date: *\([0-9]*\)-.*/\1/p' "plans/$n.md")
	expect 0 "import body of $n" "$F" import --year "$year" -o "$T/body-$n.md" "$T/body-$n.txt"
	"$F" check "$T/body-$n.md" >"$T/check" 2>&1
	got=$(sed -n 's/.*: error: .*\[\([a-z-]*\)\]$/\1/p' "$T/check" | sort | paste -sd, -)
	[ "$got" = "$(echo "$errs" | sed 's/^-$//')" ] && ok || { no "check body of $n: errors '$got', wanted '$errs'"; cat "$T/check"; }
	[ "$loose" = - ] && loose=""
	# shellcheck disable=SC2086
	$PY tests/import_check.py timeline "$T/body-$n.md" "plans/$n.md" $(echo "$loose" | tr , ' ') >"$T/cmp" &&
		ok || { no "timeline of the body of $n differs"; cat "$T/cmp"; }
done <<'EOF'
five-upgrades - -
model-demonstration - -
five-star-service phase-overlap 星级争创,星级评定
five-star-school rating-gap,rating-overlap,rating-overlap -
model-organ - -
EOF

# A plan file itself (.md): its front matter is dropped, its Markdown
# marks read, and the body comes back the same but for the 附件说明,
# which becomes the attachments.
same_plan() { # same_plan WHAT plans/NAME.md IMPORTED: same body (附件说明 aside), same timeline
	awk '/^---$/ { c++; next } c >= 2' "$2" | grep -v '^附件：\|^[0-9]\.' >"$T/a"
	awk '/^---$/ { c++; next } c >= 2' "$3" >"$T/b"
	diff "$T/a" "$T/b" | grep -q '^[<>] *[^ ]' && { no "$1 changes the body:"; diff "$T/a" "$T/b" | head; } || ok
	$PY tests/import_check.py timeline "$3" "$2" >"$T/cmp" && ok || { no "$1 changes the timeline"; cat "$T/cmp"; }
}
for n in five-upgrades model-demonstration model-organ; do
	expect 0 "re-import $n" "$F" import -o "$T/re-$n.md" "plans/$n.md"
	same_plan "re-import of $n" "plans/$n.md" "$T/re-$n.md"
done
has "attachment id from the end of the title" "$T/re-model-organ.md" "  - id: 机关各党支部创建五星党支部工作台账"

# fangan's own DOCX of a plan imports back to the same body and the same
# document elements (its 版记 is a table: not taken for form fields).
mkdir -p "$T/rtp"
cp plans/five-upgrades.md plans/model-demonstration.md plans/model-organ.md "$T/rtp/"
expect 0 "build for DOCX" "$F" build -j 1 -o "$T/rt" "$T/rtp"
for n in five-upgrades model-demonstration model-organ; do
	expect 0 "import fangan's DOCX of $n" "$F" import -o "$T/rt-$n.md" "$T/rt/$n/$n.docx"
	for key in title doc_number date recipients cc printed_on; do
		grep "^$key:" "plans/$n.md" >"$T/want" || { no "plans/$n.md has no $key to compare"; continue; }
		has "DOCX round trip of $n: $key" "$T/rt-$n.md" "$(cat "$T/want")"
	done
	grep -q '印发$' "$T/rt-$n.md" && no "the 版记 read as a form field" || ok
	same_plan "DOCX round trip of $n" "plans/$n.md" "$T/rt-$n.md"
done

# The Word headings and bold leads come out as ## and **…**.
has "styled heading" "$T/plan-five-upgrades-styled-docx.md" "## 四、实施步骤"
has "styled run-in" "$T/plan-five-upgrades-styled-docx.md" "**（一）动员部署阶段（2020年3月10日前）。**"
has "styled table" "$T/plan-five-upgrades-styled-docx.md" "| 动员部署阶段 | 3月10日前 |"
has "fields from a table" "$T/plan-five-upgrades-styled-docx.md" "      - 队员人数"
has "text run-in" "$T/plan-five-upgrades-txt.md" "**（二）组织实施阶段（2020年3月底至11月）。**"
has "noise dropped" "$T/plan-five-upgrades-txt.md" "title: 市直机关党建“五大提升”行动的实施方案"
grep -q "本文系作者原创" "$T/plan-five-upgrades-txt.md" && no "the 原创 notice is still in the plan" || ok
has "attachment form" "$T/plan-five-upgrades-txt.md" "type: form"
has "deadline form" "$T/plan-five-upgrades-txt.md" "form: 服务高质量发展先锋队创建申报表"
has "vague date noted" "$T/plan-five-upgrades-txt.md" "# 请核对：文中写作“2020年3月底至11月”"
has "criteria" "$T/plan-five-star-1-txt.md" "  total: 100"
has "no title noted" "$T/plan-model-demonstration-txt.md" "# 请核对：文中没有找到标题"
has "quota name" "$T/plan-model-demonstration-txt.md" "  - name: 共产党员示范岗"
has "quota of" "$T/plan-model-demonstration-txt.md" "    of: 单位党员总数"
[ "$(grep -c '^    min_percent: 10$' "$T/plan-model-demonstration-txt.md")" -eq 3 ] && ok || no "three quotas in model-demonstration"

# Word's automatic numbers (numbering.xml, in the paragraph and in the
# heading style) are written out as the text would have them.
$PY tests/import_make.py numbered "$T/num.docx"
expect 0 "import numbered" "$F" import -o "$T/num.md" "$T/num.docx"
for want in "## 一、指导思想" "## 三、工作要求" "**（二）组织实施阶段（2020年3月11日至11月30日）。**" \
	"**2.交流。**每季度交流一次。" "  - name: 报送读书计划" "    to: 办公室" "recipients: 各科室"; do
	has "numbered: $want" "$T/num.md" "$want"
done
expect 0 "check numbered" "$F" check "$T/num.md"

# A plan with everything in its head and tail: 发文字号, 主送, 署名, 成文日期,
# 附件说明 with two attachments; GB18030 gives the same plan as UTF-8.
cat >"$T/full.txt" <<'EOF'
市直工〔2020〕5号
关于开展“五大提升”行动的
实施方案
市直机关各单位党组织：
　　为推动工作落实，特制定本方案。
一、实施步骤
（一）动员部署阶段（2020年3月2日至3月10日）。各单位于2020年3月6日前将创建申报表（附件1）报送市直机关工委。
（二）总结验收阶段（2020年3月11日至12月31日）。对照评分标准（附件2）验收，满分100分。
1.组织领导（40分）
2.工作落实（60分）
附件：1.创建申报表
2.考评细则
中共某某市直属机关工作委员会
二〇二〇年三月一日
（此件公开发布）
抄送：市委组织部，市委宣传部。
中共某某市直属机关工作委员会办公室  2020年3月2日印发
EOF
expect 0 "import full" "$F" import -o "$T/full.md" "$T/full.txt"
for want in "doc_number: 市直工〔2020〕5号" "title: 关于开展“五大提升”行动的实施方案" \
	"recipients: 市直机关各单位党组织" "issuer: 中共某某市直属机关工作委员会" "date: 2020-03-01" \
	"type: scoresheet" "  - id: 创建申报表" "    form: 创建申报表" "  total: 100" "points: 40" \
	"cc: [市委组织部, 市委宣传部]" "printed_by: 中共某某市直属机关工作委员会办公室" "printed_on: 2020-03-02" \
	"note: 此件公开发布"; do
	has "full: $want" "$T/full.md" "$want"
done
grep -q "^中共某某市直属机关工作委员会$\|^二〇二〇年三月一日$\|^附件：\|^抄送\|印发$" "$T/full.md" &&
	no "署名, 成文日期, 附件说明 or 版记 left in the body" || ok
expect 0 "check full" "$F" check "$T/full.md"
iconv -f UTF-8 -t GB18030 "$T/full.txt" >"$T/full-gb.txt"
expect 0 "import GB18030" "$F" import -o "$T/full-gb.md" "$T/full-gb.txt"
has "GB18030 noted" "$T/err" "GB18030"
diff "$T/full.md" "$T/full-gb.md" | grep -v 'fangan import 从' | grep -q '^[<>]' &&
	no "GB18030 import differs from UTF-8" || ok

# Never overwrite without --force; the default name comes from the title.
expect 2 "no overwrite" "$F" import -o "$T/full.md" "$T/full.txt"
has "exists said" "$T/err" "已存在，不会覆盖"
expect 0 "--force" "$F" import --force -o "$T/full.md" "$T/full.txt"
mkdir "$T/w"
(cd "$T/w" && "$F" import "$T/full.txt" >"$T/out" 2>"$T/err") && ok || no "default name"
[ -s "$T/w/plans/关于开展“五大提升”行动的实施方案.md" ] && ok || { no "default name from the title"; ls -R "$T/w"; }
expect 2 "bad year" "$F" import --year 20 "$T/full.txt"
expect 2 "two files" "$F" import "$T/full.txt" "$T/full.txt"
expect 0 "import help" "$F" import --help
has "help names --force" "$T/out" "--force"

# Hostile inputs: a clear error, in bounded time, nothing written.
# Peak memory is measured with the plain binary (the sanitizers' own
# memory would hide ours): under 64 MB for any of them.
case $F in */san/*) measure="" ;; *) measure="/usr/bin/time -f %M -o $T/rss" ;; esac
hostile() { # hostile NAME FILE MESSAGE
	rm -f "$T/h.md" "$T/rss"
	start=$(date +%s)
	# shellcheck disable=SC2086
	expect 2 "$1" $measure timeout 60 "$F" import -o "$T/h.md" "$2"
	[ $(($(date +%s) - start)) -le 20 ] && ok || no "$1 took more than 20 s"
	if [ -n "$measure" ]; then
		kb=$(tail -1 "$T/rss")
		[ "$kb" -lt 65536 ] && ok || no "$1 took $kb KB of memory"
	fi
	has "$1 message" "$T/err" "$3"
	[ -e "$T/h.md" ] && no "$1 wrote a plan" || ok
}
head -c 3000 /dev/urandom >"$T/junk.docx"
hostile "not a ZIP" "$T/junk.docx" "不是有效的Word文档"
# kind (tests/import_make.py)  message  what it is
while read -r kind msg what; do
	$PY tests/import_make.py "$kind" "$T/$kind.docx"
	hostile "$what" "$T/$kind.docx" "$msg"
done <<'EOF'
bomb 压缩炸弹 a ZIP bomb
liar 压缩炸弹 a ZIP bomb that lies about its size
entries 条目过多 5,000 entries
xxe 实体声明 external entities
laughs16 实体声明 a quadratic entity blowup in UTF-16
notxml 不是有效的XML broken XML
paras 元素 110,000 Word paragraphs
tags 元素 400,000 XML elements
EOF
$PY -c 'import sys; sys.stdout.write("一、总体要求\n" * 2700000)' >"$T/big.txt"
hostile "50 MB of text" "$T/big.txt" "超过8 MB"
head -c 200000 /dev/urandom | tr -d '\000' >"$T/junk.txt"
hostile "binary junk" "$T/junk.txt" "文本"
printf '\320\317\021\340\241\261\032\341rest' >"$T/old.doc"
hostile "old .doc" "$T/old.doc" "另存为"
printf 'caf\351 \377\376\375\n' >"$T/latin.txt"
hostile "neither UTF-8 nor GB18030" "$T/latin.txt" "GB18030"
hostile "a folder" "$T/w" "不是普通文件"
# Texts built to make the work grow faster than the input (one paragraph
# broken over 80,000 lines, 100,000 dated phases, 100,000 numbered
# sentences, 30,000 attachment pages): imported within 20 s, and the
# plan stays small (at most 100 phases and attachments, 100 remarks).
$PY - "$T" <<'PY'
import sys
t = sys.argv[1]
open(t + "/adv1.txt", "w").write("这是一段很长很长的文字，没有句号也没有结束的标点符号继续写下去\n" * 80000)
open(t + "/adv2.txt", "w").write("".join(f"（{'一二三'[i % 3]}）阶段{i}（2020年3月{i % 28 + 1}日前）。内容。\n" for i in range(100000)))
open(t + "/adv3.txt", "w").write("".join(f"{i % 9 + 1}、这是一个很长很长的句子超过了三十个字符的长度所以它不是标题而是一段普通文字。后。\n" for i in range(50000)))
open(t + "/adv4.txt", "w").write("".join(f"附件\n标题{i}\n字段{i}：\n" for i in range(30000)))
PY
for n in 1 2 3 4; do
	start=$(date +%s)
	expect 0 "adversarial $n" timeout 60 "$F" import -o "$T/adv$n.md" "$T/adv$n.txt"
	[ $(($(date +%s) - start)) -le 20 ] && ok || no "adversarial $n took more than 20 s"
	[ "$(wc -l <"$T/err")" -le 102 ] && ok || no "adversarial $n: $(wc -l <"$T/err") remarks"
done
[ "$(grep -c '^  - name: 阶段' "$T/adv2.md")" -eq 100 ] && ok || no "phases not capped at 100"
[ "$(grep -c '^  - id: ' "$T/adv4.md")" -eq 100 ] && ok || no "attachments not capped at 100"

LANG=C "$F" import -o "$T/h.md" "$T/junk.docx" >/dev/null 2>"$T/err"
has "English under LANG=C" "$T/err" "not a valid Word document (.docx)"

finish import
