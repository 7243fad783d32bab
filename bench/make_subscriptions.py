#!/usr/bin/env python3
"""Writes N music-service subscriptions as the import CSV, shaped like the base on 2022-10-16 (the
snapshot of the 2022 fire's compensation): mostly direct recurring passes whose next billing date is
in the month after the snapshot, 30-day tickets bought in the month before it (so still running),
in-app (Apple/Google) and partner passes, and some that ended on the outage day, before it, or
started after the snapshot. user-00000000 is a direct recurring pass billed next on 2022-10-25, the
README's first example. Deterministic for a given N.
With --store-identities the in-app passes carry their store identity (three more columns): Apple's
product id and original transaction id, Google's product id and purchase token; one Apple id in ten
ends in 7 and one Google token in twenty contains "gone" (bench/fake_app_stores.py refuses those).
    bench/make_subscriptions.py N [--store-identities] > subscriptions.csv"""
import datetime
import random
import sys

SNAPSHOT_DAY = datetime.date(2022, 10, 16)


def after_snapshot(i, span):
    """A date 1 to span days after the snapshot day, spread by i."""
    return (SNAPSHOT_DAY + datetime.timedelta(days=1 + i % span)).isoformat()


n = int(sys.argv[1])
stores = "--store-identities" in sys.argv[2:]
rnd = random.Random(20221015)
out = sys.stdout
out.write("user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on"
          + (",store_product_id,store_original_transaction_id,store_purchase_token" if stores else "") + "\n")
for i in range(n):
    r = rnd.random()
    user = f"user-{i:08d}"
    day = 1 + i % 28
    if i == 0:
        row = (user, "melon-unlimited", "recurring", "direct", "active", "KR", "2021-03-25T10:00:00+09:00", "",
               "2022-10-25", "")
    elif r < 0.60:
        # billed monthly: the next billing date falls in the 30 days after the snapshot
        row = (user, "melon-unlimited", "recurring", "direct", "active", "KR", "2021-03-01T10:00:00+09:00", "",
               after_snapshot(i, 30), "")
    elif r < 0.70:
        # a 30-day ticket bought in the month before the snapshot: its last day is after it
        last_day = after_snapshot(i, 29)
        bought = datetime.date.fromisoformat(last_day) - datetime.timedelta(days=29)
        row = (user, "melon-30day", "ticket", "direct", "active", "KR", f"{bought.isoformat()}T10:00:00+09:00", "", "",
               last_day)
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
    if stores:
        if row[3] == "apple":
            row += ("com.example.melon.unlimited", f"{2000000000 + i}", "")
        elif row[3] == "google":
            row += ("melon_unlimited_monthly", "", f"gtok-{'gone-' if i % 20 == 3 else ''}{i:010d}-melon")
        else:
            row += ("", "", "")
    out.write(",".join(row) + "\n")
