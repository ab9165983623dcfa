"""Reading the dates, times and durations people type, in their own time zone.

Pure: the current time and the local zone are always parameters, never looked up, so the
same input and clock give the same answer (tests and `PURSUIT_NOW` rely on that).

Every user-facing result is an aware datetime in UTC; wall-clock times are built naive in the
local zone and then resolved once, in `local_to_utc`, so DST is handled in one place.

The modules, by what each is for (import from the one that holds the thing):

- `zones`: wall-clock times in a zone and back (`local_to_utc`, `to_local`).
- `reading`: `parse_when` and `read_when`, a typed date and time (`When`, `FarDateError`).
- `clocks`: the time of day in typed text ("14:00", "2pm", "9:30-11am", "morning").
- `days`: the day in typed text ("fri", "next week", "dec 15", "03/05"), `settled_order`.
- `words`: the words and patterns typed dates are made of.
- `errors`: `DateParseError` and its one-line messages.
- `durations`: lengths of time and cadences (`parse_duration`).
- `showing`: dates as pursuit shows them (`show_when`, `show_day`, `humanize_due`).
"""
