"""Words people read: check, status and outcome labels in Danish (default) and English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["da", "en"]

CHECK_LABELS: dict[str, dict[str, str]] = {
    "full_council": {"da": "Behandlet i kommunalbestyrelsen", "en": "Treated by the full council"},
    "deadline": {"da": "Behandlet inden årets udgang", "en": "Treated before the end of the year"},
    "active_debate": {"da": "Aktiv politisk drøftelse", "en": "Active political debate"},
    "all_three_maps": {"da": "Alle tre danmarkskort", "en": "All three maps"},
    "national_comparison": {
        "da": "Sammenligning med andre kommuner",
        "en": "Comparison with other municipalities",
    },
    "action_plan_decision": {
        "da": "Stillingtagen til handlingsplan",
        "en": "Decision on an action plan",
    },
    "no_plan_reasons": {
        "da": "Begrundelse og orientering ved fravalg af handlingsplan",
        "en": "Reasons and notice when no action plan is made",
    },
}

STATUS_LABELS: dict[str, dict[str, str]] = {
    "met": {"da": "opfyldt", "en": "met"},
    "not_met": {"da": "ikke opfyldt", "en": "not met"},
    "unclear": {"da": "uklart", "en": "unclear"},
    "not_applicable": {"da": "ikke relevant", "en": "not applicable"},
    "undetermined": {"da": "kunne ikke vurderes", "en": "undetermined"},
}

OUTCOME_LABELS: dict[str, dict[str, str]] = {
    "deadline_reminder": {"da": "Indskærpelse af fristen", "en": "Reminder of the deadline"},
    "manual_review": {"da": "Kræver manuel vurdering", "en": "Needs manual review"},
    "request_action_plan_decision": {
        "da": "Anmodning om stillingtagen til handlingsplan",
        "en": "Request to decide on an action plan",
    },
    "no_further_action": {"da": "Ingen yderligere bemærkninger", "en": "No further action"},
    "undetermined": {"da": "Kunne ikke vurderes", "en": "Undetermined"},
}


def check_label(check_id: str, lang: Lang = "da") -> str:
    return CHECK_LABELS[check_id][lang]


def status_label(status: str, lang: Lang = "da") -> str:
    return STATUS_LABELS[status][lang]


def outcome_label(outcome_id: str, lang: Lang = "da") -> str:
    return OUTCOME_LABELS[outcome_id][lang]


# Explanations of verdicts: one or two sentences, keyed "<check>.<reason>", with {placeholders}.
EXPLANATIONS: dict[str, dict[str, str]] = {
    "full_council.council_decision": {
        "da": "Punktet er afgjort af kommunalbestyrelsen selv ({body}).",
        "en": "The item was decided by the full council itself ({body}).",
    },
    "full_council.council_meeting": {
        "da": "Punktet stod på dagsordenen for kommunalbestyrelsens møde ({body}).",
        "en": "The item was on the agenda of the full council's meeting ({body}).",
    },
    "full_council.committee": {
        "da": "Referatet er fra et udvalg ({body}), ikke fra kommunalbestyrelsen; behandlingen kan "
        "ikke delegeres til et udvalg, heller ikke når udvalget anbefaler sagen videre.",
        "en": "The minutes are of a committee ({body}), not of the full council; the treatment "
        "cannot be delegated, even when the committee recommends the case onwards.",
    },
    "full_council.delegated": {
        "da": "Kommunalbestyrelsen fik kun meddelelse om, at et udvalg har behandlet kortet; det "
        "er en delegation, ikke kommunalbestyrelsens egen behandling.",
        "en": "The council was only told that a committee treated the map; that is delegation, "
        "not the council's own treatment.",
    },
    "full_council.informal_meeting": {
        "da": "Punktet blev behandlet på et {body}, hvor kommunalbestyrelsen ikke træffer "
        "beslutninger; en person må vurdere, om det er en behandling på et møde.",
        "en": "The item was treated at a {body}, where the council takes no decisions; a person "
        "must judge whether that is a treatment at a meeting.",
    },
    "full_council.unknown_body": {
        "da": "Det fremgår ikke, hvilket organ der holdt mødet; en person må se efter.",
        "en": "The minutes do not show which body held the meeting; a person must look.",
    },
    "deadline.in_time": {
        "da": "Mødet den {date} ligger inden fristen 31. december {year} for "
        "danmarkskortet {year}.",
        "en": "The meeting on {date} is before the deadline of 31 December {year} for the "
        "{year} map.",
    },
    "deadline.late": {
        "da": "Mødet den {date} ligger efter fristen 31. december {year} for "
        "danmarkskortet {year}.",
        "en": "The meeting on {date} is after the deadline of 31 December {year} for the "
        "{year} map.",
    },
    "deadline.moved": {
        "da": "Referatet siger selv, at behandlingen flyttes ind i det næste år.",
        "en": "The minutes themselves say that the treatment moves into the next year.",
    },
    "deadline.before_publication": {
        "da": "Mødet den {date} ligger før danmarkskortet {year} udkom; en person må se efter, "
        "hvilket kort der er behandlet.",
        "en": "The meeting on {date} is before the {year} map came out; a person must check which "
        "map was treated.",
    },
    "deadline.no_date": {
        "da": "Referatet har ingen læsbar mødedato.",
        "en": "The minutes have no readable meeting date.",
    },
    "deadline.no_year": {
        "da": "Det kan ikke afgøres, hvilket års danmarkskort der er behandlet.",
        "en": "It cannot be told which year's map was treated.",
    },
    "active_debate.debate": {
        "da": "Referatet viser en drøftelse i kommunalbestyrelsen (fx afstemning, "
        "ændringsforslag, protokolbemærkning eller indlæg).",
        "en": "The minutes show debate in the council (a vote, amendment, protocol remark or "
        "members speaking).",
    },
    "active_debate.set_up": {
        "da": "Punktet er sat op til drøftelse eller beslutning i kommunalbestyrelsen.",
        "en": "The item is set up for debate or decision by the council.",
    },
    "active_debate.own_decision": {
        "da": "Kommunalbestyrelsen traf selv en beslutning i punktet.",
        "en": "The council took a decision of its own on the item.",
    },
    "active_debate.no_debate": {
        "da": "Punktet er sat op til beslutning, men referatet siger, at det blev afgjort uden "
        "debat; en person må vurdere, om der var en aktiv drøftelse.",
        "en": "The item is set up for decision, but the minutes say it was settled without "
        "debate; a person must judge whether there was an active debate.",
    },
    "active_debate.orientation_only": {
        "da": "Punktet er en orientering, der alene er taget til efterretning; det skaber "
        "usikkerhed om, hvorvidt der har været en aktiv politisk drøftelse.",
        "en": "The item is an orientation that was only taken note of; that leaves it uncertain "
        "whether there was an active political debate.",
    },
    "active_debate.orientation_with_position": {
        "da": "Punktet er sat op som orientering, men kommunalbestyrelsen giver selv udtryk for en "
        "holdning; en person må vurdere, om det er en aktiv drøftelse.",
        "en": "The item is framed as an orientation, but the council states a position of its "
        "own; a person must judge whether that is an active debate.",
    },
    "active_debate.remarks_unrecorded": {
        "da": "Punktet er en orientering, der blev taget til efterretning \"med de faldne "
        "bemærkninger\", men bemærkningerne står ikke i referatet; en person må vurdere, om der "
        "var en aktiv drøftelse.",
        "en": "The item is an orientation, noted \"with the remarks made\", but the remarks are "
        "not in the minutes; a person must judge whether there was an active debate.",
    },
    "active_debate.mixed_framing": {
        "da": "Punktet er både sat op til beslutning og til orientering og blev taget til "
        "efterretning; en person må se efter.",
        "en": "The item is framed both for decision and as an orientation and was taken note of; "
        "a person must look.",
    },
    "active_debate.postponed": {
        "da": "Sagen blev udsat uden at blive drøftet.",
        "en": "The case was postponed without being debated.",
    },
    "active_debate.committee_only": {
        "da": "Drøftelsen fandt sted i et udvalg; debat i et udvalg tæller ikke.",
        "en": "The debate took place in a committee; debate in a committee does not count.",
    },
    "active_debate.no_decision_text": {
        "da": "Referatet viser ikke kommunalbestyrelsens beslutning i punktet.",
        "en": "The minutes do not show the council's decision on the item.",
    },
    "all_three_maps.committee_all": {
        "da": "Udvalgets behandling dækker alle {count} kort ({maps}); kommunalbestyrelsen har "
        "ikke selv behandlet dem.",
        "en": "The committee's treatment covers all {count} maps ({maps}); the council has not "
        "treated them itself.",
    },
    "all_three_maps.committee_missing": {
        "da": "Udvalgets behandling dækker ikke disse kort: {missing}; kommunalbestyrelsen har "
        "ikke selv behandlet kortene.",
        "en": "The committee's treatment does not cover these maps: {missing}; the council has "
        "not treated the maps itself.",
    },
    "all_three_maps.committee_weak": {
        "da": "Udvalgets behandling nævner kun disse kort svagt: {weak}; kommunalbestyrelsen "
        "har ikke selv behandlet kortene, og en person må se efter.",
        "en": "The committee's treatment only weakly refers to these maps: {weak}; the council "
        "has not treated the maps itself, and a person must look.",
    },
    "all_three_maps.all": {
        "da": "Alle {count} kort er behandlet: {maps}.",
        "en": "All {count} maps are treated: {maps}.",
    },
    "all_three_maps.missing": {
        "da": "Disse kort er ikke behandlet: {missing}.",
        "en": "These maps are not treated: {missing}.",
    },
    "all_three_maps.weak": {
        "da": "Disse kort er kun nævnt svagt (i bilagslisten, som '0-18 år' eller som 'de tre "
        "kort'): {weak}; en person må se efter.",
        "en": "These maps are only weakly referred to (appendix list, '0-18 years' or 'the three "
        "maps'): {weak}; a person must look.",
    },
    "all_three_maps.earlier": {
        "da": "Disse kort er ifølge teksten behandlet på et tidligere møde og ikke i dette "
        "dokument: {earlier}; en person må se referatet fra det møde (en kørsel samler "
        "kommunens dokumenter for året).",
        "en": "These maps were treated at an earlier meeting, the text says, not in this "
        "document: {earlier}; a person must look at that meeting's minutes (a batch combines the "
        "municipality's documents of the year).",
    },
    "national_comparison.committee_made": {
        "da": "Udvalgets punkt holder kommunens omgørelsesprocent op mod landsgennemsnittet, en "
        "placering blandt kommunerne eller sammenlignelige kommuner; kommunalbestyrelsen har "
        "ikke selv behandlet kortet.",
        "en": "The committee's item sets the municipality's rate against the national average, a "
        "ranking or comparable municipalities; the council has not treated the map itself.",
    },
    "national_comparison.committee_weak": {
        "da": "Udvalgets punkt nævner kun en sammenligning med andre kommuner i bilag eller uden "
        "at sige hvilke; kommunalbestyrelsen har ikke selv behandlet kortet, og en person må se "
        "efter.",
        "en": "The committee's item mentions a comparison only in an appendix or without saying "
        "with which municipalities; the council has not treated the map itself, and a person "
        "must look.",
    },
    "national_comparison.committee_insufficient": {
        "da": "Udvalgets punkt holder kun tallene op mod nabokommuner eller kommunens egne "
        "tidligere år; det er ikke nok, og kommunalbestyrelsen har ikke selv behandlet kortet.",
        "en": "The committee's item only sets the figures against neighbours or the "
        "municipality's own earlier years; that is not enough, and the council has not treated "
        "the map itself.",
    },
    "national_comparison.committee_none": {
        "da": "Udvalgets punkt sammenligner ikke med landsgennemsnittet eller andre kommuner, og "
        "kommunalbestyrelsen har ikke selv behandlet kortet.",
        "en": "The committee's item has no comparison with the national average or other "
        "municipalities, and the council has not treated the map itself.",
    },
    "national_comparison.made": {
        "da": "Kommunens omgørelsesprocent holdes op mod landsgennemsnittet, en placering blandt "
        "kommunerne eller sammenlignelige kommuner.",
        "en": "The municipality's rate is set against the national average, a ranking or "
        "comparable municipalities.",
    },
    "national_comparison.weak": {
        "da": "En sammenligning med andre kommuner nævnes kun i bilag eller uden at sige hvilke "
        "kommuner; en person må se efter.",
        "en": "A comparison with other municipalities appears only in an appendix or without "
        "saying which municipalities; a person must look.",
    },
    "national_comparison.insufficient": {
        "da": "Tallene holdes kun op mod nabokommuner eller kommunens egne tidligere år; det er "
        "ikke nok.",
        "en": "The figures are only set against neighbours or the municipality's own earlier "
        "years; that is not enough.",
    },
    "national_comparison.none": {
        "da": "Der er ingen sammenligning med landsgennemsnittet eller andre kommuner.",
        "en": "There is no comparison with the national average or other municipalities.",
    },
    "action_plan_decision.decided": {
        "da": "Kommunalbestyrelsen tog selv stilling til en handlingsplan{value}.",
        "en": "The council itself decided on an action plan{value}.",
    },
    "action_plan_decision.approved_proposal": {
        "da": "Kommunalbestyrelsen godkendte en indstilling, der tager stilling til en "
        "handlingsplan{value}.",
        "en": "The council approved a proposal that takes a position on an action plan{value}.",
    },
    "action_plan_decision.only_noted": {
        "da": "Stillingtagen står kun i indstillingen, sagsfremstillingen eller udvalgets "
        "beslutning, og kommunalbestyrelsens beslutning gør den ikke tydeligt til sin egen; en "
        "person må se efter.",
        "en": "The position is only in the proposal, the case text or the committee's decision, "
        "and the council's decision does not clearly make it its own; a person must look.",
    },
    "action_plan_decision.informal_meeting": {
        "da": "Der gives udtryk for en holdning til en handlingsplan, men på et møde, hvor "
        "kommunalbestyrelsen ikke træffer beslutninger; en person må se efter.",
        "en": "A position on an action plan is voiced, but at a meeting where the council takes "
        "no decisions; a person must look.",
    },
    "action_plan_decision.conditional": {
        "da": "Kommunalbestyrelsen gør en handlingsplan betinget af senere tal; det er ikke en "
        "klar stillingtagen nu, og en person må vurdere det.",
        "en": "The council makes a plan conditional on later figures; that is no clear decision "
        "now, and a person must judge it.",
    },
    "action_plan_decision.deferred": {
        "da": "Stillingtagen til en handlingsplan blev udsat eller ikke foretaget.",
        "en": "The decision on an action plan was postponed or not taken.",
    },
    "action_plan_decision.point_not_adopted": {
        "da": "Indstillingens punkt om en handlingsplan blev ikke vedtaget (fx sendt tilbage eller "
        "udsat); kommunalbestyrelsen har ikke taget stilling.",
        "en": "The Indstilling's point on an action plan was not adopted (sent back or postponed, "
        "say); the council has not decided.",
    },
    "action_plan_decision.no_position": {
        "da": "Kommunalbestyrelsen har ikke taget stilling til, om der skal udarbejdes en "
        "handlingsplan.",
        "en": "The council has not decided whether an action plan is to be made.",
    },
    "action_plan_decision.no_council_decision": {
        "da": "Referatet viser ikke kommunalbestyrelsens egen beslutning om en handlingsplan.",
        "en": "The minutes do not show the council's own decision on an action plan.",
    },
    "action_plan_decision.proposal_only": {
        "da": "Der er en stillingtagen i indstillingen, men referatet viser ikke "
        "kommunalbestyrelsens beslutning; en person må se efter.",
        "en": "There is a position in the proposal, but the minutes do not show the council's "
        "decision; a person must look.",
    },
    "action_plan_decision.before_2022": {
        "da": "Pligten til at tage stilling til en handlingsplan gælder fra danmarkskortet 2022.",
        "en": "The duty to decide on an action plan applies from the 2022 map.",
    },
    "no_plan_reasons.given": {
        "da": "Fravalget af en handlingsplan er begrundet, eller Ankestyrelsen orienteres.",
        "en": "The decision against a plan is reasoned, or Ankestyrelsen is informed.",
    },
    "no_plan_reasons.missing": {
        "da": "Der er fravalgt en handlingsplan, men referatet viser hverken en begrundelse "
        "eller at Ankestyrelsen orienteres (ikke et brud, men bør fremgå).",
        "en": "A plan was declined, but the minutes show neither reasons nor that Ankestyrelsen "
        "is informed (not a breach, but it should be shown).",
    },
    "no_plan_reasons.plan_unclear": {
        "da": "Om kommunalbestyrelsen har fravalgt en handlingsplan, er uklart; derfor også om "
        "fravalget skulle begrundes.",
        "en": "Whether the council declined a plan is unclear, so whether reasons were due is "
        "unclear too.",
    },
    "no_plan_reasons.not_relevant": {
        "da": "Gælder kun, når kommunalbestyrelsen fravælger en handlingsplan.",
        "en": "Applies only when the council decides against an action plan.",
    },
    "any.not_found": {
        "da": "Dokumentet indeholder intet punkt om danmarkskortet.",
        "en": "The document holds no item on danmarkskortet.",
    },
    "any.before_duty": {
        "da": "Kommunalbestyrelsens pligt til at behandle danmarkskortet gælder fra kortet for "
        "{first}; dokumentet hører til {year}, så der stilles intet krav.",
        "en": "The council's duty to treat the map applies from the {first} map on; the document "
        "belongs to {year}, so nothing is required.",
    },
    "any.unreadable": {
        "da": "Dokumentet kunne ikke læses: {message}",
        "en": "The document could not be read: {message}",
    },
}

MAP_NAMES: dict[str, dict[str, str]] = {
    "map_social": {"da": "hele socialområdet", "en": "the whole social area"},
    "map_children": {"da": "børnehandicapområdet", "en": "children with disabilities"},
    "map_adults": {"da": "voksenhandicapområdet", "en": "adults with disabilities"},
}

PLAN_VALUES: dict[str, dict[str, str]] = {
    "yes": {"da": " (der udarbejdes en handlingsplan)", "en": " (a plan will be made)"},
    "no": {"da": " (der udarbejdes ikke en handlingsplan)", "en": " (no plan will be made)"},
    "unknown": {"da": "", "en": ""},
}


def explain(key: str, lang: Lang = "da", **params: object) -> str:
    return EXPLANATIONS[key][lang].format(**params)


# What a secretariat should add to its minutes when a check is not met or unclear.
ADVICE: dict[str, dict[str, str]] = {
    "full_council": {
        "da": "Sæt danmarkskortet på dagsordenen for kommunalbestyrelsens (byrådets) eget møde; "
        "en behandling i et udvalg er ikke nok.",
        "en": "Put the map on the agenda of the full council's own meeting; a committee is not "
        "enough.",
    },
    "deadline": {
        "da": "Behandl danmarkskortet i kommunalbestyrelsen inden 31. december i det år, kortet "
        "offentliggøres, og sørg for at referatet viser mødedatoen.",
        "en": "Treat the map in the full council before 31 December of the year it is published, "
        "and make the meeting date visible in the minutes.",
    },
    "active_debate": {
        "da": "Sæt punktet op til drøftelse eller beslutning (ikke kun orientering), og lad "
        "referatet vise drøftelsen.",
        "en": "Set the item up for debate or decision (not just orientation) and let the minutes "
        "show the debate.",
    },
    "all_three_maps": {
        "da": "Nævn og behandl alle tre kort i sagsfremstillingen: hele socialområdet, "
        "børnehandicapområdet og voksenhandicapområdet.",
        "en": "Name and treat all three maps in the case text: the whole social area, children "
        "with disabilities and adults with disabilities.",
    },
    "national_comparison": {
        "da": "Sammenlign kommunens omgørelsesprocenter med landsgennemsnittet eller med "
        "sammenlignelige kommuner, ikke kun med nabokommuner eller egne tidligere år.",
        "en": "Compare the rates with the national average or comparable municipalities, not "
        "only neighbours or earlier years.",
    },
    "action_plan_decision": {
        "da": "Lad kommunalbestyrelsens beslutning udtrykkeligt tage stilling til, om der skal "
        "udarbejdes en handlingsplan (ja eller nej).",
        "en": "Let the council's decision state expressly whether an action plan is to be made "
        "(yes or no).",
    },
    "no_plan_reasons": {
        "da": "Skriv begrundelsen for at fravælge en handlingsplan, og at Ankestyrelsen "
        "orienteres.",
        "en": "State the reasons for not making a plan, and that Ankestyrelsen is informed.",
    },
}

UI: dict[str, dict[str, str]] = {
    "file": {"da": "Fil", "en": "File"},
    "municipality": {"da": "Kommune", "en": "Municipality"},
    "body": {"da": "Organ", "en": "Body"},
    "date": {"da": "Mødedato", "en": "Meeting date"},
    "map_year": {"da": "Danmarkskort", "en": "Map year"},
    "items": {"da": "Punkt", "en": "Item"},
    "page": {"da": "s.", "en": "p."},
    "add": {"da": "Tilføj", "en": "Add"},
    "outcome": {"da": "Forventet udfald", "en": "Expected outcome"},
    "unknown": {"da": "ukendt", "en": "unknown"},
    "no_item": {
        "da": "Intet punkt om danmarkskortet fundet i dokumentet.",
        "en": "No item on danmarkskortet found in the document.",
    },
    "error": {"da": "Kunne ikke læses", "en": "Could not be read"},
    "full_council": {"da": "kommunalbestyrelse", "en": "full council"},
    "committee": {"da": "udvalg", "en": "committee"},
}


def ui(key: str, lang: Lang = "da") -> str:
    return UI[key][lang]


# Words of the batch (progress, closing summary, summary.csv) and of the auditors' report.
BATCH_UI: dict[str, dict[str, str]] = {
    "files_found": {
        "da": "{count} filer fundet i {folder}",
        "en": "{count} files found in {folder}",
    },
    "resumed": {
        "da": "{count} filer er allerede vurderet (--resume) og springes over",
        "en": "{count} files already assessed (--resume) are skipped",
    },
    "left": {"da": "ca. {time} tilbage", "en": "about {time} left"},
    "done_file": {"da": "{done}/{total} {file}: {status}", "en": "{done}/{total} {file}: {status}"},
    "status_ok": {"da": "vurderet", "en": "assessed"},
    "status_no_item": {"da": "intet punkt om danmarkskortet", "en": "no item on the map"},
    "status_error": {"da": "fejl", "en": "error"},
    "summary_title": {"da": "Resultat", "en": "Result"},
    "summary_groups": {
        "da": "{count} kommuner og kortår vurderet: {parts}",
        "en": "{count} municipalities and map years assessed: {parts}",
    },
    "summary_outcome": {"da": "{count} {label}", "en": "{count} {label}"},
    "summary_letters": {
        "da": "{count} ville forventeligt få et brev",
        "en": "{count} would be expected to get a letter",
    },
    "summary_files": {
        "da": "{count} filer læst, {failed} kunne ikke læses",
        "en": "{count} files read, {failed} could not be read",
    },
    "summary_error": {
        "da": "  {count} × {code}: {message} ({files})",
        "en": "  {count} × {code}: {message} ({files})",
    },
    "summary_time": {
        "da": "Samlet tid: {time} ({jobs} processer)",
        "en": "Total time: {time} ({jobs} processes)",
    },
    "summary_time_one": {
        "da": "Samlet tid: {time} (1 proces)",
        "en": "Total time: {time} (1 process)",
    },
    "summary_outputs": {"da": "Resultater i {out}", "en": "Results in {out}"},
    "interrupted": {
        "da": "Afbrudt; kør igen med --resume for at fortsætte.",
        "en": "Interrupted; run again with --resume to go on.",
    },
    "summary_report": {"da": "Rapport: {path}", "en": "Report: {path}"},
    "no_files": {
        "da": "ingen PDF-, DOCX- eller HTML-filer fundet i {folder}",
        "en": "no PDF, DOCX or HTML files found in {folder}",
    },
    "worker_died": {
        "da": "læseprocessen stoppede uventet",
        "en": "the reading process stopped unexpectedly",
    },
    "annotate_failed": {
        "da": "den kommenterede kopi kunne ikke laves: {error}",
        "en": "the annotated copy could not be made: {error}",
    },
    "unknown_municipality": {"da": "Ukendt kommune", "en": "Unknown municipality"},
    "csv_code": {"da": "Kommunekode", "en": "Code"},
    "csv_municipality": {"da": "Kommune", "en": "Municipality"},
    "csv_map_year": {"da": "Danmarkskort", "en": "Map year"},
    "csv_outcome": {"da": "Forventet udfald", "en": "Expected outcome"},
    "csv_documents": {"da": "Dokumenter", "en": "Documents"},
    "csv_report": {"da": "Rapport", "en": "Report"},
    "seconds": {"da": "{n} s", "en": "{n} s"},
    "minutes": {"da": "{m} min {s} s", "en": "{m} min {s} s"},
    "hours": {"da": "{h} t {m} min", "en": "{h} h {m} min"},
}

REPORT_UI: dict[str, dict[str, str]] = {
    "title": {
        "da": "Behandlingen af danmarkskortet – oversigt",
        "en": "Treatment of the danmarkskort – overview",
    },
    "intro": {
        "da": "Vurdering af referaterne efter retssikkerhedslovens § 79 b. Klik på en "
        "kolonneoverskrift for at sortere, og skriv i feltet for at filtrere.",
        "en": "Assessment of the minutes under section 79 b of the Legal Protection Act. Click a "
        "column heading to sort, and type in the box to filter.",
    },
    "filter": {"da": "Filtrér", "en": "Filter"},
    "filter_placeholder": {
        "da": "kommune, udfald, status …",
        "en": "municipality, outcome, status …",
    },
    "shown": {"da": "viser {shown} af {total}", "en": "showing {shown} of {total}"},
    "generated": {"da": "Dannet {when} af minutes-checker", "en": "Made {when} by minutes-checker"},
    "code": {"da": "Kode", "en": "Code"},
    "municipality": {"da": "Kommune", "en": "Municipality"},
    "map_year": {"da": "Kort", "en": "Map"},
    "outcome": {"da": "Forventet udfald", "en": "Expected outcome"},
    "documents": {"da": "Dok.", "en": "Docs"},
    "back": {"da": "← Til oversigten", "en": "← Back to the overview"},
    "checks": {"da": "Tjek", "en": "Checks"},
    "verdict": {"da": "Vurdering", "en": "Verdict"},
    "evidence": {"da": "Belæg", "en": "Evidence"},
    "no_evidence": {
        "da": "Intet citat: vurderingen hviler på, at noget ikke står i referatet.",
        "en": "No quote: the verdict rests on something not being in the minutes.",
    },
    "supports": {"da": "understøtter", "en": "supports"},
    "contradicts": {"da": "taler imod", "en": "contradicts"},
    "rule": {"da": "regel", "en": "rule"},
    "page": {"da": "s.", "en": "p."},
    "page_long": {"da": "Side {n}", "en": "Page {n}"},
    "legend": {"da": "Farver i teksten", "en": "Colours in the text"},
    "legend_polarity": {
        "da": "Fuld understregning: understøtter vurderingen. Stiplet: taler imod.",
        "en": "Solid underline: supports the verdict. Dashed: contradicts it.",
    },
    "documents_title": {"da": "Dokumenter", "en": "Documents"},
    "text_title": {"da": "Referatets tekst", "en": "Text of the minutes"},
    "header_excerpt": {"da": "Mødeoplysninger", "en": "Meeting details"},
    "no_text": {
        "da": "Teksten er ikke gemt for dette dokument.",
        "en": "The text is not stored for this document.",
    },
    "doc_status_ok": {"da": "vurderet", "en": "assessed"},
    "doc_status_no_item": {
        "da": "intet punkt om danmarkskortet",
        "en": "no item on the map",
    },
    "doc_status_error": {"da": "kunne ikke læses", "en": "could not be read"},
    "decision": {"da": "Din vurdering", "en": "Your review"},
    "accept": {"da": "Enig", "en": "Agree"},
    "reject": {"da": "Uenig", "en": "Disagree"},
    "undecided": {"da": "Ikke taget stilling", "en": "Not reviewed"},
    "note": {"da": "Bemærkning", "en": "Note"},
    "export": {"da": "Eksportér vurderinger (JSON)", "en": "Export reviews (JSON)"},
    "export_help": {
        "da": "Dine valg gemmes kun i denne browser. Eksportér dem for at gemme eller dele dem.",
        "en": "Your choices are kept in this browser only. Export them to keep or share them.",
    },
    "reasons": {"da": "Begrundelse", "en": "Reasons"},
    "annotated": {"da": "kommenteret kopi", "en": "annotated copy"},
    "jump": {"da": "vis i teksten", "en": "show in the text"},
    "item": {"da": "Punkt", "en": "Item"},
    "status": {"da": "Status", "en": "Status"},
    "page_title": {"da": "{name} – danmarkskortet {year}", "en": "{name} – danmarkskortet {year}"},
    # the checks' column headings in the index
    "short_full_council": {"da": "Kommunalbestyrelse", "en": "Full council"},
    "short_deadline": {"da": "Frist", "en": "Deadline"},
    "short_active_debate": {"da": "Drøftelse", "en": "Debate"},
    "short_all_three_maps": {"da": "Tre kort", "en": "Three maps"},
    "short_national_comparison": {"da": "Sammenligning", "en": "Comparison"},
    "short_action_plan_decision": {"da": "Handlingsplan", "en": "Action plan"},
    "short_no_plan_reasons": {"da": "Begrundelse", "en": "Reasons"},
}


def batch_ui(key: str, lang: Lang = "da", **params: object) -> str:
    return BATCH_UI[key][lang].format(**params)


def report_ui(key: str, lang: Lang = "da", **params: object) -> str:
    return REPORT_UI[key][lang].format(**params)


# The command line's own words: usage errors and help headings (click's are English).
USAGE: dict[str, dict[str, str]] = {
    "usage": {"da": "Brug:", "en": "Usage:"},
    "options": {"da": "Tilvalg", "en": "Options"},
    "commands": {"da": "Kommandoer", "en": "Commands"},
    "options_metavar": {"da": "[TILVALG]", "en": "[OPTIONS]"},
    "help_option": {"da": "Vis denne hjælp og afslut.", "en": "Show this message and exit."},
    "version_option": {"da": "Vis versionen og afslut.", "en": "Show the version and exit."},
    "version": {"da": "%(prog)s version %(version)s", "en": "%(prog)s, version %(version)s"},
    "try_help": {"da": "Se '{command} -h' for hjælp.", "en": "Try '{command} -h' for help."},
    "error": {"da": "Fejl: {message}", "en": "Error: {message}"},
    "missing_argument": {"da": "argumentet {name} mangler", "en": "missing argument {name}"},
    "missing_option": {"da": "tilvalget {name} mangler", "en": "missing option {name}"},
    "no_such_option": {"da": "ukendt tilvalg: {name}", "en": "no such option: {name}"},
    "did_you_mean": {"da": " (mente du {names}?)", "en": " (did you mean {names}?)"},
    "needs_value": {
        "da": "tilvalget {name} skal have en værdi",
        "en": "option {name} needs a value",
    },
    "no_such_command": {"da": "ukendt kommando: {name}", "en": "no such command: {name}"},
    "extra_arguments": {
        "da": "for mange argumenter: {names}",
        "en": "unexpected arguments: {names}",
    },
    "bad_value": {
        "da": "ugyldig værdi for {name}: {message}",
        "en": "invalid value for {name}: {message}",
    },
    "not_one_of": {
        "da": "{value!r} er ikke en af {choices}",
        "en": "{value!r} is not one of {choices}",
    },
    "not_a_number": {"da": "{value!r} er ikke et tal", "en": "{value!r} is not a number"},
    "not_whole": {"da": "{value!r} er ikke et helt tal", "en": "{value!r} is not a whole number"},
    "at_least": {"da": "{value} er mindre end {low}", "en": "{value} is less than {low}"},
    "not_finite": {
        "da": "{value} er ikke et endeligt antal sekunder",
        "en": "{value} is not a finite number of seconds",
    },
    "at_most": {"da": "{value} er mere end {high}", "en": "{value} is more than {high}"},
    "path_missing": {"da": "{path} findes ikke", "en": "{path} does not exist"},
    "path_is_folder": {
        "da": "{path} er en mappe, ikke en fil",
        "en": "{path} is a folder, not a file",
    },
    "path_is_file": {
        "da": "{path} er en fil, ikke en mappe",
        "en": "{path} is a file, not a folder",
    },
    "path_unreadable": {
        "da": "{path} kan ikke læses ({reason})",
        "en": "{path} cannot be read ({reason})",
    },
    "nul_in_name": {
        "da": "navnet {path!r} indeholder et NUL-tegn (\\0), som intet filnavn kan indeholde",
        "en": "the name {path!r} holds a NUL character (\\0), which no file name can hold",
    },
    "jobs_capped": {
        "da": "Bemærk: --jobs {asked} er sat ned til {cpus} (antallet af CPU'er på maskinen).",
        "en": "Note: --jobs {asked} is lowered to {cpus} (the number of CPUs of the machine).",
    },
    "unexpected": {"da": "uventet fejl: {error}", "en": "unexpected error: {error}"},
    "os_error": {"da": "{path}: {reason}", "en": "{path}: {reason}"},
    "interrupted": {"da": "Afbrudt.", "en": "Interrupted."},
}


def usage(key: str, lang: Lang = "da", **params: object) -> str:
    return USAGE[key][lang].format(**params) if params else USAGE[key][lang]
