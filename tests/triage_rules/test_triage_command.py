"""`simadu triage` as contracts.md fixes it, and `simadu triage eval FILE`.

These tests carry no `django_db` mark on purpose: pytest-django refuses database
access in them, as a machine with no database would, and the command must still
answer (it then uses the model of the shipped corpus). The subprocess test at the
end runs the installed command where no database exists and checks none appears.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from simadu.triage import engine
from simadu.triage.corpus import CORPUS_DIR, FIELDS
from simadu.triage.model import TriageModel
from tests.triage_rules.spec import CHANNELS, DECISION_KEYS, REPORT_TYPES, SPEC, UNITS

pytestmark = pytest.mark.usefixtures("triage_model")


def run_triage(
    monkeypatch: pytest.MonkeyPatch, lines: list[str]
) -> tuple[list[dict[str, Any]], CommandError | None]:
    """Feed `lines` on stdin; every line written on stdout parsed as JSON, and the failure if any."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    out = io.StringIO()
    failure = None
    try:
        call_command("triage", stdout=out)
    except CommandError as exc:
        failure = exc
    return [json.loads(line) for line in out.getvalue().splitlines()], failure


def assert_is_a_decision(line: dict[str, Any]) -> None:
    """Exactly the keys of contracts.md, with the slugs of triage-taxonomy.md."""
    assert set(line) == DECISION_KEYS
    assert line["channel"] in CHANNELS
    assert line["report_type"] in REPORT_TYPES
    assert line["category"] in SPEC
    assert line["unit"] in UNITS
    assert line["supervisory"] is SPEC[line["category"]][0]
    assert isinstance(line["confidence"], float)
    assert 0.0 <= line["confidence"] <= 1.0
    assert isinstance(line["explanation"], str)
    assert line["explanation"].strip()


def test_one_decision_line_per_report_in_order_with_exactly_the_contract_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Blank lines are skipped; every other line gets one decision, in the order the reports came."""
    lines = [
        json.dumps({"text": "gk bs klaim jht di kntr bpjs"}),
        "",
        json.dumps(
            {
                "title": "OTP tidak masuk",
                "text": "sy gk bs login SIAPkerja, kode OTP gk pernah masuk ke hp",
                "reporter_type": "public",
                "anonymous": True,
            }
        ),
        "   ",
        json.dumps({"text": "tes"}),
        json.dumps(
            {
                "title": "Setoran tiap proyek",
                "text": "Atasan saya di direktorat minta setoran 10% dari setiap kontrak pengadaan. Saya pegawai sini.",
                "reporter_type": "internal",
                "anonymous": False,
            }
        ),
    ]
    decisions, failure = run_triage(monkeypatch, lines)
    assert failure is None
    assert len(decisions) == 4
    for decision in decisions:
        assert_is_a_decision(decision)
    # the third report is the test message: it is third in the answer, not moved by the blank lines
    assert [d["category"] == "lainnya" for d in decisions] == [False, False, True, False]
    assert (decisions[2]["unit"], decisions[2]["channel"]) == ("setjen", "lapor")


def test_a_malformed_line_gets_an_error_in_its_place_and_the_command_fails_after_answering_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One bad line does not cost the others their answer; the exit status still says something was wrong."""
    lines = [
        json.dumps({"text": "THR sy blm dibayar sampai skrg, pdhl lebaran udh lewat 2 minggu"}),  # line 1
        "{bukan json",  # line 2
        json.dumps({"title": "tanpa teks"}),  # line 3
        "",  # line 4: blank, skipped
        json.dumps(["text", "tes"]),  # line 5
        json.dumps({"text": 42}),  # line 6
        json.dumps({"text": "tes"}),  # line 7
    ]
    answers, failure = run_triage(monkeypatch, lines)
    assert len(answers) == 6
    assert_is_a_decision(answers[0])
    for answer, line_number in zip(answers[1:5], (2, 3, 5, 6), strict=True):
        assert set(answer) == {"error"}
        assert answer["error"].startswith(f"line {line_number}:")
    assert_is_a_decision(answers[5])
    assert answers[5]["category"] == "lainnya"
    assert failure is not None
    assert failure.returncode == 1
    assert "4 input line" in str(failure)


def test_more_reports_than_one_batch_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,201 lines cross the internal batch size twice; answer n still belongs to line n."""
    lines = []
    for n in range(1, 1202):
        if n % 3 == 0:
            lines.append("{rusak")
        elif n % 3 == 1:
            lines.append(json.dumps({"text": "tes"}))
        else:
            lines.append(json.dumps({"title": "JHT", "text": f"gk bs klaim jht di kntr bpjs cabang ke-{n}"}))
    answers, failure = run_triage(monkeypatch, lines)
    assert len(answers) == len(lines)
    for n, answer in enumerate(answers, start=1):
        if n % 3 == 0:
            assert answer["error"].startswith(f"line {n}:")
        elif n % 3 == 1:
            assert answer["category"] == "lainnya"
        else:
            assert answer["category"] != "lainnya"
    assert failure is not None
    assert "400 input line" in str(failure)


# --- triage eval -------------------------------------------------------------------------------------


def labelled(
    text: str, category: str, *, report_type: str = "pengaduan", unit: str = "", title: str = ""
) -> str:
    """One line shaped like shared/data/*.jsonl, channel lapor from a member of the public."""
    supervisory, default_unit = SPEC[category]
    expected = {
        "channel": "lapor",
        "report_type": report_type,
        "category": category,
        "supervisory": supervisory,
        "unit": unit or default_unit,
    }
    row = {"id": "", "title": title, "text": text, "reporter_type": "public", "anonymous": False}
    return json.dumps({**row, "expected": expected}, ensure_ascii=False)


NEW_REPORTS = [
    labelled(
        "Sudah dua bulan gaji kami di pabrik sepatu di Tangerang cuma dibayar separuh, sisanya dijanjikan bulan "
        "depan terus dan tidak pernah ditepati.",
        "upah",
        title="Gaji dibayar setengah",
    ),
    labelled(
        "Kapan pendaftaran pelatihan menjahit gelombang kedua di BBPVP Semarang dibuka? Saya mau ikut.",
        "pelatihan_vokasi",
        report_type="permintaan_informasi",
    ),
    labelled(
        "mandor di proyek gedung gk nyediain helm sm sabuk pengaman, kmrn temen sy jatuh dr lantai 3",
        "k3",
    ),
]


def run_eval(path: Path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("triage", "eval", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def section(output: str, name: str) -> str:
    """The table under `== name ==`, up to the next section."""
    return output.split(f"== {name} ==", 1)[1].split("\n== ", 1)[0]


def assert_scores_table(table: str, reports: int) -> None:
    assert table.strip().startswith(f"{reports} reports")
    for field in FIELDS:
        assert re.search(rf"^{field}\s+[01]\.\d{{3}}\s+[01]\.\d{{3}}$", table, re.MULTILINE), field
    assert "unit confusion (rows: expected, columns: predicted)" in table


def test_eval_scores_seen_and_unseen_reports_apart(tmp_path: Path, triage_model: TriageModel) -> None:
    """Reports the model trained on are scored in their own table, so the first table measures new reports."""
    seen = (CORPUS_DIR / "shared_seed.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "campuran.jsonl"
    path.write_text(
        "\n".join([NEW_REPORTS[0], seen[0], NEW_REPORTS[1], "", seen[1], NEW_REPORTS[2], seen[2]]) + "\n"
    )
    output, notes = run_eval(path)
    assert output.index("== reports the model never saw ==") < output.index(
        "== reports the model trained on =="
    )
    assert_scores_table(section(output, "reports the model never saw"), 3)
    assert_scores_table(section(output, "reports the model trained on"), 3)
    assert triage_model.version in notes
    assert "3 of 6 reports are in the training data" in notes


def test_eval_compares_each_field_with_its_label(tmp_path: Path) -> None:
    """Two test messages, one labelled with a wrong unit on purpose: unit accuracy 0.5, category 1.0,
    and the confusion table shows where the mislabelled one went."""
    path = tmp_path / "uji.jsonl"
    path.write_text(labelled("coba", "lainnya") + "\n" + labelled("cek cek", "lainnya", unit="pemda") + "\n")
    output, _ = run_eval(path)
    assert "reports the model trained on" not in output
    table = section(output, "reports the model never saw")
    assert_scores_table(table, 2)
    rows = re.finditer(r"^(\w+)\s+(\d\.\d{3})\s+(\d\.\d{3})$", table, re.MULTILINE)
    scores = {m[1]: (float(m[2]), float(m[3])) for m in rows}
    assert scores["category"] == (1.0, 1.0)
    assert scores["channel"] == (1.0, 1.0)
    assert scores["supervisory"] == (1.0, 1.0)
    assert scores["unit"][0] == 0.5
    assert re.search(r"^pemda\s+\.\s+1$", table, re.MULTILINE)
    assert re.search(r"^setjen\s+\.\s+1$", table, re.MULTILINE)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (NEW_REPORTS[0] + "\n" + labelled("tes", "lainnya").replace('"lainnya"', '"spam"'), "salah.jsonl:2"),
        ("{bukan json\n", "salah.jsonl:1: not JSON"),
        ("\n\n", "holds no labelled reports"),
    ],
)
def test_eval_of_a_missing_or_wrongly_labelled_file_fails_with_one_line(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    """A missing file, a label outside the taxonomy or a broken line: one line that says where, no table."""
    path = tmp_path / "salah.jsonl"
    if content is not None:
        path.write_text(content)
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("triage", "eval", str(path), stdout=out, stderr=io.StringIO())
    message = str(failure.value)
    assert expected in message
    assert "\n" not in message
    assert failure.value.returncode == 1
    assert out.getvalue() == ""


def test_a_wrong_label_names_the_field_and_the_value(tmp_path: Path) -> None:
    """The operator sees which label is unknown, to fix the file."""
    path = tmp_path / "salah.jsonl"
    path.write_text(labelled("tes", "lainnya").replace('"setjen"', '"kantor_pusat"') + "\n")
    with pytest.raises(CommandError, match=r"salah\.jsonl:1: unit='kantor_pusat' is not a label"):
        run_eval(path)


def test_eval_without_a_file_says_how_to_call_it() -> None:
    with pytest.raises(CommandError, match="eval needs a labelled file"):
        call_command("triage", "eval", stdout=io.StringIO())


# --- the installed command -------------------------------------------------------------------------


@pytest.mark.slow
def test_the_installed_command_works_with_the_default_settings_and_no_database(
    tmp_path: Path, triage_model: TriageModel
) -> None:
    """`simadu triage` as contract-check runs it: default settings, no DATABASE_URL, a fresh var folder where
    no database was ever migrated. It answers, and leaves no database behind.

    The model file is copied into the fresh folder so that the test does not train the model a second time."""
    var = tmp_path / "var"
    (var / "triage").mkdir(parents=True)
    shutil.copy(engine.model_dir() / f"{triage_model.version}.model", var / "triage")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["SIMADU_VAR_DIR"] = str(var)
    simadu = Path(sys.executable).with_name("simadu")
    assert simadu.exists()
    stdin = "\n".join(
        [
            json.dumps({"text": "tes"}),
            json.dumps({"text": "gk bs klaim jht di kntr bpjs", "title": "JHT", "reporter_type": "public"}),
        ]
    )
    result = subprocess.run(  # noqa: S603 (our own console script, fixed arguments)
        [str(simadu), "triage"],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    decisions = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(decisions) == 2
    for decision in decisions:
        assert_is_a_decision(decision)
    assert decisions[0]["category"] == "lainnya"
    assert not list(var.rglob("*.sqlite3*"))
