"""The 98 municipalities: the bundled reference data and how names are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_checker.municipalities import all_municipalities, find_in_name, find_in_text

SHARED = Path(__file__).resolve().parents[2] / "shared" / "domain" / "municipalities.csv"
BUNDLED = Path(__file__).resolve().parents[1] / "minutes_checker" / "data" / "municipalities.csv"


def test_bundled_list_is_the_domain_list() -> None:
    if not SHARED.exists():
        pytest.skip("../shared is not beside this checkout")
    assert BUNDLED.read_bytes() == SHARED.read_bytes()
    assert len(all_municipalities()) == 98


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("Referat fra Byrådets møde, Aarhus Kommune", "Aarhus Kommune"),
        ("Københavns Borgerrepræsentation", "Københavns Kommune"),
        ("Nordfyns Kommunes byråd", "Nordfyns Kommune"),
        ("Bornholms Regionskommune", "Bornholms Regionskommune"),
        ("Hoeje-Taastrup kommune", "Høje-Taastrup Kommune"),
        ("Faaborg-Midtfyn Kommune", "Faaborg-Midtfyn Kommune"),
    ],
)
def test_names_in_minutes(text: str, official: str) -> None:
    found = find_in_text(text)
    assert found is not None and found[0].official_name == official


def test_town_names_alone_are_not_municipalities() -> None:
    assert find_in_text("Ishøj Store Torv 20") is None


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("aarhus-2023.pdf", "Aarhus Kommune"),
        ("faaborg_midtfyn/referat.pdf", "Faaborg-Midtfyn Kommune"),
        ("Koebenhavn", "Københavns Kommune"),
        ("lyngby-taarbaek", "Lyngby-Taarbæk Kommune"),
        ("vesthimmerland.docx", "Vesthimmerlands Kommune"),
    ],
)
def test_names_in_files_and_folders(name: str, official: str) -> None:
    found = find_in_name(name)
    assert found is not None and found.official_name == official
