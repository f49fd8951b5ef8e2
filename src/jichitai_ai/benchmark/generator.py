"""Synthetic municipal FAQ entries of any size, for speed and memory benchmarks.

Quality is measured on LocalGovFAQ; this generator only has to produce text with a realistic
shape: short questions, answers of a few sentences, a vocabulary that grows with the corpus
(place and facility names), so index size and query cost scale as they would.
"""

from __future__ import annotations

import random

from jichitai_ai.domain.models import DepartmentContact, FaqRecord

TOPICS = [
    "住民票",
    "戸籍謄本",
    "印鑑登録",
    "住民税",
    "固定資産税",
    "軽自動車税",
    "国民健康保険",
    "国民年金",
    "粗大ごみ",
    "資源ごみ",
    "児童手当",
    "保育園",
    "一時保育",
    "学童保育",
    "転入届",
    "転出届",
    "マイナンバーカード",
    "図書館",
    "体育館",
    "市民センター",
    "介護保険",
    "障害者手帳",
    "防災無線",
    "避難所",
    "上下水道",
    "犬の登録",
    "狂犬病予防注射",
    "予防接種",
    "乳幼児健診",
    "妊婦健診",
    "母子手帳",
    "ひとり親家庭",
    "生活保護",
    "市営住宅",
    "道路の補修",
    "街路灯",
    "公園の使用",
    "駐輪場",
    "コミュニティバス",
    "選挙",
    "期日前投票",
    "税証明",
    "納税証明書",
    "所得証明書",
    "医療費助成",
    "後期高齢者医療",
    "特定健診",
    "がん検診",
    "空き家",
    "農地転用",
    "建築確認",
    "水道料金",
    "下水道使用料",
    "消防団",
    "不用品回収",
    "ペットの死体",
    "墓地",
    "成人式",
    "婚姻届",
    "出生届",
    "死亡届",
    "埋葬許可",
    "パスポート",
    "在留カード",
]
ACTIONS = [
    "の申請方法を教えてください",
    "はどこで手続きできますか",
    "に必要なものは何ですか",
    "の手数料はいくらですか",
    "はオンラインで申請できますか",
    "の受付時間を知りたい",
    "を代理人が申請できますか",
    "の有効期限はありますか",
    "をなくしたときはどうすればよいですか",
    "の支払い方法を教えてください",
    "の対象者は誰ですか",
    "はいつから使えますか",
]
SENTENCES = [
    "窓口で申請書に記入し、本人確認書類を提示してください。",
    "手数料は1通300円です。",
    "平日の午前8時30分から午後5時15分まで受け付けています。",
    "代理人が申請する場合は委任状が必要です。",
    "電子申請サービスからも手続きできます。",
    "詳しくは担当課までお問い合わせください。",
    "郵送での請求も受け付けています。返信用封筒を同封してください。",
    "土曜日と日曜日、祝日は閉庁しています。",
    "申請から交付まで約1か月かかります。",
    "支所でも同じ手続きができます。",
]
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
PLACES = ["地区", "町", "台", "ヶ丘", "川", "野", "原", "山"]
FACILITIES = ["センター", "会館", "公園", "保育園", "小学校", "公民館", "図書館分館"]
DEPARTMENTS = ["市民課", "税務課", "保険年金課", "環境課", "こども家庭課", "福祉課", "都市整備課"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(KANA) for _ in range(rng.randint(2, 4))) + rng.choice(PLACES)


def generate(n: int, seed: int = 1) -> list[FaqRecord]:
    """``n`` entries; a place or facility name per entry makes the vocabulary grow with n."""
    rng = random.Random(seed)
    out: list[FaqRecord] = []
    for i in range(n):
        topic = rng.choice(TOPICS)
        action = rng.choice(ACTIONS)
        place = _name(rng)
        facility = place + rng.choice(FACILITIES)
        question = f"{place}の{topic}{action}" if i % 3 else f"{topic}{action}（{facility}）"
        answer = f"{topic}について：" + "".join(rng.sample(SENTENCES, k=rng.randint(2, 4)))
        answer += f"{facility}でも受け付けています。"
        out.append(
            FaqRecord(
                external_id=f"G{i:06d}",
                question=question,
                alternatives=[f"{topic}について知りたい"],
                answer=answer,
                department=DepartmentContact(name=rng.choice(DEPARTMENTS), phone="0000-00-0000"),
            )
        )
    return out


def queries(records: list[FaqRecord], n: int, seed: int = 2) -> list[str]:
    """Resident-like questions, all different (no tokenizer-cache hits): a topic, a place, other words."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        rec = rng.choice(records)
        topic = next((t for t in TOPICS if t in rec.question), "手続き")
        place = _name(rng)
        style = rng.random()
        if style < 0.4:
            out.append(f"{place}に住んでいますが{topic}ってどうやって手続きするの")
        elif style < 0.7:
            out.append(rec.question.split("の")[0] + f"で{topic}を出したい（{place}）")
        else:
            out.append(f"{place}の{topic}の必要書類と料金を教えて")
    return out
