"""The ``docs`` Typer app: ingest (progress, skip bad files), search --json, answer, eval."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jichitai_ai.documents.cli import app
from jichitai_ai.services.platform import Platform
from tests.documents import samples

runner = CliRunner()


def test_ingest_and_search_json(
    tmp_path: Path, platform: Platform, tenant: str, database_url: str
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    samples.write_reiki_txt(folder)
    samples.write_scanned_pdf(folder / "scan.pdf")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 broken zip")
    db = ["--database-url", database_url]
    result = runner.invoke(
        app, ["ingest", "--tenant", tenant, "--collection", "reiki", str(folder), *db]
    )
    assert result.exit_code == 1  # one file failed; the others were ingested
    assert (
        "取り込み 1 件" in result.output
        and "要OCR 1 件" in result.output
        and "エラー 1 件" in result.output
    )

    result = runner.invoke(
        app, ["search", "--tenant", tenant, "余った有休は来年に持ち越せますか", "--json", *db]
    )
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert {"document", "location", "text", "score"} <= hits[0].keys()
    assert (hits[0]["document"], hits[0]["location"]) == (samples.REIKI_TITLE, "第5条第2項")

    result = runner.invoke(app, ["answer", "--tenant", tenant, "宇宙旅行の補助金はありますか", *db])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0] == "資料からは分かりません"
    # The closest provisions are listed, marked as not being the answer's source.
    assert lines[1] == "関連する条項（回答の根拠ではありません）:" and lines[2].startswith("- ")
    result = runner.invoke(
        app, ["search", "--tenant", tenant, "年次休暇", "--public", "--json", *db]
    )
    assert json.loads(result.output) == []  # the collection is staff-only by default


def test_eval_reports_metrics(tmp_path: Path) -> None:
    passages = {
        "p1": {"title": "年次休暇", "text": "年次休暇は一の年において二十日とする。"},
        "p2": {"title": "病気休暇", "text": "病気休暇の期間は九十日を超えない範囲内とする。"},
        "p3": {"title": "週休日", "text": "日曜日及び土曜日は週休日とする。"},
    }
    queries = {"q1": "年次休暇は何日", "q2": "病気休暇の期間", "q3": "土曜日は休みか"}
    qrels = {"q1": {"p1": 1}, "q2": {"p2": 1}, "q3": {"p3": 1}}
    paths = []
    for name, data in [("passages", passages), ("queries", queries), ("qrels", qrels)]:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths += [f"--{name}", str(path)]
    result = runner.invoke(app, ["eval", *paths, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {"ndcg@10", "recall@10", "mrr@10", "latency_ms_p95"} <= report.keys()
    assert report["ndcg@10"] == 1.0 and report["recall@10"] == 1.0 and report["queries"] == 3


def test_eval_set_reports_top_k_labels_and_citations(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    questions = {
        "documents": ["mizuho_tesuryo.html"],
        "questions": [
            {
                "id": "a",
                "question": "戸籍謄本の手数料はいくら",
                "document": "みずほ町手数料条例",
                "article": "別表",
            },
            {
                "id": "b",
                "question": "手数料の減免",
                "document": "みずほ町手数料条例",
                "article": "第3条",
            },
        ],
        "unanswerable": [{"id": "n", "question": "宇宙旅行の補助金はありますか"}],
    }
    path = tmp_path / "q.json"
    path.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(
        app, ["eval-set", "--corpus", str(fixtures), "--questions", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["questions"] == 2 and report["top3"] == 1.0
    assert report["unanswerable_answered"] == 0
    assert "details" not in report


def test_eval_set_reads_documents_listed_in_sub_folders(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    questions = {
        "documents": ["reiki_pages/kakogawa_tesuryo.txt"],
        "questions": [
            {
                "id": "a",
                "question": "住民票の写しの手数料はいくらですか",
                "document": "加古川市手数料条例",
                "article": "第2条",
                "sub": "第2条第2号ア",
            }
        ],
    }
    path = tmp_path / "q.json"
    path.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(
        app, ["eval-set", "--corpus", str(fixtures), "--questions", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["not_indexed"] == [] and report["top1"] == 1.0
    assert report["sub_label_exact"] == "1/1"
