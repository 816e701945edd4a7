#!/usr/bin/env bats
# `add` reads only the journal's tail (SPEC 9: it must not pay for years of
# history): old lines that are unreadable garbage are never touched.
bats_require_minimum_version 1.5.0
load helpers

# 2000 garbage lines, then 3000 good pumps of 2020 (about 330 KB, more than
# one read chunk), the last written by pumplog in 2020 (its ULID id says so:
# what lets a read stop early, see the backfill test below), then one pump of today.
old_journal() {
    awk 'BEGIN {
        for (i = 0; i < 2000; i++) printf "garbage %d {not json at all\n", i
        for (i = 0; i < 3000; i++)
            printf "{\"v\":1,\"id\":\"old-%05d\",\"type\":\"pump\",\"at\":\"2020-%02d-%02dT08:00:00+01:00\",\"ml\":100,\"note\":\"an old session\"}\n", i, 1 + i % 12, 1 + i % 28
        printf "{\"v\":1,\"id\":\"01ETM2B1C00000000000000000\",\"type\":\"pump\",\"at\":\"2020-12-28T08:00:00+01:00\",\"ml\":100}\n"
        printf "{\"v\":1,\"id\":\"today-1\",\"type\":\"pump\",\"at\":\"2026-11-21T09:00:00+01:00\",\"ml\":90}\n"
    }' > "$J"
}

@test "add on a journal whose old lines are garbage reads only its tail: no warning, the right total" {
    old_journal
    run --separate-stderr pumplog add 60ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 60 ml at 14:05 - today 150 ml in 2 sessions" ]
    [ -z "$stderr" ]
}

@test "the same garbage is reported by a command that reads the whole journal" {
    old_journal
    run --separate-stderr pumplog report --since 2019-12-01 --format csv
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"pumplog: warning: $J:1: not valid JSON"* ]]
}

# Garbage 10 days back, then pumps of the last two days: the slip check (the
# largest pump of 30 days, SPEC 10) is settled by the last two days when the
# amount is within 2.5x of theirs, and reads the 30 days only when it is not.
recent_journal() {
    {
        printf '{"v":1,"id":"p-old","type":"pump","at":"2026-11-11T08:00:00+01:00","ml":300}\n'
        printf 'garbage 10 days back {not json\n'
        # about 200 KB of bottle feeds between them: more than the tail regions
        # (one of them written by pumplog on the 16th, its ULID id says: a read may stop past it)
        awk 'BEGIN { for (i = 0; i < 1400; i++) {
            printf "{\"v\":1,\"id\":\"f-%05d\",\"type\":\"feed\",\"at\":\"2026-11-%02dT%02d:%02d:00+01:00\",\"method\":\"bottle\",\"ml\":90,\"note\":\"a feed of the week before, padded to a realistic line\"}\n", i, 12 + int(i / 200), int(i % 200 / 10), (i % 10) * 5
            if (i == 999) printf "{\"v\":1,\"id\":\"01M7JVNZW00000000000000000\",\"type\":\"feed\",\"at\":\"2026-11-16T20:00:00+01:00\",\"method\":\"bottle\",\"ml\":90}\n"
        } }'
        for h in 06 09 12 15 18; do
            printf '{"v":1,"id":"p-20-%s","type":"pump","at":"2026-11-20T%s:00:00+01:00","ml":100}\n' "$h" "$h"
        done
        printf '{"v":1,"id":"p-21","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}\n'
    } > "$J"
}

@test "add settles the slip check from the last two days: the month is not read" {
    recent_journal
    run --separate-stderr pumplog add 240ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 240 ml at 14:05 - today 330 ml in 2 sessions" ]
    [ -z "$stderr" ]
}

@test "add reads the 30 days when the last two cannot settle the check, and judges by all of them" {
    recent_journal
    # 260 ml is over 2.5x the last two days' largest (100 ml), not the month's (300 ml).
    run --separate-stderr pumplog add 260ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 260 ml at 14:05 - today 350 ml in 2 sessions" ]
    [[ "$stderr" == *"pumplog: warning: $J:2: not valid JSON"* ]]
    before="$(cksum < "$J")"
    run --separate-stderr pumplog add 800ml
    [ "$status" -eq 2 ]
    [ "$(tail -n 1 <<<"$stderr")" = "pumplog: error: 800 ml is over 2.5 times your largest pump of the last 30 days (300 ml); check the amount, or use --force" ]
    [ "$(cksum < "$J")" = "$before" ]
}

# A line damaged after its header (a crash mid-write, then later appends) is
# warned about by the commands that read its kind, not by those that pass over it.
@test "stock passes over a damaged pump line after its header; report, which reads pumps, warns of it" {
    {
        printf '{"v":1,"id":"s1","type":"store","at":"2026-11-21T08:05:00+01:00","ml":90,"place":"fridge","pumped":"2026-11-21T08:00:00+01:00","label":"B1"}\n'
        printf '{"v":1,"id":"p1","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":9\n'
        printf '{"v":1,"id":"p2","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":80}\n'
    } > "$J"
    cp "$J" "$BATS_TEST_TMPDIR/before"
    run --separate-stderr pumplog stock --format csv
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [[ "$output" == *"B1"* ]]
    run --separate-stderr pumplog report --format csv
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"pumplog: warning: $J:2: "* ]]
    run --separate-stderr pumplog --strict stock
    [ "$status" -eq 3 ]
    [[ "$stderr" == *"$J:2:"* ]]
    cmp "$J" "$BATS_TEST_TMPDIR/before"
}

# A script backfills a paper log: 400 lines of 2025 (ids of its own, not
# ULIDs) appended after this week's. Their `at` is old, but nothing says when
# they were written: the readers that want recent entries read past them.
@test "old lines a script appends after recent ones do not end a recent read early" {
    pumplog add 100ml --at "2026-11-20 10:00"
    pumplog add 110ml --at "2026-11-21 10:00"
    pumplog log feed 90ml --milk breast --at "2026-11-21 11:00"
    awk 'BEGIN { for (i = 0; i < 400; i++)
        printf "{\"v\":1,\"id\":\"paper-%d\",\"type\":\"pump\",\"at\":\"2025-%02d-%02dT08:00:00+01:00\",\"ml\":80}\n", i, 1 + i % 12, 1 + i % 28 }' >> "$J"
    run --separate-stderr pumplog report --since 2026-11-20 --format csv
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == 2026-11-20,1,100,0,0,0,0,* ]]
    [[ "${lines[2]}" == 2026-11-21,1,110,0,0,1,90,* ]]
    run pumplog log
    [[ "$output" == *"pumped 110 ml"* ]]
    [[ "$output" == *"bottle 90 ml of breast milk"* ]]
}
