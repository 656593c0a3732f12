#include "recoscope/ui/html_report_job.h"

#include "recoscope/sim/html_report.h"
#include "recoscope/sim/run_store.h"

#include <QSaveFile>

namespace recoscope::ui {

HtmlReportJob::HtmlReportJob(QObject* parent) : QObject(parent) {}

HtmlReportJob::~HtmlReportJob() {
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

bool HtmlReportJob::start(const QString& dbPath, const QList<qint64>& runIds, const QString& path) {
    if (m_thread)
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    m_thread.reset(QThread::create([this, dbPath, runIds, path, cancel] {
        QString error;
        auto store = sim::RunStore::open(dbPath, sim::RunStore::Mode::ReadOnly);
        if (!store) {
            error = QString::fromStdString(store.error());
        } else if (auto page = sim::htmlReport(*store.value(), runIds, cancel.get()); !page) {
            error = QString::fromStdString(page.error());
        } else {
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(page.value().toUtf8()) < 0 || !f.commit())
                error = tr("Cannot write %1: %2").arg(path, f.errorString());
        }
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, path, error] {
                m_thread->wait();
                m_thread.reset();
                emit finished(path, error);
            },
            Qt::QueuedConnection);
    }));
    m_thread->start();
    return true;
}

} // namespace recoscope::ui
