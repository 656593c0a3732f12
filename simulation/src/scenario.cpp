#include "recoscope/sim/scenario.h"

#include "recoscope/sim/json_reader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace recoscope::sim {

namespace {

constexpr int kFormatVersion = 1;

QJsonArray toArray(const std::vector<double>& v) {
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

void parseTimeline(JsonReader& r, const QJsonObject& root, Scenario& s) {
    const QJsonArray list = r.array(root, QStringLiteral("$"), QStringLiteral("timeline"));
    const int categories = s.categoryCount();
    const int brands = s.brandCount();
    long long addedItems = 0, addedUsers = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("$.timeline[%1]").arg(i);
        if (!list.at(i).isObject()) {
            r.fail(at, QStringLiteral("expected an object with a \"type\""));
            continue;
        }
        const QJsonObject o = list.at(i).toObject();
        const QString type =
            r.text(o, at, QStringLiteral("type"), QString(),
                   {QStringLiteral("promotion"), QStringLiteral("launch"), QStringLiteral("cohort"),
                    QStringLiteral("stock_shock"), QStringLiteral("season")});
        if (type.isEmpty()) {
            if (!o.contains(QStringLiteral("type")))
                r.fail(
                    at + QStringLiteral(".type"),
                    QStringLiteral(
                        "missing; expected one of promotion, launch, cohort, stock_shock, season"));
            continue;
        }
        TimelineEvent e;
        const double days = s.durationDays;
        auto window = [&] {
            r.rejectUnknown(o, at,
                            type == QLatin1String("promotion")
                                ? QStringList{QStringLiteral("type"), QStringLiteral("start_day"),
                                              QStringLiteral("end_day"), QStringLiteral("category"),
                                              QStringLiteral("brand"), QStringLiteral("discount")}
                                : QStringList{QStringLiteral("type"), QStringLiteral("start_day"),
                                              QStringLiteral("end_day"), QStringLiteral("factor")});
            e.startDay = r.real(o, at, QStringLiteral("start_day"), 0.0, 0.0, days);
            e.endDay = r.real(o, at, QStringLiteral("end_day"), days, 0.0, days);
            if (e.endDay <= e.startDay)
                r.fail(at + QStringLiteral(".end_day"),
                       QStringLiteral("expected a day after start_day (%1), got %2")
                           .arg(e.startDay)
                           .arg(e.endDay));
        };
        if (type == QLatin1String("promotion")) {
            e.kind = TimelineEvent::Kind::Promotion;
            window();
            e.category = static_cast<int>(
                r.integer(o, at, QStringLiteral("category"), -1, -1, categories - 1));
            e.brand =
                static_cast<int>(r.integer(o, at, QStringLiteral("brand"), -1, -1, brands - 1));
            e.discount = r.real(o, at, QStringLiteral("discount"), 0.2, 0.01, 0.9);
        } else if (type == QLatin1String("season")) {
            e.kind = TimelineEvent::Kind::Season;
            window();
            e.factor = r.real(o, at, QStringLiteral("factor"), 1.5, 0.0, 100.0);
        } else if (type == QLatin1String("launch")) {
            e.kind = TimelineEvent::Kind::Launch;
            r.rejectUnknown(o, at,
                            {QStringLiteral("type"), QStringLiteral("day"),
                             QStringLiteral("category"), QStringLiteral("items")});
            e.startDay = e.endDay = r.real(o, at, QStringLiteral("day"), 0.0, 0.0, days);
            e.category = static_cast<int>(
                r.integer(o, at, QStringLiteral("category"), -1, -1, categories - 1));
            e.items =
                static_cast<int>(r.integer(o, at, QStringLiteral("items"), 100, 1, 1'000'000));
            addedItems += e.items;
        } else if (type == QLatin1String("cohort")) {
            e.kind = TimelineEvent::Kind::Cohort;
            r.rejectUnknown(o, at,
                            {QStringLiteral("type"), QStringLiteral("day"), QStringLiteral("users"),
                             QStringLiteral("activity")});
            e.startDay = e.endDay = r.real(o, at, QStringLiteral("day"), 0.0, 0.0, days);
            e.users =
                static_cast<int>(r.integer(o, at, QStringLiteral("users"), 1000, 1, 1'000'000));
            e.activity = r.real(o, at, QStringLiteral("activity"), 1.0, 0.01, 100.0);
            addedUsers += e.users;
        } else {
            e.kind = TimelineEvent::Kind::StockShock;
            r.rejectUnknown(o, at,
                            {QStringLiteral("type"), QStringLiteral("day"),
                             QStringLiteral("category"), QStringLiteral("fraction")});
            e.startDay = e.endDay = r.real(o, at, QStringLiteral("day"), 0.0, 0.0, days);
            e.category = static_cast<int>(
                r.integer(o, at, QStringLiteral("category"), -1, -1, categories - 1));
            e.fraction = r.real(o, at, QStringLiteral("fraction"), 1.0, 0.0, 1.0);
        }
        s.timeline.push_back(e);
    }
    if (list.size() > 1000)
        r.fail(QStringLiteral("$.timeline"),
               QStringLiteral("expected at most 1000 entries, got %1").arg(list.size()));
    if (s.catalogue.items + addedItems > 2'000'000)
        r.fail(QStringLiteral("$.timeline"),
               QStringLiteral("expected at most 2000000 items with the launches, got %1")
                   .arg(s.catalogue.items + addedItems));
    if (s.population.users + addedUsers > 2'000'000)
        r.fail(QStringLiteral("$.timeline"),
               QStringLiteral("expected at most 2000000 users with the cohorts, got %1")
                   .arg(s.population.users + addedUsers));
    // Stable order by start day (ties keep file order) so that the engine can walk it.
    std::stable_sort(
        s.timeline.begin(), s.timeline.end(),
        [](const TimelineEvent& a, const TimelineEvent& b) { return a.startDay < b.startDay; });
}

} // namespace

QJsonObject Scenario::toJson() const {
    QJsonObject cat{{QStringLiteral("items"), catalogue.items},
                    {QStringLiteral("top_categories"), catalogue.topCategories},
                    {QStringLiteral("subcategories_per_top"), catalogue.subcategoriesPerTop},
                    {QStringLiteral("brands_per_category"), catalogue.brandsPerCategory},
                    {QStringLiteral("price_median"), catalogue.priceMedian},
                    {QStringLiteral("price_sigma"), catalogue.priceSigma},
                    {QStringLiteral("tags_per_item"), catalogue.tagsPerItem},
                    {QStringLiteral("vocabulary_per_category"), catalogue.vocabularyPerCategory},
                    {QStringLiteral("quality_sigma"), catalogue.qualitySigma},
                    {QStringLiteral("category_coherence"), catalogue.categoryCoherence},
                    {QStringLiteral("leaves_per_subcategory"), catalogue.leavesPerSubcategory},
                    {QStringLiteral("category_zipf"), catalogue.categoryZipf},
                    {QStringLiteral("launch_share"), catalogue.launchShare},
                    {QStringLiteral("stock_mean"), catalogue.stockMean},
                    {QStringLiteral("restock_days"), catalogue.restockDays},
                    {QStringLiteral("discount_share"), catalogue.discountShare},
                    {QStringLiteral("discount_max"), catalogue.discountMax},
                    {QStringLiteral("consumable_share"), catalogue.consumableShare},
                    {QStringLiteral("successors"), catalogue.successors}};
    QJsonObject pop{{QStringLiteral("users"), population.users},
                    {QStringLiteral("activity_alpha"), population.activityAlpha},
                    {QStringLiteral("age_bands"), toArray(population.ageBands)},
                    {QStringLiteral("genders"), toArray(population.genders)},
                    {QStringLiteral("occupations"), toArray(population.occupations)},
                    {QStringLiteral("regions"), toArray(population.regions)},
                    {QStringLiteral("demographic_signal"), population.demographicSignal},
                    {QStringLiteral("price_sensitivity_sigma"), population.priceSensitivitySigma},
                    {QStringLiteral("brand_loyalty_mean"), population.brandLoyaltyMean},
                    {QStringLiteral("habit_strength"), population.habitStrength}};
    const BehaviourSpec& b = behaviour;
    QJsonObject beh{{QStringLiteral("sessions_per_day"), b.sessionsPerDay},
                    {QStringLiteral("hourly"), toArray(b.hourly)},
                    {QStringLiteral("position_bias"), b.positionBias},
                    {QStringLiteral("no_click_utility"), b.noClickUtility},
                    {QStringLiteral("affinity_scale"), b.affinityScale},
                    {QStringLiteral("continue_probability"), b.continueProbability},
                    {QStringLiteral("organic_probability"), b.organicProbability},
                    {QStringLiteral("favourite_offset"), b.favouriteOffset},
                    {QStringLiteral("cart_offset"), b.cartOffset},
                    {QStringLiteral("purchase_offset"), b.purchaseOffset},
                    {QStringLiteral("price_sensitivity"), b.priceSensitivity},
                    {QStringLiteral("step_seconds"), b.stepSeconds},
                    {QStringLiteral("weekly"), toArray(b.weekly)},
                    {QStringLiteral("start_surfaces"), toArray(b.startSurfaces)},
                    {QStringLiteral("examination"), b.examination},
                    {QStringLiteral("sequence_strength"), b.sequenceStrength},
                    {QStringLiteral("sequence_boost"), b.sequenceBoost},
                    {QStringLiteral("fatigue_item"), b.fatigueItem},
                    {QStringLiteral("fatigue_category"), b.fatigueCategory},
                    {QStringLiteral("fatigue_half_life_hours"), b.fatigueHalfLifeHours},
                    {QStringLiteral("fatigue_memory"), b.fatigueMemory},
                    {QStringLiteral("repurchase_penalty"), b.repurchasePenalty},
                    {QStringLiteral("consumable_cycle_days"), b.consumableCycleDays},
                    {QStringLiteral("discount_weight"), b.discountWeight},
                    {QStringLiteral("promotion_browse"), b.promotionBrowse},
                    {QStringLiteral("cart_remove_probability"), b.cartRemoveProbability},
                    {QStringLiteral("satisfaction_gain"), b.satisfactionGain},
                    {QStringLiteral("satisfaction_loss"), b.satisfactionLoss},
                    {QStringLiteral("churn_probability"), b.churnProbability},
                    {QStringLiteral("regret_sample"), b.regretSample}};
    QJsonArray events;
    for (const TimelineEvent& e : timeline) {
        QJsonObject o{{QStringLiteral("type"), timelineKindName(e.kind)}};
        switch (e.kind) {
        case TimelineEvent::Kind::Promotion:
            o.insert(QStringLiteral("start_day"), e.startDay);
            o.insert(QStringLiteral("end_day"), e.endDay);
            o.insert(QStringLiteral("category"), e.category);
            o.insert(QStringLiteral("brand"), e.brand);
            o.insert(QStringLiteral("discount"), e.discount);
            break;
        case TimelineEvent::Kind::Launch:
            o.insert(QStringLiteral("day"), e.startDay);
            o.insert(QStringLiteral("category"), e.category);
            o.insert(QStringLiteral("items"), e.items);
            break;
        case TimelineEvent::Kind::Cohort:
            o.insert(QStringLiteral("day"), e.startDay);
            o.insert(QStringLiteral("users"), e.users);
            o.insert(QStringLiteral("activity"), e.activity);
            break;
        case TimelineEvent::Kind::StockShock:
            o.insert(QStringLiteral("day"), e.startDay);
            o.insert(QStringLiteral("category"), e.category);
            o.insert(QStringLiteral("fraction"), e.fraction);
            break;
        case TimelineEvent::Kind::Season:
            o.insert(QStringLiteral("start_day"), e.startDay);
            o.insert(QStringLiteral("end_day"), e.endDay);
            o.insert(QStringLiteral("factor"), e.factor);
            break;
        }
        events.append(o);
    }
    return QJsonObject{{QStringLiteral("format"), kFormatVersion},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("seed"), static_cast<double>(seed)},
                       {QStringLiteral("duration_days"), durationDays},
                       {QStringLiteral("bucket_hours"), bucketHours},
                       {QStringLiteral("slate_size"), slateSize},
                       {QStringLiteral("latent_dim"), latentDim},
                       {QStringLiteral("catalogue"), cat},
                       {QStringLiteral("population"), pop},
                       {QStringLiteral("behaviour"), beh},
                       {QStringLiteral("timeline"), events}};
}

QString timelineKindName(TimelineEvent::Kind kind) {
    switch (kind) {
    case TimelineEvent::Kind::Promotion:
        return QStringLiteral("promotion");
    case TimelineEvent::Kind::Launch:
        return QStringLiteral("launch");
    case TimelineEvent::Kind::Cohort:
        return QStringLiteral("cohort");
    case TimelineEvent::Kind::StockShock:
        return QStringLiteral("stock_shock");
    case TimelineEvent::Kind::Season:
        return QStringLiteral("season");
    }
    return {};
}

int Scenario::totalItems() const {
    long long n = catalogue.items;
    for (const TimelineEvent& e : timeline)
        if (e.kind == TimelineEvent::Kind::Launch)
            n += e.items;
    return static_cast<int>(n);
}

int Scenario::totalUsers() const {
    long long n = population.users;
    for (const TimelineEvent& e : timeline)
        if (e.kind == TimelineEvent::Kind::Cohort)
            n += e.users;
    return static_cast<int>(n);
}

int Scenario::categoryCount() const {
    const int tops = catalogue.topCategories;
    const int subs = tops * catalogue.subcategoriesPerTop;
    return tops + subs + subs * catalogue.leavesPerSubcategory;
}

int Scenario::brandCount() const {
    const int subs = catalogue.topCategories * catalogue.subcategoriesPerTop;
    const int leaves =
        catalogue.leavesPerSubcategory > 0 ? subs * catalogue.leavesPerSubcategory : subs;
    return leaves * catalogue.brandsPerCategory;
}

QByteArray Scenario::canonicalJson() const {
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString Scenario::hash() const {
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(), QCryptographicHash::Sha256).toHex());
}

core::Result<Scenario> parseScenario(const QByteArray& json, const QString& source) {
    JsonReader r(source, json);
    QJsonObject root;
    if (!r.parse(root))
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};

    const QString top = QStringLiteral("$");
    Scenario s;
    r.rejectUnknown(
        root, top,
        {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("description"),
         QStringLiteral("seed"), QStringLiteral("duration_days"), QStringLiteral("bucket_hours"),
         QStringLiteral("slate_size"), QStringLiteral("latent_dim"), QStringLiteral("catalogue"),
         QStringLiteral("population"), QStringLiteral("behaviour"), QStringLiteral("timeline")});
    r.integer(root, top, QStringLiteral("format"), kFormatVersion, kFormatVersion, kFormatVersion);
    s.name = r.text(root, top, QStringLiteral("name"), QStringLiteral("unnamed"));
    s.description = r.text(root, top, QStringLiteral("description"), QString());
    // Seeds up to 2^53 so that they survive JSON's doubles exactly.
    s.seed = static_cast<std::uint64_t>(
        r.integer(root, top, QStringLiteral("seed"), 1, 0, (qint64(1) << 53)));
    s.durationDays =
        r.real(root, top, QStringLiteral("duration_days"), s.durationDays, 0.01, 3650.0);
    s.bucketHours =
        r.real(root, top, QStringLiteral("bucket_hours"), s.bucketHours, 1.0 / 60.0, 24.0 * 30);
    s.slateSize =
        static_cast<int>(r.integer(root, top, QStringLiteral("slate_size"), s.slateSize, 1, 100));
    s.latentDim =
        static_cast<int>(r.integer(root, top, QStringLiteral("latent_dim"), s.latentDim, 2, 128));

    const QString cp = QStringLiteral("$.catalogue");
    const QJsonObject c = r.object(root, top, QStringLiteral("catalogue"));
    r.rejectUnknown(c, cp,
                    {QStringLiteral("items"), QStringLiteral("top_categories"),
                     QStringLiteral("subcategories_per_top"), QStringLiteral("brands_per_category"),
                     QStringLiteral("price_median"), QStringLiteral("price_sigma"),
                     QStringLiteral("tags_per_item"), QStringLiteral("vocabulary_per_category"),
                     QStringLiteral("quality_sigma"), QStringLiteral("category_coherence"),
                     QStringLiteral("leaves_per_subcategory"), QStringLiteral("category_zipf"),
                     QStringLiteral("launch_share"), QStringLiteral("stock_mean"),
                     QStringLiteral("restock_days"), QStringLiteral("discount_share"),
                     QStringLiteral("discount_max"), QStringLiteral("consumable_share"),
                     QStringLiteral("successors")});
    CatalogueSpec& cs = s.catalogue;
    cs.items = static_cast<int>(r.integer(c, cp, QStringLiteral("items"), cs.items, 10, 2'000'000));
    cs.topCategories = static_cast<int>(
        r.integer(c, cp, QStringLiteral("top_categories"), cs.topCategories, 1, 200));
    cs.subcategoriesPerTop = static_cast<int>(
        r.integer(c, cp, QStringLiteral("subcategories_per_top"), cs.subcategoriesPerTop, 1, 200));
    cs.brandsPerCategory = static_cast<int>(
        r.integer(c, cp, QStringLiteral("brands_per_category"), cs.brandsPerCategory, 1, 1000));
    cs.priceMedian = r.real(c, cp, QStringLiteral("price_median"), cs.priceMedian, 0.01, 1e6);
    cs.priceSigma = r.real(c, cp, QStringLiteral("price_sigma"), cs.priceSigma, 0.0, 3.0);
    cs.tagsPerItem =
        static_cast<int>(r.integer(c, cp, QStringLiteral("tags_per_item"), cs.tagsPerItem, 0, 32));
    cs.vocabularyPerCategory = static_cast<int>(r.integer(
        c, cp, QStringLiteral("vocabulary_per_category"), cs.vocabularyPerCategory, 1, 10000));
    cs.qualitySigma = r.real(c, cp, QStringLiteral("quality_sigma"), cs.qualitySigma, 0.0, 3.0);
    cs.categoryCoherence =
        r.real(c, cp, QStringLiteral("category_coherence"), cs.categoryCoherence, 0.0, 1.0);
    cs.leavesPerSubcategory = static_cast<int>(
        r.integer(c, cp, QStringLiteral("leaves_per_subcategory"), cs.leavesPerSubcategory, 0, 50));
    cs.categoryZipf = r.real(c, cp, QStringLiteral("category_zipf"), cs.categoryZipf, 0.0, 3.0);
    cs.launchShare = r.real(c, cp, QStringLiteral("launch_share"), cs.launchShare, 0.0, 0.9);
    cs.stockMean = r.real(c, cp, QStringLiteral("stock_mean"), cs.stockMean, 0.0, 1e6);
    cs.restockDays = r.real(c, cp, QStringLiteral("restock_days"), cs.restockDays, 0.01, 365.0);
    cs.discountShare = r.real(c, cp, QStringLiteral("discount_share"), cs.discountShare, 0.0, 1.0);
    cs.discountMax = r.real(c, cp, QStringLiteral("discount_max"), cs.discountMax, 0.05, 0.9);
    cs.consumableShare =
        r.real(c, cp, QStringLiteral("consumable_share"), cs.consumableShare, 0.0, 1.0);
    cs.successors =
        static_cast<int>(r.integer(c, cp, QStringLiteral("successors"), cs.successors, 0, 20));
    // The category tree and the brand table must stay addressable with 32-bit ids and
    // small enough to generate quickly.
    if (r.ok() && static_cast<long long>(s.categoryCount()) > 200000)
        r.fail(cp,
               QStringLiteral("expected at most 200000 categories in the tree, got %1 "
                              "(top_categories x subcategories_per_top x leaves_per_subcategory)")
                   .arg(static_cast<long long>(cs.topCategories) * cs.subcategoriesPerTop *
                        std::max(1, cs.leavesPerSubcategory)));
    else if (r.ok() && static_cast<long long>(s.brandCount()) > 2000000)
        r.fail(cp + QStringLiteral(".brands_per_category"),
               QStringLiteral("expected at most 2000000 brands in all (leaf categories x "
                              "brands_per_category), got %1")
                   .arg(static_cast<long long>(s.brandCount())));

    const QString pp = QStringLiteral("$.population");
    const QJsonObject p = r.object(root, top, QStringLiteral("population"));
    r.rejectUnknown(
        p, pp,
        {QStringLiteral("users"), QStringLiteral("activity_alpha"), QStringLiteral("age_bands"),
         QStringLiteral("genders"), QStringLiteral("occupations"), QStringLiteral("regions"),
         QStringLiteral("demographic_signal"), QStringLiteral("price_sensitivity_sigma"),
         QStringLiteral("brand_loyalty_mean"), QStringLiteral("habit_strength")});
    PopulationSpec& ps = s.population;
    ps.users = static_cast<int>(r.integer(p, pp, QStringLiteral("users"), ps.users, 1, 2'000'000));
    ps.activityAlpha = r.real(p, pp, QStringLiteral("activity_alpha"), ps.activityAlpha, 0.5, 10.0);
    ps.ageBands = r.weights(p, pp, QStringLiteral("age_bands"), ps.ageBands, 6);
    ps.genders = r.weights(p, pp, QStringLiteral("genders"), ps.genders, 3);
    ps.occupations = r.weights(p, pp, QStringLiteral("occupations"), ps.occupations, 6);
    ps.regions = r.weights(p, pp, QStringLiteral("regions"), ps.regions, 0);
    if (ps.regions.size() > 64)
        r.fail(pp + QStringLiteral(".regions"),
               QStringLiteral("expected at most 64 regions, got %1").arg(ps.regions.size()));
    ps.demographicSignal =
        r.real(p, pp, QStringLiteral("demographic_signal"), ps.demographicSignal, 0.0, 1.0);
    ps.priceSensitivitySigma = r.real(p, pp, QStringLiteral("price_sensitivity_sigma"),
                                      ps.priceSensitivitySigma, 0.0, 3.0);
    ps.brandLoyaltyMean =
        r.real(p, pp, QStringLiteral("brand_loyalty_mean"), ps.brandLoyaltyMean, 0.0, 10.0);
    ps.habitStrength = r.real(p, pp, QStringLiteral("habit_strength"), ps.habitStrength, 0.0, 1.0);

    const QString bp = QStringLiteral("$.behaviour");
    const QJsonObject b = r.object(root, top, QStringLiteral("behaviour"));
    r.rejectUnknown(b, bp,
                    {QStringLiteral("sessions_per_day"),
                     QStringLiteral("hourly"),
                     QStringLiteral("position_bias"),
                     QStringLiteral("no_click_utility"),
                     QStringLiteral("affinity_scale"),
                     QStringLiteral("continue_probability"),
                     QStringLiteral("organic_probability"),
                     QStringLiteral("favourite_offset"),
                     QStringLiteral("cart_offset"),
                     QStringLiteral("purchase_offset"),
                     QStringLiteral("price_sensitivity"),
                     QStringLiteral("step_seconds"),
                     QStringLiteral("weekly"),
                     QStringLiteral("start_surfaces"),
                     QStringLiteral("examination"),
                     QStringLiteral("sequence_strength"),
                     QStringLiteral("sequence_boost"),
                     QStringLiteral("fatigue_item"),
                     QStringLiteral("fatigue_category"),
                     QStringLiteral("fatigue_half_life_hours"),
                     QStringLiteral("fatigue_memory"),
                     QStringLiteral("repurchase_penalty"),
                     QStringLiteral("consumable_cycle_days"),
                     QStringLiteral("discount_weight"),
                     QStringLiteral("promotion_browse"),
                     QStringLiteral("cart_remove_probability"),
                     QStringLiteral("satisfaction_gain"),
                     QStringLiteral("satisfaction_loss"),
                     QStringLiteral("churn_probability"),
                     QStringLiteral("regret_sample")});
    BehaviourSpec& bs = s.behaviour;
    bs.sessionsPerDay =
        r.real(b, bp, QStringLiteral("sessions_per_day"), bs.sessionsPerDay, 1.0, 1e9);
    bs.hourly = r.weights(b, bp, QStringLiteral("hourly"), bs.hourly, 24);
    bs.positionBias = r.real(b, bp, QStringLiteral("position_bias"), bs.positionBias, 0.05, 1.0);
    bs.noClickUtility =
        r.real(b, bp, QStringLiteral("no_click_utility"), bs.noClickUtility, -20.0, 20.0);
    bs.affinityScale = r.real(b, bp, QStringLiteral("affinity_scale"), bs.affinityScale, 0.0, 20.0);
    bs.continueProbability =
        r.real(b, bp, QStringLiteral("continue_probability"), bs.continueProbability, 0.0, 0.99);
    bs.organicProbability =
        r.real(b, bp, QStringLiteral("organic_probability"), bs.organicProbability, 0.0, 1.0);
    bs.favouriteOffset =
        r.real(b, bp, QStringLiteral("favourite_offset"), bs.favouriteOffset, -20.0, 20.0);
    bs.cartOffset = r.real(b, bp, QStringLiteral("cart_offset"), bs.cartOffset, -20.0, 20.0);
    bs.purchaseOffset =
        r.real(b, bp, QStringLiteral("purchase_offset"), bs.purchaseOffset, -20.0, 20.0);
    bs.priceSensitivity =
        r.real(b, bp, QStringLiteral("price_sensitivity"), bs.priceSensitivity, 0.0, 10.0);
    bs.stepSeconds = r.real(b, bp, QStringLiteral("step_seconds"), bs.stepSeconds, 0.1, 3600.0);
    bs.weekly = r.weights(b, bp, QStringLiteral("weekly"), bs.weekly, 7);
    bs.startSurfaces = r.weights(b, bp, QStringLiteral("start_surfaces"), bs.startSurfaces, 4);
    bs.examination = r.text(b, bp, QStringLiteral("examination"), bs.examination,
                            {QStringLiteral("position"), QStringLiteral("cascade")});
    bs.sequenceStrength =
        r.real(b, bp, QStringLiteral("sequence_strength"), bs.sequenceStrength, 0.0, 1.0);
    bs.sequenceBoost = r.real(b, bp, QStringLiteral("sequence_boost"), bs.sequenceBoost, 0.0, 10.0);
    bs.fatigueItem = r.real(b, bp, QStringLiteral("fatigue_item"), bs.fatigueItem, 0.0, 10.0);
    bs.fatigueCategory =
        r.real(b, bp, QStringLiteral("fatigue_category"), bs.fatigueCategory, 0.0, 10.0);
    bs.fatigueHalfLifeHours = r.real(b, bp, QStringLiteral("fatigue_half_life_hours"),
                                     bs.fatigueHalfLifeHours, 0.01, 10000.0);
    bs.fatigueMemory = static_cast<int>(
        r.integer(b, bp, QStringLiteral("fatigue_memory"), bs.fatigueMemory, 0, 64));
    bs.repurchasePenalty =
        r.real(b, bp, QStringLiteral("repurchase_penalty"), bs.repurchasePenalty, 0.0, 20.0);
    bs.consumableCycleDays =
        r.real(b, bp, QStringLiteral("consumable_cycle_days"), bs.consumableCycleDays, 0.1, 365.0);
    bs.discountWeight =
        r.real(b, bp, QStringLiteral("discount_weight"), bs.discountWeight, 0.0, 20.0);
    bs.promotionBrowse =
        r.real(b, bp, QStringLiteral("promotion_browse"), bs.promotionBrowse, 0.0, 1.0);
    bs.cartRemoveProbability = r.real(b, bp, QStringLiteral("cart_remove_probability"),
                                      bs.cartRemoveProbability, 0.0, 1.0);
    bs.satisfactionGain =
        r.real(b, bp, QStringLiteral("satisfaction_gain"), bs.satisfactionGain, 0.0, 1.0);
    bs.satisfactionLoss =
        r.real(b, bp, QStringLiteral("satisfaction_loss"), bs.satisfactionLoss, 0.0, 1.0);
    bs.churnProbability =
        r.real(b, bp, QStringLiteral("churn_probability"), bs.churnProbability, 0.0, 1.0);
    bs.regretSample = r.real(b, bp, QStringLiteral("regret_sample"), bs.regretSample, 0.0, 1.0);

    parseTimeline(r, root, s);

    if (!r.ok())
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};
    return s;
}

core::Result<Scenario> loadScenarioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()).toStdString()};
    return parseScenario(file.readAll(), path);
}

} // namespace recoscope::sim
