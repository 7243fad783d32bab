#!/usr/bin/env python3
"""Declares a benchmark incident and posts N timeline updates through the API; prints its id.

20 services with 5 functions each; every update changes a few functions on one platform (or all)
at a time spread over five days, so the computed impact has many windows, as a long outage does.
"""
import json
import random
import sys
import urllib.request
from datetime import datetime, timedelta, timezone

base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(2022)
start = datetime(2022, 10, 15, 6, 19, tzinfo=timezone.utc)
services = [f"svc{i:02d}" for i in range(20)]
functions = ["login", "streaming", "search", "charts", "payments"]
states = ["operational", "degraded", "partial_outage", "major_outage"]
platforms = ["mobile", "web", "pc", "all"]


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)


incident = post("/api/v1/incidents", {
    "title": "Benchmark: long staggered outage", "severity": "critical",
    "startedAt": start.isoformat(),
    "services": [{"service": s, "functions": functions} for s in services]})
post(f"/api/v1/incidents/{incident['id']}/updates", {
    "at": start.isoformat(), "status": "investigating",
    "states": [{"service": s, "state": "major_outage"} for s in services]})
for i in range(count - 1):
    at = start + timedelta(minutes=rng.randrange(1, 5 * 24 * 60))
    post(f"/api/v1/incidents/{incident['id']}/updates", {
        "at": at.isoformat(), "status": "identified", "message": f"update {i}",
        "states": [{"service": rng.choice(services), "function": rng.choice(functions),
                    "platform": rng.choice(platforms), "state": rng.choice(states)} for _ in range(3)]})
print(incident["id"])
