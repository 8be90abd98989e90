// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QWidget;

namespace rota {

//! Everything of a session the user could lose, asked before Rota quits or the session ends (an
//! account switch, a sign-out). Each owner of something that could be lost adds itself: edits
//! not sent yet (the paging policy, a note being written) and writes sent and not answered yet
//! (an acknowledgement, a note, a save).
//!
//! confirmLeave() first waits for the writes in flight, in a dialog that says how many and which
//! ("Waiting for 2 changes to reach Splunk On-Call…"), for at most waitLimit(); then it names
//! what did not arrive and lets the user leave anyway or stay. Then it asks about the unsaved
//! edits: Save (sends them and waits for them; leaves only when all arrived, otherwise stays and
//! says why), Discard, or Cancel. The dialogs are modal (exec()): a second request while one is
//! open is refused, not nested.
class UnsavedWork : public QObject {
    Q_OBJECT
public:
    enum class Leaving { Quit, SwitchAccount, SignOut };
    Q_ENUM(Leaving)

    //! One owner of something the user could lose. Every function may be empty.
    struct Owner {
        //! Edits not sent yet, in words, e.g. "your paging policy (unsaved changes)".
        std::function<QStringList()> unsaved;
        //! Writes sent and not answered yet, in words, e.g. "acknowledging incident #12".
        std::function<QStringList()> inFlight;
        //! Starts sending the unsaved edits (they are in flight next).
        std::function<void()> save;
        //! Drops the unsaved edits.
        std::function<void()> discard;
        //! After save(): why what is still unsaved was not saved, in words.
        std::function<QStringList()> errors;
        //! Shows where the unsaved edits are (after a save that failed).
        std::function<void()> show;
    };

    explicit UnsavedWork(QObject* parent = nullptr);

    //! Asks `owner` from now on, while `object` exists.
    void add(QObject* object, Owner owner);

    //! Asks the user (dialogs over `parent`) and waits as the class comment says. True when
    //! nothing is lost, or the user chose to lose it; false to stay. False at once while another
    //! confirmLeave() is asking.
    bool confirmLeave(Leaving leaving, QWidget* parent);
    //! True while confirmLeave() asks or waits.
    bool isAsking() const { return m_asking; }

    //! Everything unsaved and in flight now, in words.
    QStringList unsaved() const;
    QStringList inFlight() const;

    //! How long confirmLeave() waits for writes in flight before saying which did not arrive
    //! (default 15 s).
    void setWaitLimit(int ms) { m_waitLimitMs = ms; }
    int waitLimit() const { return m_waitLimitMs; }

private:
    enum class Waited { Arrived, LeaveAnyway, Stay };
    Waited waitForWrites(Leaving leaving, QWidget* parent);
    QStringList collect(std::function<QStringList()> Owner::*what) const;

    struct Entry {
        QPointer<QObject> object;
        Owner owner;
    };
    QList<Entry> m_owners;
    bool m_asking = false;
    int m_waitLimitMs = 15000;
};

} // namespace rota
