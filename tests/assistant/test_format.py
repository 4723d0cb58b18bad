"""How thresholds are written: a cell's own addition to its figure is said after it."""

from assistant.format import threshold_text
from corpus.criteria import Catalogue, Indicator


def _water() -> Indicator:
    cset = Catalogue().sets["1980-xa-ntm"]
    return next(i for _, i in cset.indicators() if i.code == "17.1")


def _share(code: str, name: str, thresholds: list[dict]) -> Indicator:
    """A percentage indicator of criterion 15 with the thresholds given."""
    return Indicator.model_validate(
        {
            "code": code,
            "name": name,
            "unit": "%",
            "comparator": ">=",
            "thresholds": thresholds,
            "section": f"X › Phụ lục › Tiêu chí 15 › {code}",
        }
    )


def test_a_cells_second_share_is_written_after_its_figure() -> None:
    water = _water()
    assert threshold_text(water, "*", None) == "≥ 95% (trong đó ≥ 60% hộ được dùng nước sạch)"
    assert threshold_text(water, "TN", None) == "≥ 90% (trong đó ≥ 45% nước sạch)"
    every = threshold_text(water, None, None)
    assert "DBSH: ≥ 98% (trong đó ≥ 65% nước sạch)" in every


def test_a_cell_without_an_addition_is_its_figure_alone() -> None:
    ind = _share("15.1", "Tỷ lệ người dân tham gia bảo hiểm y tế", [{"region": "*", "value": 85}])
    assert threshold_text(ind, None, None) == "≥ 85%"


def test_every_region_s_figure_is_labelled_with_its_name_when_names_are_given() -> None:
    """ "Đông Nam Bộ: ≤ 14,5%" answers "vùng nào thấp nhất"; "DNB" tells a reader nothing."""
    water = _water()
    names = {r.code: r.name for r in Catalogue().regions.schemes["vung-7"].regions}
    every = threshold_text(water, None, None, names)
    assert "Đồng bằng sông Hồng: ≥ 98% (trong đó ≥ 65% nước sạch)" in every
    assert "DBSH" not in every and every.startswith("chung: ≥ 95%")
    # One region asked: its figure alone, no label.
    assert threshold_text(water, "TN", None, names) == "≥ 90% (trong đó ≥ 45% nước sạch)"


def test_a_region_whose_figure_the_catalogue_lacks_is_said_to_be_lacking() -> None:
    ind = _share(
        "15.4",
        "Tỷ lệ dân số có sổ khám chữa bệnh điện tử",
        [{"region": "TDMNPB", "value": 50}, {"region": "DBSH", "value": 70}],
    )
    names = {r.code: r.name for r in Catalogue().regions.schemes["vung-7"].regions}
    every = threshold_text(ind, None, None, names)
    assert every.startswith("Trung du và miền núi phía Bắc: ≥ 50%; Đồng bằng sông Hồng: ≥ 70%; Bắc Trung Bộ")
    assert every.endswith("Đồng bằng sông Cửu Long: kho chưa ghi nhận mức")
    assert threshold_text(ind, "BTB", None, names) == "kho chưa ghi nhận mức cho vùng này"
    # Every region given: nothing said lacking.
    assert "chưa ghi nhận" not in threshold_text(_water(), None, None, names)
