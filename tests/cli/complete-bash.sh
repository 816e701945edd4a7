#!/usr/bin/env bash
# What bash (with bash-completion) offers for a command line, one a line.
#   complete-bash.sh SCRIPT|--installed "COMMAND LINE"
# SCRIPT is sourced; --installed lets bash-completion find pumplog's script by
# itself (its completions folders, XDG_DATA_DIRS). The line is split into words
# as bash does (COMP_WORDBREAKS' "=" makes a word of its own).
set -u
# shellcheck source=/dev/null
source /usr/share/bash-completion/bash_completion
if [ "$1" = --installed ]; then
    __load_completion pumplog || { echo "bash-completion found no script for pumplog" >&2; exit 1; }
else
    # shellcheck source=/dev/null
    source "$1"
fi
line=$2
COMP_WORDS=()
read -ra split <<<"$line"
[[ $line == *' ' ]] && split+=('')
for word in "${split[@]}"; do
    if [[ $word == *=* ]]; then
        COMP_WORDS+=("${word%%=*}" "=" "${word#*=}")
    else
        COMP_WORDS+=("$word")
    fi
done
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
function=$(complete -p pumplog | sed -n 's/.*-F \([^ ]*\).*/\1/p')
"$function" pumplog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
