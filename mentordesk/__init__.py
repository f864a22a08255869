"""MentorDesk: an offline notebook for the person who manages several mentoring relationships."""

__version__ = "0.1.0"
APP_NAME = "MentorDesk"
