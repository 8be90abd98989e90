#include "scheduletimeline.h"

#include "plaintext.h"
#include "schedulemodel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

namespace rota {

namespace {

//! A light colour of its own per person, the same in every run.
QColor personColour(const QString& username)
{
    if (username.isEmpty())
        return QColor(0xe0, 0xe0, 0xe0);
    const uint hash = qHash(username, 0U);
    return QColor::fromHsv(static_cast<int>(hash % 360U), 70, 235);
}

const QColor overrideColour(0xff, 0xc8, 0x7a);
const QColor overrideEdge(0xc4, 0x6a, 0x00);
const QColor nowColour(0xd3, 0x2f, 0x2f);

//! First shift that ends after `from` (shifts are sorted by start and do not overlap).
QList<ScheduleShift>::const_iterator firstVisible(
    const QList<ScheduleShift>& shifts, const QDateTime& from)
{
    return std::partition_point(
        shifts.cbegin(), shifts.cend(), [&from](const ScheduleShift& s) { return s.end <= from; });
}

} // namespace

ScheduleTimeline::ScheduleTimeline(QWidget* parent)
    : QWidget(parent)
    , m_scroll(new QScrollBar(Qt::Vertical, this))
    , m_clock(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Schedule timeline"));
    m_geometry.setRange(today(), 7);
    connect(m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_clock->start();
    layoutArea();
}

void ScheduleTimeline::setModel(ScheduleModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        const auto changed = [this] {
            updateScrollRange();
            update();
        };
        connect(model, &QAbstractItemModel::modelReset, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::rowsMoved, this, changed);
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
    }
    updateScrollRange();
    update();
}

void ScheduleTimeline::setRange(const QDate& firstDay, int days)
{
    if (firstDay == m_geometry.firstDay() && days == m_geometry.days())
        return;
    m_geometry.setRange(firstDay, days);
    update();
    Q_EMIT rangeChanged(m_geometry.firstDay(), m_geometry.days());
}

void ScheduleTimeline::setZone(const QTimeZone& zone)
{
    // The same calendar days, now counted in the other zone. The same zone again changes nothing
    // (and must not load the days again).
    const QTimeZone resolved = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    if (resolved == m_geometry.zone())
        return;
    m_geometry.setZone(resolved);
    update();
    Q_EMIT rangeChanged(m_geometry.firstDay(), m_geometry.days());
}

void ScheduleTimeline::setNow(const QDateTime& now)
{
    m_now = now;
    update();
}

QDateTime ScheduleTimeline::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void ScheduleTimeline::setEmptyText(const QString& text)
{
    m_emptyText = text;
    update();
}

QDate ScheduleTimeline::today() const { return now().toTimeZone(m_geometry.zone()).date(); }

void ScheduleTimeline::stepBack() { setRange(firstDay().addDays(-1), spanDays()); }
void ScheduleTimeline::stepForward() { setRange(firstDay().addDays(1), spanDays()); }
void ScheduleTimeline::pageBack() { setRange(firstDay().addDays(-spanDays()), spanDays()); }
void ScheduleTimeline::pageForward() { setRange(firstDay().addDays(spanDays()), spanDays()); }
void ScheduleTimeline::goToToday() { setRange(today(), spanDays()); }

void ScheduleTimeline::layoutArea()
{
    const int bar = m_scroll->isVisible() ? m_scroll->sizeHint().width() : 0;
    m_geometry.setArea(LabelWidth, std::max(1, width() - LabelWidth - bar));
}

void ScheduleTimeline::updateScrollRange()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    const int visible = std::max(0, height() - HeaderHeight);
    const int total = rows * RowHeight;
    m_scroll->setRange(0, std::max(0, total - visible));
    m_scroll->setPageStep(visible);
    m_scroll->setSingleStep(RowHeight);
    const int bar = m_scroll->sizeHint().width();
    m_scroll->setGeometry(width() - bar, HeaderHeight, bar, visible);
    m_scroll->setVisible(total > visible);
    layoutArea();
}

void ScheduleTimeline::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateScrollRange();
}

int ScheduleTimeline::rowTop(int row) const
{
    return HeaderHeight + row * RowHeight - m_scroll->value();
}

int ScheduleTimeline::rowAt(int y) const
{
    if (!m_model || y < HeaderHeight)
        return -1;
    const int row = (y - HeaderHeight + m_scroll->value()) / RowHeight;
    return row < m_model->rowCount() ? row : -1;
}

QRectF ScheduleTimeline::shiftRect(int row, int shift) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const ScheduleRow& r = m_model->row(row);
    if (shift < 0 || shift >= r.shifts.size())
        return {};
    const ScheduleShift& s = r.shifts.at(shift);
    return m_geometry.shiftRect(s.start, s.end, rowTop(row) + 4, RowHeight - 8);
}

void ScheduleTimeline::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    paintTimeline(painter, rect());
}

void ScheduleTimeline::paintTimeline(QPainter& painter, const QRect& area)
{
    m_painted = 0;
    const QPalette& pal = palette();
    painter.fillRect(area, pal.color(QPalette::Base));
    const qreal left = m_geometry.left();
    const qreal right = left + m_geometry.width();
    const int bottom = area.bottom() + 1;
    const QColor grid = pal.color(QPalette::Mid);
    QColor faintGrid = grid;
    faintGrid.setAlpha(70);

    // Days: alternate shading, then hour lines, then day lines over them.
    const QList<TimelineTick> days = m_geometry.dayTicks();
    QColor shade = pal.color(QPalette::AlternateBase);
    for (qsizetype i = 0; i + 1 < days.size(); ++i) {
        if (i % 2 == 1)
            painter.fillRect(
                QRectF(days.at(i).x, HeaderHeight, days.at(i + 1).x - days.at(i).x, bottom), shade);
    }
    const int step = m_geometry.hourStepFor(28);
    const QList<TimelineTick> hours = m_geometry.hourTicks(step);
    painter.setPen(faintGrid);
    for (const TimelineTick& tick : hours)
        painter.drawLine(QPointF(tick.x, HeaderHeight - 6), QPointF(tick.x, bottom));

    // Rows: only those inside the area.
    const QFont baseFont = painter.font();
    QFont bold = baseFont;
    bold.setBold(true);
    QFont small = baseFont;
    small.setPointSizeF(baseFont.pointSizeF() * 0.9);
    const QFontMetrics fm(baseFont);
    const QFontMetrics smallFm(small);
    const QFontMetrics boldFm(bold);
    const int rows = m_model ? m_model->rowCount() : 0;
    const int first = std::max(0, m_scroll->value() / RowHeight);
    const int last = std::min(rows - 1, (m_scroll->value() + bottom - HeaderHeight) / RowHeight);
    QBrush hatch(overrideEdge, Qt::BDiagPattern);
    const QDateTime rangeStart = m_geometry.start();
    const QDateTime rangeEnd = m_geometry.end();
    painter.save();
    painter.setClipRect(QRect(0, HeaderHeight, area.width(), bottom - HeaderHeight));
    for (int r = first; r <= last; ++r) {
        const ScheduleRow& row = m_model->row(r);
        const int top = rowTop(r);
        const bool overrides = row.kind == ScheduleRow::Kind::Overrides;
        // Label column.
        const bool firstOfPolicy = r == 0 || m_model->row(r - 1).policySlug != row.policySlug
            || m_model->row(r - 1).teamSlug != row.teamSlug;
        painter.setPen(grid);
        if (firstOfPolicy)
            painter.drawLine(0, top, area.width(), top);
        else
            painter.drawLine(LabelWidth, top, area.width(), top);
        painter.setPen(pal.color(QPalette::Text));
        if (firstOfPolicy) {
            painter.setFont(bold);
            painter.drawText(QRect(8, top + 2, LabelWidth - 12, RowHeight / 2),
                Qt::AlignLeft | Qt::AlignVCenter,
                boldFm.elidedText(row.policyName, Qt::ElideRight, LabelWidth - 12));
        }
        painter.setFont(small);
        painter.setPen(overrides ? overrideEdge : pal.color(QPalette::PlaceholderText));
        QString sub = row.rotationName;
        if (sub.isEmpty())
            sub = row.onCallType == QLatin1String("user") ? tr("Fixed user") : row.onCallType;
        if (!row.shiftName.isEmpty())
            sub += QStringLiteral(" · ") + row.shiftName;
        if (m_model->subject().startsWith(QLatin1String("user:")) && firstOfPolicy)
            sub = row.teamName + QStringLiteral(" · ") + sub;
        painter.drawText(QRect(16, top + RowHeight / 2 - 1, LabelWidth - 20, RowHeight / 2),
            Qt::AlignLeft | Qt::AlignVCenter,
            smallFm.elidedText(sub, Qt::ElideRight, LabelWidth - 20));

        // Shift bars: from the first that ends after the range starts, until one starts after it.
        painter.setFont(baseFont);
        painter.save();
        painter.setClipRect(QRectF(left, top, right - left, RowHeight));
        for (auto it = firstVisible(row.shifts, rangeStart); it != row.shifts.cend(); ++it) {
            if (it->start >= rangeEnd)
                break;
            QRectF bar = m_geometry.shiftRect(it->start, it->end, top + 4, RowHeight - 8);
            if (bar.isNull())
                continue;
            bar.adjust(0.5, 0, -0.5, 0);
            ++m_painted;
            const bool isOverride = it->isOverride || overrides;
            const QColor fill = isOverride ? overrideColour : personColour(it->user);
            painter.setPen(isOverride ? overrideEdge : fill.darker(130));
            painter.setBrush(fill);
            painter.drawRoundedRect(bar, 3, 3);
            if (isOverride)
                painter.fillRect(bar.adjusted(1, 1, -1, -1), hatch);
            if (bar.width() > 24) {
                QString who = it->user.isEmpty()
                    ? (overrides ? tr("Needs a replacement") : tr("Nobody"))
                    : m_model->displayName(it->user);
                if (overrides)
                    who = m_model->displayName(it->replacedUser) + QStringLiteral(" → ") + who;
                painter.setPen(QColor(0x20, 0x20, 0x20));
                const QRectF textRect = bar.adjusted(6, 0, -4, 0);
                painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(who, Qt::ElideRight, static_cast<int>(textRect.width())));
            }
        }
        painter.restore();
    }
    painter.restore();

    // Day lines over the bars so that midnight stays readable.
    painter.setPen(grid);
    for (const TimelineTick& tick : days)
        painter.drawLine(QPointF(tick.x, 0), QPointF(tick.x, bottom));
    painter.drawLine(LabelWidth, 0, LabelWidth, bottom);

    // Header: day names, hours, in the chosen zone.
    painter.fillRect(QRect(0, 0, area.width(), HeaderHeight), pal.color(QPalette::Window));
    painter.setPen(grid);
    painter.drawLine(0, HeaderHeight - 1, area.width(), HeaderHeight - 1);
    painter.setPen(pal.color(QPalette::WindowText));
    painter.setFont(bold);
    const QString zoneName = m_geometry.zone() == QTimeZone::systemTimeZone()
        ? tr("Local time (%1)").arg(QString::fromUtf8(m_geometry.zone().id()))
        : QString::fromUtf8(m_geometry.zone().id());
    painter.drawText(QRect(8, 2, LabelWidth - 12, 20), Qt::AlignLeft | Qt::AlignVCenter,
        boldFm.elidedText(zoneName, Qt::ElideMiddle, LabelWidth - 12));
    // One label format for every day, the longest that fits them all: "Thu 26 Nov", "Thu 26",
    // "26" (a short or long daylight-saving day must not get a label of its own kind).
    const QLocale locale;
    const auto dayLabel = [this, &days, &locale](qsizetype i, int format) -> QString {
        const QDate day = m_geometry.firstDay().addDays(i);
        if (format == 0)
            return days.at(i).label;
        if (format == 1)
            return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ')
                + QString::number(day.day());
        return QString::number(day.day());
    };
    int format = 0;
    for (qsizetype i = 0; i + 1 < days.size() && format < 2; ++i) {
        const qreal w = days.at(i + 1).x - days.at(i).x;
        while (format < 2 && boldFm.horizontalAdvance(dayLabel(i, format)) > w - 6)
            ++format;
    }
    for (qsizetype i = 0; i + 1 < days.size(); ++i) {
        const qreal w = days.at(i + 1).x - days.at(i).x;
        painter.setPen(grid);
        painter.drawLine(QPointF(days.at(i).x, 0), QPointF(days.at(i).x, HeaderHeight));
        painter.setPen(pal.color(QPalette::WindowText));
        const QString label = dayLabel(i, format);
        if (boldFm.horizontalAdvance(label) <= w - 4)
            painter.drawText(
                QRectF(days.at(i).x + 3, 2, w - 4, 20), Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.setFont(small);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const int labelWidth = smallFm.horizontalAdvance(QStringLiteral("00")) + 4;
    if (m_geometry.width() / std::max<qsizetype>(1, hours.size()) > labelWidth || step < 24) {
        for (const TimelineTick& tick : hours) {
            if (tick.hour == 0 && step >= 24)
                continue;
            painter.drawText(QRectF(tick.x + 2, 22, labelWidth, 18),
                Qt::AlignLeft | Qt::AlignVCenter, tick.label);
        }
    }

    // Now-line.
    const QDateTime current = now();
    if (current >= rangeStart && current < rangeEnd) {
        const qreal x = m_geometry.xFor(current);
        painter.setPen(QPen(nowColour, 2));
        painter.drawLine(QPointF(x, 16), QPointF(x, bottom));
        painter.setBrush(nowColour);
        painter.setPen(Qt::NoPen);
        QPainterPath marker;
        marker.moveTo(x - 5, 14);
        marker.lineTo(x + 5, 14);
        marker.lineTo(x, 20);
        marker.closeSubpath();
        painter.drawPath(marker);
    }

    // Nothing to show: say why.
    if (rows == 0) {
        painter.setFont(baseFont);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(LabelWidth, HeaderHeight, static_cast<int>(m_geometry.width()),
                             bottom - HeaderHeight),
            Qt::AlignCenter | Qt::TextWordWrap,
            m_emptyText.isEmpty() ? tr("No schedule to show.") : m_emptyText);
    }
    painter.setFont(baseFont);
}

QString ScheduleTimeline::toolTipAt(const QPoint& pos) const
{
    const int r = rowAt(pos.y());
    if (r < 0 || pos.x() < m_geometry.left())
        return {};
    const ScheduleRow& row = m_model->row(r);
    const QDateTime at = m_geometry.timeAt(pos.x());
    const auto it = firstVisible(row.shifts, at);
    if (it == row.shifts.cend() || it->start > at)
        return {};
    const QLocale locale;
    const auto when = [this, &locale](const QDateTime& t) {
        return locale.toString(t.toTimeZone(m_geometry.zone()), QStringLiteral("ddd d MMM HH:mm"));
    };
    const QString span = when(it->start) + QStringLiteral(" – ") + when(it->end);
    const QString who = it->user.isEmpty() ? tr("nobody") : m_model->displayName(it->user);
    QString text;
    if (row.kind == ScheduleRow::Kind::Overrides) {
        text = it->user.isEmpty()
            ? tr("%1 is away; nobody stands in yet").arg(m_model->displayName(it->replacedUser))
            : tr("%1 is away; %2 stands in").arg(m_model->displayName(it->replacedUser), who);
    } else if (it->isOverride) {
        text = it->replacedUser.isEmpty()
            ? tr("%1 on call (override)").arg(who)
            : tr("%1 on call, standing in for %2").arg(who, m_model->displayName(it->replacedUser));
    } else {
        text = tr("%1 on call").arg(who);
    }
    return text + QLatin1Char('\n') + row.policyName
        + (row.rotationName.isEmpty() ? QString() : QStringLiteral(" · ") + row.rotationName)
        + QLatin1Char('\n') + span + QStringLiteral(" (")
        + QString::fromUtf8(m_geometry.zone().id()) + QLatin1Char(')');
}

bool ScheduleTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Names are the server's: shown as written, not as markup.
            QToolTip::showText(help->globalPos(), plainToolTip(text), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void ScheduleTimeline::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        stepBack();
        break;
    case Qt::Key_Right:
        stepForward();
        break;
    case Qt::Key_PageUp:
        pageBack();
        break;
    case Qt::Key_PageDown:
        pageForward();
        break;
    case Qt::Key_Home:
    case Qt::Key_T:
        goToToday();
        break;
    case Qt::Key_Up:
        m_scroll->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        m_scroll->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ScheduleTimeline::wheelEvent(QWheelEvent* event)
{
    // Shift+wheel (or a sideways wheel) moves in time; the wheel scrolls the rows.
    const QPoint delta = event->angleDelta();
    if (delta.x() != 0 || (event->modifiers() & Qt::ShiftModifier)) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        if (d > 0)
            stepBack();
        else if (d < 0)
            stepForward();
    } else {
        m_scroll->setValue(m_scroll->value() - delta.y() / 120 * RowHeight);
    }
    event->accept();
}

} // namespace rota
