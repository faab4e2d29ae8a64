"""Sammenligning med andre kommuner: the rates are set against the national average, a ranking
among all municipalities or a group of comparable municipalities; two neighbours or the
municipality's own earlier years are not enough (CRITERIA.md §3)."""

from __future__ import annotations

import re

from ...models import CheckResult
from ..engine import Hit, Sentence
from ..findings import MAP_SIGNALS, Findings, without_contradicted
from ..textrules import holds_on

ID = "national_comparison"
ROLE = "quality"
READS = (
    "national",
    "neighbours",
    "own_trend",
    "own_rates_elsewhere",
    "country",
    "sets_against",
    "other_measure",
    "kroner_amount",
    "earlier_recap",
    "own_only",
    "percent_figure",
    "three_maps",
    "old_national",
    "national_then",
    *MAP_SIGNALS,
)


def run(f: Findings) -> CheckResult:
    # minutes of a committee alone are judged on their content (CRITERIA.md §3); the
    # committee is quoted first, since the verdict is about its treatment
    prefix = "committee_" if f.committee_only else ""
    body = f.committee_evidence() if f.committee_only else []
    supports = without_contradicted(f.select("national", polarity="supports"), f.hits)
    supports = [
        h for h in supports if not _other_measure_goes_on(f, h) and not _money_column(f, h)
    ]
    strong = [h for h in supports if h.sentence.section_kind != "attachments" and h.weight >= 1]
    strong = [h for h in strong if not _only_the_region(f, h)]
    # "Som det fremgik af septembersagen, ligger kommunen under landsgennemsnittet": a comparison
    # made at an earlier meeting, recalled here (rule `maps.recap_of_earlier_case`); recalled
    # with its rates ("(32 % mod 29 %)") it is set out in this document too
    figures = {h.sentence.start for h in f.select("percent_figure")}
    recap = {h.sentence.start for h in f.select("earlier_recap")} - figures
    recalled = [h for h in strong if h.sentence.start in recap]
    strong = [h for h in strong if h.sentence.start not in recap]
    if recalled and not strong:
        return f.result(
            "national_comparison", "unclear", f"{prefix}recalled", body + f.evidence(recalled)
        )
    # the country's figures are last year's ("sammenholdt med landsgennemsnittet fra sidste års
    # danmarkskort"), and no sentence sets this year's rates against this year's country; or the
    # only comparisons are dated by the text itself ("… og kommunen lå dengang på 35 %")
    then = {h.sentence.start for h in f.select("national_then")}
    dated = [h for h in strong if h.sentence.start in then]
    strong = [h for h in strong if h.sentence.start not in then]
    old = {h.sentence.start for h in f.select("old_national")}
    current = [h for h in strong if h.sentence.start not in old and h.sentence.start in figures]
    if dated and not strong:
        return f.result(
            "national_comparison", "unclear", f"{prefix}earlier_figures", body + f.evidence(dated)
        )
    if old and strong and not current:
        earlier = f.select("old_national")
        return f.result(
            "national_comparison", "unclear", f"{prefix}earlier_figures",
            body + f.evidence(earlier + [h for h in strong if h.sentence.start not in old][:1]),
        )  # fmt: skip
    elsewhere = f.select("own_rates_elsewhere", polarity="contradicts")
    # a sentence that sends the reader to the attachment ("… og kommunens placering fremgår af
    # bilag 2") does not itself set the municipality against the figures
    pointing = {h.sentence.start for h in elsewhere}
    compared = [h for h in strong if h.sentence.start not in pointing]
    if strong and elsewhere and not _sets_against(f, compared):
        # the national figures are in the text, the municipality's own only in an attachment;
        # or the comparison itself is only there ("Bilag 2 er oversigten over samtlige 98
        # kommuner, så byrådet kan se, hvor kommunen står")
        reason = "own_rates_elsewhere" if compared else "in_appendix"
        return f.result(
            "national_comparison", "unclear", f"{prefix}{reason}",
            body + f.evidence(elsewhere + compared),
        )  # fmt: skip
    if strong:
        left = _maps_only_against_themselves(f, strong)
        if left:
            # "Socialområdet samlet: … under landsgennemsnittet" beside "Børn og unge med
            # handicap: … faldt fra 48 % i 2022 til 41 %": the country for one map only
            return f.result(
                "national_comparison",
                "unclear",
                f"{prefix}partial",
                body + f.evidence(strong + left),
            )
        return f.result("national_comparison", "met", f"{prefix}made", body + f.evidence(strong))
    against = f.select("neighbours", "own_trend", "national", polarity="contradicts")
    # a vague "andre kommuner" (weight below 1) that the item itself narrows to neighbours or
    # its own earlier years is that narrower comparison; an appendix's comparison stays unclear
    # (the region's municipalities are named and a map colour is a place among all
    # municipalities, not vague: own earlier years beside them do not narrow them away)
    vague = all(
        h.weight < 1
        and (
            h.rule.id not in ("comparison.regional", "comparison.map_colour")
            or (h.rule.id == "comparison.regional" and _only_announced(h, figures))
        )
        for h in supports
    )
    if supports and not (vague and against):
        return f.result(
            "national_comparison", "unclear", f"{prefix}weak", body + f.evidence(supports)
        )
    if against:
        return f.result(
            "national_comparison", "not_met", f"{prefix}insufficient", body + f.evidence(against)
        )
    if f.decisions_only:
        # a protocol of decisions only: the case text with any comparison is in the agenda
        return f.result("national_comparison", "unclear", "decisions_only", body)
    return f.result("national_comparison", "not_met", f"{prefix}none", body)


_MEASURED = re.compile(r"\b(?:gennem)?snit\w*|\bnr\.|\bnummer\b|\bplacer\w*|\brang\w*|\bniveau\w*")


def _only_announced(hit: Hit, figures: set[int]) -> bool:
    """Whether a regional comparison is only announced ("har sammenlignet Esbjergs tal med andre
    kommuner i Sydvestjylland og med kommunens egne tal"): its sentence gives no figure, average,
    rank or level, so what the item compares with is what it shows (two neighbours)."""
    sentence = hit.sentence
    return sentence.start not in figures and not _MEASURED.search(sentence.lower)


def _only_the_region(f: Findings, hit: Hit) -> bool:
    """Whether a comparison read as national is, by its own sentence, with the region's
    municipalities only ("gennemsnittet for kommunerne i Region Syddanmark", "nr. 3 af de 11
    kommuner i Region Nordjylland"): the sentence has a regional comparison and the words read
    as national do not name the country (a group chosen for likeness stays what it is)."""
    if hit.rule.id in ("comparison.comparable_group", "comparison.shared_traits_group"):
        return False  # a group chosen for likeness, even if all in one region
    if _names_the_country(f, hit):
        return False
    return any(h.sentence is hit.sentence and h.rule.id == "comparison.regional" for h in f.hits)


def _maps_only_against_themselves(f: Findings, strong: list[Hit]) -> list[Hit]:
    """Where the comparison concerns one or two of the maps (its sentence names them, or the
    sentences before it in its paragraph do: "Samlet for socialområdet blev 26 % omgjort. På
    landsplan var tallet 28 %"), and each other map is presented only in paragraphs that set it
    against its own earlier years ("… blev 44 % omgjort. Året før var det 39 %."), the region or
    neighbours: those sentences (the comparison covers only some of the maps)."""
    text = f.document.text
    at = {h.sentence.start for h in strong}
    maps = f.select(*MAP_SIGNALS, polarity="supports")
    # a map the text says it assessed against its own figures alone ("voksenområdet er derfor
    # alene vurderet ud fra udviklingen i Aalborgs egne tal", rule `comparison.only_own_figures`)
    own_only = {h.sentence.start for h in f.select("own_only")}
    alone = [h for h in maps if h.sentence.start in own_only]
    if alone:
        return alone[:1]
    if any(h.sentence.start in at for h in f.select("three_maps")):
        return []  # "Aarhus ligger under gennemsnittet for landets kommuner på alle tre kort"
    named = {h.signal for h in maps if h.sentence.start in at}
    if not named:
        before = [(_paragraph(text, h.sentence)[0], h.sentence.start) for h in strong]
        named = {
            h.signal for h in maps if any(p <= h.sentence.start < s for p, s in before)
        }
    if not named:
        return []
    compared = {_paragraph(text, h.sentence) for h in strong}
    # paragraphs that set a map against something narrower than the country: its own earlier
    # years, the region or neighbours ("… sammenlignet med de 17 kommuner i Region Sjælland")
    narrower = f.select("own_trend", "neighbours") + [
        h for h in f.select("national") if h.rule.id == "comparison.regional"
    ]
    trend = {_paragraph(text, h.sentence) for h in narrower} - compared
    # paragraphs with a rate in them: a map named without one ("udviklingen på voksenområdet
    # følges tæt") presents no figures to compare
    with_rates = {_paragraph(text, h.sentence) for h in f.select("percent_figure")} | trend
    shown: list[Hit] = []
    for signal in (m for m in MAP_SIGNALS if m not in named):  # in the maps' order: stable evidence
        # where the figures are presented: not the Indstilling, the decision, the appendices
        mentions = [
            h
            for h in f.select(signal, polarity="supports")
            if h.sentence.section_kind not in ("proposal", "decision", "attachments")
            and not h.sentence.in_title
            and _paragraph(text, h.sentence) in with_rates
        ]
        against_itself = [h for h in mentions if _paragraph(text, h.sentence) in trend]
        if not against_itself or len(against_itself) < len(mentions):
            return []
        shown += against_itself[:1]
    return shown


def _paragraph(text: str, sentence: Sentence) -> tuple[int, int]:
    """The paragraph (between blank lines) a sentence stands in, as offsets."""
    start = text.rfind("\n\n", 0, sentence.start)
    end = text.find("\n\n", sentence.end)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


TABLE_CELL_CHARS = 40  # a table's cells are short lines; a longer line ends the table


def _money_column(f: Findings, hit: Hit) -> bool:
    """Whether a national column's header cell ("Landsgennemsnit") heads amounts of money, not
    rates: the short lines after it, up to the first long line, hold amounts in kroner and no
    per cent ("Udgifter pr. indbygger | Thisted | Landsgennemsnit | Børn med handicap | 4.910
    kr. | 5.380 kr."): another measure, not the omgørelsesprocent."""
    text = f.document.text
    sentence = text[hit.sentence.start : hit.sentence.end]
    if len(sentence) > TABLE_CELL_CHARS or any(ch.isdigit() for ch in sentence):
        return False
    start = end = hit.sentence.end
    for line in text[start : start + 1500].splitlines(keepends=True):
        if len(line.strip()) > TABLE_CELL_CHARS:
            break
        end += len(line)

    def below(signal: str) -> bool:  # rules `comparison.amount_in_kroner`, `…figure_in_percent`
        return bool(f.select(signal, where=lambda h: start <= h.start < end))

    return below("kroner_amount") and not below("percent_figure")


def _other_measure_goes_on(f: Findings, hit: Hit) -> bool:
    """Whether the comparison's sentence has no figure of its own and follows, in the same
    paragraph, a sentence that sets another measure against the country ("Landsgennemsnittet var
    10.920 kr., så kommunen ligger ca. 8 % over. På børneområdet ligger kommunen på
    landsgennemsnittet."): it goes on about that measure (rules `comparison.other_measure`,
    `comparison.names_country`)."""
    text = f.document.text
    sentence = hit.sentence
    if any(ch.isdigit() for ch in text[sentence.start : sentence.end]):
        return False
    national_at = {h.sentence.start for h in f.select("country")}
    for other in f.select("other_measure"):
        before = other.sentence
        # the sentence before compares that measure with the country itself
        if before.end <= sentence.start and before.start in national_at:
            between = text[before.end : sentence.start]
            if not between.strip() and between.count("\n") < 2:
                return True
    return False


def _names_the_country(f: Findings, hit: Hit) -> bool:
    """Whether the words a comparison was read from name the whole country ("landsgennemsnittet",
    "alle landets kommuner"): the words of rule `comparison.names_country` (signal `country`).

    The engine keeps one hit per rule and sentence, on the first such word, and that may stand
    outside the comparison's words ("På alle tre kort ligger vi under gennemsnittet for
    kommunerne i Region Sjælland"). So the sentence's `country` hit only says that the sentence
    holds such a word; the rule, read on the comparison's words, says whether they are among
    them.
    """
    for country in f.select("country", where=lambda h: h.sentence.start == hit.sentence.start):
        return holds_on(country.rule, f.document.text[hit.start : hit.end])
    return False


def _sets_against(f: Findings, hits: list[Hit]) -> bool:
    """Whether a sentence with a national figure also sets the municipality against it ("under
    landsgennemsnittet", "i forhold til"): the words of rule `comparison.sets_against`."""
    against = {h.sentence.start for h in f.select("sets_against")}
    return any(h.sentence.start in against for h in hits)
