// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QWidget>

namespace rota {

class PagingPolicyModel;

//! Drop a step or a rule here to remove it (through the model, so it can be undone).
class PolicyTrash : public QWidget {
    Q_OBJECT
public:
    explicit PolicyTrash(PagingPolicyModel* model, QWidget* parent = nullptr);
    QSize sizeHint() const override { return { 160, 56 }; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    PagingPolicyModel* m_model;
    bool m_hover = false;
};

} // namespace rota
