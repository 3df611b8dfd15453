#pragma once

#include "domain/Entities.h"
#include "services/VisitService.h"

#include <QDialog>
#include <QFrame>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUndoCommand>

#include <array>
#include <functional>
#include <memory>

class QComboBox;
class QCompleter;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStandardItemModel;
class QUndoStack;

namespace Ui {
class VisitForm;
}

namespace yg {

class Database;

/** One issue raised during the visit, as a row of the journal form. */
class IssueRowWidget : public QFrame
{
    Q_OBJECT

public:
    IssueRowWidget(const QList<Category>& categories, QWidget* parent = nullptr);

    RaisedIssue value() const;
    void setValue(const RaisedIssue& issue);
    /** Plain-word problems of this row; also shown in the row. */
    QStringList validate(QDate visitDate);
    /** The due date a submission gets by default (the category's working days from the visit). */
    void setDefaultDue(const std::function<QDate(RowId categoryId)>& defaultDue) { m_defaultDue = defaultDue; }
    void updateDefaultDue();

    QComboBox* categoryComboBox = nullptr;
    QLineEdit* titleLineEdit = nullptr;
    QLineEdit* raisedByLineEdit = nullptr;
    QPlainTextEdit* descriptionEdit = nullptr;
    QComboBox* dispositionComboBox = nullptr;
    QLineEdit* explanationLineEdit = nullptr;
    QDateEdit* dueDateEdit = nullptr;
    QLabel* errorLabel = nullptr;

signals:
    void changed();
    void removeRequested(IssueRowWidget* row);

private:
    void updateDispositionFields();
    std::function<QDate(RowId)> m_defaultDue;
    bool m_dueTouched = false;
};

/**
 * The journal entry form (周记): a visit with its five-point checklist and the issues
 * raised during it, saved together through VisitService in one transaction. Validation
 * is shown next to each field and Save stays disabled until the form is valid. The
 * content is kept continuously in a draft file (QSaveFile, a couple of seconds after a
 * change and on close) and restored the next time the same form opens; saving or
 * discarding deletes it. Saving an edit of a stored visit pushes an undoable command.
 */
class VisitEditor : public QDialog
{
    Q_OBJECT

public:
    /** A new visit (visitId 0, optionally for an enterprise) or an existing one. */
    VisitEditor(Database& db, RowId actorId, RowId visitId, QWidget* parent = nullptr, RowId enterpriseId = 0);
    ~VisitEditor() override;

    RowId visitId() const { return m_visitId; }
    bool isReadOnly() const { return m_readOnly; }
    /** The plain-word problems that keep Save disabled (empty: valid). */
    QStringList problems() const { return m_problems; }
    /** Saves the visit and its new issues; false (message shown in the form) if refused. */
    bool save();
    QString lastError() const;

    void chooseEnterprise(RowId enterpriseId);
    void addCompanion(RowId cadreId);
    IssueRowWidget* addIssueRow();
    QList<IssueRowWidget*> issueRows() const;
    QCompleter* enterpriseCompleter() const { return m_enterpriseCompleter; }
    QCompleter* companionCompleter() const { return m_companionCompleter; }

    /** Undo stack that receives "edit visit" commands (the main window's). */
    void setUndoStack(QUndoStack* stack, std::function<void(const QString&)> onUndoError = {})
    {
        m_undoStack = stack;
        m_onUndoError = std::move(onUndoError);
    }

    /** The draft file of this form (per database, user and visit). */
    QString draftPath() const;
    static QString draftPathFor(const QString& databasePath, RowId actorId, RowId visitId);
    /** Whether a change is waiting to be written to the draft (at most a couple of seconds). */
    bool draftPending() const { return m_draftTimer.isActive(); }
    /** Writes the draft now (only if something was changed). */
    void writeDraft();
    void discardDraft();
    /** Whether this form started from a draft left by an earlier session. */
    bool restoredFromDraft() const { return m_restoredFromDraft; }
    /** The visits (0 for a new one) with a draft left for this database and user. */
    static QList<RowId> pendingDrafts(const QString& databasePath, RowId actorId);

signals:
    void saved(RowId visitId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildChecklist();
    void populateKinds();
    void loadVisit();
    void fillFrom(const Visit& visit);
    Visit currentVisit() const;
    void markChanged();
    void validate();
    void setReadOnly(const QString& why);
    void searchEnterprises();
    void searchCadres();
    void showEnterprise(RowId id);
    void refreshCompanions();
    QJsonObject toJson() const;
    void fromJson(const QJsonObject& o);
    bool restoreDraftIfAny();
    void removeIssueRow(IssueRowWidget* row);

    std::unique_ptr<Ui::VisitForm> m_ui;
    Database& m_db;
    Cadre m_actor;
    RowId m_visitId = 0;
    Visit m_stored; ///< as loaded (an edit) — the "before" of the undo command
    RowId m_enterpriseId = 0;
    QString m_enterpriseName;
    QList<RowId> m_companions;
    QList<Category> m_categories;
    std::array<QComboBox*, 5> m_checkStates{};
    std::array<QLineEdit*, 5> m_checkNotes{};
    QCompleter* m_enterpriseCompleter = nullptr;
    QStandardItemModel* m_enterpriseMatches = nullptr;
    QCompleter* m_companionCompleter = nullptr;
    QStandardItemModel* m_cadreMatches = nullptr;
    QTimer m_enterpriseSearchTimer;
    QTimer m_cadreSearchTimer;
    QTimer m_draftTimer;
    QPointer<QUndoStack> m_undoStack;
    std::function<void(const QString&)> m_onUndoError;
    QStringList m_problems;
    bool m_readOnly = false;
    bool m_loading = false;
    bool m_dirty = false;
    bool m_restoredFromDraft = false;
    /** The version of the visit the restored draft was typed against (0: none). */
    int m_draftBaseVersion = 0;
};

/**
 * Saving an edited visit, undoable (Tiled-style: old and new values, one write path).
 * Undo writes the previous content back through VisitService at the version this
 * command last wrote, so if someone changed the visit since, the undo is refused with
 * "changed by X at T", reported, and the command leaves the stack.
 */
class VisitEditCommand : public QUndoCommand
{
public:
    VisitEditCommand(Database& db, RowId actorId, Visit before, Visit after,
                     std::function<void(const QString&)> onError = {});
    void undo() override;
    void redo() override;
    QString lastError() const { return m_error; }

private:
    void write(const Visit& content);

    Database& m_db;
    RowId m_actorId;
    Visit m_before;
    Visit m_after;
    int m_version;
    bool m_firstRedo = true;
    QString m_error;
    std::function<void(const QString&)> m_onError;
};

} // namespace yg
