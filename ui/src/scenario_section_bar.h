#pragma once
// ScenarioSectionBar: a row of links above the scenario form, one per section ("Run", then
// each group of the field table: catalogue … privacy, onboarding), each scrolling the form
// to its group box. The form holds about a hundred fields in one scroll area; the bar keeps
// every section one click away and names them all at a glance. Wraps onto more lines when
// narrow (FlowLayout). GUI thread only.

#include <QList>
#include <QPair>
#include <QWidget>

class QAbstractButton;
class QScrollArea;

namespace recoscope::ui {

class ScenarioSectionBar : public QWidget {
    Q_OBJECT
public:
    /// `scroll` shows the form whose group boxes the links scroll to.
    explicit ScenarioSectionBar(QScrollArea* scroll, QWidget* parent = nullptr);

    /// One link per (object name of the section's widget in the form, title), in order;
    /// replaces the previous links (the form was rebuilt, or retranslated).
    void setSections(const QList<QPair<QString, QString>>& sections);
    QList<QAbstractButton*> links() const { return m_links; }

    /// Scrolls the form so that the section named `objectName` starts at the top (as far as
    /// the scroll range allows); false if the form has no such section.
    bool showSection(const QString& objectName);

private:
    QScrollArea* m_scroll = nullptr;
    QList<QAbstractButton*> m_links;
};

} // namespace recoscope::ui
