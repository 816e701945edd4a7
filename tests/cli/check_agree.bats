#!/usr/bin/env bats
# Every reader and `log check` call the same lines damaged, in log check's
# words (pumplog(5)), so that a repair never changes what they count.
load helpers
bats_require_minimum_version 1.5.0

at() { printf '2026-11-21T%s:00+01:00' "$1"; }
# A store of 90 ml at 10:00, labelled B1.
store() {  # id place
    printf '{"v":1,"id":"%s","type":"store","at":"%s","ml":90,"place":"%s","pumped":"%s","label":"B1"}' \
        "$1" "$(at 10:00)" "$2" "$(at 10:00)"
}

# Each reader's warnings, the same lines in the same words.
readers_warn() {  # expected stderr
    local command
    for command in "log" "report --since 2026-11-21 --format csv" "status"; do
        run --separate-stderr pumplog $command
        [ "$status" -eq 0 ] || { echo "$command: exit $status" >&2; return 1; }
        [ "$stderr" = "$1" ] || { printf '%s: stderr:\n%s\n' "$command" "$stderr" >&2; return 1; }
    done
}

@test "a pump line with ml 1e400, NaN, Infinity, -Infinity or nan: readers skip it in log check's words" {
    journal_line '{"v":1,"id":"p0","type":"pump","at":"'"$(at 08:00)"'","ml":100}'
    journal_line '{"v":1,"id":"p1","type":"pump","at":"'"$(at 09:00)"'","ml":1e400}'
    journal_line '{"v":1,"id":"p2","type":"pump","at":"'"$(at 10:00)"'","ml":NaN}'
    journal_line '{"v":1,"id":"p3","type":"pump","at":"'"$(at 11:00)"'","ml":Infinity}'
    journal_line '{"v":1,"id":"p4","type":"pump","at":"'"$(at 12:00)"'","ml":-Infinity}'
    journal_line '{"v":1,"id":"p5","type":"pump","at":"'"$(at 12:30)"'","ml":nan}'
    journal_line '{"v":1,"id":"p6","type":"pump","at":"'"$(at 13:00)"'","ml":50,"x":1e400}'
    journal_line '{"v":1,"id":"p7","type":"pump","at":"'"$(at 13:10)"'","ml":50,"note":nul}'
    journal_line '{"v":1,"id":"p8","type":"pump","at":"'"$(at 13:20)"'","dur_s":NaN}'
    cp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "$output" = "$J:2: not valid JSON (a number out of range)
$J:3: not valid JSON
$J:4: not valid JSON
$J:5: \"ml\" is not a number (-Infinity is not JSON)
$J:6: not valid JSON
$J:7: not valid JSON (a number out of range)
$J:8: not valid JSON
$J:9: not valid JSON
$J: 9 lines, 1 good entry, 8 bad lines
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    readers_warn "pumplog: warning: $J:2: not valid JSON (a number out of range); skipped (see pumplog log check)
pumplog: warning: $J:3: not valid JSON; skipped (see pumplog log check)
pumplog: warning: $J:4: not valid JSON; skipped (see pumplog log check)
pumplog: warning: $J:5: \"ml\" is not a number (-Infinity is not JSON); skipped (see pumplog log check)
pumplog: warning: $J:6: not valid JSON; skipped (see pumplog log check)
pumplog: warning: $J:7: not valid JSON (a number out of range); skipped (see pumplog log check)
pumplog: warning: $J:8: not valid JSON; skipped (see pumplog log check)
pumplog: warning: $J:9: not valid JSON; skipped (see pumplog log check)"
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "${lines[1]}" = "2026-11-21,1,100,0,0,0,0,0,0,0,0,0,0,1" ]
    cmp "$J" "$TEST_DIR/before"
    # The repair moves those lines and no other: the report counts the same.
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "$status|$stderr|${lines[1]}" = "0||2026-11-21,1,100,0,0,0,0,0,0,0,0,0,0,1" ]
}

@test "a use naming no line, or a line that is no store: report skips it as log check calls it, with its words" {
    journal_line "$(store s1 freezer)"
    journal_line '{"v":1,"id":"m1","type":"move","at":"'"$(at 10:09)"'","target":"m1","place":"fridge"}'
    journal_line '{"v":1,"id":"u1","type":"use","at":"'"$(at 10:10)"'","target":"nope","ml":30}'
    journal_line '{"v":1,"id":"u2","type":"use","at":"'"$(at 10:20)"'","target":"m1","ml":20}'
    journal_line '{"v":1,"id":"u3","type":"use","at":"'"$(at 10:30)"'","target":"s1","ml":10}'
    cp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "$output" = "$J:2: refers to line 2, a move line, not a stored container
$J:3: refers to \"nope\", which no line has
$J:4: refers to \"m1\" on line 2, which is bad
$J: 5 lines, 2 good entries, 3 bad lines
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    local header="date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min"
    header+=",stored_ml,used_ml,discarded_ml,skipped,days"
    for format in csv json; do
        run --separate-stderr pumplog report --since 2026-11-21 --format "$format"
        [ "$status" -eq 0 ]
        [ "$stderr" = "pumplog: warning: $J:3: refers to \"nope\", which no line has; skipped (see pumplog log check)
pumplog: warning: $J:4: refers to \"m1\" on line 2, which is bad; skipped (see pumplog log check)" ]
    done
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "$output" = "$header
2026-11-21,0,0,0,0,0,0,0,0,90,10,0,0,1" ]
    cmp "$J" "$TEST_DIR/before"
    # The repair moves those lines: the report counts the same, and warns of nothing.
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "$status|$stderr" = "0|" ]
    [ "$output" = "$header
2026-11-21,0,0,0,0,0,0,0,0,90,10,0,0,1" ]
}

@test "a use of a voided store is sound for log check and counted by report, without a warning" {
    journal_line "$(store s1 fridge)"
    journal_line '{"v":1,"id":"u1","type":"use","at":"'"$(at 10:10)"'","target":"s1","ml":30}'
    journal_line '{"v":1,"id":"x1","type":"void","at":"'"$(at 10:20)"'","target":"s1"}'
    run --separate-stderr pumplog log check
    [ "$status|$output" = "0|$J: 3 lines, 3 good entries, no errors" ]
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "$status|$stderr" = "0|" ]
    [ "${lines[1]}" = "2026-11-21,0,0,0,0,0,0,0,0,0,30,0,0,1" ]
}
