#include "incidentdetailpane.h"

#include "incidentnotescontroller.h"
#include "incidentphasestyle.h"
#include "jsontext.h"
#include "orgdirectory.h"
#include "plaintext.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rota {

namespace {

// A note as its title in bold over its text; pending notes in italics with a waiting icon.
class NoteDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString text = index.data(IncidentNotes::TextRole).toString();
        // The delegate draws QChar::LineSeparator as a line break (a plain newline it does not).
        if (!text.isEmpty())
            option->text += QChar(QChar::LineSeparator)
                + QString(text).replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
        const auto pending
            = static_cast<IncidentNotes::Pending>(index.data(IncidentNotes::PendingRole).toInt());
        if (index.data(IncidentNotes::UnconfirmedRole).toBool())
            option->text += QChar(QChar::LineSeparator)
                + IncidentDetailPane::tr("(not confirmed yet: checking with Splunk On-Call)");
        if (pending != IncidentNotes::Pending::None) {
            option->font.setItalic(true);
            option->icon = pendingIcon();
            option->features |= QStyleOptionViewItem::HasDecoration;
            if (pending == IncidentNotes::Pending::Delete)
                option->font.setStrikeOut(true);
        }
    }
};

// The content is as wide as the pane, never wider (a pane that scrolls sideways hides the start
// of its lines), so the pane is at least as wide as its content's minimum: the row of buttons.
class PaneScrollArea : public QScrollArea {
public:
    using QScrollArea::QScrollArea;

    QSize minimumSizeHint() const override
    {
        QSize size = QScrollArea::minimumSizeHint();
        if (const QWidget* content = widget())
            size.setWidth(qMax(size.width(),
                content->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width()
                    + 2 * frameWidth()));
        return size;
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

QLabel* valueLabel()
{
    auto* label = new QLabel;
    // Names and values come from the server: shown as written, never as markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // A long name without spaces (a host, a URL) must not widen the pane; it is cut at the
    // pane's edge (widen the pane to read it, or select and copy it), and one longer than
    // WrapChars wraps (setPlainLabelText). Past MessageChars a value is cut: the pane stays a
    // page to read, not a 10 kB wall (the alert below holds the whole).
    label->setMinimumWidth(40);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* sectionTitle(const QString& text)
{
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString orDash(const QString& text) { return text.isEmpty() ? QStringLiteral("—") : text; }

QString timeText(const QDateTime& time)
{
    if (!time.isValid())
        return QString();
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

IncidentDetailPane::IncidentDetailPane(
    IncidentNotes* notes, IncidentNotesController* controller, QWidget* parent)
    : QWidget(parent)
    , m_notes(notes)
    , m_controller(controller)
    , m_stack(new QStackedWidget)
    , m_summary(new QLabel)
    , m_phase(new QLabel)
    , m_error(new QLabel)
    , m_form(new QFormLayout)
    , m_entity(valueLabel())
    , m_host(valueLabel())
    , m_service(valueLabel())
    , m_routingKey(valueLabel())
    , m_pagedUsers(valueLabel())
    , m_pagedTeams(valueLabel())
    , m_pagedPolicies(valueLabel())
    , m_started(valueLabel())
    , m_timeline(new QTreeWidget)
    , m_alertState(new QLabel)
    , m_alert(new QTreeWidget)
    , m_notesState(new QLabel)
    , m_noteList(new QListView)
    , m_noteTitle(new QLineEdit)
    , m_noteText(new QPlainTextEdit)
    , m_addNote(new QPushButton(tr("Add note")))
    , m_editNote(new QPushButton(tr("Edit")))
    , m_cancelEdit(new QPushButton(tr("Cancel")))
    , m_deleteNote(new QPushButton(tr("Delete")))
    , m_noteMessage(new QLabel)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto* empty = new QLabel(tr("Select an incident to see its details."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    auto* scroll = new PaneScrollArea;
    scroll->setWidgetResizable(true);
    // Long texts wrap instead: a pane that scrolls sideways hides the start of its title.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_summary->setFont(big);
    m_summary->setWordWrap(true);
    m_summary->setMinimumWidth(40);
    for (QLabel* plain : { m_summary, m_phase, m_error, m_notesState, m_alertState, m_noteMessage })
        makePlainLabel(plain);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(m_phase);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    for (QLabel* state : { m_notesState, m_alertState }) {
        state->setWordWrap(true);
        state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_error->hide();
    layout->addWidget(m_error);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("Entity:"), m_entity);
    m_form->addRow(tr("Host:"), m_host);
    m_form->addRow(tr("Service:"), m_service);
    m_form->addRow(tr("Routing key:"), m_routingKey);
    m_form->addRow(tr("Paged users:"), m_pagedUsers);
    m_form->addRow(tr("Paged teams:"), m_pagedTeams);
    m_form->addRow(tr("Paged policies:"), m_pagedPolicies);
    m_form->addRow(tr("Started:"), m_started);
    layout->addLayout(m_form);

    // Notes.
    layout->addWidget(sectionTitle(tr("Notes")));
    layout->addWidget(m_notesState);
    m_noteList->setModel(m_notes);
    m_noteList->setItemDelegate(new NoteDelegate(m_noteList));
    usePlainToolTips(m_noteList);
    m_noteList->setWordWrap(true);
    m_noteList->setUniformItemSizes(false);
    m_noteList->setMinimumHeight(60);
    m_noteList->setMaximumHeight(100);
    m_noteList->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_noteList);
    m_noteTitle->setPlaceholderText(tr("Title (optional)"));
    m_noteText->setPlaceholderText(tr("Write a note for everyone working on this incident"));
    m_noteText->setTabChangesFocus(true);
    m_noteText->setMaximumHeight(60);
    layout->addWidget(m_noteTitle);
    layout->addWidget(m_noteText);
    auto* noteButtons = new QHBoxLayout;
    noteButtons->addWidget(m_addNote);
    noteButtons->addWidget(m_cancelEdit);
    noteButtons->addStretch();
    noteButtons->addWidget(m_editNote);
    noteButtons->addWidget(m_deleteNote);
    layout->addLayout(noteButtons);
    m_cancelEdit->hide();
    m_noteMessage->setWordWrap(true);
    m_noteMessage->hide();
    layout->addWidget(m_noteMessage);

    // Alert.
    layout->addWidget(sectionTitle(tr("Alert")));
    layout->addWidget(m_alertState);
    m_alert->setColumnCount(2);
    m_alert->setHeaderLabels({ tr("Field"), tr("Value") });
    m_alert->setRootIsDecorated(true);
    m_alert->setMinimumHeight(140);
    m_alert->header()->resizeSection(0, 130);
    layout->addWidget(m_alert);

    // Timeline.
    layout->addWidget(sectionTitle(tr("Timeline")));
    m_timeline->setColumnCount(3);
    m_timeline->setHeaderLabels({ tr("Time"), tr("Who"), tr("What") });
    m_timeline->setRootIsDecorated(false);
    m_timeline->setMinimumHeight(110);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_timeline);

    connect(m_notes, &IncidentNotes::alertStateChanged, this, &IncidentDetailPane::showAlert);
    connect(m_notes, &IncidentNotes::notesStateChanged, this, [this](IncidentNotes::LoadState s) {
        m_notesState->setVisible(s != IncidentNotes::LoadState::Loaded);
        m_notesState->setStyleSheet(
            s == IncidentNotes::LoadState::Failed ? QStringLiteral("color: #b71c1c;") : QString());
        switch (s) {
        case IncidentNotes::LoadState::Loading:
            m_notesState->setText(tr("Loading the notes…"));
            break;
        case IncidentNotes::LoadState::Failed:
            setPlainLabelText(m_notesState, m_notes->notesError(), MessageChars);
            break;
        default:
            m_notesState->clear();
            break;
        }
        updateNoteButtons();
    });
    connect(m_notes, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_notesState->isVisible() && m_notes->notesState() == IncidentNotes::LoadState::Loaded)
            m_notesState->hide();
    });
    connect(m_controller, &IncidentNotesController::operationFinished, this,
        &IncidentDetailPane::onOperationFinished);
    connect(m_controller, &IncidentNotesController::operationFailed, this,
        &IncidentDetailPane::onOperationFailed);
    connect(m_controller, &IncidentNotesController::operationUnconfirmed, this,
        [this](IncidentNotes::Operation, const QString&, const QString& message) {
            setNoteMessage(message, false);
        });
    connect(m_controller, &IncidentNotesController::draftChanged, this,
        [this](const QString& incident) {
            if (incident == m_number)
                loadDraft();
        });
    // The box is the shown incident's draft: kept while other incidents are shown.
    connect(m_noteTitle, &QLineEdit::textEdited, this, &IncidentDetailPane::storeDraft);
    connect(m_noteText, &QPlainTextEdit::textChanged, this, &IncidentDetailPane::storeDraft);
    connect(m_noteList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &IncidentDetailPane::updateNoteButtons);
    connect(
        m_notes, &QAbstractItemModel::dataChanged, this, &IncidentDetailPane::updateNoteButtons);
    connect(m_noteText, &QPlainTextEdit::textChanged, this, &IncidentDetailPane::updateNoteButtons);
    connect(m_addNote, &QPushButton::clicked, this, &IncidentDetailPane::saveNote);
    connect(m_editNote, &QPushButton::clicked, this, &IncidentDetailPane::startEdit);
    connect(m_cancelEdit, &QPushButton::clicked, this, &IncidentDetailPane::cancelEdit);
    connect(m_deleteNote, &QPushButton::clicked, this, &IncidentDetailPane::deleteNote);
    connect(m_noteList, &QListView::doubleClicked, this, &IncidentDetailPane::startEdit);

    clear();
}

void IncidentDetailPane::clear()
{
    m_number.clear();
    m_controller->setIncident(QString());
    m_stack->setCurrentIndex(0);
    loadDraft(); // none: the previous incident's draft stays with it
}

void IncidentDetailPane::setIncident(const Incident& incident, const QString& error, bool pending)
{
    if (incident.incidentNumber.isEmpty()) {
        clear();
        return;
    }
    const bool changed = incident.incidentNumber != m_number;
    m_number = incident.incidentNumber;
    m_stack->setCurrentIndex(1);

    const QString summary
        = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
    setPlainLabelText(m_summary,
        QStringLiteral("#") + incident.incidentNumber + QLatin1String("  ") + summary,
        MessageChars);
    const QColor color = phaseColor(incident.phase);
    QString phaseText = phaseDisplayName(incident.phase);
    if (pending)
        phaseText += tr(" (waiting for Splunk On-Call…)");
    m_phase->setText(phaseText);
    m_phase->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color.name()));
    setPlainLabelText(m_error, error, MessageChars);
    m_error->setVisible(!error.isEmpty());

    setPlainLabelText(m_entity,
        orDash(clipped(incident.entityId, MessageChars))
            + (incident.entityState.isEmpty()
                    ? QString()
                    : QLatin1String(" (") + incident.entityState + QLatin1Char(')')));
    setPlainLabelText(m_host, orDash(incident.host), MessageChars);
    setPlainLabelText(m_service, orDash(incident.service), MessageChars);
    setPlainLabelText(m_routingKey, orDash(incident.routingKey), MessageChars);
    m_pagedUsernames = incident.pagedUsers;
    m_teamSlugs = incident.pagedTeams;
    m_paged = incident.pagedPolicies;
    showPaged();
    m_started->setText(
        orDash(timeText(incident.startTime)) + tr(", %n alert(s)", nullptr, incident.alertCount));

    m_timeline->clear();
    for (const IncidentTransition& transition : incident.transitions) {
        QString what = transition.phase == Phase::Unknown ? transition.name
                                                          : phaseDisplayName(transition.phase);
        if (!transition.message.isEmpty())
            what += QLatin1String(": ") + transition.message;
        // The Who column fits its contents: a name is cut so that it cannot take the row.
        auto* item = new QTreeWidgetItem(m_timeline, { timeText(transition.at), QString(), what });
        item->setData(1, UsernameRole, transition.by);
        item->setIcon(2, phaseIcon(transition.phase));
        item->setToolTip(2, plainToolTip(what));
    }
    showPeople();

    if (changed) {
        m_noteMessage->hide();
        const QString alert
            = incident.firstAlertUuid.isEmpty() ? incident.lastAlertId : incident.firstAlertUuid;
        m_controller->setIncident(incident.incidentNumber, alert);
        loadDraft();
        const QString error = m_controller->draft(m_number).error;
        if (!error.isEmpty())
            setNoteMessage(error, true);
    }
}

void IncidentDetailPane::showAlert()
{
    m_alert->clear();
    m_alertState->setStyleSheet(m_notes->alertState() == IncidentNotes::LoadState::Failed
            ? QStringLiteral("color: #b71c1c;")
            : QString());
    switch (m_notes->alertState()) {
    case IncidentNotes::LoadState::Idle:
        m_alertState->setText(tr("This incident has no alert to show."));
        m_alertState->show();
        m_alert->hide();
        return;
    case IncidentNotes::LoadState::Loading:
        m_alertState->setText(tr("Loading the alert…"));
        m_alertState->show();
        m_alert->hide();
        return;
    case IncidentNotes::LoadState::Failed:
        setPlainLabelText(m_alertState, m_notes->alertError(), MessageChars);
        m_alertState->show();
        m_alert->hide();
        return;
    case IncidentNotes::LoadState::Loaded:
        break;
    }
    m_alertState->hide();
    m_alert->show();
    const Alert& alert = m_notes->alert();
    const auto add = [this](const QString& key, const QString& value) {
        if (value.isEmpty())
            return;
        auto* item = new QTreeWidgetItem(m_alert, { key, value });
        item->setToolTip(1, plainToolTip(value));
    };
    add(tr("Message type"), alert.messageType);
    add(tr("Entity"), alert.entityDisplayName.isEmpty() ? alert.entityId : alert.entityDisplayName);
    add(tr("Time"), timeText(alert.timestamp));
    add(tr("State since"), timeText(alert.stateStartTime));
    add(tr("Message"), alert.stateMessage);
    add(tr("Monitoring tool"), alert.monitoringTool);
    add(tr("Acknowledged by"), personText(alert.ackAuthor));
    add(tr("Acknowledgement"), alert.ackMsg);
    const QJsonObject raw = alert.rawObject();
    if (!raw.isEmpty()) {
        auto* rawItem = new QTreeWidgetItem(m_alert, { tr("As sent by the tool") });
        for (auto it = raw.begin(); it != raw.end(); ++it) {
            const QString value = jsonValueText(it.value());
            auto* item = new QTreeWidgetItem(rawItem, { it.key(), value });
            item->setToolTip(0, plainToolTip(it.key()));
            item->setToolTip(1, plainToolTip(value));
        }
        rawItem->setExpanded(true);
    } else if (!alert.raw.isEmpty()) {
        add(tr("As sent by the tool"), alert.raw);
    }
}

void IncidentDetailPane::updateNoteButtons()
{
    const bool loaded = m_notes->notesState() == IncidentNotes::LoadState::Loaded;
    const QModelIndex current = m_noteList->selectionModel()->currentIndex();
    const bool selected = m_noteList->selectionModel()->hasSelection() && current.isValid();
    const bool settled = selected
        && static_cast<IncidentNotes::Pending>(current.data(IncidentNotes::PendingRole).toInt())
            == IncidentNotes::Pending::None
        && !current.data(IncidentNotes::NameRole).toString().isEmpty();
    const bool hasText = !m_noteText->toPlainText().trimmed().isEmpty();
    m_addNote->setEnabled(!m_number.isEmpty() && hasText && !m_awaitingSave);
    m_addNote->setToolTip(hasText ? QString() : tr("Write the note's text first"));
    m_editNote->setEnabled(loaded && settled && m_editing.isEmpty());
    m_deleteNote->setEnabled(loaded && settled);
    m_deleteNote->setToolTip(settled ? QString() : tr("Select a note to delete"));
}

void IncidentDetailPane::saveNote()
{
    storeDraft();
    if (m_controller->sendDraft(m_number)) {
        // The text stays in the box until the server has it, so nothing is lost if it refuses.
        m_noteMessage->hide();
    } else if (!m_editing.isEmpty()) {
        setNoteMessage(tr("This note cannot be changed now; try again in a moment."), true);
    }
    updateNoteButtons();
}

void IncidentDetailPane::startEdit()
{
    const QModelIndex current = m_noteList->currentIndex();
    if (!current.isValid() || current.data(IncidentNotes::NameRole).toString().isEmpty())
        return;
    m_controller->beginEditDraft(current.data(IncidentNotes::NameRole).toString());
    m_noteText->setFocus();
}

void IncidentDetailPane::cancelEdit()
{
    m_controller->dropDraft(m_number);
    loadDraft();
}

void IncidentDetailPane::loadDraft()
{
    const NoteDraft draft = m_controller->draft(m_number);
    m_loadingDraft = true;
    if (m_noteTitle->text() != draft.title)
        m_noteTitle->setText(draft.title);
    if (m_noteText->toPlainText() != draft.text)
        m_noteText->setPlainText(draft.text);
    m_loadingDraft = false;
    m_editing = draft.editing;
    m_awaitingSave = draft.sending;
    m_addNote->setText(m_editing.isEmpty() ? tr("Add note") : tr("Save changes"));
    m_cancelEdit->setVisible(!m_editing.isEmpty());
    updateNoteButtons();
}

void IncidentDetailPane::storeDraft()
{
    if (m_loadingDraft || m_number.isEmpty())
        return;
    m_controller->setDraft(m_number, m_noteTitle->text(), m_noteText->toPlainText());
}

void IncidentDetailPane::deleteNote()
{
    const QModelIndex current = m_noteList->currentIndex();
    if (current.isValid())
        m_controller->removeNote(current.row());
    updateNoteButtons();
}

void IncidentDetailPane::onOperationFinished(
    IncidentNotes::Operation, const QString& incidentNumber)
{
    // The draft (the box) follows through draftChanged().
    if (incidentNumber == m_number)
        updateNoteButtons();
}

void IncidentDetailPane::onOperationFailed(IncidentNotes::Operation, const QString& incidentNumber,
    const QString& message, const QString&, const QString&)
{
    // Shown whichever incident is shown: the words name the incident, whose draft holds the text
    // again (loaded into the box when it is shown).
    Q_UNUSED(incidentNumber)
    setNoteMessage(message, true);
    updateNoteButtons();
}

void IncidentDetailPane::setNoteMessage(const QString& text, bool error)
{
    setPlainLabelText(m_noteMessage, text, MessageChars);
    m_noteMessage->setStyleSheet(error ? QStringLiteral("color: #b71c1c;") : QString());
    m_noteMessage->setVisible(!text.isEmpty());
}

void IncidentDetailPane::setDirectory(OrgDirectory* directory)
{
    if (m_directory)
        disconnect(m_directory, nullptr, this, nullptr);
    m_directory = directory;
    if (directory) {
        connect(directory, &OrgDirectory::teamsChanged, this, &IncidentDetailPane::showPaged);
        connect(directory, &OrgDirectory::policiesChanged, this, &IncidentDetailPane::showPaged);
        connect(directory, &OrgDirectory::usersChanged, this, [this] {
            showPeople();
            showAlert();
        });
    }
    showPaged();
    showPeople();
}

QString IncidentDetailPane::personName(const QString& username) const
{
    return m_directory ? m_directory->userDisplayName(username) : username;
}

// "Name (username)" where the directory knows the person; who acted may also be the system or a
// monitoring tool, which stays as written.
QString IncidentDetailPane::personText(const QString& username) const
{
    const QString name = personName(username);
    return name == username ? username : tr("%1 (%2)").arg(name, username);
}

// People by name where the directory knows them: the paged users and who moved the incident on.
// The username stays in each tooltip, and with the hover card.
void IncidentDetailPane::showPeople()
{
    QStringList names;
    for (const QString& user : std::as_const(m_pagedUsernames))
        names.append(personName(user));
    setPlainLabelText(m_pagedUsers, orDash(names.join(QLatin1String(", "))), MessageChars);
    m_pagedUsers->setToolTip(plainToolTip(m_pagedUsernames.join(QLatin1String(", "))));
    for (int i = 0; i < m_timeline->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_timeline->topLevelItem(i);
        const QString by = item->data(1, UsernameRole).toString();
        // The Who column fits its contents: a name is cut so that it cannot take the row.
        item->setText(1, clipped(orDash(personName(by)), MenuChars));
        item->setToolTip(1, plainToolTip(personText(by)));
    }
}

// Names instead of slugs where the directory knows them; the slug stands in until then.
void IncidentDetailPane::showPaged()
{
    QStringList teams;
    for (const QString& slug : std::as_const(m_teamSlugs)) {
        const QString name = m_directory ? m_directory->teamBySlug(slug) : QString();
        teams.append(name.isEmpty() ? slug : name);
    }
    setPlainLabelText(m_pagedTeams, orDash(teams.join(QLatin1String(", "))), MessageChars);
    QStringList policies;
    for (const TeamPolicy& policy : std::as_const(m_paged)) {
        QString name = policy.policyName;
        if (name.isEmpty() && m_directory)
            name = m_directory->policyBySlug(policy.policySlug);
        policies.append(name.isEmpty() ? policy.policySlug : name);
    }
    setPlainLabelText(m_pagedPolicies, orDash(policies.join(QLatin1String(", "))), MessageChars);
}

} // namespace rota
