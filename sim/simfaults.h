#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace rota::sim {

//! What a fault does to one answer.
enum class FaultKind {
    Error, //!< answer with `status` (default 500) and a JSON message
    Slow, //!< answer normally after `delayMs`
    Drop, //!< close the connection without answering
    Malformed, //!< a 200 whose body is not JSON
    Truncate, //!< the real body cut in half (with a matching Content-Length)
    Throttle, //!< the throttling answer, as if the rate limit were reached
};

//! One rule of a fault spec. Spec grammar: rules separated by ';', each
//! `kind[,key=value]...` with keys p (probability 0..1, default 1), count (how many answers it
//! affects, default unlimited), path (prefix of the request path), method, status, ms.
//! Example: `error,status=503,p=0.1;slow,ms=2500,path=/api-public/v1/incidents;drop,count=1`.
struct FaultRule {
    FaultKind kind = FaultKind::Error;
    double probability = 1.0;
    int remaining = -1; //!< -1: unlimited
    QString pathPrefix;
    QByteArray method;
    int status = 500;
    int delayMs = 2000;
};

class FaultPlan {
public:
    //! Replaces the rules; on a syntax error keeps the old ones and returns the message.
    std::optional<QString> parse(const QString& spec);
    void add(const FaultRule& rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    bool isEmpty() const { return m_rules.isEmpty(); }
    QString describe() const;

    //! The first rule that applies to this request (consuming one of its count), if any.
    std::optional<FaultRule> pick(
        const QByteArray& method, const QString& path, QRandomGenerator& rng);

private:
    QList<FaultRule> m_rules;
};

std::optional<FaultKind> faultKindFromName(const QString& name);
QString faultKindName(FaultKind kind);

} // namespace rota::sim
