"""A stand-in for Asterisk speaking FastAGI to our server, with a scripted caller.

It connects like Asterisk does (agi_* variables, blank line), then answers every command as
Asterisk would: it checks that each sound we ask it to play exists in the shared sounds
directory as 8 kHz mono 16-bit WAV containing speech, "hears" it (the text is resolved
through the tests' list of expected phrases), plays the caller's keypad digits from the
script for GET DATA, writes the caller's recorded voice for RECORD FILE, and records dials.
"""

from __future__ import annotations

import shlex
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jichitai_ai.channels.voice.audio import read_wav, voiced_seconds


@dataclass
class Caller:
    """What the caller does: keypad digits (GET DATA) and utterances (RECORD FILE), in order."""

    digits: list[str] = field(default_factory=list)
    #: WAV bytes the caller "says" for each RECORD FILE (8 kHz, written where Asterisk would).
    voice: list[bytes] = field(default_factory=list)
    hang_up_after: int = 0  # commands; 0 = never


@dataclass
class CallLog:
    commands: list[str] = field(default_factory=list)
    played: list[str] = field(default_factory=list)  # resolved texts (or file names if unknown)
    dialled: list[str] = field(default_factory=list)
    recordings: list[Path] = field(default_factory=list)
    hung_up: bool = False


def call(
    port: int,
    script: str,
    caller: Caller,
    sounds_dir: Path,
    prefix: str,
    hear: Callable[[str], str],
) -> CallLog:
    log = CallLog()
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        stream = sock.makefile("rwb")
        env = {
            "agi_network": "yes",
            "agi_network_script": script,
            "agi_request": f"agi://127.0.0.1:{port}/{script}",
            "agi_channel": "PJSIP/trunk-00000001",
            "agi_language": "ja",
            "agi_callerid": "0000009999",
            "agi_uniqueid": "1764460800.1",
            "agi_context": "from-trunk",
            "agi_extension": "100",
        }
        for key, value in env.items():
            stream.write(f"{key}: {value}\n".encode())
        stream.write(b"\n")
        stream.flush()
        while True:
            line = stream.readline()
            if not line:
                return log
            command = line.decode().strip()
            log.commands.append(command)
            if caller.hang_up_after and len(log.commands) >= caller.hang_up_after:
                log.hung_up = True
                return log  # the caller hangs up: the socket closes
            reply = _answer(command, caller, log, sounds_dir, prefix, hear)
            stream.write((reply + "\n").encode())
            stream.flush()
            if command == "HANGUP":
                return log


def _check_sound(name: str, sounds_dir: Path, prefix: str) -> Path:
    assert name.startswith(prefix + "/"), name
    path = sounds_dir / (name[len(prefix) + 1 :] + ".wav")
    assert path.is_file(), f"Asterisk cannot find {path}"
    pcm = read_wav(path.read_bytes())
    assert pcm.rate == 8000, f"{path} is {pcm.rate} Hz, Asterisk's .wav is 8 kHz"
    assert voiced_seconds(pcm) > 0.3, f"{path} is silent"
    return path


def _answer(
    command: str,
    caller: Caller,
    log: CallLog,
    sounds_dir: Path,
    prefix: str,
    hear: Callable[[str], str],
) -> str:
    words = shlex.split(command)
    verb = " ".join(words[:2]).upper() if len(words) > 1 else words[0].upper()
    if words[0] == "ANSWER":
        return "200 result=0"
    if words[0] == "HANGUP":
        return "200 result=1"
    if verb in ("STREAM FILE", "GET DATA"):
        path = _check_sound(words[2], sounds_dir, prefix)
        log.played.append(hear(path.stem))
        if verb == "STREAM FILE":
            return "200 result=0 endpos=8000"
        digits = caller.digits.pop(0) if caller.digits else ""
        return f"200 result={digits}" if digits else "200 result= (timeout)"
    if verb == "RECORD FILE":
        name, fmt = words[2], words[3]
        assert fmt == "wav"
        path = sounds_dir / (name[len(prefix) + 1 :] + ".wav")
        if caller.voice:
            path.write_bytes(caller.voice.pop(0))
            log.recordings.append(path)
        return "200 result=35 (dtmf) endpos=16000"
    if words[0] == "EXEC" and len(words) >= 3:
        log.dialled.append(words[2]) if words[1] == "Dial" else None
        return "200 result=0"
    return "510 Invalid or unknown command"
