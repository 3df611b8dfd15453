<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Record #</source>
        <translation>记录编号</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91330602MA2BCDEF1X</source>
        <translation>18 位，如 91330602MA2BCDEF1X</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>镇街(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>职工人数(&amp;E)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Key enterprise</source>
        <translation>重点企业(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Small or micro</source>
        <translation>小微企业(&amp;S)</translation>
    </message>
    <message>
        <source>New &amp;form of employment</source>
        <translation>新业态(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Union</source>
        <translation>工会(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>会员数(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Assigned ca&amp;dre</source>
        <translation>联系干部(&amp;D)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from spreadsheets</source>
        <translation>从表格导入</translation>
    </message>
    <message>
        <source>1. Files (CSV saved from Excel or WPS; leave empty what you do not import)</source>
        <translation>1. 文件（Excel 或 WPS 另存的 CSV；不导入的留空）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Save template files…</source>
        <translation>保存模板文件…</translation>
    </message>
    <message>
        <source>2. Preview: how the file is read</source>
        <translation>2. 预览：文件的读取方式</translation>
    </message>
    <message>
        <source>3. Check and import (all or nothing)</source>
        <translation>3. 检查并导入（全部成功或全部不导入）</translation>
    </message>
    <message>
        <source>Check only</source>
        <translation>仅检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IssueWindow</name>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>办理记录（最新在前）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>YueGong Journal</source>
        <translation>越工周记</translation>
    </message>
    <message>
        <source>Since the first record</source>
        <translation>自首条记录以来</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Issues collected</source>
        <translation>收集问题诉求</translation>
    </message>
    <message>
        <source>Issues resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>化解率</translation>
    </message>
    <message>
        <source>Key enterprises covered</source>
        <translation>重点企业覆盖</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;About YueGong Journal</source>
        <translation>关于越工周记(&amp;A)</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message>
        <source>Open &amp;issue</source>
        <translation>打开问题(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New visit…</source>
        <translation>新建走访(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print weekly journal…</source>
        <translation>打印周记(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export weekly journal as PDF…</source>
        <translation>导出周记 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Find enterprise…</source>
        <translation>查找企业(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Prepare meeting</source>
        <translation>准备交流会</translation>
    </message>
    <message>
        <source>Creates the month&apos;s meeting with the agenda prepared from the data</source>
        <translation>按数据生成本月交流会及议程</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>召开日期</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Also present</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <source>Department representatives and guests</source>
        <translation>部门代表及其他列席人员</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存会议记录</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Issue number, e.g. 2024-0123</source>
        <translation>问题编号，如 2024-0123</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Decision…</source>
        <translation>会议决定…</translation>
    </message>
    <message>
        <source>Record decisions</source>
        <translation>登记会议决定</translation>
    </message>
    <message>
        <source>Writes every decision not yet recorded as a step of its issue, dated the meeting&apos;s day, all at once</source>
        <translation>将尚未登记的会议决定一次性记为各问题的办理步骤，日期为会议召开日</translation>
    </message>
</context>
<context>
    <name>MyWeekView</name>
    <message>
        <source>Go to the week of a date</source>
        <translation>跳到某一天所在的周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>本周走访</translation>
    </message>
    <message>
        <source>Key enterprises due a visit</source>
        <translation>待走访的重点企业</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>记录走访…</translation>
    </message>
    <message>
        <source>My open issues by due date</source>
        <translation>我的在办问题（按期限）</translation>
    </message>
    <message>
        <source>This week&apos;s journal (周记)</source>
        <translation>本周周记</translation>
    </message>
    <message>
        <source>Compose again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
</context>
<context>
    <name>QuarterlyAnalysisView</name>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Export quarterly report…</source>
        <translation>导出季报…</translation>
    </message>
    <message>
        <source>My reflections (心得)</source>
        <translation>我的心得</translation>
    </message>
    <message>
        <source>What did your visits this quarter teach you? What worked, what should change?</source>
        <translation>本季度走访有什么体会？哪些做法有效，哪些需要改进？</translation>
    </message>
    <message>
        <source>Save reflections</source>
        <translation>保存心得</translation>
    </message>
    <message>
        <source>The town this quarter: what the figures show, what needs attention next quarter.</source>
        <translation>本季度该镇街的情况：数据说明了什么，下季度需要关注什么。</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>保存评估</translation>
    </message>
    <message>
        <source>Colleagues&apos; texts for this town</source>
        <translation>同事的文字（本镇街）</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>2024-W32, 2024-07, 2024-Q3, 2024 or 2023-04-01..2024-11-30</source>
        <translation>2024-W32、2024-07、2024-Q3、2024 或 2023-04-01..2024-11-30</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Start date of the cumulative count</source>
        <translation>累计统计的起始日期</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Nominations…</source>
        <translation>评议推荐…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>YueGong Journal</source>
        <translation>越工周记</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>方式(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Enterprise</source>
        <translation>企业(&amp;E)</translation>
    </message>
    <message>
        <source>Type part of the name, credit code or town</source>
        <translation>输入企业名称、信用代码或镇街的一部分</translation>
    </message>
    <message>
        <source>&amp;Companions</source>
        <translation>同行干部(&amp;C)</translation>
    </message>
    <message>
        <source>Add a cadre by name</source>
        <translation>输入姓名添加同行干部</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Five-point checklist</source>
        <translation>五查情况</translation>
    </message>
    <message>
        <source>Summary and next visit</source>
        <translation>走访小结与下次走访</translation>
    </message>
    <message>
        <source>What you saw and discussed</source>
        <translation>看到的情况和交流的内容</translation>
    </message>
    <message>
        <source>&amp;Next visit on</source>
        <translation>下次走访(&amp;N)</translation>
    </message>
    <message>
        <source>Problems and demands raised (问题诉求)</source>
        <translation>收集的问题诉求</translation>
    </message>
    <message>
        <source>&amp;Add an issue</source>
        <translation>添加问题诉求(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>yg</name>
    <message>
        <source>A saved filter set needs a name.</source>
        <translation>保存的常用筛选需要一个名称。</translation>
    </message>
    <message>
        <source>The name of a filter set can have at most %1 characters.</source>
        <translation>常用筛选的名称最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>yg::AccountService</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>没有编号为 %1 的用户。</translation>
    </message>
    <message>
        <source>This database already has accounts; an administrator creates new ones.</source>
        <translation>该数据库已有账号；新账号由管理员创建。</translation>
    </message>
    <message>
        <source>The user name is empty.</source>
        <translation>用户名为空。</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>该账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The user name %1 is taken.</source>
        <translation>用户名 %1 已被占用。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords; try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account has been disabled; nothing was changed.</source>
        <translation>该账号已被停用；未作任何改动。</translation>
    </message>
</context>
<context>
    <name>yg::ActionDialog</name>
    <message>
        <source>What was explained</source>
        <translation>解释的内容</translation>
    </message>
    <message>
        <source>Note for the department</source>
        <translation>给承办部门的说明</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新的办理期限</translation>
    </message>
    <message>
        <source>The department&apos;s reason</source>
        <translation>部门退回的理由</translation>
    </message>
    <message>
        <source>What was done, by whom</source>
        <translation>办理情况和办理人</translation>
    </message>
    <message>
        <source>What is still unsolved</source>
        <translation>尚未解决的问题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>Without a due date of your own it is due %n working day(s) later, by the category&apos;s default.</source>
        <translation>
            <numerusform>如不另行指定，按该类别默认办理时限，%n 个工作日后到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>The due date moves by the working days the clock was paused (since %1).</source>
        <translation>办理期限将顺延暂停计时（自 %1 起）期间的工作日数。</translation>
    </message>
    <message>
        <source>The issue goes back to consultation; the follow-up is recorded as dissatisfied.</source>
        <translation>问题退回会诊；本次回访记为“不满意”。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>yg::AdminService</name>
    <message>
        <source>The due days must be 1 to 365, not %1.</source>
        <translation>办理时限必须在 1 到 365 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>Unknown category code &apos;%1&apos;; the codes are: %2.</source>
        <translation>未知的类别代码“%1”；可用代码：%2。</translation>
    </message>
    <message>
        <source>A threshold must be 1 to 60 working days, not %1.</source>
        <translation>阈值必须在 1 到 60 个工作日之间，而不是 %1。</translation>
    </message>
    <message>
        <source>The idle lock must be 1 to 240 minutes, not %1.</source>
        <translation>空闲锁定时间必须在 1 到 240 分钟之间，而不是 %1。</translation>
    </message>
    <message>
        <source>%1 may only record and edit visits they are on, or, as a supervisor, the visits of their group&apos;s cadres.</source>
        <translation>%1 只能登记和修改自己参与的走访；分管领导可登记和修改本组干部的走访。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何改动。</translation>
    </message>
    <message>
        <source>There is no visit with id %1.</source>
        <translation>没有编号为 %1 的走访。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The weeks without a visit must be 1 to 52, not %1.</source>
        <translation>未走访的周数必须在 1 到 52 之间，而不是 %1。</translation>
    </message>
</context>
<context>
    <name>yg::AppStartup</name>
    <message>
        <source>First start: a demo district was created so you can look around.</source>
        <translation>首次启动：已创建演示数据，您可以先随意浏览。</translation>
    </message>
    <message>
        <source>YueGong Journal</source>
        <translation>越工周记</translation>
    </message>
    <message>
        <source>First start: a new empty database was created. Import your registers with File → Import….</source>
        <translation>首次启动：已创建新的空数据库。请通过“文件 → 导入…”导入现有台账。</translation>
    </message>
    <message>
        <source>Welcome. What should the first database hold?</source>
        <translation>欢迎使用。首个数据库要放什么内容？</translation>
    </message>
    <message>
        <source>The demo district is a made-up Yuecheng district to look around in. A new empty database holds only the district&apos;s towns, issue categories, departments and holidays; you create the first administrator next and import your registers.</source>
        <translation>演示数据是虚构的越城区数据，供先行浏览。新的空数据库只包含本区的镇街、问题类别、承办部门和节假日；接下来创建首个管理员，再导入现有台账。</translation>
    </message>
    <message>
        <source>Demo district</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>New empty database</source>
        <translation>新建空数据库</translation>
    </message>
</context>
<context>
    <name>yg::AuditDialog</name>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>Issue steps</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>People and accounts</source>
        <translation>人员和账号</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The chain of entries is intact.</source>
        <translation>审计记录链完整。</translation>
    </message>
    <message>
        <source>Warning: entry %1 does not match the chain; the trail was changed outside the app.</source>
        <translation>警告：第 %1 条记录与记录链不符，审计记录曾在软件之外被改动。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>yg::AuditTableModel</name>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>变更（原值 → 新值）</translation>
    </message>
    <message>
        <source>whole database</source>
        <translation>整个数据库</translation>
    </message>
</context>
<context>
    <name>yg::BackupService</name>
    <message>
        <source>The backup folder %1 cannot be created.</source>
        <translation>无法创建备份文件夹 %1。</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>issue %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
    <message>
        <source>audit trail: entry %1 does not match the chain</source>
        <translation>审计记录：第 %1 条与记录链不符</translation>
    </message>
    <message>
        <source>%1 was not restored; nothing was replaced:</source>
        <translation>未从 %1 恢复，未替换任何内容：</translation>
    </message>
    <message>
        <source>%1 was opened by another YueGong program meanwhile; nothing was replaced.</source>
        <translation>%1 在此期间被另一个越工周记程序打开；未替换任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be copied; nothing was replaced.</source>
        <translation>无法复制 %1；未替换任何内容。</translation>
    </message>
    <message>
        <source>%1 could not be replaced.</source>
        <translation>无法替换 %1。</translation>
    </message>
</context>
<context>
    <name>yg::Board</name>
    <message>
        <source>Intake</source>
        <translation>接诊</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>会诊</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Closed this month</source>
        <translation>本月办结</translation>
    </message>
    <message>
        <source>A card cannot move from “%1” to “%2”: no step of the closed loop leads there.</source>
        <translation>卡片不能从“%1”移到“%2”：闭环办理中没有通往那里的步骤。</translation>
    </message>
</context>
<context>
    <name>yg::BoardService</name>
    <message>
        <source>There is no user with id %1.</source>
        <translation>没有编号为 %1 的用户。</translation>
    </message>
    <message>
        <source>There is no issue with id %1 that you may see.</source>
        <translation>没有您可以查看的编号为 %1 的问题。</translation>
    </message>
    <message>
        <source>Issue %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not possible now.</source>
        <translation>现在不能“%1”。</translation>
    </message>
    <message>
        <source>Issue %1 stays in “%2”: %3</source>
        <translation>问题 %1 仍留在“%2”：%3</translation>
    </message>
    <message>
        <source>There is no issue with id %1.</source>
        <translation>没有编号为 %1 的问题。</translation>
    </message>
    <message>
        <source>Issue %1: %2 does not take a card from “%3” to “%4”. Nothing was changed.</source>
        <translation>问题 %1：“%2”不能把卡片从“%3”移到“%4”，未作任何更改。</translation>
    </message>
    <message>
        <source>There is no saved filter set “%1”.</source>
        <translation>没有名为“%1”的常用筛选。</translation>
    </message>
    <message>
        <source>A filter set named “%1” already exists; choose another name.</source>
        <translation>已有名为“%1”的常用筛选，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>yg::BoardView</name>
    <message>
        <source>closed %1</source>
        <translation>%1 办结</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 个工作日</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>clock paused</source>
        <translation>已暂停计时</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>closed %1 · %2 working days</source>
        <translation>%1 办结 · 用时 %2 个工作日</translation>
    </message>
    <message>
        <source>No escalation</source>
        <translation>未预警</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>Month of the closed column</source>
        <translation>“本月办结”一列的月份</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Saved filters:</source>
        <translation>常用筛选：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the current filters under a name</source>
        <translation>把当前的筛选条件存为一个常用筛选</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(chosen)</source>
        <translation>（已选）</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部承办部门</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部预警等级</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Save filters</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name of this filter set:</source>
        <translation>常用筛选的名称：</translation>
    </message>
    <message>
        <source>Rename filter set</source>
        <translation>常用筛选改名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Which step?</source>
        <translation>办理哪一步？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>The board could not be loaded; the log file says why.</source>
        <translation>看板未能载入，原因见日志文件。</translation>
    </message>
</context>
<context>
    <name>yg::BriefingDialog</name>
    <message>
        <source>Invited: %1 enterprises; linked: %2 issues (%3).</source>
        <translation>邀请企业 %1 家；关联问题诉求 %2 件（%3）。</translation>
    </message>
    <message>
        <source>Policy briefing on &quot;%1&quot; for the enterprises that raised it.</source>
        <translation>面向反映“%1”问题企业的专场政策解读会。</translation>
    </message>
    <message>
        <source>Policy briefing</source>
        <translation>专场解读会</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Host enterprise (place)</source>
        <translation>承办企业（地点）(&amp;H)</translation>
    </message>
    <message>
        <source>%1, and the colleagues ticked below</source>
        <translation>%1，以及下面勾选的同事</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>参加干部</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>概况(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Plan briefing</source>
        <translation>安排解读会(&amp;P)</translation>
    </message>
    <message>
        <source>What was explained at the briefing, and what was done</source>
        <translation>解读会上讲解了什么、办理了什么</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>解读结果(&amp;O)</translation>
    </message>
    <message>
        <source>Satisfaction (follow-up issues)</source>
        <translation>满意度（回访中的问题）</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <source>Refused because</source>
        <translation>不能办理的原因</translation>
    </message>
    <message>
        <source>Intake issues are closed as explained; issues in consultation get the feedback and then need their own follow-up visit; follow-up issues are confirmed. Untick an issue to leave it out.</source>
        <translation>接诊中的问题按“现场解释”办结；会诊中的问题登记“反馈”，之后仍需各自回访；回访中的问题予以确认。取消勾选即不纳入本次办理。</translation>
    </message>
    <message>
        <source>&amp;Apply outcome</source>
        <translation>应用解读结果(&amp;A)</translation>
    </message>
    <message>
        <source>Briefing on %1 at %2 for %3 enterprises. Once it has taken place, apply its outcome to the linked issues.</source>
        <translation>解读会：%1，地点 %2，邀请企业 %3 家。会后将结果应用到关联的问题诉求。</translation>
    </message>
    <message>
        <source>The outcome was applied to %1 issues.</source>
        <translation>已将解读结果应用到 %1 件问题诉求。</translation>
    </message>
</context>
<context>
    <name>yg::CalendarImport</name>
    <message>
        <source>%1 line 1: the header must be date,kind,name</source>
        <translation>%1 第 1 行：表头必须是 date,kind,name</translation>
    </message>
    <message>
        <source>%1 line %2, column date: &apos;%3&apos; is not a date like 2027-02-08</source>
        <translation>%1 第 %2 行 date 列：“%3”不是 2027-02-08 这样的日期</translation>
    </message>
    <message>
        <source>%1 line %2, column kind: &apos;%3&apos; is neither holiday nor workday</source>
        <translation>%1 第 %2 行 kind 列：“%3”既不是 holiday 也不是 workday</translation>
    </message>
    <message>
        <source>%1 line %2: %3 is a weekend day; only weekdays can be holidays</source>
        <translation>%1 第 %2 行：%3 是周末；只有工作日才能设为节假日</translation>
    </message>
    <message>
        <source>%1 line %2: %3 is a weekday; only weekend days can be make-up days</source>
        <translation>%1 第 %2 行：%3 是工作日；只有周末才能设为调休上班日</translation>
    </message>
    <message>
        <source>the file has no days to import</source>
        <translation>文件中没有可导入的日期</translation>
    </message>
    <message>
        <source>The calendar was not imported; nothing was changed:</source>
        <translation>日历未导入，未作任何改动：</translation>
    </message>
</context>
<context>
    <name>yg::CreditCode</name>
    <message>
        <source>The credit code is empty; it has 18 characters.</source>
        <translation>统一社会信用代码为空；它应有 18 位。</translation>
    </message>
    <message>
        <source>The credit code has %1 characters; it must have exactly 18.</source>
        <translation>统一社会信用代码有 %1 位，应为 18 位。</translation>
    </message>
    <message>
        <source>the letters I, O, Z, S and V are never used (did you mean 1, 0, 2, 5 or U?)</source>
        <translation>代码中不使用字母 I、O、Z、S、V（是否应为 1、0、2、5 或 U？）</translation>
    </message>
    <message>
        <source>only digits and the capital letters A–Y without I, O, S, V are used</source>
        <translation>只能使用数字和除 I、O、S、V 以外的大写字母 A–Y</translation>
    </message>
    <message>
        <source>Character %1 &apos;%2&apos; of the credit code is not allowed: %3.</source>
        <translation>统一社会信用代码第 %1 位“%2”不合法：%3。</translation>
    </message>
    <message>
        <source>Character 18 &apos;%1&apos; of the credit code is its check character and does not match the first 17 characters (they give &apos;%2&apos;): one character was mistyped.</source>
        <translation>统一社会信用代码第 18 位“%1”是校验码，与前 17 位不符（前 17 位算得“%2”）：有一位输入错误。</translation>
    </message>
</context>
<context>
    <name>yg::Database</name>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>数据库 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 %2; it was left untouched.</source>
        <translation>%1 %2；文件未作任何改动。</translation>
    </message>
    <message>
        <source>The database %1 is already open in another YueGong program (%2, process %3 on %4). Close it there first, or open this file read-only.</source>
        <translation>数据库 %1 已在另一个越工周记程序中打开（%2，进程 %3，主机 %4）。请先在那里关闭，或以只读方式打开。</translation>
    </message>
    <message>
        <source>The database %1 cannot be locked for writing (no permission in its folder?).</source>
        <translation>无法锁定数据库 %1 以写入（所在文件夹没有权限？）。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a YueGong database; it was left untouched.</source>
        <translation>%1 是其他程序的 SQLite 数据库，不是越工周记数据库；文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of YueGong (database version %2; this program knows up to %3). Install the newer YueGong to open it; the file was left untouched.</source>
        <translation>%1 由更新版本的越工周记写入（数据库版本 %2，本程序最高支持 %3）。请安装新版本后再打开；文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 has database version %2 and needs an upgrade to %3; open it once for writing.</source>
        <translation>%1 的数据库版本为 %2，需要升级到 %3；请以可写方式打开一次。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>A reading connection to %1 cannot be opened: %2</source>
        <translation>无法打开 %1 的只读连接：%2</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2) failed; nothing was changed. %3</source>
        <translation>数据库升级到版本 %1（%2）失败；未作任何改动。%3</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>is an empty file, not a YueGong database</source>
        <translation>是空文件，不是越工周记数据库</translation>
    </message>
    <message>
        <source>is not an SQLite database file</source>
        <translation>不是 SQLite 数据库文件</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened as a database: %2</source>
        <translation>文件 %1 无法作为数据库打开：%2</translation>
    </message>
    <message>
        <source>The file %1 is damaged or not a database: %2</source>
        <translation>文件 %1 已损坏或不是数据库：%2</translation>
    </message>
    <message>
        <source>The database %1 cannot be created: %2</source>
        <translation>无法创建数据库 %1：%2</translation>
    </message>
    <message>
        <source>row %1 of table %2 points to a missing row of %3</source>
        <translation>表 %2 的第 %1 行引用了 %3 中不存在的记录</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <source>The backup %1 could not be written: %2</source>
        <translation>无法写入备份 %1：%2</translation>
    </message>
</context>
<context>
    <name>yg::Demo</name>
    <message>
        <source>The scale must be 1 to 5000, not %1.</source>
        <translation>规模必须在 1 到 5000 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>The demo district goes into an empty database only.</source>
        <translation>演示数据只能写入空数据库。</translation>
    </message>
    <message>
        <source>%1 already exists; the demo is written to a new file only.</source>
        <translation>%1 已存在；演示数据只写入新文件。</translation>
    </message>
    <message>
        <source>The demo database could not be moved into place at %1.</source>
        <translation>演示数据库无法移动到 %1。</translation>
    </message>
</context>
<context>
    <name>yg::DistrictProfile</name>
    <message>
        <source>The district profile %1 cannot be read: %2</source>
        <translation>无法读取区域配置文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3).</source>
        <translation>%1 不是有效的 JSON（第 %2 字节：%3）。</translation>
    </message>
    <message>
        <source>%1 is not a YueGong district profile (its &quot;format&quot; is not &quot;yuegong-district-profile&quot;).</source>
        <translation>%1 不是越工周记区域配置文件（其 &quot;format&quot; 不是 &quot;yuegong-district-profile&quot;）。</translation>
    </message>
    <message>
        <source>%1: town %2 needs a &quot;code&quot; and a &quot;name&quot;.</source>
        <translation>%1：第 %2 个镇街需要 &quot;code&quot; 和 &quot;name&quot;。</translation>
    </message>
    <message>
        <source>%1: town %2 &quot;%3&quot; is listed twice.</source>
        <translation>%1：第 %2 个镇街“%3”重复。</translation>
    </message>
    <message>
        <source>%1: category %2 needs a &quot;code&quot;, a &quot;name&quot; and &quot;defaultDueDays&quot; of at least 1.</source>
        <translation>%1：第 %2 个类别需要 &quot;code&quot;、&quot;name&quot; 和至少为 1 的 &quot;defaultDueDays&quot;。</translation>
    </message>
    <message>
        <source>%1: a district profile needs at least one town and one category.</source>
        <translation>%1：区域配置至少需要一个镇街和一个问题类别。</translation>
    </message>
    <message>
        <source>%1: calendar day %2 needs a &quot;date&quot; (YYYY-MM-DD) and a &quot;kind&quot;: &quot;holiday&quot; on a weekday or &quot;workday&quot; on a weekend.</source>
        <translation>%1：第 %2 个日历日期需要 &quot;date&quot;（YYYY-MM-DD）和 &quot;kind&quot;：工作日为 &quot;holiday&quot;，周末为 &quot;workday&quot;。</translation>
    </message>
    <message>
        <source>%1 already exists; a new database is written to a new file only.</source>
        <translation>%1 已存在；新数据库只写入新文件。</translation>
    </message>
    <message>
        <source>The new database could not be moved into place at %1.</source>
        <translation>新数据库无法移动到 %1。</translation>
    </message>
</context>
<context>
    <name>yg::Domain</name>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>No union</source>
        <translation>未建会</translation>
    </message>
    <message>
        <source>Union being set up</source>
        <translation>筹建中</translation>
    </message>
    <message>
        <source>Union established</source>
        <translation>已建会</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>实地走访</translation>
    </message>
    <message>
        <source>Workshop talk with workers</source>
        <translation>车间职工座谈</translation>
    </message>
    <message>
        <source>Phone follow-up</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Policy briefing session</source>
        <translation>政策解读会</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未查看</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>Workers in good spirits</source>
        <translation>职工状态是否在线</translation>
    </message>
    <message>
        <source>Grassroots union active</source>
        <translation>基层工会是否有活力</translation>
    </message>
    <message>
        <source>Employment lawful and orderly</source>
        <translation>劳动用工是否规范</translation>
    </message>
    <message>
        <source>Support measures in place</source>
        <translation>帮扶举措是否到位</translation>
    </message>
    <message>
        <source>Rights and interests protected</source>
        <translation>权益保障是否落实</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接诊</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>会诊</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <source>Closed unresolved</source>
        <translation>未化解</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>yg::EnterpriseDialog</name>
    <message>
        <source>Enterprise: %1</source>
        <translation>企业：%1</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <source>(choose a town)</source>
        <translation>（请选择镇街）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The signed-in person is not in this database.</source>
        <translation>当前登录人员不在此数据库中。</translation>
    </message>
</context>
<context>
    <name>yg::EnterprisePage</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>This enterprise no longer exists.</source>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>small or micro enterprise</source>
        <translation>小微企业</translation>
    </message>
    <message>
        <source>new form of employment</source>
        <translation>新业态</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>职工 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>union: %1</source>
        <translation>工会：%1</translation>
    </message>
    <message>
        <source>assigned cadre: %1</source>
        <translation>联系干部：%1</translation>
    </message>
    <message>
        <source>contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message numerus="yes">
        <source>Key enterprise: covered in %1 (%n visit(s), last on %2).</source>
        <translation>
            <numerusform>重点企业：%1 已覆盖（走访 %n 家次，最近一次 %2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Key enterprise: NOT yet visited in %1.</source>
        <translation>重点企业：%1 尚未走访。</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) in %1.</source>
        <translation>
            <numerusform>%1 共走访 %n 家次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open issues: %1</source>
        <translation>未办结的问题诉求：%1 件</translation>
    </message>
    <message>
        <source>Visits and issues, newest first: %1</source>
        <translation>走访和问题诉求（最新在前）：共 %1 条</translation>
    </message>
</context>
<context>
    <name>yg::EnterpriseRegistryView</name>
    <message>
        <source>Name or credit code</source>
        <translation>名称或信用代码</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>Small/micro</source>
        <translation>小微</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>新业态</translation>
    </message>
    <message>
        <source>Not visited since</source>
        <translation>未走访自</translation>
    </message>
    <message>
        <source>&amp;New enterprise…</source>
        <translation>新增企业(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Staff and administrators keep the enterprise registry.</source>
        <translation>企业名录由工作人员和管理员维护。</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Any union status</source>
        <translation>任意建会状态</translation>
    </message>
    <message>
        <source>Any cadre</source>
        <translation>任意干部</translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s)</source>
        <translation>
            <numerusform>%n 家企业</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>yg::EnterpriseTableModel</name>
    <message>
        <source>key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>small or micro enterprise</source>
        <translation>小微企业</translation>
    </message>
    <message>
        <source>new form of employment</source>
        <translation>新业态</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
</context>
<context>
    <name>yg::Evaluation</name>
    <message>
        <source>Excellent research result</source>
        <translation>优秀调研成果</translation>
    </message>
    <message>
        <source>Reasonable suggestion</source>
        <translation>合理化建议</translation>
    </message>
    <message>
        <source>the year %1 is not a year between 2000 and 2100</source>
        <translation>年份 %1 不在 2000 到 2100 之间</translation>
    </message>
    <message>
        <source>no cadre is named</source>
        <translation>未指定干部</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>the score %1 is not between 0 and 100</source>
        <translation>评分 %1 不在 0 到 100 之间</translation>
    </message>
    <message>
        <source>only a scored nomination can be selected</source>
        <translation>只有已评分的推荐才能入选</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quarter like 2024-Q3</source>
        <translation>“%1”不是 2024-Q3 这样的季度</translation>
    </message>
    <message>
        <source>no author is named</source>
        <translation>未指定作者</translation>
    </message>
    <message>
        <source>a reflection is not about a town</source>
        <translation>心得不针对某个镇街</translation>
    </message>
    <message>
        <source>a town assessment needs its town</source>
        <translation>镇街评估需要指定镇街</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>内容为空</translation>
    </message>
</context>
<context>
    <name>yg::EvaluationService</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何改动。</translation>
    </message>
    <message>
        <source>There is no nomination with id %1.</source>
        <translation>没有编号为 %1 的推荐。</translation>
    </message>
    <message>
        <source>Reflections are written by cadres and supervisors about their own work.</source>
        <translation>心得由干部和分管领导就本人工作撰写。</translation>
    </message>
</context>
<context>
    <name>yg::Exchange</name>
    <message>
        <source>The exchange file %1 cannot be read (%2); nothing was imported.</source>
        <translation>无法读取交换文件 %1（%2），未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is not a YueGong exchange file (or its beginning is damaged); nothing was imported.</source>
        <translation>%1 不是越工周记交换文件（或文件开头已损坏），未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is in exchange format %2, but this program reads format %3; nothing was imported.</source>
        <translation>%1 的交换格式为第 %2 版，本程序只能读取第 %3 版，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 comes from a database of version %2 but this database is version %3: bring both to the same program version first; nothing was imported.</source>
        <translation>%1 来自第 %2 版数据库，而本数据库为第 %3 版：请先把两边升级到同一程序版本，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is incomplete or has extra bytes (%2 bytes of records instead of %3), probably cut off while being copied; nothing was imported.</source>
        <translation>%1 不完整或多出内容（记录部分 %2 字节，应为 %3 字节），可能在复制时被截断，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is damaged: its checksum does not match its content; nothing was imported.</source>
        <translation>%1 已损坏：校验和与内容不符，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 does not say where it comes from or what it holds; nothing was imported.</source>
        <translation>%1 未注明来源或内容类型，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was written by this database itself; nothing was imported.</source>
        <translation>%1 是本数据库自己导出的文件，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is meant for another database (%2), not this one (%3); nothing was imported.</source>
        <translation>%1 是给另一个数据库（%2）的，不是给本数据库（%3）的，未导入任何内容。</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>没有变化</translation>
    </message>
    <message>
        <source>%1 records (%2), %3 bytes</source>
        <translation>%1 条记录（%2），%3 字节</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 unchanged, %5 conflicts</source>
        <translation>%1：新增 %2，更新 %3，未变 %4，冲突 %5</translation>
    </message>
    <message>
        <source>The file holds no records.</source>
        <translation>文件中没有记录。</translation>
    </message>
    <message>
        <source>issues given a new number (theirs was taken here): %1</source>
        <translation>因编号在本库已被占用而重新编号的问题诉求：%1 条</translation>
    </message>
    <message>
        <source>An exchange file cannot be meant for the database that writes it; nothing was written.</source>
        <translation>交换文件不能指定给导出它的数据库本身，未写入任何内容。</translation>
    </message>
    <message>
        <source>The exchange file %1 cannot be written (%2).</source>
        <translation>无法写入交换文件 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 line %2: a record of table &quot;%3&quot; that this kind of file cannot carry.</source>
        <translation>%1 第 %2 行：这类文件不能包含“%3”表的记录。</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: the header announces %2 records of %3 but the file holds %4.</source>
        <translation>%1：文件头声明 %3 有 %2 条记录，实际有 %4 条。</translation>
    </message>
    <message>
        <source>%1 %2: %3 refers to %4 %5, which is neither in this database nor in the file.</source>
        <translation>%1 %2：%3 引用的 %4 %5 既不在本数据库中，也不在文件中。</translation>
    </message>
    <message>
        <source>There is no exchange conflict %1.</source>
        <translation>没有编号为 %1 的交换冲突。</translation>
    </message>
    <message>
        <source>Conflict %1 was already decided (%2); nothing was changed.</source>
        <translation>冲突 %1 已经处理过（%2），未作任何改动。</translation>
    </message>
    <message>
        <source>Conflict %1 is about an unknown table %2.</source>
        <translation>冲突 %1 涉及未知的表 %2。</translation>
    </message>
    <message>
        <source>Conflict %1: the record was changed here after the conflict was found; import the file again to compare anew. Nothing was changed.</source>
        <translation>冲突 %1：发现冲突后本库的这条记录又被修改过，请重新导入文件再比较。未作任何改动。</translation>
    </message>
    <message>
        <source>Issue %1: the step “%2” of %3 was taken while the issue was in %4, but here it is in %5 by then (both databases acted on it since they last met). To take the file, reopen the issue here (the laptop&apos;s step then follows on), import it again, and close the issue again if it is still settled.</source>
        <translation>问题 %1：%3 的“%2”是在该问题处于“%4”时办理的，而本库中该问题此时已是“%5”（两边在上次交换之后都办理过它）。如要接收此文件，请先在本库重启该问题（笔记本上的步骤随后接续），再次导入，如问题确已解决再重新办结。</translation>
    </message>
    <message>
        <source>enterprises registered on both sides, merged into the one here (by credit code): %1</source>
        <translation>两边都登记过、已按统一社会信用代码合并到本库企业的企业：%1 家</translation>
    </message>
    <message>
        <source>steps attributed to a monthly meeting that is not in this database (kept without the meeting): %1</source>
        <translation>在本库没有的月度交流会上决定的办理步骤（已保留步骤，未标交流会）：%1 条</translation>
    </message>
    <message>
        <source>There is no account %1; nothing was written.</source>
        <translation>没有用户名为 %1 的账号；未写入任何内容。</translation>
    </message>
    <message>
        <source>its header of %1 bytes does not fit</source>
        <translation>文件头有 %1 字节，超出预留空间</translation>
    </message>
</context>
<context>
    <name>yg::ExchangeConflictsDialog</name>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Issue category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>日历日</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>Quarterly note</source>
        <translation>季度分析文字</translation>
    </message>
    <message>
        <source>Exchange conflicts</source>
        <translation>数据交换冲突</translation>
    </message>
    <message>
        <source>These records were changed both here and in the other database since the two last exchanged. Nothing was overwritten: decide for each which version to keep.</source>
        <translation>以下记录在上次交换之后，本库和对方数据库都作了修改。没有任何内容被覆盖：请逐条决定保留哪个版本。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>本库</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Keep this database&apos;s version</source>
        <translation>保留本库版本</translation>
    </message>
    <message>
        <source>Keep the incoming version</source>
        <translation>采用对方版本</translation>
    </message>
    <message>
        <source>%1 %2
%3</source>
        <translation>%1 %2
%3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>Small or micro</source>
        <translation>小微企业</translation>
    </message>
    <message>
        <source>New form of employment</source>
        <translation>新业态</translation>
    </message>
    <message>
        <source>Union status</source>
        <translation>工会状态</translation>
    </message>
    <message>
        <source>Union members</source>
        <translation>会员人数</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Assigned cadre</source>
        <translation>驻联干部</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次走访日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接诊日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Weekly visit quota</source>
        <translation>每周走访指标</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>驻联开始</translation>
    </message>
    <message>
        <source>Active until</source>
        <translation>驻联结束</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>This enterprise was registered in both databases (the same credit code). It is one enterprise here now, and the visits and issues recorded under either registration belong to it. The two registrations differ in the fields marked: decide which to keep.</source>
        <translation>这家企业在两个数据库中都登记过（统一社会信用代码相同）。现在本库中只有这一家企业，两边按任一登记记录的走访和问题诉求都归到它名下。两边登记的内容在标出的字段上不同：请决定保留哪一边。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>yg::Import</name>
    <message>
        <source>%1 is not valid UTF-8; if it was saved by Excel or WPS as &quot;CSV (comma delimited)&quot;, choose the GB18030 encoding.</source>
        <translation>%1 不是有效的 UTF-8 文本；如果是用 Excel 或 WPS 另存为“CSV（逗号分隔）”的文件，请选择 GB18030 编码。</translation>
    </message>
    <message>
        <source>This system cannot decode GB18030 text.</source>
        <translation>本系统无法解码 GB18030 文本。</translation>
    </message>
    <message>
        <source>%1 is neither valid UTF-8 nor valid GB18030 text.</source>
        <translation>%1 既不是有效的 UTF-8 文本，也不是有效的 GB18030 文本。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: read as %2.</source>
        <translation>%1：按 %2 读取。</translation>
    </message>
    <message>
        <source>the file is empty; it needs a header row</source>
        <translation>文件为空；需要有表头行</translation>
    </message>
    <message>
        <source>%1: the column “%2” is not one of this file&apos;s columns and was ignored.</source>
        <translation>%1：“%2”列不属于本文件的列，已忽略。</translation>
    </message>
    <message>
        <source>this column appears twice in the header</source>
        <translation>表头中该列出现了两次</translation>
    </message>
    <message>
        <source>the required column “%1” (%2) is missing</source>
        <translation>缺少必填列“%1”（%2）</translation>
    </message>
    <message>
        <source>a date is required</source>
        <translation>必须填写日期</translation>
    </message>
    <message>
        <source>not a date; write 2024-03-05, 2024/3/5 or 2024年3月5日</source>
        <translation>不是日期；请写成 2024-03-05、2024/3/5 或 2024年3月5日</translation>
    </message>
    <message>
        <source>not a yes/no value; write 是/否, Y/N, 1/0 or true/false</source>
        <translation>不是“是/否”值；请写 是/否、Y/N、1/0 或 true/false</translation>
    </message>
    <message>
        <source>not a whole number of 0 or more</source>
        <translation>不是大于等于 0 的整数</translation>
    </message>
    <message>
        <source>this column must not be empty</source>
        <translation>该列不能为空</translation>
    </message>
    <message>
        <source>unknown cadre: no cadre of this name in the database or the cadres file</source>
        <translation>未知干部：数据库和干部文件中都没有此姓名的干部</translation>
    </message>
    <message>
        <source>two cadres have this name; rename one before importing</source>
        <translation>有两名干部同名；请先将其中一人改名再导入</translation>
    </message>
    <message>
        <source>two enterprises have this name; use the credit code</source>
        <translation>有两家企业同名；请改用统一社会信用代码</translation>
    </message>
    <message>
        <source>unknown enterprise: no enterprise with this credit code or name</source>
        <translation>未知企业：没有此统一社会信用代码或名称的企业</translation>
    </message>
    <message>
        <source>unknown town: not in the district&apos;s list of towns</source>
        <translation>未知镇街：不在本区镇街名单中</translation>
    </message>
    <message>
        <source>this cadre appears twice in the file</source>
        <translation>该干部在文件中出现了两次</translation>
    </message>
    <message>
        <source>two cadres of this name are already in the database</source>
        <translation>数据库中已有两名同名干部</translation>
    </message>
    <message>
        <source>unknown role; write cadre/supervisor/staff/admin or 干部/分管领导/工作人员/管理员</source>
        <translation>未知角色；请写 cadre/supervisor/staff/admin 或 干部/分管领导/工作人员/管理员</translation>
    </message>
    <message>
        <source>only an administrator can make or change an administrator</source>
        <translation>只有管理员才能设立或更改管理员</translation>
    </message>
    <message>
        <source>you cannot change your own role</source>
        <translation>不能更改自己的角色</translation>
    </message>
    <message>
        <source>a supervisor leads a group: the group is empty</source>
        <translation>分管领导负责一个分组：分组为空</translation>
    </message>
    <message>
        <source>the group “%1” is led by %2 in an earlier row</source>
        <translation>前面的行中“%1”的分管领导是 %2</translation>
    </message>
    <message>
        <source>this person is not a supervisor (分管领导)</source>
        <translation>此人不是分管领导</translation>
    </message>
    <message>
        <source>this credit code appears twice in the file</source>
        <translation>该统一社会信用代码在文件中出现了两次</translation>
    </message>
    <message>
        <source>unknown union status; write none/building/established or 未建会/筹建中/已建会</source>
        <translation>未知工会状态；请写 none/building/established 或 未建会/筹建中/已建会</translation>
    </message>
    <message>
        <source>this visit reference appears twice in the file</source>
        <translation>该走访编号在文件中出现了两次</translation>
    </message>
    <message>
        <source>the visit date is in the future</source>
        <translation>走访日期在未来</translation>
    </message>
    <message>
        <source>administrators do not record visits; name the cadre who visited</source>
        <translation>管理员不登记走访；请填写实际走访的干部</translation>
    </message>
    <message>
        <source>this cadre is already on the visit</source>
        <translation>该干部已在本次走访中</translation>
    </message>
    <message>
        <source>unknown kind of visit; write on_site, workshop_talk, phone_follow_up, policy_briefing, mediation or 实地走访, 车间职工座谈, 电话回访, 政策解读会, 调解</source>
        <translation>未知走访类型；请写 on_site、workshop_talk、phone_follow_up、policy_briefing、mediation 或 实地走访、车间职工座谈、电话回访、政策解读会、调解</translation>
    </message>
    <message>
        <source>Imported from the spreadsheet register.</source>
        <translation>根据台账导入。</translation>
    </message>
    <message>
        <source>unknown outcome; write resolved/unresolved/withdrawn or 已化解/未化解/已撤回</source>
        <translation>未知结果；请写 resolved/unresolved/withdrawn 或 已化解/未化解/已撤回</translation>
    </message>
    <message>
        <source>unknown satisfaction; write satisfied/basically_satisfied/dissatisfied or 满意/基本满意/不满意</source>
        <translation>未知满意度；请写 satisfied/basically_satisfied/dissatisfied 或 满意/基本满意/不满意</translation>
    </message>
    <message>
        <source>a department needs the submission date (提交日期)</source>
        <translation>填写承办部门须同时填写提交日期</translation>
    </message>
    <message>
        <source>feedback needs the submission date (提交日期)</source>
        <translation>填写反馈日期须同时填写提交日期</translation>
    </message>
    <message>
        <source>an issue with an outcome needs its closing date (办结日期)</source>
        <translation>有结果的问题须填写办结日期</translation>
    </message>
    <message>
        <source>a closed issue needs its outcome (结果)</source>
        <translation>已办结的问题须填写结果</translation>
    </message>
    <message>
        <source>a submitted issue that was resolved needs its feedback date (反馈日期)</source>
        <translation>已提交且已化解的问题须填写反馈日期</translation>
    </message>
    <message>
        <source>satisfaction is recorded at the follow-up that confirms a resolved issue; this row has none</source>
        <translation>满意度在回访确认化解时登记；本行没有这一步</translation>
    </message>
    <message>
        <source>this issue reference appears twice in the file</source>
        <translation>该问题编号在文件中出现了两次</translation>
    </message>
    <message>
        <source>unknown visit: no visit with this reference in the database or the visits file</source>
        <translation>未知走访：数据库和走访文件中都没有此走访编号</translation>
    </message>
    <message>
        <source>unknown issue category</source>
        <translation>未知问题类别</translation>
    </message>
    <message>
        <source>unknown department</source>
        <translation>未知承办部门</translation>
    </message>
    <message>
        <source>differs from the issue&apos;s recorded history (step %1 is “%2” on %3); recorded steps cannot be changed</source>
        <translation>与该问题已记录的办理过程不符（第 %1 步是 %3 的“%2”）；已记录的步骤不能更改</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>column “%1” value “%2”: </source>
        <translation>“%1”列的值“%2”：</translation>
    </message>
    <message>
        <source>%1 %2 added, %3 updated, %4 unchanged</source>
        <translation>%1：新增 %2，更新 %3，未变 %4</translation>
    </message>
    <message>
        <source>Dry run, nothing written: </source>
        <translation>试运行，未写入任何内容：</translation>
    </message>
    <message>
        <source>Imported: </source>
        <translation>已导入：</translation>
    </message>
    <message>
        <source>Choose at least one file to import.</source>
        <translation>请至少选择一个要导入的文件。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>yg::ImportWizard</name>
    <message>
        <source>Detect (UTF-8 or GB18030)</source>
        <translation>自动识别（UTF-8 或 GB18030）</translation>
    </message>
    <message>
        <source>Choose the %1 file</source>
        <translation>选择%1文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>No %1 file chosen.</source>
        <translation>未选择%1文件。</translation>
    </message>
    <message>
        <source>%1 → (ignored)</source>
        <translation>%1 →（忽略）</translation>
    </message>
    <message numerus="yes">
        <source>Read as %1. %n column(s) recognised.</source>
        <translation>
            <numerusform>按 %1 读取。识别出 %n 列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored: %1.</source>
        <translation>已忽略：%1。</translation>
    </message>
    <message>
        <source>Missing required columns: %1.</source>
        <translation>缺少必填列：%1。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported; the database is as it was.</source>
        <translation>已取消。未导入任何内容，数据库保持原样。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n problem(s) found. Correct the files and try again.</source>
        <translation>
            <numerusform>未导入任何内容：发现 %n 个问题。请修改文件后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Template files saved in %1.</source>
        <translation>模板文件已保存到 %1。</translation>
    </message>
    <message>
        <source>Save the template files in</source>
        <translation>模板文件保存位置</translation>
    </message>
    <message>
        <source>Every row is written; rebuilding the indexes and the search…</source>
        <translation>所有行均已写入，正在重建索引和检索……</translation>
    </message>
</context>
<context>
    <name>yg::IssueRowWidget</name>
    <message>
        <source>Category…</source>
        <translation>问题类别…</translation>
    </message>
    <message>
        <source>Title, e.g. overtime pay miscalculated</source>
        <translation>标题，如：加班费计算有误</translation>
    </message>
    <message>
        <source>Raised by (optional)</source>
        <translation>反映人（可不填）</translation>
    </message>
    <message>
        <source>The worker who raised it; leave empty when the enterprise itself raised it.</source>
        <translation>反映问题的职工姓名；企业自身反映的可不填。</translation>
    </message>
    <message>
        <source>What exactly was raised</source>
        <translation>反映的具体内容</translation>
    </message>
    <message>
        <source>Explained on the spot (resolved)</source>
        <translation>当场解释（化解）</translation>
    </message>
    <message>
        <source>Submit for consultation</source>
        <translation>提交会诊</translation>
    </message>
    <message>
        <source>Record only (stays at intake)</source>
        <translation>仅登记（停留在接诊）</translation>
    </message>
    <message>
        <source>What was explained</source>
        <translation>解释的内容</translation>
    </message>
    <message>
        <source>Due date (by default the category&apos;s working days from the visit)</source>
        <translation>办理期限（默认按类别的工作日数从走访日起算）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择问题类别。</translation>
    </message>
    <message>
        <source>Give the issue a short title.</source>
        <translation>请填写简短的标题。</translation>
    </message>
    <message>
        <source>Describe what was raised.</source>
        <translation>请写明反映的内容。</translation>
    </message>
    <message>
        <source>Say what was explained on the spot.</source>
        <translation>请写明当场解释了什么。</translation>
    </message>
    <message>
        <source>The due date cannot be before the visit.</source>
        <translation>办理期限不能早于走访日期。</translation>
    </message>
</context>
<context>
    <name>yg::IssueService</name>
    <message>
        <source>There is no user with id %1.</source>
        <translation>没有编号为 %1 的用户。</translation>
    </message>
    <message>
        <source>The issue “%1” was not recorded: %2</source>
        <translation>问题“%1”未登记：%2</translation>
    </message>
    <message>
        <source>Issue “%1”</source>
        <translation>问题“%1”</translation>
    </message>
    <message>
        <source>There is no issue with id %1.</source>
        <translation>没有编号为 %1 的问题。</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was changed.</source>
        <translation>%1：%2未作任何改动。</translation>
    </message>
    <message>
        <source>%1: there is no department with id %2.</source>
        <translation>%1：没有编号为 %2 的承办部门。</translation>
    </message>
    <message>
        <source>has no events</source>
        <translation>没有任何办理记录</translation>
    </message>
    <message>
        <source>event sequence has a gap at %1</source>
        <translation>办理记录序号在第 %1 条处中断</translation>
    </message>
    <message>
        <source>stored stage %1/%2 but its events say %3/%4</source>
        <translation>保存的阶段为 %1/%2，但办理记录表明应为 %3/%4</translation>
    </message>
    <message>
        <source>stored due date %1 but its events say %2</source>
        <translation>保存的办理期限为 %1，但办理记录表明应为 %2</translation>
    </message>
    <message>
        <source>stored closing date %1 but its events say %2</source>
        <translation>保存的办结日期为 %1，但办理记录表明应为 %2</translation>
    </message>
    <message>
        <source>stored pause %1 but its events say %2</source>
        <translation>保存的暂停日期为 %1，但办理记录表明应为 %2</translation>
    </message>
</context>
<context>
    <name>yg::IssueTableModel</name>
    <message>
        <source> (paused)</source>
        <translation>（暂停计时）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>预警等级</translation>
    </message>
</context>
<context>
    <name>yg::IssueWindow</name>
    <message>
        <source>This issue no longer exists.</source>
        <translation>该问题已不存在。</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source> — clock paused since %1</source>
        <translation> — 自 %1 起暂停计时</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>记录于 %1</translation>
    </message>
    <message>
        <source>No step is open to %1 on this issue.</source>
        <translation>%1 目前不能对此问题进行任何操作。</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>This issue belongs to another group; you may not see it.</source>
        <translation>该问题属于其他分组，您无权查看。</translation>
    </message>
</context>
<context>
    <name>yg::Lifecycle</name>
    <message>
        <source>Record (intake)</source>
        <translation>接诊登记</translation>
    </message>
    <message>
        <source>Explain on the spot</source>
        <translation>现场解释</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Transfer to a department</source>
        <translation>流转承办部门</translation>
    </message>
    <message>
        <source>Returned by the department</source>
        <translation>部门退回</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Confirm on follow-up</source>
        <translation>回访确认</translation>
    </message>
    <message>
        <source>Follow-up: not solved</source>
        <translation>回访未解决</translation>
    </message>
    <message>
        <source>Close unresolved</source>
        <translation>办结（未化解）</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Pause the clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>what was explained</source>
        <translation>解释的内容</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>a note for the department</source>
        <translation>给承办部门的说明</translation>
    </message>
    <message>
        <source>the department&apos;s reason</source>
        <translation>部门退回的理由</translation>
    </message>
    <message>
        <source>what was done and by whom</source>
        <translation>办理情况和办理人</translation>
    </message>
    <message>
        <source>what is still unsolved</source>
        <translation>尚未解决的问题</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>约谈</translation>
    </message>
    <message>
        <source>The issue is already recorded.</source>
        <translation>该问题已登记。</translation>
    </message>
    <message>
        <source>The issue does not exist yet; record it first.</source>
        <translation>该问题尚未登记，请先接诊登记。</translation>
    </message>
    <message>
        <source>“%1” is not possible: the clock is already paused since %2.</source>
        <translation>不能“%1”：自 %2 起已暂停计时。</translation>
    </message>
    <message>
        <source>“%1” is not possible: the clock is not paused.</source>
        <translation>不能“%1”：当前没有暂停计时。</translation>
    </message>
    <message>
        <source>“%1” is not possible while the issue is in stage “%2”.</source>
        <translation>问题处于“%2”阶段，不能“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not possible while the clock is paused (since %2); resume it first.</source>
        <translation>暂停计时期间（自 %2 起）不能“%1”，请先恢复计时。</translation>
    </message>
    <message>
        <source>%1 is an administrator; administrators do not act on case content.</source>
        <translation>%1 是管理员；管理员不办理问题。</translation>
    </message>
    <message>
        <source>“%1” is for the supervisor of the owner&apos;s group or staff; %2 is neither.</source>
        <translation>“%1”只能由负责干部所在组的分管领导或工作人员操作；%2 都不是。</translation>
    </message>
    <message>
        <source>%1 may not act on this issue: only the owning cadre, the cadres on its visit, the supervisor of the owner&apos;s group and staff may.</source>
        <translation>%1 无权办理此问题：只有负责干部、同行走访干部、所在组分管领导和工作人员可以办理。</translation>
    </message>
    <message>
        <source>“%1” needs the date it happened.</source>
        <translation>“%1”需要填写发生日期。</translation>
    </message>
    <message>
        <source>“%1” on %2 is in the future.</source>
        <translation>“%1”的日期 %2 晚于今天。</translation>
    </message>
    <message>
        <source>“%1” on %2 is before the issue&apos;s last step (%3).</source>
        <translation>“%1”的日期 %2 早于该问题上一步办理的日期（%3）。</translation>
    </message>
    <message>
        <source>“%1” needs %2.</source>
        <translation>“%1”需要填写%2。</translation>
    </message>
    <message>
        <source>“%1”: the due date %2 is before %3.</source>
        <translation>“%1”：办理期限 %2 早于 %3。</translation>
    </message>
    <message>
        <source>“%1” needs the department.</source>
        <translation>“%1”需要选择承办部门。</translation>
    </message>
    <message>
        <source>“%1” is not possible: the issue is not with a department.</source>
        <translation>不能“%1”：该问题目前不在任何承办部门。</translation>
    </message>
    <message>
        <source>“%1” needs the satisfaction: satisfied or basically satisfied.</source>
        <translation>“%1”需要填写满意度：满意或基本满意。</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新的办理期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>“%1” needs the new due date.</source>
        <translation>“%1”需要填写新的办理期限。</translation>
    </message>
    <message>
        <source>“%1”: the issue is already due on %2.</source>
        <translation>“%1”：该问题的办理期限已是 %2。</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>说明内容</translation>
    </message>
</context>
<context>
    <name>yg::MainWindow</name>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s) visited</source>
        <translation>
            <numerusform>走访企业 %n 家</numerusform>
        </translation>
    </message>
    <message>
        <source>problems and demands recorded</source>
        <translation>件问题诉求</translation>
    </message>
    <message>
        <source>closed as resolved</source>
        <translation>件已化解</translation>
    </message>
    <message>
        <source>resolved / collected</source>
        <translation>已化解 / 已收集</translation>
    </message>
    <message>
        <source>%1 of %2 key enterprises</source>
        <translation>%2 家重点企业中已走访 %1 家</translation>
    </message>
    <message>
        <source>Resolution rate = issues resolved / issues collected, two decimals, rounded half up. Withdrawn issues count as collected and not resolved.</source>
        <translation>化解率 = 已化解问题数 / 收集问题数，保留两位小数，四舍五入。已撤回的问题计入收集数，不计入化解数。</translation>
    </message>
    <message>
        <source>Visits are counted as visit events (家次), not distinct enterprises.</source>
        <translation>走访按家次统计，而不是按不同企业数统计。</translation>
    </message>
    <message>
        <source>Key enterprises visited at least once / all key enterprises.</source>
        <translation>至少走访过一次的重点企业 / 全部重点企业。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>YueGong Journal</source>
        <translation>越工周记</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>YueGong databases (*.sqlite *.yuegong);;All files (*)</source>
        <translation>越工周记数据库 (*.sqlite *.yuegong);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About YueGong Journal</source>
        <translation>关于越工周记</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;YueGong Journal&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Weekly visits, issues and their closed loop (intake → consultation → follow-up) for trade-union cadres.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;越工周记&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;为工会干部记录每周走访、问题诉求及其“接诊 → 会诊 → 回访”闭环。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked. %1, enter your password to continue.</source>
        <translation>已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>That is not the password of %1.</source>
        <translation>这不是 %1 的密码。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>The visit was saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Quarterly analysis</source>
        <translation>季分析</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Export for exchange…</source>
        <translation>导出交换文件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import exchange file…</source>
        <translation>导入交换文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Records changed since the last exchange (laptop → office)</source>
        <translation>上次交换以来变化的记录（笔记本 → 区总工会）</translation>
    </message>
    <message>
        <source>Reference data and assignments (office → laptop)</source>
        <translation>基础数据与分工（区总工会 → 笔记本）</translation>
    </message>
    <message>
        <source>Export for exchange</source>
        <translation>导出交换文件</translation>
    </message>
    <message>
        <source>What to export:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>Exchange files (*.yxf)</source>
        <translation>交换文件 (*.yxf)</translation>
    </message>
    <message>
        <source>%1 was written: %2.</source>
        <translation>已写入 %1：%2。</translation>
    </message>
    <message>
        <source>Import exchange file</source>
        <translation>导入交换文件</translation>
    </message>
    <message>
        <source>Exchange files (*.yxf);;All files (*)</source>
        <translation>交换文件 (*.yxf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: problems found: %1.</source>
        <translation>未导入任何内容：发现问题 %1 个。</translation>
    </message>
    <message>
        <source>%1 holds:
%2

Merge it into this database?</source>
        <translation>%1 包含：
%2

合并到本数据库吗？</translation>
    </message>
    <message>
        <source>Merged. %1 records were changed on both sides: decide which version to keep.</source>
        <translation>已合并。有 %1 条记录两边都改过：请决定保留哪个版本。</translation>
    </message>
    <message>
        <source>Merged:
%1</source>
        <translation>已合并：
%1</translation>
    </message>
    <message>
        <source>Shared needs</source>
        <translation>共性需求</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>交流会</translation>
    </message>
    <message>
        <source>User names of the cadres who work on that laptop, separated by spaces (their open issues go with the file; may stay empty for a laptop that has sent records before):</source>
        <translation>在那台笔记本上工作的干部的用户名，用空格分隔（其尚未办结的问题诉求随文件发送；给已交来过记录的笔记本导出时可不填）：</translation>
    </message>
</context>
<context>
    <name>yg::Meeting</name>
    <message>
        <source>New this month</source>
        <translation>本月新增</translation>
    </message>
    <message>
        <source>Resolved this month</source>
        <translation>本月化解</translation>
    </message>
    <message>
        <source>Long in consultation</source>
        <translation>会诊时间过长</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Escalated to a talk</source>
        <translation>已升级约谈</translation>
    </message>
    <message>
        <source>Returned by a department</source>
        <translation>部门退回</translation>
    </message>
    <message>
        <source>Added to the agenda</source>
        <translation>手动列入议程</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>暂无决定</translation>
    </message>
    <message>
        <source>Transfer to a department</source>
        <translation>流转承办部门</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新的办理期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Transfer to %1, due %2</source>
        <translation>流转至%1，办理期限 %2</translation>
    </message>
    <message>
        <source>Transfer to %1</source>
        <translation>流转至%1</translation>
    </message>
    <message>
        <source>New due date %1</source>
        <translation>办理期限调整为 %1</translation>
    </message>
</context>
<context>
    <name>yg::MeetingService</name>
    <message>
        <source>There is no user with id %1.</source>
        <translation>没有编号为 %1 的用户。</translation>
    </message>
    <message>
        <source>“%1” is not a month; write it as YEAR-MONTH, e.g. 2024-07.</source>
        <translation>“%1”不是月份，请按“年-月”填写，如 2024-07。</translation>
    </message>
    <message>
        <source>%1 does not lead the group %2; only its supervisor holds its exchange meetings. Nothing was changed.</source>
        <translation>%1 不是%2的分管领导，只有分管领导可以召开该组交流会。未作任何更改。</translation>
    </message>
    <message>
        <source>%1 may not read the exchange meetings of the group %2: they are for its supervisor and cadres, staff and administrators.</source>
        <translation>%1 无权查看%2的交流会：仅限该组分管领导和干部、工作人员及管理员查看。</translation>
    </message>
    <message>
        <source>The group %1 already has an exchange meeting for %2; open it instead. Nothing was changed.</source>
        <translation>%1 已有 %2 的交流会，请直接打开。未作任何更改。</translation>
    </message>
    <message>
        <source>There is no meeting with id %1.</source>
        <translation>没有编号为 %1 的交流会。</translation>
    </message>
    <message>
        <source>The meeting date %1 is in the future. Nothing was changed.</source>
        <translation>会议日期 %1 晚于今天。未作任何更改。</translation>
    </message>
    <message>
        <source>There is no issue %1. Nothing was changed.</source>
        <translation>没有问题 %1。未作任何更改。</translation>
    </message>
    <message>
        <source>Issue %1 is not one you may see. Nothing was changed.</source>
        <translation>您无权查看问题 %1。未作任何更改。</translation>
    </message>
    <message>
        <source>Issue %1 is already on the agenda. Nothing was changed.</source>
        <translation>问题 %1 已在议程中。未作任何更改。</translation>
    </message>
    <message>
        <source>There is no agenda item with id %1.</source>
        <translation>没有编号为 %1 的议程事项。</translation>
    </message>
    <message>
        <source>Issue %1 cannot leave the agenda: its decision is already recorded. Nothing was changed.</source>
        <translation>问题 %1 的会议决定已登记，不能移出议程。未作任何更改。</translation>
    </message>
    <message>
        <source>The decision on issue %1 is already recorded; record a new step on the issue instead. Nothing was changed.</source>
        <translation>问题 %1 的会议决定已登记；如需变更，请在该问题上登记新的办理步骤。未作任何更改。</translation>
    </message>
    <message>
        <source>There is no department with id %1.</source>
        <translation>没有编号为 %1 的部门。</translation>
    </message>
    <message>
        <source>Set the date the meeting was held first: the decisions are dated with it. Nothing was changed.</source>
        <translation>请先填写会议召开日期：会议决定以该日期登记。未作任何更改。</translation>
    </message>
    <message>
        <source>No decision of the meeting was recorded: %1</source>
        <translation>会议决定均未登记：%1</translation>
    </message>
    <message>
        <source>Monthly exchange meeting record</source>
        <translation>月度交流会记录</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议概况</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>召开日期</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Issues on the agenda</source>
        <translation>议程问题数</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>会议决定</translation>
    </message>
    <message>
        <source>(not yet recorded)</source>
        <translation>（尚未登记）</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Each issue is listed once, under its first reason; “Also” names its other reasons. Long in consultation: more than %1 working days since it last entered consultation. Overdue: past its due date (督办); escalated to a talk (约谈): overdue by more than %2 working days. The reasons are those of the day the agenda was prepared.</source>
        <translation>每个问题只列一次，归入其第一个原因，“其他原因”列出其余原因。会诊时间过长：自最近一次进入会诊起超过 %1 个工作日。超期：已过办理期限（督办）；已升级约谈：超期超过 %2 个工作日（约谈）。原因以生成议程当日的数据为准。</translation>
    </message>
</context>
<context>
    <name>yg::MeetingsView</name>
    <message>
        <source>Decision on issue %1</source>
        <translation>问题 %1 的会议决定</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>会议决定</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>说明或理由</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>召开日期</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已登记决定</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Why on the agenda</source>
        <translation>列入议程原因</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Exchange meeting of %1, %2</source>
        <translation>%1 %2 交流会</translation>
    </message>
    <message>
        <source>✓ recorded: </source>
        <translation>✓ 已登记：</translation>
    </message>
    <message>
        <source>pending: </source>
        <translation>待登记：</translation>
    </message>
    <message>
        <source>Only the supervisor of the group changes its meetings.</source>
        <translation>只有该组分管领导可以修改交流会。</translation>
    </message>
    <message>
        <source>Record decisions</source>
        <translation>登记会议决定</translation>
    </message>
    <message>
        <source>Each pending decision becomes a step of its issue, dated %1 and attributed to this meeting. Steps cannot be undone. Record them?</source>
        <translation>每项待登记的会议决定将记为相应问题的办理步骤，日期为 %1，并注明出自本次交流会。办理步骤不能撤销。确定登记吗？</translation>
    </message>
    <message>
        <source>%1 decision(s) recorded as issue steps.</source>
        <translation>已将 %1 项会议决定登记为问题办理步骤。</translation>
    </message>
    <message>
        <source>Export meeting record</source>
        <translation>导出交流会记录</translation>
    </message>
    <message>
        <source>exchange-meeting-%1.pdf</source>
        <translation>交流会记录-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print meeting record</source>
        <translation>打印交流会记录</translation>
    </message>
</context>
<context>
    <name>yg::MyWeekView</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>Week %1 of %2 · %3 – %4</source>
        <translation>%2年第%1周 · %3 至 %4</translation>
    </message>
    <message>
        <source>Not visited for %1 weeks or more</source>
        <translation>%1 周及以上未走访</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>My open issues by due date (%1)</source>
        <translation>我的在办问题（按期限，共 %1 件）</translation>
    </message>
    <message>
        <source>Weekly journal %1</source>
        <translation>周记 %1</translation>
    </message>
    <message>
        <source>Export weekly journal</source>
        <translation>导出周记</translation>
    </message>
    <message>
        <source>journal-%1.pdf</source>
        <translation>周记-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>无法将 PDF 写入 %1。</translation>
    </message>
    <message>
        <source>Print weekly journal</source>
        <translation>打印周记</translation>
    </message>
    <message>
        <source>Visits: %1 recorded by you (the quota counts these), %2 in all; weekly quota %3</source>
        <translation>本人登记走访 %1 家次（计入指标），共参加 %2 家次；每周指标 %3</translation>
    </message>
</context>
<context>
    <name>yg::NominationsDialog</name>
    <message>
        <source>Nominations for the %1 annual evaluation</source>
        <translation>%1 年度年终评议推荐</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Set score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Unselect</source>
        <translation>取消入选</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>评分（0–100）</translation>
    </message>
    <message>
        <source>Add nomination</source>
        <translation>添加推荐</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>There is no cadre named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的干部。</translation>
    </message>
    <message>
        <source>Choose a nomination in the list first.</source>
        <translation>请先在列表中选择一项推荐。</translation>
    </message>
</context>
<context>
    <name>yg::PasswordHasher</name>
    <message>
        <source>Not enough memory to hash the password.</source>
        <translation>内存不足，无法计算密码哈希。</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A password must not start or end with a space.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
</context>
<context>
    <name>yg::Period</name>
    <message>
        <source>accepted: 2024-W32 (ISO week), 2024-07 (month), 2024-Q3 (quarter), 2024 (year), 2023-04-01..2024-11-30 (date range)</source>
        <translation>可用格式：2024-W32（ISO 周）、2024-07（月）、2024-Q3（季度）、2024（年）、2023-04-01..2024-11-30（日期区间）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: ISO year %2 has weeks 1 to %3.</source>
        <translation>“%1”：ISO 年 %2 只有第 1 到第 %3 周。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the month must be 1 to 12.</source>
        <translation>“%1”：月份必须是 1 到 12。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: not a real calendar date.</source>
        <translation>“%1”：不是有效的日期。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the range ends before it starts.</source>
        <translation>“%1”：结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a period; %2.</source>
        <translation>“%1”不是有效的期间；%2。</translation>
    </message>
</context>
<context>
    <name>yg::Permissions</name>
    <message>
        <source>reading every group&apos;s records</source>
        <translation>查看所有分组的记录</translation>
    </message>
    <message>
        <source>recording visits</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>changing reference data (towns, categories, departments, holidays)</source>
        <translation>修改基础数据（镇街、类别、部门、节假日）</translation>
    </message>
    <message>
        <source>changing settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>managing accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <source>backup and restore</source>
        <translation>备份和恢复</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>reports and exports</source>
        <translation>报表和导出</translation>
    </message>
    <message>
        <source>exchange meetings</source>
        <translation>交流会</translation>
    </message>
    <message>
        <source>annual evaluation nominations</source>
        <translation>年终评议推荐</translation>
    </message>
    <message>
        <source>%1 (%2) may not do this: %3 is not part of the %2&apos;s role.</source>
        <translation>%1（%2）无权进行此操作：%3 不属于%2的职责。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何改动。</translation>
    </message>
    <message>
        <source>town assessments of the quarterly analysis</source>
        <translation>季分析中的镇街评估</translation>
    </message>
    <message>
        <source>importing spreadsheets</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>adding and editing enterprises</source>
        <translation>新增和编辑企业</translation>
    </message>
    <message>
        <source>shared-need alerts</source>
        <translation>共性需求提醒</translation>
    </message>
    <message>
        <source>dismissing shared-need alerts</source>
        <translation>忽略共性需求提醒</translation>
    </message>
</context>
<context>
    <name>yg::QuarterlyAnalysisView</name>
    <message>
        <source>There is no town to analyse yet: add towns to the reference lists first.</source>
        <translation>还没有可分析的镇街：请先在基础数据中添加镇街。</translation>
    </message>
    <message>
        <source>Counting the quarter…</source>
        <translation>正在统计本季度…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>尚未填写。</translation>
    </message>
    <message>
        <source>Assessment of the town</source>
        <translation>镇街评估</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>心得</translation>
    </message>
    <message>
        <source>No one else has written about this town for this quarter yet.</source>
        <translation>本季度还没有同事就该镇街撰写文字。</translation>
    </message>
    <message>
        <source>Unsaved text</source>
        <translation>文字未保存</translation>
    </message>
    <message>
        <source>What you wrote for %1 is not saved. Save it before showing another quarter or town?</source>
        <translation>您为 %1 填写的文字尚未保存。切换季度或镇街前要保存吗？</translation>
    </message>
    <message>
        <source>Write your reflections before saving.</source>
        <translation>请先填写心得再保存。</translation>
    </message>
    <message>
        <source>Write the assessment before saving.</source>
        <translation>请先填写评估再保存。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Export quarterly report</source>
        <translation>导出季报</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, one file per table (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx);;CSV，每张表一个文件 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>My assessment of %1</source>
        <translation>我对%1的评估</translation>
    </message>
    <message>
        <source>My reflections for %1 (心得)</source>
        <translation>我的 %1 心得</translation>
    </message>
    <message>
        <source>The figures could not be counted; the log file says why.</source>
        <translation>无法统计数据，原因见日志文件。</translation>
    </message>
</context>
<context>
    <name>yg::ReportAggregates</name>
    <message>
        <source>report counts %1 differ from the records in %2 rows (repair: yuegong-cli check --repair)</source>
        <translation>报表统计表 %1 与记录不符，共 %2 行（修复：yuegong-cli check --repair）</translation>
    </message>
    <message>
        <source>report counts are paused: a bulk write did not finish (repair: yuegong-cli check --repair)</source>
        <translation>报表统计处于暂停状态：一次批量写入未完成（修复：yuegong-cli check --repair）</translation>
    </message>
</context>
<context>
    <name>yg::ReportDocument</name>
    <message>
        <source>Period: %1</source>
        <translation>期间：%1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Counting: %1</source>
        <translation>统计口径：%1</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>生成时间：%1</translation>
    </message>
</context>
<context>
    <name>yg::ReportEngine</name>
    <message>
        <source>Unknown scope &apos;%1&apos;; accepted: district, town=NAME, group=NAME, cadre=NAME, category=CODE or NAME, department=NAME.</source>
        <translation>未知范围“%1”；可用：district、town=名称、group=名称、cadre=姓名、category=代码或名称、department=名称。</translation>
    </message>
    <message>
        <source>There is no %1 named &apos;%2&apos;.</source>
        <translation>没有名为“%2”的 %1。</translation>
    </message>
</context>
<context>
    <name>yg::ReportExport</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>About this report</source>
        <translation>报表说明</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf, .xlsx, .csv or .json.</source>
        <translation>请选择扩展名为 .pdf、.xlsx、.csv 或 .json 的文件。</translation>
    </message>
</context>
<context>
    <name>yg::ReportLayouts</name>
    <message>
        <source>Figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period (%1 to %2)</source>
        <translation>本期（%1 至 %2）</translation>
    </message>
    <message>
        <source>Previous period (%1 to %2)</source>
        <translation>上期（%1 至 %2）</translation>
    </message>
    <message>
        <source>Visits (家次)</source>
        <translation>走访（家次）</translation>
    </message>
    <message>
        <source>Enterprises visited</source>
        <translation>走访企业数</translation>
    </message>
    <message>
        <source>Key-enterprise coverage</source>
        <translation>重点企业覆盖率</translation>
    </message>
    <message>
        <source>Issues collected</source>
        <translation>收集问题诉求</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <source>Resolution rate (化解率)</source>
        <translation>化解率</translation>
    </message>
    <message>
        <source>Closed unresolved</source>
        <translation>办结未化解</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Closed within the due date</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>Average working days to close</source>
        <translation>平均办结工作日</translation>
    </message>
    <message>
        <source>Median working days to close</source>
        <translation>办结工作日中位数</translation>
    </message>
    <message>
        <source>Follow-ups satisfied or basically satisfied</source>
        <translation>回访满意及基本满意率</translation>
    </message>
    <message>
        <source>Returns by departments</source>
        <translation>部门退回</translation>
    </message>
    <message>
        <source>Cadre-weeks meeting the visit quota</source>
        <translation>干部周走访指标完成率</translation>
    </message>
    <message>
        <source>Resolution rate = resolved / collected, two decimals rounded half up; withdrawn issues stay collected and are not resolved. &quot;—&quot;: nothing to count.</source>
        <translation>化解率 = 已化解 / 收集数，保留两位小数，四舍五入；已撤回的问题计入收集数、不计入化解数。“—”表示无可统计。</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>化解率</translation>
    </message>
    <message>
        <source>Visits and resolution rate by month</source>
        <translation>各月走访家次与化解率</translation>
    </message>
    <message>
        <source>Resolution rate (%)</source>
        <translation>化解率（%）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接诊日期</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Only the first %1 are listed.</source>
        <translation>仅列出前 %1 条。</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收集</translation>
    </message>
    <message>
        <source>Weeks meeting the quota</source>
        <translation>完成指标周数</translation>
    </message>
    <message>
        <source>Weeks with a quota</source>
        <translation>有指标周数</translation>
    </message>
    <message>
        <source>Share of weeks met</source>
        <translation>周指标完成率</translation>
    </message>
    <message>
        <source>Visits: visits the cadre took part in (as author or companion). Issues: those the cadre owns, received in the period. Quota weeks: ISO weeks starting in the period while the cadre was active, met when the visits the cadre recorded reach the weekly quota.</source>
        <translation>走访：干部参加的走访（本人登记或同行）。问题：本期接诊、由该干部负责的问题。指标周：干部驻联期间、周一在本期内的自然周；本人登记的走访达到每周指标即为完成。</translation>
    </message>
    <message>
        <source>issues collected in the period, in their state now</source>
        <translation>本期收集的问题（按当前状态）</translation>
    </message>
    <message>
        <source>cumulative since %1, as of %2</source>
        <translation>自 %1 起累计，截至 %2</translation>
    </message>
    <message>
        <source>Visits (家次) count visit events, not distinct enterprises.</source>
        <translation>走访按家次统计，即走访次数，而非不同企业数。</translation>
    </message>
    <message>
        <source>Key-enterprise coverage = key enterprises visited at least once in the period / all key enterprises in scope.</source>
        <translation>重点企业覆盖率 = 本期至少走访一次的重点企业 / 范围内全部重点企业。</translation>
    </message>
    <message>
        <source>Resolution rate (化解率) = resolved / collected, as a percentage with two decimals rounded half up; &quot;—&quot; when nothing was collected.</source>
        <translation>化解率 = 已化解 / 收集数，以百分比表示，保留两位小数，四舍五入；无收集时显示“—”。</translation>
    </message>
    <message>
        <source>Working days exclude weekends and public holidays and include make-up working days (调休).</source>
        <translation>工作日不含周末和法定节假日，含调休上班日。</translation>
    </message>
    <message>
        <source>Overdue: open, not paused, and past the due date on the day the state is taken.</source>
        <translation>超期：在统计状态之日仍在办、未暂停且已过办理期限。</translation>
    </message>
    <message>
        <source>The week against the quota</source>
        <translation>本周指标完成情况</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Weekly visit quota</source>
        <translation>每周走访指标</translation>
    </message>
    <message>
        <source>Quota met</source>
        <translation>是否完成指标</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>无指标</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Visits of the week</source>
        <translation>本周走访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>走访干部</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>综合报表</translation>
    </message>
    <message>
        <source>Issues collected this week</source>
        <translation>本周收集的问题</translation>
    </message>
    <message>
        <source>Open issues by due date</source>
        <translation>在办问题（按办理期限）</translation>
    </message>
    <message>
        <source>Weekly report (a cadre&apos;s week)</source>
        <translation>周报（干部一周）</translation>
    </message>
    <message>
        <source>Monthly report (exchange meeting)</source>
        <translation>月报（月度交流会）</translation>
    </message>
    <message>
        <source>Quarterly report (quarterly analysis)</source>
        <translation>季报（季分析）</translation>
    </message>
    <message>
        <source>Annual evaluation (年终评议)</source>
        <translation>年终评议</translation>
    </message>
    <message>
        <source>The weekly report is a cadre&apos;s week: give an ISO week (e.g. 2024-W32) and cadre=NAME.</source>
        <translation>周报反映一名干部的一周：请给出自然周（如 2024-W32）和 cadre=姓名。</translation>
    </message>
    <message>
        <source>The monthly report needs a month (e.g. 2024-07) and the district or group=NAME.</source>
        <translation>月报需要月份（如 2024-07），范围为全区或 group=分组名。</translation>
    </message>
    <message>
        <source>The quarterly report needs a quarter (e.g. 2024-Q3) and the district or town=NAME.</source>
        <translation>季报需要季度（如 2024-Q3），范围为全区或 town=镇街名。</translation>
    </message>
    <message>
        <source>The annual evaluation needs a year (e.g. 2024) and the district or group=NAME.</source>
        <translation>年终评议需要年份（如 2024），范围为全区或 group=分组名。</translation>
    </message>
    <message>
        <source>the whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>By town</source>
        <translation>分镇街</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>分类别</translation>
    </message>
    <message>
        <source>By cadre</source>
        <translation>分干部</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>分月份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Issues by category</source>
        <translation>各类别问题</translation>
    </message>
    <message>
        <source>Visits and issues by town</source>
        <translation>各镇街走访与问题</translation>
    </message>
    <message>
        <source>Weekly report — %1 — %2</source>
        <translation>周报 — %1 — %2</translation>
    </message>
    <message>
        <source>Monthly report — %1 — %2</source>
        <translation>月报 — %1 — %2</translation>
    </message>
    <message>
        <source>Cadres this month</source>
        <translation>本月干部情况</translation>
    </message>
    <message>
        <source>Issues new this month</source>
        <translation>本月新收集的问题</translation>
    </message>
    <message>
        <source>Issues closed this month</source>
        <translation>本月办结的问题</translation>
    </message>
    <message>
        <source>Overdue issues</source>
        <translation>超期问题</translation>
    </message>
    <message>
        <source>Quarterly report — %1 — %2</source>
        <translation>季报 — %1 — %2</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>心得</translation>
    </message>
    <message>
        <source>Assessment of %1</source>
        <translation>%1评估</translation>
    </message>
    <message>
        <source>Annual evaluation — %1 — %2</source>
        <translation>年终评议 — %1 — %2</translation>
    </message>
    <message>
        <source>Nominations: excellent research results and reasonable suggestions</source>
        <translation>推荐：优秀调研成果与合理化建议</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Scored by staff from 0 to 100; the selected ones are marked.</source>
        <translation>由工作人员按 0–100 分评分；入选者已标明。</translation>
    </message>
    <message>
        <source>Per-cadre evaluation</source>
        <translation>干部评议表</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <source>Visits recorded by the cadre (the quota counts these)</source>
        <translation>本人登记的走访（计入指标）</translation>
    </message>
    <message>
        <source>The weekly and monthly reports list cases; a supervisor may take them for the groups they lead and their cadres only.</source>
        <translation>周报和月报列出具体问题和走访；分管领导只能生成所分管分组及其干部的周报和月报。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>Change: this period minus the previous one; rates in percentage points (pp).</source>
        <translation>变化：本期减上期；比率以百分点计。</translation>
    </message>
</context>
<context>
    <name>yg::ReportPaper</name>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Quarterly analysis</source>
        <translation>季分析</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>指标口径</translation>
    </message>
    <message>
        <source>The page device cannot be painted on.</source>
        <translation>无法在该页面设备上绘制。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
</context>
<context>
    <name>yg::ReportService</name>
    <message>
        <source>There is no town with the number %1.</source>
        <translation>没有编号为 %1 的镇街。</translation>
    </message>
</context>
<context>
    <name>yg::ReportsView</name>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Collected in the period, state now</source>
        <translation>本期收集（按当前状态）</translation>
    </message>
    <message>
        <source>Cumulative since a date</source>
        <translation>自某日起累计</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, one file per table (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx);;CSV，每表一个文件 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>The report could not be built; the log file says why.</source>
        <translation>无法生成报表，原因见日志文件。</translation>
    </message>
</context>
<context>
    <name>yg::SearchView</name>
    <message>
        <source>Search enterprises, visits and issues (e.g. 稽山, 工资, 2024-0123)</source>
        <translation>搜索企业、走访和问题诉求（如 稽山、工资、2024-0123）</translation>
    </message>
    <message>
        <source>Words separated by spaces must all appear. Any part of a name, a credit code, a number or a text is found, even a single Chinese character.</source>
        <translation>用空格分隔的多个词须同时出现。名称、信用代码、编号或正文的任意片段都能找到，单个汉字也可以。</translation>
    </message>
    <message>
        <source>Type a name, a credit code, an issue number or any words.</source>
        <translation>请输入名称、信用代码、问题编号或任意词语。</translation>
    </message>
    <message>
        <source>Enterprises (first %1)</source>
        <translation>企业（前 %1 条）</translation>
    </message>
    <message>
        <source>Enterprises (%1)</source>
        <translation>企业（%1）</translation>
    </message>
    <message>
        <source>Visits (first %1)</source>
        <translation>走访（前 %1 条）</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>走访（%1）</translation>
    </message>
    <message>
        <source>Issues (first %1)</source>
        <translation>问题诉求（前 %1 条）</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>问题诉求（%1）</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
</context>
<context>
    <name>yg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>For everyone using this database</source>
        <translation>对使用本数据库的所有人</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after &amp;idle time</source>
        <translation>无操作自动锁定(&amp;I)</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>Key enterprise due a visit after</source>
        <translation>重点企业多久未走访即提醒</translation>
    </message>
    <message>
        <source> issues</source>
        <translation> 件问题</translation>
    </message>
    <message>
        <source>Shared-need alert from</source>
        <translation>共性需求提醒：至少</translation>
    </message>
    <message>
        <source> enterprises</source>
        <translation> 家企业</translation>
    </message>
    <message>
        <source>raised by at least</source>
        <translation>来自至少</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>open, or received in the last</source>
        <translation>未办结，或在最近</translation>
    </message>
    <message>
        <source>also within each town</source>
        <translation>同时按镇街分别提醒</translation>
    </message>
</context>
<context>
    <name>yg::SharedNeedBanner</name>
    <message>
        <source>%1 shared-need alerts — &lt;a href=&quot;show&quot;&gt;View&lt;/a&gt;</source>
        <translation>%1 条共性需求提醒 — &lt;a href=&quot;show&quot;&gt;查看&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>yg::SharedNeedService</name>
    <message>
        <source>Shared-need thresholds must be: at least 2 issues (at most 1000), at least 1 enterprise and no more enterprises than issues, a period of 1 to 3660 days. Nothing was changed.</source>
        <translation>共性需求提醒的条件须为：问题至少 2 件（至多 1000 件），企业至少 1 家且不多于问题件数，期间 1 至 3660 天。未做任何更改。</translation>
    </message>
    <message>
        <source>Say why the alert is dismissed. Nothing was changed.</source>
        <translation>请填写忽略该提醒的理由。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no alert to dismiss. Nothing was changed.</source>
        <translation>没有可忽略的提醒。未做任何更改。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>There is no issue with id %1. Nothing was changed.</source>
        <translation>没有编号为 %1 的问题诉求。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no visit with id %1.</source>
        <translation>没有编号为 %1 的走访。</translation>
    </message>
    <message>
        <source>it is already closed</source>
        <translation>该问题已办结</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The outcome cannot be applied to these issues; leave them out or deal with them first. Nothing was changed.
%1</source>
        <translation>以下问题诉求不能应用解读结果，请取消勾选或先行处理。未做任何更改。
%1</translation>
    </message>
    <message>
        <source>No issue is left to apply the outcome to. Nothing was changed.</source>
        <translation>没有可应用解读结果的问题诉求。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no policy briefing with id %1.</source>
        <translation>没有编号为 %1 的专场解读会。</translation>
    </message>
</context>
<context>
    <name>yg::SharedNeedsPanel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shared wording</source>
        <translation>共同表述</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题诉求</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Small/micro</source>
        <translation>小微企业</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Policy briefings planned from alerts</source>
        <translation>根据提醒安排的专场解读会</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>承办企业</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Plan &amp;briefing…</source>
        <translation>安排专场解读会(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>忽略(&amp;D)…</translation>
    </message>
    <message>
        <source>Apply &amp;outcome…</source>
        <translation>应用解读结果(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Looking for shared needs…</source>
        <translation>正在查找共性需求…</translation>
    </message>
    <message>
        <source>An alert is raised when at least %1 issues of one category that share a wording come from at least %2 enterprises, open or received in the last %3 days (%4). Issues answered by a briefing leave it.</source>
        <translation>同一类别、表述相近的问题诉求达到 %1 件、来自至少 %2 家企业（未办结，或在最近 %3 天内接诊；%4）时提醒。已安排专场解读会的问题不再计入。</translation>
    </message>
    <message>
        <source>district-wide and in each town</source>
        <translation>全区及各镇街</translation>
    </message>
    <message>
        <source>district-wide</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Dismissed on %1 by %2 at %3 issues / %4 enterprises (%5); it has grown since</source>
        <translation>%2 于 %1 忽略（当时 %3 件问题 / %4 家企业，理由：%5）；此后又有增加</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 more issues belong to other groups and are not shown to you.</source>
        <translation>另有 %1 件问题诉求属于其他联络组，不向您显示。</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>忽略提醒</translation>
    </message>
    <message>
        <source>Why is &quot;%1&quot; (%2 issues) not a shared need to act on? It comes back only if it grows.</source>
        <translation>为什么“%1”（%2 件）不需要作为共性需求处理？只有在增加时才会再次提醒。</translation>
    </message>
    <message>
        <source>Shared needs could not be looked for; the log file says why.</source>
        <translation>无法查找共性需求，原因见日志文件。</translation>
    </message>
</context>
<context>
    <name>yg::SignInDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>创建第一个管理员</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the administrator who will set up the others (at least %1 characters for the password).</source>
        <translation>该数据库还没有账号。请创建管理员，由其为其他人开设账号（密码至少 %1 个字符）。</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>请输入用户名和密码登录。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The full name is empty.</source>
        <translation>姓名为空。</translation>
    </message>
</context>
<context>
    <name>yg::Sql</name>
    <message>
        <source>Database error: %1 (in: %2)</source>
        <translation>数据库错误：%1（语句：%2）</translation>
    </message>
</context>
<context>
    <name>yg::Storage</name>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3 after you opened it; nothing was saved. Reload it and make your change again.</source>
        <translation>%1 在您打开后已被 %2 于 %3 修改；本次未保存任何内容。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>the group name is empty</source>
        <translation>分组名称为空</translation>
    </message>
    <message>
        <source>The group %1</source>
        <translation>分组 %1</translation>
    </message>
    <message>
        <source>Cadre %1</source>
        <translation>干部 %1</translation>
    </message>
    <message>
        <source>The cadre %1</source>
        <translation>干部 %1</translation>
    </message>
    <message>
        <source>Enterprise %1: the credit code %2 already belongs to %3.</source>
        <translation>企业 %1：统一社会信用代码 %2 已属于 %3。</translation>
    </message>
    <message>
        <source>Enterprise %1</source>
        <translation>企业 %1</translation>
    </message>
    <message>
        <source>The enterprise %1</source>
        <translation>企业 %1</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>Issue number &apos;%1&apos; is not of the form YEAR-SEQUENCE (e.g. 2024-0123).</source>
        <translation>问题编号“%1”不符合“年份-序号”格式（如 2024-0123）。</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>The town %1</source>
        <translation>镇街 %1</translation>
    </message>
    <message>
        <source>the category code is empty</source>
        <translation>类别代码为空</translation>
    </message>
    <message>
        <source>the category name is empty</source>
        <translation>类别名称为空</translation>
    </message>
    <message>
        <source>the default due days must be at least 1</source>
        <translation>默认办理时限至少为 1 个工作日</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>The category %1</source>
        <translation>问题类别 %1</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>the department name is empty</source>
        <translation>部门名称为空</translation>
    </message>
    <message>
        <source>The department %1</source>
        <translation>承办部门 %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>The visit of %1</source>
        <translation>%1 的走访</translation>
    </message>
    <message>
        <source>The calendar day is not a valid date.</source>
        <translation>日历日期无效。</translation>
    </message>
    <message>
        <source>%1 is a weekend day; only weekdays can be holidays.</source>
        <translation>%1 是周末；只有工作日才能设为节假日。</translation>
    </message>
    <message>
        <source>%1 is a weekday; only weekend days can be make-up working days.</source>
        <translation>%1 是工作日；只有周末才能设为调休上班日。</translation>
    </message>
    <message>
        <source>Nomination &apos;%1&apos;</source>
        <translation>推荐“%1”</translation>
    </message>
    <message>
        <source>Quarterly analysis %1</source>
        <translation>%1 季分析</translation>
    </message>
    <message>
        <source>Search index of %1: %2</source>
        <translation>%1 的搜索索引：%2</translation>
    </message>
    <message>
        <source>Meeting of %1</source>
        <translation>%1 交流会</translation>
    </message>
    <message>
        <source>Agenda item %1</source>
        <translation>议程事项 %1</translation>
    </message>
</context>
<context>
    <name>yg::TimelineModel</name>
    <message>
        <source>Visit: %1</source>
        <translation>走访：%1</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visit or issue</source>
        <translation>走访或问题</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>yg::Validation</name>
    <message>
        <source>the town name is empty</source>
        <translation>镇街名称为空</translation>
    </message>
    <message>
        <source>the town code is empty</source>
        <translation>镇街代码为空</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>姓名为空</translation>
    </message>
    <message>
        <source>the start of residency (active from) is missing</source>
        <translation>缺少驻联开始日期</translation>
    </message>
    <message>
        <source>the residency ends (%1) before it starts (%2)</source>
        <translation>驻联结束日期（%1）早于开始日期（%2）</translation>
    </message>
    <message>
        <source>the weekly visit quota %1 is outside 0 to 50</source>
        <translation>每周走访指标 %1 不在 0 到 50 之间</translation>
    </message>
    <message>
        <source>the enterprise name is empty</source>
        <translation>企业名称为空</translation>
    </message>
    <message>
        <source>the town is missing</source>
        <translation>缺少镇街</translation>
    </message>
    <message>
        <source>the number of employees is negative</source>
        <translation>职工人数为负数</translation>
    </message>
    <message>
        <source>the number of union members is negative</source>
        <translation>会员人数为负数</translation>
    </message>
    <message>
        <source>there are more union members (%1) than employees (%2)</source>
        <translation>会员人数（%1）多于职工人数（%2）</translation>
    </message>
    <message>
        <source>the visit date is missing</source>
        <translation>缺少走访日期</translation>
    </message>
    <message>
        <source>no cadre is named for the visit</source>
        <translation>未填写走访干部</translation>
    </message>
    <message>
        <source>a cadre is listed twice on the visit</source>
        <translation>同一名干部在走访中出现两次</translation>
    </message>
    <message>
        <source>the enterprise is missing</source>
        <translation>缺少企业</translation>
    </message>
    <message>
        <source>the next visit date (%1) is before the visit (%2)</source>
        <translation>下次走访日期（%1）早于本次走访（%2）</translation>
    </message>
    <message>
        <source>the category is missing</source>
        <translation>缺少问题类别</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>the owning cadre is missing</source>
        <translation>缺少负责干部</translation>
    </message>
    <message>
        <source>the intake date is missing</source>
        <translation>缺少接诊日期</translation>
    </message>
    <message>
        <source>a closed issue needs an outcome and an open one must not have one</source>
        <translation>已办结的问题必须有结果，未办结的问题不能有结果</translation>
    </message>
    <message>
        <source>the closing date is missing</source>
        <translation>缺少办结日期</translation>
    </message>
    <message>
        <source>the issue is closed (%1) before it was received (%2)</source>
        <translation>办结日期（%1）早于接诊日期（%2）</translation>
    </message>
    <message>
        <source>the description is empty</source>
        <translation>描述为空</translation>
    </message>
</context>
<context>
    <name>yg::VisitEditor</name>
    <message>
        <source>Save (%1)</source>
        <translation>保存（%1）</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>There is no visit with id %1.</source>
        <translation>没有编号为 %1 的走访。</translation>
    </message>
    <message>
        <source>No issues were recorded in this visit yet.</source>
        <translation>本次走访尚未登记问题诉求。</translation>
    </message>
    <message>
        <source>Already recorded in this visit: %1</source>
        <translation>本次走访已登记：%1</translation>
    </message>
    <message>
        <source>Visit of %1</source>
        <translation>%1 的走访</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <source>The visit date cannot be later than today.</source>
        <translation>走访日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Choose the enterprise you visited.</source>
        <translation>请选择走访的企业。</translation>
    </message>
    <message>
        <source>Pick the enterprise from the suggestions that appear as you type.</source>
        <translation>请从输入时出现的候选中选择企业。</translation>
    </message>
    <message>
        <source>Write a note for each point marked as a concern: %1.</source>
        <translation>标为“需关注”的事项请写明情况：%1。</translation>
    </message>
    <message>
        <source>The next visit cannot be before this visit.</source>
        <translation>下次走访不能早于本次走访。</translation>
    </message>
    <message>
        <source>%1 · credit code %2%3</source>
        <translation>%1 · 信用代码 %2%3</translation>
    </message>
    <message>
        <source> · key enterprise</source>
        <translation> · 重点企业</translation>
    </message>
    <message>
        <source>Restored your unsaved draft from %1. Save it, or discard it to start again.</source>
        <translation>已恢复您 %1 未保存的草稿。请保存，或丢弃草稿后重新填写。</translation>
    </message>
    <message>
        <source>The visit was changed by someone since: saving the draft will be refused; copy what you need and discard it.</source>
        <translation>此后该走访已被他人修改：草稿将无法保存，请复制所需内容后丢弃草稿。</translation>
    </message>
    <message>
        <source>Draft kept at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <source>edit of the visit of %1</source>
        <translation>修改 %1 的走访</translation>
    </message>
</context>
<context>
    <name>yg::VisitListView</name>
    <message>
        <source>Period: 2024-Q3, 2024-07, 2024-W32, 2024 …</source>
        <translation>期间：2024-Q3、2024-07、2024-W32、2024 …</translation>
    </message>
    <message>
        <source>A week (2024-W32), month (2024-07), quarter (2024-Q3), year (2024) or range (2024-01-01..2024-03-31); empty for all dates.</source>
        <translation>周（2024-W32）、月（2024-07）、季度（2024-Q3）、年（2024）或日期区间（2024-01-01..2024-03-31）；留空表示全部日期。</translation>
    </message>
    <message>
        <source>Enterprise name or credit code</source>
        <translation>企业名称或信用代码</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部走访方式</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <source>This is not a period.</source>
        <translation>这不是有效的期间。</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 家次走访</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>yg::VisitTableModel</name>
    <message>
        <source>%1 +%2</source>
        <translation>%1（另 %2 人）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>走访干部</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
</context>
<context>
    <name>yg::WeeklyJournal</name>
    <message>
        <source>d MMM</source>
        <extracomment>Date format of the weekly journal (QDate::toString): 11月18日 in Chinese</extracomment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separator between names listed in a sentence (顿号 in Chinese)</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>recorded at intake</source>
        <translation>已接诊登记</translation>
    </message>
    <message>
        <source>explained on the spot and resolved</source>
        <translation>已当场解释化解</translation>
    </message>
    <message>
        <source>submitted for consultation, due %1</source>
        <translation>已提交会诊，限%1前办结</translation>
    </message>
    <message>
        <source>transferred to %1, due %2</source>
        <translation>流转至%1，限%2前办结</translation>
    </message>
    <message>
        <source>returned by %1</source>
        <translation>被%1退回</translation>
    </message>
    <message>
        <source>the result was reported back</source>
        <translation>已反馈办理结果</translation>
    </message>
    <message>
        <source>%1 reported back the result</source>
        <translation>%1已反馈办理结果</translation>
    </message>
    <message>
        <source>the follow-up confirmed it resolved (%1)</source>
        <translation>回访确认已化解（%1）</translation>
    </message>
    <message>
        <source>the follow-up found it still unsolved; back to consultation</source>
        <translation>回访发现仍未解决，重新会诊</translation>
    </message>
    <message>
        <source>explained and resolved</source>
        <translation>已解释化解</translation>
    </message>
    <message>
        <source>Weekly journal of %1, week %2 of %3 (%4 to %5)</source>
        <translation>%1的周记（%3年第%2周，%4至%5）</translation>
    </message>
    <message>
        <source>No visits were recorded this week.</source>
        <translation>本周没有走访记录。</translation>
    </message>
    <message>
        <source>On %1 I visited %2 (%3)</source>
        <translation>%1走访了%2（%3）</translation>
    </message>
    <message>
        <source>, by way of %1</source>
        <translation>，方式为%1</translation>
    </message>
    <message>
        <source>, together with %1</source>
        <translation>，与%1同行</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Found in good order: %1. </source>
        <translation>五查中情况良好的有：%1。</translation>
    </message>
    <message>
        <source>Needs attention: %1. </source>
        <translation>需关注：%1。</translation>
    </message>
    <message>
        <source>, raised by %1</source>
        <translation>，由%1反映</translation>
    </message>
    <message>
        <source>(%1) %2 [%3, %4]%5: %6</source>
        <translation>（%1）%2（%3，%4）%5，%6</translation>
    </message>
    <message>
        <source>No problems or demands were raised.</source>
        <translation>未发现问题诉求。</translation>
    </message>
    <message>
        <source>Collected %1 issue(s): %2.</source>
        <translation>收集问题诉求%1个：%2。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source> Next visit planned for %1.</source>
        <translation>计划于%1再次走访。</translation>
    </message>
    <message>
        <source>%1, %2 “%3” (%4): %5</source>
        <translation>%1，%2“%3”（%4）：%5</translation>
    </message>
    <message>
        <source>Progress on my issues:</source>
        <translation>问题诉求跟进：</translation>
    </message>
    <message>
        <source>This week: %1 visit(s), %2 of them recorded by me against a quota of %3; %4 issue(s) collected, %5 resolved on the spot by explaining.</source>
        <translation>本周走访企业%1家次，其中本人登记%2家次（定额%3家次），收集问题诉求%4个，其中当场解释化解%5个。</translation>
    </message>
</context>
<context>
    <name>yg::cli</name>
    <message>
        <source>Log level.</source>
        <translation>日志级别。</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>Unknown log level &apos;%1&apos;; accepted: trace, debug, info, warn, error, off.</source>
        <translation>未知的日志级别“%1”；可用：trace、debug、info、warn、error、off。</translation>
    </message>
    <message>
        <source>New database file.</source>
        <translation>新数据库文件。</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>随机种子。</translation>
    </message>
    <message>
        <source>District copies.</source>
        <translation>区域副本数。</translation>
    </message>
    <message>
        <source>demo needs --out FILE (a new database file).</source>
        <translation>demo 需要 --out FILE（一个新的数据库文件）。</translation>
    </message>
    <message>
        <source>--seed &apos;%1&apos; is not a whole number.</source>
        <translation>--seed“%1”不是整数。</translation>
    </message>
    <message>
        <source>--scale &apos;%1&apos; must be a whole number from 1 to 5000.</source>
        <translation>--scale“%1”必须是 1 到 5000 的整数。</translation>
    </message>
    <message>
        <source>%1 of %2 district copies written</source>
        <translation>已写入 %1 / %2 个区域副本</translation>
    </message>
    <message>
        <source>Demo district written to %1: %2 cadres, %3 enterprises, %4 visits, %5 issues, %6 events (%7 s).</source>
        <translation>演示数据已写入 %1：干部 %2 人，企业 %3 家，走访 %4 家次，问题 %5 件，事件 %6 条（%7 秒）。</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>Period.</source>
        <translation>期间。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Visits (家次): %1</source>
        <translation>走访（家次）：%1</translation>
    </message>
    <message>
        <source>Enterprises visited: %1</source>
        <translation>走访企业数：%1</translation>
    </message>
    <message>
        <source>Issues collected: %1</source>
        <translation>收集问题诉求：%1</translation>
    </message>
    <message>
        <source>Issues resolved: %1</source>
        <translation>已化解：%1</translation>
    </message>
    <message>
        <source>Resolution rate (化解率): %1</source>
        <translation>化解率：%1</translation>
    </message>
    <message>
        <source>Key enterprises covered: %1 of %2 (%3)</source>
        <translation>重点企业覆盖：%1 / %2（%3）</translation>
    </message>
    <message>
        <source>upgrade needs --db FILE.</source>
        <translation>upgrade 需要 --db FILE。</translation>
    </message>
    <message>
        <source>%1 is at database version %2.</source>
        <translation>%1 的数据库版本为 %2。</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>%1 needs --db FILE.</source>
        <translation>%1 需要 --db FILE。</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a date of the form 2024-08-05.</source>
        <translation>%1“%2”不是 2024-08-05 格式的日期。</translation>
    </message>
    <message>
        <source>Stage.</source>
        <translation>阶段。</translation>
    </message>
    <message>
        <source>Owning cadre.</source>
        <translation>负责干部。</translation>
    </message>
    <message>
        <source>Town.</source>
        <translation>镇街。</translation>
    </message>
    <message>
        <source>Overdue as of.</source>
        <translation>截至该日期已超期。</translation>
    </message>
    <message>
        <source>Rows.</source>
        <translation>行数。</translation>
    </message>
    <message>
        <source>Unknown stage &apos;%1&apos;; accepted: intake, consultation, follow_up, closed.</source>
        <translation>未知阶段“%1”；可用：intake、consultation、follow_up、closed。</translation>
    </message>
    <message>
        <source>--limit &apos;%1&apos; must be a whole number above 0.</source>
        <translation>--limit“%1”必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>There is no cadre named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的干部。</translation>
    </message>
    <message>
        <source>There is no town named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的镇街。</translation>
    </message>
    <message>
        <source>%1 of %2 issue(s) shown.</source>
        <translation>显示 %1 件，共 %2 件。</translation>
    </message>
    <message>
        <source>issue show needs the issue number, e.g. 2024-0123.</source>
        <translation>issue show 需要问题编号，如 2024-0123。</translation>
    </message>
    <message>
        <source>There is no issue %1.</source>
        <translation>没有问题 %1。</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source> (clock paused since %1)</source>
        <translation>（自 %1 起暂停计时）</translation>
    </message>
    <message>
        <source>Due: %1  Escalation: %2</source>
        <translation>办理期限：%1  预警等级：%2</translation>
    </message>
    <message>
        <source>Owner: %1  Category: %2  Department: %3</source>
        <translation>负责干部：%1  类别：%2  承办部门：%3</translation>
    </message>
    <message>
        <source>Received: %1  Version: %2</source>
        <translation>接诊日期：%1  版本：%2</translation>
    </message>
    <message>
        <source>Timeline (newest first):</source>
        <translation>办理记录（最新在前）：</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>Note or reason.</source>
        <translation>说明或原因。</translation>
    </message>
    <message>
        <source>Department.</source>
        <translation>承办部门。</translation>
    </message>
    <message>
        <source>Due date.</source>
        <translation>办理期限。</translation>
    </message>
    <message>
        <source>Satisfaction.</source>
        <translation>满意度。</translation>
    </message>
    <message>
        <source>Date it happened.</source>
        <translation>发生日期。</translation>
    </message>
    <message>
        <source>Version you saw.</source>
        <translation>您看到的版本。</translation>
    </message>
    <message>
        <source>issue act needs the issue number and the action, e.g. issue act 2024-0123 submit.</source>
        <translation>issue act 需要问题编号和操作，如 issue act 2024-0123 submit。</translation>
    </message>
    <message>
        <source>--version &apos;%1&apos; must be a whole number above 0.</source>
        <translation>--version“%1”必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>There is no department named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的承办部门。</translation>
    </message>
    <message>
        <source>Issue %1: %2 done; now %3, due %4.</source>
        <translation>问题 %1：已%2；当前为%3，办理期限 %4。</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>数据库文件：%1</translation>
    </message>
    <message>
        <source>Issue %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
    <message>
        <source>calendar import needs the CSV file (date,kind,name).</source>
        <translation>calendar import 需要 CSV 文件（date,kind,name）。</translation>
    </message>
    <message>
        <source>Calendar imported: %1 new, %2 changed, %3 already so.</source>
        <translation>日历已导入：新增 %1 天，修改 %2 天，%3 天无变化。</translation>
    </message>
    <message>
        <source>Category code.</source>
        <translation>类别代码。</translation>
    </message>
    <message>
        <source>Working days.</source>
        <translation>工作日数。</translation>
    </message>
    <message>
        <source>--days &apos;%1&apos; must be a whole number from 1 to 365.</source>
        <translation>--days“%1”必须是 1 到 365 的整数。</translation>
    </message>
    <message>
        <source>%1 (%2): due after %3 working days (was %4).</source>
        <translation>%1（%2）：办理时限改为 %3 个工作日（原为 %4）。</translation>
    </message>
    <message>
        <source>Department	Received	Returned	Feedbacks	Average working days to feedback</source>
        <translation>承办部门	接收	退回	反馈	平均反馈工作日</translation>
    </message>
    <message>
        <source>Working days before the due date.</source>
        <translation>到期前的工作日数。</translation>
    </message>
    <message>
        <source>Working days overdue before a talk.</source>
        <translation>超期多少个工作日后约谈。</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; must be a whole number from 1 to 60.</source>
        <translation>--%1“%2”必须是 1 到 60 的整数。</translation>
    </message>
    <message>
        <source>Reminder %1 working days before the due date; talk when overdue by more than %2 working days.</source>
        <translation>到期前 %1 个工作日提醒；超期超过 %2 个工作日约谈。</translation>
    </message>
    <message>
        <source>issue needs list, show, act or departments.</source>
        <translation>issue 需要 list、show、act 或 departments。</translation>
    </message>
    <message>
        <source>Your user name.</source>
        <translation>您的用户名。</translation>
    </message>
    <message>
        <source>This command reads or changes records: give --user NAME (the password comes from YUEGONG_PASSWORD or a prompt).</source>
        <translation>此命令需要读取或修改记录：请提供 --user NAME（密码取自 YUEGONG_PASSWORD 或提示输入）。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>No password: set YUEGONG_PASSWORD or run in a terminal.</source>
        <translation>没有密码：请设置 YUEGONG_PASSWORD 或在终端中运行。</translation>
    </message>
    <message>
        <source>Issue %1 belongs to another group; %2 may not see it.</source>
        <translation>问题 %1 属于其他分组；%2 无权查看。</translation>
    </message>
    <message>
        <source>Audit trail: entry %1 does not match the chain; it or the one before was changed or removed outside the app.</source>
        <translation>审计记录：第 %1 条与记录链不符；它或前一条曾在软件之外被修改或删除。</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The person.</source>
        <translation>人员。</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>姓名。</translation>
    </message>
    <message>
        <source>User name to set.</source>
        <translation>要设置的用户名。</translation>
    </message>
    <message>
        <source>account needs create-admin, set-password, disable or enable.</source>
        <translation>account 需要 create-admin、set-password、disable 或 enable。</translation>
    </message>
    <message>
        <source>No new password (or the two differ): set YUEGONG_NEW_PASSWORD or run in a terminal.</source>
        <translation>没有新密码（或两次输入不一致）：请设置 YUEGONG_NEW_PASSWORD 或在终端中运行。</translation>
    </message>
    <message>
        <source>Administrator %1 created.</source>
        <translation>已创建管理员 %1。</translation>
    </message>
    <message>
        <source>There is no user named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的用户。</translation>
    </message>
    <message>
        <source>Password of %1 (%2) set.</source>
        <translation>已设置 %1（%2）的密码。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能登录。</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录。</translation>
    </message>
    <message>
        <source>Minutes.</source>
        <translation>分钟数。</translation>
    </message>
    <message>
        <source>setting needs idle-lock.</source>
        <translation>setting 需要 idle-lock。</translation>
    </message>
    <message>
        <source>--minutes &apos;%1&apos; must be a whole number above 0.</source>
        <translation>--minutes“%1”必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>The window locks after %1 idle minutes.</source>
        <translation>空闲 %1 分钟后锁定窗口。</translation>
    </message>
    <message>
        <source>Audit trail: %1 entries, newest hash %2.</source>
        <translation>审计记录：共 %1 条，最新哈希 %2。</translation>
    </message>
    <message>
        <source>Report.</source>
        <translation>报表。</translation>
    </message>
    <message>
        <source>Scope.</source>
        <translation>范围。</translation>
    </message>
    <message>
        <source>Way of counting.</source>
        <translation>统计口径。</translation>
    </message>
    <message>
        <source>Start date.</source>
        <translation>起始日期。</translation>
    </message>
    <message>
        <source>Format.</source>
        <translation>格式。</translation>
    </message>
    <message>
        <source>Output file.</source>
        <translation>输出文件。</translation>
    </message>
    <message>
        <source>report needs --period, e.g. 2024-Q3.</source>
        <translation>report 需要 --period，如 2024-Q3。</translation>
    </message>
    <message>
        <source>Unknown counting &apos;%1&apos;; accepted: collected, cumulative.</source>
        <translation>未知口径“%1”；可用：collected、cumulative。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Folder.</source>
        <translation>文件夹。</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <source>Backup file.</source>
        <translation>备份文件。</translation>
    </message>
    <message>
        <source>restore needs --from BACKUP.</source>
        <translation>restore 需要 --from BACKUP。</translation>
    </message>
    <message>
        <source>Restored from %1; the replaced database is kept as %2.</source>
        <translation>已从 %1 恢复；被替换的数据库保存为 %2。</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;; accepted: %2.</source>
        <translation>未知报表“%1”；可用：%2。</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;; accepted: pdf, xlsx, csv, json.</source>
        <translation>未知格式“%1”；可用：pdf、xlsx、csv、json。</translation>
    </message>
    <message>
        <source>The %1 format writes a file: give --out FILE.%1.</source>
        <translation>%1 格式会写入文件：请给出 --out FILE.%1。</translation>
    </message>
    <message>
        <source>PDF needs the graphical libraries; run yuegong-cli itself.</source>
        <translation>PDF 需要图形库；请直接运行 yuegong-cli。</translation>
    </message>
    <message>
        <source>nomination needs add, score, select, unselect or list.</source>
        <translation>nomination 需要 add、score、select、unselect 或 list。</translation>
    </message>
    <message>
        <source>Year.</source>
        <translation>年份。</translation>
    </message>
    <message>
        <source>Kind.</source>
        <translation>类型。</translation>
    </message>
    <message>
        <source>Cadre.</source>
        <translation>干部。</translation>
    </message>
    <message>
        <source>Title.</source>
        <translation>标题。</translation>
    </message>
    <message>
        <source>Summary.</source>
        <translation>摘要。</translation>
    </message>
    <message>
        <source>Score.</source>
        <translation>评分。</translation>
    </message>
    <message>
        <source>--year &apos;%1&apos; must be a year like 2024.</source>
        <translation>--year“%1”必须是 2024 这样的年份。</translation>
    </message>
    <message>
        <source>nomination %1 needs the nomination&apos;s number (see nomination list).</source>
        <translation>nomination %1 需要推荐编号（见 nomination list）。</translation>
    </message>
    <message>
        <source>--score &apos;%1&apos; must be a number from 0 to 100.</source>
        <translation>--score“%1”必须是 0 到 100 之间的数。</translation>
    </message>
    <message>
        <source>--kind &apos;%1&apos; is not known; accepted: research, suggestion.</source>
        <translation>--kind“%1”未知；可用：research、suggestion。</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>analysis needs reflection or town.</source>
        <translation>analysis 需要 reflection 或 town。</translation>
    </message>
    <message>
        <source>Quarter.</source>
        <translation>季度。</translation>
    </message>
    <message>
        <source>Text.</source>
        <translation>内容。</translation>
    </message>
    <message>
        <source>--quarter &apos;%1&apos; must be a quarter like 2024-Q3.</source>
        <translation>--quarter“%1”必须是 2024-Q3 这样的季度。</translation>
    </message>
    <message>
        <source>Saved the quarterly analysis text for %1.</source>
        <translation>已保存 %1 季分析内容。</translation>
    </message>
    <message>
        <source>District profile (JSON).</source>
        <translation>区域配置文件（JSON）。</translation>
    </message>
    <message>
        <source>New database %1 for %2: %3 towns, %4 issue categories, %5 departments. Next: yuegong-cli account create-admin --db %1 --name NAME --new-username U</source>
        <translation>已为%2创建新数据库 %1：%3 个镇街、%4 个问题类别、%5 个承办部门。下一步：yuegong-cli account create-admin --db %1 --name 姓名 --new-username 用户名</translation>
    </message>
    <message>
        <source>auto, utf-8 or gb18030.</source>
        <translation>auto、utf-8 或 gb18030。</translation>
    </message>
    <message>
        <source>Check and count, write nothing.</source>
        <translation>只检查和计数，不写入。</translation>
    </message>
    <message>
        <source>Write the template files here.</source>
        <translation>模板文件写到此处。</translation>
    </message>
    <message>
        <source>Unknown encoding &apos;%1&apos;; accepted: auto, utf-8, gb18030.</source>
        <translation>未知编码“%1”；可用：auto、utf-8、gb18030。</translation>
    </message>
    <message>
        <source>import needs at least one of --cadres, --enterprises, --visits, --issues.</source>
        <translation>import 至少需要 --cadres、--enterprises、--visits、--issues 之一。</translation>
    </message>
    <message>
        <source>checking: %1%</source>
        <translation>检查中：%1%</translation>
    </message>
    <message>
        <source>writing: %1%</source>
        <translation>写入中：%1%</translation>
    </message>
    <message>
        <source>Nothing was imported: problems found: %1.</source>
        <translation>未导入任何内容：发现问题 %1 个。</translation>
    </message>
    <message>
        <source>Problems found: %1.</source>
        <translation>发现问题 %1 个。</translation>
    </message>
    <message>
        <source>Category	Town	Shared wording	Issues	Enterprises	Issue numbers</source>
        <translation>类别	镇街	共同表述	问题诉求	企业	问题编号</translation>
    </message>
    <message>
        <source>district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Exchange file to write.</source>
        <translation>要写入的交换文件。</translation>
    </message>
    <message>
        <source>Exchange file to read.</source>
        <translation>要读取的交换文件。</translation>
    </message>
    <message>
        <source>The receiving database&apos;s exchange id.</source>
        <translation>接收方数据库的交换编号。</translation>
    </message>
    <message>
        <source>Everything, not only what changed.</source>
        <translation>全部记录，而不只是变化的部分。</translation>
    </message>
    <message>
        <source>Reference data and assignments.</source>
        <translation>基础数据与分工。</translation>
    </message>
    <message>
        <source>mine or theirs.</source>
        <translation>mine（本库）或 theirs（对方）。</translation>
    </message>
    <message>
        <source>exchange export needs --out FILE.</source>
        <translation>exchange export 需要 --out 文件。</translation>
    </message>
    <message>
        <source>exchange import needs --in FILE.</source>
        <translation>exchange import 需要 --in 文件。</translation>
    </message>
    <message>
        <source>exchange resolve needs the conflict&apos;s number and --keep mine|theirs.</source>
        <translation>exchange resolve 需要冲突编号和 --keep mine|theirs。</translation>
    </message>
    <message>
        <source>exchange needs export, import, conflicts, resolve or id.</source>
        <translation>exchange 需要 export、import、conflicts、resolve 或 id。</translation>
    </message>
    <message>
        <source>Exchange file %1 written: %2.</source>
        <translation>已写入交换文件 %1：%2。</translation>
    </message>
    <message>
        <source>From database %1 to %2.</source>
        <translation>从数据库 %1 到 %2。</translation>
    </message>
    <message>
        <source>any database</source>
        <translation>任意数据库</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Conflicts to decide: %1 (yuegong-cli exchange conflicts).</source>
        <translation>待处理的冲突：%1 条（yuegong-cli exchange conflicts）。</translation>
    </message>
    <message>
        <source>No open exchange conflicts.</source>
        <translation>没有待处理的交换冲突。</translation>
    </message>
    <message>
        <source>%1  %2 %3  found %4</source>
        <translation>%1  %2 %3  发现于 %4</translation>
    </message>
    <message>
        <source>    %1: mine %2 | theirs %3</source>
        <translation>    %1：本库 %2 | 对方 %3</translation>
    </message>
    <message>
        <source>Conflict %1 decided: the incoming version was applied.</source>
        <translation>冲突 %1 已处理：已采用对方版本。</translation>
    </message>
    <message>
        <source>Conflict %1 decided: this database&apos;s version was kept.</source>
        <translation>冲突 %1 已处理：已保留本库版本。</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;; accepted: explain, submit, transfer, return, feedback, confirm, reject, close, withdraw, reopen, pause, resume, reschedule, note.</source>
        <translation>未知操作“%1”；可用：explain、submit、transfer、return、feedback、confirm、reject、close、withdraw、reopen、pause、resume、reschedule、note。</translation>
    </message>
    <message>
        <source>meeting needs agenda or create.</source>
        <translation>meeting 需要 agenda 或 create。</translation>
    </message>
    <message>
        <source>Group.</source>
        <translation>分组。</translation>
    </message>
    <message>
        <source>Month.</source>
        <translation>月份。</translation>
    </message>
    <message>
        <source>Date the meeting was held.</source>
        <translation>会议召开日期。</translation>
    </message>
    <message>
        <source>PDF file.</source>
        <translation>PDF 文件。</translation>
    </message>
    <message>
        <source>meeting %1 needs --group and --month.</source>
        <translation>meeting %1 需要 --group 和 --month。</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;; accepted: text, json.</source>
        <translation>未知格式“%1”；可用：text、json。</translation>
    </message>
    <message>
        <source>There is no group named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的分组。</translation>
    </message>
    <message>
        <source>%1 issues on the agenda.</source>
        <translation>议程共 %1 个问题。</translation>
    </message>
    <message>
        <source>Meeting of %1 for %2 prepared with %3 issues on the agenda.</source>
        <translation>已生成%1 %2 交流会，议程共 %3 个问题。</translation>
    </message>
    <message>
        <source>Recompute the report counts from the records before checking.</source>
        <translation>检查前先按记录重新计算报表统计。</translation>
    </message>
    <message>
        <source>Report counts recomputed from the records.</source>
        <translation>已按记录重新计算报表统计。</translation>
    </message>
    <message>
        <source>Reports: %1</source>
        <translation>报表：%1</translation>
    </message>
    <message>
        <source>The database is healthy: file integrity, references, every issue&apos;s history, the report counts and the audit chain agree.</source>
        <translation>数据库完好：文件完整，引用正确，每件问题的办理记录与状态一致，报表统计与记录一致，审计记录链完整。</translation>
    </message>
    <message>
        <source>With --reference: a cadre who works on that laptop (their issues travel with the file); may be repeated.</source>
        <translation>与 --reference 一起使用：在那台笔记本上工作的干部（其问题诉求随文件一起发送）；可重复指定。</translation>
    </message>
</context>
</TS>
