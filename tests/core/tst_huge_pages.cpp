// Huge-page placement (core/huge_pages.h): only where memory sits changes, never what it
// holds. The span advised is exactly the whole 2 MiB pages inside a table (a page that
// straddles a table's end would also hold another allocation's memory); a table assigned on
// huge pages holds what assign() gives; the allocator hands out huge-page-aligned blocks.

#include "recoscope/core/huge_pages.h"

#include <QTest>

#include <cstdint>
#include <vector>

using namespace recoscope;

namespace {
constexpr std::uintptr_t kMiB = std::uintptr_t{1} << 20;
constexpr std::uintptr_t kPage = core::kHugePageBytes;
} // namespace

class TestHugePages : public QObject {
    Q_OBJECT

private slots:
    void spanIsTheWholePagesInside_data() {
        QTest::addColumn<quint64>("begin");
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<quint64>("first");
        QTest::addColumn<quint64>("last");
        // Rows: (begin, bytes) -> [first, last); first == last means nothing to advise.
        QTest::newRow("one aligned page")
            << quint64(kPage) << quint64(kPage) << quint64(kPage) << quint64(2 * kPage);
        QTest::newRow("aligned, one byte short")
            << quint64(kPage) << quint64(kPage - 1) << quint64(kPage) << quint64(kPage);
        QTest::newRow("one byte past a boundary")
            << quint64(kPage + 1) << quint64(kPage) << quint64(2 * kPage) << quint64(2 * kPage);
        QTest::newRow("glibc block, 64 MB") << quint64(7 * kMiB + 16) << quint64(64 * kMiB)
                                            << quint64(8 * kMiB) << quint64(70 * kMiB);
        QTest::newRow("ends exactly on a boundary")
            << quint64(kPage - 4096) << quint64(kPage + 4096) << quint64(kPage)
            << quint64(2 * kPage);
        QTest::newRow("straddles one boundary, no whole page")
            << quint64(kPage - 1) << quint64(kPage) << quint64(kPage) << quint64(kPage);
        QTest::newRow("empty") << quint64(3 * kPage) << quint64(0) << quint64(3 * kPage)
                               << quint64(3 * kPage);
        QTest::newRow("small table")
            << quint64(4096) << quint64(100000) << quint64(kPage) << quint64(kPage);
    }
    void spanIsTheWholePagesInside() {
        QFETCH(quint64, begin);
        QFETCH(quint64, bytes);
        QFETCH(quint64, first);
        QFETCH(quint64, last);
        const core::HugePageSpan s = core::wholeHugePages(begin, bytes);
        QCOMPARE(quint64(s.first), first);
        QCOMPARE(quint64(s.last), last);
    }

    void spanNeverLeavesTheRange() {
        // Every (begin, bytes) on a grid of offsets around page boundaries: the span lies
        // inside the range, is page-aligned, and misses no whole page of it.
        const std::uintptr_t offsets[] = {0, 1, 64, 4096, kPage / 2, kPage - 1};
        const std::size_t sizes[] = {0, 1, 4096, kPage - 1, kPage, kPage + 1, 3 * kPage + 5};
        for (std::uintptr_t base : {kPage, 5 * kPage})
            for (std::uintptr_t off : offsets)
                for (std::size_t bytes : sizes) {
                    const std::uintptr_t begin = base + off;
                    const core::HugePageSpan s = core::wholeHugePages(begin, bytes);
                    QVERIFY(s.first % kPage == 0 && s.last % kPage == 0);
                    QVERIFY(s.first <= s.last);
                    if (s.last > s.first) {
                        QVERIFY(s.first >= begin);
                        QVERIFY(s.last <= begin + bytes);
                    }
                    // No whole page left out: none fits before `first` or after `last`.
                    QVERIFY(s.first < begin + kPage);
                    QVERIFY(s.last + kPage > begin + bytes || s.last == s.first);
                }
    }

    void assignedTablesHoldWhatAssignGives() {
        // Sizes below, at and well above a huge page; element types of 1, 4 and 8 bytes;
        // tables that shrink and grow from earlier contents.
        for (std::size_t n :
             {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{3'000'000}}) {
            std::vector<float> a(17, 9.0f), b(17, 9.0f);
            a.assign(n, 0.5f);
            core::assignOnHugePages(b, n, 0.5f);
            QCOMPARE(b, a);
            std::vector<std::uint8_t> c(5'000'000, 7);
            core::assignOnHugePages(c, n, 3);
            QCOMPARE(c, std::vector<std::uint8_t>(n, 3));
            std::vector<double> d;
            core::assignOnHugePages(d, n);
            QCOMPARE(d, std::vector<double>(n, 0.0));
        }
    }

    void allocatorBlocksStartOnAHugePage() {
        std::vector<float, core::HugePageAllocator<float>> big(3'000'000, 1.0f);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(big.data()) % kPage, std::uintptr_t{0});
        QCOMPARE(big[2'999'999], 1.0f);
        std::vector<float, core::HugePageAllocator<float>> small(10, 2.0f);
        QCOMPARE(small[9], 2.0f);
        // Advice on odd ranges is harmless: null, empty, unaligned.
        core::adviseHugePages(nullptr, 0);
        core::adviseHugePages(big.data() + 1, 100);
        core::adviseHugePages(big.data(), big.size() * sizeof(float));
        QCOMPARE(big[12345], 1.0f);
    }
};

QTEST_APPLESS_MAIN(TestHugePages)
#include "tst_huge_pages.moc"
