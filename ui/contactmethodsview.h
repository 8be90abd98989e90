// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rota {

class ContactMethodsController;
class ContactMethodsStore;

//! The "Contact methods" section of the paging-policy page: the user's e-mail addresses, phone
//! numbers and devices (add and delete e-mails and phones; rename a device by editing its label in
//! place, delete it), and, read-only, the escalation policies the user is on. Deleting asks first
//! (paging rules that use the method go with it).
class ContactMethodsView : public QWidget {
    Q_OBJECT
public:
    //! Shows `store`, changes it through `controller`; neither is owned.
    ContactMethodsView(ContactMethodsStore* store, ContactMethodsController* controller,
        QWidget* parent = nullptr);

    QTreeWidget* methodsTree() const { return m_methods; }
    QTreeWidget* policiesTree() const { return m_policies; }
    QLabel* messageLabel() const { return m_message; }
    //! The add form: kind (0 e-mail, 1 phone), label, value, button.
    QComboBox* addKind() const { return m_kind; }
    QLineEdit* addLabel() const { return m_label; }
    QLineEdit* addValue() const { return m_value; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* deleteButton() const { return m_delete; }

    //! Deletes the selected method after asking; `confirm` false skips the question (tests).
    void deleteSelected(bool confirm = true);

private:
    void rebuild();
    void rebuildPolicies();
    void showMessage(const QString& text, bool error);
    void add();
    void updateButtons();

    ContactMethodsStore* m_store;
    ContactMethodsController* m_controller;
    QTreeWidget* m_methods;
    QTreeWidget* m_policies;
    QLabel* m_message;
    QComboBox* m_kind;
    QLineEdit* m_label;
    QLineEdit* m_value;
    QPushButton* m_add;
    QPushButton* m_delete;
    bool m_rebuilding = false;
};

} // namespace rota
