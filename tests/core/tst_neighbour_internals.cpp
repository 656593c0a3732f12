// The neighbourhood and session cores (`itemknn`, `userknn`, `sknn`, `markov`) against a
// brute-force recomputation from the raw event history (issue 11).
//
// A small stream (8 users, 40 items, session breaks, every event kind; internals_stream.h)
// is fed through observe(); every 25 events each user (and an unknown one) asks for a
// home and a product-page slate, and each score the core ranked itself is recomputed in
// double from the events so far, by the definition in docs/recommenders.md, written
// here without the core's data structures (no rings, no slots: whole histories and maps).
// The caps are set so that nothing is forgotten, so the scores must agree to float
// rounding and the slate must be the brute-force top k. With small caps, Space-Saving's
// bound (Metwally et al. 2005: an estimate is never below the true count, and exceeds it
// by at most total / slots of its list) is tested on `itemknn` and `markov`.
// Explanations must quote the numbers of the definition (the similarity, the counts).
//
// Mutations tried (each made the named test fail):
// - itemknn: the seed weight 0.9^n sqrt(w) without the sqrt: scoresEqualBruteForce(itemknn);
// - userknn: the neighbour's norm over co-interacted items only instead of its whole
//   profile: scoresEqualBruteForce(userknn-cosine);
// - userknn: significance weighting min(n, 5) / 5 dropped: scoresEqualBruteForce
//   (userknn-pearson);
// - sknn: no linear recency weight (every query item weighing 1):
//   scoresEqualBruteForce(sknn);
// - markov: transitions learnt across session breaks (gap test removed):
//   scoresEqualBruteForce(markov);
// - itemknn's explanation back to "cosine similarity": scoresEqualBruteForce(itemknn)
//   (a quoted "cosine" of 1.07; its sum called a cosine, issue 14: the same, and more);
// - Space-Saving: the newcomer taking over the weakest slot starts at its own count
//   instead of inheriting the evicted one, in itemknn's bump(): spaceSavingWithinBound
//   (itemknn: a kept pair below its true count); the same in kit::CappedCounts:
//   spaceSavingWithinBound(markov), but only through its "the caps did bite" guard (no
//   kept pair fell below its true count on this stream: a weak spot);
// - markov dividing by the sum of its kept slots instead of its total is no mutant:
//   Space-Saving keeps that sum equal to the total.

#include "internals_stream.h"
#include "markov_truth.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace recoscope;
using core::Event;
using core::ItemId;
using core::UserId;

namespace {

using Scores = std::map<ItemId, double>;
using test::documentedWeight;
using test::MarkovTruth;

bool counted(const test::SyntheticShop& shop, const Event& e) {
    return documentedWeight(e.kind) > 0.0 && shop.items.contains(e.item) && e.user != core::kNoUser;
}

// itemknn: co(i,j) += min(w_i, w_j) between each interaction and the user's previous
// `history` ones (j != i); n_i = sum of i's weights; sim = co / sqrt(n_i n_j). A request
// sums sim(seed, j) over the context item (weight 2) and the user's last `history`
// interactions, the n-th most recent weighing 0.9^n sqrt(w).
struct ItemKnnTruth {
    std::map<std::pair<ItemId, ItemId>, double> co;
    std::map<ItemId, double> n, listTotal; // listTotal: co-weight added to i's list
    std::map<UserId, std::vector<std::pair<ItemId, double>>> history;

    ItemKnnTruth(const test::SyntheticShop& shop, std::span<const Event> past, std::size_t h) {
        for (const Event& e : past) {
            if (!counted(shop, e))
                continue;
            const double w = documentedWeight(e.kind);
            n[e.item] += w;
            auto& hist = history[e.user];
            for (std::size_t p = hist.size() > h ? hist.size() - h : 0; p < hist.size(); ++p) {
                const auto [j, wj] = hist[p];
                if (j == e.item)
                    continue;
                co[{e.item, j}] += std::min(w, wj);
                co[{j, e.item}] += std::min(w, wj);
                listTotal[e.item] += std::min(w, wj);
                listTotal[j] += std::min(w, wj);
            }
            hist.push_back({e.item, w});
        }
    }
    double sim(ItemId i, ItemId j) const {
        auto it = co.find({i, j});
        return it == co.end() ? 0.0 : it->second / std::sqrt(n.at(i) * n.at(j));
    }
    std::vector<std::pair<ItemId, double>> seeds(const core::ItemTable& items,
                                                 const core::Request& req, std::size_t h) const {
        std::vector<std::pair<ItemId, double>> out;
        if (items.contains(req.contextItem))
            out.push_back({req.contextItem, 2.0});
        if (auto it = history.find(req.user); it != history.end())
            for (std::size_t m = 0; m < std::min(h, it->second.size()); ++m) {
                const auto [item, w] = it->second[it->second.size() - 1 - m];
                out.push_back({item, std::pow(0.9, double(m)) * std::sqrt(w)});
            }
        return out;
    }
    Scores scores(const core::ItemTable& items, const core::Request& req, std::size_t h) const {
        Scores s;
        for (const auto& [seed, weight] : seeds(items, req, h))
            for (auto it = co.lower_bound({seed, 0}); it != co.end() && it->first.first == seed;
                 ++it)
                s[it->first.second] += weight * sim(seed, it->first.second);
        return s;
    }
};

// userknn: profile(u) = summed weights per item; the query is the user's profile plus the
// context item at 3 if absent. Cosine = q.v / (|q| |v|); Pearson over co-interacted items,
// centred on each vector's mean, times min(n, 5) / 5. The `k` most similar users with
// similarity > 0 (ties by lower id) score item j by sum of sim x v_j.
struct UserKnnTruth {
    std::map<UserId, std::map<ItemId, double>> profile;
    std::vector<std::pair<UserId, double>> neighbours;
    Scores scores;

    UserKnnTruth(const test::SyntheticShop& shop, std::span<const Event> past,
                 const core::Request& req, std::size_t k, bool pearson) {
        for (const Event& e : past)
            if (counted(shop, e))
                profile[e.user][e.item] += documentedWeight(e.kind);
        std::map<ItemId, double> q;
        if (auto it = profile.find(req.user); it != profile.end())
            q = it->second;
        if (shop.items.contains(req.contextItem) && !q.count(req.contextItem))
            q[req.contextItem] = 3.0;
        if (q.empty())
            return;
        auto mean = [](const std::map<ItemId, double>& v) {
            double s = 0.0;
            for (const auto& x : v)
                s += x.second;
            return s / double(v.size());
        };
        auto norm = [](const std::map<ItemId, double>& v) {
            double s = 0.0;
            for (const auto& x : v)
                s += x.second * x.second;
            return std::sqrt(s);
        };
        for (const auto& [v, vp] : profile) {
            if (v == req.user)
                continue;
            double xy = 0.0, xx = 0.0, yy = 0.0;
            int shared = 0;
            for (const auto& [item, wq] : q)
                if (auto it = vp.find(item); it != vp.end()) {
                    const double x = pearson ? wq - mean(q) : wq;
                    const double y = pearson ? it->second - mean(vp) : it->second;
                    xy += x * y, xx += x * x, yy += y * y, ++shared;
                }
            if (shared == 0)
                continue;
            const double sim = pearson ? (xx > 0 && yy > 0 ? xy / std::sqrt(xx * yy) : 0.0) *
                                             std::min(shared, 5) / 5.0
                                       : xy / (norm(q) * norm(vp));
            if (sim > 0.0)
                neighbours.push_back({v, sim});
        }
        std::sort(neighbours.begin(), neighbours.end(), [](const auto& a, const auto& b) {
            return a.second > b.second || (a.second == b.second && a.first < b.first);
        });
        neighbours.resize(std::min(k, neighbours.size()));
        for (const auto& [v, sim] : neighbours)
            for (const auto& [item, w] : profile[v])
                scores[item] += sim * w;
    }
};

// sknn: a user's session is their run of interactions less than `gap` apart (distinct
// items, ordered by last touch); only the current and the previous session of each user
// are remembered. The query is the request user's current session with the context item
// moved (or added) last; position p of n weighs p / n, sim(s) = sum of the weights of the
// query items in s / sqrt(n |s|). The `k` most similar remembered sessions (not the
// user's current one; ties by user, then older first) score item j by the summed sim.
struct SessionKnnTruth {
    struct Session {
        UserId user;
        int serial;
        std::vector<ItemId> items;
        double sim = 0.0;
    };
    std::vector<Session> neighbours;
    Scores scores;

    SessionKnnTruth(const test::SyntheticShop& shop, std::span<const Event> past,
                    const core::Request& req, double gap, std::size_t k) {
        std::map<UserId, std::vector<Session>> sessions;
        std::map<UserId, double> last;
        int serial = 0;
        for (const Event& e : past) {
            if (!counted(shop, e))
                continue;
            auto& list = sessions[e.user];
            if (list.empty() || e.time - last[e.user] > gap)
                list.push_back({e.user, ++serial, {}});
            last[e.user] = e.time;
            auto& items = list.back().items;
            std::erase(items, e.item);
            items.push_back(e.item);
        }
        std::vector<ItemId> q;
        if (auto it = sessions.find(req.user); it != sessions.end())
            q = it->second.back().items;
        if (shop.items.contains(req.contextItem)) {
            std::erase(q, req.contextItem);
            q.push_back(req.contextItem);
        }
        const double qn = double(q.size());
        for (auto& [user, list] : sessions)
            for (std::size_t s = list.size() >= 2 ? list.size() - 2 : 0; s < list.size(); ++s) {
                Session& cand = list[s];
                if (user == req.user && s + 1 == list.size())
                    continue;
                for (std::size_t p = 0; p < q.size(); ++p)
                    if (std::find(cand.items.begin(), cand.items.end(), q[p]) != cand.items.end())
                        cand.sim += double(p + 1) / qn;
                cand.sim /= std::sqrt(qn * double(cand.items.size()));
                if (cand.sim > 0.0)
                    neighbours.push_back(cand);
            }
        std::sort(neighbours.begin(), neighbours.end(), [](const Session& a, const Session& b) {
            return a.sim > b.sim || (a.sim == b.sim && (a.user < b.user ||
                                                        (a.user == b.user && a.serial < b.serial)));
        });
        neighbours.resize(std::min(k, neighbours.size()));
        for (const Session& s : neighbours)
            for (ItemId j : s.items)
                scores[j] += s.sim;
    }
};

} // namespace

class TestNeighbourInternals : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

    std::unique_ptr<core::Recommender> make(const test::SyntheticShop& shop, const QString& id,
                                            const std::map<std::string, std::string>& params) {
        core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 99};
        auto r = m_registry.create(id.toStdString(), params, ctx);
        if (!r.ok())
            qFatal("%s", r.error().c_str());
        return std::move(r).value();
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void scoresEqualBruteForce_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("variant");
        QTest::newRow("itemknn") << "itemknn"
                                 << "";
        QTest::newRow("userknn-cosine") << "userknn"
                                        << "cosine";
        QTest::newRow("userknn-pearson") << "userknn"
                                         << "pearson";
        QTest::newRow("sknn") << "sknn"
                              << "";
        QTest::newRow("markov") << "markov"
                                << "";
    }
    void scoresEqualBruteForce() {
        QFETCH(QString, id);
        QFETCH(QString, variant);
        test::SyntheticShop shop(40, 8, 11);
        const auto events = test::smallStream(shop, 400, 5);
        // Caps that forget nothing on this stream (history 6 for itemknn: a real window).
        std::map<std::string, std::string> params;
        if (id == "itemknn")
            params = {{"history", "6"}, {"neighbours", "1000"}};
        else if (id == "userknn")
            params = {{"similarity", variant.toStdString()},
                      {"neighbours", "3"},
                      {"history", "1000"},
                      {"item_users", "1000"}};
        else if (id == "sknn")
            params = {{"session_gap_minutes", "30"},
                      {"session_length", "200"},
                      {"item_sessions", "2000"},
                      {"neighbours", "4"}};
        else
            params = {{"session_gap_minutes", "30"},
                      {"successors", "2000"},
                      {"second_order_weight", "0.3"}};
        auto rec = make(shop, id, params);
        test::Mix rng{77};
        core::Slate slate;
        int compared = 0, explained = 0;
        for (std::size_t e = 0; e < events.size(); ++e) {
            rec->observe(events[e]);
            if (e % 25 != 24 || e + 1 == events.size())
                continue;
            const std::span<const Event> past(events.data(), e + 1);
            const double now = 0.5 * (events[e].time + events[e + 1].time);
            for (test::Probe& p : test::probesAt(shop, now, rng)) {
                core::Request& req = p.request;
                req.exclude = p.exclude;
                rec->recommend(req, slate);
                Scores want;
                std::string label; // what the explanation of an own entry must say
                if (id == "itemknn") {
                    const ItemKnnTruth t(shop, past, 6);
                    want = t.scores(shop.items, req, 6);
                    for (const core::SlateEntry& s : slate) {
                        if (s.score < 0.0f)
                            continue;
                        // Seeds adding most first, their similarity; the score, no cosine.
                        std::map<ItemId, double> weightOf;
                        for (const auto& [seed, w] : t.seeds(shop.items, req, 6))
                            weightOf[seed] += w;
                        std::vector<std::pair<double, double>> parts;
                        for (const auto& [seed, w] : weightOf)
                            parts.push_back({t.sim(seed, s.item), w * t.sim(seed, s.item)});
                        const std::string why = rec->explain(req, s).text;
                        QVERIFY2(test::leadsWithTopPart(
                                     test::numberAfter(why, "co-occurrence similarity "), parts) &&
                                     test::endsWithScore(why, want[s.item]) &&
                                     why.find("none is a cosine") != std::string::npos,
                                 why.c_str());
                        ++explained;
                    }
                } else if (id == "userknn") {
                    const UserKnnTruth t(shop, past, req, 3, variant == "pearson");
                    want = t.scores;
                    for (const core::SlateEntry& s : slate) {
                        if (s.score < 0.0f)
                            continue;
                        // "n shoppers ...: shopper v (cosine similarity s) ...; Score S."
                        std::vector<std::pair<double, double>> parts; // (sim, sim x weight)
                        for (const auto& [v, sim] : t.neighbours)
                            if (auto w = t.profile.at(v).find(s.item); w != t.profile.at(v).end())
                                parts.push_back({sim, sim * w->second});
                        const std::string why = rec->explain(req, s).text;
                        const std::string measure =
                            variant == "pearson" ? "Pearson correlation " : "cosine similarity ";
                        QVERIFY2(
                            why.rfind(std::to_string(parts.size()) + " shopper", 0) == 0 &&
                                test::leadsWithTopPart(test::numberAfter(why, measure), parts) &&
                                test::endsWithScore(why, want[s.item]),
                            why.c_str());
                        for (const auto& [sim, v] : parts)
                            QVERIFY(sim <= 1.0 + 1e-9); // a cosine or a correlation
                        ++explained;
                    }
                } else if (id == "sknn") {
                    const SessionKnnTruth t(shop, past, req, 30 * 60.0, 4);
                    want = t.scores;
                    for (const core::SlateEntry& s : slate) {
                        if (s.score < 0.0f)
                            continue;
                        int n = 0;
                        for (const auto& nb : t.neighbours)
                            n += std::count(nb.items.begin(), nb.items.end(), s.item) > 0;
                        const std::string why = rec->explain(req, s).text;
                        QVERIFY2(why.rfind(std::to_string(n) + " recent shopping session", 0) == 0,
                                 why.c_str());
                        QVERIFY2(std::abs(test::numberAfter(why, "summed similarity ") -
                                          want[s.item]) <= 0.0051,
                                 why.c_str());
                        ++explained;
                    }
                } else {
                    const MarkovTruth t(shop, past, 30 * 60.0);
                    want = t.scores(shop.items, req, 0.3);
                    for (const core::SlateEntry& s : slate) {
                        if (s.score < 0.0f)
                            continue;
                        // "After A, shoppers went on to B c times (p% of next steps)."
                        for (ItemId seed : t.seeds(shop.items, req)) {
                            auto c = t.count.find({seed, s.item});
                            if (c == t.count.end())
                                continue;
                            const std::string why = rec->explain(req, s).text;
                            const std::string times =
                                " " + std::to_string(int(c->second)) + " times (";
                            const double share = 100.0 * c->second / t.total.at(seed);
                            QVERIFY2(why.find(core::describeItem(shop.items, seed)) !=
                                             std::string::npos &&
                                         why.find(times) != std::string::npos &&
                                         std::abs(test::numberAfter(why, times) - share) <=
                                             0.5 + 1e-9,
                                     (why + " / expected" + times + std::to_string(share)).c_str());
                            ++explained;
                            break;
                        }
                    }
                }
                const std::string diff = test::compareOwnScores(shop.items, req, slate, want);
                QVERIFY2(diff.empty(), qPrintable(QStringLiteral("after %1 events, user %2, "
                                                                 "context %3: %4")
                                                      .arg(e + 1)
                                                      .arg(req.user)
                                                      .arg(req.contextItem)
                                                      .arg(QString::fromStdString(diff))));
                for (const core::SlateEntry& s : slate)
                    compared += s.score >= 0.0f;
            }
        }
        qInfo("%d own scores compared, %d explanations checked", compared, explained);
        QVERIFY(compared > 300);
        QVERIFY(explained > 300);
    }

    // Small caps: every Space-Saving estimate within [true count, true + list total / slots]
    // for counts above total / slots (always monitored), and at most true + total / slots
    // for the others (which may be missing: scored 0).
    void spaceSavingWithinBound_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("itemknn") << "itemknn";
        QTest::newRow("markov") << "markov";
    }
    void spaceSavingWithinBound() {
        QFETCH(QString, id);
        constexpr double kSlots = 5.0;
        test::SyntheticShop shop(40, 8, 11);
        const auto events = test::smallStream(shop, 400, 5);
        auto rec = make(shop, id,
                        id == "itemknn" ? std::map<std::string, std::string>{{"history", "6"},
                                                                             {"neighbours", "5"}}
                                        : std::map<std::string, std::string>{{"successors", "5"}});
        for (const Event& e : events)
            rec->observe(e);
        int checked = 0, evicted = 0;
        core::Slate slate;
        // Users 0..7, and an unknown user whose only seed is the context item: then each
        // score is one pair's estimate, which must be at least the true count whenever
        // the pair is kept (in the slate), and every pair above the slack must be kept.
        for (UserId u : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 100000u})
            for (ItemId ctx = 0; ctx < 40; ++ctx) {
                const bool single = u == 100000u;
                core::Request req;
                req.user = u;
                req.time = events.back().time + 60.0;
                req.k = 10;
                req.contextItem = ctx;
                req.surface = core::Surface::Product;
                rec->recommend(req, slate);
                // Per seed: the true contribution, its upper bound, and a lower bound that
                // counts only the pairs Space-Saving must be monitoring.
                Scores exact, upper, lower;
                std::vector<ItemId> mustKeep;
                if (id == "itemknn") {
                    const ItemKnnTruth t(shop, events, 6);
                    for (const auto& [seed, w] : t.seeds(shop.items, req, 6)) {
                        const double slack =
                            t.listTotal.count(seed) ? t.listTotal.at(seed) / kSlots : 0.0;
                        for (ItemId j = 0; j < 40; ++j) {
                            if (!t.n.count(j) || j == seed)
                                continue;
                            const double c = t.co.count({seed, j}) ? t.co.at({seed, j}) : 0.0;
                            const double norm = std::sqrt(t.n.at(seed) * t.n.at(j));
                            exact[j] += w * c / norm;
                            upper[j] += w * (c + slack) / norm;
                            lower[j] += c > slack ? w * c / norm : 0.0;
                            if (single && c > slack)
                                mustKeep.push_back(j);
                        }
                    }
                } else {
                    const MarkovTruth t(shop, events, 30 * 60.0);
                    const auto s = t.seeds(shop.items, req);
                    for (std::size_t n = 0; n < s.size(); ++n) {
                        if (!t.total.count(s[n]))
                            continue;
                        const double total = t.total.at(s[n]), w = n == 0 ? 1.0 : 0.3;
                        for (ItemId j = 0; j < 40; ++j) {
                            const double c = t.count.count({s[n], j}) ? t.count.at({s[n], j}) : 0;
                            exact[j] += w * c / total;
                            upper[j] += w * (c + total / kSlots) / total;
                            lower[j] += c > total / kSlots ? w * c / total : 0.0;
                            if (single && c > total / kSlots)
                                mustKeep.push_back(j);
                        }
                    }
                }
                for (const core::SlateEntry& e : slate) {
                    if (e.score < 0.0f)
                        continue;
                    const double tol = 1e-4 * upper[e.item] + 1e-6;
                    if (single)
                        lower[e.item] = exact[e.item];
                    QVERIFY2(e.score >= lower[e.item] - tol && e.score <= upper[e.item] + tol,
                             qPrintable(QStringLiteral("user %1 context %2 item %3: %4 outside "
                                                       "[%5, %6] (exact %7)")
                                            .arg(u)
                                            .arg(ctx)
                                            .arg(e.item)
                                            .arg(e.score)
                                            .arg(lower[e.item])
                                            .arg(upper[e.item])
                                            .arg(exact[e.item])));
                    ++checked;
                    evicted += std::abs(e.score - exact[e.item]) > 1e-4 * exact[e.item] + 1e-6;
                }
                for (ItemId j : mustKeep)
                    QVERIFY2(!shop.items.isAvailable(j) || req.excludes(j) ||
                                 std::any_of(slate.begin(), slate.end(),
                                             [j](const auto& e) { return e.item == j; }),
                             qPrintable(QStringLiteral("context %1: item %2 above the slack "
                                                       "is missing")
                                            .arg(ctx)
                                            .arg(j)));
            }
        qInfo("%d scores within the bound, %d of them differ from the exact count", checked,
              evicted);
        QVERIFY(checked > 500);
        QVERIFY(evicted > 20); // the caps did bite
    }
};

QTEST_GUILESS_MAIN(TestNeighbourInternals)
#include "tst_neighbour_internals.moc"
