"""Calendar files (iCalendar, RFC 5545) in and out: what other calendar programs read and write.

- ``ics_read``: a file as the events it holds in a date range (icalendar parses it,
  x-wr-timezone repairs Google's calendars, recurring-ical-events expands recurrences); every
  problem with the file is a ``CalendarFileError`` naming the file and what is wrong.
- ``ics_plan``: what importing those events would do (new meeting, update, unchanged), which
  mentor each maps to, and how a changed event merges with what was written in MentorDesk.
- ``ics_import``: the import itself, all or nothing, after a backup snapshot.
- ``ics_export``: meetings as a calendar file.

No Qt here, and no SQLAlchemy at import time (the GUI imports these modules): what the
import stores beside a meeting is written by ``_meeting_rows``, imported when it runs.
"""
