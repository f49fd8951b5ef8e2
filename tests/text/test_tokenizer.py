import threading

from jichitai_ai.text import SynonymSet, Tokenizer, TokenizerConfig


def test_content_words_in_normalized_form() -> None:
    tok = Tokenizer()
    terms = tok.tokenize("住民票の写しを取りたいのですが、どこでできますか？")
    assert "住民" in terms and "票" in terms and "写し" in terms
    assert "取る" in terms  # normalized form of 取り
    assert "の" not in terms and "を" not in terms and "?" not in terms


def test_width_variants_give_same_terms() -> None:
    tok = Tokenizer()
    assert tok.tokenize("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ") == tok.tokenize("マイナンバーカード")


def test_split_mode_c_keeps_compounds() -> None:
    a = Tokenizer(TokenizerConfig(split_mode="A")).tokenize("国民健康保険")
    c = Tokenizer(TokenizerConfig(split_mode="C")).tokenize("国民健康保険")
    assert len(a) > len(c) == 1


def test_query_cache_is_bounded_and_consistent() -> None:
    tok = Tokenizer(TokenizerConfig(query_cache_size=2))
    first = tok.tokenize_query("ごみの出し方")
    assert tok.tokenize_query("ごみの出し方") is first
    for q in ("a", "b", "c"):
        tok.tokenize_query(q)
    assert tok.query_cache_size() == 2


def test_shared_instance_across_threads() -> None:
    tok = Tokenizer()
    expected = tok.tokenize("児童手当の申請")
    results: list[list[str]] = []

    def work() -> None:
        for _ in range(20):
            results.append(tok.tokenize("児童手当の申請"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(r == expected for r in results)


def test_long_text_is_chunked() -> None:
    tok = Tokenizer()
    text = "市役所で住民票を取ります。" * 5000  # ~65k chars, beyond Sudachi's input limit
    assert tok.tokenize(text).count("住民") == 5000


def test_synonyms_add_shared_group_term() -> None:
    tok = Tokenizer()
    syn = SynonymSet([["マイナカード", "マイナンバーカード"]], tok)
    q = syn.expand(tok.tokenize("マイナカードを作りたい"))
    d = syn.expand(tok.tokenize("マイナンバーカードの交付"))
    shared = set(q) & set(d)
    assert any(t.startswith("≡") for t in shared)


def test_synonym_pairs_merge_transitively_and_phrases_expand() -> None:
    tok = Tokenizer()
    syn = SynonymSet.from_pairs(
        [("住民票の写し", "住民票"), ("住民票", "住民票記載事項証明書")], tok, include_phrases=True
    )
    assert len(syn) == 1
    out = syn.expand(tok.tokenize("住民票の写しがほしい"))
    assert "証明" in out or "証明書" in out  # terms of another phrase in the same group


def test_kana_folding_unifies_gomi_spellings() -> None:
    assert Tokenizer().tokenize("ゴミ") == Tokenizer().tokenize("ごみ")
    unfolded = Tokenizer(TokenizerConfig(fold_kana=False))
    assert unfolded.tokenize("ゴミ") != unfolded.tokenize("ごみ")


def test_pos_filter_with_sub_level() -> None:
    light = TokenizerConfig(excluded_pos=(*TokenizerConfig().excluded_pos, "動詞-非自立可能"))
    terms = Tokenizer(light).tokenize("申請することができる")
    assert "申請" in terms and "為る" not in terms and "出来る" not in terms
    assert "為る" in Tokenizer().tokenize("申請することができる")


def test_kansai_copula_yakedo_is_no_burn() -> None:
    """関西弁 …へんのやけど (copula や + けど) is not 火傷, where Sudachi misreads 出えへん / 来えへん
    and leaves a noun やけど after の; a burn stays a burn."""
    tok = Tokenizer()
    for text in ["お湯が出えへんのやけど", "まだ来えへんのやけど"]:
        assert "火傷" not in tok.tokenize(text), text
    for text in [
        "ストーブでやけどした",
        "子どもの手のやけどが心配",
        "油がはねてやけど",
        "子どものやけど",
        "やけどをしました",
    ]:
        assert "火傷" in tok.tokenize(text), text


def test_situational_words_are_place_names_and_time_words() -> None:
    tok = Tokenizer()
    assert tok.situational("先週名古屋から越してきたので転入届を出したい") == {"先週", "名古屋"}
    assert tok.situational("朝から街灯がついている") == {"朝"}
    assert tok.situational("児童手当の申請書") == frozenset()
