#pragma once
// RunHistoryModel: every run of the SQLite run store as a table (one row per run), with
// its label, core parameters, note and the key metrics of its stored summary. Display
// text is formatted; Qt::UserRole holds the raw value for sorting; RunIdRole the run id on
// every cell; SearchRole (on every cell) the text the history's search box matches. The
// Label column is editable: setData() writes the store at once (RunStore::setLabel) and
// on refusal keeps the old text and emits editFailed(). GUI thread only; reload() re-reads
// the store (the engine writes from its own connection, WAL keeps reads cheap).

#include "recoscope/sim/run_store.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <memory>

namespace recoscope::ui {

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Label,
        Started,
        Scenario,
        Core,
        Parameters,
        Arena,
        Status,
        Events,
        Ctr,
        Cvr,
        Revenue,
        Coverage,
        Gini,
        Note,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, RunIdRole, ExperimentRole, SearchRole };

    explicit RunHistoryModel(QString dbPath, QObject* parent = nullptr);
    ~RunHistoryModel() override;

    /// Re-reads the store; false (and lastError()) when it cannot be opened or read.
    bool reload();
    QString lastError() const { return m_error; }
    /// Why the store is open read-only (it may not be written by this user), or empty
    /// when it is writable: the runs are listed, labels and notes cannot be saved.
    QString readOnlyReason() const { return m_readOnlyReason; }
    /// Runs that opening the store marked 'interrupted' (their process had died while
    /// writing them); the panel tells the user once.
    const std::vector<qint64>& interruptedOnOpen() const { return m_interrupted; }
    sim::RunStore* store() const { return m_store.get(); }
    const sim::RunRecord* record(int row) const;
    int rowOfRun(qint64 runId) const;
    /// Ids of the runs of an arena (experiment), in id order.
    QList<qint64> experimentRuns(qint64 experimentId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Label column, Qt::EditRole: RunStore::setLabel; false (old text kept, editFailed
    /// emitted with the store's message) when the store refuses.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    /// Writes a run's note to the store; the store's message on refusal (old note kept),
    /// empty on success.
    QString setNote(qint64 runId, const QString& note);

signals:
    /// A label or note the store refused (read-only or locked file, too long, …).
    void editFailed(const QString& message);

private:
    struct Row {
        sim::RunRecord record;
        double events = 0, ctr = 0, cvr = 0, revenue = 0, coverage = 0, gini = 0;
        bool hasSummary = false;
        bool replay = false; ///< a log replay: no shop, so no CTR, CVR or revenue
        QString arena;
        QString params; ///< RunParamsText::brief
        QString search; ///< lower-case label, note, parameters, scenario and core
        QString cost;   ///< speed, set-up and memory, for the Events cell's tooltip
    };
    static QString searchText(const sim::RunRecord& r, const QString& params);
    static QString costText(const QJsonObject& summary);
    QString m_path;
    std::unique_ptr<sim::RunStore> m_store;
    std::vector<Row> m_rows;
    QString m_error;
    QString m_readOnlyReason;
    std::vector<qint64> m_interrupted;
};

} // namespace recoscope::ui
