#!/usr/bin/env bats
# `add` reads only the journal's tail (SPEC 9: it must not pay for years of
# history): old lines that are unreadable garbage are never touched.
bats_require_minimum_version 1.5.0
load helpers

# 2000 garbage lines, then 3000 good pumps of 2020 (about 330 KB, more than
# one read chunk), then one pump of today.
old_journal() {
    awk 'BEGIN {
        for (i = 0; i < 2000; i++) printf "garbage %d {not json at all\n", i
        for (i = 0; i < 3000; i++)
            printf "{\"v\":1,\"id\":\"old-%05d\",\"type\":\"pump\",\"at\":\"2020-%02d-%02dT08:00:00+01:00\",\"ml\":100,\"note\":\"an old session\"}\n", i, 1 + i % 12, 1 + i % 28
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
