// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;
class QTreeView;

namespace rota {

class AwayPagesModel;

//! A strip above the incidents table while incidents paged the user while they were away
//! (AwayPagesModel): "3 incidents paged you while you were away", with Show (the list: number,
//! name, started, resolved by whom and when; a row's tooltip has its history) and Dismiss, which
//! clears them. Quiet on purpose: no sound, no alarm colour. Hidden while the model is empty.
class AwayPagesBanner : public QFrame {
    Q_OBJECT
public:
    //! Nothing owned; the model must outlive the banner.
    explicit AwayPagesBanner(AwayPagesModel* model, QWidget* parent = nullptr);

    QString text() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);
    //! Expands the list and selects the incident's row (nothing selected when it is not listed).
    void showPage(const QString& incidentNumber);

    // For tests: the parts a person uses.
    QLabel* label() const { return m_label; }
    QToolButton* toggleButton() const { return m_toggle; }
    QPushButton* dismissButton() const { return m_dismiss; }
    QTreeView* list() const { return m_list; }

Q_SIGNALS:
    //! A row was activated (double-click, Enter): show that incident if the window can.
    void openRequested(const QString& incidentNumber);

private:
    void showState();

    AwayPagesModel* m_model;
    QLabel* m_label;
    QToolButton* m_toggle;
    QPushButton* m_dismiss;
    QTreeView* m_list;
};

} // namespace rota
