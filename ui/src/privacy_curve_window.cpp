#include "recoscope/ui/privacy_curve_window.h"

#include "recoscope/sim/core_palette.h"
#include "recoscope/ui/metric_chart_view.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace recoscope::ui {

PrivacyCurveWindow::PrivacyCurveWindow(const core::RecommenderRegistry& registry,
                                       sim::Scenario scenario, QWidget* parent)
    : QWidget(parent, Qt::Window), m_registry(registry), m_scenario(std::move(scenario)) {
    setObjectName(QStringLiteral("privacyCurveWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_coresLabel = new QLabel(this);
    m_cores = new QLineEdit(QStringLiteral("popularity, trending, itemknn"), this);
    m_cores->setObjectName(QStringLiteral("privacyCores"));
    m_epsilonsLabel = new QLabel(this);
    m_epsilons = new QLineEdit(QStringLiteral("0.5, 1, 2, 5, 10, 20"), this);
    m_epsilons->setObjectName(QStringLiteral("privacyEpsilons"));
    m_daysLabel = new QLabel(this);
    m_days = new QDoubleSpinBox(this);
    m_days->setRange(0.5, sim::RunLimits::kMaxDays);
    m_days->setDecimals(1);
    m_days->setValue(std::min(3.0, m_scenario.durationDays));
    m_seedLabel = new QLabel(this);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1'000'000'000);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(m_scenario.seed, 1'000'000'000)));
    m_run = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_chart = MetricChartView::create(this);
    m_chart->setPercent(true);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("privacyCurveTable"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* bar = new QHBoxLayout;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_coresLabel, m_cores, m_epsilonsLabel, m_epsilons,
                                         m_daysLabel, m_days, m_seedLabel, m_seed, m_run})
        bar->addWidget(w);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_chart, 4);
    layout->addWidget(m_table, 2);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    retranslateUi();
    resize(980, 820);
}

PrivacyCurveWindow::~PrivacyCurveWindow() {
    stop();
}

void PrivacyCurveWindow::stop() {
    m_task.stop();
}

QString PrivacyCurveWindow::statusText() const {
    return m_status->text();
}

bool PrivacyCurveWindow::start() {
    if (m_task.running())
        return false;
    sim::PrivacyCurveSpec spec;
    spec.scenario = m_scenario;
    spec.seed = static_cast<std::uint64_t>(m_seed->value());
    spec.limits.maxDays = m_days->value();
    for (const QString& id : m_cores->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!m_registry.find(id.trimmed().toStdString())) {
            m_status->setText(
                tr("No core '%1' (see the strategy panel's list).").arg(id.trimmed()));
            return false;
        }
        spec.cores.push_back(id.trimmed().toStdString());
    }
    for (const QString& text : m_epsilons->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double e = text.trimmed().toDouble(&ok);
        if (!ok || !(e > 0.0) || e > 1000.0) {
            m_status->setText(tr("Epsilon '%1' is not a number in (0, 1000].").arg(text.trimmed()));
            return false;
        }
        spec.epsilons.push_back(e);
    }
    if (spec.cores.empty() || spec.epsilons.empty()) {
        m_status->setText(tr("Give at least one core and one epsilon."));
        return false;
    }
    m_run->setEnabled(false);
    m_status->setText(
        tr("Running %1 cores x %2 budgets…").arg(spec.cores.size()).arg(spec.epsilons.size() + 1));
    m_task.start<core::Result<sim::PrivacyCurve>>(
        this,
        [this, spec](const std::atomic<bool>* cancel) {
            return sim::PrivacyCurve::run(spec, m_registry, cancel);
        },
        [this](core::Result<sim::PrivacyCurve> r) {
            m_run->setEnabled(true);
            if (r)
                showCurve(r.value());
            else
                m_status->setText(tr("The runs failed: %1").arg(QString::fromStdString(r.error())));
            emit curveFinished(static_cast<bool>(r));
        });
    return true;
}

void PrivacyCurveWindow::showCurve(const sim::PrivacyCurve& curve) {
    m_last = std::make_unique<sim::PrivacyCurve>(curve);
    // One line per core over the epsilons, and its CTR with the noise off as a dashed
    // level across the same span.
    std::vector<std::string> cores;
    double lo = 0.0, hi = 0.0;
    for (const sim::PrivacyCurvePoint& p : curve.points) {
        if (std::find(cores.begin(), cores.end(), p.core) == cores.end())
            cores.push_back(p.core);
        if (p.epsilon > 0.0) {
            lo = lo > 0.0 ? std::min(lo, p.epsilon) : p.epsilon;
            hi = std::max(hi, p.epsilon);
        }
    }
    QList<SeriesSpec> specs;
    for (std::size_t c = 0; c < cores.size(); ++c) {
        const QString id = QString::fromStdString(cores[c]);
        const QColor colour(QString::fromLatin1(sim::coreColour(c)));
        specs.append({id, id, colour, Qt::SolidLine});
        specs.append(
            {id + QStringLiteral(":off"), tr("%1, noise off").arg(id), colour, Qt::DashLine});
    }
    m_chart->setSeries(specs);
    std::map<std::string, std::vector<ChartSample>> lines, levels;
    for (const sim::PrivacyCurvePoint& p : curve.points) {
        if (p.epsilon > 0.0)
            lines[p.core].push_back({p.epsilon, p.ctr, p.ctr, p.ctr});
        else
            levels[p.core] = {{lo, p.ctr, p.ctr, p.ctr}, {hi, p.ctr, p.ctr, p.ctr}};
    }
    for (auto& [core, samples] : lines) {
        std::sort(samples.begin(), samples.end(),
                  [](const ChartSample& a, const ChartSample& b) { return a.x < b.x; });
        m_chart->setSamples(QString::fromStdString(core), samples);
    }
    for (auto& [core, samples] : levels)
        m_chart->setSamples(QString::fromStdString(core) + QStringLiteral(":off"), samples);
    m_chart->refresh();

    m_table->setRowCount(static_cast<int>(curve.points.size()));
    for (std::size_t r = 0; r < curve.points.size(); ++r) {
        const sim::PrivacyCurvePoint& p = curve.points[r];
        const QStringList cells{QString::fromStdString(p.core),
                                p.epsilon > 0.0 ? QString::number(p.epsilon) : tr("off"),
                                QStringLiteral("%1 %").arg(100.0 * p.ctr, 0, 'f', 2),
                                QString::number(p.epsilonSpent, 'f', 2),
                                p.epsilon > 0.0 ? QString::number(p.zAgainstOff, 'f', 1)
                                                : QStringLiteral("–")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            cell->setTextAlignment((c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
            m_table->setItem(static_cast<int>(r), c, cell);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->setText(tr("Scenario %1, seed %2: each core with the noise off and at each "
                         "epsilon, on the same shoppers. z: CTR against the same core with the "
                         "noise off (two-proportion test; |z| > 1.96 is significant).")
                          .arg(curve.scenarioName)
                          .arg(curve.seed));
}

void PrivacyCurveWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PrivacyCurveWindow::retranslateUi() {
    setWindowTitle(tr("Privacy: CTR against epsilon"));
    m_coresLabel->setText(tr("Cores:"));
    m_epsilonsLabel->setText(tr("Epsilon per day:"));
    m_epsilons->setToolTip(tr("Differential-privacy budgets to try, comma-separated; the run "
                              "with the noise off is always added."));
    m_daysLabel->setText(tr("Days:"));
    m_seedLabel->setText(tr("Seed:"));
    m_run->setText(tr("Run"));
    m_chart->setTitle(tr("CTR (%) against the privacy budget"));
    m_chart->setAxisTitles(tr("epsilon per day"), tr("CTR"));
    m_table->setHorizontalHeaderLabels(
        {tr("Core"), tr("Epsilon / day"), tr("CTR"), tr("Epsilon spent"), tr("z vs noise off")});
    if (m_last)
        showCurve(*m_last);
    else if (!m_task.running())
        m_status->setText(tr("Runs each core with the scenario's privacy noise off and at each "
                             "epsilon per day, on the same seed, and charts its CTR."));
}

} // namespace recoscope::ui
