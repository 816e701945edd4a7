#!/bin/bash
# The backtest takes a family's log in any form pumplog reads (issue 17: the
# hidden families come from other apps): the same two weeks of a real baby as
# a pumplog journal and as a Huckleberry export score the same, to the digit.
# Usage: backtest_formats.sh BACKTEST SOURCE_DIR
set -euo pipefail
backtest="$1"
data="$2/tests/data"
journal="$("$backtest" --real "$data/eva-2020-06.jsonl")"
huckleberry="$("$backtest" --real "$data/import/huckleberry/eva-2020-06.csv")"
expect() {
    grep -qxF -- "$1" <<< "$journal" || { echo "missing from the journal's backtest: $1" >&2; echo "$journal" >&2; exit 1; }
}
expect "### real log: eva-2020-06.jsonl (America/Los_Angeles)"
expect "7 days planned, 43 feedings (9 at night); 0 days refused by the plan; 0 days left out as incompletely logged"
expect "| feeds within 60 min | 88.4% | 74.4% | 65.1% |"
[ "$(sed -n 1p <<< "$huckleberry")" = "### real log: eva-2020-06.csv (America/Los_Angeles)" ]
if ! diff <(sed 1d <<< "$journal") <(sed 1d <<< "$huckleberry"); then
    echo "the Huckleberry export scores otherwise than the journal" >&2
    exit 1
fi
# A journal is told by its first line, not by its name: the same journal
# under another name (a backup, a copy from a phone) scores the same.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$data/eva-2020-06.jsonl" "$tmp/eva-2020-06.backup"
renamed="$("$backtest" --real "$tmp/eva-2020-06.backup")"
if ! diff <(sed 1d <<< "$journal") <(sed 1d <<< "$renamed"); then
    echo "the journal under another name scores otherwise" >&2
    exit 1
fi
# An export that cannot be read is one line and exit 1.
if out="$("$backtest" --real "$data/missing.csv" 2>&1)"; then exit 1; fi
[ "$out" = "backtest: cannot read $data/missing.csv" ]
if out="$("$backtest" --real "$data/missing.jsonl" 2>&1)"; then exit 1; fi
[ "$out" = "backtest: cannot read $data/missing.jsonl" ]
