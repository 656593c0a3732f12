#pragma once
// Streaming readers of public interaction logs (docs/import-formats.md): one record at a
// time, in file order, with memory bounded by one line, so a 10 GB file reads like a
// 10 kB one. Each record carries the external user and item ids as written in the file
// (the importer maps them to dense ids) and the Recoscope event kind the format's event
// maps to.
//
// Formats: movielens (u.data: user TAB item TAB rating TAB unix-seconds; or ratings.csv
// with the header userId,movieId,rating,timestamp; detected from the first line),
// retailrocket (events.csv: timestamp-ms,visitorid,event,itemid,transactionid with
// event = view | addtocart | transaction), yoochoose (clicks.dat: session,ISO-time,item,
// category; buys.dat: session,ISO-time,item,price,quantity; told apart by their field
// count), csv (any delimited file with a header, columns named by a mapping).
//
// Errors name the file, the 1-based line and the field ("events.csv:12: field 'event':
// expected view, addtocart or transaction, got 'click'"). A bad line does not end the
// reader: next() reports it and the following call goes on with the next line, so the
// importer can stop (the default) or count and skip (--skip-bad). Not thread-safe.

#include "recoscope/core/event.h"
#include "recoscope/core/result.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>

namespace recoscope::sim {

struct LogRecord {
    QByteArray user;   ///< external id, as in the file (a YOOCHOOSE session id for yoochoose)
    QByteArray item;   ///< external id
    double time = 0.0; ///< seconds since the Unix epoch (fractions kept)
    core::EventKind kind = core::EventKind::View;
    double value = 0.0; ///< rating (movielens), price x quantity (buys), else 0
    qint64 line = 0;    ///< 1-based line of the file it came from
};

/// Column mapping of the generic csv format: role -> column name in the header.
/// Roles: user, item, time (required), event, value (optional). Time is read as unix
/// seconds, or ISO 8601 when it is not a number. Without an event column every row is a
/// view; with one, its values view, click, search, favourite, cart (or addtocart),
/// remove, purchase (or transaction, buy) map to the kinds of the same names.
/// Details: a role left out of the map uses a column of its own name when the header has
/// one; column names and event words match in any case; the delimiter is a tab or a
/// semicolon when the header has one (and, for ';', no comma), else a comma; fields may be
/// quoted ("a ""b"", c") but not span lines; an empty value reads as 0; ISO times without
/// a zone are UTC. In every format a zero-byte or header-only file has no records, blank
/// lines are skipped, CRLF and a UTF-8 byte-order mark are accepted, and a line longer
/// than 1 MiB is an error (the reader skips it).
using ColumnMap = std::map<QString, QString>;

class LogReader {
public:
    enum class Format { MovieLens, RetailRocket, Yoochoose, Csv };
    /// "movielens", "retailrocket", "yoochoose" or "csv"; an error names the known ones.
    static core::Result<Format> parseFormat(const QString& name);
    /// Parses "user=COL,item=COL,..." (the CLI's --map); errors name the bad pair.
    static core::Result<ColumnMap> parseMap(const QString& text);

    /// Opens `path`; reads the header where the format has one and checks it (the csv
    /// format checks that every mapped column exists). Errors name the file.
    static core::Result<std::unique_ptr<LogReader>> open(const QString& path, Format format,
                                                         const ColumnMap& map = {});
    virtual ~LogReader() = default;

    /// The next record: true and `out` filled; false at the end of the file; an error for
    /// a bad line (the reader is then positioned after it).
    virtual core::Result<bool> next(LogRecord& out) = 0;
    /// Bytes read so far and the file's size, for a progress line.
    virtual qint64 bytesRead() const = 0;
    virtual qint64 fileSize() const = 0;
};

} // namespace recoscope::sim
