#!/usr/bin/env bats
# The journal at its edges (SPEC 8, issue 16 points 2 and 3): a symlinked
# journal stays a symlink, side files are never written through a symlink,
# a journal that is no regular file is refused at once with exit 3, a rewrite
# keeps the owner, group and mode, and a full disk changes no byte.
load helpers
bats_require_minimum_version 1.5.0

pump_line() {  # id ml [HH:MM]
    printf '{"v":1,"id":"%s","type":"pump","at":"2026-11-21T%s:00+01:00","ml":%s}' "$1" "${3:-09:00}" "$2"
}

# The journal as a symlink into another folder (a synced one), with two lines.
symlinked_journal() {
    mkdir -p "$TEST_DIR/synced"
    T="$TEST_DIR/synced/journal.jsonl"
    pump_line a 90 08:00 > "$T" && echo >> "$T"
    pump_line b 80 09:00 >> "$T" && echo >> "$T"
    ln -s "$T" "$J"
}

@test "a symlinked journal survives merge, import and repair, and later entries go to its target" {
    symlinked_journal
    pump_line c 70 10:00 > "$TEST_DIR/other.jsonl" && echo >> "$TEST_DIR/other.jsonl"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ -L "$J" ] && [ "$(readlink "$J")" = "$T" ]
    [ "$output" = "$TEST_DIR/other.jsonl: 1 entry came in, 0 entries already in the journal
Merged 1 entry into $J; the journal before the merge is $T.bak." ] || { echo "$output"; false; }
    [ -f "$T.bak" ] && [ ! -e "$J.bak" ] && [ ! -e "$T.tmp" ]

    cd "$PUMPLOG_SOURCE_DIR/tests/data/import"
    run pumplog log import babybuddy/pumping.csv --unit ml --child Ada
    [ "$status" -eq 0 ]
    [ -L "$J" ]

    printf 'garbage\n' >> "$T"
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ -L "$J" ]
    [ "$(cat "$T.rejected")" = garbage ]
    [ ! -e "$J.rejected" ]

    before_lines="$(wc -l < "$T")"
    run pumplog add 60ml
    [ "$status" -eq 0 ]
    [ -L "$J" ]
    [ "$(wc -l < "$T")" -eq $((before_lines + 1)) ]
    tail -n 1 "$T" | jq -e '.ml == 60' >/dev/null
}

@test "stale JOURNAL.tmp, .bak and .rejected symlinks are replaced, never written through" {
    pump_line a 90 08:00 > "$J" && echo >> "$J"
    printf 'garbage\n' >> "$J"
    printf 'precious\n' > "$TEST_DIR/victim"
    for side in tmp bak rejected; do ln -s "$TEST_DIR/victim" "$J.$side"; done
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(cat "$TEST_DIR/victim")" = precious ]
    [ ! -L "$J.bak" ] && [ ! -L "$J.rejected" ] && [ ! -e "$J.tmp" ] && [ ! -L "$J.tmp" ]
    [ "$(cat "$J.rejected")" = garbage ]
    [ "$(wc -l < "$J")" -eq 1 ]
    ln -s "$TEST_DIR/victim" "$J.tmp"
    pump_line c 70 10:00 > "$TEST_DIR/other.jsonl" && echo >> "$TEST_DIR/other.jsonl"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ "$(cat "$TEST_DIR/victim")" = precious ]
    [ "$(wc -l < "$J")" -eq 2 ]
}

# Runs a command that must be refused at once: exit 3, one error line saying
# the journal is not a regular file. `timeout 5`: a command that waits on the
# journal fails the test instead of hanging it.
refused_quickly() {
    run --separate-stderr timeout 5 "$PUMPLOG_BIN" "$@"
    [ "$status" -eq 3 ] || { echo "exit $status: $stderr" >&2; return 1; }
    [[ "$stderr" == "pumplog: error: journal "*" is not a regular file: it is "* ]] || { echo "$stderr" >&2; return 1; }
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
}

@test "a FIFO, a device or a folder as the journal is refused with exit 3 by every command, never waited on" {
    mkfifo "$TEST_DIR/fifo"
    mkdir "$TEST_DIR/folder"
    for journal in "$TEST_DIR/fifo" /dev/zero "$TEST_DIR/folder"; do
        for cmd in "log" "report --strict" "plan next" "stock" "add 90ml" "log check" "log check --repair"; do
            # shellcheck disable=SC2086
            refused_quickly -j "$journal" $cmd || { echo "-j $journal $cmd" >&2; return 1; }
        done
    done
    [ -p "$TEST_DIR/fifo" ] && [ -c /dev/zero ] && [ -d "$TEST_DIR/folder" ]
    [[ "$stderr" == *"it is a folder; give -j or PUMPLOG_JOURNAL a file" ]]
    refused_quickly -j /dev/zero log
    [[ "$stderr" == *"it is a character device"* ]]
}

@test "-j <(cat J) and -j /dev/stdin are refused, not read as an empty journal" {
    pump_line a 90 08:00 > "$J" && echo >> "$J"
    refused_quickly -j <(cat "$J") log
    [[ "$stderr" == *"it is a pipe or FIFO"* ]]
    run --separate-stderr bash -c 'cat "$1" | timeout 5 "$2" -j /dev/stdin report' _ "$J" "$PUMPLOG_BIN"
    [ "$status" -eq 3 ]
    [[ "$stderr" == *"is not a regular file: it is a pipe or FIFO"* ]]
    refused_quickly -j /dev/stdin log < /dev/null
}

@test "a merge keeps the journal's mode 0640, and its owner and group when run as root" {
    pump_line a 90 08:00 > "$J" && echo >> "$J"
    chmod 0640 "$J"
    as_root=no
    if [ "$(id -u)" -eq 0 ]; then
        chown 4321:8765 "$J"
        as_root=yes
    fi
    pump_line c 70 10:00 > "$TEST_DIR/other.jsonl" && echo >> "$TEST_DIR/other.jsonl"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    [ "$(wc -l < "$J")" -eq 2 ]
    [ "$(stat -c %a "$J")" = 640 ]
    if [ "$as_root" = yes ]; then
        [ "$(stat -c %u:%g "$J")" = 4321:8765 ]
    else
        skip "not root: the owner part needs chown to another user"
    fi
}

@test "a repair refused for another user's journal leaves no JOURNAL.rejected and the journal as it was" {
    [ "$(id -u)" -eq 0 ] || skip "not root: it needs a journal owned by another user"
    command -v setpriv >/dev/null || skip "no setpriv to run as nobody"
    local d="$TEST_DIR/shared"
    mkdir -p "$d" && chmod 0777 "$d"
    local up="$d"
    while [ "$up" != / ]; do chmod o+x "$up" 2>/dev/null || true; up="$(dirname "$up")"; done
    setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PUMPLOG_BIN" || skip "nobody cannot run $PUMPLOG_BIN"
    export PUMPLOG_JOURNAL="$d/journal.jsonl"
    J="$PUMPLOG_JOURNAL"
    { pump_line a 90 08:00; echo; echo garbage; } > "$J"
    chmod 0666 "$J"
    before="$(journal_sum)"
    run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups "$PUMPLOG_BIN" log check --repair
    [ "$status" -eq 3 ]
    [[ "$stderr" == "pumplog: error: cannot rewrite journal $J: it belongs to user 0 and group 0, and the new file cannot (Operation not permitted); run this as its owner" ]]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.rejected" ] && [ ! -e "$J.tmp" ]
}

# A 64 KiB tmpfs at $TEST_DIR/small, with the journal on it (skips where it cannot be mounted).
small_disk() {
    mkdir -p "$TEST_DIR/small"
    if ! mount -t tmpfs -o size=64k tmpfs "$TEST_DIR/small" 2>/dev/null; then
        skip "cannot mount a small tmpfs here (needs root and mount rights)"
    fi
    SMALL="$TEST_DIR/small"
    export PUMPLOG_JOURNAL="$SMALL/journal.jsonl"
    J="$PUMPLOG_JOURNAL"
}

teardown() {
    if [ -n "${SMALL:-}" ]; then umount "$SMALL" 2>/dev/null || umount -l "$SMALL" 2>/dev/null || true; fi
    rm -rf "$TEST_DIR"
}

@test "on a full disk a failed add leaves the journal byte-identical and merge and import still work" {
    small_disk
    for ml in 10 20 30; do pumplog add "${ml}ml" >/dev/null; done
    # A padding line brings the journal to 20 bytes short of its 4 KiB page,
    # and a filler takes every other page: the next line fits only in part.
    pad=$(( 4096 - 20 - $(stat -c %s "$J") - 1 - $(pump_line pad 5 07:00 | wc -c) - 10 ))
    printf '%s,"note":"%s"}\n' "$(pump_line pad 5 07:00 | head -c -1)" "$(head -c "$pad" /dev/zero | tr '\0' x)" >> "$J"
    [ "$(stat -c %s "$J")" -eq 4076 ]
    head -c 200000 /dev/zero > "$SMALL/filler" 2>/dev/null || true
    before="$(journal_sum)"
    for try in 1 2 3; do
        run --separate-stderr pumplog add 40ml --note "a note long enough that the line does not fit in what is left"
        [ "$status" -eq 3 ]
        [[ "$stderr" == "pumplog: error: cannot write journal $J: No space left on device; nothing was written" ]]
        [ "$(journal_sum)" = "$before" ]
    done
    run pumplog log check
    [ "$status" -eq 0 ]
    # A merge that cannot write its temporary file leaves the journal and no JOURNAL.tmp.
    pump_line m 70 10:00 > "$TEST_DIR/other.jsonl" && echo >> "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 3 ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.tmp" ]
    # With room again, merge and import run without a repair.
    rm "$SMALL/filler"
    run pumplog log merge "$TEST_DIR/other.jsonl"
    [ "$status" -eq 0 ]
    cd "$PUMPLOG_SOURCE_DIR/tests/data/import"
    run pumplog log import babybuddy/pumping.csv --unit ml --child Ada
    [ "$status" -eq 0 ]
    run pumplog log check
    [ "$status" -eq 0 ]
}

@test "on a full disk a repair that fails after writing JOURNAL.rejected cuts it back; run again, it moves each bad line once" {
    small_disk
    for ml in 10 20 30; do pumplog add "${ml}ml" >/dev/null; done
    printf 'bad one\n' >> "$J"
    pumplog add 40ml >/dev/null
    printf 'bad two\n' >> "$J"
    before="$(journal_sum)"
    # JOURNAL.rejected has a page with room for the bad lines; a filler takes
    # every other page, so the rewrite's temporary file cannot be written.
    printf 'earlier\n' > "$J.rejected"
    head -c 200000 /dev/zero > "$SMALL/filler" 2>/dev/null || true
    [ "$(stat -f -c %a "$SMALL")" -eq 0 ]
    run --separate-stderr pumplog log check --repair
    [ "$status" -eq 3 ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.tmp" ]
    [ "$(cat "$J.rejected")" = earlier ]  # cut back: a failed repair changes nothing
    rm "$SMALL/filler"
    run pumplog log check --repair
    [ "$status" -eq 0 ]
    [ "$(cat "$J.rejected")" = "earlier
bad one
bad two" ]
    [ "$(wc -l < "$J")" -eq 4 ]
}

# A journal of exactly `bytes` bytes: pump lines and a padding note.
journal_of_bytes() {  # bytes
    for ml in 10 20 30; do pumplog add "${ml}ml" >/dev/null; done
    local pad=$(( $1 - $(stat -c %s "$J") - $(pump_line pad 5 07:00 | wc -c) - 11 ))
    printf '%s,"note":"%s"}\n' "$(pump_line pad 5 07:00 | head -c -1)" "$(head -c "$pad" /dev/zero | tr '\0' x)" >> "$J"
    [ "$(stat -c %s "$J")" -eq "$1" ]
}

@test "under a file-size limit (ulimit -f) a failed add says so and exits 3, the journal byte-identical" {
    # 20 bytes short of the 4 KiB limit: the next line fits only in part (without SIGXFSZ ignored, the process
    # was killed mid-write, a torn line left and exit 153).
    journal_of_bytes 4076
    before="$(journal_sum)"
    run --separate-stderr bash -c '(ulimit -f 4 && exec "$PUMPLOG_BIN" add 40ml --note "a note long enough not to fit")'
    [ "$status" -eq 3 ]
    [ -z "$output" ]
    [ "$stderr" = "pumplog: error: cannot write journal $J: the file would pass the file-size limit (ulimit -f, \
systemd LimitFSIZE=); nothing was written" ]
    [ "$(journal_sum)" = "$before" ]
    run pumplog log check
    [ "$status" -eq 0 ]
}

@test "under a file-size limit (ulimit -f) a repair that cannot write its temporary file changes nothing, no .tmp left" {
    journal_of_bytes 4076
    printf 'bad one\n' >> "$J"
    before="$(journal_sum)"
    run --separate-stderr bash -c '(ulimit -f 3 && exec "$PUMPLOG_BIN" log check --repair)'
    [ "$status" -eq 3 ]
    [ "$stderr" = "pumplog: error: cannot write $J.tmp: the file would pass the file-size limit (ulimit -f, \
systemd LimitFSIZE=)" ]
    [ "$(journal_sum)" = "$before" ]
    [ ! -e "$J.tmp" ]
    [ ! -s "$J.rejected" ]
}
