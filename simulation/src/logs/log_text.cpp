#include "logs/log_text.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace recoscope::sim::logs {

core::Status LineSource::open(const QString& path) {
    m_path = path;
    m_file.setFileName(path);
    // Binary mode: CRLF is handled in next(), and QIODevice::Text would also translate a
    // lone CR on some platforms.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return core::Error{path.toStdString() +
                           ": cannot open: " + m_file.errorString().toStdString()};
    m_size = m_file.size();
    return rewind();
}

core::Status LineSource::rewind() {
    if (!m_file.seek(0))
        return core::Error{m_path.toStdString() + ": cannot read: " + ioError()};
    m_line = 0;
    m_begin = m_end = 0;
    m_bufferStart = 0;
    m_eof = m_failed = false;
    return core::Ok{};
}

std::string LineSource::ioError() const {
    return m_file.errorString().toStdString();
}

bool LineSource::fill() {
    if (m_eof || m_failed)
        return false;
    if (m_buffer.empty())
        m_buffer.resize(kChunk);
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_bufferStart += static_cast<qint64>(m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size())
        return false; // full: the caller handles a line longer than the buffer
    const qint64 n =
        m_file.read(m_buffer.data() + m_end, static_cast<qint64>(m_buffer.size() - m_end));
    if (n < 0) {
        m_failed = true;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += static_cast<std::size_t>(n);
    return true;
}

LineSource::Read LineSource::next(std::string_view& line) {
    const char* nl = nullptr;
    for (;;) {
        const char* from = m_buffer.data() + m_begin;
        nl = m_end > m_begin ? static_cast<const char*>(std::memchr(from, '\n', m_end - m_begin))
                             : nullptr;
        if (nl)
            break;
        if (m_end - m_begin > static_cast<std::size_t>(kMaxLine)) {
            // Longer than kMaxLine: keep the start for the message, skip to the line's end.
            constexpr std::size_t kShown = 256;
            m_shown.assign(from, kShown);
            ++m_line;
            for (;;) {
                m_begin = m_end; // drop what was read of the line
                if (!fill())
                    break;
                if (const char* end = static_cast<const char*>(
                        std::memchr(m_buffer.data(), '\n', m_end - m_begin))) {
                    m_begin = static_cast<std::size_t>(end - m_buffer.data()) + 1;
                    break;
                }
            }
            line = m_shown;
            return Read::TooLong;
        }
        if (!fill()) {
            if (m_failed)
                return Read::Failed;
            if (m_end == m_begin)
                return Read::End;
            break; // the last line has no newline
        }
    }
    ++m_line;
    const char* data = m_buffer.data() + m_begin;
    std::size_t size = nl ? static_cast<std::size_t>(nl - data) : m_end - m_begin;
    m_begin += size + (nl ? 1 : 0);
    if (size > static_cast<std::size_t>(kMaxLine)) {
        m_shown.assign(data, 256);
        line = m_shown;
        return Read::TooLong;
    }
    if (size > 0 && data[size - 1] == '\r')
        --size;
    line = std::string_view(data, size);
    if (m_line == 1 && line.starts_with("\xEF\xBB\xBF"))
        line.remove_prefix(3);
    return Read::Line;
}

bool isBlank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    return true;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

void splitPlain(std::string_view line, char delim, std::vector<std::string_view>& fields) {
    fields.clear();
    for (;;) {
        const std::size_t end = line.find(delim);
        if (end == std::string_view::npos) {
            fields.push_back(line);
            return;
        }
        fields.push_back(line.substr(0, end));
        line.remove_prefix(end + 1);
    }
}

std::optional<SplitError> splitQuoted(std::string_view line, char delim,
                                      std::vector<std::string_view>& fields, std::string& scratch) {
    fields.clear();
    scratch.clear();
    // Unescaped text is never longer than the line, so the views into scratch stay valid.
    scratch.reserve(line.size());
    const std::size_t n = line.size();
    const auto isSpace = [delim](char c) { return c != delim && (c == ' ' || c == '\t'); };
    std::size_t i = 0;
    for (;;) {
        std::size_t j = i;
        while (j < n && isSpace(line[j]))
            ++j;
        if (j < n && line[j] == '"') {
            const std::size_t start = scratch.size();
            for (++j;; ++j) {
                if (j >= n)
                    return SplitError{fields.size(), "expected a closing quote"};
                if (line[j] == '"') {
                    if (j + 1 < n && line[j + 1] == '"') {
                        scratch.push_back('"');
                        ++j;
                        continue;
                    }
                    ++j;
                    break;
                }
                scratch.push_back(line[j]);
            }
            while (j < n && isSpace(line[j]))
                ++j;
            fields.emplace_back(scratch.data() + start, scratch.size() - start);
            if (j >= n)
                return std::nullopt;
            if (line[j] != delim)
                return SplitError{fields.size() - 1,
                                  "expected the delimiter or the end of the line after a closing "
                                  "quote"};
            i = j + 1;
            continue;
        }
        std::size_t end = line.find(delim, i);
        if (end == std::string_view::npos)
            end = n;
        fields.push_back(trimmed(line.substr(i, end - i)));
        if (end == n)
            return std::nullopt;
        i = end + 1;
    }
}

std::optional<double> parseNumber(std::string_view text) {
    text = trimmed(text);
    if (text.size() > 1 && text.front() == '+' && text[1] != '-')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {
bool readDigits(std::string_view text, std::size_t& i, int count, int& out) {
    if (i + static_cast<std::size_t>(count) > text.size())
        return false;
    int value = 0;
    for (int k = 0; k < count; ++k, ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible
// low-level date algorithms"): exact for every year, no time zone database, no locale.
std::int64_t daysFromCivil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
} // namespace

std::optional<double> parseIsoTime(std::string_view text) {
    text = trimmed(text);
    std::size_t i = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, i, 4, year) || i >= text.size() || text[i++] != '-' ||
        !readDigits(text, i, 2, month) || i >= text.size() || text[i++] != '-' ||
        !readDigits(text, i, 2, day))
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0))
        return std::nullopt;
    double fraction = 0.0;
    int offset = 0; // seconds east of UTC
    if (i < text.size()) {
        if (text[i] != 'T' && text[i] != 't' && text[i] != ' ')
            return std::nullopt;
        ++i;
        if (!readDigits(text, i, 2, hour) || i >= text.size() || text[i++] != ':' ||
            !readDigits(text, i, 2, minute))
            return std::nullopt;
        if (i < text.size() && text[i] == ':') {
            ++i;
            if (!readDigits(text, i, 2, second))
                return std::nullopt;
            if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
                ++i;
                std::int64_t digits = 0, scale = 1;
                const std::size_t first = i;
                for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
                    if (scale < 1'000'000'000) { // nanoseconds are plenty
                        digits = digits * 10 + (text[i] - '0');
                        scale *= 10;
                    }
                if (i == first)
                    return std::nullopt;
                fraction = static_cast<double>(digits) / static_cast<double>(scale);
            }
        }
        if (hour > 23 || minute > 59 || second > 60) // 60: a leap second
            return std::nullopt;
        if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
            ++i;
        } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            const int sign = text[i++] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!readDigits(text, i, 2, oh))
                return std::nullopt;
            if (i < text.size() && text[i] == ':')
                ++i;
            if (i < text.size() && !readDigits(text, i, 2, om))
                return std::nullopt;
            if (oh > 23 || om > 59)
                return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (i != text.size())
            return std::nullopt;
    }
    const std::int64_t whole =
        daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return static_cast<double>(whole) + fraction;
}

namespace {
// Length of the valid UTF-8 sequence starting at bytes[i], or 0 (RFC 3629 table 3-7:
// no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t utf8Length(std::string_view bytes, std::size_t i) {
    const auto at = [&](std::size_t k) -> unsigned {
        return i + k < bytes.size() ? static_cast<unsigned char>(bytes[i + k]) : 0u;
    };
    const auto cont = [](unsigned c, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return c >= lo && c <= hi;
    };
    const unsigned c = at(0);
    if (c >= 0xC2 && c <= 0xDF)
        return cont(at(1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return cont(at(1), lo, hi) && cont(at(2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return cont(at(1), lo, hi) && cont(at(2)) && cont(at(3)) ? 4 : 0;
    }
    return 0;
}
} // namespace

std::string escaped(std::string_view bytes, std::size_t maxBytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(bytes.size(), maxBytes) + 8);
    for (std::size_t i = 0; i < bytes.size();) {
        if (out.size() >= maxBytes) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else if (const std::size_t len = c >= 0x80 ? utf8Length(bytes, i) : 0; len > 0) {
            out.append(bytes.substr(i, len));
            i += len;
            continue;
        } else {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        ++i;
    }
    return out;
}

core::Error fieldError(const QString& path, qint64 line, std::string_view field,
                       std::string_view expected, std::string_view got) {
    std::string message = path.toStdString();
    message += ':';
    message += std::to_string(line);
    message += ": field '";
    message += escaped(field);
    message += "': ";
    message += expected;
    message += ", got '";
    message += escaped(got);
    message += '\'';
    return core::Error{std::move(message)};
}

void assignBytes(QByteArray& out, std::string_view bytes) {
    out.resize(static_cast<qsizetype>(bytes.size()));
    if (!bytes.empty())
        std::memcpy(out.data(), bytes.data(), bytes.size());
}

std::string joined(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += separator;
        out += escaped(names[i]);
    }
    return out;
}

} // namespace recoscope::sim::logs
