"""A ninth staff-prompt set, written after the fixes for heldout_prompts_7.py and before
the detector ran on it (docs/benchmarks.md §3).

Same markup as staff_prompts.py (⟦kind:text⟧; P person, A address, T phone, E e-mail,
B birthdate, Z postal code, N identifier). Aimed at names inside file names, paths and
URLs, 半角カナ, 旧字体, a long case record, English mail with kanji names, and names after
words that are not honorifics (…の件, …宛て, …より, …分).
"""

from __future__ import annotations

from .staff_prompts import Prompt, parse

# fmt: off
PROMPTS: list[str] = [
    "添付ファイル「20240401_⟦P:佐藤花子⟧_申請書.pdf」の内容を要約して。",
    "共有フォルダ C:\\Users\\⟦P:yamada.taro⟧\\Desktop\\案件 にある⟦P:山田⟧の作業メモを整理したい。手順を教えて。",
    "ファイル名 ⟦P:suzuki_ichiro⟧_kokuho.xlsx の列名を日本語に直して。",
    "⟦P:ﾔﾏﾀﾞ ﾀﾛｳ⟧ ⟦T:090-1111-3333⟧ ⟦A:ｱｵﾊﾞｸ ﾁｭｳｵｳ 1-2-3⟧ の半角カナを全角に直して。",
    "⟦P:齋藤 邊⟧様、⟦P:髙橋 﨑子⟧様の旧字体の氏名を住基に正しく登録する方法を。",
    "長いケース記録を要約して。\n4月3日、⟦P:永井 房江⟧（⟦B:S18.2.11⟧生、独居）宅を訪問。室内は散乱。近所の⟦P:長尾⟧さんによると、最近物忘れが増えた。長男の⟦P:永井 浩⟧（⟦T:090-6543-2109⟧、県外在住）に電話したが不在。4月5日、⟦P:浩⟧氏から折り返しあり、来週帰省予定とのこと。地域包括の⟦P:白石⟧主任と同行訪問を調整。",
    "Dear ⟦P:Sato⟧-san, thank you for your email about ⟦P:佐藤 雅子⟧'s application. We have sent the documents to ⟦A:1-1-1 Honcho, Aoba-ku⟧.",
    "⟦P:大塚⟧の件、どうなった？って課長に聞かれた。⟦P:大塚 由美⟧さんの保育料減免の経過を報告文にして。",
    "⟦P:小松⟧宛てに回覧を作る。内容は、⟦P:荒木 健太郎⟧さん（⟦T:022-287-5566⟧）からの要望の共有。",
    "⟦P:千葉 洋平⟧より、⟦P:桑原 恵⟧分の書類を預かりました、という引継ぎメモを作って。",
    "URL https://example.jp/staff/⟦P:tanaka-hiroshi⟧/profile にある職員紹介を要約して。",
    "⟦P:藤井 勇気⟧さん（⟦B:2001年4月1日⟧生）の二十歳のつどいの案内状を作成。",
    "住民異動届：⟦P:Nguyen Thi Thu Trang⟧、⟦B:1995年10月20日⟧生、⟦A:泉区将監5-30-2 ヴィラ将監 3F⟧。",
    "コピーして使える形に：\n氏名　　⟦P:林 美咲⟧\n電話　　⟦T:０２２－３８５－７７６６⟧\nメール　⟦E:misaki_h@example.net⟧",
    "「⟦P:大山⟧さんちの⟦P:ゆう⟧くんが夜遅くまで公園にいる」という通報の記録を作って。",
]
# fmt: on


def prompts() -> list[Prompt]:
    return [parse(p) for p in PROMPTS]
