"""The guided drafting wizard: one module a concern (screen, steps, card, modals)."""

from okrcoach.tui.screens.wizard.screen import WizardScreen

__all__ = ["WizardScreen"]
