#include "recoscope/ui/item_inspector_panel.h"

#include "recoscope/ui/explanation_text.h"
#include "sim_time_text.h"

#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_controller.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <limits>

namespace recoscope::ui {

namespace {

// Grey, brown and purple: apart from each other and from every core colour (core_palette.h).
const QColor kImpressionsColor(0x5E, 0x5E, 0x5E);
const QColor kClicksColor(0x8C, 0x51, 0x0A);
const QColor kPurchasesColor(0x76, 0x2A, 0x83);

} // namespace

ItemInspectorPanel::ItemInspectorPanel(RunController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("itemInspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QGridLayout;
    m_coreLabel = new QLabel(this);
    m_core = new QComboBox(this);
    m_itemLabel = new QLabel(this);
    m_item = new QSpinBox(this);
    m_item->setObjectName(QStringLiteral("itemId"));
    m_item->setRange(0, std::numeric_limits<int>::max());
    m_go = new QPushButton(this);
    m_itemLabel->setBuddy(m_item);
    top->addWidget(m_coreLabel, 0, 0);
    top->addWidget(m_core, 0, 1, 1, 2);
    top->addWidget(m_itemLabel, 1, 0);
    top->addWidget(m_item, 1, 1);
    top->addWidget(m_go, 1, 2);
    layout->addLayout(top);
    m_info = new QTextBrowser(this);
    m_info->setMaximumHeight(220);
    layout->addWidget(m_info);
    m_chart = MetricChartView::create(this);
    m_chart->setObjectName(QStringLiteral("itemChart"));
    layout->addWidget(m_chart, 1);

    connect(m_go, &QPushButton::clicked, this,
            [this] { inspect(static_cast<quint32>(m_item->value())); });
    connect(m_item, &QSpinBox::editingFinished, this,
            [this] { inspect(static_cast<quint32>(m_item->value())); });
    connect(&m_controller, &RunController::itemInspected, this,
            &ItemInspectorPanel::showInspection);
    connect(&m_controller, &RunController::refreshed, this, [this] {
        const MetricSeriesStore& s = m_controller.series();
        if (m_core->count() != s.coreCount()) {
            m_core->clear();
            for (int i = 0; i < s.coreCount(); ++i)
                m_core->addItem(s.core(i).label);
        }
        if (isVisible() && m_current >= 0 &&
            m_controller.state() == RunController::State::Running && m_sinceRequest.isValid() &&
            m_sinceRequest.elapsed() > 500)
            inspect(static_cast<quint32>(m_current));
    });
    retranslateUi();
}

void ItemInspectorPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ItemInspectorPanel::retranslateUi() {
    m_coreLabel->setText(tr("Core:"));
    m_itemLabel->setText(tr("Item &id:"));
    m_go->setText(tr("Inspect"));
    m_chart->setTitle(tr("Exposure, clicks and purchases over time"));
    // Impressions outnumber purchases a hundredfold: each gets its own axis (a log axis
    // would drop the many periods without a purchase). The colours are none of the core
    // palette's, so an item's lines are never mistaken for a core's. The legend keeps the
    // plain names (a narrow dock elides longer ones); the axis titles say which is where.
    m_chart->setAxisTitles(simDaysAxisTitle(), tr("impressions"));
    m_chart->setRightAxisTitle(tr("clicks, purchases"));
    m_chart->setToolTip(tr("Impressions (times shown in a slate, left axis), clicks on it in a "
                           "slate and units bought (right axis), per period of the run."));
    m_chart->setValueFormat([](double y) { return QLocale().toString(y, 'f', 0); });
    m_chart->setSeries(
        {{QStringLiteral("impressions"), tr("Impressions"), kImpressionsColor, Qt::SolidLine, false,
          false},
         {QStringLiteral("clicks"), tr("Clicks"), kClicksColor, Qt::DashLine, false, true},
         {QStringLiteral("purchases"), tr("Purchases"), kPurchasesColor, Qt::SolidLine, false,
          true}});
    if (m_last.valid)
        showInspection(m_last);
    else
        m_chart->refresh();
}

void ItemInspectorPanel::inspect(quint32 item, int core) {
    if (core < 0)
        core = std::max(0, m_core->currentIndex());
    else if (core < m_core->count())
        m_core->setCurrentIndex(core);
    m_current = item;
    {
        const QSignalBlocker block(m_item);
        m_item->setValue(
            static_cast<int>(std::min<quint32>(item, std::numeric_limits<int>::max())));
    }
    m_sinceRequest.start();
    m_controller.inspectItem(core, item);
}

void ItemInspectorPanel::showInspection(const sim::ItemInspection& r) {
    m_last = r;
    if (!r.valid) {
        m_info->setHtml(QStringLiteral("<p>%1</p>").arg(r.error.toHtmlEscaped()));
        emit inspected();
        return;
    }
    const QLocale loc;
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=4>")
                       .arg(itemLabel(r.item, r.categoryPath).toHtmlEscaped());
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    row(tr("Category"), r.category);
    row(tr("Brand"), tr("brand %1").arg(r.brand));
    row(tr("List price"), loc.toString(r.price, 'f', 2));
    // A running promotion (timeline) wins over the item's standing discount.
    const float discount = r.promotionDiscount > 0.0f ? r.promotionDiscount : r.discount;
    row(tr("Promotion"), discount > 0.0f
                             ? tr("%1% off: %2")
                                   .arg(loc.toString(discount * 100.0f, 'f', 0),
                                        loc.toString(r.price * (1.0f - discount), 'f', 2))
                             : tr("none"));
    row(tr("Stock"), !r.available  ? tr("not available (sold out or not launched)")
                     : r.stock < 0 ? tr("unlimited")
                                   : tr("%n unit(s) in stock", nullptr, r.stock));
    row(tr("Sold"), tr("%1 units, restocked %2 times").arg(r.sold).arg(r.restocked));
    row(tr("Launched"), r.launchTime > 0 ? simTimeText(r.launchTime) : tr("before the run"));
    row(tr("Impressions"), loc.toString(static_cast<qulonglong>(r.impressions)));
    row(tr("Clicks"), loc.toString(static_cast<qulonglong>(r.clicks)));
    row(tr("Purchases"), loc.toString(static_cast<qulonglong>(r.purchases)));
    html += QStringLiteral("</table>");
    m_info->setHtml(html);
    auto series = [&](const std::vector<std::uint32_t>& bins) {
        std::vector<ChartSample> out;
        for (std::size_t i = 0; i < bins.size(); ++i) {
            const double x = simDays((static_cast<double>(i) + 1.0) * r.binSeconds);
            const double y = bins[i];
            out.push_back({x, y, y, y});
        }
        return out;
    };
    m_chart->setSamples(QStringLiteral("impressions"), series(r.impressionBins));
    m_chart->setSamples(QStringLiteral("clicks"), series(r.clickBins));
    m_chart->setSamples(QStringLiteral("purchases"), series(r.purchaseBins));
    m_chart->refresh();
    emit inspected();
}

} // namespace recoscope::ui
