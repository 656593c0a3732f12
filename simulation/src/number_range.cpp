#include "recoscope/sim/number_range.h"

namespace recoscope::sim {

bool NumberRange::contains(double v) const {
    // Written so that NaN fails every comparison and so lies outside.
    const bool aboveMin = minOpen ? v > min : v >= min;
    const bool belowMax = maxOpen ? v < max : v <= max;
    return aboveMin && belowMax;
}

QString NumberRange::text(bool integer) const {
    // The integer form keeps 2^53 exact; arg(double) would print 9.0072e+15.
    const QString lo =
        integer ? QString::number(static_cast<qint64>(min)) : QStringLiteral("%1").arg(min);
    const QString hi =
        integer ? QString::number(static_cast<qint64>(max)) : QStringLiteral("%1").arg(max);
    return QStringLiteral("%1%2, %3%4")
        .arg(minOpen ? QLatin1Char('(') : QLatin1Char('['))
        .arg(lo, hi)
        .arg(maxOpen ? QLatin1Char(')') : QLatin1Char(']'));
}

} // namespace recoscope::sim
