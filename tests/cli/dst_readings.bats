#!/usr/bin/env bats
# Times around the clock changes (Berlin: Sun 2026-03-29 02:00 -> 03:00, Sun 2026-10-25 03:00 -> 02:00): a time
# typed that the clocks skip or show twice is warned of on stderr, in one line, by every option that reads one
# (as log --since does), and status tells the two 02:30s of the repeated hour apart by their UTC offset.

load helpers

skipped='02:30 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): read as 03:30'
twice='02:30 is twice on Sun 2026-10-25 (the clocks go back from 03:00 to 02:00): read as the first, 2026-10-25T02:30:00+02:00; write 2026-10-25T02:30:00+01:00 for the second'

# Review (fix-carry #3): --now, pump stop --started and report --since/--until read such a time silently.
@test "--now a time the clocks skip or show twice warns on stderr, as log --since does" {
    run --separate-stderr pumplog --now "2026-03-29 02:30" add 100ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 100 ml at 03:30 - today 100 ml in 1 session" ]
    [ "$stderr" = "pumplog: warning: --now: $skipped
Started a new journal at $J" ]
    run --separate-stderr pumplog --now "2026-10-25 02:30" add 90ml
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 90 ml at 02:30 - today 90 ml in 1 session" ]
    [ "$stderr" = "pumplog: warning: --now: $twice" ]
    [ "$(jq -r .at "$J" | tr '\n' ' ')" = "2026-03-29T03:30:00+02:00 2026-10-25T02:30:00+02:00 " ]
    # The same reading from log --since, word for word.
    run --separate-stderr pumplog log --since "2026-10-25 02:30"
    [ "$stderr" = "pumplog: warning: --since: $twice" ]
    # PUMPLOG_NOW is read alike; --now overriding it is the one said.
    PUMPLOG_NOW="2026-03-29 02:30" run --separate-stderr pumplog status --format json
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: PUMPLOG_NOW: $skipped" ]
    PUMPLOG_NOW="2026-03-29 02:30" run --separate-stderr pumplog --now "2026-10-25 02:30" status --format json
    [ "$stderr" = "pumplog: warning: --now: $twice" ]
    [ "$(jq -r .now <<<"$output")" = "2026-10-25T02:30:00+02:00" ]
    # A time the clocks show once says nothing; the exit code of a refusal is unchanged, the journal untouched.
    run --separate-stderr pumplog --now "2026-10-25 03:30" status --format json
    [ "$stderr" = "" ]
    before="$(journal_sum)"
    run --separate-stderr pumplog --now "2026-03-29 02:30" stock use B9
    [ "$status" -eq 2 ]
    [ "$stderr" = "pumplog: warning: --now: $skipped
pumplog: error: \"B9\" is neither a label in the stash nor an amount; try an amount such as 90ml (see pumplog stock)" ]
    [ "$(journal_sum)" = "$before" ]
}

@test "pump stop --started a time the clocks skip or show twice warns of the timer it named" {
    pumplog --now "2026-10-25T02:20:00+01:00" pump start >/dev/null 2>&1
    run --separate-stderr pumplog --now "2026-10-25T02:50:00+01:00" pump stop 80ml --started 02:20
    [ "$status" -eq 0 ]
    [ "$output" = "Logged 80 ml at 02:20, 30 min pumped (timer stopped)" ]
    # Both 02:20s name it (by the minute): the warning says which it started in, and how to write the other.
    [ "$stderr" = "pumplog: warning: --started: 02:20 is twice on Sun 2026-10-25 (the clocks go back from 03:00 to 02:00): read as the second, 2026-10-25T02:20:00+01:00; write 2026-10-25T02:20:00+02:00 for the first" ]
    [ "$(tail -1 "$J" | jq -r .at)" = "2026-10-25T02:20:00+01:00" ]
    pumplog --now "2026-03-29T03:20:00+02:00" pump start >/dev/null
    run --separate-stderr pumplog --now "2026-03-29T03:25:00+02:00" pump pause --started "2026-03-29 02:20"
    [ "$status" -eq 0 ]
    [ "$output" = "Pump timer paused at 5 min" ]
    [ "$stderr" = "pumplog: warning: --started: 02:20 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): read as 03:20" ]
    # A refusal after the timer is named stays one line, the journal byte-identical.
    refused 2 pumplog --now "2026-03-29T03:30:00+02:00" pump pause --started "2026-03-29 02:20"
    [ "$stderr" = "pumplog: error: the pump timer is already paused; pumplog pump resume goes on" ]
    run --separate-stderr pumplog --now "2026-03-29T03:30:00+02:00" pump resume --started 03:20
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
}

@test "report --since and --until a time the clocks skip or show twice warn, once the report is accepted" {
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-03-29T09:00:00+02:00","ml":100}'
    run --separate-stderr pumplog report --since "2026-03-29 02:30" --until "2026-10-25 02:30" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "2026-03-29,1,100,0,0,0,0,0,0,0,0,0,0,1" ]
    [ "$stderr" = "pumplog: warning: --since: $skipped
pumplog: warning: --until: $twice" ]
    refused 2 pumplog report --since "2026-03-29 02:30" --by banana
    [ "$stderr" = "pumplog: error: --by banana is not a grouping; use day, week, month or hour" ]
    refused 2 pumplog report --since "2026-10-25 02:30" --until "2026-03-29 02:30"
    [ "$stderr" = "pumplog: error: --until 2026-03-29 is before --since 2026-10-25" ]
}

# Review (fix-carry #4): status showed "Last pump  02:30" in the repeated hour, where plan next says
# "02:30 (+02:00)".
@test "status names the UTC offset of a time in the hour a fall-back night repeats" {
    export PUMPLOG_NOW="2026-10-25T02:50:00+01:00"
    pumplog add 100ml --at 2026-10-25T02:30:00+02:00 >/dev/null 2>&1
    pumplog log feed 90ml --at 2026-10-25T02:10:00+01:00 >/dev/null
    pumplog --now 2026-10-25T02:40:00+01:00 pump start >/dev/null
    pumplog stock add 50ml --in room --pumped 2026-10-24T22:30:00+02:00 --now 2026-10-24T23:00:00+02:00 >/dev/null
    run --separate-stderr pumplog status
    [ "$status" -eq 0 ]
    [ "$stderr" = "" ]
    [ "${lines[0]}" = "Today, Sun 2026-10-25 02:50 (+01:00)" ]
    [ "${lines[3]}" = "  Last pump  02:30 (+02:00), 1 h 20 min ago: pumped 100 ml" ]
    [ "${lines[4]}" = "  Last feed  02:10 (+01:00), 40 min ago: bottle 90 ml of breast milk" ]
    [ "${lines[6]}" = "  Timer      running 10 min, since 02:40 (+01:00)" ]
    [ "${lines[8]}" = "  Expired    B1 50 ml in the room, since 02:30 (+02:00) today: discard it" ]
    # Any other night, as before.
    run --separate-stderr pumplog --now 2026-10-26T09:00:00+01:00 status
    [ "${lines[0]}" = "Today, Mon 2026-10-26 09:00" ]
    [ "$(grep -F 'Last ' <<<"$output")" = "  Last pump  2026-10-25 02:30 (+02:00), 32 h ago: pumped 100 ml
  Last feed  2026-10-25 02:10 (+01:00), 31 h ago: bottle 90 ml of breast milk" ]
}
