"""The criteria catalogue: schema, the counts the regulations fix, regions, links to the corpus."""

import re
from pathlib import Path

import pytest
import yaml

from corpus.criteria import Catalogue, CatalogueError, CriteriaSet, Indicator
from corpus.model import PATH_SEP
from corpus.registry import BUILTIN_DIR, Corpus


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


@pytest.fixture(scope="module")
def corpus_paths() -> set[str]:
    corpus = Corpus(None)
    return {s.path for _, root in corpus.parsed() for s in root.walk()}


EXPECTED_SETS = {
    "491-342-xa-ntm": 19,
    "1980-xa-ntm": 19,
    "1345-xa-nang-cao": 19,
    "318-xa-ntm": 19,
    "318-xa-nang-cao": 19,
    "691-xa-kieu-mau": None,
    "319-xa-kieu-mau": None,
    "558-huyen-ntm": 9,
    "320-huyen-ntm": 9,
    "320-huyen-nang-cao": 9,
    "320-thi-xa-thanh-pho": None,
    "51-2025-xa-ntm": 10,  # 51/2025/QĐ-TTg Phụ lục I: ten criteria, their 47 indicators not known yet
}


def test_every_catalogue_file_validates(catalogue: Catalogue) -> None:
    assert set(catalogue.sets) == set(EXPECTED_SETS)


@pytest.mark.parametrize(("set_id", "count"), [(k, v) for k, v in EXPECTED_SETS.items() if v])
def test_criteria_counts_fixed_by_the_regulations(catalogue: Catalogue, set_id: str, count: int) -> None:
    cset = catalogue.sets[set_id]
    assert [c.number for c in cset.criteria] == list(range(1, count + 1))


def test_every_indicator_is_a_number_with_a_unit_or_an_explicit_text(catalogue: Catalogue) -> None:
    for cset in catalogue.sets.values():
        for _, ind in cset.indicators():
            if ind.comparator == "text":
                assert ind.requirement.strip()
            elif ind.thresholds:
                assert ind.unit and all(isinstance(t.value, float) for t in ind.thresholds)
            else:
                assert "chưa xác minh" in ind.requirement, (cset.id, ind.code)


def test_verified_figures_carry_evidence_with_a_quote(catalogue: Catalogue) -> None:
    verified = [(s.id, i) for s in catalogue.sets.values() for _, i in s.indicators() if i.verified]
    assert verified
    for set_id, ind in verified:
        assert ind.evidence.url.startswith("http"), (set_id, ind.code)
        assert len(ind.evidence.quote) > 10


def test_every_catalogue_entry_points_at_an_existing_section(catalogue: Catalogue, corpus_paths: set[str]) -> None:
    missing = []
    for cset in catalogue.sets.values():
        refs = [(c.section, f"{c.number}") for c in cset.criteria]
        refs += [(i.section, i.code) for c in cset.criteria for i in c.indicators]
        refs += [(i.section, i.code) for i in cset.conditions]
        missing += [(cset.id, code, path) for path, code in refs if path not in corpus_paths]
    assert not missing


def test_every_set_names_a_corpus_document(catalogue: Catalogue) -> None:
    corpus = Corpus(None)
    for cset in catalogue.sets.values():
        assert corpus.find(cset.document) is not None, cset.id


def test_every_province_maps_to_exactly_one_region_per_scheme(catalogue: Catalogue) -> None:
    regions = catalogue.regions
    assert len(regions.provinces) == 63
    assert len({p.name for p in regions.provinces}) == 63
    by_province = {k for k, v in regions.schemes.items() if v.by == "province"}
    assert by_province == {"vung-7", "vung-6"}  # nhom-xa (2026-2030) is chosen by commune group, not province
    for p in regions.provinces:
        assert set(p.regions) == by_province
    assert {r.code for r in regions.schemes["vung-7"].regions} == {
        "TDMNPB",
        "DBSH",
        "BTB",
        "DHNTB",
        "TN",
        "DNB",
        "DBSCL",
    }


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thái Nguyên", "TDMNPB"),
        ("thai nguyen", "TDMNPB"),
        ("Tỉnh Hà Giang", "TDMNPB"),
        ("Nam Định", "DBSH"),
        ("Nghệ An", "BTB"),
        ("Đà Nẵng", "DHNTB"),
        ("Đắk Lắk", "TN"),
        ("TP. Hồ Chí Minh", "DNB"),
        ("Cần Thơ", "DBSCL"),
    ],
)
def test_province_lookup(catalogue: Catalogue, name: str, code: str) -> None:
    assert catalogue.regions.find_province(name).regions["vung-7"] == code


def test_threshold_lookup_by_region_and_year() -> None:
    ind = Indicator(
        code="10",
        name="Thu nhập",
        unit="triệu đồng/người",
        comparator=">=",
        section="x",
        thresholds=[
            {"region": "TDMNPB", "year": 2022, "value": 11},
            {"region": "TDMNPB", "year": 2024, "value": 13},
            {"region": "*", "year": None, "value": 20},
        ],
    )
    assert ind.threshold_for("TDMNPB", 2022).value == 11
    assert ind.threshold_for("TDMNPB", 2023).value == 11  # the latest year the table fixes
    assert ind.threshold_for("TDMNPB", 2025).value == 13
    # Beside regional figures "*" is the national value: a region the table lacks gets no figure
    # (its own may differ), a question without a region gets the national one.
    assert ind.threshold_for("DBSH", 2022) is None
    assert ind.threshold_for(None, 2022).value == 20
    national_only = Indicator(
        code="12", name="Lao động", unit="%", comparator=">=", section="x", thresholds=[{"region": "*", "value": 90}]
    )
    assert national_only.threshold_for("DBSH", 2022).value == 90  # alone, "*" is every region's figure


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"comparator": "text", "requirement": None}, "requirement"),
        ({"comparator": ">=", "thresholds": [{"value": 5}], "unit": None}, "đơn vị"),
        ({"comparator": ">=", "thresholds": [], "requirement": None}, "requirement"),
        ({"verified": True, "evidence": None}, "evidence"),
        ({"code": "abc"}, "code"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_schema_rejects_bad_indicators(change: dict, message: str) -> None:
    base = {
        "code": "1.1",
        "name": "Chỉ tiêu",
        "unit": "%",
        "comparator": ">=",
        "section": "x",
        "thresholds": [{"value": 50}],
    }
    with pytest.raises(ValueError, match=message):
        Indicator.model_validate({**base, **change})


def test_a_bad_file_names_itself(tmp_path: Path) -> None:
    src = Path(Catalogue().folder)
    (tmp_path / "regions.yaml").write_text((src / "regions.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = yaml.safe_load((src / "318-xa-ntm.yaml").read_text(encoding="utf-8"))
    data["criteria"][0]["indicators"][0]["thresholds"] = [{"region": "MARS", "value": 1}]
    data["criteria"][0]["indicators"][0].update(comparator=">=", unit="%")
    (tmp_path / "318-xa-ntm.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"318-xa-ntm\.yaml.*MARS"):
        Catalogue(tmp_path).sets  # noqa: B018


def test_set_short_names(catalogue: Catalogue) -> None:
    assert {s.short for s in catalogue.for_document("318/QĐ-TTg")} == {"xa-ntm", "xa-nang-cao"}
    assert isinstance(catalogue.sets["691-xa-kieu-mau"], CriteriaSet)
    assert catalogue.sets["691-xa-kieu-mau"].conditions[0].code == "ĐK1"


ROW = re.compile(r"^\|\s*(\d{1,2})\s*\|")
CODE = re.compile(r"^\|[^|]*\|[^|]*\|\s*(\d{1,2}\.\d{1,2})\.\s")


@pytest.mark.parametrize("path", sorted(BUILTIN_DIR.glob("*.md")), ids=lambda p: p.name)
def test_no_annex_row_is_lost(path: Path) -> None:
    """Every criterion row and every coded indicator row of a table becomes a section."""
    from corpus.load import load
    from corpus.parse import sections

    doc = load(path)
    secs = sections(doc)
    in_annex = False
    expected_criteria, expected_indicators = 0, 0
    for line in doc.lines:
        text = line.text.strip()
        if re.match(r"^(#+\s*)?(\*\*)?(PHỤ LỤC|Phụ lục)\b", text):
            in_annex = True
        if in_annex and ROW.match(text):
            expected_criteria += 1
        if in_annex and CODE.match(text):
            expected_indicators += 1
    assert sum(s.kind == "criterion" for s in secs) >= expected_criteria
    coded = [s for s in secs if s.kind == "indicator" and "." in s.labels[-1]]
    assert len(coded) >= expected_indicators
    assert len({s.path for s in secs}) == len(secs)
    assert all(PATH_SEP.join((doc.number, *s.labels)) == s.path for s in secs)
