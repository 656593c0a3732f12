#include "recoscope/ui/run_controls.h"

#include "sim_time_text.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>

#include <cmath>

namespace recoscope::ui {

namespace {
// Simulated seconds per wall-clock second for each speed entry; 0 = unthrottled.
const double kSpeeds[] = {1.0, 60.0, 600.0, 3600.0, 21600.0, 86400.0, 0.0};
} // namespace

RunControls::RunControls(RunController& controller, QWidget* parent)
    : QToolBar(parent), m_controller(controller) {
    setObjectName(QStringLiteral("runToolbar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_start = addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
    m_pause = addAction(style()->standardIcon(QStyle::SP_MediaPause), QString());
    m_resume = addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), QString());
    m_stop = addAction(style()->standardIcon(QStyle::SP_MediaStop), QString());
    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), QString());
    m_stepBack = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), QString());
    m_start->setObjectName(QStringLiteral("actionStart"));
    m_pause->setObjectName(QStringLiteral("actionPause"));
    m_resume->setObjectName(QStringLiteral("actionResume"));
    m_stop->setObjectName(QStringLiteral("actionStop"));
    m_step->setObjectName(QStringLiteral("actionStep"));
    m_stepBack->setObjectName(QStringLiteral("actionStepBack"));
    m_stepBack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F10));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_pause->setShortcut(QKeySequence(Qt::Key_F6));
    m_resume->setShortcut(QKeySequence(Qt::Key_F5));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    addSeparator();
    m_speedLabel = new QLabel(this);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedBox"));
    for (std::size_t i = 0; i < std::size(kSpeeds); ++i)
        m_speed->addItem(QString(), kSpeeds[i]);
    m_speed->setCurrentIndex(static_cast<int>(std::size(kSpeeds)) - 1);
    m_speedLabel->setBuddy(m_speed);
    addWidget(m_speedLabel);
    addWidget(m_speed);

    m_state = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_time = new QLabel;
    m_eta = new QLabel;

    connect(m_start, &QAction::triggered, this, &RunControls::startRequested);
    connect(m_pause, &QAction::triggered, &m_controller, &RunController::pause);
    connect(m_resume, &QAction::triggered, &m_controller, &RunController::resume);
    connect(m_stop, &QAction::triggered, &m_controller, &RunController::stop);
    connect(m_step, &QAction::triggered, &m_controller, &RunController::step);
    connect(m_stepBack, &QAction::triggered, &m_controller, &RunController::stepBack);
    connect(&m_controller, &RunController::steppingChanged, this, &RunControls::updateState);
    connect(&m_controller, &RunController::stepped, this, &RunControls::updateState);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_controller.setSpeed(m_speed->currentData().toDouble()); });
    connect(&m_controller, &RunController::stateChanged, this, &RunControls::updateState);
    connect(&m_controller, &RunController::refreshed, this, &RunControls::updateProgress);
    retranslateUi();
    updateState();
}

QList<QWidget*> RunControls::statusWidgets() const {
    return {m_state, m_progress, m_time, m_eta};
}

void RunControls::setSpeed(double simSecondsPerSecond) {
    for (int i = 0; i < m_speed->count(); ++i)
        if (m_speed->itemData(i).toDouble() == simSecondsPerSecond)
            m_speed->setCurrentIndex(i);
}

void RunControls::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QToolBar::changeEvent(event);
}

void RunControls::retranslateUi() {
    setWindowTitle(tr("Run"));
    m_start->setText(tr("&Start"));
    m_start->setToolTip(tr("Start a new run of the scenario with the chosen cores (Ctrl+R)"));
    m_pause->setText(tr("&Pause"));
    m_pause->setToolTip(tr("Pause the run; charts and inspectors stay available (F6)"));
    m_resume->setText(tr("&Resume"));
    m_resume->setToolTip(tr("Resume a paused run (F5)"));
    m_stop->setText(tr("S&top"));
    m_stop->setToolTip(tr("End the run now; it is kept in the history as cancelled (Shift+F5)"));
    m_step->setText(tr("St&ep"));
    m_step->setToolTip(tr("While paused: advance every core by one shopper action, or to "
                          "the followed shopper's next action (F10)"));
    m_stepBack->setText(tr("Step back"));
    m_stepBack->setToolTip(tr("While paused: back to the previous step, replayed from the "
                              "seed (Ctrl+F10)"));
    m_speedLabel->setText(tr(" Speed: "));
    const QStringList names = {
        tr("Real time"),          tr("1 minute per second"), tr("10 minutes per second"),
        tr("1 hour per second"),  tr("6 hours per second"),  tr("1 day per second"),
        tr("As fast as possible")};
    for (int i = 0; i < m_speed->count() && i < names.size(); ++i)
        m_speed->setItemText(i, names[i]);
    m_speed->setToolTip(tr("Simulated time per second of wall-clock time"));
    m_progress->setToolTip(tr("Share of the scenario's simulated duration (or of the event "
                              "limit) done by the slowest core"));
    updateState();
    updateProgress();
}

void RunControls::updateState() {
    const RunController::State s = m_controller.state();
    const bool active = s == RunController::State::Running || s == RunController::State::Paused;
    m_pause->setEnabled(s == RunController::State::Running);
    m_resume->setEnabled(s == RunController::State::Paused);
    m_stop->setEnabled(active);
    m_step->setEnabled(s == RunController::State::Paused && !m_controller.isReplay() &&
                       !m_controller.stepping());
    m_stepBack->setEnabled(s == RunController::State::Paused && !m_controller.isReplay() &&
                           !m_controller.stepping() && m_controller.stepNumber() > 0);
    switch (s) {
    case RunController::State::Idle:
        m_state->setText(tr("Ready"));
        break;
    case RunController::State::Running:
        m_state->setText(tr("Running"));
        break;
    case RunController::State::Paused:
        m_state->setText(tr("Paused"));
        break;
    case RunController::State::Finished:
        m_state->setText(m_controller.stopped()
                             ? tr("Stopped at %1 %")
                                   .arg(QLocale().toString(m_controller.fraction() * 100.0, 'f', 1))
                             : tr("Finished"));
        break;
    }
}

void RunControls::updateProgress() {
    m_progress->setValue(static_cast<int>(std::lround(m_controller.fraction() * 1000.0)));
    m_progress->setFormat(QStringLiteral("%1%").arg(m_controller.fraction() * 100.0, 0, 'f', 1));
    const double t = m_controller.simTime();
    const QString events = QLocale().toString(static_cast<qulonglong>(m_controller.events()));
    if (m_controller.isReplay()) {
        m_time->setText(tr("Log replay: %1 (of %2 days) · %3 events")
                            .arg(simTimeText(t),
                                 QLocale().toString(m_controller.endTime() / 86400.0, 'f', 1),
                                 events));
    } else {
        m_time->setText(tr("Simulated: %1 · %2 events").arg(simTimeText(t), events));
    }
    const double eta = m_controller.etaSeconds();
    if (m_controller.state() != RunController::State::Running || eta < 0.0)
        m_eta->setText(QString());
    else
        m_eta->setText(tr("ETA %1 s").arg(QLocale().toString(eta, 'f', eta < 10 ? 1 : 0)));
}

} // namespace recoscope::ui
