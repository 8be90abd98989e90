// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "contactmethodsview.h"

#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "look.h"
#include "pagingpolicymodel.h"
#include "plaintext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rota {

namespace {
enum ItemRole { KindRole = Qt::UserRole + 1, ExtIdRole };
enum MethodKind { Email = 1, Phone, Device };
} // namespace

ContactMethodsView::ContactMethodsView(
    ContactMethodsStore* store, ContactMethodsController* controller, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_controller(controller)
    , m_methods(new QTreeWidget(this))
    , m_policies(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_label(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<b>Contact methods</b> — how you can be reached. Rename a device "
                                "by editing its label (F2)."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_methods->setColumnCount(2);
    m_methods->setHeaderLabels({ tr("Label"), tr("Address, number or kind") });
    m_methods->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_methods->setRootIsDecorated(false);
    m_methods->setEditTriggers(
        QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_methods->setAccessibleName(tr("Contact methods"));
    look::styleItemView(m_methods);
    layout->addWidget(m_methods, 2);

    auto* form = new QHBoxLayout;
    m_kind->addItem(tr("E-mail"));
    m_kind->addItem(tr("Phone"));
    m_label->setPlaceholderText(tr("Label, e.g. Work"));
    m_value->setPlaceholderText(tr("Address or number"));
    m_kind->setAccessibleName(tr("Kind of contact method"));
    m_label->setAccessibleName(tr("Label of the contact method"));
    m_value->setAccessibleName(tr("Address or number"));
    m_add->setEnabled(false);
    form->addWidget(m_kind);
    form->addWidget(m_label, 1);
    form->addWidget(m_value, 2);
    form->addWidget(m_add);
    form->addSpacing(12);
    form->addWidget(m_delete);
    layout->addLayout(form);

    m_message->setWordWrap(true);
    makePlainLabel(m_message); // the server's messages, as written
    m_message->hide();
    layout->addWidget(m_message);

    auto* policiesTitle = new QLabel(tr("<b>Escalation policies you are on</b> (read-only)"), this);
    policiesTitle->setWordWrap(true);
    layout->addWidget(policiesTitle);
    m_policies->setColumnCount(4);
    m_policies->setHeaderLabels({ tr("Escalation policy"), tr("Step"), tr("Timeout"), tr("How") });
    m_policies->setRootIsDecorated(false);
    m_policies->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_policies->setAccessibleName(tr("Escalation policies the user is on"));
    look::styleItemView(m_policies);
    layout->addWidget(m_policies, 1);

    connect(m_value, &QLineEdit::textChanged, this, &ContactMethodsView::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &ContactMethodsView::add);
    connect(m_value, &QLineEdit::returnPressed, this, &ContactMethodsView::add);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    connect(
        m_methods, &QTreeWidget::itemSelectionChanged, this, &ContactMethodsView::updateButtons);
    connect(m_methods, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_rebuilding || column != 0 || item->data(0, KindRole).toInt() != Device)
            return;
        m_controller->renameDevice(item->data(0, ExtIdRole).toString(), item->text(0));
    });
    connect(m_store, &ContactMethodsStore::changed, this, &ContactMethodsView::rebuild);
    connect(
        m_store, &ContactMethodsStore::policiesChanged, this, &ContactMethodsView::rebuildPolicies);
    connect(m_controller, &ContactMethodsController::done, this,
        [this](const QString& text) { showMessage(text, false); });
    connect(m_controller, &ContactMethodsController::failed, this,
        [this](const QString& text) { showMessage(text, true); });
    connect(m_controller, &ContactMethodsController::busyChanged, this,
        &ContactMethodsView::updateButtons);
    rebuild();
    rebuildPolicies();
}

void ContactMethodsView::rebuild()
{
    m_rebuilding = true;
    m_methods->clear();
    const ContactMethods& methods = m_store->methods();
    const auto group = [this](const QString& title) {
        auto* item = new QTreeWidgetItem(m_methods, { title });
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        item->setFlags(Qt::ItemIsEnabled);
        return item;
    };
    const auto add = [this](const ContactMethod& method, int kind, const QString& detail) {
        auto* item = new QTreeWidgetItem(m_methods, { method.label, detail });
        item->setData(0, KindRole, kind);
        item->setData(0, ExtIdRole, method.extId);
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (kind == Device)
            flags |= Qt::ItemIsEditable;
        item->setFlags(flags);
    };
    group(tr("E-mail addresses"));
    for (const ContactMethod& email : methods.emails)
        add(email, Email, email.value);
    group(tr("Phone numbers"));
    for (const ContactMethod& phone : methods.phones)
        add(phone, Phone, phone.value);
    group(tr("Devices (push)"));
    for (const ContactMethod& device : methods.devices)
        add(device, Device, device.deviceType);
    m_rebuilding = false;
    updateButtons();
}

void ContactMethodsView::rebuildPolicies()
{
    m_policies->clear();
    for (const UserPolicyEntry& entry : m_store->policies().policies) {
        new QTreeWidgetItem(m_policies,
            { m_store->policyName(entry.extId), QString::number(entry.order + 1),
                entry.timeout == 0 ? tr("at once") : PagingPolicyModel::minutesText(entry.timeout),
                entry.contactType == QLatin1String("rotation_group") ? tr("through a rotation")
                                                                     : tr("directly") });
    }
    if (m_policies->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_policies, { tr("(none)") });
}

void ContactMethodsView::showMessage(const QString& text, bool error)
{
    setPlainLabelText(m_message, text, MessageChars);
    look::setTone(m_message, error ? look::Tone::Error : look::Tone::Info);
    m_message->show();
}

void ContactMethodsView::updateButtons()
{
    m_add->setEnabled(!m_value->text().trimmed().isEmpty() && !m_controller->isBusy());
    const QTreeWidgetItem* item = m_methods->currentItem();
    m_delete->setEnabled(item && item->isSelected() && item->data(0, KindRole).toInt() != 0
        && !m_controller->isBusy());
}

void ContactMethodsView::add()
{
    const QString value = m_value->text().trimmed();
    if (value.isEmpty())
        return;
    const QString label = m_label->text().trimmed();
    if (m_kind->currentIndex() == 0)
        m_controller->addEmail(label, value);
    else
        m_controller->addPhone(label, value);
    m_value->clear();
    m_label->clear();
}

void ContactMethodsView::deleteSelected(bool confirm)
{
    const QTreeWidgetItem* item = m_methods->currentItem();
    if (!item)
        return;
    const int kind = item->data(0, KindRole).toInt();
    const QString extId = item->data(0, ExtIdRole).toString();
    const auto remove = [this, kind, extId] {
        if (kind == Email)
            m_controller->deleteEmail(extId);
        else if (kind == Phone)
            m_controller->deletePhone(extId);
        else if (kind == Device)
            m_controller->deleteDevice(extId);
    };
    if (kind == 0)
        return;
    if (!confirm) {
        remove();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete contact method"),
        tr("Delete %1? Paging rules that use it are removed too.")
            .arg(clipped(item->text(0).isEmpty() ? item->text(1) : item->text(0), MenuChars)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText); // the label is the server's, as written
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, remove](QAbstractButton* button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            remove();
    });
    box->open();
}

} // namespace rota
