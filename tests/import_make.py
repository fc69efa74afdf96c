#!/usr/bin/python3
# import_make.py — inputs for tests/import.sh, made at test time.
#
#   import_make.py docx SOURCE.txt OUT.docx
#       A Word document the way a clerk's looks (python-docx): 一、 lines
#       in the Heading 1 style, numbered leads ending in 。 or ： as bold
#       runs before the plain rest, a table in the body, a page break
#       before the attachment pages and the form's fields in a table there.
#   import_make.py bomb OUT.docx      word/document.xml inflating to 200 MB
#   import_make.py liar OUT.docx      the same, its headers saying 1,000 bytes
#   import_make.py entries OUT.docx   5,000 entries
#   import_make.py xxe OUT.docx       a document.xml with external entities
#   import_make.py notxml OUT.docx    a document.xml that is not XML
#   import_make.py paras OUT.docx     110,000 paragraphs (4 MB of XML)
#   import_make.py tags OUT.docx      400,000 empty elements in 3 MB
#   import_make.py numbered OUT.docx  headings numbered by Word (numbering.xml,
#                                     in the paragraph and in a style)
import re
import struct
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(src, out):
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    lead = re.compile(r"^((?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]).{1,30}?[。：:])(.+)$")
    for line in open(src, encoding="utf-8").read().split("\n"):
        line = line.strip()
        if not line:
            continue
        if line == "附件":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        m = lead.match(line)
        if re.match(r"^[一二三四五六七八九十]+、", line) and len(line) <= 30:
            d.add_heading(line, level=1)
        elif m:
            p = d.add_paragraph()
            p.add_run(m.group(1)).bold = True
            p.add_run(m.group(2))
        else:
            d.add_paragraph().add_run(line)
        rows = None
        if line.startswith("四、"):  # a table in the body
            rows = [("阶段", "时间"), ("动员部署阶段", "3月10日前")]
        if line.startswith("申报单位"):  # the form's fields as a table
            rows = [("先锋队名称：", "队长："), ("联系电话：", "队员人数：")]
        if rows:
            t = d.add_table(rows=len(rows), cols=2)
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    t.cell(r, c).text = v
    d.save(out)


def raw(out, document, extra=()):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document)
        for name, data in extra:
            z.writestr(name, data)


if __name__ == "__main__":
    what, out = sys.argv[1], sys.argv[-1]
    if what == "docx":
        make_docx(sys.argv[2], out)
    elif what in ("bomb", "liar"):
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("word/document.xml", "w", force_zip64=what == "bomb") as f:
                f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
                block = b"A" * (1 << 20)
                for _ in range(200):
                    f.write(block)
                f.write(b"</w:t></w:r></w:p></w:body></w:document>")
        if what == "liar":  # uncompressed size: local header +22, central +24
            b = bytearray(open(out, "rb").read())
            struct.pack_into("<I", b, b.find(b"PK\x03\x04") + 22, 1000)
            struct.pack_into("<I", b, b.find(b"PK\x01\x02") + 24, 1000)
            open(out, "wb").write(b)
    elif what == "entries":
        doc = f"<w:document {W}><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>"
        raw(out, doc, [(f"word/media/x{i}.xml", "x") for i in range(5000)])
    elif what == "xxe":
        raw(out, '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">'
                 '<!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>\n'
                 f"<w:document {W}><w:body><w:p><w:r><w:t>&x;&y;</w:t></w:r></w:p></w:body></w:document>")
    elif what == "laughs16":  # a DTD in UTF-16, where no byte says "<!DOCTYPE"
        n = 20000
        raw(out, ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE d [<!ENTITY a "' + "x" * n + '">]>\n'
                  f'<w:document {W} a="' + "&a;" * n + '"><w:body/></w:document>').encode("utf-16"))
    elif what == "numbered":
        def lvl(i, fmt, text):
            return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/></w:lvl>')
        numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="7">'
                     + lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
                     + lvl(2, "decimal", "%3.") + '</w:abstractNum>'
                     '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>')
        styles = (f'<w:styles {W}><w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/>'
                  '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>'
                  '</w:style></w:styles>')

        def p(text, num=None, style=None, bold=None):
            ppr = ""
            if style:
                ppr += f'<w:pStyle w:val="{style}"/>'
            if num is not None:
                ppr += f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="3"/></w:numPr>'
            runs = ""
            if bold:
                runs += f'<w:r><w:rPr><w:b/></w:rPr><w:t>{bold}</w:t></w:r>'
            runs += f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
            return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"
        body = "".join([
            p("关于开展读书活动的实施方案"),
            p("各科室："),
            p("为营造学习氛围，特制定本方案。"),
            p("指导思想", style="a1"),
            p("以学促干，学以致用。"),
            p("实施步骤", style="a1"),
            p("各科室结合实际制定计划。", num=1, bold="动员部署阶段（2020年3月2日至3月10日）。"),
            p("各科室于2020年3月20日前将读书计划报送办公室。", num=1,
              bold="组织实施阶段（2020年3月11日至11月30日）。"),
            p("每月读一本书。", num=2, bold="读书。"),
            p("每季度交流一次。", num=2, bold="交流。"),
            p("工作要求", style="a1"),
            p("按时报送材料。"),
        ])
        raw(out, f"<w:document {W}><w:body>{body}</w:body></w:document>",
            [("word/numbering.xml", numbering), ("word/styles.xml", styles)])
    elif what == "paras":
        raw(out, f"<w:document {W}><w:body>" + "<w:p><w:r><w:t>一段。</w:t></w:r></w:p>" * 110000
            + "</w:body></w:document>")
    elif what == "tags":
        raw(out, f"<w:document {W}><w:body><w:p>" + "<w:r/>" * 400000 + "</w:p></w:body></w:document>")
    elif what == "notxml":
        raw(out, "<w:document><w:body><w:p>not closed")
    else:
        sys.exit("usage: import_make.py docx|bomb|liar|entries|xxe|notxml|numbered|paras|tags ... OUT")
