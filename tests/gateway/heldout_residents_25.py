"""Red-team set rt8, set 25: residents' questions (question log), written and committed before
the detector ran on them (docs/benchmarks.md §3, "Red team rt8"). Markup as
heldout_prompts_24.py (⟪…⟫: a look-alike that must stay readable in the log). Japanese,
やさしい日本語, English, 简体中文 and 한국어: residents giving their own or their family's names
(with and without honorifics, in kana, in rōmaji), addresses with 番地/号/丁目 and full-width
digits, phones, e-mail, birthdates and ages, bank accounts, 保険証 and 被保険者番号, number plates,
マイナンバー; and questions with look-alikes only (medicines, animals, 防災のしおり, head counts).
Names from the writer's own imagination, not from the detector's lists.
"""

from __future__ import annotations

from .heldout_prompts_24 import parse_keeps
from .staff_prompts import Prompt

# fmt: off
QUESTIONS: list[str] = [
    # --- Japanese ---
    "⟦P:乙部 凪沙⟧です。転入したばかりですが、児童手当の手続きはどこでしますか",
    "わたしは⟦P:鰐部⟧と申します。⟦A:三ノ輪町２丁目４番地の１８⟧に住んでいます。粗大ごみの予約をしたい",
    "母の⟦P:姥山 トメ⟧（⟦B:昭和9年2月11日⟧生まれ）の介護保険証が届きません",
    "夫の⟦P:薄井 壮馬⟧と別居しています。児童扶養手当はもらえますか",
    "息子の⟦P:鴫原 侑李⟧が学校に行けていません。相談できる所はありますか",
    "電話番号は ⟦T:０９０－２７１６－４４５８⟧ です。折り返しお願いします",
    "⟦P:椎葉 柚月⟧、⟦B:平成11年6月3日⟧生まれです。学生の年金の手続きを教えて",
    "祖母の⟦P:杣 ヨシ⟧が入院しました。介護保険の手続きは？",
    "⟦P:菖蒲谷⟧です。⟪防災のしおり⟫がほしいです",
    "⟪しおり⟫ です。じゃなくて、⟪防災のしおり⟫ はどこで もらえますか",
    "子どもは ⟪ふたり⟫ です。児童手当はいくらですか",
    "⟪ロキソニン⟫を飲んでいても献血できますか",
    "⟪カロナール⟫は子どもに飲ませていいですか",
    "⟪ツキノワグマ⟫を見ました。どこに連絡すればいいですか",
    "振込先を変えたいです。⟪みずほ銀行⟫ 普通 ⟦N:3381207⟧ ⟦P:オニツカ エイジ⟧",
    "介護保険の被保険者番号は ⟦N:0012038847⟧ です。保険料の通知をなくしました",
    "車のナンバー ⟦N:相模 500 な 47-12⟧ の車がずっと家の前に止まっています",
    "メールアドレス ⟦E:tamaki.yomogita@example.ne.jp⟧ に資料を送ってください",
    "⟦A:大字上郷字北浦５１２番地３⟧ の空き家の草がひどいです",
    "私、⟦P:汐見⟧ ⟦B:昭和55年⟧生まれ 44歳です。特定健診は受けられますか",
    "娘の⟦P:ちはや⟧（⟦B:平成30年12月24日⟧生まれ）の就学通知が来ません",
    "⟦P:仲宗根⟧です。⟦P:結翔⟧と⟦P:美海⟧を同じ保育園に入れたいです",
    "戸籍の名前の字が違っています。⟦P:髙野⟧の「髙」がはしごだかになっていません",
    "マイナンバーは ⟦M:1574 0317 9996⟧ です。カードの受け取りはいつですか",
    "口座は ⟦N:ゆうちょ 記号 14090 番号 28811671⟧ です。生活保護費の振込先を変えたい",
    "⟦P:五味 和彦⟧の妻の⟦P:聡子⟧です。夫が亡くなりました。手続きを教えて",
    "住所: ⟦A:緑町１丁目２２番地⟧\n名前: ⟦P:小篠 あかね⟧\n一時保護について聞きたい",
    "⟦P:こしの⟧ ⟦P:あかね⟧ です。⟦A:みどりちょう １ちょうめ ２２ばんち⟧ に すんで います",
    "⟪ケース⟫ワーカーさんと話したいです",
    "⟪ムコダイン⟫と⟪ビオフェルミン⟫を飲んでいます。予防接種は大丈夫？",
    # --- やさしい日本語 ---
    "わたしの なまえは ⟦P:ソムチャイ⟧ です。でんわは ⟦T:080-6230-7715⟧ です",
    "わたしは ⟦P:ファティマ ザハラ⟧ です。こどもの ⟦P:ユスフ⟧ は しょうがっこう 2ねんせい です",
    "⟦P:エルデネ⟧ です。じゅうしょは ⟦A:わかみやちょう ３ちょうめ ８ばんち の ４⟧ です",
    "うまれた ひは ⟦B:1993ねん 7がつ 14にち⟧ です。ねんきん は どうしますか",
    "⟦P:マフムド⟧ の こども ⟦P:アヤン⟧ は 6さい です。がっこう の てつづき は？",
    "ざいりゅうカード ⟦N:MN48201937ZA⟧ を なくしました",
    # --- English ---
    "Hi, I'm ⟦P:Kwame Asante⟧, I live at ⟦A:2-8-15 Kitamachi⟧. When is burnable garbage day?",
    "My daughter ⟦P:Anisha Bhattarai⟧ (born ⟦B:March 3, 2019⟧) needs a kindergarten place.",
    "Can ⟦P:Nomvula⟧ get a certificate of residence? Phone ⟦T:080-3317-2094⟧.",
    "My email is ⟦E:arjun.shrestha88@example.com⟧, please send the tax form.",
    "I am ⟦P:Oyunbileg Ganbold⟧. Residence card ⟦N:MN48201937ZA⟧. How do I renew?",
    "Bank transfer to account ⟦N:7754032⟧ (branch ⟦N:291⟧), name ⟦P:Fajar Pratama⟧ — is that right?",
    "Is ⟪Loxonin⟫ OK before a health check?",
    "My number ⟦M:9395 5741 3850⟧ — where do I get the card?",
    # --- 简体中文 ---
    "我叫⟦P:褚 梦瑶⟧，住在⟦A:若叶町2-14-3⟧，想办理转入手续",
    "我丈夫⟦P:冼 浩然⟧的电话是⟦T:090-6628-1173⟧，请联系他",
    "孩子⟦P:冼 子墨⟧，⟦B:2020年8月18日⟧出生，可以上保育园吗？",
    "我的个人编号是⟦M:728307125440⟧，可以告诉你们吗？",
    "看到了⟪貉子⟫，应该联系哪里？",
    "我的邮箱是⟦E:mengyao.chu@example.cn⟧，请把资料寄给我",
    # --- 한국어 ---
    "저는 ⟦P:국 하람⟧입니다. 주소는 ⟦A:미나미초 2-7-4⟧이에요",
    "남편 ⟦P:탁 민재⟧ 와 혼인신고를 하고 싶어요",
    "제 생일은 ⟦B:1985년 3월 9일⟧이에요. 건강검진 받을 수 있나요?",
    "전화번호 ⟦T:080-4192-6630⟧ 로 연락 주세요",
    "마이넘버 ⟦M:7017 9261 7016⟧ 를 잃어버렸어요",
    "딸 ⟦P:봉 서윤⟧ 이 초등학교에 들어가요",
    # --- mixed / forms ---
    "氏名：⟦P:岸辺 菜月⟧\n生年月日：⟦B:1996-05-19⟧\n電話：⟦T:070-5513-2098⟧\n国保の加入手続きを教えてください",
    "⟦P:葦原⟧です。電話は ⟦T:090.3374.1129⟧、18時以降ならでられます",
    "⟦P:日比野 薫⟧（⟦E:kaoru.hibino@example.co.jp⟧）です。説明会の申し込みはまだ間に合いますか",
    "⟦P:寒川⟧といいます。生年月日を ⟦B:Ｈ１０．１２．２⟧ と書いたらだめですか",
    "父 ⟦P:能登 源三⟧ が亡くなりました。年金を止める手続きは？",
    "⟦P:くぼた ゆいか⟧ の よぼうせっしゅ の よやく を したい です",
    "⟦P:ガマタ シュン⟧ 名義の口座 ⟦N:普通 7754032⟧ に還付金を振り込んでください",
    "⟪ひまわり学級⟫に入れたいです。子どもは ⟪ふたり⟫ です",
]
# fmt: on


def questions() -> list[Prompt]:
    return [parse_keeps(q)[0] for q in QUESTIONS]


def questions_with_keeps() -> list[tuple[Prompt, list[str]]]:
    return [parse_keeps(q) for q in QUESTIONS]
