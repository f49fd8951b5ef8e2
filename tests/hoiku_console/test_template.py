"""The console offers the input templates for download (テンプレート), and what it offers
loads back: the ZIP as it is, the single files, and a children file re-saved by Excel in
Shift_JIS with CRLF line ends."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from fastapi.testclient import TestClient

from jichitai_ai.hoiku.console.template_files import FILES
from tests.console.helpers import login
from tests.hoiku_console.util import run, upload


def _zip(client: TestClient) -> dict[str, bytes]:
    response = client.get("/console/t/aoba/hoiku/template.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert 'filename="hoiku-templates.zip"' in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _children(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_reader_finds_and_downloads_the_templates(client: TestClient) -> None:
    login(client, "aoba-auditor")  # read-only staff may fetch them (nothing is changed)
    index = client.get("/console/t/aoba/hoiku")
    assert 'href="/console/t/aoba/hoiku/template.zip"' in index.text
    for name in FILES:
        assert f'href="/console/t/aoba/hoiku/template/{name}"' in index.text
    files = _zip(client)
    assert sorted(files) == sorted(FILES)
    for name in FILES:
        single = client.get(f"/console/t/aoba/hoiku/template/{name}")
        assert single.status_code == 200 and single.content == files[name]
        if name.endswith(".csv"):
            assert single.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
            assert single.headers["content-type"] == "text/csv; charset=utf-8"
    rows = _children(files["children.csv"])
    assert rows[0][:4] == ["児童ID", "世帯ID", "年齢クラス", "利用調整指数"] and len(rows) > 2
    assert client.get("/console/t/aoba/hoiku/template/../settings.toml").status_code == 404
    assert client.get("/console/t/aoba/hoiku/template/secrets.csv").status_code == 404


def test_the_downloaded_zip_uploads_and_runs(client: TestClient) -> None:
    csrf = login(client, "aoba-editor")
    data = _zip(client)
    children = len(_children(data["children.csv"])) - 1
    path = upload(
        client,
        csrf,
        [
            (
                "files",
                ("hoiku-templates.zip", client.get("/console/t/aoba/hoiku/template.zip").content),
            )
        ],
    )
    page = client.get(path)
    assert re.search(rf'申込児童数</span><span class="kpi-card__value">{children}<', page.text)
    run(client, csrf, path)
    done = client.get(path + "?done=run")
    assert re.search(rf'id="placed-count">\d+ / {children}<', done.text)
    assert "制約違反 0件" in done.text


def test_single_files_and_an_excel_resave_upload(client: TestClient) -> None:
    csrf = login(client, "aoba-editor")
    data = _zip(client)
    upload(client, csrf, [("files", (name, data[name])) for name in FILES])
    # Excel on Japanese Windows saves "CSV" as Shift_JIS with CRLF and no BOM.
    resaved = {
        name: data[name]
        .decode("utf-8-sig")
        .replace("\r\n", "\n")
        .replace("\n", "\r\n")
        .encode("cp932")
        if name.endswith(".csv")
        else data[name]
        for name in FILES
    }
    path = upload(
        client,
        csrf,
        [("files", (f"児童_{n}" if n == "children.csv" else n, resaved[n])) for n in FILES],
    )
    children = len(_children(data["children.csv"])) - 1
    assert re.search(
        rf'申込児童数</span><span class="kpi-card__value">{children}<', client.get(path).text
    )
