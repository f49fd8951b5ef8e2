"""A sixth staff-prompt set, written after the fixes for heldout_prompts_4.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at markdown tables, CSV rows and bullet
lists, headings with names (【…様】), other record numbers (診察券, 受験番号, 療育手帳),
rōmaji addresses with Apt/Room, and the issue's own formats in new combinations.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "この表を文章にして。\n| 氏名 | 電話 | 生年月日 |\n|---|---|---|\n| ⟦P:杉浦 慎吾⟧ | ⟦T:090-1357-2468⟧ | ⟦B:S52.8.19⟧ |\n| ⟦P:日向 玲奈⟧ | ⟦T:03-6278-1190⟧ | ⟦B:H6.1.3⟧ |",
    "CSVです。お知らせ文に直して。\n⟦P:大野⟧,⟦P:隆司⟧,⟦T:0466-22-3311⟧,⟦A:藤沢市鵠沼海岸3-5-12⟧",
    "・氏名：⟦P:鶴田 真由美⟧\n・住所：⟦A:みなと町8-2⟧\n・連絡先：⟦T:080-9090-1212⟧\n以上を窓口記録の書式に整えて。",
    "【⟦P:小沢 孝明⟧様】国民健康保険税の減免申請について（回答）。本文を作成してください。",
    "診察券番号 ⟦N:000482-1⟧ の⟦P:杉本 琴音⟧ちゃん（⟦B:2019年7月2日⟧生）の予防接種歴をまとめて。",
    "療育手帳 ⟦N:A1-20345⟧ をお持ちの⟦P:安西 大地⟧さん（⟦B:H18.5.5⟧生）の更新案内。",
    "Address: ⟦A:Apt 302, 1-5-7 Kita-machi, Aoba-ku⟧. Name: ⟦P:Aiko Brown⟧. Please translate this form into Japanese.",
    "⟦P:SUZUKI Ichiro⟧ 様 (⟦B:1961-09-30⟧生) の年金の案内。基礎年金番号 ⟦N:1234-567890⟧。",
    "相談記録：⟦P:光⟧ちゃんのお母さん（⟦P:ゆかり⟧さん）から、⟦A:ハイツ緑ヶ丘B棟305号室⟧に転居したとの連絡。",
    "受験番号 ⟦N:2025-0318⟧ の⟦P:村瀬 葵⟧さんの合格通知を作成。保護者は⟦P:村瀬 健一⟧様。",
    "督促状：⟦P:林⟧様、⟦A:2-3-4 Midori-cho, Aoba City⟧、宛名番号 ⟦N:00912873⟧。",
    "外国人住民の相談：⟦P:Thapa Magar Bikash⟧ さん（⟦T:070-4411-2299⟧）、雇用主は工場。在留カード ⟦N:XY98765432ZW⟧。",
    "⟦P:やまもと ゆうき⟧さん、⟦P:やまもと はな⟧さん姉弟の就学援助の申請書類一覧を作って。",
    "メール転送：\n> ⟦P:森下⟧様\n> 先日の件ですが、⟦P:吉村 直人⟧（⟦E:n_yoshimura@example.ne.jp⟧）に確認しました。\n要点をまとめて。",
    "本人確認の記録：運転免許証番号 ⟦N:123456789012⟧、⟦P:金子 翼⟧様（⟦B:平成2年3月4日⟧生）。",
    "生活保護の訪問記録：⟦P:石黒 清⟧（⟦B:S29.11.3⟧生）、⟦A:本町二丁目5-6 第二コーポ本町 201⟧、通院状況良好。",
    "⟦P:Anh Nguyen⟧ さんと ⟦P:Duc Tran⟧ さんが窓口に来て、国保の脱退手続きをした。記録を整えて。",
    "窓口メモ：⟦P:谷⟧さん（80代男性）、妻の⟦P:節子⟧さんの代理で住民票を請求。本人確認は保険証。",
    "給付金の振込先：⟦P:オオタ ミツル⟧　三井住友銀行　仙台支店　普通　⟦N:7012345⟧。確認メールの文面を。",
    "次のLINEメッセージへの返事を考えて：「⟦P:めぐみ⟧です！息子の⟦P:蒼⟧が熱を出したので明日の健診キャンセルします」",
    "⟦P:Fatima Al-Hassan⟧ 様（⟦E:fatima.alhassan@example.org⟧）、礼拝場所についての問い合わせへの回答。",
    "ケース番号 ⟦N:CW2024-55⟧：⟦P:上原 勝⟧ 氏、⟦A:宜野湾市大山4-18-2⟧、⟦T:098-897-3344⟧。就労支援の記録を要約。",
    "⟦P:河合⟧課長から、⟦P:水野 恵子⟧さん（⟦T:052-961-7788⟧）への回答案を作るよう指示がありました。",
    "救急搬送の連絡記録：⟦P:小田 義男⟧さん（⟦B:昭和9年10月2日⟧生）、搬送先は市民病院。家族 ⟦P:小田 洋子⟧（⟦T:090-3030-4040⟧）。",
    "英語で案内を：To Ms. ⟦P:Rodriguez⟧ and Mr. ⟦P:Tanaka⟧, the ceremony starts at 10:00.",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
