// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A QNetworkAccessManager that answers from a script instead of the network (the ownCloud
// client's FakeAM is the model): canned status, headers and body, network errors, delays and
// replies that never finish. Every request is recorded.

#include <QBuffer>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <functional>

namespace rota::test {

struct FakeAnswer {
    int status = 200;
    QByteArray body = "{}";
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error
        = QNetworkReply::NoError; //!< a transport error instead of a status
    int delayMs = 0;
    bool hang = false; //!< never finishes (until aborted)
};

class FakeReply : public QNetworkReply {
public:
    FakeReply(const QNetworkRequest& request, QNetworkAccessManager::Operation op,
        const FakeAnswer& answer, QObject* parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (answer.hang)
            return;
        QTimer::singleShot(answer.delayMs, this, &FakeReply::respond);
    }

    void abort() override
    {
        if (m_done)
            return;
        m_done = true;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        Q_EMIT errorOccurred(OperationCanceledError);
        setFinished(true);
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, static_cast<qint64>(m_body.size()) - m_offset);
        if (n <= 0)
            return m_done ? -1 : 0;
        memcpy(data, m_body.constData() + m_offset, static_cast<size_t>(n));
        m_offset += n;
        return n;
    }

private:
    void respond()
    {
        if (m_done)
            return;
        m_done = true;
        if (m_answer.error != NoError) {
            setError(m_answer.error, QStringLiteral("Simulated network error"));
            Q_EMIT errorOccurred(m_answer.error);
        } else {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
            for (const auto& header : std::as_const(m_answer.headers))
                setRawHeader(header.first, header.second);
            m_body = m_answer.body;
            if (m_answer.status >= 400)
                setError(ContentAccessDenied, QStringLiteral("HTTP error"));
            Q_EMIT metaDataChanged();
            Q_EMIT readyRead();
        }
        setFinished(true);
        Q_EMIT finished();
    }

    FakeAnswer m_answer;
    QByteArray m_body;
    qint64 m_offset = 0;
    bool m_done = false;
};

class FakeNetwork : public QNetworkAccessManager {
public:
    struct Seen {
        QByteArray method;
        QUrl url;
        QByteArray body;
        QNetworkRequest request;
    };

    //! Answers in order for a path; the last one repeats. Paths without a script answer 200 {}.
    void script(const QString& path, const QList<FakeAnswer>& answers)
    {
        m_scripts[path] = answers;
    }
    QList<Seen> seen;
    int countFor(const QString& path) const
    {
        int n = 0;
        for (const Seen& s : seen)
            n += s.url.path() == path ? 1 : 0;
        return n;
    }

protected:
    QNetworkReply* createRequest(
        Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override
    {
        QByteArray body = outgoingData ? outgoingData->readAll() : QByteArray();
        QByteArray method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (method.isEmpty())
            method = op == GetOperation ? "GET"
                : op == PostOperation   ? "POST"
                : op == PutOperation    ? "PUT"
                : op == DeleteOperation ? "DELETE"
                                        : "OTHER";
        seen.append({ method, request.url(), body, request });
        FakeAnswer answer;
        auto it = m_scripts.find(request.url().path());
        if (it != m_scripts.end() && !it->isEmpty())
            answer = it->size() > 1 ? it->takeFirst() : it->first();
        return new FakeReply(request, op, answer, this);
    }

private:
    QHash<QString, QList<FakeAnswer>> m_scripts;
};

} // namespace rota::test
