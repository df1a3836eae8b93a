"""One document with its analyses, each computed once, on first use: what rules receive.

The Document (``auditor.model``) is plain data; the analyses (breakdowns and shares, scores,
repeated passages, the report's own unit …) are read from it here, so that a new analysis is
one cached property of ``Analysis`` and never a change to the model.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from auditor.model.document import Document, Heading, Line, Paragraph, Section, Table
from auditor.model.quantity import Quantity

if TYPE_CHECKING:
    from auditor.extract.duplicates import RepeatedBlock
    from auditor.extract.fiscal import Disclosure
    from auditor.extract.relations import Relations
    from auditor.extract.scores import Scores
    from auditor.extract.textscan import Entity


class Analysis:
    """A Document and what the extraction layer finds in it.

    The document's own data (``lines``, ``paragraphs``, ``tables`` …) is read through, so a rule
    written against the document reads the same names here.
    """

    def __init__(self, document: Document) -> None:
        self.document = document

    # ------------------------------------------------------------------ the document's data

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def format(self) -> str:
        return self.document.format

    @property
    def lines(self) -> list[Line]:
        return self.document.lines

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs

    @property
    def tables(self) -> list[Table]:
        return self.document.tables

    @property
    def headings(self) -> list[Heading]:
        return self.document.headings

    @property
    def sections(self) -> list[Section]:
        return self.document.sections

    @property
    def report_year(self) -> int | None:
        return self.document.report_year

    @property
    def quantities(self) -> list[Quantity]:
        return self.document.quantities

    def section_at(self, line: int) -> Section | None:
        return self.document.section_at(line)

    def line_text(self, number: int) -> str:
        return self.document.line_text(number)

    # ------------------------------------------------------------------ analyses

    @cached_property
    def relations(self) -> Relations:
        """Breakdowns, shares, changes, rates, identities, ratios and listed items."""
        from auditor.extract.relations import analyse

        return analyse(self.document, skip_tables=self.disclosure.table_indexes)

    @cached_property
    def disclosure(self) -> Disclosure:
        """The standard tables of a 预算/决算公开 (科目 codes, panels, columns), their sums and cross-table facts."""
        from auditor.extract.fiscal import read_disclosure

        return read_disclosure(self.document)

    @cached_property
    def repeated_blocks(self) -> list[RepeatedBlock]:
        """Passages that stand more than once (verbatim or with other numbers)."""
        from auditor.extract.duplicates import find_repeated_blocks

        return find_repeated_blocks(self.document)

    @cached_property
    def entity(self) -> Entity | None:
        """The report's own unit, from its title."""
        from auditor.extract.textscan import own_entity

        return own_entity(self.document)

    @cached_property
    def scores(self) -> Scores:
        """Indicator trees, stated totals, grades and questionnaires."""
        from auditor.extract.scores import analyse

        return analyse(self.document)
