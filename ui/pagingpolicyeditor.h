#pragma once

#include "pagingpolicysaver.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace rota {

class ApiClient;
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
//! Loads when first shown (or on reload()).
class PagingPolicyEditor : public QWidget {
    Q_OBJECT
public:
    //! The client is not owned and must outlive the page; the models are the page's own.
    explicit PagingPolicyEditor(ApiClient* client, QWidget* parent = nullptr);
    ~PagingPolicyEditor() override;

    PagingPolicyModel* model() const { return m_model; }
    PagingPolicySaver* saver() const { return m_saver; }
    ContactMethodsStore* contactStore() const { return m_contacts; }
    PolicyStepCanvas* canvas() const { return m_canvas; }
    PolicyPalette* palette() const { return m_palette; }
    PolicyTrash* trash() const { return m_trash; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* discardButton() const { return m_discard; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* dirtyLabel() const { return m_dirty; }
    QComboBox* userPicker() const { return m_users; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* saveAction() const { return m_saveAction; }
    //! The conflict dialog while one is open.
    PagingPolicyConflictDialog* conflictDialog() const;

    //! Reads the policy, the contact methods and the user list again (edits are dropped).
    void reload();
    //! Opens another user's policy (drops the edits).
    void openUser(const QString& username);
    QString username() const;

    //! Screenshot scenes (see ScreenshotScene::stage): "paging-policy-drag" shows a palette
    //! contact being dragged onto step 1 with the insertion marker; "paging-policy-saved" shows the
    //! page after a save with its result message. Each returns window() and calls ready().
    QWidget* stageDragScene(std::function<void()> ready);
    QWidget* stageSavedScene(std::function<void()> ready);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onLoaded(bool ok, const QString& message);
    void onSaved(const PagingSaveResult& result);
    void onConflict(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine);
    void onStateChanged();
    void showMessage(const QString& text, bool error);
    void loadUsers();
    void updateButtons();

    ApiClient* m_client;
    PagingPolicyModel* m_model;
    PagingPolicySaver* m_saver;
    ContactMethodsStore* m_contacts;
    QTabWidget* m_tabs;
    PolicyStepCanvas* m_canvas;
    PolicyPalette* m_palette;
    PolicyTrash* m_trash;
    ContactMethodsView* m_contactsView;
    QComboBox* m_users;
    QLabel* m_title;
    QLabel* m_dirty;
    QLabel* m_message;
    QProgressBar* m_progress;
    QPushButton* m_save;
    QPushButton* m_discard;
    QToolButton* m_undoButton;
    QToolButton* m_redoButton;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_saveAction;
    QPointer<PagingPolicyConflictDialog> m_conflict;
    bool m_loadedOnce = false;
    bool m_usersLoaded = false;
};

} // namespace rota
