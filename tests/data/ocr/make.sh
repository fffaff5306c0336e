#!/bin/sh
# Regenerates the OCR fixtures from the sample transcripts:
#   clean/NAME.txt   the transcript's text, one paragraph a line (the truth)
#   ocr/NAME.txt     the same text set in DejaVu Serif 11 pt by LibreOffice,
#                    rendered at 150 dpi in grey and read back by Tesseract
#                    with its English model, which knows no æ, ø or å
#   expected.tsv     what each test query should find, from align.py
# Needs libreoffice-writer-nogui, poppler-utils, fonts-dejavu-core,
# tesseract-ocr and tesseract-ocr-eng (scripts/debian-packages).
# Run from anywhere: tests/data/ocr/make.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
samples="$here/../../../sample-transcripts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/clean" "$here/ocr" "$work/txt"

# Plain text of each transcript: .txt in its encoding (UTF-8, UTF-16 or
# Windows-1252), .docx and .odt through
# LibreOffice, .vtt by its cues (one speaker's consecutive cues one paragraph).
cp "$samples"/*.txt "$work/txt/"
soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$work/txt" \
    "$samples"/*.docx "$samples"/*.odt >/dev/null 2>&1
python3 - "$samples" "$work/txt" "$here/clean" <<'PY'
import glob, os, re, sys, unicodedata
samples, txt, clean = sys.argv[1:]
for vtt in glob.glob(os.path.join(samples, "*.vtt")):
    paragraphs, speaker = [], None
    for line in open(vtt, encoding="utf-8"):
        cue = re.match(r"<v ([^>]+)>(.*?)(</v>)?\s*$", line)
        if not cue:
            continue
        if cue.group(1) == speaker:
            paragraphs[-1] += " " + cue.group(2)
        else:
            speaker = cue.group(1)
            paragraphs.append(speaker + ": " + cue.group(2))
    name = os.path.splitext(os.path.basename(vtt))[0]
    open(os.path.join(txt, name + ".txt"), "w", encoding="utf-8").write("\n".join(paragraphs) + "\n")
for path in sorted(glob.glob(os.path.join(txt, "*.txt"))):
    raw = open(path, "rb").read()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    lines = [unicodedata.normalize("NFC", l.strip()) for l in text.splitlines()]
    open(os.path.join(clean, os.path.basename(path)), "w", encoding="utf-8").write("\n".join(l for l in lines if l) + "\n")
PY

# Each clean text set as a document, rendered and read back.
for clean in "$here"/clean/*.txt; do
    name=$(basename "$clean" .txt)
    python3 - "$clean" "$work/$name.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write('<html><head><meta charset="utf-8"><style>'
              'p{font-family:"DejaVu Serif";font-size:11pt;margin:0 0 6pt 0}</style></head><body>\n')
    for line in lines:
        out.write("<p>" + html.escape(line) + "</p>\n")
    out.write("</body></html>\n")
PY
    soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$work" "$work/$name.html" >/dev/null 2>&1
    pdftoppm -r 150 -gray -png "$work/$name.pdf" "$work/$name-page"
    : >"$here/ocr/$name.txt"
    for page in $(ls "$work/$name"-page-*.png | sort -V); do
        OMP_THREAD_LIMIT=1 tesseract "$page" "$work/page" -l eng >/dev/null 2>&1
        tr -d '\f' <"$work/page.txt" >>"$here/ocr/$name.txt"  # no page breaks
    done
    # One paragraph a line, as Fokus imports a text file: no blank lines, no spaces at line ends.
    sed -e 's/[[:space:]]*$//' -e '/^$/d' "$here/ocr/$name.txt" >"$work/$name.ocr" && mv "$work/$name.ocr" "$here/ocr/$name.txt"
    echo "$name: $(wc -w <"$clean") words, $(ls "$work/$name"-page-*.png | wc -l) pages"
done

python3 "$here/align.py" "$here" >"$here/expected.tsv"
