#!/usr/bin/python3
"""A local SMTP sink for development and tests (Debian's python3-aiosmtpd).

Every message received is written, whole, as one file MAIL_DIR/<time>-<seq>.eml
(written to MAIL_DIR/.tmp first, then renamed, so a reader never sees half a
message). The envelope is recorded in headers prepended to the message:

    X-Envelope-From: <sender>
    X-Envelope-To: <rcpt1>, <rcpt2>
    X-Peer: 127.0.0.1:54321
    X-Auth-Login: <login>        (only when the client authenticated)

AUTH PLAIN/LOGIN is offered without TLS and accepts any credentials, so a
client configured with a user and password works too. SMTPUTF8 is enabled.

Usage: /usr/bin/python3 scripts/smtp_sink.py --host 127.0.0.1 --port 2525 --dir var/smtp/mail
Stops cleanly on SIGTERM / SIGINT.
"""
import argparse
import asyncio
import itertools
import os
import signal
import sys
import time
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


# aiosmtpd 1.4 itself touches its deprecated Session.login_data when AUTH is used.
warnings.filterwarnings("ignore", message="Session.login_data is deprecated")


class MaildirSink:
    def __init__(self, mail_dir: str):
        self.mail_dir = os.path.abspath(mail_dir)
        self.tmp_dir = os.path.join(self.mail_dir, ".tmp")
        os.makedirs(self.tmp_dir, exist_ok=True)
        self.seq = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        headers = [
            f"X-Envelope-From: {envelope.mail_from}",
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}",
            f"X-Peer: {session.peer[0]}:{session.peer[1]}" if session.peer else "X-Peer: unknown",
        ]
        login = getattr(session, "auth_data", None)
        if isinstance(login, LoginPassword):
            headers.append(f"X-Auth-Login: {login.login.decode('utf-8', 'replace')}")
        content = envelope.original_content or b""
        data = ("\r\n".join(headers) + "\r\n").encode("utf-8") + content

        name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{next(self.seq):06d}.eml"
        tmp = os.path.join(self.tmp_dir, name)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.mail_dir, name))
        print(
            f"smtp: stored {name} from={envelope.mail_from} to={','.join(envelope.rcpt_tos)} bytes={len(content)}",
            flush=True,
        )
        return "250 Message accepted for delivery"


def accept_any(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=True, auth_data=auth_data)


async def main(args) -> int:
    sink = MaildirSink(args.dir)
    loop = asyncio.get_running_loop()

    def factory():
        return SMTP(
            sink,
            hostname="localhost",
            enable_SMTPUTF8=True,
            auth_require_tls=False,
            authenticator=accept_any,
            loop=loop,
        )

    server = await loop.create_server(factory, host=args.host, port=args.port)
    print(f"smtp: listening on {args.host}:{args.port}, mail in {sink.mail_dir}", flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()
    print("smtp: stopped", flush=True)
    return 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=int(os.environ.get("SMTP_PORT", "2525")))
    p.add_argument("--dir", required=True)
    sys.exit(asyncio.run(main(p.parse_args())))
