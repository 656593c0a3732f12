#include "recoscope/ui/inventory_window.h"

#include "recoscope/sim/inventory_report.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace recoscope::ui {

namespace {

constexpr int kFollowMs = 5000; // a replay of a small run takes about a second

QString number(const QJsonValue& v, int decimals) {
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("–");
}

QString percent(const QJsonValue& v) {
    return v.isDouble() ? QStringLiteral("%1 %").arg(100.0 * v.toDouble(), 0, 'f', 1)
                        : QStringLiteral("–");
}

// The scenario's own horizon when it has one: the default of the spin box.
double scenarioHorizon(const QString& dbPath, qint64 runId) {
    auto store = sim::RunStore::open(dbPath, sim::RunStore::Mode::ReadOnly);
    if (!store)
        return 0.0;
    auto run = store.value()->run(runId);
    if (!run)
        return 0.0;
    auto s = sim::parseScenario(run.value().scenarioJson, dbPath);
    return s ? s.value().inventory.horizonDays : 0.0;
}

} // namespace

InventoryWindow::InventoryWindow(const QString& dbPath, qint64 runId, QWidget* parent)
    : QWidget(parent, Qt::Window), m_dbPath(dbPath), m_runId(runId) {
    setObjectName(QStringLiteral("inventoryWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_horizonLabel = new QLabel(this);
    m_horizon = new QDoubleSpinBox(this);
    m_horizon->setObjectName(QStringLiteral("inventoryHorizon"));
    m_horizon->setRange(0.5, 60.0);
    m_horizon->setSingleStep(0.5);
    m_horizon->setDecimals(1);
    const double h = scenarioHorizon(dbPath, runId);
    m_horizon->setValue(h > 0.0 ? h : 3.0);
    m_score = new QPushButton(this);
    m_follow = new QCheckBox(this);
    m_followTimer = new QTimer(this);
    m_followTimer->setInterval(kFollowMs);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_figures = new QLabel(this);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setMinimumHeight(m_figures->fontMetrics().lineSpacing() * 4);
    m_figures->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("inventoryTable"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_horizonLabel);
    bar->addWidget(m_horizon);
    bar->addWidget(m_score);
    bar->addWidget(m_follow);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_figures);
    layout->addWidget(m_table, 1);
    connect(m_score, &QPushButton::clicked, this, [this] { startScoring(); });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_followTimer->start();
            startScoring();
        } else {
            m_followTimer->stop();
        }
    });
    connect(m_followTimer, &QTimer::timeout, this, [this] { startScoring(); });
    retranslateUi();
    resize(820, 620);
}

InventoryWindow::~InventoryWindow() {
    stop();
}

void InventoryWindow::stop() {
    m_task.stop();
}

QString InventoryWindow::statusText() const {
    return m_status->text();
}

QString InventoryWindow::figuresText() const {
    return m_figures->text();
}

bool InventoryWindow::startScoring() {
    if (m_task.running())
        return false;
    m_score->setEnabled(false);
    const double horizon = m_horizon->value();
    m_status->setText(tr("Replaying run %1 with a %2-day horizon…").arg(m_runId).arg(horizon));
    const QString path = m_dbPath;
    const qint64 runId = m_runId;
    // The replay regenerates the shop and reads every event: a thread of the window's own
    // with its own read-only connection (one SQLite connection per thread).
    m_task.start<core::Result<QJsonObject>>(
        this,
        [path, runId, horizon](const std::atomic<bool>* cancel) {
            auto store = sim::RunStore::open(path, sim::RunStore::Mode::ReadOnly);
            return store ? sim::storedInventoryJson(*store.value(), runId, horizon, cancel)
                         : core::Result<QJsonObject>(core::Error{store.error()});
        },
        [this](core::Result<QJsonObject> r) {
            m_score->setEnabled(true);
            if (r)
                showResult(r.value());
            else
                m_status->setText(tr("Scoring failed: %1").arg(QString::fromStdString(r.error())));
            emit scoringFinished(static_cast<bool>(r));
        });
    return true;
}

void InventoryWindow::showResult(const QJsonObject& inv) {
    m_last = inv;
    auto v = [&](const char* k) { return inv.value(QLatin1String(k)); };
    if (v("stock_unlimited").toBool()) {
        m_status->setText(tr("Run %1: stock is unlimited in its scenario (catalogue.stock_mean "
                             "0), so nothing sells out and nothing is warned.")
                              .arg(m_runId));
        m_figures->clear();
        m_table->setRowCount(0);
        return;
    }
    m_status->setText(tr("Run %1: %2 days closed, horizon %3 days, smoothing %4.")
                          .arg(m_runId)
                          .arg(v("days_closed").toInt())
                          .arg(number(v("horizon_days"), 1), number(v("smoothing"), 2)));
    m_figures->setText(
        tr("Precision %1: %2 of %3 sell-out warnings were followed by a stock-out within the "
           "horizon.\nRecall %4: %5 of %6 sell-outs were warned beforehand, on average %7 days "
           "ahead.\nLost sales %8 (a shopper's first choice sold out, or a cart line sold out "
           "at checkout); overstocked items %9 at the last close.")
            .arg(percent(v("precision")), number(v("warnings_confirmed"), 0),
                 number(v("warnings"), 0), percent(v("recall")), number(v("sell_outs_warned"), 0),
                 number(v("sell_outs"), 0), number(v("mean_lead_days"), 2),
                 number(v("lost_sales"), 0), number(v("overstocked_items"), 0)));
    const QJsonArray items = v("items").toArray();
    m_table->setRowCount(static_cast<int>(items.size()));
    for (qsizetype r = 0; r < items.size(); ++r) {
        const QJsonObject o = items.at(r).toObject();
        const QStringList cells{number(o.value(QStringLiteral("item")), 0),
                                number(o.value(QStringLiteral("first_warning_day")), 2),
                                number(o.value(QStringLiteral("warnings")), 0),
                                number(o.value(QStringLiteral("forecast_per_day")), 2),
                                number(o.value(QStringLiteral("stock")), 0),
                                number(o.value(QStringLiteral("stock_out_day")), 2),
                                number(o.value(QStringLiteral("lead_days")), 2)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(static_cast<int>(r), c, cell);
        }
    }
    m_table->resizeColumnsToContents();
}

void InventoryWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void InventoryWindow::retranslateUi() {
    setWindowTitle(tr("Inventory warnings: run %1").arg(m_runId));
    m_horizonLabel->setText(tr("Horizon (days):"));
    m_horizon->setToolTip(tr("Warn about an item when its stock covers at most this many days "
                             "of forecast sales."));
    m_score->setText(tr("Score warnings"));
    m_follow->setText(tr("Follow the run"));
    m_follow->setToolTip(tr("Score again every few seconds while the run is going."));
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("First warning (day)"), tr("Days warned"),
                                        tr("Forecast / day"), tr("Stock then"),
                                        tr("Stock-out (day)"), tr("Lead (days)")});
    if (!m_last.isEmpty())
        showResult(m_last);
    else if (!m_task.running())
        m_status->setText(tr("Forecasts each item's daily sales from the run's purchases, warns "
                             "when the stock covers no more than the horizon and scores the "
                             "warnings against the stock-outs that happened."));
}

} // namespace recoscope::ui
