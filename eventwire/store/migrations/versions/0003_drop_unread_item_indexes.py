"""Drop the indexes no query reads: actors by code, places by GeoNames id

Filters and fusion read the codes and places copied onto the reports
(article_event_actors.code, article_events.geonameid, both indexed); the item tables
are read by article only (their primary keys). Each index cost every insert its upkeep.

Revision ID: 0003
Revises: 0002
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_actors_code', table_name='actors')
    op.drop_index('ix_places_geonameid', table_name='places')


def downgrade() -> None:
    op.create_index('ix_places_geonameid', 'places', ['geonameid'], unique=False)
    op.create_index('ix_actors_code', 'actors', ['code'], unique=False)
