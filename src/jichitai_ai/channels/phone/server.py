"""FastAGI server: one thread per call; the tenant comes from the AGI URL (agi://host/<slug>)."""

from __future__ import annotations

import logging
import socketserver
from pathlib import Path

from jichitai_ai.channels.phone.agi import AgiChannel
from jichitai_ai.channels.phone.call import PhoneCall, PhoneOptions
from jichitai_ai.channels.voice.service import VoiceService
from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform

log = logging.getLogger(__name__)
DEFAULT_PORT = 4573


def options_from(settings: Settings) -> PhoneOptions:
    raw = settings.section("phone")
    return PhoneOptions(
        sounds_dir=Path(str(raw.get("sounds_dir", "/var/lib/asterisk/sounds/jichitai"))),
        sound_prefix=str(raw.get("sound_prefix", "jichitai")),
        dial=str(raw.get("dial", "PJSIP/{number}@trunk")),
        record_ms=int(raw.get("record_ms", 10000)),
        digit_timeout_ms=int(raw.get("digit_timeout_ms", 6000)),
    )


class AgiServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], voice: VoiceService, options: PhoneOptions
    ) -> None:
        self.voice = voice
        self.options = options
        options.sounds_dir.mkdir(parents=True, exist_ok=True)
        super().__init__(address, _Handler)


class _Handler(socketserver.StreamRequestHandler):
    server: AgiServer
    timeout = 300  # no call waits five minutes for one command

    def handle(self) -> None:
        call = PhoneCall(self.server.voice, self.server.options, AgiChannel(self.rfile, self.wfile))
        try:
            call.run()
        except (OSError, RuntimeError) as exc:
            log.warning("phone call ended with an error: %s", exc)


def make_server(platform: Platform, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> AgiServer:
    return AgiServer(
        (host, port), VoiceService(platform, channel="phone"), options_from(platform.settings)
    )
