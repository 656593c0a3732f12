#include "recoscope/sim/scenario.h"

#include "recoscope/sim/json_reader.h"
#include "recoscope/sim/scenario_fields.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace recoscope::sim {

namespace {

std::vector<double> numbers(const QJsonValue& v) {
    std::vector<double> out;
    for (const QJsonValue& e : v.toArray())
        out.push_back(e.toDouble());
    return out;
}

QJsonArray toArray(const std::vector<double>& v) {
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

} // namespace

// Sequential composition (decisions/0032): a day's releases must fit the day's budget.
QString PrivacySpec::budgetProblem() const {
    // Like coupons.explore outside the uplift policy, epsilon_per_release means nothing
    // while the noise is off (the field's help says so); it is not an error then.
    if (!noisy())
        return QString();
    if (epsilonPerRelease > 0.0 &&
        epsilonPerRelease * releasesPerDay > epsilonPerDay * (1.0 + 1e-12))
        return QStringLiteral("releases_per_day %1 x epsilon_per_release %2 spend %3 a day, over "
                              "the budget epsilon_per_day %4")
            .arg(releasesPerDay)
            .arg(epsilonPerRelease)
            .arg(epsilonPerRelease * releasesPerDay)
            .arg(epsilonPerDay);
    return QString();
}

namespace {

// Rules across the fields of one object, checked once the object is read.
void checkSection(JsonReader& r, const QString& section, const Scenario& s) {
    if (section == QLatin1String("surfaces")) {
        // Syntax only: which cores exist is the registry's to say, when the run is built.
        if (auto plan = surfacePlan(s.surfaces); !plan) {
            const QString text = QString::fromStdString(plan.error());
            r.fail(text.section(QStringLiteral(": "), 0, 0), text.section(QStringLiteral(": "), 1));
        }
        return;
    }
    if (section == QLatin1String("privacy")) {
        if (const QString why = s.privacy.budgetProblem(); !why.isEmpty())
            r.fail(QStringLiteral("$.privacy.epsilon_per_release"), why);
        return;
    }
    if (section == QLatin1String("onboarding")) {
        // An answer names distinct leaves; naming all of them (or more) says nothing.
        const int subs = s.catalogue.topCategories * s.catalogue.subcategoriesPerTop;
        const int leaves =
            s.catalogue.leavesPerSubcategory > 0 ? subs * s.catalogue.leavesPerSubcategory : subs;
        if (r.ok() && s.onboarding.categories >= leaves)
            r.fail(QStringLiteral("$.onboarding.categories"),
                   QStringLiteral("expected fewer than the shop's %1 leaf categories, got %2")
                       .arg(leaves)
                       .arg(s.onboarding.categories));
        return;
    }
    if (section != QLatin1String("catalogue"))
        return;
    const CatalogueSpec& cs = s.catalogue;
    const QString cp = QStringLiteral("$.catalogue");
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
}

// Reads the rows of the field table under `parent` from `obj`, each checked against its
// row (a value that fails keeps the default), then the objects' cross-field rules. The
// timeline is left to parseTimeline(): its bounds depend on the fields read here.
void readSection(JsonReader& r, const QJsonObject& obj, const QString& parent, Scenario& s) {
    using Type = ScenarioField::Type;
    const QString at = parent.isEmpty() ? QStringLiteral("$") : QStringLiteral("$.") + parent;
    r.rejectUnknown(obj, at, scenarioFieldKeys(parent));
    for (const ScenarioField& f : scenarioFields()) {
        if (f.parent() != parent)
            continue;
        const QString key = f.key();
        QJsonValue value;
        switch (f.type) {
        case Type::Object:
            readSection(r, r.object(obj, at, key), f.path, s);
            checkSection(r, f.path, s);
            continue;
        case Type::List:
            continue;
        case Type::Integer:
            value = static_cast<double>(
                r.integer(obj, at, key, static_cast<qint64>(f.read(s).toDouble()), f.range));
            break;
        case Type::Real:
            value = r.real(obj, at, key, f.read(s).toDouble(), f.range);
            break;
        case Type::Text:
            value = r.text(obj, at, key, f.read(s).toString());
            break;
        case Type::Choice:
            value = r.text(obj, at, key, f.read(s).toString(), f.choices);
            break;
        case Type::Weights:
            value = toArray(r.weights(obj, at, key, numbers(f.read(s)), f.minCount, f.maxCount));
            break;
        }
        if (f.write)
            f.write(s, value);
    }
}

QJsonObject writeSection(const Scenario& s, const QString& parent) {
    QJsonObject o;
    for (const ScenarioField& f : scenarioFields()) {
        if (f.parent() != parent)
            continue;
        if (f.omitWhenDefault && writeSection(s, f.path) == writeSection(Scenario{}, f.path))
            continue;
        o.insert(f.key(), f.type == ScenarioField::Type::Object
                              ? QJsonValue(writeSection(s, f.path))
                              : f.read(s));
    }
    return o;
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
    const int maxEntries = findScenarioField(QStringLiteral("timeline"))->maxCount;
    if (list.size() > maxEntries)
        r.fail(
            QStringLiteral("$.timeline"),
            QStringLiteral("expected at most %1 entries, got %2").arg(maxEntries).arg(list.size()));
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

QJsonArray timelineToJson(const std::vector<TimelineEvent>& timeline) {
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
    return events;
}

QJsonObject Scenario::toJson() const {
    return writeSection(*this, QString());
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

ScenarioCheck checkScenario(const QByteArray& json, const QString& source) {
    JsonReader r(source, json);
    QJsonObject root;
    ScenarioCheck check;
    if (r.parse(root)) {
        Scenario s;
        readSection(r, root, QString(), s);
        parseTimeline(r, root, s);
        if (r.ok())
            check.scenario = std::move(s);
    }
    check.issues = r.issues();
    return check;
}

core::Result<Scenario> parseScenario(const QByteArray& json, const QString& source) {
    ScenarioCheck check = checkScenario(json, source);
    if (check.scenario)
        return std::move(*check.scenario);
    QStringList lines;
    for (const ValidationIssue& issue : std::as_const(check.issues))
        lines << issue.text();
    return core::Error{lines.join(QLatin1Char('\n')).toStdString()};
}

core::Result<Scenario> loadScenarioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()).toStdString()};
    return parseScenario(file.readAll(), path);
}

} // namespace recoscope::sim
