#!/usr/bin/env bats
# A container used up or discarded only later than the time a stash command is given (--now or --at in the past)
# still holds milk at that time: stock use, move and discard judge their line against the entry that ends it, as
# stock combine does, never "B1 was discarded". A container really finished points at `pumplog stock --all`.

load helpers

# B1 50 ml stored at 10:00, discarded at 10:06; B3 80 ml stored at 10:00, used up at 10:06.
setup_stash() {
    export PUMPLOG_NOW="2026-11-29T14:00:00+01:00"
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-29T10:00:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-29T10:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"S3","type":"store","at":"2026-11-29T10:00:00+01:00","ml":80,"place":"fridge","pumped":"2026-11-29T10:00:00+01:00","label":"B3"}'
    journal_line '{"v":1,"id":"D1","type":"discard","at":"2026-11-29T10:06:00+01:00","target":"S1"}'
    journal_line '{"v":1,"id":"U3","type":"use","at":"2026-11-29T10:06:00+01:00","target":"S3","ml":80}'
    cp "$PUMPLOG_JOURNAL" "$TEST_DIR/before.jsonl"
}

# Review (fix-stock2 #1): at 10:02 B1 is listed as in stock, yet `stock use B1` said "B1 was discarded", `stock
# move` refused "B1 is discarded" (a move at 10:02 fits before the discard) and `stock discard` "B1 is already
# discarded".
@test "stock use, move and discard of a container ended only later than --now name that entry, as combine does" {
    setup_stash
    run --separate-stderr pumplog stock --all --format csv --now "2026-11-29 10:02"
    [ "$(cut -d, -f1 <<<"$output" | tr '\n' ' ')" = "label B1 B3 " ]
    refused 2 pumplog stock use B1 --now "2026-11-29 10:02"
    [ "$stderr" = "pumplog: error: B1 would be used up at 2026-11-29 10:02, before an entry of it (discarded B1 at 2026-11-29 10:06, ref d1); correct or take back that entry first" ]
    [ "$output" = "" ]
    refused 2 pumplog stock discard B1 --now "2026-11-29 10:02"
    [ "$stderr" = "pumplog: error: B1 would be discarded at 2026-11-29 10:02, before an entry of it (discarded B1 at 2026-11-29 10:06, ref d1); correct or take back that entry first" ]
    refused 2 pumplog stock use B3 --now "2026-11-29 10:02"
    [ "$stderr" = "pumplog: error: B3 would be used up at 2026-11-29 10:02, before an entry of it (used 80 ml of B3 at 2026-11-29 10:06, ref u3); correct or take back that entry first" ]
    refused 2 pumplog stock discard B3 --now "2026-11-29 10:02"
    [ "$stderr" = "pumplog: error: B3 would be discarded at 2026-11-29 10:02, before an entry of it (used 80 ml of B3 at 2026-11-29 10:06, ref u3); correct or take back that entry first" ]
    # The same judgement and words as stock combine's.
    refused 2 pumplog stock combine B1 B3 --now "2026-11-29 10:02"
    [ "$stderr" = "pumplog: error: B1 would be used up at 2026-11-29 10:02, before an entry of it (discarded B1 at 2026-11-29 10:06, ref d1); correct or take back that entry first" ]
    cmp "$PUMPLOG_JOURNAL" "$TEST_DIR/before.jsonl"
    # A move then fits before the discard: it is accepted, as it is at 10:02 (the discard throws away the bag moved).
    run --separate-stderr pumplog stock move B1 --to freezer --at "2026-11-29 10:02"
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$output" = "Moved B1 (50 ml) from the fridge to the freezer; use by 2027-11-29 06:59 (in 364 d)" ]
    [ "$(grep -c '"type":"move"' "$PUMPLOG_JOURNAL")" -eq 1 ]
    # A move after the discard is refused as finished.
    refused 2 pumplog stock move B1 --to fridge --at "2026-11-29 10:07"
    [ "$stderr" = "pumplog: error: B1 is discarded; only milk in stock can be moved; see pumplog stock --all" ]
}

@test "stock move and discard of a container already finished point at pumplog stock --all" {
    setup_stash
    refused 2 pumplog stock move B1 --to freezer
    [ "$stderr" = "pumplog: error: B1 is discarded; only milk in stock can be moved; see pumplog stock --all" ]
    refused 2 pumplog stock discard B1
    [ "$stderr" = "pumplog: error: B1 is already discarded; see pumplog stock --all" ]
    refused 2 pumplog stock move B3 --to freezer --now "2026-11-29 10:06"
    [ "$stderr" = "pumplog: error: B3 is used up; only milk in stock can be moved; see pumplog stock --all" ]
    refused 2 pumplog stock discard B3 --now "2026-11-29 10:06"
    [ "$stderr" = "pumplog: error: B3 is already used up; see pumplog stock --all" ]
    refused 2 pumplog stock use B1
    [ "$stderr" = "pumplog: error: B1 was discarded; see pumplog stock --all" ]
    cmp "$PUMPLOG_JOURNAL" "$TEST_DIR/before.jsonl"
}
