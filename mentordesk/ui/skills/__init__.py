"""The Skills view: skills with dated assessments, growth charts and comparisons."""

from mentordesk.ui.skills.view import SkillsView

__all__ = ["SkillsView"]
