#!/usr/bin/env bats
# `plan bottles`: the bottles for a day away and the bags to thaw the evening before.
load helpers
bats_require_minimum_version 1.5.0

# feed DATE HH:MM ML: a bottle of breast milk given at home (not from the stash).
feed_at_home() {
    local at
    at="$(date -d "$1 $2" +%Y-%m-%dT%H:%M:%S%:z)"
    journal_line "{\"v\":1,\"id\":\"f-$1-$2\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":$3,\"milk\":\"breast\"}"
}

# The baby every 3 hours; away Mon-Fri 08:00-17:30 covers 10:00, 13:00 and 16:00.
amount() {
    case "$1" in
        01:00) echo 90 ;; 04:00) echo 100 ;; 07:00) echo 130 ;; 10:00) echo 120 ;;
        13:00) echo 110 ;; 16:00) echo 120 ;; 19:00) echo 140 ;; 22:00) echo 100 ;;
    esac
}

at() { PUMPLOG_NOW="$(date -d "$1 $2" +%Y-%m-%dT%H:%M:%S%:z)" "${@:3}"; }

# A week of history before Monday 30 November 2026.
history_week() {
    local d day t
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-23 + $d day" +%F)"
        for t in 01:00 04:00 07:00 10:00 13:00 16:00 19:00 22:00; do feed_at_home "$day" "$t" "$(amount "$t")"; done
    done
}

@test "plan bottles: the bottles, the bags to thaw, --apply once, json" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 100ml --in fridge >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-05 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 200ml --in freezer --pumped "2026-11-12 07:00" >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Mon 2026-11-30 (away 08:00-17:30): 3 bottles, 350 ml in all." ]
    [ "${lines[1]}" = "  10:00  120 ml: B3 120 ml (thawed tonight)" ]
    [ "${lines[2]}" = "  13:00  110 ml: B3 30 ml (thawed tonight), B2 80 ml (thawed tonight)" ]
    [ "${lines[3]}" = "  16:00  120 ml: B2 70 ml (thawed tonight), B1 50 ml" ]
    [ "${lines[4]}" = "Thaw overnight: move B3 (150 ml, use by tomorrow 20:00) and B2 (150 ml, use by tomorrow 20:00) from the freezer to the fridge, now." ]
    # Planning records nothing; --apply records the two moves in one write.
    local before
    before="$(wc -l <"$J")"
    [ "$(wc -l <"$J")" -eq "$before" ]
    run --separate-stderr pumplog plan bottles --apply --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.day, .total_ml, .from_fridge_ml, .from_freezer_ml, .short_ml, .cover, .applied]' <<<"$output")" = '["2026-11-30",350,50,300,0,null,2]' ]
    [ "$(jq -c '[.thaws[] | [.label, .ml, .at, .expires]]' <<<"$output")" = '[["B3",150,"2026-11-29T20:00:00+01:00","2026-11-30T20:00:00+01:00"],["B2",150,"2026-11-29T20:00:00+01:00","2026-11-30T20:00:00+01:00"]]' ]
    [ "$(jq -c '.bottles[0] | keys_unsorted' <<<"$output")" = '["feed","size_ml","need_ml","estimated","fill","missing_ml"]' ]
    [ "$(jq -c 'keys_unsorted' <<<"$output")" = '["day","away","bottles","past","total_ml","from_fridge_ml","from_freezer_ml","thaws","held","short_ml","cover","applied","basis","not_planned","advice"]' ]
    [ "$(tail -n 2 "$J" | jq -r '[.type, .place] | join(" ")' | paste -sd,)" = "move fridge,move fridge" ]
    [ "$(wc -l <"$J")" -eq $((before + 2)) ]
    run --separate-stderr pumplog stock --format json
    [ "$(jq -r '[.[] | "\(.label):\(.place)"] | join(" ")' <<<"$output")" = "B3:fridge B2:fridge B1:fridge B4:freezer" ]
    # A second --apply adds nothing: the thawed bags are fridge milk now.
    local sum
    sum="$(journal_sum)"
    run --separate-stderr pumplog plan bottles --apply
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  10:00  120 ml: B3 120 ml" ]
    [ "${lines[-1]}" = "Nothing to record: no bag is left to thaw for these bottles." ]
    [ "$(journal_sum)" = "$sum" ]
    # In ounces: bottles rounded up to half an ounce.
    run --separate-stderr pumplog plan bottles --unit oz --format json
    [ "$(jq -c '[.bottles[].size_oz]' <<<"$output")" = '[4.5,4,4.5]' ]
}

@test "log undo takes back all the thaws of one plan bottles --apply, as it does any command's lines" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-05 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 200ml --in freezer --pumped "2026-11-12 07:00" >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    # 350 ml of need: B2 (the oldest), then B3 alone covers the rest (B1 and B3 would be a third bag).
    run --separate-stderr pumplog plan bottles --apply --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '.applied' <<<"$output")" = 2 ]
    [ "$(jq -c '[.thaws[].label]' <<<"$output")" = '["B2","B3"]' ]
    # The two moves are one command's: they share a group (pumplog(5)).
    [ "$(tail -n 2 "$J" | jq -r '.group' | sort -u | wc -l)" -eq 1 ]
    [ "$(tail -n 2 "$J" | jq -r '.group')" != "$(printf 'null\nnull')" ]
    run --separate-stderr pumplog log undo
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog stock --format json
    [ "$(jq -r '[.[] | "\(.label):\(.place)"] | join(" ")' <<<"$output")" = "B2:freezer B1:freezer B3:freezer" ]
    # And the evening's plan is as before the --apply.
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.thaws[].label]' <<<"$output")" = '["B2","B3"]' ]
}

@test "plan bottles refuses without changing the journal" {
    history_week
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    export PUMPLOG_NOW=2026-11-28T10:00:00+01:00
    refused 2 pumplog plan bottles --on monday
    [ "$stderr" = 'pumplog: error: plan bottles needs the hours you will be away: set them with pumplog config set away "mon-fri 08:00-17:30" (or give --away)' ]
    # Saturday morning: Monday's bags thaw on Sunday evening, not now.
    export PUMPLOG_NOW=2026-11-29T10:00:00+01:00
    refused 2 pumplog plan bottles --on 2026-11-30 --away "mon-fri 08:00-17:30" --apply
    [ "$stderr" = "pumplog: error: the bags for Mon 2026-11-30 thaw overnight from 2026-11-29 18:00: run plan bottles --on 2026-11-30 --apply then (nothing recorded now)" ]
    refused 2 pumplog plan bottles --on 2026-11-20 --away "mon-fri 08:00-17:30"
    refused 2 pumplog plan bottles --on someday --away "mon-fri 08:00-17:30"
    run --separate-stderr pumplog plan bottles --on saturday --away "mon-fri 08:00-17:30"
    [ "$status" -eq 0 ]
    [ "$output" = "No away hours on Sat 2026-12-05 (no away window starts that day): no bottles to pack." ]
}

@test "a fortnight of evenings: plan bottles --apply, and no milk expires unused that could have been used first" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local b
    for b in 01 03 05 07 09 11 13 15; do
        at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-10-$b 07:00" >/dev/null
    done
    at 2026-11-29 07:00 pumplog stock add 200ml --in fridge --pumped "2026-11-29 06:30" >/dev/null
    local d day next dow t sum
    for ((d = 0; d < 14; d++)); do
        day="$(date -d "2026-11-29 + $d day" +%F)"
        next="$(date -d "$day + 1 day" +%F)"
        # The evening before: the bottles planned, the thaws recorded; a second run adds nothing.
        run --separate-stderr at "$day" 20:00 pumplog plan bottles --apply --format json
        [ "$status" -eq 0 ]
        [ "$(jq -r '.short_ml' <<<"$output")" = 0 ]
        sum="$(journal_sum)"
        run --separate-stderr at "$day" 20:05 pumplog plan bottles --apply --format json
        [ "$(jq -r '.applied' <<<"$output")" = 0 ]
        [ "$(journal_sum)" = "$sum" ]
        at "$day" 21:00 pumplog add 100ml --store fridge >/dev/null
        feed_at_home "$day" 22:00 100
        # The day: pumps stored, feeds at home, and the away feeds from the stash.
        dow="$(date -d "$next" +%u)"
        for t in 01:00 04:00; do feed_at_home "$next" "$t" "$(amount "$t")"; done
        at "$next" 06:30 pumplog add 160ml --store fridge >/dev/null
        feed_at_home "$next" 07:00 130
        for t in 10:00 13:00 16:00; do
            if ((dow <= 5)); then
                at "$next" "$t" pumplog log feed "$(amount "$t")ml" --from-stock >/dev/null
            else
                feed_at_home "$next" "$t" "$(amount "$t")"
            fi
        done
        if ((dow <= 5)); then at "$next" 12:00 pumplog add 120ml --store freezer >/dev/null; fi
        feed_at_home "$next" 19:00 140
    done
    export PUMPLOG_NOW=2026-12-13T23:59:00+01:00
    run --separate-stderr pumplog stock --all --format json
    [ "$status" -eq 0 ]
    local stock="$output"
    # Thawed milk never expired with milk left in it.
    [ "$(jq '[.[] | select(.thawed != null and .status == "expired" and .ml > 0)] | length' <<<"$stock")" -eq 0 ]
    # No use took milk from a container that expires later while one that
    # then expired with milk left was usable (stored, not yet expired).
    run python3 - "$J" <<PY
import json, sys
from datetime import datetime
stock = json.loads('''$stock''')
t = lambda s: datetime.fromisoformat(s)
by_id = {c["id"]: c for c in stock}
stored = {}
uses = []
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["type"] == "store": stored[e["id"]] = t(e["at"])
    if e["type"] == "use": uses.append(e)
bad = 0
for c in stock:
    if c["status"] != "expired" or c["ml"] <= 0: continue
    for u in uses:
        x = by_id[u["target"]]
        if x["id"] != c["id"] and stored[c["id"]] <= t(u["at"]) < t(c["expires"]) and t(x["expires"]) > t(c["expires"]):
            bad += 1
print(bad, len(uses))
PY
    [ "$status" -eq 0 ]
    # 52 uses over 30 feeds away (a feed may take from two containers), none out of order.
    [ "$output" = "0 52" ]
    # Four bags thawed in the fortnight; the one container that expired is a
    # weekend's fridge milk nothing could use (no feed from the stash at weekends).
    [ "$(grep -c '"type":"move"' "$J")" -eq 4 ]
    [ "$(jq -c '[.[] | select(.status == "expired") | [.label, .ml, .place]]' <<<"$stock")" = '[["B20",90,"fridge"]]' ]
    # Ten days away, three feeds each, all from the stash.
    [ "$(jq -s '[.[] | select(.type == "use") | .from] | unique | length' "$J")" -eq 30 ]
}

@test "plan --on DAY bottles plans that day, as plan bottles --on DAY does" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles --on 2026-12-01 --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r .day <<<"$output")" = "2026-12-01" ]
    run --separate-stderr pumplog plan --on 2026-12-01 bottles --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r .day <<<"$output")" = "2026-12-01" ]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -r .day <<<"$output")" = "2026-11-30" ]
}

@test "plan bottles says when bags are thawed: tonight for tomorrow, the evening before a later day, now for today" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-12 07:00" >/dev/null
    local i
    for i in 13 14 15 16 17 18 19; do
        at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-$i 07:00" >/dev/null
    done
    run --separate-stderr at 2026-11-29 20:00 pumplog plan bottles
    [ "${lines[1]}" = "  10:00  120 ml: B1 120 ml (thawed tonight)" ]
    [[ "${lines[4]}" == "Thaw overnight: move B1 "* ]]
    # Wednesday's bottles, asked on Sunday: thawed Tuesday evening, not tonight; Monday's and Tuesday's bottles
    # (350 ml each) take the oldest bags first, and the reply says so.
    run --separate-stderr at 2026-11-29 20:00 pumplog plan bottles --on 2026-12-02
    [ "${lines[1]}" = "  10:00  120 ml: B7 120 ml (thawed the evening before)" ]
    [ "${lines[4]}" = "Set aside for tomorrow's bottles: B1 150 ml (thawed now), B2 150 ml (thawed now) and B3 50 ml (thawed now); see plan bottles --on 2026-11-30." ]
    [ "${lines[5]}" = "Set aside for the bottles of Tue 2026-12-01: B4 150 ml (thawed tomorrow 18:00), B5 150 ml (thawed tomorrow 18:00) and B6 50 ml (thawed tomorrow 18:00); see plan bottles --on 2026-12-01." ]
    [[ "${lines[6]}" == "Thaw overnight: move B7 "*" from the freezer to the fridge, 2026-12-01 18:00." ]]
    run --separate-stderr at 2026-11-29 20:00 pumplog plan bottles --on 2026-12-02 --format json
    [ "$(jq -c '[.held[] | [.day, .label, .ml, .thaw]]' <<<"$output")" = '[["2026-11-30","B1",150,"2026-11-29T20:00:00+01:00"],["2026-11-30","B2",150,"2026-11-29T20:00:00+01:00"],["2026-11-30","B3",50,"2026-11-29T20:00:00+01:00"],["2026-12-01","B4",150,"2026-11-30T18:00:00+01:00"],["2026-12-01","B5",150,"2026-11-30T18:00:00+01:00"],["2026-12-01","B6",50,"2026-11-30T18:00:00+01:00"]]' ]
    # today's bottles, early on Monday: the bags are thawed now, not tonight nor overnight
    run --separate-stderr at 2026-11-30 06:00 pumplog plan bottles --on today
    [ "${lines[1]}" = "  10:00  120 ml: B1 120 ml (thawed now)" ]
    [[ "${lines[4]}" == "Thaw: move B1 "*", now." ]]
    [[ "$output" != *tonight* ]]
}

@test "plan bottles thaws for the feeds' need, not the bottles' rounding up; a bottle short of its need misses its size" {
    # 93 ml every 3 hours: three bottles of 100 ml for 279 ml of need; 290 ml in the fridge covers them.
    local d day t
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-04 + $d day" +%F)"
        for t in 01:00 04:00 07:00 10:00 13:00 16:00 19:00 22:00; do feed_at_home "$day" "$t" 93; done
    done
    export PUMPLOG_NOW=2026-11-11T19:00:00+01:00
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    pumplog stock add 290ml --in fridge >/dev/null
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Thu 2026-11-12 (away 08:00-17:30): 3 bottles, 300 ml in all." ]
    [ "${lines[1]}" = "  10:00  100 ml: B1 100 ml" ]
    [ "${lines[2]}" = "  13:00  100 ml: B1 97 ml" ]
    [ "${lines[3]}" = "  16:00  100 ml: B1 93 ml" ]
    [ "${lines[4]}" = "Nothing to thaw: the milk outside the freezer fills them." ]
    [[ "$output" != *"Short by"* ]]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, .cover, [.bottles[] | [.need_ml, .missing_ml]]]' <<<"$output")" = '[0,null,[[93,0],[93,0],[93,0]]]' ]
    # No bag is thawed for a bottle's rounding up alone: 280 ml covers the need.
    pumplog stock use 10ml >/dev/null
    pumplog stock add 100ml --in freezer --pumped "2026-11-01 07:00" >/dev/null
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, .thaws, [.bottles[] | [.fill[].ml]]]' <<<"$output")" = '[0,[],[[94],[93],[93]]]' ]
    # 278 ml lacks 1 ml of the last feed: drops, not milk to thaw a bag for (review s46 #3: less than the 2 ml a
    # container holds at least is never a part of its own), and not a shortfall.
    pumplog stock use 2ml >/dev/null
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, .thaws, [.bottles[] | [.fill[] | "\(.label) \(.ml)"]]]' <<<"$output")" = '[0,[],[["B1 93"],["B1 93"],["B1 92"]]]' ]
    # 276 ml does not: the bag is thawed for the 3 ml the last feed misses. With it the stash holds every bottle's
    # size, so each is filled to it, soonest to expire first (the thawed bag): the fills add up to the 300 ml.
    pumplog stock use 2ml >/dev/null
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, [.thaws[].label], [.bottles[] | [.fill[] | "\(.label) \(.ml)"]]]' <<<"$output")" = '[0,["B2"],[["B2 100"],["B1 100"],["B1 100"]]]' ]
    [ "$(jq -c '[.total_ml, .from_fridge_ml, .from_freezer_ml]' <<<"$output")" = '[300,200,100]' ]
    # Without the bag: the last bottle is short of its need (3 ml), so it misses what it lacks of the 100 ml
    # it is packed at (SPEC 11): 10 ml, and the shortfall is what fills the bottles as the plan packs them.
    pumplog stock discard B2 >/dev/null
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, .cover.formula_ml, [.bottles[] | .missing_ml]]' <<<"$output")" = '[10,10,[0,0,10]]' ]
    run --separate-stderr pumplog plan bottles
    [ "${lines[3]}" = "  16:00  100 ml: B1 90 ml, 10 ml missing" ]
}

@test "plan bottles with nothing in stock: each bottle misses its packed size and the shortfall is their total" {
    # Nursing only, 8 feeds a day for 3 days, no stash, no birth date: day 5 on Monday, 536 ml a day over 8 feeds,
    # 67 ml a feed, each bottle rounded up to 70 ml (SPEC 11): 70 ml missing from each, not 67.
    local d h
    for d in 18 19 20; do
        for h in 01 04 07 10 13 16 19 22; do
            journal_line "{\"v\":1,\"id\":\"n$d$h\",\"type\":\"feed\",\"at\":\"2026-11-${d}T$h:20:00+01:00\",\"method\":\"breast\",\"left_s\":600}"
        done
    done
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30" --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[[.bottles[] | [.need_ml, .size_ml, .missing_ml]], .short_ml, .cover.formula_ml, .total_ml]' <<<"$output")" = '[[[67,70,70],[67,70,70],[67,70,70]],210,210,210]' ]
    run --separate-stderr pumplog plan bottles --on monday --away "mon-fri 08:00-17:30"
    [ "${lines[0]}" = "Bottles for Mon 2026-11-23 (away 08:00-17:30): 3 bottles, 210 ml in all." ]
    [ "${lines[1]}" = "  10:20  70 ml (estimate): 70 ml missing" ]
    [[ "$output" == *"Short by 210 ml: "*" or 210 ml of formula."* ]]
}

@test "plan bottles --on today packs no bottle and thaws no bag for a feed already past" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-12 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-14 07:00" >/dev/null
    # Monday 21:00, after the workday: every away feed is past; --apply thaws nothing (thawed milk is lost).
    local sum
    sum="$(journal_sum)"
    run --separate-stderr at 2026-11-30 21:00 pumplog plan bottles --on today --apply
    [ "$status" -eq 0 ]
    [ "$output" = "The 10:00, 13:00 and 16:00 feeds while you are away on Mon 2026-11-30 are past: no bottles to pack." ]
    [ "$(journal_sum)" = "$sum" ]
    run --separate-stderr at 2026-11-30 21:00 pumplog plan bottles --on today --format json
    [ "$(jq -c '[.bottles, .past, .thaws, .applied]' <<<"$output")" = '[[],["2026-11-30T10:00:00+01:00","2026-11-30T13:00:00+01:00","2026-11-30T16:00:00+01:00"],[],null]' ]
    # At 14:00 only the 16:00 feed is ahead: one bottle, one bag, and the others said to be left out.
    run --separate-stderr at 2026-11-30 14:00 pumplog plan bottles --on today
    [ "${lines[0]}" = "Bottles for Mon 2026-11-30 (away 08:00-17:30): 1 bottle, 120 ml in all." ]
    [ "${lines[1]}" = "  16:00  120 ml: B1 120 ml (thawed now)" ]
    [ "${lines[2]}" = "Left out: the 10:00 and 13:00 feeds, already past (no bottle, nothing thawed for them)." ]
    [[ "${lines[3]}" == "Thaw: move B1 (150 ml, use by "*", now." ]]
}

@test "plan bottles thaws later for feeds the evening's thawed milk would not keep until, and --apply records only the thaws due" {
    history_week
    # B1 (120 ml) fills the 16:00 bottle alone: thawed the evening before, nothing of it is left to expire.
    at 2026-11-29 07:00 pumplog stock add 120ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-12 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-14 07:00" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-15 07:00" >/dev/null
    pumplog config set away "mon-fri 14:00-23:30" >/dev/null
    # Planned on Sunday noon: the evening thaw (Sunday 18:00) keeps until Monday 18:00, not until 19:00 nor 22:00.
    run --separate-stderr at 2026-11-29 12:00 pumplog plan bottles --on monday
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Mon 2026-11-30 (away 14:00-23:30): 3 bottles, 360 ml in all." ]
    [ "${lines[1]}" = "  16:00  120 ml: B1 120 ml (thawed tonight)" ]
    [ "${lines[2]}" = "  19:00  140 ml: B2 140 ml (thawed tomorrow 07:00)" ]
    [ "${lines[3]}" = "  22:00  100 ml: B2 10 ml (thawed tomorrow 07:00), B3 90 ml (thawed tomorrow 07:00)" ]
    [ "${lines[4]}" = "Thaw overnight: move B1 (120 ml, use by tomorrow 18:00) from the freezer to the fridge, today 18:00." ]
    [ "${lines[5]}" = "Then thaw: move B2 (150 ml, use by 2026-12-01 07:00) and B3 (150 ml, use by 2026-12-01 07:00) from the freezer to the fridge, tomorrow 07:00 (milk thawed the evening before would not keep)." ]
    [[ "$output" != *"Short by"* ]]
    run --separate-stderr at 2026-11-29 12:00 pumplog plan bottles --on monday --format json
    [ "$(jq -c '[.short_ml, [.thaws[] | [.label, .at, .expires]], [.bottles[].fill[].thawed_at]]' <<<"$output")" = '[0,[["B1","2026-11-29T18:00:00+01:00","2026-11-30T18:00:00+01:00"],["B2","2026-11-30T07:00:00+01:00","2026-12-01T07:00:00+01:00"],["B3","2026-11-30T07:00:00+01:00","2026-12-01T07:00:00+01:00"]],["2026-11-29T18:00:00+01:00","2026-11-30T07:00:00+01:00","2026-11-30T07:00:00+01:00","2026-11-30T07:00:00+01:00"]]' ]
    # Sunday 18:30: --apply records the evening's thaw only; the morning's waits for its time.
    run --separate-stderr at 2026-11-29 18:30 pumplog plan bottles --apply
    [ "$status" -eq 0 ]
    [ "${lines[-2]}" = "Recorded 1 thaw: moved to the fridge (thawing; never refreeze)." ]
    [ "${lines[-1]}" = "Not recorded yet: the thaw at tomorrow 07:00; run plan bottles --on 2026-11-30 --apply then." ]
    run --separate-stderr at 2026-11-29 18:30 pumplog plan bottles --format json
    [ "$(jq -c '[.applied, [.thaws[] | [.label, .at]]]' <<<"$output")" = '[null,[["B2","2026-11-30T07:00:00+01:00"],["B3","2026-11-30T07:00:00+01:00"]]]' ]
    run --separate-stderr at 2026-11-29 18:35 pumplog stock --format json
    [ "$(jq -r '[.[] | "\(.label):\(.place)"] | join(" ")' <<<"$output")" = "B1:fridge B2:freezer B3:freezer B4:freezer" ]
    run --separate-stderr at 2026-11-29 18:35 pumplog plan bottles --apply
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: the bags for Mon 2026-11-30 thaw from 2026-11-30 07:00: run plan bottles --on 2026-11-30 --apply then (nothing recorded now)" ]
    # Monday 07:00: the morning's thaws are recorded, by the command the reply named.
    run --separate-stderr at 2026-11-30 07:00 pumplog plan bottles --on 2026-11-30 --apply
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Recorded 2 thaws: moved to the fridge (thawing; never refreeze)." ]
    run --separate-stderr at 2026-11-30 07:05 pumplog stock --format json
    [ "$(jq -r '[.[] | "\(.label):\(.place)"] | join(" ")' <<<"$output")" = "B1:fridge B2:fridge B3:fridge B4:freezer" ]
}

# Review S F1: away 06:00-20:00, plan bottles set its morning thaw at 07:00, an hour after the parent had left with
# bottles filled from bags still frozen, and the evening's thaw at 18:00 while the parent was still away.
@test "plan bottles thaws no bag while you are away: later the evening before, or when you are home" {
    history_week
    local i
    for i in 1 2 3 4 5 6 7 8 9; do
        at 2026-11-29 07:00 pumplog stock add 150ml --in freezer --pumped "2026-11-1$i 07:00" >/dev/null
    done
    pumplog config set away "mon-fri 06:00-20:00" >/dev/null
    # Planned on Sunday noon (Sunday is at home): 18:00 Sunday keeps until Monday 18:00, not until the 19:00 feed;
    # 07:00 and 18:00 on Monday are inside the window, so the later bags are thawed at 20:00 on Sunday instead.
    run --separate-stderr at 2026-11-29 12:00 pumplog plan bottles --on monday
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Mon 2026-11-30 (away 06:00-20:00): 5 bottles, 620 ml in all." ]
    [ "${lines[4]}" = "  16:00  120 ml: B3 90 ml (thawed tonight), B4 30 ml (thawed today 20:00)" ]
    [ "${lines[5]}" = "  19:00  140 ml: B4 120 ml (thawed today 20:00), B5 20 ml (thawed today 20:00)" ]
    [ "${lines[6]}" = "Thaw overnight: move B1 (150 ml, use by tomorrow 18:00), B2 (150 ml, use by tomorrow 18:00) and B3 (150 ml, use by tomorrow 18:00) from the freezer to the fridge, today 18:00." ]
    [ "${lines[7]}" = "Then thaw: move B4 (150 ml, use by tomorrow 20:00) and B5 (150 ml, use by tomorrow 20:00) from the freezer to the fridge, today 20:00 (milk thawed at 18:00 would not keep)." ]
    [[ "$output" != *"Short by"* ]]
    run --separate-stderr at 2026-11-29 12:00 pumplog plan bottles --on monday --format json
    [ "$(jq -c '[.thaws[] | [.label, .at, .expires]]' <<<"$output")" = '[["B1","2026-11-29T18:00:00+01:00","2026-11-30T18:00:00+01:00"],["B2","2026-11-29T18:00:00+01:00","2026-11-30T18:00:00+01:00"],["B3","2026-11-29T18:00:00+01:00","2026-11-30T18:00:00+01:00"],["B4","2026-11-29T20:00:00+01:00","2026-11-30T20:00:00+01:00"],["B5","2026-11-29T20:00:00+01:00","2026-11-30T20:00:00+01:00"]]' ]
    # Sunday 18:30: the evening's thaws are recorded, and the reply names 20:00 that evening, before the window.
    run --separate-stderr at 2026-11-29 18:30 pumplog plan bottles --apply
    [ "$status" -eq 0 ]
    [ "${lines[-2]}" = "Recorded 3 thaws: moved to the fridge (thawing; never refreeze)." ]
    [ "${lines[-1]}" = "Not recorded yet: the thaw at today 20:00; run plan bottles --on 2026-11-30 --apply then." ]
    refused 2 at 2026-11-29 18:35 pumplog plan bottles --apply
    [ "$stderr" = "pumplog: error: the bags for Mon 2026-11-30 thaw from 2026-11-29 20:00: run plan bottles --on 2026-11-30 --apply then (nothing recorded now)" ]
    run --separate-stderr at 2026-11-29 20:00 pumplog plan bottles --on 2026-11-30 --apply
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Recorded 2 thaws: moved to the fridge (thawing; never refreeze)." ]
    # Tuesday's bags, planned on Monday: away until 20:00 on Monday too, so the evening's thaw waits until then.
    run --separate-stderr at 2026-11-30 12:00 pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  07:00  130 ml: B6 130 ml (thawed tonight)" ]
    # Today's bottles still ahead (13:00, 16:00 and 19:00, as plan bottles --on today fills them now) keep theirs.
    [ "${lines[6]}" = "Set aside for today's bottles: B1 150 ml, B2 80 ml and B4 140 ml; see plan bottles --on 2026-11-30." ]
    [ "${lines[7]}" = "Thaw overnight: move B6 (150 ml, use by tomorrow 20:00), B7 (150 ml, use by tomorrow 20:00), B8 (150 ml, use by tomorrow 20:00) and B9 (150 ml, use by tomorrow 20:00) from the freezer to the fridge, today 20:00 (you are away until then)." ]
    refused 2 at 2026-11-30 19:59 pumplog plan bottles --apply
    [ "$stderr" = "pumplog: error: the bags for Tue 2026-12-01 thaw overnight from 2026-11-30 20:00: run plan bottles --on 2026-12-01 --apply then (nothing recorded now)" ]
    run --separate-stderr at 2026-11-30 20:00 pumplog plan bottles --apply
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Recorded 4 thaws: moved to the fridge (thawing; never refreeze)." ]
    run --separate-stderr at 2026-11-30 20:05 pumplog stock --format json
    [ "$(jq -r '[.[] | select(.place == "fridge" and .status != "expired") | "\(.label):\(.thawed)"] | join(" ")' <<<"$output")" = "B6:2026-11-30T20:00:00+01:00 B7:2026-11-30T20:00:00+01:00 B8:2026-11-30T20:00:00+01:00 B9:2026-11-30T20:00:00+01:00" ]
}

@test "a night away belongs to the day it starts: plan bottles packs the whole shift, its window named once" {
    history_week
    pumplog config set away "mon-fri 22:00-06:00" >/dev/null
    export PUMPLOG_NOW=2026-11-29T12:00:00+01:00
    run --separate-stderr pumplog plan bottles --on monday --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.away, [.bottles[] | [.feed, .need_ml]]]' <<<"$output")" = '[[{"from":"2026-11-30T22:00:00+01:00","until":"2026-12-01T06:00:00+01:00"}],[["2026-11-30T22:00:00+01:00",100],["2026-12-01T01:00:00+01:00",90],["2026-12-01T04:00:00+01:00",100]]]' ]
    run --separate-stderr pumplog plan bottles --on tuesday
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Tue 2026-12-01 (away 22:00-06:00): 3 bottles, 290 ml in all." ]
    [ "${lines[1]}" = "  22:00  100 ml: 100 ml missing" ]
    [ "${lines[2]}" = "  Wed 01:00  90 ml: 90 ml missing" ]
    [ "${lines[3]}" = "  Wed 04:00  100 ml: 100 ml missing" ]
    # Friday night's shift is Friday's: Saturday has none.
    run --separate-stderr pumplog plan bottles --on saturday
    [ "$output" = "No away hours on Sat 2026-12-05 (no away window starts that day): no bottles to pack." ]
    run --separate-stderr pumplog plan bottles --on friday --format json
    [ "$(jq -c '[.bottles[].feed]' <<<"$output")" = '["2026-12-04T22:00:00+01:00","2026-12-05T01:00:00+01:00","2026-12-05T04:00:00+01:00"]' ]
}

# Review s46: twins fed every 3 hours from Thursday 19 to Sunday 22 November 2026 (Ada 94 ml, Ben 79 ml), away
# Mon-Fri 08:00-17:30, and Sunday's milk stored: B1 140 ml in the fridge, B2 135 ml and B3 146 ml in the freezer.
twins_stash() {
    export TZ=America/New_York
    pumplog config set babies "Ada, Ben" >/dev/null
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local d t n=0
    for d in 19 20 21 22; do
        for t in 00:30 03:30 06:00 09:00 12:00 15:00 18:00 21:00; do
            n=$((n + 1))
            printf '{"v":1,"id":"01KAQS46ADA%015d","type":"feed","at":"2026-11-%sT%s:00-05:00","method":"bottle","ml":94,"milk":"breast","baby":"Ada"}\n' "$n" "$d" "$t"
            printf '{"v":1,"id":"01KAQS46BEN%015d","type":"feed","at":"2026-11-%sT%s:00-05:00","method":"bottle","ml":79,"milk":"breast","baby":"Ben"}\n' "$n" "$d" "$t"
        done
    done >>"$J"
    pumplog --now "2026-11-22 07:00" add 140ml --at 07:00 --store fridge >/dev/null
    pumplog --now "2026-11-22 13:00" add 135ml --at 13:00 --store freezer >/dev/null
    pumplog --now "2026-11-22 22:00" add 146ml --at 22:00 --store freezer >/dev/null
}

# Review s46 #1: a leftover is never poured with other milk (CDC: left over from a feeding, use within 2 hours
# after the baby finished; never combined with other milk, as stock combine refuses).
@test "plan bottles pours a leftover only alone: into a bottle it fills by itself, else it is left out" {
    twins_stash
    cp "$J" "$BATS_TEST_TMPDIR/base"
    # Ada leaves 40 ml at 07:10 (B4, good until 09:10): too little for her 09:00 bottle alone
    pumplog --now "2026-11-23 07:10" log feed 60ml --baby Ada --at 07:10 --from-stock --offered 100ml >/dev/null
    run --separate-stderr pumplog --now "2026-11-23 07:15" plan bottles --on today
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  09:00  100 ml for Ada: B2 94 ml (thawed now)" ]
    [ "${lines[2]}" = "  09:00  80 ml for Ben: B2 41 ml (thawed now), B3 38 ml (thawed now)" ]
    [[ "$output" != *B4* ]]
    run --separate-stderr pumplog --now "2026-11-23 07:15" plan bottles --on today --format json
    [ "$(jq -c '[.bottles[].fill[].label] | unique' <<<"$output")" = '["B1","B2","B3"]' ]
    # Ada leaves 110 ml of B1's milk at 07:10 instead: that leftover (B4) alone fills her 09:00 bottle, its rounding
    # up included, and no other milk joins it
    cp "$BATS_TEST_TMPDIR/base" "$J"
    pumplog --now "2026-11-23 07:10" log feed 30ml --baby Ada --at 07:10 --from-stock --offered 140ml >/dev/null
    run --separate-stderr pumplog --now "2026-11-23 07:15" plan bottles --on today
    [ "${lines[1]}" = "  09:00  100 ml for Ada: B4 100 ml" ]
    [ "${lines[2]}" = "  09:00  80 ml for Ben: B2 79 ml (thawed now)" ]
}

# Review s46 #3: plan bottles poured "B1 1 ml" ("B1 0.0 oz"), and thawed a bag for 1 ml. A part is never under
# 2 ml, the least a container holds (pumplog-stock(1), AMOUNTS: less would show as 0 ml or 0.0 oz).
@test "plan bottles pours no drops: a container's last drops stay in it, and no bag is thawed for a few ml" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    cp "$J" "$BATS_TEST_TMPDIR/history"
    # B1 (fridge, good until Monday 18:00, before the thawed bags) fills 10:00 and keeps 1 ml: the 13:00 bottle
    # takes its feed from B2 instead
    pumplog stock add 121ml --in fridge --pumped "2026-11-26 18:00" --at "2026-11-26 18:00" >/dev/null
    pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    pumplog stock add 150ml --in freezer --pumped "2026-11-11 07:00" >/dev/null
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  10:00  120 ml: B1 120 ml" ]
    [ "${lines[2]}" = "  13:00  110 ml: B2 110 ml (thawed tonight)" ]
    [ "${lines[3]}" = "  16:00  120 ml: B2 40 ml (thawed tonight), B3 80 ml (thawed tonight)" ]
    run --separate-stderr pumplog plan bottles --unit oz
    # In ounces each bottle is filled to its size (4.5, 4.0 and 4.5 oz), B1's 121 ml and 12 ml of B2 in the first
    [ "${lines[1]}" = "  10:00  4.5 oz: B1 4.1 oz, B2 0.4 oz (thawed tonight)" ]
    [ "${lines[2]}" = "  13:00  4.0 oz: B2 4.0 oz (thawed tonight)" ]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.bottles[].fill[].ml] | min' <<<"$output")" = "40" ]
    # 349 ml in the fridge for 350 ml of feeds: the 16:00 bottle lacks 1 ml, drops, not milk to thaw a bag for
    cp "$BATS_TEST_TMPDIR/history" "$J"
    pumplog stock add 349ml --in fridge --pumped "2026-11-26 18:00" --at "2026-11-26 18:00" >/dev/null
    pumplog stock add 150ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "  16:00  120 ml: B1 119 ml" ]
    [ "${lines[4]}" = "Nothing to thaw: the milk outside the freezer fills them." ]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.short_ml, [.bottles[].missing_ml], .thaws]' <<<"$output")" = '[0,[0,0,0],[]]' ]
}

# Review: with a bag's thaw recorded for later (--now in the past), plan bottles --apply planned from the stash as
# it will be after that thaw, filling a feed before it from the still frozen bag, unlike the plan shown.
@test "plan bottles --apply plans from the stash as of now, as shown, and a thaw recorded later refuses it" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 100ml --in fridge >/dev/null
    at 2026-11-29 07:00 pumplog stock add 300ml --in freezer --pumped "2026-11-10 07:00" >/dev/null
    at 2026-11-30 12:30 pumplog stock move B2 --to fridge --at "2026-11-30 12:00" >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "  10:00  120 ml: B2 120 ml (thawed tonight)" ]
    [ "${lines[2]}" = "  13:00  110 ml: B2 110 ml (thawed tonight)" ]
    [ "${lines[3]}" = "  16:00  120 ml: B2 70 ml (thawed tonight), B1 50 ml" ]
    [ "${lines[4]}" = "Thaw overnight: move B2 (300 ml, use by tomorrow 20:00) from the freezer to the fridge, now." ]
    # Applied: the same plan, and its thaw would come before the one recorded for Monday 12:00 (a move to where the
    # bag would already be): refused, the journal byte-identical, not a 10:00 bottle from a bag frozen until 12:00.
    local ref
    ref="$(at 2026-11-30 13:00 pumplog log --format json | jq -r '.[] | select(.type == "move") | .ref')"
    refused 2 pumplog plan bottles --apply
    [ "$stderr" = "pumplog: error: B2 would already be in the fridge when it is moved there (moved B2 to the fridge at 2026-11-30 12:00, ref $ref); correct or take back that entry first" ]
    # With that thaw taken back, the plan shown is the one applied
    pumplog log rm "$ref" >/dev/null
    run --separate-stderr pumplog plan bottles --apply --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[.applied, [.thaws[].label], [.bottles[] | [.fill[] | "\(.label) \(.ml)"]]]' <<<"$output")" = '[1,["B2"],[["B2 120"],["B2 110"],["B2 70","B1 50"]]]' ]
}

# Review: a bottle filled from two containers held its feed's amount (F1 60 ml + F2 35 ml = 95 ml) under the 100 ml
# size shown, and the header's total (380 ml) was not what the fridge gave (360 ml).
@test "plan bottles fills a bottle to its size from several containers, and the totals add up, in ml and oz" {
    pumplog config set babies "Ada, Ben" >/dev/null
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local d t i
    for d in 23 24 25 26; do
        for t in 07 11 15 19; do
            at "2026-11-$d" "$t:00" pumplog log feed 95ml --baby Ada >/dev/null
            at "2026-11-$d" "$t:05" pumplog log feed 85ml --baby Ben >/dev/null
        done
    done
    for i in 1 2 3 4 5 6 7 8; do
        at 2026-11-26 "19:0$i" pumplog stock add 60ml --in fridge --pumped "2026-11-26 18:0$i" --label "F$i" >/dev/null
    done
    export PUMPLOG_NOW=2026-11-26T20:00:00+01:00
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Fri 2026-11-27 (away 08:00-17:30): 4 bottles, 380 ml in all." ]
    [ "${lines[1]}" = "  11:00  100 ml for Ada: F1 60 ml, F2 40 ml" ]
    [ "${lines[2]}" = "  11:00  90 ml for Ben: F2 20 ml, F3 60 ml, F4 10 ml" ]
    [ "${lines[3]}" = "  15:00  100 ml for Ada: F4 50 ml, F5 50 ml" ]
    [ "${lines[4]}" = "  15:00  90 ml for Ben: F5 10 ml, F6 60 ml, F7 20 ml" ]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '[.total_ml, .from_fridge_ml, .from_freezer_ml, .short_ml]' <<<"$output")" = '[380,380,0,0]' ]
    [ "$(jq -c '[.bottles[] | [.size_ml, ([.fill[].ml] | add)]]' <<<"$output")" = '[[100,100],[90,90],[100,100],[90,90]]' ]
    run --separate-stderr pumplog plan bottles --unit oz --format json
    [ "$(jq -c '[.total_oz, .from_fridge_oz, .from_freezer_oz, .short_oz]' <<<"$output")" = '[13,13,0,0]' ]
    [ "$(jq -c '[.bottles[] | [.size_oz, ([.fill[].oz] | add * 100 | round / 100)]]' <<<"$output")" = '[[3.5,3.5],[3,3],[3.5,3.5],[3,3]]' ]
}

# Review S F2: in oz, "09:30  4.0 oz: A 1.4 oz, B 2.7 oz": each part rounded on its own (1.35 and 2.65 oz) added
# up to 4.1 oz, not to the bottle's 4.0 oz.
@test "plan bottles in oz shows a bottle's parts rounded so that they add up to its size, in the table and the JSON" {
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    local d t
    for d in 23 24 25; do
        for t in 09:30 12:30 15:30; do at "2026-11-$d" "$t" pumplog log feed 110ml --bottle >/dev/null; done
    done
    export PUMPLOG_NOW=2026-11-25T20:00:00+01:00
    pumplog stock add 40ml --in fridge --pumped "2026-11-25 08:00" --label A >/dev/null
    pumplog stock add 120ml --in fridge --pumped "2026-11-25 10:00" --label B >/dev/null
    pumplog stock add 120ml --in fridge --pumped "2026-11-25 13:00" --label C >/dev/null
    pumplog stock add 120ml --in fridge --pumped "2026-11-25 16:00" --label D >/dev/null
    run --separate-stderr pumplog plan bottles --unit oz
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Bottles for Thu 2026-11-26 (away 08:00-17:30): 3 bottles, 12.0 oz in all." ]
    [ "${lines[1]}" = "  09:30  4.0 oz: A 1.4 oz, B 2.6 oz" ]
    [ "${lines[2]}" = "  12:30  4.0 oz: B 1.4 oz, C 2.6 oz" ]
    [ "${lines[3]}" = "  15:30  4.0 oz: C 1.5 oz, D 2.5 oz" ]
    run --separate-stderr pumplog plan bottles --unit oz --format json
    [ "$(jq -c '[.bottles[] | [.size_oz, [.fill[].oz]]]' <<<"$output")" = '[[4,[1.35,2.65]],[4,[1.41,2.59]],[4,[1.47,2.53]]]' ]
    [ "$(jq -c '[.bottles[] | ([.fill[].oz * 100 | round] | add)]' <<<"$output")" = '[400,400,400]' ]
    # In ml the parts were whole already: unchanged.
    run --separate-stderr pumplog plan bottles
    [ "${lines[1]}" = "  09:30  110 ml: A 40 ml, B 70 ml" ]
}

# Review: plan bottles advised "The sizes are estimates: only 15 of the 48 feeds have an amount ..." while every
# bottle was measured (daycare bottles with amounts), as its JSON said ("estimated": false); plan stash too.
@test "plan bottles and plan stash call the sizes estimates only when a bottle is one, and name it" {
    local d day t at ml
    pumplog config set birth 2026-08-01 >/dev/null
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    # Three weeks of nursing without amounts, then a week of daycare bottles at 10:00, 13:00 and 16:00
    for ((d = 0; d < 26; d++)); do
        day="$(date -d "2026-11-01 + $d day" +%F)"
        for t in 01:00 04:00 07:00 10:00 13:00 16:00 19:00 22:00; do
            at="$(date -d "$day $t" +%Y-%m-%dT%H:%M:%S%:z)"
            case "$d:$t" in
                2[1-5]:10:00) ml=110 ;; 2[1-5]:13:00) ml=120 ;; 2[1-5]:16:00) ml=115 ;; *) ml= ;;
            esac
            if [ -n "$ml" ]; then
                journal_line "{\"v\":1,\"id\":\"f$d-$t\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":$ml,\"milk\":\"breast\"}"
            else
                journal_line "{\"v\":1,\"id\":\"f$d-$t\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"breast\",\"left_s\":600}"
            fi
        done
    done
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles --format json
    [ "$status" -eq 0 ]
    [ "$(jq -c '[[.bottles[] | [.size_ml, .estimated]], .advice]' <<<"$output")" = '[[[110,false],[120,false],[120,false]],[]]' ]
    run --separate-stderr pumplog plan bottles
    [[ "$output" != *estimate* ]]
    run --separate-stderr pumplog plan stash --return 2026-12-14
    [ "${lines[0]}" = "Back on Mon 2026-12-14: while you are away the baby drinks about 345 ml a day (the 10:00, 13:00 and 16:00 feeds), on 5 days a week." ]
    [[ "$output" != *"Advice: The need is"* ]]
    # The 16:00 feeds at the breast too: that bottle alone is an estimate, named as such
    sed -i 's/"id":"f2\([1-5]\)-16:00","type":"feed","at":"\([^"]*\)","method":"bottle","ml":115,"milk":"breast"/"id":"f2\1-16:00","type":"feed","at":"\2","method":"breast","left_s":600/' "$J"
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "  16:00  100 ml (estimate): 100 ml missing" ]
    [ "${lines[-1]}" = "Advice: The sizes are partly estimates: only 10 of the 40 feeds have an amount, so each counts 99 ml of about 788 ml a day at day 121 (Kent et al. 2006). The bottle for the 16:00 feed is an estimate; the other bottles are measured (their feeds mostly had an amount)." ]
}

@test "plan bottles reads the journal twice and warns of each damaged line once, 10 in all, then a count" {
    history_week
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 400ml --in fridge >/dev/null
    local i
    # Feeds without a method (bad for the feeds' read and the stash's) and moves without a target (the stash's).
    for i in 1 2 3 4 5 6; do
        journal_line "{\"v\":1,\"id\":\"bf$i\",\"type\":\"feed\",\"at\":\"2026-11-29T09:0$i:00+01:00\",\"ml\":80}"
    done
    for i in 1 2 3 4 5 6 7; do
        journal_line "{\"v\":1,\"id\":\"bm$i\",\"type\":\"move\",\"at\":\"2026-11-29T10:0$i:00+01:00\",\"place\":\"fridge\"}"
    done
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [ "$(wc -l <<<"$stderr")" -eq 11 ]
    [ "$(grep -c '; skipped (see pumplog log check)$' <<<"$stderr")" -eq 10 ]
    [ "$(grep -o "^pumplog: warning: $J:[0-9]*:" <<<"$stderr" | sort | uniq -d)" = "" ]
    [ "$(sed -n 11p <<<"$stderr")" = "pumplog: warning: $J: 3 more bad lines skipped; run pumplog log check" ]
    run --separate-stderr pumplog plan stash --return 2026-12-20
    [ "$(wc -l <<<"$stderr")" -eq 11 ]
    [ "$(grep -o "^pumplog: warning: $J:[0-9]*:" <<<"$stderr" | sort | uniq -d)" = "" ]
}

@test "plan bottles says how many feeds count as part of the one before, in its basis and its JSON" {
    history_week
    local d day
    # A top-up 15 minutes after each 22:00 feed: part of that feeding, not a feed of its own (the evening of
    # the 29th, after the plan is made, not counted).
    for ((d = 0; d < 7; d++)); do
        day="$(date -d "2026-11-23 + $d day" +%F)"
        feed_at_home "$day" 22:15 20
    done
    pumplog config set away "mon-fri 08:00-17:30" >/dev/null
    at 2026-11-29 07:00 pumplog stock add 400ml --in fridge >/dev/null
    export PUMPLOG_NOW=2026-11-29T20:00:00+01:00
    run --separate-stderr pumplog plan bottles
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\n'"Basis: 61 feeds on 7 days (6 within 45 min of the feed before counted as part of it)."* ]]
    run --separate-stderr pumplog plan bottles --format json
    [ "$(jq -c '.basis' <<<"$output")" = '{"feeds":61,"merged":6,"days":7}' ]
    run --separate-stderr pumplog plan --format json
    [ "$(jq -c '.basis | [.feeds, .merged]' <<<"$output")" = '[61,6]' ]
}
