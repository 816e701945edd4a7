#!/usr/bin/env bats
# Stash you can trust (SPEC 11, issue 19): frozen milk poured only once thawed,
# leftovers, combining, profiles, log by label, undo of a whole command.
# Now is 2026-11-21 14:05 in Berlin (+01:00).
load helpers
bats_require_minimum_version 1.5.0

store() {
    journal_line "{\"v\":1,\"id\":\"$1\",\"type\":\"store\",\"at\":\"$2\",\"ml\":$4,\"place\":\"$3\",\"pumped\":\"${6:-$2}\",\"label\":\"$5\"}"
}
move() {
    journal_line "{\"v\":1,\"id\":\"$1\",\"type\":\"move\",\"at\":\"$2\",\"target\":\"$3\",\"place\":\"$4\"}"
}

# Refused with exit 2, one error line, and the journal byte-identical (cmp).
refused_same() {
    cp "$J" "$BATS_TEST_TMPDIR/before"
    run --separate-stderr "$@"
    [ "$status" -eq 2 ]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    [[ "$stderr" == "pumplog: error: "* ]]
    cmp "$J" "$BATS_TEST_TMPDIR/before"
}

@test "part of a frozen bag is refused with the rule, the journal byte-identical" {
    store S1 2026-11-01T08:00:00+01:00 freezer 150 B1
    refused_same pumplog stock use 60ml
    [ "$stderr" = 'pumplog: error: B1 is frozen and 60 ml of its 150 ml would be poured: frozen milk is used only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw to thaw all of B1 (the rest keeps 1 day in the fridge), or take it whole: pumplog stock use B1' ]
    refused_same pumplog log feed 60ml --from-stock
    [[ "$stderr" == "pumplog: error: B1 is frozen and 60 ml of its 150 ml would be poured: "* ]]
    # the whole bag is fine
    run pumplog stock use 150ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 150 ml: B1 150 ml (used up)" ]
}

# Review s48 #3: a feed's refusal ended "or take it whole: pumplog stock use B1", which records no feed.
@test "a feed that would pour part of a frozen bag is sent to the log feed that is accepted: the same with --thaw" {
    store S1 2026-11-21T08:00:00+01:00 freezer 100 B1
    store S2 2026-11-21T09:00:00+01:00 fridge 50 B2
    refused_same pumplog log feed 80ml --bottle --from-stock
    [ "$stderr" = 'pumplog: error: B1 is frozen and 30 ml of its 100 ml would be poured: frozen milk is used only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw to this log feed to thaw all of B1 (the rest keeps 1 day in the fridge)' ]
    run --separate-stderr pumplog log feed 80ml --bottle --from-stock --thaw
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Logged bottle 80 ml of breast milk at 14:05" ]
    [[ "${lines[1]}" == "From the stash: B2 50 ml (used up), B1 30 ml (70 ml left in the fridge, thawed: use by tomorrow 14:05, never refreeze). "* ]]
}

@test "--thaw thaws the whole bag: the rest is thawed milk in the fridge for 24 hours, never refrozen" {
    store S1 2026-11-01T08:00:00+01:00 freezer 150 B1
    run pumplog stock use 60ml --thaw
    [ "$status" -eq 0 ]
    [ "$output" = "Took 60 ml: B1 60 ml (90 ml left in the fridge, thawed: use by tomorrow 14:05, never refreeze)" ]
    run jq -c '.[] | [.label, .ml, .place, .thawed, .expires]' < <(pumplog stock --format json)
    [ "$output" = '["B1",90,"fridge","2026-11-21T14:05:00+01:00","2026-11-22T14:05:00+01:00"]' ]
    refused_same pumplog stock move B1 --to freezer
    [[ "$stderr" == *"never refreeze breast milk after it has been thawed"* ]]
}

# Review s46 #6: the refusal of a back-dated feed said the rest "keeps 1 day in the fridge" when, thawed at the
# feed's time, it had already expired: --thaw then said to discard it.
@test "a back-dated feed's refusal of part of a frozen bag counts the rest's day from the feed, and says when it is past" {
    store S11 2026-11-01T08:00:00+01:00 freezer 108 B11
    export PUMPLOG_NOW=2026-11-24T20:30:00+01:00
    refused_same pumplog log feed 50ml --from-stock --at "2026-11-23 09:30"
    [ "$stderr" = 'pumplog: error: B11 is frozen and 50 ml of its 108 ml would be poured: frozen milk is used only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw to this log feed to thaw all of B11 (thawed at the feed'"'"'s time, the rest would have expired at 2026-11-24 09:30: it would have to be discarded)' ]
    refused_same pumplog log feed 50ml --from-stock --at "2026-11-24 09:30"
    [[ "$stderr" == *"add --thaw to this log feed to thaw all of B11 (the rest keeps 1 day in the fridge from the feed, until 2026-11-25 09:30)" ]]
    run --separate-stderr pumplog log feed 50ml --from-stock --at "2026-11-23 09:30" --thaw
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "From the stash: B11 50 ml (the other 58 ml expired today 09:30: discard it). "* ]]
}

@test "log feed --from-stock --thaw records the feed, the thaw and the use in one write" {
    store S1 2026-11-01T08:00:00+01:00 freezer 150 B1
    run pumplog log feed 60ml --from-stock --thaw
    [ "$status" -eq 0 ]
    [ "$(wc -l <"$J")" -eq 4 ]
    run jq -r '.type' "$J"
    [ "$output" = "$(printf 'store\nfeed\nmove\nuse')" ]
    run jq -r 'select(.type != "store") | .group' "$J"
    [ "$(sort -u <<<"$output" | wc -l)" -eq 1 ]
}

@test "--offered keeps the leftover as a container good for 2 hours after the feed, taken first" {
    store S1 2026-11-21T07:00:00+01:00 fridge 150 B1
    run pumplog log feed 90ml --from-stock --offered 120ml --at 13:00
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 120 ml (30 ml left in the fridge). Kept 30 ml left over as B2: use by today 15:00 (in 55 min, 2 hours after the feed: CDC, "Proper Storage and Preparation of Breast Milk")' ]
    run jq -c 'select(.type == "feed") | .ml' "$J"
    [ "$output" = "90" ]
    run jq -c '.[] | [.label, .ml, .place, .expires, .status]' < <(pumplog stock --format json)
    [ "${lines[0]}" = '["B2",30,"room","2026-11-21T15:00:00+01:00","soon"]' ]
    [ "${lines[1]}" = '["B1",30,"fridge","2026-11-25T07:00:00+01:00","ok"]' ]
    run pumplog stock use 20ml
    [ "$output" = "Took 20 ml: B2 20 ml (10 ml left in the room)" ]
    # past 15:00 it is expired and never taken
    run jq -c '.[] | [.label, .status]' < <(PUMPLOG_NOW=2026-11-21T15:00:00+01:00 pumplog stock --format json)
    [ "${lines[1]}" = '["B2","expired"]' ]
    run pumplog --now 2026-11-21T15:00:00+01:00 stock use 10ml
    [ "$output" = "Took 10 ml: B1 10 ml (20 ml left in the fridge)" ]
}

@test "the leftover of a frozen bag poured whole is thawed milk: never moved back into the freezer" {
    store S1 2026-11-21T07:00:00+01:00 freezer 120 B1
    run pumplog log feed 80ml --from-stock --offered 120ml --at 13:00
    [ "$status" -eq 0 ]
    # Thawed milk at room temperature: 1 hour (the strict end of the CDC's 1-2 hours).
    run jq -c 'select(.type == "store" and .label == "B2") | [.thawed, .until]' "$J"
    [ "$output" = '["2026-11-21T13:00:00+01:00","2026-11-21T14:00:00+01:00"]' ]
    export PUMPLOG_NOW=2026-11-21T13:30:00+01:00
    # The leftover's rule, not "keep it in the fridge" for milk in the room (review s46)
    refused_same pumplog stock move B2 --to freezer
    [ "$stderr" = 'pumplog: error: B2 is thawed milk left over from a feed (2026-11-21 13:00); it is never frozen: left over from a feeding, use within 2 hours after the baby finished (CDC, "Proper Storage and Preparation of Breast Milk"), and thawed milk at room temperature within 1 hour (CDC, "Proper Storage and Preparation of Breast Milk"); use it by 2026-11-21 14:00 or discard it: pumplog stock discard B2' ]
    pumplog stock move B2 --to fridge
    refused_same pumplog stock move B2 --to freezer
    [[ "$stderr" == "pumplog: error: B2 is thawed milk left over from a feed (2026-11-21 13:00); it is never frozen: "* ]]
}

@test "a leftover of milk thawed in the fridge keeps thawed milk's room hour, and its replies quote it" {
    # Thawed in the fridge, poured at 08:00: brought to room temperature then, 1 hour (not the leftover's 2).
    store S1 2026-11-10T07:00:00+01:00 freezer 100 B1
    pumplog --now 2026-11-20T07:00:00+01:00 stock move B1 --to fridge >/dev/null
    run pumplog --now 2026-11-20T08:00:00+01:00 log feed 60ml --from-stock --offered 80ml
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 80 ml (20 ml left in the fridge). Kept 20 ml left over as B2: use by today 09:00 (in 1 h, 1 hour after the feed: thawed milk at room temperature, CDC, "Proper Storage and Preparation of Breast Milk")' ]
    # The fridge gives it no hours back, and the reply quotes the limit it applies.
    run pumplog --now 2026-11-20T08:30:00+01:00 stock move B2 --to fridge
    [ "$output" = 'Moved B2 (20 ml) from the room to the fridge; use by today 09:00 (in 30 min). Thawed milk brought to room temperature keeps no longer in the fridge than it would there (thawed milk at room temperature: up to 1 hour, CDC, "Proper Storage and Preparation of Breast Milk")' ]
}

# Review s46 #2: the bottle's leftover rule, without --offered, said 2 hours for thawed milk that --offered keeps 1 hour.
@test "log feed --from-stock words the bottle's leftover rule as 1 hour when any of its milk was thawed" {
    store S1 2026-11-10T07:00:00+01:00 freezer 100 B1
    store S2 2026-11-20T07:00:00+01:00 fridge 50 B2
    pumplog --now 2026-11-20T07:00:00+01:00 stock move B1 --to fridge >/dev/null
    # thawed B1 and fresh B2 in one bottle: thawed milk at room temperature, 1 hour
    run --separate-stderr pumplog --now 2026-11-20T08:00:00+01:00 log feed 120ml --from-stock
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 100 ml (used up), B2 20 ml (30 ml left in the fridge). Milk the baby leaves in the bottle: use it within 1 hour after the baby finishes, then discard it (thawed milk at room temperature, CDC, "Proper Storage and Preparation of Breast Milk")' ]
    # fresh milk alone: the leftover's 2 hours
    run --separate-stderr pumplog --now 2026-11-20T09:00:00+01:00 log feed 20ml --from-stock
    [ "${lines[1]}" = 'From the stash: B2 20 ml (10 ml left in the fridge). Milk the baby leaves in the bottle: use it within 2 hours after the baby finishes, then discard it (CDC, "Proper Storage and Preparation of Breast Milk")' ]
    # a frozen bag poured whole is thawed to be drunk: 1 hour
    store S3 2026-11-10T07:00:00+01:00 freezer 60 B3
    run --separate-stderr pumplog --now 2026-11-20T10:00:00+01:00 log feed 70ml --from-stock
    [ "${lines[1]}" = 'From the stash: B2 10 ml (used up), B3 60 ml (used up). Milk the baby leaves in the bottle: use it within 1 hour after the baby finishes, then discard it (thawed milk at room temperature, CDC, "Proper Storage and Preparation of Breast Milk")' ]
    # a thawed leftover's refusals quote its hour beside the leftover's 2
    store S4 2026-11-10T07:00:00+01:00 freezer 100 B4
    pumplog --now 2026-11-20T11:00:00+01:00 stock move B4 --to fridge >/dev/null
    pumplog --now 2026-11-20T11:30:00+01:00 log feed 60ml --from-stock --offered 80ml >/dev/null
    refused_same pumplog --now 2026-11-20T11:40:00+01:00 stock combine B5 B2
    local never='pumplog: error: B5 is thawed milk left over from a feed (2026-11-20 11:30); it is never combined with other milk: left over from a feeding, use within 2 hours after the baby finished (CDC, "Proper Storage and Preparation of Breast Milk"), and thawed milk at room temperature within 1 hour (CDC, "Proper Storage and Preparation of Breast Milk"); use it by 2026-11-20 12:30 or discard it: pumplog stock discard B5'
    [ "$stderr" = "$never" ]
    # Review s48: the leftover alone is not given an example pouring it with other milk either
    refused_same pumplog --now 2026-11-20T11:40:00+01:00 stock combine B5
    [ "$stderr" = "$never" ]
}

@test "a leftover of milk thawed straight into the room keeps the same hour; fresh milk's keeps 2 hours" {
    store S1 2026-11-10T07:00:00+01:00 freezer 100 B1
    pumplog --now 2026-11-20T08:00:00+01:00 stock move B1 --to room >/dev/null
    run pumplog --now 2026-11-20T08:00:00+01:00 log feed 60ml --from-stock --offered 80ml
    [ "$status" -eq 0 ]
    run jq -c 'select(.type == "store" and .label == "B2") | [.thawed, .until]' "$J"
    [ "$output" = '["2026-11-20T08:00:00+01:00","2026-11-20T09:00:00+01:00"]' ]
    store S3 2026-11-20T07:00:00+01:00 fridge 100 B3
    run pumplog --now 2026-11-20T10:00:00+01:00 log feed 60ml --from-stock --offered 80ml
    [ "${lines[1]}" = 'From the stash: B3 80 ml (20 ml left in the fridge). Kept 20 ml left over as B4: use by today 12:00 (in 2 h, 2 hours after the feed: CDC, "Proper Storage and Preparation of Breast Milk")' ]
}

@test "stock expiring tells a leftover's parent to use it by its time or throw it away, not to refrigerate it" {
    store S1 2026-11-21T07:00:00+01:00 fridge 100 B1
    pumplog --now 2026-11-21T09:00:00+01:00 log feed 60ml --from-stock --offered 80ml >/dev/null
    run pumplog --now 2026-11-21T09:30:00+01:00 stock expiring
    [ "$status" -eq 0 ]
    [ "$output" = "B2 20 ml in the room expires today 11:00 (in 1 h 30 min): use it by 11:00 or throw it away" ]
    # The fridge keeps it no longer: the same advice there.
    pumplog --now 2026-11-21T09:31:00+01:00 stock move B2 --to fridge >/dev/null
    run pumplog --now 2026-11-21T10:45:00+01:00 stock expiring --within 1h
    [ "$output" = "B2 20 ml in the fridge expires today 11:00 (in 15 min): use it by 11:00 or throw it away" ]
    # Fresh milk at room temperature: the fridge does keep it longer.
    store S3 2026-11-21T10:00:00+01:00 room 60 B3
    run pumplog --now 2026-11-21T13:00:00+01:00 stock expiring --within 2h
    [ "${#lines[@]}" -eq 2 ]
    [ "${lines[0]}" = "B2 20 ml in the fridge expired today 11:00 (2 h ago): discard it" ]
    [ "${lines[1]}" = "B3 60 ml in the room expires today 14:00 (in 1 h): use it now or put it in the fridge" ]
}

@test "--offered is refused without --from-stock or below what was drunk" {
    store S1 2026-11-21T07:00:00+01:00 fridge 150 B1
    refused_same pumplog log feed 90ml --offered 120ml
    [ "$stderr" = "pumplog: error: --offered goes with --from-stock (the leftover is kept in the stash): log feed 90ml --from-stock --offered 120ml" ]
    refused_same pumplog log feed 90ml --from-stock --offered 60ml
    [ "$stderr" = "pumplog: error: --offered 60 ml is less than the 90 ml drunk; give what the bottle held, at least 90 ml" ]
}

@test "stock combine dates by the oldest milk, expires with the earliest part, new label" {
    store S1 2026-11-20T09:00:00+01:00 fridge 100 B1
    store S2 2026-11-19T09:00:00+01:00 fridge 50 B2
    run --separate-stderr pumplog stock combine B1 B2
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "$output" = "Combined B1 + B2 into B3: 150 ml in the fridge, dated by its oldest milk (2026-11-19 09:00); use by 2026-11-23 09:00 (in 42 h 55 min)" ]
    run jq -c '.[] | [.label, .ml, .place, .pumped, .expires]' < <(pumplog stock --format json)
    [ "$output" = '["B3",150,"fridge","2026-11-19T09:00:00+01:00","2026-11-23T09:00:00+01:00"]' ]
}

@test "stock combine refuses thawed milk into the freezer, and warns about warm milk onto chilled" {
    store S1 2026-10-01T09:00:00+02:00 freezer 100 B1
    move M1 2026-11-21T10:00:00+01:00 S1 fridge
    store S2 2026-11-21T13:00:00+01:00 fridge 50 B2
    refused_same pumplog stock combine B1 B2 --in freezer
    [ "$stderr" = 'pumplog: error: B1 was thawed at 2026-11-21 10:00; never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); combine it --in fridge, and only milk never thawed into the freezer' ]
    refused_same pumplog stock combine B1
    refused_same pumplog stock combine B1 b1
    store S3 2026-11-21T14:00:00+01:00 room 40 B3
    run --separate-stderr pumplog stock combine B2 B3 --in fridge
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: B3 is fresh milk at room temperature and B2 is chilled: cool fresh milk in the refrigerator or in a cooler with ice packs before combining it with previously chilled or frozen milk (CDC)" ]
    # thawed + fresh in the fridge: thawed milk, the thawed part's 24 hours
    run pumplog stock combine B1 B4
    [ "$status" -eq 0 ]
    run jq -c '.[] | [.label, .ml, .thawed, .expires]' < <(pumplog stock --format json)
    [ "$output" = '["B5",190,"2026-11-21T10:00:00+01:00","2026-11-22T10:00:00+01:00"]' ]
}

@test "log names containers by label, and undo takes back a whole command" {
    run pumplog add 90ml --at 13:00 --store fridge
    [ "$status" -eq 0 ]
    run pumplog stock move B1 --to freezer
    run pumplog log feed 60ml --from-stock --thaw --offered 80ml
    run pumplog log
    [[ "$output" == *"moved B1 to the freezer"* ]]
    [[ "$output" == *"moved B1 to the fridge"* ]]
    [[ "$output" == *"used 80 ml of B1"* ]]
    run pumplog log undo
    [[ "$output" == "Undid bottle 60 ml of breast milk at 2026-11-21 14:05 (ref "*"); with it: moved B1 to the fridge, used 80 ml of B1, stored B2 20 ml in the room" ]]
    run jq -c '.[] | [.label, .ml, .place]' < <(pumplog stock --format json)
    [ "$output" = '["B1",90,"freezer"]' ]
    run pumplog log undo   # the move
    run pumplog log undo   # the pump and its container, together
    [[ "$output" == "Undid pumped 90 ml at 2026-11-21 13:00 (ref "*"); with it: stored B1 90 ml in the fridge" ]]
    run pumplog log --format json
    [ "$output" = "[]" ]
    run pumplog log rm nothing
    [ "$status" -eq 2 ]
}

@test "log rm of one line of a combine voids all its parts in one write" {
    store S1 2026-11-20T09:00:00+01:00 fridge 100 B1
    store S2 2026-11-19T09:00:00+01:00 fridge 50 B2
    pumplog stock combine B1 B2
    ref="$(pumplog log --format json | jq -r '.[] | select(.type=="use") | .ref' | head -1)"
    lines_before="$(wc -l <"$J")"
    run pumplog log rm "$ref"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 3 ]
    [ "$(( $(wc -l <"$J") - lines_before ))" -eq 3 ]
    run jq -c '[.[] | .label] | sort' < <(pumplog stock --format json)
    [ "$output" = '["B1","B2"]' ]
}

@test "config set guideline abm and nicu change the limits" {
    store S1 2026-11-20T09:00:00+01:00 fridge 100 B1
    run jq -r '.[0].expires' < <(pumplog stock --format json)
    [ "$output" = "2026-11-24T09:00:00+01:00" ]
    pumplog config set guideline nicu
    run jq -r '.[0].expires' < <(pumplog stock --format json)
    [ "$output" = "2026-11-22T09:00:00+01:00" ]
    pumplog config set guideline ABM
    run pumplog config get guideline
    [ "$output" = "abm" ]
    run pumplog log feed 50ml --from-stock --offered 60ml
    [[ "${lines[1]}" == *"Kept 10 ml left over as B2: use by today 15:05 (in 1 h, 1 hour after the feed: ABM Clinical Protocol #8, revised 2017)" ]]
    run --separate-stderr pumplog config set guideline who
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: guideline takes cdc, abm or nicu, not "who"' ]
}

@test "undo or rm of a command whose container a later command used is refused, the journal byte-identical" {
    store S1 2026-11-21T07:00:00+01:00 fridge 150 B1
    pumplog log feed 90ml --from-stock --offered 120ml --at 13:00
    pumplog stock use 20ml   # from the leftover B2
    feed="$(pumplog log --format json | jq -r '.[] | select(.type=="feed") | .ref')"
    refused_same pumplog log rm "$feed"
    [[ "$stderr" == "pumplog: error: a later entry depends on this one (used 20 ml of B2 at 2026-11-21 14:05, ref "*"); take that back first" ]]
    use="$(pumplog log --format json | jq -r '.[] | select(.type=="use" and .ml==20) | .ref')"
    # both at once is fine
    run pumplog log rm "$feed" "$use"
    [ "$status" -eq 0 ]
    run jq -c '.[] | [.label, .ml]' < <(pumplog stock --format json)
    [ "$output" = '["B1",150]' ]
}

@test "log edit refuses a store or use amount that takes more out of a container than went in, the journal byte-identical" {
    pumplog stock add 100ml --in fridge --pumped "today 8:00am" --label B35
    pumplog stock use 80ml
    store="$(pumplog log --format json | jq -r '.[] | select(.type=="store") | .ref')"
    use="$(pumplog log --format json | jq -r '.[] | select(.type=="use") | .ref')"
    refused_same pumplog log edit "$store" --amount 50ml
    [ "$stderr" = "pumplog: error: only 50 ml would be in B35, not the 80 ml used from it at 2026-11-21 14:05 (ref $use); correct or take back that use first" ]
    refused_same pumplog log edit "$use" --amount 500ml
    [ "$stderr" = "pumplog: error: only 100 ml is in B35 at 2026-11-21 14:05, not 500 ml: a use takes no more than is in its container" ]
    # times too: a use before its store, a store after its use
    refused_same pumplog log edit "$use" --at 13:00
    [ "$stderr" = "pumplog: error: B35 was stored at 2026-11-21 14:05; this use would come before it" ]
    refused_same pumplog log edit "$store" --at "2026-11-21 14:30" --force
    [ "$stderr" = "pumplog: error: B35 would be stored at 2026-11-21 14:30, after an entry of it (used 80 ml of B35 at 2026-11-21 14:05, ref $use); correct or take back that entry first" ]
    # a move or a discard has no amount to edit
    pumplog stock move B35 --to room
    move="$(pumplog log --format json | jq -r '.[] | select(.type=="move") | .ref')"
    refused_same pumplog log edit "$move" --amount 20ml
    [ "$stderr" = "pumplog: error: a move has no amount; --amount goes with a pump, a bottle feed, a store or a use" ]
    # what fits is written, and the reply names the container by its label (SPEC 11)
    run --separate-stderr pumplog log edit "$use" --amount 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Changed $use to used 90 ml of B35 at 2026-11-21 14:05" ]
    run pumplog log check
    [ "$status" -eq 0 ]
    run jq -c '.[] | [.label, .ml]' < <(pumplog stock --format json)
    [ "$output" = '["B35",10]' ]
}

@test "log rm or undo of a thaw that a later use depends on is refused, and so is an edit that pours frozen milk" {
    store S1 2026-11-01T08:00:00+01:00 freezer 150 B1
    pumplog stock move B1 --to fridge --at 10:00
    pumplog stock use 30ml
    move="$(pumplog log --format json | jq -r '.[] | select(.type=="move") | .ref')"
    use="$(pumplog log --format json | jq -r '.[] | select(.type=="use") | .ref')"
    refused_same pumplog log rm "$move"
    [ "$stderr" = "pumplog: error: a later entry depends on this one (used 30 ml of B1 at 2026-11-21 14:05, ref $use); take that back first" ]
    refused_same pumplog log edit "$move" --at "2026-11-21 14:30" --force
    [ "$stderr" = "pumplog: error: B1 would still be in the freezer when 30 ml of its 150 ml is poured (used 30 ml of B1 at 2026-11-21 14:05, ref $use): frozen milk is used only once thawed; correct or take back that entry first" ]
    # the bag stays thawed in the fridge, never back in the freezer
    run jq -c '.[] | [.label, .ml, .place]' < <(pumplog stock --format json)
    [ "$output" = '["B1",120,"fridge"]' ]
    # both at once is fine
    run pumplog log rm "$move" "$use"
    [ "$status" -eq 0 ]
    run jq -c '.[] | [.label, .ml, .place]' < <(pumplog stock --format json)
    [ "$output" = '["B1",150,"freezer"]' ]
}

@test "log undo of a thaw written after the use that depends on it (a merge) is refused" {
    store S1 2026-11-01T08:00:00+01:00 freezer 150 B1
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-21T12:00:00+01:00","target":"S1","ml":30}'
    move M1 2026-11-21T10:00:00+01:00 S1 fridge
    refused_same pumplog log undo
    [ "$stderr" = "pumplog: error: a later entry depends on this one (used 30 ml of B1 at 2026-11-21 12:00, ref u1); take that back first" ]
}

@test "taking back a correction is refused when a later use depends on it" {
    pumplog stock add 50ml --in fridge --at 09:00
    store="$(pumplog log --format json | jq -r '.[0].ref')"
    pumplog log edit "$store" --amount 100ml
    pumplog stock use 80ml
    use="$(pumplog log --format json | jq -r '.[] | select(.type=="use") | .ref')"
    amend="$(jq -r 'select(.type=="amend") | .id' "$J")"
    refused_same pumplog log rm "$amend"
    [ "$stderr" = "pumplog: error: only 50 ml would be in B1, not the 80 ml used from it at 2026-11-21 14:05 (ref $use); correct or take back that use first" ]
}

@test "a use that poured a container into a combined one is not edited alone" {
    store S1 2026-11-20T09:00:00+01:00 fridge 60 B1
    store S2 2026-11-20T10:00:00+01:00 fridge 50 B2
    pumplog stock combine B1 B2
    use="$(pumplog log --format json | jq -r '[.[] | select(.type=="use")][0].ref')"
    combined="$(pumplog log --format json | jq -r '.[] | select(.type=="store" and .label=="B3") | .ref')"
    refused_same pumplog log edit "$use" --amount 20ml
    [ "$stderr" = "pumplog: error: this use poured B1 into B3 when they were combined (2026-11-21 14:05); a combine is corrected whole: take it back (pumplog log rm $combined) and combine again" ]
}

@test "log edit of an add --store pump moves its container's milk time and volume, and so its expiry" {
    pumplog add 80ml --store fridge --at "2026-11-21 08:00" >/dev/null
    pumplog log feed 60ml --from-stock --at "2026-11-21 09:00" >/dev/null
    pump=$(jq -r 'select(.type=="pump") | .id' "$J")
    run --separate-stderr pumplog log edit "${pump: -4}" --at "2026-11-20 08:00" --amount 70ml
    [ "$status" -eq 0 ]
    run pumplog stock --format json
    [ "$(jq -c '.[0] | [.label, .ml, .pumped, .expires]' <<<"$output")" = \
        '["B1",10,"2026-11-20T08:00:00+01:00","2026-11-24T08:00:00+01:00"]' ]
    # One correction: log undo takes back the pump's and its container's together.
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    [[ "$output" == *"; with it: the correction of B1" ]]
    run pumplog stock --format json
    [ "$(jq -c '.[0] | [.ml, .pumped]' <<<"$output")" = '[20,"2026-11-21T08:00:00+01:00"]' ]
    run pumplog log --format json
    [ "$(jq -c '.[] | select(.type=="pump") | [.ml, .at]' <<<"$output")" = '[80,"2026-11-21T08:00:00+01:00"]' ]
    pumplog log edit "${pump: -4}" --at "2026-11-20 08:00" --amount 70ml >/dev/null
    # Less than was already poured from the container is refused, nothing written.
    before=$(journal_sum)
    run --separate-stderr pumplog log edit "${pump: -4}" --amount 50ml
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pumplog: error: only 50 ml would be in B1, not the 60 ml used from it"* ]]
    [ "$(journal_sum)" = "$before" ]
    # A container stored when pumped, its own time corrected: its milk's time goes with it.
    store=$(jq -r 'select(.type=="store") | .id' "$J")
    pumplog log edit "${store: -4}" --at "2026-11-19 08:00" >/dev/null
    run pumplog stock --format json
    [ "$(jq -r '.[0].expires' <<<"$output")" = "2026-11-23T08:00:00+01:00" ]
}

# Review N, finding 4: the container's volume, pumped time and expiry changed under a reply that named only the pump.
@test "log edit of an add --store pump says what it made of its container: volume, pumped time, use-by" {
    pumplog add 90ml --store fridge --at 09:00 >/dev/null
    pump=$(jq -r 'select(.type=="pump") | .id' "$J")
    ref=${pump: -4}
    ref=${ref,,}
    run --separate-stderr pumplog log edit "$ref" --amount 95ml --at 08:30
    [ "$status" -eq 0 ]
    [ "$output" = "Changed $ref to pumped 95 ml at 2026-11-21 08:30; with it: B1 now 95 ml pumped today 08:30,"\
" use by 2026-11-25 08:30 (in 3 d 18 h)" ]
    # a correction the container does not follow (a note) names none
    run --separate-stderr pumplog log edit "$ref" --note "slow"
    [ "$output" = "Changed $ref to pumped 95 ml at 2026-11-21 08:30, note \"slow\"" ]
    # part poured: what is left; frozen: the best-by date too
    pumplog log feed 40ml --from-stock --at 10:00 >/dev/null
    run --separate-stderr pumplog log edit "$ref" --at "yesterday 22:00"
    [ "$output" = "Changed $ref to pumped 95 ml at 2026-11-20 22:00; with it: B1 now 95 ml pumped yesterday 22:00,"\
" 55 ml left, use by 2026-11-24 22:00 (in 3 d 7 h)" ]
    pumplog add 100ml --store freezer --at 11:00 >/dev/null
    frozen=$(jq -r 'select(.type=="pump" and .ml==100) | .id' "$J")
    frozen=${frozen: -4}
    run --separate-stderr pumplog log edit "${frozen,,}" --at 10:40
    [ "$output" = "Changed ${frozen,,} to pumped 100 ml at 2026-11-21 10:40; with it: B2 now 100 ml pumped"\
" today 10:40, use by 2027-11-21 10:40 (in 364 d), best by 2027-05-22" ]
    # used up: no use-by
    pumplog stock use B1 >/dev/null
    run --separate-stderr pumplog log edit "$ref" --at "yesterday 21:00"
    [ "$output" = "Changed $ref to pumped 95 ml at 2026-11-20 21:00; with it: B1 now 95 ml pumped yesterday 21:00"\
" (used up)" ]
}

@test "log edit refuses a new time for a feed from the stash: its leftover's 2 hours run from the feed" {
    store S1 2026-11-21T08:00:00+01:00 fridge 150 B1
    pumplog log feed 90ml --from-stock --offered 120ml --at 13:00 >/dev/null
    feed=$(jq -r 'select(.type=="feed") | .id' "$J")
    before=$(journal_sum)
    run --separate-stderr pumplog log edit "${feed: -4}" --at 10:00
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pumplog: error: this feed took its milk from the stash (B1) at 2026-11-21 13:00,"* ]]
    ref=${feed: -4}
    [[ "$stderr" == *"take it back (pumplog log rm ${ref,,}) and log it again with --at" ]]
    [ "$(journal_sum)" = "$before" ]
    run pumplog stock --format json
    [ "$(jq -r '.[] | select(.label=="B2") | .expires' <<<"$output")" = "2026-11-21T15:00:00+01:00" ]
    # Its amount and note may still be corrected, and a feed not from the stash moves freely.
    pumplog log edit "${feed: -4}" --note "slow" >/dev/null
    pumplog log feed 60ml --at 11:00 >/dev/null
    other=$(jq -r 'select(.type=="feed" and .ml==60) | .id' "$J")
    pumplog log edit "${other: -4}" --at 10:30 >/dev/null
}

@test "log edit --pumped corrects when a container's milk was expressed, and so its expiry" {
    pumplog stock add 120ml --in fridge --pumped "yesterday 22:10" --at 10:00 >/dev/null
    store=$(jq -r 'select(.type=="store") | .id' "$J")
    run --separate-stderr pumplog log edit "${store: -4}" --pumped "2026-11-18 22:10"
    [ "$status" -eq 0 ]
    run pumplog stock --format json
    [ "$(jq -c '.[0] | [.pumped, .expires]' <<<"$output")" = \
        '["2026-11-18T22:10:00+01:00","2026-11-22T22:10:00+01:00"]' ]
    before=$(journal_sum)
    run --separate-stderr pumplog log edit "${store: -4}" --pumped "11:00"
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: milk pumped at 2026-11-21 11:00 cannot be stored before, at 2026-11-21 10:00" ]
    [ "$(journal_sum)" = "$before" ]
}

@test "log edit of a feed's amount moves the use that poured its bottle from the stash, or is refused" {
    store S1 2026-11-21T08:00:00+01:00 fridge 150 B1
    store S2 2026-11-21T08:00:00+01:00 fridge 50 B2 2026-11-21T07:00:00+01:00
    pumplog log feed 40ml --from-stock --at 11:00 >/dev/null
    feed=$(jq -r 'select(.type=="feed") | .id' "$J")
    run --separate-stderr pumplog log edit "${feed: -4}" --amount 45ml
    [ "$status" -eq 0 ]
    # the reply names the use that followed, and what is left of its container
    ref=${feed: -4}
    [ "$output" = "Changed ${ref,,} to bottle 45 ml of breast milk at 2026-11-21 11:00; with it: used 45 ml of B2,"\
" 5 ml left, use by 2026-11-25 07:00 (in 3 d 16 h)" ]
    run pumplog stock --format json
    [ "$(jq -c '[.[] | [.label, .ml]]' <<<"$output")" = '[["B2",5],["B1",150]]' ]
    # More than the container held is refused as stock use refuses it, nothing written.
    before=$(journal_sum)
    run --separate-stderr pumplog log edit "${feed: -4}" --amount 60ml
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: only 50 ml is in B2 at 2026-11-21 11:00, not 60 ml: a use takes no more than is in"\
" its container" ]
    [ "$(journal_sum)" = "$before" ]
    run --separate-stderr pumplog log undo
    [[ "$output" == *"; with it: the correction of its use of the stash" ]]
    run pumplog stock --format json
    [ "$(jq -c '[.[] | [.label, .ml]]' <<<"$output")" = '[["B2",10],["B1",150]]' ]
    # A bottle poured from two containers, or with a leftover kept, is corrected whole.
    pumplog log feed 100ml --from-stock --at 11:30 >/dev/null
    two=$(jq -r 'select(.type=="feed" and .ml==100) | .id' "$J")
    before=$(journal_sum)
    run --separate-stderr pumplog log edit "${two: -4}" --amount 90ml
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pumplog: error: this feed's bottle was poured from the stash (B2, B1); a feed from the "* ]]
    run --separate-stderr pumplog log edit "${two: -4}" --breast --left 5m
    [ "$status" -eq 2 ]
    [ "$(journal_sum)" = "$before" ]
}

@test "log undo of an rm is refused when what it brings back could not have happened (lines merged from a device)" {
    journal_line '{"v":1,"id":"S1","type":"store","at":"2026-11-21T08:00:00+01:00","ml":100,"place":"fridge","pumped":"2026-11-21T08:00:00+01:00","label":"B1"}'
    journal_line '{"v":1,"id":"U2","type":"use","at":"2026-11-21T11:20:00+01:00","target":"S1","ml":100}'
    journal_line '{"v":1,"id":"U1","type":"use","at":"2026-11-21T11:10:00+01:00","target":"S1","ml":60}'
    journal_line '{"v":1,"id":"V1","type":"void","at":"2026-11-21T11:30:00+01:00","target":"U1","group":"V1"}'
    refused_same pumplog log undo
    [ "$stderr" = "pumplog: error: the removed entries cannot come back: only 40 ml would be in B1, not the 100 ml used from it at 2026-11-21 11:20 (ref u2); correct or take back that use first" ]
}

# Review s48 #1: a feed dated before its bag's recorded thaw was refused as "used 40 ml of B1 ..., ref x; correct
# or take back that entry first", naming the refused use (never written) as an entry; --thaw got the same text.
@test "a feed dated before its bag's recorded thaw is refused as the feed's own, naming the thaw and what is accepted" {
    store S1 2026-11-01T08:00:00+01:00 freezer 100 B1
    pumplog stock move B1 --to fridge --at 10:00
    move="$(pumplog log --format json | jq -r '.[] | select(.type=="move") | .ref')"
    local why='frozen milk is used only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); its thaw is recorded later (moved B1 to the fridge at 2026-11-21 10:00, ref '"$move"'), and --thaw cannot thaw it again before that; give a time at or after 2026-11-21 10:00'
    refused_same pumplog log feed 40ml --bottle --from-stock --at 09:00
    [ "$stderr" = "pumplog: error: B1 is still in the freezer at 2026-11-21 09:00, and 40 ml of its 100 ml would be poured: $why (--at), or first correct that thaw's time: pumplog log edit $move --at \"2026-11-21 09:00\"" ]
    refused_same pumplog log feed 40ml --bottle --from-stock --at 09:00 --thaw
    [ "$stderr" = "pumplog: error: B1 is still in the freezer at 2026-11-21 09:00, and 40 ml of its 100 ml would be poured: $why (--at), or first correct that thaw's time: pumplog log edit $move --at \"2026-11-21 09:00\"" ]
    refused_same pumplog stock use 40ml --thaw --now "2026-11-21 09:00"
    [ "$stderr" = "pumplog: error: B1 is still in the freezer at 2026-11-21 09:00, and 40 ml of its 100 ml would be poured: $why (--now), or first correct that thaw's time: pumplog log edit $move --at \"2026-11-21 09:00\"" ]
    # Without --thaw too: the refusal's "add --thaw" would be refused as well (review s48, left open then).
    refused_same pumplog stock use 40ml --now "2026-11-21 09:00"
    [ "$stderr" = "pumplog: error: B1 is still in the freezer at 2026-11-21 09:00, and 40 ml of its 100 ml would be poured: $why (--now), or first correct that thaw's time: pumplog log edit $move --at \"2026-11-21 09:00\"" ]
    # both ways out are accepted: the time of the thaw, or the thaw's time corrected first
    run --separate-stderr pumplog log feed 40ml --bottle --from-stock --at 10:00
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "From the stash: B1 40 ml (60 ml left in the fridge). Milk the baby leaves in the bottle: use it within 1 hour after the baby finishes, then discard it (thawed milk at room temperature, CDC, \"Proper Storage and Preparation of Breast Milk\")" ]
    run --separate-stderr pumplog log edit "$move" --at "2026-11-21 09:00"
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog log feed 20ml --bottle --from-stock --at 09:00
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "From the stash: B1 20 ml (40 ml left in the fridge). "* ]]
}

# Review: a back-dated feed chose B2 by its thaw recorded that evening, and was refused, though fridge milk (B1)
# was there at the feed's time; stock use at that time took B1.
@test "a back-dated feed from the stash takes the milk usable at its time, not a bag thawed later" {
    store S1 2026-11-20T08:00:00+01:00 fridge 120 B1
    store S2 2026-11-01T08:00:00+01:00 freezer 120 B2
    move M2 2026-11-21T13:00:00+01:00 S2 fridge
    cp "$J" "$BATS_TEST_TMPDIR/base"
    local from='From the stash: B1 90 ml (30 ml left in the fridge). Milk the baby leaves in the bottle: use it within 2 hours after the baby finishes, then discard it (CDC, "Proper Storage and Preparation of Breast Milk")'
    run --separate-stderr pumplog log feed 90ml --from-stock --at 11:00
    [ "$status" -eq 0 ]
    [ "$output" = "Logged bottle 90 ml of breast milk at 11:00, 3 h 5 min ago
$from" ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml, .at]')" = '["use","S1",90,"2026-11-21T11:00:00+01:00"]' ]
    [ "$(wc -l <"$J")" -eq 5 ]
    cp "$BATS_TEST_TMPDIR/base" "$J"
    run --separate-stderr pumplog log feed 90ml --from-stock --thaw --at 11:00
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "$from" ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S1",90]' ]
    [ "$(wc -l <"$J")" -eq 5 ]  # no thaw written
    # --now in the past, without --at: the same as stock use then
    cp "$BATS_TEST_TMPDIR/base" "$J"
    run --separate-stderr pumplog --now "2026-11-21 11:00" log feed 90ml --from-stock
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "$from" ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S1",90]' ]
    cp "$BATS_TEST_TMPDIR/base" "$J"
    run --separate-stderr pumplog --now "2026-11-21 11:00" stock use 90ml
    [ "$output" = "Took 90 ml: B1 90 ml (30 ml left in the fridge)" ]
    # What is left is said as of now: with a later feed's 20 ml taken from B1 too
    cp "$BATS_TEST_TMPDIR/base" "$J"
    pumplog log feed 20ml --from-stock --at 12:00 >/dev/null
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S1",20]' ]
    run --separate-stderr pumplog log feed 90ml --from-stock --at 11:00
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "From the stash: B1 90 ml (10 ml left in the fridge). "* ]]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S1",90]' ]
    # From the thaw on, the thawed bag (it expires first) is taken
    cp "$BATS_TEST_TMPDIR/base" "$J"
    run --separate-stderr pumplog log feed 90ml --from-stock --at 13:30
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "From the stash: B2 90 ml (30 ml left in the fridge). "* ]]
    # More than B1 holds: refused as stock use then refuses it, the journal byte-identical
    cp "$BATS_TEST_TMPDIR/base" "$J"
    local why='pumplog: error: B2 would be used up at 2026-11-21 11:00, before an entry of it (moved B2 to the fridge at 2026-11-21 13:00, ref m2); correct or take back that entry first'
    refused_same pumplog log feed 150ml --from-stock --at 11:00
    [ "$stderr" = "$why" ]
    refused_same pumplog --now "2026-11-21 11:00" stock use 150ml
    [ "$stderr" = "$why" ]
}

# Review: stock combine with --now in the past judged a bag by its thaw recorded later and poured it while frozen,
# writing a use that left the later thaw skipped as a move after the bag was used up.
@test "stock combine takes the parts as they are at its time: a bag thawed later is still frozen" {
    store S1 2026-11-20T08:00:00+01:00 fridge 120 B1
    store S2 2026-11-01T08:00:00+01:00 freezer 120 B2
    move M2 2026-11-21T13:00:00+01:00 S2 fridge
    local why='pumplog: error: B2 would be used up at 2026-11-21 11:00, before an entry of it (moved B2 to the fridge at 2026-11-21 13:00, ref m2); correct or take back that entry first'
    # --thaw would be refused too: that refusal is said, not "add --thaw"
    refused_same pumplog --now "2026-11-21 11:00" stock combine B1 B2
    [ "$stderr" = "$why" ]
    refused_same pumplog --now "2026-11-21 11:00" stock combine B1 B2 --thaw
    [ "$stderr" = "$why" ]
    run --separate-stderr pumplog --now "2026-11-21 13:30" stock combine B1 B2
    [ "$status" -eq 0 ]
    [[ "$output" == "Combined B1 + B2 into B3: 240 ml in the fridge, "* ]]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [[ "$stderr$output" != *note* ]]
}

# Review (fix-stash2 #3): combine said "no container is labelled "B1"" of a container used up (the stash as of now
# forgets it) or not stored yet at a --now in the past; stock use and stock move name the real reason.
@test "stock combine names why a part cannot be poured: used up, discarded, or stored only later" {
    export PUMPLOG_NOW="2026-11-29T14:00:00+01:00"
    pumplog stock add 60ml --in fridge --now "2026-11-29 10:00" >/dev/null
    pumplog stock add 70ml --in fridge --now "2026-11-29 10:01" >/dev/null
    pumplog stock use B1 --now "2026-11-29 11:00" >/dev/null
    refused_same pumplog stock combine B1 B2 --now "2026-11-29 12:00"
    [ "$stderr" = "pumplog: error: B1 is used up; see pumplog stock --all" ]
    refused_same pumplog stock combine B2 B1 --thaw
    [ "$stderr" = "pumplog: error: B1 is used up; see pumplog stock --all" ]
    refused_same pumplog stock combine B1
    [ "$stderr" = "pumplog: error: B1 is used up; see pumplog stock --all" ]
    refused_same pumplog stock combine B1 B2 --now "2026-11-29 10:00:30"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01; a combine cannot come before that: give a time at or after 2026-11-29 10:01 (--now)" ]
    refused_same pumplog stock combine B2 B1 --now "2026-11-29 09:00"
    [ "$stderr" = "pumplog: error: B2 was stored only at 2026-11-29 10:01 and B1 at 2026-11-29 10:00; a combine cannot come before that: give a time at or after 2026-11-29 10:01 (--now)" ]
    pumplog stock add 50ml --in fridge --now "2026-11-29 12:00" >/dev/null
    pumplog stock discard B3 --reason spilled --now "2026-11-29 12:30" >/dev/null
    refused_same pumplog stock combine B2 B3
    [ "$stderr" = "pumplog: error: B3 was discarded; see pumplog stock --all" ]
    # A label no container ever had is still said so.
    refused_same pumplog stock combine B2 B9
    [ "$stderr" = 'pumplog: error: no container is labelled "B9"; see pumplog stock --all' ]
    # Before B1's use at 11:00, that use is the reason, as for stock use.
    refused_same pumplog stock combine B1 B2 --now "2026-11-29 10:30"
    [[ "$stderr" == "pumplog: error: B1 would be used up at 2026-11-29 10:30, before an entry of it "* ]]
}

@test "log edit corrects a stash entry's place, label and reason; a taken label, a wrong option or a frozen part is refused" {
    store S1xxx 2026-11-21T09:00:00+01:00 fridge 100 B1
    store S2xxx 2026-11-21T09:30:00+01:00 fridge 60 B2
    journal_line '{"v":1,"id":"D2xxx","type":"discard","at":"2026-11-21T10:00:00+01:00","target":"S2xxx","reason":"smelly"}'
    journal_line '{"v":1,"id":"U1xxx","type":"use","at":"2026-11-21T11:00:00+01:00","target":"S1xxx","ml":30}'
    run --separate-stderr pumplog log edit d2xxx --reason sour
    [ "$status" -eq 0 ]; [ "$output" = "Changed d2xxx to discarded B2: sour at 2026-11-21 10:00" ]
    [ "$(jq -sc '.[-1].set' "$J")" = '{"reason":"sour"}' ]
    run --separate-stderr pumplog log edit s1xxx --label F7
    [ "$status" -eq 0 ]
    [ "$(pumplog stock --format json | jq -r '.[0].label')" = "F7" ]
    refused_same pumplog log edit s2xxx --label F7
    [ "$stderr" = 'pumplog: error: label "F7" is taken; the next free one is B3' ]
    refused_same pumplog log edit s1xxx --to freezer
    [ "$stderr" = "pumplog: error: a stored container's place is where it was stored: --in" ]
    refused_same pumplog log edit d2xxx --in fridge
    [ "$stderr" = "pumplog: error: --in goes with a stored container, --to with a move" ]
    # Stored in the freezer, part of it could not have been poured at 11:00 (frozen milk is used once thawed).
    refused_same pumplog log edit s1xxx --in freezer
    [[ "$stderr" == "pumplog: error: F7 would still be in the freezer when 30 ml of its "* ]]
    run --separate-stderr pumplog log edit s2xxx --in freezer
    [ "$status" -eq 0 ]
    [ "$(pumplog stock --all --format json | jq -r '.[] | select(.label == "B2") | .place')" = "freezer" ]
}

@test "stock use and log feed --from-stock pour fridge milk that covers the amount, not part of a frozen bag" {
    store S1 2026-11-21T07:00:00+01:00 fridge 100 B1
    # Frozen a year ago: its freezer date is tonight, 2026-11-22 00:00, sooner than B1's.
    store S2 2026-11-01T08:00:00+01:00 freezer 150 B2 2025-11-22T00:00:00+01:00
    run --separate-stderr pumplog stock use 50ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50 ml: B1 50 ml (50 ml left in the fridge)" ]
    run --separate-stderr pumplog log feed 30ml --from-stock
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "From the stash: B1 30 ml (20 ml left in the fridge). "* ]]
    # The fridge cannot cover 120 ml: part of B2 would be poured; its rest would keep until its freezer date only.
    refused_same pumplog stock use 120ml
    [ "$stderr" = 'pumplog: error: B2 is frozen and 120 ml of its 150 ml would be poured: frozen milk is used only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw to thaw all of B2 (the rest keeps only 9 h 55 min in the fridge: its freezer date comes before the 1 day thawed milk keeps), or take it whole: pumplog stock use B2' ]
    refused_same pumplog log feed 120ml --from-stock
    [[ "$stderr" == *"; add --thaw to this log feed to thaw all of B2 (the rest keeps only 9 h 55 min in the fridge: its freezer date comes before the 1 day thawed milk keeps)" ]]
    # A frozen bag taken whole needs no --thaw.
    run --separate-stderr pumplog stock use 160ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 160 ml: B2 150 ml (used up), B1 10 ml (10 ml left in the fridge)" ]
}

@test "a leftover is taken first when it expires with the milk it was poured from, and says that expiry applies" {
    # B1's 4 days in the fridge end at 15:00, before the feed's 2 hours do (16:05).
    store S1 2026-11-17T15:00:00+01:00 fridge 150 B1
    run --separate-stderr pumplog log feed 90ml --from-stock --offered 120ml
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 120 ml (30 ml left in the fridge). Kept 30 ml left over as B2: use by today 15:00 (in 55 min, when the milk of B1 expires, before 2 hours after the feed: CDC, "Proper Storage and Preparation of Breast Milk")' ]
    run jq -c '[.[] | [.label, .expires]]' < <(pumplog stock --format json)
    [ "$output" = '[["B2","2026-11-21T15:00:00+01:00"],["B1","2026-11-21T15:00:00+01:00"]]' ]
    run pumplog stock use 20ml
    [ "$output" = "Took 20 ml: B2 20 ml (10 ml left in the room)" ]
}

@test "under nicu the leftover limit cites the profile it comes from" {
    store S1 2026-11-21T07:00:00+01:00 fridge 150 B1
    pumplog config set guideline nicu
    run --separate-stderr pumplog log feed 50ml --from-stock --offered 60ml
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 60 ml (90 ml left in the fridge). Kept 10 ml left over as B2: use by today 15:05 (in 1 h, 1 hour after the feed: ABM Clinical Protocol #8, revised 2017; Bliss gives no leftover limit)' ]
}

@test "a leftover is never combined with other milk nor moved into the freezer (CDC: used within 2 hours)" {
    store S1 2026-11-21T07:00:00+01:00 fridge 300 B1
    pumplog log feed 90ml --from-stock --offered 120ml >/dev/null
    store S3 2026-11-21T14:00:00+01:00 freezer 100 B3
    refused_same pumplog stock combine B2 B3 --in freezer
    [ "$stderr" = 'pumplog: error: B2 is milk left over from a feed (2026-11-21 14:05); it is never combined with other milk: left over from a feeding, use within 2 hours after the baby finished (CDC, "Proper Storage and Preparation of Breast Milk"); use it by 2026-11-21 16:05 or discard it: pumplog stock discard B2' ]
    refused_same pumplog stock combine B1 B2
    refused_same pumplog stock move B2 --to freezer
    [[ "$stderr" == *"B2 is milk left over from a feed (2026-11-21 14:05); it is never frozen: "* ]]
    # The fridge keeps it no longer: its 2 hours still run from the feed.
    run pumplog stock move B2 --to fridge
    [ "$status" -eq 0 ]
    [ "$output" = "Moved B2 (30 ml) from the room to the fridge; use by today 16:05 (in 2 h)" ]
}

@test "frozen bags are not combined unless thawed first: --thaw makes thawed milk in the fridge" {
    store S1 2026-10-01T09:00:00+02:00 freezer 100 B1
    store S2 2026-11-01T09:00:00+01:00 freezer 100 B2
    refused_same pumplog stock combine B1 B2
    [ "$stderr" = 'pumplog: error: B1 is frozen: frozen milk is poured only once thawed, and never refreeze breast milk after it has been thawed (CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw to thaw the frozen containers first (the combined milk is then thawed milk in the fridge, for 1 day), or keep them apart' ]
    refused_same pumplog stock combine B1 B2 --thaw --in freezer
    [[ "$stderr" == *"B1 would be thawed to be poured; never refreeze"* ]]
    # Asked for the freezer, the refusal names what is accepted: --thaw alone would be refused in turn.
    refused_same pumplog stock combine B1 B2 --in freezer
    [[ "$stderr" == *'(CDC, "Proper Storage and Preparation of Breast Milk"); add --thaw --in fridge to thaw the frozen containers first (the combined milk is then thawed milk in the fridge, for 1 day), or keep them apart' ]]
    run --separate-stderr pumplog stock combine B1 B2 --thaw
    [ "$status" -eq 0 ]
    [ "$output" = "Thawed B1 and B2 (moved to the fridge). Combined B1 + B2 into B3: 200 ml in the fridge, dated by its oldest milk (2026-10-01 09:00); use by tomorrow 14:05 (in 24 h), thawed milk: never refreeze" ]
    run jq -c '.[] | [.label, .ml, .place, .thawed, .expires]' < <(pumplog stock --format json)
    [ "$output" = '["B3",200,"fridge","2026-11-21T14:05:00+01:00","2026-11-22T14:05:00+01:00"]' ]
    # One command: the store, the two thaws and the two uses; undo takes them all back.
    [ "$(tail -n 5 "$J" | jq -r '.type' | paste -sd,)" = "store,move,move,use,use" ]
    [ "$(tail -n 5 "$J" | jq -r '.group' | sort -u | wc -l)" -eq 1 ]
    pumplog log undo >/dev/null
    run jq -r '[.[] | "\(.label):\(.place)"] | join(" ")' < <(pumplog stock --format json)
    [ "$output" = "B1:freezer B2:freezer" ]
}

@test "fresh milk combined into the freezer keeps its parts' earliest best-by" {
    store S1 2026-11-19T14:05:00+01:00 fridge 100 B1
    store S2 2026-11-21T08:00:00+01:00 fridge 100 B2
    run pumplog stock combine B1 B2 --in freezer
    [ "$status" -eq 0 ]
    # B1 spent half its fridge life: half of the freezer's 12 months, and of its best 6 months.
    [ "$output" = "Combined B1 + B2 into B3: 200 ml in the freezer, dated by its oldest milk (2026-11-19 14:05); use by 2027-05-23 03:05 (in 182 d), best by 2027-02-20" ]
    run jq -r 'select(.label == "B3") | .best_by' "$J"
    [ "$output" = "2027-02-20T14:05:00+01:00" ]
    run pumplog stock
    [[ "${lines[1]}" == *"best by 2027-02-20; combined B1 + B2" ]]
    run pumplog --now 2027-03-01T10:00:00+01:00 stock
    [[ "${lines[1]}" == *"past its best (6 months); combined B1 + B2" ]]
    run pumplog log check
    [ "$status" -eq 0 ]
}

@test "a combined container thawed in the fridge keeps thawed milk's 24 hours, not its freezer year" {
    store S1 2026-11-10T08:00:00+01:00 fridge 100 B1
    store S2 2026-11-10T07:00:00+01:00 fridge 90 B2
    pumplog --now 2026-11-10T09:00:00+01:00 stock combine B1 B2 --in freezer >/dev/null
    run pumplog --now 2026-11-15T09:00:00+01:00 stock use 50ml --thaw
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50 ml: B3 50 ml (140 ml left in the fridge, thawed: use by tomorrow 09:00, never refreeze)" ]
    run jq -c '.[] | [.label, .ml, .place, .thawed, .expires]' < <(pumplog --now 2026-11-15T09:00:00+01:00 stock --format json)
    [ "$output" = '["B3",140,"fridge","2026-11-15T09:00:00+01:00","2026-11-16T09:00:00+01:00"]' ]
    # Three days after the thaw it has expired: never poured, listed by stock expiring.
    export PUMPLOG_NOW=2026-11-18T09:00:00+01:00
    refused_same pumplog stock use 50ml
    [ "$stderr" = "pumplog: error: only 0 ml of stored milk is usable, not 50 ml; 140 ml more has expired and is never used (pumplog stock discard LABEL)" ]
    refused_same pumplog log feed 50ml --from-stock
    [ "$stderr" = "pumplog: error: only 0 ml of stored milk is usable, not 50 ml; 140 ml more has expired and is never used (pumplog stock discard LABEL)" ]
    refused_same pumplog stock use B3
    [ "$stderr" = "pumplog: error: B3 expired at 2026-11-16 09:00; never use expired milk: pumplog stock discard B3" ]
    run pumplog stock expiring
    [ "$status" -eq 0 ]
    [ "$output" = "B3 140 ml in the fridge expired 2026-11-16 09:00 (2 d ago): discard it" ]
}

@test "a combined container moved from the freezer to the room is thawed milk at room temperature: 1 hour" {
    store S1 2026-11-10T08:00:00+01:00 fridge 100 B1
    store S2 2026-11-10T07:00:00+01:00 fridge 90 B2
    pumplog --now 2026-11-10T09:00:00+01:00 stock combine B1 B2 --in freezer >/dev/null
    run pumplog --now 2026-11-15T09:00:00+01:00 stock move B3 --to room
    [ "$status" -eq 0 ]
    [[ "$output" == "Moved B3 (190 ml) from the freezer to the room; use by today 10:00 (in 1 h). Thawing: thawed milk keeps 1 hour in the room, never refreeze"* ]]
    export PUMPLOG_NOW=2026-11-17T09:00:00+01:00
    run pumplog stock --format csv
    [ "${lines[1]}" = "B3,$(jq -r 'select(.label == "B3") | .id' "$J"),190,room,2026-11-10T07:00:00+01:00,2026-11-15T09:00:00+01:00,2026-11-15T10:00:00+01:00,expired" ]
    run pumplog stock expiring
    [ "$status" -eq 0 ]
    [ "$output" = "B3 190 ml in the room expired 2026-11-15 10:00 (47 h ago): discard it" ]
    refused_same pumplog log feed 100ml --from-stock
    [ "$stderr" = "pumplog: error: only 0 ml of stored milk is usable, not 100 ml; 190 ml more has expired and is never used (pumplog stock discard LABEL)" ]
    refused_same pumplog stock use 100ml
}

@test "fresh milk combined in the fridge then moved to the room follows the budget rule" {
    store S1 2026-11-10T08:00:00+01:00 fridge 100 B1
    store S2 2026-11-10T07:00:00+01:00 fridge 90 B2
    pumplog --now 2026-11-10T09:00:00+01:00 stock combine B1 B2 >/dev/null
    # 3 of its 96 fridge hours are spent: 31/32 of the room's 4 hours are left.
    run pumplog --now 2026-11-10T10:00:00+01:00 stock move B3 --to room
    [ "$status" -eq 0 ]
    [ "$output" = "Moved B3 (190 ml) from the fridge to the room; use by today 13:52 (in 3 h 52 min)" ]
    # Back in the fridge an hour later: a quarter of its budget went at room temperature, 69 of the
    # fridge's 96 hours are left (never past 2026-11-14 07:00, its expiry when combined).
    run pumplog --now 2026-11-10T11:00:00+01:00 stock move B3 --to fridge
    [ "$status" -eq 0 ]
    [ "$output" = "Moved B3 (190 ml) from the room to the fridge; use by 2026-11-13 08:00 (in 2 d 21 h)" ]
    export PUMPLOG_NOW=2026-11-13T09:00:00+01:00
    refused_same pumplog stock use 50ml
    run pumplog stock expiring
    [ "$output" = "B3 190 ml in the fridge expired today 08:00 (1 h ago): discard it" ]
}

@test "combine --thaw then a move to the room: the thawed room hour, scaled by the fridge hours spent" {
    store S1 2026-11-01T08:00:00+01:00 freezer 100 B1
    store S2 2026-11-01T07:00:00+01:00 freezer 90 B2
    pumplog --now 2026-11-10T09:00:00+01:00 stock combine B1 B2 --thaw >/dev/null
    # 1 of its 24 thawed fridge hours spent: 23/24 of the room's hour left.
    run pumplog --now 2026-11-10T10:00:00+01:00 stock move B3 --to room
    [ "$status" -eq 0 ]
    [[ "$output" == "Moved B3 (190 ml) from the fridge to the room; use by today 10:57 (in 57 min)"* ]]
    export PUMPLOG_NOW=2026-11-10T11:00:00+01:00
    refused_same pumplog stock use 50ml
    refused_same pumplog log feed 50ml --from-stock
    run pumplog stock expiring
    [ "$output" = "B3 190 ml in the room expired today 10:57 (2 min ago): discard it" ]
}

@test "thawed milk brought to room temperature gets no fridge hours again (CDC: within 2 hours)" {
    store S1 2026-11-01T09:00:00+01:00 freezer 100 B1
    pumplog --now 2026-11-21T10:00:00+01:00 stock move B1 --to fridge >/dev/null
    run pumplog --now 2026-11-21T12:00:00+01:00 stock move B1 --to room
    [ "$output" = "Moved B1 (100 ml) from the fridge to the room; use by today 12:55 (in 55 min)" ]
    run pumplog --now 2026-11-21T12:30:00+01:00 stock move B1 --to fridge
    [ "$output" = 'Moved B1 (100 ml) from the room to the fridge; use by today 12:55 (in 25 min). Thawed milk brought to room temperature keeps no longer in the fridge than it would there (thawed milk at room temperature: up to 1 hour, CDC, "Proper Storage and Preparation of Breast Milk")' ]
    run jq -c '.[] | [.label, .place, .expires]' < <(pumplog --now 2026-11-21T12:31:00+01:00 stock --format json)
    [ "$output" = '["B1","fridge","2026-11-21T12:55:00+01:00"]' ]
}

@test "milk at its expiry time is expired, in the add reply, the list and stock expiring" {
    run --separate-stderr pumplog stock add 100ml --in fridge --pumped "2026-11-17 14:05" --force
    [ "$status" -eq 0 ]
    [ "$output" = "Stored B1: 100 ml in the fridge, pumped 2026-11-17 14:05; expired today 14:05 (just now)" ]
    run pumplog stock
    [[ "${lines[1]}" == *"today 14:05  just now  EXPIRED"* ]]
    run pumplog stock expiring
    [ "$output" = "B1 100 ml in the fridge expired today 14:05 (just now): discard it" ]
}

@test "log edit refuses a correction that makes a later use take expired milk, or a move go nowhere" {
    pumplog --now 2026-11-21T10:00:00+01:00 stock add 100ml --in freezer --pumped 2026-11-01 >/dev/null
    pumplog --now 2026-11-21T10:00:00+01:00 stock move B1 --to fridge >/dev/null
    pumplog --now 2026-11-21T11:00:00+01:00 stock use 30ml >/dev/null
    local store_ref move_ref
    store_ref="$(pumplog log --format json | jq -r '.[] | select(.type=="store") | .ref')"
    move_ref="$(pumplog log --format json | jq -r '.[] | select(.type=="move") | .ref')"
    # In the fridge since 1 November: expired on the 5th, before its move and its use.
    refused_same pumplog log edit "$store_ref" --in fridge
    [ "$stderr" = "pumplog: error: B1 would expire at 2026-11-05 00:00, before an entry of it (moved B1 to the fridge at 2026-11-21 10:00, ref $move_ref): never use expired milk; correct or take back that entry first" ]
    # Thawed at room temperature: an hour, gone before the 11:00 use.
    refused_same pumplog log edit "$move_ref" --to room
    [[ "$stderr" == *"B1 would expire at 2026-11-21 11:00, before an entry of it (used 30 ml of B1 at 2026-11-21 11:00, ref "*"): never use expired milk; correct or take back that entry first" ]]
    # A move to where it is already.
    pumplog --now 2026-11-21T09:00:00+01:00 stock add 100ml --in fridge >/dev/null
    pumplog --now 2026-11-21T09:30:00+01:00 stock move B2 --to room >/dev/null
    local m2
    m2="$(pumplog log --format json | jq -r '.[] | select(.type=="move" and .place=="room") | .ref')"
    refused_same pumplog log edit "$m2" --to fridge
    [ "$stderr" = "pumplog: error: B2 would already be in the fridge at 2026-11-21 09:30; a move goes to another place" ]
}

@test "a label with a bidi or C1 control is refused, shown escaped" {
    run --separate-stderr pumplog stock add 100ml --in fridge --label $'\u202eX'
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: label "\u202eX" holds a space or a special character; try B1' ]
    for l in $'A\u2028B' $'\xc2\x9bX' $'a\u200eb' $'\u2066x'; do
        run --separate-stderr pumplog stock add 100ml --in fridge --label "$l"
        [ "$status" -eq 2 ]
        [[ "$stderr" == *"holds a space or a special character"* ]]
    done
    [ ! -e "$J" ]
}

@test "a refused --label suggests the next free B-number" {
    pumplog add 90ml >/dev/null
    refused 2 pumplog stock add 100ml --in fridge --label 3oz
    [ "$stderr" = 'pumplog: error: label "3oz" reads as an amount (stock use would take it as one); try B1' ]
    refused 2 pumplog stock add 100ml --in fridge --label 'a b'
    [ "$stderr" = 'pumplog: error: label "a b" holds a space or a special character; try B1' ]
    store S1 2026-11-21T07:00:00+01:00 fridge 100 B4
    refused_same pumplog stock add 100ml --in fridge --label 'a b'
    [ "$stderr" = 'pumplog: error: label "a b" holds a space or a special character; try B5' ]
}

@test "a move before the container was stored, or before its last move, says so whatever the place" {
    store S1 2026-11-21T08:00:00+01:00 freezer 100 B1 2026-11-11T07:00:00+01:00
    pumplog --now 2026-11-21T09:00:00+01:00 stock move B1 --to fridge >/dev/null
    pumplog --now 2026-11-21T11:00:00+01:00 stock move B1 --to room --at 09:30 >/dev/null
    export PUMPLOG_NOW=2026-11-21T11:00:00+01:00
    refused_same pumplog stock move B1 --to room --at 07:00
    [ "$stderr" = 'pumplog: error: B1 was stored only at 2026-11-21 08:00; a move cannot come before that: give a time at or after 2026-11-21 08:00 (--at)' ]
    refused_same pumplog stock move B1 --to room --at 09:15
    [ "$stderr" = 'pumplog: error: B1 went into the room at 2026-11-21 09:30; a move cannot come before that' ]
    refused_same pumplog stock move B1 --to room --at 10:00
    [ "$stderr" = 'pumplog: error: B1 is already in the room' ]
}

@test "a split use never writes a part shown as 0 ml: a remainder under 0.05 ml is rounding, not poured" {
    store S1 2026-11-20T09:00:00+01:00 fridge 50 B1
    store S2 2026-11-21T09:00:00+01:00 fridge 100 B2
    run --separate-stderr pumplog stock use 50.01ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50 ml: B1 50 ml (used up)" ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = '["S1",50]' ]
    run jq -c '.[] | [.label, .ml]' < <(pumplog stock --format json)
    [ "$output" = '["B2",100]' ]
}

@test "a use exactly 0.05 ml past a container is milk, not rounding: the next container gives it" {
    store S1 2026-11-20T09:00:00+01:00 fridge 50 B1
    store S2 2026-11-21T09:00:00+01:00 fridge 100 B2
    # Compared in millionths: in binary 50.05 - 50 is 0.0499..., which read as under 0.05.
    run --separate-stderr pumplog stock use 50.05ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50.1 ml: B1 50 ml (used up), B2 0.1 ml (100 ml left in the fridge)" ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = $'["S1",50]\n["S2",0.05]' ]
}

@test "a stash short by under 0.05 ml is not short, and an amount shown as 0 ml is refused, not taken" {
    store S1 2026-11-20T09:00:00+01:00 fridge 50 B1
    store S2 2026-11-21T09:00:00+01:00 fridge 100 B2
    cp "$J" "$BATS_TEST_TMPDIR/stored"
    # 0.04 ml past the 150 ml usable is the rounding the split leaves unpoured, as 50.04ml is: both whole.
    run --separate-stderr pumplog stock use 150.04ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 150 ml: B1 50 ml (used up), B2 100 ml (used up)" ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = $'["S1",50]\n["S2",100]' ]
    # 0.05 ml past it is milk the stash does not have.
    cp "$BATS_TEST_TMPDIR/stored" "$J"
    refused_same pumplog stock use 150.05ml
    [ "$stderr" = 'pumplog: error: only 150 ml of stored milk is usable, not 150.1 ml' ]
    # An amount that shows as 0 ml is no use of its own: one line naming the smallest amount taken.
    refused_same pumplog stock use 0.04ml
    [ "$stderr" = 'pumplog: error: an amount of 0.04 ml shows as 0 ml; the smallest amount taken from the stash is 0.05 ml' ]
    refused_same pumplog stock use 0.01ml
    [ "$stderr" = 'pumplog: error: an amount of 0.01 ml shows as 0 ml; the smallest amount taken from the stash is 0.05 ml' ]
    refused_same pumplog log feed 0.04ml --from-stock
    [ "$stderr" = 'pumplog: error: an amount of 0.04 ml shows as 0 ml; the smallest amount taken from the stash is 0.05 ml' ]
    run --separate-stderr pumplog stock use 0.05ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 0.1 ml: B1 0.1 ml (50 ml left in the fridge)" ]
}

@test "the 0.05 ml rules judge the amount as given, before it is rounded to the journal's 0.01 ml" {
    store S1 2026-11-20T09:00:00+01:00 fridge 50 B1
    store S2 2026-11-21T09:00:00+01:00 fridge 100 B2
    cp "$J" "$BATS_TEST_TMPDIR/stored"
    # 0.049 ml shows as 0 ml, though the journal would keep it as 0.05.
    refused_same pumplog stock use 0.049ml
    [ "$stderr" = 'pumplog: error: an amount of 0.049 ml shows as 0 ml; the smallest amount taken from the stash is 0.05 ml' ]
    refused_same pumplog log feed 0.049ml --from-stock
    [ "$stderr" = 'pumplog: error: an amount of 0.049 ml shows as 0 ml; the smallest amount taken from the stash is 0.05 ml' ]
    # 0.049 ml past B1 is rounding: B2 gives none of it.
    run --separate-stderr pumplog stock use 50.049ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 50 ml: B1 50 ml (used up)" ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = '["S1",50]' ]
    # As an amount in oz converts: 1.6923 oz is 50.047 ml.
    cp "$BATS_TEST_TMPDIR/stored" "$J"
    run --separate-stderr pumplog --unit oz stock use 1.6923
    [ "$status" -eq 0 ]
    [ "$output" = "Took 1.7 oz: B1 1.7 oz (used up)" ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = '["S1",50]' ]
    # Short of 150 ml by 0.049 ml is not short: both whole.
    cp "$BATS_TEST_TMPDIR/stored" "$J"
    run --separate-stderr pumplog stock use 150.049ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 150 ml: B1 50 ml (used up), B2 100 ml (used up)" ]
    # A part poured is written as the journal keeps it.
    cp "$BATS_TEST_TMPDIR/stored" "$J"
    run --separate-stderr pumplog stock use 30.047ml
    [ "$status" -eq 0 ]
    run jq -c 'select(.type == "use") | [.target, .ml]' "$J"
    [ "$output" = '["S1",30.05]' ]
}

@test "a feed from the stash dated before its milk was stored says when the milk was stored" {
    export PUMPLOG_NOW="2026-11-11T10:00:00Z"
    pumplog stock add 100ml --in fridge >/dev/null
    refused 2 pumplog log feed 60ml --bottle --from-stock --at 08:00
    [ "$stderr" = "pumplog: error: at 08:00 no stored milk was usable (B1 was stored at 11:00): give a time at or \
after 11:00 (--at), or correct the time of a container stored earlier than logged (pumplog log edit)" ]
    run pumplog log feed 60ml --bottle --from-stock --at 11:00
    [ "$status" -eq 0 ]
}

@test "stock use takes containers in the order stock lists them when a move is dated later" {
    export PUMPLOG_NOW="2026-11-11T10:00:00Z"
    pumplog stock add 100ml --in fridge >/dev/null
    pumplog stock move B1 --to freezer --at "2026-11-12 09:00" --force >/dev/null
    pumplog stock add 50ml --in fridge --pumped 11:00 --force >/dev/null
    [ "$(pumplog stock --format csv | cut -d, -f1 | sed -n 2p)" = "B1" ]
    run pumplog stock use 30ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 30 ml: B1 30 ml (70 ml left in the fridge)" ]
    # The move still to come is still guarded: B1 is not used up before it.
    refused 2 pumplog stock use B1
    [[ "$stderr" == *"before an entry of it (moved B1 to the freezer at 2026-11-12 09:00"* ]]
    run pumplog stock use 60ml
    [ "$status" -eq 0 ]
    [ "$output" = "Took 60 ml: B1 60 ml (10 ml left in the fridge)" ]
}

@test "log feed --from-stock: milk that expires before the leftover limit is over gives the bottle its use-by" {
    pumplog --now "2026-11-17T09:00:00+01:00" stock add 100ml --in fridge > /dev/null
    run --separate-stderr pumplog --now "2026-11-21T08:30:00+01:00" log feed 60ml --from-stock --at 08:30
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = 'From the stash: B1 60 ml (40 ml left in the fridge). Milk the baby leaves in the bottle: use it'\
' by today 09:00 (when the milk of B1 expires, before 2 hours after the feed), then discard it (CDC, "Proper'\
' Storage and Preparation of Breast Milk")' ]
}
