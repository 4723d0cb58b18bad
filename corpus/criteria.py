"""The criteria catalogue (corpus/criteria/*.yaml) and the region map, loaded and validated."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpus.errors import CorpusError
from corpus.normalize import fold

CRITERIA_DIR = Path(__file__).parent / "criteria"
ANY_REGION = "*"
Comparator = Literal[">=", "<=", ">", "<", "==", "text"]


class CatalogueError(CorpusError):
    """A catalogue file that does not follow docs/criteria-format.md."""

    code = "catalogue_error"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    url: str
    title: str | None = None
    quote: str = Field(min_length=3)


class Threshold(_Strict):
    region: str = ANY_REGION
    year: int | None = Field(None, ge=2000, le=2100)
    value: float
    # One cell confirmed on its own when the indicator's other cells are not (318 15.4).
    evidence: Evidence | None = None
    # Where an imported official table prints it ("trang 3, hàng 7, cột Xã nhóm 3").
    cell: str | None = None
    # What the cell adds to its figure, in its own words ("trong đó ≥ 60% hộ được dùng nước sạch"): 1980's water
    # indicator states a second share the catalogue has no column for.
    detail: str | None = Field(None, min_length=3, max_length=200)


class Indicator(_Strict):
    code: str = Field(pattern=r"^\d{1,2}(\.\d{1,2}){0,2}$|^ĐK\d{1,2}$")
    name: str = Field(min_length=2)
    unit: str | None = None
    comparator: Comparator
    thresholds: list[Threshold] = Field(default_factory=list)
    requirement: str | None = None
    section: str
    verified: bool = False
    evidence: Evidence | None = None
    note: str | None = None
    # Public sources that disagree with each other or with an earlier reading, said in words.
    disputes: list[str] = Field(default_factory=list)
    page: int | None = Field(None, ge=1)  # the official file's page (imported tables)

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.comparator == "text":
            if not (self.requirement and self.requirement.strip()):
                raise ValueError(f"chỉ tiêu {self.code}: so sánh 'text' cần 'requirement'")
            if self.thresholds:
                raise ValueError(f"chỉ tiêu {self.code}: so sánh 'text' không có ngưỡng số")
        else:
            if self.thresholds and not self.unit:
                raise ValueError(f"chỉ tiêu {self.code}: ngưỡng số cần đơn vị ('unit')")
            if not self.thresholds and not (self.requirement and self.requirement.strip()):
                raise ValueError(
                    f"chỉ tiêu {self.code}: chưa có ngưỡng thì phải ghi rõ 'requirement' (ví dụ '[chưa xác minh] …')"
                )
        if self.verified and self.evidence is None:
            raise ValueError(f"chỉ tiêu {self.code}: verified: true cần 'evidence'")
        return self

    @property
    def figures_verified(self) -> bool:
        return self.verified and self.evidence is not None

    def cell_verified(self, threshold: Threshold) -> bool:
        """Whether one threshold cell is confirmed: by the indicator's evidence or its own."""
        return self.figures_verified or threshold.evidence is not None

    def threshold_for(self, region: str | None, year: int | None) -> Threshold | None:
        """The most specific threshold: the region's own figure before the national one; for
        each, the exact year, else the latest earlier year the table fixes, else the yearless one.

        Where the table has regional columns, "*" is the national ("chung") value: it answers a
        question without a region, never a region whose own figure the table lacks."""
        regional = any(t.region != ANY_REGION for t in self.thresholds)
        for want in (region,) if (region is not None and regional) else (region, ANY_REGION):
            rows = [t for t in self.thresholds if t.region == want]
            exact = [t for t in rows if t.year == year]
            if exact:
                return exact[0]
            if year is not None:
                earlier = [t for t in rows if t.year is not None and t.year <= year]
                if earlier:
                    return max(earlier, key=lambda t: t.year)
            yearless = [t for t in rows if t.year is None]
            if yearless:
                return yearless[0]
            if year is None and rows:
                return max(rows, key=lambda t: t.year or 0)  # no year asked: the latest the table fixes
        return None


class Criterion(_Strict):
    number: int = Field(ge=1, le=40)
    name: str
    group: str | None = None
    section: str
    indicators: list[Indicator] = Field(default_factory=list)
    # What is not yet known of a criterion whose indicators no source shows (51/2025 Phụ lục I):
    # such a criterion has no indicators rather than invented ones.
    pending: str | None = None
    evidence: Evidence | None = None
    # The name the set's original decision gave before an amendment renamed it (491's 12 "Cơ cấu lao động",
    # "Tỷ lệ lao động có việc làm thường xuyên" since 342/QĐ-TTg): officials still ask by it.
    former_name: str | None = None

    @model_validator(mode="after")
    def _known_or_pending(self) -> Criterion:
        if not self.indicators and not (self.pending and self.pending.strip()):
            raise ValueError(f"tiêu chí {self.number}: chưa có chỉ tiêu thì phải ghi rõ 'pending' (điều chưa biết)")
        return self


class CriteriaSet(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    document: str
    annex: str | None = None
    level: str
    tier: str
    period: str
    region_scheme: str | None = None
    # How many indicators the regulation has, when a source says so but the list is not known.
    declared_indicators: int | None = Field(None, ge=1, le=200)
    evidence: Evidence | None = None
    notes: str | None = None
    # A province's own set (its decision's thresholds), used for that province instead of the national one.
    province: str | None = None
    # The official file whose table this set was imported from (None: written by hand in the catalogue).
    imported_from: str | None = None
    conditions: list[Indicator] = Field(default_factory=list)
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> CriteriaSet:
        numbers = [c.number for c in self.criteria]
        if len(numbers) != len(set(numbers)):
            raise ValueError("số thứ tự tiêu chí bị trùng")
        codes = [i.code for c in self.criteria for i in c.indicators]
        if len(codes) != len(set(codes)):
            raise ValueError("mã chỉ tiêu bị trùng")
        return self

    def indicators(self) -> list[tuple[Criterion, Indicator]]:
        return [(c, i) for c in self.criteria for i in c.indicators]

    @property
    def short(self) -> str:
        """The set's name after the document number, e.g. 'xa-ntm' for '318-xa-ntm'."""
        return re.sub(r"^\d+(-\d+)*-", "", self.id)


class Region(_Strict):
    code: str
    name: str
    column_names: list[str] = Field(default_factory=list)
    description: str | None = None
    evidence: Evidence | None = None


class Scheme(_Strict):
    title: str
    # "commune_group": columns by commune group (2026-2030 nhóm 1/2/3), which no province decides.
    by: Literal["province", "commune_group"] = "province"
    regions: list[Region] = Field(min_length=1)


class Province(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    regions: dict[str, str]


class Unit(_Strict):
    """A province-level unit of the 2025 map and the former provinces it was formed from."""

    name: str
    kind: Literal["tỉnh", "thành phố"]
    formed_from: list[str] = Field(min_length=1)
    evidence: Evidence | None = None


class Reorganisation(_Strict):
    """The 2025 reorganisation: 63 provinces became 34 units, in office from `effective`."""

    effective: dt.date
    document: str
    units: list[Unit] = Field(min_length=1)


class RegionMap(_Strict):
    schemes: dict[str, Scheme]
    provinces: list[Province] = Field(min_length=1)
    reorganisation: Reorganisation | None = None

    @model_validator(mode="after")
    def _every_former_province_once(self) -> RegionMap:
        if self.reorganisation is None:
            return self
        names = {p.name for p in self.provinces}
        seen: list[str] = [n for u in self.reorganisation.units for n in u.formed_from]
        unknown = sorted(set(seen) - names)
        if unknown:
            raise ValueError(f"đơn vị mới gồm tỉnh không có trong danh sách 63 tỉnh: {', '.join(unknown)}")
        twice = sorted({n for n in seen if seen.count(n) > 1})
        missing = sorted(names - set(seen))
        if twice or missing:
            raise ValueError(f"mỗi tỉnh cũ phải thuộc đúng một đơn vị mới (trùng: {twice}, thiếu: {missing})")
        return self

    @model_validator(mode="after")
    def _every_province_in_every_scheme(self) -> RegionMap:
        for p in self.provinces:
            for scheme_id, scheme in self.schemes.items():
                if scheme.by != "province":
                    continue
                code = p.regions.get(scheme_id)
                if code not in {r.code for r in scheme.regions}:
                    raise ValueError(f"tỉnh {p.name}: không có vùng hợp lệ trong sơ đồ {scheme_id}")
        return self

    def region(self, scheme: str, code: str) -> Region:
        return next(r for r in self.schemes[scheme].regions if r.code == code)

    def find_province(self, name: str) -> Province | None:
        """A province by its name or an alias, with or without diacritics ('thai nguyen')."""
        key = _key(name)
        for p in self.provinces:
            if key in {_key(n) for n in (p.name, *p.aliases)}:
                return p
        return None

    def find_region(self, scheme: str, text: str) -> Region | None:
        """A region by its code, name or a column name used in the tables."""
        key = _key(text)
        for r in self.schemes[scheme].regions:
            if key in {_key(n) for n in (r.code, r.name, *r.column_names)}:
                return r
        return None


@lru_cache(maxsize=4096)  # region lookups key every region's names again for each question
def _key(text: str) -> str:
    text = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(text).strip())
    return re.sub(r"[^a-z0-9]", "", text)


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: YAML không hợp lệ ({exc})") from exc
    if not isinstance(data, dict):
        raise CatalogueError(f"{path.name}: phải là một bảng YAML")
    return data


def _invalid(path: Path, exc: ValidationError) -> CatalogueError:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return CatalogueError(f"{path.name}: {where}: {err['msg']}")


class Catalogue:
    """All criteria sets and the region map of a folder, and the sets imported from official files
    (`imported`, e.g. data/criteria/): an imported set replaces the written one with the same id."""

    def __init__(self, folder: Path = CRITERIA_DIR, imported: Path | None = None) -> None:
        self.folder = Path(folder)
        self.imported = Path(imported) if imported else None
        self._seen = self._stamp()

    def _stamp(self) -> tuple:
        if self.imported is None or not self.imported.is_dir():
            return ()
        return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in self.imported.glob("*.yaml")))

    def refresh(self, force: bool = False) -> bool:
        """Reload the sets when another worker imported one (a listing of a small folder), or always with
        `force` (this process just wrote one: a rewrite may keep the file's time); whether it did."""
        stamp = self._stamp()
        if stamp == self._seen and not force:
            return False
        self._seen = stamp
        self.__dict__.pop("sets", None)
        return True

    @cached_property
    def regions(self) -> RegionMap:
        path = self.folder / "regions.yaml"
        try:
            return RegionMap.model_validate(_read(path))
        except ValidationError as exc:
            raise _invalid(path, exc) from exc

    @cached_property
    def sets(self) -> dict[str, CriteriaSet]:
        out: dict[str, CriteriaSet] = {}
        paths = sorted(self.folder.glob("*.yaml"))
        if self.imported is not None and self.imported.is_dir():
            paths += sorted(self.imported.glob("*.yaml"))  # last: an imported set wins over a written one
        for path in paths:
            if path.name == "regions.yaml":
                continue
            try:
                cset = CriteriaSet.model_validate(_read(path))
            except ValidationError as exc:
                raise _invalid(path, exc) from exc
            if cset.id != path.stem:
                raise CatalogueError(f"{path.name}: id '{cset.id}' phải trùng tên tệp")
            self._check_regions(path, cset)
            out[cset.id] = cset
        return out

    def _check_regions(self, path: Path, cset: CriteriaSet) -> None:
        if cset.region_scheme is None:
            allowed = {ANY_REGION}
        elif cset.region_scheme not in self.regions.schemes:
            raise CatalogueError(f"{path.name}: sơ đồ vùng '{cset.region_scheme}' không có trong regions.yaml")
        else:
            allowed = {ANY_REGION} | {r.code for r in self.regions.schemes[cset.region_scheme].regions}
        for _, ind in cset.indicators():
            for t in ind.thresholds:
                if t.region not in allowed:
                    raise CatalogueError(f"{path.name}: chỉ tiêu {ind.code}: vùng '{t.region}' không hợp lệ")

    def for_document(self, number: str) -> list[CriteriaSet]:
        key = _key(number)
        return [s for s in self.sets.values() if _key(s.document) == key]

    def provincial(self, national: CriteriaSet, province: str | None) -> CriteriaSet | None:
        """A province's own set standing for a national one (same level, tier and period), if imported."""
        if not province:
            return None
        want = _key(province)
        for cset in self.sets.values():
            if (
                cset.province
                and _key(cset.province) == want
                and (cset.level, cset.tier, cset.period) == (national.level, national.tier, national.period)
            ):
                return cset
        return None
