"""Alembic environment: the archive always hands over an open connection
(inside a transaction it holds a lock on), so there is no offline mode."""
from alembic import context

from reportgen.archive.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, transactional_ddl=True,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
