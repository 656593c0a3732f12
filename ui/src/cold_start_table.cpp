#include "cold_start_table.h"

#include "recoscope/sim/onboarding_report.h"
#include "recoscope/ui/metric_series_store.h"

#include "table_cells.h"

#include <QLocale>
#include <QTableWidget>

namespace recoscope::ui {

using namespace cells;

namespace {
// decisions/0031: "3", `moreThan` (not reached within 10 sessions), or "–" (no such
// newcomers, or a run stored before the block existed).
QString sessionsText(const QJsonObject& block, const QString& group, const QString& moreThan) {
    const int n = sim::onboardingSessionsToParity(block, group);
    if (n < 0)
        return QStringLiteral("–");
    return n > 0 ? QLocale().toString(n) : moreThan;
}
} // namespace

QString ColdStartTable::toolTip() {
    return tr("New users: in their first two visits. New items: launched less than 24 "
              "simulated hours ago (the opening catalogue counts as established). Sessions to "
              "catch up: the first session, counted from joining, in which shoppers who joined "
              "during the run click at the established shoppers' rate (within the 95 % margin; "
              "docs/metrics.md), for those who answered the signup questionnaire and those who "
              "did not.");
}

void ColdStartTable::fill(QTableWidget* table, const MetricSeriesStore& store,
                          const QStringList& rowNames) {
    const QStringList coldRows = {tr("CTR, new users"),
                                  tr("CTR, established users"),
                                  tr("CTR, new items"),
                                  tr("CTR, established items"),
                                  tr("Items launched during the run"),
                                  tr("… shown at least once"),
                                  tr("… bought at least once"),
                                  tr("Mean hours from launch to first impression"),
                                  tr("Mean hours from launch to first purchase"),
                                  tr("Sessions to catch up, newcomers who answered"),
                                  tr("Sessions to catch up, newcomers who did not answer")};
    table->setRowCount(static_cast<int>(coldRows.size()));
    table->setColumnCount(store.coreCount());
    setHeaderLabels(table, Qt::Vertical, coldRows);
    setHeaderLabels(table, Qt::Horizontal, rowNames);
    updateCells(table, [&] { fillCores(table, store, coldRows.size()); });
}

void ColdStartTable::fillCores(QTableWidget* table, const MetricSeriesStore& store,
                               qsizetype rows) {
    const QString moreThan = tr("more than %1").arg(QLocale().toString(10));
    auto rate = [](std::uint64_t a, std::uint64_t b) {
        return b ? pct(static_cast<double>(a) / static_cast<double>(b)) : QStringLiteral("–");
    };
    for (int c = 0; c < store.coreCount(); ++c) {
        const CoreSeries& s = store.core(c);
        const sim::ColdStartStats& k = s.coldStart;
        QStringList v;
        if (s.hasColdStart)
            v = {rate(k.newUserClicks, k.newUserImpressions),
                 rate(k.oldUserClicks, k.oldUserImpressions),
                 rate(k.newItemClicks, k.newItemImpressions),
                 rate(k.oldItemClicks, k.oldItemImpressions),
                 num(k.launchedItems),
                 num(k.launchedWithImpression),
                 num(k.launchedWithPurchase),
                 k.launchedWithImpression ? QLocale().toString(k.meanHoursToFirstImpression, 'f', 1)
                                          : QStringLiteral("–"),
                 k.launchedWithPurchase ? QLocale().toString(k.meanHoursToFirstPurchase, 'f', 1)
                                        : QStringLiteral("–"),
                 sessionsText(s.onboarding, QStringLiteral("answered"), moreThan),
                 sessionsText(s.onboarding, QStringLiteral("silent"), moreThan)};
        else
            for (qsizetype i = 0; i < rows; ++i)
                v << tr("not stored");
        for (int i = 0; i < v.size(); ++i)
            setCell(table, i, c, v[i], coreColor(store, c));
    }
}

} // namespace recoscope::ui
