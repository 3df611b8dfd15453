#include "Meeting.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace yg {

namespace {

struct Entry
{
    const char* key;
    const char* name;
};

constexpr Entry kReasons[] = {
    {"new", QT_TRANSLATE_NOOP("yg::Meeting", "New this month")},
    {"resolved", QT_TRANSLATE_NOOP("yg::Meeting", "Resolved this month")},
    {"long_consultation", QT_TRANSLATE_NOOP("yg::Meeting", "Long in consultation")},
    {"overdue", QT_TRANSLATE_NOOP("yg::Meeting", "Overdue")},
    {"escalated", QT_TRANSLATE_NOOP("yg::Meeting", "Escalated to a talk")},
    {"returned", QT_TRANSLATE_NOOP("yg::Meeting", "Returned by a department")},
    {"added", QT_TRANSLATE_NOOP("yg::Meeting", "Added to the agenda")},
};

constexpr Entry kDecisions[] = {
    {"", QT_TRANSLATE_NOOP("yg::Meeting", "No decision")},
    {"transfer", QT_TRANSLATE_NOOP("yg::Meeting", "Transfer to a department")},
    {"reschedule", QT_TRANSLATE_NOOP("yg::Meeting", "New due date")},
    {"note", QT_TRANSLATE_NOOP("yg::Meeting", "Note")},
};

} // namespace

QString toKey(AgendaReason r)
{
    return QLatin1String(kReasons[static_cast<int>(r)].key);
}

QString displayName(AgendaReason r)
{
    return QCoreApplication::translate("yg::Meeting", kReasons[static_cast<int>(r)].name);
}

template<> std::optional<AgendaReason> fromKey<AgendaReason>(const QString& key)
{
    for (std::size_t i = 0; i < std::size(kReasons); ++i) {
        if (key == QLatin1String(kReasons[i].key))
            return static_cast<AgendaReason>(i);
    }
    return std::nullopt;
}

QString reasonsKey(const QList<AgendaReason>& reasons)
{
    QStringList keys;
    for (AgendaReason r : kAllAgendaReasons) {
        if (reasons.contains(r))
            keys << toKey(r);
    }
    return keys.join(QLatin1Char(','));
}

QList<AgendaReason> reasonsFromKey(const QString& key)
{
    QList<AgendaReason> out;
    for (const QString& k : key.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto r = fromKey<AgendaReason>(k.trimmed()); r && !out.contains(*r))
            out << *r;
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString reasonsText(const QList<AgendaReason>& reasons)
{
    QStringList names;
    for (AgendaReason r : reasons)
        names << displayName(r);
    return names.join(QStringLiteral("、"));
}

QString toKey(MeetingDecision d)
{
    return QLatin1String(kDecisions[static_cast<int>(d)].key);
}

QString displayName(MeetingDecision d)
{
    return QCoreApplication::translate("yg::Meeting", kDecisions[static_cast<int>(d)].name);
}

template<> std::optional<MeetingDecision> fromKey<MeetingDecision>(const QString& key)
{
    for (std::size_t i = 0; i < std::size(kDecisions); ++i) {
        if (key == QLatin1String(kDecisions[i].key))
            return static_cast<MeetingDecision>(i);
    }
    return std::nullopt;
}

QString decisionText(const AgendaItem& item)
{
    QString text;
    switch (item.decision) {
    case MeetingDecision::None:
        return {};
    case MeetingDecision::Transfer:
        text = item.dueDate.isValid()
                   ? QCoreApplication::translate("yg::Meeting", "Transfer to %1, due %2")
                         .arg(item.department, item.dueDate.toString(Qt::ISODate))
                   : QCoreApplication::translate("yg::Meeting", "Transfer to %1").arg(item.department);
        break;
    case MeetingDecision::Reschedule:
        text = QCoreApplication::translate("yg::Meeting", "New due date %1").arg(item.dueDate.toString(Qt::ISODate));
        break;
    case MeetingDecision::Note:
        text = displayName(MeetingDecision::Note);
        break;
    }
    if (!item.note.trimmed().isEmpty())
        text += QStringLiteral("：") + item.note.trimmed();
    return text;
}

} // namespace yg
