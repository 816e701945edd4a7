#!/usr/bin/env bats
# `plan`: which feeds each pump covers once the day's pumps are final, the advice in a newborn's first days,
# and the JSON pump's extra and reason.
load helpers
bats_require_minimum_version 1.5.0

# feeds_on DAY "HH:MM=ML ...": bottle feeds on one day at those wall-clock times ($TZ's offset, GNU date).
feeds_on() {
    local day="$1" s at
    for s in $2; do
        at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
        journal_line "{\"v\":1,\"id\":\"f-$day-${s%=*}\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":${s#*=},\"milk\":\"breast\"}"
    done
}

# breast_on DAY "HH:MM ...": feeds at the breast (no amount), 10 and 8 minutes a side.
breast_on() {
    local day="$1" t at
    for t in $2; do
        at="$(date -d "$day $t" +%Y-%m-%dT%H:%M:%S%:z)"
        journal_line "{\"v\":1,\"id\":\"b-$day-$t\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"breast\",\"left_s\":600,\"right_s\":480}"
    done
}

# A baby fed about every 3 hours, the feed near midnight on some days only (23:53 one night, 00:07 the next,
# none the third): its slot is at 23:59, where the week's timetable had a pump for the gap (23:55).
near_midnight() {
    feeds_on 2026-11-28 "03:06=100 06:05=100 09:00=100 12:04=100 14:56=100 17:54=100 21:02=100 23:57=100"
    feeds_on 2026-11-29 "02:58=100 06:09=100 08:53=100 12:03=100 15:02=100 17:51=100 21:00=100 23:53=100"
    feeds_on 2026-11-30 "03:01=100 06:03=100 09:04=100 12:01=100 14:50=100 17:53=100 21:05=100 23:59=100"
    feeds_on 2026-12-01 "03:06=100 05:59=100 08:58=100 11:59=100 15:04=100 18:07=100 20:55=100"
    feeds_on 2026-12-02 "00:07=100 03:07=100 06:04=100 09:06=100 12:01=100 14:56=100 17:54=100 20:57=100 23:55=100"
    feeds_on 2026-12-03 "03:07=100 06:08=100 09:05=100 12:03=100 15:05=100 18:00=100 20:57=100"
    feeds_on 2026-12-04 "00:01=100 03:02=100 06:03=100 08:52=100 12:01=100 14:59=100 17:51=100 21:00=100 23:55=100"
    feeds_on 2026-12-05 "02:50=100 06:05=100 08:58=100 11:57=100 14:55=100 18:05=100 20:53=100"
    feeds_on 2026-12-06 "00:06=100 02:52=100 06:00=100 08:55=100 12:06=100 14:57=100 18:02=100"
}

# A baby fed every 3 hours (none from 00:30 to 06:30) who began to cluster-feed in the evening a week ago:
# 18:30, 19:39 (60 ml) and 20:41 (60 ml) before 21:30.
cluster_evening() {
    feeds_on 2026-12-07 "00:21=120 06:28=120 09:24=120 12:34=120 15:21=120 18:42=120 21:43=120"
    feeds_on 2026-12-08 "00:02=120 06:30=120 09:32=120 12:16=120 15:27=120 18:30=120 21:20=120"
    feeds_on 2026-12-09 "00:11=120 06:25=120 09:30=120 12:42=120 15:33=120 18:23=120 21:44=120"
    feeds_on 2026-12-10 "00:12=120 03:05=120 06:18=120 09:24=120 12:40=120 15:35=120 18:15=120 21:28=120"
    feeds_on 2026-12-11 "00:28=120 06:29=120 09:21=120 12:32=120 15:17=120 18:23=120 21:26=120"
    feeds_on 2026-12-12 "00:22=120 06:17=120 09:37=120 12:20=120 15:32=120 18:26=120 21:28=120"
    feeds_on 2026-12-13 "00:28=120 06:26=120 09:18=120 12:18=120 15:17=120 18:40=120 21:34=120"
    feeds_on 2026-12-14 "00:10=120 06:35=120 09:15=120 12:34=120 15:38=120 18:36=120 21:29=120"
    feeds_on 2026-12-15 "00:24=120 06:28=120 09:38=120 12:23=120 15:30=120 18:29=120 19:43=60 20:41=60 21:43=120"
    feeds_on 2026-12-16 "00:27=120 06:23=120 09:21=120 12:29=120 15:22=120 18:27=120 19:36=60 20:41=60 21:35=120"
    feeds_on 2026-12-17 "00:02=120 06:17=120 09:25=120 12:44=120 15:19=120 18:27=120 19:42=60 20:44=60 21:17=120"
    feeds_on 2026-12-18 "00:13=120 06:34=120 09:18=120 12:23=120 15:21=120 18:35=120 19:35=60 20:27=60 21:35=120"
    feeds_on 2026-12-19 "00:07=120 06:31=120 09:43=120 12:37=120 15:17=120 18:30=120 19:42=60 20:34=60 21:36=120"
    feeds_on 2026-12-20 "00:13=120 06:36=120 09:27=120 12:44=120 15:38=120 18:32=120 19:25=60 20:36=60 21:19=120"
    feeds_on 2026-12-21 "00:28=120 06:41=120 09:20=120 12:30=120 15:29=120 18:27=120 19:39=60"
}

@test "pumping exclusively, the feed just before midnight goes to the gap pump beside it, not to 03:05" {
    export TZ=Europe/London
    near_midnight
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --mode exclusive
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "${lines[2]}" = "Mon 2026-12-07  03:05  100 ml         -  covers the 03:01 feed" ]
    [ "${lines[3]}" = "Mon 2026-12-07  06:05  100 ml         -  covers the 06:04 feed" ]
    [ "${lines[8]}" = "Mon 2026-12-07  21:00  100 ml         -  covers the 20:58 feed" ]
    [ "${lines[9]}" = "Mon 2026-12-07  23:55  100 ml         -  covers the 23:59 feed" ]
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --mode exclusive --format json
    [ "$status" -eq 0 ]
    # Each feed the day's pumps cover is the one nearest them: 23:59 on Sunday goes to Sunday's 23:55.
    [ "$(jq -c '[.pumps[] | [.at[11:16], .target_ml, [.covers[][11:16]]]]' <<<"$output")" = '[["03:05",100,["03:01"]],["06:05",100,["06:04"]],["09:00",100,["08:59"]],["12:00",100,["12:01"]],["15:00",100,["14:58"]],["17:55",100,["17:58"]],["21:00",100,["20:58"]],["23:55",100,["23:59"]]]' ]
    [ "$(jq -c '[.pumps[].covers[]] | first, last' <<<"$output" | paste -sd' ')" = '"2026-12-07T03:01:00+00:00" "2026-12-07T23:59:00+00:00"' ]
    # Pinned at the same times, the same rule: each feed to its nearest pinned pump.
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --mode exclusive \
        --schedule "03:05,06:05,09:00,12:00,15:00,17:55,21:00,23:55"
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "Mon 2026-12-07  03:05  100 ml         -  pinned (schedule); covers the 03:01 feed" ]
    [ "${lines[9]}" = "Mon 2026-12-07  23:55  100 ml         -  pinned (schedule); covers the 23:59 feed" ]
}

@test "pumping exclusively, a cluster-fed evening's last feed goes to the gap pump after it" {
    export TZ=Europe/London
    cluster_evening
    run --separate-stderr pumplog --now "2026-12-21 20:00" plan --on 2026-12-22 --mode exclusive
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "${lines[3]}" = "Tue 2026-12-22  03:20       -         -  added: keeps the night gap under 5 h (max_gap_night)" ]
    [ "${lines[8]}" = "Tue 2026-12-22  18:55  190 ml         -  covers the 18:30 and 19:39 feeds" ]
    [ "${lines[9]}" = "Tue 2026-12-22  21:10  129 ml         -  covers the 20:41 feed" ]
    run --separate-stderr pumplog --now "2026-12-21 20:00" plan --on 2026-12-22 --mode exclusive --format csv
    [ "$status" -eq 0 ]
    [ "$(sed -n 8,9p <<<"$output" | cut -d, -f1,2,4,5,6 | paste -sd'|')" = "2026-12-22T18:55:00+00:00,190,2026-12-22T18:30:00+00:00 2026-12-22T19:39:00+00:00,false,covers the 18:30 and 19:39 feeds|2026-12-22T21:10:00+00:00,129,2026-12-22T20:41:00+00:00,false,covers the 20:41 feed" ]
}

# A baby born on Thursday 2026-12-03, fed at the breast about every 2 h 30 min; a 20 ml pump each morning.
newborn() {
    breast_on 2026-12-03 "00:52 03:16 06:06 08:12 11:01 13:24 15:42 18:30 20:41 22:57"
    breast_on 2026-12-04 "00:43 03:26 06:13 08:14 10:48 13:35 16:17 18:33 20:55 23:19"
    breast_on 2026-12-05 "01:14 03:21 05:45 08:14 10:52 13:42 15:47 18:33 21:05 22:54"
    breast_on 2026-12-06 "00:42 03:12 05:48 08:37 10:57 13:22 16:03 18:28"
    local day
    for day in 2026-12-03 2026-12-04 2026-12-05 2026-12-06; do
        journal_line "{\"v\":1,\"id\":\"p-$day\",\"type\":\"pump\",\"at\":\"${day}T10:20:00+00:00\",\"ml\":20}"
    done
}

@test "a shortfall in the first 14 days after birth gives no stored milk: the supply is still coming in" {
    export TZ=Europe/London
    newborn
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --birth 2026-12-03 --mode exclusive \
        --format json
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | {coming_in, age_days, missing_ml}]' <<<"$output")" = '[{"coming_in":true,"age_days":4,"missing_ml":272}]' ]
    [ "$(jq -r '.advice[1]' <<<"$output")" = "On Mon 2026-12-07 the baby drinks about 472 ml (an estimate: feeds were logged without amounts); your 9 pumps are expected to give about 180 ml, 292 ml short. The CDC advises adding a session if you cannot pump as much as the baby eats: pump 10 times instead of 9, re-spaced to keep 2 h (min_gap) between pumps; the new one is at 19:55 (about 20 ml more expected). Even then about 272 ml is missing: on day 4 after birth your supply is still coming in (the milk comes in 36 to 96 hours after birth, Neville et al. 1988, and pumping exclusively rises to about 750 ml a day by day 14, Ru et al. 2020), so there is no stored milk to give yet. Build your supply with --mode supply (pumplog-supply(7)), and ask the baby's clinician or a lactation consultant about supplementing (ABM Clinical Protocol #3). The need is an estimate, so the shortfall may be its error, not your yield." ]
    [[ "$output" != *"give stored milk"* ]]
    # Day 13 still; day 14 (born 2026-11-23) is past the first 14 days: stored milk, as for any shortfall.
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --birth 2026-11-24 --mode exclusive \
        --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | [.coming_in, .age_days]]' <<<"$output")" = '[[true,13]]' ]
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --birth 2026-11-23 --mode exclusive \
        --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | has("coming_in")]' <<<"$output")" = '[false]' ]
    [[ "$(jq -r '.advice[1]' <<<"$output")" == *"is missing: give stored milk for the rest. The need is an estimate, so the shortfall may be its error, not your yield: log the amounts of a few bottles to know." ]]
    # Without a birth date the first feed logged says only how old the baby is at least: the usual advice.
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --mode exclusive --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "shortfall") | has("coming_in")]' <<<"$output")" = '[false]' ]
}

@test "plan --format json tells an extra session from a regular pump, with each pump's reason" {
    export TZ=Europe/London
    newborn
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --birth 2026-12-03 --mode exclusive \
        --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.pumps[0] | keys_unsorted' <<<"$output")" = '["at","target_ml","expected_ml","covers","estimated","extra","reason"]' ]
    [ "$(jq -c '[.pumps[] | select(.extra) | [.at, .reason]]' <<<"$output")" = '[["2026-12-07T19:55:00+00:00","extra: toward the 292 ml short, the day re-spaced to keep min_gap (CDC: add a session when you cannot pump as much as the baby eats)"]]' ]
    [ "$(jq -c '[.pumps[] | select(.extra | not) | .reason] | first, length' <<<"$output" | paste -sd' ')" = '"covers the 03:19 feed" 9' ]
    # The CSV's extra and reason columns say the same.
    run --separate-stderr pumplog --now "2026-12-06 20:00" plan --on 2026-12-07 --birth 2026-12-03 --mode exclusive \
        --format csv
    [ "$status" -eq 0 ]
    [ "$(grep -c ',true,"extra: toward the 292 ml short, the day re-spaced to keep min_gap (CDC: add a session when you cannot pump as much as the baby eats)",true$' <<<"$output")" -eq 1 ]
}
