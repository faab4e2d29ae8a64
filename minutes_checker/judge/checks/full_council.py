"""Behandlet i kommunalbestyrelsen: the item was on the agenda of, and decided by, the full
council (Kommunalbestyrelsen, Byrådet, Borgerrepræsentationen), not a committee; a notice that a
committee treated the map is delegation (CRITERIA.md §3)."""

from __future__ import annotations

from ...models import CheckResult
from ..findings import DELEGATION_READS, Findings, delegation_notice

ID = "full_council"
ROLE = "gate"
READS = (*DELEGATION_READS, "recommended", "council_acts")


def run(f: Findings) -> CheckResult:
    meeting = f.document.meeting
    body = meeting.body or ""
    council = [s for s in f.council_decisions() if f.actor(s) == "full_council"]
    delegated = delegation_notice(f)
    if delegated:
        return f.result("full_council", "not_met", "delegated", f.evidence(delegated))
    if council:
        named = [s for s in council if s.decision_body_kind == "full_council"]
        section = (named or council)[-1]
        evidence = f.heading_evidence(section, "structure.decision_section", "supports")
        if not named:
            evidence = f.span_evidence(meeting.body_span, "structure.meeting_body") + evidence
        return f.result(
            "full_council",
            "met",
            "council_decision",
            evidence,
            body=section.decision_body or body or "kommunalbestyrelsen",
        )
    if f.document_body == "full_council":
        informal = f.informal_meeting()
        if informal:
            return f.result(
                "full_council",
                "unclear",
                "informal_meeting",
                f.span_evidence(informal, "structure.meeting_body", "contradicts"),
                body=f.document.text[informal[0] : informal[1]],
            )
        return f.result(
            "full_council",
            "met",
            "council_meeting",
            f.span_evidence(meeting.body_span, "structure.meeting_body"),
            body=body,
        )
    if f.document_body == "committee":
        evidence = f.committee_evidence() + f.evidence(f.select("recommended"), limit=2)
        name = body or next((s.decision_body for s in f.committee_decisions()), "") or "udvalg"
        return f.result("full_council", "not_met", "committee", evidence, body=name)
    acts = f.council_decision_says("council_acts")
    if acts:
        # no meeting header, but the item's own decision says the council took it
        return f.result("full_council", "met", "council_named", f.evidence(acts, limit=1))
    return f.result("full_council", "unclear", "unknown_body", [])
