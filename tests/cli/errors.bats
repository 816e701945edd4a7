#!/usr/bin/env bats
# Exit codes and error lines (SPEC 2), help and version, global options.
load helpers

# The subcommand names listed in a --help text.
subcommands_of() {
    pumplog "$@" --help | awk '/^(Sub)?[Cc]ommands:/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ { print $1 }'
}

@test "--help at every level exits 0 and prints usage on stdout" {
    local checked=0 top sub
    run --separate-stderr pumplog --help
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "Usage: pumplog [OPTIONS] [COMMAND]" ]]
    [ "$stderr" = "" ]
    for top in $(subcommands_of); do
        run --separate-stderr pumplog "$top" --help
        [ "$status" -eq 0 ] || { echo "$top --help: exit $status" >&2; return 1; }
        [[ "$output" == *"Usage: pumplog $top"* ]] || { echo "$top --help: $output" >&2; return 1; }
        checked=$((checked + 1))
        for sub in $(subcommands_of "$top"); do
            run --separate-stderr pumplog "$top" "$sub" --help
            [ "$status" -eq 0 ] || { echo "$top $sub --help: exit $status" >&2; return 1; }
            [[ "$output" == *"Usage: pumplog $top $sub"* ]] || { echo "$top $sub --help: $output" >&2; return 1; }
            run --separate-stderr pumplog "$top" "$sub" -h
            [ "$status" -eq 0 ]
            checked=$((checked + 1))
        done
    done
    # add, log and its 5 subcommands, config and its 4, at least.
    [ "$checked" -ge 12 ]
}

@test "--help does not touch the journal or need the zone" {
    TZ="EST5EDT,M3.2.0,M11.1.0" run --separate-stderr pumplog add --help
    [ "$status" -eq 0 ]
    [ ! -e "$J" ]
}

@test "--version prints the version and exits 0" {
    run --separate-stderr pumplog --version
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^pumplog\ [0-9]+\.[0-9]+ ]]
    run --separate-stderr pumplog -V
    [ "$status" -eq 0 ]
}

@test "an unknown command is refused with a suggestion" {
    refused 2 pumplog ad 90ml
    [ "$stderr" = 'pumplog: error: unknown command "ad"; did you mean "add"?' ]
    refused 2 pumplog lgo
    [ "$stderr" = 'pumplog: error: unknown command "lgo"; did you mean "log"?' ]
    refused 2 pumplog --unit oz confgi list
    [ "$stderr" = 'pumplog: error: unknown command "confgi"; did you mean "config"?' ]
    refused 2 pumplog frobnicate
    [[ "$stderr" == 'pumplog: error: unknown command "frobnicate"; the commands are add, status, pump, log, '* ]]
}

@test "an error quoting a word or a path with a newline or an escape is still one line, shown not acted on" {
    run --separate-stderr pumplog $'fr\nob\e[2J'
    [ "$status" -eq 2 ]
    [ "${#stderr_lines[@]}" -eq 1 ]
    [[ $stderr == 'pumplog: error: unknown command "fr\x0aob\x1b[2J"; '* ]]
    run --separate-stderr pumplog log merge $'/no\nfile'
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: cannot read /no\x0afile: no such file' ]
    run --separate-stderr pumplog log import $'/no\nfile'
    [ "$status" -eq 2 ]
    [ "${#stderr_lines[@]}" -eq 1 ]
}

@test "an argument with controls is quoted in one style everywhere: \x1b, \u202e, \xHH, as typed" {
    local e=$'\e]52;c;ZXZpbA==\a\e[2J\r\u202e\xc2\x9b\xff'
    local shown='\x1b]52;c;ZXZpbA==\x07\x1b[2J\x0d\u202e\u009b\xff'
    pumplog add 90ml >/dev/null 2>&1
    refused 2 pumplog add "9$e"
    [ "$stderr" = "pumplog: error: \"9$shown\" is not an amount; try 90ml or 3oz" ]
    refused 2 pumplog log rm "x$e"
    [ "$stderr" = "pumplog: error: no entry has the reference \"x$shown\"; see pumplog log" ]
    refused 2 pumplog add 10ml --unit "$e"
    [ "$stderr" = "pumplog: error: \"$shown\" is not a unit; use ml or oz" ]
}

@test "a line that is not UTF-8 is called so by log, log import and log check alike" {
    printf '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":10,"note":"\xff"}\n' > "$J"
    run --separate-stderr pumplog log
    [ "$stderr" = "pumplog: warning: $J:1: not valid UTF-8; skipped (see pumplog log check)" ]
    refused 3 pumplog log import "$PUMPLOG_SOURCE_DIR/tests/data/import/babybuddy/feeding.csv" --unit ml
    [ "$stderr" = "pumplog: error: $J:1: not valid UTF-8; an import rewrites the journal and would drop that line: run pumplog log check --repair first" ]
    run --separate-stderr pumplog log check
    [[ "$output" == "$J:1: not valid UTF-8"* ]]
}

@test "an unknown subcommand is refused with a suggestion" {
    refused 2 pumplog log fed 120ml
    [ "$stderr" = 'pumplog: error: unknown command "log fed"; did you mean "log feed"?' ]
    refused 2 pumplog config gte unit
    [ "$stderr" = 'pumplog: error: unknown command "config gte"; did you mean "config get"?' ]
    refused 2 pumplog log frobnicate
    [[ "$stderr" == 'pumplog: error: unknown command "log frobnicate"; the log commands are pump, feed, undo, rm, edit'* ]]
}

@test "no command prints status (SPEC 10); a command group without its subcommand is a usage error" {
    run --separate-stderr pumplog --unit oz
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "Today, Sat 2026-11-21 14:05" ]
    refused 2 pumplog config
}

@test "CLI11's own errors are exit 2 with one pumplog: error: line" {
    pumplog add 90ml
    refused 2 pumplog add 90ml --bogus
    [ "$stderr" = 'pumplog: error: unknown option "--bogus" for "add"; see pumplog add --help' ]
    refused 2 pumplog add 90ml --at
    refused 2 pumplog log --since
    refused 2 pumplog --journal
    refused 2 pumplog log edit
    refused 2 pumplog log rm
    refused 2 pumplog log undo extra
    refused 2 pumplog add 90ml --force=maybe
    refused 2 pumplog config set unit oz extra --bogus
}

@test "bad global option values are refused" {
    pumplog add 90ml
    refused 2 pumplog --unit floz log
    [ "$stderr" = 'pumplog: error: "floz" is not a unit; use ml or oz' ]
    refused 2 pumplog --color sometimes log
    [ "$stderr" = 'pumplog: error: --color takes auto, always or never, not "sometimes" (see pumplog --help)' ]
    refused 2 pumplog report --color bogus
    [ "$stderr" = 'pumplog: error: --color takes auto, always or never, not "bogus" (see pumplog --help)' ]
    refused 2 pumplog --color
    [ "$stderr" = 'pumplog: error: --color takes auto, always or never (see pumplog --help)' ]
    refused 2 pumplog log --format xml
    [ "$stderr" = "pumplog: error: --format xml is not available here; use table, json, csv" ]
    refused 2 pumplog --now banana log
    [[ "$stderr" == 'pumplog: error: --now: "banana" is not a time'* ]]
    PUMPLOG_NOW=banana refused 2 pumplog log
    refused 2 pumplog --now "" log
    # An option given last without its value says so, not CLI11's "1 required ml|oz missing".
    refused 2 pumplog --unit
    [ "$stderr" = 'pumplog: error: --unit needs a value (ml|oz) (see pumplog --help)' ]
    refused 2 pumplog log feed --left
    [ "$stderr" = 'pumplog: error: --left needs a value (DURATION) (see pumplog log feed --help)' ]
}

@test "an option given twice is said in words, with its values and the help of the command that has it" {
    pumplog add 90ml --at 9:00 > /dev/null 2>&1
    refused 2 pumplog log feed 90ml --at 1:00 --at 2:00
    [ "$stderr" = 'pumplog: error: --at is given twice (1:00 and 2:00); give it once (see pumplog log feed --help)' ]
    refused 2 pumplog add 90ml --note a --note "b c" --note=d
    [ "$stderr" = 'pumplog: error: --note is given 3 times (a, "b c" and d); give it once (see pumplog add --help)' ]
    refused 2 pumplog report --since monday --since 2026-11-01
    [ "$stderr" = 'pumplog: error: --since is given twice (monday and 2026-11-01); give it once (see pumplog report --help)' ]
    # A global option is pumplog's, before the command or after it.
    refused 2 pumplog --unit ml --unit oz status
    [ "$stderr" = 'pumplog: error: --unit is given twice (ml and oz); give it once (see pumplog --help)' ]
    refused 2 pumplog log --unit ml --unit oz
    [ "$stderr" = 'pumplog: error: --unit is given twice (ml and oz); give it once (see pumplog --help)' ]
    refused 2 pumplog add 80ml -j "$J" --journal "$J"
    [ "$stderr" = "pumplog: error: --journal is given twice ($J and $J); give it once (see pumplog --help)" ]
}

@test "a command without machine output refuses --format json or csv, writing nothing" {
    pumplog add 90ml > /dev/null 2>&1
    # refused() checks the journal is byte-identical afterwards.
    refused 2 pumplog add 80ml --format json
    [ "$stderr" = "pumplog: error: --format json is not available here; use table" ]
    refused 2 pumplog --format csv stock add 120ml --in fridge
    [ "$stderr" = "pumplog: error: --format csv is not available here; use table" ]
    refused 2 pumplog log feed 100ml --format ics
    refused 2 pumplog config set unit oz --format json
    [ "$(pumplog config get unit)" = ml ]
    # --format table is every command's, and a command with JSON keeps it.
    run --separate-stderr pumplog add 70ml --format table
    [ "$status" -eq 0 ]
    run --separate-stderr pumplog log --format json
    [ "$(jq length <<< "$output")" = 2 ]
}

@test "global options work after the command word" {
    pumplog add 90ml
    run --separate-stderr pumplog log --unit oz --format csv --now 2026-11-22T10:00:00+01:00
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == *",3.04,"* ]]
    run --separate-stderr pumplog log --format json -j "$J"
    [ "$(echo "$output" | jq length)" = 1 ]
}

@test "--now sets now for every now-relative computation" {
    pumplog add 90ml --now 2026-11-10T08:00:00+01:00
    run --separate-stderr pumplog log --format json
    [ "$output" = "[]" ]
    run --separate-stderr pumplog log --format json --now 2026-11-11T08:00:00+01:00
    [ "$(echo "$output" | jq length)" = 1 ]
    run --separate-stderr pumplog add 10ml --at 07:00 --now 2026-11-10T08:00:00+01:00
    [ "$output" = "Logged 10 ml at 07:00 - today 100 ml in 2 sessions" ]
}

@test "warnings go to stderr and do not change the exit code" {
    journal_line 'garbage'
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    [ "$stderr" = "pumplog: warning: $J:1: not valid JSON; skipped (see pumplog log check)" ]
}

@test "a write error on stdout is exit 4 (see output.bats)" {
    [ -w /dev/full ] || skip "no /dev/full"
    pumplog add 90ml
    run --separate-stderr bash -c '"$PUMPLOG_BIN" log --format json > /dev/full'
    [ "$status" -eq 4 ]
}

@test "a missing argument points at its own command's help; a bad PUMPLOG_NOW is named as such" {
    refused 2 pumplog log rm
    [ "$stderr" = "pumplog: error: ref is required (see pumplog log rm --help)" ]
    refused 2 pumplog config set unit
    [ "$stderr" = "pumplog: error: value is required (see pumplog config set --help)" ]
    PUMPLOG_NOW=banana refused 2 pumplog add 90ml
    [[ "$stderr" == 'pumplog: error: PUMPLOG_NOW: "banana" is not a time; '* ]]
    refused 2 pumplog --now banana add 90ml
    [[ "$stderr" == 'pumplog: error: --now: "banana" is not a time; '* ]]
    # A --now with its date needs no current time: it wins over a bad PUMPLOG_NOW (review); one read against
    # the current time ("07:30", "2h ago") does not, and the error names PUMPLOG_NOW.
    PUMPLOG_NOW=banana run --separate-stderr pumplog --now "2026-11-20T07:30:00+01:00" add 90ml
    [ "$status" -eq 0 ] && [ "$stderr" = "Started a new journal at $J" ]
    [ "$output" = "Logged 90 ml at 07:30 - today 90 ml in 1 session" ]
    PUMPLOG_NOW=banana run --separate-stderr pumplog --now "2026-11-20 09:00" log --format csv
    [ "$status" -eq 0 ] && [[ "$output" == *",2026-11-20T07:30:00+01:00,90,"* ]]
    PUMPLOG_NOW=banana refused 2 pumplog --now 07:30 add 90ml
    [[ "$stderr" == 'pumplog: error: PUMPLOG_NOW: "banana" is not a time; '* ]]
    PUMPLOG_NOW=banana refused 2 pumplog --now "2h ago" add 90ml
    [[ "$stderr" == 'pumplog: error: PUMPLOG_NOW: "banana" is not a time; '* ]]
}
