"""Criteria named in words ("tiêu chí môi trường", "xã phải đạt thu nhập bao nhiêu"): which criterion of the
catalogue a question names by its name, never a place ("Điện Biên") or an agency ("Sở Nông nghiệp và Môi trường")
that holds the same words."""

from __future__ import annotations

import re

from assistant.rx import rx
from assistant.topic import asking_clause
from corpus.criteria import Catalogue, CriteriaSet, Criterion
from corpus.normalize import fold
from index.segment import dictionary_words

_CRITERION_NAMES: dict[int, tuple[object, dict[str, str], dict[str, str], str]] = {}


def name_parts(name: str) -> list[str]:
    """The parts of a criterion's name between commas, brackets and "và" ("Tiếp cận pháp luật và an ninh, quốc
    phòng" → "Tiếp cận pháp luật", "an ninh", "quốc phòng")."""
    return [x.strip() for x in re.split(r"[,(;)]| và ", name)]


def criterion_key(name: str) -> str:
    """A criterion's name up to its first comma or "và", accent-free ("Hệ thống chính trị và …" →
    "he thong chinh tri"): what questions use to name it."""
    return fold(name_parts(name)[0]).strip()


def criterion_names(catalogue: Catalogue, cset: CriteriaSet, crit: Criterion) -> list[str]:
    """A criterion's name, then the names the same criterion has in the other sets of its level that
    number their criteria alike (318's "Nghèo đa chiều" is 1980's "Hộ nghèo"): officials keep using the
    older name, and the numbering of the 19 commune criteria has not changed since 2009."""
    out = [crit.name] + ([crit.former_name] if crit.former_name else [])
    for other in catalogue.sets.values():
        if other is cset or other.level != cset.level or len(other.criteria) != len(cset.criteria):
            continue
        same = next((c for c in other.criteria if c.number == crit.number), None)
        if same is not None and same.name not in out and same.group == crit.group:
            out.append(same.name)
    return out


def named_criterion(catalogue: Catalogue, cset: CriteriaSet, name: str) -> Criterion | None:
    """The criterion of `cset` that `name` names, by its name or one it has in another set ("Chợ nông thôn" is 318's
    7, "Cơ sở hạ tầng thương mại nông thôn")."""
    key = criterion_key(name)
    return next(
        (c for c in cset.criteria if key in {criterion_key(n) for n in criterion_names(catalogue, cset, c)}), None
    )


_PLACE_NAMES: dict[int, tuple[Catalogue, re.Pattern | None]] = {}


# ("thu nhập phải bao nhiêu": a requirement asked of the name.)
_REQUIREMENT = re.compile(
    # ("cần đạt điều kiện gì về thu nhập": "cần" and a question word before "về" ask it as well.)
    r"\b((?:phai|can) dat|phai co|(?:yeu cau|dieu kien)(?: gi| nao)? ve|muc dat chuan ve"
    r"|phai (?:dat )?(?:bao nhieu|bn)"
    # "Chợ nông thôn có bắt buộc với xã NTM không?", "xã có cần có …": whether a set requires it.
    r"|bat buoc|co can (?:phai )?co"
    # "mức thu nhập … để xã vùng Đông Nam Bộ đạt chuẩn NTM là bao nhiêu": what reaching the standard takes.
    r"|de (?:[a-z]+ ){0,6}?(?:duoc )?(?:dat chuan|cong nhan)(?: [a-z]+){0,9}? (?:la )?(?:bao nhieu|bn))\b"
)
DEFINED = re.compile(r"(la gi|nghia la gi|duoc hieu (la gi|nhu the nao|the nao))\b")
_AGENCY_NAMES = re.compile(r"\b(?:nong nghiep|tai nguyen)\s*(?:va|&|-)\s*moi truong\b")


def _names(catalogue: Catalogue) -> tuple[object, dict[str, str], dict[str, str], str]:
    """(catalogue, accent-free name → criterion name, criterion name → what it says accent-free, all of that)."""
    entry = _CRITERION_NAMES.get(id(catalogue))
    if entry is None or entry[0] is not catalogue:
        names: dict[str, str] = {}
        # What each criterion (by name, over every set) says, name and indicators, accent-free.
        says: dict[str, str] = {}
        try:
            for cset in catalogue.sets.values():
                for c in cset.criteria:
                    said = " ".join([c.name, *(i.name for i in c.indicators)])
                    says[c.name] = f"{says.get(c.name, '')} {' '.join(re.findall(r'[a-z]+', fold(said)))} "
                    key = criterion_key(c.name)
                    # Names that are only the level and tier ("Xã đạt chuẩn nông thôn mới", a condition
                    # in some sets) would make every question a criteria question.
                    generic = re.fullmatch(r"(xa|huyen)?\s*(dat chuan)?\s*(nong thon moi)?\s*(nang cao|kieu mau)?", key)
                    if len(key) >= 4 and not generic:
                        names.setdefault(key, c.name)
                        # "Mô hình thôn thông minh" is named "thôn thông minh" too: its head word says only what
                        # kind of thing is counted.
                        head = re.match(r"(mo hinh|ty le) (\w+ \w+.*)", key)
                        if head:
                            names.setdefault(head.group(2), c.name)
                    # The whole name of one listing several fields ("Văn hóa, giáo dục, y tế") names that criterion,
                    # not the older set's criterion its first word names ("Văn hóa").
                    whole = fold(c.name).strip()
                    if "," in whole and whole != key:
                        names.setdefault(whole, c.name)
            # The later parts of a name ("… và an ninh, quốc phòng", "Văn hóa, giáo dục, y tế") name it too, where
            # no whole name is the same words: "nội dung tiếp cận pháp luật nằm trong tiêu chí số mấy".
            for cset in catalogue.sets.values():
                for c in cset.criteria:
                    for part in name_parts(c.name)[1:]:
                        key = fold(part).strip()
                        if len(key.split()) >= 2:
                            names.setdefault(key, c.name)
        except Exception:  # a broken catalogue must not stop question understanding
            names, says = {}, {}
        entry = _CRITERION_NAMES[id(catalogue)] = (catalogue, names, says, " ".join(says.values()))
    return entry


def says_name(catalogue: Catalogue, name: str, f: str) -> bool:
    """Whether the accent-free question `f` holds the criterion name `name` (accent-free) as that criterion's name,
    not inside a word of another criterion's text ("nhà văn hóa" is criterion 6's, not "Văn hóa")."""
    entry = _names(catalogue)
    owner = entry[1].get(name)
    return _named_in(name, f, entry[2].get(owner, "") if owner else "", entry[3])


def criterion_by_name(f: str, catalogue: Catalogue, accented: str | None = None) -> str | None:
    """A criterion named in words ('tiêu chí môi trường'): the longest known name found."""
    entry = _names(catalogue)
    named_as_criteria = re.search(r"\b(tieu chi|chi tieu)\b", f)
    # Place names are not criteria: "Điện Biên" holds "Điện" (only the folded text is searched for names).
    # One pattern per catalogue, longest names first.
    places = _PLACE_NAMES.get(id(catalogue))
    if places is None or places[0] is not catalogue:
        try:
            names = {fold(n) for p in catalogue.regions.provinces for n in (p.name, *p.aliases)}
        except Exception:  # a broken catalogue must not stop question understanding
            names = set()
        several = sorted((n for n in names if len(n.split()) > 1), key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, several)) + r")\b") if several else None
        places = _PLACE_NAMES[id(catalogue)] = (catalogue, pattern)
    if places[1] is not None:
        f = places[1].sub(" ", f)
    # Nor are agencies: "Sở Nông nghiệp và Môi trường" asks for a report, not about the criterion "Môi trường".
    f = _AGENCY_NAMES.sub(" ", f)
    clause = fold(asking_clause(f))
    # "Xã kiểu mẫu phải đạt thu nhập bao nhiêu?": a requirement asked of a criterion's name names it too; so does a
    # name of three words or more asked to be defined ("Mô hình thôn thông minh là gì?").
    defined = None if named_as_criteria or _REQUIREMENT.search(clause) else DEFINED.search(clause)
    if not named_as_criteria and not _REQUIREMENT.search(clause) and defined is None:
        return None
    found: list[tuple[bool, int, str]] = []
    counted = re.search(r"\b(so|cac|nhung|bao nhieu|may) (tieu chi|chi tieu)\b(?! (so )?\d)", clause)
    for key, name in entry[1].items():
        if defined is not None and (
            len(key.split()) < 3 or not rx(rf"\b{re.escape(key)} " + DEFINED.pattern).search(f)
        ):
            continue  # a name defined is the whole subject of "là gì"
        if not _named_in(key, f, entry[2].get(name, ""), entry[3]):
            continue
        # Typed with diacritics, the name must be there with them: "diện" (category) is not "Điện".
        parts = name_parts(name)
        own = next((x.lower() for x in parts if fold(x).strip() == key), parts[0].lower())
        if fold(own).strip() != key and fold(own).strip().endswith(" " + key):
            own = " ".join(own.split()[-len(key.split()) :])  # named without its head word ("thôn thông minh")
        if accented is not None and not rx(rf"(?<!\w){re.escape(own)}(?!\w)").search(accented):
            continue
        # Named as a criterion ("tiêu chí Y tế") or in the asking part; a preamble's job title ("công chức
        # nông nghiệp - môi trường xã …") is not the criterion asked about.
        # "theo dõi nội dung văn hóa, giáo dục, y tế …": a content the asker follows names it too.
        named = bool(rx(rf"\b(tieu chi|chi tieu|noi dung)( so \d+)?( ve)? {re.escape(key)}\b").search(f))
        if named and counted and not rx(rf"\b{re.escape(key)}\b").search(clause):
            # "… 6/19 tiêu chí không còn đạt, trong đó có tiêu chí Thu nhập. … khi có bao nhiêu phần trăm số tiêu chí
            # không đạt?": the part that asks counts criteria in general; the preamble's criterion is not asked.
            named = False
        if named or rx(rf"\b{re.escape(key)}\b").search(clause):
            found.append((named, len(key), key))
    # A name that follows "tiêu chí" first, then the longest.
    return entry[1][max(found)[2]] if found else None


def _named_in(key: str, f: str, own: str, every: str) -> bool:
    """Whether the question holds the name as the name: "khám chữa bệnh điện tử" holds "điện" inside "điện tử", a
    word of the language that another criterion's indicator uses (15.4, "sổ khám chữa bệnh điện tử") and the
    criterion "Điện" never does; "thôn có nhà văn hóa" holds "văn hóa" inside "nhà văn hóa" (6.3's, never the
    criterion "Văn hóa"'s). Such a word is the other criterion's, not this name."""
    last = key.split()[-1]
    for m in rx(rf"\b{re.escape(key)}\b").finditer(f):
        after = re.match(r"\s+([a-z]+)", f[m.end() :])
        before = re.search(r"([a-z]+)\s+$", f[: m.start()])
        words = [f"{last} {after.group(1)}" if after else None, f"{before.group(1)} {key}" if before else None]
        if any(
            word is not None
            and word.replace(" ", "_") in dictionary_words()
            and f" {word} " in every
            and f" {word} " not in own
            for word in words
        ):
            continue
        return True
    return False


def find_by_name(cset: CriteriaSet, name: str, catalogue: Catalogue | None = None) -> Criterion | None:
    """The criterion of `cset` a criterion name (the catalogue's, of any set) is: the same name, the same
    criterion's name in another set, a name holding or held by it, or one sharing a part of it."""
    want = fold(name)
    found = next((c for c in cset.criteria if fold(c.name) == want), None)
    if found is None and catalogue is not None:
        # The same criterion's name in another set ("Bưu điện" is 318's 8, "Thông tin và Truyền thông") before a name
        # that holds or is held by the words: "điện" is inside "bưu điện" and names another criterion.
        found = next(
            (c for c in cset.criteria if any(fold(n) == want for n in criterion_names(catalogue, cset, c)[1:])), None
        )
    if found is None:
        # A name's first part inside the one asked, as words of two or more: "điện" alone is inside "bưu điện".
        found = next(
            (c for c in cset.criteria if _holds(want, fold(c.name).split(" va ")[0]) or _holds(fold(c.name), want)),
            None,
        )
    if found is None:
        # Another set's name of the same content: "Quốc phòng và An ninh" (2021-2025) is part of "Tiếp cận pháp luật
        # và an ninh, quốc phòng" (2026-2030).
        found = next((c for c in cset.criteria if _name_parts(name) & _name_parts(c.name)), None)
    return found


def _holds(text: str, name: str) -> bool:
    """`text` holds `name` as whole words, and `name` is two words or more."""
    return len(name.split()) >= 2 and rx(rf"(?<!\w){re.escape(name)}(?!\w)").search(text) is not None


def _name_parts(name: str) -> set[str]:
    """The accent-free parts of a criterion's name of two words or more."""
    return {k for k in (fold(x).strip() for x in name_parts(name)) if len(k.split()) >= 2}
