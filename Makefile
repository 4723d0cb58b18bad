# Two commands do everything: `make run` (install, build the index if missing, serve on
# http://127.0.0.1:8000) and `make test` (install dev extras, lint, run every test).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.ntm-run-installed
DEV_STAMP := $(VENV)/.ntm-dev-installed

.PHONY: run test lint eval bench bench-index bench-ask bench-ocr clean-index help

help:
	@echo "make run          cài đặt, xây dựng chỉ mục (nếu chưa có), chạy http://127.0.0.1:8000"
	@echo "make test         cài thêm gói phát triển, kiểm tra mã (ruff) và chạy toàn bộ kiểm thử"
	@echo "make bench-index  đo thời gian xây dựng chỉ mục"
	@echo "make bench-ask    đo độ trễ hỏi đáp theo từng giai đoạn (100 câu hỏi)"
	@echo "make bench-ocr    đo độ chính xác ký tự và thời gian nhận dạng chữ (OCR) trang quét"
	@echo "make bench        chạy mọi phép đo: chỉ mục, hỏi đáp, tải API (HTTP), quy mô 100.000 đoạn, OCR"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# torch is installed first and pinned to the local CPU build, so sentence-transformers
# does not pull the CUDA build from the registry.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP)

# Scanned PDFs are read by Debian's tesseract (vie): installed when missing, like Chromium for the tests.
run: $(RUN_STAMP)
	scripts/ensure-ocr.sh
	$(BIN)/ntm index --if-missing
	$(BIN)/ntm serve

lint: $(DEV_STAMP)
	$(BIN)/ruff check .

test: $(DEV_STAMP)
	scripts/ensure-chromium.sh
	scripts/ensure-ocr.sh
	$(BIN)/ruff check .
	$(BIN)/ntm corpus check
	$(BIN)/python -m pytest -ra
	$(BIN)/ntm eval --set dev --retriever all --name ci-dev --gate eval/thresholds.toml

eval: $(RUN_STAMP)
	$(BIN)/ntm eval --set dev --retriever all --name dev-all
	$(BIN)/ntm eval --set test --retriever all --name test-all

bench-index: $(RUN_STAMP)
	$(BIN)/python benchmarks/bench_index.py

bench-ask: $(RUN_STAMP)
	$(BIN)/python benchmarks/bench_ask.py

bench-ocr: $(RUN_STAMP)
	scripts/ensure-ocr.sh
	$(BIN)/python benchmarks/bench_ocr.py

# About 30 minutes on 2 cores: bench_api holds each concurrency level 60 s, bench_scale builds 100k chunks.
bench: $(RUN_STAMP)
	$(BIN)/python benchmarks/bench_index.py
	$(BIN)/python benchmarks/bench_ask.py
	$(BIN)/python benchmarks/bench_api.py
	$(BIN)/python benchmarks/bench_api.py --kinds passages --levels 1,8 --out eval/reports/bench-api-passages.json
	$(BIN)/python benchmarks/bench_scale.py
	scripts/ensure-ocr.sh
	$(BIN)/python benchmarks/bench_ocr.py

clean-index:
	rm -rf data/indexes
