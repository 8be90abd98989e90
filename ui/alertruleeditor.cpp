// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertruleeditor.h"

#include "alertrulematcher.h"
#include "look.h"
#include "plaintext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rota {

namespace {

enum AnnotationColumn { TypeColumn, TitleColumn, ValueColumn, AnnotationColumnCount };

// The kinds a row can be: the three annotation types, and a transformation.
struct Kind {
    const char* type;
    int flags;
    const char* label;
};
const Kind kKinds[] = {
    { "u", AlertRuleAnnotation::Annotation, QT_TRANSLATE_NOOP("rota::AlertRuleEditor", "Link") },
    { "s", AlertRuleAnnotation::Annotation, QT_TRANSLATE_NOOP("rota::AlertRuleEditor", "Note") },
    { "i", AlertRuleAnnotation::Annotation, QT_TRANSLATE_NOOP("rota::AlertRuleEditor", "Image") },
    { "s", AlertRuleAnnotation::Transformation,
        QT_TRANSLATE_NOOP("rota::AlertRuleEditor", "Sets field") },
};

int kindIndex(const AlertRuleAnnotation& a)
{
    if (a.flags == AlertRuleAnnotation::Transformation)
        return 3;
    for (int i = 0; i < 3; ++i) {
        if (a.annotationType == QLatin1String(kKinds[i].type))
            return i;
    }
    return 1;
}

const char* const kCommonFields[]
    = { "host_name", "entity_id", "entity_display_name", "service_name", "monitoring_tool",
          "routing_key", "state_message", "entity_state", "message_type" };

} // namespace

AlertRuleEditor::AlertRuleEditor(QWidget* parent)
    : QWidget(parent)
    , m_field(new QComboBox(this))
    , m_matchType(new QComboBox(this))
    , m_pattern(new QLineEdit(this))
    , m_patternMessage(new QLabel(this))
    , m_rank(new QSpinBox(this))
    , m_stop(new QCheckBox(tr("&Stop: no later rule runs after this one matched"), this))
    , m_routeKey(new QComboBox(this))
    , m_notes(new QLineEdit(this))
    , m_annotations(new QTableWidget(0, AnnotationColumnCount, this))
    , m_addAnnotation(new QPushButton(tr("&Add"), this))
    , m_removeAnnotation(new QPushButton(tr("Re&move"), this))
{
    m_field->setObjectName(QStringLiteral("fieldBox"));
    m_matchType->setObjectName(QStringLiteral("matchTypeBox"));
    m_pattern->setObjectName(QStringLiteral("patternEdit"));
    m_patternMessage->setObjectName(QStringLiteral("patternMessage"));
    m_rank->setObjectName(QStringLiteral("rankBox"));
    m_stop->setObjectName(QStringLiteral("stopBox"));
    m_routeKey->setObjectName(QStringLiteral("routeKeyBox"));
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_annotations->setObjectName(QStringLiteral("annotationsTable"));
    m_annotations->setAccessibleName(tr("Annotations"));
    m_addAnnotation->setObjectName(QStringLiteral("addAnnotationButton"));
    m_removeAnnotation->setObjectName(QStringLiteral("removeAnnotationButton"));

    m_field->setEditable(true);
    for (const char* field : kCommonFields)
        m_field->addItem(QString::fromLatin1(field));
    m_field->setToolTip(tr("The alert field the rule looks at"));
    m_matchType->addItem(tr("Wildcard"), QStringLiteral("WILDCARD"));
    m_matchType->addItem(tr("Regular expression"), QStringLiteral("REGEX"));
    m_matchType->setToolTip(tr("Wildcard: '*' stands for anything, letters in any case. Regular "
                               "expression: Java syntax, the whole value must match, case "
                               "matters unless it starts with (?i)."));
    m_pattern->setPlaceholderText(tr("e.g. db-prod-*"));
    makePlainLabel(m_patternMessage);
    m_patternMessage->setWordWrap(true);
    m_patternMessage->hide();
    m_rank->setRange(1, 9999);
    m_rank->setToolTip(tr("Rules run from 1 down; a rule put at a place moves the others down"));
    m_routeKey->setEditable(true);
    m_routeKey->setToolTip(tr("Matching alerts go to this routing key; empty: they keep theirs"));
    m_notes->setPlaceholderText(tr("Why this rule exists (optional)"));
    m_annotations->setHorizontalHeaderLabels({ tr("Adds"), tr("Title or field"), tr("Value") });
    m_annotations->verticalHeader()->hide();
    m_annotations->horizontalHeader()->setStretchLastSection(true);
    m_annotations->setColumnWidth(TypeColumn, 110);
    m_annotations->setColumnWidth(TitleColumn, 140);
    m_annotations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_annotations->setToolTip(tr("${{field}} in a value is replaced by the alert's field"));
    m_annotations->setTabKeyNavigation(false);
    look::styleItemView(m_annotations);

    auto* patternRow = new QHBoxLayout;
    patternRow->addWidget(m_matchType);
    patternRow->addWidget(m_pattern, 1);
    auto* annotationButtons = new QHBoxLayout;
    annotationButtons->addWidget(m_addAnnotation);
    annotationButtons->addWidget(m_removeAnnotation);
    annotationButtons->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("When &field:"), m_field);
    auto* matchesLabel = new QLabel(tr("&Matches:"), this);
    matchesLabel->setBuddy(m_pattern);
    form->addRow(matchesLabel, patternRow);
    form->addRow(QString(), m_patternMessage);
    form->addRow(tr("&Place:"), m_rank);
    form->addRow(tr("&Route to:"), m_routeKey);
    form->addRow(QString(), m_stop);
    form->addRow(tr("&Notes:"), m_notes);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    auto* annotationsTitle = new QLabel(tr("Annotations and field changes:"), this);
    annotationsTitle->setBuddy(m_annotations);
    layout->addWidget(annotationsTitle);
    layout->addWidget(m_annotations, 1);
    layout->addLayout(annotationButtons);

    connect(m_field, &QComboBox::currentTextChanged, this, &AlertRuleEditor::edited);
    connect(m_matchType, &QComboBox::currentIndexChanged, this, &AlertRuleEditor::edited);
    connect(m_pattern, &QLineEdit::textChanged, this, &AlertRuleEditor::edited);
    connect(m_rank, &QSpinBox::valueChanged, this, &AlertRuleEditor::edited);
    connect(m_stop, &QCheckBox::toggled, this, &AlertRuleEditor::edited);
    connect(m_routeKey, &QComboBox::currentTextChanged, this, &AlertRuleEditor::edited);
    connect(m_notes, &QLineEdit::textChanged, this, &AlertRuleEditor::edited);
    connect(m_annotations, &QTableWidget::itemChanged, this, &AlertRuleEditor::edited);
    connect(m_addAnnotation, &QPushButton::clicked, this, [this] {
        addAnnotation({ 0, QStringLiteral("u"), QString(), QString(), 0 });
        m_annotations->setCurrentCell(m_annotations->rowCount() - 1, TitleColumn);
        m_annotations->editItem(m_annotations->currentItem());
    });
    connect(m_removeAnnotation, &QPushButton::clicked, this,
        &AlertRuleEditor::removeSelectedAnnotation);
    setRule(AlertRule());
}

void AlertRuleEditor::setRoutingKeys(const QStringList& keys)
{
    const QString current = m_routeKey->currentText();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_routeKey->clear();
    m_routeKey->addItem(QString());
    m_routeKey->addItems(keys);
    m_routeKey->setCurrentText(current);
    m_loading = wasLoading;
}

void AlertRuleEditor::setRule(const AlertRule& rule)
{
    m_loading = true;
    m_original = rule;
    m_field->setCurrentText(rule.alertField);
    m_matchType->setCurrentIndex(rule.isRegex() ? 1 : 0);
    m_pattern->setText(rule.alertValueMatch);
    m_rank->setValue(qMax(1, rule.rank));
    m_stop->setChecked(rule.stopFlag);
    m_routeKey->setCurrentText(rule.routeKey);
    m_notes->setText(rule.notes);
    m_annotations->setRowCount(0);
    for (const AlertRuleAnnotation& a : rule.annotations)
        addAnnotation(a);
    m_loading = false;
    m_modified = false;
    check();
    Q_EMIT changed();
}

void AlertRuleEditor::addAnnotation(const AlertRuleAnnotation& annotation)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_annotations->rowCount();
    m_annotations->insertRow(row);
    auto* kind = new QComboBox(m_annotations);
    for (const Kind& k : kKinds)
        kind->addItem(tr(k.label));
    kind->setCurrentIndex(kindIndex(annotation));
    m_annotations->setCellWidget(row, TypeColumn, kind);
    m_annotations->setItem(row, TitleColumn, new QTableWidgetItem(annotation.fieldName));
    m_annotations->setItem(row, ValueColumn, new QTableWidgetItem(annotation.fieldValue));
    connect(kind, &QComboBox::currentIndexChanged, this, &AlertRuleEditor::edited);
    m_loading = wasLoading;
    edited();
}

void AlertRuleEditor::removeSelectedAnnotation()
{
    const int row = m_annotations->currentRow();
    if (row < 0)
        return;
    m_annotations->removeRow(row);
    edited();
}

AlertRule AlertRuleEditor::rule() const
{
    AlertRule rule = m_original;
    rule.alertField = m_field->currentText().trimmed();
    rule.matchType = m_matchType->currentData().toString();
    rule.alertValueMatch = m_pattern->text();
    rule.rank = m_rank->value();
    rule.stopFlag = m_stop->isChecked();
    rule.routeKey = m_routeKey->currentText().trimmed();
    rule.notes = m_notes->text();
    rule.annotations.clear();
    for (int row = 0; row < m_annotations->rowCount(); ++row) {
        const auto* kind = qobject_cast<QComboBox*>(m_annotations->cellWidget(row, TypeColumn));
        const Kind& k = kKinds[kind ? qBound(0, kind->currentIndex(), 3) : 1];
        const QTableWidgetItem* title = m_annotations->item(row, TitleColumn);
        const QTableWidgetItem* value = m_annotations->item(row, ValueColumn);
        rule.annotations.append(
            { 0, QString::fromLatin1(k.type), title ? title->text().trimmed() : QString(),
                value ? value->text() : QString(), k.flags });
    }
    return rule;
}

QString AlertRuleEditor::problem() const
{
    const AlertRule r = rule();
    if (r.alertField.isEmpty())
        return tr("Choose the alert field the rule looks at.");
    const PatternCheck check = AlertRuleMatcher::checkPattern(r.alertValueMatch, r.matchType);
    if (!check.ok)
        return check.error;
    for (int i = 0; i < r.annotations.size(); ++i) {
        if (r.annotations.at(i).fieldName.isEmpty())
            return tr("Annotation %1 needs a title (or, for a field change, the field).")
                .arg(i + 1);
    }
    return QString();
}

bool AlertRuleEditor::isAcceptable() const { return problem().isEmpty(); }

QString AlertRuleEditor::patternWarning() const
{
    return AlertRuleMatcher::checkPattern(m_pattern->text(), m_matchType->currentData().toString())
        .warning;
}

void AlertRuleEditor::setEditable(bool editable)
{
    for (QWidget* w : std::initializer_list<QWidget*> { m_field, m_matchType, m_pattern, m_rank,
             m_stop, m_routeKey, m_notes, m_addAnnotation, m_removeAnnotation })
        w->setEnabled(editable);
    m_annotations->setEditTriggers(
        editable ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < m_annotations->rowCount(); ++row) {
        if (QWidget* kind = m_annotations->cellWidget(row, TypeColumn))
            kind->setEnabled(editable);
    }
}

void AlertRuleEditor::edited()
{
    if (m_loading)
        return;
    m_modified = true;
    check();
    Q_EMIT changed();
}

void AlertRuleEditor::check()
{
    const PatternCheck pattern
        = AlertRuleMatcher::checkPattern(m_pattern->text(), m_matchType->currentData().toString());
    // An empty pattern is a form not filled in yet: no red until something is typed.
    const bool bad = !pattern.ok && !m_pattern->text().isEmpty();
    m_pattern->setProperty("invalid", bad);
    if (bad) {
        QPalette palette = m_pattern->palette();
        palette.setColor(QPalette::Base, look::toneBackground(look::Tone::Error, palette));
        palette.setColor(QPalette::Text, look::toneColor(look::Tone::Error, palette));
        m_pattern->setPalette(palette);
    } else {
        m_pattern->setPalette(QPalette());
    }
    const QString message = bad ? pattern.error : pattern.warning;
    setPlainLabelText(m_patternMessage, message, MessageChars);
    look::setTone(m_patternMessage, bad ? look::Tone::Error : look::Tone::Warning);
    m_patternMessage->setVisible(!message.isEmpty());
}

} // namespace rota
