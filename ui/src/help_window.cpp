#include "recoscope/ui/help_window.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace recoscope::ui {

HelpWindow::HelpWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("helpWindow"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("helpSearch"));
    m_search->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_status);
    layout->addLayout(bar);

    auto* split = new QSplitter(this);
    m_contents = new QListWidget(split);
    m_contents->setObjectName(QStringLiteral("helpContents"));
    m_browser = new QTextBrowser(split);
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    // Guide pages link to each other (metrics.md) and to images: both are resources.
    m_browser->setOpenLinks(false);
    split->addWidget(m_contents);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    m_contents->setWordWrap(true); // long section titles wrap instead of being cut
    split->setSizes({280, 720});
    layout->addWidget(split, 1);

    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
            QDesktopServices::openUrl(url);
            return;
        }
        const QUrl target = m_browser->source().resolved(url);
        if (QFile::exists(QLatin1Char(':') + target.path()))
            m_browser->setSource(target, QTextDocument::MarkdownResource);
        else
            m_status->setText(tr("Not part of the bundled help: %1").arg(url.toString()));
    });
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this] { fillContents(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { find(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Incremental: search again from the top as the text grows.
        m_browser->moveCursor(QTextCursor::Start);
        if (!text.isEmpty())
            find(text);
        else
            m_status->clear();
    });
    connect(m_contents, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showSection(item->text()); });
    connect(m_contents, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showSection(item->text()); });

    retranslateUi();
    resize(1000, 720);
    showPage(QStringLiteral("user-guide.md"));
}

QUrl HelpWindow::pageUrl(const QString& page) {
    return QUrl(QStringLiteral("qrc:/guide/") + page);
}

void HelpWindow::showPage(const QString& page) {
    m_browser->setSource(pageUrl(page), QTextDocument::MarkdownResource);
    fillContents();
}

void HelpWindow::fillContents() {
    m_contents->clear();
    QFile f(QLatin1Char(':') + m_browser->source().path());
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("help: %s: %s", qPrintable(f.fileName()), qPrintable(f.errorString()));
        return;
    }
    // The page's own "## " headings, in order: the sections a reader looks for.
    bool fenced = false;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1String("```")))
            fenced = !fenced;
        if (!fenced && line.startsWith(QLatin1String("## ")))
            m_contents->addItem(line.mid(3).trimmed());
    }
}

bool HelpWindow::showSection(const QString& title) {
    QTextCursor c(m_browser->document());
    while (!(c = m_browser->document()->find(title, c)).isNull()) {
        // The heading itself, not a mention of it in a paragraph.
        if (c.block().blockFormat().headingLevel() > 0) {
            m_browser->setTextCursor(c);
            // The heading at the top of the view, the section below it.
            QScrollBar* bar = m_browser->verticalScrollBar();
            bar->setValue(bar->value() + m_browser->cursorRect().top() - 4);
            return true;
        }
    }
    return false;
}

bool HelpWindow::find(const QString& text) {
    if (text.isEmpty())
        return false;
    if (m_browser->find(text)) {
        m_status->clear();
        return true;
    }
    m_browser->moveCursor(QTextCursor::Start); // wrap
    if (m_browser->find(text)) {
        m_status->setText(tr("Search wrapped to the top"));
        return true;
    }
    m_status->setText(tr("Not found: %1").arg(text));
    return false;
}

void HelpWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HelpWindow::retranslateUi() {
    setWindowTitle(tr("Recoscope — user guide"));
    m_search->setPlaceholderText(tr("Search the guide (Enter: next match)"));
}

} // namespace recoscope::ui
