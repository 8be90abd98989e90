// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A tree view that takes users dropped onto it (as usernamesMimeData()), to add them to a team:
// the team list (dropped onto a team's row) and a team's member list (dropped anywhere on it).

#include <QPersistentModelIndex>
#include <QPixmap>
#include <QPoint>
#include <QStringList>
#include <QTreeView>

#include <functional>

class QMimeData;

namespace rota {

class TeamMemberDropView : public QTreeView {
    Q_OBJECT
public:
    enum class Target {
        Row, //!< a drop lands on the row under the pointer (the team list)
        WholeView, //!< a drop lands on the view as a whole (the member list)
    };

    explicit TeamMemberDropView(Target target, QWidget* parent = nullptr);
    ~TeamMemberDropView() override;

    Target target() const { return m_target; }

    //! Asked during a drag: why dropping these users at `index` (invalid for WholeView) is
    //! refused, in words; empty when they may be dropped. Unset: every drop is taken.
    using Refusal = std::function<QString(const QModelIndex& index, const QStringList& usernames)>;
    void setRefusal(Refusal refusal) { m_refusal = std::move(refusal); }
    //! Refuses every drop while set (a read-only key, nothing chosen).
    void setDropsEnabled(bool enabled);
    bool dropsEnabled() const { return m_dropsEnabled; }

    //! The row a drop at `pos` (viewport coordinates) would land on, with a refusal when there is
    //! one: the row's first column for Row, an invalid index for WholeView. `accepted` is false
    //! when nothing would be dropped there.
    struct DropSpot {
        bool accepted = false;
        QModelIndex index;
        QString refusal;
    };
    DropSpot dropSpotAt(const QMimeData* data, const QPoint& pos) const;

    //! True while a drag that may be dropped is over the view; the highlighted row (Row) or the
    //! whole view (WholeView, an invalid index).
    bool isDropHighlighted() const { return m_highlight; }
    QModelIndex highlightedRow() const { return m_highlightRow; }

    //! For pictures and tests: shows the drag state (the highlight, and the drag's picture under
    //! the pointer at `pos`, in viewport coordinates) as during a real drag of `data`, without one.
    //! `names` are what the picture says; an empty `data` clears it.
    void showDragPreview(const QMimeData* data, const QPoint& pos, const QStringList& names);

    //! The picture a drag of these people carries: the first one's avatar and name, and how many
    //! more (`usernames` and `names` in the same order).
    static QPixmap dragPixmap(
        const QStringList& usernames, const QStringList& names, const QWidget* style);
    //! Where the pointer holds that picture: above its left end, so that it hangs below the
    //! pointer and the row under the pointer stays in sight.
    static QPoint dragHotSpot() { return { 12, -16 }; }

Q_SIGNALS:
    //! Users were dropped at `index` (the row's first column for Row; invalid for WholeView).
    void usersDropped(const QModelIndex& index, const QStringList& usernames);
    //! A drag or drop was refused (or no longer is: empty); `reason` in words.
    void dropRefused(const QString& reason);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void setHighlight(const DropSpot& spot);

    Target m_target;
    Refusal m_refusal;
    bool m_dropsEnabled = true;
    bool m_highlight = false;
    QPersistentModelIndex m_highlightRow;
    QString m_refusalShown;
    QPixmap m_ghost; //!< the drag's picture in a staged preview
    QPoint m_ghostPos;
};

} // namespace rota
