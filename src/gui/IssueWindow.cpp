#include "IssueWindow.h"
#include "ui_IssueWindow.h"

#include "ActionDialog.h"
#include "IssueTableModel.h"
#include "services/IssueService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QHeaderView>
#include <QPushButton>

namespace yg {

IssueWindow::IssueWindow(Database& db, RowId issueId, RowId actorId, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::IssueWindow>()), m_db(db), m_issueId(issueId), m_actorId(actorId)
{
    m_ui->setupUi(this);
    m_ui->timelineTreeWidget->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->timelineTreeWidget->header()->setStretchLastSection(true);
    reload();
}

IssueWindow::~IssueWindow() = default;

void IssueWindow::reload()
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    IssueRepository issues(m_db);
    const auto issue = issues.issue(m_issueId);
    if (!issue) {
        showError(tr("This issue no longer exists."));
        return;
    }
    IssueService service(m_db);
    const auto viewer = CadreRepository(m_db).cadre(m_actorId);
    if (!viewer || !service.canSee(*viewer, *issue)) {
        m_issue = Issue();
        showError(tr("This issue belongs to another group; you may not see it."));
        return;
    }
    m_issue = *issue;
    const QList<IssueEvent> events = issues.events(m_issueId);
    m_state = Lifecycle::replay(events);
    m_actor = service.actorContext(m_issue, m_actorId);

    CadreRepository cadres(m_db);
    ReferenceRepository refs(m_db);
    auto cadreName = [&](RowId id) {
        const auto c = cadres.cadre(id);
        return c ? c->name : QString();
    };
    auto departmentName = [&](std::optional<RowId> id) {
        const auto d = id ? refs.department(*id) : std::nullopt;
        return d ? d->name : QString();
    };
    const auto enterprise = EnterpriseRepository(m_db).enterprise(m_issue.enterpriseId);
    const auto category = refs.category(m_issue.categoryId);

    setWindowTitle(tr("Issue %1").arg(m_issue.number));
    m_ui->titleLabel->setText(m_issue.number + QStringLiteral("  ") + m_issue.title);
    m_ui->enterpriseValueLabel->setText(enterprise ? enterprise->name : QString());
    m_ui->categoryValueLabel->setText(category ? category->name : QString());
    m_ui->ownerValueLabel->setText(cadreName(m_issue.ownerId));
    m_ui->departmentValueLabel->setText(departmentName(m_issue.departmentId));
    QString stage = stageText(m_issue.stage, m_issue.outcome);
    if (m_issue.pausedSince.isValid())
        stage += tr(" — clock paused since %1").arg(m_issue.pausedSince.toString(Qt::ISODate));
    m_ui->stageValueLabel->setText(stage);
    m_ui->dueValueLabel->setText(m_issue.dueDate.isValid() ? m_issue.dueDate.toString(Qt::ISODate) : tr("none"));
    const Escalation level = escalationOf(m_state, Clock::today(), service.calendar(), service.thresholds());
    m_ui->escalationValueLabel->setText(level == Escalation::None ? displayName(level)
                                                                  : QStringLiteral("● ") + displayName(level));
    const QColor colour = escalationColor(level);
    m_ui->escalationValueLabel->setStyleSheet(
        colour.isValid() ? QStringLiteral("color: %1; font-weight: 600;").arg(colour.name()) : QString());
    m_ui->raisedByValueLabel->setText(m_issue.raisedBy.isEmpty() ? tr("the enterprise") : m_issue.raisedBy);
    m_ui->descriptionTextBrowser->setPlainText(m_issue.description);

    m_ui->timelineTreeWidget->clear();
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const auto action = fromKey<LifecycleAction>(it->action);
        QStringList details;
        if (it->departmentId)
            details << QStringLiteral("→ ") + departmentName(it->departmentId);
        if (it->dueDate.isValid())
            details << tr("due %1").arg(it->dueDate.toString(Qt::ISODate));
        if (!it->satisfaction.isEmpty())
            details << satisfactionName(it->satisfaction);
        if (!it->note.isEmpty())
            details << it->note;
        auto* item = new QTreeWidgetItem(m_ui->timelineTreeWidget);
        item->setText(0, it->eventDate.toString(Qt::ISODate));
        item->setText(1, action ? displayName(*action) : it->action);
        item->setText(2, cadreName(it->actorId));
        item->setText(3, details.join(QStringLiteral("；")));
        item->setToolTip(
            0, tr("Recorded %1")
                   .arg(it->occurredAt.toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }

    for (LifecycleAction a : Lifecycle::allowedActions(m_state, m_actor)) {
        auto* button = new QPushButton(displayName(a), this);
        button->setObjectName(toKey(a) + QStringLiteral("Button"));
        connect(button, &QPushButton::clicked, this, [this, a] { openAction(a); });
        m_ui->actionButtonsLayout->addWidget(button);
        m_buttons.append(button);
    }
    m_ui->actionsCaptionLabel->setText(
        m_buttons.isEmpty() ? tr("No step is open to %1 on this issue.").arg(m_actor.name) : tr("Next step:"));
}

QList<QPushButton*> IssueWindow::actionButtons() const
{
    return m_buttons;
}

void IssueWindow::openAction(LifecycleAction action)
{
    const auto category = ReferenceRepository(m_db).category(m_issue.categoryId);
    ActionDialog dialog(action, m_state, m_actor, ReferenceRepository(m_db).departments(),
                        IssueService(m_db).calendar(), category ? category->defaultDueDays : 10, this);
    const bool accepted = m_formHook ? m_formHook(dialog) : dialog.exec() == QDialog::Accepted;
    if (accepted)
        perform(dialog.input());
}

bool IssueWindow::perform(const ActionInput& input)
{
    if (m_issue.meta.id == 0)
        return false;
    try {
        IssueService(m_db).act(m_issueId, m_issue.meta.version, m_actorId, input);
    } catch (const Error& e) {
        reload();
        showError(e.message());
        return false;
    }
    m_ui->errorLabel->hide();
    reload();
    emit issueChanged(m_issueId);
    return true;
}

void IssueWindow::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

QString IssueWindow::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

} // namespace yg
