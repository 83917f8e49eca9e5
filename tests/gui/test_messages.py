"""The core's errors in the Chinese interface: every kind worded through tr(), nowhere English or HTML entities."""

from __future__ import annotations

import contextlib
import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QMimeDatabase, Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from reader.config import resources_dir
from reader.core.errors import ErrorKind, IndexNotReady, LibraryBusy, QuerySyntaxError, RejectedFile
from reader.core.library.library import ImportReport
from reader.core.search.query import parse_query
from reader.gui.app import install_translator
from reader.gui.dialogs import CorrectionDialog
from reader.gui.import_report import ImportReportDialog
from reader.gui.messages import ErrorWording, describe
from reader.gui.workers import Job
from tests.conftest import SEED_FILES
from tests.core.test_errors import kinds_raised_by_the_core
from tests.gui.conftest import import_and_wait

QM = resources_dir() / "translations" / "reader_zh_CN.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDERS = re.compile(r"%[1-9]")
#: Values with every character HTML would escape, as a file name or a query may hold them.
AWKWARD = 'A&B "引号" <b>'


@contextlib.contextmanager
def chinese():
    """The reader's Chinese translation installed for the duration."""
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def _values(kind: ErrorKind) -> dict[str, str]:
    """Values for every placeholder a kind's wording takes."""
    names = ErrorWording().wordings()[kind][1]
    values = {name: AWKWARD for name in names}
    if kind == ErrorKind.NOT_CORRECTABLE:
        values["allowed"] = "publication, date, page"
    return values


def test_every_kind_the_core_raises_has_a_wording_translated_into_chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    wording = ErrorWording()
    for kind in sorted(kinds_raised_by_the_core() | set(ErrorKind)):
        source = wording.template(kind)  # no translator installed: the tr() source
        chinese_text = translator.translate("ErrorWording", source)
        assert chinese_text and chinese_text != source and CJK.search(chinese_text), kind
        assert sorted(PLACEHOLDERS.findall(chinese_text)) == sorted(PLACEHOLDERS.findall(source)), kind


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_message_holds_html_entities_and_values_show_as_given(qapp, language):
    with chinese() if language == "zh_CN" else contextlib.nullcontext():
        for kind in ErrorKind:
            values = _values(kind)
            text = describe(kind, values)
            assert "&quot;" not in text and "&amp;" not in text and "&lt;" not in text, (kind, text)
            if "key" not in values and "allowed" not in values and values:
                assert AWKWARD in text, (kind, text)
            assert (CJK.search(text.replace(AWKWARD, "")) is not None) == (language == "zh_CN"), (kind, text)


def test_an_error_of_the_core_is_worded_by_its_kind_and_values(qapp):
    with chinese():
        assert describe(IndexNotReady()) == "资料库还没有最新的检索索引：请导入报纸，或重建索引（文件 → 重建索引）"
        assert describe(LibraryBusy("/数据/图书馆")).startswith("另一个阅览程序正在修改 /数据/图书馆 中的资料库")
        assert describe(ErrorKind.EMPTY_CORRECTION, {"key": "page"}).startswith("版次不能为空")
        assert describe(ErrorKind.NOT_CORRECTABLE, {"key": "kind", "allowed": "publication, date, page"}) == (
            "“kind”不能更正；只能更正报刊名称、日期、版次"
        )
        # A value that looks like a placeholder stays as it is.
        assert describe(ErrorKind.QUERY_NO_SUCH_MONTH, {"value": "%1-%2"}) == "“%1-%2”中的月份不存在"
        assert describe(ZeroDivisionError("division by zero")) == "发生了意外错误：ZeroDivisionError: division by zero"
    assert describe(LibraryBusy("/数据")) == str(LibraryBusy("/数据"))  # in English, the core's sentence


def test_a_job_hands_the_error_itself_to_the_gui_thread(qtbot):
    job = Job(lambda _job: parse_query("title:"))
    with qtbot.waitSignal(job.signals.failed, timeout=10000) as blocker:
        QThreadPool.globalInstance().start(job)
    error = blocker.args[0]
    assert isinstance(error, QuerySyntaxError) and error.kind == ErrorKind.QUERY_EMPTY_FIELD
    assert error.values == {"field": "title"} and error.__traceback__ is None


def test_a_binary_files_rejection_is_reported_in_chinese(qtbot, window, tmp_path):
    binary = tmp_path / "扫描件.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with chinese():
        import_and_wait(qtbot, window, [str(binary)])
        table = window.imports.report_dialog.table
        assert (table.item(0, 1).text(), table.item(0, 2).text()) == ("被拒绝", "这是二进制文件，不是文本文件")
        assert "这是二进制文件，不是文本文件" in window.imports.report_dialog.plain_text()


def test_every_rejection_reason_shows_chinese_in_the_report(qtbot):
    rejected = [RejectedFile(f"/收件/{kind}.txt", kind, **_values(kind)) for kind in ErrorKind]
    with chinese():
        dialog = ImportReportDialog(ImportReport(rejected=rejected), lambda _id: None)
        qtbot.addWidget(dialog)
        reasons = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert len(reasons) == len(ErrorKind) and all(CJK.search(reason) for reason in reasons)


@pytest.mark.parametrize(
    ("query", "dates", "expected"),
    [
        ("title:", "", "“title:”的冒号后面要写上查找的内容"),
        ("核酸", "2021-13", "“2021-13”中的月份不存在"),
        ("核酸", "昨天", "“昨天”不是日期：请写成 2021、2021-11 或 2021-11-09"),
        ('作者:"张三"', "", "没有“作者:”这种限定；请用 title:（标题）、date:（日期）或 publication:（报纸）"),
    ],
)
def test_a_bad_query_is_explained_in_chinese(qtbot, window, query, dates, expected):
    with chinese():
        window.results.dates.setText(dates)
        window.search_box.setText(query)
        window.run_search()
        assert window.results.summary.text() == expected


def test_a_query_error_shows_what_was_typed_without_entities(qtbot, window):
    window.search_box.setText('date:2021-"13')
    window.run_search()
    assert window.results.summary.text() == '“2021-"13” is not a date: write 2021, 2021-11 or 2021-11-09'


def test_a_bad_corrected_date_is_explained_in_chinese(qtbot, window, _no_modal_boxes):
    import_and_wait(qtbot, window, [str(SEED_FILES[0])])
    record = window.library.records()[0]
    with chinese():
        dialog = CorrectionDialog(record, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.fields["date"].setText('2021-13 "<b>"')
        dialog.accept()
        assert dialog.error.text() == '“2021-13 "<b>"”不是日期：请写成 2021-11-09，只知道月份时写成 2021-11。'
        assert dialog.error.textFormat() == Qt.TextFormat.PlainText
        # The library checks it again, and its error is worded the same way.
        window.corrections.apply(record.id, {"date": "去年"})
        qtbot.waitUntil(lambda: bool(_no_modal_boxes), timeout=30000)
    assert _no_modal_boxes[-1][2] == "“去年”不是日期：请写成 2021-11-09，只知道月份时写成 2021-11。"


def test_qt_file_dialogs_speak_chinese(qtbot):
    app = QApplication.instance()
    native_before = app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    locale_before = QLocale()
    installed = install_translator(app, "zh_CN")
    try:
        assert len(installed) == 2  # the reader's, and Qt's own qtbase_zh_CN
        # The system's own dialogs would speak the system's language: Qt's are used unless that is Chinese.
        system_speaks_chinese = QLocale.system().language() == QLocale.Language.Chinese
        assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) != system_speaks_chinese
        dialog = QFileDialog(None, "导入文件")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert len(labels) == 3 and all(CJK.search(text) for text in labels), labels
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        # Its Type column names file types in the interface's language, not the system's.
        assert QMimeDatabase().mimeTypeForName("text/plain").comment() == "纯文本文档"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(locale_before)
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, native_before)
