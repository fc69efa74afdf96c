#!/bin/sh
# The 署名 and the 版头 stay on their page for the fangan binary given as
# $1 (issue 16): more joint organs, 标志 lines or 签发人 than one page
# holds, and an organ's name too long to print, are findings with their
# position (check_format.c); a long organ's name within those bounds is
# wrapped inside the 版心 (sign.c), sealed or not, alone or joint; the
# most names allowed still fit.  Read back with tests/sign_check.py:
# every line inside the 版心, each name whole after the text.
F=${1:-./fangan}
. tests/lib.sh
for tool in python3 pdftotext timeout; do
	need $tool || { finish sign; exit 1; }
done

# plan NAME ISSUER-LINE [MORE-KEYS]: a short joint notice into $T/NAME.md.
plan() {
	{
		printf -- '---\ntitle: 关于做好机关事务管理工作的通知\n%s\n' "$2"
		printf 'doc_number: 市管发〔2020〕7号\ndate: 2020-03-02\n'
		printf 'recipients: 各区县机关事务管理部门\n%s---\n\n' "${3:+$3
}"
		printf '为进一步做好机关事务管理工作，现将有关事项通知如下。\n\n'
		printf '各单位于2020年3月20日前将工作情况报送市机关事务管理局。\n'
	} >"$T/$1.md"
}
names() { # names N PREFIX [SUFFIX]: "PREFIX0SUFFIX, PREFIX1SUFFIX, …"
	i=0 out=""
	while [ $i -lt "$1" ]; do out="$out${out:+, }$2$i$3"; i=$((i + 1)); done
	echo "$out"
}

# ---- bounds: findings at the first name too many ----
plan many "issuer: [$(names 3000 青禾市第 局)]"
plan eight "issuer: [$(names 8 青禾市第 局)]"
plan signers "issuer: 青禾市机关事务管理局" "signer: [$(names 3000 张)]"
plan head7 "issuer: [$(names 7 青禾市第 局)]" "signer: [$(names 4 张)]"
plan headers "issuer: 青禾市财政局" "header: [$(names 8 青禾市第 局)]"
long=$(printf '禾%.0s' $(seq 58))管理局
plan long "issuer: $long"
expect() { # expect NAME LINE:COL MESSAGE
	out=$(timeout 20 "$F" check "$T/$1.md" 2>&1)
	s=$?
	want="$T/$1.md:$2: error: $3 [format]"
	if [ $s -eq 1 ] && [ "$(echo "$out" | grep -v '^fangan: ')" = "$want" ]; then ok
	else no "$1: exit $s, want $want, got:"; echo "$out" | head -5; fi
}
M1=联合发文机关最多7个，这里有
M2=个：再多一页就排不下各机关的署名和印章，发文机关标志也会超出首页；请只列主办机关和主要的联合机关
# The column of the eighth name: "issuer: [" then 8 characters a name.
expect many 3:66 "${M1}3000$M2"
expect eight 3:66 "${M1}8$M2"
# 张0, … 张9, (4 characters each) 张10, … (5): the fifteenth at 10+40+20.
expect signers 7:70 签发人排不下首页：发文机关标志有1行，签发人最多还能列14个（两人一行），这里有3000个
expect head7 7:18 签发人排不下首页：发文机关标志有7行，签发人最多还能列2个（两人一行），这里有4个
expect headers 7:66 发文机关标志最多7行，这里有8行：再多就超出首页；请只列主办机关和主要的联合机关
expect long 3:1 "“issuer”的发文机关名称有61个字，最多60个字：请用规范化简称"
# A title of 161 characters (3,000 ran over four pages, issue 16 review).
plan title161 "issuer: 青禾市机关事务管理局"
sed -i "s/^title: .*/title: 关于$(printf '禾%.0s' $(seq 156))的通知/" "$T/title161.md"
expect title161 2:1 标题有161个字，最多160个字（再长首页就排不下标题和正文的开头）：标题应概括公文的主要内容，请精简
# A 发文字号 of 27 characters (300 ran off the page, issue 16 review).
plan docno "issuer: 青禾市机关事务管理局"
sed -i "s/^doc_number: .*/doc_number: 青禾市$(printf '禾%.0s' $(seq 15))发〔2020〕7号/" "$T/docno.md"
expect docno 4:1 发文字号有27个字，最多26个字（一行排不下就会超出版心）：发文字号由机关代字、年份和发文顺序号组成，如“市直工〔2020〕30号”

# ---- within the bounds: everything inside the 版心 ----
rm -f "$T"/*.md
w=中共青禾省青禾市青禾区青禾街道青禾社区（青禾小区）居民委员会业主委员会物业管理服务中心办公室
w60=$(printf '禾%.0s' $(seq 57))管理局
plan w-sealed "issuer: $w"
plan w-unsealed "issuer: $w" "seal: false"
plan w-joint "issuer: [$w, 青禾市财政局, 青禾市人力资源和社会保障局]"
plan w-joint-unsealed "issuer: [青禾市财政局, $w60]" "seal: false"
plan max-sealed "issuer: [$(names 7 青禾市第 局)]"
plan max-unsealed "issuer: [$(names 7 青禾市第 局)]" "seal: false"
plan max-signers "issuer: [$(names 7 青禾市第 局)]" "signer: [张0, 张1]"
plan max-signers1 "issuer: 青禾市机关事务管理局" "signer: [$(names 14 张)]"
plan docno26 "issuer: 青禾市机关事务管理局"
sed -i "s/^title: .*/title: 关于$(printf '禾%.0s' $(seq 155))的通知/" "$T/docno26.md"
sed -i "s/^doc_number: .*/doc_number: 青禾市$(printf '禾%.0s' $(seq 14))发〔2020〕7号/" "$T/docno26.md"
plan docno26-signer "issuer: 青禾市机关事务管理局" "signer: 张三"
sed -i "s/^doc_number: .*/doc_number: 青禾市$(printf '禾%.0s' $(seq 14))发〔2020〕7号/" "$T/docno26-signer.md"
out=$(timeout 60 "$F" build -o "$T/out" "$T" 2>&1)
s=$?
[ $s -eq 0 ] && ! echo "$out" | grep -q ': error: \|: warning: ' && ok || { no "the plans within the bounds build clean: exit $s"; echo "$out" | head; }
set -- "$T/out/w-sealed/w-sealed.pdf" "$w" -- \
	"$T/out/w-unsealed/w-unsealed.pdf" "$w" -- \
	"$T/out/w-joint/w-joint.pdf" "$w" 青禾市财政局 青禾市人力资源和社会保障局 -- \
	"$T/out/w-joint-unsealed/w-joint-unsealed.pdf" 青禾市财政局 "$w60" -- \
	"$T/out/max-signers1/max-signers1.pdf" 青禾市机关事务管理局 -- \
	"$T/out/docno26/docno26.pdf" 青禾市机关事务管理局 -- \
	"$T/out/docno26-signer/docno26-signer.pdf" 青禾市机关事务管理局
for n in max-sealed max-unsealed max-signers; do
	set -- "$@" -- "$T/out/$n/$n.pdf"
	i=0
	while [ $i -lt 7 ]; do set -- "$@" "青禾市第${i}局"; i=$((i + 1)); done
done
counts "$(python3 tests/sign_check.py "$@")"
# The wrapped name takes two lines, so the date is on the line after them.
pdftotext -layout "$T/out/w-unsealed/w-unsealed.pdf" - | grep -A1 '居民委员会' | tail -n 1 | grep -q '2020年3月2日' && ok ||
	no "w-unsealed: the date right under the wrapped name"
finish sign
