// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "scheduletimeline.h"

#include "displayformat.h"
#include "look.h"
#include "plaintext.h"
#include "schedulemodel.h"

#include <QAccessibleWidget>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
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

//! Names on the light bars of other people: dark on every palette (the bars are light on all).
const QColor barText(0x20, 0x20, 0x20);

//! The signed-in user's own shifts: the palette's selection colour, which every palette makes
//! stand out from its base and gives a readable text colour of its own.
QColor mineColour(const QPalette& palette) { return palette.color(QPalette::Highlight); }

//! A small arrow at a bar's cut end: the shift goes on past the edge of the days shown.
// "Ada L…" still says who; "A…" or "…" says nothing, so a narrow bar gets the initials ("AL",
// "BF → AL"), or nothing at all: the tooltip has the whole text.
QString barLabel(const QString& who, const QFontMetrics& fm, int width)
{
    if (fm.horizontalAdvance(who) <= width)
        return who;
    const QString elided = fm.elidedText(who, Qt::ElideRight, width);
    if (elided.size() >= 5)
        return elided;
    QString initials;
    bool wordStart = true;
    for (const QChar c : who) {
        if (c.isSpace()) {
            wordStart = true;
            continue;
        }
        if (wordStart && c.isLetterOrNumber())
            initials += c;
        else if (wordStart && c == QChar(0x2192))
            initials += c;
        wordStart = false;
    }
    if (!initials.isEmpty() && fm.horizontalAdvance(initials) <= width)
        return initials;
    return {};
}

void drawContinues(QPainter& painter, const QRectF& bar, bool atLeft, const QColor& colour)
{
    const qreal mid = bar.center().y();
    const qreal tip = atLeft ? bar.left() + 2 : bar.right() - 2;
    const qreal back = atLeft ? tip + 5 : tip - 5;
    QPainterPath arrow;
    arrow.moveTo(tip, mid);
    arrow.lineTo(back, mid - 5);
    arrow.lineTo(back, mid + 5);
    arrow.closeSubpath();
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPath(arrow);
    painter.restore();
}

//! First shift that ends after `from` (shifts are sorted by start and do not overlap).
QList<ScheduleShift>::const_iterator firstVisible(
    const QList<ScheduleShift>& shifts, const QDateTime& from)
{
    return std::partition_point(
        shifts.cbegin(), shifts.cend(), [&from](const ScheduleShift& s) { return s.end <= from; });
}

} // namespace

// --- Accessibility ------------------------------------------------------------------------------

//! One shift shown on the timeline, known by its row and its start (which stay right across a
//! refresh, as the keyboard focus does).
class ShiftAccessible : public AccessibleItem {
public:
    ShiftAccessible(ScheduleTimeline* timeline, const QString& rowKey, const QDateTime& start)
        : AccessibleItem(timeline)
        , m_timeline(timeline)
        , m_rowKey(rowKey)
        , m_start(start)
    {
    }
    bool is(const QString& rowKey, const QDateTime& start) const
    {
        return m_rowKey == rowKey && m_start == start;
    }
    QPair<int, int> place() const
    {
        return m_timeline ? m_timeline->shownShift(m_rowKey, m_start) : qMakePair(-1, -1);
    }

    bool isItemValid() const override { return place().first >= 0; }
    QRect rectIn() const override
    {
        const QPair<int, int> at = place();
        return at.first < 0 ? QRect() : m_timeline->shiftRect(at.first, at.second).toRect();
    }
    QAccessibleInterface* parent() const override
    {
        return QAccessible::queryAccessibleInterface(m_timeline);
    }
    QString text(QAccessible::Text t) const override
    {
        if (t != QAccessible::Name)
            return {};
        const QPair<int, int> at = place();
        // The tooltip's lines, as one line.
        return at.first < 0 ? QString()
                            : m_timeline->shiftText(at.first, at.second)
                                  .split(QLatin1Char('\n'))
                                  .join(QStringLiteral("; "));
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    bool isCurrent() const override { return m_timeline->focusedShift() == place(); }
    QAccessible::State state() const override
    {
        QAccessible::State state = AccessibleItem::state();
        if (state.invalid)
            return state;
        const QRect shown(ScheduleTimeline::LabelWidth, ScheduleTimeline::HeaderHeight,
            m_timeline->width() - ScheduleTimeline::LabelWidth,
            m_timeline->height() - ScheduleTimeline::HeaderHeight);
        state.offscreen = !shown.intersects(rectIn());
        return state;
    }
    QStringList actionNames() const override
    {
        if (!isValid() || !m_timeline->isEnabled())
            return {};
        return { setFocusAction(), showMenuAction() };
    }
    QStringList keyBindingsForAction(const QString& name) const override
    {
        if (name == showMenuAction())
            return { QKeySequence(Qt::Key_Menu).toString(QKeySequence::NativeText) };
        return {};
    }
    void doAction(const QString& name) override
    {
        if (!actionNames().contains(name))
            return;
        const QPair<int, int> at = place();
        m_timeline->setFocusedShift(at.first, at.second);
        if (name == setFocusAction())
            m_timeline->setFocus(Qt::OtherFocusReason);
        else if (name == showMenuAction())
            m_timeline->requestFocusedMenu();
    }

private:
    QPointer<ScheduleTimeline> m_timeline;
    QString m_rowKey;
    QDateTime m_start;
};

//! The timeline: a list of the shifts it shows (then its scroll bar).
class TimelineAccessible : public QAccessibleWidget {
public:
    explicit TimelineAccessible(ScheduleTimeline* timeline)
        : QAccessibleWidget(timeline, QAccessible::List)
    {
    }
    int childCount() const override
    {
        return static_cast<int>(timeline()->shownShifts().size()) + QAccessibleWidget::childCount();
    }
    QAccessibleInterface* child(int index) const override
    {
        const QList<QPair<int, int>> shifts = timeline()->shownShifts();
        if (index < 0)
            return nullptr;
        if (index < shifts.size())
            return timeline()->accessibleShift(shifts.at(index).first, shifts.at(index).second);
        return QAccessibleWidget::child(index - static_cast<int>(shifts.size()));
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        const QList<QPair<int, int>> shifts = timeline()->shownShifts();
        for (AccessibleItem* item : timeline()->m_accessible.items()) {
            if (item == child)
                return static_cast<int>(
                    shifts.indexOf(static_cast<ShiftAccessible*>(item)->place()));
        }
        const int widget = QAccessibleWidget::indexOfChild(child);
        return widget < 0 ? -1 : widget + static_cast<int>(shifts.size());
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        const QPair<int, int> at = timeline()->shiftAt(timeline()->mapFromGlobal(QPoint(x, y)));
        if (at.first >= 0)
            return timeline()->accessibleShift(at.first, at.second);
        return QAccessibleWidget::childAt(x, y);
    }
    QAccessibleInterface* focusChild() const override
    {
        const QPair<int, int> focus = timeline()->focusedShift();
        if (!timeline()->hasFocus() || focus.first < 0)
            return nullptr;
        return timeline()->accessibleShift(focus.first, focus.second);
    }

private:
    ScheduleTimeline* timeline() const { return static_cast<ScheduleTimeline*>(widget()); }
};

QList<QPair<int, int>> ScheduleTimeline::shownShifts() const
{
    QList<QPair<int, int>> shown;
    if (!m_model)
        return shown;
    const QDateTime rangeStart = m_geometry.start();
    const QDateTime rangeEnd = m_geometry.end();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QList<ScheduleShift>& shifts = m_model->row(r).shifts;
        for (auto it = firstVisible(shifts, rangeStart); it != shifts.cend(); ++it) {
            if (it->start >= rangeEnd)
                break;
            shown.append({ r, static_cast<int>(it - shifts.cbegin()) });
        }
    }
    return shown;
}

QPair<int, int> ScheduleTimeline::shownShift(const QString& rowKey, const QDateTime& start) const
{
    if (!m_model || start >= m_geometry.end())
        return { -1, -1 };
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ScheduleRow& row = m_model->row(r);
        if (row.key != rowKey)
            continue;
        const auto it = firstVisible(row.shifts, m_geometry.start());
        for (auto at = it; at != row.shifts.cend() && at->start <= start; ++at) {
            if (at->start == start)
                return { r, static_cast<int>(at - row.shifts.cbegin()) };
        }
        return { -1, -1 };
    }
    return { -1, -1 };
}

QAccessibleInterface* ScheduleTimeline::accessibleShift(int row, int shift)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return nullptr;
    const ScheduleRow& r = m_model->row(row);
    if (shift < 0 || shift >= r.shifts.size())
        return nullptr;
    const QString key = r.key;
    const QDateTime start = r.shifts.at(shift).start;
    return m_accessible.findOrAdd(
        [&key, &start](const AccessibleItem* item) {
            return static_cast<const ShiftAccessible*>(item)->is(key, start);
        },
        [this, &key, &start] { return new ShiftAccessible(this, key, start); });
}

void ScheduleTimeline::updateAccessibleShifts()
{
    m_accessible.remove([](const AccessibleItem* item) { return !item->isValid(); });
    notifyAccessible(this, QAccessible::ObjectReorder);
    m_accessible.announceNameChanges();
}

ScheduleTimeline::ScheduleTimeline(QWidget* parent)
    : QWidget(parent)
    , m_scroll(new QScrollBar(Qt::Vertical, this))
    , m_clock(new QTimer(this))
{
    installAccessibleFactory<ScheduleTimeline, TimelineAccessible>();
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Schedule timeline"));
    setAccessibleDescription(tr("Arrow keys move between shifts, Ctrl+Left and Ctrl+Right a day, "
                                "Page Up and Page Down the days shown, Home to today; the Menu "
                                "key acts on the shift"));
    m_scroll->setAccessibleName(tr("Rows of the timeline"));
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
    m_accessible.remove([](const AccessibleItem*) { return true; });
    if (model) {
        const auto changed = [this] {
            updateScrollRange();
            // Focused before there was anything to focus: the first shift takes it now.
            if (hasFocus() && focusedShift().first < 0)
                moveFocus(0, 0);
            updateAccessibleShifts();
            update();
        };
        connect(model, &QAbstractItemModel::modelReset, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::rowsMoved, this, changed);
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
    }
    updateScrollRange();
    updateAccessibleShifts();
    update();
}

void ScheduleTimeline::setUsername(const QString& username)
{
    m_username = username;
    update();
}

void ScheduleTimeline::setPending(const QList<Pending>& pending)
{
    m_pending = pending;
    update();
}

void ScheduleTimeline::setRange(const QDate& firstDay, int days)
{
    if (firstDay == m_geometry.firstDay() && days == m_geometry.days())
        return;
    m_geometry.setRange(firstDay, days);
    updateAccessibleShifts();
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
    updateAccessibleShifts();
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
    const QColor warning = look::toneColor(look::Tone::Warning, pal);
    const QPair<int, int> focus = focusedShift();
    const bool focused = hasFocus();
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
        painter.setPen(pal.color(QPalette::PlaceholderText));
        QString sub = row.rotationName;
        if (sub.isEmpty())
            sub = row.onCallType == QLatin1String("user") ? tr("Fixed user") : row.onCallType;
        if (!row.shiftName.isEmpty())
            sub += QStringLiteral(" · ") + row.shiftName;
        if (row.step > 0)
            sub = tr("Step %1 · %2").arg(row.step + 1).arg(sub);
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
            const int index = static_cast<int>(it - row.shifts.cbegin());
            const bool isOverride = it->isOverride || overrides;
            const bool uncovered = overrides && it->user.isEmpty();
            const bool mine = !m_username.isEmpty() && it->user == m_username;
            const QColor fill = shiftColor(r, index);
            painter.setPen(uncovered ? warning : fill.darker(mine ? 150 : 130));
            painter.setBrush(fill);
            painter.drawRoundedRect(bar, 3, 3);
            if (isOverride) {
                QColor lines = uncovered ? warning : pal.color(QPalette::Text);
                if (!uncovered)
                    lines.setAlpha(70);
                painter.fillRect(bar.adjusted(1, 1, -1, -1), QBrush(lines, Qt::BDiagPattern));
            }
            const QColor ink = mine ? pal.color(QPalette::HighlightedText)
                : uncovered         ? pal.color(QPalette::Text)
                                    : barText;
            const bool cutLeft = it->start < rangeStart;
            const bool cutRight = it->end > rangeEnd;
            if (cutLeft)
                drawContinues(painter, bar, true, ink);
            if (cutRight)
                drawContinues(painter, bar, false, ink);
            if (bar.width() > 12) {
                QString who = it->user.isEmpty() ? (overrides ? tr("Nobody covers") : tr("Nobody"))
                                                 : m_model->displayName(it->user);
                if (overrides)
                    who = m_model->displayName(it->replacedUser) + QStringLiteral(" → ") + who;
                painter.setPen(ink);
                const QRectF textRect = bar.adjusted(cutLeft ? 10 : 6, 0, cutRight ? -10 : -4, 0);
                painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                    barLabel(who, fm, static_cast<int>(textRect.width())));
            }
            if (focused && r == focus.first && index == focus.second) {
                QPen ring(pal.color(QPalette::Text), 2, Qt::DotLine);
                painter.setPen(ring);
                painter.setBrush(Qt::NoBrush);
                painter.drawRoundedRect(bar.adjusted(-1.5, -2.5, 1.5, 2.5), 4, 4);
            }
        }
        // Changes asked for and not yet read back: dashed, in the colour of the one who will be
        // on call.
        for (const Pending& change : std::as_const(m_pending)) {
            if (change.rowKey != row.key)
                continue;
            const QRectF bar
                = m_geometry.shiftRect(change.start, change.end, top + 2, RowHeight - 4);
            if (bar.isNull())
                continue;
            QColor fill = change.user == m_username ? mineColour(pal) : personColour(change.user);
            fill.setAlpha(200);
            painter.setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
            painter.setBrush(fill);
            painter.drawRoundedRect(bar, 3, 3);
            painter.setPen(
                change.user == m_username ? pal.color(QPalette::HighlightedText) : barText);
            painter.drawText(bar.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(tr("Saving…"), Qt::ElideRight, static_cast<int>(bar.width() - 10)));
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
    QStringList under;
    QList<int> spans;
    const QStringList labels = dayLabels(boldFm, smallFm, &under, &spans);
    for (qsizetype i = 0; i + 1 < days.size(); ++i) {
        painter.setPen(grid);
        if (spans.value(i) == 0) {
            // The label of a day before takes this day's room: its line stays out of the way.
            painter.drawLine(
                QPointF(days.at(i).x, HeaderHeight - 6), QPointF(days.at(i).x, HeaderHeight));
            continue;
        }
        painter.drawLine(QPointF(days.at(i).x, 0), QPointF(days.at(i).x, HeaderHeight));
        const qreal w = days.at(i + spans.at(i)).x - days.at(i).x;
        painter.setPen(pal.color(QPalette::WindowText));
        painter.setFont(bold);
        painter.drawText(QRectF(days.at(i).x + 3, 2, w - 4, 20), Qt::AlignLeft | Qt::AlignVCenter,
            labels.value(i));
        if (!under.value(i).isEmpty()) {
            // In the base font where it fits, else smaller; never over the next day's.
            const bool fits = fm.horizontalAdvance(under.value(i)) <= w - 4;
            painter.setFont(fits ? baseFont : small);
            painter.save();
            painter.setClipRect(QRectF(days.at(i).x, 20, w, 20), Qt::IntersectClip);
            painter.drawText(QRectF(days.at(i).x + 3, 22, w - 4, 18),
                Qt::AlignLeft | Qt::AlignVCenter, under.value(i));
            painter.restore();
        }
    }
    // The legend, under the zone: what the colours of the bars say.
    painter.setFont(small);
    {
        const QRectF swatch(8, 27, 10, 10);
        painter.setPen(mineColour(pal).darker(150));
        painter.setBrush(mineColour(pal));
        painter.drawRect(swatch);
        painter.setPen(pal.color(QPalette::WindowText));
        const QString yours = tr("Your shifts");
        painter.drawText(
            QRectF(22, 22, LabelWidth - 26, 18), Qt::AlignLeft | Qt::AlignVCenter, yours);
        const qreal x = 22 + smallFm.horizontalAdvance(yours) + 10;
        if (x + 14 + smallFm.horizontalAdvance(tr("Nobody covers")) < LabelWidth - 4) {
            const QRectF hatched(x, 27, 10, 10);
            painter.setPen(warning);
            painter.setBrush(look::toneBackground(look::Tone::Warning, pal));
            painter.drawRect(hatched);
            painter.fillRect(hatched, QBrush(warning, Qt::BDiagPattern));
            painter.setPen(pal.color(QPalette::WindowText));
            painter.drawText(QRectF(x + 14, 22, LabelWidth - x - 16, 18),
                Qt::AlignLeft | Qt::AlignVCenter, tr("Nobody covers"));
        }
    }
    painter.setFont(small);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const int labelWidth = smallFm.horizontalAdvance(QStringLiteral("00")) + 4;
    if (m_geometry.width() / std::max<qsizetype>(1, hours.size()) > labelWidth || step < 24) {
        for (const TimelineTick& tick : hours) {
            if (tick.hour == 0 && step >= 24)
                continue;
            // A day's second line, drawn on the hour line, keeps its place.
            const qsizetype day = std::max<qsizetype>(0,
                std::upper_bound(days.cbegin(), days.cend(), tick.x,
                    [](qreal x, const TimelineTick& d) { return x < d.x; })
                    - days.cbegin() - 1);
            qsizetype owner = day;
            while (owner > 0 && spans.value(owner) == 0)
                --owner; // a day without a label of its own lies in the room of one before
            if (!under.value(owner).isEmpty()
                && tick.x < days.at(owner).x + fm.horizontalAdvance(under.value(owner)) + 8)
                continue;
            if (!under.value(day).isEmpty()
                && tick.x < days.at(day).x + fm.horizontalAdvance(under.value(day)) + 8)
                continue;
            painter.drawText(QRectF(tick.x + 2, 22, labelWidth, 18),
                Qt::AlignLeft | Qt::AlignVCenter, tick.label);
        }
    }

    // Now-line.
    const QDateTime current = now();
    if (current >= rangeStart && current < rangeEnd) {
        const qreal x = m_geometry.xFor(current);
        const QColor nowColour = look::toneColor(look::Tone::Error, pal);
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

QStringList ScheduleTimeline::dayLabels(const QFontMetrics& fm, const QFontMetrics& underFm,
    QStringList* second, QList<int>* spans) const
{
    // One kind of label for every day, the longest that fits them all (a short or long
    // daylight-saving day must not get a label of its own kind): "Sat 5 Dec"; "Sat 5" with the
    // month beside the first day and where a month begins when it fits, else under it; "Sat"
    // over "5"; "5" over the weekday's letter. The month is always named where it begins. Where
    // even that is too wide for a day, a label takes the room of the days after it (every other
    // day, every third, …) rather than be cut: no label is ever drawn wider than its room.
    const QList<TimelineTick> days = m_geometry.dayTicks();
    const QLocale locale;
    const int count = static_cast<int>(days.size()) - 1;
    const auto weekday = [this, &locale](int i) -> QString {
        return locale.dayName(m_geometry.firstDay().addDays(i).dayOfWeek(), QLocale::ShortFormat);
    };
    const auto month = [this, &locale](int i) -> QString {
        return locale.monthName(m_geometry.firstDay().addDays(i).month(), QLocale::ShortFormat);
    };
    const auto number
        = [this](int i) { return QString::number(m_geometry.firstDay().addDays(i).day()); };
    const auto full = [&](int i) -> QString {
        return weekday(i) + QLatin1Char(' ') + number(i) + QLatin1Char(' ') + month(i);
    };
    const auto firstLine = [&](int i, int kind) -> QString {
        switch (kind) {
        case 0:
            return full(i);
        case 1:
            return weekday(i) + QLatin1Char(' ') + number(i);
        case 2:
            return weekday(i);
        default:
            return number(i);
        }
    };
    // The room of a label at day `from` that runs until day `to` (exclusive).
    const auto room = [&days](int from, int to) { return days.at(to).x - days.at(from).x - 6; };
    const auto newMonth
        = [this](int i) { return i == 0 || m_geometry.firstDay().addDays(i).day() == 1; };
    int kind = 0;
    for (int i = 0; i < count && kind < 3; ++i) {
        while (kind < 3 && fm.horizontalAdvance(firstLine(i, kind)) > room(i, i + 1))
            ++kind;
    }
    const auto underFor = [&](int i) -> QString {
        switch (kind) {
        case 1:
            return newMonth(i) && fm.horizontalAdvance(full(i)) > room(i, i + 1) ? month(i)
                                                                                 : QString();
        case 2:
            return newMonth(i) ? number(i) + QLatin1Char(' ') + month(i) : number(i);
        case 3:
            return newMonth(i) ? month(i) : weekday(i).left(1);
        default:
            return {};
        }
    };
    const auto textFor = [&](int i) -> QString {
        return kind == 1 && newMonth(i) && underFor(i).isEmpty() ? full(i) : firstLine(i, kind);
    };
    const auto needs = [&](int i) {
        return std::max(fm.horizontalAdvance(textFor(i)), underFm.horizontalAdvance(underFor(i)));
    };

    // Which days get a label: every day, unless a label needs the room of the next ones. A
    // day where a month begins keeps its label (the one before gives way instead).
    QList<int> labelled;
    for (int i = 0; i < count; ++i)
        labelled.append(i);
    for (qsizetype k = 0; k < labelled.size(); ++k) {
        while (k + 1 < labelled.size()
            && needs(labelled.at(k)) > room(labelled.at(k), labelled.at(k + 1))) {
            if (!newMonth(labelled.at(k + 1)))
                labelled.removeAt(k + 1);
            else if (k > 0 && !newMonth(labelled.at(k))) {
                labelled.removeAt(k);
                --k;
            } else
                break; // two months begin side by side: the first is cut, nothing to give way
        }
    }
    // The last label has no neighbour to take room from: it gives way itself.
    while (labelled.size() > 1 && !newMonth(labelled.last())
        && needs(labelled.last()) > room(labelled.last(), count))
        labelled.removeLast();

    QStringList labels;
    second->clear();
    if (spans)
        spans->clear();
    for (int i = 0; i < count; ++i) {
        labels.append(QString());
        second->append(QString());
        if (spans)
            spans->append(0);
    }
    for (qsizetype k = 0; k < labelled.size(); ++k) {
        const int i = labelled.at(k);
        labels[i] = textFor(i);
        (*second)[i] = underFor(i);
        if (spans)
            (*spans)[i] = (k + 1 < labelled.size() ? labelled.at(k + 1) : count) - i;
    }
    return labels;
}

QFont ScheduleTimeline::underFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    return small;
}

QList<ScheduleTimeline::HeaderLabel> ScheduleTimeline::headerLayout() const
{
    QFont bold = font();
    bold.setBold(true);
    QStringList under;
    QList<int> spans;
    const QStringList labels
        = dayLabels(QFontMetrics(bold), QFontMetrics(underFont()), &under, &spans);
    const QList<TimelineTick> days = m_geometry.dayTicks();
    QList<HeaderLabel> out;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (spans.at(i) == 0)
            continue;
        out.append({ static_cast<int>(i), labels.at(i), under.at(i), days.at(i).x,
            days.at(i + spans.at(i)).x - days.at(i).x });
    }
    return out;
}

QStringList ScheduleTimeline::headerLabels() const
{
    QFont bold = font();
    bold.setBold(true);
    QStringList under;
    QStringList labels = dayLabels(QFontMetrics(bold), QFontMetrics(underFont()), &under);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (!under.value(i).isEmpty())
            labels[i] += QLatin1Char('\n') + under.at(i);
    }
    return labels;
}

bool ScheduleTimeline::isMine(int row, int shift) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const ScheduleRow& r = m_model->row(row);
    return shift >= 0 && shift < r.shifts.size() && !m_username.isEmpty()
        && r.shifts.at(shift).user == m_username;
}

bool ScheduleTimeline::isUncovered(int row, int shift) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const ScheduleRow& r = m_model->row(row);
    return r.kind == ScheduleRow::Kind::Overrides && shift >= 0 && shift < r.shifts.size()
        && r.shifts.at(shift).user.isEmpty();
}

QColor ScheduleTimeline::shiftColor(int row, int shift) const
{
    if (isUncovered(row, shift))
        return look::toneBackground(look::Tone::Warning, palette());
    if (isMine(row, shift))
        return mineColour(palette());
    if (!m_model || row < 0 || row >= m_model->rowCount()
        || shift >= m_model->row(row).shifts.size() || shift < 0)
        return {};
    return personColour(m_model->row(row).shifts.at(shift).user);
}

QString ScheduleTimeline::shiftText(int row, int shift) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const ScheduleRow& r = m_model->row(row);
    if (shift < 0 || shift >= r.shifts.size())
        return {};
    const ScheduleShift& s = r.shifts.at(shift);
    const QLocale locale;
    const auto when = [this, &locale](const QDateTime& t) {
        return locale.toString(t.toTimeZone(m_geometry.zone()),
            displayFormat(QStringLiteral("ddd d MMM HH:mm"), locale));
    };
    const QString who = m_model->displayName(s.user);
    const QString away = m_model->displayName(s.replacedUser);
    QString text;
    if (r.kind == ScheduleRow::Kind::Overrides) {
        text = s.user.isEmpty()
            ? tr("Nobody covers this override: %1 is away, and stays on call here until someone "
                 "stands in")
                  .arg(away)
            : tr("%1 stands in: override for %2").arg(who, away);
    } else if (s.user.isEmpty()) {
        text = tr("Nobody on call");
    } else if (s.isOverride) {
        text = s.replacedUser.isEmpty() ? tr("%1 on call (override)").arg(who)
                                        : tr("%1 on call: override for %2").arg(who, away);
    } else {
        text = tr("%1 on call").arg(who);
    }
    if (isMine(row, shift))
        text += QLatin1Char('\n') + tr("Your shift");
    QString place = r.policyName;
    if (r.kind == ScheduleRow::Kind::Rotation) {
        if (r.step > 0)
            place += QStringLiteral(" · ") + tr("step %1").arg(r.step + 1);
        if (!r.rotationName.isEmpty())
            place += QStringLiteral(" · ") + r.rotationName;
    }
    if (r.teamName != r.policyName && !r.teamName.isEmpty())
        place += QStringLiteral(" (") + r.teamName + QLatin1Char(')');
    return text + QLatin1Char('\n') + place + QLatin1Char('\n') + when(s.start)
        + QStringLiteral(" – ") + when(s.end) + QStringLiteral(" (")
        + QString::fromUtf8(m_geometry.zone().id()) + QLatin1Char(')');
}

QPair<int, int> ScheduleTimeline::shiftAt(const QPoint& pos) const
{
    const int r = rowAt(pos.y());
    if (r < 0 || pos.x() < m_geometry.left())
        return { -1, -1 };
    const ScheduleRow& row = m_model->row(r);
    const QDateTime at = m_geometry.timeAt(pos.x());
    const auto it = firstVisible(row.shifts, at);
    if (it == row.shifts.cend() || it->start > at)
        return { -1, -1 };
    return { r, static_cast<int>(it - row.shifts.cbegin()) };
}

QString ScheduleTimeline::toolTipAt(const QPoint& pos) const
{
    const QPair<int, int> at = shiftAt(pos);
    return shiftText(at.first, at.second);
}

QPair<int, int> ScheduleTimeline::focusedShift() const
{
    if (!m_model || m_focusKey.isEmpty())
        return { -1, -1 };
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ScheduleRow& row = m_model->row(r);
        if (row.key != m_focusKey)
            continue;
        // The same start, or (the shift split or moved by a refresh) the one running then.
        const auto it = firstVisible(row.shifts, m_focusStart);
        if (it == row.shifts.cend() || it->start > m_focusStart)
            return { -1, -1 };
        return { r, static_cast<int>(it - row.shifts.cbegin()) };
    }
    return { -1, -1 };
}

void ScheduleTimeline::setFocusedShift(int row, int shift)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const ScheduleRow& r = m_model->row(row);
    if (shift < 0 || shift >= r.shifts.size())
        return;
    const ScheduleShift s = r.shifts.at(shift);
    m_focusKey = r.key;
    m_focusStart = s.start;
    // Into view: the row, then the days (the shift's first day when none of it is shown).
    const int top = row * RowHeight;
    const int visible = std::max(RowHeight, height() - HeaderHeight);
    if (top < m_scroll->value())
        m_scroll->setValue(top);
    else if (top + RowHeight > m_scroll->value() + visible)
        m_scroll->setValue(top + RowHeight - visible);
    if (s.start >= m_geometry.end())
        setRange(s.start.toTimeZone(m_geometry.zone()).date(), spanDays());
    else if (s.end <= m_geometry.start())
        setRange(s.end.addSecs(-1).toTimeZone(m_geometry.zone()).date().addDays(1 - spanDays()),
            spanDays());
    if (hasFocus() && QAccessible::isActive())
        notifyAccessible(accessibleShift(row, shift), QAccessible::Focus);
    update();
}

void ScheduleTimeline::moveFocus(int dx, int dy)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const QPair<int, int> current = focusedShift();
    const QDateTime rangeStart = m_geometry.start();
    const QDateTime rangeEnd = m_geometry.end();
    // The shift of `row` nearest to `at` among those shown; -1 when the row shows none.
    const auto nearest = [this, &rangeStart, &rangeEnd](int row, const QDateTime& at) {
        const QList<ScheduleShift>& shifts = m_model->row(row).shifts;
        int best = -1;
        qint64 bestDistance = 0;
        for (int i = 0; i < shifts.size(); ++i) {
            const ScheduleShift& s = shifts.at(i);
            if (!(s.start < rangeEnd && s.end > rangeStart))
                continue;
            const qint64 distance = s.start <= at && at < s.end
                ? 0
                : std::min(std::abs(at.msecsTo(s.start)), std::abs(at.msecsTo(s.end)));
            if (best < 0 || distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    };
    if (current.first < 0) {
        // The first shift running now (or else the first shown), from the first row shown.
        const QDateTime at = now() >= rangeStart && now() < rangeEnd ? now() : rangeStart;
        for (int r = std::max(0, m_scroll->value() / RowHeight); r < m_model->rowCount(); ++r) {
            const int s = nearest(r, at);
            if (s >= 0) {
                setFocusedShift(r, s);
                return;
            }
        }
        return;
    }
    if (dx != 0) {
        const int next = current.second + dx;
        if (next >= 0 && next < m_model->row(current.first).shifts.size())
            setFocusedShift(current.first, next);
        else if (dx > 0)
            stepForward(); // the next shift lies beyond what was read: read further
        else
            stepBack();
        return;
    }
    if (dy == 0)
        return;
    const ScheduleShift& from = m_model->row(current.first).shifts.at(current.second);
    const QDateTime at
        = std::max(from.start, rangeStart)
              .addMSecs(std::max(from.start, rangeStart).msecsTo(std::min(from.end, rangeEnd)) / 2);
    for (int r = current.first + dy; r >= 0 && r < m_model->rowCount(); r += dy) {
        const int s = nearest(r, at);
        if (s >= 0) {
            setFocusedShift(r, s);
            return;
        }
    }
}

void ScheduleTimeline::requestFocusedMenu()
{
    if (focusedShift().first < 0)
        moveFocus(0, 0);
    const QPair<int, int> focus = focusedShift();
    if (focus.first < 0)
        return;
    const QRectF rect = shiftRect(focus.first, focus.second);
    const QPoint at = rect.isNull()
        ? QPoint(width() / 2, HeaderHeight)
        : QPoint(static_cast<int>(rect.left()) + 8, static_cast<int>(rect.bottom()));
    Q_EMIT shiftMenuRequested(focus.first, focus.second, mapToGlobal(at));
}

void ScheduleTimeline::contextMenuEvent(QContextMenuEvent* event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        requestFocusedMenu();
        event->accept();
        return;
    }
    const QPair<int, int> at = shiftAt(event->pos());
    if (at.first < 0) {
        event->ignore();
        return;
    }
    setFocusedShift(at.first, at.second);
    Q_EMIT shiftMenuRequested(at.first, at.second, event->globalPos());
    event->accept();
}

void ScheduleTimeline::mousePressEvent(QMouseEvent* event)
{
    const QPair<int, int> at = shiftAt(event->pos());
    if (at.first >= 0)
        setFocusedShift(at.first, at.second);
    QWidget::mousePressEvent(event);
}

void ScheduleTimeline::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    const QPair<int, int> focus = focusedShift();
    if (focus.first < 0)
        moveFocus(0, 0);
    else if (QAccessible::isActive())
        notifyAccessible(accessibleShift(focus.first, focus.second), QAccessible::Focus);
    update();
}

void ScheduleTimeline::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
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
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->key() == Qt::Key_Menu
        || (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier)) {
        requestFocusedMenu();
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        if (ctrl)
            stepBack();
        else
            moveFocus(-1, 0);
        break;
    case Qt::Key_Right:
        if (ctrl)
            stepForward();
        else
            moveFocus(1, 0);
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
        moveFocus(0, -1);
        break;
    case Qt::Key_Down:
        moveFocus(0, 1);
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
