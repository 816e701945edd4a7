#!/usr/bin/env bats
# `add` / `log pump`: what each accepted form stores, and what is refused.
load helpers

# The newest line's fields as compact JSON: last_line '[.ml, .at]'
last_line() {
    tail -n 1 "$J" | jq -c "$1"
}

# Adds with the given arguments and checks the stored ml.
stores_ml() {
    local expected="$1"
    shift
    rm -f "$J"  # each on its own: the same amount twice in a row would be refused as typed twice
    run --separate-stderr pumplog add "$@"
    [ "$status" -eq 0 ] || { echo "add $*: exit $status: $stderr" >&2; return 1; }
    local got
    got="$(last_line .ml)"
    [ "$got" = "$expected" ] || { echo "add $*: stored ml $got, expected $expected" >&2; return 1; }
}

# Adds 10ml at the given time and checks the stored at.
stores_at() {
    local expected="$1"
    shift
    rm -f "$J"  # each on its own: the same amount and time twice would be refused as typed twice
    run --separate-stderr pumplog add 10ml --at "$@"
    [ "$status" -eq 0 ] || { echo "--at $*: exit $status: $stderr" >&2; return 1; }
    local got
    got="$(last_line .at)"
    [ "$got" = "\"$expected\"" ] || { echo "--at $*: stored $got, expected $expected" >&2; return 1; }
}

@test "add 90ml stores 90 ml at now with the local offset" {
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    run jq -c '[.v, .type, .at, .ml]' "$J"
    [ "$output" = '[1,"pump","2026-11-21T14:05:00+01:00",90]' ]
}

@test "every line gets a ULID id, unique and sortable" {
    pumplog add 90ml
    pumplog add 80ml
    run jq -r .id "$J"
    [ "${#lines[@]}" -eq 2 ]
    [[ "${lines[0]}" =~ ^[0-9A-HJKMNP-TV-Z]{26}$ ]]
    [[ "${lines[1]}" =~ ^[0-9A-HJKMNP-TV-Z]{26}$ ]]
    [ "${lines[0]}" != "${lines[1]}" ]
    [[ "${lines[0]}" < "${lines[1]}" ]]
}

@test "amounts in ml: 90ml, 90 ml, 90mL, and the words split by the shell" {
    stores_ml 90 90ml
    stores_ml 90 "90 ml"
    stores_ml 90 90mL
    stores_ml 90 90 ml
    stores_ml 87.5 87.5ml
}

@test "amounts in US fluid ounces: 3oz, 3.5oz, 3.5 oz, 3 fl oz" {
    stores_ml 88.72 3oz
    stores_ml 103.51 3.5oz
    stores_ml 103.51 "3.5 oz"
    stores_ml 88.72 "3 fl oz"
    stores_ml 88.72 3 fl oz
}

@test "a bare number is taken in the configured unit" {
    stores_ml 90 90
    pumplog config set unit oz
    stores_ml 88.72 3
    stores_ml 90 90ml
}

@test "a bare number follows --unit when given: the unit the answer is in" {
    pumplog --unit oz add 3
    [ "$(last_line .ml)" = 88.72 ]
    pumplog config set unit oz
    pumplog add 90 --unit ml
    [ "$(last_line .ml)" = 90 ]
}

@test "the compact form L40 R50 stores each side and their sum" {
    pumplog add L40 R50
    [ "$(last_line '[.ml, .left_ml, .right_ml]')" = "[90,40,50]" ]
    pumplog add "L40ml R1.5oz"
    [ "$(last_line '[.ml, .left_ml, .right_ml]')" = "[84.36,40,44.36]" ]
    pumplog add R50
    [ "$(last_line '[.ml, .left_ml, .right_ml]')" = "[50,null,50]" ]
}

@test "--left and --right store each side and their sum" {
    run --separate-stderr pumplog add --left 40ml --right 50ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml (L 40 / R 50) at 14:05 - today 90 ml in 1 session" ]
    [ "$(last_line '[.ml, .left_ml, .right_ml]')" = "[90,40,50]" ]
    pumplog add --right 1oz
    [ "$(last_line '[.ml, .left_ml, .right_ml]')" = "[29.57,null,29.57]" ]
}

@test "the summary shows only the sides given" {
    run --separate-stderr pumplog add R50
    [ "$output" = "Logged 50 ml (R 50) at 14:05 - today 50 ml in 1 session" ]
}

@test "the answer counts today's sessions and total" {
    pumplog add 100ml --at 06:00
    pumplog add 120ml --at "yesterday 22:00"
    run --separate-stderr pumplog add L40 R50 --at 13:00
    [ "$output" = "Logged 90 ml (L 40 / R 50) at 13:00, 1 h 5 min ago - today 190 ml in 2 sessions" ]
    run --separate-stderr pumplog add 60ml --at "yesterday 23:00"
    [ "$output" = "Logged 60 ml yesterday 23:00, 15 h 5 min ago - 2026-11-20 180 ml in 2 sessions" ]
}

@test "the answer is in the display unit" {
    run --separate-stderr pumplog --unit oz add 90ml
    [ "$output" = "Logged 3.0 oz at 14:05 - today 3.0 oz in 1 session" ]
    run --separate-stderr pumplog add 60ml --unit oz
    [ "$output" = "Logged 2.0 oz at 14:05 - today 5.1 oz in 2 sessions" ]
}

@test "--at takes clock times meaning the most recent past one" {
    stores_at 2026-11-21T14:00:00+01:00 14:00
    stores_at 2026-11-20T14:30:00+01:00 14:30
    stores_at 2026-11-20T14:30:00+01:00 2:30pm
    stores_at 2026-11-21T00:00:00+01:00 12am
    stores_at 2026-11-21T12:00:00+01:00 12pm
    stores_at 2026-11-21T14:05:00+01:00 now
}

@test "--at takes days with times, dates and RFC 3339, stored with the local offset" {
    stores_at 2026-11-20T22:10:00+01:00 "yesterday 22:10"
    stores_at 2026-11-19T06:00:00+01:00 "2026-11-19 06:00"
    stores_at 2026-11-19T00:00:00+01:00 2026-11-19
    stores_at 2026-11-21T11:10:00+01:00 2026-11-21T10:10:00Z
    stores_at 2026-11-21T12:10:00+01:00 2026-11-21T06:10:00-05:00
    stores_at 2026-07-01T12:00:00+02:00 2026-07-01T12:00:00+02:00
}

@test "--at takes relative times, -2h as its own word too" {
    stores_at 2026-11-21T13:45:00+01:00 "20m ago"
    stores_at 2026-11-21T12:05:00+01:00 -2h
    stores_at 2026-11-14T14:05:00+01:00 -7d
    run --separate-stderr pumplog add 10ml --at=-90m
    [ "$status" -eq 0 ]
    [ "$(last_line .at)" = '"2026-11-21T12:35:00+01:00"' ]
    run --separate-stderr pumplog log pump 10ml --at -1h
    [ "$status" -eq 0 ]
    [ "$(last_line .at)" = '"2026-11-21T13:05:00+01:00"' ]
}

@test "--now and PUMPLOG_NOW set the current time, --now first" {
    run --separate-stderr pumplog --now 2026-11-20T09:30:00+01:00 add 90ml
    [ "$status" -eq 0 ]
    [ "$(last_line .at)" = '"2026-11-20T09:30:00+01:00"' ]
    PUMPLOG_NOW=2026-11-19T08:00:00Z pumplog add 90ml
    [ "$(last_line .at)" = '"2026-11-19T09:00:00+01:00"' ]
    PUMPLOG_NOW=2026-11-19T08:00:00Z pumplog add 90ml --now 2026-11-18T08:00:00Z
    [ "$(last_line .at)" = '"2026-11-18T09:00:00+01:00"' ]
}

# Review s48 #4: a bare time in --now was read on the wall clock's day even with PUMPLOG_NOW set.
@test "--now given as a bare or relative time is read against PUMPLOG_NOW, not the wall clock" {
    export PUMPLOG_NOW="2026-11-20 08:00"
    pumplog add 120ml --store fridge --at 07:00
    run --separate-stderr pumplog stock use 50ml --now 07:30
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50 ml: B1 50 ml (70 ml left in the fridge)" ]
    [ "$(last_line .at)" = '"2026-11-20T07:30:00+01:00"' ]
    pumplog add 60ml --now "2h ago"
    [ "$(last_line .at)" = '"2026-11-20T06:00:00+01:00"' ]
    # the most recent 09:00 not after PUMPLOG_NOW: the day before
    pumplog add 70ml --now 09:00
    [ "$(last_line .at)" = '"2026-11-19T09:00:00+01:00"' ]
    # a bad PUMPLOG_NOW is named, even with --now given
    cp "$J" "$BATS_TEST_TMPDIR/before"
    PUMPLOG_NOW=soon run --separate-stderr pumplog add 70ml --now 07:00
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pumplog: error: PUMPLOG_NOW: "* ]]
    cmp "$J" "$BATS_TEST_TMPDIR/before"
}

@test "the zone comes from TZ, a leading colon allowed" {
    TZ=America/New_York pumplog add 90ml
    [ "$(last_line .at)" = '"2026-11-21T08:05:00-05:00"' ]
    TZ=:Asia/Kolkata pumplog add 80ml
    [ "$(last_line .at)" = '"2026-11-21T18:35:00+05:30"' ]
}

@test "a time in the spring-forward gap moves forward by the gap, and the reply says so in a note" {
    TZ=America/New_York PUMPLOG_NOW=2026-03-08T12:00:00-04:00 pumplog add 90ml --at 02:30
    [ "$(last_line .at)" = '"2026-03-08T03:30:00-04:00"' ]
    export PUMPLOG_NOW=2026-03-29T12:00:00+02:00
    run --separate-stderr pumplog add 90ml --at 02:30
    [ "$output" = "Logged 90 ml at 03:30, 8 h 30 min ago - today 90 ml in 1 session
Note: 02:30 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:30" ]
    [ "$(last_line .at)" = '"2026-03-29T03:30:00+02:00"' ]
    # A date with the time, seconds, the other recording commands and their other times.
    run --separate-stderr pumplog log feed 60ml --at "2026-03-29 02:10:30"
    [ "${lines[1]}" = "Note: 02:10:30 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:10:30" ]
    [ "$(last_line .at)" = '"2026-03-29T03:10:30+02:00"' ]
    run --separate-stderr pumplog stock add 50ml --in fridge --at 02:45 --pumped 02:15
    [ "${lines[1]}" = "Note: 02:45 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:45" ]
    [ "${lines[2]}" = "Note: 02:15 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:15" ]
    run --separate-stderr pumplog stock move B1 --to freezer --at 02:50
    [ "${lines[1]}" = "Note: 02:50 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:50" ]
    run --separate-stderr pumplog log edit "$(pumplog log --format json | jq -r 'map(select(.type == "pump"))[0].ref')" --at 02:20
    [ "${lines[1]}" = "Note: 02:20 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:20" ]
    # A time that exists has no note.
    run --separate-stderr pumplog add 70ml --at 03:35
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 1 ]
}

@test "a time repeated when clocks fall back: a date takes its first occurrence, a bare clock the most recent" {
    TZ=America/New_York PUMPLOG_NOW=2026-11-01T12:00:00-05:00 pumplog add 90ml --at "2026-11-01 01:30"
    [ "$(last_line .at)" = '"2026-11-01T01:30:00-04:00"' ]
    PUMPLOG_NOW=2026-10-25T12:00:00+01:00 pumplog add 80ml --at "2026-10-25 02:30"
    [ "$(last_line .at)" = '"2026-10-25T02:30:00+02:00"' ]
    # typed at 01:20 after the change, 1:10 is 10 minutes ago, not 70
    run --separate-stderr env TZ=America/New_York PUMPLOG_NOW=2026-11-01T01:20:00-05:00 "$PUMPLOG_BIN" add 70ml --at 1:10
    # Review s48: the reply says which of the two it took, and how to write the other (as a skipped time's note)
    [ "$output" = "Logged 70 ml at 01:10 - today 160 ml in 2 sessions
Note: 01:10 is twice on Sun 2026-11-01 (the clocks go back from 02:00 to 01:00): logged at the second, 2026-11-01T01:10:00-05:00; write 2026-11-01T01:10:00-04:00 for the first" ]
    [ "$(last_line .at)" = '"2026-11-01T01:10:00-05:00"' ]
    TZ=America/New_York PUMPLOG_NOW=2026-11-01T12:00:00-05:00 pumplog add 60ml --at 01:30
    [ "$(last_line .at)" = '"2026-11-01T01:30:00-05:00"' ]
    run --separate-stderr env TZ=America/New_York PUMPLOG_NOW=2026-11-01T12:00:00-05:00 "$PUMPLOG_BIN" add 50ml \
        --at "2026-11-01 01:40"
    [ "${lines[1]}" = "Note: 01:40 is twice on Sun 2026-11-01 (the clocks go back from 02:00 to 01:00): logged at the first, 2026-11-01T01:40:00-04:00; write 2026-11-01T01:40:00-05:00 for the second" ]
    # The time written with its offset is no question: no note.
    run --separate-stderr env TZ=America/New_York PUMPLOG_NOW=2026-11-01T12:00:00-05:00 "$PUMPLOG_BIN" add 40ml \
        --at 2026-11-01T01:50:00-05:00
    [ "${#lines[@]}" -eq 1 ]
}

@test "the day's total on the day clocks fall back counts its 25 hours" {
    export TZ=America/New_York PUMPLOG_NOW=2026-11-01T23:30:00-05:00
    pumplog add 100ml --at "2026-11-01 00:10"
    pumplog add 100ml --at 2026-11-01T01:30:00-05:00
    run --separate-stderr pumplog add 100ml --at 23:20
    [ "$output" = "Logged 100 ml at 23:20 - today 300 ml in 3 sessions" ]
}

@test "a unit typed apart from the number of --left, --right or --dur joins it, as in a positional amount" {
    run --separate-stderr pumplog add --left 1.5 oz --right 2oz
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 103.5 ml (L 44.4 / R 59.2) at 14:05 - today 103.5 ml in 1 session" ]
    [ "$(last_line '[.left_ml, .right_ml]')" = '[44.36,59.15]' ]
    run --separate-stderr pumplog add --left 40 ml --right 2 fl oz --dur 20 min --at 9:00
    [ "$status" -eq 0 ]
    [ "$(last_line '[.left_ml, .right_ml, .dur_s]')" = '[40,59.15,1200]' ]
    run --separate-stderr pumplog log feed --breast --left 10 min --right 5 m --at 8:00
    [ "$output" = "Logged nursed L 10 min / R 5 min at 08:00, 6 h 5 min ago" ]
    # Only a unit joins: a word that is none is still the command's amount, named as typed after --left's value.
    refused 2 pumplog add --left 1.5 banana
    [ "$stderr" = 'pumplog: error: "banana" after --left 1.5 is not understood' ]
    refused 2 pumplog add 90ml --left 40ml
    [ "$stderr" = 'pumplog: error: give either an amount ("90ml") or --left/--right, not both' ]
}

@test "am or pm typed apart after a time option's value joins it, as a unit joins an amount" {
    run --separate-stderr pumplog add 90ml --at 10 am
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 10:00, 4 h 5 min ago - today 90 ml in 1 session" ]
    run --separate-stderr pumplog log feed 60ml --at 1:30 P.M.
    [ "$output" = "Logged bottle 60 ml of breast milk at 13:30" ]
    run --separate-stderr pumplog add 80ml --at 11 a.m
    [ "$(last_line .at)" = '"2026-11-21T11:00:00+01:00"' ]
    run --separate-stderr pumplog log --since 9 Am --format csv
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 4 ]
    # Quoted, "a.m." reads as am too.
    run --separate-stderr pumplog add 70ml --at "9 a.m."
    [ "$(last_line .at)" = '"2026-11-21T09:00:00+01:00"' ]
}

@test "words typed after an option's one value are named when the amount is refused, not as a bogus amount" {
    refused 2 pumplog add --left 40 --right 50 --note after work
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    refused 2 pumplog add 90ml --note 5 oz
    [ "$stderr" = 'pumplog: error: "oz" after --note 5 is not understood: quote an option'"'"'s value of several words (--note '"'"'5 oz'"'"')' ]
    refused 2 pumplog add 90ml --dur 1 h 5 min
    [ "$stderr" = 'pumplog: error: "5 min" after --dur 1 h is not understood: quote an option'"'"'s value of several words (--dur '"'"'1 h 5 min'"'"')' ]
    refused 2 pumplog log feed 120ml --note after work
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    refused 2 pumplog log feed --breast --left 10m --note=after work
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    # An amount typed after an option's value is the amount, refused in its own words.
    refused 2 pumplog add --at 13:00 90ml --left 40
    [ "$stderr" = 'pumplog: error: give either an amount ("90ml") or --left/--right, not both' ]
    [ ! -e "$J" ]
    run --separate-stderr pumplog add --note "after work" 90ml
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add --at 13:00 90ml
    [ "$status" -eq 0 ]
}

@test "the quoting hint names only the words that can belong to the option, and only a value the option reads" {
    # The amount after the stray words stays the amount: quoting it into the note would leave none.
    refused 2 pumplog add --note after work 90ml
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    refused 2 pumplog add --note after work 90 ml
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    # A time, amount or duration that would still be refused quoted gets no suggestion.
    refused 2 pumplog add 90ml --at 10 am today
    [ "$stderr" = 'pumplog: error: "today" after --at 10 am is not understood' ]
    refused 2 pumplog add 90 --dur 20 am
    [ "$stderr" = 'pumplog: error: "am" after --dur 20 is not understood' ]
    refused 2 pumplog add 90ml --at 20 min ago
    [ "$stderr" = 'pumplog: error: "min ago" after --at 20 is not understood: quote an option'"'"'s value of several words (--at '"'"'20 min ago'"'"')' ]
    [ ! -e "$J" ]
}

@test "pump stop and stock add name the words typed after an option's value, as add does" {
    run --separate-stderr pumplog pump start --now 2026-11-21T13:30:00+01:00
    [ "$status" -eq 0 ]
    refused 2 pumplog pump stop 90ml --note after work
    [ "$stderr" = 'pumplog: error: "work" after --note after is not understood: quote an option'"'"'s value of several words (--note '"'"'after work'"'"')' ]
    refused 2 pumplog stock add 60ml --in fridge --pumped 9:00 extra
    [ "$stderr" = 'pumplog: error: "extra" after --pumped 9:00 is not understood' ]
    refused 2 pumplog stock add --in fridge extra 60ml
    [ "$stderr" = 'pumplog: error: "extra" after --in fridge is not understood' ]
    # An amount typed after an option's value is the amount.
    run --separate-stderr pumplog pump stop --note tired 90ml
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog stock add --in fridge 60ml
    [ "$status" -eq 0 ]
}

@test "--opt=VALUE joins a unit or am/pm typed apart as --opt VALUE does, and a stray word is never a command" {
    run --separate-stderr pumplog add --left=1.5 oz --right=2 fl oz --dur=20 min
    [ "$status" -eq 0 ]
    [ "$(last_line '[.left_ml, .right_ml, .dur_s]')" = '[44.36,59.15,1200]' ]
    run --separate-stderr pumplog add 90ml --at=9 am
    [ "$(last_line .at)" = '"2026-11-21T09:00:00+01:00"' ]
    run --separate-stderr pumplog log feed --breast --left=10 min --at=8 a.m.
    [ "$output" = "Logged nursed L 10 min at 08:00, 6 h 5 min ago" ]
    run --separate-stderr pumplog stock add 60ml --in fridge --pumped=9 am
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog log --since=9 am --until=11 am --format csv
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 2 ]
    run --separate-stderr pumplog report --since=9 am
    [ "$status" -eq 0 ]
    # A word after an option's value is named with the option, not offered as a command ("log rm").
    refused 2 pumplog log --since=9 arm
    [ "$stderr" = 'pumplog: error: "arm" after --since 9 is not understood' ]
    refused 2 pumplog log --since 9 rn
    [ "$stderr" = 'pumplog: error: "rn" after --since 9 is not understood' ]
    refused 2 pumplog add --left=1.5 banana
    [ "$stderr" = 'pumplog: error: "banana" after --left 1.5 is not understood' ]
}

@test "an option's value that is one of the command's options or -- is refused as a missing value" {
    refused 2 pumplog add 60ml --note --force
    [ "$stderr" = 'pumplog: error: --note needs a value (TEXT) (see pumplog add --help)' ]
    refused 2 pumplog add --note -- 90ml
    [ "$stderr" = 'pumplog: error: --note needs a value (TEXT) (see pumplog add --help)' ]
    refused 2 pumplog log feed 60ml --note --at=9:00
    [ "$stderr" = 'pumplog: error: --note needs a value (TEXT) (see pumplog log feed --help)' ]
    refused 2 pumplog add 60ml --at --unit oz
    [ "$stderr" = 'pumplog: error: --at needs a value (TIME) (see pumplog add --help)' ]
    [ ! -e "$J" ]
    # Written with =, or not an option, it is the text.
    run --separate-stderr pumplog add 60ml --note=--force
    [ "$status" -eq 0 ]
    [ "$(last_line .note)" = '"--force"' ]
    run --separate-stderr pumplog add 70ml --note "--- dashes"
    [ "$status" -eq 0 ]
    [ "$(last_line .note)" = '"--- dashes"' ]
}

@test "words left over after a stray word are given in the order typed, with the option they followed" {
    refused 2 pumplog log edit xxxx --dur 2h 30 min
    [ "$stderr" = 'pumplog: error: "30 min" after --dur 2h is not understood: quote an option'"'"'s value of several words (--dur '"'"'2h 30 min'"'"')' ]
    refused 2 pumplog pump pause 10 am
    [ "$stderr" = 'pumplog: error: the following arguments were not expected: 10 am (see pumplog pump pause --help)' ]
}

@test "a bare side beside a side in the other unit is refused as a slip, unless --force" {
    refused 2 pumplog add --left 2 --right 1 oz
    [ "$stderr" = 'pumplog: error: --left 2 has no unit while --right 1 oz is in oz: write --left 2oz (or 2ml), or use --force' ]
    refused 2 pumplog add L2 R1oz
    [ "$stderr" = 'pumplog: error: L2 has no unit while R1oz is in oz: write L2oz (or L2ml), or use --force' ]
    refused 2 pumplog add R2 L 1 fl oz
    [ "$stderr" = 'pumplog: error: R2 has no unit while L1 fl oz is in oz: write R2oz (or R2ml), or use --force' ]
    [ ! -e "$J" ]
    pumplog config set unit oz
    refused 2 pumplog add --left 2 --right 60ml
    [ "$stderr" = 'pumplog: error: --left 2 has no unit while --right 60ml is in ml: write --left 2ml (or 2oz), or use --force' ]
    [ ! -e "$J" ]
    # The bare side in the configured unit, the other's: as typed.
    run --separate-stderr pumplog add --left 2 --right 1 oz
    [ "$status" -eq 0 ]
    [ "$(last_line '[.left_ml, .right_ml]')" = '[59.15,29.57]' ]
    pumplog config set unit ml
    run --separate-stderr pumplog add --left 40 --right 50ml
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add --left 2 --right 1 oz --force
    [ "$status" -eq 0 ]
    [ "$(last_line '[.left_ml, .right_ml]')" = '[2,29.57]' ]
    # log edit of a pump's sides alike.
    local ref
    ref="$(pumplog log --format csv | tail -1 | cut -d, -f1)"
    refused 2 pumplog log edit "$ref" --left 3 --right 1oz
    [ "$stderr" = 'pumplog: error: --left 3 has no unit while --right 1oz is in oz: write --left 3oz (or 3ml), or use --force' ]
    refused 2 pumplog log edit "$ref" --amount L3 R1oz
    [ "$stderr" = 'pumplog: error: L3 has no unit while R1oz is in oz: write L3oz (or L3ml), or use --force' ]
}

@test "--at now given outright is the default: the session or nursing has just ended; another time is the start" {
    run --separate-stderr pumplog add 90ml --dur 20m --at now
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 13:45 - today 90 ml in 1 session" ]
    [ "$(last_line '[.at, .dur_s]')" = '["2026-11-21T13:45:00+01:00",1200]' ]
    run --separate-stderr pumplog add 80ml --dur 10m --at ' NOW '
    [ "$status" -eq 0 ]
    [ "$(last_line '[.at, .dur_s]')" = '["2026-11-21T13:55:00+01:00",600]' ]
    run --separate-stderr pumplog log feed --breast --left 10m --at now
    [ "$status" -eq 0 ]
    [ "$output" = "Logged nursed L 10 min at 13:55" ]
    [ "$(last_line '[.at, .left_s]')" = '["2026-11-21T13:55:00+01:00",600]' ]
    run --separate-stderr pumplog log feed 60ml --at Now
    [ "$(last_line .at)" = '"2026-11-21T14:05:00+01:00"' ]
    # An explicit clock time of now is a start as given: it would end ahead.
    refused 2 pumplog add 70ml --dur 20m --at 14:05
    [ "$stderr" = "pumplog: error: --dur 20 min is longer than the time since the session's start (0 s, since 14:05): check it, or --force to record it" ]
    # And --at now stops a running timer, as no --at does.
    PUMPLOG_NOW=2026-11-21T13:50:00+01:00 pumplog pump start > /dev/null
    run --separate-stderr pumplog add 70ml --at now
    [ "$output" = "Logged 70 ml at 13:50, 15 min pumped (timer stopped) - today 240 ml in 3 sessions" ]
    [ "$(pumplog status --format json | jq .timers_running)" = 0 ]
}

@test "a pump's at is its start: --dur without --at ended now, with --at it may not end in the future" {
    # Typed right after a 20-minute session: it began at 13:45, as a timer's session would.
    run --separate-stderr pumplog add 90ml --dur 20m
    [ "$output" = "Logged 90 ml at 13:45 - today 90 ml in 1 session" ]
    [ "$(last_line '[.at, .dur_s]')" = '["2026-11-21T13:45:00+01:00",1200]' ]
    run --separate-stderr pumplog status --format json
    [ "$(jq -r .last_pump.at <<<"$output")" = "2026-11-21T13:45:00+01:00" ]
    # --at is the start as given.
    pumplog add 80ml --dur 20m --at 13:00
    [ "$(last_line '[.at, .dur_s]')" = '["2026-11-21T13:00:00+01:00",1200]' ]
    # Ending in the future is a typo (2h for 2m), refused as pump stop --dur longer than its timer is.
    refused 2 pumplog add 70ml --dur 20m --at 13:55
    [ "$stderr" = "pumplog: error: --dur 20 min is longer than the time since the session's start (10 min, since 13:55): check it, or --force to record it" ]
    # A start on the day before is named with its date.
    PUMPLOG_NOW=2026-11-21T00:30:00+01:00 refused 2 pumplog add 70ml --dur 1h --at 23:50
    [ "$stderr" = "pumplog: error: --dur 1 h is longer than the time since the session's start (40 min, since 2026-11-20 23:50): check it, or --force to record it" ]
    # Up to a minute ahead is not the future (check_not_future's allowance), and --force records it.
    run --separate-stderr pumplog add 70ml --dur 20m --at 13:46
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog add 60ml --dur 20m --at 13:55 --force
    [ "$status" -eq 0 ]
    [ "$(last_line '[.at, .dur_s]')" = '["2026-11-21T13:55:00+01:00",1200]' ]
}

@test "--dur and --note are stored" {
    pumplog add 90ml --dur 15m --note "after work, tired"
    [ "$(last_line '[.dur_s, .note]')" = '[900,"after work, tired"]' ]
    pumplog add 80ml --dur 1h30m
    [ "$(last_line .dur_s)" = '5400' ]
    # A bare number is minutes (pumplog(1), DURATION).
    pumplog add 70ml --dur 30
    [ "$(last_line .dur_s)" = '1800' ]
}

@test "log pump is add" {
    pumplog log pump L40 R50 --at 13:00 --dur 20min
    [ "$(last_line '[.type, .ml, .left_ml, .right_ml, .dur_s, .at]')" = '["pump",90,40,50,1200,"2026-11-21T13:00:00+01:00"]' ]
}

@test "what is not an amount is refused, and the journal is unchanged" {
    pumplog add 90ml
    refused 2 pumplog add banana
    [ "$stderr" = 'pumplog: error: "banana" is not an amount; try 90ml or 3oz' ]
    refused 2 pumplog add -5ml
    refused 2 pumplog add 90 kg
    refused 2 pumplog add ""
    refused 2 pumplog add
    refused 2 pumplog add 1e400
    refused 2 pumplog add "L40 L50"
    refused 2 pumplog add "L40 Rbanana"
    refused 2 pumplog add 90ml --left 40ml
    refused 2 pumplog add --left banana
}

@test "a refused add leaves a missing journal missing" {
    refused 2 pumplog add banana
    refused 2 pumplog add 2000ml
    refused 2 pumplog add 90ml --at tomorrow
    [ ! -e "$J" ]
}

@test "an implausible amount typed in ounces is named in ounces, with its ml and the ml it may have meant" {
    pumplog add 90ml --at 9:00
    pumplog config set unit oz
    # A bare 90 with unit oz, thinking of ml: 90 oz, 2661.6 ml.
    refused 2 pumplog add 90 --at 10:00
    [ "$stderr" = "pumplog: error: 90 oz (2661.6 ml) at once is implausible (over 33.8 oz); check the unit (90ml?), or use --force" ]
    refused 2 pumplog add L60 R40
    [ "$stderr" = "pumplog: error: 100 oz (2957.4 ml) at once is implausible (over 33.8 oz); check the unit (L60ml R40ml?), or use --force" ]
    refused 2 pumplog add --left 60 --right 40
    [ "$stderr" = "pumplog: error: 100 oz (2957.4 ml) at once is implausible (over 33.8 oz); check the unit (L60ml R40ml?), or use --force" ]
    # Shown to the decimals that make it over the limit: 33.82 oz is not "33.8 oz".
    refused 2 pumplog add 33.82
    [ "$stderr" = "pumplog: error: 33.82 oz (1000.2 ml) at once is implausible (over 33.8 oz); check the unit (33.82ml?), or use --force" ]
    refused 2 pumplog log feed 50.5
    [ "$stderr" = "pumplog: error: 50.5 oz (1493.5 ml) at once is implausible (over 33.8 oz); check the unit (50.5ml?), or use --force" ]
    refused 2 pumplog stock add 40 --in fridge
    [ "$stderr" = "pumplog: error: 40 oz (1182.9 ml) at once is implausible (over 33.8 oz); check the unit (40ml?), or use --force" ]
    pumplog pump start --now 2026-11-21T13:45:00+01:00
    refused 2 pumplog pump stop 40
    [ "$stderr" = "pumplog: error: 40 oz (1182.9 ml) at once is implausible (over 33.8 oz); check the unit (40ml?), or use --force" ]
    refused 2 pumplog log edit "$(pumplog log --format json | jq -r 'map(select(.type == "pump"))[0].ref')" --amount 40
    [ "$stderr" = "pumplog: error: 40 oz (1182.9 ml) at once is implausible (over 33.8 oz); check the unit (40ml?), or use --force" ]
    # Not even forced, in ounces too.
    refused 2 pumplog add 2000 --force
    [ "$stderr" = "pumplog: error: 2000 oz (59147 ml) is not a volume pumplog can record (0 to 338.1 oz, even with --force)" ]
    # Typed in ml, named in ml whatever the unit set.
    refused 2 pumplog add 2000ml
    [ "$stderr" = "pumplog: error: 2000 ml at once is implausible (over 1000 ml); check the unit, or use --force" ]
    pumplog config unset unit
    refused 2 pumplog add 90oz
    [ "$stderr" = "pumplog: error: 90 oz (2661.6 ml) at once is implausible (over 33.8 oz); check the unit (90ml?), or use --force" ]
}

@test "with the unit oz, an amount of 0 is refused in oz, as typed; 0ml in ml" {
    pumplog config set unit oz
    refused 2 pumplog add 0
    [ "$stderr" = "pumplog: error: an amount of 0 oz is implausible; give more than 0 oz (or --force)" ]
    refused 2 pumplog add 0oz
    [ "$stderr" = "pumplog: error: an amount of 0 oz is implausible; give more than 0 oz (or --force)" ]
    refused 2 pumplog log feed 0
    [ "$stderr" = "pumplog: error: an amount of 0 oz is implausible; give more than 0 oz (or --force)" ]
    refused 2 pumplog add 0ml
    [ "$stderr" = "pumplog: error: an amount of 0 ml is implausible; give more than 0 ml (or --force)" ]
    [ ! -e "$J" ]
}

@test "implausible amounts are refused unless --force" {
    pumplog add 90ml
    refused 2 pumplog add 0ml
    [ "$stderr" = "pumplog: error: an amount of 0 ml is implausible; give more than 0 ml (or --force)" ]
    refused 2 pumplog add 1001ml
    [ "$stderr" = "pumplog: error: 1001 ml at once is implausible (over 1000 ml); check the unit, or use --force" ]
    # The same words for a bottle and a container: no 'session' there.
    refused 2 pumplog log feed 1001ml
    [ "$stderr" = "pumplog: error: 1001 ml at once is implausible (over 1000 ml); check the unit, or use --force" ]
    refused 2 pumplog stock add 1001ml --in fridge
    [ "$stderr" = "pumplog: error: 1001 ml at once is implausible (over 1000 ml); check the unit, or use --force" ]
    refused 2 pumplog add L600 R600
    refused 2 pumplog add 40oz
    # Judged and named to the 0.01 ml the journal keeps: 1000.01 ml is over, 1000.004 ml is 1000 ml.
    refused 2 pumplog add 1000.01ml
    [ "$stderr" = "pumplog: error: 1000.01 ml at once is implausible (over 1000 ml); check the unit, or use --force" ]
    run --separate-stderr pumplog add 1000.004ml --at 9:00
    [ "$status" -eq 0 ]
    [ "$(last_line .ml)" = 1000 ]
    run --separate-stderr pumplog add 2000ml --force
    [ "$status" -eq 0 ]
    [ "$(last_line .ml)" = 2000 ]
    run --separate-stderr pumplog add 1000ml
    [ "$status" -eq 0 ]
    # Not even forced: over 10000 ml no computation would count it.
    refused 2 pumplog add 20000ml --force  # the journal unchanged (refused checks it)
    [ "$stderr" = "pumplog: error: 20000 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)" ]
}

@test "an amount that the journal would keep as 0 ml is refused as 0 ml is" {
    pumplog add 90ml
    refused 2 pumplog add 0.001ml
    [ "$stderr" = "pumplog: error: an amount of 0.001 ml is recorded as 0 ml (the journal keeps amounts to 0.01 ml); give more than 0 ml (or --force)" ]
    refused 2 pumplog log feed 0.0001oz
    [ "$stderr" = "pumplog: error: an amount of 0.00296 ml is recorded as 0 ml (the journal keeps amounts to 0.01 ml); give more than 0 ml (or --force)" ]
    run --separate-stderr pumplog add 0.005ml --at 13:00
    [ "$status" -eq 0 ]
    [ "$(last_line .ml)" = 0.01 ]
}

@test "a time in the future is refused unless --force" {
    pumplog add 90ml
    refused 2 pumplog add 90ml --at "2026-11-21 22:10"
    [ "$stderr" = "pumplog: error: 2026-11-21T22:10:00+01:00 is in the future; an entry is recorded once it has happened (or use --force)" ]
    refused 2 pumplog add 90ml --at +1h
    refused 2 pumplog add 90ml --at tomorrow
    run --separate-stderr pumplog add 90ml --at "2026-11-21 22:10" --force
    [ "$status" -eq 0 ]
    [ "$(last_line .at)" = '"2026-11-21T22:10:00+01:00"' ]
}

@test "a session without a volume (imported, or a timer) is named in add's reply as in status, not summed as 0 ml" {
    pumplog add 100ml --at 10:00 >/dev/null
    echo '{"v":1,"id":"imported-1","type":"pump","at":"2026-11-21T11:00:00+01:00","dur_s":900}' >>"$J"
    run --separate-stderr pumplog add 50ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml at 14:05 - today 150 ml in 3 sessions, 1 without a volume" ]
    [[ "$(pumplog status)" == *$'\n  Pumped     150 ml in 3 sessions, 1 without a volume\n'* ]]
}

@test "the day's total in add's reply counts the sessions up to now, as status does; one ahead of now says so" {
    pumplog add 100ml --at 10:00 >/dev/null
    run --separate-stderr pumplog add 120ml --at "2026-11-21 22:10" --force
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 120 ml at 22:10, in 8 h 5 min - today so far 100 ml in 1 session; this one counts from 22:10" ]
    run --separate-stderr pumplog add 50ml
    [ "$output" = "Logged 50 ml at 14:05 - today 150 ml in 2 sessions" ]
    [[ "$(pumplog status)" == *$'\n  Pumped     150 ml in 2 sessions\n'* ]]
    # later that evening the 22:10 session has happened and counts
    run --separate-stderr pumplog add 30ml --now "2026-11-21 23:00"
    [ "$output" = "Logged 30 ml at 23:00 - today 300 ml in 4 sessions" ]
    run --separate-stderr pumplog add 90ml --at "2026-11-22 07:00" --force
    [ "$output" = "Logged 90 ml on 2026-11-22 07:00, in 16 h 55 min - ahead of now, it counts from then" ]
    run --separate-stderr pumplog add 90ml --at "2026-11-25 07:00" --force
    [ "$output" = "Logged 90 ml on 2026-11-25 07:00, in 3 days - ahead of now, it counts from then" ]
    run --separate-stderr pumplog add 60ml --at "2026-11-22 06:00" --now "2026-11-22 05:00" --force
    [ "$output" = "Logged 60 ml at 06:00, in 1 h - today so far nothing; this one counts from 06:00" ]
}

@test "implausible durations are refused unless --force" {
    refused 2 pumplog add 90ml --dur 0m
    refused 2 pumplog add 90ml --dur 4h
    refused 2 pumplog add 90ml --dur banana
    run --separate-stderr pumplog add 90ml --dur 4h --force
    [ "$status" -eq 0 ]
}

@test "what is not a time is refused" {
    pumplog add 90ml
    refused 2 pumplog add 90ml --at banana
    [ "$stderr" = 'pumplog: error: "banana" is not a time; try 14:30, 2:30pm, "yesterday 22:10", 2026-11-21, "20m ago" or -2h' ]
    refused 2 pumplog add 90ml --at 25:00
    refused 2 pumplog add 90ml --at 2026-02-30
    refused 2 pumplog add 90ml --at ""
    refused 2 pumplog add 90ml --at
}

@test "a POSIX or unknown TZ is refused naming an IANA zone" {
    TZ="EST5EDT,M3.2.0,M11.1.0" refused 2 pumplog add 90ml
    [[ "$stderr" == *"set TZ to an IANA name such as Europe/Berlin"* ]]
    TZ="Mars/Olympus" refused 2 pumplog add 90ml
    [[ "$stderr" == *"is not a known time zone"* ]]
}

@test "an unwritable journal is exit 3: its parent is a regular file" {
    echo x > "$TEST_DIR/file"
    J="$TEST_DIR/file/journal.jsonl"
    refused 3 pumplog -j "$J" add 90ml
    [ "$stderr" = "pumplog: error: cannot read journal $J: Not a directory" ]
    refused 3 pumplog -j "$J" log feed 120ml
    [ "$stderr" = "pumplog: error: cannot read journal $J: Not a directory" ]
}

@test "an unwritable journal is exit 3: a folder stands where the file should be" {
    mkdir "$J"
    refused 3 pumplog add 90ml
    [ "$stderr" = "pumplog: error: journal $J is not a regular file: it is a folder; give -j or PUMPLOG_JOURNAL a file" ]
}

@test "the default journal is under XDG_DATA_HOME, then ~/.local/share, folders created" {
    unset PUMPLOG_JOURNAL
    pumplog add 90ml
    [ -f "$XDG_DATA_HOME/pumplog/journal.jsonl" ]
    unset XDG_DATA_HOME
    pumplog add 80ml
    [ "$(jq .ml "$HOME/.local/share/pumplog/journal.jsonl")" = 80 ]
}

@test "with HOME unset, empty or relative, the journal is the passwd home's, never one in the current folder" {
    local home
    home="$(getent passwd "$(id -u)" | cut -d: -f6)"
    [[ $home == /* ]] || skip "no home in the passwd database"
    # Read-only commands alone: nothing is written to the real home (tests run as root: /root).
    [ ! -e "$home/.local/share/pumplog/journal.jsonl" ] || skip "$home has a journal of its own"
    [ ! -e "$home/.config/pumplog/config.json" ] || skip "$home has a config of its own"
    local made_before made_after
    made_before="$(ls -d "$home/.local/share/pumplog" "$home/.config/pumplog" 2>/dev/null || true)"
    mkdir -p "$TEST_DIR/cwd" && cd "$TEST_DIR/cwd"
    for value in unset "" relative/home .; do
        if [ "$value" = unset ]; then unset HOME; else export HOME="$value"; fi
        run --separate-stderr env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u PUMPLOG_JOURNAL "$PUMPLOG_BIN" log check
        [ "$status" -eq 0 ]
        [ "$output" = "$home/.local/share/pumplog/journal.jsonl: 0 lines, 0 good entries, no errors" ]
        [ "$stderr" = "pumplog: no journal at $home/.local/share/pumplog/journal.jsonl yet" ]
        run --separate-stderr env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u PUMPLOG_JOURNAL "$PUMPLOG_BIN" config get unit
        [ "$status" -eq 0 ]
        [ "$output" = ml ]
    done
    [ -z "$(ls -A "$TEST_DIR/cwd")" ]
    made_after="$(ls -d "$home/.local/share/pumplog" "$home/.config/pumplog" 2>/dev/null || true)"
    [ "$made_before" = "$made_after" ]
}

@test "with no HOME nor passwd home, the journal and config set are refused saying what to set; no config is the defaults" {
    [ "$(id -u)" -eq 0 ] || skip "running as a user without a passwd entry needs root"
    command -v setpriv >/dev/null || skip "no setpriv"
    ! getent passwd 12345 >/dev/null || skip "uid 12345 has a passwd entry here"
    chmod 711 "$TEST_DIR"
    mkdir -m 777 "$TEST_DIR/cwd" && cd "$TEST_DIR/cwd"
    mkdir -m 777 "$TEST_DIR/xdg"
    nobody() {
        run --separate-stderr setpriv --reuid 12345 --regid 12345 --clear-groups \
            env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u PUMPLOG_JOURNAL "$@"
    }
    local no_home='no home folder for the config: HOME is empty and user 12345 has no home in the passwd database; '
    no_home+='set HOME to an absolute path, or name the config file with PUMPLOG_CONFIG'
    # The journal, which a command cannot do without: refused.
    nobody XDG_CONFIG_HOME="$TEST_DIR/xdg" "$PUMPLOG_BIN" add 90ml
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: no home folder for the journal: HOME is not set and user 12345 has no home in the \
passwd database; set HOME to an absolute path, or name the journal with PUMPLOG_JOURNAL or -j" ]
    # The config, to write: refused in one line, nothing written.
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" config set unit oz
    [ "$status $output|$stderr" = "2 |pumplog: error: $no_home" ]
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" config unset unit
    [ "$status $output|$stderr" = "2 |pumplog: error: $no_home" ]
    [ -z "$(ls -A "$TEST_DIR/cwd" "$TEST_DIR/xdg" | grep -v ':$' | grep .)" ]
    # The config, to read: there is none, so the defaults, said in one line.
    local defaults="pumplog: warning: $no_home; the default settings are used until then"
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" add 90ml
    [ "$status $output" = "0 Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    [ "$stderr" = "$defaults"$'\n'"Started a new journal at $TEST_DIR/xdg/j.jsonl" ]
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" config get unit
    [ "$status $output|$stderr" = "0 ml|$defaults" ]
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" report --since 2026-11-21 --format csv
    [ "$status|$stderr" = "0|$defaults" ]
    [[ $output == *$'\n2026-11-21,1,90,0,0,'* ]]
    nobody HOME= "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/j.jsonl" plan
    [ "$status|$stderr" = "2|$defaults"$'\n'"pumplog: error: no feeds from 2026-11-13 00:00 to 2026-11-21 14:05; the plan \
learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 3 \
more days" ]
    [ -z "$(ls -A "$TEST_DIR/cwd")" ]
    # Named otherwise, the files need no home.
    nobody HOME=relative PUMPLOG_JOURNAL="$TEST_DIR/xdg/k.jsonl" PUMPLOG_CONFIG="$TEST_DIR/xdg/config.json" \
        "$PUMPLOG_BIN" add 90ml
    [ "$status" -eq 0 ]
    [ "$stderr" = "Started a new journal at $TEST_DIR/xdg/k.jsonl" ]
    nobody HOME=relative PUMPLOG_CONFIG="$TEST_DIR/xdg/config.json" "$PUMPLOG_BIN" -j "$TEST_DIR/xdg/k.jsonl" \
        config set unit oz
    [ "$status $output|$stderr" = "0 unit = oz|" ]
    [ -z "$(ls -A "$TEST_DIR/cwd")" ]
}

@test "-j and --journal choose the journal over PUMPLOG_JOURNAL" {
    pumplog -j "$TEST_DIR/a/other.jsonl" add 90ml
    pumplog add --journal "$TEST_DIR/a/other.jsonl" 80ml
    [ "$(wc -l < "$TEST_DIR/a/other.jsonl")" -eq 2 ]
    [ ! -e "$J" ]
}

@test "an append after a crash mid-write starts on a fresh line" {
    printf '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}\n{"v":1,"id":"b","ty' > "$J"
    run --separate-stderr pumplog add 50ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml at 14:05 - today 140 ml in 2 sessions" ]
    [[ "$stderr" == "pumplog: warning: $J:2: "*"; skipped (see pumplog log check)" ]]
    [ "$(sed -n 2p "$J")" = '{"v":1,"id":"b","ty' ]
    [ "$(sed -n 3p "$J" | jq .ml)" = 50 ]
}

@test "with --strict a damaged journal refuses the add before anything is written" {
    journal_line '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}'
    journal_line 'garbage'
    refused 3 pumplog add 50ml --strict
    [ "$stderr" = "pumplog: error: $J:2: not valid JSON (--strict refuses a damaged journal; see pumplog log check)" ]
    refused 3 pumplog --strict log feed 50ml
}

@test "a journal locked too long by another process is exit 3, nothing written" {
    command -v flock > /dev/null || skip "no flock(1)"
    pumplog add 90ml
    flock "$J" sleep 3 > /dev/null 2>&1 3>&- &
    local holder=$!
    sleep 0.3
    PUMPLOG_LOCK_TIMEOUT_MS=200 refused 3 pumplog add 50ml
    [[ "$stderr" == "pumplog: error: journal $J is locked by another pumplog for too long; try again" ]]
    kill "$holder" 2> /dev/null || true
    wait "$holder" 2> /dev/null || true
}

@test "a value refused as out of range is shown as given, not rounded into the range" {
    refused 2 pumplog add 10000.004ml --force
    [ "$stderr" = "pumplog: error: 10000.004 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)" ]
    refused 2 pumplog add 90ml --dur 86401s --force
    [ "$stderr" = "pumplog: error: a duration of 86401 s is not one pumplog can record (0 to 24 h, even with --force)" ]
    refused 2 pumplog log feed --left 24h0m30s --force
    [ "$stderr" = "pumplog: error: a duration of 86430 s is not one pumplog can record (0 to 24 h, even with --force)" ]
    [ ! -e "$J" ]
}

@test "a session length that does not parse suggests only forms --dur, --left and --right take" {
    refused 2 pumplog add 90ml --dur 1h30
    [ "$stderr" = 'pumplog: error: "1h30" is not a duration; try 15m, 1h30m or 90s' ]
    refused 2 pumplog log feed --left 40ml --right 50ml
    [ "$stderr" = 'pumplog: error: "40ml" is not a duration; try 15m, 1h30m or 90s' ]
    refused 2 pumplog log feed --breast --dur 2x
    [ "$stderr" = 'pumplog: error: "2x" is not a duration; try 15m, 1h30m or 90s' ]
    # The forms suggested are accepted.
    run --separate-stderr pumplog add 90ml --dur 1h30m --at 9:00
    [ "$status" -eq 0 ]
    [ "$(jq -r .dur_s "$J")" = 5400 ]
}

@test "a time up to a minute ahead is recorded as given (another clock), a later one needs --force" {
    # PUMPLOG_NOW is 14:05:00.
    run --separate-stderr pumplog add 90ml --at 2026-11-21T14:06:00+01:00
    [ "$status" -eq 0 ]
    [ "$(jq -r .at "$J")" = "2026-11-21T14:06:00+01:00" ]
    refused 2 pumplog add 92ml --at 2026-11-21T14:06:01+01:00
    [ "$stderr" = "pumplog: error: 2026-11-21T14:06:01+01:00 is in the future; an entry is recorded once it has happened (or use --force)" ]
    run --separate-stderr pumplog add 92ml --at 2026-11-21T14:06:01+01:00 --force
    [ "$status" -eq 0 ]
    # The grace is documented where the rule is.
    grep -qx 'A time up to one minute ahead is not in the future for this rule: the clock a' \
        "$PUMPLOG_SOURCE_DIR/man/pumplog.1"
}

@test "a bare clock time up to a minute ahead is today's, not yesterday's, for every command taking a time" {
    export TZ=America/New_York
    run --separate-stderr pumplog --now "2026-11-21 14:05:30" add 50ml --at 14:06
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml at 14:06 - today 50 ml in 1 session" ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T14:06:00-05:00" ]
    run --separate-stderr pumplog --now "2026-11-21 14:05:30" log feed 60ml --at 2:06pm
    [ "$status" -eq 0 ]
    [ "$output" = "Logged bottle 60 ml of breast milk at 14:06" ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T14:06:00-05:00" ]
    run --separate-stderr pumplog --now "2026-11-21 00:00:30" add 70ml --at 00:01
    [ "$status" -eq 0 ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T00:01:00-05:00" ]
    # The 12-hour rule measures from the time as read: 11:01 at 11:00 is today's, with no note.
    run --separate-stderr pumplog --now "2026-11-21 11:00" add 80ml --at 11:01
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 1 ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T11:01:00-05:00" ]
    # A range's clock time is read by the same rule.
    run --separate-stderr pumplog --now "2026-11-21 14:05:30" log --since 14:06 --format json
    [ "$(jq -r 'length' <<< "$output")" = 2 ]
    # Over a minute ahead is still yesterday's (the most recent time not in the future).
    run --separate-stderr pumplog --now "2026-11-21 14:04:59" add 40ml --at 14:06
    [ "$status" -eq 0 ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-20T14:06:00-05:00" ]
}

@test "the reply after an append shows the volume written (0.01 ml), as log does" {
    run --separate-stderr pumplog add --left 40ml --right 2oz --at 11:00
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 99.2 ml (L 40 / R 59.2) at 11:00, 3 h 5 min ago - today 99.2 ml in 1 session" ]
    [ "$(jq -c '[.ml, .left_ml, .right_ml]' "$J")" = '[99.15,40,59.15]' ]
    run --separate-stderr pumplog log
    [ "${lines[1]:24}" = "pumped 99.2 ml (L 40 / R 59.2)" ]
    # pump stop too: 1.3oz is 38.446 ml, written 38.45
    pumplog pump start --now "2026-11-21T13:00:00+01:00" > /dev/null
    run --separate-stderr pumplog pump stop 1.3oz --now "2026-11-21T13:20:00+01:00"
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 38.5 ml at 13:00, 20 min pumped (timer stopped)" ]
    [ "$(tail -n 1 "$J" | jq .ml)" = 38.45 ]
}

@test "a bare clock time up to a minute ahead across midnight is tomorrow's, not a day back" {
    export TZ=America/New_York
    run --separate-stderr pumplog --now "2026-11-21 23:59:30" add 50ml --at 00:00
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 50 ml on 2026-11-22 00:00 - 2026-11-22 50 ml in 1 session" ]
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-22T00:00:00-05:00" ]
    run --separate-stderr pumplog --now "2026-11-21 23:59:30" add 40ml --at midnight
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-22T00:00:00-05:00" ]
    run --separate-stderr pumplog --now "2026-11-21 23:59:30" add 30ml --at 12:00am
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-22T00:00:00-05:00" ]
    # 61 s ahead is over the minute: today's 00:00, the most recent one not in the future.
    run --separate-stderr pumplog --now "2026-11-21 23:58:59" add 20ml --at 00:00
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T00:00:00-05:00" ]
}
