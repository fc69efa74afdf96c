#!/usr/bin/python3
# import_check.py — what tests/import.sh asks of an imported plan.
#
#   import_check.py timeline IMPORTED HAND [PHASE...]
#       The phases (names, start, end, with missing ends resolved the way
#       spec/plan-format.md says) and deadlines (due day; name: same first
#       and last two characters, the verb and the thing) of IMPORTED equal
#       those of the hand-made plan HAND.  A PHASE named on the command
#       line is one whose dates the hand-made plan decided differently on
#       purpose (it must still be there by name).
#   import_check.py text SOURCE IMPORTED NOTES
#       Every line of the source text is in the plan (front matter values
#       and body with the Markdown marks taken off), except the lines the
#       import said it dropped (NOTES: its stderr).  附件说明 lines count
#       as found when their titles are; the 成文日期 when the plan has a date.
import datetime
import re
import sys

import yaml


def split(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        sys.exit(f"{path}: no front matter")
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


def day(v):
    if isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v)) if v else None


def phases(fm):
    ph = fm.get("phases") or []
    camp = fm.get("campaign") or {}
    out = []
    for i, p in enumerate(ph):
        s, e = day(p.get("start")), day(p.get("end"))
        if s is None:
            prev = day(ph[i - 1].get("end")) if i else None
            s = prev + datetime.timedelta(days=1) if prev else day(camp.get("start"))
        if e is None:
            nxt = day(ph[i + 1].get("start")) if i + 1 < len(ph) else None
            e = nxt - datetime.timedelta(days=1) if nxt else day(camp.get("end"))
        out.append((p["name"], s, e))
    return out


def timeline(imported, hand, loose):
    a, _ = split(imported)
    b, _ = split(hand)
    bad = 0
    pa, pb = phases(a), phases(b)
    if [p[0] for p in pa] != [p[0] for p in pb]:
        print(f"phases differ: {[p[0] for p in pa]} vs {[p[0] for p in pb]}")
        bad += 1
    for x, y in zip(pa, pb):
        if x[0] not in loose and x != y:
            print(f"phase differs: imported {x}, hand-made {y}")
            bad += 1
    da = sorted((day(d["due"]), d["name"]) for d in a.get("deadlines") or [])
    db = sorted((day(d["due"]), d["name"]) for d in b.get("deadlines") or [])
    if len(da) != len(db):
        print(f"deadlines differ: {da} vs {db}")
        bad += 1
    for x, y in zip(da, db):
        if x[0] != y[0] or x[1][:2] != y[1][:2] or x[1][-2:] != y[1][-2:]:
            print(f"deadline differs: imported {x}, hand-made {y}")
            bad += 1
    print(f"{len(pa)} phases, {len(da)} deadlines compared")
    return bad


def strings(v):
    if isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif v is not None:
        yield str(v)


def text(source, imported, notes):
    fm, body = split(imported)
    dropped = set(int(n) for n in re.findall(r"第(\d+)[行段][^\n]*已略去", open(notes, encoding="utf-8").read()))
    plain = []
    for line in body.split("\n"):
        line = re.sub(r"^#+ ", "", line).replace("**", "")
        plain.append(re.sub(r"\\(.)", r"\1", line))
    hay = "".join(plain) + "".join(strings(fm))
    bad = 0
    n = 0
    for i, line in enumerate(open(source, encoding="utf-8").read().split("\n"), 1):
        line = line.strip(" \t\u3000\u00a0\r")
        line = re.sub(r" 篇\d+$", "", line).rstrip("：:")
        if not line or i in dropped or re.fullmatch(r"附件\d*", line):
            continue
        # 附件说明: the titles are the attachments'; 成文日期: the date.
        m = re.match(r"附件[：:](?:\d+[.．、])?(.*)", line)
        if m:
            line = m.group(1)
        if re.fullmatch(r"[〇一二三四五六七八九十○零0-9]+年[〇一二三四五六七八九十0-9]+月[〇一二三四五六七八九十0-9]+日", line) and fm.get("date"):
            continue
        n += 1
        if line not in hay:
            print(f"{source}:{i}: not in the plan: {line[:40]}")
            bad += 1
    print(f"{n} source lines found in the plan, {len(dropped)} dropped as noise")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "timeline":
        sys.exit(1 if timeline(sys.argv[2], sys.argv[3], set(sys.argv[4:])) else 0)
    if sys.argv[1] == "text":
        sys.exit(1 if text(sys.argv[2], sys.argv[3], sys.argv[4]) else 0)
    sys.exit("usage: import_check.py timeline|text ...")
