#include "DemoGenerator.h"

#include "district/DistrictProfile.h"
#include "domain/CreditCode.h"
#include "security/PasswordHasher.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLog.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Uuid.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <spdlog/spdlog.h>

#include <array>

namespace yg {

namespace {

/** xoshiro256** seeded by splitmix64: the same sequence on every platform and compiler. */
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& s : m_s) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /** Uniform in [0, n). */
    int below(int n) { return static_cast<int>((static_cast<unsigned __int128>(next()) * unsigned(n)) >> 64); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    /** True with probability perMille / 1000. */
    bool chance(int perMille) { return below(1000) < perMille; }
    template<typename C> const auto& pick(const C& c) { return c[below(static_cast<int>(std::size(c)))]; }
    QString uuid() { return uuidFromBits(next(), next()); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
                                 "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许",
                                 "韩", "冯", "邓", "曹", "沈", "金", "钱", "陆", "俞", "傅", "章", "屠", "寿"};
const char* const kGivenNames[] = {
    "建国", "伟", "芳",   "敏", "静", "丽华", "强",   "磊",   "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",
    "明",   "超", "秀英", "霞", "平", "刚",   "桂英", "华",   "红",   "晓东", "海燕", "丹",   "玲",   "斌",   "浩然",
    "宇航", "婷", "雪梅", "琳", "凯", "志强", "国平", "卫东", "晓燕", "立新", "美娟", "建华", "佳怡", "子涵", "一鸣"};
const char* const kNamePrefixes[] = {"越州", "鉴湖", "兰亭", "古越", "稽山", "会稽", "若耶", "镜湖", "迪荡", "东湖",
                                     "府山", "塔山", "北海", "城南", "龙山", "蕺山", "大禹", "舜江", "曹娥", "阳明",
                                     "卧龙", "越秀", "秋瑾", "蓬莱", "水乡", "乌篷", "黄酒", "青藤", "沈园", "柯岩"};
struct Trade
{
    const char* word;
    const char* industry;
};
const Trade kTrades[] = {
    {"纺织", "纺织业"},       {"印染", "纺织业"},       {"针织", "纺织服装"},     {"家纺", "纺织服装"},
    {"机械", "通用设备制造"}, {"电子", "电子信息"},     {"食品", "食品制造"},     {"黄酒", "酒饮料制造"},
    {"建材", "建筑材料"},     {"化工", "化学原料制造"}, {"医药", "医药制造"},     {"服饰", "纺织服装"},
    {"包装", "印刷包装"},     {"汽配", "汽车零部件"},   {"新材料", "新材料"},     {"智能科技", "软件和信息技术"},
    {"五金", "金属制品"},     {"电器", "电气机械"},     {"模具", "专用设备制造"}, {"物流", "交通运输"}};
const Trade kNewFormTrades[] = {
    {"快递服务", "快递业"}, {"同城配送", "即时配送"}, {"网约车服务", "网约车"}, {"外卖配送", "即时配送"}};
const char* const kSuffixes[] = {"有限公司", "股份有限公司", "实业有限公司", "制造有限公司"};

struct IssueTemplate
{
    const char* category;
    int weight;
    const char* title;
    const char* description; ///< %1: a number
};
const IssueTemplate kIssueTemplates[] = {
    {"fund_refund", 14, "小微企业工会经费返还",
     "企业不了解小微企业工会经费返还政策，经核查约有%1万元经费可申请返还，请协助办理。"},
    {"union_building", 10, "新业态企业建会入会", "企业有%1名快递员（骑手）尚未加入工会，希望指导成立工会并组织入会。"},
    {"wage_dispute", 12, "职工反映工资拖欠", "%1名职工反映近两个月工资未按时足额发放，请求工会协调。"},
    {"fire_safety", 12, "消防安全隐患与培训", "车间消防通道有堆物，%1名新进职工未参加消防培训，企业希望开展培训。"},
    {"recruitment", 12, "季节性招工难", "旺季订单增加，企业缺少熟练工约%1人，希望对接招聘渠道。"},
    {"youth_dating", 6, "青年职工交友需求", "企业有单身青年职工%1名，希望工会组织联谊交友活动。"},
    {"hardship_aid", 10, "患病职工困难帮扶", "一名职工身患重病，家庭月收入约%1百元，申请困难职工帮扶。"},
    {"skills_training", 10, "一线职工技能培训", "企业希望为%1名一线职工开展技能提升培训和技能等级认定。"},
    {"rest_station", 6, "户外劳动者驿站", "周边有户外劳动者约%1人，建议增设爱心驿站，解决饮水休息难题。"},
    {"other", 8, "职工生活服务诉求", "%1名职工反映食堂就餐和通勤班车安排需要改善。"},
};

const char* const kVisitSummaries[] = {
    "与企业负责人和工会主席座谈，了解生产经营和职工队伍情况，宣传工会惠企政策。",
    "深入车间与一线职工交流，了解职工思想动态和实际困难，职工状态总体良好。",
    "电话回访企业负责人，了解前期问题办理进展和职工满意情况。",
    "召开政策解读会，讲解小微企业工会经费返还和职工服务政策。",
    "参与劳动争议调解，向双方解释相关法律政策，促成和解。",
};

const QDate kFirstDay(2023, 4, 1);
const QDate kLastDay(2024, 12, 31);

/** GB 11714 organisation code check character for 8 body digits. */
QChar orgCodeCheck(const QString& body)
{
    static const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += body.at(i).digitValue() * weights[i];
    const int c = 11 - sum % 11;
    if (c == 10)
        return QLatin1Char('X');
    if (c == 11)
        return QLatin1Char('0');
    return QLatin1Char(char('0' + c));
}

class Generator
{
public:
    Generator(Database& db, const DemoGenerator::Options& o)
        : m_db(db), m_rng(o.seed), m_refs(db), m_cadres(db), m_enterprises(db), m_visits(db), m_issues(db)
    {}

    DemoGenerator::Summary run(int scale, const DemoGenerator::Progress& progress)
    {
        // Every timestamp the storage takes from the clock (updates) is pinned too, so
        // the same seed gives the same bytes.
        struct PinnedClock
        {
            explicit PinnedClock(const QDateTime& t) { Clock::setFixedNow(t); }
            ~PinnedClock() { Clock::setFixedNow({}); }
        } pinned(stamp(kLastDay, 540));
        // Generated data is audited as one bulk entry, not row by row, and indexed for
        // search in one pass at the end (row by row costs three times the time).
        m_db.setAuditing(false);
        {
            WriteTransaction tx(m_db.connection());
            SqliteSearch(m_db).setIndexingDeferred(true);
            QSqlDatabase connection = m_db.connection();
            ReportAggregates::pause(connection); // counted once at the end
            tx.commit();
        }
        const DistrictProfile profile = DistrictProfile::yuecheng();
        profile.applyTo(m_db, stamp(kFirstDay.addDays(-30), 0));
        m_calendar = CalendarRepository(m_db).load();
        // One deterministic hash for every demo account (same password, salt from the seed).
        QByteArray salt(16, Qt::Uninitialized);
        for (char& c : salt)
            c = static_cast<char>(m_rng.next() & 0xFF);
        m_passwordHash = PasswordHasher::hashWithSalt(QLatin1String(DemoGenerator::kDemoPassword), salt);
        m_towns = m_refs.towns();
        m_categories = m_refs.categories();
        m_departments = m_refs.departments();
        m_division = profile.adminDivision;
        for (int k = 0; k < scale; ++k) {
            WriteTransaction tx(m_db.connection());
            generateCopy(k);
            tx.commit();
            if (progress)
                progress(k + 1, scale);
        }
        m_db.setAuditing(true);
        WriteTransaction tx(m_db.connection());
        SqliteSearch search(m_db);
        search.rebuildIndexes();
        search.setIndexingDeferred(false);
        QSqlDatabase connection = m_db.connection();
        ReportAggregates::rebuild(connection); // paused with the search indexes

        AuditLog(m_db).append(std::nullopt, QStringLiteral("*"), std::nullopt, QString(), QStringLiteral("bulk"),
                              QJsonObject{{QStringLiteral("demo"), QStringLiteral("demo district generated")},
                                          {QStringLiteral("scale"), scale},
                                          {QStringLiteral("cadres"), m_summary.cadres},
                                          {QStringLiteral("enterprises"), m_summary.enterprises},
                                          {QStringLiteral("visits"), m_summary.visits},
                                          {QStringLiteral("issues"), m_summary.issues}});
        // The generated steps have no audit entries of their own: sealed, so check finds an edit.
        AuditedSteps(connection).sealUnaudited(std::nullopt, QStringLiteral("demo district generated"));
        tx.commit();
        return m_summary;
    }

private:
    struct CadreInfo
    {
        RowId id;
        QList<int> towns; ///< indexes into m_towns
        int quota;
        QList<RowId> keyEnterprises;
    };

    QDateTime stamp(QDate date, int minutes)
    {
        return QDateTime(date, QTime(9, 0).addSecs(60 * minutes), Clock::districtZone()).toUTC();
    }

    RecordMeta meta(QDate date)
    {
        RecordMeta m;
        m.uuid = m_rng.uuid();
        m.createdAt = stamp(date, m_rng.below(480));
        return m;
    }

    QString personName() { return s(m_rng.pick(kSurnames)) + s(m_rng.pick(kGivenNames)); }

    QString copySuffix(int k) const { return k == 0 ? QString() : QStringLiteral("（%1）").arg(k + 1); }

    void giveAccount(const Cadre& c, const QString& username, int k)
    {
        const QString name = k == 0 ? username : username + QStringLiteral("-%1").arg(k + 1);
        AccountRepository(m_db).setCredentials(c.meta.id, name, m_passwordHash);
    }

    void generateCopy(int k)
    {
        const QDate start = kFirstDay.addDays(-10);
        // Groups and their supervisors.
        static const char* const groupNames[] = {"第一联络组", "第二联络组", "第三联络组", "第四联络组"};
        QList<RowId> groups;
        for (int g = 0; g < 4; ++g) {
            Cadre sup;
            sup.meta = meta(start);
            sup.name = personName();
            sup.role = Role::Supervisor;
            sup.activeFrom = kFirstDay;
            sup.weeklyQuota = 0;
            m_cadres.insert(sup);
            CadreGroup group;
            group.meta = meta(start);
            group.name = s(groupNames[g]) + copySuffix(k);
            group.supervisorId = sup.meta.id;
            m_cadres.insert(group);
            sup.groupId = group.meta.id;
            m_cadres.update(sup);
            giveAccount(sup, QStringLiteral("supervisor%1").arg(g + 1), k);
            groups.append(group.meta.id);
            ++m_summary.cadres;
        }
        if (k == 0) {
            int staff = 0;
            for (Role role : {Role::Staff, Role::Staff, Role::Admin}) {
                Cadre c;
                c.meta = meta(start);
                c.name = personName();
                c.role = role;
                c.activeFrom = kFirstDay;
                c.weeklyQuota = 0;
                m_cadres.insert(c);
                giveAccount(c, role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("staff%1").arg(++staff),
                            k);
                ++m_summary.cadres;
            }
        }
        // 23 cadres; the first two are resident cadres (驻联干部) with a quota of 4.
        const int townCount = static_cast<int>(m_towns.size());
        QList<CadreInfo> cadres;
        for (int i = 0; i < 23; ++i) {
            Cadre c;
            c.meta = meta(start);
            c.name = personName();
            c.role = Role::Cadre;
            c.groupId = groups[i % 4];
            c.activeFrom = kFirstDay;
            c.resident = i < 2;
            c.weeklyQuota = c.resident ? 4 : 1;
            CadreInfo info{0, {i % townCount}, c.weeklyQuota, {}};
            if (m_rng.chance(400))
                info.towns.append((i + 7) % townCount);
            for (int t : info.towns)
                c.townIds.append(m_towns[t].meta.id);
            m_cadres.insert(c);
            giveAccount(c, QStringLiteral("cadre%1").arg(i + 1, 2, 10, QLatin1Char('0')), k);
            info.id = c.meta.id;
            cadres.append(info);
            ++m_summary.cadres;
        }
        // Enterprises: 87 key ones spread over every town, and about 300 others.
        QList<QList<RowId>> byTown(townCount);
        QList<QList<RowId>> smallByTown(townCount);
        QSet<QString> names;
        const int total = 87 + 290 + m_rng.below(20);
        for (int i = 0; i < total; ++i) {
            const bool key = i < 87;
            const int town = key ? i % townCount : m_rng.below(townCount);
            const bool newForm = !key && m_rng.chance(60);
            const Trade& trade = newForm ? m_rng.pick(kNewFormTrades) : m_rng.pick(kTrades);
            Enterprise e;
            e.meta = meta(start);
            // Names are unique within a copy of the district, as they are in a real registry.
            do {
                e.name =
                    QStringLiteral("绍兴") + s(m_rng.pick(kNamePrefixes)) + s(trade.word) + s(m_rng.pick(kSuffixes));
            } while (names.contains(e.name) && names.size() < 4000);
            names.insert(e.name);
            e.creditCode = creditCode(k * 1000 + i);
            e.townId = m_towns[town].meta.id;
            e.address = m_towns[town].name + QStringLiteral("%1号").arg(m_rng.between(1, 399));
            e.industry = s(trade.industry);
            e.employees = key ? m_rng.between(150, 3200) : m_rng.between(6, 280);
            e.isKey = key;
            e.isSmallMicro = !key && e.employees < 100;
            e.isNewForm = newForm;
            const int u = m_rng.below(100);
            e.unionStatus =
                key || u < 70 ? UnionStatus::Established : (u < 82 ? UnionStatus::Building : UnionStatus::None);
            e.unionMembers = e.unionStatus == UnionStatus::Established ? e.employees * m_rng.between(70, 100) / 100 : 0;
            e.contactPerson = personName();
            e.contactPhone = QStringLiteral("1%1%2")
                                 .arg(m_rng.pick(std::array{3, 5, 7, 8, 9}))
                                 .arg(m_rng.between(100000000, 999999999));
            QList<int> owners;
            for (int c = 0; c < cadres.size(); ++c) {
                if (cadres[c].towns.contains(town))
                    owners.append(c);
            }
            const int owner = owners.isEmpty() ? m_rng.below(static_cast<int>(cadres.size())) : m_rng.pick(owners);
            if (key || m_rng.chance(300))
                e.assignedCadreId = cadres[owner].id;
            m_enterprises.insert(e);
            byTown[town].append(e.meta.id);
            if (e.isSmallMicro)
                smallByTown[town].append(e.meta.id);
            if (key)
                cadres[owner].keyEnterprises.append(e.meta.id);
            ++m_summary.enterprises;
        }
        // Weekly visits, and the issues raised in them: week by week across all cadres, so
        // issue numbers follow the calendar as they do in a real register.
        QList<int> rotation(cadres.size(), 0);
        for (QDate monday = IsoWeekMonday(kFirstDay); monday <= kLastDay; monday = monday.addDays(7)) {
            for (qsizetype ci = 0; ci < cadres.size(); ++ci) {
                const CadreInfo& c = cadres[ci];
                int n = c.quota;
                const int r = m_rng.below(100);
                if (c.quota == 1)
                    n = r < 14 ? 0 : (r < 88 ? 1 : 2);
                else
                    n = r < 10 ? c.quota - 1 : (r < 85 ? c.quota : c.quota + 1);
                for (int v = 0; v < n; ++v) {
                    const QDate date = monday.addDays(m_rng.below(5));
                    if (date < kFirstDay || date > kLastDay)
                        continue;
                    RowId enterprise = 0;
                    if (!c.keyEnterprises.isEmpty() && m_rng.chance(450)) {
                        enterprise = c.keyEnterprises[rotation[ci]++ % c.keyEnterprises.size()];
                    } else {
                        const auto& pool = byTown[m_rng.pick(c.towns)];
                        enterprise = pool.isEmpty() ? c.keyEnterprises.value(0) : m_rng.pick(pool);
                    }
                    if (enterprise == 0)
                        continue;
                    addVisit(c.id, cadres[m_rng.below(static_cast<int>(cadres.size()))].id, enterprise, date);
                }
            }
        }
        addSharedNeed(cadres, smallByTown);
    }

    static QDate IsoWeekMonday(QDate d) { return d.addDays(1 - d.dayOfWeek()); }

    QString creditCode(int n)
    {
        // A bijection of n onto 8 digits, so codes are unique and look unordered.
        const qint64 body = (static_cast<qint64>(n) * 7919 + 12345678) % 100000000;
        const QString org = QStringLiteral("%1").arg(body, 8, 10, QLatin1Char('0'));
        const QString first17 = QStringLiteral("91") + m_division + org + orgCodeCheck(org);
        return first17 + CreditCode::checkCharacter(first17);
    }

    void addVisit(RowId author, RowId companion, RowId enterprise, QDate date)
    {
        Visit v;
        v.meta = meta(date);
        v.date = date;
        v.cadreIds = {author};
        if (companion != author && m_rng.chance(150))
            v.cadreIds.append(companion);
        v.enterpriseId = enterprise;
        const int r = m_rng.below(100);
        v.kind = r < 70 ? VisitKind::OnSite
                        : (r < 82 ? VisitKind::WorkshopTalk
                                  : (r < 92 ? VisitKind::PhoneFollowUp
                                            : (r < 97 ? VisitKind::PolicyBriefing : VisitKind::Mediation)));
        for (auto& check : v.checklist) {
            const int c = m_rng.below(100);
            check.state = c < 78 ? CheckState::Fine : (c < 88 ? CheckState::Concern : CheckState::NotChecked);
            if (check.state == CheckState::Concern)
                check.note = QStringLiteral("需持续关注");
        }
        v.summary = s(kVisitSummaries[static_cast<int>(v.kind)]);
        if (m_rng.chance(600))
            v.nextVisitDate = date.addDays(m_rng.between(14, 45));
        m_visits.insert(v);
        ++m_summary.visits;
        int issues = m_rng.chance(420) ? 1 : 0;
        if (issues && m_rng.chance(80))
            issues = 2;
        for (int i = 0; i < issues; ++i)
            addIssue(v, author);
    }

    /**
     * One real shared need (共性需求) for the alerts: in December 2024 six small enterprises
     * of one town (the one with most of them) tell their cadre they do not know the union fund refund policy, and the
     * issues wait at intake. Made after the copy's weekly visits, which therefore stay as they were.
     */
    void addSharedNeed(const QList<CadreInfo>& cadres, const QList<QList<RowId>>& smallByTown)
    {
        // The town with the most small enterprises (the first of equals).
        int town = 0;
        for (int t = 1; t < smallByTown.size(); ++t) {
            if (smallByTown[t].size() > smallByTown[town].size())
                town = t;
        }
        RowId cadre = cadres.value(0).id;
        for (const CadreInfo& c : cadres) {
            if (c.towns.contains(town)) {
                cadre = c.id;
                break;
            }
        }
        const QList<RowId> firms = smallByTown[town].mid(0, 6);
        QDate date(2024, 12, 2);
        for (RowId enterprise : firms) {
            while (!m_calendar.isWorkingDay(date))
                date = date.addDays(1);
            Visit v;
            v.meta = meta(date);
            v.meta.createdAt = stamp(date, 480);
            v.date = date;
            v.cadreIds = {cadre};
            v.enterpriseId = enterprise;
            v.kind = VisitKind::OnSite;
            v.summary = QStringLiteral("走访小微企业，企业负责人表示不了解工会经费返还政策。");
            m_visits.insert(v);
            ++m_summary.visits;
            Issue issue;
            issue.meta = meta(date);
            issue.meta.createdAt = stamp(date, 490);
            issue.visitId = v.meta.id;
            issue.enterpriseId = enterprise;
            for (const Category& c : m_categories) {
                if (c.code == QLatin1String("fund_refund"))
                    issue.categoryId = c.meta.id;
            }
            issue.title = QStringLiteral("不了解工会经费返还政策");
            issue.description = QStringLiteral("企业不知道小微企业工会经费可以申请返还，也不清楚申请材料和流程。");
            issue.ownerId = cadre;
            issue.receivedOn = date;
            m_issues.insert(issue);
            IssueEvent e;
            e.uuid = m_rng.uuid();
            e.issueId = issue.meta.id;
            e.action = QStringLiteral("record");
            e.toStage = Stage::Intake;
            e.actorId = cadre;
            e.eventDate = date;
            e.occurredAt = stamp(date, 500);
            m_issues.appendEvent(e);
            ++m_summary.issues;
            ++m_summary.events;
            date = date.addDays(3);
        }
    }

    const IssueTemplate& pickTemplate()
    {
        static const int totalWeight = [] {
            int t = 0;
            for (const auto& tpl : kIssueTemplates)
                t += tpl.weight;
            return t;
        }();
        int r = m_rng.below(totalWeight);
        for (const auto& tpl : kIssueTemplates) {
            if (r < tpl.weight)
                return tpl;
            r -= tpl.weight;
        }
        return kIssueTemplates[0];
    }

    void addIssue(const Visit& visit, RowId owner)
    {
        const IssueTemplate& tpl = pickTemplate();
        const Category* category = &m_categories.first();
        for (const Category& c : m_categories) {
            if (c.code == QLatin1String(tpl.category))
                category = &c;
        }
        Issue issue;
        issue.meta = meta(visit.date);
        issue.visitId = visit.meta.id;
        issue.enterpriseId = visit.enterpriseId;
        issue.categoryId = category->meta.id;
        issue.title = s(tpl.title);
        issue.description = s(tpl.description).arg(m_rng.between(2, 60));
        if (m_rng.chance(400))
            issue.raisedBy = personName();
        issue.ownerId = owner;
        issue.receivedOn = visit.date;

        // Plan the whole history, then keep what happened by the demo's last day.
        QList<IssueEvent> events;
        Stage stage = Stage::Intake;
        auto add = [&](const char* action, QDate date, Stage to, Outcome outcome) -> IssueEvent* {
            if (date > kLastDay)
                return nullptr;
            IssueEvent e;
            e.uuid = m_rng.uuid();
            e.action = QLatin1String(action);
            if (!events.isEmpty())
                e.fromStage = stage;
            e.toStage = to;
            e.outcome = outcome;
            e.actorId = owner;
            e.eventDate = date;
            e.occurredAt = stamp(date, 30 + 20 * static_cast<int>(events.size()));
            events.append(e);
            stage = to;
            issue.stage = to;
            issue.outcome = outcome;
            if (to == Stage::Closed)
                issue.closedOn = date;
            return &events.last();
        };
        QDate d = visit.date;
        add("record", d, Stage::Intake, Outcome::None);
        if (d > kLastDay.addDays(-10) && m_rng.chance(500)) {
            // Raised in the last days of the history and not submitted yet: still at intake.
        } else if (m_rng.chance(350)) {
            if (auto* e = add("explain", d, Stage::Closed, Outcome::Resolved))
                e->note = QStringLiteral("现场解释相关政策，企业表示理解。");
        } else {
            // Some are submitted a day or two later: the newest of those are still at intake.
            if (m_rng.chance(300))
                d = m_calendar.addWorkingDays(d, m_rng.between(1, 2));
            const QDate due = m_calendar.addWorkingDays(d, category->defaultDueDays);
            if (auto* e = add("submit", d, Stage::Consultation, Outcome::None)) {
                e->dueDate = due;
                issue.dueDate = due;
            }
            d = m_calendar.addWorkingDays(d, m_rng.between(1, 3));
            RowId department = m_departments[m_rng.below(static_cast<int>(m_departments.size()))].meta.id;
            if (auto* e = add("transfer", d, Stage::Consultation, Outcome::None)) {
                e->departmentId = department;
                issue.departmentId = department;
            }
            if (m_rng.chance(50)) {
                d = m_calendar.addWorkingDays(d, m_rng.between(2, 5));
                if (auto* e = add("return", d, Stage::Consultation, Outcome::None)) {
                    e->departmentId = department;
                    e->note = QStringLiteral("不属于本部门职责范围。");
                }
                department = m_departments[m_rng.below(static_cast<int>(m_departments.size()))].meta.id;
                d = m_calendar.addWorkingDays(d, 1);
                if (auto* e = add("transfer", d, Stage::Consultation, Outcome::None)) {
                    e->departmentId = department;
                    issue.departmentId = department;
                }
            }
            const int fate = m_rng.below(1000);
            if (fate < 25) {
                d = m_calendar.addWorkingDays(d, m_rng.between(3, 10));
                if (auto* e = add("withdraw", d, Stage::Closed, Outcome::Withdrawn))
                    e->note = QStringLiteral("反映人表示问题已自行解决，撤回诉求。");
            } else if (fate < 50) {
                d = m_calendar.addWorkingDays(d, m_rng.between(10, 30));
                if (auto* e = add("close", d, Stage::Closed, Outcome::Unresolved))
                    e->note = QStringLiteral("受政策条件限制，暂无法解决，已向企业说明。");
            } else {
                const bool firstFails = m_rng.chance(70);
                for (int round = 0; round < (firstFails ? 2 : 1); ++round) {
                    // Most departments report back in time; about one in six runs late.
                    const int late = category->defaultDueDays + m_rng.between(1, 8);
                    d = m_calendar.addWorkingDays(
                        d, m_rng.chance(830) ? m_rng.between(1, std::max(1, category->defaultDueDays - 4)) : late);
                    if (auto* e = add("feedback", d, Stage::FollowUp, Outcome::None)) {
                        e->departmentId = department;
                        e->note = QStringLiteral("承办部门已办理并反馈结果。");
                    }
                    d = m_calendar.addWorkingDays(d, m_rng.between(1, 8)); // the follow-up visit
                    if (firstFails && round == 0) {
                        if (auto* e = add("reject", d, Stage::Consultation, Outcome::None)) {
                            e->satisfaction = QStringLiteral("dissatisfied");
                            e->note = QStringLiteral("回访发现问题尚未解决，退回会诊。");
                        }
                    } else if (auto* e = add("confirm", d, Stage::Closed, Outcome::Resolved)) {
                        e->satisfaction =
                            m_rng.chance(800) ? QStringLiteral("satisfied") : QStringLiteral("basically_satisfied");
                        e->note = QStringLiteral("回访确认问题已解决。");
                    }
                }
            }
        }
        m_issues.insert(issue);
        for (IssueEvent& e : events) {
            e.issueId = issue.meta.id;
            m_issues.appendEvent(e);
        }
        ++m_summary.issues;
        m_summary.events += events.size();
    }

    Database& m_db;
    Rng m_rng;
    ReferenceRepository m_refs;
    CadreRepository m_cadres;
    EnterpriseRepository m_enterprises;
    VisitRepository m_visits;
    IssueRepository m_issues;
    QList<Town> m_towns;
    QList<Category> m_categories;
    QList<Department> m_departments;
    QString m_division;
    QString m_passwordHash;
    WorkCalendar m_calendar;
    DemoGenerator::Summary m_summary;
};

} // namespace

DemoGenerator::Summary DemoGenerator::generate(Database& db, const Options& options, const Progress& progress)
{
    if (options.scale < 1 || options.scale > 5000)
        throw Error(QCoreApplication::translate("yg::Demo", "The scale must be 1 to 5000, not %1.").arg(options.scale));
    CadreRepository cadres(db);
    if (cadres.count() > 0)
        throw Error(QCoreApplication::translate("yg::Demo", "The demo district goes into an empty database only."));
    Generator generator(db, options);
    return generator.run(options.scale, progress);
}

DemoGenerator::Summary DemoGenerator::generateFile(const QString& path, const Options& options,
                                                   const Progress& progress)
{
    const QFileInfo target(path);
    if (target.exists())
        throw Error(
            QCoreApplication::translate("yg::Demo", "%1 already exists; the demo is written to a new file only.")
                .arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    const QString temp = target.absoluteFilePath() + QStringLiteral(".part");
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(temp + suffix);
    Summary summary;
    try {
        auto db = Database::open(temp);
        summary = generate(*db, options, progress);
        db->checkpoint();
        // Switch the finished file to a rollback journal so it is one self-contained file;
        // every open switches it back to WAL.
        QSqlDatabase connection = db->connection();
        SqliteDialect::useRollbackJournal(connection);
    } catch (...) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(temp + suffix);
        throw;
    }
    if (!QFile::rename(temp, target.absoluteFilePath())) {
        QFile::remove(temp);
        throw Error(QCoreApplication::translate("yg::Demo", "The demo database could not be moved into place at %1.")
                        .arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    }
    spdlog::info("demo district written: {} cadres, {} enterprises, {} visits, {} issues", summary.cadres,
                 summary.enterprises, summary.visits, summary.issues);
    return summary;
}

} // namespace yg
