#pragma once
// FeedbackLoopPanel: the dashboard's "Feedback loop" tab (issue 16, the feedback loop made
// visible; docs/metrics.md, "The feedback loop"). Two charts, one line per core in the
// core's colour: the exposure Gini of each simulated day (impressions over the catalogue)
// and the drift of the population's revealed interest (1 - cosine of the day's mean viewed
// direction against the first day's). The figures are CoreSeries::feedbackDays, which the
// arena computes with core::FeedbackLoop, the accumulator `report` uses: the last point of
// a finished run is `report --json`'s feedback_loop figure for that day. The day in
// progress is drawn too and moves as the run goes. GUI thread only.

#include "recoscope/ui/metric_series_store.h"

#include <QWidget>

class QLabel;

namespace recoscope::ui {

class MetricChartView;

class FeedbackLoopPanel : public QWidget {
    Q_OBJECT
public:
    enum Figure { ExposureGini, InterestDrift };

    explicit FeedbackLoopPanel(QWidget* parent = nullptr);

    /// Redraws both charts from `store` (only read during the call).
    void showStore(const MetricSeriesStore& store);

    MetricChartView* chart(Figure figure) const;

    /// A line above the charts (translated text; empty hides it): a reopened run's figures
    /// being recomputed, or why there are none.
    void setNote(const QString& note);
    QString note() const;

    /// One core's points: x = the day's index (day 0 = the first simulated day), y = the
    /// figure; days where it is undefined (NaN: no impression, no view) are left out.
    static std::vector<ChartSample> series(const CoreSeries& core, Figure figure);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_note = nullptr;
    MetricChartView* m_gini = nullptr;
    MetricChartView* m_drift = nullptr;
    QStringList m_labels; ///< core labels the series were built for
};

} // namespace recoscope::ui
