#include "recoscope/ui/shopper_inspector_panel.h"

#include "explained_entry_text.h"
#include "metric_text.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/run_controller.h"
#include "sim_time_text.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <limits>

namespace recoscope::ui {

namespace {

QString ageBandName(int band) {
    static const char* names[] = {QT_TRANSLATE_NOOP("Demographics", "under 18"),
                                  QT_TRANSLATE_NOOP("Demographics", "18–24"),
                                  QT_TRANSLATE_NOOP("Demographics", "25–34"),
                                  QT_TRANSLATE_NOOP("Demographics", "35–44"),
                                  QT_TRANSLATE_NOOP("Demographics", "45–54"),
                                  QT_TRANSLATE_NOOP("Demographics", "55 and over")};
    if (band >= 0 && band < static_cast<int>(std::size(names)))
        return QCoreApplication::translate("Demographics", names[band]);
    return QCoreApplication::translate("Demographics", "band %1").arg(band);
}

QString genderName(int g) {
    switch (g) {
    case 0:
        return QCoreApplication::translate("Demographics", "female");
    case 1:
        return QCoreApplication::translate("Demographics", "male");
    default:
        return QCoreApplication::translate("Demographics", "other");
    }
}

// "item 42 · Sneakers, brand 3, 39.90": what the catalogue holds, so the list names what
// the shopper looked at instead of a bare id.
QString recentItemText(core::ItemId item, const sim::UserInspection::ItemBrief& b) {
    return QCoreApplication::translate("recoscope::ui::ShopperInspectorPanel",
                                       "item %1 · %2, brand %3, %4")
        .arg(item)
        .arg(b.category)
        .arg(b.brand)
        .arg(QLocale().toString(b.price, 'f', 2));
}

} // namespace

ShopperInspectorPanel::ShopperInspectorPanel(RunController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("shopperInspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QGridLayout;
    m_coreLabel = new QLabel(this);
    m_core = new QComboBox(this);
    m_userLabel = new QLabel(this);
    m_user = new QSpinBox(this);
    m_user->setObjectName(QStringLiteral("shopperId"));
    m_user->setRange(0, std::numeric_limits<int>::max());
    m_go = new QPushButton(this);
    m_userLabel->setBuddy(m_user);
    m_coreLabel->setBuddy(m_core);
    top->addWidget(m_coreLabel, 0, 0);
    top->addWidget(m_core, 0, 1, 1, 2);
    top->addWidget(m_userLabel, 1, 0);
    top->addWidget(m_user, 1, 1);
    top->addWidget(m_go, 1, 2);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* activeBox = new QWidget;
    auto* activeLayout = new QVBoxLayout(activeBox);
    activeLayout->setContentsMargins(0, 0, 0, 0);
    m_activeLabel = new QLabel;
    m_active = new QListWidget;
    m_active->setObjectName(QStringLiteral("activeShoppers"));
    activeLayout->addWidget(m_activeLabel);
    activeLayout->addWidget(m_active);
    split->addWidget(activeBox);
    m_profile = new QTextBrowser;
    m_profile->setObjectName(QStringLiteral("shopperProfile"));
    split->addWidget(m_profile);
    auto* slateBox = new QWidget;
    auto* slateLayout = new QVBoxLayout(slateBox);
    slateLayout->setContentsMargins(0, 0, 0, 0);
    m_slateLabel = new QLabel;
    m_slate = new QTableWidget;
    m_slate->setObjectName(QStringLiteral("shopperSlate"));
    m_slate->setColumnCount(3);
    m_slate->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_slate->verticalHeader()->hide();
    m_slate->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_slate->horizontalHeader()->setStretchLastSection(true);
    m_slate->setWordWrap(true);
    slateLayout->addWidget(m_slateLabel);
    slateLayout->addWidget(m_slate);
    split->addWidget(slateBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 3);
    layout->addWidget(split, 1);

    connect(m_go, &QPushButton::clicked, this,
            [this] { inspect(static_cast<quint32>(m_user->value())); });
    connect(m_user, &QSpinBox::editingFinished, this,
            [this] { inspect(static_cast<quint32>(m_user->value())); });
    connect(m_active, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_user->setValue(item->data(Qt::UserRole).toInt());
        inspect(item->data(Qt::UserRole).toUInt());
    });
    connect(&m_controller, &RunController::refreshed, this, &ShopperInspectorPanel::onRefresh);
    connect(&m_controller, &RunController::userInspected, this,
            &ShopperInspectorPanel::showInspection);
    retranslateUi();
}

void ShopperInspectorPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ShopperInspectorPanel::retranslateUi() {
    m_coreLabel->setText(tr("Core:"));
    m_userLabel->setText(tr("Shopper &id:"));
    m_go->setText(tr("Inspect"));
    m_activeLabel->setText(tr("Active shoppers (most recent first) — click one:"));
    m_slateLabel->setText(tr("Current slate (the last one served to this shopper):"));
    m_slate->setHorizontalHeaderLabels(
        {tr("#"), tr("Score"), tr("Item, and why (the core's explanation)")});
    // The active list is refreshed only while visible and running: relabel it now.
    for (int i = 0; i < m_active->count(); ++i) {
        QListWidgetItem* it = m_active->item(i);
        it->setText(tr("Shopper %1").arg(it->data(Qt::UserRole).toUInt()));
    }
    if (m_last.valid)
        showInspection(m_last);
}

void ShopperInspectorPanel::inspect(quint32 user, int core) {
    if (core < 0)
        core = std::max(0, m_core->currentIndex());
    else if (core < m_core->count())
        m_core->setCurrentIndex(core);
    m_current = user;
    {
        const QSignalBlocker block(m_user);
        m_user->setValue(
            static_cast<int>(std::min<quint32>(user, std::numeric_limits<int>::max())));
    }
    m_sinceRequest.start();
    m_controller.inspectUser(core, user);
}

void ShopperInspectorPanel::onRefresh() {
    const MetricSeriesStore& s = m_controller.series();
    if (m_core->count() != s.coreCount()) {
        m_core->clear();
        for (int i = 0; i < s.coreCount(); ++i)
            m_core->addItem(s.core(i).label);
    }
    if (!isVisible())
        return;
    const auto& users = m_controller.activeUsers();
    m_active->setUpdatesEnabled(false);
    if (m_active->count() != static_cast<int>(users.size())) {
        m_active->clear();
        for (std::size_t i = 0; i < users.size(); ++i)
            m_active->addItem(QString());
    }
    for (std::size_t i = 0; i < users.size(); ++i) {
        QListWidgetItem* it = m_active->item(static_cast<int>(i));
        it->setText(tr("Shopper %1").arg(users[i]));
        it->setData(Qt::UserRole, users[i]);
    }
    m_active->setUpdatesEnabled(true);
    // Follow the selected shopper live, twice a second.
    if (m_current >= 0 && m_controller.state() == RunController::State::Running &&
        (!m_sinceRequest.isValid() || m_sinceRequest.elapsed() > 500))
        inspect(static_cast<quint32>(m_current));
}

void ShopperInspectorPanel::showInspection(const sim::UserInspection& r) {
    m_last = r;
    if (!r.valid) {
        m_profile->setHtml(QStringLiteral("<p>%1</p>").arg(r.error.toHtmlEscaped()));
        m_slate->setRowCount(0);
        emit inspected();
        return;
    }
    const QLocale loc;
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Shopper %1").arg(r.user));
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Segment:"), segmentTitle(r.segment).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=4>");
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    row(tr("Age"), ageBandName(r.ageBand));
    row(tr("Gender"), genderName(r.gender));
    row(tr("Occupation"), tr("group %1").arg(r.occupation + 1));
    row(tr("Region"), tr("region %1").arg(r.region + 1));
    row(tr("Joined"), r.joinTime > 0 ? simTimeText(r.joinTime) : tr("before the run"));
    row(tr("Visits"), loc.toString(static_cast<qulonglong>(r.sessions)));
    row(tr("Events"), loc.toString(static_cast<qulonglong>(r.events)));
    row(tr("Recency"),
        r.recencyDays < 0
            ? tr("never bought")
            : tr("%1 days since the last purchase").arg(loc.toString(r.recencyDays, 'f', 1)));
    row(tr("Frequency"), tr("%n purchase(s)", nullptr, static_cast<int>(r.frequency)));
    row(tr("Monetary"), loc.toString(r.monetary, 'f', 2));
    row(tr("Comes back"), r.churned ? tr("churned (will not return)")
                                    : tr("%1% chance per candidate visit")
                                          .arg(loc.toString(r.returnWeight * 100.0, 'f', 0)));
    html += QStringLiteral("</table><h4>%1</h4><ul>").arg(tr("Recent events (newest last)"));
    for (std::size_t i = 0; i < r.recentEvents.size(); ++i) {
        const core::Event& e = r.recentEvents[i];
        QString item;
        if (e.item != core::kNoItem) {
            const bool known = i < r.recentItems.size() && !r.recentItems[i].category.isEmpty();
            item = known ? recentItemText(e.item, r.recentItems[i]) : tr("item %1").arg(e.item);
        }
        html += QStringLiteral("<li>%1 — %2 %3 %4</li>")
                    .arg(simTimeText(e.time), eventKindTitle(static_cast<int>(e.kind)),
                         item.toHtmlEscaped(),
                         e.fromRecommendation ? tr("(from a recommendation)") : QString());
    }
    if (r.recentEvents.empty())
        html += QStringLiteral("<li>%1</li>").arg(tr("none yet"));
    html += QStringLiteral("</ul>");
    m_profile->setHtml(html);

    m_slate->setRowCount(static_cast<int>(r.slate.size()));
    for (std::size_t i = 0; i < r.slate.size(); ++i) {
        const sim::ExplainedEntry& e = r.slate[i];
        const int r2 = static_cast<int>(i);
        m_slate->setItem(r2, 0, new QTableWidgetItem(QString::number(i + 1)));
        auto* score = new QTableWidgetItem(entryScoreText(e));
        score->setToolTip(entryScoreTip(e));
        m_slate->setItem(r2, 1, score);
        // Item and explanation in one wrapped cell: the dock is narrow, sentences are long.
        auto* item = new QTableWidgetItem(entryWhyText(e));
        item->setToolTip(entryWhyTip(e));
        m_slate->setItem(r2, 2, item);
    }
    m_slate->resizeRowsToContents();
    emit inspected();
}

} // namespace recoscope::ui
