#pragma once
// RecommenderListModel: the registry's cores as a flat list for pickers, grouped by
// family: a disabled header row per family, then its cores. Display texts, tooltips
// (descriptions) and family names are translated (contexts RecommenderFamily and
// Recommender, English as fallback); IdRole gives a core row's registry id. External cores
// (loaded from a plugin: setOrigins(), appendNewEntries(origins)) follow the built-in ones
// under a header of their own, marked "(external)", the file they come from in the
// tooltip. GUI thread only; one instance can back several combo boxes.

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace recoscope::core {
class RecommenderRegistry;
struct RecommenderEntry;
} // namespace recoscope::core

namespace recoscope::ui {

class RecommenderListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole, IsHeaderRole, OriginRole };

    /// The registry must outlive the model; entries are read now, by setOrigins() and by
    /// appendNewEntries().
    explicit RecommenderListModel(const core::RecommenderRegistry& registry,
                                  QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Row of a core id, or -1.
    int rowOf(const QString& id) const;
    /// After a language change: every row's texts may differ.
    void retranslate();
    /// Lists the registry's entries not listed yet (a Python core or a plugin's cores
    /// loaded at run time): an entry with an origin (`origins` adds to those known: core
    /// id -> plugin file) goes under the external header, any other under its family's
    /// header, a new header at the end for a family not listed yet. Rows are inserted, not
    /// reset, so views keep their current row.
    void appendNewEntries(const QHash<QString, QString>& origins = {});
    /// Which cores are external (core id -> the plugin file): rebuilds the list (a model
    /// reset; views lose their current row).
    void setOrigins(const QHash<QString, QString>& origins);

private:
    struct Row {
        bool header = false;
        QString id;     ///< core id (empty for headers)
        QString family; ///< English family name
        QString description;
        QString origin; ///< the plugin file; empty for a built-in core
    };
    void build();
    /// The row of a core entry: under the external header when it has an origin.
    Row coreRow(const core::RecommenderEntry& entry) const;

    const core::RecommenderRegistry& m_registry;
    QHash<QString, QString> m_origins;
    std::vector<Row> m_rows;
};

} // namespace recoscope::ui
