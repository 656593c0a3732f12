#include "recoscope/ui/surface_assignment_dialog.h"

#include "table_cells.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace recoscope::ui {

SurfaceAssignmentDialog::SurfaceAssignmentDialog(const core::RecommenderRegistry& registry,
                                                 const sim::SurfaceAssignments& initial,
                                                 QWidget* parent)
    : QDialog(parent), m_registry(registry) {
    setObjectName(QStringLiteral("surfaceAssignmentDialog"));
    setWindowTitle(tr("Strategy per surface"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Give a surface a core of its own, for example \"complete your order\" on the cart "
           "page. The slot's core serves every surface left on it. Every core learns from "
           "every event; each answers only its surface's requests."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(core::kSurfaceCount, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Surface"), tr("Core"), tr("Parameters")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    const sim::SurfaceAssignments start = initial.normalised();
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const auto surface = static_cast<core::Surface>(s);
        auto* name = new QTableWidgetItem(surfaceLabel(surface));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(s, 0, name);
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("surfaceCore_%1")
                                 .arg(QString::fromLatin1(core::surfaceName(surface).data())));
        combo->addItem(tr("(the slot's core)"), QString());
        for (const std::string& id : registry.ids())
            combo->addItem(QString::fromStdString(id), QString::fromStdString(id));
        auto* params = new QLineEdit(m_table);
        params->setPlaceholderText(tr("KEY=VALUE …"));
        params->setToolTip(tr("Parameters of this surface's core, separated by spaces, e.g. "
                              "neighbours=20 or inner=itemknn lambda=0.5 (see the core's form "
                              "for its keys); unset ones keep their defaults."));
        m_table->setCellWidget(s, 1, combo);
        m_table->setCellWidget(s, 2, params);
        m_cores[static_cast<std::size_t>(s)] = combo;
        m_params[static_cast<std::size_t>(s)] = params;
        const QString spec = start.at(surface);
        const QString id = spec.section(QLatin1Char(' '), 0, 0);
        setRow(surface, id, spec.section(QLatin1Char(' '), 1));
    }
    m_table->resizeColumnsToContents();
    m_table->setMinimumWidth(560);
    cells::fitHeight(m_table); // four rows: no empty area under them
    layout->addWidget(m_table);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("surfaceError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SurfaceAssignmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SurfaceAssignmentDialog::setRow(core::Surface surface, const QString& id,
                                     const QString& params) {
    const auto s = static_cast<std::size_t>(surface);
    const int index = m_cores[s]->findData(id);
    m_cores[s]->setCurrentIndex(index >= 0 ? index : 0);
    m_params[s]->setText(params);
}

sim::SurfaceAssignments SurfaceAssignmentDialog::assignments() const {
    sim::SurfaceAssignments a;
    for (std::size_t s = 0; s < a.specs.size(); ++s) {
        const QString id = m_cores[s]->currentData().toString();
        const QString params = m_params[s]->text().simplified();
        if (!id.isEmpty())
            a.specs[s] = params.isEmpty() ? id : id + QLatin1Char(' ') + params;
    }
    return a;
}

QString SurfaceAssignmentDialog::problem() const {
    // The registry's English message names the surface and the parameter; it is shown as
    // the core texts are (core/ and its messages are not translated).
    const core::Status st = sim::checkSurfaceCores(assignments(), m_registry, QString());
    return st ? QString() : QString::fromStdString(st.error());
}

void SurfaceAssignmentDialog::accept() {
    const QString why = problem();
    if (!why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    QDialog::accept();
}

QString SurfaceAssignmentDialog::surfaceLabel(core::Surface surface) {
    switch (surface) {
    case core::Surface::Home:
        return tr("Home feed");
    case core::Surface::Search:
        return tr("Search page");
    case core::Surface::Product:
        return tr("Product page");
    case core::Surface::Cart:
        return tr("Cart page");
    }
    return {};
}

QString SurfaceAssignmentDialog::summary(const sim::SurfaceAssignments& a) {
    QStringList parts;
    const sim::SurfaceAssignments n = a.normalised();
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const auto surface = static_cast<core::Surface>(s);
        if (!n.at(surface).isEmpty())
            //: A surface and the core that serves it, e.g. "Cart page: itemknn"
            parts << tr("%1: %2").arg(surfaceLabel(surface), n.at(surface));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace recoscope::ui
