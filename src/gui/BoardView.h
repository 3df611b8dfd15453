#pragma once

#include "domain/Board.h"
#include "services/BoardService.h"
#include "storage/BoardQueries.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <array>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QVBoxLayout;
class QFrame;

namespace yg {

class ActionDialog;
class BoardColumnModel;
class Database;

/**
 * The monthly issue board (看板): four columns of cards (intake, consultation, follow-up,
 * closed this month), a filter bar whose items show how many cards each value would give,
 * saved named filter sets, and moves by drag and drop, by Ctrl+Left / Ctrl+Right or by the
 * context menu's "Move to". Every move goes the one way: BoardService::moveOptions → (which
 * action, if several) → ActionDialog → BoardService::move; a refused move leaves the card
 * where it was and says why in the message bar above the columns.
 */
class BoardView : public QWidget
{
    Q_OBJECT

public:
    BoardView(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~BoardView() override;

    /**
     * The slot at the top of the board for the shared-need alert banner (mounted by the main
     * window); the board takes ownership. nullptr removes the current one.
     */
    void setAlertBanner(QWidget* banner);
    QWidget* alertBanner() const { return m_alertBanner; }

    BoardFilter filter() const { return m_filter; }
    void setFilter(const BoardFilter& filter);
    /**
     * Reloads cards and counts from the database on a worker thread (its own read-only
     * connection): a province's open issues take most of a second. Asked again while one
     * runs, one more follows it.
     */
    void refresh();
    /** Tests and screenshots: waits until the board shows the database (false on timeout). */
    bool waitForBoard(int timeoutMs = 10000);

    BoardColumnModel* columnModel(BoardColumn column) const;
    QListView* columnView(BoardColumn column) const;
    /** The header text of a column, with its count. */
    QString columnTitle(BoardColumn column) const;
    /** The message bar's text (empty when hidden). */
    QString message() const;

    /**
     * Asks for the move of a card to a column: the path of a drop, the keyboard and the
     * context menu. Returns true when the action was done.
     */
    bool requestMove(RowId issueId, BoardColumn to);
    /**
     * Ctrl+Left / Ctrl+Right: moves the selected card of a column to the nearest column on that
     * side (-1 left, +1 right) it can go to; the other moves are in the context menu ("Move to").
     */
    bool moveSelected(BoardColumn column, int direction);

    /** Tests: fill and accept the action form instead of showing it (return false to cancel). */
    void setFormHook(std::function<bool(ActionDialog&)> hook) { m_formHook = std::move(hook); }
    /** Tests: choose among several actions instead of the pop-up menu. */
    void setActionChooser(std::function<std::optional<LifecycleAction>(const QList<LifecycleAction>&)> chooser)
    {
        m_chooser = std::move(chooser);
    }

signals:
    void openIssueRequested(RowId issueId);
    /** An issue was moved (the other pages may reload). */
    void issueChanged(RowId issueId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildFilterBar(QVBoxLayout* layout);
    void readFilterFromCombos();
    /** What a reload read on the worker thread. */
    struct Load
    {
        BoardScope scope;
        std::array<QList<BoardCard>, 4> columns;
        std::map<BoardFacet, QList<FacetCount>> facets;
        QString error;
    };
    void present(Load load);
    void fillCombos(const BoardScope& scope, const std::map<BoardFacet, QList<FacetCount>>& facets);
    void reloadSavedSets(const QString& select = {});
    void saveCurrentSet();
    void renameCurrentSet();
    void deleteCurrentSet();
    void applySavedSet(int index);
    void showMessage(const QString& text);
    void hideMessage();
    void showContextMenu(BoardColumn column, const QPoint& pos);
    std::optional<LifecycleAction> chooseAction(const QList<LifecycleAction>& actions);

    Database& m_db;
    RowId m_actorId;
    BoardFilter m_filter;
    bool m_filling = false;

    QVBoxLayout* m_alertLayout = nullptr;
    QWidget* m_alertBanner = nullptr;
    QComboBox* m_monthCombo = nullptr;
    QComboBox* m_groupCombo = nullptr;
    QComboBox* m_townCombo = nullptr;
    QComboBox* m_ownerCombo = nullptr;
    QComboBox* m_categoryCombo = nullptr;
    QComboBox* m_departmentCombo = nullptr;
    QComboBox* m_escalationCombo = nullptr;
    QComboBox* m_savedCombo = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_renameButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QFrame* m_messageFrame = nullptr;
    QLabel* m_messageLabel = nullptr;
    std::array<QLabel*, 4> m_headers{};
    std::array<QListView*, 4> m_views{};
    std::array<BoardColumnModel*, 4> m_models{};
    QThreadPool m_pool;
    QFutureWatcher<Load> m_watcher;
    bool m_loading = false;
    bool m_again = false;
    /** A card just moved: selected in its new column once the board shows it there. */
    std::optional<std::pair<RowId, BoardColumn>> m_follow;
    std::function<bool(ActionDialog&)> m_formHook;
    std::function<std::optional<LifecycleAction>(const QList<LifecycleAction>&)> m_chooser;
};

} // namespace yg
