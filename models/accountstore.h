// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace rota {

//! One Splunk On-Call organisation the user signs in to. No secret here: the API key lives in a
//! SecretStore under `id`.
struct Account {
    QString id; //!< stable, generated (a uuid); names the keychain entry
    QString name; //!< shown to people, unique, e.g. "Northwind (prod)"
    QString apiId;
    QString username; //!< the acting VictorOps user
    QUrl baseUrl; //!< https://api.victorops.com unless changed under "Advanced"
    //! "Trust an extra certificate authority": the path of a PEM file whose certificates are
    //! trusted for this account besides the system's (a company proxy that inspects TLS signs
    //! with its own CA). The file's path, never its contents; empty: the system's CAs only.
    //! There is no way to ignore certificate errors.
    QString caFile {};
    //! The organisation's slug in the web app's addresses (portal.victorops.com/ui/<slug>/…), for
    //! "Open in Splunk On-Call"; empty: not known (the API does not say it).
    QString webAppSlug {};

    bool operator==(const Account& other) const;

    //! The service's own address, used unless an account says otherwise.
    static QUrl defaultBaseUrl();
    //! Whether an API base URL may carry the key: https, or http to this machine only; else false
    //! with *error in words.
    static bool isBaseUrlAllowed(const QUrl& url, QString* error);
    //! The slug in what a person pasted: a slug ("acme-corp") or a web app address
    //! ("https://portal.victorops.com/ui/acme-corp/incidents"), trimmed; empty when none.
    static QString webAppSlugFrom(const QString& text);
    //! The web app's page of an incident, where its chat and history are:
    //! https://portal.victorops.com/ui/<slug>/incident/<number>/details, the slug and the number
    //! percent-encoded (a slug cannot reach another path). Invalid when either is empty.
    static QUrl webAppIncidentUrl(const QString& slug, const QString& incidentNumber);
    //! Whether `path` is a PEM file of certificates that can be trusted (ApiClient::loadCaFile);
    //! else false with *error in words. An empty path is fine: no extra authority.
    static bool isCaFileUsable(const QString& path, QString* error);
};

//! The accounts and which one is current, in QSettings (group "accounts"), shared by rota and
//! rotactl. Never stores a key. Emits changed() after any edit.
class AccountStore : public QObject {
    Q_OBJECT
public:
    //! `settings` (not owned) defaults to QSettings("Rota", "rota").
    explicit AccountStore(QSettings* settings = nullptr, QObject* parent = nullptr);
    ~AccountStore() override;

    //! In the order they were added. Re-reads the file, so edits by rotactl (or rota) show.
    QList<Account> accounts() const;
    //! By id, else by name (case-insensitive).
    std::optional<Account> find(const QString& idOrName) const;
    //! Adds or replaces (by id; a new id is generated when empty). Returns the stored account, or
    //! nullopt with *error when the name is empty or taken by another account (names are trimmed
    //! and compared case-insensitively). An empty baseUrl becomes defaultBaseUrl(). The
    //! first account saved while there is no current one becomes current.
    std::optional<Account> save(Account account, QString* error);
    bool rename(const QString& id, const QString& newName, QString* error);
    //! Removes the account's settings only; removing its key is the caller's job (SecretStore).
    //! When it was the current account there is no current account afterwards. False: no such id.
    bool remove(const QString& id);

    //! Empty when there is none (or the stored one no longer exists).
    QString currentId() const;
    //! An unknown id is ignored; an empty one clears the choice.
    void setCurrentId(const QString& id);
    std::optional<Account> current() const;

    //! A fresh account id, for callers that store the key before they save the account.
    static QString newId();

Q_SIGNALS:
    void changed();
    void currentChanged(const QString& id);

private:
    void write(const QList<Account>& accounts);

    QSettings* m_settings;
    bool m_ownsSettings;
};

} // namespace rota
