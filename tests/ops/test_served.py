"""The real thing: `jichitai-ai serve` with two workers, JSON logs, behind the shipped nginx config."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
NGINX_CONF = REPO / "deploy" / "nginx" / "jichitai-ai.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """Two workers on SQLite with the demo data; yields (port, stderr log file)."""
    folder = tmp_path_factory.mktemp("served")
    env = {
        **os.environ,
        "JICHITAI_DATABASE_URL": f"sqlite:///{folder / 'served.db'}",
        "JICHITAI_SECRET_KEY": "served-test-secret",
        "JICHITAI_CONFIG": str(folder / "none.toml"),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
    }
    cli = [sys.executable, "-m", "jichitai_ai.cli.main"]
    subprocess.run([*cli, "init", "--demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    log = folder / "serve.log"
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [
                *cli,
                "serve",
                "--port",
                str(port),
                "--workers",
                "2",
                "--log-format",
                "json",
                "--forwarded-allow-ips",
                "127.0.0.1",
            ],
            env=env,
            stdout=stderr,
            stderr=stderr,
        )
    try:
        _wait(f"http://127.0.0.1:{port}/readyz")
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_metrics_sum_every_worker_and_logs_are_json_without_query_strings(
    served: tuple[int, Path],
) -> None:
    port, log = served
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base) as client:
        for _ in range(30):
            assert client.get("/readyz").status_code == 200
        response = client.get("/t/aoba-city/", params={"q": "山田太郎 090-1234-5678"})
        assert response.status_code == 200
        body = client.get("/metrics").text
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in body.splitlines()
        if line.startswith("jichitai_http_requests_total{") and 'route="/readyz"' in line
    )
    assert counted >= 30  # both workers' counts (and the start-up wait's), not one worker's
    time.sleep(0.5)
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    access = [r for r in records if r["logger"] == "jichitai_ai.access"]
    assert any(r.get("route") == "/t/{slug}/" for r in access)
    text = log.read_text(encoding="utf-8")
    assert "山田" not in text and "090-1234-5678" not in text and "%E5%B1%B1" not in text


@pytest.mark.skipif(NGINX is None, reason="nginx is installed by scripts/ensure-services.sh")
def test_shipped_nginx_config_passes_nginx_t_and_serves_the_app(
    served: tuple[int, Path], tmp_path: Path
) -> None:
    port, _log = served
    listen = _free_port()
    site = NGINX_CONF.read_text(encoding="utf-8")
    assert "server 127.0.0.1:8000" in site and "listen 80;" in site
    site = site.replace("server 127.0.0.1:8000", f"server 127.0.0.1:{port}")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "logs").mkdir()
    main = f"""
user root;
worker_processes 1;
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp_path}/logs/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
"""
    (tmp_path / "nginx.conf").write_text(main, encoding="utf-8")
    assert NGINX is not None
    command = [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait(f"http://127.0.0.1:{listen}/healthz", 20)
        with httpx.Client(base_url=f"http://127.0.0.1:{listen}") as client:
            page = client.get("/t/aoba-city/")
            assert page.status_code == 200 and "<html" in page.text.lower()
            asked = client.post(
                "/api/v1/tenants/aoba-city/ask", json={"question": "住民票の写しを取りたい"}
            )
            assert asked.status_code == 200
            assert asked.json()["decision"] in {"answer", "clarify", "no_answer"}
            assert asked.headers["x-request-id"]  # nginx's $request_id passed through
            assert client.get("/readyz").json()["status"] == "ready"
            assert "server" not in {k.lower() for k in page.headers if page.headers[k] == "nginx/"}
    finally:
        process.terminate()
        process.wait(timeout=10)
