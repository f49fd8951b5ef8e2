"""The parts under the pages: retention store, file recognition, ZIP limits, translated errors."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from jichitai_ai.hoiku._generate import generate
from jichitai_ai.hoiku.console import uploads
from jichitai_ai.hoiku.console.problems import UploadRejected, from_text
from jichitai_ai.hoiku.console.store import RunStore
from jichitai_ai.i18n import catalog, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform

INSTANCE = generate(6, 2, seed=1)


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


FILES = [uploads.UploadedFile("children.csv", b"x")]


def _store(platform: Platform, **kwargs: Any) -> RunStore:
    """A store over the test database; the loader returns the generated instance."""
    with platform.db.write() as session:
        for slug in ("t1", "t2"):
            tenant_service.add_tenant(session, slug, slug)
    return RunStore(platform.db, lambda _files: INSTANCE, **kwargs)


def _ids(platform: Platform) -> tuple[int, int]:
    with platform.db.read() as session:
        return (
            tenant_service.get_tenant(session, "t1").id,
            tenant_service.get_tenant(session, "t2").id,
        )


def test_runs_expire_and_stay_in_their_tenant(platform: Platform) -> None:
    clock = Clock()
    store = _store(platform, retention_seconds=60, clock=clock)
    one, two = _ids(platform)
    run = store.add(one, "editor", FILES, INSTANCE)
    assert len(run.id) >= 24  # random, not guessable
    got = store.get(one, run.id)
    assert got is not None and got.id == run.id
    assert store.get(two, run.id) is None
    assert store.discard(two, run.id) is False
    clock.now += 59
    assert [r.id for r in store.list(one)] == [run.id]
    clock.now += 1
    assert store.get(one, run.id) is None and store.list(one) == []


def test_oldest_runs_make_room_per_tenant_and_overall(platform: Platform) -> None:
    clock = Clock()
    store = _store(platform, max_per_tenant=2, max_total=3, clock=clock)
    one, two = _ids(platform)
    first = []
    for _ in range(3):
        clock.now += 1
        first.append(store.add(one, "a", FILES, INSTANCE))
    assert [r.id for r in store.list(one)] == [first[2].id, first[1].id]
    clock.now += 1
    other = store.add(two, "b", FILES, INSTANCE)
    clock.now += 1
    store.add(two, "b", FILES, INSTANCE)
    assert store.get(one, first[1].id) is None  # overall limit: the oldest went
    kept = store.get(two, other.id)
    assert kept is not None and kept.id == other.id and len(store.list(one)) == 1


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("facilities.csv", "facilities"),
        ("令和8年度_施設.xlsx", "facilities"),
        ("ＣＨＩＬＤＲＥＮ.CSV", "children"),
        ("児童一覧.csv", "children"),
        ("shared_quotas.csv", "quotas"),
        ("施設_共有枠.csv", "quotas"),
        ("settings.toml", "settings"),
        ("申込者データ.csv", "applicants"),
        ("保育所データ.xlsx", "daycares"),
        ("名簿.csv", None),
        ("children.pdf", None),
    ],
)
def test_files_are_recognised_by_name(name: str, role: str | None) -> None:
    assert uploads.role_of(name) == role


def test_zip_member_names_from_japanese_windows_are_decoded() -> None:
    info = zipfile.ZipInfo("施設.csv".encode("cp932").decode("cp437"))
    info.flag_bits = 0
    assert uploads._member_name(info) == "施設.csv"


def _zip(members: dict[str, bytes]) -> uploads.UploadedFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return uploads.UploadedFile("input.zip", buf.getvalue())


def test_zip_limits() -> None:
    bomb = _zip({"children.csv": b"0" * 200_000})
    assert len(bomb.data) < 2_000
    with pytest.raises(UploadRejected) as caught:
        uploads.unzip(bomb, max_bytes=100_000)
    assert caught.value.problems[0].key == "hoiku_console.err.zip_size"
    with pytest.raises(UploadRejected) as caught:
        uploads.unzip(_zip({"a/readme.md": b"x", "__MACOSX/._children.csv": b"x"}), 1000)
    assert caught.value.problems[0].key == "hoiku_console.err.zip_empty"
    with pytest.raises(UploadRejected) as caught:
        uploads.unzip(uploads.UploadedFile("x.zip", b"PK\x03\x04broken"), 1000)
    assert caught.value.problems[0].key == "hoiku_console.err.bad_zip"
    members = uploads.unzip(_zip({"dir/施設.csv": b"a", "dir/児童.csv": b"b"}), 1000)
    assert [m.name for m in members] == ["施設.csv", "児童.csv"]


def test_mixed_and_duplicate_files_are_refused() -> None:
    files = [
        uploads.UploadedFile("facilities.csv", b""),
        uploads.UploadedFile("施設.csv", b""),
        uploads.UploadedFile("申込者データ.csv", b""),
    ]
    with pytest.raises(UploadRejected) as caught:
        uploads.classify(files)
    keys = [p.key for p in caught.value.problems]
    assert keys == ["hoiku_console.err.duplicate_file", "hoiku_console.err.mixed"]


SAMPLE = {
    "file": "children.csv",
    "row": 3,
    "detail": "x",
    "column": "年齢クラス",
    "value": "7",
    "columns": "児童ID, 第1希望",
    "ages": "0・1",
    "item": "指数:横",
    "count": 2,
    "ids": "C1, C2",
    "policy": "同時入所",
    "family": "H1",
}


def test_every_loader_message_is_shown_in_english_too() -> None:
    keys = [k for k in catalog() if k.startswith("hoiku.err.") and k != "hoiku.err.where"]
    assert len(keys) > 20
    for key in keys:
        japanese = t(key, "ja", **SAMPLE)
        problem = from_text("children.csv", 3, japanese)
        assert problem.message("ja") == japanese, key
        assert problem.message("en") == t(key, "en", **SAMPLE), key
    unknown = from_text("x.csv", 0, "想定外のメッセージ")
    assert unknown.message("en") == "想定外のメッセージ"
