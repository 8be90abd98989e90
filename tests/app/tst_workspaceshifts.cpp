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

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

class TestWorkspaceShifts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;

    void setPreferences(int reminderMinutes, bool calendar)
    {
        Preferences p = m_settings->preferences();
        p.shiftReminderMinutes = reminderMinutes;
        p.shiftCalendar = calendar;
        QString error;
        QVERIFY2(m_settings->setPreferences(p, &error), qPrintable(error));
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
        QVERIFY(m_dir.isValid());
        m_qsettings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_window = std::make_unique<MainWindow>();
        m_workspace = std::make_unique<Workspace>(
            m_fixture->client.get(), m_settings.get(), m_window.get());
    }

    void cleanup()
    {
        m_workspace.reset();
        m_window.reset();
        m_fixture.reset();
        m_settings.reset();
        m_qsettings.reset();
        QFile::remove(ShiftCalendarFile::defaultPath());
    }

    void calendarFileFollowsThePreference()
    {
        ShiftCalendarFile* calendar = m_workspace->shiftCalendar();
        QVERIFY(calendar);
        QVERIFY(!calendar->isEnabled()); // off by default
        QCOMPARE(
            m_workspace->shiftReminder()->leadMinutes(), Preferences::DefaultShiftReminderMinutes);
        m_workspace->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->onCall()->myShiftsKnown(), 10000);
        const QList<MyShift> shifts = m_workspace->onCall()->myShifts();
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
        QCOMPARE(m_workspace->shiftReminder()->leadMinutes(), 0);
        QVERIFY(!m_workspace->shiftReminder()->nextDue().isValid());

        // Changed shifts (here: one fewer) rewrite it at once.
        m_workspace->onCall()->setMyShifts(shifts.mid(1));
        QCOMPARE(written.count(), 2);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(int(file.readAll().count("BEGIN:VEVENT")), int(shifts.size()) - 1);
        file.close();

        // Off again: the shifts change, the file stays as it was.
        setPreferences(15, false);
        m_workspace->onCall()->setMyShifts(shifts);
        QCOMPARE(written.count(), 2);
        QCOMPARE(m_workspace->shiftReminder()->leadMinutes(), 15);
    }
};

QTEST_MAIN(TestWorkspaceShifts)
#include "tst_workspaceshifts.moc"
