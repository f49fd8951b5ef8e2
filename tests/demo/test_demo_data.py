"""Validate the fictional demo data shipped in ``jichitai_ai.demo.data``.

Only the standard library is used (csv, tomllib, re) so the checks stay independent of the
importer that will eventually load these files.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "jichitai_ai" / "demo" / "data"

HEADER = [
    "external_id",
    "question",
    "alternatives",
    "answer",
    "links",
    "category",
    "department",
    "department_phone",
    "department_email",
    "department_hours",
    "department_form_url",
    "source_url",
    "valid_from",
    "valid_until",
    "status",
    "language",
]
ENTRY_FILES = {
    "aoba-city": "aoba-city.csv",
    "mizuho-pref": "mizuho-pref.csv",
    "sakura-town": "sakura-town.csv",
}
TRANSLATIONS = "aoba-city-translations.csv"
ID_PATTERN = {
    "aoba-city": re.compile(r"AOBA-\d{4}"),
    "mizuho-pref": re.compile(r"MIZUHO-\d{4}"),
    "sakura-town": re.compile(r"(SAKURA|MIZUHO)-\d{4}"),
}
STATUSES = {"published", "draft", "archived"}
LANGS = {"ja", "en", "zh-Hans", "ko"}
FAKE_PHONE = re.compile(r"0000-00-\d{4}")
# Anything that looks like a Japanese phone number: hyphenated, parenthesised, or 10–11 digits.
PHONE_LIKE = re.compile(
    r"(?<![\d-])(?:0\d{1,4}[-‐－ー−(（)）]\d{1,4}[-‐－ー−)）]\d{3,4}|0\d{9,10})(?![\d])"
)
URL = re.compile(r"https?://[^\s|<>\"'）)」、。]+")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def read_csv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in reader]
    return header, rows


def entries(tenant: str) -> list[dict[str, str]]:
    return read_csv(ENTRY_FILES[tenant])[1]


def all_entry_files() -> list[str]:
    return [*ENTRY_FILES.values(), TRANSLATIONS]


def tenants() -> dict[str, dict]:
    with open(DATA / "tenants.toml", "rb") as f:
        return {t["slug"]: t for t in tomllib.load(f)["tenants"]}


def hidden(tenant: str) -> set[str]:
    p = DATA / f"{tenant}-hidden.txt"
    if not p.exists():
        return set()
    return {ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()}


def effective_ids(tenant: str, *, published_only: bool = False) -> set[str]:
    """Ids a resident of ``tenant`` can see: own entries + parent's, minus hidden ones."""

    def ok(r: dict[str, str]) -> bool:
        return not published_only or r["status"] == "published"

    own = {r["external_id"] for r in entries(tenant) if ok(r)}
    parent = tenants()[tenant]["parent"]
    if parent:
        own |= {r["external_id"] for r in entries(parent) if ok(r)} - hidden(tenant)
    return own


def all_text_files() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.suffix in {".csv", ".toml", ".txt"})


# ---------------------------------------------------------------- structure


@pytest.mark.parametrize("name", all_entry_files())
def test_header_exact_and_utf8(name: str) -> None:
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    raw.decode("utf-8")
    header, rows = read_csv(name)
    assert header == HEADER
    assert rows


@pytest.mark.parametrize(
    ("tenant", "minimum"), [("aoba-city", 70), ("mizuho-pref", 12), ("sakura-town", 12)]
)
def test_minimum_entry_counts(tenant: str, minimum: int) -> None:
    rows = [r for r in entries(tenant) if r["language"] == "ja"]
    if tenant == "sakura-town":  # overrides of prefecture entries do not count as town entries
        rows = [r for r in rows if r["external_id"].startswith("SAKURA-")]
    assert len(rows) >= minimum


@pytest.mark.parametrize("name", all_entry_files())
def test_ids_unique_per_language(name: str) -> None:
    _, rows = read_csv(name)
    dupes = [
        k for k, n in Counter((r["external_id"], r["language"]) for r in rows).items() if n > 1
    ]
    assert not dupes


@pytest.mark.parametrize("tenant", list(ENTRY_FILES))
def test_entry_fields(tenant: str) -> None:
    for r in entries(tenant):
        eid = r["external_id"]
        assert ID_PATTERN[tenant].fullmatch(eid), eid
        assert r["language"] == "ja", eid
        assert r["status"] in STATUSES, eid
        for col in (
            "question",
            "answer",
            "category",
            "department",
            "department_phone",
            "department_email",
            "department_hours",
            "department_form_url",
            "source_url",
        ):
            assert r[col].strip(), (eid, col)
        alts = r["alternatives"].split("\n")
        assert 2 <= len(alts) <= 4 and all(a.strip() for a in alts), eid
        assert r["question"] not in alts, eid
        for line in r["links"].split("\n"):
            title, sep, url = line.partition(" | ")
            assert sep and title.strip() and url.startswith("https://"), (eid, line)
        for col in ("valid_from", "valid_until"):
            if r[col]:
                date.fromisoformat(r[col])
        if r["valid_from"] and r["valid_until"]:
            assert r["valid_from"] <= r["valid_until"], eid


def test_translations() -> None:
    _, rows = read_csv(TRANSLATIONS)
    ja = {r["external_id"]: r for r in entries("aoba-city")}
    langs = Counter(r["language"] for r in rows)
    assert set(langs) <= LANGS - {"ja"}
    assert langs["en"] >= 15 and langs["zh-Hans"] >= 5 and langs["ko"] >= 5
    for r in rows:
        base = ja.get(r["external_id"])
        assert base is not None, f"{r['external_id']} has no Japanese entry"
        assert r["question"] != base["question"] and r["answer"] != base["answer"]
        for col in ("status", "valid_from", "valid_until", "source_url"):
            assert r[col] == base[col], (r["external_id"], col)
        assert [ln.split(" | ")[1] for ln in r["links"].split("\n")] == [
            ln.split(" | ")[1] for ln in base["links"].split("\n")
        ]


def test_status_and_validity_demonstrations() -> None:
    rows = entries("aoba-city")
    statuses = Counter(r["status"] for r in rows)
    assert statuses["draft"] >= 2 and statuses["archived"] == 1
    assert any(r["valid_until"] and r["valid_until"] < "2026-01-01" for r in rows), "an ended entry"
    assert any(r["valid_from"] == "2027-04-01" for r in rows), "a future entry"


def test_overrides_and_hidden() -> None:
    pref = {r["external_id"] for r in entries("mizuho-pref")}
    overrides = [r for r in entries("sakura-town") if r["external_id"].startswith("MIZUHO-")]
    assert len(overrides) >= 2
    for r in overrides:
        assert r["external_id"] in pref
    hid = hidden("sakura-town")
    assert len(hid) == 1 and hid <= pref
    assert not hid & {r["external_id"] for r in overrides}


def test_tenants() -> None:
    """Keys follow jichitai_ai.demo.loader (name/name_en/parent) and TenantInfo.general_contact()."""
    ts = tenants()
    assert set(ts) == {"mizuho-pref", "aoba-city", "sakura-town"}
    assert ts["mizuho-pref"]["parent"] == ""
    assert ts["aoba-city"]["parent"] == ts["sakura-town"]["parent"] == "mizuho-pref"
    for t in ts.values():
        assert t["name"].strip() and t["name_en"].strip(), t["slug"]
        for table in ("contact", "contact_en"):
            contact = t[table]
            assert set(contact) == {"name", "phone", "hours", "form_url"}, (t["slug"], table)
            assert all(isinstance(v, str) and v.strip() for v in contact.values())
            assert FAKE_PHONE.fullmatch(contact["phone"])
        notice = t["notice"]
        assert set(notice) == {"ja", "en"}
        assert "自動" in notice["ja"] and "個人" in notice["ja"]
        assert "automatically" in notice["en"] and "personal information" in notice["en"]
        assert t["contact"]["phone"] in notice["ja"] and t["contact"]["phone"] in notice["en"]
        # New entries continue the demo's numbering (AOBA-0001 …), not AOBA-CITY-1.
        assert t["entry_prefix"] == t["slug"].split("-")[0].upper()
        # Chinese and Korean pages name the tenant in their language (web.resident.view).
        assert set(t["names"]) == {"zh-Hans", "zh-Hant", "ko"}
        # やさしい日本語 pages read the contact in plain words (newcomer walkthrough nc6).
        for table in ("contact_zh-Hans", "contact_zh-Hant", "contact_ko", "contact_ja-easy"):
            assert set(t[table]) == set(t["contact"]), (t["slug"], table)
            assert t[table]["phone"] == t["contact"]["phone"], (t["slug"], table)
            assert t[table]["form_url"] == t["contact"]["form_url"], (t["slug"], table)


def test_synonyms() -> None:
    header, rows = read_csv("synonyms.csv")
    assert header == ["tenant", "terms"]
    assert len(rows) >= 20
    valid = {"*", *ENTRY_FILES}
    for r in rows:
        assert r["tenant"] in valid
        terms = r["terms"].split("|")
        assert len(terms) >= 2 and all(t.strip() == t and t for t in terms), r
        assert len(set(terms)) == len(terms), r


def test_sample_questions() -> None:
    header, rows = read_csv("sample_questions.csv")
    assert header == ["tenant", "question", "expected_external_id", "kind"]
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["answer"] >= 40 and kinds["clarify"] >= 8 and kinds["no_answer"] >= 8
    assert set(kinds) == {"answer", "clarify", "no_answer"}
    assert len({(r["tenant"], r["question"]) for r in rows}) == len(rows)
    for r in rows:
        visible = effective_ids(r["tenant"], published_only=True)
        ids = r["expected_external_id"].split("|") if r["expected_external_id"] else []
        if r["kind"] == "no_answer":
            assert not ids, r
        elif r["kind"] == "answer":
            assert len(ids) == 1, r
        else:
            assert len(ids) >= 2 and len(set(ids)) == len(ids), r
        for eid in ids:
            assert eid in visible, (r["tenant"], r["question"], eid)
    # a hidden prefecture entry must not be answerable in the town that hides it
    for r in rows:
        if r["tenant"] == "sakura-town":
            assert not set(r["expected_external_id"].split("|")) & hidden("sakura-town")


# ---------------------------------------------------------------- fictional data only


@pytest.mark.parametrize("path", all_text_files(), ids=lambda p: p.name)
def test_no_real_looking_phone_numbers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    bad = [m for m in PHONE_LIKE.findall(text) if not FAKE_PHONE.fullmatch(m)]
    assert not bad, bad


@pytest.mark.parametrize("tenant", list(ENTRY_FILES))
def test_department_phone_column_is_fake(tenant: str) -> None:
    for r in entries(tenant):
        assert FAKE_PHONE.fullmatch(r["department_phone"]), r["external_id"]


@pytest.mark.parametrize("path", all_text_files(), ids=lambda p: p.name)
def test_urls_and_emails_use_example_domain(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for url in URL.findall(text):
        host = urlsplit(url).hostname or ""
        assert host.endswith(".example.jp"), url
        assert urlsplit(url).scheme == "https", url
    for domain in EMAIL.findall(text):
        assert domain.endswith(".example.jp"), domain


def test_department_contacts_consistent() -> None:
    """A department name maps to exactly one phone/email/hours/form URL within a tenant."""
    for name in all_entry_files():
        _, rows = read_csv(name)
        seen: dict[tuple[str, str], tuple[str, ...]] = {}
        for r in rows:
            contact = (r["department_phone"], r["department_email"], r["department_form_url"])
            key = (r["language"], r["department"])
            assert seen.setdefault(key, contact) == contact, (name, key)
