#pragma once
// RecommenderListModel: the registry's cores as a flat list for pickers, grouped by
// family: a disabled header row per family, then its cores. Display texts, tooltips
// (descriptions) and family names are translated (contexts RecommenderFamily and
// Recommender, English as fallback); IdRole gives a core row's registry id. GUI thread
// only; one instance can back several combo boxes.

#include <QAbstractListModel>

#include <vector>

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class RecommenderListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole, IsHeaderRole };

    /// The registry must outlive the model; entries are read once.
    explicit RecommenderListModel(const core::RecommenderRegistry& registry,
                                  QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Row of a core id, or -1.
    int rowOf(const QString& id) const;
    /// After a language change: every row's texts may differ.
    void retranslate();
    /// Appends the registry's entries not listed yet (a Python core loaded at run time),
    /// with a header row for a new family. Rows are inserted, not reset, so combo boxes
    /// keep their selection.
    void appendNewEntries(const core::RecommenderRegistry& registry);

private:
    struct Row {
        bool header = false;
        QString id;     ///< core id (empty for headers)
        QString family; ///< English family name
        QString description;
    };
    std::vector<Row> m_rows;
};

} // namespace recoscope::ui
