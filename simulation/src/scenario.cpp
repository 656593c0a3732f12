#include "recoscope/sim/scenario.h"

#include "recoscope/sim/json_reader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace recoscope::sim {

namespace {

constexpr int kFormatVersion = 1;

QJsonArray toArray(const std::vector<double>& v) {
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
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
                    {QStringLiteral("category_coherence"), catalogue.categoryCoherence}};
    QJsonObject pop{{QStringLiteral("users"), population.users},
                    {QStringLiteral("activity_alpha"), population.activityAlpha},
                    {QStringLiteral("age_bands"), toArray(population.ageBands)},
                    {QStringLiteral("genders"), toArray(population.genders)},
                    {QStringLiteral("occupations"), toArray(population.occupations)},
                    {QStringLiteral("regions"), toArray(population.regions)},
                    {QStringLiteral("demographic_signal"), population.demographicSignal}};
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
                    {QStringLiteral("step_seconds"), b.stepSeconds}};
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
                       {QStringLiteral("behaviour"), beh}};
}

QByteArray Scenario::canonicalJson() const {
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString Scenario::hash() const {
    return QString::fromLatin1(QCryptographicHash::hash(canonicalJson(), QCryptographicHash::Sha256).toHex());
}

core::Result<Scenario> parseScenario(const QByteArray& json, const QString& source) {
    JsonReader r(source, json);
    QJsonObject root;
    if (!r.parse(root))
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};

    const QString top = QStringLiteral("$");
    Scenario s;
    r.rejectUnknown(root, top,
                    {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("seed"),
                     QStringLiteral("duration_days"), QStringLiteral("bucket_hours"), QStringLiteral("slate_size"),
                     QStringLiteral("latent_dim"), QStringLiteral("catalogue"), QStringLiteral("population"),
                     QStringLiteral("behaviour")});
    r.integer(root, top, QStringLiteral("format"), kFormatVersion, kFormatVersion, kFormatVersion);
    s.name = r.text(root, top, QStringLiteral("name"), QStringLiteral("unnamed"));
    s.description = r.text(root, top, QStringLiteral("description"), QString());
    // Seeds up to 2^53 so that they survive JSON's doubles exactly.
    s.seed = static_cast<std::uint64_t>(r.integer(root, top, QStringLiteral("seed"), 1, 0, (qint64(1) << 53)));
    s.durationDays = r.real(root, top, QStringLiteral("duration_days"), s.durationDays, 0.01, 3650.0);
    s.bucketHours = r.real(root, top, QStringLiteral("bucket_hours"), s.bucketHours, 1.0 / 60.0, 24.0 * 30);
    s.slateSize = static_cast<int>(r.integer(root, top, QStringLiteral("slate_size"), s.slateSize, 1, 100));
    s.latentDim = static_cast<int>(r.integer(root, top, QStringLiteral("latent_dim"), s.latentDim, 2, 128));

    const QString cp = QStringLiteral("$.catalogue");
    const QJsonObject c = r.object(root, top, QStringLiteral("catalogue"));
    r.rejectUnknown(c, cp,
                    {QStringLiteral("items"), QStringLiteral("top_categories"), QStringLiteral("subcategories_per_top"),
                     QStringLiteral("brands_per_category"), QStringLiteral("price_median"), QStringLiteral("price_sigma"),
                     QStringLiteral("tags_per_item"), QStringLiteral("vocabulary_per_category"),
                     QStringLiteral("quality_sigma"), QStringLiteral("category_coherence")});
    CatalogueSpec& cs = s.catalogue;
    cs.items = static_cast<int>(r.integer(c, cp, QStringLiteral("items"), cs.items, 10, 2'000'000));
    cs.topCategories = static_cast<int>(r.integer(c, cp, QStringLiteral("top_categories"), cs.topCategories, 1, 200));
    cs.subcategoriesPerTop =
        static_cast<int>(r.integer(c, cp, QStringLiteral("subcategories_per_top"), cs.subcategoriesPerTop, 1, 200));
    cs.brandsPerCategory =
        static_cast<int>(r.integer(c, cp, QStringLiteral("brands_per_category"), cs.brandsPerCategory, 1, 1000));
    cs.priceMedian = r.real(c, cp, QStringLiteral("price_median"), cs.priceMedian, 0.01, 1e6);
    cs.priceSigma = r.real(c, cp, QStringLiteral("price_sigma"), cs.priceSigma, 0.0, 3.0);
    cs.tagsPerItem = static_cast<int>(r.integer(c, cp, QStringLiteral("tags_per_item"), cs.tagsPerItem, 0, 32));
    cs.vocabularyPerCategory =
        static_cast<int>(r.integer(c, cp, QStringLiteral("vocabulary_per_category"), cs.vocabularyPerCategory, 1, 10000));
    cs.qualitySigma = r.real(c, cp, QStringLiteral("quality_sigma"), cs.qualitySigma, 0.0, 3.0);
    cs.categoryCoherence = r.real(c, cp, QStringLiteral("category_coherence"), cs.categoryCoherence, 0.0, 1.0);

    const QString pp = QStringLiteral("$.population");
    const QJsonObject p = r.object(root, top, QStringLiteral("population"));
    r.rejectUnknown(p, pp,
                    {QStringLiteral("users"), QStringLiteral("activity_alpha"), QStringLiteral("age_bands"),
                     QStringLiteral("genders"), QStringLiteral("occupations"), QStringLiteral("regions"),
                     QStringLiteral("demographic_signal")});
    PopulationSpec& ps = s.population;
    ps.users = static_cast<int>(r.integer(p, pp, QStringLiteral("users"), ps.users, 1, 2'000'000));
    ps.activityAlpha = r.real(p, pp, QStringLiteral("activity_alpha"), ps.activityAlpha, 0.5, 10.0);
    ps.ageBands = r.weights(p, pp, QStringLiteral("age_bands"), ps.ageBands, 6);
    ps.genders = r.weights(p, pp, QStringLiteral("genders"), ps.genders, 3);
    ps.occupations = r.weights(p, pp, QStringLiteral("occupations"), ps.occupations, 6);
    ps.regions = r.weights(p, pp, QStringLiteral("regions"), ps.regions, 0);
    if (ps.regions.size() > 64)
        r.fail(pp + QStringLiteral(".regions"), QStringLiteral("expected at most 64 regions, got %1").arg(ps.regions.size()));
    ps.demographicSignal = r.real(p, pp, QStringLiteral("demographic_signal"), ps.demographicSignal, 0.0, 1.0);

    const QString bp = QStringLiteral("$.behaviour");
    const QJsonObject b = r.object(root, top, QStringLiteral("behaviour"));
    r.rejectUnknown(b, bp,
                    {QStringLiteral("sessions_per_day"), QStringLiteral("hourly"), QStringLiteral("position_bias"),
                     QStringLiteral("no_click_utility"), QStringLiteral("affinity_scale"),
                     QStringLiteral("continue_probability"), QStringLiteral("organic_probability"),
                     QStringLiteral("favourite_offset"), QStringLiteral("cart_offset"), QStringLiteral("purchase_offset"),
                     QStringLiteral("price_sensitivity"), QStringLiteral("step_seconds")});
    BehaviourSpec& bs = s.behaviour;
    bs.sessionsPerDay = r.real(b, bp, QStringLiteral("sessions_per_day"), bs.sessionsPerDay, 1.0, 1e9);
    bs.hourly = r.weights(b, bp, QStringLiteral("hourly"), bs.hourly, 24);
    bs.positionBias = r.real(b, bp, QStringLiteral("position_bias"), bs.positionBias, 0.05, 1.0);
    bs.noClickUtility = r.real(b, bp, QStringLiteral("no_click_utility"), bs.noClickUtility, -20.0, 20.0);
    bs.affinityScale = r.real(b, bp, QStringLiteral("affinity_scale"), bs.affinityScale, 0.0, 20.0);
    bs.continueProbability = r.real(b, bp, QStringLiteral("continue_probability"), bs.continueProbability, 0.0, 0.99);
    bs.organicProbability = r.real(b, bp, QStringLiteral("organic_probability"), bs.organicProbability, 0.0, 1.0);
    bs.favouriteOffset = r.real(b, bp, QStringLiteral("favourite_offset"), bs.favouriteOffset, -20.0, 20.0);
    bs.cartOffset = r.real(b, bp, QStringLiteral("cart_offset"), bs.cartOffset, -20.0, 20.0);
    bs.purchaseOffset = r.real(b, bp, QStringLiteral("purchase_offset"), bs.purchaseOffset, -20.0, 20.0);
    bs.priceSensitivity = r.real(b, bp, QStringLiteral("price_sensitivity"), bs.priceSensitivity, 0.0, 10.0);
    bs.stepSeconds = r.real(b, bp, QStringLiteral("step_seconds"), bs.stepSeconds, 0.1, 3600.0);

    if (!r.ok())
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};
    return s;
}

core::Result<Scenario> loadScenarioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()).toStdString()};
    return parseScenario(file.readAll(), path);
}

} // namespace recoscope::sim
