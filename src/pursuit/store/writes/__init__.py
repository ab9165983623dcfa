"""Every write, defined once: the rules applied to the rows it touches.

Each definition takes a `World` (the rows, in memory) and the clock, validates all it
was given before it changes anything, and creates or changes rows in the world. It never
sees SQL: `store.writer.run` applies it and writes the result, whether it is one command
from the CLI or the app (`store.commands`, `store.actions`), a quick-entry line, every
row of an imported file, or a generated demo.
"""
