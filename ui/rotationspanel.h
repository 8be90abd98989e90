// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The Schedules tab's rotation groups: each group with its shifts and their members (who is on
// now marked), and for the team's admins the writes: "Set scheduled…" on a shift, "New rotation
// group…" and "Delete rotation group…". Nothing is drawn from a local guess: after a write the
// controller reads the groups again and the panel shows the server's answer.

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace rota {

class NoticeBar;
class RotationsController;
struct NewRotationGroup;

//! Asks which member of a shift is on it now. Stays open while the change is saved and, when it
//! fails, with the choice made and the reason in words.
class SetScheduledDialog : public QDialog {
    Q_OBJECT
public:
    //! `members`: usernames in rotation order; `names`: display names by username.
    SetScheduledDialog(const QString& shiftTitle, const QStringList& members,
        const QString& current, const QHash<QString, QString>& names, QWidget* parent = nullptr);

    QString username() const;
    void setUsername(const QString& username);
    QComboBox* memberCombo() const { return m_member; }
    QLabel* errorLabel() const { return m_error; }
    QPushButton* saveButton() const { return m_save; }
    //! While saving, the inputs are off and the button says so.
    void setBusy(bool busy);
    void showError(const QString& message);

Q_SIGNALS:
    void submitted(const QString& username);

private:
    QComboBox* m_member;
    QLabel* m_error;
    QPushButton* m_save;
};

//! Asks for a new rotation group with one shift: its name, the shift's name, time zone, start,
//! length in days, type and members (picked from the team, in rotation order).
class NewRotationGroupDialog : public QDialog {
    Q_OBJECT
public:
    NewRotationGroupDialog(const QStringList& teamMembers, const QHash<QString, QString>& names,
        const QString& zone, QWidget* parent = nullptr);

    //! The group as asked; empty label when something is missing (validate() says what).
    NewRotationGroup group() const;
    //! What is missing, in words; empty when the group can be sent.
    QString validate() const;

    QLineEdit* labelEdit() const { return m_label; }
    QLineEdit* shiftEdit() const { return m_shift; }
    QComboBox* zoneCombo() const { return m_zone; }
    QDateTimeEdit* startEdit() const { return m_start; }
    QSpinBox* daysSpin() const { return m_days; }
    QComboBox* typeCombo() const { return m_type; }
    QListWidget* memberList() const { return m_members; }
    QLabel* errorLabel() const { return m_error; }
    QPushButton* saveButton() const { return m_save; }
    //! Checks the members named, in this order (for tests and screenshots).
    void checkMembers(const QStringList& usernames);
    void setBusy(bool busy);
    void showError(const QString& message);

Q_SIGNALS:
    void submitted();

private:
    QLineEdit* m_label;
    QLineEdit* m_shift;
    QComboBox* m_zone;
    QDateTimeEdit* m_start;
    QSpinBox* m_days;
    QComboBox* m_type;
    QListWidget* m_members;
    QLabel* m_error;
    QPushButton* m_save;
    QStringList m_order; //!< checked members in the order they were checked
};

//! The rotation groups of the team the controller has, as a tree, with the write actions.
class RotationsPanel : public QWidget {
    Q_OBJECT
public:
    //! Not owned; must outlive the panel.
    explicit RotationsPanel(RotationsController* controller, QWidget* parent = nullptr);

    void setUserNames(const QHash<QString, QString>& names);
    RotationsController* controller() const { return m_controller; }
    QTreeWidget* tree() const { return m_tree; }
    //! Why writes are off (a sentence) while they are.
    QLabel* writeNote() const { return m_writeNote; }
    NoticeBar* notice() const { return m_notice; }
    QPushButton* setScheduledButton() const { return m_setScheduled; }
    QPushButton* newGroupButton() const { return m_newGroup; }
    QPushButton* deleteGroupButton() const { return m_deleteGroup; }

    //! Selects the shift (or the group, shiftId 0) in the tree; false when not shown.
    bool select(qint64 groupId, qint64 shiftId = 0);
    //! Opens "Set scheduled…" for the selected shift (not blocking); nullptr when none or writes
    //! are off.
    SetScheduledDialog* openSetScheduled();
    //! Opens "New rotation group…"; nullptr when writes are off.
    NewRotationGroupDialog* openNewGroup();
    //! Asks before deleting the selected group; nullptr when none or writes are off.
    QMessageBox* openDeleteGroup();

Q_SIGNALS:
    //! A write worked: a schedule shown should be read again.
    void scheduleChanged();

private:
    void rebuild();
    void updateActions();
    void selectedIds(qint64* groupId, qint64* shiftId) const;
    void finishWrite(bool ok, const QString& message);
    QString nameOf(const QString& username) const;

    RotationsController* m_controller;
    QTreeWidget* m_tree;
    QLabel* m_writeNote;
    NoticeBar* m_notice;
    QPushButton* m_setScheduled;
    QPushButton* m_newGroup;
    QPushButton* m_deleteGroup;
    QHash<QString, QString> m_names;
    QPointer<SetScheduledDialog> m_scheduledDialog;
    QPointer<NewRotationGroupDialog> m_newDialog;
};

} // namespace rota
