"""Part of the MentorDesk GUI."""
