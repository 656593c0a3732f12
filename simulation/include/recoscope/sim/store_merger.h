#pragma once
// Combines run stores into one (`recoscope-cli merge`, docs/cli.md): the job files of a
// sweep run on many machines, or any stores. Runs, their events and metrics, and imported
// logs are copied with new ids (run ids, log ids and the events' (id << 40) | seq keys
// remapped; an arena's experiment id kept unless another file already uses it); every
// column is copied, so nothing is lost.
//
// "The same run" is refused: two runs with the same scenario hash, seed, core, resolved
// parameters and events hash (RunStore::eventsHash; for a run without events, a replay,
// the hash of its metric rows instead) -- the fingerprint of a deterministic run, whatever
// build or machine made it. So is a log name present twice. The message names both files
// and both run ids.
//
// Inputs are opened read-only and never written. Everything is checked first (each input
// readable, of this schema version, passing PRAGMA quick_check, no run still running, no
// duplicate); then all is copied in one transaction on the output. Any failure leaves the
// output as it was (a file the merge created is removed). One thread.

#include "recoscope/core/result.h"

#include <QString>
#include <QStringList>

namespace recoscope::sim {

class StoreMerger {
public:
    struct Copied {
        QString file;
        qint64 fromRun = 0;
        qint64 toRun = 0;
    };
    struct Summary {
        int files = 0;
        int runs = 0;
        qint64 events = 0;
        qint64 metricRows = 0;
        qint64 slates = 0;      ///< served slates copied (table `slates`)
        qint64 couponLines = 0; ///< coupon ledger rows copied (table `coupon_lines`)
        int logs = 0;
        bool created = false; ///< the output did not exist before
        QList<Copied> copied; ///< every run, in input order
    };

    /// Merges `inputs` (in order) into `output`, created if missing. Errors name the file
    /// at fault.
    static core::Result<Summary> merge(const QStringList& inputs, const QString& output);
};

} // namespace recoscope::sim
