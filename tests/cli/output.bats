#!/usr/bin/env bats
# SPEC 2, exit 4: the command was done but its reply or export could not be
# printed (stdout full or closed). A script must not retry it: the entry is
# recorded once.

load helpers

full_error='pumplog: error: cannot write to standard output (No space left on device); the command itself was done: do not run it again'
closed_error='pumplog: error: cannot write to standard output (it is closed); the command itself was done: do not run it again'
# A question (an export, a report) recorded nothing: running it again is harmless.
full_read='pumplog: error: cannot write to standard output (No space left on device); nothing was recorded'

@test "add with stdout full records the entry once and exits 4 with one line" {
    [ -w /dev/full ] || skip "no /dev/full"
    run --separate-stderr bash -c '"$PUMPLOG_BIN" add 90ml > /dev/full'
    [ "$status" -eq 4 ]
    [ "$stderr" = "$full_error" ]
    [ "$(wc -l < "$J")" -eq 1 ]
    [ "$(jq -r .ml "$J")" = 90 ]
}

@test "add with stdout closed records the entry, exits 4, and writes nothing but the entry to the journal" {
    run --separate-stderr bash -c '"$PUMPLOG_BIN" add 90ml >&-'
    [ "$status" -eq 4 ]
    [ "$stderr" = "$closed_error" ]
    [ "$(wc -l < "$J")" -eq 1 ]
    jq -e '.type == "pump" and .ml == 90' "$J"
}

@test "an export to a full stdout exits 4: log csv and report csv, short and long" {
    [ -w /dev/full ] || skip "no /dev/full"
    pumplog add 90ml
    for cmd in "log --format csv" "report --format csv" "log --format json"; do
        run --separate-stderr bash -c "\"\$PUMPLOG_BIN\" $cmd > /dev/full"
        [ "$status" -eq 4 ]
        [ "$stderr" = "$full_read" ]
    done
    # An export longer than stdio's buffer fails inside the command, not at its end.
    for i in $(seq 1 400); do
        printf '{"v":1,"id":"L%04d","type":"pump","at":"2026-11-21T08:%02d:00+01:00","ml":90,"note":"%0100d"}\n' "$i" $((i % 60)) 0
    done >> "$J"
    before="$(journal_sum)"
    run --separate-stderr bash -c '"$PUMPLOG_BIN" log --all --since 2026-11-01 --format csv > /dev/full'
    [ "$status" -eq 4 ]
    [ "$stderr" = "$full_read" ]
    [ "$(journal_sum)" = "$before" ]
}

@test "a command that prints nothing exits as usual with stdout closed" {
    run --separate-stderr bash -c '"$PUMPLOG_BIN" stock expiring >&-'
    [ "$status" -eq 1 ]
    [ -z "$stderr" ]
}

@test "--version and --help to a full stdout are not lost silently: exit 4, one line" {
    [ -w /dev/full ] || skip "no /dev/full"
    for cmd in "--version" "-V" "--help" "log --help" "plan next --help" "--version log"; do
        run --separate-stderr bash -c "\"\$PUMPLOG_BIN\" $cmd > /dev/full"
        [ "$status" -eq 4 ]
        [ "$stderr" = "$full_read" ]
    done
    [ ! -e "$J" ]
}

# Runs pumplog with its stdout a pipe whose reader has already gone (a script's
# `| head -c0`, a notifier that crashed): prints "rc=CODE" and its stderr.
to_gone_reader() {
    python3 - "$PUMPLOG_BIN" "$@" <<'PY'
import os, subprocess, sys
read_end, write_end = os.pipe()
os.close(read_end)
p = subprocess.run(sys.argv[1:], stdout=write_end, stderr=subprocess.PIPE)
print("rc=%d" % p.returncode)
sys.stdout.write(p.stderr.decode())
PY
}

@test "add whose reader has gone records the entry once and exits 4 saying not to run it again" {
    command -v python3 >/dev/null || skip "python3 is needed"
    run to_gone_reader add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "rc=4
pumplog: error: cannot write to standard output (Broken pipe); the command itself was done: do not run it again" ]
    [ "$(wc -l < "$J")" -eq 1 ]
    jq -e '.type == "pump" and .ml == 90' "$J"
    run to_gone_reader log feed 120ml --bottle --at 13:00
    [ "$output" = "rc=4
pumplog: error: cannot write to standard output (Broken pipe); the command itself was done: do not run it again" ]
    [ "$(wc -l < "$J")" -eq 2 ]
}

@test "a question whose reader has gone ends quietly with 0: report into head, a long export, status" {
    command -v python3 >/dev/null || skip "python3 is needed"
    for d in 01 02 03 04 05 06 07 08 09 10; do journal_line "{\"v\":1,\"id\":\"P$d\",\"type\":\"pump\",\"at\":\"2026-11-${d}T09:00:00+01:00\",\"ml\":50}"; done
    before="$(journal_sum)"
    for command in "report" "report --format csv --by day" "status" "log --format csv"; do
        # shellcheck disable=SC2086
        run to_gone_reader $command
        [ "$output" = "rc=0" ]
    done
    # A long one, written while its reader leaves after one line.
    run --separate-stderr bash -c 'set -o pipefail; "$PUMPLOG_BIN" report --format csv --by day --since 2020-01-01 | head -1'
    [ "$status" -eq 0 ]
    [ "$output" = "$(pumplog report --format csv --by day --since 2020-01-01 | head -1)" ]
    [ -z "$stderr" ]
    [ "$(journal_sum)" = "$before" ]
}
