#!/usr/bin/env bats
# `plan`, `plan next`, `plan stash`: the timetable from the baby's cadence.
load helpers
bats_require_minimum_version 1.5.0

load plan_days

# A baby fed every 3 hours, the week before now (Sat 2026-11-21 14:05, Berlin).
three_hourly() {
    baby 2026-11-14 7 "01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100"
}

# A Python with python3-icalendar (Debian's, not a pyenv one without it).
icalendar_python() {
    local py
    for py in /usr/bin/python3 python3; do
        if "$py" -c 'import icalendar' 2>/dev/null; then
            echo "$py"
            return 0
        fi
    done
    echo "python3-icalendar is needed for this test (apt-get install python3-icalendar)" >&2
    return 1
}

@test "plan --format json has the shape of SPEC 7" {
    three_hourly
    run --separate-stderr pumplog plan --on 2026-11-23 --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$(jq -c 'keys_unsorted' <<<"$output")" = '["basis","slots","pumps","advice","advice_items","not_planned"]' ]
    [ "$(jq -c '.basis' <<<"$output")" = '{"feeds":56,"merged":0,"days":7,"since":"2026-11-14T00:00:00+01:00","until":"2026-11-21T14:05:00+01:00"}' ]
    [ "$(jq -c '.slots[0], (.slots | length)' <<<"$output" | paste -sd' ')" = '{"time":"01:00","ml":90,"seen":7,"estimated":false} 8' ]
    [ "$(jq -c '[.slots[].time]' <<<"$output")" = '["01:00","04:00","07:00","10:00","13:00","16:00","19:00","22:00"]' ]
    [ "$(jq -c '.pumps' <<<"$output")" = '[{"at":"2026-11-23T10:00:00+01:00","target_ml":120,"expected_ml":null,"covers":["2026-11-23T10:00:00+01:00"],"estimated":false,"extra":false,"reason":"covers the 10:00 feed"},{"at":"2026-11-23T13:00:00+01:00","target_ml":110,"expected_ml":null,"covers":["2026-11-23T13:00:00+01:00"],"estimated":false,"extra":false,"reason":"covers the 13:00 feed"},{"at":"2026-11-23T16:00:00+01:00","target_ml":120,"expected_ml":null,"covers":["2026-11-23T16:00:00+01:00"],"estimated":false,"extra":false,"reason":"covers the 16:00 feed"}]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "No pump was logged from 2026-11-14 to 2026-11-21, so the expected yield is unknown: log your pumps (pumplog add 90ml) and the plan will compare them with what the baby drinks." ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[{"kind":"no_pumps_logged","since":"2026-11-14","until":"2026-11-21"}]' ]
    [ "$(jq 'has("progress")' <<<"$output")" = false ]
}

@test "plan --unit oz uses _oz keys" {
    three_hourly
    run --separate-stderr pumplog plan --on 2026-11-23 --away "mon-fri 08:00-17:30" --format json --unit oz
    [ "$status" -eq 0 ]
    [ "$(jq -c '.slots[3], .pumps[0]' <<<"$output" | paste -sd' ')" = '{"time":"10:00","oz":4.06,"seen":7,"estimated":false} {"at":"2026-11-23T10:00:00+01:00","target_oz":4.06,"expected_oz":null,"covers":["2026-11-23T10:00:00+01:00"],"estimated":false,"extra":false,"reason":"covers the 10:00 feed"}' ]
}

@test "the plan table is a timetable with its basis and advice" {
    three_hourly
    pumps 2026-11-14 7 "10:00=100 13:00=100 16:00=100"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Pumping plan for Mon 2026-11-23 (Europe/Berlin)" ]
    [ "${lines[1]}" = "day             time   target  expected  why" ]
    # Within 80 columns: the CDC's words are in the advice (and whole in CSV, JSON, the calendar).
    [ "${lines[2]}" = "Mon 2026-11-23  08:00   50 ml    100 ml  extra: makes up 50 ml (CDC: see advice)" ]
    local table=("${lines[@]}")
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format csv
    [ "$(sed -n 2p <<<"$output" | cut -d, -f5-)" = "true,extra: makes up 50 ml (CDC: add a session when you cannot pump as much as the baby eats),false" ]
    lines=("${table[@]}")
    [ "${lines[3]}" = "Mon 2026-11-23  10:00  120 ml    100 ml  covers the 10:00 feed" ]
    [ "${lines[5]}" = "Mon 2026-11-23  16:00  120 ml    100 ml  covers the 16:00 feed" ]
    [ "${lines[6]}" = "The baby's day: 01:00 90 ml (seen 7 d), 04:00 100 ml (seen 7 d), 07:00 130 ml (seen 7 d), 10:00 120 ml (seen 7 d), 13:00 110 ml (seen 7 d), 16:00 120 ml (seen 7 d), 19:00 140 ml (seen 7 d), 22:00 100 ml (seen 7 d)" ]
    [ "${lines[7]}" = "Basis: 56 feeds on 7 days from 2026-11-14 00:00 to 2026-11-21 14:05." ]
    [ "${lines[8]}" = "Advice: While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 350 ml; your 3 pumps are expected to give about 300 ml, 50 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats while you are away: pump also at 08:00 (about 100 ml expected)." ]
}

@test "no shortfall advice when the pumps give what the baby drinks" {
    three_hourly
    pumps 2026-11-14 7 "10:00=120 13:00=120 16:00=120"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, .expected_ml]], .advice' <<<"$output" | paste -sd' ')" = '[["10:00",120,120],["13:00",110,120],["16:00",120,120]] []' ]
}

@test "plan defaults to the next 24 hours and honours config and flags" {
    three_hourly
    run --separate-stderr pumplog plan --mode exclusive --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "at,target_ml,expected_ml,covers,extra,reason,estimated" ]
    [ "${lines[1]}" = "2026-11-21T16:00:00+01:00,120,,2026-11-21T16:00:00+01:00,false,covers the 16:00 feed,false" ]
    [ "${lines[8]}" = "2026-11-22T13:00:00+01:00,110,,2026-11-22T13:00:00+01:00,false,covers the 13:00 feed,false" ]
    [ "${#lines[@]}" -eq 9 ]
    pumplog config set mode exclusive >/dev/null
    run --separate-stderr pumplog plan --format csv
    [ "${#lines[@]}" -eq 9 ]
    # Both spellings of a setting flag; a merge under a long min_gap.
    run --separate-stderr pumplog plan --min-gap 4h --format csv
    [ "$status" -eq 0 ]
    local dashed="$output"
    run --separate-stderr pumplog plan --min_gap 4h --format csv
    [ "$output" = "$dashed" ]
    [ "$(grep -c 'covers the' <<<"$output")" -lt 8 ]
}

@test "plan next says when to pump and how much" {
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40"
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 1 h 20 min), aim for 120 ml" ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --format json
    [ "$output" = $'{\n  "at": "2026-11-21T16:00:00+01:00",\n  "in_min": 80,\n  "target_ml": 120\n}' ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 23:40"
    [ "$output" = "Pump at 01:00 tomorrow (in 1 h 20 min), aim for 90 ml" ]
}

@test "plan next --format csv: the JSON's fields as a header and one row" {
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --format csv
    [ "$status" -eq 0 ]
    [ "$output" = $'at,in_min,target_ml,estimated\n2026-11-21T16:00:00+01:00,80,120,false' ]
    # Overdue: a negative number, not neutralised as a formula; oz keys with --unit oz.
    run --separate-stderr pumplog plan next --mode exclusive --unit oz --format csv
    [ "$output" = $'at,in_min,target_oz,estimated\n2026-11-21T13:00:00+01:00,-65,3.72,false' ]
}

@test "plan next reports a pump whose time passed without a logged pump as overdue" {
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 13:00 pump is 1 h 5 min overdue, aim for 110 ml" ]
    run --separate-stderr pumplog plan next --mode exclusive --format json
    [ "$(jq -c . <<<"$output")" = '{"at":"2026-11-21T13:00:00+01:00","in_min":-65,"target_ml":110}' ]
    # A pump logged since then does it.
    pumplog add 100ml --at 13:10 >/dev/null
    run --separate-stderr pumplog plan next --mode exclusive
    [ "$output" = "Pump at 16:00 (in 1 h 55 min), aim for 120 ml" ]
}

@test "plan next --within is silent with exit 1 when nothing is due" {
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    [ "$stderr" = "" ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ]
    # Overdue is due.
    run --separate-stderr pumplog plan next --mode exclusive --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 13:00 pump is 1 h 5 min overdue, aim for 110 ml" ]
    # Away mode with no away window: nothing ever due.
    run --separate-stderr pumplog plan next --within 10m
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    run --separate-stderr pumplog plan next
    [ "$status" -eq 0 ]
    [ "$output" = "No pump is planned in the next 8 days; see pumplog plan." ]
}

# A crash mid-write leaves an incomplete last line (SPEC 8): cron mails what
# a query prints on stderr, so a cron-style query says it once, not each run.
@test "plan next --within and stock expiring warn of a damaged line once; other commands each time" {
    three_hourly
    printf '%s' '{"v":1,"id":"crash","type":"feed","at":"2026-11-21T1' >> "$J"
    cp "$J" "$TEST_DIR/before"
    local warning="pumplog: warning: $J:57: an incomplete last line (not valid JSON); skipped (see pumplog log check)"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m
    [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "$warning" ]
    local t
    for t in 14:45 14:50 14:55; do
        run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 $t" --within 10m
        [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
        run --separate-stderr pumplog stock expiring --now "2026-11-21 $t"
        [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    done
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m
    [ "$status" -eq 0 ] && [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ] && [ "$stderr" = "" ]
    # Asked in a terminal, the warning is given every time.
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40"
    [ "$status" -eq 0 ] && [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog log check
    [[ "$stderr$output" == *":57: "* ]]
    cmp "$J" "$TEST_DIR/before"
    # Other damage is new: said once more.
    journal_line ''
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:00" --within 10m
    [ "$status" -eq 1 ] && [ "$stderr" = "pumplog: warning: $J:57: not valid JSON; skipped (see pumplog log check)" ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:05" --within 10m
    [ "$status" -eq 1 ] && [ "$stderr" = "" ]
}

# A journal that cannot be read is exit 3 at every run (SPEC 2), but cron mails stderr: plan next --within says
# why once, again a day later or when the error changes, and at once when it comes back after a good read.
@test "plan next --within says once a day that it cannot read the journal, exit 3 every time" {
    three_hourly
    cp "$J" "$TEST_DIR/journal"
    rm "$J"
    mkdir "$J"
    local folder="pumplog: error: journal $J is not a regular file: it is a folder; give -j or PUMPLOG_JOURNAL a file"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m
    [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "$folder" ]
    local t
    for t in "2026-11-21 14:45" "2026-11-21 15:52" "2026-11-22 14:39"; do
        run --separate-stderr pumplog plan next --mode exclusive --now "$t" --within 10m
        [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    done
    # In a terminal, every time.
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:50"
    [ "$status" -eq 3 ] && [ "$output" = "" ] && [ "$stderr" = "$folder" ]
    # A day after it was said, once more.
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 14:40" --within 10m
    [ "$status" -eq 3 ] && [ "$stderr" = "$folder" ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 14:45" --within 10m
    [ "$status" -eq 3 ] && [ "$stderr" = "" ]
    # Another error is said at once.
    rmdir "$J"
    mkfifo "$J"
    local fifo="pumplog: error: journal $J is not a regular file: it is a pipe or FIFO; give -j or PUMPLOG_JOURNAL"
    fifo+=" a file"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 14:50" --within 10m
    [ "$status" -eq 3 ] && [ "$stderr" = "$fifo" ]
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 14:55" --within 10m
    [ "$status" -eq 3 ] && [ "$stderr" = "" ]
    # Read again, then not: said at once.
    rm "$J"
    cp "$TEST_DIR/journal" "$J"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 15:00" --within 10m
    [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    cmp "$J" "$TEST_DIR/journal"
    rm "$J"
    mkfifo "$J"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-22 15:05" --within 10m
    [ "$status" -eq 3 ] && [ "$stderr" = "$fifo" ]
}

# A link planted where the lock file goes must not have it created wherever it points.
@test "plan next --within never opens the reminder lock through a link" {
    three_hourly
    pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m || true
    local lock
    lock="$(echo "$HOME"/.local/state/pumplog/reminders-*.lock)"
    rm "$lock"
    ln -s "$TEST_DIR/elsewhere" "$lock"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ]
    [ "$stderr" = "pumplog: warning: cannot lock $lock: it is a link or not a plain file; reminders may repeat" ]
    [ ! -e "$TEST_DIR/elsewhere" ]
    [ -L "$lock" ]
}

# Two schedulers (the crontab and the systemd timer of examples/) can run at once.
@test "overlapping plan next --within runs remind once: the reminder state is locked" {
    command -v flock >/dev/null || skip "flock(1) is not installed (util-linux)"
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m
    [ "$status" -eq 1 ]
    local lock
    lock="$(echo "$HOME"/.local/state/pumplog/reminders-*.lock)"
    [ -f "$lock" ]
    # While another run holds the lock, a run waits for it.
    ( flock -x 9; touch "$TEST_DIR/locked"; sleep 1; echo held >> "$TEST_DIR/order" ) 9>"$lock" &
    while [ ! -e "$TEST_DIR/locked" ]; do sleep 0.05; done
    pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m >> "$TEST_DIR/order"
    wait
    [ "$(cat "$TEST_DIR/order")" = "held
Pump at 16:00 (in 8 min), aim for 120 ml" ]
    # Eight runs started together: one reminds.
    local k i
    for k in 1 2 3; do
        rm -rf "$HOME/.local/state"
        for i in 1 2 3 4 5 6 7 8; do
            pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m > "$TEST_DIR/out$i" &
        done
        wait
        [ "$(cat "$TEST_DIR"/out? | grep -c 'Pump at')" -eq 1 ]
    done
}

# A run that cannot take the lock in time says so only when it reminds: exit 1 prints nothing (SPEC 2), and
# cron mails whatever is printed.
@test "plan next --within held off the reminder lock warns only when it has a reminder to print" {
    command -v flock >/dev/null || skip "flock(1) is not installed (util-linux)"
    three_hourly
    pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m || true
    local lock
    lock="$(echo "$HOME"/.local/state/pumplog/reminders-*.lock)"
    ( flock -x 9; touch "$TEST_DIR/locked"; while [ ! -e "$TEST_DIR/release" ]; do sleep 0.05; done ) 9>"$lock" &
    while [ ! -e "$TEST_DIR/locked" ]; do sleep 0.05; done
    export PUMPLOG_LOCK_TIMEOUT_MS=100
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:45" --within 10m
    local quiet="$status/$output/$stderr"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" --within 10m
    touch "$TEST_DIR/release"
    wait
    [ "$quiet" = "1//" ]
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ]
    [ "$stderr" = "pumplog: warning: cannot lock $lock; reminders may repeat" ]
    # A link in its place: the same.
    rm "$lock"
    ln -s "$TEST_DIR/elsewhere" "$lock"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:53" --within 10m
    [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    [ ! -e "$TEST_DIR/elsewhere" ]
}

@test "plan next --within held off the reminder lock after a read error still warns with its reminder" {
    command -v flock >/dev/null || skip "flock(1) is not installed (util-linux)"
    # Review s48: the first readable run after an error forgot it in a quiet write, which dropped the warning.
    three_hourly
    mv "$J" "$TEST_DIR/journal"
    mkdir "$J"
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:40" --within 10m
    [ "$status" -eq 3 ]
    rmdir "$J"
    mv "$TEST_DIR/journal" "$J"
    local lock
    lock="$(echo "$HOME"/.local/state/pumplog/reminders-*.lock)"
    [ -e "$lock" ]
    ( flock -x 9; touch "$TEST_DIR/locked"; while [ ! -e "$TEST_DIR/release" ]; do sleep 0.05; done ) 9>"$lock" &
    while [ ! -e "$TEST_DIR/locked" ]; do sleep 0.05; done
    PUMPLOG_LOCK_TIMEOUT_MS=100 run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 15:52" \
        --within 10m
    touch "$TEST_DIR/release"
    wait
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 16:00 (in 8 min), aim for 120 ml" ]
    [ "$stderr" = "pumplog: warning: cannot lock $lock; reminders may repeat" ]
}

@test "plan next reads only recent history" {
    # A damaged line at the start of a long journal is never reached.
    journal_line '{"v":1,"id":"broken","type":"feed","at":'
    for i in $(seq 1 300); do
        journal_line "{\"v\":1,\"id\":\"old$i\",\"type\":\"feed\",\"at\":\"2025-01-01T08:00:00+01:00\",\"method\":\"bottle\",\"ml\":50,\"milk\":\"breast\"}"
    done
    # the last of them written by pumplog then (a ULID id of that time): a read may stop past it
    journal_line '{"v":1,"id":"01ETM2B1C00000000000000000","type":"feed","at":"2025-01-01T09:00:00+01:00","method":"bottle","ml":50,"milk":"breast"}'
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40"
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$output" = "Pump at 16:00 (in 1 h 20 min), aim for 120 ml" ]
    run --separate-stderr pumplog log --since 2025-01-01 --format csv
    [[ "$stderr" == *":1: "* ]]
}

@test "after a break in logging plan learns from the last days logged and says so" {
    # A week logged (11-03 to 11-09), nothing from 11-10 to 11-19, two days since (now: 11-21 14:05).
    baby 2026-11-03 7 "03:00=100 07:00=120 11:00=120 15:00=120 19:00=120 23:00=100"
    baby 2026-11-20 2 "03:00=100 07:00=120 11:00=120 15:00=120 19:00=120 23:00=100"
    run --separate-stderr pumplog plan --mode exclusive --format json
    [ "$status" -eq 0 ] && [ "$stderr" = "" ]
    [ "$(jq -r '.basis.since' <<< "$output")" = "2026-11-05T00:00:00+01:00" ]
    [ "$(jq -r '[.pumps[] | .at[11:16]] | join(" ")' <<< "$output")" = "15:00 19:00 23:00 03:00 07:00 11:00" ]
    run --separate-stderr pumplog plan --mode exclusive
    [[ "$output" == *"
  fewer than 3 of the last 7 days have feeds (a break in logging): learned from the last days with feeds, back to 2026-11-05."* ]]
    run --separate-stderr pumplog plan next --mode exclusive
    [ "$status" -eq 0 ] && [ "$output" = "Pump at 15:00 (in 55 min), aim for 120 ml" ]
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ] && [[ "$output" != *"not enough feeds logged"* ]]
    # Two days in all are still too few: refused, as before.
    rm -f "$PUMPLOG_JOURNAL"
    baby 2026-11-02 1 "07:00=120 13:00=120 19:00=120"
    baby 2026-11-20 1 "07:00=120 13:00=120 19:00=120"
    refused 2 pumplog plan
    # Asking for the one more day the journal needs, as the break-in-logging rule counts its days.
    [ "$stderr" = "pumplog: error: only 2 days with feeds in the journal (1 from 2026-11-13 00:00 to 2026-11-21 14:05); the plan learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 1 more day" ]
}

@test "a thin journal logged a week ago is told the days it still needs, counted over the whole journal" {
    baby 2026-11-01 2 "07:00=120 13:00=120 19:00=120"
    refused 2 pumplog plan --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: only 2 days with feeds in the journal (none from 2026-11-13 00:00 to 2026-11-21 14:05); the plan learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 1 more day" ]
    refused 2 pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30"
    [[ "$stderr" == *"only 2 days with feeds in the journal (none from"*"for 1 more day" ]]
    # Nursing without amounts (the estimate from the age) counts them as well.
    rm -f "$J"
    local day at
    for day in 2026-11-01 2026-11-20; do
        for at in 07:00 13:00 19:00; do
            journal_line "{\"v\":1,\"id\":\"b-$day-$at\",\"type\":\"feed\",\"at\":\"${day}T$at:00+01:00\",\"method\":\"breast\",\"dur_s\":900}"
        done
    done
    refused 2 pumplog plan --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: only 2 days with feeds in the journal (1 from 2026-11-13 00:00 to 2026-11-21 14:05); the plan learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 1 more day" ]
    # The one more day, logged: planned from the last days logged (the break in logging).
    baby 2026-11-21 1 "07:00=120"
    run --separate-stderr pumplog plan --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
}

@test "plan refuses too little data, saying what to log" {
    baby 2026-11-19 2 "07:00=120 13:00=120 19:00=120"
    refused 2 pumplog plan
    [ "$stderr" = "pumplog: error: only 2 days with feeds from 2026-11-13 00:00 to 2026-11-21 14:05; the plan learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 1 more day" ]
    refused 2 pumplog plan next
    # Under cron: nothing at all (SPEC 10).
    run --separate-stderr pumplog plan next --within 10m
    [ "$status" -eq 1 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    refused 2 pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30"
}

@test "plan refuses bad options with exit 2" {
    three_hourly
    refused 2 pumplog plan --format svg
    refused 2 pumplog plan --on someday
    [[ "$stderr" == *'--on "someday" is not a day; try 2026-11-23, today, tomorrow or monday' ]]
    refused 2 pumplog plan --days 0
    [ "$stderr" = "pumplog: error: --days takes 1 to 31, not 0" ]
    # Not a number: the same words, not CLI11's "could not convert".
    refused 2 pumplog plan --days x
    [ "$stderr" = 'pumplog: error: --days takes 1 to 31, not "x"' ]
    refused 2 pumplog plan --days 2.5
    [ "$stderr" = 'pumplog: error: --days takes 1 to 31, not "2.5"' ]
    refused 2 pumplog plan --min-gap 10m
    [ "$stderr" = "pumplog: error: --min-gap: min_gap takes a duration from 30m to 6h, not \"10m\"" ]
    # The gaps must fit together for one run as in `config set`: a 5 h min_gap
    # beside the 4 h max_gap_day gave pumps 3 h apart.
    refused 2 pumplog plan --mode exclusive --min-gap 5h
    [ "$stderr" = "pumplog: error: --min-gap (5 h) cannot be longer than max_gap_day (4 h); change one of them first" ]
    refused 2 pumplog plan --max-gap-night 1h30m
    [ "$stderr" = "pumplog: error: min_gap (2 h) cannot be longer than max_gap_night (1 h 30 min); change one of them first" ]
    refused 2 pumplog plan --away "someday 9-5"
    refused 2 pumplog plan --mode sometimes
    refused 2 pumplog plan next --within banana
    refused 2 pumplog plan next --format ics
    refused 2 pumplog plan stash
    refused 2 pumplog plan stash --return 2026-11-20 --away "mon-fri 08:00-17:30"
    refused 2 pumplog plan stash --return 2027-01-04
    [[ "$stderr" == *"plan stash needs the hours you will be away"* ]]
    refused 2 pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30" --target 0ml
    refused 2 pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30" --target 3x
    [ "$stderr" = 'pumplog: error: --target "3x" is neither a volume nor days of need; try 2000ml, 60oz or 3d' ]
    refused 2 pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30" --target 90d
}

@test "plan --format ics is RFC 5545 that python3-icalendar reads back" {
    local py
    py="$(icalendar_python)"
    three_hourly
    pumps 2026-11-14 7 "10:00=100 13:00=100 16:00=100"
    pumplog plan --on 2026-11-23 --days 2 --away "mon-fri 08:00-17:30" --format ics > "$TEST_DIR/plan.ics"
    pumplog plan --on 2026-11-23 --days 2 --away "mon-fri 08:00-17:30" --format json > "$TEST_DIR/plan.json"
    # CRLF everywhere, no line over 75 octets, folded lines start with a space.
    [ "$(grep -vc $'\r$' "$TEST_DIR/plan.ics")" -eq 0 ]
    [ "$(tr -d '\r' < "$TEST_DIR/plan.ics" | awk 'length($0) > 75' | wc -l)" -eq 0 ]
    grep -q $'^ ' "$TEST_DIR/plan.ics"
    grep -q $'^DTSTART;TZID=Europe/Berlin:20261123T100000\r$' "$TEST_DIR/plan.ics"
    grep -q $'^BEGIN:VTIMEZONE\r$' "$TEST_DIR/plan.ics"
    run "$py" - "$TEST_DIR/plan.ics" "$TEST_DIR/plan.json" <<'EOF'
import datetime, json, sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
plan = json.load(open(sys.argv[2]))
events = list(cal.walk("VEVENT"))
assert len(events) == len(plan["pumps"]), (len(events), len(plan["pumps"]))
for event, pump in zip(events, plan["pumps"]):
    start = event.decoded("DTSTART")
    want = datetime.datetime.fromisoformat(pump["at"])
    assert start == want and start.utcoffset() == want.utcoffset(), (start, want)
    assert event.decoded("DTEND") - start == datetime.timedelta(minutes=20)
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == datetime.timedelta(minutes=-5)
    print(event["UID"], start.isoformat(), event["SUMMARY"])
EOF
    [ "$status" -eq 0 ]
    # An extra session is a series of its own: the day's other pumps are counted without it.
    [ "${lines[0]}" = "20261123-extra-1@pumplog 2026-11-23T08:00:00+01:00 Extra pump: aim for 50 ml" ]
    [ "${lines[1]}" = "20261123-1@pumplog 2026-11-23T10:00:00+01:00 Pump: aim for 120 ml" ]
    [ "${lines[4]}" = "20261124-extra-1@pumplog 2026-11-24T08:00:00+01:00 Extra pump: aim for 50 ml" ]
    [ "${#lines[@]}" -eq 8 ]
    # The same UIDs on another run, at another time.
    pumplog plan --on 2026-11-23 --days 2 --away "mon-fri 08:00-17:30" --format ics --now 2026-11-21T20:00:00+01:00 > "$TEST_DIR/again.ics"
    [ "$(grep ^UID "$TEST_DIR/plan.ics")" = "$(grep ^UID "$TEST_DIR/again.ics")" ]
}

@test "plan --format ics with no pump planned is still a valid calendar: the zone's VTIMEZONE is its component" {
    local py
    py="$(icalendar_python)"
    three_hourly
    # Away mode and no away window: no pump to plan.
    pumplog plan --format ics > "$TEST_DIR/none.ics"
    [ "$(grep -c '^BEGIN:VEVENT' "$TEST_DIR/none.ics")" -eq 0 ]
    local zone="BEGIN:VTIMEZONE TZID:Europe/Berlin BEGIN:STANDARD DTSTART:20261025T030000 TZOFFSETFROM:+0200"
    zone+=" TZOFFSETTO:+0100 TZNAME:CET END:STANDARD END:VTIMEZONE "
    [ "$(tr -d '\r' < "$TEST_DIR/none.ics" | sed -n '/^BEGIN:VTIMEZONE$/,/^END:VTIMEZONE$/p' | tr '\n' ' ')" = "$zone" ]
    [ "$(tr -d '\r' < "$TEST_DIR/none.ics" | tail -2 | head -1)" = "END:VTIMEZONE" ]
    TZ=UTC pumplog plan --format ics > "$TEST_DIR/utc.ics"
    grep -q $'^TZID:UTC\r$' "$TEST_DIR/utc.ics"
    run "$py" - "$TEST_DIR/none.ics" "$TEST_DIR/utc.ics" <<'EOF'
import sys
import icalendar
for name in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(name, "rb").read())
    print(" ".join(c.name for c in cal.subcomponents), len(list(cal.walk("VEVENT"))))
EOF
    [ "$status" -eq 0 ]
    [ "$output" = $'VTIMEZONE 0\nVTIMEZONE 0' ]
}

@test "plan --format ics from now numbers each day's pumps from its first: a file written later keeps the UIDs" {
    three_hourly
    pumplog config set mode exclusive >/dev/null
    # the same timetable written at 08:30 and at 14:30 on Monday: the 16:00 pump is the sixth of the day in both
    pumplog plan --days 2 --format ics --now 2026-11-23T08:30:00+01:00 > "$TEST_DIR/morning.ics"
    pumplog plan --days 2 --format ics --now 2026-11-23T14:30:00+01:00 > "$TEST_DIR/afternoon.ics"
    uid_at() { tr -d '\r' < "$1" | grep -E '^(UID|DTSTART;)' | paste - - | grep "$2" | cut -f1; }
    [ "$(uid_at "$TEST_DIR/morning.ics" 20261123T100000)" = "UID:20261123-4@pumplog" ]
    [ "$(uid_at "$TEST_DIR/morning.ics" 20261123T160000)" = "UID:20261123-6@pumplog" ]
    [ "$(uid_at "$TEST_DIR/afternoon.ics" 20261123T160000)" = "UID:20261123-6@pumplog" ]
    [ "$(uid_at "$TEST_DIR/afternoon.ics" 20261123T220000)" = "UID:20261123-8@pumplog" ]
    # as the whole day's calendar numbers them
    pumplog plan --on 2026-11-23 --format ics --now 2026-11-23T08:30:00+01:00 > "$TEST_DIR/day.ics"
    [ "$(uid_at "$TEST_DIR/day.ics" 20261123T160000)" = "UID:20261123-6@pumplog" ]
    # written at 22:30, after the day's last pump: the plan begins with Tuesday's first, numbered 1
    pumplog plan --days 2 --format ics --now 2026-11-23T22:30:00+01:00 > "$TEST_DIR/evening.ics"
    [ "$(uid_at "$TEST_DIR/evening.ics" 20261124T010000)" = "UID:20261124-1@pumplog" ]
    [ "$(uid_at "$TEST_DIR/evening.ics" 20261124T160000)" = "UID:20261124-6@pumplog" ]
    [ "$(uid_at "$TEST_DIR/afternoon.ics" 20261124T010000)" = "UID:20261124-1@pumplog" ]
}

@test "plan --format ics keeps wall-clock times across a DST change" {
    local py
    py="$(icalendar_python)"
    export TZ=America/New_York PUMPLOG_NOW=2026-03-07T12:00:00-05:00
    baby 2026-02-28 7 "02:30=90 06:00=120 09:00=120 12:00=120 15:00=120 18:00=120 21:00=120"
    run --separate-stderr pumplog plan --on 2026-03-07 --days 3 --mode exclusive --max-gap-night 12h --max-gap-day 12h --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-03-07T02:30:00-05:00 2026-03-07T06:00:00-05:00 2026-03-07T09:00:00-05:00 2026-03-07T12:00:00-05:00 2026-03-07T15:00:00-05:00 2026-03-07T18:00:00-05:00 2026-03-07T21:00:00-05:00 2026-03-08T03:30:00-04:00 2026-03-08T06:00:00-04:00 2026-03-08T09:00:00-04:00 2026-03-08T12:00:00-04:00 2026-03-08T15:00:00-04:00 2026-03-08T18:00:00-04:00 2026-03-08T21:00:00-04:00 2026-03-09T02:30:00-04:00 2026-03-09T06:00:00-04:00 2026-03-09T09:00:00-04:00 2026-03-09T12:00:00-04:00 2026-03-09T15:00:00-04:00 2026-03-09T18:00:00-04:00 2026-03-09T21:00:00-04:00" ]
    pumplog plan --on 2026-03-07 --days 3 --mode exclusive --max-gap-night 12h --max-gap-day 12h --format ics > "$TEST_DIR/dst.ics"
    run "$py" - "$TEST_DIR/dst.ics" <<'EOF'
import sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for event in cal.walk("VEVENT"):
    print(event.decoded("DTSTART").astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%MZ"))
EOF
    [ "$status" -eq 0 ]
    [ "${lines[6]}" = "2026-03-08T02:00Z" ]
    [ "${lines[7]}" = "2026-03-08T07:30Z" ]
    [ "${lines[8]}" = "2026-03-08T10:00Z" ]
    [ "${#lines[@]}" -eq 21 ]
}

@test "on a spring-forward night the pump the clocks move keeps min_gap in real hours, and the advice blames the clock change, not max_gap" {
    export TZ=America/New_York PUMPLOG_NOW=2026-03-07T10:00:00-05:00
    baby 2026-02-28 7 "00:00=100 02:30=100 05:00=100 08:00=100 11:00=100 14:00=100 17:00=100 20:00=100"
    pumps 2026-02-28 7 "02:30=100 11:00=100"
    local night=(--away "daily 22:00-06:00" --on 2026-03-08)
    # The clocks go from 02:00 to 03:00: the 02:30 pump was at 03:30, 1 h 30 min before 05:00 (a min_gap
    # conflict said to be max_gap's). 03:00 is 2 real hours after 00:00 and 2 before 05:00.
    run --separate-stderr pumplog plan "${night[@]}" --max-gap-night 12h --max-gap-day 12h --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at, .covers]]' <<<"$output")" = '[["2026-03-08T00:00:00-05:00",["2026-03-08T00:00:00-05:00"]],["2026-03-08T03:00:00-04:00",["2026-03-08T03:30:00-04:00"]],["2026-03-08T05:00:00-04:00",["2026-03-08T05:00:00-04:00"]]]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
    run --separate-stderr pumplog plan "${night[@]}"
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "Sun 2026-03-08  03:00  100 ml    100 ml  covers the 03:30 feed" ]
    [[ "$output" != *Advice* ]]
    # No time keeps 2 h 15 min from 00:00 and 05:00 (4 real hours): one pump at 05:00 for both feeds.
    run --separate-stderr pumplog plan "${night[@]}" --min-gap 2h15m --format json
    [ "$(jq -c '[.pumps[] | [.at, .covers]]' <<<"$output")" = '[["2026-03-08T00:00:00-05:00",["2026-03-08T00:00:00-05:00"]],["2026-03-08T05:00:00-04:00",["2026-03-08T03:30:00-04:00","2026-03-08T05:00:00-04:00"]]]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
    # Nor one pump for both, 4 h 15 min after the 23:45 one: the 05:00 pump goes forward to 05:45, 2 h 15 min
    # after 03:30, inside the window.
    run --separate-stderr pumplog plan "${night[@]}" --min-gap 2h15m --max-gap-night 3h45m --format json
    [ "$(jq -c '[.pumps[] | .at]' <<<"$output")" = '["2026-03-08T03:30:00-04:00","2026-03-08T05:45:00-04:00","2026-03-08T23:45:00-04:00"]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
    # With the window ending at 05:10 not even that (nor 03:00 and 05:15): the pumps stay, and the advice says why.
    night=(--away "daily 22:00-05:10" --on 2026-03-08)
    run --separate-stderr pumplog plan "${night[@]}" --min-gap 2h15m --max-gap-night 3h45m --format json
    [ "$(jq -c '[.pumps[] | .at]' <<<"$output")" = '["2026-03-08T03:30:00-04:00","2026-03-08T05:00:00-04:00","2026-03-08T23:45:00-04:00"]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[{"kind":"clock_change","from":"2026-03-08T03:30:00-04:00","to":"2026-03-08T05:00:00-04:00","min_gap_min":135,"laid_out":"02:30","max_gap_min":225,"night":true}]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The clocks go forward on Sun 2026-03-08: the 02:30 pump is at 03:30, only 1 h 30 min before the 05:00 one, under the 2 h 15 min minimum (min_gap): no time that night keeps 2 h 15 min from the pumps before and after it, and one pump for both would leave a gap over 3 h 45 min (max_gap_night)." ]
    # The days around it keep the wall-clock timetable.
    run --separate-stderr pumplog plan --away "daily 22:00-06:00" --on 2026-03-09 --format json
    [ "$(jq -c '[.pumps[] | .at[11:16]]' <<<"$output")" = '["00:00","02:30","05:00"]' ]
}

@test "pumping exclusively, the spring-forward day's moved pump keeps min_gap and no conflict is said" {
    export TZ=Australia/Sydney PUMPLOG_NOW=2026-10-03T11:00:00+10:00
    baby 2026-09-26 7 "00:00=100 02:30=100 05:00=100 08:00=100 11:00=100 14:00=100 17:00=100 20:00=100"
    pumps 2026-09-26 7 "02:30=100 11:00=100"
    run --separate-stderr pumplog plan --mode exclusive --on 2026-10-04 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-10-04T00:00:00+10:00 2026-10-04T03:00:00+11:00 2026-10-04T05:00:00+11:00 2026-10-04T08:00:00+11:00 2026-10-04T11:00:00+11:00 2026-10-04T14:00:00+11:00 2026-10-04T17:00:00+11:00 2026-10-04T20:00:00+11:00" ]
    [ "$(jq -c '.pumps[1].covers' <<<"$output")" = '["2026-10-04T03:30:00+11:00"]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
    run --separate-stderr pumplog plan --mode exclusive --on 2026-10-04
    [[ "$output" != *max_gap* ]]
}

# Fed and pumped every 3 hours from 02:30, 10 ml short a pump: pumping exclusively, each day needs an extra
# session and has no time 2 h (min_gap) from every pump, so it is re-spaced (02:00, extra at 04:00, 06:00).
# The daylight-saving tests below take the whole day as night (--sleep 00:00-24:00): the new pump then goes in
# the longest gap, across the change (by day it would go at 07:00, away from it).
short_every_three_hours() {
    baby "$1" 9 "02:30=100 05:30=100 08:30=100 11:30=100 14:30=100 17:30=100 20:30=100 23:30=100"
    pumps "$1" 9 "02:30=90 05:30=90 08:30=90 11:30=90 14:30=90 17:30=90 20:30=90 23:30=90"
}

@test "pumping exclusively, the spring-forward day's extra session keeps min_gap in real hours, re-spaced as the days around it" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-03-27T20:00:00+01:00
    short_every_three_hours 2026-03-19
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-28 --days 3
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Sat 2026-03-28  02:00  100 ml     90 ml  moved to make room for an extra session; covers the 02:30 feed" ]
    [ "${lines[3]}" = "Sat 2026-03-28  04:00   80 ml     90 ml  extra: makes up 80 ml, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[4]}" = "Sat 2026-03-28  06:00  100 ml     90 ml  moved to make room for an extra session; covers the 05:30 feed" ]
    [ "${lines[10]}" = "Sat 2026-03-28  23:30  100 ml     90 ml  covers the 23:30 feed" ]
    # Not an extra session at 01:30 CET, one real hour before the 02:30 pump the clocks moved to 03:30: the
    # day is re-spaced too, 01:30 CET, 04:30, 06:30 and 08:30 CEST two real hours apart (02:00, 04:00 and 06:00
    # would put 03:00 CEST an hour before 04:00).
    [ "${lines[11]}" = "Sun 2026-03-29  01:30  100 ml     90 ml  moved to make room for an extra session; covers the 03:30 feed" ]
    [ "${lines[12]}" = "Sun 2026-03-29  04:30   80 ml     90 ml  extra: makes up 80 ml, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[13]}" = "Sun 2026-03-29  06:30  100 ml     90 ml  moved to make room for an extra session; covers the 05:30 feed" ]
    [ "${lines[14]}" = "Sun 2026-03-29  08:30  100 ml     90 ml  covers the 08:30 feed" ]
    [ "${lines[20]}" = "Mon 2026-03-30  02:00  100 ml     90 ml  moved to make room for an extra session; covers the 02:30 feed" ]
    [ "${lines[21]}" = "Mon 2026-03-30  04:00   80 ml     90 ml  extra: makes up 80 ml, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [[ "$output" == *"On Sun 2026-03-29 the baby drinks about 800 ml; your 8 pumps are expected to give about 720 ml, 80 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats: pump 9 times instead of 8, re-spaced to keep 2 h (min_gap) between pumps; the new one is at 04:30 (about 90 ml more expected), at night: your waking hours have no room for one more pump 2 h (min_gap) from the others."* ]]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-29 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-03-29T01:30:00+01:00 2026-03-29T04:30:00+02:00 2026-03-29T06:30:00+02:00 2026-03-29T08:30:00+02:00 2026-03-29T11:30:00+02:00 2026-03-29T14:30:00+02:00 2026-03-29T17:30:00+02:00 2026-03-29T20:30:00+02:00 2026-03-29T23:30:00+02:00" ]
    [ "$(jq -c '[.pumps[0:3][].covers]' <<<"$output")" = '[["2026-03-29T03:30:00+02:00"],[],["2026-03-29T05:30:00+02:00"]]' ]
    [ "$(jq -c '[.advice_items[] | [.kind, .at, .respaced]]' <<<"$output")" = '[["shortfall","2026-03-29T04:30:00+02:00",true]]' ]
    # Every gap, from the day before's 23:30 CET, at least 2 real hours.
    [ "$(TZ=UTC jq -r '["2026-03-28T23:30:00+01:00", .pumps[].at] | map((.[0:19] + "Z" | fromdate) - (.[19:20] + "1" | tonumber) * ((.[20:22] | tonumber) * 3600 + (.[23:25] | tonumber) * 60)) | [range(1; length) as $i | (.[$i] - .[$i - 1]) / 60] | join(" ")' <<<"$output")" = "120 120 120 120 180 180 180 180 180" ]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-29 --format ics
    [ "$status" -eq 0 ]
    [ "$(grep -o 'DTSTART;TZID=Europe/Berlin:[0-9T]*' <<<"$output" | head -3 | paste -sd' ')" = "DTSTART;TZID=Europe/Berlin:20260329T013000 DTSTART;TZID=Europe/Berlin:20260329T043000 DTSTART;TZID=Europe/Berlin:20260329T063000" ]
}

@test "pumping exclusively in New York, the spring-forward day's extra session keeps min_gap in real hours" {
    export TZ=America/New_York PUMPLOG_NOW=2026-03-06T20:00:00-05:00
    short_every_three_hours 2026-02-26
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-08 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-03-08T01:30:00-05:00 2026-03-08T04:30:00-04:00 2026-03-08T06:30:00-04:00 2026-03-08T08:30:00-04:00 2026-03-08T11:30:00-04:00 2026-03-08T14:30:00-04:00 2026-03-08T17:30:00-04:00 2026-03-08T20:30:00-04:00 2026-03-08T23:30:00-04:00" ]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-08
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Sun 2026-03-08  01:30  100 ml     90 ml  moved to make room for an extra session; covers the 03:30 feed" ]
    [ "${lines[3]}" = "Sun 2026-03-08  04:30   80 ml     90 ml  extra: makes up 80 ml, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[4]}" = "Sun 2026-03-08  06:30  100 ml     90 ml  moved to make room for an extra session; covers the 05:30 feed" ]
}

@test "pumping exclusively in New York, the spring-forward day's extra session is the pump that covers no feed" {
    export TZ=America/New_York PUMPLOG_NOW=2026-03-06T20:00:00-05:00
    baby 2026-02-26 10 "00:00=120 03:00=120 06:00=120 09:00=120 12:00=120 15:00=120 18:00=120 21:00=120"
    pumps 2026-02-26 10 "00:00=60 03:00=60 06:00=60 09:00=60 12:00=60 15:00=60 18:00=60 21:00=60"
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-07 --days 3
    [ "$status" -eq 0 ]
    # The days around it: the extra at 02:00 covers no feed, the pump moved to 04:00 the 03:00 feed.
    [ "${lines[3]}" = "Sat 2026-03-07  02:00  120 ml     60 ml  extra: toward the 480 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[4]}" = "Sat 2026-03-07  04:00  120 ml     60 ml  moved to make room for an extra session; covers the 03:00 feed" ]
    # 02:00 is not on the clock: 00:00 EST, 03:00, 05:00, 07:00 EDT are 2 real hours apart. The 03:00 pump
    # stays where it was, for the 03:00 feed; the 06:00 one moves to 05:00; 07:00, which covers no feed, is the
    # extra session (not the 03:00 pump, with 07:00 "moved to make room" for none).
    [ "${lines[11]}" = "Sun 2026-03-08  00:00  120 ml     60 ml  covers the 00:00 feed" ]
    [ "${lines[12]}" = "Sun 2026-03-08  03:00  120 ml     60 ml  covers the 03:00 feed" ]
    [ "${lines[13]}" = "Sun 2026-03-08  05:00  120 ml     60 ml  moved to make room for an extra session; covers the 06:00 feed" ]
    [ "${lines[14]}" = "Sun 2026-03-08  07:00  120 ml     60 ml  extra: toward the 480 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[15]}" = "Sun 2026-03-08  09:00  120 ml     60 ml  covers the 09:00 feed" ]
    [[ "$output" == *"On Sun 2026-03-08 the baby drinks about 960 ml; your 8 pumps are expected to give about 480 ml, 480 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats: pump 9 times instead of 8, re-spaced to keep 2 h (min_gap) between pumps; the new one is at 07:00 (about 60 ml more expected), at night: your waking hours have no room for one more pump 2 h (min_gap) from the others."* ]]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-08 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[0:5][] | [.at, .target_ml, .covers]]' <<<"$output")" = '[["2026-03-08T00:00:00-05:00",120,["2026-03-08T00:00:00-05:00"]],["2026-03-08T03:00:00-04:00",120,["2026-03-08T03:00:00-04:00"]],["2026-03-08T05:00:00-04:00",120,["2026-03-08T06:00:00-04:00"]],["2026-03-08T07:00:00-04:00",120,[]],["2026-03-08T09:00:00-04:00",120,["2026-03-08T09:00:00-04:00"]]]' ]
    [ "$(jq -c '[.advice_items[] | [.kind, .at, .respaced]]' <<<"$output")" = '[["shortfall","2026-03-08T07:00:00-04:00",true]]' ]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-03-08 --format ics
    [ "$status" -eq 0 ]
    [ "$(tr -d '\r' <<<"$output" | grep -E '^(UID|DTSTART;)' | paste -d' ' - - | head -5 | paste -sd,)" = "UID:20260308-1@pumplog DTSTART;TZID=America/New_York:20260308T000000,UID:20260308-2@pumplog DTSTART;TZID=America/New_York:20260308T030000,UID:20260308-3@pumplog DTSTART;TZID=America/New_York:20260308T050000,UID:20260308-extra-1@pumplog DTSTART;TZID=America/New_York:20260308T070000,UID:20260308-4@pumplog DTSTART;TZID=America/New_York:20260308T090000" ]
}

# Fed and pumped every 3 h 15 min from 01:30 (seven times a day), none in the hour a clock change skips or repeats.
every_three_and_a_quarter() {
    local day="01:30=100 04:45=100 08:00=100 11:15=100 14:30=100 17:45=100 21:00=100"
    baby "$1" 10 "$day"
    pumps "$1" 10 "$day"
}

@test "pumping exclusively, two pumps a spring-forward change falls between keep min_gap in real hours" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-03-28T20:00:00+01:00
    every_three_and_a_quarter 2026-03-18
    # 01:30 CET and 04:45 CEST are 3 h 15 min apart on the wall clock, 2 h 15 min in real hours: under a 3 h
    # min_gap. The 01:30 pump goes back to 00:45 (3 real hours before 04:45, 3 h 45 min after 21:00).
    run --separate-stderr pumplog plan --mode exclusive --on 2026-03-29 --min-gap 3h --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-03-29T00:45:00+01:00 2026-03-29T04:45:00+02:00 2026-03-29T08:00:00+02:00 2026-03-29T11:15:00+02:00 2026-03-29T14:30:00+02:00 2026-03-29T17:45:00+02:00 2026-03-29T21:00:00+02:00" ]
    [ "$(jq -c '.pumps[0].covers' <<<"$output")" = '["2026-03-29T01:30:00+01:00"]' ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
    run --separate-stderr pumplog plan next --mode exclusive --min-gap 3h --now 2026-03-29T00:10:00+01:00
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 00:45 (in 35 min), aim for 100 ml" ]
    # The days around it keep the wall-clock times.
    run --separate-stderr pumplog plan --mode exclusive --on 2026-03-30 --min-gap 3h --format json
    [ "$(jq -c '[.pumps[] | .at[11:16]]' <<<"$output")" = '["01:30","04:45","08:00","11:15","14:30","17:45","21:00"]' ]
}

@test "pumping exclusively, on the fall-back day two pumps the change falls between are further apart, not closer" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-10-24T20:00:00+02:00
    every_three_and_a_quarter 2026-10-14
    run --separate-stderr pumplog plan --mode exclusive --on 2026-10-25 --min-gap 3h --format json
    [ "$status" -eq 0 ]
    # 01:30 CEST to 04:45 CET is 4 h 15 min in real hours: the wall-clock times stay.
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-10-25T01:30:00+02:00 2026-10-25T04:45:00+01:00 2026-10-25T08:00:00+01:00 2026-10-25T11:15:00+01:00 2026-10-25T14:30:00+01:00 2026-10-25T17:45:00+01:00 2026-10-25T21:00:00+01:00" ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[]' ]
}

@test "pumping exclusively, the day before a spring-forward night is not re-spaced within min_gap in real hours of the next day's first pump" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-03-24T20:00:00+01:00
    baby 2026-03-15 10 "00:30=90 03:45=90 07:00=90 10:15=100 13:30=120 16:45=100 20:00=110 23:15=90"
    pumps 2026-03-15 10 "00:30=100 03:45=100 07:00=100 10:15=100 13:30=100 16:45=100 20:00=100 23:15=100"
    # Re-spaced every 3 h to 23:55, Saturday's last pump would be 2 h 50 min before Sunday's 03:45 CEST.
    run --separate-stderr pumplog plan --mode exclusive --on 2026-03-28 --days 2 --min-gap 3h --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[6:8][].at] | join(" ")' <<<"$output")" = "2026-03-28T23:45:00+01:00 2026-03-29T03:45:00+02:00" ]
}

@test "a spring-forward night between two pumps no time keeps min_gap for is said as the clock change" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-03-28T20:00:00+01:00
    every_three_and_a_quarter 2026-03-18
    # Away 01:00-05:00, min_gap 3h15m: 00:30 is before the window, one pump at 04:45 leaves 6 h 45 min after the
    # 21:00 feed, 05:45 is after the window: both stay, and the advice says the clocks bring them closer.
    run --separate-stderr pumplog plan --away "daily 01:00-05:00" --on 2026-03-29 --min-gap 3h15m --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-03-29T01:30:00+01:00 2026-03-29T04:45:00+02:00" ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[{"kind":"clock_change","from":"2026-03-29T01:30:00+01:00","to":"2026-03-29T04:45:00+02:00","min_gap_min":195,"laid_out":null,"max_gap_min":300,"night":true}]' ]
    [[ "$output" == *'"The clocks go forward on Sun 2026-03-29 between the 01:30 and 04:45 pumps: they are only 2 h 15 min apart, under the 3 h 15 min minimum (min_gap): no time that night keeps 3 h 15 min from the pumps before and after the first, and one pump for both would leave a gap over 5 h (max_gap_night)."'* ]]
}

@test "pumping exclusively, the fall-back day is re-spaced as the days around it, its gaps as long or longer in real hours" {
    export TZ=Europe/Berlin PUMPLOG_NOW=2026-10-23T20:00:00+02:00
    short_every_three_hours 2026-10-15
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-10-25
    [ "$status" -eq 0 ]
    # 02:00 is in the hour the clocks go back repeats: its offset says which (the first).
    [ "${lines[2]}" = "Sun 2026-10-25  02:00 (+02:00)  100 ml     90 ml  moved to make room for an extra session; covers the 02:30 (+02:00) feed" ]
    [ "${lines[3]}" = "Sun 2026-10-25  04:00            80 ml     90 ml  extra: makes up 80 ml, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[4]}" = "Sun 2026-10-25  06:00           100 ml     90 ml  moved to make room for an extra session; covers the 05:30 feed" ]
    run --separate-stderr pumplog plan --mode exclusive --sleep 00:00-24:00 --on 2026-10-25 --format json
    [ "$(jq -r '[.pumps[].at] | join(" ")' <<<"$output")" = "2026-10-25T02:00:00+02:00 2026-10-25T04:00:00+01:00 2026-10-25T06:00:00+01:00 2026-10-25T08:30:00+01:00 2026-10-25T11:30:00+01:00 2026-10-25T14:30:00+01:00 2026-10-25T17:30:00+01:00 2026-10-25T20:30:00+01:00 2026-10-25T23:30:00+01:00" ]
    # From the day before's 23:30 CEST: 02:00 CEST to 04:00 CET is 3 real hours (the repeated hour), none under 2.
    [ "$(TZ=UTC jq -r '["2026-10-24T23:30:00+02:00", .pumps[].at] | map((.[0:19] + "Z" | fromdate) - (.[19:20] + "1" | tonumber) * ((.[20:22] | tonumber) * 3600 + (.[23:25] | tonumber) * 60)) | [range(1; length) as $i | (.[$i] - .[$i - 1]) / 60] | join(" ")' <<<"$output")" = "150 180 120 150 180 180 180 180 180" ]
}

@test "plan stash gives the need, the stash, the start and the extra session" {
    three_hourly
    pumps 2026-11-14 7 "06:00=150 14:00=90"
    run --separate-stderr pumplog plan stash --return 2027-01-04 --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Back on Mon 2027-01-04: while you are away the baby drinks about 350 ml a day (the 10:00, 13:00 and 16:00 feeds), on 5 days a week." ]
    [ "${lines[1]}" = "Stash to have: 3 days of need, 1050 ml (the default; change it with --target 5d or --target 2000ml)." ]
    [ "${lines[2]}" = "Stored already: nothing still usable on Mon 2027-01-04; 1050 ml to build." ]
    [ "${lines[3]}" = "You pump at 06:00 and 14:00 already." ]
    [ "${lines[4]}" = "Start: Mon 2026-12-14 (21 days before the return)." ]
    # Not 06:00 (pumped every morning already): 2 hours (min_gap) later.
    [ "${lines[5]}" = "Extra daily session: 08:00, about 120 ml a day, 9 days to the target." ]
    [[ "$output" != *stash_days* ]]
    refused 2 pumplog plan stash --return 2026-11-26 --target lots --away "mon-fri 08:00-17:30"
    run --separate-stderr pumplog plan stash --return 2026-11-26 --target 1500ml --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    # Today's 08:00 session has passed (it is 14:05): the first is tomorrow's.
    [ "$(jq -c '[.return, .need_per_day_ml, .target_ml, .start, .session, .days_needed, .reachable]' <<<"$output")" = '["2026-11-26",350,1500,"2026-11-22",{"time":"08:00","expected_ml":120},13,false]' ]
    # The days left count from that first session, as start does: 4, not 5.
    [ "$(jq -c '.days_left' <<<"$output")" = 4 ]
    [ "$(jq -c '[.target_days, .stored_ml, .to_build_ml, .sessions]' <<<"$output")" = '[4.3,0,1500,["06:00","14:00"]]' ]
    [[ "$(jq -r '.advice[-1]' <<<"$output")" == "1500 ml more cannot be built by Thu 2026-11-26: at about 120 ml a day you will have about 480 ml in 4 days."* ]]
    # A weekday name is the next such day after today: on a Saturday, saturday is a week ahead (the help's
    # example, --return monday, works on a Monday).
    run --separate-stderr pumplog plan stash --return saturday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.return' <<<"$output")" = 2026-11-28 ]
    run --separate-stderr pumplog plan stash --return monday --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -r '.return' <<<"$output")" = 2026-11-23 ]
}

@test "a real baby's day: Eva, 20 June 2020" {
    # Bottle feeds of 6-19 June 2020 from a real log (tests/data/README.md).
    export TZ=America/Los_Angeles PUMPLOG_NOW=2020-06-20T06:00:00-07:00
    cp "$BATS_TEST_DIRNAME/../data/eva-2020-06.jsonl" "$J"
    run --separate-stderr pumplog plan --on 2020-06-20 --mode exclusive --format json
    [ "$status" -eq 0 ]
    # A Saturday's plan learns from the 7 days before its eve (Friday) and Friday, and holds the week's
    # timetable from the Saturday before, as the plan made on Friday evening does.
    [ "$(jq -c '.basis' <<<"$output")" = '{"feeds":49,"merged":0,"days":8,"since":"2020-06-12T00:00:00-07:00","until":"2020-06-20T00:00:00-07:00"}' ]
    [ "$(jq -c '[.slots[] | [.time, .ml, .seen]]' <<<"$output")" = '[["08:08",181,8],["10:39",148,7],["14:01",159,8],["16:36",152,7],["19:16",231,8],["23:18",88,8]]' ]
    # The night from 23:18 to 08:08 is split for an exclusive pumper (5 h at
    # night); the times are rounded to 5 minutes (round).
    [ "$(jq -r '[.pumps[].at[11:16]] | join(" ")' <<<"$output")" = "03:30 07:40 10:20 13:10 16:05 19:35 23:25" ]
    # The same times planned on Friday at 21:30 (the targets learn the 23:42 feed logged since).
    PUMPLOG_NOW=2020-06-19T21:30:00-07:00 run --separate-stderr pumplog plan --on 2020-06-20 --mode exclusive --format json
    [ "$(jq -r '[.pumps[].at[11:16]] | join(" ")' <<<"$output")" = "03:30 07:40 10:20 13:10 16:05 19:35 23:25" ]
    # Back at work on Monday: the four daytime bottles are pumped for, each its own amount, the median of its
    # days (not the day's volume shared out over the slots by their means, the few feeds left out of them
    # included: 181, 148, 160 and 152 ml).
    run --separate-stderr pumplog plan --on 2020-06-22 --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -r '[.pumps[] | "\(.at[11:16])=\(.target_ml)"] | join(" ")' <<<"$output")" = "08:15=177 10:45=151 14:05=151 16:35=157" ]
}

# A nursing week before now: the three-hourly times at the breast, no amounts.
nursing() {
    local d s day at
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-14 + $d day" +%F)"
        for s in 01:00 04:00 07:00 10:00 13:00 16:00 19:00 22:00; do
            at="$(date -d "$day $s" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"n-$day-$s\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"breast\",\"left_s\":600}"
        done
    done
}

@test "nursing without amounts: the estimate is shared over the plan's feeds, so the targets add up to it" {
    # 7 feeds a day, and a 14:00 feed on two of the 7 days: about 7.4 feeds a day, weighted by recency,
    # but 7 slots. 788 ml a day over the 7 (112.6 ml each, not over 7.4: 107 ml, 749 ml in all), in whole ml as
    # the plan shows them: three 112 ml and four 113 ml, spread through the day, which add up to 788 (seven 113 ml made 791).
    local d s day at
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-14 + $d day" +%F)"
        for s in 01:00 04:30 08:00 11:00 17:00 20:00 22:30; do
            at="$(date -d "$day $s" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"n-$day-$s\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"breast\",\"left_s\":600}"
        done
    done
    journal_line '{"v":1,"id":"x1","type":"feed","at":"2026-11-16T14:00:00+01:00","method":"breast","left_s":600}'
    journal_line '{"v":1,"id":"x2","type":"feed","at":"2026-11-19T14:00:00+01:00","method":"breast","left_s":600}'
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01 --on monday --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.slots[] | .ml]' <<<"$output")" = '[112,113,112,113,112,113,113]' ]
    [ "$(jq -c '.advice_items[0] | [.daily_ml, .per_feed_ml, .feeds_per_day]' <<<"$output")" = '[788,112.6,7]' ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml]]' <<<"$output")" = '[["01:00",112],["04:30",113],["08:00",112],["11:00",113],["14:00",0],["17:00",112],["20:00",113],["22:30",113]]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The targets are estimates: the 51 feedings logged were at the breast, without amounts, so the plan counts about 788 ml a day, what babies drink on day 83 (Kent et al., Pediatrics 2006), shared over the plan's 7 feeds a day: 113 ml a feed. Log some bottles with their amounts for measured targets." ]
    # In ounces the same: 788 ml is 26.65 oz, 26.7 as shown, over 7 feeds in tenths of an ounce (six 3.8 oz and one
    # 3.9 oz make 26.7), converted from the estimate, not from the whole ml (113 ml is 3.82 oz).
    run --separate-stderr pumplog --unit oz plan --mode exclusive --birth 2026-09-01 --on monday --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.slots[] | .oz]' <<<"$output")" = '[3.8,3.8,3.8,3.8,3.8,3.8,3.9]' ]
    [ "$(jq -c '.advice_items[0] | [.daily_oz, .per_feed_oz, .per_baby_daily_oz]' <<<"$output")" = '[26.7,3.81,26.7]' ]
    [ "$(jq -c '[.pumps[].target_oz] | add * 10 | round' <<<"$output")" = '267' ]
    run --separate-stderr pumplog --unit oz plan --mode exclusive --birth 2026-09-01 --on monday
    [ "$status" -eq 0 ]
    [[ "$output" == *"Mon 2026-11-23  01:00  3.8 oz (estimate)"* ]]
    [[ "$output" == *"Mon 2026-11-23  22:30  3.9 oz (estimate)"* ]]
    [[ "$output" == *"so the plan counts about 26.7 oz a day, what babies drink on day 83 (Kent et al., Pediatrics 2006), shared over the plan's 7 feeds a day: 3.8 oz a feed."* ]]
}

@test "bottles imported without an amount are worded as bottles in the estimate's advice, not as nursing" {
    # Huckleberry's 0ml bottles (pumplog-import(1): a bottle kept without a volume), 8 a day for 3 days.
    local d h rows=()
    for d in 18 19 20; do
        for h in 02 05 08 11 14 17 20 23; do
            rows+=("Feed,2026-11-$d $h:10,2026-11-$d $h:30,0:20,Breast Milk,Bottle,0ml,")
        done
    done
    printf '%s\n' 'Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes' "${rows[@]}" > hb.csv
    run --separate-stderr pumplog log import hb.csv
    [ "$status" -eq 0 ]
    local said="The targets are estimates: the 24 feedings logged were bottles without an amount, so the plan counts about"
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01
    [ "$status" -eq 0 ]
    [[ "$output" == *"Advice: $said 788 ml a day"* ]]
    [[ "$output" != *"nursing"* ]]
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01 --format json
    [ "$(jq -c '.advice_items[0] | [.feeds, .at_breast, .bottles_without_amount]' <<<"$output")" = '[24,0,24]' ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == "$said 788 ml a day"* ]]
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01 --format ics
    [[ "$(tr -d '\r' <<<"$output" | sed -n '/^X-WR-CALDESC/,/^[A-Z]/p' | sed 's/^ //' | tr -d '\n' | sed 's/\\,/,/g')" == *"$said"* ]]
    # Breast feeds beside them: both counted.
    journal_line '{"v":1,"id":"b1","type":"feed","at":"2026-11-20T12:30:00+01:00","method":"breast","left_s":600}'
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01 --format json
    [[ "$(jq -r '.advice[0]' <<<"$output")" == "The targets are estimates: the 25 feedings logged had no amount (1 at the breast and 24 bottles without an amount), so"* ]]
}

@test "one logged feed a day: each estimated target is capped at what one feed can be and the plan says why" {
    # Breast feeds without amounts, one a day on 3 days (Huckleberry's export as a parent logged it).
    printf 'Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes\n%s\n%s\n%s\n' \
        'Feed,2026-11-14 08:10,2026-11-14 08:30,0:20,00:10L,Breast,00:10R,' \
        'Feed,2026-11-17 09:10,2026-11-17 09:30,0:20,00:10L,Breast,00:10R,' \
        'Feed,2026-11-20 09:10,2026-11-20 09:30,0:20,00:10L,Breast,00:10R,' > hb.csv
    run --separate-stderr pumplog log import hb.csv
    [ "$status" -eq 0 ]
    # Day 83: 788 ml a day (Kent et al. 2006) over 6 feeds, the fewest a day Kent et al. measured: 131 ml, not 788.
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-09-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | select(.target_ml > 0) | .target_ml]' <<<"$output")" = '[131]' ]
    [ "$(jq -c '.advice_items[0] | [.daily_ml, .per_feed_ml, .feeds_per_day, .capped]' <<<"$output")" = '[788,131,1,true]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The targets are estimates: the 3 feedings logged were at the breast, without amounts, so the plan counts about 788 ml a day, what babies drink on day 81 (Kent et al., Pediatrics 2006), but each target is 131 ml, no more than one feed can be: only 1 feed a day was logged, so the feeds look incompletely logged (the day's estimate shared over 6 feeds, the fewest a day Kent et al. 2006 measured in babies of 1 to 6 months), and the targets add up to less than the day's estimate. Log some bottles with their amounts for measured targets." ]
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --birth 2026-09-01
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Mon 2026-11-23 (away 08:00-17:30): 1 bottle, 140 ml in all." ]
    [[ "$output" == *"each counts 131 ml of about 788 ml a day at day 83 (Kent et al. 2006), no more than one feed can be: only 1 feed a day was logged"* ]]
    # Past 6 months babies feed less often beside other foods: the cap is the largest breastfeed Kent et al. measured.
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-01-01 --format json
    [ "$(jq -c '.advice_items[0] | [.daily_ml, .per_feed_ml, .capped]' <<<"$output")" = '[532,240,true]' ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == *"but each target is 240 ml, no more than one feed can be: only 1 feed a day was logged, so the feeds look incompletely logged (the largest breastfeed Kent et al. 2006 measured)"* ]]
}

# Review A s53: "Basis: 19 feeds" with one of them counted as part of the feed before, then the advice's "the 18
# feeds logged": the advice counts feedings (pumplog-plan(1)), and says so, under the basis line it follows.
@test "the estimate's advice counts feedings under a basis that counts the feeds logged and the ones merged" {
    export TZ=UTC PUMPLOG_NOW=2026-11-20T06:00:00Z
    printf 'Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes\n' > min.csv
    local d h
    for d in 17 18 19; do for h in 02 06 10 14 18 22; do
        echo "Feed,2026-11-$d $h:00,2026-11-$d $h:20,00:20,00:10L,Breast,00:10R," >> min.csv
    done; done
    echo "Feed,2026-11-19 18:30,2026-11-19 18:40,00:10,00:05L,Breast,00:05R," >> min.csv
    run --separate-stderr pumplog log import min.csv
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog plan --birth 2026-10-01 --mode exclusive
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\nBasis: 19 feeds on 3 days from '*$'\n  1 feed within 45 min of the feed before counted as part of it (cluster feeding, top-ups).\n'* ]]
    [[ "$output" == *"Advice: The targets are estimates: the 18 feedings logged were at the breast, without amounts, so "* ]]
    run --separate-stderr pumplog plan --birth 2026-10-01 --mode exclusive --format json
    [ "$(jq -c '[.basis.feeds, .basis.merged, .advice_items[0].feeds, .advice_items[0].at_breast]' <<<"$output")" = \
        '[19,1,18,18]' ]
}

@test "nursing without amounts in the first days: a rising estimate from Saint et al. 1984, said to be rough" {
    # Born 2026-11-19, the first feed logged that night at 22:00, then every 3 hours to today's 13:00: feeds on
    # three days, none before the birth (a birth date after the first feed counts from that feed instead).
    local at
    for at in 2026-11-19T22:00 2026-11-20T{01,04,07,10,13,16,19,22}:00 2026-11-21T{01,04,07,10,13}:00; do
        journal_line "{\"v\":1,\"id\":\"n-$at\",\"type\":\"feed\",\"at\":\"$at:00+01:00\",\"method\":\"breast\",\"left_s\":600}"
    done
    # Today's plan is day 2's: 284 ml a day (37 ml on day 0, 408 ml on day 3), not IOM's 600.
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-11-19 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"estimated_intake","age_days":2,"daily_ml":284,"per_feed_ml":47.3,"feeds_per_day":6,"source":"Saint et al. 1984","birth":"2026-11-19","birth_assumed":false,"birth_after_first_feed":null,"rough":true,"extrapolated":false,"babies":1,"per_baby_daily_ml":284,"joint_slots":0,"feeds":14,"at_breast":14,"bottles_without_amount":0,"feeds_with_amount":0,"measured_slots":0,"capped":false}' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The targets are estimates: the 14 feedings logged were at the breast, without amounts, so the plan counts about 284 ml a day, what babies drink on day 2 (Saint et al., Br J Nutr 1984), shared over the plan's 6 feeds a day: 47 ml a feed. In the first days intake rises quickly and varies widely (Saint et al. 1984 measured 7-123 g in the first 24 hours, 98-775 g on day 3 and 453-876 g on day 5), so this estimate is rough. Log some bottles with their amounts for measured targets." ]
    # Monday's plan, day 4: between day 3 (Saint et al. 1984) and day 6 (IOM 1991): the age is the day planned's,
    # not today's.
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-11-19 --on monday --format json
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .source, .rough]' <<<"$output")" = '[4,472,"Saint et al. 1984; IOM 1991",true]' ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == *"what babies drink on day 4 (Saint et al., Br J Nutr 1984; Institute of Medicine, Nutrition During Lactation, 1991)"* ]]
    # Day 6 on: IOM's 600 ml, no longer rough.
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-11-19 --on 2026-11-25 --format json
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .source, .rough]' <<<"$output")" = '[6,600,"IOM 1991",false]' ]
    # A birth date of the 20th, after that first feed: day 2 still, from the feed (not day 1, 161 ml).
    run --separate-stderr pumplog plan --mode exclusive --birth 2026-11-20 --format json
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .birth, .birth_after_first_feed]' <<<"$output")" = '[2,284,"2026-11-19","2026-11-20"]' ]
}

@test "a plan from now after the evening's last pump counts the age of its day, as plan --on tomorrow and plan next" {
    # Born 2026-11-19, nursed every 3 hours to 22:00 today; at 23:45 the 22:00 pump is past, the next is 01:00.
    local at out
    for at in 2026-11-19T22:00 2026-11-20T{01,04,07,10,13,16,19,22}:00 2026-11-21T{01,04,07,10,13,16,19,22}:00; do
        journal_line "{\"v\":1,\"id\":\"n-$at\",\"type\":\"feed\",\"at\":\"$at:00+01:00\",\"method\":\"breast\"}"
    done
    export PUMPLOG_NOW=2026-11-21T23:45:00+01:00
    # Sunday's plan: day 3 (408 ml a day, 51 ml a feed), not today's day 2 (284 ml, 35 ml).
    for out in "" "--on tomorrow"; do
        run --separate-stderr pumplog plan --mode exclusive --birth 2026-11-19 $out --format json
        [ "$status" -eq 0 ]
        [ "$(jq -c '[.advice_items[0].age_days, .advice_items[0].daily_ml, .pumps[0].at, .pumps[0].target_ml]' \
            <<<"$output")" = '[3,408,"2026-11-22T01:00:00+01:00",51]' ]
    done
    run --separate-stderr pumplog plan next --mode exclusive --birth 2026-11-19
    [ "$output" = "Pump at 01:00 tomorrow (in 1 h 15 min), aim for 51 ml (estimate)" ]
}

# The nursing week's estimate planned on Monday with no birth date set: day 9, from the first feed logged.
nursing_week_day_9="The targets are estimates: the 56 feedings logged were at the breast, without amounts, so the plan counts about 600 ml a day, what babies drink on day 9 (Institute of Medicine, Nutrition During Lactation, 1991), shared over the plan's 8 feeds a day: 75 ml a feed. The birth date is not set, so the estimate takes the baby to be at least 9 days old, born by the first feed logged, on 2026-11-14 (if the baby is older, the norm is higher: it rises to 1 month): set it (pumplog config set birth YYYY-MM-DD) for a better estimate. Log some bottles with their amounts for measured targets."

# plan --on monday (away mon-fri 08:00-17:30) as JSON in $output: exit 0, the journal byte-identical.
plan_monday_read_only() {
    local before
    before="$(journal_sum)"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(journal_sum)" = "$before" ]
}

@test "nursing with pumps and no birth date: the targets are the norm from the first feed, so a shortfall shows" {
    # Issue 17: counted at the parent's own average pump (40 ml), every pump met its target; a pump logged
    # before the first feed (the journal's first line) is not taken for the baby's birth.
    journal_line '{"v":1,"id":"early","type":"pump","at":"2026-10-01T09:00:00+02:00","ml":40}'
    nursing
    local d
    for ((d = 14; d < 21; d++)); do
        journal_line "{\"v\":1,\"id\":\"p$d\",\"type\":\"pump\",\"at\":\"2026-11-${d}T09:00:00+01:00\",\"ml\":40}"
    done
    plan_monday_read_only
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, .expected_ml, (.covers | length)]]' <<<"$output")" = '[["08:00",75,40,0],["10:00",75,40,1],["13:00",75,40,1],["16:00",75,40,1]]' ]
    [ "$(jq -c '.advice_items[0] | [.kind, .age_days, .daily_ml, .birth, .birth_assumed]' <<<"$output")" = '["estimated_intake",9,600,"2026-11-14",true]' ]
    [ "$(jq -c '.advice_items[1] | [.kind, .need_ml, .expected_ml, .short_ml]' <<<"$output")" = '["shortfall",225,120,105]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "$nursing_week_day_9" ]
}

@test "nursing without amounts: the plan estimates the targets from the baby's age and says so" {
    nursing
    # No birth date: the age counts from the first feed logged (2026-11-14), said in the advice.
    plan_monday_read_only
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, .estimated]]' <<<"$output")" = '[["10:00",75,true],["13:00",75,true],["16:00",75,true]]' ]
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"estimated_intake","age_days":9,"daily_ml":600,"per_feed_ml":75,"feeds_per_day":8,"source":"IOM 1991","birth":"2026-11-14","birth_assumed":true,"birth_after_first_feed":null,"rough":false,"extrapolated":false,"babies":1,"per_baby_daily_ml":600,"joint_slots":0,"feeds":56,"at_breast":56,"bottles_without_amount":0,"feeds_with_amount":0,"measured_slots":0,"capped":false}' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "$nursing_week_day_9" ]
    # A feed logged 60 days before: the baby is at least that old (788 ml a day from 1 month on).
    { echo '{"v":1,"id":"first","type":"feed","at":"2026-09-22T10:00:00+02:00","method":"breast","left_s":600}'; cat "$J"; } > "$J.new"
    mv "$J.new" "$J"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[].target_ml]' <<<"$output")" = '[99,98,99]' ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .birth, .birth_assumed]' <<<"$output")" = '[62,788,"2026-09-22",true]' ]
    pumplog config set birth 2026-09-22 >/dev/null
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, .estimated]]' <<<"$output")" = '[["10:00",99,true],["13:00",98,true],["16:00",99,true]]' ]
    [ "$(jq -c '[.slots[].estimated] | unique' <<<"$output")" = '[true]' ]
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"estimated_intake","age_days":62,"daily_ml":788,"per_feed_ml":98.5,"feeds_per_day":8,"source":"Kent et al. 2006","birth":"2026-09-22","birth_assumed":false,"birth_after_first_feed":null,"rough":false,"extrapolated":false,"babies":1,"per_baby_daily_ml":788,"joint_slots":0,"feeds":56,"at_breast":56,"bottles_without_amount":0,"feeds_with_amount":0,"measured_slots":0,"capped":false}' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The targets are estimates: the 56 feedings logged were at the breast, without amounts, so the plan counts about 788 ml a day, what babies drink on day 62 (Kent et al., Pediatrics 2006), shared over the plan's 8 feeds a day: 99 ml a feed. Log some bottles with their amounts for measured targets." ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30"
    [ "${lines[2]}" = "Mon 2026-11-23  10:00  99 ml (estimate)         -  covers the 10:00 feed" ]
    # A birth date after that first feed line, which the plan does not read (weeks before the look-back): the date
    # set counts (a line the plan cannot weigh, perhaps since corrected, another baby's or an older child's in a
    # journal kept on, never overrides it; reading the whole journal for it on every plan was tried and left, code
    # review s49).
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2026-11-01 --format json
    [ "$(jq -c '[.pumps[].target_ml]' <<<"$output")" = '[89,89,89]' ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .birth, .birth_after_first_feed]' <<<"$output")" = '[22,"2026-11-01",null]' ]
    # Without that feed, a baby of 22 days on the Monday planned drinks less (IOM 1991 to Kent et al. 2006): 713 ml / 8.
    grep -v '"id":"first"' "$J" > "$J.new"
    mv "$J.new" "$J"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2026-11-01 --format json
    [ "$(jq -c '[.pumps[].target_ml]' <<<"$output")" = '[89,89,89]' ]
    # A birth after today (a slip of the year) is refused, as config set refuses it.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2027-11-01
    [ "$status" -eq 2 ]; [ -z "$output" ]
    [ "$stderr" = "pumplog: error: --birth: birth 2027-11-01 is after today (2026-11-21); set the day the baby was born" ]
    # So is one more than 5 years back (0001 for 2026).
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 0001-01-01
    [ "$status" -eq 2 ]; [ -z "$output" ]
    local accepted="set the day the baby was born, from 2021-11-21 to 2026-11-21"
    [ "$stderr" = "pumplog: error: --birth: birth 0001-01-01 is more than 5 years before today; $accepted" ]
}

@test "nursing without a birth date: the age counts from the first feed logged after 64 KiB of pumps before it" {
    # Pumps from September (1000 lines, about 80 KB: no feed in the journal's first 64 KiB), then a first feed on
    # 2026-09-22, weeks before the look-back window: the baby is at least that old.
    awk 'BEGIN { for (i = 0; i < 1000; i++) printf "{\"v\":1,\"id\":\"early-%d\",\"type\":\"pump\",\"at\":\"2026-09-%02dT%02d:%02d:00+02:00\",\"ml\":40}\n", i, 1 + int(i / 48), int(i % 48 / 2), 30 * (i % 2) }' > "$J"
    journal_line '{"v":1,"id":"first","type":"feed","at":"2026-09-22T10:00:00+02:00","method":"breast","left_s":600}'
    [ "$(head -c 65536 "$J" | grep -c '"feed"')" = 0 ]; [ "$(grep -c '"feed"' "$J")" = 1 ]
    # October's pumps (about 200 KB), so the plan's own read of the last weeks stops before that feed.
    awk 'BEGIN { for (i = 0; i < 2000; i++) printf "{\"v\":1,\"id\":\"oct-%d\",\"type\":\"pump\",\"at\":\"2026-10-%02dT%02d:%02d:00+02:00\",\"ml\":40}\n", i, 1 + int(i / 80), int(i % 80 / 4), 15 * (i % 4) }' >> "$J"
    nursing
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]; [ "$stderr" = "" ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .birth, .birth_assumed]' <<<"$output")" = '[62,788,"2026-09-22",true]' ]
    [ "$(jq -c '[.pumps[].target_ml]' <<<"$output")" = '[99,98,99]' ]
}

@test "a birth date after the first feed logged: config set warns with that feed's day, the plan counts from it" {
    # No journal yet: nothing to compare with, nothing said, no journal made.
    run --separate-stderr pumplog config set birth 2026-11-20
    [ "$status" -eq 0 ]; [ "$output" = "birth = 2026-11-20" ]; [ "$stderr" = "" ]
    [ ! -e "$J" ]
    nursing
    local before
    before="$(journal_sum)"
    # Feeds from 2026-11-14: the 20th is a slip (or that feed is). Set all the same, with a warning.
    run --separate-stderr pumplog config set birth 2026-11-20
    [ "$status" -eq 0 ]; [ "$output" = "birth = 2026-11-20" ]
    [ "$stderr" = "pumplog: warning: birth 2026-11-20 is after the first feed logged, on 2026-11-14: the baby was born by then, so plans that read that feed count the age from it; check the date (or that feed)" ]
    [ "$(pumplog config get birth)" = "2026-11-20" ]
    [ "$(journal_sum)" = "$before" ]
    # The plan counts the age from that feed (day 9, 600 ml a day), not from the 20th (day 3, 408 ml), and says so.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]; [ "$stderr" = "" ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .birth, .birth_assumed, .birth_after_first_feed]' <<<"$output")" = '[9,600,"2026-11-14",false,"2026-11-20"]' ]
    [ "$(jq -c '[.pumps[].target_ml]' <<<"$output")" = '[75,75,75]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The targets are estimates: the 56 feedings logged were at the breast, without amounts, so the plan counts about 600 ml a day, what babies drink on day 9 (Institute of Medicine, Nutrition During Lactation, 1991), shared over the plan's 8 feeds a day: 75 ml a feed. The birth date set, 2026-11-20, is after the first feed of the days the plan reads, on 2026-11-14: the baby was born by then, so the plan counts the age from that feed (day 9). Check the birth date (pumplog config set birth YYYY-MM-DD). Log some bottles with their amounts for measured targets." ]
    # plan bottles says it too.
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [[ "$output" == *"The birth date set, 2026-11-20, is after the first feed of the days the plan reads, on 2026-11-14: the baby was born by then, so the plan counts the age from that feed (day 9)."* ]]
    # On the first feed's day: nothing to warn of.
    run --separate-stderr pumplog config set birth 2026-11-14
    [ "$status" -eq 0 ]; [ "$output" = "birth = 2026-11-14" ]; [ "$stderr" = "" ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -c '.advice_items[0] | [.age_days, .birth, .birth_after_first_feed]' <<<"$output")" = '[9,"2026-11-14",null]' ]
}

@test "a feed logged on a wrong day and corrected since is no first feed against the birth date set" {
    nursing
    # A slip: October for November. Corrected with log edit --at, the line stays in the journal.
    pumplog log feed --breast --left 10m --at "2026-10-16 05:00" >/dev/null
    local ref
    ref="$(jq -r 'select(.at | startswith("2026-10-16")) | .id' "$J")"
    pumplog log edit "$ref" --at "2026-11-16 05:00" >/dev/null
    run --separate-stderr pumplog config set birth 2026-11-14
    [ "$status" -eq 0 ]; [ "$stderr" = "" ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .birth, .birth_after_first_feed]' <<<"$output")" = '[9,"2026-11-14",null]' ]
    # Uncorrected, it is said (and counted from).
    pumplog log undo >/dev/null
    run --separate-stderr pumplog config set birth 2026-11-14
    [[ "$stderr" == *"birth 2026-11-14 is after the first feed logged, on 2026-10-16"* ]]
}

@test "nursing without amounts past 12 months: the 12-month norm is held as a rough guess, not cited as the age's" {
    nursing
    # Day 365 on the Monday planned: IOM 1991's figure at 12 months, a norm for the age.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2025-11-23 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.advice_items[0] | [.age_days, .daily_ml, .source, .rough, .extrapolated]' <<<"$output")" = '[365,445,"IOM 1991",false,false]' ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == *"about 445 ml a day, what babies drink on day 365 (Institute of Medicine, Nutrition During Lactation, 1991)"* ]]
    # Day 540: IOM's figures stop at 12 months. The plan still runs on the 12-month figure, said to be a guess.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2025-06-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, .estimated]]' <<<"$output")" = '[["10:00",56,true],["13:00",56,true],["16:00",55,true]]' ]
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"estimated_intake","age_days":540,"daily_ml":445,"per_feed_ml":55.6,"feeds_per_day":8,"source":"IOM 1991","birth":"2025-06-01","birth_assumed":false,"birth_after_first_feed":null,"rough":true,"extrapolated":true,"babies":1,"per_baby_daily_ml":445,"joint_slots":0,"feeds":56,"at_breast":56,"bottles_without_amount":0,"feeds_with_amount":0,"measured_slots":0,"capped":false}' ]
    local said="The targets are estimates: the 56 feedings logged were at the breast, without amounts, so the plan counts about 445 ml a day, the norm at 12 months (Institute of Medicine, Nutrition During Lactation, 1991) held for an older child (day 540): no published norm applies past 12 months, and as other foods take over this is a rough guess. It is shared over the plan's 8 feeds a day: 56 ml a feed. Log some bottles with their amounts to plan from your own."
    [ "$(jq -r '.advice[0]' <<<"$output")" = "$said" ]
    # The table says the same.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2025-06-01
    [ "$status" -eq 0 ]
    [ "$(grep -c -F "Advice: $said" <<<"$output")" = 1 ]
    # plan stash and plan bottles word it the same way, at the age on the first day they plan (plan stash: the
    # first away day back, Mon 2026-12-14, day 561; plan bottles: Monday, day 540, as plan says), and still cite
    # a norm below 12 months.
    local held="as no norm applies past 12 months and other foods take over."
    run --separate-stderr pumplog plan stash --return 2026-12-14 --away "mon-fri 08:00-17:30" --birth 2025-06-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The need is an estimate: no feed has an amount, so each counts 56 ml of about 445 ml a day at day 561: the norm at 12 months (IOM 1991) held for an older child, a rough guess, $held" ]
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --birth 2025-06-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The sizes are estimates: no feed has an amount, so each counts 56 ml of about 445 ml a day at day 540: the norm at 12 months (IOM 1991) held for an older child, a rough guess, $held" ]
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --birth 2026-09-01 --format json
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The sizes are estimates: no feed has an amount, so each counts 99 ml of about 788 ml a day at day 83 (Kent et al. 2006)." ]
}

@test "plan stash and plan bottles estimate the intake at the age on the first day they plan, not today's" {
    nursing
    # Born 2025-11-22: day 364 today (Sat 2026-11-21), day 366 on Monday, past the 12-month norms. plan says day
    # 366 for Monday; plan bottles for Monday says the same, not today's day 364 with IOM's figure as the age's.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2025-11-22 --format json
    [ "$(jq -c '.advice_items[0] | [.age_days, .extrapolated]' <<<"$output")" = '[366,true]' ]
    local held="445 ml a day at day 366: the norm at 12 months (IOM 1991) held for an older child, a rough guess, as no norm applies past 12 months and other foods take over."
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --birth 2025-11-22 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The sizes are estimates: no feed has an amount, so each counts 56 ml of about $held" ]
    # plan stash: the first away day back, Mon 2026-11-30 (day 373), also when the return is the Saturday before.
    held="445 ml a day at day 373: the norm at 12 months (IOM 1991) held for an older child, a rough guess, as no norm applies past 12 months and other foods take over."
    local day
    for day in 2026-11-30 2026-11-28; do
        run --separate-stderr pumplog plan stash --return "$day" --away "mon-fri 08:00-17:30" --birth 2025-11-22 --format json
        [ "$status" -eq 0 ]
        [ "$(jq -r '.advice[0]' <<<"$output")" = "The need is an estimate: no feed has an amount, so each counts 56 ml of about $held" ]
    done
    # Day 365 on the day planned is still the 12-month norm's own age: cited, not held.
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --birth 2025-11-23 --format json
    [ "$(jq -r '.advice[0]' <<<"$output")" = "The sizes are estimates: no feed has an amount, so each counts 56 ml of about 445 ml a day at day 365 (IOM 1991)." ]
}

@test "a shortfall on an estimated need says it is an estimate and asks for amounts, not a lactation consultant" {
    nursing
    pumps 2026-11-14 7 "10:00=60 13:00=60 16:00=60"
    # 788 ml a day on day 83 (Kent et al. 2006), 98.5 ml a feed (98 and 99 in turn): the 3 feeds away need 296 ml, an estimate.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2026-09-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall")]' <<<"$output")" = '[{"kind":"shortfall","scope":"away","begin":"2026-11-23T08:00:00+01:00","end":"2026-11-23T17:30:00+01:00","pumps":3,"skipped":0,"need_ml":296,"expected_ml":180,"short_ml":116,"estimated":true,"at":"2026-11-23T08:00:00+01:00","extra_expected_ml":60,"missing_ml":56,"respaced":false,"overdue":false,"night":false}]' ]
    [ "$(jq -c '[.pumps[].estimated] | unique' <<<"$output")" = '[true]' ]
    [ "$(jq -r '.advice[1]' <<<"$output")" = "While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 296 ml (an estimate: feeds were logged without amounts); your 3 pumps are expected to give about 180 ml, 116 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats while you are away: pump also at 08:00 (about 60 ml expected). Even then about 56 ml is missing: give stored milk for the rest. The need is an estimate, so the shortfall may be its error, not your yield: log the amounts of a few bottles to know." ]
    # The calendar's description says the same (folded, escaped).
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --birth 2026-09-01 --format ics
    [ "$status" -eq 0 ]
    [[ "$(tr -d '\r' <<<"$output" | sed -n '/^X-WR-CALDESC/,/^[A-Z]/p' | sed 's/^ //' | tr -d '\n')" == *"296 ml (an estimate: feeds were logged without amounts)"*"its error\, not your yield: log the amounts of a few bottles to know."* ]]
    # Measured bottles: the same shortfall rests on no estimate, and the consultant is advised.
    : > "$J"
    baby 2026-11-14 7 "01:00=99 04:00=99 07:00=99 10:00=99 13:00=99 16:00=99 19:00=99 22:00=99"
    pumps 2026-11-14 7 "10:00=60 13:00=60 16:00=60"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | .estimated]' <<<"$output")" = '[false]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 297 ml; your 3 pumps are expected to give about 180 ml, 117 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats while you are away: pump also at 08:00 (about 60 ml expected). Even then about 57 ml is missing: give stored milk for the rest, and ask a lactation consultant how to raise your yield." ]
}

@test "plan --round and the round setting put pump times on a grid; ICS UIDs follow the place, not the time" {
    baby 2026-11-14 7 "01:07=90 04:07=100 07:07=130 10:07=120 13:07=110 16:07=120 19:07=140 22:07=100"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -r '[.pumps[].at[11:16]] | join(" ")' <<<"$output")" = "10:05 13:05 16:05" ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json --round 1m
    [ "$(jq -r '[.pumps[].at[11:16]] | join(" ")' <<<"$output")" = "10:07 13:07 16:07" ]
    pumplog config set round 15m >/dev/null
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -r '[.pumps[].at[11:16]] | join(" ")' <<<"$output")" = "10:00 13:00 16:00" ]
    run --separate-stderr pumplog plan --round 7m
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: --round: round takes whole minutes from 1m to 30m that divide an hour, not "7m"' ]
    # Seconds are refused, not cut to whole minutes (2m30s was planned on a 2-minute grid), the journal unchanged.
    cp "$J" "$TEST_DIR/before.jsonl"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --round 2m30s
    [ "$status" -eq 2 ]; [ -z "$output" ]
    [ "$stderr" = 'pumplog: error: --round: round takes whole minutes from 1m to 30m that divide an hour, not "2m30s"' ]
    cmp "$J" "$TEST_DIR/before.jsonl"
    # The calendar file re-written with other times keeps its events' UIDs.
    pumplog plan --on monday --days 2 --away "mon-fri 08:00-17:30" --format ics > "$TEST_DIR/a.ics"
    pumplog plan --on monday --days 2 --away "mon-fri 08:00-17:30" --format ics --round 1m > "$TEST_DIR/b.ics"
    [ "$(grep -c '^DTSTART;TZID=Europe/Berlin:20261123T100000' "$TEST_DIR/a.ics")" = 1 ]
    [ "$(grep -c '^DTSTART;TZID=Europe/Berlin:20261123T100700' "$TEST_DIR/b.ics")" = 1 ]
    [ "$(grep ^UID "$TEST_DIR/a.ics" | tr -d '\r' | paste -sd' ')" = "UID:20261123-1@pumplog UID:20261123-2@pumplog UID:20261123-3@pumplog UID:20261124-1@pumplog UID:20261124-2@pumplog UID:20261124-3@pumplog" ]
    [ "$(grep ^UID "$TEST_DIR/a.ics")" = "$(grep ^UID "$TEST_DIR/b.ics")" ]
}

@test "plan --schedule and the schedule setting pin the pump times" {
    three_hourly
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "10:00 13:00 15:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml]]' <<<"$output")" = '[["10:00",120],["13:00",110],["15:30",120]]' ]
    [ "$(jq -c '[.advice_items[].kind]' <<<"$output")" = '["no_pumps_logged"]' ]
    pumplog config set schedule "10:00, 12:00" >/dev/null
    [ "$(pumplog config get schedule)" = "10:00 12:00" ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml]]' <<<"$output")" = '[["10:00",120],["12:00",110]]' ]
    [ "$(jq -c '[.advice_items[] | select(.kind != "no_pumps_logged")]' <<<"$output")" = '[{"kind":"uncovered_feed","at":"2026-11-23T16:00:00+01:00","ml":120,"min_gap_min":120},{"kind":"long_gap","from":"2026-11-23T12:00:00+01:00","to":"2026-11-23T19:00:00+01:00","max_gap_min":240}]' ]
    # Times as a parent writes them elsewhere (SPEC 10): am/pm, noon; a bare hour is refused (9:00 or 21:00?).
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "9:45am noon 3:30pm" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | .at[11:16]]' <<<"$output")" = '["09:45","12:00","15:30"]' ]
    pumplog config set schedule "noon 10am" >/dev/null
    [ "$(pumplog config get schedule)" = "10:00 12:00" ]
    before=$(cat "$XDG_CONFIG_HOME/pumplog/config.json")
    run --separate-stderr pumplog config set schedule "10:00 3"
    [ "$status" -eq 2 ]
    [ "$(cat "$XDG_CONFIG_HOME/pumplog/config.json")" = "$before" ]
    run --separate-stderr pumplog plan --schedule "10:00 3"
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: --schedule: "3" in the schedule is a bare hour: 3:00 or 15:00? Write 03:00 or 15:00 (or 3am, 3pm)' ]
    run --separate-stderr pumplog config set schedule "10:00 3"
    [ "$stderr" = 'pumplog: error: "3" in the schedule is a bare hour: 3:00 or 15:00? Write 03:00 or 15:00 (or 3am, 3pm)' ]
    run --separate-stderr pumplog plan --schedule "10:00 25"
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: --schedule: schedule takes pump times such as "10:00 13:00 15:30" or "9am noon 3:30pm", or none, not "10:00 25"' ]
}

@test "plan: a pinned time outside every away window is named once in the advice, not dropped without a word" {
    three_hourly
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    pumplog config set schedule "07:30 10:00 13:00 18:00" >/dev/null
    run --separate-stderr pumplog plan --on monday --days 2 --format json
    [ "$status" -eq 0 ]; [ "$stderr" = "" ]
    [ "$(jq -c '[.pumps[] | .at[5:16]]' <<<"$output")" = '["11-23T10:00","11-23T13:00","11-24T10:00","11-24T13:00"]' ]
    # Once a time over the two days, not once a day.
    [ "$(jq -c '[.advice_items[] | select(.kind == "pinned_outside_away")]' <<<"$output")" = '[{"kind":"pinned_outside_away","time":"07:30","away":"mon-fri 08:00-17:30","away_windows":1},{"kind":"pinned_outside_away","time":"18:00","away":"mon-fri 08:00-17:30","away_windows":1}]' ]
    run --separate-stderr pumplog plan --on monday --schedule "10:00 18:00"
    [ "$status" -eq 0 ]
    [ "$(grep -c '^Advice: The pinned time' <<<"$output")" = 1 ]
    grep -qxF "Advice: The pinned time 18:00 is outside the away window (mon-fri 08:00-17:30), so it is planned on no day: a plan's pumps are for the hours you are away (at home the baby feeds at the breast). Widen the away window to plan it, or take 18:00 out of the schedule." <<<"$output"
    # The calendar's advice says it too.
    pumplog plan --on monday --schedule "10:00 18:00" --format ics | tr -d '\r\n ' |
        grep -q 'Thepinnedtime18:00isoutsidetheawaywindow'
    # Pumping exclusively every pinned time is planned, none named.
    run --separate-stderr pumplog plan --on monday --mode exclusive --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | .at[11:16]]' <<<"$output")" = '["07:30","10:00","13:00","18:00"]' ]
    [ "$(jq '[.advice_items[] | select(.kind == "pinned_outside_away")] | length' <<<"$output")" = 0 ]
}

@test "plan --schedule: a feed is in a pinned pump's covers and target or uncovered in the advice, never both" {
    three_hourly
    # 11:00 is within min_gap (2 h) of the 10:00 and 13:00 feeds, 5 h from the 16:00 one.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "11:00" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, [.covers[][11:16]]]]' <<<"$output")" = '[["11:00",230,["10:00","13:00"]]]' ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "uncovered_feed") | [.at[11:16], .ml]]' <<<"$output")" = '[["16:00",120]]' ]
    # No feed both: the uncovered feeds are in no pump's covers.
    [ "$(jq '[.pumps[].covers[]] as $c | [.advice_items[] | select(.kind == "uncovered_feed") | .at | select(IN($c[]))] | length' <<<"$output")" = 0 ]
    [ "$(jq -r '.advice[] | select(startswith("The 16:00 feed"))' <<<"$output")" = "The 16:00 feed on Mon 2026-11-23 has no pinned pump within 2 h (min_gap) and is in no pump's target: leave about 120 ml of stored milk for it, or add a time near 16:00 to the schedule." ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "11:00" --format csv
    [ "$status" -eq 0 ]
    [ "$(sed -n 2p <<<"$output")" = '2026-11-23T11:00:00+01:00,230,,2026-11-23T10:00:00+01:00 2026-11-23T13:00:00+01:00,false,pinned (schedule); covers the 10:00 and 13:00 feeds,false' ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "11:00"
    [ "$status" -eq 0 ]
    grep -q "11:00  230 ml         -  pinned (schedule); covers the 10:00 and 13:00 feeds" <<<"$output"
    grep -q "^Advice: The 16:00 feed on Mon 2026-11-23 has no pinned pump within 2 h" <<<"$output"
    # A pinned pump nearest to no feed within min_gap covers none: no target, and it was not added for a gap.
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "10:00 10:15" --format json
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, [.covers[][11:16]]]]' <<<"$output")" = '[["10:00",120,["10:00"]],["10:15",0,[]]]' ]
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "10:00 10:15"
    grep -q "10:15       -         -  pinned (schedule); covers no feed$" <<<"$output"
    run --separate-stderr pumplog plan --on monday --away "mon-fri 08:00-17:30" --schedule "10:00 10:15" --format ics
    [ "$(grep ^SUMMARY <<<"$output" | tr -d '\r' | paste -sd'|')" = 'SUMMARY:Pump: aim for 120 ml|SUMMARY:Pump (pinned: covers no feed)' ]
}

@test "plan next says when its target is an estimate" {
    nursing
    run --separate-stderr pumplog plan next --mode exclusive --birth 2026-09-22
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 13:00 pump is 1 h 5 min overdue, aim for 98 ml (estimate)" ]
}

@test "plan stash counts the frozen stash and takes the target in days" {
    three_hourly
    pumps 2026-11-14 7 "06:30=160 21:00=100"
    pumplog stock add 150ml --in freezer --pumped "2026-11-15 06:30" >/dev/null
    pumplog stock add 200ml --in freezer --pumped "2026-11-16 06:30" >/dev/null
    pumplog stock add 250ml --in freezer --pumped "2026-11-17 06:30" >/dev/null
    pumplog stock add 375ml --in freezer --pumped "2026-11-18 06:30" >/dev/null
    pumplog stock add 100ml --in fridge --pumped "2026-11-20 06:30" >/dev/null
    run --separate-stderr pumplog plan stash --return 2026-12-14 --away "mon-fri 08:00-17:30" --target 3d
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "Stash to have: 3 days of need, 1050 ml (--target)." ]
    [ "${lines[2]}" = "Stored already: 975 ml still usable on Mon 2026-12-14 (4 containers); 75 ml to build." ]
    [ "${lines[3]}" = "You pump at 06:30 and 21:00 already." ]
    [ "${lines[5]}" = "Extra daily session: 08:30, about 130 ml a day, 1 day to the target." ]
    [[ "$output" != *"06:30, about"* ]]
    [[ "$output" != *_* ]]
    run --separate-stderr pumplog plan stash --return 2026-12-14 --away "mon-fri 08:00-17:30" --target 2000ml --format json
    [ "$(jq -c '[.target_ml, .target_days, .stored_ml, .to_build_ml, .days_needed]' <<<"$output")" = '[2000,5.7,975,1025,8]' ]
}

@test "after work, plan and plan next agree on the evening's extra session, and it stays put once its time has passed" {
    export TZ=America/New_York
    cp "$PUMPLOG_SOURCE_DIR/examples/journal.jsonl" "$J"
    local away=(--away "mon-fri 08:00-17:30")
    # At 18:00 both name the 19:30 extra for the day's shortfall (plan listed it only until 17:30).
    run --separate-stderr pumplog --now "2026-11-23T18:00:00-05:00" plan "${away[@]}" --format json
    [ "$(jq -c '[.pumps[0] | .at, .target_ml]' <<<"$output")" = '["2026-11-23T19:30:00-05:00",76]' ]
    run --separate-stderr pumplog --now "2026-11-23T18:00:00-05:00" plan next "${away[@]}"
    [ "$output" = "Pump at 19:30 (in 1 h 30 min), aim for 76 ml (an extra session)" ]
    # Pumped at 19:30 as told: at 21:00 no new extra is chased to 22:45; the next is tomorrow's.
    journal_line '{"v":1,"id":"x1930","type":"pump","at":"2026-11-23T19:30:00-05:00","ml":100}'
    run --separate-stderr pumplog --now "2026-11-23T21:00:00-05:00" plan next "${away[@]}"
    [ "$output" = "Pump at 09:35 tomorrow (in 12 h 35 min), aim for 140 ml" ]
    run --separate-stderr pumplog --now "2026-11-23T21:00:00-05:00" plan "${away[@]}" --format json
    [ "$(jq -r '.pumps[0].at' <<<"$output")" = "2026-11-24T09:35:00-05:00" ]
}

# A work day 120 ml short (3 pumps of 60 ml for 3 feeds of 100 ml): an 08:00 extra session before the 10:00 pump.
short_work_days() {
    baby 2026-11-04 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-04 7 "10:00=60 13:00=60 16:00=60"
}

@test "an extra session whose time has passed with none logged is overdue as any pump, and proposed again only after" {
    short_work_days
    local away=(--away "mon-fri 08:00-17:30")
    run --separate-stderr pumplog --now 2026-11-12T08:00:00+01:00 plan next "${away[@]}"
    [ "$output" = "Pump now: the 08:00 pump is due, aim for 100 ml (an extra session)" ]
    # A minute late it was gone from plan next (moved to 18:00, after work).
    run --separate-stderr pumplog --now 2026-11-12T08:01:00+01:00 plan next "${away[@]}"
    [ "$output" = "Pump now: the 08:00 pump is 1 min overdue, aim for 100 ml (an extra session)" ]
    run --separate-stderr pumplog --now 2026-11-12T08:30:00+01:00 plan next "${away[@]}" --format json
    [ "$(jq -c '[.at, .in_min, .target_ml]' <<<"$output")" = '["2026-11-12T08:00:00+01:00",-30,100]' ]
    # Overdue until the midpoint to the 10:00 pump (before min_gap, 2 h, is over); then proposed again, after now.
    run --separate-stderr pumplog --now 2026-11-12T08:59:00+01:00 plan next "${away[@]}"
    [ "$output" = "Pump now: the 08:00 pump is 59 min overdue, aim for 100 ml (an extra session)" ]
    extras() { pumplog --now "$1" plan "${away[@]}" --format csv | awk -F, '$5 == "true" { print $1 }' | paste -sd' '; }
    [ "$(extras 2026-11-12T08:30:00+01:00)" = "2026-11-13T08:00:00+01:00" ]
    run --separate-stderr pumplog --now 2026-11-12T09:00:00+01:00 plan next "${away[@]}"
    [ "$output" = "Pump at 10:00 (in 1 h), aim for 100 ml" ]
    run --separate-stderr pumplog --now 2026-11-12T09:00:00+01:00 plan "${away[@]}" --format csv
    [ "$(grep -c ',true,extra' <<<"$output")" -eq 2 ]
    [[ "$output" == *$'
2026-11-12T18:00:00+01:00,100,60,,true,extra: toward the 120 ml short'* ]]
    # Skipped, it is done: not overdue, and not proposed again later.
    pumplog --now 2026-11-12T08:05:00+01:00 plan skip "${away[@]}" >/dev/null
    run --separate-stderr pumplog --now 2026-11-12T08:30:00+01:00 plan next "${away[@]}"
    [ "$output" = "Pump at 10:00 (in 1 h 30 min), aim for 100 ml" ]
    [ "$(extras 2026-11-12T09:00:00+01:00)" = "2026-11-13T08:00:00+01:00" ]
}

@test "under cron an extra session is announced, then reminded of once as overdue, as any pump" {
    short_work_days
    export XDG_STATE_HOME="$TEST_DIR/state"
    local away=(--away "mon-fri 08:00-17:30")
    local announced="Pump at 08:00 (in 10 min), aim for 100 ml (an extra session)"
    local overdue="Pump now: the 08:00 pump is 30 min overdue, aim for 100 ml (an extra session)"
    # Each run: its time, then its exit status and what it prints.
    local runs=("07:50|0 $announced" "08:05|1 " "08:30|0 $overdue" "08:45|1 " "08:55|1 ") r
    for r in "${runs[@]}"; do
        run --separate-stderr pumplog --now "2026-11-12T${r%%|*}:00+01:00" plan next --within 10m "${away[@]}"
        [ "$status $output" = "${r#*|}" ]
    done
    compgen -G "$XDG_STATE_HOME/pumplog/reminders-*.json" >/dev/null
}

@test "plan --format ics gives extra sessions UIDs of their own: the day's other pumps keep theirs with or without one" {
    short_work_days
    local away=(--away "mon-fri 08:00-17:30")
    uids() { tr -d '\r' < "$1" | grep -E '^(UID|DTSTART;)' | paste -d' ' - - | sed 's/DTSTART;TZID=Europe.Berlin://' | grep ' 20261112T' | paste -sd' '; }
    # The whole day, with its 08:00 extra session.
    pumplog --now 2026-11-12T00:00:00+01:00 plan "${away[@]}" --format ics > day.ics
    [ "$(uids day.ics)" = "UID:20261112-extra-1@pumplog 20261112T080000 UID:20261112-1@pumplog 20261112T100000 UID:20261112-2@pumplog 20261112T130000 UID:20261112-3@pumplog 20261112T160000" ]
    # From 08:30 (the extra overdue, not in the file) and from 09:05 (proposed again at 18:00): the same UIDs.
    pumplog --now 2026-11-12T08:30:00+01:00 plan "${away[@]}" --format ics > overdue.ics
    [ "$(uids overdue.ics)" = "UID:20261112-1@pumplog 20261112T100000 UID:20261112-2@pumplog 20261112T130000 UID:20261112-3@pumplog 20261112T160000" ]
    pumplog --now 2026-11-12T09:05:00+01:00 plan "${away[@]}" --format ics > later.ics
    [ "$(uids later.ics)" = "UID:20261112-1@pumplog 20261112T100000 UID:20261112-2@pumplog 20261112T130000 UID:20261112-3@pumplog 20261112T160000 UID:20261112-extra-1@pumplog 20261112T180000" ]
}

@test "on a Friday evening the plan keeps the day's extra and does not also say no pump is planned" {
    local i d t
    for i in 0 1 2 3 4 5 6 7 8; do
        d="$(date -d "2026-11-04 + $i day" +%F)"
        for t in 03:00 07:00 10:00 13:00 16:00 20:00 23:00; do
            journal_line "{\"v\":1,\"id\":\"f$d$t\",\"type\":\"feed\",\"at\":\"$(date -d "$d $t" +%FT%T%:z)\",\"method\":\"bottle\",\"ml\":150,\"milk\":\"breast\"}"
        done
        # A pump at 06:00 every day; one at 18:00 every fourth day, no habit (a daily one would keep the extra
        # session 2 h away: it would be the pump made anyway, not one more).
        for t in 06:00 18:00; do
            [ "$t" = 18:00 ] && ((i % 4 != 0)) && continue
            journal_line "{\"v\":1,\"id\":\"p$d$t\",\"type\":\"pump\",\"at\":\"$(date -d "$d $t" +%FT%T%:z)\",\"ml\":90}"
        done
    done
    # Fri 17:40 to Sat 17:40: no away time, but the day's window (3 pumps short by 180 ml) keeps its 18:00 extra.
    run --separate-stderr pumplog --now "2026-11-13T17:40:00+01:00" plan --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    # Its target is the 180 ml short, but no more than one of the window's pumps asks (150 ml).
    [ "$(jq -c '[.pumps[] | [.at, .target_ml]]' <<<"$output")" = '[["2026-11-13T18:00:00+01:00",150]]' ]
    [ "$(jq -c '[.advice_items[].kind] | map(select(. == "not_away" or . == "shortfall"))' <<<"$output")" = '["shortfall"]' ]
    [[ "$(jq -r '.advice | join(" ")' <<<"$output")" != *"no pump is planned"* ]]
    # Once it is past, nothing is planned and the plan says why.
    journal_line '{"v":1,"id":"x1800","type":"pump","at":"2026-11-13T18:00:00+01:00","ml":90}'
    run --separate-stderr pumplog --now "2026-11-13T20:00:00+01:00" plan --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -c '.pumps' <<<"$output")" = '[]' ]
    [ "$(jq -c '[.advice_items[].kind] | map(select(. == "not_away"))' <<<"$output")" = '["not_away"]' ]
}

@test "a shortfall's advice is given with the day whose pumps the table shows, not for tomorrow's window the range only touches" {
    export TZ=America/New_York
    cp "$PUMPLOG_SOURCE_DIR/examples/journal.jsonl" "$J"
    # From Monday 09:22 the plan runs to Tuesday 09:22: Tuesday's window begins inside it,
    # but its pumps and its 19:30 extra do not; only Monday's shortfall is advised.
    run --separate-stderr pumplog --now "2026-11-23T09:22:00-05:00" plan --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | .begin]' <<<"$output")" = '["2026-11-23T08:00:00-05:00"]' ]
    [ "$(jq -r '[.pumps[].at[0:10]] | unique | join(" ")' <<<"$output")" = "2026-11-23" ]
}

@test "min_gap near max_gap_day re-spaces the away window, and a conflict between them is said, in JSON too" {
    export TZ=America/New_York
    cp "$PUMPLOG_SOURCE_DIR/examples/journal.jsonl" "$J"
    local away=(--away "mon-fri 08:00-17:30")
    # 09:25, 11:50 (added for the 4 h gap) and the afternoon pump broke a 3 h 30 min_gap: re-spaced, every gap kept.
    run --separate-stderr pumplog --now "2026-11-23T07:00:00-05:00" plan "${away[@]}" --min-gap 3h30m --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[0:3][] | .at[11:16]]' <<<"$output")" = '["09:25","12:55","16:25"]' ]
    [ "$(jq -c '[.advice_items[].kind] | map(select(. == "min_gap_conflict"))' <<<"$output")" = '[]' ]
    # A min_gap over max_gap_day holds nowhere: refused for one run as config set refuses it.
    refused 2 pumplog --now "2026-11-23T07:00:00-05:00" plan "${away[@]}" --min-gap 4h30m --format json
    [ "$stderr" = "pumplog: error: --min-gap (4 h 30 min) cannot be longer than max_gap_day (4 h); change one of them first" ]
    # 2 h 30 between pumps and never over 2 h 30 from 06:38 to the 18:28 feed: four pumps 2 h 30 apart hold
    # both (a pump added in every long gap, 1 h 25 min apart, was said to be a conflict).
    local gaps=(--min-gap 2h30m --max-gap-day 2h30m)
    run --separate-stderr pumplog --now "2026-11-23T07:00:00-05:00" plan "${away[@]}" "${gaps[@]}" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | select(.at[0:10] == "2026-11-23") | .at[11:16]]' <<<"$output")" = '["08:55","11:25","13:55","16:25"]' ]
    [ "$(jq -c '[.advice_items[].kind] | map(select(. == "min_gap_conflict"))' <<<"$output")" = '[]' ]
    # Exactly 2 h apart in a window ending at 16:00, 2 h 28 min before the 18:28 feed: both cannot hold;
    # the longest gap wins, and the plan says so.
    gaps=(--min-gap 2h --max-gap-day 2h)
    run --separate-stderr pumplog --now "2026-11-23T07:00:00-05:00" plan --away "mon-fri 08:00-16:00" "${gaps[@]}" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "min_gap_conflict")]' <<<"$output")" = '[{"kind":"min_gap_conflict","from":"2026-11-23T12:40:00-05:00","to":"2026-11-23T14:00:00-05:00","min_gap_min":120,"max_gap_min":120,"night":false}]' ]
    [[ "$(jq -r '.advice[1]' <<<"$output")" == "The pumps at 12:40 and 14:00 on Mon 2026-11-23 are 1 h 20 min apart, under the 2 h minimum (min_gap)"* ]]
    run --separate-stderr pumplog --now "2026-11-23T07:00:00-05:00" plan --away "mon-fri 08:00-16:00" "${gaps[@]}"
    [[ "$output" == *"cannot both hold there, so the longest gap wins. Lower min_gap or raise max_gap_day to have both."* ]]
}

@test "plan next and status say in JSON when the next pump's target is an estimate" {
    local d s day at
    for ((d = 0; d < 8; d++)); do
        day="$(date -d "2026-11-13 + $d day" +%F)"
        for s in 01:00 04:00 07:00 10:00 13:00 16:00 19:00 22:00; do
            at="$(date -d "$day $s" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"n-$day-$s\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"breast\",\
\"dur_s\":900}"
        done
    done
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local now=(--now "2026-11-20T21:00:00+01:00")
    run --separate-stderr pumplog "${now[@]}" plan next
    [ "$status" -eq 0 ]
    [[ "$output" == *", aim for 75 ml (estimate)" ]]
    run --separate-stderr pumplog "${now[@]}" plan next --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c . <<<"$output")" = '{"at":"2026-11-23T10:00:00+01:00","in_min":3660,"target_ml":75,"estimated":true}' ]
    run --separate-stderr pumplog "${now[@]}" status --format json
    [ "$status" -eq 0 ]
    local next='{"at":"2026-11-23T10:00:00+01:00","in_min":3660,"target_ml":75,"overdue":false,"estimated":true}'
    [ "$(jq -c '.next_pump' <<<"$output")" = "$next" ]
    # A measured target has no such key (as before).
    rm -f "$J"
    three_hourly
    run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 14:40" --format json
    [ "$(jq -c 'has("estimated")' <<<"$output")" = "false" ]
}

@test "pumping exclusively, a plan from the evening weighs each day with the pumps that day is planned" {
    # Four bottles a day, three pumps of 150 ml; now is Fri 2026-11-20 21:00.
    baby 2026-11-13 8 "07:00=200 11:30=200 15:30=200 19:00=200"
    pumps 2026-11-13 8 "06:30=150 12:00=150 18:00=150"
    local now=(--now "2026-11-20T21:00:00+01:00")
    # Friday as planned has a night pump at 03:00 (six pumps, 900 ml for 800 ml): no shortfall,
    # from now as for the whole day (it was weighed with five, the 03:00 pump missing).
    run --separate-stderr pumplog "${now[@]}" plan --mode exclusive --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[] | .at[5:16]] | join(" ")' <<<"$output")" = \
        "11-20T23:00 11-21T03:00 11-21T07:30 11-21T11:30 11-21T15:30 11-21T19:00" ]
    [ "$(jq -c '[.advice_items[] | select(.kind | test("shortfall|no_room"))]' <<<"$output")" = '[]' ]
    run --separate-stderr pumplog "${now[@]}" plan --mode exclusive --on 2026-11-20 --format json
    [ "$(jq -r '[.pumps[] | .at[11:16]] | join(" ")' <<<"$output")" = "03:00 07:30 11:30 15:30 19:00 23:00" ]
    [ "$(jq -c '[.advice_items[] | select(.kind | test("shortfall|no_room"))]' <<<"$output")" = '[]' ]
    # A small shortfall: the day mostly gone at 21:00 gets no verdict, Saturday gets its own.
    rm -f "$J"
    baby 2026-11-13 8 "07:00=200 11:00=200 15:00=200 19:00=200"
    pumps 2026-11-13 8 "07:00=190 11:00=190 15:00=190 19:00=190"
    local flat=(--mode exclusive --max-gap-night 12h --max-gap-day 12h --format json)
    run --separate-stderr pumplog "${now[@]}" plan "${flat[@]}"
    [ "$status" -eq 0 ]
    local small='[.advice_items[] | select(.kind == "small_shortfall") | [.begin, .pumps, .need_ml, .expected_ml]]'
    [ "$(jq -c "$small" <<<"$output")" = '[["2026-11-21T00:00:00+01:00",4,800,760]]' ]
    run --separate-stderr pumplog "${now[@]}" plan "${flat[@]}" --on 2026-11-20
    [ "$(jq -c "$small" <<<"$output")" = '[["2026-11-20T00:00:00+01:00",4,800,760]]' ]
}

@test "an extra session expected to give less than the shortfall goes toward it and does not claim to make it up" {
    baby 2026-11-13 8 "07:00=200 11:00=200 15:00=200 19:00=200"
    pumps 2026-11-13 8 "07:00=100 11:00=100 15:00=100 19:00=100"
    local now=(--now "2026-11-20T21:00:00+01:00")
    local day=(--mode exclusive --on 2026-11-21 --max-gap-night 12h --max-gap-day 12h)
    # 400 ml short; the extra gives about 100 ml, and the advice says 300 ml is still missing. It aims for
    # what one of the day's pumps aims for (200 ml), not for the whole 400 ml in one session.
    run --separate-stderr pumplog "${now[@]}" plan "${day[@]}"
    [ "$status" -eq 0 ]
    [ "$(grep extra: <<<"$output")" = \
        "Sat 2026-11-21  09:00  200 ml    100 ml  extra: toward the 400 ml short (CDC: see advice)" ]
    [[ "$output" == *"pump also at 09:00 (about 100 ml expected). Even then about 300 ml is missing"* ]]
    [[ "$output" != *"makes up"* ]]
    # Re-spaced: the extra is the pump no feed went to (07:30: the pumps moved to 02:30, 05:00, 10:00 and 12:30
    # take the 03:00, 06:00, 09:00 and 12:00 feeds), aims for one pump's 100 ml and still goes only toward the
    # 400 ml.
    rm -f "$J"
    baby 2026-11-13 8 "00:00=100 03:00=100 06:00=100 09:00=100 12:00=100 15:00=100 18:00=100 21:00=100"
    pumps 2026-11-13 8 "00:00=50 03:00=50 06:00=50 09:00=50 12:00=50 15:00=50 18:00=50 21:00=50"
    run --separate-stderr pumplog "${now[@]}" plan --mode exclusive --on 2026-11-21 --min-gap 2h30m --format csv
    [ "$status" -eq 0 ]
    [ "$(grep ',true,' <<<"$output" | cut -d, -f1-2,5-6)" = \
        '2026-11-21T07:30:00+01:00,100,true,"extra: toward the 400 ml short' ]
    run --separate-stderr pumplog "${now[@]}" plan --mode exclusive --on 2026-11-21 --min-gap 2h30m
    [ "${lines[3]}" = "Sat 2026-11-21  02:30  100 ml     50 ml  moved to make room for an extra session; covers the 03:00 feed" ]
    [ "${lines[5]}" = "Sat 2026-11-21  07:30  100 ml     50 ml  extra: toward the 400 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [[ "$output" == *"the new one is at 07:30 (about 50 ml more expected). Even then about 350 ml is missing"* ]]
}

@test "plan --format ics: a pump 10 minutes before the clocks go back ends 20 minutes after it starts" {
    # ten days of feeds at 02:50, 06:00 ... 22:00 (CEST), each with a pump 5 minutes later
    for day in 14 15 16 17 18 19 20 21 22 23; do
        for t in 02:50 06:00 10:00 14:00 18:00 22:00; do
            printf '{"v":1,"id":"f%s%s","type":"feed","at":"2026-10-%sT%s:00+02:00","method":"bottle","ml":120,"milk":"breast"}\n' \
                "$day" "${t/:/}" "$day" "$t"
        done
    done > "$J"
    pumplog config set mode exclusive >/dev/null
    pumplog plan --on 2026-10-25 --format ics --now 2026-10-23T23:30:00+02:00 > "$TEST_DIR/back.ics"
    event=$(tr -d '\r' < "$TEST_DIR/back.ics" | grep -A3 '^UID:20261025-1@pumplog' | grep -E '^DT(START|END)' | tr '\n' ' ')
    # 02:50 CEST is 00:50Z; its end, 01:10Z, is 02:10 CET, which a TZID time would read as 02:10 CEST (00:10Z)
    [ "$event" = "DTSTART;TZID=Europe/Berlin:20261025T025000 DTEND:20261025T011000Z " ]
    # the other events keep local times
    tr -d '\r' < "$TEST_DIR/back.ics" | grep -q '^DTEND;TZID=Europe/Berlin:20261025T062000$'
}

# cron mails what a run prints: without somewhere to keep what was said, every
# run from 10 minutes before a pump until it is logged would remind again.
@test "plan next --within keeps its state in the user's own runtime or temporary folder when the state folder cannot take it" {
    three_hourly
    # a folder where the state file should be (as root, the only way a test can refuse a write)
    pumplog plan next --mode exclusive --now "2026-11-21 14:40" --within 10m || true
    local state
    state="$(echo "$HOME"/.local/state/pumplog/reminders-*.lock)"
    mkdir "${state%.lock}.json"
    count_reminders() {  # the runs over 16:00's window that remind; each says where the state went
        local t said=0
        for t in 15:45 15:50 15:55 16:00 16:05 16:10 16:15 16:20 16:25 16:30 16:35 16:40; do
            run --separate-stderr pumplog plan next --mode exclusive --now "2026-11-21 $t" --within 10m
            if [ "$status" -eq 0 ]; then
                said=$((said + 1))
                [ "$stderr" = "pumplog: warning: cannot write the reminder state in $HOME/.local/state/pumplog; kept in $1 instead" ] ||
                    { echo "stderr: $stderr"; return; }
            else
                [ "$stderr" = "" ] || { echo "stderr: $stderr"; return; }
            fi
        done
        echo "$said"
    }
    # the runtime folder first: only its user can enter it
    export XDG_RUNTIME_DIR="$TEST_DIR/run"
    mkdir -m 700 "$XDG_RUNTIME_DIR"
    # once when due, once more when 30 minutes overdue
    [ "$(count_reminders "$XDG_RUNTIME_DIR/pumplog")" = 2 ]
    [ -f "$XDG_RUNTIME_DIR/pumplog/$(basename "${state%.lock}.json")" ]
    # without one, $TMPDIR/pumplog-UID, made 0700 (a machine with /run/user/UID uses that instead)
    unset XDG_RUNTIME_DIR
    [ ! -d "/run/user/$(id -u)" ] || skip "this machine has /run/user/$(id -u)"
    export TMPDIR="$TEST_DIR/tmp"
    mkdir -p "$TMPDIR"
    [ "$(count_reminders "$TMPDIR/pumplog-$(id -u)")" = 2 ]
    [ "$(stat -c %a "$TMPDIR/pumplog-$(id -u)")" = 700 ]
}

@test "with no home at all, plan next --within runs on the defaults, its state in the user's own temporary folder" {
    [ "$(id -u)" -eq 0 ] || skip "running as a user without a passwd entry needs root"
    command -v setpriv >/dev/null || skip "no setpriv"
    ! getent passwd 12345 >/dev/null || skip "uid 12345 has a passwd entry here"
    [ ! -d /run/user/12345 ] || skip "this machine has /run/user/12345"
    three_hourly
    chmod 711 "$TEST_DIR" && chmod 644 "$J"
    mkdir -m 1777 "$TEST_DIR/tmp"
    # HOME unset, no passwd home, no XDG_* folder: the journal named, the config nowhere to be found.
    nobody_next() {
        run --separate-stderr setpriv --reuid 12345 --regid 12345 --clear-groups env -u HOME -u XDG_DATA_HOME \
            -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u XDG_RUNTIME_DIR TMPDIR="$TEST_DIR/tmp" \
            "$PUMPLOG_BIN" plan next --mode exclusive --now "2026-11-21 $1" --within 10m
    }
    local config='pumplog: warning: no home folder for the config: HOME is not set and user 12345 has no home in '
    config+='the passwd database; set HOME to an absolute path, or name the config file with PUMPLOG_CONFIG; the '
    config+='default settings are used until then'
    # Nothing to remind of: silent, the missing config too (cron mails stderr).
    nobody_next 14:30
    [ "$status $output|$stderr" = "1 |" ]
    # A reminder says it once with it; the runs after it are silent, as with a home: remind once.
    nobody_next 15:50
    [ "$status $output|$stderr" = "0 Pump at 16:00 (in 10 min), aim for 120 ml|$config" ]
    for t in 15:55 16:00 16:05; do
        nobody_next "$t"
        [ "$status $output|$stderr" = "1 |" ]
    done
    # Kept in a folder of its own, made 0700, never in a pumplog folder of the temporary one anyone could make.
    [ "$(stat -c '%a %u' "$TEST_DIR/tmp/pumplog-12345")" = "700 12345" ]
    compgen -G "$TEST_DIR/tmp/pumplog-12345/reminders-*.json" >/dev/null
    [ ! -e "$TEST_DIR/tmp/pumplog" ]
}

@test "plan from now passes over a skipped pump as plan next does, and weighs its window without its yield" {
    baby 2026-11-04 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-04 7 "10:00=100 13:00=100 16:00=100"
    local away=(--away "mon-fri 08:00-17:30")
    export PUMPLOG_NOW=2026-11-12T09:00:00+01:00
    run --separate-stderr pumplog plan "${away[@]}" --format json
    [ "$(jq -c '[.pumps[0].at, (.advice_items | length)]' <<<"$output")" = '["2026-11-12T10:00:00+01:00",0]' ]
    run --separate-stderr pumplog plan skip "${away[@]}"
    [ "$output" = "Skipped the 10:00 pump" ]
    # The window short by the skip: the extra session makes up the skipped pump an hour after it.
    run --separate-stderr pumplog plan next "${away[@]}"
    [ "$output" = "Pump at 11:00 (in 2 h), aim for 100 ml (an extra session)" ]
    run --separate-stderr pumplog plan "${away[@]}"
    [ "$status" -eq 0 ]
    [[ "$output" != *"10:00  100 ml"* ]]
    [[ "$output" == *$'\nThu 2026-11-12  11:00  100 ml    100 ml  extra: makes up 100 ml (CDC: see advice)\nThu 2026-11-12  13:00  100 ml    100 ml  covers the 13:00 feed\n'* ]]
    [[ "$output" == *"the baby drinks about 300 ml; your 3 pumps (1 skipped) are expected to give about 200 ml, 100 ml short."* ]]
    run --separate-stderr pumplog plan "${away[@]}" --format json
    [ "$(jq -c '[.pumps[0].at, [.advice_items[] | select(.kind == "shortfall") | .skipped, .short_ml]]' <<<"$output")" = \
        '["2026-11-12T11:00:00+01:00",[1,100]]' ]
    run --separate-stderr pumplog plan "${away[@]}" --format csv
    [[ "$output" != *"2026-11-12T10:00"* ]]
    # The calendar keeps the event (its UID), cancelled and without its alarm.
    run --separate-stderr pumplog plan "${away[@]}" --format ics
    local first
    first="$(tr -d '\r' <<<"$output" | awk '/^BEGIN:VEVENT/{n++} n==1' | sed '/^END:VEVENT/q')"
    [[ "$first" == *$'UID:20261112-1@pumplog'* ]]
    [[ "$first" == *$'SUMMARY:Skipped: Pump: aim for 100 ml\nDESCRIPTION'* ]]
    [[ "$first" == *$'STATUS:CANCELLED'* ]]
    [[ "$first" != *VALARM* ]]
}

@test "plan from now passes over a pump logged early for it, as plan next does" {
    baby 2026-11-04 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-04 7 "10:00=100 13:00=100 16:00=100"
    local away=(--away "mon-fri 08:00-17:30")
    journal_line '{"v":1,"id":"early","type":"pump","at":"2026-11-12T09:30:00+01:00","ml":100}'
    export PUMPLOG_NOW=2026-11-12T09:40:00+01:00
    run --separate-stderr pumplog plan next "${away[@]}"
    [ "$output" = "Pump at 13:00 (in 3 h 20 min), aim for 100 ml" ]
    run --separate-stderr pumplog plan "${away[@]}" --format json
    [ "$(jq -c '[.pumps[0].at, (.advice_items | length)]' <<<"$output")" = '["2026-11-12T13:00:00+01:00",0]' ]
    run --separate-stderr pumplog plan "${away[@]}" --format ics
    [[ "$(tr -d '\r' <<<"$output")" == *$'UID:20261112-1@pumplog\n'*$'SUMMARY:Done: Pump: aim for 100 ml\n'* ]]
}

@test "while an extra session is overdue, plan still says its window is short and that the extra is overdue" {
    short_work_days
    local away=(--away "mon-fri 08:00-17:30")
    export PUMPLOG_NOW=2026-11-12T08:30:00+01:00
    run --separate-stderr pumplog plan next "${away[@]}"
    [ "$output" = "Pump now: the 08:00 pump is 30 min overdue, aim for 100 ml (an extra session)" ]
    run --separate-stderr pumplog plan "${away[@]}"
    [[ "$output" == *"Advice: While you are away on Thu 2026-11-12 08:00-17:30 the baby drinks about 300 ml; your 3 pumps are expected to give about 180 ml, 120 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats while you are away: pump also at 08:00 (overdue now, about 60 ml expected). Even then about 60 ml is missing"* ]]
    run --separate-stderr pumplog plan "${away[@]}" --format json
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | [.begin, .at, .overdue, .short_ml]]' <<<"$output")" = \
        '[["2026-11-12T08:00:00+01:00","2026-11-12T08:00:00+01:00",true,120],["2026-11-13T08:00:00+01:00","2026-11-13T08:00:00+01:00",false,120]]' ]
}

@test "an extra session is on the quarter hours and on the round grid: the least multiple of both" {
    baby 2026-11-04 7 "01:00=100 04:00=100 07:10=100 10:00=100 13:00=100 16:00=100 18:10=100 20:00=100 22:00=100"
    pumps 2026-11-04 7 "10:00=60 13:00=60 16:00=60"
    extras() {
        pumplog --now 2026-11-12T00:30:00+01:00 plan --away "mon-fri 08:00-17:30" --round "$1" --format csv |
            awk -F, '$5 == "true" { print $1 }' | paste -sd' '
    }
    # The latest time an hour before the 07:10 feed at the breast: 06:08 on a 4-minute grid, 06:10 on a
    # 10-minute one; on the quarter hours too, 06:00.
    [ "$(extras 5m)" = "2026-11-12T06:00:00+01:00" ]
    [ "$(extras 4m)" = "2026-11-12T06:00:00+01:00" ]
    [ "$(extras 10m)" = "2026-11-12T06:00:00+01:00" ]
    [ "$(extras 12m)" = "2026-11-12T06:00:00+01:00" ]
}

@test "a gap no pump in the window keeps gets the window's last pump at its end, and its row says the gap stays long" {
    baby 2026-11-04 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:30=100 19:00=100 22:00=100"
    pumps 2026-11-04 7 "10:00=100 13:00=100 16:30=100"
    run --separate-stderr pumplog --now 2026-11-11T21:00:00+01:00 plan --on 2026-11-12 --away "mon-fri 08:00-17:30" \
        --min-gap 30m --max-gap-day 1h --max-gap-night 1h
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\nThu 2026-11-12  16:30  100 ml    100 ml  covers the 16:30 feed\nThu 2026-11-12  17:25       -    100 ml  added: the gap after it is still 1 h 35 min, over 1 h (max_gap_day): no time in the away window keeps it\n'* ]]
}

# Review s47: a night feed on a few nights is left out of the slots (no pump nor bottle is made for it), so it
# adds nothing to a day feed's target or bottle while away; pumping exclusively, the day's milk is shared out.
@test "a night feed on a few nights adds nothing to an away pump's target or a day feed's bottle" {
    export TZ=America/New_York PUMPLOG_NOW=2026-11-22T21:00:00-05:00
    baby 2026-11-15 8 "06:00=180 09:00=180 12:00=180 15:00=180 18:00=180 21:00=180"
    for day in 2026-11-16 2026-11-18 2026-11-20; do baby "$day" 1 "02:30=180"; done
    pumps 2026-11-15 8 "08:30=150 12:30=150 16:00=150"
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    run --separate-stderr pumplog plan --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.slots[] | [.time, .ml]]' <<<"$output")" = '[["06:00",180],["09:00",180],["12:00",180],["15:00",180],["18:00",180],["21:00",180]]' ]
    # 180 ml each, not 189 (the night feeds shared out over the day's slots), and the extra session 90 ml, not 117.
    [ "$(jq -r '[.pumps[] | "\(.at[11:16])=\(.target_ml)"] | join(" ")' <<<"$output")" = "09:00=180 12:00=180 15:00=180 17:00=90" ]
    # Bottles of 180 ml, not 190.
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Mon 2026-11-23 (away 08:00-17:30): 3 bottles, 540 ml in all." ]
    [ "${lines[1]}" = "  09:00  180 ml: 180 ml missing" ]
    # Pumping exclusively the pumps make the whole day's milk, the night feeds' too: 1134 ml over 6 slots.
    run --separate-stderr pumplog plan --mode exclusive --format json
    [ "$(jq -c '[.slots[].ml] | unique' <<<"$output")" = '[189]' ]
}

# Review s47: one top-up bottle joins a feed's slot on one day; the slot's amount is the median of its days, so it
# stays 100 ml (the mean was 125 ml) and the 30 ml shortfall stays under half a session: no session is added to
# every work day (pumplog-plan(1): "one more logged bottle does not add a pump to every work day").
@test "one top-up bottle does not add a session to every work day" {
    export TZ=America/New_York PUMPLOG_NOW=2026-11-22T21:00:00-05:00
    baby 2026-11-14 9 "06:00=100 09:15=100 12:15=100 15:15=100 18:15=100 21:15=100"
    pumps 2026-11-14 9 "09:15=90 12:15=90 15:15=90"
    journal_line '{"v":1,"id":"top-up","type":"feed","at":"2026-11-22T14:40:00-05:00","method":"bottle","ml":90,"milk":"breast"}'
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    run --separate-stderr pumplog plan --days 5 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.slots[] | [.time, .ml]]' <<<"$output")" = '[["06:00",100],["09:15",100],["12:15",100],["15:15",100],["18:15",100],["21:15",100]]' ]
    [ "$(jq -r '[.pumps[] | "\(.at[5:16])=\(.target_ml)\(if .extra then "+" else "" end)"] | join(" ")' <<<"$output")" = "11-23T09:15=100 11-23T12:15=100 11-23T15:15=100 11-24T09:15=100 11-24T12:15=100 11-24T15:15=100 11-25T09:15=100 11-25T12:15=100 11-25T15:15=100 11-26T09:15=100 11-26T12:15=100 11-26T15:15=100 11-27T09:15=100 11-27T12:15=100 11-27T15:15=100" ]
    [ "$(jq -c '[.advice_items[] | [.kind, .short_ml]]' <<<"$output")" = '[["small_shortfall",30],["small_shortfall",30],["small_shortfall",30],["small_shortfall",30],["small_shortfall",30]]' ]
}

# Review s49 (acceptance point 4): the shortfall hovers at half a session (pump days of 82 ml and 90 ml by turns:
# 45 ml or 39 ml short against about 86 ml a session). Planned each evening at 20:00 for the next weekday over a
# fortnight, the extra session stays every weekday (it came and went every other day): a shortfall from a quarter
# to half a session keeps the extra the plans before gave.
@test "an extra session near half a session's yield stays every weekday of a fortnight" {
    baby 2026-11-02 28 "06:00=100 09:15=100 12:15=100 15:15=100 18:15=100 21:15=100"
    local d day next ml out=""
    for ((d = 0; d < 28; d++)); do
        day="$(date -d "2026-11-02 + $d day" +%F)"
        [ "$(date -d "$day" +%u)" -le 5 ] || continue
        ml=$((d % 2 ? 90 : 82))
        pumps "$day" 1 "09:15=$ml 12:15=$ml 15:15=$ml"
    done
    for ((d = 13; d < 27; d++)); do
        day="$(date -d "2026-11-02 + $d day" +%F)"
        next="$(date -d "$day + 1 day" +%F)"
        [ "$(date -d "$next" +%u)" -le 5 ] || continue
        run --separate-stderr pumplog --now "${day}T20:00:00+01:00" plan --on "$next" --away "mon-fri 08:00-17:30" \
            --format json
        [ "$status" -eq 0 ]
        out+=" $(jq -r '"\(.advice_items[0].kind):\(.advice_items[0].short_ml)\([.pumps[] | select(.extra) | "+" + .at[11:16]] | join(""))"' <<<"$output")"
    done
    [ "$out" = " shortfall:39+17:15 shortfall:45+17:15 shortfall:39+17:15 shortfall:45+17:15 shortfall:39+17:15 shortfall:45+17:15 shortfall:39+17:15 shortfall:45+17:15 shortfall:39+17:15 shortfall:45+17:15" ]
}

# Review s49: with a schedule the pinned pumps aiming for more than they are expected to give was never said. The
# shortfall is said with its numbers and stored milk for it; no session time is proposed.
@test "a pinned schedule says its shortfall and the stored milk for it, proposing no session" {
    baby 2026-11-14 7 "06:00=100 09:15=100 12:15=100 15:15=100 18:15=100 21:15=100"
    pumps 2026-11-14 7 "09:15=85 12:15=85 15:15=85"
    run --separate-stderr pumplog plan --on 2026-11-23 --away "mon-fri 08:00-17:30" --schedule "11:00 16:00" \
        --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '[.pumps[] | "\(.at[11:16])=\(.target_ml)/\(.expected_ml)\(if .extra then "+" else "" end)"] | join(" ")' <<<"$output")" = "11:00=200/85 16:00=100/85" ]
    [ "$(jq -c '[.advice_items[] | select(.kind != "long_gap")]' <<<"$output")" = '[{"kind":"pinned_shortfall","scope":"away","begin":"2026-11-23T08:00:00+01:00","end":"2026-11-23T17:30:00+01:00","pumps":2,"skipped":0,"need_ml":300,"expected_ml":170,"short_ml":130,"estimated":false}]' ]
    [ "$(jq -r '.advice[-1]' <<<"$output")" = "While you are away on Mon 2026-11-23 08:00-17:30, your 2 pinned pumps aim for about 300 ml and are expected to give about 170 ml, 130 ml short: the schedule's times are kept, so no session is added; give about 130 ml of stored milk for it (or pump once more, at a time you choose)." ]
}

# Away mon-fri 08:00-17:30; the parent pumps at home every day at 07:00 and 21:15, at work at the feeds' times.
habitual_home_pumps() {
    baby 2026-11-16 7 "03:40=120 06:40=120 09:45=130 12:50=110 16:00=140 18:40=120 21:45=120"
    pumps 2026-11-16 7 "07:00=75 21:15=65"
    pumps 2026-11-16 5 "09:45=80 12:50=65 16:00=80"
}

@test "away, the extra session keeps min_gap from the parent's habitual pumps at home and the pumps logged that day" {
    habitual_home_pumps
    local away="mon-fri 08:00-17:30"
    # Not at 07:45, 45 minutes after the daily 07:00 pump (which would be taken for it), nor at 23:15, at night,
    # 2 h after 21:15 (the evening has no other time 2 h from 16:00 and 21:15 and an hour from the 18:40 feed):
    # the work day is re-spaced, 2 h apart.
    run --separate-stderr pumplog --now "2026-11-23 07:00" plan --away "$away"
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Mon 2026-11-23  09:45  130 ml     80 ml  covers the 09:45 feed" ]
    [ "${lines[3]}" = "Mon 2026-11-23  12:25  110 ml     65 ml  moved to make room for an extra session; covers the 12:50 feed" ]
    [ "${lines[4]}" = "Mon 2026-11-23  14:25  140 ml     72 ml  extra: toward the 155 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[5]}" = "Mon 2026-11-23  16:25  140 ml     80 ml  moved to make room for an extra session; covers the 16:00 feed" ]
    [ "${lines[8]}" = "Advice: While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 380 ml; your 3 pumps are expected to give about 225 ml, 155 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats while you are away: pump 4 times instead of 3, re-spaced to keep 2 h (min_gap) between pumps; the new one is at 14:25 (about 72 ml more expected). Even then about 83 ml is missing: give stored milk for the rest, and ask a lactation consultant how to raise your yield." ]
    # The 07:05 pump logged: the habitual one, not the extra, which stays at 14:25 in the table, the advice,
    # and plan next, as the pumps of the day are pumped.
    pumps 2026-11-23 1 "07:05=85"
    run --separate-stderr pumplog --now "2026-11-23 07:20" plan --away "$away"
    [ "$status" -eq 0 ]
    [ "${lines[4]}" = "Mon 2026-11-23  14:25  140 ml     73 ml  extra: toward the 155 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [[ "${lines[8]}" == *"the new one is at 14:25 (about 73 ml more expected). Even then about 82 ml is missing"* ]]
    run --separate-stderr pumplog --now "2026-11-23 07:20" plan --away "$away" --format json
    [ "$(jq -c '.advice_items[] | select(.kind == "shortfall") | [.at, .overdue, .respaced, .night]' <<<"$output")" = '["2026-11-23T14:25:00+01:00",false,true,false]' ]
    run --separate-stderr pumplog --now "2026-11-23 07:35" plan next --away "$away" --within 10m
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    pumps 2026-11-23 1 "09:45=80 12:25=70"
    run --separate-stderr pumplog --now "2026-11-23 14:20" plan next --away "$away" --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 14:25 (in 5 min), aim for 140 ml (an extra session)" ]
}

# Away mon-fri 08:00-17:30, the extra session at home at 18:00 (2 h from the 16:00 pump and the habitual 20:00
# one, an hour before the 19:00 feed); Monday's pumps logged up to 16:00.
evening_extra() {
    baby 2026-11-16 7 "02:00=100 05:00=100 07:30=120 10:00=130 13:00=110 16:00=140 19:00=120 22:30=120"
    pumps 2026-11-16 7 "06:45=75 20:00=110"
    pumps 2026-11-16 5 "10:00=80 13:00=65 16:00=80"
    pumps 2026-11-23 1 "06:45=75 10:00=80 13:00=65 16:00=80"
}

@test "away, the habitual evening pump logged early neither stands for the extra session nor moves it" {
    evening_extra
    local away="mon-fri 08:00-17:30"
    run --separate-stderr pumplog --now "2026-11-23 07:00" plan --away "$away"
    [ "$status" -eq 0 ]
    [ "${lines[5]}" = "Mon 2026-11-23  18:00  140 ml     84 ml  extra: toward the 155 ml short (CDC: see advice)" ]
    # The habitual 20:00 pump logged at 19:30: it is that pump, not the 18:00 extra (1 h 30 min after it), which
    # stays overdue until 20:00 (not done with, nor moved to 23:30, at night, 2 h from a habit learned with it).
    pumps 2026-11-23 1 "19:30=100"
    run --separate-stderr pumplog --now "2026-11-23 19:40" plan next --away "$away"
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 18:00 pump is 1 h 40 min overdue, aim for 140 ml (an extra session)" ]
    run --separate-stderr pumplog --now "2026-11-23 19:40" plan --away "$away" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | select(.at | startswith("2026-11-23")) | .at[11:16]]' <<<"$output")" = '[]' ]
    # A pump logged near the extra's own time stands for it: the next pump is Tuesday's first (its window
    # re-spaced for its own extra session).
    pumps 2026-11-23 1 "18:20=90"
    run --separate-stderr pumplog --now "2026-11-23 19:40" plan next --away "$away"
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 09:30 tomorrow (in 13 h 50 min), aim for 130 ml" ]
}

@test "away, an extra session pumped leaves the table and its advice together" {
    habitual_home_pumps
    local away="mon-fri 08:00-17:30"
    pumps 2026-11-23 1 "07:05=85"
    # Sleeping from 23:30 to 04:30, the extra session goes at 23:15, in waking hours; pumped early, at 22:30 (not
    # near the 21:15 habit: it is the extra one).
    pumps 2026-11-23 1 "22:30=70"
    run --separate-stderr pumplog --now "2026-11-23 22:40" plan --away "$away" --sleep 23:30-04:30 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.pumps[0].at' <<<"$output")" = "2026-11-24T05:00:00+01:00" ]
    # Monday's advice is left out with its pump; Tuesday's stays.
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | .at]' <<<"$output")" = '["2026-11-24T05:00:00+01:00"]' ]
    [ "$(jq -r '.advice | length' <<<"$output")" = 1 ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == "While you are away on Tue 2026-11-24 08:00-17:30 "*"pump also at 05:00 (about 73 ml expected)."* ]]
}

# Pumping exclusively, a 3-day look-back: Sun 2026-11-22 and before the baby drank half as much again as from
# Monday on; nothing is logged after Wed 21:15.
window_days() {
    baby 2026-11-20 3 "00:30=135 03:30=150 06:30=195 09:30=180 12:30=165 15:30=180 18:30=210 21:00=150"
    baby 2026-11-23 3 "00:30=90 03:30=100 06:30=130 09:30=120 12:30=110 15:30=120 18:30=140 21:00=100"
    pumps 2026-11-20 6 "07:00=140 12:30=90 15:30=80 21:15=120"
    pumplog config set mode exclusive >/dev/null
    pumplog config set lookback 3 >/dev/null
}

@test "a day's plan learns from the same days the evening before and after midnight" {
    window_days
    local evening midnight
    # Planned on Wednesday at 21:30 and on Thursday at 00:10, with no entry between: the same window (from
    # Sunday, the eve's 3 days back), the same pumps, slots and advice.
    evening="$(PUMPLOG_NOW=2026-11-25T21:30:00+01:00 pumplog plan --on 2026-11-26 --format json)"
    midnight="$(PUMPLOG_NOW=2026-11-26T00:10:00+01:00 pumplog plan --on 2026-11-26 --format json)"
    [ "$(jq -r '.basis.since' <<<"$evening")" = "2026-11-22T00:00:00+01:00" ]
    [ "$(jq -r '.basis.since' <<<"$midnight")" = "2026-11-22T00:00:00+01:00" ]
    [ "$(jq -c '.pumps, .slots, .advice_items' <<<"$evening")" = "$(jq -c '.pumps, .slots, .advice_items' <<<"$midnight")" ]
    [ "$(jq -r '[.pumps[] | "\(.at[11:16])=\(.target_ml)"] | join(" ")' <<<"$midnight")" = "00:30=97 03:30=108 06:00=140 08:00=118 10:00=129 12:30=118 15:30=129 18:30=151 21:00=108" ]
    # The table says the same (the basis's end aside), and plan next names the same pump and target.
    PUMPLOG_NOW=2026-11-25T21:30:00+01:00 run --separate-stderr pumplog plan --on 2026-11-26
    [ "${lines[2]}" = "Thu 2026-11-26  00:30   97 ml    108 ml  covers the 00:30 feed" ]
    [ "${lines[8]}" = "Thu 2026-11-26  15:30  129 ml     80 ml  covers the 15:30 feed" ]
    PUMPLOG_NOW=2026-11-26T00:10:00+01:00 run --separate-stderr pumplog plan --on 2026-11-26
    [ "${lines[2]}" = "Thu 2026-11-26  00:30   97 ml    108 ml  covers the 00:30 feed" ]
    [ "${lines[8]}" = "Thu 2026-11-26  15:30  129 ml     80 ml  covers the 15:30 feed" ]
    PUMPLOG_NOW=2026-11-25T21:30:00+01:00 run --separate-stderr pumplog plan next
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 00:30 tomorrow (in 3 h), aim for 97 ml" ]
    PUMPLOG_NOW=2026-11-26T00:40:00+01:00 run --separate-stderr pumplog plan next
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 00:30 pump is 10 min overdue, aim for 97 ml" ]
    PUMPLOG_NOW=2026-11-26T03:00:00+01:00 run --separate-stderr pumplog plan next --format json
    [ "$(jq -r '.at, .target_ml' <<<"$output" | paste -sd' ')" = "2026-11-26T03:30:00+01:00 108" ]
}

@test "plan bottles packed the evening before learns from the day's window, as after midnight" {
    window_days
    pumplog config set mode away >/dev/null
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local evening midnight
    evening="$(PUMPLOG_NOW=2026-11-25T21:30:00+01:00 pumplog plan bottles --on 2026-11-26 --format json)"
    midnight="$(PUMPLOG_NOW=2026-11-26T00:10:00+01:00 pumplog plan bottles --on 2026-11-26 --format json)"
    # The same bottles, cover and basis: the days from Sunday, the eve's 3 days back.
    [ "$evening" = "$midnight" ]
    [ "$(jq -c '.basis, .cover, [.bottles[].size_ml]' <<<"$midnight" | paste -sd' ')" = '{"feeds":32,"merged":0,"days":4} {"pumps":4,"pump_expected_ml":108,"formula_ml":350} [120,110,120]' ]
}

# Away 08:00-19:00, the baby fed 8 times a day; the parent pumps at work (90, 90, 80, 70 ml: 160 ml short of
# the 490 ml drunk then) and at home at 07:05 and 21:15 every day, on no plan (habitual pumps).
habitual_pumper() {
    baby 2026-11-16 8 "00:30=90 03:30=100 06:30=130 09:30=120 12:30=110 15:30=120 18:30=140 21:00=100"
    pumps 2026-11-16 8 "07:05=140 09:30=90 12:30=90 15:30=80 18:30=70 21:15=120"
    pumplog config set away "mon-fri 08:00-19:00" >/dev/null
}

@test "away, a short work day is re-spaced for its extra session, min_gap from the habitual pumps, not at night" {
    habitual_pumper
    export PUMPLOG_NOW=2026-11-24T12:00:00+01:00
    # No evening time keeps 2 h from the 18:30 pump and the habitual 21:15 one and an hour from the 21:00 feed
    # but 23:15, at night (as 05:00 is, before the habitual 07:05): the work day is re-spaced instead, its first
    # pump 2 h after the habitual 07:05 one (not 08:00, an hour after it).
    run --separate-stderr pumplog plan --on 2026-11-25
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Wed 2026-11-25  09:05  120 ml     90 ml  moved to make room for an extra session; covers the 09:30 feed" ]
    [ "${lines[3]}" = "Wed 2026-11-25  11:05  140 ml     90 ml  extra: toward the 160 ml short, the day re-spaced to keep min_gap (CDC: see advice)" ]
    [ "${lines[4]}" = "Wed 2026-11-25  13:05  110 ml     90 ml  moved to make room for an extra session; covers the 12:30 feed" ]
    [ "${lines[5]}" = "Wed 2026-11-25  15:30  120 ml     80 ml  covers the 15:30 feed" ]
    [ "${lines[6]}" = "Wed 2026-11-25  18:30  140 ml     70 ml  covers the 18:30 feed" ]
    run --separate-stderr pumplog plan --on 2026-11-25 --format json
    [ "$(jq -c '.advice_items[] | select(.kind == "shortfall") | [.at, .respaced, .night, .extra_expected_ml, .missing_ml]' <<<"$output")" = '["2026-11-25T11:05:00+01:00",true,false,90,70]' ]
}

@test "away, an extra session that fits only at night says so plainly" {
    habitual_pumper
    pumplog config set min_gap 3h >/dev/null
    export PUMPLOG_NOW=2026-11-24T12:00:00+01:00
    # With min_gap 3 h no waking time keeps it from the day's pumps and the habitual ones, and five pumps 3 h
    # apart do not fit between 10:05 (3 h after 07:05) and 19:00: 02:30, and the advice says why.
    run --separate-stderr pumplog plan --on 2026-11-25
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Wed 2026-11-25  02:30  140 ml     98 ml  extra: toward the 160 ml short (CDC: see advice)" ]
    [[ "$output" == *"pump also at 02:30 (about 98 ml expected), at night: no time in your waking hours keeps 3 h (min_gap) from your other pumps, the ones you pump at home included, nor does re-spacing the day's pumps. Even then about 62 ml is missing"* ]]
    run --separate-stderr pumplog plan --on 2026-11-25 --format json
    [ "$(jq -c '.advice_items[] | select(.kind == "shortfall") | [.at, .respaced, .night, .extra_expected_ml, .missing_ml]' <<<"$output")" = '["2026-11-25T02:30:00+01:00",false,true,98,62]' ]
}

@test "away, an extra session at night keeps min_gap from a habitual home pump near a planned one" {
    # Home pumps every day at 07:00 and 21:30; with min_gap 3 h the 07:00 one is within half of it of the
    # 08:05 work pump, yet still pumped: the night extra keeps 3 h from it (not 04:30, 2 h 30 before it).
    baby 2026-11-16 7 "02:15=100 05:40=100 08:05=100 11:00=100 14:10=100 17:05=100 20:00=100 23:10=100"
    pumps 2026-11-16 7 "07:00=80 21:30=80"
    run --separate-stderr pumplog --now "2026-11-22 21:00" plan --on 2026-11-23 --away "mon-fri 08:00-17:30" \
        --min-gap 3h --max-gap-day 3h --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .extra]]' <<<"$output")" = '[["04:00",true],["08:25",false],["11:25",false],["14:25",false],["17:25",false]]' ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | [.at, .night]]' <<<"$output")" = '[["2026-11-23T04:00:00+01:00",true]]' ]
}

@test "away at night, a window re-spaced for its extra session says the new pump is at night" {
    # A night shift (22:00-06:00) giving little, the waking day at home full of habitual pumps 3 h apart near
    # the feeds: no single time keeps 2 h from the pumps and an hour from the feeds, so the window is re-spaced,
    # its new pump at night: the advice says so (JSON night: true), as it does for a single time at night.
    baby 2026-11-16 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-16 7 "08:30=90 11:30=90 14:30=90 17:30=90 20:30=90 23:00=50 02:00=50 05:00=50"
    run --separate-stderr pumplog --now "2026-11-22 12:00" plan --on 2026-11-23 --days 2 \
        --away "mon-fri 22:00-06:00" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.pumps[] | select(.at < "2026-11-24T12") | "\(.at[11:16])\(if .extra then "+" else "" end)"]' <<<"$output")" = \
        '["22:30","00:30","02:30+","04:30"]' ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | [.at, .respaced, .night]][0]' <<<"$output")" = \
        '["2026-11-24T02:30:00+01:00",true,true]' ]
    run --separate-stderr pumplog --now "2026-11-22 12:00" plan --on 2026-11-23 --days 2 --away "mon-fri 22:00-06:00"
    [[ "$output" == *"re-spaced to keep 2 h (min_gap) between pumps; the new one is at 02:30 (about 40 ml more expected), at night: your waking hours have no room for one more pump 2 h (min_gap) from the others. Even then"* ]]
}

@test "a pump logged at the plan's now counts for the expected yield, as status counts it" {
    baby 2026-11-16 7 "03:00=110 07:00=110 10:00=110 13:00=110 16:00=110 19:00=110 22:00=110"
    pumplog --now "2026-11-23 19:30" add 120ml --at 19:30
    run --separate-stderr pumplog --now "2026-11-23 19:30" plan --on 2026-11-24 --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    # Not "no_pumps_logged": the 19:30 pump is the yield's one sample.
    [ "$(jq -c '[.advice_items[].kind]' <<<"$output")" = '[]' ]
    [ "$(jq -c '[.pumps[] | [.at[11:16], .expected_ml]]' <<<"$output")" = '[["10:00",120],["13:00",120],["16:00",120]]' ]
}

# Away mon-fri 08:00-17:30, the pumps at work giving a little more than each feed: no extra session, until a skip.
skip_day() {
    baby 2026-11-16 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-16 7 "10:00=110 13:00=110 16:00=110 21:00=110"
}

@test "away, a skip makes the extra session after the skipped pump: never overdue when first shown, the rest kept" {
    skip_day
    local away="mon-fri 08:00-17:30"
    q='[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)"), .advice_items[].kind]'
    # The 10:00 pump skipped at 09:55: an extra at 11:00 (an hour after it, min_gap from 13:00), the 13:00 and
    # 16:00 pumps where they were (the window not re-spaced), reminded of on time.
    pumplog --now "2026-11-23 09:55" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 09:56" plan --away "$away" --format json
    [ "$(jq -c "$q" <<<"$output")" = '["11:00+","13:00","16:00","shortfall"]' ]
    run --separate-stderr pumplog --now "2026-11-23 10:55" plan next --away "$away" --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 11:00 (in 5 min), aim for 80 ml (an extra session)" ]
}

@test "away, a skip of a pump still ahead is no extra session overdue at once: it goes after the skipped pump" {
    skip_day
    local away="mon-fri 08:00-17:30"
    # The 10:00 and 13:00 pumps pumped, the 16:00 one skipped at 15:00. Not "the 14:30 pump is 30 min overdue"
    # at once: the extra goes at 17:00 (an hour after the skipped pump), in plan and plan next alike.
    pumps 2026-11-23 1 "10:00=110 13:00=110"
    pumplog --now "2026-11-23 15:00" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 15:00" plan next --away "$away" --within 10m
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    run --separate-stderr pumplog --now "2026-11-23 15:00" plan --away "$away" --format json
    [ "$(jq -c '[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)"), .advice_items[].kind]' <<<"$output")" = '["17:00+","shortfall"]' ]
    run --separate-stderr pumplog --now "2026-11-23 16:55" plan next --away "$away" --within 10m
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 17:00 (in 5 min), aim for 80 ml (an extra session)" ]
}

@test "away, a skipped pump is made up in its window though an evening hour yields more, and stays put after it" {
    baby 2026-11-16 7 "01:00=100 04:00=100 07:00=100 10:00=100 13:00=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-16 7 "10:00=110 13:00=110 16:00=125 21:00=110"
    local away="mon-fri 08:00-17:30"
    # The 10:00 pump skipped at 09:00: 11:00 at work, not 18:00 at home for a few ml more.
    pumplog --now "2026-11-23 09:00" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 09:00" plan --away "$away" --format json
    [ "$(jq -c '[.pumps[] | select(.extra) | .at]' <<<"$output")" = '["2026-11-23T11:00:00+01:00"]' ]
    # Another day: the 16:00 pump skipped at 15:00, its 17:00 extra not pumped. Past the window's end it stays at
    # 17:00, overdue in plan and plan next alike, never a new "17:30 pump 1 min overdue".
    pumps 2026-11-24 1 "10:00=110 13:00=110"
    pumplog --now "2026-11-24 15:00" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-24 17:31" plan next --away "$away"
    [ "$output" = "Pump now: the 17:00 pump is 31 min overdue, aim for 80 ml (an extra session)" ]
    run --separate-stderr pumplog --now "2026-11-24 17:31" plan --away "$away" --format json
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | [.at, .overdue]]' <<<"$output")" = '[["2026-11-24T17:00:00+01:00",true]]' ]
}

@test "away, a skipped first pump with no single time free in its window re-spaces the window, not 18:00 at home" {
    baby 2026-11-16 7 "01:00=100 04:00=100 07:00=100 10:00=100 12:45=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-16 7 "10:00=110 12:45=110 16:00=110 21:00=110"
    local away="mon-fri 08:00-17:30" q
    q='[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)")'
    q+=', .advice_items[].kind]'
    # The 10:00 pump skipped at 09:00: no time an hour after it keeps min_gap (2 h) from 12:45 and 16:00, nor
    # after 16:00 before 17:30. The pumps after the skipped one are re-spaced at work: 12:20, 14:20 (the extra)
    # and 16:20, not an extra at 18:00 at home.
    pumplog --now "2026-11-23 09:00" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 09:00" plan --away "$away" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c "$q" <<<"$output")" = '["12:20","14:20+","16:20","shortfall"]' ]
    [ "$(jq -c '.advice_items[] | select(.kind == "shortfall") | [.at, .respaced, .skipped]' <<<"$output")" = \
        '["2026-11-23T14:20:00+01:00",true,1]' ]
    run --separate-stderr pumplog --now "2026-11-23 12:15" plan next --away "$away"
    [ "$output" = "Pump at 12:20 (in 5 min), aim for 100 ml" ]
    # Pumped at 12:20: the rest keep their times.
    pumps 2026-11-23 1 "12:20=110"
    run --separate-stderr pumplog --now "2026-11-23 14:10" plan next --away "$away"
    [ "$output" = "Pump at 14:20 (in 10 min), aim for 80 ml (an extra session)" ]
    run --separate-stderr pumplog --now "2026-11-23 14:10" plan --away "$away" --format json
    [ "$(jq -c "$q" <<<"$output")" = '["14:20+","16:20","shortfall"]' ]
}

@test "away, a skipped pump is made up at the one time that keeps min_gap, off the quarter hours, not re-spaced" {
    baby 2026-11-16 7 "01:25=100 04:25=100 07:25=100 10:30=100 13:25=100 16:25=100 19:25=100 22:25=100"
    pumps 2026-11-16 7 "10:30=110 13:25=110 16:25=110 21:00=110"
    local away="mon-fri 08:00-17:30" q
    q='[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)"),
        (.advice_items[] | [.kind, .at[11:16], .respaced])]'
    # The 10:30 pump pumped at 10:55, the 13:25 one skipped at 13:15: 14:25 (an hour after it) is 2 h (min_gap)
    # before 16:25 and 3 h 30 after 10:55. On the quarter hours 14:30 is too near 16:25, yet 14:25 is one time
    # that fits: the window is not re-spaced (not 15:25 with 16:25 moved to 17:25).
    pumps 2026-11-23 1 "10:55=110"
    pumplog --now "2026-11-23 13:15" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 13:15" plan --away "$away" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c "$q" <<<"$output")" = '["14:25+","16:25",["shortfall","14:25",false]]' ]
    run --separate-stderr pumplog --now "2026-11-23 14:20" plan next --away "$away" --within 10m
    [ "$output" = "Pump at 14:25 (in 5 min), aim for 80 ml (an extra session)" ]
}

@test "away, a skip's extra in its window gone by is offered again from now, not left out with the window short" {
    skip_day
    local away="mon-fri 08:00-17:30"
    q='[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)"),
        (.advice_items[] | [.kind, .at[11:16], .overdue])]'
    # The 10:00 pump skipped at 09:55, its 11:00 extra not pumped: overdue until 12:00 (the midpoint to 13:00),
    # then offered again (18:00 at home: no time at work keeps min_gap from 13:00 and 16:00), not dropped.
    pumplog --now "2026-11-23 09:55" plan skip --away "$away"
    run --separate-stderr pumplog --now "2026-11-23 11:30" plan --away "$away" --format json
    [ "$(jq -c "$q" <<<"$output")" = '["13:00","16:00",["shortfall","11:00",true]]' ]
    run --separate-stderr pumplog --now "2026-11-23 12:10" plan --away "$away" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c "$q" <<<"$output")" = '["13:00","16:00","18:00+",["shortfall","18:00",false]]' ]
}

@test "away, a skip's re-spaced extra is overdue in plan as in plan next, and offered again once gone by" {
    baby 2026-11-16 7 "01:00=100 04:00=100 07:00=100 10:00=100 12:45=100 16:00=100 19:00=100 22:00=100"
    pumps 2026-11-16 7 "10:00=110 12:45=110 16:00=110 21:00=110"
    local away="mon-fri 08:00-17:30"
    q='[(.pumps[] | select(.at < "2026-11-24") | "\(.at[11:16])\(if .extra then "+" else "" end)"),
        (.advice_items[] | [.kind, .at[11:16], .overdue])]'
    # The 10:00 pump skipped at 09:00, the window re-spaced (12:20, 14:20 the extra, 16:20), 12:20 pumped.
    pumplog --now "2026-11-23 09:00" plan skip --away "$away"
    pumps 2026-11-23 1 "12:20=110"
    # 14:20 not pumped: overdue until 15:20 (the midpoint to 16:20), in plan as in plan next.
    run --separate-stderr pumplog --now "2026-11-23 15:10" plan next --away "$away"
    [ "$output" = "Pump now: the 14:20 pump is 50 min overdue, aim for 80 ml (an extra session)" ]
    run --separate-stderr pumplog --now "2026-11-23 15:10" plan --away "$away" --format json
    [ "$(jq -c "$q" <<<"$output")" = '["16:20",["shortfall","14:20",true]]' ]
    # Its advice says so, as a single time's does ("pump also at 08:00 (overdue now, ...)").
    run --separate-stderr pumplog --now "2026-11-23 15:10" plan --away "$away"
    [[ "$output" == *"pump 4 times instead of 3, re-spaced to keep 2 h (min_gap) between pumps; the new one is at 14:20 (overdue now, about 110 ml more expected)."* ]]
    # Gone by: the window as it was, the extra offered again (18:00 at home), not dropped.
    run --separate-stderr pumplog --now "2026-11-23 15:25" plan --away "$away" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c "$q" <<<"$output")" = '["16:00","18:00+",["shortfall","18:00",false]]' ]
    run --separate-stderr pumplog --now "2026-11-23 15:25" plan next --away "$away"
    [ "$output" = "Pump at 16:00 (in 35 min), aim for 100 ml" ]
}

# Review s51: a parent pumping exclusively who cuts down the pumps on purpose (weaning) was told only that the supply
# is falling and what helps. The plan cannot know the intent: the sentence says the fall is expected then, in the
# table and JSON alike; advice_items keep their numbers. Supply mode (building a supply) says no such thing.
@test "pumping exclusively a falling supply says plainly it is expected when cutting down pumps on purpose" {
    export PUMPLOG_NOW="2026-11-20T20:00:00+01:00"
    local day h
    # 8 pumps a day from 2026-11-10, 110 ml each, 6 ml less a pump each day; 7 of 45 ml on 11-20; bottle feeds.
    for day in 10 11 12 13 14 15 16 17 18 19; do
        for h in 00 03 06 09 12 15 18 21; do
            pumps "2026-11-$day" 1 "$h:30=$((110 - 6 * (day - 10)))"
        done
    done
    pumps 2026-11-20 1 "00:30=45 03:30=45 06:30=45 09:30=45 12:30=45 15:30=45 18:30=45"
    baby 2026-11-14 7 "02:00=90 06:00=90 10:00=90 14:00=90"
    local sentence="Your supply is falling: from about 832 ml a day (2026-11-10 to 2026-11-12) to about 496 ml a day over the last 3 days (2026-11-17 to 2026-11-19), 40% less (if you are cutting down your pumps on purpose, this is expected). What helps: remove milk more often and more completely (8-10 sessions in 24 hours, Ameda; ABM Clinical Protocol #9); add hand expression and hands-on pumping (Morton et al. 2009); check the pump and the fit of its breast shields (Meier et al. 2016); hold the baby skin to skin (Hurst et al. 1997); and see a lactation consultant (IBCLC) soon (ABM Clinical Protocol #9)."
    run --separate-stderr pumplog plan --mode exclusive --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.advice[] | select(startswith("Your supply"))' <<<"$output")" = "$sentence" ]
    [ "$(jq -c '.advice_items[] | select(.kind == "falling_supply")' <<<"$output")" = '{"kind":"falling_supply","from_ml":832,"to_ml":496,"fall_percent":40,"from_first":"2026-11-10","from_last":"2026-11-12","to_first":"2026-11-17","to_last":"2026-11-19","source":"ABM Clinical Protocol #9; Ameda; Morton et al. 2009; Meier et al. 2016; Hurst et al. 1997"}' ]
    run --separate-stderr pumplog plan --mode exclusive
    [ "$status" -eq 0 ]
    [ "$(grep -c -F -x "Advice: $sentence" <<<"$output")" -eq 1 ]
    run --separate-stderr pumplog plan --mode supply --birth 2026-10-20 --format json
    [ "$status" -eq 0 ]
    [[ "$(jq -r '.advice[] | select(startswith("Your supply"))' <<<"$output")" == *", 40% less. What helps: "* ]]
}

# Review s51: in the hour a fall-back night repeats (Berlin, Sun 2026-10-25: 02:00-03:00 twice), "the 02:30 pump is
# 1 h 10 min overdue" did not say which 02:30. A time there carries its UTC offset, in plan next, the table and
# plan skip; JSON and CSV carry the whole timestamp; a time on any other night stays as it was.
@test "a pump in the hour the clocks go back repeats names its UTC offset" {
    baby 2026-10-18 7 "02:30=100 05:30=100 08:30=100 11:30=100 14:30=100 17:30=100 20:30=100 23:30=100"
    pumplog config set mode exclusive >/dev/null
    run --separate-stderr pumplog --now "2026-10-25T02:10:00+02:00" plan next
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 02:30 (+02:00) (in 20 min), aim for 100 ml" ]
    # At the second 02:40, an hour and ten minutes after the first 02:30.
    run --separate-stderr pumplog --now "2026-10-25T02:40:00+01:00" plan next
    [ "$status" -eq 0 ]
    [ "$output" = "Pump now: the 02:30 (+02:00) pump is 1 h 10 min overdue, aim for 100 ml" ]
    run --separate-stderr pumplog --now "2026-10-25T02:40:00+01:00" plan next --format json
    [ "$(jq -c '[.at, .in_min]' <<<"$output")" = '["2026-10-25T02:30:00+02:00",-70]' ]
    run --separate-stderr pumplog --now "2026-10-24T21:00:00+02:00" plan --on 2026-10-25
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "day             time            target  expected  why" ]
    [ "${lines[2]}" = "Sun 2026-10-25  02:30 (+02:00)  100 ml         -  covers the 02:30 (+02:00) feed" ]
    [ "${lines[3]}" = "Sun 2026-10-25  05:30           100 ml         -  covers the 05:30 feed" ]
    run --separate-stderr pumplog --now "2026-10-24T21:00:00+02:00" plan --on 2026-10-25 --format json
    [ "$(jq -c '[.pumps[0:2][].at]' <<<"$output")" = '["2026-10-25T02:30:00+02:00","2026-10-25T05:30:00+01:00"]' ]
    run --separate-stderr pumplog --now "2026-10-24T21:00:00+02:00" plan --on 2026-10-26
    [ "${lines[2]}" = "Mon 2026-10-26  02:30  100 ml         -  covers the 02:30 feed" ]
    run --separate-stderr pumplog --now "2026-10-25T02:40:00+01:00" plan skip
    [ "$status" -eq 0 ]
    [ "$output" = "Skipped the 02:30 (+02:00) pump" ]
    [ "$(tail -1 "$J" | jq -r '.at')" = "2026-10-25T02:30:00+02:00" ]
}
