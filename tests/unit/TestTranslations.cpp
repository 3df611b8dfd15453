#include "domain/CreditCode.h"
#include "domain/Enums.h"
#include "util/Translations.h"

#include <QFile>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

// The zh_CN translation is complete: every message has a finished, non-empty translation.
TEST(Translations, ChineseIsComplete)
{
    QFile f(QStringLiteral(YG_TS_FILE));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    int messages = 0;
    QString source;
    QStringList missing;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                missing << source;
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 150);
    EXPECT_TRUE(missing.isEmpty()) << missing.join(QLatin1Char('\n')).toStdString();
}

TEST(Translations, CoreMessagesAreChineseOnAChineseSetting)
{
    EXPECT_EQ(yg::installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    EXPECT_EQ(yg::displayName(yg::Stage::Intake), QStringLiteral("接诊"));
    EXPECT_EQ(yg::displayName(yg::Stage::Consultation), QStringLiteral("会诊"));
    EXPECT_EQ(yg::displayName(yg::Stage::FollowUp), QStringLiteral("回访"));
    const auto check = yg::CreditCode::validate(QStringLiteral("9144030O71526726XG"));
    EXPECT_TRUE(check.message.contains(QStringLiteral("第 8 位"))) << check.message.toStdString();
    EXPECT_EQ(yg::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    EXPECT_EQ(yg::displayName(yg::Stage::Intake), QStringLiteral("Intake"));
}
