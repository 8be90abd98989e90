// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QTimer;

namespace rota {

class HeldCalls;

//! A slim bar across the window while an action of the user waits for the API's rate limit:
//! "Acknowledge #12 waits 25 s for the API's rate limit", counting down, with Cancel (nothing is
//! sent; the action says it was cancelled). Several held calls: the first, and how many more.
//! Hidden while nothing is held.
class HeldCallsBar : public QFrame {
    Q_OBJECT
public:
    //! `calls` is not owned (it goes with its client); the bar follows it until it is gone.
    explicit HeldCallsBar(HeldCalls* calls, QWidget* parent = nullptr);

private:
    void refresh();
    void cancelShown();

    QPointer<HeldCalls> m_calls;
    QLabel* m_text;
    QPushButton* m_cancel;
    QTimer* m_tick;
    quint64 m_shownId = 0;
};

} // namespace rota
