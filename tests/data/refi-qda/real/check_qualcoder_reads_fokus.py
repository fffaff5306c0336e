#!/usr/bin/env python3
"""Checks that QualCoder keeps every memo of a Fokus REFI-QDA export, and every coding on its characters.

Usage: QT_QPA_PLATFORM=offscreen HOME=$(mktemp -d) /usr/bin/python3 check_qualcoder_reads_fokus.py \
           QUALCODER_SRC FOKUS_CLI [PROJECT_XSD]

QUALCODER_SRC is the src/ folder of a QualCoder checkout, FOKUS_CLI the built fokus-cli and
PROJECT_XSD the REFI-QDA Project.xsd (when given, the export is validated with xmllint first).
Not run in CI: it needs QualCoder's source and PyQt 6 (python3-pyqt6).

A small Danish project is made with fokus-cli: one focus-group transcript with æøå and emoji,
two codes (one under the other, one with a definition), codings with and without a comment, and
memos on the project, the document (two, one titled), a code and a coding, two of them starting
with the same line. It is exported with fokus-cli export-qdpx and read by QualCoder's own
importer (qualcoder.refi.RefiImport) into a database made with the tables QualCoder's "new
project" makes. Then QualCoder's database is read directly, as QualCoder shows it:
- a document's memos are the source's memo (source.memo), each memo's text in it;
- memos on codes, codings and the project are journal entries (journal.jentry), one each;
- a coding's comment is the coding's memo (code_text.memo);
- a code's definition is the code's memo (code_name.memo);
- every coding is on the code of the same name and the same characters (code_text.seltext).
Prints each item with where QualCoder keeps it; exits 1 when something is missing.
"""
import ast
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import types

src, fokus_cli = sys.argv[1], os.path.abspath(sys.argv[2])
xsd = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
sys.path.insert(0, src)

TRANSCRIPT = ("Interviewer: Hvad betyder tryghed for jer på skolen?\n"
              "Mette: At man kan sige noget forkert uden at blive hængt ud 😊.\n"
              "Søren: Og at lederen står bag én, når forældrene ringer.\n"
              "Åse: Vi har brug for tid til at tale sammen – især om de sårbare elever.\n")


def fokus(*args):
    result = subprocess.run([fokus_cli, "--coder", "Åse", *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"fokus-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def fokus_json(*args):
    return json.loads(fokus(*args, "--json"))


work = tempfile.mkdtemp(prefix="fokus-qualcoder-")
project = os.path.join(work, "Tryghed.fokus")
transcript = os.path.join(work, "Fokusgruppe Ærø.txt")
with open(transcript, "w", encoding="utf-8") as f:
    f.write(TRANSCRIPT)
fokus("new", project, "--empty")
fokus("import", project, transcript)
fokus("codes", project, "add", "Tryghed", "--definition", "Udsagn om at føle sig tryg i skolen")
fokus("codes", project, "add", "Ledelsens opbakning", "--parent", "Tryghed")
fokus("code", project, "Fokusgruppe Ærø", "Tryghed", "--text", "At man kan sige noget forkert uden at blive hængt ud 😊",
      "--comment", "Kerneudsagn om tryghed")
fokus("code", project, "Fokusgruppe Ærø", "Ledelsens opbakning", "--text", "lederen står bag én, når forældrene ringer")
fokus("code", project, "Fokusgruppe Ærø", "Tryghed", "--text", "tid til at tale sammen – især om de sårbare elever")
codings = fokus_json("codings", project)
first_coding = codings[0]["id"]
fokus("memo", project, "Optaget på Ærø i marts; lyden var dårlig i starten.", "--document", "Fokusgruppe Ærø")
fokus("memo", project, "Mette og Søren kender hinanden fra lærerværelset.\nÅse kom til senere.", "--document",
      "Fokusgruppe Ærø", "--title", "Deltagerne")
fokus("memo", project, "Skal tryghed deles i fysisk og psykisk tryghed?", "--code", "Tryghed")
fokus("memo", project, "Mette smiler her – ironi eller alvor? 🤔", "--coding", str(first_coding))
fokus("memo", project, "Mette talte frit; hun var tryg ved gruppen.", "--title", "Refleksion efter Ærø")
fokus("memo", project, "Næste gang: spørg til forældrene.\nOg til tiden.")
fokus("memo", project, "Næste gang: spørg til forældrene.\nHusk båndoptageren.")
memos = fokus_json("memo", project)
codes = {code["id"]: code for code in fokus_json("codes", project)}
qdpx = os.path.join(work, "Tryghed.qdpx")
fokus("export-qdpx", project, qdpx)

if xsd:
    import zipfile
    with zipfile.ZipFile(qdpx) as archive:
        qde = os.path.join(work, "project.qde")
        with open(qde, "wb") as f:
            f.write(archive.read("project.qde"))
    subprocess.run(["xmllint", "--noout", "--schema", xsd, qde], check=True)


def qualcoder_tables(main_py):
    """The CREATE TABLE statements of QualCoder's "new project", read from its source."""
    tree = ast.parse(open(main_py, encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "new_project":
            return [call.args[0].value for call in ast.walk(node)
                    if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant)
                    and str(call.args[0].value).startswith("CREATE TABLE")]
    sys.exit("new_project not found in " + main_py)


from PyQt6 import QtWidgets  # noqa: E402

application = QtWidgets.QApplication([])
import qualcoder  # noqa: E402,F401

# refi.py takes only its message box from helpers, whose other imports
# (PyMuPDF, Pillow, a media player) an import does not need.
helpers = types.ModuleType("qualcoder.helpers")
helpers.Message = lambda *args, **kwargs: type("Shown", (), {"exec": lambda self: 1})()
sys.modules["qualcoder.helpers"] = helpers
from qualcoder import refi  # noqa: E402


class App:
    def __init__(self, folder):
        os.makedirs(os.path.join(folder, "documents"))
        self.project_path = folder
        self.settings = {"directory": work, "codername": "default", "ai_enable": "False"}
        self.ai_models = []
        self.conn = sqlite3.connect(os.path.join(folder, "data.qda"))
        for statement in qualcoder_tables(os.path.join(src, "qualcoder", "__main__.py")):
            self.conn.execute(statement)
        self.conn.commit()

    def write_config_ini(self, settings, ai_models):
        pass


version = re.search(r'self\.version = "([^"]+)"', open(os.path.join(src, "qualcoder", "app.py"), encoding="utf-8").read()).group(1)
print(f"{version} imports {qdpx}")
app = App(os.path.join(work, "Tryghed.qda"))
QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (qdpx, "(*.qdpx *.QDPX)"))
log = QtWidgets.QTextEdit()
refi.RefiImport(app, log, "qdpx")
db = app.conn

failures = []


def check(ok, what, where):
    print(("kept  " if ok else "LOST  ") + what + "\n      " + where)
    if not ok:
        failures.append(what)


def short(text):
    return text.replace("\n", "⏎")


source_memo = db.execute("select memo from source where name = 'Fokusgruppe Ærø'").fetchone()
journals = {name: entry for name, entry in db.execute("select name, jentry from journal")}
for memo in memos:
    what = f"memo on the {memo['on']}: {short(memo['text'])!r}"
    if memo["on"] == "document":
        check(source_memo is not None and memo["text"] in source_memo[0], what, f"source memo: {short(source_memo[0] if source_memo else '')!r}")
    else:
        holding = [name for name, entry in journals.items() if entry == memo["text"]]
        check(len(holding) == 1, what, f"journal entries: {holding}")

code_ids = {name: cid for cid, name in db.execute("select cid, name from code_name")}
for code in codes.values():
    memo = db.execute("select memo from code_name where name = ?", (code["name"],)).fetchone()
    if code.get("definition"):
        check(memo is not None and memo[0] == code["definition"], f"definition of {code['name']!r}",
              f"code memo: {memo[0] if memo else None!r}")
for coding in codings:
    rows = db.execute("select seltext, memo from code_text where cid = ? and pos0 = ? and pos1 = ?",
                      (code_ids.get(coding["code"]), coding["start"], coding["end"])).fetchall()
    check(len(rows) == 1 and rows[0][0] == coding["text"], f"coding {coding['start']}-{coding['end']} on {coding['code']!r}",
          f"code_text: {rows}")
    if coding["comment"]:
        check(len(rows) == 1 and rows[0][1] == coding["comment"], f"comment on coding {coding['start']}-{coding['end']}",
              f"coding memo: {rows[0][1] if rows else None!r}")

print(f"\n{len(memos)} memos, {len(codings)} codings; {len(failures)} lost")
sys.exit(1 if failures else 0)
