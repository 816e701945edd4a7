#!/usr/bin/env bats
# Text is data (SPEC 8): notes, labels, reasons and ids from the journal reach
# a terminal with their control characters escaped (\x1b, \u202e), CSV cells
# that a spreadsheet would run as a formula get a leading ', JSON stays exact.
load helpers
load plan_days

# Control bytes a terminal acts on: C0 but for the line feed, DEL, a lone 0x9b
# (8-bit CSI), and U+202E and U+2066 (bidi override, isolate) as UTF-8.
raw_controls() {
    LC_ALL=C grep -c $'[\x01-\x09\x0b-\x1f\x7f\x9b]\|\xe2\x80\xae\|\xe2\x81\xa6\|\xc2\x9b' "$1"
}

# A clear screen, an OSC 52 clipboard write, an OSC 0 title, CR, BS, C1 CSI and
# bidi controls, in a note, a label, a reason and an id.
hostile_journal() {
    journal_line '{"v":1,"id":"P1xxx","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100,"note":"\u001b[2J\u001b]52;c;cm0gLXJm\u0007\u001b]0;owned\u0007\rX\bY\u202eevil\u009b2J\u2066"}'
    journal_line '{"v":1,"id":"S1xxx","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"room","pumped":"2026-11-21T12:00:00+01:00","label":"B\u001b[31mred","note":"\u001b]0;title\u0007"}'
    journal_line '{"v":1,"id":"S2xxx","type":"store","at":"2026-11-20T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-20T12:00:00+01:00","label":"B2"}'
    journal_line '{"v":1,"id":"D1xxx\u001b[2J","type":"discard","at":"2026-11-21T13:00:00+01:00","target":"S2xxx","reason":"spilt\u001b[2J\u202e"}'
    journal_line '{"v":1,"id":"P2xxx","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90,"note":"=cmd|'"'"' /C calc'"'"'!A0"}'
    journal_line '{"v":1,"id":"P3xxx","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":80,"note":"@SUM(1+1)*cmd|'"'"' /C calc'"'"'!A0"}'
    journal_line '{"v":1,"id":"P4xxx","type":"pump","at":"2026-11-21T10:00:00+01:00","ml":70,"note":"-2+3"}'
    pumplog log check >/dev/null  # the lines are valid: text is free
}

@test "log prints journal text with its control characters escaped, never raw" {
    hostile_journal
    pumplog log > out.txt 2> err.txt
    [ "$(raw_controls out.txt)" -eq 0 ]
    [ "$(raw_controls err.txt)" -eq 0 ]
    grep -qF 'pumped 100 ml  ' out.txt
    grep -qF '\x1b[2J\x1b]52;c;cm0gLXJm\x07\x1b]0;owned\x07\x0dX\x08Y\u202eevil\u009b2J\u2066' out.txt
    grep -qF 'stored B\x1b[31mred 60 ml in the room' out.txt
    grep -qF 'discarded B2: spilt\x1b[2J\u202e' out.txt
    grep -q '^1b\[2j  2026-11-21 13:00' out.txt  # the discard's ref: the ending of its id as shown (D1xxx\x1b[2J), typeable
    # the same with --all and with colour on
    pumplog --color always log --all > out.txt
    [ "$(LC_ALL=C grep -c $'\x1b\\[2J\|\x1b\\]\|\x1b\\[31mred' out.txt)" -eq 0 ]
}

@test "stock and stock expiring print labels, notes and reasons escaped" {
    hostile_journal
    pumplog stock --all > out.txt
    [ "$(raw_controls out.txt)" -eq 0 ]
    grep -qF 'B\x1b[31mred' out.txt
    grep -qF '\x1b]0;title\x07' out.txt
    grep -qF 'spilt\x1b[2J\u202e' out.txt
    run pumplog stock expiring
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" > out.txt
    [ "$(raw_controls out.txt)" -eq 0 ]
    [ "$output" = 'B\x1b[31mred 60 ml in the room expires today 16:00 (in 1 h 55 min): use it now or put it in the fridge' ]
}

@test "report prints a baby's name from the journal escaped, in the table and in markdown" {
    pumplog config set babies "Ada, Ben" >/dev/null
    journal_line '{"v":1,"id":"F1xxx","type":"feed","at":"2026-11-21T07:00:00+01:00","method":"bottle","ml":90,"baby":"Ada"}'
    journal_line '{"v":1,"id":"F2xxx","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"bottle","ml":80,"baby":"Ben\u001b[2J\u202e"}'
    pumplog report > out.txt
    [ "$(raw_controls out.txt)" -eq 0 ]
    grep -qF 'Ben\x1b[2J\u202e feeds' out.txt
    grep -qF '(Ada, Ben and Ben\x1b[2J\u202e)' out.txt
    pumplog report --format md > "$TEST_DIR/out.md"
    [ "$(raw_controls "$TEST_DIR/out.md")" -eq 0 ]
    # the escapes themselves as Markdown text: a rendered page shows Ben\x1b[2J\u202e
    grep -qF '| Ben\\x1b\[2J\\u202e: feeds |' "$TEST_DIR/out.md"
}

@test "replies name a hostile label escaped (stock move)" {
    hostile_journal
    pumplog stock move $'B\e[31mred' --to fridge > out.txt
    [ "$(raw_controls out.txt)" -eq 0 ]
    grep -qF 'Moved B\x1b[31mred (60 ml) from the room to the fridge' out.txt
}

@test "a refused label is named with its control character escaped, not shown as a space; the journal unchanged" {
    pumplog add 90ml >/dev/null
    before="$(journal_sum)"
    run --separate-stderr pumplog stock add 60ml --in fridge --label $'B\e[31m1'
    [ "$status" -eq 2 ]
    [ "$stderr" = 'pumplog: error: label "B\x1b[31m1" holds a space or a special character; try B1' ]
    run --separate-stderr pumplog stock add 60ml --in fridge --label $'B\t1'
    [ "$stderr" = 'pumplog: error: label "B\x091" holds a space or a special character; try B1' ]
    [ "$(journal_sum)" = "$before" ]
}

@test "JSON output keeps the journal's text exactly" {
    hostile_journal
    [ "$(pumplog log --format json | jq -r '.[] | select(.id == "P1xxx") .note')" = \
      $'\e[2J\e]52;c;cm0gLXJm\a\e]0;owned\a\rX\bY\u202eevil\u009b2J\u2066' ]
    [ "$(pumplog stock --format json | jq -r '.[0].label')" = $'B\e[31mred' ]
}

@test "log --format csv: a note a spreadsheet would run as a formula gets a leading quote mark, numbers stay numbers" {
    hostile_journal
    run --separate-stderr pumplog log --format csv
    [ "$status" -eq 0 ]
    grep -qxF "p2xxx,P2xxx,pump,2026-11-21T08:00:00+01:00,90,,,,,,,,'=cmd|' /C calc'!A0,,," <<<"$output"
    grep -qxF "p3xxx,P3xxx,pump,2026-11-21T09:00:00+01:00,80,,,,,,,,'@SUM(1+1)*cmd|' /C calc'!A0,,," <<<"$output"
    grep -qxF "p4xxx,P4xxx,pump,2026-11-21T10:00:00+01:00,70,,,,,,,,'-2+3,,," <<<"$output"
    # --unit oz: the volumes are numbers, never prefixed
    run --separate-stderr pumplog --unit oz log --format csv
    grep -qxF "p4xxx,P4xxx,pump,2026-11-21T10:00:00+01:00,2.37,,,,,,,,'-2+3,,," <<<"$output"
}

@test "CSV output writes journal text with its control characters escaped, never raw" {
    hostile_journal
    pumplog log --format csv > log.csv
    pumplog stock --format csv > stock.csv
    pumplog report --since 2026-11-20 --format csv > report.csv
    for f in log.csv stock.csv report.csv; do [ "$(raw_controls "$f")" -eq 0 ]; done
    grep -qF 'p1xxx,P1xxx,pump,2026-11-21T07:00:00+01:00,100,,,,,,,,\x1b[2J\x1b]52;c;cm0gLXJm\x07\x1b]0;owned\x07\x0dX\x08Y\u202eevil\u009b2J\u2066' log.csv
    grep -qF 'B\x1b[31mred,S1xxx,60,room,' stock.csv
}

@test "stock --format csv: a label that begins with = gets a leading quote mark" {
    journal_line '{"v":1,"id":"S1xxx","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-21T12:00:00+01:00","label":"=1+1"}'
    run --separate-stderr pumplog stock --format csv
    [ "$status" -eq 0 ]
    [[ ${lines[1]} == "'=1+1,S1xxx,60,fridge,"* ]]
}

@test "report --format html escapes a label's markup and control characters" {
    journal_line '{"v":1,"id":"P1xxx","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"S1xxx","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-21T12:00:00+01:00","label":"<b onmouseover=\"x\">\u001b"}'
    pumplog report --format html > page.html
    [ "$(grep -c '<b onm' page.html)" -eq 0 ]
    grep -qF '<td>&lt;b onmouseover=&quot;x&quot;&gt;\x1b</td>' page.html
    [ "$(raw_controls page.html)" -eq 0 ]
}

@test "a warning about a damaged line names a journal path with a newline escaped, on one line" {
    local odd="$TEST_DIR/my"$'\n'"journal.jsonl"
    printf '%s\n%s\n' '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}' 'garbage' > "$odd"
    run --separate-stderr pumplog -j "$odd" log
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    [ "$stderr" = "pumplog: warning: $TEST_DIR/my\\x0ajournal.jsonl:2: not valid JSON; skipped (see pumplog log check)" ]
}

@test "log check and log check --repair name a journal path with a title sequence and a newline escaped" {
    mkdir pj
    local odd=pj/j$'\e]0;PWNED\a\n'.jsonl shown='pj/j\x1b]0;PWNED\x07\x0a.jsonl'
    printf '%s\n%s\n' '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}' 'garbage' > "$odd"
    run --separate-stderr pumplog -j "$odd" log check
    [ "$status" -eq 3 ]
    [ "$output" = "$shown:2: not valid JSON
$shown: 2 lines, 1 good entry, 1 bad line
Run pumplog log check --repair to move the bad lines to $shown.rejected (nothing is deleted)." ]
    run --separate-stderr pumplog -j "$odd" log check --repair
    [ "$status" -eq 0 ]
    [ "$output" = "$shown:2: not valid JSON
$shown: 2 lines, 1 good entry, 1 bad line
Moved 1 bad line to $shown.rejected; kept 1 line. The journal before the repair is $shown.bak." ]
}

@test "log merge names the journal and the merged file with their control characters escaped, one line each" {
    mkdir pj
    local odd=pj/j$'\e]0;PWNED\a\n'.jsonl shown='pj/j\x1b]0;PWNED\x07\x0a.jsonl'
    local other=pj/m$'\e[31m'.jsonl other_shown='pj/m\x1b[31m.jsonl'
    printf '%s\n' '{"v":1,"id":"a","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}' > "$odd"
    printf '%s\n%s\n' '{"v":1,"id":"new1","type":"pump","at":"2026-11-20T06:00:00+01:00","ml":100}' 'garbage' > "$other"
    run --separate-stderr pumplog -j "$odd" log merge "$other"
    [ "$status" -eq 0 ]
    [ "$stderr" = "pumplog: warning: $other_shown:2: not valid JSON; skipped" ]
    [ "$output" = "$other_shown: 1 entry came in, 0 entries already in the journal
Merged 1 entry into $shown; the journal before the merge is $shown.bak." ]
    run --separate-stderr pumplog -j "$odd" log merge "$other"
    [ "$output" = "$other_shown: nothing new (1 entry already in the journal)
Nothing came in; $shown is unchanged." ]
}

@test "ids with a bidi or an invisible character get references log shows, rm takes and completion offers" {
    journal_line '{"v":1,"id":"Y\u202e","type":"pump","at":"2026-11-21T06:00:00+01:00","ml":10}'
    journal_line '{"v":1,"id":"\u200b","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":20}'
    # Shown y\u202e and \u200b (never raw), their refs are endings of that text: typeable.
    run --separate-stderr pumplog log
    [ "$output" = 'ref   when              what          note
202e  2026-11-21 06:00  pumped 10 ml
200b  2026-11-21 07:00  pumped 20 ml' ]
    run --separate-stderr pumplog completion --list refs
    [ "$output" = '200b
202e' ]
    # The whole id as shown, in any case, is a reference too.
    run --separate-stderr pumplog log rm 'Y\u202e'
    [ "$status" -eq 0 ]
    [ "$output" = 'Removed pumped 10 ml at 2026-11-21 06:00 (ref 202e)' ]
    run --separate-stderr pumplog log rm 200b
    [ "$status" -eq 0 ]
    [ "$output" = 'Removed pumped 20 ml at 2026-11-21 07:00 (ref 200b)' ]
    [ "$(pumplog log)" = "No entries from 2026-11-15 00:00." ]
}

@test "report --format md writes a name from an import as text, never as raw HTML a Markdown viewer would run" {
    local bottle='"type":"feed","method":"bottle","ml":80'
    journal_line '{"v":1,"id":"F1xxx","at":"2026-11-21T07:00:00+01:00",'"$bottle"',"baby":"Ada"}'
    local name='<img src=x onerror=alert(1)>|B'
    journal_line '{"v":1,"id":"F2xxx","at":"2026-11-21T08:00:00+01:00",'"$bottle"',"baby":"'"$name"'"}'
    run --separate-stderr pumplog report --format md
    [ "$status" -eq 0 ]
    [[ "$output" != *"<img"* ]]
    grep -qF '| &lt;img src=x onerror=alert(1)&gt;\|B: feeds |' <<<"$output"
    grep -qF '(&lt;img src=x onerror=alert(1)&gt;\|B and Ada)' <<<"$output"
}

@test "report --format md writes a name as text, never as a link, an image from another server or an entity" {
    local bottle='"type":"feed","method":"bottle","ml":80'
    journal_line '{"v":1,"id":"F1xxx","at":"2026-11-21T07:00:00+01:00",'"$bottle"',"baby":"E&amp;F"}'
    journal_line '{"v":1,"id":"F2xxx","at":"2026-11-21T08:00:00+01:00",'"$bottle"',"baby":"![t](http://tracker.example/p.png)"}'
    journal_line '{"v":1,"id":"F3xxx","at":"2026-11-21T09:00:00+01:00",'"$bottle"',"baby":"*Zo_e*"}'
    run --separate-stderr pumplog report --format md
    [ "$status" -eq 0 ]
    [[ "$output" != *"![t]("* ]]
    grep -qF '| E&amp;amp;F: feeds |' <<<"$output"
    grep -qF '| !\[t\](http://tracker.example/p.png): feeds |' <<<"$output"
    grep -qF '| \*Zo\_e\*: feeds |' <<<"$output"
    grep -qF 'every baby'"'"'s (!\[t\](http://tracker.example/p.png), \*Zo\_e\* and E&amp;amp;F)' <<<"$output"
    # the total row keeps its own bold
    grep -qF '| **Total** |' <<<"$output"
}

@test "report --format html escapes every control in a baby's name and a label: chart legend, tooltips and stash table" {
    # ESC, C1 CSI, bidi override and isolate, line separator, CR LF: in a name and a label.
    local hostile='X\u001b\u009b\u202e\u2066\u2028\r\nY'
    local shown='X\x1b\u009b\u202e\u2066\u2028\x0d\x0aY'
    journal_line '{"v":1,"id":"P1xxx","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":100}'
    journal_line '{"v":1,"id":"F1xxx","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"bottle","ml":60,"milk":"breast","baby":"Ada"}'
    journal_line '{"v":1,"id":"F2xxx","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":50,"milk":"breast","baby":"'"$hostile"'"}'
    journal_line '{"v":1,"id":"S1xxx","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-21T12:00:00+01:00","label":"'"$hostile"'"}'
    pumplog report --since 2026-11-21 --format html > page.html
    [ "$(raw_controls page.html)" -eq 0 ]
    [ "$(LC_ALL=C grep -c $'\r\|\xe2\x80\xa8' page.html)" -eq 0 ]
    grep -qF "<text x=\"" page.html
    grep -qF ">feeds ($shown)</text>" page.html
    grep -qF "<title>09:00: 1 feed ($shown)</title>" page.html
    grep -qF "<td>$shown</td>" page.html
    [ "$(grep -c '^Y' page.html)" -eq 0 ]  # no raw line feed cut the name
}

@test "a label stock shows escaped (an invisible character in it) is named as shown: stock use 'B1\\u200b'" {
    journal_line '{"v":1,"id":"S5","type":"store","at":"2026-11-21T12:05:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-21T12:05:00+01:00","label":"B1\u200b"}'
    journal_line '{"v":1,"id":"S6","type":"store","at":"2026-11-21T12:06:00+01:00","ml":40,"place":"fridge","pumped":"2026-11-21T12:06:00+01:00","label":"B1"}'
    run --separate-stderr pumplog stock
    [[ "$output" == *'B1\u200b   50 ml'* ]]
    run --separate-stderr pumplog stock use 'B1\u200b'
    [ "$status" -eq 0 ]
    [ "$output" = 'Took 50 ml: B1\u200b 50 ml (used up)' ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S5",50]' ]
    # the plain label is still its own container
    run --separate-stderr pumplog stock use B1
    [ "$status" -eq 0 ]
    [ "$(tail -n 1 "$J" | jq -c '[.type, .target, .ml]')" = '["use","S6",40]' ]
}

@test "every --format json writes C1 and bidi controls as \\u escapes, never raw bytes, and jq reads the exact text" {
    journal_line '{"v":1,"id":"c3","type":"pump","at":"2026-11-20T07:00:00+01:00","ml":90,"note":"C1\u009b2J"}'
    run --separate-stderr pumplog log --format json
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep '"note"')" = '    "note": "C1\u009b2J",' ]
    hostile_journal
    pumplog log --format json > log.json
    pumplog stock --format json > stock.json
    pumplog report --since 2026-11-20 --format json > report.json
    pumplog status --format json > status.json
    for f in log.json stock.json report.json status.json; do [ "$(raw_controls "$f")" -eq 0 ]; done
    grep -qF '"note": "\u001b[2J\u001b]52;c;cm0gLXJm\u0007\u001b]0;owned\u0007\rX\bY\u202eevil\u009b2J\u2066"' log.json
    [ "$(jq -r '.[] | select(.id == "c3") .note' log.json)" = $'C1\u009b2J' ]
}

@test "every --format json writes DEL and what shows nothing as \\u escapes, as the table escapes them" {
    # DEL, U+2028, U+200B, U+FEFF, U+00AD, the tag U+E0041 (a surrogate pair in JSON), a joiner that joins nothing.
    local note='a\u007fb\u2028c\u200bd\ufeffe\u00adf\udb40\udc41g\u200d'
    journal_line '{"v":1,"id":"z1","type":"pump","at":"2026-11-20T07:00:00+01:00","ml":90,"note":"'"$note"'"}'
    run --separate-stderr pumplog log --format json
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep '"note"')" = "    \"note\": \"$note\"," ]
    [ "$(printf '%s\n' "$output" | jq -r '.[0].note')" = $'a\x7fb\u2028c\u200bd\ufeffe\u00adf\U000e0041g\u200d' ]
    run --separate-stderr pumplog log
    [ "$status" -eq 0 ]
    [[ $output == *'a\x7fb\u2028c\u200bd\ufeffe\u00adf\U000e0041g\u200d'* ]]
}

@test "log and stock --format csv: ESC and the four characters \\x1b give different cells, a backslash doubled" {
    journal_line '{"v":1,"id":"P5xxx","type":"pump","at":"2026-11-21T07:00:00+01:00","ml":90,"note":"A\u001bB"}'
    journal_line '{"v":1,"id":"P6xxx","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":80,"note":"A\\x1bB"}'
    journal_line '{"v":1,"id":"S5xxx","type":"store","at":"2026-11-21T12:00:00+01:00","ml":60,"place":"fridge","pumped":"2026-11-21T12:00:00+01:00","label":"B\u001b1"}'
    journal_line '{"v":1,"id":"S6xxx","type":"store","at":"2026-11-21T12:01:00+01:00","ml":50,"place":"fridge","pumped":"2026-11-21T12:01:00+01:00","label":"B\\x1b1"}'
    run --separate-stderr pumplog log --format csv --since 2026-11-21
    [ "$status" -eq 0 ]
    grep -qxF 'p5xxx,P5xxx,pump,2026-11-21T07:00:00+01:00,90,,,,,,,,A\x1bB,,,' <<<"$output"
    grep -qxF 'p6xxx,P6xxx,pump,2026-11-21T08:00:00+01:00,80,,,,,,,,A\\x1bB,,,' <<<"$output"
    run --separate-stderr pumplog stock --format csv
    [ "$status" -eq 0 ]
    [[ ${lines[1]} == 'B\x1b1,S5xxx,60,fridge,'* ]]
    [[ ${lines[2]} == 'B\\x1b1,S6xxx,50,fridge,'* ]]
}

# The refusal of OPTION's text (shown as SHOWN) that is not UTF-8: its first stray byte 0xHH at byte N.
not_utf8() {
    printf 'pumplog: error: %s "%s" is not valid UTF-8 (byte 0x%s at byte %s: %s); give it in UTF-8' \
        "$1" "$2" "$3" "$4" 'typed in Latin-1 or Windows-1252?'
}

@test "a note or a reason or a name that is not UTF-8 is refused as a label is and the journal stays byte-identical" {
    local latin1=$'M\xfcdigkeit'  # Müdigkeit from a terminal set to Latin-1
    # Nothing was written, not even a new journal.
    refused 2 pumplog add 90ml --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    [ ! -e "$J" ]
    baby 2026-11-14 7 "01:00=90 04:00=100 07:00=130 10:00=120 13:00=110 16:00=120 19:00=140 22:00=100"
    pumplog config set mode exclusive >/dev/null
    journal_line '{"v":1,"id":"01KAQ0000000000000000P0001","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}'
    pumplog stock add 60ml --in fridge >/dev/null  # B1
    pumplog --now 2026-11-21T13:50:00+01:00 pump start >/dev/null
    refused 2 pumplog add 90ml --at 13:00 --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog log pump 90ml --at 13:00 --note="$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog log feed 90ml --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog log edit 0001 --note $'caf\xe9'
    [ "$stderr" = "$(not_utf8 --note 'caf\xe9' E9 4)" ]
    refused 2 pumplog pump stop 80ml --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog plan skip --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog stock add 50ml --in fridge --note "$latin1"
    [ "$stderr" = "$(not_utf8 --note 'M\xfcdigkeit' FC 2)" ]
    refused 2 pumplog stock discard B1 --reason $'sour \xe9'
    [ "$stderr" = "$(not_utf8 --reason 'sour \xe9' E9 6)" ]
    # A character cut short (the first two bytes of the three of U+20AC) is not UTF-8 either.
    refused 2 pumplog add 90ml --at 13:00 --note $'5 \xe2\x82'
    [ "$stderr" = "$(not_utf8 --note '5 \xe2\x82' E2 3)" ]
    # A label is refused in the same words.
    refused 2 pumplog stock add 50ml --in fridge --label $'B\xfc'
    [ "$stderr" = "$(not_utf8 --label 'B\xfc' FC 2)" ]
    # So is a baby's name: it could name no baby, and the config command a refusal names would be refused too.
    refused 2 pumplog plan --baby $'Ma\xffya'
    [ "$stderr" = "$(not_utf8 --baby 'Ma\xffya' FF 3)" ]
    refused 2 pumplog log feed 90ml --baby $'Ma\xffya'
    [ "$stderr" = "$(not_utf8 --baby 'Ma\xffya' FF 3)" ]
    # The same commands with the text in UTF-8 are taken, the text kept byte for byte.
    pumplog add 90ml --at 13:00 --note 'Müdigkeit' >/dev/null
    [ "$(tail -n 1 "$J" | jq -r .note)" = 'Müdigkeit' ]
    pumplog log edit 0001 --note 'café' >/dev/null
    [ "$(tail -n 1 "$J" | jq -c .set)" = '{"note":"café"}' ]
    pumplog pump stop 80ml --note 'Müdigkeit' >/dev/null
    [ "$(tail -n 1 "$J" | jq -r .note)" = 'Müdigkeit' ]
    pumplog plan skip --note 'Müdigkeit' >/dev/null
    [ "$(tail -n 1 "$J" | jq -r '.type + " " + .note')" = 'skip Müdigkeit' ]
}

@test "stock discard and log edit reply with the reason and the note the journal keeps" {
    pumplog stock add 60ml --in fridge >/dev/null  # B1
    run --separate-stderr pumplog stock discard B1 --reason 'sour é'
    [ "$status" -eq 0 ]
    [ "$output" = 'Discarded B1 (60 ml in the fridge): sour é' ]
    [ "$(tail -n 1 "$J" | jq -r .reason)" = 'sour é' ]
    pumplog stock --all | grep -qF 'discarded today 14:05; sour é'
    local ref
    ref="$(pumplog log --format csv | grep ',discard,' | cut -d, -f1)"
    refused 2 pumplog log edit "$ref" --reason $'sauer \xe9'
    [ "$stderr" = "$(not_utf8 --reason 'sauer \xe9' E9 7)" ]
    run --separate-stderr pumplog log edit "$ref" --reason 'sauer é'
    [ "$status" -eq 0 ]
    [ "$(tail -n 1 "$J" | jq -c .set)" = '{"reason":"sauer é"}' ]
    journal_line '{"v":1,"id":"01KAQ0000000000000000P0001","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90}'
    run --separate-stderr pumplog log edit 0001 --note 'Müdigkeit'
    [ "$status" -eq 0 ]
    [ "$output" = 'Changed 0001 to pumped 90 ml at 2026-11-21 08:00, note "Müdigkeit"' ]
    [ "$(tail -n 1 "$J" | jq -c .set)" = '{"note":"Müdigkeit"}' ]
}
