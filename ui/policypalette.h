// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "accessibleitems.h"
#include "pagingpolicymodel.h"

#include <QWidget>

namespace rota {

//! The user's contact methods as chips to drag onto a step (each drag carries
//! PagingPolicyModel::contactMimeData()). Double-click or Enter adds the entry to the current step
//! through `activated`. Accessibility: a list of the entries, each with the action Press (what
//! Enter does).
class PolicyPalette : public QWidget {
    Q_OBJECT
public:
    explicit PolicyPalette(PagingPolicyModel* model, QWidget* parent = nullptr);

    //! Push, then an e-mail entry per address, an SMS and a call entry per phone.
    void setContactMethods(const ContactMethods& methods);
    const QList<PagingRule>& rules() const { return m_rules; }
    QRect entryRect(int entry) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

Q_SIGNALS:
    void activated(const PagingRule& rule);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

    void focusInEvent(QFocusEvent* event) override;

private:
    friend class PaletteAccessible;
    friend class PaletteEntryAccessible;

    int entryAt(const QPoint& pos) const;
    void setCurrentEntry(int entry);
    //! The accessible interface of an entry (made on first ask, then the same one).
    QAccessibleInterface* accessibleEntry(int entry);

    PagingPolicyModel* m_model;
    QList<PagingRule> m_rules;
    int m_current = 0;
    int m_pressed = -1;
    QPoint m_pressPos;
    AccessibleItems m_accessible;
};

} // namespace rota
