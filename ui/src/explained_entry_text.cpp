#include "explained_entry_text.h"

#include "metric_text.h"
#include "recoscope/ui/explanation_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace recoscope::ui {

namespace {

// Empty for an item the shop does not know (no description was kept), as before.
QString entryItemText(const sim::ExplainedEntry& e) {
    return e.itemDescription.isEmpty() ? QString() : itemLabel(e.item, e.itemCategory);
}

} // namespace

QString entryScoreText(const sim::ExplainedEntry& e) {
    if (e.placeholder)
        return QStringLiteral("–");
    if (!e.scoreText.isEmpty())
        return e.scoreText;
    return QLocale().toString(e.score, 'g', 4);
}

QString entryScoreTip(const sim::ExplainedEntry& e) {
    if (e.placeholder)
        return QCoreApplication::translate(
                   "ExplainedEntry",
                   "No score of its own: this item fills the slate (or was picked at random); "
                   "its internal score %1 only keeps the order.")
            .arg(QLocale().toString(e.score, 'g', 4));
    if (e.explanation.isEmpty())
        return QCoreApplication::translate("ExplainedEntry",
                                           "The core's score when the slate was served.");
    return QCoreApplication::translate(
        "ExplainedEntry",
        "The core's score when the slate was served, as its explanation prints it.");
}

QString entryWhyText(const sim::ExplainedEntry& e) {
    if (e.explanation.isEmpty())
        return itemAndWhy(entryItemText(e),
                          QCoreApplication::translate(
                              "ExplainedEntry",
                              "(explanation not kept: this slate was served before you followed "
                              "the shopper)"));
    return itemAndWhy(entryItemText(e), explanationText(e.why));
}

QString entryWhyTip(const sim::ExplainedEntry& e) {
    return e.explanation.isEmpty() ? QString() : explanationText(e.why);
}

} // namespace recoscope::ui
