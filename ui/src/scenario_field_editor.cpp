#include "scenario_field_editor.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace recoscope::ui {

namespace {

using Type = sim::ScenarioField::Type;

double scale(const sim::ScenarioField& f) {
    return std::pow(10.0, f.decimals);
}

QString unitSuffix(const sim::ScenarioField& f) {
    return *f.unit ? QLatin1Char(' ') + QCoreApplication::translate("ScenarioUnit", f.unit)
                   : QString();
}

QWidget* numberEditor(const sim::ScenarioField& f, const QJsonValue& value,
                      const std::function<void(const QJsonValue&)>& edited) {
    // A value outside the row's range (the file says 5 where 10 is the least) is shown as
    // it is, marked by the validator, rather than clamped by the spin box into a value the
    // file does not hold.
    const double x = value.toDouble();
    const double lo = std::min(ScenarioFieldEditor::shownMin(f), x);
    const double hi = std::max(ScenarioFieldEditor::shownMax(f), x);
    const bool fitsInt = f.type == Type::Integer && lo >= std::numeric_limits<int>::min() &&
                         hi <= std::numeric_limits<int>::max();
    if (fitsInt) {
        auto* sb = new QSpinBox;
        sb->setRange(static_cast<int>(lo), static_cast<int>(hi));
        sb->setSuffix(unitSuffix(f));
        sb->setValue(static_cast<int>(x));
        QObject::connect(sb, &QSpinBox::valueChanged, sb, [edited](int v) { edited(v); });
        return sb;
    }
    // Reals, and whole numbers beyond int (the seed, up to 2^53): a double holds those
    // exactly, and 0 decimals keep them whole.
    auto* sb = new QDoubleSpinBox;
    sb->setDecimals(f.decimals);
    sb->setRange(lo, hi);
    sb->setSingleStep(std::min(1.0, 10.0 / scale(f)));
    sb->setSuffix(unitSuffix(f));
    sb->setValue(x);
    QObject::connect(sb, &QDoubleSpinBox::valueChanged, sb, [edited](double v) { edited(v); });
    return sb;
}

// Whether `value` can be shown by the row's editor as it is.
bool fitsEditor(const sim::ScenarioField& f, const QJsonValue& value) {
    switch (f.type) {
    case Type::Integer:
    case Type::Real:
        return !f.write || value.isDouble();
    case Type::Choice:
        return value.isString() && f.choices.contains(value.toString());
    case Type::Weights:
        if (!value.isArray())
            return false;
        for (const QJsonValue& e : value.toArray())
            if (!e.isDouble())
                return false;
        return true;
    case Type::List:
    case Type::Text:
    case Type::Object:
        return true;
    }
    return true;
}

} // namespace

double ScenarioFieldEditor::shownMin(const sim::ScenarioField& f) {
    // Rounded inwards, so that every value the spin box offers is one the validator takes.
    const double s = scale(f);
    double v = std::ceil(f.range.min * s - 1e-9) / s;
    if (f.range.minOpen && v <= f.range.min)
        v += 1.0 / s;
    return v;
}

double ScenarioFieldEditor::shownMax(const sim::ScenarioField& f) {
    const double s = scale(f);
    double v = std::floor(f.range.max * s + 1e-9) / s;
    if (f.range.maxOpen && v >= f.range.max)
        v -= 1.0 / s;
    return v;
}

QString ScenarioFieldEditor::label(const sim::ScenarioField& f) {
    return QCoreApplication::translate("ScenarioField", f.label);
}

QString ScenarioFieldEditor::toolTip(const sim::ScenarioField& f) {
    QStringList lines{QCoreApplication::translate("ScenarioField", f.help)};
    if (f.numeric())
        lines << QCoreApplication::translate("ScenarioPanel", "Range: %1")
                     .arg(f.range.text(f.type == Type::Integer) + unitSuffix(f));
    lines << f.jsonPath();
    return lines.join(QLatin1Char('\n'));
}

QWidget* ScenarioFieldEditor::create(const sim::ScenarioField& f, const QJsonValue& value,
                                     std::function<void(const QJsonValue&)> edited,
                                     std::function<void(const QString&)> rejected) {
    QWidget* editor = nullptr;
    if (!fitsEditor(f, value)) {
        // A value of the wrong kind ("many" users, an unknown choice) cannot be shown by
        // a spin box or a choice box without turning it into some other value: show the
        // text as written; the validator's message says what is wrong.
        auto* raw = new QLabel(QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1)));
        raw->setObjectName(f.jsonPath());
        raw->setToolTip(toolTip(f));
        return raw;
    }
    switch (f.type) {
    case Type::Integer:
    case Type::Real:
        if (!f.write)
            return nullptr; // the format version: fixed, not a choice
        editor = numberEditor(f, value, edited);
        break;
    case Type::Choice: {
        // The item shows the choice in the current language ("ScenarioChoice" context); its
        // data is the value the file stores.
        auto* box = new QComboBox;
        for (const QString& c : f.choices)
            box->addItem(QCoreApplication::translate("ScenarioChoice", c.toUtf8().constData()), c);
        box->setCurrentIndex(std::max(0, static_cast<int>(f.choices.indexOf(value.toString()))));
        QObject::connect(box, &QComboBox::currentIndexChanged, box,
                         [box, edited](int i) { edited(box->itemData(i).toString()); });
        editor = box;
        break;
    }
    case Type::Weights: {
        QStringList parts;
        for (const QJsonValue& e : value.toArray())
            parts << QString::number(e.toDouble());
        auto* line = new QLineEdit(parts.join(QStringLiteral(", ")));
        QObject::connect(line, &QLineEdit::editingFinished, line, [line, edited, rejected] {
            // Every entry must read as a number: "abc" is refused here, never stored as 0.
            // Ranges and counts are the validator's (it marks the editor like any other).
            QJsonArray out;
            const QStringList entries = line->text().split(QLatin1Char(','));
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QString entry = entries[i].trimmed();
                bool ok = false;
                const double x = QLocale::c().toDouble(entry, &ok);
                if (!ok || !std::isfinite(x)) {
                    rejected(QCoreApplication::translate("ScenarioPanel",
                                                         "Entry %1 of %2, \"%3\", is not a number.")
                                 .arg(i + 1)
                                 .arg(entries.size())
                                 .arg(entry));
                    return;
                }
                out.append(x);
            }
            edited(out);
        });
        editor = line;
        break;
    }
    case Type::List: {
        // A named count: lupdate (Qt 6.4) skips a translate() whose count is a static_cast.
        const int entries = static_cast<int>(value.toArray().size());
        editor = new QLabel(QCoreApplication::translate(
            "ScenarioPanel", "%n entries (edit them in the JSON tab)", nullptr, entries));
        break;
    }
    case Type::Text: {
        // Name and description: the preset list and the JSON tab show them. Text inside an
        // object (a core per surface) is edited here; the validator checks it.
        if (f.parent().isEmpty())
            return nullptr;
        auto* line = new QLineEdit(value.toString());
        line->setPlaceholderText(
            QCoreApplication::translate("ScenarioPanel", "the run's main core"));
        QObject::connect(line, &QLineEdit::editingFinished, line,
                         [line, edited] { edited(line->text().simplified()); });
        editor = line;
        break;
    }
    case Type::Object:
        return nullptr;
    }
    editor->setObjectName(f.jsonPath());
    editor->setToolTip(toolTip(f));
    return editor;
}

} // namespace recoscope::ui
