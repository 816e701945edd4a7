#include "completion_scripts.hpp"

#include <fmt/format.h>

#include "pumplog/settings.hpp"

namespace pumplog::cli {

namespace {

// The value kinds the scripts understand: "flag" (no value), "value" (free
// text), "choice WORD...", "file", "labels", "refs", "timers" (the running pump timers'
// refs), "babies", "zones", "setting" (the
// values of the setting named by the first positional argument), "subcommands" (those
// of the command path the positional arguments before it name); "" for a positional
// argument with nothing to offer.
std::string kind_text(const ValueSpec& value, bool takes_value) {
    switch (value.kind) {
        case ValueSpec::none: return takes_value ? "value" : "flag";
        case ValueSpec::choice: {
            std::string text = "choice";
            for (const auto& c : value.choices) text += " " + c;
            return text;
        }
        case ValueSpec::file: return "file";
        case ValueSpec::labels: return "labels";
        case ValueSpec::refs: return "refs";
        case ValueSpec::timers: return "timers";
        case ValueSpec::babies: return "babies";
        case ValueSpec::zones: return "zones";
        case ValueSpec::setting: return "setting";
        case ValueSpec::subcommands: return "subcommands";
    }
    return "value";
}

std::string positional_kind(const ValueSpec& value) {
    return value.kind == ValueSpec::none ? std::string() : kind_text(value, true);
}

// POSIX shell single quotes (bash and zsh).
std::string sh_quote(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

// fish single quotes: \ and ' are escaped.
std::string fish_quote(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out + "'";
}

// zsh _describe entries "name:description" (a colon in the name is escaped).
std::string describe_entry(std::string_view name, std::string_view description) {
    std::string out;
    for (const char c : name) {
        if (c == ':') out += '\\';
        out += c;
    }
    out += ':';
    for (const char c : description) out += c == '\n' ? ' ' : c;
    return out;
}

const CommandSpec& root_of(const std::vector<CommandSpec>& commands) { return commands.front(); }

// What --format takes after a command: the formats it prints, or free text
// (nothing offered) when it prints no data.
std::string format_kind(const CommandSpec& command) {
    return command.formats.empty() ? std::string("value") : kind_text({ValueSpec::choice, command.formats}, true);
}

// Each setting with the values config set offers for it (those that have some).
std::vector<std::pair<std::string, std::vector<std::string>>> setting_value_table() {
    std::vector<std::pair<std::string, std::vector<std::string>>> table;
    for (const auto& k : setting_keys())
        if (auto values = setting_values(k.name); !values.empty()) table.emplace_back(std::string(k.name), std::move(values));
    return table;
}

template <typename Quote>
std::string words_quoted(const std::vector<std::string>& words, Quote quote) {
    std::string out;
    for (const auto& w : words) out += " " + quote(w);
    return out;
}

std::string words_of_options(const CommandSpec& command) {
    std::string words;
    for (const auto& o : command.options)
        for (const auto& n : o.names) words += " " + sh_quote(n);
    return words;
}

// The body shared by bash and zsh: the tables as case statements that print.
std::string sh_tables(const std::vector<CommandSpec>& commands, bool with_descriptions) {
    std::string out;
    out += "# The subcommands of a command path (\"\" is pumplog itself, then \"log\", \"log edit\"...)";
    out += with_descriptions ? ", one \"name:summary\" a line.\n" : ", one a line.\n";
    out += "_pumplog_commands() {\n    case $1 in\n";
    for (const auto& c : commands) {
        if (c.subcommands.empty()) continue;
        std::string words;
        for (const auto& s : c.subcommands)
            words += " " + sh_quote(with_descriptions ? describe_entry(s.name, s.summary) : s.name);
        out += fmt::format("        {}) printf '%s\\n'{} ;;\n", sh_quote(c.path), words);
    }
    out += "    esac\n}\n\n";

    out += "# The options of a command path (pumplog's own are valid after every command)";
    out += with_descriptions ? ", \"name:description\" a line.\n" : ", one a line.\n";
    out += "_pumplog_options() {\n    case $1 in\n";
    for (const auto& c : commands) {
        if (c.options.empty()) continue;
        if (with_descriptions) {
            std::string words;
            for (const auto& o : c.options)
                for (const auto& n : o.names) words += " " + sh_quote(describe_entry(n, o.description));
            out += fmt::format("        {}) printf '%s\\n'{} ;;\n", sh_quote(c.path), words);
        } else {
            out += fmt::format("        {}) printf '%s\\n'{} ;;\n", sh_quote(c.path), words_of_options(c));
        }
    }
    out += "    esac\n}\n\n";

    out += "# What follows option $2 of command path $1: flag (nothing), value (free text),\n"
           "# choice WORD..., file, labels, refs, timers (running pump timers' refs), babies or zones.\n"
           "# --format: the formats that command prints.\n";
    out += "_pumplog_option_value() {\n    case \"$1 $2\" in\n";
    for (std::size_t i = 1; i < commands.size(); ++i) {
        for (const auto& o : commands[i].options) {
            if (!o.takes_value) continue;
            std::string names;
            for (const auto& n : o.names) names += (names.empty() ? "" : "|") + sh_quote(commands[i].path + " " + n);
            out += fmt::format("        {}) echo {}; return ;;\n", names, sh_quote(kind_text(o.value, true)));
        }
        out += fmt::format("        {}) echo {}; return ;;\n", sh_quote(commands[i].path + " --format"),
                           sh_quote(format_kind(commands[i])));
    }
    out += "    esac\n    case $2 in\n";
    for (const auto& o : root_of(commands).options) {
        if (!o.takes_value) continue;
        std::string names;
        for (const auto& n : o.names) names += (names.empty() ? "" : "|") + n;
        out += fmt::format("        {}) echo {} ;;\n", names, sh_quote(kind_text(o.value, true)));
    }
    out += "        *) echo flag ;;\n    esac\n}\n\n";

    out += "# The values config set offers for setting $1, one a line.\n";
    out += "_pumplog_setting_values() {\n    case $1 in\n";
    for (const auto& [key, words] : setting_value_table())
        out += fmt::format("        {}) printf '%s\\n'{} ;;\n", sh_quote(key), words_quoted(words, sh_quote));
    // none (the system's zone, or TZ) first, then the zone names.
    out += "        'timezone') echo none; \"$program\" completion --list zones 2>/dev/null ;;\n";
    out += "    esac\n}\n\n";

    out += "# What the positional argument number $2 (from 0) of command path $1 is.\n";
    out += "_pumplog_positional() {\n    case $1 in\n";
    for (const auto& c : commands) {
        bool any = false;
        for (const auto& p : c.positionals) any = any || p.kind != ValueSpec::none;
        if (!any) continue;
        out += fmt::format("        {})\n            case $2 in\n", sh_quote(c.path));
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            const bool last_repeats = i + 1 == c.positionals.size() && c.last_positional_repeats;
            const std::string kind = positional_kind(c.positionals[i]);
            out += fmt::format("                {}){} ;;\n", last_repeats ? std::string("*") : std::to_string(i),
                               kind.empty() ? "" : " echo " + sh_quote(kind));
        }
        out += "            esac ;;\n";
    }
    out += "    esac\n}\n";
    return out;
}

const char* bash_main = R"BASH(
# Journal text is data (pumplog(5)): a label or an id may hold $(...), `...`,
# quotes, ; or spaces. No word offered here is ever expanded, split or globbed
# (no compgen -W, no eval): words are read one a line, kept when they begin
# with what was typed, and offered quoted as bash reads them back where they
# go: printf %q in a bare word, or quoted for the quote the user opened.

# bash breaks words at COMP_WORDBREAKS, which holds = : and @ (a label may
# too): the ones of those it breaks at here.
_pumplog_breaks() {
    REPLY=${COMP_WORDBREAKS//[^=:@]/}
}

# What the word typed so far stands for, in REPLY: quotes and backslashes
# removed as bash would remove them, nothing expanded. REPLY_QUOTE: the quote
# still open at its end (' or " or nothing); REPLY_OPENED: how much of REPLY
# came before that quote; REPLY_KEPT: the word as typed up to the last = : or @
# bash breaks it at (readline replaces only what follows).
_pumplog_dequote() {
    local text=$1 quote='' c i breaks
    _pumplog_breaks
    breaks=$REPLY
    REPLY='' REPLY_OPENED=0 REPLY_KEPT=''
    for ((i = 0; i < ${#text}; i++)); do
        c=${text:i:1}
        if [[ $quote == "'" ]]; then
            if [[ $c == "'" ]]; then quote=''; else REPLY+=$c; fi
        elif [[ $c == \\ ]]; then
            ((i++))
            c=${text:i:1}
            if [[ $quote == '"' ]]; then
                case $c in '$' | '`' | '"' | \\ | '') ;; *) REPLY+=\\ ;; esac
            fi
            REPLY+=$c
        elif [[ -n $quote ]]; then
            if [[ $c == '"' ]]; then quote=''; else REPLY+=$c; fi
        elif [[ $c == "'" || $c == '"' ]]; then
            quote=$c
            REPLY_OPENED=${#REPLY}
        else
            [[ -n $breaks && $breaks == *"$c"* ]] && REPLY_KEPT=${text:0:i + 1}
            REPLY+=$c
        fi
    done
    REPLY_QUOTE=$quote
}

# The path a word names as typed, in REPLY: quotes removed, a leading ~ is
# $HOME (not after --journal=: the shell leaves that ~ as it is).
_pumplog_path() {
    case $1 in
        \~ | \~/*)
            _pumplog_dequote "${1:1}"
            REPLY=$HOME$REPLY ;;
        *) _pumplog_dequote "$1" ;;
    esac
}

# TEXT quoted to go inside the quote $1 (' or "), in REPLY; bash closes the quote.
_pumplog_quote_in() {
    local text=$2 c i
    REPLY=''
    for ((i = 0; i < ${#text}; i++)); do
        c=${text:i:1}
        if [[ $1 == "'" ]]; then
            if [[ $c == "'" ]]; then REPLY+="'\\''"; else REPLY+=$c; fi
        else
            case $c in
                \\ | '$' | '`' | '"') REPLY+="\\$c" ;;
                '!') REPLY+="\"'!'\"" ;;
                *) REPLY+=$c ;;
            esac
        fi
    done
}

# Adds to COMPREPLY the words on stdin (one a line) that begin with the word
# being completed, each quoted for where it goes.
_pumplog_offer() {
    local typed word quoted REPLY REPLY_QUOTE REPLY_OPENED REPLY_KEPT
    _pumplog_dequote "$cur"
    typed=$REPLY
    while IFS= read -r word; do
        [[ -n $word && $word == "$typed"* ]] || continue
        if [[ -n $REPLY_QUOTE ]]; then
            # readline replaces what follows the opened quote
            _pumplog_quote_in "$REPLY_QUOTE" "${word:REPLY_OPENED}"
            quoted=$REPLY
        else
            printf -v quoted '%q' "$word"
            [[ -n $REPLY_KEPT && $quoted == "$REPLY_KEPT"* ]] && quoted=${quoted#"$REPLY_KEPT"}
        fi
        COMPREPLY+=("$quoted")
    done
}

# The values of a kind (see _pumplog_option_value), added to COMPREPLY.
_pumplog_values() {
    local -a choices
    case $1 in
        choice\ *)
            read -ra choices <<<"${1#choice }"
            _pumplog_offer < <(printf '%s\n' "${choices[@]}") ;;
        file)
            if declare -F _filedir >/dev/null; then
                _filedir
            else
                compopt -o filenames 2>/dev/null
                local file
                while IFS= read -r file; do COMPREPLY+=("$file"); done < <(compgen -f -- "$cur")
            fi ;;
        labels | refs | timers | babies | zones)
            _pumplog_offer < <("$program" "${journal[@]}" completion --list "$1" 2>/dev/null) ;;
        setting)
            _pumplog_offer < <(_pumplog_setting_values "$first") ;;
        subcommands)
            _pumplog_offer < <(_pumplog_commands "$positional_path") ;;
    esac
}

# Without bash-completion: words, cword, cur and prev as _init_completion -s
# -n :@ gives them. bash splits a word at = : and @ (COMP_WORDBREAKS); the
# pieces of a word typed with no blank between them are joined again.
_pumplog_words() {
    local rest=$COMP_LINE piece j glued breaks
    _pumplog_breaks
    breaks=$REPLY
    words=()
    for ((j = 0; j < ${#COMP_WORDS[@]}; j++)); do
        piece=${COMP_WORDS[j]}
        glued=true
        if [[ $rest == [[:space:]]* ]]; then
            glued=false
            rest=${rest#"${rest%%[![:space:]]*}"}
        fi
        rest=${rest#"$piece"}
        if ((j > 0)) && [[ $glued == true && -n $breaks && ( ${piece:0:1} == ["$breaks"] ||
            ${words[${#words[@]} - 1]: -1} == ["$breaks"] ) ]]; then
            words[${#words[@]} - 1]+=$piece
        else
            words+=("$piece")
        fi
        ((j == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    cur=${words[cword]}
    prev=${words[cword - 1]}
    if [[ $cur == --?*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
        split=true
    fi
}

_pumplog() {
    local cur prev words cword split=false REPLY REPLY_QUOTE REPLY_OPENED REPLY_KEPT
    if declare -F _init_completion >/dev/null; then
        _init_completion -s -n :@ || return
    else
        _pumplog_words
    fi

    # Walk the words before the cursor: the command path, how many positional
    # arguments it has (the first, and all of them as a command path: help log
    # edit), and the journal named on this command line.
    local program=${words[0]/#\~/$HOME} cmd_path='' npos=0 first='' positional_path='' i word
    local -a journal=()
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        case $word in
            --journal=*) _pumplog_dequote "${word#*=}"; journal=(--journal "$REPLY"); continue ;;
            --*=*) continue ;;
            -?*)
                if [[ $(_pumplog_option_value "$cmd_path" "$word") != flag ]]; then
                    if [[ $word == -j || $word == --journal ]] && ((i + 1 < cword)); then
                        _pumplog_path "${words[i + 1]}"
                        journal=(--journal "$REPLY")
                    fi
                    ((i++))
                fi
                continue ;;
        esac
        if ((npos == 0)) && [[ $'\n'$(_pumplog_commands "$cmd_path")$'\n' == *$'\n'"$word"$'\n'* ]]; then
            cmd_path=${cmd_path:+$cmd_path }$word
        else
            ((npos == 0)) && first=$word
            positional_path=${positional_path:+$positional_path }$word
            ((npos++))
        fi
    done

    COMPREPLY=()
    if [[ $split == true || ($prev == -?* && $cword -gt 1) ]]; then
        local kind
        kind=$(_pumplog_option_value "$cmd_path" "$prev")
        if [[ $kind != flag ]]; then
            _pumplog_values "$kind"
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        _pumplog_offer < <(
            _pumplog_options "$cmd_path"
            [[ -n $cmd_path ]] && _pumplog_options ''
        )
        return
    fi
    if ((npos == 0)); then
        _pumplog_offer < <(_pumplog_commands "$cmd_path")
    fi
    _pumplog_values "$(_pumplog_positional "$cmd_path" "$npos")"
}

complete -F _pumplog pumplog
)BASH";

const char* zsh_main = R"ZSH(
# The values of a kind (see _pumplog_option_value). Refs (and the running timers'
# refs) are shown with what they are: "REF  -- 2026-11-21 07:00 pumped 100 ml"
# (the text is only shown).
_pumplog_values() {
    local -a values displays
    local line
    local -i width=0
    case $1 in
        (choice\ *) values=(${=1#choice }); compadd -a values ;;
        (file) _files ;;
        (labels|babies|zones)
            values=(${(f)"$($program $journal completion --list $1 2>/dev/null)"})
            compadd -a values ;;
        (refs|timers)
            local -a lines
            lines=(${(f)"$($program $journal completion --list described-$1 2>/dev/null)"})
            for line in $lines; do
                values+=("${line%%$'\t'*}")
                (( ${#values[-1]} > width )) && width=${#values[-1]}
            done
            for line in $lines; do
                displays+=("${(r:width:)${line%%$'\t'*}}  -- ${line#*$'\t'}")
            done
            compadd -l -d displays -a values ;;
        (setting) values=(${(f)"$(_pumplog_setting_values $first)"}); compadd -a values ;;
        (subcommands)
            values=(${(f)"$(_pumplog_commands "$positional_path")"})
            (( $#values )) && _describe -t commands 'command' values ;;
        (*) return 1 ;;
    esac
}

# The path a word names as typed, in REPLY: quotes removed, a leading ~ is $HOME.
_pumplog_path() {
    REPLY=${(Q)1}
    [[ $1 == '~' || $1 == '~/'* ]] && REPLY=$HOME${REPLY#\~}
}

_pumplog() {
    # Walk the words before the cursor: the command path, how many positional
    # arguments it has (the first, and all of them as a command path: help log
    # edit), and the journal named on this command line.
    local program=${~words[1]} REPLY cmd_path='' first='' positional_path='' word kind
    local -i i npos=0
    local -a journal list
    for (( i = 2; i < CURRENT; i++ )); do
        word=${words[i]}
        case $word in
            (--journal=*) journal=(--journal ${(Q)word#*=}); continue ;;
            (--*=*) continue ;;
            (-?*)
                if [[ $(_pumplog_option_value "$cmd_path" "$word") != flag ]]; then
                    if [[ $word == (-j|--journal) ]] && (( i + 1 < CURRENT )); then
                        _pumplog_path ${words[i + 1]}
                        journal=(--journal $REPLY)
                    fi
                    (( i++ ))
                fi
                continue ;;
        esac
        list=(${(f)"$(_pumplog_commands "$cmd_path")"})
        if (( npos == 0 )) && (( ${list[(I)$word:*]} )); then
            cmd_path=${cmd_path:+$cmd_path }$word
        else
            (( npos == 0 )) && first=$word
            positional_path=${positional_path:+$positional_path }$word
            (( npos++ ))
        fi
    done

    local cur=${words[CURRENT]} prev=${words[CURRENT - 1]}
    if [[ $cur == --*=* ]]; then
        kind=$(_pumplog_option_value "$cmd_path" "${cur%%=*}")
        compset -P '*='
        _pumplog_values "$kind"
        return
    fi
    if (( CURRENT > 2 )) && [[ $prev == -?* && $prev != *=* ]]; then
        kind=$(_pumplog_option_value "$cmd_path" "$prev")
        if [[ $kind != flag ]]; then
            _pumplog_values "$kind"
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        list=(${(f)"$(_pumplog_options "$cmd_path")"})
        [[ -n $cmd_path ]] && list+=(${(f)"$(_pumplog_options '')"})
        _describe -t options 'option' list
        return
    fi
    local ret=1
    if (( npos == 0 )); then
        list=(${(f)"$(_pumplog_commands "$cmd_path")"})
        (( $#list )) && _describe -t commands 'command' list && ret=0
    fi
    _pumplog_values "$(_pumplog_positional "$cmd_path" $npos)" && ret=0
    return ret
}

if [[ $funcstack[1] == _pumplog ]]; then
    _pumplog "$@"
else
    compdef _pumplog pumplog
fi
)ZSH";

const char* fish_main = R"FISH(
# The values of a kind (see __pumplog_option_value), one a line; refs (and timers) with what
# they are ("REF<TAB>2026-11-21 07:00 pumped 100 ml": fish shows the text only).
# FIRST is the first positional argument (config set's key), POSITIONAL_PATH all of
# them as a command path (help log: log's subcommands); the journal option follows.
function __pumplog_values --argument-names kind program first positional_path
    set -l words (string split ' ' -- $kind)
    switch "$words[1]"
        case choice
            printf '%s\n' $words[2..-1]
        case file
            __fish_complete_path (commandline -ct | string replace -r -- '^--?[^=]*=' '')
        case labels babies zones
            command -q -- $program; or return
            command $program $argv[5..-1] completion --list $kind 2>/dev/null
        case refs timers
            command -q -- $program; or return
            command $program $argv[5..-1] completion --list described-$kind 2>/dev/null
        case setting
            __pumplog_setting_values $first $program
        case subcommands
            __pumplog_commands "$positional_path"
    end
end

function __pumplog_complete
    # Walk the words before the cursor: the command path, how many positional
    # arguments it has, and the journal named on this command line.
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l program $words[1]
    set -l cmd_path ''
    set -l npos 0
    set -l first ''
    set -l positional_path ''
    set -l journal
    set -l i 2
    while test $i -le (count $words)
        set -l word $words[$i]
        switch $word
            case '--journal=*'
                set journal --journal (string replace -- '--journal=' '' $word)
            case '--*=*'
            case '-?*'
                if test (__pumplog_option_value "$cmd_path" $word) != flag
                    set i (math $i + 1)
                    if contains -- $word -j --journal; and test $i -le (count $words)
                        # fish has removed the quotes; the ~ it expands is left
                        set journal --journal (string replace -r -- '^~(?=/|$)' ~ $words[$i])
                    end
                end
            case '*'
                if test $npos -eq 0; and contains -- $word (__pumplog_commands "$cmd_path" | string replace -r '\t.*' '')
                    set cmd_path (string trim -- "$cmd_path $word")
                else
                    test $npos -eq 0; and set first $word
                    set positional_path (string trim -- "$positional_path $word")
                    set npos (math $npos + 1)
                end
        end
        set i (math $i + 1)
    end

    if string match -q -- '--*=*' $cur
        set -l option (string replace -r -- '=.*' '' $cur)
        set -l kind (__pumplog_option_value "$cmd_path" $option)
        for value in (__pumplog_values "$kind" $program "$first" "$positional_path" $journal)
            printf '%s=%s\n' $option $value
        end
        return
    end
    if test (count $words) -gt 1; and string match -q -- '-?*' $words[-1]; and not string match -q -- '*=*' $words[-1]
        set -l kind (__pumplog_option_value "$cmd_path" $words[-1])
        if test "$kind" != flag
            __pumplog_values $kind $program "$first" "$positional_path" $journal
            return
        end
    end
    if string match -q -- '-*' $cur
        __pumplog_options "$cmd_path"
        test -n "$cmd_path"; and __pumplog_options ''
        return
    end
    if test $npos -eq 0
        __pumplog_commands "$cmd_path"
    end
    __pumplog_values (__pumplog_positional "$cmd_path" $npos) $program "$first" "$positional_path" $journal
end

complete -c pumplog -f -a '(__pumplog_complete)'
)FISH";

}  // namespace

std::string bash_script(const std::vector<CommandSpec>& commands) {
    return "# bash completion for pumplog(1)                          -*- shell-script -*-\n"
           "# Generated by `pumplog completion bash` from pumplog's command table: do not edit.\n"
           "# Installed as share/bash-completion/completions/pumplog; or: source <(pumplog completion bash)\n"
           "\n" +
           sh_tables(commands, false) + bash_main;
}

std::string zsh_script(const std::vector<CommandSpec>& commands) {
    return "#compdef pumplog\n"
           "# zsh completion for pumplog(1).\n"
           "# Generated by `pumplog completion zsh` from pumplog's command table: do not edit.\n"
           "# Installed as share/zsh/vendor-completions/_pumplog; or put it in a folder of $fpath.\n\n" +
           sh_tables(commands, true) + zsh_main;
}

std::string fish_script(const std::vector<CommandSpec>& commands) {
    std::string out =
        "# fish completion for pumplog(1).\n"
        "# Generated by `pumplog completion fish` from pumplog's command table: do not edit.\n"
        "# Installed as share/fish/vendor_completions.d/pumplog.fish.\n\n";

    out += "# The subcommands of a command path ('' is pumplog itself), \"name<TAB>summary\" a line.\n";
    out += "function __pumplog_commands\n    switch \"$argv[1]\"\n";
    for (const auto& c : commands) {
        if (c.subcommands.empty()) continue;
        out += fmt::format("        case {}\n            printf '%s\\t%s\\n'", fish_quote(c.path));
        for (const auto& s : c.subcommands) out += " " + fish_quote(s.name) + " " + fish_quote(s.summary);
        out += "\n";
    }
    out += "    end\nend\n\n";

    out += "# The options of a command path, \"name<TAB>description\" a line.\n";
    out += "function __pumplog_options\n    switch \"$argv[1]\"\n";
    for (const auto& c : commands) {
        if (c.options.empty()) continue;
        out += fmt::format("        case {}\n            printf '%s\\t%s\\n'", fish_quote(c.path));
        for (const auto& o : c.options)
            for (const auto& n : o.names) out += " " + fish_quote(n) + " " + fish_quote(o.description);
        out += "\n";
    }
    out += "    end\nend\n\n";

    out += "# What follows option $argv[2] of command path $argv[1]: flag (nothing), value\n"
           "# (free text), choice WORD..., file, labels, refs, timers (running pump timers'\n"
           "# refs), babies or zones. --format: the formats that command prints.\n";
    out += "function __pumplog_option_value\n    switch \"$argv[1] $argv[2]\"\n";
    for (std::size_t i = 1; i < commands.size(); ++i) {
        for (const auto& o : commands[i].options) {
            if (!o.takes_value) continue;
            std::string names;
            for (const auto& n : o.names) names += " " + fish_quote(commands[i].path + " " + n);
            out += fmt::format("        case{}\n            echo {}\n            return\n", names,
                               fish_quote(kind_text(o.value, true)));
        }
        out += fmt::format("        case {}\n            echo {}\n            return\n",
                           fish_quote(commands[i].path + " --format"), fish_quote(format_kind(commands[i])));
    }
    out += "    end\n    switch \"$argv[2]\"\n";
    for (const auto& o : root_of(commands).options) {
        if (!o.takes_value) continue;
        std::string names;
        for (const auto& n : o.names) names += " " + fish_quote(n);
        out += fmt::format("        case{}\n            echo {}\n", names, fish_quote(kind_text(o.value, true)));
    }
    out += "        case '*'\n            echo flag\n    end\nend\n\n";

    out += "# The values config set offers for setting $argv[1], one a line.\n";
    out += "function __pumplog_setting_values\n    switch \"$argv[1]\"\n";
    for (const auto& [key, words] : setting_value_table())
        out += fmt::format("        case {}\n            printf '%s\\n'{}\n", fish_quote(key), words_quoted(words, fish_quote));
    out += "        case timezone\n            echo none\n"
           "            command -q -- $argv[2]; and command $argv[2] completion --list zones 2>/dev/null\n";
    out += "    end\nend\n\n";

    out += "# What the positional argument number $argv[2] (from 0) of command path $argv[1] is.\n";
    out += "function __pumplog_positional\n    switch \"$argv[1]\"\n";
    for (const auto& c : commands) {
        bool any = false;
        for (const auto& p : c.positionals) any = any || p.kind != ValueSpec::none;
        if (!any) continue;
        out += fmt::format("        case {}\n            switch $argv[2]\n", fish_quote(c.path));
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            const bool last_repeats = i + 1 == c.positionals.size() && c.last_positional_repeats;
            const std::string kind = positional_kind(c.positionals[i]);
            out += fmt::format("                case {}\n", last_repeats ? std::string("'*'") : std::to_string(i));
            if (!kind.empty()) out += fmt::format("                    echo {}\n", fish_quote(kind));
        }
        out += "            end\n";
    }
    out += "    end\nend\n";
    return out + fish_main;
}

}  // namespace pumplog::cli
