// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alarmsound.h"

#include "applog.h"

#include <QAudioDevice>
#include <QDataStream>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTemporaryFile>
#include <QUrl>

#include <cmath>

namespace rota {

namespace {

constexpr int SampleRate = 44100;

// One tone of the chime: a sine with a quick attack and an exponential fall, so that it rings
// rather than clicks.
void appendTone(QVector<qint16>* samples, double hertz, int ms, double volume)
{
    const int count = SampleRate * ms / 1000;
    const double twoPi = 2.0 * 3.14159265358979323846;
    for (int i = 0; i < count; ++i) {
        const double t = double(i) / SampleRate;
        const double attack = std::min(1.0, t / 0.005);
        const double fall = std::exp(-4.0 * t / (ms / 1000.0));
        const double value = std::sin(twoPi * hertz * t) * attack * fall * volume;
        samples->append(qint16(value * 32767.0));
    }
}

} // namespace

AlarmSound::AlarmSound(QObject* parent)
    : QObject(parent)
{
}

AlarmSound::~AlarmSound() = default;

QByteArray AlarmSound::chimeWav()
{
    QVector<qint16> samples;
    for (int round = 0; round < 2; ++round) {
        appendTone(&samples, 880.0, 180, 0.6);
        appendTone(&samples, 660.0, 320, 0.6);
    }
    const quint32 dataBytes = quint32(samples.size()) * 2;
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataBytes);
    out.writeRawData("WAVE", 4);
    out.writeRawData("fmt ", 4);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(SampleRate) << quint32(SampleRate * 2)
        << quint16(2) << quint16(16);
    out.writeRawData("data", 4);
    out << dataBytes;
    for (qint16 sample : std::as_const(samples))
        out << sample;
    return wav;
}

bool AlarmSound::prepare()
{
    if (m_effect)
        return true;
    if (!m_problem.isEmpty())
        return false;
    m_file = std::make_unique<QTemporaryFile>();
    m_file->setFileTemplate(m_file->fileTemplate() + QStringLiteral(".wav"));
    const QByteArray wav = chimeWav();
    if (!m_file->open() || m_file->write(wav) != wav.size() || !m_file->flush()) {
        m_problem = tr("The sound could not be prepared: %1").arg(m_file->errorString());
        qCWarning(lcApp, "%s", qPrintable(m_problem));
        m_file.reset();
        return false;
    }
    m_effect = new QSoundEffect(this);
    m_effect->setSource(QUrl::fromLocalFile(m_file->fileName()));
    connect(m_effect, &QSoundEffect::statusChanged, this, [this] {
        if (m_effect->status() == QSoundEffect::Error && m_problem.isEmpty()) {
            m_problem = tr("The sound could not be played (no audio output?)");
            qCInfo(lcApp, "%s", qPrintable(m_problem));
        }
    });
    return true;
}

void AlarmSound::play()
{
    ++m_plays;
    // Asked each time: a headset plugged in later makes the next page audible.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        if (!m_noOutputLogged)
            qCWarning(lcApp, "no audio output: pages are notified without a sound");
        m_noOutputLogged = true;
        Q_EMIT played(false);
        return;
    }
    m_noOutputLogged = false;
    const bool ready = prepare();
    if (ready) {
        m_effect->stop();
        m_effect->play();
    }
    Q_EMIT played(ready && m_problem.isEmpty());
}

void AlarmSound::stop()
{
    if (m_effect)
        m_effect->stop();
}

} // namespace rota
