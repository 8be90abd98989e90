// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QFrame>
#include <QModelIndex>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAbstractItemView;
class QAction;
class QLabel;
class QTimer;

namespace rota {

class PersonDetails;

//! A small card about one person, popped up over a view: avatar, name and username, e-mail
//! addresses (mailto: links), phone numbers (tel: links), teams, whether they are on call now and
//! until when, and their next shift. It shows what is known at once and fills in as
//! PersonDetails reads the rest; a failed read is said in words on the card.
class PersonCard : public QFrame {
    Q_OBJECT
public:
    //! Nothing owned; `people` must outlive the card.
    explicit PersonCard(PersonDetails* people, QWidget* parent = nullptr);

    //! Shows `username` (asking PersonDetails for what is missing) and keeps it current.
    void setPerson(const QString& username);
    QString person() const { return m_username; }
    //! Shows the card with its top left corner near `globalPos`, kept on the screen.
    void popUp(const QPoint& globalPos);

protected:
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refill();

    PersonDetails* m_people;
    QString m_username;
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_login;
    QLabel* m_emails;
    QLabel* m_phones;
    QLabel* m_teams;
    QLabel* m_onCall;
    QLabel* m_next;
    QLabel* m_status;
};

//! Shows a PersonCard over an item view for the person of the row under the mouse (after the
//! usual tooltip delay) and, for the current row, on Ctrl+I, so it is reachable without a mouse.
//! The card goes when the mouse leaves the view (unless it moves onto the card), on Esc, or when
//! the view hides. Rows that are no person (an empty username) keep their own tooltip.
class PersonHover : public QObject {
    Q_OBJECT
public:
    //! index → username of the person the row shows; empty for rows that are no person.
    using UsernameOf = std::function<QString(const QModelIndex&)>;

    //! Installs the hover on `view` (once: a second install replaces the function). The helper
    //! belongs to the view; `people` must outlive it.
    static PersonHover* install(
        QAbstractItemView* view, PersonDetails* people, UsernameOf usernameOf);
    //! The hover installed on `view`, if any.
    static PersonHover* of(const QAbstractItemView* view);

    //! Shows the card for the person of `index` (or, when that cell names nobody, of the first
    //! cell of its row that does) below it; false when the row is no person.
    bool showFor(const QModelIndex& index);
    void hideCard();
    //! The card (created on first use); nullptr before.
    PersonCard* card() const { return m_card; }
    //! The action (Ctrl+I) that shows the card for the current row.
    QAction* action() const { return m_action; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    PersonHover(QAbstractItemView* view, PersonDetails* people, UsernameOf usernameOf);
    bool showAt(const QModelIndex& index, const QPoint& globalPos);

    QAbstractItemView* m_view;
    const QObject* m_viewObject; //!< m_view, compared with what the event filter sees
    QWidget* m_viewport;
    PersonDetails* m_people;
    UsernameOf m_usernameOf;
    QPointer<PersonCard> m_card;
    QAction* m_action;
    QTimer* m_hideTimer;
};

} // namespace rota
