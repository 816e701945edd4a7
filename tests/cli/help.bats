#!/usr/bin/env bats
# --help at every level (80 columns, an example), --version, `help COMMAND`,
# and the suggestion for a mistyped command. Every command path comes from
# `pumplog completion --list commands`, so commands merged later are covered.
load helpers
bats_require_minimum_version 1.5.0

# pumplog itself, then every command path ("log", "log edit", ...).
command_paths() {
    echo ""
    pumplog completion --list commands
}

@test "every command path is listed" {
    run pumplog completion --list commands
    [ "$status" -eq 0 ]
    [[ $output == *$'\n'"log edit"$'\n'* ]]
    [[ $output == *$'\n'"config set"$'\n'* ]]
    [[ $output == "add"$'\n'* ]]
}

@test "every help line fits in 80 columns, at every level" {
    local path line long=""
    export LC_ALL=C.UTF-8
    while read -r path; do
        # shellcheck disable=SC2086 # the path's words are separate arguments
        while IFS= read -r line; do
            [ "${#line}" -le 80 ] || long+="pumplog $path --help: ${#line} columns: $line"$'\n'
        done < <(pumplog $path --help)
    done < <(command_paths)
    [ -z "$long" ] || { printf '%s' "$long" >&2; return 1; }
}

@test "pumplog --help's exit status is one paragraph, not a line cut short" {
    run pumplog --help
    [ "$status" -eq 0 ]
    local paragraph
    paragraph="$(sed -n '/^Exit status:/,$p' <<<"$output")"
    [[ $paragraph == *"4 done but the reply could"$'\n'"not be printed (do not retry). See pumplog(1)." ]]
    ! grep -q '^ ' <<<"$paragraph"
}

@test "every help shows an example of its own command, at every level" {
    local path missing=""
    while read -r path; do
        # shellcheck disable=SC2086
        pumplog $path --help | sed -n '/^Examples:$/,$p' | grep -q "^  pumplog ${path:+$path}" ||
            missing+="pumplog $path --help has no \"Examples:\" section showing \"pumplog $path\""$'\n'
    done < <(command_paths)
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "help works after global options and a command" {
    run --separate-stderr pumplog -j "$J" --unit oz log edit --help
    [ "$status" -eq 0 ]
    [[ ${lines[1]} == "Usage: pumplog log edit [OPTIONS] [ref]" ]]
}

@test "a description longer than a line wraps under its own column" {
    run pumplog --help
    [ "$status" -eq 0 ]
    [[ $output == *"  -j,--journal FILE       journal file (default: \$PUMPLOG_JOURNAL, else"$'\n'"                          \$XDG_DATA_HOME/pumplog/journal.jsonl, else"$'\n'"                          ~/.local/share/pumplog/journal.jsonl)"* ]]
}

@test "--force's help names what it overrides; log edit's --at is a start" {
    run pumplog add --help
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"accept an implausible amount, a future time or end, a side without a unit beside one in another unit, a likely duplicate or an unusually large session, or a timer over 2 hours as timed"* ]]
    run pumplog log pump --help
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"a side without a unit beside one in another unit, a likely duplicate"* ]]
    run pumplog log feed --help
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"accept an implausible amount or duration, a future time or end, or a likely duplicate or unusually large bottle"* ]]
    run pumplog log edit --help
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"accept an implausible value, a future time or end, or a side without a unit beside one in another unit"* ]]
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"new time: a pump's or feed's start"* ]]
    run pumplog pump stop --help
    [[ "$(tr -s ' \n' '  ' <<<"$output")" == *"an implausible amount, or a side without a unit beside one in another unit"* ]]
}

@test "a subcommand does not show its parent's examples" {
    run pumplog log undo --help
    [ "$status" -eq 0 ]
    [[ $output != *"pumplog log feed"* ]]
    [[ $output == *"Examples:"$'\n'"  pumplog log undo"* ]]
}

@test "--version prints the version of CMake's project()" {
    local version
    version="$(sed -n 's/^project(pumplog VERSION \([0-9.]*\).*/\1/p' "$PUMPLOG_SOURCE_DIR/CMakeLists.txt")"
    [ -n "$version" ]
    run --separate-stderr pumplog --version
    [ "$status" -eq 0 ]
    [ "$output" = "pumplog $version" ]
    run --separate-stderr pumplog -V
    [ "$output" = "pumplog $version" ]
}

@test "a mistyped command gets a suggestion, exit 2" {
    refused 2 pumplog confg
    [ "$stderr" = 'pumplog: error: unknown command "confg"; did you mean "config"?' ]
    refused 2 pumplog lgo
    [ "$stderr" = 'pumplog: error: unknown command "lgo"; did you mean "log"?' ]
}

@test "a mistyped stock gets stock suggested" {
    pumplog completion --list commands | grep -qx stock || skip "pumplog stock is not in this build yet"
    refused 2 pumplog stok
    [ "$stderr" = 'pumplog: error: unknown command "stok"; did you mean "stock"?' ]
}

@test "the suggestion looks past global options and their values" {
    refused 2 pumplog -j log.jsonl --unit oz confg
    [ "$stderr" = 'pumplog: error: unknown command "confg"; did you mean "config"?' ]
}

@test "a mistyped global option before a word gets the option suggested, not the word" {
    refused 2 pumplog --jurnal x status
    [ "$stderr" = 'pumplog: error: unknown option "--jurnal"; did you mean --journal? (see pumplog --help)' ]
    refused 2 pumplog --unit oz --formt json status
    [ "$stderr" = 'pumplog: error: unknown option "--formt"; did you mean --format? (see pumplog --help)' ]
    # the same answer as with the option alone
    refused 2 pumplog --jurnal
    [ "$stderr" = 'pumplog: error: unknown option "--jurnal"; did you mean --journal? (see pumplog --help)' ]
    [ ! -e "$J" ]
}

@test "a word far from every command lists the commands" {
    local commands
    commands="$(pumplog completion --list commands | grep -v ' ' | paste -sd, | sed 's/,/, /g')"
    refused 2 pumplog banana
    [ "$stderr" = "pumplog: error: unknown command \"banana\"; the commands are $commands" ]
}

# A man that records how it was called; -w succeeds for the pages in $PAGES.
fake_man() {
    mkdir -p "$TEST_DIR/bin"
    cat > "$TEST_DIR/bin/man" <<'MAN'
#!/bin/sh
echo "man $*" >> "$TEST_DIR/man.log"
if [ "$1" = -w ]; then
    for page in $PAGES; do [ "$page" = "$2" ] && exit 0; done
    exit 16
fi
echo "page $1"
MAN
    chmod +x "$TEST_DIR/bin/man"
    export TEST_DIR
}

@test "help COMMAND opens the command's page" {
    fake_man
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog pumplog-log" run --separate-stderr pumplog help log
    [ "$status" -eq 0 ]
    [ "$output" = "page pumplog-log" ]
    [ "$(tail -1 "$TEST_DIR/man.log")" = "man pumplog-log" ]
}

@test "help with no command opens pumplog(1)" {
    fake_man
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog" run --separate-stderr pumplog help
    [ "$status" -eq 0 ]
    [ "$output" = "page pumplog" ]
}

@test "help of a command without a page of its own opens pumplog(1)" {
    fake_man
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog" run --separate-stderr pumplog help completion
    [ "$status" -eq 0 ]
    [ "$output" = "page pumplog" ]
}

@test "help of a subcommand opens its command's page" {
    fake_man
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog pumplog-config" run --separate-stderr pumplog help config set
    [ "$output" = "page pumplog-config" ]
}

@test "help of a subcommand with a page of its own opens that page (log import: pumplog-import)" {
    fake_man
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog pumplog-log pumplog-import" run --separate-stderr pumplog help log import
    [ "$status" -eq 0 ]
    [ "$output" = "page pumplog-import" ]
    PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog pumplog-log pumplog-import" run --separate-stderr pumplog help log edit
    [ "$output" = "page pumplog-log" ]
}

@test "help whose page cannot be printed exits 4 with the error line, as --help does" {
    [ -w /dev/full ] || skip "no /dev/full"
    fake_man
    export PATH="$TEST_DIR/bin:$PATH" PAGES="pumplog pumplog-report"
    local lost="pumplog: error: cannot write to standard output (No space left on device); nothing was recorded"
    run --separate-stderr bash -c '"$PUMPLOG_BIN" help report > /dev/full'
    [ "$status" -eq 4 ]
    [ "$stderr" = "$lost" ]
    run --separate-stderr bash -c '"$PUMPLOG_BIN" help > /dev/full'
    [ "$status" -eq 4 ]
    [ "$stderr" = "$lost" ]
    run --separate-stderr bash -c '"$PUMPLOG_BIN" help report >&-'
    [ "$status" -eq 4 ]
    [ "$stderr" = "pumplog: error: cannot write to standard output (it is closed); nothing was recorded" ]
    # The page itself, printed by pumplog when stdout is no terminal: man's text, byte for byte.
    run --separate-stderr pumplog help report
    [ "$status" -eq 0 ]
    [ "$output" = "page pumplog-report" ]
    [ -z "$stderr" ]
}

@test "help without man prints the command's --help" {
    mkdir -p "$TEST_DIR/empty"
    run --separate-stderr env PATH="$TEST_DIR/empty" "$PUMPLOG_BIN" help log edit
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "correct an entry (appends an amendment)" ]
    [ "${lines[1]}" = "Usage: pumplog log edit [OPTIONS] [ref]" ]
    run --separate-stderr env PATH="$TEST_DIR/empty" "$PUMPLOG_BIN" help
    [ "${lines[1]}" = "Usage: pumplog [OPTIONS] [COMMAND]" ]  # none: status
}

@test "help of an unknown command is refused, exit 2" {
    refused 2 pumplog help banana
    [[ $stderr == 'pumplog: error: "banana" is not a command of pumplog; the commands are add, status, pump, log, '* ]]
    refused 2 pumplog help log banana
    [[ $stderr == 'pumplog: error: "banana" is not a command of pumplog log; the commands are pump, '* ]]
}
