#!/usr/bin/env python3
"""Writes N music-service subscriptions as the import CSV, with the mix a real base has around the
2022 fire: mostly direct recurring passes, tickets, in-app (Apple/Google) and partner passes, some
that ended on the outage day, before it, or started after the snapshot. Deterministic for a given N.
    bench/make_subscriptions.py N > subscriptions.csv"""
import random
import sys

n = int(sys.argv[1])
rnd = random.Random(20221015)
out = sys.stdout
out.write("user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on\n")
for i in range(n):
    r = rnd.random()
    user = f"user-{i:08d}"
    day = 1 + i % 28
    if r < 0.60:
        row = (user, "melon-unlimited", "recurring", "direct", "active", "KR", "2021-03-01T10:00:00+09:00", "",
               f"2022-{10 + i % 3:02d}-{day:02d}", "")
    elif r < 0.70:
        row = (user, "melon-30day", "ticket", "direct", "active", "KR", "2022-10-01T10:00:00+09:00", "", "",
               f"2022-11-{day:02d}")
    elif r < 0.80:
        row = (user, "melon-unlimited", "recurring", "apple", "active", "KR", "2021-05-01T00:00:00+09:00", "",
               f"2022-11-{day:02d}", "")
    elif r < 0.88:
        row = (user, "melon-unlimited", "recurring", "google", "active", "KR", "2021-06-01T00:00:00+09:00", "",
               f"2022-11-{day:02d}", "")
    elif r < 0.92:
        row = (user, "melon-30day", "ticket", "partner", "active", "KR", "2022-10-05T00:00:00+09:00", "", "",
               "2022-11-04")
    elif r < 0.95:
        row = (user, "melon-30day", "ticket", "direct", "expired", "KR", "2022-09-16T00:00:00+09:00", "", "",
               "2022-10-15")
    elif r < 0.98:
        row = (user, "melon-unlimited", "recurring", "direct", "cancelled", "KR", "2021-01-01T00:00:00+09:00",
               "2022-10-01T12:00:00+09:00", "", "")
    else:
        row = (user, "melon-unlimited", "recurring", "direct", "active", "KR", "2022-10-20T09:00:00+09:00", "",
               "2022-11-20", "")
    out.write(",".join(row) + "\n")
