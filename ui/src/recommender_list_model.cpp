#include "recoscope/ui/recommender_list_model.h"

#include "recoscope/core/registry.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>

namespace recoscope::ui {

namespace {
// The header external cores are listed under, whatever family they declare: the user sees
// at a glance which cores did not ship with Recoscope.
const char* const kExternalFamily = QT_TRANSLATE_NOOP("RecommenderFamily", "external cores");
} // namespace

RecommenderListModel::RecommenderListModel(const core::RecommenderRegistry& registry,
                                           QObject* parent)
    : QAbstractListModel(parent), m_registry(registry) {
    build();
}

RecommenderListModel::Row RecommenderListModel::coreRow(const core::RecommenderEntry& e) const {
    const QString id = QString::fromStdString(e.id);
    const auto origin = m_origins.constFind(id);
    const bool external = origin != m_origins.constEnd();
    return {false, id,
            external ? QString::fromLatin1(kExternalFamily) : QString::fromStdString(e.family),
            QString::fromStdString(e.description), external ? *origin : QString()};
}

void RecommenderListModel::build() {
    // Built-in families in order of first registration, then the external cores: the same
    // grouping appendNewEntries() keeps as cores arrive.
    m_rows.clear();
    std::vector<Row> cores;
    for (const auto& e : m_registry.entries())
        cores.push_back(coreRow(e));
    std::vector<QString> families;
    for (const Row& r : cores)
        if (std::find(families.begin(), families.end(), r.family) == families.end())
            families.push_back(r.family);
    const auto external =
        std::find(families.begin(), families.end(), QString::fromLatin1(kExternalFamily));
    if (external != families.end())
        std::rotate(external, external + 1, families.end());
    for (const QString& family : families) {
        m_rows.push_back({true, QString(), family, QString(), QString()});
        for (const Row& r : cores)
            if (r.family == family)
                m_rows.push_back(r);
    }
}

void RecommenderListModel::setOrigins(const QHash<QString, QString>& origins) {
    beginResetModel();
    m_origins = origins;
    build();
    endResetModel();
}

void RecommenderListModel::appendNewEntries(const QHash<QString, QString>& origins) {
    m_origins.insert(origins);
    for (const auto& e : m_registry.entries()) {
        if (rowOf(QString::fromStdString(e.id)) >= 0)
            continue;
        const Row row = coreRow(e);
        // After the last row of its family's group, or a new group at the end.
        int at = -1;
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].header && m_rows[i].family == row.family) {
                at = static_cast<int>(i) + 1;
                while (at < rowCount() && !m_rows[static_cast<std::size_t>(at)].header)
                    ++at;
            }
        if (at < 0) {
            const int first = rowCount();
            beginInsertRows({}, first, first + 1);
            m_rows.push_back({true, QString(), row.family, QString(), QString()});
            m_rows.push_back(row);
        } else {
            beginInsertRows({}, at, at);
            m_rows.insert(m_rows.begin() + at, row);
        }
        endInsertRows();
    }
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
        if (r.header)
            return QCoreApplication::translate("RecommenderFamily", r.family.toUtf8().constData());
        if (r.family == QLatin1String(kExternalFamily))
            return QStringLiteral("  ") + tr("%1 (external)").arg(r.id);
        return QStringLiteral("  ") + r.id;
    case Qt::ToolTipRole: {
        if (r.header)
            return {};
        // A plugin's description has no translation: the English text is the fallback.
        const QString text =
            QCoreApplication::translate("Recommender", r.description.toUtf8().constData());
        return r.origin.isEmpty() ? text
                                  : text + QLatin1Char('\n') + tr("Loaded from %1").arg(r.origin);
    }
    case OriginRole:
        return r.origin;
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
