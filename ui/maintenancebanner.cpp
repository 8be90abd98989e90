// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "maintenancebanner.h"

#include "look.h"
#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "plaintext.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>

namespace rota {

MaintenanceBanner::MaintenanceBanner(
    MaintenanceModel* model, MaintenanceController* controller, QWidget* parent)
    : QFrame(parent)
    , m_model(model)
    , m_controller(controller)
    , m_bar(new NoticeBar(this))
    , m_end(new QPushButton(tr("End"), m_bar))
{
    setObjectName(QStringLiteral("maintenanceBanner"));
    m_bar->textLabel()->setObjectName(QStringLiteral("bannerLabel"));
    m_end->setObjectName(QStringLiteral("endButton"));
    // A warning, like a road-works sign: it must be seen, but nothing is broken. It lasts while
    // maintenance mode does: no close button.
    m_bar->setDismissible(false);
    m_bar->addWidget(m_end);
    QFont bold = m_bar->textLabel()->font();
    bold.setBold(true);
    m_bar->textLabel()->setFont(bold);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);

    connect(m_end, &QPushButton::clicked, this, [this] {
        if (m_end->menu() || m_model->instances().isEmpty())
            return;
        m_controller->endMaintenance(m_model->instances().first().instanceId);
    });
    connect(m_model, &MaintenanceModel::stateChanged, this, &MaintenanceBanner::showState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MaintenanceBanner::showState);
    connect(m_controller, &MaintenanceController::busyChanged, this, &MaintenanceBanner::showState);
    connect(m_controller, &MaintenanceController::readErrorsChanged, this,
        &MaintenanceBanner::showState);
    connect(
        m_controller, &MaintenanceController::readOnlyChanged, this, &MaintenanceBanner::showState);
    showState();
}

QString MaintenanceBanner::text() const { return m_bar->text(); }

void MaintenanceBanner::setEndShown(bool shown) { m_end->setVisible(shown); }

void MaintenanceBanner::showState()
{
    const QList<MaintenanceInstance>& instances = m_model->instances();
    setVisible(!instances.isEmpty());
    // The model's text says itself when it is only what was last read; the reason is one hover
    // away rather than a second error line across the window.
    m_bar->showNotice(m_model->bannerText(), look::Tone::Warning);
    m_bar->setVisible(true);
    const ApiError error = m_controller->maintenanceError();
    m_bar->textLabel()->setToolTip(!m_model->isCurrent() && error.isError()
            ? plainToolTip(tr("Rota could not read the maintenance mode: %1").arg(error.text()))
            : QString());
    m_end->setEnabled(!m_controller->isBusy() && !m_controller->isReadOnly());
    m_end->setToolTip(m_controller->isReadOnly() ? plainToolTip(m_controller->readOnlyReason())
                                                 : tr("End maintenance mode"));
    if (instances.size() > 1) {
        // Several run: the button asks which one to end.
        auto* menu = m_end->menu();
        if (!menu) {
            menu = new QMenu(m_end);
            m_end->setMenu(menu);
        }
        menu->clear();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const MaintenanceInstance& instance : instances) {
            QAction* action
                = menu->addAction(menuText(MaintenanceModel::describe(instance, now), 120));
            connect(action, &QAction::triggered, this,
                [this, id = instance.instanceId] { m_controller->endMaintenance(id); });
        }
    } else if (QMenu* menu = m_end->menu()) {
        m_end->setMenu(nullptr);
        menu->deleteLater();
    }
}

} // namespace rota
