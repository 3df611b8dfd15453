#include "BoardView.h"

#include "ActionDialog.h"
#include "BoardColumnModel.h"
#include "services/IssueService.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QCursor>
#include <QElapsedTimer>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

QColor escalationColor(Escalation e)
{
    switch (e) {
    case Escalation::Reminder:
        return QColor(0x1f, 0x6f, 0xb2); // blue
    case Escalation::Warning:
        return QColor(0xc7, 0x8a, 0x00); // amber
    case Escalation::Supervision:
        return QColor(0xd9, 0x4a, 0x1c); // orange-red
    case Escalation::Talk:
        return QColor(0x9b, 0x11, 0x1e); // dark red
    case Escalation::None:
        break;
    }
    return QColor(0xb0, 0xb0, 0xb0);
}

/** A shape per level, so the level reads without colour: ● reminder, ▲ warning, ■ supervision, ◆ talk. */
void paintEscalationMark(QPainter* p, const QRectF& r, Escalation e)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(escalationColor(e));
    QPainterPath path;
    switch (e) {
    case Escalation::Reminder:
        path.addEllipse(r);
        break;
    case Escalation::Warning:
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.bottomRight());
        path.lineTo(r.bottomLeft());
        path.closeSubpath();
        break;
    case Escalation::Supervision:
        path.addRect(r.adjusted(1, 1, -1, -1));
        break;
    case Escalation::Talk:
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.center().x(), r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
        break;
    case Escalation::None:
        break;
    }
    p->drawPath(path);
    p->restore();
}

/** Paints one card: number and escalation badge, enterprise, category · owner, age and due date. */
class BoardCardDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        const int line = option.fontMetrics.height();
        return {220, 4 * line + 22};
    }

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const auto* model = qobject_cast<const BoardColumnModel*>(index.model());
        if (!model)
            return;
        const BoardCard& c = model->card(index.row());
        p->save();
        const QRectF card = QRectF(option.rect).adjusted(4, 3, -4, -3);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette& pal = option.palette;
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 2 : 1));
        p->setBrush(pal.color(QPalette::Base));
        p->drawRoundedRect(card, 4, 4);
        // The escalation strip on the left edge (colour), repeated by a shape and a word (no colour needed).
        if (c.escalation != Escalation::None)
            p->fillRect(QRectF(card.left() + 1, card.top() + 1, 4, card.height() - 2), escalationColor(c.escalation));

        const QFontMetrics fm = option.fontMetrics;
        const int line = fm.height();
        QRectF text = card.adjusted(10, 5, -8, -5);
        QFont bold = option.font;
        bold.setBold(true);
        p->setPen(pal.color(QPalette::Text));
        p->setFont(bold);
        p->drawText(QRectF(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter, c.number);
        // Badge: shape + level name, right-aligned on the first line.
        QString badge;
        if (c.pausedSince.isValid() && c.stage != Stage::Closed)
            badge = QCoreApplication::translate("yg::BoardView", "paused");
        else if (c.escalation != Escalation::None)
            badge = displayName(c.escalation);
        else if (c.stage == Stage::Closed)
            badge = stageText(c.stage, c.outcome);
        if (!badge.isEmpty()) {
            const int w = QFontMetrics(bold).horizontalAdvance(badge);
            const QRectF badgeText(text.right() - w, text.top(), w, line);
            p->setPen(c.escalation != Escalation::None ? escalationColor(c.escalation) : pal.color(QPalette::Text));
            p->drawText(badgeText, Qt::AlignRight | Qt::AlignVCenter, badge);
            if (c.escalation != Escalation::None && !c.pausedSince.isValid()) {
                const qreal s = line * 0.6;
                paintEscalationMark(p, QRectF(badgeText.left() - s - 4, text.top() + (line - s) / 2, s, s),
                                    c.escalation);
            }
        }
        p->setFont(option.font);
        p->setPen(pal.color(QPalette::Text));
        auto row = [&](int n, const QString& s, const QColor& color) {
            p->setPen(color);
            p->drawText(QRectF(text.left(), text.top() + n * (line + 2), text.width(), line),
                        Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(s, Qt::ElideRight, int(text.width())));
        };
        row(1, c.enterprise, pal.color(QPalette::Text));
        row(2, QStringLiteral("%1 · %2").arg(c.category, c.owner), pal.color(QPalette::PlaceholderText));
        QString last;
        if (c.stage == Stage::Closed) {
            last = QCoreApplication::translate("yg::BoardView", "closed %1 · %2 working days")
                       .arg(c.closedOn.toString(Qt::ISODate))
                       .arg(c.ageDays);
        } else {
            last = QCoreApplication::translate("yg::BoardView", "%1 working days").arg(c.ageDays);
            if (c.dueDate.isValid())
                last += QStringLiteral(" · ") +
                        QCoreApplication::translate("yg::BoardView", "due %1").arg(c.dueDate.toString(Qt::ISODate));
        }
        row(3, last, pal.color(QPalette::PlaceholderText));
        p->restore();
    }
};

/** A level as the filter names it: "none" also holds closed and undated cards, so not "on time". */
QString levelName(Escalation e)
{
    return e == Escalation::None ? QCoreApplication::translate("yg::BoardView", "No escalation") : displayName(e);
}

QString withCount(const QString& label, int count)
{
    return QStringLiteral("%1 (%2)").arg(label).arg(count);
}

std::optional<RowId> comboKey(const QComboBox* combo)
{
    const QVariant v = combo->currentData();
    if (!v.isValid())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

BoardView::BoardView(Database& db, RowId actorId, QWidget* parent) : QWidget(parent), m_db(db), m_actorId(actorId)
{
    setObjectName(QStringLiteral("boardView"));
    auto* layout = new QVBoxLayout(this);
    m_alertLayout = new QVBoxLayout;
    m_alertLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_alertLayout);
    buildFilterBar(layout);

    m_messageFrame = new QFrame(this);
    m_messageFrame->setObjectName(QStringLiteral("boardMessageFrame"));
    m_messageFrame->setFrameShape(QFrame::StyledPanel);
    m_messageFrame->setStyleSheet(
        QStringLiteral("#boardMessageFrame { background: #fff4e5; border: 1px solid #e0a040; }"));
    auto* messageLayout = new QHBoxLayout(m_messageFrame);
    messageLayout->setContentsMargins(8, 4, 4, 4);
    m_messageLabel = new QLabel(m_messageFrame);
    m_messageLabel->setObjectName(QStringLiteral("boardMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLayout->addWidget(m_messageLabel, 1);
    auto* closeMessage = new QToolButton(m_messageFrame);
    closeMessage->setText(QStringLiteral("×"));
    closeMessage->setAutoRaise(true);
    closeMessage->setToolTip(tr("Hide this message"));
    connect(closeMessage, &QToolButton::clicked, this, &BoardView::hideMessage);
    messageLayout->addWidget(closeMessage);
    m_messageFrame->hide();
    layout->addWidget(m_messageFrame);

    auto* columns = new QHBoxLayout;
    for (BoardColumn column : kAllBoardColumns) {
        const int n = static_cast<int>(column);
        auto* box = new QVBoxLayout;
        m_headers[n] = new QLabel(this);
        m_headers[n]->setObjectName(QStringLiteral("boardHeader%1").arg(n));
        QFont f = m_headers[n]->font();
        f.setBold(true);
        m_headers[n]->setFont(f);
        box->addWidget(m_headers[n]);
        m_models[n] = new BoardColumnModel(column, this);
        m_views[n] = new QListView(this);
        m_views[n]->setObjectName(QStringLiteral("boardColumn%1").arg(n));
        m_views[n]->setModel(m_models[n]);
        m_views[n]->setItemDelegate(new BoardCardDelegate(m_views[n]));
        m_views[n]->setUniformItemSizes(true);
        m_views[n]->setSelectionMode(QAbstractItemView::SingleSelection);
        m_views[n]->setDragEnabled(true);
        m_views[n]->setAcceptDrops(true);
        m_views[n]->setDropIndicatorShown(true);
        m_views[n]->setDragDropMode(QAbstractItemView::DragDrop);
        m_views[n]->setDefaultDropAction(Qt::MoveAction);
        m_views[n]->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        m_views[n]->setContextMenuPolicy(Qt::CustomContextMenu);
        m_views[n]->setAccessibleName(displayName(column));
        box->addWidget(m_views[n], 1);
        columns->addLayout(box, 1);
        // A drop asks for the move once the drag has ended (the action form is modal).
        connect(
            m_models[n], &BoardColumnModel::moveRequested, this,
            [this](RowId id, BoardColumn to) { requestMove(id, to); }, Qt::QueuedConnection);
        connect(m_views[n], &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
            emit openIssueRequested(index.data(BoardColumnModel::IdRole).toLongLong());
        });
        connect(m_views[n], &QWidget::customContextMenuRequested, this,
                [this, column](const QPoint& pos) { showContextMenu(column, pos); });
        m_views[n]->installEventFilter(this); // Ctrl+Left / Ctrl+Right move the selected card
    }
    layout->addLayout(columns, 1);

    // Reloads run on one worker thread that keeps its read-only connection for the board's life.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    connect(&m_watcher, &QFutureWatcher<Load>::finished, this, [this] {
        present(m_watcher.result());
        m_loading = false;
        if (m_again)
            refresh();
    });
    reloadSavedSets();
    refresh();
}

BoardView::~BoardView()
{
    m_watcher.waitForFinished();
}

void BoardView::buildFilterBar(QVBoxLayout* layout)
{
    auto* bar = new QHBoxLayout;
    auto combo = [this, bar](const char* name, const QString& label) {
        auto* c = new QComboBox(this);
        c->setObjectName(QString::fromLatin1(name));
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        c->setMinimumContentsLength(10);
        c->setAccessibleName(label);
        c->setToolTip(label);
        bar->addWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (m_filling)
                return;
            readFilterFromCombos();
            // A filter changed by hand is no longer the saved set shown.
            if (m_savedCombo) {
                m_savedCombo->setCurrentIndex(0);
                m_renameButton->setEnabled(false);
                m_deleteButton->setEnabled(false);
            }
            refresh();
        });
        return c;
    };
    m_monthCombo = combo("monthComboBox", tr("Month of the closed column"));
    const QDate today = Clock::today();
    const QDate thisMonth(today.year(), today.month(), 1);
    m_filling = true;
    for (int back = 0; back < 36; ++back) {
        const QDate m = thisMonth.addMonths(-back);
        m_monthCombo->addItem(m.toString(QStringLiteral("yyyy-MM")), m);
    }
    m_filling = false;
    m_groupCombo = combo("groupComboBox", tr("Group"));
    m_townCombo = combo("townComboBox", tr("Town"));
    m_ownerCombo = combo("cadreComboBox", tr("Cadre"));
    m_categoryCombo = combo("categoryComboBox", tr("Category"));
    m_departmentCombo = combo("departmentComboBox", tr("Department"));
    m_escalationCombo = combo("escalationComboBox", tr("Escalation"));
    bar->addStretch(1);
    layout->addLayout(bar);
    bar = new QHBoxLayout;
    auto* savedLabel = new QLabel(tr("Saved filters:"), this);
    bar->addWidget(savedLabel);
    m_savedCombo = new QComboBox(this);
    m_savedCombo->setObjectName(QStringLiteral("savedFiltersComboBox"));
    m_savedCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_savedCombo->setMinimumContentsLength(8);
    savedLabel->setBuddy(m_savedCombo);
    bar->addWidget(m_savedCombo);
    connect(m_savedCombo, &QComboBox::activated, this, &BoardView::applySavedSet);
    m_saveButton = new QPushButton(tr("Save…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveFilterButton"));
    m_saveButton->setToolTip(tr("Save the current filters under a name"));
    m_renameButton = new QPushButton(tr("Rename…"), this);
    m_renameButton->setObjectName(QStringLiteral("renameFilterButton"));
    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteFilterButton"));
    for (QPushButton* b : {m_saveButton, m_renameButton, m_deleteButton})
        bar->addWidget(b);
    connect(m_saveButton, &QPushButton::clicked, this, &BoardView::saveCurrentSet);
    connect(m_renameButton, &QPushButton::clicked, this, &BoardView::renameCurrentSet);
    connect(m_deleteButton, &QPushButton::clicked, this, &BoardView::deleteCurrentSet);
    bar->addStretch(1);
    layout->addLayout(bar);
}

void BoardView::setAlertBanner(QWidget* banner)
{
    if (m_alertBanner == banner)
        return;
    delete m_alertBanner;
    m_alertBanner = banner;
    if (banner) {
        banner->setParent(this);
        m_alertLayout->addWidget(banner);
        banner->show();
    }
}

BoardColumnModel* BoardView::columnModel(BoardColumn column) const
{
    return m_models[static_cast<int>(column)];
}

QListView* BoardView::columnView(BoardColumn column) const
{
    return m_views[static_cast<int>(column)];
}

QString BoardView::columnTitle(BoardColumn column) const
{
    return m_headers[static_cast<int>(column)]->text();
}

QString BoardView::message() const
{
    return m_messageFrame->isHidden() ? QString() : m_messageLabel->text();
}

void BoardView::setFilter(const BoardFilter& filter)
{
    m_filter = filter;
    refresh();
}

void BoardView::readFilterFromCombos()
{
    m_filter.month = m_monthCombo->currentData().toDate();
    m_filter.groupId = comboKey(m_groupCombo);
    m_filter.townId = comboKey(m_townCombo);
    m_filter.ownerId = comboKey(m_ownerCombo);
    m_filter.categoryId = comboKey(m_categoryCombo);
    m_filter.departmentId = comboKey(m_departmentCombo);
    const auto level = comboKey(m_escalationCombo);
    m_filter.escalation = level ? std::optional(static_cast<Escalation>(*level)) : std::nullopt;
}

void BoardView::refresh()
{
    if (m_loading) {
        m_again = true; // one more when the running one is done: the filter or the data changed
        return;
    }
    m_loading = true;
    m_again = false;
    Database* database = &m_db;
    const RowId actor = m_actorId;
    const BoardFilter filter = m_filter;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [database, actor, filter] {
        Load load;
        try {
            load.scope = BoardService(*database).scope(actor, filter);
            BoardQueries queries(*database);
            load.columns = queries.allCards(load.scope, filter);
            load.facets = queries.allFacetCounts(load.scope, filter);
        } catch (const Error& e) {
            load.error = e.message();
        } catch (const std::exception& e) {
            spdlog::error("the board could not be loaded: {}", e.what());
            load.error =
                QCoreApplication::translate("yg::BoardView", "The board could not be loaded; the log file says why.");
        }
        return load;
    }));
}

bool BoardView::waitForBoard(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while ((m_loading || m_again) && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_loading && !m_again;
}

void BoardView::present(Load load)
{
    if (!load.error.isEmpty()) {
        showMessage(load.error);
        return;
    }
    for (BoardColumn column : kAllBoardColumns) {
        const int n = static_cast<int>(column);
        // Keep the selected card selected across the reload.
        const QModelIndex current = m_views[n]->currentIndex();
        const RowId selected = current.isValid() ? current.data(BoardColumnModel::IdRole).toLongLong() : 0;
        m_models[n]->setCards(std::move(load.columns[n]));
        if (const int row = m_models[n]->rowOf(selected); row >= 0)
            m_views[n]->setCurrentIndex(m_models[n]->index(row));
        m_headers[n]->setText(withCount(displayName(column), m_models[n]->rowCount()));
    }
    fillCombos(load.scope, load.facets);
    if (m_follow) {
        // Follow a moved card: select it in its new column so the keyboard can move it on.
        const auto [issueId, to] = *m_follow;
        m_follow.reset();
        if (const int row = columnModel(to)->rowOf(issueId); row >= 0) {
            columnView(to)->setCurrentIndex(columnModel(to)->index(row));
            columnView(to)->setFocus();
        }
    }
}

void BoardView::fillCombos(const BoardScope& scope, const std::map<BoardFacet, QList<FacetCount>>& facets)
{
    m_filling = true;
    const int monthRow = m_monthCombo->findData(
        m_filter.month.isValid() ? QDate(m_filter.month.year(), m_filter.month.month(), 1) : QDate(scope.monthFirst));
    m_monthCombo->setCurrentIndex(std::max(monthRow, 0));
    auto fill = [&](QComboBox* combo, BoardFacet facet, const QString& all, const std::optional<RowId>& selected) {
        const QList<FacetCount>& counts = facets.at(facet);
        int total = 0;
        for (const FacetCount& c : counts)
            total += c.count;
        combo->clear();
        combo->addItem(withCount(all, total));
        for (const FacetCount& c : counts) {
            if (!c.key)
                continue; // "no department" is counted in the total but is not a filter
            const QString label =
                facet == BoardFacet::Escalation ? levelName(static_cast<Escalation>(*c.key)) : c.label;
            combo->addItem(withCount(label, c.count), QVariant::fromValue<qint64>(*c.key));
        }
        if (selected) {
            int row = combo->findData(QVariant::fromValue<qint64>(*selected));
            if (row < 0) { // chosen but nothing left with the other filters: still shown, with 0
                const QString label =
                    facet == BoardFacet::Escalation ? levelName(static_cast<Escalation>(*selected)) : tr("(chosen)");
                combo->addItem(withCount(label, 0), QVariant::fromValue<qint64>(*selected));
                row = combo->count() - 1;
            }
            combo->setCurrentIndex(row);
        }
    };
    fill(m_groupCombo, BoardFacet::Group, tr("All groups"), m_filter.groupId);
    fill(m_townCombo, BoardFacet::Town, tr("All towns"), m_filter.townId);
    fill(m_ownerCombo, BoardFacet::Owner, tr("All cadres"), m_filter.ownerId);
    fill(m_categoryCombo, BoardFacet::Category, tr("All categories"), m_filter.categoryId);
    fill(m_departmentCombo, BoardFacet::Department, tr("All departments"), m_filter.departmentId);
    fill(m_escalationCombo, BoardFacet::Escalation, tr("All levels"),
         m_filter.escalation ? std::optional<RowId>(static_cast<RowId>(*m_filter.escalation)) : std::nullopt);
    m_filling = false;
}

void BoardView::reloadSavedSets(const QString& select)
{
    m_savedCombo->clear();
    m_savedCombo->addItem(tr("(none)"));
    for (const SavedBoardFilter& s : BoardService(m_db).filterSets(m_actorId))
        m_savedCombo->addItem(s.name, s.name);
    const int row = select.isEmpty() ? 0 : m_savedCombo->findData(select);
    m_savedCombo->setCurrentIndex(std::max(row, 0));
    const bool chosen = m_savedCombo->currentIndex() > 0;
    m_renameButton->setEnabled(chosen);
    m_deleteButton->setEnabled(chosen);
}

void BoardView::applySavedSet(int index)
{
    const bool chosen = index > 0;
    m_renameButton->setEnabled(chosen);
    m_deleteButton->setEnabled(chosen);
    if (!chosen)
        return;
    const QString name = m_savedCombo->itemData(index).toString();
    for (const SavedBoardFilter& s : BoardService(m_db).filterSets(m_actorId)) {
        if (s.name == name) {
            setFilter(s.filter);
            return;
        }
    }
}

void BoardView::saveCurrentSet()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save filters"), tr("Name of this filter set:"),
                                               QLineEdit::Normal, m_savedCombo->currentData().toString(), &ok);
    if (!ok)
        return;
    try {
        BoardService(m_db).saveFilterSet(m_actorId, name, m_filter);
        reloadSavedSets(name.trimmed());
        hideMessage();
    } catch (const Error& e) {
        showMessage(e.message());
    }
}

void BoardView::renameCurrentSet()
{
    const QString old = m_savedCombo->currentData().toString();
    if (old.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename filter set"), tr("New name:"), QLineEdit::Normal, old, &ok);
    if (!ok)
        return;
    try {
        BoardService(m_db).renameFilterSet(m_actorId, old, name);
        reloadSavedSets(name.trimmed());
        hideMessage();
    } catch (const Error& e) {
        showMessage(e.message());
    }
}

void BoardView::deleteCurrentSet()
{
    const QString name = m_savedCombo->currentData().toString();
    if (name.isEmpty())
        return;
    try {
        BoardService(m_db).deleteFilterSet(m_actorId, name);
        reloadSavedSets();
        hideMessage();
    } catch (const Error& e) {
        showMessage(e.message());
    }
}

void BoardView::showMessage(const QString& text)
{
    m_messageLabel->setText(text);
    m_messageFrame->show();
}

void BoardView::hideMessage()
{
    m_messageLabel->clear();
    m_messageFrame->hide();
}

std::optional<LifecycleAction> BoardView::chooseAction(const QList<LifecycleAction>& actions)
{
    if (actions.size() == 1)
        return actions.first();
    if (m_chooser)
        return m_chooser(actions);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("boardActionMenu"));
    menu.addSection(tr("Which step?"));
    for (LifecycleAction a : actions)
        menu.addAction(displayName(a))->setData(static_cast<int>(a));
    QAction* chosen = menu.exec(QCursor::pos());
    if (!chosen)
        return std::nullopt;
    return static_cast<LifecycleAction>(chosen->data().toInt());
}

bool BoardView::requestMove(RowId issueId, BoardColumn to)
{
    try {
        BoardService board(m_db);
        const BoardService::MoveOptions options = board.moveOptions(issueId, to, m_actorId);
        if (options.actions.isEmpty()) {
            if (!options.refusal.isEmpty())
                showMessage(options.refusal); // the card stays where it was
            return false;
        }
        const auto action = chooseAction(options.actions);
        if (!action)
            return false;
        ActionDialog dialog(*action, options.state, options.actor, ReferenceRepository(m_db).departments(),
                            IssueService(m_db).calendar(), options.defaultDueDays, this);
        dialog.setWindowTitle(QStringLiteral("%1 %2").arg(options.issue.number, displayName(*action)));
        const bool accepted = m_formHook ? m_formHook(dialog) : dialog.exec() == QDialog::Accepted;
        if (!accepted)
            return false;
        board.move(issueId, options.issue.meta.version, to, m_actorId, dialog.input());
    } catch (const Error& e) {
        showMessage(e.message());
        refresh();
        return false;
    }
    hideMessage();
    m_follow = std::pair{issueId, to};
    refresh();
    emit issueChanged(issueId);
    return true;
}

bool BoardView::moveSelected(BoardColumn column, int direction)
{
    const QModelIndex current = columnView(column)->currentIndex();
    const int columns = static_cast<int>(kAllBoardColumns.size());
    int target = static_cast<int>(column) + direction;
    if (!current.isValid() || target < 0 || target >= columns)
        return false;
    // The nearest column that way a card can go to (closed → consultation skips follow-up);
    // if there is none, the adjacent one, whose refusal then says why.
    for (int t = target; t >= 0 && t < columns; t += direction) {
        if (!boardMoveActions(column, static_cast<BoardColumn>(t)).isEmpty()) {
            target = t;
            break;
        }
    }
    return requestMove(current.data(BoardColumnModel::IdRole).toLongLong(), static_cast<BoardColumn>(target));
}

bool BoardView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right)) {
            for (BoardColumn column : kAllBoardColumns) {
                if (watched == columnView(column)) {
                    moveSelected(column, key->key() == Qt::Key_Left ? -1 : +1);
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void BoardView::showContextMenu(BoardColumn column, const QPoint& pos)
{
    QListView* view = columnView(column);
    QModelIndex index = view->indexAt(pos);
    QPoint at = pos;
    if (!index.isValid()) { // the menu key: the selected card
        index = view->currentIndex();
        at = view->visualRect(index).center();
    }
    if (!index.isValid())
        return;
    view->setCurrentIndex(index);
    const RowId id = index.data(BoardColumnModel::IdRole).toLongLong();
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, id] { emit openIssueRequested(id); });
    QMenu* moveTo = menu.addMenu(tr("Move to"));
    for (BoardColumn to : kAllBoardColumns) {
        if (to == column)
            continue;
        QAction* a = moveTo->addAction(displayName(to), this, [this, id, to] { requestMove(id, to); });
        a->setEnabled(!boardMoveActions(column, to).isEmpty());
    }
    menu.exec(view->viewport()->mapToGlobal(at));
}

} // namespace yg
