// The rows of the catalogue, population and behaviour objects, in the order of
// docs/scenario-format.md. Ranges are what the generators and the shopper model can take
// (see docs/shop-model.md for what each field does there).

#include "scenario_field_builders.h"

namespace recoscope::sim::fieldrows {

void appendCatalogueFields(std::vector<ScenarioField>& t) {
    t.push_back(whole<&S::catalogue, &C::items>(
        "catalogue.items", 10, 2'000'000, QT_TRANSLATE_NOOP("ScenarioField", "Items"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Items of the base catalogue; timeline launches add more, 2,000,000 in all at most.")));
    t.push_back(whole<&S::catalogue, &C::topCategories>(
        "catalogue.top_categories", 1, 200, QT_TRANSLATE_NOOP("ScenarioField", "Top categories"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Top-level departments of the category tree (the first 18 have names: "
                          "Kitchen, Fashion, Electronics, Books, ...).")));
    t.push_back(whole<&S::catalogue, &C::subcategoriesPerTop>(
        "catalogue.subcategories_per_top", 1, 200,
        QT_TRANSLATE_NOOP("ScenarioField", "Subcategories per top category"),
        QT_TRANSLATE_NOOP("ScenarioField", "Second-level categories under each department.")));
    t.push_back(whole<&S::catalogue, &C::leavesPerSubcategory>(
        "catalogue.leaves_per_subcategory", 0, 50,
        QT_TRANSLATE_NOOP("ScenarioField", "Leaves per subcategory"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "0: a two-level tree (items sit in subcategories); n >= 1: a three-level tree with n "
            "leaves under each subcategory. The tree has at most 200,000 categories.")));
    t.push_back(real<&S::catalogue, &C::categoryZipf>(
        "catalogue.category_zipf", {0, 3}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Category size skew"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Zipf exponent of leaf category sizes (0 = equal sizes; larger = a longer tail).")));
    t.push_back(whole<&S::catalogue, &C::brandsPerCategory>(
        "catalogue.brands_per_category", 1, 1000,
        QT_TRANSLATE_NOOP("ScenarioField", "Brands per category"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Brands per leaf category (at most 2,000,000 brands in all).")));
    t.push_back(real<&S::catalogue, &C::priceMedian>(
        "catalogue.price_median", {0.01, 1e6}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Median price"),
        QT_TRANSLATE_NOOP("ScenarioField", "Median list price; prices are log-normal around it.")));
    t.push_back(real<&S::catalogue, &C::priceSigma>(
        "catalogue.price_sigma", {0, 3}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Price spread"),
        QT_TRANSLATE_NOOP("ScenarioField", "Log-normal spread of prices within a category (each "
                                           "category also has its own price level, spread 0.5).")));
    t.push_back(whole<&S::catalogue, &C::tagsPerItem>(
        "catalogue.tags_per_item", 0, 32, QT_TRANSLATE_NOOP("ScenarioField", "Tags per item"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Title and tag words per item, drawn from its department's vocabulary.")));
    t.push_back(whole<&S::catalogue, &C::vocabularyPerCategory>(
        "catalogue.vocabulary_per_category", 1, 10000,
        QT_TRANSLATE_NOOP("ScenarioField", "Vocabulary per department"),
        QT_TRANSLATE_NOOP("ScenarioField", "Words in each department's vocabulary.")));
    t.push_back(real<&S::catalogue, &C::qualitySigma>(
        "catalogue.quality_sigma", {0, 3}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Popularity long tail"),
        QT_TRANSLATE_NOOP("ScenarioField", "Spread of the items' hidden intrinsic appeal: larger "
                                           "means a longer tail of popularity.")));
    t.push_back(real<&S::catalogue, &C::categoryCoherence>(
        "catalogue.category_coherence", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Category coherence"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "How much an item's hidden vector follows its category (0 = none, 1 = entirely); tags "
            "and brand follow it too, so content-based cores have a signal.")));
    t.push_back(real<&S::catalogue, &C::launchShare>(
        "catalogue.launch_share", {0, 0.9}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Launch share"),
        QT_TRANSLATE_NOOP("ScenarioField", "Share of the base catalogue that launches during the "
                                           "run, at uniform random times (new-item cold start).")));
    t.push_back(real<&S::catalogue, &C::stockMean>(
        "catalogue.stock_mean", {0, 1e6}, 1, QT_TRANSLATE_NOOP("ScenarioField", "Mean stock"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Mean initial stock per item (log-normal, at least 1); 0 means unlimited stock.")));
    t.push_back(real<&S::catalogue, &C::restockDays>(
        "catalogue.restock_days", {0.01, 365}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Restock delay"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Mean days from a stock-out to the restock; each item draws its own lead "
                          "time (exponential) and is restocked to its initial stock."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "days")));
    t.push_back(real<&S::catalogue, &C::discountShare>(
        "catalogue.discount_share", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Discounted share"),
        QT_TRANSLATE_NOOP("ScenarioField", "Share of items with a standing discount.")));
    t.push_back(real<&S::catalogue, &C::discountMax>(
        "catalogue.discount_max", {0.05, 0.9}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Largest discount"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Standing discounts are uniform between 0.05 and this value.")));
    t.push_back(real<&S::catalogue, &C::consumableShare>(
        "catalogue.consumable_share", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Consumable share"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Share of consumables, bought again after behaviour.consumable_cycle_days.")));
    t.push_back(whole<&S::catalogue, &C::successors>(
        "catalogue.successors", 0, 20, QT_TRANSLATE_NOOP("ScenarioField", "Successors per item"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Hidden successor (complement) items per item, mostly from a sibling category: what a "
            "shopper tends to look at next. The sequence signal session-based cores learn.")));
}

void appendPopulationFields(std::vector<ScenarioField>& t) {
    t.push_back(whole<&S::population, &P::users>(
        "population.users", 1, 2'000'000, QT_TRANSLATE_NOOP("ScenarioField", "Shoppers"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Shoppers at the start; timeline cohorts add more, 2,000,000 in all at most.")));
    t.push_back(real<&S::population, &P::activityAlpha>(
        "population.activity_alpha", {0.5, 10}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Activity skew"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Pareto shape of activity (relative visit rate), truncated at 100 times the least "
            "active: smaller means a few very active shoppers and many rare ones.")));
    t.push_back(weights<&S::population, &P::ageBands>(
        "population.age_bands", 6, 6, QT_TRANSLATE_NOOP("ScenarioField", "Age bands"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Weights of the age bands under 18, 18-24, 25-34, 35-44, 45-54 and 55 or over.")));
    t.push_back(weights<&S::population, &P::genders>(
        "population.genders", 3, 3, QT_TRANSLATE_NOOP("ScenarioField", "Genders"),
        QT_TRANSLATE_NOOP("ScenarioField", "Weights of female, male and other.")));
    t.push_back(weights<&S::population, &P::occupations>(
        "population.occupations", 6, 6, QT_TRANSLATE_NOOP("ScenarioField", "Occupations"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Weights of student, employee, self-employed, manager, retired and other.")));
    t.push_back(weights<&S::population, &P::regions>(
        "population.regions", 1, 64, QT_TRANSLATE_NOOP("ScenarioField", "Regions"),
        QT_TRANSLATE_NOOP("ScenarioField", "One weight per region.")));
    t.push_back(real<&S::population, &P::demographicSignal>(
        "population.demographic_signal", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Demographic signal"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Share of a shopper's hidden taste explained by their demographic "
                          "groups: how much signal demographic cold-start strategies have.")));
    t.push_back(real<&S::population, &P::priceSensitivitySigma>(
        "population.price_sensitivity_sigma", {0, 3}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Price sensitivity spread"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Log-normal spread (mean 1) of each shopper's price-sensitivity multiplier.")));
    t.push_back(real<&S::population, &P::brandLoyaltyMean>(
        "population.brand_loyalty_mean", {0, 10}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Brand loyalty"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Mean utility bonus (exponential per shopper) for brands the shopper bought before.")));
    t.push_back(real<&S::population, &P::habitStrength>(
        "population.habit_strength", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Habit strength"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "How strongly shoppers keep to their favourite hour of day (drawn from "
            "behaviour.hourly): 0 = any hour, 1 = only around it (within 3 hours).")));
}

void appendBehaviourFields(std::vector<ScenarioField>& t) {
    t.push_back(real<&S::behaviour, &B::sessionsPerDay>(
        "behaviour.sessions_per_day", {1, 1e9}, 1,
        QT_TRANSLATE_NOOP("ScenarioField", "Sessions per day"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Expected visits per day of the initial population at the start; cohorts "
                          "add theirs, satisfaction and churn move it during the run.")));
    t.push_back(weights<&S::behaviour, &B::hourly>(
        "behaviour.hourly", 24, 24, QT_TRANSLATE_NOOP("ScenarioField", "Hourly rhythm"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Relative visit rate for each of the 24 hours of the day, 0:00 first.")));
    t.push_back(weights<&S::behaviour, &B::weekly>(
        "behaviour.weekly", 7, 7, QT_TRANSLATE_NOOP("ScenarioField", "Weekly rhythm"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Relative visit rate for each day of the week, Monday first.")));
    t.push_back(weights<&S::behaviour, &B::startSurfaces>(
        "behaviour.start_surfaces", 4, 4, QT_TRANSLATE_NOOP("ScenarioField", "Start surfaces"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Where a visit starts: home feed, search, a product page (from outside), "
                          "the cart or order page (suggestions for the last purchase).")));
    t.push_back(real<&S::behaviour, &B::positionBias>(
        "behaviour.position_bias", {0.05, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Position bias"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Position p of a slate is examined with weight bias^p (1 = no position bias); in "
            "cascade mode, the probability to go on to the next position.")));
    ScenarioField examination = row<&S::behaviour, &B::examination>(
        "behaviour.examination", ScenarioField::Type::Choice,
        QT_TRANSLATE_NOOP("ScenarioField", "Examination"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "position: a multinomial logit over the slate plus a no-click option, position p "
            "weighted by position_bias^p. cascade: scan from the top, click with the logistic of "
            "(utility - no_click_utility), stop at the first click."));
    // The values the file stores; the form shows them translated (lupdate reads these).
    examination.choices = {QStringLiteral("position"), QStringLiteral("cascade")};
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "position");
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "cascade");
    t.push_back(examination);
    t.push_back(real<&S::behaviour, &B::noClickUtility>(
        "behaviour.no_click_utility", {-20, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "No-click utility"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Utility of not clicking, the outside option every decision compares "
                          "against: higher means fewer clicks.")));
    t.push_back(real<&S::behaviour, &B::affinityScale>(
        "behaviour.affinity_scale", {0, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Affinity weight"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Weight of the hidden user-item affinity in the utility (scaled by the "
                          "square root of latent_dim, so it means the same in any dimension).")));
    t.push_back(real<&S::behaviour, &B::priceSensitivity>(
        "behaviour.price_sensitivity", {0, 10}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Price sensitivity"),
        QT_TRANSLATE_NOOP("ScenarioField", "Utility lost per unit of log(price / median price), "
                                           "times the shopper's own multiplier.")));
    t.push_back(real<&S::behaviour, &B::discountWeight>(
        "behaviour.discount_weight", {0, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Discount weight"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Utility per unit of current discount (30 % off adds 0.3 times this).")));
    t.push_back(real<&S::behaviour, &B::continueProbability>(
        "behaviour.continue_probability", {0, 0.99}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Continue probability"),
        QT_TRANSLATE_NOOP("ScenarioField", "Probability that a visit goes on after each step "
                                           "(geometric visit length, mean 1/(1-p) steps).")));
    t.push_back(real<&S::behaviour, &B::organicProbability>(
        "behaviour.organic_probability", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Organic move probability"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Probability that a step without a click becomes an organic move "
                          "(successor, search or browse) instead of going back home.")));
    t.push_back(real<&S::behaviour, &B::sequenceStrength>(
        "behaviour.sequence_strength", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Sequence strength"),
        QT_TRANSLATE_NOOP("ScenarioField", "Probability that an organic move follows one of the "
                                           "current item's hidden successors.")));
    t.push_back(real<&S::behaviour, &B::sequenceBoost>(
        "behaviour.sequence_boost", {0, 10}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Sequence boost"),
        QT_TRANSLATE_NOOP("ScenarioField", "Utility bonus of the current item's successors in a "
                                           "slate (what the shopper wants next).")));
    t.push_back(real<&S::behaviour, &B::fatigueItem>(
        "behaviour.fatigue_item", {0, 10}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Item fatigue"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Utility lost per remembered impression of the same item.")));
    t.push_back(real<&S::behaviour, &B::fatigueCategory>(
        "behaviour.fatigue_category", {0, 10}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Category fatigue"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Utility lost per remembered impression of the same leaf category.")));
    t.push_back(real<&S::behaviour, &B::fatigueHalfLifeHours>(
        "behaviour.fatigue_half_life_hours", {0.01, 10000}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Fatigue half-life"),
        QT_TRANSLATE_NOOP("ScenarioField", "Fatigue halves every this many simulated hours."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "hours")));
    t.push_back(whole<&S::behaviour, &B::fatigueMemory>(
        "behaviour.fatigue_memory", 0, 64, QT_TRANSLATE_NOOP("ScenarioField", "Fatigue memory"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Impressions remembered per shopper (8 bytes each per shopper).")));
    t.push_back(real<&S::behaviour, &B::repurchasePenalty>(
        "behaviour.repurchase_penalty", {0, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Repurchase penalty"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Utility lost by an item the shopper bought (one of their last four purchases).")));
    t.push_back(real<&S::behaviour, &B::consumableCycleDays>(
        "behaviour.consumable_cycle_days", {0.1, 365}, 1,
        QT_TRANSLATE_NOOP("ScenarioField", "Consumable cycle"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "For consumables the repurchase penalty fades to 0 over this many days."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "days")));
    t.push_back(real<&S::behaviour, &B::promotionBrowse>(
        "behaviour.promotion_browse", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Promotion pull"),
        QT_TRANSLATE_NOOP("ScenarioField", "Share of organic browses drawn to promoted items while "
                                           "a promotion runs (the banner effect).")));
    t.push_back(real<&S::behaviour, &B::favouriteOffset>(
        "behaviour.favourite_offset", {-20, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Favourite offset"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Logistic offset: P(favourite) = logistic(surplus + offset), where "
                          "surplus = utility - no_click_utility.")));
    t.push_back(real<&S::behaviour, &B::cartOffset>(
        "behaviour.cart_offset", {-20, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Add-to-cart offset"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Logistic offset: P(add to cart) = logistic(surplus + offset).")));
    t.push_back(real<&S::behaviour, &B::purchaseOffset>(
        "behaviour.purchase_offset", {-20, 20}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Purchase offset"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "At the end of the visit, P(buy a carted item) = logistic(surplus / 2 + "
                          "offset); otherwise the cart line is abandoned.")));
    t.push_back(real<&S::behaviour, &B::cartRemoveProbability>(
        "behaviour.cart_remove_probability", {0, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Cart removal probability"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Probability that a cart line is taken out before checkout.")));
    t.push_back(real<&S::behaviour, &B::stepSeconds>(
        "behaviour.step_seconds", {0.1, 3600}, 1,
        QT_TRANSLATE_NOOP("ScenarioField", "Seconds between steps"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Mean simulated seconds between two steps of a visit (exponential)."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "seconds")));
    t.push_back(real<&S::behaviour, &B::satisfactionGain>(
        "behaviour.satisfaction_gain", {0, 1}, 3,
        QT_TRANSLATE_NOOP("ScenarioField", "Satisfaction gain"),
        QT_TRANSLATE_NOOP("ScenarioField", "A visit with a click or a purchase moves the shopper's "
                                           "return weight this share of the way to 1.")));
    t.push_back(real<&S::behaviour, &B::satisfactionLoss>(
        "behaviour.satisfaction_loss", {0, 1}, 3,
        QT_TRANSLATE_NOOP("ScenarioField", "Satisfaction loss"),
        QT_TRANSLATE_NOOP("ScenarioField", "A visit with two or more slates and no click lowers "
                                           "the return weight by this share.")));
    t.push_back(real<&S::behaviour, &B::churnProbability>(
        "behaviour.churn_probability", {0, 1}, 3,
        QT_TRANSLATE_NOOP("ScenarioField", "Churn probability"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "After such a bad visit the shopper leaves for good with this probability.")));
    t.push_back(real<&S::behaviour, &B::regretSample>(
        "behaviour.regret_sample", {0, 1}, 5, QT_TRANSLATE_NOOP("ScenarioField", "Regret sample"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Share of slates whose regret against the best possible slate is "
                          "measured (each costs one pass over the catalogue).")));
}

void appendInventoryFields(std::vector<ScenarioField>& t) {
    t.push_back(real<&S::inventory, &I::horizonDays>(
        "inventory.horizon_days", {0, 60}, 1, QT_TRANSLATE_NOOP("ScenarioField", "Warning horizon"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Warn about an item when its stock covers at most this many days of "
                          "forecast sales; 0 switches the warnings off."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "days")));
    t.push_back(real<&S::inventory, &I::overstockDays>(
        "inventory.overstock_days", {1, 3650}, 0,
        QT_TRANSLATE_NOOP("ScenarioField", "Overstock beyond"),
        QT_TRANSLATE_NOOP("ScenarioField", "An item in stock with more days of cover than this "
                                           "(or no sale forecast) counts as overstocked."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "days")));
    t.push_back(real<&S::inventory, &I::smoothing>(
        "inventory.smoothing", {0.01, 1}, 2,
        QT_TRANSLATE_NOOP("ScenarioField", "Forecast smoothing"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Weight of the newest day in the exponentially smoothed daily sales "
                          "(1 = yesterday's sales only).")));
}

} // namespace recoscope::sim::fieldrows
