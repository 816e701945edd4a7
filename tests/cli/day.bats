#!/usr/bin/env bats
# The parent's day (SPEC 10): the missing or new journal named, status, the
# pump timer, reminders that remind once.

load helpers

# --- a missing journal, a new journal ---

@test "read commands on a missing journal say so on stderr, keep their output and exit 0" {
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: no journal at $J yet" ]
    [ "${lines[0]}" = "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml" ]
    run --separate-stderr pumplog stock
    [ "$status" -eq 0 ]
    [ "$output" = "The stash is empty. Store milk with: pumplog stock add 120ml --in fridge" ]
    [ "$stderr" = "pumplog: no journal at $J yet" ]
    [ ! -e "$J" ]
}

@test "a mistyped PUMPLOG_JOURNAL is named, not silently read as empty" {
    mkdir -p "$TEST_DIR/sync"
    printf '%s\n' '{"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}' > "$TEST_DIR/sync/journal.jsonl"
    PUMPLOG_JOURNAL="$TEST_DIR/sync/journl.jsonl" run --separate-stderr "$PUMPLOG_BIN" stock
    [ "$stderr" = "pumplog: no journal at $TEST_DIR/sync/journl.jsonl yet" ]
}

@test "the first write to a new journal says Started a new journal, on stderr only" {
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    [ "$stderr" = "Started a new journal at $J" ]
    run --separate-stderr pumplog add 80ml --at 13:00
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
}

@test "a refused first write names no journal and creates none" {
    refused 2 pumplog add banana
    [ ! -e "$J" ]
}

@test "cron-style queries stay silent on a missing journal" {
    run --separate-stderr pumplog stock expiring
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    [ "$stderr" = "" ]
    [ ! -e "$J" ]
}
