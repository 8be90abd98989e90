// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "screenshotter.h"

#include "accountstore.h"
#include "apiclient.h"
#include "applog.h"
#include "connectionstatus.h"
#include "demoorg.h"
#include "look.h"
#include "mainview.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "signindialog.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimer>

namespace rota {

// Time for a view that was just selected to lay itself out and paint before it is grabbed.
static constexpr int SettleMs = 250;
// Time after the connection is online for the views' first loads to arrive.
static constexpr int LoadMs = 2000;
// How long a dialog may take to get ready (the sign-in dialog tests its connection first).
static constexpr int DialogReadyMs = 10000;

Screenshotter::Screenshotter(
    MainWindow* window, ConnectionStatus* status, const QString& directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_status(status)
    , m_directory(directory)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &Screenshotter::begin);
}

Screenshotter::~Screenshotter() = default;

void Screenshotter::addScenes(const QList<ScreenshotScene>& scenes) { m_scenes += scenes; }

void Screenshotter::start(int timeoutMs)
{
    if (m_status) {
        const auto beginWhenOnline = [this] {
            if (m_status->state() == ConnectionStatus::State::Online)
                QTimer::singleShot(LoadMs, this, &Screenshotter::begin);
        };
        connect(m_status, &ConnectionStatus::changed, this, beginWhenOnline);
        beginWhenOnline();
    }
    m_timeout->start(timeoutMs);
}

void Screenshotter::begin()
{
    if (m_started)
        return;
    m_started = true;
    m_timeout->stop();
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcApp, "cannot create %s", qPrintable(m_directory));
        Q_EMIT finished(false);
        return;
    }
    const QList<MainView>& views = MainView::all();
    m_pending.append({ QStringLiteral("main-window"), 0, {} });
    for (int index = 0; index < views.size(); ++index)
        m_pending.append({ views.at(index).slug, index, {} });
    for (const ScreenshotScene& scene : std::as_const(m_scenes))
        m_pending.append({ scene.name, -1, scene.stage });
    if (m_demo) {
        m_pending.append({ QStringLiteral("signin"), -1,
            [this](std::function<void()> ready) { return openSignIn(std::move(ready)); } });
        m_pending.append({ QStringLiteral("settings"), -1,
            [this](std::function<void()> ready) { return openSettings(std::move(ready)); } });
    }
    for (int index = 0; index < views.size(); ++index)
        m_pending.append({ QStringLiteral("dark/") + views.at(index).slug, index, {}, true });
    shootNext();
}

// One view per turn of the event loop, so that each is selected, laid out and painted before
// grab() takes its picture.
void Screenshotter::shootNext()
{
    if (!m_window) {
        Q_EMIT finished(false);
        return;
    }
    if (m_pending.isEmpty()) {
        Q_EMIT finished(m_ok);
        return;
    }
    const Shot shot = m_pending.takeFirst();
    if (shot.dark && !m_dark)
        turnDark();
    if (shot.dialog) {
        shootDialog(shot);
        return;
    }
    m_window->setCurrentView(shot.view);
    QTimer::singleShot(SettleMs, this, [this, name = shot.name] {
        if (!m_window) {
            Q_EMIT finished(false);
            return;
        }
        save(m_window, name);
        shootNext();
    });
}

// What a dark desktop gives an application: the Fusion style (the one style that draws from the
// palette alone) and a dark palette. Every widget hears of the change, as it would at run time.
void Screenshotter::turnDark()
{
    m_dark = true;
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(look::darkPalette());
}

void Screenshotter::save(QWidget* widget, const QString& name)
{
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (widget->grab().save(file)) {
        m_written << file;
    } else {
        qCWarning(lcApp, "cannot write %s", qPrintable(file));
        m_ok = false;
    }
}

// The dialog says when it is ready (or the wait runs out); then it settles, is pictured and goes.
void Screenshotter::shootDialog(const Shot& shot)
{
    auto dialog = std::make_shared<QPointer<QWidget>>();
    auto taken = std::make_shared<bool>(false);
    const auto shoot = [this, dialog, taken, name = shot.name] {
        if (*taken)
            return;
        *taken = true;
        QTimer::singleShot(SettleMs, this, [this, dialog, name] {
            if (QWidget* widget = *dialog) {
                save(widget, name);
                if (widget != m_window) {
                    widget->close();
                    widget->deleteLater();
                }
            } else {
                m_ok = false;
            }
            shootNext();
        });
    };
    *dialog = shot.dialog(shoot);
    QTimer::singleShot(DialogReadyMs, this, shoot);
}

QWidget* Screenshotter::openSignIn(std::function<void()> ready)
{
    if (!m_scratch)
        m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto* settings = new QSettings(
        m_scratch->filePath(QStringLiteral("signin.ini")), QSettings::IniFormat, this);
    auto* accounts = new AccountStore(settings, this);
    auto* memory = new MemorySecretStore(this);
    auto* dialog
        = new SignInDialog(accounts, memory, memory, new CredentialCheck(m_network), m_window);
    // What a user of the demo would type: the simulator's credentials and, under Advanced, its
    // loopback address.
    const Credentials& credentials = m_demo->client()->credentials();
    dialog->editAccount({ QString(), tr("Demo"), credentials.apiId, credentials.username,
                            m_demo->client()->baseUrl() },
        QString());
    dialog->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->setText(credentials.apiKey);
    connect(dialog, &SignInDialog::checkFinished, this, [dialog, ready] {
        dialog->findChild<QPushButton*>(QStringLiteral("signInButton"))->setFocus();
        dialog->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->deselect();
        ready();
    });
    dialog->show();
    dialog->findChild<QPushButton*>(QStringLiteral("testButton"))->click();
    return dialog;
}

QWidget* Screenshotter::openSettings(std::function<void()> ready)
{
    if (!m_scratch)
        m_scratch = std::make_unique<QTemporaryDir>();
    auto* settings = new QSettings(
        m_scratch->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat, this);
    auto* store = new Settings(settings, this);
    auto* dialog = new SettingsDialog(store, m_window);
    dialog->show();
    ready();
    return dialog;
}

} // namespace rota
