#pragma once

#include "domain/Meeting.h"

#include <QWidget>

#include <memory>

class QPagedPaintDevice;

namespace Ui {
class MeetingsView;
}

namespace yg {

class Database;
class MeetingService;

/**
 * 交流会: the monthly exchange meetings the person may read, and the one selected. The
 * group's supervisor prepares a month's meeting (agenda from the data), edits the agenda
 * (add by number, remove, reorder), keeps the record (date, chair, attendees, minutes),
 * sets a decision per issue and records them all as issue steps at once; everyone who may
 * read exports the record as PDF or prints it. Every change goes through MeetingService,
 * which checks the person again; refusals show in the red line.
 */
class MeetingsView : public QWidget
{
    Q_OBJECT

public:
    MeetingsView(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~MeetingsView() override;

    /** Prepares the meeting of a group and month ("2024-07") and selects it; false (and the reason shown) if refused.
     */
    bool createMeeting(RowId groupId, const QString& month);
    /** Selects a meeting of the list; false if it is not in it. */
    bool selectMeeting(RowId meetingId);
    RowId currentMeetingId() const { return m_meetingId; }
    /** Stores a decision on the agenda row; false (reason shown) if refused. */
    bool setDecision(int row, MeetingDecision decision, std::optional<RowId> departmentId, QDate dueDate,
                     const QString& note);
    /** Saves the record fields as shown; false (reason shown) if refused. */
    bool saveRecord();
    /** Records the pending decisions; false (reason shown) if refused. Asks first unless confirmations are off. */
    bool recordDecisions();
    bool exportPdf(const QString& path);
    int agendaRowCount() const;
    QString problem() const;
    /** Off in tests and screenshots: no question before recording decisions. */
    void setConfirmations(bool on) { m_confirm = on; }

public slots:
    void refresh();

signals:
    void openIssueRequested(RowId issueId);

private:
    void loadList();
    void loadMeeting();
    void updateButtons();
    bool attempt(const std::function<void()>& fn);
    void editDecision();
    void print();
    void exportInteractive();
    RowId selectedItemId() const;

    Database& m_db;
    RowId m_actorId = 0;
    std::unique_ptr<Ui::MeetingsView> m_ui;
    std::unique_ptr<MeetingService> m_service;
    RowId m_meetingId = 0;
    bool m_canEdit = false;
    bool m_confirm = true;
    Meeting m_meeting;
    QList<AgendaItem> m_items;
};

} // namespace yg
