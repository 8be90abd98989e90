#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace rota {

//! One operation of the Splunk On-Call public API and its documented rate limit.
struct Operation {
    const char* method;
    const char* pattern; //!< the documented path, with {placeholders}
    int limitPerMinute; //!< 0 where the documentation states none
    bool deprecated;

    //! "GET /api-public/v1/incidents": the key the scheduler budgets by.
    QString key() const;
};

//! Every operation the client knows, in the order of the vendor's documentation.
const QList<Operation>& operations();
//! The operation with this method and pattern, or nullptr.
const Operation* findOperation(const QByteArray& method, const QString& pattern);

} // namespace rota
