"""A local stand-in for an OpenAI-compatible ``/v1/audio/transcriptions`` server.

No speech model can be installed here, so the stand-in "recognises" only the clips a test
registered (by SHA-256 of the exact bytes, so a clip altered on the way is not recognised),
plus, for browser recordings, any WebM upload of speech length once told what was said.
It checks the multipart shape our adapter must send (file, model, language).
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, File, Form, Header, UploadFile
from fastapi.responses import JSONResponse

from tests.browser import free_port


@dataclass
class Heard:
    media_type: str
    size: int
    model: str
    language: str
    head: bytes


@dataclass
class Recogniser:
    api_key: str = "asr-key"
    clips: dict[str, str] = field(default_factory=dict)
    webm_transcripts: list[str] = field(default_factory=list)
    uploads: list[Heard] = field(default_factory=list)

    def learn(self, audio: bytes, text: str) -> None:
        self.clips[hashlib.sha256(audio).hexdigest()] = text

    def app(self) -> FastAPI:
        api = FastAPI()

        @api.post("/v1/audio/transcriptions")
        async def transcribe(
            file: UploadFile = File(...),
            model: str = Form(...),
            language: str = Form(""),
            response_format: str = Form("json"),
            authorization: str = Header(""),
        ) -> Any:
            if authorization != f"Bearer {self.api_key}":
                return JSONResponse({"error": {"message": "bad key"}}, status_code=401)
            data = await file.read()
            self.uploads.append(
                Heard(file.content_type or "", len(data), model, language, data[:4])
            )
            text = self.clips.get(hashlib.sha256(data).hexdigest())
            is_webm = data[:4] == b"\x1a\x45\xdf\xa3"
            if text is None and is_webm and len(data) > 8000 and self.webm_transcripts:
                text = self.webm_transcripts.pop(0)
            return {"text": text or ""}

        return api


@dataclass
class Running:
    url: str
    recogniser: Recogniser
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start(recogniser: Recogniser) -> Running:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            recogniser.app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("ASR stand-in did not start")
        threading.Event().wait(0.05)
    return Running(f"http://127.0.0.1:{port}", recogniser, server, thread)
