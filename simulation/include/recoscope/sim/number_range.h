#pragma once
// A numeric range with inclusive or exclusive bounds, as the scenario format states them:
// the validator checks values against it, its messages and docs/scenario-format.md print
// it, and the GUI sets its spin boxes from it.

#include <QString>

namespace recoscope::sim {

struct NumberRange {
    double min = 0.0;
    double max = 0.0;
    bool minOpen = false; ///< true: min itself is outside the range
    bool maxOpen = false; ///< true: max itself is outside the range

    /// True when v lies in the range (NaN never does).
    bool contains(double v) const;
    /// "[10, 2000000]", "(0, 1]": whole numbers print as integers when `integer` is set,
    /// other bounds as QString::arg(double) prints them (6 significant digits).
    QString text(bool integer) const;
};

} // namespace recoscope::sim
