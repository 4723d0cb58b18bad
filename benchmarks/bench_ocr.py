"""OCR benchmark: character accuracy (1 - CER) and seconds per page of scanned Vietnamese legal text.

Pages of known text (paragraphs of corpus documents, Markdown stripped) are drawn in a Times-like serif
font (tests/fixtures/scan.py), saved as image-only PDFs at 300 and 200 dpi, clean and degraded (speckle
noise and a 1-2° skew), and read back through the loader's own OCR path (corpus.ocr.read_pages:
pypdfium2 rendering, tesseract `vie`). Accuracy is 1 - (edit distance / reference length), whitespace
runs counted as one space.

Run: make bench-ocr  (or python benchmarks/bench_ocr.py [--pages 2] [--psm 3 6])
Writes eval/reports/bench-ocr.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the scan renderer is shared with the tests (tests/fixtures/scan.py)

from corpus.ocr import OcrOptions, read_pages  # noqa: E402
from tests.fixtures.scan import char_accuracy, paginate, save_pdf, serif_font  # noqa: E402
from tests.fixtures.scan import render as render_pages  # noqa: E402

SOURCES = ("318-QD-TTg-2022.md", "14-BCDCTMTQG-2023.md")
CONDITIONS = (  # (name, dpi, noise share of pixels, skew in degrees)
    ("300 dpi, sạch", 300, 0.0, 0.0),
    ("300 dpi, nhiễu + nghiêng 1,5°", 300, 0.004, 1.5),
    ("200 dpi, sạch", 200, 0.0, 0.0),
    ("200 dpi, nhiễu + nghiêng 1,5°", 200, 0.004, 1.5),
)


def plain_paragraphs(path: Path) -> list[str]:
    """A corpus document's body as plain lines: no front-matter, page markers, tables or Markdown marks."""
    body = frontmatter.loads(path.read_text(encoding="utf-8")).content
    out = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("|", "<!--", "---")):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"[*_`]+", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = line.replace("[chưa xác minh]", "").strip()
        if line:
            out.append(line)
    return out


def measure(lines: list[str], dpi: int, noise: float, skew: float, psm: int, pages: int, folder: Path) -> dict:
    references = ["\n".join(p) for p in paginate(lines, dpi)][:pages]
    images = render_pages(lines, dpi=dpi, noise=noise, skew_deg=skew, seed=dpi)[:pages]
    pdf = save_pdf(images, folder / f"scan-{dpi}-{noise}-{skew}-{psm}.pdf", dpi)
    seconds: list[float] = []
    last = [time.perf_counter()]

    def tick(done: int, total: int, page: int) -> None:
        now = time.perf_counter()
        seconds.append(now - last[0])
        last[0] = now

    texts = read_pages(pdf, list(range(1, len(images) + 1)), OcrOptions(dpi=dpi, psm=psm, progress=tick))
    accuracy = [char_accuracy(ref, texts[i + 1]) for i, ref in enumerate(references)]
    return {"accuracy": accuracy, "seconds": seconds, "chars": [len(r) for r in references]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2, help="pages of each source document per condition")
    parser.add_argument("--psm", type=int, nargs="+", default=[3], help="tesseract page segmentation modes")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench-ocr.json")
    args = parser.parse_args()

    sources = {name: plain_paragraphs(ROOT / "corpus" / "documents" / name) for name in SOURCES}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for psm in args.psm:
            for name, dpi, noise, skew in CONDITIONS:
                acc: list[float] = []
                secs: list[float] = []
                chars = 0
                for lines in sources.values():
                    m = measure(lines, dpi, noise, skew, psm, args.pages, Path(tmp))
                    acc += m["accuracy"]
                    secs += m["seconds"]
                    chars += sum(m["chars"])
                row = {
                    "condition": name,
                    "dpi": dpi,
                    "noise": noise,
                    "skew_deg": skew,
                    "psm": psm,
                    "pages": len(acc),
                    "chars": chars,
                    "accuracy_mean": round(statistics.fmean(acc), 4),
                    "accuracy_min": round(min(acc), 4),
                    "seconds_per_page": round(statistics.fmean(secs), 2),
                }
                rows.append(row)
                print(
                    f"{name:32} psm {psm}  {row['pages']} tr.  độ chính xác ký tự {row['accuracy_mean']:.2%} "
                    f"(thấp nhất {row['accuracy_min']:.2%})  {row['seconds_per_page']:.2f} s/trang",
                    flush=True,
                )
    tesseract = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "tesseract": tesseract[0] if tesseract else None,
        "font": serif_font().name,
        "sources": list(SOURCES),
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("\n| điều kiện | psm | trang | độ chính xác ký tự (TB / thấp nhất) | giây/trang |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['condition']} | {r['psm']} | {r['pages']} | {r['accuracy_mean']:.2%} / {r['accuracy_min']:.2%} "
            f"| {r['seconds_per_page']:.2f} |"
        )
    print(f"\nĐã ghi {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
