# Days of a baby's feeds and the parent's pumps for the plan tests (plan.bats, plan_stash.bats).

# baby FIRST DAYS "HH:MM=ML ...": bottle feeds at those wall-clock times on
# DAYS days from FIRST, with the offset of $TZ on each day (GNU date).
baby() {
    local first="$1" days="$2" slots="$3" d s day at
    for ((d = 0; d < days; d++)); do
        day="$(date -d "$first + $d day" +%F)"
        for s in $slots; do
            at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"f-$day-${s%=*}\",\"type\":\"feed\",\"at\":\"$at\",\"method\":\"bottle\",\"ml\":${s#*=},\"milk\":\"breast\"}"
        done
    done
}

# pumps FIRST DAYS "HH:MM=ML ...": the parent's pumps, likewise.
pumps() {
    local first="$1" days="$2" slots="$3" d s day at
    for ((d = 0; d < days; d++)); do
        day="$(date -d "$first + $d day" +%F)"
        for s in $slots; do
            at="$(date -d "$day ${s%=*}" +%Y-%m-%dT%H:%M:%S%:z)"
            journal_line "{\"v\":1,\"id\":\"p-$day-${s%=*}\",\"type\":\"pump\",\"at\":\"$at\",\"ml\":${s#*=}}"
        done
    done
}
