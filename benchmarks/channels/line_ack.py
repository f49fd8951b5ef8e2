"""How fast the LINE webhook acknowledges, and how long until the answer reaches LINE.

Serves the demo with uvicorn, points the Messaging API at the local stand-in, and posts
signed text messages one after another (real signatures, demo questions). Prints the
acknowledgement latency (what LINE waits for; it redelivers when it waits too long) and the
time until the reply arrived at the stand-in (retrieval + our call to LINE), in ms.

    python -m benchmarks.channels.line_ack --count 60
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

import httpx
from tests.browser import serve
from tests.channels import line_standin

from jichitai_ai.channels import credentials
from jichitai_ai.channels.line.signature import sign
from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.web.app import create_app

SECRET, TOKEN, TENANT = "bench-secret", "bench-token", "aoba-city"
QUESTIONS = [
    "燃えるゴミの曜日を教えて",
    "証明書がほしい",
    "引っ越しの手続き",
    "明日の天気は？",
    "原付を廃車にしたい",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=60)
    args = parser.parse_args()
    standin = line_standin.start(TOKEN)
    with tempfile.TemporaryDirectory() as folder:
        settings = replace(
            Settings(),
            database_url=f"sqlite:///{Path(folder) / 'bench.db'}",
            secret_key="bench",
            raw={"line": {"api_base_url": standin.url, "data_base_url": standin.url}},
        )
        platform = Platform(settings)
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            load_demo(session)
            tenant = tenant_service.get_tenant(session, TENANT)
            credentials.store(session, settings, tenant.id, "line", "channel_secret", SECRET)
            credentials.store(session, settings, tenant.id, "line", "access_token", TOKEN)
        platform.answering.ask(TENANT, "住民票", record=False)  # build the index once
        acks: list[float] = []
        answered: list[float] = []
        with serve(create_app(platform=platform)) as url, httpx.Client(timeout=30) as client:
            for n in range(args.count):
                user = f"U{n:032x}"
                event = {
                    "type": "message",
                    "mode": "active",
                    "timestamp": 0,
                    "source": {"type": "user", "userId": user},
                    "webhookEventId": uuid.uuid4().hex,
                    "deliveryContext": {"isRedelivery": False},
                    "replyToken": uuid.uuid4().hex,
                    "message": {
                        "id": str(n),
                        "type": "text",
                        "text": QUESTIONS[n % len(QUESTIONS)],
                    },
                }
                standin.expect_reply(event["replyToken"], user)
                body = json.dumps({"events": [event]}, ensure_ascii=False).encode()
                delivered = len(standin.state.deliveries())
                started = time.perf_counter()
                response = client.post(
                    f"{url}/line/{TENANT}/webhook",
                    content=body,
                    headers={
                        "X-Line-Signature": sign(SECRET, body),
                        "Content-Type": "application/json",
                    },
                )
                acks.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
                while len(standin.state.deliveries()) == delivered:
                    time.sleep(0.002)
                answered.append((time.perf_counter() - started) * 1000)
        platform.close()
    standin.stop()
    for name, values in (("acknowledged", acks), ("answer at LINE", answered)):
        print(
            f"{name:>15}: n={len(values)} p50 {statistics.median(values):.1f} ms  "
            f"p95 {percentile(values, 0.95):.1f} ms  max {max(values):.1f} ms"
        )


if __name__ == "__main__":
    main()
