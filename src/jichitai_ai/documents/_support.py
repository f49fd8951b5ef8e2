"""Does a passage answer the question? Term coverage weighted by rarity (idf), and sentence scores
for highlighting. Colloquial question words (教えて, 知りたい, いつ …) carry no content."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from jichitai_ai.documents._definitions import DefinitionQuestion, defines
from jichitai_ai.documents._index import DocIndex
from jichitai_ai.documents._model import sub_location
from jichitai_ai.text import SynonymSet, Tokenizer

#: Normalised forms that only shape a question (「…を教えてください」「…って何？」).
QUESTION_WORDS = frozenset(
    [
        "教える",
        "知る",
        "分かる",
        "わかる",
        "思う",
        "下さる",
        "くださる",
        "頂く",
        "いただく",
        "する",
        "為る",
        "ある",
        "有る",
        "居る",
        "いる",
        "なる",
        "成る",
        "できる",
        "出来る",
        "どう",
        "何",
        "なに",
        "なん",
        "いつ",
        "何時",
        "どこ",
        "何処",
        "誰",
        "だれ",
        "どれ",
        "どの",
        "どんな",
        "いくら",
        "幾ら",
        "どれくらい",
        "方法",
        "場合",
        "こと",
        "事",
        "もの",
        "物",
        "よう",
        "様",
        "ため",
        "為",
        "とき",
        "時",
        "いい",
        "良い",
        "よい",
        "聞く",
        "欲しい",
        "ほしい",
        "言う",
        "云う",
        "貰う",
        "もらう",
        "ん",
        "の",
        "か",
        "ね",
        "よ",
        "って",
        "件",
        "について",
        "知れる",
        "大丈夫",
        "ok",
        "今",
        "私",
        "自分",
        "うち",
        "僕",
        "俺",
        "あなた",
        "市",
        "町",
        "村",
    ]
)
#: Colloquial verbs and tokenisation by-products of questions (お昼 → 御, 何分 → 分かつ).
QUESTION_WORDS |= frozenset(
    ["とれる", "取れる", "もらえる", "貰える", "行く", "来る", "御", "お", "分かつ", "可能", "伺う"]
)
#: What a question calls the thing it asks about (「何と呼ぶ」「何にあたる」「どういう…」「料金は
#: かかる」): they shape the question, a provision never says them (municipal, katsuragi sets).
QUESTION_WORDS |= frozenset(
    ["どういう", "どのような", "どうやって", "呼ぶ", "当たる", "あたる", "掛かる", "かかる"]
)
#: Words that only frame what is asked (「どう決まっていますか」「何を指しますか」「…してくれますか」
#: 「壊してしまったら」「汚しそうな」「どう扱う」「…な方」「何が必要ですか」): a provision that answers
#: rarely says them, so they only kept answering provisions under the bar (katsuragi, blind2,
#: blind3 and municipal sets; not looked at on blind4).
QUESTION_WORDS |= frozenset(
    ["決まる", "指す", "呉れる", "くれる", "仕舞う", "しまう", "そう", "扱う", "方", "さん", "必要"]
)
#: 「どうやって」 comes apart as どう + 遣る (blind5 g23), 「団員になれますか」 is なる (blind4 f29;
#: i15g). 「人」 is not one: with it,
#: 「東久留米市の条例でいう事業者とはどんな人ですか」 cited the 目的 article that names 事業者.
QUESTION_WORDS |= frozenset(["遣る", "やる", "なれる"])
#: 「村にまず何をしなければ」 (blind7 i28): an order of steps, not a word a provision says.
QUESTION_WORDS |= frozenset(["先ず", "まず"])
#: 「…してもかまいませんか」 asks whether it is allowed, like 「…してもいいですか」 (blind9 k16).
QUESTION_WORDS |= frozenset(["構う", "かまう"])
TERM_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Concept:
    """A query term with its synonym-group terms and weight; ``groups`` are the question word's
    own Sudachi synonym groups (同義語辞書: 火事 ≈ 火災, 家 ≈ 家屋), used only to test support."""

    terms: frozenset[str]
    weight: float
    groups: frozenset[int] = frozenset()
    #: The verb of a 連用形 noun (代わり → 代わる): used only to choose the 項・号 shown, not to
    #: decide support (「お祝い」 ≈ 「長寿を祝い」 cited a 目的 article: blind5 g23).
    forms: frozenset[str] = frozenset()


def concepts(index: DocIndex, question: str) -> list[Concept]:
    tokenizer = index.lexical.tokenizer
    synonyms = index.lexical.synonyms
    out: dict[str, Concept] = {}
    tokens = list(tokenizer.tokenize_query(question))
    in_phrases: set[str] = set()
    if synonyms is not None:
        # Several-word synonyms (仮ナンバー ≈ 臨時運行許可) are one concept: their group term,
        # which passages holding any of the group's phrases carry; the phrase's own words are
        # not asked separately (「仮」「なんばー」 occur in no 例規).
        for group_term, members in _phrase_groups(synonyms, tokens).items():
            # As heavy as the phrase's known words together (「手数料」 weighs what 「手数」 and
            # 「料」 weighed as separate concepts); words 例規 never use weigh like the rarest word.
            known = [index.idf(t) for t in members if t in index.lexical.vocabulary]
            vocabulary = index.lexical.vocabulary
            group_idf = index.idf(group_term) if group_term in vocabulary else 0.0
            weight = sum(known) if known else index.rare_idf
            out[group_term] = Concept(frozenset([group_term]), max(group_idf, weight))
            in_phrases |= members
    for term in tokens:
        if term in QUESTION_WORDS or term in out or (len(term) == 1 and not _is_kanji(term)):
            continue
        if term in in_phrases:
            continue
        group = set(synonyms.expand([term])) if synonyms is not None else {term}
        known = [index.idf(t) for t in group if t in index.lexical.vocabulary]
        # A word the collection never uses weighs like its rarest word (not more: colloquial
        # words are often simply absent from 例規 wording).
        weight = (
            index.idf(term)
            if term in index.lexical.vocabulary
            else max(known, default=index.rare_idf)
        )
        forms = frozenset(
            v for v in verb_forms(term) if v in index.lexical.vocabulary and v not in QUESTION_WORDS
        )
        out[term] = Concept(frozenset(group), weight, tokenizer.synonym_groups(term), forms)
    return list(out.values())


_I_TO_U = str.maketrans("りいきぎしちにびみ", "るうくぐすつぬぶむ")


def verb_forms(term: str) -> tuple[str, ...]:
    """The verb a noun in its 連用形 comes from: a question's 「通知の代わりに」 is a provision's
    「これに代わるべき措置」 (blind9 k14), 「届け」 its 「届ける」 — the tokenizer gives the noun and
    the verb as different words. Only forms the collection uses are taken (see concepts)."""
    if len(term) < 2 or not _is_kanji(term[0]):
        return ()
    last = term[-1]
    out = []
    if last in "りいきぎしちにびみ":
        out.append(term[:-1] + last.translate(_I_TO_U))
    if last in "えけげせてねべめれ":
        out.append(term + "る")
    return tuple(out)


#: Longest synonym phrase looked for in a question, in words (「勤務時間の割振り」 is 4).
MAX_PHRASE_WORDS = 6


def _phrase_groups(synonyms: SynonymSet, tokens: list[str]) -> dict[str, set[str]]:
    """Synonym groups matched by phrases of two or more words in ``tokens``, with those words."""
    single = {g for t in tokens for g in synonyms.expand([t])[1:]}
    out: dict[str, set[str]] = {}
    for length in range(min(len(tokens), MAX_PHRASE_WORDS), 1, -1):
        for i in range(len(tokens) - length + 1):
            window = tokens[i : i + length]
            for group in synonyms.expand(window)[length:]:
                if group in single or group in out:
                    continue
                # the group comes from this whole window, not from a shorter phrase inside it
                if all(group not in synonyms.expand(window[a:b]) for a, b in _shorter(length)):
                    out[group] = set(window)
    return out


def _shorter(length: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(length) for b in range(a + 1, length + 1) if b - a < length]


def terms_of(index: DocIndex, text: str) -> frozenset[str]:
    """Index terms of ``text`` (with synonym groups), memoised per index: passages repeat."""
    cached = index.term_cache.get(text)
    if cached is not None:
        return cached
    toks = index.lexical.tokenizer.tokenize(text)
    synonyms = index.lexical.synonyms
    terms = frozenset(synonyms.expand(toks) if synonyms is not None else toks)
    if len(index.term_cache) >= TERM_CACHE_SIZE:
        index.term_cache.clear()
    index.term_cache[text] = terms
    return terms


#: A provision's word reached through a Sudachi group must be at least this share of the
#: collection's rarest idf: 「ルール」 ≈ 規定 made every 「…の規定により」 cover it (held-out h11).
SUDACHI_MIN_IDF_SHARE = 0.4


def groups_of(index: DocIndex, terms: frozenset[str]) -> frozenset[int]:
    """Sudachi synonym groups of a sentence's terms, from its words the collection does not use
    everywhere (see SUDACHI_MIN_IDF_SHARE)."""
    floor = SUDACHI_MIN_IDF_SHARE * index.rare_idf
    vocabulary = index.lexical.vocabulary
    rare = frozenset(t for t in terms if t not in vocabulary or index.idf(t) >= floor)
    return _groups(index.lexical.tokenizer, rare)


@lru_cache(maxsize=TERM_CACHE_SIZE)
def _groups(tokenizer: Tokenizer, terms: frozenset[str]) -> frozenset[int]:
    out: set[int] = set()
    for term in terms:
        out |= tokenizer.synonym_groups(term)
    return frozenset(out)


def covers(concept: Concept, terms: frozenset[str], groups: frozenset[int]) -> bool:
    """The concept's words, or a word of its Sudachi synonym group, are among ``terms``: a
    resident's 「火事」「家」「妻」 is the provision's 「火災」「家屋」「配偶者」 (blind7). Sudachi's
    groups are not in the index (as index synonyms they cited wrong provisions, docs §4)."""
    return bool(concept.terms & terms or concept.groups & groups)


def coverage(found: Sequence[Concept], terms: frozenset[str]) -> float:
    """Share of the question's weight whose terms occur in ``terms`` (0 when nothing to match)."""
    total = sum(c.weight for c in found)
    if total <= 0:
        return 0.0
    return sum(c.weight for c in found if c.terms & terms) / total


_OPEN = "(（「『"
_CLOSE = ")）」』"
_ENDS = "。！？!?"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a passage; a 。 inside brackets does not end one: 「給水装置の新設、改造(…を
    除く。以下同じ。)をしようとする者は、管理者に申し込み…」 is one sentence, not four pieces
    of which none holds both 工事 and 申し込む. A line break always ends a sentence (items)."""
    spans: list[tuple[int, int]] = []
    start, depth = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "\n" or (ch in _ENDS and depth == 0):
            end = i if ch == "\n" else i + 1
            if text[start:end].strip():
                spans.append((start, end))
            start, depth = i + 1, 0
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


#: A number as 例規 write amounts and periods: 「10,000円」「5万円」「三十日」 (万: blind5 g30, whose
#: items 「1人 5万円」 were not seen to give an amount).
_NUM = "[0-9０-９一二三四五六七八九十百千万]+"
#: A period or moment, not an era year: 「(昭和22年法律第164号)」 cites a law and says nothing about
#: when (it answered 「いつ支給されますか」, blind5 g34).
_PERIOD = (
    f"(?<![0-9０-９一二三四五六七八九十百千万])(?<!昭和)(?<!平成)(?<!令和)(?<!大正)(?<!明治)"
    f"{_NUM}(日|時|時間|月|箇月|か月|ヶ月|年|週間)"
)
#: A 柱書 that hands the answer to its items (「…次の各号に定める額とする。」「次のとおりとする。」).
LIST_GIVES = re.compile("次の各号|次のとおり|次に掲げる|次のいずれ|次の表")
#: A question asking whether a duty can be skipped (「…なくてもよい」「不要ですか」「対象外」) and a
#: sentence lifting one: a 柱書 handing its exemptions to its items gives the answer itself.
EXEMPTION_ASKS = re.compile(
    "(な|出さな|しな)くて(も)?(よ|い|かま|大丈夫)|ずに(済|す)|不要(です|な(の|もの|場合))|対象外"
    "|適用(され|し)な"
)
EXEMPTION_GIVES = re.compile("適用しない|この限りでない|除く|除き|不要|要しない|省略|免除|含まない")
#: What a question asks for (いつ, いくら …) and how a sentence that gives it looks: an answer to
#: 「いつ払う」 names a time (「申請の際」「7日前までに」), not just the words of the question.
ANSWER_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # 「この条例はいつから施行されましたか」 is answered by a 施行期日 (「…から施行する」), not by
    # any provision that names a year: 「平成十一年東京都条例第五号」 in 第5条 was cited (blind8
    # j41, j44), the question's other words being the title's and the body's.
    (
        re.compile("施行.{0,12}(いつ|何日|何年|何月)|(いつ|何日|何月).{0,12}施行"),
        re.compile("から施行する|施行期日"),
    ),
    # 「何年」「何日」 ask for a length: 「5年以上」 gives one.
    (
        re.compile("何日|何年|何週|期限"),
        re.compile(
            f"{_PERIOD}|の際|際に|までに|前日|当日|午前|午後|曜日"
            "|の日(から|まで|の前|以後)|直ちに|遅滞なく|速やかに"
        ),
    ),
    # 「いつ」 asks for a moment: 「引き続き5年以上…在住する」 is a condition, not when something
    # happens (blind5 g34 cited it for 「出産祝金はいつ支給されますか」).
    (
        re.compile("いつ|何時|何月|何曜"),
        re.compile(
            f"{_PERIOD}(?!以上)|の際|際に|までに|前日|当日|午前|午後|曜日"
            "|の日(から|まで|の前|以後)|直ちに|遅滞なく|速やかに"
        ),
    ),
    (re.compile("何歳|いくつから|いくつまで"), re.compile(f"{_NUM}歳|未成年|成年")),
    (re.compile("いくら|何円|幾ら|料金|金額|値段"), re.compile(f"{_NUM}円|の額|無料|徴収しない")),
    # A number of people is also given as a share of a body (「議員の定数の十二分の一以上の者」
    # 「総数の五十分の一以上の者の連署」「定数の半数以上の議員」): 地方自治法 counts its quorums,
    # petitions and majorities that way (blind14 c27 was declined for want of 「N人」).
    (re.compile("何人|何名"), re.compile(f"{_NUM}(人|名)|分の{_NUM}(以上|以下)?の者|半数")),
    # 「…していた人への罰則は」「どれくらいの刑罰を」 ask for a penalty: the 罰則 article that
    # imposes it (「…に処する」), not the prohibition the question's other words come from
    # (blind7 i10 cited 不正アクセス禁止法 第6条 for 「パスワードを不正に保管していた人への罰則」).
    (
        re.compile("罰則|刑罰|罰金|過料|ペナルティ|罰せられ"),
        re.compile("処する|罰金|過料|科料|拘禁刑|懲役|禁錮"),
    ),
    # 「どこにありますか」「所在地は」 is answered by an address (名称及び位置, 「…番地に設置する」),
    # not by the 設置 article that only names the facility (blind3 t05/t19, katsuragi k19/k20).
    # Only when the question asks for it: 「住所を移して1か月の人でも」 asks about residence, and
    # an address filter threw out the 居住要件 article that answers it (blind5 g21).
    (
        re.compile("どこに(あ|設置|置)|(所在地|住所)(は|を教|を知|が知)"),
        re.compile("位置|所在|番地|丁目|別表|に置く|に設置"),
    ),
    # 「どんな場合に助成が受けられますか」「条件をすべて教えて」「申請書には何を書けば」 ask for a
    # whole list: the 柱書 that hands it to its items answers, not a sentence that only shares a
    # word (blind6 h41 cited 「助成を受けようとする地区の代表者は…」 for the 助成対象 list).
    # Not 「…が条件ですか」「条件を付けられますか」 (blind4 f19, blind2 n02): one condition asked about.
    (
        re.compile("(どんな|どのような|どういう)(場合|条件|要件)|すべて|全て|全部|何を書"),
        LIST_GIVES,
    ),
    # 「作らなくてもよいファイル」「住民票は出さなくてよいですか」 ask for an exemption: the 項 that
    # says 適用しない/この限りでない/不要, not the duty it lifts — 「前項の規定は、次に掲げる個人情報
    # ファイルについては、適用しない」 tied with 第1項 (the duty to publish) on the question's words
    # and came second (blind9 k18). After the list kind: 「知らせなくてもよいのはどんな場合」 asks for
    # the list of cases (as an exemption it cited the 事業者's 第26条第2項 ただし書 for the
    # 行政機関's 第68条, k13).
    (EXEMPTION_ASKS, EXEMPTION_GIVES),
)
#: How much an answer of the asked kind adds to a sentence, relative to the question's heaviest
#: term: enough to choose between 項/号 that share the question's words, not to outweigh a term.
ANSWER_KIND_BONUS = 0.5


def answer_kind(question: str) -> re.Pattern[str] | None:
    """The shape of a sentence that answers ``question``'s interrogative, if it has one."""
    for asks, gives in ANSWER_KINDS:
        if asks.search(question):
            return gives
    return None


#: Whose value a question asks for (「電子証明書の有効期間は何年ですか」「小学生の運賃はいくら」): the
#: word run before 「の」 and the word run right before the value's interrogative (after at most
#: one particle).
_VALUE_OF = re.compile(
    r"([\u4e00-\u9fff々ァ-ヶー]{2,})の[\u4e00-\u9fff々ァ-ヶー]{2,}(?:は|が|って)?、?"
    r"(?:何年|何日|何か月|何箇月|何ヶ月|何ケ月|何週|何歳|何円|何人|何名|いくら|幾ら)"
)


def value_owner(question: str) -> str | None:
    """Whose length, amount, age or count a question asks for, when it says so right before the
    interrogative: 「電子証明書の有効期間は何年ですか」 → 「電子証明書」. A sentence giving a
    period of something else (「カード代替電磁的記録の有効期間は、三月以内」) does not answer it;
    the value's own word may be paraphrased (運賃 ↔ 料金) and is not required."""
    m = _VALUE_OF.search(unicodedata.normalize("NFKC", question))
    return m.group(1) if m else None


#: A question asking what kinds of a thing there are (「どんな措置をとらなければ」「どのような本人
#: 確認を」「どんなことを記録しておく」「どういう人たちで構成」): when a 柱書 hands that thing to its
#: 号 (「次に掲げる措置」「次に掲げる事項」), the whole list is the answer and the 項 is what to show,
#: not one of its 号 (blind10 n14, n18, n33 showed 第16条第2号, 第17条第1項第1号, 第23条第2項第1号).
#: Only for choosing the 項・号 shown: as a support test it would decline provisions that answer
#: without a list (「どんな対応をとる」 → 「…等の措置を講じなければならない」).
WHOLE_LIST_ASKS = re.compile(
    "(どんな|どのような|どういう|どの様な)[^、。をがはにでと？?]{0,6}?"
    "(こと|事項|措置|もの|業務|内容|書類|手続|確認|人たち|人達|場合|条件|要件)"
)


#: The answer kind of such a question: a 柱書 handing its list (as LIST_GIVES), read with its 号.
#: 「すべて」 alone is no such question: 「審査請求をすべて認めて…全部開示することにした場合でも」
#: asks about one 号 (blind9 k39).
WHOLE_LIST = re.compile(f"(?:{LIST_GIVES.pattern})")


def shown_kind(question: str) -> re.Pattern[str] | None:
    """The answer kind used to choose the 項・号 shown: a whole list (WHOLE_LIST) for a question
    asking what kinds of a thing there are (WHOLE_LIST_ASKS), else :func:`answer_kind`."""
    kind = answer_kind(question)
    if kind in (None, LIST_GIVES) and WHOLE_LIST_ASKS.search(
        unicodedata.normalize("NFKC", question)
    ):
        return WHOLE_LIST
    return kind


def in_item(
    location: str, parts: list[list[object]] | tuple[tuple[int, str], ...], offset: int
) -> bool:
    """The sentence at ``offset`` is inside a 号 (or its イロハ), not the 項 text itself."""
    return unit_of(location, parts, offset)[1]


_ITEM_PART = re.compile(r"第[0-9]+号.*$")


def unit_of(
    location: str, parts: list[list[object]] | tuple[tuple[int, str], ...], offset: int
) -> tuple[str, bool]:
    """The 項 (or article) a sentence belongs to, and whether it sits in one of its 号:
    「第3条第2項第2号」 → (「第3条第2項」, True). The location itself may hold 「号」
    (「附則(平成4年条例第2号)」), so only what parts add after it is read."""
    rest = sub_location(location, parts, offset)[len(location) :]
    return location + _ITEM_PART.sub("", rest), "号" in rest


UnitAt = Callable[[int], tuple[str, bool]]
#: The terms of each sentence of the 項 (or 項s) a 項 refers back to.
Referred = tuple[frozenset[str], ...]


def sentences_with_lead(
    index: DocIndex, text: str, unit_at: UnitAt | None = None
) -> Iterator[tuple[tuple[int, int], frozenset[str], frozenset[str], Referred]]:
    """Each sentence's span, its own terms and, for a 号, its 柱書's terms — every sentence of
    its 項 before the items (「…次の区別により使用料を納付しなければならない。ただし、1区の
    面積は…」), not only the last one, so 「(2) 2区 1,000円」 is read with 使用料 — and the
    terms of each sentence of the 項 it refers back to (see _referred_back)."""
    lead: frozenset[str] = frozenset()
    lead_unit: str | None = None
    # The 項 before (「前項」) or all before (「前各項」「前二項」) that a 項 refers back to, read with
    # it: 「４　前項の規定による申出は、…三十日以内にしなければならない」 says when the 申出 of
    # 第3項 is due — its own words (申出, 三十日) never name what is applied for (blind9 k33,
    # blind8 j06 「前項の予告の日数は…短縮することができる」).
    earlier: list[Referred] = []
    lead_sentences: list[frozenset[str]] = []
    back: Referred = ()
    for span in sentence_spans(text):
        terms = terms_of(index, text[span[0] : span[1]])
        inherited: frozenset[str] = frozenset()
        if unit_at is not None:
            unit, item = unit_at(span[0])
            if item:
                if unit == lead_unit:
                    inherited = lead
            elif unit == lead_unit:
                lead = lead | terms
                lead_sentences.append(terms)
            else:
                if lead_unit is not None:
                    earlier.append(tuple(lead_sentences))
                back = _referred_back(text[span[0] : span[1]], earlier)
                lead, lead_unit, lead_sentences = terms, unit, [terms]
        yield span, terms, inherited, back


#: How much a word of the 項 referred back to counts when choosing the 項・号 to show: a little
#: less than its own, so a tie goes to the 項 that says it itself.
BACK_SHARE = 0.9
#: A 項 that opens by referring to the 項 before it, or to all before it, after its number.
_REFERS_BACK = re.compile(r"^\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)?\s*前(項|各項|[二三四]項)")


def _referred_back(sentence: str, earlier: list[Referred]) -> Referred:
    m = _REFERS_BACK.match(sentence)
    # 「前項の規定にかかわらず」 opens another case, not more of the same one: with 第1項's 手数料,
    # 東京都 条例 第6条第2項 (写しの交付) was shown for 「開示を請求するとき、手数料はかかりますか」
    # (blind8 j34, whose 零円 is 第1項).
    if not m or not earlier or "かかわらず" in sentence[: m.end() + 12]:
        return ()
    # 「前各項」 reads every 項 before: too many words for one sentence to be judged by (blind9
    # k51: 「前各項の規定は、…委託…について準用する」 took 第1–4項's words and was cited).
    count = {"項": 1, "二項": 2, "三項": 3, "四項": 4}.get(m.group(1), 0)
    return tuple(t for referred in earlier[-count:] for t in referred) if count else ()


def back_credit(
    weights: Sequence[tuple[Concept, float]],
    back: Referred,
    terms: frozenset[str],
    groups: frozenset[int],
) -> float:
    """What the 項 referred back to adds to a referring sentence: the question words the
    sentence does not say itself that one sentence of that 項 says — the best one, not all of
    them together. With the words of every sentence of 第1–3項, 労働基準法 第61条第4項 (「前三項の
    規定は、…適用しない」) outscored 第1項, which says them in one sentence (blind8 j20)."""
    own = [(c, w) for c, w in weights if not covers(c, terms, groups)]
    return max((sum(w for c, w in own if c.terms & said) for said in back), default=0.0)


#: How much a question word that only names the regulation's subject counts when choosing the
#: sentence (項・号) to show: words of the title and words most of the document's provisions
#: carry (「心の杜」 defined in 第2条 and used in every article after it) say which regulation,
#: not which 項 — 「心の杜の使用料を安く」 is the 減免 項, not the 項 that names 心の杜.
SUBJECT_SHARE = 0.1
#: A word in at least this share of a document's chunks (of at least SUBJECT_MIN_CHUNKS) names
#: its subject.
SUBJECT_COMMON = 0.5
SUBJECT_MIN_CHUNKS = 3


def subject_terms(index: DocIndex, document_id: int, title: str) -> frozenset[str]:
    """Terms naming a document's subject: its title's and those most of its chunks carry."""
    cached = index.subject_cache.get(document_id)
    if cached is not None:
        return cached
    texts = [r.text for r in index.records_of(document_id)]
    common: set[str] = set()
    if len(texts) >= SUBJECT_MIN_CHUNKS:
        counts = Counter(t for text in texts for t in terms_of(index, text))
        common = {t for t, n in counts.items() if n >= SUBJECT_COMMON * len(texts)}
    out = frozenset(common) | (terms_of(index, title) if title else frozenset())
    index.subject_cache[document_id] = out
    return out


#: A number with its counter in a question (「2区」「5年」「3人」): the 号 that gives that very
#: number (「(2) 2区 1,000円」) is the one asked about, among items that otherwise tie.
_COUNTED = re.compile(r"([0-9０-９]+)\s*([区年月日時人円歳回階号])")
#: What a number of the question found in a sentence adds, relative to the heaviest term.
NUMBER_BONUS = 0.25


#: The asker's own body said without a name (「市が」「町に」「村は」): a municipality's staff member
#: asking about a national law means its provisions for 地方公共団体, which laws set beside the
#: state's (「地方公共団体の機関に対し開示請求をする者は、条例で定める額の手数料を…」 is 第89条第2項;
#: 第1項, for 行政機関の長, tied with it and came first: blind9 k34).
_OWN_BODY = re.compile(r"(?<![\u4e00-\u9fff々ヶノ])[市町村](?=[がにはのでへもと]|役所|長)")
_FOR_MUNICIPALITIES = re.compile("地方公共団体|市町村")


def number_patterns(question: str) -> tuple[re.Pattern[str], ...]:
    """Patterns of the question's counted numbers, each matching that number (not 12 for 2),
    and of the provisions for 地方公共団体 when the question speaks of its own 市/町/村 (as
    strong as a number: it chooses between 項/号 that tie on the question's words)."""
    out = []
    for digits, counter in _COUNTED.findall(question):
        value = int(unicodedata.normalize("NFKC", digits))
        out.append(re.compile(rf"(?<![0-9０-９]){value}\s*{counter}"))
    if _OWN_BODY.search(unicodedata.normalize("NFKC", question)):
        out.append(_FOR_MUNICIPALITIES)
    return tuple(out)


#: Such a 柱書 (LIST_GIVES) does not itself give an amount, a time or a count: its items do
#: (blind5 g30: 「初めての子の額は」 showed the 柱書 of 第3条, not 「(1) 1人 5万円」); it does give
#: the whole list a list question asks for.
#: What a 号 is about when it starts by naming it: the term before the first space or 「は、」
#: after the item number (定義 and 区分 lists: 「(1) 喜寿 5,000円」「(2) 機能別団員は、…」).
_ITEM_HEAD = re.compile(
    r"^\s*(?:\([0-9一二三四五六七八九十]+\)|[0-9]+|[一二三四五六七八九十]+)\s*"
    r"([^\s、。]{1,12}?)(?:\s|は、)"
)
#: Share of the weight of the words a 号's head names added to its score: it wins ties with
#: its 柱書 and siblings that only inherit the 柱書's words, and never outweighs a word.
ITEM_HEAD_SHARE = 0.05


def best_sentences(
    index: DocIndex,
    found: Sequence[Concept],
    text: str,
    limit: int = 2,
    kind: re.Pattern[str] | None = None,
    unit_at: UnitAt | None = None,
    subject: frozenset[str] = frozenset(),
    numbers: Sequence[re.Pattern[str]] = (),
    defined: DefinitionQuestion | None = None,
) -> list[tuple[int, int]]:
    """Spans of the sentences that carry most of the question's terms (and, when the question
    asks いつ/いくら/何人, an answer of that kind), in text order.

    With ``unit_at`` (which 項 is the sentence at this offset in, and is it in a 号?), a 号 is
    read with its 柱書, as for support: 「財産区の区域内の旅館に温泉を」 is answered by
    「(2) 旅館…」 under 「温泉は、財産区の区域内において、次の各号に…」, not by the 柱書 alone.
    Words in ``subject`` (see subject_terms) weigh SUBJECT_SHARE only. A sentence that defines
    a term ``defined`` asks about (a definition question, see _definitions) is what such a question
    asks for. Ties go to a sentence with a kanji hint (see kanji_hint), then to the earlier
    sentence, so a question that only matches the 柱書 still points at the 項."""
    scored: list[tuple[float, float, tuple[int, int]]] = []
    weights = [(c, c.weight * (SUBJECT_SHARE if c.terms & subject else 1.0)) for c in found]
    # Bonuses are relative to the heaviest word that is not the subject's; when the question
    # names nothing but its subject (「さくら町のふれあい広場はどこにありますか」) the address
    # line, not the line repeating the name, is what it asks for.
    content = [w for c, w in weights if not c.terms & subject]
    top_weight = max(content) if content else max((c.weight for c in found), default=0.0)
    bonus = ANSWER_KIND_BONUS * top_weight
    sentences = list(sentences_with_lead(index, text, unit_at))
    partial_words = _unmatched_kanji(index, weights, [own | lead for _, own, lead, _ in sentences])
    whole = _whole_lists(sentences, unit_at) if kind is WHOLE_LIST else {}
    for span, own, lead, back in sentences:
        terms = own | lead
        if span in whole and LIST_GIVES.search(text[span[0] : span[1]]):
            # A 柱書 handing its list to its 号 answers a whole-list question with all of them:
            # read with every sentence of its 柱書 and the words most of its 号 share, it is not
            # outscored by a 号 that reads the 柱書 and says nothing of its own the question asks.
            terms = terms | whole[span]
        # the same words as the support test (Sudachi's groups too): the 項・号 shown is the one
        # whose words made the passage answer
        groups = groups_of(index, terms)
        score = sum(w for c, w in weights if covers(c, terms, groups) or c.forms & terms)
        sentence = unicodedata.normalize("NFKC", text[span[0] : span[1]])
        gives = (
            kind is not None
            and kind.search(sentence) is not None
            and (
                kind in (LIST_GIVES, WHOLE_LIST, EXEMPTION_GIVES) or not LIST_GIVES.search(sentence)
            )
        )
        # words of the 項 this one refers back to count less than its own (a tie otherwise went to
        # the referring 項's 号: 大東市 第2条第2項第1号 for 申請の受付時間, municipal m10), and
        # unless the 項 gives what the question asks (「三十日以内」 for いつまで, 「適用しない」
        # for an exemption: blind9 k33, k18), never more than it says itself: 「２　前項の政令は、
        # …時間外又は休日の労働の動向…を考慮して定める」 borrowed 第37条第1項's 割増賃金・六十時間
        # for its one 時間外 and was shown for the 割増賃金 question (blind8 j07).
        borrowed = BACK_SHARE * back_credit(weights, back, terms, groups)
        score += borrowed if gives else min(borrowed, score)
        if score > 0 and gives:
            score += bonus
        head = _ITEM_HEAD.match(sentence) if lead else None
        if score > 0 and head:
            # A 号 headed by what the question asks about (「(2) 機能別団員は、…」「(1) 歩きたばこ
            # 公共の場所において…」) answers it more precisely than the 柱書 it ties with
            # (「団員の種類は、基本団員及び機能別団員とし、次のとおり」, blind4 f35); a 号 that
            # only mentions the words (「(1) 財産区営温泉浴場に供給する場合」) does not win.
            named = terms_of(index, head.group(1))
            score += ITEM_HEAD_SHARE * sum(w for c, w in weights if c.terms & named)
        # Question words no sentence here says, two of whose kanji one word of the sentence
        # carries (「借りている家」 → 「借家」, 「半分焼けた」 → 「半焼」): only between 項・号
        # that tie. One kanji is too little: 「通して出す」 is no 「通知」 (blind10 n16).
        hint = kanji_hint(partial_words, terms)
        if score > 0 and any(n.search(sentence) for n in numbers):
            score += NUMBER_BONUS * top_weight
        if defines(sentence, defined):
            score += top_weight or 1.0
        if score > 0:
            scored.append((score, hint, span))
    if not scored:
        return []
    top = max(s for s, _, _ in scored)
    chosen = sorted(scored, key=lambda x: (-x[0], -x[1], x[2]))[:limit]
    return sorted(span for s, _, span in chosen if s >= 0.6 * top)


def _whole_lists(
    sentences: Sequence[tuple[tuple[int, int], frozenset[str], frozenset[str], Referred]],
    unit_at: UnitAt | None,
) -> dict[tuple[int, int], frozenset[str]]:
    """For each sentence of a 項's own text (not a 号) whose 項 has 号: the terms of its 柱書
    sentences and those most of its 号 share — what the list as a whole is about (確認 in two of
    第16条's three 措置), not a word naming one item (退職金 in 労働基準法 第89条第3号の2, 他の
    地方公共団体 in 個人情報保護法 第69条第2項第3号: a question naming it asks about that 号)."""
    if unit_at is None:
        return {}
    units = [(span, *unit_at(span[0]), own) for span, own, _, _ in sentences]
    lead: dict[str, frozenset[str]] = {}
    items: dict[str, list[frozenset[str]]] = {}
    for _, unit, item, own in units:
        if item:
            items.setdefault(unit, []).append(own)
        else:
            lead[unit] = lead.get(unit, frozenset()) | own
    shared: dict[str, frozenset[str]] = {}
    for unit, owns in items.items():
        counts = Counter(t for own in owns for t in own)
        shared[unit] = frozenset(t for t, n in counts.items() if n >= 2 and 2 * n >= len(owns))
    return {
        span: lead.get(unit, frozenset()) | shared[unit]
        for span, unit, item, _ in units
        if not item and unit in shared
    }


def _unmatched_kanji(
    index: DocIndex, weights: Sequence[tuple[Concept, float]], sentences: Sequence[frozenset[str]]
) -> list[tuple[frozenset[str], float]]:
    """The kanji of each question word that no sentence of the passage covers, with its weight."""
    out = []
    for concept, weight in weights:
        if any(
            covers(concept, terms, groups_of(index, terms)) or concept.forms & terms
            for terms in sentences
        ):
            continue
        chars = frozenset(ch for term in concept.terms for ch in term if _is_kanji(ch))
        if chars:
            out.append((chars, weight))
    return out


def kanji_hint(words: Sequence[tuple[frozenset[str], float]], terms: frozenset[str]) -> float:
    """Weight of the ``words`` (kanji, weight) whose kanji a term of ``terms`` carries, counting
    only terms that carry two or more kanji of the question's words. The words are looked up by
    kanji, not each against each term (hr7: a 4,000-character question's words × a long
    passage's terms grew quadratically)."""
    if not words:
        return 0.0
    by_kanji: dict[str, list[int]] = {}
    for i, (kanji, _) in enumerate(words):
        for ch in kanji:
            by_kanji.setdefault(ch, []).append(i)
    shared_kanji: set[str] = set()
    for term in terms:
        shared = {ch for ch in term if ch in by_kanji}
        if len(shared) >= 2:
            shared_kanji |= shared
    credited = {i for ch in shared_kanji for i in by_kanji[ch]}
    return sum(words[i][1] for i in credited)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


#: A body named in a question (「大島町の」「丸亀市外に」「八丈町営」「西ノ島町営」「東京都の」): its
#: name before 市/町/村 or 都/府/県.
_BODY = re.compile(
    r"(?<![\u4e00-\u9fff々])([\u4e00-\u9fff々ヶノ]{2,6}?)[市町村都府県]"
    r"(?=の|で|に|は|外|内|へ|が|営|立|民)"
)
#: 「都道府県の」「市町村の」 name no body.
_NOT_A_BODY = ("道府", "都道", "市町")


def body_names(question: str) -> tuple[str, ...]:
    """Names of the bodies (市町村, 都府県) a question is about: 「大島町の消防団員の報酬」 →
    (「大島」,); 「西ノ島町営バスの運賃」 → (「西ノ島」,) — the name said which document, and it
    had made the 項 that names 西ノ島町 (「西ノ島町に住居を有する80歳以上」) the one shown (blind8 j60)."""
    names = _BODY.findall(unicodedata.normalize("NFKC", question))
    return tuple(dict.fromkeys(n for n in names if not any(x in n for x in _NOT_A_BODY)))


def titled_bodies(index: DocIndex, names: Sequence[str]) -> tuple[str, ...]:
    """The names among ``names`` that some document's title carries (once per question). A
    name no title carries (a city's own 例規 are often titled without it: 「職員の勤務時間…に
    関する条例」) rules nothing out."""
    if not names:
        return ()
    titles = {unicodedata.normalize("NFKC", r.document_title) for r in index.records.values()}
    return tuple(name for name in names if any(name in t for t in titles))


def names_other_body(index: DocIndex, known: Sequence[str], document_id: int, title: str) -> bool:
    """The question names a body (``known``: from :func:`titled_bodies`) this document never
    mentions: 神河町's 報酬 article does not answer 「大島町の消防団員の報酬」 when 大島町消防団条例 is in
    the collection (near-duplicate 例規 of several bodies)."""
    if not known:
        return False
    text = unicodedata.normalize(
        "NFKC", title + "\n" + "\n".join(r.text for r in index.records_of(document_id))
    )
    return not any(name in text for name in known)


#: A question asking what a described thing is called (「…のことを、この法律では何と呼んでいますか」
#: 「法律上なんと呼ばれますか」「何といいますか」) is answered by a provision that names things: a
#: definition (「…」とは、…をいう), an abbreviation (以下「…」という) or a list of kinds headed by
#: their names (「(2) 共用給水装置 2世帯又は2箇所以上で共用するもの」, blind2 n34). Read NFKC.
ASKS_NAME = re.compile("(?:何|なん|なに)(?:と|て)(?:呼|い|言)")
NAMES_A_THING = re.compile(
    "をいう|」という|」とは|」と総称"
    r"|^\s*(?:\([0-9一二三四五六七八九十]+\)|[0-9]+|[一二三四五六七八九十]+)\s*[^\s、。]{1,15} +\S",
    re.MULTILINE,
)


#: A council a question names (「公文書管理委員会の委員の任期」「情報公開審査会のメンバー」): two or more
#: kanji/katakana before 委員会・審査会・審議会. A bare 「委員会」 or 「国の委員会」 names none.
_ORGAN = re.compile("[\u4e00-\u9fff々ヶァ-ヺー・]{2,}(?:委員会|審査会|審議会)")


def organ_names(question: str) -> tuple[str, ...]:
    """The councils a question names by their name: 「公文書管理委員会の委員の任期は何年」 →
    (「公文書管理委員会」,)."""
    names = _ORGAN.findall(unicodedata.normalize("NFKC", question))
    return tuple(dict.fromkeys(names))


def known_names(index: DocIndex, names: Sequence[str]) -> tuple[str, ...]:
    """The names among ``names`` that some document of the collection says. A council no
    document names rules nothing out (the question may call it by another name)."""
    if not names:
        return ()
    texts = [
        unicodedata.normalize("NFKC", r.document_title + "\n" + r.text)
        for r in index.records.values()
    ]
    return tuple(name for name in names if any(name in t for t in texts))


def without_names(index: DocIndex, found: Sequence[Concept], names: Sequence[str]) -> list[Concept]:
    """``found`` without the concepts that only spell one of ``names``."""
    spelled: set[str] = set()
    for name in names:
        spelled |= terms_of(index, name)
    return [c for c in found if not c.terms & spelled]


def content_concepts(index: DocIndex, question: str) -> list[Concept]:
    """The question's concepts without the bodies it names (「佐川町の…」): the name says whose
    rules are meant (see names_other_body), not what the provision or its 項・号 must say."""
    return without_names(index, concepts(index, question), body_names(question))
