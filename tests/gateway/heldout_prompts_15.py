"""A sixteenth staff-prompt set (round 2 of issue 9), written before the detector ran on it
(docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at messages written by residents and read
aloud: non-native Japanese, Chinese and Korean names in kanji, Filipino names with Ma.,
kanji-numeral and full-width numbers, 元年, 才, 髙/﨑 variants, upper-case e-mail.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "住民からのメッセージを丁寧な日本語に：「わたし ⟦P:王 小明⟧ です。こどもの ほいくえん の ことで そうだん したい。でんわ ⟦T:〇九〇―二二四一―七七三八⟧」",
    "この相談の要点を：⟦P:金 正浩⟧さん（在日3世）、⟦B:１９５８年１０月２日⟧生、⟦A:宮城野区原町４－１－２⟧。",
    "返信案：⟦P:Ma. Cristina Reyes⟧ さんから、子どもの予防接種の予約について英語で問い合わせ。",
    "面談記録：相談者 ⟦P:髙﨑 麻衣⟧（７８才）、⟦B:昭和元年12月30日⟧生まれの母 ⟦P:髙﨑 トヨ⟧と同居。",
    "問い合わせメールに返信：送信者 ⟦E:YAMAGUCHI.K@EXAMPLE.NE.JP⟧、署名は「⟦P:山口 和也⟧」。",
    "読み上げ用に直して：お電話番号、⟦T:ゼロキュウゼロ、ニイサンヨン、ゴロクナナハチ⟧、⟦P:いとう⟧さまですね。",
    "窓口で聞いた話：ベトナムから来た⟦P:グエン・ヴァン・ナム⟧さん、住まいは⟦A:若林区卸町二丁目十五番地の三⟧、会社の寮。",
    "苦情の記録：⟦P:ひらの⟧って人が、毎朝⟦A:旭ヶ丘3の5の12⟧の前にごみを出す、と通報あり。",
    "外国人相談：⟦P:Pedro Henrique⟧ さん（ブラジル）、在留カード ⟦N:ＡＢ１２３４５６７８ＣＤ⟧、妻 ⟦P:Juliana⟧。",
    "記録を清書：⟦P:渡邊⟧ではなく⟦P:渡辺 恭子⟧です（⟦B:平成元年8月8日⟧生）。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
