"""What a document gives whom to do (assistant/answerers/assigned.py): a dispatch's item whose own words give the
task, and a set's decision held only as a registry entry."""

from assistant.service import Assistant


def test_whom_a_dispatch_gives_the_provinces_own_set_is_its_item_that_says_so(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Căn cứ Công văn 1345, cấp nào ban hành bộ tiêu chí nâng cao riêng của tỉnh?")
    assert a.kind == "duties"
    assert a.text.startswith("Theo Mục 2 Công văn 1345/BNN-VPĐP")
    assert "Ủy ban nhân dân các tỉnh" in a.text.split("\n")[0]
    assert "do Bộ Nông nghiệp và Phát triển nông thôn ban hành" not in a.text  # not who issued the dispatch


def test_who_guides_a_set_held_only_as_a_registry_entry_is_said_not_held(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ai có trách nhiệm hướng dẫn các xã thực hiện bộ tiêu chí nông thôn mới 2026-2030?")
    assert a.kind == "duties"
    assert a.text.startswith("Kho chỉ có mục đăng ký của Quyết định 51/2025/QĐ-TTg")
