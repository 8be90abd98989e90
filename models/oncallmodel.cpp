// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "oncallmodel.h"

#include "orgdirectory.h"
#include "rowsync.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace rota {

struct OnCallModel::Node {
    Kind kind = Kind::Team;
    Node* parent = nullptr;
    QString key; //!< team slug, policy slug or username
    QString name;
    QDateTime until;
    QString replaces;
    QString replacesName;
    bool me = false;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        const auto& siblings = parent->children;
        for (size_t i = 0; i < siblings.size(); ++i) {
            if (siblings[i].get() == this)
                return int(i);
        }
        return -1;
    }
    QString teamSlug() const
    {
        const Node* n = this;
        while (n->kind != Kind::Team)
            n = n->parent;
        return n->key;
    }
    QString policySlug() const
    {
        if (kind == Kind::Policy)
            return key;
        if (kind == Kind::Person)
            return parent->key;
        return {};
    }
};

struct OnCallModel::Desired {
    Kind kind = Kind::Team;
    QString key;
    QString name;
    QDateTime until;
    QString replaces;
    QString replacesName;
    std::vector<Desired> children;
};

OnCallModel::OnCallModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

OnCallModel::~OnCallModel() = default;

OnCallModel::Node* OnCallModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid())
        return m_root.get();
    auto* parent = static_cast<Node*>(index.internalPointer());
    return parent->children[size_t(index.row())].get();
}

QModelIndex OnCallModel::indexOf(const Node* node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node->parent);
}

QModelIndex OnCallModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    Node* p = nodeOf(parent);
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p);
}

QModelIndex OnCallModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    auto* p = static_cast<Node*>(child.internalPointer());
    return indexOf(p);
}

int OnCallModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int OnCallModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant OnCallModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    if (!index.isValid())
        return {};
    const Node* node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name.isEmpty() ? node->key : node->name;
        case UntilColumn:
            return node->kind == Kind::Person && node->until.isValid()
                ? shortTime(node->until, m_clock(), m_zone)
                : QString();
        case NoteColumn:
            // "You" is not a note: the view marks the user's row by itself (MeRole).
            if (node->kind == Kind::Policy && node->children.empty())
                return tr("nobody on call");
            if (node->kind == Kind::Person && !node->replaces.isEmpty())
                return tr("instead of %1").arg(node->replacesName);
            return QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (node->kind != Kind::Person)
            return {};
        // The name is on the row; the tooltip adds the username people page and search by.
        if (node->until.isValid())
            return tr("%1 (%2), on call until %3")
                .arg(node->name, node->key,
                    QLocale().toString(node->until.toTimeZone(m_zone), QLocale::LongFormat));
        return tr("%1 (%2)").arg(node->name, node->key);
    case Qt::FontRole:
        if (node->me) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case KindRole:
        return int(node->kind);
    case KeyRole:
        return node->key;
    case TeamSlugRole:
        return node->teamSlug();
    case PolicySlugRole:
        return node->policySlug();
    case UsernameRole:
        return node->kind == Kind::Person ? node->key : QString();
    case MeRole:
        return node->me;
    case UntilRole:
        return node->until;
    case OverrideRole:
        return !node->replaces.isEmpty();
    case ReplacesRole:
        return node->replaces;
    case SearchRole:
        // A person is found by the name shown and by the username people page them by.
        if (node->kind == Kind::Person && index.column() == NameColumn)
            return QString(node->name + QLatin1Char(' ') + node->key);
        return data(index, Qt::DisplayRole);
    case SortRole:
        if (index.column() == UntilColumn)
            return node->until.isValid() ? node->until.toMSecsSinceEpoch() : qint64(0);
        return data(index, Qt::DisplayRole).toString().toLower();
    default:
        return {};
    }
}

QVariant OnCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Team / policy / on call");
    case UntilColumn:
        return tr("Until");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

QHash<int, QByteArray> OnCallModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(KeyRole, "key");
    names.insert(TeamSlugRole, "teamSlug");
    names.insert(PolicySlugRole, "policySlug");
    names.insert(UsernameRole, "username");
    names.insert(MeRole, "me");
    names.insert(UntilRole, "until");
    names.insert(OverrideRole, "override");
    names.insert(ReplacesRole, "replaces");
    names.insert(SortRole, "sort");
    names.insert(SearchRole, "search");
    return names;
}

void OnCallModel::reset(const CurrentOnCall& current)
{
    beginResetModel();
    m_current = current;
    m_schedules.clear();
    m_root = std::make_unique<Node>();
    for (const Desired& team : desired())
        m_root->children.push_back(build(team, m_root.get()));
    m_loaded = !current.teamsOnCall.isEmpty();
    endResetModel();
    emitSummary();
}

void OnCallModel::applyCurrent(const CurrentOnCall& current)
{
    m_current = current;
    m_loaded = true;
    rebuild();
}

void OnCallModel::applySchedule(const TeamSchedule& schedule)
{
    const QDateTime now = m_clock();
    for (const PolicySchedule& policy : schedule.schedules) {
        QHash<QString, PersonInfo> people;
        for (const OnCallEntry& entry : policy.schedule) {
            const QString user = entry.effectiveUser();
            if (user.isEmpty())
                continue;
            PersonInfo info;
            if (!entry.overrideOnCallUser.isEmpty() && entry.overrideOnCallUser != entry.onCallUser)
                info.replaces = entry.onCallUser;
            // The roll running now ends where the person's time on call ends: rolls are split
            // where a take or an override begins or ends, and shiftRoll only knows the rotation.
            for (const OnCallRoll& roll : entry.rolls) {
                if (roll.end.utc > now && roll.onCallUser.compare(user, Qt::CaseInsensitive) == 0) {
                    info.until = roll.end.utc;
                    break;
                }
            }
            if (!info.until.isValid() && entry.shiftRoll.isValid())
                info.until = entry.shiftRoll.utc;
            const QString key = user.toLower();
            // Two entries for one person: keep the earlier end (they are on call at least so long).
            const auto existing = people.constFind(key);
            if (existing != people.cend() && existing->until.isValid()
                && (!info.until.isValid() || existing->until < info.until))
                continue;
            people.insert(key, info);
        }
        m_schedules.insert(policy.policy.slug, people);
    }
    rebuild();
}

void OnCallModel::setUsername(const QString& username)
{
    if (username == m_username)
        return;
    m_username = username;
    rebuild();
}

void OnCallModel::setUserNames(const QHash<QString, QString>& names)
{
    QHash<QString, QString> folded = OrgDirectory::foldUsernames(names);
    if (folded == m_names)
        return;
    m_names = std::move(folded);
    rebuild();
}

QString OnCallModel::nameOf(const QString& username) const
{
    if (username.isEmpty())
        return {};
    // The on-call answer and the user list need not write a username in the same case.
    return m_names.value(username.toCaseFolded(), username);
}

void OnCallModel::setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

void OnCallModel::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
    if (!m_root->children.empty())
        Q_EMIT dataChanged(index(0, UntilColumn), index(rowCount() - 1, UntilColumn));
    emitSummary();
}

void OnCallModel::setMyShifts(const QList<MyShift>& shifts)
{
    const bool changed = shifts != m_myShifts;
    m_myShifts = shifts;
    m_myShiftsKnown = true;
    emitSummary();
    if (changed)
        Q_EMIT myShiftsChanged();
}

bool OnCallModel::isMe(const QString& username) const
{
    return !m_username.isEmpty() && username.compare(m_username, Qt::CaseInsensitive) == 0;
}

std::vector<OnCallModel::Desired> OnCallModel::desired() const
{
    std::vector<Desired> teams;
    QSet<QString> teamsSeen;
    for (const TeamOnCallNow& team : m_current.teamsOnCall) {
        if (team.teamSlug.isEmpty() || teamsSeen.contains(team.teamSlug))
            continue;
        teamsSeen.insert(team.teamSlug);
        Desired t { Kind::Team, team.teamSlug, team.teamName, {}, {}, {}, {} };
        QSet<QString> policiesSeen;
        for (const PolicyOnCallNow& policy : team.onCallNow) {
            if (policy.policySlug.isEmpty() || policiesSeen.contains(policy.policySlug))
                continue;
            policiesSeen.insert(policy.policySlug);
            Desired p { Kind::Policy, policy.policySlug, policy.policyName, {}, {}, {}, {} };
            const QHash<QString, PersonInfo> info = m_schedules.value(policy.policySlug);
            QSet<QString> peopleSeen;
            for (const QString& user : policy.usernames) {
                if (user.isEmpty() || peopleSeen.contains(user.toLower()))
                    continue;
                peopleSeen.insert(user.toLower());
                const PersonInfo person = info.value(user.toLower());
                p.children.push_back({ Kind::Person, user, nameOf(user), person.until,
                    person.replaces, nameOf(person.replaces), {} });
            }
            t.children.push_back(std::move(p));
        }
        teams.push_back(std::move(t));
    }
    return teams;
}

std::unique_ptr<OnCallModel::Node> OnCallModel::build(const Desired& want, Node* parent) const
{
    auto node = std::make_unique<Node>();
    node->kind = want.kind;
    node->parent = parent;
    node->key = want.key;
    node->name = want.name;
    node->until = want.until;
    node->replaces = want.replaces;
    node->replacesName = want.replacesName;
    for (const Desired& child : want.children)
        node->children.push_back(build(child, node.get()));
    if (want.kind == Kind::Person) {
        node->me = isMe(want.key);
    } else {
        node->me = std::any_of(node->children.cbegin(), node->children.cend(),
            [](const std::unique_ptr<Node>& c) { return c->me; });
    }
    return node;
}

void OnCallModel::rebuild()
{
    sync(m_root.get(), QModelIndex(), desired());
    emitSummary();
}

void OnCallModel::sync(
    Node* parent, const QModelIndex& parentIndex, const std::vector<Desired>& want)
{
    const RowSyncSteps steps {
        [this, parentIndex](int row, const std::function<void()>& edit) {
            beginRemoveRows(parentIndex, row, row);
            edit();
            endRemoveRows();
        },
        [this, parentIndex](int row, const std::function<void()>& edit) {
            beginInsertRows(parentIndex, row, row);
            edit();
            endInsertRows();
        },
        [this, parentIndex](int from, int to, const std::function<void()>& edit) {
            beginMoveRows(parentIndex, from, from, parentIndex, to);
            edit();
            endMoveRows();
        },
        [this, parent](int row) {
            Q_EMIT dataChanged(
                createIndex(row, 0, parent), createIndex(row, ColumnCount - 1, parent));
        },
    };
    syncRowsTo(
        parent->children, want, [](const std::unique_ptr<Node>& node) { return node->key; },
        [](const Desired& d) { return d.key; },
        [this, parent](const Desired& d) { return build(d, parent); },
        [this](std::unique_ptr<Node>& node, const Desired& d) { return update(node.get(), d); },
        steps);
}

// Brings one node (and below) up to date; true when the node's own data changed.
bool OnCallModel::update(Node* node, const Desired& want)
{
    bool changed = false;
    if (node->name != want.name || node->until != want.until || node->replaces != want.replaces
        || node->replacesName != want.replacesName) {
        node->name = want.name;
        node->until = want.until;
        node->replaces = want.replaces;
        node->replacesName = want.replacesName;
        changed = true;
    }
    const bool hadChildren = !node->children.empty();
    if (node->kind != Kind::Person)
        sync(node, indexOf(node), want.children);
    bool me = false;
    if (node->kind == Kind::Person) {
        me = isMe(node->key);
    } else {
        me = std::any_of(node->children.cbegin(), node->children.cend(),
            [](const std::unique_ptr<Node>& c) { return c->me; });
    }
    if (me != node->me) {
        node->me = me;
        changed = true;
    }
    // A policy's note says "nobody on call" when it has no one.
    if (node->kind == Kind::Policy && hadChildren != !node->children.empty())
        changed = true;
    return changed;
}

QModelIndex OnCallModel::teamIndex(const QString& teamSlug) const
{
    const auto& teams = m_root->children;
    for (size_t i = 0; i < teams.size(); ++i) {
        if (teams[i]->key == teamSlug)
            return createIndex(int(i), 0, m_root.get());
    }
    return {};
}

QModelIndex OnCallModel::policyIndex(const QString& policySlug) const
{
    for (const auto& team : m_root->children) {
        for (size_t i = 0; i < team->children.size(); ++i) {
            if (team->children[i]->key == policySlug)
                return createIndex(int(i), 0, team.get());
        }
    }
    return {};
}

QModelIndex OnCallModel::personIndex(const QString& policySlug, const QString& username) const
{
    const QModelIndex policy = policyIndex(policySlug);
    if (!policy.isValid())
        return {};
    const Node* node = nodeOf(policy);
    for (size_t i = 0; i < node->children.size(); ++i) {
        if (node->children[i]->key.compare(username, Qt::CaseInsensitive) == 0)
            return createIndex(int(i), 0, const_cast<Node*>(node));
    }
    return {};
}

QStringList OnCallModel::teamSlugs() const
{
    QStringList slugs;
    for (const auto& team : m_root->children)
        slugs << team->key;
    return slugs;
}

QStringList OnCallModel::onCallFor(const QString& policySlug) const
{
    const QModelIndex policy = policyIndex(policySlug);
    QStringList users;
    if (!policy.isValid())
        return users;
    for (const auto& person : nodeOf(policy)->children)
        users << person->key;
    return users;
}

QString OnCallModel::teamOfPolicy(const QString& policySlug) const
{
    const QModelIndex policy = policyIndex(policySlug);
    return policy.isValid() ? nodeOf(policy)->parent->key : QString();
}

QString OnCallModel::replacesOn(const QString& policySlug, const QString& username) const
{
    const QModelIndex person = personIndex(policySlug, username);
    return person.isValid() ? nodeOf(person)->replaces : QString();
}

QList<MyOnCall> OnCallModel::myOnCall() const
{
    QList<MyOnCall> mine;
    for (const auto& team : m_root->children) {
        if (!team->me)
            continue;
        for (const auto& policy : team->children) {
            for (const auto& person : policy->children) {
                if (person->me) {
                    mine.append({ team->name, team->key, policy->name, policy->key, person->until,
                        person->replaces });
                }
            }
        }
    }
    return mine;
}

QString OnCallModel::summary() const { return m_summaryLines.join(QLatin1Char('\n')); }

QString OnCallModel::shortTime(const QDateTime& when, const QDateTime& now, const QTimeZone& zone)
{
    return shifts::when(when, now, zone);
}

QString OnCallModel::summaryFor(const QList<MyOnCall>& mine, const QDateTime& now)
{
    return summaryLinesFor(mine, now).join(QLatin1Char('\n'));
}

QStringList OnCallModel::summaryLinesFor(const QList<MyOnCall>& mine, const QDateTime& now,
    const QList<MyShift>& shifts, const QTimeZone& zone,
    const std::function<QString(const QString&)>& nameOf)
{
    const auto name
        = [&nameOf](const QString& username) { return nameOf ? nameOf(username) : username; };
    QStringList lines;
    QStringList onCallNow;
    // Each policy with its own end: one policy's hand-over says nothing of the others.
    for (const MyOnCall& one : mine) {
        onCallNow << one.policySlug;
        const QString what = tr("%1 (%2)").arg(one.teamName.isEmpty() ? one.teamSlug : one.teamName,
            one.policyName.isEmpty() ? one.policySlug : one.policyName);
        // The user schedule's stretch runs past the current roll when the next roll is theirs too.
        QDateTime until = one.until;
        const MyShift running = shifts::runningOn(shifts, one.policySlug, now);
        if (running.end.isValid() && (!until.isValid() || running.end > until))
            until = running.end;
        QString line = until.isValid()
            ? tr("On call for %1 until %2").arg(what, shortTime(until, now, zone))
            : tr("On call for %1").arg(what);
        if (!one.replaces.isEmpty())
            line += QLatin1Char(' ') + tr("instead of %1").arg(name(one.replaces));
        // And when this policy comes back to the user after this stretch.
        const MyShift next
            = until.isValid() ? shifts::firstFrom(shifts, one.policySlug, until) : MyShift();
        if (next.start.isValid())
            line += tr("; next %1").arg(shifts::span(next.start, next.end, now, zone));
        lines << line;
    }
    if (lines.isEmpty())
        lines << tr("Not on call");
    for (const MyShift& next : shifts::upcoming(shifts, now, onCallNow))
        lines << shifts::describeNext(next, now, name(next.replaces), zone);
    return lines;
}

void OnCallModel::emitSummary()
{
    const QStringList lines = m_loaded ? summaryLinesFor(myOnCall(), m_clock(), m_myShifts, m_zone,
                                  [this](const QString& username) { return nameOf(username); })
                                       : QStringList();
    if (lines == m_summaryLines)
        return;
    m_summaryLines = lines;
    Q_EMIT summaryChanged(summary());
}

} // namespace rota
