"""The guided retrospective screen and its parts."""

from okrcoach.tui.screens.retro.screen import RetroScreen

__all__ = ["RetroScreen"]
