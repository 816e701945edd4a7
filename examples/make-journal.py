#!/usr/bin/env python3
"""Writes examples/journal.jsonl: two weeks of one family, deterministically.

Maya, born on 2026-08-10, is 15 weeks old on Monday 2026-11-23, the day the
examples read the journal as of (a journal holds no birth date: the examples
give it to `plan` with --birth 2026-08-10). Her parent went back to work
(Mon-Fri 08:00-17:30) and pumps there three times a day. At daycare she drinks bottles of pumped milk at
about 09:30, 12:30 and 15:30; at home she nurses (06:30, 18:30, 21:30, and once
in the night). Weekends: nursing, one morning pump for the stash. Pumped milk
goes to the fridge (used at daycare the next day) and on Fridays to the freezer.
Zone: America/New_York (EST, -05:00, in these weeks).

Run: python3 examples/make-journal.py > examples/journal.jsonl
"""
import datetime as dt
import json
import random

random.seed(20261121)
TZ = dt.timezone(dt.timedelta(hours=-5))
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
counter = 0


def ulid(at):
    """A ULID whose time is the event's (as if logged as it happened)."""
    global counter
    counter += 1
    ms = int(at.timestamp() * 1000)
    rnd = random.getrandbits(80)
    out = ""
    for shift in range(45, -5, -5):
        out += CROCKFORD[(ms >> shift) & 31]
    for shift in range(75, -5, -5):
        out += CROCKFORD[(rnd >> shift) & 31]
    return out


def stamp(at):
    return at.isoformat(timespec="seconds")


lines = []


def emit(kind, at, **fields):
    line = {"v": 1, "id": ulid(at), "type": kind, "at": stamp(at)}
    line.update(fields)
    lines.append((at, line))
    return line


def jitter(day, hh, mm, spread=20):
    base = dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=TZ)
    return base + dt.timedelta(minutes=random.randint(-spread, spread))


labels = 0
fridge = []  # (store line, ml left)
start = dt.date(2026, 11, 8)
for d in range(14):
    day = start + dt.timedelta(days=d)
    workday = day.weekday() < 5
    # the night feed and the morning nursing
    night = jitter(day, 2, 10, 30)
    emit("feed", night, method="breast", left_s=random.randint(8, 14) * 60, right_s=random.randint(5, 10) * 60)
    morning = jitter(day, 6, 30, 15)
    emit("feed", morning, method="breast", left_s=random.randint(10, 15) * 60, right_s=random.randint(8, 12) * 60)
    if workday:
        for (fh, fm), (ph, pm) in zip([(9, 30), (12, 30), (15, 30)], [(10, 0), (13, 0), (16, 0)]):
            feed_at = jitter(day, fh, fm)
            ml = random.choice([120, 130, 135, 140, 150])
            emit("feed", feed_at, method="bottle", ml=ml, milk="breast")
            # daycare takes yesterday's fridge milk first
            need = ml
            while need > 0 and fridge:
                store, left = fridge[0]
                take = min(left, need)
                emit("use", feed_at + dt.timedelta(minutes=1), target=store["id"], ml=take)
                need -= take
                if take == left:
                    fridge.pop(0)
                else:
                    fridge[0] = (store, left - take)
            pump_at = jitter(day, ph, pm, 15)
            left = random.randint(50, 70) - (10 if ph == 16 else 0)
            right = random.randint(45, 65) - (10 if ph == 16 else 0)
            pump = emit("pump", pump_at, ml=left + right, left_ml=left, right_ml=right,
                        dur_s=random.choice([900, 1080, 1200]))
            labels += 1
            place = "freezer" if day.weekday() == 4 else "fridge"
            store = emit("store", pump_at + dt.timedelta(minutes=2), ml=left + right, place=place,
                         pumped=pump["at"], label=f"B{labels}", **{"from": pump["id"]})
            if place == "fridge":
                fridge.append((store, left + right))
    else:
        for hh, mm in [(9, 45), (13, 0), (16, 15)]:
            emit("feed", jitter(day, hh, mm), method="breast", left_s=random.randint(8, 14) * 60,
                 right_s=random.randint(6, 12) * 60)
        pump_at = jitter(day, 7, 15, 10)
        left, right = random.randint(40, 60), random.randint(40, 55)
        pump = emit("pump", pump_at, ml=left + right, left_ml=left, right_ml=right, dur_s=900,
                    note="weekend stash pump")
        labels += 1
        emit("store", pump_at + dt.timedelta(minutes=2), ml=left + right, place="freezer", pumped=pump["at"],
             label=f"B{labels}", **{"from": pump["id"]})
    emit("feed", jitter(day, 18, 30), method="breast", left_s=random.randint(10, 15) * 60,
         right_s=random.randint(8, 12) * 60)
    emit("feed", jitter(day, 21, 30), method="breast", left_s=random.randint(10, 16) * 60,
         right_s=random.randint(6, 12) * 60, note="müde, schläft gleich" if d == 3 else None)

# A correction and an undo, as people make them.
pumps = [line for _, line in lines if line["type"] == "pump"]
fix_at = dt.datetime.fromisoformat(pumps[4]["at"]) + dt.timedelta(minutes=5)
emit("amend", fix_at, target=pumps[4]["id"], set={"note": "forgot the right side at first", "right_ml": 60,
                                                  "ml": pumps[4]["left_ml"] + 60})
oops = emit("feed", jitter(start + dt.timedelta(days=9), 11, 0, 0), method="bottle", ml=900, milk="breast")
emit("void", dt.datetime.fromisoformat(oops["at"]) + dt.timedelta(minutes=1), target=oops["id"])

lines.sort(key=lambda pair: pair[0])
for _, line in lines:
    print(json.dumps({k: v for k, v in line.items() if v is not None}, ensure_ascii=False, separators=(",", ":")))
