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
# A baby fed by the clock at 02:30, 05:30, ... 23:30 (bottles of 90 ml, Berlin) across the spring-forward
# night of 2026-03-29: the 02:30 the clock skips is written 03:30 (pumplog-import(1)), where the plan puts
# that slot's pump, so every feeding is caught within 30 min (a slot scored at 02:30 missed it).
for day in $(seq 15 31); do
    for h in 02 05 08 11 14 17 20 23; do
        at="2026-03-${day}T$h:30:00+01:00"
        [ "$day" -ge 29 ] && at="2026-03-${day}T$h:30:00+02:00"
        [ "$day$h" = 2902 ] && at="2026-03-29T03:30:00+02:00"  # 02:30 +01:00 is 03:30 +02:00
        printf '{"v":1,"id":"SPRING%s%s","type":"feed","at":"%s","method":"bottle","ml":90}\n' "$day" "$h" "$at"
    done
done > "$tmp/spring.jsonl"
[ "$(grep -c '"at":"2026-03-29T03:30:00+02:00"' "$tmp/spring.jsonl")" = 1 ]
spring="$("$backtest" --real "$tmp/spring.jsonl" --zone Europe/Berlin)"
grep -q "^| feeds within 30 min | 100.0% | " <<< "$spring" || { echo "$spring" >&2; exit 1; }
