"""The AGI wire protocol (Asterisk Gateway Interface) over a FastAGI TCP connection.

Asterisk sends ``agi_*: value`` lines and a blank line, then waits for one command at a time
and answers each with ``200 result=<n> [data]``; ``511``/EOF means the caller hung up.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Protocol

_RESULT = re.compile(r"^200 result=(-?\d*)\s*(?:\((.*?)\))?\s*(.*)$")


class _Reader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


class _Writer(Protocol):
    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class HungUp(Exception):
    """The caller hung up (or Asterisk closed the connection)."""


class AgiError(RuntimeError):
    """Asterisk refused a command (5xx other than a hang-up)."""


@dataclass(frozen=True)
class Reply:
    code: int
    result: str
    note: str  # e.g. "timeout" in ``200 result= (timeout)``
    rest: str

    @property
    def number(self) -> int:
        return int(self.result) if self.result.lstrip("-").isdigit() else 0


def quote(value: str) -> str:
    """An AGI argument: double-quoted, with quotes and backslashes escaped, one line."""
    cleaned = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")
    return f'"{cleaned}"'


class AgiChannel:
    def __init__(self, reader: _Reader, writer: _Writer) -> None:
        self.reader = reader
        self.writer = writer
        self.env: dict[str, str] = {}

    def _line(self) -> str:
        raw = self.reader.readline(8192)
        if not raw:
            raise HungUp()
        return raw.decode("utf-8", "replace").rstrip("\r\n")

    def read_env(self) -> dict[str, str]:
        while True:
            line = self._line()
            if not line:
                return self.env
            key, _, value = line.partition(":")
            self.env[key.strip()] = value.strip()

    def command(self, text: str) -> Reply:
        self.writer.write((text + "\n").encode("utf-8"))
        self.writer.flush()
        line = self._line()
        while line == "HANGUP":  # enhanced AGI announces the hang-up before the reply
            line = self._line()
        if line.startswith("511") or line.startswith("HANGUP"):
            raise HungUp()
        match = _RESULT.match(line)
        if match is None:
            raise AgiError(line[:200])
        return Reply(200, match.group(1), match.group(2) or "", match.group(3))

    # --- the commands the dialogue uses ------------------------------------------------

    def answer(self) -> None:
        self.command("ANSWER")

    def stream(self, sound: str, escape: str = "") -> str:
        """Play a sound; returns the DTMF digit that interrupted it, if any."""
        reply = self.command(f"STREAM FILE {sound} {quote(escape)}")
        if reply.number < 0:
            raise HungUp()
        return chr(reply.number) if reply.number > 0 else ""

    def get_data(self, sound: str, timeout_ms: int, max_digits: int) -> str:
        reply = self.command(f"GET DATA {sound} {timeout_ms} {max_digits}")
        if reply.result.startswith("-"):
            raise HungUp()
        return reply.result if reply.note != "timeout" or reply.result else ""

    def record(self, sound: str, max_ms: int, silence_s: int = 2) -> None:
        reply = self.command(f"RECORD FILE {sound} wav {quote('#')} {max_ms} 0 BEEP s={silence_s}")
        if reply.number < 0:
            raise HungUp()

    def exec(self, application: str, options: str) -> Reply:
        return self.command(f"EXEC {application} {quote(options)}")

    def hangup(self) -> None:
        with contextlib.suppress(HungUp):
            self.command("HANGUP")
