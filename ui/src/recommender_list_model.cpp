#include "recoscope/ui/recommender_list_model.h"

#include "recoscope/core/registry.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>

namespace recoscope::ui {

RecommenderListModel::RecommenderListModel(const core::RecommenderRegistry& registry,
                                           QObject* parent)
    : QAbstractListModel(parent) {
    std::vector<std::string> families; // in order of first appearance, as registered
    for (const auto& e : registry.entries())
        if (std::find(families.begin(), families.end(), e.family) == families.end())
            families.push_back(e.family);
    for (const std::string& family : families) {
        m_rows.push_back({true, QString(), QString::fromStdString(family), QString()});
        for (const auto& e : registry.entries())
            if (e.family == family)
                m_rows.push_back({false, QString::fromStdString(e.id),
                                  QString::fromStdString(family),
                                  QString::fromStdString(e.description)});
    }
}

void RecommenderListModel::appendNewEntries(const core::RecommenderRegistry& registry) {
    std::vector<Row> added;
    for (const auto& e : registry.entries()) {
        const QString id = QString::fromStdString(e.id);
        if (rowOf(id) >= 0)
            continue;
        const QString family = QString::fromStdString(e.family);
        const bool known =
            std::any_of(m_rows.begin(), m_rows.end(),
                        [&](const Row& r) { return r.header && r.family == family; }) ||
            std::any_of(added.begin(), added.end(),
                        [&](const Row& r) { return r.header && r.family == family; });
        if (!known)
            added.push_back({true, QString(), family, QString()});
        added.push_back({false, id, family, QString::fromStdString(e.description)});
    }
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
}

int RecommenderListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RecommenderListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return r.header
                   ? QCoreApplication::translate("RecommenderFamily", r.family.toUtf8().constData())
                   : QStringLiteral("  ") + r.id;
    case Qt::ToolTipRole:
        return r.header ? QVariant()
                        : QVariant(QCoreApplication::translate("Recommender",
                                                               r.description.toUtf8().constData()));
    case Qt::FontRole:
        if (r.header) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IdRole:
        return r.header ? QVariant() : QVariant(r.id);
    case IsHeaderRole:
        return r.header;
    default:
        return {};
    }
}

Qt::ItemFlags RecommenderListModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= rowCount())
        return Qt::NoItemFlags;
    return m_rows[static_cast<std::size_t>(index.row())].header
               ? Qt::NoItemFlags
               : (Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

int RecommenderListModel::rowOf(const QString& id) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (!m_rows[i].header && m_rows[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void RecommenderListModel::retranslate() {
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace recoscope::ui
