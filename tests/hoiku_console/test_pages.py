"""Upload, run, review and download through the console pages (HTTP, SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
from fastapi.testclient import TestClient

from jichitai_ai.hoiku._generate import generate, write_chilmai, write_native
from tests.console.helpers import login
from tests.hoiku_console.util import native_files, run, upload


def test_editor_uploads_runs_reviews_and_downloads(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    index = client.get("/console/t/aoba/hoiku")
    assert index.status_code == 200
    assert 'id="hoiku-upload"' in index.text and "保持中の取込データはありません" in index.text
    assert 'action="/console/t/aoba/hoiku" enctype="multipart/form-data"' in index.text
    path = upload(client, csrf, native_files(instance_dir))

    before = client.get(path)
    assert f'action="{path}/run" class="stack" id="hoiku-run-form"' in before.text
    assert 'id="hoiku-summary"' not in before.text
    assert re.search(r"申込児童数</span><span class=\"kpi-card__value\">60<", before.text)

    run(client, csrf, path)
    page = client.get(path + "?done=run")
    assert "利用調整を実行しました。" in page.text
    placed = re.search(r'id="placed-count">(\d+) / 60<', page.text)
    assert placed, page.text[:2000]
    assert 'id="verdict">安定<' in page.text
    assert "制約違反 0件・ブロッキング提携 0件" in page.text
    assert page.text.count('<tr id="child-') == 50  # first page of 60 children

    # Search by child id: one row with its explanation (根拠説明).
    found = client.get(path, params={"q": "C00008"})
    assert found.text.count('<tr id="child-') == 1
    assert re.search(r"<li>第1希望「第\d保育園」", found.text)

    waiting = client.get(path, params={"status": "waiting"})
    n_waiting = waiting.text.count('<tr id="child-')
    assert n_waiting == 60 - int(placed.group(1))
    assert "保留（待機）" in waiting.text

    facilities = client.get(path, params={"view": "facilities", "facility": "1002"})
    assert 'id="hoiku-rosters"' in facilities.text and 'id="hoiku-waitlists"' in facilities.text
    assert "施設別名簿（1002" in facilities.text

    for link in ("result.xlsx", "result.csv", "rosters.csv", "waitlist.csv"):
        assert f'href="{path}/{link}"' in page.text
    result = client.get(path + "/result.csv")
    assert result.status_code == 200 and "attachment" in result.headers["content-disposition"]
    assert result.headers["cache-control"] == "no-store"
    rows = list(csv.reader(io.StringIO(result.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["児童ID", "施設ID"] and len(rows) == 61
    assert sum(1 for r in rows[1:] if r[1]) == int(placed.group(1))

    xlsx = client.get(path + "/result.xlsx")
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert book.sheetnames == ["結果", "施設別名簿", "待機リスト"]
    assert len(list(book["結果"].iter_rows(values_only=True))) == 61
    for kind in ("rosters", "waitlist"):
        assert client.get(f"{path}/{kind}.csv").status_code == 200

    listed = client.get("/console/t/aoba/hoiku")
    assert path.rsplit("/", 1)[1] in listed.text and "実行済み" in listed.text


def test_english_page_and_download(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    run(client, csrf, path)
    page = client.get(path, params={"lang": "en"})
    assert "Children placed" in page.text and 'id="verdict">Stable<' in page.text
    header = client.get(path + "/result.csv").content.decode("utf-8-sig").splitlines()[0]
    assert "Reasons" in header


def _children_with_errors(folder: Path) -> bytes:
    """The generated children file with an age of 7 in row 3 and an unknown wish in row 5."""
    lines = (folder / "children.csv").read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    age, wish = header.index("年齢クラス"), header.index("第1希望")
    row3 = lines[2].split(",")
    row3[age] = "7"
    row5 = lines[4].split(",")
    row5[wish] = "9999"
    lines[2], lines[4] = ",".join(row3), ",".join(row5)
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_bad_upload_shows_errors_per_file_and_row(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    files = native_files(instance_dir, ("facilities.csv",))
    files.append(("files", ("children.csv", _children_with_errors(instance_dir))))
    response = client.post("/console/t/aoba/hoiku", data={"csrf_token": csrf}, files=files)
    assert response.status_code == 422
    cells = re.findall(
        r"<tr><td><code>([^<]*)</code></td><td class=\"num\">(\d*)</td><td>([^<]*)</td>",
        response.text,
    )
    assert ("children.csv", "3", "年齢クラス「7」は0〜5の整数ではありません。") in cells
    assert any(f == "children.csv" and r == "5" and "9999" in m for f, r, m in cells)
    assert "入力に2件の問題があるため" in response.text
    assert "保持中の取込データはありません" in response.text  # nothing was kept

    english = client.post("/console/t/aoba/hoiku?lang=en", data={"csrf_token": csrf}, files=files)
    assert english.status_code == 422
    assert "Age class &#34;7&#34; is not a whole number from 0 to 5." in english.text
    assert "facility id &#34;9999&#34; is not in the facility list." in english.text


def test_missing_and_unrecognised_files(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    only = native_files(instance_dir, ("facilities.csv",))
    odd = [*only, ("files", ("名簿.csv", b"a,b\n1,2\n"))]
    response = client.post("/console/t/aoba/hoiku", data={"csrf_token": csrf}, files=odd)
    assert response.status_code == 422
    assert (
        "<code>名簿.csv</code>" in response.text
        and "どの入力ファイルか判別できません" in response.text
    )
    assert "施設ファイルと児童ファイルの両方が必要です。" in response.text


def test_zip_and_chilmai_uploads(client: TestClient, instance_dir: Path, tmp_path: Path) -> None:
    csrf = login(client, "aoba-editor")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("入力/施設.csv", (instance_dir / "facilities.csv").read_bytes())
        z.writestr("入力/児童.csv", (instance_dir / "children.csv").read_bytes())
        z.writestr("入力/settings.toml", (instance_dir / "settings.toml").read_bytes())
        z.writestr("README.md", b"ignored")
    zipped = upload(client, csrf, [("files", ("round1.zip", archive.getvalue()))])
    run(client, csrf, zipped)
    assert 'id="placed-count">' in client.get(zipped).text

    write_chilmai(generate(60, 5, seed=3), tmp_path)
    chilmai = upload(
        client,
        csrf,
        [
            ("files", (name, (tmp_path / name).read_bytes()))
            for name in ("申込者データ.csv", "保育所データ.csv")
        ],
    )
    run(client, csrf, chilmai)
    page = client.get(chilmai).text
    assert re.search(r"申込児童数</span><span class=\"kpi-card__value\">60<", page)
    assert 'id="placed-count">' in page
    assert 'id="verdict">安定<' in page


def test_without_a_stable_allocation_the_coalitions_are_listed(
    client: TestClient, tmp_path: Path
) -> None:
    """Roth's couples example appended: every allocation has a blocking coalition."""
    write_native(generate(30, 3, seed=2, no_stable_gadgets=1), tmp_path)
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(tmp_path))
    run(client, csrf, path)
    page = client.get(path, params={"q": "C9000"}).text
    assert 'id="verdict">要確認<' in page and "ブロッキング提携 1件" in page
    coalitions = page.split('id="hoiku-blocking"', 1)[1].split("</table>", 1)[0]
    # The single child would be admitted to its 2nd wish (検証用9002) ahead of a twin.
    assert re.search(r"<td>C900003</td><td class=\"num\">2</td><td>検証用9002</td>", coalitions)
    assert page.count('<tr id="child-') == 3


def test_exact_method(client: TestClient, instance_dir: Path) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    run(client, csrf, path)
    fast = re.search(r'id="placed-count">(\d+) /', client.get(path).text)
    run(client, csrf, path, method="exact")
    page = client.get(path).text
    exact = re.search(r'id="placed-count">(\d+) /', page)
    assert fast and exact and int(exact.group(1)) >= int(fast.group(1))
    assert "厳密</span>" in page
    assert "最適性を証明済み" in page or "最適性は未証明" in page


def test_auto_is_the_default_method(client: TestClient, instance_dir: Path) -> None:
    """The form offers `auto` checked, fast/exact only as advanced options; no method = auto."""
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    form = client.get(path).text.split('id="hoiku-run-form"', 1)[1].split("</form>", 1)[0]
    assert re.search(r'id="method-auto" name="method" value="auto" checked', form)
    advanced = form.split('<details id="hoiku-advanced">', 1)[1].split("</details>", 1)[0]
    assert 'value="fast"' in advanced and 'value="exact"' in advanced
    assert 'value="fast" checked' not in form and 'value="exact" checked' not in form
    response = client.post(
        path + "/run", data={"csrf_token": csrf, "method": "bogus"}, follow_redirects=False
    )
    assert response.status_code == 303
    page = client.get(path).text
    # auto ran the deferred acceptance start and then CP-SAT: reported as the exact solver
    assert "厳密</span>" in page and 'id="verdict">安定<' in page
