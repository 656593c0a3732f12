// Fuzz target: every import format's reader. The first byte picks the format (and, for
// csv, a column map); the rest is the file. Every line gives a record or an error naming
// the file and line; the reader never crashes, loops or reads past the end.

#include "fuzz_target.h"
#include "recoscope/sim/log_reader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using recoscope::sim::LogReader;
    static QTemporaryDir dir;
    if (size == 0)
        return 0;
    static const LogReader::Format formats[] = {
        LogReader::Format::MovieLens, LogReader::Format::RetailRocket, LogReader::Format::Yoochoose,
        LogReader::Format::Csv};
    const LogReader::Format format = formats[data[0] % 4];
    const QString path = dir.filePath(QStringLiteral("log.txt"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        f.write(reinterpret_cast<const char*>(data + 1), static_cast<qint64>(size - 1));
    }
    recoscope::sim::ColumnMap map;
    if (format == LogReader::Format::Csv) {
        auto parsed = LogReader::parseMap(data[0] & 4 ? QStringLiteral("user=u,item=i,time=t")
                                                      : QStringLiteral("user=0,item=1,time=2"));
        if (parsed.ok())
            map = parsed.value();
    }
    auto reader = LogReader::open(path, format, map);
    if (!reader.ok())
        return 0;
    recoscope::sim::LogRecord record;
    // A line is at least one byte: more records than bytes would be a loop.
    for (std::size_t n = 0; n <= size + 1; ++n) {
        auto more = reader.value()->next(record);
        if (more.ok() && !more.value())
            return 0;
        if (!more.ok() && more.error().empty())
            std::abort();
    }
    std::abort();
}
