#pragma once

// The schedule timeline, painted by hand: one row per escalation policy and rotation (from a
// ScheduleModel), shift bars with the person's name, overrides hatched, a day and hour grid in the
// chosen zone and a now-line. Only what is visible is painted; there is no widget per shift.

#include "schedulemodel.h"
#include "timelinegeometry.h"

#include <QDate>
#include <QDateTime>
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

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    void layoutArea();
    void updateScrollRange();
    int rowAt(int y) const;
    int rowTop(int row) const;
    QDate today() const;

    QPointer<ScheduleModel> m_model;
    TimelineGeometry m_geometry;
    QScrollBar* m_scroll;
    QTimer* m_clock;
    QDateTime m_now; //!< invalid: the clock
    QString m_emptyText;
    int m_painted = 0;
};

} // namespace rota
