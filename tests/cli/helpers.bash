# Shared setup for the end-to-end tests: the real binary, a temporary home,
# a fixed zone and a fixed "now". Load with `load helpers`.

bats_require_minimum_version 1.5.0  # run --separate-stderr

setup() {
    TEST_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/pumplog-test.XXXXXX")"
    export HOME="$TEST_DIR/home"
    export XDG_DATA_HOME="$TEST_DIR/data"
    export XDG_CONFIG_HOME="$TEST_DIR/config"
    export PUMPLOG_JOURNAL="$TEST_DIR/journal.jsonl"
    export TZ="Europe/Berlin"
    export PUMPLOG_NOW="2026-11-21T14:05:00+01:00"
    unset NO_COLOR PUMPLOG_CONFIG
    mkdir -p "$HOME"
    J="$PUMPLOG_JOURNAL"
    # Files a test writes by a relative name land in its scratch folder, not in
    # the folder bats was started from (once the source tree).
    cd "$TEST_DIR" || return 1
}

teardown() {
    rm -rf "$TEST_DIR"
}

pumplog() {
    "$PUMPLOG_BIN" "$@"
}

# A checksum of the journal (or "absent"), to show a refused command changed nothing.
journal_sum() {
    if [ -e "$J" ]; then sha256sum "$J" | cut -d' ' -f1; else echo absent; fi
}

# Runs a command that must be refused with exit $1 and one stderr line, and
# checks that the journal is byte-identical afterwards.
refused() {
    local code="$1"
    shift
    local before
    before="$(journal_sum)"
    run --separate-stderr "$@"
    if [ "$status" -ne "$code" ]; then
        echo "expected exit $code, got $status; stdout: $output; stderr: $stderr" >&2
        return 1
    fi
    if [ "$(printf '%s\n' "$stderr" | wc -l)" -ne 1 ] || [[ "$stderr" != "pumplog: error: "* ]]; then
        echo "expected one 'pumplog: error:' line on stderr, got: $stderr" >&2
        return 1
    fi
    if [ "$(journal_sum)" != "$before" ]; then
        echo "the journal changed" >&2
        return 1
    fi
}

# Appends a raw line to the journal (test data built in the test).
journal_line() {
    printf '%s\n' "$1" >> "$J"
}
