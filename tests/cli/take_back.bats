#!/usr/bin/env bats
# log undo and log rm answer from one read of the journal (take_back.hpp): the
# cases where a read that stopped early, or refs gathered apart from it, would
# go wrong.

load helpers

last_line() {
    tail -n 1 "$J" | jq -c "$1"
}

@test "log undo and rm see a void that stands before its target in the file" {
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":50}'
    journal_line '{"v":1,"id":"V9","type":"void","at":"2026-11-21T09:30:00+01:00","target":"P2"}'
    journal_line '{"v":1,"id":"P2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":60}'
    refused 2 pumplog log rm p2
    [ "$stderr" = 'pumplog: error: "p2" is already voided' ]
    # The newest line is voided and the void is undo's own kind: the undo steps back to P1.
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [ "$output" = "Undid pumped 50 ml at 2026-11-21 08:00 (ref p1)" ]
    [ "$(last_line '[.type, .target]')" = '["void","P1"]' ]
    refused 2 pumplog log undo
    [ "$stderr" = "pumplog: error: nothing to undo: the journal has no entry in effect" ]
}

@test "log rm refuses a ref two ids end in, and takes more of either id" {
    journal_line '{"v":1,"id":"AB12345","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":50}'
    journal_line '{"v":1,"id":"CD12345","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":60}'
    refused 2 pumplog log rm 2345
    [ "$stderr" = 'pumplog: error: "2345" names 2 entries; give more of its id' ]
    run --separate-stderr pumplog log rm d12345
    [ "$status" -eq 0 ]
    [ "$output" = "Removed pumped 60 ml at 2026-11-21 09:00 (ref d12345)" ]
    refused 2 pumplog log rm d12345
    [ "$stderr" = 'pumplog: error: "d12345" is already voided' ]
}

@test "log rm of a pump before groups voids the container stored from it, written before it in the file" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-21T08:20:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-21T08:00:00+01:00","label":"B1","from":"P1"}'
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":50}'
    journal_line '{"v":1,"id":"P2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":60}'
    run --separate-stderr pumplog log rm p1
    [ "$status" -eq 0 ]
    [ "$output" = "Removed stored B1 50 ml in the fridge at 2026-11-21 08:20 (ref s1)
Removed pumped 50 ml at 2026-11-21 08:00 (ref p1)" ]
    [ "$(jq -r 'select(.type == "void") | .target' "$J" | tr '\n' ' ')" = 'S1 P1 ' ]
    # One command: undo brings both back.
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [ "$output" = "Undid the removal of stored B1 50 ml in the fridge at 2026-11-21 08:20 (ref s1)
Undid the removal of pumped 50 ml at 2026-11-21 08:00 (ref p1)" ]
}

@test "log undo of add --store and of stock combine voids every line the command wrote" {
    pumplog add 90ml --at 08:00 --store fridge >/dev/null
    pumplog add 60ml --at 09:00 --store fridge >/dev/null
    pumplog stock combine B1 B2 >/dev/null
    local count
    count="$(wc -l < "$J")"
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [[ "$output" == "Undid stored B3 150 ml in the fridge at 2026-11-21 14:05 (ref "*"); with it: "* ]]
    [[ "$output" == *"); with it: used 90 ml of B1, used 60 ml of B2" ]]
    # The combine wrote three lines (the new container, a use of each part): three voids, one write.
    [ "$(wc -l < "$J")" -eq $((count + 3)) ]
    [ "$(pumplog stock --format json | jq -c '[.[].label]')" = '["B1","B2"]' ]
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [[ "$output" == "Undid pumped 60 ml at 2026-11-21 09:00 (ref "*"); with it: stored B2 60 ml in the fridge" ]]
    [ "$(wc -l < "$J")" -eq $((count + 5)) ]
    [ "$(pumplog stock --format json | jq -c '[.[].label]')" = '["B1"]' ]
}

@test "log undo after log import takes back the newest line of the file, then the newest imported" {
    pumplog add 80ml --at 13:00 >/dev/null
    local data="$PUMPLOG_SOURCE_DIR/tests/data/import/babybuddy"
    pumplog log import "$data/feeding.csv" "$data/pumping.csv" --unit ml --child Ada >/dev/null
    local ref
    ref="$(tail -n 1 "$J" | jq -r .id | tail -c 5 | tr 'A-Z' 'a-z')"
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [ "$output" = "Undid pumped 80 ml at 2026-11-21 13:00 (ref $ref)" ]
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [ "$output" = "Undid bottle 80 ml of formula for Ada at 2024-01-06 12:00 (ref de62)" ]
    [ "$(last_line .target)" = '"bb-e8d7195ae9204b3ab664de62"' ]
    run --separate-stderr pumplog log --all --since 2024-01-06 --format json
    [ "$(echo "$output" | jq -c '[.[] | select(.voided) | .ref]')" = '["de62","'$ref'"]' ]
}

@test "log undo of an entry whose id another repeats in 11 characters shows the ref log shows" {
    journal_line '{"v":1,"id":"0a0000000001","type":"pump","at":"2026-11-20T08:00:00+01:00","ml":50}'
    journal_line '{"v":1,"id":"0b0000000001","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":70}'
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [ "$output" = "Undid pumped 70 ml at 2026-11-21 08:00 (ref b0000000001)" ]
    run --separate-stderr pumplog log --all --since 2026-11-20 --format json
    [ "$(echo "$output" | jq -c '[.[].ref]')" = '["a0000000001","b0000000001"]' ]
}
