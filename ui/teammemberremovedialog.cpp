// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teammemberremovedialog.h"

#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rota {

TeamMemberRemoveDialog::TeamMemberRemoveDialog(
    const QString& name, const QString& team, const QList<Candidate>& candidates, QWidget* parent)
    : QDialog(parent)
    , m_name(clipped(name, MenuChars))
    , m_team(clipped(team, MenuChars))
    , m_choice(new QComboBox(this))
    , m_consequence(new QLabel(this))
    , m_remove(nullptr)
{
    setObjectName(QStringLiteral("removeMemberDialog"));
    setWindowTitle(tr("Remove from team"));
    auto* question = new QLabel(this);
    question->setObjectName(QStringLiteral("removeMemberQuestion"));
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setWordWrap(true);
    setPlainLabelText(question, tr("Remove %1 from %2?").arg(m_name, m_team));

    m_choice->setObjectName(QStringLiteral("replacementChoice"));
    for (const Candidate& candidate : candidates) {
        m_choice->addItem(
            QStringLiteral("%1 (%2)").arg(clipped(candidate.name, MenuChars), candidate.username),
            candidate.username);
    }
    auto* form = new QFormLayout;
    auto* label = new QLabel(tr("&Takes over the shifts:"), this);
    label->setBuddy(m_choice);
    form->addRow(label, m_choice);

    m_consequence->setObjectName(QStringLiteral("removeMemberConsequence"));
    m_consequence->setWordWrap(true);
    makePlainLabel(m_consequence);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_remove = buttons->addButton(tr("Remove"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("confirmRemoveMember"));
    // Cancel is what Enter does: removing someone is never the accidental choice.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_remove, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addLayout(form);
    layout->addWidget(m_consequence);
    layout->addWidget(buttons);

    connect(m_choice, &QComboBox::currentIndexChanged, this,
        &TeamMemberRemoveDialog::updateConsequence);
    updateConsequence();
    resize(qMax(sizeHint().width(), 440), sizeHint().height());
}

TeamMemberRemoveDialog::~TeamMemberRemoveDialog() = default;

QString TeamMemberRemoveDialog::replacement() const { return m_choice->currentData().toString(); }

bool TeamMemberRemoveDialog::setReplacement(const QString& username)
{
    const int index = m_choice->findData(username);
    if (index < 0)
        return false;
    m_choice->setCurrentIndex(index);
    return true;
}

QString TeamMemberRemoveDialog::consequence() const { return m_consequence->text(); }

void TeamMemberRemoveDialog::updateConsequence()
{
    const QString other = m_choice->currentText();
    m_remove->setEnabled(!replacement().isEmpty());
    setPlainLabelText(m_consequence,
        tr("%1 leaves %2. %3 takes over %1's shifts in %2's rotations, so pages that would have "
           "reached %1 through them reach %3 instead. %1 stays in the organisation and in any "
           "other team.")
            .arg(m_name, m_team, other));
}

} // namespace rota
