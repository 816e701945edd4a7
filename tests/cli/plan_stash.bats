#!/usr/bin/env bats
# `plan stash` beside the other plan subcommands: away windows past midnight,
# no feed while away, the display unit, no day left; the options it refuses.
load helpers
bats_require_minimum_version 1.5.0

# baby FIRST DAYS "HH:MM=ML ...": bottle feeds at those wall-clock times on
# DAYS days from FIRST, with the offset of $TZ on each day (GNU date).
baby() {
    local first="$1" days="$2" slots="$3" d s day at
    for ((d = 0; d < days; d++)); do
        day="$(date -d "$first + $d day" +%F)"
        for s in $slots; do
            at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"f-$day-${s%=*}\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":${s#*=},\"milk\":\"breast\"}"
        done
    done
}

# pumps FIRST DAYS "HH:MM=ML ...": the parent's pumps, likewise.
pumps() {
    local first="$1" days="$2" slots="$3" d s day at
    for ((d = 0; d < days; d++)); do
        day="$(date -d "$first + $d day" +%F)"
        for s in $slots; do
            at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"p-$day-${s%=*}\",\"type\":\"pump\",\"at\":\"$at\",\"ml\":${s#*=}}"
        done
    done
}

# A baby fed every 3 hours, the week before now (Sat 2026-11-21 14:05, Berlin); pumps at 10:00, 13:00, 16:00.
three_hourly() {
    baby 2026-11-14 7 "01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100"
    pumps 2026-11-14 7 "10:00=100 13:00=100 16:00=100"
}

@test "plan stash counts a night away past midnight as one away day, the day it starts, as plan bottles packs it" {
    three_hourly
    # Friday 22:00 to Saturday 06:00: the 22:00, 01:00 and 04:00 feeds, 290 ml, on 1 day a week.
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "fri 22:00-06:00" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.need_per_day_ml, .away_days_per_week, .away_slots, .target_ml, .target_days]' <<<"$output")" = '[290,1,["22:00","01:00","04:00"],870,3]' ]
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "fri 22:00-06:00"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Back on Mon 2026-12-07: while you are away the baby drinks about 290 ml a day (the 22:00, 01:00 and 04:00 feeds), on 1 day a week." ]
    [ "${lines[1]}" = "Stash to have: 3 days of need, 870 ml (the default; change it with --target 5d or --target 2000ml)." ]
    # Five nights: 5 away days of 290 ml, not 6 days of 242 ml.
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 22:00-06:00" --format json
    [ "$(jq -c '[.need_per_day_ml, .away_days_per_week, .target_ml]' <<<"$output")" = '[290,5,870]' ]
    # The same night's bottles: the same three feeds.
    run --separate-stderr pumplog plan bottles --on 2026-12-11 --away "fri 22:00-06:00" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.bottles[].need_ml] | add' <<<"$output")" = 290 ]
    # A return on the Saturday morning of a night away: the first away day is the next Friday's night.
    run --separate-stderr pumplog plan stash --return 2026-12-05 --away "fri 22:00-06:00" --format json
    [ "$(jq -c '[.need_per_day_ml, .away_days_per_week]' <<<"$output")" = '[290,1]' ]
}
