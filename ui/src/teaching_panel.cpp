#include "recoscope/ui/teaching_panel.h"

#include "explained_entry_text.h"
#include "flow_layout.h"
#include "metric_text.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/run_controller.h"
#include "sim_time_text.h"
#include "step_header_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace recoscope::ui {

namespace {
const QColor kClicked(0xFF, 0xE0, 0x8A);
const QColor kNew(0xD4, 0xF4, 0xDD);
const QColor kUp(0x00, 0x80, 0x3C);
const QColor kDown(0xB0, 0x00, 0x20);
} // namespace

TeachingPanel::TeachingPanel(RunController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("teachingPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto* buttons = new FlowLayout; // wraps in a narrow panel (presentation mode)
    m_start = new QPushButton(this);
    m_step = new QPushButton(this);
    m_step->setObjectName(QStringLiteral("teachingStep"));
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("teachingStepBack"));
    m_fonts = new QPushButton(this);
    m_fonts->setObjectName(QStringLiteral("teachingPresentation"));
    m_fonts->setCheckable(true);
    buttons->addWidget(m_start);
    buttons->addWidget(m_step);
    buttons->addWidget(m_back);
    buttons->addWidget(m_fonts);
    layout->addLayout(buttons);
    auto* followRow = new QHBoxLayout;
    m_followBox = new QCheckBox(this);
    m_followBox->setObjectName(QStringLiteral("teachingFollow"));
    m_followUser = new QSpinBox(this);
    m_followUser->setObjectName(QStringLiteral("teachingFollowUser"));
    m_followUser->setRange(0, 2000000); // the scenario format's largest population
    followRow->addWidget(m_followBox);
    followRow->addWidget(m_followUser);
    followRow->addStretch();
    layout->addLayout(followRow);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("teachingHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);
    auto* coreRow = new QHBoxLayout;
    m_coreLabel = new QLabel(this);
    m_core = new QComboBox(this);
    coreRow->addWidget(m_coreLabel);
    coreRow->addWidget(m_core, 1);
    layout->addLayout(coreRow);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("teachingSummary"));
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    m_slate = new QTableWidget(this);
    m_slate->setObjectName(QStringLiteral("teachingSlate"));
    m_slate->setColumnCount(4);
    m_slate->setWordWrap(true);
    m_slate->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_slate->verticalHeader()->hide();
    m_slate->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_slate->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_slate, 2);
    m_eventsLabel = new QLabel(this);
    layout->addWidget(m_eventsLabel);
    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("teachingEvents"));
    layout->addWidget(m_events, 1);

    connect(m_start, &QPushButton::clicked, this, &TeachingPanel::teachingModeRequested);
    connect(m_step, &QPushButton::clicked, &m_controller, &RunController::step);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_backPending = true;
        m_controller.stepBack();
    });
    connect(m_fonts, &QPushButton::toggled, this, &TeachingPanel::largeFontsRequested);
    connect(m_core, &QComboBox::currentIndexChanged, this, &TeachingPanel::showCore);
    connect(m_followBox, &QCheckBox::toggled, this, [this](bool on) {
        // Start from the shopper on screen: "follow this shopper".
        const int c = std::max(0, m_core->currentIndex());
        if (on && c < static_cast<int>(m_report.cores.size()) &&
            m_report.cores[static_cast<std::size_t>(c)].valid)
            m_followUser->setValue(
                static_cast<int>(m_report.cores[static_cast<std::size_t>(c)].user));
        updateFollow();
    });
    connect(m_followUser, &QSpinBox::valueChanged, this, &TeachingPanel::updateFollow);
    connect(&m_controller, &RunController::stepped, this, &TeachingPanel::showStep);
    connect(&m_controller, &RunController::steppingChanged, this, [this](bool on) {
        if (on)
            m_header->setText(
                m_backPending ? tr("Replaying the run from the seed to step %1…")
                                    .arg(std::max(0, m_report.step - 1))
                : m_followBox->isChecked()
                    ? tr("Looking for shopper %1's next action…").arg(m_followUser->value())
                    : tr("Stepping…"));
        updateButtons();
    });
    connect(&m_controller, &RunController::stateChanged, this, [this] {
        updateButtons();
        if (m_controller.state() != RunController::State::Paused)
            return;
        const MetricSeriesStore& s = m_controller.series();
        if (m_core->count() != s.coreCount()) {
            m_core->clear();
            for (int i = 0; i < s.coreCount(); ++i)
                m_core->addItem(s.core(i).label);
        }
    });
    updateButtons();
    retranslateUi();
}

void TeachingPanel::setPresentationChecked(bool on) {
    const QSignalBlocker quiet(m_fonts);
    m_fonts->setChecked(on);
}

void TeachingPanel::updateButtons() {
    const bool paused = m_controller.state() == RunController::State::Paused;
    m_step->setEnabled(paused && !m_controller.stepping());
    m_back->setEnabled(paused && !m_controller.stepping() && m_controller.stepNumber() > 0);
}

void TeachingPanel::updateFollow() {
    m_controller.setFollowUser(m_followBox->isChecked()
                                   ? static_cast<core::UserId>(m_followUser->value())
                                   : core::kNoUser);
}

void TeachingPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TeachingPanel::retranslateUi() {
    m_intro->setText(tr("Teaching mode runs the tiny teaching-small shop, paused. Press Step (F10) "
                        "to let one shopper act: you see the slate the core served, why, what "
                        "the shopper clicked and which events followed."));
    m_start->setText(tr("Start teaching mode"));
    m_step->setText(tr("&Step"));
    m_step->setToolTip(tr("One shopper action per core, or every core to the followed "
                          "shopper's next action (F10)"));
    m_back->setText(tr("Step &back"));
    m_back->setToolTip(tr("Back to the previous step: the run is replayed from the seed "
                          "(deterministic), on the engine's thread (Ctrl+F10)"));
    m_followBox->setText(tr("Follow shopper"));
    m_followBox->setToolTip(tr("Step moves every core to this shopper's next action, so "
                               "all cores show the same shopper"));
    m_followUser->setToolTip(tr("The shopper to follow (id)"));
    m_fonts->setText(tr("Presentation mode"));
    m_fonts->setToolTip(tr("Larger text, charts and icons for a projector (View > "
                           "Presentation mode, Ctrl++)"));
    m_coreLabel->setText(tr("Core:"));
    m_eventsLabel->setText(tr("Events caused by this action:"));
    m_slate->setHorizontalHeaderLabels({tr("#"), tr("Score"), tr("Change"), tr("Item, and why")});
    m_slate->horizontalHeaderItem(2)->setToolTip(
        tr("Compared with the previous slate served to the same shopper: new items, moves up "
           "(▲) or down (▼), and the score change."));
    showStep(m_report);
}

void TeachingPanel::showStep(const sim::StepReport& report) {
    m_report = report;
    m_backPending = false;
    const MetricSeriesStore& s = m_controller.series();
    QStringList labels;
    for (int i = 0; i < s.coreCount(); ++i)
        labels << s.core(i).label;
    if (m_core->count() != static_cast<int>(report.cores.size()) && !report.cores.empty()) {
        const int keep = m_core->currentIndex();
        m_core->clear();
        m_core->addItems(labels);
        m_core->setCurrentIndex(std::max(0, std::min(keep, m_core->count() - 1)));
    }
    m_header->setText(report.step > 0 ? stepHeaderHtml(report, labels) : tr("No step yet."));
    updateButtons();
    showCore();
}

void TeachingPanel::showCore() {
    const int c = std::max(0, m_core->currentIndex());
    if (c >= static_cast<int>(m_report.cores.size())) {
        m_summary->clear();
        m_slate->setRowCount(0);
        m_events->clear();
        return;
    }
    const sim::StepRecord& r = m_report.cores[static_cast<std::size_t>(c)];
    if (!r.valid) {
        m_summary->setText(
            m_report.follow != core::kNoUser
                ? tr("This core's run ended before shopper %1 acted again.").arg(m_report.follow)
                : tr("This core's run is over."));
        m_slate->setRowCount(0);
        m_events->clear();
        return;
    }
    QString text = tr("Shopper %1 on the %2 at %3.")
                       .arg(r.user)
                       .arg(surfaceTitle(static_cast<int>(r.surface)))
                       .arg(simTimeText(r.time));
    if (r.sessionStarted)
        text += QLatin1Char(' ') + tr("A new visit starts.");
    if (r.clicked >= 0)
        text += QLatin1Char(' ') +
                tr("The shopper clicked position %1 (highlighted).").arg(r.clicked + 1);
    else
        text += QLatin1Char(' ') + tr("The shopper clicked nothing in the slate.");
    if (r.previousSlate.empty())
        text += QLatin1Char(' ') + tr("First slate for this shopper: every item is new.");
    if (r.sessionEnded)
        text += QLatin1Char(' ') + tr("The visit ends.");
    m_summary->setText(text);

    m_slate->setRowCount(static_cast<int>(r.slate.size()));
    for (std::size_t i = 0; i < r.slate.size(); ++i) {
        const sim::ExplainedEntry& e = r.slate[i];
        const int row = static_cast<int>(i);
        auto* pos = new QTableWidgetItem(QString::number(i + 1));
        auto* item = new QTableWidgetItem(entryWhyText(e));
        item->setToolTip(entryWhyTip(e));
        auto* score = new QTableWidgetItem(entryScoreText(e));
        score->setToolTip(entryScoreTip(e));
        QTableWidgetItem* change = nullptr;
        int before = -1;
        for (std::size_t j = 0; j < r.previousSlate.size(); ++j)
            if (r.previousSlate[j].item == e.item)
                before = static_cast<int>(j);
        if (before < 0) {
            change = new QTableWidgetItem(tr("new"));
            for (auto* it : {pos, item, score, change})
                it->setBackground(kNew);
        } else {
            // Placeholder scores only keep the order: their change means nothing.
            const sim::ExplainedEntry& was = r.previousSlate[static_cast<std::size_t>(before)];
            const double delta = e.placeholder || was.placeholder ? 0.0 : e.score - was.score;
            QString t = before == row  ? tr("same place")
                        : before > row ? tr("▲ %1").arg(before - row)
                                       : tr("▼ %1").arg(row - before);
            if (delta != 0.0)
                t += QStringLiteral(", %1%2").arg(delta > 0 ? QStringLiteral("+") : QString(),
                                                  QLocale().toString(delta, 'g', 3));
            change = new QTableWidgetItem(t);
            if (before != row)
                change->setForeground(before > row ? kUp : kDown);
        }
        if (row == r.clicked)
            for (auto* it : {pos, item, score, change})
                it->setBackground(kClicked);
        m_slate->setItem(row, 0, pos);
        m_slate->setItem(row, 1, score);
        m_slate->setItem(row, 2, change);
        m_slate->setItem(row, 3, item);
    }
    m_slate->resizeRowsToContents();
    m_events->clear();
    for (const core::Event& e : r.events) {
        auto* it = new QListWidgetItem(
            tr("%1 — item %2%3")
                .arg(eventKindTitle(static_cast<int>(e.kind)))
                .arg(e.item == core::kNoItem ? QStringLiteral("–") : QString::number(e.item))
                .arg(e.fromRecommendation ? tr(" (from the slate, position %1)").arg(e.position + 1)
                                          : QString()));
        if (e.kind == core::EventKind::Purchase || e.kind == core::EventKind::Click)
            it->setBackground(kClicked);
        m_events->addItem(it);
    }
    if (r.events.empty())
        m_events->addItem(tr("no events (the shopper only looked)"));
}

} // namespace recoscope::ui
