#!/usr/bin/env bats
# Issue 16, point 9: environment, options, config and journal edges that used
# to be undefined, silent or blocking.

load helpers

@test "PUMPLOG_LOCK_TIMEOUT_MS that is not a whole number of milliseconds is refused with exit 2" {
    for value in abc -5 99999999999999999999999 1.5 "10 " 86400001; do
        PUMPLOG_LOCK_TIMEOUT_MS="$value" refused 2 pumplog add 90ml
        [ "$stderr" = "pumplog: error: PUMPLOG_LOCK_TIMEOUT_MS=\"$value\" is not a wait in milliseconds; give a whole number from 0 to 86400000 (default 10000)" ]
        [ ! -e "$J" ]
    done
    PUMPLOG_LOCK_TIMEOUT_MS=0 run pumplog add 90ml
    [ "$status" -eq 0 ]
    PUMPLOG_LOCK_TIMEOUT_MS= run pumplog add 80ml
    [ "$status" -eq 0 ]
    PUMPLOG_LOCK_TIMEOUT_MS=abc refused 2 pumplog log
}

@test "-j '' is refused instead of meaning the default journal" {
    refused 2 pumplog -j '' add 90ml
    [[ "$stderr" == *"an empty journal path; give a file"* ]]
    refused 2 pumplog --journal= log
    [ ! -e "$J" ]
}

@test "an empty config file holds no settings" {
    mkdir -p "$XDG_CONFIG_HOME/pumplog"
    : > "$XDG_CONFIG_HOME/pumplog/config.json"
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$stderr" = "Started a new journal at $J" ]
    printf ' \n\n' > "$XDG_CONFIG_HOME/pumplog/config.json"
    run pumplog config get unit
    [ "$status" -eq 0 ]
    [ "$output" = "ml" ]
}

@test "a config that is a folder or unreadable says what is wrong" {
    mkdir -p "$XDG_CONFIG_HOME/pumplog/config.json"
    refused 2 pumplog add 90ml
    [ "$stderr" = "pumplog: error: config file $XDG_CONFIG_HOME/pumplog/config.json is a folder, not a file; remove it or point PUMPLOG_CONFIG at a file" ]
    rmdir "$XDG_CONFIG_HOME/pumplog/config.json"
    echo '{}' > "$XDG_CONFIG_HOME/pumplog/config.json"
    chmod 000 "$XDG_CONFIG_HOME/pumplog/config.json"
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        # Root reads every file: ask as nobody, who may enter the folders.
        command -v setpriv >/dev/null || skip "running as root without setpriv: every file is readable"
        as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        local d="$XDG_CONFIG_HOME/pumplog"
        while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
        "${as[@]}" test -x "$PUMPLOG_BIN" || skip "nobody cannot run $PUMPLOG_BIN"
    fi
    run --separate-stderr "${as[@]}" "$PUMPLOG_BIN" add 90ml
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: error: cannot read config file $XDG_CONFIG_HOME/pumplog/config.json: Permission denied" ]
}

@test "a config that is a device, a FIFO or over 1 MiB is refused at once, never read to its end or waited on" {
    local c="$XDG_CONFIG_HOME/pumplog/config.json"
    mkdir -p "$XDG_CONFIG_HOME/pumplog"
    ln -s /dev/zero "$c"
    refused 2 timeout 10 "$PUMPLOG_BIN" add 10ml
    [ "$stderr" = "pumplog: error: config file $c is not a regular file: it is a character device; remove it or point PUMPLOG_CONFIG at a file" ]
    [ ! -e "$J" ]
    rm "$c"
    mkfifo "$c"
    refused 2 timeout 10 "$PUMPLOG_BIN" status
    [ "$stderr" = "pumplog: error: config file $c is not a regular file: it is a pipe or FIFO; remove it or point PUMPLOG_CONFIG at a file" ]
    rm "$c"
    PUMPLOG_CONFIG=/dev/zero refused 2 timeout 10 "$PUMPLOG_BIN" log
    [ "$stderr" = "pumplog: error: config file /dev/zero is not a regular file: it is a character device; remove it or point PUMPLOG_CONFIG at a file" ]
    { printf '{"unit":"oz","x":"'; head -c 1048576 /dev/zero | tr '\0' a; printf '"}\n'; } > "$c"
    refused 2 pumplog add 10ml
    [ "$stderr" = "pumplog: error: config file $c is over 1 MiB, too long for a config; fix or remove it" ]
    printf '{"unit":"oz","x":"%s"}\n' "$(head -c 1000000 /dev/zero | tr '\0' a)" > "$c"
    run --separate-stderr pumplog config get unit
    [ "$status" -eq 0 ]
    [ "$output" = "oz" ]
}

@test "a bad timezone in the config does not block commands when TZ is set" {
    mkdir -p "$XDG_CONFIG_HOME/pumplog"
    echo '{"timezone":"Mars/Olympus"}' > "$XDG_CONFIG_HOME/pumplog/config.json"
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 14:05 - today 90 ml in 1 session" ]
    run pumplog config get unit
    [ "$status" -eq 0 ]
    # Without TZ the configured zone is used, and then it is checked.
    unset TZ
    refused 2 pumplog log
    [ "$stderr" = "pumplog: error: config file $XDG_CONFIG_HOME/pumplog/config.json: timezone: \"Mars/Olympus\" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York; fix it, or run pumplog config unset timezone" ]
}

@test "a UTF-8 byte-order mark on line 1 is accepted by every reader and check" {
    printf '\xef\xbb\xbf{"v":1,"id":"B1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}\n' > "$J"
    printf '{"v":1,"id":"B2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":70}\n' >> "$J"
    run --separate-stderr pumplog log --format json
    [ -z "$stderr" ]
    [ "$(jq -r '[.[].id] | join(",")' <<< "$output")" = "B1,B2" ]
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ -z "$stderr" ]
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1-3)" = "2026-11-21,2,160" ]
    run pumplog log check
    [ "$status" -eq 0 ]
    printf '{"v":1,"id":"C1","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":10}\n' > "$TEST_DIR/copy.jsonl"
    run --separate-stderr pumplog log merge "$TEST_DIR/copy.jsonl"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$(pumplog log --format json | jq -r '[.[].id] | join(",")')" = "B1,B2,C1" ]
    # Only on line 1: elsewhere it is not JSON.
    printf '\xef\xbb\xbf{"v":1,"id":"B3","type":"pump","at":"2026-11-21T11:00:00+01:00","ml":5}\n' >> "$J"
    run --separate-stderr pumplog log
    [ "$stderr" = "pumplog: warning: $J:4: not valid JSON; skipped (see pumplog log check)" ]
}

@test "log check notes negative and absurd volumes (every reader counts them as none), and report never prints them" {
    journal_line '{"v":1,"id":"A1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}'
    journal_line '{"v":1,"id":"A2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":-90}'
    journal_line '{"v":1,"id":"A3","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":1e308}'
    journal_line '{"v":1,"id":"A4","type":"amend","at":"2026-11-21T11:00:00+01:00","target":"A1","set":{"left_ml":20000}}'
    run pumplog log check
    [ "$status" -eq 0 ]
    [ "$(sed -n 1,3p <<< "$output")" = "$J:2: note: \"ml\" of -90 ml is not a plausible volume (0 to 10000 ml)
$J:3: note: \"ml\" of 1e+308 ml is not a plausible volume (0 to 10000 ml)
$J:4: note: \"set.left_ml\" of 20000 ml is not a plausible volume (0 to 10000 ml)" ]
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ "$status" -eq 0 ]
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1-5)" = "2026-11-21,3,90,0,0" ]
    run pumplog report --since 2026-11-21 --until 2026-11-21
    [ "$status" -eq 0 ]
    ! grep -q '[0-9]\{12\}' <<< "$output"
}

@test "status, log, stock and plan count an absurd volume as none, never printing it" {
    # Four days of bottles, one a day absurd (1e308), so the plan has a rhythm to learn.
    local d h ml
    for d in 17 18 19 20; do
        for h in 02 06 10 14 18 22; do
            ml=90
            [ "$h" = 14 ] && ml=1e308
            journal_line "{\"v\":1,\"id\":\"F$d$h\",\"type\":\"feed\",\"at\":\"2026-11-${d}T$h:00:00+01:00\",\"method\":\"bottle\",\"ml\":$ml}"
        done
    done
    journal_line '{"v":1,"id":"A1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90,"left_ml":40,"right_ml":50}'
    journal_line '{"v":1,"id":"A2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":1e308,"left_ml":1e308,"right_ml":5}'
    journal_line '{"v":1,"id":"A3","type":"feed","at":"2026-11-21T09:30:00+01:00","method":"bottle","ml":1e308}'
    journal_line '{"v":1,"id":"A4","type":"feed","at":"2026-11-21T10:30:00+01:00","method":"bottle","ml":60}'
    journal_line '{"v":1,"id":"A5","type":"store","at":"2026-11-21T11:00:00+01:00","ml":1e308,"place":"fridge","label":"x"}'
    run --separate-stderr pumplog
    [ "$status" -eq 0 ]
    # The absurd session and bottle count as ones without a volume (unknown), never as 0 ml; the
    # session of unknown volume adds its sides to no side total.
    [ "$(sed -n 2,3p <<< "$output")" = "  Pumped     90 ml in 2 sessions, 1 without a volume (1 with sides: L 40 / R 50)
  Baby       60 ml in 2 bottles, 1 without an amount" ]
    run --separate-stderr pumplog log
    [ "$status" -eq 0 ]
    grep -qx "a2 *2026-11-21 09:00  pumped an implausible amount (see log check) (L ? / R 5)" <<< "$output"
    grep -qx "a3 *2026-11-21 09:30  bottle an implausible amount (see log check)" <<< "$output"
    # The planner reads the absurd bottles as feeds without an amount.
    run --separate-stderr pumplog plan --mode exclusive
    [ "$status" -eq 0 ]
    grep -q "^  5 feeds without an amount counted at the bottle average, 89 ml\.$" <<< "$output"
    grep -q "^Sun 2026-11-22  06:00  *90 ml  *90 ml  covers the 06:00 feed$" <<< "$output"
    for command in "" log stock "stock expiring" "plan --mode exclusive" "plan next --mode exclusive" "report --by hour"; do
        run pumplog $command
        ! grep -q 'inf\|nan\|[0-9]\{12\}' <<< "$output"
    done
    # Durations alike: a negative or years-long nursing time counts as none.
    journal_line '{"v":1,"id":"A6","type":"feed","at":"2026-11-21T12:00:00+01:00","method":"breast","left_s":-5000000000,"right_s":9000000000000000000}'
    journal_line '{"v":1,"id":"A7","type":"feed","at":"2026-11-21T12:30:00+01:00","method":"breast","left_s":600,"right_s":300}'
    run --separate-stderr pumplog report --format csv --since 2026-11-21 --until 2026-11-21
    [ "$(sed -n 2p <<< "$output" | cut -d, -f1,6-9)" = "2026-11-21,4,60,2,15" ]
    run --separate-stderr pumplog log
    grep -qx "a6 *2026-11-21 12:00  nursed L an implausible duration (see log check) / R an implausible duration (see log check)" <<< "$output"
    run pumplog log check
    grep -qF ':30: note: "left_s" of -5000000000 s is not a plausible duration (0 to 86400 s, a day)' <<< "$output"
    # The absurd container holds nothing: the stash is empty.
    run --separate-stderr pumplog stock --format json
    [ "$output" = "[]" ]
}

@test "a time past 9998 or before 1900 is refused: pumplog never writes a line it cannot read back" {
    pumplog add 90ml > /dev/null 2>&1
    # 9999-12-31 23:59 UTC is 10000-01-01 in Berlin: no RFC 3339 time.
    PUMPLOG_NOW=9999-12-31T23:59:59Z refused 2 pumplog add 50ml
    [ "$stderr" = 'pumplog: error: PUMPLOG_NOW: "9999-12-31T23:59:59Z" is outside the years pumplog records (1900 to 9998)' ]
    refused 2 pumplog add 50ml --at 0001-01-01
    [ "$stderr" = 'pumplog: error: "0001-01-01" is outside the years pumplog records (1900 to 9998)' ]
    run pumplog log check
    [ "$status" -eq 0 ]
}
