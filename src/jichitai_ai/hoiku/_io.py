"""Instance folders: the shipped templates or ChilmAI's files."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.hoiku._chilmai import load_chilmai
from jichitai_ai.hoiku._model import Instance
from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku._tabular import HoikuInputError, Issue, read_table
from jichitai_ai.i18n import t

NATIVE_FILES = {"facilities": "facilities", "children": "children", "quotas": "shared_quotas"}
CHILMAI_FILES = {"children": ("申込者データ", "children"), "daycares": ("保育所データ", "daycares")}


def _find(directory: Path, stems: tuple[str, ...]) -> Path | None:
    for stem in stems:
        for ext in (".csv", ".xlsx"):
            p = directory / f"{stem}{ext}"
            if p.is_file():
                return p
    return None


def load_directory(directory: Path, fmt: str = "native") -> Instance:
    """Load an instance folder (templates, or ChilmAI files with ``fmt='chilmai'``)."""
    if not directory.is_dir():
        raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.no_directory"))])
    if fmt == "chilmai":
        kids = _find(directory, CHILMAI_FILES["children"])
        cares = _find(directory, CHILMAI_FILES["daycares"])
        if kids is None or cares is None:
            raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.chilmai_files"))])
        return load_chilmai(
            read_table(kids.read_bytes(), kids.name), read_table(cares.read_bytes(), cares.name)
        )
    files: dict[str, bytes] = {}
    for key, stem in NATIVE_FILES.items():
        p = _find(directory, (stem,))
        if p is not None:
            files[key] = p.read_bytes()
            files[key + ".name"] = p.name.encode()
    if "facilities" not in files or "children" not in files:
        raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.native_files"))])
    settings_path = directory / "settings.toml"
    settings = settings_path.read_bytes() if settings_path.is_file() else None
    return load_native_bytes(
        files["facilities"],
        files["children"],
        files.get("quotas"),
        settings,
        names=(
            files["facilities.name"].decode(),
            files["children.name"].decode(),
            files.get("quotas.name", b"shared_quotas.csv").decode(),
        ),
    )
