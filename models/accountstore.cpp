// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "accountstore.h"

#include "apiclient.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace rota {

namespace {

const QString kGroup = QStringLiteral("accounts");
const QString kCurrent = QStringLiteral("currentAccount");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kApiId = QStringLiteral("apiId");
const QString kUsername = QStringLiteral("username");
const QString kBaseUrl = QStringLiteral("baseUrl");
const QString kCaFile = QStringLiteral("caFile");
const QString kWebAppSlug = QStringLiteral("webAppSlug");

bool sameName(const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) == 0; }

//! An error when `name` cannot be given to the account `id` among `accounts`.
QString nameProblem(const QList<Account>& accounts, const QString& id, const QString& name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("rota::AccountStore", "An account needs a name.");
    const auto taken = std::find_if(accounts.cbegin(), accounts.cend(),
        [&](const Account& other) { return other.id != id && sameName(other.name, name); });
    if (taken != accounts.cend())
        return QCoreApplication::translate(
            "rota::AccountStore", "There is already an account named \u201c%1\u201d.")
            .arg(taken->name);
    return {};
}

} // namespace

QUrl Account::defaultBaseUrl() { return QUrl(QLatin1String(ApiClient::DefaultBaseUrl)); }

bool Account::isBaseUrlAllowed(const QUrl& url, QString* error)
{
    return ApiClient::isUrlAllowed(url, error);
}

bool Account::isCaFileUsable(const QString& path, QString* error)
{
    if (path.isEmpty())
        return true;
    QString problem;
    if (ApiClient::loadCaFile(path, &problem))
        return true;
    if (error)
        *error = problem;
    return false;
}

bool Account::operator==(const Account& other) const
{
    return id == other.id && name == other.name && apiId == other.apiId
        && username == other.username && baseUrl == other.baseUrl && caFile == other.caFile
        && webAppSlug == other.webAppSlug;
}

QString Account::webAppSlugFrom(const QString& text)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty()) {
        // An address of the web app: the slug is the part after /ui/.
        const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const qsizetype ui = parts.indexOf(QLatin1String("ui"));
        return ui >= 0 && ui + 1 < parts.size() ? parts.at(ui + 1) : QString();
    }
    return trimmed;
}

QUrl Account::webAppIncidentUrl(const QString& slug, const QString& incidentNumber)
{
    const QString org = slug.trimmed();
    const QString number = incidentNumber.trimmed();
    // A segment of dots alone would lead a browser up the path.
    const auto dots = [](const QString& part) {
        return part == QLatin1String(".") || part == QLatin1String("..");
    };
    if (org.isEmpty() || number.isEmpty() || dots(org) || dots(number))
        return QUrl();
    // Encoded by hand: a '/', '?' or '#' in either stays inside its own path segment.
    const QByteArray path = QByteArrayLiteral("/ui/") + QUrl::toPercentEncoding(org)
        + QByteArrayLiteral("/incident/") + QUrl::toPercentEncoding(number)
        + QByteArrayLiteral("/details");
    return QUrl::fromEncoded(
        QByteArrayLiteral("https://portal.victorops.com") + path, QUrl::StrictMode);
}

AccountStore::AccountStore(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(
          settings ? settings : new QSettings(QStringLiteral("Rota"), QStringLiteral("rota")))
    , m_ownsSettings(!settings)
{
}

AccountStore::~AccountStore()
{
    if (m_ownsSettings)
        delete m_settings;
}

QList<Account> AccountStore::accounts() const
{
    // rota and rotactl share the file: pick up what the other one wrote since we last looked.
    m_settings->sync();
    QList<Account> result;
    const int size = m_settings->beginReadArray(kGroup);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        Account account;
        account.id = m_settings->value(kId).toString();
        account.name = m_settings->value(kName).toString();
        account.apiId = m_settings->value(kApiId).toString();
        account.username = m_settings->value(kUsername).toString();
        account.baseUrl = QUrl(m_settings->value(kBaseUrl).toString());
        account.caFile = m_settings->value(kCaFile).toString();
        account.webAppSlug = m_settings->value(kWebAppSlug).toString();
        if (!account.id.isEmpty())
            result.append(account);
    }
    m_settings->endArray();
    return result;
}

std::optional<Account> AccountStore::find(const QString& idOrName) const
{
    if (idOrName.isEmpty())
        return std::nullopt;
    const QList<Account> all = accounts();
    for (const Account& account : all) {
        if (account.id == idOrName)
            return account;
    }
    const QString name = idOrName.trimmed();
    for (const Account& account : all) {
        if (sameName(account.name, name))
            return account;
    }
    return std::nullopt;
}

std::optional<Account> AccountStore::save(Account account, QString* error)
{
    account.name = account.name.trimmed();
    account.apiId = account.apiId.trimmed();
    account.username = account.username.trimmed();
    account.caFile = account.caFile.trimmed();
    account.webAppSlug = Account::webAppSlugFrom(account.webAppSlug);
    if (account.baseUrl.isEmpty())
        account.baseUrl = Account::defaultBaseUrl();
    QList<Account> all = accounts();
    const QString problem = nameProblem(all, account.id, account.name);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    if (account.id.isEmpty())
        account.id = newId();
    const auto existing = std::find_if(
        all.begin(), all.end(), [&account](const Account& a) { return a.id == account.id; });
    if (existing != all.end())
        *existing = account;
    else
        all.append(account);
    write(all);
    // The first account is the one to use: nobody has to pick it.
    const bool becomesCurrent = currentId().isEmpty();
    if (becomesCurrent)
        m_settings->setValue(kCurrent, account.id);
    m_settings->sync();
    Q_EMIT changed();
    if (becomesCurrent)
        Q_EMIT currentChanged(account.id);
    return account;
}

bool AccountStore::rename(const QString& id, const QString& newName, QString* error)
{
    std::optional<Account> account = find(id);
    if (!account || account->id != id) {
        if (error)
            *error = QCoreApplication::translate("rota::AccountStore", "There is no such account.");
        return false;
    }
    account->name = newName;
    return save(*account, error).has_value();
}

bool AccountStore::remove(const QString& id)
{
    QList<Account> all = accounts();
    const auto removed = std::remove_if(
        all.begin(), all.end(), [&id](const Account& account) { return account.id == id; });
    if (removed == all.end())
        return false;
    all.erase(removed, all.end());
    const bool wasCurrent = m_settings->value(kCurrent).toString() == id;
    write(all);
    if (wasCurrent)
        m_settings->remove(kCurrent);
    m_settings->sync();
    Q_EMIT changed();
    if (wasCurrent)
        Q_EMIT currentChanged(QString());
    return true;
}

QString AccountStore::currentId() const
{
    const QString id = m_settings->value(kCurrent).toString();
    // A stale id (its account removed by hand or by an older version) is no current account.
    const QList<Account> all = accounts();
    const bool known = std::any_of(
        all.cbegin(), all.cend(), [&id](const Account& account) { return account.id == id; });
    return known ? id : QString();
}

void AccountStore::setCurrentId(const QString& id)
{
    if (!id.isEmpty()) {
        const std::optional<Account> account = find(id);
        if (!account || account->id != id)
            return;
    }
    if (currentId() == id)
        return;
    if (id.isEmpty())
        m_settings->remove(kCurrent);
    else
        m_settings->setValue(kCurrent, id);
    m_settings->sync();
    Q_EMIT currentChanged(id);
}

std::optional<Account> AccountStore::current() const
{
    const QString id = currentId();
    if (id.isEmpty())
        return std::nullopt;
    return find(id);
}

QString AccountStore::newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

void AccountStore::write(const QList<Account>& accounts)
{
    // The whole list is written again: QSettings arrays keep the order people added them in.
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, static_cast<int>(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        const Account& account = accounts.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(kId, account.id);
        m_settings->setValue(kName, account.name);
        m_settings->setValue(kApiId, account.apiId);
        m_settings->setValue(kUsername, account.username);
        m_settings->setValue(kBaseUrl, account.baseUrl.toString());
        // An account with no extra authority has no entry for one.
        if (!account.caFile.isEmpty())
            m_settings->setValue(kCaFile, account.caFile);
        if (!account.webAppSlug.isEmpty())
            m_settings->setValue(kWebAppSlug, account.webAppSlug);
    }
    m_settings->endArray();
}

} // namespace rota
