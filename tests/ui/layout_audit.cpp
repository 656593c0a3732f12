#include "layout_audit.h"

#include "recoscope/ui/metric_chart_view.h"

#include <algorithm>

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>

namespace recoscope::test {

namespace {

// One pixel of slack: metrics are rounded, layouts are not.
constexpr int kSlack = 1;

// What the user sees of a text with a mnemonic: "&Open" -> "Open", "&&" -> "&".
QString shown(QString text) {
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

int advance(const QFontMetrics& fm, const QString& text) {
    int w = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        w = std::max(w, fm.horizontalAdvance(line));
    return w;
}

bool isTruncated(const QString& text) {
    return text.endsWith(QStringLiteral("...")) || text.endsWith(QChar(0x2026));
}

class Auditor {
public:
    QStringList problems;

    void add(const QObject* o, const QString& what, const QString& text) {
        problems << QStringLiteral("%1: %2 (\"%3\")").arg(objectPath(o), what, text);
    }

    void label(const QLabel* l) {
        const QString text = l->text();
        if (text.isEmpty() || !l->pixmap().isNull())
            return;
        const bool rich = l->textFormat() == Qt::RichText ||
                          (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        if (l->wordWrap()) {
            // Wrapped: the longest word must fit the width, all lines the height.
            if (l->width() + kSlack < l->minimumSizeHint().width())
                add(l, QStringLiteral("wrapped text wider than its label"), text);
            else if (l->height() + kSlack < l->heightForWidth(l->width()))
                add(l,
                    QStringLiteral("wrapped text needs %1 px, label is %2 px high")
                        .arg(l->heightForWidth(l->width()))
                        .arg(l->height()),
                    text);
            return;
        }
        if (rich) {
            if (l->width() + kSlack < l->sizeHint().width() ||
                l->height() + kSlack < l->sizeHint().height())
                add(l, QStringLiteral("rich text clipped"), text);
            return;
        }
        const QString s = l->buddy() ? shown(text) : text;
        const QFontMetrics fm(l->font());
        const int margins = 2 * l->margin() + 2 * l->frameWidth() + std::max(0, l->indent());
        const int need = advance(fm, s) + margins;
        const int lines = static_cast<int>(s.count(QLatin1Char('\n'))) + 1;
        if (l->width() + kSlack < need)
            add(l, QStringLiteral("text needs %1 px, label is %2 px").arg(need).arg(l->width()), s);
        else if (l->height() + kSlack < lines * fm.height() + 2 * l->frameWidth())
            add(l, QStringLiteral("text cut vertically"), s);
    }

    void button(const QAbstractButton* b) {
        const QString text = shown(b->text());
        if (text.isEmpty())
            return;
        const QStyle* st = b->style();
        const QFontMetrics fm(b->font());
        int need = advance(fm, text);
        if (const auto* tb = qobject_cast<const QToolButton*>(b)) {
            if (tb->toolButtonStyle() == Qt::ToolButtonIconOnly ||
                (tb->toolButtonStyle() == Qt::ToolButtonFollowStyle && !tb->icon().isNull()))
                return;
            if (tb->toolButtonStyle() == Qt::ToolButtonTextBesideIcon && !tb->icon().isNull())
                need += tb->iconSize().width() + 4;
        } else if (qobject_cast<const QCheckBox*>(b) || qobject_cast<const QRadioButton*>(b)) {
            need += st->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, b) +
                    st->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, b);
        } else {
            // PM_ButtonMargin is the total horizontal padding (QCommonStyle CT_PushButton).
            need += st->pixelMetric(QStyle::PM_ButtonMargin, nullptr, b) +
                    2 * st->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, b);
            if (!b->icon().isNull())
                need += b->iconSize().width() + 4;
        }
        if (b->width() + kSlack < need)
            add(b, QStringLiteral("text needs %1 px, button is %2 px").arg(need).arg(b->width()),
                text);
    }

    void groupBox(const QGroupBox* g) {
        const QString title = shown(g->title());
        if (title.isEmpty())
            return;
        int need = QFontMetrics(g->font()).horizontalAdvance(title) + 16;
        if (g->isCheckable())
            need += g->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, g) + 6;
        if (g->width() + kSlack < need)
            add(g, QStringLiteral("title needs %1 px, box is %2 px").arg(need).arg(g->width()),
                title);
    }

    void comboBox(const QComboBox* c) {
        const QString text = c->currentText();
        if (text.isEmpty() || c->isEditable())
            return;
        QStyleOptionComboBox opt;
        opt.initFrom(c);
        opt.editable = false;
        opt.currentText = text;
        const QRect field =
            c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c);
        int need = QFontMetrics(c->font()).horizontalAdvance(text);
        if (!c->itemIcon(c->currentIndex()).isNull())
            need += c->iconSize().width() + 4;
        if (field.width() + kSlack < need)
            add(c,
                QStringLiteral("current text needs %1 px, field is %2 px")
                    .arg(need)
                    .arg(field.width()),
                text);
    }

    void tabBar(const QTabBar* bar) {
        const QFontMetrics fm(bar->font());
        const int hspace = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int i = 0; i < bar->count(); ++i) {
            if (!bar->isTabVisible(i))
                continue;
            const QString text = shown(bar->tabText(i));
            int need = fm.horizontalAdvance(text) + hspace;
            if (!bar->tabIcon(i).isNull())
                need += bar->iconSize().width() + 4;
            for (auto side : {QTabBar::LeftSide, QTabBar::RightSide})
                if (QWidget* w = bar->tabButton(i, side); w && w->isVisible())
                    need += w->width();
            const QRect r = bar->tabRect(i);
            const bool vertical = r.height() > r.width() * 2;
            if (!vertical && r.width() + kSlack < need)
                add(bar,
                    QStringLiteral("tab %1 needs %2 px, has %3 px (elided)")
                        .arg(i)
                        .arg(need)
                        .arg(r.width()),
                    text);
            if (!bar->usesScrollButtons() && r.right() > bar->width() + kSlack)
                add(bar, QStringLiteral("tab %1 beyond the bar, no scroll buttons").arg(i), text);
        }
    }

    void dockTitle(const QDockWidget* d) {
        if (d->titleBarWidget() || d->isFloating())
            return;
        // The title bar holds the title plus the float and close buttons (about an icon
        // and a margin each).
        const QStyle* st = d->style();
        const int button =
            st->pixelMetric(QStyle::PM_SmallIconSize, nullptr, d) +
            2 * st->pixelMetric(QStyle::PM_DockWidgetTitleBarButtonMargin, nullptr, d);
        const int need = QFontMetrics(d->font()).horizontalAdvance(d->windowTitle()) +
                         2 * st->pixelMetric(QStyle::PM_DockWidgetTitleMargin, nullptr, d) +
                         2 * button;
        if (d->width() + kSlack < need)
            add(d, QStringLiteral("title needs %1 px, dock is %2 px").arg(need).arg(d->width()),
                d->windowTitle());
    }

    void header(const QHeaderView* h) {
        const QAbstractItemModel* m = h->model();
        if (!m || !h->isVisible())
            return;
        const QFontMetrics fm(h->font());
        const int margin = h->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, h);
        const int mark = h->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, h);
        for (int i = 0; i < h->count(); ++i) {
            if (h->isSectionHidden(i))
                continue;
            const QString text = m->headerData(i, h->orientation(), Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            int need = advance(fm, text) + 2 * margin;
            if (h->isSortIndicatorShown() && h->sortIndicatorSection() == i)
                need += mark + margin;
            const int have = h->orientation() == Qt::Horizontal ? h->sectionSize(i) : h->width();
            if (have + kSlack < need)
                add(h,
                    QStringLiteral("section %1 needs %2 px, has %3 px").arg(i).arg(need).arg(have),
                    text);
        }
    }

    void table(const QTableView* t) {
        const QAbstractItemModel* m = t->model();
        if (!m)
            return;
        const QFontMetrics fm(t->font());
        const int pad = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1);
        const QRect vp = t->viewport()->rect();
        const bool hBar = t->horizontalScrollBar()->isVisible();
        const bool vBar = t->verticalScrollBar()->isVisible();
        const int rows = std::min(m->rowCount(), 200);
        for (int c = 0; c < m->columnCount(); ++c) {
            if (t->isColumnHidden(c))
                continue;
            const int x = t->columnViewportPosition(c);
            if (!hBar && (x < 0 || x + t->columnWidth(c) > vp.width() + kSlack))
                add(t, QStringLiteral("column %1 cut off, no scroll bar").arg(c),
                    m->headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < rows; ++r) {
                if (t->isRowHidden(r))
                    continue;
                const QString text = m->index(r, c).data(Qt::DisplayRole).toString();
                if (text.isEmpty())
                    continue;
                const bool wraps = t->wordWrap() && text.contains(QLatin1Char(' '));
                if (wraps) {
                    const QRect need = fm.boundingRect(QRect(0, 0, t->columnWidth(c) - pad, 100000),
                                                       Qt::TextWordWrap, text);
                    if (need.height() > t->rowHeight(r) + kSlack)
                        add(t, QStringLiteral("cell %1,%2 wrapped text cut").arg(r).arg(c), text);
                } else if (advance(fm, text) + pad > t->columnWidth(c) + kSlack) {
                    add(t,
                        QStringLiteral("cell %1,%2 needs %3 px, column is %4 px (elided)")
                            .arg(r)
                            .arg(c)
                            .arg(advance(fm, text) + pad)
                            .arg(t->columnWidth(c)),
                        text);
                }
            }
        }
        for (int r = 0; r < m->rowCount(); ++r) {
            if (t->isRowHidden(r))
                continue;
            const int y = t->rowViewportPosition(r);
            if (!vBar && (y < 0 || y + t->rowHeight(r) > vp.height() + kSlack))
                add(t, QStringLiteral("row %1 cut off, no scroll bar").arg(r),
                    m->headerData(r, Qt::Vertical).toString());
        }
    }

    void chart(const QGraphicsView* v) {
        if (!v->scene())
            return;
        const QRectF visible = v->mapToScene(v->viewport()->rect()).boundingRect();
        QStringList drawn;
        for (const QGraphicsItem* item : v->scene()->items()) {
            const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
            if (!text || !text->isVisible())
                continue;
            const QString s = text->toPlainText();
            if (s.isEmpty())
                continue;
            drawn << s;
            if (isTruncated(s))
                add(v, QStringLiteral("chart text truncated"), s);
            const QRectF r = text->sceneBoundingRect();
            if (!visible.adjusted(-kSlack, -kSlack, kSlack, kSlack).contains(r))
                add(v, QStringLiteral("chart text outside the view"), s);
        }
        // The adapter knows what it asked for: each of these must be drawn in full.
        const auto* adapter = qobject_cast<const ui::MetricChartView*>(v->parentWidget());
        if (!adapter)
            return;
        QStringList wanted = {adapter->title(), adapter->xTitle(), adapter->yTitle()};
        for (const ui::SeriesSpec& s : adapter->seriesSpecs())
            wanted << s.name;
        for (const QString& w : std::as_const(wanted))
            if (!w.isEmpty() && !drawn.contains(w))
                add(v, QStringLiteral("chart text not drawn in full"), w);
    }

    void toolBar(const QToolBar* bar) {
        // The overflow ("»") button: some actions are not on the bar.
        for (const QToolButton* b : bar->findChildren<QToolButton*>(Qt::FindDirectChildrenOnly))
            if (b->isVisible() && b->inherits("QToolBarExtension"))
                add(bar, QStringLiteral("toolbar overflows"), bar->windowTitle());
    }

    void geometry(const QWidget* w) {
        // A child drawn past its parent's edge is clipped, unless the parent scrolls it.
        const QWidget* p = w->parentWidget();
        if (!p || w->isWindow() || qobject_cast<const QAbstractScrollArea*>(p->parentWidget()) ||
            qobject_cast<const QAbstractScrollArea*>(p) || qobject_cast<const QTabBar*>(p) ||
            qobject_cast<const QAbstractScrollArea*>(w->parentWidget()))
            return;
        if (!p->rect().adjusted(-kSlack, -kSlack, kSlack, kSlack).contains(w->geometry()))
            add(w,
                QStringLiteral("drawn past its parent (%1,%2 %3x%4 in %5x%6)")
                    .arg(w->x())
                    .arg(w->y())
                    .arg(w->width())
                    .arg(w->height())
                    .arg(p->width())
                    .arg(p->height()),
                w->metaObject()->className());
    }

    void visit(const QWidget* w) {
        if (auto* l = qobject_cast<const QLabel*>(w))
            label(l);
        else if (auto* b = qobject_cast<const QAbstractButton*>(w))
            button(b);
        else if (auto* c = qobject_cast<const QComboBox*>(w))
            comboBox(c);
        else if (auto* t = qobject_cast<const QTabBar*>(w))
            tabBar(t);
        else if (auto* h = qobject_cast<const QHeaderView*>(w))
            header(h);
        else if (auto* tb = qobject_cast<const QToolBar*>(w))
            toolBar(tb);
        if (auto* g = qobject_cast<const QGroupBox*>(w))
            groupBox(g);
        if (auto* d = qobject_cast<const QDockWidget*>(w))
            dockTitle(d);
        if (auto* tv = qobject_cast<const QTableView*>(w))
            table(tv);
        if (auto* gv = qobject_cast<const QGraphicsView*>(w))
            chart(gv);
        geometry(w);
    }
};

} // namespace

QString objectPath(const QObject* o) {
    QStringList parts;
    for (; o; o = o->parent())
        parts.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                                : o->objectName());
    return parts.join(QLatin1Char('/'));
}

QStringList auditLayout(const QWidget* root) {
    Auditor a;
    QList<const QWidget*> todo = {root};
    while (!todo.isEmpty()) {
        const QWidget* w = todo.takeFirst();
        if (!w->isVisible())
            continue;
        // QMainWindow keeps the docks behind the current tab of a tab group "visible" but
        // moved out of the window: not on screen, checked when their tab is raised.
        if (qobject_cast<const QDockWidget*>(w) && w->parentWidget() &&
            !w->parentWidget()->rect().intersects(w->geometry()))
            continue;
        a.visit(w);
        for (const QObject* c : w->children())
            if (c->isWidgetType() && !static_cast<const QWidget*>(c)->isWindow())
                todo << static_cast<const QWidget*>(c);
    }
    return a.problems;
}

} // namespace recoscope::test
