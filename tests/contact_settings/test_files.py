"""The two lists as a JSON file (contact_settings.files) and the ``contacts`` commands: a
clear reason for every refused file, and nothing stored unless the whole file is right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.contact_settings import files
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World

AUTHORITY = {
    "name": {"ja": "あおば税務署", "en": "Aoba Tax Office"},
    "topics": ["所得税の確定申告と還付"],
    "words": ["所得税"],
    "phone": "0000-00-7600",
    "url": "https://www.nta.example.jp/",
    "note": {"ja": "国税は税務署の担当です。"},
}


def _refused(data: bytes) -> Invalid:
    with pytest.raises(Invalid) as caught:
        files.load(data)
    return caught.value


def test_refused_files_say_why() -> None:
    sjis = json.dumps({"other_authorities": [AUTHORITY]}, ensure_ascii=False).encode("cp932")
    assert _refused(sjis).key == "contact_settings.file.shift_jis"
    assert "Shift_JIS" in _refused(sjis).messages()["ja"]
    assert _refused(b"\xff\xfe\x00\x81\x00").key == "contact_settings.file.not_utf8"
    huge = _refused(b" " * (files.MAX_BYTES + 1))
    assert huge.key == "contact_settings.file.too_large"
    broken = _refused(b'{"other_authorities": [\n  {"name": }\n]}')
    assert broken.params == {"line": 2, "column": 12}
    assert broken.messages()["ja"] == "JSON として読めません（2 行 12 文字目付近）。"
    assert _refused(b"[]").key == "contact_settings.file.not_object"
    assert _refused(b"{}").key == "contact_settings.file.empty"
    assert _refused(b'{"other_authority": []}').params == {"key": "other_authority"}
    assert _refused(b'{"emergency_contacts": {"number": "119"}}').key == (
        "contact_settings.file.not_list"
    )


def test_a_utf8_file_with_bom_is_read() -> None:
    data = "\ufeff".encode() + json.dumps({"other_authorities": [AUTHORITY]}).encode()
    assert files.load(data) == {"other_authorities": [AUTHORITY]}


def test_export_and_import_on_the_command_line(
    database_url: str, platform: Platform, world: World, tmp_path: Path
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the command is the same on both; the store is tested on PostgreSQL too")
    runner = CliRunner()
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {"other_authorities": [AUTHORITY], "emergency_contacts": []}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    done = runner.invoke(
        cli_app,
        [
            "contacts",
            "import",
            str(source),
            "-t",
            "aoba",
            "--user",
            "kensho",
            "--database-url",
            database_url,
        ],
    )
    assert done.exit_code == 0, done.output
    assert "other_authorities: 1" in done.output
    out = tmp_path / "out.json"
    exported = runner.invoke(
        cli_app, ["contacts", "export", str(out), "-t", "aoba", "--database-url", database_url]
    )
    assert exported.exit_code == 0, exported.output
    text = out.read_text(encoding="utf-8")
    assert "あおば税務署" in text  # readable, not \\u escapes
    assert json.loads(text) == {"emergency_contacts": [], "other_authorities": [AUTHORITY]}

    # A Shift_JIS file, and a file with one bad item: refused, nothing changed.
    sjis = tmp_path / "sjis.json"
    sjis.write_bytes(text.encode("cp932"))
    refused = runner.invoke(
        cli_app, ["contacts", "import", str(sjis), "-t", "aoba", "--database-url", database_url]
    )
    assert refused.exit_code == 1
    assert "Shift_JIS で保存されているようです" in refused.output
    assert "saved in Shift_JIS" in refused.output
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "emergency_contacts": [{"number": "119", "kinds": ["fire"], "label": "消防"}],
                "other_authorities": [{**AUTHORITY, "url": "www.example.jp"}],
            }
        ),
        encoding="utf-8",
    )
    rejected = runner.invoke(
        cli_app, ["contacts", "import", str(bad), "-t", "aoba", "--database-url", database_url]
    )
    assert rejected.exit_code == 1
    assert "エラー: 他機関 1 件目: ウェブサイト「www.example.jp」は" in rejected.output
    assert "エラー: 緊急連絡先: 「救急」の質問に表示する連絡先がなくなります" in rejected.output
    assert "Error: Other authorities, item 1: The website" in rejected.output
    with platform.db.read() as db:
        settings = tenant_service.get_tenant(db, "aoba").settings
    assert settings["other_authorities"] == [AUTHORITY]
    assert settings.get("emergency_contacts", []) == []
    unknown = runner.invoke(
        cli_app,
        ["contacts", "import", str(source), "-t", "nowhere", "--database-url", database_url],
    )
    assert unknown.exit_code == 1
