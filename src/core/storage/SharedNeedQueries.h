#pragma once

#include "storage/RepositoryBase.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace yg {

/** Which issues take part in shared-need detection: open now, or received in [since, today]. */
struct SharedNeedWindow
{
    QDate since;
    QDate today;
};

/** A 4-character piece of the titles of candidate issues of one category, with how widely it is shared. */
struct SharedTerm
{
    RowId categoryId = 0;
    QString term;
    int issues = 0;
    int enterprises = 0;
    QList<RowId> issueIds; ///< sorted
};

/** A candidate issue whose title or description contains a wording (one row per issue). */
struct SharedNeedMember
{
    RowId issueId = 0;
    RowId enterpriseId = 0;
    RowId townId = 0;
};

/** A stored dismissal of an alert. */
struct SharedNeedDismissal
{
    RecordMeta meta;
    QString alertKey;
    RowId categoryId = 0;
    std::optional<RowId> townId;
    QString wording;
    int issueCount = 0;
    int enterpriseCount = 0;
    QString reason;
    RowId dismissedBy = 0;
    QString dismissedByName;
    QDate dismissedOn;
};

/** One row of an alert's issue list. */
struct SharedNeedIssueRow
{
    RowId id = 0;
    QString number;
    QString title;
    Stage stage = Stage::Intake;
    RowId enterpriseId = 0;
    QString enterpriseName;
    int version = 0;
};

/** One row of an alert's enterprise list. */
struct SharedNeedEnterpriseRow
{
    RowId id = 0;
    QString name;
    QString townName;
    bool smallMicro = false;
};

/** A policy briefing linked to issues (for the list of briefings to apply an outcome to). */
struct BriefingRow
{
    RowId visitId = 0;
    QDate date;
    QString hostName;
    int enterprises = 0;
    int issues = 0;
    int openIssues = 0;
    QString summary;
};

/**
 * The SQL of shared-need alerts (migration 10): aggregates over the candidate issues, the
 * FTS check of a wording, dismissals and the links of a briefing visit. SQLite-specific
 * only in the FTS5 MATCH of members() (like storage/SqliteSearch).
 */
class SharedNeedQueries : public RepositoryBase
{
public:
    explicit SharedNeedQueries(Database& db) : RepositoryBase(db) {}

    /**
     * Every 4-character piece of the titles of candidate issues, per category, shared by at
     * least minIssues issues from at least minEnterprises enterprises (one GROUP BY over
     * titles cut by search_positions).
     */
    QList<SharedTerm> sharedTerms(const SharedNeedWindow& window, int minIssues, int minEnterprises);

    /** The statements of sharedTerms() and members() (positional values in that order), for benchmarks. */
    static QString termsStatement();
    static QString membersStatement();
    /** The FTS5 query of a wording: the phrase in the title or description columns. */
    static QString matchExpression(const QString& wording);

    /** Candidate issues of a category whose title or description contains `wording` (FTS5 trigram index). */
    QList<SharedNeedMember> members(const SharedNeedWindow& window, RowId categoryId, const QString& wording);

    /** Issue rows for these ids (those `visibleTo` may see when set), by number. */
    QList<SharedNeedIssueRow> issueRows(const QList<RowId>& ids, std::optional<RowId> visibleTo);
    QList<SharedNeedEnterpriseRow> enterpriseRows(const QList<RowId>& ids);
    /** The title of each of these issues. */
    QHash<RowId, QString> titles(const QList<RowId>& ids);

    /** The newest dismissal of each of these alert keys. */
    QHash<QString, SharedNeedDismissal> latestDismissals(const QStringList& keys);
    void insertDismissal(SharedNeedDismissal& d);

    /** Links a (briefing) visit to enterprises and issues; in the caller's transaction. */
    void linkVisit(RowId visitId, const QList<RowId>& enterpriseIds, const QList<RowId>& issueIds);
    QList<RowId> linkedEnterprises(RowId visitId);
    /** Briefings linked to issues, newest first (only visits `visibleTo` may see when set). */
    QList<BriefingRow> briefings(std::optional<RowId> visibleTo, int limit);
    QList<RowId> linkedIssues(RowId visitId);
};

} // namespace yg
