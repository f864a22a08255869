"""Lets ``python -m mentordesk`` behave exactly like the ``mentordesk`` command."""

from mentordesk.cli import main

raise SystemExit(main())
