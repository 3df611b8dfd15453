#include "MainWindow.h"
#include "MeetingsView.h"
#include "ReportsView.h"
#include "ui_MainWindow.h"

#include "AuditDialog.h"
#include "BoardView.h"
#include "EnterprisePage.h"
#include "EnterpriseRegistryView.h"
#include "ExchangeConflictsDialog.h"
#include "PairingDialog.h"
#include "ImportWizard.h"
#include "IssueTableModel.h"
#include "IssueWindow.h"
#include "MyWeekView.h"
#include "QuarterlyAnalysisView.h"
#include "SearchView.h"
#include "SettingsDialog.h"
#include "SharedNeedsPanel.h"
#include "SignInDialog.h"
#include "VisitEditor.h"
#include "VisitListView.h"
#include "exchange/Exchange.h"
#include "exchange/ExchangePairing.h"
#include "reporting/HeadlineFigures.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/BackupService.h"
#include "services/Permissions.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Translations.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QUndoStack>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

#include <array>

namespace yg {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kLastPageKey = QStringLiteral("mainWindow/lastPage");
constexpr int kPageIdRole = Qt::UserRole + 1;
} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> db, const Cadre& user, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_user(user)
{
    m_ui->setupUi(this);
    m_databaseLabel = new QLabel(this);
    m_userLabel = new QLabel(this);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);

    m_languageGroup = new QActionGroup(this);
    for (QAction* a : {m_ui->languageSystemAction, m_ui->languageChineseAction, m_ui->languageEnglishAction})
        m_languageGroup->addAction(a);
    const QString language = QSettings().value(kLanguageKey).toString();
    (language == QLatin1String("zh_CN") ? m_ui->languageChineseAction
     : language == QLatin1String("en")  ? m_ui->languageEnglishAction
                                        : m_ui->languageSystemAction)
        ->setChecked(true);
    connect(m_ui->languageSystemAction, &QAction::triggered, this, [this] { setLanguage(QString()); });
    connect(m_ui->languageChineseAction, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("zh_CN")); });
    connect(m_ui->languageEnglishAction, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });

    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->openDatabaseAction, &QAction::triggered, this, &MainWindow::openDatabase);
    connect(m_ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    // Ctrl+F: the one search box across enterprises, visits and issues.
    connect(m_ui->findAction, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("search"));
        if (auto* search = findChild<SearchView*>())
            search->setFocus(Qt::ShortcutFocusReason);
    });

    // Navigation: the list on the left switches the page stack; the page is remembered.
    m_wantedPage = QSettings().value(kLastPageKey).toString();
    connect(m_ui->navigationListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        QListWidgetItem* item = m_ui->navigationListWidget->item(row);
        if (!item)
            return;
        const QString id = item->data(kPageIdRole).toString();
        if (QWidget* page = m_pages.value(id))
            m_ui->pageStack->setCurrentWidget(page);
        QSettings().setValue(kLastPageKey, id);
    });
    addPage(QStringLiteral("week"), tr("This week"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
            m_ui->weekPage);
    addPage(QStringLiteral("issues"), tr("Issues"), style()->standardIcon(QStyle::SP_MessageBoxWarning),
            m_ui->issuesPage);
    // 看板: the monthly issue board, for every role; each person sees the issues they may see and
    // moves only those the lifecycle lets them act on (docs/permissions.md).
    addDatabasePage(QStringLiteral("board"), tr("Board"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
                    [this](Database& db, RowId actor, QWidget* parent) {
                        auto* board = new BoardView(db, actor, parent);
                        connect(board, &BoardView::issueChanged, this, [this] {
                            m_issueModel->reload();
                            showFigures();
                        });
                        return board;
                    });
    addDatabasePage(QStringLiteral("visits"), tr("Visits"), style()->standardIcon(QStyle::SP_FileDialogListView),
                    [](Database& db, RowId actor, QWidget* parent) { return new VisitListView(db, actor, parent); });
    // The registry (filters, add and edit, enterprise pages) replaces the first window's list.
    addDatabasePage(
        QStringLiteral("enterprises"), tr("Enterprises"), style()->standardIcon(QStyle::SP_DirHomeIcon),
        [](Database& db, RowId actor, QWidget* parent) { return new EnterpriseRegistryView(db, actor, parent); });
    addDatabasePage(QStringLiteral("search"), tr("Search"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
                    [](Database& db, RowId actor, QWidget* parent) { return new SearchView(db, actor, parent); });
    addDatabasePage(
        QStringLiteral("quarterly"), tr("Quarterly analysis"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
        [](Database& db, RowId actor, QWidget* parent) { return new QuarterlyAnalysisView(db, actor, parent); });
    m_ui->settingsButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    connect(m_ui->settingsButton, &QToolButton::clicked, this, &MainWindow::showSettings);
    connect(m_ui->preferencesAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->newVisitAction, &QAction::triggered, this, [this] { newVisit(); });
    connect(m_ui->newVisitButton, &QPushButton::clicked, this, [this] { newVisit(); });
    m_ui->newVisitButton->setToolTip(m_ui->newVisitAction->shortcut().toString(QKeySequence::NativeText));
    connect(m_ui->printJournalAction, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("week"));
        m_weekView->printJournal();
    });
    connect(m_ui->exportJournalAction, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("week"));
        m_weekView->exportPdfInteractively();
    });

    // Undo/redo of edits to saved records, for the whole session.
    m_undoStack = new QUndoStack(this);
    QAction* undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_ui->editMenu->addAction(undo);
    m_ui->editMenu->addAction(redo);
    m_ui->editMenu->addSeparator();
    m_ui->editMenu->addAction(m_ui->findAction);
    m_ui->viewMenu->removeAction(m_ui->findAction);
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        if (m_weekView)
            m_weekView->refresh();
    });

    connect(m_ui->issueStageComboBox, &QComboBox::currentIndexChanged, this, &MainWindow::applyIssueFilter);
    connect(m_ui->overdueOnlyCheckBox, &QCheckBox::toggled, this, &MainWindow::applyIssueFilter);
    connect(m_ui->issueTableView, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openIssue(index.data(IssueTableModel::IdRole).toLongLong()); });
    connect(m_ui->auditAction, &QAction::triggered, this, &MainWindow::openAudit);
    connect(m_ui->lockAction, &QAction::triggered, this, &MainWindow::lockNow);
    connect(m_ui->backupAction, &QAction::triggered, this, &MainWindow::backupNow);
    connect(m_ui->importAction, &QAction::triggered, this, [this] {
        ImportWizard wizard(*m_db, m_user, this);
        connect(&wizard, &ImportWizard::imported, m_ui->refreshAction, &QAction::trigger);
        wizard.exec();
    });
    // File → Exchange (数据交换): who may do what is decided in the core (Exchange), per file kind.
    {
        auto* exchange = new QMenu(tr("E&xchange"), this);
        exchange->setObjectName(QStringLiteral("exchangeMenu"));
        QAction* exportAction = exchange->addAction(tr("&Export for exchange…"));
        exportAction->setObjectName(QStringLiteral("exchangeExportAction"));
        QAction* importAction = exchange->addAction(tr("&Import exchange file…"));
        importAction->setObjectName(QStringLiteral("exchangeImportAction"));
        QAction* conflictsAction = exchange->addAction(tr("&Conflicts…"));
        conflictsAction->setObjectName(QStringLiteral("exchangeConflictsAction"));
        exchange->addSeparator();
        QAction* pairAction = exchange->addAction(tr("&Paired computers…"));
        pairAction->setObjectName(QStringLiteral("exchangePairAction"));
        connect(pairAction, &QAction::triggered, this, [this] {
            if (!m_db)
                return;
            PairingDialog dialog(*m_db, m_user, this);
            dialog.exec();
        });
        const QList<QAction*> fileActions = m_ui->fileMenu->actions();
        const qsizetype at = fileActions.indexOf(m_ui->importAction);
        m_ui->fileMenu->insertMenu(at >= 0 && at + 1 < fileActions.size() ? fileActions.at(at + 1) : nullptr, exchange);
        connect(exportAction, &QAction::triggered, this, &MainWindow::exportExchange);
        connect(importAction, &QAction::triggered, this, &MainWindow::importExchange);
        connect(conflictsAction, &QAction::triggered, this, [this] {
            if (ExchangeConflictsDialog* d = openExchangeConflicts())
                d->exec();
        });
    }
    buildLockPanel();

    attachDatabase(std::move(db));

    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    detachDatabase();
}

void MainWindow::detachDatabase()
{
    // Issue windows, forms, views, commands and models read through the database: they go before it.
    closeEditors();
    if (m_undoStack)
        m_undoStack->clear();
    for (IssueWindow* w : findChildren<IssueWindow*>())
        delete w;
    for (AuditDialog* d : findChildren<AuditDialog*>())
        delete d;
    for (EnterprisePage* p : findChildren<EnterprisePage*>())
        delete p;
    delete m_weekView;
    m_weekView = nullptr;
    for (DatabasePage& page : m_databasePages) {
        delete page.view;
        page.view = nullptr;
    }
    m_ui->issueTableView->setModel(nullptr);
    delete m_issueModel;
    m_issueModel = nullptr;
}

void MainWindow::attachDatabase(std::unique_ptr<Database> db)
{
    detachDatabase();
    m_db = std::move(db);
    m_issueModel = new IssueTableModel(*m_db, m_user, this);
    m_ui->issueTableView->setModel(m_issueModel);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Number, 90);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Title, 220);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Enterprise, 240);
    connect(m_issueModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateIssueCount);
    populateStages();
    updateIssueCount();
    m_weekView = new MyWeekView(*m_db, m_user.meta.id, m_ui->weekPage);
    m_weekView->setObjectName(QStringLiteral("myWeekView"));
    m_ui->weekViewLayout->addWidget(m_weekView);
    connect(m_weekView, &MyWeekView::openIssueRequested, this, &MainWindow::openIssue);
    connect(m_weekView, &MyWeekView::openVisitRequested, this, &MainWindow::openVisit);
    connect(m_weekView, &MyWeekView::openEnterpriseRequested, this, &MainWindow::openEnterprise);
    connect(m_weekView, &MyWeekView::newVisitRequested, this, [this](RowId id) { newVisit(id); });
    for (DatabasePage& page : m_databasePages)
        createDatabasePageView(page);

    m_db->setActor(m_user.meta.id);
    applyRole();
    // The idle lock: any input restarts the clock (minutes from the database's settings).
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(AdminService(*m_db).idleLockMinutes() * 60 * 1000);
    m_idleTimer.start();
    showFigures();
    updateStatusBar();
}

void MainWindow::refresh()
{
    m_issueModel->reload();
    if (auto* board = findChild<BoardView*>())
        board->refresh();
    m_weekView->refresh();
    showFigures();
}

void MainWindow::addPage(const QString& id, const QString& title, const QIcon& icon, QWidget* page)
{
    if (m_pages.contains(id) || !page)
        return;
    if (m_ui->pageStack->indexOf(page) < 0)
        m_ui->pageStack->addWidget(page);
    m_pages.insert(id, page);
    auto* item = new QListWidgetItem(icon, title, m_ui->navigationListWidget);
    item->setData(kPageIdRole, id);
    item->setSizeHint(QSize(140, 40));
    addPageAction(id, title);
    wireContract(id, page);
    if (m_ui->navigationListWidget->count() == 1 || id == m_wantedPage) {
        const QString wanted = m_wantedPage;
        showPage(id);
        m_wantedPage = wanted; // a page added later may still be the remembered one
    }
}

void MainWindow::addDatabasePage(const QString& id, const QString& title, const QIcon& icon, PageFactory factory)
{
    auto* container = new QWidget(m_ui->pageStack);
    container->setObjectName(id + QStringLiteral("Page"));
    auto* layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    m_databasePages.append({id, container, std::move(factory), nullptr});
    if (m_db)
        createDatabasePageView(m_databasePages.last());
    addPage(id, title, icon, container);
}

void MainWindow::createDatabasePageView(DatabasePage& page)
{
    page.view = page.factory(*m_db, m_user.meta.id, page.container);
    page.container->layout()->addWidget(page.view);
    wireContract(page.id, page.view);
}

void MainWindow::wireContract(const QString& id, QWidget* page)
{
    // A view built on the common contract asks this window to open records.
    static const std::array<std::pair<const char*, const char*>, 3> kContract{{
        {"openVisitRequested", SLOT(openVisit(RowId))},
        {"openIssueRequested", SLOT(openIssue(RowId))},
        {"openEnterpriseRequested", SLOT(openEnterprise(RowId))},
    }};
    const QMetaObject* meta = page->metaObject();
    for (const auto& [signal, slot] : kContract) {
        const QByteArray signature = QByteArray(signal) + "(RowId)";
        if (meta->indexOfSignal(signature.constData()) >= 0) {
            connect(page, QByteArray("2" + signature).constData(), this, slot);
            continue;
        }
        for (int m = 0; m < meta->methodCount(); ++m) {
            if (meta->method(m).methodType() == QMetaMethod::Signal && meta->method(m).name() == signal)
                spdlog::warn("page {}: signal {} is not declared as {}(RowId); it is not connected", id.toStdString(),
                             meta->method(m).methodSignature().toStdString(), signal);
        }
    }
}

void MainWindow::addPageAction(const QString& id, const QString& title)
{
    auto* action = new QAction(title, this);
    action->setObjectName(id + QStringLiteral("PageAction"));
    const int n = static_cast<int>(m_pageActions.size()) + 1;
    if (n <= 9)
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(n)));
    connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
    m_ui->viewMenu->insertAction(m_ui->viewMenu->actions().value(static_cast<int>(m_pageActions.size())), action);
    if (m_pageActions.isEmpty())
        m_ui->viewMenu->insertSeparator(m_ui->viewMenu->actions().value(1));
    m_pageActions.insert(id, action);
}

void MainWindow::retitlePages()
{
    const QHash<QString, QString> titles{{QStringLiteral("week"), tr("This week")},
                                         {QStringLiteral("issues"), tr("Issues")},
                                         {QStringLiteral("enterprises"), tr("Enterprises")},
                                         {QStringLiteral("reports"), tr("Reports")},
                                         {QStringLiteral("visits"), tr("Visits")},
                                         {QStringLiteral("search"), tr("Search")},
                                         {QStringLiteral("quarterly"), tr("Quarterly analysis")}};
    for (int row = 0; row < m_ui->navigationListWidget->count(); ++row) {
        QListWidgetItem* item = m_ui->navigationListWidget->item(row);
        const QString title = titles.value(item->data(kPageIdRole).toString());
        if (title.isEmpty())
            continue;
        item->setText(title);
        m_pageActions.value(item->data(kPageIdRole).toString())->setText(title);
    }
}

bool MainWindow::showPage(const QString& id)
{
    for (int row = 0; row < m_ui->navigationListWidget->count(); ++row) {
        const QListWidgetItem* item = m_ui->navigationListWidget->item(row);
        if (item->data(kPageIdRole).toString() == id && !item->isHidden()) {
            m_ui->navigationListWidget->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString MainWindow::currentPageId() const
{
    return m_pages.key(m_ui->pageStack->currentWidget());
}

void MainWindow::wireEditor(VisitEditor* editor)
{
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setUndoStack(m_undoStack, [this](const QString& message) {
        m_lastUndoError = message;
        statusBar()->showMessage(message, 15000);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Undo"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): an undo never blocks the window
    });
    connect(editor, &VisitEditor::saved, this, [this] {
        m_issueModel->reload();
        m_weekView->refresh();
        showFigures();
        statusBar()->showMessage(tr("The visit was saved."), 5000);
    });
}

void MainWindow::closeEditors()
{
    for (VisitEditor* e : findChildren<VisitEditor*>()) {
        e->writeDraft();
        delete e;
    }
}

VisitEditor* MainWindow::newVisit(RowId enterpriseId)
{
    if (m_newVisitEditor) {
        if (enterpriseId > 0 && m_newVisitEditor->problems().size() > 0)
            m_newVisitEditor->chooseEnterprise(enterpriseId);
        m_newVisitEditor->show();
        m_newVisitEditor->raise();
        m_newVisitEditor->activateWindow();
        return m_newVisitEditor;
    }
    auto* editor = new VisitEditor(*m_db, m_user.meta.id, 0, this, enterpriseId);
    wireEditor(editor);
    m_newVisitEditor = editor;
    editor->show();
    return editor;
}

VisitEditor* MainWindow::openVisit(RowId visitId)
{
    if (visitId <= 0)
        return nullptr;
    for (VisitEditor* e : findChildren<VisitEditor*>()) {
        if (e->visitId() == visitId) {
            e->show();
            e->raise();
            return e;
        }
    }
    auto* editor = new VisitEditor(*m_db, m_user.meta.id, visitId, this);
    wireEditor(editor);
    editor->show();
    return editor;
}

void MainWindow::openEnterprise(RowId enterpriseId)
{
    // The enterprise page in a window of its own: its timeline, coverage and open issues.
    if (!EnterpriseRepository(*m_db).enterprise(enterpriseId))
        return;
    auto* page = new EnterprisePage(*m_db, m_user.meta.id, enterpriseId, this);
    page->setWindowFlag(Qt::Window);
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->resize(960, 680);
    wireContract(QStringLiteral("enterprise-page"), page);
    page->show();
}

int MainWindow::offerDrafts()
{
    int opened = 0;
    for (RowId visitId : VisitEditor::pendingDrafts(m_db->path(), m_user.meta.id)) {
        if (visitId == 0 ? newVisit() != nullptr : openVisit(visitId) != nullptr)
            ++opened;
    }
    return opened;
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(*m_db, m_user, this);
    dialog.setLanguage(QSettings().value(kLanguageKey).toString());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.language() != QSettings().value(kLanguageKey).toString()) {
        setLanguage(dialog.language());
        (dialog.language() == QLatin1String("zh_CN") ? m_ui->languageChineseAction
         : dialog.language() == QLatin1String("en")  ? m_ui->languageEnglishAction
                                                     : m_ui->languageSystemAction)
            ->setChecked(true);
    }
    m_idleTimer.setInterval(AdminService(*m_db).idleLockMinutes() * 60 * 1000);
    m_weekView->refresh();
}

void MainWindow::populateStages()
{
    const QVariant current = m_ui->issueStageComboBox->currentData();
    const QSignalBlocker block(m_ui->issueStageComboBox);
    m_ui->issueStageComboBox->clear();
    m_ui->issueStageComboBox->addItem(tr("All stages"));
    for (Stage s : kAllStages)
        m_ui->issueStageComboBox->addItem(displayName(s), toKey(s));
    const int index = m_ui->issueStageComboBox->findData(current);
    m_ui->issueStageComboBox->setCurrentIndex(index < 0 ? 0 : index);
}

void MainWindow::applyIssueFilter()
{
    IssueFilter f;
    const QVariant stage = m_ui->issueStageComboBox->currentData();
    if (stage.isValid())
        f.stage = fromKey<Stage>(stage.toString());
    if (m_ui->overdueOnlyCheckBox->isChecked())
        f.overdueOn = Clock::today();
    m_issueModel->setFilter(f);
}

void MainWindow::updateIssueCount()
{
    m_ui->issueCountLabel->setText(tr("%n issue(s)", nullptr, static_cast<int>(m_issueModel->totalCount())));
}

IssueWindow* MainWindow::openIssue(RowId issueId)
{
    if (issueId <= 0)
        return nullptr;
    auto* window = new IssueWindow(*m_db, issueId, m_user.meta.id, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &IssueWindow::issueChanged, this, [this] {
        m_issueModel->reload();
        if (auto* board = findChild<BoardView*>())
            board->refresh();
        showFigures();
    });
    window->show();
    return window;
}

void MainWindow::buildLockPanel()
{
    m_lockPanel = new QWidget(this);
    m_lockPanel->setObjectName(QStringLiteral("lockPanel"));
    m_lockPanel->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(m_lockPanel);
    layout->addStretch();
    auto* title = new QLabel(m_lockPanel);
    title->setObjectName(QStringLiteral("lockTitleLabel"));
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    title->setText(tr("Locked. %1, enter your password to continue.").arg(m_user.name));
    layout->addWidget(title);
    m_lockPasswordEdit = new QLineEdit(m_lockPanel);
    m_lockPasswordEdit->setObjectName(QStringLiteral("lockPasswordLineEdit"));
    m_lockPasswordEdit->setEchoMode(QLineEdit::Password);
    m_lockPasswordEdit->setMaximumWidth(320);
    layout->addWidget(m_lockPasswordEdit, 0, Qt::AlignHCenter);
    m_lockMessageLabel = new QLabel(m_lockPanel);
    m_lockMessageLabel->setAlignment(Qt::AlignCenter);
    m_lockMessageLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_lockMessageLabel);
    layout->addStretch();
    connect(m_lockPasswordEdit, &QLineEdit::returnPressed, this, [this] { unlock(m_lockPasswordEdit->text()); });
    m_lockPanel->hide();
    connect(&m_idleTimer, &QTimer::timeout, this, &MainWindow::lockNow);
    qApp->installEventFilter(this);
}

void MainWindow::lockNow()
{
    if (m_locked)
        return;
    m_locked = true;
    m_hiddenWhileLocked.clear();
    // Modeless windows (issues, audit) are hidden. A modal dialog is running exec():
    // hiding it would end it and destroy it, so it stays, behind the disabled main window.
    for (QDialog* w : findChildren<QDialog*>()) {
        if (w->isVisible() && !w->isModal() && w->windowModality() == Qt::NonModal) {
            m_hiddenWhileLocked.append(w);
            w->hide();
        }
    }
    centralWidget()->hide();
    menuBar()->setEnabled(false);
    m_lockPanel->setGeometry(rect());
    m_lockPanel->show();
    m_lockPanel->raise();
    m_lockPasswordEdit->clear();
    m_lockMessageLabel->clear();
    m_lockPasswordEdit->setFocus();
    spdlog::info("window locked");
}

bool MainWindow::unlock(const QString& password)
{
    if (!m_locked)
        return true;
    if (!AccountService(*m_db).confirmPassword(m_user.meta.id, password)) {
        m_lockPasswordEdit->clear();
        m_lockMessageLabel->setText(tr("That is not the password of %1.").arg(m_user.name));
        return false;
    }
    m_locked = false;
    m_lockPanel->hide();
    centralWidget()->show();
    menuBar()->setEnabled(true);
    for (const QPointer<QWidget>& w : std::as_const(m_hiddenWhileLocked)) {
        if (w)
            w->show();
    }
    m_hiddenWhileLocked.clear();
    m_idleTimer.start();
    return true;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (!m_locked)
            m_idleTimer.start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    if (m_lockPanel)
        m_lockPanel->setGeometry(rect());
}

void MainWindow::exportExchange()
{
    if (!m_db)
        return;
    ExchangeExportOptions options;
    if (Permissions::can(m_user.role, Capability::ImportData)) {
        const QStringList kinds{tr("Records changed since the last exchange (laptop → office)"),
                                tr("Reference data and assignments (office → laptop)")};
        bool ok = false;
        const QString kind =
            QInputDialog::getItem(this, tr("Export for exchange"), tr("What to export:"), kinds, 0, false, &ok);
        if (!ok)
            return;
        options.reference = kind == kinds.at(1);
        if (options.reference) {
            // Which paired laptop the file is for, when there are several.
            QStringList laptops, ids;
            try {
                for (const PairedPeer& p : ExchangePairing::list(*m_db, m_user)) {
                    if (p.active() && p.relation == PeerRelation::Laptop) {
                        laptops.append(tr("%1 (accounts: %2)").arg(p.databaseId, p.accounts.join(QStringLiteral("、"))));
                        ids.append(p.databaseId);
                    }
                }
            } catch (const Error& e) {
                QMessageBox::warning(this, tr("Export for exchange"), e.message());
                return;
            }
            if (laptops.size() > 1) {
                const QString laptop = QInputDialog::getItem(this, tr("Export for exchange"),
                                                             tr("For which paired laptop:"), laptops, 0, false, &ok);
                if (!ok)
                    return;
                options.to = ids.at(laptops.indexOf(laptop));
            }
            // A new laptop's first file: whose open issues (their assignments) go with it. A laptop
            // that has sent records gets its cadres' issues without being told.
            const QString names = QInputDialog::getText(
                this, tr("Export for exchange"),
                tr("User names of the cadres who work on that laptop, separated by spaces (their open issues go "
                   "with the file; may stay empty for a laptop that has sent records before):"),
                QLineEdit::Normal, QString(), &ok);
            if (!ok)
                return;
            options.cadres = names.split(QRegularExpression(QStringLiteral("[\\s,，、]+")), Qt::SkipEmptyParts);
        }
    }
    const QString name = QStringLiteral("%1-%2.yxf")
                             .arg(options.reference ? QStringLiteral("reference") : m_user.name,
                                  Clock::today().toString(QStringLiteral("yyyyMMdd")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export for exchange"), QDir::home().filePath(name),
                                                      tr("Exchange files (*.yxf)"));
    if (path.isEmpty())
        return;
    try {
        const ExchangeExportResult r = Exchange::exportFile(*m_db, m_user, path, options);
        QMessageBox::information(this, tr("Export for exchange"),
                                 tr("%1 was written: %2.").arg(QFileInfo(path).fileName(), r.summary()));
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Export for exchange"), e.message());
    }
}

void MainWindow::importExchange()
{
    if (!m_db)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import exchange file"), QDir::homePath(),
                                                      tr("Exchange files (*.yxf);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        const ExchangeImportResult check = Exchange::importFile(*m_db, m_user, path, true);
        if (!check.ok()) {
            QMessageBox box(QMessageBox::Warning, tr("Import exchange file"),
                            tr("Nothing was imported: problems found: %1.").arg(check.problems.size()), QMessageBox::Ok,
                            this);
            box.setDetailedText(check.problems.join(QLatin1Char('\n')));
            box.exec();
            return;
        }
        if (QMessageBox::question(this, tr("Import exchange file"),
                                  tr("%1 holds:\n%2\n\nMerge it into this database?")
                                      .arg(QFileInfo(path).fileName(), check.summary().join(QLatin1Char('\n')))) !=
            QMessageBox::Yes)
            return;
        const ExchangeImportResult r = Exchange::importFile(*m_db, m_user, path, false);
        refresh();
        if (r.conflicts() > 0) {
            QMessageBox::information(this, tr("Import exchange file"),
                                     tr("Merged. %1 records were changed on both sides: decide which version to "
                                        "keep.")
                                         .arg(r.conflicts()));
            if (ExchangeConflictsDialog* d = openExchangeConflicts())
                d->exec();
        } else {
            QMessageBox::information(this, tr("Import exchange file"),
                                     tr("Merged:\n%1").arg(r.summary().join(QLatin1Char('\n'))));
        }
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Import exchange file"), e.message());
    }
}

ExchangeConflictsDialog* MainWindow::openExchangeConflicts()
{
    if (!m_db)
        return nullptr;
    auto* dialog = new ExchangeConflictsDialog(*m_db, m_user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &MainWindow::refresh);
    return dialog;
}

QString MainWindow::backupNow()
{
    try {
        const QString file = BackupService(*m_db).backupNow(m_user, BackupService::defaultDirectory(m_db->path()));
        statusBar()->showMessage(tr("Backup written: %1").arg(QDir::toNativeSeparators(file)), 15000);
        return file;
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Back up now"), e.message());
        return {};
    }
}

AuditDialog* MainWindow::openAudit()
{
    if (!Permissions::can(m_user.role, Capability::ReadAudit)) {
        QMessageBox::information(this, tr("Audit trail"), Permissions::refusal(m_user, Capability::ReadAudit));
        return nullptr;
    }
    auto* dialog = new AuditDialog(*m_db, m_user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::showFigures()
{
    HeadlineFigures f;
    try {
        f = HeadlineFigures::compute(*m_db);
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Figures"), e.message());
        return;
    }
    const QLocale locale;
    m_ui->visitsValueLabel->setText(locale.toString(f.counts.visits));
    m_ui->visitsNoteLabel->setText(
        tr("%n enterprise(s) visited", nullptr, static_cast<int>(f.counts.enterprisesVisited)));
    m_ui->collectedValueLabel->setText(locale.toString(f.counts.issuesCollected));
    m_ui->collectedNoteLabel->setText(tr("problems and demands recorded"));
    m_ui->resolvedValueLabel->setText(locale.toString(f.counts.issuesResolved));
    m_ui->resolvedNoteLabel->setText(tr("closed as resolved"));
    m_ui->rateValueLabel->setText(f.resolution.percentText());
    m_ui->rateNoteLabel->setText(tr("resolved / collected"));
    m_ui->coverageValueLabel->setText(f.keyCoverage.percentText());
    m_ui->coverageNoteLabel->setText(
        tr("%1 of %2 key enterprises").arg(f.counts.keyEnterprisesVisited).arg(f.counts.keyEnterprises));
    m_ui->rateFrame->setToolTip(tr("Resolution rate = issues resolved / issues collected, two decimals, rounded half "
                                   "up. Withdrawn issues count as collected and not resolved."));
    m_ui->visitsFrame->setToolTip(tr("Visits are counted as visit events (家次), not distinct enterprises."));
    m_ui->coverageFrame->setToolTip(tr("Key enterprises visited at least once / all key enterprises."));
}

void MainWindow::updateStatusBar()
{
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(m_db->path())));
    m_userLabel->setText(tr("Signed in: %1 (%2)").arg(m_user.name, displayName(m_user.role)));
    setWindowTitle(tr("YueGong Journal") + QStringLiteral(" — ") + QFileInfo(m_db->path()).fileName());
}

void MainWindow::setLanguage(const QString& language)
{
    QSettings().setValue(kLanguageKey, language);
    installTranslations(language); // posts LanguageChange to every widget
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retitlePages();
        populateStages();
        showFigures();
        updateIssueCount();
        updateStatusBar();
        emit m_issueModel->headerDataChanged(Qt::Horizontal, 0, IssueTableModel::ColumnCount - 1);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kLastPageKey, currentPageId());
    for (VisitEditor* e : findChildren<VisitEditor*>())
        e->writeDraft();
    event->accept();
}

void MainWindow::switchDatabase(std::unique_ptr<Database> db, const Cadre& user)
{
    detachDatabase(); // everything reading the old database goes while its person is still set
    m_user = user;
    attachDatabase(std::move(db));
}

void MainWindow::applyRole()
{
    // What the signed-in person's role allows (again after File → Open database signs in
    // someone else); the core refuses the rest anyway, the window only mirrors it.
    auto allow = [this](QAction* action, Capability c) {
        const bool can = Permissions::can(m_user.role, c);
        action->setEnabled(can);
        action->setToolTip(can ? QString() : Permissions::refusal(m_user, c));
        action->setStatusTip(action->toolTip());
    };
    allow(m_ui->newVisitAction, Capability::CreateVisit);
    m_ui->newVisitButton->setEnabled(m_ui->newVisitAction->isEnabled());
    m_ui->newVisitButton->setToolTip(m_ui->newVisitAction->isEnabled()
                                         ? m_ui->newVisitAction->shortcut().toString(QKeySequence::NativeText)
                                         : m_ui->newVisitAction->toolTip());
    allow(m_ui->importAction, Capability::ImportData);
    allow(m_ui->backupAction, Capability::BackupRestore);
    allow(m_ui->auditAction, Capability::ReadAudit);
    if (auto* title = findChild<QLabel*>(QStringLiteral("lockTitleLabel")))
        title->setText(tr("Locked. %1, enter your password to continue.").arg(m_user.name));
    // 报表 for the roles that report: added the first time such a person signs in, hidden for others.
    const bool reports = Permissions::can(m_user.role, Capability::ExportReports);
    if (reports && !m_pages.contains(QStringLiteral("reports"))) {
        addDatabasePage(QStringLiteral("reports"), tr("Reports"), style()->standardIcon(QStyle::SP_FileDialogInfoView),
                        [](Database& db, RowId actor, QWidget* parent) { return new ReportsView(db, actor, parent); });
    }
    // 交流会 for everyone who works with cases (administrators do not); the service decides who reads and writes.
    const bool meetings = m_user.role != Role::Admin;
    if (meetings && !m_pages.contains(QStringLiteral("meetings"))) {
        addDatabasePage(QStringLiteral("meetings"), tr("Meetings"), style()->standardIcon(QStyle::SP_FileDialogStart),
                        [](Database& db, RowId actor, QWidget* parent) { return new MeetingsView(db, actor, parent); });
    }
    for (int row = 0; row < m_ui->navigationListWidget->count(); ++row) {
        QListWidgetItem* item = m_ui->navigationListWidget->item(row);
        if (item->data(kPageIdRole).toString() == QLatin1String("reports"))
            item->setHidden(!reports);
        if (item->data(kPageIdRole).toString() == QLatin1String("meetings"))
            item->setHidden(!meetings);
    }
    if (QAction* action = m_pageActions.value(QStringLiteral("meetings")))
        action->setVisible(meetings);
    if (!meetings && currentPageId() == QLatin1String("meetings"))
        showPage(QStringLiteral("week"));
    if (QAction* action = m_pageActions.value(QStringLiteral("reports")))
        action->setVisible(reports);
    if (!reports && currentPageId() == QLatin1String("reports"))
        showPage(QStringLiteral("week"));
    // 共性需求 (shared-need alerts) likewise, for supervisors, staff and administrators.
    const bool sharedNeeds = Permissions::can(m_user.role, Capability::SharedNeeds);
    if (sharedNeeds && !m_pages.contains(QStringLiteral("sharedNeeds"))) {
        addDatabasePage(
            QStringLiteral("sharedNeeds"), tr("Shared needs"), style()->standardIcon(QStyle::SP_MessageBoxWarning),
            [](Database& db, RowId actor, QWidget* parent) { return new SharedNeedsPanel(db, actor, parent); });
    }
    for (int row = 0; row < m_ui->navigationListWidget->count(); ++row) {
        QListWidgetItem* item = m_ui->navigationListWidget->item(row);
        if (item->data(kPageIdRole).toString() == QLatin1String("sharedNeeds"))
            item->setHidden(!sharedNeeds);
    }
    if (QAction* action = m_pageActions.value(QStringLiteral("sharedNeeds")))
        action->setVisible(sharedNeeds);
    if (!sharedNeeds && currentPageId() == QLatin1String("sharedNeeds"))
        showPage(QStringLiteral("week"));
    mountSharedNeedBanner();
}

void MainWindow::mountSharedNeedBanner()
{
    // The board tells those who see alerts how many there are (the panel's count: one detection).
    auto viewOf = [this](const QString& id) -> QWidget* {
        for (const DatabasePage& page : m_databasePages) {
            if (page.id == id)
                return page.view;
        }
        return nullptr;
    };
    auto* board = qobject_cast<BoardView*>(viewOf(QStringLiteral("board")));
    if (!board)
        return;
    auto* panel = qobject_cast<SharedNeedsPanel*>(viewOf(QStringLiteral("sharedNeeds")));
    if (!panel || !Permissions::can(m_user.role, Capability::SharedNeeds)) {
        board->setAlertBanner(nullptr);
        return;
    }
    if (qobject_cast<SharedNeedBanner*>(board->alertBanner()))
        return;
    auto* banner = new SharedNeedBanner(*m_db, m_user.meta.id, board, false);
    banner->setCount(static_cast<int>(panel->alerts().size()));
    connect(panel, &SharedNeedsPanel::alertCountChanged, banner, &SharedNeedBanner::setCount);
    connect(banner, &SharedNeedBanner::showRequested, this, [this] { showPage(QStringLiteral("sharedNeeds")); });
    board->setAlertBanner(banner);
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(m_db->path()).path(),
                                                      tr("YueGong databases (*.sqlite *.yuegong);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        // Open the new one first and sign in to it: if either is refused, the current one stays.
        auto db = Database::open(path, {false, false});
        SignInDialog signIn(*db, SignInDialog::Mode::SignIn, this);
        if (signIn.exec() != QDialog::Accepted)
            return;
        switchDatabase(std::move(db), signIn.user());
        QSettings().setValue(QStringLiteral("database/path"), path);
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Open database"), e.message());
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About YueGong Journal"),
                       tr("<p><b>YueGong Journal</b> %1</p><p>Weekly visits, issues and their closed loop "
                          "(intake → consultation → follow-up) for trade-union cadres.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace yg
