#include "recoscope/ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace recoscope::ui {

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    std::set<const QAction*> seen;
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || !seen.insert(a).second)
            continue;
        QString name = a->text();
        name.remove(QLatin1Char('&'));
        if (name.isEmpty())
            name = a->toolTip();
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
    }
    // The charts' keys and gestures (ChartInteraction) belong to no action: listed here.
    const QList<QPair<QString, QString>> chartKeys = {
        {tr("Chart: zoom x in / out"), tr("+, −, mouse wheel")},
        {tr("Chart: zoom to a span / a rectangle"), tr("Drag, Shift+drag")},
        {tr("Chart: pan"), tr("Arrow keys, middle-button drag, Ctrl+drag")},
        {tr("Chart: reset zoom"), tr("Home, 0, double click")}};
    for (const auto& [name, keys] : chartKeys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    m_table->sortItems(0);
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, 420);
}

} // namespace recoscope::ui
