"""Index actor and claimant names for name filters: search_names, kept by triggers

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (trigger, table, name column) for each table whose names the filters search.
SOURCES = [("tr_article_event_actors_search_names", "article_event_actors", "name"),
           ("tr_article_events_search_names", "article_events", "claimant_name")]


def upgrade() -> None:
    op.create_table('search_names',
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_search_names'))
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    for trigger, table, column in SOURCES:
        # The names already stored, then a trigger for every row written from now on.
        op.execute(f"INSERT INTO search_names (name) SELECT DISTINCT lower({column}) "
                   f"FROM {table} WHERE {column} IS NOT NULL ON CONFLICT DO NOTHING")
        if postgres:  # one statement-level trigger: one insert a statement, not a row
            op.execute(f"""CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_names (name) SELECT DISTINCT lower({column}) FROM written
    WHERE {column} IS NOT NULL ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$""")
            op.execute(f"CREATE TRIGGER {trigger} AFTER INSERT ON {table} "
                       f"REFERENCING NEW TABLE AS written FOR EACH STATEMENT "
                       f"EXECUTE FUNCTION {trigger}()")
        else:
            op.execute(f"CREATE TRIGGER {trigger} AFTER INSERT ON {table} "
                       f"WHEN NEW.{column} IS NOT NULL BEGIN "
                       f"INSERT OR IGNORE INTO search_names (name) VALUES (lower(NEW.{column})); "
                       f"END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for trigger, table, _ in SOURCES:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {trigger}()")
    op.drop_table('search_names')
