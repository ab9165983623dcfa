"""Reading and writing the cells of a job-tracker spreadsheet: which column is which, the
statuses and dates other trackers use, and cells a spreadsheet would run as formulas.

Pure: the clock and the zone are parameters; the store reads and writes the files.

The modules, by what each is for (import from the one that holds the thing):

- `headers`: the fields and their header spellings, `header_key`, the user's COLUMN=FIELD.
- `columns`: which column is which field (`map_sheet`, `SheetMap`), ids and checkboxes.
- `stages`: the stage words other trackers use (`parse_tracker_status`).
- `dates`: dates as spreadsheets write them, and the day/month order of a column.
- `cells`: cells a spreadsheet would run as formulas (`safe_cell`, `unsafe_cell`).
"""
