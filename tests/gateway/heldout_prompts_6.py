"""A seventh staff-prompt set, written after the fixes for heldout_prompts_5.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at long narrative case notes where a
surname comes back alone, casual chat, Kyoto street addresses (…通…上る), 大字 without
番地, unusual dashes and brackets in phone numbers, unspaced hiragana full names, tone-marked
pinyin, long Portuguese names and obfuscated e-mail addresses.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "ケース記録を要約して。⟦P:山中 久美⟧さん宅を訪問。⟦P:山中⟧さんは腰痛で外出困難。⟦P:山中⟧は今月の家賃が払えないと話す。次回は2週間後。",
    "同僚の⟦P:田中⟧っちが言ってたんだけど、⟦P:米田⟧さんって人から苦情が来てるらしい。対応メモにまとめて。",
    "郵送先：⟦A:京都市中京区河原町通四条上る米屋町380⟧ ⟦P:西陣 幸子⟧様。送付状を作成。",
    "農地の相談：⟦P:土屋 茂⟧さん、⟦A:大字上野123⟧、⟦T:0276‐55‐1234⟧。",
    "緊急連絡先：⟦T:０９０（１２３４）５６７８⟧（携帯）、⟦T:03-3456-7890⟧（自宅）。⟦P:三浦 拓也⟧さん。記録を整えて。",
    "生年月日：⟦B:１９７５年１２月３日⟧、氏名：⟦P:望月 彩⟧。国民年金の免除申請の記載例を作って。",
    "⟦P:やまだはなこ⟧さん（5歳）の保育園の入園書類の確認リストを作って。",
    "⟦P:ヤマダ　ハナコ⟧様の口座振替依頼書（⟦N:0123456⟧）が不備で返送された。お詫び文を。",
    "ブラジルの⟦P:Maria da Conceição Silva Santos⟧さんの氏名が長くて住基の欄に入らない。対応を相談したい。",
    "中国語の通訳メモ：⟦P:Lǐ Míng⟧（⟦P:李明⟧）さん、⟦T:080-3322-1100⟧、⟦A:青葉台1-2-3 グリーンハイツ101⟧。",
    "問い合わせ元：⟦E:yamada.taro [at] example.jp⟧（⟦P:山田 太郎⟧様）。返信文を作って。",
    "受付番号 ⟦N:202406010009⟧ の⟦P:木下 優⟧様にマイナンバーカードの交付通知を送る文面。",
    "世帯番号:⟦N:12345⟧ ⟦P:内藤⟧ 一家の転出手続き。家族は⟦P:内藤 正⟧、⟦P:内藤 恵美⟧、⟦P:内藤 蓮⟧。",
    "ケース記録：⟦P:柴田 ユキ⟧（⟦B:昭和５０．１２．３⟧生）、⟦A:東雲町団地3-105⟧。長男が同居。",
    "DV相談の記録（要配慮）：相談者 ⟦P:早川 明美⟧、加害者とされる夫 ⟦P:早川 隆⟧。避難先はシェルター（非公開）ではなく実家の⟦A:中町4-9⟧。",
    "⟦P:Сергей Иванов⟧（⟦P:セルゲイ・イワノフ⟧）さんの転入について、ロシア語の案内を作りたい。",
    "苦情メール：「⟦P:藤田⟧という職員の対応が悪かった。0120-000-000ではなく直通 ⟦T:022-261-1111⟧ に電話したい」",
    "次の内容で礼状を：先日は⟦P:大森⟧様ご夫妻（⟦A:北山2-4-6⟧）にボランティアでお世話になりました。",
    "⟦P:Ayşe Yılmaz⟧ さん（トルコ国籍、⟦E:ayse.yilmaz@example.com.tr⟧）の児童手当の申請に必要な書類。",
    "訪問予定表を作って：10時 ⟦P:川口⟧様（⟦A:南町1-1⟧）、11時 ⟦P:松井⟧様（⟦A:南町3-8⟧）、13時 ⟦P:小池⟧様（⟦A:西町2-2⟧）。",
    "⟦P:ほしの あかり⟧（⟦B:H21.9.9⟧生）の特別支援学級への就学相談記録を作成。",
    "口座番号 ⟦N:1234567⟧（⟦P:カワムラ ヨシコ⟧）への還付について、還付通知書の文案。",
    "相談者は⟦P:桜井⟧と名字だけ伝えて電話を切った。着信番号は⟦T:090-8080-7070⟧。記録して。",
    "この文章を英訳して：⟦P:佐々木 健⟧様（⟦A:宮城県名取市増田1-7-1⟧）の申請は受理されました。",
    "⟦P:Omar Farouk⟧ さんと奥さんの⟦P:Layla⟧さん、子どもの⟦P:Yusuf⟧くんの3人家族の転入メモ。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
