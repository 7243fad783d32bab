#!/usr/bin/env python3
"""The App Store Server API and the Google Play Developer API, as far as store extensions use them,
for the crash test and the store-extension benchmark (the JUnit tests use a WireMock fake that also
verifies signatures; this one only checks that a bearer token is present).

  fake_app_stores.py PORT [DELAY_SECONDS] [LIMIT_PER_SECOND]

Every subscription it is asked about exists, renewing in 10 days, except: Apple original transaction
ids ending in 7 are unknown (404: 4040005 to an extension, 4040010 to a status read); Google purchase tokens containing "gone" were bought too
long ago (410). Apple dedupes on requestIdentifier; Google answers purchases.subscriptionsv2 (one line
item of product FAKE_GOOGLE_PRODUCT_ID, default melon_unlimited_monthly, as bench/make_subscriptions.py
writes them) and its deferral must name the subscription's latest etag.
Get All Subscription Statuses (GET /inApps/v1/subscriptions/{id}) answers the renewal date in signed
renewal info, signed like the notifications below (so FAKE_APPLE_ROOT_FILE is needed for it).
An answer is sent DELAY seconds after the change is made (the window a crash test kills in). Above
LIMIT_PER_SECOND requests per store endpoint in one second (Apple's extensions and its status reads
each, Google's calls together) it answers 429 with Retry-After as each store
documents it: Apple the instant to try again in epoch milliseconds, Google a number of seconds.
GET /_state returns how often each subscription was extended and how many requests were served.

The App Store's mass extension too, when FAKE_APPLE_NOTIFY_URL names where to post notifications:
POST /_subscribers registers the active subscribers of products ({"productId": [otid, ...]}); a mass
extension request extends each of them once (ids ending in 7 fail), and a background thread posts an
App Store Server Notification about each to FAKE_APPLE_NOTIFY_URL, signed as Apple signs them (ES256,
x5c chain of three certificates with Apple's marker extensions; the root, made at start, is written
to FAKE_APPLE_ROOT_FILE for the service to trust). A notification the service does not take (it is
down) is not retried, as Apple would only hours later: the history (POST /inApps/v1/notifications/
history, 20 to a page) has every one. The status says complete once every subscriber is processed.
"""
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, parse_qs
import base64
import os
import urllib.request

PORT = int(sys.argv[1])
DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
LIMIT = int(sys.argv[3]) if len(sys.argv) > 3 else 0
TEN_DAYS_MS = 10 * 86400 * 1000

lock = threading.Lock()
apple_expiry, apple_count, apple_answers = {}, {}, {}
google_expiry, google_count, google_etag = {}, {}, {}
GOOGLE_PRODUCT = os.environ.get("FAKE_GOOGLE_PRODUCT_ID", "melon_unlimited_monthly")
served = {"apple": 0, "apple_status": 0, "google": 0, "rate_limited": 0}
window = {"apple": [0, 0], "apple_status": [0, 0], "google": [0, 0]}  # per endpoint limit: second, count


def now_ms():
    return int(time.time() * 1000)


def rfc3339(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + ".%03dZ" % (ms % 1000)


def google_subscription(token):
    """The token's expiry and etag, made on first sight (caller holds the lock)."""
    expiry = google_expiry.setdefault(token, now_ms() + TEN_DAYS_MS)
    etag = google_etag.setdefault(token, "etag-" + uuid.uuid4().hex)
    return expiry, etag


def over_limit(store):
    if LIMIT <= 0:
        return False
    second = int(time.time())
    w = window[store]
    if w[0] != second:
        w[0], w[1] = second, 0
    w[1] += 1
    return w[1] > LIMIT


# --- the App Store's mass extension and its signed notifications

NOTIFY_URL = os.environ.get("FAKE_APPLE_NOTIFY_URL")
BUNDLE_ID = os.environ.get("FAKE_APPLE_BUNDLE_ID", "com.example.melon")
APP_APPLE_ID = int(os.environ.get("FAKE_APPLE_APP_APPLE_ID", "1234567890"))
subscribers = {}      # product id -> [original transaction id]
mass_jobs = {}        # request id -> {"product", "days", "done", "succeeded", "failed", "total"}
notes = []            # (type, subtype, signed payload, ms)
delivered = {"ok": 0, "failed": 0}
signer = None


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Notary:
    """Apple's signing shape with keys made here: leaf (marker 1.2.840.113635.100.6.11.1) <- intermediate
    (marker 1.2.840.113635.100.6.2.1) <- root."""

    def __init__(self, root_file):
        import datetime
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
        self.hashes, self.ec = hashes, ec
        now = datetime.datetime.now(datetime.timezone.utc)

        def cert(subject, issuer, key, issuer_key, ca, marker):
            b = (x509.CertificateBuilder()
                 .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
                 .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                 .public_key(key.public_key()).serial_number(x509.random_serial_number())
                 .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
                 .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
            if marker:
                b = b.add_extension(x509.UnrecognizedExtension(x509.ObjectIdentifier(marker), b"\x05\x00"), critical=False)
            return b.sign(issuer_key, hashes.SHA256())

        root_key, mid_key, self.key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
        root = cert("Fake Root CA (tests only)", "Fake Root CA (tests only)", root_key, root_key, True, None)
        mid = cert("Fake WWDR (tests only)", "Fake Root CA (tests only)", mid_key, root_key, True, "1.2.840.113635.100.6.2.1")
        leaf = cert("Fake signing (tests only)", "Fake WWDR (tests only)", self.key, mid_key, False, "1.2.840.113635.100.6.11.1")
        der = lambda c: c.public_bytes(serialization.Encoding.DER)
        self.x5c = [base64.b64encode(der(c)).decode() for c in (leaf, mid, root)]
        with open(root_file, "wb") as f:
            f.write(der(root))

    def sign(self, claims):
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
        head = b64url(json.dumps({"alg": "ES256", "x5c": self.x5c}).encode())
        body = b64url(json.dumps(claims).encode())
        r, s_ = decode_dss_signature(self.key.sign(f"{head}.{body}".encode(), self.ec.ECDSA(self.hashes.SHA256())))
        return f"{head}.{body}.{b64url(r.to_bytes(32, 'big') + s_.to_bytes(32, 'big'))}"


def notification(ntype, subtype, data=None, summary=None):
    claims = {"notificationType": ntype, "notificationUUID": str(uuid.uuid4()), "version": "2.0", "signedDate": now_ms()}
    if subtype:
        claims["subtype"] = subtype
    if data:
        claims["data"] = data
    if summary:
        claims["summary"] = summary
    return signer.sign(claims)


def about(otid, product, expires):
    common = {"originalTransactionId": otid, "productId": product, "environment": "Production", "signedDate": now_ms()}
    return {"environment": "Production", "appAppleId": APP_APPLE_ID, "bundleId": BUNDLE_ID,
            "signedTransactionInfo": signer.sign(dict(common, transactionId=otid + "9", bundleId=BUNDLE_ID,
                                                      expiresDate=expires, type="Auto-Renewable Subscription")),
            "signedRenewalInfo": signer.sign(dict(common, renewalDate=expires, autoRenewProductId=product))}


def deliver(ntype, subtype, payload):
    with lock:
        notes.append((ntype, subtype, payload, now_ms()))
    try:
        request = urllib.request.Request(NOTIFY_URL, data=json.dumps({"signedPayload": payload}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            ok = response.status == 200
    except Exception:
        ok = False
    with lock:
        delivered["ok" if ok else "failed"] += 1


def run_mass(rid):
    """Apple at work on a mass extension: each subscriber once, a notification about each, then a summary."""
    job = mass_jobs[rid]
    for otid in subscribers.get(job["product"], []):
        with lock:
            if otid.endswith("7"):
                job["failed"] += 1
                kind, expires = ("RENEWAL_EXTENSION", "FAILURE"), apple_expiry.setdefault(otid, now_ms() + TEN_DAYS_MS)
            else:
                expires = apple_expiry.setdefault(otid, now_ms() + TEN_DAYS_MS) + job["days"] * 86400 * 1000
                apple_expiry[otid] = expires
                apple_count[otid] = apple_count.get(otid, 0) + 1
                job["succeeded"] += 1
                kind = ("RENEWAL_EXTENDED", None)
        deliver(kind[0], kind[1], notification(kind[0], kind[1], data=about(otid, job["product"], expires)))
        with lock:
            job["done"] += 1
    deliver("RENEWAL_EXTENSION", "SUMMARY", notification("RENEWAL_EXTENSION", "SUMMARY", summary={
        "environment": "Production", "appAppleId": APP_APPLE_ID, "bundleId": BUNDLE_ID, "productId": job["product"],
        "requestIdentifier": rid, "succeededCount": job["succeeded"], "failedCount": job["failed"]}))


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

    def served_over_limit(self, endpoint):
        """Counts a call to endpoint; above LIMIT this second, answers 429 with Retry-After as its store
        documents it (Apple the instant to try again in epoch milliseconds, Google seconds) and says so.
        The caller holds the lock."""
        served[endpoint] += 1
        if not over_limit(endpoint):
            return False
        served["rate_limited"] += 1
        if endpoint.startswith("apple"):
            self.answer(429, {"errorCode": 4290000, "errorMessage": "Rate limit exceeded."},
                        {"Retry-After": str(int(time.time() * 1000) + 1000)})
        else:
            self.answer(429, {"error": {"code": 429, "message": "quota"}}, {"Retry-After": "1"})
        return True

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode() if n else ""

    def authorized(self):
        return (self.headers.get("Authorization") or "").startswith("Bearer ")

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/_state":
            with lock:
                return self.answer(200, {"apple": apple_count, "google": google_count, "served": served,
                                         "mass": {rid: dict(j) for rid, j in mass_jobs.items()}, "delivered": delivered,
                                         "notifications": len(notes)})
        if path.startswith("/inApps/v1/subscriptions/extend/mass/"):
            if not self.authorized():
                return self.answer(401, None)
            product, rid = path.split("/")[-2:]
            with lock:
                job = mass_jobs.get(rid)
                if not job or job["product"] != product:
                    return self.answer(404, {"errorCode": 4040011, "errorMessage": "Request identifier not found."})
                complete = job["done"] >= job["total"]
                return self.answer(200, {"requestIdentifier": rid, "complete": complete, "succeededCount": job["succeeded"],
                                         "failedCount": job["failed"], **({"completeDate": now_ms()} if complete else {})})
        if path.startswith("/inApps/v1/subscriptions/") and path.count("/") == 4:
            # Get All Subscription Statuses: the last transaction with its signed renewal info
            if not self.authorized():
                return self.answer(401, None)
            otid = path.rsplit("/", 1)[1]
            with lock:
                if self.served_over_limit("apple_status"):
                    return
                if otid.endswith("7"):
                    return self.answer(404, {"errorCode": 4040010, "errorMessage": "Transaction id not found."})
                renewal = apple_expiry.setdefault(otid, now_ms() + TEN_DAYS_MS)
            product = "melon.unlimited.monthly"
            return self.answer(200, {"environment": "Production", "bundleId": BUNDLE_ID, "appAppleId": APP_APPLE_ID,
                                     "data": [{"subscriptionGroupIdentifier": "21000001", "lastTransactions": [
                                         dict(about(otid, product, renewal), status=1, originalTransactionId=otid)]}]})
        parts = path.split("/")
        # /androidpublisher/v3/applications/{pkg}/purchases/subscriptionsv2/tokens/{token}
        if len(parts) == 9 and parts[1] == "androidpublisher" and parts[6] == "subscriptionsv2" and parts[7] == "tokens":
            if not self.authorized():
                return self.answer(401, {"error": {"code": 401, "message": "no credentials"}})
            token = unquote(parts[8])
            with lock:
                if self.served_over_limit("google"):
                    return
                if "gone" in token:
                    return self.answer(410, {"error": {"code": 410, "message": "expired for too long",
                                                       "errors": [{"reason": "subscriptionPurchaseNoLongerAvailable"}]}})
                expiry, etag = google_subscription(token)
            return self.answer(200, {"kind": "androidpublisher#subscriptionPurchaseV2", "regionCode": "KR",
                                     "subscriptionState": "SUBSCRIPTION_STATE_ACTIVE", "etag": etag,
                                     "lineItems": [{"productId": GOOGLE_PRODUCT, "expiryTime": rfc3339(expiry),
                                                    "autoRenewingPlan": {"autoRenewEnabled": True}}]})
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
            if self.served_over_limit("apple"):
                return
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
        if path == "/_subscribers":
            with lock:
                for product, ids in json.loads(body).items():
                    subscribers.setdefault(product, []).extend(ids)
            return self.answer(200, {})
        if path == "/inApps/v1/subscriptions/extend/mass":
            if not self.authorized():
                return self.answer(401, None)
            request = json.loads(body)
            rid = request["requestIdentifier"]
            with lock:
                served["apple"] += 1
                new_job = rid not in mass_jobs
                if new_job:
                    mass_jobs[rid] = {"product": request["productId"], "days": request["extendByDays"], "done": 0,
                                      "succeeded": 0, "failed": 0, "total": len(subscribers.get(request["productId"], []))}
            if new_job:
                threading.Thread(target=run_mass, args=(rid,), daemon=True).start()
            return self.answer(200, {"requestIdentifier": rid})
        if path == "/inApps/v1/notifications/history":
            if not self.authorized():
                return self.answer(401, None)
            request = json.loads(body)
            offset = int(parse_qs(self.path.split("?", 1)[1]).get("paginationToken", ["0"])[0]) if "?" in self.path else 0
            with lock:
                matching = [n for n in notes if n[0] == request.get("notificationType")
                            and request["startDate"] <= n[3] <= request["endDate"]]
            page = matching[offset:offset + 20]
            more = offset + 20 < len(matching)
            return self.answer(200, {"notificationHistory": [{"signedPayload": n[2], "sendAttempts": []} for n in page],
                                     "hasMore": more, **({"paginationToken": str(offset + 20)} if more else {})})
        if path == "/token":
            form = parse_qs(body)
            if "assertion" not in form:
                return self.answer(400, {"error": "invalid_grant"})
            return self.answer(200, {"access_token": "fake-" + str(uuid.uuid4()), "expires_in": 3599, "token_type": "Bearer"})
        parts = path.split("/")
        if len(parts) == 9 and parts[6] == "subscriptionsv2" and parts[8].endswith(":defer"):
            if not self.authorized():
                return self.answer(401, {"error": {"code": 401, "message": "no credentials"}})
            token = unquote(parts[8][:-len(":defer")])
            context = json.loads(body)["deferralContext"]
            with lock:
                if self.served_over_limit("google"):
                    return
                current, etag = google_subscription(token)
                if context.get("etag") != etag:
                    return self.answer(400, {"error": {"code": 400, "message": "etag does not match the latest",
                                                       "errors": [{"reason": "invalid"}]}})
                seconds = float(str(context.get("deferDuration", "0s")).rstrip("s") or 0)
                desired = current + int(seconds * 1000)
                google_expiry[token] = desired
                google_etag[token] = "etag-" + uuid.uuid4().hex
                google_count[token] = google_count.get(token, 0) + 1
            time.sleep(DELAY)
            return self.answer(200, {"itemExpiryTimeDetails": [{"productId": GOOGLE_PRODUCT, "expiryTime": rfc3339(desired)}]})
        self.answer(404, {})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client killed mid-request (the crash test's point) is not an error of the fake
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


if os.environ.get("FAKE_APPLE_ROOT_FILE"):
    signer = Notary(os.environ["FAKE_APPLE_ROOT_FILE"])
Server(("127.0.0.1", PORT), Handler).serve_forever()
