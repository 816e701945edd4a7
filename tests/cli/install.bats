#!/usr/bin/env bats
# `cmake --install` puts everything where Debian (and each shell) looks, and the
# installed files work from there: the binary, the man pages, the completions.
# Installs the build under test into a temporary prefix.
load helpers
bats_require_minimum_version 1.5.0

setup() {
    TEST_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/pumplog-install.XXXXXX")"
    export HOME="$TEST_DIR/home" XDG_DATA_HOME="$TEST_DIR/data" XDG_CONFIG_HOME="$TEST_DIR/config"
    export PUMPLOG_JOURNAL="$TEST_DIR/journal.jsonl" TZ="Europe/Berlin" PUMPLOG_NOW="2026-11-21T14:05:00+01:00"
    mkdir -p "$HOME"
    P="$TEST_DIR/prefix"
    [ -n "${PUMPLOG_BUILD_DIR:-}" ] || skip "PUMPLOG_BUILD_DIR is not set (ctest sets it)"
    cmake --install "$PUMPLOG_BUILD_DIR" --prefix "$P" >/dev/null
}

@test "the binary, man pages, completions and examples go where Debian looks" {
    [ -x "$P/bin/pumplog" ]
    [ -f "$P/share/man/man1/pumplog.1.gz" ]
    [ -f "$P/share/man/man5/pumplog.5.gz" ]
    [ -f "$P/share/bash-completion/completions/pumplog" ]
    [ -f "$P/share/zsh/vendor-completions/_pumplog" ]
    [ -f "$P/share/fish/vendor_completions.d/pumplog.fish" ]
    [ -f "$P/share/doc/pumplog/examples/crontab" ]
    [ -f "$P/share/doc/pumplog/examples/systemd/pumplog-next-pump.timer" ]
    [ -f "$P/share/doc/pumplog/examples/journal.jsonl" ]
}

@test "the licence and the changelog are installed where Debian policy asks" {
    local doc="$P/share/doc/pumplog"
    # copyright: machine-readable (DEP-5), uncompressed, with the licence's text of LICENSE.
    [ -f "$doc/copyright" ]
    [ "$(head -1 "$doc/copyright")" = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ]
    grep -qx 'License: MIT' "$doc/copyright"
    grep -qx ' Permission is hereby granted, free of charge, to any person obtaining a copy' "$doc/copyright"
    grep -qx 'Copyright (c) 2026 the pumplog authors' "$PUMPLOG_SOURCE_DIR/LICENSE"
    # changelog.gz (a native package): this version first, compressed without a name or time (gzip -n).
    [ -f "$doc/changelog.gz" ]
    zcat "$doc/changelog.gz" | cmp - "$PUMPLOG_SOURCE_DIR/packaging/changelog"
    local version
    version="$("$P/bin/pumplog" --version | cut -d' ' -f2)"
    [ "$(zcat "$doc/changelog.gz" | head -1)" = "pumplog ($version) unstable; urgency=medium" ]
    [ "$(od -An -tx1 -j3 -N5 "$doc/changelog.gz" | tr -d ' ')" = 0000000000 ]
}

@test "the example scripts are installed executable, the other examples not" {
    local e="$P/share/doc/pumplog/examples"
    [ "$(stat -c %A "$e/report-to-spreadsheet.sh" "$e/i3blocks-pumplog" "$e/crontab" "$e/journal.jsonl")" = "-rwxr-xr-x
-rwxr-xr-x
-rw-r--r--
-rw-r--r--" ]
}

@test "every man page is installed, compressed, in its section" {
    local page name
    for page in "$PUMPLOG_SOURCE_DIR"/man/*.[157]; do
        name="$(basename "$page")"
        zcat "$P/share/man/man${name##*.}/$name.gz" | cmp - "$page"
    done
}

@test "the installed completions are the generator's" {
    "$P/bin/pumplog" completion bash | cmp - "$P/share/bash-completion/completions/pumplog"
    "$P/bin/pumplog" completion zsh | cmp - "$P/share/zsh/vendor-completions/_pumplog"
    "$P/bin/pumplog" completion fish | cmp - "$P/share/fish/vendor_completions.d/pumplog.fish"
}

@test "the installed pumplog runs" {
    run --separate-stderr "$P/bin/pumplog" --version
    [ "$status" -eq 0 ]
    [[ $output == "pumplog "[0-9]* ]]
    run --separate-stderr "$P/bin/pumplog" add 90ml
    [ "$status" -eq 0 ]
}

@test "man finds the installed pages" {
    command -v man >/dev/null || skip "man is not installed"
    run man -M "$P/share/man" -w pumplog
    [ "$output" = "$P/share/man/man1/pumplog.1.gz" ]
    run man -M "$P/share/man" -w 5 pumplog
    [ "$output" = "$P/share/man/man5/pumplog.5.gz" ]
    run man -M "$P/share/man" -w pumplog-log
    [ "$output" = "$P/share/man/man1/pumplog-log.1.gz" ]
}

@test "bash-completion finds the installed script by itself" {
    [ -f /usr/share/bash-completion/bash_completion ] || skip "bash-completion is not installed"
    PATH="$P/bin:$PATH" XDG_DATA_DIRS="$P/share:/usr/share" \
        run bash "$PUMPLOG_SOURCE_DIR/tests/cli/complete-bash.sh" --installed "pumplog con"
    [ "$status" -eq 0 ]
    [ "$output" = config ]
}

@test "fish finds the installed script by itself" {
    command -v fish >/dev/null || skip "fish is not installed"
    PATH="$P/bin:$PATH" XDG_DATA_DIRS="$P/share:/usr/share" run fish -c 'complete -C "pumplog con"'
    [ "$status" -eq 0 ]
    [ "$output" = $'config\tread and change settings' ]
}

@test "zsh completes from the installed vendor-completions folder" {
    command -v zsh >/dev/null || skip "zsh is not installed"
    PATH="$P/bin:$PATH" run zsh -f "$PUMPLOG_SOURCE_DIR/tests/cli/complete-zsh.zsh" \
        "$P/share/zsh/vendor-completions" "pumplog con"
    [ "$status" -eq 0 ]
    [ "$output" = config ]
}
