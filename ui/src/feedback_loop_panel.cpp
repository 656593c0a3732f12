#include "recoscope/ui/feedback_loop_panel.h"

#include "chart_grid.h"
#include "recoscope/ui/metric_chart_view.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace recoscope::ui {

FeedbackLoopPanel::FeedbackLoopPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("feedbackLoopPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("feedbackLoopNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    // The same grid as the other chart tabs: two columns, or one at large fonts.
    auto* grid = new ChartGrid;
    grid->setObjectName(QStringLiteral("feedbackLoopPage"));
    m_gini = MetricChartView::create(this);
    m_gini->setObjectName(QStringLiteral("feedbackGiniChart"));
    m_drift = MetricChartView::create(this);
    m_drift->setObjectName(QStringLiteral("feedbackDriftChart"));
    m_gini->setValueFormat([](double y) { return QLocale().toString(y, 'f', 3); });
    m_drift->setValueFormat([](double y) { return QLocale().toString(y, 'f', 4); });
    grid->addChart(m_gini);
    grid->addChart(m_drift);
    layout->addWidget(grid);
    retranslateUi();
}

MetricChartView* FeedbackLoopPanel::chart(Figure figure) const {
    return figure == ExposureGini ? m_gini : m_drift;
}

void FeedbackLoopPanel::setNote(const QString& note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString FeedbackLoopPanel::note() const {
    return m_note->text();
}

std::vector<ChartSample> FeedbackLoopPanel::series(const CoreSeries& c, Figure figure) {
    std::vector<ChartSample> out;
    out.reserve(c.feedbackDays.size());
    for (const core::FeedbackDay& d : c.feedbackDays) {
        const double y = figure == ExposureGini ? d.exposureGini : d.interestDrift;
        if (std::isfinite(y))
            out.push_back({static_cast<double>(d.day), y, y, y});
    }
    return out;
}

void FeedbackLoopPanel::showStore(const MetricSeriesStore& store) {
    QStringList labels;
    for (int c = 0; c < store.coreCount(); ++c)
        labels << store.core(c).label;
    if (labels != m_labels || labels.isEmpty()) {
        m_labels = labels;
        QList<SeriesSpec> specs;
        for (int c = 0; c < labels.size(); ++c)
            specs.append(
                {QString::number(c), labels[c], coreColor(store, c), Qt::SolidLine, false});
        m_gini->setSeries(specs);
        m_drift->setSeries(specs);
    }
    for (int c = 0; c < store.coreCount(); ++c) {
        m_gini->setSamples(QString::number(c), series(store.core(c), ExposureGini));
        m_drift->setSamples(QString::number(c), series(store.core(c), InterestDrift));
    }
    m_gini->refresh();
    m_drift->refresh();
}

void FeedbackLoopPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FeedbackLoopPanel::retranslateUi() {
    m_gini->setTitle(tr("Exposure Gini by day"));
    m_gini->setAxisTitles(tr("simulated day"), tr("Gini of impressions"));
    const QString giniHelp =
        tr("How unequally each simulated day's impressions were spread over the catalogue: 0 "
           "= every item shown equally often, 1 = one item got them all. Computed as `report` "
           "computes it (docs/metrics.md, \"The feedback loop\"); the last day moves while the "
           "run goes.");
    m_gini->setToolTip(giniHelp);
    m_gini->setWhatsThis(giniHelp);
    m_drift->setTitle(tr("Revealed-interest drift by day"));
    m_drift->setAxisTitles(tr("simulated day"), tr("1 - cosine to day 0"));
    const QString driftHelp =
        tr("How far the population's revealed interest moved: 1 minus the cosine between the "
           "mean direction of the items viewed that day and that of the first day with views. "
           "0 = shoppers look at the same kind of items as on the first day.");
    m_drift->setToolTip(driftHelp);
    m_drift->setWhatsThis(driftHelp);
    m_gini->refresh();
    m_drift->refresh();
}

} // namespace recoscope::ui
