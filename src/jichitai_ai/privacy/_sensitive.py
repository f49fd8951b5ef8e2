"""要配慮個人情報 (care-requiring personal information) term flags.

個人情報保護法 第2条第3項 and 施行令 第2条 list: 人種, 信条, 社会的身分, 病歴,
犯罪の経歴, 犯罪被害, 心身の障害, 健康診断・診療・調剤, 刑事・少年事件の手続.
Welfare terms (生活保護 …) are added because 自治体 treat them with the same care.
The list is deliberately broad: a flag only raises the data class, it masks nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._types import Entity, EntityType

SENSITIVE_TERMS: dict[str, tuple[str, ...]] = {
    "health": (
        "病歴",
        "既往歴",
        "持病",
        "病気",
        "疾患",
        "診断",
        "診療",
        "通院",
        "入院",
        "手術",
        "服薬",
        "処方",
        "調剤",
        "がん",
        "癌",
        "糖尿病",
        "認知症",
        "うつ病",
        "鬱病",
        "統合失調症",
        "精神疾患",
        "HIV",
        "エイズ",
        "感染症",
        "結核",
        "妊娠",
        "不妊",
        "中絶",
        "健康診断",
        "検診結果",
        "障害者手帳",
        "依存症",
        "発達障害",
        "難病",
        "透析",
        "介護認定",
        "要介護",
    ),
    "disability": (
        "障害",
        "障がい",
        "身体障害",
        "知的障害",
        "精神障害",
        "療育手帳",
        "精神障害者保健福祉手帳",
        "車いす",
        "車椅子",
        "視覚障害",
        "聴覚障害",
    ),
    "welfare": (
        "生活保護",
        "生活困窮",
        "保護費",
        "扶助",
        "児童扶養手当",
        "就学援助",
        "ひとり親",
        "虐待",
        "DV",
        "ドメスティック・バイオレンス",
        "配偶者暴力",
        "一時保護",
        "措置入所",
    ),
    "criminal": (
        "前科",
        "前歴",
        "犯罪歴",
        "逮捕",
        "起訴",
        "有罪",
        "服役",
        "受刑",
        "刑務所",
        "少年院",
        "保護観察",
        "犯罪被害",
        "被害届",
        "書類送検",
    ),
    "belief": ("信条", "宗教", "信仰", "人種", "民族", "門地", "本籍", "被差別部落", "同和"),
}

_TERM_CATEGORY = {term: category for category, terms in SENSITIVE_TERMS.items() for term in terms}
_PATTERN = re.compile("|".join(sorted(map(re.escape, _TERM_CATEGORY), key=len, reverse=True)))


def find_sensitive(text: str, folded: str) -> Iterator[Entity]:
    """Flag each care-requiring term; ``detail`` carries its category."""
    for m in _PATTERN.finditer(folded):
        category = _TERM_CATEGORY[m.group()]
        yield Entity(
            EntityType.SENSITIVE,
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            0.8,
            "lexicon",
            category,
        )
