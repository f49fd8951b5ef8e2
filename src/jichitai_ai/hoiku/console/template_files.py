"""The input templates staff download from the console (テンプレート): the files shipped in
``jichitai_ai/hoiku/templates`` with their worked example rows, so a first upload can start from
a file that is known to load. CSVs are UTF-8 with a BOM, so Excel on Windows opens the Japanese
headers correctly (as every other console export)."""

from __future__ import annotations

import io
import zipfile
from importlib import resources

#: Upload order of the console's hint: facilities, children, then the optional files.
FILES = ("facilities.csv", "children.csv", "shared_quotas.csv", "settings.toml")
BOM = b"\xef\xbb\xbf"


def template_file(name: str) -> bytes:
    """One template's bytes (a CSV always starts with the BOM); KeyError for other names."""
    if name not in FILES:
        raise KeyError(name)
    data = resources.files("jichitai_ai.hoiku").joinpath("templates", name).read_bytes()
    if name.endswith(".csv") and not data.startswith(BOM):
        data = BOM + data
    return data


def template_zip() -> bytes:
    """Every template in one ZIP: the console's upload accepts it as it is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in FILES:
            archive.writestr(name, template_file(name))
    return out.getvalue()
