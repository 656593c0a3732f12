#pragma once
// Value types the inspectors and teaching mode receive: one shopper action with the core's
// explanations, and the state of one shopper or one item of one core. Built by
// InspectorLedger on the arena's thread and sent by value (EngineWorker's signals).

#include "recoscope/core/event.h"
#include "recoscope/core/explanation.h"
#include "recoscope/core/types.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

/// A slate entry as the inspectors and teaching mode show it. The explanation was composed
/// when the slate was served, from the state that scored it (core::Recommender::explain);
/// slates served while nobody watched keep none (explanation empty).
struct ExplainedEntry {
    core::ItemId item = core::kNoItem;
    float score = 0.0f;
    QString itemDescription; ///< "item 42 (Kitchen > Kettles)" (English)
    QString itemCategory; ///< its category half, " (Kitchen > Kettles)" (names: never translated)
    QString explanation;  ///< the core's own sentence (English); empty = not kept
    /// The same explanation as data: its message template and arguments, for the GUI to
    /// show translated (ui::explanationText); empty text when not kept.
    core::Explanation why;
    /// The score as the explanation prints it ("2.0"); empty for placeholders and when no
    /// explanation was kept.
    QString scoreText;
    /// The score only keeps the order (a fill-in, a random pick): nothing to show.
    bool placeholder = false;
};

/// One shopper action of one core (Step, teaching mode).
struct StepRecord {
    int core = 0;
    bool valid = false; ///< false once the core's run is over
    core::UserId user = core::kNoUser;
    core::SimTime time = 0.0;
    core::Surface surface = core::Surface::Home;
    core::ItemId contextItem = core::kNoItem;
    std::vector<ExplainedEntry> slate;
    /// The previous slate served to the same user (empty if none): what moved.
    std::vector<ExplainedEntry> previousSlate;
    int clicked = -1;
    bool sessionStarted = false, sessionEnded = false;
    std::vector<core::Event> events;
    /// Following a shopper: the other shoppers' actions this core went through first.
    std::uint64_t passed = 0;
};

/// One teaching step of every core of an arena.
struct StepReport {
    quint64 generation = 0;              ///< set by EngineWorker
    int step = 0;                        ///< 1 = the first step since the arena was created
    core::UserId follow = core::kNoUser; ///< the shopper followed, or none
    std::vector<StepRecord> cores;
};

struct UserInspection {
    quint64 generation = 0; ///< set by EngineWorker
    int core = 0;
    core::UserId user = core::kNoUser;
    bool valid = false;
    QString error;
    int ageBand = 0, gender = 0, occupation = 0, region = 0;
    core::SimTime joinTime = 0.0;
    std::uint64_t sessions = 0, events = 0;
    /// RFM: days since the last purchase (-1 = never), purchases, money spent.
    double recencyDays = -1.0;
    std::uint64_t frequency = 0;
    double monetary = 0.0;
    /// Segment key (RFM rules, see inspector_ledger.cpp): "new", "browser", "champion",
    /// "loyal", "at-risk".
    QString segment;
    /// Probability that the shopper's next candidate visit happens (satisfaction), and
    /// whether the shopper has churned (from the engine's ShopState).
    double returnWeight = 0.0;
    bool churned = false;
    std::vector<core::Event> recentEvents; ///< newest last
    /// What the catalogue says of each recent event's item, parallel to recentEvents:
    /// category (leaf name), brand and list price; category empty for an event without an
    /// item (a visit, a search).
    struct ItemBrief {
        QString category;
        std::uint32_t brand = 0;
        float price = 0.0f;
    };
    std::vector<ItemBrief> recentItems;
    core::SimTime slateTime = -1.0; ///< when the current slate was served (-1 = never)
    std::vector<ExplainedEntry> slate;
};

struct ItemInspection {
    quint64 generation = 0; ///< set by EngineWorker
    int core = 0;
    core::ItemId item = core::kNoItem;
    bool valid = false;
    QString error;
    QString description;  ///< "item 42 (Kitchen > Kettles)" (English)
    QString categoryPath; ///< its category half, " (Kitchen > Kettles)"
    QString category;
    std::uint32_t brand = 0;
    float price = 0.0f, discount = 0.0f;
    bool available = false;
    /// Units in stock (-1 = unlimited), sold and restock count, running promotion discount.
    std::int32_t stock = -1;
    std::uint32_t sold = 0, restocked = 0;
    float promotionDiscount = 0.0f;
    core::SimTime launchTime = 0.0;
    std::uint64_t impressions = 0, clicks = 0, purchases = 0;
    /// Per time bin: impressions, clicks, purchases; bin i covers [i*binSeconds, (i+1)*binSeconds).
    double binSeconds = 0.0;
    std::vector<std::uint32_t> impressionBins, clickBins, purchaseBins;
};

} // namespace recoscope::sim
