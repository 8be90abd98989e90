// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "people.h"

#include <QObject>
#include <QPointer>

namespace rota {

class OrgDirectory;

//! One user's contact methods (e-mails, phones, devices) and the escalation policies they are on,
//! as last read. It knows nothing of the network: ContactMethodsController reads and changes them
//! and puts what it reads here.
class ContactMethodsStore : public QObject {
    Q_OBJECT
public:
    explicit ContactMethodsStore(QObject* parent = nullptr);

    const ContactMethods& methods() const { return m_methods; }
    const UserPolicies& policies() const { return m_policies; }
    //! Emits changed().
    void setMethods(const ContactMethods& methods);
    //! Emits policiesChanged().
    void setPolicies(const UserPolicies& policies);

    //! Where the org's users and policy names come from: the session's directory (not owned).
    void setDirectory(OrgDirectory* directory);
    //! nullptr until one is set.
    OrgDirectory* directory() const;
    //! The escalation policy's name, or the slug while the name is unknown (or with no directory).
    QString policyName(const QString& policySlug) const;

Q_SIGNALS:
    void changed();
    void policiesChanged();

private:
    QPointer<OrgDirectory> m_directory;
    QMetaObject::Connection m_policyNames;
    ContactMethods m_methods;
    UserPolicies m_policies;
};

} // namespace rota
