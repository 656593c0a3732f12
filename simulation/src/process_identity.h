#pragma once
// Who owns a run while it is being written: enough to tell, later and from another
// process, whether that writer is still alive. A pid alone is not enough (pids are
// reused), so the identity adds the process's start time (clock ticks since boot, from
// /proc) and the boot id (a reboot ends every writer), and the host name (a store on a
// shared disk may be written from another machine, whose processes we cannot see).

#include <QString>

namespace recoscope::sim {

struct ProcessIdentity {
    QString host;
    QString bootId;
    qint64 pid = 0;
    qint64 startTicks = 0; ///< 0 where /proc is not available

    /// The calling process.
    static ProcessIdentity current();
    /// "host|boot|pid|start"; parse() accepts what toString() wrote, anything else
    /// (an empty owner from an older schema) gives pid 0.
    QString toString() const;
    static ProcessIdentity parse(const QString& text);

    enum class Liveness { Alive, Gone, Unknown };
    /// Alive when that very process (pid and start time) still runs on this boot of this
    /// host; Gone when it provably does not; Unknown for another host's process.
    Liveness liveness() const;
};

} // namespace recoscope::sim
