"""A local stand-in for the LINE Messaging API (reply, push, profile, rich menu endpoints).

It checks what LINE checks that matters to us (bearer token, JSON bodies, reply tokens used
once, ≤5 messages, the retry key header on push) and can be told to fail the next requests
with 429/5xx, so the client's retries and fallbacks are exercised over real HTTP.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.background_server import serve_in_background


@dataclass
class Call:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class State:
    token: str
    calls: list[Call] = field(default_factory=list)
    #: Status codes to answer the next requests to a path prefix with, in order.
    failures: dict[str, list[int]] = field(default_factory=dict)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)
    used_reply_tokens: set[str] = field(default_factory=set)
    #: Reply tokens LINE would refuse (expired, e.g. on redelivery).
    expired_tokens: set[str] = field(default_factory=set)
    retry_keys: set[str] = field(default_factory=set)
    rich_menus: dict[str, dict[str, Any]] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)
    default_menu: str = ""
    #: When set, message requests wait for it (LINE being slow), so tests can see what happens first.
    hold: threading.Event | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def messages_to(self, user_id: str) -> list[dict[str, Any]]:
        """Every message delivered (reply or push) in order; replies are attributed by token."""
        out: list[dict[str, Any]] = []
        for call in self.calls:
            pushed = call.path == "/v2/bot/message/push" and call.body.get("to") == user_id
            replied = call.path == "/v2/bot/message/reply" and call.body.get("_user") == user_id
            if (pushed or replied) and call.body.get("_ok"):
                out += call.body["messages"]
        return out

    def deliveries(self) -> list[Call]:
        return [
            c for c in self.calls if c.path.startswith("/v2/bot/message/") and c.body.get("_ok")
        ]


class _Server(ThreadingHTTPServer):
    state: State
    reply_owner: dict[str, str]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _send(self, status: int, body: Any = None) -> None:
        data = json.dumps(body if body is not None else {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self, method: str) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        is_json = (self.headers.get("Content-Type") or "").startswith("application/json")
        body: Any = json.loads(raw) if raw and is_json else raw
        headers = {k.lower(): v for k, v in self.headers.items()}
        call = Call(
            method, self.path, headers, body if isinstance(body, dict) else {"_raw": len(raw)}
        )
        with state.lock:
            state.calls.append(call)
            if headers.get("authorization") != f"Bearer {state.token}":
                self._send(401, {"message": "Authentication failed"})
                return
            for prefix, codes in state.failures.items():
                if self.path.startswith(prefix) and codes:
                    self._send(codes.pop(0), {"message": "stand-in failure"})
                    return
            self._route(method, call, body, raw)

    def _route(self, method: str, call: Call, body: Any, raw: bytes) -> None:
        state = self.server.state
        path = self.path
        if method == "POST" and path == "/v2/bot/message/reply":
            token = body.get("replyToken", "")
            if token in state.used_reply_tokens or token in state.expired_tokens:
                self._send(400, {"message": "Invalid reply token"})
                return
            if not 1 <= len(body.get("messages", [])) <= 5:
                self._send(400, {"message": "messages: size must be between 1 and 5"})
                return
            state.used_reply_tokens.add(token)
            call.body["_user"] = self.server.reply_owner.get(token, "")
            call.body["_ok"] = True
            self._send(200, {"sentMessages": [{"id": "1"}]})
        elif method == "POST" and path == "/v2/bot/message/push":
            key = call.headers.get("x-line-retry-key", "")
            if key in state.retry_keys:
                self._send(409, {"message": "The retry key is already accepted"})
                return
            if key:
                state.retry_keys.add(key)
            call.body["_ok"] = True
            self._send(200, {"sentMessages": [{"id": "2"}]})
        elif method == "GET" and path.startswith("/v2/bot/profile/"):
            user = path.rsplit("/", 1)[1]
            profile = state.profiles.get(user)
            if profile is None:
                self._send(404, {"message": "Not found"})
            else:
                self._send(200, {"userId": user, "displayName": "住民", **profile})
        elif method == "POST" and path == "/v2/bot/richmenu":
            menu_id = f"richmenu-{len(state.rich_menus) + 1:032x}"
            state.rich_menus[menu_id] = body
            self._send(200, {"richMenuId": menu_id})
        elif (
            method == "POST" and path.startswith("/v2/bot/richmenu/") and path.endswith("/content")
        ):
            menu_id = path.split("/")[4]
            if menu_id not in state.rich_menus:
                self._send(404, {"message": "Not found"})
                return
            state.images[menu_id] = raw
            self._send(200, {})
        elif method == "POST" and path.startswith("/v2/bot/user/all/richmenu/"):
            menu_id = path.rsplit("/", 1)[1]
            if menu_id not in state.images:
                self._send(400, {"message": "An image has not been uploaded to the rich menu"})
                return
            state.default_menu = menu_id
            self._send(200, {})
        else:
            self._send(404, {"message": "Not found"})

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class StandIn:
    server: _Server
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def state(self) -> State:
        return self.server.state

    def expect_reply(self, token: str, user_id: str) -> None:
        """Remember whose event a reply token belongs to (LINE knows; we record it for asserts)."""
        self.server.reply_owner[token] = user_id

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start(token: str) -> StandIn:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.state = State(token=token)
    server.reply_owner = {}
    thread = serve_in_background(server)
    return StandIn(server, thread)
