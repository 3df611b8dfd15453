#include "TestSupport.h"
#include "domain/CreditCode.h"
#include "domain/Lifecycle.h"
#include "exchange/Csv.h"
#include "exchange/CsvImport.h"
#include "reporting/HeadlineFigures.h"
#include "reporting/ReportEngine.h"
#include "services/IssueService.h"
#include "storage/AuditLog.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/SqliteDialect.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace yg;
using namespace yg::test;

namespace {

/** A valid credit code made from a number (GB 32100 check character computed). */
QString creditCode(int n)
{
    const QString first17 = QStringLiteral("913306020%1").arg(n, 8, 10, QLatin1Char('0'));
    return first17 + CreditCode::checkCharacter(first17);
}

QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QString writeText(const QString& dir, const QString& name, const QString& text)
{
    return writeFile(dir, name, text.toUtf8());
}

class ImportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2025, 1, 10), QTime(2, 0), Qt::UTC));
        f = makeFixture(t.db());
        WriteTransaction tx(t.db().connection());
        staff.name = QStringLiteral("周文");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 1, 1);
        CadreRepository(t.db()).insert(staff);
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    ImportResult import(const ImportFiles& files, bool dryRun = false)
    {
        return CsvImport::run(t.db(), staff, files, dryRun);
    }

    /** Where a problem of this row and column is, with its reason (empty if none). */
    static QString reasonAt(const ImportResult& r, const QString& file, int row, const QString& column)
    {
        for (const ImportProblem& p : r.problems) {
            if (p.file == file && p.row == row && p.column == column)
                return p.reason;
        }
        return {};
    }

    static QString allProblems(const ImportResult& r)
    {
        QStringList lines;
        for (const ImportProblem& p : r.problems)
            lines << p.toString();
        return lines.join(QLatin1Char('\n'));
    }

    /** The four good files of the examples in docs/import.md. */
    ImportFiles goodFiles()
    {
        const QString code1 = creditCode(1);
        const QString code0 = f.enterprise.creditCode;
        ImportFiles files;
        files[ImportKind::Cadres] =
            writeText(t.dir(), QStringLiteral("cadres.csv"),
                      QStringLiteral("\xFEFF姓名,角色,分组,分管领导,挂联镇街,每周走访指标,驻联开始,驻联结束,备注\r\n"
                                     "李明,干部,第二联络组,赵强,稽山街道,4,2023-04-01,,新来的\r\n"
                                     "赵强,分管领导,第二联络组,赵强,,1,2023/4/1,,\r\n"));
        files[ImportKind::Enterprises] = writeText(
            t.dir(), QStringLiteral("enterprises.csv"),
            QStringLiteral("name,credit_code,town,employees,key,small_micro,new_form,union_status,union_members,"
                           "contact,phone,cadre,industry\n"
                           "\"越城\"\"新能源\"\"有限公司, 二厂\",%1,稽山街道,50,是,N,0,已建会,30,张三,0575-1234, 李明 ,"
                           "制造业\n")
                .arg(code1));
        files[ImportKind::Visits] =
            writeText(t.dir(), QStringLiteral("visits.csv"),
                      QStringLiteral("visit_ref,date,cadre,companions,enterprise,kind,summary\n"
                                     "V1,2024/3/5,李明,王建国,%1,实地走访,\"第一行\n第二行, 有逗号\"\n"
                                     "\n"
                                     "V2,2024年3月6日,王建国,,绍兴越州纺织有限公司,phone_follow_up,  \n")
                          .arg(code1));
        files[ImportKind::Issues] = writeText(
            t.dir(), QStringLiteral("issues.csv"),
            QStringLiteral("问题编号,走访编号,企业,问题类别,标题,描述,反映人,负责干部,接诊日期,提交日期,承办部门,"
                           "反馈日期,办结日期,结果,满意度\n"
                           "I1,V1,%1,欠薪与劳动争议,拖欠工资,三名职工反映工资拖欠,,李明,2024-03-05,2024-03-06,"
                           "区人力资源和社会保障局,2024-03-08,2024-03-12,已化解,满意\n"
                           "I2,V2,绍兴越州纺织有限公司,wage_dispute,政策咨询,咨询经费返还政策,,王建国,2024-03-06,,,,"
                           "2024-03-06,resolved,\n"
                           "I3,,%2,欠薪与劳动争议,招工难,缺少熟练工,一名职工,王建国,2024-03-07,2024-03-07,,,,,\n")
                .arg(code1, code0));
        return files;
    }

    TempDatabase t;
    Fixture f;
    Cadre staff;
};

} // namespace

TEST(ImportCsv, ReaderHandlesQuotesNewlinesBlankLinesAndTrailingSpaces)
{
    const QString text = QStringLiteral("a,b,c\r\n"
                                        "\r\n"
                                        "\"x, y\",\"line 1\nline 2\",\"say \"\"hi\"\"\"\r\n"
                                        " padded  ,  ,last \r\n"
                                        ",,\r\n"
                                        "end,\"\",z");
    CsvReader reader(text);
    QStringList fields;
    int line = 0;
    ASSERT_TRUE(reader.next(&fields, &line));
    EXPECT_EQ(fields, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    EXPECT_EQ(line, 1);
    ASSERT_TRUE(reader.next(&fields, &line));
    EXPECT_EQ(line, 3);
    EXPECT_EQ(fields,
              (QStringList{QStringLiteral("x, y"), QStringLiteral("line 1\nline 2"), QStringLiteral("say \"hi\"")}));
    ASSERT_TRUE(reader.next(&fields, &line));
    EXPECT_EQ(line, 5);
    EXPECT_EQ(fields, (QStringList{QStringLiteral("padded"), QString(), QStringLiteral("last")}));
    ASSERT_TRUE(reader.next(&fields, &line)); // ",," is blank and skipped
    EXPECT_EQ(line, 7);
    EXPECT_EQ(fields, (QStringList{QStringLiteral("end"), QString(), QStringLiteral("z")}));
    EXPECT_FALSE(reader.next(&fields, &line));
}

TEST(ImportCsv, DecodesUtf8WithAndWithoutBomAndRealGb18030Bytes)
{
    // 姓名,稽山街道 as Chinese Excel writes it (GB18030/GBK bytes), and a 4-byte GB18030
    // sequence (U+20000, beyond GBK) that only a real GB18030 decoder reads.
    const QByteArray gb = QByteArray::fromHex("d0d5c3fb2cbbfcc9bdbdd6b5c0") + "," + QByteArray::fromHex("95328236");
    const CsvText detected = decodeCsv(gb, CsvEncoding::Auto, QStringLiteral("gb.csv"));
    EXPECT_EQ(detected.encodingName, QStringLiteral("GB18030"));
    EXPECT_EQ(detected.text, QStringLiteral("姓名,稽山街道,") + QString::fromUcs4(U"\U00020000"));
    EXPECT_EQ(decodeCsv(gb, CsvEncoding::Gb18030, QStringLiteral("gb.csv")).text, detected.text);
    const QString utf8Error = errorOf([&] { decodeCsv(gb, CsvEncoding::Utf8, QStringLiteral("gb.csv")); });
    EXPECT_TRUE(utf8Error.contains(QStringLiteral("gb.csv"))) << utf8Error.toStdString();

    const QByteArray utf8 = QStringLiteral("姓名,稽山街道").toUtf8();
    EXPECT_EQ(decodeCsv(utf8, CsvEncoding::Auto, {}).encodingName, QStringLiteral("UTF-8"));
    const CsvText bom = decodeCsv("\xEF\xBB\xBF" + utf8, CsvEncoding::Auto, {});
    EXPECT_EQ(bom.encodingName, QStringLiteral("UTF-8 (BOM)"));
    EXPECT_EQ(bom.text, QStringLiteral("姓名,稽山街道"));
    EXPECT_EQ(csvEncodingFromName(QStringLiteral("GBK")), CsvEncoding::Gb18030);
    EXPECT_EQ(csvEncodingFromName(QStringLiteral("utf-8")), CsvEncoding::Utf8);
    EXPECT_FALSE(csvEncodingFromName(QStringLiteral("latin1")));
}

TEST(ImportCsv, HeadersInEnglishChineseOrBoth)
{
    EXPECT_EQ(CsvImport::columnKeyOf(ImportKind::Visits, QStringLiteral("走访编号")), QStringLiteral("visit_ref"));
    EXPECT_EQ(CsvImport::columnKeyOf(ImportKind::Visits, QStringLiteral(" Visit_Ref ")), QStringLiteral("visit_ref"));
    EXPECT_EQ(CsvImport::columnKeyOf(ImportKind::Issues, QStringLiteral("received(接诊日期)")),
              QStringLiteral("received"));
    EXPECT_EQ(CsvImport::columnKeyOf(ImportKind::Issues, QStringLiteral("接诊日期（received）")),
              QStringLiteral("received"));
    EXPECT_EQ(CsvImport::columnKeyOf(ImportKind::Visits, QStringLiteral("备注")), QString());
}

TEST_F(ImportTest, FourFilesImportedThenReimportChangesNothing)
{
    const ImportFiles files = goodFiles();
    const qint64 auditBefore = AuditLog(t.db()).head().first;
    const ImportResult r = import(files);
    // One summary entry in the audit trail for the whole import, by the importing person, and
    // the seal of the steps the issue sheet described (check finds a later edit of them).
    EXPECT_EQ(AuditLog(t.db()).head().first, auditBefore + 2);
    const QList<AuditEntry> newest = AuditLog(t.db()).entries({}, 0, 2);
    ASSERT_EQ(newest.size(), 2);
    EXPECT_EQ(newest[1].action, QStringLiteral("bulk"));
    EXPECT_EQ(newest[1].actorId, staff.meta.id);
    EXPECT_EQ(newest[0].table, QStringLiteral("issue_events"));
    EXPECT_TRUE(newest[0].changes.contains(QStringLiteral("sealed_steps_sha256")));
    EXPECT_EQ(AuditedSteps(t.db().connection()).problems(), QStringList());
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.counts[0].added, 2);
    EXPECT_EQ(r.counts[1].added, 1);
    EXPECT_EQ(r.counts[2].added, 2);
    EXPECT_EQ(r.counts[3].added, 3);
    EXPECT_TRUE(r.notices.join(QLatin1Char('\n')).contains(QStringLiteral("备注"))); // extra column reported

    // What was written: quoted names, companions, summaries with newlines, groups and supervisors.
    CadreRepository cadres(t.db());
    const Cadre li = *cadres.cadreByName(QStringLiteral("李明"));
    EXPECT_EQ(li.weeklyQuota, 4);
    EXPECT_TRUE(li.resident);
    EXPECT_EQ(li.townIds, QList<RowId>{f.town.meta.id});
    ASSERT_TRUE(li.groupId);
    EXPECT_EQ(cadres.group(*li.groupId)->supervisorId, cadres.cadreByName(QStringLiteral("赵强"))->meta.id);
    const Enterprise e = *EnterpriseRepository(t.db()).byCreditCode(creditCode(1));
    EXPECT_EQ(e.name, QStringLiteral("越城\"新能源\"有限公司, 二厂"));
    EXPECT_TRUE(e.isKey);
    EXPECT_FALSE(e.isSmallMicro);
    EXPECT_EQ(e.unionStatus, UnionStatus::Established);
    EXPECT_EQ(e.assignedCadreId, li.meta.id);
    QSqlQuery q(t.db().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT summary FROM visits WHERE uuid = '%1'")
                           .arg(CsvImport::uuidOfReference(ImportKind::Visits, QStringLiteral("V1")))));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("第一行\n第二行, 有逗号"));
    q.finish();

    // The history became lifecycle events, consistent with the stored stage.
    EXPECT_TRUE(IssueService(t.db()).checkConsistency().isEmpty());

    const QByteArray before = contentHash(t.db().connection());
    const ImportResult again = import(files);
    ASSERT_TRUE(again.ok()) << allProblems(again).toStdString();
    for (const ImportCounts& c : again.counts) {
        EXPECT_EQ(c.added, 0);
        EXPECT_EQ(c.updated, 0);
    }
    EXPECT_EQ(again.counts[2].unchanged, 2);
    EXPECT_EQ(again.counts[3].unchanged, 3);
    EXPECT_EQ(contentHash(t.db().connection()), before);
}

TEST_F(ImportTest, ChangedRowsAreUpdatedAndCountedAndHistoryContinues)
{
    ImportFiles files = goodFiles();
    ASSERT_TRUE(import(files).ok());
    // V2 changes its kind; I3 (still in consultation) gets its feedback and closing.
    QString visits = QString::fromUtf8([&] {
        QFile f(files[ImportKind::Visits]);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }());
    visits.replace(QStringLiteral("phone_follow_up"), QStringLiteral("调解"));
    writeText(t.dir(), QStringLiteral("visits.csv"), visits);
    writeText(t.dir(), QStringLiteral("issues.csv"),
              QStringLiteral("issue_ref,enterprise,category,title,description,raised_by,owner,received,submitted,"
                             "department,feedback,closed,outcome,satisfaction\n"
                             "I3,%1,欠薪与劳动争议,招工难,缺少熟练工,一名职工,王建国,2024-03-07,2024-03-07,,2024-03-11,"
                             "2024-03-13,已化解,基本满意\n")
                  .arg(f.enterprise.creditCode));
    const ImportResult r = import(files);
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();
    EXPECT_EQ(r.counts[2].updated, 1);
    EXPECT_EQ(r.counts[2].unchanged, 1);
    EXPECT_EQ(r.counts[3].updated, 1);
    EXPECT_EQ(r.counts[0].unchanged, 2);
    const auto id = *IssueRepository(t.db()).byNumber(QStringLiteral("2024-0003"));
    EXPECT_EQ(id.stage, Stage::Closed);
    EXPECT_EQ(id.outcome, Outcome::Resolved);
    EXPECT_TRUE(IssueService(t.db()).checkConsistency().isEmpty());

    // A history that contradicts the recorded steps is refused, naming the step.
    writeText(t.dir(), QStringLiteral("issues.csv"),
              QStringLiteral("issue_ref,enterprise,category,title,description,owner,received,submitted\n"
                             "I3,%1,欠薪与劳动争议,招工难,缺少熟练工,王建国,2024-03-07,2024-03-08\n")
                  .arg(f.enterprise.creditCode));
    const QByteArray before = contentHash(t.db().connection());
    const ImportResult bad = import(files);
    EXPECT_FALSE(bad.ok());
    EXPECT_TRUE(reasonAt(bad, QStringLiteral("issues.csv"), 2, QStringLiteral("submitted"))
                    .contains(QStringLiteral("cannot be changed")))
        << allProblems(bad).toStdString();
    EXPECT_EQ(contentHash(t.db().connection()), before);
}

TEST_F(ImportTest, EveryProblemOfEveryFileIsReportedAndNothingIsWritten)
{
    const QString c0 = f.enterprise.creditCode;
    QString badCheck = creditCode(7);
    badCheck[17] = badCheck[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    ImportFiles files;
    files[ImportKind::Cadres] = writeText(t.dir(), QStringLiteral("cadres.csv"),
                                          QStringLiteral("name,role,active_from,supervisor,group,active_to\n"
                                                         "甲,boss,2023-04-01,,,\n"
                                                         "乙,cadre,2023-04-01,王建国,第一联络组,\n"
                                                         "丙,cadre,2023-04-01,,,2023-01-01\n"));
    files[ImportKind::Enterprises] = writeText(t.dir(), QStringLiteral("enterprises.csv"),
                                               QStringLiteral("credit_code,name,town,key\n"
                                                              "%1,坏码公司,稽山街道,是\n"
                                                              "9133010079965505OB,字母公司,稽山街道,是\n"
                                                              "%2,甲公司,火星街道,是\n"
                                                              "%3,乙公司,稽山街道,maybe\n"
                                                              "%3,丙公司,稽山街道,否\n")
                                                   .arg(badCheck, creditCode(2), creditCode(3)));
    files[ImportKind::Visits] = writeText(t.dir(), QStringLiteral("visits.csv"),
                                          QStringLiteral("visit_ref,date,cadre,enterprise,kind\n"
                                                         "V1,2024-13-40,王建国,%1,\n"
                                                         "V2,2024-03-05,张无忌,%1,\n"
                                                         "V2,2024-03-05,王建国,%1,\n"
                                                         "V3,2024-03-05,王建国,不存在公司,\n"
                                                         "V4,2024-03-05,王建国,%1,sightseeing\n")
                                              .arg(c0));
    files[ImportKind::Issues] =
        writeText(t.dir(), QStringLiteral("issues.csv"),
                  QStringLiteral("issue_ref,visit_ref,enterprise,category,title,description,owner,received,submitted,"
                                 "feedback,closed,outcome\n"
                                 "I1,,%1,欠薪与劳动争议,t,d,王建国,2024-03-05,,,2024-03-06,maybe\n"
                                 "I2,V9,%1,欠薪与劳动争议,t,d,王建国,2024-03-05,,,,\n"
                                 "I3,,%1,不存在类别,t,d,王建国,2024-03-05,,,,\n"
                                 "I4,,%1,欠薪与劳动争议,t,d,王建国,2024-03-05,2024-03-04,,,\n"
                                 "I5,,%1,欠薪与劳动争议,t,d,王建国,2024-03-05,2024-03-06,,2024-03-09,resolved\n")
                      .arg(c0));
    const QByteArray before = contentHash(t.db().connection());
    const ImportResult r = import(files);
    const QString all = allProblems(r);
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.written);
    struct Expect
    {
        const char* file;
        int row;
        const char* column;
        QString reasonPart;
    } expected[] = {
        {"cadres.csv", 2, "role", QStringLiteral("unknown role")},
        {"cadres.csv", 3, "supervisor", QStringLiteral("not a supervisor")},
        {"cadres.csv", 4, "", QStringLiteral("the residency ends")}, // a rule of domain/Validation
        {"enterprises.csv", 2, "credit_code", QStringLiteral("Character 18")},
        {"enterprises.csv", 3, "credit_code", QStringLiteral("Character 17 'O'")},
        {"enterprises.csv", 4, "town", QStringLiteral("unknown town")},
        {"enterprises.csv", 5, "key", QStringLiteral("yes/no")},
        {"enterprises.csv", 6, "credit_code", QStringLiteral("twice")},
        {"visits.csv", 2, "date", QStringLiteral("not a date")},
        {"visits.csv", 3, "cadre", QStringLiteral("unknown cadre")},
        {"visits.csv", 4, "visit_ref", QStringLiteral("twice")},
        {"visits.csv", 5, "enterprise", QStringLiteral("unknown enterprise")},
        {"visits.csv", 6, "kind", QStringLiteral("unknown kind")},
        {"issues.csv", 2, "outcome", QStringLiteral("unknown outcome")},
        {"issues.csv", 3, "visit_ref", QStringLiteral("unknown visit")},
        {"issues.csv", 4, "category", QStringLiteral("unknown issue category")},
        {"issues.csv", 5, "submitted", QStringLiteral("before the issue's last step")},
        {"issues.csv", 6, "feedback", QStringLiteral("feedback date")},
    };
    for (const Expect& e : expected) {
        const QString reason = reasonAt(r, QLatin1String(e.file), e.row, QLatin1String(e.column));
        EXPECT_TRUE(reason.contains(e.reasonPart))
            << e.file << ":" << e.row << " " << e.column << " got '" << reason.toStdString() << "' in\n"
            << all.toStdString();
    }
    EXPECT_EQ(r.problems.size(), std::size(expected)) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("visits.csv:2: column “date” value “2024-13-40”: "))) << all.toStdString();
    EXPECT_EQ(contentHash(t.db().connection()), before);
}

TEST_F(ImportTest, MissingRequiredColumnIsReportedAndExtraColumnsIgnored)
{
    ImportFiles files;
    files[ImportKind::Visits] = writeText(t.dir(), QStringLiteral("visits.csv"),
                                          QStringLiteral("visit_ref,cadre,enterprise,colour\nV1,王建国,x,red\n"));
    const ImportResult r = import(files);
    ASSERT_EQ(r.problems.size(), 1) << allProblems(r).toStdString();
    EXPECT_EQ(r.problems[0].row, 1);
    EXPECT_EQ(r.problems[0].column, QStringLiteral("date"));
    EXPECT_TRUE(r.problems[0].reason.contains(QStringLiteral("走访日期")));
}

TEST_F(ImportTest, Gb18030FileIsDetectedAndImported)
{
    const QString text =
        QStringLiteral("走访编号,走访日期,干部,企业,走访情况\r\nG1,2024-03-05,王建国,%1,职工状态良好\r\n")
            .arg(f.enterprise.creditCode);
    QStringEncoder gb("GB18030");
    const QByteArray bytes = gb.encode(text);
    ASSERT_FALSE(bytes.contains(text.toUtf8()));
    ImportFiles files;
    files[ImportKind::Visits] = writeFile(t.dir(), QStringLiteral("visits-gbk.csv"), bytes);
    const ImportResult r = import(files);
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();
    EXPECT_EQ(r.counts[2].added, 1);
    EXPECT_TRUE(r.notices.join(QLatin1Char(' ')).contains(QStringLiteral("GB18030")));
    EXPECT_EQ(VisitRepository(t.db()).count(), 1);
    // Forcing UTF-8 on the same bytes is refused with the file named.
    files.encoding = CsvEncoding::Utf8;
    EXPECT_TRUE(errorOf([&] { import(files); }).contains(QStringLiteral("visits-gbk.csv")));
}

TEST_F(ImportTest, DryRunCountsButWritesNothing)
{
    const QByteArray before = contentHash(t.db().connection());
    const ImportResult r = import(goodFiles(), true);
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();
    EXPECT_FALSE(r.written);
    EXPECT_EQ(r.counts[3].added, 3);
    EXPECT_TRUE(r.summary().startsWith(QStringLiteral("Dry run")));
    EXPECT_EQ(contentHash(t.db().connection()), before);
}

TEST_F(ImportTest, CancelRollsBackEverything)
{
    const QByteArray before = contentHash(t.db().connection());
    qint64 calls = 0;
    const ImportResult r = CsvImport::run(t.db(), staff, goodFiles(), false, [&](qint64 done, qint64 total) {
        ++calls;
        return done < total; // cancel at the very end, after every row was written
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_FALSE(r.written);
    EXPECT_GT(calls, 0);
    EXPECT_EQ(contentHash(t.db().connection()), before);
}

TEST_F(ImportTest, OnlyStaffAndAdministratorsImport)
{
    const QString why = errorOf([&] { CsvImport::run(t.db(), f.cadre, goodFiles(), false); });
    EXPECT_TRUE(why.contains(QStringLiteral("Nothing was changed"))) << why.toStdString();
    EXPECT_EQ(VisitRepository(t.db()).count(), 0);
}

TEST_F(ImportTest, ImportedHistoryGivesTheSameFiguresAsHandEnteredHistory)
{
    // The same issues through IssueService in a second database with the same reference data.
    TempDatabase hand;
    const Fixture hf = makeFixture(hand.db());
    {
        IssueService service(hand.db());
        auto entered = [&](QDate received, const QList<ActionInput>& steps) {
            Issue draft;
            draft.enterpriseId = hf.enterprise.meta.id;
            draft.categoryId = hf.category.meta.id;
            draft.title = QStringLiteral("t");
            draft.description = QStringLiteral("d");
            draft.ownerId = hf.cadre.meta.id;
            Issue i = service.record(draft, hf.cadre.meta.id, received);
            for (const ActionInput& in : steps)
                i = service.act(i.meta.id, i.meta.version, hf.cadre.meta.id, in);
        };
        const QString note = QStringLiteral("n");
        entered(QDate(2024, 3, 5), {{LifecycleAction::Explain, QDate(2024, 3, 5), note, {}, {}, {}}});
        entered(QDate(2024, 3, 6),
                {{LifecycleAction::Submit, QDate(2024, 3, 7), {}, {}, {}, {}},
                 {LifecycleAction::Transfer, QDate(2024, 3, 7), note, hf.department.meta.id, {}, {}},
                 {LifecycleAction::Feedback, QDate(2024, 3, 20), note, hf.department.meta.id, {}, {}},
                 {LifecycleAction::Confirm, QDate(2024, 3, 22), {}, {}, {}, kBasicallySatisfied}});
        entered(QDate(2024, 4, 1), {{LifecycleAction::Submit, QDate(2024, 4, 1), {}, {}, {}, {}},
                                    {LifecycleAction::Close, QDate(2024, 5, 6), note, {}, {}, {}}});
        entered(QDate(2024, 4, 2), {{LifecycleAction::Submit, QDate(2024, 4, 3), {}, {}, {}, {}},
                                    {LifecycleAction::Withdraw, QDate(2024, 4, 9), note, {}, {}, {}}});
        entered(QDate(2024, 6, 3), {{LifecycleAction::Submit, QDate(2024, 6, 3), {}, {}, {}, {}}});
        entered(QDate(2024, 12, 30), {});
    }
    ImportFiles files;
    files[ImportKind::Issues] = writeText(
        t.dir(), QStringLiteral("issues.csv"),
        QStringLiteral("issue_ref,enterprise,category,title,description,owner,received,submitted,department,feedback,"
                       "closed,outcome,satisfaction\n"
                       "A,%1,wage_dispute,t,d,王建国,2024-03-05,,,,2024-03-05,已化解,\n"
                       "B,%1,wage_dispute,t,d,王建国,2024-03-06,2024-03-07,区人力资源和社会保障局,2024-03-20,"
                       "2024-03-22,已化解,基本满意\n"
                       "C,%1,wage_dispute,t,d,王建国,2024-04-01,2024-04-01,,,2024-05-06,未化解,\n"
                       "D,%1,wage_dispute,t,d,王建国,2024-04-02,2024-04-03,,,2024-04-09,已撤回,\n"
                       "E,%1,wage_dispute,t,d,王建国,2024-06-03,2024-06-03,,,,,\n"
                       "F,%1,wage_dispute,t,d,王建国,2024-12-30,,,,,,\n")
            .arg(f.enterprise.creditCode));
    const ImportResult r = import(files);
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();

    for (const QString& period :
         {QStringLiteral("2024"), QStringLiteral("2024-Q1"), QStringLiteral("2024-Q2"), QStringLiteral("2024-03")}) {
        ReportRequest req;
        req.period = *Period::parse(period);
        req.today = QDate(2025, 1, 10);
        const QJsonObject a = ReportEngine::build(t.db(), req).toJson();
        const QJsonObject b = ReportEngine::build(hand.db(), req).toJson();
        for (const QString& part : {QStringLiteral("current"), QStringLiteral("previous")}) {
            EXPECT_EQ(QJsonDocument(a[part].toObject()).toJson(), QJsonDocument(b[part].toObject()).toJson())
                << period.toStdString() << " " << part.toStdString();
        }
        for (const QString& part :
             {QStringLiteral("byCategory"), QStringLiteral("byMonth"), QStringLiteral("byCadre")}) {
            EXPECT_EQ(QJsonDocument(a[part].toArray()).toJson(), QJsonDocument(b[part].toArray()).toJson())
                << period.toStdString() << " " << part.toStdString();
        }
    }
    const HeadlineFigures a = HeadlineFigures::compute(t.db());
    const HeadlineFigures b = HeadlineFigures::compute(hand.db());
    EXPECT_EQ(a.counts.issuesCollected, 6);
    EXPECT_EQ(a.counts.issuesCollected, b.counts.issuesCollected);
    EXPECT_EQ(a.counts.issuesResolved, b.counts.issuesResolved);
    EXPECT_EQ(a.resolution.percentText(), b.resolution.percentText());
    // Every issue is at the same stage with the same due date either way.
    QSqlQuery qa(t.db().connection()), qb(hand.db().connection());
    const QString sql = QStringLiteral("SELECT stage, outcome, received_on, due_date, closed_on, department_id IS NULL "
                                       "FROM issues ORDER BY received_on");
    ASSERT_TRUE(qa.exec(sql));
    ASSERT_TRUE(qb.exec(sql));
    while (qa.next()) {
        ASSERT_TRUE(qb.next());
        for (int c = 0; c < 6; ++c)
            EXPECT_EQ(qa.value(c), qb.value(c)) << c;
    }
}

TEST_F(ImportTest, TemplatesHaveChineseHeadersThatMapToEveryColumn)
{
    const QStringList paths = CsvImport::writeTemplates(QDir(t.dir()).filePath(QStringLiteral("templates")));
    ASSERT_EQ(paths.size(), 4);
    for (ImportKind k : kAllImportKinds) {
        const QString path = paths[static_cast<int>(k)];
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_TRUE(file.readAll().startsWith("\xEF\xBB\xBF"));
        const ImportPreview p = CsvImport::preview(k, path, CsvEncoding::Auto);
        EXPECT_EQ(p.encodingName, QStringLiteral("UTF-8 (BOM)"));
        EXPECT_TRUE(p.missingColumns.isEmpty());
        QStringList keys;
        for (const ImportColumn& c : importColumns(k))
            keys << c.key;
        EXPECT_EQ(p.mappedKeys, keys);
        EXPECT_TRUE(p.header.first().contains(QRegularExpression(QStringLiteral("\\p{Han}"))));
    }
}

TEST_F(ImportTest, HundredThousandVisitRows)
{
    QString text = QStringLiteral("visit_ref,date,cadre,companions,enterprise,kind,summary\n");
    text.reserve(100000 * 60);
    for (int i = 0; i < 100000; ++i) {
        text += QStringLiteral("R%1,2024-%2-%3,王建国,沈国平,%4,on_site,第%1次\n")
                    .arg(i)
                    .arg(1 + i % 12)
                    .arg(1 + i % 28)
                    .arg(f.enterprise.creditCode);
    }
    ImportFiles files;
    files[ImportKind::Visits] = writeText(t.dir(), QStringLiteral("visits.csv"), text);
    const ImportResult r = import(files);
    ASSERT_TRUE(r.ok()) << allProblems(r).toStdString();
    EXPECT_EQ(r.counts[2].added, 100000);
    EXPECT_TRUE(r.bulk[2]); // many new visits into an empty table: the bulk path (TestImportBulk.cpp)
    EXPECT_EQ(VisitRepository(t.db()).count(), 100000);
    QSqlQuery q(t.db().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM visit_cadres")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 200000);
}

TEST_F(ImportTest, KilledInTheMiddleOfALargeImportLeavesTheDatabaseAsItWas)
{
    // An account to import with, and a large file.
    {
        QProcess admin;
        t.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("YUEGONG_NEW_PASSWORD"), QStringLiteral("import-pass-1"));
        admin.setProcessEnvironment(env);
        admin.start(QStringLiteral(YG_CLI_PATH),
                    {QStringLiteral("account"), QStringLiteral("create-admin"), QStringLiteral("--db"), t.path(),
                     QStringLiteral("--name"), QStringLiteral("管理员"), QStringLiteral("--new-username"),
                     QStringLiteral("admin")});
        ASSERT_TRUE(admin.waitForFinished(60000));
        ASSERT_EQ(admin.exitCode(), 0) << admin.readAllStandardError().toStdString();
        t.open();
    }
    QString text = QStringLiteral("visit_ref,date,cadre,enterprise\n");
    for (int i = 0; i < 300000; ++i)
        text += QStringLiteral("K%1,2024-05-%2,王建国,%3\n").arg(i).arg(1 + i % 28).arg(f.enterprise.creditCode);
    const QString visits = writeText(t.dir(), QStringLiteral("big-visits.csv"), text);
    // The CLI's sign-in is recorded (and committed) before the import starts; everything else must stay.
    const QStringList signIns{QStringLiteral("sign_in_attempts")};
    const QByteArray before = contentHash(t.db().connection(), signIns);
    t.close();

    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("YUEGONG_PASSWORD"), QStringLiteral("import-pass-1"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(YG_CLI_PATH),
              {QStringLiteral("import"), QStringLiteral("--db"), t.path(), QStringLiteral("--user"),
               QStringLiteral("admin"), QStringLiteral("--visits"), visits});
    ASSERT_TRUE(cli.waitForStarted());
    // "writing: N%" appears once the write transaction is open and rows are going in.
    QByteArray seen;
    while (!seen.contains("writing: 6") && cli.state() == QProcess::Running) {
        cli.waitForReadyRead(200);
        seen += cli.readAllStandardError();
    }
    ASSERT_TRUE(seen.contains("writing:")) << seen.toStdString();
    ASSERT_EQ(cli.state(), QProcess::Running) << "the import finished before it could be killed";
    cli.kill(); // SIGKILL
    cli.waitForFinished();

    t.open();
    EXPECT_TRUE(SqliteDialect::integrityProblems(t.db().connection()).isEmpty());
    EXPECT_TRUE(IssueService(t.db()).checkConsistency().isEmpty());
    EXPECT_EQ(AuditLog(t.db()).firstBrokenEntry(), 0);
    EXPECT_EQ(contentHash(t.db().connection(), signIns), before);
    EXPECT_EQ(VisitRepository(t.db()).count(), 0);
}

TEST_F(ImportTest, RolesArePrivilegesThatAnImportCannotHandOut)
{
    ImportFiles files;
    files[ImportKind::Cadres] = writeText(t.dir(), QStringLiteral("cadres.csv"),
                                          QStringLiteral("name,role,active_from\n"
                                                         "王建国,admin,2023-04-01\n"
                                                         "新管理员,管理员,2023-04-01\n"
                                                         "周文,admin,2023-01-01\n"
                                                         "沈国平,cadre,2023-04-01\n"));
    const QByteArray before = contentHash(t.db().connection());
    const ImportResult r = import(files);
    EXPECT_TRUE(
        reasonAt(r, QStringLiteral("cadres.csv"), 2, QStringLiteral("role")).contains(QStringLiteral("administrator")));
    EXPECT_TRUE(
        reasonAt(r, QStringLiteral("cadres.csv"), 3, QStringLiteral("role")).contains(QStringLiteral("administrator")));
    EXPECT_FALSE(reasonAt(r, QStringLiteral("cadres.csv"), 4, QStringLiteral("role")).isEmpty()) << "not even oneself";
    EXPECT_EQ(r.problems.size(), 3) << allProblems(r).toStdString(); // staff may demote a supervisor
    EXPECT_EQ(contentHash(t.db().connection()), before);

    // An administrator may; administrators then cannot be named as visiting cadres.
    Cadre admin = staff;
    admin.role = Role::Admin;
    admin.meta.id = 0;
    admin.meta.uuid.clear();
    admin.name = QStringLiteral("管理员甲");
    {
        WriteTransaction tx(t.db().connection());
        CadreRepository(t.db()).insert(admin);
        tx.commit();
    }
    files[ImportKind::Cadres] = writeText(t.dir(), QStringLiteral("cadres.csv"),
                                          QStringLiteral("name,role,active_from\n新管理员,管理员,2023-04-01\n"));
    files[ImportKind::Visits] = writeText(
        t.dir(), QStringLiteral("visits.csv"),
        QStringLiteral("visit_ref,date,cadre,enterprise\nA1,2024-03-05,新管理员,%1\n").arg(f.enterprise.creditCode));
    const ImportResult byAdmin = CsvImport::run(t.db(), admin, files, false);
    EXPECT_EQ(byAdmin.problems.size(), 1) << allProblems(byAdmin).toStdString();
    EXPECT_TRUE(reasonAt(byAdmin, QStringLiteral("visits.csv"), 2, QStringLiteral("cadre"))
                    .contains(QStringLiteral("administrators do not record visits")));
}
