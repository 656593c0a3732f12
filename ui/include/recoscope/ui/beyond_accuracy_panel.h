#pragma once
// BeyondAccuracyPanel: the dashboard's "Beyond accuracy" tab. A figure selector (the nine
// figures of docs/metrics.md, "Beyond accuracy") over one chart plotting the chosen figure
// per bucket for every core in the core's colour; the whole-run figures of every core; and
// the retention by cohort (first day x days later) of the core chosen beside it. Draws
// whatever MetricSeriesStore it is given (a live arena or runs reopened from the history);
// runs stored before the figures existed show no points and "–". GUI thread only.

#include "recoscope/ui/metric_series_store.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace recoscope::ui {

class MetricChartView;

class BeyondAccuracyPanel : public QWidget {
    Q_OBJECT
public:
    explicit BeyondAccuracyPanel(QWidget* parent = nullptr);

    /// Redraws the chart and both tables from `store`, which must outlive the panel's use
    /// of it (the selectors redraw from the last store shown).
    void showStore(const MetricSeriesStore& store);

    /// The charted figure (core::BeyondAccuracyPoint::Figure); setting it redraws.
    int figure() const;
    void setFigure(int figure);
    /// The core whose retention table is shown (index in the store).
    int retentionCore() const;

    QComboBox* figureBox() const { return m_figure; }
    QComboBox* coreBox() const { return m_core; }
    MetricChartView* chart() const { return m_chart; }
    /// Rows: the figures, then orders and active users; columns: the cores.
    QTableWidget* totalsTable() const { return m_totals; }
    /// Rows: cohorts by first day; columns: +0 .. +7 days.
    QTableWidget* retentionTable() const { return m_retention; }

    /// The chart's series of one core: x = bucket end in simulated days, y = the figure
    /// (the open bucket of a live run last); buckets where the figure is not defined
    /// (BeyondAccuracyPoint::defined) are left out rather than drawn as 0.
    static std::vector<ChartSample> series(const CoreSeries& core, int figure);
    /// A figure as the totals table writes it ("–" when not defined).
    static QString figureText(const core::BeyondAccuracyPoint& point, int figure);
    /// A retention share as the table writes it ("–" for NaN: not observed).
    static QString retentionText(double share);
    /// Translated title, axis and "how it is computed" text of a figure.
    static QString figureTitle(int figure);
    static QString figureAxis(int figure);
    static QString figureHelp(int figure);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void redraw();
    void fillTotals(const MetricSeriesStore& store);
    void fillRetention(const MetricSeriesStore& store);

    QLabel* m_figureLabel = nullptr;
    QComboBox* m_figure = nullptr;
    MetricChartView* m_chart = nullptr;
    QTableWidget* m_totals = nullptr;
    QLabel* m_coreLabel = nullptr;
    QComboBox* m_core = nullptr;
    QTableWidget* m_retention = nullptr;
    const MetricSeriesStore* m_store = nullptr;
    QStringList m_labels; ///< core labels the chart's series and the core box were built for
    bool m_replay = false;
};

} // namespace recoscope::ui
