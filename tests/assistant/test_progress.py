"""Build progress as plain lines when the output is not a terminal."""

from __future__ import annotations

from assistant.progress import LineProgress


def test_a_line_at_start_every_few_seconds_and_at_the_end() -> None:
    now = [0.0]
    lines: list[str] = []
    progress = LineProgress(lines.append, {"embed": "Tính vector nhúng"}, every=5.0, clock=lambda: now[0])
    for _ in range(10):  # 100 chunks, 10 at a time, 2 s apart
        progress("embed", 10, 100)
        now[0] += 2.0
    assert lines[0] == "Tính vector nhúng: bắt đầu (100)"
    assert lines[1:3] == ["Tính vector nhúng: 40/100 (40%), 6 s", "Tính vector nhúng: 70/100 (70%), 12 s"]
    assert lines[-1] == "Tính vector nhúng: 100/100 (100%), 18 s — xong" and len(lines) == 4


def test_the_cli_prints_lines_when_its_output_is_not_a_terminal(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app
    from tests.api.conftest import make_settings

    settings = make_settings(tmp_path)
    for key, value in {
        "NTM_DATA_DIR": settings.data_dir,
        "NTM_CORPUS_DIR": settings.corpus_dir,
        "NTM_EMBEDDER": "fake",
    }.items():
        monkeypatch.setenv(key, str(value))
    result = CliRunner().invoke(app, ["index"])
    assert result.exit_code == 0, result.output
    assert "Tính vector nhúng: bắt đầu" in result.output and "— xong" in result.output
    assert "━" not in result.output  # no bar drawn into a log
