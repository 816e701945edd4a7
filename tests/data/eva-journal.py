#!/usr/bin/env python3
"""Turn a Baby Connect CSV export into pumplog journal lines (a test helper).

Bottle rows become bottle feeds (`Quantity` is in US fluid ounces; `Extra data`
says Milk or Formula); with --nursing, Nursing rows become breast feeds with the
side durations read from the free text ("Eva nursed (11m left, 7m right)").
Times are local wall-clock times in the export; --zone gives them their offset.
Lines are printed oldest first, with ids derived from the row (stable).

    tests/data/eva-journal.py baby-connect-eva.csv --from 2020-06-01 --to 2020-06-21 > journal.jsonl
"""
import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import sys
from zoneinfo import ZoneInfo

ML_PER_OZ = 29.5735


def parse_time(text, zone):
    local = dt.datetime.strptime(text.strip(), "%m/%d/%y %I:%M %p")
    return local.replace(tzinfo=zone, fold=0)


def rfc3339(t):
    off = t.utcoffset()
    sign = "-" if off < dt.timedelta(0) else "+"
    off = abs(off)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "%s%02d:%02d" % (sign, off.seconds // 3600, off.seconds // 60 % 60)


def sides(text):
    out = {}
    for minutes, side in re.findall(r"(\d+)m (left|right)", text):
        out[side + "_s"] = int(minutes) * 60
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    ap.add_argument("--zone", default="America/Los_Angeles",
                    help="the zone the log was kept in (default America/Los_Angeles)")
    ap.add_argument("--from", dest="first", help="first local date to keep (YYYY-MM-DD)")
    ap.add_argument("--to", dest="last", help="last local date to keep (YYYY-MM-DD)")
    ap.add_argument("--nursing", action="store_true", help="also convert Nursing rows")
    args = ap.parse_args()
    zone = ZoneInfo(args.zone)
    lines = []
    with open(args.csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            activity = row["Activity"]
            if activity not in ("Bottle", "Nursing") or (activity == "Nursing" and not args.nursing):
                continue
            at = parse_time(row["Date and Time"], zone)
            day = at.strftime("%Y-%m-%d")
            if (args.first and day < args.first) or (args.last and day > args.last):
                continue
            key = "|".join(row[k] for k in ("Date and Time", "Activity", "Quantity", "Text"))
            line = {"v": 1, "id": "bc-" + hashlib.sha1(key.encode()).hexdigest()[:16], "type": "feed",
                    "at": rfc3339(at)}
            if activity == "Bottle":
                if not row["Quantity"]:
                    continue
                line["method"] = "bottle"
                line["ml"] = round(float(row["Quantity"]) * ML_PER_OZ, 2)
                line["milk"] = "formula" if row["Extra data"].strip().lower() == "formula" else "breast"
            else:
                line["method"] = "breast"
                line.update(sides(row["Text"]))
            lines.append((at, json.dumps(line, separators=(",", ":"))))
    lines.sort(key=lambda x: x[0])
    for _, text in lines:
        print(text)


if __name__ == "__main__":
    sys.exit(main())
