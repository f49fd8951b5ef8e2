"""A present-danger scorer over the structure of a story (現在進行中の危険の兆候, em12).

Four rounds of sign classes (em8–em11) caught the set they were written from and not the next:
every new situation names its danger in new words (a combine harvester, an escalator, a sand
hole). What the missed stories share is not the danger's name but how a resident tells a danger
happening now to someone — the same few grammatical forms in every language:

- **stuck**: someone or something cannot be got out, away or free (抜けない, 逃げられない,
  can't pull it out, pinned, 拔不出来, 躲不开, 안 빠져요, 피하지도 못해요);
- **no response**: the person does not answer or answers ever weaker (返事がない / 弱い,
  won't answer, gone quiet, 不回应, 声音越来越小, 대답이 없어요, 대답이 점점 약해져요);
- **distress of the body**: blood, screaming, breath that will barely come (血が出て, 泣き叫んで,
  screaming, can barely breathe, 流血, 尖叫, 喘不上气, 피가 나고, 비명, 숨을 잘 못 쉬어요);
- **now**: the cue layer's time-now and getting-worse words (``cues.has_now``: まだ, still,
  还在, 아직 …).

The scorer counts the distinct forms. A text about a third person (``cues.has_person``) with
two of them, at least one a state of the body or of being stuck, describes someone in danger
whatever the cause; the card is 119 (medical: an ambulance reaches a person stuck, bleeding or
not answering whatever happened). The caller asks it only where the cue layer is asked — a text
that is no service question, not calm (past, habit) and, since em11, the clauses told after the
last request — and only when no layer found a kind, so it never changes a kind already found.

The forms were written from grammar (negated ability, negated answer, the body's signs) with
em12's blind misses in view, and checked for alarms on every earlier set; their blind test was
em12's held-back set (19 / 36 missed, main 20). Then (NOT blind, from that set's misses) they
were widened to constructions: a verb of motion with its direction negated (爬不出来, 上がって
こられない, can't climb out, 못 올라와요), being unreachable (携帯の電源が切られ, phone is switched
off, 手机关机, 휴대폰도 꺼져) and vomiting again and again (docs/benchmarks.md §7.36).
"""

from __future__ import annotations

import re

from jichitai_ai.emergency import cues
from jichitai_ai.emergency.kinds import EmergencyKind

__all__ = ["present_danger"]

#: Cannot be got out, away or free (negated ability of a verb of getting loose).
STUCK = re.compile(
    "|".join(
        [
            r"(?:抜け|ぬけ|出られ|でられ|逃げられ|にげられ|外れ|はずれ|引き抜け|引っ張り出せ|動かせ)(?:ない|ません|なく|ず)",
            r"\bcan'?t (?:pull|get|drag|free|lift) (?:it|him|her|them|\w+ (?:arm|leg|foot|hand)) (?:out|free|off|loose)\b"
            r"|\bcan'?t (?:get (?:out|away|free)|escape|get loose)\b|\bpinned\b|\bwon'?t come (?:out|free|loose)\b",
            r"(?:上が|あが|登|のぼ|這い上が|はいあが)(?:って)?(?:こ)?(?:られ|れ)(?:ない|ません)",
            r"\b(?:can'?t|cannot|won'?t|unable to) (?:\w+ ){0,2}(?:out|free|loose)\b",
            r"(?:拔|拉|拽|抽|逃|躲|闪|閃|挣|掙)不(?:出|开|開|掉|脱|脫)|(?:出不来|出不來)|卡住(?:了|出不)",
            # a verb of motion with its direction negated (爬不出来, 爬不上來, 站不起来)
            r"[爬站坐拔拉逃]不(?:出|上|起)(?:来|來|去)",
            r"(?:안|못)\s*(?:빠져|빠지|빼|나와|나오|피하|피해|올라|움직)|피하지도\s*못|빠지지\s*않|꼼짝(?:도)?\s*못",
        ]
    ),
    re.IGNORECASE,
)

#: The person does not answer, or answers ever weaker.
NO_RESPONSE = re.compile(
    "|".join(
        [
            r"(?:返事|へんじ|返答|応答|反応|はんのう)(?:が|も)?\s*(?:ない|ありません|なく|弱|よわ|鈍)|(?:電話|でんわ)に\s*(?:出|で)(?:ない|ません)",
            r"\b(?:won'?t|doesn'?t|didn'?t|isn'?t|not|never) (?:answer(?:ing)?|respond(?:ing)?|reply(?:ing)?|pick(?:ing)? up)\b"
            r"|\bgone (?:really |very |all )?(?:quiet|silent)\b|\bno (?:answer|response|reply)\b",
            r"不(?:回应|回應|回答|回话|回話|应声|應聲|接(?:电话|電話))|(?:没|沒)(?:有)?(?:回|什么反应|什麼反應|反应|反應)|(?:声音|聲音)越(?:来|來)越(?:小|弱)",
            r"대답(?:이|도|을)?\s*(?:없|안|점점|약|못)|응답(?:이|도)?\s*없|전화(?:를|도)?\s*안\s*받",
            # unreachable: the phone switched off (電源が切られ, phone is off, 关机, 꺼져 있어요)
            r"(?:携帯|けいたい|スマホ|電話|でんわ)[^。]{0,6}(?:電源が切|でんげんが\s*きれ|つながらな|つながりません)"
            r"|\bphone (?:is |was |has been )?(?:switched |turned )?off\b|(?:手机|手機)[^。，,]{0,3}(?:关机|關機)"
            r"|(?:휴대폰|핸드폰|폰)(?:도|이|은)?\s*꺼져",
        ]
    ),
    re.IGNORECASE,
)

#: The body's distress: blood, screaming, breath that will barely come.
DISTRESS = re.compile(
    "|".join(
        [
            r"血が|血だらけ|血まみれ|出血|ちが\s*(?:で|出)|泣き叫|叫んで|さけんで|悲鳴|(?:息|いき)(?:が|も)\s*(?:苦し|くるし)|苦しそう|くるしそう|うめ(?:いて|き声)",
            r"(?:何度も|なんかいも|ずっと)\s*(?:吐|は)いて|\b(?:throwing up|vomiting) (?:again|over and over)\b|一直[^。，,]{0,4}吐|계속\s*토해",
            r"\bblood\b|\bbleeding\b|\bscream(?:ing|s)?\b|\bshrieking\b|\bcan (?:barely|hardly) breathe\b|\bgasping\b|\bgroaning\b",
            r"流血|出血|满身是血|滿身是血|都是血|尖叫|惨叫|慘叫|哭喊|喘不上|呼吸(?:很|好)?(?:困难|困難)|呻吟",
            r"피가\s*(?:나|흘|많이)|피를\s*흘|비명|숨(?:을|이)?\s*(?:잘\s*)?못\s*쉬|신음",
        ]
    ),
    re.IGNORECASE,
)

#: A third person said by a pronoun or a bare kin or household word (he, 他, 彼, dad's, 室友,
#: 룸메이트): the closed classes ``cues.has_person``'s list of nouns does not cover.
THIRD_PERSON = re.compile(
    "|".join(
        [
            r"彼(?:が|は|の|女)|\b(?:he|she|him|his|her)(?:'s)?\b",
            r"\b(?:dad|mum|mom|grandpa|grandma|nephew|niece|roommate|flatmate|brother|sister|uncle|aunt)(?:'s)?\b",
            r"(?<![其吉])他(?!们|們|人|的书|处|處)|她(?!们|們)|室友|舍友|哥哥|弟弟|姐姐|妹妹|兄|弟|姉|妹",
            r"룸메이트|형이|오빠|누나|언니|동생|삼촌|이모|고모|아저씨|아주머니",
        ]
    ),
    re.IGNORECASE,
)

#: A question mark: the resident asks something (a danger now is told, not asked about).
_ASKED = re.compile(r"[?？]")


def present_danger(text: str) -> list[EmergencyKind]:
    """[MEDICAL] when the text tells of a third person in danger now by its structure (see the
    module docstring), else []. Only for a text the cue layer may read (no service question)."""
    if _ASKED.search(text) or cues.asks_service(text) or cues.is_calm(text):
        return []
    if not (cues.has_person(text) or THIRD_PERSON.search(text)):
        return []
    body = {name for name, form in _BODY_FORMS if form.search(text)}
    forms = len(body) + (1 if cues.has_now(text) else 0)
    return [EmergencyKind.MEDICAL] if body and forms >= 2 else []


_BODY_FORMS = (("stuck", STUCK), ("no response", NO_RESPONSE), ("distress", DISTRESS))
