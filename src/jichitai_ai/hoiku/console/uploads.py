"""Turn uploaded files into an allocation instance (取込): templates, a ZIP of them, or ChilmAI.

Files are recognised by name (施設 / facilities, 児童 / children, 共有枠 / shared_quotas,
settings.toml; ChilmAI: 申込者データ, 保育所データ), so staff can upload the files as saved.
A ZIP is read in memory with limits on members and size; every problem found is reported at once.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from jichitai_ai import archives, hoiku
from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku.console.problems import Problem, UploadRejected, from_error

TABLE_SUFFIXES = (".csv", ".xlsx")
MAX_ZIP_MEMBERS = 20
NATIVE_ROLES = ("facilities", "children", "quotas", "settings")
CHILMAI_ROLES = ("applicants", "daycares")


@dataclass(frozen=True)
class UploadedFile:
    name: str
    data: bytes


def role_of(name: str) -> str | None:
    """Which input a file is, from its name; None when the name says nothing we know."""
    text = unicodedata.normalize("NFKC", PurePosixPath(name).name).lower()
    suffix = PurePosixPath(text).suffix
    if suffix == ".toml":
        return "settings"
    if suffix not in TABLE_SUFFIXES:
        return None
    for role, words in (
        ("applicants", ("申込者",)),
        ("daycares", ("保育所データ",)),
        ("quotas", ("共有枠", "quota")),
        ("facilities", ("施設", "facilit")),
        ("children", ("児童", "child")),
    ):
        if any(w in text for w in words):
            return role
    return None


def _member_name(info: zipfile.ZipInfo) -> str:
    """ZIPs made on Japanese Windows store names in Shift_JIS without saying so."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp932")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def unzip(upload: UploadedFile, max_bytes: int) -> list[UploadedFile]:
    """The usable members of a ZIP (folders, hidden files and other files are skipped)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(upload.data))
    except zipfile.BadZipFile as exc:
        raise UploadRejected([Problem(upload.name, 0, "hoiku_console.err.bad_zip")]) from exc
    out: list[UploadedFile] = []
    total = 0
    with archive:
        for info in archive.infolist():
            name = _member_name(info)
            base = PurePosixPath(name.replace("\\", "/")).name
            if info.is_dir() or name.startswith("__MACOSX/") or base.startswith("."):
                continue
            if PurePosixPath(base.lower()).suffix not in (*TABLE_SUFFIXES, ".toml"):
                continue
            if info.flag_bits & 0x1:
                raise UploadRejected([Problem(upload.name, 0, "hoiku_console.err.zip_encrypted")])
            if len(out) >= MAX_ZIP_MEMBERS:
                raise UploadRejected(
                    [
                        Problem(
                            upload.name,
                            0,
                            "hoiku_console.err.zip_members",
                            {"max": MAX_ZIP_MEMBERS},
                        )
                    ]
                )
            # Read at most what is left of the budget: a forged size header cannot inflate it.
            with archive.open(info) as member:
                data = member.read(max_bytes - total + 1)
            total += len(data)
            if total > max_bytes:
                raise UploadRejected(
                    [Problem(upload.name, 0, "hoiku_console.err.zip_size", {"mb": max_bytes >> 20})]
                )
            out.append(UploadedFile(base, data))
    if not out:
        raise UploadRejected([Problem(upload.name, 0, "hoiku_console.err.zip_empty")])
    return out


def expand(files: list[UploadedFile], max_bytes: int) -> list[UploadedFile]:
    out: list[UploadedFile] = []
    for f in files:
        if f.data[:4] == b"PK\x03\x04" and f.name.lower().endswith(".zip"):
            out.extend(unzip(f, max_bytes))
        else:
            out.append(f)
    return out


def classify(files: list[UploadedFile]) -> dict[str, UploadedFile]:
    """Role → file; unknown names, duplicates and mixed layouts are refused."""
    problems: list[Problem] = []
    roles: dict[str, UploadedFile] = {}
    for f in files:
        role = role_of(f.name)
        if role is None:
            problems.append(Problem(f.name, 0, "hoiku_console.err.unknown_file"))
        elif role in roles:
            problems.append(
                Problem(f.name, 0, "hoiku_console.err.duplicate_file", {"other": roles[role].name})
            )
        else:
            roles[role] = f
    native = [r for r in NATIVE_ROLES if r in roles]
    chilmai = [r for r in CHILMAI_ROLES if r in roles]
    if native and chilmai:
        problems.append(Problem("", 0, "hoiku_console.err.mixed"))
    elif chilmai and len(chilmai) < len(CHILMAI_ROLES):
        problems.append(Problem("", 0, "hoiku_console.err.chilmai_missing"))
    elif not chilmai and not ("facilities" in roles and "children" in roles):
        problems.append(Problem("", 0, "hoiku_console.err.native_missing"))
    if problems:
        raise UploadRejected(problems)
    return roles


def load(files: list[UploadedFile], max_bytes: int) -> hoiku.Instance:
    """The instance described by the uploaded files, or :class:`UploadRejected`."""
    files = [f for f in files if f.name]
    if not files:
        raise UploadRejected([Problem("", 0, "hoiku_console.err.no_files")])
    roles = classify(expand(files, max_bytes))
    for item in roles.values():
        try:  # spreadsheets are ZIP archives: refuse bombs before openpyxl inflates them
            archives.check_upload(item.name, item.data)
        except archives.ExpansionRefused as exc:
            raise UploadRejected([Problem(item.name, 0, exc.key, dict(exc.params))]) from exc
    try:
        if "applicants" in roles:
            return hoiku.load_chilmai_bytes(roles["applicants"].data, roles["daycares"].data)
        quotas = roles.get("quotas")
        settings = roles.get("settings")
        return load_native_bytes(
            roles["facilities"].data,
            roles["children"].data,
            quotas.data if quotas else None,
            settings.data if settings else None,
            names=(
                roles["facilities"].name,
                roles["children"].name,
                quotas.name if quotas else "shared_quotas.csv",
            ),
        )
    except hoiku.HoikuInputError as exc:
        raise UploadRejected(from_error(exc)) from exc
