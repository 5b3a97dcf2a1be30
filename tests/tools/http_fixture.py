#!/usr/bin/env python3
"""A local HTTP server standing in for YouTube (oEmbed and thumbnails) and for
web pages, for the online link check tests and benchmark. It listens on
127.0.0.1 on a free port, prints the port on the first line of standard
output, and serves until killed.

  http_fixture.py [--log FILE]

Every request is appended to FILE as "METHOD PATH SECONDS INFLIGHT USER-AGENT":
monotonic time, and how many requests to the same Host header (this one
included) the server was answering when it arrived.
Videos behave by id (see VIDEOS); any other valid-looking id is a video that
exists, titled "Title of ID" (answered after 0.2 s when the id starts
with "lag"). Web paths behave as listed in web(): /huge-header and
/many-headers answer with a header of 1 MiB (one line, or 20,000).
"""
import argparse
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TEN_MB = 10 * 1024 * 1024

# id -> (oEmbed behaviour, thumbnail behaviour)
VIDEOS = {
    "embedOff00A": ("401", "200"),
    "removed000A": ("404", "404"),
    "badRequestA": ("400", "404"),
    "notPublic0A": ("404", "200"),
    "rateOnce00A": ("429-once", "200"),
    "rateAlwaysA": ("429", "429"),
    "flaky50000A": ("500-once", "200"),
    "down503000A": ("503", "200"),
    "slowSlow00A": ("slow", "slow"),
    "loopLoop00A": ("loop", "loop"),
    "hugeBody00A": ("huge", "200"),
    "badJson000A": ("bad-json", "200"),
    "unicode000A": ("unicode", "200"),
    "elsewhere0A": ("elsewhere", "200"),
}
PLAYLISTS = {"PLgone": "404", "PLprivate": "401", "PLslow": "slow"}

counts = {}
inflight = {}
lock = threading.Lock()
log_file = None


def seen(key):
    """How many times `key` was requested before."""
    with lock:
        n = counts.get(key, 0)
        counts[key] = n + 1
        return n


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in separate writes
    server_version = "fixture"
    sys_version = ""

    def log_message(self, *args):
        pass

    def log_request_line(self, busy):
        if log_file:
            with lock:
                agent = self.headers.get("User-Agent", "")
                log_file.write(f"{self.command} {self.path} {time.monotonic():.3f} {busy} {agent}\n")
                log_file.flush()

    def send(self, status, body=b"", headers=None, content_type="application/json"):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def send_huge(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(TEN_MB))
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = b" " * 65536
        try:
            for _ in range(TEN_MB // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def behave(self, how, key, ok_body=b"", content_type="application/json"):
        if how == "200":
            self.send(200, ok_body, content_type=content_type)
        elif how in ("400", "401", "403", "404", "410", "500", "503"):
            self.send(int(how), b"{}")
        elif how == "429":
            self.send(429, b"{}", {"Retry-After": "1"})
        elif how == "429-once":
            if seen(key) == 0:
                self.send(429, b"{}", {"Retry-After": "1"})
            else:
                self.send(200, ok_body, content_type=content_type)
        elif how == "500-once":
            if seen(key) == 0:
                self.send(500, b"{}")
            else:
                self.send(200, ok_body, content_type=content_type)
        elif how == "lag":
            time.sleep(0.2)
            self.send(200, ok_body, content_type=content_type)
        elif how == "slow":
            time.sleep(3)
            self.send(200, ok_body, content_type=content_type)
        elif how == "loop":
            self.send(302, b"", {"Location": self.path})
        elif how == "elsewhere":
            # This server under another host name: a redirect off the trusted endpoint.
            port = self.server.server_address[1]
            self.send(302, b"", {"Location": f"http://localhost:{port}/page"})
        elif how == "huge":
            self.send_huge()
        elif how == "bad-json":
            self.send(200, b'{"title": oops, "author_name": ')
        else:
            self.send(500, b"unknown behaviour")

    def oembed(self, query):
        page = urllib.parse.parse_qs(query).get("url", [""])[0]
        parsed = urllib.parse.urlparse(page)
        params = urllib.parse.parse_qs(parsed.query)
        if "v" in params:
            vid = params["v"][0]
            how = VIDEOS.get(vid, ("lag" if vid.startswith("lag") else "200", "200"))[0]
            title = f"Title of {vid}"
            if how == "unicode":
                how = "200"
                title = "\u6df1\u5ea6\u4f2a\u9020 \U0001F600 \"quoted\"\n"
            body = json.dumps({"title": title, "author_name": f"Channel {vid[:3]}",
                               "type": "video", "version": "1.0"}).encode()
            self.behave(how, "oembed:" + vid, body)
        elif "list" in params:
            lid = params["list"][0]
            how = PLAYLISTS.get(lid, "200")
            body = json.dumps({"title": f"Playlist {lid}", "author_name": "Lister"}).encode()
            self.behave(how, "oembed:" + lid, body)
        else:
            self.send(400, b"Bad Request", content_type="text/plain")

    def thumbnail(self, vid):
        how = VIDEOS.get(vid, ("200", "200"))[1]
        self.behave(how, "thumb:" + vid, b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg")

    def web(self, path):
        if path == "/page":
            self.send(200, b"<html>page</html>", content_type="text/html")
        elif path == "/no-head":
            if self.command == "HEAD":
                self.send(405, b"")
            else:
                self.send(200, b"<html>page</html>", content_type="text/html")
        elif path in ("/missing", "/gone", "/login"):
            self.send({"/missing": 404, "/gone": 410, "/login": 401}[path], b"no",
                      content_type="text/plain")
        elif path == "/redirect":
            self.send(301, b"", {"Location": "/page"})
        elif path == "/loop":
            self.send(302, b"", {"Location": "/loop"})
        elif path == "/big":
            if self.command == "HEAD":
                self.send(405, b"")
            else:
                self.send_huge()
        elif path == "/huge-header":
            # One header line of 1 MiB.
            self.send(200, b"ok", {"X-Padding": "a" * (1 << 20)}, content_type="text/plain")
        elif path == "/many-headers":
            # 20,000 header lines of 50 bytes: 1 MB of header in all.
            self.send(200, b"ok", {f"X-Padding-{i:05}": "b" * 30 for i in range(20000)},
                      content_type="text/plain")
        elif path == "/lag":
            time.sleep(0.2)
            self.send(200, b"late", content_type="text/plain")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, b"late", content_type="text/plain")
        else:
            self.send(404, b"no such fixture page", content_type="text/plain")

    def route(self):
        host = self.headers.get("Host", "")
        with lock:
            inflight[host] = inflight.get(host, 0) + 1
            busy = inflight[host]
        try:
            self.log_request_line(busy)
            self.answer()
        finally:
            with lock:
                inflight[host] -= 1

    def answer(self):
        parsed = urllib.parse.urlparse(self.path)
        parts = parsed.path.split("/")
        if parsed.path == "/oembed":
            self.oembed(parsed.query)
        elif len(parts) == 4 and parts[1] == "vi" and parts[3] == "hqdefault.jpg":
            self.thumbnail(parts[2])
        else:
            self.web(parsed.path)

    do_GET = route
    do_HEAD = route


def main():
    global log_file
    ap = argparse.ArgumentParser()
    ap.add_argument("--log")
    args = ap.parse_args()
    if args.log:
        log_file = open(args.log, "a", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 128
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
