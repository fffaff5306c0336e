#!/usr/bin/python3
"""Word counts and keyness of a Fokus project computed apart from Fokus, to
check its figures: the text and turns read from the project file with
sqlite3, split into words by PyICU's Danish word breaking, case-folded by
Python, stemmed by NLTK's Snowball Danish stemmer, G² computed here.

  independent_words.py words PROJECT STOPWORDS [--stems] [--role ROLE]
  independent_words.py keyness PROJECT STOPWORDS [--stems] --left ROLE --right ROLE
  independent_words.py stems WORD...

Prints JSON. The stop-word list is read as a plain list: one word a line,
lines starting with # left out.
"""
import json
import math
import sqlite3
import sys

import icu
from nltk.stem.snowball import SnowballStemmer

STEMMER = SnowballStemmer("danish")
WORD_NUMBER = 100  # ICU's UBRK_WORD_NUMBER: statuses from here up are words


def stop_words(path):
    words = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.casefold())
    return words


def turns(project, role=None):
    """(document id, speaker label or None, speech) of every turn, role-filtered."""
    db = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    texts = dict(db.execute("SELECT id, text FROM documents"))
    roles = dict(db.execute("SELECT participant_id, value FROM participant_attributes WHERE name = 'role'"))
    rows = db.execute(
        "SELECT t.document_id, s.label, s.participant_id, t.body_start, t.end "
        "FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY t.document_id, t.start")
    for document, label, participant, body_start, end in rows:
        if role is not None and roles.get(participant) != role:
            continue
        yield document, label, texts[document][body_start:end]


def words_of(text, breaker):
    breaker.setText(text)
    start = breaker.first()
    for end in breaker:
        if breaker.getRuleStatus() >= WORD_NUMBER:
            yield text[start:end]
        start = end


def count(project, stops, stems, role=None):
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("da"))
    counts, documents, speakers, total = {}, {}, {}, 0
    for document, label, speech in turns(project, role):
        for word in words_of(speech, breaker):
            total += 1
            word = word.casefold()
            if word in stops:
                continue
            key = STEMMER.stem(word) if stems else word
            counts[key] = counts.get(key, 0) + 1
            documents.setdefault(key, set()).add(document)
            if label:
                speakers.setdefault(key, set()).add((document, label))
    return {
        "total": total,
        "words": {w: [c, len(documents[w]), len(speakers.get(w, ()))] for w, c in counts.items()},
    }


def g2(a, b, c, d):
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    total = (a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0)
    return 2 * total


def keyness(project, stops, stems, left_role, right_role):
    left = count(project, stops, stems, left_role)
    right = count(project, stops, stems, right_role)
    c, d = left["total"], right["total"]
    rows = []
    for word in set(left["words"]) | set(right["words"]):
        a = left["words"].get(word, [0])[0]
        b = right["words"].get(word, [0])[0]
        value = g2(a, b, c, d)
        p = math.erfc(math.sqrt(value / 2))
        ratio = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        rows.append({"word": word, "left": a, "right": b, "g2": value, "p": p, "log_ratio": ratio})
    return {"left_words": c, "right_words": d, "rows": rows}


def main(argv):
    command = argv[1]
    if command == "stems":
        print(json.dumps({w: STEMMER.stem(w) for w in argv[2:]}, ensure_ascii=False))
        return
    project, stops = argv[2], stop_words(argv[3])
    options = argv[4:]
    stems = "--stems" in options

    def value(name):
        return options[options.index(name) + 1] if name in options else None

    if command == "words":
        result = count(project, stops, stems, value("--role"))
    else:
        result = keyness(project, stops, stems, value("--left"), value("--right"))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
