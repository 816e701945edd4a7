#!/usr/bin/env bats
# `log check [--repair]`: one line per problem with its line number, a
# summary, exit 0 only when clean; repair keeps every good line byte for byte.
load helpers
bats_require_minimum_version 1.5.0

line() {  # id type extra-fields
    printf '{"v":1,"id":"%s","type":"%s","at":"2026-11-21T09:00:00+01:00"%s}' "$1" "$2" "${3:+,$3}"
}

damaged_journal() {
    journal_line "$(line a pump '"ml":90')"
    journal_line "garbage"
    journal_line "$(line b pump '"ml":"ninety"')"
    journal_line "$(line c void '"target":"nope"')"
    journal_line "$(line w weigh '"grams":4200')"
    journal_line ""
    journal_line "$(line a pump '"ml":90')"
    printf '%s\r\n' "$(line d feed '"method":"bottle","ml":120')" >> "$J"
    printf '{"v":1,"id":"e","ty' >> "$J"
}

# A test that mounts a small tmpfs (a full disk) unmounts it before the scratch folder goes.
teardown() {
    if [ -n "${SMALL:-}" ] && mountpoint -q "$SMALL"; then umount "$SMALL"; fi
    rm -rf "$TEST_DIR"
}

@test "a repair that fails on a full disk leaves the journal as it was and no temporary file behind" {
    [ "$(id -u)" -eq 0 ] || skip "mounting a small tmpfs needs root"
    SMALL="$TEST_DIR/small"
    mkdir -p "$SMALL"
    mount -t tmpfs -o size=400k tmpfs "$SMALL" 2>/dev/null || skip "cannot mount a tmpfs"
    J="$SMALL/j.jsonl"
    journal_line "$(line a pump '"ml":90')"
    journal_line "garbage"
    before="$(journal_sum)"
    cat /dev/zero > "$SMALL/fill" 2>/dev/null || true  # the disk is full: a new file's first byte has no room
    run --separate-stderr pumplog -j "$J" log check --repair
    [ "$status" -eq 3 ]
    [ "$stderr" = "pumplog: error: cannot write $J.rejected.pending: No space left on device" ]
    [ "$(journal_sum)" = "$before" ]
    [ "$(cd "$SMALL" && ls -A | paste -sd ' ')" = "fill j.jsonl" ]
    # With room again, the repair moves the bad line once.
    rm "$SMALL/fill"
    run --separate-stderr pumplog -j "$J" log check --repair
    [ "$status" -eq 0 ]
    [ "$(cat "$J.rejected")" = garbage ]
    [ "$(cd "$SMALL" && ls -A | paste -sd ' ')" = "j.jsonl j.jsonl.bak j.jsonl.rejected" ]
}

@test "check of a clean journal prints a summary and exits 0" {
    pumplog add 90ml >/dev/null
    pumplog log feed 120ml >/dev/null
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$output" = "$J: 2 lines, 2 good entries, no errors" ]
}

@test "check of a missing journal is clean" {
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J: 0 lines, 0 good entries, no errors" ]
    [ "$stderr" = "pumplog: no journal at $J yet" ]
    [ ! -e "$J" ]
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ ! -e "$J" ]
}

@test "check prints one line per problem with its line number and exits 3" {
    damaged_journal
    before="$(journal_sum)"
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ -z "$stderr" ]
    [ "$output" = "$J:2: not valid JSON
$J:3: \"ml\" is not a number (millilitres)
$J:4: refers to \"nope\", which no line has
$J:5: note: unknown type \"weigh\" (from a newer pumplog?); kept, and ignored by computations
$J:7: a copy of line 1 (the same id \"a\")
$J:9: an incomplete last line (a write cut short?): not valid JSON
$J: 9 lines, 3 good entries, 5 bad lines, 1 note
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    [ "$(journal_sum)" = "$before" ]
}

@test "check finds damage the reader skips over" {
    journal_line "$(line a pump '"ml":90,"extra":{"k":2]')"
    run pumplog log check
    [ "$status" -eq 3 ]
    [ "${lines[0]}" = "$J:1: not valid JSON" ]
}

@test "check, --strict and the readers refuse an amendment the field table does not allow" {
    journal_line "$(line p pump '"ml":50')"
    journal_line "$(line f feed '"method":"breast","left_s":600')"
    journal_line "$(line a amend '"target":"p","set":{"method":"bottle"}')"
    journal_line "$(line b amend '"target":"p","set":{"ml":60,"ml":70}')"
    journal_line "$(line c amend '"target":"p","set":{"ml":null}')"
    journal_line "$(line d amend '"target":"f","set":{"method":"bottle"}')"
    local method='corrects line 1: sets "method", which a pump does not carry'
    local pump='(a pump records a volume, or dur_s when its volume is unknown)'
    local bottle='(a bottle feed records a volume, or milk when its volume is unknown)'
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ -z "$stderr" ]
    [ "$output" = "$J:3: $method
$J:4: \"set.ml\" appears twice
$J:5: corrects line 1: would leave the pump without \"ml\" $pump
$J:6: corrects line 2: would leave the feed without \"ml\" $bottle
$J: 6 lines, 2 good entries, 4 bad lines
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    refused 3 pumplog --strict log --format csv
    [ "$stderr" = "pumplog: error: $J:3: $method (--strict refuses a damaged journal; see pumplog log check)" ]
    # Without --strict the entries read as written; the damaged line is warned of.
    run --separate-stderr pumplog log --format csv
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $J:4: \"set.ml\" appears twice; skipped (see pumplog log check)" ]
    [ "${lines[1]}" = "p,p,pump,2026-11-21T09:00:00+01:00,50,,,,,,,,,,," ]
    [ "${lines[2]}" = "f,f,feed,2026-11-21T09:00:00+01:00,,,,,breast,,,,,600,," ]
}

@test "check accepts an amendment that leaves a valid entry" {
    journal_line "$(line f feed '"method":"bottle","ml":60,"note":"n"')"
    journal_line "$(line a amend '"target":"f","set":{"ml":80,"note":null}')"
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J: 2 lines, 2 good entries, no errors" ]
    run --separate-stderr pumplog log --format csv
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "${lines[1]}" = "f,f,feed,2026-11-21T09:00:00+01:00,80,,,,bottle,,,,,,," ]
}

@test "an unknown type from a newer version is a note: the journal is still clean" {
    journal_line "$(line w weigh '"grams":4200')"
    run pumplog log check
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "$J: 1 line, 1 good entry, no errors, 1 note" ]
}

@test "repair moves the bad lines to JOURNAL.rejected and keeps every good line byte for byte" {
    damaged_journal
    cp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "${lines[6]}" = "$J: 9 lines, 3 good entries, 5 bad lines, 1 note" ]
    [ "${lines[7]}" = "Moved 5 bad lines to $J.rejected; kept 4 lines. The journal before the repair is $J.bak." ]
    # the good lines, byte for byte (the CRLF line too), the blank line kept
    sed -n '1p;5p;6p;8p' "$TEST_DIR/before" > "$TEST_DIR/expected"
    cmp "$J" "$TEST_DIR/expected"
    # the bad lines, in order, each on a line of its own
    { sed -n '2p;3p;4p;7p' "$TEST_DIR/before"; printf '{"v":1,"id":"e","ty\n'; } > "$TEST_DIR/rejected"
    cmp "$J.rejected" "$TEST_DIR/rejected"
    cmp "$J.bak" "$TEST_DIR/before"
    run pumplog log check
    [ "$status" -eq 0 ]
}

@test "repair appends to JOURNAL.rejected and never overwrites it" {
    echo "rejected earlier" > "$J.rejected"
    journal_line "$(line a pump '"ml":90')"
    journal_line "garbage one"
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    journal_line "garbage two"
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(cat "$J.rejected")" = "rejected earlier
garbage one
garbage two" ]
    [ "$(cat "$J")" = "$(line a pump '"ml":90')" ]
}

@test "repair of a clean journal changes nothing" {
    pumplog add 90ml >/dev/null
    before="$(journal_sum)"
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.bak" ]
    [ ! -e "$J.rejected" ]
}

@test "after repair the entries read without warnings" {
    damaged_journal
    pumplog log check --repair >/dev/null
    run --separate-stderr pumplog log --format csv --since 2026-11-21
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$(printf '%s\n' "$output" | cut -d, -f2 | tail -n +2 | tr '\n' ' ')" = "a w d " ]
}

@test "the rejected lines can be fixed by hand and merged back" {
    journal_line "$(line a pump '"ml":90')"
    journal_line "$(line b pump '"ml":"ninety"')"
    pumplog log check --repair >/dev/null
    sed -i 's/"ninety"/90/' "$J.rejected"
    run pumplog log merge "$J.rejected"
    [ "$status" -eq 0 ]
    run pumplog log check
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "$J: 2 lines, 2 good entries, no errors" ]
}

@test "check takes no stray arguments and prints no other format" {
    refused 2 pumplog log check extra
    refused 2 pumplog log check --format json
    [ "$stderr" = "pumplog: error: --format json is not available here; use table" ]
}

@test "stock warns of a used-up container's later uses at most 10 times" {
    store='{"v":1,"id":"S1","type":"store","at":"2026-11-21T09:00:00+01:00","ml":101,"place":"fridge","label":"B1"}'
    journal_line "$store"
    journal_line '{"v":1,"id":"U0","type":"use","at":"2026-11-21T10:00:00+01:00","target":"S1","ml":100}'
    # The last 1 ml, which the 2 ml rule counted as used up with it: no warning.
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-21T10:30:00+01:00","target":"S1","ml":1}'
    for i in 10 11 12 13 14 15 16 17 18 19 20 21; do
        journal_line "{\"v\":1,\"id\":\"X$i\",\"type\":\"use\",\"at\":\"2026-11-21T11:${i}:00+01:00\",\
\"target\":\"S1\",\"ml\":5}"
    done
    run --separate-stderr pumplog stock
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 11 ]
    [ "$(printf '%s\n' "$stderr" | head -1)" = "pumplog: warning: stock: use X10 of B1 after it was used up; skipped" ]
    last="pumplog: warning: stock: 2 more skipped as above"
    [ "$(printf '%s\n' "$stderr" | tail -1)" = "$last" ]
}

# pumplog(5) "Order": a repair's rewrite puts a correction that stood before its target right after it.
@test "repair moves a correction that stands before its target to just after it; the rest keep their order" {
    journal_line '{"v":1,"id":"V","type":"void","at":"2026-11-21T07:00:00+01:00","target":"P"}'
    journal_line '{"v":1,"id":"Q","type":"pump","at":"2026-11-21T06:00:00+01:00","ml":50}'
    journal_line 'garbage'
    journal_line '{"v":1,"id":"P","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"R","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":70}'
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(cut -d'"' -f6 "$J" | tr '\n' ' ')" = "Q P V R " ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [[ "$output" != *"comes after it"* ]]
}

# pumplog(5): a number out of range is damage that log check notes and every other command counts as none; a
# value that is no number makes the line bad for every reader alike.
@test "out-of-range numbers: one verdict for check, log, its JSON and CSV, and report" {
    journal_line '{"v":1,"id":"A","type":"pump","at":"2026-11-20T06:00:00+01:00","ml":99999999999999999999999999999}'
    journal_line '{"v":1,"id":"B","type":"pump","at":"2026-11-20T07:00:00+01:00","ml":100,"dur_s":-5}'
    journal_line '{"v":1,"id":"C","type":"pump","at":"2026-11-20T08:00:00+01:00","ml":100,"dur_s":1.5}'
    journal_line '{"v":1,"id":"D","type":"pump","at":"2026-11-20T09:00:00+01:00","ml":100,"left_ml":1e308,"right_ml":1e308}'
    journal_line '{"v":1,"id":"E","type":"pump","at":"2026-11-20T10:00:00+01:00","ml":0x10}'
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "$output" = "$J:1: note: \"ml\" of 1e+29 ml is not a plausible volume (0 to 10000 ml)
$J:2: note: \"dur_s\" of -5 s is not a plausible duration (0 to 86400 s, a day)
$J:3: note: \"dur_s\" is not a whole number of seconds
$J:4: note: \"left_ml\" of 1e+308 ml is not a plausible volume (0 to 10000 ml)
$J:4: note: \"right_ml\" of 1e+308 ml is not a plausible volume (0 to 10000 ml)
$J:5: \"ml\" is not a number (0x10 is not JSON)
$J: 5 lines, 4 good entries, 1 bad line, 5 notes
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    run --separate-stderr pumplog log --since 2026-11-20 --until 2026-11-20
    [[ "$output" == *"pumped 100 ml, an implausible duration (see log check)"* ]]
    [ "$(grep -c 'implausible duration' <<< "$output")" -eq 2 ]
    run --separate-stderr pumplog log --since 2026-11-20 --until 2026-11-20 --format csv
    [ "$(tail -n +2 <<< "$output" | cut -d, -f2,5-8 | tr '\n' ' ')" = "A,,,, B,100,,, C,100,,, D,100,,, " ]
    run --separate-stderr pumplog log --since 2026-11-20 --until 2026-11-20 --format json
    [ "$(jq -c '[.[] | [.id, .ml, .dur_s, .left_ml]]' <<< "$output")" = \
      '[["A",null,null,null],["B",100,null,null],["C",100,null,null],["D",100,null,null]]' ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format csv
    [ "$(tail -1 <<< "$output" | cut -d, -f1-3)" = "2026-11-20,4,300" ]
    # A repair moves the bad line only: what the readers show stays the same.
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(wc -l < "$J")" -eq 4 ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format csv
    [ "$(tail -1 <<< "$output" | cut -d, -f1-3)" = "2026-11-20,4,300" ]
    [ -z "$stderr" ]
}

# Review: a pump without ml (and no dur_s) or a bottle without ml (and no milk) was bad for log check but counted by
# every reader, silently, so that a repair changed the report's totals. SPEC 3 requires the volume (pumplog(5): a
# pump's dur_s, a bottle's milk, stands in for it when it is unknown): the readers skip such a line with a warning
# in check's words.
@test "a line without a field its type requires: one verdict for check, report, status, log and --strict" {
    journal_line '{"v":1,"id":"a1","type":"pump","at":"2026-11-21T08:00:00Z","ml":100}'
    journal_line '{"v":1,"id":"a2","type":"pump","at":"2026-11-21T09:00:00Z"}'
    journal_line '{"v":1,"id":"f1","type":"feed","at":"2026-11-21T09:30:00Z","method":"bottle"}'
    journal_line '{"v":1,"id":"a3","type":"pump","at":"2026-11-21T10:00:00Z","left_ml":30}'
    journal_line '{"v":1,"id":"a4","type":"pump","at":"2026-11-21T10:30:00Z","left_ml":30,"dur_s":600}'
    local warnings="pumplog: warning: $J:2: no \"ml\" (a pump records a volume, or dur_s when its volume is unknown); skipped (see pumplog log check)
pumplog: warning: $J:3: no \"ml\" (a bottle feed records a volume, or milk when its volume is unknown); skipped (see pumplog log check)
pumplog: warning: $J:4: no \"ml\" (a pump records a volume, or dur_s when its volume is unknown); skipped (see pumplog log check)"
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "$output" = "$J:2: no \"ml\" (a pump records a volume, or dur_s when its volume is unknown)
$J:3: no \"ml\" (a bottle feed records a volume, or milk when its volume is unknown)
$J:4: no \"ml\" (a pump records a volume, or dur_s when its volume is unknown)
$J: 5 lines, 2 good entries, 3 bad lines
Run pumplog log check --repair to move the bad lines to $J.rejected (nothing is deleted)." ]
    run --separate-stderr pumplog --now 2026-11-21T12:00:00Z report --since today --format csv
    [ "$status" -eq 0 ]
    [ "$(tail -1 <<< "$output")" = "2026-11-21,2,100,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "$warnings" ]
    run --separate-stderr pumplog --now 2026-11-21T12:00:00Z status
    [ "$status" -eq 0 ]
    [[ "$output" == *"Pumped     100 ml in 2 sessions, 1 without a volume"* ]]
    [[ "$output" == *"Baby       no bottle yet"* ]]
    [ "$stderr" = "$warnings" ]
    run --separate-stderr pumplog --now 2026-11-21T12:00:00Z log --format csv
    [ "$(tail -n +2 <<< "$output" | cut -d, -f2 | paste -sd ' ')" = "a1 a4" ]
    [ "$stderr" = "$warnings" ]
    refused 3 pumplog --now 2026-11-21T12:00:00Z --strict report --since today --format csv
    [ "$stderr" = "pumplog: error: $J:2: no \"ml\" (a pump records a volume, or dur_s when its volume is unknown) (--strict refuses a damaged journal; see pumplog log check)" ]
    # The repair moves the three lines: the totals stay as they were, now without a warning.
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(wc -l < "$J.rejected")" -eq 3 ]
    run --separate-stderr pumplog --now 2026-11-21T12:00:00Z report --since today --format csv
    [ "$(tail -1 <<< "$output")" = "2026-11-21,2,100,0,0,0,0,0,0,0,0,0,0,1" ]
    [ -z "$stderr" ]
}

# A use of more than its container still held (by hand, or another tool: pumplog refuses it) is a note, not a bad
# line: the milk was used. `stock` and `report` count what was left (pumplog-stock(1), AMOUNTS).
@test "check notes a use of more than its container still held, and the journal stays clean" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-20T09:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-20T09:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-20T12:00:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"S2","type":"store","at":"2026-11-20T10:00:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-20T10:00:00+01:00","label":"B2"}'
    journal_line '{"v":1,"id":"U3","type":"use","at":"2026-11-20T11:00:00+01:00","target":"S2","ml":150}'
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-21T08:00:00+01:00","target":"S1","ml":60}'
    before="$(journal_sum)"
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$output" = "$J:4: note: uses 150 ml of B2, which had 50 ml left; counted as 50 ml
$J:5: note: uses 60 ml of B1, which had 40 ml left; counted as 40 ml
$J: 5 lines, 5 good entries, no errors, 2 notes" ]
    [ "$(journal_sum)" = "$before" ]
    # stock tells the same story
    run --separate-stderr pumplog stock --all --format json
    [ "$(jq -c '[.[] | [.label, .ml]]' <<<"$output")" = '[["B2",0],["B1",0]]' ]
}

@test "check notes a use written after its container was used up or thrown away" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-20T09:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-20T09:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-20T12:00:00+01:00","target":"S1","ml":100}'
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-20T13:00:00+01:00","target":"S1","ml":30}'
    journal_line '{"v":1,"id":"S2","type":"store","at":"2026-11-20T09:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-20T09:00:00+01:00","label":"B2"}'
    journal_line '{"v":1,"id":"D2","type":"discard","at":"2026-11-20T10:00:00+01:00","target":"S2"}'
    journal_line '{"v":1,"id":"U3","type":"use","at":"2026-11-20T11:00:00+01:00","target":"S2","ml":20}'
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J:3: note: uses 30 ml of B1 after it was used up; counted as none
$J:6: note: uses 20 ml of B2 after it was discarded; counted as none
$J: 6 lines, 6 good entries, no errors, 2 notes" ]
}

@test "check says nothing of uses within what their containers held" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-20T09:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-20T09:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-20T12:00:00+01:00","target":"S1","ml":60}'
    # 0.05 ml past what was left is rounding, not milk
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-21T08:00:00+01:00","target":"S1","ml":40.04}'
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J: 3 lines, 3 good entries, no errors" ]
}

@test "every reader names a bad line's damage as log check does (a lone surrogate is a bad escape, not a wrong type)" {
    journal_line "$(line a pump '"ml":90,"note":"lone \ud800"')"
    journal_line "$(line b pump '"ml":90,"note":"bad \x escape"')"
    journal_line "$(line c pump '"ml":90,"note":5')"
    journal_line "$(line d pump '"ml":"ninety"')"
    journal_line "$(line e pump '"ml":90,"dur_s":"long"')"
    journal_line "$(line f store '"ml":90,"place":"fridge","pumped":"soon"')"
    journal_line '{"v":"1","id":"g","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}'
    journal_line '{"v":1,"id":"h","type":"pump","at":"nine o clock","ml":90}'
    journal_line "$(line i pump '"ml":90,"note":"ok \ud83d\ude00"')"
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    local want got
    want="$(grep -E "^$J:[0-9]+: " <<<"$output" | sed "s|^$J:||")"
    [ "$(wc -l <<<"$want")" -eq 8 ]
    [[ "$want" == *'1: not valid JSON (a bad string escape)'* ]]
    [[ "$want" == *'3: "note" is not a string'* ]]
    run --separate-stderr pumplog log --since 2026-11-20
    [ "$status" -eq 0 ]
    got="$(sed -n "s|^pumplog: warning: $J:\([0-9]*: .*\); skipped (see pumplog log check)\$|\1|p" <<<"$stderr")"
    [ "$got" = "$want" ]
}

# A stash line after its container's end: stock warns that it skipped it, and check says so too (a note), so
# that the two agree. Here a thaw (move) written after its pour (use) by hand, and a discard after the end.
# Code review s49: the quick scan flagged only containers used up, and only with use lines: a move and a second
# discard after a discard were skipped by stock with a warning, and check said "no errors".
@test "check notes a move or discard written after its container was discarded, as stock warns" {
    journal_line '{"v":1,"id":"s1","type":"store","at":"2026-11-21T09:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-21T08:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"d1","type":"discard","at":"2026-11-21T10:00:00+01:00","target":"s1","reason":"spilt"}'
    journal_line '{"v":1,"id":"m1","type":"move","at":"2026-11-21T11:00:00+01:00","target":"s1","place":"freezer"}'
    journal_line '{"v":1,"id":"d2","type":"discard","at":"2026-11-21T12:00:00+01:00","target":"s1","reason":"again"}'
    run --separate-stderr pumplog stock
    [ "$stderr" = "pumplog: warning: stock: move m1 of B1 after it was discarded; skipped
pumplog: warning: stock: discard d2 of B1 after it was discarded; skipped" ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J:3: note: moves B1 after it was discarded; skipped
$J:4: note: discards B1 after it was discarded; skipped
$J: 4 lines, 4 good entries, no errors, 2 notes" ]
}

@test "check notes a move or discard written after its container was used up, as stock warns" {
    at='"at":"2026-11-21T09:00:00+01:00"'
    journal_line "{\"v\":1,\"id\":\"s1\",\"type\":\"store\",$at,\"ml\":100,\"place\":\"freezer\",\"pumped\":\"2026-11-20T09:00:00+01:00\",\"label\":\"B1\"}"
    journal_line "{\"v\":1,\"id\":\"s2\",\"type\":\"store\",$at,\"ml\":50,\"place\":\"fridge\",\"pumped\":\"2026-11-21T08:00:00+01:00\",\"label\":\"B2\"}"
    journal_line "{\"v\":1,\"id\":\"u1\",\"type\":\"use\",$at,\"target\":\"s1\",\"ml\":100}"
    journal_line "{\"v\":1,\"id\":\"m1\",\"type\":\"move\",$at,\"target\":\"s1\",\"place\":\"fridge\"}"
    journal_line "{\"v\":1,\"id\":\"u2\",\"type\":\"use\",$at,\"target\":\"s2\",\"ml\":50}"
    journal_line '{"v":1,"id":"d2","type":"discard","at":"2026-11-21T10:00:00+01:00","target":"s2","reason":"spilt"}'
    run --separate-stderr pumplog stock
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: stock: move m1 of B1 after it was used up; skipped
pumplog: warning: stock: discard d2 of B2 after it was used up; skipped" ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "$output" = "$J:4: note: moves B1 after it was used up; skipped
$J:6: note: discards B2 after it was used up; skipped
$J: 6 lines, 6 good entries, no errors, 2 notes" ]
}

@test "repair of a clean read-only journal needs no write access: the summary, exit 0, the journal untouched" {
    [ "$(id -u)" -eq 0 ] || skip "running as another user needs root"
    command -v setpriv >/dev/null || skip "no setpriv"
    journal_line "$(line a pump '"ml":90')"
    journal_line "$(line b pump '"ml":80')"
    journal_line "$(line c feed '"method":"bottle","ml":120')"
    cp "$J" "$TEST_DIR/before"
    chmod 0444 "$J"
    chmod 0755 "$TEST_DIR"
    as_nobody() {
        run --separate-stderr setpriv --reuid 65534 --regid 65534 --clear-groups "$PUMPLOG_BIN" -j "$J" "$@"
    }
    as_nobody log check
    [ "$status|$output|$stderr" = "0|$J: 3 lines, 3 good entries, no errors|" ]
    as_nobody log check --repair
    [ "$status|$output|$stderr" = "0|$J: 3 lines, 3 good entries, no errors|" ]
    cmp "$J" "$TEST_DIR/before"
    [ "$(ls -A "$TEST_DIR" | paste -sd ' ')" = "before home journal.jsonl" ]
    # A read-only journal with a bad line cannot be repaired: refused, the journal as it was.
    chmod 0644 "$J" && journal_line "garbage" && chmod 0444 "$J" && cp "$J" "$TEST_DIR/before"
    as_nobody log check --repair
    [ "$status|$output" = "3|" ]
    [ "$stderr" = "pumplog: error: cannot write journal $J: Permission denied" ]
    cmp "$J" "$TEST_DIR/before"
}
