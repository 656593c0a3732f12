#pragma once
// BackgroundTask: one long computation at a time for a window (the off-policy check, the
// inventory replay, the privacy curve), on a thread of its own so the GUI never blocks.
// The result reaches the owner's thread through a queued call, after the thread is joined;
// stop() raises the cancel flag the work polls and joins. A window keeps one as a member and
// calls stop() from its destructor (the work may call back into the window until then).

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace recoscope::ui {

class BackgroundTask {
public:
    BackgroundTask() = default;
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;
    ~BackgroundTask() { stop(); }

    bool running() const { return m_thread != nullptr; }

    /// Runs `work(cancel)` on a new thread; unless cancelled meanwhile, `done(result)` runs
    /// later on `owner`'s thread, with running() already false. Call only while !running().
    template <class R>
    void start(QObject* owner, std::function<R(const std::atomic<bool>* cancel)> work,
               std::function<void(R)> done) {
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        auto cancel = m_cancel;
        m_thread.reset(QThread::create(
            [this, owner, cancel, work = std::move(work), done = std::move(done)]() mutable {
                R result = work(cancel.get());
                if (cancel->load())
                    return;
                // stop() may come after this call is queued: the cancel flag, checked again
                // on the owner's thread, keeps a stopped job's result (and a join of the
                // next job's thread) out.
                QMetaObject::invokeMethod(
                    owner,
                    [this, cancel, done, result = std::move(result)]() mutable {
                        if (cancel->load())
                            return;
                        join();
                        done(std::move(result));
                    },
                    Qt::QueuedConnection);
            }));
        m_thread->start();
    }

    /// Cancels the work and joins its thread; nothing more is delivered.
    void stop() {
        if (!m_thread)
            return;
        m_cancel->store(true);
        join();
    }

private:
    void join() {
        if (m_thread)
            m_thread->wait();
        m_thread.reset();
    }

    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace recoscope::ui
