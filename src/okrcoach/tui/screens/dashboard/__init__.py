"""The dashboard: its screen, keys, and the changes it makes to the selected objective."""

from okrcoach.tui.screens.dashboard.screen import DashboardData, DashboardScreen

__all__ = ["DashboardData", "DashboardScreen"]
