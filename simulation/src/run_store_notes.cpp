// RunStore's labels and notes (issue 14): text a user writes on a run after it ran. Kept
// apart from run_store.cpp, which writes what a run produces.

#include "recoscope/sim/run_store.h"

#include "recoscope/sim/sweep_plan.h"

#include <sqlite3.h>

#include <optional>

namespace recoscope::sim {

QString RunStore::labelProblem(const QString& label) {
    if (label.size() > kMaxLabelLength)
        return QStringLiteral("a label is at most %1 characters (this one has %2); write the rest "
                              "in the note")
            .arg(kMaxLabelLength)
            .arg(label.size());
    for (const QChar c : label)
        if (c.category() == QChar::Other_Control)
            return c == QLatin1Char('\n') || c == QLatin1Char('\r')
                       ? QStringLiteral("a label is one line; write the rest in the note")
                       : QStringLiteral("a label cannot hold control characters (U+%1)")
                             .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    // "sweep:ID job:I" is how report --sweep finds a sweep's runs: a hand-written one would
    // slip a run into a sweep, or take one out of it.
    if (label.startsWith(QLatin1String("sweep:")))
        return QStringLiteral("labels starting with 'sweep:' are reserved for a sweep's runs");
    return {};
}

QString RunStore::noteProblem(const QString& note) {
    if (note.size() > kMaxNoteLength)
        return QStringLiteral("a note is at most %1 characters (this one has %2)")
            .arg(kMaxNoteLength)
            .arg(note.size());
    return {};
}

core::Status RunStore::setLabel(qint64 runId, const QString& label) {
    auto current = run(runId);
    if (!current)
        return core::Error{current.error()};
    // Saving the text as it is (Enter in an editor that changed nothing) is no edit: it
    // must not be refused for an old over-long label, nor for a sweep job's key.
    if (current.value().label == label)
        return core::Ok{};
    if (const QString problem = labelProblem(label); !problem.isEmpty())
        return core::Error{
            QStringLiteral("%1: run %2: %3").arg(m_path).arg(runId).arg(problem).toStdString()};
    QString sweepId;
    int job = 0;
    if (SweepPlan::parseLabel(current.value().label, &sweepId, &job))
        return core::Error{QStringLiteral("%1: run %2 is job %3 of sweep %4: its label is the "
                                          "sweep's key (report --sweep and the Trade-offs view "
                                          "read it); write a note instead")
                               .arg(m_path)
                               .arg(runId)
                               .arg(job)
                               .arg(sweepId)
                               .toStdString()};
    return setRunText(runId, "UPDATE runs SET label = ?2 WHERE id = ?1", label,
                      QStringLiteral("label"));
}

core::Status RunStore::setNote(qint64 runId, const QString& note) {
    if (const QString problem = noteProblem(note); !problem.isEmpty())
        return core::Error{
            QStringLiteral("%1: run %2: %3").arg(m_path).arg(runId).arg(problem).toStdString()};
    return setRunText(runId, "UPDATE runs SET note = ?2 WHERE id = ?1", note,
                      QStringLiteral("note"));
}

core::Status RunStore::setRunText(qint64 runId, const char* sql, const QString& text,
                                  const QString& what) {
    const QString failure = QStringLiteral("cannot write the %1 of run %2").arg(what).arg(runId);
    sqlite3_stmt* st = prepare(sql);
    if (!st)
        return error(failure);
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_int64(st, 1, runId);
    sqlite3_bind_text(st, 2, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    // One statement is its own transaction: on failure (read-only file, a lock held past
    // the busy timeout) nothing was written. The message is read before finalising.
    const bool written = sqlite3_step(st) == SQLITE_DONE;
    std::optional<core::Error> failed;
    if (!written)
        failed = error(failure);
    sqlite3_finalize(st);
    if (failed)
        return *failed;
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("%1: no run %2").arg(m_path).arg(runId).toStdString()};
    return core::Ok{};
}

} // namespace recoscope::sim
