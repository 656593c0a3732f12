#include "process_identity.h"

#include <QFile>
#include <QStringList>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace recoscope::sim {

namespace {

// Field 22 of /proc/PID/stat: the start time in clock ticks after boot. The command
// name (field 2) may hold spaces and parentheses, so count from the last ')'.
qint64 startTicksOf(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 is fields[19].
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(19).toLongLong(&ok);
    return ok ? ticks : -1;
}

} // namespace

ProcessIdentity ProcessIdentity::current() {
    ProcessIdentity id;
    id.host = QSysInfo::machineHostName();
    id.bootId = QString::fromLatin1(QSysInfo::bootUniqueId());
    id.pid = static_cast<qint64>(::getpid());
    id.startTicks = std::max<qint64>(0, startTicksOf(id.pid));
    return id;
}

QString ProcessIdentity::toString() const {
    return QStringLiteral("%1|%2|%3|%4").arg(host, bootId).arg(pid).arg(startTicks);
}

ProcessIdentity ProcessIdentity::parse(const QString& text) {
    ProcessIdentity id;
    const QStringList parts = text.split(QLatin1Char('|'));
    if (parts.size() != 4)
        return id;
    id.host = parts.at(0);
    id.bootId = parts.at(1);
    id.pid = parts.at(2).toLongLong();
    id.startTicks = parts.at(3).toLongLong();
    return id;
}

ProcessIdentity::Liveness ProcessIdentity::liveness() const {
    if (pid <= 0)
        return Liveness::Gone; // no owner recorded: written before owners were (schema < 4)
    const ProcessIdentity me = current();
    if (host != me.host)
        return Liveness::Unknown;
    if (!bootId.isEmpty() && !me.bootId.isEmpty() && bootId != me.bootId)
        return Liveness::Gone; // the machine restarted since
    if (startTicks > 0) {
        const qint64 now = startTicksOf(pid);
        if (now >= 0)
            return now == startTicks ? Liveness::Alive : Liveness::Gone; // pid reused
        if (QFile::exists(QStringLiteral("/proc/self/stat")))
            return Liveness::Gone; // /proc works, and has no such pid
    }
    // No /proc: ask the kernel whether the pid exists (EPERM: it does, someone else's).
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)
        return Liveness::Alive;
    return Liveness::Gone;
}

} // namespace recoscope::sim
