// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A burst of 200 user-triggered calls against rota-sim with its documented limits enforced: the
// scheduler must spend the budgets so that no call is throttled and every call completes.
#include "apiclient.h"
#include "calls.h"
#include "simfixture.h"
#include "simservice.h"

#include <QTest>

using namespace rota;
using namespace rota::test;

class TestApiBurst : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void burstEndsWithNoThrottledAnswer()
    {
        SimFixture fixture; // documented limits enforced, 403 when over
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        const QString user = fixture.demoUser();
        QVERIFY(!user.isEmpty());

        // 200 calls: 30 of the paging-policy read (limit 20/min, so a third of them must wait for
        // the next minute) and the rest spread over operations allowed 60 a minute.
        QList<ApiReply*> replies;
        for (int i = 0; i < 30; ++i) {
            ApiRequest request = calls::request(ops::getPagingPolicy, { user });
            // Distinct queries so coalescing cannot hide calls from the budget.
            request.query.addQueryItem(QStringLiteral("p"), QString::number(i));
            replies.append(fixture.client->send(request));
        }
        const struct {
            const Operation& operation;
            QStringList segments;
        } others[] = {
            { ops::listUsers, {} },
            { ops::listTeams, {} },
            { ops::getUser, { user } },
            { ops::listUserTeams, { user } },
        };
        for (int i = 0; replies.size() < 200; ++i) {
            const auto& op = others[i % 4];
            ApiRequest request = calls::request(op.operation, op.segments);
            request.query.addQueryItem(QStringLiteral("n"), QString::number(i));
            replies.append(fixture.client->send(request));
        }
        QCOMPARE(replies.size(), 200);

        QElapsedTimer elapsed;
        elapsed.start();
        int done = 0;
        int failed = 0;
        QString firstError;
        for (ApiReply* reply : std::as_const(replies)) {
            connect(reply, &ApiReply::finished, this, [&, reply] {
                ++done;
                if (!reply->ok()) {
                    ++failed;
                    if (firstError.isEmpty())
                        firstError = reply->error().text();
                }
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(done == 200, 200000);
        QVERIFY2(failed == 0, qPrintable(firstError));
        QCOMPARE(fixture.server->service().throttledAnswers(), quint64(0));
        // The budget really was the constraint: the last policy reads had to wait a minute.
        QVERIFY(elapsed.elapsed() >= 60000);
    }
};

QTEST_GUILESS_MAIN(TestApiBurst)
#include "tst_apiburst.moc"
