"""Create the store: articles, extractions, items, reports, fused events, near-duplicates

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('text', sa.LargeBinary(), nullable=False),
    sa.Column('chars', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('sha256', name=op.f('uq_articles_sha256'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('mode', sa.String(), nullable=True),
    sa.Column('cameo', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('precision', sa.String(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('feature', sa.String(), nullable=True),
    sa.Column('fatalities_low', sa.Float(), nullable=True),
    sa.Column('fatalities_high', sa.Float(), nullable=True),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date_start'), ['date_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_geonameid'), ['geonameid'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_lat_lon'), ['lat', 'lon'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type_date_start'), ['type', 'date_start'], unique=False)

    op.create_table('fusion_splits',
    sa.Column('split_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('report_id', sa.String(), nullable=False),
    sa.Column('side', sa.Integer(), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('split_id', 'article_id', 'report_id', name=op.f('pk_fusion_splits'))
    )
    with op.batch_alter_table('fusion_splits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fusion_splits_article_id_report_id'), ['article_id', 'report_id'], unique=False)

    op.create_table('actors',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('sector', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('refers_to', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_actors_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_actors'))
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_code'), ['code'], unique=False)

    op.create_table('article_events',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('mode', sa.String(), nullable=True),
    sa.Column('context', sa.String(), nullable=True),
    sa.Column('cameo', sa.String(), nullable=True),
    sa.Column('trigger_text', sa.Text(), nullable=False),
    sa.Column('trigger_start', sa.Integer(), nullable=False),
    sa.Column('trigger_end', sa.Integer(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('sentence_end', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('time', sa.String(), nullable=True),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('precision', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('claimed_by', sa.String(), nullable=True),
    sa.Column('quote', sa.String(), nullable=True),
    sa.Column('fatalities', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('fatalities_low', sa.Float(), nullable=True),
    sa.Column('fatalities_high', sa.Float(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.String(), nullable=True),
    sa.Column('place_parent', sa.String(), nullable=True),
    sa.Column('place_qualifier', sa.String(), nullable=True),
    sa.Column('place_feature', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('claimant_name', sa.Text(), nullable=True),
    sa.Column('claimant_code', sa.String(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_events_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_article_events'))
    )
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_events_claimant_code'), ['claimant_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_events_geonameid'), ['geonameid'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_events_place_parent'), ['place_parent'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_events_type_date_start'), ['type', 'date_start'], unique=False)

    op.create_table('extractions',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('version', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_extractions_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_extractions'))
    )
    op.create_table('minhash_bands',
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_minhash_bands_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band', 'bucket', 'article_id', name=op.f('pk_minhash_bands'))
    )
    op.create_table('near_duplicates',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('duplicate_of', sa.String(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_near_duplicates_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duplicate_of'], ['articles.id'], name=op.f('fk_near_duplicates_duplicate_of_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_near_duplicates'))
    )
    with op.batch_alter_table('near_duplicates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_near_duplicates_duplicate_of'), ['duplicate_of'], unique=False)

    op.create_table('places',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('geonameid', sa.String(), nullable=True),
    sa.Column('parent', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('feature', sa.String(), nullable=True),
    sa.Column('qualifier', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_places_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_places'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_geonameid'), ['geonameid'], unique=False)

    op.create_table('quantities',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('qualifier', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.Column('who', sa.Text(), nullable=True),
    sa.Column('part_of', sa.String(), nullable=True),
    sa.Column('perpetrator', sa.String(), nullable=True),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('time', sa.String(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_quantities_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_quantities'))
    )
    op.create_table('quotes',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('speaker', sa.String(), nullable=True),
    sa.Column('cue_text', sa.Text(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('time', sa.String(), nullable=True),
    sa.Column('place', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_quotes_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_quotes'))
    )
    op.create_table('times',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=True),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('anchor', sa.String(), nullable=False),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_times_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id', name=op.f('pk_times'))
    )
    op.create_table('article_event_actors',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('actor_id', sa.String(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id', 'event_id'], ['article_events.article_id', 'article_events.id'], name=op.f('fk_article_event_actors_article_id_article_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'event_id', 'role', 'actor_id', name=op.f('pk_article_event_actors'))
    )
    with op.batch_alter_table('article_event_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_event_actors_code'), ['code'], unique=False)

    op.create_table('event_reports',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('report_id', sa.String(), nullable=False),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id', 'report_id'], ['article_events.article_id', 'article_events.id'], name=op.f('fk_event_reports_article_id_article_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_reports_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'report_id', name=op.f('pk_event_reports'))
    )
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_reports_event_id'), ['event_id'], unique=False)

    # Case-insensitive filters (autogenerate cannot compare expression indexes on SQLite).
    op.create_index("ix_articles_source_lower", "articles", [sa.text("lower(source)")])
    op.create_index("ix_article_events_place_name_lower", "article_events",
                    [sa.text("lower(place_name)")])
    op.create_index("ix_article_events_claimant_name_lower", "article_events",
                    [sa.text("lower(claimant_name)")])
    op.create_index("ix_article_events_outlet_lower", "article_events", [sa.text("lower(outlet)")])
    op.create_index("ix_article_event_actors_name_lower", "article_event_actors",
                    [sa.text("lower(name)")])


def downgrade() -> None:
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_reports_event_id'))

    op.drop_table('event_reports')
    with op.batch_alter_table('article_event_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_event_actors_code'))

    op.drop_table('article_event_actors')
    op.drop_table('times')
    op.drop_table('quotes')
    op.drop_table('quantities')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_geonameid'))

    op.drop_table('places')
    with op.batch_alter_table('near_duplicates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_near_duplicates_duplicate_of'))

    op.drop_table('near_duplicates')
    op.drop_table('minhash_bands')
    op.drop_table('extractions')
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_events_type_date_start'))
        batch_op.drop_index(batch_op.f('ix_article_events_place_parent'))
        batch_op.drop_index(batch_op.f('ix_article_events_geonameid'))
        batch_op.drop_index(batch_op.f('ix_article_events_claimant_code'))

    op.drop_table('article_events')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actors_code'))

    op.drop_table('actors')
    with op.batch_alter_table('fusion_splits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fusion_splits_article_id_report_id'))

    op.drop_table('fusion_splits')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type_date_start'))
        batch_op.drop_index(batch_op.f('ix_events_status'))
        batch_op.drop_index(batch_op.f('ix_events_lat_lon'))
        batch_op.drop_index(batch_op.f('ix_events_geonameid'))
        batch_op.drop_index(batch_op.f('ix_events_date_start'))

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))

    op.drop_table('articles')
