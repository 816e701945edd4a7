# `pumplog report --by day --format csv` in awk, over report.jq's rows read
# newest line first (tac): a void or amend comes before its target, so they are
# applied as the target goes by. Columns and number format as pumplog's.
BEGIN { FS = "\t" }
function epoch(at,    y, m, d, era, yoe, doy, doe, days, s, off) {
    y = substr(at, 1, 4) + 0; m = substr(at, 6, 2) + 0; d = substr(at, 9, 2) + 0
    if (m <= 2) y--
    era = int(y / 400); yoe = y - era * 400
    doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    days = era * 146097 + doe - 719468
    s = days * 86400 + substr(at, 12, 2) * 3600 + substr(at, 15, 2) * 60 + substr(at, 18, 2)
    if (substr(at, 20, 1) == "Z") return s
    off = substr(at, 21, 2) * 3600 + substr(at, 24, 2) * 60
    return substr(at, 20, 1) == "+" ? s - off : s + off
}
function num(x,    s) {
    s = sprintf("%.2f", x); sub(/0+$/, "", s); sub(/\.$/, "", s)
    return s == "-0" ? "0" : s
}
function tenth(x) { return int(x * 10 + 0.5) / 10 }
{
    type = $1; id = $2
    if (type == "void") { if (!(id in voided)) voided[$4] = 1; next }
    if (type == "amend") {
        if (!(id in voided)) { n = ++amends[$4]; amend[$4, n] = $0 }
        next
    }
    if (id in voided) { delete voided[id]; delete amends[id]; next }
    at = $3; ml = $5; lml = $6; rml = $7; dur = $8; ls = $9; rs = $10; method = $11
    if (id in amends) {  # oldest amendment first: the newest wins
        for (k = amends[id]; k >= 1; k--) {
            split(amend[id, k], f, "\t")
            if (f[12] != "") at = f[12]
            if (f[13] != "") ml = f[13]
            if (f[14] != "") lml = f[14]
            if (f[15] != "") rml = f[15]
            if (f[16] != "") dur = f[16]
            if (f[17] != "") ls = f[17]
            if (f[18] != "") rs = f[18]
            delete amend[id, k]
        }
        delete amends[id]
    }
    day = substr(at, 1, 10); days[day] = 1
    if (type == "pump") {
        pumps[day]++; pumped[day] += (ml != "" ? ml : lml + rml); left[day] += lml; right[day] += rml
    } else if (type == "feed") {
        feeds[day]++
        if (method == "breast") { breast[day]++; bsec[day] += (ls != "" || rs != "") ? ls + rs : dur }
        else bottle[day] += ml
    } else if (type == "store") {
        stored[day] += ml
        if (id in open) {  # the container of discards met earlier
            n = split(open[id], ks, " ")
            for (i = 1; i <= n; i++) dstored[ks[i]] = ml
        }
    } else if (type == "use") {
        used[day] += ml
        uses[$4] = uses[$4] " " epoch(at) ":" ml  # its discard may come later in the file
    } else if (type == "discard" && $4 != "") {
        nd++; dday[nd] = day; dat[nd] = epoch(at); dbag[nd] = $4; open[$4] = ($4 in open) ? open[$4] " " nd : nd
    }
}
END {
    for (k = 1; k <= nd; k++)  # what was left in each container when it was thrown away
        if (k in dstored) {
            r = dstored[k]; n = split(uses[dbag[k]], us, " ")
            for (i = 1; i <= n; i++) { split(us[i], tm, ":"); if (tm[1] <= dat[k]) r -= tm[2] }
            thrown[dday[k]] += r > 0 ? r : 0
        }
    print "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml"
    for (day in days)
        print day "," num(pumps[day]) "," num(tenth(pumped[day])) "," num(tenth(left[day])) "," num(tenth(right[day])) "," \
            num(feeds[day]) "," num(tenth(bottle[day])) "," num(breast[day]) "," num(int(bsec[day] / 6 + 0.5) / 10) "," \
            num(tenth(stored[day])) "," num(tenth(used[day])) "," num(tenth(thrown[day])) | "sort"
}
