#!/usr/bin/python3
"""A local SMS gateway for development (`make run`), speaking the brandname gateway's JSON API.

POST <any path> with a JSON body {"ApiKey","SecretKey","Phone","Content","Brandname",
"SmsType","IsUnicode","RequestId",...} is answered 200 {"CodeResult":"100","SMSID":"..."}
when the keys match (--api-key / --secret-key), else {"CodeResult":"101"}. Each accepted SMS
is appended as one JSON line to --file (phone, content, brandname, isUnicode, requestId,
receivedAt); a RequestId seen before is answered 100 again and not stored twice, as real
gateways do. GET /healthz answers 200.

Python's standard library only. Stops cleanly on SIGTERM / SIGINT.
Usage: /usr/bin/python3 scripts/sms_sink.py --host 127.0.0.1 --port 8086 --file var/sms/messages.jsonl
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8086)
    parser.add_argument("--file", required=True)
    parser.add_argument("--api-key", default="")
    parser.add_argument("--secret-key", default="")
    args = parser.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.file)), exist_ok=True)
    lock = threading.Lock()
    seen = set()

    class Gateway(BaseHTTPRequestHandler):
        def answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.answer(200 if self.path == "/healthz" else 404, {})

        def do_POST(self) -> None:  # noqa: N802
            try:
                request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            except ValueError:
                self.answer(400, {"CodeResult": "99", "ErrorMessage": "body is not JSON"})
                return
            if request.get("ApiKey") != args.api_key or request.get("SecretKey") != args.secret_key:
                self.answer(200, {"CodeResult": "101", "ErrorMessage": "wrong ApiKey or SecretKey"})
                return
            request_id = request.get("RequestId") or str(uuid.uuid4())
            with lock:
                if request_id not in seen:
                    seen.add(request_id)
                    record = {
                        "phone": request.get("Phone"), "content": request.get("Content"),
                        "brandname": request.get("Brandname"), "isUnicode": request.get("IsUnicode") == "1",
                        "requestId": request_id, "receivedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    }
                    with open(args.file, "a", encoding="utf-8") as out:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    print(f"sms: to={record['phone']} request_id={request_id} chars={len(record['content'] or '')}", flush=True)
            self.answer(200, {"CodeResult": "100", "SMSID": request_id})

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer((args.host, args.port), Gateway)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"sms: listening on {args.host}:{args.port}, storing to {args.file}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
