"""Alembic environment: runs on the connection the store hands over (or $EVENTWIRE_DB)."""

from alembic import context

from eventwire.store.schema import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # the alembic command line, for developers
        from eventwire.store.store import Store

        store = Store(migrate=False)
        with store.engine.connect() as connection:
            _migrate(connection)
            connection.commit()
        return
    _migrate(connection)


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
