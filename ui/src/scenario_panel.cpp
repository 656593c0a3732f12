#include "recoscope/ui/scenario_panel.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/scenario_fields.h"
#include "scenario_field_editor.h"
#include "scenario_section_bar.h"
#include "validation_text.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <limits>

namespace recoscope::ui {

namespace {

QJsonObject setPath(QJsonObject root, const QStringList& parts, int i, const QJsonValue& v) {
    if (i == parts.size() - 1) {
        root.insert(parts[i], v);
        return root;
    }
    root.insert(parts[i], setPath(root.value(parts[i]).toObject(), parts, i + 1, v));
    return root;
}

// The value at "$.a.b" in `root`, or undefined when the document does not say.
QJsonValue valueAt(const QJsonObject& root, const QString& jsonPath) {
    const QStringList parts = jsonPath.mid(2).split(QLatin1Char('.'));
    QJsonValue v = root;
    for (const QString& p : parts) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(p);
    }
    return v;
}

} // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("scenarioPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* row = new QHBoxLayout;
    m_presetLabel = new QLabel(this);
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("scenarioPreset"));
    for (const sim::BuiltinScenarioInfo& info : sim::builtinScenarios())
        m_preset->addItem(info.name, info.name);
    m_presetLabel->setBuddy(m_preset);
    row->addWidget(m_presetLabel);
    row->addWidget(m_preset, 1);
    layout->addLayout(row);

    auto* buttons = new QHBoxLayout;
    m_open = new QPushButton(this);
    m_save = new QPushButton(this);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("scenarioDescription"));
    layout->addWidget(m_description);

    auto* limitRow = new QHBoxLayout;
    m_limitLabel = new QLabel(this);
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("eventLimit"));
    m_limit->setRange(0, std::numeric_limits<int>::max());
    m_limit->setSingleStep(10000);
    m_limitLabel->setBuddy(m_limit);
    limitRow->addWidget(m_limitLabel);
    limitRow->addWidget(m_limit, 1);
    layout->addLayout(limitRow);

    m_tabs = new QTabWidget(this);
    auto* formPage = new QWidget;
    auto* formPageLayout = new QVBoxLayout(formPage);
    formPageLayout->setContentsMargins(0, 0, 0, 0);
    m_formNote = new QLabel;
    m_formNote->setObjectName(QStringLiteral("scenarioFormNote"));
    m_formNote->setWordWrap(true);
    m_formNote->setStyleSheet(QStringLiteral("color: #b00020; padding: 8px;"));
    m_formNote->hide();
    formPageLayout->addWidget(m_formNote);
    m_formScroll = new QScrollArea;
    m_formScroll->setWidgetResizable(true);
    m_formHost = new QWidget;
    m_formLayout = new QVBoxLayout(m_formHost);
    m_formScroll->setWidget(m_formHost);
    m_sections = new ScenarioSectionBar(m_formScroll);
    formPageLayout->addWidget(m_sections);
    formPageLayout->addWidget(m_formScroll, 1);
    m_tabs->addTab(formPage, QString());
    m_json = new QPlainTextEdit;
    m_json->setObjectName(QStringLiteral("scenarioJson"));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_json, QString());
    layout->addWidget(m_tabs, 1);

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("scenarioErrors"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_errors);

    connect(m_preset, &QComboBox::currentIndexChanged, this,
            [this] { selectPreset(m_preset->currentData().toString()); });
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            jsonEdited();
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                          tr("Scenario files (*.json)"));
        if (!path.isEmpty())
            (void)openFile(path);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario as"),
                                                          presetName() + QStringLiteral(".json"),
                                                          tr("Scenario files (*.json)"));
        if (!path.isEmpty())
            saveAs(path);
    });

    retranslateUi();
    if (m_preset->count())
        selectPreset(m_preset->itemData(0).toString());
}

void ScenarioPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ScenarioPanel::retranslateUi() {
    m_presetLabel->setText(tr("&Scenario:"));
    m_preset->setToolTip(tr("Built-in scenarios shipped with Recoscope."));
    m_open->setText(tr("Open JSON…"));
    m_save->setText(tr("Save As…"));
    m_limitLabel->setText(tr("Stop after (events per core):"));
    m_limit->setSpecialValueText(tr("whole scenario"));
    m_limit->setToolTip(tr("0 runs the whole simulated duration of the scenario."));
    m_tabs->setTabText(0, tr("Form"));
    m_tabs->setTabText(1, tr("JSON"));
    for (int i = 0; i < m_preset->count(); ++i) {
        const QString name = m_preset->itemData(i).toString();
        for (const sim::BuiltinScenarioInfo& info : sim::builtinScenarios())
            if (info.name == name)
                m_preset->setItemData(i,
                                      QCoreApplication::translate(
                                          "ScenarioPreset", info.description.toUtf8().constData()),
                                      Qt::ToolTipRole);
    }
    const QString desc = m_doc.value(QStringLiteral("description")).toString();
    m_description->setText(
        desc.isEmpty() ? QString()
                       : QCoreApplication::translate("ScenarioPreset", desc.toUtf8().constData()));
    rebuildForm();
}

bool ScenarioPanel::selectPreset(const QString& name) {
    const int index = m_preset->findData(name);
    if (index < 0)
        return false;
    if (m_preset->currentIndex() != index) {
        m_preset->setCurrentIndex(index); // re-enters through currentIndexChanged
        return true;
    }
    m_source = QStringLiteral("builtin:%1").arg(name);
    loadJson(sim::builtinScenarioJson(name));
    return true;
}

core::Status ScenarioPanel::openFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        const QString msg = tr("Cannot open %1: %2").arg(path, f.errorString());
        m_errors->setText(msg);
        return core::Error{msg.toStdString()};
    }
    m_source = path;
    loadJson(f.readAll());
    const auto s = scenario();
    if (!s)
        return core::Error{s.error()};
    return core::Ok{};
}

bool ScenarioPanel::saveAs(const QString& requested) {
    // A name typed without an extension gets .json (the open dialog filters on it); the
    // file is written whole or not at all.
    QString path = requested;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_json->toPlainText().toUtf8()) < 0 ||
        !f.commit()) {
        m_errors->setText(tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    m_source = path;
    m_loadedDoc = m_doc;
    m_loadedText = m_json->toPlainText();
    emit saved(path);
    return true;
}

void ScenarioPanel::loadJson(const QByteArray& json) {
    m_doc = QJsonDocument::fromJson(json).object();
    m_loadedDoc = m_doc;
    m_rejected.clear();
    m_updating = true;
    m_json->setPlainText(QString::fromUtf8(json));
    m_loadedText = m_json->toPlainText();
    m_updating = false;
    showSyntaxError({});
    const QString desc = m_doc.value(QStringLiteral("description")).toString();
    m_description->setText(
        QCoreApplication::translate("ScenarioPreset", desc.toUtf8().constData()));
    rebuildForm();
    validate();
}

void ScenarioPanel::rebuildForm() {
    while (QLayoutItem* item = m_formLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_fields.clear();
    // Show the resolved scenario (defaults filled in) so every field is editable; what
    // the file says is kept in m_doc and edited in place.
    // Values the document states are shown as stated (an invalid one too, marked by
    // validate()); the others are the defaults, or what the resolved scenario derives.
    sim::Scenario resolved;
    if (auto s = sim::parseScenario(QJsonDocument(m_doc).toJson(), m_source))
        resolved = std::move(s.value());

    // One group per object of the field table, its rows in table order; the top-level
    // rows go to "Run".
    auto* top = new QGroupBox(tr("Run"));
    top->setObjectName(QStringLiteral("section:run"));
    QMap<QString, QFormLayout*> forms{{QString(), new QFormLayout(top)}};
    m_formLayout->addWidget(top);
    QList<QPair<QString, QString>> sections{{top->objectName(), top->title()}};
    for (const sim::ScenarioField& f : sim::scenarioFields()) {
        if (f.type == sim::ScenarioField::Type::Object) {
            auto* box = new QGroupBox(ScenarioFieldEditor::label(f));
            box->setObjectName(QStringLiteral("section:") + f.jsonPath());
            sections.append({box->objectName(), box->title()});
            forms.insert(f.path, new QFormLayout(box));
            m_formLayout->addWidget(box);
            continue;
        }
        const QString path = f.jsonPath();
        const QJsonValue stated = valueAt(m_doc, path);
        QWidget* editor = ScenarioFieldEditor::create(
            f, stated.isUndefined() ? f.read(resolved) : stated,
            [this, path](const QJsonValue& v) { formEdited(path, v); },
            [this, path](const QString& why) {
                m_rejected.insert(path, why);
                validate();
            });
        if (!editor)
            continue;
        auto* l = new QLabel(ScenarioFieldEditor::label(f));
        l->setToolTip(editor->toolTip());
        l->setBuddy(editor);
        forms.value(f.parent())->addRow(l, editor);
        m_fields.insert(path, editor);
    }
    m_formLayout->addStretch();
    m_sections->setSections(sections);
}

void ScenarioPanel::formEdited(const QString& path, const QJsonValue& value) {
    if (m_updating)
        return;
    m_rejected.remove(path);
    QStringList parts = path.mid(2).split(QLatin1Char('.'));
    m_doc = setPath(m_doc, parts, 0, value);
    m_updating = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_doc).toJson(QJsonDocument::Indented)));
    m_updating = false;
    validate();
}

void ScenarioPanel::jsonEdited() {
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &err);
    if (err.error == QJsonParseError::NoError && d.isObject()) {
        m_doc = d.object();
        m_rejected.clear();
        showSyntaxError({});
        // Refresh the form's values without losing focus in the text editor.
        m_updating = true;
        rebuildForm();
        m_updating = false;
    } else {
        // The form would show the last readable document: values the text no longer
        // holds. Hide it until the text reads again.
        showSyntaxError(tr("The JSON tab does not read as a JSON object (%1); the form is "
                           "hidden until it does.")
                            .arg(err.error == QJsonParseError::NoError ? tr("not an object")
                                                                       : err.errorString()));
    }
    validate();
}

void ScenarioPanel::validate() {
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        it.value()->setStyleSheet(QString());
        it.value()->setToolTip(ScenarioFieldEditor::toolTip(*sim::findScenarioField(it.key())));
    }
    const sim::ScenarioCheck check = sim::checkScenario(m_json->toPlainText().toUtf8(), m_source);
    m_errorLines.clear();
    QStringList shown;
    for (const sim::ValidationIssue& issue : check.issues) {
        m_errorLines << issue.text();
        shown << translatedIssueLine(issue);
        // "$.behaviour.hourly[3]" marks the hourly editor.
        const QString path = issue.path.section(QLatin1Char('['), 0, 0);
        if (QWidget* w = m_fields.value(path)) {
            w->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
            w->setToolTip(translatedIssueMessage(issue) + QLatin1Char('\n') +
                          ScenarioFieldEditor::toolTip(*sim::findScenarioField(path)));
        }
    }
    for (auto it = m_rejected.cbegin(); it != m_rejected.cend(); ++it) {
        const QString line = QStringLiteral("%1: %2").arg(it.key(), it.value());
        m_errorLines << line;
        shown << line;
        if (QWidget* w = m_fields.value(it.key())) {
            w->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
            w->setToolTip(it.value() + QLatin1Char('\n') +
                          ScenarioFieldEditor::toolTip(*sim::findScenarioField(it.key())));
        }
    }
    m_errors->setText(shown.join(QLatin1Char('\n')));
    m_errors->setVisible(!shown.isEmpty());
    emit scenarioChanged();
}

core::Result<sim::Scenario> ScenarioPanel::scenario() const {
    if (!m_rejected.isEmpty())
        return core::Error{
            QStringLiteral("%1: %2").arg(m_rejected.firstKey(), m_rejected.first()).toStdString()};
    auto parsed = sim::parseScenario(m_json->toPlainText().toUtf8(), m_source);
    // An edited built-in is not the built-in: runs made with it are stored under
    // "flash-sale (edited 1a2b3c4d)", the hash telling one edit from another. A name the
    // user typed is kept.
    if (parsed && m_source.startsWith(QLatin1String("builtin:")) && m_doc != m_loadedDoc &&
        parsed.value().name == m_loadedDoc.value(QStringLiteral("name")).toString())
        parsed.value().name = QStringLiteral("%1 (edited %2)")
                                  .arg(parsed.value().name, parsed.value().hash().left(8));
    return parsed;
}

bool ScenarioPanel::isModified() const {
    if (!m_rejected.isEmpty())
        return true;
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return m_json->toPlainText() != m_loadedText;
    return d.object() != m_loadedDoc;
}

void ScenarioPanel::showSyntaxError(const QString& message) {
    m_formNote->setText(message);
    m_formNote->setVisible(!message.isEmpty());
    m_formScroll->setVisible(message.isEmpty());
}

QString ScenarioPanel::presetName() const {
    const QString name = m_doc.value(QStringLiteral("name")).toString();
    return name.isEmpty() ? m_preset->currentData().toString() : name;
}

std::uint64_t ScenarioPanel::seed() const {
    auto s = scenario();
    return s ? s.value().seed : 1;
}

std::uint64_t ScenarioPanel::eventLimit() const {
    return static_cast<std::uint64_t>(m_limit->value());
}
void ScenarioPanel::setEventLimit(std::uint64_t limit) {
    m_limit->setValue(
        static_cast<int>(std::min<std::uint64_t>(limit, std::numeric_limits<int>::max())));
}
QString ScenarioPanel::jsonText() const {
    return m_json->toPlainText();
}
void ScenarioPanel::setJsonText(const QString& text) {
    m_json->setPlainText(text);
}
QString ScenarioPanel::validationText() const {
    return m_errorLines.join(QLatin1Char('\n'));
}

} // namespace recoscope::ui
