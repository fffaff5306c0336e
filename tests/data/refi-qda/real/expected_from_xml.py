#!/usr/bin/env python3
"""Writes expected.json: what each file from another program holds, read here from its XML and texts.

Usage: python3 expected_from_xml.py   (in this folder; rewrites expected.json)

For tests/importers/test_refi_real.cpp, computed apart from Fokus's importer:
- codes: every <Code> with its name and the GUID of the <Code> it sits in (lower case);
- sources: every <TextSource> with its name (the name attribute, else the stem of its
  plainTextPath) and its length in code points, as Fokus keeps text: NFC, CRLF as LF, no BOM,
  a text of only white space empty, and a blank plain text replaced by its .docx's text;
- codings: every <Coding> with the code it refers to, its source, and the text between the
  positions of its <PlainTextSelection>, counted in code points into the plain text the
  program wrote (these writers write texts with LF line ends only).
"""
import json
import os
import re
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

FILES = ["nvivo-mac-15.0.0.qdpx", "qc-1.3.2-demo.qdpx", "atlas-ti-23.2.3-codebook.qdpx"]
Q = "{urn:QDA-XML:project:1.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def entry(archive, path):
    path = re.sub(r"^internal://", "", path)
    for name in (path, "sources/" + path, "Sources/" + path):
        if name in archive.namelist():
            return archive.read(name)
    raise KeyError(path)


def docx_text(data):
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = ET.fromstring(docx.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")).strip("\n")


def kept(text):
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return "" if text.strip() == "" else text


def read(name):
    with zipfile.ZipFile(name) as archive:
        qde = next(n for n in archive.namelist() if n.endswith(".qde") and "/" not in n)
        root = ET.fromstring(archive.read(qde))
        codes = []

        def walk(parent, parent_guid):
            for code in parent.findall(Q + "Code"):
                codes.append({"guid": code.get("guid").lower(), "name": code.get("name"), "parent": parent_guid})
                walk(code, code.get("guid").lower())

        codebook = root.find(Q + "CodeBook/" + Q + "Codes")
        if codebook is not None:
            walk(codebook, "")
        sources, codings = [], []
        for source in root.iter(Q + "TextSource"):
            plain = entry(archive, source.get("plainTextPath")).decode("utf-8")
            plain = plain[1:] if plain.startswith("\ufeff") else plain
            text = plain
            if plain.strip() == "" and source.get("richTextPath"):
                text = docx_text(entry(archive, source.get("richTextPath")))
            source_name = source.get("name") or os.path.splitext(os.path.basename(source.get("plainTextPath")))[0]
            sources.append({"guid": source.get("guid").lower(), "name": source_name, "length": len(kept(text))})
            for selection in source.findall(Q + "PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                for coding in selection.findall(Q + "Coding"):
                    codings.append({"guid": coding.get("guid").lower(), "source": source.get("guid").lower(),
                                    "code": coding.find(Q + "CodeRef").get("targetGUID").lower(),
                                    "text": unicodedata.normalize("NFC", plain[start:end])})
        return {"origin": root.get("origin"), "codes": codes, "sources": sources, "codings": codings}


with open("expected.json", "w", encoding="utf-8") as out:
    json.dump({name: read(name) for name in FILES}, out, ensure_ascii=False, indent=1)
    out.write("\n")
