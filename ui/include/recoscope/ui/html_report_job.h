#pragma once
// HtmlReportJob: writes the HTML report of stored runs (sim::htmlReport) on a thread of
// its own with its own read-only store connection, so that a report over millions of
// events never blocks the GUI. One job at a time; destroying the job cancels and joins.

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace recoscope::ui {

class HtmlReportJob : public QObject {
    Q_OBJECT
public:
    explicit HtmlReportJob(QObject* parent = nullptr);
    ~HtmlReportJob() override;

    /// Starts writing `runIds` of the store at `dbPath` to `path` (written whole or not at
    /// all). False, doing nothing, while another report is being written.
    bool start(const QString& dbPath, const QList<qint64>& runIds, const QString& path);
    bool isRunning() const { return m_thread != nullptr; }

signals:
    /// On the job's thread of creation; `error` empty on success.
    void finished(const QString& path, const QString& error);

private:
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace recoscope::ui
