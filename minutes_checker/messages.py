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
