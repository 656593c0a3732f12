#pragma once
// RunHistoryModel: every run of the SQLite run store as a table (one row per run), with
// the key metrics of its stored summary. Display text is formatted; Qt::UserRole holds
// the raw value for sorting; RunIdRole the run id on every cell. GUI thread only; reload()
// re-reads the store (the engine writes from its own connection, WAL keeps reads cheap).

#include "recoscope/sim/run_store.h"

#include <QAbstractTableModel>

#include <memory>

namespace recoscope::ui {

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Started,
        Scenario,
        Core,
        Arena,
        Status,
        Events,
        Ctr,
        Cvr,
        Revenue,
        Coverage,
        Gini,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, RunIdRole, ExperimentRole };

    explicit RunHistoryModel(QString dbPath, QObject* parent = nullptr);
    ~RunHistoryModel() override;

    /// Re-reads the store; false (and lastError()) when it cannot be opened or read.
    bool reload();
    QString lastError() const { return m_error; }
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

private:
    struct Row {
        sim::RunRecord record;
        double events = 0, ctr = 0, cvr = 0, revenue = 0, coverage = 0, gini = 0;
        bool hasSummary = false;
        bool replay = false; ///< a log replay: no shop, so no CTR, CVR or revenue
        QString arena;
    };
    QString m_path;
    std::unique_ptr<sim::RunStore> m_store;
    std::vector<Row> m_rows;
    QString m_error;
    std::vector<qint64> m_interrupted;
};

} // namespace recoscope::ui
