#include "SharedNeedService.h"

#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "services/Permissions.h"
#include "services/VisitService.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

namespace yg {

namespace {

const QString kMinIssues = QStringLiteral("shared_need.min_issues");
const QString kMinEnterprises = QStringLiteral("shared_need.min_enterprises");
const QString kPeriodDays = QStringLiteral("shared_need.period_days");
const QString kByTown = QStringLiteral("shared_need.by_town");

constexpr int kTermLength = 4;

/** Only pieces of Chinese text make a wording (digits, punctuation and Latin letters do not). */
bool isHanTerm(const QString& term)
{
    if (term.size() != kTermLength)
        return false;
    return std::all_of(term.begin(), term.end(), [](QChar c) { return c.script() == QChar::Script_Han; });
}

bool isSubset(const QList<RowId>& small, const QList<RowId>& big)
{
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

/**
 * The wording of a cluster of terms that share exactly the issues `members`: the longest run
 * of a member's title whose 4-character pieces are all shared by at least those issues and
 * that contains a piece of the cluster. "不了解工会经费返还政策" and "小微企业工会经费返还"
 * give 工会经费返还 for the issues of both.
 */
QString wordingOf(const QString& title, const QList<RowId>& members, const QSet<QString>& cluster,
                  const QHash<QString, const SharedTerm*>& terms)
{
    QString best;
    qsizetype runStart = -1;
    bool runHasCluster = false;
    auto close = [&](qsizetype end) { // end: the last good position + 1
        if (runStart >= 0 && runHasCluster) {
            const QString w = title.mid(runStart, end - 1 - runStart + kTermLength);
            if (w.size() > best.size() || (w.size() == best.size() && w < best))
                best = w;
        }
        runStart = -1;
        runHasCluster = false;
    };
    for (qsizetype p = 0; p + kTermLength <= title.size(); ++p) {
        const QString piece = title.mid(p, kTermLength);
        const SharedTerm* t = terms.value(piece);
        if (t && isSubset(members, t->issueIds)) {
            if (runStart < 0)
                runStart = p;
            runHasCluster = runHasCluster || cluster.contains(piece);
        } else {
            close(p);
        }
    }
    close(title.size() - kTermLength + 1);
    return best;
}

QList<RowId> sortedUnique(QList<RowId> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

SharedNeedService::SharedNeedService(Database& db) : m_db(db) {}

SharedNeedSettings SharedNeedService::settings()
{
    CalendarRepository settings(m_db);
    SharedNeedSettings s;
    s.minIssues = std::max(2, settings.intSetting(kMinIssues, s.minIssues));
    s.minEnterprises = std::max(1, settings.intSetting(kMinEnterprises, s.minEnterprises));
    s.periodDays = std::max(1, settings.intSetting(kPeriodDays, s.periodDays));
    s.byTown = settings.intSetting(kByTown, 1) != 0;
    return s;
}

void SharedNeedService::saveSettings(const Cadre& actor, const SharedNeedSettings& s)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageSettings);
    if (s.minIssues < 2 || s.minIssues > 1000 || s.minEnterprises < 1 || s.minEnterprises > s.minIssues ||
        s.periodDays < 1 || s.periodDays > 3660) {
        throw Error(QCoreApplication::translate(
            "yg::SharedNeedService",
            "Shared-need thresholds must be: at least 2 issues (at most 1000), at least 1 enterprise and "
            "no more enterprises than issues, a period of 1 to 3660 days. Nothing was changed."));
    }
    CalendarRepository settings(m_db);
    WriteTransaction tx(m_db.connection());
    settings.setSetting(kMinIssues, QString::number(s.minIssues));
    settings.setSetting(kMinEnterprises, QString::number(s.minEnterprises));
    settings.setSetting(kPeriodDays, QString::number(s.periodDays));
    settings.setSetting(kByTown, s.byTown ? QStringLiteral("1") : QStringLiteral("0"));
    tx.commit();
}

QList<SharedNeedAlert> SharedNeedService::detect(const SharedNeedSettings& s, QDate today)
{
    SharedNeedQueries queries(m_db);
    const SharedNeedWindow window{today.addDays(-(s.periodDays - 1)), today};

    // 1. Pieces of titles shared widely enough, per category (one aggregate query). Half the
    //    thresholds propose a wording: issues that say it only in their description join in step 3.
    QHash<RowId, QHash<QString, const SharedTerm*>> termsByCategory;
    const QList<SharedTerm> terms =
        queries.sharedTerms(window, std::max(2, (s.minIssues + 1) / 2), std::max(1, (s.minEnterprises + 1) / 2));
    for (const SharedTerm& t : terms) {
        if (isHanTerm(t.term))
            termsByCategory[t.categoryId].insert(t.term, &t);
    }

    // 2. Pieces shared by exactly the same issues form one cluster; its wording is read off a member's title.
    std::map<RowId, QStringList> wordingsByCategory;
    for (auto c = termsByCategory.cbegin(); c != termsByCategory.cend(); ++c) {
        QMap<QList<RowId>, QSet<QString>> clusters;
        for (const SharedTerm* t : c.value())
            clusters[t->issueIds].insert(t->term);
        QList<RowId> representatives;
        for (auto k = clusters.cbegin(); k != clusters.cend(); ++k)
            representatives.append(k.key().first());
        const QHash<RowId, QString> titles = queries.titles(representatives);
        QStringList wordings;
        for (auto k = clusters.cbegin(); k != clusters.cend(); ++k) {
            const QString w = wordingOf(titles.value(k.key().first()), k.key(), k.value(), c.value());
            if (!w.isEmpty() && !wordings.contains(w))
                wordings.append(w);
        }
        wordings.sort();
        wordingsByCategory[c.key()] = wordings;
    }

    // 3. The members of each wording (title or description, through the FTS index), district-wide and per town.
    QHash<RowId, Category> categories;
    for (const Category& c : ReferenceRepository(m_db).categories())
        categories.insert(c.meta.id, c);
    QHash<RowId, Town> towns;
    for (const Town& t : ReferenceRepository(m_db).towns())
        towns.insert(t.meta.id, t);

    QList<SharedNeedAlert> found;
    auto consider = [&](RowId categoryId, std::optional<RowId> townId, const QString& wording,
                        const QList<SharedNeedMember>& members) {
        QList<RowId> issueIds, enterpriseIds;
        for (const SharedNeedMember& m : members) {
            if (townId && m.townId != *townId)
                continue;
            issueIds.append(m.issueId);
            enterpriseIds.append(m.enterpriseId);
        }
        issueIds = sortedUnique(issueIds);
        enterpriseIds = sortedUnique(enterpriseIds);
        if (issueIds.size() < s.minIssues || enterpriseIds.size() < s.minEnterprises)
            return;
        SharedNeedAlert a;
        a.categoryId = categoryId;
        a.categoryName = categories.value(categoryId).name;
        a.townId = townId;
        if (townId)
            a.townName = towns.value(*townId).name;
        a.wording = wording;
        a.issueIds = issueIds;
        a.enterpriseIds = enterpriseIds;
        a.key = categories.value(categoryId).meta.uuid + QLatin1Char('|') +
                (townId ? towns.value(*townId).meta.uuid : QStringLiteral("district")) + QLatin1Char('|') + wording;
        found.append(a);
    };
    for (const auto& [categoryId, wordings] : wordingsByCategory) {
        for (const QString& wording : wordings) {
            const QList<SharedNeedMember> members = queries.members(window, categoryId, wording);
            consider(categoryId, std::nullopt, wording, members);
            if (s.byTown) {
                QList<RowId> townIds;
                for (const SharedNeedMember& m : members)
                    townIds.append(m.townId);
                for (RowId town : sortedUnique(townIds))
                    consider(categoryId, town, wording, members);
            }
        }
    }

    // 4. One alert per need: the same issues under two wordings keep the longer wording; a
    //    subset whose wording only refines a wider alert's wording goes; a district alert
    //    with exactly one town's issues goes (the town's says more).
    auto sameScope = [](const SharedNeedAlert& a, const SharedNeedAlert& b) {
        return a.categoryId == b.categoryId && a.townId == b.townId;
    };
    auto covers = [&](const SharedNeedAlert& wide, const SharedNeedAlert& narrow) {
        if (&wide == &narrow)
            return false;
        if (sameScope(wide, narrow)) {
            if (wide.issueIds == narrow.issueIds)
                return wide.wording.size() > narrow.wording.size() ||
                       (wide.wording.size() == narrow.wording.size() && wide.wording < narrow.wording);
            return narrow.wording.contains(wide.wording) && isSubset(narrow.issueIds, wide.issueIds);
        }
        return !narrow.townId && wide.townId && wide.categoryId == narrow.categoryId &&
               wide.issueIds == narrow.issueIds && wide.wording == narrow.wording;
    };
    QList<SharedNeedAlert> alerts;
    for (const SharedNeedAlert& a : found) {
        const bool covered = std::any_of(found.begin(), found.end(), [&](const auto& b) { return covers(b, a); });
        if (!covered)
            alerts.append(a);
    }
    std::sort(alerts.begin(), alerts.end(), [&](const SharedNeedAlert& a, const SharedNeedAlert& b) {
        if (a.issueCount() != b.issueCount())
            return a.issueCount() > b.issueCount();
        if (a.enterpriseCount() != b.enterpriseCount())
            return a.enterpriseCount() > b.enterpriseCount();
        return a.key < b.key;
    });
    return alerts;
}

QList<SharedNeedAlert> SharedNeedService::alerts(const Cadre& actor)
{
    Permissions::require(actor, Capability::SharedNeeds);
    QList<SharedNeedAlert> all = detect(settings(), Clock::today());
    QStringList keys;
    for (const auto& a : all)
        keys.append(a.key);
    const auto dismissals = SharedNeedQueries(m_db).latestDismissals(keys);
    QList<SharedNeedAlert> shown;
    for (SharedNeedAlert& a : all) {
        const auto d = dismissals.constFind(a.key);
        if (d != dismissals.cend()) {
            if (a.issueCount() <= d->issueCount && a.enterpriseCount() <= d->enterpriseCount)
                continue; // dismissed and not grown since
            a.dismissal = *d;
        }
        shown.append(a);
    }
    spdlog::debug("shared-need alerts for user {}: {} of {}", actor.meta.id, shown.size(), all.size());
    return shown;
}

QList<SharedNeedIssueRow> SharedNeedService::issuesOf(const Cadre& actor, const SharedNeedAlert& alert)
{
    Permissions::require(actor, Capability::SharedNeeds);
    return SharedNeedQueries(m_db).issueRows(alert.issueIds, IssueService(m_db).visibilityFor(actor));
}

QList<SharedNeedEnterpriseRow> SharedNeedService::enterprisesOf(const SharedNeedAlert& alert)
{
    return SharedNeedQueries(m_db).enterpriseRows(alert.enterpriseIds);
}

SharedNeedDismissal SharedNeedService::dismiss(const Cadre& actor, const SharedNeedAlert& alert, const QString& reason)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::DismissSharedNeeds);
    if (reason.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("yg::SharedNeedService",
                                                "Say why the alert is dismissed. Nothing was changed."));
    if (alert.key.isEmpty() || alert.issueIds.isEmpty())
        throw Error(
            QCoreApplication::translate("yg::SharedNeedService", "There is no alert to dismiss. Nothing was changed."));
    SharedNeedDismissal d;
    d.alertKey = alert.key;
    d.categoryId = alert.categoryId;
    d.townId = alert.townId;
    d.wording = alert.wording;
    d.issueCount = alert.issueCount();
    d.enterpriseCount = alert.enterpriseCount();
    d.reason = reason.trimmed();
    d.dismissedBy = actor.meta.id;
    d.dismissedByName = actor.name;
    d.dismissedOn = Clock::today();
    WriteTransaction tx(m_db.connection());
    SharedNeedQueries(m_db).insertDismissal(d);
    tx.commit();
    spdlog::info("shared-need alert dismissed by user {} ({} issues, {} enterprises)", actor.meta.id, d.issueCount,
                 d.enterpriseCount);
    return d;
}

Visit SharedNeedService::planBriefing(const Cadre& actor, const BriefingPlan& plan)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Visit visit;
    visit.date = plan.date;
    visit.cadreIds = plan.cadreIds;
    visit.enterpriseId = plan.hostEnterpriseId;
    visit.kind = VisitKind::PolicyBriefing;
    visit.summary = plan.summary.trimmed();
    const QString why = AdminService(m_db).visitRefusal(actor, visit);
    if (!why.isEmpty())
        throw Error(why + QLatin1Char(' ') +
                    QCoreApplication::translate("yg::SharedNeedService", "Nothing was changed."));
    QList<RowId> enterprises = plan.enterpriseIds;
    enterprises.append(plan.hostEnterpriseId);
    enterprises = sortedUnique(enterprises);

    // Only issues the person may see are linked: they could not act on the others anyway.
    IssueRepository issueRepo(m_db);
    IssueService issueService(m_db);
    QList<RowId> issues;
    for (RowId id : sortedUnique(plan.issueIds)) {
        const auto issue = issueRepo.issue(id);
        if (!issue)
            throw Error(QCoreApplication::translate("yg::SharedNeedService",
                                                    "There is no issue with id %1. Nothing was changed.")
                            .arg(id));
        if (issueService.canSee(actor, *issue))
            issues.append(id);
    }

    WriteTransaction tx(m_db.connection());
    VisitRepository(m_db).insert(visit); // validates date, cadres, enterprise
    SharedNeedQueries(m_db).linkVisit(visit.meta.id, enterprises, issues);
    tx.commit();
    spdlog::info("policy briefing {} planned by user {}: {} enterprises, {} issues", visit.meta.id, actor.meta.id,
                 enterprises.size(), issues.size());
    return visit;
}

QList<BriefingRow> SharedNeedService::briefings(const Cadre& actor, int limit)
{
    Permissions::require(actor, Capability::SharedNeeds);
    return SharedNeedQueries(m_db).briefings(IssueService(m_db).visibilityFor(actor), limit);
}

QList<RowId> SharedNeedService::linkedEnterprises(RowId visitId)
{
    return SharedNeedQueries(m_db).linkedEnterprises(visitId);
}

QList<RowId> SharedNeedService::linkedIssues(RowId visitId)
{
    return SharedNeedQueries(m_db).linkedIssues(visitId);
}

QList<BriefingOutcomeLine> SharedNeedService::previewOutcome(const Cadre& actor, RowId visitId, const QString& note,
                                                             const QString& satisfaction)
{
    // Those who hold briefings (they record visits) apply their outcome, on a briefing they may
    // see; the issues listed are only those they may see.
    Permissions::require(actor, Capability::CreateVisit);
    const auto visit = VisitRepository(m_db).visit(visitId);
    if (!visit || visit->kind != VisitKind::PolicyBriefing)
        throw Error(QCoreApplication::translate("yg::SharedNeedService", "There is no policy briefing with id %1.")
                        .arg(visitId));
    IssueRepository issues(m_db);
    IssueService service(m_db);
    if (const QString why = VisitService(m_db).refusal(actor, *visit); !why.isEmpty())
        throw Error(why); // those who may edit the briefing's record apply its outcome
    QList<BriefingOutcomeLine> lines;
    for (RowId id : SharedNeedQueries(m_db).linkedIssues(visitId)) {
        const auto issue = issues.issue(id);
        if (!issue || !service.canSee(actor, *issue))
            continue;
        BriefingOutcomeLine line;
        line.issueId = id;
        line.number = issue->number;
        line.title = issue->title;
        line.stage = issue->stage;
        ActionInput input;
        input.date = visit->date;
        input.note = note.trimmed();
        switch (issue->stage) {
        case Stage::Intake:
            input.action = LifecycleAction::Explain;
            break;
        case Stage::Consultation:
            input.action = LifecycleAction::Feedback;
            break;
        case Stage::FollowUp:
            input.action = LifecycleAction::Confirm;
            input.satisfaction = satisfaction;
            break;
        case Stage::Closed:
            break;
        }
        if (issue->stage == Stage::Closed) {
            line.refusal = QCoreApplication::translate("yg::SharedNeedService", "it is already closed");
        } else {
            line.action = input.action;
            line.refusal = Lifecycle::refusal(Lifecycle::replay(issues.events(id)),
                                              service.actorContext(*issue, actor.meta.id), input, Clock::today());
        }
        lines.append(line);
    }
    return lines;
}

QList<Issue> SharedNeedService::applyOutcome(const Cadre& actor, RowId visitId, const QString& note,
                                             const QString& satisfaction, const QList<RowId>& leaveOut)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    const auto visit = VisitRepository(m_db).visit(visitId);
    if (!visit)
        throw Error(QCoreApplication::translate("yg::SharedNeedService", "There is no visit with id %1.").arg(visitId));
    QList<BriefingOutcomeLine> lines = previewOutcome(actor, visitId, note, satisfaction);
    lines.removeIf([&](const BriefingOutcomeLine& l) { return leaveOut.contains(l.issueId); });
    QStringList refused;
    for (const auto& l : std::as_const(lines)) {
        if (!l.refusal.isEmpty())
            refused << QCoreApplication::translate("yg::SharedNeedService", "%1: %2").arg(l.number, l.refusal);
    }
    if (!refused.isEmpty()) {
        throw Error(QCoreApplication::translate(
                        "yg::SharedNeedService",
                        "The outcome cannot be applied to these issues; leave them out or deal with them first. "
                        "Nothing was changed.\n%1")
                        .arg(refused.join(QLatin1Char('\n'))));
    }
    if (lines.isEmpty())
        throw Error(QCoreApplication::translate("yg::SharedNeedService",
                                                "No issue is left to apply the outcome to. Nothing was changed."));

    QList<Issue> done;
    IssueRepository issues(m_db);
    IssueService service(m_db);
    WriteTransaction tx(m_db.connection());
    for (const auto& l : std::as_const(lines)) {
        const auto issue = issues.issue(l.issueId);
        ActionInput input;
        input.action = *l.action;
        input.date = visit->date;
        input.note = note.trimmed();
        if (input.action == LifecycleAction::Confirm)
            input.satisfaction = satisfaction;
        done.append(service.actWithin(l.issueId, issue->meta.version, actor.meta.id, input));
    }
    tx.commit();
    spdlog::info("briefing {} outcome applied by user {} to {} issue(s), {} left out", visitId, actor.meta.id,
                 done.size(), leaveOut.size());
    return done;
}

} // namespace yg
