#!/usr/bin/env python3
"""Lists the commands of a documentation file for tests/cli/examples.bats.

usage: example_commands.py FILE KIND
  KIND md       lines of ```sh fenced blocks (README.md, examples/*.md)
  KIND crontab  the command of each schedule line
  KIND systemd  each ExecStart= of a unit, systemd's $$ and %% unescaped

Reads from the environment PUMPLOG_PATHS (every command path of this build,
one a line: "log", "log edit"), PUMPLOG_LEAVES (the paths that take positional
arguments) and PUMPLOG_VALUED (pumplog's global options that take a value).

Prints one line per command segment, tab-separated:
  LINE  run   -          SEGMENT
  LINE  skip  REASON     SEGMENT   (its command is not in this build)
  LINE  other -          SEGMENT   (not a pumplog command: not run)
"""
import os
import re
import shlex
import sys

PATHS = set(filter(None, os.environ.get("PUMPLOG_PATHS", "").split("\n")))
LEAVES = set(filter(None, os.environ.get("PUMPLOG_LEAVES", "").split("\n")))
VALUED = set(os.environ.get("PUMPLOG_VALUED", "").split())


def segments(line):
    """Splits a shell line at &&, || and ; outside quotes; drops a # comment."""
    out, current, quote, i = [], "", None, 0
    while i < len(line):
        c = line[i]
        if quote:
            current += c
            if c == "\\" and quote == '"' and i + 1 < len(line):
                current += line[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            current += c
        elif c == "\\" and i + 1 < len(line):
            current += line[i:i + 2]
            i += 1
        elif c == "#" and (not current or current[-1].isspace()):
            break
        elif line.startswith("&&", i) or line.startswith("||", i):
            out.append(current)
            current = ""
            i += 1
        elif c == ";":
            out.append(current)
            current = ""
        else:
            current += c
        i += 1
    out.append(current)
    return [s.strip() for s in out if s.strip()]


def words(segment):
    """The words of a segment up to its first redirection or pipe."""
    lexer = shlex.shlex(segment, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    out = []
    for token in lexer:
        if token and all(ch in "|&<>;()" for ch in token):
            break
        out.append(token)
    return out


def classify(segment):
    """('run'|'skip'|'other', reason)."""
    try:
        ws = words(segment)
    except ValueError:
        return "other", "-"
    while ws and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", ws[0]):
        ws.pop(0)
    if not ws or not (ws[0] == "pumplog" or ws[0].endswith("/pumplog")):
        return "other", "-"
    path = ""
    i = 1
    while i < len(ws):
        w = ws[i]
        if w == "--":
            break
        if w.startswith("-"):
            if not path:
                if "=" not in w and w in VALUED:
                    i += 1
            elif i + 1 < len(ws) and not ws[i + 1].startswith("-") and \
                    (path + " " + ws[i + 1]) not in PATHS and "=" not in w:
                # A word after a command's option is its value, unless it
                # names a subcommand.
                i += 1
            i += 1
            continue
        candidate = (path + " " + w).strip()
        if candidate in PATHS:
            path = candidate
        elif not path:
            return "skip", f'"pumplog {w}" is not in this build'
        elif any(p.startswith(path + " ") for p in PATHS) and path not in LEAVES:
            return "skip", f'"pumplog {candidate}" is not in this build'
        else:
            break
        i += 1
    return "run", "-"


def commands(path, kind):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if kind == "md":
        fence = None
        for number, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith("```"):
                fence = None if fence is not None else stripped[3:].strip()
                continue
            if fence == "sh" and stripped and not stripped.startswith("#"):
                for s in segments(stripped):
                    yield number, s
    elif kind == "crontab":
        for number, line in enumerate(lines, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if re.match(r"^[A-Za-z_][A-Za-z0-9_]*\s*=", stripped):
                continue  # an environment line
            fields = stripped.split(None, 5)
            if stripped.startswith("@"):
                fields = stripped.split(None, 1)
            if len(fields) < 2:
                continue
            # cron: an unescaped % ends the command (the rest is its input)
            yield number, re.split(r"(?<!\\)%", fields[-1])[0].strip()
    elif kind == "systemd":
        for number, line in enumerate(lines, 1):
            m = re.match(r"^\s*ExecStart\s*=\s*[-@:+!]*(.*)$", line)
            if m:
                yield number, m.group(1).replace("$$", "$").replace("%%", "%")


def main():
    path, kind = sys.argv[1], sys.argv[2]
    for number, segment in commands(path, kind):
        if kind == "systemd":
            # The unit's command line as a whole (its pumplog runs inside sh -c).
            inner = re.findall(r"pumplog(?:\s+[^;&|)'\"]+)?", segment)
            status, reason = "run", "-"
            for call in inner:
                s, r = classify(call)
                if s == "skip":
                    status, reason = s, r
            print(f"{number}\t{status}\t{reason}\t{segment}")
        else:
            status, reason = classify(segment)
            print(f"{number}\t{status}\t{reason}\t{segment}")


if __name__ == "__main__":
    main()
