"""A local SMTP server that keeps every message in a maildir, and a way to read them.

    python tools/mailcatcher.py serve [--port 8025] [--maildir .cache/mail]   # until Ctrl-C / SIGTERM
    python tools/mailcatcher.py list  [--maildir .cache/mail]                 # date, to, subject
    python tools/mailcatcher.py show N [--maildir .cache/mail]                # one message, as sent

`make stack` runs `serve` as its SMTP relay (aiosmtpd, 127.0.0.1 only); `make mail` runs `list`.
In a real deployment the site talks to the organisation's SMTP relay instead (EMAIL_HOST …).
"""

import argparse
import mailbox
import signal
import sys
import threading
from email.header import decode_header, make_header
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MAILDIR = ROOT / ".cache" / "mail"


def _text(value) -> str:
    return str(make_header(decode_header(value or "")))


def serve(port: int, maildir: Path) -> int:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Mailbox

    maildir.parent.mkdir(parents=True, exist_ok=True)
    controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"mailcatcher: SMTP on 127.0.0.1:{port}, keeping every message in {maildir}", flush=True)
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    controller.stop()
    return 0


def messages(maildir: Path) -> list:
    if not maildir.exists():
        return []
    box = mailbox.Maildir(maildir, create=False)
    return sorted((box.get_message(key) for key in box.keys()), key=lambda m: m.get_date())


def list_messages(maildir: Path) -> int:
    found = messages(maildir)
    for number, message in enumerate(found, 1):
        when = message.get("Date", "")
        print(f"{number:4}  {when[:31]:31}  {_text(message['To'])[:40]:40}  {_text(message['Subject'])}")
    print(f"{len(found)} messages in {maildir}")
    return 0


def show_message(maildir: Path, number: int) -> int:
    found = messages(maildir)
    if not 1 <= number <= len(found):
        print(f"no message {number}; there are {len(found)}", file=sys.stderr)
        return 1
    message = found[number - 1]
    for header in ("Date", "From", "To", "Subject", "Message-ID"):
        print(f"{header}: {_text(message[header])}")
    print()
    for part in message.walk():  # a booking confirmation: the text, then the calendar file
        if part.is_multipart():
            continue
        name = part.get_filename()
        if name:
            print(f"[attachment {name}, {part.get_content_type()}]")
        payload = part.get_payload(decode=True) or b""
        print(payload.decode(part.get_content_charset() or "utf-8", "replace"))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("command", choices=["serve", "list", "show"])
    parser.add_argument("number", nargs="?", type=int, default=0)
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--maildir", type=Path, default=DEFAULT_MAILDIR)
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve(args.port, args.maildir)
    if args.command == "show":
        return show_message(args.maildir, args.number)
    return list_messages(args.maildir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
