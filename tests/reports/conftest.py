from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture(autouse=True)
def qt_app(qapp: QGuiApplication) -> Iterator[QGuiApplication]:
    """Reports lay text out with Qt's fonts: they need an application (offscreen)."""
    yield qapp
