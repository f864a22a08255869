"""The Agreements view: what was agreed with each mentor, its revisions and its review."""

from mentordesk.ui.agreements.view import AgreementsView

__all__ = ["AgreementsView"]
