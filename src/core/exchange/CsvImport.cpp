#include "CsvImport.h"

#include "domain/CreditCode.h"
#include "domain/Lifecycle.h"
#include "domain/Validation.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/AuditLog.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ImportQueries.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/ReportAggregates.h"
#include "storage/SqliteBulkLoad.h"
#include "storage/SqliteDialect.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QUuid>
#include <spdlog/spdlog.h>

#include <limits>

namespace yg {

namespace {

std::size_t idx(ImportKind k)
{
    return static_cast<std::size_t>(k);
}

/** Stands for the id of a record that this import creates (known only when it is written). */
constexpr RowId kPending = std::numeric_limits<RowId>::max();

struct Cancelled
{};

/** Items of a list cell: "a;b", "a；b", "a、b" or "a,b" (inside a quoted cell). */
QStringList splitList(const QString& cell)
{
    static const QRegularExpression sep(QStringLiteral("[;；、,，]"));
    QStringList out;
    for (const QString& part : cell.split(sep)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

QDate parseDate(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*(\\d{1,2})\\s*日?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

std::optional<bool> parseYesNo(const QString& text)
{
    const QString t = text.trimmed().toLower();
    static const QStringList yes{QStringLiteral("是"), QStringLiteral("y"),    QStringLiteral("yes"),
                                 QStringLiteral("1"),  QStringLiteral("true"), QStringLiteral("√")};
    static const QStringList no{QStringLiteral("否"), QStringLiteral("n"),     QStringLiteral("no"),
                                QStringLiteral("0"),  QStringLiteral("false"), QStringLiteral("×")};
    if (yes.contains(t))
        return true;
    if (no.contains(t) || t.isEmpty())
        return false;
    return std::nullopt;
}

std::optional<Role> parseRole(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (auto r = fromKey<Role>(t))
        return r;
    static const QHash<QString, Role> zh{
        {QStringLiteral("干部"), Role::Cadre},     {QStringLiteral("工会干部"), Role::Cadre},
        {QStringLiteral("驻联干部"), Role::Cadre}, {QStringLiteral("分管领导"), Role::Supervisor},
        {QStringLiteral("工作人员"), Role::Staff}, {QStringLiteral("管理员"), Role::Admin}};
    if (zh.contains(t))
        return zh.value(t);
    return std::nullopt;
}

std::optional<UnionStatus> parseUnionStatus(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return UnionStatus::None;
    if (auto s = fromKey<UnionStatus>(t))
        return s;
    static const QHash<QString, UnionStatus> zh{{QStringLiteral("未建会"), UnionStatus::None},
                                                {QStringLiteral("筹建中"), UnionStatus::Building},
                                                {QStringLiteral("已建会"), UnionStatus::Established}};
    if (zh.contains(t))
        return zh.value(t);
    return std::nullopt;
}

std::optional<VisitKind> parseVisitKind(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return VisitKind::OnSite;
    if (auto k = fromKey<VisitKind>(t))
        return k;
    static const QHash<QString, VisitKind> zh{{QStringLiteral("实地走访"), VisitKind::OnSite},
                                              {QStringLiteral("走访"), VisitKind::OnSite},
                                              {QStringLiteral("车间职工座谈"), VisitKind::WorkshopTalk},
                                              {QStringLiteral("座谈"), VisitKind::WorkshopTalk},
                                              {QStringLiteral("电话回访"), VisitKind::PhoneFollowUp},
                                              {QStringLiteral("政策解读会"), VisitKind::PolicyBriefing},
                                              {QStringLiteral("专场解读会"), VisitKind::PolicyBriefing},
                                              {QStringLiteral("调解"), VisitKind::Mediation}};
    if (zh.contains(t))
        return zh.value(t);
    for (VisitKind k : kAllVisitKinds) {
        if (displayName(k).toLower() == t)
            return k;
    }
    return std::nullopt;
}

std::optional<Outcome> parseOutcome(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return Outcome::None;
    if (t == QLatin1String("resolved") || t == QStringLiteral("已化解") || t == QStringLiteral("化解"))
        return Outcome::Resolved;
    if (t == QLatin1String("unresolved") || t == QStringLiteral("未化解"))
        return Outcome::Unresolved;
    if (t == QLatin1String("withdrawn") || t == QStringLiteral("已撤回") || t == QStringLiteral("撤回"))
        return Outcome::Withdrawn;
    return std::nullopt;
}

std::optional<QString> parseSatisfaction(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return QString();
    if (t == kSatisfied || t == QStringLiteral("满意"))
        return kSatisfied;
    if (t == kBasicallySatisfied || t == QLatin1String("basically satisfied") || t == QStringLiteral("基本满意"))
        return kBasicallySatisfied;
    if (t == kDissatisfied || t == QStringLiteral("不满意"))
        return kDissatisfied;
    return std::nullopt;
}

/** A header cell as a comparable word: lower case, no spaces, no BOM. */
QString normalizedHeader(const QString& h)
{
    QString t = h;
    t.remove(QChar(0xFEFF));
    return t.simplified().remove(QLatin1Char(' ')).toLower();
}

/** A cadre as the import knows it: its id (kPending if this import creates it) and role. */
struct CadreKey
{
    RowId id = 0;
    Role role = Role::Cadre;
    bool ambiguous = false;
};

/** One file being read: its header mapping and the current row. */
struct Sheet
{
    ImportKind kind = ImportKind::Cadres;
    QString path;
    QString name; ///< file name shown in problems
    CsvText csv;
    QHash<QString, int> columns; ///< key → index in the row
    QStringList fields;
    int line = 0;
    qint64 rows = 0;
    bool usable = false; ///< the header has every required column

    bool has(const QString& key) const { return columns.contains(key); }
    QString cell(const QString& key) const
    {
        const int i = columns.value(key, -1);
        return i >= 0 ? fields.value(i) : QString();
    }
};

class Importer
{
public:
    Importer(Database& db, const Cadre& actor, const ImportProgress& progress)
        : m_db(db), m_actor(actor), m_progress(progress), m_today(Clock::today())
    {}

    ImportResult run(const ImportFiles& files, bool dryRun)
    {
        ImportResult result;
        result.dryRun = dryRun;
        for (ImportKind k : kAllImportKinds) {
            if (files[k].isEmpty())
                continue;
            Sheet s;
            s.kind = k;
            s.path = files[k];
            s.name = QFileInfo(files[k]).fileName();
            s.csv = readCsvFile(files[k], files.encoding);
            m_sheets[idx(k)] = std::move(s);
            result.present[idx(k)] = true;
        }
        loadKeys();
        // Pass 1: check everything, write nothing.
        for (ImportKind k : kAllImportKinds) {
            if (result.present[idx(k)])
                readHeader(m_sheets[idx(k)]);
        }
        for (ImportKind k : kAllImportKinds) {
            Sheet& s = m_sheets[idx(k)];
            if (result.present[idx(k)] && s.usable)
                m_totalRows += countRows(s);
        }
        m_total = 2 * m_totalRows;
        const Sheet& visitSheet = m_sheets[idx(ImportKind::Visits)];
        if (files.writePath == ImportWritePath::Automatic && visitSheet.usable &&
            visitSheet.rows >= CsvImport::kBulkMinNewVisits)
            m_visitSampleEvery = std::max<qint64>(1, visitSheet.rows / 1000);
        try {
            for (ImportKind k : kAllImportKinds) {
                Sheet& s = m_sheets[idx(k)];
                if (result.present[idx(k)] && s.usable) {
                    forEachRow(s, [&] { checkRow(s); });
                    finishSheet(s);
                }
            }
            result.problems = m_problems;
            if (!m_problems.isEmpty()) {
                spdlog::info("import refused: {} problems", m_problems.size());
                return result;
            }
            if (result.present[idx(ImportKind::Visits)] && visitSheet.usable)
                result.bulk[idx(ImportKind::Visits)] = m_visitsInBulk = takesBulkPath(files.writePath);
            // Pass 2: everything in one transaction; the repositories validate every record again.
            m_writing = true;
            m_db.setAuditing(false);
            struct AuditingBack
            {
                Database& db;
                ~AuditingBack() { db.setAuditing(true); }
            } auditingBack{m_db};
            // Index pages of a large import stay in memory (256 MiB) instead of spilling to the WAL.
            QSqlDatabase connection = m_db.connection();
            const SqliteDialect::ScopedCacheSize cache(connection, 256 * 1024);
            WriteTransaction tx(m_db.connection());
            spdlog::info("import: writing {} rows", m_totalRows);
            for (ImportKind k : kAllImportKinds) {
                Sheet& s = m_sheets[idx(k)];
                if (!result.present[idx(k)])
                    continue;
                if (k == ImportKind::Visits && m_visitsInBulk) {
                    SqliteBulkLoad load(m_db, SearchKind::Visit,
                                        {QStringLiteral("visits"), QStringLiteral("visit_cadres")});
                    // A file at least as large as what is stored: the report counts are counted
                    // once at the end (ReportAggregates) instead of by the triggers row by row.
                    const bool recount = s.rows >= SqliteBulkLoad::rowCount(m_db, QStringLiteral("visits"));
                    if (recount)
                        ReportAggregates::pause(connection);
                    load.begin();
                    forEachRow(s, [&] { writeRow(s); });
                    // Creating the indexes and feeding the search take a while: keep the progress
                    // (a window's events, a cancel) alive meanwhile.
                    load.finish([&] {
                        if (m_progress && !m_progress(m_done, m_total))
                            throw Cancelled{};
                    });
                    if (recount)
                        ReportAggregates::rebuild(connection);
                } else {
                    forEachRow(s, [&] { writeRow(s); });
                }
                finishSheet(s);
            }
            if (!m_problems.isEmpty()) {
                // A rule only the write could check (should not happen after pass 1): nothing is kept.
                result.problems = m_problems;
                return result;
            }
            result.counts = m_counts;
            m_db.setAuditing(true);
            QJsonObject summary{{QStringLiteral("import"), QStringLiteral("spreadsheet import")}};
            for (ImportKind k : kAllImportKinds) {
                if (!result.present[idx(k)])
                    continue;
                const ImportCounts& c = m_counts[idx(k)];
                summary.insert(importKindKey(k), QJsonObject{{QStringLiteral("added"), c.added},
                                                             {QStringLiteral("updated"), c.updated},
                                                             {QStringLiteral("unchanged"), c.unchanged}});
            }
            bool changed = false;
            for (const ImportCounts& c : m_counts)
                changed = changed || c.added > 0 || c.updated > 0;
            // Importing the same files again changes nothing, not even the audit trail.
            if (changed) {
                AuditLog(m_db).append(m_actor.meta.id, QStringLiteral("*"), std::nullopt, QString(),
                                      QStringLiteral("bulk"), summary);
                // The steps an issue sheet describes were written without entries of their own.
                AuditedSteps(m_db.connection()).sealUnaudited(m_actor.meta.id, QStringLiteral("spreadsheet import"));
            }
            if (dryRun)
                return result; // the transaction rolls back
            tx.commit();
            result.written = true;
        } catch (const Cancelled&) {
            result.cancelled = true;
            result.counts = {};
            spdlog::info("import cancelled; nothing written");
            return result;
        }
        for (ImportKind k : kAllImportKinds) {
            const ImportCounts& c = m_counts[idx(k)];
            if (result.present[idx(k)])
                spdlog::info("import {}: {} added, {} updated, {} unchanged", importKindKey(k).toStdString(), c.added,
                             c.updated, c.unchanged);
        }
        result.notices = m_notices;
        return result;
    }

    QStringList notices() const { return m_notices; }

private:
    /** After the check pass: whether the visits file is written by the bulk path (ImportWritePath). */
    bool takesBulkPath(ImportWritePath path)
    {
        if (path != ImportWritePath::Automatic)
            return path == ImportWritePath::Bulk;
        if (m_visitSamples == 0)
            return false; // a small file: not sampled
        const qint64 rows = m_sheets[idx(ImportKind::Visits)].rows;
        const qint64 newVisits = rows * m_visitSamplesNew / m_visitSamples;
        const qint64 stored = SqliteBulkLoad::rowCount(m_db, QStringLiteral("visits"));
        const bool bulk =
            newVisits >= CsvImport::kBulkMinNewVisits && CsvImport::kBulkStoredPerNew * newVisits >= stored;
        spdlog::info("import visits: about {} new of {} rows, {} stored: {}", newVisits, rows, stored,
                     bulk ? "bulk path" : "row path");
        return bulk;
    }

    // ---- keys ------------------------------------------------------------------------

    void loadKeys()
    {
        ReferenceRepository refs(m_db);
        for (const Town& t : refs.towns()) {
            m_towns.insert(t.name, t.meta.id);
            m_towns.insert(t.code.toLower(), t.meta.id);
        }
        for (const Category& c : refs.categories()) {
            m_categories.insert(c.name, c);
            m_categories.insert(c.code.toLower(), c);
        }
        for (const Department& d : refs.departments())
            m_departments.insert(d.name, d.meta.id);
        CadreRepository cadres(m_db);
        for (const Cadre& c : cadres.cadres()) {
            CadreKey& k = m_cadres[c.name];
            k.ambiguous = k.id != 0;
            k.id = c.meta.id;
            k.role = c.role;
        }
        for (const CadreGroup& g : cadres.groups())
            m_groups.insert(g.name, g.meta.id);
        ImportQueries(m_db).forEachEnterpriseKey([&](RowId id, const QString& code, const QString& name) {
            m_enterpriseIds.insert(code, id);
            addEnterpriseName(name, code);
        });
        m_calendar = CalendarRepository(m_db).load();
    }

    void addEnterpriseName(const QString& name, const QString& code)
    {
        auto it = m_enterpriseNames.find(name);
        if (it == m_enterpriseNames.end())
            m_enterpriseNames.insert(name, code);
        else if (*it != code)
            *it = QString(); // two enterprises of this name: only the credit code identifies one
    }

    // ---- reading -----------------------------------------------------------------------

    void readHeader(Sheet& s)
    {
        CsvReader reader(s.csv.text);
        QStringList header;
        int line = 0;
        m_notices << QCoreApplication::translate("yg::Import", "%1: read as %2.").arg(s.name, s.csv.encodingName);
        if (!reader.next(&header, &line)) {
            problem(s, 0, QString(), QString(),
                    QCoreApplication::translate("yg::Import", "the file is empty; it needs a header row"));
            return;
        }
        for (int i = 0; i < header.size(); ++i) {
            const QString key = CsvImport::columnKeyOf(s.kind, header[i]);
            if (key.isEmpty()) {
                m_notices << QCoreApplication::translate("yg::Import", "%1: the column “%2” is not one of this file's "
                                                                       "columns and was ignored.")
                                 .arg(s.name, header[i]);
                continue;
            }
            if (s.columns.contains(key)) {
                problem(s, line, key, header[i],
                        QCoreApplication::translate("yg::Import", "this column appears twice in the header"));
                continue;
            }
            s.columns.insert(key, i);
        }
        bool usable = true;
        for (const ImportColumn& c : importColumns(s.kind)) {
            if (c.required && !s.columns.contains(c.key)) {
                problem(s, line, c.key, QString(),
                        QCoreApplication::translate("yg::Import", "the required column “%1” (%2) is missing")
                            .arg(c.key, c.chinese));
                usable = false;
            }
        }
        s.usable = usable && !hasProblemsIn(s);
    }

    bool hasProblemsIn(const Sheet& s) const
    {
        for (const ImportProblem& p : m_problems) {
            if (p.file == s.name)
                return true;
        }
        return false;
    }

    qint64 countRows(Sheet& s)
    {
        CsvReader reader(s.csv.text);
        QStringList fields;
        int line = 0;
        qint64 n = -1; // the header
        while (reader.next(&fields, &line))
            ++n;
        s.rows = std::max<qint64>(n, 0);
        return s.rows;
    }

    template<typename Fn> void forEachRow(Sheet& s, Fn fn)
    {
        CsvReader reader(s.csv.text);
        bool header = true;
        while (reader.next(&s.fields, &s.line)) {
            if (header) {
                header = false;
                continue;
            }
            fn();
            if ((++m_done & 1023) == 0 && m_progress && !m_progress(m_done, m_total))
                throw Cancelled{};
        }
        if (m_progress && !m_progress(m_done, m_total))
            throw Cancelled{};
    }

    void problem(const Sheet& s, int row, const QString& column, const QString& value, const QString& reason)
    {
        if (m_writing)
            throw Error(QStringLiteral("%1:%2: %3").arg(s.name).arg(row).arg(reason));
        m_problems.append({s.name, row, column, value, reason});
    }
    void problem(const Sheet& s, const QString& column, const QString& reason)
    {
        problem(s, s.line, column, s.cell(column), reason);
    }

    // ---- cells -------------------------------------------------------------------------

    QDate date(const Sheet& s, const QString& key, bool required)
    {
        const QString text = s.cell(key);
        if (text.isEmpty()) {
            if (required)
                problem(s, key, QCoreApplication::translate("yg::Import", "a date is required"));
            return {};
        }
        const QDate d = parseDate(text);
        if (!d.isValid())
            problem(
                s, key,
                QCoreApplication::translate("yg::Import", "not a date; write 2024-03-05, 2024/3/5 or 2024年3月5日"));
        return d;
    }

    bool yesNo(const Sheet& s, const QString& key, bool current)
    {
        if (!s.has(key))
            return current;
        const auto v = parseYesNo(s.cell(key));
        if (!v) {
            problem(
                s, key,
                QCoreApplication::translate("yg::Import", "not a yes/no value; write 是/否, Y/N, 1/0 or true/false"));
            return current;
        }
        return *v;
    }

    int count(const Sheet& s, const QString& key, int current, int fallback = 0)
    {
        if (!s.has(key))
            return current;
        const QString text = s.cell(key);
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const int v = text.toInt(&ok);
        if (!ok || v < 0) {
            problem(s, key, QCoreApplication::translate("yg::Import", "not a whole number of 0 or more"));
            return current;
        }
        return v;
    }

    QString text(const Sheet& s, const QString& key, const QString& current)
    {
        return s.has(key) ? s.cell(key) : current;
    }

    QString required(const Sheet& s, const QString& key)
    {
        const QString v = s.cell(key);
        if (v.isEmpty())
            problem(s, key, QCoreApplication::translate("yg::Import", "this column must not be empty"));
        return v;
    }

    /** A cadre named in a cell: its id (kPending if this import creates it); 0 after a problem. */
    RowId cadre(const Sheet& s, const QString& key, const QString& name)
    {
        const auto it = m_cadres.constFind(name);
        if (it == m_cadres.constEnd()) {
            problem(s, s.line, key, name,
                    QCoreApplication::translate(
                        "yg::Import", "unknown cadre: no cadre of this name in the database or the cadres file"));
            return 0;
        }
        if (it->ambiguous) {
            problem(
                s, s.line, key, name,
                QCoreApplication::translate("yg::Import", "two cadres have this name; rename one before importing"));
            return 0;
        }
        return it->id;
    }

    /** An enterprise named by credit code or exact name: its credit code; empty after a problem. */
    QString enterpriseCode(const Sheet& s, const QString& key)
    {
        const QString v = s.cell(key);
        if (v.isEmpty()) {
            problem(s, key, QCoreApplication::translate("yg::Import", "this column must not be empty"));
            return {};
        }
        const QString code = CreditCode::normalized(v);
        if (m_enterpriseIds.contains(code))
            return code;
        const auto it = m_enterpriseNames.constFind(v);
        if (it != m_enterpriseNames.constEnd()) {
            if (it->isEmpty()) {
                problem(
                    s, key,
                    QCoreApplication::translate("yg::Import", "two enterprises have this name; use the credit code"));
                return {};
            }
            return *it;
        }
        problem(s, key,
                QCoreApplication::translate("yg::Import",
                                            "unknown enterprise: no enterprise with this credit code or name"));
        return {};
    }

    RowId town(const Sheet& s, const QString& key, const QString& name)
    {
        const RowId id = m_towns.value(name, m_towns.value(name.toLower(), 0));
        if (id == 0)
            problem(s, s.line, key, name,
                    QCoreApplication::translate("yg::Import", "unknown town: not in the district's list of towns"));
        return id;
    }

    // ---- pass 1 and pass 2 per file --------------------------------------------------------

    /**
     * A record rule of domain/Validation: reported unless the row already has a problem
     * (an unknown town or category would otherwise be reported twice, once as "missing").
     */
    void ruleProblem(const Sheet& s, const QString& why)
    {
        if (m_rowProblemsFrom < m_problems.size())
            return;
        problem(s, QString(), why);
    }

    void checkRow(Sheet& s)
    {
        m_rowProblemsFrom = m_problems.size();
        switch (s.kind) {
        case ImportKind::Cadres:
            return cadreRow(s);
        case ImportKind::Enterprises:
            return enterpriseRow(s);
        case ImportKind::Visits:
            return visitRow(s);
        case ImportKind::Issues:
            return issueRow(s);
        }
    }
    void writeRow(Sheet& s) { checkRow(s); }

    void tally(ImportKind kind, bool isNew, bool changed)
    {
        ImportCounts& c = m_counts[idx(kind)];
        ++(isNew ? c.added : changed ? c.updated : c.unchanged);
    }

    void cadreRow(Sheet& s)
    {
        const QString name = required(s, QStringLiteral("name"));
        if (name.isEmpty())
            return;
        if (!m_writing) {
            if (m_seen.contains(QStringLiteral("c:") + name)) {
                problem(s, QStringLiteral("name"),
                        QCoreApplication::translate("yg::Import", "this cadre appears twice in the file"));
                return;
            }
            m_seen.insert(QStringLiteral("c:") + name);
        }
        CadreKey existing = m_cadres.value(name);
        if (existing.ambiguous) {
            problem(s, QStringLiteral("name"),
                    QCoreApplication::translate("yg::Import", "two cadres of this name are already in the database"));
            return;
        }
        CadreRepository repo(m_db);
        Cadre c;
        if (m_writing && existing.id != 0 && existing.id != kPending)
            c = *repo.cadre(existing.id);
        c.name = name;
        const auto role = parseRole(s.cell(QStringLiteral("role")));
        if (!role)
            problem(s, QStringLiteral("role"),
                    QCoreApplication::translate("yg::Import", "unknown role; write cadre/supervisor/staff/admin or "
                                                              "干部/分管领导/工作人员/管理员"));
        else
            c.role = *role;
        // Roles are privileges: only an administrator makes or unmakes an administrator, and
        // nobody changes their own role by importing a file.
        const bool stored = existing.id != 0 && existing.id != kPending;
        const Role before = stored ? existing.role : c.role;
        if (role && (*role == Role::Admin || before == Role::Admin) && (!stored || *role != before) &&
            m_actor.role != Role::Admin)
            problem(
                s, QStringLiteral("role"),
                QCoreApplication::translate("yg::Import", "only an administrator can make or change an administrator"));
        else if (role && stored && existing.id == m_actor.meta.id && *role != m_actor.role)
            problem(s, QStringLiteral("role"),
                    QCoreApplication::translate("yg::Import", "you cannot change your own role"));
        if (s.has(QStringLiteral("towns"))) {
            c.townIds.clear();
            for (const QString& t : splitList(s.cell(QStringLiteral("towns")))) {
                if (const RowId id = town(s, QStringLiteral("towns"), t))
                    c.townIds.append(id);
            }
        }
        c.weeklyQuota = count(s, QStringLiteral("quota"), existing.id ? c.weeklyQuota : 1, 1);
        c.resident = c.weeklyQuota >= 4;
        c.activeFrom = date(s, QStringLiteral("active_from"), true);
        if (s.has(QStringLiteral("active_to")))
            c.activeTo = date(s, QStringLiteral("active_to"), false);
        // The group and its supervisor: groups are created as needed.
        const QString groupName = text(s, QStringLiteral("group"), QString());
        const QString supervisor = s.cell(QStringLiteral("supervisor"));
        if (!supervisor.isEmpty()) {
            if (groupName.isEmpty())
                problem(s, QStringLiteral("supervisor"),
                        QCoreApplication::translate("yg::Import", "a supervisor leads a group: the group is empty"));
            if (!m_writing && !groupName.isEmpty()) {
                const QString before = m_groupSupervisors.value(groupName);
                if (!before.isEmpty() && before != supervisor)
                    problem(s, QStringLiteral("supervisor"),
                            QCoreApplication::translate("yg::Import", "the group “%1” is led by %2 in an earlier row")
                                .arg(groupName, before));
                m_groupSupervisors.insert(groupName, supervisor);
                // Checked when the whole file is read: the supervisor may come in a later row.
                m_supervisorChecks.append({s.line, supervisor});
            }
        }
        if (!m_writing) {
            for (const QString& p : validate(c))
                ruleProblem(s, p);
            if (existing.id == 0) {
                m_cadres.insert(name, {kPending, c.role, false});
            } else {
                m_cadres[name].role = c.role;
            }
            return;
        }
        if (s.has(QStringLiteral("group"))) {
            if (groupName.isEmpty()) {
                c.groupId.reset();
            } else {
                c.groupId = groupId(groupName);
            }
        }
        if (existing.id == 0 || existing.id == kPending) {
            repo.insert(c);
            m_cadres[name].id = c.meta.id;
            tally(ImportKind::Cadres, true, false);
        } else {
            const Cadre before = *repo.cadre(existing.id);
            QList<RowId> a = before.townIds, b = c.townIds;
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            const bool changed = before.role != c.role || before.groupId != c.groupId || a != b ||
                                 before.weeklyQuota != c.weeklyQuota || before.resident != c.resident ||
                                 before.activeFrom != c.activeFrom || before.activeTo != c.activeTo;
            if (changed)
                repo.update(c, m_actor.meta.id);
            tally(ImportKind::Cadres, false, changed);
        }
        if (!supervisor.isEmpty())
            m_pendingSupervisors.insert(groupName, supervisor);
    }

    /** After a whole file: checks that need every row (pass 1) or writes that follow them (pass 2). */
    void finishSheet(Sheet& s)
    {
        if (s.kind != ImportKind::Cadres)
            return;
        if (m_writing) {
            applyGroupSupervisors();
            return;
        }
        for (const auto& [line, name] : std::as_const(m_supervisorChecks)) {
            s.line = line;
            const CadreKey k = m_cadres.value(name);
            if (k.id == 0)
                problem(s, line, QStringLiteral("supervisor"), name,
                        QCoreApplication::translate(
                            "yg::Import", "unknown cadre: no cadre of this name in the database or the cadres file"));
            else if (k.ambiguous)
                problem(s, line, QStringLiteral("supervisor"), name,
                        QCoreApplication::translate("yg::Import",
                                                    "two cadres have this name; rename one before importing"));
            else if (k.role != Role::Supervisor)
                problem(s, line, QStringLiteral("supervisor"), name,
                        QCoreApplication::translate("yg::Import", "this person is not a supervisor (分管领导)"));
        }
    }

    RowId groupId(const QString& name)
    {
        if (const RowId id = m_groups.value(name))
            return id;
        CadreGroup g;
        g.name = name;
        CadreRepository(m_db).insert(g);
        m_groups.insert(name, g.meta.id);
        return g.meta.id;
    }

    /** After the cadres file: every group named with a supervisor gets that supervisor. */
    void applyGroupSupervisors()
    {
        CadreRepository repo(m_db);
        for (auto it = m_pendingSupervisors.constBegin(); it != m_pendingSupervisors.constEnd(); ++it) {
            if (it.key().isEmpty() || it.value().isEmpty())
                continue;
            auto g = repo.group(groupId(it.key()));
            const RowId sup = m_cadres.value(it.value()).id;
            if (g && g->supervisorId != sup) {
                g->supervisorId = sup;
                repo.update(*g, m_actor.meta.id);
            }
        }
        m_pendingSupervisors.clear();
    }

    void enterpriseRow(Sheet& s)
    {
        const QString raw = required(s, QStringLiteral("credit_code"));
        const QString name = required(s, QStringLiteral("name"));
        if (raw.isEmpty())
            return;
        const QString code = CreditCode::normalized(raw);
        const CreditCode::Check check = CreditCode::validate(code);
        if (!check.ok) {
            problem(s, QStringLiteral("credit_code"), check.message);
            return;
        }
        if (!m_writing) {
            if (m_seen.contains(QStringLiteral("e:") + code)) {
                problem(s, QStringLiteral("credit_code"),
                        QCoreApplication::translate("yg::Import", "this credit code appears twice in the file"));
                return;
            }
            m_seen.insert(QStringLiteral("e:") + code);
        }
        const RowId existingId = m_enterpriseIds.value(code, 0);
        EnterpriseRepository repo(m_db);
        Enterprise e;
        const bool stored = existingId != 0 && existingId != kPending;
        if (m_writing && stored)
            e = *repo.enterprise(existingId);
        else if (!m_writing && stored)
            e.townId = kPending; // compared in pass 2; only the cells are checked here
        e.creditCode = code;
        e.name = name;
        const QString townName = required(s, QStringLiteral("town"));
        if (!townName.isEmpty())
            e.townId = town(s, QStringLiteral("town"), townName);
        e.industry = text(s, QStringLiteral("industry"), e.industry);
        e.employees = count(s, QStringLiteral("employees"), e.employees);
        e.isKey = yesNo(s, QStringLiteral("key"), e.isKey);
        e.isSmallMicro = yesNo(s, QStringLiteral("small_micro"), e.isSmallMicro);
        e.isNewForm = yesNo(s, QStringLiteral("new_form"), e.isNewForm);
        if (s.has(QStringLiteral("union_status"))) {
            const auto st = parseUnionStatus(s.cell(QStringLiteral("union_status")));
            if (!st)
                problem(
                    s, QStringLiteral("union_status"),
                    QCoreApplication::translate(
                        "yg::Import", "unknown union status; write none/building/established or 未建会/筹建中/已建会"));
            else
                e.unionStatus = *st;
        }
        e.unionMembers = count(s, QStringLiteral("union_members"), e.unionMembers);
        e.contactPerson = text(s, QStringLiteral("contact"), e.contactPerson);
        e.contactPhone = text(s, QStringLiteral("phone"), e.contactPhone);
        if (s.has(QStringLiteral("cadre"))) {
            const QString c = s.cell(QStringLiteral("cadre"));
            if (c.isEmpty())
                e.assignedCadreId.reset();
            else if (const RowId id = cadre(s, QStringLiteral("cadre"), c))
                e.assignedCadreId = id;
        }
        if (!m_writing) {
            if (e.townId == 0)
                e.townId = kPending; // already reported
            for (const QString& p : validate(e))
                ruleProblem(s, p);
            if (existingId == 0)
                m_enterpriseIds.insert(code, kPending);
            if (!name.isEmpty())
                addEnterpriseName(name, code);
            return;
        }
        if (!stored) {
            repo.insert(e);
            m_enterpriseIds.insert(code, e.meta.id);
            tally(ImportKind::Enterprises, true, false);
        } else {
            const Enterprise b = *repo.enterprise(existingId);
            const bool changed = b.name != e.name || b.townId != e.townId || b.industry != e.industry ||
                                 b.employees != e.employees || b.isKey != e.isKey || b.isSmallMicro != e.isSmallMicro ||
                                 b.isNewForm != e.isNewForm || b.unionStatus != e.unionStatus ||
                                 b.unionMembers != e.unionMembers || b.contactPerson != e.contactPerson ||
                                 b.contactPhone != e.contactPhone || b.assignedCadreId != e.assignedCadreId;
            if (changed)
                repo.update(e, m_actor.meta.id);
            tally(ImportKind::Enterprises, false, changed);
        }
    }

    void visitRow(Sheet& s)
    {
        const QString ref = required(s, QStringLiteral("visit_ref"));
        if (ref.isEmpty())
            return;
        if (!m_writing) {
            if (m_visitRefs.contains(ref)) {
                problem(s, QStringLiteral("visit_ref"),
                        QCoreApplication::translate("yg::Import", "this visit reference appears twice in the file"));
                return;
            }
            m_visitRefs.insert(ref);
            if (m_visitSampleEvery > 0 && m_visitRowNo++ % m_visitSampleEvery == 0) {
                ++m_visitSamples;
                if (!ImportQueries(m_db).visitIdByUuid(CsvImport::uuidOfReference(ImportKind::Visits, ref)))
                    ++m_visitSamplesNew;
            }
        }
        Visit v;
        v.date = date(s, QStringLiteral("date"), true);
        if (v.date.isValid() && v.date > m_today)
            problem(s, QStringLiteral("date"),
                    QCoreApplication::translate("yg::Import", "the visit date is in the future"));
        const QString author = required(s, QStringLiteral("cadre"));
        if (!author.isEmpty()) {
            if (const RowId id = cadre(s, QStringLiteral("cadre"), author)) {
                if (m_cadres.value(author).role == Role::Admin)
                    problem(s, QStringLiteral("cadre"),
                            QCoreApplication::translate(
                                "yg::Import", "administrators do not record visits; name the cadre who visited"));
                v.cadreIds.append(id);
            }
        }
        for (const QString& c : splitList(s.cell(QStringLiteral("companions")))) {
            if (c == author) {
                problem(s, s.line, QStringLiteral("companions"), c,
                        QCoreApplication::translate("yg::Import", "this cadre is already on the visit"));
                continue;
            }
            if (const RowId id = cadre(s, QStringLiteral("companions"), c)) {
                if (v.cadreIds.contains(id) && id != kPending) {
                    problem(s, s.line, QStringLiteral("companions"), c,
                            QCoreApplication::translate("yg::Import", "this cadre is already on the visit"));
                    continue;
                }
                v.cadreIds.append(id);
            }
        }
        const QString code = enterpriseCode(s, QStringLiteral("enterprise"));
        if (!code.isEmpty())
            v.enterpriseId = m_enterpriseIds.value(code);
        const auto kind = parseVisitKind(s.cell(QStringLiteral("kind")));
        if (!kind)
            problem(s, QStringLiteral("kind"),
                    QCoreApplication::translate("yg::Import",
                                                "unknown kind of visit; write on_site, workshop_talk, "
                                                "phone_follow_up, policy_briefing, mediation or 实地走访, "
                                                "车间职工座谈, 电话回访, 政策解读会, 调解"));
        else
            v.kind = *kind;
        v.summary = s.cell(QStringLiteral("summary"));
        if (!m_writing) {
            if (!v.cadreIds.isEmpty() && v.enterpriseId != 0 && v.date.isValid()) {
                // New cadres have no id yet: give each its own stand-in so validate() sees distinct people.
                for (qsizetype i = 0; i < v.cadreIds.size(); ++i) {
                    if (v.cadreIds[i] == kPending)
                        v.cadreIds[i] = kPending - 1 - i;
                }
                for (const QString& p : validate(v))
                    ruleProblem(s, p);
            }
            return;
        }
        VisitRepository repo(m_db);
        const QString uuid = CsvImport::uuidOfReference(ImportKind::Visits, ref);
        const auto existing = ImportQueries(m_db).visitByUuid(uuid);
        if (!existing) {
            v.meta.uuid = uuid;
            repo.insert(v);
            tally(ImportKind::Visits, true, false);
            return;
        }
        QList<RowId> cadreIds = v.cadreIds;
        std::sort(cadreIds.begin(), cadreIds.end());
        const bool changed = existing->date != v.date || existing->authorId != v.cadreIds.value(0) ||
                             existing->cadreIds != cadreIds || existing->enterpriseId != v.enterpriseId ||
                             existing->kind != toKey(v.kind) || existing->summary != v.summary;
        if (changed) {
            Visit stored = *repo.visit(existing->id);
            stored.date = v.date;
            stored.cadreIds = v.cadreIds;
            stored.enterpriseId = v.enterpriseId;
            stored.kind = v.kind;
            stored.summary = v.summary;
            repo.update(stored, m_actor.meta.id);
        }
        tally(ImportKind::Visits, false, changed);
    }

    /** The lifecycle steps a row's dates describe, each with the column it comes from. */
    struct Step
    {
        ActionInput input;
        QString column;
    };

    QList<Step> historyOf(const Sheet& s, QDate received, std::optional<RowId> department)
    {
        const QString note = QCoreApplication::translate("yg::Import", "Imported from the spreadsheet register.");
        QList<Step> steps;
        steps.append({{LifecycleAction::Record, received, {}, {}, {}, {}}, QStringLiteral("received")});
        const QDate submitted = date(s, QStringLiteral("submitted"), false);
        const QDate feedback = date(s, QStringLiteral("feedback"), false);
        const QDate closed = date(s, QStringLiteral("closed"), false);
        const auto outcome = parseOutcome(s.cell(QStringLiteral("outcome")));
        const auto satisfaction = parseSatisfaction(s.cell(QStringLiteral("satisfaction")));
        if (!outcome)
            problem(s, QStringLiteral("outcome"),
                    QCoreApplication::translate(
                        "yg::Import", "unknown outcome; write resolved/unresolved/withdrawn or 已化解/未化解/已撤回"));
        if (!satisfaction)
            problem(s, QStringLiteral("satisfaction"),
                    QCoreApplication::translate(
                        "yg::Import", "unknown satisfaction; write satisfied/basically_satisfied/dissatisfied or "
                                      "满意/基本满意/不满意"));
        const bool hasSubmitted = !s.cell(QStringLiteral("submitted")).isEmpty();
        if (!hasSubmitted && !s.cell(QStringLiteral("department")).isEmpty())
            problem(s, QStringLiteral("department"),
                    QCoreApplication::translate("yg::Import", "a department needs the submission date (提交日期)"));
        if (!hasSubmitted && !s.cell(QStringLiteral("feedback")).isEmpty())
            problem(s, QStringLiteral("feedback"),
                    QCoreApplication::translate("yg::Import", "feedback needs the submission date (提交日期)"));
        if (submitted.isValid())
            steps.append({{LifecycleAction::Submit, submitted, {}, {}, {}, {}}, QStringLiteral("submitted")});
        if (submitted.isValid() && department)
            steps.append(
                {{LifecycleAction::Transfer, submitted, note, department, {}, {}}, QStringLiteral("department")});
        if (feedback.isValid())
            steps.append({{LifecycleAction::Feedback, feedback, note, department, {}, {}}, QStringLiteral("feedback")});
        const bool hasClosed = !s.cell(QStringLiteral("closed")).isEmpty();
        if (outcome && *outcome != Outcome::None && !hasClosed)
            problem(s, QStringLiteral("closed"),
                    QCoreApplication::translate("yg::Import",
                                                "an issue with an outcome needs its closing date (办结日期)"));
        if (outcome && *outcome == Outcome::None && hasClosed)
            problem(s, QStringLiteral("outcome"),
                    QCoreApplication::translate("yg::Import", "a closed issue needs its outcome (结果)"));
        if (outcome && closed.isValid()) {
            switch (*outcome) {
            case Outcome::Resolved:
                if (feedback.isValid())
                    steps.append({{LifecycleAction::Confirm, closed, {}, {}, {}, satisfaction.value_or(QString())},
                                  QStringLiteral("satisfaction")});
                else if (!hasSubmitted)
                    steps.append({{LifecycleAction::Explain, closed, note, {}, {}, {}}, QStringLiteral("closed")});
                else
                    problem(
                        s, QStringLiteral("feedback"),
                        QCoreApplication::translate(
                            "yg::Import", "a submitted issue that was resolved needs its feedback date (反馈日期)"));
                break;
            case Outcome::Unresolved:
                steps.append({{LifecycleAction::Close, closed, note, {}, {}, {}}, QStringLiteral("closed")});
                break;
            case Outcome::Withdrawn:
                steps.append({{LifecycleAction::Withdraw, closed, note, {}, {}, {}}, QStringLiteral("closed")});
                break;
            case Outcome::None:
                break;
            }
        }
        const bool confirms = !steps.isEmpty() && steps.last().input.action == LifecycleAction::Confirm;
        if (satisfaction && !satisfaction->isEmpty() && !confirms)
            problem(s, QStringLiteral("satisfaction"),
                    QCoreApplication::translate(
                        "yg::Import",
                        "satisfaction is recorded at the follow-up that confirms a resolved issue; this row has none"));
        return steps;
    }

    void issueRow(Sheet& s)
    {
        const QString ref = required(s, QStringLiteral("issue_ref"));
        if (ref.isEmpty())
            return;
        if (!m_writing) {
            if (m_seen.contains(QStringLiteral("i:") + ref)) {
                problem(s, QStringLiteral("issue_ref"),
                        QCoreApplication::translate("yg::Import", "this issue reference appears twice in the file"));
                return;
            }
            m_seen.insert(QStringLiteral("i:") + ref);
        }
        Issue issue;
        ImportQueries queries(m_db);
        const QString visitRef = s.cell(QStringLiteral("visit_ref"));
        if (!visitRef.isEmpty()) {
            const auto id = queries.visitIdByUuid(CsvImport::uuidOfReference(ImportKind::Visits, visitRef));
            if (id)
                issue.visitId = *id;
            else if (m_visitRefs.contains(visitRef))
                issue.visitId = kPending;
            else
                problem(s, QStringLiteral("visit_ref"),
                        QCoreApplication::translate(
                            "yg::Import",
                            "unknown visit: no visit with this reference in the database or the visits file"));
        }
        const QString code = enterpriseCode(s, QStringLiteral("enterprise"));
        if (!code.isEmpty())
            issue.enterpriseId = m_enterpriseIds.value(code);
        const QString categoryText = required(s, QStringLiteral("category"));
        Category category;
        if (!categoryText.isEmpty()) {
            category = m_categories.value(categoryText, m_categories.value(categoryText.toLower()));
            if (category.meta.id == 0)
                problem(s, QStringLiteral("category"),
                        QCoreApplication::translate("yg::Import", "unknown issue category"));
            issue.categoryId = category.meta.id;
        }
        issue.title = required(s, QStringLiteral("title"));
        issue.description = required(s, QStringLiteral("description"));
        issue.raisedBy = s.cell(QStringLiteral("raised_by"));
        const QString ownerName = required(s, QStringLiteral("owner"));
        ActorContext owner;
        if (!ownerName.isEmpty()) {
            issue.ownerId = cadre(s, QStringLiteral("owner"), ownerName);
            owner.id = issue.ownerId;
            owner.name = ownerName;
            owner.role = m_cadres.value(ownerName).role;
            owner.isOwner = true;
        }
        std::optional<RowId> department;
        const QString deptName = s.cell(QStringLiteral("department"));
        if (!deptName.isEmpty()) {
            department = m_departments.value(deptName);
            if (*department == 0) {
                problem(s, QStringLiteral("department"),
                        QCoreApplication::translate("yg::Import", "unknown department"));
                department.reset();
            }
        }
        issue.receivedOn = date(s, QStringLiteral("received"), true);
        const QList<Step> steps = historyOf(s, issue.receivedOn, department);
        if (!issue.receivedOn.isValid() || issue.ownerId == 0)
            return;

        // Stored steps (re-import): the file's history must continue them, never rewrite them.
        IssueRepository repo(m_db);
        const QString uuid = CsvImport::uuidOfReference(ImportKind::Issues, ref);
        const auto existingId = queries.issueIdByUuid(uuid);
        QList<IssueEvent> stored;
        if (existingId)
            stored = repo.events(*existingId);

        IssueState state;
        QList<IssueEvent> events;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const Step& step = steps[i];
            if (i < stored.size()) {
                const IssueEvent& e = stored[i];
                if (e.action != toKey(step.input.action) || e.eventDate != step.input.date ||
                    (step.input.action == LifecycleAction::Transfer && e.departmentId != step.input.departmentId) ||
                    (step.input.action == LifecycleAction::Confirm && e.satisfaction != step.input.satisfaction)) {
                    problem(s, step.column,
                            QCoreApplication::translate("yg::Import",
                                                        "differs from the issue's recorded history (step %1 is “%2” on "
                                                        "%3); recorded steps cannot be changed")
                                .arg(i + 1)
                                .arg(fromKey<LifecycleAction>(e.action)
                                         ? displayName(*fromKey<LifecycleAction>(e.action))
                                         : e.action,
                                     e.eventDate.toString(Qt::ISODate)));
                    return;
                }
            }
            const QString why = Lifecycle::refusal(state, owner, step.input, m_today);
            if (!why.isEmpty()) {
                problem(s, step.column, why);
                return;
            }
            auto [next, event] = Lifecycle::apply(state, step.input, m_calendar, category.defaultDueDays);
            state = next;
            if (i >= stored.size())
                events.append(event);
        }
        if (stored.size() > steps.size())
            state = Lifecycle::replay(stored); // the app has moved the issue on since; keep that
        issue.stage = state.stage;
        issue.outcome = state.outcome;
        issue.dueDate = state.dueDate;
        issue.departmentId = state.departmentId;
        issue.closedOn = state.closedOn;
        issue.pausedSince = state.pausedSince;
        if (!m_writing) {
            for (const QString& p : validate(issue))
                ruleProblem(s, p);
            return;
        }

        auto stamp = [&](IssueEvent& e, RowId issueId, int n) {
            e.issueId = issueId;
            e.actorId = issue.ownerId;
            e.occurredAt = QDateTime(e.eventDate, QTime(9, 0), Clock::districtZone()).toUTC().addSecs(60 * n);
        };
        if (!existingId) {
            issue.meta.uuid = uuid;
            repo.insert(issue);
            int n = 0;
            for (IssueEvent& e : events) {
                stamp(e, issue.meta.id, n++);
                repo.appendEvent(e);
            }
            tally(ImportKind::Issues, true, false);
            return;
        }
        Issue b = *repo.issue(*existingId);
        const bool changed = b.visitId != issue.visitId || b.enterpriseId != issue.enterpriseId ||
                             b.categoryId != issue.categoryId || b.title != issue.title ||
                             b.description != issue.description || b.raisedBy != issue.raisedBy ||
                             b.ownerId != issue.ownerId || !events.isEmpty();
        if (changed) {
            int n = static_cast<int>(stored.size());
            for (IssueEvent& e : events) {
                stamp(e, b.meta.id, n++);
                repo.appendEvent(e);
            }
            b.visitId = issue.visitId;
            b.enterpriseId = issue.enterpriseId;
            b.categoryId = issue.categoryId;
            b.title = issue.title;
            b.description = issue.description;
            b.raisedBy = issue.raisedBy;
            b.ownerId = issue.ownerId;
            b.stage = issue.stage;
            b.outcome = issue.outcome;
            b.dueDate = issue.dueDate;
            b.departmentId = issue.departmentId;
            b.closedOn = issue.closedOn;
            b.pausedSince = issue.pausedSince;
            repo.update(b, m_actor.meta.id);
        }
        tally(ImportKind::Issues, false, changed);
    }

    Database& m_db;
    const Cadre& m_actor;
    ImportProgress m_progress;
    QDate m_today;
    WorkCalendar m_calendar;
    std::array<Sheet, 4> m_sheets;
    QList<ImportProblem> m_problems;
    QStringList m_notices;
    std::array<ImportCounts, 4> m_counts{};
    bool m_writing = false;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_totalRows = 0;
    qsizetype m_rowProblemsFrom = 0;

    QHash<QString, RowId> m_towns;
    QHash<QString, Category> m_categories;
    QHash<QString, RowId> m_departments;
    QHash<QString, CadreKey> m_cadres;
    QHash<QString, RowId> m_groups;
    QHash<QString, QString> m_groupSupervisors;        ///< pass 1: group → supervisor named for it
    QHash<QString, QString> m_pendingSupervisors;      ///< pass 2: set once the cadres are written
    QList<std::pair<int, QString>> m_supervisorChecks; ///< pass 1: (row, supervisor) checked after the file
    QHash<QString, RowId> m_enterpriseIds;             ///< credit code → id (kPending: created by this import)
    QHash<QString, QString> m_enterpriseNames;         ///< name → credit code (empty: ambiguous)
    QSet<QString> m_visitRefs;
    qint64 m_visitSampleEvery = 0; ///< pass 1: every n-th visit row is looked up (0: none)
    qint64 m_visitRowNo = 0;
    qint64 m_visitSamples = 0;
    qint64 m_visitSamplesNew = 0; ///< sampled rows whose visit is not stored yet
    bool m_visitsInBulk = false;
    QSet<QString> m_seen;
};

} // namespace

const QList<ImportColumn>& importColumns(ImportKind kind)
{
    auto c = [](const char* key, const char* zh, bool required = false) {
        return ImportColumn{QLatin1String(key), QString::fromUtf8(zh), required};
    };
    static const QList<ImportColumn> cadres{c("name", "姓名", true),
                                            c("role", "角色", true),
                                            c("group", "分组"),
                                            c("supervisor", "分管领导"),
                                            c("towns", "挂联镇街"),
                                            c("quota", "每周走访指标"),
                                            c("active_from", "驻联开始", true),
                                            c("active_to", "驻联结束")};
    static const QList<ImportColumn> enterprises{c("credit_code", "统一社会信用代码", true),
                                                 c("name", "企业名称", true),
                                                 c("town", "镇街", true),
                                                 c("industry", "行业"),
                                                 c("employees", "职工人数"),
                                                 c("key", "重点企业"),
                                                 c("small_micro", "小微企业"),
                                                 c("new_form", "新业态"),
                                                 c("union_status", "工会状态"),
                                                 c("union_members", "会员人数"),
                                                 c("contact", "联系人"),
                                                 c("phone", "联系电话"),
                                                 c("cadre", "驻联干部")};
    static const QList<ImportColumn> visits{c("visit_ref", "走访编号", true), c("date", "走访日期", true),
                                            c("cadre", "干部", true),         c("companions", "同行干部"),
                                            c("enterprise", "企业", true),    c("kind", "走访类型"),
                                            c("summary", "走访情况")};
    static const QList<ImportColumn> issues{
        c("issue_ref", "问题编号", true), c("visit_ref", "走访编号"),   c("enterprise", "企业", true),
        c("category", "问题类别", true),  c("title", "标题", true),     c("description", "描述", true),
        c("raised_by", "反映人"),         c("owner", "负责干部", true), c("received", "接诊日期", true),
        c("submitted", "提交日期"),       c("department", "承办部门"),  c("feedback", "反馈日期"),
        c("closed", "办结日期"),          c("outcome", "结果"),         c("satisfaction", "满意度")};
    switch (kind) {
    case ImportKind::Cadres:
        return cadres;
    case ImportKind::Enterprises:
        return enterprises;
    case ImportKind::Visits:
        return visits;
    case ImportKind::Issues:
        return issues;
    }
    return cadres;
}

QString importKindKey(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Cadres:
        return QStringLiteral("cadres");
    case ImportKind::Enterprises:
        return QStringLiteral("enterprises");
    case ImportKind::Visits:
        return QStringLiteral("visits");
    case ImportKind::Issues:
        return QStringLiteral("issues");
    }
    return {};
}

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Cadres:
        return QCoreApplication::translate("yg::Import", "Cadres");
    case ImportKind::Enterprises:
        return QCoreApplication::translate("yg::Import", "Enterprises");
    case ImportKind::Visits:
        return QCoreApplication::translate("yg::Import", "Visits");
    case ImportKind::Issues:
        return QCoreApplication::translate("yg::Import", "Issues");
    }
    return {};
}

QString ImportProblem::toString() const
{
    QString out = row > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(row) : file + QStringLiteral(": ");
    if (!column.isEmpty())
        out += QCoreApplication::translate("yg::Import", "column “%1” value “%2”: ").arg(column, value);
    return out + reason;
}

QString ImportResult::summary() const
{
    QStringList parts;
    for (ImportKind k : kAllImportKinds) {
        if (!present[idx(k)])
            continue;
        const ImportCounts& c = counts[idx(k)];
        parts << QCoreApplication::translate("yg::Import", "%1 %2 added, %3 updated, %4 unchanged")
                     .arg(importKindName(k))
                     .arg(c.added)
                     .arg(c.updated)
                     .arg(c.unchanged);
    }
    const QString head = dryRun ? QCoreApplication::translate("yg::Import", "Dry run, nothing written: ")
                                : QCoreApplication::translate("yg::Import", "Imported: ");
    return head + parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

ImportResult CsvImport::run(Database& db, const Cadre& actor, const ImportFiles& files, bool dryRun,
                            const ImportProgress& progress)
{
    AccountService::requireEnabled(db, actor.meta.id);
    Permissions::require(actor, Capability::ImportData);
    bool any = false;
    for (ImportKind k : kAllImportKinds)
        any = any || !files[k].isEmpty();
    if (!any)
        throw Error(QCoreApplication::translate("yg::Import", "Choose at least one file to import."));
    Importer importer(db, actor, progress);
    ImportResult r = importer.run(files, dryRun);
    if (r.notices.isEmpty())
        r.notices = importer.notices();
    return r;
}

QString CsvImport::columnKeyOf(ImportKind kind, const QString& header)
{
    const QString h = normalizedHeader(header);
    if (h.isEmpty())
        return {};
    // "visit_ref(走访编号)" / "走访编号（visit_ref）": either part names the column.
    static const QRegularExpression paren(QStringLiteral("^([^(（]*)[(（]([^)）]*)[)）]$"));
    QStringList candidates{h};
    const auto m = paren.match(h);
    if (m.hasMatch())
        candidates << m.captured(1) << m.captured(2);
    for (const QString& cand : candidates) {
        for (const ImportColumn& c : importColumns(kind)) {
            if (cand == c.key || cand == c.chinese)
                return c.key;
        }
    }
    return {};
}

ImportPreview CsvImport::preview(ImportKind kind, const QString& path, CsvEncoding encoding, int rows)
{
    ImportPreview p;
    const CsvText csv = readCsvFile(path, encoding);
    p.encodingName = csv.encodingName;
    CsvReader reader(csv.text);
    QStringList fields;
    int line = 0;
    if (reader.next(&fields, &line)) {
        p.header = fields;
        for (const QString& h : fields)
            p.mappedKeys << columnKeyOf(kind, h);
    }
    for (const ImportColumn& c : importColumns(kind)) {
        if (c.required && !p.mappedKeys.contains(c.key))
            p.missingColumns << c.key;
    }
    while (p.rows.size() < rows && reader.next(&fields, &line))
        p.rows << fields;
    return p;
}

QStringList CsvImport::writeTemplates(const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw Error(QCoreApplication::translate("yg::Import", "The folder %1 cannot be created.").arg(dir));
    QStringList written;
    for (ImportKind k : kAllImportKinds) {
        const QString path = QDir(dir).filePath(importKindKey(k) + QStringLiteral(".csv"));
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            throw Error(
                QCoreApplication::translate("yg::Import", "%1 cannot be written: %2").arg(path, f.errorString()));
        QStringList header;
        for (const ImportColumn& c : importColumns(k))
            header << csvField(c.chinese);
        f.write("\xEF\xBB\xBF");
        f.write((header.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
        if (!f.commit())
            throw Error(
                QCoreApplication::translate("yg::Import", "%1 cannot be written: %2").arg(path, f.errorString()));
        written << path;
    }
    return written;
}

QString CsvImport::uuidOfReference(ImportKind kind, const QString& reference)
{
    static const QUuid ns(QStringLiteral("b0e7d7a4-5b1c-4f7e-8c53-1d2a9e4f6a70"));
    return QUuid::createUuidV5(ns, importKindKey(kind) + QLatin1Char('/') + reference.trimmed())
        .toString(QUuid::WithoutBraces);
}

} // namespace yg
