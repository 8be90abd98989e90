// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSoundEffect;
class QTemporaryFile;

namespace rota {

//! The sound of a page. Rota plays it itself, through Qt Multimedia, rather than asking the
//! notification server with the `sound-name` hint: GNOME Shell honours that hint, but Plasma's
//! notification server ignores it (it sounds only for events an application declares in a KDE
//! .notifyrc file), and so do dunst and xfce4-notifyd. Played by Rota, the page sounds the same on
//! every desktop, and the notifications carry `suppress-sound` so that no server adds its own.
//!
//! The sound is Rota's own: a short two-tone chime, made as 16-bit PCM (WAV) at first use and
//! kept in a temporary file for the process's life. Playing never blocks; a machine without audio
//! output logs it once (until an output appears) and plays nothing.
class AlarmSound : public QObject {
    Q_OBJECT
public:
    explicit AlarmSound(QObject* parent = nullptr);
    ~AlarmSound() override;

    //! Plays the chime once (a chime still playing is restarted).
    void play();
    //! Stops a chime that is playing.
    void stop();
    //! How many times play() was asked (tests).
    int playCount() const { return m_plays; }
    //! What went wrong with the output, in words; empty when nothing did (so far).
    QString problem() const { return m_problem; }

    //! The chime as a WAV file's bytes (RIFF, PCM, mono, 16-bit, 44.1 kHz).
    static QByteArray chimeWav();

Q_SIGNALS:
    //! play() was asked; `audible` is false when there is no way to play it.
    void played(bool audible);

private:
    bool prepare();

    std::unique_ptr<QTemporaryFile> m_file;
    QSoundEffect* m_effect = nullptr;
    QString m_problem;
    int m_plays = 0;
    bool m_noOutputLogged = false;
};

} // namespace rota
