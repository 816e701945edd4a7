#!/usr/bin/env bats
# `report` with several babies (SPEC 12): each baby's feeds beside the shared
# pumping, in the table, the CSV (--baby), JSON and the HTML page.
load helpers

# Twins on 2026-11-19 and 2026-11-20 (Berlin): Ada every 6 h from 00:00
# (90 ml), Ben 20 minutes after her (70 ml), the parent pumping 150 ml at
# :40; on 2026-11-21 Ada nursed 10 minutes (her name written in lower case).
twins() {
    local day h
    for day in 19 20; do
        for h in 00 06 12 18; do
            printf '{"v":1,"id":"A%s%s","type":"feed","at":"2026-11-%sT%s:00:00+01:00","method":"bottle","ml":90,"milk":"breast","baby":"Ada"}\n' "$day" "$h" "$day" "$h"
            printf '{"v":1,"id":"B%s%s","type":"feed","at":"2026-11-%sT%s:20:00+01:00","method":"bottle","ml":70,"milk":"breast","baby":"Ben"}\n' "$day" "$h" "$day" "$h"
            printf '{"v":1,"id":"P%s%s","type":"pump","at":"2026-11-%sT%s:40:00+01:00","ml":150}\n' "$day" "$h" "$day" "$h"
        done
    done >> "$J"
    journal_line '{"v":1,"id":"N1","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"breast","left_s":600,"baby":"ada"}'
    pumplog config set babies "Ada, Ben" > /dev/null
}

@test "twins: the table shows each baby's feeds under the shared pumping" {
    twins
    LANG=C.UTF-8 run --separate-stderr pumplog report --since 2026-11-19
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\nThu 11-19      4        -     600     -      -      8     640 '* ]]
    [[ "$output" == *"Each baby's feeds:
date       Ada feeds  Ada bottle  Ada nursed  Ada min  Ben feeds  Ben bottle  Ben nursed  Ben min
Thu 11-19          4         360           -        -          4         280           -        -
Fri 11-20          4         360           -        -          4         280           -        -
Sat 11-21          1           -           1       10          -           -           -        -
total              9         720           1       10          8         560           -        -"* ]]
    [[ "$output" == *"Feeds and bottles are every baby's (Ada and Ben); each baby's are below."* ]]
    [[ "$output" == *"Pumped 1.2 L, the babies drank 1.3 L from bottles: 80 ml less than drunk."* ]]
}

@test "twins: the CSV has four trailing columns per baby; --baby keeps that baby's feeds, pumping whole" {
    twins
    run --separate-stderr pumplog report --since 2026-11-19 --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,skipped,days,feeds_Ada,bottle_ml_Ada,breast_feeds_Ada,breast_min_Ada,feeds_Ben,bottle_ml_Ben,breast_feeds_Ben,breast_min_Ben" ]
    [ "${lines[1]}" = "2026-11-19,4,600,0,0,8,640,0,0,0,0,0,0,1,4,360,0,0,4,280,0,0" ]
    [ "${lines[3]}" = "2026-11-21,0,0,0,0,1,0,1,10,0,0,0,0,1,1,0,1,10,0,0,0,0" ]
    run --separate-stderr pumplog report --since 2026-11-19 --format csv --baby ben
    [ "$status" -eq 0 ]
    [ "$output" = "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml,skipped,days
2026-11-19,4,600,0,0,4,280,0,0,0,0,0,0,1
2026-11-20,4,600,0,0,4,280,0,0,0,0,0,0,1
2026-11-21,0,0,0,0,0,0,0,0,0,0,0,0,1" ]
    run --separate-stderr pumplog report --since 2026-11-19 --by week --format csv --baby Ada
    [ "${lines[1]}" = "2026-W47,8,1200,0,0,9,720,1,10,0,0,0,0,3" ]
    LANG=C.UTF-8 run --separate-stderr pumplog report --since 2026-11-19 --baby Ada
    [[ "$output" == *"Feeds and bottles are Ada's only; pumping and the stash are shared."* ]]
    [[ "$output" == *"Pumped 1.2 L, the babies drank 1.3 L from bottles (Ada 720 ml): 80 ml less than drunk."* ]]
    [[ "$output" != *"Each baby's feeds"* ]]
}

# Review B s53: the SVG of one twin's report had no name in it: saved as a file of its own, its line read as all
# the baby drank. It says whose bottles its line is, as the HTML page's note does; names are escaped, never raw.
@test "twins: report --baby --format svg names the baby in its legend, tooltips, caption and description" {
    twins
    local svg
    for svg in Ada Ben; do pumplog report --since 2026-11-19 --baby "$svg" --format svg > "$TEST_DIR/$svg.svg"; done
    # The description, the legend, the caption and the 3 days' points (none named a baby before).
    run grep -c -e "Ada" -e "Ben" "$TEST_DIR/Ada.svg"
    [ "$output" = 6 ]
    grep -qx '<desc id="volumes-desc">Bottles drunk are Ada'"'"'s only; pumping is shared.</desc>' "$TEST_DIR/Ada.svg"
    grep -q 'aria-labelledby="volumes-title" aria-describedby="volumes-desc" ' "$TEST_DIR/Ada.svg"
    grep -qx '<text x="180.0" y="71" fill="#222222">drunk from Ada'"'"'s bottles</text>' "$TEST_DIR/Ada.svg"
    grep -qx '<text class="caption" x="72.0" y="376.0" fill="#555555">Bottles drunk are Ada'"'"'s only; pumping is shared.</text>' \
        "$TEST_DIR/Ada.svg"
    grep -q '<title>2026-11-19: 360 ml drunk from Ada'"'"'s bottles</title>' "$TEST_DIR/Ada.svg"
    grep -q '<title>2026-11-19: 280 ml drunk from Ben'"'"'s bottles</title>' "$TEST_DIR/Ben.svg"
    [ "$(grep -c Ada "$TEST_DIR/Ben.svg")" = 0 ]
    # The caption's row makes the chart 20 px taller; the joint report's chart is as it was, with no caption.
    grep -q '<svg xmlns="http://www.w3.org/2000/svg" width="640.0" height="392.0" ' "$TEST_DIR/Ada.svg"
    run --separate-stderr pumplog report --since 2026-11-19 --format svg
    [[ "$output" == *'<svg xmlns="http://www.w3.org/2000/svg" width="640.0" height="372.0" '* ]]
    [[ "$output" != *"caption"* && "$output" != *"<desc"* && "$output" != *"Ada"* ]]
    [[ "$output" == *'<title>2026-11-19: 640 ml drunk from bottles</title>'* ]]
    # A name the journal carries is text: escaped for XML, its ESC shown, the XML well-formed; a long one's caption
    # is cut to the chart's width with the whole of it as its tooltip.
    journal_line '{"v":1,"id":"X1","type":"feed","at":"2026-11-20T09:00:00+01:00","method":"bottle","ml":50,"baby":"<b>Al</b>&\u001b"}'
    journal_line '{"v":1,"id":"X2","type":"feed","at":"2026-11-20T10:00:00+01:00","method":"bottle","ml":50,"baby":"Bartholomew-Maximilian-Alexander-Fitzger"}'
    pumplog report --since 2026-11-19 --baby $'<b>Al</b>&\e' --format svg > "$TEST_DIR/al.svg"
    grep -qx '<desc id="volumes-desc">Bottles drunk are &lt;b&gt;Al&lt;/b&gt;&amp;\\x1b'"'"'s only; pumping is shared.</desc>' \
        "$TEST_DIR/al.svg"
    grep -q '<title>2026-11-20: 50 ml drunk from &lt;b&gt;Al&lt;/b&gt;&amp;\\x1b'"'"'s bottles</title>' "$TEST_DIR/al.svg"
    [ "$(grep -c $'\e' "$TEST_DIR/al.svg")" = 0 ]
    python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$TEST_DIR/al.svg"
    run --separate-stderr pumplog report --since 2026-11-19 --baby bartholomew-maximilian-alexander-fitzger --format svg
    [[ "$output" == *'<text class="caption" x="72.0" y="376.0" fill="#555555"><title>Bottles drunk are Bartholomew-Maximilian-Alexander-Fitzger'"'"'s only; pumping is shared.</title>Bottles drunk are Bartholomew-Maximilian-Alexander-Fitzger'"'"'s only; pumping i…</text>'* ]]
}

# Review rv44 babies 4: the stash is the parent's; one twin's bottles against all the pumping made a surplus.
@test "twins: with --baby the stash balance is every baby's bottles against the pumping, that baby's part named" {
    twins
    run --separate-stderr pumplog report --since 2026-11-19 --baby Ben
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "Pumped 1.2 L, the babies drank 1.3 L from bottles (Ben 560 ml): 80 ml less than drunk." ]
    run --separate-stderr pumplog report --since 2026-11-19 --baby ada --format html
    [ "$status" -eq 0 ]
    [[ "$output" == *"Pumped 1.2 L, the babies drank 1.3 L from bottles (Ada 720 ml): 80 ml less than drunk."* ]]
}

@test "twins: an unknown --baby is refused listing the known ones, nothing written" {
    twins
    refused 2 pumplog report --baby Cy
    [ "$stderr" = 'pumplog: error: "Cy" is not one of the babies; they are Ada and Ben (config babies)' ]
    # A name the journal's feeds carry is a baby whatever config says (config babies none, or one).
    pumplog config set babies none > /dev/null
    run --separate-stderr pumplog report --baby Ada --format csv
    [ "$status" -eq 0 ]
    refused 2 pumplog report --baby Cy --format csv
    [ "$stderr" = 'pumplog: error: "Cy" is not one of the babies; they are Ada and Ben (named on the journal'"'"'s feeds)' ]
    rm "$J"
    refused 2 pumplog report --baby Ada --format csv
    [[ "$stderr" == *'no babies are named yet'* ]]
}

@test "twins: JSON rows carry each baby's feeds" {
    twins
    run --separate-stderr pumplog report --since 2026-11-19 --by week --format json
    [ "$status" -eq 0 ]
    [ "$(printf '%s' "$output" | jq -c '.[0].babies')" = '{"Ada":{"feeds":9,"bottle_ml":720,"breast_feeds":1,"breast_min":10},"Ben":{"feeds":8,"bottle_ml":560,"breast_feeds":0,"breast_min":0}}' ]
    run --separate-stderr pumplog --unit oz report --since 2026-11-19 --format json
    [ "$(printf '%s' "$output" | jq -c '.[0].babies.Ben')" = '{"feeds":4,"bottle_oz":9.47,"breast_feeds":0,"breast_min":0}' ]
    run --separate-stderr pumplog report --since 2026-11-19 --format json --baby Ben
    [ "$(printf '%s' "$output" | jq -c '[.[] | has("babies")] | unique')" = '[false]' ]
    [ "$(printf '%s' "$output" | jq -c '[.[] | .feeds]')" = '[4,4,0]' ]
}

@test "twins: the HTML page has a table of each baby's feeds" {
    twins
    run --separate-stderr pumplog report --since 2026-11-19 --format html
    [ "$status" -eq 0 ]
    [[ "$output" == *'<section id="babies">'* ]]
    [[ "$output" == *'<th scope="col">Ada: feeds</th><th scope="col">Ada: bottles (ml)</th>'* ]]
    [[ "$output" == *'<tr><td>Thu 11-19</td><td>4</td><td>360</td><td>-</td><td>-</td><td>4</td><td>280</td><td>-</td><td>-</td></tr>'* ]]
    [[ "$output" == *'<tr class="total"><td>Total</td><td>9</td><td>720</td><td>1</td><td>10</td><td>8</td><td>560</td><td>-</td><td>-</td></tr>'* ]]
    # The hour chart: a series of feeds per baby beside the shared pumps, 24 bars each.
    [[ "$output" == *"Each baby's feeds and the pumps by hour of the day"* ]]
    [[ "$output" == *'<h2>When the babies eat, when you pump</h2>'* ]]
    [ "$(grep -o 'class="bar feeds baby1"' <<<"$output" | wc -l)" -eq 24 ]
    [ "$(grep -o 'class="bar feeds baby2"' <<<"$output" | wc -l)" -eq 24 ]
    [[ "$output" == *'<title>06:00: 2 feeds (Ada)</title>'* ]]
    [[ "$output" == *'<title>06:00: 2 feeds (Ben)</title>'* ]]
    [[ "$output" == *'<title>08:00: 1 feed (Ada)</title>'* ]]
    [[ "$output" == *'<title>08:00: 0 feeds (Ben)</title>'* ]]
    [[ "$output" == *'<title>06:00: 2 pumps</title>'* ]]
    [[ "$output" != *'class="bar feeds"'* ]]
    run python3 -c "import html.parser, sys; html.parser.HTMLParser().feed(sys.stdin.read())" <<< "$output"
    [ "$status" -eq 0 ]
}

@test "one baby: every format is byte-identical to a journal that names none" {
    local format
    journal_line '{"v":1,"id":"P1","type":"pump","at":"2026-11-20T06:00:00+01:00","ml":150}'
    journal_line '{"v":1,"id":"F1","type":"feed","at":"2026-11-20T07:00:00+01:00","method":"bottle","ml":90,"milk":"breast"}'
    cp "$J" "$TEST_DIR/plain.jsonl"
    sed 's/"milk":"breast"}/"milk":"breast","baby":"Ada"}/' "$TEST_DIR/plain.jsonl" > "$TEST_DIR/named.jsonl"
    grep -q '"baby":"Ada"' "$TEST_DIR/named.jsonl"
    for format in table csv json md svg html; do
        plain="$(pumplog -j "$TEST_DIR/plain.jsonl" report --format "$format")"
        [ "$(pumplog -j "$TEST_DIR/named.jsonl" report --format "$format")" = "$plain" ]
        pumplog config set babies Ada > /dev/null
        [ "$(pumplog -j "$TEST_DIR/named.jsonl" report --format "$format")" = "$plain" ]
        [ "$(pumplog -j "$TEST_DIR/named.jsonl" report --format "$format" --baby ada)" != "" ]
        pumplog config set babies none > /dev/null
    done
}

# Review s46: with twins the page said "at the baby's recent bottle intake" of both babies' bottles.
@test "twins: the HTML page's stash counts its days at the babies' recent bottle intake" {
    twins
    pumplog stock add 640ml --in freezer --now "2026-11-21 09:00" > /dev/null
    run --separate-stderr pumplog report --since 2026-11-19 --format html
    [ "$status" -eq 0 ]
    [[ "$output" == *"<p>Usable: 640 ml in 1 container, about 1.4 days at the babies' recent bottle intake.</p>"* ]]
    [[ "$output" != *"the baby's recent"* ]]
    # one baby's bottles: the baby's
    pumplog config set babies Ada > /dev/null
    grep -v '"baby":"Ben"' "$J" > "$BATS_TEST_TMPDIR/ada" && cp "$BATS_TEST_TMPDIR/ada" "$J"
    run --separate-stderr pumplog report --since 2026-11-19 --format html
    [[ "$output" == *"<p>Usable: 640 ml in 1 container, about 2.5 days at the baby's recent bottle intake.</p>"* ]]
}
