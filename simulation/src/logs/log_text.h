#pragma once
// The pieces every log reader shares: a line source with a fixed buffer, field splitting
// (plain and RFC 4180 quoted), number and ISO 8601 parsing, and the one error format
// "FILE:LINE: field 'NAME': what was expected, got 'VALUE'" with the value escaped.
// Private to recoscope::simulation.

#include "recoscope/core/result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recoscope::sim::logs {

/// Reads a file one line at a time into a buffer allocated once, so memory stays at one
/// line however large the file is. Lines come without their terminator (LF or CRLF); a
/// UTF-8 byte-order mark at the start of the file is dropped.
class LineSource {
public:
    /// Longer lines are reported (TooLong) and skipped: nothing real is this long, and the
    /// cap keeps a binary file without newlines from being read into memory whole.
    static constexpr qint64 kMaxLine = qint64{1} << 20;

    enum class Read { Line, End, TooLong, Failed };

    core::Status open(const QString& path);
    /// Starts again at the first line (used once a format is detected from line 1).
    core::Status rewind();
    /// The next line in `line` (valid until the next call). After TooLong, `line` holds the
    /// start of the line and the rest of it has been skipped.
    Read next(std::string_view& line);

    qint64 lineNumber() const { return m_line; }
    qint64 bytesRead() const { return m_bufferStart + static_cast<qint64>(m_begin); }
    qint64 fileSize() const { return m_size; }
    const QString& path() const { return m_path; }
    std::string ioError() const;

private:
    /// Reads more of the file after the unread bytes (moved to the front first); false at
    /// the end of the file or on an error (m_failed).
    bool fill();

    // Lines are cut from large chunks with memchr: QIODevice::readLine costs a copy and a
    // call per line, which was a tenth of an import's time.
    static constexpr std::size_t kChunk = std::size_t{4} << 20;
    QFile m_file;
    QString m_path;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0, m_end = 0; ///< unread bytes of m_buffer
    qint64 m_bufferStart = 0;           ///< file offset of m_buffer[0]
    bool m_eof = false, m_failed = false;
    std::string m_shown; ///< the start of a too-long line
    qint64 m_line = 0;
    qint64 m_size = 0;
};

/// True for an empty line or one of spaces, tabs and carriage returns only.
bool isBlank(std::string_view line);
/// Drops spaces and tabs on both sides.
std::string_view trimmed(std::string_view text);

/// Splits on `delim` with no quoting (MovieLens, RetailRocket and YOOCHOOSE never quote).
void splitPlain(std::string_view line, char delim, std::vector<std::string_view>& fields);

/// Splits one line of RFC 4180 text: a field may be quoted, a quote inside is doubled, and
/// a quoted field may hold the delimiter. Unescaped text goes to `scratch`, which the views
/// then point into. Unquoted fields are trimmed of spaces. Returns nullopt, or what is
/// wrong and the 0-based index of the field where it went wrong. Quoted line breaks are
/// not supported (records are one line each).
struct SplitError {
    std::size_t field = 0;
    std::string what;
};
std::optional<SplitError> splitQuoted(std::string_view line, char delim,
                                      std::vector<std::string_view>& fields, std::string& scratch);

/// A finite decimal number ("4", "3.5", "1e3"), spaces around it allowed.
std::optional<double> parseNumber(std::string_view text);
/// An ISO 8601 date or date-time: YYYY-MM-DD, then optionally T (or a space) hh:mm[:ss[.f]]
/// and a zone (Z, +hh:mm, +hhmm, +hh). Without a zone the time is taken as UTC, never the
/// machine's local time, so an import means the same on every machine. Returns seconds
/// since the Unix epoch.
std::optional<double> parseIsoTime(std::string_view text);

/// The bytes as printable text for a message: valid UTF-8 is kept, control characters and
/// invalid bytes become \t, \r, \n or \xNN, a backslash is doubled, and anything past
/// `maxBytes` is cut with "...". Never fails, whatever the bytes.
std::string escaped(std::string_view bytes, std::size_t maxBytes = 160);

/// "FILE:LINE: field 'NAME': EXPECTED, got 'VALUE'" (VALUE escaped).
core::Error fieldError(const QString& path, qint64 line, std::string_view field,
                       std::string_view expected, std::string_view got);

/// Copies into `out`, reusing its allocation when it is not shared.
void assignBytes(QByteArray& out, std::string_view bytes);

/// "a, b, c" for messages.
std::string joined(const std::vector<std::string>& names, std::string_view separator = ", ");

} // namespace recoscope::sim::logs
