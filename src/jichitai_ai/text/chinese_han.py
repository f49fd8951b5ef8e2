"""Whether han text is Chinese rather than Japanese (中国語の漢字か).

Chinese residents mix katakana into their questions (マイナンバー卡的密码忘了), so a question
with kana is not always Japanese; a han character Japanese never writes settles it. Used by
retrieval (which path judges the question), by the displayed language and by the
personal-data screen (a name guessed by a Japanese analyser in Chinese text is no name).
"""

from __future__ import annotations

#: Traditional characters Japanese has in its character sets (old forms) but does not write
#: today, most of them Chinese function words (什麼, 嗎, 們, 沒, 這裡, 來, 帶, 說, 會, 點): 繁體
#: mixed with katakana (マイナンバー卡的通知書寄來了). None occurs in the LocalGovFAQ dev
#: questions or corpus, nor in a Japanese question of the demo sets.
TRADITIONAL_ONLY_HAN = frozenset("嗎麼們沒這裡來帶說會點")


def chinese_only_han(question: str) -> bool:
    """Whether the question has a han character Japanese never writes (outside JIS X 0208 /
    0212: 码, 网, 请 …, or one of :data:`TRADITIONAL_ONLY_HAN`): Chinese mixed with kana
    (マイナ卡密码忘了), not Japanese. On the LocalGovFAQ dev questions and corpus no text with
    kana has one."""
    if not TRADITIONAL_ONLY_HAN.isdisjoint(question):
        return True
    for ch in question:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            try:
                ch.encode("euc_jp")
            except UnicodeEncodeError:
                return True
    return False
