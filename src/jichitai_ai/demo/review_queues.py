"""Demo work for the two review queues a newcomer otherwise finds empty (newcomer walkthrough nc5).

- 文書検索 → OCR確認: a scanned page of a fictional あおば市 regulation (written for this project),
  printed here as an image with two faded, low-resolution lines, goes through the same upload
  path as a staff member's scan (:meth:`DocumentService.ingest`): Tesseract reads it, and the
  lines it is unsure of wait for a person. Without Tesseract the page is listed as 要OCR.
- 生成AI送信の確認: two requests of the demo editor go through the gateway
  (:meth:`Gateway.complete`): a summary of a resident's complaint with a name and a phone
  number, held for review, and a request quoting a マイナンバー, refused and on the audit log.
  This needs an AI model that may take them; ``deploy/demo.toml`` (what ``make run`` uses when
  there is no ``jichitai.toml``) registers the built-in echo model, which sends nothing anywhere.

Running ``init --demo`` again adds nothing: the scan's collection and the demo editor's held
request are looked for first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from jichitai_ai.services.errors import ServiceError

if TYPE_CHECKING:
    from jichitai_ai.documents.service import DocumentService
    from jichitai_ai.services.platform import Platform

TENANT = "aoba-city"
SCAN_COLLECTION = "scans"
SCAN_TITLE = "スキャンした紙の文書（デモ用に作成した架空の規則。OCR確認の例）"
#: The file name staff see as the document's title (an image has no title of its own).
SCAN_NAME = "あおば市立公園の使用に関する規則（スキャン）.png"
#: The page: (text, how much it is degraded: 0 clean, 3 or 4 printed that much smaller and
#: enlarged again, as a faded photocopy reads).
SCAN_LINES: tuple[tuple[str, int], ...] = (
    ("あおば市立公園の使用に関する規則（抄）", 0),
    ("第一条　この規則は、あおば市立公園条例の施行に関し必要な事項を定める。", 0),
    ("第二条　公園で行事を行おうとする者は、使用日の十日前までに申請書を", 0),
    ("市長に提出し、その許可を受けなければならない。", 4),
    ("２　前項の申請書には、行事の内容及び参加者の見込数を記載するものとする。", 0),
    ("第三条　使用料は、一日につき千二百円とする。ただし、市長が公益上", 4),
    ("特に必要があると認めるときは、これを減額し、又は免除することができる。", 0),
)
DEMO_REQUESTER = "aoba-editor"
HELD_PURPOSE = "demo: 苦情メールの要約"
REFUSED_PURPOSE = "demo: マイナンバーを含む依頼"
HELD_TEXT = (
    "次の住民からのメールを、担当課への引き継ぎ用に三行で要約してください。\n"
    "「あおば市役所 環境課 御中　先週から、青葉町三丁目の集積所のごみが回収されていません。"
    "カラスが散らかして困っています。山田花子（電話 090-1234-5678）」"
)
REFUSED_TEXT = (
    "申請者のマイナンバー 1234 5678 9018 を使って、住民税の課税状況を確認する文案を作って。"
)


def scanned_page(seed: int = 5) -> bytes:
    """The demo scan as a PNG (about 300 dpi, A4 width), the same bytes every time."""
    from jichitai_ai.documents.ocr._synthetic import render_copy

    return render_copy(SCAN_LINES, size=36, seed=seed)


def load_demo_scan(service: DocumentService) -> str:
    """Ingest the demo scan into its own collection (once); what happened, for ``init``."""
    if service.has_collection(TENANT, SCAN_COLLECTION):
        return "exists"
    try:
        page = scanned_page()
    except OSError as exc:  # no Japanese font to print the page with
        return f"not loaded ({exc})"
    service.set_collection(TENANT, SCAN_COLLECTION, visibility="staff", title=SCAN_TITLE)
    item = service.ingest(TENANT, SCAN_NAME, page, collection=SCAN_COLLECTION, user="demo")
    if item.status != "indexed":
        return f"{item.status} {item.message.get('en', '')}".strip()
    return f"indexed; lines waiting for OCR review (OCR確認待ち): {item.ocr_review}"


def load_demo_gateway(platform: Platform) -> str:
    """The demo editor's two gateway requests (once); what happened, for ``init``."""
    from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway, HeldForReview, PolicyRefused
    from jichitai_ai.gateway.tables import GatewayReview

    gateway = Gateway(platform.db, platform.settings)
    try:
        if not gateway.config.backends:
            return "no AI model registered (see deploy/demo.toml): the review queue stays empty"
        with platform.db.read() as session:
            if session.execute(
                select(GatewayReview.id).where(GatewayReview.purpose == HELD_PURPOSE)
            ).first():
                return "exists"
        outcomes = []
        for text, purpose, review in (
            (HELD_TEXT, HELD_PURPOSE, True),
            (REFUSED_TEXT, REFUSED_PURPOSE, False),
        ):
            request = ChatRequest(
                tenant_id=TENANT,
                user=DEMO_REQUESTER,
                messages=[ChatMessage("user", text)],
                purpose=purpose,
                review=review,
            )
            try:
                gateway.complete(request)
                outcomes.append("sent")
            except HeldForReview:
                outcomes.append("held for review")
            except PolicyRefused as exc:
                outcomes.append(f"refused ({exc.key})")
            except ServiceError as exc:
                outcomes.append(f"not sent ({exc.key})")
        return ", ".join(outcomes)
    finally:
        gateway.close()
