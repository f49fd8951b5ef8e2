"""An eleventh staff-prompt set, written after the fixes for heldout_prompts_9.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at transcripts: phone calls with fillers,
meeting minutes with speaker labels, SNS posts, 回覧板 and Q&A pasted from a form.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "電話の文字起こしを要約して。\n職員：はい、市民課です。\n住民：えーと、あの、⟦P:高野⟧ですけど、⟦P:高野 まさる⟧、はい。⟦B:昭和の45年の6月2日⟧生まれです。",
    "議事録を整えて。\n⟦P:渡辺⟧：前回の件ですが。\n⟦P:佐野⟧：了解です。\n⟦P:宮本⟧：⟦P:古川⟧さんに確認します。",
    "SNSの投稿への返信案：「@⟦P:taro_yamada88⟧ 市役所の窓口で⟦P:高橋⟧って職員に冷たくされた」",
    "回覧板の文面を作って。今月の当番は3班の⟦P:石井⟧さん宅（⟦T:0436-21-3344⟧）です。",
    "Q. 私は⟦P:ホアン⟧と申しますが、ベトナムの妻（⟦P:Mai⟧）を呼びたいです。\nA. （回答を書いて）",
    "次の音声メモを文章にして：「⟦P:あさの⟧さん、えっと⟦P:浅野 綾香⟧さん、電話番号が⟦T:ゼロハチゼロの1234の5678⟧」",
    "面談記録（抜粋）\n相談員：お名前を。\n相談者：⟦P:チョウ・ウンギ⟧です。\n相談員：ご住所は。\n相談者：⟦A:泉区館2-1-3⟧です。",
    "転記ミスの確認：⟦P:小西 美穂⟧（⟦B:1983.3.3⟧）、⟦P:小西 美帆⟧（⟦B:1983.3.8⟧）は別人か同一人物か判断のポイントを。",
    "以下をやさしい日本語に：⟦P:アリ⟧さん、あなたの在留カードの番号は⟦N:AB 1234 5678 CD⟧です。",
    "陳情書の要旨：陳情者 ⟦P:吉川 浩一⟧ほか12名、代表者住所 ⟦A:若林区沖野6-17-1⟧。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
