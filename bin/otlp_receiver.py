"""A stand-in for the OpenTelemetry collector: receives OTLP/HTTP protobuf traces (POST /v1/traces)
and appends each span as one JSON line. The protobuf wire format is read by hand (no protobuf
package on these machines), for the fields of opentelemetry/proto/trace/v1 that a reader needs.
Usage: python3 bin/otlp_receiver.py PORT OUT.jsonl
"""
import gzip
import json
import struct
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

KINDS = {1: "INTERNAL", 2: "SERVER", 3: "CLIENT", 4: "PRODUCER", 5: "CONSUMER"}


def varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, i
        shift += 7


def fields(buf):
    """(field number, value) pairs; length-delimited values are bytes, fixed64 are ints."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = struct.unpack_from("<Q", buf, i)[0], i + 8
        elif wire == 2:
            length, i = varint(buf, i)
            value, i = buf[i:i + length], i + length
        elif wire == 5:
            value, i = struct.unpack_from("<I", buf, i)[0], i + 4
        else:
            raise ValueError("wire type %d" % wire)
        yield number, value


def any_value(buf):
    for number, value in fields(buf):
        if number == 1:
            return value.decode()
        if number == 2:
            return bool(value)
        if number == 3:
            return value - (1 << 64) if value >= 1 << 63 else value
        if number == 4:
            return struct.unpack("<d", struct.pack("<Q", value))[0]
    return None


def attributes(entries):
    out = {}
    for entry in entries:
        key = value = None
        for number, v in fields(entry):
            if number == 1:
                key = v.decode()
            elif number == 2:
                value = any_value(v)
        out[key] = value
    return out


def spans(request):
    for number, resource_spans in fields(request):
        if number != 1:
            continue
        service, scope_spans = None, []
        for n, v in fields(resource_spans):
            if n == 1:
                service = attributes(a for k, a in fields(v) if k == 1).get("service.name")
            elif n == 2:
                scope_spans.append(v)
        for scope in scope_spans:
            for n, span in fields(scope):
                if n != 2:
                    continue
                s = {"service": service, "attributes": []}
                for k, v in fields(span):
                    if k == 1:
                        s["traceId"] = v.hex()
                    elif k == 2:
                        s["spanId"] = v.hex()
                    elif k == 4:
                        s["parentSpanId"] = v.hex()
                    elif k == 5:
                        s["name"] = v.decode()
                    elif k == 6:
                        s["kind"] = KINDS.get(v, str(v))
                    elif k == 7:
                        s["startNanos"] = v
                    elif k == 8:
                        s["endNanos"] = v
                    elif k == 9:
                        s["attributes"].append(v)
                s["attributes"] = attributes(s["attributes"])
                s["durationNanos"] = s.pop("endNanos", 0) - s.get("startNanos", 0)
                yield s


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        with open(sys.argv[2], "a") as out:
            for s in spans(body):
                out.write(json.dumps(s) + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
