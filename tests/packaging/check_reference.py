#!/usr/bin/env python3
"""fokus-cli(1) and the bash completion name every command: the commands are
read from `fokus-cli ... --help` (CLI11's own listing), walked to every depth,
and each must have its section in the man page and its entry in the
completion's table of commands. The page must also be readable by man.
Usage: check_reference.py FOKUS-CLI MAN-PAGE COMPLETION"""
import re
import subprocess
import sys

cli, man_page, completion = sys.argv[1:4]


def help_of(path):
    """The help of the command at path; when a parent's positional argument
    took the command's name for its value (`codes add --help` is the help of
    `codes` with PROJECT=add), with a value given for it."""
    for words in (path, path[:-1] + ["x"] + path[-1:]):
        help_text = subprocess.run([cli, *words, "--help"], capture_output=True, text=True, check=True).stdout
        if re.search(r"^Usage: fokus-cli " + re.escape(" ".join(path)) + r"\b", help_text, re.M) or not path:
            return help_text
    sys.exit(f"no help of its own for: {' '.join(path)}")


def subcommands(path):
    help_text = help_of(path)
    if "Subcommands:" not in help_text:
        return []
    section = help_text.split("Subcommands:", 1)[1].split("\n\n", 1)[0]
    return [re.split(r"[ ,]", line.strip(), maxsplit=1)[0] for line in section.splitlines() if line.startswith("  ") and line[2] != " "]


def walk(path):
    for name in subcommands(path):
        yield path + [name]
        yield from walk(path + [name])


commands = list(walk([]))
page = open(man_page, encoding="utf-8").read()
script = open(completion, encoding="utf-8").read()
missing = []
for command in commands:
    words = " ".join(command)
    if f'.SS "{words}"'.replace("-", "\\-") not in page:
        missing.append(f"man page: {words}")
    parent = " ".join(["fokus-cli", *command[:-1]])
    entry = re.search(r"\[" + re.escape(repr(parent).replace('"', "'")) + r"\]='([^']*)'", script)
    if not entry or command[-1] not in entry.group(1).split():
        missing.append(f"completion: {words}")
if len(commands) < 40:
    missing.append(f"only {len(commands)} commands found in --help")
rendered = subprocess.run(["man", "-l", man_page], capture_output=True, text=True,
                          env={"MANWIDTH": "200", "LANG": "C", "PATH": "/usr/bin:/bin"})
rendered.stdout = re.sub(".\x08", "", rendered.stdout)  # overstriking, where man keeps it
if rendered.returncode != 0 or "fokus-cli code-in-vivo" not in rendered.stdout or rendered.stderr.strip():
    missing.append("man -l: " + (rendered.stderr.strip() or "the page does not render the commands"))
if missing:
    print("\n".join(missing))
    sys.exit(1)
print(f"{len(commands)} commands in the man page and the completion")
