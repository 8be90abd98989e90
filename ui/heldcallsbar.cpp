// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "heldcallsbar.h"

#include "heldcalls.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace rota {

HeldCallsBar::HeldCallsBar(HeldCalls* calls, QWidget* parent)
    : QFrame(parent)
    , m_calls(calls)
    , m_text(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("heldCallsBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("heldCallsLabel"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("heldCallsCancel"));
    m_cancel->setAutoDefault(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_cancel);
    // The count-down: the wait is told once by the scheduler, the seconds pass here.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &HeldCallsBar::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &HeldCallsBar::cancelShown);
    if (m_calls)
        connect(m_calls, &HeldCalls::changed, this, &HeldCallsBar::refresh);
    refresh();
}

void HeldCallsBar::refresh()
{
    const QList<HeldCalls::Call> calls = m_calls ? m_calls->calls() : QList<HeldCalls::Call>();
    if (calls.isEmpty()) {
        m_shownId = 0;
        m_tick->stop();
        hide();
        return;
    }
    const HeldCalls::Call& first = calls.constFirst();
    m_shownId = first.id;
    // Rounded up: "waits 0 s" while it still waits would read as a fault.
    const qint64 seconds = (first.msLeft + 999) / 1000;
    QString text = seconds > 0
        ? tr("%1 waits %2 s for the API's rate limit.").arg(first.what).arg(seconds)
        : tr("%1 is being sent now.").arg(first.what);
    if (calls.size() > 1)
        text
            += QLatin1Char(' ') + tr("%n more action(s) wait too.", nullptr, int(calls.size() - 1));
    m_text->setText(text);
    m_cancel->setVisible(seconds > 0);
    m_cancel->setToolTip(tr("Cancel %1: nothing is sent.").arg(first.what));
    if (!m_tick->isActive())
        m_tick->start();
    show();
}

void HeldCallsBar::cancelShown()
{
    if (m_calls && m_shownId != 0)
        m_calls->cancel(m_shownId);
    refresh();
}

} // namespace rota
