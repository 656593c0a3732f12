#include "recoscope/ui/presentation_mode.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>

namespace recoscope::ui {

PresentationMode::PresentationMode(QMainWindow* window) : QObject(window), m_window(window) {}

void PresentationMode::setOn(bool on) {
    if (on == m_on)
        return;
    m_on = on;
    if (on) {
        // Saved as they are now, restored as they were: no rounding on the way back.
        m_normalFont = QApplication::font();
        m_normalState = m_window->saveState();
        m_normalTabPosition = m_window->tabPosition(Qt::RightDockWidgetArea);
        QFont big = m_normalFont;
        if (big.pointSizeF() > 0)
            big.setPointSizeF(big.pointSizeF() * kScale);
        else
            big.setPixelSize(qRound(big.pixelSize() * kScale));
        QApplication::setFont(big);
        m_normalIcons.clear();
        for (QToolBar* bar : m_window->findChildren<QToolBar*>()) {
            m_normalIcons.insert(bar, bar->iconSize());
            bar->setIconSize(bar->iconSize() * kScale);
        }
        arrangeDocks();
    } else {
        // The arrangement first, then the fonts: restoreState re-creates the dock tab
        // bars, which then get the normal font with every other widget.
        m_window->setTabPosition(Qt::RightDockWidgetArea,
                                 static_cast<QTabWidget::TabPosition>(m_normalTabPosition));
        m_window->restoreState(m_normalState);
        unelideDockTabs();
        for (auto it = m_normalIcons.cbegin(); it != m_normalIcons.cend(); ++it)
            it.key()->setIconSize(it.value());
        QApplication::setFont(m_normalFont);
    }
    emit toggled(on);
}

QByteArray PresentationMode::normalState() const {
    return m_on ? m_normalState : m_window->saveState();
}

// Side by side, the left column, the right column and the dashboard each get a third of
// 1280 pixels: too little for 12 pt forms and charts. One tabbed column of panels (the one
// being talked about raised) leaves the dashboard most of the width.
void PresentationMode::arrangeDocks() {
    QList<QDockWidget*> docks;
    for (QDockWidget* d : m_window->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        if (!d->isFloating())
            docks << d;
    if (docks.isEmpty())
        return;
    QDockWidget* front = nullptr;
    for (QDockWidget* d : std::as_const(docks))
        if (d->isVisible() && !d->visibleRegion().isEmpty() && !front)
            front = d;
    m_window->setTabPosition(Qt::RightDockWidgetArea, QTabWidget::North);
    QHash<QDockWidget*, bool> shown;
    for (QDockWidget* d : std::as_const(docks)) {
        shown[d] = !d->isHidden();
        m_window->removeDockWidget(d);
    }
    m_window->addDockWidget(Qt::RightDockWidgetArea, docks.first());
    for (int i = 1; i < docks.size(); ++i)
        m_window->tabifyDockWidget(docks.first(), docks[i]);
    for (QDockWidget* d : std::as_const(docks))
        d->setVisible(shown[d]);
    if (front)
        front->raise();
    m_window->resizeDocks({docks.first()}, {m_window->width() * 2 / 5}, Qt::Horizontal);
    // The dock tab bars exist once the layout has run.
    QTimer::singleShot(0, this, [this] { unelideDockTabs(); });
}

// QMainWindow elides dock tabs ("Shopper ins…") when they do not fit; scroll buttons
// keep every title whole.
void PresentationMode::unelideDockTabs() {
    for (QTabBar* bar : m_window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        bar->setElideMode(m_on ? Qt::ElideNone : Qt::ElideRight);
        bar->setUsesScrollButtons(true);
    }
}

} // namespace recoscope::ui
