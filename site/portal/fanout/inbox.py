"""A channel's bounded inbox: a deque and at most one waiting receiver.

Lighter than ``asyncio.Queue`` (no getter/putter deques, no loop check per put): the
subscriber task puts one message into hundreds of inboxes per group message.
"""

from __future__ import annotations

import asyncio
from collections import deque


class Inbox:
    __slots__ = ("capacity", "dropped", "items", "waiter")

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque = deque()
        self.waiter: asyncio.Future | None = None
        self.dropped = 0

    def put(self, message) -> bool:
        """False (and the message dropped) when the inbox is full: a socket that does not
        keep up must not hold up the others, nor the process's memory."""
        if len(self.items) >= self.capacity:
            self.dropped += 1
            return False
        self.items.append(message)
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        return True

    async def get(self):
        while not self.items:
            waiter = self.waiter = asyncio.get_running_loop().create_future()
            try:
                await waiter
            finally:
                if self.waiter is waiter:
                    self.waiter = None
        return self.items.popleft()

    def take_all(self) -> list:
        """Every waiting message at once (the consumer's fast path)."""
        items = list(self.items)
        self.items.clear()
        return items
