#!/usr/bin/env bats
# A label named to a stash command (stock use, combine, move, discard) is looked up one way: a container used up
# or discarded, or stored only after the command's time, is refused saying so, never "no such label".

load helpers

# B1 60 ml stored at 10:00 and used up at 11:00; B2 70 ml stored at 10:01; B3 50 ml stored at 12:00 and
# discarded at 12:30 (now is 14:00).
setup_stash() {
    export PUMPLOG_NOW="2026-11-29T14:00:00+01:00"
    pumplog stock add 60ml --in fridge --now "2026-11-29 10:00" >/dev/null
    pumplog stock add 70ml --in fridge --now "2026-11-29 10:01" >/dev/null
    pumplog stock use B1 --now "2026-11-29 11:00" >/dev/null
    pumplog stock add 50ml --in fridge --now "2026-11-29 12:00" >/dev/null
    pumplog stock discard B3 --reason spilled --now "2026-11-29 12:30" >/dev/null
}

# Review (fix-carry #1): stock use B2 at a --now before B2 was stored said ""B2" is neither a label in the stash
# nor an amount"; it is refused as stock combine refuses such a part.
@test "stock use of a label stored only after --now says when, as stock combine does" {
    setup_stash
    refused 2 pumplog stock use B2 --now "2026-11-29 10:00:30"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01; a use cannot come before that: give a time at or after 2026-11-29 10:01 (--now)" ]
    [ "$output" = "" ]
    refused 2 pumplog stock use B3 --now "2026-11-29 11:30"
    [ "$stderr" = "pumplog: error: B3 was stored only at 2026-11-29 12:00; a use cannot come before that: give a time at or after 2026-11-29 12:00 (--now)" ]
    # The time it names is accepted.
    run --separate-stderr pumplog stock use B2 --now "2026-11-29 10:01"
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$output" = "Took 70 ml: B2 70 ml (used up)" ]
}

@test "stock discard and stock move before the store share the lookup's wording" {
    setup_stash
    refused 2 pumplog stock discard B2 --now "2026-11-29 09:00"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01; a discard cannot come before that: give a time at or after 2026-11-29 10:01 (--now)" ]
    refused 2 pumplog stock move B2 --to freezer --at "2026-11-29 09:00"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01; a move cannot come before that: give a time at or after 2026-11-29 10:01 (--at)" ]
    refused 2 pumplog stock combine B2 B1 --now "2026-11-29 09:00"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01 and B1 at 2026-11-29 10:00; a combine cannot come before that: give a time at or after 2026-11-29 10:01 (--now)" ]
    # A label no container ever had is still said so, and a word that is no label nor amount as before.
    refused 2 pumplog stock use B9
    [ "$stderr" = 'pumplog: error: "B9" is neither a label in the stash nor an amount; try B2 or 90ml (see pumplog stock)' ]
    refused 2 pumplog stock move B9 --to freezer
    [ "$stderr" = 'pumplog: error: no container is labelled "B9"; see pumplog stock --all' ]
}

# Review (fix-carry #2): a used-up or discarded container's refusal pointed at `pumplog stock`, which lists only
# the containers in stock; `pumplog stock --all` lists it.
@test "a used-up or discarded container's refusal points at pumplog stock --all, which lists it" {
    setup_stash
    refused 2 pumplog stock use B1
    [ "$stderr" = "pumplog: error: B1 is used up; see pumplog stock --all" ]
    refused 2 pumplog stock use b3
    [ "$stderr" = "pumplog: error: B3 was discarded; see pumplog stock --all" ]
    refused 2 pumplog stock combine B2 B1
    [ "$stderr" = "pumplog: error: B1 is used up; see pumplog stock --all" ]
    # --all lists both; the plain list does not.
    run --separate-stderr pumplog stock --all --format csv
    [ "$status" -eq 0 ]
    [ "$(cut -d, -f1 <<<"$output" | tr '\n' ' ')" = "label B2 B1 B3 " ]
    run --separate-stderr pumplog stock --format csv
    [ "$(cut -d, -f1 <<<"$output" | tr '\n' ' ')" = "label B2 " ]
}
