"""Voice: spoken text rules, Open JTalk synthesis, the ASR adapters, and the kiosk's loop
with questions synthesised by Open JTalk and recognised by the stand-in server."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.channels.voice import asr, speech
from jichitai_ai.channels.voice.audio import read_wav, resample, voiced_seconds
from jichitai_ai.channels.voice.dialogue import set_spoken_text
from jichitai_ai.channels.voice.tts import OpenJTalk
from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.app import create_app
from tests.channels import asr_standin
from tests.channels.conftest import TENANT, demo_platform
from tests.resident import helpers


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("電話 0000-00-1000 まで", "ゼロゼロゼロゼロの、ゼロゼロの、イチゼロゼロゼロ"),
        ("平日 8:30〜17:15", "8時30分から17時15分"),
        ("受付は9:00から", "9時から"),
        ("4/1から", "4月1日から"),
        ("2025/04/01施行", "2025年4月1日施行"),
        ("詳しくは https://www.city.example.jp/a?b=1 をご覧ください", "ホームページ"),
        ("・持ち物\n・印鑑", "持ち物。印鑑"),
        ("火事は119", "イチイチキュー"),
    ],
)
def test_spoken_form(written: str, spoken: str) -> None:
    assert spoken in speech.normalize(written)


def test_spoken_answer_is_short_unless_staff_wrote_one() -> None:
    long = "最初の文です。" + "二番目の文はとても長いです。" * 20
    short = speech.spoken_answer(long)
    assert short.startswith("最初の文です。") and len(short) <= speech.MAX_SPOKEN_CHARS
    assert speech.spoken_answer(long, "職員が書いた読み上げ文。") == "職員が書いた読み上げ文。"


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("2番", 2),
        ("２番です", 2),
        ("にばん", 2),
        ("一番", 1),
        ("3", 3),
        ("ろくばん", None),
        ("5番", None),
        ("住民票", None),
    ],
)
def test_choice_numbers(said: str, number: int | None) -> None:
    assert speech.choice_number(said, 4) == number


@pytest.fixture(scope="module")
def jtalk() -> OpenJTalk:
    return OpenJTalk.from_settings(Settings())


def test_open_jtalk_speaks_japanese(jtalk: OpenJTalk) -> None:
    wav = jtalk.synthesize("燃えるごみは月曜日と木曜日です。")
    pcm = read_wav(wav)
    assert pcm.rate == 48000 and 1.0 < pcm.seconds < 8.0
    assert voiced_seconds(pcm) > 0.8
    phone = resample(pcm, 8000)
    assert phone.rate == 8000 and abs(phone.seconds - pcm.seconds) < 0.01
    assert voiced_seconds(phone) > 0.6
    assert jtalk.synthesize("燃えるごみは月曜日と木曜日です。") is wav  # cached


@pytest.fixture
def recogniser() -> Iterator[asr_standin.Running]:
    running = asr_standin.start(asr_standin.Recogniser())
    yield running
    running.stop()


def test_openai_adapter_speaks_the_protocol(
    recogniser: asr_standin.Running, jtalk: OpenJTalk
) -> None:
    clip = jtalk.synthesize("住民票がほしい")
    recogniser.recogniser.learn(clip, "住民票がほしい")
    adapter = asr.OpenAITranscriber(recogniser.url, model="whisper-large-v3", api_key="asr-key")
    assert adapter.transcribe(clip, "audio/wav") == "住民票がほしい"
    heard = recogniser.recogniser.uploads[-1]
    assert (heard.model, heard.language, heard.media_type, heard.size) == (
        "whisper-large-v3",
        "ja",
        "audio/wav",
        len(clip),
    )
    with pytest.raises(asr.RecognitionFailed):
        asr.OpenAITranscriber(recogniser.url, api_key="wrong").transcribe(clip, "audio/wav")
    with pytest.raises(asr.RecognitionFailed):
        asr.OpenAITranscriber("http://127.0.0.1:9", timeout_seconds=2).transcribe(clip, "audio/wav")


def test_vosk_adapter_explains_what_is_missing() -> None:
    with pytest.raises(asr.RecognitionFailed, match="vosk"):
        asr.VoskTranscriber("/nonexistent").transcribe(b"RIFF", "audio/wav")


@pytest.fixture
def kiosk(
    settings: Settings, demo_sqlite: Path, recogniser: asr_standin.Running
) -> Iterator[tuple[TestClient, Platform]]:
    voice = {"asr": "openai", "asr_url": recogniser.url, "asr_api_key": "asr-key"}
    p = demo_platform(replace(settings, raw={**settings.raw, "voice": voice}), demo_sqlite)
    with TestClient(create_app(platform=p)) as client:
        yield client, p
    p.close()


def _say(
    client: TestClient, recogniser: asr_standin.Running, jtalk: OpenJTalk, text: str, **form: str
) -> dict:
    clip = jtalk.synthesize(text)
    recogniser.recogniser.learn(clip, text)
    response = client.post(
        f"/t/{TENANT}/voice/ask",
        data={"session": "kiosk-1", **form},
        files={"audio": ("q.wav", clip, "audio/wav")},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_spoken_question_clarify_spoken_choice_answer(
    kiosk: tuple[TestClient, Platform], recogniser: asr_standin.Running, jtalk: OpenJTalk
) -> None:
    client, platform = kiosk
    question = helpers.clarify(platform).question
    first = _say(client, recogniser, jtalk, question)
    assert first["transcript"] == question and first["kind"] == "clarify"
    assert "1番、" in first["say"] and "2番、" in first["say"]
    spoken = read_wav(base64.b64decode(first["audio"]))
    assert spoken.rate == 16000 and voiced_seconds(spoken) > 1.0
    ids = [c["entry_id"] for c in first["choices"]]
    second = _say(
        client,
        recogniser,
        jtalk,
        "2番",
        pending=str(first["question_id"]),
        choices=",".join(map(str, ids)),
        token=first["token"],
    )
    assert (
        second["kind"] == "answer"
        and second["answer"]["question"] == first["choices"][1]["question"]
    )
    assert second["audio"]
    with platform.db.read() as session:
        rows = session.execute(select(QuestionLog)).scalars().all()
        assert [(r.channel, r.chosen_entry_id) for r in rows] == [("voice", ids[1])]


def test_unmatched_speech_during_choices_is_a_new_question(
    kiosk: tuple[TestClient, Platform], recogniser: asr_standin.Running, jtalk: OpenJTalk
) -> None:
    client, platform = kiosk
    first = _say(client, recogniser, jtalk, helpers.clarify(platform).question)
    ids = ",".join(str(c["entry_id"]) for c in first["choices"])
    other = helpers.no_answer(platform).question
    second = _say(client, recogniser, jtalk, other, pending=str(first["question_id"]), choices=ids)
    assert second["transcript"] == other and second["kind"] == "handover"
    assert second["handover"]["dial"] == "0000001000"
    assert "ゼロゼロゼロゼロの、ゼロゼロの、イチゼロゼロゼロ" in second["say"]


def test_answer_uses_staff_spoken_text(
    kiosk: tuple[TestClient, Platform], jtalk: OpenJTalk
) -> None:
    client, platform = kiosk
    probe = helpers.answer_with_source(platform)
    assert probe.result.answer is not None
    set_spoken_text(
        platform, TENANT, probe.result.answer.entry.external_id, "職員が書いた短い読み上げ文です。"
    )
    data = client.post(
        f"/t/{TENANT}/voice/ask", data={"text": probe.question, "session": "s"}
    ).json()
    assert data["say"].startswith("職員が書いた短い読み上げ文です。")
    department = probe.result.answer.entry.department
    assert department is not None and department.name in data["say"]


def test_silence_and_oversized_audio_are_refused(kiosk: tuple[TestClient, Platform]) -> None:
    client, _ = kiosk
    unheard = client.post(
        f"/t/{TENANT}/voice/ask", files={"audio": ("q.wav", b"RIFF0000WAVE", "audio/wav")}
    )
    assert unheard.status_code == 422 and unheard.json()["error"] == "channels.voice.not_heard"
    big = client.post(
        f"/t/{TENANT}/voice/ask",
        files={"audio": ("q.wav", b"0" * (asr.MAX_AUDIO_BYTES + 10), "audio/wav")},
    )
    assert big.status_code == 413


def test_kiosk_page_has_no_remote_assets_and_a_strict_policy(
    kiosk: tuple[TestClient, Platform],
) -> None:
    client, _ = kiosk
    page = client.get(f"/t/{TENANT}/voice")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "media-src 'self' blob:" in policy
    assert (
        "http://" not in page.text.replace("http://testserver", "") and "https://" not in page.text
    )
    assert client.get("/channels/static/kiosk.js").status_code == 200
    assert client.get("/t/nowhere/voice").status_code == 404


def test_emergency_is_said_and_shown_first(kiosk: tuple[TestClient, Platform]) -> None:
    """Issue 12 fills ``emergency``; the dialogue is tested with a result built here."""
    from jichitai_ai.channels.voice.service import VoiceService
    from jichitai_ai.domain.models import Decision, EmergencyContact
    from jichitai_ai.services.answering import AskResult

    _, platform = kiosk
    probe = helpers.answer_with_source(platform)
    result = AskResult(
        question_id=0,
        decision=Decision.EMERGENCY,
        language="ja",
        answer=probe.result.answer,
        emergency=[EmergencyContact("消防・救急", "119")],
    )
    service = VoiceService(platform)
    turn = service.dialogue.turn(TENANT, result)
    assert turn.say.startswith("緊急の場合は、すぐに消防・救急、イチイチキュー番に")
    data = service.as_json(turn, with_audio=False)
    assert data["emergency"] == [
        {"label": "消防・救急", "number": "119", "note": "", "dial": "119"}
    ]
    assert data["answer"]["question"] == probe.result.answer.entry.question  # type: ignore[union-attr]
    only = service.dialogue.turn(TENANT, replace(result, answer=None))
    assert only.say.startswith("緊急の場合は") and only.kind == "handover"


def test_kiosk_speaks_plain_japanese_when_asked(kiosk: tuple[TestClient, Platform]) -> None:
    client, platform = kiosk
    question = helpers.no_answer(platform).question
    easy = client.post(f"/t/{TENANT}/voice/ask", data={"text": question, "lang": "ja-easy"}).json()
    assert easy["say"].startswith("こたえが みつかりませんでした")
    assert "やさしい にほんご" in client.get(f"/t/{TENANT}/voice?lang=ja-easy").text
    odd = client.post(f"/t/{TENANT}/voice/ask", data={"text": question, "lang": "xx"}).json()
    assert odd["say"].startswith("よくある質問では回答が見つかりませんでした")


def test_kiosk_feedback_only_from_the_same_visit(kiosk: tuple[TestClient, Platform]) -> None:
    client, platform = kiosk
    probe = helpers.answer_with_source(platform)
    data = client.post(
        f"/t/{TENANT}/voice/ask", data={"text": probe.question, "session": "visit-1"}
    ).json()
    vote = {
        "question_id": str(data["question_id"]),
        "entry_id": str(data["entry_id"]),
        "kind": "resolved",
        "token": data["token"],
    }
    other = client.post(f"/t/{TENANT}/voice/feedback", data={**vote, "session": "visit-2"})
    assert other.status_code == 404
    bad = client.post(
        f"/t/{TENANT}/voice/feedback", data={**vote, "kind": "great", "session": "visit-1"}
    )
    assert bad.status_code == 422
    ok = client.post(f"/t/{TENANT}/voice/feedback", data={**vote, "session": "visit-1"})
    assert ok.status_code == 200
    with platform.db.read() as session:
        row = session.get(QuestionLog, data["question_id"])
        assert row is not None and row.resolved is True and row.channel == "voice"

    # 他の候補を見る after 解決しなかった (as on the web and LINE): only from the same visit,
    # further candidates as numbered choices; picking one is a choice bound to the token.
    nope = client.post(f"/t/{TENANT}/voice/feedback", data={**vote, "kind": "not_resolved"})
    assert nope.status_code == 404  # no session: another visit
    client.post(
        f"/t/{TENANT}/voice/feedback", data={**vote, "kind": "not_resolved", "session": "visit-1"}
    )
    ask_more = {"question_id": vote["question_id"], "token": vote["token"]}
    assert client.post(f"/t/{TENANT}/voice/more", data=ask_more).status_code == 404
    more = client.post(f"/t/{TENANT}/voice/more", data={**ask_more, "session": "visit-1"}).json()
    offered = [c["entry_id"] for c in more["choices"]]
    assert more["kind"] == "clarify" and offered and data["entry_id"] not in offered
    assert "1番" in more["say"]
    picked = client.post(
        f"/t/{TENANT}/voice/choose",
        data={**ask_more, "entry_id": str(offered[0]), "session": "visit-1"},
    ).json()
    assert picked["kind"] == "answer" and picked["entry_id"] == offered[0]
    with platform.db.read() as session:
        row = session.get(QuestionLog, data["question_id"])
        assert row is not None and row.chosen_entry_id == offered[0]
