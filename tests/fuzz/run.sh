#!/bin/sh
# Builds the libFuzzer targets with clang in a build folder of their own and
# runs each for a fixed time on its seed corpus in tests/fuzz/corpus/<target>/.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      (default 20 s, every target)
# Exits non-zero when a target crashes; the input is left in the build folder
# (crash-*, leak-*, timeout-*) and its path printed. Environment: FUZZ_BUILD_DIR
# (default build-fuzz), FUZZ_JOBS (build parallelism and targets run at once, default 2).
set -eu

seconds="${1:-20}"
[ $# -gt 0 ] && shift
here="$(cd "$(dirname "$0")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build_dir="${FUZZ_BUILD_DIR:-$source_dir/build-fuzz}"

CC="${CC_FUZZ:-clang-14}" CXX="${CXX_FUZZ:-clang++-14}" \
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DCMAKE_UNITY_BUILD=ON \
    -DPUMPLOG_FUZZ=ON -DPUMPLOG_TESTS=OFF -DPUMPLOG_WERROR=ON >/dev/null
if [ $# -gt 0 ]; then
    targets="$*"
else
    targets="$(for f in "$here"/fuzz_*.cpp; do basename "$f" .cpp; done)"
fi
# Only the targets (and the core they link): not the CLI, the completions or the man pages.
# shellcheck disable=SC2086
cmake --build "$build_dir" -j "${FUZZ_JOBS:-2}" --target $targets

# Each target runs as its own process; FUZZ_JOBS of them at a time (one per
# core), and their results are printed in the targets' order.
run_target() {
    target="$1"
    binary="$build_dir/fuzz/$target"
    seeds="$here/corpus/$target"
    work="$build_dir/fuzz-corpus/$target"   # new inputs found go here, not into the repository
    mkdir -p "$work" "$seeds" "$build_dir/fuzz-artifacts"
    dict=""
    [ -f "$here/$target.dict" ] && dict="-dict=$here/$target.dict"
    rc=0
    # shellcheck disable=SC2086
    "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build_dir/fuzz-artifacts/$target-" $dict "$work" "$seeds" \
        >"$build_dir/fuzz-artifacts/$target.log" 2>&1 || rc=$?
    echo "$rc" >"$build_dir/fuzz-artifacts/$target.status"
}

mkdir -p "$build_dir/fuzz-artifacts"
running=0
for target in $targets; do
    rm -f "$build_dir/fuzz-artifacts/$target.status"
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "${FUZZ_JOBS:-2}" ]; then
        wait
        running=0
    fi
done
wait

status=0
for target in $targets; do
    echo "== $target: ${seconds}s"
    if [ "$(cat "$build_dir/fuzz-artifacts/$target.status" 2>/dev/null)" != 0 ]; then
        echo "!! $target failed; see $build_dir/fuzz-artifacts/$target.log" >&2
        grep -E 'ERROR|SUMMARY|Test unit written' "$build_dir/fuzz-artifacts/$target.log" >&2 || true
        status=1
    else
        grep -E '^stat::number_of_executed_units|^#[0-9]+ +DONE' "$build_dir/fuzz-artifacts/$target.log" | tail -2 || true
    fi
done
exit $status
