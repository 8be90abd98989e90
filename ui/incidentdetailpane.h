// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidentnotes.h"
#include "incidents.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QVBoxLayout;

namespace rota {

class IncidentChatController;
class IncidentChatView;
class IncidentNotesController;
class OrgDirectory;
class WrappingTree;

//! The details of one incident beside the incidents table: summary and phase, the actions on it
//! (buttons for the view's actions, setActions), the transitions as a timeline, entity, host,
//! service, routing key, who and what was paged, the notes (with who wrote them and when), which
//! can be added, edited and deleted here, and the alert body (loaded when the incident is shown)
//! with what alert rules added to it (links open on a click, web addresses only). Everything
//! wraps at the pane's width rather than being cut. The notes and the
//! alert are in IncidentNotes, loaded and changed by IncidentNotesController; this only shows them
//! and hands the controller what the user asks for. The note box holds the shown incident's draft
//! (kept by the controller while other incidents are shown); a note that could not be saved is
//! reported here whichever incident is shown, naming its incident.
class IncidentDetailPane : public QWidget {
    Q_OBJECT
public:
    //! Nothing is owned; the notes and their controller must outlive the pane. The pane shows
    //! its incident's notes through them (setIncident loads them).
    IncidentDetailPane(
        IncidentNotes* notes, IncidentNotesController* controller, QWidget* parent = nullptr);

    //! Shows `incident` (as the table shows it: the optimistic phase), the server's refusal of the
    //! last action on it (`error`, empty if none) and whether an action is in flight. A different
    //! incident than before loads its notes and alert; the same one only updates what is shown.
    void setIncident(
        const Incident& incident, const QString& error = QString(), bool pending = false);
    //! Shows "Select an incident" instead.
    void clear();

    //! Buttons for these actions (the view's, acting on its selection: the same path, shortcuts
    //! and tooltips as its toolbar), shown under the summary and enabled as the actions are. A
    //! null action has no button.
    void setActions(QAction* acknowledge, QAction* resolve, QAction* reroute, QAction* openWeb);
    //! How openLink() opens a web address (default: QDesktopServices::openUrl); for tests.
    void setUrlOpener(std::function<void(const QUrl&)> open) { m_openUrl = std::move(open); }

    //! "1 alert", "3 alerts".
    static QString alertCountText(int count);
    //! "Omar Müller · 5 Dec 11:20"; either part alone when the other is unknown.
    static QString noteByline(const QString& author, const QDateTime& created);
    //! The incident shown; empty when none.
    QString incidentNumber() const { return m_number; }

    IncidentNotes* notes() const { return m_notes; }
    IncidentNotesController* notesController() const { return m_controller; }
    //! Where people's, team and policy names come from (instead of usernames and slugs); not
    //! owned, may be null.
    void setDirectory(OrgDirectory* directory);
    //! Shows the incident's conversation beside the timeline (IncidentChatView over `chat`, with
    //! the directory's people for @mentions: call setDirectory first). Not owned; null: no chat.
    void setChat(IncidentChatController* chat);
    IncidentChatView* chatView() const { return m_chat; }

    // For tests: the widgets a person uses.
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* errorLabel() const { return m_error; }
    //! Who moved the incident on (column 1 by name); the username is in each item's UsernameRole.
    QTreeWidget* timeline() const;
    static constexpr int UsernameRole = Qt::UserRole + 1;
    QTreeWidget* alertTree() const;
    //! What alert rules added (vo_annotate.*), as rich text with escaped texts; hidden when none.
    QLabel* annotationsLabel() const { return m_annotations; }
    QToolButton* acknowledgeButton() const { return m_acknowledge; }
    QToolButton* resolveButton() const { return m_resolve; }
    QToolButton* rerouteButton() const { return m_reroute; }
    QToolButton* openWebButton() const { return m_openWeb; }
    //! Opens a link as a click on an annotation's does: only a web address (http, https).
    void openLink(const QString& link);
    QListView* noteList() const { return m_noteList; }
    QLineEdit* noteTitleEdit() const { return m_noteTitle; }
    QPlainTextEdit* noteTextEdit() const { return m_noteText; }
    QPushButton* addNoteButton() const { return m_addNote; }
    QPushButton* editNoteButton() const { return m_editNote; }
    QPushButton* deleteNoteButton() const { return m_deleteNote; }
    QLabel* noteMessage() const { return m_noteMessage; }

private:
    void showAlert();
    void showPaged();
    void showPeople();
    QString personName(const QString& username) const;
    QString personText(const QString& username) const;
    void updateNoteButtons();
    void saveNote();
    void startEdit();
    void cancelEdit();
    void deleteNote();
    //! Shows the shown incident's draft in the note box.
    void loadDraft();
    //! Keeps what the note box holds as the shown incident's draft.
    void storeDraft();
    void onOperationFinished(IncidentNotes::Operation operation, const QString& incidentNumber);
    void onOperationFailed(IncidentNotes::Operation operation, const QString& incidentNumber,
        const QString& message, const QString& title, const QString& text);
    void setNoteMessage(const QString& text, bool error);

    IncidentNotes* m_notes;
    IncidentNotesController* m_controller;
    QPointer<OrgDirectory> m_directory;
    QStringList m_pagedUsernames; //!< of the incident shown
    QStringList m_teamSlugs; //!< of the incident shown
    QList<TeamPolicy> m_paged; //!< of the incident shown
    QString m_number;
    QStackedWidget* m_stack;
    QLabel* m_summary;
    QLabel* m_phase;
    QLabel* m_error;
    QToolButton* m_acknowledge;
    QToolButton* m_resolve;
    QToolButton* m_reroute;
    QToolButton* m_openWeb;
    QFormLayout* m_form;
    QLabel* m_entity;
    QLabel* m_host;
    QLabel* m_service;
    QLabel* m_routingKey;
    QLabel* m_pagedUsers;
    QLabel* m_pagedTeams;
    QLabel* m_pagedPolicies;
    QLabel* m_started;
    WrappingTree* m_timeline;
    QLabel* m_alertState;
    WrappingTree* m_alert;
    QLabel* m_annotationsTitle;
    QLabel* m_annotations;
    std::function<void(const QUrl&)> m_openUrl;
    QLabel* m_notesState;
    QListView* m_noteList;
    QLineEdit* m_noteTitle;
    QPlainTextEdit* m_noteText;
    QPushButton* m_addNote;
    QPushButton* m_editNote;
    QPushButton* m_cancelEdit;
    QPushButton* m_deleteNote;
    QLabel* m_noteMessage;
    QString m_editing; //!< the name of the note being edited; empty when adding
    bool m_awaitingSave = false; //!< the shown incident's draft is on its way
    bool m_loadingDraft = false; //!< the box is being filled from the draft, not typed in
    QVBoxLayout* m_chatSlot = nullptr; //!< where the chat goes, under the timeline
    IncidentChatView* m_chat = nullptr;
};

} // namespace rota
