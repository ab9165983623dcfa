"""pursuit: a keyboard-driven terminal app that runs a job search."""

__version__ = "0.1.0"
