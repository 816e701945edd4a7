#!/usr/bin/zsh -f
# What zsh's completion system offers for a command line, one a line.
#   complete-zsh.zsh FOLDER "COMMAND LINE" [--displays]
# With --displays: what zsh shows for the matches that have their own display
# text (compadd -d), such as refs with their descriptions, instead.
# With ZCOMPDUMP set, compinit keeps its dump there (a second run starts fast).
# Starts an interactive zsh on a pseudo-terminal with FOLDER (holding _pumplog)
# first in $fpath and compinit loaded, types the line and a Tab, and records
# every match that a completion function adds (compadd -O lists them).
zmodload zsh/zpty || { print -u2 "zsh/zpty is not available"; exit 2; }
folder=$1 line=$2 displays=$3
log=$(mktemp) shown=$(mktemp)
dump=(-D)
[[ -n $ZCOMPDUMP ]] && dump=(-d $ZCOMPDUMP)
zpty shell zsh -f -i
# LISTMAX: a long list (pumplog plan next --<TAB>) is shown without asking
# "do you wish to see all N possibilities?", which would read the keys typed next.
zpty -w shell "PS1=''; LISTMAX=10000; fpath=(${(q)folder} \$fpath); autoload -Uz compinit; compinit -u ${(q)dump}"
zpty -w shell "compadd() { if (( \${@[(I)-[OAD]*]} )); then builtin compadd \"\$@\"; return; fi; local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >> ${(q)log}; local -i d=\${@[(I)-d]}; (( d )) && print -rl -- \${(P)@[d + 1]} >> ${(q)shown}; builtin compadd \"\$@\"; }"
zpty -w shell "print RE''ADY"
zpty -r shell out '*READY*' || { print -u2 "zsh did not start"; exit 1; }
zpty -w -n shell "$line"$'\t'
# Typing on while completion runs makes zsh abort it: wait until it has offered
# something (or 3 s pass, for a line that offers nothing).
for (( i = 0; i < 60; i++ )); do [[ -s $log ]] && break; sleep 0.05; done
sleep 0.05
zpty -w -n shell $'\C-u'"print DO''NE"$'\n'
zpty -r shell out '*DONE*' || { print -u2 "zsh did not complete"; exit 1; }
zpty -d shell
if [[ $displays == --displays ]]; then sort -u $shown; else sort -u $log; fi
rm -f $log $shown
