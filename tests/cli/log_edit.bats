#!/usr/bin/env bats
# `log edit`: a correction that would change nothing is refused, and its replies.
load helpers

# The ref `log` shows for the only entry.
only_ref() {
    pumplog log --format json | jq -r '.[0].ref'
}

@test "log edit refuses a correction that changes nothing for any option: the journal stays byte-identical" {
    pumplog add 50ml --at 09:00 > /dev/null
    local r
    r="$(only_ref)"
    cp "$J" "$TEST_DIR/before"
    for given in "--at 09:00" "--at 2026-11-21T19:00+11:00" "--amount 50ml" "--amount 50ml --at 9:00"; do
        # shellcheck disable=SC2086 # the options are words
        refused 2 pumplog log edit "$r" $given
        [ "$stderr" = "pumplog: error: nothing to change: $r is already pumped 50 ml at 2026-11-21 09:00" ]
    done
    refused 2 pumplog log edit "$r" --note ""
    [ "$stderr" = "pumplog: error: nothing to change: $r is already pumped 50 ml at 2026-11-21 09:00" ]
    cmp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log edit "$r" --note "slow"
    [ "$output" = "Changed $r to pumped 50 ml at 2026-11-21 09:00, note \"slow\"" ]
    cp "$J" "$TEST_DIR/before"
    refused 2 pumplog log edit "$r" --note "slow"
    cmp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log edit "$r" --note ""
    [ "$status" -eq 0 ]
    [ "$output" = "Changed $r to pumped 50 ml at 2026-11-21 09:00, note removed" ]
    # One real change among them is written.
    run --separate-stderr pumplog log edit "$r" --at 09:00 --amount 55ml
    [ "$status" -eq 0 ]
    [ "$output" = "Changed $r to pumped 55 ml at 2026-11-21 09:00" ]
    [ "$(wc -l < "$J")" -eq 4 ]
}

@test "log edit --baby naming the feed's own baby, or a nursing feed's own sides, is nothing to change" {
    pumplog config set babies "Ada, Ben" > /dev/null
    pumplog log feed --breast --left 12m --right 8m --baby Ada --at 10:00 > /dev/null
    local r
    r="$(only_ref)"
    cp "$J" "$TEST_DIR/before"
    refused 2 pumplog log edit "$r" --baby ada
    [ "$stderr" = "pumplog: error: nothing to change: $r is already nursed L 12 min / R 8 min for Ada at 2026-11-21 10:00" ]
    refused 2 pumplog log edit "$r" --left 12m
    cmp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog log edit "$r" --baby Ben
    [ "$status" -eq 0 ]
}

# 1.7oz is 50.27 ml: typed for an entry the tables show as 1.7 oz, it would change 50 ml under a
# reply that shows no change.
@test "log edit refuses an amount equal to the entry's as the tables show it in the unit used" {
    pumplog add 50ml --at 09:00 > /dev/null
    local r
    r="$(only_ref)"
    cp "$J" "$TEST_DIR/before"
    refused 2 pumplog --unit oz log edit "$r" --amount 1.7oz
    [ "$stderr" = "pumplog: error: nothing to change: $r is already pumped 1.7 oz at 2026-11-21 09:00" ]
    cmp "$J" "$TEST_DIR/before"
    run --separate-stderr pumplog --unit oz log edit "$r" --amount 1.8oz
    [ "$status" -eq 0 ]
    [ "$output" = "Changed $r to pumped 1.8 oz at 2026-11-21 09:00" ]
}
