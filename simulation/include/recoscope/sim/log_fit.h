#pragma once
// Fits a scenario to an imported log (`recoscope-cli fit`): estimates from the log what
// the scenario format can express (catalogue size, users, activity spread, visits per
// day, visit length and pace, funnel rates, daily and weekly rhythm, item popularity
// spread, duration) and writes each estimate into its scenario field. Every field the fit
// touches is reported with the estimate, the value written and, when they differ, why (a
// value outside the field's range is replaced by the nearest valid one and the report
// says so; nothing is clamped silently). What the format cannot express, or the log does
// not show, is listed in notes and left at the scenario default.
//
// The estimators are moment matches, first order, against reference figures measured on
// the `default` scenario run with `popularity` (the calibration run of docs/shop-model.md):
// formulas and constants in docs/scenario-format.md, "Fitting a scenario to a log", and
// docs/decisions/0009-fit-by-moment-matching.md. Not thread-safe; plain values.

#include "recoscope/core/result.h"
#include "recoscope/sim/event_profile.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

class RunStore;
struct LogEvent;

struct FitOptions {
    QString name = QStringLiteral("fitted"); ///< the scenario's name
    std::uint64_t seed = 1;
    /// Hours to add to the log's UTC times before reading hours and weekdays (the shop's
    /// local time), in [-14, 14].
    double utcOffsetHours = 0.0;
};

/// One scenario field set by the fit.
struct FitField {
    QString path;        ///< JSON path, e.g. "behaviour.cart_offset"
    QJsonValue estimate; ///< what the log says (null: not defined by this log)
    QJsonValue written;  ///< what the scenario holds
    QString source;      ///< the log figure it comes from, with the formula
    QString note;        ///< why written differs from estimate; empty when they agree
};

struct FitResult {
    Scenario scenario;
    std::vector<FitField> fields;
    QStringList notes; ///< what the format cannot express or the log does not show
    EventProfileSummary profile;
    /// {scenario, fields: [{path, estimate, written, source, note}], notes, profile}.
    QJsonObject toJson() const;
};

class LogFit {
public:
    explicit LogFit(FitOptions options = {});

    /// One event of the log, in time order.
    void add(const LogEvent& event);
    /// The fitted scenario. Error when no event was added (nothing to fit).
    core::Result<FitResult> result() const;

    /// The mapping alone, from a profile taken with the options' clock shift.
    static core::Result<FitResult> fit(const EventProfileSummary& profile,
                                       const FitOptions& options);

    /// Squared coefficient of variation of the scenario's activity law (Pareto with shape
    /// `alpha`, capped at 100 times the least active): what activity_alpha is fitted by.
    static double activityCv2(double alpha);
    /// The alpha where activityCv2 peaks (about 1.05): below it the cap makes the law less
    /// dispersed again, so dispersion identifies alpha only from here up.
    static double activityPeakAlpha();
    /// activityCv2's inverse on [activityPeakAlpha(), 100] (beyond the field's [0.5, 10], so
    /// that an estimate outside it shows as such): the peak for cv2 at or above the peak's,
    /// 100 for cv2 below what alpha 100 gives; NaN when `cv2` is not finite.
    static double activityAlphaFor(double cv2);

private:
    FitOptions m_options;
    EventProfile m_profile;
};

/// Streams the named log of `store` through a LogFit. Errors: the log is missing (the
/// message names it), the store cannot be read, or the log is empty.
core::Result<FitResult> fitLog(RunStore& store, const QString& log, const FitOptions& options);

} // namespace recoscope::sim
