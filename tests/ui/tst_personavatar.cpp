// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// PersonAvatar: initials as people read names, a colour that depends on the username alone (the
// same in every run: a value computed once is checked here), text that reads on every colour, and
// a round picture of the asked size at the asked pixel ratio.

#include "personavatar.h"

#include <QGuiApplication>
#include <QImage>
#include <QTest>

using namespace rota;

class TestPersonAvatar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("expected");
        QTest::newRow("three words") << QStringLiteral("Ana María López")
                                     << QStringLiteral("alopez") << QStringLiteral("AL");
        QTest::newRow("two words")
            << QStringLiteral("maya chen") << QStringLiteral("mchen") << QStringLiteral("MC");
        QTest::newRow("one word") << QStringLiteral("Cher") << QStringLiteral("cher")
                                  << QStringLiteral("C");
        QTest::newRow("accented first letter")
            << QStringLiteral("Élodie Ørsted") << QStringLiteral("eo") << QStringLiteral("ÉØ");
        QTest::newRow("told apart by username")
            << QStringLiteral("Alex Kim (akim)") << QStringLiteral("akim") << QStringLiteral("AK");
        QTest::newRow("extra spaces")
            << QStringLiteral("  Bo   Li  ") << QStringLiteral("bli") << QStringLiteral("BL");
        QTest::newRow("no name") << QString() << QStringLiteral("svc-bot") << QStringLiteral("S");
        QTest::newRow("nothing") << QString() << QString() << QStringLiteral("?");
    }
    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, username);
        QFETCH(QString, expected);
        QCOMPARE(PersonAvatar::initials(name, username), expected);
    }

    void colourIsStable()
    {
        const QColor akim = PersonAvatar::colour(QStringLiteral("akim"));
        QCOMPARE(PersonAvatar::colour(QStringLiteral("akim")), akim);
        QCOMPARE(PersonAvatar::colour(QStringLiteral("AKim")), akim);
        // Computed once: a per-run hash seed would change it from one run to the next.
        QCOMPARE(akim.name(), QStringLiteral("#97ba30"));
        // Different people mostly get different colours.
        QSet<QRgb> colours;
        for (int i = 0; i < 40; ++i)
            colours.insert(PersonAvatar::colour(QStringLiteral("user%1").arg(i)).rgb());
        QVERIFY(colours.size() > 30);
    }

    void textReadsOnEveryColour()
    {
        for (int i = 0; i < 500; ++i) {
            const QColor background = PersonAvatar::colour(QStringLiteral("person.%1").arg(i));
            const QColor text = PersonAvatar::textColour(background);
            QVERIFY2(PersonAvatar::contrastRatio(text, background) >= 4.5,
                qPrintable(background.name()));
            // The patch stands apart from white and from a dark window.
            QVERIFY(PersonAvatar::contrastRatio(background, Qt::white) > 1.5);
            QVERIFY(PersonAvatar::contrastRatio(background, QColor(0x20, 0x20, 0x20)) > 1.5);
        }
        QCOMPARE(PersonAvatar::textColour(Qt::black), QColor(Qt::white));
        QCOMPARE(PersonAvatar::textColour(Qt::white), QColor(Qt::black));
        QCOMPARE(PersonAvatar::contrastRatio(Qt::black, Qt::white), 21.0);
    }

    void pixmapIsRound()
    {
        for (const qreal ratio : { 1.0, 2.0 }) {
            const QPixmap picture = PersonAvatar::pixmap(
                QStringLiteral("akim"), QStringLiteral("Alex Kim"), 32, ratio);
            QCOMPARE(picture.devicePixelRatio(), ratio);
            QCOMPARE(picture.size(), QSize(32, 32) * ratio);
            const QImage image = picture.toImage();
            // Outside the circle: nothing; on the circle, away from the letters: the colour.
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(image.pixel(image.width() - 1, image.height() - 1)), 0);
            const QColor edge = image.pixelColor(int(3 * ratio), image.height() / 2);
            QCOMPARE(edge.rgb(), PersonAvatar::colour(QStringLiteral("akim")).rgb());
            // The letters are drawn: some pixel has the text colour.
            const QColor text
                = PersonAvatar::textColour(PersonAvatar::colour(QStringLiteral("akim")));
            bool lettered = false;
            for (int y = 0; y < image.height() && !lettered; ++y) {
                for (int x = 0; x < image.width() && !lettered; ++x)
                    lettered = image.pixelColor(x, y).rgb() == text.rgb();
            }
            QVERIFY(lettered);
        }
        // In a row's height one letter is drawn, as for a one-word name; larger, both.
        const auto image = [](const QString& name, int size) {
            return PersonAvatar::pixmap(QStringLiteral("akim"), name, size).toImage();
        };
        QCOMPARE(image(QStringLiteral("Alex Kim"), 16), image(QStringLiteral("Alex"), 16));
        QVERIFY(image(QStringLiteral("Alex Kim"), 16) != image(QStringLiteral("Bo"), 16));
        QVERIFY(image(QStringLiteral("Alex Kim"), 48) != image(QStringLiteral("Alex"), 48));
        const QIcon icon = PersonAvatar::icon(QStringLiteral("akim"), QStringLiteral("Alex Kim"));
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.availableSizes().size(), 2);
    }
};

QTEST_MAIN(TestPersonAvatar)
#include "tst_personavatar.moc"
