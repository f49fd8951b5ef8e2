"""A real OpenAI-compatible chat server on 127.0.0.1 (random port) for the gateway tests.

It answers with the last user message it received (so placeholders come back and
restoring can be checked), streams in 3-character SSE pieces (so placeholders arrive
split), and records every request: path, query, headers and parsed body.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.background_server import POLL_SECONDS


@dataclass
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, Any]

    def text(self) -> str:
        """Every message content the model saw, joined."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


@dataclass
class FakeLLM:
    url: str
    received: list[Received] = field(default_factory=list)
    fail_with: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.received.clear()
        self.fail_with = 0

    def all_text(self) -> str:
        with self.lock:
            return "\n".join(r.text() for r in self.received)

    def raw_bodies(self) -> str:
        with self.lock:
            return "\n".join(json.dumps(r.body, ensure_ascii=False) for r in self.received)


def answer_for(body: dict[str, Any]) -> str:
    last = next((m for m in reversed(body["messages"]) if m["role"] == "user"), {"content": ""})
    return f"確認しました: {last['content']}"


def make_handler(state: FakeLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("content-length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            with state.lock:
                state.received.append(
                    Received(
                        parts.path,
                        parse_qs(parts.query),
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                )
            if state.fail_with:
                self._send(state.fail_with, b'{"error": "boom"}', "application/json")
                return
            if not parts.path.endswith("/chat/completions"):
                self._send(404, b"{}", "application/json")
                return
            text = answer_for(body)
            if body.get("tools"):
                self._tool_call(body, text)
                return
            if body.get("stream"):
                self._stream(body, text)
                return
            payload = {
                "id": "fake-1",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "deployment"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
            }
            self._send(200, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

        def _tool_call(self, body: dict[str, Any], text: str) -> None:
            """With tools: call the first one, passing the user's text as its argument."""
            name = body["tools"][0]["function"]["name"]
            arguments = json.dumps({"text": text}, ensure_ascii=False)
            call = {"id": "call_1", "type": "function", "function": {"name": name}}
            if body.get("stream"):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                first = {**call, "index": 0, "function": {"name": name, "arguments": ""}}
                self._event({"choices": [{"index": 0, "delta": {"tool_calls": [first]}}]})
                for start in range(0, len(arguments), 4):
                    piece = {"index": 0, "function": {"arguments": arguments[start : start + 4]}}
                    self._event({"choices": [{"index": 0, "delta": {"tool_calls": [piece]}}]})
                self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True
                return
            message = {
                "role": "assistant",
                "content": None,
                "tool_calls": [{**call, "function": {"name": name, "arguments": arguments}}],
            }
            payload = {
                "id": "fake-2",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "deployment"),
                "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
            }
            self._send(200, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

        def _stream(self, body: dict[str, Any], text: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            for start in range(0, len(text), 3):
                chunk = {"choices": [{"index": 0, "delta": {"content": text[start : start + 3]}}]}
                self._event(chunk)
            self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            if body.get("stream_options", {}).get("include_usage"):
                self._event({"choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 9}})
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

        def _event(self, data: dict[str, Any]) -> None:
            self.wfile.write(b"data: " + json.dumps(data, ensure_ascii=False).encode() + b"\n\n")
            self.wfile.flush()

        def _send(self, status: int, data: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class Server:
    def __init__(self) -> None:
        self.state = FakeLLM(url="")
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state))
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.state.url = f"http://{host}:{port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
        )

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
