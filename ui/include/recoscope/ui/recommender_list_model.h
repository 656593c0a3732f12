#pragma once
// RecommenderListModel: the registry's cores as a flat list for pickers, grouped by
// family: a disabled header row per family, then its cores. Display texts, tooltips
// (descriptions) and family names are translated (contexts RecommenderFamily and
// Recommender, English as fallback); IdRole gives a core row's registry id. External cores
// (loaded from a plugin: setOrigins(), refresh()) follow the built-in ones under a header
// of their own, marked "(external)", the file they come from in the tooltip. GUI thread
// only; one instance can back several combo boxes.

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class RecommenderListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole, IsHeaderRole, OriginRole };

    /// The registry must outlive the model; entries are read now, by setOrigins() and by
    /// refresh().
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
    /// Which cores are external (core id -> the plugin file): rebuilds the list (a model
    /// reset; views lose their current row).
    void setOrigins(const QHash<QString, QString>& origins);
    /// Appends the cores registered since, as external ones (`origins` adds their files);
    /// rows already listed stay where they are, so that views keep their current row.
    void refresh(const QHash<QString, QString>& origins);

private:
    struct Row {
        bool header = false;
        QString id;     ///< core id (empty for headers)
        QString family; ///< English family name
        QString description;
        QString origin; ///< the plugin file; empty for a built-in core
    };
    void build();

    const core::RecommenderRegistry& m_registry;
    QHash<QString, QString> m_origins;
    std::vector<Row> m_rows;
};

} // namespace recoscope::ui
