"""The user's desktop, for both faces (cli and tui): their editor (editor.py) and
desktop notifications with the terminal bell (notify.py).

Kept empty on purpose: importing one of them loads nothing else.
"""
