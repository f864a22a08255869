"""A combo's choices as one list model: what QComboBox asks of it (text, data, findData)
answers as with its own items, a refill keeps the chosen one while it is offered, and the
combo is sized from the longest text rather than by measuring every row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QComboBox, QListView
from pytestqt.qtbot import QtBot

from mentordesk.ui.common.choice_list import LONGEST_SHOWN, ChoiceList, refill, use_choice_list

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_a_combo_reads_text_and_data_and_finds_by_data(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    choices = use_choice_list(combo, [("All mentors", None), ("Amara", 3), ("Bea", 7)])
    QAbstractItemModelTester(choices, FATAL)
    walked: list[int] = []
    real_match = QAbstractListModel.match

    def walking(*args: object) -> object:
        walked.append(1)
        return real_match(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(QAbstractListModel, "match", walking)  # the row-by-row search
    assert [combo.itemText(i) for i in range(combo.count())] == ["All mentors", "Amara", "Bea"]
    assert combo.findData(7) == 2 and combo.findData(None) == 0 and combo.findData(99) == -1
    assert combo.findData([1]) == -1  # not hashable: offered by no choice
    assert walked == []  # findData took the dict, not a walk through every row
    combo.setCurrentIndex(1)
    assert combo.currentData() == 3 and combo.currentText() == "Amara"


def test_a_refill_keeps_the_choice_while_it_is_offered(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    use_choice_list(combo, [("All mentors", None), ("Amara", 3), ("Bea", 7)])
    combo.setCurrentIndex(combo.findData(7))
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    assert not refill(combo, [("Bea", 7), ("Cyd", 9)])  # still offered: still chosen
    assert combo.currentData() == 7 and combo.itemText(0) == "All mentors"
    assert refill(combo, [("Cyd", 9)])  # gone: back to "all"
    assert combo.currentData() is None
    assert changes == []  # signals held while refilled


def test_the_combo_is_as_wide_as_its_longest_text_up_to_a_limit(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    use_choice_list(combo, [("All", None), ("Bea", 7)])
    assert combo.minimumContentsLength() == 4
    refill(combo, [("Maximiliane Oyelaran-Featherstonehaugh", 1)])
    assert combo.minimumContentsLength() == LONGEST_SHOWN
    widest, longest = "Advance on my current path", "i" * 32
    refill(combo, [(widest, 1), (longest, 2)])
    sized = combo.sizeHint().width()
    measured = QComboBox()
    qtbot.addWidget(measured)
    measured.addItems([widest, longest])
    measured.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    x = combo.fontMetrics().horizontalAdvance("X")
    assert 0 <= measured.sizeHint().width() - sized <= x  # as Qt measuring every row, or a
    # little narrower (never wider: a row of filters must fit where it fitted)
    assert (
        combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )


def test_the_popup_never_measures_every_row(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    use_choice_list(combo, [("All", None), *((f"Person {n}", n) for n in range(2_400))])
    view = combo.view()
    assert isinstance(view, QListView) and view.uniformItemSizes()


def test_many_choices_are_one_reset(qtbot: QtBot) -> None:
    choices = ChoiceList([("All", None)])
    resets: list[int] = []
    inserts: list[int] = []
    choices.modelReset.connect(lambda: resets.append(1))
    choices.rowsInserted.connect(lambda *_: inserts.append(1))
    choices.set_items([(f"Person {n}", n) for n in range(2_400)])
    assert (len(resets), len(inserts), choices.rowCount()) == (1, 0, 2_400)
    assert choices.longest() == len("Person 2399")
