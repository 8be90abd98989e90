<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>rota::AckMessageDialog</name>
    <message numerus="yes">
        <source>Acknowledge %n incidents</source>
        <translation>
            <numerusform>Acknowledge %n incidents</numerusform>
            <numerusform>Acknowledge %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::AwayPagesModel</name>
    <message numerus="yes">
        <source>%n incident(s) paged you while you were away</source>
        <translation>
            <numerusform>%n incident paged you while you were away</numerusform>
            <numerusform>%n incidents paged you while you were away</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::EscalationPolicyModel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::HeatmapWidget</name>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %n incident(s)</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %n incident</numerusform>
            <numerusform>%1 %2:00–%3:00: %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::HeldCallsBar</name>
    <message numerus="yes">
        <source>%n more action(s) wait too.</source>
        <translation>
            <numerusform>%n more action wait too.</numerusform>
            <numerusform>%n more actions wait too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::IncidentActions</name>
    <message numerus="yes">
        <source>Acknowledging %n incidents</source>
        <translation>
            <numerusform>Acknowledging %n incidents</numerusform>
            <numerusform>Acknowledging %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n incidents</source>
        <translation>
            <numerusform>Resolving %n incidents</numerusform>
            <numerusform>Resolving %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rerouting %n incidents</source>
        <translation>
            <numerusform>Rerouting %n incidents</numerusform>
            <numerusform>Rerouting %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not acknowledge %n incidents</source>
        <translation>
            <numerusform>Could not acknowledge %n incidents</numerusform>
            <numerusform>Could not acknowledge %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not resolve %n incidents</source>
        <translation>
            <numerusform>Could not resolve %n incidents</numerusform>
            <numerusform>Could not resolve %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not reroute %n incidents</source>
        <translation>
            <numerusform>Could not reroute %n incidents</numerusform>
            <numerusform>Could not reroute %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n incidents</source>
        <translation>
            <numerusform>Acknowledge %n incidents</numerusform>
            <numerusform>Acknowledge %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incidents</source>
        <translation>
            <numerusform>Resolve %n incidents</numerusform>
            <numerusform>Resolve %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reroute %n incidents</source>
        <translation>
            <numerusform>Reroute %n incidents</numerusform>
            <numerusform>Reroute %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Acknowledging %n incidents was cancelled; nothing was sent.</numerusform>
            <numerusform>Acknowledging %n incidents was cancelled; nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Resolving %n incidents was cancelled; nothing was sent.</numerusform>
            <numerusform>Resolving %n incidents was cancelled; nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rerouting %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Rerouting %n incidents was cancelled; nothing was sent.</numerusform>
            <numerusform>Rerouting %n incidents was cancelled; nothing was sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::IncidentDetailPane</name>
    <message numerus="yes">
        <source>%Ln alert(s)</source>
        <translation>
            <numerusform>%Ln alert</numerusform>
            <numerusform>%Ln alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::IncidentsView</name>
    <message numerus="yes">
        <source>Splunk On-Call refused %n incident(s); their rows say why.</source>
        <translation>
            <numerusform>Splunk On-Call refused %n incident; their rows say why.</numerusform>
            <numerusform>Splunk On-Call refused %n incidents; their rows say why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n selected incident(s) (A, Ctrl+K)</source>
        <translation>
            <numerusform>Acknowledge %n selected incident (A, Ctrl+K)</numerusform>
            <numerusform>Acknowledge %n selected incidents (A, Ctrl+K)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n selected incident(s) (R, Ctrl+Shift+R)</source>
        <translation>
            <numerusform>Resolve %n selected incident (R, Ctrl+Shift+R)</numerusform>
            <numerusform>Resolve %n selected incidents (R, Ctrl+Shift+R)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Page others for %n selected incident(s) (Ctrl+E)</source>
        <translation>
            <numerusform>Page others for %n selected incident (Ctrl+E)</numerusform>
            <numerusform>Page others for %n selected incidents (Ctrl+E)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge the %n triggered incident(s) paging you (Ctrl+Shift+K)</source>
        <translation>
            <numerusform>Acknowledge the %n triggered incident paging you (Ctrl+Shift+K)</numerusform>
            <numerusform>Acknowledge the %n triggered incidents paging you (Ctrl+Shift+K)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve the %n open incident(s) paging you (Ctrl+Shift+D)</source>
        <translation>
            <numerusform>Resolve the %n open incident paging you (Ctrl+Shift+D)</numerusform>
            <numerusform>Resolve the %n open incidents paging you (Ctrl+Shift+D)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incidents (%1). Message (optional):</source>
        <translation>
            <numerusform>Resolve %n incidents (%1). Message (optional):</numerusform>
            <numerusform>Resolve %n incidents (%1). Message (optional):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n incidents of a notification, whatever the filters say.</source>
        <translation>
            <numerusform>Showing the %n incidents of a notification, whatever the filters say.</numerusform>
            <numerusform>Showing the %n incidents of a notification, whatever the filters say.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::KeychainSecretStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>The keychain did not answer within %n second.</numerusform>
            <numerusform>The keychain did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::Notifier</name>
    <message numerus="yes">
        <source>%n new incidents</source>
        <translation>
            <numerusform>%n new incidents</numerusform>
            <numerusform>%n new incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: Open shows them all</source>
        <translation>
            <numerusform>and %n more: Open shows them all</numerusform>
            <numerusform>and %n more: Open shows them all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents are paging you</source>
        <translation>
            <numerusform>%n incidents are paging you</numerusform>
            <numerusform>%n incidents are paging you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents are still paging you</source>
        <translation>
            <numerusform>%n incidents are still paging you</numerusform>
            <numerusform>%n incidents are still paging you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::OnCallView</name>
    <message numerus="yes">
        <source>%n shift(s) saved to %1.</source>
        <translation>
            <numerusform>%n shift saved to %1.</numerusform>
            <numerusform>%n shifts saved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::OverrideModel</name>
    <message numerus="yes">
        <source>All %n policies covered</source>
        <translation>
            <numerusform>All %n policies covered</numerusform>
            <numerusform>All %n policies covered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::OverridesView</name>
    <message numerus="yes">
        <source>%n override(s) scheduled.</source>
        <translation>
            <numerusform>%n override scheduled.</numerusform>
            <numerusform>%n overrides scheduled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyCommands</name>
    <message numerus="yes">
        <source>Wait %n minute(s) after step %1</source>
        <translation>
            <numerusform>Wait %n minute after step %1</numerusform>
            <numerusform>Wait %n minutes after step %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyController</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n changes applied.</source>
        <translation>
            <numerusform>Saved: %n changes applied.</numerusform>
            <numerusform>Saved: %n changes applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyEditor</name>
    <message numerus="yes">
        <source>The last %n steps cannot be removed, so they are left empty and page no one.</source>
        <translation>
            <numerusform>The last %n steps cannot be removed, so they are left empty and page no one.</numerusform>
            <numerusform>The last %n steps cannot be removed, so they are left empty and page no one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyModel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n items</source>
        <translation>
            <numerusform>Remove %n items</numerusform>
            <numerusform>Remove %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::QuickActions</name>
    <message numerus="yes">
        <source>%n incidents</source>
        <translation>
            <numerusform>%n incidents</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::QuickRerouteDialog</name>
    <message numerus="yes">
        <source>Reroute %n incidents</source>
        <translation>
            <numerusform>Reroute %n incidents</numerusform>
            <numerusform>Reroute %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::RemoveUserDialog</name>
    <message numerus="yes">
        <source>They are in %n teams: %1.</source>
        <translation>
            <numerusform>They are in %n teams: %1.</numerusform>
            <numerusform>They are in %n teams: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::RerouteDialog</name>
    <message numerus="yes">
        <source>Reroute %n incident(s)</source>
        <translation>
            <numerusform>Reroute %n incident</numerusform>
            <numerusform>Reroute %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::ResolveAllQuestion</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve the %n incidents paging you?</source>
        <translation>
            <numerusform>Resolve the %n incidents paging you?</numerusform>
            <numerusform>Resolve the %n incidents paging you?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incident(s)</source>
        <translation>
            <numerusform>Resolve %n incident</numerusform>
            <numerusform>Resolve %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::RotationsPanel</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::SchedulesView</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::ShiftReminder</name>
    <message numerus="yes">
        <source>%n incident(s) (is|are) paging you.</source>
        <translation>
            <numerusform>%n incident is paging you.</numerusform>
            <numerusform>%n incidents are paging you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n (is|are) acknowledged and still open.</source>
        <translation>
            <numerusform>%n is acknowledged and still open.</numerusform>
            <numerusform>%n are acknowledged and still open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::StakeholderDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::StakeholderMessenger</name>
    <message numerus="yes">
        <source>%n (person|people)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n team</numerusform>
            <numerusform>%n teams</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::TeamsModel</name>
    <message numerus="yes">
        <source>%1: %n member(s)</source>
        <translation>
            <numerusform>%1: %n member</numerusform>
            <numerusform>%1: %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::TeamsView</name>
    <message numerus="yes">
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n member</numerusform>
            <numerusform>%1 · %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::TrayController</name>
    <message numerus="yes">
        <source>And %n more…</source>
        <translation>
            <numerusform>And %n more…</numerusform>
            <numerusform>And %n more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) paging you</source>
        <translation>
            <numerusform>%n incident paging you</numerusform>
            <numerusform>%n incidents paging you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UnsavedWork</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UserImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) (has|have) problems and will not be sent.</source>
        <translation>
            <numerusform>%n row has problems and will not be sent.</numerusform>
            <numerusform>%n rows have problems and will not be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %1 of %n user(s).</source>
        <translation>
            <numerusform>Added %1 of %n user.</numerusform>
            <numerusform>Added %1 of %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not added.</source>
        <translation>
            <numerusform>%n user was not added.</numerusform>
            <numerusform>%n users were not added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) may have been added (no answer came): check the list of users.</source>
        <translation>
            <numerusform>%n user may have been added (no answer came): check the list of users.</numerusform>
            <numerusform>%n users may have been added (no answer came): check the list of users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not sent: the import was cancelled.</source>
        <translation>
            <numerusform>%n user was not sent: the import was cancelled.</numerusform>
            <numerusform>%n users were not sent: the import was cancelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not sent.</source>
        <translation>
            <numerusform>%n user was not sent.</numerusform>
            <numerusform>%n users were not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems (was|were) not sent.</source>
        <translation>
            <numerusform>%n row with problems was not sent.</numerusform>
            <numerusform>%n rows with problems were not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) will be invited.</source>
        <translation>
            <numerusform>%n user will be invited.</numerusform>
            <numerusform>%n users will be invited.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) will be invited; %1</source>
        <comment>%1: how many rows have problems</comment>
        <translation>
            <numerusform>%n user will be invited; %1</numerusform>
            <numerusform>%n users will be invited; %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n User(s)</source>
        <translation>
            <numerusform>Import %n User</numerusform>
            <numerusform>Import %n Users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UsersView</name>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::Workspace</name>
    <message numerus="yes">
        <source>%n incident action(s)</source>
        <translation>
            <numerusform>%n incident action</numerusform>
            <numerusform>%n incident actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) of a CSV import not sent yet</source>
        <translation>
            <numerusform>%n user of a CSV import not sent yet</numerusform>
            <numerusform>%n users of a CSV import not sent yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>adding %n user(s) from a CSV file</source>
        <translation>
            <numerusform>adding %n user from a CSV file</numerusform>
            <numerusform>adding %n users from a CSV file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The CSV import is still running: %n user(s) not sent yet (the service takes 50 at a time).</source>
        <translation>
            <numerusform>The CSV import is still running: %n user not sent yet (the service takes 50 at a time).</numerusform>
            <numerusform>The CSV import is still running: %n users not sent yet (the service takes 50 at a time).</numerusform>
        </translation>
    </message>
</context>
</TS>
