#!/usr/bin/env bash
# Types a command line into a real interactive shell on tmux, presses Tab,
# types the rest and Enter: what a user does. Prints the line as completed.
#   complete-tmux.sh bash|bash-plain|zsh|fish SCRIPT "LINE" "REST"
# SCRIPT is pumplog's completion script for that shell (bash: with
# bash-completion loaded first, bash-plain: without it; zsh: a folder holding _pumplog, with compinit).
# The shell starts in the current folder with no rc files.
set -u
shell=$1 script=$2 line=$3 rest=$4
socket="pumplog-complete-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
# The server, and its socket file (left in /tmp/tmux-UID otherwise, one per run).
trap 'tm kill-server 2>/dev/null; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"' EXIT
case $shell in
    bash)
        command=(bash --norc --noprofile -i)
        setup="source /usr/share/bash-completion/bash_completion; source '$script'; PS1='> '" ;;
    bash-plain)
        command=(bash --norc --noprofile -i)
        setup="source '$script'; PS1='> '" ;;
    zsh)
        command=(zsh -f -i)
        setup="PS1='> '; fpath=('$script' \$fpath); autoload -Uz compinit; compinit -u -D" ;;
    fish)
        command=(fish --no-config -i)
        setup="set -g fish_autosuggestion_enabled 0; function fish_prompt; echo '> '; end; source '$script'" ;;
    *) echo "no such shell: $shell" >&2; exit 2 ;;
esac
tm new-session -d -x 250 -y 40 -c "$PWD" "${command[@]}" || exit 1
# Waits until the pane shows TEXT, 5 s at most.
wait_for() {
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(tm capture-pane -p -J) == *"$1"* ]] && return 0
        sleep 0.05
    done
    echo "timed out waiting for $1; the pane:" >&2
    tm capture-pane -p -J >&2
    return 1
}
tm send-keys -l -- "$setup; clear; echo RE''ADY" && tm send-keys Enter
wait_for READY || exit 1
tm send-keys -l -- "$line" && tm send-keys Tab
# Completion has run once the line is longer than what was typed.
for ((i = 0; i < 100; i++)); do
    completed=$(tm capture-pane -p -J | grep '^> ' | tail -n 1)
    completed=${completed#> }
    [[ ${#completed} -gt ${#line} ]] && break
    sleep 0.05
done
printf '%s\n' "$completed"
tm send-keys -l -- "$rest" && tm send-keys Enter
tm send-keys -l -- "echo DO''NE" && tm send-keys Enter
wait_for DONE || exit 1
