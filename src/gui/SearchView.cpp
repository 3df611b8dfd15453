#include "SearchView.h"

#include "ListWidgets.h"
#include "domain/SearchText.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

QString kindKey(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Enterprise:
        return QStringLiteral("enterprise");
    case SearchKind::Visit:
        return QStringLiteral("visit");
    case SearchKind::Issue:
        break;
    }
    return QStringLiteral("issue");
}

std::optional<SearchKind> kindOf(const QString& key)
{
    for (SearchKind k : {SearchKind::Enterprise, SearchKind::Visit, SearchKind::Issue}) {
        if (kindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

/** Escapes the text and turns the match marks into bold. */
QString marked(const QString& text)
{
    QString html = text.toHtmlEscaped();
    html.replace(SearchText::kMatchStart, QStringLiteral("<b style=\"background-color:#fff1a8\">"));
    html.replace(SearchText::kMatchEnd, QStringLiteral("</b>"));
    return html;
}

} // namespace

SearchView::SearchView(Database& db, RowId actorId, QWidget* parent) : QWidget(parent), m_db(db)
{
    m_actor = actorFor(db, actorId);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchLineEdit"));
    m_edit->setPlaceholderText(tr("Search enterprises, visits and issues (e.g. 稽山, 工资, 2024-0123)"));
    m_edit->setClearButtonEnabled(true);
    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setText(tr("Words separated by spaces must all appear. Any part of a name, a credit code, a "
                            "number or a text is found, even a single Chinese character."));
    m_hintLabel->setWordWrap(true);
    m_results = new QTextBrowser(this);
    m_results->setObjectName(QStringLiteral("resultsBrowser"));
    m_results->setOpenLinks(false);
    m_results->setOpenExternalLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_edit);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_results, 1);
    setFocusProxy(m_edit);

    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &SearchView::search);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_timer.start(); });
    connect(m_edit, &QLineEdit::returnPressed, this, &SearchView::search);
    connect(m_results, &QTextBrowser::anchorClicked, this, &SearchView::linkActivated);
    render();
}

QString SearchView::query() const
{
    return m_query;
}

void SearchView::setQuery(const QString& query)
{
    const QSignalBlocker block(m_edit);
    m_edit->setText(query);
    search();
}

void SearchView::refresh()
{
    search();
}

void SearchView::search()
{
    m_timer.stop();
    m_query = m_edit->text().trimmed();
    m_groups.clear();
    if (!m_query.isEmpty()) {
        QElapsedTimer clock;
        clock.start();
        try {
            m_groups = SearchService(m_db).searchAll(m_actor, m_query);
        } catch (const Error& e) {
            spdlog::error("search failed: {}", e.what());
        }
        spdlog::debug("search: {} ms", clock.elapsed());
    }
    render();
}

void SearchView::showMore(SearchKind kind)
{
    for (SearchService::Group& g : m_groups) {
        if (g.kind != kind || !g.more)
            continue;
        try {
            const SearchService::Group next =
                SearchService(m_db).search(m_actor, kind, m_query, static_cast<int>(g.hits.size()));
            g.hits += next.hits;
            g.more = next.more;
        } catch (const Error& e) {
            spdlog::error("search failed: {}", e.what());
        }
    }
    render();
}

void SearchView::render()
{
    if (m_query.isEmpty()) {
        m_results->setHtml(QStringLiteral("<p style=\"color:#666\">%1</p>")
                               .arg(tr("Type a name, a credit code, an issue number or any words.").toHtmlEscaped()));
        return;
    }
    QString html;
    bool any = false;
    for (const SearchService::Group& g : m_groups) {
        if (g.hits.isEmpty())
            continue;
        any = true;
        QString heading;
        const int n = static_cast<int>(g.hits.size());
        switch (g.kind) {
        case SearchKind::Enterprise:
            heading = g.more ? tr("Enterprises (first %1)").arg(n) : tr("Enterprises (%1)").arg(n);
            break;
        case SearchKind::Visit:
            heading = g.more ? tr("Visits (first %1)").arg(n) : tr("Visits (%1)").arg(n);
            break;
        case SearchKind::Issue:
            heading = g.more ? tr("Issues (first %1)").arg(n) : tr("Issues (%1)").arg(n);
            break;
        }
        html += QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped());
        for (const SearchHit& h : g.hits) {
            html += QStringLiteral("<p style=\"margin-bottom:6px\"><a href=\"yg:%1/%2\">%3</a>"
                                   "&nbsp;&nbsp;<span style=\"color:#666\">%4</span><br/>%5</p>")
                        .arg(kindKey(g.kind))
                        .arg(h.id)
                        .arg(marked(h.title), h.context.toHtmlEscaped(), marked(h.snippet));
        }
        if (g.more)
            html += QStringLiteral("<p><a href=\"yg:more/%1\">%2</a></p>")
                        .arg(kindKey(g.kind), tr("More…").toHtmlEscaped());
    }
    if (!any)
        html = QStringLiteral("<p>%1</p>").arg(tr("Nothing found for “%1”.").arg(m_query).toHtmlEscaped());
    m_results->setHtml(html);
}

void SearchView::openResult(SearchKind kind, RowId id)
{
    switch (kind) {
    case SearchKind::Enterprise:
        emit openEnterpriseRequested(id);
        break;
    case SearchKind::Visit:
        emit openVisitRequested(id);
        break;
    case SearchKind::Issue:
        emit openIssueRequested(id);
        break;
    }
}

void SearchView::linkActivated(const QUrl& url)
{
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (url.scheme() != QLatin1String("yg") || parts.size() != 2)
        return;
    if (parts[0] == QLatin1String("more")) {
        if (const auto kind = kindOf(parts[1]))
            showMore(*kind);
        return;
    }
    if (const auto kind = kindOf(parts[0]))
        openResult(*kind, parts[1].toLongLong());
}

} // namespace yg
