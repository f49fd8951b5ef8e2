"""``jichitai-ai widget``: operators list a tenant's allowed embedding origins and get the tag."""

from __future__ import annotations

from typer.testing import CliRunner

from jichitai_ai.cli.main import app
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform


def test_widget_origins_and_snippet(platform: Platform, database_url: str) -> None:
    with platform.db.write() as s:
        tenant_service.add_tenant(s, "aoba-city", "あおば市")
    runner = CliRunner()
    db = ["--database-url", database_url]
    r = runner.invoke(
        app,
        ["widget", "origins", "aoba-city", "--add", "https://WWW.City.Aoba.example.jp:443/", *db],
    )
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "https://www.city.aoba.example.jp"
    r = runner.invoke(app, ["widget", "origins", "aoba-city", "--add", "javascript:alert(1)", *db])
    assert r.exit_code == 2
    r = runner.invoke(
        app, ["widget", "origins", "aoba-city", "--remove", "https://www.city.aoba.example.jp", *db]
    )
    assert r.exit_code == 0 and r.output.strip() == ""
    with platform.db.read() as s:
        assert tenant_service.get_tenant(s, "aoba-city").settings["widget_origins"] == []
    r = runner.invoke(
        app, ["widget", "snippet", "aoba-city", "--base-url", "https://faq.example.jp/", *db]
    )
    assert r.stdout.strip() == (
        '<script src="https://faq.example.jp/widget.js" data-tenant="aoba-city" defer></script>'
    )
    # With no site allowed yet, the snippet says so (the widget would refuse to show).
    assert "widget origins aoba-city --add" in r.stderr
    runner.invoke(app, ["widget", "origins", "aoba-city", "--add", "https://www.a.example.jp", *db])
    r = runner.invoke(
        app, ["widget", "snippet", "aoba-city", "--base-url", "https://faq.example.jp/", *db]
    )
    assert "https://www.a.example.jp" in r.stderr
