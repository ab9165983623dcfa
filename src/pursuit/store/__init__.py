"""Storage: SQLite tables, the engine, migrations, and the reads and writes both faces use."""
