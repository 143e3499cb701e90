"""Commitment statuses: one row per commitment (Openstaand, Voldaan, ...).

These functions run inside a transaction the store holds.
"""

from __future__ import annotations

import sqlite3

from briefing_reader.core.notes import settings
from briefing_reader.core.notes.model import CommitmentStatus, utc_now


def set_commitment(
    conn: sqlite3.Connection, commitment_id: str, status: str, note: str
) -> CommitmentStatus:
    """Insert or update a commitment status (the first author is kept)."""
    now = utc_now()
    conn.execute(
        "INSERT INTO commitment_statuses (commitment_id, status, note, author, created, "
        "modified) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id) DO UPDATE SET "
        "status = excluded.status, note = excluded.note, modified = excluded.modified",
        (commitment_id, status, note, settings.author(conn), now, now),
    )
    return commitments(conn)[commitment_id]


def commitments(conn: sqlite3.Connection) -> dict[str, CommitmentStatus]:
    """Every commitment status, by commitment id."""
    found = conn.execute("SELECT * FROM commitment_statuses ORDER BY commitment_id")
    return {
        row["commitment_id"]: CommitmentStatus(
            row["commitment_id"],
            row["status"],
            row["note"],
            row["author"],
            row["created"],
            row["modified"],
        )
        for row in found
    }
