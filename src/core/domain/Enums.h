#pragma once

#include <QString>

#include <array>
#include <optional>

namespace yg {

/**
 * The closed vocabularies of the domain. Each value has a stable key (stored in the
 * database and used in files and on the command line, never translated) and a display
 * name (translated; Chinese on a Chinese locale).
 */
enum class Role
{
    Cadre,
    Supervisor,
    Staff,
    Admin
};
enum class UnionStatus
{
    None,
    Building,
    Established
};
enum class VisitKind
{
    OnSite,
    WorkshopTalk,
    PhoneFollowUp,
    PolicyBriefing,
    Mediation
};
enum class CheckState
{
    NotChecked,
    Fine,
    Concern
};
/** The cadres' five-point checklist for every visit (DOMAIN.md, "What a visit looks at"). */
enum class CheckItem
{
    WorkerSpirit,
    UnionVitality,
    LawfulEmployment,
    SupportMeasures,
    RightsProtection
};
/** Lifecycle stages 接诊 → 会诊 → 回访 → closed. */
enum class Stage
{
    Intake,
    Consultation,
    FollowUp,
    Closed
};
enum class Outcome
{
    None,
    Resolved,
    Unresolved,
    Withdrawn
};

inline constexpr std::array kAllRoles{Role::Cadre, Role::Supervisor, Role::Staff, Role::Admin};
inline constexpr std::array kAllUnionStatuses{UnionStatus::None, UnionStatus::Building, UnionStatus::Established};
inline constexpr std::array kAllVisitKinds{VisitKind::OnSite, VisitKind::WorkshopTalk, VisitKind::PhoneFollowUp,
                                           VisitKind::PolicyBriefing, VisitKind::Mediation};
inline constexpr std::array kAllCheckStates{CheckState::NotChecked, CheckState::Fine, CheckState::Concern};
inline constexpr std::array kAllCheckItems{CheckItem::WorkerSpirit, CheckItem::UnionVitality,
                                           CheckItem::LawfulEmployment, CheckItem::SupportMeasures,
                                           CheckItem::RightsProtection};
inline constexpr std::array kAllStages{Stage::Intake, Stage::Consultation, Stage::FollowUp, Stage::Closed};
inline constexpr std::array kAllOutcomes{Outcome::None, Outcome::Resolved, Outcome::Unresolved, Outcome::Withdrawn};

QString toKey(Role v);
QString toKey(UnionStatus v);
QString toKey(VisitKind v);
QString toKey(CheckState v);
QString toKey(CheckItem v);
QString toKey(Stage v);
QString toKey(Outcome v);

QString displayName(Role v);
QString displayName(UnionStatus v);
QString displayName(VisitKind v);
QString displayName(CheckState v);
QString displayName(CheckItem v);
QString displayName(Stage v);
QString displayName(Outcome v);

/** What a person reads for an issue's position: the stage, or the outcome once closed. */
QString stageText(Stage stage, Outcome outcome);

/** Parses a stored key; nullopt for anything unknown. */
template<typename E> std::optional<E> fromKey(const QString& key);

template<> std::optional<Role> fromKey<Role>(const QString& key);
template<> std::optional<UnionStatus> fromKey<UnionStatus>(const QString& key);
template<> std::optional<VisitKind> fromKey<VisitKind>(const QString& key);
template<> std::optional<CheckState> fromKey<CheckState>(const QString& key);
template<> std::optional<CheckItem> fromKey<CheckItem>(const QString& key);
template<> std::optional<Stage> fromKey<Stage>(const QString& key);
template<> std::optional<Outcome> fromKey<Outcome>(const QString& key);

} // namespace yg
