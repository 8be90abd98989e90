// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The settings dialog and the Settings store behind it: the refresh bounds, values persisted to a
// (temporary) QSettings file, invalid input explained inline with nothing saved, the XDG autostart
// entry written and removed under a temporary XDG_CONFIG_HOME, and the proxy applied.
#include "accountstore.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

#include <algorithm>
#include <memory>

using namespace rota;

namespace {

//! Clicks where a user would: on the box and its label, not in the empty width a layout gives a
//! check box or radio button.
void click(QAbstractButton* button)
{
    QStyleOptionButton option;
    option.initFrom(button);
    option.text = button->text();
    const bool radio = qobject_cast<QRadioButton*>(button) != nullptr;
    const QRect area = button->style()->subElementRect(
        radio ? QStyle::SE_RadioButtonClickRect : QStyle::SE_CheckBoxClickRect, &option, button);
    QTest::mouseClick(button, Qt::LeftButton, {}, area.center());
}

struct Bench {
    Bench()
        : settings(dir.filePath(QStringLiteral("rota.ini")), QSettings::IniFormat)
        , store(&settings)
    {
    }

    SettingsDialog& dialog()
    {
        m_dialog = std::make_unique<SettingsDialog>(&store);
        m_dialog->show();
        return *m_dialog;
    }

    template <typename T> T* child(const char* name) const
    {
        return m_dialog->findChild<T*>(QLatin1String(name));
    }
    QPushButton* button(QDialogButtonBox::StandardButton which) const
    {
        return m_dialog->findChild<QDialogButtonBox*>()->button(which);
    }
    QString error() const { return child<QLabel>("errorLabel")->text(); }
    bool errorShown() const { return child<QLabel>("errorLabel")->isVisible(); }

    void typeProxy(const QString& text)
    {
        auto* edit = child<QLineEdit>("proxyEdit");
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    //! What another process would read from the file.
    QVariant stored(const QString& key)
    {
        settings.sync();
        const QSettings other(settings.fileName(), QSettings::IniFormat);
        return other.value(QStringLiteral("preferences/") + key);
    }

    QTemporaryDir dir;
    QSettings settings;
    Settings store;
    std::unique_ptr<SettingsDialog> m_dialog;
};

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        // Everything this test writes under "the user's config" lands in a temporary folder.
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCOMPARE(
            Settings::autostartPath(), m_config.filePath(QStringLiteral("autostart/rota.desktop")));
    }

    void refreshIntervalIsBounded()
    {
        Bench bench;
        SettingsDialog& dialog = bench.dialog();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* refresh = bench.child<QSpinBox>("refreshSpin");
        QCOMPARE(refresh->minimum(), 15);
        QCOMPARE(refresh->maximum(), 600);
        QCOMPARE(refresh->value(), 60);

        // Typed out of range: the spin box does not take it.
        refresh->setFocus();
        refresh->selectAll();
        QTest::keyClicks(refresh, QStringLiteral("5"));
        QTest::keyClick(refresh, Qt::Key_Tab);
        QVERIFY(refresh->value() >= 15);
        refresh->setValue(3);
        QCOMPARE(refresh->value(), 15);
        refresh->setValue(100000);
        QCOMPARE(refresh->value(), 600);

        // The explanation of the bound is on screen.
        const QList<QLabel*> labels = dialog.findChildren<QLabel*>();
        const bool explained = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* label) {
            return label->text().contains(QStringLiteral("documented limits"))
                && label->text().contains(QStringLiteral("15 seconds to 10 minutes"));
        });
        QVERIFY(explained);

        // The store refuses what the dialog cannot produce, and clamps a hand-edited file.
        Preferences tooFast;
        tooFast.refreshSeconds = 5;
        QString error;
        QVERIFY(!bench.store.setPreferences(tooFast, &error));
        QVERIFY2(
            error.contains(QStringLiteral("between 15 seconds and 10 minutes")), qPrintable(error));
        QVERIFY(!bench.stored(QStringLiteral("refreshSeconds")).isValid());
        bench.settings.setValue(QStringLiteral("preferences/refreshSeconds"), 3);
        QCOMPARE(bench.store.preferences().refreshSeconds, 15);
        bench.settings.setValue(QStringLiteral("preferences/refreshSeconds"), 100000);
        QCOMPARE(bench.store.preferences().refreshSeconds, 600);
        bench.settings.setValue(
            QStringLiteral("preferences/refreshSeconds"), QStringLiteral("soon"));
        QCOMPARE(bench.store.preferences().refreshSeconds, 60);
    }

    void valuesArePersisted()
    {
        Bench bench;
        SettingsDialog& dialog = bench.dialog();
        QSignalSpy changed(&bench.store, &Settings::changed);
        bench.child<QSpinBox>("refreshSpin")->setValue(120);
        auto* notify = bench.child<QComboBox>("notifyCombo");
        notify->setCurrentIndex(notify->findData(int(Preferences::Notify::MyTeams)));
        click(bench.child<QCheckBox>("quietCheck"));
        bench.child<QTimeEdit>("quietFromEdit")->setTime(QTime(23, 30));
        bench.child<QTimeEdit>("quietToEdit")->setTime(QTime(6, 45));
        auto* sound = bench.child<QComboBox>("soundCombo");
        sound->setCurrentIndex(sound->findData(int(Preferences::Sound::Once)));
        bench.child<QSpinBox>("urgentRefreshSpin")->setValue(20);
        bench.child<QSpinBox>("repeatSpin")->setValue(5);
        click(bench.child<QCheckBox>("startMinimisedCheck"));
        click(bench.child<QRadioButton>("proxyManualRadio"));
        bench.typeProxy(QStringLiteral("proxy.example.com:3128"));
        auto* log = bench.child<QComboBox>("logLevelCombo");
        log->setCurrentIndex(log->findData(int(Preferences::LogLevel::Debug)));
        QVERIFY2(!bench.errorShown(), qPrintable(bench.error()));

        QTest::mouseClick(bench.button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(changed.count(), 1);

        QCOMPARE(bench.stored(QStringLiteral("refreshSeconds")).toInt(), 120);
        QCOMPARE(bench.stored(QStringLiteral("notify")).toString(), QStringLiteral("my-teams"));
        QCOMPARE(bench.stored(QStringLiteral("quietHours")).toBool(), true);
        QCOMPARE(bench.stored(QStringLiteral("quietFrom")).toString(), QStringLiteral("23:30"));
        QCOMPARE(bench.stored(QStringLiteral("quietTo")).toString(), QStringLiteral("06:45"));
        QCOMPARE(bench.stored(QStringLiteral("sound")).toString(), QStringLiteral("once"));
        QCOMPARE(bench.stored(QStringLiteral("urgentRefreshSeconds")).toInt(), 20);
        QCOMPARE(bench.stored(QStringLiteral("repeatMinutes")).toInt(), 5);
        QCOMPARE(bench.stored(QStringLiteral("startMinimised")).toBool(), true);
        QCOMPARE(bench.stored(QStringLiteral("proxy")).toString(), QStringLiteral("manual"));
        QCOMPARE(bench.stored(QStringLiteral("proxyHost")).toString(),
            QStringLiteral("proxy.example.com"));
        QCOMPARE(bench.stored(QStringLiteral("proxyPort")).toInt(), 3128);
        QCOMPARE(bench.stored(QStringLiteral("logLevel")).toString(), QStringLiteral("debug"));

        // A fresh store over the same file reads the same, and a new dialog shows it.
        QSettings again(bench.settings.fileName(), QSettings::IniFormat);
        const Preferences read = Settings(&again).preferences();
        QCOMPARE(read.refreshSeconds, 120);
        QCOMPARE(read.notify, Preferences::Notify::MyTeams);
        QVERIFY(read.isQuiet(QTime(2, 0)));
        QVERIFY(!read.isQuiet(QTime(12, 0)));
        QCOMPARE(read.proxy, Preferences::Proxy::Manual);
        QCOMPARE(read.sound, Preferences::Sound::Once);
        QCOMPARE(read.urgentRefreshSeconds, 20);
        QCOMPARE(read.repeatMinutes, 5);
        SettingsDialog& reopened = bench.dialog();
        QCOMPARE(bench.child<QSpinBox>("refreshSpin")->value(), 120);
        QCOMPARE(
            bench.child<QLineEdit>("proxyEdit")->text(), QStringLiteral("proxy.example.com:3128"));
        QVERIFY(bench.child<QRadioButton>("proxyManualRadio")->isChecked());
        QVERIFY(!bench.button(QDialogButtonBox::Apply)->isEnabled()); // nothing to apply yet
        QCOMPARE(reopened.formPreferences(), read);
    }

    // My shifts: a reminder ahead (15 min by default, Never at 0) and the calendar file, off by
    // default, with its path to copy.
    void shiftPreferences()
    {
        Bench bench;
        SettingsDialog& dialog = bench.dialog();
        auto* reminder = bench.child<QSpinBox>("shiftReminderSpin");
        auto* calendar = bench.child<QCheckBox>("shiftCalendarCheck");
        auto* path = bench.child<QLineEdit>("shiftCalendarPathEdit");
        QCOMPARE(reminder->value(), 15);
        QVERIFY(!calendar->isChecked());
        QVERIFY(path->text().endsWith(QStringLiteral("my-shifts.ics")));
        QVERIFY(!path->isEnabled());
        reminder->setValue(0);
        QCOMPARE(reminder->text(), QStringLiteral("Never"));
        click(calendar);
        QVERIFY(path->isEnabled());
        QTest::mouseClick(bench.child<QPushButton>("copyCalendarPathButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), path->text());
        QTest::mouseClick(bench.button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(bench.stored(QStringLiteral("shiftReminderMinutes")).toInt(), 0);
        QCOMPARE(bench.stored(QStringLiteral("shiftCalendar")).toBool(), true);
        const Preferences read = bench.store.preferences();
        QCOMPARE(read.shiftReminderMinutes, 0);
        QVERIFY(read.shiftCalendar);
        Preferences tooEarly = read;
        tooEarly.shiftReminderMinutes = Preferences::MaxShiftReminderMinutes + 1;
        QVERIFY(!tooEarly.validate().isEmpty());
    }

    void cancelSavesNothing()
    {
        Bench bench;
        SettingsDialog& dialog = bench.dialog();
        bench.child<QSpinBox>("refreshSpin")->setValue(300);
        QTest::mouseClick(bench.button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!bench.stored(QStringLiteral("refreshSeconds")).isValid());
        QCOMPARE(bench.store.preferences().refreshSeconds, 60);
    }

    void soundOfEarlierVersionsIsRead()
    {
        Bench bench;
        bench.settings.setValue(QStringLiteral("preferences/sound"), false);
        QCOMPARE(bench.store.preferences().sound, Preferences::Sound::Off);
        bench.settings.setValue(QStringLiteral("preferences/sound"), true);
        QCOMPARE(bench.store.preferences().sound, Preferences::Sound::UntilAcknowledgedOnCall);
        bench.settings.setValue(QStringLiteral("preferences/sound"), QStringLiteral("loud"));
        QCOMPARE(bench.store.preferences().sound, Preferences::Sound::UntilAcknowledgedOnCall);
        bench.settings.setValue(QStringLiteral("preferences/repeatMinutes"), 0);
        QCOMPARE(bench.store.preferences().repeatMinutes, 1);
        bench.settings.setValue(QStringLiteral("preferences/urgentRefreshSeconds"), 1);
        QCOMPARE(bench.store.preferences().urgentRefreshSeconds, 15);
    }

    void quietHoursSayWhatTheyNeverSilence()
    {
        Bench bench;
        const SettingsDialog& dialog = bench.dialog();
        bool said = false;
        for (const QLabel* label : dialog.findChildren<QLabel*>())
            said = said || label->text().contains(QStringLiteral("never silence"));
        QVERIFY2(said, "the settings should say what quiet hours never silence");
    }

    void invalidInputIsExplainedAndNotSaved()
    {
        Bench bench;
        SettingsDialog& dialog = bench.dialog();
        QVERIFY(!bench.errorShown());
        QVERIFY(!bench.child<QLineEdit>("proxyEdit")->isEnabled());

        click(bench.child<QRadioButton>("proxyManualRadio"));
        QVERIFY(bench.child<QLineEdit>("proxyEdit")->isEnabled());
        QVERIFY(bench.errorShown());
        QVERIFY2(bench.error().contains(QStringLiteral("host:port")), qPrintable(bench.error()));
        QVERIFY(!bench.button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!bench.button(QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(!dialog.apply());
        dialog.accept(); // as if Enter got through: still refused
        QVERIFY(dialog.isVisible());
        QVERIFY(!bench.stored(QStringLiteral("proxy")).isValid());

        bench.typeProxy(QStringLiteral("proxy.example.com"));
        QVERIFY2(bench.error().contains(QStringLiteral("port must be a number from 1 to 65535")),
            qPrintable(bench.error()));
        bench.typeProxy(QStringLiteral("proxy.example.com:99999"));
        QVERIFY(bench.errorShown());
        QVERIFY(!bench.button(QDialogButtonBox::Ok)->isEnabled());
        bench.typeProxy(QStringLiteral("bad host:80"));
        QVERIFY(bench.errorShown());

        // Quiet hours that start when they end are no quiet hours.
        bench.typeProxy(QStringLiteral("[::1]:8080"));
        QVERIFY2(!bench.errorShown(), qPrintable(bench.error()));
        click(bench.child<QCheckBox>("quietCheck"));
        bench.child<QTimeEdit>("quietFromEdit")->setTime(QTime(8, 0));
        bench.child<QTimeEdit>("quietToEdit")->setTime(QTime(8, 0));
        QVERIFY2(
            bench.error().contains(QStringLiteral("different times")), qPrintable(bench.error()));
        QVERIFY(!bench.button(QDialogButtonBox::Apply)->isEnabled());
        bench.child<QTimeEdit>("quietToEdit")->setTime(QTime(9, 0));
        QVERIFY(!bench.errorShown());

        QVERIFY(bench.button(QDialogButtonBox::Apply)->isEnabled());
        QTest::mouseClick(bench.button(QDialogButtonBox::Apply), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // Apply keeps the dialog open
        QCOMPARE(bench.stored(QStringLiteral("proxyHost")).toString(), QStringLiteral("::1"));
        QCOMPARE(bench.stored(QStringLiteral("proxyPort")).toInt(), 8080);
        QVERIFY(!bench.button(QDialogButtonBox::Apply)->isEnabled());
    }

    void startOnLoginWritesAndRemovesTheAutostartEntry()
    {
        const QString path = m_config.filePath(QStringLiteral("autostart/rota.desktop"));
        QVERIFY(!QFileInfo::exists(path));
        Bench bench;
        bench.dialog();
        auto* login = bench.child<QCheckBox>("startOnLoginCheck");
        QVERIFY(!login->isChecked());
        click(login);
        QVERIFY(!QFileInfo::exists(path)); // not before Apply
        QTest::mouseClick(bench.button(QDialogButtonBox::Apply), Qt::LeftButton);
        QVERIFY(QFileInfo::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray entry = file.readAll();
        QVERIFY(entry.startsWith("[Desktop Entry]\n"));
        QVERIFY(entry.contains("\nType=Application\n"));
        QVERIFY(entry.contains("\nExec="));
        QVERIFY(entry.contains("\nName=Rota\n"));
        QVERIFY(bench.store.preferences().startOnLogin);

        // A new dialog shows what is on disk; unchecking removes the file.
        bench.dialog();
        login = bench.child<QCheckBox>("startOnLoginCheck");
        QVERIFY(login->isChecked());
        click(login);
        QTest::mouseClick(bench.button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!bench.store.preferences().startOnLogin);
    }

    void proxyIsApplied()
    {
        const QNetworkProxyQuery query(QUrl(QStringLiteral("https://api.victorops.com/")));
        Preferences manual;
        manual.proxy = Preferences::Proxy::Manual;
        manual.proxyHost = QStringLiteral("proxy.example.com");
        manual.proxyPort = 3128;
        Settings::applyProxy(manual);
        QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(query);
        QVERIFY(!proxies.isEmpty());
        QCOMPARE(proxies.constFirst().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxies.constFirst().hostName(), QStringLiteral("proxy.example.com"));
        QCOMPARE(proxies.constFirst().port(), quint16(3128));

        Settings::applyProxy(Preferences {});
        proxies = QNetworkProxyFactory::proxyForQuery(query);
        QVERIFY(proxies.isEmpty()
            || proxies.constFirst().hostName() != QStringLiteral("proxy.example.com"));
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::NoProxy);
    }

    //! The account's part: its extra certificate authority is shown, a file that cannot be used
    //! is explained with OK disabled, and a PEM file is saved with the account.
    void accountCertificateAuthority()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is needed to make a certificate");
        Bench bench;
        const QString pem = bench.dir.filePath(QStringLiteral("proxy-ca.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Rota test CA"),
                QStringLiteral("-keyout"), bench.dir.filePath(QStringLiteral("key.pem")),
                QStringLiteral("-out"), pem });
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        AccountStore accounts(&bench.settings);
        Account account;
        account.name = QStringLiteral("Northwind");
        account.apiId = QStringLiteral("nw-id");
        account.username = QStringLiteral("ada");
        QString error;
        const std::optional<Account> saved = accounts.save(account, &error);
        QVERIFY2(saved, qPrintable(error));

        SettingsDialog& dialog = bench.dialog();
        QVERIFY(!bench.child<QGroupBox>("accountBox")->isVisible());
        dialog.showAccount(&accounts, saved->id);
        QVERIFY(bench.child<QGroupBox>("accountBox")->isVisible());
        QVERIFY(
            bench.child<QLabel>("accountNameLabel")->text().contains(QLatin1String("Northwind")));
        auto* edit = bench.child<QLineEdit>("caFileEdit");
        bool labelled = false; // the label is the edit's buddy, so no '&' shows
        for (const QLabel* label : edit->window()->findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("certificate authority:")))
                labelled = label->buddy() == edit;
        }
        QVERIFY(labelled);
        QVERIFY(edit->text().isEmpty());
        QVERIFY(!bench.errorShown());
        QVERIFY(!bench.button(QDialogButtonBox::Apply)->isEnabled());

        QTest::keyClicks(edit, bench.dir.filePath(QStringLiteral("missing.pem")));
        QVERIFY(bench.errorShown());
        QVERIFY2(
            bench.error().contains(QLatin1String("does not exist")), qPrintable(bench.error()));
        QVERIFY(!bench.button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog.apply());
        QVERIFY(accounts.find(saved->id)->caFile.isEmpty());

        edit->clear();
        QTest::keyClicks(edit, pem);
        QVERIFY2(!bench.errorShown(), qPrintable(bench.error()));
        QVERIFY(bench.button(QDialogButtonBox::Apply)->isEnabled());
        QTest::mouseClick(bench.button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(accounts.find(saved->id)->caFile, pem);
        // The preferences were not touched.
        QCOMPARE(bench.store.preferences(), Preferences());
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
