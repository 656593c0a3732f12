#pragma once
// HelpWindow: the user guide inside the workbench. The guide and the other pages of docs/
// (Markdown, with their images) are compiled into the program under :/guide, so the help
// is the documentation of this very build and works without a network or a checkout.
// Contents (the guide's sections) on the left, the page on the right, a search field
// that finds text in the page (Enter: next match, wrapping). Links between the pages
// stay inside the window; web links open in the browser.

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace recoscope::ui {

class HelpWindow : public QWidget {
    Q_OBJECT
public:
    explicit HelpWindow(QWidget* parent = nullptr);

    /// Shows a page of the bundled docs ("user-guide.md", "metrics.md").
    void showPage(const QString& page);
    /// Finds `text` after the current match (wrapping to the top); false if absent.
    bool find(const QString& text);
    /// Scrolls to the section titled `title` (a "## " heading of the page).
    bool showSection(const QString& title);

    QTextBrowser* browser() const { return m_browser; }
    QListWidget* contents() const { return m_contents; }
    static QUrl pageUrl(const QString& page);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillContents();

    QLineEdit* m_search = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_contents = nullptr;
    QTextBrowser* m_browser = nullptr;
};

} // namespace recoscope::ui
