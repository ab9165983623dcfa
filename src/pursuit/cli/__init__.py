"""The `pursuit` command: no verb opens the app; verbs are for quick entry and scripts.

    dispatch.py           main(): the fast status line, then parse, run a verb, map
                          failures to one line and an exit status
    status_line.py        `pursuit status` for a shell prompt, in milliseconds, without
                          the rest of this package (see below)
    parser.py             every verb's arguments, in the order `pursuit --help` lists them
    output.py             exit codes, UsageError, one-line messages, dates and JSON printed
    context.py            the settings, the database, the clock and dates typed by the user
    applications.py       writes about applications and interviews (add, interview, move…)
    triage.py             acting on the agenda (thanks, followup, heard, checkin, snooze…)
    reading.py            list, due (and due --notify), status when the fast path declines
    import_export.py      import, export, backup, restore
    config_and_completion.py  the config and completion verbs, and the hidden _companies
    config_show.py        `config show`: the effective settings as commented TOML
    completion.py         bash and zsh completion scripts, generated from the parser

Exit status: 0 done; 2 bad input (one line on stderr, nothing written); 3 a rule asked
to wait (R2, R5), nothing written: rerun with --force to go ahead; 1 `due --notify` could
not send a desktop notification (reading.EXIT_NOT_SENT).

This file imports nothing: `pursuit status` loads it on every shell prompt, on its way to
status_line. Every verb module defers what it needs beyond the standard library into the
verb, as Tab completion runs the full parser on every key press.
"""
