"""Pure rules of a job search: no I/O, no Textual, no SQL; the clock is always a parameter."""
