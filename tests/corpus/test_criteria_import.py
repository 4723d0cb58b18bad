"""Criteria tables of official files into the catalogue: every cell of generated DOCX and PDF decisions
compared with the generator's table, answers and assessments from the imported sets, provincial sets,
and files whose tables cannot be read cleanly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.assess import assess
from assistant.profile import Profile
from assistant.service import Assistant
from assistant.settings import Settings
from corpus.criteria import Catalogue
from corpus.criteria_import import _SIGNS, _VALUE, import_criteria
from corpus.load import load
from corpus.parse import parse
from tests.fixtures.criteria_files import (
    Crit,
    Row,
    spec_2026,
    spec_province,
    spec_regions,
    write_docx,
    write_pdf,
)

WRITERS = {"docx": write_docx, "pdf": write_pdf}


def _import(spec, kind: str, tmp_path: Path):
    path = WRITERS[kind](spec, tmp_path / f"qd.{kind}")
    doc = load(path, provenance="official")
    return import_criteria(path, doc, parse(doc), Catalogue())


def _expected(value: str) -> tuple[str, float] | str:
    m = _VALUE.match(value)
    return (_SIGNS[m.group(1)], float(m.group(2).replace(",", "."))) if m and m.group(1) else value


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize(("make", "scheme"), [(spec_2026, "nhom-xa"), (spec_regions, "vung-7")])
def test_every_cell_matches_the_generated_table(tmp_path: Path, kind: str, make, scheme: str) -> None:
    spec = make()
    result = _import(spec, kind, tmp_path)
    assert result.problems == [] and len(result.sets) == 1
    cset = result.sets[0]
    assert (cset.document, cset.region_scheme, cset.level, cset.tier) == (spec.number, scheme, "xã", "NTM")
    assert cset.period == spec.title[-9:]
    catalogue = Catalogue()
    codes = [catalogue.regions.find_region(scheme, c).code for c in spec.columns]
    assert [c.number for c in cset.criteria] == [c.number for c in spec.criteria]
    for crit, want in zip(cset.criteria, spec.criteria, strict=True):
        assert (crit.name, crit.group) == (want.name, want.group)
        assert [i.code for i in crit.indicators] == [r.code for r in want.rows]
        for ind, row in zip(crit.indicators, want.rows, strict=True):
            assert ind.name == row.name and ind.verified and ind.evidence is not None
            if kind == "pdf":
                assert ind.page is not None and ind.page >= 1
            cells = [_expected(v) for v in row.values]
            if all(c == "Đạt" for c in cells):
                assert ind.comparator == "text" and ind.requirement == "Đạt" and not ind.thresholds
                continue
            assert ind.unit == (row.unit or "%")
            got = {t.region: (ind.comparator, t.value) for t in ind.thresholds}
            assert got == dict(zip(codes, cells, strict=True)), (ind.code, got)
            names = {t.region: catalogue.regions.region(scheme, t.region).name for t in ind.thresholds}
            assert all(t.cell and t.cell.endswith(f"– {names[t.region]}") for t in ind.thresholds)


def test_a_table_over_several_pdf_pages_is_one_set_with_their_pages(tmp_path: Path) -> None:
    cset = _import(spec_2026(), "pdf", tmp_path).sets[0]
    pages = {i.page for _, i in cset.indicators()}
    assert len(pages) >= 3 and min(pages) == 1  # the header rows repeated on each page were not read as data


def test_cells_that_do_not_read_cleanly_are_reported_and_left_out(tmp_path: Path) -> None:
    spec = spec_2026()
    spec.criteria[0].rows[1].values = ["khoảng 90", "90", "≥ 70"]  # words, a number without its comparator, fine
    spec.criteria[1].rows.append(Row("3.9", "Chỉ tiêu ghi nhầm mã", "%", ["≥ 1", "≥ 1", "≥ 1"]))
    result = _import(spec, "pdf", tmp_path)
    text = [str(p) for p in result.problems]
    assert any("«khoảng 90»" in t and "không đọc được mức đạt chuẩn" in t and "trang 1, hàng" in t for t in text)
    assert any("«90»" in t and "thiếu dấu so sánh" in t for t in text)
    assert any("3.9" in t and "không thuộc tiêu chí 2" in t for t in text)
    ind = next(i for c, i in result.sets[0].indicators() if i.code == "1.2")
    assert [(t.region, t.value) for t in ind.thresholds] == [("N3", 70.0)]  # only the clean cell, never a guess
    assert "3.9" not in {i.code for _, i in result.sets[0].indicators()}


def test_a_table_that_is_not_a_criteria_table_gives_no_set(tmp_path: Path) -> None:
    spec = spec_2026()
    spec.columns = ["Năm 2026", "Năm 2027", "Năm 2028"]  # columns of no scheme
    spec.spanning = "Kế hoạch"
    result = _import(spec, "docx", tmp_path)
    assert result.sets == [] and result.tables == 1
    assert "«Năm 2026»" in str(result.problems[0]) and "không khớp" in str(result.problems[0])


def test_a_provincial_decision_whose_title_names_no_province_is_not_imported(tmp_path: Path) -> None:
    spec = spec_province()
    spec.title = "BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026-2030"
    result = _import(spec, "docx", tmp_path)
    assert result.sets == [] and "không ghi tỉnh" in str(result.problems[0])


# --- end to end: ingest, ask, assess ---------------------------------------------------------------


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("import")
    settings = Settings(_env_file=None, data_dir=root / "data", embedder="fake", today=dt.date(2026, 12, 1))
    a = Assistant(settings)
    national = write_pdf(spec_2026(), root / "qd-51.pdf")
    result = a.ingest(national, official=True)
    assert [c.id for c in result.criteria.sets] == ["51-2025-xa-ntm"] and not result.criteria.problems
    provincial = write_docx(spec_province(), root / "qd-lao-cai.docx")
    result = a.ingest(provincial, official=True)
    assert [c.province for c in result.criteria.sets] == ["Lào Cai"]
    a.build()
    return a


def test_the_imported_set_replaces_the_registry_entry(assistant: Assistant) -> None:
    cset = Catalogue(imported=assistant.settings.criteria_dir).sets["51-2025-xa-ntm"]
    assert cset.imported_from == "qd-51.pdf" and len(cset.indicators()) == sum(
        len(c.rows) for c in spec_2026().criteria
    )
    assert all(c.pending is None for c in cset.criteria)


def test_a_group_3_threshold_is_answered_from_the_official_table_with_page_and_cell(assistant: Assistant) -> None:
    answer = assistant.ask("Chỉ tiêu 1.3 của xã nhóm 3 theo bộ tiêu chí giai đoạn 2026-2030 là bao nhiêu?")
    row = spec_2026().criteria[0].rows[2]
    assert f"{row.values[2]}%" in answer.text, answer.text  # "≥ 80%", the group-3 column
    assert row.values[0] not in answer.text.split("1.3.")[1]  # not group 1's figure
    assert "cột 7 – Xã nhóm 3" in answer.text and "trang 1" in answer.text
    cited = [c for c in answer.citations if c.doc == "51/2025/QĐ-TTg"]
    assert cited and all(c.page == 1 for c in cited) and all(c.official for c in cited)
    assert "chưa xác minh" not in answer.text


def test_a_provincial_set_changes_that_provinces_answers_and_not_others(assistant: Assistant) -> None:
    prov = spec_province().criteria[0].rows[1]  # 1.2, the province's own figures
    national = spec_2026().criteria[0].rows[1]
    assert prov.values[2] != national.values[2]
    q = "Chỉ tiêu 1.2 của xã nhóm 3 ở {} theo bộ tiêu chí 2026-2030 là bao nhiêu?"
    lao_cai = assistant.ask(q.format("Lào Cai"))
    assert f"{prov.values[2]}%" in lao_cai.text and "tỉnh Lào Cai" in lao_cai.text, lao_cai.text
    yen_bai = assistant.ask(q.format("Yên Bái"))
    assert f"{national.values[2]}%" in yen_bai.text and "Lào Cai" not in yen_bai.text, yen_bai.text


def test_a_provincial_set_is_used_to_assess_that_province(assistant: Assistant) -> None:
    catalogue = assistant.catalogue
    values = {"1.2": (1.8, "ô thử")}  # ≤ 4 for group 3 in the province (≤ 5 nationally): met either way
    there = assess(Profile(set_id="51-2025-xa-ntm", province="Lào Cai", region="nhóm 3", values=values), catalogue)
    assert there.set_id != "51-2025-xa-ntm" and any("tỉnh Lào Cai" in w for w in there.warnings)
    elsewhere = assess(Profile(set_id="51-2025-xa-ntm", region="nhóm 3", values=values), catalogue)
    assert elsewhere.set_id == "51-2025-xa-ntm"
    default = assess(
        Profile(set_id="51-2025-xa-ntm", region="nhóm 3", values=values), catalogue, default_province="Lào Cai"
    )
    assert default.set_id == there.set_id  # NTM_PROVINCE: the deployment's province when none is named


def test_crit_and_row_shapes_are_the_generators(tmp_path: Path) -> None:
    # The generator's own guarantee the tests above rely on: merged criterion cells over several rows.
    spec = spec_2026()
    assert all(isinstance(c, Crit) and len(c.rows) >= 3 for c in spec.criteria)


def test_a_decision_whose_table_is_not_text_keeps_the_catalogue_and_says_why(tmp_path: Path) -> None:
    import docx

    spec = spec_2026()
    path = write_docx(spec, tmp_path / "anh.docx")
    document = docx.Document(str(path))
    for table in document.tables:  # the table as a picture would be: no table the file can give
        table._element.getparent().remove(table._element)
    document.save(str(path))
    doc = load(path, provenance="official")
    result = import_criteria(path, doc, parse(doc), Catalogue())
    assert result.sets == [] and "không có bảng tiêu chí đọc được" in str(result.problems[0])


def test_a_docx_with_tracked_changes_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    from corpus.errors import LoadError
    from corpus.registry import Corpus

    path = write_docx(spec_2026(), tmp_path / "sua.docx")
    document = docx.Document(str(path))
    paragraph = document.paragraphs[6]
    paragraph._p.append(
        parse_xml(
            '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" w:author="A" '
            'w:date="2026-01-01T00:00:00Z"><w:r><w:t> và Phụ lục II</w:t></w:r></w:ins>'
        )
    )
    document.save(str(path))
    corpus = Corpus(tmp_path / "ingested")
    with pytest.raises(LoadError, match="Track Changes"):
        corpus.ingest(path, official=True)
    assert not (tmp_path / "ingested").exists() or not list((tmp_path / "ingested").glob("*.md"))


def test_the_cli_catalogue_commands_see_the_imported_sets(assistant: Assistant, monkeypatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("NTM_DATA_DIR", str(assistant.settings.data_dir))
    result = CliRunner().invoke(app, ["criteria", "51/2025/QĐ-TTg", "--province", "nhóm 3"])
    assert result.exit_code == 0, result.output
    assert "≥ 80 %" in result.output and "chưa xác minh" not in result.output.split("chỉ tiêu;")[0]
    result = CliRunner().invoke(app, ["assess", "template", "--set", "51-2025-xa-ntm", "--out", str(tmp_path)])
    assert result.exit_code == 0 and "40 chỉ tiêu" in result.output, result.output
