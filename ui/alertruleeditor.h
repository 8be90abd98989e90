// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The form of one alert rule: what it matches, where it sends the alert, what it adds.

#include "alertrules.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rota {

//! Edits one rule. The pattern is checked as it is typed (AlertRuleMatcher::checkPattern): an
//! unusable one turns the field red with the reason beside it and isAcceptable() false; a regex
//! Java may read otherwise only gets a word of warning. Annotations are rows of a table: type
//! (link, note, image, or "sets field" for a transformation), title or field, value.
//! changed() after every edit, so a test bench can follow the rule as it is being written.
class AlertRuleEditor : public QWidget {
    Q_OBJECT
public:
    explicit AlertRuleEditor(QWidget* parent = nullptr);

    //! Shows `rule` (id 0: a new one) and marks the form unchanged.
    void setRule(const AlertRule& rule);
    //! The rule as the form says now (the id and history of the one set).
    AlertRule rule() const;
    //! Whether the form differs from what setRule() gave it.
    bool isModified() const { return m_modified; }
    //! Whether rule() can be saved: a field and a usable pattern, annotations with a title.
    bool isAcceptable() const;
    //! Why not, in words; empty when it can.
    QString problem() const;
    //! The warning about the pattern, if any (shown beside it).
    QString patternWarning() const;
    //! No edits (a read-only key, or nothing chosen).
    void setEditable(bool editable);

    //! The suggestions of the routing-key box (the keys rules send to already).
    void setRoutingKeys(const QStringList& keys);

    //! Adds an annotation row (what the "Add" button does).
    void addAnnotation(const AlertRuleAnnotation& annotation);

    QLineEdit* patternEdit() const { return m_pattern; }
    QLabel* patternMessage() const { return m_patternMessage; }

Q_SIGNALS:
    void changed();

private:
    void edited();
    void check();
    void removeSelectedAnnotation();

    AlertRule m_original;
    bool m_modified = false;
    bool m_loading = false;
    QComboBox* m_field;
    QComboBox* m_matchType;
    QLineEdit* m_pattern;
    QLabel* m_patternMessage;
    QSpinBox* m_rank;
    QCheckBox* m_stop;
    QComboBox* m_routeKey;
    QLineEdit* m_notes;
    QTableWidget* m_annotations;
    QPushButton* m_addAnnotation;
    QPushButton* m_removeAnnotation;
};

} // namespace rota
