"""A fourteenth staff-prompt set (round 2 of issue 9), written before the detector ran on it
(docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at machine formats and exports: chat
exports with timestamps and display names, SQL INSERTs, HTML/XML, vCard, log lines,
forwarded mail with quoted lines and 差出人/送信日時 headers, ☎ and TEL(…) numbers,
year-and-month birthdates, c/o and 殿.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "Teamsのチャットを要約して。\n[10:32] ⟦P:佐久間 遥⟧: 例の件、⟦P:室井⟧さんから電話ありました\n[10:35] ⟦P:梶 亮介⟧: 折り返しは ⟦T:080-6630-1184⟧ でいい？\n[10:36] ⟦P:佐久間 遥⟧: はい",
    "このSQLの誤りを直して：INSERT INTO residents (name, birth, tel) VALUES ('⟦P:東條 光代⟧', '⟦B:1948-02-11⟧', '⟦T:0229-24-8810⟧');",
    "HTMLを整形して：<tr><td>⟦P:今野 早紀⟧</td><td>⟦A:青葉区上杉3-8-15⟧</td><td>⟦E:saki.konno@example.org⟧</td></tr>",
    "XMLの項目名を日本語に：<applicant><name>⟦P:Tran Van Binh⟧</name><dob>⟦B:1993-07-21⟧</dob><card>⟦N:AB98765432CD⟧</card></applicant>",
    "vCardの中身を説明して。\nBEGIN:VCARD\nFN:⟦P:大城 美奈子⟧\nTEL;TYPE=CELL:⟦T:+81-90-2716-4453⟧\nADR:;;⟦A:若林区荒井東1-6-3⟧;;;\nEND:VCARD",
    "ログの意味を教えて：2024-05-01 09:12:44 login ok user=⟦P:hayashi.k⟧ from ⟦N:10.20.30.41⟧",
    "転送されたメールへの返信案を。\n-----Original Message-----\n差出人: ⟦P:井筒 崇⟧ <⟦E:t-izutsu@example.co.jp⟧>\n送信日時: 2024年5月2日 18:03\n件名: 騒音について\n> 隣の⟦P:根岸⟧さん宅の犬の鳴き声が\n> 毎晩ひどいです。",
    "窓口メモを清書：☎⟦T:090(5521)7783⟧ ⟦P:藤堂⟧様 折返し希望。TEL（自宅）⟦T:022-3345-9012⟧。",
    "本人確認の記録：⟦P:早乙女 和子⟧ 満45歳（⟦B:昭和54年6月生⟧）、運転免許証で確認済み。",
    "送付先の書き方を確認：⟦A:泉区南光台7-3-21⟧ ⟦P:石原⟧ c/o ⟦P:Maria Lopez⟧",
    "通知書の宛名をチェック：⟦P:千田 一郎⟧ 殿、⟦P:千田 フミ⟧ 殿（同一世帯）。",
    "課内のやりとりをまとめて：「⟦P:坂東⟧主査→⟦P:白鳥⟧係長：⟦P:大庭 慎⟧さん（⟦B:H2/4/1生⟧）の件、決裁お願いします」",
    "スプレッドシートの式が動かない：=VLOOKUP(\"⟦P:長谷部 陸⟧\",A:C,2,FALSE) で ⟦T:090-8472-1156⟧ を引きたい。",
    "LINEの表示名が「⟦P:ゆみ🌸⟧」の相談者（本名 ⟦P:浅香 由美⟧）に返信する文面を、やさしい日本語で。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
