"""Tables (別表, 手数料表, Excel sheets) chunked by row, each row carrying the table's header, so a
question that names one row (戸籍謄本の手数料) finds that row and not a long table."""

from __future__ import annotations

from dataclasses import dataclass, field

from jichitai_ai.documents._model import ChunkDraft


@dataclass
class TableRows:
    """One table as read: its first row is the header, the rest are data rows."""

    header: str
    location: str
    heading: str
    page: int | None = None
    rows: list[str] = field(default_factory=list)

    def chunks(self) -> list[ChunkDraft]:
        """A chunk per row, each starting with the header (the header alone if no rows)."""
        if not self.rows:
            return [ChunkDraft(self.location, self.heading, self.header, self.page)]
        return [
            ChunkDraft(self.location, self.heading, f"{self.header}\n{row}", self.page)
            for row in self.rows
        ]
