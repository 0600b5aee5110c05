#!/usr/bin/python3
"""Regenerate the document / archive fixtures in this folder.

Not needed at test time.  Run from anywhere with the Debian python:

    /usr/bin/python3 tests/data/reports/make_fixtures.py [--only NAME ...]

Needs (Debian packages, fixture-making only, NOT project dependencies):
    libreoffice-writer-nogui fonts-nanum fonts-dejavu-core qpdf
    poppler-utils img2pdf python3-pil
and, only for protected.docx, python3-uno (LibreOffice UNO bridge).

All text below was written for these fixtures; names and figures are invented.
"""
import base64
import gzip
import hashlib
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = tempfile.mkdtemp(prefix="sosu-fixtures-")
LO_PROFILE = "file://" + os.path.join(WORK, "lo-profile")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def out(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------------------
# Flat ODT builder
# ---------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title><dc:language>{lang}-{country}</dc:language></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="{font}" svg:font-family="'{font}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="150%" style:text-autospace="none" style:punctuation-wrap="simple" style:line-break="normal"/>
   <style:text-properties style:font-name="{font}" style:font-name-asian="{font}" style:font-name-complex="{font}"
     fo:font-size="11pt" style:font-size-asian="11pt" style:font-size-complex="11pt"
     fo:language="{lang}" fo:country="{country}" style:language-asian="{lang}" style:country-asian="{country}"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:class="chapter">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/>
   <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="120%"/>
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="120%"/>
  </style:style>
  <style:style style:name="Unit" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="PB" style:family="paragraph" style:parent-style-name="Heading_20_1">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="16cm" table:align="margins"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
 <office:body>
  <office:text>
"""
FODT_TAIL = """  </office:text>
 </office:body>
</office:document>
"""


def fodt(title, lang, country, font, blocks):
    """blocks: list of tuples
    ("title", text) ("h", text) ("h-break", text) ("p", text)
    ("p-note", text, note_text)  -- footnote anchored at the end of the text
    ("unit", text) ("table", [[cell, ...], ...])
    """
    parts = [FODT_HEAD.format(title=escape(nfc(title)), lang=lang, country=country, font=font)]
    note_no = 0
    for b in blocks:
        kind = b[0]
        if kind == "title":
            parts.append('<text:p text:style-name="Title">%s</text:p>\n' % escape(nfc(b[1])))
        elif kind == "h":
            parts.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>\n' % escape(nfc(b[1])))
        elif kind == "h-break":
            parts.append('<text:h text:style-name="PB" text:outline-level="1">%s</text:h>\n' % escape(nfc(b[1])))
        elif kind == "p":
            parts.append('<text:p text:style-name="Standard">%s</text:p>\n' % escape(nfc(b[1])))
        elif kind == "unit":
            parts.append('<text:p text:style-name="Unit">%s</text:p>\n' % escape(nfc(b[1])))
        elif kind == "p-note":
            note_no += 1
            parts.append(
                '<text:p text:style-name="Standard">%s<text:note text:id="ftn%d" text:note-class="footnote">'
                '<text:note-citation>%d</text:note-citation><text:note-body>'
                '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note></text:p>\n'
                % (escape(nfc(b[1])), note_no, note_no, escape(nfc(b[2]))))
        elif kind == "table":
            rows = b[1]
            ncol = len(rows[0])
            parts.append('<table:table table:name="Table1" table:style-name="Tbl">'
                         '<table:table-column table:number-columns-repeated="%d"/>\n' % ncol)
            for i, row in enumerate(rows):
                if i == 0:
                    parts.append("<table:table-header-rows>")
                parts.append("<table:table-row>")
                for c in row:
                    parts.append('<table:table-cell table:style-name="Cell" office:value-type="string">'
                                 '<text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>'
                                 % escape(nfc(c)))
                parts.append("</table:table-row>")
                if i == 0:
                    parts.append("</table:table-header-rows>")
                parts.append("\n")
            parts.append("</table:table>\n")
        else:
            raise ValueError(kind)
    parts.append(FODT_TAIL)
    return "".join(parts)


def soffice_convert(src, fmt, outdir):
    subprocess.run(["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless",
                    "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def convert_all(fodt_text, base, targets):
    src = os.path.join(WORK, base + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt_text)
    res = {}
    for ext, fmt in targets:
        d = os.path.join(WORK, "out-" + ext)
        os.makedirs(d, exist_ok=True)
        soffice_convert(src, fmt, d)
        res[ext] = os.path.join(d, base + "." + ext)
        assert os.path.exists(res[ext]), res[ext]
    return res


ALL_TARGETS = [("odt", "odt"), ("docx", "docx:MS Word 2007 XML"), ("pdf", "pdf:writer_pdf_Export")]

# ---------------------------------------------------------------------------
# 1. Korean report
# ---------------------------------------------------------------------------

KO_BLOCKS = [
    ("title", "2024년 1분기 한빛도 고용 동향"),
    ("h", "1. 고용 개황"),
    ("p-note", "1분기 도내 취업자는 84만3000명으로 전년 동기 대비 1만2000명 증가했다.",
     "주: 15세 이상 인구 기준, 통계청 지역별고용조사"),
    ("p", "고용률은 63.4%로 0.8%p 상승했다. 청년층(15~29세) 고용률은 44.1%로 1.3%p 올랐다."),
    ("p", "실업률은 2.9%로 지난해 같은 기간보다 0.3%p 낮아졌고, 실업자는 2만5000명으로 집계됐다."),
    ("p", "비경제활동인구는 48만1000명으로 6000명 줄었으며, 이 가운데 '쉬었음' 인구는 5만2000명이었다."),
    ("h-break", "2. 산업별 취업자"),
    ("unit", "(단위: 천명)"),
    ("table", [["구분", "2023년 1분기", "2024년 1분기", "증감"],
               ["농림어업", "112", "108", "-4"],
               ["제조업", "165", "171", "6"],
               ["서비스업", "524", "537", "13"]]),
    ("p", "도는 올해 일자리 예산 3,420억원을 투입해 청년 일자리 5,000개를 새로 만들 계획이다."),
]

# ---------------------------------------------------------------------------
# 2. Vietnamese report
# ---------------------------------------------------------------------------

VI_BLOCKS = [
    ("title", "Báo cáo tình hình kinh tế - xã hội quý I năm 2024"),
    ("h", "1. Tăng trưởng kinh tế"),
    ("p-note", "Tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,2% so với cùng kỳ, cao hơn mức tăng 6,5% của quý I năm 2023 và là mức tăng cao nhất trong 5 năm gần đây.",
     "Số liệu sơ bộ của Cục Thống kê tỉnh, cập nhật ngày 28/3/2024."),
    ("p", "Tổng thu ngân sách nhà nước trên địa bàn quý I đạt 4.850 tỷ đồng, bằng 26,4% dự toán năm."),
    ("p", "Kim ngạch xuất khẩu ước đạt 1.236 triệu USD, tăng 12,8% so với cùng kỳ; kim ngạch nhập khẩu đạt 874 triệu USD."),
    ("p", "Chỉ số giá tiêu dùng (CPI) bình quân quý I tăng 3,6%; toàn tỉnh có 412 doanh nghiệp thành lập mới."),
    ("h-break", "2. Thu ngân sách nhà nước"),
    ("unit", "Đơn vị: tỷ đồng"),
    ("table", [["Chỉ tiêu", "Quý I/2023", "Quý I/2024"],
               ["Thu nội địa", "3.120", "3.410"],
               ["Thu từ xuất nhập khẩu", "1.280", "1.440"]]),
    ("p", "Trong quý II, tỉnh phấn đấu giải ngân 2.150 tỷ đồng vốn đầu tư công, đạt 35% kế hoạch năm."),
]


def make_reports():
    for base, blocks, lang, country, font, title in [
        ("ko-report", KO_BLOCKS, "ko", "KR", "NanumGothic", "2024년 1분기 한빛도 고용 동향"),
        ("vi-report", VI_BLOCKS, "vi", "VN", "DejaVu Sans", "Báo cáo tình hình kinh tế - xã hội quý I năm 2024"),
    ]:
        res = convert_all(fodt(title, lang, country, font, blocks), base, ALL_TARGETS)
        for ext, p in res.items():
            shutil.copy(p, out(base + "." + ext))


# ---------------------------------------------------------------------------
# 3. ko-tracked.docx (hand-written OOXML)
# ---------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

TRACKED_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

TRACKED_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

RPR_KO = '<w:rPr><w:rFonts w:ascii="NanumGothic" w:hAnsi="NanumGothic" w:eastAsia="NanumGothic"/><w:lang w:eastAsia="ko-KR"/></w:rPr>'

TRACKED_DOC = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {ns}>
<w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{rpr}<w:t>2024 한빛 청년 창업박람회 결과 보고</w:t></w:r></w:p>
<w:p><w:r>{rpr}<w:t xml:space="preserve">박람회는 3월 9일부터 이틀간 한빛컨벤션센터에서 열렸다. </w:t></w:r><w:del w:id="1" w:author="김지현" w:date="2024-03-12T09:30:00Z"><w:r>{rpr}<w:delText xml:space="preserve">참가자는 980명이었다.</w:delText></w:r></w:del><w:ins w:id="2" w:author="김지현" w:date="2024-03-12T09:31:00Z"><w:r>{rpr}<w:t xml:space="preserve">참가자는 1,250명이었다.</w:t></w:r></w:ins><w:r>{rpr}<w:t xml:space="preserve"> 현장 투자 상담은 430건, 상담 금액은 총 86억원으로 집계됐다.</w:t></w:r></w:p>
<w:p><w:r>{rpr}<w:t xml:space="preserve">행사 운영에는 도비와 시비를 합쳐 모두 3억5000만원이 들었다.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r>{rpr}<w:t xml:space="preserve"> 도는 내년 참가 기업을 120개사로 늘릴 방침이다.</w:t></w:r></w:p>
<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>
</w:body>
</w:document>"""

TRACKED_FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {ns}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r>{rpr}<w:t xml:space="preserve"> 예산 기준: 2024년 본예산 3억5000만원</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=(2024, 3, 12, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)


def make_tracked():
    write_zip(out("ko-tracked.docx"), [
        ("[Content_Types].xml", TRACKED_CT),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", TRACKED_DOC.format(ns=W_NS, rpr=RPR_KO)),
        ("word/_rels/document.xml.rels", TRACKED_DOC_RELS),
        ("word/footnotes.xml", TRACKED_FOOTNOTES.format(ns=W_NS, rpr=RPR_KO)),
    ])


# ---------------------------------------------------------------------------
# 4. encrypted.pdf
# ---------------------------------------------------------------------------

ENC_BLOCKS = [
    ("title", "2024년 2월 한빛시 물가 동향"),
    ("p", "2월 소비자물가지수는 113.42로 전년 동월 대비 3.1% 올랐다."),
    ("p", "농축수산물 가격은 12.7% 상승했고, 사과 한 개 값은 평균 2,980원이었다."),
]


def make_encrypted():
    res = convert_all(fodt("물가 동향", "ko", "KR", "NanumGothic", ENC_BLOCKS), "enc-src", [("pdf", "pdf:writer_pdf_Export")])
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", res["pdf"], out("encrypted.pdf")], check=True)


# ---------------------------------------------------------------------------
# 5. protected.docx (real ECMA-376 agile-encrypted OOXML, OLE2 container)
# ---------------------------------------------------------------------------

PROT_BLOCKS = [
    ("title", "대외비: 2024년 하반기 인력 운용 계획"),
    ("p", "하반기 신규 채용 인원은 46명이며, 인건비는 총 28억4000만원으로 책정했다."),
]

UNO_SCRIPT = r'''
import sys, time, uno
from com.sun.star.beans import PropertyValue
def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
src, dst, port = sys.argv[1], sys.argv[2], sys.argv[3]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext" % port)
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (pv("Hidden", True),))
from com.sun.star.beans import NamedValue
nv = NamedValue(); nv.Name = "OOXPassword"; nv.Value = "secret"
ct = NamedValue(); ct.Name = "CryptoType"; ct.Value = "StrongEncryptionDataSpace"
enc = uno.Any("[]com.sun.star.beans.NamedValue", (ct, nv))
args = (pv("FilterName", "MS Word 2007 XML"), pv("EncryptionData", None))
args[1].Value = enc
uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), uno.Any("[]com.sun.star.beans.PropertyValue", args)))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
'''


def make_protected():
    src = os.path.join(WORK, "prot-src.fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt("인력 운용 계획", "ko", "KR", "NanumGothic", PROT_BLOCKS))
    script = os.path.join(WORK, "uno_save.py")
    with open(script, "w") as f:
        f.write(UNO_SCRIPT)
    port = "20931"
    lo = subprocess.Popen(["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--invisible",
                           "--accept=socket,host=127.0.0.1,port=%s;urp;" % port],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(["/usr/bin/python3", script, src, out("protected.docx"), port], check=True, timeout=120)
        lo.wait(timeout=60)
    finally:
        if lo.poll() is None:
            lo.terminate()
            lo.wait()
    with open(out("protected.docx"), "rb") as f:
        assert f.read(8) == bytes.fromhex("D0CF11E0A1B11AE1"), "not an OLE2 file"


# ---------------------------------------------------------------------------
# 6. scanned.pdf (image only)
# ---------------------------------------------------------------------------

SCAN_LINES = [
    "한빛도 보도자료 (2024. 3. 20.)",
    "",
    "도내 관광객 수 1,870만명 기록",
    "",
    "지난해 한빛도를 찾은 관광객은 1,870만명으로",
    "전년보다 14.2% 늘었다. 외국인 관광객은",
    "62만명, 관광 수입은 2조1000억원으로 추산된다.",
]


def make_scanned():
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf", 34)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf", 40)
    # A5-ish page at 150 dpi, 1-bit like a fax/scan
    img = Image.new("L", (874, 1240), 255)
    d = ImageDraw.Draw(img)
    y = 110
    for i, line in enumerate(SCAN_LINES):
        f = bold if i == 2 else font
        d.text((80, y), line, font=f, fill=0)
        y += 60
    img = img.point(lambda v: 0 if v < 140 else 255).convert("1")
    png = os.path.join(WORK, "scan.png")
    img.save(png, optimize=True, dpi=(150, 150))
    subprocess.run(["img2pdf", "--producer", "", "-o", out("scanned.pdf"), png], check=True)


# ---------------------------------------------------------------------------
# 7. zip-bomb.docx
# ---------------------------------------------------------------------------

BOMB_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

ZIP_BOMB_REPEATS = 33_333_333  # times "<w:p/>" (6 bytes) -> ~200 MB


def make_zip_bomb():
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>수출 524억달러</w:t></w:r></w:p>').encode()
    tail = b"</w:body></w:document>"
    chunk = b"<w:p/>" * 1_000_000
    with zipfile.ZipFile(out("zip-bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in [("[Content_Types].xml", BOMB_CT), ("_rels/.rels", ROOT_RELS)]:
            zi = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        zi = zipfile.ZipInfo("word/document.xml", date_time=(2024, 3, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, "w") as w:
            w.write(head)
            left = ZIP_BOMB_REPEATS
            while left:
                n = min(left, 1_000_000)
                w.write(chunk if n == 1_000_000 else b"<w:p/>" * n)
                left -= n
            w.write(tail)


# ---------------------------------------------------------------------------
# 8. WARC files
# ---------------------------------------------------------------------------

def sha1_b32(b):
    return "sha1:" + base64.b32encode(hashlib.sha1(b).digest()).decode()


def warc_record(fields, block):
    hdr = "WARC/1.0\r\n"
    for k, v in fields:
        hdr += "%s: %s\r\n" % (k, v)
    hdr += "WARC-Block-Digest: %s\r\n" % sha1_b32(block)
    hdr += "Content-Length: %d\r\n\r\n" % len(block)
    return hdr.encode("utf-8") + block + b"\r\n\r\n"


def html_page(lang, title, paras):
    body = "".join("<p>%s</p>\n" % escape(nfc(p)) for p in paras)
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n</head>\n'
            '<body>\n<article>\n<h1>%s</h1>\n%s</article>\n</body>\n</html>\n'
            % (lang, escape(nfc(title)), escape(nfc(title)), body)).encode("utf-8")


ART1 = html_page("ko", "한빛시 1월 아파트 거래량 2,314건…전월보다 18% 늘어", [
    "한빛시의 1월 아파트 매매 거래량이 2,314건으로 집계됐다.",
    "이는 전월(1,961건)보다 18% 늘어난 수치다. 평균 매매가격은 3억2500만원이었다.",
])
ART2 = html_page("ko", "2월 수출 524억달러…5개월 연속 증가", [
    "2월 수출액은 524억달러로 지난해 같은 달보다 4.8% 증가했다.",
    "반도체 수출은 99억달러로 66.7% 늘었고, 무역수지는 43억달러 흑자를 기록했다.",
    "조업일수를 고려한 일평균 수출액은 23억8000만달러였다.",
])
ART3 = html_page("vi", "Xuất khẩu gạo hai tháng đầu năm đạt 790 triệu USD", [
    "Hai tháng đầu năm 2024, cả nước xuất khẩu 1,2 triệu tấn gạo, trị giá 790 triệu USD.",
    "So với cùng kỳ năm 2023, khối lượng tăng 38,6% và giá trị tăng 78,3%; giá bình quân đạt 658 USD/tấn.",
])

# Valid 1x1 RGB PNG, built by hand
def tiny_png():
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b""))


def chunk_sizes(body):
    """150 bytes, then a chunk that ends right after the lead byte of a 3-byte
    UTF-8 sequence (so one chunk boundary splits a Hangul syllable), then 200s."""
    end2 = 350
    while not (body[end2 - 1] >= 0xE0 and 0x80 <= body[end2] < 0xC0):
        end2 += 1
    sizes = [150, end2 - 150]
    pos = end2
    while pos < len(body):
        sizes.append(min(200, len(body) - pos))
        pos += sizes[-1]
    return sizes


def chunked(body):
    outb = b""
    pos = 0
    for n in chunk_sizes(body):
        piece = body[pos:pos + n]
        outb += b"%x\r\n" % len(piece) + piece + b"\r\n"
        pos += n
    return outb + b"0\r\n\r\n"


def http_response(date, ctype, body, chunk=False):
    h = "HTTP/1.1 200 OK\r\nDate: %s\r\nServer: nginx\r\nContent-Type: %s\r\n" % (date, ctype)
    if chunk:
        h += "Transfer-Encoding: chunked\r\n\r\n"
        return h.encode() + chunked(body)
    h += "Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
    return h.encode() + body


def uuid(n):
    return "<urn:uuid:5f0c6e1a-2b7d-4c1e-9a3f-0000000000%02d>" % n


def warc_records():
    recs = []
    info = (b"software: sosu-fixture-writer/1.0\r\nformat: WARC File Format 1.0\r\n"
            b"conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
            b"isPartOf: sosu-test-crawl-2024-03\r\nrobots: obey\r\n")
    recs.append(warc_record([("WARC-Type", "warcinfo"), ("WARC-Date", "2024-03-15T01:20:58Z"),
                             ("WARC-Filename", "three.warc"), ("WARC-Record-ID", uuid(1)),
                             ("Content-Type", "application/warc-fields")], info))
    req = (b"GET /a/1 HTTP/1.1\r\nHost: news.example.kr\r\nUser-Agent: sosu-fixture/1.0\r\n"
           b"Accept: text/html\r\nAccept-Encoding: identity\r\n\r\n")
    recs.append(warc_record([("WARC-Type", "request"), ("WARC-Target-URI", "https://news.example.kr/a/1"),
                             ("WARC-Date", "2024-03-15T01:21:00Z"), ("WARC-Record-ID", uuid(2)),
                             ("WARC-Concurrent-To", uuid(3)),
                             ("Content-Type", "application/http; msgtype=request")], req))
    for n, uri, date, httpdate, body, ch in [
        (3, "https://news.example.kr/a/1", "2024-03-15T01:21:00Z", "Fri, 15 Mar 2024 01:21:00 GMT", ART1, False),
        (4, "https://news.example.kr/a/2", "2024-03-15T01:21:04Z", "Fri, 15 Mar 2024 01:21:04 GMT", ART2, True),
        (5, "https://kinhtebien.example.vn/b/3", "2024-03-15T01:22:10Z", "Fri, 15 Mar 2024 01:22:10 GMT", ART3, False),
    ]:
        recs.append(warc_record([("WARC-Type", "response"), ("WARC-Target-URI", uri), ("WARC-Date", date),
                                 ("WARC-Record-ID", uuid(n)),
                                 ("Content-Type", "application/http; msgtype=response")],
                                http_response(httpdate, "text/html; charset=utf-8", body, ch)))
    recs.append(warc_record([("WARC-Type", "response"), ("WARC-Target-URI", "https://news.example.kr/img/logo.png"),
                             ("WARC-Date", "2024-03-15T01:22:15Z"), ("WARC-Record-ID", uuid(6)),
                             ("Content-Type", "application/http; msgtype=response")],
                            http_response("Fri, 15 Mar 2024 01:22:15 GMT", "image/png", tiny_png())))
    meta = (b"via: https://news.example.kr/\r\nhopsFromSeed: L\r\n"
            b"outlink: https://news.example.kr/a/2 L a/@href\r\nfetchTimeMs: 184\r\n")
    recs.append(warc_record([("WARC-Type", "metadata"), ("WARC-Target-URI", "https://news.example.kr/a/1"),
                             ("WARC-Date", "2024-03-15T01:21:00Z"), ("WARC-Record-ID", uuid(7)),
                             ("WARC-Concurrent-To", uuid(3)),
                             ("Content-Type", "application/warc-fields")], meta))
    return recs


def make_warcs():
    recs = warc_records()
    with open(out("three.warc"), "wb") as f:
        f.write(b"".join(recs))
    members = [gzip.compress(r, compresslevel=9, mtime=0) for r in recs]
    gz = b"".join(members)
    with open(out("three.warc.gz"), "wb") as f:
        f.write(gz)
    offsets = []
    pos = 0
    for m in members:
        offsets.append((pos, len(m)))
        pos += len(m)
    start4, len4 = offsets[3]
    cut = start4 + len4 // 2
    with open(out("truncated.warc.gz"), "wb") as f:
        f.write(gz[:cut])
    print("WARC record offsets (uncompressed):")
    p = 0
    for i, r in enumerate(recs):
        print("  #%d offset %d length %d" % (i + 1, p, len(r)))
        p += len(r)
    print("gzip members (offset, length):", offsets)
    print("article 2 chunk sizes:", chunk_sizes(ART2), "body bytes:", len(ART2))
    print("truncated.warc.gz cut at byte", cut, "(member 4 starts at", start4, "length", len4, ")")


GZIP_BOMB_BODY = 500_000_000  # spaces in the record block


def make_gzip_bomb():
    body_len = GZIP_BOMB_BODY
    hdr = ("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://news.example.kr/big.txt\r\n"
           "WARC-Date: 2024-03-15T02:00:00Z\r\nWARC-Record-ID: %s\r\nContent-Type: text/plain\r\n"
           "Content-Length: %d\r\n\r\n" % (uuid(99), body_len)).encode()
    chunk = b" " * (1 << 20)
    with open(out("gzip-bomb.warc.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(hdr)
            left = body_len
            while left:
                n = min(left, len(chunk))
                g.write(chunk[:n])
                left -= n
            g.write(b"\r\n\r\n")
    print("gzip-bomb uncompressed size:", len(hdr) + body_len + 4)


STEPS = {
    "reports": make_reports,
    "tracked": make_tracked,
    "encrypted": make_encrypted,
    "protected": make_protected,
    "scanned": make_scanned,
    "zipbomb": make_zip_bomb,
    "warc": make_warcs,
    "gzipbomb": make_gzip_bomb,
}

if __name__ == "__main__":
    names = sys.argv[2:] if len(sys.argv) > 2 and sys.argv[1] == "--only" else list(STEPS)
    try:
        for n in names:
            print("==", n)
            STEPS[n]()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
