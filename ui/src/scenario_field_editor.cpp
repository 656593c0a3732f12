#include "scenario_field_editor.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
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
    const double lo = ScenarioFieldEditor::shownMin(f), hi = ScenarioFieldEditor::shownMax(f);
    const bool fitsInt = f.type == Type::Integer && lo >= std::numeric_limits<int>::min() &&
                         hi <= std::numeric_limits<int>::max();
    if (fitsInt) {
        auto* sb = new QSpinBox;
        sb->setRange(static_cast<int>(lo), static_cast<int>(hi));
        sb->setSuffix(unitSuffix(f));
        sb->setValue(static_cast<int>(value.toDouble()));
        QObject::connect(sb, &QSpinBox::valueChanged, sb, [edited](int x) { edited(x); });
        return sb;
    }
    // Reals, and whole numbers beyond int (the seed, up to 2^53): a double holds those
    // exactly, and 0 decimals keep them whole.
    auto* sb = new QDoubleSpinBox;
    sb->setDecimals(f.decimals);
    sb->setRange(lo, hi);
    sb->setSingleStep(std::min(1.0, 10.0 / scale(f)));
    sb->setSuffix(unitSuffix(f));
    sb->setValue(value.toDouble());
    QObject::connect(sb, &QDoubleSpinBox::valueChanged, sb, [edited](double x) { edited(x); });
    return sb;
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
                                     std::function<void(const QJsonValue&)> edited) {
    QWidget* editor = nullptr;
    switch (f.type) {
    case Type::Integer:
    case Type::Real:
        if (!f.write)
            return nullptr; // the format version: fixed, not a choice
        editor = numberEditor(f, value, edited);
        break;
    case Type::Choice: {
        auto* box = new QComboBox;
        box->addItems(f.choices);
        box->setCurrentIndex(std::max(0, static_cast<int>(f.choices.indexOf(value.toString()))));
        QObject::connect(box, &QComboBox::currentTextChanged, box,
                         [edited](const QString& s) { edited(s); });
        editor = box;
        break;
    }
    case Type::Weights: {
        QStringList parts;
        for (const QJsonValue& e : value.toArray())
            parts << QString::number(e.toDouble());
        auto* line = new QLineEdit(parts.join(QStringLiteral(", ")));
        QObject::connect(line, &QLineEdit::editingFinished, line, [line, edited] {
            QJsonArray out;
            for (const QString& p : line->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                out.append(p.trimmed().toDouble());
            edited(out);
        });
        editor = line;
        break;
    }
    case Type::List:
        editor = new QLabel(
            QCoreApplication::translate("ScenarioPanel", "%n entries (edit them in the JSON tab)",
                                        nullptr, static_cast<int>(value.toArray().size())));
        break;
    case Type::Text: // name and description: the preset list and the JSON tab show them
    case Type::Object:
        return nullptr;
    }
    editor->setObjectName(f.jsonPath());
    editor->setToolTip(toolTip(f));
    return editor;
}

} // namespace recoscope::ui
