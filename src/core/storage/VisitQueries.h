#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

/** What the visit list can be narrowed to; every part is applied in SQL. */
struct VisitFilter
{
    QDate from;                   ///< first day (invalid: open)
    QDate to;                     ///< last day (invalid: open)
    std::optional<RowId> cadreId; ///< a cadre on the visit (author or companion)
    std::optional<RowId> townId;
    std::optional<RowId> enterpriseId;
    QString enterpriseText; ///< substring of the enterprise's name or credit code
    std::optional<VisitKind> kind;
    /** Only visits this person may see (see visibleToCondition()). */
    std::optional<RowId> visibleTo;
};

/** The sortable columns of the visit list; each is read in the order of an index. */
enum class VisitSort
{
    Date,
    Enterprise,
    Town,
    Author,
    Kind
};

/** One row of the visit list (joined, ready to show). */
struct VisitListRow
{
    RowId id = 0;
    QDate date;
    RowId enterpriseId = 0;
    QString enterprise;
    QString town;
    QString author;
    int companions = 0; ///< cadres on the visit besides the author
    VisitKind kind = VisitKind::OnSite;
    QString summary;
};

/** One entry of an enterprise's timeline: a visit or an issue raised there. */
struct TimelineRow
{
    enum class Kind
    {
        Visit,
        Issue
    };
    Kind kind = Kind::Visit;
    RowId id = 0;
    QDate date;
    QString who;   ///< the visit's author, the issue's owner
    QString title; ///< the visit kind, or the issue's number and title
    QString text;  ///< the visit's summary, or the issue's stage
    VisitKind visitKind = VisitKind::OnSite;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
};

/** Visits of one enterprise in a period (for key-enterprise coverage). */
struct VisitCount
{
    qint64 visits = 0;
    QDate last;
};

/**
 * The visit list and an enterprise's history, read for the cadre's screens: counts and
 * windows, sorted and filtered in SQL (every sort follows an index, see migration 7),
 * limited to what the viewer may see.
 */
class VisitQueries : public RepositoryBase
{
public:
    explicit VisitQueries(Database& db) : RepositoryBase(db) {}

    qint64 count(const VisitFilter& filter);
    /** The statements count() and page() run, with their values in order (for benchmarks and plans). */
    static QString countStatement(const VisitFilter& filter, QVariantList* values);
    static QString pageStatement(const VisitFilter& filter, VisitSort sort, bool descending, QVariantList* values);
    /** A window of the list (ties broken by id, in the same direction). */
    QList<VisitListRow> page(const VisitFilter& filter, VisitSort sort, bool descending, int offset, int limit);

    /** Visits and issues of an enterprise that `visibleTo` may see (none: all), newest first. */
    qint64 timelineCount(RowId enterpriseId, std::optional<RowId> visibleTo);
    QList<TimelineRow> timeline(RowId enterpriseId, std::optional<RowId> visibleTo, int offset, int limit);

    /** Cadres and supervisors by name (id, name): those whose visits `visibleTo` may see (none: all). */
    QList<QPair<RowId, QString>> cadreChoices(std::optional<RowId> visibleTo);

    /** The date of the district's latest visit (null: none yet); the newest data a page opens on. */
    QDate latestVisitDate();
    /** All visits to an enterprise in [from, to], whoever made them (coverage is a district figure). */
    VisitCount visitsBetween(RowId enterpriseId, QDate from, QDate to);

    /**
     * The condition (on alias `v`) for the visits a person may see: a visit on which they,
     * a member of their group or a member of a group they supervise is a cadre (author or
     * companion). Bind the person's id kVisibleToBindings times.
     */
    static QString visibleToCondition();
    static constexpr int kVisibleToBindings = 3;
    /** The same condition on the visits aliased `alias`, for one person (no bindings). */
    static QString visibleToCondition(const QString& alias, RowId person);
};

} // namespace yg
