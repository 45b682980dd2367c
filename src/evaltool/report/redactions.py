"""What publication mode takes out of a session, counted one way: for a published session
(`privacy.publish`), for what an overview keeps of one (`summary.digest`), and summed for
a route. Kept apart from `privacy` so that a digest counts without loading pydantic."""

from __future__ import annotations

from typing import Any

from evaltool.report.contract import RedactionCounts


def count_redactions(session: Any, scrubber: Any) -> RedactionCounts:
    """What publication mode takes out of `session`: the names, addresses and numbers
    `scrubber` has replaced so far, and the confidential entries, notes and participants'
    names that are left out. The one count, for a published session (`publish`) and for
    what an overview keeps of one (`summary.digest`)."""
    return {
        "names_replaced": scrubber.counts["names"],
        "emails_removed": scrubber.counts["emails"],
        "phones_removed": scrubber.counts["phones"],
        "confidential_findings_left_out": sum(
            1 for f in session.findings.values() if f.confidential),
        "confidential_follow_ups_left_out": sum(
            1 for fu in session.follow_ups.values() if fu.confidential),
        "notes_left_out": 1 if session.notes else 0,
        "participant_names_withheld": sum(1 for p in session.participants.values() if p.name),
    }


NO_REDACTIONS: RedactionCounts = {
    "names_replaced": 0, "emails_removed": 0, "phones_removed": 0,
    "confidential_findings_left_out": 0, "confidential_follow_ups_left_out": 0,
    "notes_left_out": 0, "participant_names_withheld": 0}
"""Where a sum of counts starts (`add_redactions`)."""


def add_redactions(total: RedactionCounts, more: RedactionCounts) -> RedactionCounts:
    """The counts of two sets of sessions together (an overview's, file by file)."""
    return {
        "names_replaced": total["names_replaced"] + more["names_replaced"],
        "emails_removed": total["emails_removed"] + more["emails_removed"],
        "phones_removed": total["phones_removed"] + more["phones_removed"],
        "confidential_findings_left_out": (total["confidential_findings_left_out"]
                                           + more["confidential_findings_left_out"]),
        "confidential_follow_ups_left_out": (total["confidential_follow_ups_left_out"]
                                             + more["confidential_follow_ups_left_out"]),
        "notes_left_out": total["notes_left_out"] + more["notes_left_out"],
        "participant_names_withheld": (total["participant_names_withheld"]
                                       + more["participant_names_withheld"]),
    }
