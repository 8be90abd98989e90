// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "createincidentdialog.h"

#include "incidentactions.h"
#include "incidents.h"
#include "look.h"
#include "orgdirectory.h"
#include "plaintext.h"
#include "reroutedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

CreateIncidentDialog::CreateIncidentDialog(
    IncidentActions* actions, OrgDirectory* directory, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_directory(directory)
    , m_summary(new QLineEdit)
    , m_details(new QPlainTextEdit)
    , m_picker(new TargetPicker(directory))
    , m_multi(new QCheckBox(tr("Several people may respond (multi-responder)")))
    , m_heading(new QLabel)
    , m_pages(new QLabel)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("New incident"));
    auto* layout = new QVBoxLayout(this);
    makePlainLabel(m_heading); // names of people and policies, as written
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);
    m_heading->hide();
    layout->addWidget(m_heading);
    auto* form = new QFormLayout;
    m_summary->setPlaceholderText(tr("What is wrong, in one line"));
    m_details->setPlaceholderText(tr("What you know so far (optional)"));
    m_details->setTabChangesFocus(true);
    m_details->setMaximumHeight(90);
    form->addRow(tr("&Summary:"), m_summary);
    form->addRow(tr("&Details:"), m_details);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Page:")));
    layout->addWidget(m_picker, 1);
    makePlainLabel(m_pages); // names of people and policies, as written
    m_pages->setObjectName(QStringLiteral("pagesLabel"));
    m_pages->setWordWrap(true);
    layout->addWidget(m_pages);
    layout->addWidget(m_multi);
    makePlainLabel(m_error); // the server's refusal, as written
    m_error->setWordWrap(true);
    look::setTone(m_error, look::Tone::Error);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create incident"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateIncidentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_picker, &TargetPicker::targetsChanged, this, &CreateIncidentDialog::showPages);
    connect(m_picker, &TargetPicker::loaded, this, &CreateIncidentDialog::applyWaiting);
    showPages();
    connect(
        m_actions, &IncidentActions::created, this, [this](quint64 ticket, const QString& number) {
            if (ticket != m_ticket)
                return;
            m_ticket = 0;
            setSending(false);
            Q_EMIT created(number);
            QDialog::accept();
        });
    connect(m_actions, &IncidentActions::createFailed, this,
        [this](quint64 ticket, const QString& message) {
            if (ticket != m_ticket)
                return;
            m_ticket = 0;
            setSending(false);
            setError(message);
        });
    resize(640, 560);
}

// A POST is never retried and may already be on the server; a dialog closed while it is in
// flight just does not hear the answer.
CreateIncidentDialog::~CreateIncidentDialog() = default;

void CreateIncidentDialog::accept()
{
    if (m_ticket != 0)
        return;
    CreateIncidentRequest request;
    request.summary = m_summary->text().trimmed();
    request.details = m_details->toPlainText().trimmed();
    request.targets = targets();
    request.isMultiResponder = m_multi->isChecked();
    QStringList missing;
    if (request.summary.isEmpty())
        missing.append(tr("a summary"));
    if (request.targets.isEmpty())
        missing.append(tr("at least one user or escalation policy to page"));
    if (!missing.isEmpty()) {
        setError(tr("Please give %1.").arg(missing.join(tr(" and "))));
        if (request.summary.isEmpty())
            m_summary->setFocus();
        return;
    }
    setError(QString());
    m_ticket = m_actions->create(request);
    setSending(true);
}

void CreateIncidentDialog::setTargets(const QList<IncidentTarget>& targets)
{
    for (const IncidentTarget& target : targets) {
        m_aimed << target;
        if (!m_picker->setChecked(target))
            m_waiting << target;
    }
    applyWaiting();
    m_summary->setFocus();
}

QList<IncidentTarget> CreateIncidentDialog::targets() const
{
    QList<IncidentTarget> all = m_picker->targets();
    for (const IncidentTarget& target : m_unlisted + m_waiting) {
        const bool known = std::any_of(all.cbegin(), all.cend(), [&](const IncidentTarget& t) {
            return t.type == target.type && t.slug == target.slug;
        });
        if (!known)
            all << target;
    }
    return all;
}

QString CreateIncidentDialog::nameOf(const IncidentTarget& target) const
{
    if (target.type == IncidentTarget::Type::User)
        return m_directory->userDisplayName(target.slug);
    const QString name = m_directory->policyBySlug(target.slug);
    return name.isEmpty() ? target.slug : name;
}

// The picker fills once the org's lists answer; what it still lacks then is paged by slug.
void CreateIncidentDialog::applyWaiting()
{
    QList<IncidentTarget> still;
    for (const IncidentTarget& target : std::as_const(m_waiting)) {
        if (!m_picker->setChecked(target))
            still << target;
    }
    m_waiting.clear();
    if (m_picker->isLoaded())
        m_unlisted << still;
    else
        m_waiting = still;
    showPages();
}

void CreateIncidentDialog::showPages()
{
    QStringList names;
    for (const IncidentTarget& target : targets())
        names << nameOf(target);
    // Names arrive with the org's lists: the title names the aim once they do.
    if (!m_aimed.isEmpty()) {
        QStringList aimed;
        for (const IncidentTarget& target : std::as_const(m_aimed))
            aimed << nameOf(target);
        setWindowTitle(tr("Page %1").arg(aimed.join(tr(", "))));
        setPlainLabelText(m_heading, windowTitle(), MessageChars);
        m_heading->show();
    }
    setPlainLabelText(m_pages,
        names.isEmpty() ? tr("Nobody is ticked to page yet.")
                        : tr("Pages: %1").arg(names.join(tr(", "))),
        MessageChars);
}

void CreateIncidentDialog::setError(const QString& text)
{
    setPlainLabelText(m_error, text, MessageChars);
    m_error->setVisible(!text.isEmpty());
}

void CreateIncidentDialog::setSending(bool sending)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!sending);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(sending ? tr("Creating…") : tr("Create incident"));
    m_summary->setReadOnly(sending);
    m_details->setReadOnly(sending);
    m_picker->setEnabled(!sending);
}

} // namespace rota
