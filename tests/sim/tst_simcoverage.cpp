// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Every operation of the vendor's endpoint lists (the 2020 definition's and the newer one's) is
// served by rota-sim's router, under exactly the documented path and with the documented rate
// limit, and the router serves nothing else.

#include "simservice.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <memory>

using namespace rota::sim;

namespace {

struct Operation {
    QByteArray method;
    QString path;
    int limitPerMinute = 0; //!< 0 where endpoints.tsv states none
};

QString specDir() { return QString::fromUtf8(ROTA_SPEC_DIR); }

QString endpointsFile() { return specDir() + QStringLiteral("/endpoints.tsv"); }
QString newerEndpointsFile() { return specDir() + QStringLiteral("/endpoints-newer.tsv"); }

//! The rows of one endpoint list, or an empty list and *error.
QList<Operation> readEndpoints(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.errorString();
        return {};
    }
    QList<Operation> out;
    bool header = true;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNumber;
        if (header) {
            header = false;
            continue;
        }
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() < 4) {
            *error = QStringLiteral("line %1 has %2 fields").arg(lineNumber).arg(fields.size());
            return {};
        }
        Operation op;
        op.method = fields.at(0).trimmed().toLatin1();
        op.path = fields.at(1).trimmed();
        const QString limit = fields.at(3).trimmed();
        if (!limit.isEmpty()) {
            bool ok = false;
            op.limitPerMinute = limit.toInt(&ok);
            if (!ok) {
                *error = QStringLiteral("line %1: limit '%2' is not a number")
                             .arg(lineNumber)
                             .arg(limit);
                return {};
            }
        }
        out.append(op);
    }
    if (out.isEmpty())
        *error = QStringLiteral("no operations in the file");
    return out;
}

//! The pattern with its {placeholders} filled with sample values of the kind the API takes. The
//! values never equal a literal segment, so a route can only match through its placeholders.
QString concretePath(const QString& pattern)
{
    QStringList segments = pattern.split(QLatin1Char('/'));
    for (QString& segment : segments) {
        if (!segment.startsWith(QLatin1Char('{')) || !segment.endsWith(QLatin1Char('}')))
            continue;
        const QString name = segment.mid(1, segment.size() - 2);
        if (name == QLatin1String("incidentNumber"))
            segment = QStringLiteral("4711");
        else if (name == QLatin1String("step"))
            segment = QStringLiteral("0");
        else if (name == QLatin1String("rule"))
            segment = QStringLiteral("1");
        else if (name == QLatin1String("uuid") || name == QLatin1String("publicId"))
            segment = QStringLiteral("0b6e3b1c-52a4-4c1e-9f3a-2d6c7e8f9a01");
        else
            segment = QStringLiteral("sample-") + name.toLower();
    }
    return segments.join(QLatin1Char('/'));
}

QString describe(const QByteArray& method, const QString& path)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + path;
}

} // namespace

class TestSimCoverage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void operationIsServed_data();
    void operationIsServed();
    void everyOperationIsServed();
    void noUndocumentedRoutes();
    void noRouteRegisteredTwice();

private:
    QList<Operation> m_operations;
    std::unique_ptr<SimService> m_service;
};

void TestSimCoverage::initTestCase()
{
    if (!QFile::exists(endpointsFile()))
        QSKIP(
            qPrintable(QStringLiteral("the vendor definition is absent (%1); set ROTA_SPEC_DIR to "
                                      "the folder with endpoints.tsv")
                           .arg(endpointsFile())));
    for (const QString& path : { endpointsFile(), newerEndpointsFile() }) {
        QString error;
        m_operations += readEndpoints(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    }
    QCOMPARE(m_operations.size(), 84 + 14);
    // Only the routes matter here: no org is seeded and nothing listens.
    m_service = std::make_unique<SimService>(SimOptions {});
}

void TestSimCoverage::operationIsServed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("limit");
    for (const Operation& op : std::as_const(m_operations))
        QTest::newRow(describe(op.method, op.path).toUtf8().constData())
            << op.method << op.path << op.limitPerMinute;
}

void TestSimCoverage::operationIsServed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, pattern);
    QFETCH(int, limit);

    const QString path = concretePath(pattern);
    const SimRouter::Match match = m_service->router().match(method, path);
    QVERIFY2(match.route,
        qPrintable(
            QStringLiteral("no route answers %1 (tried %2)").arg(describe(method, pattern), path)));
    QCOMPARE(match.route->method, method);
    QCOMPARE(match.route->pattern, pattern);
    QVERIFY2(match.route->handler, "the route has no handler");
    QCOMPARE(match.route->limitPerMinute, limit);
}

// The data-driven test above fails row by row; this one gives the whole to-do list in one message.
void TestSimCoverage::everyOperationIsServed()
{
    QStringList missing;
    QStringList wrongLimit;
    for (const Operation& op : std::as_const(m_operations)) {
        const SimRouter::Match match = m_service->router().match(op.method, concretePath(op.path));
        if (!match.route || match.route->pattern != op.path)
            missing.append(describe(op.method, op.path));
        else if (match.route->limitPerMinute != op.limitPerMinute)
            wrongLimit.append(QStringLiteral("%1 (has %2, documented %3)")
                                  .arg(describe(op.method, op.path))
                                  .arg(match.route->limitPerMinute)
                                  .arg(op.limitPerMinute));
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 operations are not served:\n  ")
                       .arg(missing.size())
                       .arg(m_operations.size())
            + missing.join(QStringLiteral("\n  "))));
    QVERIFY2(wrongLimit.isEmpty(),
        qPrintable(QStringLiteral("operations with a rate limit other than the documented one:\n  ")
            + wrongLimit.join(QStringLiteral("\n  "))));
}

void TestSimCoverage::noUndocumentedRoutes()
{
    QSet<QString> documented;
    for (const Operation& op : std::as_const(m_operations))
        documented.insert(describe(op.method, op.path));
    QStringList extra;
    for (const SimRoute& route : m_service->router().routes()) {
        if (!documented.contains(describe(route.method, route.pattern)))
            extra.append(describe(route.method, route.pattern));
    }
    QVERIFY2(extra.isEmpty(),
        qPrintable(QStringLiteral("routes that are not operations of the endpoint lists:\n  ")
            + extra.join(QStringLiteral("\n  "))));
}

// A second registration would never be reached (the first match wins) and hides a mistake.
void TestSimCoverage::noRouteRegisteredTwice()
{
    QSet<QString> seen;
    QStringList twice;
    for (const SimRoute& route : m_service->router().routes()) {
        const QString key = describe(route.method, route.pattern);
        if (seen.contains(key))
            twice.append(key);
        seen.insert(key);
    }
    QVERIFY2(twice.isEmpty(),
        qPrintable(
            QStringLiteral("registered more than once:\n  ") + twice.join(QStringLiteral("\n  "))));
}

QTEST_GUILESS_MAIN(TestSimCoverage)
#include "tst_simcoverage.moc"
