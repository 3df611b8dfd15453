#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

/** What the enterprise list can be narrowed to; every part is applied in SQL. */
struct EnterpriseFilter
{
    QString text; ///< substring of name or credit code
    std::optional<RowId> townId;
    bool keyOnly = false;
    bool smallMicroOnly = false;
    bool newFormOnly = false;
    std::optional<UnionStatus> unionStatus;
    std::optional<RowId> assignedCadreId;
    QDate notVisitedSince; ///< no visit on or after this date (invalid: no condition)
};

/** The sortable columns of the enterprise list. */
enum class EnterpriseSort
{
    Name,
    CreditCode,
    Town,
    Employees,
    Key,
    UnionStatus,
    Cadre,
    LastVisit
};

/** One row of the enterprise list (joined, ready to show). */
struct EnterpriseListRow
{
    RowId id = 0;
    QString name;
    QString creditCode;
    QString town;
    int employees = 0;
    bool isKey = false;
    bool isSmallMicro = false;
    bool isNewForm = false;
    UnionStatus unionStatus = UnionStatus::None;
    QString cadre;
    QDate lastVisit;
};

/** One suggestion of the enterprise picker. */
struct EnterpriseMatch
{
    RowId id = 0;
    QString name;
    QString creditCode;
    QString town;
};

class EnterpriseRepository : public RepositoryBase
{
public:
    explicit EnterpriseRepository(Database& db) : RepositoryBase(db) {}

    /** Validates (credit code check character included) and refuses a duplicate code. */
    void insert(Enterprise& enterprise);
    void update(Enterprise& enterprise, std::optional<RowId> actor = std::nullopt);
    std::optional<Enterprise> enterprise(RowId id);
    std::optional<Enterprise> byCreditCode(const QString& code);

    qint64 count(const EnterpriseFilter& filter);
    /** A window of the list, sorted and filtered in SQL (ties broken by id). */
    QList<EnterpriseListRow> page(const EnterpriseFilter& filter, EnterpriseSort sort, bool descending, int offset,
                                  int limit);

    /**
     * At most `limit` enterprises whose name or town contains `text`, or whose credit code
     * starts with it (the picker's type-ahead); names that start with the text first.
     */
    QList<EnterpriseMatch> search(const QString& text, int limit);

private:
    void checkUniqueCode(const Enterprise& enterprise);
};

} // namespace yg
