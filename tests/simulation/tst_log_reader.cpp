// The streaming log readers (issue 12): every format on fixtures this test writes itself,
// the bad lines each reader must report (and read on after), empty files, the one error
// format, non-UTF-8 bytes in ids and in messages, CRLF, blank lines, a last line without
// a newline, an over-long line, and a 50 MB file read with flat memory.

#include "recoscope/sim/log_reader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;
using Format = sim::LogReader::Format;

Q_DECLARE_METATYPE(sim::LogReader::Format)

namespace {

// Printable ASCII as is, every other byte as \xNN, so a non-UTF-8 id shows in a row.
QString shown(const QByteArray& bytes) {
    QString out;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F)
            out += QLatin1Char(static_cast<char>(c));
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString render(const sim::LogRecord& r) {
    return QStringLiteral("%1|%2|%3|%4|%5@%6")
        .arg(shown(r.user), shown(r.item), QString::number(r.time, 'f', 3),
             QString::fromUtf8(core::eventKindName(r.kind).data(),
                               static_cast<qsizetype>(core::eventKindName(r.kind).size())),
             QString::number(r.value), QString::number(r.line));
}

// Qt has no "optional column map" in a _data table; an empty string means no map.
sim::ColumnMap mapOf(const QString& text) {
    auto map = sim::LogReader::parseMap(text);
    if (!map.ok())
        qFatal("%s", map.error().c_str());
    return map.value();
}

} // namespace

class TestLogReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QByteArray& content) {
        const QString path = m_dir.filePath(QStringLiteral("log"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(content) != content.size())
            qFatal("cannot write the fixture");
        return path;
    }

    // Every record as "user|item|time|kind|value@line", every error as "E:" and the message
    // with the fixture's path shortened to F; "OPEN:" and the message when open fails.
    QStringList readAll(Format format, const QByteArray& content, const QString& map) {
        const QString path = write(content);
        auto opened = sim::LogReader::open(path, format, mapOf(map));
        const auto shorten = [&](const std::string& message) {
            return QString::fromStdString(message).replace(path, QStringLiteral("F"));
        };
        if (!opened.ok())
            return {QStringLiteral("OPEN:") + shorten(opened.error())};
        sim::LogReader& reader = *opened.value();
        QStringList out;
        sim::LogRecord record;
        for (int guard = 0; guard < 1000; ++guard) {
            const auto more = reader.next(record);
            if (!more.ok()) {
                out << QStringLiteral("E:") + shorten(more.error());
                continue;
            }
            if (!more.value())
                return out;
            out << render(record);
        }
        qFatal("the reader never reached the end");
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parseFormat_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // the format's name, or the error
        QTest::newRow("movielens") << "movielens"
                                   << "movielens";
        QTest::newRow("retailrocket") << "retailrocket"
                                      << "retailrocket";
        QTest::newRow("yoochoose") << "yoochoose"
                                   << "yoochoose";
        QTest::newRow("csv") << "csv"
                             << "csv";
        QTest::newRow("case and spaces") << " MovieLens "
                                         << "movielens";
        QTest::newRow("unknown") << "netflix"
                                 << "unknown log format 'netflix': expected movielens, "
                                    "retailrocket, yoochoose or csv";
        QTest::newRow("empty") << ""
                               << "unknown log format '': expected movielens, retailrocket, "
                                  "yoochoose or csv";
    }
    void parseFormat() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        static const QStringList names = {QStringLiteral("movielens"),
                                          QStringLiteral("retailrocket"),
                                          QStringLiteral("yoochoose"), QStringLiteral("csv")};
        const auto format = sim::LogReader::parseFormat(name);
        QCOMPARE(format.ok() ? names.at(static_cast<int>(format.value()))
                             : QString::fromStdString(format.error()),
                 expected);
    }

    void parseMap_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // role=column;... sorted, or the error
        QTest::newRow("three roles") << "user=uid,item=product,time=ts"
                                     << "item=product;time=ts;user=uid";
        QTest::newRow("all five") << "user=u,item=i,time=t,event=e,value=v"
                                  << "event=e;item=i;time=t;user=u;value=v";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("spaces and case") << " User = visitor id , time=t"
                                         << "time=t;user=visitor id";
        QTest::newRow("unknown role")
            << "user=u,colour=c"
            << "column map: unknown role in 'colour=c': expected user, item, time, event or value";
        QTest::newRow("no equals") << "user"
                                   << "column map: expected ROLE=COLUMN with ROLE one of user, "
                                      "item, time, event or value, got 'user'";
        QTest::newRow("no column") << "user="
                                   << "column map: expected a column name after '=', got 'user='";
        QTest::newRow("twice") << "user=a,user=b"
                               << "column map: role user is mapped twice, got 'user=b'";
    }
    void parseMap() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto map = sim::LogReader::parseMap(text);
        QString got;
        if (map.ok()) {
            QStringList pairs;
            for (const auto& [role, column] : map.value())
                pairs << role + QLatin1Char('=') + column;
            got = pairs.join(QLatin1Char(';'));
        } else {
            got = QString::fromStdString(map.error());
        }
        QCOMPARE(got, expected);
    }

    void read_data() {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("map");
        QTest::addColumn<QStringList>("expected");

        // MovieLens: every rating is a view whose value is the rating.
        QTest::newRow("u.data") << Format::MovieLens
                                << QByteArray("196\t242\t3\t881250949\n186\t302\t3\t891717742\n")
                                << QString()
                                << QStringList{"196|242|881250949.000|view|3@1",
                                               "186|302|891717742.000|view|3@2"};
        QTest::newRow("u.data CRLF, blank lines, duplicate times, no last newline")
            << Format::MovieLens
            << QByteArray("1\t2\t5\t100\r\n\r\n  \n3\t4\t1\t100\r\n5\t6\t2.5\t101") << QString()
            << QStringList{"1|2|100.000|view|5@1", "3|4|100.000|view|1@4",
                           "5|6|101.000|view|2.5@5"};
        QTest::newRow("u.data non-UTF-8 and odd ids")
            << Format::MovieLens
            << QByteArray("caf\xE9\t\xFF\xFE\t4\t100\nalice@x.org\ttt0111161\t1\t7\n") << QString()
            << QStringList{"caf\\xe9|\\xff\\xfe|100.000|view|4@1",
                           "alice@x.org|tt0111161|7.000|view|1@2"};
        QTest::newRow("u.data bad rating, then good")
            << Format::MovieLens << QByteArray("1\t2\tgood\t100\n1\t2\tnan\t100\n1\t2\t4\t101\n")
            << QString()
            << QStringList{"E:F:1: field 'rating': expected a rating (a number), got 'good'",
                           "E:F:2: field 'rating': expected a rating (a number), got 'nan'",
                           "1|2|101.000|view|4@3"};
        QTest::newRow("u.data field counts")
            << Format::MovieLens << QByteArray("1\t2\t3\n1\t2\t4\t101\t9\n7\t8\t4\t102\n")
            << QString()
            << QStringList{"E:F:1: field 'timestamp': expected 4 tab-separated fields (user, item, "
                           "rating, timestamp), but the line has 3, got '1\\t2\\t3'",
                           "E:F:2: field 'timestamp': expected 4 tab-separated fields (user, item, "
                           "rating, timestamp), but the line has 5, got '1\\t2\\t4\\t101\\t9'",
                           "7|8|102.000|view|4@3"};
        QTest::newRow("u.data bad time, non-UTF-8 in the message")
            << Format::MovieLens
            << QByteArray("1\t2\t3\tyesterday\n1\t2\t3\t\xE9t\xC3\xA9\n1\t2\t3\t\"\\\"\n")
            << QString()
            << QStringList{
                   "E:F:1: field 'timestamp': expected unix seconds (a number), got 'yesterday'",
                   QString::fromUtf8("E:F:2: field 'timestamp': expected unix seconds (a number), "
                                     "got '\\xe9t\xC3\xA9'"),
                   "E:F:3: field 'timestamp': expected unix seconds (a number), got '\"\\\\\"'"};
        QTest::newRow("ratings.csv")
            << Format::MovieLens
            << QByteArray("userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,"
                          "1260759179\n")
            << QString()
            << QStringList{"1|31|1260759144.000|view|2.5@2", "1|1029|1260759179.000|view|3@3"};
        QTest::newRow("ratings.csv BOM and CRLF")
            << Format::MovieLens
            << QByteArray("\xEF\xBB\xBFuserId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n")
            << QString() << QStringList{"1|31|1260759144.000|view|2.5@2"};
        QTest::newRow("ratings.csv empty id")
            << Format::MovieLens << QByteArray("userId,movieId,rating,timestamp\n,31,2.5,1\n")
            << QString()
            << QStringList{"E:F:2: field 'userId': expected an id (any text, not empty), got ''"};

        // RetailRocket: view, addtocart, transaction -> view, cart-add, purchase; ms.
        const QByteArray rr("timestamp,visitorid,event,itemid,transactionid\n");
        QTest::newRow("events.csv")
            << Format::RetailRocket
            << rr + "1433221332117,257597,view,355908,\n1433224214164,992329,addtocart,248676,\n"
                    "1433193500981,121688,transaction,15335,11117\n"
            << QString()
            << QStringList{"257597|355908|1433221332.117|view|0@2",
                           "992329|248676|1433224214.164|cart-add|0@3",
                           "121688|15335|1433193500.981|purchase|0@4"};
        QTest::newRow("events.csv bad lines")
            << Format::RetailRocket
            << rr + "1433221332117,257597,click,1,\n2015-06-02,1,view,2,\n1433221332117,257597,"
                    "view\n1433221332117,5,view,6,\n"
            << QString()
            << QStringList{
                   "E:F:2: field 'event': expected view, addtocart or transaction, got 'click'",
                   "E:F:3: field 'timestamp': expected unix milliseconds (a number), got "
                   "'2015-06-02'",
                   "E:F:4: field 'itemid': expected 5 comma-separated fields (timestamp, "
                   "visitorid, event, itemid, transactionid), but the line has 3, got "
                   "'1433221332117,257597,view'",
                   "5|6|1433221332.117|view|0@5"};

        // YOOCHOOSE: a click is a view by the session; a buy is a purchase worth
        // price x quantity.
        QTest::newRow("clicks.dat")
            << Format::Yoochoose
            << QByteArray("1,2014-04-07T10:51:09.277Z,214536502,0\n1,2014-04-07T10:54:09.868Z,"
                          "214536500,S\n2,2014-04-07T12:51:09+02:00,5,0")
            << QString()
            << QStringList{"1|214536502|1396867869.277|view|0@1",
                           "1|214536500|1396868049.868|view|0@2", "2|5|1396867869.000|view|0@3"};
        QTest::newRow("buys.dat")
            << Format::Yoochoose
            << QByteArray("420374,2014-04-06T18:44:58.314Z,214537888,12462,1\r\n420374,2014-04-"
                          "06T18:44:58.325Z,214537850,10471,2\r\n")
            << QString()
            << QStringList{"420374|214537888|1396809898.314|purchase|12462@1",
                           "420374|214537850|1396809898.325|purchase|20942@2"};
        QTest::newRow("clicks then a buys line")
            << Format::Yoochoose
            << QByteArray("1,2014-04-07T10:51:09Z,5,0\n1,2014-04-07T10:51:09Z,5,100,1\n")
            << QString()
            << QStringList{"1|5|1396867869.000|view|0@1",
                           "E:F:2: field 'category': expected 4 comma-separated fields (session, "
                           "timestamp, item, category) like the first record, a clicks file, but "
                           "the line has 5, got '1,2014-04-07T10:51:09Z,5,100,1'"};
        QTest::newRow("yoochoose bad fields")
            << Format::Yoochoose
            << QByteArray("1,2014-04-06T18:44:58Z,2,3,1\n1,2014-13-06T18:44:58Z,2,3,1\n1,2014-04-"
                          "06T18:44:58Z,2,abc,1\n1,2014-04-06T18:44:58Z,2,3,-1\n1,x,2\n")
            << QString()
            << QStringList{
                   "1|2|1396809898.000|purchase|3@1",
                   "E:F:2: field 'timestamp': expected an ISO 8601 date-time such as "
                   "2014-04-07T10:51:09.277Z, got '2014-13-06T18:44:58Z'",
                   "E:F:3: field 'price': expected a price (a number, 0 or more), got 'abc'",
                   "E:F:4: field 'quantity': expected a quantity (a number, 0 or more), "
                   "got '-1'",
                   "E:F:5: field 'price': expected 5 comma-separated fields (session, "
                   "timestamp, item, price, quantity) like the first record, a buys file, "
                   "but the line has 3, got '1,x,2'"};
        QTest::newRow("yoochoose undecidable first line")
            << Format::Yoochoose << QByteArray("1,2\n1,2014-04-07T10:51:09Z,5,0\n") << QString()
            << QStringList{"E:F:1: field 'item': expected 4 comma-separated fields (clicks: "
                           "session, timestamp, item, category) or 5 (buys: session, timestamp, "
                           "item, price, quantity), but the line has 2, got '1,2'",
                           "1|5|1396867869.000|view|0@2"};

        // Generic csv.
        QTest::newRow("csv quoted fields")
            << Format::Csv
            << QByteArray("uid,product,ts,note\n\"a \"\"b\"\", c\",x,1000,\"free, text\"\n  u2 , "
                          "\"y\" ,1001,\n")
            << "user=uid,item=product,time=ts"
            << QStringList{"a \"b\", c|x|1000.000|view|0@2", "u2|y|1001.000|view|0@3"};
        QTest::newRow("csv default columns, ISO time, events, values")
            << Format::Csv
            << QByteArray("user,item,time,event,value\nu,i,2020-01-01T00:00:00Z,View,\nu,i,2020-"
                          "01-02,AddToCart,2\nu,i,951825600,buy,9.5\nu,i,2000-02-29 12:00,cart-"
                          "remove,\nu,i,1,favorite,\nu,i,1,click,\nu,i,1,search,\n")
            << QString()
            << QStringList{"u|i|1577836800.000|view|0@2",
                           "u|i|1577923200.000|cart-add|2@3",
                           "u|i|951825600.000|purchase|9.5@4",
                           "u|i|951825600.000|cart-remove|0@5",
                           "u|i|1.000|favourite|0@6",
                           "u|i|1.000|click|0@7",
                           "u|i|1.000|search|0@8"};
        QTest::newRow("csv semicolon")
            << Format::Csv << QByteArray("Visitor;Item;When\nv1;i1;5\n")
            << "user=visitor,item=item,time=when" << QStringList{"v1|i1|5.000|view|0@2"};
        QTest::newRow("csv tab") << Format::Csv << QByteArray("user\titem\ttime\nu\ti\t7\n")
                                 << QString() << QStringList{"u|i|7.000|view|0@2"};
        QTest::newRow("csv bad lines")
            << Format::Csv
            << QByteArray("user,item,time,event,value\nu,i,1,like,\n\"abc,i,1,view,\nu,i\nu,i,"
                          "soon,view,\nu,i,1,view,lots\nu,i,1,view,\"x\"y\nu,i,1,view,1\n")
            << QString()
            << QStringList{
                   "E:F:2: field 'event': expected view, click, search, favourite, cart "
                   "(addtocart), remove, purchase (transaction, buy), got 'like'",
                   "E:F:3: field 'user': expected a closing quote, got '\"abc,i,1,view,'",
                   "E:F:4: field 'time': expected 5 comma-separated fields like the header, but "
                   "the line has 2, got 'u,i'",
                   "E:F:5: field 'time': expected unix seconds or an ISO 8601 date-time such as "
                   "2014-04-07T10:51:09.277Z, got 'soon'",
                   "E:F:6: field 'value': expected a number or nothing, got 'lots'",
                   "E:F:7: field 'value': expected the delimiter or the end of the line after a "
                   "closing quote, got 'u,i,1,view,\"x\"y'",
                   "u|i|1.000|view|1@8"};
        QTest::newRow("csv non-UTF-8 value in a message")
            << Format::Csv
            << QByteArray("user,item,time\n\xFF,i,\xFF\xFE"
                          "1\n")
            << QString()
            << QStringList{"E:F:2: field 'time': expected unix seconds or an ISO 8601 date-time "
                           "such as 2014-04-07T10:51:09.277Z, got '\\xff\\xfe1'"};
    }
    void read() {
        QFETCH(Format, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, map);
        QFETCH(QStringList, expected);
        const QStringList got = readAll(format, content, map);
        QCOMPARE(got, expected);
        // The one error format of log_reader.h, whatever the reader.
        static const QRegularExpression form(
            QStringLiteral("^E:F:\\d+: field '[^']+': .+, got '.*'$"));
        for (const QString& line : got)
            if (line.startsWith(QLatin1String("E:")))
                QVERIFY2(form.match(line).hasMatch(), qPrintable(line));
    }

    void emptyFiles_data() {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("map");
        const QByteArray blank("\n\r\n  \n");
        const std::pair<const char*, Format> formats[] = {{"movielens", Format::MovieLens},
                                                          {"retailrocket", Format::RetailRocket},
                                                          {"yoochoose", Format::Yoochoose},
                                                          {"csv", Format::Csv}};
        for (const auto& [name, format] : formats) {
            const QString map =
                format == Format::Csv ? QStringLiteral("user=a,item=b,time=c") : QString();
            QTest::addRow("%s zero bytes", name) << format << QByteArray() << map;
            QTest::addRow("%s blank lines", name) << format << blank << map;
        }
        QTest::newRow("ratings.csv header only")
            << Format::MovieLens << QByteArray("userId,movieId,rating,timestamp\n") << QString();
        QTest::newRow("events.csv header only, no newline")
            << Format::RetailRocket << QByteArray("timestamp,visitorid,event,itemid,transactionid")
            << QString();
        QTest::newRow("csv header only")
            << Format::Csv << QByteArray("a,b,c\r\n\r\n") << "user=a,item=b,time=c";
    }
    void emptyFiles() {
        QFETCH(Format, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, map);
        QCOMPARE(readAll(format, content, map), QStringList{});
    }

    void openErrors_data() {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("expected");
        QTest::newRow("movielens unknown first line")
            << Format::MovieLens << QByteArray("1,2,3,4\n") << QString()
            << "OPEN:F:1: field 'header': expected u.data records (user TAB item TAB rating TAB "
               "timestamp) or the ratings.csv header userId,movieId,rating,timestamp, got "
               "'1,2,3,4'";
        QTest::newRow("retailrocket without its header")
            << Format::RetailRocket << QByteArray("\n1433221332117,257597,view,355908,\n")
            << QString()
            << "OPEN:F:2: field 'header': expected the RetailRocket header "
               "timestamp,visitorid,event,itemid,transactionid, got "
               "'1433221332117,257597,view,355908,'";
        QTest::newRow("csv mapped column missing")
            << Format::Csv << QByteArray("user,item,time\n") << "user=uid"
            << "OPEN:F:1: field 'uid': expected a header column for role user; the "
               "comma-separated header has user, item, time, got 'user,item,time'";
        QTest::newRow("csv required role missing")
            << Format::Csv << QByteArray("a;b;c\n") << "user=a,item=b"
            << "OPEN:F:1: field 'time': expected a header column for role time (map one with "
               "time=COLUMN); the semicolon-separated header has a, b, c, got 'a;b;c'";
        QTest::newRow("csv optional role mapped but missing")
            << Format::Csv << QByteArray("a,b,c\n") << "user=a,item=b,time=c,event=kind"
            << "OPEN:F:1: field 'kind': expected a header column for role event; the "
               "comma-separated header has a, b, c, got 'a,b,c'";
        QTest::newRow("csv ambiguous column")
            << Format::Csv << QByteArray("User,USER,item,time\n") << "user=user"
            << "OPEN:F:1: field 'user': expected one column of that name for role user, but "
               "several differ only in case, got 'User,USER,item,time'";
        QTest::newRow("map on a fixed format")
            << Format::MovieLens << QByteArray("1\t2\t3\t4\n") << "user=a"
            << "OPEN:F: a column map applies only to the csv format; the other formats have "
               "fixed columns";
    }
    void openErrors() {
        QFETCH(Format, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, map);
        QFETCH(QString, expected);
        QCOMPARE(readAll(format, content, map), QStringList{expected});
    }

    void missingFileAndBadRole() {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-file.csv"));
        const auto opened = sim::LogReader::open(missing, Format::Csv, {});
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error())
                     .startsWith(missing + QStringLiteral(": cannot open")),
                 opened.error().c_str());
        // A map built by hand (not by parseMap) is checked too.
        const auto badRole = sim::LogReader::open(
            write("a,b,c\n"), Format::Csv, {{QStringLiteral("colour"), QStringLiteral("a")}});
        QVERIFY(!badRole.ok());
        QCOMPARE(badRole.error(), std::string("unknown role 'colour' in the column map: expected "
                                              "user, item, time, event or value"));
    }

    void overlongLineIsSkipped() {
        QByteArray content("1\t2\t3\t4\n");
        content += QByteArray(3 << 20, 'x') + "\n5\t6\t7\t8\n";
        const QStringList got = readAll(Format::MovieLens, content, QString());
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.at(0), QStringLiteral("1|2|4.000|view|3@1"));
        QVERIFY2(got.at(1).startsWith(QStringLiteral("E:F:2: field 'line': expected a line of at "
                                                     "most 1048576 bytes, got 'xxx")),
                 qPrintable(got.at(1).left(200)));
        QVERIFY(got.at(1).endsWith(QStringLiteral("...'")));
        QCOMPARE(got.at(2), QStringLiteral("5|6|8.000|view|7@3"));
    }

    // A 50 MB events.csv streams: every record arrives, progress moves forward to the file
    // size, and the process's resident memory grows by far less than the file.
    void largeFileStreamsWithFlatMemory() {
        const QString path = m_dir.filePath(QStringLiteral("big.csv"));
        qint64 lines = 0;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("timestamp,visitorid,event,itemid,transactionid\n");
            QByteArray chunk;
            while (file.size() + chunk.size() < 50LL << 20) {
                chunk += QByteArray::number(1433221332117LL + lines) + ',' +
                         QByteArray::number(lines % 99991) + ",view," +
                         QByteArray::number(lines % 7919) + ",\n";
                ++lines;
                if (chunk.size() > (1 << 20)) {
                    QCOMPARE(file.write(chunk), chunk.size());
                    chunk.clear();
                }
            }
            QCOMPARE(file.write(chunk), chunk.size());
        }
        auto opened = sim::LogReader::open(path, Format::RetailRocket);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().c_str());
        sim::LogReader& reader = *opened.value();
        QVERIFY(reader.fileSize() >= 50LL << 20);

        const qint64 rssBefore = residentKiB();
        qint64 rssMax = rssBefore, records = 0, lastBytes = reader.bytesRead();
        sim::LogRecord record;
        for (;;) {
            const auto more = reader.next(record);
            QVERIFY2(more.ok(), more.ok() ? "" : more.error().c_str());
            if (!more.value())
                break;
            ++records;
            if (records % 100000 == 0) {
                QVERIFY(reader.bytesRead() > lastBytes);
                lastBytes = reader.bytesRead();
                rssMax = std::max(rssMax, residentKiB());
            }
        }
        QCOMPARE(records, lines);
        QCOMPARE(record.line, lines + 1);
        QCOMPARE(reader.bytesRead(), reader.fileSize());
        if (rssBefore < 0)
            QSKIP("no /proc/self/status here: records and progress checked, memory not");
        // The reader owns one 1 MiB line buffer and QFile's 16 KiB; 16 MiB leaves room for
        // the allocator and still catches anything that keeps lines.
        QVERIFY2(
            rssMax - rssBefore < 16 * 1024,
            qPrintable(QStringLiteral("resident memory grew by %1 KiB").arg(rssMax - rssBefore)));
    }

private:
    static qint64 residentKiB() {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine())
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        return -1;
    }
};

QTEST_GUILESS_MAIN(TestLogReader)
#include "tst_log_reader.moc"
