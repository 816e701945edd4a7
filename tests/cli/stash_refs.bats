#!/usr/bin/env bats
# A move, use or discard whose container no line stores: log, status and stock skip it as log check calls it,
# in check's words (pumplog(5): every reader calls the same lines damaged); and the repeated hour of a fall-back
# night told apart in the stash's times and in status's --started.
load helpers
bats_require_minimum_version 1.5.0

# The journal mv.jsonl: a store, a move of itself, a use of a container no line has.
moves_journal() {
    export PUMPLOG_NOW=2026-03-10T12:00:00+01:00
    cat > mv.jsonl <<'LINES'
{"v":1,"id":"s1","type":"store","at":"2026-03-09T10:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-03-09T10:00:00+01:00","label":"B1"}
{"v":1,"id":"m1","type":"move","at":"2026-03-09T10:09:00+01:00","target":"m1","place":"fridge"}
{"v":1,"id":"u1","type":"use","at":"2026-03-09T10:10:00+01:00","target":"nope","ml":30}
LINES
}

warned='pumplog: warning: mv.jsonl:2: refers to line 2, a move line, not a stored container; skipped (see pumplog log check)
pumplog: warning: mv.jsonl:3: refers to "nope", which no line has; skipped (see pumplog log check)'

@test "log, status and stock skip a move or use naming no stored container in log check's words" {
    moves_journal
    run --separate-stderr pumplog -j mv.jsonl log check
    [ "$status" -eq 3 ]
    [ "${lines[0]}" = "mv.jsonl:2: refers to line 2, a move line, not a stored container" ]
    [ "${lines[1]}" = 'mv.jsonl:3: refers to "nope", which no line has' ]
    run --separate-stderr pumplog -j mv.jsonl log
    [ "$status|$stderr" = "0|$warned" ]
    [ "$output" = "ref  when              what                            note
s1   2026-03-09 10:00  stored B1 90 ml in the freezer" ]
    run --separate-stderr pumplog -j mv.jsonl log --format csv
    [ "$status|$stderr" = "0|$warned" ]
    [ "$output" = "ref,id,type,at,ml,left_ml,right_ml,dur_s,method,milk,place,label,note,left_s,right_s,baby
s1,s1,store,2026-03-09T10:00:00+01:00,90,,,,,,freezer,B1,,,," ]
    run --separate-stderr pumplog -j mv.jsonl log --format json
    [ "$status|$stderr" = "0|$warned" ]
    [ "$(jq -c 'map(.id)' <<<"$output")" = '["s1"]' ]
    run --separate-stderr pumplog -j mv.jsonl status
    [ "$status|$stderr" = "0|$warned" ]
    [ "${lines[4]}" = "  Stash      90 ml usable in 1 container" ]
    for format in table json; do
        run --separate-stderr pumplog -j mv.jsonl stock --format "$format"
        [ "$status|$stderr" = "0|$warned" ]
    done
    [ "$(jq -c 'map([.label, .ml, .place])' <<<"$output")" = '[["B1",90,"freezer"]]' ]
    # After the repair the same is counted, without a warning.
    run --separate-stderr pumplog -j mv.jsonl log check --repair
    [ "$status" -eq 0 ]
    for command in log status stock; do
        run --separate-stderr pumplog -j mv.jsonl $command
        [ "$status|$stderr" = "0|" ]
    done
}

@test "a use of a voided store is sound: log lists it, stock says it in its own words; a later use of nothing is warned" {
    export PUMPLOG_NOW=2026-03-10T12:00:00+01:00
    journal_line '{"v":1,"id":"s1","type":"store","at":"2026-03-09T10:00:00+01:00","ml":90,"place":"fridge","pumped":"2026-03-09T10:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"u1","type":"use","at":"2026-03-09T10:10:00+01:00","target":"s1","ml":30}'
    journal_line '{"v":1,"id":"x1","type":"void","at":"2026-03-09T10:20:00+01:00","target":"s1"}'
    journal_line '{"v":1,"id":"u2","type":"use","at":"2026-03-10T13:10:00+01:00","target":"nope","ml":30}'
    local later="pumplog: warning: $J:4: refers to \"nope\", which no line has; skipped (see pumplog log check)"
    run --separate-stderr pumplog log
    [ "$status|$stderr" = "0|$later" ]
    [ "$output" = "ref  when              what              note
u1   2026-03-09 10:10  used 30 ml of B1" ]
    run --separate-stderr pumplog status
    [ "$status|$stderr" = "0|$later" ]
    run --separate-stderr pumplog stock
    [ "$status|$stderr" = "0|$later
pumplog: warning: stock: use u1 names no stored container (\"s1\"); skipped" ]
    [ "$output" = "The stash is empty. Store milk with: pumplog stock add 120ml --in fridge" ]
}

@test "stock add and stock in the hour a fall-back night repeats: use by with the UTC offset" {
    PUMPLOG_NOW=2026-10-24T22:35:00+02:00 run --separate-stderr pumplog stock add 90ml --in room
    [ "$status|$output" = "0|Stored B1: 90 ml in the room, pumped today 22:35; use by tomorrow 02:35 (+02:00) (in 4 h)" ]
    PUMPLOG_NOW=2026-10-24T23:35:00+02:00 run --separate-stderr pumplog stock add 80ml --in room
    [ "$status|$output" = "0|Stored B2: 80 ml in the room, pumped today 23:35; use by tomorrow 02:35 (+01:00) (in 4 h)" ]
    PUMPLOG_NOW=2026-10-24T23:40:00+02:00 run --separate-stderr pumplog stock
    [ "${lines[1]}" = "  1  B1      90 ml  room   today 22:35  tomorrow 02:35 (+02:00)  in 2 h 55 min  soon" ]
    [ "${lines[2]}" = "  2  B2      80 ml  room   today 23:35  tomorrow 02:35 (+01:00)  in 3 h 55 min  soon" ]
}

@test "two forgotten timers started at 02:30 of a fall-back night: status gives the --started with the offset" {
    export PUMPLOG_NOW=2026-10-25T01:00:00+02:00
    pumplog add 10ml --at 00:30 > /dev/null
    cp "$J" "$TEST_DIR/phone.jsonl"
    pumplog --now 2026-10-25T02:30:00+02:00 pump start --side left > /dev/null
    pumplog --now 2026-10-25T02:30:00+01:00 -j "$TEST_DIR/phone.jsonl" pump start --side right > /dev/null
    export PUMPLOG_NOW=2026-10-25T09:00:00+01:00
    pumplog log merge "$TEST_DIR/phone.jsonl" > /dev/null
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [ "${lines[8]}" = "The pump timer started at 2026-10-25 02:30 +01:00 has run 6 h 30 min:" ]
    [ "${lines[9]}" = "stop it with" ]
    [ "${lines[12]}" = "The pump timer started at 2026-10-25 02:30 +02:00 has run 7 h 30 min:" ]
    [ "${lines[10]}" = "pumplog pump stop AMOUNT --dur DURATION --started 2026-10-25T02:30+01:00, or" ]
    [ "${lines[11]}" = "pumplog pump stop --cancel --started 2026-10-25T02:30+01:00." ]
    [ "${lines[14]}" = "pumplog pump stop AMOUNT --dur DURATION --started 2026-10-25T02:30+02:00, or" ]
    [ "${lines[15]}" = "pumplog pump stop --cancel --started 2026-10-25T02:30+02:00." ]
    # A stop without --dur is refused in the same words, the cancel naming the same timer.
    cp "$J" "$TEST_DIR/before.jsonl"
    run --separate-stderr pumplog pump stop 50ml --started 2026-10-25T02:30+01:00
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: the pump timer started at 2026-10-25 02:30 +01:00 has run 6 h 30 min: give the session's length with --dur, or --force to record it as timed (or pumplog pump stop --cancel --started 2026-10-25T02:30+01:00)" ]
    cmp "$J" "$TEST_DIR/before.jsonl"
    # The command as given stops that timer alone.
    run --separate-stderr pumplog pump stop --cancel --started 2026-10-25T02:30+02:00
    [ "$status|$output" = "0|Pump timer from 02:30 (left) cancelled; no pump recorded" ]
}
