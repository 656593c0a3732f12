#include "event_record_writer.h"

#include <QIODevice>

#include <charconv>
#include <cmath>

namespace recoscope::sim {

namespace {

constexpr qsizetype kFlushBytes = 64 * 1024;

} // namespace

EventRecordWriter::EventRecordWriter(QIODevice& out, ExportFormat format, bool demographics)
    : m_out(out), m_format(format), m_demographics(demographics) {
    m_buffer.reserve(kFlushBytes + 4096);
}

bool EventRecordWriter::begin() {
    if (m_format != ExportFormat::Csv)
        return true;
    const auto names = columns();
    const std::size_t n = m_demographics ? names.size() : 5;
    for (std::size_t c = 0; c < n; ++c) {
        if (c)
            m_buffer += ',';
        m_buffer += names[c];
    }
    m_buffer += '\n';
    return flushIfFull();
}

void EventRecordWriter::number(double v) {
    if (!std::isfinite(v)) {
        m_buffer += m_format == ExportFormat::Csv ? "" : "null";
        return;
    }
    // Shortest text that reads back as the same double, never in exponent form: Unix
    // times stay "881250949", prices "19.99" (callers round float prices first).
    char text[400];
    const auto r = std::to_chars(text, text + sizeof text, v, std::chars_format::fixed);
    m_buffer.append(text, r.ptr - text);
}

void EventRecordWriter::csvCell(QByteArrayView text) {
    // RFC 4180: quote a cell holding a delimiter, a quote or a line break; double quotes.
    bool quote = false;
    for (char c : text)
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            quote = true;
    if (!quote) {
        m_buffer.append(text.data(), text.size());
        return;
    }
    m_buffer += '"';
    for (char c : text) {
        if (c == '"')
            m_buffer += '"';
        m_buffer += c;
    }
    m_buffer += '"';
}

void EventRecordWriter::jsonString(QByteArrayView text) {
    // Callers pass valid UTF-8 (ids that are not are percent-encoded before this), so
    // only the characters JSON requires are escaped.
    m_buffer += '"';
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_buffer += '\\';
            m_buffer += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            m_buffer += "\\u00";
            m_buffer += hex[u >> 4];
            m_buffer += hex[u & 15];
        } else {
            m_buffer += c;
        }
    }
    m_buffer += '"';
}

bool EventRecordWriter::write(const Record& r) {
    const std::size_t cells = m_demographics ? 4 : 0;
    if (m_format == ExportFormat::Csv) {
        number(r.time);
        m_buffer += ',';
        csvCell(r.user);
        m_buffer += ',';
        csvCell(r.item);
        m_buffer += ',';
        m_buffer.append(r.kind.data(), static_cast<qsizetype>(r.kind.size()));
        m_buffer += ',';
        number(r.value);
        for (std::size_t c = 0; c < cells; ++c) {
            m_buffer += ',';
            csvCell(r.demographics[c]);
        }
    } else {
        const auto names = columns();
        m_buffer += "{\"time\":";
        number(r.time);
        m_buffer += ",\"user\":";
        jsonString(r.user);
        m_buffer += ",\"item\":";
        if (r.item.isEmpty())
            m_buffer += "null";
        else
            jsonString(r.item);
        m_buffer += ",\"kind\":";
        jsonString(QByteArrayView(r.kind.data(), static_cast<qsizetype>(r.kind.size())));
        m_buffer += ",\"value\":";
        number(r.value);
        for (std::size_t c = 0; c < cells; ++c) {
            m_buffer += ",\"";
            m_buffer += names[5 + c];
            m_buffer += "\":";
            if (r.demographics[c].isEmpty())
                m_buffer += "null";
            else
                jsonString(r.demographics[c]);
        }
        m_buffer += '}';
    }
    m_buffer += '\n';
    return flushIfFull();
}

bool EventRecordWriter::flushIfFull() {
    return m_buffer.size() < kFlushBytes || finish();
}

bool EventRecordWriter::finish() {
    const qint64 written = m_out.write(m_buffer);
    const bool ok = written == m_buffer.size();
    m_buffer.clear();
    return ok;
}

} // namespace recoscope::sim
