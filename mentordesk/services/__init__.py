"""Use cases: one small class or function per thing a person does. Each call is one
transaction; results are immutable records, never live ORM objects.

``records`` is pure Python (the GUI imports it at start-up); the rest imports SQLAlchemy.
"""
