"""Red-team set rt5, set 23: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt5"). Same markup as
staff_prompts.py. Japanese, やさしい日本語 (spaced), English, 简体中文 and 한국어, in the styles of
heldout_prompts_23.py: a pasted e-mail with a quoted reply or a signature, chat-style lines with
a time and a handle, JSON pasted from an app, addresses in rōmaji and in Chinese or Korean
transliteration, katakana-only names, names in lists without honorifics, birthdays in prose,
bank accounts, 健康保険証, 障害者手帳, student ids, IP addresses, licence and 在留カード numbers,
number plates, medical facts with a name, English names with no cue, マイナンバー with a valid
check digit spaced, full-width, in 漢数字 or with no label. Names invented or after real-world
naming, none from a list in the code.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "市役所から来たメールにこう返しました。届いていますか\n> ご住所を教えてください\n⟦A:若葉台七丁目4番地の11⟧です。\n⟦P:米谷 貴子⟧",
    "家族は⟦P:鹿嶋⟧、⟦P:千晶⟧、⟦P:湊人⟧の3人です。国保の世帯変更はどうすればいい？",
    "⟦P:ツカハラ マサト⟧です。保険証をなくしました。記号 ⟦N:3318⟧ 番号 ⟦N:2047⟧ です",
    "身体障害者手帳 ⟦N:第 118462 号⟧ を持っています。⟦P:門馬 陽介⟧です。バスの割引は？",
    "息子の⟦P:潤⟧はてんかんの持病があります。学童保育で薬を預かってもらえますか",
    "口座は ゆうちょ ⟦N:記号 18290 番号 41176532⟧ です。児童手当の振込先を変えたい",
    "在留カード ⟦N:AB73018462CD⟧ の更新で住所の変更もしたい。⟦P:ビシュヌ・カドカ⟧です",
    "⟦B:平成二年の十月九日⟧に生まれた⟦P:保谷 恵里⟧です。年金の加入記録を見たい",
    "アプリの画面をコピーしました {\"name\":\"⟦P:柚木 航⟧\",\"tel\":\"⟦T:080-6172-4430⟧\"} これで予約できていますか",
    "番号 ⟦M:181039523641⟧ を申請書のどこに書けばいいですか",
    "マイナンバーは ⟦M:３４３０ ２９４５ ５６２１⟧ です。カードの更新はどこで？",
    "個人番号 ⟦M:一〇二九五七〇四九二五四⟧ の通知カードがあります。まだ使えますか",
    "家の前に ⟦N:仙台 531 ね 70-02⟧ の車がずっと止まっています",
    "学生証の番号 ⟦N:B24C0917⟧ で図書館のカードを作れますか。⟦P:椎葉 匠⟧です",
    # --- やさしい日本語 ---
    "わたしは ⟦P:グエット⟧ です。こどもは ⟦P:ホア⟧ と ⟦P:ティエン⟧ です。ほいくえんに はいりたい",
    "⟦P:サンチェス ロサリオ⟧ です。じゅうしょは ⟦A:Asahi-cho 2-14-9⟧ です。ごみの ひは いつ ですか",
    "わたしの こどもは ⟦B:2019ねんの 8がつ 3にち⟧に うまれました。よぼうせっしゅ は いつ ですか",
    "⟦P:ラジェシュ⟧ と ⟦P:プージャ⟧ と ⟦P:アーリヤン⟧ の 3にん で すんでいます。じゅうみんひょう が ほしい",
    "めんきょしょう ⟦N:482104559031⟧ を なくしました。どう すれば いい ですか",
    "おっとの ⟦P:アフマド⟧ は にゅういん しています。しんぞう の びょうき です。おかね の そうだん は どこ",
    "でんわ ばんごう は ⟦T:〇八〇 四四一二 七七〇五⟧ です。でんわ してください",
    # --- English ---
    "Is ⟦P:Ratnaningsih⟧ eligible for the child allowance?",
    "Child allowance for ⟦P:Chukwudi Okeke⟧ please",
    "Form for ⟦P:Grace Adeyemi⟧ — where do I send it?",
    "Hi, sorry for the long mail.\n> On 28 Nov, City Hall wrote: please send your address\n⟦A:5-3-21 Minami-Koizumi, Flat 204⟧\nThanks\n⟦P:Femi Oladipo⟧",
    "My wife ⟦P:Nomvula⟧ has breast cancer and I need help with the nursing care application.",
    "I was born on ⟦B:22 March 1988⟧, my name is ⟦P:Paulo Fakatava⟧. How do I join the pension?",
    "My residence card is ⟦N:RQ40718293FK⟧ and my IP is ⟦N:203.0.113.77⟧ — the online form blocks me",
    "Bank: Sumitomo, branch Aoba, account ⟦N:6620418⟧. Can the refund go there? ⟦P:Ngozi Eze-Uche⟧",
    "my number is ⟦M:3263 8447 6557⟧, is it safe to send it here?",
    # --- 简体中文 ---
    "我叫⟦P:邝 思琪⟧，住在⟦A:青叶市若叶町二丁目8番3号⟧，想问垃圾怎么分类",
    "我的地址是⟦A:樱丘 5-8-12 阳光公寓 305⟧，电话⟦T:080 6613 2294⟧，请回电",
    "⟦P:傅 嘉豪⟧和⟦P:傅 雨桐⟧、⟦P:傅 子轩⟧三个人一起住，怎么办住民票？",
    "我丈夫⟦P:覃 建明⟧有糖尿病，要做透析，有没有补助？",
    "个人编号是⟦M:5872 7853 4244⟧，可以写在这里吗",
    "我⟦B:1990年的5月17号⟧出生，叫⟦P:冼 美玲⟧，想加入国民年金",
    # --- 한국어 ---
    "제 이름은 ⟦P:길 하람⟧이고 주소는 ⟦A:사쿠라가오카 2초메 7-11⟧입니다. 쓰레기 수거일이 언제예요?",
    "⟦P:변 지우⟧, ⟦P:변 소율⟧, ⟦P:변 태오⟧ 세 명이 같이 살아요. 국민건강보험은요?",
    "제 딸 ⟦P:채아⟧는 천식이 있어서 어린이집에 약을 맡기고 싶어요",
    "마이넘버 ⟦M:518787900690⟧ 이걸 어디에 써요?",
    "학생번호 ⟦N:22-3-0718⟧ 인데 장학금 신청 가능해요? ⟦P:남 유진⟧입니다",
    "은행 계좌 ⟦N:0173-551-2086⟧ 로 환급 받고 싶어요. ⟦P:모 세아⟧",
    # --- added to reach 80 items (written before the first run) ---
    "⟦P:ホシカワ⟧、⟦P:ツツミ⟧、⟦P:ハタノ⟧で自治会の集会所を借りたいです",
    "[21:04] ⟦P:mika_tsuruga⟧: ⟦A:青柳町二丁目11番⟧の街灯が切れてます",
    "⟦P:カディジャ⟧ です。ざいりゅうカード ⟦N:EF20583716GH⟧ です。じゅうしょ を かえたい",
    "Question from ⟦P:Ebere Nnadi⟧: when is the health check for babies?",
    "我女儿⟦P:濮 欣妍⟧在第二小学，学号⟦N:2023-0517⟧，想申请就学援助",
    "주소 ⟦A:아오바시 미나미마치 4-6-2⟧, 전화 ⟦T:070-3381-5529⟧ 입니다. 전입신고는요?",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse(q) for q in QUESTIONS]
