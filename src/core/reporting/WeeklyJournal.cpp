#include "WeeklyJournal.h"

#include "domain/Lifecycle.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"

#include <algorithm>

#include <QCoreApplication>
#include <QSet>

namespace yg {

namespace {

QString dayText(QDate d)
{
    //: Date format of the weekly journal (QDate::toString): 11月18日 in Chinese
    return d.toString(QCoreApplication::translate("yg::WeeklyJournal", "d MMM"));
}

QString listed(const QStringList& items)
{
    //: Separator between names listed in a sentence (顿号 in Chinese)
    return items.join(QCoreApplication::translate("yg::WeeklyJournal", ", "));
}

/** What was done with a raised issue that week, from its own steps. */
QString dispositionOf(const WeekIssue& issue, const QList<WeekIssueEvent>& events)
{
    QString text = QCoreApplication::translate("yg::WeeklyJournal", "recorded at intake");
    for (const WeekIssueEvent& e : events) {
        if (e.issueId != issue.id)
            continue;
        if (e.action == QLatin1String("explain"))
            text = QCoreApplication::translate("yg::WeeklyJournal", "explained on the spot and resolved");
        else if (e.action == QLatin1String("submit"))
            text = QCoreApplication::translate("yg::WeeklyJournal", "submitted for consultation, due %1")
                       .arg(dayText(e.dueDate));
    }
    return text;
}

QString stepText(const WeekIssueEvent& e)
{
    const auto action = fromKey<LifecycleAction>(e.action);
    if (!action)
        return e.action;
    switch (*action) {
    case LifecycleAction::Transfer:
        return QCoreApplication::translate("yg::WeeklyJournal", "transferred to %1, due %2")
            .arg(e.department, dayText(e.dueDate));
    case LifecycleAction::Return:
        return QCoreApplication::translate("yg::WeeklyJournal", "returned by %1").arg(e.department);
    case LifecycleAction::Feedback:
        return e.department.isEmpty()
                   ? QCoreApplication::translate("yg::WeeklyJournal", "the result was reported back")
                   : QCoreApplication::translate("yg::WeeklyJournal", "%1 reported back the result").arg(e.department);
    case LifecycleAction::Confirm:
        return QCoreApplication::translate("yg::WeeklyJournal", "the follow-up confirmed it resolved (%1)")
            .arg(satisfactionName(e.satisfaction));
    case LifecycleAction::Reject:
        return QCoreApplication::translate("yg::WeeklyJournal",
                                           "the follow-up found it still unsolved; back to consultation");
    case LifecycleAction::Submit:
        return QCoreApplication::translate("yg::WeeklyJournal", "submitted for consultation, due %1")
            .arg(dayText(e.dueDate));
    case LifecycleAction::Explain:
        return QCoreApplication::translate("yg::WeeklyJournal", "explained and resolved");
    default:
        return displayName(*action);
    }
}

} // namespace

WeekJournalData WeeklyJournal::load(Database& db, RowId cadreId, IsoWeek week)
{
    WeekJournalData d;
    d.week = week;
    d.cadreId = cadreId;
    if (const auto cadre = CadreRepository(db).cadre(cadreId)) {
        d.cadreName = cadre->name;
        d.quota = cadre->weeklyQuota;
    }
    WeekQueries q(db);
    d.visits = q.visits(cadreId, week.monday(), week.sunday());
    QList<RowId> ids;
    for (const WeekVisit& v : std::as_const(d.visits))
        ids << v.visit.meta.id;
    d.raised = q.issuesOfVisits(ids);
    d.events = q.events(cadreId, week.monday(), week.sunday());
    return d;
}

QString WeeklyJournal::compose(const WeekJournalData& d)
{
    QStringList paragraphs;
    paragraphs << QCoreApplication::translate("yg::WeeklyJournal", "Weekly journal of %1, week %2 of %3 (%4 to %5)")
                      .arg(d.cadreName)
                      .arg(d.week.week)
                      .arg(d.week.year)
                      .arg(dayText(d.week.monday()), dayText(d.week.sunday()));

    int explained = 0;
    for (const WeekIssue& i : d.raised) {
        for (const WeekIssueEvent& e : d.events) {
            if (e.issueId == i.id && e.action == QLatin1String("explain"))
                ++explained;
        }
    }
    // The quota counts the visits the cadre recorded (as the reports do); companion visits are told apart.
    const auto recorded = std::count_if(d.visits.begin(), d.visits.end(),
                                        [&](const WeekVisit& v) { return v.visit.cadreIds.value(0) == d.cadreId; });
    paragraphs << QCoreApplication::translate("yg::WeeklyJournal",
                                              "This week: %1 visit(s), %2 of them recorded by me against a quota of "
                                              "%3; %4 issue(s) collected, %5 resolved on the spot by explaining.")
                      .arg(d.visits.size())
                      .arg(recorded)
                      .arg(d.quota)
                      .arg(d.raised.size())
                      .arg(explained);

    if (d.visits.isEmpty())
        paragraphs << QCoreApplication::translate("yg::WeeklyJournal", "No visits were recorded this week.");

    QSet<RowId> raisedIds;
    for (const WeekVisit& w : d.visits) {
        const Visit& v = w.visit;
        QString p = QCoreApplication::translate("yg::WeeklyJournal", "On %1 I visited %2 (%3)")
                        .arg(dayText(v.date), w.enterprise, w.town);
        if (v.kind != VisitKind::OnSite)
            p += QCoreApplication::translate("yg::WeeklyJournal", ", by way of %1").arg(displayName(v.kind));
        if (!w.companions.isEmpty())
            p += QCoreApplication::translate("yg::WeeklyJournal", ", together with %1").arg(listed(w.companions));
        p += QCoreApplication::translate("yg::WeeklyJournal", ". ");
        QStringList fine;
        QStringList concerns;
        for (std::size_t k = 0; k < kAllCheckItems.size(); ++k) {
            const CheckEntry& c = v.checklist[k];
            if (c.state == CheckState::Fine)
                fine << displayName(kAllCheckItems[k]);
            else if (c.state == CheckState::Concern)
                concerns << (c.note.trimmed().isEmpty() ? displayName(kAllCheckItems[k])
                                                        : QCoreApplication::translate("yg::WeeklyJournal", "%1 (%2)")
                                                              .arg(displayName(kAllCheckItems[k]), c.note.trimmed()));
        }
        if (!fine.isEmpty())
            p += QCoreApplication::translate("yg::WeeklyJournal", "Found in good order: %1. ").arg(listed(fine));
        if (!concerns.isEmpty())
            p += QCoreApplication::translate("yg::WeeklyJournal", "Needs attention: %1. ").arg(listed(concerns));
        if (!v.summary.trimmed().isEmpty()) {
            QString s = v.summary.trimmed();
            if (!s.endsWith(QChar(0x3002)) && !s.endsWith(QLatin1Char('.')) && !s.endsWith(QChar(0xFF01)) &&
                !s.endsWith(QLatin1Char('!')))
                s += QCoreApplication::translate("yg::WeeklyJournal", ". ");
            p += s;
        }
        QStringList items;
        for (const WeekIssue& i : d.raised) {
            if (i.visitId != v.meta.id)
                continue;
            raisedIds.insert(i.id);
            QString who = i.raisedBy.trimmed().isEmpty()
                              ? QString()
                              : QCoreApplication::translate("yg::WeeklyJournal", ", raised by %1").arg(i.raisedBy);
            items << QCoreApplication::translate("yg::WeeklyJournal", "(%1) %2 [%3, %4]%5: %6")
                         .arg(items.size() + 1)
                         .arg(i.title, i.category, i.number, who, dispositionOf(i, d.events));
        }
        if (items.isEmpty())
            p += QCoreApplication::translate("yg::WeeklyJournal", "No problems or demands were raised.");
        else
            p += QCoreApplication::translate("yg::WeeklyJournal", "Collected %1 issue(s): %2.")
                     .arg(items.size())
                     .arg(items.join(QCoreApplication::translate("yg::WeeklyJournal", "; ")));
        if (v.nextVisitDate.isValid())
            p += QCoreApplication::translate("yg::WeeklyJournal", " Next visit planned for %1.")
                     .arg(dayText(v.nextVisitDate));
        paragraphs << p.trimmed();
    }

    QStringList steps;
    for (const WeekIssueEvent& e : d.events) {
        if (e.action == QLatin1String("record"))
            continue;
        // The first steps of issues raised this week are told with their visit.
        if (raisedIds.contains(e.issueId) &&
            (e.action == QLatin1String("explain") || e.action == QLatin1String("submit")))
            continue;
        steps << QCoreApplication::translate("yg::WeeklyJournal", "%1, %2 “%3” (%4): %5")
                     .arg(dayText(e.date), e.number, e.title, e.enterprise, stepText(e));
    }
    if (!steps.isEmpty())
        paragraphs << QCoreApplication::translate("yg::WeeklyJournal", "Progress on my issues:") + QLatin1Char('\n') +
                          steps.join(QLatin1Char('\n'));
    return paragraphs.join(QStringLiteral("\n\n"));
}

} // namespace yg
