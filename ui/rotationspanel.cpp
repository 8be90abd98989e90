// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotationspanel.h"

#include "displayformat.h"
#include "look.h"
#include "rotations.h"
#include "rotationscontroller.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace rota {

namespace {

constexpr int GroupRole = Qt::UserRole + 1;
constexpr int ShiftRole = Qt::UserRole + 2;

QLabel* errorLabelFor(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("dialogError"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QString daysText(double days)
{
    // The count computed apart: lupdate 6.4 does not finish a file with an expression such as
    // qRound(days * 24) as the count of a translate() call.
    const int hours = qRound(days * 24);
    const int wholeDays = static_cast<int>(days);
    if (days < 1)
        return QCoreApplication::translate("rota::RotationsPanel", "%n hour(s)", nullptr, hours);
    if (days == wholeDays)
        return QCoreApplication::translate("rota::RotationsPanel", "%n day(s)", nullptr, wholeDays);
    return QCoreApplication::translate("rota::RotationsPanel", "%1 days").arg(days);
}

//! Cancel and `save` (the default button) under a dialog's inputs.
QDialogButtonBox* saveButtons(QDialog* dialog, QPushButton* save)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    save->setObjectName(QStringLiteral("saveButton"));
    save->setDefault(true);
    buttons->addButton(save, QDialogButtonBox::AcceptRole);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace

// --- SetScheduledDialog --------------------------------------------------------------------

SetScheduledDialog::SetScheduledDialog(const QString& shiftTitle, const QStringList& members,
    const QString& current, const QHash<QString, QString>& names, QWidget* parent)
    : QDialog(parent)
    , m_member(new QComboBox(this))
    , m_error(errorLabelFor(this))
    , m_save(new QPushButton(tr("Put on shift"), this))
{
    setWindowTitle(tr("Set scheduled"));
    setObjectName(QStringLiteral("setScheduledDialog"));
    m_member->setObjectName(QStringLiteral("scheduledMember"));
    m_member->setAccessibleName(tr("Member"));
    for (const QString& username : members) {
        const QString name = names.value(username, username);
        m_member->addItem(username == current ? tr("%1 (on now)").arg(name) : name, username);
    }
    const int at = m_member->findData(current);
    // Offer someone else first: that is why the dialog was opened.
    m_member->setCurrentIndex(at >= 0 && members.size() > 1 ? (at + 1) % members.size() : 0);
    auto* intro = new QLabel(
        tr("Who is on %1 from now? The rotation goes on from them in its order.").arg(shiftTitle),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Member:"), m_member);
    QDialogButtonBox* buttons = saveButtons(this, m_save);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_error->hide();
        Q_EMIT submitted(username());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString SetScheduledDialog::username() const { return m_member->currentData().toString(); }

void SetScheduledDialog::setUsername(const QString& username)
{
    const int at = m_member->findData(username);
    if (at >= 0)
        m_member->setCurrentIndex(at);
}

void SetScheduledDialog::setBusy(bool busy)
{
    m_member->setEnabled(!busy);
    m_save->setEnabled(!busy);
    m_save->setText(busy ? tr("Saving…") : tr("Put on shift"));
}

void SetScheduledDialog::showError(const QString& message)
{
    look::setMessage(m_error, message, look::Tone::Error);
    m_error->show();
}

// --- NewRotationGroupDialog ----------------------------------------------------------------

NewRotationGroupDialog::NewRotationGroupDialog(const QStringList& teamMembers,
    const QHash<QString, QString>& names, const QString& zone, QWidget* parent)
    : QDialog(parent)
    , m_label(new QLineEdit(this))
    , m_shift(new QLineEdit(tr("Weekly"), this))
    , m_zone(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_days(new QSpinBox(this))
    , m_type(new QComboBox(this))
    , m_members(new QListWidget(this))
    , m_error(errorLabelFor(this))
    , m_save(new QPushButton(tr("Create"), this))
{
    setWindowTitle(tr("New rotation group"));
    setObjectName(QStringLiteral("newRotationDialog"));
    m_label->setObjectName(QStringLiteral("groupLabel"));
    m_label->setPlaceholderText(tr("e.g. Database primary"));
    m_shift->setObjectName(QStringLiteral("shiftLabel"));
    m_zone->setObjectName(QStringLiteral("shiftZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromLatin1(id));
    const QString initialZone
        = zone.isEmpty() ? QString::fromLatin1(QTimeZone::systemTimeZoneId()) : zone;
    m_zone->setCurrentText(initialZone);
    m_start->setObjectName(QStringLiteral("shiftStart"));
    m_start->setDisplayFormat(displayFormat(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_start->setCalendarPopup(true);
    // Next Monday 09:00 on the wall clock of the zone picked.
    const QDate today = QDate::currentDate();
    m_start->setDateTime(QDateTime(today.addDays(8 - today.dayOfWeek()), QTime(9, 0)));
    m_days->setObjectName(QStringLiteral("shiftDays"));
    m_days->setRange(1, 366);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    m_type->setObjectName(QStringLiteral("shiftType"));
    m_type->addItem(tr("Standard (std)"), QStringLiteral("std"));
    m_type->addItem(tr("Follow the sun (fts)"), QStringLiteral("fts"));
    m_type->addItem(tr("Custom (cstm)"), QStringLiteral("cstm"));
    m_type->addItem(tr("Partial hours (pho)"), QStringLiteral("pho"));
    m_members->setObjectName(QStringLiteral("shiftMembers"));
    m_members->setAccessibleName(tr("Members, in the order they are checked"));
    for (const QString& username : teamMembers) {
        auto* item = new QListWidgetItem(names.value(username, username), m_members);
        item->setData(Qt::UserRole, username);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    connect(m_members, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString username = item->data(Qt::UserRole).toString();
        m_order.removeAll(username);
        if (item->checkState() == Qt::Checked)
            m_order.append(username);
    });

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_label);
    form->addRow(tr("S&hift:"), m_shift);
    form->addRow(tr("Time &zone:"), m_zone);
    form->addRow(tr("&Starts:"), m_start);
    form->addRow(tr("&Each shift:"), m_days);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Members:"), m_members);
    auto* hint = new QLabel(tr("Members take the shift in the order you check them."), this);
    hint->setWordWrap(true);
    QDialogButtonBox* buttons = saveButtons(this, m_save);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString problem = validate();
        if (!problem.isEmpty()) {
            showError(problem);
            return;
        }
        m_error->hide();
        Q_EMIT submitted();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void NewRotationGroupDialog::checkMembers(const QStringList& usernames)
{
    for (const QString& username : usernames) {
        for (int i = 0; i < m_members->count(); ++i) {
            if (m_members->item(i)->data(Qt::UserRole).toString() == username)
                m_members->item(i)->setCheckState(Qt::Checked);
        }
    }
}

QString NewRotationGroupDialog::validate() const
{
    if (m_label->text().trimmed().isEmpty())
        return tr("Give the rotation group a name.");
    if (m_shift->text().trimmed().isEmpty())
        return tr("Give the shift a name.");
    if (!QTimeZone::isTimeZoneIdAvailable(m_zone->currentText().toLatin1()))
        return tr("'%1' is not a time zone this computer knows (e.g. Europe/Berlin).")
            .arg(m_zone->currentText());
    if (m_order.isEmpty())
        return tr("Check at least one member.");
    return {};
}

NewRotationGroup NewRotationGroupDialog::group() const
{
    NewRotationShift shift;
    shift.label = m_shift->text().trimmed();
    shift.timezone = m_zone->currentText();
    const QDateTime wall = m_start->dateTime();
    shift.start = QDateTime(wall.date(), wall.time(), QTimeZone(shift.timezone.toLatin1())).toUTC();
    shift.durationDays = m_days->value();
    shift.shiftType = m_type->currentData().toString();
    shift.usernames = m_order;
    return { m_label->text().trimmed(), { shift } };
}

void NewRotationGroupDialog::setBusy(bool busy)
{
    for (QWidget* input : std::initializer_list<QWidget*> {
             m_label, m_shift, m_zone, m_start, m_days, m_type, m_members, m_save })
        input->setEnabled(!busy);
    m_save->setText(busy ? tr("Creating…") : tr("Create"));
}

void NewRotationGroupDialog::showError(const QString& message)
{
    look::setMessage(m_error, message, look::Tone::Error);
    m_error->show();
}

// --- RotationsPanel ------------------------------------------------------------------------

RotationsPanel::RotationsPanel(RotationsController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_tree(new QTreeWidget(this))
    , m_writeNote(new QLabel(this))
    , m_notice(new NoticeBar(this))
    , m_setScheduled(new QPushButton(tr("Set &scheduled…"), this))
    , m_newGroup(new QPushButton(tr("&New…"), this))
    , m_deleteGroup(new QPushButton(tr("&Delete…"), this))
{
    setObjectName(QStringLiteral("rotationsPanel"));
    auto* title = new QLabel(tr("Rotation groups"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_tree->setObjectName(QStringLiteral("rotationTree"));
    m_tree->setAccessibleName(tr("Rotation groups, their shifts and members"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    // One line a row, as every list here; a long name is whole in the tooltip.
    m_tree->setWordWrap(false);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    look::styleItemView(m_tree);
    m_writeNote->setObjectName(QStringLiteral("rotationsWriteNote"));
    m_writeNote->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("rotationsNotice"));
    m_notice->hide();
    m_setScheduled->setObjectName(QStringLiteral("setScheduledButton"));
    m_setScheduled->setToolTip(tr("Put another member of the selected shift on it now"));
    m_newGroup->setObjectName(QStringLiteral("newRotationButton"));
    m_newGroup->setToolTip(tr("Create a rotation group with one shift"));
    m_deleteGroup->setObjectName(QStringLiteral("deleteRotationButton"));
    m_deleteGroup->setToolTip(tr("Delete the selected rotation group (asked first)"));

    auto* setAction = new QAction(tr("Set scheduled…"), m_tree);
    auto* deleteAction = new QAction(tr("Delete rotation group…"), m_tree);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(setAction);
    m_tree->addAction(deleteAction);
    connect(setAction, &QAction::triggered, this, &RotationsPanel::openSetScheduled);
    connect(deleteAction, &QAction::triggered, this, &RotationsPanel::openDeleteGroup);
    connect(m_setScheduled, &QPushButton::clicked, this, &RotationsPanel::openSetScheduled);
    connect(m_newGroup, &QPushButton::clicked, this, &RotationsPanel::openNewGroup);
    connect(m_deleteGroup, &QPushButton::clicked, this, &RotationsPanel::openDeleteGroup);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item->data(0, ShiftRole).toLongLong() != 0)
            openSetScheduled();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RotationsPanel::updateActions);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_setScheduled);
    buttons->addWidget(m_newGroup);
    buttons->addWidget(m_deleteGroup);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_notice);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_writeNote);

    connect(m_controller, &RotationsController::changed, this, &RotationsPanel::rebuild);
    connect(m_controller, &RotationsController::failed, this,
        [this](const QString&, const QString& message) {
            m_notice->showNotice(message, look::Tone::Error);
            rebuild();
        });
    connect(m_controller, &RotationsController::permissionsChanged, this,
        &RotationsPanel::updateActions);
    connect(
        m_controller, &RotationsController::writingChanged, this, &RotationsPanel::updateActions);
    connect(m_controller, &RotationsController::loadingChanged, this, &RotationsPanel::rebuild);
    connect(m_controller, &RotationsController::writeFinished, this, &RotationsPanel::finishWrite);
    rebuild();
}

void RotationsPanel::setUserNames(const QHash<QString, QString>& names)
{
    m_names = names;
    rebuild();
}

QString RotationsPanel::nameOf(const QString& username) const
{
    return m_names.value(username, username);
}

void RotationsPanel::rebuild()
{
    qint64 groupId = 0;
    qint64 shiftId = 0;
    selectedIds(&groupId, &shiftId);
    m_tree->clear();
    const QList<TeamRotation>& rotations = m_controller->rotations();
    if (rotations.isEmpty()) {
        QString text;
        if (m_controller->team().isEmpty())
            text = tr("Pick a team to see its rotation groups.");
        else if (!m_controller->isLoaded())
            text = m_controller->isLoading() ? tr("Loading…") : m_controller->error();
        else
            text = tr("This team has no rotation groups.");
        auto* item = new QTreeWidgetItem(m_tree, { text });
        item->setFlags(Qt::ItemIsEnabled);
    }
    for (const TeamRotation& rotation : rotations) {
        auto* group = new QTreeWidgetItem(m_tree, { rotation.label });
        group->setData(0, GroupRole, rotation.groupId);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        if (rotation.shifts.isEmpty())
            new QTreeWidgetItem(group, { tr("No shifts") });
        for (const RotationShift& shift : rotation.shifts) {
            auto* shiftItem = new QTreeWidgetItem(group,
                { tr("%1 · %2 · %3")
                        .arg(shift.label, daysText(shift.durationDays), shift.timezone) });
            shiftItem->setData(0, GroupRole, rotation.groupId);
            shiftItem->setData(0, ShiftRole, shift.shiftId);
            const QString now = shift.current ? shift.current->username : QString();
            for (const QString& username : shift.usernames()) {
                auto* member = new QTreeWidgetItem(shiftItem,
                    { username == now ? tr("%1 — on now").arg(nameOf(username))
                                      : nameOf(username) });
                member->setData(0, GroupRole, rotation.groupId);
                member->setData(0, ShiftRole, shift.shiftId);
                member->setData(0, Qt::UserRole, username);
                if (username == now) {
                    QFont strong = member->font(0);
                    strong.setBold(true);
                    member->setFont(0, strong);
                }
            }
            if (shift.usernames().isEmpty())
                new QTreeWidgetItem(shiftItem, { tr("No members") });
        }
    }
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        (*it)->setToolTip(0, (*it)->text(0));
    m_tree->expandAll();
    if (groupId != 0)
        select(groupId, shiftId);
    updateActions();
}

void RotationsPanel::selectedIds(qint64* groupId, qint64* shiftId) const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    *groupId = item ? item->data(0, GroupRole).toLongLong() : 0;
    *shiftId = item ? item->data(0, ShiftRole).toLongLong() : 0;
}

bool RotationsPanel::select(qint64 groupId, qint64 shiftId)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        if (group->data(0, GroupRole).toLongLong() != groupId)
            continue;
        if (shiftId == 0) {
            m_tree->setCurrentItem(group);
            return true;
        }
        for (int s = 0; s < group->childCount(); ++s) {
            if (group->child(s)->data(0, ShiftRole).toLongLong() == shiftId) {
                m_tree->setCurrentItem(group->child(s));
                return true;
            }
        }
    }
    return false;
}

void RotationsPanel::updateActions()
{
    const QString blocked = m_controller->writeBlockedReason();
    const bool canWrite = blocked.isEmpty() && !m_controller->isWriting();
    qint64 groupId = 0;
    qint64 shiftId = 0;
    selectedIds(&groupId, &shiftId);
    m_setScheduled->setEnabled(canWrite && shiftId != 0);
    m_deleteGroup->setEnabled(canWrite && groupId != 0);
    m_newGroup->setEnabled(canWrite);
    const QList<QAction*> actions = m_tree->actions();
    if (actions.size() == 2) {
        actions.at(0)->setEnabled(m_setScheduled->isEnabled());
        actions.at(1)->setEnabled(m_deleteGroup->isEnabled());
    }
    // Not while the team is still being read: that is said in the tree.
    const bool say = !blocked.isEmpty() && m_controller->isLoaded();
    m_writeNote->setText(say ? blocked : QString());
    m_writeNote->setVisible(say);
}

SetScheduledDialog* RotationsPanel::openSetScheduled()
{
    qint64 groupId = 0;
    qint64 shiftId = 0;
    selectedIds(&groupId, &shiftId);
    if (!m_setScheduled->isEnabled() || shiftId == 0)
        return nullptr;
    const TeamRotation* group = m_controller->group(groupId);
    if (!group)
        return nullptr;
    const auto shift = std::find_if(group->shifts.cbegin(), group->shifts.cend(),
        [shiftId](const RotationShift& s) { return s.shiftId == shiftId; });
    if (shift == group->shifts.cend() || shift->members.isEmpty())
        return nullptr;
    auto* dialog = new SetScheduledDialog(QStringLiteral("%1 · %2").arg(group->label, shift->label),
        shift->usernames(), shift->current ? shift->current->username : QString(), m_names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SetScheduledDialog::submitted, this,
        [this, dialog, groupId, shiftId](const QString& username) {
            dialog->setBusy(true);
            m_controller->setScheduled(groupId, shiftId, username);
        });
    m_scheduledDialog = dialog;
    dialog->open();
    return dialog;
}

NewRotationGroupDialog* RotationsPanel::openNewGroup()
{
    if (!m_newGroup->isEnabled())
        return nullptr;
    QString zone;
    for (const TeamRotation& rotation : m_controller->rotations()) {
        if (!rotation.shifts.isEmpty() && zone.isEmpty())
            zone = rotation.shifts.first().timezone;
    }
    auto* dialog = new NewRotationGroupDialog(m_controller->members(), m_names, zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewRotationGroupDialog::submitted, this, [this, dialog] {
        dialog->setBusy(true);
        m_controller->createGroup(dialog->group());
    });
    m_newDialog = dialog;
    dialog->open();
    return dialog;
}

QMessageBox* RotationsPanel::openDeleteGroup()
{
    qint64 groupId = 0;
    qint64 shiftId = 0;
    selectedIds(&groupId, &shiftId);
    const TeamRotation* group = m_controller->group(groupId);
    if (!m_deleteGroup->isEnabled() || !group)
        return nullptr;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete rotation group"),
        tr("Delete rotation group '%1' with its shifts? Escalation policies that page it must be "
           "changed first.")
            .arg(group->label),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteRotationBox"));
    QPushButton* confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QPushButton::clicked, this,
        [this, groupId] { m_controller->deleteGroup(groupId); });
    box->open();
    return box;
}

void RotationsPanel::finishWrite(bool ok, const QString& message)
{
    m_notice->showNotice(message, ok ? look::Tone::Success : look::Tone::Error);
    // The dialog of the write that ended: closed when it worked, kept with its input and the
    // reason when it did not.
    for (QDialog* dialog :
        std::initializer_list<QDialog*> { m_scheduledDialog.data(), m_newDialog.data() }) {
        // Only the dialog whose change was being saved (its save button is off meanwhile).
        if (!dialog || !dialog->isVisible()
            || dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled())
            continue;
        if (auto* set = qobject_cast<SetScheduledDialog*>(dialog)) {
            set->setBusy(false);
            if (!ok)
                set->showError(message);
        } else if (auto* create = qobject_cast<NewRotationGroupDialog*>(dialog)) {
            create->setBusy(false);
            if (!ok)
                create->showError(message);
        }
        if (ok)
            dialog->accept();
    }
    if (ok)
        Q_EMIT scheduleChanged();
}

} // namespace rota
