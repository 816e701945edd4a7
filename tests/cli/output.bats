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
