#!/usr/bin/env python3
"""What the OCR test queries should find, from the clean and OCR texts alone.

The words of each clean text are aligned with the words of its OCR text
(difflib over whole words, then within each replaced stretch by the letters
the words share), so every clean word knows the OCR word it became, if any.

An occurrence of a query word is a clean word that is the query word or the
query word with a Danish inflectional ending (rådgiver: rådgivere,
rådgiveren, rådgivernes ...); for a prefix query, any clean word starting
with it. It is damaged when the OCR word it became differs from it (in
lower case).

The query words are chosen by a fixed rule: the clean words of at least four
letters holding æ, ø or å, by the number of their damaged occurrences, most
first, skipping a word that is an occurrence of one already chosen (or has
one as its occurrence), 30 of them.

Output, tab-separated, one line per occurrence:
  kind  query  document  start  ocr_word  clean_word  damaged
kind is "word" or "prefix"; start is the OCR word's first character in
ocr/DOCUMENT.txt, counted in code points from 0 (-1 when the clean word was
lost: read as part of another word, or not at all); damaged is 1 or 0.
A second section lists, for the short words (under four letters) most often
damaged, the same lines with kind "short": measured, not asserted. A third,
kind "exact", gives for each query word every word written exactly so (in
any case): in the clean texts as document "clean:NAME" (start in
clean/NAME.txt), and in the OCR texts as document NAME.

Usage: align.py FOLDER > FOLDER/expected.tsv      (FOLDER holds clean/ and ocr/)
       align.py FOLDER --stats                    (damage counts, to stderr)
"""
import collections
import difflib
import os
import re
import sys
import unicodedata

WORD = re.compile(r"\w+")
DANISH = set("æøå")
# Inflectional endings of Danish nouns, verbs and adjectives.
ENDINGS = ["", "e", "en", "er", "et", "ene", "erne", "ere", "ede", "es", "s", "ens", "ets", "enes", "ernes",
           "eres", "erens", "ers", "n", "ne", "nes", "ns", "r", "rne", "rnes", "re", "t", "ts", "de", "te", "st", "ste"]
QUERIES = 30
SHORT_QUERIES = 10


def words(text):
    return [(m.start(), m.group(0)) for m in WORD.finditer(text)]


def similarity(a, b):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_block(clean, ocr):
    """Pairs (i, j) of a replaced stretch, in order, by the letters the words share."""
    n, m = len(clean), len(ocr)
    if n == m:
        return [(i, i) for i in range(n)]
    # Needleman-Wunsch: a pair scores its similarity, a word left out nothing.
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i][j] = max(score[i - 1][j], score[i][j - 1],
                              score[i - 1][j - 1] + similarity(clean[i - 1], ocr[j - 1]))
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    # A pair below half similar is a word lost, not a word damaged.
    return [(a, b) for a, b in reversed(pairs) if similarity(clean[a], ocr[b]) >= 0.5]


def aligned(clean_words, ocr_words):
    """For each clean word, the index of its OCR word or None."""
    a = [w.lower() for _, w in clean_words]
    b = [w.lower() for _, w in ocr_words]
    result = [None] * len(a)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                result[i1 + k] = j1 + k
        elif tag == "replace":
            for i, j in align_block(a[i1:i2], b[j1:j2]):
                result[i1 + i] = j1 + j
    return result


def read(path):
    return unicodedata.normalize("NFC", open(path, encoding="utf-8").read())


def occurrences_in(folder):
    """(document, start, ocr_word, clean_word) of every clean word."""
    found = []
    for name in sorted(os.listdir(os.path.join(folder, "clean"))):
        document = name[:-4]
        clean = words(read(os.path.join(folder, "clean", name)))
        ocr = words(read(os.path.join(folder, "ocr", name)))
        for (_, word), j in zip(clean, aligned(clean, ocr)):
            if j is None:
                found.append((document, -1, "", word.lower()))
            else:
                found.append((document, ocr[j][0], ocr[j][1].lower(), word.lower()))
    return found


def is_occurrence(query, word, kind):
    if kind == "prefix":
        return word.startswith(query)
    return word.startswith(query) and word[len(query):] in ENDINGS


def choose(found, short):
    damaged = collections.Counter(clean for _, _, ocr, clean in found if ocr != clean)
    candidates = [w for w in damaged if DANISH & set(w) and (len(w) < 4 if short else len(w) >= 4)]
    # A word's damaged occurrences, inflections included.
    family = {w: sum(n for other, n in damaged.items() if is_occurrence(w, other, "word")) for w in candidates}
    chosen = []
    for word in sorted(candidates, key=lambda w: (-family[w], w)):
        if any(is_occurrence(c, word, "word") or is_occurrence(word, c, "word") for c in chosen):
            continue
        chosen.append(word)
        if len(chosen) == (SHORT_QUERIES if short else QUERIES):
            break
    return chosen


def main():
    folder = sys.argv[1]
    found = occurrences_in(folder)
    if "--stats" in sys.argv:
        changes = collections.Counter()
        for _, _, ocr, clean in found:
            if ocr and ocr != clean and len(ocr) >= 1:
                for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, clean, ocr, autojunk=False).get_opcodes():
                    if tag != "equal":
                        changes[(clean[i1:i2], ocr[j1:j2])] += 1
        for (a, b), n in changes.most_common(60):
            print(f"{n:6}  {a!r:8} -> {b!r}", file=sys.stderr)
        return
    out = sys.stdout
    out.write("# kind\tquery\tdocument\tstart\tocr_word\tclean_word\tdamaged\n")
    for kind, short in (("word", False), ("prefix", False), ("short", True)):
        for query in choose(found, short):
            for document, start, ocr, clean in found:
                if is_occurrence(query, clean, "prefix" if kind == "prefix" else "word"):
                    out.write(f"{kind}\t{query}\t{document}\t{start}\t{ocr}\t{clean}\t{int(ocr != clean)}\n")
    for query in choose(found, False):
        for folder_name, prefix in (("clean", "clean:"), ("ocr", "")):
            for name in sorted(os.listdir(os.path.join(folder, folder_name))):
                for start, word in words(read(os.path.join(folder, folder_name, name))):
                    if word.lower() == query:
                        out.write(f"exact\t{query}\t{prefix}{name[:-4]}\t{start}\t{word.lower()}\t{word.lower()}\t0\n")


if __name__ == "__main__":
    main()
