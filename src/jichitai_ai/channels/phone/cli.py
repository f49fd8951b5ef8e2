"""``jichitai-ai phone serve``: the FastAGI server Asterisk's dialplan connects to."""

from __future__ import annotations

import typer

from jichitai_ai.channels.phone.server import DEFAULT_PORT, make_server
from jichitai_ai.cli.common import DatabaseOption, platform

app = typer.Typer(
    help="電話自動応答（Asterisk FastAGI） / telephone answering", no_args_is_help=True
)


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="待ち受けアドレス / listen address"),
    port: int = typer.Option(DEFAULT_PORT, "--port"),
    database_url: str | None = DatabaseOption,
) -> None:
    """Asterisk からの FastAGI 接続を待ち受ける（agi://host:port/<tenant>） / serve FastAGI."""
    p = platform(database_url)
    server = make_server(p, host, port)
    typer.echo(f"FastAGI: agi://{host}:{port}/<tenant-slug>")
    try:
        server.serve_forever()
    finally:
        server.server_close()
        p.close()
