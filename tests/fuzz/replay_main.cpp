// Replays fuzz inputs through a target's LLVMFuzzerTestOneInput without libFuzzer: every
// file under the folders given (the seed corpus and the crashes found so far, kept in
// tests/fuzz/regressions/<target>/) must pass. This is how fuzz findings stay fixed in the
// normal test suite (tst_fuzz_*), built with the release compiler.

#include "fuzz_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Read every input first: a target may change the working folder (fuzz_cli does).
    QList<QPair<QString, QByteArray>> inputs;
    for (int i = 1; i < argc; ++i) {
        QDirIterator it(QDir(QString::fromLocal8Bit(argv[i])).absolutePath(), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            inputs.append({path, f.readAll()});
        }
    }
    int files = 0;
    for (const auto& [path, bytes] : inputs) {
        std::fprintf(stderr, "%s\n", qPrintable(path));
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                               static_cast<std::size_t>(bytes.size()));
        ++files;
    }
    std::printf("replayed %d inputs\n", files);
    return files > 0 ? 0 : 1; // an empty corpus would make the test pass vacuously
}
