#!/usr/bin/env bats
# `plan --mode supply`: a plan when the baby cannot nurse yet (issue 11).
load helpers

# Pumps of ML each at the given local times.
pumps() {
    local ml="$1" t
    shift
    for t in "$@"; do pumplog add "${ml}ml" --at "$t" >/dev/null; done
}

@test "supply mode plans from no feeds at all: timetable and progress in JSON" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumplog config set birth 2026-11-16 >/dev/null
    pumps 40 "2026-11-23 03:00" "2026-11-23 06:00" "2026-11-23 09:00" "2026-11-23 12:00" \
        "2026-11-23 15:00" "2026-11-23 18:00" "2026-11-23 21:00" "2026-11-24 00:30"
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$status" -eq 0 ]
    # 8 sessions a day, 24 h from now: 8 pumps, never more than 5 h apart
    [ "$(jq '.pumps | length' <<<"$output")" -eq 8 ]
    [ "$(jq '[.pumps[].at | sub("(?<t>.*)\\+01:00"; "\(.t)Z") | fromdate] | [range(1; length) as $i | .[$i] - .[$i-1]] | max' <<<"$output")" -le 18000 ]
    # one session between 01:00 and 05:00
    [ "$(jq '[.pumps[].at | .[11:13] | tonumber | select(. >= 1 and . < 5)] | length' <<<"$output")" -ge 1 ]
    # day 8 since birth: 200 ml in 5 sessions in the last 24 h (09:00 is 25 h back), milestone 500 ml: behind
    [ "$(jq -c '.progress | [.day, .pumped_24h_ml, .sessions_24h, .night_session, .milestone_ml, .verdict]' <<<"$output")" = '[8,200,5,false,500,"behind"]' ]
    [ "$(jq '.slots | length' <<<"$output")" -eq 0 ]
}

@test "supply mode without a birth date (or with one after today) names no day since birth" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumps 40 "2026-11-23 12:00" "2026-11-23 18:00"
    run --separate-stderr pumplog plan --mode supply
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\nProgress: 80 ml in 2 sessions over the last 24 h.\n'* ]]
    [[ "$output" != *"day 0"* ]]
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq -c '.progress | [.day, .verdict]' <<<"$output")" = '[null,"not_enough_data"]' ]
    # --birth after today is refused; one a config file holds (edited by hand) is read as none.
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-30 --format json
    [ "$status" -eq 2 ]
    mkdir -p "$XDG_CONFIG_HOME/pumplog"
    echo '{"birth":"2026-11-30"}' > "$XDG_CONFIG_HOME/pumplog/config.json"
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.progress | [.day, .verdict]' <<<"$output")" = '[null,"not_enough_data"]' ]
    rm "$XDG_CONFIG_HOME/pumplog/config.json"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format json
    [ "$(jq '.progress.day' <<<"$output")" = 8 ]
}

@test "supply mode at full volume says so" {
    export PUMPLOG_NOW="2026-11-30T10:00:00+01:00"
    pumps 110 "2026-11-29 11:00" "2026-11-29 14:00" "2026-11-29 17:00" "2026-11-29 20:00" \
        "2026-11-29 23:00" "2026-11-30 02:30" "2026-11-30 05:30" "2026-11-30 08:30"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-10 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.progress.verdict' <<<"$output")" = "full_volume" ]
    [ "$(jq '.progress.pumped_24h_ml' <<<"$output")" = "880" ]
}

@test "plan next in supply mode: silent with exit 1 when nothing is due, the pump when one is" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumps 60 "2026-11-24 08:30"
    # 8 sessions, no sleep window: the 08:30 session was pumped, the next is hours away
    run --separate-stderr pumplog plan next --mode supply --birth 2026-11-16 --within 10m
    [ "$status" -eq 1 ]
    [ "$output" = "" ]
    [ "$stderr" = "" ]
    run --separate-stderr pumplog plan next --mode supply --birth 2026-11-16 --format json
    [ "$status" -eq 0 ]
    in_min="$(jq '.in_min' <<<"$output")"
    run --separate-stderr pumplog plan next --mode supply --birth 2026-11-16 --within "$((in_min + 1))m"
    [ "$status" -eq 0 ]
    [[ "$output" == "Pump at "* ]]
}

@test "supply settings are validated: sessions 5 to 12" {
    refused 2 pumplog plan --mode supply --sessions 13
    refused 2 pumplog config set sessions 4
    refused 2 pumplog plan --mode supply --sleep 25:00-06:00
}

@test "supply mode exports the timetable as ICS" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format ics
    [ "$status" -eq 0 ]
    [ "$(grep -c '^BEGIN:VEVENT' <<<"$output")" -eq 8 ]
}

@test "the report's pumped-per-day chart shows the milestones as a reference line when birth is set" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumps 40 "2026-11-23 09:00"
    run --separate-stderr pumplog report --since 2026-11-18 --format svg
    [ "$status" -eq 0 ]
    [[ "$output" != *'class="reference'* ]]
    pumplog config set mode supply >/dev/null
    pumplog config set birth 2026-11-16 >/dev/null
    run --separate-stderr pumplog report --since 2026-11-18 --format svg
    [ "$status" -eq 0 ]
    # days 2..8 since birth: no milestone before day 6, so one run from 11-22 (350 ml) to 11-24 (500 ml)
    [ "$(grep -c 'class="reference milestone"' <<<"$output")" -eq 1 ]
    python3 -c 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read().split("?>", 1)[1])' <<<"$output"
    run --separate-stderr pumplog report --since 2026-11-18 --format html
    [[ "$output" == *'class="reference milestone"'* ]]
    [[ "$output" == *"Ru et al., Front. Pediatr. 2020"* ]]
}

# Day 8 since birth, 5 sessions of 40 ml in the last 24 hours: behind on pumps alone (the 09:00 pump, 25 hours
# back, shows the last 24 hours were logged whole).
day_8_behind() {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumplog config set birth 2026-11-16 >/dev/null
    pumps 40 "2026-11-23 09:00" "2026-11-23 12:00" "2026-11-23 15:00" "2026-11-23 18:00" "2026-11-23 21:00" \
        "2026-11-24 00:30"
}

# plan --mode supply as JSON in $output: exit 0, no verdict (not_enough_data), the journal as it was.
no_verdict_journal_unchanged() {
    local before
    before="$(journal_sum)"
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$status" -eq 0 ]
    [ "$(journal_sum)" = "$before" ]
    [ "$(jq -r '.progress.verdict' <<<"$output")" = "not_enough_data" ]
}

@test "supply mode with feeds at the breast gives no behind verdict from pumps alone" {
    day_8_behind
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq -r '.progress.verdict' <<<"$output")" = "behind" ]
    pumplog log feed --breast --left 10m --at "2026-11-24 07:00" >/dev/null
    pumplog log feed --breast --left 12m --at "2026-11-23 22:30" >/dev/null
    no_verdict_journal_unchanged
    [ "$(jq -c '[.advice_items[] | select(.kind == "nursing_in_supply")]' <<<"$output")" = '[{"kind":"nursing_in_supply","breast_feeds_24h":2,"breast_feeds_72h":2,"last_breast_feed":"2026-11-24T07:00:00+01:00","pumped_24h_ml":200,"sessions_24h":5,"sessions_without_volume_24h":0}]' ]
    [ "$(jq -r '[.advice[] | select(startswith("Behind"))] | length' <<<"$output")" = 0 ]
    [ "$(jq -r '.advice[] | select(startswith("The baby also fed"))' <<<"$output")" = "The baby also fed at the breast 2 times in the last 24 hours: that milk is not measured, so the 200 ml you pumped (5 sessions) is only part of your supply and cannot show that you are behind. The numbers tell how often and how much you pump; they cannot tell how much the baby took at the breast (a lactation consultant can weigh the baby before and after a feed)." ]
    # The verdict is an item as every verdict is (pumplog-supply(7)): not_enough_data, reason nursing, right
    # after the nursing advice, with its sentence; no next steps.
    [ "$(jq -c '[.advice_items[].kind]' <<<"$output")" = '["nursing_in_supply","not_enough_data"]' ]
    [ "$(jq -c '.advice_items[1]' <<<"$output")" = '{"kind":"not_enough_data","day":8,"pumped_24h_ml":200,"sessions_24h":5,"sessions_without_volume_24h":0,"night_session":false,"milestone_ml":500,"source":"Ru et al. 2020","reason":"nursing"}' ]
    [ "$(jq -r '.advice[1]' <<<"$output")" = "Not enough data: 200 ml in the last 24 hours, under about 500 ml a day on day 8 (Ru et al. 2020), but the baby also fed at the breast: the pumped milk alone cannot show that you are behind." ]
    run --separate-stderr pumplog plan --mode supply
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Advice: Not enough data: 200 ml in the last 24 hours, under about 500 ml a day on day 8 (Ru et al. 2020), but the baby also fed at the breast: the pumped milk alone cannot show that you are behind." ]
}

@test "supply mode: nursing logged in the last 3 days but not the last 24 hours still gives no behind verdict" {
    day_8_behind
    # 73 hours back: outside the 3 days, so the verdict stands
    pumplog log feed --breast --left 10m --at "2026-11-21 09:00" >/dev/null
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq -r '.progress.verdict' <<<"$output")" = "behind" ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "nursing_in_supply")]' <<<"$output")" = '[]' ]
    # 33 hours back (the README's example: a day without nursing logged)
    pumplog log feed --breast --left 12m --at "2026-11-23 01:00" >/dev/null
    no_verdict_journal_unchanged
    [ "$(jq -c '[.advice_items[] | select(.kind == "nursing_in_supply")]' <<<"$output")" = '[{"kind":"nursing_in_supply","breast_feeds_24h":0,"breast_feeds_72h":1,"last_breast_feed":"2026-11-23T01:00:00+01:00","pumped_24h_ml":200,"sessions_24h":5,"sessions_without_volume_24h":0}]' ]
    [ "$(jq -r '[.advice[] | select(startswith("Behind"))] | length' <<<"$output")" = 0 ]
    [ "$(jq -r '.advice[] | select(startswith("The baby also fed"))' <<<"$output")" = "The baby also fed at the breast 1 time in the last 3 days, the last on Mon 2026-11-23 01:00 (none logged in the last 24 hours: nursing not logged is not nursing stopped): that milk is not measured, so the 200 ml you pumped in the last 24 hours (5 sessions) is only part of your supply and cannot show that you are behind. The numbers tell how often and how much you pump; they cannot tell how much the baby took at the breast (a lactation consultant can weigh the baby before and after a feed)." ]
}

@test "pumps without a volume are unknown never 0 ml: no behind verdict; plan, status and report say how many" {
    export PUMPLOG_NOW="2026-11-20T21:00:00+01:00"
    # A Huckleberry export: 8 pumps in 24 hours, 4 with no amount (0ml: only their duration), logged since long
    # before them (else the last 24 hours reach before the first logged pump: no next steps).
    {
        echo "Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes"
        echo "Pump,2026-11-18 09:10,,00:20,130ml,,,"
        local h ml=0
        for h in "2026-11-19 21:10" "2026-11-20 00:10" "2026-11-20 03:10" "2026-11-20 06:10" \
            "2026-11-20 09:10" "2026-11-20 12:10" "2026-11-20 15:10" "2026-11-20 18:10"; do
            echo "Pump,$h,,00:20,${ml}ml,,,"
            if [ "$ml" = 0 ]; then ml=130; else ml=0; fi
        done
    } >"$TEST_DIR/supply8.csv"
    pumplog log import "$TEST_DIR/supply8.csv" >/dev/null
    pumplog config set birth 2026-10-20 >/dev/null
    run --separate-stderr pumplog plan --mode supply
    [ "$status" -eq 0 ]
    local line="Progress: day 31, 520 ml in 8 sessions over the last 24 h (4 without a volume, not counted),"
    grep -qxF "$line one at night (milestone 750 ml)." <<<"$output"
    line="Advice: Not enough data: 4 of the 8 sessions in the last 24 hours have no volume logged;"
    grep -qF "$line the other 4 add up to 520 ml, against about 750 ml a day from day 14" <<<"$output"
    grep -qxF "  2026-11-19 (day 30): 1 session without a volume, none between 01:00 and 05:00." <<<"$output"
    ! grep -q "Behind\|lactation consultant\| 0 ml" <<<"$output"
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$status" -eq 0 ]
    local progress='.progress | [.pumped_24h_ml, .sessions_24h, .sessions_without_volume_24h, .verdict]'
    [ "$(jq -c "$progress" <<<"$output")" = '[520,8,4,"not_enough_data"]' ]
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    grep -qxF "  Pumped     520 ml in 7 sessions, 3 without a volume" <<<"$output"
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '.today | [.pumped_ml, .sessions, .sessions_without_volume]' <<<"$output")" = '[520,7,3]' ]
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    grep -qxF "4 of 9 pump sessions have no volume: the pumped column adds up the other 5 only." <<<"$output"
    line="Pumped 650 ml, baby drank 0 ml from bottles: +650 ml to the stash,"
    grep -qxF "$line not counting 4 pump sessions without a volume." <<<"$output"
}

# With dur_s: without it, a pump of sides alone has neither ml nor dur_s, a bad line for every reader and log check
# (check.bats).
@test "a pump with sides and no ml is a session of unknown volume for every reader: the sides make no total" {
    export PUMPLOG_NOW="2026-11-21T10:00:00+01:00"
    cat >"$J" <<'EOF'
{"v":1,"id":"m1","type":"pump","at":"2026-11-21T03:00:00+01:00","ml":100,"left_ml":20,"right_ml":30}
{"v":1,"id":"m2","type":"pump","at":"2026-11-21T06:00:00+01:00","left_ml":20,"right_ml":25,"dur_s":900}
{"v":1,"id":"m3","type":"pump","at":"2026-11-21T07:00:00+01:00","left_ml":20,"dur_s":600}
EOF
    run --separate-stderr pumplog log
    [ "$status" -eq 0 ]
    grep -qF "pumped (no volume) (L 20 / R 25)" <<<"$output"
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    # The sides of the sessions of unknown volume stay out of the side totals (L + R would exceed 100 ml).
    grep -qxF "  Pumped     100 ml in 3 sessions, 2 without a volume (1 with sides: L 20 / R 30)" <<<"$output"
    run --separate-stderr pumplog report --since today --format csv
    [ "$status" -eq 0 ]
    [ "$(sed -n 2p <<<"$output" | cut -d, -f1-5)" = "2026-11-21,3,100,20,30" ]
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12
    [ "$status" -eq 0 ]
    local line="Progress: day 9, 100 ml in 3 sessions over the last 24 h (2 without a volume, not counted),"
    grep -qxF "$line one at night (milestone 542 ml)." <<<"$output"
    ! grep -q "Behind" <<<"$output"
}

@test "pumps logged before the birth date are no sessions of the last 24 hours" {
    export PUMPLOG_NOW="2026-11-21T10:00:00+01:00"
    # 3 pumps the day before the birth (colostrum expressed before it), 2 on the day of birth.
    cat >"$J" <<'EOF'
{"v":1,"id":"b1","type":"pump","at":"2026-11-20T14:00:00+01:00","ml":5}
{"v":1,"id":"b2","type":"pump","at":"2026-11-20T18:00:00+01:00","ml":5}
{"v":1,"id":"b3","type":"pump","at":"2026-11-20T22:00:00+01:00","ml":5}
{"v":1,"id":"b4","type":"pump","at":"2026-11-21T02:00:00+01:00","ml":5}
{"v":1,"id":"b5","type":"pump","at":"2026-11-21T06:00:00+01:00","ml":5}
EOF
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-21
    [ "$status" -eq 0 ]
    grep -qxF "  2026-11-21 (day 0, so far): 2 sessions, 10 ml, one between 01:00 and 05:00." <<<"$output"
    grep -qxF "Progress: day 0, 10 ml in 2 sessions over the last 24 h, one at night." <<<"$output"
    # Day 0: the last 24 hours reach before the birth date, so 2 sessions are no verdict (see the next test).
    grep -qF "Advice: Not enough data: the last 24 hours reach before the birth date 2026-11-21" <<<"$output"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-21 --format json
    [ "$(jq -c '.progress | [.sessions_24h, .pumped_24h_ml, .verdict]' <<<"$output")" = '[2,10,"not_enough_data"]' ]
}

@test "day 0 gets no behind verdict from a last 24 hours that began before the birth date" {
    export PUMPLOG_NOW="2026-11-21T10:00:00+01:00"
    pumplog log pump L40 R50 --at 03:00 >/dev/null
    pumps 30 06:00 08:00
    pumps 45 07:00
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-21
    [ "$status" -eq 0 ]
    grep -qxF "  Day 0: the last 24 hours reach before the birth date 2026-11-21: they hold only the pumps since." \
        <<<"$output"
    local line="Advice: Not enough data: the last 24 hours reach before the birth date 2026-11-21, so they hold only"
    line+=" what you logged since: 4 sessions (195 ml), one between 01:00 and 05:00, where 5 or more sessions a day"
    line+=" by day 5 and night pumping go with coming to volume (Mago-Shah et al. 2023). Log every session for a"
    grep -qxF "$line full 24 hours (pumplog log pump 40ml) to see whether you are on track." <<<"$output"
    ! grep -q "Behind\|Add sessions\|first logged pump" <<<"$output"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-21 --format json
    [ "$(jq -c '.progress.verdict' <<<"$output")" = '"not_enough_data"' ]
    [ "$(jq -c '[.advice_items[] | [.kind, .reason, .day, .sessions_24h]]' <<<"$output")" = \
        '[["not_enough_data","logged_under_24h",0,4]]' ]
    # 5 sessions with one at night are on track all the same.
    pumps 30 09:00
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-21 --format json
    [ "$(jq -c '.progress.verdict' <<<"$output")" = '"on_track"' ]
}

@test "no behind verdict from a last 24 hours that reach before the first logged pump" {
    export PUMPLOG_NOW="2026-11-21T10:00:00+01:00"
    pumplog log pump L40 R50 --at 03:00 >/dev/null
    pumps 30 06:00 08:00
    pumps 45 07:00
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12
    [ "$status" -eq 0 ]
    grep -qxF "  Your first logged pump is at 2026-11-21 03:00: the last 24 hours may miss pumps you did not log." \
        <<<"$output"
    local line="Advice: Not enough data: your first logged pump is 7 hours old, so the last 24 hours hold only what"
    line+=" you logged since: 195 ml in 4 sessions, against about 542 ml a day on day 9, between the milestones"
    line+=" (Ru et al. 2020). Log every session for a full 24 hours (pumplog log pump 40ml) to see whether you are"
    grep -qxF "$line on track." <<<"$output"
    ! grep -q "Behind\|lactation consultant\|Add sessions" <<<"$output"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12 --format json
    [ "$(jq -c '.progress.verdict' <<<"$output")" = '"not_enough_data"' ]
    [ "$(jq -c '[.advice_items[] | [.kind, .reason, .sessions_24h, .pumped_24h_ml]]' <<<"$output")" = \
        '[["not_enough_data","logged_under_24h",4,195]]' ]
    [ "$(jq '.advice | length' <<<"$output")" -eq 1 ]
}

@test "sessions without a volume in a last 24 hours that reach before the first logged pump: no session steps" {
    export PUMPLOG_NOW="2026-11-21T10:00:00+01:00"
    cat >"$J" <<'EOF'
{"v":1,"id":"c1","type":"pump","at":"2026-11-21T03:00:00+01:00","ml":60}
{"v":1,"id":"c2","type":"pump","at":"2026-11-21T06:00:00+01:00","dur_s":600}
{"v":1,"id":"c3","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":60}
EOF
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12
    [ "$status" -eq 0 ]
    local line="Advice: Not enough data: your first logged pump is 7 hours old, so the last 24 hours hold only what"
    line+=" you logged since; 1 of the 3 sessions in the last 24 hours has no volume logged; the other 2 add up to"
    line+=" 120 ml, against about 542 ml a day on day 9, between the milestones (Ru et al. 2020). A session without"
    line+=" a volume is not 0 ml: log each session's volume (pumplog log pump 40ml; pumplog log edit REF --amount"
    grep -qxF "$line 40ml for one logged without) to see whether you are on track." <<<"$output"
    ! grep -q "Add sessions\|Add a night\|Behind" <<<"$output"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12 --format json
    [ "$(jq -c '[.advice_items[] | [.kind, .reason, .sessions_24h, .sessions_without_volume_24h]]' <<<"$output")" = \
        '[["not_enough_data","sessions_without_volume",3,1]]' ]
    # Logged since more than 24 hours ago, the same sessions get their steps.
    journal_line '{"v":1,"id":"c0","type":"pump","at":"2026-11-20T09:00:00+01:00","ml":60}'
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-12 --format json
    [ "$(jq -c '[.advice_items[] | [.kind, .reason]]' <<<"$output")" = \
        '[["not_enough_data","sessions_without_volume"],["add_sessions",null]]' ]
}

@test "a milestone between two is a whole ml in the progress line and the advice alike" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    # Day 10 since birth: about 583.3 ml (between 500 on day 8 and 750 on day 14), shown 583 ml.
    pumplog config set birth 2026-11-14 >/dev/null
    pumps 80 "2026-11-23 12:00" "2026-11-23 15:00" "2026-11-23 18:00" "2026-11-23 21:00" \
        "2026-11-24 00:30" "2026-11-24 03:00" "2026-11-24 06:00" "2026-11-24 09:00"
    run --separate-stderr pumplog plan --mode supply
    [ "$status" -eq 0 ]
    grep -qxF "Progress: day 10, 640 ml in 8 sessions over the last 24 h, one at night (milestone 583 ml)." <<<"$output"
    grep -qF "at or above about 583 ml a day on day 10, between the milestones" <<<"$output"
    [[ "$output" != *583.3* ]]
    # JSON keeps the number: 583.3.
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq '.progress.milestone_ml' <<<"$output")" = 583.3 ]
}

@test "supply mode puts its sessions on multiples of round, the supply rules kept" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    times() { pumplog plan --mode supply --birth 2026-11-16 --sleep 23:30-05:30 --on 2026-11-25 --format csv "$@" \
        | sed 1d | cut -d, -f1 | cut -c12-16 | paste -sd' '; }
    # The quarter hours by default (round 5m divides 15 minutes): 23:15.
    [ "$(times)" = "02:30 05:30 08:30 11:30 14:30 17:30 20:30 23:15" ]
    # round 30m: every session on the half hour (23:15 was kept before); never over 5 h apart, one at night.
    [ "$(times --round 30m)" = "02:30 05:30 08:30 11:30 14:30 17:30 20:30 23:00" ]
    [ "$(times --round 10m)" = "02:30 05:30 08:30 11:30 14:30 17:30 20:30 23:00" ]
    # round 20m: on the hour, the least multiple of 15 minutes and 20.
    [ "$(times --round 20m)" = "03:00 06:00 09:00 12:00 15:00 18:00 21:00 23:00" ]
    pumplog config set round 30m >/dev/null
    [ "$(times)" = "02:30 05:30 08:30 11:30 14:30 17:30 20:30 23:00" ]
}

@test "supply mode says plainly that it does not use the schedule" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumps 40 "2026-11-23 12:00" "2026-11-23 18:00"
    local before
    before="$(pumplog plan --mode supply --birth 2026-11-16 --on 2026-11-25 --format csv)"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --on 2026-11-25 \
        --schedule "07:00 10:00 13:00 16:00 19:00 22:00" --format csv
    [ "$status" -eq 0 ]
    [ "$output" = "$before" ]
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --schedule "07:00 10:00 13:00 16:00 19:00 22:00"
    [ "$status" -eq 0 ]
    grep -qxF "Advice: Supply mode plans its own sessions and does not use the schedule setting (07:00, 10:00, 13:00, 16:00, 19:00 and 22:00): its timetable keeps its rules (never more than 5 hours apart, one session between 01:00 and 05:00). The schedule pins the pump times in the away and exclusive modes." <<<"$output"
    pumplog config set schedule "9am 3pm" >/dev/null
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format json
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"schedule_not_used","schedule":["09:00","15:00"]}' ]
    [[ "$(jq -r '.advice[0]' <<<"$output")" == "Supply mode plans its own sessions and does not use the schedule setting (09:00 and 15:00)"* ]]
    # No schedule: no such advice.
    pumplog config unset schedule >/dev/null
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format json
    [ "$(jq '[.advice_items[] | select(.kind == "schedule_not_used")] | length' <<<"$output")" = 0 ]
}

@test "supply mode's advice_items are kinds with their numbers, beside the unchanged sentences" {
    export PUMPLOG_NOW="2026-11-24T10:00:00+01:00"
    pumps 40 "2026-11-23 03:00" "2026-11-23 06:00" "2026-11-23 09:00" "2026-11-23 12:00" \
        "2026-11-23 15:00" "2026-11-23 18:00" "2026-11-23 21:00" "2026-11-24 00:30"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.advice_items' <<<"$output")" = '[{"kind":"behind","day":8,"pumped_24h_ml":200,"sessions_24h":5,"sessions_without_volume_24h":0,"night_session":false,"milestone_ml":500,"source":"Ru et al. 2020"},{"kind":"add_sessions","sessions_24h":5,"aim":8,"source":"Ameda"},{"kind":"add_night_session","from":"01:00","to":"05:00","source":"Mago-Shah et al. 2023"},{"kind":"pump_longer","source":"Ameda"},{"kind":"see_consultant","when":"now","coming_to_volume_ml":500,"coming_to_volume_day":14,"source":"Mago-Shah et al. 2023"}]' ]
    [ "$(jq -r '.advice[0]' <<<"$output")" = "Behind: 200 ml in the last 24 hours, under about 500 ml a day on day 8 (Ru et al. 2020)." ]
    [ "$(jq -r '.advice[1]' <<<"$output")" = "Add 3 sessions: you logged 5 in the last 24 hours; pump 8-10 times in 24 hours, never more than 5 hours apart (Ameda)." ]
    # In ounces the numbers are data too, not only words.
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --format json --unit oz
    [ "$(jq -c '.advice_items[0] | [.kind, .pumped_24h_oz, .milestone_oz]' <<<"$output")" = '["behind",6.76,16.91]' ]
    # The sleep window's note: the sessions inside it, and the window.
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-16 --sleep 23:30-05:30 --format json
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"sleep_window","sleep":"23:30-05:30","sessions":["02:30"],"source":"Ameda; Mago-Shah et al. 2023"}' ]
    # On track: the verdict, the next milestone and its day, keep pumping.
    pumps 90 "2026-11-24 03:00" "2026-11-24 06:00" "2026-11-24 09:00"
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-17 --format json
    [ "$(jq -c '[.advice_items[] | .kind]' <<<"$output")" = '["on_track","next_milestone","keep_pumping"]' ]
    [ "$(jq -c '.advice_items[1]' <<<"$output")" = '{"kind":"next_milestone","day":8,"milestone_ml":500,"source":"Ru et al. 2020"}' ]
}

@test "plan next and status in supply mode word a session without a volume target as one sentence" {
    pumplog --now 2027-01-01T00:00:00+01:00 config set birth 2026-12-01 >/dev/null
    pumplog config set mode supply >/dev/null
    pumplog add 50ml --at 9:00 >/dev/null
    run --separate-stderr pumplog plan next
    [ "$status" -eq 0 ]
    [ "$output" = "Pump at 15:00 (in 55 min); before the birth date: no volume target" ]
    run --separate-stderr pumplog status
    [[ "$output" == *"Pump at 15:00 (in 55 min); before the birth date: no volume target"* ]]
    [[ "$output" != *"; it "* ]]
    # Days 1 to 5 since birth have no volume target either.
    pumplog --now 2026-11-21T14:05:00+01:00 config set birth 2026-11-18 >/dev/null
    run --separate-stderr pumplog plan next
    [ "$output" = "Pump at 15:00 (in 55 min); day 3: no volume target before day 6; every session counts" ]
}

# The first feed logged lies before the 8 days supply mode reads: config set birth warns of the journal's first
# feed line, the plan of the first feed of the days it reads, and each says which (review s49: "the first feed
# logged" named two days). The older line is not weighed against the date set: it may be an older child's.
@test "supply mode names the first feed of the days it reads, config set birth the journal's first feed line" {
    local d t
    journal_line '{"v":1,"id":"f05","type":"feed","at":"2026-03-05T08:00:00+01:00","method":"bottle","ml":20,"milk":"breast"}'
    for d in 14 15 16 17 18 19 20 21; do
        for t in 02:00 08:00 14:00 20:00; do
            journal_line "{\"v\":1,\"id\":\"f$d$t\",\"type\":\"feed\",\"at\":\"2026-11-${d}T$t:00+01:00\",\"method\":\"bottle\",\"ml\":20,\"milk\":\"breast\"}"
        done
    done
    run --separate-stderr pumplog config set birth 2026-11-18
    [[ "$stderr" == *"is after the first feed logged, on 2026-03-05:"* ]]
    run --separate-stderr pumplog plan --mode supply --on 2026-11-22 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.progress.day' <<<"$output")" = 7 ]
    [ "$(jq -c '.advice_items[0] | [.birth, .age_days]' <<<"$output")" = '["2026-11-14",7]' ]
    [[ "$(jq -r '.advice_items[0].text' <<<"$output")" == "The birth date set, 2026-11-18, is after the first feed of the days the plan reads, on 2026-11-14: "* ]]
}

@test "supply mode counts the days from the first feed logged when the birth date set is after it, and says so" {
    local d t
    for d in 14 15 16 17 18 19 20 21; do
        for t in 02:00 08:00 14:00 20:00; do
            journal_line "{\"v\":1,\"id\":\"f$d$t\",\"type\":\"feed\",\"at\":\"2026-11-${d}T$t:00+01:00\",\"method\":\"bottle\",\"ml\":20,\"milk\":\"breast\"}"
        done
        for t in 01:00 05:00 09:00 13:00 17:00 21:00; do
            journal_line "{\"v\":1,\"id\":\"p$d$t\",\"type\":\"pump\",\"at\":\"2026-11-${d}T$t:00+01:00\",\"ml\":30}"
        done
    done
    # Born 2026-11-18, after the first feed (2026-11-14): the days count from 2026-11-14, day 7 now (not day 3,
    # before the first milestone), and every pump of 2026-11-14 on is a session.
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-18 --on 2026-11-22 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.progress | [.day, .pumped_24h_ml, .sessions_24h, .milestone_ml, .verdict]' <<<"$output")" = '[7,180,6,425,"behind"]' ]
    [ "$(jq -c '.advice_items[0]' <<<"$output")" = '{"kind":"note","text":"The birth date set, 2026-11-18, is after the first feed of the days the plan reads, on 2026-11-14: the baby was born by then, so the plan counts the age from that feed (day 7). Check the birth date (pumplog config set birth YYYY-MM-DD).","birth_after_first_feed":"2026-11-18","birth":"2026-11-14","age_days":7}' ]
    # 2026-11-22 is day 8: the milestone, 500 ml, over 8 sessions (not day 4, with no volume target).
    [ "$(jq -c '[.pumps[0].at, .pumps[0].target_ml]' <<<"$output")" = '["2026-11-22T00:00:00+01:00",63]' ]
    run --separate-stderr pumplog plan --mode supply --birth 2026-11-18 --on 2026-11-22
    [ "$status" -eq 0 ]
    [[ "$output" == *"Progress: day 7, 180 ml in 6 sessions over the last 24 h"* ]]
    [[ "$output" == *"Advice: The birth date set, 2026-11-18, is after the first feed of the days the plan reads, on 2026-11-14: the baby was born by then, so the plan counts the age from that feed (day 7)."* ]]
}

# The review's journal: 8 pumps a day at 00:30, 03:30, ..., 21:30 from 2026-11-10 (110 ml each, 880 ml a day)
# falling by 6 ml a pump (48 ml a day) to 56 ml on 11-19 (448 ml a day), then 7 pumps of 45 ml on 11-20.
falling_journal() {
    local day h
    for day in 10 11 12 13 14 15 16 17 18 19; do
        for h in 00 03 06 09 12 15 18 21; do
            pumplog log pump "$((110 - 6 * (day - 10)))ml" --at "2026-11-$day $h:30" >/dev/null
        done
    done
    for h in 00 03 06 09 12 15 18; do pumplog log pump 45ml --at "2026-11-20 $h:30" >/dev/null; done
}

@test "a falling supply is named with its numbers, and a parent who came to volume is never told not yet" {
    export PUMPLOG_NOW="2026-11-20T20:00:00+01:00"
    falling_journal
    run --separate-stderr pumplog plan --mode supply --birth 2026-10-20 --format json
    [ "$status" -eq 0 ]
    # 371 ml in the last 24 hours (behind), but 2026-11-10 to 11-17 were each over 500 ml: came to volume.
    [ "$(jq -c '[.advice_items[] | .kind]' <<<"$output")" = '["behind","falling_supply","pump_longer","see_consultant"]' ]
    [ "$(jq -c '.advice_items[1]' <<<"$output")" = '{"kind":"falling_supply","from_ml":832,"to_ml":496,"fall_percent":40,"from_first":"2026-11-10","from_last":"2026-11-12","to_first":"2026-11-17","to_last":"2026-11-19","source":"ABM Clinical Protocol #9; Ameda; Morton et al. 2009; Meier et al. 2016; Hurst et al. 1997"}' ]
    [ "$(jq -c '.advice_items[3] | [.when, .came_to_volume_on]' <<<"$output")" = '["came_to_volume","2026-11-10"]' ]
    [ "$(jq -r '.advice[1]' <<<"$output")" = "Your supply is falling: from about 832 ml a day (2026-11-10 to 2026-11-12) to about 496 ml a day over the last 3 days (2026-11-17 to 2026-11-19), 40% less. What helps: remove milk more often and more completely (8-10 sessions in 24 hours, Ameda; ABM Clinical Protocol #9); add hand expression and hands-on pumping (Morton et al. 2009); check the pump and the fit of its breast shields (Meier et al. 2016); hold the baby skin to skin (Hurst et al. 1997); and see a lactation consultant (IBCLC) soon (ABM Clinical Protocol #9)." ]
    [ "$(jq -r '.advice[3]' <<<"$output")" = "You came to volume, over 500 ml a day (Mago-Shah et al. 2023), first on 2026-11-10 (day 21); a lactation consultant can help you back up and on to full production." ]
    run --separate-stderr pumplog plan --mode supply --birth 2026-10-20
    [[ "$output" != *"not come to volume"* ]]
    # Pumping exclusively the same fall is named (feeds logged for the plan's rhythm).
    local day h
    for day in 14 15 16 17 18 19 20; do
        for h in 02 06 10 14; do pumplog log feed 90ml --at "2026-11-$day $h:00" >/dev/null; done
    done
    run --separate-stderr pumplog plan --mode exclusive --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "falling_supply") | [.from_ml, .to_ml, .fall_percent, .to_last]]' <<<"$output")" = '[[832,496,40,"2026-11-19"]]' ]
    # A feed at the breast in those days: the milk taken there is not measured, so no fall is named.
    pumplog log feed --breast --left 10 min --at "2026-11-18 08:00" >/dev/null
    run --separate-stderr pumplog plan --mode exclusive --format json
    [ "$(jq '[.advice_items[] | select(.kind == "falling_supply")] | length' <<<"$output")" = 0 ]
}

@test "supply mode remembers coming to volume weeks back, past the look-back window, and names the day" {
    # 8 sessions a day from the birth: 40 ml each (320 ml a day), one day 80 ml each (640 ml), 16 days back.
    local d day t ml
    for ((d = 1; d <= 30; d++)); do
        day="$(date -d "2026-11-14 + $d day" +%F)"
        ml=40
        [ "$day" = 2026-11-28 ] && ml=80
        for t in 00:30 03:30 06:30 09:30 12:30 15:30 18:30 21:30; do
            journal_line "{\"v\":1,\"id\":\"p$day$t\",\"type\":\"pump\",\"at\":\"${day}T$t:00+01:00\",\"ml\":$ml}"
        done
    done
    run --separate-stderr pumplog --now "2026-12-14T22:00:00+01:00" plan --mode supply --birth 2026-11-14 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.advice_items[] | select(.kind == "see_consultant") | [.when, .came_to_volume_on]]' <<<"$output")" = '[["came_to_volume","2026-11-28"]]' ]
    # Over 500 ml in the last 24 hours too: the sentence names the first day, as the JSON does.
    for t in 00:30 03:30 06:30 09:30 12:30 15:30 18:30 21:30; do
        journal_line "{\"v\":1,\"id\":\"q$t\",\"type\":\"pump\",\"at\":\"2026-12-15T$t:00+01:00\",\"ml\":80}"
    done
    run --separate-stderr pumplog --now "2026-12-15T22:00:00+01:00" plan --mode supply --birth 2026-11-14
    [[ "$output" == *"You have come to volume, over 500 ml a day (Mago-Shah et al. 2023), first on 2026-11-28 (day 14); a lactation consultant"* ]]
}
