// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentdetailpane.h"

#include "alertannotations.h"
#include "displayformat.h"
#include "flowlayout.h"
#include "incidentchatview.h"
#include "incidentnotescontroller.h"
#include "incidentphasestyle.h"
#include "jsontext.h"
#include "look.h"
#include "orgdirectory.h"
#include "plaintext.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextOption>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rota {

// A tree whose rows wrap their texts at the column's width (long values shown whole, never cut)
// and that is as tall as its rows: the pane scrolls, not the tree.
class WrappingTree : public QTreeWidget {
public:
    WrappingTree()
    {
        setWordWrap(true);
        setUniformRowHeights(false);
        setTextElideMode(Qt::ElideNone);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        header()->setStretchLastSection(true);
        setItemDelegate(new WrapDelegate(this));
        connect(header(), &QHeaderView::sectionResized, this, &WrappingTree::relayout);
        connect(this, &QTreeView::expanded, this, &WrappingTree::relayout);
        connect(this, &QTreeView::collapsed, this, &WrappingTree::relayout);
    }

    QSize sizeHint() const override
    {
        int height = 2 * frameWidth() + (header()->isHidden() ? 0 : header()->sizeHint().height());
        for (QModelIndex index = model()->index(0, 0); index.isValid(); index = indexBelow(index))
            height += rowHeight(index);
        return { QTreeWidget::sizeHint().width(), height };
    }
    QSize minimumSizeHint() const override { return { 80, sizeHint().height() }; }

    //! Row heights follow the texts and the widths again; the pane follows the height.
    void relayout()
    {
        scheduleDelayedItemsLayout();
        updateGeometry();
    }

    //! Called with the new width when the tree is resized (and from relayout's callers), to
    //! share the width out among the columns.
    std::function<void(int)> fitColumns;

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QTreeWidget::resizeEvent(event);
        if (fitColumns)
            fitColumns(viewport()->width());
        relayout();
    }

private:
    class WrapDelegate : public QStyledItemDelegate {
    public:
        explicit WrapDelegate(WrappingTree* tree)
            : QStyledItemDelegate(tree)
            , m_tree(tree)
        {
        }
        QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
        {
            QSize size = QStyledItemDelegate::sizeHint(option, index);
            QStyleOptionViewItem opt = option;
            initStyleOption(&opt, index);
            // The width paint() draws in: the section less the style's margins on both sides.
            const int margin
                = m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1;
            int width = m_tree->header()->sectionSize(index.column()) - 4 * margin;
            if (index.column() == 0)
                width
                    -= m_tree->indentation() * (depth(index) + (m_tree->rootIsDecorated() ? 1 : 0));
            if (opt.features & QStyleOptionViewItem::HasDecoration)
                width -= opt.decorationSize.width() + 4;
            const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, qMax(20, width), 1 << 20),
                Qt::TextWordWrap | Qt::TextWrapAnywhere, opt.text);
            // The style's own height measures the text wrapped at some other width: only the
            // icon's height is taken from it.
            const int icon = (opt.features & QStyleOptionViewItem::HasDecoration)
                ? opt.decorationSize.height()
                : 0;
            size.setHeight(qMax(icon, text.height()) + 6);
            return size;
        }

        // The style wraps at word boundaries only, and cuts a long word (a URL, a host) at the
        // column's edge: this wraps it anywhere instead, as sizeHint() measured.
        void paint(QPainter* painter, const QStyleOptionViewItem& option,
            const QModelIndex& index) const override
        {
            QStyleOptionViewItem opt = option;
            initStyleOption(&opt, index);
            const QString text = opt.text;
            opt.text.clear();
            // Beside the first line of a text that wraps, not beside its middle.
            opt.decorationAlignment = Qt::AlignHCenter | Qt::AlignTop;
            const QWidget* widget = opt.widget;
            QStyle* style = widget ? widget->style() : QApplication::style();
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
            const int margin
                = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
            const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                                   .adjusted(margin, 2, -margin, 0);
            painter->save();
            painter->setFont(opt.font);
            painter->setPen(opt.palette.color(
                opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
            QTextOption wrap;
            wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            painter->drawText(QRectF(rect), text, wrap);
            painter->restore();
        }

    private:
        static int depth(QModelIndex index)
        {
            int depth = 0;
            while ((index = index.parent()).isValid())
                ++depth;
            return depth;
        }
        WrappingTree* m_tree;
    };
};

namespace {

// A note as its title over who wrote it and when, then its text; pending notes in italics with a
// waiting icon.
class NoteDelegate : public QStyledItemDelegate {
public:
    NoteDelegate(std::function<QString(const QString&)> nameOf, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_nameOf(std::move(nameOf))
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString byline = IncidentDetailPane::noteByline(
            m_nameOf(index.data(IncidentNotes::AuthorRole).toString()),
            index.data(IncidentNotes::CreatedRole).toDateTime());
        if (!byline.isEmpty())
            option->text += QStringLiteral("  ·  ") + byline;
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

private:
    std::function<QString(const QString&)> m_nameOf;
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

// "5 Dec 11:20": the day and the time people read at a glance (the year only when it is not this
// one; today's time alone).
QString compactTime(const QDateTime& time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local, displayFormat(QStringLiteral("HH:mm")));
    const bool thisYear = local.date().year() == QDate::currentDate().year();
    return locale.toString(local,
        thisYear ? displayFormat(QStringLiteral("d MMM HH:mm"))
                 : displayFormat(QStringLiteral("d MMM yyyy HH:mm")));
}

// What the server said, in a label: cut, long words breakable, in the tone's colour.
void setToneText(QLabel* label, const QString& text, look::Tone tone)
{
    look::setMessage(label, breakable(clipped(text, MessageChars)), tone);
}

QToolButton* actionButton()
{
    auto* button = new QToolButton;
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    return button;
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
    , m_acknowledge(actionButton())
    , m_resolve(actionButton())
    , m_reroute(actionButton())
    , m_openWeb(actionButton())
    , m_form(new QFormLayout)
    , m_entity(valueLabel())
    , m_host(valueLabel())
    , m_service(valueLabel())
    , m_routingKey(valueLabel())
    , m_pagedUsers(valueLabel())
    , m_pagedTeams(valueLabel())
    , m_pagedPolicies(valueLabel())
    , m_started(valueLabel())
    , m_timeline(new WrappingTree)
    , m_alertState(new QLabel)
    , m_alert(new WrappingTree)
    , m_annotationsTitle(sectionTitle(tr("Added by alert rules")))
    , m_annotations(new QLabel)
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
    m_error->hide();
    layout->addWidget(m_error);

    // What to do about it, first: the toolbar's actions on the incident shown (setActions).
    // They wrap onto a second row in a narrow pane.
    auto* actionRow = new QWidget;
    auto* actions = new FlowLayout(actionRow, 4);
    actions->setContentsMargins(0, 0, 0, 0);
    for (QToolButton* button : { m_acknowledge, m_resolve, m_reroute, m_openWeb }) {
        button->hide();
        actions->addWidget(button);
    }
    layout->addWidget(actionRow);

    // What happened, next: the transitions, each on its own lines (nothing cut).
    layout->addWidget(sectionTitle(tr("Timeline")));
    m_timeline->setAccessibleName(tr("Timeline of the incident"));
    m_timeline->setColumnCount(3);
    m_timeline->setHeaderLabels({ tr("When"), tr("Who"), tr("What") });
    m_timeline->setHeaderHidden(true);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setSelectionMode(QAbstractItemView::NoSelection);
    m_timeline->setFocusPolicy(Qt::NoFocus);
    m_timeline->setFrameShape(QFrame::NoFrame);
    // Text on the pane, not a white box: it reads as part of the page.
    m_timeline->viewport()->setAutoFillBackground(false);
    // When and who as wide as they need, but What keeps room for a phase's name: a long name
    // wraps rather than the phase being broken.
    m_timeline->fitColumns = [this](int width) {
        QHeaderView* header = m_timeline->header();
        const QFontMetrics metrics = m_timeline->fontMetrics();
        const QAbstractItemView* view = m_timeline;
        const int phaseWidth = metrics.horizontalAdvance(phaseDisplayName(Phase::Acknowledged))
            + m_timeline->style()->pixelMetric(QStyle::PM_SmallIconSize) + 24;
        // The delegate's hint has the margins of one side; the text is drawn within both.
        const int slack = 2
            * (m_timeline->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_timeline)
                + 1);
        const int when = view->sizeHintForColumn(0) + slack;
        const int what = qMin(view->sizeHintForColumn(2) + slack, phaseWidth);
        const int who = qMin(view->sizeHintForColumn(1) + slack,
            qMax(metrics.averageCharWidth() * 6, width - when - what));
        header->resizeSection(0, when);
        header->resizeSection(1, who);
    };
    layout->addWidget(m_timeline);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->addRow(tr("Entity:"), m_entity);
    m_form->addRow(tr("Host:"), m_host);
    m_form->addRow(tr("Service:"), m_service);
    m_form->addRow(tr("Routing key:"), m_routingKey);
    m_form->addRow(tr("Paged users:"), m_pagedUsers);
    m_form->addRow(tr("Paged teams:"), m_pagedTeams);
    m_form->addRow(tr("Paged policies:"), m_pagedPolicies);
    m_form->addRow(tr("Started:"), m_started);
    layout->addLayout(m_form);
    // The conversation after the incident's facts, before the notes.
    m_chatSlot = new QVBoxLayout;
    layout->addLayout(m_chatSlot);

    // Notes.
    layout->addWidget(sectionTitle(tr("Notes")));
    layout->addWidget(m_notesState);
    m_noteList->setAccessibleName(tr("Notes"));
    m_noteList->setModel(m_notes);
    m_noteList->setItemDelegate(new NoteDelegate(
        [this](const QString& username) {
            return username.isEmpty() ? QString() : personName(username);
        },
        m_noteList));
    usePlainToolTips(m_noteList);
    m_noteList->setWordWrap(true);
    m_noteList->setUniformItemSizes(false);
    m_noteList->setMinimumHeight(60);
    m_noteList->setMaximumHeight(120);
    m_noteList->setSpacing(2);
    m_noteList->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_noteList);
    m_noteTitle->setPlaceholderText(tr("Title (optional)"));
    m_noteTitle->setAccessibleName(tr("Title of the note"));
    m_noteText->setPlaceholderText(tr("Write a note for everyone working on this incident"));
    m_noteText->setAccessibleName(tr("Note"));
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
    m_noteMessage->hide();
    layout->addWidget(m_noteMessage);

    // Alert: its fields wrap, whole; what alert rules added is shown apart, links opening only
    // on a click (and only web addresses).
    layout->addWidget(sectionTitle(tr("Alert")));
    layout->addWidget(m_alertState);
    m_alert->setAccessibleName(tr("The alert's fields"));
    m_alert->setColumnCount(2);
    m_alert->setHeaderLabels({ tr("Field"), tr("Value") });
    m_alert->setRootIsDecorated(true);
    m_alert->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_alert->header()->resizeSection(0, 130);
    layout->addWidget(m_alert);
    layout->addWidget(m_annotationsTitle);
    m_annotations->setTextFormat(Qt::RichText);
    m_annotations->setWordWrap(true);
    m_annotations->setMinimumWidth(40);
    m_annotations->setOpenExternalLinks(false);
    m_annotations->setTextInteractionFlags(
        Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_annotations, &QLabel::linkActivated, this, &IncidentDetailPane::openLink);
    layout->addWidget(m_annotations);
    m_annotationsTitle->hide();
    m_annotations->hide();
    layout->addStretch(1);

    connect(m_notes, &IncidentNotes::alertStateChanged, this, &IncidentDetailPane::showAlert);
    connect(m_notes, &IncidentNotes::notesStateChanged, this, [this](IncidentNotes::LoadState s) {
        switch (s) {
        case IncidentNotes::LoadState::Loading:
            setToneText(m_notesState, tr("Loading the notes…"), look::Tone::Info);
            break;
        case IncidentNotes::LoadState::Failed:
            setToneText(m_notesState, m_notes->notesError(), look::Tone::Error);
            break;
        default:
            setToneText(m_notesState, QString(), look::Tone::Info);
            break;
        }
        updateNoteButtons();
    });
    connect(m_notes, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_notesState->isHidden() && m_notes->notesState() == IncidentNotes::LoadState::Loaded)
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
    if (m_chat)
        m_chat->setIncident(QString());
    m_stack->setCurrentIndex(0);
    loadDraft(); // none: the previous incident's draft stays with it
}

QTreeWidget* IncidentDetailPane::timeline() const { return m_timeline; }

void IncidentDetailPane::setChat(IncidentChatController* chat)
{
    delete m_chat;
    m_chat = chat ? new IncidentChatView(chat, m_directory) : nullptr;
    if (!m_chat)
        return;
    m_chatSlot->addWidget(m_chat);
    m_chat->setUrlOpener([this](const QUrl& url) {
        if (m_openUrl)
            m_openUrl(url);
        else
            QDesktopServices::openUrl(url);
    });
    m_chat->setIncident(m_number);
}

QTreeWidget* IncidentDetailPane::alertTree() const { return m_alert; }

QString IncidentDetailPane::alertCountText(int count) { return tr("%Ln alert(s)", nullptr, count); }

QString IncidentDetailPane::noteByline(const QString& author, const QDateTime& created)
{
    const QString when = compactTime(created);
    if (author.isEmpty() || when.isEmpty())
        return author.isEmpty() ? when : author;
    return author + QStringLiteral(" · ") + when;
}

void IncidentDetailPane::setActions(
    QAction* acknowledge, QAction* resolve, QAction* reroute, QAction* openWeb)
{
    const std::pair<QToolButton*, QAction*> pairs[] = { { m_acknowledge, acknowledge },
        { m_resolve, resolve }, { m_reroute, reroute }, { m_openWeb, openWeb } };
    for (const auto& [button, action] : pairs) {
        if (action)
            button->setDefaultAction(action);
        button->setVisible(action != nullptr);
    }
}

void IncidentDetailPane::openLink(const QString& link)
{
    // Only what the annotations offered as a link, and only a web address, opens: the label's
    // text came from a monitoring tool.
    const QUrl url = AlertAnnotation::webLink(link);
    if (!url.isValid())
        return;
    if (m_openUrl)
        m_openUrl(url);
    else
        QDesktopServices::openUrl(url);
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
    setToneText(m_error, error, look::Tone::Error);

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
    m_started->setText(orDash(compactTime(incident.startTime)) + QStringLiteral(" · ")
        + alertCountText(incident.alertCount));
    m_started->setToolTip(timeText(incident.startTime));

    m_timeline->clear();
    for (const IncidentTransition& transition : incident.transitions) {
        QString what = transition.phase == Phase::Unknown ? transition.name
                                                          : phaseDisplayName(transition.phase);
        if (!transition.message.isEmpty())
            what += QLatin1String(": ") + transition.message;
        // The Who column fits its contents: a name is cut so that it cannot take the row.
        auto* item
            = new QTreeWidgetItem(m_timeline, { compactTime(transition.at), QString(), what });
        item->setData(1, UsernameRole, transition.by);
        item->setIcon(2, phaseIcon(transition.phase));
        item->setToolTip(0, timeText(transition.at));
        item->setToolTip(2, plainToolTip(what));
    }
    showPeople();
    m_timeline->fitColumns(m_timeline->viewport()->width());
    m_timeline->relayout();

    if (changed) {
        if (m_chat)
            m_chat->setIncident(m_number);
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
    m_annotationsTitle->hide();
    m_annotations->clear();
    m_annotations->hide();
    switch (m_notes->alertState()) {
    case IncidentNotes::LoadState::Idle:
        setToneText(m_alertState, tr("This incident has no alert to show."), look::Tone::Info);
        m_alert->hide();
        return;
    case IncidentNotes::LoadState::Loading:
        setToneText(m_alertState, tr("Loading the alert…"), look::Tone::Info);
        m_alert->hide();
        return;
    case IncidentNotes::LoadState::Failed:
        setToneText(m_alertState, m_notes->alertError(), look::Tone::Error);
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
            // What alert rules added is shown below, links and all.
            if (AlertAnnotation::isAnnotationKey(it.key()))
                continue;
            const QString value = jsonValueText(it.value());
            auto* item = new QTreeWidgetItem(rawItem, { it.key(), value });
            item->setToolTip(0, plainToolTip(it.key()));
            item->setToolTip(1, plainToolTip(value));
        }
        rawItem->setExpanded(true);
        const QList<AlertAnnotation> annotations = AlertAnnotation::fromAlert(raw);
        if (!annotations.isEmpty()) {
            m_annotations->setText(AlertAnnotation::toHtml(annotations));
            m_annotationsTitle->show();
            m_annotations->show();
        }
    } else if (!alert.raw.isEmpty()) {
        add(tr("As sent by the tool"), alert.raw);
    }
    m_alert->relayout();
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
    setToneText(m_noteMessage, text, error ? look::Tone::Error : look::Tone::Info);
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
