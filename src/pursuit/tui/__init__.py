"""The Textual app: three panes, a detail panel, and keyboard triage."""
