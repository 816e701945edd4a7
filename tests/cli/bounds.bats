#!/usr/bin/env bats
# SPEC 8: lines are bounded. A line nested deeper than 64 levels or longer
# than 1 MiB is a bad line for every reader alike, and warnings about bad
# lines are capped (the first 10, then a count and "run pumplog log check").

load helpers

good='{"v":1,"id":"G1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}'

# A pump line whose unknown field "x" nests $1 arrays.
nested() {
    python3 -c "import sys; d=int(sys.argv[1]); print('{\"v\":1,\"id\":\"N' + str(d) + '\",\"type\":\"pump\",\"at\":\"2026-11-21T09:00:00+01:00\",\"ml\":50,\"x\":' + '['*d + ']'*d + '}')" "$1"
}

@test "a line nested 100,000 levels deep is a bad line, not a crash, for every reader" {
    journal_line "$good"
    nested 100000 >> "$J"
    run --separate-stderr pumplog log --format json
    [ "$status" -eq 0 ]
    [ "$(jq -r '.[].id' <<< "$output")" = "G1" ]
    [ "$stderr" = "pumplog: warning: $J:2: nested deeper than 64 levels; skipped (see pumplog log check)" ]
    run --separate-stderr pumplog log
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $J:2: nested deeper than 64 levels; skipped (see pumplog log check)" ]
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ "$status" -eq 0 ]
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1-3)" = "2026-11-21,1,90" ]
    run --separate-stderr pumplog log check
    [ "$status" -eq 3 ]
    [ "$(sed -n 1p <<< "$output")" = "$J:2: nested deeper than 64 levels" ]
    # merge: a copy holding it skips it; a journal holding it is not rewritten.
    cp "$J" "$TEST_DIR/copy.jsonl"
    rm "$J"
    run --separate-stderr pumplog log merge "$TEST_DIR/copy.jsonl"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $TEST_DIR/copy.jsonl:2: nested deeper than 64 levels; skipped
Started a new journal at $J" ]
    [ "$(cat "$J")" = "$good" ]
}

@test "64 levels is a good line and 65 a bad one, in log, report and check alike" {
    nested 63 >> "$J"   # the object itself is the first level
    run --separate-stderr pumplog log --format json
    [ -z "$stderr" ]
    [ "$(jq -r '.[].id' <<< "$output")" = "N63" ]
    run pumplog log check
    [ "$status" -eq 0 ]
    nested 64 >> "$J"
    run --separate-stderr pumplog log --format json
    [ "$stderr" = "pumplog: warning: $J:2: nested deeper than 64 levels; skipped (see pumplog log check)" ]
    [ "$(jq -r '.[].id' <<< "$output")" = "N63" ]
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1-3)" = "2026-11-21,1,50" ]
    run pumplog log check
    [ "$status" -eq 3 ]
    [ "$(sed -n 1p <<< "$output")" = "$J:2: nested deeper than 64 levels" ]
}

@test "a line longer than 1 MiB is a bad line for every reader; 1 MiB exactly is good" {
    # The note's padding makes the line exactly 1048576 bytes, then one more.
    python3 - "$J" <<'PY'
import sys
head = '{"v":1,"id":"BIG","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":50,"note":"'
tail = '"}'
with open(sys.argv[1], "w") as f:
    f.write(head + "n" * (1048576 - len(head) - len(tail)) + tail + "\n")
    f.write(head.replace("BIG", "BIGGER") + "n" * (1048577 - len(head) - len(tail) - 3) + tail + "\n")
PY
    [ "$(head -1 "$J" | tr -d '\n' | wc -c)" -eq 1048576 ]
    [ "$(sed -n 2p "$J" | tr -d '\n' | wc -c)" -eq 1048577 ]
    run --separate-stderr pumplog log --format json
    [ "$(jq -r '.[].id' <<< "$output")" = "BIG" ]
    [ "$stderr" = "pumplog: warning: $J:2: longer than 1 MiB (1048576 bytes); skipped (see pumplog log check)" ]
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1-3)" = "2026-11-21,1,50" ]
    run pumplog log check
    [ "$status" -eq 3 ]
    [ "$(sed -n 1p <<< "$output")" = "$J:2: longer than 1 MiB (1048576 bytes)" ]
}

@test "a command that reads the journal twice warns of each damaged line once" {
    journal_line "$good"
    journal_line "garbage"
    for cmd in "stock add 100ml --in fridge" "log feed 60ml --from-stock" "stock use 10ml"; do
        run --separate-stderr pumplog $cmd
        [ "$status" -eq 0 ]
        [ "$stderr" = "pumplog: warning: $J:2: not valid JSON; skipped (see pumplog log check)" ]
    done
}

@test "warnings about bad lines are capped at 10, then a count and a pointer to log check" {
    journal_line "$good"
    for i in $(seq 1 25); do journal_line "garbage $i"; done
    run --separate-stderr pumplog log
    [ "$status" -eq 0 ]
    [ "$(wc -l <<< "$stderr")" -eq 11 ]
    [ "$(sed -n 11p <<< "$stderr")" = "pumplog: warning: $J: 15 more bad lines skipped; run pumplog log check" ]
    [ "$(grep -c '; skipped (see pumplog log check)$' <<< "$stderr")" -eq 10 ]
    # Ten exactly: no count line.
    printf '%s\n' "$good" > "$J"
    for i in $(seq 1 10); do journal_line "garbage $i"; done
    run --separate-stderr pumplog report
    [ "$(wc -l <<< "$stderr")" -eq 10 ]
    # merge caps its copies' bad lines the same way.
    printf '%s\n' "$good" > "$TEST_DIR/copy.jsonl"
    for i in $(seq 1 12); do echo "junk $i" >> "$TEST_DIR/copy.jsonl"; done
    rm "$J"
    run --separate-stderr pumplog log merge "$TEST_DIR/copy.jsonl"
    [ "$status" -eq 0 ]
    [ "$(wc -l <<< "$stderr")" -eq 12 ]  # and "Started a new journal"
    [ "$(sed -n 11p <<< "$stderr")" = "pumplog: warning: $TEST_DIR/copy.jsonl: 2 more bad lines skipped; run pumplog log check" ]
}
