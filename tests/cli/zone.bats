#!/usr/bin/env bats
# A command reads the one zone file it needs, never the whole zoneinfo tree
# (date's tzdb stats all ~650 files under /usr/share/zoneinfo: 6-8 ms of a
# 5 ms budget, SPEC 9), and --version and --help read none. Observed with strace.
bats_require_minimum_version 1.5.0
load helpers

traceable() {
    command -v strace > /dev/null || skip "strace is not installed (apt-get install strace)"
    strace -qq -o /dev/null true 2> /dev/null || skip "strace cannot trace here (ptrace not allowed)"
}

# The zoneinfo paths the command touches, then "getdents64" if it lists any
# folder, one per line.
zone_reads() {
    strace -f -qq -e trace=%file,getdents64 -o "$TEST_DIR/trace" "$PUMPLOG_BIN" "$@" > /dev/null 2>&1 || true
    grep -o '"/usr/share/zoneinfo[^"]*"' "$TEST_DIR/trace" | sort -u | tr -d '"'
    grep -q '^[0-9]* *getdents64' "$TEST_DIR/trace" && echo getdents64
    return 0
}

@test "add reads its zone's file and nothing else of the zoneinfo tree" {
    traceable
    journal_line '{"v":1,"id":"p1","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}'
    run zone_reads add 90ml
    [ "$output" = "/usr/share/zoneinfo/Europe/Berlin" ]
    [ "$(wc -l < "$J")" -eq 2 ]
}

@test "plan next reads the zone of TZ and nothing else of the zoneinfo tree" {
    traceable
    journal_line '{"v":1,"id":"p1","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90}'
    TZ=America/New_York run zone_reads plan next
    [ "$output" = "/usr/share/zoneinfo/America/New_York" ]
}

@test "the configured zone is the one file read when TZ is empty" {
    traceable
    pumplog config set timezone Asia/Tokyo
    TZ= run zone_reads plan next
    [ "$output" = "/usr/share/zoneinfo/Asia/Tokyo" ]
}

@test "--version and --help read no zone" {
    traceable
    for args in --version --help "add --help" "plan --help"; do
        # shellcheck disable=SC2086
        run zone_reads $args
        [ -z "$output" ] || { echo "$args read: $output" >&2; return 1; }
    done
}
