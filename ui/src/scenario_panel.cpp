#include "recoscope/ui/scenario_panel.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "validation_text.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace recoscope::ui {

namespace {

// Labels and help of the fields we know; fields added later fall back to their key.
struct FieldText {
    const char* key;
    const char* label;
    const char* help;
};
const FieldText kFieldTexts[] = {
    {"seed", QT_TRANSLATE_NOOP("ScenarioField", "Seed"),
     QT_TRANSLATE_NOOP(
         "ScenarioField",
         "The run's random seed: the same scenario, seed and core give the same events.")},
    {"duration_days", QT_TRANSLATE_NOOP("ScenarioField", "Duration (days)"),
     QT_TRANSLATE_NOOP("ScenarioField", "Simulated days the run covers.")},
    {"bucket_hours", QT_TRANSLATE_NOOP("ScenarioField", "Metric bucket (hours)"),
     QT_TRANSLATE_NOOP(
         "ScenarioField",
         "Width of a metrics bucket in simulated hours: one chart point per bucket.")},
    {"slate_size", QT_TRANSLATE_NOOP("ScenarioField", "Slate size"),
     QT_TRANSLATE_NOOP("ScenarioField", "Items per recommendation slate.")},
    {"latent_dim", QT_TRANSLATE_NOOP("ScenarioField", "Hidden taste dimensions"),
     QT_TRANSLATE_NOOP("ScenarioField",
                       "Size of the hidden user and item vectors the shoppers act on.")},
    {"items", QT_TRANSLATE_NOOP("ScenarioField", "Items"),
     QT_TRANSLATE_NOOP("ScenarioField", "Number of items in the catalogue.")},
    {"top_categories", QT_TRANSLATE_NOOP("ScenarioField", "Top categories"),
     QT_TRANSLATE_NOOP("ScenarioField", "Top-level categories of the category tree.")},
    {"subcategories_per_top", QT_TRANSLATE_NOOP("ScenarioField", "Subcategories per top category"),
     nullptr},
    {"brands_per_category", QT_TRANSLATE_NOOP("ScenarioField", "Brands per category"), nullptr},
    {"price_median", QT_TRANSLATE_NOOP("ScenarioField", "Median price"),
     QT_TRANSLATE_NOOP("ScenarioField", "Median list price; prices are log-normal around it.")},
    {"price_sigma", QT_TRANSLATE_NOOP("ScenarioField", "Price spread"),
     QT_TRANSLATE_NOOP("ScenarioField", "Log-normal spread of prices.")},
    {"quality_sigma", QT_TRANSLATE_NOOP("ScenarioField", "Popularity long tail"),
     QT_TRANSLATE_NOOP(
         "ScenarioField",
         "Spread of the items' intrinsic appeal: larger means a longer tail of popularity.")},
    {"category_coherence", QT_TRANSLATE_NOOP("ScenarioField", "Category coherence"),
     QT_TRANSLATE_NOOP(
         "ScenarioField",
         "How much an item's hidden vector follows its category (0 = none, 1 = entirely).")},
    {"users", QT_TRANSLATE_NOOP("ScenarioField", "Shoppers"),
     QT_TRANSLATE_NOOP("ScenarioField", "Number of shoppers in the population.")},
    {"activity_alpha", QT_TRANSLATE_NOOP("ScenarioField", "Activity skew"),
     QT_TRANSLATE_NOOP(
         "ScenarioField",
         "Pareto shape of activity: smaller means a few very active shoppers and many rare ones.")},
    {"demographic_signal", QT_TRANSLATE_NOOP("ScenarioField", "Demographic signal"),
     QT_TRANSLATE_NOOP("ScenarioField",
                       "Share of a shopper's taste explained by demographics (0..1).")},
    {"sessions_per_day", QT_TRANSLATE_NOOP("ScenarioField", "Sessions per day"),
     QT_TRANSLATE_NOOP("ScenarioField", "Mean number of shopper visits per simulated day.")},
    {"hourly", QT_TRANSLATE_NOOP("ScenarioField", "Hourly rhythm"),
     QT_TRANSLATE_NOOP("ScenarioField",
                       "Relative visit rate for each of the 24 hours, comma separated.")},
    {"position_bias", QT_TRANSLATE_NOOP("ScenarioField", "Position bias"),
     QT_TRANSLATE_NOOP("ScenarioField",
                       "Position p of a slate is examined with probability bias^p (1 = no bias).")},
    {"no_click_utility", QT_TRANSLATE_NOOP("ScenarioField", "No-click utility"),
     QT_TRANSLATE_NOOP("ScenarioField", "Utility of not clicking: higher means fewer clicks.")},
    {"continue_probability", QT_TRANSLATE_NOOP("ScenarioField", "Continue probability"),
     QT_TRANSLATE_NOOP("ScenarioField", "Probability that a visit goes on after each step.")},
    {"price_sensitivity", QT_TRANSLATE_NOOP("ScenarioField", "Price sensitivity"),
     QT_TRANSLATE_NOOP("ScenarioField", "How strongly price lowers a shopper's utility.")},
    {"step_seconds", QT_TRANSLATE_NOOP("ScenarioField", "Seconds between steps"),
     QT_TRANSLATE_NOOP("ScenarioField", "Mean simulated seconds between two steps of a visit.")},
};

const FieldText* findText(const QString& key) {
    for (const FieldText& t : kFieldTexts)
        if (key == QLatin1String(t.key))
            return &t;
    return nullptr;
}

QString humanize(QString key) {
    key.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

QString groupTitle(const QString& key) {
    if (key == QLatin1String("catalogue"))
        return ScenarioPanel::tr("Catalogue");
    if (key == QLatin1String("population"))
        return ScenarioPanel::tr("Population");
    if (key == QLatin1String("behaviour"))
        return ScenarioPanel::tr("Behaviour");
    if (key == QLatin1String("timeline"))
        return ScenarioPanel::tr("Timeline");
    return humanize(key);
}

QJsonObject setPath(QJsonObject root, const QStringList& parts, int i, const QJsonValue& v) {
    if (i == parts.size() - 1) {
        root.insert(parts[i], v);
        return root;
    }
    root.insert(parts[i], setPath(root.value(parts[i]).toObject(), parts, i + 1, v));
    return root;
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
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    m_formHost = new QWidget;
    m_formLayout = new QVBoxLayout(m_formHost);
    scroll->setWidget(m_formHost);
    m_tabs->addTab(scroll, QString());
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

    probeSchema();
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

void ScenarioPanel::probeSchema() {
    // Replace every numeric field of the defaults by text: the validator then reports, for
    // each, "expected a (whole) number in [min, max]" - the kind and range of the field.
    QJsonObject probe = sim::Scenario{}.toJson();
    std::function<QJsonObject(QJsonObject)> spoil = [&](QJsonObject o) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isDouble())
                it.value() = QStringLiteral("?");
            else if (it.value().isObject())
                it.value() = spoil(it.value().toObject());
        }
        return o;
    };
    probe = spoil(probe);
    auto parsed = sim::parseScenario(QJsonDocument(probe).toJson(), QStringLiteral("probe"));
    if (parsed)
        return;
    static const QRegularExpression re(QStringLiteral(
        R"((\$[\w.\[\]]+): expected (a whole number|a number) in \[([^,\]]+), ([^\]]+)\])"));
    for (const QString& line : QString::fromStdString(parsed.error()).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            continue;
        FieldSpec f;
        f.integer = m.captured(2) == QLatin1String("a whole number");
        f.min = m.captured(3).toDouble();
        f.max = m.captured(4).toDouble();
        m_schema.insert(m.captured(1), f);
    }
}

QString ScenarioPanel::fieldHelp(const QString& path) const {
    const QString key = path.section(QLatin1Char('.'), -1);
    QString help;
    if (const FieldText* t = findText(key); t && t->help)
        help = QCoreApplication::translate("ScenarioField", t->help);
    auto it = m_schema.find(path);
    if (it != m_schema.end()) {
        const QString range = tr("Range: %1 to %2").arg(it->min).arg(it->max);
        help = help.isEmpty() ? range : help + QLatin1Char('\n') + range;
    }
    return help.isEmpty() ? path : help + QLatin1Char('\n') + path;
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

bool ScenarioPanel::saveAs(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_errors->setText(tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    f.write(m_json->toPlainText().toUtf8());
    m_source = path;
    return true;
}

void ScenarioPanel::loadJson(const QByteArray& json) {
    m_doc = QJsonDocument::fromJson(json).object();
    m_updating = true;
    m_json->setPlainText(QString::fromUtf8(json));
    m_updating = false;
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
    // Show the resolved scenario (defaults filled in) so every field is editable, and
    // keep what the file says on top of it.
    QJsonObject resolved = sim::Scenario{}.toJson();
    if (auto s = scenario())
        resolved = s.value().toJson();

    auto addField = [this](QFormLayout* form, const QString& path, const QString& key,
                           const QJsonValue& v) {
        const FieldText* t = findText(key);
        const QString label =
            t ? QCoreApplication::translate("ScenarioField", t->label) : humanize(key);
        QWidget* editor = nullptr;
        if (v.isDouble()) {
            const FieldSpec spec = m_schema.value(path);
            if (spec.integer) {
                auto* sb = new QSpinBox;
                sb->setRange(
                    static_cast<int>(std::max(spec.min, double(std::numeric_limits<int>::min()))),
                    static_cast<int>(std::min(spec.max, double(std::numeric_limits<int>::max()))));
                sb->setValue(static_cast<int>(v.toDouble()));
                connect(sb, &QSpinBox::valueChanged, this,
                        [this, path](int x) { formEdited(path, QJsonValue(x)); });
                editor = sb;
            } else {
                auto* sb = new QDoubleSpinBox;
                sb->setDecimals(3);
                sb->setRange(spec.min, spec.max);
                sb->setValue(v.toDouble());
                connect(sb, &QDoubleSpinBox::valueChanged, this,
                        [this, path](double x) { formEdited(path, QJsonValue(x)); });
                editor = sb;
            }
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            bool numeric = true;
            QStringList parts;
            for (const QJsonValue& e : a) {
                numeric = numeric && e.isDouble();
                parts << (e.isDouble()
                              ? QString::number(e.toDouble())
                              : QString::fromUtf8(
                                    QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact)));
            }
            if (numeric) {
                auto* le = new QLineEdit(parts.join(QStringLiteral(", ")));
                connect(le, &QLineEdit::editingFinished, this, [this, le, path] {
                    QJsonArray out;
                    for (const QString& p : le->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                        out.append(p.trimmed().toDouble());
                    formEdited(path, out);
                });
                editor = le;
            } else {
                editor = new QLabel(tr("%n entries (edit them in the JSON tab)", nullptr,
                                       static_cast<int>(a.size())));
            }
        } else if (v.isString()) {
            auto* le = new QLineEdit(v.toString());
            connect(le, &QLineEdit::editingFinished, this,
                    [this, le, path] { formEdited(path, le->text()); });
            editor = le;
        } else if (v.isBool()) {
            auto* le = new QComboBox;
            le->addItems({tr("no"), tr("yes")});
            le->setCurrentIndex(v.toBool() ? 1 : 0);
            connect(le, &QComboBox::currentIndexChanged, this,
                    [this, path](int i) { formEdited(path, i == 1); });
            editor = le;
        } else {
            return;
        }
        editor->setToolTip(fieldHelp(path));
        editor->setObjectName(path);
        auto* l = new QLabel(label);
        l->setToolTip(editor->toolTip());
        form->addRow(l, editor);
        m_fields.insert(path, editor);
    };

    auto* top = new QGroupBox(tr("Run"));
    auto* topForm = new QFormLayout(top);
    for (auto it = resolved.begin(); it != resolved.end(); ++it) {
        if (it.key() == QLatin1String("name") || it.key() == QLatin1String("description") ||
            it.key() == QLatin1String("format") || it.value().isObject())
            continue;
        addField(topForm, QStringLiteral("$.") + it.key(), it.key(), it.value());
    }
    m_formLayout->addWidget(top);
    for (auto it = resolved.begin(); it != resolved.end(); ++it) {
        if (!it.value().isObject())
            continue;
        auto* box = new QGroupBox(groupTitle(it.key()));
        auto* form = new QFormLayout(box);
        const QJsonObject o = it.value().toObject();
        for (auto f = o.begin(); f != o.end(); ++f)
            addField(form, QStringLiteral("$.%1.%2").arg(it.key(), f.key()), f.key(), f.value());
        m_formLayout->addWidget(box);
    }
    m_formLayout->addStretch();
}

void ScenarioPanel::formEdited(const QString& path, const QJsonValue& value) {
    if (m_updating)
        return;
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
        // Refresh the form's values without losing focus in the text editor.
        m_updating = true;
        rebuildForm();
        m_updating = false;
    }
    validate();
}

void ScenarioPanel::validate() {
    for (QWidget* w : std::as_const(m_fields)) {
        w->setStyleSheet(QString());
        w->setToolTip(fieldHelp(w->objectName()));
    }
    const auto s = scenario();
    if (s) {
        m_errorLines.clear();
        m_errors->clear();
        m_errors->hide();
    } else {
        m_errorLines =
            QString::fromStdString(s.error()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList shown;
        for (const QString& line : std::as_const(m_errorLines))
            shown << translateValidationLine(line);
        m_errors->setText(shown.join(QLatin1Char('\n')));
        m_errors->show();
        static const QRegularExpression pathRe(QStringLiteral(R"((\$[\w.\[\]]*)\S*:\s*(.*))"));
        for (const QString& line : std::as_const(m_errorLines)) {
            const QRegularExpressionMatch m = pathRe.match(line);
            if (!m.hasMatch())
                continue;
            if (QWidget* w = m_fields.value(m.captured(1))) {
                w->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
                w->setToolTip(translateValidationLine(line).section(QStringLiteral(": "), -1) +
                              QLatin1Char('\n') + fieldHelp(m.captured(1)));
            }
        }
    }
    emit scenarioChanged();
}

core::Result<sim::Scenario> ScenarioPanel::scenario() const {
    return sim::parseScenario(m_json->toPlainText().toUtf8(), m_source);
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
