#include "recoscope/ui/run_history_model.h"

#include "metric_text.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <map>

namespace recoscope::ui {

RunHistoryModel::RunHistoryModel(QString dbPath, QObject* parent)
    : QAbstractTableModel(parent), m_path(std::move(dbPath)) {}

RunHistoryModel::~RunHistoryModel() = default;

bool RunHistoryModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    bool ok = true;
    if (!m_store && !m_path.isEmpty()) {
        auto opened = sim::RunStore::open(m_path);
        if (opened) {
            m_store = std::move(opened).value();
            m_interrupted.assign(m_store->interruptedOnOpen().begin(),
                                 m_store->interruptedOnOpen().end());
        } else {
            m_error = QString::fromStdString(opened.error());
            ok = false;
        }
    }
    if (m_store) {
        auto runs = m_store->runs();
        if (!runs) {
            m_error = QString::fromStdString(runs.error());
            ok = false;
        } else {
            std::map<qint64, QStringList> arenas;
            for (const sim::RunRecord& r : runs.value())
                if (r.experimentId)
                    arenas[r.experimentId] << r.recommender;
            for (const sim::RunRecord& r : runs.value()) {
                Row row;
                row.record = r;
                const QJsonObject s = QJsonDocument::fromJson(r.summaryJson).object();
                row.hasSummary = !s.isEmpty();
                row.events = s.value(QStringLiteral("events")).toDouble();
                row.ctr = s.value(QStringLiteral("ctr")).toDouble();
                row.cvr = s.value(QStringLiteral("cvr")).toDouble();
                row.revenue = s.value(QStringLiteral("revenue")).toDouble();
                row.coverage = s.value(QStringLiteral("coverage")).toDouble();
                row.gini = s.value(QStringLiteral("gini")).toDouble();
                row.replay = r.scenarioName.startsWith(QLatin1String("log:"));
                if (row.replay) {
                    // Coverage and Gini of the recommended lists (docs/metrics.md).
                    row.coverage = s.value(QStringLiteral("item_coverage")).toDouble();
                    row.gini = s.value(QStringLiteral("gini_index")).toDouble();
                }
                if (r.experimentId)
                    row.arena = arenas[r.experimentId].join(QStringLiteral(" · "));
                m_rows.push_back(std::move(row));
            }
        }
    }
    endResetModel();
    return ok;
}

const sim::RunRecord* RunHistoryModel::record(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)].record;
}

int RunHistoryModel::rowOfRun(qint64 runId) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].record.id == runId)
            return static_cast<int>(i);
    return -1;
}

QList<qint64> RunHistoryModel::experimentRuns(qint64 experimentId) const {
    QList<qint64> ids;
    for (const Row& r : m_rows)
        if (experimentId && r.record.experimentId == experimentId)
            ids << r.record.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == RunIdRole)
        return r.record.id;
    if (role == ExperimentRole)
        return r.record.experimentId;
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort) {
        if (role == Qt::TextAlignmentRole && index.column() >= Events)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    auto pct = [&](double v) -> QVariant {
        if (sort)
            return v;
        return r.hasSummary ? QLocale().toString(v * 100.0, 'f', 2) + QLatin1Char('%') : QVariant();
    };
    switch (index.column()) {
    case Id:
        return r.record.id;
    case Started: {
        if (sort)
            return r.record.started;
        const QDateTime t = QDateTime::fromString(r.record.started, Qt::ISODate);
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                           : r.record.started;
    }
    case Scenario:
        return r.record.scenarioName;
    case Core:
        return r.record.recommender;
    case Arena:
        return r.arena;
    case Status:
        if (sort)
            return r.record.status;
        if (r.record.status == QLatin1String("finished"))
            return tr("finished");
        if (r.record.status == QLatin1String("cancelled"))
            return tr("stopped");
        if (r.record.status == QLatin1String("running"))
            return tr("running");
        if (r.record.status == QLatin1String("failed"))
            return tr("failed");
        if (r.record.status == QLatin1String("interrupted"))
            return tr("interrupted");
        return r.record.status;
    case Events:
        if (sort)
            return r.events;
        return r.hasSummary ? QLocale().toString(static_cast<qulonglong>(r.events)) : QVariant();
    case Ctr:
    case Cvr:
    case Revenue:
        if (r.replay)
            return sort ? QVariant(-1.0) : QVariant(QStringLiteral("–"));
        if (index.column() == Ctr)
            return pct(r.ctr);
        if (index.column() == Cvr)
            return pct(r.cvr);
        if (sort)
            return r.revenue;
        return r.hasSummary ? QLocale().toString(r.revenue, 'f', 0) : QVariant();
    case Coverage:
        return pct(r.coverage);
    case Gini:
        if (sort)
            return r.gini;
        return r.hasSummary ? QLocale().toString(r.gini, 'f', 3) : QVariant();
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Arena:
            return tr("The cores of the A/B arena this run belongs to (same shoppers, same random "
                      "numbers).");
        case Events:
            return counterHelp(QStringLiteral("events"));
        case Ctr:
            return counterHelp(QStringLiteral("ctr"));
        case Cvr:
            return counterHelp(QStringLiteral("cvr"));
        case Revenue:
            return counterHelp(QStringLiteral("revenue"));
        case Coverage:
            return counterHelp(QStringLiteral("coverage"));
        case Gini:
            return counterHelp(QStringLiteral("gini"));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Run");
    case Started:
        return tr("Started");
    case Scenario:
        return tr("Scenario");
    case Core:
        return tr("Core");
    case Arena:
        return tr("Arena");
    case Status:
        return tr("Status");
    case Events:
        return counterTitle(QStringLiteral("events"));
    case Ctr:
        return counterTitle(QStringLiteral("ctr"));
    case Cvr:
        return counterTitle(QStringLiteral("cvr"));
    case Revenue:
        return counterTitle(QStringLiteral("revenue"));
    case Coverage:
        return counterTitle(QStringLiteral("coverage"));
    case Gini:
        return counterTitle(QStringLiteral("gini"));
    default:
        return {};
    }
}

} // namespace recoscope::ui
