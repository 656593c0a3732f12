#include "scenario_section_bar.h"

#include "flow_layout.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>

namespace recoscope::ui {

ScenarioSectionBar::ScenarioSectionBar(QScrollArea* scroll, QWidget* parent)
    : QWidget(parent), m_scroll(scroll) {
    setObjectName(QStringLiteral("scenarioSections"));
    auto* layout = new FlowLayout(this, 2);
    layout->setContentsMargins(0, 0, 0, 0);
}

void ScenarioSectionBar::setSections(const QList<QPair<QString, QString>>& sections) {
    qDeleteAll(m_links);
    m_links.clear();
    for (const auto& [name, title] : sections) {
        auto* link = new QToolButton(this);
        link->setObjectName(QStringLiteral("link:") + name);
        link->setText(title);
        link->setAutoRaise(true);
        link->setFocusPolicy(Qt::TabFocus);
        connect(link, &QToolButton::clicked, this, [this, name = name] { showSection(name); });
        layout()->addWidget(link);
        m_links << link;
    }
}

bool ScenarioSectionBar::showSection(const QString& objectName) {
    QWidget* form = m_scroll->widget();
    QWidget* section = form ? form->findChild<QWidget*>(objectName) : nullptr;
    if (!section)
        return false;
    // The section's top at the top of the view: ensureWidgetVisible would only bring its
    // nearest edge in, leaving a long group mostly below.
    m_scroll->verticalScrollBar()->setValue(section->mapTo(form, QPoint(0, 0)).y());
    return true;
}

} // namespace recoscope::ui
