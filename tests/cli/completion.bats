#!/usr/bin/env bats
# Completion: `pumplog completion bash|zsh|fish` and `completion --list`, tried
# in each real shell (bash with bash-completion, zsh's compsys, fish). Tests of
# `stock` skip, saying so, while this build has no `pumplog stock`.
load helpers
bats_require_minimum_version 1.5.0

setup() {
    TEST_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/pumplog-test.XXXXXX")"
    export HOME="$TEST_DIR/home" XDG_DATA_HOME="$TEST_DIR/data" XDG_CONFIG_HOME="$TEST_DIR/config"
    export PUMPLOG_JOURNAL="$TEST_DIR/journal.jsonl" TZ="Europe/Berlin" PUMPLOG_NOW="2026-11-21T14:05:00+01:00"
    unset NO_COLOR PUMPLOG_CONFIG
    J="$PUMPLOG_JOURNAL"
    mkdir -p "$HOME" "$TEST_DIR/bin"
    # The scripts run `pumplog` as typed: this build's.
    ln -s "$PUMPLOG_BIN" "$TEST_DIR/bin/pumplog"
    export PATH="$TEST_DIR/bin:$PATH"
    cd "$TEST_DIR" || return 1
    HERE="$PUMPLOG_SOURCE_DIR/tests/cli"
}

# Containers B1 (in the freezer), B2 (discarded), B3 (used up), B4 (half used);
# a pump of two months ago, and one today.
stash_journal() {
    local file="$1"
    printf '%s\n' \
        '{"v":1,"id":"01OLDPUMP0000000000000000A","type":"pump","at":"2026-09-20T07:00:00+02:00","ml":80}' \
        '{"v":1,"id":"S1xxx","type":"store","at":"2026-11-20T07:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T07:00:00+01:00","label":"B1"}' \
        '{"v":1,"id":"S2xxx","type":"store","at":"2026-11-20T08:00:00+01:00","ml":90,"place":"fridge","pumped":"2026-11-20T08:00:00+01:00","label":"B2"}' \
        '{"v":1,"id":"S3xxx","type":"store","at":"2026-11-20T09:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-20T09:00:00+01:00","label":"B3"}' \
        '{"v":1,"id":"D1xxx","type":"discard","at":"2026-11-20T10:00:00+01:00","target":"S2xxx","reason":"spilled"}' \
        '{"v":1,"id":"U1xxx","type":"use","at":"2026-11-20T11:00:00+01:00","target":"S3xxx","ml":60}' \
        '{"v":1,"id":"S4xxx","type":"store","at":"2026-11-20T12:00:00+01:00","ml":60,"place":"room","pumped":"2026-11-20T12:00:00+01:00","label":"B4"}' \
        '{"v":1,"id":"U2xxx","type":"use","at":"2026-11-20T13:00:00+01:00","target":"S4xxx","ml":30}' \
        '{"v":1,"id":"P1xxx","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100}' > "$file"
}

# Journal text that a shell would run if it evaluated it: labels and ids with
# $(...), backticks, ;, quotes and spaces, notes too; and a label holding a
# control character (never offered). Every line passes `log check`.
hostile_journal() {
    cat > "$1" <<'JSON'
{"v":1,"id":"a$(touch pwned-ref)","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100,"note":"$(touch pwned-note) `touch pwned-note`; touch pwned-note 'x' \"y\""}
{"v":1,"id":"b$(touch pwned-ref)","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}
{"v":1,"id":"S1xxx","type":"store","at":"2026-11-20T07:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T07:00:00+01:00","label":"$(touch pwned-label)"}
{"v":1,"id":"S2xxx","type":"store","at":"2026-11-20T08:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T08:00:00+01:00","label":"`touch pwned-tick`","note":"`touch pwned-note`"}
{"v":1,"id":"S3xxx","type":"store","at":"2026-11-20T09:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T09:00:00+01:00","label":"x;touch pwned-semi"}
{"v":1,"id":"S4xxx","type":"store","at":"2026-11-20T10:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T10:00:00+01:00","label":"it's \"two words\""}
{"v":1,"id":"S5xxx","type":"store","at":"2026-11-20T11:00:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-20T11:00:00+01:00","label":"B\u001b[2J"}
JSON
    pumplog -j "$1" log check >/dev/null
}

# Fails when anything made a file named pwned-* (a label or id was run).
nothing_ran() {
    local made
    made="$(find "$TEST_DIR" "$BATS_FILE_TMPDIR" -name 'pwned-*' 2>/dev/null)"
    [ -z "$made" ] || { echo "journal text was run: $made" >&2; return 1; }
}

# WORD as SHELL offers it: bash offers words quoted as it reads them back
# (COMPREPLY is inserted as it is), zsh and fish quote on insertion.
as_offered() {
    if [ "$1" = bash ]; then printf '%q' "$2"; else printf '%s' "$2"; fi
}

have_stock() {
    pumplog completion --list commands | grep -qx "stock move"
}

# What SHELL offers for LINE, sorted, one a line.
offered() {
    local shell="$1" line="$2"
    case $shell in
        bash)
            pumplog completion bash > "$TEST_DIR/pumplog.bash"
            bash "$HERE/complete-bash.sh" "$TEST_DIR/pumplog.bash" "$line" ;;
        bash-plain)
            pumplog completion bash > "$TEST_DIR/pumplog.bash"
            bash "$HERE/complete-bash.sh" --plain "$TEST_DIR/pumplog.bash" "$line" ;;
        zsh)
            mkdir -p "$BATS_FILE_TMPDIR/zsh"
            pumplog completion zsh > "$BATS_FILE_TMPDIR/zsh/_pumplog"
            ZCOMPDUMP="$BATS_FILE_TMPDIR/zcompdump" zsh -f "$HERE/complete-zsh.zsh" "$BATS_FILE_TMPDIR/zsh" "$line" ;;
        fish)
            pumplog completion fish > "$TEST_DIR/pumplog.fish"
            fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$TEST_DIR/pumplog.fish" "$line" | cut -f1 ;;
    esac | sort -u
}

need_shell() {
    case $1 in
        bash-plain) ;;
        bash) [ -f /usr/share/bash-completion/bash_completion ] ||
            skip "bash-completion is not installed (apt-get install bash-completion)" ;;
        zsh) command -v zsh >/dev/null || skip "zsh is not installed (apt-get install zsh)" ;;
        fish) command -v fish >/dev/null || skip "fish is not installed (apt-get install fish)" ;;
    esac
}

# Asserts that SHELL offers exactly the words after LINE (sorted).
offers() {
    local shell="$1" line="$2"
    shift 2
    local expected actual
    expected="$(printf '%s\n' "$@" | sort -u)"
    actual="$(offered "$shell" "$line")"
    if [ "$actual" != "$expected" ]; then
        echo "$shell, \"$line<TAB>\": expected [${expected//$'\n'/ }], got [${actual//$'\n'/ }]" >&2
        return 1
    fi
}

# Asserts that SHELL's offers for LINE include WORD.
offers_among() {
    local shell="$1" line="$2" word="$3" actual
    actual="$(offered "$shell" "$line")"
    grep -qx -- "$word" <<<"$actual" || {
        echo "$shell, \"$line<TAB>\": expected $word among [${actual//$'\n'/ }]" >&2
        return 1
    }
}

@test "completions/ holds what the generator prints" {
    local shell file stale=""
    for shell in bash:pumplog.bash zsh:_pumplog fish:pumplog.fish; do
        file="$PUMPLOG_SOURCE_DIR/completions/${shell#*:}"
        pumplog completion "${shell%%:*}" | cmp -s - "$file" || stale+=" ${shell#*:}"
    done
    [ -z "$stale" ] || {
        echo "completions/ is out of date:$stale; run: cmake --build build --target update-completions" >&2
        return 1
    }
}

@test "the scripts parse in their shells, and shellcheck accepts bash's" {
    pumplog completion bash > pumplog.bash
    bash -n pumplog.bash
    if command -v zsh >/dev/null; then pumplog completion zsh > _pumplog && zsh -n _pumplog; fi
    if command -v fish >/dev/null; then pumplog completion fish > pumplog.fish && fish -n pumplog.fish; fi
    if command -v shellcheck >/dev/null; then shellcheck -s bash pumplog.bash; fi
}

@test "completion without a shell, or an unknown one, is refused, exit 2" {
    refused 2 pumplog completion
    [ "$stderr" = "pumplog: error: which shell? try pumplog completion bash (or zsh, fish)" ]
    refused 2 pumplog completion ksh
    [ "$stderr" = 'pumplog: error: "ksh" is not a shell pumplog completes; use bash, zsh or fish' ]
}

@test "--list labels prints the containers holding milk, in the order stored" {
    stash_journal "$J"
    run --separate-stderr pumplog completion --list labels
    [ "$status" -eq 0 ]
    [ "$output" = $'B1\nB4' ]
}

@test "--list refs prints the references of the last 30 days, newest first" {
    stash_journal "$J"
    run --separate-stderr pumplog completion --list refs
    [ "$status" -eq 0 ]
    [ "$output" = $'p1xxx\nu2xxx\ns4xxx\nu1xxx\nd1xxx\ns3xxx\ns2xxx\ns1xxx' ]
}

@test "--list refs offers the newest 20 only" {
    for i in $(seq -w 1 25); do
        printf '{"v":1,"id":"P%sxxx","type":"pump","at":"2026-11-20T10:%s:00+01:00","ml":50}\n' "$i" "$i" >> "$J"
    done
    run --separate-stderr pumplog completion --list refs
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 20 ]
    [ "${lines[0]}" = "$(pumplog log --format json | jq -r '.[-1].ref')" ]
    [ "${lines[19]}" = "$(pumplog log --format json | jq -r '.[5].ref')" ]
}

@test "--list timers prints the refs of the running pump timers' starts alone, newest first" {
    stash_journal "$J"
    run --separate-stderr pumplog completion --list timers
    [ "$status" -eq 0 ] && [ "$output" = "" ]
    # two timers running: started on two devices, their journals merged
    printf '%s\n' \
        '{"v":1,"id":"T1xxx","type":"timer","at":"2026-11-21T13:50:00+01:00","action":"start","side":"left"}' \
        '{"v":1,"id":"T2xxx","type":"timer","at":"2026-11-21T13:55:00+01:00","action":"start"}' >> "$J"
    run --separate-stderr pumplog completion --list timers
    [ "$output" = $'t2xxx\nt1xxx' ]
    run --separate-stderr pumplog completion --list described-timers
    [ "$output" = $'t2xxx\t2026-11-21 13:55 pump timer start\nt1xxx\t2026-11-21 13:50 pump timer start (left)' ]
    # each is what --started accepts; once stopped, a timer is no longer offered
    pumplog pump stop 60ml --started t1xxx > /dev/null
    run --separate-stderr pumplog completion --list timers
    [ "$output" = t2xxx ]
    pumplog pump stop --cancel --started t2xxx > /dev/null
    run --separate-stderr pumplog completion --list timers
    [ "$status" -eq 0 ] && [ "$output" = "" ]
}

@test "--list honours -j" {
    stash_journal "$TEST_DIR/other.jsonl"
    run --separate-stderr pumplog -j "$TEST_DIR/other.jsonl" completion --list labels
    [ "$output" = $'B1\nB4' ]
    run --separate-stderr pumplog completion --list labels
    [ "$output" = "" ]
}

@test "--list prints nothing, and succeeds, when there is nothing to read" {
    run --separate-stderr pumplog -j "$TEST_DIR/absent.jsonl" completion --list labels
    [ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ]
    mkdir "$TEST_DIR/folder.jsonl"
    run --separate-stderr pumplog -j "$TEST_DIR/folder.jsonl" completion --list refs
    [ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ]
    stash_journal "$J"
    TZ="EST5EDT,M3.2.0,M11.1.0" run --separate-stderr pumplog completion --list refs
    [ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ]
}

@test "--list commands prints every command path; an unknown list is refused" {
    run --separate-stderr pumplog completion --list commands
    [ "${lines[0]}" = add ]
    [[ $output == *$'\nlog edit\n'* ]]
    refused 2 pumplog completion --list things
}

@test "--list is not offered to users" {
    run pumplog completion --help
    [[ $output != *"--list"* ]]
    need_shell bash
    offers bash "pumplog completion --l" ""
}

check_commands() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog con" config
    offers_among "$shell" "pumplog " log
    # shellcheck disable=SC2046 # one word per command
    offers "$shell" "pumplog log " $(pumplog completion --list commands | sed -n 's/^log //p')
    # shellcheck disable=SC2046
    offers "$shell" "pumplog help " $(pumplog completion --list commands | grep -v ' ')
    # a flag takes no value: the word after it is the command
    # shellcheck disable=SC2046
    offers "$shell" "pumplog --strict log " $(pumplog completion --list commands | sed -n 's/^log //p')
    offers "$shell" "pumplog log feed --breast --l" --left
}

# help COMMAND SUBCOMMAND: after a command, the subcommands of that command.
check_help() {
    local shell="$1" command
    need_shell "$shell"
    for command in log config plan pump stock; do
        # shellcheck disable=SC2046 # one word per subcommand
        offers "$shell" "pumplog help $command " $(pumplog completion --list commands | sed -n "s/^$command //p")
    done
    offers "$shell" "pumplog help log im" import
    offers "$shell" "pumplog help config s" set
    # a command without subcommands, and a subcommand: nothing more to name
    offers "$shell" "pumplog help report " ""
    offers "$shell" "pumplog help log edit " ""
    offers "$shell" "pumplog help nosuch " ""
}

check_stock() {
    local shell="$1"
    need_shell "$shell"
    have_stock || skip "pumplog stock is not in this build yet: $shell's stock completion is checked once it is merged"
    offers_among "$shell" "pumplog st" stock
    stash_journal "$J"
    offers "$shell" "pumplog stock move " B1 B4
    offers "$shell" "pumplog stock discard B" B1 B4
    # A new container's label: the ones in use are taken, so none is offered.
    offers "$shell" "pumplog stock add 90ml --label " ""
    offers "$shell" "pumplog stock combine B1 B4 --label B" ""
    stash_journal "$TEST_DIR/other.jsonl"
    : > "$J"
    offers "$shell" "pumplog -j $TEST_DIR/other.jsonl stock move " B1 B4
    offers "$shell" "pumplog stock move " ""
}

check_values() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog --format " table json csv ics md svg html
    offers "$shell" "pumplog --unit " ml oz
    offers "$shell" "pumplog --color " auto always never
    offers "$shell" "pumplog log feed --milk " breast formula
    offers "$shell" "pumplog plan --mode " away exclusive supply
    offers "$shell" "pumplog completion " bash zsh fish
    # Zone names: the system's tzdata (its zones and links), read here on its own.
    # shellcheck disable=SC2046
    offers "$shell" "pumplog log import --tz Europe/Be" $(awk '$1 == "Z" {print $2} $1 == "L" {print $3}' /usr/share/zoneinfo/tzdata.zi | grep '^Europe/Be')
    # shellcheck disable=SC2046
    offers "$shell" "pumplog config set timezone America/New_" $(awk '$1 == "Z" {print $2} $1 == "L" {print $3}' /usr/share/zoneinfo/tzdata.zi | grep '^America/New_')
    # shellcheck disable=SC2046
    offers "$shell" "pumplog config get " $(pumplog config list --format json | jq -r 'keys_unsorted[]')
    offers "$shell" "pumplog config unset max_gap_" max_gap_day max_gap_night
    offers "$shell" "pumplog log edit --a" --amount --at
    offers "$shell" "pumplog log edit --at " ""
}

check_refs() {
    local shell="$1"
    need_shell "$shell"
    stash_journal "$J"
    offers "$shell" "pumplog log rm " p1xxx u2xxx s4xxx u1xxx d1xxx s3xxx s2xxx s1xxx
    offers "$shell" "pumplog log edit s" s4xxx s3xxx s2xxx s1xxx
    offers "$shell" "pumplog log rm p1xxx u" u2xxx u1xxx
    # the journal named on the command line, not $PUMPLOG_JOURNAL
    mv "$J" "$TEST_DIR/other.jsonl"
    offers "$shell" "pumplog -j $TEST_DIR/other.jsonl log rm s4" s4xxx
    offers "$shell" "pumplog --journal=$TEST_DIR/other.jsonl log edit s4" s4xxx
    offers "$shell" "pumplog log rm s4" ""
}

# Values the option always refuses are not offered (review N, finding 3): log edit --label takes a new label
# (one no container has had), --started a running timer's start, not any entry's ref.
check_only_accepted() {
    local shell="$1" timer
    need_shell "$shell"
    stash_journal "$J"
    offers "$shell" "pumplog log edit s4xxx --label " ""
    offers "$shell" "pumplog log edit s4xxx --label B" ""
    offers "$shell" "pumplog stock add 90ml --label B" ""
    # no timer running: nothing, though the journal has entries (their refs are refused by --started)
    offers "$shell" "pumplog pump stop 50ml --started " ""
    echo '{"v":1,"id":"T1xxx","type":"timer","at":"2026-11-21T14:00:00+01:00","action":"start","side":"left"}' >> "$J"
    offers "$shell" "pumplog pump stop 50ml --started " t1xxx
    offers "$shell" "pumplog pump pause --started " t1xxx
    offers "$shell" "pumplog pump resume --started t" t1xxx
    # another entry's ref (fish would match the timer's description, "pump timer start", with a p)
    offers "$shell" "pumplog pump stop --started s4" ""
    # refs stay offered where any entry is accepted
    offers_among "$shell" "pumplog log edit " p1xxx
    offers_among "$shell" "pumplog log edit " t1xxx
    # a start whose id holds $(...) (another tool's line): its ref is offered quoted, and nothing runs
    printf '%s\n' '{"v":1,"id":"w$(touch pwned-timer)","type":"timer","at":"2026-11-21T14:01:00+01:00",'\
'"action":"start"}' >> "$J"
    timer="$(pumplog log --format json | jq -r '.[] | select(.type=="timer" and .id!="T1xxx") | .ref')"
    [ "$timer" = "imer)" ]
    offers "$shell" "pumplog pump stop 50ml --started i" "$(as_offered "${shell%-plain}" "$timer")"
    nothing_ran
}

@test "bash: log edit --label offers nothing, pump stop --started the running timers alone" {
    check_only_accepted bash
}
@test "bash without bash-completion: log edit --label offers nothing, pump stop --started the running timers alone" {
    check_only_accepted bash-plain
}
@test "zsh: log edit --label offers nothing, pump stop --started the running timers alone" {
    check_only_accepted zsh
}
@test "fish: log edit --label offers nothing, pump stop --started the running timers alone" {
    check_only_accepted fish
}

check_babies() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog log feed 90ml --baby " ""
    pumplog config set babies "Ada, Ben" > /dev/null
    offers "$shell" "pumplog log feed 90ml --baby " Ada Ben
    offers "$shell" "pumplog plan --baby A" Ada
    offers "$shell" "pumplog log --baby " Ada Ben
}

@test "--list babies prints config babies, one a line" {
    run --separate-stderr pumplog completion --list babies
    [ "$status" -eq 0 ]
    [ "$output" = "" ]
    pumplog config set babies "Ada, Ben" > /dev/null
    run --separate-stderr pumplog completion --list babies
    [ "$output" = "$(printf 'Ada\nBen')" ]
}

@test "bash: --baby offers config babies" { check_babies bash; }
@test "zsh: --baby offers config babies" { check_babies zsh; }
@test "fish: --baby offers config babies" { check_babies fish; }

@test "bash: commands and subcommands (pumplog con<TAB> offers config)" { check_commands bash; }
@test "bash: help log<TAB> offers log's subcommands" { check_help bash; }
@test "bash without bash-completion: help log<TAB> offers log's subcommands" { check_help bash-plain; }
@test "bash: pumplog st<TAB> offers stock, and stock move<TAB> the journal's labels" { check_stock bash; }
@test "bash: option values (formats, units, settings keys, ...)" { check_values bash; }
@test "bash: log rm and log edit offer the refs of the journal in use" { check_refs bash; }

@test "zsh: commands and subcommands (pumplog con<TAB> offers config)" { check_commands zsh; }
@test "zsh: help log<TAB> offers log's subcommands" { check_help zsh; }
@test "zsh: pumplog st<TAB> offers stock, and stock move<TAB> the journal's labels" { check_stock zsh; }
@test "zsh: option values (formats, units, settings keys, ...)" { check_values zsh; }
@test "zsh: log rm and log edit offer the refs of the journal in use" { check_refs zsh; }

@test "fish: commands and subcommands (pumplog con<TAB> offers config)" { check_commands fish; }
@test "fish: help log<TAB> offers log's subcommands" { check_help fish; }
@test "fish: pumplog st<TAB> offers stock, and stock move<TAB> the journal's labels" { check_stock fish; }
@test "fish: option values (formats, units, settings keys, ...)" { check_values fish; }
@test "fish: log rm and log edit offer the refs of the journal in use" { check_refs fish; }

check_hostile() {
    local shell="$1"
    need_shell "$shell"
    have_stock || skip "pumplog stock is not in this build yet"
    hostile_journal "$J"
    local label="\$(touch pwned-label)" tick='`touch pwned-tick`' semi='x;touch pwned-semi' quotes="it's \"two words\""
    offers "$shell" "pumplog stock use " "$(as_offered "$shell" "$label")" "$(as_offered "$shell" "$tick")" \
        "$(as_offered "$shell" "$semi")" "$(as_offered "$shell" "$quotes")"
    # what was typed so far, unquoted, backslashed or in quotes
    offers "$shell" "pumplog stock move \\\$\\(t" "$(as_offered "$shell" "$label")"
    # inside the quote the user opened, as that quote reads it back
    offers "$shell" "pumplog stock move '\$(t" "$label"
    offers "$shell" "pumplog stock discard \\\`" "$(as_offered "$shell" "$tick")"
    offers "$shell" "pumplog stock discard x\\;" "$(as_offered "$shell" "$semi")"
    offers "$shell" "pumplog stock discard it" "$(as_offered "$shell" "$quotes")"
    offers "$shell" "pumplog log rm a" "$(as_offered "$shell" "a\$(touch pwned-ref)")"
    offers "$shell" "pumplog log edit b" "$(as_offered "$shell" "b\$(touch pwned-ref)")"
    nothing_ran
}

# Writes the shell's completion script where complete-tmux.sh loads it from, and prints that path.
tmux_script() {
    local script
    case $1 in
        bash | bash-plain) script="$TEST_DIR/pumplog.bash"; pumplog completion bash > "$script" ;;
        zsh) script="$TEST_DIR/zsh"; mkdir -p "$script"; pumplog completion zsh > "$script/_pumplog" ;;
        fish) script="$TEST_DIR/pumplog.fish"; pumplog completion fish > "$script" ;;
    esac
    echo "$script"
}

# Tab, then Enter, in the real shell on tmux: the label reaches pumplog whole.
check_hostile_enter() {
    local shell="$1" script
    need_shell "$shell"
    command -v tmux >/dev/null || skip "tmux is not installed (apt-get install tmux)"
    have_stock || skip "pumplog stock is not in this build yet"
    hostile_journal "$J"
    script="$(tmux_script "$shell")"
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog stock move \$\(t' '--to fridge'
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = 'pumplog stock move \$\(touch\ pwned-label\) ' ]
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog stock discard x' ''
    [ "$status" -eq 0 ]
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog stock move \`' '--to room'
    [ "$status" -eq 0 ]
    nothing_ran
    [ "$(pumplog stock --all --format json | jq -c '[.[] | select(.label | startswith("B") | not) | [.label, .place, .status]]')" = \
      '[["`touch pwned-tick`","room","soon"],["$(touch pwned-label)","fridge","soon"],["it'"'"'s \"two words\"","freezer","ok"],["x;touch pwned-semi","freezer","discarded"]]' ]
}

@test "--list leaves out a value that holds a control character or begins with -" {
    hostile_journal "$J"
    echo '{"v":1,"id":"S-dash","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-21T12:00:00+01:00","label":"-rf"}' >> "$J"
    run --separate-stderr pumplog completion --list labels
    [ "$status" -eq 0 ]
    [ "$output" = "\$(touch pwned-label)"$'\n''`touch pwned-tick`'$'\nx;touch pwned-semi\n'"it's \"two words\"" ]
    # given after --, the label is taken
    run --separate-stderr pumplog stock use -- -rf
    [ "$status" -eq 0 ]
    # a ref that begins with - (an id written by another tool) is not offered either
    echo '{"v":1,"id":"01KAQABCDEFGHIJKLMN--rf","type":"pump","at":"2026-11-21T12:05:00+01:00","ml":60}' > "$J"
    echo '{"v":1,"id":"01KAQABCDEFGHIJKLMNPQRST","type":"pump","at":"2026-11-21T12:10:00+01:00","ml":60}' >> "$J"
    [ "$(pumplog log --format json | jq -r '[.[].ref] | join(" ")')" = "--rf qrst" ]
    run --separate-stderr pumplog completion --list refs
    [ "$output" = "qrst" ]
    run --separate-stderr pumplog completion --list described-refs
    [[ "$output" == "qrst"$'\t'* ]]; [ "${#lines[@]}" -eq 1 ]
}

@test "bash: labels and refs holding \$(...), backticks, ; and quotes complete quoted, and nothing runs" { check_hostile bash; }
@test "zsh: labels and refs holding \$(...), backticks, ; and quotes complete, and nothing runs" { check_hostile zsh; }
@test "fish: labels and refs holding \$(...), backticks, ; and quotes complete, and nothing runs" { check_hostile fish; }
@test "bash: Tab and Enter on a hostile label run pumplog with that label, and nothing else" { check_hostile_enter bash; }
@test "zsh: Tab and Enter on a hostile label run pumplog with that label, and nothing else" { check_hostile_enter zsh; }
@test "fish: Tab and Enter on a hostile label run pumplog with that label, and nothing else" { check_hostile_enter fish; }

# --format after a command offers what that command prints (issue 20, point 6).
check_formats() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog report --format " table csv json md svg html
    offers "$shell" "pumplog plan --format " table json csv ics
    offers "$shell" "pumplog plan next --format " table json csv
    offers "$shell" "pumplog plan bottles --format " table json
    offers "$shell" "pumplog log --format " table json csv
    offers "$shell" "pumplog log --since monday --format " table json csv
    offers "$shell" "pumplog status --format " table json
    offers "$shell" "pumplog config list --format " table json csv
    offers "$shell" "pumplog log check --format " table
    offers "$shell" "pumplog report --format s" svg
    # a command that prints no data: only its table (it refuses json and csv)
    offers "$shell" "pumplog add 90ml --format " table
    # before the command: any command's
    offers "$shell" "pumplog --format " table json csv ics md svg html
    offers "$shell" "pumplog --format json rep" report
    if have_stock; then
        offers "$shell" "pumplog stock --format " table json csv
        offers "$shell" "pumplog stock expiring --format " table json csv
    fi
}

@test "bash: --format offers the formats of the command given (report: no ics)" { check_formats bash; }
@test "zsh: --format offers the formats of the command given (report: no ics)" { check_formats zsh; }
@test "fish: --format offers the formats of the command given (report: no ics)" { check_formats fish; }

@test "--format=<TAB> offers the command's formats after the =, in bash, zsh and fish" {
    need_shell bash
    offers bash "pumplog plan next --format=" table json csv
    offers bash "pumplog report --format=c" csv
    need_shell zsh
    offers zsh "pumplog plan next --format=" table json csv
    need_shell fish
    offers fish "pumplog plan next --format=" --format=table --format=json --format=csv
}

# What a command refuses `--format nope` with is what completion offers: every
# command, the two come from the one list the command registered.
@test "each command's --format completion is what the command itself accepts" {
    need_shell bash
    export PUMPLOG_JOURNAL="$TEST_DIR/scratch.jsonl"
    local path accepted offered_now args mismatch=""
    while IFS= read -r path; do
        case $path in
            "pump" | "config") continue ;;  # groups: --format is their commands'
            "log merge" | "log import") args=("$TEST_DIR/absent.jsonl") ;;
            "plan stash") args=(--return 2026-12-01) ;;
            "log edit" | "log rm" | "stock discard") args=(nosuchref) ;;
            "stock combine") args=(nosuchref other) ;;
            "stock move") args=(nosuchref --to fridge) ;;
            "config get" | "config unset") args=(unit) ;;
            "config set") args=(unit ml) ;;
            *) args=() ;;
        esac
        # shellcheck disable=SC2086 # the path is words
        accepted="$(pumplog $path "${args[@]}" --format nope 2>&1 </dev/null |
            sed -n 's/^pumplog: error: --format nope is not available here; use //p' | tr -d ',' | tr ' ' '\n' | sort)"
        offered_now="$(offered bash "pumplog $path --format ")"
        [ "$accepted" = "$offered_now" ] ||
            mismatch+="  $path: accepts [${accepted//$'\n'/ }], completion offers [${offered_now//$'\n'/ }]"$'\n'
    done < <(pumplog completion --list commands)
    [ -z "$mismatch" ] || { echo "--format differs:"$'\n'"$mismatch" >&2; return 1; }
}

# config set KEY <TAB>: that setting's values; config get/set/unset <TAB>: the keys.
check_settings() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog config set guideline " cdc abm nicu
    offers "$shell" "pumplog config set mode " away exclusive supply
    offers "$shell" "pumplog config set mode e" exclusive
    offers "$shell" "pumplog config set unit " ml oz
    offers "$shell" "pumplog config set round 1" 1m 10m 12m 15m
    offers "$shell" "pumplog config set sessions " 5 6 7 8 9 10 11 12
    offers "$shell" "pumplog config set remind_again " 15m 30m 1h
    offers "$shell" "pumplog config set babies " none
    offers "$shell" "pumplog config set timezone Europe/Ber" Europe/Berlin
    offers "$shell" "pumplog config set timezone no" none
    # one value: nothing after it
    offers "$shell" "pumplog config set mode away " ""
    # shellcheck disable=SC2046
    offers "$shell" "pumplog config set " $(pumplog config list --format json | jq -r 'keys_unsorted[]')
    offers "$shell" "pumplog config unset gu" guideline
    # plan's overrides of the same settings
    offers "$shell" "pumplog plan --sessions 1" 10 11 12
    offers "$shell" "pumplog plan --min-gap " 1h30m 2h 2h30m 3h
    offers "$shell" "pumplog plan --remind-again 1" 15m 1h
}

# plan next, stash, bottles and skip take plan's setting flags (--mode, --min-gap...) and
# --baby (pumplog-plan(1)): each shell offers them, with their values.
check_plan_subcommands() {
    local shell="$1" sub flags expected
    need_shell "$shell"
    pumplog config set babies "Ada, Ben" > /dev/null
    # plan's own options but --on, --days and --baby: the setting flags
    flags="$(offered "$shell" "pumplog plan --" | grep -vx -e --on -e --days -e --baby -e '')"
    grep -qx -- --min-gap <<<"$flags"
    for sub in next stash bottles skip; do
        offered "$shell" "pumplog plan $sub --" > "$TEST_DIR/offered"
        grep -vxF -f "$TEST_DIR/offered" <<<"$flags" > "$TEST_DIR/missing" || true
        [ ! -s "$TEST_DIR/missing" ] || {
            echo "$shell, plan $sub --<TAB> lacks: $(tr '\n' ' ' < "$TEST_DIR/missing")" >&2
            return 1
        }
        offers "$shell" "pumplog plan $sub --mode " away exclusive supply
        offers "$shell" "pumplog plan $sub --min-gap " 1h30m 2h 2h30m 3h
    done
    # shellcheck disable=SC2046,SC2086 # one word per option
    expected="$(printf '%s\n' --within --baby $flags $(offered "$shell" "pumplog --") | sort -u)"
    [ "$(offered "$shell" "pumplog plan next --" | grep -v '^$')" = "$expected" ]
    offers "$shell" "pumplog plan next --baby " Ada Ben
    offers "$shell" "pumplog plan next --baby B" Ben
    offers "$shell" "pumplog plan stash --return monday --baby " Ada Ben
    offers "$shell" "pumplog plan next --mode supply --sessions 1" 10 11 12
    # plan bottles packs one baby's bottles, plan skip skips the pump plan next --baby shows
    offers "$shell" "pumplog plan bottles --baby " Ada Ben
    offers "$shell" "pumplog plan skip --baby B" Ben
    offered "$shell" "pumplog plan skip --" | grep -qx -- --note
    offers "$shell" "pumplog plan next --baby A" Ada
}

@test "bash: plan next, stash, bottles and skip offer plan's setting flags and --baby, with their values" {
    check_plan_subcommands bash
}
@test "zsh: plan next, stash, bottles and skip offer plan's setting flags and --baby, with their values" {
    check_plan_subcommands zsh
}
@test "fish: plan next, stash, bottles and skip offer plan's setting flags and --baby, with their values" {
    check_plan_subcommands fish
}

# Tab, then Enter, in the real shell on tmux: plan next's setting flag gets its value.
check_plan_enter() {
    local shell="$1" script
    need_shell "$shell"
    command -v tmux >/dev/null || skip "tmux is not installed (apt-get install tmux)"
    pumplog config set babies "Ada, Ben" > /dev/null
    script="$(tmux_script "$shell")"
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog plan next --mode ex' ''
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = 'pumplog plan next --mode exclusive ' ]
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog plan stash --baby B' ''
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = 'pumplog plan stash --baby Ben ' ]
}

@test "bash: Tab after plan next --mode ex and plan stash --baby B completes the value" { check_plan_enter bash; }
@test "zsh: Tab after plan next --mode ex and plan stash --baby B completes the value" { check_plan_enter zsh; }
@test "fish: Tab after plan next --mode ex and plan stash --baby B completes the value" { check_plan_enter fish; }

@test "bash: config set KEY <TAB> offers that setting's values" { check_settings bash; }
@test "zsh: config set KEY <TAB> offers that setting's values" { check_settings zsh; }
@test "fish: config set KEY <TAB> offers that setting's values" { check_settings fish; }

@test "every value completion offers for a setting is accepted by config set as it is" {
    need_shell bash
    local key value count=0
    for key in $(pumplog config list --format json | jq -r 'keys_unsorted[]'); do
        while IFS= read -r value; do
            [ -n "$value" ] || continue
            run --separate-stderr pumplog config set "$key" "$value"
            [ "$status" -eq 0 ] || { echo "config set $key $value: $stderr" >&2; return 1; }
            [ "$(pumplog config get "$key")" = "$value" ] || { echo "$key: $value came back as $(pumplog config get "$key")" >&2; return 1; }
            count=$((count + 1))
        done < <(offered bash "pumplog config set $key ")
    done
    [ "$count" -ge 40 ]
}

# The other options that take one of a few words.
check_enumerated() {
    local shell="$1"
    need_shell "$shell"
    offers "$shell" "pumplog pump start --side " left right both
    offers "$shell" "pumplog report --by " day week month hour
    offers "$shell" "pumplog add 90ml --store " room cooler fridge freezer
    offers "$shell" "pumplog log pump 90ml --store f" fridge freezer
    offers "$shell" "pumplog log edit --milk " breast formula
    offers "$shell" "pumplog log import --date-order " mdy dmy
    offers "$shell" "pumplog log import --from " babybuddy huckleberry babytracker babyconnect
    offers "$shell" "pumplog report --unit " ml oz
    pumplog config set babies "Ada, Ben" > /dev/null
    offers "$shell" "pumplog log import x.csv --baby " Ada Ben
    if have_stock; then
        offers "$shell" "pumplog stock add 90ml --in " room cooler fridge freezer
        offers "$shell" "pumplog stock move B1 --to " room cooler fridge freezer
    fi
}

@test "bash: enumerated options offer their values (--side, --by, --store, --date-order...)" { check_enumerated bash; }
@test "zsh: enumerated options offer their values (--side, --by, --store, --date-order...)" { check_enumerated zsh; }
@test "fish: enumerated options offer their values (--side, --by, --store, --date-order...)" { check_enumerated fish; }

@test "--list described-refs prints each ref with its time and what it is, newest first" {
    stash_journal "$J"
    run --separate-stderr pumplog completion --list described-refs
    [ "$status" -eq 0 ]
    [ "$output" = "p1xxx	2026-11-21 07:00 pumped 100 ml
u2xxx	2026-11-20 13:00 used 30 ml of B4
s4xxx	2026-11-20 12:00 stored B4 60 ml in the room
u1xxx	2026-11-20 11:00 used 60 ml of B3
d1xxx	2026-11-20 10:00 discarded B2: spilled
s3xxx	2026-11-20 09:00 stored B3 60 ml in the fridge
s2xxx	2026-11-20 08:00 stored B2 90 ml in the fridge
s1xxx	2026-11-20 07:00 stored B1 90 ml in the freezer" ]
    run --separate-stderr pumplog --unit oz completion --list described-refs
    [ "${lines[0]}" = "p1xxx	2026-11-21 07:00 pumped 3.4 oz" ]
}

@test "zsh: refs are shown with their time and what they are" {
    need_shell zsh
    stash_journal "$J"
    mkdir -p "$BATS_FILE_TMPDIR/zsh"
    pumplog completion zsh > "$BATS_FILE_TMPDIR/zsh/_pumplog"
    run env ZCOMPDUMP="$BATS_FILE_TMPDIR/zcompdump" zsh -f "$HERE/complete-zsh.zsh" "$BATS_FILE_TMPDIR/zsh" "pumplog log edit s" --displays
    # what zsh lists: each ref, then its description (a display per ref offered)
    [ "${#lines[@]}" -eq 8 ]
    [[ $output == *$'\np1xxx  -- 2026-11-21 07:00 pumped 100 ml\n'* ]]
    [[ $output == *$'\ns4xxx  -- 2026-11-20 12:00 stored B4 60 ml in the room\n'* ]]
    [[ $output == *$'\nu2xxx  -- 2026-11-20 13:00 used 30 ml of B4'* ]]
    [[ $output == *$'d1xxx  -- 2026-11-20 10:00 discarded B2: spilled\n'* ]]
    # and the matches are the refs alone
    offers zsh "pumplog log edit s" s1xxx s2xxx s3xxx s4xxx
}

@test "fish: refs are offered with their time and what they are" {
    need_shell fish
    stash_journal "$J"
    pumplog completion fish > "$TEST_DIR/pumplog.fish"
    run fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$TEST_DIR/pumplog.fish" "pumplog log rm u"
    [ "$output" = "u1xxx	2026-11-20 11:00 used 60 ml of B3
u2xxx	2026-11-20 13:00 used 30 ml of B4" ]
}

# Descriptions hold journal text (labels): shown, never run; no control
# character reaches the terminal.
@test "zsh and fish: ref descriptions from a hostile journal are shown as text, and nothing runs" {
    hostile_journal "$J"
    run --separate-stderr pumplog completion --list described-refs
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 7 ]
    ! LC_ALL=C grep -q '[[:cntrl:]]' <<<"${output//	/}"
    [ "$(grep -c '	' <<<"$output")" -eq 7 ]
    [[ $output == *'s1xxx	2026-11-20 07:00 stored $(touch pwned-label) 90 ml in the freezer'* ]]
    if command -v zsh >/dev/null; then
        mkdir -p "$BATS_FILE_TMPDIR/zsh"
        pumplog completion zsh > "$BATS_FILE_TMPDIR/zsh/_pumplog"
        run env ZCOMPDUMP="$BATS_FILE_TMPDIR/zcompdump" zsh -f "$HERE/complete-zsh.zsh" "$BATS_FILE_TMPDIR/zsh" "pumplog log rm " --displays
        # refs padded to the longest, a$(touch pwned-ref)
        [[ $output == *'s2xxx                -- 2026-11-20 08:00 stored `touch pwned-tick` 90 ml in the freezer'* ]]
        [[ $output == *'a$(touch pwned-ref)  -- 2026-11-21 07:00 pumped 100 ml'* ]]
    fi
    if command -v fish >/dev/null; then
        pumplog completion fish > "$TEST_DIR/pumplog.fish"
        run fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$TEST_DIR/pumplog.fish" "pumplog log edit s"
        [[ $output == *'s3xxx	2026-11-20 09:00 stored x;touch pwned-semi 90 ml in the freezer'* ]]
    fi
    nothing_ran
}

# Tab, then Enter, on a ref whose id holds $(...) (zsh and fish list it with its
# description): pumplog removes that entry, and nothing else runs.
check_hostile_ref_enter() {
    local shell="$1" script
    need_shell "$shell"
    command -v tmux >/dev/null || skip "tmux is not installed (apt-get install tmux)"
    hostile_journal "$J"
    script="$(tmux_script "$shell")"
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" 'pumplog log rm a' ''
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = 'pumplog log rm a\$\(touch\ pwned-ref\) ' ]
    nothing_ran
    [ "$(tail -n 1 "$J" | jq -r '[.type, .target] | join(" ")')" = 'void a$(touch pwned-ref)' ]
}

@test "bash: Tab and Enter on a hostile ref remove that entry, and nothing else runs" { check_hostile_ref_enter bash; }
@test "zsh: Tab and Enter on a hostile ref (listed with its description) remove that entry, and nothing else runs" { check_hostile_ref_enter zsh; }
@test "fish: Tab and Enter on a hostile ref (listed with its description) remove that entry, and nothing else runs" { check_hostile_ref_enter fish; }

# Labels and a ref that need quoting: quotes, ;, $(...) and !, and : and =
# (bash breaks words there). Every line passes `log check`.
quoting_journal() {
    local line='{"v":1,"id":"ID","type":"store","at":"2026-11-21T08:00:00+01:00","ml":50,"place":"fridge",'
    line+='"pumped":"2026-11-21T08:00:00+01:00","label":LABEL}'
    local n=0 label
    : > "$1"
    for label in '"say \"hi\""' '"it'"'"'s"' '"a;touch pwned-semi"' '"$(touch pwned-dq) !x"' '"work:1"' '"work:2"' '"x=y"'; do
        n=$((n + 1))
        line2=${line/ID/S${n}xxx}
        printf '%s\n' "${line2/LABEL/$label}" >> "$1"
    done
    echo '{"v":1,"id":"id'"'"'q","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":60}' >> "$1"
    pumplog -j "$1" log check >/dev/null
}

# Tab in real bash (with bash-completion, and without it) after a quote the
# user opened, and on labels holding : or =; Enter gives pumplog that label.
check_bash_quoting() {
    local shell="$1" script
    need_shell bash
    command -v tmux >/dev/null || skip "tmux is not installed (apt-get install tmux)"
    have_stock || skip "pumplog stock is not in this build yet"
    quoting_journal "$J"
    script="$(tmux_script "$shell")"
    local -a typed=("pumplog stock move 'sa" "pumplog stock move 'it" 'pumplog stock move "a' 'pumplog stock move "$'
                    'pumplog stock move x=' 'pumplog stock move wo')
    local -a completed=("pumplog stock move 'say \"hi\"' " "pumplog stock move 'it'\\''s' "
                        'pumplog stock move "a;touch pwned-semi" ' "pumplog stock move \"\\\$(touch pwned-dq) \"'!'\"x\" "
                        'pumplog stock move x=y ' 'pumplog stock move work:')
    local -a rest=('--to freezer' '--to freezer' '--to freezer' '--to freezer' '--to freezer' '2 --to freezer')
    local k
    for k in "${!typed[@]}"; do
        run bash "$HERE/complete-tmux.sh" "$shell" "$script" "${typed[k]}" "${rest[k]}"
        [ "$status" -eq 0 ]
        [ "${lines[0]}" = "${completed[k]}" ] || { echo "${typed[k]}<TAB> gave [${lines[0]}]" >&2; return 1; }
    done
    run bash "$HERE/complete-tmux.sh" "$shell" "$script" "pumplog log rm \"id'" ''
    [ "${lines[0]}" = "pumplog log rm \"id'q\" " ]
    nothing_ran
    [ "$(pumplog stock --format json | jq -r '.[] | "\(.label)=\(.place)"' | LC_ALL=C sort)" = '$(touch pwned-dq) !x=freezer
a;touch pwned-semi=freezer
it'"'"'s=freezer
say "hi"=freezer
work:1=fridge
work:2=freezer
x=y=freezer' ]
    [ "$(tail -n 1 "$J" | jq -r '[.type, .target] | join(" ")')" = "void id'q" ]
}

@test "bash: after an opened ' or \", Tab completes a label or ref inside that quote, and Enter gives it to pumplog" {
    check_bash_quoting bash
}
@test "bash without bash-completion: after an opened ' or \", Tab completes a label or ref inside that quote" {
    check_bash_quoting bash-plain
}

check_breaks() {
    local shell="$1"
    need_shell "$shell"
    have_stock || skip "pumplog stock is not in this build yet"
    quoting_journal "$J"
    # readline replaces what follows the last : or =
    offers "$shell" "pumplog stock use work:" 1 2
    offers "$shell" "pumplog stock use x=" y
    offers "$shell" "pumplog stock use wo" work:1 work:2
    offers "$shell" "pumplog stock use work:1 x" x=y
    offers "$shell" "pumplog stock use 'work:" work:1 work:2
    offers "$shell" "pumplog stock move x=y --to=f" fridge freezer
}
@test "bash: labels holding : or = complete (COMP_WORDBREAKS)" { check_breaks bash; }
@test "bash without bash-completion: labels holding : or = complete (COMP_WORDBREAKS)" { check_breaks bash-plain; }

# -j names a path as typed: quoted, backslashed or under ~.
check_journal_path() {
    local shell="$1"
    need_shell "$shell"
    have_stock || skip "pumplog stock is not in this build yet"
    stash_journal "$TEST_DIR/my journal.jsonl"
    stash_journal "$HOME/other.jsonl"
    : > "$J"
    offers "$shell" 'pumplog -j ~/other.jsonl stock move ' B1 B4
    [ "$shell" = fish ] && return
    offers "$shell" 'pumplog -j "my journal.jsonl" stock move ' B1 B4
    offers "$shell" "pumplog -j 'my journal.jsonl' stock move " B1 B4
    offers "$shell" 'pumplog -j my\ journal.jsonl stock move ' B1 B4
    offers "$shell" "pumplog --journal='my journal.jsonl' stock move " B1 B4
}
@test "bash: -j naming a path with a space or under ~ offers that journal's labels" { check_journal_path bash; }
@test "bash without bash-completion: -j naming a path with a space or under ~ offers that journal's labels" {
    check_journal_path bash-plain
}
@test "zsh: -j naming a path with a space or under ~ offers that journal's labels" { check_journal_path zsh; }
@test "fish: -j naming a path under ~ offers that journal's labels" { check_journal_path fish; }
