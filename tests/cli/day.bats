#!/usr/bin/env bats
# The parent's day (SPEC 10): the missing or new journal named, status, the
# pump timer, reminders that remind once.

load helpers

# --- a missing journal, a new journal ---

@test "read commands on a missing journal say so on stderr, keep their output and exit 0" {
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: no journal at $J yet" ]
    [[ "${lines[0]}" == "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,"* ]]
    run --separate-stderr pumplog stock
    [ "$status" -eq 0 ]
    [ "$output" = "The stash is empty. Store milk with: pumplog stock add 120ml --in fridge" ]
    [ "$stderr" = "pumplog: no journal at $J yet" ]
    [ ! -e "$J" ]
}

@test "a command refused over a missing journal names the missing journal in its one line" {
    run --separate-stderr pumplog plan --mode exclusive
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == "pumplog: error: no journal at $J yet; no feeds from "*"for 3 more days" ]]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    run --separate-stderr pumplog plan next
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pumplog: error: no journal at $J yet; no feeds from "* ]]
    # cron-style: still silent
    run --separate-stderr pumplog plan next --within 10m
    [ "$status" -eq 1 ]
    [ -z "$stderr" ]
    [ ! -e "$J" ]
}

@test "undo, rm, edit and the pump timer's commands refused over a missing journal name it first" {
    local missing="$TEST_DIR/nope/j.jsonl"
    export PUMPLOG_JOURNAL="$missing"
    refused 2 pumplog log undo
    [ "$stderr" = "pumplog: error: no journal at $missing yet; nothing to undo: the journal has no entry in effect" ]
    refused 2 pumplog log rm abcd
    [ "$stderr" = "pumplog: error: no journal at $missing yet; no entry has the reference \"abcd\"; see pumplog log" ]
    refused 2 pumplog log edit abcd --amount 5ml
    [ "$stderr" = "pumplog: error: no journal at $missing yet; no entry has the reference \"abcd\"; see pumplog log" ]
    refused 2 pumplog pump stop 50ml
    [ "$stderr" = "pumplog: error: no journal at $missing yet; no pump timer is running; record the session with pumplog add AMOUNT" ]
    refused 2 pumplog pump pause
    [[ "$stderr" == "pumplog: error: no journal at $missing yet; no pump timer is running"* ]]
    [ ! -e "$TEST_DIR/nope" ]
    # A refusal that is not for want of data names no journal.
    refused 2 pumplog log feed banana
    [[ "$stderr" != *"no journal at"* ]]
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

# Cron runs stock expiring twice a day (examples/crontab): a journal it cannot read is exit 3 every time, said
# once a day in the table form, every time in JSON (for scripts); the next good read forgets it.
@test "stock expiring says once a day that it cannot read the journal, exit 3 every time" {
    mkdir "$J"
    local folder="pumplog: error: journal $J is not a regular file: it is a folder; give -j or PUMPLOG_JOURNAL a file"
    run --separate-stderr pumplog stock expiring --now "2026-11-21 08:00"
    [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "$folder" ]
    run --separate-stderr pumplog stock expiring --now "2026-11-21 20:00"
    [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    run --separate-stderr pumplog stock expiring --format json --now "2026-11-21 20:00"
    [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "$folder" ]
    run --separate-stderr pumplog stock expiring --now "2026-11-22 08:00"
    [ "$status" -eq 3 ] && [ "$stderr" = "$folder" ]
    rmdir "$J"
    PUMPLOG_NOW="2026-11-22T08:30:00+01:00" pumplog stock add 90ml --in fridge --at "2026-11-18 10:00" >/dev/null 2>&1
    run --separate-stderr pumplog stock expiring --now "2026-11-22 09:00"
    [ "$status" -eq 0 ] && [[ "$output" == "B1 90 ml in the fridge expires "* ]] && [ "$stderr" = "" ]
    mv "$J" "$TEST_DIR/kept" && mkdir "$J"
    run --separate-stderr pumplog stock expiring --now "2026-11-22 09:05"
    [ "$status" -eq 3 ] && [ "$stderr" = "$folder" ]
}

# --- reminders ---

# A baby fed every 3 hours, the week before now (Sat 2026-11-21 14:05, Berlin).
three_hourly() {
    local d s day at
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-14 + $d day" +%F)"
        for s in 01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100; do
            at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"f-$day-${s%=*}\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":${s#*=},\"milk\":\"breast\"}"
        done
    done
    journal_line '{"v":1,"id":"p-13","type":"pump","at":"2026-11-21T13:05:00+01:00","ml":110}'
}

@test "a simulated day of cron calls every 5 minutes: each pump once, an overdue one once more, none after logged or skipped" {
    three_hourly
    export XDG_STATE_HOME="$TEST_DIR/state"
    local t=$(date -d "2026-11-21T15:00:00+01:00" +%s) end=$(date -d "2026-11-22T12:00:00+01:00" +%s) said="" now hm out due="" late=""
    while [ "$t" -le "$end" ]; do
        now="$(date -d "@$t" +%Y-%m-%dT%H:%M:%S%:z)"
        hm="$(date -d "@$t" +%H:%M)"
        # The parent pumps 5 minutes after each announced time, skips the 22:00 pump and misses the one after 03:00.
        if [ -n "$late" ] && [ "$hm" = "$late" ]; then
            case "$due" in
                22:00) PUMPLOG_NOW="$now" pumplog plan skip --mode exclusive >/dev/null ;;
                03:* | 04:*) ;;
                *) PUMPLOG_NOW="$now" pumplog add 100ml >/dev/null 2>&1 ;;
            esac
            late=""
        fi
        if out="$(PUMPLOG_NOW="$now" pumplog plan next --mode exclusive --within 10m 2>&1)"; then
            said+="$hm $out"$'\n'
            if [[ "$out" == "Pump at "* ]]; then
                due="${out:8:5}"
                late="$(date -d "$(date -d "@$t" +%F) $due 5 min" +%H:%M)"
            fi
        fi
        t=$((t + 300))
    done
    # Each pump said once (10 min before); the missed 04:00 once more, 30 min late (remind_again);
    # the skipped 22:00 and the logged ones never again. The night pumps are the plan's own (the extra session
    # by day, at 08:30, not between them).
    [ "$said" = "15:50 Pump at 16:00 (in 10 min), aim for 120 ml
18:50 Pump at 19:00 (in 10 min), aim for 140 ml
21:50 Pump at 22:00 (in 10 min), aim for 100 ml
00:50 Pump at 01:00 (in 10 min), aim for 90 ml
03:50 Pump at 04:00 (in 10 min), aim for 100 ml
04:30 Pump now: the 04:00 pump is 30 min overdue, aim for 100 ml
06:20 Pump at 06:30 (in 10 min), aim for 130 ml
08:20 Pump at 08:30 (in 10 min), aim for 94 ml (an extra session)
10:20 Pump at 10:30 (in 10 min), aim for 120 ml
" ]
    # The skip is a journal line of its own kind.
    grep -q '"type":"skip","at":"2026-11-21T22:00:00+01:00"' "$J"
}

@test "a pump skipped ahead of its time is not reminded of nor shown as next, and a second skip writes nothing" {
    three_hourly
    pumplog config set mode exclusive
    export XDG_STATE_HOME="$TEST_DIR/state"
    run --separate-stderr pumplog plan skip --now "2026-11-21T15:55:00+01:00"
    [ "$status" -eq 0 ]
    [ "$output" = "Skipped the 16:00 pump" ]
    # a minute later, the 16:00 pump is done with: cron says nothing, plan next and status show the 19:00 one
    run --separate-stderr pumplog plan next --within 10m --now "2026-11-21T15:56:00+01:00"
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    [ "$stderr" = "" ]
    # Pumping exclusively, the skip leaves the day 140 ml short: an extra session makes up the skipped pump an
    # hour after it (17:00, 2 h before the 19:00 one), the next pump in plan next and status alike.
    run --separate-stderr pumplog plan next --format json --now "2026-11-21T15:56:00+01:00"
    [ "$(jq -c . <<<"$output")" = '{"at":"2026-11-21T17:00:00+01:00","in_min":64,"target_ml":140}' ]
    run --separate-stderr pumplog status --format json --now "2026-11-21T15:56:00+01:00"
    [ "$(jq -c .next_pump <<<"$output")" = '{"at":"2026-11-21T17:00:00+01:00","in_min":64,"target_ml":140,"overdue":false}' ]
    run --separate-stderr pumplog status --now "2026-11-21T15:56:00+01:00"
    [[ "$output" == *"  Next pump  Pump at 17:00 (in 1 h 4 min), aim for 140 ml (an extra session)"* ]]
    # status counts the skip at once, before the skipped pump's time, as report does
    [[ "$output" == *"  Pumped     110 ml in 1 session, 1 skipped"* ]]
    run --separate-stderr pumplog status --format json --now "2026-11-21T15:56:00+01:00"
    [ "$(jq .today.skipped <<<"$output")" = 1 ]
    # skipped again: nothing written, said so, exit 0 (as a second plan bottles --apply)
    cp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog plan skip --now "2026-11-21T15:56:00+01:00"
    [ "$status" -eq 0 ]
    [ "$output" = "The 16:00 pump is already skipped; nothing recorded" ]
    [ "$stderr" = "" ]
    cmp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog status --now "2026-11-21T16:30:00+01:00"
    [[ "$output" == *"  Pumped     110 ml in 1 session, 1 skipped"* ]]
}

@test "plan skip --note keeps why on the skip line, shown escaped; undo says what it took back" {
    three_hourly
    pumplog config set mode exclusive > /dev/null
    run --separate-stderr pumplog plan skip --note $'in a meeting\e[31m' --now "2026-11-21T15:55:00+01:00"
    [ "$status" -eq 0 ]
    [ "$output" = "Skipped the 16:00 pump" ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .note]')" = "[\"skip\",\"in a meeting\\u001b[31m\"]" ]
    run --separate-stderr pumplog log --since today
    [[ "$output" == *'skipped the planned pump  in a meeting\x1b[31m'* ]]
    [[ "$output" != *$'\e'* ]]
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [[ "$output" == "Undid the skip of the planned pump at 2026-11-21 16:00 (ref "*")" ]]
}

# Review rv44 B6: a side out of range counts as none (pumplog(5)): not shown as 0, and no session "with sides".
@test "status leaves out side volumes that are out of range" {
    journal_line '{"v":1,"id":"D","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":100,"left_ml":1e308,"right_ml":-5}'
    run --separate-stderr pumplog status
    [ "${lines[1]}" = "  Pumped     100 ml in 1 session" ]
    journal_line '{"v":1,"id":"E","type":"pump","at":"2026-11-21T11:00:00+01:00","ml":100,"left_ml":1e308,"right_ml":40}'
    run --separate-stderr pumplog status
    [ "${lines[1]}" = "  Pumped     200 ml in 2 sessions (1 with sides: R 40)" ]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.today.left_ml, .today.right_ml]' <<<"$output")" = '[null,40]' ]
}

@test "status shows the sides only as far as they are known" {
    pumplog pump start --side left --now "2026-11-21T08:00:00+01:00" > /dev/null
    pumplog pump stop 60ml --now "2026-11-21T08:15:00+01:00" > /dev/null
    run --separate-stderr pumplog status
    [[ "$output" == *$'\n  Pumped     60 ml in 1 session (L 60)\n'* ]]
    pumplog add 70ml --at 09:00 > /dev/null
    run --separate-stderr pumplog status
    [[ "$output" == *$'\n  Pumped     130 ml in 2 sessions (1 with sides: L 60)\n'* ]]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.today.left_ml, .today.right_ml]' <<<"$output")" = '[60,null]' ]
}

# An entry's day is the local date written in its `at` (pumplog(5)), in status as in report: 20:00 in New
# York on 30 November (02:00 on 1 December in Berlin) is 30 November's.
@test "status counts today by the date written in each entry's at, as report does" {
    export PUMPLOG_NOW=2026-12-01T12:00:00+01:00
    journal_line '{"v":1,"id":"T1","type":"pump","at":"2026-11-30T09:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"T2","type":"pump","at":"2026-11-30T20:00:00-05:00","ml":120,'\
'"note":"travelling, New York"}'
    journal_line '{"v":1,"id":"T3","type":"pump","at":"2026-12-01T10:00:00+01:00","ml":90}'
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  Pumped     90 ml in 1 session" ]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.date, .today.pumped_ml, .today.sessions]' <<<"$output")" = '["2026-12-01",90,1]' ]
    run --separate-stderr pumplog report --since today --format csv
    [ "${lines[1]}" = "2026-12-01,1,90,0,0,0,0,0,0,0,0,0,0,1" ]
    # Feeds, bottles and skips alike; the usual day's past days by their written dates and clock times.
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-30T19:00:00-05:00","method":"bottle","ml":60}'
    journal_line '{"v":1,"id":"F2","type":"feed","at":"2026-11-30T21:00:00-05:00","method":"breast","left_s":600}'
    journal_line '{"v":1,"id":"S1","type":"skip","at":"2026-11-30T22:00:00-05:00"}'
    journal_line '{"v":1,"id":"F3","type":"feed","at":"2026-12-01T09:00:00+01:00","method":"bottle","ml":80}'
    journal_line '{"v":1,"id":"F4","type":"feed","at":"2026-11-29T11:00:00+01:00","method":"bottle","ml":100}'
    run --separate-stderr pumplog status
    [ "${lines[1]}" = "  Pumped     90 ml in 1 session" ]
    [ "${lines[2]}" = "  Baby       80 ml in 1 bottle" ]
    # 11-29: 100 ml by 11:00; 11-30: 60 ml at 19:00 as written, after now's 12:00.
    [ "${lines[3]}" = "  Usual      50 ml by now, 80 ml a day (2 of the last 7 days)" ]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '.today | [.pumped_ml, .sessions, .bottle_ml, .bottle_feeds, .breast_feeds, .skipped]' <<<"$output")" = \
        '[90,1,80,1,0,0]' ]
    [ "$(jq -c '.today | [.usual_by_now_ml, .usual_day_ml]' <<<"$output")" = '[50,80]' ]
    run --separate-stderr pumplog report --since 2026-11-30 --until 2026-11-30 --format csv
    [ "${lines[1]}" = "2026-11-30,2,220,0,0,2,60,1,10,0,0,0,1,1" ]
}

@test "add's day total counts a session written for that day in a zone ahead, as report and status do" {
    export PUMPLOG_NOW=2026-12-01T12:00:00+01:00
    # 01:00 on 25 November at UTC+14 is noon on 24 November in Berlin: 25 November's as written. The recent
    # sessions settle the slip checks, so the reply reads no further back than that day needs.
    journal_line '{"v":1,"id":"K1","type":"pump","at":"2026-11-24T20:00:00+01:00","ml":70}'
    journal_line '{"v":1,"id":"K2","type":"pump","at":"2026-11-25T01:00:00+14:00","ml":100,"note":"Kiritimati"}'
    journal_line '{"v":1,"id":"K3","type":"pump","at":"2026-11-30T08:00:00+01:00","ml":80}'
    journal_line '{"v":1,"id":"K4","type":"pump","at":"2026-11-30T14:00:00+01:00","ml":80}'
    journal_line '{"v":1,"id":"K5","type":"pump","at":"2026-12-01T08:00:00+01:00","ml":80}'
    run --separate-stderr pumplog add 50ml --at "2026-11-25 10:00"
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml on 2026-11-25 10:00, 6 days ago - 2026-11-25 150 ml in 2 sessions" ]
    run --separate-stderr pumplog report --since 2026-11-25 --until 2026-11-25 --format csv
    [ "${lines[1]}" = "2026-11-25,2,150,0,0,0,0,0,0,0,0,0,0,1" ]
    # Today too, with status: a session at 01:00 on 1 December at UTC+14 (noon yesterday here) is today's.
    journal_line '{"v":1,"id":"K6","type":"pump","at":"2026-12-01T01:00:00+14:00","ml":40}'
    run --separate-stderr pumplog add 30ml
    [ "$output" = "Logged 30 ml at 12:00 - today 150 ml in 3 sessions" ]
    run --separate-stderr pumplog status
    [ "${lines[1]}" = "  Pumped     150 ml in 3 sessions" ]
}

@test "a pump skipped on two devices, merged, counts once in status and report" {
    three_hourly
    journal_line '{"v":1,"id":"SK1","type":"skip","at":"2026-11-21T16:00:00+01:00"}'
    journal_line '{"v":1,"id":"SK2","type":"skip","at":"2026-11-21T16:00:00+01:00"}'
    run --separate-stderr pumplog status --format json --now "2026-11-21T16:30:00+01:00"
    [ "$(jq .today.skipped <<<"$output")" = 1 ]
    run --separate-stderr pumplog report --format json --now "2026-11-21T16:30:00+01:00"
    [ "$(jq '.[-1].skipped' <<<"$output")" = 1 ]
}

@test "a reminder that could not be printed (stdout full or closed) is said on the next run, not counted as said" {
    three_hourly
    export XDG_STATE_HOME="$TEST_DIR/state"
    export PUMPLOG_NOW=2026-11-21T15:52:00+01:00
    run --separate-stderr bash -c '"$PUMPLOG_BIN" plan next --mode exclusive --within 10m >/dev/full'
    [ "$status" -eq 4 ]
    [ "$stderr" = "pumplog: error: cannot write to standard output (No space left on device); nothing was recorded" ]
    export PUMPLOG_NOW=2026-11-21T15:53:00+01:00
    run --separate-stderr bash -c '"$PUMPLOG_BIN" plan next --mode exclusive --within 10m >&-'
    [ "$status" -eq 4 ]
    PUMPLOG_NOW=2026-11-21T15:55:00+01:00 run --separate-stderr pumplog plan next --mode exclusive --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 5 min), aim for 120 ml" ]
    PUMPLOG_NOW=2026-11-21T15:56:00+01:00 run --separate-stderr pumplog plan next --mode exclusive --within 10m
    [ "$status" -eq 1 ]; [ "$output" = "" ]
    # stock expiring the same way.
    PUMPLOG_NOW=2026-11-18T10:00:00+01:00 pumplog stock add 90ml --in fridge >/dev/null 2>&1
    export PUMPLOG_NOW=2026-11-21T14:05:00+01:00
    run --separate-stderr bash -c '"$PUMPLOG_BIN" stock expiring >/dev/full'
    [ "$status" -eq 4 ]
    run --separate-stderr pumplog stock expiring
    [ "$status" -eq 0 ]
    [[ "$output" == "B1 90 ml in the fridge expires "* ]]
    run --separate-stderr pumplog stock expiring
    [ "$status" -eq 1 ]; [ "$output" = "" ]
}

@test "at exactly the pump's time plan next says due, not 0 min overdue" {
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21T16:00:00+01:00"
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 16:00 pump is due, aim for 120 ml" ]
}

@test "plan next --within says nothing at all on a missing, empty or too thin journal" {
    run --separate-stderr pumplog plan next --within 10m
    [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    : > "$J"
    run --separate-stderr pumplog plan next --within 10m --mode exclusive
    [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"bottle","ml":90}'
    run --separate-stderr pumplog plan next --within 10m --mode exclusive
    [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    # Without --within the thin journal is still explained (exit 2).
    run --separate-stderr pumplog plan next --mode exclusive
    [ "$status" -eq 2 ]
}

@test "plan next --within in supply mode is silent on a missing or empty journal, reminds once pumps are logged" {
    # Supply mode plans without feeds: the timetable exists from the start, but cron stays silent (SPEC 10).
    export PUMPLOG_NOW=2026-11-21T11:55:00+01:00
    run --separate-stderr pumplog plan next --within 10m --mode supply
    [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    [ ! -e "$J" ]
    : > "$J"
    run --separate-stderr pumplog plan next --within 10m --mode supply
    [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    # Without --within the plan is shown all the same.
    run --separate-stderr pumplog plan next --mode supply
    [ "$status" -eq 0 ]; [ "$output" = "Pump at 12:00 (in 5 min), aim for 94 ml" ]
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":60}'
    run --separate-stderr pumplog plan next --within 10m --mode supply
    [ "$status" -eq 0 ]; [ "$output" = "Pump at 12:00 (in 5 min), aim for 94 ml" ]
}

@test "a pump announced through one path to the journal is not announced again through another (a symlink, ..)" {
    three_hourly
    export XDG_STATE_HOME="$TEST_DIR/state"
    mkdir "$TEST_DIR/sub"
    ln -s "$TEST_DIR" "$TEST_DIR/link"
    export PUMPLOG_NOW=2026-11-21T15:50:00+01:00
    run --separate-stderr pumplog plan next --mode exclusive --within 10m
    [ "$status" -eq 0 ]; [ "$output" = "Pump at 16:00 (in 10 min), aim for 120 ml" ]
    for j in "$TEST_DIR/link/journal.jsonl" "$TEST_DIR/sub/../journal.jsonl"; do
        run --separate-stderr pumplog -j "$j" plan next --mode exclusive --within 10m
        [ "$status" -eq 1 ]; [ "$output" = "" ]; [ "$stderr" = "" ]
    done
    # one state file, and its lock
    [ "$(ls "$XDG_STATE_HOME/pumplog" | sed 's/\.[a-z]*$//' | sort -u | wc -l)" -eq 1 ]
    [ "$(ls "$XDG_STATE_HOME/pumplog" | sed 's/.*\.//' | paste -sd' ')" = "json lock" ]
}

@test "remind_again is a setting" {
    run pumplog config set remind_again 45m
    [ "$status" -eq 0 ]
    run pumplog config get remind_again
    [ "$output" = "45m" ]
    refused 2 pumplog config set remind_again 1m
}

# A pump is overdue for less than min_gap after its time: a remind_again as long never comes.
@test "remind_again must be shorter than min_gap; a min_gap lowered to it later is taken, and plan next still works" {
    local config="$XDG_CONFIG_HOME/pumplog/config.json"
    pumplog config set min_gap 2h > /dev/null
    pumplog config set remind_again 45m > /dev/null
    cp "$config" "$TEST_DIR/before"
    run --separate-stderr pumplog config set remind_again 2h
    [ "$status" -eq 2 ] && [ "$output" = "" ]
    local why="a pump is overdue for less than min_gap, so it would never be reminded of again; give 5m to 1h59m"
    [ "$stderr" = "pumplog: error: remind_again (2 h) must be shorter than min_gap (2 h): $why" ]
    cmp "$config" "$TEST_DIR/before"
    run --separate-stderr pumplog plan next --remind-again 2h
    [ "$status" -eq 2 ] && [ "$output" = "" ]
    [ "$stderr" = "pumplog: error: --remind-again (2 h) must be shorter than min_gap (2 h): $why" ]
    run --separate-stderr pumplog config set remind_again 1h59m
    [ "$status" -eq 0 ] && [ "$output" = "remind_again = 1h59m" ] && [ "$stderr" = "" ]
    # A min_gap lowered to it or below is taken, with a warning: the overdue pump is said once, not again.
    run --separate-stderr pumplog config set min_gap 1h30m
    [ "$status" -eq 0 ] && [ "$output" = "min_gap = 1h30m" ]
    [ "$stderr" = "pumplog: warning: remind_again (1 h 59 min) is not shorter than min_gap (1 h 30 min) now: an \
overdue pump is not reminded of again; set remind_again below it to have that" ]
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m
    [ "$status" -eq 0 ] && [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ] && [ "$stderr" = "" ]
    local t
    for t in 16:30 17:00 17:25 17:55 18:05; do
        run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 $t" --within 10m
        [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    done
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 17:00"
    [ "$status" -eq 0 ] && [ "$output" = "Pump now: the 16:00 pump is 1 h overdue, aim for 120 ml" ]
    # Without the settings at odds, the default 30m is warned of too when min_gap comes down to it.
    pumplog config unset remind_again > /dev/null
    run --separate-stderr pumplog config set min_gap 30m
    [ "$status" -eq 0 ] && [ "$output" = "min_gap = 30m" ]
    [[ "$stderr" == "pumplog: warning: remind_again (30 min) is not shorter than min_gap (30 min) now: "* ]]
}

# --- the pump timer and status ---

@test "pump stop shows the sides as add does: given, or the timer's one side" {
    PUMPLOG_NOW=2026-11-21T06:40:00+01:00 pumplog pump start --side both
    PUMPLOG_NOW=2026-11-21T07:00:00+01:00 run --separate-stderr pumplog pump stop L60 R70
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 130 ml (L 60 / R 70) at 06:40, 20 min pumped (timer stopped)" ]
    PUMPLOG_NOW=2026-11-21T07:05:00+01:00 run --separate-stderr pumplog add L40 R50 --force
    [ "${output%% at *}" = "Logged 90 ml (L 40 / R 50)" ]
    PUMPLOG_NOW=2026-11-21T09:40:00+01:00 pumplog pump start --side left
    PUMPLOG_NOW=2026-11-21T09:55:00+01:00 run --separate-stderr pumplog pump stop 80ml
    [ "$output" = "Logged 80 ml (L 80) at 09:40, 15 min pumped (timer stopped)" ]
    grep -q '"ml":80,"left_ml":80,' "$J"
}

@test "pump stop refuses a bare side beside a side in the other unit as add does, unless --force" {
    PUMPLOG_NOW=2026-11-21T13:30:00+01:00 pumplog pump start > /dev/null
    refused 2 pumplog pump stop L2 R1oz
    [ "$stderr" = 'pumplog: error: L2 has no unit while R1oz is in oz: write L2oz (or L2ml), or use --force' ]
    refused 2 pumplog pump stop R 2 L 1 oz
    [ "$stderr" = 'pumplog: error: R2 has no unit while L1 oz is in oz: write R2oz (or R2ml), or use --force' ]
    [ "$(pumplog status --format json | jq .timers_running)" = 1 ]
    run --separate-stderr pumplog pump stop L2 R1oz --force
    [ "$status" -eq 0 ]
    [ "$(grep '"type":"pump"' "$J" | jq -c '[.left_ml, .right_ml]')" = '[2,29.57]' ]
    [ "$(pumplog status --format json | jq .timers_running)" = 0 ]
}

@test "pump start, pause, resume, stop records one pump at the start with the time pumped" {
    PUMPLOG_NOW=2026-11-21T14:05:00+01:00 run --separate-stderr pumplog pump start --side both
    [ "$output" = "Pump timer started at 14:05 (both); stop it with pumplog pump stop AMOUNT" ]
    PUMPLOG_NOW=2026-11-21T14:12:00+01:00 run pumplog pump pause
    [ "$output" = "Pump timer paused at 7 min" ]
    PUMPLOG_NOW=2026-11-21T14:20:00+01:00 run pumplog pump resume
    PUMPLOG_NOW=2026-11-21T14:28:00+01:00 run pumplog pump stop 110ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 110 ml at 14:05, 15 min pumped (timer stopped)" ]
    [ "$(grep -c '"type":"pump"' "$J")" -eq 1 ]
    grep -q '"type":"pump","at":"2026-11-21T14:05:00+01:00","ml":110,"dur_s":900,"timer":' "$J"
    PUMPLOG_NOW=2026-11-21T14:30:00+01:00 refused 2 pumplog pump stop 90ml
    [ "$stderr" = "pumplog: error: no pump timer is running; record the session with pumplog add AMOUNT" ]
    # Without an amount either: no timer is what is wrong, not the missing amount.
    PUMPLOG_NOW=2026-11-21T14:30:00+01:00 refused 2 pumplog pump stop
    [ "$stderr" = "pumplog: error: no pump timer is running; record the session with pumplog add AMOUNT" ]
}

@test "a session timed on one side is that side's milk, by pump stop or by add, unless the amount gives its sides" {
    PUMPLOG_NOW=2026-11-21T08:00:00+01:00 pumplog pump start --side left 2>/dev/null
    PUMPLOG_NOW=2026-11-21T08:15:00+01:00 run --separate-stderr pumplog pump stop 80ml
    [ "$status" -eq 0 ]
    grep -q '"type":"pump","at":"2026-11-21T08:00:00+01:00","ml":80,"left_ml":80,"dur_s":900,"timer":' "$J"
    PUMPLOG_NOW=2026-11-21T10:00:00+01:00 pumplog pump start --side right
    PUMPLOG_NOW=2026-11-21T10:10:00+01:00 run --separate-stderr pumplog add 60ml
    [ "$output" = "Logged 60 ml (R 60) at 10:00, 10 min pumped (timer stopped) - today 140 ml in 2 sessions" ]
    grep -q '"type":"pump","at":"2026-11-21T10:00:00+01:00","ml":60,"right_ml":60,"dur_s":600,"timer":' "$J"
    # The sides given win; both sides: the split is not known.
    PUMPLOG_NOW=2026-11-21T12:00:00+01:00 pumplog pump start --side left
    PUMPLOG_NOW=2026-11-21T12:10:00+01:00 pumplog pump stop L30 R20 >/dev/null
    grep -q '"type":"pump","at":"2026-11-21T12:00:00+01:00","ml":50,"left_ml":30,"right_ml":20,"dur_s":600,' "$J"
    PUMPLOG_NOW=2026-11-21T13:00:00+01:00 pumplog pump start --side both
    PUMPLOG_NOW=2026-11-21T13:10:00+01:00 pumplog pump stop 90ml >/dev/null
    grep -q '"type":"pump","at":"2026-11-21T13:00:00+01:00","ml":90,"dur_s":600,' "$J"
    run pumplog report --since 2026-11-21 --format csv
    [[ "${lines[1]}" == "2026-11-21,4,280,110,80,"* ]]
}

@test "pump stop --dur longer than the timer has run is refused without --force" {
    PUMPLOG_NOW=2026-11-21T13:30:00+01:00 pumplog pump start > /dev/null
    PUMPLOG_NOW=2026-11-21T13:31:00+01:00 refused 2 pumplog pump stop 60ml --dur 2h
    [ "$stderr" = "pumplog: error: --dur 2 h is longer than the pump timer has run (1 min, since 13:30): check it, or --force to record it" ]
    # A minute over is the clocks' allowance; --force records it as given.
    PUMPLOG_NOW=2026-11-21T13:31:00+01:00 refused 2 pumplog pump stop 60ml --dur 3m
    PUMPLOG_NOW=2026-11-21T13:31:00+01:00 run --separate-stderr pumplog pump stop 60ml --dur 2m
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 60 ml at 13:30, 2 min pumped (timer stopped)" ]
    PUMPLOG_NOW=2026-11-21T14:00:00+01:00 pumplog pump start > /dev/null
    PUMPLOG_NOW=2026-11-21T14:01:00+01:00 run --separate-stderr pumplog pump stop 60ml --dur 2h --force
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 60 ml at 14:00, 2 h pumped (timer stopped)" ]
}

@test "pump stop after midnight names the day the session began, as every recording reply does" {
    PUMPLOG_NOW=2026-11-20T23:50:00+01:00 pumplog pump start 2>/dev/null
    PUMPLOG_NOW=2026-11-21T00:15:00+01:00 run --separate-stderr pumplog pump stop 100ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 100 ml yesterday 23:50, 25 min pumped (timer stopped)" ]
    grep -q '"type":"pump","at":"2026-11-20T23:50:00+01:00","ml":100,"dur_s":1500,"timer":' "$J"
}

@test "add AMOUNT while a timer runs closes it, and the timer survives a merge to another journal" {
    PUMPLOG_NOW=2026-11-21T13:50:00+01:00 pumplog pump start 2>/dev/null
    cp "$J" "$TEST_DIR/phone.jsonl"
    PUMPLOG_JOURNAL="$TEST_DIR/phone.jsonl" run pumplog add 95ml
    [ "$output" = "Logged 95 ml at 13:50, 15 min pumped (timer stopped) - today 95 ml in 1 session" ]
    grep -q '"dur_s":900' "$TEST_DIR/phone.jsonl"
    run pumplog status --format json
    [ "$(jq -c .timer <<<"$output")" != null ]
    pumplog log merge "$TEST_DIR/phone.jsonl" >/dev/null
    run pumplog status --format json
    [ "$(jq -c .timer <<<"$output")" = null ]
    local today='{"pumped_ml":95,"sessions":1,"sessions_without_volume":0,"left_ml":null,"right_ml":null,'
    today+='"skipped":0,"bottle_ml":0,"bottle_feeds":0,"bottle_feeds_without_amount":0,"breast_feeds":0,'
    today+='"usual_by_now_ml":null,"usual_day_ml":null}'
    [ "$(jq -c .today <<<"$output")" = "$today" ]
}

@test "the time pumped a timer's stop reply gives is the one log shows: 19 min 50 s is 20 min, 5 s is 5 s" {
    PUMPLOG_NOW=2026-11-21T13:45:10+01:00 pumplog pump start 2>/dev/null
    run --separate-stderr pumplog pump stop 80ml
    [ "$output" = "Logged 80 ml at 13:45, 20 min pumped (timer stopped)" ]
    grep -q '"dur_s":1190' "$J"
    run --separate-stderr pumplog log
    [[ "$output" == *"pumped 80 ml, 20 min"* ]]
    # The same through add, and a timer stopped after seconds.
    PUMPLOG_NOW=2026-11-21T14:04:55+01:00 pumplog pump start 2>/dev/null
    run --separate-stderr pumplog add 10ml
    [ "$output" = "Logged 10 ml at 14:04, 5 s pumped (timer stopped) - today 90 ml in 2 sessions" ]
}

@test "two timers started on two devices and merged: nothing stops one by guess, --started picks, log check notes" {
    pumplog add 10ml --at 06:00 > /dev/null
    cp "$J" "$TEST_DIR/phone.jsonl"
    PUMPLOG_NOW=2026-11-21T11:00:00+01:00 pumplog pump start --side left > /dev/null
    PUMPLOG_NOW=2026-11-21T11:05:00+01:00 pumplog -j "$TEST_DIR/phone.jsonl" pump start --side right > /dev/null
    export PUMPLOG_NOW=2026-11-21T11:20:00+01:00
    pumplog log merge "$TEST_DIR/phone.jsonl" > /dev/null
    local left right
    left="$(pumplog log --format json | jq -r '.[] | select(.side == "left") | .ref')"
    right="$(pumplog log --format json | jq -r '.[] | select(.side == "right") | .ref')"
    local running="since 11:00 (left, ref $left) and since 11:05 (right, ref $right)"
    local two="2 pump timers are running (started on two devices?): $running; pick one: pumplog pump stop AMOUNT"
    two+=" --started $left or --started $right (or --cancel instead of AMOUNT to drop it)"
    refused 2 pumplog pump stop 50ml
    [ "$stderr" = "pumplog: error: $two" ]
    refused 2 pumplog add 50ml
    [ "$stderr" = "pumplog: error: $two" ]
    run --separate-stderr pumplog status
    [[ "$output" == *"  Timer      running 15 min, since 11:05, right side; 1 more running"* ]]
    [ "$(jq -r .timer.started <<<"$(pumplog status --format json)")" = "2026-11-21T11:05:00+01:00" ]
    refused 2 pumplog pump stop --cancel
    refused 2 pumplog pump pause
    refused 2 pumplog pump stop 50ml --started 11:01
    [ "$stderr" = "pumplog: error: no running pump timer started at 11:01; they run $running: give --started as shown" ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "$J:2: note: the pump timer started at 2026-11-21 11:00 was never stopped or cancelled, and another started at 2026-11-21 11:05 (line 3): timed on two devices? pumplog pump stop --started picks one while it runs" ]
    run --separate-stderr pumplog pump stop 50ml --started 11:05
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml (R 50) at 11:05, 15 min pumped (timer stopped)
Still running: the pump timer since 11:00 (left)" ]
    # The one left is the only one: it is shown and stopped without --started.
    run --separate-stderr pumplog status
    [[ "$output" == *"  Timer      running 20 min, since 11:00, left side"* ]]
    run --separate-stderr pumplog pump stop --cancel
    [ "$output" = "Pump timer from 11:00 (left) cancelled; no pump recorded" ]
    run --separate-stderr pumplog log check
    [ "$output" = "$J: 5 lines, 5 good entries, no errors" ]
}

# Two timers of two devices merged, $1 and $2 their starts (--now), $3 and $4 their sides; $left and $right
# their refs as `log` shows them; now 11:20.
two_timers() {
    pumplog add 10ml --at 06:00 > /dev/null
    cp "$J" "$TEST_DIR/phone.jsonl"
    pumplog --now "$1" pump start --side "$3" > /dev/null
    pumplog --now "$2" -j "$TEST_DIR/phone.jsonl" pump start --side "$4" > /dev/null
    export PUMPLOG_NOW=2026-11-21T11:20:00+01:00
    pumplog log merge "$TEST_DIR/phone.jsonl" > /dev/null
    left="$(pumplog log --format json | jq -r ".[] | select(.side == \"$3\") | .ref")"
    right="$(pumplog log --format json | jq -r ".[] | select(.side == \"$4\") | .ref")"
}

@test "two timers started in the same minute are picked by ref or by a time with seconds, never by the minute" {
    two_timers 2026-11-21T11:00:10+01:00 2026-11-21T11:00:40+01:00 left right
    local running="since 11:00 (left, ref $left) and since 11:00 (right, ref $right)"
    refused 2 pumplog pump stop 50ml --started 11:00
    [ "$stderr" = "pumplog: error: 2 pump timers started at 11:00: $running; pick one: pumplog pump stop AMOUNT --started $left or --started $right" ]
    refused 2 pumplog pump stop --cancel --started "today 11:00"
    [ "$stderr" = "pumplog: error: 2 pump timers started at today 11:00: $running; pick one: pumplog pump stop --cancel --started $left or --started $right" ]
    refused 2 pumplog pump pause
    [ "$stderr" = "pumplog: error: 2 pump timers are running (started on two devices?): $running; pick one: pumplog pump pause --started $left or --started $right" ]
    # A second start is refused as the other commands are: stopping one as it says works.
    refused 2 pumplog pump start
    [ "$stderr" = "pumplog: error: 2 pump timers are running (started on two devices?): $running; pick one: pumplog pump stop AMOUNT --started $left or --started $right (or --cancel instead of AMOUNT to drop it)" ]
    run --separate-stderr pumplog pump pause --started "$right"
    [ "$output" = "Pump timer paused at 19 min" ]
    run --separate-stderr pumplog pump stop --cancel --started 11:00:40
    [ "$output" = "Pump timer from 11:00 (right) cancelled; no pump recorded" ]
    run pumplog log undo
    [ "${lines[1]}" = "The pump timer since 11:00 (right) runs again; 2 pump timers are running" ]
    run --separate-stderr pumplog pump stop 50ml --started 2026-11-21T10:00:10Z
    [ "$output" = "Logged 50 ml (L 50) at 11:00, 20 min pumped (timer stopped)
Still running: the pump timer since 11:00 (right)" ]
    run pumplog log undo
    [ "${lines[0]%% (ref *}" = "Undid pumped 50 ml (L 50), 20 min at 2026-11-21 11:00" ]
    [ "${lines[1]}" = "The pump timer since 11:00 (left) runs again; 2 pump timers are running" ]
    run --separate-stderr pumplog pump stop 50ml --started "${right^^}"
    [ "$output" = "Logged 50 ml (R 50) at 11:00, 19 min pumped (timer stopped)
Still running: the pump timer since 11:00 (left)" ]
    run pumplog log undo
    [ "${lines[1]}" = "The pump timer since 11:00 (right) runs again; 2 pump timers are running" ]
}

@test "two timers started at 02:30 before and after the autumn clock change are picked with the offset" {
    pumplog add 10ml --at 2026-10-25T00:00+02:00 --now 2026-10-25T00:10+02:00 > /dev/null
    cp "$J" "$TEST_DIR/phone.jsonl"
    pumplog --now 2026-10-25T02:30+02:00 pump start --side left > /dev/null
    pumplog --now 2026-10-25T02:30+01:00 -j "$TEST_DIR/phone.jsonl" pump start --side right > /dev/null
    export PUMPLOG_NOW=2026-10-25T02:45+01:00
    pumplog log merge "$TEST_DIR/phone.jsonl" > /dev/null
    refused 2 pumplog pump stop 50ml --started 02:30
    [[ "$stderr" == "pumplog: error: 2 pump timers started at 02:30: since 02:30 (left, ref "*") and since 02:30 (right, ref "* ]]
    run --separate-stderr pumplog pump stop 50ml --started 2026-10-25T02:30+01:00
    [ "$output" = "Logged 50 ml (R 50) at 02:30, 15 min pumped (timer stopped)
Still running: the pump timer since 02:30 (left)" ]
}

@test "pump --started reads a TIME as --at does and says when it is not one" {
    two_timers 2026-11-21T11:00:00+01:00 2026-11-21T11:05:00+01:00 left right
    local running="since 11:00 (left, ref $left) and since 11:05 (right, ref $right)"
    refused 2 pumplog pump stop 50ml --started banana
    [ "$stderr" = "pumplog: error: --started \"banana\" is not a time or a running pump timer's ref; they run $running: give its time (11:00, 11am, \"20m ago\") or its ref" ]
    refused 2 pumplog pump stop 50ml --started 11:03
    [ "$stderr" = "pumplog: error: no running pump timer started at 11:03; they run $running: give --started as shown" ]
    run --separate-stderr pumplog pump pause --started 11am
    [ "$output" = "Pump timer paused at 20 min" ]
    run --separate-stderr pumplog pump resume --started "today 11:00"
    [ "$output" = "Pump timer resumed at 20 min" ]
    run --separate-stderr pumplog pump stop 50ml --started "15m ago"
    [ "$output" = "Logged 50 ml (R 50) at 11:05, 15 min pumped (timer stopped)
Still running: the pump timer since 11:00 (left)" ]
}

@test "a forgotten timer running with another is flagged by status, and status JSON counts the timers" {
    two_timers 2026-11-21T07:00:00+01:00 2026-11-21T11:00:00+01:00 left right
    pumplog --now 2026-11-21T07:10:00+01:00 pump pause --started 07:00 > /dev/null
    run --separate-stderr pumplog status
    [[ "$output" == *"  Timer      running 20 min, since 11:00, right side; 1 more running
             paused at 10 min, started 07:00, left side (over 2 h: forgotten?)"* ]]
    [[ "$output" == *"The pump timer started at 2026-11-21 07:00, 4 h 20 min ago, is paused at 10 min:
stop it with pumplog pump stop AMOUNT --dur DURATION --started 07:00, or
pumplog pump stop --cancel --started 07:00." ]]
    [ "$(awk '{ if (length($0) > n) n = length($0) } END { print n }' <<<"$output")" -le 80 ]
    run pumplog status --format json
    [ "$(jq -c '[.timers_running, .timer.started]' <<<"$output")" = '[2,"2026-11-21T11:00:00+01:00"]' ]
    # A paused forgotten timer has been started 4 h 20 min ago and run 10 min, which --force records.
    refused 2 pumplog pump stop 50ml --started 07:00
    [ "$stderr" = "pumplog: error: the pump timer started at 2026-11-21 07:00, 4 h 20 min ago, is paused at 10 min: give the session's length with --dur, or --force to record it as timed (or pumplog pump stop --cancel --started 07:00)" ]
    pumplog pump stop --cancel --started 11:00 > /dev/null
    refused 2 pumplog add 50ml
    [ "$stderr" = "pumplog: error: the pump timer started at 2026-11-21 07:00, 4 h 20 min ago, is paused at 10 min: stop it with pumplog pump stop AMOUNT --dur DURATION, or pumplog pump stop --cancel and then add it with --at and --dur (--force records it as timed)" ]
    [ "$(pumplog status --format json | jq .timers_running)" = 1 ]
    pumplog pump stop --cancel > /dev/null
    [ "$(pumplog status --format json | jq .timers_running)" = 0 ]
}

@test "a timer over 2 hours is reported by status and plan next and never silently recorded" {
    three_hourly
    PUMPLOG_NOW=2026-11-21T11:00:00+01:00 pumplog pump start 2>/dev/null
    run --separate-stderr pumplog status
    [[ "$output" == *"  Timer      running 3 h 5 min, since 11:00 (over 2 h: forgotten?)"* ]]
    run --separate-stderr pumplog plan next --mode exclusive
    [ "${lines[0]}" = "The pump timer started at 2026-11-21 11:00 has run 3 h 5 min: stop it with" ]
    [ "${lines[1]}" = "pumplog pump stop AMOUNT --dur DURATION, or pumplog pump stop --cancel." ]
    # With --format json or csv the sentence goes to stderr: stdout stays one document.
    run --separate-stderr pumplog plan next --mode exclusive --format json
    [ "$(jq -r .at <<<"$output")" != null ]
    [[ "$stderr" == "pumplog: The pump timer started at 2026-11-21 11:00 has run 3 h 5 min: stop it with"* ]]
    run --separate-stderr pumplog plan next --mode exclusive --format csv
    [ "${lines[0]}" = "at,in_min,target_ml,estimated" ]
    [ "${#lines[@]}" -eq 2 ]
    [[ "$stderr" == *"pump stop --cancel."* ]]
    # status too, within 80 columns (SPEC 10)
    run --separate-stderr pumplog status
    [[ "$output" == *"stop it with"$'\n'"pumplog pump stop AMOUNT --dur DURATION, or pumplog pump stop --cancel."* ]]
    [ "$(awk '{ if (length($0) > n) n = length($0) } END { print n }' <<<"$output")" -le 80 ]
    refused 2 pumplog add 90ml
    refused 2 pumplog pump stop 90ml
    run pumplog pump stop 90ml --dur 20m
    [ "$output" = "Logged 90 ml at 11:00, 20 min pumped (timer stopped)" ]
}

@test "a forgotten timer: add's refusal names status's two ways, and following either records the session once" {
    PUMPLOG_NOW=2026-11-21T08:00:00+01:00 pumplog pump start > /dev/null
    local hint="stop it with pumplog pump stop AMOUNT --dur DURATION, or pumplog pump stop --cancel"
    PUMPLOG_NOW=2026-11-21T11:00:00+01:00 refused 2 pumplog add 90ml
    [ "$stderr" = "pumplog: error: the pump timer started at 2026-11-21 08:00 has run 3 h: $hint and then add it with --at and --dur (--force records it as timed)" ]
    PUMPLOG_NOW=2026-11-21T11:00:00+01:00 run --separate-stderr pumplog status
    [[ "$(tr '\n' ' ' <<<"$output")" == *"$hint."* ]]
    # The first way: the timer's session with its real length, and the timer stopped.
    PUMPLOG_NOW=2026-11-21T11:00:00+01:00 run --separate-stderr pumplog pump stop 90ml --dur 20m
    [ "$output" = "Logged 90 ml at 08:00, 20 min pumped (timer stopped)" ]
    PUMPLOG_NOW=2026-11-21T11:01:00+01:00 run --separate-stderr pumplog status --format json
    [ "$(jq .timers_running <<<"$output")" = 0 ]
    PUMPLOG_NOW=2026-11-21T11:30:00+01:00 run --separate-stderr pumplog add 80ml
    [ "$output" = "Logged 80 ml at 11:30 - today 170 ml in 2 sessions" ]
    # The second way: cancelled, then added with its time and length.
    PUMPLOG_NOW=2026-11-21T11:40:00+01:00 pumplog pump start > /dev/null
    refused 2 pumplog add 70ml
    [[ "$stderr" == *": $hint and then add it with --at and --dur (--force records it as timed)" ]]
    pumplog pump stop --cancel > /dev/null
    run --separate-stderr pumplog add 70ml --at 11:40 --dur 20m
    [ "$output" = "Logged 70 ml at 11:40, 2 h 25 min ago - today 240 ml in 3 sessions" ]
    run --separate-stderr pumplog status --format json
    [ "$(jq .timers_running <<<"$output")" = 0 ]
    run --separate-stderr pumplog add 60ml
    [ "$output" = "Logged 60 ml at 14:05 - today 300 ml in 4 sessions" ]
    [ "$(grep -c '"type":"pump"' "$J")" -eq 4 ]
}

@test "two forgotten timers: plan next names each with the --started that stops it as status does" {
    three_hourly
    two_timers 2026-11-21T08:00:10+01:00 2026-11-21T08:05:00+01:00 left right
    run --separate-stderr pumplog plan next --mode exclusive
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "The pump timer started at 2026-11-21 08:05 has run 3 h 15 min: stop it with" ]
    [ "${lines[1]}" = "pumplog pump stop AMOUNT --dur DURATION --started 08:05, or" ]
    [ "${lines[2]}" = "pumplog pump stop --cancel --started 08:05." ]
    [ "${lines[3]}" = "The pump timer started at 2026-11-21 08:00 has run 3 h 19 min: stop it with" ]
    [ "${lines[4]}" = "pumplog pump stop AMOUNT --dur DURATION --started 08:00, or" ]
    [ "${lines[5]}" = "pumplog pump stop --cancel --started 08:00." ]
    run --separate-stderr pumplog status
    [[ "$output" == *"--started 08:05"*"--started 08:00"* ]]
}

@test "status keeps a last pump days ago within 80 columns: a day or more ago in whole hours" {
    three_hourly
    journal_line '{"v":1,"id":"p-old","type":"pump","at":"2026-11-19T07:22:00+01:00","ml":98,"left_ml":50,"right_ml":48,"dur_s":900}'
    run --separate-stderr pumplog status --now "2026-11-21T07:00:00+01:00"
    [[ "$output" == *$'\n  Last pump  2026-11-19 07:22, 48 h ago: pumped 98 ml (L 50 / R 48), 15 min\n'* ]]
    [ "$(awk '{ if (length($0) > 80) print }' <<<"$output")" = "" ]
    run --separate-stderr pumplog status --format json --now "2026-11-21T07:00:00+01:00"
    [ "$(jq .last_pump.ago_min <<<"$output")" = 2858 ]
}

@test "status rounds the usual volumes to the ml: an average of days is an estimate" {
    three_hourly
    journal_line '{"v":1,"id":"f-extra","type":"feed","at":"2026-11-18T11:30:00+01:00","method":"bottle","ml":33,"milk":"breast"}'
    run --separate-stderr pumplog status
    [[ "$output" == *"  Usual      555 ml by now, 915 ml a day (last 7 days)"* ]]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.today.usual_by_now_ml, .today.usual_day_ml]' <<<"$output")" = '[554.7,914.7]' ]
}

# Review A s53: bottles on 3 of the last 7 days (logging gaps) were "(last 3 days)", which reads as the 3 days
# before today: the row says how many of the 7 it averaged.
@test "status's usual day says how many of the last 7 days it averaged when some had no bottle" {
    export TZ=America/Los_Angeles PUMPLOG_NOW=2026-11-19T07:00:00-08:00
    local day
    for day in 2026-11-10 2026-11-12 2026-11-17 2026-11-18; do
        journal_line "{\"v\":1,\"id\":\"b-$day\",\"type\":\"feed\",\"at\":\"${day}T10:00:00-08:00\",\"method\":\"bottle\",\"ml\":200}"
    done
    journal_line '{"v":1,"id":"b-x","type":"feed","at":"2026-11-18T05:00:00-08:00","method":"bottle","ml":12}'
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    # 11-12, 11-17 and 11-18 (11-10 is 9 days back): (200 + 200 + 212) / 3 = 204; by 07:00, 12 / 3 = 4.
    [ "${lines[3]}" = "  Usual      4 ml by now, 204 ml a day (3 of the last 7 days)" ]
    [ "$(awk '{ if (length($0) > 80) print }' <<<"$output")" = "" ]
}

@test "bare pumplog prints status; status fits 80 columns and has no colour off a terminal" {
    three_hourly
    pumplog add L50 R60 --at 13:05 >/dev/null
    pumplog config set mode exclusive >/dev/null
    run --separate-stderr pumplog
    [ "$status" -eq 0 ]
    [ "$output" = "Today, Sat 2026-11-21 14:05
  Pumped     220 ml in 2 sessions (1 with sides: L 50 / R 60)
  Baby       no bottle yet
  Usual      550 ml by now, 910 ml a day (last 7 days)
  Last pump  13:05, 1 h ago: pumped 110 ml (L 50 / R 60)
  Last feed  2026-11-20 22:00, 16 h 5 min ago: bottle 100 ml of breast milk
  Next pump  Pump at 16:00 (in 1 h 55 min), aim for 120 ml
  Stash      empty" ]
    run pumplog status
    [ "$(awk '{ if (length($0) > 80) print }' <<<"$output")" = "" ]
    [[ "$output" != *$'\e'* ]]
    run pumplog status --color always
    [[ "$output" == *$'\e[1m'* ]]
}

@test "status names expired milk in one row to discard, not as Expiring at a time gone by" {
    local i
    for i in 1 2 3 4 5 6; do
        journal_line "{\"v\":1,\"id\":\"s$i\",\"type\":\"store\",\"at\":\"2026-11-1${i}T08:00:00+01:00\",\"ml\":100,\"place\":\"fridge\",\"pumped\":\"2026-11-1${i}T08:00:00+01:00\",\"label\":\"B$i\"}"
    done
    export PUMPLOG_NOW=2026-11-19T07:00:00+01:00
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [[ "$output" == *"
  Stash      200 ml usable in 2 containers
  Expired    400 ml in 4 containers: discard them (see pumplog stock)
  Expiring   B5 100 ml in the fridge, at 08:00 today" ]]
    [[ "$output" != *"Expiring   B1"* ]]
    # one expired container is named
    PUMPLOG_NOW=2026-11-15T09:00:00+01:00 run --separate-stderr pumplog status
    [[ "$output" == *"  Expired    B1 100 ml in the fridge, since 08:00 today: discard it
  Expiring   B2 100 ml in the fridge, at 08:00 tomorrow" ]]
    # JSON keeps listing every one, expired ones included
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.stash.expiring[].label]' <<<"$output")" = '["B1","B2","B3","B4","B5"]' ]
}

@test "status shows the stash as of now: a store, use or move after --now has not happened yet" {
    journal_line '{"v":1,"id":"s1","type":"store","at":"2026-11-21T09:00:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-21T09:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"s2","type":"store","at":"2026-11-21T15:00:00+01:00","ml":80,"place":"fridge","pumped":"2026-11-21T15:00:00+01:00","label":"B2"}'
    journal_line '{"v":1,"id":"u1","type":"use","at":"2026-11-21T16:00:00+01:00","target":"s1","ml":20}'
    journal_line '{"v":1,"id":"m1","type":"move","at":"2026-11-21T17:00:00+01:00","target":"s2","place":"freezer"}'
    run --separate-stderr pumplog status --now "2026-11-21T08:00:00+01:00"
    [[ "$output" == *$'\n  Stash      empty'* ]]
    run --separate-stderr pumplog status --format json --now "2026-11-21T08:00:00+01:00"
    [ "$(jq -c '[.stash.usable_ml, .stash.containers, .stash.expiring]' <<<"$output")" = '[0,0,[]]' ]
    run --separate-stderr pumplog status --now "2026-11-21T14:05:00+01:00"
    [[ "$output" == *$'\n  Stash      50 ml usable in 1 container'* ]]
    run --separate-stderr pumplog status --now "2026-11-21T15:30:00+01:00"
    [[ "$output" == *$'\n  Stash      130 ml usable in 2 containers'* ]]
    run --separate-stderr pumplog status --now "2026-11-21T16:30:00+01:00"
    [[ "$output" == *$'\n  Stash      110 ml usable in 2 containers'* ]]
    # B1 expires within 24 hours; B2, in the freezer since 17:00, does not
    run --separate-stderr pumplog status --format json --now "2026-11-24T12:00:00+01:00"
    [ "$(jq -c '[.stash.usable_ml, .stash.containers, [.stash.expiring[].label]]' <<<"$output")" = '[110,2,["B1"]]' ]
}

@test "status JSON gives volumes to 0.1 ml or 0.01 oz, rounded as report and stock round them" {
    pumplog config set babies "Ada, Ben" >/dev/null
    journal_line '{"v":1,"id":"p1","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100,"left_ml":46.65,"right_ml":53.35}'
    journal_line '{"v":1,"id":"f1","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"bottle","ml":60,"milk":"breast","baby":"Ada"}'
    journal_line '{"v":1,"id":"f2","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":16.65,"milk":"breast","baby":"Ben"}'
    journal_line '{"v":1,"id":"s1","type":"store","at":"2026-11-21T10:00:00+01:00","ml":80,"place":"fridge","pumped":"2026-11-21T10:00:00+01:00","label":"B1"}'
    run --separate-stderr pumplog status --format json --unit oz --now "2026-11-24T12:00:00+01:00"
    [ "$(jq -c '[.last_pump.oz, .last_feed.oz, .babies[].last_feed.oz, .stash.usable_oz, .stash.expiring[0].oz]' <<<"$output")" = '[3.38,0.56,2.03,0.56,2.71,2.71]' ]
    run --separate-stderr pumplog status --format json --unit oz
    [ "$(jq -c '[.today.pumped_oz, .today.left_oz, .today.right_oz, .today.bottle_oz, (.babies[] | .bottle_oz)]' <<<"$output")" = '[3.38,1.58,1.8,2.59,2.03,0.56]' ]
    [ "$(pumplog report --since today --format json --unit oz | jq -c '.[0] | [.pumped_oz, .left_oz, .right_oz, .bottle_oz]')" = '[3.38,1.58,1.8,2.59]' ]
    # in ml to 0.1, half away from zero from the journal's hundredths (16.65 is 16.7), as report
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.today.left_ml, .today.right_ml, .today.bottle_ml, (.babies[] | .bottle_ml), .last_feed.ml]' <<<"$output")" = '[46.7,53.4,76.7,60,16.7,16.7]' ]
}

@test "status names the 3 containers expiring soonest and sums up the rest in one row: one screen" {
    local i line
    for i in 1 2 3 4 5 6; do
        line="{\"v\":1,\"id\":\"s$i\",\"type\":\"store\",\"at\":\"2026-11-19T0${i}:00:00+01:00\",\"ml\":${i}0,"
        line+="\"place\":\"fridge\",\"pumped\":\"2026-11-18T0${i}:00:00+01:00\",\"label\":\"B$i\"}"
        journal_line "$line"
    done
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [[ "$output" == *"
  Stash      210 ml usable in 6 containers
  Expiring   B1 10 ml in the fridge, at 01:00 tomorrow
  Expiring   B2 20 ml in the fridge, at 02:00 tomorrow
  Expiring   B3 30 ml in the fridge, at 03:00 tomorrow
             and 3 more containers, 150 ml (see pumplog stock)" ]]
    [ "$(grep -c Expiring <<<"$output")" -eq 3 ]
    # The row points where the rest are always listed: stock expiring names each container once per window,
    # so after its cron run it prints nothing, while stock lists every container soonest first.
    export XDG_STATE_HOME="$TEST_DIR/state"
    run --separate-stderr pumplog stock expiring
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog stock expiring
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    run --separate-stderr pumplog status
    [[ "$output" == *"and 3 more containers, 150 ml (see pumplog stock)" ]]
    run --separate-stderr pumplog stock
    [ "$status" -eq 0 ]
    [ "$(awk 'NR > 1 && NF > 1 { printf "%s ", $2 }' <<<"${output%%$'\n\n'*}")" = "B1 B2 B3 B4 B5 B6 " ]
    # JSON keeps every one
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.stash.expiring[].label]' <<<"$output")" = '["B1","B2","B3","B4","B5","B6"]' ]
    # 4 are named: a row for 1 more would take the same room
    journal_line '{"v":1,"id":"d5","type":"discard","at":"2026-11-21T10:00:00+01:00","target":"s5"}'
    journal_line '{"v":1,"id":"d6","type":"discard","at":"2026-11-21T10:00:00+01:00","target":"s6"}'
    run --separate-stderr pumplog status
    [[ "$output" == *"
  Expiring   B3 30 ml in the fridge, at 03:00 tomorrow
  Expiring   B4 40 ml in the fridge, at 04:00 tomorrow" ]]
    [[ "$output" != *"more container"* ]]
}

@test "status says when no pump is planned (no away hours set) instead of leaving the row out" {
    three_hourly
    run --separate-stderr pumplog plan next
    [ "$output" = "No pump is planned in the next 8 days; see pumplog plan." ]
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [[ "$output" == *"
  Next pump  none planned in the next 8 days (see pumplog plan)
  Stash      empty" ]]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c .next_pump <<<"$output")" = "null" ]
}

@test "a pump announced, then moved a few minutes by a feed logged late, is not announced again as new" {
    local d h
    # The 09:30 feed comes 10 min either side on some days: a baby fed at 09:30
    # to the minute every day keeps her 09:30 pump when one feed is logged at
    # 09:10 (an odd time on one day does not move a slot).
    local -A fed=([13]=09:40 [14]=09:20 [15]=09:35 [16]=09:25 [17]=09:40 [18]=09:20 [19]=09:30)
    for d in 13 14 15 16 17 18 19; do
        for h in 00:30 03:30 06:30 "${fed[$d]}" 12:30 15:30 18:30 21:30; do
            journal_line "{\"v\":1,\"id\":\"f-$d-$h\",\"type\":\"feed\",\"at\":\"2026-11-${d}T$h:00+01:00\",\"method\":\"bottle\",\"ml\":100,\"milk\":\"breast\"}"
        done
    done
    pumplog config set mode exclusive > /dev/null
    run --separate-stderr pumplog plan next --within 10m --now 2026-11-20T09:20:00+01:00
    [ "$output" = "Pump at 09:30 (in 10 min), aim for 100 ml" ]
    pumplog log feed 100ml --at 09:10 --now 2026-11-20T09:21:00+01:00 > /dev/null
    run --separate-stderr pumplog plan next --now 2026-11-20T09:21:00+01:00
    [ "$output" = "Pump at 09:25 (in 4 min), aim for 100 ml" ]
    local m said=""
    for m in 09:25 09:30 09:35 09:40 09:45 09:50 09:55 10:00; do
        run --separate-stderr pumplog plan next --within 10m --now "2026-11-20T$m:00+01:00"
        [ "$status" -eq 0 ] && said+="$m $output;"
    done
    # the moved pump is the one announced: only its overdue reminder, once
    [ "$said" = "09:55 Pump now: the 09:25 pump is 30 min overdue, aim for 100 ml;" ]
}
