#pragma once
// CouponPanel: the dashboard's "Coupons" tab (docs/use-cases.md, "Personalised coupons").
// One column per core of the store shown, one row per figure of its `coupons` block
// (coupon_report.h): checkout lines, coupons issued and redeemed, lines the budget
// refused, extra orders, revenue and margin against the same dice without a coupon,
// discount spent, cost per extra order, and how well the uplift model ranks the true
// uplift. Live from the arena's snapshots or from a stored run's summary; "–" for a core
// whose shop gives no coupons. GUI thread only.

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace recoscope::ui {

class MetricSeriesStore;

class CouponPanel : public QWidget {
    Q_OBJECT
public:
    explicit CouponPanel(QWidget* parent = nullptr);

    /// Refills the table from `store` (read now, not kept).
    void showStore(const MetricSeriesStore& store);

    QTableWidget* table() const { return m_table; }
    /// The rows, in order (stable keys of the coupons block: "issued", "orders", ...).
    static QStringList rowKeys();
    /// A row's cell for one core's block, as the table writes it ("–" when absent).
    static QString cellText(const QJsonObject& coupons, const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_note = nullptr;
    QTableWidget* m_table = nullptr;
    std::vector<QJsonObject> m_blocks; ///< per core, as last shown (for retranslation)
};

} // namespace recoscope::ui
