#include "python_core_dialog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStringList>

namespace recoscope::ui {

namespace {

// Top-level `class Name` lines: a guess at what the file offers, good enough for a picker
// (the loader reports a wrong choice with Python's own message).
QStringList classesIn(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    static const QRegularExpression re(QStringLiteral("^class\\s+([A-Za-z_][A-Za-z0-9_]*)"),
                                       QRegularExpression::MultilineOption);
    QStringList names;
    auto it = re.globalMatch(QString::fromUtf8(f.readAll()));
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

} // namespace

QString pickPythonCoreSpec(QWidget* parent) {
    const QString path = QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("PythonCoreDialog", "Add Python core"), QString(),
        QCoreApplication::translate("PythonCoreDialog", "Python files (*.py)"));
    if (path.isEmpty())
        return {};
    const QStringList names = classesIn(path);
    if (names.isEmpty()) {
        QMessageBox::warning(
            parent, QCoreApplication::translate("PythonCoreDialog", "Add Python core"),
            QCoreApplication::translate("PythonCoreDialog",
                                        "%1 defines no class. A Python core is a class with a "
                                        "recommend(request) method.")
                .arg(path));
        return {};
    }
    QString name = names.front();
    if (names.size() > 1) {
        bool ok = false;
        name = QInputDialog::getItem(
            parent, QCoreApplication::translate("PythonCoreDialog", "Add Python core"),
            QCoreApplication::translate("PythonCoreDialog", "Class to run as a core:"), names, 0,
            false, &ok);
        if (!ok)
            return {};
    }
    return QStringLiteral("py:%1:%2").arg(path, name);
}

void showPythonCoreError(QWidget* parent, const QString& error) {
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("PythonCoreDialog", "Python core not loaded"),
                    error.section(QLatin1Char('\n'), 0, 0), QMessageBox::Ok, parent);
    box.setDetailedText(error);
    box.exec();
}

} // namespace recoscope::ui
