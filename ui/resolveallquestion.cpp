// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "resolveallquestion.h"

#include "incidentmodel.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace rota {

namespace {

constexpr int MaxListed = 8;

QString listText(const IncidentModel& model, const QList<int>& rows)
{
    QStringList lines;
    for (int i = 0; i < rows.size() && i < MaxListed; ++i) {
        const Incident& incident = model.incidentAt(rows.at(i));
        const QString what
            = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
        lines.append(QStringLiteral("#%1  %2").arg(incident.incidentNumber, what));
    }
    if (rows.size() > MaxListed)
        lines.append(QCoreApplication::translate(
            "rota::ResolveAllQuestion", "… and %n more", nullptr, int(rows.size() - MaxListed)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QMessageBox* askResolveAllPagingMe(
    QWidget* parent, const IncidentModel& model, const std::function<void()>& resolve)
{
    const QList<int> rows = model.openRowsPagingMe();
    if (rows.isEmpty())
        return nullptr;
    const int count = static_cast<int>(rows.size());
    auto* box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("resolveAllQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(
        QCoreApplication::translate("rota::ResolveAllQuestion", "Resolve all paging you"));
    // Server text shown as plain text, never as markup.
    box->setTextFormat(Qt::PlainText);
    box->setText(count == 1 ? QCoreApplication::translate(
                     "rota::ResolveAllQuestion", "Resolve the incident paging you?")
                            : QCoreApplication::translate("rota::ResolveAllQuestion",
                                "Resolve the %n incidents paging you?", nullptr, count));
    box->setInformativeText(listText(model, rows) + QStringLiteral("\n\n")
        + QCoreApplication::translate("rota::ResolveAllQuestion",
            "Resolving tells Splunk On-Call that the problem is over: it stops "
            "paging everyone for these incidents, including any that paged you "
            "and Rota has not loaded yet. It cannot be undone."));
    QPushButton* yes = box->addButton(QCoreApplication::translate("rota::ResolveAllQuestion",
                                          "Resolve %n incident(s)", nullptr, count),
        QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("resolveAllYes"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [yes, resolve](QAbstractButton* b) {
        if (b == yes)
            resolve();
    });
    box->open();
    return box;
}

} // namespace rota
