#!/usr/bin/env bats
# SPEC 10, input safety: replies with date and age, the 12-hour rule, noon and
# midnight, away windows that are never silently overnight, slips refused
# without --force, did-you-mean for options, the --milk hint, 90mls.
load helpers

config_file() { echo "$XDG_CONFIG_HOME/pumplog/config.json"; }

@test "a reply names the date when not today and the age when over an hour" {
    run --separate-stderr pumplog --now "2026-11-21T03:10:00+01:00" add 90ml --at "yesterday 23:50"
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml yesterday 23:50, 3 h 20 min ago - 2026-11-20 90 ml in 1 session" ]
    run --separate-stderr pumplog log feed 100ml --at 13:30
    [ "$output" = "Logged bottle 100 ml of breast milk at 13:30" ]
    run --separate-stderr pumplog log feed 110ml --at "2026-11-18 09:00"
    [ "$output" = "Logged bottle 110 ml of breast milk on 2026-11-18 09:00, 3 days ago" ]
    run --separate-stderr pumplog stock add 100ml --in fridge --at 09:30
    [ "$output" = "Stored B1 at 09:30, 4 h 35 min ago: 100 ml in the fridge, pumped today 09:30; use by 2026-11-25 09:30 (in 3 d 19 h)" ]
    run --separate-stderr pumplog stock add 90ml --in fridge --at 13:30
    [ "$output" = "Stored B2: 90 ml in the fridge, pumped today 13:30; use by 2026-11-25 13:30 (in 3 d 23 h)" ]
}

@test "the 12-hour rule: 11:50 typed at 03:10 is 23:50 yesterday, and the reply says so" {
    run --separate-stderr pumplog --now "2026-11-21T03:10:00+01:00" add 90ml --at 11:50
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Logged 90 ml yesterday 23:50, 3 h 20 min ago - 2026-11-20 90 ml in 1 session" ]
    [ "${lines[1]}" = 'Note: "11:50" read as 23:50 (within the last 12 hours), not 11:50; write 11:50am to mean that' ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-20T23:50:00+01:00" ]
    # written unambiguously: as typed, no note
    run --separate-stderr pumplog --now "2026-11-21T03:10:00+01:00" add 80ml --at 11:50am
    [ "$output" = "Logged 80 ml yesterday 11:50, 15 h 20 min ago - 2026-11-20 170 ml in 2 sessions" ]
    run --separate-stderr pumplog --now "2026-11-21T03:10:00+01:00" log feed 60ml --at 12:30
    [ "${lines[0]}" = "Logged bottle 60 ml of breast milk at 00:30, 2 h 40 min ago" ]
    [ "${lines[1]}" = 'Note: "12:30" read as 00:30 (within the last 12 hours), not 12:30; write 12:30pm to mean that' ]
    # within 12 hours: as before
    run --separate-stderr pumplog add 70ml --at 9:30
    [ "$output" = "Logged 70 ml at 09:30, 4 h 35 min ago - today 70 ml in 1 session" ]
}

@test "the 12-hour rule's note is said by stock add, stock move and log edit too" {
    export PUMPLOG_NOW="2026-11-20T03:10:00+01:00"
    run --separate-stderr pumplog stock add 100ml --in fridge --pumped 11:50 --at "2026-11-19 23:55"
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'Note: "11:50" read as 23:50 (within the last 12 hours), not 11:50; write 11:50am to mean that' ]
    run --separate-stderr pumplog stock move B1 --to room --at 12:30
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'Note: "12:30" read as 00:30 (within the last 12 hours), not 12:30; write 12:30pm to mean that' ]
    run --separate-stderr pumplog stock add 90ml --in fridge --at 1:05 --pumped 1:00
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 1 ]
    pumplog add 90ml --at 03:00 > /dev/null
    run --separate-stderr pumplog log edit "$(pumplog log --format json | jq -r '.[] | select(.type == "pump") | .ref')" --at 11:40
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Changed ${lines[0]:8:4} to pumped 90 ml at 2026-11-19 23:40" ]
    [ "${lines[1]}" = 'Note: "11:40" read as 23:40 (within the last 12 hours), not 11:40; write 11:40am to mean that' ]
}

@test "noon and midnight are clock times" {
    pumplog add 90ml --at noon
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T12:00:00+01:00" ]
    pumplog add 80ml --at midnight
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T00:00:00+01:00" ]
    pumplog log feed 100ml --at "yesterday noon"
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-20T12:00:00+01:00" ]
}

@test "90mls is ml" {
    pumplog add 90mls
    [ "$(tail -n 1 "$J" | jq -r .ml)" = "90" ]
}

@test "away windows take am/pm, noon and midnight" {
    run --separate-stderr pumplog config set away "weekdays 8am-5:30pm"
    [ "$status" -eq 0 ]
    [ "$output" = "away = mon-fri 08:00-17:30" ]
    run --separate-stderr pumplog config set away "sat 9:00-noon"
    [ "$output" = "away = sat 09:00-12:00" ]
    run --separate-stderr pumplog config set away "10pm-6am"
    [ "$output" = "away = daily 22:00-06:00" ]
    run --separate-stderr pumplog config set away "22:00-06:00"
    [ "$output" = "away = daily 22:00-06:00" ]
}

@test "an away window that could be a day is never silently overnight" {
    pumplog config set away "mon-fri 08:00-17:30"
    before="$(cat "$(config_file)")"
    refused 2 pumplog config set away "weekdays 8-5:30"
    [ "$stderr" = 'pumplog: error: the time window "8-5:30" ends before it starts; for the day write 08:00-17:30, for overnight write 08:00-05:30 (two-digit hours with minutes, or am/pm)' ]
    refused 2 pumplog config set away "23:30-5:30"
    [ "$stderr" = 'pumplog: error: the time window "23:30-5:30" ends before it starts; for overnight write 23:30-05:30 (two-digit hours with minutes, or am/pm)' ]
    [ "$(cat "$(config_file)")" = "$before" ]
    refused 2 pumplog plan --away "weekdays 8-5:30"
    # the sleep window is overnight by nature, as before
    run --separate-stderr pumplog config set sleep 23:00-6:00
    [ "$output" = "sleep = 23:00-06:00" ]
}

@test "a session over 2.5 times the largest of the last 30 days is refused without --force" {
    pumplog add 100ml --at "2026-11-01 08:00"
    pumplog add 120ml --at "2026-11-10 08:00"
    pumplog add 110ml --at "2026-11-20 08:00"
    pumplog add 900ml --at "2026-10-01 08:00" --force  # over 30 days back: not the usual
    refused 2 pumplog add 900ml
    [ "$stderr" = "pumplog: error: 900 ml is over 2.5 times your largest pump of the last 30 days (120 ml); check the amount, or use --force" ]
    refused 2 pumplog log pump 301ml
    run --separate-stderr pumplog add 300ml
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add 900ml --force
    [ "$status" -eq 0 ]
}

@test "the 2.5x rule needs 3 of a kind to judge by, and judges bottles and stored milk apart" {
    pumplog add 40ml --at "2026-11-20 08:00"
    pumplog add 30ml --at "2026-11-20 12:00"
    run --separate-stderr pumplog add 200ml
    [ "$status" -eq 0 ]
    pumplog log feed 60ml --at "2026-11-20 09:00"
    pumplog log feed 60ml --at "2026-11-20 12:00"
    pumplog log feed 50ml --at "2026-11-20 15:00"
    refused 2 pumplog log feed 160ml
    [ "$stderr" = "pumplog: error: 160 ml is over 2.5 times your largest bottle feed of the last 30 days (60 ml); check the amount, or use --force" ]
    for t in 08:00 09:00 10:00; do pumplog stock add 50ml --in fridge --at "2026-11-20 $t"; done
    refused 2 pumplog stock add 130ml --in freezer
    [ "$stderr" = "pumplog: error: 130 ml is over 2.5 times your largest stored container of the last 30 days (50 ml); check the amount, or use --force" ]
}

@test "the same entry typed twice within minutes is refused without --force" {
    pumplog add 90ml --at 14:30 --now "2026-11-21T15:00:00+01:00"
    refused 2 pumplog add 90ml --at 14:30 --now "2026-11-21T15:00:00+01:00"
    [ "$stderr" = "pumplog: error: the same pump of 90 ml was recorded a moment ago (at 14:30): typed twice? use --force to record it again" ]
    refused 2 pumplog log pump 90ml --at 14:31 --now "2026-11-21T15:00:00+01:00"
    run --separate-stderr pumplog add 90ml --at 14:33 --now "2026-11-21T15:00:00+01:00"
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add 95ml --at 14:30 --now "2026-11-21T15:00:00+01:00"
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add 90ml --at 14:30 --now "2026-11-21T15:00:00+01:00" --force
    [ "$status" -eq 0 ]
    pumplog log feed 120ml
    refused 2 pumplog log feed 120ml
    [ "$stderr" = "pumplog: error: the same bottle feed of 120 ml was recorded a moment ago (at 14:05): typed twice? use --force to record it again" ]
    pumplog stock add 100ml --in fridge
    refused 2 pumplog stock add 100ml --in fridge
    [ "$stderr" = "pumplog: error: the same stored container of 100 ml was recorded a moment ago (at 14:05): typed twice? use --force to record it again, or give it a --label of its own" ]
    # A bag of the same size to another place is a second bag, not a slip.
    run --separate-stderr pumplog stock add 100ml --in freezer
    [ "$status" -eq 0 ]
    [ "$(grep -c '"type":"store"' "$J")" -eq 2 ]
}

# Review s46 #5: a session split into equal bags, each with its own --label, was refused as typed twice.
@test "equal bags stored with labels of their own are not typed twice; the same label, or none, still is" {
    export PUMPLOG_NOW="2026-11-10T12:00:00+01:00"
    pumplog stock add 100ml --in freezer --label Z1 >/dev/null
    run --separate-stderr pumplog stock add 100ml --in freezer --label Z2
    [ "$status" -eq 0 ]
    [ "$output" = "Stored Z2: 100 ml in the freezer, pumped today 12:00; use by 2027-11-10 12:00 (in 365 d), best by 2027-05-11" ]
    [ "$(jq -r 'select(.type == "store") | .label' "$J" | paste -sd' ')" = "Z1 Z2" ]
    # the same label (in any case) or none: typed twice, as before
    refused 2 pumplog stock add 100ml --in freezer --label z2
    [ "$stderr" = "pumplog: error: the same stored container of 100 ml was recorded a moment ago (at 12:00): typed twice? use --force to record it again" ]
    refused 2 pumplog stock add 100ml --in freezer
    [ "$stderr" = "pumplog: error: the same stored container of 100 ml was recorded a moment ago (at 12:00): typed twice? use --force to record it again, or give it a --label of its own" ]
    # add --store gives no label: the same session twice is still a pump typed twice
    pumplog add 90ml --store freezer >/dev/null
    refused 2 pumplog add 90ml --store freezer
    [ "$stderr" = "pumplog: error: the same pump of 90 ml was recorded a moment ago (at 12:00): typed twice? use --force to record it again" ]
}

@test "typed twice names the earlier entry as log shows it: in the current zone, with its date unless today" {
    TZ=Australia/Sydney pumplog add 70ml --at 2026-11-22T00:00+11:00 > /dev/null
    export TZ=America/New_York
    refused 2 pumplog add 70ml --at 08:01
    [ "$stderr" = "pumplog: error: the same pump of 70 ml was recorded a moment ago (at 08:00): typed twice? use --force to record it again" ]
    rm "$J"
    TZ=Australia/Sydney pumplog add 70ml --at 2026-11-21T15:59+11:00 --now 2026-11-21T05:02:00Z > /dev/null
    refused 2 pumplog add 70ml --at "2026-11-20 23:59" --now 2026-11-21T05:02:00Z
    [ "$stderr" = "pumplog: error: the same pump of 70 ml was recorded a moment ago (at 2026-11-20 23:59): typed twice? use --force to record it again" ]
    [ "$(pumplog log --now 2026-11-21T05:02:00Z | grep -c '2026-11-20 23:59  pumped 70 ml')" -eq 1 ]
}

@test "twins' bottles of one size at once are two feeds, not one typed twice; the same baby's is" {
    pumplog config set babies "Ada, Ben" > /dev/null
    pumplog log feed 60ml --baby Ada
    run --separate-stderr pumplog log feed 60ml --baby Ben
    [ "$status" -eq 0 ]
    [ "$(jq -r 'select(.type == "feed") | .baby' "$J" | paste -sd' ')" = "Ada Ben" ]
    refused 2 pumplog log feed 60ml --baby ben
    [ "$stderr" = "pumplog: error: the same bottle feed of 60 ml was recorded a moment ago (at 14:05): typed twice? use --force to record it again" ]
}

@test "an identical line written long ago (by its id) is not typed twice" {
    journal_line '{"v":1,"id":"01AAAAAAAAAAAAAAAAAAAAAAAA","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":90}'
    journal_line '{"v":1,"id":"imported-1","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":80}'
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add 80ml
    [ "$status" -eq 0 ]
}

@test "an unknown option gets a did-you-mean and the command's help" {
    refused 2 pumplog add 90ml --stor fridge
    [ "$stderr" = 'pumplog: error: unknown option "--stor" for "add"; did you mean --store? (see pumplog add --help)' ]
    refused 2 pumplog add 90ml --stor=fridge
    [ "$stderr" = 'pumplog: error: unknown option "--stor" for "add"; did you mean --store? (see pumplog add --help)' ]
    refused 2 pumplog log feed --brest
    [ "$stderr" = 'pumplog: error: unknown option "--brest" for "log feed"; did you mean --breast? (see pumplog log feed --help)' ]
    refused 2 pumplog report --bi week
    [ "$stderr" = 'pumplog: error: unknown option "--bi" for "report"; did you mean --by? (see pumplog report --help)' ]
    refused 2 pumplog add 90ml --zzzzzz
    [ "$stderr" = 'pumplog: error: unknown option "--zzzzzz" for "add"; see pumplog add --help' ]
    # a negative value is not an option
    refused 2 pumplog add -5ml
    [ "$stderr" = 'pumplog: error: "-5ml" is not an amount; try 90ml or 3oz' ]
}

@test "log feed 4oz formula hints --milk formula" {
    refused 2 pumplog log feed 4oz formula
    [ "$stderr" = 'pumplog: error: "formula" is not part of an amount; did you mean --milk formula? (try pumplog log feed 4oz --milk formula)' ]
    refused 2 pumplog log feed "3 fl oz FORMULA"
    [ "$stderr" = 'pumplog: error: "formula" is not part of an amount; did you mean --milk formula? (try pumplog log feed '"'"'3 fl oz'"'"' --milk formula)' ]
    refused 2 pumplog log feed formula
    [ "$stderr" = 'pumplog: error: "formula" is not part of an amount; did you mean --milk formula? (try pumplog log feed 120ml --milk formula)' ]
    refused 2 pumplog log feed "4oz breast"
    [ "$stderr" = 'pumplog: error: "breast" is not part of an amount; did you mean --milk breast? (try pumplog log feed 4oz --milk breast)' ]
    run --separate-stderr pumplog log feed 4oz --milk formula
    [ "$status" -eq 0 ]
}
