"""An eighth staff-prompt set, written after the fixes for heldout_prompts_6.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Fresh text in the issue's own list of formats
(rōmaji names and addresses, 和暦 abbreviations, 住民票コード, 在留カード, ケース番号, ゆうちょ,
building tails, one-kanji and hiragana names, phone look-alikes) plus initials (K. Watanabe,
Watanabe K.), given-name-first rōmaji, and names inside longer compound phrases.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "英文レターの宛名を直して：⟦P:K. Watanabe⟧ 様、⟦A:5-6-7 Sakura-machi, Izumi-ku, Sendai⟧。",
    "⟦P:Watanabe K.⟧ とだけ書かれた申請書が届いた。本人確認の方法を案内する文を作って。",
    "⟦P:Emi Kobayashi⟧ and her husband ⟦P:Takeshi⟧ moved to ⟦A:3-1-15 Higashi-cho, Aoba City⟧. Summarise in Japanese.",
    "生年月日が⟦B:S33.7.7⟧、⟦B:H2.3.4⟧、⟦B:R1.5.1⟧の3人（⟦P:村上 勲⟧、⟦P:村上 詩織⟧、⟦P:村上 湊斗⟧）の健診案内。",
    "住民票コード：⟦N:98765432109⟧、氏名：⟦P:坂井 雅人⟧。広域交付の説明文を作って。",
    "在留カード番号 ⟦N:ZX 99887766 QP⟧ の⟦P:Rodrigo Alves⟧さんへの通知。",
    "ケース番号：⟦N:HC-3391⟧ 対象：⟦P:ゆうき⟧（小3）、母：⟦P:真紀⟧。学校と連携した見守りの記録。",
    "還付先 ゆうちょ銀行 ⟦N:10170-12345671⟧ ⟦P:ナカムラ サチコ⟧。通知文を書いて。",
    "⟦A:中央通り3-8 アーバンハイツC棟1203号室⟧ の⟦P:森 光⟧様宛の督促状。",
    "⟦P:光⟧様（⟦T:(080)2345-6789⟧）、⟦P:渚⟧様（⟦T:０７０ー１２１２ー３４３４⟧）への連絡メモを整理。",
    "相談者は⟦P:あおき⟧様。⟦P:あおき⟧様のお子さんの⟦P:かいと⟧くんが不登校。",
    "⟦P:佐藤⟧家の介護サービス計画：利用者 ⟦P:佐藤 フミ⟧（⟦B:昭和七年三月十日⟧生）、主介護者は嫁の⟦P:佐藤 典子⟧。",
    "記録：⟦P:三上⟧課長補佐が⟦P:野口 恭平⟧氏（⟦T:022 395 1122⟧）と面談。",
    "⟦P:エンフバヤル⟧さん（モンゴル）と⟦P:ツェツェグ⟧さんのご夫婦に、国保の説明をやさしい日本語で。",
    "⟦P:マイケル・ジョーダン・Jr.⟧ではなく、⟦P:マイケル・ジョーダン・ジュニア⟧と住基に登録された方への通知。",
    "宛先：⟦Z:〒980-0811⟧ ⟦A:仙台市青葉区一番町4-11-1⟧ ⟦P:伊達 政子⟧ 様。封筒の宛名面を作成。",
    "昨日来庁した⟦P:熊谷⟧さんのお父さん（⟦P:熊谷 勝利⟧、⟦B:1940/1/1⟧生）の介護保険料について回答。",
    "この依頼書の文面を整えて：依頼者 ⟦P:八木 香織⟧（⟦E:KAORI.YAGI@EXAMPLE.JP⟧）、宛名番号 ⟦N:0045-7781⟧。",
    "⟦P:まゆ⟧さんの⟦P:まゆ⟧ちゃん？同じ名前の母子がいて混乱している。整理の文章を作って。",
    "⟦P:Patel Rajesh⟧ 様、⟦P:Patel Anjali⟧ 様（インド国籍）の住民税の通知を英語で。",
    "⟦P:阮 文雄⟧（⟦P:グエン・ヴァン・フン⟧）さんの漢字表記について、住民票の記載方法を相談したい。",
    "⟦P:小鳥遊 ひより⟧さん（⟦B:H16/7/7⟧生）、⟦A:宮町3-3-3-101⟧。奨学金の推薦書の下書きを。",
    "電話：⟦T:090.1234.9876⟧ ⟦P:藤原 仁⟧。粗大ごみ収集の予約確認を返信して。",
    "Dr. ⟦P:Hiroshi Tanabe⟧ からの英文メールに返信：the meeting with Mayor ⟦P:Suzuki⟧ is confirmed.",
    "⟦P:早瀬⟧です。昨日お電話した⟦P:早瀬 千尋⟧の夫です。妻の年金の件でご連絡しました。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
