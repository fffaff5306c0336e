#!/usr/bin/env python3
"""Writes the QualCoder exports in this folder with QualCoder's own REFI-QDA exporter.

Usage: QT_QPA_PLATFORM=offscreen HOME=$(mktemp -d) /usr/bin/python3 make_qualcoder_exports.py QUALCODER_SRC OUT_DIR

QUALCODER_SRC is the src/ folder of a QualCoder checkout. The project is made
directly in a QualCoder database (the tables its exporter reads, as QualCoder
creates them), then qualcoder.refi.RefiExport writes the .qdpx, once with
plain line ends and once with its "MAXQDA line endings" option. Its dialogs
are answered here instead of by a user.
"""
import os
import re
import shutil
import sqlite3
import sys
import types

src, out = sys.argv[1], os.path.abspath(sys.argv[2])
sys.path.insert(0, src)

from PyQt6 import QtWidgets  # noqa: E402

application = QtWidgets.QApplication([])
import qualcoder  # noqa: E402

# refi.py takes only its message box from helpers, whose other imports
# (PyMuPDF, Pillow, a media player) an export does not need.
helpers = types.ModuleType("qualcoder.helpers")
helpers.Message = lambda *args, **kwargs: type("Shown", (), {"exec": lambda self: 1})()
sys.modules["qualcoder.helpers"] = helpers
from qualcoder import refi  # noqa: E402

VERSION = re.search(r'self\.version = "([^"]+)"', open(os.path.join(src, "qualcoder", "app.py"), encoding="utf-8").read()).group(1)

# Two interviews; QualCoder keeps text with "\n" line ends whatever the file had.
METTE = ("Interviewer: Hvordan oplever du samarbejdet på skolen?\n"
         "Mette: Vi stoler på hinanden 😊 – også når det brænder på.\n"
         "Interviewer: Og ledelsen?\n"
         "Mette: Lederen står bag os, når forældrene klager over karaktererne.\n")
SØREN = ("Interviewer: Fortæl om programmering i 7. klasse.\n"
         "Søren: Alle elever skal kunne være med, også de tøvende.\n"
         "Søren: Vi bruger micro:bit 🤖 og arbejder to og to.\n")

SCHEMA = [
    "CREATE TABLE project (databaseversion text, date text, memo text,about text, bookmarkfile integer, bookmarkpos integer, "
    "codername text, recently_used_codes text, avbookmarkfile integer, avbookmarkmsec integer, avbookmarktextpos integer)",
    "CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, owner text, date text, "
    "av_text_id integer, risid integer, unique(name))",
    "CREATE TABLE code_image (imid integer primary key,id integer,x1 integer, y1 integer, width integer, height integer, "
    "cid integer, memo text, date text, owner text, important integer, pdf_page integer)",
    "CREATE TABLE code_av (avid integer primary key,id integer,pos0 integer, pos1 integer, cid integer, memo text, date text, "
    "owner text, important integer)",
    "CREATE TABLE annotation (anid integer primary key, fid integer,pos0 integer, pos1 integer, memo text, owner text, date text, "
    "unique(fid,pos0,pos1,owner))",
    "CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text)",
    "CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, date text, owner text, "
    "unique(name,attr_type,id))",
    "CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, owner text, "
    "date text, memo text)",
    "CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text,date text, constraint ucm unique(name))",
    "CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer, unique(name))",
    "CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer,seltext text, pos0 integer, pos1 integer, "
    "owner text, date text, memo text, avid integer, important integer, unique(cid,fid,pos0,pos1, owner))",
    "CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text,date text, color text, "
    "supercid integer, unique(name))",
    "CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name))",
]


def make_project(path):
    conn = sqlite3.connect(path)
    for statement in SCHEMA:
        conn.execute(statement)
    conn.execute("CREATE VIEW annotation_visible AS SELECT * FROM annotation")
    day = "2026-03-02 10:15:00"
    conn.execute("insert into project values ('v14', ?, 'Tryghed og inklusion i skolen', '', null, null, 'Åse', '', null, null, null)",
                 (day,))
    conn.execute("insert into source (id, name, fulltext, memo, owner, date) values (1, 'Interview Mette.txt', ?, "
                 "'Optaget på Ærø', 'Åse', ?)", (METTE, day))
    conn.execute("insert into source (id, name, fulltext, memo, owner, date) values (2, 'Interview Søren.txt', ?, '', 'Bjørn', ?)",
                 (SØREN, day))
    conn.execute("insert into code_cat values (1, 'Skolens kultur', 'Åse', ?, 'Hvordan skolen arbejder', null)", (day,))
    conn.execute("insert into code_name values (1, 'Tillid', 'Tillid mellem kolleger', 1, 'Åse', ?, '#EB7333', null)", (day,))
    conn.execute("insert into code_name values (2, 'Ledelsens rygdækning', '', null, 'Åse', ?, '#5882FA', 1)", (day,))
    conn.execute("insert into code_name values (3, 'Inklusion', '', null, 'Bjørn', ?, '#2EFE2E', null)", (day,))

    def code(cid, fid, words, owner, memo=""):
        text = METTE if fid == 1 else SØREN
        start = text.index(words)
        conn.execute("insert into code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important) "
                     "values (?, ?, ?, ?, ?, ?, ?, ?, null)", (cid, fid, words, start, start + len(words), owner, day, memo))

    code(1, 1, "Vi stoler på hinanden 😊", "Åse", "Kernen i interviewet")
    code(1, 1, "Vi stoler på hinanden 😊 – også når det brænder på.", "Bjørn")
    code(2, 1, "Lederen står bag os, når forældrene klager over karaktererne.", "Åse")
    code(3, 2, "Alle elever skal kunne være med, også de tøvende.", "Bjørn")
    code(3, 2, "Vi bruger micro:bit 🤖", "Åse")
    start = SØREN.index("arbejder to og to")
    conn.execute("insert into annotation (fid, pos0, pos1, memo, owner, date) values (2, ?, ?, 'Pararbejde – spørg ind', 'Bjørn', ?)",
                 (start, start + len("arbejder to og to"), day))
    conn.execute("insert into journal (name, jentry, date, owner) values ('Refleksion efter Ærø', "
                 "'Mette talte frit; husk at spørge til forældrene næste gang.', ?, 'Åse')", (day,))
    conn.commit()
    return conn


class App:
    def __init__(self, folder):
        self.project_name = "Tryghed i skolen.qda"
        self.project_path = folder
        self.settings = {"directory": out, "codername": "Åse"}
        self.version = VERSION
        os.makedirs(os.path.join(folder, "documents"), exist_ok=True)
        self.conn = make_project(os.path.join(folder, "data.qda"))

    def get_annotations(self):
        keys = "anid", "fid", "pos0", "pos1", "memo", "owner", "date"
        return [dict(zip(keys, row)) for row in self.conn.execute("select anid, fid, pos0, pos1, memo, owner, date from annotation_visible")]


class Answer:
    def __init__(self, checked):
        self.checked = checked

    def isChecked(self):
        return self.checked


def export(name, maxqda_line_endings):
    class LineEndings:
        def __init__(self, app):
            self.ui = type("Ui", (), {"radioButton_maxqda": Answer(maxqda_line_endings)})()

        def exec(self):
            return 1

    refi.RefiLineEndings = LineEndings
    QtWidgets.QFileDialog.getExistingDirectory = staticmethod(lambda *args, **kwargs: out)
    os.makedirs(os.path.join(os.environ["HOME"], ".qualcoder"), exist_ok=True)  # made by QualCoder when it starts
    folder = os.path.join(os.environ["HOME"], name + ".qda")
    shutil.rmtree(folder, ignore_errors=True)
    refi.RefiExport(App(folder), QtWidgets.QTextEdit(), "project")
    os.replace(os.path.join(out, "Tryghed i skolen.qdpx"), os.path.join(out, name + ".qdpx"))


export("qualcoder-4.0-beta", False)
export("qualcoder-4.0-beta-maxqda-line-endings", True)
