// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "ackmessagedialog.h"

#include "plaintext.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace rota {

namespace {

// One line per incident in the dialog; more than this become "and N more".
constexpr int ListedIncidents = 5;

} // namespace

AckMessageDialog::AckMessageDialog(
    const QStringList& incidentNumbers, const QStringList& descriptions, QWidget* parent)
    : QDialog(parent)
    , m_numbers(incidentNumbers)
    , m_edit(new QLineEdit)
    , m_send(new QPushButton(tr("Acknowledge")))
    , m_hint(new QLabel)
{
    setObjectName(QStringLiteral("ackMessageDialog"));
    const auto count = static_cast<int>(incidentNumbers.size());
    // Short: window managers cut long titles, and the label below says what is asked.
    setWindowTitle(count == 1 ? tr("Acknowledge #%1").arg(incidentNumbers.first())
                              : tr("Acknowledge %n incidents", nullptr, count));

    auto* layout = new QVBoxLayout(this);
    QStringList lines;
    for (int i = 0; i < count && i < ListedIncidents; ++i) {
        const QString description = descriptions.value(i);
        QString line = QLatin1Char('#') + incidentNumbers.at(i);
        if (!description.isEmpty())
            line += QLatin1Char(' ') + clipped(description.simplified(), MenuChars);
        lines.append(line);
    }
    if (count > ListedIncidents)
        lines.append(tr("and %1 more").arg(count - ListedIncidents));
    auto* incidents = new QLabel;
    incidents->setObjectName(QStringLiteral("incidents"));
    makePlainLabel(incidents); // the server's summaries, as written
    incidents->setWordWrap(true);
    setPlainLabelText(incidents, lines.join(QLatin1Char('\n')), MessageChars);
    QFont bold = incidents->font();
    bold.setBold(true);
    incidents->setFont(bold);
    layout->addWidget(incidents);

    auto* prompt = new QLabel(tr("&Message for the timeline:"));
    prompt->setBuddy(m_edit);
    layout->addWidget(prompt);
    m_edit->setObjectName(QStringLiteral("message"));
    m_edit->setPlaceholderText(tr("e.g. Looking into it"));
    m_edit->setMinimumWidth(m_edit->fontMetrics().averageCharWidth() * 48);
    layout->addWidget(m_edit);

    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    layout->addWidget(m_hint);

    auto* buttons = new QDialogButtonBox;
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setEnabled(false);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    // Enter is handled once, in keyPressEvent: a default button would send a second time.
    for (QPushButton* button : buttons->findChildren<QPushButton*>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &AckMessageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        m_send->setEnabled(!message().isEmpty());
        if (!message().isEmpty())
            m_hint->hide();
    });
    m_edit->setFocus();
}

QString AckMessageDialog::message() const { return m_edit->text().trimmed(); }

void AckMessageDialog::keyPressEvent(QKeyEvent* event)
{
    // Enter and Ctrl+Enter both send (people used to chat boxes reach for either); the line edit
    // passes them on.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void AckMessageDialog::accept()
{
    if (m_sent)
        return;
    const QString text = message();
    if (text.isEmpty()) {
        m_hint->setText(tr("Type a message first. To acknowledge without one, use Acknowledge."));
        m_hint->show();
        m_edit->setFocus();
        // The hint's lines do not grow the window by themselves.
        QTimer::singleShot(0, this, [this] {
            const int needed = layout()->totalMinimumHeightForWidth(width());
            if (needed > height())
                resize(width(), needed);
        });
        return;
    }
    m_sent = true;
    Q_EMIT sendRequested(m_numbers, text);
    QDialog::accept();
}

} // namespace rota
