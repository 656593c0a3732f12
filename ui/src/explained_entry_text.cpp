#include "explained_entry_text.h"

#include "metric_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace recoscope::ui {

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
        return itemAndWhy(e.itemDescription,
                          QCoreApplication::translate(
                              "ExplainedEntry",
                              "(explanation not kept: this slate was served before you followed "
                              "the shopper)"));
    return itemAndWhy(e.itemDescription, e.explanation);
}

} // namespace recoscope::ui
