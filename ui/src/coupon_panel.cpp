#include "recoscope/ui/coupon_panel.h"

#include "recoscope/ui/metric_series_store.h"
#include "table_cells.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace recoscope::ui {

namespace {

// A figure of the block: a path of keys ("orders/incremental") and its decimals.
struct Row {
    const char* key;
    const char* label;
    int decimals;
};

const Row kRows[] = {
    {"policy", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Policy"), -1},
    {"lines", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Checkout lines decided"), 0},
    {"issued", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Coupons issued"), 0},
    {"redeemed", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Coupons redeemed"), 0},
    {"over_budget", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Refused by the budget"), 0},
    {"orders/incremental",
     QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Extra orders (same dice)"), 0},
    {"expected_incremental_orders",
     QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Expected extra orders (true uplift)"), 1},
    {"revenue/incremental", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Extra revenue"), 2},
    {"margin_after_discount/incremental",
     QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Extra margin after discount"), 2},
    {"discount_spent", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Discount spent"), 2},
    {"cost_per_extra_order",
     QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Cost per extra order"), 2},
    {"uplift_model/qini", QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Uplift model: Qini"), 3},
    {"uplift_model/spearman",
     QT_TRANSLATE_NOOP("recoscope::ui::CouponPanel", "Uplift model: rank correlation"), 3},
};

QJsonValue at(const QJsonObject& block, const QString& path) {
    const QStringList parts = path.split(QLatin1Char('/'));
    QJsonValue v = block.value(parts.first());
    for (qsizetype i = 1; i < parts.size(); ++i)
        v = v.toObject().value(parts[i]);
    return v;
}

} // namespace

CouponPanel::CouponPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("couponPanel"));
    auto* layout = new QVBoxLayout(this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("couponTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setRowCount(static_cast<int>(std::size(kRows)));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    retranslateUi();
}

QStringList CouponPanel::rowKeys() {
    QStringList keys;
    for (const Row& r : kRows)
        keys << QString::fromLatin1(r.key);
    return keys;
}

QString CouponPanel::cellText(const QJsonObject& coupons, const QString& key) {
    const QString dash = QStringLiteral("\u2013");
    if (key == QLatin1String("policy")) {
        const QString p = coupons.value(QStringLiteral("policy")).toString(QStringLiteral("none"));
        return QCoreApplication::translate("ScenarioChoice", p.toUtf8().constData());
    }
    const QJsonValue v = at(coupons, key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return dash;
    int decimals = 0;
    for (const Row& r : kRows)
        if (key == QLatin1String(r.key))
            decimals = r.decimals;
    return QLocale().toString(v.toDouble(), 'f', decimals);
}

void CouponPanel::showStore(const MetricSeriesStore& store) {
    m_blocks.clear();
    QStringList labels;
    for (int c = 0; c < store.coreCount(); ++c) {
        m_blocks.push_back(store.core(c).coupons);
        labels << store.core(c).label;
    }
    m_table->setColumnCount(static_cast<int>(m_blocks.size()));
    cells::setHeaderLabels(m_table, Qt::Horizontal, labels);
    const QStringList keys = rowKeys();
    cells::updateCells(m_table, [&] {
        for (int c = 0; c < static_cast<int>(m_blocks.size()); ++c)
            for (int r = 0; r < keys.size(); ++r)
                cells::setCell(m_table, r, c, cellText(m_blocks[std::size_t(c)], keys[r]));
    });
}

void CouponPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CouponPanel::retranslateUi() {
    m_note->setText(
        tr("Coupons at checkout, per core (the scenario's Coupons group sets the policy, the "
           "discount and the daily budget). Extra orders, revenue and margin compare the lines "
           "that got a coupon with what the same shoppers and the same dice give without it; "
           "the uplift model is scored against the simulator's true uplift, which a real shop "
           "never knows."));
    QStringList rows;
    for (const Row& r : kRows)
        rows << tr(r.label);
    m_table->setVerticalHeaderLabels(rows);
    for (int c = 0; c < static_cast<int>(m_blocks.size()); ++c)
        if (QTableWidgetItem* item = m_table->item(0, c))
            item->setText(cellText(m_blocks[std::size_t(c)], QStringLiteral("policy")));
}

} // namespace recoscope::ui
