"""Red-team set rt3, set 22: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt3"). Same markup as
staff_prompts.py. Japanese, やさしい日本語 (spaced), English, 简体中文 and 한국어, in the styles of
heldout_prompts_22.py: text pasted from forms and PDFs with line breaks or spaces inside names and
addresses, furigana in brackets, old-form kanji (髙, 﨑, 邊, 齋, 濵), 旧姓, Chinese and Korean
names in kanji inside Japanese and in the residents' own script, 方書き and room numbers, 甲/乙/ノ
番地, phone numbers with 内線, U+2212 or ―, dates such as 令和7年12月1日生, 1989年（平成元年）,
89/12/01 and year-and-month only, passport, 介護保険 and 年金 numbers, number plates with ・,
マイナンバー split across lines or after a half-width label. Names invented or after real-world
naming, none from a list in the code.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "申込書をスマホで撮って文字にしたものです\n氏名 ⟦P:髙 坂\n美 緒⟧\n住所 ⟦A:若草町 二 丁 目 ５ 番 地⟧\nこれで出せますか",
    "⟦P:濵野⟧（はまの）⟦P:紬⟧です。⟦B:令和7年12月1日⟧に生まれた子の児童手当はいつから？",
    "母の⟦P:邊見 ミサヲ⟧（⟦B:昭和24年9月生⟧）の介護保険被保険者番号 ⟦N:0008412736⟧ がわかりません。再発行できますか",
    "旧姓 ⟦P:嵯峨⟧ で登録した ⟦P:齋田 千尋⟧ です。名字が変わったので国保の手続きは？",
    "住所は ⟦A:三ツ池台一丁目22番地ノ7 ハイツ三ツ池 203号室⟧ です。粗大ごみの申込をしたい",
    "⟦A:大字宮内甲318番地⟧の⟦P:﨑山⟧です。水道の名義変更を教えてください",
    "夫の会社の電話 ⟦T:03−6264−5180 内線 317⟧ にかけてもらってもいいですか",
    "⟦B:1989年（平成元年）7月4日⟧生まれ、⟦P:芦刈 浩平⟧です。年金の免除を申請したい",
    "生年月日は⟦B:89/12/01⟧、名前は⟦P:檜垣 侑真⟧。マイナンバーカードの受け取り予約は？",
    "ﾏｲﾅﾝﾊﾞｰ ⟦M:4374 6815 5914⟧ を書く欄がわかりません",
    "個人番号\n⟦M:1068\n6249\n6810⟧\nをアプリに入力したらエラーになりました",
    "車のナンバー ⟦N:仙台 500 さ ・・・7⟧ が家の前に毎日止まっています",
    "基礎年金番号 ⟦N:3381-507294⟧ の ⟦P:根來 和美⟧ です。年金の住所変更は市役所でできますか",
    # --- やさしい日本語 ---
    "わたしの なまえは ⟦P:チュオン・ティ・ミン・チャウ⟧ です。すんでいる ところは ⟦A:ひかり町 ３－４－１２ ひかりハイツ １０２⟧ です",
    "こどもの なまえは ⟦P:タパ・アーラブ⟧ です。⟦B:２０１８ねん ５がつ ９にち⟧ うまれ です。がっこうに いきたい",
    "でんわは ⟦T:080―3392―6671⟧ です。⟦P:カルドーゾ⟧ ⟦P:ジュリアナ⟧ です。ほけんしょうを なくしました",
    "わたしは ⟦P:グルン・スニタ⟧ です。パスポート ⟦N:PA4471826⟧ です。じゅうみんひょうが ほしいです",
    "⟦P:魯⟧（ノ）⟦P:ソンヒ⟧です。こどもの よぼうせっしゅ は どこ で しますか",
    "⟦P:聶 麗娜⟧（じょう れいな）です。でんわ ⟦T:０９０ ５５８３ ４１２０⟧。ごみ の だしかた を おしえて",
    "⟦P:アンドレイ・ヴォロビヨフ⟧ と いいます。⟦A:みなと町 ５ー１ー８ 2F⟧ に ひっこしました",
    # --- English ---
    "Hi, my name is ⟦P:HAYASHIBARA Ren⟧ (family name first). I live at ⟦A:Room 405, Sunny Court, 2-7-15 Kitanomaru⟧. How do I get a residence certificate?",
    "Family name: ⟦P:Okoro-Whitfield⟧\nGiven name: ⟦P:Chidinma⟧\nDate of birth: ⟦B:03 JUL 1991⟧\nI need help filling in the national pension form.",
    "My passport number is ⟦N:TK5527184⟧ and my residence card is ⟦N:UF 8813 4420 BX⟧. Can I register my child?",
    "I'm ⟦P:Dilnoza Karimova⟧, born ⟦B:1996/2/11⟧. Phone ⟦T:(080) 2245-9913⟧. Where is the nearest clinic for a health check?",
    "This is ⟦P:Haruto⟧'s father, ⟦P:Marcus Lindqvist⟧. ⟦P:Haruto⟧ (born ⟦B:R2.3.14⟧) needs a school place.",
    "Please call me at ⟦T:+81 (0)90 6617 3025⟧ — ⟦P:Priyanka Venkataraman⟧, about garbage collection days",
    "My My Number is ⟦M:4563 4708 7223⟧, is it safe to write it on the tax form?",
    "Address: ⟦A:1-9-3 Asahigaoka, Apt. 2B⟧ / Name: ⟦P:Tariq Mehmood⟧ / Q: how do I apply for child allowance?",
    # --- 简体中文 ---
    "我叫⟦P:慕容 雪⟧，住在⟦A:樱台4丁目9番2号 樱台公寓 305室⟧，想问国民健康保险怎么加入",
    "本人⟦P:谭 家俊⟧，护照号⟦N:E81937264⟧，出生日期⟦B:1991年10月3日⟧。外国人怎么申请住民票？",
    "我妻子⟦P:蔺 晓薇⟧，电话⟦T:070−4482−1957⟧。孩子的健康检查在哪里？",
    "姓名：⟦P:宇文 嘉怡⟧\n出生：⟦B:2001.08.25⟧\n地址：⟦A:绿町2-14-6 公寓301⟧\n请问如何办理转入手续？",
    "我的个人编号是⟦M:0071\n5460\n7387⟧，可以写在申请表上吗？",
    "您好，我是⟦P:钟离 思远⟧的母亲，他⟦B:2019年3月⟧出生，想申请保育园",
    # --- 한국어 ---
    "저는 ⟦P:편지안⟧입니다. 주소는 ⟦A:하나마치 3-2-8 하이츠 201호⟧예요. 국민연금 면제 신청은 어떻게 해요?",
    "남편 ⟦P:갈민혁⟧, 생년월일 ⟦B:1987년 4월 19일⟧. 전입신고에 필요한 서류가 뭐예요?",
    "연락처: ⟦T:090-7736-2048⟧ (⟦P:봉 서윤⟧)\n아이 예방접종 예약하고 싶어요",
    "여권번호 ⟦N:M48271937⟧ 로 주민표를 받을 수 있나요? 이름은 ⟦P:탁 도윤⟧ 입니다",
    "우리 딸 ⟦P:채원⟧이는 ⟦B:2021년 12월 3일⟧에 태어났어요. 아동수당 신청하려고요",
    "제 마이넘버는 ⟦M:7517 3824 7090⟧ 이에요. 카드를 잃어버렸어요",
    "こんにちは、⟦P:卓 秀賢⟧（⟦P:탁수현⟧）です。⟦T:080 5512 7739⟧。国民健康保険の保険料を知りたい",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse(p) for p in QUESTIONS]
