#include "TestSupport.h"
#include "district/CalendarImport.h"
#include "storage/CalendarRepository.h"
#include "util/Error.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace yg;

namespace {

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

} // namespace

TEST(CalendarImport, ImportsAYearAndASecondRunChangesNothing)
{
    test::TempDatabase t;
    QTemporaryDir dir;
    const QString csv = writeFile(dir, "2027.csv",
                                  QByteArrayLiteral("\xEF\xBB\xBF"
                                                    "date,kind,name\n2027-01-01,holiday,元旦\n\n"
                                                    "2027-02-20,上班,春节调休\r\n2027-02-15,放假,春节\n"));
    const auto first = importCalendar(t.db(), csv);
    EXPECT_EQ(first.added, 3);
    const WorkCalendar c = CalendarRepository(t.db()).load();
    EXPECT_FALSE(c.isWorkingDay(QDate(2027, 1, 1)));
    EXPECT_TRUE(c.isWorkingDay(QDate(2027, 2, 20)));
    EXPECT_EQ(c.nameOf(QDate(2027, 2, 15)), QStringLiteral("春节"));
    const QByteArray before = test::contentHash(t.db().connection());
    const auto second = importCalendar(t.db(), csv);
    EXPECT_EQ(second.added, 0);
    EXPECT_EQ(second.unchanged, 3);
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST(CalendarImport, ABadFileIsRefusedWithEveryProblemAndNothingChanges)
{
    test::TempDatabase t;
    QTemporaryDir dir;
    const QString csv = writeFile(dir, "bad.csv",
                                  "date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,x\n"
                                  "2027-02-13,holiday,Saturday\n2027-02-15,workday,Monday\n2027-03-01,maybe,?\n");
    const QByteArray before = test::contentHash(t.db().connection());
    try {
        importCalendar(t.db(), csv);
        FAIL() << "a bad file must be refused";
    } catch (const Error& e) {
        const QString m = e.message();
        EXPECT_TRUE(m.contains(QStringLiteral("nothing was changed"))) << m.toStdString();
        EXPECT_TRUE(m.contains(QStringLiteral("bad.csv line 3, column date: '2027-13-01'"))) << m.toStdString();
        EXPECT_TRUE(m.contains(QStringLiteral("line 4: 2027-02-13 is a weekend day"))) << m.toStdString();
        EXPECT_TRUE(m.contains(QStringLiteral("line 5: 2027-02-15 is a weekday"))) << m.toStdString();
        EXPECT_TRUE(m.contains(QStringLiteral("line 6, column kind: 'maybe'"))) << m.toStdString();
    }
    EXPECT_EQ(test::contentHash(t.db().connection()), before) << "the good first line was not written either";
    EXPECT_THROW(importCalendar(t.db(), writeFile(dir, "header.csv", "day,type\n2027-01-01,holiday\n")), Error);
    EXPECT_THROW(importCalendar(t.db(), dir.filePath(QStringLiteral("missing.csv"))), Error);
}
