// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "connectionindicator.h"

#include "connectionstatus.h"
#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace rota {

namespace {

// One line of the status bar.
constexpr int StatusChars = 160;

QColor stateColour(ConnectionStatus::State state)
{
    switch (state) {
    case ConnectionStatus::State::Online:
        return QColor(0x2e, 0x9d, 0x4f);
    case ConnectionStatus::State::Connecting:
        return QColor(0xd9, 0xa4, 0x00);
    case ConnectionStatus::State::Throttled:
    case ConnectionStatus::State::Degraded:
        return QColor(0xe0, 0x7b, 0x18);
    case ConnectionStatus::State::Offline:
    case ConnectionStatus::State::AuthFailed:
        return QColor(0xd0, 0x39, 0x2b);
    case ConnectionStatus::State::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x96);
}

} // namespace

// Painted rather than a pixmap, so it is crisp at any device pixel ratio and follows the font size.
class StatusDot : public QWidget {
public:
    explicit StatusDot(QWidget* parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    QColor colour;

    QSize sizeHint() const override
    {
        const int diameter = qMax(8, fontMetrics().ascent() * 2 / 3);
        return QSize(diameter, diameter);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal diameter = qMin(width(), height()) - 1;
        const QRectF circle(
            (width() - diameter) / 2.0, (height() - diameter) / 2.0, diameter, diameter);
        painter.setPen(QPen(colour.darker(130), 1));
        painter.setBrush(colour);
        painter.drawEllipse(circle);
    }
};

ConnectionIndicator::ConnectionIndicator(QWidget* parent)
    : QWidget(parent)
    , m_dot(new StatusDot(this))
    , m_text(new QLabel(this))
{
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The server's message may be in it: shown as written, and never wider than the window
    // lets it be (the whole of it is in the tooltip).
    m_text->setTextFormat(Qt::PlainText);
    m_text->setMinimumWidth(40);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    refresh();
}

void ConnectionIndicator::setStatus(ConnectionStatus* status)
{
    disconnect(m_changed);
    m_status = status;
    if (status)
        m_changed
            = connect(status, &ConnectionStatus::changed, this, &ConnectionIndicator::refresh);
    refresh();
}

QColor ConnectionIndicator::dotColour() const { return m_dot->colour; }

void ConnectionIndicator::refresh()
{
    const auto state = m_status ? m_status->state() : ConnectionStatus::State::Unknown;
    const QString text
        = m_status ? m_status->text() : tr("Not signed in — run with --demo to try Rota");
    m_dot->colour = stateColour(state);
    m_dot->update();
    m_text->setText(clipped(text, StatusChars));
    setAccessibleName(tr("Connection: %1").arg(text));
    const bool failed = m_status && m_status->lastError().isError();
    setToolTip(failed ? plainToolTip(m_status->lastError().detail()) : QString());
}

} // namespace rota
