#pragma once

#include "domain/Lifecycle.h"

#include <QDialog>

#include <functional>
#include <memory>

class QPushButton;

namespace Ui {
class IssueWindow;
}

namespace yg {

class Database;

/**
 * One issue: header (number, enterprise, category, owner, stage, due, escalation), the
 * description, the timeline of events (newest first, with actor and time) and a button
 * for exactly each action the rules allow the acting person now. Each button opens the
 * action's small form; the change goes through IssueService (one transaction). A
 * refusal, such as a change made elsewhere meanwhile, is shown in the window and the
 * issue is reloaded.
 */
class IssueWindow : public QDialog
{
    Q_OBJECT

public:
    IssueWindow(Database& db, RowId issueId, RowId actorId, QWidget* parent = nullptr);
    ~IssueWindow() override;

    /** Re-reads the issue and rebuilds header, timeline and buttons. */
    void reload();
    /** The action buttons shown now, in order. */
    QList<QPushButton*> actionButtons() const;
    /**
     * Performs an action as if its form had been accepted with `input`; returns false and
     * shows the reason when the core refuses it.
     */
    bool perform(const ActionInput& input);
    QString errorText() const;
    int seenVersion() const { return m_issue.meta.version; }

    /** Replaces the form for tests: called instead of exec() with the dialog to fill. */
    using FormHook = std::function<bool(class ActionDialog&)>;
    void setFormHook(FormHook hook) { m_formHook = std::move(hook); }

signals:
    void issueChanged(RowId issueId);

private:
    void openAction(LifecycleAction action);
    void showError(const QString& message);

    std::unique_ptr<Ui::IssueWindow> m_ui;
    Database& m_db;
    RowId m_issueId;
    RowId m_actorId;
    Issue m_issue;
    IssueState m_state;
    ActorContext m_actor;
    QList<QPushButton*> m_buttons;
    FormHook m_formHook;
};

} // namespace yg
