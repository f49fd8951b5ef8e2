"""The demo's documents: after ``init --demo`` staff document search (文書検索) finds and cites
provisions at once, instead of starting empty (found by the newcomer walkthrough).

They are loaded through the documents import path, once: running ``init --demo`` again (as
every ``make run`` does) changes nothing, and a collection staff have changed is left alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.cli.core_commands import demo_documents
from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.demo.documents import FILES, demo_collections
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.documents import Viewer, documents_for
from jichitai_ai.services import auth
from jichitai_ai.services.auth import Role
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

FIXTURES = Path(__file__).resolve().parents[1] / "documents" / "fixtures"
FEE_QUESTION = "住民票の写しの手数料はいくらですか"


def demo_platform(platform: Platform) -> dict[str, str]:
    """What ``init --demo`` loads: tenants, entries and accounts, then the documents."""
    with platform.db.write() as session:
        load_demo(session)
    return demo_documents(platform)


def test_demo_documents_are_loaded_once_and_answer_with_citations(platform: Platform) -> None:
    summary = demo_platform(platform)
    assert summary == {
        "documents aoba-city/reiki": "3/3 indexed",
        "documents aoba-city/horei": "1/1 indexed",
    }
    service = documents_for(platform)
    editor = Viewer.staff(Role.EDITOR)
    listed = service.list_documents("aoba-city", editor)
    assert sorted(d["title"] for d in listed) == [
        "あおば市家庭ごみの出し方に関する要綱",
        "あおば市手数料条例",
        "あおば市職員の休暇に関する規則",
        "行政手続法",
    ]

    fee = service.answer("aoba-city", FEE_QUESTION, editor)
    assert fee.supported and "300円" in fee.text and "[1]" in fee.text
    first = fee.passages[0]
    assert (first.document, first.location) == ("あおば市手数料条例", "別表")
    assert "住民票の写しの交付" in first.text
    assert first.link.startswith("/api/v1/tenants/aoba-city/documents/")

    law = service.answer("aoba-city", "審査基準は公にしなければならないか", editor)
    assert law.supported
    assert (law.passages[0].document, law.passages[0].location) == ("行政手続法", "第5条第3項")

    leave = service.answer("aoba-city", "有休は翌年に繰り越せますか", editor)
    assert (leave.passages[0].document, leave.passages[0].location) == (
        "あおば市職員の休暇に関する規則",
        "第2条第2項",
    )

    # Again (every `make run` runs `init --demo`): nothing is added or replaced, and a
    # collection whose title staff changed keeps it.
    service.set_collection("aoba-city", "reiki", title="例規集")
    assert demo_documents(platform) == {
        "documents aoba-city/reiki": "exists",
        "documents aoba-city/horei": "exists",
    }
    assert len(service.list_documents("aoba-city", editor)) == 4
    titles = {c["name"]: c["title"] for c in _collections(platform)}
    assert titles["reiki"] == "例規集"
    assert "e-Gov" in titles["horei"] and "著作権法第13条" in titles["horei"]


def _collections(platform: Platform) -> list[dict[str, str]]:
    from jichitai_ai.documents import library
    from jichitai_ai.services import tenants as tenant_service

    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, "aoba-city")
    views = library.collections(platform.db, tenant.id, Viewer.everything(), everything=True)
    return [{"name": v.name, "title": v.title} for v in views]


def test_demo_editor_asks_the_documents_api(platform: Platform) -> None:
    demo_platform(platform)
    with platform.db.write() as session:
        key = auth.create_api_key(session, "aoba-editor")
    headers = {"Authorization": f"Bearer {key}"}
    with TestClient(create_app(platform=platform)) as client:
        found = client.get(
            "/api/v1/tenants/aoba-city/documents/search",
            params={"q": "粗大ごみの出し方"},
            headers=headers,
        )
        assert found.status_code == 200, found.text
        top = found.json()[0]
        assert (top["document"], top["location"]) == (
            "あおば市家庭ごみの出し方に関する要綱",
            "第5条第1項",
        )
        answer = client.post(
            "/api/v1/tenants/aoba-city/documents/answer",
            json={"question": "犬の登録の手数料は"},
            headers=headers,
        )
        body = answer.json()
        assert body["supported"] and "3,000円" in body["answer"]
        assert body["passages"][0]["location"] == "別表"
        view = client.get(body["passages"][0]["link"].split("#")[0], headers=headers)
        assert view.status_code == 200 and "あおば市手数料条例" in view.text


def test_init_demo_prints_the_documents_and_loads_them_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JICHITAI_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(cli_app, ["init", "--demo"])
    assert first.exit_code == 0, first.output
    assert "documents aoba-city/reiki: 3/3 indexed" in first.output
    again = runner.invoke(cli_app, ["init", "--demo"])
    assert again.exit_code == 0 and "documents aoba-city/reiki: exists" in again.output


def test_every_demo_document_is_listed_with_its_source() -> None:
    """Each file is in a collection and in PROVENANCE.md; the real law is byte for byte the
    e-Gov XML of tests/documents/fixtures minus the chapters left out (nothing edited)."""
    provenance = FILES.joinpath("PROVENANCE.md").read_text("utf-8")
    listed = [name for c in demo_collections() for name in c.files]
    shipped = sorted(
        p.name for p in FILES.iterdir() if p.name not in ("PROVENANCE.md", "collections.toml")
    )
    assert sorted(listed) == shipped
    for name in listed:
        data = FILES.joinpath(name).read_bytes()
        assert f"`{name}`" in provenance
        assert hashlib.sha256(data).hexdigest()[:16] in provenance
    law = FILES.joinpath("405AC0000000088_gyosei_tetsuzuki_excerpt.xml").read_text("utf-8")
    original = (FIXTURES / "405AC0000000088_gyosei_tetsuzuki.xml").read_text("utf-8")
    for article in ("第五条", "第三十九条", "第四十六条"):
        start = original.index(f"<ArticleTitle>{article}</ArticleTitle>")
        end = original.index("</Article>", start)
        assert original[start:end] in law
