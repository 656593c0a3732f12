#pragma once
// A scenario: everything that defines a synthetic shop and its shoppers. Loaded from JSON
// (docs/scenario-format.md documents every field with its default and range); missing
// fields take their defaults, so a scenario file only says what differs. The member
// initialisers below are the defaults; every field's path, range, label and help are in
// the field table (scenario_fields.h), which the parser, toJson() and the workbench use.

#include "recoscope/core/result.h"
#include "recoscope/sim/surface_assignments.h"
#include "recoscope/sim/validation_issue.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace recoscope::sim {

struct CatalogueSpec {
    int items = 3000;
    int topCategories = 8;
    int subcategoriesPerTop = 5;
    int brandsPerCategory = 6;
    double priceMedian = 25.0; ///< median list price
    double priceSigma = 0.8;   ///< log-normal spread of prices
    int tagsPerItem = 4;
    int vocabularyPerCategory = 30;
    /// Spread of the items' intrinsic appeal (log-normal): the long tail of popularity.
    double qualitySigma = 0.8;
    /// How much an item's hidden vector follows its category (0 = none, 1 = entirely).
    double categoryCoherence = 0.6;
    /// Leaves under each subcategory: 0 = a two-level tree (top > leaf), >= 1 = three
    /// levels (top > subcategory > leaf).
    int leavesPerSubcategory = 0;
    /// Zipf exponent of category sizes (0 = equal sizes).
    double categoryZipf = 0.8;
    /// Share of the base catalogue launched during the run (uniform launch times).
    double launchShare = 0.1;
    /// Mean initial stock per item (log-normal); 0 = unlimited stock.
    double stockMean = 40.0;
    /// Mean days from a stock-out to the restock (each item draws its own lead time).
    double restockDays = 2.0;
    /// Share of items with a standing discount, and the largest such discount.
    double discountShare = 0.1;
    double discountMax = 0.3;
    /// Share of consumable items (bought again after a cycle, see behaviour).
    double consumableShare = 0.15;
    /// Hidden successor (complement) items per item: what a shopper looks at next.
    int successors = 3;
};

struct PopulationSpec {
    int users = 5000;
    /// Pareto shape of activity: smaller = a few very active users and many rare ones.
    double activityAlpha = 1.2;
    std::vector<double> ageBands = {0.10, 0.25, 0.25,
                                    0.20, 0.12, 0.08}; // <18,18-24,25-34,35-44,45-54,55+
    std::vector<double> genders = {0.49, 0.49, 0.02};  // female, male, other
    std::vector<double> occupations = {0.15, 0.35, 0.15, 0.15, 0.10, 0.10};
    std::vector<double> regions = {0.30, 0.25, 0.20, 0.15, 0.10};
    /// Share of a user's hidden preference explained by demographics (0..1).
    double demographicSignal = 0.4;
    /// Log-normal spread of the users' price sensitivity multipliers.
    double priceSensitivitySigma = 0.3;
    /// Mean utility bonus for brands the user bought before (exponential per user).
    double brandLoyaltyMean = 0.8;
    /// How strongly users keep to their own favourite hours (0 = none, 1 = only then).
    double habitStrength = 0.5;
};

struct BehaviourSpec {
    double sessionsPerDay = 6000.0;
    /// Relative session arrival rate per hour of day (24 entries).
    std::vector<double> hourly = {0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.0, 1.0, 1.1,
                                  1.2, 1.1, 1.0,  1.0, 1.1, 1.2,  1.4, 1.6, 1.7, 1.5, 1.0, 0.6};
    /// Examination probability falls as positionBias^position (1 = no position bias).
    double positionBias = 0.8;
    /// Utility of not clicking (higher = fewer clicks).
    double noClickUtility = 5.5;
    /// Weight of the hidden user-item affinity in the utility.
    double affinityScale = 2.5;
    /// Probability that a session goes on after each step.
    double continueProbability = 0.8;
    /// Probability that a step without a click becomes an organic browse (search or view).
    double organicProbability = 0.5;
    /// Logistic offsets turning the surplus (utility - no_click_utility) of a viewed item
    /// into favourite / cart decisions.
    double favouriteOffset = -3.0;
    double cartOffset = -3.65;
    /// Logistic offset of buying a carted item at the end of the session (applied to half
    /// the surplus).
    double purchaseOffset = -4.0;
    /// How strongly price (log, relative to the median) lowers utility.
    double priceSensitivity = 0.5;
    /// Mean simulated seconds between two steps of a session.
    double stepSeconds = 40.0;

    /// Relative session arrival rate per day of week, Monday first (7 entries); day 0
    /// of a scenario is a Monday.
    std::vector<double> weekly = {1.0, 0.95, 0.95, 1.0, 1.05, 1.15, 1.1};
    /// Weights of the surface a session starts on: home, search, product page, cart.
    std::vector<double> startSurfaces = {0.55, 0.30, 0.12, 0.03};
    /// "position": each position p is examined with probability position_bias^p;
    /// "cascade": the shopper scans down and stops at the first click.
    QString examination = QStringLiteral("position");
    /// Probability that the shopper's next interest follows the current item's hidden
    /// successors (organic next steps) and weight of the successor bonus in the utility.
    double sequenceStrength = 0.3;
    double sequenceBoost = 2.0;
    /// Utility lost per recent impression of the same item / of the same leaf category.
    double fatigueItem = 0.4;
    double fatigueCategory = 0.05;
    /// Half-life of fatigue in simulated hours, and impressions remembered per user.
    double fatigueHalfLifeHours = 24.0;
    int fatigueMemory = 12;
    /// Utility lost by an item the user bought before (non-consumables keep it; for
    /// consumables it fades over consumable_cycle_days).
    double repurchasePenalty = 4.0;
    double consumableCycleDays = 14.0;
    /// Utility per unit of discount (0.3 off adds 0.3 x discount_weight).
    double discountWeight = 3.0;
    /// Share of organic browses drawn to promoted items while a promotion runs.
    double promotionBrowse = 0.3;
    /// Probability that a carted item is taken out again before checkout.
    double cartRemoveProbability = 0.1;
    /// Satisfaction: a good session raises the user's return weight by `gain`, a bad one
    /// lowers it by `loss`; after a bad session the user churns with `churn_probability`.
    double satisfactionGain = 0.05;
    double satisfactionLoss = 0.03;
    double churnProbability = 0.02;
    /// Share of slates whose regret against the best possible slate is measured.
    double regretSample = 0.0005;
};

/// Personalised coupons at checkout (docs/use-cases.md, "Personalised coupons";
/// decisions/0028). policy "none" (the default) draws nothing and changes nothing.
struct CouponSpec {
    /// none | everyone | uplift (a two-model uplift learner on the run's own checkouts) |
    /// price_sensitive (shoppers whose carts average below the median price).
    QString policy = QStringLiteral("none");
    /// Share of the price a coupon takes off one cart line.
    double discount = 0.15;
    /// Budget per simulated day: coupons issued (0 = no limit) and discount money spent
    /// on redeemed coupons (0 = no limit). Neither is ever exceeded.
    int couponsPerDay = 200;
    double moneyPerDay = 0.0;
    /// Gross margin as a share of the price before the coupon (the catalogue has no cost).
    double margin = 0.3;
    /// uplift policy: share of checkout lines given or denied a coupon at random (50/50)
    /// so that both of the learner's models see data, and the predicted uplift from which
    /// a coupon is given.
    double explore = 0.1;
    double minUplift = 0.05;
};

/// One entry of the scenario timeline (simulated days from the start).
struct TimelineEvent {
    enum class Kind { Promotion, Launch, Cohort, StockShock, Season };
    Kind kind = Kind::Promotion;
    double startDay = 0.0;
    double endDay = 0.0; ///< promotion and season windows; = startDay for one-off events
    /// Category id (tops first, as in ItemTable) or -1 for any.
    int category = -1;
    /// Brand id or -1 for any (promotion only).
    int brand = -1;
    double discount = 0.0; ///< promotion
    int items = 0;         ///< launch: new items in the batch
    int users = 0;         ///< cohort: new users
    double activity = 1.0; ///< cohort: activity multiplier of the new users
    double fraction = 1.0; ///< stock shock: share of the matching items emptied
    double factor = 1.0;   ///< season: arrival rate multiplier
};

/// Human name of a timeline kind ("promotion", "launch", ...), as in the JSON.
QString timelineKindName(TimelineEvent::Kind kind);
/// The timeline as the "timeline" array of a scenario file (each entry with the fields of
/// its type only).
QJsonArray timelineToJson(const std::vector<TimelineEvent>& timeline);

/// Inventory warnings (docs/use-cases.md, "Inventory warnings"): the demand forecast and
/// the horizon its warnings look ahead. Reading only: the shop and its shoppers do not
/// change with these fields (nothing is drawn), so golden runs stay bit-identical.
struct InventorySpec {
    /// Sell-out warning when an item's days of cover are at most this; 0 = warnings off.
    double horizonDays = 0.0;
    /// Overstock warning when an item's days of cover exceed this.
    double overstockDays = 30.0;
    /// Weight of the newest day in the exponentially smoothed daily sales.
    double smoothing = 0.3;
};

/// Privacy mode (docs/use-cases.md, "Privacy"; decisions/0032): what the cores are allowed
/// to see. Everything off (the default) builds no privacy layer: runs are unchanged.
struct PrivacySpec {
    /// "on": cores see user ids through a keyed, run-seeded permutation of [0, users).
    QString pseudonymise = QStringLiteral("off");
    /// "on": the user table the cores get has every demographic code set to "unknown"
    /// (the code equal to its count).
    QString withholdDemographics = QStringLiteral("off");
    /// Differential-privacy budget per simulated day; 0 = off (cores learn from the raw
    /// events). When positive, cores learn only from noisy per-item event counts.
    double epsilonPerDay = 0.0;
    /// Releases of the noisy counts per simulated day (each covers 24 / releases hours).
    int releasesPerDay = 1;
    /// Budget one release spends; 0 = epsilon_per_day / releases_per_day. A scenario whose
    /// releases would spend more than epsilon_per_day in a day is refused.
    double epsilonPerRelease = 0.0;
    /// Events of one user counted per simulated day at most (the sensitivity of a release).
    int contributionCap = 20;

    bool pseudonymising() const { return pseudonymise == QLatin1String("on"); }
    bool withholding() const { return withholdDemographics == QLatin1String("on"); }
    bool noisy() const { return epsilonPerDay > 0.0; }
    bool active() const { return pseudonymising() || withholding() || noisy(); }
    /// Why this privacy object breaks its rule across fields (a day's releases spending
    /// more than epsilon_per_day), naming the fields; empty when it keeps it.
    QString budgetProblem() const;
    /// The budget one release spends (epsilonPerRelease or the even split).
    double releaseEpsilon() const {
        return epsilonPerRelease > 0.0 ? epsilonPerRelease : epsilonPerDay / releasesPerDay;
    }
};

/// Signup questionnaire (docs/use-cases.md, "New-user onboarding"; decisions/0031). Shoppers
/// who join during the run may state their favourite leaf categories; cores read the
/// answers through RecommenderContext::statedCategories. questionnaire "none" (the
/// default) draws nothing and changes nothing.
struct OnboardingSpec {
    /// none | categories.
    QString questionnaire = QStringLiteral("none");
    /// Leaf categories each answer names (fewer than the shop's leaf categories).
    int categories = 3;
    /// Probability that a stated category is a random other leaf instead of a true favourite.
    double noise = 0.2;
    /// Share of the newcomers who answer.
    double share = 1.0;

    bool enabled() const { return questionnaire != QLatin1String("none"); }
};

struct Scenario {
    QString name = QStringLiteral("unnamed");
    QString description;
    std::uint64_t seed = 1;
    double durationDays = 7.0;
    double bucketHours = 1.0;
    int slateSize = 10;
    int latentDim = 16;
    CatalogueSpec catalogue;
    PopulationSpec population;
    BehaviourSpec behaviour;
    InventorySpec inventory;
    CouponSpec coupons;
    PrivacySpec privacy;
    OnboardingSpec onboarding;
    std::vector<TimelineEvent> timeline;
    /// A core per surface (field `surfaces`); empty = the run's one core everywhere.
    SurfaceAssignments surfaces;

    /// Items including the ones added by timeline launches; users including cohorts.
    int totalItems() const;
    int totalUsers() const;
    /// Categories of the tree (tops, subcategories and leaves).
    int categoryCount() const;
    int brandCount() const;

    /// The resolved scenario (defaults filled in) as compact JSON with sorted keys: what
    /// the run store keeps, and what the hash is taken over.
    QByteArray canonicalJson() const;
    QJsonObject toJson() const;
    /// Hex SHA-256 of canonicalJson().
    QString hash() const;
};

/// What checkScenario() found: the scenario when it is valid, and every problem.
struct ScenarioCheck {
    std::optional<Scenario> scenario; ///< set exactly when `issues` is empty
    QList<ValidationIssue> issues;    ///< in the order of the file's fields
};

/// Parses and validates scenario JSON. `source` names it in messages. Every problem is
/// kept as a structured issue (path, kind, the bound broken).
ScenarioCheck checkScenario(const QByteArray& json, const QString& source);

/// Parses and validates scenario JSON. `source` names it in messages. All problems are
/// reported at once, one per line (each issue's text()).
core::Result<Scenario> parseScenario(const QByteArray& json, const QString& source);

/// Reads a scenario file.
core::Result<Scenario> loadScenarioFile(const QString& path);

} // namespace recoscope::sim
