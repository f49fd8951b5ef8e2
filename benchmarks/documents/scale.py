"""Scale benchmark: ingest a generated 4,500-page corpus (例規-like and manual-like text, some of it
as real PDFs), then measure search latency over it.

Reports ingest time, peak memory (ru_maxrss), database size, index build time and query latency
p50/p95 (lexical search through DocumentService, without a generative step). Usage:

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/documents/scale.py --json
    .venv/bin/python benchmarks/documents/scale.py --pages 450   # a quick smaller run
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from jichitai_ai.config import Settings
from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.retrieval import metrics
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate

TOPICS = [
    "手数料",
    "使用料",
    "補助金",
    "公民館",
    "駐車場",
    "道路占用",
    "下水道",
    "水道料金",
    "保育料",
    "国民健康保険税",
    "介護保険",
    "職員給与",
    "旅費",
    "情報公開",
    "個人情報保護",
    "文書管理",
    "防災会議",
    "消防団",
    "都市公園",
    "墓地",
    "廃棄物処理",
    "環境保全",
    "景観形成",
    "空き家対策",
    "商工業振興",
    "農業振興",
    "選挙管理",
    "議会図書室",
    "監査委員",
    "契約事務",
    "入札参加資格",
    "財産管理",
    "債権管理",
    "市税の減免",
    "固定資産評価",
    "児童手当",
    "ひとり親家庭医療費",
    "予防接種",
    "がん検診",
    "生活保護",
    "障害福祉サービス",
    "高齢者見守り",
    "放課後児童クラブ",
    "学校給食",
    "図書館",
    "体育館",
    "スポーツ振興",
    "文化財保護",
    "観光案内所",
    "移住定住",
    "ふるさと納税",
    "地域公共交通",
    "自転車駐車場",
    "犬の登録",
]
CAPTIONS = [
    "目的",
    "定義",
    "対象者",
    "申請",
    "許可",
    "届出",
    "変更",
    "取消し",
    "期間",
    "額",
    "納付",
    "減免",
    "還付",
    "委任",
    "罰則",
    "報告",
    "調査",
    "台帳",
    "基準",
    "特例",
]
DEPTS = [
    "総務課",
    "財政課",
    "税務課",
    "市民課",
    "保険年金課",
    "福祉課",
    "子育て支援課",
    "健康推進課",
    "環境課",
    "都市計画課",
    "道路課",
    "上下水道課",
    "教育総務課",
    "生涯学習課",
]
ACTIONS = [
    "受け付ける",
    "審査する",
    "交付する",
    "通知する",
    "確認する",
    "記録する",
    "公表する",
    "保管する",
    "回収する",
    "点検する",
]
KANJI = "〇一二三四五六七八九"


def kanji(n: int) -> str:
    if n < 10:
        return KANJI[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KANJI[tens]) + "十" + (KANJI[ones] if ones else "")


def reiki_pages(
    rng: random.Random, topic: str, pages: int
) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A regulation of ``pages`` pages: title, page texts and (article, probe question) pairs."""
    title = f"あおば市{topic}条例"
    out: list[str] = []
    probes: list[tuple[str, str]] = []
    article = 0
    for page in range(pages):
        lines = [title] if page == 0 else []
        for _ in range(5):
            article += 1
            caption = f"{topic}の{rng.choice(CAPTIONS)}{article}"
            dept, action, days = rng.choice(DEPTS), rng.choice(ACTIONS), rng.randint(5, 90)
            lines.append(f"（{caption}）")
            lines.append(
                f"第{kanji(article) if article < 100 else article}条　市長は、{topic}に係る{caption}について、"
                f"{dept}において{action}ものとし、その期間は{days}日を超えないものとする。"
            )
            lines.append(
                f"２　前項の{caption}は、規則で定める様式により{dept}長に提出しなければならない。"
            )
            lines.append(f"一　{topic}の{rng.choice(CAPTIONS)}に関する事項")
            lines.append(
                f"二　その他市長が必要と認める事項（{rng.choice(TOPICS)}との調整を含む。）"
            )
            probes.append((f"第{article}条", f"{topic}の{caption}は何日以内？"))
        out.append("\n".join(lines))
    return title, out, probes


def manual_pages(rng: random.Random, topic: str, pages: int) -> list[str]:
    out = []
    for page in range(pages):
        lines = [f"{topic}事務の手引き　第{page + 1}節"]
        for step in range(8):
            dept, action = rng.choice(DEPTS), rng.choice(ACTIONS)
            lines.append(
                f"{step + 1}. {topic}の{rng.choice(CAPTIONS)}は、{dept}の担当者が窓口で{action}。"
                f"必要書類は{rng.choice(TOPICS)}の申請書と本人確認書類で、処理には{rng.randint(1, 30)}日かかる。"
            )
        out.append("\n".join(lines))
    return out


def write_pdf(path: Path, pages: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    c = canvas.Canvas(str(path))
    for page in pages:
        c.setFont("HeiseiMin-W3", 8)
        y = 810
        for line in page.splitlines():
            for start in range(0, len(line), 60):
                c.drawString(20, y, line[start : start + 60])
                y -= 11
        c.showPage()
    c.save()


def generate(folder: Path, total_pages: int, seed: int = 20261126) -> list[tuple[str, str, str]]:
    """Write the corpus; returns probes (document title, expected article, question)."""
    rng = random.Random(seed)
    probes: list[tuple[str, str, str]] = []
    written = 0
    n = 0
    while written < total_pages:
        topic = TOPICS[n % len(TOPICS)] + ("" if n < len(TOPICS) else f"第{n // len(TOPICS) + 1}")
        kind = n % 3
        pages = min(30, total_pages - written)
        if kind == 0:  # regulation, plain text with form feeds between pages
            title, texts, doc_probes = reiki_pages(rng, topic, pages)
            (folder / f"reiki-{n:03d}.txt").write_text("\f".join(texts), encoding="utf-8")
            probes += [(title, art, q) for art, q in doc_probes]
        elif kind == 1 and n % 9 == 1:  # some manuals as real PDFs
            write_pdf(folder / f"manual-{n:03d}.pdf", manual_pages(rng, topic, pages))
        else:
            (folder / f"manual-{n:03d}.txt").write_text(
                "\f".join(manual_pages(rng, topic, pages)), encoding="utf-8"
            )
        written += pages
        n += 1
    return probes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4500)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jichitai-scale-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        t0 = time.perf_counter()
        probes = generate(folder, args.pages)
        gen_seconds = time.perf_counter() - t0
        db_path = Path(tmp) / "scale.db"
        platform = Platform(replace(Settings(), database_url=f"sqlite:///{db_path}"))
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            tenant_service.add_tenant(session, "aoba-city", "あおば市")
        service = DocumentService(platform.db, platform.settings)
        files = sorted(folder.iterdir())
        t0 = time.perf_counter()
        report = service.ingest_paths(
            "aoba-city", files, collection="library", progress=not args.json
        )
        ingest_seconds = time.perf_counter() - t0
        rss_after_ingest = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        service.search("aoba-city", "手数料の減免", Viewer.everything())  # builds the index
        index_seconds = time.perf_counter() - t0
        rng = random.Random(7)
        sample = rng.sample(probes, min(args.queries, len(probes)))
        latencies, top1 = [], 0
        for title, article, question in sample:
            started = time.perf_counter()
            hits = service.search("aoba-city", question, Viewer.everything(), k=10)
            latencies.append(time.perf_counter() - started)
            if (
                hits
                and hits[0].document == title
                and hits[0].location.split("第", 2)[:2] == article.split("第", 2)[:2]
            ):
                top1 += 1
        lat = metrics.latency_percentiles(latencies, (50, 95, 99))
        with platform.db.read() as session:
            from sqlalchemy import func, select

            from jichitai_ai.documents.tables import DocumentChunk

            chunks = session.execute(select(func.count()).select_from(DocumentChunk)).scalar_one()
        platform.close()
        size = sum(p.stat().st_size for p in Path(tmp).glob("scale.db*"))
        result = {
            "pages": args.pages,
            "files": len(files),
            "pdf_files": sum(1 for f in files if f.suffix == ".pdf"),
            "indexed": report.count("indexed"),
            "errors": report.count("error"),
            "chunks": chunks,
            "generate_seconds": round(gen_seconds, 1),
            "ingest_seconds": round(ingest_seconds, 1),
            "index_build_seconds": round(index_seconds, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_after_ingest_mb": round(rss_after_ingest / 1024, 1),
            "database_mb": round(size / 2**20, 1),
            "queries": len(sample),
            "query_ms_p50": round(lat["p50"], 2),
            "query_ms_p95": round(lat["p95"], 2),
            "query_ms_p99": round(lat["p99"], 2),
            "top1_article_accuracy": round(top1 / len(sample), 3) if sample else 0.0,
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
