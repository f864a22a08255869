"""PDF reports in the GUI: File > Export PDF… and the views' PDF actions open one dialog
(choose, preview the real pages, save) over mentordesk.reports. The dialog loads when
first used."""

from mentordesk.ui.reports.menus import ReportMenus, preset_for

__all__ = ["ReportMenus", "preset_for"]
