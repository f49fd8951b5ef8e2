"""A seventeenth staff-prompt set (round 2 of issue 9), written before the detector ran on
it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at registers: 戸籍 and 相続 (本籍, 筆頭者,
被相続人, heirs with 続柄), 固定資産 (地番, 家屋番号), 避難者名簿 with ages, 選挙人名簿,
住民票 世帯員 lists, 救急 and 消防 reports.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "相続関係説明図の文章化：被相続人 ⟦P:真田 源次郎⟧（⟦B:昭和7年4月18日⟧生、令和5年死亡）、相続人 妻 ⟦P:真田 ヨシ⟧、長男 ⟦P:真田 信之⟧、二女 ⟦P:小山田 松⟧。",
    "戸籍の記載例を説明して：本籍 ⟦A:宮城県青葉市北山二丁目100番地⟧、筆頭者 ⟦P:片倉 景綱⟧。",
    "固定資産税の問い合わせ：所有者 ⟦P:茂庭 綱元⟧、所在 ⟦A:青葉市上愛子字街道112番4⟧、家屋番号 ⟦N:112番4の2⟧。",
    "避難者名簿を整理して。\n1 ⟦P:留守 政景⟧ 72 男 要配慮\n2 ⟦P:留守 ちよ⟧ 70 女\n3 ⟦P:伊達 成実⟧ 45 男 ⟦T:090-2837-1164⟧",
    "選挙人名簿の照会：投票区 3、名簿番号 ⟦N:3-1182⟧、⟦P:鬼庭 左月⟧ 殿。期日前投票の案内を。",
    "住民票の世帯員：世帯主 ⟦P:支倉 常長⟧、妻 ⟦P:支倉 まつ⟧（⟦B:S50.3.3⟧）、子 ⟦P:支倉 勘三郎⟧（⟦B:H15.7.1⟧）。転出手続きの説明を。",
    "救急活動記録の要約：傷病者 ⟦P:白石 宗実⟧ 男性 81歳、⟦A:泉区実沢字中山10⟧ 自宅で転倒、通報者は隣人の ⟦P:後藤 信康⟧ さん（⟦T:022-379-5521⟧）。",
    "火災調査の記録：出火建物 ⟦A:若林区荒浜字新堀端24-3⟧、居住者 ⟦P:大條 宗家⟧（世帯主）、同居の孫 ⟦P:大條 実頼⟧ は不在。",
    "墓地使用許可の名義変更：旧名義 ⟦P:国分 盛重⟧（死亡）、新名義 ⟦P:国分 彦九郎⟧（長男、⟦T:080-4410-7725⟧）、区画 ⟦N:C-14-203⟧。",
    "犬の登録変更：所有者 ⟦P:亘理 元宗⟧、犬の名前 ポチ、登録番号 ⟦N:R5-青-0412⟧、新住所 ⟦A:太白区秋保町湯元字薬師102⟧。",
    "成年後見の申立て支援：本人 ⟦P:黒川 晴氏⟧（⟦B:大正15年2月2日⟧生）、申立人 甥 ⟦P:黒川 季氏⟧、後見人候補 司法書士 ⟦P:八乙女 淡路⟧。",
    "学校の事故報告：⟦P:桑折 宗長⟧（3年2組）が体育の授業中に負傷。保護者 ⟦P:桑折 綾⟧ 様へ連絡済み（⟦T:090-6654-3210⟧）。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
