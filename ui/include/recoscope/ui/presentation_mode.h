#pragma once
// PresentationMode: one switch for projectors (View > Presentation mode, Ctrl++). It
// scales the application font by kScale, and with it everything that follows the font:
// widgets, table rows and headers (cells::fitHeight refits), chart titles, legends and
// axes (the chart adapters copy the widget font into Qt Charts); toolbar icons are scaled
// here. It also re-flows the main window for a 1280x720 screen: every panel in one tabbed
// column on the right (tabs scroll instead of eliding), the dashboard beside it (its chart
// pages go to one column and scroll when the charts need more height, see ChartGrid).
// Leaving restores the font, the icon sizes and the dock arrangement exactly as they were.
// Windows opened while the mode is on (comparison, inspectors, dialogs) inherit the
// application font. GUI thread only.

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QObject>
#include <QSize>

class QMainWindow;
class QToolBar;

namespace recoscope::ui {

class PresentationMode : public QObject {
    Q_OBJECT
public:
    /// The factor for fonts and icons: 9 pt text becomes 12 pt.
    static constexpr double kScale = 4.0 / 3.0;

    /// `window` owns this object and must outlive it.
    explicit PresentationMode(QMainWindow* window);

    bool isOn() const { return m_on; }
    /// Enters or leaves the mode (no-op when already there).
    void setOn(bool on);
    /// The window's dock arrangement to remember across starts: while the mode is on, the
    /// one it will return to (QMainWindow::saveState format).
    QByteArray normalState() const;

signals:
    void toggled(bool on);

private:
    void arrangeDocks();
    void unelideDockTabs();

    QMainWindow* m_window;
    bool m_on = false;
    QFont m_normalFont;
    QByteArray m_normalState;
    int m_normalTabPosition = 0; ///< QTabWidget::TabPosition of the right dock area
    QHash<QToolBar*, QSize> m_normalIcons;
};

} // namespace recoscope::ui
