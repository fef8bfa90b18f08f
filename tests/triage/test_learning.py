"""The learning loop: a verifier's correction is kept as a labelled report, and `simadu triage train` makes
a new model version from the shipped corpus and the corrections, which serves only if it is no worse.

Training here runs on a small shipped corpus (the shared seed and dev files, about 300 reports) in a
temporary var/ folder per test, so a run takes seconds and no model file is shared between tests.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client, override_settings

from simadu.accounts.models import User
from simadu.cases.forwarding import case_forward
from simadu.cases.services import case_assign
from simadu.core import clock
from simadu.triage import corpus, engine, learning, taxonomy
from simadu.triage.corpus import CORPUS_DIR, Example, read_jsonl
from simadu.triage.model import TriageModel, train
from simadu.triage.models import Category, TriageExample, TriageModelVersion, Unit
from simadu.triage.normalize import normalize
from simadu.triage.services import model_version_record
from tests.factories import decision, login_staff, submit

SMALL_CORPUS = [
    *read_jsonl(CORPUS_DIR / "shared_seed.jsonl"),
    *read_jsonl(CORPUS_DIR / "shared_dev.jsonl"),
]
SHIPPED_CORPUS = corpus.shipped_corpus  # the real one, before tests swap in the small corpus
PROJECT_VAR = Path(django_settings.VAR_DIR)
NOISE = "Saya ingin menyampaikan sesuatu yang lain saja, mohon dibaca."
# A word no shipped report uses, standing for a new regional word for an unguarded machine that
# hurts workers: verifiers keep correcting such reports to K3 until the model has learned it.
_OPENINGS = (
    "Lapor pak,",
    "Mohon bantuan,",
    "Permisi admin,",
    "Tolong ditindaklanjuti,",
    "Assalamualaikum,",
    "Selamat siang,",
)
_MIDDLES = (
    "sipalaka di pabrik kami makin sering",
    "teman saya kena sipalaka lagi kemarin",
    "sipalaka di gudang belum juga diperbaiki",
    "mandor bilang sipalaka itu sudah biasa",
    "sudah tiga orang jadi korban sipalaka bulan ini",
)
_CLOSINGS = (
    "dan perusahaan diam saja.",
    "kami takut masuk kerja.",
    "mohon segera dicek.",
    "tolong kirim pengawas.",
    "padahal sudah lapor HRD.",
)
NEW_WORD_REPORTS = [f"{_OPENINGS[i % 6]} {_MIDDLES[i % 5]}, {_CLOSINGS[i // 6]}" for i in range(30)]


class Clock:
    """engine's monotonic clock, moved by hand: a running server asks for the active version every 30 s."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def small_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small corpus's shipped model and its gate model, trained once for this module."""
    var = tmp_path_factory.mktemp("var")
    with pytest.MonkeyPatch.context() as patch, override_settings(VAR_DIR=var):
        patch.setattr(corpus, "shipped_corpus", lambda: list(SMALL_CORPUS))
        engine.shipped_model()
        learning._shipped_gate(list(SMALL_CORPUS), progress=lambda _line: None)
    return var / "triage"


@pytest.fixture(autouse=True)
def small_corpus(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_models: Path) -> Clock:
    """Each test: its own var/ holding copies of the small models, the small corpus, a fresh model cache."""
    shutil.copytree(small_models, tmp_path / "triage")
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(corpus, "shipped_corpus", lambda: list(SMALL_CORPUS))
    monkeypatch.setattr(engine, "_served", None)  # restored after the test: other tests keep their model
    clock = Clock()
    monkeypatch.setattr(engine, "_clock", clock)
    return clock


def _train(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("triage", "train", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _correct_to_k3(text: str, verifier: User) -> None:
    case, _ = submit(text)
    case_assign(
        case=case,
        actor=verifier,
        unit=Unit.objects.get(pk="ditjen_binwasnaker_k3"),
        category=Category.objects.get(pk="k3"),
    )


# --- corrections become labelled examples ----------------------------------------------------


@pytest.mark.django_db
def test_a_verifiers_corrected_assignment_on_the_case_page_is_kept_as_one_labelled_example(staff):
    """The verifier changes the suggested category and unit on the page: the report and the final
    labels are kept, once, for the next model."""
    case, _ = submit(NOISE, title="Mesin tanpa pelindung", triage=decision("lainnya"))
    client = Client()
    login_staff(client, staff["verifier"])

    response = client.post(
        f"/staf/kasus/{case.tracking_id}/aksi/assign",
        {"unit": "ditjen_binwasnaker_k3", "category": "k3", "report_type": "aspirasi"},
    )

    assert response.status_code == 302
    example = TriageExample.objects.get()
    assert (example.tracking_id, example.text, example.title) == (
        case.tracking_id,
        NOISE,
        "Mesin tanpa pelindung",
    )
    assert example.labels == {
        "channel": "lapor",
        "report_type": "aspirasi",
        "category": "k3",
        "supervisory": False,
        "unit": "ditjen_binwasnaker_k3",
    }
    assert example.source == "correction"
    assert example.created_by == staff["verifier"]


@pytest.mark.django_db
def test_confirming_the_suggestion_keeps_no_example(staff):
    """Only corrections teach: an assignment exactly as suggested stores nothing."""
    case, _ = submit(NOISE, triage=decision("k3"))
    case_assign(case=case, actor=staff["verifier"], unit=Unit.objects.get(pk="ditjen_binwasnaker_k3"))

    assert not TriageExample.objects.exists()


@pytest.mark.django_db
def test_forwarding_to_another_agency_than_suggested_keeps_the_agency_as_the_unit(staff):
    """A benefit claim the engine sent to the ministry, forwarded by the verifier to BPJS, teaches that unit."""
    text = "Klaim JHT saya di kantor BPJS sudah dua bulan belum cair, tiap ditanya disuruh menunggu."
    case, _ = submit(text, triage=decision("jaminan_sosial"))
    case_forward(
        case=case,
        actor=staff["verifier"],
        agency=Unit.objects.get(pk="bpjs_ketenagakerjaan"),
        channel="sp4n_lapor",
        reason="Klaim JHT dilayani langsung oleh BPJS Ketenagakerjaan.",
    )

    example = TriageExample.objects.get()
    assert example.labels["unit"] == "bpjs_ketenagakerjaan"
    assert example.labels["category"] == "jaminan_sosial"
    assert example.text == text


@pytest.mark.django_db
def test_a_corrected_wbs_case_is_never_kept_as_an_example(staff):
    """WBS content is sealed; a training example would be a plain copy of it. The correction itself
    is still on the case's timeline."""
    case, _ = submit(
        "Pejabat di kantor pusat minta uang pelicin untuk izin kami.",
        channel="wbs",
        triage=decision("gratifikasi", channel="wbs"),
    )
    case_assign(
        case=case,
        actor=staff["verifier_wbs"],
        unit=Unit.objects.get(pk="itjen"),
        category=Category.objects.get(pk="pungli"),
    )

    assert not TriageExample.objects.exists()
    assert case.events.filter(kind="triage_correction").exists()


@pytest.mark.django_db
def test_a_correction_to_a_category_the_engine_does_not_know_is_kept_but_left_out_of_training(staff):
    """An administrator may add a category the taxonomy lacks; its corrections are stored, and `train`
    leaves them out (and says so) rather than teach the engine a label its rules cannot read."""
    added = Category.objects.create(
        slug="magang_luar_negeri", name="Magang luar negeri", default_unit_id="ditjen_binalavotas"
    )
    case, _ = submit(NOISE, triage=decision("lainnya"))
    case_assign(
        case=case, actor=staff["verifier"], unit=Unit.objects.get(pk="ditjen_binalavotas"), category=added
    )

    assert TriageExample.objects.get().labels["category"] == "magang_luar_negeri"
    learned = learning.corrections()
    assert (learned.examples, learned.skipped) == ([], 1)


@pytest.mark.django_db
def test_an_administrator_lists_corrections_and_versions_but_never_reads_report_text_there(staff):
    """The admin shows what was learned (labels, who, when) and the model versions; the report itself is
    read only on the case page, under the permission policy."""
    case, _ = submit(NOISE, triage=decision("lainnya"))
    case_assign(case=case, actor=staff["verifier"], unit=Unit.objects.get(pk="ditjen_binwasnaker_k3"))
    admin = Client()
    login_staff(admin, staff["admin"])
    example = TriageExample.objects.get()

    listing = admin.get("/admin/triage/triageexample/")
    detail = admin.get(f"/admin/triage/triageexample/{example.pk}/change/")
    versions = admin.get("/admin/triage/triagemodelversion/")

    assert (listing.status_code, detail.status_code, versions.status_code) == (200, 200, 200)
    assert case.tracking_id in listing.text
    assert "ditjen_binwasnaker_k3" in detail.text
    assert NOISE not in listing.text
    assert NOISE not in detail.text


# --- training, the gate, activation ----------------------------------------------------------


def _seed_active_version(name: str = "v001-seeded") -> TriageModelVersion:
    """An active version as `train` leaves it with no corrections: the small corpus's models under its name."""
    for path in (learning.gate_path, learning.served_path):
        source = path(f"corpus-{engine.corpus_fingerprint(SMALL_CORPUS)}")
        model = engine.load_model(source)
        assert model is not None
        engine.store_model(dataclasses.replace(model, version=name), path(name))
    return model_version_record(
        version=name,
        started_at=clock.now(),
        trained_on=len(SMALL_CORPUS),
        corrections=0,
        scores={},
        activate=True,
        note="seeded by the test",
    )


def _trained_on_wrong_categories(
    examples: list[Example], *, version: str, phrases: dict[str, tuple[str, ...]] | None = None
) -> TriageModel:
    """The real trainer, fed every report with the category of the next one in the taxonomy."""
    names = list(taxonomy.CATEGORIES)
    wrong = [
        dataclasses.replace(
            e, labels={**e.labels, "category": names[(names.index(e.labels["category"]) + 1) % len(names)]}
        )
        for e in examples
    ]
    return train(wrong, version=version, phrases=phrases)


@pytest.mark.slow
@pytest.mark.django_db
def test_train_activates_a_version_that_is_no_worse_and_new_reports_record_it_within_30_seconds(
    staff, small_corpus
):
    """`simadu triage train` trains on corpus + corrections, scores on the evaluation set, records the
    version with its scores, activates it and says so in one line. A running server asks for the
    active version at most every 30 s: the reports filed after that carry the new version."""
    first, _ = submit(NOISE)
    assert first.triage["version"].startswith("corpus-")
    # A verifier corrects a wrong suggestion to the labels the corpus gives the same report: the candidate
    # learns nothing that contradicts the corpus, so it is no worse, whatever side of E the report is on.
    known = next(e for e in SMALL_CORPUS if e.labels["category"] == "k3")
    case, _ = submit(known.text, title=known.title, triage=decision("lainnya"))
    case_assign(
        case=case,
        actor=staff["verifier"],
        unit=Unit.objects.get(pk=known.labels["unit"]),
        category=Category.objects.get(pk="k3"),
        report_type=known.labels["report_type"],
    )

    out, err = _train()

    version = TriageModelVersion.objects.get()
    assert version.active is True, version.note
    assert version.trained_on == len(SMALL_CORPUS) + 1
    assert version.corrections == 1
    assert set(version.scores["fields"]) >= {"unit", "category", "channel", "report_type"}
    assert 0 < version.scores["fields"]["unit"]["accuracy"] <= 1
    assert version.scores["evaluation_set"] == len(
        learning.split([*SMALL_CORPUS, *learning.corrections().examples])[1]
    )
    assert version.scores["compared_with"]["version"] == first.triage["version"]
    assert "no worse than" in version.note
    assert out.count("\n") == 1
    assert out.startswith(f"{version.version}: trained on {version.trained_on} reports (1 correction); E ")
    assert "active: yes" in out
    assert "evaluation set E" in err
    assert learning.served_path(version.version).exists()
    assert learning.gate_path(version.version).exists()

    small_corpus.advance(engine.RECHECK_SECONDS - 1)
    still, _ = submit(NOISE)
    small_corpus.advance(1)
    after, _ = submit(NOISE)
    assert still.triage["version"] == first.triage["version"]
    assert after.triage["version"] == version.version
    assert engine.active_model().version == version.version


@pytest.mark.slow
@pytest.mark.django_db
def test_a_candidate_worse_than_the_active_version_is_recorded_but_not_activated(monkeypatch):
    """A candidate trained on wrong labels is judged against the active version's gate model, kept for
    the record, inactive, with the reason; the command says so and still succeeds."""
    active = _seed_active_version()
    monkeypatch.setattr(learning, "train", _trained_on_wrong_categories)

    out, _ = _train()

    candidate = TriageModelVersion.objects.exclude(pk=active.pk).get()
    assert candidate.version.startswith("v002-")
    assert candidate.active is False
    assert candidate.scores["compared_with"]["version"] == active.version
    assert f"worse than {active.version}" in candidate.note
    assert (
        candidate.scores["mean_accuracy"]
        < candidate.scores["compared_with"]["mean_accuracy"] - learning.TOLERANCE
    )
    assert "active: no" in out
    assert engine.active_version_name() == active.version


@pytest.mark.slow
@pytest.mark.django_db
def test_force_activates_a_worse_candidate_in_place_of_the_active_one_and_says_so(monkeypatch):
    """`--force` activates regardless, the note records that it was forced, and one version stays active."""
    active = _seed_active_version()
    monkeypatch.setattr(learning, "train", _trained_on_wrong_categories)

    out, _ = _train("--force")

    candidate = TriageModelVersion.objects.exclude(pk=active.pk).get()
    assert candidate.active is True
    assert "--force" in candidate.note
    assert "active: yes" in out
    assert list(TriageModelVersion.objects.filter(active=True)) == [candidate]
    assert engine.active_version_name() == candidate.version


@pytest.mark.slow
@pytest.mark.django_db
def test_a_lost_gate_model_of_the_active_version_is_rebuilt_and_the_note_says_so():
    """Without its gate file (deleted, or written by an older SIMADU) the active version is judged by a gate
    model rebuilt from what it was trained on; training goes on and the note tells."""
    active = _seed_active_version()
    learning.gate_path(active.version).unlink()

    out, err = _train()

    candidate = TriageModelVersion.objects.exclude(pk=active.pk).get()
    assert f"the gate model of {active.version} was rebuilt" in candidate.note
    assert "rebuilding it" in err
    assert candidate.active, out


@pytest.mark.slow
@pytest.mark.django_db
def test_thirty_corrections_teach_the_next_model_a_new_word(staff, small_corpus):
    """Verifiers keep correcting reports with a word the model never saw to K3; after `train`, a new
    report with that word is suggested K3 and sent to the unit for K3."""
    new_report = "Sipalaka di bengkel las kami belum ada yang urus, tolong dibantu."
    before, _ = submit(new_report)
    assert before.category_id != "k3"

    for text in NEW_WORD_REPORTS:
        _correct_to_k3(text, staff["verifier"])
    assert TriageExample.objects.count() == 30
    out, _ = _train()
    small_corpus.advance(engine.RECHECK_SECONDS)

    after, _ = submit(new_report)
    version = TriageModelVersion.objects.get()
    assert version.active, out
    assert (after.category_id, after.triage["unit"]) == ("k3", "ditjen_binwasnaker_k3")
    assert after.triage["version"] == version.version


# --- the classifier keeps working without a database --------------------------------------------


def _simadu(*args: str, var: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The installed `simadu` command with the embedded default in `var` (no DATABASE_URL)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"SIMADU_VAR_DIR": str(var)}
    command = [str(Path(sys.executable).with_name("simadu")), *args]
    options: dict[str, Any] = {"env": env, "capture_output": True, "text": True, "timeout": 120}
    return subprocess.run(command, input=stdin, check=False, **options)  # noqa: S603


@pytest.mark.slow
def test_simadu_triage_works_with_no_database_and_train_refuses_one_without_tables(tmp_path):
    """`simadu triage` needs no database (and creates none); with an empty database it still answers
    from the shipped model, and `train` fails with a one-line reason."""
    var = tmp_path / "offline"  # not the test's var/: nothing of the small corpus in it
    line = json.dumps({"text": "Gaji saya tiga bulan belum dibayar oleh PT Maju."}) + "\n"
    shipped = PROJECT_VAR / "triage" / f"corpus-{engine.corpus_fingerprint(SHIPPED_CORPUS())}.model"
    if shipped.exists():  # spare the command training the full corpus when the suite has done so already
        (var / "triage").mkdir(parents=True)
        shutil.copy(shipped, var / "triage" / shipped.name)

    first = _simadu("triage", var=var, stdin=line)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["category"] == "upah"
    assert not (var / "simadu.sqlite3").exists()

    (var / "simadu.sqlite3").touch()  # a database nobody has migrated
    second = _simadu("triage", var=var, stdin=line)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["unit"] == "ditjen_phi_jamsos"

    train = _simadu("triage", "train", var=var)
    assert train.returncode != 0
    assert train.stdout == ""
    assert train.stderr.strip().splitlines()[-1].startswith("CommandError: database not ready")


@pytest.mark.slow
@pytest.mark.django_db
def test_a_phrase_an_administrator_adds_to_a_category_reaches_the_next_trained_model(staff, small_corpus):
    """An administrator adds "kerja rodi" to the labour-norms lexicon in the admin; nothing changes until
    `simadu triage train`, after which the served model reads the phrase and leans towards that category."""
    from simadu.triage.lexicon import LexiconFeatures
    from simadu.triage.models import TriagePhrase

    def lexicon_of(model: TriageModel) -> LexiconFeatures:
        return dict(model.features.transformer_list)["lexicon"]

    report = "Kami dipaksa kerja rodi sampai subuh tanpa bayaran tambahan."

    def p_norma_kerja(model: TriageModel) -> float:
        classifier = model.classifiers["category"]
        proba = classifier.predict_proba(model.features.transform([normalize(report)]))[0]
        return float(proba[list(classifier.classes_).index("norma_kerja")])

    before = engine.active_model()
    assert " kerja rodi " not in lexicon_of(before).compiled_.get("norma_kerja", ())

    admin = Client()
    login_staff(admin, staff["admin"])
    added = admin.post(
        "/admin/triage/triagephrase/add/", {"category": "norma_kerja", "phrase": "kerja rodi", "active": "on"}
    )
    assert added.status_code == 302
    assert TriagePhrase.objects.filter(phrase="kerja rodi").exists()
    assert engine.active_model() is before  # nothing changes until the next training

    _train("--force")
    small_corpus.advance(engine.RECHECK_SECONDS)
    after = engine.active_model()

    assert " kerja rodi " in lexicon_of(after).compiled_["norma_kerja"]
    assert p_norma_kerja(after) > p_norma_kerja(before)


@pytest.mark.django_db
def test_a_corrected_example_carries_the_channel_the_taxonomy_gives_its_corrected_labels(staff):
    """A report that came in on SPAN-LAPOR! and turns out to be a login problem teaches the model the
    Helpdesk channel, not the door it came in by."""
    case, _ = submit(
        "Akun SIAPkerja saya terkunci setelah ganti nomor HP, kode OTP tidak pernah masuk.",
        triage=decision("upah"),
    )
    assert case.channel == "lapor"

    case_assign(
        case=case,
        actor=staff["verifier"],
        unit=Unit.objects.get(pk="pusdatin"),
        category=Category.objects.get(pk="akses_layanan_digital"),
    )

    assert TriageExample.objects.get().labels["channel"] == "helpdesk"
