// The world hashes' SHA-256 (simulation/src/sha256.h, libcrypto) against the published test
// vectors of FIPS 180-2 and against Qt's QCryptographicHash, which computed the stored
// catalogue and population hashes before decision 0058: the same bytes added in the same
// pieces must give the same digest, or runs stored earlier would no longer match the shop
// their scenario regenerates.
#include "sha256.h"

#include <QCryptographicHash>
#include <QTest>

#include <cstdint>
#include <random>
#include <vector>

using recoscope::sim::Sha256;

class TestSha256 : public QObject {
    Q_OBJECT
private slots:
    void publishedVectors_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb924"
                                                 "27ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223"
                                               "b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QStringLiteral("248d6a61d20638b8e5c026930c3e6039"
                              "a33ce45964ff2167f6ecedd419db06c1");
    }
    void publishedVectors() {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        Sha256 h;
        h.addData(input.constData(), static_cast<std::size_t>(input.size()));
        QCOMPARE(h.hexResult(), digest);
    }

    // A million 'a's in pieces of 1,000 (FIPS 180-2, appendix B.3): many updates.
    void millionAs() {
        const QByteArray piece(1000, 'a');
        Sha256 h;
        for (int i = 0; i < 1000; ++i)
            h.addData(piece.constData(), static_cast<std::size_t>(piece.size()));
        QCOMPARE(h.hexResult(), QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67"
                                               "f1809a48a497200e046d39ccc7112cd0"));
    }

    // Random bytes cut in random pieces (empty ones too, and pieces across block edges):
    // the digest Qt gives for the same pieces, as World::catalogueHash() used it.
    void sameDigestAsQt() {
        std::mt19937_64 rng(20261202);
        for (int trial = 0; trial < 40; ++trial) {
            const std::size_t total = rng() % (trial < 20 ? 300 : 200000);
            std::vector<unsigned char> bytes(total);
            for (unsigned char& b : bytes)
                b = static_cast<unsigned char>(rng());
            Sha256 ours;
            QCryptographicHash qt(QCryptographicHash::Sha256);
            std::size_t at = 0;
            while (at < total) {
                const std::size_t piece = std::min<std::size_t>(total - at, rng() % 150);
                ours.addData(bytes.data() + at, piece);
                qt.addData(QByteArrayView(reinterpret_cast<const char*>(bytes.data() + at),
                                          static_cast<qsizetype>(piece)));
                at += piece;
            }
            QCOMPARE(ours.hexResult(), QString::fromLatin1(qt.result().toHex()));
        }
    }

    // Added with no bytes (a null pointer, as an empty table's data()) changes nothing.
    void emptyPiecesAddNothing() {
        Sha256 a, b;
        a.addData(nullptr, 0);
        a.addData("abc", 3);
        a.addData(nullptr, 0);
        b.addData("abc", 3);
        QCOMPARE(a.hexResult(), b.hexResult());
    }
};

QTEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"
