#!/usr/bin/env python3
"""A messaging provider and an SMTP server for the notice benchmark and crash test.

    fake_messaging.py HTTP_PORT SMTP_PORT DELAY_SECONDS LEDGER_DIR

The provider behaves as entitlement-service's adapter expects (docs/operations.md, notices):
POST /v1/messages with Authorization "Bearer bench-provider-key" and an Idempotency-Key; a reference is
delivered once (202), a repeated one is answered 409 and not delivered again. The SMTP server takes
any mail (EHLO, MAIL, RCPT, DATA, QUIT). Each answers DELAY_SECONDS late. Every delivery is appended
to LEDGER_DIR/messages.log (reference) and LEDGER_DIR/emails.log (Message-ID), so a script can count
what arrived and whether anything arrived twice. GET /stats answers the counts as JSON.
"""
import json
import os
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTTP_PORT, SMTP_PORT, DELAY, LEDGER = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
KEY = "bench-provider-key"
lock = threading.Lock()
delivered = set()
stats = {"messageRequests": 0, "messagesDelivered": 0, "messagesRepeated": 0, "emails": 0}
messages_log = open(os.path.join(LEDGER, "messages.log"), "a", buffering=1)
emails_log = open(os.path.join(LEDGER, "emails.log"), "a", buffering=1)


class Provider(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with lock:
            self.answer(200, dict(stats))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if DELAY:
            time.sleep(DELAY)
        if self.headers.get("Authorization") != "Bearer " + KEY:
            return self.answer(401, {"error": "UNAUTHORIZED"})
        reference = self.headers.get("Idempotency-Key")
        request = json.loads(body)
        if not reference or not request.get("recipient"):
            return self.answer(400, {"error": "INVALID_REQUEST"})
        with lock:
            stats["messageRequests"] += 1
            first = reference not in delivered
            if first:
                delivered.add(reference)
                stats["messagesDelivered"] += 1
                messages_log.write(reference + "\n")
            else:
                stats["messagesRepeated"] += 1
        self.answer(202 if first else 409, {"messageId": "m-" + reference})


class Smtp(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 fake-messaging ESMTP")
        while True:
            line = self.rfile.readline().decode(errors="replace").rstrip("\r\n")
            if not line:
                return
            command = line.upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 fake-messaging")
            elif command.startswith(("MAIL FROM:", "RCPT TO:", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 end with .")
                message_id = ""
                while True:
                    data = self.rfile.readline().decode(errors="replace").rstrip("\r\n")
                    if data == ".":
                        break
                    if data.lower().startswith("message-id:"):
                        message_id = data.split(":", 1)[1].strip()
                if DELAY:
                    time.sleep(DELAY)
                with lock:
                    stats["emails"] += 1
                    emails_log.write(message_id + "\n")
                self.reply("250 OK queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class ThreadingSmtp(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


smtp = ThreadingSmtp(("127.0.0.1", SMTP_PORT), Smtp)
threading.Thread(target=smtp.serve_forever, daemon=True).start()
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", HTTP_PORT), Provider).serve_forever()
