#pragma once

#include "services/SharedNeedService.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace yg {

class Database;

/**
 * 专场解读会: plans a policy briefing from a shared-need alert (date, host enterprise, the
 * cadres, summary; linked to all the alert's enterprises and issues) and then applies its
 * outcome to the linked issues together: each issue its own lifecycle step (explain,
 * feedback or confirm by its stage), the ones the rules refuse shown with the reason and
 * left out by unticking them. All writes go through SharedNeedService.
 */
class BriefingDialog : public QDialog
{
    Q_OBJECT

public:
    /** Plans a briefing for this alert, then offers to apply its outcome. */
    BriefingDialog(Database& db, const Cadre& actor, const SharedNeedAlert& alert, QWidget* parent = nullptr);
    /** Applies the outcome of a planned briefing visit. */
    BriefingDialog(Database& db, const Cadre& actor, RowId visitId, QWidget* parent = nullptr);

    QDateEdit* dateEdit() const { return m_date; }
    QComboBox* hostComboBox() const { return m_host; }
    QPlainTextEdit* summaryEdit() const { return m_summary; }
    QListWidget* companionsList() const { return m_companions; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QTableWidget* outcomeTable() const { return m_outcome; }
    QLabel* errorLabel() const { return m_error; }
    /** The briefing visit once planned (0 before). */
    RowId visitId() const { return m_visitId; }

    /** Plans the briefing from the form; false (message shown) if refused. */
    bool plan();
    /** Applies the outcome to the ticked issues; false (message shown) if refused. */
    bool applyOutcome();
    /** Recomputes what the outcome would do to each linked issue. */
    void preview();

signals:
    /** A briefing was planned or its outcome applied (lists should refresh). */
    void changed();

private:
    void build();
    void showOutcomePage();

    Database& m_db;
    Cadre m_actor;
    SharedNeedAlert m_alert;
    RowId m_visitId = 0;
    QStackedWidget* m_pages = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_host = nullptr;
    QListWidget* m_companions = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QLabel* m_invited = nullptr;
    QPushButton* m_planButton = nullptr;
    QLabel* m_briefingLabel = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QComboBox* m_satisfaction = nullptr;
    QTableWidget* m_outcome = nullptr;
    QPushButton* m_applyButton = nullptr;
    QLabel* m_error = nullptr;
    QList<BriefingOutcomeLine> m_lines;
};

} // namespace yg
