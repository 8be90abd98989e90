// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "pagingpolicymodel.h"

#include <QWidget>

namespace rota {

//! The user's contact methods as chips to drag onto a step (each drag carries
//! PagingPolicyModel::contactMimeData()). Double-click or Enter adds the entry to the current step
//! through `activated`.
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

private:
    int entryAt(const QPoint& pos) const;

    PagingPolicyModel* m_model;
    QList<PagingRule> m_rules;
    int m_current = 0;
    int m_pressed = -1;
    QPoint m_pressPos;
};

} // namespace rota
