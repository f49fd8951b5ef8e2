"""department name translations; merge departments made by translated entries

The old importer created a department per name, so a translations file that named 市民課
"Citizens Division" made a second department with its own (stale) contact. A department all of
whose entries are translations of entries of one department is merged into it, its name kept
as that department's name in the entries' language; any other department is left and logged.

Revision ID: 0301f_department_names
Revises: 0113c_tuning
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0301f_department_names"
down_revision = "0113c_tuning"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")
ORIGINAL = "ja"


def upgrade() -> None:
    op.create_table(
        "department_names",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_department_names_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("department_id", "language", name=op.f("pk_department_names")),
    )
    _merge_translation_departments(op.get_bind())


def _merge_translation_departments(conn: sa.Connection) -> None:
    departments = conn.execute(sa.text("SELECT id, tenant_id, name FROM departments")).all()
    for dept_id, tenant_id, name in departments:
        entries = conn.execute(
            sa.text(
                "SELECT e.language, o.department_id FROM faq_entries e "
                "LEFT JOIN faq_entries o ON o.tenant_id = e.tenant_id "
                "AND o.external_id = e.external_id AND o.language = :ja "
                "WHERE e.department_id = :d"
            ),
            {"d": dept_id, "ja": ORIGINAL},
        ).all()
        if not entries:
            continue
        languages = {language for language, _ in entries}
        targets = {target for _, target in entries}
        if ORIGINAL in languages:
            continue
        if len(targets) != 1 or None in targets or dept_id in targets:
            log.warning(
                "department %s (%r, tenant %s) has translated entries of %s departments: "
                "left as it is; merge it on the departments page",
                dept_id,
                name,
                tenant_id,
                len(targets - {None}) or "no Japanese",
            )
            continue
        (target,) = targets
        _merge(conn, dept_id, target, name, sorted(languages))
        log.info("department %r merged into department %s (its translated name)", name, target)


def _merge(conn: sa.Connection, source: int, target: int, name: str, languages: list[str]) -> None:
    params = {"s": source, "t": target}
    for language in languages:
        known = conn.execute(
            sa.text("SELECT 1 FROM department_names WHERE department_id = :t AND language = :l"),
            {"t": target, "l": language},
        ).first()
        if known is None:
            conn.execute(
                sa.text("INSERT INTO department_names VALUES (:t, :l, :n)"),
                {"t": target, "l": language, "n": name},
            )
    conn.execute(
        sa.text("UPDATE faq_entries SET department_id = :t WHERE department_id = :s"), params
    )
    conn.execute(sa.text("UPDATE departments SET parent_id = :t WHERE parent_id = :s"), params)
    # Editors scoped to the duplicate keep their rights on the department it joins.
    conn.execute(
        sa.text(
            "INSERT INTO editor_departments (user_id, department_id) "
            "SELECT user_id, :t FROM editor_departments WHERE department_id = :s "
            "AND user_id NOT IN (SELECT user_id FROM editor_departments WHERE department_id = :t)"
        ),
        params,
    )
    conn.execute(sa.text("DELETE FROM editor_departments WHERE department_id = :s"), params)
    conn.execute(sa.text("DELETE FROM departments WHERE id = :s"), {"s": source})


def downgrade() -> None:
    op.drop_table("department_names")
