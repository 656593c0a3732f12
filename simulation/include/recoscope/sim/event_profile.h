#pragma once
// The shape of an event stream, computed the same way for an imported log and for a
// simulated run so that the two can be compared figure by figure (`recoscope-cli report
// --log NAME --run N`) and so that `fit` can map a log onto scenario fields (LogFit).
//
// Fed event by event in time order (ties in any order), one pass, memory proportional to
// the distinct users and items (never to the events). Visits are a user's events cut at
// gaps of more than 30 minutes, as RunAnalysis cuts them. Hours and weekdays are taken
// after adding `clockShiftSeconds` to each time, so that shifted time 0 falls on a Monday
// at 00:00: 0 for simulated runs (they start on a Monday), kUnixToMonday (+ a UTC offset)
// for logs in Unix seconds. Not thread-safe. Formulas: docs/scenario-format.md,
// "Fitting a scenario to a log".

#include "recoscope/core/event.h"
#include "recoscope/core/result.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace recoscope::sim {

class RunStore;

/// Every figure of a profile. Rates over nothing (no carts, no visits) are NaN: "not
/// defined", kept apart from a true 0 (JSON null).
struct EventProfileSummary {
    std::uint64_t events = 0, users = 0, items = 0, visits = 0;
    std::array<std::uint64_t, core::kEventKindCount> byKind{};
    double firstTime = 0.0, lastTime = 0.0;
    double spanDays = 0.0; ///< (last - first) / 86400
    /// Mean over the calendar days touched of the distinct users / items active that day.
    double usersPerDay = 0.0, itemsPerDay = 0.0;
    // Visits.
    double eventsPerVisit = 0.0;
    double visitLengthP50 = 0.0, visitLengthP90 = 0.0, visitLengthP99 = 0.0; ///< events
    double visitsWithPurchase = 0.0;                                         ///< share
    double meanStepGapSeconds = 0.0; ///< mean positive gap between a visit's events
    // Funnel (product views = views + clicks).
    double viewToCart = 0.0, cartToPurchase = 0.0, favouritePerView = 0.0, removePerCart = 0.0;
    // Rhythm: visit starts per exposed hour, as shares summing to 1 (a slot the span never
    // covers is NaN and left out of the sum).
    std::array<double, 24> hourlyShare{};
    std::array<double, 7> weeklyShare{};
    /// Hour of day and weekday (Monday = 0) of the first event, after the shift.
    int firstHour = 0, firstWeekday = 0;
    // Popularity (items with at least one event).
    double itemGini = 0.0;
    double topOnePercentShare = 0.0; ///< events on the top 1 % of items (at least one item)
    double zipfExponent = 0.0;       ///< -slope of log count on log rank, items with >= 5 events
    /// Over-dispersion of item counts beyond Poisson noise: (var - mean) / mean^2, the
    /// squared coefficient of variation of the items' underlying rates.
    double itemRateCv2 = 0.0;
    // Users.
    double visitsPerUser = 0.0;
    double userRateCv2 = 0.0; ///< same for the users' visit counts
    double userGini = 0.0;    ///< of visits per user
};

class EventProfile {
public:
    /// Unix time 0 was a Thursday 00:00 UTC: three days later is a Monday.
    static constexpr double kUnixToMonday = 3.0 * 86400.0;
    static constexpr double kVisitGapSeconds = 1800.0;

    explicit EventProfile(double clockShiftSeconds = 0.0);

    /// One event; `item` may be core::kNoItem (a search without a result).
    void add(double time, core::UserId user, core::ItemId item, core::EventKind kind);

    /// The figures as of the events added so far (open visits count as closed).
    EventProfileSummary summary() const;

    /// summary() as JSON (keys: docs/cli.md, `report --log`).
    static QJsonObject toJson(const EventProfileSummary& s);

private:
    struct User {
        double lastTime = -1.0;
        std::uint32_t visits = 0;
        std::uint32_t openEvents = 0;
        std::int32_t lastDay = -1;
        bool openPurchase = false;
    };
    void closeVisit(User& u);

    double m_shift;
    std::vector<User> m_users;
    std::vector<std::uint64_t> m_itemCounts;
    std::vector<std::int32_t> m_itemLastDay;
    std::vector<std::uint64_t> m_visitLengths; ///< histogram; the last bin holds longer ones
    std::array<std::uint64_t, core::kEventKindCount> m_byKind{};
    std::array<std::uint64_t, 24> m_startsByHour{};
    std::array<std::uint64_t, 7> m_startsByWeekday{};
    std::uint64_t m_events = 0, m_visits = 0, m_visitsWithPurchase = 0, m_visitEvents = 0;
    std::uint64_t m_userDays = 0, m_itemDays = 0, m_gaps = 0;
    double m_gapSum = 0.0;
    double m_first = 0.0, m_last = 0.0;
};

/// The profile of an imported log (LogStore), times shifted by kUnixToMonday plus
/// `utcOffsetHours`. Errors: the log is missing, or the store cannot be read.
core::Result<EventProfileSummary> profileLog(RunStore& store, const QString& log,
                                             double utcOffsetHours);
/// The profile of a stored run (simulated time, no shift). Errors: the run is missing.
core::Result<EventProfileSummary> profileRun(const RunStore& store, qint64 runId);

} // namespace recoscope::sim
