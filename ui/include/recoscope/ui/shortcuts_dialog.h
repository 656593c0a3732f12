#pragma once
// ShortcutsDialog: every keyboard shortcut of a window, read from its actions (so the
// list never disagrees with what the keys do), in menu order.

#include <QDialog>

class QTableWidget;

namespace recoscope::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    /// Lists the shortcuts of `window`'s actions (its menus, toolbars and children).
    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace recoscope::ui
