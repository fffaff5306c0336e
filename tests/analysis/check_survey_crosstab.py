#!/usr/bin/env python3
"""The synthetic survey (1,812 respondents) imported with fokus-cli, its answers
coded where they say "faglig sparring", then crossed by age band and quoted:
the crosstab must agree with a count made here with openpyxl from the same
XLSX, and every quotation must carry its respondent's attribution.

    check_survey_crosstab.py FOKUS_CLI FOKUS_BENCH_SURVEY
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

CLI, GENERATOR = sys.argv[1], sys.argv[2]
QUESTIONS = ["Hvad får dig til at blive i dit job?", "Hvad kunne få dig til at søge væk?", "Øvrige kommentarer"]
BANDS = [("20-29", 20, 29), ("30-39", 30, 39), ("40-49", 40, 49), ("50-59", 50, 59), ("60-", 60, None)]
PHRASE = "faglig sparring"
TEMPLATE = "({rolle}, {alder} år, {anciennitet} i nuværende job)"


def cli(*arguments):
    result = subprocess.run([CLI, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"fokus-cli {' '.join(arguments)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def band_of(age):
    if age is None:
        return "(ingen værdi)"
    for label, low, high in BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return "(ingen værdi)"


with tempfile.TemporaryDirectory() as folder:
    folder = Path(folder)
    subprocess.run([GENERATOR, "--write", str(folder)], check=True, capture_output=True)
    workbook = openpyxl.load_workbook(folder / "survey.xlsx", read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    header = list(rows[0])
    column = {name: header.index(name) for name in header}
    expected = {label: 0 for label, _, _ in BANDS}
    expected["(ingen værdi)"] = 0
    respondents = {}
    for row in rows[1:]:
        respondents[row[column["Respondent"]]] = row
        for question in QUESTIONS:
            answer = row[column[question]] or ""
            expected[band_of(row[column["alder"]])] += answer.count(PHRASE)
    expected = {label: count for label, count in expected.items() if count}

    project = str(folder / "survey.fokus")
    cli("new", project)
    arguments = ["import-survey", project, str(folder / "survey.xlsx"), "--id", "Respondent", "--attribute", "rolle",
                 "--attribute", "alder:number", "--attribute", "anciennitet:ordered",
                 "--categories", "anciennitet=under 2 år|2-5 år|over 5 år"]
    for question in QUESTIONS:
        arguments += ["--open", question]
    cli(*arguments)
    cli("codes", project, "add", "Faglig sparring")
    for question in QUESTIONS:
        cli("code", project, question, "Faglig sparring", "--text", PHRASE, "--all")
    table = json.loads(cli("crosstab", project, "--code", "Faglig sparring", "--by", "participant.alder",
                           "--bands", ",".join(label for label, _, _ in BANDS), "--json"))
    found = {label: cell["count"] for label, cell in table["rows"][0]["cells"].items() if cell["count"]}
    if found != expected:
        sys.exit(f"the crosstab by age band says {found}, openpyxl counts {expected}")
    print(f"crosstab by age band agrees with openpyxl: {found}")
    sides = json.loads(cli("contrast", project, "Faglig sparring", "--left", "participant.alder=20-29,30-39",
                           "--right", "participant.alder=60-", "--json"))
    young, old = len(sides["left"]["segments"]), len(sides["right"]["segments"])
    if (young, old) != (expected.get("20-29", 0) + expected.get("30-39", 0), expected.get("60-", 0)):
        sys.exit(f"contrast by age ranges gives {young} and {old} segments")

    # Quotations from answers, attributed from the respondents' attributes.
    cli("quotes", project, "create", "Kapitel 5")
    cli("quotes", project, "add", "Kapitel 5", "--code", "Faglig sparring")
    cli("quotes", project, "export", "Kapitel 5", str(folder / "citater.xlsx"), "--attribution", TEMPLATE)
    exported = list(openpyxl.load_workbook(folder / "citater.xlsx", read_only=True).active.iter_rows(values_only=True))
    heading = list(exported[0])
    attribution, speaker = heading.index("Tilskrivning"), heading.index("Taler")
    checked = 0
    for line in exported[1:]:
        row = respondents[line[speaker]]
        age = row[column["alder"]]
        parts = [row[column["rolle"]]] + ([f"{age} år"] if age is not None else []) + [f"{row[column['anciennitet']]} i nuværende job"]
        wanted = "(" + ", ".join(parts) + ")"
        if line[attribution] != wanted:
            sys.exit(f"the quotation of {line[speaker]} is attributed {line[attribution]!r}, not {wanted!r}")
        checked += 1
    if checked != sum(expected.values()):
        sys.exit(f"{checked} quotations exported, {sum(expected.values())} expected")
    print(f"{checked} quotations carry their respondents' attributions, e.g. {exported[1][attribution]}")
