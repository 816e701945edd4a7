#!/usr/bin/env bats
# The man pages: they render cleanly, and they document exactly what --help
# offers. Command paths come from `pumplog completion --list commands`, so the
# checks cover commands merged later.
#
# Conventions for man/*.[157] (hand-written roff):
# - .TH carries the file's name and section: man/pumplog-stock.1 has
#   `.TH PUMPLOG\-STOCK 1 ...`; every page has NAME, SYNOPSIS, DESCRIPTION,
#   EXAMPLES and SEE ALSO sections. The rest of .TH is the same in every page:
#   `"December 2026" "pumplog 0.1.0" "pumplog manual"` (the month of the latest
#   change to any page, the version CMake's project() has).
# - Every command path appears in some man/*.1 page as the text
#   "pumplog PATH" (for instance `.SS "pumplog stock move LABEL"`), and every
#   top-level command in pumplog(1)'s COMMANDS section.
# - Every long option a --help lists appears in some man/*.1 page as \-\-name.
# - An option is documented as a `.TP` paragraph whose tag line (the line after
#   .TP) carries it: `.BI \-\-to " PLACE"`, `.BR \-j ", " \-\-journal " \fIFILE\fR"`.
#   Every \-\-name on such a tag line must be offered by --help: in
#   pumplog-C.1, by C, one of its subcommands, or pumplog itself.
# - pumplog(1)'s SEE ALSO names every man/pumplog-C.1 page.
# - pumplog(5) documents every settings key as `.TP` then `.B key`, with
#   "Default: VALUE" in its paragraph.
load helpers
bats_require_minimum_version 1.5.0

MAN="$PUMPLOG_SOURCE_DIR/man"

# The page as plain text: font changes and escapes removed.
plain() {
    sed -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' -e 's/\\f\[[^]]*\]//g' -e 's/\\-/-/g' -e 's/\\&//g' \
        -e 's/\\(dq/"/g' -e "s/\\\\(aq/'/g" "$@"
}

# The tag lines of .TP paragraphs.
tags() {
    awk 'previous == ".TP" { print } { previous = $0 }' "$1"
}

command_paths() {
    echo ""
    pumplog completion --list commands
}

# The long options `pumplog PATH --help` lists, one a line.
help_options() {
    # shellcheck disable=SC2086 # the path's words are separate arguments
    pumplog $1 --help | grep '^  -' | awk '{ print $1 }' | tr ',' '\n' | grep '^--' | sort -u
}

@test "every man page renders with no groff warning" {
    command -v groff >/dev/null || skip "groff is not installed"
    local page warnings pages=0
    for page in "$MAN"/*.[157]; do
        warnings="$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)"
        [ -z "$warnings" ] || { echo "$page: $warnings" >&2; return 1; }
        pages=$((pages + 1))
    done
    [ "$pages" -ge 4 ]
}

@test "every page has the same header: date, \"pumplog VERSION\" and \"pumplog manual\"" {
    local page headers version
    version="$(pumplog --version | cut -d' ' -f2)"
    headers="$(for page in "$MAN"/*.[157]; do sed -n 's/^\.TH [^ ]* [1-9] //p' "$page"; done | sort | uniq -c)"
    [ "$(wc -l <<<"$headers")" -eq 1 ] || { echo "different headers: $headers" >&2; return 1; }
    [[ $headers =~ ^\ *[0-9]+\ \"[A-Z][a-z]+\ 20[0-9][0-9]\"\ \"pumplog\ $version\"\ \"pumplog\ manual\"$ ]] ||
        { echo "header: $headers" >&2; return 1; }
}

@test "man -l shows every page" {
    command -v man >/dev/null || skip "man is not installed"
    local page out
    for page in "$MAN"/*.[157]; do
        out="$(MANWIDTH=80 man -l "$page" 2>&1)"
        [[ $out == *NAME* && $out == *DESCRIPTION* ]] || { echo "$page: $out" >&2; return 1; }
    done
}

@test "every page has its name in .TH and the usual sections" {
    local page name section title missing=""
    for page in "$MAN"/*.[157]; do
        name="$(basename "$page")"
        section="${name##*.}"
        title="$(echo "${name%.*}" | tr '[:lower:]' '[:upper:]' | sed 's/-/\\\\-/g')"
        grep -q "^\.TH $title $section " "$page" || missing+="$name: no \".TH $title $section\""$'\n'
        for heading in NAME SYNOPSIS DESCRIPTION EXAMPLES "SEE ALSO"; do
            grep -q "^\.SH \"\?$heading\"\?$" "$page" || missing+="$name: no $heading section"$'\n'
        done
    done
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "every command path is in the man pages" {
    local path text missing=""
    text="$(plain "$MAN"/*.1)"
    while read -r path; do
        [ -n "$path" ] || continue
        [[ $text == *"pumplog $path"* ]] || missing+="\"pumplog $path\" is in no man/*.1 page"$'\n'
    done < <(command_paths)
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "every command is in pumplog(1)'s COMMANDS" {
    local command section missing=""
    section="$(sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$MAN/pumplog.1" | plain)"
    while read -r command; do
        [[ $section == *"pumplog $command"* ]] || missing+="pumplog(1) COMMANDS lacks \"pumplog $command\""$'\n'
    done < <(pumplog completion --list commands | grep -v ' ')
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "pumplog(1)'s COMMANDS lists every subcommand with its command, and ENVIRONMENT and FILES the state" {
    local path section line missing=""
    section="$(sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$MAN/pumplog.1" | plain)"
    while read -r path; do
        # "pumplog pump stop ...", or in "pumplog log [pump|feed|...]", "pumplog config get|set|..."
        [[ $section == *"pumplog $path"* ]] && continue
        line="$(grep -m1 "^pumplog ${path% *} " <<<"$section")"
        [[ $line =~ [[:space:]\[|]${path#* }(\||\]|[[:space:]]|$) ]] ||
            missing+="pumplog(1) COMMANDS: \"$line\" lacks ${path#* }"$'\n'
    done < <(pumplog completion --list commands | grep -x '[a-z]* [a-z]*')
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
    sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$MAN/pumplog.1" | grep -qx '\.B XDG_STATE_HOME'
    sed -n '/^\.SH FILES/,/^\.SH /p' "$MAN/pumplog.1" | plain | grep -q 'reminders-'
}

@test "every man page and section a --help refers to exists (\"See pumplog(1), STATUS JSON\")" {
    local path ref page heading refs=0 missing=""
    while read -r path; do
        # shellcheck disable=SC2086 # the path's words are separate arguments
        while read -r ref; do
            refs=$((refs + 1))
            page="${ref%%)*}"
            page="$MAN/${page/(/.}"
            [ -f "$page" ] || { missing+="pumplog $path --help: $ref: no such page"$'\n'; continue; }
            [[ $ref == *", "* ]] || continue
            heading="${ref#*, }"
            grep -qx "\.SH \"\?$heading\"\?" "$page" || missing+="pumplog $path --help: $ref: no such section"$'\n'
        done < <(pumplog $path --help | grep -oE 'pumplog(-[a-z]+)?\([1-9]\)(, [A-Z][A-Z ]*[A-Z])?')
    done < <(command_paths)
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
    [ "$refs" -gt 3 ]
}

# The SYNOPSIS of the pages in $@ as plain text, one "pumplog PATH ..." entry a line
# (the entries are separated by .br).
synopsis_entries() {
    local page
    for page in "$@"; do
        sed -n '/^\.SH SYNOPSIS/,/^\.SH /{/^\.SH /d;p}' "$page" | plain |
            sed -e 's/^\.br$/\n/' -e 's/^\.[A-Z]* //' -e 's/"//g' | tr '\n' ' ' | sed 's/   */\n/g'
        echo
    done | sed -e 's/^ *//' -e 's/ *$//' | grep '^pumplog'
}

# The command path an entry is for: its longest leading words that name one.
entry_path() {
    local words path="" candidate word
    read -ra words <<<"${1#pumplog}"
    for word in "${words[@]}"; do
        candidate="${path:+$path }$word"
        grep -qxF -- "$candidate" <<<"$PATHS" || break
        path="$candidate"
    done
    printf '%s' "$path"
}

@test "every SYNOPSIS names every subcommand of its page's command, with the options --help lists" {
    local page command path entry entries lines option names name found missing="" keys globals
    PATHS="$(pumplog completion --list commands)"
    keys="$(pumplog config list --format csv | sed 1d | cut -d, -f1)"
    globals="$(help_options "")"
    # Each subcommand of pumplog-C.1's command C has a line of its own in that page's SYNOPSIS.
    for page in "$MAN"/pumplog-*.1; do
        command="$(basename "$page" .1)"
        command="${command#pumplog-}"
        grep -qx "$command" <<<"$PATHS" || continue
        entries="$(synopsis_entries "$page")"
        while read -r path; do
            grep -q "^pumplog $path\( \|\$\)" <<<"$entries" ||
                missing+="pumplog-$command(1) SYNOPSIS: no \"pumplog $path\""$'\n'
        done < <(grep "^$command " <<<"$PATHS")
    done
    # Every option of a SYNOPSIS line is offered by its command, and every option its
    # command offers is in one of its lines, unless they say [OPTIONS] ([SETTING FLAGS]:
    # plan's per-run settings).
    entries="$(synopsis_entries "$MAN"/*.1 | while read -r entry; do
        printf '%s\t%s\n' "$(entry_path "$entry")" "$entry"
    done)"
    while read -r path; do
        lines="$(awk -F '\t' -v path="$path" '$1 == path { print $2 }' <<<"$entries")"
        [ -n "$lines" ] || continue
        while read -r option; do
            # shellcheck disable=SC2086 # the path's words are separate arguments
            pumplog $path --help | grep '^  -' | awk '{ print $1 }' | tr ',' '\n' | grep -qx -- "$option" ||
                grep -qx -- "$option" <<<"$globals" ||
                missing+="SYNOPSIS \"pumplog $path\": $option is not in its --help"$'\n'
        done < <(grep -o -- '--[a-z][a-z_-]*' <<<"$lines" | sort -u)
        grep -q '\[ *OPTIONS *\]' <<<"$lines" && continue
        # shellcheck disable=SC2086
        while read -r names; do
            found=no
            for name in ${names//,/ }; do
                [[ $name == --* ]] || continue
                [ "$name" = --help ] && found=yes
                grep -q -- "$name\([^a-z_-]\|\$\)" <<<"$lines" && found=yes
                if grep -q 'SETTING FLAGS' <<<"$lines"; then
                    name="${name#--}"
                    grep -qx "${name//-/_}" <<<"$keys" && found=yes
                fi
            done
            [ "$found" = yes ] || missing+="SYNOPSIS \"pumplog $path\" lacks ${names##*,}"$'\n'
        done < <(pumplog $path --help | grep '^  -' | awk '{ print $1 }')
    done <<<"$PATHS"
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "every long option --help lists, at every level, is in the man pages" {
    local path option text missing=""
    text="$(plain "$MAN"/*.1)"
    while read -r path; do
        while read -r option; do
            grep -qE -- "$option([^a-z0-9-]|\$)" <<<"$text" ||
                missing+="pumplog $path: $option is in no man/*.1 page"$'\n'
        done < <(help_options "$path")
    done < <(command_paths)
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "no option documented in a page is gone from --help" {
    local page name command path offered option gone=""
    for page in "$MAN"/*.1; do
        name="$(basename "$page" .1)"
        command="${name#pumplog-}"
        [ "$name" = pumplog ] && command=""
        # What the page's command (and pumplog itself) offer; pumplog(1) and
        # pages of commands not in this build: every command.
        offered="$(help_options "")"
        while read -r path; do
            if [ -z "$command" ] || ! pumplog completion --list commands | grep -qx "$command" ||
                [ "$path" = "$command" ] || [[ $path == "$command "* ]]; then
                offered+=$'\n'"$(help_options "$path")"
            fi
        done < <(pumplog completion --list commands)
        while read -r option; do
            grep -qx -- "$option" <<<"$offered" ||
                gone+="$name: $option is documented but no --help offers it"$'\n'
        done < <(tags "$page" | grep -oE '\\-\\-[a-z0-9]([a-z0-9_]|\\-)*' | sed 's/\\-/-/g' | sort -u)
    done
    [ -z "$gone" ] || { printf '%s' "$gone" >&2; return 1; }
}

@test "every --option in the rendered pages' text is one --help offers" {
    command -v groff >/dev/null || skip "groff is not installed"
    # A roff alternation such as .RB ( \-\-unit oz runs the option into its
    # value ("--unitoz"), which only the rendered text shows.
    local path page offered="" unknown=""
    while read -r path; do
        offered+="$(help_options "$path")"$'\n'
    done < <(command_paths)
    for page in "$MAN"/*.[157]; do
        while read -r option; do
            case "$option" in
            --population | --install | --stor | --jurnal) continue ;;  # bench/backtest's, cmake's, mistyped --store, --journal
            esac
            grep -qx -- "$option" <<<"$offered" || unknown+="$(basename "$page"): $option"$'\n'
        done < <(groff -man -Tutf8 -P-c -rLL=200n "$page" 2>/dev/null | sed 's/.\x08//g' |
            grep -oE -- '--[a-z][a-z0-9_-]*' | sort -u)
    done
    [ -z "$unknown" ] || { printf '%s' "$unknown" >&2; return 1; }
}

@test "pumplog(5) gives the precision the journal is written with (3oz is 88.72 ml)" {
    pumplog add 3oz >/dev/null 2>&1
    [ "$(jq -c .ml "$J")" = 88.72 ]
    plain "$MAN/pumplog.5" | tr '\n' ' ' | grep -q '(a number of millilitres, to 0.01, '
}

@test "pumplog(1) names every command page in SEE ALSO" {
    local page name missing=""
    for page in "$MAN"/pumplog-*.1; do
        name="$(basename "$page" .1)"
        sed -n '/^\.SH "\?SEE ALSO/,$p' "$MAN/pumplog.1" | grep -q "^\.BR ${name//-/\\\\-} (1)" ||
            missing+="pumplog(1) SEE ALSO lacks $name(1)"$'\n'
    done
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "pumplog(5) documents every settings key with its default" {
    local key default paragraph missing=""
    while IFS=$'\t' read -r key default; do
        paragraph="$(awk -v key=".B $key" '
            found && /^\.(TP|SH|SS)/ { exit }
            found { print }
            previous == ".TP" && $0 == key { found = 1 }
            { previous = $0 }' "$MAN/pumplog.5" | plain | tr '\n' ' ')"
        if [ -z "$paragraph" ]; then
            missing+="pumplog(5) has no \".TP\" \".B $key\""$'\n'
        elif [ -n "$default" ] && [[ $paragraph != *"Default: $default"* ]]; then
            missing+="pumplog(5) $key: no \"Default: $default\""$'\n'
        fi
    done < <(pumplog config list --format json | jq -r 'to_entries[] | [.key, .value] | @tsv')
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "pumplog(1) documents every environment variable pumplog reads" {
    local variable missing=""
    for variable in PUMPLOG_JOURNAL PUMPLOG_NOW PUMPLOG_CONFIG PUMPLOG_LOCK_TIMEOUT_MS TZ NO_COLOR \
        XDG_DATA_HOME XDG_CONFIG_HOME; do
        sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$MAN/pumplog.1" | grep -qx "\.B $variable" ||
            missing+="pumplog(1) ENVIRONMENT lacks $variable"$'\n'
    done
    [ -z "$missing" ] || { printf '%s' "$missing" >&2; return 1; }
}

@test "pumplog-plan(1) lists exit 4 as pumplog(1) does, and its words render apart" {
    command -v groff >/dev/null || skip "groff is not installed"
    local text
    text="$(groff -man -Tutf8 -P-c -P-b -P-u "$MAN/pumplog-plan.1" 2>/dev/null)"
    # `.RB ( pumplog log` joined the words: "(pumploglog shows it".
    [[ "$text" != *pumploglog* ]]
    [[ "$text" == *"(pumplog log shows it"* ]]
    sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$MAN/pumplog-plan.1" | grep -qx '\.B 4'
}

@test "pumplog-plan(1) says that in away mode every feed at home counts as one at the breast, bottles too" {
    command -v groff >/dev/null || skip "groff is not installed"
    local text
    text="$(groff -man -Tutf8 -P-c -P-b -P-u "$MAN/pumplog-plan.1" 2>/dev/null | tr -s ' \n' '  ')"
    [[ "$text" == *"In away mode every predicted feed at home counts as one at the breast, whether the journal logged it at the breast or from a bottle"* ]]
    [[ "$text" == *"(to pump for every feed, use --mode exclusive)"* ]]
    # Not only "a feed at the breast while at home", which read as if a bottle at home were no milk removal.
    [[ "$text" != *"a feed at the breast while at home"* ]]
}
