#pragma once
// StaggeredRefresh: spreads a redraw over several passes of the event loop, one unit of
// work (a table group, one chart) per pass, so no single block of GUI-thread work holds up
// input, timers or painting for long (docs/decisions/0035-staggered-dashboard-refresh.md).
// Units are small integers the owner defines; the owner's `draw` callback does the work.
// GUI thread only.

#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace recoscope::ui {

class StaggeredRefresh : public QObject {
    Q_OBJECT
public:
    /// `draw(unit)` draws one unit from the owner's current data; `done()` runs when the
    /// queue empties (every scheduled unit drew the latest data).
    StaggeredRefresh(std::function<void(int)> draw, std::function<void()> done,
                     QObject* parent = nullptr);

    /// Queues `units` in order, each at most once: a unit already waiting is not queued
    /// again (it will draw the newest data when its turn comes); one drawn earlier in the
    /// current cycle is queued again. The first unit is drawn on a later pass of the event
    /// loop, never inside this call.
    void schedule(const QList<int>& units);
    /// Draws every waiting unit now, in order (exports, screenshots, tests).
    void flush();
    /// Drops the waiting units without drawing them (a full redraw made them moot).
    void cancel();
    /// Units still waiting, in order.
    const QList<int>& pending() const { return m_queue; }

private:
    void drawNext();

    std::function<void(int)> m_draw;
    std::function<void()> m_done;
    QList<int> m_queue;
    QTimer* m_timer = nullptr;
};

} // namespace recoscope::ui
