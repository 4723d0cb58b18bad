from assistant.vocabulary import Vocabulary


def test_the_vocabulary_tells_the_corpus_words_from_a_topic_it_lacks(full_assistant) -> None:
    vocab = Vocabulary.of(full_assistant.index(), full_assistant.catalogue)
    assert vocab.version == full_assistant.index().version
    assert " nha van hoa " in vocab.text and "ha noi" in vocab.places
    # Two content words the corpus uses and none it never does: a follow-up may lean on the earlier question.
    assert vocab.speaks_of("Tỷ lệ hộ nghèo đa chiều của xã")
    assert not vocab.speaks_of("Tỷ lệ hộ nghèo đa chiều và phụ cấp cán bộ thôn")
    assert vocab.unknown_words("Phụ cấp cho trưởng thôn là bao nhiêu?")
    assert vocab.unknown_words("Tỷ lệ hộ nghèo đa chiều của xã") == []
    # What the corpus writes figures in: communes, millions (of đồng); never a length in centimetres.
    assert {"xa", "trieu"} <= vocab.units and "cm" not in vocab.units


def test_the_assistant_rebuilds_its_vocabulary_only_when_the_index_changes(full_assistant) -> None:
    index = full_assistant.index()
    first = full_assistant._vocabulary(index)
    assert full_assistant._vocabulary(index) is first


def test_a_document_the_corpus_cites_belongs_to_the_programme_though_not_held(full_assistant) -> None:
    vocab = Vocabulary.of(full_assistant.index(), full_assistant.catalogue)
    assert vocab.cites("263/qd-ttg")  # named in the registry's notes on 25/2021/QH15 and 320
    assert not vocab.cites("27/2022/nd-cp") and not vocab.cites("263")
    a = full_assistant.ask("QĐ 263/QĐ-TTg ngày 22/02/2022 đặt ra những mục tiêu nào?")
    assert a.scope == "not_in_corpus" and a.text.startswith("Quyết định 263/QĐ-TTg chưa có trong kho văn bản")


def test_an_everyday_word_for_the_corpus_s_counts_as_its_word(full_assistant) -> None:
    vocab = Vocabulary.of(full_assistant.index(), full_assistant.catalogue)
    assert vocab.speaks_of("Hộ dân dùng nước máy đạt bao nhiêu thì đạt tiêu chí?")


def test_a_bare_number_after_its_kinds_word_is_cited_when_the_corpus_names_it_so(full_assistant) -> None:
    vocab = Vocabulary.of(full_assistant.index(), full_assistant.catalogue)
    # 319's preamble: "Căn cứ Quyết định số 1689/QĐ-TTg ngày 11 tháng 10 năm 2021 …".
    assert vocab.cites("1689", "Quyết định") and not vocab.cites("1689")
    assert not vocab.cites("1689", "Thông tư") and not vocab.cites("9999", "Quyết định")
    # Asked by it, the document is told missing, not the question refused as off the programme.
    a = full_assistant.ask("Quyết định số 1689 năm 2021 giao nhiệm vụ gì cho các bộ?")
    assert a.scope == "not_in_corpus" and a.text.startswith("Quyết định 1689 chưa có trong kho văn bản")
