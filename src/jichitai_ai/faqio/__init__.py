"""FAQ import/export: CSV/TSV/XLSX bytes ↔ validated ``FaqRecord`` lists.

Pure functions; storage (transactions, upserts) and API/CLI live elsewhere.

Round-trip contract: ``parse_faq_file(write_csv(rs), "x.csv").records == rs``
and the same for ``write_xlsx`` for every *valid* record list, i.e. records
whose strings hold no control characters except tab/newline, have no
leading/trailing whitespace, and whose alternatives/links are single lines.

Formula-injection rule (CSV only): on export a cell whose text starts with
``= + - @``, tab, CR or ``'`` gets one extra leading ``'``; on import exactly
one leading ``'`` is removed from every cell. XLSX cells are typed as strings
instead (plus Excel's quote-prefix style), so XLSX values are never altered.
"""

from jichitai_ai.faqio.columns import FIELDS, ColumnMapping
from jichitai_ai.faqio.errors import FaqFileError, ParseWarning, RowError
from jichitai_ai.faqio.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS
from jichitai_ai.faqio.parse import ImportParseResult, parse_faq_file
from jichitai_ai.faqio.writers import write_csv, write_xlsx

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "FIELDS",
    "ColumnMapping",
    "FaqFileError",
    "ImportParseResult",
    "ParseWarning",
    "RowError",
    "parse_faq_file",
    "write_csv",
    "write_xlsx",
]
