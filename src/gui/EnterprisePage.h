#pragma once

#include "domain/Entities.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace yg {

class Database;
class IssueTableModel;
class TimelineModel;

/**
 * One enterprise: its registry entry, its key-enterprise coverage for the current quarter
 * and year (visits by anyone: coverage is a district figure), its open issues and the
 * timeline of its visits and issues, newest first, fetched in windows. The issues and
 * visits shown are those the signed-in person may see.
 */
class EnterprisePage : public QWidget
{
    Q_OBJECT

public:
    EnterprisePage(Database& db, RowId actorId, RowId enterpriseId, QWidget* parent = nullptr);

    RowId enterpriseId() const { return m_enterpriseId; }
    IssueTableModel* openIssuesModel() const { return m_issueModel; }
    TimelineModel* timelineModel() const { return m_timelineModel; }
    QString coverageText() const;

public slots:
    void refresh();

signals:
    void openVisitRequested(RowId visitId);
    void openIssueRequested(RowId issueId);

private:
    void showEnterprise();
    void edit();

    Database& m_db;
    RowId m_actorId;
    RowId m_enterpriseId;
    Cadre m_actor;
    QLabel* m_titleLabel = nullptr;
    QLabel* m_detailsLabel = nullptr;
    QLabel* m_coverageLabel = nullptr;
    QLabel* m_issuesLabel = nullptr;
    QLabel* m_timelineLabel = nullptr;
    QPushButton* m_editButton = nullptr;
    QTableView* m_issueTable = nullptr;
    QTableView* m_timelineTable = nullptr;
    IssueTableModel* m_issueModel = nullptr;
    TimelineModel* m_timelineModel = nullptr;
};

} // namespace yg
