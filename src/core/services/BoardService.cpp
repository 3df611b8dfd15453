#include "BoardService.h"

#include "services/AccountService.h"
#include "services/IssueService.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

constexpr int kMaxFilterSetName = 60;

QString tr(const char* text)
{
    return QCoreApplication::translate("yg::BoardService", text);
}

std::optional<Escalation> escalationFromKey(const QString& key)
{
    for (Escalation e :
         {Escalation::None, Escalation::Reminder, Escalation::Warning, Escalation::Supervision, Escalation::Talk}) {
        if (toKey(e) == key)
            return e;
    }
    return std::nullopt;
}

} // namespace

BoardService::BoardService(Database& db) : m_db(db) {}

BoardScope BoardService::scope(RowId actorId, const BoardFilter& filter, QDate today)
{
    const auto actor = CadreRepository(m_db).cadre(actorId);
    if (!actor)
        throw Error(tr("There is no user with id %1.").arg(actorId));
    IssueService issues(m_db);
    BoardScope s;
    s.visibleTo = issues.visibilityFor(*actor);
    s.today = today.isValid() ? today : Clock::today();
    const QDate month = filter.month.isValid() ? filter.month : s.today;
    s.monthFirst = QDate(month.year(), month.month(), 1);
    s.monthLast = s.monthFirst.addMonths(1).addDays(-1);

    // The ladder's thresholds as due-date bounds: escalationOf() counts working days from the
    // due date to today; the count only grows with the distance, so each level is a date range.
    const WorkCalendar calendar = issues.calendar();
    const EscalationThresholds t = issues.thresholds();
    constexpr int kFarEnough = 400; // calendar days; thresholds are a few working days
    s.reminderUntil = s.today;
    for (QDate d = s.today.addDays(1); d <= s.today.addDays(kFarEnough); d = d.addDays(1)) {
        if (calendar.workingDaysBetween(s.today, d) > t.reminderDays)
            break;
        s.reminderUntil = d;
    }
    s.talkOnOrBefore = s.today.addDays(-kFarEnough);
    for (QDate d = s.today.addDays(-1); d >= s.today.addDays(-kFarEnough); d = d.addDays(-1)) {
        if (calendar.workingDaysBetween(d, s.today) > t.talkAfterDays) {
            s.talkOnOrBefore = d;
            break;
        }
    }
    return s;
}

QList<BoardCard> BoardService::cards(RowId actorId, const BoardFilter& filter, BoardColumn column)
{
    return BoardQueries(m_db).cards(scope(actorId, filter), filter, column);
}

std::array<int, 4> BoardService::columnCounts(RowId actorId, const BoardFilter& filter)
{
    return BoardQueries(m_db).columnCounts(scope(actorId, filter), filter);
}

QList<FacetCount> BoardService::facetCounts(RowId actorId, const BoardFilter& filter, BoardFacet facet)
{
    return BoardQueries(m_db).facetCounts(scope(actorId, filter), filter, facet);
}

BoardService::MoveOptions BoardService::moveOptions(RowId issueId, BoardColumn to, RowId actorId)
{
    IssueService service(m_db);
    MoveOptions m;
    const auto issue = IssueRepository(m_db).issue(issueId);
    const auto actor = CadreRepository(m_db).cadre(actorId);
    if (!issue || !actor || !service.canSee(*actor, *issue)) {
        m.refusal = tr("There is no issue with id %1 that you may see.").arg(issueId);
        return m;
    }
    m.issue = *issue;
    m.from = boardColumnOf(issue->stage);
    if (m.from == to)
        return m; // dropped where it was: nothing to do, nothing to say
    const QList<LifecycleAction> meant = boardMoveActions(m.from, to);
    if (meant.isEmpty()) {
        m.refusal = tr("Issue %1: %2").arg(issue->number, boardMoveMeaningless(m.from, to));
        return m;
    }
    m.state = Lifecycle::replay(IssueRepository(m_db).events(issueId));
    m.actor = service.actorContext(*issue, actorId);
    const QList<LifecycleAction> allowed = Lifecycle::allowedActions(m.state, m.actor);
    for (LifecycleAction a : meant) {
        if (allowed.contains(a))
            m.actions << a;
    }
    if (m.actions.isEmpty()) {
        const QDate today = Clock::today();
        QString why = Lifecycle::refusal(m.state, m.actor, ActionInput{meant.first(), today, {}, {}, {}, {}}, today);
        if (why.isEmpty())
            why = tr("%1 is not possible now.").arg(displayName(meant.first()));
        m.refusal = tr("Issue %1 stays in “%2”: %3").arg(issue->number, displayName(m.from), why);
        return m;
    }
    const auto category = ReferenceRepository(m_db).category(issue->categoryId);
    m.defaultDueDays = category ? category->defaultDueDays : 10;
    return m;
}

Issue BoardService::move(RowId issueId, int expectedVersion, BoardColumn to, RowId actorId, ActionInput input)
{
    const auto issue = IssueRepository(m_db).issue(issueId);
    if (!issue)
        throw Error(tr("There is no issue with id %1.").arg(issueId));
    const BoardColumn from = boardColumnOf(issue->stage);
    if (!boardMoveActions(from, to).contains(input.action)) {
        throw Error(tr("Issue %1: %2 does not take a card from “%3” to “%4”. Nothing was changed.")
                        .arg(issue->number, displayName(input.action), displayName(from), displayName(to)));
    }
    Issue moved = IssueService(m_db).act(issueId, expectedVersion, actorId, std::move(input));
    spdlog::info("board: issue {} moved to column {} by user {}", issueId, static_cast<int>(to), actorId);
    return moved;
}

QString BoardService::settingsKey(RowId actorId)
{
    return QStringLiteral("board.filter_sets.%1").arg(actorId);
}

QJsonObject BoardService::toJson(const BoardFilter& f)
{
    QJsonObject o;
    if (f.month.isValid())
        o.insert(QStringLiteral("month"), f.month.toString(QStringLiteral("yyyy-MM")));
    auto put = [&o](const char* key, const std::optional<RowId>& v) {
        if (v)
            o.insert(QLatin1String(key), static_cast<double>(*v));
    };
    put("group", f.groupId);
    put("town", f.townId);
    put("owner", f.ownerId);
    put("category", f.categoryId);
    put("department", f.departmentId);
    if (f.escalation)
        o.insert(QStringLiteral("escalation"), toKey(*f.escalation));
    return o;
}

BoardFilter BoardService::filterFromJson(const QJsonObject& o)
{
    BoardFilter f;
    f.month = QDate::fromString(o.value(QStringLiteral("month")).toString() + QStringLiteral("-01"), Qt::ISODate);
    auto get = [&o](const char* key) -> std::optional<RowId> {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble())
            return std::nullopt;
        return static_cast<RowId>(v.toDouble());
    };
    f.groupId = get("group");
    f.townId = get("town");
    f.ownerId = get("owner");
    f.categoryId = get("category");
    f.departmentId = get("department");
    f.escalation = escalationFromKey(o.value(QStringLiteral("escalation")).toString());
    return f;
}

QList<SavedBoardFilter> BoardService::filterSets(RowId actorId)
{
    const QString text = CalendarRepository(m_db).textSetting(settingsKey(actorId));
    QList<SavedBoardFilter> sets;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString().trimmed();
        if (!name.isEmpty())
            sets.append({name, filterFromJson(o.value(QStringLiteral("filter")).toObject())});
    }
    std::sort(sets.begin(), sets.end(), [](const SavedBoardFilter& a, const SavedBoardFilter& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return sets;
}

void BoardService::writeFilterSets(RowId actorId, const QList<SavedBoardFilter>& sets)
{
    QJsonArray array;
    for (const SavedBoardFilter& s : sets)
        array.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("filter"), toJson(s.filter)}});
    CalendarRepository(m_db).setSetting(settingsKey(actorId),
                                        QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

static QString checkedName(const QString& name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        throw Error(tr("A saved filter set needs a name."));
    if (n.size() > kMaxFilterSetName)
        throw Error(tr("The name of a filter set can have at most %1 characters.").arg(kMaxFilterSetName));
    return n;
}

void BoardService::saveFilterSet(RowId actorId, const QString& name, const BoardFilter& filter)
{
    const QString n = checkedName(name);
    AccountService::requireEnabled(m_db, actorId);
    WriteTransaction tx(m_db.connection());
    QList<SavedBoardFilter> sets = filterSets(actorId);
    auto it = std::find_if(sets.begin(), sets.end(), [&](const SavedBoardFilter& s) { return s.name == n; });
    if (it != sets.end())
        it->filter = filter;
    else
        sets.append({n, filter});
    writeFilterSets(actorId, sets);
    tx.commit();
    spdlog::info("board: user {} saved a filter set ({} in all)", actorId, sets.size());
}

void BoardService::renameFilterSet(RowId actorId, const QString& name, const QString& newName)
{
    const QString n = checkedName(newName);
    AccountService::requireEnabled(m_db, actorId);
    WriteTransaction tx(m_db.connection());
    QList<SavedBoardFilter> sets = filterSets(actorId);
    auto it = std::find_if(sets.begin(), sets.end(), [&](const SavedBoardFilter& s) { return s.name == name; });
    if (it == sets.end())
        throw Error(tr("There is no saved filter set “%1”.").arg(name));
    if (n != name && std::any_of(sets.begin(), sets.end(), [&](const SavedBoardFilter& s) { return s.name == n; }))
        throw Error(tr("A filter set named “%1” already exists; choose another name.").arg(n));
    it->name = n;
    writeFilterSets(actorId, sets);
    tx.commit();
}

void BoardService::deleteFilterSet(RowId actorId, const QString& name)
{
    AccountService::requireEnabled(m_db, actorId);
    WriteTransaction tx(m_db.connection());
    QList<SavedBoardFilter> sets = filterSets(actorId);
    const auto removed = sets.removeIf([&](const SavedBoardFilter& s) { return s.name == name; });
    if (removed == 0)
        throw Error(tr("There is no saved filter set “%1”.").arg(name));
    writeFilterSets(actorId, sets);
    tx.commit();
}

} // namespace yg
