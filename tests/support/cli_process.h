// Runs recoscope-cli as a child process for a test, optionally as an unprivileged user.
// One helper for every CLI test (each used to carry its own copy of the QProcess dance).
//
// Contract: cli() waits up to `timeoutMs` and aborts the test binary (qFatal) if the child
// does not finish, so a hang is a failure, never a silent pass.

#pragma once

#include "test_paths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QThread>

#include <grp.h>
#include <unistd.h>

namespace recoscope::test {

struct CliResult {
    int code = -1; ///< the exit code, -1 when the child crashed
    QString out;
    QString err;
};

struct CliOptions {
    QString workDir;
    int timeoutMs = 240000;
    /// Run the child as `nobody` when the test runs as root (see runsAsRoot()).
    bool unprivileged = false;
};

/// Root writes through file permissions, so a read-only store can only be tested from a
/// process that is not root: tests running as root drop the child to nobody (65534).
inline bool runsAsRoot() {
    return geteuid() == 0;
}

/// For QProcess::setChildProcessModifier: become nobody, or exit 126 (never run as root by
/// mistake, which would make a read-only test pass for the wrong reason).
inline void becomeNobody() {
    constexpr gid_t kNobodyGroup = 65534;
    constexpr uid_t kNobody = 65534;
    if (setgroups(0, nullptr) != 0 || setgid(kNobodyGroup) != 0 || setuid(kNobody) != 0)
        _exit(126);
}

inline CliResult cli(const QStringList& args, const CliOptions& options = {}) {
    QProcess p;
    if (!options.workDir.isEmpty())
        p.setWorkingDirectory(options.workDir);
    if (options.unprivileged && runsAsRoot())
        p.setChildProcessModifier(becomeNobody);
    p.start(recoscope::test::cliPath(), args);
    if (!p.waitForFinished(options.timeoutMs))
        qFatal("recoscope-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// True once process `pid` has installed a handler for `signal` (Linux: the SigCgt mask in
/// /proc/PID/status), false after `timeoutMs`. A test that interrupts a child must wait for
/// this: a signal sent before the handler exists kills the child outright (seen under ASan,
/// whose start-up outlasted a fixed 150 ms wait, so SIGINT ended the CLI with status 2).
inline bool waitForSignalHandler(qint64 pid, int signal, int timeoutMs = 60000) {
    const QString path = QStringLiteral("/proc/%1/status").arg(pid);
    const quint64 bit = quint64{1} << (signal - 1);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        QFile status(path);
        if (!status.open(QIODevice::ReadOnly))
            return false; // the child is gone
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("SigCgt:")) {
                bool ok = false;
                const quint64 caught = line.mid(7).trimmed().toULongLong(&ok, 16);
                if (ok && (caught & bit) != 0)
                    return true;
            }
        }
        QThread::msleep(5);
    }
    return false;
}

} // namespace recoscope::test
