#!/usr/bin/env bats
# `config get|set|unset|list`: every key validated, the file under XDG_CONFIG_HOME.
load helpers

CONFIG() { echo "$XDG_CONFIG_HOME/pumplog/config.json"; }

# Refused with exit 2, one line, and the config file unchanged.
config_refused() {
    local before after
    before="$(cat "$(CONFIG)" 2>/dev/null || echo absent)"
    refused 2 pumplog config "$@"
    after="$(cat "$(CONFIG)" 2>/dev/null || echo absent)"
    [ "$before" = "$after" ] || { echo "the config file changed" >&2; return 1; }
}

@test "get prints the default of a key never set" {
    run --separate-stderr pumplog config get unit
    [ "$status" -eq 0 ]
    [ "$output" = "ml" ]
    run --separate-stderr pumplog config get min_gap
    [ "$output" = "2h" ]
    [ ! -e "$(CONFIG)" ]
}

@test "set validates, normalizes and stores in XDG_CONFIG_HOME/pumplog/config.json" {
    run --separate-stderr pumplog config set unit OZ
    [ "$status" -eq 0 ]
    [ "$output" = "unit = oz" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"unit":"oz"}' ]
    run --separate-stderr pumplog config get unit
    [ "$output" = "oz" ]
    run --separate-stderr pumplog config set away Mon-Fri 8:00-17:30
    [ "$output" = "away = mon-fri 08:00-17:30" ]
    run --separate-stderr pumplog config set min_gap 90m
    [ "$output" = "min_gap = 1h30m" ]
}

@test "without XDG_CONFIG_HOME the file is ~/.config/pumplog/config.json" {
    unset XDG_CONFIG_HOME
    pumplog config set unit oz
    [ "$(jq -r .unit "$HOME/.config/pumplog/config.json")" = oz ]
}

@test "an unknown key is refused with the list of keys" {
    config_refused set colour red
    [ "$stderr" = 'pumplog: error: "colour" is not a setting; the settings are unit, timezone, guideline, away, mode, lookback, min_gap, max_gap_day, max_gap_night, sessions, birth, sleep, stash_days, round, schedule, remind_again, babies' ]
    config_refused get colour
    config_refused unset colour
    [ ! -e "$(CONFIG)" ]
}

@test "a bad value is refused naming what the key accepts" {
    pumplog config set unit oz
    config_refused set unit kg
    [ "$stderr" = 'pumplog: error: unit takes ml or oz, not "kg"' ]
    config_refused set lookback 2
    [ "$stderr" = 'pumplog: error: lookback takes days, 3 to 60, not "2"' ]
    config_refused set sleep 23:30
    [ "$stderr" = 'pumplog: error: sleep takes a daily window such as 23:30-05:30, or none, not "23:30"' ]
    config_refused set timezone Mars/Base
    config_refused set away mondaytuesday 08:00-17:00
    config_refused set mode bogus
    config_refused set guideline who
    config_refused set min_gap 10m
    config_refused set max_gap_day 13h
    config_refused set max_gap_night 30m
    config_refused set sessions 13
    config_refused set birth 2026-02-30
    config_refused set birth 2026-11-22
    [ "$stderr" = 'pumplog: error: birth 2026-11-22 is after today (2026-11-21); set the day the baby was born' ]
    run pumplog config set birth 2026-11-21
    [ "$status" -eq 0 ]; [ "$output" = "birth = 2026-11-21" ]
    # One more than 5 years back is a slip too (supply mode's "day 739940"); the setting is kept as it was.
    config_refused set birth 1900-01-01
    local taken="set the day the baby was born, from 2021-11-21 to 2026-11-21"
    [ "$stderr" = "pumplog: error: birth 1900-01-01 is more than 5 years before today; $taken" ]
    config_refused set birth 2021-11-20
    [ "$(pumplog config get birth)" = "2026-11-21" ]
    run pumplog config set birth 2021-11-21
    [ "$status" -eq 0 ]; [ "$output" = "birth = 2021-11-21" ]
    config_refused set stash_days 0
    config_refused set unit
}

@test "round with seconds is refused, not cut to whole minutes" {
    pumplog config set round 15m
    config_refused set round 90s
    [ "$stderr" = 'pumplog: error: round takes whole minutes from 1m to 30m that divide an hour, not "90s"' ]
    config_refused set round 2m30s
    [ "$stderr" = 'pumplog: error: round takes whole minutes from 1m to 30m that divide an hour, not "2m30s"' ]
    run --separate-stderr pumplog config get round
    [ "$output" = "15m" ]
    run pumplog config set round 120s
    [ "$status" -eq 0 ]; [ "$output" = "round = 2m" ]
}

@test "the gap settings take whole minutes: seconds are refused, not cut" {
    pumplog config set min_gap 2h >/dev/null
    config_refused set min_gap 90m30s
    [ "$stderr" = 'pumplog: error: min_gap takes a duration from 30m to 6h, not "90m30s"' ]
    config_refused set remind_again 1799s
    [ "$stderr" = 'pumplog: error: remind_again takes a duration of 5m or more, shorter than min_gap, not "1799s"' ]
    run --separate-stderr pumplog config get min_gap
    [ "$output" = "2h" ]
    run pumplog config set max_gap_day 14400s
    [ "$status" -eq 0 ]; [ "$output" = "max_gap_day = 4h" ]
    run --separate-stderr pumplog plan --min-gap 2h0m30s
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: --min-gap: min_gap takes a duration from 30m to 6h, not "2h0m30s"' ]
}

@test "an away window may begin at midnight; one that ends when it starts is refused" {
    run --separate-stderr pumplog config set away "mon-fri midnight-noon"
    [ "$status" -eq 0 ]
    [ "$output" = "away = mon-fri 00:00-12:00" ]
    run --separate-stderr pumplog config set away "mon-fri noon-midnight"
    [ "$status" -eq 0 ]
    [ "$output" = "away = mon-fri 12:00-00:00" ]
    cp "$(CONFIG)" "$TEST_DIR/before.json"
    config_refused set away "daily 8:00-8:00"
    [ "$stderr" = 'pumplog: error: the time window "8:00-8:00" ends when it starts; for the whole day write 00:00-24:00' ]
    config_refused set away "sat noon-noon"
    [ "$stderr" = 'pumplog: error: the time window "noon-noon" ends when it starts; for the whole day write 00:00-24:00' ]
    config_refused set sleep "23:00-23:00"
    [ "$stderr" = 'pumplog: error: the time window "23:00-23:00" ends when it starts; for the whole day write 00:00-24:00' ]
    cmp "$(CONFIG)" "$TEST_DIR/before.json"
    refused 2 pumplog plan --away "daily 8:00-8:00"
    [ "$stderr" = 'pumplog: error: --away: the time window "8:00-8:00" ends when it starts; for the whole day write 00:00-24:00' ]
    # midnight to midnight is the whole day, and reads back as it is written (not 00:00-00:00, the form
    # refused above for any other time)
    run --separate-stderr pumplog config set away "daily midnight-midnight"
    [ "$output" = "away = daily 00:00-24:00" ]
    run --separate-stderr pumplog config get away
    [ "$status" -eq 0 ]
    [ "$output" = "daily 00:00-24:00" ]
    run --separate-stderr pumplog config set sleep 00:00-24:00
    [ "$status" -eq 0 ]; [ "$output" = "sleep = 00:00-24:00" ]
    [ "$(jq -r .sleep "$(CONFIG)")" = "00:00-24:00" ]
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq -r '.advice_items[] | select(.kind == "sleep_window") | .sleep' <<<"$output")" = "00:00-24:00" ]
    [[ "$(jq -r '.advice[]' <<<"$output")" == *"inside your sleep window (00:00-24:00)"* ]]
    # A config file that keeps 00:00-00:00 (written before) is still the whole day.
    jq '.sleep = "00:00-00:00"' "$(CONFIG)" >"$TEST_DIR/c.json" && cp "$TEST_DIR/c.json" "$(CONFIG)"
    [ "$(pumplog config get sleep)" = "00:00-00:00" ]
    run --separate-stderr pumplog plan --mode supply --format json
    [ "$(jq -r '.advice_items[] | select(.kind == "sleep_window") | .sleep' <<<"$output")" = "00:00-24:00" ]
}

@test "min_gap cannot be set longer than a longest gap" {
    config_refused set min_gap 5h
    [ "$stderr" = "pumplog: error: min_gap (5 h) cannot be longer than max_gap_day (4 h); change one of them first" ]
    pumplog config set max_gap_day 6h
    config_refused set min_gap 5h30m
    pumplog config set max_gap_night 6h
    pumplog config set min_gap 5h30m
    config_refused set max_gap_day 5h
}

@test "unset returns a key to its default" {
    pumplog config set unit oz
    pumplog config set lookback 14
    run --separate-stderr pumplog config unset unit
    [ "$output" = "unit = ml (default)" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"lookback":"14"}' ]
}

@test "list shows every key with its value, in table, JSON and CSV" {
    pumplog config set unit oz
    run --separate-stderr pumplog config list
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 18 ]
    [ "${lines[0]}" = "key            value             what it is" ]
    [ "${lines[1]}" = "unit           oz                display unit for volumes" ]
    [ "${lines[3]}" = "guideline      cdc    (default)  storage limits profile" ]
    # A number of days (pumplog(5)), not of feeds: "7 feeds" would read as too few.
    [ "${lines[6]}" = "lookback       7      (default)  days of feeds the planner learns from" ]
    run --separate-stderr pumplog config list --format json
    [ "$(echo "$output" | jq -c '[.unit, .lookback, .away]')" = '["oz","7","none"]' ]
    [ "$(echo "$output" | jq -c 'keys_unsorted | length')" = 17 ]
    run --separate-stderr pumplog config list --format csv
    [ "${lines[0]}" = "key,value,default,accepted" ]
    [ "${lines[1]}" = "unit,oz,ml,ml or oz" ]
}

@test "the unit setting changes the display and the unit of bare numbers" {
    pumplog config set unit oz
    run --separate-stderr pumplog add 3
    [ "$output" = "Logged 3.0 oz at 14:05 - today 3.0 oz in 1 session" ]
    [ "$(jq .ml "$J")" = 88.72 ]
    run --separate-stderr pumplog log --format json
    [ "$(echo "$output" | jq -c '.[0].oz')" = 3 ]
    run --separate-stderr pumplog log --format json --unit ml
    [ "$(echo "$output" | jq -c '.[0].ml')" = 88.72 ]
}

@test "the timezone setting is used when TZ is not set, and TZ wins" {
    pumplog config set timezone America/New_York
    TZ= pumplog add 90ml
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T08:05:00-05:00" ]
    unset TZ
    pumplog add 80ml
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T08:05:00-05:00" ]
    TZ=Asia/Tokyo pumplog add 70ml
    [ "$(tail -n 1 "$J" | jq -r .at)" = "2026-11-21T22:05:00+09:00" ]
}

@test "timezone defaults to none, shown as none everywhere, and none can be set" {
    run --separate-stderr pumplog config get timezone
    [ "$output" = "none" ]
    [ "$(pumplog config list --format json | jq -r .timezone)" = none ]
    [ "$(pumplog config list | awk '$1 == "timezone" {print $2, $3}')" = "none (default)" ]
    pumplog config set timezone Asia/Tokyo
    run --separate-stderr pumplog config set timezone none
    [ "$status" -eq 0 ]
    [ "$output" = "timezone = none" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"timezone":"none"}' ]
    [ "$(pumplog config get timezone)" = none ]
    [ "$(pumplog config list --format json | jq -r .timezone)" = none ]
    # none is the system zone (here with TZ empty), as with no setting at all.
    TZ= pumplog add 90ml
    rm "$(CONFIG)"
    TZ= pumplog add 80ml --force
    [ "$(jq -r .at "$J" | uniq | wc -l)" -eq 1 ]
    run --separate-stderr pumplog config unset timezone
    [ "$output" = "timezone = none (default)" ]
}

@test "a damaged config file is a usage error naming the file" {
    mkdir -p "$(dirname "$(CONFIG)")"
    echo '{not json' > "$(CONFIG)"
    refused 2 pumplog add 90ml
    [ "$stderr" = "pumplog: error: config file $(CONFIG) is not valid JSON; fix or remove it" ]
    echo '{"lookback": "2"}' > "$(CONFIG)"
    refused 2 pumplog plan
    [ "$stderr" = "pumplog: error: config file $(CONFIG): lookback takes days, 3 to 60, not \"2\"; fix it, or run pumplog config unset lookback" ]
    # config itself still works, to repair it.
    pumplog config set lookback 14
    pumplog add 90ml
}

@test "a bad planner setting in the config file does not stop add: one warning naming the file and the fix" {
    mkdir -p "$(dirname "$(CONFIG)")"
    echo '{"lookback": "999", "unit": "oz"}' > "$(CONFIG)"
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":50}'
    run --separate-stderr pumplog add 3oz --at 9:00
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: config file $(CONFIG): lookback takes days, 3 to 60, not \"999\"; fix it, or run pumplog config unset lookback (ignored here: the default 7 is used)" ]
    [ "$(tail -n 1 "$J" | jq -r .ml)" = 88.72 ]  # the other settings still apply (oz)
    run --separate-stderr pumplog log feed --breast --left 10m --at 10:00
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$stderr" | grep -c warning)" -eq 1 ]
    # The commands that use it refuse, the journal unchanged.
    for command in "plan" "plan next" "status" "report"; do
        # shellcheck disable=SC2086
        refused 2 pumplog $command
        [ "$stderr" = "pumplog: error: config file $(CONFIG): lookback takes days, 3 to 60, not \"999\"; fix it, or run pumplog config unset lookback" ]
    done
    # A bad value of a key add uses still stops it.
    echo '{"unit": "cups"}' > "$(CONFIG)"
    refused 2 pumplog add 90ml
    [ "$stderr" = "pumplog: error: config file $(CONFIG): unit takes ml or oz, not \"cups\"; fix it, or run pumplog config unset unit" ]
    pumplog config unset unit
    echo '{"lookback": "999"}' > "$(CONFIG)"
    pumplog config unset lookback
    run --separate-stderr pumplog report
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
}

@test "a bad value edited by hand does not block config set or unset of another key, is left as it is, and is flagged" {
    mkdir -p "$(dirname "$(CONFIG)")"
    printf '{"lookback":"999"}' > "$(CONFIG)"
    local warning="pumplog: warning: config file $(CONFIG): lookback takes days, 3 to 60, not \"999\"; fix it, or run pumplog config unset lookback"
    run --separate-stderr pumplog config set unit oz
    [ "$status" -eq 0 ]
    [ "$output" = "unit = oz" ]
    [ "$stderr" = "$warning" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"lookback":"999","unit":"oz"}' ]
    run --separate-stderr pumplog config unset unit
    [ "$status" -eq 0 ]
    [ "$stderr" = "$warning" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"lookback":"999"}' ]
    # get and list show it as it is stored, flagged: one stderr line, and (bad) in the table
    run --separate-stderr pumplog config get lookback
    [ "$status" -eq 0 ]
    [ "$output" = 999 ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog config get unit
    [ "$output" = ml ]
    [ -z "$stderr" ]
    run --separate-stderr pumplog config list
    [ "$status" -eq 0 ]
    [ "$(awk '$1 == "lookback" {print $2, $3}' <<<"$output")" = "999 (bad)" ]
    [ "$stderr" = "$warning" ]
    run --separate-stderr pumplog config list --format json
    [ "$(jq -r .lookback <<<"$output")" = 999 ]
    [ "$stderr" = "$warning" ]
    # a value that is not even a string is shown as it is, not as the default
    printf '{"unit":"kg","mode":["x"]}' > "$(CONFIG)"
    run --separate-stderr pumplog config set mode supply
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: config file $(CONFIG): unit takes ml or oz, not \"kg\"; fix it, or run pumplog config unset unit" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"mode":"supply","unit":"kg"}' ]
    printf '{"mode":["x"]}' > "$(CONFIG)"
    run --separate-stderr pumplog config get mode
    [ "$output" = '["x"]' ]
    [ "$stderr" = "pumplog: warning: config file $(CONFIG): mode takes a string, not [\"x\"]; fix it, or run pumplog config unset mode" ]
    # the key itself set anew replaces the bad value, with no warning
    printf '{"lookback":"999"}' > "$(CONFIG)"
    run --separate-stderr pumplog config set lookback 10
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"lookback":"10"}' ]
}

@test "config set still checks the gaps against the other gaps: refused over a good one that conflicts, or a bad one" {
    mkdir -p "$(dirname "$(CONFIG)")"
    printf '{"max_gap_day":"2h","lookback":"999"}' > "$(CONFIG)"
    config_refused set min_gap 3h
    [ "$stderr" = "pumplog: error: min_gap (3 h) cannot be longer than max_gap_day (2 h); change one of them first" ]
    printf '{"max_gap_night":"zz"}' > "$(CONFIG)"
    config_refused set min_gap 3h
    [ "$stderr" = "pumplog: error: config file $(CONFIG): max_gap_night takes a duration from 1h to 12h, not \"zz\"; fix it, or run pumplog config unset max_gap_night" ]
    run --separate-stderr pumplog config set lookback 10
    [ "$status" -eq 0 ]
    [ "$(jq -c . "$(CONFIG)")" = '{"lookback":"10","max_gap_night":"zz"}' ]
}

@test "a number written by hand and a key from a newer version are accepted" {
    mkdir -p "$(dirname "$(CONFIG)")"
    echo '{"lookback": 14, "future_setting": "x"}' > "$(CONFIG)"
    run --separate-stderr pumplog config get lookback
    [ "$status" -eq 0 ]
    [ "$output" = "14" ]
    pumplog config set unit oz
    [ "$(jq -c . "$(CONFIG)")" = '{"future_setting":"x","lookback":14,"unit":"oz"}' ]
}

@test "a key edited by hand that is no setting is warned of, one line each, kept, and changes no exit status" {
    mkdir -p "$(dirname "$(CONFIG)")"
    echo '{"unti":"oz","colour":"red"}' > "$(CONFIG)"
    local warned="pumplog: warning: $(CONFIG): \"colour\" is not a setting; it is ignored
pumplog: warning: $(CONFIG): \"unti\" is not a setting (did you mean \"unit\"?)"
    run --separate-stderr pumplog config list --format json
    [ "$status" -eq 0 ]
    [ "$stderr" = "$warned" ]
    [ "$(jq -r .unit <<<"$output")" = ml ]
    run --separate-stderr pumplog add 90ml
    [ "$status" -eq 0 ]
    [ "$stderr" = "$warned
Started a new journal at $J" ]
    run --separate-stderr pumplog config set lookback 10
    [ "$status" -eq 0 ]
    [ "$stderr" = "$warned" ]
    [ "$(jq -c . "$(CONFIG)")" = '{"colour":"red","lookback":"10","unti":"oz"}' ]
    # A bad key still refuses as before, with its own exit status.
    echo '{"unti":"oz","lookback":"999"}' > "$(CONFIG)"
    run --separate-stderr pumplog plan
    [ "$status" -eq 2 ]
    [ "${stderr%%$'\n'*}" = "pumplog: warning: $(CONFIG): \"unti\" is not a setting (did you mean \"unit\"?)" ]
    [[ ${stderr#*$'\n'} == "pumplog: error: config file $(CONFIG): lookback takes "* ]]
}

@test "set writes through a symlinked config to its target, never through a planted .tmp" {
    mkdir -p "$TEST_DIR/dotfiles" "$(dirname "$(CONFIG)")"
    printf '{"unit":"oz"}\n' > "$TEST_DIR/dotfiles/config.json"
    chmod 640 "$TEST_DIR/dotfiles/config.json"
    ln -s "$TEST_DIR/dotfiles/config.json" "$(CONFIG)"
    # A stale or planted temporary beside the target: a symlink to a victim.
    printf 'keep\n' > "$TEST_DIR/victim"
    ln -s "$TEST_DIR/victim" "$TEST_DIR/dotfiles/config.json.tmp"
    run --separate-stderr pumplog config set min_gap 90m
    [ "$status" -eq 0 ]
    [ -L "$(CONFIG)" ]
    [ "$(jq -c . "$TEST_DIR/dotfiles/config.json")" = '{"min_gap":"1h30m","unit":"oz"}' ]
    [ "$(stat -c %a "$TEST_DIR/dotfiles/config.json")" = 640 ]
    [ "$(cat "$TEST_DIR/victim")" = keep ]
    [ ! -e "$TEST_DIR/dotfiles/config.json.tmp" ]
    [ "$(pumplog config get unit)" = oz ]
}

@test "a config symlink loop is refused in one line" {
    mkdir -p "$(dirname "$(CONFIG)")"
    ln -s "$(CONFIG)" "$(CONFIG)"
    refused 2 pumplog config set unit oz
    [[ "$stderr" == *"too many levels of symbolic links"* ]]
}

# Text is data (pumplog(5)): a value edited into the file by hand never
# reaches the terminal raw, and no baby's name holds a control a terminal obeys.
@test "config get and list escape a hand-edited value; config set babies refuses C1 and bidi controls" {
    mkdir -p "$XDG_CONFIG_HOME/pumplog"
    printf '{"babies":"A\\u001b[31mda, Ben"}' > "$XDG_CONFIG_HOME/pumplog/config.json"
    run --separate-stderr pumplog config get babies
    [ "$output" = 'A\x1b[31mda, Ben' ]
    run --separate-stderr pumplog config list
    [[ "$output" == *'A\x1b[31mda, Ben'* ]]
    [[ "$output" != *$'\e'* ]]
    cp "$XDG_CONFIG_HOME/pumplog/config.json" "$TEST_DIR/before"
    refused 2 pumplog config set babies "$(printf 'A\342\200\256da, Ben')"
    [ "$stderr" = 'pumplog: error: babies: "A\u202eda" holds a control character' ]
    refused 2 pumplog config set babies "$(printf 'A\302\205da, Ben')"
    [ "$stderr" = 'pumplog: error: babies: "A\u0085da" holds a control character' ]
    cmp "$XDG_CONFIG_HOME/pumplog/config.json" "$TEST_DIR/before"
}

# "Ada" and "Ada" with a zero width space look one name and are two babies.
@test "config set babies refuses a name with an invisible character (U+200B, U+FEFF, U+00AD); joiners stay" {
    pumplog config set babies "Ada, Ben" >/dev/null
    cp "$XDG_CONFIG_HOME/pumplog/config.json" "$TEST_DIR/before"
    refused 2 pumplog config set babies "$(printf 'Ada\342\200\213, Ben')"
    [ "$stderr" = 'pumplog: error: babies: "Ada\u200b" holds an invisible character (U+200B), so it would look like another name; write the name without it' ]
    refused 2 pumplog config set babies "$(printf '\357\273\277Ada, Ben')"
    [[ "$stderr" == *"(U+FEFF)"* ]]
    refused 2 pumplog config set babies "$(printf 'A\302\255da, Ben')"
    [[ "$stderr" == *"(U+00AD)"* ]]
    cmp "$XDG_CONFIG_HOME/pumplog/config.json" "$TEST_DIR/before"
    # a zero width non-joiner belongs to Persian names: kept
    pumplog config set babies "$(printf 'Mehr\342\200\214ana, Ben')" >/dev/null
    [ "$(pumplog config get babies)" = "$(printf 'Mehr\342\200\214ana, Ben')" ]
}
