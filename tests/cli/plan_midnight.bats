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

# A month-old baby's 12 days (2026-10-20 to 31, America/New_York) as a parent logged them: "MM-DD HH:MM=x ...", x
# n a feed at the breast, bNN a bottle of NN ml, pNN a pump of NN ml; the evening's last pump not yet done.
logged_days() {
    local day s at head n=0
    for day in "$@"; do
        for s in ${day#* }; do
            at="2026-${day%% *}T${s%=*}:00-04:00"
            n=$((n + 1))
            head="\"v\":1,\"id\":\"e$n\",\"at\":\"$at\""
            case "${s#*=}" in
            p*) journal_line "{$head,\"type\":\"pump\",\"ml\":${s#*=p},\"dur_s\":900}" ;;
            b*) journal_line "{$head,\"type\":\"feed\",\"method\":\"bottle\",\"ml\":${s#*=b},\"milk\":\"breast\"}" ;;
            *) journal_line "{$head,\"type\":\"feed\",\"method\":\"breast\"}" ;;
            esac
        done
    done
}

@test "the evening's overdue pump keeps its time and target after midnight (plan next, plan skip)" {
    export TZ=America/New_York
    pumplog config set mode exclusive >/dev/null
    pumplog config set birth 2026-09-20 >/dev/null
    logged_days \
        "10-20 06:53=n 06:54=p72 09:38=b110 10:03=p86 12:33=b100 12:57=p85 15:20=b110 15:54=p94 18:37=n 21:01=n" \
        "10-20 23:40=n" \
        "10-21 07:00=n 07:02=p86 09:34=b130 09:59=p102 12:25=b110 12:46=p105 15:45=p105 15:57=b130 18:30=n 19:10=n" \
        "10-21 19:50=n 20:25=n 20:59=n 23:58=n" \
        "10-22 06:52=p75 06:56=n 09:37=b130 10:14=p106 12:53=b120 12:54=p109 15:38=b100 15:46=p104 18:22=n 21:21=n" \
        "10-22 23:26=n" \
        "10-23 07:04=n 07:04=p74 09:36=b100 10:09=p88 12:28=b100 13:13=p102 15:51=p94 16:02=b110 18:33=n 21:15=n" \
        "10-23 23:40=n" \
        "10-24 06:31=n 06:57=p75 09:56=n 12:27=n 15:44=n 18:55=n 21:00=n 23:58=n" \
        "10-25 06:56=p82 06:59=n 09:53=n 12:29=n 15:38=n 18:28=n 21:29=n 23:56=n" \
        "10-26 06:30=n 07:06=p70 09:48=b120 09:51=p109 12:46=b110 12:56=p110 15:53=b110 16:15=p98 18:34=n 21:25=n" \
        "10-26 23:54=n" \
        "10-27 06:33=n 06:59=p69 09:53=p108 10:12=b120 12:57=b110 13:08=p105 15:53=p97 16:07=b110 19:07=n 21:15=n" \
        "10-27 23:37=n" \
        "10-28 06:49=n 06:52=p65 09:53=b110 09:55=p102 12:47=p95 13:04=b120 15:52=p96 16:09=b110 18:59=n 21:11=n" \
        "10-28 23:44=n" \
        "10-29 06:52=n 07:02=p72 10:05=p99 10:12=b110 12:48=b100 12:58=p115 15:37=b110 15:54=p112 19:02=n 21:30=n" \
        "10-30 00:02=n 06:39=n 06:52=p77 09:46=b120 10:09=p86 12:40=b120 12:45=p110 15:49=p92 16:05=b110 19:08=n" \
        "10-30 21:45=n" \
        "10-31 00:09=n 07:00=p80 07:16=n 09:42=n 12:59=n 15:48=n 19:20=n"
    local now
    # Saturday's last pump, 23:40 in Saturday's plan, before midnight and after it (Sunday's plan, from Sunday's
    # window and week anchor, lays Saturday's evening out at 23:50: no pump moves back and forth at midnight).
    for now in 2026-10-31T23:59:00-04:00 2026-11-01T00:01:00-04:00 2026-11-01T00:20:00-04:00; do
        PUMPLOG_NOW=$now run --separate-stderr pumplog plan next --format json
        [ "$status" -eq 0 ]
        [ "$(jq -r '.at, .target_ml' <<<"$output" | paste -sd' ')" = "2026-10-31T23:40:00-04:00 113" ]
    done
    PUMPLOG_NOW=2026-11-01T00:20:00-04:00 run --separate-stderr pumplog plan next
    [ "$output" = "Pump now: the 23:40 pump is 40 min overdue, aim for 113 ml (estimate)" ]
    PUMPLOG_NOW=2026-11-01T00:01:00-04:00 run --separate-stderr pumplog plan --on 2026-10-31
    [[ "${lines[9]}" == "Sat 2026-10-31  23:40  "* ]]
    # Skipped after midnight, it is that pump that is skipped, and plan next goes on to Sunday's first.
    PUMPLOG_NOW=2026-11-01T00:20:00-04:00 run --separate-stderr pumplog plan skip
    [ "$output" = "Skipped the 23:40 pump of Sat 2026-10-31" ]
    PUMPLOG_NOW=2026-11-01T00:21:00-04:00 run --separate-stderr pumplog plan next
    # (03:15 is 3 h 54 min away: the clocks go back an hour at 02:00.)
    [ "$output" = "Pump at 03:15 (in 3 h 54 min); it keeps the night gap under 5 h (max_gap_night)" ]
}
