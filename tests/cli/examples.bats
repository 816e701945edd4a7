#!/usr/bin/env bats
# Every command in examples/ and in the README runs, so none of them can rot.
#
# Conventions (for whoever writes README.md, examples/*.md, examples/crontab
# and examples/systemd/):
# - Markdown: each line of a ```sh fenced block is a command line (other fences,
#   and indented blocks, are not run). A line is split at &&, || and ; outside
#   quotes; a "# ..." comment is ignored.
# - A segment runs when its command word (after VAR=value assignments) is
#   `pumplog` or a path ending in /pumplog (./build/pumplog); pipes and
#   redirections in it run too. Other segments (building, installing, crontab,
#   systemctl, cp) are listed as not run.
# - A segment whose command ("plan", "log merge") does not exist in this build
#   is skipped with a message, so the test passes on a branch and checks
#   everything once all branches are merged.
# - Commands run with bash, in order, in a copy of their file's folder (for
#   README.md: a folder with examples/ and build/pumplog), with HOME and the XDG
#   folders empty, PUMPLOG_JOURNAL a copy of examples/journal.jsonl,
#   TZ=America/New_York and PUMPLOG_NOW=2026-11-23T07:00:00-05:00. State
#   carries from one command to the next within a file.
# - A command passes when it exits 0, or exits 1 printing nothing (a cron query
#   with nothing to say). It must not print "pumplog: error".
# - examples/crontab: the command of each schedule line, the same way.
# - examples/systemd/*.service: each ExecStart= line (with systemd's $$ and %%
#   unescaped) runs under /bin/sh with a fake notify-send, and must exit 0;
#   `systemd-analyze verify` must accept every unit.
# - KNOWN_BROKEN lists commands that fail for a reason outside this test (say
#   a reference that is not in the example journal): each is skipped with its
#   reason. Fix the document, then remove the entry.
load helpers
bats_require_minimum_version 1.5.0

KNOWN_BROKEN=()

setup_file() {
    command -v python3 >/dev/null || skip "python3 is needed to read the examples"
    # What this build has, for the skip rule.
    PUMPLOG_PATHS="$("$PUMPLOG_BIN" completion --list commands)"
    PUMPLOG_LEAVES="$(while read -r path; do
        # shellcheck disable=SC2086 # the path's words are separate arguments
        "$PUMPLOG_BIN" $path --help | grep -q '^Positionals:' && echo "$path"
    done <<<"$PUMPLOG_PATHS")"
    # Global options that take a value: "  -j,--journal FILE  ..." in pumplog --help.
    PUMPLOG_VALUED="$("$PUMPLOG_BIN" --help | sed -n 's/^  \(-[^ ]*\) [A-Za-z].*/\1/p' | tr ',' ' ')"
    export PUMPLOG_PATHS PUMPLOG_LEAVES PUMPLOG_VALUED
}

setup() {
    TEST_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/pumplog-examples.XXXXXX")"
    export HOME="$TEST_DIR/home" XDG_DATA_HOME="$TEST_DIR/data" XDG_CONFIG_HOME="$TEST_DIR/config"
    export TZ="America/New_York" PUMPLOG_NOW="2026-11-23T07:00:00-05:00"
    unset NO_COLOR PUMPLOG_CONFIG
    mkdir -p "$HOME" "$TEST_DIR/bin" "$TEST_DIR/root/build"
    ln -s "$PUMPLOG_BIN" "$TEST_DIR/bin/pumplog"
    ln -s "$PUMPLOG_BIN" "$TEST_DIR/root/build/pumplog"
    cp -r "$PUMPLOG_SOURCE_DIR/examples" "$TEST_DIR/root/examples"
    cp "$PUMPLOG_SOURCE_DIR/examples/journal.jsonl" "$TEST_DIR/journal.jsonl"
    export PUMPLOG_JOURNAL="$TEST_DIR/journal.jsonl"
    # A notify-send that records its arguments.
    printf '#!/bin/sh\nprintf "%%s|" "$@" >> "%s/notified"\necho >> "%s/notified"\n' "$TEST_DIR" "$TEST_DIR" \
        > "$TEST_DIR/bin/notify-send"
    chmod +x "$TEST_DIR/bin/notify-send"
    export PATH="$TEST_DIR/bin:$PATH"

}

known_broken() {
    local entry
    for entry in "${KNOWN_BROKEN[@]}"; do
        if [ "${entry%%|*}" = "$1" ]; then
            echo "${entry#*|}"
            return 0
        fi
    done
    return 1
}

# Runs the commands of FILE (KIND md, crontab or systemd) in folder DIR;
# reports each on fd 3 and fails listing the commands that failed.
run_commands() {
    local file="$1" kind="$2" dir="$3" shell="${4:-bash}"
    local number status reason segment failures="" out code why
    local listing
    listing="$(python3 "$PUMPLOG_SOURCE_DIR/tests/cli/example_commands.py" "$file" "$kind")"
    [ -n "$listing" ] || { echo "no commands found in $file" >&2; return 1; }
    while IFS=$'\t' read -r number status reason segment; do
        local where="${file#"$PUMPLOG_SOURCE_DIR"/}:$number"
        if [ "$status" = skip ]; then
            echo "# skipped $where: $reason: $segment" >&3
            continue
        fi
        if [ "$status" = other ]; then
            echo "# not run $where (not a pumplog command): $segment" >&3
            continue
        fi
        if why="$(known_broken "$segment")"; then
            echo "# skipped $where (known broken: $why): $segment" >&3
            continue
        fi
        code=0
        out="$(cd "$dir" && "$shell" -c "$segment" 2>&1 </dev/null)" || code=$?
        if [ "$code" -eq 0 ] && [[ $out != *"pumplog: error"* ]]; then
            echo "# ok $where: $segment" >&3
        elif [ "$code" -eq 1 ] && [ -z "$out" ] && [ "$kind" != systemd ]; then
            echo "# ok $where (nothing to say): $segment" >&3
        else
            failures+="$where: exit $code: $segment"$'\n'"    ${out//$'\n'/$'\n'    }"$'\n'
        fi
    done <<<"$listing"
    if [ -n "$failures" ]; then
        printf 'failed:\n%s' "$failures" >&2
        return 1
    fi
}

@test "every command in README.md runs" {
    run_commands "$PUMPLOG_SOURCE_DIR/README.md" md "$TEST_DIR/root"
}

@test "every command in examples/README.md runs" {
    run_commands "$PUMPLOG_SOURCE_DIR/examples/README.md" md "$TEST_DIR/root/examples"
}

@test "every command in examples/crontab runs" {
    run_commands "$PUMPLOG_SOURCE_DIR/examples/crontab" crontab "$TEST_DIR/root/examples"
}

@test "every systemd unit's command runs and notifies only with a message" {
    local unit
    for unit in "$PUMPLOG_SOURCE_DIR"/examples/systemd/*.service; do
        run_commands "$unit" systemd "$TEST_DIR/root/examples" sh
    done
    if [ -e "$TEST_DIR/notified" ]; then
        # each notification has a title and a non-empty message
        run grep -v '^--app-name=pumplog|[^|]\+|[^|]\+|$' "$TEST_DIR/notified"
        [ "$status" -eq 1 ]
    fi
}

@test "systemd accepts every example unit" {
    command -v systemd-analyze >/dev/null || skip "systemd-analyze is not installed"
    run systemd-analyze verify --man=no "$PUMPLOG_SOURCE_DIR"/examples/systemd/*
    if [[ $output == *"Failed to initialize manager"* ]]; then skip "systemd-analyze cannot run here: $output"; fi
    [ "$status" -eq 0 ]
    [ -z "$output" ]
}

@test "the crontab's schedules are valid" {
    # Five time fields of digits, ranges, lists, steps or *, then a command.
    local line
    while read -r line; do
        [[ $line =~ ^[0-9*,/-]+\ +[0-9*,/-]+\ +[0-9*,/-]+\ +[0-9*,/-]+\ +[0-9*,/-]+\ +pumplog\  ]] || {
            echo "not a valid schedule line: $line" >&2
            return 1
        }
    done < <(grep -v '^\s*#' "$PUMPLOG_SOURCE_DIR/examples/crontab" | grep -v '^\s*$' | grep -v '^[A-Za-z_]*=')
}

@test "the systemd units notify on a message, stay quiet with nothing to say, and fail on an error" {
    # A stand-in pumplog, so the units' shell logic is checked whatever this build has.
    mkdir -p "$TEST_DIR/fake"
    printf '#!/bin/sh\n[ -n "$FAKE_OUT" ] && echo "$FAKE_OUT"\nexit "$FAKE_CODE"\n' > "$TEST_DIR/fake/pumplog"
    chmod +x "$TEST_DIR/fake/pumplog"
    local unit command
    for unit in "$PUMPLOG_SOURCE_DIR"/examples/systemd/*.service; do
        command="$(python3 "$PUMPLOG_SOURCE_DIR/tests/cli/example_commands.py" "$unit" systemd | cut -f4)"
        rm -f "$TEST_DIR/notified"
        PATH="$TEST_DIR/fake:$PATH" FAKE_OUT="Pump at 07:30 (in 30 min), aim for 110 ml" FAKE_CODE=0 sh -c "$command"
        run cat "$TEST_DIR/notified"
        [[ $output == "--app-name=pumplog|"*"|Pump at 07:30 (in 30 min), aim for 110 ml|" ]]
        rm -f "$TEST_DIR/notified"
        PATH="$TEST_DIR/fake:$PATH" FAKE_OUT="" FAKE_CODE=1 sh -c "$command"
        [ ! -e "$TEST_DIR/notified" ]
        run env PATH="$TEST_DIR/fake:$PATH" FAKE_OUT="" FAKE_CODE=3 sh -c "$command"
        [ "$status" -ne 0 ]
        [ ! -e "$TEST_DIR/notified" ]
    done
}

@test "the i3blocks script prints nothing when there is nothing to read, and says why on stderr" {
    local script="$PUMPLOG_SOURCE_DIR/examples/i3blocks-pumplog"
    command -v jq >/dev/null || skip "jq is not installed"
    export PATH="$TEST_DIR/bin:$PATH" PUMPLOG_NOW="2026-11-23 10:00"
    run --separate-stderr env PUMPLOG_JOURNAL="$TEST_DIR/mistyped.jsonl" sh "$script"
    [ "$status" -eq 0 ] && [ "$output" = "" ]
    [ "$stderr" = "pumplog: no journal at $TEST_DIR/mistyped.jsonl yet" ]
    : > "$TEST_DIR/empty.jsonl"
    run --separate-stderr env PUMPLOG_JOURNAL="$TEST_DIR/empty.jsonl" sh "$script"
    [ "$status" -eq 0 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
    cp "$PUMPLOG_SOURCE_DIR/examples/journal.jsonl" "$TEST_DIR/j.jsonl"
    run --separate-stderr env PUMPLOG_JOURNAL="$TEST_DIR/j.jsonl" sh "$script"
    [ "$status" -eq 0 ] && [ "$stderr" = "" ]
    [[ "$output" == *" pumped"* ]]
}

# The Quick start's plan is for the baby the README describes: the age it gives her is the one the plan's
# estimate is for (review N, finding 2: with no birth date the plan took her to be 15 days old, not 15 weeks).
@test "README's quick start plans for the example baby at the age the README gives her" {
    local readme="$PUMPLOG_SOURCE_DIR/README.md" quick command weeks day
    quick="$(sed -n '/^## Quick start/,/^## A day/p' "$readme")"
    command="$(sed -n '/^```sh$/{n;p;q}' <<<"$quick")"
    command="${command##*&& }"
    [[ $command == "TZ=America/New_York ./build/pumplog "* ]]
    weeks="$(tr '\n' ' ' <<<"$quick" | sed -n 's/.* so is \([0-9]*\) weeks old .*/\1/p')"
    [ -n "$weeks" ]
    run bash -c "cd '$TEST_DIR/root' && $command"
    [ "$status" -eq 0 ]
    [[ $output != *"birth date is not set"* ]]
    day="$(sed -n 's/.*what babies drink on day \([0-9]*\) .*/\1/p' <<<"$output")"
    [ -n "$day" ]
    [ $((day / 7)) -eq "$weeks" ]
}

# README's "A day with pumplog" shows what its commands print: run them as it
# says (TZ=America/New_York, the example journal) and compare.
@test "README's day with pumplog shows what the commands print" {
    local readme="$PUMPLOG_SOURCE_DIR/README.md" blocks
    blocks="$(python3 - "$readme" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
after = text.split("With `TZ=America/New_York` and the example journal:", 1)[1]
found = re.search(r"```sh\n(.*?)```\n\n```\n(.*?)```\n", after, re.S)
print(found.group(1) + "@@@@\n" + found.group(2), end="")
PY
)"
    local commands="${blocks%%@@@@*}" expected="${blocks#*@@@@$'\n'}"
    [ -n "$commands" ] && [ -n "$expected" ]
    export PATH="$TEST_DIR/bin:$PATH"
    run bash -c "$commands"
    [ "$status" -eq 0 ]
    diff <(printf "%s\n" "$output") <(printf "%s\n" "$expected")
}
