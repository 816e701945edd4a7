#!/usr/bin/env bats
# A repeated id (pumplog(5)): the first line with an id is the entry; a later
# line with the same id is a bad line for every reader, as log check calls it:
# skipped with a warning, counted once, and corrections of the id correct the first.

load helpers

# A bottle feed of $3 ml at $2 (HH:MM, today) with id $1.
feed() {
    journal_line "{\"v\":1,\"id\":\"$1\",\"type\":\"feed\",\"at\":\"2026-11-21T$2:00+01:00\",\"method\":\"bottle\",\"ml\":$3,\"milk\":\"breast\"}"
}
pump() {
    journal_line "{\"v\":1,\"id\":\"$1\",\"type\":\"pump\",\"at\":\"2026-11-21T$2:00+01:00\",\"ml\":$3}"
}

A=01KAQA0000AAAAAAAAAAAAAAAA

# Three days of feeds before today, so that plan has a basis.
earlier_days() {
    local day
    for day in 18 19 20; do
        journal_line "{\"v\":1,\"id\":\"01KA${day}00000000000000000F1\",\"type\":\"feed\",\"at\":\"2026-11-${day}T08:00:00+01:00\",\"method\":\"bottle\",\"ml\":90,\"milk\":\"breast\"}"
        journal_line "{\"v\":1,\"id\":\"01KA${day}00000000000000000F2\",\"type\":\"feed\",\"at\":\"2026-11-${day}T12:00:00+01:00\",\"method\":\"bottle\",\"ml\":90,\"milk\":\"breast\"}"
    done
}

check_copied_feed() {
    local warning="pumplog: warning: $J:$1: a copy of line $2 (the same id \"$A\"); skipped (see pumplog log check)"
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "2026-11-21,1,120,0,0,2,150,0,0,0,0,0,0,1" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log --format json
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | jq -c '[.[] | select(.at >= "2026-11-21") | [.id, .ml]]')" = \
      "[[\"$A\",90],[\"01KAQB0000AAAAAAAAAAAAAAAA\",120],[\"01KAQC0000AAAAAAAAAAAAAAAA\",60]]" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog status --format json
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | jq -c '[.today.bottle_feeds, .today.bottle_ml]')" = "[2,150]" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog plan --format json
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | jq -c '.basis.feeds')" = 8 ]
    [ "$stderr" = "$warning" ]
}

@test "a feed line copied right after itself is counted once by report, status and plan, and listed once by log" {
    earlier_days
    feed $A 08:00 90
    feed $A 08:00 90
    pump 01KAQB0000AAAAAAAAAAAAAAAA 09:00 120
    feed 01KAQC0000AAAAAAAAAAAAAAAA 11:00 60
    check_copied_feed 8 7
}

@test "a feed line copied to the end of the journal is counted once by report, status and plan, and listed once by log" {
    earlier_days
    feed $A 08:00 90
    pump 01KAQB0000AAAAAAAAAAAAAAAA 09:00 120
    feed 01KAQC0000AAAAAAAAAAAAAAAA 11:00 60
    feed $A 08:00 90
    check_copied_feed 10 7
}

@test "a later line with an id already taken, with other content: the first line is the entry" {
    pump $A 08:00 100
    pump $A 09:00 50
    local warning="pumplog: warning: $J:2: id \"$A\" is already taken by line 1, with other content; skipped (see pumplog log check)"
    run --separate-stderr pumplog report --format csv
    [ "${lines[-1]}" = "2026-11-21,1,100,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log --format json
    [ "$(echo "$output" | jq -c '[.[] | [.at, .ml]]')" = '[["2026-11-21T08:00:00+01:00",100]]' ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog status --format json
    [ "$(echo "$output" | jq -c '[.today.sessions, .today.pumped_ml, .last_pump.at]')" = '[1,100,"2026-11-21T08:00:00+01:00"]' ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "${lines[0]}" = "$J:2: id \"$A\" is already taken by line 1, with other content" ]
}

@test "an amendment and a void of a repeated id correct the first line" {
    pump $A 08:00 100
    pump $A 09:00 50
    journal_line "{\"v\":1,\"id\":\"01KAQC0000AAAAAAAAAAAAAAAA\",\"type\":\"amend\",\"at\":\"2026-11-21T10:00:00+01:00\",\"target\":\"$A\",\"set\":{\"ml\":80}}"
    run --separate-stderr pumplog log --format json
    [ "$(echo "$output" | jq -c '[.[] | [.at, .ml]]')" = '[["2026-11-21T08:00:00+01:00",80]]' ]
    run --separate-stderr pumplog report --format csv
    [ "${lines[-1]}" = "2026-11-21,1,80,0,0,0,0,0,0,0,0,0,0,1" ]
    journal_line "{\"v\":1,\"id\":\"01KAQD0000AAAAAAAAAAAAAAAA\",\"type\":\"void\",\"at\":\"2026-11-21T10:05:00+01:00\",\"target\":\"$A\"}"
    run --separate-stderr pumplog log --format json
    [ "$output" = "[]" ]
    run --separate-stderr pumplog report --format csv
    [ "${lines[-1]}" = "2026-11-21,0,0,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "pumplog: warning: $J:2: id \"$A\" is already taken by line 1, with other content; skipped (see pumplog log check)" ]
    refused 3 pumplog --strict report
    [ "$stderr" = "pumplog: error: $J:2: id \"$A\" is already taken by line 1, with other content (--strict refuses a damaged journal; see pumplog log check)" ]
}

@test "ids that are no ULIDs: a repeat is skipped wherever it stands" {
    pump p1 08:00 100
    pump b 09:00 50
    pump zz 10:00 70
    pump p1 11:00 30
    pump b 09:00 50
    run --separate-stderr pumplog report --format csv
    [ "${lines[-1]}" = "2026-11-21,3,220,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "pumplog: warning: $J:4: id \"p1\" is already taken by line 1, with other content; skipped (see pumplog log check)
pumplog: warning: $J:5: a copy of line 2 (the same id \"b\"); skipped (see pumplog log check)" ]
}

@test "in a long journal, a copied line changes no report, stock, status, log or plan" {
    python3 "$PUMPLOG_SOURCE_DIR/bench/generate" 6000 --end 2026-11-20 > "$J"
    export PUMPLOG_NOW="2026-11-21T11:00:00+01:00"
    local commands=("report --format csv" "report --by month --since 2026-01-01 --format csv" "stock --format json"
                    "status --format json" "log --format json --since 2026-11-01" "plan --format json")
    local k
    for k in "${!commands[@]}"; do
        # shellcheck disable=SC2086
        pumplog ${commands[$k]} > "$TEST_DIR/expected.$k"
    done
    cp "$J" "$TEST_DIR/original"
    # A pump line copied right after itself (the ids stay in order): every command warns of it.
    local line
    line="$(grep -n '"type":"pump"' "$TEST_DIR/original" | awk -F: '$1 >= 5990 { print $1; exit }')"
    sed "${line}p" "$TEST_DIR/original" > "$J"
    for k in "${!commands[@]}"; do
        # shellcheck disable=SC2086
        run --separate-stderr pumplog ${commands[$k]}
        [ "$status" -eq 0 ]
        [ "$output" = "$(cat "$TEST_DIR/expected.$k")" ]
        [[ "$stderr" == "pumplog: warning: $J:$((line + 1)): a copy of line $line (the same id "*"); skipped (see pumplog log check)" ]]
    done
    # An old pump line copied to the end (an id out of order): a whole read (the stash) warns of it.
    line="$(grep -n '"type":"pump"' "$TEST_DIR/original" | awk -F: '$1 >= 300 { print $1; exit }')"
    cp "$TEST_DIR/original" "$J"
    sed -n "${line}p" "$TEST_DIR/original" >> "$J"
    for k in "${!commands[@]}"; do
        # shellcheck disable=SC2086
        run --separate-stderr pumplog ${commands[$k]}
        [ "$status" -eq 0 ]
        [ "$output" = "$(cat "$TEST_DIR/expected.$k")" ]
    done
    run --separate-stderr pumplog stock --format json
    [[ "$stderr" == "pumplog: warning: $J:6001: a copy of line $line (the same id "*"); skipped (see pumplog log check)" ]]
}

@test "a line repeating one from before a long stretch of lines out of order (two devices' lines merged) is skipped" {
    # Device A's pumps (ids of even seconds), then device B's (odd seconds, the
    # same hours) appended after them: every line of A is out of order for the
    # 40 lines of B, farther than the lines a reader compares with. One line of
    # B is a copy of A's third line.
    local i a3
    for i in $(seq 0 39); do
        pump "$(printf '01KAQ%03d%018d' $((i * 2)) "$i")" 08:00 10
    done
    a3="$(sed -n 3p "$J")"
    for i in $(seq 0 39); do
        pump "$(printf '01KAQ%03d%018d' $((i * 2 + 1)) "$i")" 09:00 10
        [ "$i" -eq 20 ] && journal_line "$a3"
    done
    local id
    id="$(printf '01KAQ%03d%018d' 4 2)"
    local warning="pumplog: warning: $J:62: a copy of line 3 (the same id \"$id\"); skipped (see pumplog log check)"
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "2026-11-21,80,800,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log --format json
    [ "$(echo "$output" | jq length)" = 80 ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog status --format json
    [ "$(echo "$output" | jq -c '[.today.sessions, .today.pumped_ml]')" = '[80,800]' ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log check
    [ "${lines[0]}" = "$J:62: a copy of line 3 (the same id \"$id\")" ]
}

@test "a copy of line 1 in a file that begins with a byte-order mark is a copy, as log check says" {
    printf '\xEF\xBB\xBF' >"$J"
    feed "$A" 08 90
    feed 01KAQB0000AAAAAAAAAAAAAAAA 12 120
    feed "$A" 08 90
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "2026-11-21,0,0,0,0,2,210,0,0,0,0,0,0,1" ]
    [ "$stderr" = "pumplog: warning: $J:3: a copy of line 1 (the same id \"$A\"); skipped (see pumplog log check)" ]
    run --separate-stderr pumplog log check
    [[ "$output" == *"$J:3: a copy of line 1 (the same id \"$A\")"* ]]
}
