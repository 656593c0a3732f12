#include "recoscope/ui/ope_window.h"

#include "recoscope/sim/ope_check.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/ope_chart_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace recoscope::ui {

namespace {

QString pct(double v) {
    return std::isfinite(v) ? QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 3)
                            : QStringLiteral("–");
}

} // namespace

OpeWindow::OpeWindow(const core::RecommenderRegistry& registry, const QString& dbPath, qint64 runId,
                     QWidget* parent)
    : QWidget(parent, Qt::Window), m_registry(registry), m_dbPath(dbPath), m_runId(runId) {
    setObjectName(QStringLiteral("opeWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_targetLabel = new QLabel(this);
    m_target = new QComboBox(this);
    for (const std::string& id : registry.ids())
        m_target->addItem(QString::fromStdString(id));
    m_paramsLabel = new QLabel(this);
    m_params = new QLineEdit(this);
    m_params->setPlaceholderText(QStringLiteral("epsilon=0.2, prior_skips=10"));
    m_run = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for the summary and a problem line per estimator (wrapped labels are not given
    // their height by the layout on their own).
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 6);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_chart = OpeChartView::create(this);
    m_chart->setMinimumHeight(280);
    m_table = new QTableWidget(0, 6, this);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMaximumHeight(180);

    auto* picker = new QHBoxLayout;
    picker->addWidget(m_targetLabel);
    picker->addWidget(m_target, 1);
    picker->addWidget(m_paramsLabel);
    picker->addWidget(m_params, 2);
    picker->addWidget(m_run);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(picker);
    layout->addWidget(m_status);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    connect(m_run, &QPushButton::clicked, this, [this] { startCheck(); });
    retranslateUi();
    resize(960, 820);
}

OpeWindow::~OpeWindow() {
    stop();
}

void OpeWindow::stop() {
    m_task.stop();
}

QString OpeWindow::statusText() const {
    return m_status->text();
}

bool OpeWindow::startCheck() {
    if (m_task.running())
        return false;
    sim::OpeCore target{m_target->currentText().toStdString(), {}};
    for (const QString& part : m_params->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            m_status->setText(tr("Parameters are KEY=VALUE separated by commas; '%1' is not.")
                                  .arg(part.trimmed()));
            return false;
        }
        target.params[part.left(eq).trimmed().toStdString()] =
            part.mid(eq + 1).trimmed().toStdString();
    }
    if (const core::RecommenderEntry* e = m_registry.find(target.id))
        if (auto r = core::resolveParams(e->params, target.params); !r) {
            m_status->setText(QString::fromStdString(r.error()));
            return false;
        }
    m_run->setEnabled(false);
    m_status->setText(tr("Replaying run %1 with %2 beside its core…")
                          .arg(m_runId)
                          .arg(QString::fromStdString(target.id)));
    const QString path = m_dbPath;
    const qint64 runId = m_runId;
    // A snapshot: the GUI may add cores to its registry while the check runs.
    auto registry = std::make_shared<const core::RecommenderRegistry>(m_registry);
    // The replay and the truth run take as long as two runs: a thread of the window's own
    // with its own read-only connection (one SQLite connection per thread).
    m_task.start<core::Result<sim::OpeResult>>(
        this,
        [this, path, runId, registry, target](const std::atomic<bool>* cancel) {
            auto store = sim::RunStore::open(path, sim::RunStore::Mode::ReadOnly);
            if (!store)
                return core::Result<sim::OpeResult>(core::Error{store.error()});
            return sim::checkStoredRun(
                *store.value(), runId, target, *registry, cancel,
                [this, cancel, last = -1](double f) mutable {
                    const int percent = static_cast<int>(100.0 * f);
                    if (percent == last || cancel->load())
                        return;
                    last = percent;
                    QMetaObject::invokeMethod(
                        this,
                        [this, percent] {
                            if (m_task.running())
                                m_status->setText(tr("Off-policy check: %1 % done").arg(percent));
                        },
                        Qt::QueuedConnection);
                });
        },
        [this](core::Result<sim::OpeResult> r) {
            m_run->setEnabled(true);
            if (r)
                showResult(r.value());
            else
                m_status->setText(
                    tr("The check failed: %1").arg(QString::fromStdString(r.error())));
            emit checkFinished(static_cast<bool>(r));
        });
    return true;
}

void OpeWindow::showResult(const sim::OpeResult& r) {
    static const char* const names[] = {"IPS", "SNIPS", "DM", "DR"};
    const sim::OpeEstimates& e = r.estimates;
    QList<OpeMark> marks;
    m_table->setRowCount(static_cast<int>(e.estimates.size()));
    QStringList problems;
    for (std::size_t i = 0; i < e.estimates.size(); ++i) {
        const sim::OpeEstimate& x = e.estimates[i];
        const QString name = QString::fromLatin1(i < 4 ? names[i] : x.name.c_str());
        marks.append({name, x.value, x.low, x.high, x.valid});
        const bool finite = std::isfinite(x.value);
        const bool covered = finite && x.low <= r.truth.ctr && r.truth.ctr <= x.high;
        const QStringList cells{name,
                                pct(x.value),
                                finite ? QStringLiteral("[%1, %2]").arg(pct(x.low), pct(x.high))
                                       : QStringLiteral("–"),
                                finite ? pct(x.value - r.truth.ctr) : QStringLiteral("–"),
                                !finite   ? QStringLiteral("–")
                                : covered ? tr("yes")
                                          : tr("no"),
                                x.valid ? tr("yes") : tr("no")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(static_cast<int>(i), c, new QTableWidgetItem(cells[c]));
        if (!x.problem.empty())
            problems << QStringLiteral("%1: %2").arg(name, QString::fromStdString(x.problem));
    }
    m_table->resizeColumnsToContents();
    m_chart->setEstimates(marks, r.truth.ctr);
    m_status->setText(tr("Target %1 on run %2 (logged by %3): true CTR %4.")
                          .arg(QString::fromStdString(r.target.id))
                          .arg(r.runId)
                          .arg(QString::fromStdString(r.logger.id), pct(r.truth.ctr)));
    QString summary = tr("%1 logged slates over %2 days, logged CTR %3; the target shows the "
                         "logged item at %4 of its positions, mean importance weight %5 "
                         "(100 % = full support).")
                          .arg(e.slates)
                          .arg(r.periodDays, 0, 'f', 2)
                          .arg(pct(e.loggedCtr), pct(e.matchRate), pct(e.support.value));
    if (!problems.isEmpty())
        summary += QStringLiteral("\n") + problems.join(QStringLiteral("\n"));
    m_summary->setText(summary);
}

void OpeWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OpeWindow::retranslateUi() {
    setWindowTitle(tr("Off-policy check: run %1").arg(m_runId));
    m_targetLabel->setText(tr("Target core:"));
    m_paramsLabel->setText(tr("Parameters:"));
    m_run->setText(tr("Run check"));
    m_table->setHorizontalHeaderLabels({tr("Estimator"), tr("Estimate"), tr("95 % interval"),
                                        tr("Error"), tr("Covers the truth"), tr("Valid")});
    if (m_status->text().isEmpty())
        m_status->setText(tr("Estimates the target's CTR from this run's slate log, then runs "
                             "the target on the same shoppers for real (docs/ope.md)."));
}

} // namespace recoscope::ui
