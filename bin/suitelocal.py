"""Pieces the local runs of the suite share (bin/probe-check, bin/cluster-like-run): a TCP relay to
PostgreSQL that can be cut like a network partition, and HTTP helpers that answer the way a kubelet
or a client sees a service."""
import json
import os
import random
import socket
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB_HOST = os.environ.get("DB_HOST", "127.0.0.1")
DB_PORT = int(os.environ.get("DB_PORT", "5432"))


class Relay:
    """A loopback TCP relay to PostgreSQL that can be cut and restored on the same port."""

    def __init__(self):
        self.port = None
        self.server = None
        self.open = set()
        self.lock = threading.Lock()

    def start(self):
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port or self._free_port_below_ephemeral()))
        server.listen(64)
        self.port = server.getsockname()[1]
        with self.lock:
            self.server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    @staticmethod
    def _free_port_below_ephemeral():
        """A port outside the kernel's ephemeral range: while cut, the services keep reconnecting to it,
        and a connect to a free ephemeral port on loopback can now and then connect to itself."""
        low = 32768
        try:
            with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
                low = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
        for _ in range(200):
            port = random.randrange(max(1024, low - 12000), low)
            probe = socket.socket()
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
            finally:
                probe.close()
        return 0

    def cut(self):
        # shutdown wakes the thread blocked in accept(), so the port is really released
        with self.lock:
            server, self.server = self.server, None
        try:
            server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        server.close()
        with self.lock:
            for s in list(self.open):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self.open.clear()

    def _accept(self, server):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection((DB_HOST, DB_PORT))
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.server is not server:
                    # accepted just before a cut: a partition lets nothing through, not even this one
                    client.close()
                    upstream.close()
                    return
                self.open.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                try:
                    s.close()
                except OSError:
                    pass


def status(port, path):
    """The HTTP status of a GET, or None when nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as resp:
            return resp.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def wait_for(port, path, expected, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if status(port, path) == expected:
            return True
        time.sleep(0.25)
    return False


def call(method, url, body=None, token=None, headers=None, content_type="application/json"):
    """(status, parsed JSON body or text) of one request; never raises for an HTTP error status."""
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            status_code, raw = resp.status, resp.read().decode()
    except urllib.error.HTTPError as e:
        status_code, raw = e.code, e.read().decode()
    except OSError as e:
        return None, str(e)
    try:
        return status_code, json.loads(raw) if raw else None
    except ValueError:
        return status_code, raw
