#include "recoscope/ui/recommender_list_model.h"

#include "recoscope/core/registry.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>
#include <utility>

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

void RecommenderListModel::build() {
    m_rows.clear();
    auto external = [&](const core::RecommenderEntry& e) {
        return m_origins.contains(QString::fromStdString(e.id));
    };
    std::vector<std::string> families; // in order of first appearance, as registered
    for (const auto& e : m_registry.entries())
        if (!external(e) && std::find(families.begin(), families.end(), e.family) == families.end())
            families.push_back(e.family);
    for (const std::string& family : families) {
        m_rows.push_back({true, QString(), QString::fromStdString(family), QString(), QString()});
        for (const auto& e : m_registry.entries())
            if (e.family == family && !external(e))
                m_rows.push_back({false, QString::fromStdString(e.id),
                                  QString::fromStdString(family),
                                  QString::fromStdString(e.description), QString()});
    }
    bool header = false;
    for (const auto& e : m_registry.entries()) {
        if (!external(e))
            continue;
        if (!std::exchange(header, true))
            m_rows.push_back(
                {true, QString(), QString::fromLatin1(kExternalFamily), QString(), QString()});
        const QString id = QString::fromStdString(e.id);
        m_rows.push_back({false, id, QString::fromLatin1(kExternalFamily),
                          QString::fromStdString(e.description), m_origins.value(id)});
    }
}

void RecommenderListModel::setOrigins(const QHash<QString, QString>& origins) {
    beginResetModel();
    m_origins = origins;
    build();
    endResetModel();
}

void RecommenderListModel::refresh(const QHash<QString, QString>& origins) {
    m_origins.insert(origins);
    std::vector<Row> added;
    const bool hasHeader = std::any_of(m_rows.begin(), m_rows.end(), [](const Row& r) {
        return r.header && r.family == QLatin1String(kExternalFamily);
    });
    for (const auto& e : m_registry.entries()) {
        const QString id = QString::fromStdString(e.id);
        if (rowOf(id) >= 0)
            continue;
        if (!hasHeader && added.empty())
            added.push_back(
                {true, QString(), QString::fromLatin1(kExternalFamily), QString(), QString()});
        m_origins.insert(id, m_origins.value(id)); // listed as external from now on
        added.push_back({false, id, QString::fromLatin1(kExternalFamily),
                         QString::fromStdString(e.description), m_origins.value(id)});
    }
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
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
