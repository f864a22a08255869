"""The export dialog's preview: the real pages of the PDF that Save writes (QtPdf's document
over the very bytes, in QtPdf's view), or, before there are any, what to do to see them."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.style import Space, tint, untint


class PdfPreview(QWidget):
    """``show_pdf(data)`` shows its pages; ``set_stale`` says they no longer match."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.empty = EmptyState(
            self.tr("No preview yet"),
            self.tr(
                "Choose the report and what it covers, then press Preview (Alt+V) to see "
                "its pages here exactly as they will be saved."
            ),
            icon_name="report",
        )
        self.header = QLabel()
        self.header.setObjectName("reportPages")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)  # a title a person typed
        self.view = QPdfView()
        self.view.setObjectName("reportPdfView")
        self.view.setAccessibleName(self.tr("Pages of the report"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(Space.M)
        self.view.setDocument(self.document)
        # QtPdf paints around the pages in the palette's Dark: a shade darker than the
        # window, so a white page stands out from it in either scheme.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, palette.color(QPalette.ColorRole.Mid))
        self.view.setPalette(palette)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Page Up / Down scroll it
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.XS)
        column.addWidget(self.header)
        column.addWidget(self.view, 1)
        self.pages = pages
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._summary = ""

    @property
    def page_count(self) -> int:
        """Pages of the document shown (0 before a preview)."""
        if self.stack.currentWidget() is not self.pages:
            return 0
        return self.document.pageCount()

    def show_pdf(self, data: bytes, summary: str) -> bool:
        """Show the pages of ``data``; ``summary`` ("3 pages, A4") heads them. False when
        QtPdf cannot read the bytes (then the empty state says so)."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # a buffer is read at once (it is not sequential)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it as long as it is shown
        if self.document.status() != QPdfDocument.Status.Ready or not self.document.pageCount():
            self.show_empty(
                self.tr("The preview cannot be shown"),
                self.tr("The pages were made but could not be displayed. Save still works."),
            )
            return False
        self._summary = summary
        self.set_stale(False)
        self.stack.setCurrentWidget(self.pages)
        self.view.verticalScrollBar().setValue(0)
        return True

    def show_empty(self, title: str, body: str) -> None:
        self.empty.set_text(title, body)
        self.stack.setCurrentWidget(self.empty)

    def set_stale(self, stale: bool) -> None:
        if stale:
            self.header.setText(
                self.tr("{summary}. The choices changed: press Preview to see them.").format(
                    summary=self._summary
                )
            )
            tint(self.header, "caution")
        else:
            self.header.setText(self._summary)
            untint(self.header)
