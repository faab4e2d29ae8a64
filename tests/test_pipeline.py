"""The Danish pipeline on both paths: the blank one and a trained one loaded with spacy.load.

`da_core_news_sm` cannot be installed here, so the model path is exercised with a pipeline saved
to disk that has what matters about a trained model: its own sentence segmenter and its own
(different) lemmas. Verdicts must not depend on which path ran.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from minutes_checker.judge import judge as assess_document
from minutes_checker.judge.engine import Engine
from minutes_checker.judge.nlp import build_pipeline, lemma_of, segment_docs
from minutes_checker.judge.rules import default_rulebook
from minutes_checker.pipeline import inspect_file as read_document

CORPUS = Path(__file__).parent.parent / "corpus" / "rendered"
FULL_MEETINGS = [
    "aarhus-2023-byraad-fuldt-moede.pdf",
    "slagelse-2022-sagen-udsaettes.pdf",
    "odense-2022-byraad-handlingsplan.docx",
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trained-pipeline stand-in: spaCy's own sentencizer, and lemmas of its own."""
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "taget"}]], {"LEMMA": "tag"})  # the lookup-table error of the brief
    ruler.add([[{"LOWER": "med"}]], {"LEMMA": "mede"})
    path = tmp_path_factory.mktemp("model") / "da_stand_in"
    nlp.to_disk(path)
    return path


def _sentences(nlp: spacy.language.Language, text: str) -> list[str]:
    return [s.text for _, doc in segment_docs(nlp, text) for s in doc.sents]


def test_blank_pipeline_knows_danish_abbreviations_and_case_numbers() -> None:
    nlp = build_pipeline(None)
    text = (
        "Sagsnr. 27.69.52-I02-1-21 vedrører kortet, jf. § 79 b. Mødet begyndte kl. 17.00 i "
        "salen. Procenten er 31 pct. mod 28 pct. på landsplan, jf. stk. 2. Byrådet godkendte "
        "indstillingen den 27. september."
    )
    assert _sentences(nlp, text) == [
        "Sagsnr. 27.69.52-I02-1-21 vedrører kortet, jf. § 79 b.",
        "Mødet begyndte kl. 17.00 i salen.",
        "Procenten er 31 pct. mod 28 pct. på landsplan, jf. stk. 2.",
        "Byrådet godkendte indstillingen den 27. september.",
    ]


def test_layout_ends_sentences_and_line_breaks_do_not() -> None:
    nlp = build_pipeline(None)
    text = (
        "Beslutning:\nGodkendt\n\n1. at der ikke udarbejdes\nen handlingsplan\n"
        "2. at Ankestyrelsen orienteres"
    )
    assert _sentences(nlp, text) == [
        "Beslutning:",
        "Godkendt",
        "1. at der ikke udarbejdes en handlingsplan",
        "2. at Ankestyrelsen orienteres",
    ]


def test_model_path_keeps_its_segmenter_and_takes_our_lemmas(model_dir: Path) -> None:
    nlp = build_pipeline(model_dir)
    assert "sentencizer" in nlp.pipe_names
    assert nlp.pipe_names[-1] == "minutes_lemmas"
    doc = nlp("Byrådet har taget stilling med det samme.")
    assert [t.lemma_ for t in doc] == [lemma_of(t.text) for t in doc]
    assert doc[2].lemma_ == "tage" and doc[4].lemma_ == "med"


@pytest.mark.parametrize("name", FULL_MEETINGS)
def test_same_verdicts_with_and_without_a_model(model_dir: Path, name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not rendered")
    document = read_document(path)
    book = default_rulebook()
    blank = assess_document(document, engine=Engine(book, build_pipeline(None)))
    model = assess_document(document, engine=Engine(book, build_pipeline(model_dir)))
    assert {c: r.status for c, r in model.checks.items()} == {
        c: r.status for c, r in blank.checks.items()
    }
    assert model.outcome == blank.outcome
    assert blank.status == "ok"


def test_cli_selects_the_model_by_environment(model_dir: Path) -> None:
    """MINUTES_CHECKER_MODEL is how a user points the tool at an installed or saved model."""
    path = CORPUS / FULL_MEETINGS[0]
    if not path.exists():
        pytest.skip("corpus not rendered")

    def run(model: str) -> dict[str, object]:
        env = {**os.environ, "MINUTES_CHECKER_MODEL": model}
        out = subprocess.run(
            [sys.executable, "-m", "minutes_checker", "check", str(path), "--format", "json",
             "--no-fail"],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        return json.loads(out.stdout)

    with_model, without = run(str(model_dir)), run("none")
    assert {c: r["status"] for c, r in with_model["checks"].items()} == {  # type: ignore[union-attr]
        c: r["status"]
        for c, r in without["checks"].items()  # type: ignore[union-attr]
    }


def test_cached_dictionary_gives_simplemmas_own_lemmas() -> None:
    """The SQLite copy of simplemma's dictionary (for start-up speed) changes no lemma."""
    import simplemma

    from minutes_checker.judge.nlp import LEMMA_OVERRIDES

    words = [
        "udarbejdes",
        "orienteres",
        "tages",
        "behandlet",
        "drøftede",
        "godkendt",
        "besluttet",
        "handlingsplanerne",
        "handleplanen",
        "omgørelsesprocenterne",
        "landsgennemsnittet",
        "børnehandicapområdet",
        "voksenhandicapområdet",
        "kommunalbestyrelsen",
        "byrådets",
        "udvalgets",
        "klagesager",
        "stemte",
        "ændringsforslaget",
        "protokolbemærkningen",
        "indstillingen",
        "efterretning",
        "nabokommunerne",
    ]
    for word in words:
        if word not in LEMMA_OVERRIDES:
            assert lemma_of(word) == simplemma.lemmatize(word, lang="da").lower(), word
