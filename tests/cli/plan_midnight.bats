#!/usr/bin/env bats
# `plan` from now, `plan next` and `plan --on` over midnight: the same pumps for the next day.
load helpers
bats_require_minimum_version 1.5.0

load plan_days

# 40 days of feeds and pumps 3 hours apart, the rhythm moved 75 minutes later from Sun 2026-11-15.
moved_rhythm() {
    baby 2026-10-13 33 "01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100"
    pumps 2026-10-13 33 "01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100"
    baby 2026-11-15 7 "02:15=90 05:15=100 08:15=130 11:15=120 14:15=110 17:15=120 20:15=140 23:15=100"
    pumps 2026-11-15 7 "02:15=90 05:15=100 08:15=130 11:15=120 14:15=110 17:15=120 20:15=140 23:15=100"
    pumplog config set mode exclusive >/dev/null
}

@test "at 23:45 and at 00:01 plan, plan --on and plan next agree on the next day's pumps" {
    moved_rhythm
    local now from_now on_day
    for now in 2026-11-21T23:45:00+01:00 2026-11-22T00:01:00+01:00; do
        from_now="$(PUMPLOG_NOW=$now pumplog plan --format json)"
        on_day="$(PUMPLOG_NOW=$now pumplog plan --on 2026-11-22 --format json)"
        # Sunday's plan, from its own window (from Saturday, its eve, 7 days back), made before or after midnight.
        [ "$(jq -r '.basis.since' <<<"$from_now")" = "2026-11-14T00:00:00+01:00" ]
        [ "$(jq -c '.pumps, .slots' <<<"$from_now")" = "$(jq -c '.pumps, .slots' <<<"$on_day")" ]
        [ "$(jq -r '[.pumps[] | "\(.at[0:16])=\(.target_ml)"] | join(" ")' <<<"$from_now")" = "2026-11-22T02:15=90 2026-11-22T05:15=100 2026-11-22T08:15=130 2026-11-22T11:15=120 2026-11-22T14:15=110 2026-11-22T17:15=120 2026-11-22T20:15=140 2026-11-22T23:15=100" ]
        PUMPLOG_NOW=$now run --separate-stderr pumplog plan next --format json
        [ "$status" -eq 0 ]
        [ "$(jq -r '.at, .target_ml' <<<"$output" | paste -sd' ')" = "2026-11-22T02:15:00+01:00 90" ]
    done
    PUMPLOG_NOW=2026-11-21T23:45:00+01:00 run --separate-stderr pumplog plan
    [ "${lines[2]}" = "Sun 2026-11-22  02:15   90 ml     90 ml  covers the 02:15 feed" ]
    [ "${lines[11]}" = "Basis: 64 feeds on 8 days from 2026-11-14 00:00 to 2026-11-21 23:45." ]
}
