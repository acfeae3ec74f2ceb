"""Index reports by GeoNames id and type together (was: by GeoNames id alone)

The fusion candidates at a new report's place are the stored reports of its type there.
With the GeoNames id alone indexed, PostgreSQL either read every report of the place or
intersected them with every report of the type (a bitmap of some 3,000 rows a term at
1,200 stored articles, more as the store grows): about half the candidate query's time
(re-run on the logged queries of the bench's articles 600-800: 1.5-2.1 ms against
0.9). The filters by GeoNames id read the index's first column, as before.

Revision ID: 0007
Revises: 0006
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_article_events_geonameid', table_name='article_events')
    op.create_index('ix_article_events_geonameid_type', 'article_events', ['geonameid', 'type'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_article_events_geonameid_type', table_name='article_events')
    op.create_index('ix_article_events_geonameid', 'article_events', ['geonameid'],
                    unique=False)
