#!/usr/bin/env python3
"""The sample study shows the product: built from sample-transcripts/ by
scripts/build-sample, it has every one of the 17 codes applied, two coders
(one transcript coded by both), memos, two quote sets, BIKVA chains reaching
all three stages and condensations in several municipalities, so no analysis
view a newcomer opens is empty. Read back through fokus-cli's JSON.
Usage: check_sample_study.py FOKUS-CLI BUILD-SAMPLE"""
import json
import pathlib
import subprocess
import sys
import tempfile

cli, build_sample = sys.argv[1:3]
problems = []
with tempfile.TemporaryDirectory() as folder:
    project = str(pathlib.Path(folder) / "eksempel.fokus")
    subprocess.run([build_sample, cli, project], check=True)

    def read(*arguments):
        return json.loads(subprocess.run([cli, *arguments, "--json"], capture_output=True, text=True, check=True).stdout)

    codes = read("codes", project)
    themes = [code for code in codes if code.get("codable") and code["name"] not in
              {"1 Brugere", "2 Frontlinjemedarbejdere", "3 Ledelse", "4 Politikere", "Gode råd"}]
    if len(themes) != 17:
        problems.append(f"{len(themes)} of the scheme's codes, not 17")
    problems += [f"the code {code['name']} is not applied" for code in themes if code["codings"] == 0]

    double = read("codings", project, "--document", "kommune-b-raadgivere")
    if {coding["coder"] for coding in double} != {"Åse", "Bjørn"}:
        problems.append("kommune-b-raadgivere is not coded by both Åse and Bjørn")
    documents = {coding["document"] for coding in read("codings", project, "--coder", "Åse")}
    if len(documents) != 13:
        problems.append(f"Åse coded {len(documents)} of the 13 transcripts")

    if read("info", project)["memos"] < 5:
        problems.append("fewer than five memos")
    quote_sets = read("quotes", project)
    if len(quote_sets) != 2 or any(quote_set["quotes"] == 0 for quote_set in quote_sets):
        problems.append(f"quote sets: {quote_sets}")

    chains = read("bikva", project)
    stages = {chain["statement"]["stage"] for chain in chains}
    for chain in chains:
        stages |= {int(stage) for stage in chain["reactions"]}
    if stages != {1, 2, 3} or len(chains) < 3:
        problems.append(f"BIKVA chains: {len(chains)} statements reaching stages {sorted(stages)}")

    condensed = read("condense", project, "--by", "municipality")
    municipalities = {value for row in condensed for value in row["cells"]}
    if len(municipalities) < 3:
        problems.append(f"condensations in {sorted(municipalities)} only")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("the sample study has every view something to show")
