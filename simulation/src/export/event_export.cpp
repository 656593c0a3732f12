#include "recoscope/sim/event_export.h"

#include "event_record_writer.h"

#include "recoscope/core/event.h"
#include "recoscope/sim/demographic_names.h"
#include "recoscope/sim/id_pseudonymiser.h"
#include "recoscope/sim/k_anonymiser.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <QIODevice>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <limits>

namespace recoscope::sim {

namespace {

// Read a run in chunks: bounded memory whatever the run's length.
constexpr qint64 kChunk = 65536;

// Ids that are not valid UTF-8 cannot be written as JSON text: percent-encoded, keeping
// printable ASCII readable (as the trec_eval export does).
QByteArray writableId(const QByteArray& external) {
    if (QString::fromUtf8(external).toUtf8() == external)
        return external;
    return external.toPercentEncoding(QByteArrayLiteral("!\"#$&'()*+,-./:;<=>?@[\\]^_`{|}~ "));
}

// A float price read back as double would print as 19.989999771118164: round it through
// the float's own shortest text so the file says 19.99.
double floatValue(float v) {
    char text[64];
    const auto r = std::to_chars(text, text + sizeof text, v);
    double d = v;
    std::from_chars(text, r.ptr, d);
    return d;
}

} // namespace

struct EventExporter::Source {
    bool isRun = true;
    qint64 id = 0; ///< run or log id
    QString name;  ///< for messages
    // Runs only: each user's demographic codes and what is released of them.
    std::vector<KAnonymiser::Codes> codes;
    std::vector<KAnonymiser::Release> release;
    std::vector<std::uint8_t> present; ///< by dense user id
    std::array<std::vector<QByteArray>, 4> names;
};

EventExporter::EventExporter(RunStore& store, const ExportOptions& options)
    : m_store(store), m_options(options), m_source(std::make_unique<Source>()) {
    m_report.format = options.format;
    m_report.anonymised = options.anonymise;
    m_report.granularity = options.granularity;
    m_report.k = options.anonymise ? options.k : 0;
}

EventExporter::~EventExporter() = default;

core::Status EventExporter::convertIds() {
    if (m_idsConverted)
        return core::Ok{};
    // An empty entry is an id that never appears (not written).
    const IdPseudonymiser hasher(m_options.salt);
    // Converted into copies, kept only when both tables are free of collisions.
    auto convert = [&](const std::vector<QByteArray>& ids, IdPseudonymiser::Domain domain,
                       const char* what) -> core::Result<std::vector<QByteArray>> {
        std::vector<QByteArray> written(ids.size());
        QSet<QByteArray> seen;
        seen.reserve(static_cast<qsizetype>(ids.size()));
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i].isEmpty())
                continue;
            const QByteArray id =
                m_options.anonymise ? hasher.pseudonym(domain, ids[i]) : writableId(ids[i]);
            if (seen.contains(id))
                return core::Error{
                    (m_options.anonymise
                         ? QStringLiteral("%1: two %2 ids have the same pseudonym %3 (a chance of "
                                          "about n^2/2^65; nothing was exported): export again "
                                          "with another salt")
                         : QStringLiteral("%1: two %2 ids are written the same, '%3', after "
                                          "percent-encoding ids that are not UTF-8"))
                        .arg(m_report.source, QLatin1String(what), QString::fromUtf8(id))
                        .toStdString()};
            seen.insert(id);
            written[i] = id;
        }
        return written;
    };
    auto users = convert(m_userIds, IdPseudonymiser::Domain::User, "user");
    if (!users)
        return core::Error{users.error()};
    auto items = convert(m_itemIds, IdPseudonymiser::Domain::Item, "item");
    if (!items)
        return core::Error{items.error()};
    m_userIds = std::move(users).value();
    m_itemIds = std::move(items).value();
    m_idsConverted = true;
    return core::Ok{};
}

core::Result<std::unique_ptr<EventExporter>> EventExporter::forRun(RunStore& store, qint64 runId,
                                                                   const ExportOptions& options) {
    core::Result<RunRecord> run = store.run(runId);
    if (!run)
        return core::Error{run.error()};
    const RunRecord& r = run.value();
    const QString where = QStringLiteral("%1: run %2").arg(store.path()).arg(runId);
    if (r.scenarioName.startsWith(QLatin1String("log:")))
        return core::Error{QStringLiteral("%1 is a replay of log '%2': it holds metrics, not "
                                          "events (export the log with --log %2)")
                               .arg(where, r.scenarioName.mid(4))
                               .toStdString()};
    core::Result<Scenario> scenario = parseScenario(r.scenarioJson, where);
    if (!scenario)
        return core::Error{scenario.error()};
    // The store keeps the event log only: the users' demographics are regenerated from
    // the scenario and seed, and must be the very users the run had.
    const World world = generateWorld(scenario.value(), r.seed);
    if (!r.populationHash.isEmpty() && world.populationHash() != r.populationHash)
        return core::Error{QStringLiteral("%1: the regenerated users do not match the stored "
                                          "population hash (run made by another version: %2)")
                               .arg(where, r.buildVersion)
                               .toStdString()};

    std::unique_ptr<EventExporter> x(new EventExporter(store, options));
    x->m_report.source = QStringLiteral("run %1").arg(runId);
    x->m_report.hasDemographics = true;
    Source& src = *x->m_source;
    src.id = runId;
    src.name = where;
    const core::UserTable& u = world.users;
    const std::size_t users = u.size();
    src.codes.resize(users);
    for (std::size_t i = 0; i < users; ++i)
        src.codes[i] = {u.ageBand[i], u.gender[i], u.occupation[i], u.region[i]};
    for (int c = 0; c < u.ageBandCount; ++c)
        src.names[0].push_back(demographicName(Demographic::AgeBand, c));
    for (int c = 0; c < u.genderCount; ++c)
        src.names[1].push_back(demographicName(Demographic::Gender, c));
    for (int c = 0; c < u.occupationCount; ++c)
        src.names[2].push_back(demographicName(Demographic::Occupation, c));
    for (int c = 0; c < u.regionCount; ++c)
        src.names[3].push_back(demographicName(Demographic::Region, c));

    // First pass: which users and items appear (k-anonymity counts exported users only),
    // and the invariants the second pass relies on.
    src.present.assign(users, 0);
    std::vector<std::uint8_t> itemSeen(world.items.category.size(), 0);
    double last = -std::numeric_limits<double>::infinity();
    for (qint64 offset = 0;; offset += kChunk) {
        auto events = store.events(runId, offset, kChunk);
        if (!events)
            return core::Error{events.error()};
        for (const core::Event& e : events.value()) {
            if (e.user >= users || (e.item != core::kNoItem && e.item >= itemSeen.size()))
                return core::Error{QStringLiteral("%1: an event refers to user %2 / item %3, "
                                                  "outside the regenerated shop")
                                       .arg(where)
                                       .arg(e.user)
                                       .arg(e.item)
                                       .toStdString()};
            // The engine's clock never goes back, so sequence order is time order.
            if (e.time < last)
                return core::Error{
                    QStringLiteral("%1: events are not in time order").arg(where).toStdString()};
            last = e.time;
            src.present[e.user] = 1;
            if (e.item != core::kNoItem)
                itemSeen[e.item] = 1;
        }
        if (static_cast<qint64>(events.value().size()) < kChunk)
            break;
    }

    std::vector<QByteArray> userIds(users), itemIds(itemSeen.size());
    std::vector<KAnonymiser::Codes> presentCodes;
    for (std::size_t i = 0; i < users; ++i)
        if (src.present[i]) {
            userIds[i] = QByteArray::number(static_cast<qulonglong>(i));
            presentCodes.push_back(src.codes[i]);
        }
    for (std::size_t i = 0; i < itemSeen.size(); ++i)
        if (itemSeen[i])
            itemIds[i] = QByteArray::number(static_cast<qulonglong>(i));
    x->m_report.users = static_cast<qint64>(presentCodes.size());
    x->m_report.items = std::count(itemSeen.begin(), itemSeen.end(), std::uint8_t{1});
    x->m_userIds = std::move(userIds);
    x->m_itemIds = std::move(itemIds);

    src.release.assign(users, KAnonymiser::Release::All);
    if (options.anonymise) {
        const KAnonymiser::Outcome o = KAnonymiser::generalise(presentCodes, options.k);
        std::size_t next = 0;
        for (std::size_t i = 0; i < users; ++i)
            if (src.present[i])
                src.release[i] = o.release[next++];
        x->m_report.suppressedUsers = o.suppressed;
        x->m_report.usersWithoutRegion = o.withoutRegion;
        x->m_report.usersWithoutAny = o.nothing;
    }
    return x;
}

core::Result<std::unique_ptr<EventExporter>>
EventExporter::forLog(RunStore& store, const QString& name, const ExportOptions& options) {
    LogStore logs(store);
    core::Result<LogInfo> info = logs.log(name);
    if (!info)
        return core::Error{info.error()};
    auto users = logs.externalUsers(info.value().id);
    if (!users)
        return core::Error{users.error()};
    auto items = logs.externalItems(info.value().id);
    if (!items)
        return core::Error{items.error()};
    std::unique_ptr<EventExporter> x(new EventExporter(store, options));
    x->m_report.source = QStringLiteral("log '%1'").arg(name);
    x->m_source->isRun = false;
    x->m_source->id = info.value().id;
    x->m_source->name = QStringLiteral("%1: log '%2'").arg(store.path(), name);
    // Every stored id appears in at least one event: the import creates ids from events.
    x->m_report.users = static_cast<qint64>(users.value().size());
    x->m_report.items = static_cast<qint64>(items.value().size());
    x->m_userIds = std::move(users).value();
    x->m_itemIds = std::move(items).value();
    return x;
}

core::Status EventExporter::write(QIODevice& out) {
    const Source& src = *m_source;
    m_failure = Failure::None;
    if (auto s = convertIds(); !s) {
        m_failure = Failure::Collision;
        return s;
    }
    EventRecordWriter writer(out, m_options.format, src.isRun);
    m_report.events = 0;
    m_report.eventsWithSuppression = 0;
    auto refused = [&]() -> core::Status {
        m_failure = Failure::Output;
        return core::Error{
            QStringLiteral("cannot write the export: %1").arg(out.errorString()).toStdString()};
    };
    if (!writer.begin())
        return refused();
    const QByteArray none;
    // One event to one row; false when the device refused the bytes.
    auto row = [&](double time, std::size_t user, std::size_t item, core::EventKind kind,
                   double value) {
        EventRecordWriter::Record rec;
        rec.time = floorTime(time, m_options.granularity);
        rec.user = m_userIds[user];
        rec.item = item < m_itemIds.size() ? QByteArrayView(m_itemIds[item]) : QByteArrayView();
        rec.kind = core::eventKindName(kind);
        rec.value = value;
        if (src.isRun) {
            const KAnonymiser::Release release = src.release[user];
            for (int f = 0; f < KAnonymiser::kFieldCount; ++f) {
                const auto fi = static_cast<std::size_t>(f);
                const std::size_t code = src.codes[user][fi];
                const bool kept = KAnonymiser::keeps(release, f) && code < src.names[fi].size();
                rec.demographics[fi] = kept ? QByteArrayView(src.names[fi][code]) : none;
            }
            if (release != KAnonymiser::Release::All)
                ++m_report.eventsWithSuppression;
        }
        ++m_report.events;
        return writer.write(rec);
    };

    if (src.isRun) {
        for (qint64 offset = 0;; offset += kChunk) {
            auto events = m_store.events(src.id, offset, kChunk);
            if (!events) {
                m_failure = Failure::Store;
                return core::Error{events.error()};
            }
            for (const core::Event& e : events.value())
                if (!row(e.time, e.user, e.item == core::kNoItem ? m_itemIds.size() : e.item,
                         e.kind, floatValue(e.price)))
                    return refused();
            if (static_cast<qint64>(events.value().size()) < kChunk)
                break;
        }
    } else {
        bool ok = true, inRange = true;
        LogStore logs(m_store);
        core::Status read = logs.forEachEvent(src.id, [&](const LogEvent& e) {
            inRange = e.user < m_userIds.size() && e.item < m_itemIds.size();
            ok = inRange && row(e.time, e.user, e.item, e.kind, e.value);
            return ok;
        });
        if (!read || !inRange)
            m_failure = Failure::Store;
        if (!read)
            return read;
        if (!inRange)
            return core::Error{QStringLiteral("%1: an event refers to an id the log does not list")
                                   .arg(src.name)
                                   .toStdString()};
        if (!ok)
            return refused();
    }
    if (!writer.finish())
        return refused();
    return core::Ok{};
}

} // namespace recoscope::sim
