#!/usr/bin/env python3
"""Owners for bench/claims.lua: each wrk thread files claims for businesses (thread, 1..PER_THREAD), and
every PER_TOKEN consecutive businesses belong to one owner, signed in with a development token that
carries their registration numbers (as a business certificate login would) and paid into the owner's
own account. Writes the tokens (one line: thread, owner index, token) and the demo bank's list of the
owners' accounts (bank,accountNumber,holderName).

  bench/owner_tokens.py THREADS PER_THREAD PER_TOKEN TOKENS_FILE BANK_FILE
"""
import base64
import json
import os
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5]
# the longest lifetime the services accept (JWT_MAX_LIFETIME_SECONDS)
TTL_SECONDS = 43200


def business_number(thread, counter):
    """The same numbers as claims.lua: office 101 + thread, kind and serial from the counter, check digit."""
    nine = "%03d%02d%04d" % (101 + thread, 1 + (counter // 9999) % 99, 1 + counter % 9999)
    total = sum(int(d) * w for d, w in zip(nine, WEIGHTS)) + int(nine[8]) * 5 // 10
    return nine + str((10 - total % 10) % 10)


def owner_account(thread, owner):
    return "110-%02d-%06d" % (thread, owner)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signer():
    """RS256 with the development key: in this process where the cryptography package is there (thousands
    of tokens in seconds), else through bin/dev-token (a process per token)."""
    try:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding
    except ImportError:
        return None
    with open(os.path.join(ROOT, "dev-keys", "dev-jwt-private.pem"), "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)

    def sign(subject, name, numbers, ttl):
        now = int(time.time())
        claims = {"iss": os.environ.get("JWT_ISSUER", "https://auth.compensation-suite.example"), "sub": subject,
                  "upn": subject, "aud": ["payout-service"], "groups": ["business-owner"], "iat": now, "exp": now + ttl,
                  "jti": str(uuid.uuid4()), "business_numbers": numbers.split(","), "name": name}
        head = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode()) + "." + b64url(json.dumps(claims).encode())
        return head + "." + b64url(key.sign(head.encode(), padding.PKCS1v15(), hashes.SHA256()))
    return sign


def main():
    threads, per_thread, per_token = (int(a) for a in sys.argv[1:4])
    tokens_file, bank_file = sys.argv[4:6]
    sign = signer()
    with open(tokens_file, "w") as tokens, open(bank_file, "w") as bank:
        bank.write("bank,accountNumber,holderName\n")
        for thread in range(threads):
            for owner in range((per_thread + per_token - 1) // per_token + 1):
                first = owner * per_token + 1
                numbers = ",".join(business_number(thread, c) for c in range(first, first + per_token))
                name = "Bench Owner %d-%d" % (thread, owner)
                subject = "bench-owner-%d-%d@example.com" % (thread, owner)
                if sign:
                    token = sign(subject, name, numbers, TTL_SECONDS)
                else:
                    env = dict(os.environ, BUSINESS_NUMBERS=numbers, NAME=name, AUDIENCE="payout-service")
                    token = subprocess.run([os.path.join(ROOT, "bin", "dev-token"), "business-owner", subject,
                                            str(TTL_SECONDS)], check=True, capture_output=True, text=True, env=env).stdout.strip()
                tokens.write("%d %d %s\n" % (thread, owner, token))
                bank.write("KB,%s,%s\n" % (owner_account(thread, owner), name))


if __name__ == "__main__":
    main()
