#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rota {

class IncidentActions;
class OrgDirectory;
class TargetPicker;

//! Opens an incident by hand: summary, details, whom to page (users and escalation policies) and
//! whether several people may respond. Says in words what is missing; while the server answers
//! the dialog waits, and if it refuses the dialog stays open with the error and everything typed.
//! Acting user: the actions' client's credentials. The sending goes through
//! IncidentActions::create.
class CreateIncidentDialog : public QDialog {
    Q_OBJECT
public:
    //! Nothing is owned; both must outlive the dialog. The picker's lists come from `directory`.
    CreateIncidentDialog(
        IncidentActions* actions, OrgDirectory* directory, QWidget* parent = nullptr);
    ~CreateIncidentDialog() override;

    QLineEdit* summaryEdit() const { return m_summary; }
    QPlainTextEdit* detailsEdit() const { return m_details; }
    TargetPicker* picker() const { return m_picker; }
    QCheckBox* multiResponderBox() const { return m_multi; }
    QLabel* errorLabel() const { return m_error; }
    bool isSending() const { return m_ticket != 0; }

public Q_SLOTS:
    //! Validates and sends; closes once the server has created the incident.
    void accept() override;

Q_SIGNALS:
    //! The server created the incident (emitted before the dialog closes).
    void created(const QString& incidentNumber);

private:
    void setError(const QString& text);
    void setSending(bool sending);

    IncidentActions* m_actions;
    QLineEdit* m_summary;
    QPlainTextEdit* m_details;
    TargetPicker* m_picker;
    QCheckBox* m_multi;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    quint64 m_ticket = 0; //!< the create() in flight; 0: none
};

} // namespace rota
