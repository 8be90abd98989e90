// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "quickreroutedialog.h"

#include "orgdirectory.h"
#include "plaintext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

namespace rota {

namespace {

enum Kind { Heading, UserKind, PolicyKind };

constexpr int KindRole = Qt::UserRole + 1;
constexpr int SlugRole = Qt::UserRole + 2;
constexpr int SearchRole = Qt::UserRole + 3;

// The list shows about this many rows: enough to pick from, small enough for a popup.
constexpr int VisibleRows = 9;

QString key(int kind, const QString& slug)
{
    return QString::number(kind) + QLatin1Char(':') + slug;
}

} // namespace

QuickRerouteDialog::QuickRerouteDialog(OrgDirectory* directory, const QStringList& incidentNumbers,
    const QString& description, QWidget* parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_numbers(incidentNumbers)
    , m_search(new QLineEdit)
    , m_list(new QListWidget)
    , m_keep(new QCheckBox(tr("&Keep paging those paged now")))
    , m_state(new QLabel)
{
    setObjectName(QStringLiteral("quickRerouteDialog"));
    const auto count = static_cast<int>(incidentNumbers.size());
    QStringList named;
    for (const QString& number : incidentNumbers)
        named.append(QLatin1Char('#') + number);
    setWindowTitle(count == 1 ? tr("Reroute #%1").arg(incidentNumbers.value(0))
                              : tr("Reroute %n incidents", nullptr, count));

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel;
    intro->setObjectName(QStringLiteral("incidents"));
    makePlainLabel(intro); // the summary is the server's text
    intro->setWordWrap(true);
    QString what = clipped(named.join(QLatin1String(", ")), MenuChars);
    if (!description.isEmpty())
        what += QLatin1Char(' ') + clipped(description.simplified(), MenuChars);
    setPlainLabelText(intro, tr("Page instead, for %1:").arg(what), MessageChars);
    layout->addWidget(intro);

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search users and escalation policies"));
    m_search->setAccessibleName(tr("Search users and escalation policies"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);

    m_list->setObjectName(QStringLiteral("targets"));
    m_list->setAccessibleName(tr("Where to reroute"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->installEventFilter(this);
    const int rowHeight = m_list->fontMetrics().height() + 6;
    m_list->setMinimumHeight(rowHeight * VisibleRows);
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 52);
    layout->addWidget(m_list, 1);

    m_keep->setObjectName(QStringLiteral("keep"));
    layout->addWidget(m_keep);
    m_state->setObjectName(QStringLiteral("state"));
    makePlainLabel(m_state); // the server's messages, as written
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    auto* buttons = new QDialogButtonBox;
    QPushButton* reroute = buttons->addButton(tr("Reroute"), QDialogButtonBox::AcceptRole);
    reroute->setObjectName(QStringLiteral("reroute"));
    buttons->addButton(QDialogButtonBox::Cancel);
    // Enter is handled once, in the event filter and keyPress: a default button would send again.
    for (QPushButton* button : buttons->findChildren<QPushButton*>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QuickRerouteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &QuickRerouteDialog::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this,
        [this] { m_state->setVisible(!m_errors.isEmpty()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        if (item->data(KindRole).toInt() != Heading) {
            m_list->setCurrentItem(item);
            accept();
        }
    });

    // Each list fills when it arrives; a list the directory already has fills at once.
    m_usersDone = m_directory->hasUsers();
    m_policiesDone = m_directory->hasPolicies();
    connect(m_directory, &OrgDirectory::usersChanged, this, [this] {
        m_usersDone = true;
        fill();
    });
    connect(m_directory, &OrgDirectory::policiesChanged, this, [this] {
        m_policiesDone = true;
        fill();
    });
    connect(m_directory, &OrgDirectory::usersFailed, this, [this](const QString& error) {
        if (m_usersDone)
            return; // the list shown is still good
        m_usersDone = true;
        m_errors.append(error);
        fill();
    });
    connect(m_directory, &OrgDirectory::policiesFailed, this, [this](const QString& error) {
        if (m_policiesDone)
            return;
        m_policiesDone = true;
        m_errors.append(error);
        fill();
    });
    const bool haveBoth = isLoaded();
    fill();
    m_directory->ensureLoaded(
        haveBoth ? RequestScheduler::Priority::Background : RequestScheduler::Priority::User);
    m_search->setFocus();
}

void QuickRerouteDialog::fill()
{
    // A list that arrives (or is read again) while someone picks keeps their ticks and highlight.
    QSet<QString> ticked;
    QString current;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        const int kind = item->data(KindRole).toInt();
        if (kind != Heading && item->checkState() == Qt::Checked)
            ticked.insert(key(kind, item->data(SlugRole).toString()));
    }
    if (const QListWidgetItem* item = m_list->currentItem())
        current = key(item->data(KindRole).toInt(), item->data(SlugRole).toString());

    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto heading = [this](const QString& text) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::NoItemFlags);
        item->setData(KindRole, Heading);
        QFont bold = m_list->font();
        bold.setBold(true);
        item->setFont(bold);
        return item;
    };
    const auto target = [this, &ticked](int kind, const QString& text, const QString& slug,
                            const QString& search, const QString& tip) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setData(KindRole, kind);
        item->setData(SlugRole, slug);
        item->setData(SearchRole, search.toLower());
        item->setCheckState(ticked.contains(key(kind, slug)) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(plainToolTip(tip));
    };

    m_usersHeading = heading(tr("Users"));
    QList<User> users = m_directory->users();
    std::sort(users.begin(), users.end(), [](const User& a, const User& b) {
        return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
    });
    for (const User& user : std::as_const(users)) {
        const QString name = user.displayName();
        QString text = user.username;
        if (name != user.username)
            text = name + QLatin1String(" (") + user.username + QLatin1Char(')');
        target(UserKind, clipped(text, 2 * MenuChars), user.username,
            text + QLatin1Char(' ') + user.email, tr("User %1").arg(text));
    }
    m_policiesHeading = heading(tr("Escalation policies"));
    QList<EscalationPolicyInfo> policies = m_directory->policies();
    std::sort(policies.begin(), policies.end(),
        [](const EscalationPolicyInfo& a, const EscalationPolicyInfo& b) {
            return a.policyName.compare(b.policyName, Qt::CaseInsensitive) < 0;
        });
    for (const EscalationPolicyInfo& info : std::as_const(policies)) {
        QString text = info.policyName;
        if (!info.teamName.isEmpty())
            text += QStringLiteral(" — ") + info.teamName;
        target(PolicyKind, clipped(text, 2 * MenuChars), info.policySlug,
            text + QLatin1Char(' ') + info.policySlug, tr("Escalation policy %1").arg(text));
    }
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        if (!current.isEmpty()
            && key(item->data(KindRole).toInt(), item->data(SlugRole).toString()) == current)
            m_list->setCurrentRow(i);
    }
    applyFilter();
    showState();
    if (isLoaded())
        Q_EMIT loaded();
}

void QuickRerouteDialog::applyFilter()
{
    const QStringList words
        = m_search->text().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool anyUser = false;
    bool anyPolicy = false;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const int kind = item->data(KindRole).toInt();
        if (kind == Heading)
            continue;
        const QString search = item->data(SearchRole).toString();
        bool shown = true;
        for (const QString& word : words)
            shown = shown && search.contains(word);
        // What is ticked stays in view: a choice should never be hidden.
        shown = shown || item->checkState() == Qt::Checked;
        item->setHidden(!shown);
        (kind == UserKind ? anyUser : anyPolicy) |= shown;
    }
    if (m_usersHeading)
        m_usersHeading->setHidden(!anyUser);
    if (m_policiesHeading)
        m_policiesHeading->setHidden(!anyPolicy);
    // The highlight follows the search: on the first match, unless it is still shown.
    const QListWidgetItem* current = m_list->currentItem();
    if (!current || current->isHidden() || current->data(KindRole).toInt() == Heading)
        setCurrentRow(nextTarget(-1, 1));
    showState();
}

void QuickRerouteDialog::showState()
{
    QString text;
    if (!isLoaded())
        text = tr("Loading users and escalation policies…");
    else if (!m_errors.isEmpty())
        text = m_errors.join(QLatin1Char('\n'));
    else if (m_list->count() > 0 && nextTarget(-1, 1) < 0)
        text = tr("No user or escalation policy matches \u201c%1\u201d.")
                   .arg(clipped(m_search->text(), MenuChars));
    setPlainLabelText(m_state, text, MessageChars);
    m_state->setVisible(!text.isEmpty());
    fitHeight();
}

void QuickRerouteDialog::fitHeight()
{
    // A word-wrapped label that gets more lines does not grow its window by itself: the layout
    // would squeeze the list under the check box. Grow to what the layout needs at this width.
    QTimer::singleShot(0, this, [this] {
        const int needed = layout()->totalMinimumHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    });
}

int QuickRerouteDialog::nextTarget(int from, int step) const
{
    for (int row = from + step; row >= 0 && row < m_list->count(); row += step) {
        const QListWidgetItem* item = m_list->item(row);
        if (!item->isHidden() && item->data(KindRole).toInt() != Heading)
            return row;
    }
    return -1;
}

void QuickRerouteDialog::setCurrentRow(int row)
{
    if (row < 0) {
        m_list->setCurrentRow(-1);
        m_list->clearSelection();
        return;
    }
    m_list->setCurrentRow(row);
    m_list->scrollToItem(m_list->item(row));
}

IncidentTarget QuickRerouteDialog::targetOf(const QListWidgetItem* item)
{
    const QString slug = item->data(SlugRole).toString();
    return item->data(KindRole).toInt() == UserKind ? IncidentTarget::user(slug)
                                                    : IncidentTarget::policy(slug);
}

QList<IncidentTarget> QuickRerouteDialog::chosenTargets() const
{
    QList<IncidentTarget> targets;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        if (item->data(KindRole).toInt() != Heading && item->checkState() == Qt::Checked)
            targets.append(targetOf(item));
    }
    const QListWidgetItem* current = m_list->currentItem();
    if (targets.isEmpty() && current && !current->isHidden()
        && current->data(KindRole).toInt() != Heading)
        targets.append(targetOf(current));
    return targets;
}

bool QuickRerouteDialog::select(const IncidentTarget& target, bool tick)
{
    const int kind = target.type == IncidentTarget::Type::User ? UserKind : PolicyKind;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(KindRole).toInt() == kind
            && item->data(SlugRole).toString() == target.slug) {
            if (tick)
                item->setCheckState(Qt::Checked);
            if (!item->isHidden())
                setCurrentRow(i);
            return true;
        }
    }
    return false;
}

bool QuickRerouteDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const int row = m_list->currentRow();
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        accept();
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
        // Space ticks the highlighted row (the list would otherwise only select it).
        if (QListWidgetItem* item = m_list->currentItem();
            item && !item->isHidden() && item->data(KindRole).toInt() != Heading) {
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        }
        return true;
    }
    if (watched != m_search)
        return QDialog::eventFilter(watched, event);
    // From the search box the arrows move the list's highlight, so a name can be typed and picked
    // without leaving the box.
    switch (key->key()) {
    case Qt::Key_Down:
        if (const int next = nextTarget(row, 1); next >= 0)
            setCurrentRow(next);
        return true;
    case Qt::Key_Up:
        if (const int previous = nextTarget(row < 0 ? m_list->count() : row, -1); previous >= 0)
            setCurrentRow(previous);
        return true;
    case Qt::Key_PageDown:
    case Qt::Key_PageUp: {
        const int step = key->key() == Qt::Key_PageDown ? 1 : -1;
        int at = row;
        for (int moved = 0; moved < VisibleRows - 1; ++moved) {
            const int next = nextTarget(at, step);
            if (next < 0)
                break;
            at = next;
        }
        if (at >= 0)
            setCurrentRow(at);
        return true;
    }
    case Qt::Key_Space:
        if (key->modifiers() & Qt::ControlModifier) {
            if (QListWidgetItem* item = m_list->currentItem();
                item && !item->isHidden() && item->data(KindRole).toInt() != Heading) {
                item->setCheckState(
                    item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            }
            return true;
        }
        break;
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

void QuickRerouteDialog::accept()
{
    if (m_sent)
        return;
    const QList<IncidentTarget> targets = chosenTargets();
    if (targets.isEmpty()) {
        setPlainLabelText(m_state,
            isLoaded() ? tr("Pick a user or escalation policy to page: type a name, then Enter.")
                       : tr("Loading users and escalation policies…"));
        m_state->show();
        fitHeight();
        m_search->setFocus();
        return;
    }
    m_sent = true;
    Q_EMIT rerouteRequested(m_numbers, targets, m_keep->isChecked());
    QDialog::accept();
}

} // namespace rota
