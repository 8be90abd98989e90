// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "oncallview.h"

#include "icalendar.h"
#include "look.h"
#include "oncallcontroller.h"
#include "oncallmodel.h"
#include "personavatar.h"
#include "personcard.h"
#include "plaintext.h"
#include "viewchrome.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {

// The signed-in user's row is bold (the model's font) with a small "you" tag after the name, in
// the success tone: a mark of its own, never the selection's colour. People rows carry their
// avatar, drawn here because the model knows no pictures.
class MeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static bool tagged(const QModelIndex& index)
    {
        return index.column() == OnCallModel::NameColumn
            && index.data(OnCallModel::KindRole).toInt() == int(OnCallModel::Kind::Person)
            && index.data(OnCallModel::MeRole).toBool();
    }
    static QString tagText() { return OnCallView::tr("you"); }
    static QFont tagFont(const QFont& base)
    {
        QFont font = base;
        font.setBold(false);
        font.setPointSizeF(base.pointSizeF() * 0.85);
        return font;
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        // The common row height (look::styleItemView's delegate gives it to plain trees).
        size.setHeight(std::max(size.height(), look::rowHeight(option.widget)));
        if (tagged(index))
            size.rwidth() += QFontMetrics(tagFont(option.font)).horizontalAdvance(tagText()) + 16;
        return size;
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!tagged(index))
            return;
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        const int nameWidth = opt.fontMetrics.horizontalAdvance(opt.text);
        const QFont font = tagFont(opt.font);
        const QFontMetrics metrics(font);
        const int left = textRect.left() + std::min(nameWidth, textRect.width()) + 8;
        const QRect tag(left, opt.rect.center().y() - metrics.height() / 2,
            metrics.horizontalAdvance(tagText()) + 8, metrics.height());
        if (tag.right() > opt.rect.right())
            return; // no room left in a narrow column: the bold name says it alone
        const QColor tone = look::toneColor(look::Tone::Success, opt.palette);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(tone);
        painter->setBrush(look::toneBackground(look::Tone::Success, opt.palette));
        painter->drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter->setFont(font);
        painter->drawText(tag, Qt::AlignCenter, tagText());
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool person
            = index.data(OnCallModel::KindRole).toInt() == int(OnCallModel::Kind::Person);
        if (person && index.column() == OnCallModel::NameColumn) {
            const int size = option->decorationSize.height() > 0
                ? std::max(option->decorationSize.height(), option->fontMetrics.height())
                : option->fontMetrics.height();
            option->icon = PersonAvatar::icon(index.data(OnCallModel::UsernameRole).toString(),
                index.data(Qt::DisplayRole).toString(), size);
            option->decorationSize = QSize(size, size);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
};

// The header: one line per policy, each cut with "…" to the width rather than wrapped, so three
// policies take three lines however narrow the window; the whole text is in the tooltip. text()
// stays the whole summary.
class LinesLabel : public QLabel {
public:
    using QLabel::QLabel;

    QSize sizeHint() const override
    {
        const QFontMetrics fm(font());
        int wide = 0;
        for (const QString& line : lines())
            wide = std::max(wide, fm.horizontalAdvance(line));
        return { std::min(wide, fm.averageCharWidth() * 60) + margins(), height(fm) };
    }
    QSize minimumSizeHint() const override
    {
        const QFontMetrics fm(font());
        return { fm.averageCharWidth() * 10 + margins(), height(fm) };
    }
    bool hasHeightForWidth() const override { return false; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(foregroundRole()));
        const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
        const QFontMetrics fm(font());
        int y = area.top();
        for (const QString& line : lines()) {
            painter.drawText(QRect(area.left(), y, area.width(), fm.lineSpacing()),
                Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(line, Qt::ElideRight, area.width()));
            y += fm.lineSpacing();
        }
    }

private:
    QStringList lines() const { return text().split(QLatin1Char('\n')); }
    int margins() const
    {
        const QMargins m = contentsMargins();
        return m.left() + m.right() + 2 * margin();
    }
    int height(const QFontMetrics& fm) const
    {
        const QMargins m = contentsMargins();
        return static_cast<int>(lines().size()) * fm.lineSpacing() + m.top() + m.bottom()
            + 2 * margin();
    }
};

} // namespace

OnCallView::OnCallView(OnCallModel* model, OnCallController* controller, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_controller(controller)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new LinesLabel(this))
    , m_search(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_take(new QPushButton(tr("&Take on-call"), this))
    , m_handBack(new QPushButton(tr("&Hand back"), this))
    , m_page(new QPushButton(tr("&Page…"), this))
    , m_export(new QPushButton(tr("&Export my shifts…"), this))
    , m_progress(new QProgressBar(this))
    , m_readOnly(new QLabel(this))
    , m_readError(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_take->setObjectName(QStringLiteral("takeButton"));
    m_handBack->setObjectName(QStringLiteral("handBackButton"));
    m_page->setObjectName(QStringLiteral("pageButton"));
    m_page->setToolTip(tr("Open an incident that pages the selected person, policy or team"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readError->setObjectName(QStringLiteral("readErrorLabel"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_tree->setObjectName(QStringLiteral("onCallTree"));
    m_tree->setAccessibleName(tr("On call now"));
    m_status->setObjectName(QStringLiteral("statusLabel"));

    // One line per policy, in the text's weight: several of them must read as a list and leave
    // the room to the tree, even in a small window (a line too long is cut; see LinesLabel).
    m_summary->setText(tr("Loading who is on call…"));
    // The summary and the status name teams and people: the server's words, shown as written.
    makePlainLabel(m_summary);
    makePlainLabel(m_status);

    m_search->setPlaceholderText(tr("Search teams, policies and people"));
    m_search->setAccessibleName(tr("Search who is on call"));
    m_search->setClearButtonEnabled(true);
    m_refresh->setToolTip(tr("Read who is on call again (F5)"));
    setUpBusyBar(m_progress);
    setUpNoticeLabel(m_readOnly);
    setUpNoticeLabel(m_readError);
    setUpNoticeLabel(m_message);

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(OnCallModel::NameColumn);
    m_proxy->setFilterRole(OnCallModel::SearchRole);
    m_tree->setModel(m_proxy);
    // The common look first: it puts its own delegate on a tree that has a plain one.
    look::styleItemView(m_tree);
    m_tree->setItemDelegate(new MeDelegate(m_tree));
    // The names take the room; "until" and the note only as much as they need, so no column
    // stretches blank across the view.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(OnCallModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(OnCallModel::UntilColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(OnCallModel::NoteColumn, QHeaderView::ResizeToContents);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_search, 1);
    tools->addWidget(m_refresh);
    tools->addWidget(m_take);
    tools->addWidget(m_handBack);
    tools->addWidget(m_page);
    tools->addWidget(m_export);
    tools->addWidget(m_progress);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(tools);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_readError);
    layout->addWidget(m_message);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);

    connect(
        addRefreshShortcut(this), &QAction::triggered, m_controller, &OnCallController::refresh);
    connect(m_refresh, &QPushButton::clicked, m_controller, &OnCallController::refresh);
    connect(m_take, &QPushButton::clicked, this, &OnCallView::takeOnCall);
    connect(m_handBack, &QPushButton::clicked, this, &OnCallView::handBack);
    connect(m_page, &QPushButton::clicked, this, &OnCallView::page);
    connect(m_export, &QPushButton::clicked, this, &OnCallView::exportShiftsAsked);
    connect(m_model, &OnCallModel::myShiftsChanged, this, &OnCallView::updateActions);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &OnCallView::showContextMenu);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });

    // New rows open up; a routine refresh keeps what the user collapsed.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &OnCallView::expandFrom);
    connect(m_proxy, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &OnCallView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OnCallView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OnCallView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OnCallView::updateActions);
    connect(m_model, &OnCallModel::summaryChanged, this, &OnCallView::showReadState);

    const auto showProgress = [this] {
        m_progress->setVisible(m_controller->isLoading() || m_controller->isBusy());
        showReadState();
        updateActions();
    };
    connect(m_controller, &OnCallController::loadingChanged, this, showProgress);
    connect(m_controller, &OnCallController::busyChanged, this, showProgress);
    connect(m_controller, &OnCallController::statusTextChanged, this, &OnCallView::showReadState);
    connect(m_controller, &OnCallController::readErrorChanged, this, &OnCallView::showReadState);
    connect(m_controller, &OnCallController::readOnlyChanged, this, &OnCallView::updateActions);
    connect(m_controller, &OnCallController::actionFinished, this,
        [this](bool ok, const QString& message) { showMessage(message, !ok); });

    m_tree->expandAll();
    showProgress();
}

// The read error has one place, its own line; the message line is for what actions did. The
// status line and Refresh say at once that a refresh is under way, however slow the answer.
void OnCallView::showReadState()
{
    const bool loading = m_controller->isLoading();
    const ApiError error = m_controller->readError();
    QString summary = m_model->summary();
    if (summary.isEmpty())
        summary = error.isError() && !loading ? tr("Who is on call is not known yet.")
                                              : tr("Loading who is on call…");
    setPlainLabelText(m_summary, summary, MessageChars);
    m_summary->setToolTip(plainToolTip(summary));
    showNotice(m_readError, m_controller->readErrorText(), true);
    m_readError->setToolTip(plainToolTip(error.detail()));
    setPlainLabelText(
        m_status, loading ? tr("Refreshing…") : m_controller->statusText(), MessageChars);
    m_refresh->setEnabled(!loading);
    m_refresh->setToolTip(
        loading ? tr("Reading who is on call…") : tr("Read who is on call again (F5)"));
}

void OnCallView::expandFrom(const QModelIndex& parent, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        m_tree->expandRecursively(index);
    }
    if (parent.isValid())
        m_tree->expand(parent);
}

void OnCallView::setPeople(PersonDetails* people)
{
    PersonHover::install(m_tree, people,
        [](const QModelIndex& index) { return index.data(OnCallModel::UsernameRole).toString(); });
}

QModelIndex OnCallView::currentSource() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

bool OnCallView::isMe(const QString& username) const
{
    return !m_model->username().isEmpty()
        && username.compare(m_model->username(), Qt::CaseInsensitive) == 0;
}

bool OnCallView::select(const QString& policySlug, const QString& username)
{
    const QModelIndex source = username.isEmpty() ? m_model->policyIndex(policySlug)
                                                  : m_model->personIndex(policySlug, username);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
    return true;
}

QString OnCallView::currentPolicy() const
{
    return currentSource().data(OnCallModel::PolicySlugRole).toString();
}

QList<IncidentTarget> OnCallView::pageTargets() const
{
    const QModelIndex source = currentSource().siblingAtColumn(OnCallModel::NameColumn);
    switch (OnCallModel::Kind(source.data(OnCallModel::KindRole).toInt())) {
    case OnCallModel::Kind::Person:
        return { IncidentTarget::user(source.data(OnCallModel::UsernameRole).toString()) };
    case OnCallModel::Kind::Policy:
        return { IncidentTarget::policy(source.data(OnCallModel::PolicySlugRole).toString()) };
    case OnCallModel::Kind::Team: {
        QList<IncidentTarget> policies;
        for (int row = 0; row < m_model->rowCount(source); ++row) {
            const QString slug
                = m_model->index(row, 0, source).data(OnCallModel::PolicySlugRole).toString();
            if (!slug.isEmpty())
                policies << IncidentTarget::policy(slug);
        }
        return policies;
    }
    }
    return {};
}

void OnCallView::page()
{
    const QList<IncidentTarget> targets = pageTargets();
    if (!targets.isEmpty())
        Q_EMIT pageRequested(targets);
}

void OnCallView::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu(this);
    QAction* page = menu.addAction(tr("Page…"), this, &OnCallView::page);
    page->setEnabled(m_page->isEnabled());
    QAction* take = menu.addAction(tr("Take on-call"), this, &OnCallView::takeOnCall);
    take->setEnabled(m_take->isEnabled());
    QAction* back = menu.addAction(tr("Hand back"), this, &OnCallView::handBack);
    back->setEnabled(m_handBack->isEnabled());
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

QStringList OnCallView::takeCandidates() const
{
    const QModelIndex source = currentSource();
    const QString policy = source.data(OnCallModel::PolicySlugRole).toString();
    if (policy.isEmpty())
        return {};
    const QString person = source.data(OnCallModel::UsernameRole).toString();
    if (!person.isEmpty() && !isMe(person))
        return { person };
    QStringList candidates;
    for (const QString& user : m_model->onCallFor(policy)) {
        if (!isMe(user))
            candidates << user;
    }
    return candidates;
}

void OnCallView::takeOnCall()
{
    const QString policy = currentPolicy();
    const QStringList candidates = takeCandidates();
    if (policy.isEmpty() || candidates.isEmpty() || !m_take->isEnabled())
        return;
    if (candidates.size() == 1) {
        showMessage(tr("Taking on-call for %1 from %2…")
                        .arg(m_model->policyIndex(policy).data().toString(),
                            m_model->nameOf(candidates.first())),
            false);
        m_controller->take(policy, candidates.first());
        return;
    }
    // Several people are on call for the policy: ask whom to replace.
    delete m_takeMenu;
    m_takeMenu = new QMenu(this);
    m_takeMenu->setObjectName(QStringLiteral("takeMenu"));
    m_takeMenu->setAttribute(Qt::WA_DeleteOnClose);
    m_takeMenu->addSection(tr("Take on-call instead of"));
    for (const QString& user : candidates) {
        QAction* action = m_takeMenu->addAction(menuText(m_model->nameOf(user)));
        action->setData(user);
        connect(action, &QAction::triggered, this, [this, policy, user] {
            showMessage(
                tr("Taking on-call for %1 from %2…")
                    .arg(m_model->policyIndex(policy).data().toString(), m_model->nameOf(user)),
                false);
            m_controller->take(policy, user);
        });
    }
    m_takeMenu->popup(m_take->mapToGlobal(QPoint(0, m_take->height())));
}

void OnCallView::handBack()
{
    const QString policy = currentPolicy();
    const QString replaced = m_model->replacesOn(policy, m_model->username());
    if (policy.isEmpty() || replaced.isEmpty() || !m_handBack->isEnabled())
        return;
    showMessage(tr("Handing %1 back to %2…")
                    .arg(m_model->policyIndex(policy).data().toString(), m_model->nameOf(replaced)),
        false);
    m_controller->handBack(policy, replaced);
}

void OnCallView::updateActions()
{
    const QString policy = currentPolicy();
    const QString policyName = m_model->policyIndex(policy).data().toString();
    const bool busy = m_controller->isBusy();
    const bool readOnly = m_controller->isReadOnly();

    // The reason quotes the server: cut and shown as written, in the warning tone.
    setPlainLabelText(m_readOnly, m_controller->readOnlyReason(), MessageChars);
    look::setMessage(m_readOnly, m_readOnly->text(), look::Tone::Warning);
    m_readOnly->setVisible(readOnly);

    bool canTake = false;
    QString takeTip;
    bool canHandBack = false;
    QString handBackTip;
    QString handBackText = tr("&Hand back");
    const bool meOnCall
        = !policy.isEmpty() && m_model->personIndex(policy, m_model->username()).isValid();
    const QString replaced
        = meOnCall ? m_model->replacesOn(policy, m_model->username()) : QString();

    if (readOnly) {
        takeTip = handBackTip = m_controller->readOnlyReason();
    } else if (policy.isEmpty()) {
        takeTip = handBackTip = tr("Select an escalation policy or a person on call.");
    } else {
        if (meOnCall) {
            takeTip = tr("You are on call for %1 already.").arg(policyName);
        } else if (takeCandidates().isEmpty()) {
            takeTip = tr("Nobody is on call for %1 to take over from.").arg(policyName);
        } else {
            canTake = true;
            QStringList names;
            for (const QString& user : takeCandidates())
                names << m_model->nameOf(user);
            takeTip = tr("Go on call for %1 instead of %2.")
                          .arg(policyName, names.join(tr(" or ", "between names")));
        }
        if (!meOnCall) {
            handBackTip = tr("You are not on call for %1.").arg(policyName);
        } else if (replaced.isEmpty()) {
            handBackTip = tr("You are on call for %1 by your own shift: there is nobody to hand "
                             "it back to.")
                              .arg(policyName);
        } else {
            canHandBack = true;
            handBackText = tr("&Hand back to %1").arg(menuText(m_model->nameOf(replaced)));
            handBackTip = tr("Give %1 back to %2.").arg(policyName, m_model->nameOf(replaced));
        }
    }
    if (busy) {
        canTake = false;
        canHandBack = false;
    }
    m_take->setEnabled(canTake);
    // The tips name policies and people, and the read-only reason quotes the server.
    m_take->setToolTip(plainToolTip(takeTip));
    m_handBack->setEnabled(canHandBack);
    m_handBack->setText(handBackText);
    m_handBack->setToolTip(plainToolTip(handBackTip));
    // Paging needs no write permission of the key's owner beyond opening an incident, which the
    // service checks itself; a read-only key is told by the dialog's answer.
    m_page->setEnabled(!pageTargets().isEmpty());
    m_export->setEnabled(m_model->myShiftsKnown());
    m_export->setToolTip(m_model->myShiftsKnown()
            ? tr("Save your shifts of the next weeks as a calendar file (iCalendar)")
            : tr("Your shifts have not been read yet."));
}

bool OnCallView::exportShifts(const QString& path, int weeks, QString* error, int* count)
{
    const QDateTime now = m_model->now();
    const QList<MyShift> shifts = shifts::between(
        m_model->myShifts(), now, now.addDays(7 * std::clamp(weeks, 1, int(MaxExportWeeks))));
    if (count)
        *count = int(shifts.size());
    return ical::write(path, ical::calendar(shifts, m_model->username(), now), error);
}

void OnCallView::exportShiftsAsked()
{
    bool ok = false;
    const int weeks = QInputDialog::getInt(this, tr("Export My Shifts"),
        tr("Your shifts of the next weeks:"), MaxExportWeeks, 1, MaxExportWeeks, 1, &ok);
    if (!ok)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export My Shifts"),
        QDir::home().filePath(QStringLiteral("rota-shifts.ics")),
        tr("Calendar files (*.ics);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    int count = 0;
    if (!exportShifts(path, weeks, &error, &count)) {
        showMessage(error, true);
        return;
    }
    showMessage(
        tr("%n shift(s) saved to %1.", nullptr, count).arg(QDir::toNativeSeparators(path)), false);
}

void OnCallView::showMessage(const QString& text, bool error)
{
    showNotice(m_message, text, error);
}

} // namespace rota
