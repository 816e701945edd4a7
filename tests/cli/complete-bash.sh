#!/usr/bin/env bash
# What bash (with bash-completion) offers for a command line, one a line.
#   complete-bash.sh [--plain] SCRIPT|--installed "COMMAND LINE"
# SCRIPT is sourced; --installed lets bash-completion find pumplog's script by
# itself (its completions folders, XDG_DATA_DIRS); --plain: without
# bash-completion. The line is split into words as bash does: at blanks
# outside quotes, and "=", ":" and "@" (in COMP_WORDBREAKS) make words of their
# own. The words printed are what readline puts in place of the word's last
# piece (after an opened quote, or after the last = : or @).
set -u
plain=false
if [ "$1" = --plain ]; then plain=true; shift; fi
# shellcheck source=/dev/null
$plain || source /usr/share/bash-completion/bash_completion
if [ "$1" = --installed ]; then
    __load_completion pumplog || { echo "bash-completion found no script for pumplog" >&2; exit 1; }
else
    # shellcheck source=/dev/null
    source "$1"
fi
line=$2
COMP_WORDS=()
word='' quote='' breaking=false
for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    if [[ -n $quote ]]; then
        word+=$c
        [[ $c == "$quote" ]] && quote=''
        continue
    fi
    if [[ $c == [[:space:]] ]]; then
        [[ -n $word ]] && COMP_WORDS+=("$word")
        word='' breaking=false
        continue
    fi
    is_break=false
    [[ $c == [=:@] ]] && is_break=true
    if [[ $is_break != "$breaking" ]]; then
        [[ -n $word ]] && COMP_WORDS+=("$word")
        word='' breaking=$is_break
    fi
    if [[ $c == \\ ]]; then
        word+=$c${line:i+1:1}
        ((i++))
    else
        [[ $c == [\'\"] ]] && quote=$c
        word+=$c
    fi
done
if [[ -n $word && $breaking == false ]]; then
    COMP_WORDS+=("$word")
else
    [[ -n $word ]] && COMP_WORDS+=("$word")
    COMP_WORDS+=('')
fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
function=$(complete -p pumplog | sed -n 's/.*-F \([^ ]*\).*/\1/p')
"$function" pumplog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
