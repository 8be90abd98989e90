<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ReportPanel</name>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ViewChrome</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>ical</name>
    <message>
        <source>On-call shifts of %1</source>
        <translation>Bereitschaftsschichten von %1</translation>
    </message>
    <message>
        <source>Team: %1
Escalation policy: %2</source>
        <translation>Team: %1
Eskalationsrichtlinie: %2</translation>
    </message>
    <message>
        <source>Instead of %1</source>
        <translation>Statt %1</translation>
    </message>
    <message>
        <source>On call: %1 (%2)</source>
        <translation>Bereitschaft: %1 (%2)</translation>
    </message>
    <message>
        <source>Could not make the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>rota::AccountMenu</name>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Switch to %1 (%2 at %3)</source>
        <translation>Zu %1 wechseln (%2 bei %3)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;name current account…</source>
        <translation>Aktuelles Konto &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Web app organisation…</source>
        <translation>&amp;Web-App-Organisation…</translation>
    </message>
    <message>
        <source>Where &quot;Open in Splunk On-Call&quot; opens incidents</source>
        <translation>Wo „In Splunk On-Call öffnen“ Incidents öffnet</translation>
    </message>
    <message>
        <source>&amp;Remove current account…</source>
        <translation>Aktuelles Konto &amp;entfernen…</translation>
    </message>
    <message>
        <source>Rename Account</source>
        <translation>Konto umbenennen</translation>
    </message>
    <message>
        <source>New name for &quot;%1&quot;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Web App Organisation</source>
        <translation>Web-App-Organisation</translation>
    </message>
    <message>
        <source>The organisation of &quot;%1&quot; in the Splunk On-Call web app: the part after /ui/ in its address (portal.victorops.com/ui/acme-corp/…), or the whole address:</source>
        <translation>Die Organisation von „%1“ in der Splunk On-Call-Web-App: der Teil nach /ui/ in ihrer Adresse (portal.victorops.com/ui/acme-corp/…) oder die ganze Adresse:</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot;?</source>
        <translation>Das Konto „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Rota forgets its settings and deletes its API key from the system keychain. The key itself stays valid in Splunk On-Call; revoke it there if nobody needs it.</source>
        <translation>Rota vergisst seine Einstellungen und löscht seinen API-Schlüssel aus dem Schlüsselbund des Systems. Der Schlüssel selbst bleibt in Splunk On-Call gültig; widerrufen Sie ihn dort, wenn ihn niemand mehr braucht.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>rota::AccountStore</name>
    <message>
        <source>An account needs a name.</source>
        <translation>Ein Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is already an account named “%1”.</source>
        <translation>Es gibt bereits ein Konto namens „%1“.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>rota::AckMessageDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge #%1</source>
        <translation>#%1 bestätigen</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>&amp;Message for the timeline:</source>
        <translation>&amp;Nachricht für die Zeitachse:</translation>
    </message>
    <message>
        <source>e.g. Looking into it</source>
        <translation>z. B. Ich sehe es mir an</translation>
    </message>
    <message>
        <source>Type a message first. To acknowledge without one, use Acknowledge.</source>
        <translation>Geben Sie zuerst eine Nachricht ein. Um ohne Nachricht zu bestätigen, verwenden Sie „Bestätigen“.</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n incidents</source>
        <translation>
            <numerusform>%n Incident bestätigen</numerusform>
            <numerusform>%n Incidents bestätigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::AlarmSound</name>
    <message>
        <source>The sound could not be prepared: %1</source>
        <translation>Der Ton konnte nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>The sound could not be played (no audio output?)</source>
        <translation>Der Ton konnte nicht abgespielt werden (keine Audioausgabe?)</translation>
    </message>
</context>
<context>
    <name>rota::AlertAnnotation</name>
    <message>
        <source>Annotation</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>%1 (image)</source>
        <translation>%1 (Bild)</translation>
    </message>
</context>
<context>
    <name>rota::AlertRuleEditor</name>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Sets field</source>
        <translation>Setzt Feld</translation>
    </message>
    <message>
        <source>&amp;Stop: no later rule runs after this one matched</source>
        <translation>S&amp;topp: Trifft diese Regel zu, läuft keine spätere Regel mehr</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>The alert field the rule looks at</source>
        <translation>Das Alarmfeld, das die Regel prüft</translation>
    </message>
    <message>
        <source>Wildcard</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Wildcard: &apos;*&apos; stands for anything, letters in any case. Regular expression: Java syntax, the whole value must match, case matters unless it starts with (?i).</source>
        <translation>Platzhalter: „*“ steht für beliebigen Text, Groß-/Kleinschreibung egal. Regulärer Ausdruck: Java-Syntax, der ganze Wert muss passen, Groß-/Kleinschreibung zählt, außer er beginnt mit (?i).</translation>
    </message>
    <message>
        <source>e.g. db-prod-*</source>
        <translation>z. B. db-prod-*</translation>
    </message>
    <message>
        <source>Rules run from 1 down; a rule put at a place moves the others down</source>
        <translation>Regeln laufen ab Position 1 abwärts; eine Regel an einer belegten Position schiebt die anderen nach unten</translation>
    </message>
    <message>
        <source>Matching alerts go to this routing key; empty: they keep theirs</source>
        <translation>Passende Alarme gehen an diesen Routing-Schlüssel; wenn leer, behalten sie ihren eigenen</translation>
    </message>
    <message>
        <source>Why this rule exists (optional)</source>
        <translation>Wozu diese Regel dient (optional)</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>Fügt hinzu</translation>
    </message>
    <message>
        <source>Title or field</source>
        <translation>Titel oder Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>${{field}} in a value is replaced by the alert&apos;s field</source>
        <translation>${{field}} in einem Wert wird durch das gleichnamige Feld des Alarms ersetzt</translation>
    </message>
    <message>
        <source>When &amp;field:</source>
        <translation>Wenn &amp;Feld:</translation>
    </message>
    <message>
        <source>&amp;Matches:</source>
        <translation>&amp;Passt auf:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Pos&amp;ition:</translation>
    </message>
    <message>
        <source>&amp;Route to:</source>
        <translation>&amp;Weiterleiten an:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Annotations and field changes:</source>
        <translation>Anmerkungen und Feldänderungen:</translation>
    </message>
    <message>
        <source>Choose the alert field the rule looks at.</source>
        <translation>Wählen Sie das Alarmfeld, das die Regel prüft.</translation>
    </message>
    <message>
        <source>Annotation %1 needs a title (or, for a field change, the field).</source>
        <translation>Anmerkung %1 braucht einen Titel (bzw. bei einer Feldänderung das Feld).</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
</context>
<context>
    <name>rota::AlertRuleMatcher</name>
    <message>
        <source>group names with &apos;_&apos; are refused by Java</source>
        <translation>Gruppennamen mit „_“ lehnt Java ab</translation>
    </message>
    <message>
        <source>Python-style named groups (?P&lt;…&gt;) are not Java syntax</source>
        <translation>Benannte Gruppen im Python-Stil (?P&lt;…&gt;) sind keine Java-Syntax</translation>
    </message>
    <message>
        <source>branch-reset groups (?|…) are not Java syntax</source>
        <translation>Branch-Reset-Gruppen (?|…) sind keine Java-Syntax</translation>
    </message>
    <message>
        <source>recursion such as (?R) is not Java syntax</source>
        <translation>Rekursion wie (?R) ist keine Java-Syntax</translation>
    </message>
    <message>
        <source>\K is not Java syntax</source>
        <translation>\K ist keine Java-Syntax</translation>
    </message>
    <message>
        <source>POSIX classes like [[:alpha:]] are written \p{Alpha} in Java</source>
        <translation>POSIX-Klassen wie [[:alpha:]] schreibt man in Java \p{Alpha}</translation>
    </message>
    <message>
        <source>PCRE verbs such as (*SKIP) are not Java syntax</source>
        <translation>PCRE-Verben wie (*SKIP) sind keine Java-Syntax</translation>
    </message>
    <message>
        <source>\g and \k references: Java writes \k&lt;name&gt; only</source>
        <translation>\g- und \k-Verweise: Java kennt nur \k&lt;name&gt;</translation>
    </message>
    <message>
        <source>Enter a pattern.</source>
        <translation>Geben Sie ein Muster ein.</translation>
    </message>
    <message>
        <source>Regular expressions may have at most %1 characters (this one has %2).</source>
        <translation>Reguläre Ausdrücke dürfen höchstens %1 Zeichen lang sein (dieser hat %2).</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1 (at character %2).</source>
        <translation>Kein gültiger regulärer Ausdruck: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <source>Valid here, but Splunk On-Call reads Java regular expressions: %1.</source>
        <translation>Hier gültig, aber Splunk On-Call verwendet reguläre Ausdrücke in Java-Syntax: %1.</translation>
    </message>
    <message>
        <source>Not JSON: %1 (at character %2).</source>
        <translation>Kein JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <source>Paste an alert as a JSON object: {&quot;field&quot;: &quot;value&quot;, …}.</source>
        <translation>Fügen Sie einen Alarm als JSON-Objekt ein: {&quot;Feld&quot;: &quot;Wert&quot;, …}.</translation>
    </message>
</context>
<context>
    <name>rota::AlertRulesController</name>
    <message>
        <source>Could not read the alert rules: %1</source>
        <translation>Die Alarmregeln konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Another change to the rules is still on its way.</source>
        <translation>Eine andere Änderung an den Regeln ist noch unterwegs.</translation>
    </message>
    <message>
        <source>This API key may only read: changing alert rules needs an admin&apos;s key with write access.</source>
        <translation>Dieser API-Schlüssel darf nur lesen: Zum Ändern von Alarmregeln ist der Schlüssel eines Administrators mit Schreibzugriff nötig.</translation>
    </message>
    <message>
        <source>%1: the service did not answer, so it may have been done anyway. The rules are read again; check them before trying again.</source>
        <translation>%1: Der Dienst hat nicht geantwortet, die Änderung wurde also möglicherweise trotzdem ausgeführt. Die Regeln werden neu geladen; prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not create the rule</source>
        <translation>Die Regel konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Rule created.</source>
        <translation>Regel erstellt.</translation>
    </message>
    <message>
        <source>Could not save rule %1</source>
        <translation>Regel %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Rule %1 saved.</source>
        <translation>Regel %1 gespeichert.</translation>
    </message>
    <message>
        <source>Rule %1 is no longer in the list.</source>
        <translation>Regel %1 ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Could not move rule %1</source>
        <translation>Regel %1 konnte nicht verschoben werden</translation>
    </message>
    <message>
        <source>Rule %1 moved to place %2.</source>
        <translation>Regel %1 an Position %2 verschoben.</translation>
    </message>
    <message>
        <source>Could not delete rule %1</source>
        <translation>Regel %1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Rule %1 deleted.</source>
        <translation>Regel %1 gelöscht.</translation>
    </message>
    <message>
        <source>Could not read alert %1: %2</source>
        <translation>Alarm %1 konnte nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>rota::AlertRulesModel</name>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>%1 (regex)</source>
        <translation>%1 (Regex)</translation>
    </message>
    <message>
        <source>%1 (wildcard)</source>
        <translation>%1 (Platzhalter)</translation>
    </message>
    <message>
        <source>route to %1</source>
        <translation>an %1 leiten</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <source>add %1 (%2)</source>
        <translation>%1 hinzufügen (%2)</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When field</source>
        <translation>Wenn Feld</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Passt auf</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Dann</translation>
    </message>
</context>
<context>
    <name>rota::AlertRulesView</name>
    <message>
        <source>rule %1 (%2 %3)</source>
        <translation>Regel %1 (%2 %3)</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Neue Regel</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Use its &amp;alert</source>
        <translation>Alarm ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Run the selected rule earlier (Alt+Up)</source>
        <translation>Die ausgewählte Regel früher ausführen (Alt+Pfeil nach oben)</translation>
    </message>
    <message>
        <source>Run the selected rule later (Alt+Down)</source>
        <translation>Die ausgewählte Regel später ausführen (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Read the rules again (F5)</source>
        <translation>Die Regeln neu laden (F5)</translation>
    </message>
    <message>
        <source>Write a new rule (Ctrl+N)</source>
        <translation>Eine neue Regel schreiben (Strg+N)</translation>
    </message>
    <message>
        <source>Send the rule to Splunk On-Call (Ctrl+S)</source>
        <translation>Die Regel an Splunk On-Call senden (Strg+S)</translation>
    </message>
    <message>
        <source>Paste an alert as JSON, e.g. {&quot;host_name&quot;: &quot;db-prod-01&quot;, &quot;routing_key&quot;: &quot;platform-alerts&quot;}, or use the alert of a recent incident.</source>
        <translation>Fügen Sie einen Alarm als JSON ein, z. B. {&quot;host_name&quot;: &quot;db-prod-01&quot;, &quot;routing_key&quot;: &quot;platform-alerts&quot;}, oder übernehmen Sie den Alarm eines aktuellen Incidents.</translation>
    </message>
    <message>
        <source>Rules, in the order they run</source>
        <translation>Regeln in der Reihenfolge ihrer Ausführung</translation>
    </message>
    <message>
        <source>Test bench</source>
        <translation>Testbereich</translation>
    </message>
    <message>
        <source>Try the rules as written in the form, before saving, on an alert.</source>
        <translation>Die Regeln so, wie sie im Formular stehen, vor dem Speichern an einem Alarm ausprobieren.</translation>
    </message>
    <message>
        <source>Alert %1 as Splunk On-Call keeps it: the rules of then already ran over it (their annotations are left out here).</source>
        <translation>Alarm %1, wie Splunk On-Call ihn gespeichert hat: Die damaligen Regeln wurden bereits darauf angewendet (ihre Anmerkungen sind hier weggelassen).</translation>
    </message>
    <message>
        <source>The rule in the form has changes that are not saved: save or revert them first.</source>
        <translation>Die Regel im Formular hat ungespeicherte Änderungen: Speichern oder verwerfen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>The rule in the form has changes that are not saved: save or revert them to edit another.</source>
        <translation>Die Regel im Formular hat ungespeicherte Änderungen: Speichern oder verwerfen Sie sie, um eine andere zu bearbeiten.</translation>
    </message>
    <message>
        <source>Creating the rule…</source>
        <translation>Regel wird erstellt…</translation>
    </message>
    <message>
        <source>Saving rule %1…</source>
        <translation>Regel %1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Save or revert the rule in the form before moving rules.</source>
        <translation>Speichern oder verwerfen Sie die Regel im Formular, bevor Sie Regeln verschieben.</translation>
    </message>
    <message>
        <source>Moving rule %1…</source>
        <translation>Regel %1 wird verschoben…</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>Alarmregel löschen</translation>
    </message>
    <message>
        <source>Delete %1? Alerts it matches will no longer get what it adds or go where it sends them.</source>
        <translation>%1 löschen? Passende Alarme erhalten dann nicht mehr, was die Regel hinzufügt, und werden nicht mehr dorthin geleitet, wohin sie sie schickt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting the rule…</source>
        <translation>Regel wird gelöscht…</translation>
    </message>
    <message>
        <source>Delete the selected rule (Delete)</source>
        <translation>Die ausgewählte Regel löschen (Entf)</translation>
    </message>
    <message>
        <source>Select a rule first</source>
        <translation>Wählen Sie zuerst eine Regel aus</translation>
    </message>
    <message>
        <source>Rules can only be read with this key.</source>
        <translation>Mit diesem Schlüssel können Regeln nur gelesen werden.</translation>
    </message>
    <message>
        <source>Select a rule to change it, or write a new one.</source>
        <translation>Wählen Sie eine Regel aus, um sie zu ändern, oder schreiben Sie eine neue.</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Rule %1%2</source>
        <translation>Regel %1%2</translation>
    </message>
    <message>
        <source> — changed, not saved</source>
        <translation> — geändert, nicht gespeichert</translation>
    </message>
    <message>
        <source>No alert yet: paste one, or use the alert of a recent incident.</source>
        <translation>Noch kein Alarm: Fügen Sie einen ein oder übernehmen Sie den Alarm eines aktuellen Incidents.</translation>
    </message>
    <message>
        <source> (with the rule in the form as edited, not saved)</source>
        <translation> (mit der Regel im Formular in der bearbeiteten, nicht gespeicherten Fassung)</translation>
    </message>
    <message>
        <source>No rule matches%1.</source>
        <translation>Keine Regel trifft zu%1.</translation>
    </message>
    <message>
        <source>Matches %1%2.</source>
        <translation>Treffer: %1%2.</translation>
    </message>
    <message>
        <source>, then </source>
        <translation>, dann </translation>
    </message>
    <message>
        <source>Routing key: none (the default routing applies).</source>
        <translation>Routing-Schlüssel: keiner (es gilt das Standard-Routing).</translation>
    </message>
    <message>
        <source>Routing key: %1 (unchanged).</source>
        <translation>Routing-Schlüssel: %1 (unverändert).</translation>
    </message>
    <message>
        <source>Routing key: %1 → %2.</source>
        <translation>Routing-Schlüssel: %1 → %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Adds %1 (%2): %3</source>
        <translation>Fügt %1 hinzu (%2): %3</translation>
    </message>
    <message>
        <source>Sets %1: &quot;%2&quot; → &quot;%3&quot;</source>
        <translation>Setzt %1: „%2“ → „%3“</translation>
    </message>
    <message>
        <source>Stops there: later rules do not run.</source>
        <translation>Stoppt dort: Spätere Regeln laufen nicht.</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>trifft zu</translation>
    </message>
    <message>
        <source>no match (%1 is &quot;%2&quot;)</source>
        <translation>kein Treffer (%1 ist „%2“)</translation>
    </message>
    <message>
        <source>no match (the alert has no %1)</source>
        <translation>kein Treffer (der Alarm hat kein %1)</translation>
    </message>
    <message>
        <source>skipped: its pattern cannot be used</source>
        <translation>übersprungen: Das Muster der Regel ist unbrauchbar</translation>
    </message>
    <message>
        <source>not reached (an earlier rule stopped)</source>
        <translation>nicht erreicht (eine frühere Regel hat gestoppt)</translation>
    </message>
    <message>
        <source>%1. %2 %3 — %4</source>
        <translation>%1. %2 %3 — %4</translation>
    </message>
    <message>
        <source>Reading the alert of incident %1…</source>
        <translation>Alarm von Incident %1 wird geladen…</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>No open incidents</source>
        <translation>Keine offenen Incidents</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>Alert to try the rules on</source>
        <translation>Alarm zum Testen der Regeln</translation>
    </message>
    <message>
        <source>What the rules do to the alert</source>
        <translation>Was die Regeln mit dem Alarm machen</translation>
    </message>
</context>
<context>
    <name>rota::ApiClient</name>
    <message>
        <source>%1 is a folder; choose the certificate file in it.</source>
        <translation>%1 ist ein Ordner; wählen Sie die Zertifikatsdatei darin aus.</translation>
    </message>
    <message>
        <source>The certificate file %1 does not exist.</source>
        <translation>Die Zertifikatsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be read: %2.</source>
        <translation>Die Zertifikatsdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate: it should be in PEM form, text that begins with -----BEGIN CERTIFICATE-----.</source>
        <translation>Die Datei %1 enthält kein Zertifikat: Es muss im PEM-Format vorliegen, als Text, der mit -----BEGIN CERTIFICATE----- beginnt.</translation>
    </message>
    <message>
        <source>The base URL must be a full address such as https://api.victorops.com.</source>
        <translation>Die Basis-URL muss eine vollständige Adresse sein, z. B. https://api.victorops.com.</translation>
    </message>
    <message>
        <source>Plain http would send the API key unencrypted; use https (http is only allowed for this computer, e.g. a local simulator).</source>
        <translation>Unverschlüsseltes http würde den API-Schlüssel im Klartext senden; verwenden Sie https (http ist nur für diesen Computer erlaubt, z. B. für einen lokalen Simulator).</translation>
    </message>
    <message>
        <source>The base URL must start with https://.</source>
        <translation>Die Basis-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The answer to %1 was larger than %2 MB; Rota stopped reading it.</source>
        <translation>Die Antwort auf %1 war größer als %2 MB; Rota hat das Lesen abgebrochen.</translation>
    </message>
</context>
<context>
    <name>rota::ApiError</name>
    <message>
        <source>Cannot reach Splunk On-Call. Check the network connection.</source>
        <translation>Splunk On-Call ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Splunk On-Call did not answer in time. Rota will try again.</source>
        <translation>Splunk On-Call hat nicht rechtzeitig geantwortet. Rota versucht es erneut.</translation>
    </message>
    <message>
        <source>The API ID or key is missing. Add them in the account settings.</source>
        <translation>API-ID oder API-Schlüssel fehlt. Fügen Sie sie in den Kontoeinstellungen hinzu.</translation>
    </message>
    <message>
        <source>Splunk On-Call refused the request: the API ID or key is wrong, or the key is read-only</source>
        <translation>Splunk On-Call hat die Anfrage abgelehnt: API-ID oder API-Schlüssel ist falsch, oder der Schlüssel ist schreibgeschützt</translation>
    </message>
    <message>
        <source>Splunk On-Call&apos;s rate limit was reached. Rota waits %1 s before trying again.</source>
        <translation>Das Anfragelimit von Splunk On-Call ist erreicht. Rota wartet %1 s bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Splunk On-Call&apos;s rate limit was reached. Rota slows down and tries again.</source>
        <translation>Das Anfragelimit von Splunk On-Call ist erreicht. Rota fragt langsamer an und versucht es erneut.</translation>
    </message>
    <message>
        <source>Not found on Splunk On-Call: it may have been deleted</source>
        <translation>Nicht in Splunk On-Call gefunden: Möglicherweise wurde es gelöscht</translation>
    </message>
    <message>
        <source>Splunk On-Call did not accept the request</source>
        <translation>Splunk On-Call hat die Anfrage nicht angenommen</translation>
    </message>
    <message>
        <source>Splunk On-Call had a server error (HTTP %1). Try again shortly.</source>
        <translation>Serverfehler bei Splunk On-Call (HTTP %1). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Splunk On-Call sent an answer Rota cannot read.</source>
        <translation>Splunk On-Call hat eine Antwort gesendet, die Rota nicht lesen kann.</translation>
    </message>
    <message>
        <source>The server at %1 answered with a redirect to %2. Rota sends your API key only to the address configured for this account, so it did not follow it.</source>
        <translation>Der Server unter %1 hat mit einer Weiterleitung an %2 geantwortet. Rota sendet Ihren API-Schlüssel nur an die für dieses Konto eingestellte Adresse und ist der Weiterleitung daher nicht gefolgt.</translation>
    </message>
    <message>
        <source>the configured address</source>
        <translation>der eingestellten Adresse</translation>
    </message>
    <message>
        <source>an address it did not name</source>
        <translation>eine nicht genannte Adresse</translation>
    </message>
    <message>
        <source>the secure connection failed</source>
        <translation>die sichere Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Das Zertifikat von %1 ist nicht vertrauenswürdig: %2</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>diesem Server</translation>
    </message>
</context>
<context>
    <name>rota::AwayPagesBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Clear this list; these incidents are not shown again</source>
        <translation>Diese Liste leeren; diese Incidents werden nicht mehr angezeigt</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>rota::AwayPagesModel</name>
    <message>
        <source>resolved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>resolved at %1</source>
        <translation>gelöst, %1</translation>
    </message>
    <message>
        <source>resolved by %1</source>
        <translation>gelöst von %1</translation>
    </message>
    <message>
        <source>resolved by %1 at %2</source>
        <translation>gelöst von %1, %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>by %1 at %2</source>
        <translation>von %1, %2</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 at %2 by %3</source>
        <translation>%1: %2, von %3</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) paged you while you were away</source>
        <translation>
            <numerusform>%n Incident hat Sie während Ihrer Abwesenheit alarmiert</numerusform>
            <numerusform>%n Incidents haben Sie während Ihrer Abwesenheit alarmiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::ChartPanel</name>
    <message>
        <source>%1: chart</source>
        <translation>%1: Diagramm</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>Count incidents per day or per week</source>
        <translation>Incidents pro Tag oder pro Woche zählen</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Acknowledge, median</source>
        <translation>Bestätigen, Median</translation>
    </message>
    <message>
        <source>Acknowledge, 90%</source>
        <translation>Bestätigen, 90 %</translation>
    </message>
    <message>
        <source>Resolve, median</source>
        <translation>Lösen, Median</translation>
    </message>
    <message>
        <source>Resolve, 90%</source>
        <translation>Lösen, 90 %</translation>
    </message>
    <message>
        <source>To acknowledge (%1)</source>
        <translation>Bis zur Bestätigung (%1)</translation>
    </message>
    <message>
        <source>To resolve (%1)</source>
        <translation>Bis zur Lösung (%1)</translation>
    </message>
    <message>
        <source>Ack median (%1)</source>
        <translation>Bestätigung Median (%1)</translation>
    </message>
    <message>
        <source>Ack 90% (%1)</source>
        <translation>Bestätigung 90 % (%1)</translation>
    </message>
    <message>
        <source>Resolve median (%1)</source>
        <translation>Lösung Median (%1)</translation>
    </message>
    <message>
        <source>Resolve 90% (%1)</source>
        <translation>Lösung 90 % (%1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Ack median (min)</source>
        <translation>Bestätigung Median (min)</translation>
    </message>
    <message>
        <source>Resolve median (h)</source>
        <translation>Lösung Median (h)</translation>
    </message>
    <message>
        <source>The %1 %2 with most incidents, of %3.</source>
        <translation>Die %1 %2 mit den meisten Incidents (von %3).</translation>
    </message>
</context>
<context>
    <name>rota::CommandLine</name>
    <message>
        <source>desktop on-call console for Splunk On-Call (VictorOps)</source>
        <translation>Desktop-Bereitschaftskonsole für Splunk On-Call (VictorOps)</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[Optionen]</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>Rota shows the incidents, who is on call and the schedules of a Splunk On-Call organisation, alerts when you are paged, and lets you acknowledge, resolve and reroute incidents from its window, its tray icon or a desktop notification. It keeps running in the tray when the window is closed.

One Rota runs per user: starting it again brings the running one to the front (with --incident, opens that incident there). The demo (--demo) runs beside it, against a built-in simulator.

Accounts (an organisation&apos;s API ID, the user Rota acts as and the API&apos;s address) are shared with rotactl(1); their API keys are kept in the desktop&apos;s keychain (Secret Service), never in a file.</source>
        <translation>Rota zeigt die Incidents, wer Bereitschaft hat, und die Dienstpläne einer Organisation in Splunk On-Call, benachrichtigt Sie, wenn Sie alarmiert werden, und lässt Sie Incidents aus dem Fenster, über das Symbol im Infobereich oder aus einer Desktop-Benachrichtigung bestätigen, lösen und umleiten. Wenn das Fenster geschlossen wird, läuft Rota im Infobereich weiter.

Pro Benutzer läuft eine Rota-Instanz: Ein erneuter Start holt die laufende Instanz in den Vordergrund (mit --incident wird dort dieses Incident geöffnet). Die Demo (--demo) läuft daneben, mit einem eingebauten Simulator.

Konten (die API-ID einer Organisation, der Benutzer, als der Rota handelt, und die Adresse der API) werden mit rotactl(1) geteilt; ihre API-Schlüssel liegen im Schlüsselbund des Desktops (Secret Service), nie in einer Datei.</translation>
    </message>
    <message>
        <source>OPTIONS</source>
        <translation>OPTIONEN</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>DATEIEN</translation>
    </message>
    <message>
        <source>Settings and the saved accounts, shared with rotactl (no keys). $XDG_CONFIG_HOME takes the place of ~/.config.</source>
        <translation>Einstellungen und gespeicherte Konten, gemeinsam mit rotactl (ohne Schlüssel). $XDG_CONFIG_HOME tritt an die Stelle von ~/.config.</translation>
    </message>
    <message>
        <source>The incident history kept for each account (SQLite), also read and synced by rotactl. $XDG_DATA_HOME takes the place of ~/.local/share.</source>
        <translation>Der für jedes Konto gespeicherte Incident-Verlauf (SQLite), den auch rotactl liest und synchronisiert. $XDG_DATA_HOME tritt an die Stelle von ~/.local/share.</translation>
    </message>
    <message>
        <source>The log of recent runs (without keys).</source>
        <translation>Das Protokoll der letzten Läufe (ohne Schlüssel).</translation>
    </message>
    <message>
        <source>Your on-call shifts as a calendar file, when that setting is on.</source>
        <translation>Ihre Bereitschaftsschichten als Kalenderdatei, wenn diese Einstellung aktiv ist.</translation>
    </message>
    <message>
        <source>Starts Rota at login, when that setting is on.</source>
        <translation>Startet Rota bei der Anmeldung, wenn diese Einstellung aktiv ist.</translation>
    </message>
    <message>
        <source>EXIT STATUS</source>
        <translation>EXIT-STATUS</translation>
    </message>
    <message>
        <source>Rota was quit, or handed over to the Rota already running.</source>
        <translation>Rota wurde beendet oder hat an die bereits laufende Rota-Instanz übergeben.</translation>
    </message>
    <message>
        <source>A wrong option, or the demo&apos;s simulator could not start.</source>
        <translation>Eine falsche Option, oder der Simulator der Demo konnte nicht starten.</translation>
    </message>
    <message>
        <source>Rota: a desktop on-call console for Splunk On-Call (VictorOps).</source>
        <translation>Rota: eine Desktop-Bereitschaftskonsole für Splunk On-Call (VictorOps).</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Zeigt Versionsinformationen an.</translation>
    </message>
    <message>
        <source>Run against a built-in simulator with a demo org; no account needed.</source>
        <translation>Mit einem eingebauten Simulator und einer Demo-Organisation starten; kein Konto nötig.</translation>
    </message>
    <message>
        <source>Start minimized.</source>
        <translation>Minimiert starten.</translation>
    </message>
    <message>
        <source>Developer option: once connected (or after 5 s), save a picture of each view to DIR/&lt;view&gt;.png and quit.</source>
        <translation>Entwickleroption: Nach dem Verbinden (oder nach 5 s) von jeder Ansicht ein Bild in DIR/&lt;view&gt;.png speichern und beenden.</translation>
    </message>
    <message>
        <source>Open this incident (its number), in the running Rota if there is one.</source>
        <translation>Dieses Incident (Nummer) öffnen, in einer bereits laufenden Rota-Instanz, falls vorhanden.</translation>
    </message>
    <message>
        <source>Show Rota in this language (%1) instead of the system&apos;s; &quot;pseudo&quot; shows every text accented and longer, to find what is not translated or does not fit. The ROTA_LANGUAGE environment variable does the same.</source>
        <translation>Rota in dieser Sprache (%1) statt in der Systemsprache anzeigen; „pseudo“ zeigt jeden Text mit Akzenten und länger, um zu finden, was nicht übersetzt ist oder nicht passt. Die Umgebungsvariable ROTA_LANGUAGE bewirkt dasselbe.</translation>
    </message>
    <message>
        <source>Print the manual page (roff) and exit.</source>
        <translation>Die Handbuchseite (roff) ausgeben und beenden.</translation>
    </message>
</context>
<context>
    <name>rota::ConnectionIndicator</name>
    <message>
        <source>Not signed in — run with --demo to try Rota</source>
        <translation>Nicht angemeldet — starten Sie mit --demo, um Rota auszuprobieren</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>rota::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Mit %1 verbunden</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Als %2 mit %1 verbunden</translation>
    </message>
    <message>
        <source>Splunk On-Call answers, but with server errors (HTTP %1). Rota keeps trying.</source>
        <translation>Splunk On-Call antwortet, aber mit Serverfehlern (HTTP %1). Rota versucht es weiter.</translation>
    </message>
    <message>
        <source>Splunk On-Call answers, but some answers cannot be read. Rota keeps trying.</source>
        <translation>Splunk On-Call antwortet, aber einige Antworten sind unlesbar. Rota versucht es weiter.</translation>
    </message>
    <message>
        <source>Offline: %1 did not answer in time. Rota keeps trying.</source>
        <translation>Offline: %1 hat nicht rechtzeitig geantwortet. Rota versucht es weiter.</translation>
    </message>
    <message>
        <source>Offline: cannot reach %1. Rota keeps trying.</source>
        <translation>Offline: %1 ist nicht erreichbar. Rota versucht es weiter.</translation>
    </message>
</context>
<context>
    <name>rota::ContactMethodsController</name>
    <message>
        <source>Could not read the contact methods of %1: %2</source>
        <translation>Die Kontaktmethoden von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Could not read the escalation policies of %1: %2</source>
        <translation>Die Eskalationsrichtlinien von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>the answer from Splunk On-Call was lost, so it may have been done after all. The list is read again; check it before trying again.</source>
        <translation>Die Antwort von Splunk On-Call ging verloren, die Aktion wurde also möglicherweise doch ausgeführt. Die Liste wird neu geladen; prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Added the e-mail address %1.</source>
        <translation>E-Mail-Adresse %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Could not add the e-mail address: %1</source>
        <translation>Die E-Mail-Adresse konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Add the e-mail address %1</source>
        <translation>E-Mail-Adresse %1 hinzufügen</translation>
    </message>
    <message>
        <source>Adding the e-mail address %1 was cancelled; nothing was sent.</source>
        <translation>Hinzufügen der E-Mail-Adresse %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Added the phone number %1.</source>
        <translation>Telefonnummer %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Could not add the phone number: %1</source>
        <translation>Die Telefonnummer konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Add the phone number %1</source>
        <translation>Telefonnummer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Adding the phone number %1 was cancelled; nothing was sent.</source>
        <translation>Hinzufügen der Telefonnummer %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Deleted the e-mail address; paging rules that used it went with it.</source>
        <translation>E-Mail-Adresse gelöscht; Alarmierungsregeln, die sie verwendet haben, wurden mit entfernt.</translation>
    </message>
    <message>
        <source>Could not delete the e-mail address: %1</source>
        <translation>Die E-Mail-Adresse konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Delete the e-mail address %1</source>
        <translation>E-Mail-Adresse %1 löschen</translation>
    </message>
    <message>
        <source>Deleting the e-mail address %1 was cancelled; nothing was sent.</source>
        <translation>Löschen der E-Mail-Adresse %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Deleted the phone number; paging rules that used it went with it.</source>
        <translation>Telefonnummer gelöscht; Alarmierungsregeln, die sie verwendet haben, wurden mit entfernt.</translation>
    </message>
    <message>
        <source>Could not delete the phone number: %1</source>
        <translation>Die Telefonnummer konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Delete the phone number %1</source>
        <translation>Telefonnummer %1 löschen</translation>
    </message>
    <message>
        <source>Deleting the phone number %1 was cancelled; nothing was sent.</source>
        <translation>Löschen der Telefonnummer %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Deleted the device.</source>
        <translation>Gerät gelöscht.</translation>
    </message>
    <message>
        <source>Could not delete the device: %1</source>
        <translation>Das Gerät konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Delete the device %1</source>
        <translation>Gerät %1 löschen</translation>
    </message>
    <message>
        <source>Deleting the device %1 was cancelled; nothing was sent.</source>
        <translation>Löschen des Geräts %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Renamed the device to %1.</source>
        <translation>Gerät in %1 umbenannt.</translation>
    </message>
    <message>
        <source>Could not rename the device: %1</source>
        <translation>Das Gerät konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Rename the device to %1</source>
        <translation>Gerät in %1 umbenennen</translation>
    </message>
    <message>
        <source>Renaming the device to %1 was cancelled; nothing was sent.</source>
        <translation>Umbenennen des Geräts in %1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>rota::ContactMethodsView</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contact methods&lt;/b&gt; — how you can be reached. Rename a device by editing its label (F2).</source>
        <translation>&lt;b&gt;Kontaktmethoden&lt;/b&gt; — wie Sie erreichbar sind. Um ein Gerät umzubenennen, bearbeiten Sie seine Bezeichnung (F2).</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Address, number or kind</source>
        <translation>Adresse, Nummer oder Art</translation>
    </message>
    <message>
        <source>Contact methods</source>
        <translation>Kontaktmethoden</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Label, e.g. Work</source>
        <translation>Bezeichnung, z. B. Arbeit</translation>
    </message>
    <message>
        <source>Address or number</source>
        <translation>Adresse oder Nummer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Escalation policies you are on&lt;/b&gt; (read-only)</source>
        <translation>&lt;b&gt;Eskalationsrichtlinien, in denen Sie vorkommen&lt;/b&gt; (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Escalation policy</source>
        <translation>Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Escalation policies the user is on</source>
        <translation>Eskalationsrichtlinien, in denen der Benutzer vorkommt</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Devices (push)</source>
        <translation>Geräte (Push)</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>through a rotation</source>
        <translation>über eine Rotation</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Delete contact method</source>
        <translation>Kontaktmethode löschen</translation>
    </message>
    <message>
        <source>Delete %1? Paging rules that use it are removed too.</source>
        <translation>%1 löschen? Alarmierungsregeln, die sie verwenden, werden ebenfalls entfernt.</translation>
    </message>
    <message>
        <source>Kind of contact method</source>
        <translation>Art der Kontaktmethode</translation>
    </message>
    <message>
        <source>Label of the contact method</source>
        <translation>Bezeichnung der Kontaktmethode</translation>
    </message>
</context>
<context>
    <name>rota::CoverUntilDialog</name>
    <message>
        <source>Cover until</source>
        <translation>Übernehmen bis</translation>
    </message>
    <message>
        <source>Stand in for %1 from now until:</source>
        <translation>Ab jetzt für %1 einspringen bis:</translation>
    </message>
    <message>
        <source>&amp;Until (%1)</source>
        <translation>&amp;Bis (%1)</translation>
    </message>
    <message>
        <source>&amp;Cover</source>
        <translation>&amp;Übernehmen</translation>
    </message>
</context>
<context>
    <name>rota::CreateIncidentDialog</name>
    <message>
        <source>Several people may respond (multi-responder)</source>
        <translation>Mehrere Personen dürfen reagieren (Multi-Responder)</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Neues Incident</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>Was ist los, in einer Zeile</translation>
    </message>
    <message>
        <source>What you know so far (optional)</source>
        <translation>Was Sie bisher wissen (optional)</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Alarmieren:</translation>
    </message>
    <message>
        <source>Create incident</source>
        <translation>Incident erstellen</translation>
    </message>
    <message>
        <source>a summary</source>
        <translation>eine Zusammenfassung</translation>
    </message>
    <message>
        <source>at least one user or escalation policy to page</source>
        <translation>mindestens einen zu alarmierenden Benutzer oder eine Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Please give %1.</source>
        <translation>Bitte geben Sie %1 an.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1 alarmieren</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Nobody is ticked to page yet.</source>
        <translation>Noch niemand zum Alarmieren ausgewählt.</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Alarmiert: %1</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>rota::CredentialCheck</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Checking the API ID, the key and the username with %1…</source>
        <translation>API-ID, Schlüssel und Benutzername werden bei %1 geprüft…</translation>
    </message>
    <message>
        <source>Splunk On-Call refused the API ID or the API key. Copy both again from Integrations › API in Splunk On-Call; a key that was revoked no longer works.</source>
        <translation>Splunk On-Call hat die API-ID oder den API-Schlüssel abgelehnt. Kopieren Sie beide erneut aus Integrations › API in Splunk On-Call; ein widerrufener Schlüssel funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>The API key works, but Splunk On-Call has no user &quot;%1&quot;. Check the username: it is the VictorOps username, not the e-mail address.</source>
        <translation>Der API-Schlüssel funktioniert, aber Splunk On-Call kennt keinen Benutzer „%1“. Prüfen Sie den Benutzernamen: Gemeint ist der VictorOps-Benutzername, nicht die E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the network connection, the proxy in Settings and the base URL.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung, den Proxy in den Einstellungen und die Basis-URL.</translation>
    </message>
    <message>
        <source>Splunk On-Call&apos;s rate limit for this key was reached. Wait a minute and try again.</source>
        <translation>Das Anfragelimit von Splunk On-Call für diesen Schlüssel ist erreicht. Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 does not answer like Splunk On-Call. Check the base URL.</source>
        <translation>%1 antwortet nicht wie Splunk On-Call. Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>If your company&apos;s network inspects secure connections with a certificate authority of its own, choose that authority&apos;s file under Advanced.</source>
        <translation>Falls das Netzwerk Ihres Unternehmens verschlüsselte Verbindungen mit einer eigenen Zertifizierungsstelle prüft, wählen Sie unter „Erweitert“ die Datei dieser Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>Checking whether the key may make changes…</source>
        <translation>Es wird geprüft, ob der Schlüssel Änderungen vornehmen darf…</translation>
    </message>
    <message>
        <source>Connected as %1. The key can read and make changes.</source>
        <translation>Verbunden als %1. Der Schlüssel kann lesen und Änderungen vornehmen.</translation>
    </message>
    <message>
        <source>Connected as %1, but the key is read-only: Rota will show everything, and acknowledging, resolving and every other change will be disabled.</source>
        <translation>Verbunden als %1, aber der Schlüssel darf nur lesen: Rota zeigt alles an, aber Bestätigen, Lösen und alle anderen Änderungen sind deaktiviert.</translation>
    </message>
    <message>
        <source>Connected as %1, but Splunk On-Call&apos;s rate limit for this key was reached before Rota could tell whether it may make changes. Wait a minute and try again.</source>
        <translation>Verbunden als %1, aber das Anfragelimit von Splunk On-Call für diesen Schlüssel wurde erreicht, bevor Rota feststellen konnte, ob er Änderungen vornehmen darf. Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Connected as %1. Rota could not tell whether the key may make changes: %2</source>
        <translation>Verbunden als %1. Rota konnte nicht feststellen, ob der Schlüssel Änderungen vornehmen darf: %2</translation>
    </message>
</context>
<context>
    <name>rota::DemoOrg</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>rota::EscalationPolicyDialog</name>
    <message>
        <source>Step %1 — %2</source>
        <translation>Stufe %1 — %2</translation>
    </message>
    <message>
        <source>Page people directly, ignoring their own paging policies</source>
        <translation>Personen direkt alarmieren und ihre persönlichen Alarmierungsrichtlinien übergehen</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add to step</source>
        <translation>Zur Stufe hinzufügen</translation>
    </message>
    <message>
        <source>New escalation policy</source>
        <translation>Neue Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>e.g. Database on call</source>
        <translation>z. B. Datenbank-Bereitschaft</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>Minutes after the previous step (or after the incident opens, for the first step) before this step runs</source>
        <translation>Minuten nach der vorherigen Stufe (bei der ersten Stufe: nach Eröffnung des Incidents), bevor diese Stufe startet</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Rotation group</source>
        <translation>Rotationsgruppe</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>Selected step runs:</source>
        <translation>Ausgewählte Stufe startet:</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Alarmieren:</translation>
    </message>
    <message>
        <source>Steps (each waits its time after the one before):</source>
        <translation>Stufen (jede wartet ihre Zeit nach der vorherigen ab):</translation>
    </message>
    <message>
        <source>Give the policy a name.</source>
        <translation>Geben Sie der Richtlinie einen Namen.</translation>
    </message>
    <message>
        <source>Choose the team that owns the policy.</source>
        <translation>Wählen Sie das Team, dem die Richtlinie gehört.</translation>
    </message>
    <message>
        <source>Add at least one step.</source>
        <translation>Fügen Sie mindestens eine Stufe hinzu.</translation>
    </message>
    <message>
        <source>Step %1 pages nobody: add a user or a rotation group to it, or remove it.</source>
        <translation>Stufe %1 alarmiert niemanden: Fügen Sie ihr einen Benutzer oder eine Rotationsgruppe hinzu oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>Loading users and rotation groups…</source>
        <translation>Benutzer und Rotationsgruppen werden geladen…</translation>
    </message>
    <message>
        <source>This team has no rotation groups; steps can page users.</source>
        <translation>Dieses Team hat keine Rotationsgruppen; Stufen können Benutzer alarmieren.</translation>
    </message>
    <message>
        <source>(nobody yet: add a user or a rotation group)</source>
        <translation>(noch niemand: Fügen Sie einen Benutzer oder eine Rotationsgruppe hinzu)</translation>
    </message>
</context>
<context>
    <name>rota::EscalationPolicyModel</name>
    <message>
        <source>%1 (%2), team %3</source>
        <translation>%1 (%2), Team %3</translation>
    </message>
    <message>
        <source>page rotation %1</source>
        <translation>Rotation %1 alarmieren</translation>
    </message>
    <message>
        <source>page the next on call in rotation %1</source>
        <translation>die nächste Person in Bereitschaft in Rotation %1 alarmieren</translation>
    </message>
    <message>
        <source>page the previous on call in rotation %1</source>
        <translation>die vorherige Person in Bereitschaft in Rotation %1 alarmieren</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>%1 alarmieren</translation>
    </message>
    <message>
        <source>call webhook %1</source>
        <translation>Webhook %1 aufrufen</translation>
    </message>
    <message>
        <source>e-mail %1</source>
        <translation>E-Mail an %1</translation>
    </message>
    <message>
        <source>hand over to policy %1</source>
        <translation>an Richtlinie %1 übergeben</translation>
    </message>
    <message>
        <source>%1 (not known to Rota)</source>
        <translation>%1 (Rota unbekannt)</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>after %1 %2</source>
        <translation>nach %1 %2</translation>
    </message>
    <message>
        <source>Step %1 — %2</source>
        <translation>Stufe %1 — %2</translation>
    </message>
    <message>
        <source>%1: nobody</source>
        <translation>%1: niemand</translation>
    </message>
</context>
<context>
    <name>rota::EscalationStepModel</name>
    <message>
        <source>Step %1 — %2</source>
        <translation>Stufe %1 — %2</translation>
    </message>
</context>
<context>
    <name>rota::HeatmapPanel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
</context>
<context>
    <name>rota::HeatmapWidget</name>
    <message>
        <source>Incidents by hour and weekday</source>
        <translation>Incidents nach Stunde und Wochentag</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n Incident</numerusform>
            <numerusform>%n Incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %n incident(s)</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %n Incident</numerusform>
            <numerusform>%1 %2:00–%3:00: %n Incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::HeldCallsBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 waits %2 s for the API&apos;s rate limit.</source>
        <translation>%1: wartet %2 s wegen des Anfragelimits der API.</translation>
    </message>
    <message>
        <source>%1 is being sent now.</source>
        <translation>%1: wird jetzt gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n more action(s) wait too.</source>
        <translation>
            <numerusform>%n weitere Aktion wartet ebenfalls.</numerusform>
            <numerusform>%n weitere Aktionen warten ebenfalls.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel %1: nothing is sent.</source>
        <translation>Abbrechen (%1): Es wird nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>rota::HistoryDatabase</name>
    <message>
        <source>The disk is full, so the history could not be saved; nothing of this change was stored. Free some space on the disk.</source>
        <translation>Der Datenträger ist voll, daher konnte der Verlauf nicht gespeichert werden; von dieser Änderung wurde nichts gespeichert. Geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <source>The history file cannot be written (no permission, or the disk is read-only).</source>
        <translation>Die Verlaufsdatei kann nicht geschrieben werden (keine Berechtigung oder der Datenträger ist schreibgeschützt).</translation>
    </message>
    <message>
        <source>The history file cannot be opened (no permission).</source>
        <translation>Die Verlaufsdatei kann nicht geöffnet werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>The history file is busy: another program is using it. Try again later.</source>
        <translation>Die Verlaufsdatei ist belegt: Ein anderes Programm verwendet sie. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The disk failed while the history was being saved.</source>
        <translation>Beim Speichern des Verlaufs ist ein Datenträgerfehler aufgetreten.</translation>
    </message>
    <message>
        <source>The disk failed while the history was being read.</source>
        <translation>Beim Lesen des Verlaufs ist ein Datenträgerfehler aufgetreten.</translation>
    </message>
    <message>
        <source>The history file is damaged.</source>
        <translation>Die Verlaufsdatei ist beschädigt.</translation>
    </message>
    <message>
        <source>The history could not be saved: %1</source>
        <translation>Der Verlauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The history is not open, so nothing could be stored.</source>
        <translation>Der Verlauf ist nicht geöffnet, daher konnte nichts gespeichert werden.</translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation>Der Verlauf ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The history file %1 cannot be used: it is a folder.</source>
        <translation>Die Verlaufsdatei %1 ist nicht verwendbar: Es handelt sich um einen Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 for the history could not be made.</source>
        <translation>Der Ordner %1 für den Verlauf konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>This history was written by a newer Rota (schema %1; this Rota reads up to %2). It is left as it is; update Rota to use it.</source>
        <translation>Dieser Verlauf wurde von einer neueren Rota-Version geschrieben (Schema %1; diese Version liest bis %2). Er bleibt unverändert; aktualisieren Sie Rota, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>The history file %1 could not be read: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The history file was not a database</source>
        <translation>Die Verlaufsdatei war keine Datenbank</translation>
    </message>
    <message>
        <source>The history file belonged to another program</source>
        <translation>Die Verlaufsdatei gehörte zu einem anderen Programm</translation>
    </message>
    <message>
        <source>The history file was damaged</source>
        <translation>Die Verlaufsdatei war beschädigt</translation>
    </message>
    <message>
        <source>%1 and could not be moved aside (%2), so the history cannot be kept.</source>
        <translation>%1 und konnte nicht beiseitegelegt werden (%2), daher kann kein Verlauf geführt werden.</translation>
    </message>
    <message>
        <source>The history file %1 could not be opened: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1, so it was moved to %2 and a new, empty history was started.</source>
        <translation>%1; sie wurde daher nach %2 verschoben und ein neuer, leerer Verlauf begonnen.</translation>
    </message>
</context>
<context>
    <name>rota::HistoryModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time to ack</source>
        <translation>Zeit bis Bestätigung</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Zeit bis Lösung</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>rota::HistoryStore</name>
    <message>
        <source>The history is not open, so nothing could be stored.</source>
        <translation>Der Verlauf ist nicht geöffnet, daher konnte nichts gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>rota::HistorySync</name>
    <message>
        <source>The history cannot be kept on this computer: %1</source>
        <translation>Auf diesem Computer kann kein Verlauf geführt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the history: %1. Reading stopped; resume to try again.</source>
        <translation>Der Verlauf kann nicht gespeichert werden: %1. Das Lesen wurde angehalten; setzen Sie es fort, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Not reading the history</source>
        <translation>Verlauf wird nicht gelesen</translation>
    </message>
    <message>
        <source>Opening the history…</source>
        <translation>Verlauf wird geöffnet…</translation>
    </message>
    <message>
        <source>The service asked to wait: next call in %1</source>
        <translation>Der Dienst bittet zu warten: nächste Abfrage in %1</translation>
    </message>
    <message>
        <source>Reading the newest incidents…</source>
        <translation>Neueste Incidents werden gelesen…</translation>
    </message>
    <message>
        <source>Reading older incidents…</source>
        <translation>Ältere Incidents werden gelesen…</translation>
    </message>
    <message>
        <source>Looking for new incidents…</source>
        <translation>Suche nach neuen Incidents…</translation>
    </message>
    <message>
        <source>Waiting: Rota&apos;s check for pages you missed goes first</source>
        <translation>Wartet: Rotas Prüfung auf verpasste Alarmierungen hat Vorrang</translation>
    </message>
    <message>
        <source>Next call in %1 (one a minute)</source>
        <translation>Nächste Abfrage in %1 (eine pro Minute)</translation>
    </message>
    <message>
        <source>Waiting for the next call</source>
        <translation>Warten auf die nächste Abfrage</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>%1 Trying again now.</source>
        <translation>%1 Wird jetzt erneut versucht.</translation>
    </message>
    <message>
        <source>%1 Trying again in %2.</source>
        <translation>%1 Erneuter Versuch in %2.</translation>
    </message>
    <message>
        <source>The history holds no incidents yet.</source>
        <translation>Der Verlauf enthält noch keine Incidents.</translation>
    </message>
    <message>
        <source>No history read yet.</source>
        <translation>Noch kein Verlauf gelesen.</translation>
    </message>
    <message>
        <source>History from %1 to now: %2 incidents (as far back as asked).</source>
        <translation>Verlauf seit %1: %2 Incidents (so weit zurück wie gewünscht).</translation>
    </message>
    <message>
        <source>History from %1 to now: all %2 incidents.</source>
        <translation>Verlauf seit %1: alle %2 Incidents.</translation>
    </message>
    <message>
        <source>History from %1 to now: %2 incidents so far.</source>
        <translation>Verlauf seit %1: bisher %2 Incidents.</translation>
    </message>
    <message>
        <source>History from %1 to now: %2 of %3 incidents; the rest in about %4 at the API&apos;s limit of one call a minute.</source>
        <translation>Verlauf seit %1: %2 von %3 Incidents; der Rest folgt in etwa %4 (die API erlaubt eine Abfrage pro Minute).</translation>
    </message>
</context>
<context>
    <name>rota::IncidentActions</name>
    <message>
        <source>Acknowledging the incident</source>
        <translation>Das Bestätigen des Incidents</translation>
    </message>
    <message>
        <source>Resolving the incident</source>
        <translation>Das Lösen des Incidents</translation>
    </message>
    <message>
        <source>Acknowledging the incidents paging you</source>
        <translation>Das Bestätigen der Sie alarmierenden Incidents</translation>
    </message>
    <message>
        <source>Resolving the incidents paging you</source>
        <translation>Das Lösen der Sie alarmierenden Incidents</translation>
    </message>
    <message>
        <source>Rerouting the incident</source>
        <translation>Das Umleiten des Incidents</translation>
    </message>
    <message>
        <source>Opening the incident</source>
        <translation>Das Eröffnen des Incidents</translation>
    </message>
    <message>
        <source>%1 is not confirmed yet: the answer from Splunk On-Call was lost. The incidents are read again to see whether it was applied; nothing is sent twice.</source>
        <translation>%1 ist noch ohne Rückmeldung: Die Antwort von Splunk On-Call ging verloren. Die Incidents werden neu geladen, um zu prüfen, ob es ausgeführt wurde; nichts wird doppelt gesendet.</translation>
    </message>
    <message>
        <source>its answer was lost, and Splunk On-Call shows it was not applied (%1).</source>
        <translation>Die Antwort ging verloren, und laut Splunk On-Call wurde die Aktion nicht ausgeführt (%1).</translation>
    </message>
    <message>
        <source>Could not acknowledge the incident</source>
        <translation>Das Incident konnte nicht bestätigt werden</translation>
    </message>
    <message>
        <source>Could not resolve the incident</source>
        <translation>Das Incident konnte nicht gelöst werden</translation>
    </message>
    <message>
        <source>Could not acknowledge the incidents paging you</source>
        <translation>Die Incidents, die Sie alarmieren, konnten nicht bestätigt werden</translation>
    </message>
    <message>
        <source>Could not resolve the incidents paging you</source>
        <translation>Die Incidents, die Sie alarmieren, konnten nicht gelöst werden</translation>
    </message>
    <message>
        <source>Could not reroute the incident</source>
        <translation>Das Incident konnte nicht umgeleitet werden</translation>
    </message>
    <message>
        <source>Could not open the incident</source>
        <translation>Das Incident konnte nicht eröffnet werden</translation>
    </message>
    <message>
        <source>no acting user is set for this account. Add your username in the account settings.</source>
        <translation>Für dieses Konto ist kein handelnder Benutzer festgelegt. Tragen Sie Ihren Benutzernamen in den Kontoeinstellungen ein.</translation>
    </message>
    <message>
        <source>Acknowledge #%1</source>
        <translation>#%1 bestätigen</translation>
    </message>
    <message>
        <source>Resolve #%1</source>
        <translation>#%1 lösen</translation>
    </message>
    <message>
        <source>Acknowledge the incidents paging you</source>
        <translation>Incidents bestätigen, die Sie alarmieren</translation>
    </message>
    <message>
        <source>Resolve the incidents paging you</source>
        <translation>Incidents lösen, die Sie alarmieren</translation>
    </message>
    <message>
        <source>Reroute #%1</source>
        <translation>#%1 umleiten</translation>
    </message>
    <message>
        <source>Acknowledging #%1 was cancelled; nothing was sent.</source>
        <translation>Bestätigen von #%1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Resolving #%1 was cancelled; nothing was sent.</source>
        <translation>Lösen von #%1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Acknowledging the incidents paging you was cancelled; nothing was sent.</source>
        <translation>Bestätigen der Incidents, die Sie alarmieren, abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Resolving the incidents paging you was cancelled; nothing was sent.</source>
        <translation>Lösen der Incidents, die Sie alarmieren, abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Rerouting #%1 was cancelled; nothing was sent.</source>
        <translation>Umleiten von #%1 abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Splunk On-Call did not report on this incident.</source>
        <translation>Splunk On-Call hat zu diesem Incident nichts zurückgemeldet.</translation>
    </message>
    <message>
        <source>Not paged: %1</source>
        <translation>Nicht alarmiert: %1</translation>
    </message>
    <message>
        <source>Open incident “%1”</source>
        <translation>Incident „%1“ eröffnen</translation>
    </message>
    <message>
        <source>Opening incident “%1” was cancelled; nothing was sent.</source>
        <translation>Eröffnen von Incident „%1“ abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The answer from Splunk On-Call was lost: the incident may have been opened. Look for it in the incident list (it is read again now) before opening it again.</source>
        <translation>Die Antwort von Splunk On-Call ging verloren: Das Incident wurde möglicherweise eröffnet. Suchen Sie es in der Incident-Liste (sie wird gerade neu geladen), bevor Sie es erneut eröffnen.</translation>
    </message>
    <message>
        <source>Could not create the incident: </source>
        <translation>Das Incident konnte nicht erstellt werden: </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n incidents</source>
        <translation>
            <numerusform>%n Incident wird bestätigt</numerusform>
            <numerusform>%n Incidents werden bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n incidents</source>
        <translation>
            <numerusform>%n Incident wird gelöst</numerusform>
            <numerusform>%n Incidents werden gelöst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rerouting %n incidents</source>
        <translation>
            <numerusform>%n Incident wird umgeleitet</numerusform>
            <numerusform>%n Incidents werden umgeleitet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not acknowledge %n incidents</source>
        <translation>
            <numerusform>%n Incident konnte nicht bestätigt werden</numerusform>
            <numerusform>%n Incidents konnten nicht bestätigt werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not resolve %n incidents</source>
        <translation>
            <numerusform>%n Incident konnte nicht gelöst werden</numerusform>
            <numerusform>%n Incidents konnten nicht gelöst werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not reroute %n incidents</source>
        <translation>
            <numerusform>%n Incident konnte nicht umgeleitet werden</numerusform>
            <numerusform>%n Incidents konnten nicht umgeleitet werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n incidents</source>
        <translation>
            <numerusform>%n Incident bestätigen</numerusform>
            <numerusform>%n Incidents bestätigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incidents</source>
        <translation>
            <numerusform>%n Incident lösen</numerusform>
            <numerusform>%n Incidents lösen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reroute %n incidents</source>
        <translation>
            <numerusform>%n Incident umleiten</numerusform>
            <numerusform>%n Incidents umleiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Bestätigen von %n Incident abgebrochen; es wurde nichts gesendet.</numerusform>
            <numerusform>Bestätigen von %n Incidents abgebrochen; es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Lösen von %n Incident abgebrochen; es wurde nichts gesendet.</numerusform>
            <numerusform>Lösen von %n Incidents abgebrochen; es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rerouting %n incidents was cancelled; nothing was sent.</source>
        <translation>
            <numerusform>Umleiten von %n Incident abgebrochen; es wurde nichts gesendet.</numerusform>
            <numerusform>Umleiten von %n Incidents abgebrochen; es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::IncidentChat</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rota::IncidentChatController</name>
    <message>
        <source>Loading the conversation…</source>
        <translation>Unterhaltung wird geladen…</translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation>Die Unterhaltung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>This Splunk On-Call service does not let Rota read chat messages, so the conversation cannot be shown. Messages you send here are posted to the incident&apos;s timeline.</source>
        <translation>Dieser Splunk On-Call-Dienst erlaubt Rota nicht, Chatnachrichten zu lesen, daher kann die Unterhaltung nicht angezeigt werden. Nachrichten, die Sie hier senden, erscheinen in der Zeitachse des Incidents.</translation>
    </message>
    <message>
        <source>the answer was lost, so it may have been posted; look before sending it again</source>
        <translation>Die Antwort ging verloren, die Nachricht wurde also möglicherweise gepostet; sehen Sie nach, bevor Sie sie erneut senden</translation>
    </message>
    <message>
        <source>The message on incident #%1 was not posted: %2</source>
        <translation>Die Nachricht zu Incident #%1 wurde nicht gepostet: %2</translation>
    </message>
</context>
<context>
    <name>rota::IncidentChatView</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Write to the people on this incident (Enter sends, Shift+Enter a new line, @ names someone)</source>
        <translation>An die Beteiligten schreiben (Eingabe sendet, Umschalt+Eingabe: neue Zeile, @ nennt jemanden)</translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation>Chatnachricht</translation>
    </message>
    <message>
        <source>Post the message on the incident&apos;s timeline (Enter)</source>
        <translation>Die Nachricht in der Zeitachse des Incidents posten (Eingabetaste)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source> · sent</source>
        <translation> · gesendet</translation>
    </message>
</context>
<context>
    <name>rota::IncidentDetailPane</name>
    <message>
        <source>(not confirmed yet: checking with Splunk On-Call)</source>
        <translation>(noch ohne Rückmeldung: wird bei Splunk On-Call geprüft)</translation>
    </message>
    <message>
        <source>Added by alert rules</source>
        <translation>Von Alarmregeln hinzugefügt</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select an incident to see its details.</source>
        <translation>Wählen Sie ein Incident aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entität:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Routing key:</source>
        <translation>Routing-Schlüssel:</translation>
    </message>
    <message>
        <source>Paged users:</source>
        <translation>Alarmierte Benutzer:</translation>
    </message>
    <message>
        <source>Paged teams:</source>
        <translation>Alarmierte Teams:</translation>
    </message>
    <message>
        <source>Paged policies:</source>
        <translation>Alarmierte Richtlinien:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Titel (optional)</translation>
    </message>
    <message>
        <source>Write a note for everyone working on this incident</source>
        <translation>Schreiben Sie eine Notiz für alle, die an diesem Incident arbeiten</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Loading the notes…</source>
        <translation>Notizen werden geladen…</translation>
    </message>
    <message>
        <source> (waiting for Splunk On-Call…)</source>
        <translation> (wartet auf Splunk On-Call…)</translation>
    </message>
    <message>
        <source>This incident has no alert to show.</source>
        <translation>Zu diesem Incident gibt es keinen Alarm zum Anzeigen.</translation>
    </message>
    <message>
        <source>Loading the alert…</source>
        <translation>Alarm wird geladen…</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Nachrichtentyp</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>State since</source>
        <translation>Zustand seit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Monitoring tool</source>
        <translation>Monitoring-Tool</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Bestätigt von</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>As sent by the tool</source>
        <translation>Wie vom Tool gesendet</translation>
    </message>
    <message>
        <source>Write the note&apos;s text first</source>
        <translation>Schreiben Sie zuerst den Text der Notiz</translation>
    </message>
    <message>
        <source>Select a note to delete</source>
        <translation>Wählen Sie eine Notiz zum Löschen aus</translation>
    </message>
    <message>
        <source>This note cannot be changed now; try again in a moment.</source>
        <translation>Diese Notiz kann gerade nicht geändert werden; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s)</source>
        <translation>
            <numerusform>%Ln Alarm</numerusform>
            <numerusform>%Ln Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Timeline of the incident</source>
        <translation>Zeitachse des Incidents</translation>
    </message>
    <message>
        <source>Title of the note</source>
        <translation>Titel der Notiz</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The alert&apos;s fields</source>
        <translation>Die Felder des Alarms</translation>
    </message>
</context>
<context>
    <name>rota::IncidentModel</name>
    <message>
        <source>The reroute was sent, but its answer was lost: not confirmed yet. The next refresh shows whether Splunk On-Call applied it.</source>
        <translation>Die Umleitung wurde gesendet, aber die Antwort ging verloren: noch ohne Rückmeldung. Die nächste Aktualisierung zeigt, ob Splunk On-Call sie ausgeführt hat.</translation>
    </message>
    <message>
        <source>%1 was asked for, but the answer was lost: not confirmed yet. The next refresh shows whether Splunk On-Call applied it.</source>
        <translation>„%1“ wurde angefordert, aber die Antwort ging verloren: noch ohne Rückmeldung. Die nächste Aktualisierung zeigt, ob Splunk On-Call es übernommen hat.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New chat messages</source>
        <translation>Neue Chatnachrichten</translation>
    </message>
    <message>
        <source>%1 (reroute not confirmed yet)</source>
        <translation>%1 (Umleitung noch ohne Rückmeldung)</translation>
    </message>
    <message>
        <source>%1 (not confirmed yet)</source>
        <translation>%1 (noch ohne Rückmeldung)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Paged</source>
        <translation>Alarmiert</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Last alert</source>
        <translation>Letzter Alarm</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Bestätigt von</translation>
    </message>
    <message>
        <source>The acknowledgement was not applied: Splunk On-Call shows this incident as %1.</source>
        <translation>Die Bestätigung wurde nicht übernommen: Splunk On-Call zeigt dieses Incident als %1 an.</translation>
    </message>
    <message>
        <source>The resolution was not applied: Splunk On-Call shows this incident as %1.</source>
        <translation>Das Lösen wurde nicht übernommen: Splunk On-Call zeigt dieses Incident als %1 an.</translation>
    </message>
    <message>
        <source>The reroute was not applied: Splunk On-Call does not page %1.</source>
        <translation>Die Umleitung wurde nicht übernommen: Splunk On-Call alarmiert %1 nicht.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
</context>
<context>
    <name>rota::IncidentNotesController</name>
    <message>
        <source>The note on incident #%1</source>
        <translation>Die Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source>The change to the note on incident #%1</source>
        <translation>Die Änderung an der Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source>The deletion of the note on incident #%1</source>
        <translation>Das Löschen der Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source> is not confirmed yet: the connection was lost before Splunk On-Call answered. Rota is reading the notes again to see whether it arrived.</source>
        <translation> ist noch ohne Rückmeldung: Die Verbindung brach ab, bevor Splunk On-Call antwortete. Rota lädt die Notizen neu, um zu prüfen, ob es angekommen ist.</translation>
    </message>
    <message>
        <source>The note on incident #%1 was not saved: %2</source>
        <translation>Die Notiz zu Incident #%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The change to the note on incident #%1 was not saved: %2</source>
        <translation>Die Änderung an der Notiz zu Incident #%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The note on incident #%1 was not deleted: %2</source>
        <translation>Die Notiz zu Incident #%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>it did not reach Splunk On-Call (the connection was lost), so its text is back in the note box. Add it again when you are ready.</source>
        <translation>Die Notiz hat Splunk On-Call nicht erreicht (die Verbindung brach ab), daher steht ihr Text wieder im Notizfeld. Fügen Sie sie erneut hinzu, sobald Sie so weit sind.</translation>
    </message>
    <message>
        <source>the change did not reach Splunk On-Call (the connection was lost), so its text is back in the note box.</source>
        <translation>Die Änderung hat Splunk On-Call nicht erreicht (die Verbindung brach ab), daher steht ihr Text wieder im Notizfeld.</translation>
    </message>
    <message>
        <source>the connection was lost before Splunk On-Call answered, and the note is still there.</source>
        <translation>Die Verbindung brach ab, bevor Splunk On-Call antwortete, und die Notiz ist noch vorhanden.</translation>
    </message>
    <message>
        <source>the note on incident #%1</source>
        <translation>die Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source>the change to a note on incident #%1</source>
        <translation>die Änderung an einer Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source>deleting a note on incident #%1</source>
        <translation>das Löschen einer Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source> (not confirmed yet)</source>
        <translation> (noch ohne Rückmeldung)</translation>
    </message>
    <message>
        <source>the note it changes cannot be changed now.</source>
        <translation>Die zu ändernde Notiz kann gerade nicht geändert werden.</translation>
    </message>
    <message>
        <source>Could not load the notes: %1</source>
        <translation>Die Notizen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not load the alert: %1</source>
        <translation>Der Alarm konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>rota::IncidentPoller</name>
    <message>
        <source>Not refreshing incidents</source>
        <translation>Incidents werden nicht aktualisiert</translation>
    </message>
    <message>
        <source>Incidents updated at %1</source>
        <translation>Incidents aktualisiert um %1</translation>
    </message>
    <message>
        <source>Incidents as of %1.</source>
        <translation>Stand der Incidents: %1.</translation>
    </message>
    <message>
        <source>Updating incidents…</source>
        <translation>Incidents werden aktualisiert…</translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Nächster Versuch um %1.</translation>
    </message>
    <message>
        <source>Not refreshing.</source>
        <translation>Keine Aktualisierung.</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>Incidents could not be refreshed: %1</source>
        <translation>Incidents konnten nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Paused: the rate limit was reached. Next try at %1.</source>
        <translation>Angehalten: Das Anfragelimit ist erreicht. Nächster Versuch um %1.</translation>
    </message>
</context>
<context>
    <name>rota::IncidentsView</name>
    <message>
        <source>Incident actions</source>
        <translation>Incident-Aktionen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Show or hide the incident details beside the table (F8)</source>
        <translation>Incident-Details neben der Tabelle ein- oder ausblenden (F8)</translation>
    </message>
    <message>
        <source>Splunk On-Call refused incident #%1: %2</source>
        <translation>Splunk On-Call hat Incident #%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message numerus="yes">
        <source>Splunk On-Call refused %n incident(s); their rows say why.</source>
        <translation>
            <numerusform>Splunk On-Call hat %n Incident abgelehnt; die Zeile nennt den Grund.</numerusform>
            <numerusform>Splunk On-Call hat %n Incidents abgelehnt; die Zeilen nennen den Grund.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Lösen…</translation>
    </message>
    <message>
        <source>R&amp;eroute…</source>
        <translation>&amp;Umleiten…</translation>
    </message>
    <message>
        <source>Ack all paging me</source>
        <translation>Alle bestätigen, die mich alarmieren</translation>
    </message>
    <message>
        <source>Resolve all paging me</source>
        <translation>Alle lösen, die mich alarmieren</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Neues Incident…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Open in Splunk On-Call</source>
        <translation>&amp;In Splunk On-Call öffnen</translation>
    </message>
    <message>
        <source>Notify &amp;stakeholders…</source>
        <translation>&amp;Stakeholder benachrichtigen…</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>Open an incident by hand and page someone (Ctrl+N)</source>
        <translation>Ein Incident manuell eröffnen und jemanden alarmieren (Strg+N)</translation>
    </message>
    <message>
        <source>Load the incidents now (F5)</source>
        <translation>Incidents jetzt laden (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Show %1 incidents</source>
        <translation>Incidents anzeigen, die %1 sind</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Alle Incidents</translation>
    </message>
    <message>
        <source>Paging me</source>
        <translation>Alarmieren mich</translation>
    </message>
    <message>
        <source>My teams</source>
        <translation>Meine Teams</translation>
    </message>
    <message>
        <source>Whose incidents to show (Paging me: the triggered incidents paging you, as many as the badge says)</source>
        <translation>Wessen Incidents angezeigt werden („Alarmieren mich“: die ausgelösten Incidents, die Sie alarmieren, so viele, wie der Zähler angibt)</translation>
    </message>
    <message>
        <source>Only incidents with this routing key</source>
        <translation>Nur Incidents mit diesem Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Only incidents of this service</source>
        <translation>Nur Incidents dieses Services</translation>
    </message>
    <message>
        <source>Search number, summary, host, service (Ctrl+F)</source>
        <translation>Nummer, Zusammenfassung, Host, Service durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Paging me (%1)</source>
        <translation>Alarmieren mich (%1)</translation>
    </message>
    <message>
        <source> (the other selected incidents are waiting for an answer)</source>
        <translation> (die anderen ausgewählten Incidents warten auf eine Antwort)</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n selected incident(s) (A, Ctrl+K)</source>
        <translation>
            <numerusform>%n ausgewähltes Incident bestätigen (A, Strg+K)</numerusform>
            <numerusform>%n ausgewählte Incidents bestätigen (A, Strg+K)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a triggered incident to acknowledge it</source>
        <translation>Wählen Sie ein ausgelöstes Incident aus, um es zu bestätigen</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n selected incident(s) (R, Ctrl+Shift+R)</source>
        <translation>
            <numerusform>%n ausgewähltes Incident lösen (R, Strg+Umschalt+R)</numerusform>
            <numerusform>%n ausgewählte Incidents lösen (R, Strg+Umschalt+R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an open incident to resolve it</source>
        <translation>Wählen Sie ein offenes Incident aus, um es zu lösen</translation>
    </message>
    <message numerus="yes">
        <source>Page others for %n selected incident(s) (Ctrl+E)</source>
        <translation>
            <numerusform>Für %n ausgewähltes Incident andere alarmieren (Strg+E)</numerusform>
            <numerusform>Für %n ausgewählte Incidents andere alarmieren (Strg+E)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an open incident to reroute it</source>
        <translation>Wählen Sie ein offenes Incident aus, um es umzuleiten</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge the %n triggered incident(s) paging you (Ctrl+Shift+K)</source>
        <translation>
            <numerusform>%n ausgelöstes Incident bestätigen, das Sie alarmiert (Strg+Umschalt+K)</numerusform>
            <numerusform>Die %n ausgelösten Incidents bestätigen, die Sie alarmieren (Strg+Umschalt+K)</numerusform>
        </translation>
    </message>
    <message>
        <source>No triggered incident is paging you</source>
        <translation>Kein ausgelöstes Incident alarmiert Sie</translation>
    </message>
    <message numerus="yes">
        <source>Resolve the %n open incident(s) paging you (Ctrl+Shift+D)</source>
        <translation>
            <numerusform>%n offenes Incident lösen, das Sie alarmiert (Strg+Umschalt+D)</numerusform>
            <numerusform>Die %n offenen Incidents lösen, die Sie alarmieren (Strg+Umschalt+D)</numerusform>
        </translation>
    </message>
    <message>
        <source>No open incident is paging you</source>
        <translation>Kein offenes Incident alarmiert Sie</translation>
    </message>
    <message>
        <source>Tell people who follow the selected incident how it goes, without paging them (Ctrl+Shift+S)</source>
        <translation>Personen, die das ausgewählte Incident verfolgen, über den Stand informieren, ohne sie zu alarmieren (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Select one incident to notify its stakeholders</source>
        <translation>Wählen Sie genau ein Incident aus, um seine Stakeholder zu benachrichtigen</translation>
    </message>
    <message>
        <source>Rota does not know your organisation in the Splunk On-Call web app: set it with Account ▸ Web app organisation… (&quot;Organisation (web app)&quot; when signing in), the part after /ui/ in the web app&apos;s address.</source>
        <translation>Rota kennt Ihre Organisation in der Splunk On-Call-Web-App nicht: Legen Sie sie unter Konto ▸ Web-App-Organisation… fest (bei der Anmeldung „Organisation (Web-App)“); es ist der Teil nach /ui/ in der Adresse der Web-App.</translation>
    </message>
    <message>
        <source>Select an incident to open it in the Splunk On-Call web app</source>
        <translation>Wählen Sie ein Incident aus, um es in der Splunk On-Call-Web-App zu öffnen</translation>
    </message>
    <message>
        <source>Open incident #%1 in the Splunk On-Call web app, where its chat is (Ctrl+O)</source>
        <translation>Incident #%1 in der Splunk On-Call-Web-App öffnen, wo sich sein Chat befindet (Strg+O)</translation>
    </message>
    <message>
        <source>No incidents match the filter.</source>
        <translation>Keine Incidents entsprechen dem Filter.</translation>
    </message>
    <message>
        <source>Show all incidents</source>
        <translation>Alle Incidents anzeigen</translation>
    </message>
    <message>
        <source>Loading the incidents…</source>
        <translation>Incidents werden geladen…</translation>
    </message>
    <message>
        <source>No open incidents — all clear.</source>
        <translation>Keine offenen Incidents — alles ruhig.</translation>
    </message>
    <message>
        <source>Any routing key</source>
        <translation>Alle Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Alle Services</translation>
    </message>
    <message>
        <source>Incidents as of %1.</source>
        <translation>Stand der Incidents: %1.</translation>
    </message>
    <message>
        <source>Refreshing the incidents…</source>
        <translation>Incidents werden aktualisiert…</translation>
    </message>
    <message>
        <source>Re&amp;freshing…</source>
        <translation>Wird &amp;aktualisiert…</translation>
    </message>
    <message>
        <source>Showing the incident of a notification, whatever the filters say.</source>
        <translation>Das Incident einer Benachrichtigung wird angezeigt, unabhängig von den Filtern.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Resolve incident #%1. Message (optional):</source>
        <translation>Incident #%1 lösen. Nachricht (optional):</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incidents (%1). Message (optional):</source>
        <translation>
            <numerusform>%n Incident lösen (%1). Nachricht (optional):</numerusform>
            <numerusform>%n Incidents lösen (%1). Nachricht (optional):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n incidents of a notification, whatever the filters say.</source>
        <translation>
            <numerusform>Das %n Incident einer Benachrichtigung wird angezeigt, unabhängig von den Filtern.</numerusform>
            <numerusform>Die %n Incidents einer Benachrichtigung werden angezeigt, unabhängig von den Filtern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Incidents durchsuchen</translation>
    </message>
</context>
<context>
    <name>rota::KeychainSecretStore</name>
    <message>
        <source>The keychain gave no reason.</source>
        <translation>Der Schlüsselbund hat keinen Grund genannt.</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::MainView</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Open incidents as they happen: acknowledge, resolve, reroute and add notes.</source>
        <translation>Offene Incidents, sobald sie auftreten: bestätigen, lösen, umleiten und Notizen hinzufügen.</translation>
    </message>
    <message>
        <source>On-call</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Who is on call right now for each team and escalation policy.</source>
        <translation>Wer gerade Bereitschaft hat, für jedes Team und jede Eskalationsrichtlinie.</translation>
    </message>
    <message>
        <source>Schedules &amp; overrides</source>
        <translation>Dienstpläne &amp; Vertretungen</translation>
    </message>
    <message>
        <source>Rotations over the coming weeks, and scheduled overrides with their replacements.</source>
        <translation>Rotationen der kommenden Wochen und geplante Vertretungen mit ihrem Ersatz.</translation>
    </message>
    <message>
        <source>Paging policy</source>
        <translation>Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>Your personal paging policy: how and when Splunk On-Call contacts you.</source>
        <translation>Ihre persönliche Alarmierungsrichtlinie: wie und wann Splunk On-Call Sie kontaktiert.</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Teams, their members and admins, rotations and escalation policies.</source>
        <translation>Teams, ihre Mitglieder und Administratoren, Rotationen und Eskalationsrichtlinien.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>People in the organisation and their contact methods.</source>
        <translation>Personen in der Organisation und ihre Kontaktmethoden.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Incident history and each team&apos;s on-call shift log.</source>
        <translation>Incident-Verlauf und die Bereitschafts-Schichtprotokolle der Teams.</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Maintenance mode for routing keys or everything, so planned work pages no one.</source>
        <translation>Wartungsmodus für Routing-Schlüssel oder alles, damit geplante Arbeiten niemanden alarmieren.</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>Rules Engine rules that annotate, change and reroute alerts, with a test bench.</source>
        <translation>Regeln der Rules Engine, die Alarme annotieren, ändern und umleiten, mit Testbereich.</translation>
    </message>
</context>
<context>
    <name>rota::MainWindow</name>
    <message>
        <source>Rota</source>
        <translation>Rota</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Switch Account</source>
        <translation>Konto wechseln</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Rota</source>
        <translation>Ü&amp;ber Rota</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Rota — %1</source>
        <translation>Rota — %1</translation>
    </message>
    <message>
        <source>About Rota</source>
        <translation>Über Rota</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rota %1&lt;/h3&gt;&lt;p&gt;A desktop on-call console for Splunk On-Call (VictorOps): incidents, on-call, schedules and overrides, paging policies, teams, users, reports and maintenance mode.&lt;/p&gt;&lt;p&gt;Copyright © 2026 The Rota developers&lt;/p&gt;&lt;p&gt;Rota is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;%3&quot;&gt;GNU General Public License&lt;/a&gt; as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.&lt;/p&gt;&lt;p&gt;Rota comes with ABSOLUTELY NO WARRANTY, to the extent permitted by law.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rota %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Bereitschaftskonsole für Splunk On-Call (VictorOps): Incidents, Bereitschaft, Dienstpläne und Vertretungen, Alarmierungsrichtlinien, Teams, Benutzer, Berichte und Wartungsmodus.&lt;/p&gt;&lt;p&gt;Copyright © 2026 The Rota developers&lt;/p&gt;&lt;p&gt;Rota ist freie Software: Sie können sie unter den Bedingungen der &lt;a href=&quot;%3&quot;&gt;GNU General Public License&lt;/a&gt;, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version.&lt;/p&gt;&lt;p&gt;Rota wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt, soweit gesetzlich zulässig.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rota::MaintenanceBanner</name>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Rota could not read the maintenance mode: %1</source>
        <translation>Rota konnte den Wartungsmodus nicht laden: %1</translation>
    </message>
    <message>
        <source>End maintenance mode</source>
        <translation>Wartungsmodus beenden</translation>
    </message>
</context>
<context>
    <name>rota::MaintenanceController</name>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Start global maintenance mode</source>
        <translation>Globalen Wartungsmodus starten</translation>
    </message>
    <message>
        <source>Start maintenance mode for %1</source>
        <translation>Wartungsmodus für %1 starten</translation>
    </message>
    <message>
        <source>Starting global maintenance mode was cancelled; nothing was sent.</source>
        <translation>Das Starten des globalen Wartungsmodus wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Starting maintenance mode for %1 was cancelled; nothing was sent.</source>
        <translation>Das Starten des Wartungsmodus für %1 wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>global maintenance mode</source>
        <translation>Globaler Wartungsmodus</translation>
    </message>
    <message>
        <source>maintenance mode for %1</source>
        <translation>Wartungsmodus für %1</translation>
    </message>
    <message>
        <source>Could not start %1</source>
        <translation>%1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>%1 gestartet.</translation>
    </message>
    <message>
        <source>End maintenance mode</source>
        <translation>Wartungsmodus beenden</translation>
    </message>
    <message>
        <source>Ending maintenance mode was cancelled; nothing was sent.</source>
        <translation>Das Beenden des Wartungsmodus wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Could not end maintenance mode</source>
        <translation>Wartungsmodus konnte nicht beendet werden</translation>
    </message>
    <message>
        <source>Maintenance mode ended.</source>
        <translation>Wartungsmodus beendet.</translation>
    </message>
    <message>
        <source>Create routing key %1</source>
        <translation>Routing-Schlüssel %1 anlegen</translation>
    </message>
    <message>
        <source>Creating routing key %1 was cancelled; nothing was sent.</source>
        <translation>Das Anlegen des Routing-Schlüssels %1 wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Could not create routing key %1</source>
        <translation>Routing-Schlüssel %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Created routing key %1.</source>
        <translation>Routing-Schlüssel %1 angelegt.</translation>
    </message>
    <message>
        <source>Could not read the escalation policies: %1</source>
        <translation>Die Eskalationsrichtlinien konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>the answer from Splunk On-Call was lost, so it may have been done after all. What is shown is read again from the service; check it before trying again.</source>
        <translation>Die Antwort von Splunk On-Call ging verloren, daher wurde die Aktion möglicherweise doch ausgeführt. Die Anzeige wird neu vom Dienst geladen; prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The API key is read-only: maintenance mode and routing keys can only be changed with a key that may write.</source>
        <translation>Der API-Schlüssel ist schreibgeschützt: Wartungsmodus und Routing-Schlüssel lassen sich nur mit einem Schlüssel mit Schreibrecht ändern.</translation>
    </message>
    <message>
        <source>Splunk On-Call said: %1</source>
        <translation>Splunk On-Call meldet: %1</translation>
    </message>
</context>
<context>
    <name>rota::MaintenanceModel</name>
    <message>
        <source>All routing keys</source>
        <translation>Alle Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Started by a program with an API key (Rota or another); Splunk On-Call does not say who.</source>
        <translation>Von einem Programm mit API-Schlüssel gestartet (Rota oder ein anderes); Splunk On-Call gibt nicht an, wer.</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>Im Wartungsmodus</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Gestartet von</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>all routing keys</source>
        <translation>alle Routing-Schlüssel</translation>
    </message>
    <message>
        <source>routing key %1</source>
        <translation>Routing-Schlüssel %1</translation>
    </message>
    <message>
        <source>routing keys %1</source>
        <translation>Routing-Schlüssel %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>(started by %1)</source>
        <translation>(gestartet von %1)</translation>
    </message>
    <message>
        <source>Maintenance mode: %1</source>
        <translation>Wartungsmodus: %1</translation>
    </message>
    <message>
        <source>%1 — as last read at %2; Rota cannot check it now.</source>
        <translation>%1 — Stand %2; Rota kann das gerade nicht prüfen.</translation>
    </message>
</context>
<context>
    <name>rota::MaintenanceView</name>
    <message>
        <source>&amp;End maintenance</source>
        <translation>Wartung &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Start for selected keys</source>
        <translation>Für ausgewählte Schlüssel &amp;starten</translation>
    </message>
    <message>
        <source>Start &amp;globally</source>
        <translation>&amp;Global starten</translation>
    </message>
    <message>
        <source>&amp;Create routing key…</source>
        <translation>Routing-Schlüssel &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try a&amp;gain</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Purpose (optional), e.g. database upgrade</source>
        <translation>Zweck (optional), z. B. Datenbank-Upgrade</translation>
    </message>
    <message>
        <source>Read the maintenance mode and the routing keys again (F5)</source>
        <translation>Wartungsmodus und Routing-Schlüssel neu laden (F5)</translation>
    </message>
    <message>
        <source>Read the maintenance mode again</source>
        <translation>Wartungsmodus neu laden</translation>
    </message>
    <message>
        <source>Read the routing keys again</source>
        <translation>Routing-Schlüssel neu laden</translation>
    </message>
    <message>
        <source>Maintenance mode now</source>
        <translation>Aktueller Wartungsmodus</translation>
    </message>
    <message>
        <source>Routing keys</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Starting maintenance mode for %1…</source>
        <translation>Wartungsmodus für %1 wird gestartet…</translation>
    </message>
    <message>
        <source>Starting global maintenance mode…</source>
        <translation>Globaler Wartungsmodus wird gestartet…</translation>
    </message>
    <message>
        <source>Ending maintenance mode…</source>
        <translation>Wartungsmodus wird beendet…</translation>
    </message>
    <message>
        <source>Create routing key</source>
        <translation>Routing-Schlüssel anlegen</translation>
    </message>
    <message>
        <source>e.g. database-prod</source>
        <translation>z. B. database-prod</translation>
    </message>
    <message>
        <source>Loading escalation policies…</source>
        <translation>Eskalationsrichtlinien werden geladen…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Routing key:</source>
        <translation>&amp;Routing-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Sends alerts to:</source>
        <translation>&amp;Sendet Alarme an:</translation>
    </message>
    <message>
        <source>Creating routing key %1…</source>
        <translation>Routing-Schlüssel %1 wird angelegt…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Hold the alerts of the selected routing keys</source>
        <translation>Alarme der ausgewählten Routing-Schlüssel zurückhalten</translation>
    </message>
    <message>
        <source>Select one or more routing keys first</source>
        <translation>Wählen Sie zuerst einen oder mehrere Routing-Schlüssel aus</translation>
    </message>
    <message>
        <source>Global maintenance mode is on already</source>
        <translation>Der globale Wartungsmodus ist bereits aktiv</translation>
    </message>
    <message>
        <source>Hold the alerts of every routing key</source>
        <translation>Alarme aller Routing-Schlüssel zurückhalten</translation>
    </message>
    <message>
        <source>End the selected maintenance mode</source>
        <translation>Ausgewählten Wartungsmodus beenden</translation>
    </message>
    <message>
        <source>Select a running maintenance mode first</source>
        <translation>Wählen Sie zuerst einen laufenden Wartungsmodus aus</translation>
    </message>
    <message>
        <source>Add a routing key and choose where it sends alerts</source>
        <translation>Routing-Schlüssel hinzufügen und festlegen, wohin er Alarme sendet</translation>
    </message>
    <message>
        <source>Maintenance mode is unknown: Rota could not read it. %1</source>
        <translation>Wartungsmodus unbekannt: Rota konnte ihn nicht laden. %1</translation>
    </message>
    <message>
        <source>Below is what it was at %1.</source>
        <translation>Unten sehen Sie den Stand von %1 Uhr.</translation>
    </message>
    <message>
        <source>Reading the maintenance mode…</source>
        <translation>Wartungsmodus wird geladen…</translation>
    </message>
    <message>
        <source>Maintenance mode is off: alerts page people as usual.</source>
        <translation>Der Wartungsmodus ist aus: Bei Alarmen wird wie gewohnt alarmiert.</translation>
    </message>
    <message>
        <source>Could not read the routing keys: %1</source>
        <translation>Die Routing-Schlüssel konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The list is as last read.</source>
        <translation>Die Liste zeigt den zuletzt geladenen Stand.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Reading the maintenance mode and the routing keys…</source>
        <translation>Wartungsmodus und Routing-Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>Purpose of the maintenance</source>
        <translation>Zweck der Wartung</translation>
    </message>
</context>
<context>
    <name>rota::NavigationList</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
</context>
<context>
    <name>rota::NewRotationGroupDialog</name>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>New rotation group</source>
        <translation>Neue Rotationsgruppe</translation>
    </message>
    <message>
        <source>e.g. Database primary</source>
        <translation>z. B. Datenbank primär</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Standard (std)</source>
        <translation>Standard (std)</translation>
    </message>
    <message>
        <source>Follow the sun (fts)</source>
        <translation>Follow the Sun (fts)</translation>
    </message>
    <message>
        <source>Custom (cstm)</source>
        <translation>Benutzerdefiniert (cstm)</translation>
    </message>
    <message>
        <source>Partial hours (pho)</source>
        <translation>Stundenweise (pho)</translation>
    </message>
    <message>
        <source>Members, in the order they are checked</source>
        <translation>Mitglieder, in der Reihenfolge der Auswahl</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>S&amp;hift:</source>
        <translation>&amp;Schicht:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;Each shift:</source>
        <translation>&amp;Dauer je Schicht:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Mitglieder:</translation>
    </message>
    <message>
        <source>Members take the shift in the order you check them.</source>
        <translation>Die Mitglieder übernehmen die Schicht in der Reihenfolge, in der Sie sie auswählen.</translation>
    </message>
    <message>
        <source>Give the rotation group a name.</source>
        <translation>Geben Sie der Rotationsgruppe einen Namen.</translation>
    </message>
    <message>
        <source>Give the shift a name.</source>
        <translation>Geben Sie der Schicht einen Namen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time zone this computer knows (e.g. Europe/Berlin).</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt (z. B. Europe/Berlin).</translation>
    </message>
    <message>
        <source>Check at least one member.</source>
        <translation>Wählen Sie mindestens ein Mitglied aus.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>rota::NextShift</name>
    <message>
        <source>Next on call for %1 (%2): %3</source>
        <translation>Nächste Bereitschaft für %1 (%2): %3</translation>
    </message>
    <message>
        <source>instead of %1</source>
        <translation>statt %1</translation>
    </message>
</context>
<context>
    <name>rota::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>rota::Notifier</name>
    <message numerus="yes">
        <source>%n new incidents</source>
        <translation>
            <numerusform>%n neues Incident</numerusform>
            <numerusform>%n neue Incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: Open shows them all</source>
        <translation>
            <numerusform>und %n weiteres: Öffnen zeigt alle</numerusform>
            <numerusform>und %n weitere: Öffnen zeigt alle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incidents are paging you</source>
        <translation>
            <numerusform>%n Incident alarmiert Sie</numerusform>
            <numerusform>%n Incidents alarmieren Sie</numerusform>
        </translation>
    </message>
    <message>
        <source>Still not acknowledged</source>
        <translation>Noch nicht bestätigt</translation>
    </message>
    <message numerus="yes">
        <source>%n incidents are still paging you</source>
        <translation>
            <numerusform>%n Incident alarmiert Sie weiterhin</numerusform>
            <numerusform>%n Incidents alarmieren Sie weiterhin</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Reroute…</source>
        <translation>Umleiten…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Acknowledge with message…</source>
        <translation>Mit Nachricht bestätigen…</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Alle bestätigen</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Routing key: %1</source>
        <translation>Routing-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Paging you</source>
        <translation>Alarmiert Sie</translation>
    </message>
    <message>
        <source>Paging %1</source>
        <translation>Alarmiert %1</translation>
    </message>
</context>
<context>
    <name>rota::OnCallController</name>
    <message>
        <source>Could not read who is on call: %1</source>
        <translation>Es konnte nicht geladen werden, wer Bereitschaft hat: %1</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>You are on call for %1 instead of %2.</source>
        <translation>Sie haben jetzt Bereitschaft für %1 anstelle von %2.</translation>
    </message>
    <message>
        <source>%1 is on call for %2 again.</source>
        <translation>%1 hat wieder Bereitschaft für %2.</translation>
    </message>
    <message>
        <source>Could not take on-call for %1: %2</source>
        <translation>Bereitschaft für %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>Could not hand %1 back: %2</source>
        <translation>Bereitschaft für %1 konnte nicht zurückgegeben werden: %2</translation>
    </message>
    <message>
        <source>The API key is read-only: taking and handing back on-call need a key that may write.</source>
        <translation>Der API-Schlüssel ist schreibgeschützt: Zum Übernehmen und Zurückgeben der Bereitschaft ist ein Schlüssel mit Schreibrecht nötig.</translation>
    </message>
    <message>
        <source>Splunk On-Call said: %1</source>
        <translation>Splunk On-Call meldet: %1</translation>
    </message>
</context>
<context>
    <name>rota::OnCallModel</name>
    <message>
        <source>nobody on call</source>
        <translation>niemand in Bereitschaft</translation>
    </message>
    <message>
        <source>instead of %1</source>
        <translation>statt %1</translation>
    </message>
    <message>
        <source>%1 (%2), on call until %3</source>
        <translation>%1 (%2), in Bereitschaft bis %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Team / policy / on call</source>
        <translation>Team / Richtlinie / Bereitschaft</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>On call for %1 until %2</source>
        <translation>Bereitschaft für %1 bis %2</translation>
    </message>
    <message>
        <source>On call for %1</source>
        <translation>Bereitschaft für %1</translation>
    </message>
    <message>
        <source>; next %1</source>
        <translation>; nächste Schicht %1</translation>
    </message>
    <message>
        <source>Not on call</source>
        <translation>Keine Bereitschaft</translation>
    </message>
</context>
<context>
    <name>rota::OnCallView</name>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Take on-call</source>
        <translation>&amp;Bereitschaft übernehmen</translation>
    </message>
    <message>
        <source>&amp;Hand back</source>
        <translation>&amp;Zurückgeben</translation>
    </message>
    <message>
        <source>&amp;Page…</source>
        <translation>&amp;Alarmieren…</translation>
    </message>
    <message>
        <source>&amp;Export my shifts…</source>
        <translation>Meine Schichten e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Open an incident that pages the selected person, policy or team</source>
        <translation>Ein Incident eröffnen, das die ausgewählte Person, Richtlinie oder das ausgewählte Team alarmiert</translation>
    </message>
    <message>
        <source>Loading who is on call…</source>
        <translation>Bereitschaften werden geladen…</translation>
    </message>
    <message>
        <source>Search teams, policies and people</source>
        <translation>Teams, Richtlinien und Personen durchsuchen</translation>
    </message>
    <message>
        <source>Read who is on call again (F5)</source>
        <translation>Neu laden, wer Bereitschaft hat (F5)</translation>
    </message>
    <message>
        <source>Who is on call is not known yet.</source>
        <translation>Noch ist nicht bekannt, wer Bereitschaft hat.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Reading who is on call…</source>
        <translation>Bereitschaften werden geladen…</translation>
    </message>
    <message>
        <source>Page…</source>
        <translation>Alarmieren…</translation>
    </message>
    <message>
        <source>Take on-call</source>
        <translation>Bereitschaft übernehmen</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <source>Taking on-call for %1 from %2…</source>
        <translation>Bereitschaft für %1 wird von %2 übernommen…</translation>
    </message>
    <message>
        <source>Take on-call instead of</source>
        <translation>Bereitschaft übernehmen anstelle von</translation>
    </message>
    <message>
        <source>Handing %1 back to %2…</source>
        <translation>%1 wird an %2 zurückgegeben…</translation>
    </message>
    <message>
        <source>Select an escalation policy or a person on call.</source>
        <translation>Wählen Sie eine Eskalationsrichtlinie oder eine Person in Bereitschaft aus.</translation>
    </message>
    <message>
        <source>You are on call for %1 already.</source>
        <translation>Sie haben bereits Bereitschaft für %1.</translation>
    </message>
    <message>
        <source>Nobody is on call for %1 to take over from.</source>
        <translation>Für %1 hat niemand Bereitschaft, den Sie ablösen könnten.</translation>
    </message>
    <message>
        <source>Go on call for %1 instead of %2.</source>
        <translation>Bereitschaft für %1 anstelle von %2 übernehmen.</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between names</comment>
        <translation> oder </translation>
    </message>
    <message>
        <source>You are not on call for %1.</source>
        <translation>Sie haben keine Bereitschaft für %1.</translation>
    </message>
    <message>
        <source>You are on call for %1 by your own shift: there is nobody to hand it back to.</source>
        <translation>Sie haben Bereitschaft für %1 durch Ihre eigene Schicht: Es gibt niemanden, an den Sie sie zurückgeben könnten.</translation>
    </message>
    <message>
        <source>&amp;Hand back to %1</source>
        <translation>&amp;Zurückgeben an %1</translation>
    </message>
    <message>
        <source>Give %1 back to %2.</source>
        <translation>%1 an %2 zurückgeben.</translation>
    </message>
    <message>
        <source>Save your shifts of the next weeks as a calendar file (iCalendar)</source>
        <translation>Ihre Schichten der nächsten Wochen als Kalenderdatei (iCalendar) speichern</translation>
    </message>
    <message>
        <source>Your shifts have not been read yet.</source>
        <translation>Ihre Schichten wurden noch nicht geladen.</translation>
    </message>
    <message>
        <source>Export My Shifts</source>
        <translation>Meine Schichten exportieren</translation>
    </message>
    <message>
        <source>Your shifts of the next weeks:</source>
        <translation>Ihre Schichten der nächsten Wochen:</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Kalenderdateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) saved to %1.</source>
        <translation>
            <numerusform>%n Schicht in %1 gespeichert.</numerusform>
            <numerusform>%n Schichten in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>On call now</source>
        <translation>Jetzt in Bereitschaft</translation>
    </message>
    <message>
        <source>Search who is on call</source>
        <translation>Suchen, wer Bereitschaft hat</translation>
    </message>
</context>
<context>
    <name>rota::OrgDirectory</name>
    <message>
        <source>Could not load the people: %1</source>
        <translation>Die Benutzer konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not load the teams: %1</source>
        <translation>Die Teams konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not load the escalation policies: %1</source>
        <translation>Die Eskalationsrichtlinien konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name (username)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not load the rotation groups: %1</source>
        <translation>Die Rotationsgruppen konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>rota::OverrideController</name>
    <message>
        <source>This API key is read-only: overrides can be seen but not changed. Use a key that may write to change them.</source>
        <translation>Dieser API-Schlüssel ist schreibgeschützt: Vertretungen können angezeigt, aber nicht geändert werden. Verwenden Sie zum Ändern einen Schlüssel mit Schreibrecht.</translation>
    </message>
    <message>
        <source>Create override for %1</source>
        <translation>Vertretung für %1 anlegen</translation>
    </message>
    <message>
        <source>Creating the override for %1 (%2 to %3) was cancelled; nothing was sent.</source>
        <translation>Das Anlegen der Vertretung für %1 (%2 bis %3) wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Override for %1 created.</source>
        <translation>Vertretung für %1 angelegt.</translation>
    </message>
    <message>
        <source>%1 The override was deleted again.</source>
        <translation>%1 Die Vertretung wurde wieder gelöscht.</translation>
    </message>
    <message>
        <source>%1 The override is still there with nobody standing in (%2): delete it on the Overrides tab.</source>
        <translation>%1 Die Vertretung besteht weiterhin, aber niemand springt ein (%2): Löschen Sie sie auf der Registerkarte Vertretungen.</translation>
    </message>
    <message>
        <source>Delete the override</source>
        <translation>Vertretung löschen</translation>
    </message>
    <message>
        <source>Delete override for %1</source>
        <translation>Vertretung für %1 löschen</translation>
    </message>
    <message>
        <source>Deleting the override was cancelled; nothing was sent.</source>
        <translation>Das Löschen der Vertretung wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Deleting the override for %1 was cancelled; nothing was sent.</source>
        <translation>Das Löschen der Vertretung für %1 wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Override deleted.</source>
        <translation>Vertretung gelöscht.</translation>
    </message>
    <message>
        <source>Make %1 stand in on %2</source>
        <translation>%1 bei %2 einspringen lassen</translation>
    </message>
    <message>
        <source>Making %1 stand in on %2 was cancelled; nothing was sent.</source>
        <translation>Das Einspringen von %1 bei %2 wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>%1 stands in on %2.</source>
        <translation>%1 springt bei %2 ein.</translation>
    </message>
    <message>
        <source>Remove the stand-in on %1</source>
        <translation>Ersatz bei %1 entfernen</translation>
    </message>
    <message>
        <source>Removing the stand-in on %1 was cancelled; nothing was sent.</source>
        <translation>Das Entfernen des Ersatzes bei %1 wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Nobody stands in on %1 any more.</source>
        <translation>Bei %1 springt niemand mehr ein.</translation>
    </message>
    <message>
        <source>The override may have been created: the answer from Splunk On-Call was lost, and the overrides could not be read again (%1). Look for it before creating it again.</source>
        <translation>Die Vertretung wurde möglicherweise angelegt: Die Antwort von Splunk On-Call ging verloren, und die Vertretungen konnten nicht neu geladen werden (%1). Prüfen Sie, ob sie existiert, bevor Sie sie erneut anlegen.</translation>
    </message>
    <message>
        <source>The override was not created: the answer from Splunk On-Call was lost, and the service does not list it. Try again.</source>
        <translation>Die Vertretung wurde nicht angelegt: Die Antwort von Splunk On-Call ging verloren, und der Dienst führt sie nicht. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The override was not deleted: the answer from Splunk On-Call was lost, and the override is still there. Try again.</source>
        <translation>Die Vertretung wurde nicht gelöscht: Die Antwort von Splunk On-Call ging verloren, und die Vertretung besteht weiterhin. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not confirmed whether the override was deleted: the answer from Splunk On-Call was lost, and the override could not be read again (%1). The list is read again.</source>
        <translation>Keine Rückmeldung, ob die Vertretung gelöscht wurde: Die Antwort von Splunk On-Call ging verloren, und die Vertretung konnte nicht neu geladen werden (%1). Die Liste wird neu geladen.</translation>
    </message>
    <message>
        <source>Not confirmed whether the change was made: the answer from Splunk On-Call was lost, and the override could not be read again (%1).</source>
        <translation>Keine Rückmeldung, ob die Änderung übernommen wurde: Die Antwort von Splunk On-Call ging verloren, und die Vertretung konnte nicht neu geladen werden (%1).</translation>
    </message>
    <message>
        <source>The change was not made: the answer from Splunk On-Call was lost, and the override shows it was not applied. Try again.</source>
        <translation>Die Änderung wurde nicht übernommen: Die Antwort von Splunk On-Call ging verloren, und die Vertretung zeigt, dass sie nicht angewendet wurde. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>rota::OverrideDialog</name>
    <message>
        <source>New scheduled override</source>
        <translation>Neue geplante Vertretung</translation>
    </message>
    <message>
        <source>Who is away</source>
        <translation>Wer abwesend ist</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Who is away:</source>
        <translation>&amp;Abwesend:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>The times are in the chosen zone. Everyone on the person&apos;s escalation policies can then be asked to stand in.</source>
        <translation>Die Zeiten gelten in der gewählten Zeitzone. Anschließend können alle Personen in den Eskalationsrichtlinien dieser Person gebeten werden einzuspringen.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Choose who is away.</source>
        <translation>Wählen Sie aus, wer abwesend ist.</translation>
    </message>
    <message>
        <source>There is nobody called “%1” in this organisation. Choose someone from the list.</source>
        <translation>In dieser Organisation gibt es niemanden namens „%1“. Wählen Sie eine Person aus der Liste.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this computer knows. Choose one from the list, e.g. Europe/London.</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt. Wählen Sie eine aus der Liste, z. B. Europe/London.</translation>
    </message>
    <message>
        <source>The override must end after it starts.</source>
        <translation>Die Vertretung muss nach ihrem Beginn enden.</translation>
    </message>
    <message>
        <source>The override would already be over. Choose an end in the future.</source>
        <translation>Die Vertretung wäre bereits vorbei. Wählen Sie ein Ende in der Zukunft.</translation>
    </message>
</context>
<context>
    <name>rota::OverrideModel</name>
    <message>
        <source>No policies</source>
        <translation>Keine Richtlinien</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>Nobody stands in yet</source>
        <translation>Noch springt niemand ein</translation>
    </message>
    <message>
        <source>Open on %1 of %2 policies</source>
        <translation>Offen bei %1 von %2 Richtlinien</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation>Ersatz</translation>
    </message>
    <message numerus="yes">
        <source>All %n policies covered</source>
        <translation>
            <numerusform>%n Richtlinie abgedeckt</numerusform>
            <numerusform>Alle %n Richtlinien abgedeckt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::OverridesView</name>
    <message>
        <source>&amp;New override…</source>
        <translation>&amp;Neue Vertretung…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>Re&amp;move replacement</source>
        <translation>Ersatz ent&amp;fernen</translation>
    </message>
    <message>
        <source>Scheduled overrides</source>
        <translation>Geplante Vertretungen</translation>
    </message>
    <message>
        <source>Escalation policy</source>
        <translation>Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Stands in</source>
        <translation>Ersatz</translation>
    </message>
    <message>
        <source>Replacements per escalation policy</source>
        <translation>Ersatz je Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Who stands in</source>
        <translation>Wer einspringt</translation>
    </message>
    <message>
        <source>Schedule time away for someone</source>
        <translation>Abwesenheit für eine Person planen</translation>
    </message>
    <message>
        <source>Stand-in:</source>
        <translation>Ersatz:</translation>
    </message>
    <message>
        <source>Loading the overrides…</source>
        <translation>Vertretungen werden geladen…</translation>
    </message>
    <message>
        <source>Could not load the overrides: %1</source>
        <translation>Die Vertretungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No overrides are scheduled.</source>
        <translation>Es sind keine Vertretungen geplant.</translation>
    </message>
    <message>
        <source>Select an override to see who stands in on each escalation policy.</source>
        <translation>Wählen Sie eine Vertretung aus, um zu sehen, wer bei jeder Eskalationsrichtlinie einspringt.</translation>
    </message>
    <message>
        <source>%1 is away from %2 until %3 (%4). Who stands in:</source>
        <translation>%1 ist von %2 bis %3 abwesend (%4). Wer einspringt:</translation>
    </message>
    <message>
        <source>Nobody yet — needs a replacement</source>
        <translation>Noch niemand — Ersatz benötigt</translation>
    </message>
    <message>
        <source>Delete the selected override</source>
        <translation>Ausgewählte Vertretung löschen</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Än&amp;dern</translation>
    </message>
    <message>
        <source>Let the chosen person stand in on this policy</source>
        <translation>Die gewählte Person bei dieser Richtlinie einspringen lassen</translation>
    </message>
    <message>
        <source>Nobody stands in on this policy any more</source>
        <translation>Bei dieser Richtlinie springt niemand mehr ein</translation>
    </message>
    <message>
        <source>Creating the override for %1…</source>
        <translation>Vertretung für %1 wird angelegt…</translation>
    </message>
    <message>
        <source>Delete override</source>
        <translation>Vertretung löschen</translation>
    </message>
    <message>
        <source>Delete the override for %1 from %2 until %3? Whoever stands in is no longer on call for them.</source>
        <translation>Vertretung für %1 von %2 bis %3 löschen? Wer einspringt, hat dann keine Bereitschaft mehr für diese Person.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting the override…</source>
        <translation>Vertretung wird gelöscht…</translation>
    </message>
    <message>
        <source>There is nobody called “%1” in this organisation. Choose someone from the list.</source>
        <translation>In dieser Organisation gibt es niemanden namens „%1“. Wählen Sie eine Person aus der Liste.</translation>
    </message>
    <message>
        <source>%1 is the one who is away: choose someone else to stand in.</source>
        <translation>%1 ist die abwesende Person: Wählen Sie jemand anderen als Ersatz.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <source>%n override(s) scheduled.</source>
        <translation>
            <numerusform>%n Vertretung geplant.</numerusform>
            <numerusform>%n Vertretungen geplant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyCommands</name>
    <message>
        <source>Add %1 to step %2</source>
        <translation>%1 zu Stufe %2 hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1 from step %2</source>
        <translation>%1 aus Stufe %2 entfernen</translation>
    </message>
    <message>
        <source>Move %1 within step %2</source>
        <translation>%1 innerhalb von Stufe %2 verschieben</translation>
    </message>
    <message>
        <source>Move %1 to step %2</source>
        <translation>%1 in Stufe %2 verschieben</translation>
    </message>
    <message>
        <source>Change a rule of step %1 to %2</source>
        <translation>Eine Regel von Stufe %1 in %2 ändern</translation>
    </message>
    <message>
        <source>Add step %1</source>
        <translation>Stufe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove step %1</source>
        <translation>Stufe %1 entfernen</translation>
    </message>
    <message>
        <source>Move step %1 to place %2</source>
        <translation>Stufe %1 an Position %2 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n minute(s) after step %1</source>
        <translation>
            <numerusform>%n Minute nach Stufe %1 warten</numerusform>
            <numerusform>%n Minuten nach Stufe %1 warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyConflictDialog</name>
    <message>
        <source>no rules</source>
        <translation>keine Regeln</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>%1 is only on the server (%2; then wait %3).</source>
        <translation>%1 gibt es nur auf dem Server (%2; dann %3 warten).</translation>
    </message>
    <message>
        <source>%1 is only in your edits (%2; then wait %3).</source>
        <translation>%1 gibt es nur in Ihren Änderungen (%2; dann %3 warten).</translation>
    </message>
    <message>
        <source>%1: waits %2 on the server, %3 in your edits.</source>
        <translation>%1: wartet auf dem Server %2, in Ihren Änderungen %3.</translation>
    </message>
    <message>
        <source>%1: %2 only on the server.</source>
        <translation>%1: %2 nur auf dem Server.</translation>
    </message>
    <message>
        <source>%1: %2 only in your edits.</source>
        <translation>%1: %2 nur in Ihren Änderungen.</translation>
    </message>
    <message>
        <source>%1: the same rules in another order.</source>
        <translation>%1: dieselben Regeln in anderer Reihenfolge.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No steps: nobody is paged.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Keine Stufen: Niemand wird alarmiert.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>only on the server</source>
        <translation>nur auf dem Server</translation>
    </message>
    <message>
        <source>only in your edits</source>
        <translation>nur in Ihren Änderungen</translation>
    </message>
    <message>
        <source>Step %1 — the same on both sides: %2; %3</source>
        <translation>Stufe %1 — auf beiden Seiten gleich: %2; %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stufe %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;i&gt;no rules&lt;/i&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;i&gt;keine Regeln&lt;/i&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>The paging policy changed on the server</source>
        <translation>Die Alarmierungsrichtlinie wurde auf dem Server geändert</translation>
    </message>
    <message>
        <source>Someone changed this paging policy after you opened it. Nothing has been saved yet. Which version should it be?</source>
        <translation>Jemand hat diese Alarmierungsrichtlinie geändert, nachdem Sie sie geöffnet haben. Es wurde noch nichts gespeichert. Welche Version soll gelten?</translation>
    </message>
    <message>
        <source>Someone changed this paging policy after you opened it. Your edits are kept and not saved. Which version do you want to go on with?</source>
        <translation>Jemand hat diese Alarmierungsrichtlinie geändert, nachdem Sie sie geöffnet haben. Ihre Änderungen bleiben erhalten und sind nicht gespeichert. Mit welcher Version möchten Sie weiterarbeiten?</translation>
    </message>
    <message>
        <source>&lt;b&gt;What differs:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Unterschiede:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;Nothing: both are the same.&lt;/li&gt;</source>
        <translation>&lt;li&gt;Keine: Beide sind gleich.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;On the server now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jetzt auf dem Server&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your edits&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihre Änderungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The policy on the server</source>
        <translation>Die Richtlinie auf dem Server</translation>
    </message>
    <message>
        <source>Your edited policy</source>
        <translation>Ihre bearbeitete Richtlinie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep mine&lt;/b&gt; saves your version over the server&apos;s: what only the server has goes. &lt;b&gt;Take theirs&lt;/b&gt; drops your edits and shows the server&apos;s version.</source>
        <translation>&lt;b&gt;Meine behalten&lt;/b&gt; speichert Ihre Version über die des Servers: Was nur der Server hat, geht verloren. &lt;b&gt;Serverversion übernehmen&lt;/b&gt; verwirft Ihre Änderungen und zeigt die Version des Servers.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep mine&lt;/b&gt; keeps your edits; Save then writes them over the server&apos;s version. &lt;b&gt;Take theirs&lt;/b&gt; drops your edits and shows the server&apos;s version.</source>
        <translation>&lt;b&gt;Meine behalten&lt;/b&gt; behält Ihre Änderungen; beim Speichern werden sie dann über die Version des Servers geschrieben. &lt;b&gt;Serverversion übernehmen&lt;/b&gt; verwirft Ihre Änderungen und zeigt die Version des Servers.</translation>
    </message>
    <message>
        <source>Take theirs — drop my edits</source>
        <translation>Serverversion übernehmen — meine Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep mine — save it over theirs</source>
        <translation>Meine behalten — über die Serverversion speichern</translation>
    </message>
    <message>
        <source>Keep mine — go on editing</source>
        <translation>Meine behalten — weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyController</name>
    <message>
        <source>%1 to %2 #%3</source>
        <translation>%1 an %2 #%3</translation>
    </message>
    <message>
        <source>Step %1 had a rule more than once; it was saved once.</source>
        <translation>Stufe %1 enthielt eine Regel mehrfach; sie wurde nur einmal gespeichert.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>%1: add %2</source>
        <translation>%1: %2 hinzufügen</translation>
    </message>
    <message>
        <source>%1: remove %2</source>
        <translation>%1: %2 entfernen</translation>
    </message>
    <message>
        <source>%1: change rule %2 to %3</source>
        <translation>%1: Regel %2 in %3 ändern</translation>
    </message>
    <message>
        <source>%1: rewrite it to wait %2 with %3</source>
        <translation>%1: neu festlegen mit %3, dann %2 warten</translation>
    </message>
    <message>
        <source>Add step %1 with %2</source>
        <translation>Stufe %1 mit %2 hinzufügen</translation>
    </message>
    <message>
        <source>Step %1: empty it (the API cannot delete steps)</source>
        <translation>Stufe %1: leeren (die API kann keine Stufen löschen)</translation>
    </message>
    <message>
        <source>The API cannot delete steps, so the later steps moved up and step %1 now has no rules: it notifies no one and stays at the end of the policy.</source>
        <translation>Die API kann keine Stufen löschen. Daher sind die folgenden Stufen nachgerückt, und Stufe %1 hat jetzt keine Regeln: Sie benachrichtigt niemanden und bleibt am Ende der Richtlinie.</translation>
    </message>
    <message>
        <source>The API cannot delete steps, so the later steps moved up and steps %1 now have no rules: they notify no one and stay at the end of the policy.</source>
        <translation>Die API kann keine Stufen löschen. Daher sind die folgenden Stufen nachgerückt, und die Stufen %1 haben jetzt keine Regeln: Sie benachrichtigen niemanden und bleiben am Ende der Richtlinie.</translation>
    </message>
    <message>
        <source>Could not read the paging policy of %1: %2</source>
        <translation>Die Alarmierungsrichtlinie von %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Save the paging policy</source>
        <translation>Alarmierungsrichtlinie speichern</translation>
    </message>
    <message>
        <source>Nothing was saved: could not read the current policy (%1). Your edits are kept.</source>
        <translation>Nichts gespeichert: Die aktuelle Richtlinie konnte nicht geladen werden (%1). Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Your edits were dropped; this is the policy as it is now on the server.</source>
        <translation>Ihre Änderungen wurden verworfen; dies ist die Richtlinie, wie sie jetzt auf dem Server ist.</translation>
    </message>
    <message>
        <source>Nothing to save: the server already has this policy.</source>
        <translation>Nichts zu speichern: Der Server hat diese Richtlinie bereits.</translation>
    </message>
    <message>
        <source>Save the paging policy (%1)</source>
        <translation>Alarmierungsrichtlinie speichern (%1)</translation>
    </message>
    <message>
        <source>Save the paging policy, change %1 of %2 (%3)</source>
        <translation>Alarmierungsrichtlinie speichern, Änderung %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Saving stopped at change %1 of %2 (%3): its answer was lost (%4), and the policy could not be read back to see whether it was applied (%5). Your edits are kept as unsaved edits; the next save will ask before overwriting the server&apos;s policy.</source>
        <translation>Das Speichern wurde bei Änderung %1 von %2 (%3) angehalten: Die Antwort darauf ging verloren (%4), und die Richtlinie konnte nicht neu geladen werden, um zu prüfen, ob die Änderung angewendet wurde (%5). Ihre Änderungen bleiben als ungespeicherte Änderungen erhalten; beim nächsten Speichern werden Sie gefragt, bevor die Richtlinie auf dem Server überschrieben wird.</translation>
    </message>
    <message>
        <source>Saving stopped at change %1 of %2 (%3): its answer was lost %4 times, and the server shows it was not applied. The changes that did not apply are kept as unsaved edits; save again to retry.</source>
        <translation>Das Speichern wurde bei Änderung %1 von %2 (%3) angehalten: Die Antwort darauf ging %4-mal verloren, und der Server zeigt, dass die Änderung nicht angewendet wurde. Die nicht angewendeten Änderungen bleiben als ungespeicherte Änderungen erhalten; speichern Sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Saving stopped at change %1 of %2 (%3): its answer was lost, and the paging policy on the server changed in another way meanwhile. Your edits are kept as unsaved edits over the server&apos;s policy: check them and save again.</source>
        <translation>Das Speichern wurde bei Änderung %1 von %2 (%3) angehalten: Die Antwort darauf ging verloren, und die Alarmierungsrichtlinie auf dem Server wurde inzwischen anderweitig geändert. Ihre Änderungen bleiben als ungespeicherte Änderungen gegenüber der Richtlinie des Servers erhalten: Prüfen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Saving the paging policy was cancelled; nothing was sent. Your edits are kept as unsaved edits.</source>
        <translation>Das Speichern der Alarmierungsrichtlinie wurde abgebrochen; es wurde nichts gesendet. Ihre Änderungen bleiben als ungespeicherte Änderungen erhalten.</translation>
    </message>
    <message>
        <source>Saving the paging policy was cancelled at change %1 of %2; nothing more was sent. Already saved: %3. The rest is kept as unsaved edits.</source>
        <translation>Das Speichern der Alarmierungsrichtlinie wurde bei Änderung %1 von %2 abgebrochen; es wurde nichts weiter gesendet. Bereits gespeichert: %3. Der Rest bleibt als ungespeicherte Änderungen erhalten.</translation>
    </message>
    <message>
        <source> The server&apos;s state could not be read back (%1); the next save will ask before overwriting it.</source>
        <translation> Der Zustand auf dem Server konnte nicht neu geladen werden (%1); beim nächsten Speichern werden Sie gefragt, bevor er überschrieben wird.</translation>
    </message>
    <message>
        <source>Saving stopped at change %1 of %2: %3 The changes that did not apply are kept as unsaved edits; save again to retry.</source>
        <translation>Das Speichern wurde bei Änderung %1 von %2 angehalten: %3 Die nicht angewendeten Änderungen bleiben als ungespeicherte Änderungen erhalten; speichern Sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Gespeichert: %1.</translation>
    </message>
    <message>
        <source>Could not re-read the paging policy: %1. What is shown may be out of date.</source>
        <translation>Die Alarmierungsrichtlinie konnte nicht neu geladen werden: %1. Die Anzeige ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>The paging policy changed on the server; this is it as it is now.</source>
        <translation>Die Alarmierungsrichtlinie wurde auf dem Server geändert; dies ist ihr aktueller Stand.</translation>
    </message>
    <message>
        <source>Up to date: this is the paging policy as it is on the server.</source>
        <translation>Aktuell: Dies ist die Alarmierungsrichtlinie, wie sie auf dem Server ist.</translation>
    </message>
    <message>
        <source>The server already has your edits; nothing is left to save.</source>
        <translation>Der Server hat Ihre Änderungen bereits; es gibt nichts mehr zu speichern.</translation>
    </message>
    <message>
        <source>The paging policy on the server has not changed; your edits are not saved yet.</source>
        <translation>Die Alarmierungsrichtlinie auf dem Server ist unverändert; Ihre Änderungen sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>The paging policy on the server changed since you started editing. Your edits are kept and not saved: compare them with the server&apos;s policy, or take the server&apos;s.</source>
        <translation>Die Alarmierungsrichtlinie auf dem Server wurde geändert, seit Sie mit dem Bearbeiten begonnen haben. Ihre Änderungen bleiben erhalten und sind nicht gespeichert: Vergleichen Sie sie mit der Richtlinie des Servers, oder übernehmen Sie die Serverversion.</translation>
    </message>
    <message>
        <source>This is the paging policy as it is on the server now.</source>
        <translation>Dies ist die Alarmierungsrichtlinie, wie sie jetzt auf dem Server ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n Regel</numerusform>
            <numerusform>%n Regeln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n changes applied.</source>
        <translation>
            <numerusform>Gespeichert: %n Änderung übernommen.</numerusform>
            <numerusform>Gespeichert: %n Änderungen übernommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyEditor</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Serverversion übernehmen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Rückgängig: %1 (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Wiederholen: %1 (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Read the policy from the server again (F5); edits are kept</source>
        <translation>Richtlinie neu vom Server laden (F5); Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>Reading the policy from the server</source>
        <translation>Richtlinie wird vom Server geladen</translation>
    </message>
    <message>
        <source>Paging policy</source>
        <translation>Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>Whose paging policy</source>
        <translation>Wessen Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>See what differs between the server&apos;s policy and your edits</source>
        <translation>Unterschiede zwischen der Richtlinie des Servers und Ihren Änderungen anzeigen</translation>
    </message>
    <message>
        <source>Drop your edits and show the server&apos;s policy</source>
        <translation>Ihre Änderungen verwerfen und die Richtlinie des Servers anzeigen</translation>
    </message>
    <message>
        <source>The paging policy on the server changed since you started editing. Your edits are kept and not saved.</source>
        <translation>Die Alarmierungsrichtlinie auf dem Server wurde geändert, seit Sie mit dem Bearbeiten begonnen haben. Ihre Änderungen bleiben erhalten und sind nicht gespeichert.</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v von %m Änderungen</translation>
    </message>
    <message>
        <source>Steps fire from the top until someone acknowledges. Drag contacts onto a step, drag chips and steps to reorder, or use the keyboard: arrows, Alt+arrows to move, Delete, Insert, Menu.</source>
        <translation>Die Stufen werden von oben nach unten ausgelöst, bis jemand bestätigt. Ziehen Sie Kontakte auf eine Stufe, ziehen Sie Chips und Stufen zum Umsortieren, oder verwenden Sie die Tastatur: Pfeiltasten, Alt+Pfeiltasten zum Verschieben, Entf, Einfg, Menütaste.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Contact methods</source>
        <translation>Kontaktmethoden</translation>
    </message>
    <message>
        <source>Edits discarded.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <source>Save or discard your edits before opening another user&apos;s policy.</source>
        <translation>Speichern oder verwerfen Sie Ihre Änderungen, bevor Sie die Richtlinie eines anderen Benutzers öffnen.</translation>
    </message>
    <message>
        <source>Last saved at %1; the changes since then are not saved.</source>
        <translation>Zuletzt gespeichert um %1; die Änderungen seitdem sind nicht gespeichert.</translation>
    </message>
    <message>
        <source>No unsaved changes: this is the policy as saved at %1.</source>
        <translation>Keine ungespeicherten Änderungen: Dies ist die Richtlinie, wie sie um %1 gespeichert wurde.</translation>
    </message>
    <message>
        <source>Changes sent:</source>
        <translation>Gesendete Änderungen:</translation>
    </message>
    <message>
        <source>Not applied:</source>
        <translation>Nicht angewendet:</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Gespeichert um %1.</translation>
    </message>
    <message>
        <source>The last step cannot be removed, so it is left empty and pages no one.</source>
        <translation>Die letzte Stufe kann nicht entfernt werden; sie bleibt daher leer und alarmiert niemanden.</translation>
    </message>
    <message numerus="yes">
        <source>The last %n steps cannot be removed, so they are left empty and page no one.</source>
        <translation>
            <numerusform>%n Stufe am Ende kann nicht entfernt werden; sie bleibt daher leer und alarmiert niemanden.</numerusform>
            <numerusform>Die letzten %n Stufen können nicht entfernt werden; sie bleiben daher leer und alarmieren niemanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved; your edits are kept. Save again to choose.</source>
        <translation>Nichts gespeichert; Ihre Änderungen bleiben erhalten. Speichern Sie erneut, um zu wählen.</translation>
    </message>
    <message>
        <source>Your edits are kept; Save writes them over the server&apos;s policy.</source>
        <translation>Ihre Änderungen bleiben erhalten; beim Speichern werden sie über die Richtlinie des Servers geschrieben.</translation>
    </message>
</context>
<context>
    <name>rota::PagingPolicyModel</name>
    <message>
        <source>Step %1 already has %2; a step pages each contact method once.</source>
        <translation>Stufe %1 enthält bereits %2; eine Stufe alarmiert jede Kontaktmethode nur einmal.</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>all devices</source>
        <translation>alle Geräte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>then wait %1</source>
        <translation>dann %1 warten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n items</source>
        <translation>
            <numerusform>%n Element entfernen</numerusform>
            <numerusform>%n Elemente entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::PersonCard</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Teams: %1</source>
        <translation>Teams: %1</translation>
    </message>
    <message>
        <source>Next on call %1 – %2 for %3</source>
        <translation>Nächste Bereitschaft %1 – %2 für %3</translation>
    </message>
    <message>
        <source>No shift in the next two weeks</source>
        <translation>Keine Schicht in den nächsten zwei Wochen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not in the organisation&apos;s user list.</source>
        <translation>Nicht in der Benutzerliste der Organisation.</translation>
    </message>
</context>
<context>
    <name>rota::PersonDetails</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>the contact methods</source>
        <translation>Die Kontaktmethoden</translation>
    </message>
    <message>
        <source>the teams</source>
        <translation>Die Teams</translation>
    </message>
    <message>
        <source>the escalation policies</source>
        <translation>Die Eskalationsrichtlinien</translation>
    </message>
    <message>
        <source>the on-call schedule</source>
        <translation>Die Bereitschaftszeiten</translation>
    </message>
</context>
<context>
    <name>rota::PersonHover</name>
    <message>
        <source>Show person</source>
        <translation>Person anzeigen</translation>
    </message>
    <message>
        <source>Show who is in the current row (Ctrl+I)</source>
        <translation>Person in der aktuellen Zeile anzeigen (Strg+I)</translation>
    </message>
</context>
<context>
    <name>rota::Phase</name>
    <message>
        <source>Triggered</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>rota::PlaceholderPage</name>
    <message>
        <source>This view is not built yet.</source>
        <translation>Diese Ansicht ist noch nicht fertig.</translation>
    </message>
</context>
<context>
    <name>rota::PolicyPalette</name>
    <message>
        <source>Contact methods to drag onto a step</source>
        <translation>Kontaktmethoden zum Ziehen auf eine Stufe</translation>
    </message>
    <message>
        <source>Drag onto a step:</source>
        <translation>Auf eine Stufe ziehen:</translation>
    </message>
    <message>
        <source>Enter adds it to the step chosen in the policy (as a new step when none is); or drag it onto a step</source>
        <translation>Eingabetaste: zur in der Richtlinie gewählten Stufe hinzufügen (als neue Stufe, wenn keine gewählt ist); oder auf eine Stufe ziehen</translation>
    </message>
    <message>
        <source>Add to the chosen step</source>
        <translation>Zur gewählten Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Up and Down choose a contact; Enter adds it to the step chosen in the policy</source>
        <translation>Pfeil nach oben und Pfeil nach unten wählen einen Kontakt; die Eingabetaste fügt ihn der in der Richtlinie gewählten Stufe hinzu</translation>
    </message>
</context>
<context>
    <name>rota::PolicyStepCanvas</name>
    <message>
        <source>Step %1 — %2</source>
        <translation>Stufe %1 — %2</translation>
    </message>
    <message>
        <source>Pages no one yet</source>
        <translation>Alarmiert noch niemanden</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Alarmiert: %1</translation>
    </message>
    <message>
        <source>Contact %1 of %2 in step %3</source>
        <translation>Kontakt %1 von %2 in Stufe %3</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Stufe nach oben</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Stufe nach unten</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Nach rechts</translation>
    </message>
    <message>
        <source>Move to the step before</source>
        <translation>In die vorherige Stufe verschieben</translation>
    </message>
    <message>
        <source>Move to the step after</source>
        <translation>In die nächste Stufe verschieben</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Stufe entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Moves the step one place, as dragging it does</source>
        <translation>Verschiebt die Stufe um eine Position, wie beim Ziehen</translation>
    </message>
    <message>
        <source>Moves the contact one place within its step</source>
        <translation>Verschiebt den Kontakt innerhalb seiner Stufe um eine Position</translation>
    </message>
    <message>
        <source>Moves the contact to the end of the neighbouring step</source>
        <translation>Verschiebt den Kontakt ans Ende der benachbarten Stufe</translation>
    </message>
    <message>
        <source>Removes it, as dropping it on the trash does</source>
        <translation>Entfernt das Element, wie das Ablegen im Papierkorb</translation>
    </message>
    <message>
        <source>Adds the contact at the end of this step</source>
        <translation>Fügt den Kontakt am Ende dieser Stufe hinzu</translation>
    </message>
    <message>
        <source>Paging policy steps</source>
        <translation>Stufen der Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>Arrow keys choose a step or a contact, Alt+arrows move it, Delete removes it, Insert adds a step, the Menu key offers the rest</source>
        <translation>Pfeiltasten wählen eine Stufe oder einen Kontakt, Alt+Pfeiltasten verschieben ihn, Entf entfernt ihn, Einfg fügt eine Stufe hinzu, die Menütaste bietet weitere Aktionen</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>No steps: nobody is paged. Drag a contact below to make the first step.</source>
        <translation>Keine Stufen: Niemand wird alarmiert. Ziehen Sie einen Kontakt in den Bereich darunter, um die erste Stufe anzulegen.</translation>
    </message>
    <message>
        <source>No rules: this step notifies no one. Drop a contact here.</source>
        <translation>Keine Regeln: Diese Stufe benachrichtigt niemanden. Legen Sie hier einen Kontakt ab.</translation>
    </message>
    <message>
        <source>+ Drop a contact here for a new step (or press Insert)</source>
        <translation>+ Kontakt hier ablegen für eine neue Stufe (oder Einfg drücken)</translation>
    </message>
    <message>
        <source>✕ Already in step %1</source>
        <translation>✕ Bereits in Stufe %1</translation>
    </message>
    <message>
        <source>(no contact methods)</source>
        <translation>(keine Kontaktmethoden)</translation>
    </message>
    <message>
        <source>%1 (already in this step)</source>
        <translation>%1 (bereits in dieser Stufe)</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>New step with contact</source>
        <translation>Neue Stufe mit Kontakt</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Kontakt hinzufügen…</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Wiederholen alle</translation>
    </message>
    <message>
        <source>Then wait</source>
        <translation>Dann warten</translation>
    </message>
    <message>
        <source>Move to place</source>
        <translation>An Position verschieben</translation>
    </message>
    <message>
        <source>Add step below</source>
        <translation>Stufe darunter hinzufügen</translation>
    </message>
    <message>
        <source>Remove step %1</source>
        <translation>Stufe %1 entfernen</translation>
    </message>
    <message>
        <source>Move to step</source>
        <translation>In Stufe verschieben</translation>
    </message>
    <message>
        <source>Change to</source>
        <translation>Ändern in</translation>
    </message>
</context>
<context>
    <name>rota::PolicyStyle</name>
    <message>
        <source>then wait %1 before step %2</source>
        <translation>dann %1 warten bis Stufe %2</translation>
    </message>
    <message>
        <source>repeats until someone acknowledges</source>
        <translation>wiederholt sich, bis jemand bestätigt</translation>
    </message>
    <message>
        <source>repeats every %1 until someone acknowledges</source>
        <translation>wiederholt sich alle %1, bis jemand bestätigt</translation>
    </message>
</context>
<context>
    <name>rota::PolicyTrash</name>
    <message>
        <source>Remove: drop a step or a rule here</source>
        <translation>Entfernen: Stufe oder Regel hier ablegen</translation>
    </message>
    <message>
        <source>Drop here to remove</source>
        <translation>Zum Entfernen hier ablegen</translation>
    </message>
    <message>
        <source>With the keyboard: choose the step or contact in the policy and press Delete</source>
        <translation>Mit der Tastatur: Stufe oder Kontakt in der Richtlinie wählen und Entf drücken</translation>
    </message>
</context>
<context>
    <name>rota::QuickActions</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Acknowledging %1…</source>
        <translation>Wird bestätigt: %1…</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>Wird gelöst: %1…</translation>
    </message>
    <message>
        <source>Rerouting %1…</source>
        <translation>Wird umgeleitet: %1…</translation>
    </message>
    <message>
        <source>Acknowledging the incidents paging you…</source>
        <translation>Incidents, die Sie alarmieren, werden bestätigt…</translation>
    </message>
    <message>
        <source>Resolving the incidents paging you…</source>
        <translation>Incidents, die Sie alarmieren, werden gelöst…</translation>
    </message>
    <message>
        <source>%1 acknowledged</source>
        <translation>%1 bestätigt</translation>
    </message>
    <message>
        <source>%1 resolved</source>
        <translation>%1 gelöst</translation>
    </message>
    <message>
        <source>%1 rerouted</source>
        <translation>%1 umgeleitet</translation>
    </message>
    <message>
        <source>Could not acknowledge %1</source>
        <translation>Bestätigen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not resolve %1</source>
        <translation>Lösen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not reroute %1</source>
        <translation>Umleiten von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not acknowledge the incidents paging you</source>
        <translation>Die Incidents, die Sie alarmieren, konnten nicht bestätigt werden</translation>
    </message>
    <message>
        <source>Could not resolve the incidents paging you</source>
        <translation>Die Incidents, die Sie alarmieren, konnten nicht gelöst werden</translation>
    </message>
    <message>
        <source>#%1 is busy with another action; try again in a moment.</source>
        <translation>#%1 ist mit einer anderen Aktion beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>#%1 is already resolved.</source>
        <translation>#%1 ist bereits gelöst.</translation>
    </message>
    <message>
        <source>#%1 is already acknowledged.</source>
        <translation>#%1 ist bereits bestätigt.</translation>
    </message>
    <message>
        <source>Rota is not signed in to Splunk On-Call.</source>
        <translation>Rota ist nicht bei Splunk On-Call angemeldet.</translation>
    </message>
    <message>
        <source>There was nothing to send.</source>
        <translation>Es gab nichts zu senden.</translation>
    </message>
    <message>
        <source>Nothing to do for %1</source>
        <translation>Nichts zu tun für %1</translation>
    </message>
    <message>
        <source>Paging %1 %2.</source>
        <translation>Alarmiert %2 %1.</translation>
    </message>
    <message>
        <source>as well</source>
        <translation>zusätzlich</translation>
    </message>
    <message>
        <source>instead</source>
        <translation>stattdessen</translation>
    </message>
    <message>
        <source>With the message “%1”.</source>
        <translation>Mit der Nachricht „%1“.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>Rota</translation>
    </message>
    <message>
        <source>%1: not confirmed yet</source>
        <translation>%1: noch ohne Rückmeldung</translation>
    </message>
    <message>
        <source>Splunk On-Call did not say why.</source>
        <translation>Splunk On-Call hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>It still pages those it paged before.</source>
        <translation>Es alarmiert weiterhin die zuvor Alarmierten.</translation>
    </message>
    <message>
        <source>They still page those they paged before.</source>
        <translation>Sie alarmieren weiterhin die zuvor Alarmierten.</translation>
    </message>
    <message>
        <source>It is still %1.</source>
        <translation>Es ist weiterhin %1.</translation>
    </message>
    <message>
        <source>#%1 is still %2.</source>
        <translation>#%1 ist weiterhin %2.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Now paging %1.</source>
        <translation>Alarmiert jetzt %1.</translation>
    </message>
    <message>
        <source>Nothing paging you was left to acknowledge</source>
        <translation>Nichts, was Sie alarmiert, war noch zu bestätigen</translation>
    </message>
    <message>
        <source>Nothing paging you was left to resolve</source>
        <translation>Nichts, was Sie alarmiert, war noch zu lösen</translation>
    </message>
    <message>
        <source>The organisation&apos;s users and escalation policies are not available.</source>
        <translation>Die Benutzer und Eskalationsrichtlinien der Organisation sind nicht verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n incidents</source>
        <translation>
            <numerusform>%n Incident</numerusform>
            <numerusform>%n Incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::QuickRerouteDialog</name>
    <message>
        <source>&amp;Keep paging those paged now</source>
        <translation>Bisher Alarmierte &amp;weiterhin alarmieren</translation>
    </message>
    <message>
        <source>Reroute #%1</source>
        <translation>#%1 umleiten</translation>
    </message>
    <message>
        <source>Page instead, for %1:</source>
        <translation>Für %1 stattdessen alarmieren:</translation>
    </message>
    <message>
        <source>Search users and escalation policies</source>
        <translation>Benutzer und Eskalationsrichtlinien durchsuchen</translation>
    </message>
    <message>
        <source>Reroute</source>
        <translation>Umleiten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Escalation policies</source>
        <translation>Eskalationsrichtlinien</translation>
    </message>
    <message>
        <source>Escalation policy %1</source>
        <translation>Eskalationsrichtlinie %1</translation>
    </message>
    <message>
        <source>Loading users and escalation policies…</source>
        <translation>Benutzer und Eskalationsrichtlinien werden geladen…</translation>
    </message>
    <message>
        <source>No user or escalation policy matches “%1”.</source>
        <translation>Kein Benutzer und keine Eskalationsrichtlinie passt zu „%1“.</translation>
    </message>
    <message>
        <source>Pick a user or escalation policy to page: type a name, then Enter.</source>
        <translation>Wählen Sie einen Benutzer oder eine Eskalationsrichtlinie zum Alarmieren: Namen eingeben und die Eingabetaste drücken.</translation>
    </message>
    <message numerus="yes">
        <source>Reroute %n incidents</source>
        <translation>
            <numerusform>%n Incident umleiten</numerusform>
            <numerusform>%n Incidents umleiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to reroute</source>
        <translation>Wohin umleiten</translation>
    </message>
</context>
<context>
    <name>rota::RefreshPace</name>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>%1 while you are on call</source>
        <translation>%1, solange Sie in Bereitschaft sind</translation>
    </message>
    <message>
        <source>%1 while an incident pages you</source>
        <translation>%1, solange ein Incident Sie alarmiert</translation>
    </message>
    <message>
        <source>%1 while you are on call and paged</source>
        <translation>%1, solange Sie in Bereitschaft sind und alarmiert werden</translation>
    </message>
</context>
<context>
    <name>rota::RemoveUserDialog</name>
    <message>
        <source>&amp;A user I choose:</source>
        <translation>&amp;Einen Benutzer meiner Wahl:</translation>
    </message>
    <message>
        <source>The organisation&apos;s first &amp;global admin</source>
        <translation>Den ersten &amp;globalen Administrator der Organisation</translation>
    </message>
    <message>
        <source>Each &amp;team&apos;s admin</source>
        <translation>Den Administrator des jeweiligen &amp;Teams</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Benutzer entfernen</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the organisation? This cannot be undone.</source>
        <translation>%1 (%2) aus der Organisation entfernen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Who takes their place in rotations and escalation policies?</source>
        <translation>Wer übernimmt die Plätze dieser Person in Rotationen und Eskalationsrichtlinien?</translation>
    </message>
    <message>
        <source>Search by name, username or e-mail</source>
        <translation>Nach Name, Benutzername oder E-Mail suchen</translation>
    </message>
    <message>
        <source>Reading which teams and escalation policies they are in…</source>
        <translation>Es wird geladen, in welchen Teams und Eskalationsrichtlinien die Person ist…</translation>
    </message>
    <message>
        <source>Their teams and escalation policies are not known.</source>
        <translation>Die Teams und Eskalationsrichtlinien der Person sind nicht bekannt.</translation>
    </message>
    <message>
        <source>They are in no team.</source>
        <translation>Die Person ist in keinem Team.</translation>
    </message>
    <message>
        <source>They are in one team: %1.</source>
        <translation>Die Person ist in einem Team: %1.</translation>
    </message>
    <message>
        <source>No escalation policy pages them.</source>
        <translation>Keine Eskalationsrichtlinie alarmiert die Person.</translation>
    </message>
    <message>
        <source>Escalation policies that page them: %1.</source>
        <translation>Eskalationsrichtlinien, die die Person alarmieren: %1.</translation>
    </message>
    <message>
        <source>the organisation&apos;s first global admin</source>
        <translation>den ersten globalen Administrator der Organisation</translation>
    </message>
    <message>
        <source>each team&apos;s admin (every team they are in needs an admin other than them, or nothing is removed)</source>
        <translation>den Administrator des jeweiligen Teams (jedes Team der Person braucht außer ihr einen Administrator, sonst wird nichts entfernt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose who takes their places in rotations and escalation policies.</source>
        <translation>Wählen Sie, wer die Plätze der Person in Rotationen und Eskalationsrichtlinien übernimmt.</translation>
    </message>
    <message>
        <source>Their places in rotations and escalation policies go to %1.</source>
        <translation>Die Plätze der Person in Rotationen und Eskalationsrichtlinien gehen an %1.</translation>
    </message>
    <message numerus="yes">
        <source>They are in %n teams: %1.</source>
        <translation>
            <numerusform>Die Person ist in %n Team: %1.</numerusform>
            <numerusform>Die Person ist in %n Teams: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search for who takes over</source>
        <translation>Suchen, wer übernimmt</translation>
    </message>
    <message>
        <source>Who takes over</source>
        <translation>Wer übernimmt</translation>
    </message>
</context>
<context>
    <name>rota::ReportPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>%1: table</source>
        <translation>%1: Tabelle</translation>
    </message>
    <message>
        <source>Write this table to a CSV file</source>
        <translation>Diese Tabelle in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
</context>
<context>
    <name>rota::ReportsView</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Incidents over time</source>
        <translation>Incidents im Zeitverlauf</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Aufkommen</translation>
    </message>
    <message>
        <source>Time to acknowledge and to resolve, per week</source>
        <translation>Zeit bis zur Bestätigung und bis zur Lösung, pro Woche</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Reaktionszeiten</translation>
    </message>
    <message>
        <source>Incidents by team</source>
        <translation>Incidents nach Team</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Nach Team</translation>
    </message>
    <message>
        <source>Incidents by routing key</source>
        <translation>Incidents nach Routing-Schlüssel</translation>
    </message>
    <message>
        <source>By routing key</source>
        <translation>Nach Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Incidents by service</source>
        <translation>Incidents nach Service</translation>
    </message>
    <message>
        <source>By service</source>
        <translation>Nach Service</translation>
    </message>
    <message>
        <source>Noisiest hosts</source>
        <translation>Häufigste Hosts</translation>
    </message>
    <message>
        <source>Noisiest services</source>
        <translation>Häufigste Services</translation>
    </message>
    <message>
        <source>Incidents by hour and weekday (local time)</source>
        <translation>Incidents nach Uhrzeit und Wochentag (Ortszeit)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uhrzeiten</translation>
    </message>
    <message>
        <source>My numbers</source>
        <translation>Meine Zahlen</translation>
    </message>
    <message>
        <source>The history could not be saved: %1</source>
        <translation>Der Verlauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The stored history was written by a newer Rota; it is left as it is and not read.</source>
        <translation>Der gespeicherte Verlauf wurde von einer neueren Rota-Version geschrieben; er bleibt unverändert und wird nicht gelesen.</translation>
    </message>
    <message>
        <source>The stored history cannot be opened.</source>
        <translation>Der gespeicherte Verlauf kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Search number, summary, host, service, routing key (Ctrl+F)</source>
        <translation>Nummer, Zusammenfassung, Host, Service, Routing-Schlüssel durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>Only incidents that paged this team</source>
        <translation>Nur Incidents, die dieses Team alarmiert haben</translation>
    </message>
    <message>
        <source>All routing keys</source>
        <translation>Alle Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Only incidents with this routing key</source>
        <translation>Nur Incidents mit diesem Routing-Schlüssel</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Services</translation>
    </message>
    <message>
        <source>Only incidents of this service</source>
        <translation>Nur Incidents dieses Services</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Only incidents of this host</source>
        <translation>Nur Incidents dieses Hosts</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>Open (not resolved)</source>
        <translation>Offen (nicht gelöst)</translation>
    </message>
    <message>
        <source>Only incidents in this phase now</source>
        <translation>Nur Incidents, die jetzt in dieser Phase sind</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>All stored</source>
        <translation>Alle gespeicherten</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>Incidents started in this time</source>
        <translation>Incidents, die in diesem Zeitraum begonnen haben</translation>
    </message>
    <message>
        <source>Started on or after this day</source>
        <translation>An oder nach diesem Tag begonnen</translation>
    </message>
    <message>
        <source>Started on or before this day</source>
        <translation>An oder vor diesem Tag begonnen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Show every stored incident of the last 30 days</source>
        <translation>Alle gespeicherten Incidents der letzten 30 Tage anzeigen</translation>
    </message>
    <message>
        <source>incidents of this search paged you.</source>
        <translation>Incidents dieser Suche haben Sie alarmiert.</translation>
    </message>
    <message>
        <source>of them started at night, between 22:00 and 07:00.</source>
        <translation>davon begannen nachts, zwischen 22:00 und 07:00 Uhr.</translation>
    </message>
    <message>
        <source>you acknowledged first.</source>
        <translation>davon haben Sie vor allen anderen bestätigt.</translation>
    </message>
    <message>
        <source>you resolved.</source>
        <translation>davon haben Sie gelöst.</translation>
    </message>
    <message>
        <source>on call this month, by your teams&apos; shift logs.</source>
        <translation>Bereitschaft in diesem Monat, laut den Schichtprotokollen Ihrer Teams.</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2; narrow the search to see the others.</source>
        <translation>Die neuesten %1 von %2 werden angezeigt; grenzen Sie die Suche ein, um die übrigen zu sehen.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>routing keys</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>%1 of %2 stored incidents match</source>
        <translation>%1 von %2 gespeicherten Incidents passen</translation>
    </message>
    <message>
        <source>Searched with every figure in %1 ms</source>
        <translation>Suche samt aller Kennzahlen in %1 ms</translation>
    </message>
    <message>
        <source>The history is being read; the first page arrives within a minute.</source>
        <translation>Der Verlauf wird gelesen; die erste Seite kommt innerhalb einer Minute.</translation>
    </message>
    <message>
        <source>No stored incident matches; clear the search.</source>
        <translation>Kein gespeichertes Incident passt; setzen Sie die Suche zurück.</translation>
    </message>
    <message>
        <source>The history is read in the background once you are signed in.</source>
        <translation>Der Verlauf wird im Hintergrund gelesen, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Nothing is being read</source>
        <translation>Es wird nichts gelesen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go on reading the history (Ctrl+P)</source>
        <translation>Lesen des Verlaufs fortsetzen (Strg+P)</translation>
    </message>
    <message>
        <source>Stop reading the history for now (Ctrl+P)</source>
        <translation>Lesen des Verlaufs vorerst anhalten (Strg+P)</translation>
    </message>
    <message>
        <source>Search stored incidents</source>
        <translation>Gespeicherte Incidents durchsuchen</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Stored incidents</source>
        <translation>Gespeicherte Incidents</translation>
    </message>
</context>
<context>
    <name>rota::RerouteDialog</name>
    <message>
        <source>Add to the current targets (keep paging those paged now)</source>
        <translation>Zu den bisherigen Zielen hinzufügen (die jetzt Alarmierten weiter alarmieren)</translation>
    </message>
    <message>
        <source>Reroute incident #%1</source>
        <translation>Incident #%1 umleiten</translation>
    </message>
    <message numerus="yes">
        <source>Reroute %n incident(s)</source>
        <translation>
            <numerusform>%n Incident umleiten</numerusform>
            <numerusform>%n Incidents umleiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Page these users and escalation policies for %1 instead of those paged now.</source>
        <translation>Diese Benutzer und Eskalationsrichtlinien für %1 alarmieren statt der jetzt alarmierten.</translation>
    </message>
    <message>
        <source>Reroute</source>
        <translation>Umleiten</translation>
    </message>
    <message>
        <source>Tick at least one user or escalation policy to page.</source>
        <translation>Wählen Sie mindestens einen Benutzer oder eine Eskalationsrichtlinie zum Alarmieren aus.</translation>
    </message>
    <message>
        <source>These incidents are busy with another action; try again in a moment.</source>
        <translation>Für diese Incidents läuft gerade eine andere Aktion; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>rota::ResolveAllQuestion</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve all paging you</source>
        <translation>Alle lösen, die Sie alarmieren</translation>
    </message>
    <message>
        <source>Resolve the incident paging you?</source>
        <translation>Das Incident lösen, das Sie alarmiert?</translation>
    </message>
    <message numerus="yes">
        <source>Resolve the %n incidents paging you?</source>
        <translation>
            <numerusform>Das %n Incident lösen, das Sie alarmiert?</numerusform>
            <numerusform>Die %n Incidents lösen, die Sie alarmieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolving tells Splunk On-Call that the problem is over: it stops paging everyone for these incidents, including any that paged you and Rota has not loaded yet. It cannot be undone.</source>
        <translation>Lösen teilt Splunk On-Call mit, dass das Problem behoben ist: Für diese Incidents wird danach niemand mehr alarmiert, auch nicht für solche, die Sie alarmiert haben und die Rota noch nicht geladen hat. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incident(s)</source>
        <translation>
            <numerusform>%n Incident lösen</numerusform>
            <numerusform>%n Incidents lösen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::RotationsController</name>
    <message>
        <source>Rotation groups can be changed once the team&apos;s are read.</source>
        <translation>Rotationsgruppen können geändert werden, sobald die des Teams geladen sind.</translation>
    </message>
    <message>
        <source>Only the team&apos;s admins can change its rotation groups; you can see them.</source>
        <translation>Nur die Administratoren des Teams können seine Rotationsgruppen ändern; Sie können sie ansehen.</translation>
    </message>
    <message>
        <source>Could not read the team&apos;s %1: %2</source>
        <translation>Die %1 des Teams konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>rotation groups</source>
        <translation>Rotationsgruppen</translation>
    </message>
    <message>
        <source>members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>admins</source>
        <translation>Administratoren</translation>
    </message>
    <message>
        <source>This API key may only read: rotation groups cannot be changed with it.</source>
        <translation>Dieser API-Schlüssel hat nur Lesezugriff: Rotationsgruppen lassen sich damit nicht ändern.</translation>
    </message>
    <message>
        <source>Another change is still being saved; try again then.</source>
        <translation>Eine andere Änderung wird noch gespeichert; versuchen Sie es danach erneut.</translation>
    </message>
    <message>
        <source>putting %1 on a rotation shift</source>
        <translation>Einteilen von %1 in eine Rotationsschicht</translation>
    </message>
    <message>
        <source>%1 is scheduled on the shift now.</source>
        <translation>%1 ist jetzt für die Schicht eingeteilt.</translation>
    </message>
    <message>
        <source>Could not put %1 on the shift: %2</source>
        <translation>%1 konnte nicht für die Schicht eingeteilt werden: %2</translation>
    </message>
    <message>
        <source>creating rotation group &apos;%1&apos;</source>
        <translation>Erstellen der Rotationsgruppe „%1“</translation>
    </message>
    <message>
        <source>Created rotation group &apos;%1&apos;.</source>
        <translation>Rotationsgruppe „%1“ erstellt.</translation>
    </message>
    <message>
        <source>Could not create rotation group &apos;%1&apos;: %2</source>
        <translation>Rotationsgruppe „%1“ konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>deleting rotation group &apos;%1&apos;</source>
        <translation>Löschen der Rotationsgruppe „%1“</translation>
    </message>
    <message>
        <source>Deleted rotation group &apos;%1&apos;.</source>
        <translation>Rotationsgruppe „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Could not delete rotation group &apos;%1&apos;: %2</source>
        <translation>Rotationsgruppe „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>rota::RotationsPanel</name>
    <message>
        <source>Set &amp;scheduled…</source>
        <translation>&amp;Einteilung festlegen…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rotation groups</source>
        <translation>Rotationsgruppen</translation>
    </message>
    <message>
        <source>Rotation groups, their shifts and members</source>
        <translation>Rotationsgruppen mit ihren Schichten und Mitgliedern</translation>
    </message>
    <message>
        <source>Put another member of the selected shift on it now</source>
        <translation>Jetzt ein anderes Mitglied der ausgewählten Schicht einteilen</translation>
    </message>
    <message>
        <source>Create a rotation group with one shift</source>
        <translation>Eine Rotationsgruppe mit einer Schicht erstellen</translation>
    </message>
    <message>
        <source>Delete the selected rotation group (asked first)</source>
        <translation>Die ausgewählte Rotationsgruppe löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Set scheduled…</source>
        <translation>Einteilung festlegen…</translation>
    </message>
    <message>
        <source>Delete rotation group…</source>
        <translation>Rotationsgruppe löschen…</translation>
    </message>
    <message>
        <source>Pick a team to see its rotation groups.</source>
        <translation>Wählen Sie ein Team, um seine Rotationsgruppen zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This team has no rotation groups.</source>
        <translation>Dieses Team hat keine Rotationsgruppen.</translation>
    </message>
    <message>
        <source>No shifts</source>
        <translation>Keine Schichten</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 — on now</source>
        <translation>%1 — jetzt in Bereitschaft</translation>
    </message>
    <message>
        <source>No members</source>
        <translation>Keine Mitglieder</translation>
    </message>
    <message>
        <source>Delete rotation group</source>
        <translation>Rotationsgruppe löschen</translation>
    </message>
    <message>
        <source>Delete rotation group &apos;%1&apos; with its shifts? Escalation policies that page it must be changed first.</source>
        <translation>Rotationsgruppe „%1“ mit ihren Schichten löschen? Eskalationsrichtlinien, die sie alarmieren, müssen zuerst geändert werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
</context>
<context>
    <name>rota::RoutingKeyModel</name>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>Im Wartungsmodus</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing-Schlüssel</translation>
    </message>
    <message>
        <source>Escalation policies</source>
        <translation>Eskalationsrichtlinien</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
</context>
<context>
    <name>rota::ScheduleModel</name>
    <message>
        <source>Escalation policy</source>
        <translation>Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>On call now</source>
        <translation>Jetzt in Bereitschaft</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Overrides · %1</source>
        <translation>Vertretungen · %1</translation>
    </message>
    <message>
        <source>Overrides · %1 (%2)</source>
        <translation>Vertretungen · %1 (%2)</translation>
    </message>
</context>
<context>
    <name>rota::ScheduleTimeline</name>
    <message>
        <source>Schedule timeline</source>
        <translation>Zeitachse des Dienstplans</translation>
    </message>
    <message>
        <source>Fixed user</source>
        <translation>Fester Benutzer</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>Stufe %1 · %2</translation>
    </message>
    <message>
        <source>Nobody covers</source>
        <translation>Niemand übernimmt</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Ortszeit (%1)</translation>
    </message>
    <message>
        <source>Your shifts</source>
        <translation>Ihre Schichten</translation>
    </message>
    <message>
        <source>No schedule to show.</source>
        <translation>Kein Dienstplan anzuzeigen.</translation>
    </message>
    <message>
        <source>Nobody covers this override: %1 is away, and stays on call here until someone stands in</source>
        <translation>Niemand übernimmt diese Vertretung: %1 ist abwesend und bleibt hier in Bereitschaft, bis jemand einspringt</translation>
    </message>
    <message>
        <source>%1 stands in: override for %2</source>
        <translation>%1 springt ein: Vertretung für %2</translation>
    </message>
    <message>
        <source>Nobody on call</source>
        <translation>Niemand in Bereitschaft</translation>
    </message>
    <message>
        <source>%1 on call (override)</source>
        <translation>%1 in Bereitschaft (Vertretung)</translation>
    </message>
    <message>
        <source>%1 on call: override for %2</source>
        <translation>%1 in Bereitschaft: Vertretung für %2</translation>
    </message>
    <message>
        <source>%1 on call</source>
        <translation>%1 in Bereitschaft</translation>
    </message>
    <message>
        <source>Your shift</source>
        <translation>Ihre Schicht</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Arrow keys move between shifts, Ctrl+Left and Ctrl+Right a day, Page Up and Page Down the days shown, Home to today; the Menu key acts on the shift</source>
        <translation>Pfeiltasten wechseln zwischen Schichten, Strg+Pfeil nach links und Strg+Pfeil nach rechts um einen Tag, Bild-auf und Bild-ab um die angezeigten Tage, Pos1 zu heute; die Menütaste öffnet Aktionen für die Schicht</translation>
    </message>
    <message>
        <source>Rows of the timeline</source>
        <translation>Zeilen der Zeitachse</translation>
    </message>
</context>
<context>
    <name>rota::SchedulesPage</name>
    <message>
        <source>&amp;Schedules</source>
        <translation>&amp;Dienstpläne</translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation>&amp;Vertretungen</translation>
    </message>
</context>
<context>
    <name>rota::SchedulesView</name>
    <message>
        <source>Rotation groups</source>
        <translation>Rotationsgruppen</translation>
    </message>
    <message>
        <source>&amp;My schedule</source>
        <translation>&amp;Mein Dienstplan</translation>
    </message>
    <message>
        <source>Pick a team to see its schedule.</source>
        <translation>Wählen Sie ein Team, um seinen Dienstplan zu sehen.</translation>
    </message>
    <message>
        <source>Search teams</source>
        <translation>Teams durchsuchen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>One day back (Ctrl+Left; Page Up: one span)</source>
        <translation>Einen Tag zurück (Strg+Pfeil nach links; Bild-auf: ein Zeitraum)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Start at today (Home)</source>
        <translation>Ab heute anzeigen (Pos1)</translation>
    </message>
    <message>
        <source>One day forward (Ctrl+Right; Page Down: one span)</source>
        <translation>Einen Tag vor (Strg+Pfeil nach rechts; Bild-ab: ein Zeitraum)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 Wochen</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Team&apos;s time zone</source>
        <translation>Zeitzone des Teams</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Draw days and hours in local time or in the team&apos;s own zone</source>
        <translation>Tage und Stunden in Ortszeit oder in der Zeitzone des Teams darstellen</translation>
    </message>
    <message>
        <source>Team&apos;s zone (%1)</source>
        <translation>Zeitzone des Teams (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>The service only shows schedules from now on. Past shifts are in Reports.</source>
        <translation>Der Dienst zeigt Dienstpläne nur ab jetzt. Vergangene Schichten finden Sie unter Berichte.</translation>
    </message>
    <message>
        <source>The service shows schedules up to 90 days ahead.</source>
        <translation>Der Dienst zeigt Dienstpläne bis zu 90 Tage im Voraus.</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>Dienstplan wird geladen…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This team has no rotation groups.</source>
        <translation>Dieses Team hat keine Rotationsgruppen.</translation>
    </message>
    <message>
        <source>Could not load the schedule: %1</source>
        <translation>Der Dienstplan konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Nobody is scheduled in these days.</source>
        <translation>In diesem Zeitraum ist niemand eingeplant.</translation>
    </message>
    <message>
        <source>On %1, nobody stands in, so %2 stays on call there.</source>
        <translation>Bei %1 springt niemand ein, daher bleibt %2 dort in Bereitschaft.</translation>
    </message>
    <message>
        <source>%1 stands in already; change that on the Overrides tab.</source>
        <translation>%1 springt bereits ein; ändern Sie das auf der Registerkarte Vertretungen.</translation>
    </message>
    <message>
        <source>Nobody is on call in this shift to stand in for.</source>
        <translation>In dieser Schicht hat niemand Bereitschaft, für den man einspringen könnte.</translation>
    </message>
    <message>
        <source>This is your shift.</source>
        <translation>Das ist Ihre Schicht.</translation>
    </message>
    <message>
        <source>This shift is over.</source>
        <translation>Diese Schicht ist vorbei.</translation>
    </message>
    <message>
        <source>Covering is not available here.</source>
        <translation>Übernehmen ist hier nicht möglich.</translation>
    </message>
    <message>
        <source>This override is not read yet; see the Overrides tab.</source>
        <translation>Diese Vertretung ist noch nicht geladen; siehe Registerkarte Vertretungen.</translation>
    </message>
    <message>
        <source>The shift changed meanwhile; look again.</source>
        <translation>Die Schicht hat sich inzwischen geändert; sehen Sie noch einmal nach.</translation>
    </message>
    <message>
        <source>Cover a shift on its rotation&apos;s row.</source>
        <translation>Übernehmen Sie eine Schicht in der Zeile ihrer Rotation.</translation>
    </message>
    <message>
        <source>&amp;Stand in for %1</source>
        <translation>Für %1 &amp;einspringen</translation>
    </message>
    <message>
        <source>&amp;Take this shift</source>
        <translation>Diese Schicht &amp;übernehmen</translation>
    </message>
    <message>
        <source>Cover for &amp;%1 h</source>
        <translation>Für &amp;%1 h übernehmen</translation>
    </message>
    <message>
        <source>Cover &amp;until…</source>
        <translation>Übernehmen &amp;bis…</translation>
    </message>
    <message>
        <source>&amp;Show who</source>
        <translation>Person &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Set sc&amp;heduled…</source>
        <translation>Ein&amp;teilung festlegen…</translation>
    </message>
    <message>
        <source>This rotation&apos;s shift is not among the team&apos;s rotation groups read.</source>
        <translation>Die Schicht dieser Rotation ist nicht unter den geladenen Rotationsgruppen des Teams.</translation>
    </message>
    <message>
        <source>Put another member of this shift on it now</source>
        <translation>Jetzt ein anderes Mitglied dieser Schicht einteilen</translation>
    </message>
    <message>
        <source>There is nothing of %1&apos;s shift left to cover.</source>
        <translation>Von der Schicht von %1 ist nichts mehr zu übernehmen.</translation>
    </message>
    <message>
        <source>Standing in for %1 on %2, %3…</source>
        <translation>Einspringen für %1 bei %2, %3…</translation>
    </message>
    <message>
        <source>Standing in for %1 on %2…</source>
        <translation>Einspringen für %1 bei %2…</translation>
    </message>
    <message>
        <source>Could not stand in: %1</source>
        <translation>Einspringen nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>rota::Screenshotter</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>rota::SecretStore</name>
    <message>
        <source>No key is kept for this account in this session.</source>
        <translation>Für dieses Konto ist in dieser Sitzung kein Schlüssel gespeichert.</translation>
    </message>
</context>
<context>
    <name>rota::SessionController</name>
    <message>
        <source>There is no system keychain to read the API key from.</source>
        <translation>Es gibt keinen Systemschlüsselbund, aus dem der API-Schlüssel gelesen werden kann.</translation>
    </message>
    <message>
        <source>The system keychain has no API key for &quot;%1&quot;. Enter the key again to sign in.</source>
        <translation>Der Systemschlüsselbund enthält keinen API-Schlüssel für „%1“. Geben Sie den Schlüssel erneut ein, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Rota could not read the API key of &quot;%1&quot; from the system keychain: %2
Unlock the keychain and pick the account again from the Account menu, or enter the key here.</source>
        <translation>Rota konnte den API-Schlüssel von „%1“ nicht aus dem Systemschlüsselbund lesen: %2
Entsperren Sie den Schlüsselbund und wählen Sie das Konto erneut im Menü Konto, oder geben Sie den Schlüssel hier ein.</translation>
    </message>
    <message>
        <source>Rota cannot use the extra certificate authority of &quot;%1&quot;: %2
Choose the file again under Advanced, or clear it to trust the system&apos;s certificate authorities only.</source>
        <translation>Rota kann die zusätzliche Zertifizierungsstelle von „%1“ nicht verwenden: %2
Wählen Sie die Datei unter Erweitert erneut aus, oder leeren Sie das Feld, um nur den Zertifizierungsstellen des Systems zu vertrauen.</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was removed, but its API key could not be deleted from the system keychain: %2
Delete the &quot;rota&quot; entry with your keychain manager.</source>
        <translation>„%1“ wurde entfernt, aber sein API-Schlüssel konnte nicht aus dem Systemschlüsselbund gelöscht werden: %2
Löschen Sie den Eintrag „rota“ mit Ihrer Schlüsselbundverwaltung.</translation>
    </message>
</context>
<context>
    <name>rota::SetScheduledDialog</name>
    <message>
        <source>Put on shift</source>
        <translation>In Schicht einteilen</translation>
    </message>
    <message>
        <source>Set scheduled</source>
        <translation>Einteilung festlegen</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>%1 (on now)</source>
        <translation>%1 (jetzt in Bereitschaft)</translation>
    </message>
    <message>
        <source>Who is on %1 from now? The rotation goes on from them in its order.</source>
        <translation>Wer übernimmt ab jetzt %1? Die Rotation geht von dieser Person aus in ihrer Reihenfolge weiter.</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>rota::Settings</name>
    <message>
        <source>The refresh interval must be between 15 seconds and 10 minutes.</source>
        <translation>Das Aktualisierungsintervall muss zwischen 15 Sekunden und 10 Minuten liegen.</translation>
    </message>
    <message>
        <source>The refresh interval while on call must be between 15 seconds and 10 minutes.</source>
        <translation>Das Aktualisierungsintervall während der Bereitschaft muss zwischen 15 Sekunden und 10 Minuten liegen.</translation>
    </message>
    <message>
        <source>Reminders must come every 1 to 60 minutes.</source>
        <translation>Erinnerungen müssen alle 1 bis 60 Minuten erfolgen.</translation>
    </message>
    <message>
        <source>Shift reminders must come 0 to 240 minutes ahead (0: none).</source>
        <translation>Schichterinnerungen müssen 0 bis 240 Minuten vorher erfolgen (0: keine).</translation>
    </message>
    <message>
        <source>Quiet hours need a start and an end time.</source>
        <translation>Ruhezeiten brauchen eine Start- und eine Endzeit.</translation>
    </message>
    <message>
        <source>Quiet hours must start and end at different times.</source>
        <translation>Ruhezeiten müssen zu unterschiedlichen Zeiten beginnen und enden.</translation>
    </message>
    <message>
        <source>Enter the proxy as host:port, e.g. proxy.example.com:3128.</source>
        <translation>Geben Sie den Proxy als Host:Port ein, z. B. proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>„%1“ ist kein Hostname und keine Adresse.</translation>
    </message>
    <message>
        <source>The proxy port must be a number from 1 to 65535.</source>
        <translation>Der Proxy-Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not create the folder of %1.</source>
        <translation>Der Ordner für %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>rota::SettingsDialog</name>
    <message>
        <source>Rota Settings</source>
        <translation>Rota-Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <source>While on call or &amp;paged:</source>
        <translation>&amp;Während Bereitschaft oder Alarmierung:</translation>
    </message>
    <message>
        <source>From 15 seconds to 10 minutes. Splunk On-Call allows most calls 60 times a minute per key; this bound keeps Rota&apos;s polling well inside the documented limits and leaves room for your actions. While you are on call or an incident pages you, Rota refreshes at the second pace.</source>
        <translation>15 Sekunden bis 10 Minuten. Splunk On-Call erlaubt die meisten Aufrufe 60-mal pro Minute und Schlüssel; diese Grenze hält die Abfragen von Rota deutlich innerhalb der dokumentierten Limits und lässt Spielraum für Ihre Aktionen. Während Sie Bereitschaft haben oder ein Incident Sie alarmiert, aktualisiert Rota im zweiten Intervall.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Incidents paging me</source>
        <translation>Incidents, die mich alarmieren</translation>
    </message>
    <message>
        <source>Incidents of my teams</source>
        <translation>Incidents meiner Teams</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Alle Incidents</translation>
    </message>
    <message>
        <source>&amp;Quiet hours from</source>
        <translation>&amp;Ruhezeiten von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>Until acknowledged while I am on call, else once</source>
        <translation>Bis zur Bestätigung, wenn ich Bereitschaft habe, sonst einmal</translation>
    </message>
    <message>
        <source>Until acknowledged</source>
        <translation>Bis zur Bestätigung</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Notify me of:</source>
        <translation>&amp;Benachrichtigen bei:</translation>
    </message>
    <message>
        <source>Quiet hours and a pause never silence an incident that pages you directly while you are on call. They silence the rest: incidents of your teams and all incidents.</source>
        <translation>Ruhezeiten und Pausen unterdrücken nie ein Incident, das Sie direkt alarmiert, während Sie Bereitschaft haben. Sie unterdrücken den Rest: Incidents Ihrer Teams und alle Incidents.</translation>
    </message>
    <message>
        <source>Remind me &amp;every:</source>
        <translation>Er&amp;innern alle:</translation>
    </message>
    <message>
        <source>&amp;Sound:</source>
        <translation>&amp;Ton:</translation>
    </message>
    <message>
        <source>An incident that pages you is notified again at this interval until it is acknowledged, resolved or rerouted.</source>
        <translation>Ein Incident, das Sie alarmiert, wird in diesem Abstand erneut gemeldet, bis es bestätigt, gelöst oder umgeleitet ist.</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min vorher</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Keep a ca&amp;lendar file:</source>
        <translation>Ka&amp;lenderdatei führen:</translation>
    </message>
    <message>
        <source>Cop&amp;y path</source>
        <translation>Pfad k&amp;opieren</translation>
    </message>
    <message>
        <source>Calendar apps can subscribe to this file: Rota rewrites it with your shifts of the next 30 days whenever they change.</source>
        <translation>Kalender-Apps können diese Datei abonnieren: Rota schreibt sie mit Ihren Schichten der nächsten 30 Tage neu, sobald sich diese ändern.</translation>
    </message>
    <message>
        <source>A notification this long before each of your shifts starts, and before it ends (to hand over).</source>
        <translation>Eine Benachrichtigung so lange vor Beginn jeder Ihrer Schichten und vor ihrem Ende (zur Übergabe).</translation>
    </message>
    <message>
        <source>My shifts</source>
        <translation>Meine Schichten</translation>
    </message>
    <message>
        <source>Remind me before they start and &amp;end:</source>
        <translation>Vor Beginn und &amp;Ende erinnern:</translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Start Rota when I &amp;log in</source>
        <translation>Rota bei der Anmel&amp;dung starten</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des S&amp;ystems verwenden</translation>
    </message>
    <message>
        <source>Ma&amp;nual proxy:</source>
        <translation>Ma&amp;nueller Proxy:</translation>
    </message>
    <message>
        <source>host:port, e.g. proxy.example.com:3128</source>
        <translation>Host:Port, z. B. proxy.example.com:3128</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificate authorities only</source>
        <translation>keine: nur die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Extra &amp;certificate authority:</source>
        <translation>Zusätzliche &amp;Zertifizierungsstelle:</translation>
    </message>
    <message>
        <source>Trust an extra certificate authority (PEM file) for this account: only where a company proxy inspects secure connections and signs them with its own authority. Rota never ignores a certificate it cannot trust.</source>
        <translation>Einer zusätzlichen Zertifizierungsstelle (PEM-Datei) für dieses Konto vertrauen: nur dort, wo ein Firmen-Proxy sichere Verbindungen prüft und mit einer eigenen Zertifizierungsstelle signiert. Rota ignoriert nie ein Zertifikat, dem es nicht vertrauen kann.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informationen</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>Log le&amp;vel:</source>
        <translation>Protokoll&amp;stufe:</translation>
    </message>
    <message>
        <source>API keys and IDs never appear in the log.</source>
        <translation>API-Schlüssel und -IDs erscheinen nie im Protokoll.</translation>
    </message>
    <message>
        <source>For the account “%1”.</source>
        <translation>Für das Konto „%1“.</translation>
    </message>
    <message>
        <source>Extra Certificate Authority</source>
        <translation>Zusätzliche Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The account was removed meanwhile.</source>
        <translation>Das Konto wurde inzwischen entfernt.</translation>
    </message>
</context>
<context>
    <name>rota::ShiftReminder</name>
    <message>
        <source>On call in %1 min: %2</source>
        <translation>Bereitschaft in %1 min: %2</translation>
    </message>
    <message>
        <source>Hand-over in %1 min: %2</source>
        <translation>Übergabe in %1 min: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Your shift for %1 starts at %2 and runs until %3.</source>
        <translation>Ihre Schicht für %1 beginnt um %2 und dauert bis %3.</translation>
    </message>
    <message>
        <source>You stand in for %1.</source>
        <translation>Sie springen für %1 ein.</translation>
    </message>
    <message>
        <source>Your shift for %1 ends at %2.</source>
        <translation>Ihre Schicht für %1 endet um %2.</translation>
    </message>
    <message>
        <source>Nothing is paging you.</source>
        <translation>Kein Incident alarmiert Sie.</translation>
    </message>
    <message>
        <source>Pass on your notes to whoever takes over: open Rota to add them to the incidents.</source>
        <translation>Geben Sie Ihre Notizen an Ihre Ablösung weiter: Öffnen Sie Rota, um sie zu den Incidents hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) (is|are) paging you.</source>
        <translation>
            <numerusform>%n Incident alarmiert Sie.</numerusform>
            <numerusform>%n Incidents alarmieren Sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n (is|are) acknowledged and still open.</source>
        <translation>
            <numerusform>%n ist bestätigt und noch offen.</numerusform>
            <numerusform>%n sind bestätigt und noch offen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::SignInDialog</name>
    <message>
        <source>Sign in to Splunk On-Call</source>
        <translation>Bei Splunk On-Call anmelden</translation>
    </message>
    <message>
        <source>Find the API ID and an API key in Splunk On-Call under Integrations › API. Rota keeps the key in your system keychain, never in a file.</source>
        <translation>Die API-ID und einen API-Schlüssel finden Sie in Splunk On-Call unter Integrations › API. Rota bewahrt den Schlüssel in Ihrem Systemschlüsselbund auf, nie in einer Datei.</translation>
    </message>
    <message>
        <source>your VictorOps username</source>
        <translation>Ihr VictorOps-Benutzername</translation>
    </message>
    <message>
        <source>the username</source>
        <translation>der Benutzername</translation>
    </message>
    <message>
        <source>optional, e.g. acme-corp</source>
        <translation>optional, z. B. acme-corp</translation>
    </message>
    <message>
        <source>The part after /ui/ in the address of the Splunk On-Call web app (portal.victorops.com/ui/acme-corp/…); you may paste the whole address. &quot;Open in Splunk On-Call&quot; opens incidents there.</source>
        <translation>Der Teil nach /ui/ in der Adresse der Web-App von Splunk On-Call (portal.victorops.com/ui/acme-corp/…); Sie können auch die ganze Adresse einfügen. „In Splunk On-Call öffnen“ öffnet Incidents dort.</translation>
    </message>
    <message>
        <source>API &amp;ID:</source>
        <translation>API-&amp;ID:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Organisation (web app):</source>
        <translation>&amp;Organisation (Web-App):</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Change it only for a proxy or a test server. Plain http:// is refused except to this computer: it would send the key unencrypted.</source>
        <translation>Nur für einen Proxy oder einen Testserver ändern. Unverschlüsseltes http:// wird abgelehnt, außer zu diesem Computer: Der Schlüssel würde unverschlüsselt gesendet.</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificate authorities only</source>
        <translation>keine: nur die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Trust an extra certificate authority (PEM file): only where a company proxy inspects secure connections and signs them with its own authority. Rota never ignores a certificate it cannot trust.</source>
        <translation>Einer zusätzlichen Zertifizierungsstelle (PEM-Datei) vertrauen: nur dort, wo ein Firmen-Proxy sichere Verbindungen prüft und mit einer eigenen Zertifizierungsstelle signiert. Rota ignoriert nie ein Zertifikat, dem es nicht vertrauen kann.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Extra &amp;certificate authority:</source>
        <translation>Zusätzliche &amp;Zertifizierungsstelle:</translation>
    </message>
    <message>
        <source>&amp;Keep the key in memory for this run only</source>
        <translation>Schlüssel nur für diese Sitzung im Speicher &amp;halten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Extra Certificate Authority</source>
        <translation>Zusätzliche Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the API ID.</source>
        <translation>Geben Sie die API-ID ein.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter your VictorOps username.</source>
        <translation>Geben Sie Ihren VictorOps-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;. Choose another account name.</source>
        <translation>Es gibt bereits ein Konto namens „%1“. Wählen Sie einen anderen Kontonamen.</translation>
    </message>
    <message>
        <source>&amp;Sign in read-only</source>
        <translation>Nur &amp;lesend anmelden</translation>
    </message>
    <message>
        <source>Splunk On-Call said: %1</source>
        <translation>Splunk On-Call meldet: %1</translation>
    </message>
    <message>
        <source>There is no place to keep the key.</source>
        <translation>Es gibt keinen Ort, an dem der Schlüssel aufbewahrt werden kann.</translation>
    </message>
    <message>
        <source>Keeping the key in memory…</source>
        <translation>Schlüssel wird im Arbeitsspeicher gehalten…</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Schlüssel wird im Systemschlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <source>Rota could not store the key in the system keychain: %1

You can keep the key in memory for this run only: Rota works until it quits, and asks for the key again next time. Nothing is written to disk.</source>
        <translation>Rota konnte den Schlüssel nicht im Systemschlüsselbund speichern: %1

Sie können den Schlüssel nur für diese Sitzung im Arbeitsspeicher halten: Rota funktioniert bis zum Beenden und fragt beim nächsten Start erneut nach dem Schlüssel. Es wird nichts auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>The keychain did not take the key.</source>
        <translation>Der Schlüsselbund hat den Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <source>Not signed in: the key was not stored.</source>
        <translation>Nicht angemeldet: Der Schlüssel wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>Tes&amp;t stoppen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>rota::SingleInstance</name>
    <message>
        <source>There is no runtime directory for the lock and the socket.</source>
        <translation>Es gibt kein Laufzeitverzeichnis für die Sperrdatei und den Socket.</translation>
    </message>
    <message>
        <source>Cannot use %1 for the lock and the socket: it is not a directory.</source>
        <translation>%1 kann nicht für die Sperrdatei und den Socket verwendet werden: Es ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>Cannot use %1 for the lock and the socket: it is not private to this user (it must be owned by them with mode 0700, it has mode %2).</source>
        <translation>%1 kann nicht für die Sperrdatei und den Socket verwendet werden: Es ist nicht privat für diesen Benutzer (es muss ihm gehören und den Modus 0700 haben, hat aber den Modus %2).</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation>Die Sperrdatei %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>Another Rota is running but does not answer on %1.</source>
        <translation>Eine andere Rota-Instanz läuft, antwortet aber nicht auf %1.</translation>
    </message>
</context>
<context>
    <name>rota::StakeholderDialog</name>
    <message>
        <source>%1 (team)</source>
        <translation>%1 (Team)</translation>
    </message>
    <message>
        <source>Notify stakeholders</source>
        <translation>Stakeholder benachrichtigen</translation>
    </message>
    <message>
        <source>Notify stakeholders about incident #%1</source>
        <translation>Stakeholder über Incident #%1 benachrichtigen</translation>
    </message>
    <message>
        <source>Tell people who follow this incident how it goes, without paging them. They get the title and the message.</source>
        <translation>Informieren Sie Personen, die dieses Incident verfolgen, über den Stand, ohne sie zu alarmieren. Sie erhalten den Titel und die Nachricht.</translation>
    </message>
    <message>
        <source>Incident #%1: %2</source>
        <translation>Incident #%1: %2</translation>
    </message>
    <message>
        <source>update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>What happened, what it means for them, when the next update comes</source>
        <translation>Was passiert ist, was es für sie bedeutet, wann das nächste Update kommt</translation>
    </message>
    <message>
        <source>Type a name, username or team, then Enter</source>
        <translation>Name, Benutzername oder Team eingeben, dann die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Take the selected recipients off the list (Delete)</source>
        <translation>Die ausgewählten Empfänger von der Liste nehmen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>Nobody and no team is called &quot;%1&quot;.</source>
        <translation>Keine Person und kein Team heißt „%1“.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Another message is on its way; wait for its answer.</source>
        <translation>Eine andere Nachricht ist unterwegs; warten Sie auf deren Antwort.</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>Every member of the teams gets it.</source>
        <translation>Alle Mitglieder der Teams erhalten sie.</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(keine Nachricht)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent. Change something to send another message.</source>
        <translation>Gesendet. Ändern Sie etwas, um eine weitere Nachricht zu senden.</translation>
    </message>
    <message>
        <source>The message is on its way.</source>
        <translation>Die Nachricht ist unterwegs.</translation>
    </message>
    <message>
        <source>Send it once to the people and teams listed (Ctrl+Return)</source>
        <translation>Einmal an die aufgeführten Personen und Teams senden (Strg+Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>rota::StakeholderMessenger</name>
    <message>
        <source>Choose at least one person or team to send the message to.</source>
        <translation>Wählen Sie mindestens eine Person oder ein Team als Empfänger.</translation>
    </message>
    <message>
        <source>Give the message a title.</source>
        <translation>Geben Sie der Nachricht einen Titel.</translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation>Schreiben Sie die Nachricht.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
    <message>
        <source>No answer came back (%1), so the message may or may not have reached %2. Ask one of them before sending it again.</source>
        <translation>Es kam keine Antwort (%1), daher ist unklar, ob die Nachricht %2 erreicht hat. Fragen Sie bei einem der Empfänger nach, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n (person|people)</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n Team</numerusform>
            <numerusform>%n Teams</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::TargetPicker</name>
    <message>
        <source>Loading users and escalation policies…</source>
        <translation>Benutzer und Eskalationsrichtlinien werden geladen…</translation>
    </message>
    <message>
        <source>Filter users and policies</source>
        <translation>Benutzer und Richtlinien filtern</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Escalation policies</source>
        <translation>Eskalationsrichtlinien</translation>
    </message>
</context>
<context>
    <name>rota::TeamMemberDropView</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
</context>
<context>
    <name>rota::TeamMemberRemoveDialog</name>
    <message>
        <source>Remove from team</source>
        <translation>Aus Team entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from %2?</source>
        <translation>%1 aus %2 entfernen?</translation>
    </message>
    <message>
        <source>&amp;Takes over the shifts:</source>
        <translation>&amp;Übernimmt die Schichten:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 leaves %2. %3 takes over %1&apos;s shifts in %2&apos;s rotations, so pages that would have reached %1 through them reach %3 instead. %1 stays in the organisation and in any other team.</source>
        <translation>%1 verlässt %2. %3 übernimmt die Schichten von %1 in den Rotationen von %2, sodass Alarmierungen, die %1 darüber erreicht hätten, stattdessen %3 erreichen. %1 bleibt in der Organisation und in allen anderen Teams.</translation>
    </message>
</context>
<context>
    <name>rota::TeamMembersModel</name>
    <message>
        <source>adding…</source>
        <translation>wird hinzugefügt…</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>%1 (%2): being added</source>
        <translation>%1 (%2): wird hinzugefügt</translation>
    </message>
    <message>
        <source>%1 (%2): member and admin of this team</source>
        <translation>%1 (%2): Mitglied und Administrator dieses Teams</translation>
    </message>
    <message>
        <source>%1 (%2): member of this team</source>
        <translation>%1 (%2): Mitglied dieses Teams</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>rota::TeamsController</name>
    <message>
        <source>Could not read the teams: %1</source>
        <translation>Die Teams konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the escalation policies: %1</source>
        <translation>Die Eskalationsrichtlinien konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the team&apos;s members: %1</source>
        <translation>Die Mitglieder des Teams konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the escalation policy: %1</source>
        <translation>Die Eskalationsrichtlinie konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>This API key may only read: changing escalation policies and team members needs a key with write access.</source>
        <translation>Dieser API-Schlüssel hat nur Lesezugriff: Zum Ändern von Eskalationsrichtlinien und Teammitgliedern ist ein Schlüssel mit Schreibzugriff nötig.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>%1 is already being added to or removed from %2: wait for that to finish.</source>
        <translation>%1 wird bereits zu %2 hinzugefügt oder daraus entfernt: Warten Sie, bis das abgeschlossen ist.</translation>
    </message>
    <message>
        <source>%1 is already a member of %2.</source>
        <translation>%1 ist bereits Mitglied von %2.</translation>
    </message>
    <message>
        <source>%1 is not a member of %2.</source>
        <translation>%1 ist kein Mitglied von %2.</translation>
    </message>
    <message>
        <source>Someone else on %1 has to take over %2&apos;s shifts: choose another member of the team.</source>
        <translation>Jemand anderes aus %1 muss die Schichten von %2 übernehmen: Wählen Sie ein anderes Mitglied des Teams.</translation>
    </message>
    <message>
        <source>No answer came whether %1 was added to %2: %3 Its members are read again to show how it stands.</source>
        <translation>Es kam keine Antwort, ob %1 zu %2 hinzugefügt wurde: %3 Die Mitglieder werden neu geladen, um den aktuellen Stand zu zeigen.</translation>
    </message>
    <message>
        <source>No answer came whether %1 was removed from %2: %3 Its members are read again to show how it stands.</source>
        <translation>Es kam keine Antwort, ob %1 aus %2 entfernt wurde: %3 Die Mitglieder werden neu geladen, um den aktuellen Stand zu zeigen.</translation>
    </message>
    <message>
        <source>Could not add %1 to %2: %3</source>
        <translation>%1 konnte nicht zu %2 hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>Could not remove %1 from %2: %3</source>
        <translation>%1 konnte nicht aus %2 entfernt werden: %3</translation>
    </message>
    <message>
        <source>Could not add %1 to %2: %3 %1 is not a member.</source>
        <translation>%1 konnte nicht zu %2 hinzugefügt werden: %3 %1 ist kein Mitglied.</translation>
    </message>
    <message>
        <source>Could not remove %1 from %2: %3 %1 is still a member.</source>
        <translation>%1 konnte nicht aus %2 entfernt werden: %3 %1 ist weiterhin Mitglied.</translation>
    </message>
</context>
<context>
    <name>rota::TeamsModel</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n member(s)</source>
        <translation>
            <numerusform>%1: %n Mitglied</numerusform>
            <numerusform>%1: %n Mitglieder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::TeamsView</name>
    <message>
        <source>Add members…</source>
        <translation>Mitglieder hinzufügen…</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>Aus Team entfernen…</translation>
    </message>
    <message>
        <source>Page team…</source>
        <translation>Team alarmieren…</translation>
    </message>
    <message>
        <source>New policy…</source>
        <translation>Neue Richtlinie…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Page…</source>
        <translation>Alarmieren…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Search teams</source>
        <translation>Teams durchsuchen</translation>
    </message>
    <message>
        <source>Read the teams and escalation policies again</source>
        <translation>Teams und Eskalationsrichtlinien neu laden</translation>
    </message>
    <message>
        <source>Show the people of the organisation, to drag onto a team</source>
        <translation>Die Personen der Organisation anzeigen, um sie auf ein Team zu ziehen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Personen hinzufügen</translation>
    </message>
    <message>
        <source>Escalation policies</source>
        <translation>Eskalationsrichtlinien</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Choose a team</source>
        <translation>Wählen Sie ein Team</translation>
    </message>
    <message>
        <source>No members yet: drag people here from Add members…</source>
        <translation>Noch keine Mitglieder: Personen hierher ziehen, über Mitglieder hinzufügen…</translation>
    </message>
    <message>
        <source>Drop people onto a team.</source>
        <translation>Legen Sie Personen auf einem Team ab.</translation>
    </message>
    <message>
        <source>%1 is the only member of %2: add someone who can take over %1&apos;s shifts before removing %1.</source>
        <translation>%1 ist das einzige Mitglied von %2: Fügen Sie jemanden hinzu, der die Schichten von %1 übernehmen kann, bevor Sie %1 entfernen.</translation>
    </message>
    <message>
        <source>%1 has no escalation policies, so there is nothing to page: create one first.</source>
        <translation>%1 hat keine Eskalationsrichtlinien, daher gibt es nichts zu alarmieren: Erstellen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>%1 alarmieren…</translation>
    </message>
    <message>
        <source>This team has no escalation policies to page</source>
        <translation>Dieses Team hat keine Eskalationsrichtlinien zum Alarmieren</translation>
    </message>
    <message>
        <source>This team has no escalation policies yet.</source>
        <translation>Dieses Team hat noch keine Eskalationsrichtlinien.</translation>
    </message>
    <message>
        <source>Choose a policy to see its steps.</source>
        <translation>Wählen Sie eine Richtlinie, um ihre Stufen zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;%2&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading the policy…</source>
        <translation>Richtlinie wird geladen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Reading teams…</source>
        <translation>Teams werden geladen…</translation>
    </message>
    <message>
        <source>Reading members…</source>
        <translation>Mitglieder werden geladen…</translation>
    </message>
    <message>
        <source>Reading escalation policies…</source>
        <translation>Eskalationsrichtlinien werden geladen…</translation>
    </message>
    <message>
        <source>Page this team&apos;s escalation policies (Ctrl+Shift+P in the team list)</source>
        <translation>Die Eskalationsrichtlinien dieses Teams alarmieren (Strg+Umschalt+P in der Teamliste)</translation>
    </message>
    <message>
        <source>Choose a policy first</source>
        <translation>Wählen Sie zuerst eine Richtlinie</translation>
    </message>
    <message>
        <source>Page this escalation policy (Ctrl+Shift+P in the list)</source>
        <translation>Diese Eskalationsrichtlinie alarmieren (Strg+Umschalt+P in der Liste)</translation>
    </message>
    <message>
        <source>Choose a team first</source>
        <translation>Wählen Sie zuerst ein Team</translation>
    </message>
    <message>
        <source>Create an escalation policy for this team</source>
        <translation>Eine Eskalationsrichtlinie für dieses Team erstellen</translation>
    </message>
    <message>
        <source>Delete the selected escalation policy</source>
        <translation>Die ausgewählte Eskalationsrichtlinie löschen</translation>
    </message>
    <message>
        <source>Choose a member first</source>
        <translation>Wählen Sie zuerst ein Mitglied</translation>
    </message>
    <message>
        <source>Remove the selected member from the team (Delete)</source>
        <translation>Das ausgewählte Mitglied aus dem Team entfernen (Entf)</translation>
    </message>
    <message>
        <source>Show the people of the organisation, to add to a team</source>
        <translation>Die Personen der Organisation anzeigen, um sie einem Team hinzuzufügen</translation>
    </message>
    <message>
        <source>Delete escalation policy</source>
        <translation>Eskalationsrichtlinie löschen</translation>
    </message>
    <message>
        <source>Delete the escalation policy “%1” of %2?</source>
        <translation>Die Eskalationsrichtlinie „%1“ von %2 löschen?</translation>
    </message>
    <message>
        <source>Routing keys and incidents that name it will no longer page anyone through it. This cannot be undone.</source>
        <translation>Routing-Schlüssel und Incidents, die sie nennen, alarmieren darüber niemanden mehr. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n Mitglied</numerusform>
            <numerusform>%1 · %n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Members of the team</source>
        <translation>Mitglieder des Teams</translation>
    </message>
    <message>
        <source>Escalation policies of the team</source>
        <translation>Eskalationsrichtlinien des Teams</translation>
    </message>
    <message>
        <source>Steps of the escalation policy</source>
        <translation>Stufen der Eskalationsrichtlinie</translation>
    </message>
</context>
<context>
    <name>rota::TrayController</name>
    <message>
        <source>Nothing is paging you</source>
        <translation>Kein Incident alarmiert Sie</translation>
    </message>
    <message>
        <source>Nothing is paging you (%1 acknowledged)</source>
        <translation>Kein Incident alarmiert Sie (%1 bestätigt)</translation>
    </message>
    <message>
        <source>%1, %2 acknowledged</source>
        <translation>%1, %2 bestätigt</translation>
    </message>
    <message>
        <source>Notifications paused until resumed</source>
        <translation>Benachrichtigungen pausiert bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>Notifications paused until %1</source>
        <translation>Benachrichtigungen pausiert bis %1</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>Rota</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Loading incidents…</source>
        <translation>Incidents werden geladen…</translation>
    </message>
    <message>
        <source>All incidents: %1 triggered, %2 acknowledged</source>
        <translation>Alle Incidents: %1 ausgelöst, %2 bestätigt</translation>
    </message>
    <message>
        <source>Reminding you every %1 min until acknowledged</source>
        <translation>Erinnerung alle %1 min bis zur Bestätigung</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge with message…</source>
        <translation>Mit Nachricht bestätigen…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Reroute…</source>
        <translation>Umleiten…</translation>
    </message>
    <message>
        <source>Open in Rota</source>
        <translation>In Rota öffnen</translation>
    </message>
    <message numerus="yes">
        <source>And %n more…</source>
        <translation>
            <numerusform>Und %n weiteres…</numerusform>
            <numerusform>Und %n weitere…</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge all paging me</source>
        <translation>Alle bestätigen, die mich alarmieren</translation>
    </message>
    <message>
        <source>Resolve all paging me</source>
        <translation>Alle lösen, die mich alarmieren</translation>
    </message>
    <message>
        <source>Page someone…</source>
        <translation>Jemanden alarmieren…</translation>
    </message>
    <message>
        <source>Open Rota</source>
        <translation>Rota öffnen</translation>
    </message>
    <message>
        <source>Pause notifications</source>
        <translation>Benachrichtigungen pausieren</translation>
    </message>
    <message>
        <source>For 30 minutes</source>
        <translation>Für 30 Minuten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>Bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>Resume notifications</source>
        <translation>Benachrichtigungen fortsetzen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Rota is still running</source>
        <translation>Rota läuft weiter</translation>
    </message>
    <message>
        <source>Rota keeps watching your incidents from the tray. Click the icon to open it again; choose Quit in its menu to leave.</source>
        <translation>Rota überwacht Ihre Incidents weiter aus dem Infobereich. Klicken Sie auf das Symbol, um Rota wieder zu öffnen; wählen Sie Beenden in seinem Menü, um Rota zu beenden.</translation>
    </message>
    <message>
        <source>Paged you while you were away</source>
        <translation>Alarmierungen während Ihrer Abwesenheit</translation>
    </message>
    <message>
        <source>Open all %1…</source>
        <translation>Alle %1 öffnen…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) paging you</source>
        <translation>
            <numerusform>%n Incident alarmiert Sie</numerusform>
            <numerusform>%n Incidents alarmieren Sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UnsavedWork</name>
    <message>
        <source>Quit Rota</source>
        <translation>Rota beenden</translation>
    </message>
    <message>
        <source>Switch Account</source>
        <translation>Konto wechseln</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Quit Anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <source>Switch Anyway</source>
        <translation>Trotzdem wechseln</translation>
    </message>
    <message>
        <source>Sign Out Anyway</source>
        <translation>Trotzdem abmelden</translation>
    </message>
    <message>
        <source>before quitting</source>
        <translation>vor dem Beenden</translation>
    </message>
    <message>
        <source>before switching accounts</source>
        <translation>vor dem Kontowechsel</translation>
    </message>
    <message>
        <source>before signing out</source>
        <translation>vor dem Abmelden</translation>
    </message>
    <message>
        <source>Not everything was saved, so Rota stays open.</source>
        <translation>Nicht alles wurde gespeichert, daher bleibt Rota geöffnet.</translation>
    </message>
    <message>
        <source>Not everything was saved, so the account stays signed in.</source>
        <translation>Nicht alles wurde gespeichert, daher bleibt das Konto angemeldet.</translation>
    </message>
    <message>
        <source>These changes are not saved yet:</source>
        <translation>Diese Änderungen sind noch nicht gespeichert:</translation>
    </message>
    <message>
        <source>Save them %1?</source>
        <translation>Möchten Sie sie %1 speichern?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for %1 to reach Splunk On-Call…</source>
        <translation>Warten auf die Übermittlung von %1 an Splunk On-Call…</translation>
    </message>
    <message>
        <source>%1 did not reach Splunk On-Call within %2:</source>
        <translation>Splunk On-Call hat %1 nicht innerhalb von %2 erhalten:</translation>
    </message>
    <message>
        <source>

They may still arrive: this window closes when they do. Cancel to stay, or leave without knowing whether they arrived.</source>
        <translation>

Die Änderungen können noch ankommen; dieses Fenster schließt sich, sobald das geschieht. Brechen Sie ab, um zu bleiben, oder fahren Sie fort, ohne zu wissen, ob sie angekommen sind.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UserCsv</name>
    <message>
        <source>Line %1 has more than %2 values: this does not look like a list of users.</source>
        <translation>Zeile %1 hat mehr als %2 Werte: Das sieht nicht nach einer Benutzerliste aus.</translation>
    </message>
    <message>
        <source>The file has more than %1 users. Split it into files of at most %1 users each.</source>
        <translation>Die Datei enthält mehr als %1 Benutzer. Teilen Sie sie in Dateien mit höchstens %1 Benutzern auf.</translation>
    </message>
    <message>
        <source>The quote that opens a value on line %1 is never closed.</source>
        <translation>Das Anführungszeichen, das in Zeile %1 einen Wert öffnet, wird nie geschlossen.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a list: the first items, the last</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation>Der %1 ist leer.</translation>
    </message>
    <message>
        <source>The %1 has a line break or another control character.</source>
        <translation>Der %1 enthält einen Zeilenumbruch oder ein anderes Steuerzeichen.</translation>
    </message>
    <message>
        <source>The %1 is longer than %2 characters.</source>
        <translation>Der %1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB. Split it into smaller files.</source>
        <translation>Die Datei ist größer als %1 MB. Teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
    <message>
        <source>This is not a text file (line %1 has a zero byte). Choose a CSV file saved as text.</source>
        <translation>Dies ist keine Textdatei (Zeile %1 enthält ein Null-Byte). Wählen Sie eine als Text gespeicherte CSV-Datei.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text: line %1 has characters in another encoding. Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>Die Datei ist kein UTF-8-Text: Zeile %1 enthält Zeichen in einer anderen Kodierung. Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file is empty. Its first line must name the columns: username, email, first name, last name.</source>
        <translation>Die Datei ist leer. Ihre erste Zeile muss die Spalten benennen: username, email, first name, last name.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>column %1 (no name)</source>
        <translation>Spalte %1 (ohne Namen)</translation>
    </message>
    <message>
        <source>The header names the %1 column twice (columns %2 and %3). Keep one of them.</source>
        <translation>Die Kopfzeile nennt die Spalte %1 zweimal (Spalten %2 und %3). Behalten Sie eine davon.</translation>
    </message>
    <message>
        <source>The first line of the file must name the columns; it has no column for %1. Needed: username, email, first name, last name (in any order).</source>
        <translation>Die erste Zeile der Datei muss die Spalten benennen; es fehlt eine Spalte für %1. Benötigt: username, email, first name, last name (in beliebiger Reihenfolge).</translation>
    </message>
    <message>
        <source>Ignored columns: %1.</source>
        <translation>Ignorierte Spalten: %1.</translation>
    </message>
    <message>
        <source>The row has %1 values but the header names %2 columns (a value with a separator in it must be in double quotes).</source>
        <translation>Die Zeile hat %1 Werte, aber die Kopfzeile nennt %2 Spalten (ein Wert, der ein Trennzeichen enthält, muss in doppelten Anführungszeichen stehen).</translation>
    </message>
    <message>
        <source>The username is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>The username %1 is not allowed: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Der Benutzername %1 ist nicht zulässig: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The organisation already has a user named %1.</source>
        <translation>Die Organisation hat bereits einen Benutzer namens %1.</translation>
    </message>
    <message>
        <source>The username %1 is also on line %2.</source>
        <translation>Der Benutzername %1 steht auch in Zeile %2.</translation>
    </message>
    <message>
        <source>The e-mail address is empty.</source>
        <translation>Die E-Mail-Adresse ist leer.</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address.</source>
        <translation>%1 ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>A user of the organisation already has the e-mail address %1.</source>
        <translation>Ein Benutzer der Organisation hat bereits die E-Mail-Adresse %1.</translation>
    </message>
    <message>
        <source>The e-mail address %1 is also on line %2.</source>
        <translation>Die E-Mail-Adresse %1 steht auch in Zeile %2.</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>The file names the columns but has no users.</source>
        <translation>Die Datei benennt die Spalten, enthält aber keine Benutzer.</translation>
    </message>
</context>
<context>
    <name>rota::UserDetailPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, standing in</source>
        <translation>%1, springt ein</translation>
    </message>
    <message>
        <source>%1 – %2 · %3</source>
        <translation>%1 – %2 · %3</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Page…</source>
        <translation>Alarmieren…</translation>
    </message>
    <message>
        <source>Change their name or e-mail</source>
        <translation>Namen oder E-Mail-Adresse ändern</translation>
    </message>
    <message>
        <source>Remove them from the organisation</source>
        <translation>Aus der Organisation entfernen</translation>
    </message>
    <message>
        <source>Open an incident that pages them</source>
        <translation>Ein Incident eröffnen, das diese Person alarmiert</translation>
    </message>
    <message>
        <source>Contact methods</source>
        <translation>Kontaktmethoden</translation>
    </message>
    <message>
        <source>Their paging policy (read-only)</source>
        <translation>Alarmierungsrichtlinie der Person (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Escalation policies</source>
        <translation>Eskalationsrichtlinien</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Personal paging policy</source>
        <translation>Persönliche Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>Choose a user to see their contact methods, teams and paging policy.</source>
        <translation>Wählen Sie einen Benutzer, um seine Kontaktmethoden, Teams und Alarmierungsrichtlinie zu sehen.</translation>
    </message>
    <message>
        <source>Their paging policy is read when the selection rests.</source>
        <translation>Die Alarmierungsrichtlinie wird geladen, sobald die Auswahl feststeht.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Has set a password</source>
        <translation>Hat ein Passwort festgelegt</translation>
    </message>
    <message>
        <source>Invited: has not accepted the invitation yet</source>
        <translation>Eingeladen: hat die Einladung noch nicht angenommen</translation>
    </message>
    <message>
        <source>Reading their contact methods, teams and shifts…</source>
        <translation>Kontaktmethoden, Teams und Schichten werden geladen…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>Noch nicht geladen</translation>
    </message>
    <message>
        <source>In no team</source>
        <translation>In keinem Team</translation>
    </message>
    <message>
        <source>through a rotation</source>
        <translation>über eine Rotation</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>No escalation policy pages them</source>
        <translation>Keine Eskalationsrichtlinie alarmiert diese Person</translation>
    </message>
    <message>
        <source>On call now</source>
        <translation>Jetzt in Bereitschaft</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Noch nicht bekannt</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <source>No shifts coming</source>
        <translation>Keine anstehenden Schichten</translation>
    </message>
    <message>
        <source>Shifts:
%1</source>
        <translation>Schichten:
%1</translation>
    </message>
    <message>
        <source>%1 (push notifications to the app)</source>
        <translation>%1 (Push-Benachrichtigungen an die App)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
    <message>
        <source>Write to %1</source>
        <translation>An %1 schreiben</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>No steps: they are not paged personally.</source>
        <translation>Keine Stufen: Diese Person wird nicht persönlich alarmiert.</translation>
    </message>
    <message>
        <source>Read-only: each person changes their own under Paging policy.</source>
        <translation>Schreibgeschützt: Jede Person ändert ihre eigene unter Alarmierungsrichtlinie.</translation>
    </message>
    <message>
        <source>Reading their paging policy…</source>
        <translation>Alarmierungsrichtlinie wird geladen…</translation>
    </message>
</context>
<context>
    <name>rota::UserEditDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation>Einladung senden</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Their username cannot change.</source>
        <translation>Der Benutzername kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>They get an e-mail inviting them to set a password.</source>
        <translation>Die Person erhält eine E-Mail mit einer Einladung, ein Passwort festzulegen.</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Enter their first name.</source>
        <translation>Geben Sie den Vornamen ein.</translation>
    </message>
    <message>
        <source>Enter their last name.</source>
        <translation>Geben Sie den Nachnamen ein.</translation>
    </message>
    <message>
        <source>Choose a username.</source>
        <translation>Wählen Sie einen Benutzernamen.</translation>
    </message>
    <message>
        <source>A username is 1 to 64 letters (a to z), digits, dots, dashes or underscores, and starts with a letter or digit.</source>
        <translation>Ein Benutzername besteht aus 1 bis 64 Buchstaben (a bis z), Ziffern, Punkten, Bindestrichen oder Unterstrichen und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The username “%1” is taken by %2.</source>
        <translation>Der Benutzername „%1“ ist bereits an %2 vergeben.</translation>
    </message>
    <message>
        <source>Enter their e-mail address: the invitation goes there.</source>
        <translation>Geben Sie die E-Mail-Adresse ein: Die Einladung wird dorthin gesendet.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address: it needs a name, an @ and a domain, like maya@example.com.</source>
        <translation>„%1“ ist keine E-Mail-Adresse: Sie braucht einen Namen, ein @ und eine Domain, etwa maya@example.com.</translation>
    </message>
    <message>
        <source>The address %1 belongs to %2 already.</source>
        <translation>Die Adresse %1 gehört bereits zu %2.</translation>
    </message>
</context>
<context>
    <name>rota::UserImport</name>
    <message>
        <source>The username is already taken.</source>
        <translation>Der Benutzername ist bereits vergeben.</translation>
    </message>
    <message>
        <source>The e-mail address is already in use.</source>
        <translation>Die E-Mail-Adresse wird bereits verwendet.</translation>
    </message>
    <message>
        <source>The service gave no reason.</source>
        <translation>Der Dienst hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>Not sent: the import was cancelled.</source>
        <translation>Nicht gesendet: Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>May have been added: the connection was lost before the answer came. Check the list of users.</source>
        <translation>Möglicherweise hinzugefügt: Die Verbindung brach ab, bevor die Antwort kam. Prüfen Sie die Benutzerliste.</translation>
    </message>
    <message>
        <source>Not sent: the import stopped after the batch before failed.</source>
        <translation>Nicht gesendet: Der Import wurde nach dem Fehlschlag des vorigen Stapels beendet.</translation>
    </message>
    <message>
        <source>May have been added: the service&apos;s answer did not mention this user. Check the list of users.</source>
        <translation>Möglicherweise hinzugefügt: Die Antwort des Dienstes erwähnte diesen Benutzer nicht. Prüfen Sie die Benutzerliste.</translation>
    </message>
</context>
<context>
    <name>rota::UserImportDialog</name>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei ausgewählt.</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Datei auswählen…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Add Users from a File</source>
        <translation>Benutzer aus einer Datei hinzufügen</translation>
    </message>
    <message>
        <source>Choose a CSV file with the columns username, email, first name and last name (in any order). Each user gets an e-mail inviting them to set a password.</source>
        <translation>Wählen Sie eine CSV-Datei mit den Spalten username, email, first name und last name (in beliebiger Reihenfolge). Jeder Benutzer erhält eine E-Mail mit einer Einladung, ein Passwort festzulegen.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%v of %m users</source>
        <translation>%v von %m Benutzern</translation>
    </message>
    <message>
        <source>Waiting about %1 s for Splunk On-Call&apos;s rate limit: it takes %2 batches of %3 users a minute.</source>
        <translation>Etwa %1 s Wartezeit wegen des Anfragelimits von Splunk On-Call: Pro Minute werden %2 Stapel mit je %3 Benutzern angenommen.</translation>
    </message>
    <message>
        <source>Choose a CSV File of Users</source>
        <translation>CSV-Datei mit Benutzern auswählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not sent: </source>
        <translation>Nicht gesendet: </translation>
    </message>
    <message>
        <source>Sending… %1 of %2 users done.</source>
        <translation>Wird gesendet… %1 von %2 Benutzern erledigt.</translation>
    </message>
    <message>
        <source>Nothing will be sent. Choose another file.</source>
        <translation>Es wird nichts gesendet. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The file has no users.</source>
        <translation>Die Datei enthält keine Benutzer.</translation>
    </message>
    <message>
        <source>No user can be invited: every row has a problem.</source>
        <translation>Kein Benutzer kann eingeladen werden: Jede Zeile hat ein Problem.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) (has|have) problems and will not be sent.</source>
        <translation>
            <numerusform>%n Zeile hat Probleme und wird nicht gesendet.</numerusform>
            <numerusform>%n Zeilen haben Probleme und werden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %1 of %n user(s).</source>
        <translation>
            <numerusform>%1 von %n Benutzer hinzugefügt.</numerusform>
            <numerusform>%1 von %n Benutzern hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not added.</source>
        <translation>
            <numerusform>%n Benutzer wurde nicht hinzugefügt.</numerusform>
            <numerusform>%n Benutzer wurden nicht hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) may have been added (no answer came): check the list of users.</source>
        <translation>
            <numerusform>%n Benutzer wurde möglicherweise hinzugefügt (keine Antwort erhalten): Prüfen Sie die Benutzerliste.</numerusform>
            <numerusform>%n Benutzer wurden möglicherweise hinzugefügt (keine Antwort erhalten): Prüfen Sie die Benutzerliste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not sent: the import was cancelled.</source>
        <translation>
            <numerusform>%n Benutzer wurde nicht gesendet: Der Import wurde abgebrochen.</numerusform>
            <numerusform>%n Benutzer wurden nicht gesendet: Der Import wurde abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) (was|were) not sent.</source>
        <translation>
            <numerusform>%n Benutzer wurde nicht gesendet.</numerusform>
            <numerusform>%n Benutzer wurden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems (was|were) not sent.</source>
        <translation>
            <numerusform>%n Zeile mit Problemen wurde nicht gesendet.</numerusform>
            <numerusform>%n Zeilen mit Problemen wurden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) will be invited.</source>
        <translation>
            <numerusform>%n Benutzer wird eingeladen.</numerusform>
            <numerusform>%n Benutzer werden eingeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) will be invited; %1</source>
        <comment>%1: how many rows have problems</comment>
        <translation>
            <numerusform>%n Benutzer wird eingeladen; %1</numerusform>
            <numerusform>%n Benutzer werden eingeladen; %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n User(s)</source>
        <translation>
            <numerusform>%n Benutzer importieren</numerusform>
            <numerusform>%n Benutzer importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rota::UserPickList</name>
    <message>
        <source>Add to team</source>
        <translation>Zum Team hinzufügen</translation>
    </message>
    <message>
        <source>Drag people onto a team, or pick them and press Add to team.</source>
        <translation>Ziehen Sie Personen auf ein Team, oder wählen Sie sie aus und klicken Sie auf „Zum Team hinzufügen“.</translation>
    </message>
    <message>
        <source>Filter people</source>
        <translation>Personen filtern</translation>
    </message>
    <message>
        <source>Choose a team first</source>
        <translation>Wählen Sie zuerst ein Team</translation>
    </message>
    <message>
        <source>Select people to add to %1</source>
        <translation>Personen auswählen, die zu %1 hinzugefügt werden sollen</translation>
    </message>
    <message>
        <source>Add the selected people to %1 (Ctrl+Enter)</source>
        <translation>Die ausgewählten Personen zu %1 hinzufügen (Strg+Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>rota::UserPickModel</name>
    <message>
        <source>%1 (member)</source>
        <translation>%1 (Mitglied)</translation>
    </message>
    <message>
        <source>%1 (%2) is already a member of %3</source>
        <translation>%1 (%2) ist bereits Mitglied von %3</translation>
    </message>
</context>
<context>
    <name>rota::UsersController</name>
    <message>
        <source>This API key may only read: adding, changing and removing users needs a key with write access.</source>
        <translation>Dieser API-Schlüssel hat nur Lesezugriff: Zum Hinzufügen, Ändern und Entfernen von Benutzern ist ein Schlüssel mit Schreibzugriff nötig.</translation>
    </message>
    <message>
        <source>%1: the service did not answer, so it may have been done anyway. Rota reads the user list again; check it before trying again.</source>
        <translation>%1: Der Dienst hat nicht geantwortet, daher wurde es möglicherweise trotzdem ausgeführt. Rota lädt die Benutzerliste neu; prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not add %1</source>
        <translation>%1 konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not change %1</source>
        <translation>%1 konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>Could not read the paging policy: %1</source>
        <translation>Die Alarmierungsrichtlinie konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>rota::UsersModel</name>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>%1 has set a password</source>
        <translation>%1 hat ein Passwort festgelegt</translation>
    </message>
    <message>
        <source>%1 has not accepted the invitation yet</source>
        <translation>%1 hat die Einladung noch nicht angenommen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>rota::UsersView</name>
    <message>
        <source>Add user…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Import from CSV…</source>
        <translation>Aus CSV importieren…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Search by name, username or e-mail (Ctrl+F)</source>
        <translation>Nach Name, Benutzername oder E-Mail suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Read the user list again</source>
        <translation>Benutzerliste neu laden</translation>
    </message>
    <message>
        <source>Invite many users at once from a CSV file</source>
        <translation>Viele Benutzer auf einmal aus einer CSV-Datei einladen</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer durchsuchen</translation>
    </message>
    <message>
        <source>Remove user…</source>
        <translation>Benutzer entfernen…</translation>
    </message>
    <message>
        <source>Invited %1: an e-mail with a link to set a password is on its way to %2.</source>
        <translation>%1 eingeladen: Eine E-Mail mit einem Link zum Festlegen eines Passworts ist an %2 unterwegs.</translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation>Änderungen an %1 gespeichert.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>12 of 5,000 users</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Invite a new user (Ctrl+N)</source>
        <translation>Einen neuen Benutzer einladen (Strg+N)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Reading users…</source>
        <translation>Benutzer werden geladen…</translation>
    </message>
    <message>
        <source>Reading the paging policy…</source>
        <translation>Alarmierungsrichtlinie wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>rota::Workspace</name>
    <message>
        <source>a message to stakeholders (not sent)</source>
        <translation>eine Nachricht an Stakeholder (nicht gesendet)</translation>
    </message>
    <message>
        <source>sending a message to stakeholders</source>
        <translation>Senden einer Nachricht an Stakeholder</translation>
    </message>
    <message>
        <source>a chat message being written on incident #%1</source>
        <translation>eine Chatnachricht zu Incident #%1, die gerade geschrieben wird</translation>
    </message>
    <message>
        <source>posting a chat message on incident #%1</source>
        <translation>Senden einer Chatnachricht zu Incident #%1</translation>
    </message>
    <message>
        <source>The chat message on incident #%1 was not posted.</source>
        <translation>Die Chatnachricht zu Incident #%1 wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>an alert rule being edited (not saved)</source>
        <translation>eine Alarmregel in Bearbeitung (nicht gespeichert)</translation>
    </message>
    <message>
        <source>saving an alert rule</source>
        <translation>Speichern einer Alarmregel</translation>
    </message>
    <message>
        <source>your paging policy (changes not saved)</source>
        <translation>Ihre Alarmierungsrichtlinie (Änderungen nicht gespeichert)</translation>
    </message>
    <message>
        <source>saving your paging policy</source>
        <translation>Speichern Ihrer Alarmierungsrichtlinie</translation>
    </message>
    <message>
        <source>Your paging policy was not saved: it changed on Splunk On-Call since you loaded it. Choose what to keep in the comparison.</source>
        <translation>Ihre Alarmierungsrichtlinie wurde nicht gespeichert: Sie wurde in Splunk On-Call geändert, seit Sie sie geladen haben. Wählen Sie im Vergleich aus, was beibehalten werden soll.</translation>
    </message>
    <message>
        <source>Your paging policy was not saved.</source>
        <translation>Ihre Alarmierungsrichtlinie wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Your paging policy was not saved: %1</source>
        <translation>Ihre Alarmierungsrichtlinie wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>a note being written on incident #%1</source>
        <translation>eine Notiz zu Incident #%1, die gerade geschrieben wird</translation>
    </message>
    <message>
        <source>a change to a note on incident #%1</source>
        <translation>eine Änderung an einer Notiz zu Incident #%1</translation>
    </message>
    <message>
        <source>The note on incident #%1 was not saved.</source>
        <translation>Die Notiz zu Incident #%1 wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>acknowledging incident #%1</source>
        <translation>Bestätigen von Incident #%1</translation>
    </message>
    <message>
        <source>resolving incident #%1</source>
        <translation>Lösen von Incident #%1</translation>
    </message>
    <message>
        <source>rerouting incident #%1</source>
        <translation>Umleiten von Incident #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n incident action(s)</source>
        <translation>
            <numerusform>%n Incident-Aktion</numerusform>
            <numerusform>%n Incident-Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>a change to your contact methods</source>
        <translation>eine Änderung an Ihren Kontaktmethoden</translation>
    </message>
    <message>
        <source>a change to maintenance mode</source>
        <translation>eine Änderung am Wartungsmodus</translation>
    </message>
    <message>
        <source>a change to an escalation policy</source>
        <translation>eine Änderung an einer Eskalationsrichtlinie</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) of a CSV import not sent yet</source>
        <translation>
            <numerusform>%n Benutzer aus einem CSV-Import noch nicht gesendet</numerusform>
            <numerusform>%n Benutzer aus einem CSV-Import noch nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>adding %n user(s) from a CSV file</source>
        <translation>
            <numerusform>Hinzufügen von %n Benutzer aus einer CSV-Datei</numerusform>
            <numerusform>Hinzufügen von %n Benutzern aus einer CSV-Datei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The CSV import is still running: %n user(s) not sent yet (the service takes 50 at a time).</source>
        <translation>
            <numerusform>Der CSV-Import läuft noch: %n Benutzer noch nicht gesendet (der Dienst nimmt 50 auf einmal an).</numerusform>
            <numerusform>Der CSV-Import läuft noch: %n Benutzer noch nicht gesendet (der Dienst nimmt 50 auf einmal an).</numerusform>
        </translation>
    </message>
</context>
</TS>
