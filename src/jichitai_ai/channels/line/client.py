"""A small LINE Messaging API client: reply, push, profile and rich menus, with retries.

Retries with exponential backoff (or the server's ``Retry-After``) on 429 and 5xx and on
connection errors. Push requests carry an ``X-Line-Retry-Key`` so a retried push after a
lost response is executed once by LINE (a 409 then means "already accepted").
Base URLs come from ``[line] api_base_url`` / ``data_base_url``, so a deployment can point at
a proxy inside its network and the tests at a local stand-in.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from jichitai_ai.config import Settings

API_BASE_URL = "https://api.line.me"
DATA_BASE_URL = "https://api-data.line.me"
RETRYABLE = {429, 500, 502, 503, 504}


class LineApiError(RuntimeError):
    """LINE refused a request (after retries for transient failures)."""

    def __init__(self, status: int, body: str) -> None:
        self.status = status
        self.body = body[:500]
        super().__init__(f"LINE API {status}: {self.body}")


@dataclass
class LineOptions:
    api_base_url: str = API_BASE_URL
    data_base_url: str = DATA_BASE_URL
    attempts: int = 4
    backoff_seconds: float = 0.5
    max_wait_seconds: float = 10.0
    timeout_seconds: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> LineOptions:
        raw = settings.section("line")
        return cls(
            api_base_url=str(raw.get("api_base_url", API_BASE_URL)).rstrip("/"),
            data_base_url=str(raw.get("data_base_url", DATA_BASE_URL)).rstrip("/"),
            attempts=max(1, int(raw.get("attempts", 4))),
            backoff_seconds=float(raw.get("backoff_seconds", 0.5)),
            max_wait_seconds=float(raw.get("max_wait_seconds", 10.0)),
            timeout_seconds=float(raw.get("timeout_seconds", 10.0)),
        )


@dataclass
class LineClient:
    token: str
    options: LineOptions = field(default_factory=LineOptions)
    sleep: Callable[[float], None] = time.sleep

    def _wait(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            after = response.headers.get("retry-after", "")
            if after.isdigit():
                return min(float(after), self.options.max_wait_seconds)
        return min(self.options.backoff_seconds * (2**attempt), self.options.max_wait_seconds)

    def _request(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = {"Authorization": f"Bearer {self.token}", **(headers or {})}
        last: httpx.Response | None = None
        for attempt in range(self.options.attempts):
            try:
                response = httpx.request(
                    method,
                    url,
                    json=json,
                    content=content,
                    headers=all_headers,
                    timeout=self.options.timeout_seconds,
                )
            except httpx.TransportError:
                if attempt + 1 >= self.options.attempts:
                    raise
                self.sleep(self._wait(attempt, None))
                continue
            if response.status_code < 400:
                return response
            last = response
            if response.status_code == 409 and "X-Line-Retry-Key" in all_headers and attempt > 0:
                return response  # an earlier attempt was accepted: nothing to redo
            if response.status_code not in RETRYABLE or attempt + 1 >= self.options.attempts:
                break
            self.sleep(self._wait(attempt, response))
        assert last is not None
        raise LineApiError(last.status_code, last.text)

    def _api(self, path: str) -> str:
        return self.options.api_base_url + path

    def reply(self, reply_token: str, messages: list[dict[str, Any]]) -> None:
        self._request(
            "POST",
            self._api("/v2/bot/message/reply"),
            json={"replyToken": reply_token, "messages": messages[:5]},
        )

    def push(self, to: str, messages: list[dict[str, Any]], retry_key: str = "") -> None:
        self._request(
            "POST",
            self._api("/v2/bot/message/push"),
            json={"to": to, "messages": messages[:5]},
            headers={"X-Line-Retry-Key": retry_key or str(uuid.uuid4())},
        )

    def profile(self, user_id: str) -> dict[str, Any]:
        response = self._request("GET", self._api(f"/v2/bot/profile/{quote(user_id, safe='')}"))
        data = response.json()
        return data if isinstance(data, dict) else {}

    def create_rich_menu(self, definition: dict[str, Any]) -> str:
        response = self._request("POST", self._api("/v2/bot/richmenu"), json=definition)
        return str(response.json()["richMenuId"])

    def upload_rich_menu_image(self, rich_menu_id: str, image: bytes, media_type: str) -> None:
        self._request(
            "POST",
            f"{self.options.data_base_url}/v2/bot/richmenu/{quote(rich_menu_id, safe='')}/content",
            content=image,
            headers={"Content-Type": media_type},
        )

    def set_default_rich_menu(self, rich_menu_id: str) -> None:
        self._request(
            "POST", self._api(f"/v2/bot/user/all/richmenu/{quote(rich_menu_id, safe='')}")
        )
