#!/usr/bin/env bats
# A message that cannot be written to stderr (a pipe whose reader has gone:
# EPIPE, with SIGPIPE ignored) is dropped: never a crash (it was SIGABRT, after
# the journal was written), and the exit status is the command's own (pumplog(1),
# EXIT STATUS).
load helpers
bats_require_minimum_version 1.5.0

# Runs pumplog with stderr a pipe whose reader has gone, stdout to the file $1;
# prints its exit status (negative: the signal that killed it).
closed_stderr() {
    local out="$1"
    shift
    python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
with open(sys.argv[1], "wb") as out:
    print(subprocess.run(sys.argv[2:], stdout=out, stderr=w).returncode)
' "$out" "$PUMPLOG_BIN" "$@"
}

pump_line() {  # id ml HH:MM
    printf '{"v":1,"id":"%s","type":"pump","at":"2026-11-21T%s:00+01:00","ml":%s}' "$1" "$3" "$2"
}

@test "add on a new journal with stderr closed records its line once and exits 0 (the notice is dropped)" {
    [ ! -e "$J" ]
    [ "$(closed_stderr "$TEST_DIR/out" add 80ml)" = 0 ]
    [ "$(wc -l < "$J")" -eq 1 ]
    jq -e '.type == "pump" and .ml == 80' "$J" >/dev/null
    [ "$(cat "$TEST_DIR/out")" = "Logged 80 ml at 14:05 - today 80 ml in 1 session" ]
}

@test "a refused add with stderr closed exits 2 and leaves the journal byte for byte" {
    [ "$(closed_stderr "$TEST_DIR/out" add banana)" = 2 ]
    [ ! -e "$J" ]
    journal_line "$(pump_line a 50 08:00)"
    before="$(journal_sum)"
    [ "$(closed_stderr "$TEST_DIR/out" add banana)" = 2 ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -s "$TEST_DIR/out" ]
    # A journal error (exit 3) too: its message goes through the same handler.
    [ "$(closed_stderr "$TEST_DIR/out" -j "$TEST_DIR" add 80ml)" = 3 ]
    [ "$(journal_sum)" = "$before" ]
}

@test "the readers' warnings about a bad line, lost with stderr closed, leave the answer and exit 0" {
    journal_line "$(pump_line a 50 08:00)"
    journal_line '{broken'
    [ "$(closed_stderr "$TEST_DIR/out" log --format csv)" = 0 ]
    [ "$(tail -n +2 "$TEST_DIR/out" | cut -d, -f2)" = a ]
    [ "$(closed_stderr "$TEST_DIR/out" stock)" = 0 ]
    [ -s "$TEST_DIR/out" ]
    # And a command that writes after warning: the line is recorded once.
    [ "$(closed_stderr "$TEST_DIR/out" add 70ml)" = 0 ]
    [ "$(wc -l < "$J")" -eq 3 ]
    [ "$(tail -n 1 "$J" | jq .ml)" = 70 ]
    # A merge refused over the bad line (a rewrite would lose it) keeps its exit 3 whenever the error is lost:
    # it was SIGABRT (134) now and then with 2>&1 into a pipe whose reader had gone.
    cp "$J" "$TEST_DIR/copy.jsonl"
    before="$(journal_sum)"
    [ "$(closed_stderr "$TEST_DIR/out" log merge "$TEST_DIR/copy.jsonl")" = 3 ]
    for i in 1 2 3 4 5; do
        "$PUMPLOG_BIN" log merge "$TEST_DIR/copy.jsonl" 2>&1 | head -c0 || true
        [ "${PIPESTATUS[0]}" -eq 3 ]
    done
    [ "$(journal_sum)" = "$before" ]
}
