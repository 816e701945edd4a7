#!/usr/bin/env bats
# `plan stash` beside the other plan subcommands: away windows past midnight,
# no feed while away, the display unit, no day left; the options it refuses.
load helpers
bats_require_minimum_version 1.5.0

load plan_days

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

@test "plan stash lists the feeds of every away window when the windows differ by weekday, from the away hours' start" {
    three_hourly
    # Monday and Wednesday nights (290 ml) and Friday's day (350 ml): 310 ml a day, the night's feeds and the day's.
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon,wed 22:00-06:00; fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.need_per_day_ml, .away_days_per_week, .away_slots]' <<<"$output")" = '[310,3,["22:00","01:00","04:00","10:00","13:00","16:00"]]' ]
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon,wed 22:00-06:00; fri 08:00-17:30"
    [ "${lines[0]}" = "Back on Mon 2026-12-07: while you are away the baby drinks about 310 ml a day (the 22:00, 01:00, 04:00, 10:00, 13:00 and 16:00 feeds), on 3 days a week." ]
    # Saturday night (290 ml) and Sunday morning (250 ml): the night's three feeds, then the morning's two.
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "sat 22:00-06:00; sun 07:00-11:00" --format json
    [ "$(jq -c '[.need_per_day_ml, .away_days_per_week, .away_slots]' <<<"$output")" = '[270,2,["22:00","01:00","04:00","07:00","10:00"]]' ]
}

@test "plan next, skip, stash and bottles refuse plan's --on and --days instead of answering for another day" {
    three_hourly
    export PUMPLOG_NOW=2026-11-23T16:00:00+01:00
    local before
    before="$TEST_DIR/before.jsonl"
    cp "$J" "$before"
    refused 2 pumplog plan skip --on tomorrow --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan skip takes no --on: it skips the one pump plan next shows (see pumplog plan skip --help)" ]
    cmp "$J" "$before"
    refused 2 pumplog plan --on tomorrow skip --away "mon-fri 08:00-17:30"
    refused 2 pumplog plan skip --days 2 --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan skip takes no --days: it skips the one pump plan next shows (see pumplog plan skip --help)" ]
    cmp "$J" "$before"
    refused 2 pumplog plan next --on tomorrow --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan next takes no --on: it shows the one pump due next, from now (see pumplog plan next --help)" ]
    refused 2 pumplog plan next --days 3 --within 10m
    [ "$stderr" = "pumplog: error: plan next takes no --days: it shows the one pump due next, from now (see pumplog plan next --help)" ]
    refused 2 pumplog plan stash --return 2026-12-01 --on=tomorrow --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan stash takes no --on: it plans the days up to --return DATE (see pumplog plan stash --help)" ]
    refused 2 pumplog plan stash --return 2026-12-01 --days 3 --away "mon-fri 08:00-17:30"
    refused 2 pumplog plan bottles --days 2 --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan bottles takes no --days: it packs the bottles of one day, tomorrow or --on DAY (see pumplog plan bottles --help)" ]
    refused 2 pumplog plan --days 2 bottles --apply --away "mon-fri 08:00-17:30"
    cmp "$J" "$before"
    # Without a journal: refused all the same, none created.
    rm "$J"
    refused 2 pumplog plan skip --on tomorrow --away "mon-fri 08:00-17:30"
    [ "$stderr" = "pumplog: error: plan skip takes no --on: it skips the one pump plan next shows (see pumplog plan skip --help)" ]
    [ ! -e "$J" ]
    cp "$before" "$J"
    # plan bottles has a day: its own --on, or plan's before it.
    run --separate-stderr pumplog plan bottles --on tomorrow --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Tue 2026-11-24 (away 08:00-17:30): 3 bottles, 350 ml in all." ]
    run --separate-stderr pumplog plan --on tomorrow bottles --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Tue 2026-11-24 (away 08:00-17:30): 3 bottles, 350 ml in all." ]
    # And the skip plan next shows is still recorded without them.
    run --separate-stderr pumplog plan skip --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "$output" = "Skipped the 16:00 pump" ]
}

@test "plan stash with no feed while away: no days of need (null) and nothing to stash for, whatever the target's form" {
    three_hourly
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 23:00-23:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.need_per_day_ml, .away_slots, .target_ml, .target_days, .to_build_ml, .session, .start]' <<<"$output")" = '[0,[],0,null,0,null,null]' ]
    [ "$(jq -c '.advice' <<<"$output")" = '["No feed falls in your away hours, so the baby needs no stored milk then: there is nothing to stash for, and no extra session is needed."]' ]
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 23:00-23:30" --target 5d --format json
    [ "$(jq -c '[.target_ml, .target_days]' <<<"$output")" = '[0,null]' ]
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 23:00-23:30"
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "Stash to have: none: no feed falls while you are away, so there is nothing to stash for." ]
    # Nothing to build: nothing to start either.
    [ "${lines[4]}" = "Start: none: there is nothing to stash for." ]
    [[ "$output" != *"days of need"* ]]
    [[ "$output" != *"covers the target"* ]]
    # A volume asked for is built all the same.
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 23:00-23:30" --target 2l --format json
    [ "$(jq -c '[.target_ml, .target_days, .to_build_ml, .start]' <<<"$output")" = '[2000,null,2000,"2026-11-22"]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "No feed falls in your away hours, so the baby needs no stored milk then." ]
}

@test "plan stash in ounces suggests a target in ounces" {
    three_hourly
    run --separate-stderr pumplog --unit oz plan stash --return 2026-12-07 --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "Stash to have: 3 days of need, 35.5 oz (the default; change it with --target 5d or --target 60oz)." ]
    pumplog config set unit oz >/dev/null
    run --separate-stderr pumplog plan stash --return 2026-12-07 --away "mon-fri 08:00-17:30"
    [ "${lines[1]}" = "Stash to have: 3 days of need, 35.5 oz (the default; change it with --target 5d or --target 60oz)." ]
    run --separate-stderr pumplog --unit ml plan stash --return 2026-12-07 --away "mon-fri 08:00-17:30"
    [ "${lines[1]}" = "Stash to have: 3 days of need, 1050 ml (the default; change it with --target 5d or --target 2000ml)." ]
}

@test "plan stash with no day left before the return: no start, no session to add, and the stash cannot grow" {
    three_hourly
    # Sat 14:05, back on Sunday: today's extra session (08:00) has passed, and tomorrow is the return.
    run --separate-stderr pumplog plan stash --return 2026-11-22 --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.start, .days_left, .session, .days_needed, .reachable]' <<<"$output")" = '[null,0,null,null,false]' ]
    [ "$(jq -c '.advice' <<<"$output")" = '["The stash cannot grow before Sun 2026-11-22: today'"'"'s best time for an extra session, 08:00, has passed, and no day is left to pump the 1050 ml more. Start giving stored milk later, or lower the target (--target)."]' ]
    run --separate-stderr pumplog plan stash --return 2026-11-22 --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "${lines[4]}" = "Start: no day is left before the return." ]
    [ "${lines[5]}" = "Basis: 56 feeds on 7 days." ]
    [[ "$output" != *"Extra daily session"* ]]
    [[ "$output" != *"Add one pump a day"* ]]
    [[ "$output" != *"second daily session"* ]]
    # With a day left: a start, and a second session is advice that can still help.
    run --separate-stderr pumplog plan stash --return 2026-11-23 --away "mon-fri 08:00-17:30" --format json
    [ "$(jq -c '[.start, .days_left]' <<<"$output")" = '["2026-11-22",1]' ]
    [[ "$(jq -r '.advice[-1]' <<<"$output")" == *"Add a second daily session, start giving stored milk later, or lower the target (--target)." ]]
}

# Review S F3: with 450 ml stored, "at about 150 ml a day you will have about 600 ml in 4 days" gave what the extra
# session adds as if it were the stash on the return day (about 1050 ml).
@test "plan stash out of reach says what the extra session adds and the stash in all, with the milk stored already" {
    local d t
    for d in 23 24 25; do
        for t in 09:30 12:30 15:30; do
            PUMPLOG_NOW="2026-11-$d $t" pumplog log feed 110ml --bottle >/dev/null 2>&1
        done
        PUMPLOG_NOW="2026-11-$d 07:00" pumplog add 150ml --store freezer >/dev/null 2>&1
    done
    export PUMPLOG_NOW="2026-11-25 20:00"
    local away="mon-fri 08:00-17:30"
    run --separate-stderr pumplog plan stash --return 2026-11-30 --target 2000ml --away "$away"
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Stored already: 450 ml still usable on Mon 2026-11-30 (3 containers); 1550 ml to build." ]
    [ "${lines[-1]}" = "Advice: 1550 ml more cannot be built by Mon 2026-11-30: at about 150 ml a day you will add about 600 ml in 4 days: about 1050 ml in all, with the 450 ml stored already. Add a second daily session, start giving stored milk later, or lower the target (--target)." ]
    run --separate-stderr pumplog plan stash --return 2026-11-30 --target 2000ml --away "$away" --unit oz
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Advice: 52.4 oz more cannot be built by Mon 2026-11-30: at about 5.1 oz a day you will add about 20.3 oz in 4 days: about 35.5 oz in all, with the 15.2 oz stored already. Add a second daily session, start giving stored milk later, or lower the target (--target)." ]
    run --separate-stderr pumplog plan stash --return 2026-11-30 --target 2000ml --away "$away" --format json
    [ "$(jq -c '[.stored_ml, .to_build_ml, .reachable]' <<<"$output")" = '[450,1550,false]' ]
}
