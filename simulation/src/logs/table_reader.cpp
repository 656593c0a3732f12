// The column-per-role formats: MovieLens (u.data and ratings.csv), RetailRocket events.csv
// and the generic csv. They differ only in the delimiter, whether fields may be quoted,
// where each role's column is, the unit of time and the event vocabulary, so one reader
// serves them all, configured by a TableSpec that the openers build from line 1.

#include "logs/log_text.h"
#include "logs/readers.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace recoscope::sim::logs {

namespace {

enum class TimeUnit { Seconds, Milliseconds, SecondsOrIso };
enum class Events { None, RetailRocket, Generic };
enum class Value { None, Required, Optional };

struct TableSpec {
    char delim = ',';
    bool quoted = false;
    std::vector<std::string> names; ///< every column's name, for messages
    std::string layout;             ///< "4 tab-separated fields (...)", for count errors
    int user = -1, item = -1, time = -1, event = -1, value = -1;
    TimeUnit timeUnit = TimeUnit::Seconds;
    Events events = Events::None;
    Value valueKind = Value::None;
};

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The generic csv's event words (log_reader.h), in any case. Also the core's own names, so
// a file exported by Recoscope reads back, "removefromcart" (the usual analytics name) and
// "favorite" because half the world spells it so.
std::optional<core::EventKind> genericEvent(std::string_view text) {
    using K = core::EventKind;
    static const std::array<std::pair<std::string_view, K>, 14> kWords = {{
        {"view", K::View},
        {"click", K::Click},
        {"search", K::Search},
        {"favourite", K::Favourite},
        {"favorite", K::Favourite},
        {"cart", K::CartAdd},
        {"addtocart", K::CartAdd},
        {"cart-add", K::CartAdd},
        {"remove", K::CartRemove},
        {"removefromcart", K::CartRemove},
        {"cart-remove", K::CartRemove},
        {"purchase", K::Purchase},
        {"transaction", K::Purchase},
        {"buy", K::Purchase},
    }};
    const std::string word = lowerAscii(trimmed(text));
    for (const auto& [name, kind] : kWords)
        if (name == word)
            return kind;
    return std::nullopt;
}

std::optional<core::EventKind> retailRocketEvent(std::string_view text) {
    if (text == "view")
        return core::EventKind::View;
    if (text == "addtocart")
        return core::EventKind::CartAdd;
    if (text == "transaction")
        return core::EventKind::Purchase;
    return std::nullopt;
}

/// Column index of `wanted`: an exact match, else the only case-insensitive one; -1 when
/// there is none, -2 when several differ only in case.
int findColumn(const std::vector<std::string>& names, std::string_view wanted) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == wanted)
            return static_cast<int>(i);
    int found = -1;
    const std::string lower = lowerAscii(wanted);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (lowerAscii(names[i]) == lower) {
            if (found >= 0)
                return -2;
            found = static_cast<int>(i);
        }
    return found;
}

std::string delimiterName(char delim) {
    switch (delim) {
    case '\t':
        return "tab";
    case ';':
        return "semicolon";
    default:
        return "comma";
    }
}

class TableReader final : public LogReader {
public:
    LineSource& source() { return m_source; }
    void setSpec(TableSpec spec) { m_spec = std::move(spec); }
    void setEmpty() { m_done = true; }

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
                return fieldError(m_source.path(), m_source.lineNumber(), "line",
                                  "expected a line of at most " +
                                      std::to_string(LineSource::kMaxLine) + " bytes",
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
    core::Error error(int column, std::string_view expected, std::string_view got) const {
        return fieldError(m_source.path(), m_source.lineNumber(),
                          m_spec.names[static_cast<std::size_t>(column)], expected, got);
    }

    core::Result<bool> parse(std::string_view line, LogRecord& out) {
        const TableSpec& s = m_spec;
        if (s.quoted) {
            if (const auto bad = splitQuoted(line, s.delim, m_fields, m_scratch)) {
                const int column = static_cast<int>(std::min(bad->field, s.names.size() - 1));
                return error(column, bad->what, line);
            }
        } else {
            splitPlain(line, s.delim, m_fields);
        }
        if (m_fields.size() != s.names.size()) {
            const int column = static_cast<int>(std::min(m_fields.size(), s.names.size() - 1));
            return error(column,
                         "expected " + s.layout + ", but the line has " +
                             std::to_string(m_fields.size()),
                         line);
        }
        const auto field = [this](int column) {
            return m_fields[static_cast<std::size_t>(column)];
        };
        for (const int column : {s.user, s.item})
            if (field(column).empty())
                return error(column, "expected an id (any text, not empty)", field(column));
        const std::string_view timeText = field(s.time);
        std::optional<double> time = parseNumber(timeText);
        switch (s.timeUnit) {
        case TimeUnit::Seconds:
            if (!time)
                return error(s.time, "expected unix seconds (a number)", timeText);
            break;
        case TimeUnit::Milliseconds:
            if (!time)
                return error(s.time, "expected unix milliseconds (a number)", timeText);
            *time /= 1000.0;
            break;
        case TimeUnit::SecondsOrIso:
            if (!time)
                time = parseIsoTime(timeText);
            if (!time)
                return error(s.time,
                             "expected unix seconds or an ISO 8601 date-time such as "
                             "2014-04-07T10:51:09.277Z",
                             timeText);
            break;
        }
        core::EventKind kind = core::EventKind::View;
        if (s.event >= 0) {
            const std::string_view text = field(s.event);
            const auto parsed =
                s.events == Events::RetailRocket ? retailRocketEvent(text) : genericEvent(text);
            if (!parsed)
                return error(s.event,
                             s.events == Events::RetailRocket
                                 ? "expected view, addtocart or transaction"
                                 : "expected view, click, search, favourite, cart (addtocart), "
                                   "remove, purchase (transaction, buy)",
                             text);
            kind = *parsed;
        }
        double value = 0.0;
        if (s.value >= 0) {
            const std::string_view text = field(s.value);
            const std::optional<double> parsed = parseNumber(text);
            if (parsed)
                value = *parsed;
            else if (s.valueKind == Value::Required)
                return error(s.value, "expected a rating (a number)", text);
            else if (!trimmed(text).empty())
                return error(s.value, "expected a number or nothing", text);
        }
        assignBytes(out.user, field(s.user));
        assignBytes(out.item, field(s.item));
        out.time = *time;
        out.kind = kind;
        out.value = value;
        out.line = m_source.lineNumber();
        return true;
    }

    LineSource m_source;
    TableSpec m_spec;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    bool m_done = false;
};

/// The first line that is not blank, for the formats that decide things from it.
core::Result<std::optional<std::string_view>> firstLine(LineSource& source) {
    for (;;) {
        std::string_view line;
        switch (source.next(line)) {
        case LineSource::Read::End:
            return std::optional<std::string_view>{};
        case LineSource::Read::Failed:
            return core::Error{source.path().toStdString() + ": cannot read: " + source.ioError()};
        case LineSource::Read::TooLong:
            return fieldError(source.path(), source.lineNumber(), "header",
                              "expected a first line of at most " +
                                  std::to_string(LineSource::kMaxLine) + " bytes",
                              line);
        case LineSource::Read::Line:
            if (!isBlank(line))
                return std::optional<std::string_view>{line};
        }
    }
}

std::vector<std::string> toStrings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

/// A fresh reader on `path` and its first non-blank line in `header`; a file without one
/// gives a reader already at its end and no header. The three formats' common prologue.
core::Result<std::unique_ptr<TableReader>> openWithHeader(const QString& path,
                                                          std::optional<std::string_view>& header) {
    auto reader = std::make_unique<TableReader>();
    if (auto opened = reader->source().open(path); !opened)
        return core::Error{opened.error()};
    auto first = firstLine(reader->source());
    if (!first)
        return core::Error{first.error()};
    header = first.value();
    if (!header)
        reader->setEmpty();
    return reader;
}

} // namespace

Opened openMovieLens(const QString& path) {
    std::optional<std::string_view> first;
    auto opened = openWithHeader(path, first);
    if (!opened)
        return core::Error{opened.error()};
    std::unique_ptr<TableReader> reader = std::move(opened.value());
    if (!first)
        return Opened{std::move(reader)};
    LineSource& source = reader->source();
    const std::string_view line = *first;
    TableSpec spec;
    spec.valueKind = Value::Required;
    if (line.find('\t') != std::string_view::npos) {
        // u.data has no header: line 1 is a record, so read it again as one.
        spec.delim = '\t';
        spec.names = {"user", "item", "rating", "timestamp"};
        spec.layout = "4 tab-separated fields (user, item, rating, timestamp)";
        spec.user = 0, spec.item = 1, spec.value = 2, spec.time = 3;
        if (auto rewound = source.rewind(); !rewound)
            return core::Error{rewound.error()};
    } else {
        std::vector<std::string_view> fields;
        splitPlain(line, ',', fields);
        spec.names = toStrings(fields);
        spec.user = findColumn(spec.names, "userId");
        spec.item = findColumn(spec.names, "movieId");
        spec.value = findColumn(spec.names, "rating");
        spec.time = findColumn(spec.names, "timestamp");
        if (spec.user < 0 || spec.item < 0 || spec.value < 0 || spec.time < 0)
            return fieldError(path, source.lineNumber(), "header",
                              "expected u.data records (user TAB item TAB rating TAB "
                              "timestamp) or the ratings.csv header "
                              "userId,movieId,rating,timestamp",
                              line);
        spec.layout = std::to_string(spec.names.size()) + " comma-separated fields (" +
                      joined(spec.names) + ")";
    }
    reader->setSpec(std::move(spec));
    return Opened{std::move(reader)};
}

Opened openRetailRocket(const QString& path) {
    std::optional<std::string_view> first;
    auto opened = openWithHeader(path, first);
    if (!opened)
        return core::Error{opened.error()};
    std::unique_ptr<TableReader> reader = std::move(opened.value());
    if (!first)
        return Opened{std::move(reader)};
    LineSource& source = reader->source();
    const std::string_view line = *first;
    std::vector<std::string_view> fields;
    splitPlain(line, ',', fields);
    TableSpec spec;
    spec.names = toStrings(fields);
    spec.time = findColumn(spec.names, "timestamp");
    spec.user = findColumn(spec.names, "visitorid");
    spec.event = findColumn(spec.names, "event");
    spec.item = findColumn(spec.names, "itemid");
    // transactionid is not needed: a transaction row is one purchased item.
    if (spec.time < 0 || spec.user < 0 || spec.event < 0 || spec.item < 0)
        return fieldError(path, source.lineNumber(), "header",
                          "expected the RetailRocket header "
                          "timestamp,visitorid,event,itemid,transactionid",
                          line);
    spec.timeUnit = TimeUnit::Milliseconds;
    spec.events = Events::RetailRocket;
    spec.layout =
        std::to_string(spec.names.size()) + " comma-separated fields (" + joined(spec.names) + ")";
    reader->setSpec(std::move(spec));
    return Opened{std::move(reader)};
}

Opened openCsv(const QString& path, const ColumnMap& map) {
    static const std::array<std::string, 5> kRoles = {"user", "item", "time", "event", "value"};
    for (const auto& [role, column] : map)
        if (std::find(kRoles.begin(), kRoles.end(), role.toStdString()) == kRoles.end())
            return core::Error{"unknown role '" + escaped(role.toStdString()) +
                               "' in the column map: expected user, item, time, event or "
                               "value"};
    std::optional<std::string_view> first;
    auto opened = openWithHeader(path, first);
    if (!opened)
        return core::Error{opened.error()};
    std::unique_ptr<TableReader> reader = std::move(opened.value());
    if (!first)
        return Opened{std::move(reader)};
    LineSource& source = reader->source();
    const std::string_view header = *first;
    TableSpec spec;
    spec.quoted = true;
    spec.timeUnit = TimeUnit::SecondsOrIso;
    spec.events = Events::Generic;
    spec.valueKind = Value::Optional;
    // The header decides the delimiter: a tab, else a semicolon when there is no comma
    // (the spreadsheet export of locales with a decimal comma), else a comma.
    spec.delim =
        header.find('\t') != std::string_view::npos ? '\t'
        : header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos
            ? ';'
            : ',';
    std::vector<std::string_view> fields;
    std::string scratch;
    if (const auto bad = splitQuoted(header, spec.delim, fields, scratch))
        return fieldError(path, source.lineNumber(), "header", bad->what, header);
    spec.names = toStrings(fields);
    const std::string columns = joined(spec.names);
    int* roleColumns[] = {&spec.user, &spec.item, &spec.time, &spec.event, &spec.value};
    for (std::size_t r = 0; r < kRoles.size(); ++r) {
        const std::string& role = kRoles[r];
        const auto mapped = map.find(QString::fromStdString(role));
        // An unmapped role falls back to a column of its own name, so a file whose
        // header already says user,item,time needs no map at all.
        const std::string wanted = mapped != map.end() ? mapped->second.toStdString() : role;
        const int column = findColumn(spec.names, wanted);
        if (column == -2)
            return fieldError(path, source.lineNumber(), wanted,
                              "expected one column of that name for role " + role +
                                  ", but several differ only in case",
                              header);
        if (column < 0 && (mapped != map.end() || r < 3))
            return fieldError(
                path, source.lineNumber(), wanted,
                "expected a header column for role " + role +
                    (mapped != map.end() ? std::string() : " (map one with " + role + "=COLUMN)") +
                    "; the " + delimiterName(spec.delim) + "-separated header has " + columns,
                header);
        *roleColumns[r] = column;
    }
    if (spec.event < 0)
        spec.events = Events::None;
    spec.layout = std::to_string(spec.names.size()) + " " + delimiterName(spec.delim) +
                  "-separated fields like the header";
    reader->setSpec(std::move(spec));
    return Opened{std::move(reader)};
}

} // namespace recoscope::sim::logs
