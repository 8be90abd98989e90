// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "accessibleitems.h"
#include "pagingpolicymodel.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QMenu;

namespace rota {

//! The steps of a PagingPolicyModel drawn as cards from top to bottom ("Step 1 — then wait 5
//! minutes") with the rules as chips. A view over the model: drags carry the model's mimeData()
//! and drops go through canDropMimeData()/dropMimeData(), with an insertion marker showing where a
//! drop lands. Where the model refuses a drop for a reason (the step already has that contact) the
//! marker turns red with the reason beside it, the drag shows it cannot drop there, and
//! dropRefused() gives the reason in words. Keyboard: arrows move the current item; Alt+arrows move
//! it (Alt+Up/Down: a step up or down, a rule to the previous or next step; Alt+Left/Right: a rule
//! within its step); Delete removes; the context menu (Menu key, Shift+F10) offers the same as the
//! drags.
//!
//! Accessibility: the canvas is a tree whose items are the steps, and a step's items its rules
//! (named as the cards and chips say), the current one focused. Their actions do what a drag does,
//! through the model (so Undo takes them back): a step has "MoveUp", "MoveDown", "Remove" and
//! "AddContact:N" (N: the palette entry, 0-based), a rule "MoveLeft", "MoveRight",
//! "MoveToPreviousStep", "MoveToNextStep" and "Remove"; both have SetFocus and ShowMenu.
class PolicyStepCanvas : public QWidget {
    Q_OBJECT
public:
    //! The model is not owned.
    explicit PolicyStepCanvas(PagingPolicyModel* model, QWidget* parent = nullptr);

    //! The palette's entries, for "Add contact…" and "Change to…".
    void setPaletteRules(const QList<PagingRule>& rules) { m_palette = rules; }
    //! The timeouts offered in "Then wait…".
    void setTimeouts(const QList<int>& minutes) { m_timeouts = minutes; }

    //! Read-only: the policy is shown (and the current item moves with the arrows) but nothing
    //! changes it: no drag, no drop (dropSpotAt() finds no spot), no "new step" zone, no menu, no
    //! Delete or Insert.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    QModelIndex currentIndex() const { return m_current; }
    void setCurrentIndex(const QModelIndex& index);
    //! The step of the current item (its own row, or its rule's step); -1 when none.
    int currentStep() const;

    //! Where a drop at `pos` would land: (parent, row) for the model, and the marker's rectangle.
    struct DropSpot {
        bool valid = false;
        QModelIndex parent;
        int row = -1;
        QRect marker;
        QString refusal; //!< why the model refuses a drop here (then not valid), in words
        int duplicate = -1; //!< with a refusal: the rule of the step the drop would repeat
    };
    DropSpot dropSpotAt(const QMimeData* data, const QPoint& pos) const;
    //! For pictures and tests: shows the drag state (the marker and a ghost of the dragged item at
    //! `pos`) as during a real drag of `data`, without one. An empty `data` clears it.
    void showDragPreview(const QMimeData* data, const QPoint& pos);
    bool isDropMarkerVisible() const { return m_drop.valid; }
    QRect dropMarker() const { return m_drop.marker; }
    //! During a drag over a place the model refuses (see DropSpot::refusal): the reason.
    QString dropRefusal() const { return m_drop.refusal; }

    //! Geometry for tests and pictures: the card of a step, the chip of a rule.
    QRect stepRect(int step) const;
    QRect ruleRect(int step, int rule) const;
    QRect newStepRect() const;
    //! What the card of `step` says follows it: "then wait 5 minutes before step 2", or for the
    //! last step that it repeats until someone acknowledges.
    QString afterStepText(int step) const;

    //! The context menu for an item (an invalid index: the empty area). Caller owns it.
    QMenu* menuFor(const QModelIndex& index, QWidget* parent);

    //! What a drag of `index` (a step or a rule) does, as Alt+`key` does it for the current item:
    //! Up/Down a step one place, or a rule to the end of the step before/after; Left/Right a rule
    //! one place within its step. Through the model's drop, as a drag. False when nothing moved.
    bool moveItem(const QModelIndex& index, int key);
    //! What dropping `index` on the trash does (and Delete for the current item).
    bool removeItem(const QModelIndex& index);
    //! What dropping palette entry `rule` on step `step` does: the contact at the step's end.
    bool addContact(int step, const PagingRule& rule);
    //! The palette's entries, as setPaletteRules() gave them.
    const QList<PagingRule>& paletteRules() const { return m_palette; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void currentChanged(const QModelIndex& index);
    //! A drag came over a place where the model refuses it (`reason` in words), or, with an empty
    //! reason, moved on to a place where it may drop.
    void dropRefused(const QString& reason);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    friend class PolicyCanvasAccessible;
    friend class PolicyItemAccessible;

    struct Card {
        QRect card;
        QRect header;
        QRect wait; //!< what follows the step: beside the title, or under it when narrow
        QRect chipArea;
        QList<QRect> chips;
    };
    struct Layout {
        QList<Card> cards;
        QRect newStep;
        int height = 0;
    };
    Layout layoutFor(int width) const;
    QModelIndex indexAt(const QPoint& pos) const;
    void relayout();
    void startDrag(const QModelIndex& index);
    void moveCurrent(int key);
    void moveCurrentItem(int key);
    void removeCurrent();
    void showMenuAt(const QModelIndex& index, const QPoint& globalPos);
    //! The menu of `index` where the keyboard opens it.
    void showMenuFor(const QModelIndex& index);
    //! The accessible interface of a step or rule (made on first ask, then the same one).
    QAccessibleInterface* accessibleItem(const QModelIndex& index);
    QRect itemRect(const QModelIndex& index) const;
    void connectAccessibility();

    PagingPolicyModel* m_model;
    QPersistentModelIndex m_current;
    QList<PagingRule> m_palette;
    QList<int> m_timeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };
    QPoint m_pressPos;
    QPersistentModelIndex m_pressed;
    DropSpot m_drop;
    QPoint m_ghostPos;
    QString m_ghostText;
    bool m_readOnly = false;
    AccessibleItems m_accessible;
};

} // namespace rota
