// core::slateWellFormed / slateFault's fast verdict (issue 17, third round, branch `guard`)
// against the plain checks, slate by slate.
//
// The fast verdict now finds repeats by comparing groups of four ids with each other
// turned by 0..3 places (unused slots hold distinct pads), and slateWellFormed gives it
// without a string. The reference here is the contract as slateFault's header states it,
// written out plainly: at most k entries, every id below the catalogue size,
// std::isfinite(score), the propensity NaN or propensityKnown(), no id twice. Special
// floats (zeros of both signs, denormals, the neighbours of 0 and 1, infinities, NaNs of
// both signs and payloads) at every position of slates of 1 to 9 entries; ids at the edge
// of catalogues of 1 to 2^32 items; random slates of 0..70 entries (the pairwise path
// above 16, the message-only path above 64) with ids from a range a little wider than the
// catalogue, so repeats, outsiders and pads-as-ids all occur. slateWellFormed must equal
// the reference, and slateFault must be empty exactly then.
//
// Mutations tried (each failed here, in itemIdsAtTheCatalogueEdge and randomSlates;
// restored): crossMatches without the turn by 3; selfMatches without the turn by 2; the
// groups counted (n + 2) / 4 (the last partial group skipped).
//
// Fourth round (branch `guard4`): the fields of four entries are now tested as three
// 4-lane words of mixed fields with per-lane integer constants (no float compare), up to
// 16 entries, and the ids taken from those words by two shuffles; a last group of one or
// two new ids is compared with the whole groups without pads. randomBitsInEveryLane and
// repeatsAtEveryPairOfPositions reach every lane of every word. Mutations tried (each
// failed here; restored): the propensity's or the score's bound one higher (0x3f800001,
// the infinity accepted); the catalogue's bound one higher; the ids' shuffle taking
// item 2 from the wrong lane; the last two ids not compared with each other; the last
// two ids compared with the group but not the group turned by one; the tail mask padding
// one new id. (Keeping one old id unpadded only makes the fast verdict refuse, and the
// full check then clears the slate: no fault, not visible here.)
//
// Sixth round (branch `guard6`): where the CPU has AVX2, slateWellFormed runs an
// eight-lane verdict (core/src/slate_check_wide.cpp: three 8-word registers per eight
// entries, the ids gathered by one permutation per register, repeats by turns of 1 to 4
// and a broadcast of each id past the eighth). Every check here calls both codes
// (verdict() below) and counts the slates where they disagree: none may. Mutations tried
// (each failed here; restored): the gather lane of entry 1 taken as 4; the turn by 4
// dropped; the cross compare of the ninth id and beyond dropped; the masked load's mask
// one word longer.

#include "recoscope/core/slate_check.h"
#include "slate_check_wide.h"

#include "mix.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace recoscope;

namespace {

bool plainVerdict(const core::Request& r, const core::Slate& s, std::size_t catalogue) {
    if (r.k >= 0 && s.size() > static_cast<std::size_t>(r.k))
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (static_cast<std::size_t>(s[i].item) >= catalogue || !std::isfinite(s[i].score))
            return false;
        if (!std::isnan(s[i].propensity) && !core::propensityKnown(s[i].propensity))
            return false;
        for (std::size_t j = 0; j < i; ++j)
            if (s[i].item == s[j].item)
                return false;
    }
    return true;
}

std::vector<float> specialFloats() {
    std::vector<float> v = {0.0f,
                            -0.0f,
                            1.0f,
                            -1.0f,
                            0.5f,
                            2.0f,
                            std::numeric_limits<float>::denorm_min(),
                            -std::numeric_limits<float>::denorm_min(),
                            std::numeric_limits<float>::min(),
                            std::numeric_limits<float>::max(),
                            -std::numeric_limits<float>::max(),
                            std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(),
                            std::numeric_limits<float>::quiet_NaN(),
                            -std::numeric_limits<float>::quiet_NaN(),
                            std::numeric_limits<float>::signaling_NaN(),
                            core::kUnknownPropensity,
                            std::nextafter(1.0f, 2.0f),
                            std::nextafter(1.0f, 0.0f),
                            std::nextafter(0.0f, 1.0f)};
    for (std::uint32_t bits : {0x7f800001u, 0xff800001u, 0x7fffffffu, 0xffffffffu, 0x3f800001u,
                               0x3f7fffffu, 0x00000001u, 0x80000001u, 0x7f7fffffu})
        v.push_back(std::bit_cast<float>(bits));
    return v;
}

} // namespace

class TestSlateCheck : public QObject {
    Q_OBJECT

    // slateWellFormed with the fastest code (AVX2 on the machines here), after checking
    // that the portable (SSE2) code gives the same verdict; cleanup() fails a test
    // function in which the two ever disagreed.
    bool verdict(const core::Request& r, const core::Slate& s, std::size_t catalogue) {
        const bool fastest = core::slateWellFormed(r, s, catalogue);
        if (fastest != core::slateWellFormed(r, s, catalogue, core::SlateCheckCode::Portable))
            ++m_disagreements;
        return fastest;
    }
    int m_disagreements = 0;

private slots:
    void init() { m_disagreements = 0; }
    void cleanup() { QCOMPARE(m_disagreements, 0); }

    void specialFloats() {
        // Every special value as a score and as a propensity, at every position of slates
        // of 1 to 16 entries (below four entries the copy behind fillers, groups of four
        // above, the last group overlapping the one before: every lane of every word), the
        // other entries well formed.
        core::Request r;
        r.k = 10;
        for (std::size_t n = 1; n <= 16; ++n)
            for (std::size_t at = 0; at < n; ++at)
                for (float score : ::specialFloats())
                    for (float propensity : ::specialFloats()) {
                        core::Slate s;
                        for (std::size_t p = 0; p < n; ++p)
                            s.push_back({static_cast<core::ItemId>(p), 0.5f, 1.0f});
                        s[at].score = score;
                        s[at].propensity = propensity;
                        const bool want = plainVerdict(r, s, 10);
                        if (verdict(r, s, 10) != want || core::slateFault(r, s, 10).empty() != want)
                            QFAIL(qPrintable(
                                QStringLiteral("%1 entries, position %2: score %3 (0x%4), "
                                               "propensity %5 (0x%6)")
                                    .arg(n)
                                    .arg(at)
                                    .arg(score)
                                    .arg(std::bit_cast<std::uint32_t>(score), 0, 16)
                                    .arg(propensity)
                                    .arg(std::bit_cast<std::uint32_t>(propensity), 0, 16)));
                    }
    }

    void itemIdsAtTheCatalogueEdge() {
        // Ids at and around the last id of catalogues of 1 .. 40 items and of 2^32 items
        // (where no 32-bit id is outside), at every position of slates of 1 to 16 entries.
        core::Request r;
        r.k = 10;
        const std::size_t huge = std::size_t(std::numeric_limits<core::ItemId>::max()) + 1;
        for (std::size_t catalogue :
             {std::size_t(1), std::size_t(2), std::size_t(9), std::size_t(40), huge})
            for (std::size_t n = 1; n <= 16; ++n)
                for (std::size_t at = 0; at < n; ++at)
                    for (std::int64_t d = -2; d <= 2; ++d) {
                        core::Slate s;
                        for (std::size_t p = 0; p < n; ++p) // distinct ids 0 .. n - 1
                            s.push_back({static_cast<core::ItemId>(p), 0.5f, 1.0f});
                        s[at].item =
                            static_cast<core::ItemId>(static_cast<std::int64_t>(catalogue) + d);
                        const bool want = plainVerdict(r, s, catalogue);
                        if (verdict(r, s, catalogue) != want)
                            QFAIL(qPrintable(QStringLiteral("catalogue %1, %2 entries, "
                                                            "position %3: id %4")
                                                 .arg(catalogue)
                                                 .arg(n)
                                                 .arg(at)
                                                 .arg(s[at].item)));
                    }
    }

    void randomBitPatterns() {
        // Millions of random float bit patterns, each as a score and as a propensity.
        core::Request r;
        r.k = 10;
        test::Mix rng{99};
        for (int i = 0; i < 3'000'000; ++i) {
            const auto bits = static_cast<std::uint32_t>(rng.next());
            // Half the draws near 1.0f's bits, where the interval test's edge is.
            const float f =
                std::bit_cast<float>(i % 2 == 0 ? bits : 0x3f800000u + (bits % 64) - 32);
            const core::Slate a{{1, f, 1.0f}}, b{{1, 0.0f, f}};
            if (verdict(r, a, 4) != plainVerdict(r, a, 4) ||
                verdict(r, b, 4) != plainVerdict(r, b, 4))
                QFAIL(qPrintable(
                    QStringLiteral("bits 0x%1").arg(std::bit_cast<std::uint32_t>(f), 0, 16)));
        }
    }

    void randomBitsInEveryLane() {
        // Random bit patterns (half of them near the edges: 1.0f, the infinity, the
        // catalogue's last id) as the id, the score or the propensity of every position of
        // slates of 1 to 16 entries, the others well formed: every lane of the three
        // words of a group and of an overlapping last group, with its own constants.
        core::Request r;
        r.k = 16;
        test::Mix rng{4711};
        const std::size_t catalogue = 1000;
        const std::uint32_t edges[] = {0x3f800000u, 0x7f800000u,
                                       0xff800000u, 0x00000000u,
                                       0x80000000u, static_cast<std::uint32_t>(catalogue)};
        for (int trial = 0; trial < 400'000; ++trial) {
            const std::size_t n = 1 + rng.below(16);
            const std::size_t at = rng.below(static_cast<std::uint32_t>(n));
            const auto raw = static_cast<std::uint32_t>(rng.next());
            const std::uint32_t bits = trial % 2 == 0 ? raw : edges[rng.below(6)] + (raw % 8) - 4;
            core::Slate s;
            for (std::size_t p = 0; p < n; ++p)
                s.push_back({static_cast<core::ItemId>(p * 37 % catalogue), 0.25f,
                             rng.below(2) == 0 ? 1.0f : core::kUnknownPropensity});
            const std::uint32_t field = rng.below(3);
            if (field == 0)
                s[at].item = bits;
            else if (field == 1)
                s[at].score = std::bit_cast<float>(bits);
            else
                s[at].propensity = std::bit_cast<float>(bits);
            if (verdict(r, s, catalogue) != plainVerdict(r, s, catalogue))
                QFAIL(qPrintable(QStringLiteral("%1 entries, position %2, field %3: bits 0x%4")
                                     .arg(n)
                                     .arg(at)
                                     .arg(field)
                                     .arg(bits, 0, 16)));
        }
    }

    void repeatsAtEveryPairOfPositions() {
        // Slates of 2 to 16 entries with distinct ids except one pair, at every pair of
        // positions (so in every pair of lanes of the groups and across the overlapping
        // last group), ids small and near the pads; and the same slates without the
        // repeat, which must pass.
        core::Request r;
        r.k = 16;
        for (const std::size_t catalogue :
             {std::size_t(64), std::size_t(std::numeric_limits<core::ItemId>::max())})
            for (std::size_t n = 2; n <= 16; ++n)
                for (std::size_t i = 0; i < n; ++i)
                    for (std::size_t j = i + 1; j < n; ++j) {
                        core::Slate s;
                        for (std::size_t p = 0; p < n; ++p)
                            s.push_back(
                                {static_cast<core::ItemId>(catalogue - 1 - 3 * p), 0.5f, 1.0f});
                        if (verdict(r, s, catalogue) != true)
                            QFAIL(qPrintable(QStringLiteral("catalogue %1, %2 distinct entries")
                                                 .arg(catalogue)
                                                 .arg(n)));
                        s[j].item = s[i].item;
                        if (verdict(r, s, catalogue) != false ||
                            core::slateFault(r, s, catalogue).empty())
                            QFAIL(qPrintable(QStringLiteral("catalogue %1, %2 entries, "
                                                            "positions %3 and %4")
                                                 .arg(catalogue)
                                                 .arg(n)
                                                 .arg(i)
                                                 .arg(j)));
                    }
    }

    void randomSlates() {
        test::Mix rng{2026};
        const std::vector<float> special = ::specialFloats();
        int clear = 0, refused = 0;
        for (int trial = 0; trial < 200'000; ++trial) {
            core::Request r;
            r.k = rng.below(8) == 0 ? -1 : static_cast<int>(rng.below(72));
            const std::size_t n = rng.below(4) == 0 ? rng.below(71) : rng.below(17);
            const bool huge = rng.below(50) == 0; // every 32-bit id in the catalogue
            const std::size_t catalogue =
                huge ? std::size_t(std::numeric_limits<core::ItemId>::max()) + 1
                     : 8 + rng.below(120);
            core::Slate s;
            for (std::size_t p = 0; p < n; ++p) {
                core::SlateEntry e;
                e.item = huge ? std::numeric_limits<core::ItemId>::max() - rng.below(20)
                              : static_cast<core::ItemId>(rng.below(catalogue + 4));
                e.score = rng.below(40) == 0 ? special[rng.below(special.size())] : rng.uniform();
                e.propensity = rng.below(40) == 0  ? special[rng.below(special.size())]
                               : rng.below(2) == 0 ? 1.0f
                                                   : core::kUnknownPropensity;
                s.push_back(e);
            }
            // Keep most slates free of repeats so that both verdicts are common.
            if (!huge && rng.below(2) == 0)
                for (std::size_t p = 0; p < n; ++p)
                    s[p].item = static_cast<core::ItemId>((p * 7 + trial) % catalogue);
            const bool want = plainVerdict(r, s, catalogue);
            const bool got = verdict(r, s, catalogue);
            if (got != want || core::slateFault(r, s, catalogue).empty() != want)
                QFAIL(qPrintable(QStringLiteral("trial %1: %2 entries, k %3, catalogue %4: "
                                                "verdict %5, plain checks %6")
                                     .arg(trial)
                                     .arg(n)
                                     .arg(r.k)
                                     .arg(catalogue)
                                     .arg(got)
                                     .arg(want)));
            (want ? clear : refused) += 1;
        }
        QVERIFY2(clear > 20'000 && refused > 20'000,
                 qPrintable(QStringLiteral("%1 clear, %2 refused").arg(clear).arg(refused)));
    }

    void wideVerdictAloneWithGarbageBehind() {
        // The AVX2 verdict without the full check behind it (through slateWellFormed a
        // wrong refusal would be cleared by the full check and not seen), on 1 to 16
        // entries followed in memory by poison: an id outside the catalogue (then a repeat of
        // the first id), a NaN score and a propensity of 2. Reading or counting one word
        // past the slate shows as a refusal.
        if (!core::detail::wideSlateVerdictAvailable())
            QSKIP("no AVX2 on this CPU: slateWellFormed uses the SSE2 verdict only");
        test::Mix rng{77};
        const std::vector<float> special = ::specialFloats();
        int clear = 0, refused = 0;
        for (int trial = 0; trial < 100'000; ++trial) {
            const std::size_t n = 1 + rng.below(16);
            const std::size_t catalogue = 8 + rng.below(120);
            core::Slate s;
            for (std::size_t p = 0; p < n; ++p) {
                core::SlateEntry e;
                e.item = static_cast<core::ItemId>(rng.below(catalogue + 4));
                e.score = rng.below(60) == 0 ? special[rng.below(special.size())] : rng.uniform();
                e.propensity = rng.below(60) == 0 ? special[rng.below(special.size())] : 1.0f;
                s.push_back(e);
            }
            if (rng.below(4) != 0)
                for (std::size_t p = 0; p < n; ++p)
                    s[p].item = static_cast<core::ItemId>((p * 7 + trial) % catalogue);
            core::Slate buffer = s;
            buffer.resize(
                n + 8, core::SlateEntry{static_cast<core::ItemId>(catalogue), std::nanf(""), 2.0f});
            buffer[n + 1].item = s[0].item; // a repeat, for a gather that takes one id too many
            core::Request r;
            r.k = 16; // the wide verdict does not see k (clearlyWellFormed tests it first)
            const bool want = plainVerdict(r, s, catalogue);
            const bool got = core::detail::wideSlateVerdict(buffer.data(), n, catalogue);
            if (got != want)
                QFAIL(qPrintable(QStringLiteral("trial %1: %2 entries, catalogue %3: wide "
                                                "verdict %4, plain checks %5")
                                     .arg(trial)
                                     .arg(n)
                                     .arg(catalogue)
                                     .arg(got)
                                     .arg(want)));
            (want ? clear : refused) += 1;
        }
        QVERIFY2(clear > 20'000 && refused > 20'000,
                 qPrintable(QStringLiteral("%1 clear, %2 refused").arg(clear).arg(refused)));
    }
};

QTEST_GUILESS_MAIN(TestSlateCheck)
#include "tst_slate_check.moc"
