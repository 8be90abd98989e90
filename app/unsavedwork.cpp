// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "unsavedwork.h"

#include "applog.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QTimer>
#include <QVBoxLayout>

namespace rota {

namespace {

QString bullets(const QStringList& lines)
{
    QString text;
    for (const QString& line : lines)
        text += QStringLiteral("\n• ") + line;
    return text;
}

QString titleFor(UnsavedWork::Leaving leaving)
{
    switch (leaving) {
    case UnsavedWork::Leaving::Quit:
        return UnsavedWork::tr("Quit Rota");
    case UnsavedWork::Leaving::SwitchAccount:
        return UnsavedWork::tr("Switch Account");
    case UnsavedWork::Leaving::SignOut:
        return UnsavedWork::tr("Sign Out");
    }
    return QString();
}

QString anywayFor(UnsavedWork::Leaving leaving)
{
    switch (leaving) {
    case UnsavedWork::Leaving::Quit:
        return UnsavedWork::tr("Quit Anyway");
    case UnsavedWork::Leaving::SwitchAccount:
        return UnsavedWork::tr("Switch Anyway");
    case UnsavedWork::Leaving::SignOut:
        return UnsavedWork::tr("Sign Out Anyway");
    }
    return QString();
}

QString beforeFor(UnsavedWork::Leaving leaving)
{
    switch (leaving) {
    case UnsavedWork::Leaving::Quit:
        return UnsavedWork::tr("before quitting");
    case UnsavedWork::Leaving::SwitchAccount:
        return UnsavedWork::tr("before switching accounts");
    case UnsavedWork::Leaving::SignOut:
        return UnsavedWork::tr("before signing out");
    }
    return QString();
}

} // namespace

UnsavedWork::UnsavedWork(QObject* parent)
    : QObject(parent)
{
}

void UnsavedWork::add(QObject* object, Owner owner)
{
    m_owners.removeIf([](const Entry& each) { return !each.object; });
    m_owners.append({ object, std::move(owner) });
}

QStringList UnsavedWork::collect(std::function<QStringList()> Owner::*what) const
{
    QStringList all;
    for (const Entry& each : m_owners) {
        if (each.object && each.owner.*what)
            all += (each.owner.*what)();
    }
    return all;
}

QStringList UnsavedWork::unsaved() const { return collect(&Owner::unsaved); }

QStringList UnsavedWork::inFlight() const { return collect(&Owner::inFlight); }

bool UnsavedWork::confirmLeave(Leaving leaving, QWidget* parent)
{
    if (m_asking)
        return false;
    m_asking = true;
    const auto done = qScopeGuard([this] { m_asking = false; });

    bool saved = false;
    // Writes in flight may fail and put their edits back (a note's text into its draft), so the
    // question about unsaved edits comes after the wait; a save is waited for in turn.
    for (;;) {
        if (!inFlight().isEmpty()) {
            switch (waitForWrites(leaving, parent)) {
            case Waited::Arrived:
                break;
            case Waited::LeaveAnyway:
                qCInfo(lcApp, "leaving with writes not answered");
                return true;
            case Waited::Stay:
                return false;
            }
        }
        const QStringList edits = unsaved();
        if (edits.isEmpty())
            return true;
        const QList<Entry> owners = m_owners; // a dialog's loop may change the list
        if (saved) {
            // Saved and waited for, and still unsaved: stay, and say why.
            const QStringList why = collect(&Owner::errors);
            QMessageBox box(QMessageBox::Warning, titleFor(leaving),
                (leaving == Leaving::Quit ? tr("Not everything was saved, so Rota stays open.")
                                          : tr("Not everything was saved, so the account stays "
                                               "signed in."))
                    + bullets(why.isEmpty() ? edits : why),
                QMessageBox::Ok, parent);
            box.setObjectName(QStringLiteral("notSavedMessage"));
            box.exec();
            for (const Entry& each : owners) {
                if (each.object && each.owner.show && each.owner.unsaved
                    && !each.owner.unsaved().isEmpty()) {
                    each.owner.show();
                    break;
                }
            }
            return false;
        }
        QMessageBox box(QMessageBox::Question, titleFor(leaving),
            tr("These changes are not saved yet:") + bullets(edits), QMessageBox::NoButton, parent);
        box.setObjectName(QStringLiteral("unsavedQuestion"));
        box.setInformativeText(tr("Save them %1?").arg(beforeFor(leaving)));
        box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Save);
        box.setEscapeButton(QMessageBox::Cancel);
        const int answer = box.exec();
        if (answer == QMessageBox::Discard) {
            for (const Entry& each : owners) {
                if (each.object && each.owner.discard)
                    each.owner.discard();
            }
            qCInfo(lcApp, "unsaved edits discarded");
            return true;
        }
        if (answer != QMessageBox::Save)
            return false;
        for (const Entry& each : owners) {
            if (each.object && each.owner.save)
                each.owner.save();
        }
        saved = true;
    }
}

UnsavedWork::Waited UnsavedWork::waitForWrites(Leaving leaving, QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("pendingWritesDialog"));
    dialog.setWindowTitle(titleFor(leaving));
    dialog.setModal(true);
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QLabel(&dialog);
    text->setObjectName(QStringLiteral("pendingWritesText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* progress = new QProgressBar(&dialog);
    progress->setRange(0, 0); // busy: how long the service takes is not known
    progress->setTextVisible(false);
    layout->addWidget(progress);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    auto* anyway = new QPushButton(anywayFor(leaving), &dialog);
    anyway->setObjectName(QStringLiteral("leaveAnyway"));
    auto* stay = new QPushButton(tr("Cancel"), &dialog);
    stay->setObjectName(QStringLiteral("stay"));
    stay->setDefault(true);
    buttons->addWidget(anyway);
    buttons->addWidget(stay);
    layout->addLayout(buttons);

    Waited outcome = Waited::Stay;
    connect(anyway, &QPushButton::clicked, &dialog, [&dialog, &outcome] {
        outcome = Waited::LeaveAnyway;
        dialog.done(QDialog::Rejected);
    });
    connect(stay, &QPushButton::clicked, &dialog, &QDialog::reject);

    bool late = false;
    const auto update = [this, text, &dialog, &outcome, &late] {
        const QStringList pending = inFlight();
        if (pending.isEmpty()) {
            outcome = Waited::Arrived;
            dialog.accept();
            return;
        }
        const int count = static_cast<int>(pending.size());
        const QString changes = tr("%n change(s)", nullptr, count);
        const int seconds = (m_waitLimitMs + 999) / 1000;
        if (!late)
            text->setText(
                tr("Waiting for %1 to reach Splunk On-Call…").arg(changes) + bullets(pending));
        else
            text->setText(tr("%1 did not reach Splunk On-Call within %2:")
                              .arg(changes, tr("%n second(s)", nullptr, seconds))
                + bullets(pending)
                + tr("\n\nThey may still arrive: this window closes when they do. Cancel to "
                     "stay, or leave without knowing whether they arrived."));
    };
    QTimer poll;
    poll.setInterval(100);
    connect(&poll, &QTimer::timeout, &dialog, update);
    QTimer limit;
    limit.setSingleShot(true);
    limit.setInterval(m_waitLimitMs);
    connect(&limit, &QTimer::timeout, &dialog, [&late, progress, update] {
        late = true;
        progress->hide();
        update();
    });
    update();
    if (outcome == Waited::Arrived)
        return outcome;
    poll.start();
    limit.start();
    dialog.exec();
    return outcome;
}

} // namespace rota
