#include "Enums.h"

#include <QCoreApplication>

namespace yg {

namespace {

struct Entry
{
    const char* key;
    const char* name; ///< English source text, translated in context "yg::Domain"
};

// Index i of each table is the enum value i.
constexpr Entry kRoles[] = {{"cadre", QT_TRANSLATE_NOOP("yg::Domain", "Cadre")},
                            {"supervisor", QT_TRANSLATE_NOOP("yg::Domain", "Supervisor")},
                            {"staff", QT_TRANSLATE_NOOP("yg::Domain", "Staff")},
                            {"admin", QT_TRANSLATE_NOOP("yg::Domain", "Administrator")}};
constexpr Entry kUnionStatuses[] = {{"none", QT_TRANSLATE_NOOP("yg::Domain", "No union")},
                                    {"building", QT_TRANSLATE_NOOP("yg::Domain", "Union being set up")},
                                    {"established", QT_TRANSLATE_NOOP("yg::Domain", "Union established")}};
constexpr Entry kVisitKinds[] = {{"on_site", QT_TRANSLATE_NOOP("yg::Domain", "On-site visit")},
                                 {"workshop_talk", QT_TRANSLATE_NOOP("yg::Domain", "Workshop talk with workers")},
                                 {"phone_follow_up", QT_TRANSLATE_NOOP("yg::Domain", "Phone follow-up")},
                                 {"policy_briefing", QT_TRANSLATE_NOOP("yg::Domain", "Policy briefing session")},
                                 {"mediation", QT_TRANSLATE_NOOP("yg::Domain", "Mediation")}};
constexpr Entry kCheckStates[] = {{"not_checked", QT_TRANSLATE_NOOP("yg::Domain", "Not checked")},
                                  {"fine", QT_TRANSLATE_NOOP("yg::Domain", "Fine")},
                                  {"concern", QT_TRANSLATE_NOOP("yg::Domain", "Concern")}};
constexpr Entry kCheckItems[] = {
    {"worker_spirit", QT_TRANSLATE_NOOP("yg::Domain", "Workers in good spirits")},
    {"union_vitality", QT_TRANSLATE_NOOP("yg::Domain", "Grassroots union active")},
    {"lawful_employment", QT_TRANSLATE_NOOP("yg::Domain", "Employment lawful and orderly")},
    {"support_measures", QT_TRANSLATE_NOOP("yg::Domain", "Support measures in place")},
    {"rights_protection", QT_TRANSLATE_NOOP("yg::Domain", "Rights and interests protected")}};
constexpr Entry kStages[] = {{"intake", QT_TRANSLATE_NOOP("yg::Domain", "Intake")},
                             {"consultation", QT_TRANSLATE_NOOP("yg::Domain", "Consultation")},
                             {"follow_up", QT_TRANSLATE_NOOP("yg::Domain", "Follow-up")},
                             {"closed", QT_TRANSLATE_NOOP("yg::Domain", "Closed")}};
constexpr Entry kOutcomes[] = {{"", QT_TRANSLATE_NOOP("yg::Domain", "Open")},
                               {"resolved", QT_TRANSLATE_NOOP("yg::Domain", "Resolved")},
                               {"unresolved", QT_TRANSLATE_NOOP("yg::Domain", "Closed unresolved")},
                               {"withdrawn", QT_TRANSLATE_NOOP("yg::Domain", "Withdrawn")}};

template<typename E, std::size_t N> QString keyOf(const Entry (&table)[N], E v)
{
    const auto i = static_cast<std::size_t>(v);
    return i < N ? QString(QLatin1String(table[i].key)) : QString();
}

template<typename E, std::size_t N> QString nameOf(const Entry (&table)[N], E v)
{
    const auto i = static_cast<std::size_t>(v);
    return i < N ? QCoreApplication::translate("yg::Domain", table[i].name) : QString();
}

template<typename E, std::size_t N> std::optional<E> parse(const Entry (&table)[N], const QString& key)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (key == QLatin1String(table[i].key))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

} // namespace

QString toKey(Role v)
{
    return keyOf(kRoles, v);
}
QString toKey(UnionStatus v)
{
    return keyOf(kUnionStatuses, v);
}
QString toKey(VisitKind v)
{
    return keyOf(kVisitKinds, v);
}
QString toKey(CheckState v)
{
    return keyOf(kCheckStates, v);
}
QString toKey(CheckItem v)
{
    return keyOf(kCheckItems, v);
}
QString toKey(Stage v)
{
    return keyOf(kStages, v);
}
QString toKey(Outcome v)
{
    return keyOf(kOutcomes, v);
}

QString displayName(Role v)
{
    return nameOf(kRoles, v);
}
QString displayName(UnionStatus v)
{
    return nameOf(kUnionStatuses, v);
}
QString displayName(VisitKind v)
{
    return nameOf(kVisitKinds, v);
}
QString displayName(CheckState v)
{
    return nameOf(kCheckStates, v);
}
QString displayName(CheckItem v)
{
    return nameOf(kCheckItems, v);
}
QString displayName(Stage v)
{
    return nameOf(kStages, v);
}
QString displayName(Outcome v)
{
    return nameOf(kOutcomes, v);
}

QString stageText(Stage stage, Outcome outcome)
{
    return stage == Stage::Closed ? displayName(outcome) : displayName(stage);
}

template<> std::optional<Role> fromKey<Role>(const QString& key)
{
    return parse<Role>(kRoles, key);
}
template<> std::optional<UnionStatus> fromKey<UnionStatus>(const QString& key)
{
    return parse<UnionStatus>(kUnionStatuses, key);
}
template<> std::optional<VisitKind> fromKey<VisitKind>(const QString& key)
{
    return parse<VisitKind>(kVisitKinds, key);
}
template<> std::optional<CheckState> fromKey<CheckState>(const QString& key)
{
    return parse<CheckState>(kCheckStates, key);
}
template<> std::optional<CheckItem> fromKey<CheckItem>(const QString& key)
{
    return parse<CheckItem>(kCheckItems, key);
}
template<> std::optional<Stage> fromKey<Stage>(const QString& key)
{
    return parse<Stage>(kStages, key);
}
template<> std::optional<Outcome> fromKey<Outcome>(const QString& key)
{
    return parse<Outcome>(kOutcomes, key);
}

} // namespace yg
