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

@test "log edit refuses a pump or a nursing feed made to end in the future, as add and log feed refuse it" {
    pumplog add 90ml --dur 20m --at 13:35 > /dev/null  # 13:35 to 13:55, now 14:05
    local ref
    ref="$(only_ref)"
    refused 2 pumplog log edit "$ref" --dur 40m
    [ "$stderr" = "pumplog: error: --dur 40 min is longer than the time since the session's start (30 min, since 13:35): check it, or --force to record it" ]
    refused 2 pumplog log edit "$ref" --at 13:55
    [ "$stderr" = "pumplog: error: its 20 min as logged is longer than the time since the session's start (10 min, since 13:55): check it, or --force to record it" ]
    refused 2 pumplog log edit "$ref" --at 13:50 --dur 25m
    [ "$stderr" = "pumplog: error: --dur 25 min is longer than the time since the session's start (15 min, since 13:50): check it, or --force to record it" ]
    run --separate-stderr pumplog log edit "$ref" --dur 30m
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog log edit "$ref" --dur 40m --force
    [ "$status" -eq 0 ]
    [ "$(tail -n 1 "$J" | jq -c .set)" = '{"dur_s":2400}' ]
    # A change of its note alone is no new time: not refused.
    run --separate-stderr pumplog log edit "$ref" --note "long one"
    [ "$status" -eq 0 ]
    # A nursing feed's sides or time, the same.
    pumplog log feed --breast --left 12m --right 8m --at 13:30 > /dev/null
    ref="$(pumplog log --format json | jq -r '.[] | select(.type == "feed") | .ref')"
    refused 2 pumplog log edit "$ref" --left 30m
    [ "$stderr" = "pumplog: error: 38 min of nursing (L 30 min + R 8 min) is longer than the time since the feed's start (35 min, since 13:30): check it, or --force to record it" ]
    refused 2 pumplog log edit "$ref" --at 13:50
    [ "$stderr" = "pumplog: error: its 20 min as logged is longer than the time since the feed's start (15 min, since 13:50): check it, or --force to record it" ]
    refused 2 pumplog log edit "$ref" --dur 40m
    [ "$stderr" = "pumplog: error: --dur 40 min is longer than the time since the feed's start (35 min, since 13:30): check it, or --force to record it" ]
    run --separate-stderr pumplog log edit "$ref" --left 15m
    [ "$status" -eq 0 ]
}
