#pragma once
// Formats exported events as CSV (RFC 4180, header line) or JSONL (one object per line,
// keys in column order) into a QIODevice, buffered so that a device write happens every
// ~64 KiB rather than per event. Columns: time, user, item, kind, value and, when the
// source has demographics, age_band, gender, occupation, region (docs/export-format.md).
// An empty item or demographic cell is blank in CSV and null in JSONL.

#include "recoscope/sim/event_export.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <string_view>

class QIODevice;

namespace recoscope::sim {

class EventRecordWriter {
public:
    struct Record {
        double time = 0.0;
        QByteArrayView user, item; ///< item empty = none
        std::string_view kind;
        double value = 0.0;
        /// Demographic cells (empty = suppressed), used when the writer has them.
        std::array<QByteArrayView, 4> demographics{};
    };

    EventRecordWriter(QIODevice& out, ExportFormat format, bool demographics);

    /// The CSV header (JSONL has none). False when the device refused the bytes.
    bool begin();
    bool write(const Record& r);
    /// Writes what is buffered. False when the device refused the bytes.
    bool finish();

    /// The column names, in order.
    static std::array<const char*, 9> columns() {
        return {"time",     "user",   "item",       "kind",  "value",
                "age_band", "gender", "occupation", "region"};
    }

private:
    void number(double v);
    void csvCell(QByteArrayView text);
    void jsonString(QByteArrayView text);
    bool flushIfFull();

    QIODevice& m_out;
    ExportFormat m_format;
    bool m_demographics;
    QByteArray m_buffer;
};

} // namespace recoscope::sim
