#!/usr/bin/env bats
# `log merge FILE...`: union by id, idempotent and commutative, byte for byte,
# atomic; and the multi-device recipe of examples/multi-device.md.
load helpers
bats_require_minimum_version 1.5.0

line() {  # id ml HH:MM [extra-fields]
    printf '{"v":1,"id":"%s","type":"pump","at":"2026-11-21T%s:00+01:00","ml":%s%s}' "$1" "$3" "$2" "${4:+,$4}"
}

# Two devices' journals that share one entry.
two_journals() {
    A="$TEST_DIR/a.jsonl"
    B="$TEST_DIR/b.jsonl"
    { line shared 50 06:00; echo; line a1 10 07:00; echo; line a2 11 08:00 '"device":"laptop"'; echo; } > "$A"
    { line shared 50 06:00; echo; line b1 20 07:30; echo; line b2 21 09:00; echo; } > "$B"
}

@test "merge brings in the entries the journal lacks and reports how many" {
    two_journals
    cp "$A" "$J"
    run --separate-stderr pumplog log merge "$B"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$output" = "$B: 2 entries came in, 1 entry already in the journal
Merged 2 entries into $J; the journal before the merge is $J.bak." ]
    [ "$(wc -l < "$J")" -eq 5 ]
    cmp "$J.bak" "$A"
}

@test "merging A into B and B into A gives the same entries" {
    two_journals
    cp "$A" "$TEST_DIR/ab"; cp "$B" "$TEST_DIR/ba"
    pumplog -j "$TEST_DIR/ab" log merge "$B" >/dev/null
    pumplog -j "$TEST_DIR/ba" log merge "$A" >/dev/null
    [ "$(sort "$TEST_DIR/ab")" = "$(sort "$TEST_DIR/ba")" ]
    [ "$(sort -u "$A" "$B")" = "$(sort "$TEST_DIR/ab")" ]
}

@test "merging twice adds nothing and leaves the journal's bytes alone" {
    two_journals
    cp "$A" "$J"
    pumplog log merge "$B" >/dev/null
    rm "$J.bak"
    before="$(journal_sum)"
    run pumplog log merge "$B"
    [ "$status" -eq 0 ]
    [ "$output" = "$B: nothing new (3 entries already in the journal)
Nothing came in; $J is unchanged." ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.bak" ]
}

@test "merged lines keep unknown fields and types byte for byte" {
    odd='{ "v":1, "type":"pump", "id":"x", "at":"2026-11-21T09:00:00+01:00", "ml":90.50, "future":{"k":[1,null]} }'
    newer='{"v":2,"id":"y","type":"weigh","at":"2026-11-21T09:00:00+01:00","grams":4200}'
    printf '%s\n%s\n' "$odd" "$newer" > "$TEST_DIR/other.jsonl"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    grep -qxF "$odd" "$J"
    grep -qxF "$newer" "$J"
}

@test "the merged journal is ordered by time so that recent reads stay fast" {
    { line late 30 10:00; echo; } > "$J"
    { line early 10 06:00; echo; line mid 20 08:00; echo; } > "$TEST_DIR/other.jsonl"
    pumplog log merge "$TEST_DIR/other.jsonl" >/dev/null
    [ "$(jq -r .id "$J" | tr '\n' ' ')" = "early mid late " ]
}

@test "an id with other content is a conflict: the journal's line stays when it sorts first, with a warning" {
    line a 10 07:00 > "$J"; echo >> "$J"
    { line a 99 07:00; echo; line b 20 08:00; echo; } > "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $TEST_DIR/other.jsonl:1: id \"a\" is also on $J:1 with other content; kept that one (its line sorts first)" ]
    grep -qxF "$(line a 10 07:00)" "$J"
    ! grep -q '"ml":99' "$J"
    grep -qxF "$(line b 20 08:00)" "$J"
}

@test "conflict warnings are capped: the first 10, then one line with the count and where the lines that lost are" {
    for i in $(seq 10 23) 9; do line "X$i" 120 "$(printf %02d "$i"):00"; echo; done > "$J"
    for i in $(seq 10 23) 9; do line "X$i" 100 "$(printf %02d "$i"):00"; echo; done > "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${#stderr_lines[@]}" -eq 11 ]
    [ "${stderr_lines[9]}" = "pumplog: warning: $J:10: id \"X19\" is also on $TEST_DIR/other.jsonl:10 with other \
content; kept that one (its line sorts first) and moved this one to $J.rejected" ]
    [ "${stderr_lines[10]}" = "pumplog: warning: $J: 5 more ids with other content as above, each kept as the line \
that sorts first; 5 journal lines that lost are in $J.rejected" ]
    [ "$(wc -l < "$J.rejected")" -eq 15 ]
    # The other way round nothing is moved: the summary says so by naming no file.
    cp "$J.rejected" "$TEST_DIR/other.jsonl"
    rm "$J.rejected"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "${#stderr_lines[@]}" -eq 11 ]
    [ "${stderr_lines[10]}" = "pumplog: warning: $J: 5 more ids with other content as above, each kept as the line \
that sorts first" ]
    [ ! -e "$J.rejected" ]
}

@test "damaged lines of a copy are skipped with a warning, or refused with --strict" {
    { line a 10 07:00; echo; echo garbage; printf '{"v":1,"id":"c",'; } > "$TEST_DIR/other.jsonl"
    refused 3 pumplog --strict log merge "$TEST_DIR/other.jsonl"
    [ "$stderr" = "pumplog: error: $TEST_DIR/other.jsonl:2: not valid JSON (--strict refuses a damaged journal)" ]
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    stderr="$(grep -v "^Started a new journal at $J\$" <<< "$stderr")"  # SPEC 10, tested in day.bats
    [ "$stderr" = "pumplog: warning: $TEST_DIR/other.jsonl:2: not valid JSON; skipped
pumplog: warning: $TEST_DIR/other.jsonl:3: an incomplete last line (a write cut short?): not valid JSON; skipped" ] || \
    [ "$stderr" = "pumplog: warning: $TEST_DIR/other.jsonl:2: not valid JSON; skipped
pumplog: warning: $TEST_DIR/other.jsonl:3: not valid JSON; skipped" ]
    [ "$(cat "$J")" = "$(line a 10 07:00)" ]
}

@test "a copy's line over 1 MiB is skipped whole, and an endless one never fills memory" {
    { head -c 3000000 /dev/zero | tr '\0' 'x'; echo; line b 20 08:00; echo; } > "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    grep -qx "pumplog: warning: $TEST_DIR/other.jsonl:1: longer than 1 MiB (1048576 bytes); skipped" <<< "$stderr"
    [ "$(cat "$J")" = "$(line b 20 08:00)" ]
    # A stream without a newline: the merge holds at most one 1 MiB line of it
    # (before, it grew by about a gigabyte a second until memory ran out).
    # (A pipe: a device such as /dev/zero itself is refused before any read.)
    "$PUMPLOG_BIN" log merge <(cat /dev/zero) 2>/dev/null &  # the binary itself, so $! is its pid
    local pid=$! rss
    sleep 2
    rss="$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")"
    kill "$pid"
    wait "$pid" || true
    [ "$rss" -lt 300000 ]
    [ "$(cat "$J")" = "$(line b 20 08:00)" ]
}

@test "a damaged journal is not merged into: its bad line would be lost" {
    { line a 10 07:00; echo; echo garbage; } > "$J"
    { line b 20 08:00; echo; } > "$TEST_DIR/other.jsonl"
    refused 3 pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$stderr" = "pumplog: error: $J:2: not valid JSON; a merge rewrites the journal and would lose this line: run pumplog log check --repair first" ]
}

@test "a copy that cannot be read is refused with exit 2" {
    pumplog add 90ml >/dev/null
    refused 2 pumplog log merge "$TEST_DIR/missing.jsonl"
    [ "$stderr" = "pumplog: error: cannot read $TEST_DIR/missing.jsonl: no such file" ]
    refused 2 pumplog log merge "$TEST_DIR"
    refused 2 pumplog log merge
    # A device never ends: refused at once (it read /dev/zero until killed).
    local before
    before="$(journal_sum)"
    run --separate-stderr timeout 10 "$PUMPLOG_BIN" log merge /dev/zero
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: cannot read /dev/zero: it is a device, not a file" ]
    [ "$(journal_sum)" = "$before" ]
    # A pipe may stand for a copy (another device's, over ssh).
    cp "$J" "$TEST_DIR/copy.jsonl"
    run --separate-stderr pumplog log merge <(cat "$TEST_DIR/copy.jsonl")
    [ "$status" -eq 0 ]
}

@test "merge into a missing journal creates it" {
    { line a 10 07:00; echo; } > "$TEST_DIR/other.jsonl"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ "$(cat "$J")" = "$(line a 10 07:00)" ]
}

@test "a merge that brings in a dangling correction says the journal needs a check" {
    { line a 10 07:00; echo; } > "$J"
    printf '{"v":1,"id":"v","type":"void","at":"2026-11-21T09:00:00+01:00","target":"nope"}\n' > "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: the merged journal has 1 bad line; see pumplog log check" ]
}

# examples/multi-device.md's shell blocks as one script, $TEST_DIR/recipe.sh, to run as the
# document's reader would: pumplog on the PATH, a home of its own ($doc names the document).
multi_device_recipe() {
    export HOME="$TEST_DIR/home"
    mkdir -p "$TEST_DIR/bin" "$HOME"
    ln -s "$PUMPLOG_BIN" "$TEST_DIR/bin/pumplog"
    export PATH="$TEST_DIR/bin:$PATH"
    doc="$PUMPLOG_SOURCE_DIR/examples/multi-device.md"
    awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0 } on' "$doc" > "$TEST_DIR/recipe.sh"
}

@test "the multi-device recipe in examples/multi-device.md works as written" {
    multi_device_recipe
    # The merge block alone, to run again.
    awk '/^```sh$/ { on = 1; block = ""; next } /^```$/ && on { on = 0; if (block ~ /log merge/) printf "%s", block }
         on { block = block $0 "\n" }' "$doc" > "$TEST_DIR/merge.sh"
    [ "$(grep -c 'pumplog log merge' "$TEST_DIR/merge.sh")" -eq 1 ]

    run bash -euo pipefail "$TEST_DIR/recipe.sh"
    [ "$status" -eq 0 ]
    synced="$HOME/Sync/pumplog"
    [ "$(ls "$synced")" = "journal.jsonl
journal.jsonl.bak" ]
    [ "$(jq -r '[.type, .ml] | join(" ")' "$synced/journal.jsonl" | sort | tr '\n' ',')" = "feed 90,pump 100,pump 120," ]
    [[ "$output" == *"journal.sync-conflict-20261121-101010-ABCDEFG.jsonl: 1 entry came in, 1 entry already in the journal"* ]]
    [[ "$output" == *"$synced/journal.jsonl: 3 lines, 3 good entries, no errors"* ]]

    # As set up in ~/.profile on every device.
    export PUMPLOG_JOURNAL="$synced/journal.jsonl"
    # Again with no copy left: nothing happens.
    sum="$(sha256sum < "$synced/journal.jsonl")"
    run bash -euo pipefail "$TEST_DIR/merge.sh"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    [ "$(sha256sum < "$synced/journal.jsonl")" = "$sum" ]

    # Dropbox's and Nextcloud's copies are found and merged too.
    cp "$synced/journal.jsonl" "$synced/journal (Anna's conflicted copy 2026-11-21).jsonl"
    pumplog -j "$synced/journal (Anna's conflicted copy 2026-11-21).jsonl" add 70ml --at 11:00 >/dev/null
    cp "$synced/journal.jsonl" "$synced/journal (conflicted copy 2026-11-21 101010).jsonl"
    pumplog -j "$synced/journal (conflicted copy 2026-11-21 101010).jsonl" add 60ml --at 12:00 >/dev/null
    run bash -euo pipefail "$TEST_DIR/merge.sh"
    [ "$status" -eq 0 ]
    [ "$(ls "$synced" | grep -c conflict)" -eq 0 ]
    [ "$(jq -r .ml "$synced/journal.jsonl" | sort -n | tr '\n' ',')" = "60,70,90,100,120," ]
}

@test "the warnings in examples/multi-device.md \"If two copies disagree\" are those the merge gives" {
    multi_device_recipe
    bash -euo pipefail "$TEST_DIR/recipe.sh" > /dev/null
    # The sample warnings of the section, ids and home folder as the doc writes them.
    awk '/^## If two copies disagree/ { in_section = 1; next } /^## / { in_section = 0 }
         in_section && /^```text$/ { on = 1; next } /^```$/ { on = 0 } on' "$doc" > "$TEST_DIR/samples"
    [ "$(wc -l < "$TEST_DIR/samples")" -eq 2 ]
    cd "$HOME/Sync/pumplog"
    export PUMPLOG_JOURNAL="$PWD/journal.jsonl"
    local copy=journal.sync-conflict-20261122-080000-ABCDEFG.jsonl id
    id="$(jq -r 'select(.ml == 100) | .id' journal.jsonl)"
    as_doc() { sed -e "s|$HOME|/home/anna|g" -e "s|$id|01M94PJ5T7QVRDFEMBZQZ4MP3T|g"; }
    # The copy's line loses: it is left out.
    sed 's/"ml":100/"ml":110/' journal.jsonl > "$copy"
    run --separate-stderr pumplog log merge "$copy"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$stderr" | as_doc)" = "$(sed -n 1p "$TEST_DIR/samples")" ]
    [ ! -e journal.jsonl.rejected ]
    # The journal's hand correction loses: it is moved to journal.jsonl.rejected.
    cp journal.jsonl "$copy"
    sed -i 's/"ml":100/"ml":110/' journal.jsonl
    run --separate-stderr pumplog log merge "$copy"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$stderr" | as_doc)" = "$(sed -n 2p "$TEST_DIR/samples")" ]
    [ "$(jq -r 'select(.id == "'"$id"'") | .ml' journal.jsonl)" = 100 ]
    [ "$(jq -r .ml journal.jsonl.rejected)" = 110 ]
}

@test "merge is commutative in effect: amends tying in time apply by id, whichever copy is the base" {
    local base='{"v":1,"id":"E1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":50}'
    printf '%s\n%s\n' "$base" '{"v":1,"id":"01KAB0000000000000000000B2","type":"amend","at":"2026-11-21T12:00:00+01:00","target":"E1","set":{"ml":66}}' > "$TEST_DIR/a.jsonl"
    printf '%s\n%s\n' "$base" '{"v":1,"id":"01KAB0000000000000000000A1","type":"amend","at":"2026-11-21T12:00:00+01:00","target":"E1","set":{"ml":55}}' > "$TEST_DIR/b.jsonl"
    cp "$TEST_DIR/a.jsonl" "$TEST_DIR/ab.jsonl"
    cp "$TEST_DIR/b.jsonl" "$TEST_DIR/ba.jsonl"
    pumplog -j "$TEST_DIR/ab.jsonl" log merge "$TEST_DIR/b.jsonl"
    pumplog -j "$TEST_DIR/ba.jsonl" log merge "$TEST_DIR/a.jsonl"
    cmp "$TEST_DIR/ab.jsonl" "$TEST_DIR/ba.jsonl"
    for j in ab ba; do
        [ "$(pumplog -j "$TEST_DIR/$j.jsonl" log --format json | jq -c '[.[] | [.id, .ml]]')" = '[["E1",66]]' ]
        [ "$(pumplog -j "$TEST_DIR/$j.jsonl" report --format csv --since 2026-11-21 --until 2026-11-21 | sed -n 2p | cut -d, -f1-3)" = "2026-11-21,1,66" ]
    done
    # Concatenated in either order (a sync tool's doing): the same.
    cat "$TEST_DIR/b.jsonl" <(tail -1 "$TEST_DIR/a.jsonl") > "$TEST_DIR/cat.jsonl"
    [ "$(pumplog -j "$TEST_DIR/cat.jsonl" log --format json | jq -c '[.[] | [.id, .ml]]')" = '[["E1",66]]' ]
}

@test "merge is commutative when both files hold one id with other content: the line that sorts first stays" {
    local t="$TEST_DIR"
    echo '{"v":1,"id":"DUP","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":11}' > "$t/a.jsonl"
    echo '{"v":1,"id":"P2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":40}' >> "$t/a.jsonl"
    echo '{"v":1,"id":"DUP","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":10,"note":"b"}' > "$t/b.jsonl"
    cp "$t/a.jsonl" "$t/ab.jsonl"
    cp "$t/b.jsonl" "$t/ba.jsonl"
    run --separate-stderr pumplog -j "$t/ab.jsonl" log merge "$t/b.jsonl"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $t/ab.jsonl:1: id \"DUP\" is also on $t/b.jsonl:1 with other content; kept that one (its line sorts first) and moved this one to $t/ab.jsonl.rejected" ]
    [ "$(cat "$t/ab.jsonl.rejected")" = '{"v":1,"id":"DUP","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":11}' ]
    run --separate-stderr pumplog -j "$t/ba.jsonl" log merge "$t/a.jsonl"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $t/a.jsonl:1: id \"DUP\" is also on $t/ba.jsonl:1 with other content; kept that one (its line sorts first)" ]
    [ ! -e "$t/ba.jsonl.rejected" ]
    cmp "$t/ab.jsonl" "$t/ba.jsonl"
    for j in ab ba; do
        [ "$(pumplog -j "$t/$j.jsonl" log --since 2026-11-21 --format json | jq -c '[.[] | [.id, .ml]]')" = '[["P2",40],["DUP",10]]' ]
        pumplog -j "$t/$j.jsonl" report --format csv --since 2026-11-21 --until 2026-11-21 > "$t/$j.csv"
        pumplog -j "$t/$j.jsonl" log check
    done
    cmp "$t/ab.csv" "$t/ba.csv"
    [ "$(sed -n 2p "$t/ab.csv" | cut -d, -f1-3)" = "2026-11-21,2,50" ]
    # Merging again adds nothing, either way.
    run pumplog -j "$t/ab.jsonl" log merge "$t/b.jsonl" "$t/a.jsonl"
    [ "$status" -eq 0 ]
    cmp "$t/ab.jsonl" "$t/ba.jsonl"
}

# pumplog(5) "Order": a rewrite puts a correction no earlier than its target,
# whatever its own key. A void from another tool (an id that is no ULID, an
# old `at`) used to be sorted by that `at`, 1600 lines before its target: a
# read of a recent day stops before reaching it and counted the voided pump.
@test "merge puts a script's void with an old time after its target: a day's total does not depend on --since" {
    export PUMPLOG_NOW="2026-10-21T12:00:00+02:00"
    python3 "$PUMPLOG_SOURCE_DIR/bench/generate" 1600 --end 2026-10-21 > "$J"
    target=01M5B31B7836Z4C9YCABC4JXEW
    grep -q "\"id\":\"$target\",\"type\":\"pump\",\"at\":\"2026-10-20T" "$J"
    printf '{"v":1,"id":"void-1","type":"void","at":"2026-03-01T10:00:00+01:00","target":"%s"}\n' "$target" > fix.jsonl
    run --separate-stderr pumplog log merge fix.jsonl
    [ "$status" -eq 0 ]
    [ "$(grep -n -m1 "\"id\":\"$target\"" "$J" | cut -d: -f1)" -lt "$(grep -n '"id":"void-1"' "$J" | cut -d: -f1)" ]
    run --separate-stderr pumplog report --since 2026-10-20 --until 2026-10-20 --format csv
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | tail -1 | cut -d, -f1-3)" = "2026-10-20,9,1357" ]
    run --separate-stderr pumplog report --since 2026-02-01 --format csv
    [ "$(printf '%s\n' "$output" | grep ^2026-10-20 | cut -d, -f1-3)" = "2026-10-20,9,1357" ]
    # An amend of the same kind, merged into the original journal: applied whatever the range.
    python3 "$PUMPLOG_SOURCE_DIR/bench/generate" 1600 --end 2026-10-21 > "$J"
    printf '{"v":1,"id":"fix-1","type":"amend","at":"2026-03-01T10:00:00+01:00","target":"%s","set":{"ml":10}}\n' \
        "$target" > fix.jsonl
    run --separate-stderr pumplog log merge fix.jsonl
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog log --since 2026-10-20 --until 2026-10-20
    [[ "$output" == *"${target: -4}"*"pumped 10 ml"* ]] || [[ "$output" == *"pumped 10 ml"* ]]
    narrow="$(pumplog report --since 2026-10-20 --until 2026-10-20 --format csv | tail -1 | cut -d, -f1-3)"
    wide="$(pumplog report --since 2026-02-01 --format csv | grep ^2026-10-20 | cut -d, -f1-3)"
    [ "$narrow" = "$wide" ]
}

# The same rule when a correction and its target share one key: the target first.
@test "merge puts a correction written in the same second as its target after it, whatever their ids" {
    printf '%s\n' '{"v":1,"id":"b-pump","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":100}' > "$J"
    printf '%s\n' '{"v":1,"id":"a-void","type":"void","at":"2026-11-21T08:00:00+01:00","target":"b-pump"}' > fix.jsonl
    run --separate-stderr pumplog log merge fix.jsonl
    [ "$status" -eq 0 ]
    [ "$(cut -c1-30 "$J")" = '{"v":1,"id":"b-pump","type":"p
{"v":1,"id":"a-void","type":"v' ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 0 ]
    [[ "$output" != *"comes after it"* ]]
}

# A combine's lines as `stock combine B1 B2 --thaw` writes them, in one go and with one time: B1 and B2 stored
# frozen, B3 the combined bottle, then each bag's thaw `move` and its pour `use`. The ids are given, so that
# the order they sort in is chosen: a use whose id sorts before its move's must still come after it.
combine_lines() {  # move1 move2 use1 use2
    local at='"at":"2026-11-21T09:00:00+01:00"' g='"group":"s3"'
    printf '%s\n' \
        "{\"v\":1,\"id\":\"s1\",\"type\":\"store\",$at,\"ml\":100,\"place\":\"freezer\",\"pumped\":\"2026-11-20T09:00:00+01:00\",\"label\":\"B1\"}" \
        "{\"v\":1,\"id\":\"s2\",\"type\":\"store\",$at,\"ml\":50,\"place\":\"freezer\",\"pumped\":\"2026-11-20T09:00:00+01:00\",\"label\":\"B2\"}" \
        "{\"v\":1,\"id\":\"s3\",\"type\":\"store\",$at,\"ml\":150,\"place\":\"fridge\",\"pumped\":\"2026-11-20T09:00:00+01:00\",\"thawed\":\"2026-11-21T09:00:00+01:00\",\"until\":\"2026-11-22T09:00:00+01:00\",\"label\":\"B3\",\"note\":\"combined B1 + B2\",$g}" \
        "{\"v\":1,\"id\":\"$1\",\"type\":\"move\",$at,\"target\":\"s1\",\"place\":\"fridge\",$g}" \
        "{\"v\":1,\"id\":\"$2\",\"type\":\"move\",$at,\"target\":\"s2\",\"place\":\"fridge\",$g}" \
        "{\"v\":1,\"id\":\"$3\",\"type\":\"use\",$at,\"target\":\"s1\",\"ml\":100,\"from\":\"s3\",$g}" \
        "{\"v\":1,\"id\":\"$4\",\"type\":\"use\",$at,\"target\":\"s2\",\"ml\":50,\"from\":\"s3\",$g}"
}

@test "merge keeps a combine's move before its use, whatever their ids, and in both directions" {
    printf '%s\n' '{"v":1,"id":"p-other","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}' > other.jsonl
    for ids in "z-move-1 z-move-2 a-use-1 a-use-2" "m1 m2 u1 u2" "k-move a-move c-use x-use" \
               "b-move y-move a-use z-use" "q-move q-move-2 q-a q-b"; do
        # shellcheck disable=SC2086
        combine_lines $ids > "$J"
        run --separate-stderr pumplog stock
        [ "$status" -eq 0 ]
        [ -z "$stderr" ]
        run --separate-stderr pumplog log merge other.jsonl
        [ "$status" -eq 0 ]
        run --separate-stderr pumplog stock
        [ "$status" -eq 0 ]
        [ -z "$stderr" ]
        [[ "$output" == *"B3"* ]]
        read -r m1 m2 u1 u2 <<< "$ids"
        [ "$(grep -n "\"id\":\"$m1\"" "$J" | cut -d: -f1)" -lt "$(grep -n "\"id\":\"$u1\"" "$J" | cut -d: -f1)" ]
        [ "$(grep -n "\"id\":\"$m2\"" "$J" | cut -d: -f1)" -lt "$(grep -n "\"id\":\"$u2\"" "$J" | cut -d: -f1)" ]
        # The other way round: the combine merged into the other device's journal gives the same file.
        # shellcheck disable=SC2086
        combine_lines $ids > combine.jsonl
        cp other.jsonl reverse.jsonl
        run --separate-stderr pumplog -j reverse.jsonl log merge combine.jsonl
        [ "$status" -eq 0 ]
        cmp "$J" reverse.jsonl
        run --separate-stderr pumplog -j reverse.jsonl stock
        [ -z "$stderr" ]
    done
}

# Two copies that disagree on the order of a tie (one an older merge reordered): the order is still one of
# theirs, the same whichever is the base.
@test "merge of two copies that order a tie differently is the same file in both directions" {
    combine_lines m1 m2 u1 u2 > a.jsonl
    combine_lines m1 m2 u1 u2 | tac > b.jsonl
    printf '%s\n' '{"v":1,"id":"p-a","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}' >> a.jsonl
    printf '%s\n' '{"v":1,"id":"p-b","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":80}' >> b.jsonl
    cp a.jsonl ab.jsonl; cp b.jsonl ba.jsonl
    pumplog -j ab.jsonl log merge b.jsonl >/dev/null
    pumplog -j ba.jsonl log merge a.jsonl >/dev/null
    cmp ab.jsonl ba.jsonl
    [ "$(wc -l < ab.jsonl)" -eq 9 ]
}
