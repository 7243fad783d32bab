#!/usr/bin/env python3
"""The App Store Server API and the Google Play Developer API, as far as store extensions use them,
for the crash test and the store-extension benchmark (the JUnit tests use a WireMock fake that also
verifies signatures; this one only checks that a bearer token is present).

  fake_app_stores.py PORT [DELAY_SECONDS] [LIMIT_PER_SECOND]

Every subscription it is asked about exists, renewing in 10 days, except: Apple original transaction
ids ending in 7 are unknown (404, 4040005); Google purchase tokens containing "gone" were bought too
long ago (410). Apple dedupes on requestIdentifier, Google's deferral must name the current expiry.
An answer is sent DELAY seconds after the change is made (the window a crash test kills in). Above
LIMIT_PER_SECOND requests per store in one second it answers 429 with Retry-After: 1.
GET /_state returns how often each subscription was extended and how many requests were served.
"""
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, parse_qs

PORT = int(sys.argv[1])
DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
LIMIT = int(sys.argv[3]) if len(sys.argv) > 3 else 0
TEN_DAYS_MS = 10 * 86400 * 1000

lock = threading.Lock()
apple_expiry, apple_count, apple_answers = {}, {}, {}
google_expiry, google_count = {}, {}
served = {"apple": 0, "google": 0, "rate_limited": 0}
window = {"apple": [0, 0], "google": [0, 0]}  # second, count


def now_ms():
    return int(time.time() * 1000)


def over_limit(store):
    if LIMIT <= 0:
        return False
    second = int(time.time())
    w = window[store]
    if w[0] != second:
        w[0], w[1] = second, 0
    w[1] += 1
    return w[1] > LIMIT


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode() if n else ""

    def authorized(self):
        return (self.headers.get("Authorization") or "").startswith("Bearer ")

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/_state":
            with lock:
                return self.answer(200, {"apple": apple_count, "google": google_count, "served": served})
        parts = path.split("/")
        # /androidpublisher/v3/applications/{pkg}/purchases/subscriptions/{id}/tokens/{token}
        if len(parts) == 10 and parts[1] == "androidpublisher" and parts[8] == "tokens":
            if not self.authorized():
                return self.answer(401, {"error": {"code": 401, "message": "no credentials"}})
            token = unquote(parts[9])
            with lock:
                served["google"] += 1
                if over_limit("google"):
                    served["rate_limited"] += 1
                    return self.answer(429, {"error": {"code": 429, "message": "quota"}}, {"Retry-After": "1"})
                if "gone" in token:
                    return self.answer(410, {"error": {"code": 410, "message": "expired for too long",
                                                       "errors": [{"reason": "subscriptionPurchaseNoLongerAvailable"}]}})
                expiry = google_expiry.setdefault(token, now_ms() + TEN_DAYS_MS)
            return self.answer(200, {"expiryTimeMillis": str(expiry), "autoRenewing": True})
        self.answer(404, {})

    def do_PUT(self):
        path = self.path.split("?")[0]
        body = self.body()
        if not path.startswith("/inApps/v1/subscriptions/extend/"):
            return self.answer(404, {})
        if not self.authorized():
            return self.answer(401, None)
        otid = path.rsplit("/", 1)[1]
        request = json.loads(body)
        rid = request["requestIdentifier"]
        with lock:
            served["apple"] += 1
            if over_limit("apple"):
                served["rate_limited"] += 1
                return self.answer(429, {"errorCode": 4290000, "errorMessage": "Rate limit exceeded."}, {"Retry-After": "1"})
            if rid in apple_answers:
                earlier = apple_answers[rid]
            elif otid.endswith("7"):
                return self.answer(404, {"errorCode": 4040005, "errorMessage": "Original transaction id not found."})
            else:
                expiry = apple_expiry.setdefault(otid, now_ms() + TEN_DAYS_MS) + request["extendByDays"] * 86400 * 1000
                apple_expiry[otid] = expiry
                apple_count[otid] = apple_count.get(otid, 0) + 1
                earlier = {"originalTransactionId": otid, "webOrderLineItemId": "1" + otid, "success": True, "effectiveDate": expiry}
                apple_answers[rid] = earlier
        time.sleep(DELAY)
        self.answer(200, earlier)

    def do_POST(self):
        path = self.path.split("?")[0]
        body = self.body()
        if path == "/token":
            form = parse_qs(body)
            if "assertion" not in form:
                return self.answer(400, {"error": "invalid_grant"})
            return self.answer(200, {"access_token": "fake-" + str(uuid.uuid4()), "expires_in": 3599, "token_type": "Bearer"})
        parts = path.split("/")
        if len(parts) == 10 and parts[9].endswith(":defer"):
            if not self.authorized():
                return self.answer(401, {"error": {"code": 401, "message": "no credentials"}})
            token = unquote(parts[9][:-len(":defer")])
            info = json.loads(body)["deferralInfo"]
            with lock:
                served["google"] += 1
                if over_limit("google"):
                    served["rate_limited"] += 1
                    return self.answer(429, {"error": {"code": 429, "message": "quota"}}, {"Retry-After": "1"})
                current = google_expiry.setdefault(token, now_ms() + TEN_DAYS_MS)
                if int(info["expectedExpiryTimeMillis"]) != current:
                    return self.answer(400, {"error": {"code": 400, "message": "expected expiry does not match",
                                                       "errors": [{"reason": "invalid"}]}})
                desired = int(info["desiredExpiryTimeMillis"])
                google_expiry[token] = desired
                google_count[token] = google_count.get(token, 0) + 1
            time.sleep(DELAY)
            return self.answer(200, {"newExpiryTimeMillis": str(desired)})
        self.answer(404, {})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client killed mid-request (the crash test's point) is not an error of the fake
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


Server(("127.0.0.1", PORT), Handler).serve_forever()
