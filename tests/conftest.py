"""Shared fixtures: a small corpus of the two official seed dispatches and fast settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.settings import Settings
from corpus.registry import BUILTIN_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEED_DOCS = ("14-BCDCTMTQG-2023.md", "5766-UBND-CNNXD-2023.md")


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A corpus folder holding only the two official dispatches."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    for name in SEED_DOCS:
        shutil.copy(BUILTIN_DIR / name, folder / name)
    return folder


@pytest.fixture
def settings(tmp_path: Path, seed_dir: Path) -> Settings:
    """Settings over the seed corpus with the fast fake embedder and a private data folder."""
    return Settings(data_dir=tmp_path / "data", corpus_dir=seed_dir, embedder="fake", _env_file=None)
