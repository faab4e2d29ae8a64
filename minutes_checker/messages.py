"""Words people read: check, status and outcome labels in Danish (default) and English."""

from __future__ import annotations

import datetime as dt
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
        "da": "Kommunalbestyrelsen fik kun meddelelse om, at et udvalg (eller borgmesteren) har "
        "behandlet kortet; det er en delegation, ikke kommunalbestyrelsens egen behandling.",
        "en": "The council was only told that a committee (or the mayor) treated the map; that is "
        "delegation, not the council's own treatment.",
    },
    "full_council.informal_meeting": {
        "da": "Punktet blev behandlet på et {body}, hvor kommunalbestyrelsen ikke træffer "
        "beslutninger; en person må vurdere, om det er en behandling på et møde.",
        "en": "The item was treated at a {body}, where the council takes no decisions; a person "
        "must judge whether that is a treatment at a meeting.",
    },
    "full_council.council_named": {
        "da": "Mødets organ står ikke i referatet, men beslutningen siger selv, at "
        "kommunalbestyrelsen traf den.",
        "en": "The minutes do not name the meeting's body, but the decision itself says the full "
        "council took it.",
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
    "deadline.map_not_out_yet": {
        "da": "Punktet siger selv, at danmarkskortet {year} endnu ikke var udkommet ved mødet den "
        "{date}; en person må se, om det udkomne kort blev behandlet senere i {year}.",
        "en": "The item itself says that the {year} map had not come out at the meeting on "
        "{date}; a person must check whether the published map was treated later in {year}.",
    },
    "deadline.two_dates": {
        "da": "Referatet giver to datoer for behandlingen, {first} og {second}, og kun den ene "
        "ligger inden fristen 31. december {year}; en person må se, hvornår punktet blev "
        "behandlet.",
        "en": "The minutes give two dates for the treatment, {first} and {second}, and only one "
        "is before the deadline of 31 December {year}; a person must check when the item was "
        "treated.",
    },
    "deadline.postponed_undated": {
        "da": "Punktet blev udsat på mødet den {date} uden en dato for den nye behandling; den kan "
        "ligge efter fristen 31. december {year}. En person må se, hvornår punktet blev "
        "behandlet.",
        "en": "The item was put off at the meeting of {date} without a date for its new "
        "treatment, which may fall after the deadline of 31 December {year}. A person must check "
        "when the item was treated.",
    },
    "deadline.resumed_undated": {
        "da": "Punktet blev først behandlet, da mødet den {date} blev genoptaget, og referatet "
        "giver ingen dato for genoptagelsen; den kan ligge efter fristen 31. december {year}. "
        "En person må se, hvornår punktet blev behandlet.",
        "en": "The item was treated only when the meeting of {date} was resumed, and the minutes "
        "give no date for that; it may fall after the deadline of 31 December {year}. A person "
        "must check when the item was treated.",
    },
    "deadline.treated_earlier": {
        "da": "Mødet den {date} ligger efter fristen 31. december {year}, men punktet meddeler "
        "kun, at kommunalbestyrelsen behandlede kortet på et møde den {earlier}; en person må se "
        "referatet fra det møde (en kørsel samler kommunens dokumenter for året).",
        "en": "The meeting on {date} is after the deadline of 31 December {year}, but the item "
        "only tells that the council treated the map at a meeting on {earlier}; a person must "
        "check the minutes of that meeting (a batch combines the municipality's documents for "
        "the year).",
    },
    "deadline.after_committee": {
        "da": "Referatet har ingen mødedato, men kommunalbestyrelsen fulgte en udvalgsbehandling "
        "den {date}, efter fristen 31. december {year} for danmarkskortet {year}.",
        "en": "The minutes have no meeting date, but the council followed a committee's "
        "treatment on {date}, after the deadline of 31 December {year} for the {year} map.",
    },
    "deadline.no_date": {
        "da": "Referatet har ingen læsbar mødedato; en person må se, hvornår mødet blev holdt.",
        "en": "The minutes have no readable meeting date; a person must check when the meeting "
        "was held.",
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
    "active_debate.questions_only": {
        "da": "Punktet er sat op som en orientering, og referatet nævner kun spørgsmål fra "
        "medlemmer, der blev besvaret, ikke indlæg, holdninger eller afstemninger; en person må "
        "vurdere, om det er en aktiv drøftelse.",
        "en": "The item is framed as an orientation and the minutes only mention members' "
        "questions that were answered, not statements, positions or votes; a person must judge "
        "whether that is an active debate.",
    },
    "active_debate.debate_elsewhere": {
        "da": "Punktet er en orientering, men teksten siger, at kortet blev gennemgået eller "
        "drøftet med medlemmerne på et temamøde eller lignende, som referatet ikke gengiver; en "
        "person må vurdere, om det er en aktiv drøftelse.",
        "en": "The item is an orientation, but the text says that the map was gone through or "
        "discussed with the members at a themed meeting or the like that the minutes do not "
        "record; a person must judge whether that is an active debate.",
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
    "all_three_maps.delegated": {
        "da": "Kommunalbestyrelsen får kun meddelelse om, at et udvalg (eller borgmesteren) har "
        "behandlet kortene; kort, der overlades til andre, tæller ikke.",
        "en": "The council is only told that a committee (or the mayor) treated the maps; maps "
        "left to others do not count.",
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
    "all_three_maps.decisions_only": {
        "da": "Referatet gengiver kun beslutningerne, og sagsfremstillingen står i dagsordenen; "
        "beslutningen nævner ikke disse kort: {missing}. En person må se dagsordenen.",
        "en": "The minutes print the decisions only, the case text is in the agenda; the decision "
        "does not name these maps: {missing}. A person must look at the agenda.",
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
    "national_comparison.own_rates_elsewhere": {
        "da": "Landstallene står i teksten, men kommunens egne procenter kun i bilaget; en person "
        "må se i bilaget, om kommunen er holdt op mod landet.",
        "en": "The national figures are in the text, the municipality's own rates only in the "
        "appendix; a person must look there to see whether they were compared.",
    },
    "national_comparison.in_appendix": {
        "da": "Sammenligningen med de andre kommuner står kun i bilaget, som teksten henviser til; "
        "en person må se i bilaget, hvor kommunen ligger.",
        "en": "The comparison with the other municipalities is only in the appendix the text "
        "points to; a person must look there to see where the municipality stands.",
    },
    "national_comparison.committee_in_appendix": {
        "da": "Udvalgets punkt har sammenligningen med de andre kommuner kun i bilaget; en person "
        "må se i bilaget, og kommunalbestyrelsen har ikke selv behandlet kortene.",
        "en": "The committee's item has the comparison with the other municipalities only in the "
        "appendix; a person must look there, and the council has not treated the maps itself.",
    },
    "national_comparison.committee_own_rates_elsewhere": {
        "da": "Udvalgets punkt har landstallene i teksten, men kommunens egne procenter kun i "
        "bilaget; en person må se i bilaget, og kommunalbestyrelsen har ikke selv behandlet "
        "kortene.",
        "en": "The committee's item has the national figures in its text, the municipality's own "
        "rates only in the appendix; a person must look there, and the council has not treated "
        "the maps itself.",
    },
    "national_comparison.weak": {
        "da": "En sammenligning med andre kommuner nævnes kun i bilag, uden at sige hvilke "
        "kommuner, kun med regionens kommuner eller med kommuner, kommunen samarbejder med; en "
        "person må vurdere, om det er en sammenligning med landet eller med sammenlignelige "
        "kommuner.",
        "en": "A comparison with other municipalities appears only in an appendix, without "
        "saying which municipalities, only with the region's municipalities or with "
        "municipalities it works with; a person must judge whether it is a comparison with the "
        "country or with comparable municipalities.",
    },
    "national_comparison.recalled": {
        "da": "Sammenligningen med landet gengives kun fra en tidligere sag eller et tidligere "
        "møde; en person må se referatet fra det møde (en kørsel samler kommunens dokumenter for "
        "året).",
        "en": "The comparison with the country is only recalled from an earlier case or meeting; "
        "a person must look at the minutes of that meeting (a batch combines the municipality's "
        "documents for the year).",
    },
    "national_comparison.earlier_figures": {
        "da": "Kommunens tal holdes kun op mod landstal fra et tidligere danmarkskort; en person "
        "må se, hvor kommunen ligger i forhold til landet på dette kort.",
        "en": "The municipality's rates are only set against the country's figures of an earlier "
        "map; a person must check where the municipality stands against the country on this map.",
    },
    "national_comparison.committee_earlier_figures": {
        "da": "Udvalgets punkt holder kun kommunens tal op mod landstal fra et tidligere "
        "danmarkskort; en person må se, hvor kommunen ligger på dette kort, og "
        "kommunalbestyrelsen har ikke selv behandlet kortene.",
        "en": "The committee's item only sets the rates against the country's figures of an "
        "earlier map; a person must check this map, and the council has not treated the maps "
        "itself.",
    },
    "national_comparison.committee_recalled": {
        "da": "Udvalgets punkt gengiver kun sammenligningen med landet fra en tidligere sag; en "
        "person må se den sag, og kommunalbestyrelsen har ikke selv behandlet kortene.",
        "en": "The committee's item only recalls the comparison with the country from an earlier "
        "case; a person must look at that case, and the council has not treated the maps itself.",
    },
    "national_comparison.decisions_only": {
        "da": "Referatet gengiver kun beslutningerne, og sagsfremstillingen står i dagsordenen; "
        "en person må se dagsordenen for at vide, om kommunen er sammenlignet med landet.",
        "en": "The minutes print the decisions only, the case text is in the agenda; a person "
        "must look at the agenda to see whether the municipality was compared with the country.",
    },
    "national_comparison.partial": {
        "da": "Kommunen holdes kun på et eller to af kortene op mod landet eller andre kommuner; "
        "de øvrige kort sammenlignes kun med kommunens egne tidligere år, regionen eller "
        "nabokommuner. En person må vurdere, om det er nok.",
        "en": "The municipality is set against the country or other municipalities on one or two "
        "of the maps only; the others are compared with its own earlier years, the region or "
        "neighbours. A person must judge whether that is enough.",
    },
    "national_comparison.committee_partial": {
        "da": "Udvalgets punkt holder kun et eller to af kortene op mod landet eller andre "
        "kommuner, de øvrige kun mod egne tidligere år, regionen eller nabokommuner; en person "
        "må vurdere det, og "
        "kommunalbestyrelsen har ikke selv behandlet kortene.",
        "en": "The committee's item sets one or two of the maps against the country or other "
        "municipalities, the others only against its own earlier years, the region or neighbours; "
        "a person must judge it, "
        "and the council has not treated the maps itself.",
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
    "action_plan_decision.plan_voted_down": {
        "da": "Kommunalbestyrelsen stemte et forslag om at udarbejde en handlingsplan ned; det er "
        "et fravalg{value}.",
        "en": "The council voted down a proposal to make an action plan; that decides against "
        "one{value}.",
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
    "action_plan_decision.conflicting_recommendations": {
        "da": "Kommunalbestyrelsen fulgte \"udvalgets anbefaling\", men udvalgene anbefalede "
        "forskellige ting om en handlingsplan; en person må se, hvilken anbefaling der blev fulgt.",
        "en": "The council followed \"the committee's recommendation\", but the committees "
        "recommended different things on a plan; a person must see which one was followed.",
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
    "action_plan_decision.vague": {
        "da": "Kommunalbestyrelsen vil have fortsat fokus på eller følge kvaliteten, men tager "
        "ikke klart stilling til en handlingsplan; en person må vurdere, om det er et svar.",
        "en": "The council wants continued attention to quality, but takes no clear position on "
        "an action plan; a person must judge whether that is an answer.",
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
        "fravalget skulle begrundes. En person må se på stillingtagen til handlingsplanen først.",
        "en": "Whether the council declined a plan is unclear, so whether reasons were due is "
        "unclear too. A person must look at the plan decision first.",
    },
    "no_plan_reasons.not_relevant": {
        "da": "Gælder kun, når kommunalbestyrelsen fravælger en handlingsplan.",
        "en": "Applies only when the council decides against an action plan.",
    },
    "any.not_found": {
        "da": "Dokumentet indeholder intet punkt om danmarkskortet.",
        "en": "The document holds no item on danmarkskortet.",
    },
    "any.closed_item": {
        "da": "Punktet blev behandlet for lukkede døre; kun titlen og beslutningen er "
        "offentliggjort. En person må læse det lukkede referat.",
        "en": "The item was treated behind closed doors; only its title and decision are "
        "published. A person must read the closed minutes.",
    },
    "any.before_duty": {
        "da": "Kommunalbestyrelsens pligt til at behandle danmarkskortet gælder fra kortet for "
        "{first}; dokumentet hører til {year}, så der stilles intet krav.",
        "en": "The council's duty to treat the map applies from the {first} map on; the document "
        "belongs to {year}, so nothing is required.",
    },
    "any.before_duty_date": {
        "da": "Mødet ligger før danmarkskortet {first}, det første kort kommunalbestyrelsen skal "
        "behandle, så der stilles intet krav.",
        "en": "The meeting is before the {first} map, the first the council must treat, so "
        "nothing is required.",
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
    "mixed": {
        "da": " (handlingsplan for en del af områderne, ikke for de øvrige)",
        "en": " (a plan for some areas, none for the others)",
    },
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
    "summary_time_cluster": {
        "da": "Samlet tid: {time} (klyngen {cluster})",
        "en": "Total time: {time} (the cluster {cluster})",
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
    "csv_reviewed": {"da": "{label} (gennemgået)", "en": "{label} (reviewed)"},
    "csv_reviewers": {"da": "Gennemgået af", "en": "Reviewed by"},
    "csv_previous_year": {"da": "Forrige kortår", "en": "Previous map year"},
    "csv_previous_outcome": {"da": "Udfald forrige kortår", "en": "Outcome previous map year"},
    "csv_reviewed_outcome": {"da": "Udfald efter gennemgang", "en": "Outcome after review"},
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
    # reviews applied (`review apply`), the previous map year, the reviewer's name
    "reviewed_outcome": {"da": "Efter gennemgang", "en": "After review"},
    "reviewed_outcome_long": {"da": "Udfald efter gennemgang", "en": "Outcome after review"},
    "previous": {"da": "Forrige kortår", "en": "Previous map year"},
    "previous_long": {
        "da": "Danmarkskortet {year}: {label}",
        "en": "The {year} map: {label}",
    },
    "previous_reviewed": {"da": " (efter gennemgang)", "en": " (after review)"},
    "reviewed_as": {"da": "Gennemgået: {status}", "en": "Reviewed: {status}"},
    "review_line_accept": {
        "da": "Gennemgået af {reviewer} {when}: enig.",
        "en": "Reviewed by {reviewer} {when}: agreed.",
    },
    "review_line_reject": {
        "da": "Gennemgået af {reviewer} {when}: uenig, rettet til {status}.",
        "en": "Reviewed by {reviewer} {when}: disagreed, corrected to {status}.",
    },
    "review_comment": {"da": "Bemærkning: {comment}", "en": "Note: {comment}"},
    "reviewer_name": {"da": "Dit navn", "en": "Your name"},
    "reviewer_help": {
        "da": "Skrives én gang og følger med alle dine vurderinger i denne browser.",
        "en": "Entered once; it goes with all your reviews in this browser.",
    },
    "reviewed_status": {"da": "Ret til", "en": "Correct to"},
    "choose_status": {"da": "– vælg –", "en": "– choose –"},
    "need_name": {
        "da": "Skriv dit navn i feltet øverst, før du eksporterer.",
        "en": "Enter your name in the box at the top before exporting.",
    },
    "need_status": {
        "da": "Vælg den rettede vurdering for: {checks}.",
        "en": "Choose the corrected verdict for: {checks}.",
    },
    "stale_decision": {
        "da": "Din tidligere vurdering gjaldt »{status}«, men vurderingen er ændret; tag stilling "
        "igen.",
        "en": "Your earlier review was of \"{status}\", but the verdict has changed; review it "
        "again.",
    },
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
    "not_a_date": {
        "da": "{value!r} er ikke en dato (skriv fx 2025-01-31 eller 31-01-2025)",
        "en": "{value!r} is not a date (write e.g. 2025-01-31 or 31-01-2025)",
    },
    "os_error": {"da": "{path}: {reason}", "en": "{path}: {reason}"},
    "interrupted": {"da": "Afbrudt.", "en": "Interrupted."},
}


def usage(key: str, lang: Lang = "da", **params: object) -> str:
    return USAGE[key][lang].format(**params) if params else USAGE[key][lang]


# `minutes-checker review`: reading a decisions file, what applying it did, corpus cases.
REVIEW_UI: dict[str, dict[str, str]] = {
    "too_big": {"da": "{name} er for stor", "en": "{name} is too big"},
    "not_json": {"da": "{name} er ikke JSON", "en": "{name} is not JSON"},
    "not_object": {
        "da": "{name} er ikke et JSON-objekt",
        "en": "{name} is not a JSON object",
    },
    "no_format": {
        "da": "{name} siger ikke, at den er en vurderingsfil (feltet format mangler)",
        "en": "{name} does not say it is a decisions file (no format field)",
    },
    "old_export": {
        "da": "{name} er eksporteret fra en ældre rapport uden navn og tidspunkt; åbn den nye "
        "rapport, skriv dit navn og eksportér igen",
        "en": "{name} was exported from an older report without name and time; open the new "
        "report, enter your name and export again",
    },
    "bad_version": {
        "da": "skemaversion {version} kendes ikke (denne udgave læser version {supported})",
        "en": "schema version {version} is not known (this version reads version {supported})",
    },
    "field_missing": {"da": "{field} mangler", "en": "{field} is missing"},
    "field_unknown": {"da": "{field} er et ukendt felt", "en": "{field} is an unknown field"},
    "field_invalid": {
        "da": "{field} har en ugyldig værdi ({value})",
        "en": "{field} has an invalid value ({value})",
    },
    "more_problems": {"da": " … og {count} mere", "en": " … and {count} more"},
    "unknown_page": {
        "da": "{where}: siden {page} findes ikke i resultatmappen",
        "en": "{where}: the page {page} is not in the output folder",
    },
    "other_municipality": {
        "da": "{where}: siden {page} er {found} i resultatmappen",
        "en": "{where}: the page {page} is {found} in the output folder",
    },
    "other_year": {
        "da": "{where}: siden {page} har kortår {year} i resultatmappen",
        "en": "{where}: the page {page} has map year {year} in the output folder",
    },
    "unknown_file": {
        "da": "{where}: filen {file} findes ikke i resultatmappen",
        "en": "{where}: the file {file} is not in the output folder",
    },
    "documents_changed": {
        "da": "{where}: dokumenterne er ikke de samme som ved gennemgangen",
        "en": "{where}: the documents are not the ones reviewed",
    },
    "unknown_check": {
        "da": "{where}: tjekket {check} findes ikke",
        "en": "{where}: there is no check {check}",
    },
    "verdict_changed": {
        "da": "gennemgangen gjaldt vurderingen »{seen}«, men vurderingen er nu »{now}«",
        "en": "the review was of the verdict \"{seen}\", but the verdict is now \"{now}\"",
    },
    "undetermined_not_allowed": {
        "da": "»kunne ikke vurderes« kan ikke vælges ved en gennemgang",
        "en": "\"undetermined\" cannot be chosen in a review",
    },
    "reject_without_status": {
        "da": "uenig, men uden den rettede vurdering",
        "en": "disagreed, but without the corrected verdict",
    },
    "reject_same_status": {
        "da": "uenig, men rettet til den samme vurdering (»{status}«)",
        "en": "disagreed, but corrected to the same verdict (\"{status}\")",
    },
    "accept_other_status": {
        "da": "enig, men med en anden vurdering (»{status}«)",
        "en": "agreed, but with another verdict (\"{status}\")",
    },
    "no_reviewer": {
        "da": "intet navn på den, der har vurderet",
        "en": "no name of the reviewer",
    },
    "corrected": {
        "da": "Rettet ved gennemgang ({reviewer}).",
        "en": "Corrected in review ({reviewer}).",
    },
    "corrected_because": {
        "da": "Rettet ved gennemgang ({reviewer}): {comment}",
        "en": "Corrected in review ({reviewer}): {comment}",
    },
    "applied": {
        "da": "{recorded} nye vurderinger af {decisions} registreret i {log}; {checks} "
        "vurderinger i {groups} kommuner og kortår er nu gennemgået.",
        "en": "{recorded} new decisions of {decisions} recorded in {log}; {checks} verdicts in "
        "{groups} municipalities and map years are now reviewed.",
    },
    "stale": {
        "da": "{count} tidligere vurderinger passer ikke længere til resultaterne og er ikke "
        "brugt.",
        "en": "{count} earlier decisions no longer fit the results and are not used.",
    },
    "nothing_new": {
        "da": "Ingen nye vurderinger i {name} ({decisions} er allerede registreret); intet er "
        "ændret.",
        "en": "No new decisions in {name} ({decisions} already recorded); nothing changed.",
    },
    "rewritten": {
        "da": "Opdateret: municipalities.jsonl, summary.csv og rapporten i {out}",
        "en": "Updated: municipalities.jsonl, summary.csv and the report in {out}",
    },
    "cases_written": {
        "da": "{count} mærkede sager skrevet til {to} ({skipped} uden rettelser sprunget over).",
        "en": "{count} labelled cases written to {to} ({skipped} without corrections skipped).",
    },
    "cases_evaluate": {
        "da": "Mål dem med: minutes-checker evaluate {to} --split reviewed",
        "en": "Measure them with: minutes-checker evaluate {to} --split reviewed",
    },
    "no_source_root": {
        "da": "resultatmappen siger ikke, hvor referaterne ligger; angiv mappen med --documents",
        "en": "the output folder does not say where the minutes are; give the folder with "
        "--documents",
    },
    "document_missing": {
        "da": "{file} findes ikke i {root}",
        "en": "{file} is not in {root}",
    },
    "document_changed": {
        "da": "{file} i {root} er ændret siden kørslen (andet indhold)",
        "en": "{file} in {root} has changed since the run (other content)",
    },
    "case_exists": {
        "da": "{name} findes allerede i {to} og er ikke skrevet af minutes-checker",
        "en": "{name} already exists in {to} and was not written by minutes-checker",
    },
}


def review_ui(key: str, lang: Lang = "da", **params: object) -> str:
    return REVIEW_UI[key][lang].format(**params)


# `minutes-checker history`: a municipality's record over the map years.
HISTORY_UI: dict[str, dict[str, str]] = {
    "unknown_municipality": {
        "da": "{name!r} er ikke en kendt kommune (navn eller kommunekode)",
        "en": "{name!r} is not a known municipality (name or code)",
    },
    "no_history_file": {
        "da": "angiv historikfilen med --history (eller MINUTES_CHECKER_HISTORY)",
        "en": "give the history file with --history (or MINUTES_CHECKER_HISTORY)",
    },
    "title": {
        "da": "{name} ({code}) – historik i {path}",
        "en": "{name} ({code}) – history in {path}",
    },
    "none": {
        "da": "Ingen resultater for {name} i {path}.",
        "en": "No results for {name} in {path}.",
    },
    "year": {
        "da": "Danmarkskortet {year} (tal for {figures}): {outcome}",
        "en": "The {year} map (figures for {figures}): {outcome}",
    },
    "after_review": {
        "da": "  efter gennemgang: {outcome} ({reviewers})",
        "en": "  after review: {outcome} ({reviewers})",
    },
    "check": {"da": "  {label}: {status}", "en": "  {label}: {status}"},
    "check_reviewed": {
        "da": "  {label}: {status} → {reviewed} (gennemgået)",
        "en": "  {label}: {status} → {reviewed} (reviewed)",
    },
    "source": {
        "da": "  {documents} dokument(er) · {out} · registreret {recorded}",
        "en": "  {documents} document(s) · {out} · recorded {recorded}",
    },
    "same_gap": {
        "da": "  samme mangel som året før: {labels}",
        "en": "  the same gap as the year before: {labels}",
    },
    "stored": {
        "da": "Historik: {rows} kommuner og kortår gemt i {path}",
        "en": "History: {rows} municipalities and map years stored in {path}",
    },
}


def history_ui(key: str, lang: Lang = "da", **params: object) -> str:
    return HISTORY_UI[key][lang].format(**params)


# The draft letters (`minutes-checker letters`). Letters to the councils are always written in
# Danish, so these texts have no English version. They are the project's own words; only the
# text of retssikkerhedslovens § 79 b (LETTER_LAW) is quoted as the law has it. A caseworker's
# office adapts the look in the Word template (see outputs/letters.py), the wording here.
LETTER_TEXT: dict[str, str] = {
    "draft": "UDKAST – læses igennem og tilpasses, før brevet sendes.",
    "for_assessment": "UDKAST TIL VURDERING – værktøjet kan ikke selv afgøre, om kommunen skal "
    "have et brev. Læs referatet, og afgør hvilket udfald der er det rigtige, før udkastet "
    "bruges.",
    "field_journal": "Journalnummer",
    "field_caseworker": "Sagsbehandler",
    "field_date": "Dato",
    "fill_in": "[udfyldes]",
    "to": "Til kommunalbestyrelsen i {municipality}",
    "title": "{genitive} behandling af danmarkskortet {year} (omgørelsesprocenter for {figures})",
    "intro": "Vi har gennemgået, hvordan kommunalbestyrelsen i {municipality} har behandlet "
    "danmarkskortet over omgørelsesprocenter på socialområdet, som blev offentliggjort i {year} "
    "med tallene for {figures}. Vi har set på dette materiale:",
    "document": "{file}",
    "document_meeting": "{file}: {body}, møde den {date}",
    "document_items": " (punkt {items})",
    "result_heading": "Resultat",
    "result": "Resultatet af vores gennemgang er: {category}.",
    "category_deadline_reminder": "indskærpelse af fristen for behandlingen af danmarkskortet",
    "category_request_action_plan_decision": "anmodning om stillingtagen til, om der skal "
    "udarbejdes en handlingsplan",
    "category_manual_review": "kræver en nærmere vurdering",
    "explain_deadline_reminder": "Vi kan ikke se af materialet, at kommunalbestyrelsen selv har "
    "behandlet danmarkskortet {year} på et møde inden udgangen af {year}. Vi gør derfor "
    "kommunalbestyrelsen opmærksom på fristen for behandlingen.",
    "explain_request_action_plan_decision": "Kommunalbestyrelsen har behandlet danmarkskortet "
    "{year}, men vi kan ikke se af materialet, at den selv har taget stilling til, om der er "
    "behov for en handlingsplan. Vi beder derfor kommunalbestyrelsen om at tage stilling til "
    "det.",
    "explain_manual_review": "Materialet rejser spørgsmål, som vi skal se nærmere på, før vi kan "
    "afgøre, om behandlingen lever op til kravene. Spørgsmålene er nævnt nedenfor.",
    "reasons_heading": "Det har vi lagt vægt på",
    "quotes_intro": "Det står der i referatet:",
    "quote": "»{quote}« ({where})",
    "quote_nowhere": "»{quote}«",
    "page": "side {page}",
    "in_file": "i {file}",
    "no_quote": "Vi har ikke fundet noget i referatet om dette.",
    "quotes_above": "Se citaterne ovenfor.",
    "in_order_heading": "Det er i orden",
    "in_order": "{label}.",
    "todo_heading": "Det skal kommunalbestyrelsen gøre",
    "todo_deadline_treat": "Behandle danmarkskortet på et af kommunalbestyrelsens egne møder "
    "inden udgangen af det år, hvor kortet offentliggøres. Behandlingen kan ikke overlades til "
    "et udvalg.",
    "todo_deadline_next": "Danmarkskortet {next_year} skal derfor være behandlet af "
    "kommunalbestyrelsen senest den 31. december {next_year}.",
    "todo_deadline_send": "Sende os referatet af behandlingen senest den {reply_by}.",
    "todo_plan_decide": "Tage stilling til, om der er behov for at udarbejde en handlingsplan "
    "til styrkelse af den juridiske kvalitet i kommunens sagsbehandling.",
    "todo_plan_inform": "Hvis kommunalbestyrelsen beslutter, at der ikke skal udarbejdes en "
    "handlingsplan, skal den orientere Ankestyrelsen om det. Skriv gerne, hvorfor "
    "kommunalbestyrelsen har valgt sådan.",
    "todo_plan_send": "Sende os referatet af beslutningen senest den {reply_by}.",
    "todo_manual": "[Udfyldes efter vurderingen.] Svarfrist, hvis der skal sendes et brev: "
    "{reply_by}.",
    "law_heading": "Reglerne",
    "law_intro": "Retssikkerhedslovens § 79 b, stk. 1 og 2, lyder sådan:",
    "law_intro_one": "Retssikkerhedslovens § 79 b, stk. 1, lyder sådan:",
    "law_plan_from_2022": "Kravet om at tage stilling til en handlingsplan gælder fra "
    "danmarkskortet 2022 (lov nr. 912 af 21. juni 2022).",
    "closing": "Med venlig hilsen",
    "signature": "[Sagsbehandlerens navn]",
    "internal_heading": "Til sagsbehandleren (slettes før afsendelse)",
    "internal_made": "Udkastet er lavet af minutes-checker den {date} ud fra {out}.",
    "internal_predicted": "Værktøjets forventede udfald: {label}.",
    "internal_reviewed": "Udfald efter gennemgang: {label}.",
    "internal_review": "{label}: {predicted} → {reviewed} ({reviewer}, {when})",
    "internal_agreed": "{label}: {predicted}, bekræftet ({reviewer}, {when})",
    "internal_comment": ": {comment}",
    "internal_previous": "Forrige kortår, danmarkskortet {year}: {label}.",
    "internal_soft": "{label}: {status}. {explanation}",
    "internal_tool_reason": "Værktøjets begrundelse: {explanation}",
}

# Retssikkerhedslovens § 79 b, stk. 1 and 2 (lov nr. 912 af 21. juni 2022), word for word.
LETTER_LAW: tuple[str, str] = (
    "Inden udgangen af det år, hvor danmarkskortet over omgørelsesprocenter på socialområdet "
    "offentliggøres, jf. § 84 a, behandler kommunalbestyrelsen danmarkskortet på et møde.",
    "Stk. 2. Kommunalbestyrelsen skal i forbindelse med behandlingen efter stk. 1 tage stilling "
    "til, hvorvidt der er behov for at udarbejde en handlingsplan til styrkelse af den juridiske "
    "kvalitet i kommunens sagsbehandling. Beslutter kommunalbestyrelsen, at der ikke skal "
    "udarbejdes en handlingsplan, skal kommunalbestyrelsen orientere Ankestyrelsen herom.",
)

# What a letter says about a check that is not met or unclear, in a council's terms.
LETTER_FINDINGS: dict[str, dict[str, str]] = {
    "full_council": {
        "not_met": "Danmarkskortet er ikke behandlet af kommunalbestyrelsen selv. En behandling "
        "i et udvalg er ikke nok, for kommunalbestyrelsen kan ikke overlade behandlingen til et "
        "udvalg.",
        "unclear": "Det fremgår ikke tydeligt af referatet, at det var kommunalbestyrelsen, der "
        "behandlede danmarkskortet.",
    },
    "deadline": {
        "not_met": "Danmarkskortet {year} er ikke behandlet inden udgangen af {year}, det år "
        "kortet blev offentliggjort.",
        "unclear": "Det fremgår ikke tydeligt af referatet, hvornår mødet blev holdt, eller "
        "hvilket års danmarkskort der blev behandlet.",
    },
    "active_debate": {
        "not_met": "Referatet viser ikke en aktiv politisk drøftelse af danmarkskortet i "
        "kommunalbestyrelsen. Et punkt, der alene er til orientering og tages til efterretning, "
        "viser ikke, at kortet er drøftet.",
        "unclear": "Det er uklart, om der har været en aktiv politisk drøftelse af "
        "danmarkskortet i kommunalbestyrelsen.",
    },
    "all_three_maps": {
        "not_met": "Ikke alle tre danmarkskort er behandlet. Kortet for hele socialområdet, "
        "kortet for børnehandicapområdet og kortet for voksenhandicapområdet skal alle "
        "behandles.",
        "unclear": "Det fremgår ikke tydeligt, at alle tre danmarkskort er behandlet: hele "
        "socialområdet, børnehandicapområdet og voksenhandicapområdet.",
    },
    "national_comparison": {
        "not_met": "Kommunens omgørelsesprocenter er ikke sat i forhold til andre kommuners, fx "
        "landsgennemsnittet. En sammenligning med en eller to nabokommuner eller med kommunens "
        "egne tidligere år er ikke nok.",
        "unclear": "Det er uklart, om kommunens omgørelsesprocenter er sammenlignet med andre "
        "kommuners.",
    },
    "action_plan_decision": {
        "not_met": "Kommunalbestyrelsen har ikke selv taget stilling til, om der er behov for "
        "at udarbejde en handlingsplan.",
        "unclear": "Det er uklart, om kommunalbestyrelsen selv har taget stilling til, om der "
        "er behov for en handlingsplan. En stillingtagen, der kun står i indstillingen, eller "
        "som kommunalbestyrelsen alene tager til efterretning, er ikke kommunalbestyrelsens "
        "egen beslutning.",
    },
    "no_plan_reasons": {
        "not_met": "Kommunalbestyrelsen har fravalgt en handlingsplan, men referatet nævner "
        "ikke baggrunden eller at Ankestyrelsen orienteres.",
        "unclear": "Det er uklart, om kommunalbestyrelsen har begrundet fravalget af en "
        "handlingsplan.",
    },
}

# Month names for dates in letters ("31. januar 2025").
DANISH_MONTHS: tuple[str, ...] = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip


def danish_date(value: dt.date) -> str:
    """A date as a Danish letter writes it: "31. januar 2025"."""
    return f"{value.day}. {DANISH_MONTHS[value.month - 1]} {value.year}"


# The letters command's own lines (what it wrote, and why a draft was not replaced).
LETTERS_UI: dict[str, dict[str, str]] = {
    "written": {
        "da": "{count} brevudkast skrevet til {to} ({assessment} til vurdering); listen står i "
        "{csv}.",
        "en": "{count} draft letters written to {to} ({assessment} for assessment); listed in "
        "{csv}.",
    },
    "none": {
        "da": "Ingen kommuner skal have et brev efter resultaterne i {out}.",
        "en": "No municipality needs a letter according to the results in {out}.",
    },
    "kept_edited": {
        "da": "Ikke overskrevet (ændret efter udkastet blev skrevet): {files}",
        "en": "Not overwritten (changed after the draft was written): {files}",
    },
    "kept_edited_note": {
        "da": "ikke overskrevet: ændret efter udkastet blev skrevet",
        "en": "not overwritten: changed after the draft was written",
    },
    "csv_code": {"da": "Kommunekode", "en": "Code"},
    "csv_municipality": {"da": "Kommune", "en": "Municipality"},
    "csv_map_year": {"da": "Danmarkskort", "en": "Map year"},
    "csv_figures": {"da": "Tal for", "en": "Figures for"},
    "csv_letter": {"da": "Brev", "en": "Letter"},
    "csv_for_assessment": {"da": "Til vurdering", "en": "For assessment"},
    "csv_reviewed": {"da": "Gennemgået", "en": "Reviewed"},
    "csv_previous": {"da": "Udfald forrige kortår", "en": "Outcome previous map year"},
    "csv_file": {"da": "Fil", "en": "File"},
    "csv_note": {"da": "Bemærkning", "en": "Note"},
    "yes": {"da": "ja", "en": "yes"},
    "no": {"da": "nej", "en": "no"},
    "template_saved": {
        "da": "Brevskabelonen er gemt i {path}; ret den i Word, og brug den med --template.",
        "en": "The letter template is saved in {path}; edit it in Word and use it with "
        "--template.",
    },
    "need_out": {
        "da": "angiv resultatmappen (OUT)",
        "en": "give the output folder (OUT)",
    },
    "not_a_template": {
        "da": "{path} er ikke et Word-dokument (.docx)",
        "en": "{path} is not a Word document (.docx)",
    },
}


def letters_ui(key: str, lang: Lang = "da", **params: object) -> str:
    return LETTERS_UI[key][lang].format(**params)
