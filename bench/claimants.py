#!/usr/bin/env python3
"""Many people claiming a capped grant at once, against one or more service instances.

Each account claims once, on the instance its number picks; when that instance gives no answer (it
was killed, or is restarting) the person tries again on the next instance, as someone refreshing the
page would, until some instance answers. Prints one line per account: account, final status, problem
type or grant position, and the number of tries.

    claimants.py --campaign ID --token T --accounts 0:4000 --parallel 200 http://127.0.0.1:18212 http://127.0.0.1:18213
"""
import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor


def claim(instances, path, token, account, first):
    tries = 0
    while True:
        base = urllib.parse.urlsplit(instances[(first + tries) % len(instances)])
        tries += 1
        try:
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
            conn.request("POST", path, body=json.dumps({"userId": account}),
                         headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
            response = conn.getresponse()
            body = json.loads(response.read() or b"{}")
            conn.close()
        except (OSError, http.client.HTTPException, ValueError):
            response = None
        # no answer, or an instance shutting down or starting (503): the person tries again
        if response is None or response.status >= 500:
            if tries >= 600:
                return account, response.status if response else 0, "no-answer", tries
            time.sleep(0.1)
            continue
        detail = body.get("position") if response.status == 201 else body.get("type", "").rsplit("/", 1)[-1]
        return account, response.status, detail, tries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--campaign", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--accounts", required=True, help="first:end, accounts acct-%%08d")
    parser.add_argument("--parallel", type=int, default=200)
    parser.add_argument("instances", nargs="+")
    args = parser.parse_args()
    first, end = (int(x) for x in args.accounts.split(":"))
    path = "/api/v1/campaigns/%s/claims" % args.campaign
    start = threading.Event()
    lock = threading.Lock()

    def one(n):
        start.wait()
        result = claim(args.instances, path, args.token, "acct-%08d" % n, n)
        with lock:
            print("%s %d %s %d" % result, flush=True)

    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        futures = [pool.submit(one, n) for n in range(first, end)]
        start.set()
        for f in futures:
            f.result()


if __name__ == "__main__":
    sys.exit(main())
