#include "staggered_refresh.h"

#include <QTimer>

namespace recoscope::ui {

StaggeredRefresh::StaggeredRefresh(std::function<void(int)> draw, std::function<void()> done,
                                   QObject* parent)
    : QObject(parent), m_draw(std::move(draw)), m_done(std::move(done)), m_timer(new QTimer(this)) {
    // 1 ms, not 0: a zero timer may run again before the event loop has painted and
    // delivered what waits; with 1 ms each unit is followed by a pass of the loop (the
    // paint of that unit is a block of its own). Four charts and the tables take ~5 passes,
    // well inside the 33 ms between refreshes.
    m_timer->setInterval(1);
    connect(m_timer, &QTimer::timeout, this, &StaggeredRefresh::drawNext);
}

void StaggeredRefresh::schedule(const QList<int>& units) {
    for (int u : units)
        if (!m_queue.contains(u))
            m_queue.append(u);
    if (!m_queue.isEmpty() && !m_timer->isActive())
        m_timer->start();
}

void StaggeredRefresh::flush() {
    while (!m_queue.isEmpty())
        drawNext();
}

void StaggeredRefresh::cancel() {
    m_queue.clear();
    m_timer->stop();
}

void StaggeredRefresh::drawNext() {
    if (m_queue.isEmpty()) {
        m_timer->stop();
        return;
    }
    m_draw(m_queue.takeFirst());
    if (m_queue.isEmpty()) {
        m_timer->stop();
        m_done();
    }
}

} // namespace recoscope::ui
