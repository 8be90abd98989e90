// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The user's shifts in a whole session against an in-process rota-sim over real HTTP, as the
// window wires them: the calendar file is written only while the preference asks for it, with the
// shifts the session read from the simulator, and goes on being rewritten when they change; the
// reminders take their lead time from the preferences (0: none due).
#include "icalendar.h"
#include "mainwindow.h"
#include "oncallmodel.h"
#include "settings.h"
#include "shiftreminder.h"
#include "simfixture.h"
#include "workspace.h"
#include "workspaceparts.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;
using rota::test::WorkspaceParts;

class TestWorkspaceShifts : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;

    void setPreferences(int reminderMinutes, bool calendar)
    {
        Preferences p = m_parts.settings->preferences();
        p.shiftReminderMinutes = reminderMinutes;
        p.shiftCalendar = calendar;
        QString error;
        QVERIFY2(m_parts.settings->setPreferences(p, &error), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The calendar file goes under the app data location: a test one, emptied first.
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(ShiftCalendarFile::defaultPath());
    }

    void init()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_parts.build();
    }

    void cleanup()
    {
        m_parts.close();
        QFile::remove(ShiftCalendarFile::defaultPath());
    }

    void calendarFileFollowsThePreference()
    {
        ShiftCalendarFile* calendar = m_parts.workspace->shiftCalendar();
        QVERIFY(calendar);
        QVERIFY(!calendar->isEnabled()); // off by default
        QCOMPARE(m_parts.workspace->shiftReminder()->leadMinutes(),
            Preferences::DefaultShiftReminderMinutes);
        m_parts.workspace->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->onCall()->myShiftsKnown(), 10000);
        const QList<MyShift> shifts = m_parts.workspace->onCall()->myShifts();
        QVERIFY(!shifts.isEmpty());
        QVERIFY(!QFile::exists(calendar->path()));

        QSignalSpy written(calendar, &ShiftCalendarFile::written);
        setPreferences(0, true);
        QVERIFY(calendar->isEnabled());
        QCOMPARE(written.count(), 1);
        QVERIFY2(calendar->error().isEmpty(), qPrintable(calendar->error()));
        QFile file(calendar->path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        file.close();
        QCOMPARE(int(data.count("BEGIN:VEVENT")), int(shifts.size()));
        const QByteArray start = "DTSTART:" + ical::utcStamp(shifts.first().start);
        QVERIFY(data.contains(start));
        // No reminders when the lead time is 0.
        QCOMPARE(m_parts.workspace->shiftReminder()->leadMinutes(), 0);
        QVERIFY(!m_parts.workspace->shiftReminder()->nextDue().isValid());

        // Changed shifts (here: one fewer) rewrite it at once.
        m_parts.workspace->onCall()->setMyShifts(shifts.mid(1));
        QCOMPARE(written.count(), 2);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(int(file.readAll().count("BEGIN:VEVENT")), int(shifts.size()) - 1);
        file.close();

        // Off again: the shifts change, the file stays as it was.
        setPreferences(15, false);
        m_parts.workspace->onCall()->setMyShifts(shifts);
        QCOMPARE(written.count(), 2);
        QCOMPARE(m_parts.workspace->shiftReminder()->leadMinutes(), 15);
    }
};

QTEST_MAIN(TestWorkspaceShifts)
#include "tst_workspaceshifts.moc"
