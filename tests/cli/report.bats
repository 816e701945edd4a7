#!/usr/bin/env bats
# `report`: the period, the groupings and every format (SPEC 6, 7).
load helpers
bats_require_minimum_version 1.5.0

GOLDEN="$BATS_TEST_DIRNAME/golden"
SOURCE_DIR="${PUMPLOG_SOURCE_DIR:-$BATS_TEST_DIRNAME/../..}"

# A week to report on (now is 2026-11-21 14:05 in Berlin): pumps with and
# without sides, one at 23:30, one logged in New York; bottles of breast milk
# and formula; nursing timed per side and as a whole; an empty day; a voided
# and an amended pump; a container stored, used from and thrown away.
week() {
    journal_line '{"v":1,"id":"P0","type":"pump","at":"2026-11-14T22:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-15T07:00:00+01:00","ml":130,"left_ml":60,"right_ml":70}'
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-15T09:00:00+01:00","method":"bottle","ml":90,"milk":"breast"}'
    journal_line '{"v":1,"id":"F2","type":"feed","at":"2026-11-15T12:00:00+01:00","method":"breast","left_s":600,"right_s":420}'
    journal_line '{"v":1,"id":"P2","type":"pump","at":"2026-11-16T06:30:00+01:00","ml":120}'
    journal_line '{"v":1,"id":"F3","type":"feed","at":"2026-11-16T10:00:00+01:00","method":"bottle","ml":100,"milk":"formula"}'
    journal_line '{"v":1,"id":"P3","type":"pump","at":"2026-11-16T23:30:00+01:00","ml":95}'
    journal_line '{"v":1,"id":"P4","type":"pump","at":"2026-11-18T07:00:00+01:00","ml":140}'
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-18T07:05:00+01:00","ml":150,"place":"freezer","pumped":"2026-11-18T07:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"F4","type":"feed","at":"2026-11-18T08:00:00+01:00","method":"bottle","ml":120,"milk":"breast"}'
    journal_line '{"v":1,"id":"P5","type":"pump","at":"2026-11-19T07:00:00+01:00","ml":110}'
    journal_line '{"v":1,"id":"V1","type":"void","at":"2026-11-19T07:10:00+01:00","target":"P5"}'
    journal_line '{"v":1,"id":"P6","type":"pump","at":"2026-11-19T12:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"A1","type":"amend","at":"2026-11-19T12:30:00+01:00","target":"P6","set":{"ml":105}}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-19T18:00:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"P7","type":"pump","at":"2026-11-20T23:30:00-05:00","ml":80}'
    journal_line '{"v":1,"id":"F5","type":"feed","at":"2026-11-20T02:00:00+01:00","method":"breast","dur_s":900}'
    journal_line '{"v":1,"id":"P8","type":"pump","at":"2026-11-21T06:00:00+01:00","ml":125.5}'
    journal_line '{"v":1,"id":"D1","type":"discard","at":"2026-11-21T09:00:00+01:00","target":"S1","reason":"smelled off"}'
}

# CSV from the JSON report: the header from the first object's keys, then the values.
# (`partial` is JSON's only: the CSV has `days`.)
json_as_csv() {
    jq -r 'map(del(.partial)) | (.[0] | keys_unsorted | join(",")), (.[] | [.[] | tostring] | join(","))'
}

chromium_bin() {
    command -v chromium || command -v chromium-browser || true
}

# Headless Chromium with no profile, no background traffic, and every host
# name unresolvable: nothing the page could ask for can leave the machine.
browser() {
    "$(chromium_bin)" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$(mktemp -d "$TEST_DIR/profile.XXXXXX")" \
        --host-resolver-rules="MAP * ~NOTFOUND" "$@" 2>/dev/null
}

@test "report --format csv: the header and every day of the last 7, byte for byte" {
    week
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    diff -u "$GOLDEN/report-day.csv" <(printf '%s\n' "$output")
}

@test "report --unit oz: ounces and _oz column names" {
    week
    run --separate-stderr pumplog --unit oz report --format csv
    [ "$status" -eq 0 ]
    diff -u "$GOLDEN/report-day-oz.csv" <(printf '%s\n' "$output")
}

@test "report --by week: ISO weeks, partial weeks of the period included" {
    week
    run --separate-stderr pumplog report --by week --format csv
    [ "$status" -eq 0 ]
    diff -u "$GOLDEN/report-week.csv" <(printf '%s\n' "$output")
}

@test "report --by month and --by hour" {
    week
    run --separate-stderr pumplog report --by month --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "month,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,skipped,days" ]
    [ "${lines[1]}" = "2026-11,7,795.5,60,70,5,310,2,32,150,60,90,0,7" ]
    [ "${#lines[@]}" -eq 2 ]
    run --separate-stderr pumplog report --by hour --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 25 ]
    [ "${lines[1]}" = "00:00,0,0,0,0,0,0,0,0,0,0,0,0,7" ]
    [ "${lines[24]}" = "23:00,2,175,0,0,0,0,0,0,0,0,0,0,7" ]
}

@test "report counts skipped pumps: a trailing CSV column, JSON, the table, the HTML page" {
    week
    journal_line '{"v":1,"id":"K1","type":"skip","at":"2026-11-17T07:00:00+01:00"}'
    journal_line '{"v":1,"id":"K2","type":"skip","at":"2026-11-17T19:00:00+01:00"}'
    journal_line '{"v":1,"id":"K3","type":"skip","at":"2026-11-20T07:00:00+01:00"}'
    journal_line '{"v":1,"id":"K4","type":"skip","at":"2026-11-21T07:00:00+01:00"}'
    journal_line '{"v":1,"id":"V9","type":"void","at":"2026-11-21T07:05:00+01:00","target":"K4"}'
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "$(head -n 1 "$GOLDEN/report-day.csv")" ]
    [[ "${lines[0]}" == "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,skipped"* ]]
    [[ "${lines[3]}" == "2026-11-17,0,0,0,0,0,0,0,0,0,0,0,2"* ]]
    [[ "${lines[6]}" == "2026-11-20,1,80,0,0,1,0,1,15,0,0,0,1"* ]]
    [[ "${lines[7]}" == "2026-11-21,1,125.5,0,0,0,0,0,0,0,0,90,0"* ]]
    run --separate-stderr pumplog report --by week --format json
    [ "$(printf '%s' "$output" | jq -c '[.[] | .skipped]')" = "[0,3]" ]
    run --separate-stderr pumplog report --by hour --format json
    [ "$(printf '%s' "$output" | jq -c '[.[] | select(.skipped > 0) | [.hour, .skipped]]')" = '[["07:00",2],["19:00",1]]' ]
    LANG=C.UTF-8 run --separate-stderr pumplog report
    [[ "$output" == *"date       pumps  skipped  pumped"* ]]
    [[ "$output" == *"Tue 11-17      -        2       -"* ]]
    [[ "$output" == *"total          7        3   795.5"* ]]
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<th scope=\"col\">Skipped</th>"* ]]
    [[ "$output" == *"7 sessions (3 skipped)"* ]]
}

@test "report: partial weeks and months are marked in the table, CSV (days), JSON (days, partial) and the SVG chart" {
    week
    # 2026-11-15 (a Sunday) to today 2026-11-21 (a Saturday): W46 by one day, W47 by six, today not over.
    LANG=C.UTF-8 run --separate-stderr pumplog report --by week
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\n2026-W46 (1 day)       1        -     130 '* ]]
    [[ "$output" == *$'\n2026-W47 (6 days)      6        -   665.5 '* ]]
    [[ "$output" == *"A week marked with its days (\"(4 days)\") is one the period covers only in part: its row adds up those days, not the whole week."* ]]
    [[ "$output" == *"The last row includes today (2026-11-21), which is not over: it counts so far."* ]]
    run --separate-stderr pumplog report --by week --format json
    [ "$(printf '%s' "$output" | jq -c '[.[] | [.week, .days, .partial]]')" = '[["2026-W46",1,true],["2026-W47",6,true]]' ]
    # A whole week and a whole month are not partial; days are never; the past is over.
    run --separate-stderr pumplog report --since 2026-11-09 --until 2026-11-15 --by week --format json
    [ "$(printf '%s' "$output" | jq -c '[.[] | [.week, .days, .partial]]')" = '[["2026-W46",7,false]]' ]
    run --separate-stderr pumplog report --since 2026-10-01 --until 2026-10-31 --by month
    [[ "$output" == *$'\n2026-10    '* ]]
    [[ "$output" != *"(31 days)"* ]]
    [[ "$output" != *"marked with its days"* ]]
    [[ "$output" != *"not over"* ]]
    run --separate-stderr pumplog report --since 2026-11-10 --by month --format csv
    [ "${lines[1]}" = "2026-11,8,895.5,60,70,5,310,2,32,150,60,90,0,12" ]
    run --separate-stderr pumplog report --by month
    [[ "$output" == *"2026-11 (7 days)"* ]]
    pumplog report --by week --format svg > "$TEST_DIR/weeks.svg"
    run python3 - "$TEST_DIR/weeks.svg" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
bars = [r for r in root.iterfind(".//s:rect", ns) if "pumped" in r.get("class", "").split()]
print(" ".join("%s:%s" % ("partial" in b.get("class").split(), b.get("fill-opacity")) for b in bars))
print(" ".join(t.text for t in root.iterfind(".//s:g[@class='x-axis']/s:text", ns)))
print([b.find("s:title", ns).text for b in bars][0])
EOF
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "True:0.45 True:0.45" ]
    [ "${lines[1]}" = "W46* W47*" ]
    [ "${lines[2]}" = "2026-W46 (partial: 1 of 7 days): 130 ml pumped" ]
    # the subtitle's note reads as a sentence: the week holds today, which is not over
    grep -q '; \* a week the period covers only in part or holds 2026-11-21, which was not over when this was made<' \
        "$TEST_DIR/weeks.svg"
}

# Review rv44 B6: a side out of range counts as none (pumplog(5)), so it does not make a session "sided".
@test "report: a session whose side volumes are out of range is not counted as one with left/right" {
    journal_line '{"v":1,"id":"B","type":"pump","at":"2026-11-20T07:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"D","type":"pump","at":"2026-11-20T09:00:00+01:00","ml":100,"left_ml":1e308,"right_ml":-5}'
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20
    [ "$status" -eq 0 ]
    [ "$output" = "Report for 2026-11-20 (volumes in ml, nursing in minutes)

date       pumps  skipped  pumped  left  right  feeds  bottle  nursed  min  stored  used  discarded
Fri 11-20      2        -     200     -      -      -       -       -    -       -     -          -  ████████████████
total          2        -     200     -      -      -       -       -    -       -     -          -
per day      2.0        -     200     -      -      -       -       -    -       -     -          -

Trend: 200 ml pumped in the 1 day to 2026-11-20; the journal begins on 2026-11-20: too little history before them to compare with.
Pumped 200 ml, baby drank 0 ml from bottles: +200 ml to the stash." ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format csv
    [ "${lines[1]}" = "2026-11-20,2,200,0,0,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format json
    [ "$(jq -c '.[0] | [.pump_sessions, .left_ml, .right_ml]' <<<"$output")" = '[2,0,0]' ]
    # one usable side makes a session sided; the unusable other side adds nothing
    journal_line '{"v":1,"id":"E","type":"pump","at":"2026-11-20T11:00:00+01:00","ml":100,"left_ml":1e308,"right_ml":40}'
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20
    [ "${lines[2]}" = "Fri 11-20      3        -     300     -     40      -       -       -    -       -     -          -  ████████████████" ]
    [ "${lines[5]}" = "Left/right were recorded for 1 of 3 sessions; the side columns cover those only." ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format csv
    [ "${lines[1]}" = "2026-11-20,3,300,0,40,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-20 --until 2026-11-20 --format json
    [ "$(jq -c '.[0] | [.pump_sessions, .left_ml, .right_ml]' <<<"$output")" = '[3,0,40]' ]
}

@test "report --format md has human headers, and notes under it for today and left/right" {
    week
    run --separate-stderr pumplog report --format md
    [ "${lines[0]}" = "| Date | Sessions | Skipped | Pumped (ml) | Left (ml) | Right (ml) | Feeds | Bottles (ml) | At the breast | Nursing (min) | Stored (ml) | Used (ml) | Discarded (ml) |" ]
    [[ "$output" == *"Left/right were recorded for 1 of 7 sessions; the side columns cover those only."* ]]
    run --separate-stderr pumplog report --format html
    [[ "$output" == *'<p class="note">Left/right were recorded for 1 of 7 sessions; the side columns cover those only.</p>'* ]]
    # A page is read days later: the date, never "today".
    [[ "$output" == *'<p class="note">2026-11-21 was not over when this report was made: the last row counts it so far.</p>'* ]]
    [[ "$output" == *"* 2026-11-21 was not over when this was made"* ]]
    [[ "$output" == *"<title>2026-11-21 (not over when this was made): 125.5 ml pumped</title>"* ]]
    run grep -ci -e today -e tonight -e tomorrow -e yesterday <<< "$output"
    [ "$output" = "0" ]
}

@test "the HTML page dates the stash and says thaw tonight only for what the next day needs" {
    # The baby drank 600 ml of breast milk in 6 bottles from 2026-11-19 15:00 to 11-21 08:00: the 47 h 5 min
    # until now and one interval between bottles more (8 h 12 min) stand for 2.3 days, 260 ml a day.
    for at in 19T15 19T20 20T08 20T14 20T20 21T08; do
        journal_line "{\"v\":1,\"id\":\"F$at\",\"type\":\"feed\",\"at\":\"2026-11-$at:00:00+01:00\",\"method\":\"bottle\",\"ml\":100,\"milk\":\"breast\"}"
    done
    pumplog stock add 120ml --in fridge --pumped "2026-11-21 08:00" >/dev/null
    pumplog stock add 100ml --in freezer --pumped "2026-10-01 08:00" >/dev/null
    pumplog stock add 100ml --in freezer --pumped "2026-10-02 08:00" >/dev/null
    pumplog stock add 100ml --in freezer --pumped "2026-10-03 08:00" >/dev/null
    run --separate-stderr pumplog report --format html
    [ "$status" -eq 0 ]
    stash="$(printf '%s\n' "$output" | sed -n '/<section id="stash">/,/<\/section>/p')"
    [[ "$stash" == *"<h2>The stash on 2026-11-21 14:05</h2>"* ]]
    [[ "$stash" != *"today"* ]]
    [[ "$stash" != *"tomorrow"* ]]
    [[ "$stash" == *"<p>The next day (2026-11-22) needs about 260 ml (the recent bottle intake); 120 ml outside the freezer, so thaw B2 and B3 (200 ml) tonight (2026-11-21) in the fridge.</p>"* ]]
    [ "$(printf '%s\n' "$stash" | grep -c 'thaw tonight (2026-11-21) in the fridge for the next day')" -eq 2 ]
    [[ "$stash" == *"<td>B4</td><td class=\"num\">100 ml</td><td>freezer</td><td>2027-10-03 08:00</td><td>keep it frozen</td>"* ]]
    [[ "$stash" == *"<td>B1</td><td class=\"num\">120 ml</td><td>fridge</td><td>2026-11-25 08:00</td>"* ]]
    # With enough in the fridge, nothing is thawed.
    pumplog stock add 200ml --in fridge --pumped "2026-11-21 09:00" >/dev/null
    run --separate-stderr pumplog report --format html
    # The 320 ml is in the fridge: outside the freezer, not to be taken out of it.
    [[ "$output" == *"320 ml outside the freezer covers it: nothing to thaw."* ]]
    [[ "$output" != *"out of the freezer"* ]]
    [[ "$output" != *"thaw tonight"* ]]
}

@test "the HTML page says how much the next day is short, and says covers it only when it does" {
    # Twins: both babies' bottles are the stash's need (60 + 40 ml today).
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"bottle","ml":60,"milk":"breast","baby":"Ada"}'
    journal_line '{"v":1,"id":"F2","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","ml":40,"milk":"breast","baby":"Ben"}'
    pumplog stock add 30ml --in fridge --at "2026-11-21 09:00" >/dev/null
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<p>The next day (2026-11-22) needs about 100 ml (the recent bottle intake); 30 ml outside the freezer leaves 70 ml missing, and there is no frozen milk left to thaw.</p>"* ]]
    [[ "$output" != *"covers it"* ]]
    run --separate-stderr pumplog --unit oz report --format html
    [[ "$output" == *"needs about 3.4 oz (the recent bottle intake); 1.0 oz outside the freezer leaves 2.4 oz missing, and there is no frozen milk left to thaw.</p>"* ]]
    # A thaw that does not cover it says what is still missing.
    pumplog stock add 20ml --in freezer --at "2026-11-21 09:30" >/dev/null
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"30 ml outside the freezer, so thaw B2 (20 ml) tonight (2026-11-21) in the fridge; that still leaves 50 ml missing, and there is no frozen milk left to thaw.</p>"* ]]
    # Exactly the need outside the freezer covers it.
    pumplog stock add 70ml --in fridge --at "2026-11-21 09:40" >/dev/null
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"100 ml outside the freezer covers it: nothing to thaw.</p>"* ]]
    [[ "$output" != *"missing"* ]]
}

@test "the HTML page's thaw sentence in ounces adds up as it reads" {
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"bottle","ml":202,"milk":"breast"}'
    pumplog stock add 49ml --in fridge --at "2026-11-21 09:00" >/dev/null
    pumplog stock add 100ml --in freezer --at "2026-11-21 09:30" >/dev/null
    # 202 - 49 - 100 = 53 ml is 1.8 oz, but the figures shown say 6.8 - 1.7 - 3.4 = 1.7 oz.
    run --separate-stderr pumplog --unit oz report --format html
    [ "$status" -eq 0 ]
    local thaw="<p>The next day (2026-11-22) needs about 6.8 oz (the recent bottle intake); 1.7 oz outside the"
    thaw+=" freezer, so thaw B2 (3.4 oz) tonight (2026-11-21) in the fridge; that still leaves 1.7 oz missing,"
    thaw+=" and there is no frozen milk left to thaw.</p>"
    [[ "$output" == *"$thaw"* ]]
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"202 ml (the recent bottle intake); 49 ml outside the freezer, so thaw B2 (100 ml) tonight"* ]]
    [[ "$output" == *"that still leaves 53 ml missing"* ]]
}

@test "report --format json equals the CSV, numbers as numbers" {
    week
    for by in day week month hour; do
        csv="$(pumplog report --by "$by" --format csv)"
        json="$(pumplog report --by "$by" --format json | json_as_csv)"
        [ "$csv" = "$json" ]
    done
    run pumplog --unit oz report --format json
    [ "$(printf '%s' "$output" | jq -c '.[0] | [.pumped_oz, .breast_min, .date]')" = '[4.4,17,"2026-11-15"]' ]
    [ "$(printf '%s' "$output" | jq '[.[] | .pump_sessions | type] | unique')" = "$(printf '[\n  "number"\n]')" ]
}

@test "report --format md: a Markdown table with a total row" {
    week
    run --separate-stderr pumplog report --format md
    [ "$status" -eq 0 ]
    diff -u "$GOLDEN/report-day.md" <(printf '%s\n' "$output")
}

@test "report --since and --until are inclusive, a date stands for its whole day" {
    week
    run --separate-stderr pumplog report --since 2026-11-19 --until 2026-11-21 --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 4 ]
    [ "${lines[1]%%,*}" = "2026-11-19" ]
    [ "${lines[3]%%,*}" = "2026-11-21" ]
    # --until alone: the 7 days that end there. A time stands for its day.
    run --separate-stderr pumplog report --until 2026-11-18 --format csv
    [ "${lines[1]%%,*}" = "2026-11-12" ]
    [ "${lines[7]%%,*}" = "2026-11-18" ]
    run --separate-stderr pumplog report --since -2d --format csv
    [ "${#lines[@]}" -eq 4 ]
    [ "${lines[1]%%,*}" = "2026-11-19" ]
    run --separate-stderr pumplog report --since yesterday --until yesterday --format csv
    [ "$output" = "$(head -1 "$GOLDEN/report-day.csv")
2026-11-20,1,80,0,0,1,0,1,15,0,0,0,0,1" ]
}

@test "report --until after today ends today with a note: days to come are neither rows nor days of the averages" {
    week
    # Now is 2026-11-21 14:05: the 3 days asked for after it are not rows.
    run --separate-stderr pumplog report --since 2026-11-19 --until 2026-11-24 --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 4 ]
    [ "${lines[3]%%,*}" = "2026-11-21" ]
    run --separate-stderr pumplog report --since 2026-11-19 --until 2026-11-24
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Report 2026-11-19 to 2026-11-21, 3 days by day (volumes in ml, nursing in minutes)" ]
    # 105 + 80 + 125.5 = 310.5 ml over the 3 days that happened, not over 6.
    [[ "$output" == *$'\nper day '*' 103.5 '* ]]
    [[ "$output" == *"The period asked for ends 2026-11-24, after today: the report ends 2026-11-21, as the days after it have not happened."* ]]
    [[ "$output" == *"The last row is today (2026-11-21), which is not over: it counts so far."* ]]
    # A month asked for whole is partial up to today.
    run --separate-stderr pumplog report --since 2026-11-01 --until 2026-11-30 --by month --format csv
    [ "${lines[1]}" = "2026-11,8,895.5,60,70,5,310,2,32,150,60,90,0,21" ]
    # --until alone after today: the 7 days that end there, up to today.
    run --separate-stderr pumplog report --until 2026-11-23 --format csv
    [ "${#lines[@]}" -eq 6 ]
    [ "${lines[1]%%,*}" = "2026-11-17" ]
    [ "${lines[5]%%,*}" = "2026-11-21" ]
    refused 2 pumplog report --until 2026-12-31
    [ "$stderr" = "pumplog: error: --until 2026-12-31: the 7 days that end there are all after today (2026-11-21); nothing is logged there yet" ]
    # A period wholly after today has nothing to show.
    refused 2 pumplog report --since 2026-11-22 --until 2026-11-30
    [ "$stderr" = "pumplog: error: --since 2026-11-22 is after today (2026-11-21): nothing is logged there yet" ]
}

@test "report with an empty journal prints a row per day of zeros" {
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 8 ]
    [ "${lines[7]}" = "2026-11-21,0,0,0,0,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    [[ "$output" == *"Trend: none, as nothing is logged up to 2026-11-20."* ]]
    [ ! -e "$J" ]
}

@test "report of a period with nothing of a volume claims no stash balance (not 0 ml against 0 ml: even)" {
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "No stash balance: nothing pumped or drunk from bottles is logged in the period." ]
    [[ "$output" != *"even"* ]]
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<p>No stash balance: nothing pumped or drunk from bottles is logged in the period.</p>"* ]]
    # Only voided entries: the same.
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-20T07:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"V1","type":"void","at":"2026-11-20T07:10:00+01:00","target":"P1"}'
    run --separate-stderr pumplog report
    [ "${lines[-1]}" = "No stash balance: nothing pumped or drunk from bottles is logged in the period." ]
    # A session logged as 0 ml has a volume: the balance is a fact then.
    journal_line '{"v":1,"id":"P2","type":"pump","at":"2026-11-20T08:00:00+01:00","ml":0}'
    run --separate-stderr pumplog report
    [ "${lines[-1]}" = "Pumped 0 ml, baby drank 0 ml from bottles: even." ]
}

@test "report: a day whose sessions and bottles all lack a volume has an empty cell, null and an unknown tooltip, never 0" {
    journal_line '{"v":1,"id":"A5","type":"pump","at":"2026-11-21T09:00:00+01:00","dur_s":600}'
    journal_line '{"v":1,"id":"A6","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"bottle","milk":"breast","baby":"Ada"}'
    journal_line '{"v":1,"id":"A7","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","milk":"breast","ml":80,"baby":"Ben"}'
    run --separate-stderr pumplog report --since today --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,skipped,days,feeds_Ada,bottle_ml_Ada,breast_feeds_Ada,breast_min_Ada,feeds_Ben,bottle_ml_Ben,breast_feeds_Ben,breast_min_Ben" ]
    [ "${lines[1]}" = "2026-11-21,1,,,,2,80,0,0,0,0,0,0,1,1,,0,0,1,80,0,0" ]
    run --separate-stderr pumplog report --since today --format json
    [ "$(jq -c '.[0] | [.pump_sessions, .pumped_ml, .left_ml, .right_ml, .bottle_ml, .babies.Ada.bottle_ml, .babies.Ben.bottle_ml]' <<<"$output")" = '[1,null,null,null,80,null,80]' ]
    run --separate-stderr pumplog report --since today --format svg
    [[ "$output" == *"<title>2026-11-21 (not over when this was made): volume pumped unknown (no session has a volume)</title>"* ]]
    [[ "$output" != *"0 ml pumped"* ]]
}

@test "report leaves out entries after now, as status does: today counts so far, a past --now reports as of then" {
    pumplog add 100ml --at "2026-11-21 10:00" >/dev/null
    pumplog add 120ml --at "2026-11-21 22:00" --force >/dev/null
    run --separate-stderr pumplog report --since today --format csv
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "2026-11-21,1,100,0,0,0,0,0,0,0,0,0,0,1" ]
    [[ "$(pumplog status)" == *"Pumped     100 ml in 1 session"* ]]
    run --separate-stderr pumplog report --since today
    [[ "$output" == *"The last row is today (2026-11-21), which is not over: it counts so far."* ]]
    [[ "$output" == *"Pumped 100 ml, baby drank 0 ml from bottles: +100 ml to the stash."* ]]
    run --separate-stderr pumplog --now "2026-11-21 09:00" report --since today --format json
    [ "$(jq -c '.[0] | [.pump_sessions, .pumped_ml]' <<<"$output")" = '[0,0]' ]
    run --separate-stderr pumplog --now "2026-11-21 23:00" report --since today --format csv
    [ "${lines[1]}" = "2026-11-21,2,220,0,0,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since today --format html
    [[ "$output" == *"Pumped</dt><dd>100 ml"* ]]
}

@test "report refuses bad options with one error line and exit 2" {
    week
    refused 2 pumplog report --by fortnight
    [[ "$stderr" == *"use day, week, month or hour"* ]]
    refused 2 pumplog report --since 2026-11-21 --until 2026-11-20
    [[ "$stderr" == *"--until 2026-11-20 is before --since 2026-11-21"* ]]
    refused 2 pumplog report --since banana
    refused 2 pumplog report --format ics
    [[ "$stderr" == *"table, json, csv, md, svg, html"* ]]
}

@test "report: the terminal table with bars, totals, averages, the trend and the stash" {
    week
    LANG=C.UTF-8 run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    diff -u "$GOLDEN/report-day.txt" <(printf '%s\n' "$output")
}

@test "report bars are block characters on a UTF-8 locale and # otherwise" {
    week
    LC_ALL= LC_CTYPE= LANG=en_US.UTF-8 run pumplog report
    [[ "$output" == *"████████████████"* ]]
    [[ "$output" != *"#"* ]]
    LC_ALL= LC_CTYPE= LANG=C run pumplog report
    [[ "$output" == *"################"* ]]
    [[ "$output" != *"█"* ]]
    # LC_ALL wins over LANG, as in POSIX.
    LC_ALL=POSIX LANG=en_US.UTF-8 run pumplog report
    [[ "$output" == *"################"* ]]
    LC_ALL= LC_CTYPE=en_GB.utf8 LANG=C run pumplog report
    [[ "$output" == *"█"* ]]
}

@test "report --format svg parses as XML with one bar and one point per day" {
    week
    pumplog report --format svg > "$TEST_DIR/report.svg"
    run python3 - "$TEST_DIR/report.svg" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
bars = [r for r in root.iterfind(".//s:rect", ns) if "pumped" in r.get("class", "").split()]
points = [c for c in root.iterfind(".//s:circle", ns) if "drunk" in c.get("class", "").split()]
heights = [float(b.get("height")) for b in bars]
texts = " ".join(t.text or "" for t in root.iterfind(".//s:text", ns))
assert not list(root.iterfind(".//s:script", ns))
print(len(bars), len(points), sum(h > 0 for h in heights), "volume (ml)" in texts, "drunk from bottles" in texts)
EOF
    [ "$status" -eq 0 ]
    [ "$output" = "7 7 6 True True" ]
}

@test "report: the charts draw a day with nothing logged as a gap titled so, never 0 ml; CSV and JSON keep 0" {
    export TZ=America/Chicago PUMPLOG_NOW=2026-11-21T20:00:00-06:00
    # 3 pumps and a bottle a day from 2026-10-20, nothing on 2026-11-12.
    local i d n=0 h
    for i in $(seq 0 32); do
        d="$(date -d "2026-10-20 + $i day" +%F)"
        [ "$d" = 2026-11-12 ] && continue
        for h in 07 12 18; do
            n=$((n + 1))
            journal_line "{\"v\":1,\"id\":\"p$n\",\"type\":\"pump\",\"at\":\"${d}T$h:00:00-06:00\",\"ml\":120}"
        done
        local feed="{\"v\":1,\"id\":\"f$i\",\"type\":\"feed\",\"at\":\"${d}T09:00:00-06:00\","
        journal_line "$feed\"method\":\"bottle\",\"ml\":100}"
    done
    run --separate-stderr pumplog report --since 2026-11-10 --until 2026-11-14 --format svg
    [ "$status" -eq 0 ]
    # It said "2026-11-12: 0 ml pumped" and "2026-11-12: 0 ml drunk from bottles".
    local titles=$'<title>2026-11-12: nothing logged\n<title>2026-11-12: nothing logged'
    [ "$(grep -o '<title>2026-11-12[^<]*' <<<"$output")" = "$titles" ]
    grep -qF '<circle class="point drunk unlogged" cx="344.0" cy="312.0" r="3.5" fill="#ffffff"' <<<"$output"
    [ "$(grep -c '<polyline' <<<"$output")" -eq 2 ]
    # Days before the journal's first entry, in the HTML page's chart.
    run --separate-stderr pumplog report --since 2026-10-18 --until 2026-10-21 --format html
    [ "$(grep -o '<title>2026-10-1[89][^<]*' <<<"$output" | sort | uniq -c | awk '{$1=$1; print}')" = \
        $'2 <title>2026-10-18: nothing logged\n2 <title>2026-10-19: nothing logged' ]
    # The machine formats keep 0 for such a day, as documented.
    run --separate-stderr pumplog report --since 2026-11-10 --until 2026-11-14 --format csv
    grep -qxF "2026-11-12,0,0,0,0,0,0,0,0,0,0,0,0,1" <<<"$output"
    run --separate-stderr pumplog report --since 2026-11-10 --until 2026-11-14 --format json
    [ "$(jq -c '.[2] | [.date, .pumped_ml, .bottle_ml]' <<<"$output")" = '["2026-11-12",0,0]' ]
}

@test "report --format svg renders to a non-blank PNG" {
    week
    pumplog report --format svg > "$TEST_DIR/report.svg"
    rsvg-convert "$TEST_DIR/report.svg" -o "$TEST_DIR/report.png"
    read -r width height colours share < <(python3 "$BATS_TEST_DIRNAME/png_stats.py" "$TEST_DIR/report.png")
    [ "$width" -ge 420 ]
    [ "$height" -ge 300 ]
    [ "$colours" -gt 10 ]
    # Bars, a line, axes and text: a good part of the picture is not background.
    python3 -c "import sys; sys.exit(not (0.05 < $share < 0.9))"
}

@test "report --format html is one self-contained page: no script, no link, no URL but the SVG namespace" {
    week
    pumplog report --format html > "$TEST_DIR/report.html"
    [ "$(grep -o 'https\?:[^"<> ]*' "$TEST_DIR/report.html" | sort -u)" = "http://www.w3.org/2000/svg" ]
    run grep -ci -e '<script' -e ' src=' -e ' href=' -e 'url(' -e '@import' -e '<link' "$TEST_DIR/report.html"
    [ "$output" = "0" ]
    grep -q '@media print' "$TEST_DIR/report.html"
    grep -q 'name="viewport"' "$TEST_DIR/report.html"
    grep -q 'CDC, &#8220;Pumping Breast Milk&#8221;' "$TEST_DIR/report.html"
    grep -q '<section id="hours">' "$TEST_DIR/report.html"
    run python3 -c "import html.parser, sys; html.parser.HTMLParser().feed(open(sys.argv[1]).read())" "$TEST_DIR/report.html"
    [ "$status" -eq 0 ]
}

@test "report --format html loads in headless Chromium: a screenshot of the expected size, the totals in the DOM" {
    [ -n "$(chromium_bin)" ] || skip "chromium is not installed (apt-get install chromium)"
    week
    pumplog report --format html > "$TEST_DIR/report.html"
    cd "$TEST_DIR"
    browser --window-size=1024,1400 --hide-scrollbars --screenshot="$TEST_DIR/page.png" "file://$TEST_DIR/report.html" >/dev/null
    read -r width height colours share < <(python3 "$BATS_TEST_DIRNAME/png_stats.py" "$TEST_DIR/page.png")
    [ "$width" -eq 1024 ]
    [ "$height" -eq 1400 ]
    [ "$colours" -gt 50 ]
    python3 -c "import sys; sys.exit(not (0.05 < $share < 0.9))"

    browser --dump-dom "file://$TEST_DIR/report.html" > "$TEST_DIR/dom.html"
    grep -q '<tr class="total"><td>Total</td><td>7</td><td>-</td><td>795.5</td><td>60</td><td>70</td><td>5</td><td>310</td><td>2</td><td>32</td><td>150</td><td>60</td><td>90</td></tr>' "$TEST_DIR/dom.html"
    local balance="Pumped 795.5 ml, baby drank 210 ml of breast milk from bottles (and 100 ml of formula):"
    grep -qF "$balance +585.5 ml to the stash." "$TEST_DIR/dom.html"
}

@test "report --format html asks for nothing over the network (a page that does is caught)" {
    [ -n "$(chromium_bin)" ] || skip "chromium is not installed (apt-get install chromium)"
    week
    pumplog report --format html > "$TEST_DIR/report.html"
    browser --log-net-log="$TEST_DIR/net.json" --dump-dom "file://$TEST_DIR/report.html" >/dev/null
    run python3 "$BATS_TEST_DIRNAME/page_requests.py" "$TEST_DIR/net.json"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    # The same check on a page that does make requests finds them.
    printf '<!DOCTYPE html><img src="http://leak.invalid/a.png"><link rel="stylesheet" href="https://leak.invalid/b.css">' > "$TEST_DIR/leak.html"
    browser --log-net-log="$TEST_DIR/leak.json" --dump-dom "file://$TEST_DIR/leak.html" >/dev/null
    run python3 "$BATS_TEST_DIRNAME/page_requests.py" "$TEST_DIR/leak.json"
    [ "$status" -eq 0 ]
    [[ "$output" == *"http://leak.invalid/a.png"* ]]
    [[ "$output" == *"https://leak.invalid/b.css"* ]]
}

@test "examples/report-to-spreadsheet.sh writes the daily, weekly and entry CSVs" {
    week
    PUMPLOG="$PUMPLOG_BIN" run --separate-stderr "$SOURCE_DIR/examples/report-to-spreadsheet.sh" "$TEST_DIR/sheets" 2026-11-15
    [ "$status" -eq 0 ]
    diff -u "$GOLDEN/report-day.csv" "$TEST_DIR/sheets/pumplog-daily.csv"
    diff -u "$GOLDEN/report-week.csv" "$TEST_DIR/sheets/pumplog-weekly.csv"
    [ "$(head -1 "$TEST_DIR/sheets/pumplog-entries.csv")" = "ref,id,type,at,ml,left_ml,right_ml,dur_s,method,milk,place,label,note,left_s,right_s,baby" ]
    # every entry in effect from 2026-11-15: 19 lines, less P0 (before), P5 (voided), V1 and A1 (corrections)
    [ "$(tail -n +2 "$TEST_DIR/sheets/pumplog-entries.csv" | wc -l)" -eq 15 ]
    # The default covers the last 31 days.
    (cd "$TEST_DIR" && PUMPLOG="$PUMPLOG_BIN" "$SOURCE_DIR/examples/report-to-spreadsheet.sh" >/dev/null)
    [ "$(wc -l < "$TEST_DIR/pumplog-daily.csv")" -eq 32 ]
}

@test "the HTML page shows the stash by place with what to use first" {
    pumplog stock add 120ml --in fridge --pumped "2026-11-20 08:00" >/dev/null
    pumplog stock add 90ml --in freezer --pumped "2026-11-01 08:00" >/dev/null
    run --separate-stderr pumplog report --format html
    [ "$status" -eq 0 ]
    [[ "$output" == *'<section id="stash">'* ]]
    [[ "$output" == *'<td>fridge</td><td class="num">1</td><td class="num">120 ml</td>'* ]]
    [[ "$output" == *'<td>freezer</td><td class="num">1</td><td class="num">90 ml</td>'* ]]
    # the fridge bag expires first (4 days from 2026-11-20 08:00), so it is listed first
    fridge_row="$(printf '%s\n' "$output" | grep -n '<td>B1</td>' | cut -d: -f1)"
    freezer_row="$(printf '%s\n' "$output" | grep -n '<td>B2</td>' | cut -d: -f1)"
    [ "$fridge_row" -lt "$freezer_row" ]
}

@test "the stash balance names as from the stash only what was taken out of storage" {
    journal_line '{"v":1,"id":"p1","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":500}'
    journal_line '{"v":1,"id":"f1","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"bottle","ml":700,"milk":"breast"}'
    run --separate-stderr pumplog report --since today
    [ "$status" -eq 0 ]
    [[ "$output" == *"Pumped 500 ml, baby drank 700 ml from bottles: 200 ml less than drunk."* ]]
    journal_line '{"v":1,"id":"s1","type":"store","at":"2026-11-19T07:00:00+01:00","ml":150,"place":"fridge","pumped":"2026-11-19T07:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"u1","type":"use","at":"2026-11-21T08:00:00+01:00","target":"s1","ml":120}'
    run --separate-stderr pumplog report --since today
    [[ "$output" == *"Pumped 500 ml, baby drank 700 ml from bottles: 200 ml less than drunk; 120 ml taken from the stash."* ]]
}

@test "stock combine moves stored milk: the report counts it neither as stored again nor as used" {
    pumplog add 100ml --at 08:00 --store fridge >/dev/null
    pumplog add 80ml --at 10:00 --store fridge >/dev/null
    pumplog stock combine B1 B2 >/dev/null
    PUMPLOG_NOW=2026-11-21T15:00:00+01:00 pumplog log feed 60ml --from-stock >/dev/null
    export PUMPLOG_NOW=2026-11-21T15:00:00+01:00
    run --separate-stderr pumplog report --since today --format csv
    [ "$status" -eq 0 ]
    [ "$(cut -d, -f1,10,11 <<<"$output")" = "date,stored_ml,used_ml
2026-11-21,180,60" ]
    run --separate-stderr pumplog report --since today --by hour --format csv
    [ "$(awk -F, 'NR > 1 && ($10 != 0 || $11 != 0) { print $1 "," $10 "," $11 }' <<<"$output")" = "08:00,100,0
10:00,80,0
15:00,0,60" ]
}

@test "report: the trend compares like with like from the journal's first day, and keeps to the period" {
    # 3 x 150 ml pumps a day from 2026-11-02, the journal's first day, to 2026-11-10.
    local i d t
    for i in $(seq 0 8); do
        d="$(date -d "2026-11-02 + $i day" +%F)"
        for t in 07:00 12:00 18:00; do pumplog --now "$d $t" add 150ml >/dev/null; done
    done
    # The 6 complete days of the last 7 against the 3 the journal has before them, per day: steady, not up 250%.
    run --separate-stderr pumplog --now "2026-11-11 12:00" report
    [ "$status" -eq 0 ]
    local steady="Trend: 2.7 L pumped in the 6 days to 2026-11-10 (450 ml a day), steady (+0%) on the 3 days"
    steady+=" before them since the journal began on 2026-11-02 (450 ml a day)."
    [[ "$output" == *"$steady"* ]]
    run --separate-stderr pumplog --now "2026-11-11 12:00" report --format html
    [[ "$output" == *"steady (+0%) on the 3 days before them since the journal began on 2026-11-02"* ]]
    # A period before the journal: no days outside it are summed.
    run --separate-stderr pumplog --now "2026-11-11 12:00" report --since 2026-10-24 --until 2026-10-27
    [[ "$output" == *"Trend: none, as nothing is logged up to 2026-10-27."* ]]
    run --separate-stderr pumplog --now "2026-11-11 12:00" report --since 2026-11-08 --until 2026-11-10
    [[ "$output" == *"Trend: 1.4 L pumped in the 3 days to 2026-11-10, steady (+0%) on the 3 days before (1.4 L)."* ]]
}

@test "report: no trend from one or two days logged, on either side (the table and the HTML page)" {
    export TZ=America/Chicago PUMPLOG_NOW=2026-11-21T20:00:00-06:00
    journal_line '{"v":1,"id":"p1","type":"pump","at":"2026-11-05T08:00:00-06:00","ml":120}'
    journal_line '{"v":1,"id":"p2","type":"pump","at":"2026-11-11T08:00:00-06:00","ml":100}'
    journal_line '{"v":1,"id":"f1","type":"feed","at":"2026-11-20T08:00:00-06:00","method":"bottle","ml":90,"milk":"breast"}'
    # It said "0 ml pumped in the 6 days to 2026-11-20 ..., down 100% on the 6 days before (100 ml a day; ...)".
    local none="Trend: none, as only 1 of the 6 days to 2026-11-20 has anything logged: too little to compare."
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    grep -qxF "$none" <<<"$output"
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<p>$none</p>"* ]]
    journal_line '{"v":1,"id":"p3","type":"pump","at":"2026-11-10T08:00:00-06:00","ml":120}'
    run --separate-stderr pumplog report
    grep -qxF "$none" <<<"$output"
    # Three recent days logged, two before: still none.
    journal_line '{"v":1,"id":"p4","type":"pump","at":"2026-11-18T08:00:00-06:00","ml":100}'
    journal_line '{"v":1,"id":"p5","type":"pump","at":"2026-11-19T08:00:00-06:00","ml":100}'
    run --separate-stderr pumplog report
    local few="Trend: 200 ml pumped in the 6 days to 2026-11-20 (66.7 ml a day; 3 days with nothing logged left out);"
    few+=" only 2 of the 6 days before have anything logged: too little to compare with."
    grep -qxF "$few" <<<"$output"
    [[ "$output" != *"down 100%"* ]]
}

@test "report: days whose pump sessions all lack a volume are unknown, not 0 ml days, in the per-day figures and the trend" {
    # 7 days of 3 x 120 ml, then 7 days of timed sessions without a volume (a timed-only export).
    local i d t n=0
    for i in $(seq 0 13); do
        d="$(date -d "2026-11-01 + $i day" +%F)"
        for t in 07 12 18; do
            n=$((n + 1))
            if [ "$i" -lt 7 ]; then
                journal_line "{\"v\":1,\"id\":\"p$n\",\"type\":\"pump\",\"at\":\"${d}T$t:00:00+01:00\",\"ml\":120}"
            else
                journal_line "{\"v\":1,\"id\":\"p$n\",\"type\":\"pump\",\"at\":\"${d}T$t:00:00+01:00\",\"dur_s\":900}"
            fi
        done
    done
    # No recent day has a volume: the trend is not known (it said "0 ml pumped ..., down 100%").
    run --separate-stderr pumplog --now "2026-11-14T20:00:00+01:00" report
    [ "$status" -eq 0 ]
    local unknown="Trend: not known, as every day logged in the 6 days to 2026-11-13 has a pump session"
    unknown+=" without a volume."
    [[ "$output" == *$'\n'"$unknown"$'\n'* ]]
    [[ "$output" != *"down 100%"* ]]
    run --separate-stderr pumplog --now "2026-11-14T20:00:00+01:00" report --format html
    [[ "$output" == *"$unknown"* ]]
    # Over both weeks the per-day pumped figure divides by the 7 days with a volume: 360, not 180.
    run --separate-stderr pumplog --now "2026-11-14T20:00:00+01:00" report --since 2026-11-01 --until 2026-11-13
    [[ "$output" == *$'\nper day      3.0        -     360'* ]]
    [[ "$output" == *"6 days whose pump sessions all have no volume are left out of the per-day pumped figure."* ]]
    run --separate-stderr pumplog --now "2026-11-14T20:00:00+01:00" report --since 2026-11-01 --until 2026-11-13 --format html
    [[ "$output" == *"<small>39 sessions, 18 without a volume, 360 ml a day</small>"* ]]
    run --separate-stderr pumplog --now "2026-11-14T20:00:00+01:00" report --since 2026-11-01 --until 2026-11-13 --format md
    [[ "$output" == *$'\n| per day | 3.0 | - | 360 |'* ]]
    # A recent span with some days of volume: the trend's mean leaves the others out and says so.
    run --separate-stderr pumplog --now "2026-11-10T20:00:00+01:00" report
    local trend="Trend: 1.4 L pumped in the 6 days to 2026-11-09 (360 ml a day; 2 days with a pump session without"
    trend+=" a volume left out), steady (+0%) on the 3 days before them since the journal began on 2026-11-01"
    trend+=" (360 ml a day)"
    [[ "$output" == *"$trend"* ]]
}

@test "report: a day with one pump session without a volume is left out of the trend, not summed from the others" {
    export TZ=America/Chicago PUMPLOG_NOW=2026-11-21T20:00:00-06:00
    # 100 ml at 08:00 and 50 ml at 12:00 a day from 11-07; from 11-14 the 08:00 sessions (but 11-17's) and
    # 11-19's 12:00 have no volume. It said "down 48% on the 6 days before (133 ml a day) (not counting 7 ...)".
    local i d
    for i in $(seq 0 13); do
        d="$(date -d "2026-11-07 + $i day" +%F)"
        if [ "$i" -lt 7 ] || [ "$i" -eq 10 ]; then
            journal_line "{\"v\":1,\"id\":\"p$i\",\"type\":\"pump\",\"at\":\"${d}T08:00:00-06:00\",\"ml\":100}"
        else
            journal_line "{\"v\":1,\"id\":\"p$i\",\"type\":\"pump\",\"at\":\"${d}T08:00:00-06:00\",\"dur_s\":600}"
        fi
        if [ "$i" -ne 12 ]; then
            journal_line "{\"v\":1,\"id\":\"q$i\",\"type\":\"pump\",\"at\":\"${d}T12:00:00-06:00\",\"ml\":50}"
        else
            journal_line "{\"v\":1,\"id\":\"q$i\",\"type\":\"pump\",\"at\":\"${d}T12:00:00-06:00\",\"dur_s\":600}"
        fi
    done
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    local trend="Trend: not known, as only 1 of the 6 days to 2026-11-20 has a volume for each pump session"
    trend+=" (5 have a session without one): too little to compare."
    grep -qxF "$trend" <<<"$output"
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<p>$trend</p>"* ]]
    run --separate-stderr pumplog --now 2026-11-20T20:00:00-06:00 report --by week --since 2026-11-02
    trend="Trend: not known, as only 2 of the 7 days to 2026-11-19 have a volume for each pump session"
    trend+=" (5 have a session without one): too little to compare."
    grep -qxF "$trend" <<<"$output"
    [[ "$output" != *"down"* ]]
}

@test "the stash balance names bottles without an amount instead of counting them as 0 ml" {
    # A Huckleberry export: 4 bottles on 11-19, 3 without an amount; 3 pumps of 120 ml.
    cat >"$TEST_DIR/balance.csv" <<'CSV'
Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes
Feed,2026-11-19 06:00,,,Breast Milk,Bottle,4oz,
Feed,2026-11-19 10:00,,,Breast Milk,Bottle,,
Feed,2026-11-19 14:00,,,Breast Milk,Bottle,,
Feed,2026-11-19 18:00,,,Breast Milk,Bottle,,
Pump,2026-11-19 07:00,,00:15,60ml,,60ml,
Pump,2026-11-19 11:00,,00:15,60ml,,60ml,
Pump,2026-11-19 15:00,,00:15,60ml,,60ml,
CSV
    pumplog log import "$TEST_DIR/balance.csv" >/dev/null
    run --separate-stderr pumplog report --since 2026-11-19 --until 2026-11-19
    [ "$status" -eq 0 ]
    local balance="Pumped 360 ml, baby drank 118.3 ml from bottles: +241.7 ml to the stash,"
    balance+=" not counting 3 bottles without an amount."
    grep -qxF "$balance" <<<"$output"
    grep -qxF "3 of 4 bottles have no amount: the bottle column adds up the other 1 only." <<<"$output"
    run --separate-stderr pumplog report --since 2026-11-19 --until 2026-11-19 --format html
    [ "$status" -eq 0 ]
    grep -qF "not counting 3 bottles without an amount." <<<"$output"
}

@test "report: every per-day figure leaves out days before the journal's first entry and days with nothing logged" {
    # A journal of one day, 2026-11-19: 2 pumps of 150 ml, a 120 ml bottle; now is 2026-11-21 14:05.
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-19T07:00:00+01:00","ml":150}'
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-19T09:00:00+01:00","method":"bottle","ml":120}'
    journal_line '{"v":1,"id":"P2","type":"pump","at":"2026-11-19T12:00:00+01:00","ml":150}'
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    # 300 ml a day, not 300 / 7 = 42.9: the 4 days before the journal and 11-20 and 11-21 were not logged.
    [[ "$output" == *$'\nper day      2.0        -     300     -      -    1.0     120 '* ]]
    [[ "$output" == *$'\n6 days with nothing logged are left out of the per-day figures.\n'* ]]
    run --separate-stderr pumplog report --format md
    [[ "$output" == *$'\n| per day | 2.0 | - | 300 | - | - | 1.0 | 120 | - | - | - | - | - |\n'* ]]
    [[ "$output" == *$'\n6 days with nothing logged are left out of the per-day figures.'* ]]
    run --separate-stderr pumplog report --format html
    [[ "$output" == *"<dd>300 ml<small>2 sessions, 300 ml a day</small></dd>"* ]]
    [[ "$output" == *"<dd>120 ml<small>120 ml a day</small></dd>"* ]]
    [[ "$output" == *"<td>per day</td><td>2.0</td><td>-</td><td>300</td>"* ]]
    # A day with a feed but no pump is a day of nothing pumped: counted.
    journal_line '{"v":1,"id":"F2","type":"feed","at":"2026-11-20T09:00:00+01:00","method":"bottle","ml":100}'
    run --separate-stderr pumplog report --format md
    [[ "$output" == *$'\n| per day | 1.0 | - | 150 | - | - | 1.0 | 110 | - | - | - | - | - |\n'* ]]
    [[ "$output" == *$'\n5 days with nothing logged are left out of the per-day figures.'* ]]
}

@test "a volume written with two decimals rounds the same in every output: log, status and report in each format" {
    # 120.05 and 16.65 ml are a little under in binary; as written they round up to 120.1 and 16.7 everywhere.
    local line='{"v":1,"id":"P1","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":120.05,'
    journal_line "$line"'"left_ml":16.65,"right_ml":103.4}'
    run --separate-stderr pumplog report --since 2026-11-21
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\nSat 11-21      1        -   120.1  16.7  103.4 '* ]]
    run --separate-stderr pumplog report --since 2026-11-21 --format md
    [[ "$output" == *$'\n| Sat 11-21 | 1 | - | 120.1 | 16.7 | 103.4 | - |'* ]]
    run --separate-stderr pumplog report --since 2026-11-21 --format csv
    [ "${lines[1]}" = "2026-11-21,1,120.1,16.7,103.4,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-21 --format json
    [ "$(jq -c '.[0] | [.pumped_ml, .left_ml, .right_ml]' <<<"$output")" = '[120.1,16.7,103.4]' ]
    run --separate-stderr pumplog report --since 2026-11-21 --format html
    [[ "$output" == *"<td>Sat 11-21</td><td>1</td><td>-</td><td>120.1</td><td>16.7</td><td>103.4</td>"* ]]
    run --separate-stderr pumplog log
    [ "${lines[1]}" = "p1   2026-11-21 09:00  pumped 120.1 ml (L 16.7 / R 103.4)" ]
    run --separate-stderr pumplog status
    [[ "$output" == *$'\n  Pumped     120.1 ml in 1 session (L 16.7 / R 103.4)\n'* ]]
    run --separate-stderr pumplog status --format json
    [ "$(jq -c '[.today.pumped_ml, .last_pump.ml]' <<<"$output")" = '[120.1,120.1]' ]
}

@test "nursing minutes, means and ounces round half away from zero in the table, Markdown and HTML as in CSV, JSON" {
    export PUMPLOG_NOW=2026-11-10T20:00:00+01:00
    journal_line '{"v":1,"id":"R2","type":"pump","at":"2026-11-10T08:00:00+01:00","ml":0.4}'
    journal_line '{"v":1,"id":"R3","type":"feed","at":"2026-11-10T09:00:00+01:00","method":"breast",'\
'"left_s":15,"right_s":0}'
    # 15 s is 0.25 min: 0.3 in every format.
    run --separate-stderr pumplog report --since 2026-11-10
    [[ "$output" == *$'\nTue 11-10      1        -     0.4     -      -      1       -       1  0.3 '* ]]
    [[ "$output" == *$'\ntotal          1        -     0.4     -      -      1       -       1  0.3 '* ]]
    run --separate-stderr pumplog report --since 2026-11-10 --by hour
    [[ "$output" == *$'\n09:00        -        -       -     -      -      1       -       1  0.3 '* ]]
    run --separate-stderr pumplog report --since 2026-11-10 --format md
    [[ "$output" == *$'\n| Tue 11-10 | 1 | - | 0.4 | - | - | 1 | - | 1 | 0.3 | - | - | - |'* ]]
    run --separate-stderr pumplog report --since 2026-11-10 --format html
    local cells="<td>Tue 11-10</td><td>1</td><td>-</td><td>0.4</td><td>-</td><td>-</td><td>1</td><td>-</td><td>1</td>"
    [[ "$output" == *"$cells<td>0.3</td>"* ]]
    run --separate-stderr pumplog report --since 2026-11-10 --format csv
    [ "${lines[1]}" = "2026-11-10,1,0.4,0,0,1,0,1,0.3,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-10 --format json
    [ "$(jq '.[0].breast_min' <<<"$output")" = 0.3 ]
    # Means over 4 days: 1 session is 0.25 a day, 3 feeds 0.75, 21 min of nursing 5.25 min: 0.3, 0.8, 5.3.
    : > "$J"
    journal_line '{"v":1,"id":"R1","type":"pump","at":"2026-11-07T08:00:00+01:00","ml":7.39}'
    journal_line '{"v":1,"id":"R5","type":"feed","at":"2026-11-08T09:00:00+01:00","method":"breast","dur_s":150}'
    journal_line '{"v":1,"id":"R6","type":"feed","at":"2026-11-09T09:00:00+01:00","method":"breast","dur_s":900}'
    journal_line '{"v":1,"id":"R7","type":"feed","at":"2026-11-10T09:00:00+01:00","method":"breast","dur_s":210}'
    run --separate-stderr pumplog report --since 2026-11-07
    [[ "$output" == *$'\nSun 11-08      -        -       -     -      -      1       -       1  2.5 '* ]]
    [[ "$output" == *$'\nper day      0.3        -     1.8     -      -    0.8       -     0.8  5.3 '* ]]
    run --separate-stderr pumplog report --since 2026-11-07 --format md
    [[ "$output" == *$'\n| per day | 0.3 | - | 1.8 | - | - | 0.8 | - | 0.8 | 5.3 | - | - | - |'* ]]
    # The HTML page's figure to 0.1 as its table: 150 s is 2.5 min (not whole minutes, where 15 s was 0).
    run --separate-stderr pumplog report --since 2026-11-08 --until 2026-11-08 --format html
    [[ "$output" == *"<small>1 at the breast, 2.5 min</small>"* ]]
    # 7.39 ml (0.25 oz typed) is 0.25 oz in the CSV: 0.3 in the table, from those hundredths.
    run --separate-stderr pumplog report --since 2026-11-07 --unit oz --format csv
    [ "${lines[1]}" = "2026-11-07,1,0.25,0,0,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-07 --unit oz
    [[ "$output" == *$'\nSat 11-07      1        -     0.3     -      -      -'* ]]
    # A sum of hundredths a hair under its half in binary (1.13 + 2.01 + 0.36 = 3.5 ml) is 3.5 ml in the sentence
    # as in the table and the CSV (not 3.4 from the binary value, nor 4 ml rounded to a whole ml).
    : > "$J"
    journal_line '{"v":1,"id":"A1","type":"pump","at":"2026-11-10T08:00:00+01:00","ml":1.13}'
    journal_line '{"v":1,"id":"A2","type":"pump","at":"2026-11-10T09:00:00+01:00","ml":2.01}'
    journal_line '{"v":1,"id":"A3","type":"pump","at":"2026-11-10T10:00:00+01:00","ml":0.36}'
    run --separate-stderr pumplog report --since 2026-11-10
    [ "${lines[-1]}" = "Pumped 3.5 ml, baby drank 0 ml from bottles: +3.5 ml to the stash." ]
    run --separate-stderr pumplog report --since 2026-11-10 --format csv
    [ "${lines[1]}" = "2026-11-10,3,3.5,0,0,0,0,0,0,0,0,0,0,1" ]
}

# A use of more than its container still held (by hand, or another tool: pumplog refuses it) took what was left:
# report counts that, as stock does, in every row, total and format.
@test "report counts what was left of a container a use took more than, as stock does" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-19T07:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-19T07:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-20T08:00:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-21T08:00:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-21T08:05:00+01:00","method":"bottle","ml":100,"milk":"breast"}'
    run --separate-stderr pumplog report --since 2026-11-19 --format csv
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$(cut -d, -f1,10,11 <<<"$output")" = "date,stored_ml,used_ml
2026-11-19,100,0
2026-11-20,0,60
2026-11-21,0,40" ]
    run --separate-stderr pumplog report --since 2026-11-19 --format json
    [ "$(jq -c '[.[] | .used_ml]' <<<"$output")" = '[0,60,40]' ]
    run --separate-stderr pumplog report --since 2026-11-19 --by hour --format csv
    [ "$(awk -F, 'NR > 1 && $11 != 0 { print $1 "," $11 }' <<<"$output")" = "08:00,100" ]
    run --separate-stderr pumplog report --since 2026-11-19
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$output" = "Report 2026-11-19 to 2026-11-21, 3 days by day (volumes in ml, nursing in minutes)

date       pumps  skipped  pumped  left  right  feeds  bottle  nursed  min  stored  used  discarded
Thu 11-19      -        -       -     -      -      -       -       -    -     100     -          -
Fri 11-20      -        -       -     -      -      -       -       -    -       -    60          -
Sat 11-21      -        -       -     -      -      1     100       -    -       -    40          -
total          -        -       -     -      -      1     100       -    -     100   100          -
per day        -        -       -     -      -    0.3    33.3       -    -    33.3  33.3          -

The last row is today (2026-11-21), which is not over: it counts so far.

Trend: 0 ml pumped in the 2 days to 2026-11-20; the journal begins on 2026-11-19: too little history before them to compare with.
Pumped 0 ml, baby drank 100 ml from bottles: 100 ml less than drunk; 100 ml taken from the stash." ]
    run --separate-stderr pumplog report --since 2026-11-19 --format html
    [[ "$output" == *"100 ml less than drunk; 100 ml taken from the stash."* ]]
    # stock counts the same
    run --separate-stderr pumplog stock --all --format json
    [ "$stderr" = "pumplog: warning: stock: use U2 of B1 took 60 ml, more than the 40 ml left in it; counted as 40 ml" ]
}

@test "report counts what was left of a container stored long before the period, with its uses before it" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-10-01T07:00:00+02:00","ml":100,"place":"freezer","pumped":"2026-10-01T07:00:00+02:00","label":"B1"}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-10-02T08:00:00+02:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"S2","type":"store","at":"2026-10-01T08:00:00+02:00","ml":100,"place":"freezer","pumped":"2026-10-01T08:00:00+02:00","label":"B2"}'
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-21T08:00:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"U3","type":"use","at":"2026-11-21T09:00:00+01:00","target":"S2","ml":70}'
    run --separate-stderr pumplog report --since today --format csv
    [ "$status" -eq 0 ]
    [ "$(cut -d, -f1,10,11 <<<"$output")" = "date,stored_ml,used_ml
2026-11-21,0,110" ]
    run --separate-stderr pumplog report --since today --format json
    [ "$(jq -c '[.[] | .used_ml]' <<<"$output")" = '[110]' ]
    # within what it held, a use counts whole: the same journal without the over-use
    journal_line '{"v":1,"id":"V2","type":"void","at":"2026-11-21T10:00:00+01:00","target":"U2"}'
    run --separate-stderr pumplog report --since today --format csv
    [ "$(cut -d, -f1,10,11 <<<"$output")" = "date,stored_ml,used_ml
2026-11-21,0,70" ]
}

# Review s46 #2: the page's guidance words the leftover rule as pumplog applies it: 1 hour when any milk was thawed.
@test "report --format html: the guidance gives a leftover 2 hours, and 1 hour when any of it was thawed" {
    pumplog log feed 60ml >/dev/null
    run --separate-stderr pumplog report --format html
    [ "$status" -eq 0 ]
    [[ "$output" == *"Milk left over from a feeding is used within 2 hours after the baby finished (when any of it was thawed, pumplog keeps it 1 hour: the strict end of thawed milk&#8217;s 1&#8211;2 hours at room temperature). Use the oldest milk first."* ]]
}

# Review s46 #4: a leftover was counted as stored, and offering it again as used again (stored 40, used 170 when
# 130 ml had left storage). Its milk left storage with the bottle it was left in: none of its store, uses and
# discard counts, in every format.
@test "report: a leftover is not stored milk, and offering it again takes nothing more from the stash" {
    pumplog stock add 140ml --in fridge --now "2026-11-20 20:00" >/dev/null
    # yesterday 23:30: a bottle of 100 ml of B1, 40 ml left over (B2, until 01:30)
    pumplog log feed 60ml --bottle --from-stock --offered 100ml --now "2026-11-20 23:30" >/dev/null
    # today: B2 given again (30 ml), its last 10 ml thrown away, then 30 ml of B1
    pumplog log feed 30ml --bottle --from-stock --now "2026-11-21 00:30" >/dev/null
    pumplog stock discard B2 --now "2026-11-21 00:35" >/dev/null
    pumplog log feed 30ml --bottle --from-stock --now "2026-11-21 01:00" >/dev/null
    [ "$(pumplog stock --format json | jq -c '[.[] | [.label, .ml]]')" = '[["B1",10]]' ]
    run --separate-stderr pumplog report --since yesterday --format csv
    [ "$status" -eq 0 ]
    [ "$(cut -d, -f1,10-12 <<<"$output" | tail -n +2 | paste -sd ' ')" = "2026-11-20,140,100,0 2026-11-21,0,30,0" ]
    run --separate-stderr pumplog report --since yesterday --format json
    [ "$(jq -c '[.[] | [.stored_ml, .used_ml, .discarded_ml]]' <<<"$output")" = '[[140,100,0],[0,30,0]]' ]
    LANG=C.UTF-8 run --separate-stderr pumplog report --since yesterday
    [[ "$output" == *$'\ntotal   '*"     140   130          -"$'\n'* ]]
    [[ "$output" == *"; 130 ml taken from the stash."* ]]
    run --separate-stderr pumplog report --since yesterday --format html
    [[ "$output" == *"; 130 ml taken from the stash."* ]]
    # today alone: the leftover stored yesterday is looked up, and its use today is not counted
    run --separate-stderr pumplog report --since today --by hour --format csv
    [ "$(grep '^00:00' <<<"$output" | cut -d, -f10-12)" = "0,0,0" ]
    [ "$(grep '^01:00' <<<"$output" | cut -d, -f10-12)" = "0,30,0" ]
}
