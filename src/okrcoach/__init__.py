"""okrcoach: an offline, keyboard-first OKR coach for the terminal."""

__version__ = "0.1.0"
