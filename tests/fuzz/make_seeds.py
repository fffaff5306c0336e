#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (fuzz/targets/) into
tests/fuzz/<target>/seeds/: small, real inputs with Danish text, one per
feature the readers know. Run from anywhere; it overwrites the generated
seeds and leaves other files (and every regressions/ folder) alone.
The .qdpx made by fokus-cli export-qdpx is added by hand (see README.md)."""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def seed(target, name, data):
    folder = os.path.join(HERE, target, "seeds")
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def copy(target, source):
    """A file of the project as a seed, under its own name."""
    with open(os.path.join(ROOT, source), "rb") as data:
        seed(target, os.path.basename(source), data.read())


def zipped(entries, stored=True):
    import io
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 3, 10, 0, 0))
            info.compress_type = method
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


FOCUS_GROUP = (
    "Fokusgruppe med rådgivere, Kommune Ø\n"
    "Dato: 3. maj 2024\n"
    "\n"
    "Interviewer: Hvad får jer til at blive?\n"
    "Rådgiver 1: Det er kollegerne, helt klart. Vi får sparring, og lederen står bag os.\n"
    "Rådgiver 2: Ja, og så er det børnene. Man gør en forskel.\n"
    "Det er sådan: vi mister de erfarne, og arbejdspresset er stort.\n"
    "[00:12:34] Leder (Kommune C): Vi ansætter to nye i år – “faglig tryghed” er målet.\n"
    "(00:13)\n"
    "I: Og hvad med sagsbehandlerne?\n"
    "R1: Æbler, øl og ål – det går.\n"
)

# --- plain text in the encodings transcripts arrive in ---------------------
seed("txt", "utf8.txt", FOCUS_GROUP)
seed("txt", "utf8-bom.txt", b"\xef\xbb\xbf" + FOCUS_GROUP.encode("utf-8"))
seed("txt", "utf8-crlf.txt", FOCUS_GROUP.replace("\n", "\r\n"))
seed("txt", "windows-1252.txt", FOCUS_GROUP.encode("cp1252"))
seed("txt", "utf16le-bom.txt", b"\xff\xfe" + FOCUS_GROUP.encode("utf-16-le"))
seed("txt", "utf16le-no-bom.txt", FOCUS_GROUP.encode("utf-16-le"))
seed("txt", "utf16be-bom.txt", b"\xfe\xff" + FOCUS_GROUP.encode("utf-16-be"))
seed("txt", "timestamps.txt",
     "00:00:05 Interviewer: Velkommen til.\n"
     "[00:01:10.5]\n"
     "Borger 2: Min rådgiver skifter hele tiden.\n"
     "(01:02:03,250) Rådgiver 1:\n"
     "Det må vi se på.\n")
copy("txt", "tests/data/importers/samtale.pdf")  # read_file knows a PDF by its content, whatever its name
seed("txt", "nfd.txt", "Ra\u030adgiver 1: Ma\u030a jeg sige noget om \u00e6\u00f8\u00e5?\nInterviewer: Ja.\n")

# --- WebVTT and SubRip --------------------------------------------------------
seed("vtt", "voices.vtt",
     "WEBVTT\nKind: captions\nLanguage: da\n\n"
     "NOTE Optaget i Teams; navne er erstattet af roller.\n\n"
     "STYLE\n::cue { color: white }\n\n"
     "1\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>Hvad får jer til at blive?</v>\n\n"
     "2\n00:00:05.000 --> 00:00:08.500 align:start\n<v.loud Rådgiver 1>Det er kollegerne,</v>\n\n"
     "3\n00:00:08.500 --> 00:00:11.000\n<v Rådgiver 1>og børnene <i>mærker</i> det &amp; <c.yellow>lederen</c>.</v>\n\n"
     "00:12:34.000 --> 00:12:37.000\n<v Leder (Kommune C)>Vi ansætter to nye i år &lt;3 &nbsp;&lrm;</v>\n\n"
     "01:00:00.000 --> 01:00:02.000\nBorger 2: Jeg har fået en ny sagsbehandler.\nIgen.\n")
seed("vtt", "short-times.vtt",
     "WEBVTT - Fokusgruppe, Kommune Ø\n\n"
     "00:01.000 --> 00:04.000\nInterviewer: Hvad får jer til at blive?\n\n"
     "00:05.250 --> 00:07.000\nRådgiver 1: Det er kollegerne.\n\n"
     "00:07.000 --> 00:09.000\n- Og børnene.\n")
copy("vtt", "tests/data/importers/samtale.vtt")
seed("srt", "labels.srt",
     "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: Hvad får jer til at blive?\n\n"
     "2\n00:00:05,000 --> 00:00:08,500\nRådgiver 1: Det er kollegerne, helt klart.\n\n"
     "3\n00:00:08,500 --> 00:00:11,000\nRådgiver 1: Og lederen står bag os.\n<i>(griner)</i>\n\n"
     "4\n01:12:34,000 --> 01:12:37,000\nLeder (Kommune C): Vi ansætter to nye i år.\n")
seed("srt", "crlf-bom.srt",
     b"\xef\xbb\xbf" + "1\r\n00:00:01,000 --> 00:00:02,000\r\n<b>Borger 2:</b> Æv, ja.\r\n\r\n"
     "2\r\n00:00:02,500 --> 00:00:04,000\r\nDet er sådan: vi venter.\r\n".encode("utf-8"))
copy("srt", "tests/data/importers/samtale.srt")

# --- Word ---------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
DOCUMENT = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Fokusgruppe med rådgivere, Kommune Ø</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Interviewer:</w:t></w:r><w:r><w:t xml:space="preserve"> Hvad får jer til at blive?</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">Rådgiver 1: </w:t></w:r><w:r><w:t>Det er kollegerne</w:t></w:r><w:r><w:tab/><w:t>helt klart.</w:t><w:br/><w:t>Rådgiver 2: Og børnene.</w:t></w:r></w:p>
<w:p><w:hyperlink w:anchor="x"><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Leder (Kommune C):</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="T"><w:r><w:t xml:space="preserve"> Vi ansætter to</w:t></w:r></w:ins><w:del w:id="2" w:author="T"><w:r><w:delText> Slettet.</w:delText></w:r></w:del><w:r><w:noBreakHyphen/><w:t>nye.</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>[00:12:34] Borger 2: Min sagsbehandler skifter.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>Tekstboks: ærø</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Tekstboks: ærø</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Interviewer:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Hvad så med lønnen?</w:t></w:r></w:p><w:p><w:r><w:t>Og tiden?</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sdt><w:sdtContent><w:p><w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t>R1:</w:t></w:r><w:r><w:cr/><w:t>Det går.</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:sectPr/>
</w:body></w:document>'''
STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:rPr><w:b w:val="off"/></w:rPr></w:style></w:styles>'''
seed("docx", "features.docx", zipped([("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", DOCUMENT), ("word/styles.xml", STYLES)]))
seed("docx", "features-deflated.docx", zipped([("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", DOCUMENT)], stored=False))
seed("docx", "minimal.docx", zipped([("word/document.xml",
     f'<w:document {W}><w:body><w:p><w:r><w:t>Interviewer: Hvad får jer til at blive?</w:t></w:r></w:p></w:body></w:document>')]))
copy("docx", "tests/data/importers/samtale.docx")

# --- OpenDocument text --------------------------------------------------------
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
CONTENT = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">Fokusgruppe med rådgivere, Kommune Ø</text:h>
<text:p><text:span text:style-name="T1">Interviewer:</text:span> Hvad   får jer
  til at blive?</text:p>
<text:p><text:span text:style-name="T1">Rådgiver 1:</text:span><text:s text:c="3"/>Det er kollegerne<text:tab/>helt klart.<text:line-break/>Rådgiver 2: Og børnene.</text:p>
<text:p text:style-name="P1">Leder (Kommune C):</text:p>
<text:p>[00:12:34] Borger 2: Min sagsbehandler skifter.<text:note text:note-class="footnote"><text:note-body><text:p>Fodnote</text:p></text:note-body></text:note><office:annotation><text:p>Kommentar</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>I: Og tiden?</text:p></text:list-item></text:list>
<text:section text:name="S"><table:table><table:table-row><table:table-cell><text:p>R1: Æbler og ål.</text:p></table:table-cell></table:table-row></table:table></text:section>
<text:p><![CDATA[Interviewer: Tak for i dag & farvel.]]></text:p>
</office:text></office:body></office:document-content>'''
MIMETYPE = "application/vnd.oasis.opendocument.text"
seed("odt", "features.odt", zipped([("mimetype", MIMETYPE), ("content.xml", CONTENT)]))
seed("odt", "features-deflated.odt", zipped([("mimetype", MIMETYPE), ("content.xml", CONTENT)], stored=False))
seed("odt", "no-mimetype.odt", zipped([("content.xml",
     f'<office:document-content {ODF}><office:body><office:text><text:p>Interviewer: Hvad får jer til at blive?</text:p></office:text></office:body></office:document-content>')]))
copy("odt", "tests/data/importers/samtale.odt")

# --- REFI-QDA project -----------------------------------------------------------
G = {k: v for k, v in {
    "user": "11111111-1111-4111-8111-111111111111", "user2": "{22222222-2222-4222-8222-222222222222}",
    "code1": "33333333-3333-4333-8333-333333333333", "code2": "44444444-4444-4444-8444-444444444444",
    "code3": "55555555-5555-4555-8555-555555555555", "var": "66666666-6666-4666-8666-666666666666",
    "src1": "77777777-7777-4777-8777-777777777777", "src2": "88888888-8888-4888-8888-888888888888",
    "src3": "99999999-9999-4999-8999-999999999999", "sel1": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
    "sel2": "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "cod1": "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
    "cod2": "dddddddd-dddd-4ddd-8ddd-dddddddddddd", "note1": "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee",
    "note2": "ffffffff-ffff-4fff-8fff-ffffffffffff", "case": "12121212-1212-4212-8212-121212121212",
    "link": "13131313-1313-4313-8313-131313131313", "set": "14141414-1414-4414-8414-141414141414",
    "var2": "15151515-1515-4515-8515-151515151515"}.items()}
PROJECT = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Fokusgrupper, Kommune Ø" origin="Fokus 0.1">
<Users><User guid="{G['user']}" name="Anne Sørensen"/><User guid="{G['user2']}" id="KB"/></Users>
<CodeBook><Codes>
<Code guid="{G['code1']}" name="Faglig tryghed" isCodable="true" color="#1F4E99"><Description>Tryghed i fagligheden.</Description>
<Code guid="{G['code2']}" name="Sparring" isCodable="true" color="#abc"><NoteRef targetGUID="{G['note2']}"/></Code></Code>
<Code guid="{G['code3']}" name="Arbejdspres" isCodable="false" color="blå"/>
</Codes></CodeBook>
<Variables><Variable guid="{G['var']}" name="kommune" typeOfVariable="Text"/><Variable guid="{G['var2']}" name="alder" typeOfVariable="Integer"/></Variables>
<Cases><Case guid="{G['case']}" name="Rådgiver 1"><VariableValue><VariableRef targetGUID="{G['var2']}"/><IntegerValue>34</IntegerValue></VariableValue><SelectionRef targetGUID="{G['sel1']}"/></Case></Cases>
<Sources>
<TextSource guid="{G['src1']}" name="Kommune Ø, rådgivere" creatingUser="{G['user']}" creationDateTime="2024-05-03T10:00:00Z">
<PlainTextContent>Interviewer: Hvad får jer til at blive?
Rådgiver 1: Det er kollegerne, helt klart. Faglig tryghed og sparring.
Rådgiver 2: Og børnene.</PlainTextContent>
<PlainTextSelection guid="{G['sel1']}" name="kollegerne" startPosition="53" endPosition="90" creatingUser="{G['user2']}">
<Description>Vigtigt citat</Description>
<Coding guid="{G['cod1']}" creatingUser="{G['user']}"><CodeRef targetGUID="{G['code1']}"/><NoteRef targetGUID="{G['note1']}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="{G['sel2']}" startPosition="400" endPosition="2"><Coding guid="{G['cod2']}"><CodeRef targetGUID="{G['code2']}"/></Coding></PlainTextSelection>
<VariableValue><VariableRef targetGUID="{G['var']}"/><TextValue>Kommune Ø</TextValue></VariableValue>
</TextSource>
<TextSource guid="{G['src2']}" name="Borgere" plainTextPath="internal://{G['src2']}.txt"/>
<TextSource guid="{G['src3']}" name="Ledere" richTextPath="internal://{G['src3']}.docx" plainTextPath="internal://tom.txt"/>
<PictureSource guid="{G['link']}" name="billede.png"/>
</Sources>
<Notes><Note guid="{G['note1']}" name="Om kollegerne" creatingUser="{G['user']}" creationDateTime="2024-05-03T10:00:00Z"><PlainTextContent>Kollegerne bærer arbejdspladsen.</PlainTextContent></Note>
<Note guid="{G['note2']}" name="Sparring" plainTextPath="sources\\note.txt"/></Notes>
<Links><Link guid="{G['link']}" name="presented_to" originGUID="{G['sel1']}" targetGUID="{G['src2']}"><NoteRef targetGUID="{G['note1']}"/></Link>
<Link guid="{G['set']}" name="relateret" originGUID="{G['src1']}" targetGUID="{G['src2']}"/></Links>
<Sets><Set guid="{G['set']}" name="Tema: faglighed"><Description>Faglig tryghed</Description><MemberCode targetGUID="{G['code1']}"/><MemberCode targetGUID="{G['code2']}"/></Set></Sets>
<NoteRef targetGUID="{G['note2']}"/>
</Project>'''
BORGERE = "\ufeffInterviewer: Hvad betyder det, når rådgiveren skifter?\r\nBorger 1: Så skal man fortælle det hele forfra.\r\n"
SMALL_DOCX = zipped([("word/document.xml",
    f'<w:document {W}><w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Leder:</w:t></w:r><w:r><w:t xml:space="preserve"> Vi ansætter to nye i år.</w:t></w:r></w:p></w:body></w:document>')])
seed("qdpx", "features.qdpx", zipped([
    ("project.qde", PROJECT), (f"sources/{G['src2']}.txt", BORGERE), (f"sources/{G['src3']}.docx", SMALL_DOCX),
    ("sources/tom.txt", ""), ("sources/note.txt", "Sparring hver uge.")]))
seed("qdpx", "minimal.qdpx", zipped([("Fokus.qde",
    f'<Project name="Lille"><Sources><TextSource guid="{G["src1"]}" name="Ø"><PlainTextContent>I: Hej.\nR1: Hej med dig, Åse.</PlainTextContent></TextSource></Sources></Project>')]))

# --- REFI-QDA codebook ----------------------------------------------------------
copy("qdc", "schemas/default-codebook.qdc")
CODEBOOK = f'''<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fokus">
<Codes><Code guid="{G['code1']}" name="Faglig tryghed" isCodable="true" color="#1F4E99"><Description>Tryghed i fagligheden – også når det er svært.</Description>
<Code guid="{G['code2'].upper()}" name=" Sparring " isCodable="0" color="#abc"/></Code>
<Code guid="{{{G['code3']}}}" name="Ærgrelse over arbejdspres"/></Codes>
<Sets><Set guid="{G['set']}" name="Tema: faglighed"><Description>Faglig tryghed og sparring</Description><MemberCode guid="{G['code1']}"/><MemberCode guid="{G['code2']}"/></Set></Sets>
</CodeBook>'''
seed("qdc", "small.qdc", CODEBOOK)
seed("qdc", "utf16.qdc", b"\xff\xfe" + CODEBOOK.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16-le"))
seed("qdc", "prefixed.qdc", f'<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes><q:Code guid="{G["code1"]}" name="Ø"/></q:Codes></q:CodeBook>')

# --- the turn parser (marks: see fuzz/targets/turns.cpp) ------------------------
seed("turns", "labels.txt", FOCUS_GROUP)
seed("turns", "timestamps.txt",
     "[00:12:34] Interviewer: Hvad får jer til at blive?\n"
     "(00:13) Rådgiver 1: Det er kollegerne.\n"
     "00:14:05 R1: Og lederen.\n"
     "[01:02:03,5]\n"
     "Borger 2: Min rådgiver skifter.\n"
     "12:34\n"
     "Det er sådan: vi venter.\n")
seed("turns", "bold-and-voices.txt",
     "Rådgiver 1:\x02 Det er kollegerne.\n"
     "Altså:\x02 det er svært.\n"
     "[00:01:00] Leder (Kommune C):\x02 Vi ansætter.\n"
     "<v Interviewer>Hvad får jer til at blive?\n"
     "<v Rådgiver 2> Rådgiver 2: Børnene.\n"
     "Ja: det er rigtigt.\n"
     "Dato: 3. maj\n")

# --- the search query language ----------------------------------------------------
for name, query in [
        ("prefix", "rådgiver*"), ("near", '"faglig tryghed" NEAR/3 leder'), ("not", "(sag OR borger) NOT leder"),
        ("danish-operators", "rådgiver OG (borger ELLER sagsbehandler) IKKE leder"),
        ("near-chain", "faglig NEAR/5 tryghed NEAR/5 sparring"), ("phrase", '"rådgiver/sagsbehandler"'),
        ("folded", "raadgiver radgiver* Ærø"), ("near-default", "kollegerne NEAR lederen"),
        ("nested", "((faglig AND tryghed) OR (medarbejder* NOT stress)) sparring")]:
    seed("query", name + ".txt", query)

# --- indexing a document: lines as speaker turns ----------------------------------
seed("index", "focus-group.txt",
     "Interviewer: Hvordan oplever I arbejdet som rådgiver i kommunen?\n"
     "Borger 2: Rådgiverne har ikke tid til os. (griner) Man får en ny rådgiver hele tiden.\n"
     "Rådgiver 1: Medarbejderomsætningen er høj, og faglig tryghed mangler.\n"
     "Leder (Kommune C): Rådgiver/sagsbehandler, 1.812 sager, Ærø og Åbenrå.\n")
seed("index", "one-letter-run.txt", "Borger 1: " + "å" * 3000 + " og " + "a" * 3000 + "\n")
seed("index", "no-turns.txt", "Min radgiver ringer aldrig tilbage, og raadgiverne skifter hele tiden. ØL, øl og Straße.")
seed("index", "empty-turns.txt", "R1:\nR2: \nR1: ja\n\nInterviewer: ...\n")
seed("index", "scripts.txt", "Borger 3: 東京 ﾃｽﾄ 123,5 e\u0301 ﬁnd İstanbul ΣΊΣΥΦΟΣ\n")

# Every target keeps a regressions/ folder, empty until a fuzzer finds something.
for target in ["txt", "docx", "odt", "vtt", "srt", "qdpx", "qdc", "turns", "query", "index"]:
    folder = os.path.join(HERE, target, "regressions")
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, ".gitkeep"), "a").close()
