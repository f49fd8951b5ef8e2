"""The voice kiosk in real headless Chromium: a question synthesised by Open JTalk is fed to
Chromium's fake microphone, recorded by MediaRecorder, recognised by the stand-in server,
answered, shown large and spoken; a choice is picked with the keyboard. Screenshots of the
kiosk and the console's channels page go to docs/screenshots/ for docs/channels.md."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jichitai_ai.channels.voice.audio import Pcm, read_wav, write_wav
from jichitai_ai.channels.voice.tts import OpenJTalk
from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import DEMO_PASSWORD
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.app import create_app
from tests.browser import guarded_context, launch, serve
from tests.channels import asr_standin
from tests.channels.conftest import TENANT, demo_platform
from tests.resident import helpers

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@dataclass
class Kiosk:
    url: str
    platform: Platform
    recogniser: asr_standin.Recogniser
    question: str
    wav: Path
    seconds: float


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory, demo_sqlite: Path) -> Iterator[Kiosk]:
    folder = tmp_path_factory.mktemp("kiosk")
    running = asr_standin.start(asr_standin.Recogniser())
    settings = replace(
        Settings(),
        database_url=f"sqlite:///{folder / 'kiosk.db'}",
        secret_key="kiosk-secret",
        raw={"voice": {"asr": "openai", "asr_url": running.url, "asr_api_key": "asr-key"}},
    )
    platform = demo_platform(settings, demo_sqlite)
    question = helpers.clarify(platform).question
    # the synthesised question, with half a second of silence either side, as the "microphone"
    speech = read_wav(OpenJTalk.from_settings(settings).synthesize(question))
    pad = np.zeros(speech.rate // 2, dtype=np.int16)
    clip = Pcm(np.concatenate([pad, speech.samples, pad]), speech.rate)
    path = folder / "question.wav"
    path.write_bytes(write_wav(clip))
    with wave.open(str(path)) as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
    try:
        with serve(create_app(platform=platform)) as url:
            yield Kiosk(url, platform, running.recogniser, question, path, clip.seconds)
    finally:
        running.stop()
        platform.close()


@pytest.fixture(scope="module")
def browser(kiosk: Kiosk, playwright_session: Any) -> Iterator[Any]:
    """Chromium with a fake microphone playing the synthesised question."""
    fake_microphone = (
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={kiosk.wav}",
        "--autoplay-policy=no-user-gesture-required",
    )
    with launch(playwright_session, fake_microphone) as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, kiosk: Kiosk) -> Iterator[Any]:
    with guarded_context(browser, kiosk.url, timeout_ms=30_000) as context:
        context.grant_permissions(["microphone"], origin=kiosk.url)
        yield context.new_page()


def test_spoken_question_is_answered_and_spoken(page: Any, kiosk: Kiosk) -> None:
    kiosk.recogniser.webm_transcripts.append(kiosk.question)
    page.goto(f"{kiosk.url}/t/{TENANT}/voice")
    page.click("#talk")
    page.wait_for_selector("#talk[aria-pressed='true']")
    page.wait_for_timeout(int(kiosk.seconds * 1000) + 300)
    page.click("#talk")
    page.wait_for_selector("#result[data-kind='clarify']")
    upload = kiosk.recogniser.uploads[-1]
    assert upload.head == b"\x1a\x45\xdf\xa3" and upload.media_type.startswith("audio/webm")
    # Opus at Chromium's default bitrate: a recording of the clip's length, not a stub
    assert upload.size > 8000
    assert kiosk.question in page.inner_text("#you-said")
    choices = page.locator("#choices button")
    assert choices.count() >= 2
    page.wait_for_function("Number(document.body.dataset.spoken || 0) >= 1")
    page.screenshot(path=str(SCREENSHOTS / "channels-kiosk-choices.png"))

    wanted = choices.nth(1).inner_text().split("　", 1)[1]
    page.keyboard.press("2")
    page.wait_for_selector("#result[data-kind='answer']")
    assert page.inner_text("#answer h2") == wanted
    page.wait_for_function("Number(document.body.dataset.spoken || 0) >= 2")
    with kiosk.platform.db.read() as session:
        rows = session.query(QuestionLog).filter(QuestionLog.channel == "voice").all()
        assert len(rows) >= 1 and rows[-1].chosen_entry_id is not None
        asked_id = rows[-1].id
    page.screenshot(path=str(SCREENSHOTS / "channels-kiosk-answer.png"))
    page.click("#votes button[data-kind='resolved']")
    page.wait_for_selector("#thanks")
    with kiosk.platform.db.read() as session:
        row = session.get(QuestionLog, asked_id)
        assert row is not None and row.resolved is True


def test_not_resolved_offers_the_other_candidates(page: Any, kiosk: Kiosk) -> None:
    """「解決しなかった」 → 「他の候補」: the further candidates of the same question, never the
    ones already shown, each an ordinary numbered choice."""
    page.goto(f"{kiosk.url}/t/{TENANT}/voice")
    page.fill("#question", kiosk.question)
    page.keyboard.press("Enter")
    page.wait_for_selector("#result[data-kind='clarify']")
    first = set(page.locator("#choices button").all_inner_texts())
    page.locator("#choices button").first.click()
    page.wait_for_selector("#result[data-kind='answer']")
    shown = page.inner_text("#answer h2")
    page.click("#votes button[data-kind='not_resolved']")
    page.click("#more")
    page.wait_for_selector("#result[data-kind='clarify'] #choices button")
    further = page.locator("#choices button").all_inner_texts()
    titles = {text.split("　", 1)[1] for text in further}
    already = {text.split("　", 1)[1] for text in first} | {shown}
    assert further and not titles & already
    wanted = further[0].split("　", 1)[1]
    page.keyboard.press("1")
    page.wait_for_selector("#result[data-kind='answer']")
    assert page.inner_text("#answer h2") == wanted


def test_typed_question_hands_over_with_the_phone_number(page: Any, kiosk: Kiosk) -> None:
    page.goto(f"{kiosk.url}/t/{TENANT}/voice")
    page.fill("#question", helpers.no_answer(kiosk.platform).question)
    page.keyboard.press("Enter")
    page.wait_for_selector("#result[data-kind='handover']")
    assert page.get_attribute("#handover a.tel", "href") == "tel:0000001000"
    assert "0000-00-1000" in page.inner_text("#handover")
    page.screenshot(path=str(SCREENSHOTS / "channels-kiosk-handover.png"))


def test_console_channels_page(page: Any, kiosk: Kiosk) -> None:
    page.goto(f"{kiosk.url}/console/login")
    page.fill("input[name=username]", "mizuho-admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{kiosk.url}/console/t/{TENANT}/channels")
    assert f"/line/{TENANT}/webhook" in page.inner_text("#webhook-url")
    page.fill("#channel_secret", "0123456789abcdef0123456789abcdef")
    page.fill("#access_token", "token-from-line-developers")
    page.click("form.stack-form button[type=submit]")
    page.wait_for_selector("p.notice--success")
    assert "設定済み" in page.inner_text("#secret-status")
    page.screenshot(path=str(SCREENSHOTS / "channels-console.png"), full_page=True)


def test_kiosk_offers_the_resident_languages_with_text_answers(page: Any, kiosk: Kiosk) -> None:
    """nc4: the kiosk offered only 日本語 / やさしいにほんご, so a resident who reads English,
    Chinese or Korean could not use the counter's terminal. Now the six languages of the
    resident page; outside Japanese the answer is shown, not read aloud (Open JTalk speaks
    Japanese only), and the page says so."""
    page.goto(f"{kiosk.url}/t/{TENANT}/voice")
    names = page.locator("header nav a").all_inner_texts()
    assert names == ["日本語", "やさしい にほんご", "English", "简体中文", "繁體中文", "한국어"]
    assert page.locator("#text-only").count() == 0

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/voice?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.inner_text("h1") == "Aoba City voice desk"
    assert "not read aloud" in page.inner_text("#text-only")
    page.fill("#question", "I want to throw away a big sofa")
    page.keyboard.press("Enter")
    page.wait_for_selector("#result[data-kind='answer'], #result[data-kind='clarify']")
    if page.get_attribute("#result", "data-kind") == "clarify":
        assert page.locator("#choices button").first.inner_text().startswith("No. 1　")
        page.keyboard.press("1")
        page.wait_for_selector("#result[data-kind='answer']")
    title = page.inner_text("#answer h2")
    assert title.isascii() and "garbage" in title.lower(), title
    assert page.locator("#replay").count() == 0  # nothing to play again: not spoken

    page.goto(f"{kiosk.url}/t/{TENANT}/voice?lang=ko")
    assert page.inner_text("label[for='question']") == "글자로 질문하기"
    assert "읽어 주지 않습니다" in page.inner_text("#text-only")
