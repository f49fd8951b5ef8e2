"""A twelfth staff-prompt set (round 2 of issue 9), written before the detector ran on it
(docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at structured pastes: Excel rows with tabs,
CSV, YAML and JSON, mail headers and signature blocks, OCR'd forms with full-width spaces,
議会 minutes and 答弁 drafts, 介護 case notes with family, 保育/school contact lists,
kanji-numeral addresses (大字・字・番地の), 方書 (様方), PO boxes, foreign addresses, dates such
as 4/1生 and H.2.4.1, bank accounts, number plates, IP addresses and URLs with names.
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "Excelから貼り付けた表を敬体の一覧にして。\n氏名\t住所\t電話\n⟦P:春日井 朋子⟧\t⟦A:大字上新田字北浦三百二十一番地⟧\t⟦T:0267-33-1290⟧\n⟦P:檜山 拓真⟧\t⟦A:本町四丁目2番の7⟧\t⟦T:090-7710-3358⟧",
    "このCSVを表にして：\nNo,氏名,フリガナ,生年月日,学籍番号\n1,⟦P:津久井 恵⟧,⟦P:ツクイ メグミ⟧,⟦B:2009/4/1⟧,⟦N:S2391045⟧\n2,⟦P:米倉 颯太⟧,⟦P:ヨネクラ ソウタ⟧,⟦B:2009/11/23⟧,⟦N:S2391046⟧",
    "このYAMLの項目の意味を説明して。\napplicant:\n  name: ⟦P:Hoshino Ryoko⟧\n  kana: ⟦P:ほしの りょうこ⟧\n  birth: ⟦B:H.2.4.1⟧\n  tel: \"⟦T:080-2231-6645⟧\"\n  address: ⟦A:松陰町一丁目十番地の二⟧",
    "次のJSONをもとに通知文を作って。{\"申請者\": {\"氏名\": \"⟦P:桑折 雅人⟧\", \"生年月日\": \"⟦B:1972-08-19⟧\", \"介護保険被保険者番号\": \"⟦N:0000482913⟧\"}, \"家族\": [{\"続柄\": \"妻\", \"氏名\": \"⟦P:桑折 真由美⟧\"}]}",
    "このメールへの返信を書いて。\nFrom: ⟦P:Keiko Miyahara⟧ <⟦E:k-miyahara@mail.example.com⟧>\nTo: kosodate@city.example.lg.jp\nSubject: 入園申込について\n\n先日はありがとうございました。\n\n--\n⟦P:宮原 恵子⟧\n携帯：⟦T:090.4418.2037⟧\n〒⟦Z:981-3204⟧ ⟦A:寺岡五丁目7番地12⟧",
    "署名の体裁を整えて：\n――――\n青葉市 福祉部 介護保険課\n主任 ⟦P:蔵元 悠⟧（職員番号 ⟦N:A08127⟧）\n内線 4412\n――――",
    "委員会記録を要約して。\n○⟦P:杉浦⟧委員長　ただいまから開会します。\n○⟦P:今泉 達也⟧委員　保育所の待機児童について伺います。\n○⟦P:戸叶⟧子育て支援課長　お答えします。",
    "議会答弁の素案を作成して。質問者は⟦P:大河内 智明⟧議員（市民クラブ）。「⟦P:大河内⟧議員のご質問にお答えします」で始めて、防災無線の更新計画について。",
    "介護のケース記録を要約：本人 ⟦P:尾花 トメ⟧ 88歳（⟦B:昭和 11年 3月 2日⟧生）。主介護者は長女の⟦P:尾花 典子⟧、次男の⟦P:孝⟧は県外在住。担当ケアマネは⟦P:久保寺⟧さん。",
    "OCRの結果を整形して。\n氏　名：⟦P:鰐淵　修平⟧\n生年月日：⟦B:昭和 45年 3月 2日⟧\n住　所：⟦A:字中通り二番地の十一⟧\n電話番号：⟦T:０２２（２６１）４４０８⟧",
    "さくら組の連絡網を作って。\n・⟦P:まつお ひなた⟧（母：⟦P:まつお 由香⟧）⟦T:090-1123-4598⟧\n・⟦P:とだ れん⟧（父：⟦P:戸田 健⟧）⟦T:080-5567-0921⟧",
    "宛名ラベルを作って。⟦A:中央区本町2-4-6⟧ ⟦P:西園寺⟧様方 ⟦P:カルロス・メンドーサ⟧様。国外の送付先は ⟦A:1208 Rizal Ave, Sta. Cruz, Manila⟧。",
    "返送先の確認：⟦A:仙台中央郵便局私書箱第82号⟧ ⟦P:栗林 悟⟧ 宛。書き方はこれで合っている？",
    "学童保育の名簿の確認：⟦P:野口 結月⟧ 7歳（⟦B:4/1生⟧）、⟦P:野口 悠真⟧ 5歳（⟦B:2019年4月1日生⟧）。年齢と学年の対応を教えて。",
    "還付金の振込先の確認文を作って。七十七銀行 上杉支店 ⟦N:普通 7654321⟧ 口座名義 ⟦P:ｼﾗｲｼ ﾏｻﾙ⟧。",
    "苦情メールの転記を要約して。違法駐車の車両 ⟦N:宮城 500 あ 12-34⟧。送信元IP ⟦N:203.0.113.45⟧、送信者のブログ https://blog.example.jp/⟦P:sasaki-mitsuru⟧/ 。",
    "後期高齢者医療の保険証の再発行：被保険者番号 ⟦N:12034567⟧、氏名 ⟦P:鳩山 キミ⟧（⟦B:S8.12.24⟧）。案内文を。",
    "住所の表記ゆれを直して：⟦A:大字鹿野字鴻ノ巣四百五十六番地⟧ ⟦P:仁科 剛志⟧ 様、同番地の二 ⟦P:仁科 かおり⟧ 様。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
