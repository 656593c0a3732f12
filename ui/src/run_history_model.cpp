#include "recoscope/ui/run_history_model.h"

#include "metric_text.h"

#include "recoscope/sim/run_params_text.h"

#include <QDateTime>
#include <QFileInfo>
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
        m_readOnlyReason.clear();
        if (!opened) {
            // A store this user may not write (an archive, a colleague's file) can still be
            // browsed: open it read-only and say why labels and notes cannot be saved.
            auto readOnly = sim::RunStore::open(m_path, sim::RunStore::Mode::ReadOnly);
            if (readOnly && !QFileInfo(m_path).isWritable()) {
                m_readOnlyReason = QString::fromStdString(opened.error());
                opened = std::move(readOnly);
            }
        }
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
                row.params = sim::RunParamsText::brief(r.paramsJson);
                row.search = searchText(r, row.params);
                row.cost = costText(s);
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

QString RunHistoryModel::searchText(const sim::RunRecord& r, const QString& params) {
    return QStringList{r.label, r.note, params, r.scenarioName, r.recommender}
        .join(QLatin1Char('\n'))
        .toCaseFolded();
}

Qt::ItemFlags RunHistoryModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Label)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RunHistoryModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.column() != Label ||
        index.row() >= rowCount())
        return false;
    Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const QString label = value.toString();
    if (label == r.record.label)
        return true;
    if (!m_store) {
        emit editFailed(tr("No run store is open."));
        return false;
    }
    if (core::Status st = m_store->setLabel(r.record.id, label); !st) {
        emit editFailed(tr("Label not saved: %1").arg(QString::fromStdString(st.error())));
        return false;
    }
    r.record.label = label;
    r.search = searchText(r.record, r.params);
    // The whole row: SearchRole (read on the Id column) changed with the label.
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

QString RunHistoryModel::setNote(qint64 runId, const QString& note) {
    const int row = rowOfRun(runId);
    if (row < 0 || !m_store)
        return tr("Run %1 is not in the history.").arg(runId);
    Row& r = m_rows[static_cast<std::size_t>(row)];
    if (core::Status st = m_store->setNote(runId, note); !st) {
        const QString message = tr("Note not saved: %1").arg(QString::fromStdString(st.error()));
        emit editFailed(message);
        return message;
    }
    r.record.note = note;
    r.search = searchText(r.record, r.params);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return {};
}

QString RunHistoryModel::costText(const QJsonObject& s) {
    // What the run cost the machine, from the stored summary: the speed of the run itself,
    // then (summaries stored from 2026-12-02 on) the wait before its first event and the
    // process's peak memory. Empty when the summary has none of them.
    QStringList parts;
    const QLocale locale;
    if (s.contains(QStringLiteral("events_per_sec")) && s.contains(QStringLiteral("wall_s")))
        parts << tr("%1 events/s over %2 s")
                     .arg(locale.toString(s.value(QStringLiteral("events_per_sec")).toDouble(), 'f',
                                          0),
                          locale.toString(s.value(QStringLiteral("wall_s")).toDouble(), 'f', 2));
    if (s.contains(QStringLiteral("setup_s")))
        parts << tr("%1 s of set-up before the first event (the shop generated and hashed, the "
                    "core built)")
                     .arg(locale.toString(s.value(QStringLiteral("setup_s")).toDouble(), 'f', 2));
    if (s.contains(QStringLiteral("peak_rss_mb")))
        parts << tr("peak memory of the process %1 MB")
                     .arg(locale.toString(s.value(QStringLiteral("peak_rss_mb")).toDouble(), 'f',
                                          0));
    return parts.join(QLatin1Char('\n'));
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
    if (role == SearchRole)
        return r.search;
    if (role == Qt::EditRole && index.column() == Label)
        return r.record.label;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Parameters)
            return sim::RunParamsText::full(r.record.paramsJson);
        if ((index.column() == Label || index.column() == Note) && !r.record.note.isEmpty())
            return r.record.note;
        if (index.column() == Label)
            return tr("Double-click or F2 to edit the label; Enter saves it");
        if (index.column() == Events && !r.cost.isEmpty())
            return r.cost;
        return {};
    }
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort) {
        if (role == Qt::TextAlignmentRole && index.column() >= Events && index.column() <= Gini)
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
    case Label:
        return r.record.label;
    case Parameters:
        return r.params;
    case Note:
        // The first line; the whole note is the tooltip and the note editor.
        return sort ? r.record.note : r.record.note.section(QLatin1Char('\n'), 0, 0);
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
        case Label:
            return tr("Your one-line name for the run: double-click or F2 to edit, Enter "
                      "saves it to the store");
        case Parameters:
            return tr("The core's parameters, defaults included (the tooltip of a cell lists "
                      "them one per line)");
        case Note:
            return tr("Your note on the run, first line (Edit note… shows all of it)");
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
    case Label:
        return tr("Label");
    case Parameters:
        return tr("Parameters");
    case Note:
        return tr("Note");
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
