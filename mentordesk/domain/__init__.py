"""What MentorDesk knows about mentoring: enums, validation rules and the mapped classes.

``enums`` and ``validation`` are pure Python so the GUI can use them before SQLAlchemy is
imported; ``models`` holds the SQLAlchemy mapped classes.
"""
