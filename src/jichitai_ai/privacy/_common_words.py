"""Everyday and municipal-service words that the name and place rules mistake for
personal data (マイナポータル → 【氏名1】ポータル changed a 生活保護 question into class 3A).

A person or place entity overlapping one of these words is dropped. Each 自治体 adds its own
place, organisation and service names through the gateway's tenant allow-list (seeded
from its FAQ and departments); this list holds what every municipality shares.
"""

from __future__ import annotations

import re

# fmt: off
COMMON_WORDS: frozenset[str] = frozenset({
    # マイナンバー制度と行政サービス
    "マイナンバー", "マイナンバーカード", "マイナポータル", "マイナ保険証", "マイナポイント", "マイナ免許証",
    "マイナ", "コンビニ交付", "ぴったりサービス", "ねんきんネット", "e-Tax", "eLTAX", "エルタックス",
    "ハローワーク", "ジョブカフェ", "マザーズハローワーク", "ファミリー・サポート", "ファミサポ",
    "フードバンク", "フードドライブ", "子ども食堂", "こども食堂", "ショートステイ", "デイサービス",
    "デイケア", "グループホーム", "ケアマネジャー", "ケアマネ", "ケアプラン", "ヘルパー", "ホームヘルパー",
    "ケースワーカー", "ソーシャルワーカー", "スクールカウンセラー", "コーディネーター", "ボランティア",
    "ワクチン", "インフルエンザ", "コロナ", "パスポート", "ふるさと納税", "ワンストップ", "ワンストップ特例",
    "ハザードマップ", "マイ・タイムライン", "マイタイムライン", "アラート", "Jアラート", "エリアメール",
    "シェルター", "ヘルプマーク", "ヘルプカード", "オストメイト", "バリアフリー", "ユニバーサルデザイン",
    "やさしい日本語", "日本語", "日本語教室",
    # ごみ・くらし
    "タンス", "たんす", "ソファー", "ソファ", "ベッド", "マットレス", "カーペット", "ストーブ", "エアコン",
    "テレビ", "パソコン", "スマホ", "スマートフォン", "タブレット", "プリンター", "ペットボトル", "トレイ",
    "ダンボール", "段ボール", "スプレー缶", "カセットボンベ", "ライター", "リサイクル", "エコステーション",
    "クリーンセンター", "ステーション", "ごみステーション", "コンポスト", "レジ袋", "プラスチック",
    "バス", "コミュニティバス", "デマンドタクシー", "タクシー", "レンタサイクル", "シェアサイクル",
    "マンション", "アパート", "ハイツ", "コーポ", "テナント", "オンライン", "ポータル", "ホームページ",
    "メール", "メールアドレス", "ファクス", "ファックス", "アンケート", "パブリックコメント", "チラシ",
    "パンフレット", "ガイドブック", "カレンダー", "アプリ", "ライン", "LINE", "ウェブ", "サイト",
    "キャッシュレス", "クレジットカード", "ペイジー", "コンビニ", "スーパー", "ドラッグストア",
    "プール", "ジム", "トレーニング", "スポーツセンター", "コミュニティセンター", "センター", "ホール",
    "ランドセル", "ミルク", "おむつ", "ベビーカー", "チャイルドシート", "ベビーシッター", "キッズ",
    "プレママ", "パパママ", "ママ", "パパ", "ペット", "ドッグラン", "マイクロチップ", "ワクチン接種",
    "ひとり親", "シングルマザー", "シングルファーザー", "ヤングケアラー", "ひきこもり", "ニート",
    # 鳥獣被害・衛生害虫 (有害鳥獣の相談, 特定外来生物): animals SudachiPy does not know, so the
    # katakana rules read them as foreign names (ハクビシンが…); the ones it knows are read
    # through their kanji dictionary form (カラス → 烏, _tokens.Token.native)
    "ハクビシン", "ヌートリア", "ヒアリ", "アカカミアリ", "セアカゴケグモ", "トコジラミ",
    "ツマアカスズメバチ", "アメリカザリガニ", "ミシシッピアカミミガメ", "カミツキガメ", "キョン",
    "アライグマ", "アナグマ", "イノシシ", "ニホンジカ", "ツキノワグマ", "ヒグマ", "ドバト",
    # やさしい日本語 writes these in hiragana, where SudachiPy has only a given-name reading
    # (けんしん 健診, しんさ 審査) or reads one as a name before です (げんきです, けんこうです)
    "けんしん", "けんこう", "けんこうしんだん", "しんさ", "せっしゅ", "よぼうせっしゅ", "いりょうひ",
    "げんき",
})
# fmt: on

_PATTERN = re.compile("|".join(sorted(map(re.escape, COMMON_WORDS), key=len, reverse=True)))


# Form labels spaced out on printed and OCR'd forms ("住　所：" read as surname 住 + name 所).
_FORM_LABELS = (
    "住所", "現住所", "氏名", "本籍", "続柄", "性別", "職業", "備考", "年齢", "電話", "署名",
    "勤務先", "連絡先", "世帯主", "生年月日", "旧姓",
)  # fmt: skip
_SPACED_LABEL = re.compile(
    "|".join("[ \u3000]*".join(label) for label in _FORM_LABELS) + "(?=[ \u3000]*[:：])"
)


def common_word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of common words and spaced form labels in ``text`` (longest match first)."""
    spans = [(m.start(), m.end()) for m in _PATTERN.finditer(text)]
    if ":" in text or "：" in text:
        spans = sorted(spans + [(m.start(), m.end()) for m in _SPACED_LABEL.finditer(text)])
    return spans
