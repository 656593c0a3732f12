#pragma once
// A scenario: everything that defines a synthetic shop and its shoppers. Loaded from JSON
// (docs/scenario-format.md documents every field with its default and range); missing
// fields take their defaults, so a scenario file only says what differs.

#include "recoscope/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
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
};

struct PopulationSpec {
    int users = 5000;
    /// Pareto shape of activity: smaller = a few very active users and many rare ones.
    double activityAlpha = 1.2;
    std::vector<double> ageBands = {0.10, 0.25, 0.25, 0.20, 0.12, 0.08}; // <18,18-24,25-34,35-44,45-54,55+
    std::vector<double> genders = {0.49, 0.49, 0.02};                    // female, male, other
    std::vector<double> occupations = {0.15, 0.35, 0.15, 0.15, 0.10, 0.10};
    std::vector<double> regions = {0.30, 0.25, 0.20, 0.15, 0.10};
    /// Share of a user's hidden preference explained by demographics (0..1).
    double demographicSignal = 0.4;
};

struct BehaviourSpec {
    double sessionsPerDay = 6000.0;
    /// Relative session arrival rate per hour of day (24 entries).
    std::vector<double> hourly = {0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.0, 1.0, 1.1,
                                  1.2, 1.1, 1.0, 1.0, 1.1, 1.2, 1.4, 1.6, 1.7, 1.5, 1.0, 0.6};
    /// Examination probability falls as positionBias^position (1 = no position bias).
    double positionBias = 0.8;
    /// Utility of not clicking (higher = fewer clicks).
    double noClickUtility = 3.0;
    /// Weight of the hidden user-item affinity in the utility.
    double affinityScale = 1.5;
    /// Probability that a session goes on after each step.
    double continueProbability = 0.8;
    /// Probability that a step without a click becomes an organic browse (search or view).
    double organicProbability = 0.5;
    /// Logistic offsets turning post-click utility into favourite / cart decisions.
    double favouriteOffset = -2.5;
    double cartOffset = -1.8;
    /// Logistic offset of buying a carted item at the end of the session.
    double purchaseOffset = -0.6;
    /// How strongly price (log, relative to the median) lowers utility.
    double priceSensitivity = 0.5;
    /// Mean simulated seconds between two steps of a session.
    double stepSeconds = 40.0;
};

struct Scenario {
    QString name;
    QString description;
    std::uint64_t seed = 1;
    double durationDays = 7.0;
    double bucketHours = 1.0;
    int slateSize = 10;
    int latentDim = 16;
    CatalogueSpec catalogue;
    PopulationSpec population;
    BehaviourSpec behaviour;

    /// The resolved scenario (defaults filled in) as compact JSON with sorted keys: what
    /// the run store keeps, and what the hash is taken over.
    QByteArray canonicalJson() const;
    QJsonObject toJson() const;
    /// Hex SHA-256 of canonicalJson().
    QString hash() const;
};

/// Parses and validates scenario JSON. `source` names it in messages. All problems are
/// reported at once, one per line.
core::Result<Scenario> parseScenario(const QByteArray& json, const QString& source);

/// Reads a scenario file.
core::Result<Scenario> loadScenarioFile(const QString& path);

} // namespace recoscope::sim
