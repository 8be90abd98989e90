// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "look.h"
#include "pagingpolicycontroller.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace rota {

class ContactMethodsController;
class ContactMethodsStore;
class ContactMethodsView;
class PagingPolicyConflictDialog;
class PolicyPalette;
class PolicyStepCanvas;
class PolicyTrash;

//! The page of the "paging-policy" view: the personal paging policy as cards (steps) and chips
//! (rules) over a PagingPolicyModel, a palette of the user's contact methods to drag from, a trash
//! target, Undo/Redo (Ctrl+Z, Ctrl+Shift+Z), a dirty marker, Save (Ctrl+S) with progress and
//! Discard, the result of a save in words, a conflict dialog when the policy changed on the server,
//! and a "Contact methods" tab. A user picker opens another user's policy (for admins; the service
//! refuses others, and the page says so).
//!
//! Loads when first shown (or on reload()). Refresh (F5, or the Refresh button) re-reads the
//! policy and the contact methods; showing the page again re-reads them too when the last read is
//! older than rereadAfter(). A re-read never loses edits: without edits the page shows the server's
//! policy; with edits that were made on an older policy than the server's, a banner says so and
//! offers to compare (the conflict dialog) or to take the server's.
//!
//! The status line never contradicts the dirty marker: a save's "Saved: …" becomes "Last saved at
//! …" at the next edit, and says there is nothing unsaved when the edits are undone back to it.
class PagingPolicyEditor : public QWidget {
    Q_OBJECT
public:
    //! Shows and edits `model`, which `controller` loads and saves; the "Contact methods" tab
    //! shows `contacts`, which `contactsController` reads and changes. Nothing is owned; all must
    //! outlive the page.
    PagingPolicyEditor(PagingPolicyModel* model, PagingPolicyController* controller,
        ContactMethodsStore* contacts, ContactMethodsController* contactsController,
        QWidget* parent = nullptr);

    PagingPolicyModel* model() const { return m_model; }
    PagingPolicyController* controller() const { return m_controller; }
    ContactMethodsStore* contactStore() const { return m_contacts; }
    ContactMethodsController* contactsController() const { return m_contactsController; }
    PolicyStepCanvas* canvas() const { return m_canvas; }
    PolicyPalette* palette() const { return m_palette; }
    PolicyTrash* trash() const { return m_trash; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* discardButton() const { return m_discard; }
    //! The words of the notice bar (plain text; visible while the bar is).
    QLabel* messageLabel() const;
    //! The editor's messages (saved, refused, failed): one dismissible bar above the steps.
    NoticeBar* notice() const { return m_notice; }
    QLabel* dirtyLabel() const { return m_dirty; }
    QComboBox* userPicker() const { return m_users; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* refreshAction() const { return m_refreshAction; }
    QToolButton* refreshButton() const { return m_refreshButton; }
    //! Shown while the server's policy changed under the edits.
    QFrame* serverChangeBanner() const { return m_serverBanner; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* takeServerButton() const { return m_takeServer; }
    //! The conflict dialog while one is open.
    PagingPolicyConflictDialog* conflictDialog() const;

    //! Reads the policy, the contact methods and the user list again (edits are dropped).
    void reload();
    //! Re-reads the policy and the contact methods, keeping the edits (what F5 does).
    void refresh();
    //! Showing the page re-reads when the last read is older than this (default 30 s; < 0: never).
    void setRereadAfter(int ms) { m_rereadAfterMs = ms; }
    int rereadAfter() const { return m_rereadAfterMs; }
    //! Opens another user's policy (drops the edits).
    void openUser(const QString& username);
    QString username() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    //! What the status line shows, which decides what an edit does to it.
    enum class MessageKind {
        None,
        Info, //!< goes at the next edit
        Saved, //!< a save's result: becomes history at the next edit
        History, //!< "Last saved at …", follows the edits
        Refusal, //!< why an edit was refused: goes at the next edit
        ReadError, //!< a re-read failed: goes when one succeeds
        Error, //!< stays until replaced
    };
    void reread(bool userAsked);
    void onLoaded(bool ok, const QString& message);
    void onSaved(const PagingSaveResult& result);
    void onConflict(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine);
    void onRefreshed(bool ok, bool changed, const QString& message);
    void openComparison();
    void openConflictDialog(
        const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine, bool saving);
    void onStateChanged();
    void onEdited();
    void showMessage(const QString& text, bool error);
    void showMessage(const QString& text, MessageKind kind);
    //! "Saved at 10:42.", and with \a withNotes what the save could not do as asked.
    QString savedText(bool withNotes) const;
    void loadUsers();
    void updateButtons();

    PagingPolicyModel* m_model;
    PagingPolicyController* m_controller;
    ContactMethodsStore* m_contacts;
    ContactMethodsController* m_contactsController;
    QTabWidget* m_tabs;
    PolicyStepCanvas* m_canvas;
    PolicyPalette* m_palette;
    PolicyTrash* m_trash;
    ContactMethodsView* m_contactsView;
    QComboBox* m_users;
    QLabel* m_title;
    QLabel* m_dirty;
    NoticeBar* m_notice;
    QProgressBar* m_progress;
    QPushButton* m_save;
    QPushButton* m_discard;
    QToolButton* m_undoButton;
    QToolButton* m_redoButton;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_saveAction;
    QAction* m_refreshAction;
    QToolButton* m_refreshButton;
    QProgressBar* m_refreshing;
    NoticeBar* m_serverBanner;
    QPushButton* m_compare;
    QPushButton* m_takeServer;
    QPointer<PagingPolicyConflictDialog> m_conflict;
    MessageKind m_messageKind = MessageKind::None;
    QString m_savedAt; //!< time of the last successful save, for the history line
    int m_rereadAfterMs = 30000;
    bool m_userAskedRefresh = false;
    bool m_loadedOnce = false;
    bool m_usersLoaded = false;
};

} // namespace rota
