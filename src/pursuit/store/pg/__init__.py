"""PostgreSQL as a second engine (issue 16), behind the same store.

The store's SQL is written once, for SQLite; `adapter` runs it on psycopg (placeholders,
transactions, the few pragmas it uses), and `schema` gives each search the same tables,
constraints, triggers and SQL functions SQLite has, so the same SQL means the same thing.
Nothing here is imported unless the database is a postgresql:// URL.
"""
