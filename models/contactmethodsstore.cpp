// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "contactmethodsstore.h"

#include "orgdirectory.h"

namespace rota {

ContactMethodsStore::ContactMethodsStore(QObject* parent)
    : QObject(parent)
{
}

void ContactMethodsStore::setMethods(const ContactMethods& methods)
{
    m_methods = methods;
    Q_EMIT changed();
}

void ContactMethodsStore::setPolicies(const UserPolicies& policies)
{
    m_policies = policies;
    Q_EMIT policiesChanged();
}

void ContactMethodsStore::setDirectory(OrgDirectory* directory)
{
    if (!directory || directory == m_directory)
        return;
    disconnect(m_policyNames);
    m_directory = directory;
    // Policy names arriving change how the policies read.
    m_policyNames = connect(
        directory, &OrgDirectory::policiesChanged, this, &ContactMethodsStore::policiesChanged);
}

OrgDirectory* ContactMethodsStore::directory() const { return m_directory; }

QString ContactMethodsStore::policyName(const QString& policySlug) const
{
    const QString name = m_directory ? m_directory->policyBySlug(policySlug) : QString();
    return name.isEmpty() ? policySlug : name;
}

} // namespace rota
