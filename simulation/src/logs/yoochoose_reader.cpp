// YOOCHOOSE (RecSys Challenge 2015): clicks.dat is session,timestamp,item,category and
// buys.dat is session,timestamp,item,price,quantity, both without a header. The file's
// first record decides which one it is (4 or 5 fields) and every later line must have the
// same count: deciding per line would let a clicks file with a stray buys line (or a
// concatenation of both) through as a mix of views and purchases nobody asked for.

#include "logs/log_text.h"
#include "logs/readers.h"

#include <array>

namespace recoscope::sim::logs {

namespace {

enum class Kind { Unknown, Clicks, Buys };

constexpr std::array<const char*, 4> kClickNames = {"session", "timestamp", "item", "category"};
constexpr std::array<const char*, 5> kBuyNames = {"session", "timestamp", "item", "price",
                                                  "quantity"};

class YoochooseReader final : public LogReader {
public:
    LineSource& source() { return m_source; }

    core::Result<bool> next(LogRecord& out) override {
        while (!m_done) {
            std::string_view line;
            switch (m_source.next(line)) {
            case LineSource::Read::End:
                m_done = true;
                return false;
            case LineSource::Read::Failed:
                m_done = true;
                return core::Error{m_source.path().toStdString() + ":" +
                                   std::to_string(m_source.lineNumber() + 1) +
                                   ": cannot read: " + m_source.ioError()};
            case LineSource::Read::TooLong:
                return error("line",
                             "expected a line of at most " + std::to_string(LineSource::kMaxLine) +
                                 " bytes",
                             line);
            case LineSource::Read::Line:
                break;
            }
            if (!isBlank(line))
                return parse(line, out);
        }
        return false;
    }
    qint64 bytesRead() const override { return m_source.bytesRead(); }
    qint64 fileSize() const override { return m_source.fileSize(); }

private:
    core::Error error(std::string_view field, std::string_view expected,
                      std::string_view got) const {
        return fieldError(m_source.path(), m_source.lineNumber(), field, expected, got);
    }

    core::Result<bool> parse(std::string_view line, LogRecord& out) {
        splitPlain(line, ',', m_fields);
        const std::size_t count = m_fields.size();
        if (m_kind == Kind::Unknown && (count == 4 || count == 5))
            m_kind = count == 4 ? Kind::Clicks : Kind::Buys;
        if (m_kind == Kind::Unknown)
            return error(count < 4 ? kClickNames[count] : "quantity",
                         "expected 4 comma-separated fields (clicks: session, timestamp, "
                         "item, category) or 5 (buys: session, timestamp, item, price, "
                         "quantity), but the line has " +
                             std::to_string(count),
                         line);
        if (m_kind == Kind::Clicks && count != 4)
            return error(count < 4 ? kClickNames[count] : "category",
                         "expected 4 comma-separated fields (session, timestamp, item, "
                         "category) like the first record, a clicks file, but the line has " +
                             std::to_string(count),
                         line);
        if (m_kind == Kind::Buys && count != 5)
            return error(count < 5 ? kBuyNames[count] : "quantity",
                         "expected 5 comma-separated fields (session, timestamp, item, price, "
                         "quantity) like the first record, a buys file, but the line has " +
                             std::to_string(count),
                         line);
        if (m_fields[0].empty())
            return error("session", "expected an id (any text, not empty)", m_fields[0]);
        if (m_fields[2].empty())
            return error("item", "expected an id (any text, not empty)", m_fields[2]);
        const std::optional<double> time = parseIsoTime(m_fields[1]);
        if (!time)
            return error("timestamp",
                         "expected an ISO 8601 date-time such as 2014-04-07T10:51:09.277Z",
                         m_fields[1]);
        double value = 0.0;
        if (m_kind == Kind::Buys) {
            const std::optional<double> price = parseNumber(m_fields[3]);
            if (!price || *price < 0)
                return error("price", "expected a price (a number, 0 or more)", m_fields[3]);
            const std::optional<double> quantity = parseNumber(m_fields[4]);
            if (!quantity || *quantity < 0)
                return error("quantity", "expected a quantity (a number, 0 or more)", m_fields[4]);
            value = *price * *quantity;
        }
        assignBytes(out.user, m_fields[0]);
        assignBytes(out.item, m_fields[2]);
        out.time = *time;
        out.kind = m_kind == Kind::Buys ? core::EventKind::Purchase : core::EventKind::View;
        out.value = value;
        out.line = m_source.lineNumber();
        return true;
    }

    LineSource m_source;
    Kind m_kind = Kind::Unknown;
    std::vector<std::string_view> m_fields;
    bool m_done = false;
};

} // namespace

Opened openYoochoose(const QString& path) {
    auto reader = std::make_unique<YoochooseReader>();
    if (auto opened = reader->source().open(path); !opened)
        return core::Error{opened.error()};
    return Opened{std::move(reader)};
}

} // namespace recoscope::sim::logs
