#include "recoscope/ui/metric_series_store.h"

#include "recoscope/sim/beyond_accuracy_json.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/surface_totals_json.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>

namespace recoscope::ui {

namespace {

double days(core::SimTime t) {
    return t / core::kSecondsPerDay;
}

// Wilson-free normal approximation of a binomial proportion's 95 % interval: the bands
// are a visual guide to how much of a difference between cores is noise, not a test.
ChartSample rateSample(double x, std::uint64_t num, std::uint64_t den) {
    const double p = static_cast<double>(num) / static_cast<double>(den);
    const double half = 1.96 * std::sqrt(std::max(0.0, p * (1.0 - p)) / static_cast<double>(den));
    return {x, p, std::max(0.0, p - half), std::min(1.0, p + half)};
}

// Folds one bucket into queries-weighted totals (coverage and Gini are cumulative: the
// latest bucket's are the totals).
void addRankingBucket(core::RankingSummary& total, const core::RankingSummary& b) {
    const double n = static_cast<double>(total.queries), m = static_cast<double>(b.queries);
    auto mean = [n, m](double a, double x) { return (a * n + x * m) / (n + m); };
    total.hit = mean(total.hit, b.hit);
    total.mrr = mean(total.mrr, b.mrr);
    total.ndcg = mean(total.ndcg, b.ndcg);
    total.recall = mean(total.recall, b.recall);
    total.precision = mean(total.precision, b.precision);
    total.queries += b.queries;
    total.itemCoverage = b.itemCoverage;
    total.gini = b.gini;
}

} // namespace

void MetricSeriesStore::setXExtentDays(double d) {
    if (d == m_xExtentDays)
        return;
    m_xExtentDays = d;
    ++m_revision;
}

void MetricSeriesStore::clear() {
    m_cores.clear();
    m_comparisons.clear();
    m_comparisonNote.clear();
    m_xExtentDays = 0.0;
    ++m_revision;
}

void MetricSeriesStore::setComparisons(std::vector<sim::PairComparison> comparisons) {
    m_comparisons = std::move(comparisons);
    m_comparisonNote.clear();
    ++m_revision;
}

void MetricSeriesStore::setComparisonNote(const QString& note) {
    m_comparisonNote = note;
    ++m_revision;
}

void MetricSeriesStore::reset(const QStringList& coreIds) {
    m_cores.clear();
    m_comparisons.clear();
    m_comparisonNote.clear();
    m_xExtentDays = 0.0;
    for (const QString& id : coreIds) {
        CoreSeries s;
        s.coreId = id;
        s.label = id;
        m_cores.push_back(std::move(s));
    }
    // Two cores of the same id in one arena: number them so legends stay apart.
    for (std::size_t i = 0; i < m_cores.size(); ++i)
        if (coreIds.count(m_cores[i].coreId) > 1)
            m_cores[i].label = QStringLiteral("%1 (%2)").arg(m_cores[i].coreId).arg(i + 1);
    ++m_revision;
}

void MetricSeriesStore::append(const sim::SnapshotBatch& batch) {
    const std::size_t n = std::min(m_cores.size(), batch.cores.size());
    for (std::size_t i = 0; i < n; ++i) {
        const sim::CoreSnapshot& s = batch.cores[i];
        CoreSeries& c = m_cores[i];
        c.runId = s.runId;
        c.buckets.insert(c.buckets.end(), s.buckets.begin(), s.buckets.end());
        c.partial = s.partial;
        c.hasPartial = s.hasPartial;
        c.total = s.total;
        c.coldStart = s.coldStart;
        c.hasColdStart = true;
        c.retention = s.retention;
        c.surfaces = s.surfaces;
        c.surfaceCores = s.surfaceCores;
        c.coupons = s.coupons;
        c.feedbackDays = s.feedbackDays;
        c.onboarding = s.onboarding;
    }
    if (batch.hasComparisons)
        m_comparisons = batch.comparisons;
    ++m_revision;
}

void MetricSeriesStore::resetReplay(const QStringList& coreIds, int k) {
    reset(coreIds);
    for (CoreSeries& c : m_cores) {
        c.replay = true;
        c.rankingK = k;
    }
}

void MetricSeriesStore::appendReplay(const sim::ReplayBucket& bucket) {
    const std::size_t n = std::min(m_cores.size(), bucket.cores.size());
    for (std::size_t i = 0; i < n; ++i) {
        CoreSeries& c = m_cores[i];
        if (i < bucket.runIds.size())
            c.runId = bucket.runIds[i];
        c.replayEvents = bucket.events;
        const core::RankingSummary& b = bucket.cores[i];
        if (b.queries == 0)
            continue;
        c.ranking.push_back({bucket.end, b});
        addRankingBucket(c.rankingTotal, b);
    }
    ++m_revision;
}

void MetricSeriesStore::setFeedbackDays(int index, std::vector<core::FeedbackDay> days) {
    m_cores[static_cast<std::size_t>(index)].feedbackDays = std::move(days);
    ++m_revision;
}

void MetricSeriesStore::setColourIndex(int index, int colour) {
    m_cores[static_cast<std::size_t>(index)].colour = colour;
    ++m_revision;
}

bool MetricSeriesStore::isReplay() const {
    return !m_cores.empty() && std::all_of(m_cores.begin(), m_cores.end(),
                                           [](const CoreSeries& c) { return c.replay; });
}

core::Status MetricSeriesStore::addStoredRun(const sim::RunStore& store, qint64 runId) {
    auto record = store.run(runId);
    if (!record)
        return core::Error{record.error()};
    CoreSeries c;
    c.runId = runId;
    c.coreId = record.value().recommender;
    c.label = QStringLiteral("#%1 %2").arg(runId).arg(c.coreId);
    auto names = store.metricNames(runId);
    if (!names)
        return core::Error{names.error()};
    if (record.value().scenarioName.startsWith(QLatin1String("log:"))) {
        if (auto st = addStoredReplay(store, c, names.value(), record.value().summaryJson); !st)
            return st;
        m_cores.push_back(std::move(c));
        ++m_revision;
        return core::Ok{};
    }
    // Cold-start rows (runs stored by the GUI since they exist): per-bucket counts and
    // cumulative launch figures, folded below into the figures the live panel showed.
    std::vector<sim::ColdStartStats> cold;
    bool hasCold = false;
    for (const QString& name : names.value()) {
        auto samples = store.metricSeries(runId, name);
        if (!samples)
            return core::Error{samples.error()};
        const auto& v = samples.value();
        const std::string key = name.toStdString();
        if (core::ColdStartStats::isStoredName(key)) {
            hasCold = true;
            if (cold.size() < v.size())
                cold.resize(v.size());
            for (std::size_t i = 0; i < v.size(); ++i)
                cold[i].setNamed(key, v[i].value);
            continue;
        }
        if (c.buckets.size() < v.size())
            c.buckets.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            c.buckets[i].bucketEnd = v[i].bucketEnd;
            setNamedMetric(c.buckets[i], name, v[i].value);
        }
    }
    for (std::size_t i = 0; i < c.buckets.size(); ++i) {
        core::MetricPoint& b = c.buckets[i];
        b.bucketStart = i ? c.buckets[i - 1].bucketEnd : 0.0;
        // Not stored with the figures: the bucket's requests and impressions rows.
        b.beyond.slates = b.counters.requests;
        b.beyond.impressions = b.counters.impressions;
    }
    if (hasCold) {
        for (const sim::ColdStartStats& b : cold)
            c.coldStart.addBucket(b);
        c.hasColdStart = true;
    }
    // The run's totals: the stored summary (what the CLI prints), else the buckets' sum.
    const QJsonObject sum = QJsonDocument::fromJson(record.value().summaryJson).object();
    for (const core::MetricPoint& b : c.buckets)
        c.total.counters.add(b.counters);
    if (!c.buckets.empty()) {
        c.total.coverage = c.buckets.back().coverage;
        c.total.gini = c.buckets.back().gini;
        c.total.bucketEnd = c.buckets.back().bucketEnd;
    }
    const core::Counters& t = c.total.counters;
    c.total.ctr = t.impressions ? double(t.clicks) / double(t.impressions) : 0.0;
    c.total.cvrClicks = t.clicks ? double(t.recPurchases) / double(t.clicks) : 0.0;
    c.total.cvrImpressions = t.impressions ? double(t.recPurchases) / double(t.impressions) : 0.0;
    if (!sum.isEmpty()) {
        c.total.ctr = sum.value(QStringLiteral("ctr")).toDouble(c.total.ctr);
        c.total.cvrClicks = sum.value(QStringLiteral("cvr")).toDouble(c.total.cvrClicks);
        c.total.coverage = sum.value(QStringLiteral("coverage")).toDouble(c.total.coverage);
        c.total.gini = sum.value(QStringLiteral("gini")).toDouble(c.total.gini);
        const QJsonObject lat = sum.value(QStringLiteral("latency_us")).toObject();
        c.total.latencyP50us = lat.value(QStringLiteral("p50")).toDouble();
        c.total.latencyP95us = lat.value(QStringLiteral("p95")).toDouble();
        c.total.latencyP99us = lat.value(QStringLiteral("p99")).toDouble();
        c.total.hasBeyond = sim::readBeyondAccuracyJson(
            sum.value(QStringLiteral("beyond_accuracy")).toObject(), c.total.beyond, c.retention);
        sim::readSurfaceTotalsJson(sum.value(QStringLiteral("surfaces")).toObject(), c.surfaces,
                                   c.surfaceCores);
        c.coupons = sum.value(QStringLiteral("coupons")).toObject();
        c.onboarding = sum.value(QStringLiteral("onboarding")).toObject();
    }
    m_cores.push_back(std::move(c));
    ++m_revision;
    return core::Ok{};
}

std::vector<ChartSample> MetricSeriesStore::series(int index, MetricId metric,
                                                   int windowBuckets) const {
    std::vector<ChartSample> out;
    if (index < 0 || index >= coreCount())
        return out;
    const CoreSeries& c = m_cores[static_cast<std::size_t>(index)];
    const std::size_t window = static_cast<std::size_t>(std::max(1, windowBuckets));
    if (metric >= MetricId::HitRate)
        return rankingSeries(c, metric, window);
    std::vector<const core::MetricPoint*> points;
    points.reserve(c.buckets.size() + 1);
    for (const core::MetricPoint& b : c.buckets)
        points.push_back(&b);
    if (c.hasPartial)
        points.push_back(&c.partial);
    out.reserve(points.size());
    const std::size_t w = window;
    switch (metric) {
    case MetricId::Ctr:
    case MetricId::Cvr: {
        // Moving window over buckets: sum of numerators / sum of denominators, so quiet
        // night hours do not make the curve jump.
        std::uint64_t num = 0, den = 0;
        auto numOf = [metric](const core::MetricPoint& p) {
            return metric == MetricId::Ctr ? p.counters.clicks : p.counters.recPurchases;
        };
        auto denOf = [metric](const core::MetricPoint& p) {
            return metric == MetricId::Ctr ? p.counters.impressions : p.counters.clicks;
        };
        for (std::size_t i = 0; i < points.size(); ++i) {
            num += numOf(*points[i]);
            den += denOf(*points[i]);
            if (i >= w) {
                num -= numOf(*points[i - w]);
                den -= denOf(*points[i - w]);
            }
            if (den > 0)
                out.push_back(rateSample(days(points[i]->bucketEnd), num, den));
        }
        break;
    }
    case MetricId::Revenue: {
        double sum = 0.0;
        for (const core::MetricPoint* p : points) {
            sum += p->counters.revenue;
            out.push_back({days(p->bucketEnd), sum, sum, sum});
        }
        break;
    }
    default:
        for (const core::MetricPoint* p : points) {
            double y = 0.0;
            bool skip = false;
            switch (metric) {
            case MetricId::Coverage:
                y = p->coverage;
                break;
            case MetricId::Gini:
                y = p->gini;
                break;
            case MetricId::LatencyP50:
            case MetricId::LatencyP95:
            case MetricId::LatencyP99:
                // A bucket without requests has no latency; no point rather than a zero.
                skip = p->counters.requests == 0;
                y = metric == MetricId::LatencyP50   ? p->latencyP50us
                    : metric == MetricId::LatencyP95 ? p->latencyP95us
                                                     : p->latencyP99us;
                break;
            default:
                break;
            }
            if (!skip)
                out.push_back({days(p->bucketEnd), y, y, y});
        }
        break;
    }
    return out;
}

core::Status MetricSeriesStore::addStoredReplay(const sim::RunStore& store, CoreSeries& c,
                                                const QStringList& names,
                                                const QByteArray& summaryJson) {
    // Rows of a replay (sim::replayLogs): hit@K, mrr@K, ndcg@K, item_coverage, gini_index
    // and scored, one each per bucket that scored something, so indices line up.
    c.replay = true;
    using Field = double core::RankingSummary::*;
    std::map<QString, Field> fields = {
        {QStringLiteral("item_coverage"), &core::RankingSummary::itemCoverage},
        {QStringLiteral("gini_index"), &core::RankingSummary::gini}};
    for (const QString& name : names) {
        const qsizetype at = name.indexOf(QLatin1Char('@'));
        if (at > 0)
            c.rankingK = name.mid(at + 1).toInt();
        const QString base = at > 0 ? name.left(at) : name;
        if (base == QLatin1String("hit"))
            fields[name] = &core::RankingSummary::hit;
        else if (base == QLatin1String("mrr"))
            fields[name] = &core::RankingSummary::mrr;
        else if (base == QLatin1String("ndcg"))
            fields[name] = &core::RankingSummary::ndcg;
    }
    for (const QString& name : names) {
        auto samples = store.metricSeries(c.runId, name);
        if (!samples)
            return core::Error{samples.error()};
        const auto& v = samples.value();
        if (c.ranking.size() < v.size())
            c.ranking.resize(v.size());
        const auto field = fields.find(name);
        for (std::size_t i = 0; i < v.size(); ++i) {
            c.ranking[i].end = v[i].bucketEnd;
            if (name == QLatin1String("scored"))
                c.ranking[i].ranking.queries = static_cast<std::uint64_t>(std::llround(v[i].value));
            else if (field != fields.end())
                c.ranking[i].ranking.*(field->second) = v[i].value;
        }
    }
    for (const RankingPoint& p : c.ranking)
        addRankingBucket(c.rankingTotal, p.ranking);
    // The stored summary is what the CLI printed: it wins over the buckets' fold.
    const QJsonObject sum = QJsonDocument::fromJson(summaryJson).object();
    const QString at = QStringLiteral("@%1").arg(c.rankingK);
    c.rankingTotal.hit = sum.value(QStringLiteral("hit") + at).toDouble(c.rankingTotal.hit);
    c.rankingTotal.mrr = sum.value(QStringLiteral("mrr") + at).toDouble(c.rankingTotal.mrr);
    c.rankingTotal.ndcg = sum.value(QStringLiteral("ndcg") + at).toDouble(c.rankingTotal.ndcg);
    c.replayEvents = sum.value(QStringLiteral("events")).toInteger();
    return core::Ok{};
}

std::vector<ChartSample> MetricSeriesStore::rankingSeries(const CoreSeries& c, MetricId metric,
                                                          std::size_t window) const {
    std::vector<ChartSample> out;
    out.reserve(c.ranking.size());
    if (metric == MetricId::ItemCoverage) {
        for (const RankingPoint& p : c.ranking)
            out.push_back({days(p.end), p.ranking.itemCoverage, p.ranking.itemCoverage,
                           p.ranking.itemCoverage});
        return out;
    }
    // Moving window weighted by each bucket's queries: the mean over the window's queries.
    auto value = [metric](const core::RankingSummary& r) {
        return metric == MetricId::HitRate ? r.hit : metric == MetricId::Mrr ? r.mrr : r.ndcg;
    };
    double sum = 0.0;
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < c.ranking.size(); ++i) {
        const core::RankingSummary& r = c.ranking[i].ranking;
        sum += value(r) * static_cast<double>(r.queries);
        n += r.queries;
        if (i >= window) {
            const core::RankingSummary& old = c.ranking[i - window].ranking;
            sum -= value(old) * static_cast<double>(old.queries);
            n -= old.queries;
        }
        if (n == 0)
            continue;
        const double x = days(c.ranking[i].end);
        if (metric == MetricId::HitRate) {
            // A hit is a Bernoulli outcome: the same 95 % band as CTR's.
            const auto hits = static_cast<std::uint64_t>(std::llround(sum));
            out.push_back(rateSample(x, hits, n));
        } else {
            const double y = sum / static_cast<double>(n);
            out.push_back({x, y, y, y});
        }
    }
    return out;
}

} // namespace recoscope::ui
