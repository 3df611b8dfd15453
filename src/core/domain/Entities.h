#pragma once

#include "Enums.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace yg {

/** Integer key inside one database; 0 means "not stored yet". */
using RowId = qint64;

/**
 * What every stored record carries: a local key, a stable id that survives export,
 * import and a move to a server (uuid), timestamps, and a row version for optimistic
 * concurrency (an update made on a stale copy is refused).
 */
struct RecordMeta
{
    RowId id = 0;
    QString uuid;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;
};

/** 镇街: a town or sub-district (街道), or a development zone counted as one. */
struct Town
{
    RecordMeta meta;
    QString code;
    QString name;
    int sortOrder = 0;
};

/** A group of cadres led by a supervisor (分管领导). */
struct CadreGroup
{
    RecordMeta meta;
    QString name;
    std::optional<RowId> supervisorId;
};

/** A user of the app: cadre (工会干部/驻联干部), supervisor, staff or administrator. */
struct Cadre
{
    RecordMeta meta;
    QString name;
    Role role = Role::Cadre;
    std::optional<RowId> groupId;
    QList<RowId> townIds; ///< 挂联镇街
    QDate activeFrom;
    QDate activeTo;      ///< null while the residency goes on
    int weeklyQuota = 1; ///< 4 for resident cadres, 1 otherwise
    bool resident = false;
};

/** 企业. Identified by its unified social credit code (统一社会信用代码). */
struct Enterprise
{
    RecordMeta meta;
    QString name;
    QString creditCode;
    RowId townId = 0;
    QString address;
    QString industry;
    int employees = 0;
    bool isKey = false;        ///< 重点企业
    bool isSmallMicro = false; ///< 小微企业
    bool isNewForm = false;    ///< 新业态
    UnionStatus unionStatus = UnionStatus::None;
    int unionMembers = 0;
    QString contactPerson;
    QString contactPhone;
    std::optional<RowId> assignedCadreId;
    QString notes;
};

struct CheckEntry
{
    CheckState state = CheckState::NotChecked;
    QString note;
};

/** 走访 / 周记 entry: one visit to one enterprise on one date by one or more cadres. */
struct Visit
{
    RecordMeta meta;
    QDate date;
    QList<RowId> cadreIds; ///< the first is the author
    RowId enterpriseId = 0;
    VisitKind kind = VisitKind::OnSite;
    std::array<CheckEntry, kAllCheckItems.size()> checklist{};
    QString summary;
    QDate nextVisitDate;
};

/** An issue category (问题类别), an editable list. */
struct Category
{
    RecordMeta meta;
    QString code;
    QString name;
    int defaultDueDays = 10; ///< working days from submission
    int sortOrder = 0;
};

/** A responsible department (承办部门) issues are transferred to. */
struct Department
{
    RecordMeta meta;
    QString name;
    int sortOrder = 0;
};

/** 问题诉求: a problem or demand raised in a visit. */
struct Issue
{
    RecordMeta meta;
    QString number; ///< human-readable, e.g. 2024-0123 (year of intake, sequence)
    std::optional<RowId> visitId;
    RowId enterpriseId = 0;
    RowId categoryId = 0;
    QString title;
    QString description;
    QString raisedBy; ///< empty: the enterprise itself; otherwise the worker's name
    RowId ownerId = 0;
    std::optional<RowId> departmentId;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
    QDate receivedOn;
    QDate dueDate;
    QDate closedOn;
    QDate pausedSince; ///< valid while the deadline clock is paused
};

/**
 * One step in an issue's life. Events are append-only (the database refuses updates and
 * deletes); the stage and outcome stored on the issue are what its events imply.
 */
struct IssueEvent
{
    RowId id = 0;
    QString uuid;
    RowId issueId = 0;
    int seq = 0;    ///< 1, 2, ... within the issue
    QString action; ///< record, explain, submit, transfer, return, feedback, confirm, reject, close, withdraw, reopen
    std::optional<Stage> fromStage;
    Stage toStage = Stage::Intake;
    Outcome outcome = Outcome::None;
    RowId actorId = 0;
    QDateTime occurredAt; ///< UTC
    QDate eventDate;      ///< the calendar date it happened in the district
    QString note;
    std::optional<RowId> departmentId;
    QDate dueDate;
    QString satisfaction;
    std::optional<RowId> meetingId; ///< the monthly exchange meeting that decided it, if one did
};

} // namespace yg
