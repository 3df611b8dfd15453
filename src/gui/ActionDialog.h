#pragma once

#include "domain/Lifecycle.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ActionDialog;
}

namespace yg {

/**
 * The small form of one lifecycle action: only the fields that action needs, checked
 * as the person types by the core's own rules (Lifecycle::refusal), the reason shown
 * under the fields, OK enabled only when the action would be accepted.
 */
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    ActionDialog(LifecycleAction action, const IssueState& state, const ActorContext& actor,
                 const QList<Department>& departments, const WorkCalendar& calendar, int defaultDueDays,
                 QWidget* parent = nullptr);
    ~ActionDialog() override;

    ActionInput input() const;
    /** Why the action would be refused now; empty when OK is enabled. */
    QString problem() const;

    void setNote(const QString& note);
    void setDepartment(RowId departmentId);
    void setDate(QDate date);

private:
    void revalidate();

    std::unique_ptr<Ui::ActionDialog> m_ui;
    LifecycleAction m_action;
    IssueState m_state;
    ActorContext m_actor;
    WorkCalendar m_calendar;
    int m_defaultDueDays;
};

} // namespace yg
