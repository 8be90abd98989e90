// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The schedule timeline, painted by hand: one row per escalation policy, step and rotation (from a
// ScheduleModel), shift bars with the person's name, the signed-in user's own shifts in their own
// colour, overrides hatched (those nobody covers in the warning colour), a day and hour grid in
// the chosen zone and a now-line. Only what is visible is painted; there is no widget per shift.
// One shift at a time has the keyboard focus (the arrow keys move it); its menu (right click, the
// menu key, Shift+F10) is asked for with shiftMenuRequested().
// Accessibility: the shifts shown (shownShifts()) are the timeline's accessible children, a list
// of items named in words (who, where, from–until, override), the focused one focused, each with
// the actions SetFocus and ShowMenu.

#include "accessibleitems.h"
#include "schedulemodel.h"
#include "timelinegeometry.h"

#include <QDate>
#include <QDateTime>
#include <QPair>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QScrollBar;
class QTimer;

namespace rota {

class ScheduleTimeline : public QWidget {
    Q_OBJECT
public:
    static constexpr int HeaderHeight = 42;
    static constexpr int LabelWidth = 190;
    static constexpr int RowHeight = 34;

    explicit ScheduleTimeline(QWidget* parent = nullptr);

    //! Not owned. Repaints when it changes.
    void setModel(ScheduleModel* model);
    ScheduleModel* model() const { return m_model; }

    //! `days` whole days from `firstDay` (1, 7, 14 or 28 in the view; any >= 1 works).
    void setRange(const QDate& firstDay, int days);
    QDate firstDay() const { return m_geometry.firstDay(); }
    int spanDays() const { return m_geometry.days(); }
    //! An invalid zone means local time.
    void setZone(const QTimeZone& zone);
    QTimeZone zone() const { return m_geometry.zone(); }
    //! The instant of the now-line; by default the clock, updated every minute.
    void setNow(const QDateTime& now);
    QDateTime now() const;
    //! Said in the middle while there are no rows (e.g. "Loading…", an error in words).
    void setEmptyText(const QString& text);
    //! The signed-in user: their shifts are drawn in a colour of their own.
    void setUsername(const QString& username);
    QString username() const { return m_username; }

    //! A change asked for and not yet in the schedule read: `user` on call in row `rowKey` from
    //! `start` to `end`, drawn dashed until the next read shows (or not) the real thing.
    struct Pending {
        QString rowKey;
        QDateTime start;
        QDateTime end;
        QString user;
    };
    void setPending(const QList<Pending>& pending);
    QList<Pending> pending() const { return m_pending; }

    //! The shift with the keyboard focus: row and index in the row's shifts; {-1, -1} for none.
    QPair<int, int> focusedShift() const;
    //! Gives shift `shift` of row `row` the focus (and brings it into view).
    void setFocusedShift(int row, int shift);
    //! Whether shift `shift` of row `row` is the signed-in user's.
    bool isMine(int row, int shift) const;
    //! Whether shift `shift` of row `row` is an override nobody covers.
    bool isUncovered(int row, int shift) const;
    //! The fill colour of shift `shift` of row `row` as painted (the user's own, a person's, or
    //! the warning colour of an override nobody covers).
    QColor shiftColor(int row, int shift) const;
    //! The whole of a shift in words, as its tooltip says and "Copy" copies: who, the policy and
    //! row, from–until with weekday and date, the zone, "override for X" when it is one.
    QString shiftText(int row, int shift) const;
    //! The day labels of the header as drawn, one per day ("Sat 5 Dec", "Sun 6", "Sat\n5 Dec",
    //! …: what is drawn under the day, on the hour line, comes after a newline).
    //! Days whose label the room takes over get an empty one.
    QStringList headerLabels() const;
    //! One label of the header as laid out: the day it names, its two lines, and its room (from
    //! x, `room` wide: the day's column, or more columns when its neighbours give way).
    struct HeaderLabel {
        int day;
        QString text;
        QString under;
        qreal x;
        qreal room;
    };
    //! The labels drawn in the header, left to right: the first line fits its room in the bold
    //! font it is drawn in, the second in the smaller font it is drawn in where the text's is
    //! too wide.
    QList<HeaderLabel> headerLayout() const;
    //! The geometry of the last layout (x of times, shift rectangles), for tests.
    const TimelineGeometry& geometry() const { return m_geometry; }
    //! Paints the whole timeline into `rect` of `painter` (paintEvent and the bench use it).
    void paintTimeline(QPainter& painter, const QRect& rect);
    //! Shift bars painted by the last paintTimeline().
    int lastPaintedShifts() const { return m_painted; }
    //! What the tooltip says at `pos` (empty over nothing).
    QString toolTipAt(const QPoint& pos) const;
    //! The rectangle of shift `shift` of row `row` in widget coordinates (null when not shown).
    QRectF shiftRect(int row, int shift) const;
    //! The shifts within the days shown, row by row, each as {row, index in the row's shifts}
    //! (the accessible children, in this order).
    QList<QPair<int, int>> shownShifts() const;

    QSize sizeHint() const override { return { 900, 360 }; }
    QSize minimumSizeHint() const override { return { 400, HeaderHeight + RowHeight * 2 }; }

public Q_SLOTS:
    void stepBack(); //!< one day earlier
    void stepForward(); //!< one day later
    void pageBack(); //!< one span earlier
    void pageForward(); //!< one span later
    void goToToday();

Q_SIGNALS:
    void rangeChanged(const QDate& firstDay, int days);
    //! The menu of shift `shift` of row `row` is asked for, to open at `globalPos`.
    void shiftMenuRequested(int row, int shift, const QPoint& globalPos);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    friend class TimelineAccessible;
    friend class ShiftAccessible;

    void layoutArea();
    void updateScrollRange();
    int rowAt(int y) const;
    int rowTop(int row) const;
    QDate today() const;
    //! The shift under `pos` as {row, index}; {-1, -1} over none.
    QPair<int, int> shiftAt(const QPoint& pos) const;
    //! Moves the focus: dx to the previous/next shift of the row, dy to the row above/below.
    void moveFocus(int dx, int dy);
    //! Asks for the focused shift's menu at its rectangle (the keyboard's way).
    void requestFocusedMenu();
    //! Labels per day; `second` gets what is drawn under them, on the hour line (empty where
    //! nothing is).
    //! `spans` (when given) gets how many days each label's room covers: 0 for a day that has
    //! no label of its own.
    //! The first lines are measured with `fm`, the second with `underFm` (the smallest they are
    //! drawn in).
    QStringList dayLabels(const QFontMetrics& fm, const QFontMetrics& underFm, QStringList* second,
        QList<int>* spans = nullptr) const;
    //! The smaller font a day's second line may be drawn in.
    QFont underFont() const;
    //! The shift of row `rowKey` starting at `start`, if it is shown: {row, index}, else {-1, -1}.
    QPair<int, int> shownShift(const QString& rowKey, const QDateTime& start) const;
    //! The accessible interface of a shift (made on first ask, then the same one).
    QAccessibleInterface* accessibleShift(int row, int shift);
    //! After the schedule, the days or the zone changed: the shifts no longer shown go, the
    //! others say their new names.
    void updateAccessibleShifts();

    QPointer<ScheduleModel> m_model;
    TimelineGeometry m_geometry;
    QScrollBar* m_scroll;
    QTimer* m_clock;
    QDateTime m_now; //!< invalid: the clock
    QString m_emptyText;
    QString m_username;
    QList<Pending> m_pending;
    QString m_focusKey; //!< the focused shift's row key
    QDateTime m_focusStart; //!< and its start: both stay right across a refresh
    int m_painted = 0;
    AccessibleItems m_accessible;
};

} // namespace rota
