#!/usr/bin/env bats
# `add` / `log pump`: what each accepted form stores.
load helpers

@test "add 90ml stores 90 ml at now with the local offset" {
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    run jq -c '[.v, .type, .at, .ml]' "$J"
    [ "$output" = '[1,"pump","2026-11-21T14:05:00+01:00",90]' ]
}
