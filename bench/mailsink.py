"""The town's mail server for benchmarks and fault tests: an SMTP server on loopback
(aiosmtpd) that keeps every accepted message.

``hold()`` makes it take the next message's data but not answer it – the sender waits
inside ``send()`` until ``release()`` (then the message is refused with a 451, as a
server going away would). ``held`` is set once a message is being held.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from bench.pages_servers import free_port


@dataclass
class Mail:
    to: list[str]
    subject: str
    body: str


class _Handler:
    def __init__(self, sink: MailSink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 – aiosmtpd's name
        sink = self.sink
        if sink.holding.is_set():
            sink.held.set()
            while sink.holding.is_set():  # not answered: the sender waits
                await asyncio.sleep(0.05)
            return "451 Requested action aborted"
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(("plain",))
        sink.accepted.append(
            Mail(list(envelope.rcpt_tos), str(message["Subject"]), body.get_content())
        )
        return "250 OK queued"


class MailSink:
    def __init__(self):
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}?tls=0"
        self.accepted: list[Mail] = []
        self.holding = threading.Event()
        self.held = threading.Event()  # a message's data arrived and is being held
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def hold(self) -> None:
        self.holding.set()

    def release(self) -> None:
        self.holding.clear()

    def stop(self) -> None:
        self.release()
        self.controller.stop()
