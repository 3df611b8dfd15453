#pragma once

#include "services/SearchService.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTextBrowser;
class QUrl;

namespace yg {

class Database;

/**
 * 搜索: one search box across enterprises, visits and issues. Results come grouped by
 * kind, SearchService::kGroupSize at a time with "more" for the next ones, each with its
 * matches in bold in a snippet; only the visits and issues the person may see. Clicking a
 * result asks the main window to open it (Ctrl+F in the main window focuses the box).
 */
class SearchView : public QWidget
{
    Q_OBJECT

public:
    SearchView(Database& db, RowId actorId, QWidget* parent = nullptr);

    /** Puts the text in the box and searches at once. */
    void setQuery(const QString& query);
    QString query() const;
    QLineEdit* searchEdit() const { return m_edit; }
    QTextBrowser* resultsBrowser() const { return m_results; }
    const QList<SearchService::Group>& groups() const { return m_groups; }
    /** Loads the next results of one group. */
    void showMore(SearchKind kind);
    /** Opens a result as if it was clicked. */
    void openResult(SearchKind kind, RowId id);

public slots:
    /** Runs the search again (after data changed). */
    void refresh();

signals:
    void openEnterpriseRequested(RowId enterpriseId);
    void openVisitRequested(RowId visitId);
    void openIssueRequested(RowId issueId);

private:
    void search();
    void render();
    void linkActivated(const QUrl& url);

    Database& m_db;
    Cadre m_actor;
    QLineEdit* m_edit = nullptr;
    QLabel* m_hintLabel = nullptr;
    QTextBrowser* m_results = nullptr;
    QTimer m_timer;
    QString m_query;
    QList<SearchService::Group> m_groups;
};

} // namespace yg
