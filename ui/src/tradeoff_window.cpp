#include "recoscope/ui/tradeoff_window.h"

#include "recoscope/ui/table_actions.h"

#include "recoscope/sim/sweep_tradeoffs.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/tradeoff_chart_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace recoscope::ui {

namespace {
enum Column {
    Front,
    Params,
    Seeds,
    Ctr,
    Coverage,
    TailShare,
    GroupGap,
    Revenue,
    Runs,
    ColumnCount
};
constexpr int kRunRole = Qt::UserRole + 1;
} // namespace

TradeoffWindow::TradeoffWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("tradeoffWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_chart = TradeoffChartView::create(splitter);
    m_chart->setMinimumHeight(360);
    m_table = new QTableWidget(0, ColumnCount, splitter);
    TableActions::install(m_table);
    m_table->setObjectName(QStringLiteral("tradeoffTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The chart is the point of the window; the table needs a few rows at most.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({560, 200});
    m_verticalLabel = new QLabel(this);
    m_vertical = new QComboBox(this);
    m_vertical->setObjectName(QStringLiteral("tradeoffVertical"));
    m_verticalLabel->setBuddy(m_vertical);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("tradeoffGapNote"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("tradeoffBusy"));
    m_busy->setRange(0, 0); // no known end: a busy indicator
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyLabel->hide();
    auto* choice = new QHBoxLayout;
    choice->addWidget(m_verticalLabel);
    choice->addWidget(m_vertical);
    choice->addStretch(1);
    choice->addWidget(m_busyLabel);
    choice->addWidget(m_busy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(choice);
    layout->addWidget(splitter);
    connect(m_vertical, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_chart->setVertical(index == 2   ? TradeoffChartView::Vertical::GroupCtrGap
                             : index == 1 ? TradeoffChartView::Vertical::TailShare
                                          : TradeoffChartView::Vertical::Coverage);
    });
    connect(m_chart, &TradeoffChartView::runClicked, this, [this](qint64 runId) {
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (m_table->item(row, Front)->data(kRunRole).toLongLong() == runId)
                m_table->selectRow(row);
        emit runChosen(runId);
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        emit runChosen(m_table->item(row, Front)->data(kRunRole).toLongLong());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        emit runOpened(m_table->item(row, Front)->data(kRunRole).toLongLong());
    });
    retranslateUi();
    resize(960, 780);
}

TradeoffWindow::~TradeoffWindow() {
    m_gaps.stop();
}

void TradeoffWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TradeoffWindow::retranslateUi() {
    m_table->setHorizontalHeaderLabels({tr("Pareto"), tr("Parameters"), tr("Seeds"), tr("CTR"),
                                        tr("Coverage"), tr("Long-tail share"), tr("Group CTR gap"),
                                        tr("Revenue"), tr("Runs")});
    m_verticalLabel->setText(tr("&Vertical axis:"));
    const QSignalBlocker block(m_vertical);
    const int current = std::max(m_vertical->currentIndex(), 0);
    m_vertical->clear();
    m_vertical->addItems({tr("Catalogue coverage"), tr("Long-tail share of impressions"),
                          tr("CTR gap between shopper groups")});
    m_vertical->setCurrentIndex(current);
    setWindowTitle(tr("Trade-offs of sweep %1").arg(m_sweepId));
    if (m_gaps.running())
        m_busyLabel->setText(tr("Measuring the CTR gaps between shopper groups…"));
    else if (!m_gapError.isEmpty())
        m_busyLabel->setText(tr("Some group CTR gaps are unknown: %1").arg(m_gapError));
    m_busyLabel->setVisible(m_gaps.running() || !m_gapError.isEmpty());
    m_busy->setVisible(m_gaps.running());
}

QString TradeoffWindow::load(const RunHistoryModel& model, const QString& sweepId) {
    QList<sim::RunRecord> records;
    for (int row = 0; row < model.rowCount(); ++row)
        if (const sim::RunRecord* r = model.record(row))
            records.append(*r);
    // The history lists newest first; the sweep's order is the runs' id order.
    std::sort(records.begin(), records.end(),
              [](const sim::RunRecord& a, const sim::RunRecord& b) { return a.id < b.id; });
    std::vector<sim::SweepTradeoffs> sweeps = sim::SweepTradeoffs::fromRuns(records, QString());
    const auto sweep = std::find_if(sweeps.begin(), sweeps.end(),
                                    [&](const auto& s) { return s.sweepId == sweepId; });
    if (sweep == sweeps.end())
        return tr("No finished runs of sweep %1 in this store.").arg(sweepId);
    m_gaps.stop();
    m_sweepId = sweepId;
    m_gapError.clear();
    showSweep(*sweep);
    // The group CTR gaps read each run's slate log and regenerate its population once per
    // seed (a second or more for a large shop): on a thread with its own read-only
    // connection, the window usable meanwhile. Unknown ('–') when it fails.
    if (model.store()) {
        struct Measured {
            sim::SweepTradeoffs sweep;
            QString error;
        };
        m_gaps.start<Measured>(
            this,
            [path = model.store()->path(), copy = *sweep](const std::atomic<bool>*) mutable {
                Measured out{std::move(copy), QString()};
                auto store = sim::RunStore::open(path, sim::RunStore::Mode::ReadOnly);
                core::Status st = store ? out.sweep.measureGroupGaps(store.value().get())
                                        : core::Error{store.error()};
                if (!st)
                    out.error = QString::fromStdString(st.error());
                return out;
            },
            [this](Measured m) {
                m_gapError = m.error;
                showSweep(m.sweep);
                retranslateUi();
                emit groupGapsMeasured();
            });
    }
    retranslateUi();
    return {};
}

void TradeoffWindow::showSweep(const sim::SweepTradeoffs& sweep) {
    QList<TradeoffMark> marks;
    m_table->setRowCount(static_cast<int>(sweep.points.size()));
    int row = 0;
    for (const sim::TradeoffPoint& p : sweep.points) {
        const qint64 runId = p.runs.front().runId;
        marks.append({p.ctr, p.coverage, p.tailShare, p.revenue, p.pareto, runId, p.paramsText,
                      p.groupCtrGap});
        QStringList runs;
        for (const sim::TradeoffRun& r : p.runs)
            runs << QString::number(r.runId);
        const QString cells[ColumnCount] = {
            p.pareto ? QStringLiteral("\u2605") : QString(),
            p.paramsText,
            QString::number(p.runs.size()),
            QStringLiteral("%1 %").arg(p.ctr * 100.0, 0, 'f', 3),
            QStringLiteral("%1 %").arg(p.coverage * 100.0, 0, 'f', 1),
            std::isfinite(p.tailShare) ? QStringLiteral("%1 %").arg(p.tailShare * 100.0, 0, 'f', 2)
                                       : QStringLiteral("\u2013"),
            std::isfinite(p.groupCtrGap) ? tr("%1 pp").arg(p.groupCtrGap * 100.0, 0, 'f', 2)
                                         : QStringLiteral("\u2013"),
            QString::number(p.revenue, 'f', 2),
            runs.join(QStringLiteral(", "))};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(kRunRole, runId);
            if (c >= Seeds && c <= Revenue)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
        ++row;
    }
    m_chart->setMarks(marks);
}

} // namespace recoscope::ui
