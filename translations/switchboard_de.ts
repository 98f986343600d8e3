<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountSetup</name>
    <message>
        <source>Enter the server&apos;s address, e.g. mastodon.social.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. mastodon.social.</translation>
    </message>
    <message>
        <source>%1 accounts cannot be connected yet.</source>
        <translation>%1-Konten können noch nicht verbunden werden.</translation>
    </message>
    <message>
        <source>Cannot keep the sign-in in the system keychain: %1</source>
        <translation>Die Anmeldung kann nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The account is no longer in this workspace.</source>
        <translation>Das Konto ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>You signed in as %1, but this account is %2. Sign in as %2.</source>
        <translation>Sie haben sich als %1 angemeldet, aber dieses Konto ist %2. Melden Sie sich als %2 an.</translation>
    </message>
    <message>
        <source>The account was removed, but its sign-in could not be deleted from the keychain: %1</source>
        <translation>Das Konto wurde entfernt, aber seine Anmeldung konnte nicht aus dem Schlüsselbund gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>the workspace folder (default: $SWITCHBOARD_WORKSPACE, else %1)</source>
        <translation>der Ordner des Arbeitsbereichs (Standard: $SWITCHBOARD_WORKSPACE, sonst %1)</translation>
    </message>
    <message>
        <source>who makes the changes (default: $SWITCHBOARD_EMPLOYEE, else the first admin)</source>
        <translation>wer die Änderungen vornimmt (Standard: $SWITCHBOARD_EMPLOYEE, sonst der erste Admin)</translation>
    </message>
    <message>
        <source>ID is a conversation id or a unique prefix of it (8 characters or more). EMPLOYEE is an employee&apos;s id or name (&quot;none&quot; unassigns), ACCOUNT an account&apos;s id or handle. Times are ISO 8601; without an offset they are read in the workspace&apos;s time zone.</source>
        <translation>ID ist die ID einer Unterhaltung oder ein eindeutiger Anfang davon (mindestens 8 Zeichen). EMPLOYEE ist die ID oder der Name von Mitarbeitenden („none“ hebt die Zuweisung auf), ACCOUNT die ID oder das Handle eines Kontos. Zeiten im Format ISO 8601; ohne Zeitzonenversatz gelten sie in der Zeitzone des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 failure, 2 usage error. --json prints JSON on stdout.</source>
        <translation>Exit-Status: 0 Erfolg, 1 Fehler, 2 falscher Aufruf. --json gibt JSON auf stdout aus.</translation>
    </message>
    <message>
        <source>missing command (try --help)</source>
        <translation>Befehl fehlt (siehe --help)</translation>
    </message>
    <message>
        <source>missing %1 command</source>
        <translation>%1: Unterbefehl fehlt</translation>
    </message>
    <message>
        <source>unknown %1 command: %2</source>
        <translation>%1: unbekannter Unterbefehl %2</translation>
    </message>
    <message>
        <source>unknown command: %1 (try --help)</source>
        <translation>unbekannter Befehl: %1 (siehe --help)</translation>
    </message>
    <message>
        <source>missing argument %1</source>
        <translation>Argument %1 fehlt</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>--workspace needs a folder</source>
        <translation>--workspace braucht einen Ordner</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>unbekannte Option --%1</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>Option --%1 erwartet keinen Wert</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>Option --%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>--instance needs the server&apos;s address, e.g. https://mastodon.social</source>
        <translation>--instance braucht die Adresse des Servers, z. B. https://mastodon.social</translation>
    </message>
    <message>
        <source>give exactly one of --token-env VAR and --token-stdin</source>
        <translation>geben Sie genau eine der Optionen --token-env VAR und --token-stdin an</translation>
    </message>
    <message>
        <source>--backfill-days takes a number of days (1-3650)</source>
        <translation>--backfill-days erwartet eine Anzahl von Tagen (1-3650)</translation>
    </message>
    <message>
        <source>the environment variable %1 is empty or not set</source>
        <translation>die Umgebungsvariable %1 ist leer oder nicht gesetzt</translation>
    </message>
    <message>
        <source>no token on standard input</source>
        <translation>kein Token auf der Standardeingabe</translation>
    </message>
    <message>
        <source>the server did not accept the token: %1</source>
        <translation>der Server hat das Token nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>cannot store the token: %1</source>
        <translation>das Token kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>no secret service is available, so only the name of the variable %1 was kept; `sync` and `serve` read the token from it when they run.</source>
        <translation>kein Secret Service verfügbar, daher wurde nur der Name der Variablen %1 gespeichert; `sync` und `serve` lesen das Token beim Start daraus.</translation>
    </message>
    <message>
        <source>serving %1 (sync and outbox); stop with SIGTERM or Ctrl+C</source>
        <translation>Synchronisierung und Postausgang für %1 laufen; beenden mit SIGTERM oder Strg+C</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>--text is required</source>
        <translation>--text ist erforderlich</translation>
    </message>
    <message>
        <source>Reply submitted for approval (%1).</source>
        <translation>Antwort zur Freigabe eingereicht (%1).</translation>
    </message>
    <message>
        <source>Reply sent: %1</source>
        <translation>Antwort gesendet: %1</translation>
    </message>
    <message>
        <source>Reply queued (%1)%2; `sync` or `serve` sends it.</source>
        <translation>Antwort eingereiht (%1)%2; `sync` oder `serve` sendet sie.</translation>
    </message>
    <message>
        <source>No conversation with the id %1.</source>
        <translation>Keine Unterhaltung mit der ID %1.</translation>
    </message>
    <message>
        <source>--limit takes a positive number, not &quot;%1&quot;</source>
        <translation>--limit erwartet eine positive Zahl, nicht „%1“</translation>
    </message>
    <message>
        <source>--status takes open, pending, snoozed or resolved, not &quot;%1&quot;</source>
        <translation>--status erwartet open, pending, snoozed oder resolved, nicht „%1“</translation>
    </message>
    <message>
        <source>--search needs at least one word</source>
        <translation>--search braucht mindestens ein Wort</translation>
    </message>
    <message>
        <source>--assignee needs an employee (or none)</source>
        <translation>--assignee braucht eine Person aus dem Team (oder none)</translation>
    </message>
    <message>
        <source>--account needs an account id or handle</source>
        <translation>--account braucht eine Konto-ID oder ein Handle</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>LAST</source>
        <translation>ZULETZT</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <source>AUTHOR</source>
        <translation>AUTOR</translation>
    </message>
    <message>
        <source>ASSIGNEE</source>
        <translation>ZUSTÄNDIG</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>The search &quot;%1&quot; failed: %2</source>
        <translation>Die Suche „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No conversations match.</source>
        <translation>Keine passenden Unterhaltungen.</translation>
    </message>
    <message>
        <source>Conversation %1</source>
        <translation>Unterhaltung %1</translation>
    </message>
    <message>
        <source>  %1 on %2 (%3) from %4</source>
        <translation>  %1 auf %2 (%3) von %4</translation>
    </message>
    <message>
        <source>  Status: %1   Assignee: %2   Priority: %3   Unread: %4</source>
        <translation>  Status: %1   Zuständig: %2   Priorität: %3   Ungelesen: %4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>  Tags: %1   SLA due: %2</source>
        <translation>  Tags: %1   SLA fällig: %2</translation>
    </message>
    <message>
        <source>  Snoozed until: %1</source>
        <translation>  Zurückgestellt bis: %1</translation>
    </message>
    <message numerus="yes">
        <source>Thread (%n item(s)):</source>
        <translation>
            <numerusform>Thread (%n Eintrag):</numerusform>
            <numerusform>Thread (%n Einträge):</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>AT</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>AKTEUR</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>EMPLOYEE is empty (use &quot;none&quot; to unassign)</source>
        <translation>EMPLOYEE ist leer (mit „none“ wird die Zuweisung aufgehoben)</translation>
    </message>
    <message>
        <source>Conversation %1 is unassigned.</source>
        <translation>Unterhaltung %1 ist niemandem zugewiesen.</translation>
    </message>
    <message>
        <source>Conversation %1 is assigned to %2.</source>
        <translation>Unterhaltung %1 ist %2 zugewiesen.</translation>
    </message>
    <message>
        <source>STATUS is one of open, pending, snoozed or resolved, not &quot;%1&quot;</source>
        <translation>STATUS ist open, pending, snoozed oder resolved, nicht „%1“</translation>
    </message>
    <message>
        <source>snoozed needs --until ISO (when the conversation comes back)</source>
        <translation>snoozed braucht --until ISO (wann die Unterhaltung zurückkommt)</translation>
    </message>
    <message>
        <source>--until goes with snoozed only</source>
        <translation>--until gilt nur zusammen mit snoozed</translation>
    </message>
    <message>
        <source>--until takes an ISO 8601 date-time such as 2025-06-01T09:00, not &quot;%1&quot;</source>
        <translation>--until erwartet Datum und Uhrzeit nach ISO 8601 wie 2025-06-01T09:00, nicht „%1“</translation>
    </message>
    <message>
        <source>Conversation %1 is snoozed until %2 (%3).</source>
        <translation>Unterhaltung %1 ist bis %2 (%3) zurückgestellt.</translation>
    </message>
    <message>
        <source>Conversation %1 is %2.</source>
        <translation>Unterhaltung %1 hat jetzt den Status %2.</translation>
    </message>
    <message>
        <source>the note is empty</source>
        <translation>die Notiz ist leer</translation>
    </message>
    <message>
        <source>Added note %1 to conversation %2.</source>
        <translation>Notiz %1 zur Unterhaltung %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>--name needs a workspace name</source>
        <translation>--name braucht einen Namen für den Arbeitsbereich</translation>
    </message>
    <message>
        <source>--admin needs the first admin&apos;s name</source>
        <translation>--admin braucht den Namen des ersten Admins</translation>
    </message>
    <message>
        <source>unknown time zone %1 (use an IANA name such as Europe/Berlin)</source>
        <translation>unbekannte Zeitzone %1 (verwenden Sie einen IANA-Namen wie Europe/Berlin)</translation>
    </message>
    <message numerus="yes">
        <source>The workspace %1 is already initialized (it has %n employee(s)).</source>
        <translation>
            <numerusform>Der Arbeitsbereich %1 ist bereits eingerichtet (er hat %n Mitarbeiter:in).</numerusform>
            <numerusform>Der Arbeitsbereich %1 ist bereits eingerichtet (er hat %n Mitarbeitende).</numerusform>
        </translation>
    </message>
    <message>
        <source>Initialized workspace &quot;%1&quot; in %2 (admin: %3, time zone: %4).</source>
        <translation>Arbeitsbereich „%1“ in %2 eingerichtet (Admin: %3, Zeitzone: %4).</translation>
    </message>
    <message>
        <source>--size takes small, large or a number of items, not &quot;%1&quot;</source>
        <translation>--size erwartet small, large oder eine Anzahl von Einträgen, nicht „%1“</translation>
    </message>
    <message>
        <source>--seed takes a non-negative number, not &quot;%1&quot;</source>
        <translation>--seed erwartet eine nicht negative Zahl, nicht „%1“</translation>
    </message>
    <message>
        <source>--anchor takes a date such as 2025-06-30, not &quot;%1&quot;</source>
        <translation>--anchor erwartet ein Datum wie 2025-06-30, nicht „%1“</translation>
    </message>
    <message>
        <source>The workspace %1 already has data (%2 employees, %3 accounts, %4 conversations); demo only fills an empty workspace. Choose a new folder with --workspace.</source>
        <translation>Der Arbeitsbereich %1 enthält bereits Daten (%2 Mitarbeitende, %3 Konten, %4 Unterhaltungen); demo füllt nur einen leeren Arbeitsbereich. Wählen Sie mit --workspace einen neuen Ordner.</translation>
    </message>
    <message>
        <source>Generating demo data: %1 of %2 items</source>
        <translation>Demodaten werden erzeugt: %1 von %2 Einträgen</translation>
    </message>
    <message>
        <source>Cannot generate the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich kann nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>Demo workspace ready in %1: %2 items, %3 conversations, %4 events, %5 posts (%6 s).</source>
        <translation>Demo-Arbeitsbereich in %1 bereit: %2 Einträge, %3 Unterhaltungen, %4 Ereignisse, %5 Beiträge (%6 s).</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>NETZWERK</translation>
    </message>
    <message>
        <source>HANDLE</source>
        <translation>HANDLE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>HEALTH</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>LAST SYNC</source>
        <translation>LETZTE SYNCHRONISIERUNG</translation>
    </message>
    <message>
        <source>SYNC</source>
        <translation>SYNCHRONISIERUNG</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>TEAM</source>
        <translation>TEAM</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTIV</translation>
    </message>
    <message>
        <source>No employees yet; run init.</source>
        <translation>Noch keine Mitarbeitenden; führen Sie init aus.</translation>
    </message>
    <message>
        <source>The workspace folder name is empty.</source>
        <translation>Der Name des Arbeitsbereichsordners ist leer.</translation>
    </message>
    <message>
        <source>The workspace has no active admin to act as; pass --as EMPLOYEE or run init.</source>
        <translation>Der Arbeitsbereich hat keinen aktiven Admin, in dessen Namen gehandelt werden kann; geben Sie --as EMPLOYEE an oder führen Sie init aus.</translation>
    </message>
    <message>
        <source>No employee with the id or name &quot;%1&quot;.</source>
        <translation>Niemand im Team hat die ID oder den Namen „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several employees (%2); use the id.</source>
        <translation>„%1“ passt auf mehrere Mitarbeitende (%2); verwenden Sie die ID.</translation>
    </message>
    <message>
        <source>No account with the id or handle &quot;%1&quot;.</source>
        <translation>Kein Konto mit der ID oder dem Handle „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several accounts (%2); use the id.</source>
        <translation>„%1“ passt auf mehrere Konten (%2); verwenden Sie die ID.</translation>
    </message>
    <message>
        <source>No conversation with an empty id.</source>
        <translation>Keine Unterhaltung mit leerer ID.</translation>
    </message>
    <message>
        <source>No conversation with the id %1 (a prefix needs at least 8 characters).</source>
        <translation>Keine Unterhaltung mit der ID %1 (ein ID-Anfang braucht mindestens 8 Zeichen).</translation>
    </message>
    <message>
        <source>The id prefix %1 matches several conversations (%2); type more of the id.</source>
        <translation>Der ID-Anfang %1 passt auf mehrere Unterhaltungen (%2); geben Sie mehr von der ID ein.</translation>
    </message>
    <message>
        <source>Not sent: someone else is on this conversation (--force sends anyway).</source>
        <translation>Nicht gesendet: jemand anderes ist an dieser Unterhaltung (--force sendet trotzdem).</translation>
    </message>
    <message>
        <source>--format must be csv or json</source>
        <translation>--format muss csv oder json sein</translation>
    </message>
    <message>
        <source>--from and --to take dates like 2026-11-01</source>
        <translation>--from und --to nehmen Daten wie 2026-11-01</translation>
    </message>
    <message>
        <source>--to is before --from</source>
        <translation>--to liegt vor --from</translation>
    </message>
    <message>
        <source>a report covers at most three years</source>
        <translation>ein Bericht umfasst höchstens drei Jahre</translation>
    </message>
    <message>
        <source>A contributor sees only their own figures beside the team's.</source>
        <translation>Wer zuarbeitet, sieht nur die eigenen Zahlen neben denen des Teams.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>--at takes a local date and time like 2026-11-25T10:00</source>
        <translation>--at erwartet ein lokales Datum mit Uhrzeit wie 2026-11-25T10:00</translation>
    </message>
    <message>
        <source>%1 %2 does not exist in %3: the clocks skip it for daylight saving. Pick another time.</source>
        <translation>%1 %2 gibt es in %3 nicht: Die Uhren springen wegen der Sommerzeit darüber. Bitte eine andere Zeit wählen.</translation>
    </message>
    <message>
        <source>%1 is not a time %2 has at that date</source>
        <translation>%1 ist keine Uhrzeit, die es in %2 an diesem Tag gibt</translation>
    </message>
    <message>
        <source>%1 %2 happens twice in %3 (the clocks go back): add the offset, %4 or %5</source>
        <translation>%1 %2 gibt es in %3 zweimal (die Uhren werden zurückgestellt): bitte den Versatz angeben, %4 oder %5</translation>
    </message>
    <message>
        <source>--text is the post's text</source>
        <translation>--text ist der Text des Beitrags</translation>
    </message>
    <message>
        <source>--account names the account(s) to post to, separated by commas</source>
        <translation>--account nennt die Konten, in denen gepostet wird, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>--zone takes an IANA time zone such as Europe/Berlin</source>
        <translation>--zone erwartet eine IANA-Zeitzone wie Europe/Berlin</translation>
    </message>
    <message>
        <source>No campaign %1.</source>
        <translation>Keine Kampagne %1.</translation>
    </message>
    <message>
        <source>Post %1 is %2%3.</source>
        <translation>Beitrag %1 ist %2%3.</translation>
    </message>
    <message>
        <source>, due %1 (%2)</source>
        <translation>, fällig %1 (%2)</translation>
    </message>
    <message>
        <source>--state is one of %1</source>
        <translation>--state ist eines von %1</translation>
    </message>
    <message>
        <source>--%1 takes a date like 2026-11-01</source>
        <translation>--%1 erwartet ein Datum wie 2026-11-01</translation>
    </message>
    <message>
        <source>No posts.</source>
        <translation>Keine Beiträge.</translation>
    </message>
    <message>
        <source>--weekly-report needs a folder that exists and can be written to</source>
        <translation>--weekly-report braucht einen vorhandenen, beschreibbaren Ordner</translation>
    </message>
    <message>
        <source>weekly report: %1</source>
        <translation>Wochenbericht: %1</translation>
    </message>
    <message>
        <source>weekly report written: %1</source>
        <translation>Wochenbericht geschrieben: %1</translation>
    </message>
    <message>
        <source>unsupported network &quot;%1&quot; (supported: mastodon, bluesky)</source>
        <translation>nicht unterstütztes Netzwerk „%1“ (unterstützt: mastodon, bluesky)</translation>
    </message>
    <message>
        <source>--service needs the server&apos;s address, e.g. https://bsky.social</source>
        <translation>--service braucht die Adresse des Servers, z. B. https://bsky.social</translation>
    </message>
    <message>
        <source>--handle needs the account&apos;s handle (name.bsky.social) or DID</source>
        <translation>--handle braucht das Handle des Kontos (name.bsky.social) oder seine DID</translation>
    </message>
    <message>
        <source>give exactly one of --app-password-env VAR and --app-password-stdin</source>
        <translation>geben Sie genau eines von --app-password-env VAR und --app-password-stdin an</translation>
    </message>
    <message>
        <source>no app password on standard input</source>
        <translation>kein App-Passwort auf der Standardeingabe</translation>
    </message>
    <message>
        <source>Bluesky did not accept the sign-in: %1</source>
        <translation>Bluesky hat die Anmeldung nicht angenommen: %1</translation>
    </message>
    <message>
        <source>cannot store the app password: %1</source>
        <translation>das App-Passwort kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>no secret service is available, so only the name of the variable %1 was kept; `sync` and `serve` read the app password from it when they run.</source>
        <translation>es ist kein Secret Service verfügbar, daher wurde nur der Name der Variablen %1 gespeichert; `sync` und `serve` lesen das App-Passwort beim Start daraus.</translation>
    </message>
    <message>
        <source>--format must be ics</source>
        <translation>--format muss ics sein</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MB; split it into several files</source>
        <translation>%1 ist größer als 32 MB; teilen Sie sie in mehrere Dateien auf</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 row(s), %2 valid, %3 imported.</source>
        <translation>%1 Zeile(n), %2 gültig, %3 importiert.</translation>
    </message>
    <message>
        <source>nothing was imported: no row is valid</source>
        <translation>nichts wurde importiert: keine Zeile ist gültig</translation>
    </message>
    <message>
        <source>--repeat is daily, weekly or monthly</source>
        <translation>--repeat ist daily, weekly oder monthly</translation>
    </message>
    <message>
        <source>--every takes a number (1-365)</source>
        <translation>--every erwartet eine Zahl (1-365)</translation>
    </message>
    <message>
        <source>a repeating post needs exactly one of --count N and --until DATE</source>
        <translation>ein wiederkehrender Beitrag braucht genau eines von --count N und --until DATUM</translation>
    </message>
    <message>
        <source>--count takes a number (1-%1)</source>
        <translation>--count erwartet eine Zahl (1-%1)</translation>
    </message>
    <message>
        <source>--until takes a date like 2026-12-31</source>
        <translation>--until erwartet ein Datum wie 2026-12-31</translation>
    </message>
    <message>
        <source>a repeating post needs its first time (--at)</source>
        <translation>ein wiederkehrender Beitrag braucht seinen ersten Zeitpunkt (--at)</translation>
    </message>
    <message>
        <source>--until is before the first time</source>
        <translation>--until liegt vor dem ersten Zeitpunkt</translation>
    </message>
    <message>
        <source>warning: the same text already goes to %1 on %2 (post %3), within %4 days (setting duplicate_window_days)</source>
        <translation>Warnung: Derselbe Text geht bereits am %2 an %1 (Beitrag %3), innerhalb von %4 Tagen (Einstellung duplicate_window_days)</translation>
    </message>
    <message>
        <source>the month has no such day: its last day</source>
        <translation>der Monat hat diesen Tag nicht: sein letzter Tag</translation>
    </message>
    <message>
        <source>the clocks skip that time that day: it goes out as they jump</source>
        <translation>die Uhren überspringen diese Zeit an dem Tag: er erscheint, wenn sie springen</translation>
    </message>
    <message>
        <source>that time happens twice that day: the first</source>
        <translation>diese Zeit gibt es an dem Tag zweimal: die erste</translation>
    </message>
</context>
<context>
    <name>CliText</name>
    <message>
        <source>The workspace folder name is empty.</source>
        <translation>Der Name des Arbeitsbereichsordners ist leer.</translation>
    </message>
    <message>
        <source>The workspace has no active admin to act as; pass --as EMPLOYEE or run init.</source>
        <translation>Der Arbeitsbereich hat keinen aktiven Admin, in dessen Namen gehandelt werden kann; geben Sie --as EMPLOYEE an oder führen Sie init aus.</translation>
    </message>
    <message>
        <source>No employee with the id or name &quot;%1&quot;.</source>
        <translation>Niemand im Team hat die ID oder den Namen „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several employees (%2); use the id.</source>
        <translation>„%1“ passt auf mehrere Mitarbeitende (%2); verwenden Sie die ID.</translation>
    </message>
    <message>
        <source>No account with the id or handle &quot;%1&quot;.</source>
        <translation>Kein Konto mit der ID oder dem Handle „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several accounts (%2); use the id.</source>
        <translation>„%1“ passt auf mehrere Konten (%2); verwenden Sie die ID.</translation>
    </message>
    <message>
        <source>No conversation with an empty id.</source>
        <translation>Keine Unterhaltung mit leerer ID.</translation>
    </message>
    <message>
        <source>No conversation with the id %1 (a prefix needs at least 8 characters).</source>
        <translation>Keine Unterhaltung mit der ID %1 (ein ID-Anfang braucht mindestens 8 Zeichen).</translation>
    </message>
    <message>
        <source>No conversation with the id %1.</source>
        <translation>Keine Unterhaltung mit der ID %1.</translation>
    </message>
    <message>
        <source>The id prefix %1 matches several conversations (%2); type more of the id.</source>
        <translation>Der ID-Anfang %1 passt auf mehrere Unterhaltungen (%2); geben Sie mehr von der ID ein.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>A demo workspace has between 1 and 100 million items.</source>
        <translation>Ein Demo-Arbeitsbereich hat zwischen 1 und 100 Millionen Einträge.</translation>
    </message>
    <message>
        <source>The demo fills an empty workspace; this one already has people in it.</source>
        <translation>Die Demo füllt nur einen leeren Arbeitsbereich; in diesem gibt es bereits Personen.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager:in</translation>
    </message>
    <message>
        <source>Community manager</source>
        <translation>Community-Manager:in</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>Fachexpert:in</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Partially published</source>
        <translation>Teilweise veröffentlicht</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation>%1 mit der ID %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>Unknown employee %1.</source>
        <translation>Mitarbeiter:in %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Employee %1 is deactivated.</source>
        <translation>Mitarbeiter:in %1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>Employee %1 has an unknown role.</source>
        <translation>Mitarbeiter:in %1 hat eine unbekannte Rolle.</translation>
    </message>
    <message>
        <source>A %1 is not allowed to %2.</source>
        <translation>Die Rolle „%1“ ist nicht berechtigt, %2.</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>assign conversations</source>
        <translation>Unterhaltungen zuzuweisen</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>Mitarbeiter:in</translation>
    </message>
    <message>
        <source>Cannot assign to a deactivated employee.</source>
        <translation>An deaktivierte Mitarbeitende kann nicht zugewiesen werden.</translation>
    </message>
    <message>
        <source>route conversations to teams</source>
        <translation>Unterhaltungen an Teams weiterzuleiten</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>change a conversation&apos;s status</source>
        <translation>den Status einer Unterhaltung zu ändern</translation>
    </message>
    <message>
        <source>A snooze needs a time in the future.</source>
        <translation>Zum Zurückstellen ist ein Zeitpunkt in der Zukunft nötig.</translation>
    </message>
    <message>
        <source>A tag is one word of at most 64 characters.</source>
        <translation>Ein Tag ist ein einzelnes Wort mit höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>tag conversations</source>
        <translation>Unterhaltungen mit Tags zu versehen</translation>
    </message>
    <message>
        <source>untag conversations</source>
        <translation>Tags von Unterhaltungen zu entfernen</translation>
    </message>
    <message>
        <source>Priority goes from 0 (none) to 3 (urgent).</source>
        <translation>Die Priorität reicht von 0 (keine) bis 3 (dringend).</translation>
    </message>
    <message>
        <source>change priorities</source>
        <translation>Prioritäten zu ändern</translation>
    </message>
    <message>
        <source>mark spam</source>
        <translation>Spam zu markieren</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>Eine Antwort braucht Text.</translation>
    </message>
    <message>
        <source>approve replies</source>
        <translation>Antworten freizugeben</translation>
    </message>
    <message>
        <source>reply draft</source>
        <translation>Antwortentwurf</translation>
    </message>
    <message>
        <source>This reply is no longer awaiting approval (it is %1).</source>
        <translation>Diese Antwort wartet nicht mehr auf Freigabe (Status: %1).</translation>
    </message>
    <message>
        <source>Say why the reply is rejected, so its author can fix it.</source>
        <translation>Geben Sie einen Grund für die Ablehnung an, damit die Antwort überarbeitet werden kann.</translation>
    </message>
    <message>
        <source>reject replies</source>
        <translation>Antworten abzulehnen</translation>
    </message>
    <message>
        <source>outbox job</source>
        <translation>Postausgangsauftrag</translation>
    </message>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>The post is %1, not %2.</source>
        <translation>Der Beitrag hat den Status „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <source>approve posts</source>
        <translation>Beiträge freizugeben</translation>
    </message>
    <message>
        <source>Say why the post is rejected, so its author can fix it.</source>
        <translation>Geben Sie einen Grund für die Ablehnung an, damit der Beitrag überarbeitet werden kann.</translation>
    </message>
    <message>
        <source>reject posts</source>
        <translation>Beiträge abzulehnen</translation>
    </message>
    <message>
        <source>A team needs a name.</source>
        <translation>Ein Team braucht einen Namen.</translation>
    </message>
    <message>
        <source>manage teams</source>
        <translation>Teams zu verwalten</translation>
    </message>
    <message>
        <source>A team named %1 already exists.</source>
        <translation>Ein Team namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>An employee needs a name.</source>
        <translation>Mitarbeitende brauchen einen Namen.</translation>
    </message>
    <message>
        <source>add employees</source>
        <translation>Mitarbeitende hinzuzufügen</translation>
    </message>
    <message>
        <source>Only an admin can make another admin.</source>
        <translation>Nur ein Admin kann weitere Admins ernennen.</translation>
    </message>
    <message>
        <source>change employees</source>
        <translation>Mitarbeitende zu ändern</translation>
    </message>
    <message>
        <source>Only an admin can grant or revoke the admin role.</source>
        <translation>Nur ein Admin kann die Admin-Rolle vergeben oder entziehen.</translation>
    </message>
    <message>
        <source>deactivate employees</source>
        <translation>Mitarbeitende zu deaktivieren</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message>
        <source>change workspace settings</source>
        <translation>die Einstellungen des Arbeitsbereichs zu ändern</translation>
    </message>
    <message>
        <source>Business hours need a valid time zone, at least one working day and an end after the start.</source>
        <translation>Geschäftszeiten brauchen eine gültige Zeitzone, mindestens einen Arbeitstag und ein Ende nach dem Beginn.</translation>
    </message>
    <message>
        <source>This workspace already has employees.</source>
        <translation>Dieser Arbeitsbereich hat bereits Mitarbeitende.</translation>
    </message>
    <message>
        <source>An account needs a handle and a server address.</source>
        <translation>Ein Konto braucht ein Handle und eine Serveradresse.</translation>
    </message>
    <message>
        <source>The promised first-response time must be positive.</source>
        <translation>Die zugesagte Zeit bis zur ersten Antwort muss positiv sein.</translation>
    </message>
    <message>
        <source>add accounts</source>
        <translation>Konten hinzuzufügen</translation>
    </message>
    <message>
        <source>The account %1 is already in this workspace.</source>
        <translation>Das Konto %1 ist bereits in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>pause or resume sync</source>
        <translation>die Synchronisierung anzuhalten oder fortzusetzen</translation>
    </message>
    <message>
        <source>No account with id %1.</source>
        <translation>Kein Konto mit der ID %1.</translation>
    </message>
    <message>
        <source>remove accounts</source>
        <translation>Konten zu entfernen</translation>
    </message>
    <message>
        <source>sign accounts in</source>
        <translation>Konten anzumelden</translation>
    </message>
    <message>
        <source>A campaign needs a name and an end date on or after its start.</source>
        <translation>Eine Kampagne braucht einen Namen und ein Enddatum, das nicht vor ihrem Beginn liegt.</translation>
    </message>
    <message>
        <source>A campaign colour is written #rrggbb.</source>
        <translation>Eine Kampagnenfarbe wird als #rrggbb angegeben.</translation>
    </message>
    <message>
        <source>plan campaigns</source>
        <translation>Kampagnen zu planen</translation>
    </message>
    <message>
        <source>A post goes to at least one account.</source>
        <translation>Ein Beitrag braucht mindestens ein Konto.</translation>
    </message>
    <message>
        <source>Every variant of a post needs text.</source>
        <translation>Jede Variante eines Beitrags braucht Text.</translation>
    </message>
    <message>
        <source>Cannot add a variant for account %1: %2</source>
        <translation>Für das Konto %1 kann keine Variante hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>No post variant with id %1.</source>
        <translation>Keine Beitragsvariante mit der ID %1.</translation>
    </message>
    <message>
        <source>A post that is not approved cannot be published.</source>
        <translation>Ein nicht freigegebener Beitrag kann nicht veröffentlicht werden.</translation>
    </message>
    <message>
        <source>A goal&apos;s target cannot be negative.</source>
        <translation>Der Zielwert eines Ziels darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>set goals</source>
        <translation>Ziele festzulegen</translation>
    </message>
    <message>
        <source>Cannot set the goal: %1</source>
        <translation>Das Ziel kann nicht festgelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>InboxSearch</name>
    <message>
        <source>is: takes open, pending, snoozed, resolved, unread, unassigned or mine, not "%1".</source>
        <translation>is: nimmt open, pending, snoozed, resolved, unread, unassigned oder mine, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1: takes a date like 2026-05-31, not "%2".</source>
        <translation>%1: nimmt ein Datum wie 2026-05-31, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>Unknown account %1.</source>
        <translation>Unbekanntes Konto %1.</translation>
    </message>
    <message>
        <source>An item without an id, thread or time cannot be stored.</source>
        <translation>Ein Eintrag ohne ID, Thread oder Zeit kann nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Mastodon</name>
    <message>
        <source>Unexpected response from the server: %1</source>
        <translation>Unerwartete Antwort vom Server: %1</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>The server&apos;s response is too large (%1 MB).</source>
        <translation>Die Antwort des Servers ist zu groß (%1 MB).</translation>
    </message>
    <message>
        <source>The server&apos;s response is not valid UTF-8.</source>
        <translation>Die Antwort des Servers ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The server&apos;s response is not valid JSON (%1 at %2).</source>
        <translation>Die Antwort des Servers ist kein gültiges JSON (%1 an Position %2).</translation>
    </message>
    <message>
        <source>not an account</source>
        <translation>kein Konto</translation>
    </message>
    <message>
        <source>not a status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>not a notification</source>
        <translation>keine Benachrichtigung</translation>
    </message>
    <message>
        <source>not a conversation</source>
        <translation>keine Unterhaltung</translation>
    </message>
    <message>
        <source>not a thread context</source>
        <translation>kein Thread-Kontext</translation>
    </message>
    <message>
        <source>not an instance description</source>
        <translation>keine Instanzbeschreibung</translation>
    </message>
    <message>
        <source>not a media attachment</source>
        <translation>kein Medienanhang</translation>
    </message>
    <message>
        <source>not an application registration</source>
        <translation>keine Anwendungsregistrierung</translation>
    </message>
    <message>
        <source>not an access token</source>
        <translation>kein Zugriffstoken</translation>
    </message>
    <message>
        <source>not a streaming event</source>
        <translation>kein Streaming-Ereignis</translation>
    </message>
    <message>
        <source>The server&apos;s response was larger than allowed and was not read.</source>
        <translation>Die Antwort des Servers war größer als erlaubt und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the server failed (%1).</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The post may have been published.</source>
        <translation>Der Beitrag wurde möglicherweise veröffentlicht.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1.</source>
        <translation>Der Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1: %2</source>
        <translation>Der Server hat mit HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>A post needs an idempotency key, or it could not be reconciled after a failure.</source>
        <translation>Ein Beitrag braucht einen Idempotenzschlüssel, sonst lässt er sich nach einem Fehler nicht abgleichen.</translation>
    </message>
    <message>
        <source>The idempotency key is too long.</source>
        <translation>Der Idempotenzschlüssel ist zu lang.</translation>
    </message>
    <message>
        <source>The idempotency key must be printable ASCII.</source>
        <translation>Der Idempotenzschlüssel darf nur druckbare ASCII-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>There is nothing to post.</source>
        <translation>Es gibt nichts zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Not a Mastodon status id: %1</source>
        <translation>Keine Mastodon-Status-ID: %1</translation>
    </message>
    <message>
        <source>Not a Mastodon media id: %1</source>
        <translation>Keine Mastodon-Medien-ID: %1</translation>
    </message>
    <message>
        <source>Unknown visibility: %1</source>
        <translation>Unbekannte Sichtbarkeit: %1</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>under 1 min</source>
        <translation>unter 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Replies&lt;/b&gt;: replies sent to customers in the range, counted for the person who wrote them (a contributor&apos;s reply approved by a manager is the contributor&apos;s).&lt;/p&gt;&lt;p&gt;&lt;b&gt;First response&lt;/b&gt;: from the conversation&apos;s first inbound message to the first reply, counted in business hours only, for conversations that started in the range. It counts for whoever wrote the first reply, or the assignee when nobody in the team did. p90: nine in ten were answered within this time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA attainment&lt;/b&gt;: share of conversations answered before their due time; a conversation still unanswered after its due time counts as missed, one not yet due is left out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resolved&lt;/b&gt;: conversations the person marked resolved in the range; a reopened conversation resolved again counts once per person.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open workload&lt;/b&gt;: open and pending conversations assigned now, whatever the range.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notes&lt;/b&gt; and &lt;b&gt;posts published&lt;/b&gt;: written or published in the range. Spam is excluded everywhere.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: the team&apos;s row and the chart&apos;s team median count every conversation, whoever answered it, so they are not an average of the rows above.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antworten&lt;/b&gt;: im Zeitraum an Kund:innen gesendete Antworten, gezählt für die Person, die sie geschrieben hat (die Antwort einer Fachexpert:in, die eine Manager:in freigegeben hat, zählt für die Fachexpert:in).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erste Antwort&lt;/b&gt;: von der ersten eingehenden Nachricht der Unterhaltung bis zur ersten Antwort, nur in Geschäftszeiten gezählt, für Unterhaltungen, die im Zeitraum begonnen haben. Sie zählt für die Person, die die erste Antwort geschrieben hat, oder für die zuständige Person, wenn niemand aus dem Team geantwortet hat. p90: Neun von zehn wurden innerhalb dieser Zeit beantwortet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA-Erfüllung&lt;/b&gt;: Anteil der Unterhaltungen, die vor ihrer Fälligkeit beantwortet wurden; eine nach ihrer Fälligkeit noch unbeantwortete Unterhaltung zählt als verfehlt, eine noch nicht fällige wird nicht berücksichtigt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erledigt&lt;/b&gt;: Unterhaltungen, die die Person im Zeitraum als erledigt markiert hat; eine wieder geöffnete und erneut erledigte Unterhaltung zählt einmal pro Person.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Offene Arbeitslast&lt;/b&gt;: derzeit zugewiesene offene und wartende Unterhaltungen, unabhängig vom Zeitraum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notizen&lt;/b&gt; und &lt;b&gt;veröffentlichte Beiträge&lt;/b&gt;: im Zeitraum geschrieben bzw. veröffentlicht. Spam ist überall ausgenommen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: Die Zeile des Teams und der Team-Median im Diagramm zählen jede Unterhaltung, egal wer sie beantwortet hat; sie sind daher kein Durchschnitt der Zeilen darüber.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Replies per week</source>
        <translation>Antworten pro Woche</translation>
    </message>
    <message>
        <source>Resolved per week</source>
        <translation>Erledigt pro Woche</translation>
    </message>
    <message>
        <source>Posts per week</source>
        <translation>Beiträge pro Woche</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>Erste Antwort (Median)</translation>
    </message>
    <message>
        <source>SLA attainment</source>
        <translation>SLA-Erfüllung</translation>
    </message>
    <message>
        <source>%1 of %2 a week</source>
        <translation>%1 von %2 pro Woche</translation>
    </message>
    <message>
        <source>%1, goal under %2 min</source>
        <translation>%1, Ziel unter %2 min</translation>
    </message>
    <message>
        <source>No first responses yet, goal under %1 min</source>
        <translation>Noch keine ersten Antworten, Ziel unter %1 min</translation>
    </message>
    <message>
        <source>%1 %, goal %2 %</source>
        <translation>%1 %, Ziel %2 %</translation>
    </message>
    <message>
        <source>Nothing due yet, goal %1 %</source>
        <translation>Noch nichts fällig, Ziel %1 %</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Replies&lt;/b&gt;: replies sent to customers in the range, counted for the person who wrote them (a contributor's reply approved by a manager is the contributor's).&lt;/p&gt;&lt;p&gt;&lt;b&gt;First response&lt;/b&gt;: from the conversation's first inbound message to the first reply, counted in business hours only, for conversations that started in the range. It counts for whoever wrote the first reply, or the assignee when nobody in the team did. p90: nine in ten were answered within this time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA attainment&lt;/b&gt;: share of conversations answered before their due time; a conversation still unanswered after its due time counts as missed, one not yet due is left out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resolved&lt;/b&gt;: conversations the person marked resolved in the range; a reopened conversation resolved again counts once per person.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Handled&lt;/b&gt;: conversations the person replied to or resolved in the range, each once. &lt;b&gt;Resolution&lt;/b&gt;: from the first inbound message to the resolution, in business hours.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open workload&lt;/b&gt;: open and pending conversations assigned now, whatever the range.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notes&lt;/b&gt;: written in the range. &lt;b&gt;Drafted&lt;/b&gt;, &lt;b&gt;approved&lt;/b&gt; and &lt;b&gt;published&lt;/b&gt;: the person's own posts created, approved (by whoever reviewed them) and published in the range.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Engagement&lt;/b&gt;: likes, reposts and replies the person's replies and published posts of the range have earned so far, as the networks last reported them. &lt;b&gt;Own posts&lt;/b&gt; (advocacy): posts from an account linked as the person's own, and the interactions they earned.&lt;/p&gt;&lt;p&gt;Spam and automated messages (a rule's or the system's actions) are excluded everywhere; days are the workspace's time zone. Double-click a figure to see the conversations and events behind it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: the team's row and the chart's team median count every conversation, whoever answered it, so they are not an average of the rows above.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antworten&lt;/b&gt;: im Zeitraum an Kundinnen und Kunden gesendete Antworten, gezählt für die Person, die sie geschrieben hat (die von einer Managerin freigegebene Antwort einer Fachkraft zählt für die Fachkraft).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erste Antwort&lt;/b&gt;: von der ersten eingehenden Nachricht einer Unterhaltung bis zur ersten Antwort, nur in Geschäftszeiten gezählt, für Unterhaltungen, die im Zeitraum begonnen haben. Sie zählt für die Person, die zuerst geantwortet hat, sonst für die zugewiesene Person. p90: neun von zehn wurden innerhalb dieser Zeit beantwortet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA-Erfüllung&lt;/b&gt;: Anteil der Unterhaltungen, die vor ihrer Fälligkeit beantwortet wurden; eine nach der Fälligkeit noch unbeantwortete Unterhaltung zählt als verfehlt, eine noch nicht fällige wird nicht gezählt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erledigt&lt;/b&gt;: Unterhaltungen, die die Person im Zeitraum als erledigt markiert hat; eine wieder geöffnete und erneut erledigte Unterhaltung zählt je Person einmal.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bearbeitet&lt;/b&gt;: Unterhaltungen, auf die die Person im Zeitraum geantwortet oder die sie erledigt hat, jede einmal. &lt;b&gt;Lösungszeit&lt;/b&gt;: von der ersten eingehenden Nachricht bis zur Erledigung, in Geschäftszeiten.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Offene Arbeit&lt;/b&gt;: jetzt zugewiesene offene und wartende Unterhaltungen, unabhängig vom Zeitraum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notizen&lt;/b&gt;: im Zeitraum geschrieben. &lt;b&gt;Entworfen&lt;/b&gt;, &lt;b&gt;freigegeben&lt;/b&gt; und &lt;b&gt;veröffentlicht&lt;/b&gt;: die eigenen Beiträge der Person, die im Zeitraum erstellt, (von wem auch immer) freigegeben und veröffentlicht wurden.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Interaktionen&lt;/b&gt;: Likes, Reposts und Antworten, die die Antworten und veröffentlichten Beiträge der Person aus dem Zeitraum bisher erhalten haben, so wie die Netzwerke sie zuletzt gemeldet haben. &lt;b&gt;Eigene Beiträge&lt;/b&gt; (Advocacy): Beiträge eines als eigenes verknüpften Kontos der Person und die Interaktionen darauf.&lt;/p&gt;&lt;p&gt;Spam und automatische Vorgänge (Aktionen einer Regel oder des Systems) sind überall ausgenommen; Tage gelten in der Zeitzone des Arbeitsbereichs. Ein Doppelklick auf eine Zahl zeigt die Unterhaltungen und Ereignisse dahinter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: Die Team-Zeile und der Team-Median im Diagramm zählen jede Unterhaltung, egal wer geantwortet hat; sie sind also kein Durchschnitt der Zeilen darüber.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>likes %1, reposts %2, replies %3</source>
        <translation>Likes %1, Reposts %2, Antworten %3</translation>
    </message>
    <message>
        <source>Reply sent through Switchboard</source>
        <translation>Antwort über Switchboard gesendet</translation>
    </message>
    <message>
        <source>Reply sent on the network</source>
        <translation>Antwort im Netzwerk gesendet</translation>
    </message>
    <message>
        <source>Replies counted: %1</source>
        <translation>Gezählte Antworten: %1</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Conversations replied to or resolved: %1</source>
        <translation>Beantwortete oder erledigte Unterhaltungen: %1</translation>
    </message>
    <message>
        <source>Conversations resolved: %1, in %2 resolutions</source>
        <translation>Erledigte Unterhaltungen: %1, in %2 Erledigungen</translation>
    </message>
    <message>
        <source>Median of %1 resolutions: %2</source>
        <translation>Median von %1 Erledigungen: %2</translation>
    </message>
    <message>
        <source>No resolutions in this range</source>
        <translation>Keine Erledigungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>%1 first responses: median %2, p90 %3</source>
        <translation>%1 erste Antworten: Median %2, p90 %3</translation>
    </message>
    <message>
        <source>No first responses in this range</source>
        <translation>Keine ersten Antworten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>Rechtzeitig beantwortet</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>Zu spät beantwortet</translation>
    </message>
    <message>
        <source>Not answered, overdue</source>
        <translation>Nicht beantwortet, überfällig</translation>
    </message>
    <message>
        <source>Not due yet (not counted)</source>
        <translation>Noch nicht fällig (nicht gezählt)</translation>
    </message>
    <message>
        <source>%1 in time, %2 late or overdue</source>
        <translation>%1 rechtzeitig, %2 zu spät oder überfällig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Open or pending now: %1</source>
        <translation>Jetzt offen oder wartend: %1</translation>
    </message>
    <message>
        <source>Note written</source>
        <translation>Notiz geschrieben</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notizen: %1</translation>
    </message>
    <message>
        <source>Post drafted</source>
        <translation>Beitrag entworfen</translation>
    </message>
    <message>
        <source>Post approved</source>
        <translation>Beitrag freigegeben</translation>
    </message>
    <message>
        <source>Post published</source>
        <translation>Beitrag veröffentlicht</translation>
    </message>
    <message>
        <source>Posts: %1</source>
        <translation>Beiträge: %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Published post</source>
        <translation>Veröffentlichter Beitrag</translation>
    </message>
    <message>
        <source>Post on their own account</source>
        <translation>Beitrag im eigenen Konto</translation>
    </message>
    <message>
        <source>%1 posts, %2 interactions</source>
        <translation>%1 Beiträge, %2 Interaktionen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No %1 is stored in the keychain.</source>
        <translation>Für „%1“ ist im Schlüsselbund nichts gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). On a headless server, keep the secret in an environment variable and add the account with --token-env or --app-password-env.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Auf einem Server ohne Bildschirm legen Sie das Geheimnis in einer Umgebungsvariablen ab und fügen das Konto mit --token-env oder --app-password-env hinzu.</translation>
    </message>
    <message>
        <source>Keychain error: %1</source>
        <translation>Schlüsselbund-Fehler: %1</translation>
    </message>
    <message>
        <source>The environment variable %1, which holds this account&apos;s secret, is not set.</source>
        <translation>Die Umgebungsvariable %1, die das Geheimnis dieses Kontos enthält, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>No credentials are stored for this account; sign in again.</source>
        <translation>Für dieses Konto sind keine Anmeldedaten gespeichert; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>StoreWriter</name>
    <message>
        <source>The store writer is not running.</source>
        <translation>Das Speichern synchronisierter Daten läuft nicht.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Sync and publishing already run in %1.</source>
        <translation>Synchronisierung und Veröffentlichung laufen bereits in %1.</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (Prozess %2)</translation>
    </message>
    <message>
        <source>another Switchboard process</source>
        <translation>einem anderen Switchboard-Prozess</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Cannot read the database file %1: %2</source>
        <translation>Die Datenbankdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database (the file is corrupt or of another kind). It was left untouched.</source>
        <translation>%1 ist keine Switchboard-Datenbank (die Datei ist beschädigt oder von anderer Art). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2. It was left untouched.</source>
        <translation>%1 kann nicht geöffnet werden: %2. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 is corrupt (%2). It was left untouched.</source>
        <translation>%1 ist beschädigt (%2). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application. It was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank einer anderen Anwendung. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Switchboard (schema version %2; this version knows up to %3). Refusing to open it; update Switchboard.</source>
        <translation>%1 wurde von einer neueren Switchboard-Version geschrieben (Schemaversion %2; diese Version kennt bis %3). Die Datei wird nicht geöffnet; aktualisieren Sie Switchboard.</translation>
    </message>
    <message>
        <source>The workspace folder %1 does not exist.</source>
        <translation>Der Arbeitsbereichsordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1.</source>
        <translation>Der Arbeitsbereichsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The workspace folder %1 is not writable: %2</source>
        <translation>Der Arbeitsbereichsordner %1 ist nicht beschreibbar: %2</translation>
    </message>
    <message>
        <source>%1 holds no Switchboard workspace (no %2). Run &apos;switchboard-cli --workspace %1 init&apos; first.</source>
        <translation>%1 enthält keinen Switchboard-Arbeitsbereich (kein %2). Führen Sie zuerst &apos;switchboard-cli --workspace %1 init&apos; aus.</translation>
    </message>
    <message>
        <source>The database file %1 is not writable.</source>
        <translation>Die Datenbankdatei %1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Cannot back up %1 before migrating: %2</source>
        <translation>%1 kann vor der Migration nicht gesichert werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Creating a demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Unified inbox, publishing calendar and engagement panel for social media teams.</source>
        <translation>Einheitlicher Posteingang, Redaktionskalender und Engagement-Panel für Social-Media-Teams.</translation>
    </message>
    <message>
        <source>Open the workspace in &lt;folder&gt; (created when missing).</source>
        <translation>Arbeitsbereich im Ordner &lt;Ordner&gt; öffnen (wird angelegt, falls er fehlt).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open a fresh demo workspace in a temporary folder.</source>
        <translation>Einen neuen Demo-Arbeitsbereich in einem temporären Ordner öffnen.</translation>
    </message>
    <message>
        <source>Cannot create the demo workspace</source>
        <translation>Der Demo-Arbeitsbereich kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Der Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>sb</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation>%1 mit der ID %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>Creating a demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>No %1 is stored in the keychain.</source>
        <translation>Für „%1“ ist im Schlüsselbund nichts gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). On a headless server, keep the secret in an environment variable and add the account with --token-env or --app-password-env.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Auf einem Server ohne Bildschirm legen Sie das Geheimnis in einer Umgebungsvariablen ab und fügen das Konto mit --token-env oder --app-password-env hinzu.</translation>
    </message>
    <message>
        <source>Keychain error: %1</source>
        <translation>Schlüsselbund-Fehler: %1</translation>
    </message>
    <message>
        <source>The environment variable %1, which holds this account&apos;s secret, is not set.</source>
        <translation>Die Umgebungsvariable %1, die das Geheimnis dieses Kontos enthält, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>No credentials are stored for this account; sign in again.</source>
        <translation>Für dieses Konto sind keine Anmeldedaten gespeichert; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>sb::AccountSetup</name>
    <message>
        <source>Enter the server&apos;s address, e.g. mastodon.social.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. mastodon.social.</translation>
    </message>
    <message>
        <source>%1 accounts cannot be connected yet.</source>
        <translation>%1-Konten können noch nicht verbunden werden.</translation>
    </message>
    <message>
        <source>Cannot keep the sign-in in the system keychain: %1</source>
        <translation>Die Anmeldung kann nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The account is no longer in this workspace.</source>
        <translation>Das Konto ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>You signed in as %1, but this account is %2. Sign in as %2.</source>
        <translation>Sie haben sich als %1 angemeldet, aber dieses Konto ist %2. Melden Sie sich als %2 an.</translation>
    </message>
    <message>
        <source>The account was removed, but its sign-in could not be deleted from the keychain: %1</source>
        <translation>Das Konto wurde entfernt, aber seine Anmeldung konnte nicht aus dem Schlüsselbund gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::AccountSignIn</name>
    <message>
        <source>A sign-in is already running.</source>
        <translation>Eine Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <source>%1 accounts come with the %1 connector.</source>
        <translation>%1-Konten werden mit dem %1-Connector verfügbar.</translation>
    </message>
    <message>
        <source>Paste the access token first.</source>
        <translation>Fügen Sie zuerst das Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>Approve Switchboard on %1, then paste the code it shows.</source>
        <translation>Autorisieren Sie Switchboard auf %1 und fügen Sie dann den angezeigten Code ein.</translation>
    </message>
    <message>
        <source>Waiting for you to approve Switchboard in the browser…</source>
        <translation>Warten, bis Sie Switchboard im Browser autorisieren…</translation>
    </message>
    <message>
        <source>Registering Switchboard with %1…</source>
        <translation>Switchboard wird bei %1 registriert…</translation>
    </message>
    <message>
        <source>Checking the code with %1…</source>
        <translation>Code wird bei %1 geprüft…</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Only managers and admins can connect accounts.</source>
        <translation>Nur Manager:innen und Admins können Konten verbinden.</translation>
    </message>
    <message>
        <source>Checking the account with %1…</source>
        <translation>Konto wird bei %1 geprüft…</translation>
    </message>
    <message>
        <source>%1 did not accept the sign-in: %2</source>
        <translation>%1 hat die Anmeldung nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>Saving the account and its sign-in in the keychain…</source>
        <translation>Konto wird gespeichert, Anmeldung wird im Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>Enter the account&apos;s handle and an app password.</source>
        <translation>Geben Sie das Handle des Kontos und ein App-Passwort ein.</translation>
    </message>
    <message>
        <source>Bluesky did not accept the sign-in: %1</source>
        <translation>Bluesky hat die Anmeldung nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>sb::Collisions</name>
    <message>
        <source>Someone outside Switchboard</source>
        <translation>Jemand außerhalb von Switchboard</translation>
    </message>
    <message>
        <source>%1 already replied: "%2"</source>
        <translation>%1 hat schon geantwortet: „%2“</translation>
    </message>
    <message>
        <source>%1's reply is on its way: "%2"</source>
        <translation>Die Antwort von %1 ist unterwegs: „%2“</translation>
    </message>
    <message>
        <source>%1 drafted a reply that awaits approval: "%2"</source>
        <translation>%1 hat eine Antwort entworfen, die auf Freigabe wartet: „%2“</translation>
    </message>
    <message>
        <source>%1 is writing a reply right now</source>
        <translation>%1 schreibt gerade eine Antwort</translation>
    </message>
    <message>
        <source>%1 is looking at this conversation right now</source>
        <translation>%1 sieht sich diese Unterhaltung gerade an</translation>
    </message>
</context>
<context>
    <name>sb::Engine</name>
    <message>
        <source>Unknown employee %1.</source>
        <translation>Mitarbeiter:in %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Employee %1 is deactivated.</source>
        <translation>Mitarbeiter:in %1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>Employee %1 has an unknown role.</source>
        <translation>Mitarbeiter:in %1 hat eine unbekannte Rolle.</translation>
    </message>
    <message>
        <source>A %1 is not allowed to %2.</source>
        <translation>Die Rolle „%1“ ist nicht berechtigt, %2.</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>assign conversations</source>
        <translation>Unterhaltungen zuzuweisen</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>Mitarbeiter:in</translation>
    </message>
    <message>
        <source>Cannot assign to a deactivated employee.</source>
        <translation>An deaktivierte Mitarbeitende kann nicht zugewiesen werden.</translation>
    </message>
    <message>
        <source>route conversations to teams</source>
        <translation>Unterhaltungen an Teams weiterzuleiten</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>change a conversation&apos;s status</source>
        <translation>den Status einer Unterhaltung zu ändern</translation>
    </message>
    <message>
        <source>A snooze needs a time in the future.</source>
        <translation>Zum Zurückstellen ist ein Zeitpunkt in der Zukunft nötig.</translation>
    </message>
    <message>
        <source>A tag is one word of at most 64 characters.</source>
        <translation>Ein Tag ist ein einzelnes Wort mit höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>tag conversations</source>
        <translation>Unterhaltungen mit Tags zu versehen</translation>
    </message>
    <message>
        <source>untag conversations</source>
        <translation>Tags von Unterhaltungen zu entfernen</translation>
    </message>
    <message>
        <source>Priority goes from 0 (none) to 3 (urgent).</source>
        <translation>Die Priorität reicht von 0 (keine) bis 3 (dringend).</translation>
    </message>
    <message>
        <source>change priorities</source>
        <translation>Prioritäten zu ändern</translation>
    </message>
    <message>
        <source>mark spam</source>
        <translation>Spam zu markieren</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>Eine Antwort braucht Text.</translation>
    </message>
    <message>
        <source>approve replies</source>
        <translation>Antworten freizugeben</translation>
    </message>
    <message>
        <source>reply draft</source>
        <translation>Antwortentwurf</translation>
    </message>
    <message>
        <source>This reply is no longer awaiting approval (it is %1).</source>
        <translation>Diese Antwort wartet nicht mehr auf Freigabe (Status: %1).</translation>
    </message>
    <message>
        <source>Say why the reply is rejected, so its author can fix it.</source>
        <translation>Geben Sie einen Grund für die Ablehnung an, damit die Antwort überarbeitet werden kann.</translation>
    </message>
    <message>
        <source>reject replies</source>
        <translation>Antworten abzulehnen</translation>
    </message>
    <message>
        <source>outbox job</source>
        <translation>Postausgangsauftrag</translation>
    </message>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>The post is %1, not %2.</source>
        <translation>Der Beitrag hat den Status „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <source>approve posts</source>
        <translation>Beiträge freizugeben</translation>
    </message>
    <message>
        <source>Say why the post is rejected, so its author can fix it.</source>
        <translation>Geben Sie einen Grund für die Ablehnung an, damit der Beitrag überarbeitet werden kann.</translation>
    </message>
    <message>
        <source>reject posts</source>
        <translation>Beiträge abzulehnen</translation>
    </message>
    <message>
        <source>A team needs a name.</source>
        <translation>Ein Team braucht einen Namen.</translation>
    </message>
    <message>
        <source>manage teams</source>
        <translation>Teams zu verwalten</translation>
    </message>
    <message>
        <source>A team named %1 already exists.</source>
        <translation>Ein Team namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>An employee needs a name.</source>
        <translation>Mitarbeitende brauchen einen Namen.</translation>
    </message>
    <message>
        <source>add employees</source>
        <translation>Mitarbeitende hinzuzufügen</translation>
    </message>
    <message>
        <source>Only an admin can make another admin.</source>
        <translation>Nur ein Admin kann weitere Admins ernennen.</translation>
    </message>
    <message>
        <source>change employees</source>
        <translation>Mitarbeitende zu ändern</translation>
    </message>
    <message>
        <source>Only an admin can grant or revoke the admin role.</source>
        <translation>Nur ein Admin kann die Admin-Rolle vergeben oder entziehen.</translation>
    </message>
    <message>
        <source>deactivate employees</source>
        <translation>Mitarbeitende zu deaktivieren</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message>
        <source>change workspace settings</source>
        <translation>die Einstellungen des Arbeitsbereichs zu ändern</translation>
    </message>
    <message>
        <source>Business hours need a valid time zone, at least one working day and an end after the start.</source>
        <translation>Geschäftszeiten brauchen eine gültige Zeitzone, mindestens einen Arbeitstag und ein Ende nach dem Beginn.</translation>
    </message>
    <message>
        <source>This workspace already has employees.</source>
        <translation>Dieser Arbeitsbereich hat bereits Mitarbeitende.</translation>
    </message>
    <message>
        <source>An account needs a handle and a server address.</source>
        <translation>Ein Konto braucht ein Handle und eine Serveradresse.</translation>
    </message>
    <message>
        <source>The promised first-response time must be positive.</source>
        <translation>Die zugesagte Zeit bis zur ersten Antwort muss positiv sein.</translation>
    </message>
    <message>
        <source>add accounts</source>
        <translation>Konten hinzuzufügen</translation>
    </message>
    <message>
        <source>The account %1 is already in this workspace.</source>
        <translation>Das Konto %1 ist bereits in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>pause or resume sync</source>
        <translation>die Synchronisierung anzuhalten oder fortzusetzen</translation>
    </message>
    <message>
        <source>No account with id %1.</source>
        <translation>Kein Konto mit der ID %1.</translation>
    </message>
    <message>
        <source>remove accounts</source>
        <translation>Konten zu entfernen</translation>
    </message>
    <message>
        <source>sign accounts in</source>
        <translation>Konten anzumelden</translation>
    </message>
    <message>
        <source>A campaign needs a name and an end date on or after its start.</source>
        <translation>Eine Kampagne braucht einen Namen und ein Enddatum, das nicht vor ihrem Beginn liegt.</translation>
    </message>
    <message>
        <source>A campaign colour is written #rrggbb.</source>
        <translation>Eine Kampagnenfarbe wird als #rrggbb angegeben.</translation>
    </message>
    <message>
        <source>plan campaigns</source>
        <translation>Kampagnen zu planen</translation>
    </message>
    <message>
        <source>A post goes to at least one account.</source>
        <translation>Ein Beitrag braucht mindestens ein Konto.</translation>
    </message>
    <message>
        <source>Every variant of a post needs text.</source>
        <translation>Jede Variante eines Beitrags braucht Text.</translation>
    </message>
    <message>
        <source>Cannot add a variant for account %1: %2</source>
        <translation>Für das Konto %1 kann keine Variante hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>No post variant with id %1.</source>
        <translation>Keine Beitragsvariante mit der ID %1.</translation>
    </message>
    <message>
        <source>A post that is not approved cannot be published.</source>
        <translation>Ein nicht freigegebener Beitrag kann nicht veröffentlicht werden.</translation>
    </message>
    <message>
        <source>A goal&apos;s target cannot be negative.</source>
        <translation>Der Zielwert eines Ziels darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>set goals</source>
        <translation>Ziele festzulegen</translation>
    </message>
    <message>
        <source>Cannot set the goal: %1</source>
        <translation>Das Ziel kann nicht festgelegt werden: %1</translation>
    </message>
    <message>
        <source>A view needs a name of at most 80 characters.</source>
        <translation>Eine Ansicht braucht einen Namen mit höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>Type a search first: a saved view keeps a search.</source>
        <translation>Zuerst eine Suche eingeben: Eine gespeicherte Ansicht bewahrt eine Suche auf.</translation>
    </message>
    <message>
        <source>There is no saved view %1.</source>
        <translation>Es gibt keine gespeicherte Ansicht %1.</translation>
    </message>
    <message>
        <source>Only its owner can remove the view "%1".</source>
        <translation>Nur wer die Ansicht „%1“ angelegt hat, kann sie entfernen.</translation>
    </message>
    <message>
        <source>A rule needs a name of at most 80 characters.</source>
        <translation>Eine Regel braucht einen Namen mit höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>A rule needs something to do: a team, an assignee, tags or a priority.</source>
        <translation>Eine Regel muss etwas tun: ein Team, eine zuständige Person, Schlagwörter oder eine Priorität.</translation>
    </message>
    <message>
        <source>Unknown message kind "%1"; use one of: %2.</source>
        <translation>Unbekannte Nachrichtenart „%1“; möglich sind: %2.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>Es gibt kein Konto %1.</translation>
    </message>
    <message>
        <source>There is no team %1.</source>
        <translation>Es gibt kein Team %1.</translation>
    </message>
    <message>
        <source>There is no active employee %1.</source>
        <translation>Es gibt keine aktive Person %1.</translation>
    </message>
    <message>
        <source>change routing rules</source>
        <translation>Zuweisungsregeln ändern</translation>
    </message>
    <message>
        <source>There is no routing rule %1.</source>
        <translation>Es gibt keine Zuweisungsregel %1.</translation>
    </message>
    <message>
        <source>A canned reply needs a title of at most 80 characters.</source>
        <translation>Eine Textvorlage braucht einen Titel mit höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>A canned reply needs a text of at most 5,000 characters.</source>
        <translation>Eine Textvorlage braucht einen Text mit höchstens 5.000 Zeichen.</translation>
    </message>
    <message>
        <source>write canned replies</source>
        <translation>Textvorlagen schreiben</translation>
    </message>
    <message>
        <source>There is no canned reply %1.</source>
        <translation>Es gibt keine Textvorlage %1.</translation>
    </message>
    <message>
        <source>There is no conversation %1.</source>
        <translation>Es gibt keine Unterhaltung %1.</translation>
    </message>
    <message>
        <source>A first-response promise is between %1 and %2 business minutes.</source>
        <translation>Eine zugesagte Erstreaktion liegt zwischen %1 und %2 Geschäftsminuten.</translation>
    </message>
    <message>
        <source>change an account's first-response promise</source>
        <translation>die zugesagte Erstreaktion eines Kontos ändern</translation>
    </message>
    <message>
        <source>No active employee with id %1.</source>
        <translation>Keine aktive Person mit der ID %1.</translation>
    </message>
    <message>
        <source>link an account to another employee</source>
        <translation>ein Konto mit einer anderen Person verknüpfen</translation>
    </message>
    <message>
        <source>retry a post</source>
        <translation>einen Beitrag erneut senden</translation>
    </message>
    <message>
        <source>Only a variant that failed can be sent again.</source>
        <translation>Nur eine fehlgeschlagene Variante kann erneut gesendet werden.</translation>
    </message>
    <message>
        <source>publish a missed post</source>
        <translation>einen verpassten Beitrag veröffentlichen</translation>
    </message>
    <message>
        <source>Only a missed post can be published now.</source>
        <translation>Nur ein verpasster Beitrag kann jetzt veröffentlicht werden.</translation>
    </message>
    <message>
        <source>The post is no longer there.</source>
        <translation>Den Beitrag gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The post has a state Switchboard does not know.</source>
        <translation>Der Beitrag hat einen Status, den Switchboard nicht kennt.</translation>
    </message>
    <message>
        <source>A post can only be moved to a time that is still ahead.</source>
        <translation>Ein Beitrag kann nur auf eine Zeit in der Zukunft verschoben werden.</translation>
    </message>
    <message>
        <source>Only its author or a manager can move this post.</source>
        <translation>Nur die Person, die ihn verfasst hat, oder eine Führungskraft kann diesen Beitrag verschieben.</translation>
    </message>
    <message>
        <source>Only a manager can give a missed post a new time.</source>
        <translation>Nur eine Führungskraft kann einem verpassten Beitrag eine neue Zeit geben.</translation>
    </message>
    <message>
        <source>This post is already going out or out; it cannot be moved.</source>
        <translation>Dieser Beitrag wird gerade veröffentlicht oder ist veröffentlicht; er kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>Images can only be added to a post that is not out yet.</source>
        <translation>Bilder können nur zu einem Beitrag hinzugefügt werden, der noch nicht veröffentlicht ist.</translation>
    </message>
    <message>
        <source>The post has no variant for that account.</source>
        <translation>Der Beitrag hat keine Variante für dieses Konto.</translation>
    </message>
    <message>
        <source>This post is already going out or out; its text cannot change.</source>
        <translation>Dieser Beitrag wird gerade veröffentlicht oder ist veröffentlicht; sein Text kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Only its author or a manager can edit this post.</source>
        <translation>Nur die Person, die ihn verfasst hat, oder eine Führungskraft kann diesen Beitrag bearbeiten.</translation>
    </message>
</context>
<context>
    <name>sb::SecretStore</name>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>sb::SyncThread</name>
    <message>
        <source>Account setup is not available in this window.</source>
        <translation>Die Kontoeinrichtung ist in diesem Fenster nicht verfügbar.</translation>
    </message>
    <message>
        <source>Accounts cannot be removed in this window.</source>
        <translation>Konten können in diesem Fenster nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>sb::SyncWorker</name>
    <message>
        <source>The workspace cannot be written to, so no account can be added.</source>
        <translation>In den Arbeitsbereich kann nicht geschrieben werden, daher kann kein Konto hinzugefügt werden.</translation>
    </message>
    <message>
        <source>The workspace cannot be written to.</source>
        <translation>In den Arbeitsbereich kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>sb::mastodon</name>
    <message>
        <source>The server&apos;s response was larger than allowed and was not read.</source>
        <translation>Die Antwort des Servers war größer als erlaubt und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the server failed (%1).</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The post may have been published.</source>
        <translation>Der Beitrag wurde möglicherweise veröffentlicht.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1.</source>
        <translation>Der Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1: %2</source>
        <translation>Der Server hat mit HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>A post needs an idempotency key, or it could not be reconciled after a failure.</source>
        <translation>Ein Beitrag braucht einen Idempotenzschlüssel, sonst lässt er sich nach einem Fehler nicht abgleichen.</translation>
    </message>
    <message>
        <source>The idempotency key is too long.</source>
        <translation>Der Idempotenzschlüssel ist zu lang.</translation>
    </message>
    <message>
        <source>The idempotency key must be printable ASCII.</source>
        <translation>Der Idempotenzschlüssel darf nur druckbare ASCII-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>There is nothing to post.</source>
        <translation>Es gibt nichts zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Not a Mastodon status id: %1</source>
        <translation>Keine Mastodon-Status-ID: %1</translation>
    </message>
    <message>
        <source>Not a Mastodon media id: %1</source>
        <translation>Keine Mastodon-Medien-ID: %1</translation>
    </message>
    <message>
        <source>Unknown visibility: %1</source>
        <translation>Unbekannte Sichtbarkeit: %1</translation>
    </message>
</context>
<context>
    <name>sb::mastodon::MastodonApi</name>
    <message>
        <source>No network access.</source>
        <translation>Kein Netzwerkzugriff.</translation>
    </message>
    <message>
        <source>No access token: sign in to the account again.</source>
        <translation>Kein Zugriffstoken: Melden Sie sich erneut bei dem Konto an.</translation>
    </message>
</context>
<context>
    <name>sb::mastodon::MastodonChannel</name>
    <message>
        <source>Unknown Mastodon feed: %1</source>
        <translation>Unbekannter Mastodon-Feed: %1</translation>
    </message>
    <message>
        <source>Not a Mastodon cursor: %1</source>
        <translation>Kein Mastodon-Cursor: %1</translation>
    </message>
    <message>
        <source>Not a Mastodon status id: %1</source>
        <translation>Keine Mastodon-Status-ID: %1</translation>
    </message>
    <message>
        <source>The post this replies to no longer exists.</source>
        <translation>Der Beitrag, auf den geantwortet wird, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The server accepted the post but its answer was unreadable: %1</source>
        <translation>Der Server hat den Beitrag angenommen, aber seine Antwort war nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The post is not among the account&apos;s recent posts.</source>
        <translation>Der Beitrag ist nicht unter den neuesten Beiträgen des Kontos.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Unexpected media id from the server.</source>
        <translation>Unerwartete Medien-ID vom Server.</translation>
    </message>
    <message>
        <source>The server is still processing the media file.</source>
        <translation>Der Server verarbeitet die Mediendatei noch.</translation>
    </message>
</context>
<context>
    <name>sb::mastodon::MastodonSignIn</name>
    <message>
        <source>The sign-in was not completed in time.</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>A sign-in is already running.</source>
        <translation>Eine Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <source>Switchboard is signed in. You can close this page.</source>
        <translation>Switchboard ist angemeldet. Sie können diese Seite schließen.</translation>
    </message>
    <message>
        <source>The server did not issue a token: %1</source>
        <translation>Der Server hat kein Token ausgestellt: %1</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>Auf 127.0.0.1 kann nicht auf die Antwort des Browsers gewartet werden.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain a token.</source>
        <translation>Die Antwort des Servers enthielt kein Token.</translation>
    </message>
    <message>
        <source>The sign-in was refused: %1</source>
        <translation>Die Anmeldung wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>That is not an authorization code.</source>
        <translation>Das ist kein Autorisierungscode.</translation>
    </message>
</context>
<context>
    <name>sb::metrics</name>
    <message>
        <source>under 1 min</source>
        <translation>unter 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Replies&lt;/b&gt;: replies sent to customers in the range, counted for the person who wrote them (a contributor&apos;s reply approved by a manager is the contributor&apos;s).&lt;/p&gt;&lt;p&gt;&lt;b&gt;First response&lt;/b&gt;: from the conversation&apos;s first inbound message to the first reply, counted in business hours only, for conversations that started in the range. It counts for whoever wrote the first reply, or the assignee when nobody in the team did. p90: nine in ten were answered within this time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA attainment&lt;/b&gt;: share of conversations answered before their due time; a conversation still unanswered after its due time counts as missed, one not yet due is left out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resolved&lt;/b&gt;: conversations the person marked resolved in the range; a reopened conversation resolved again counts once per person.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open workload&lt;/b&gt;: open and pending conversations assigned now, whatever the range.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notes&lt;/b&gt; and &lt;b&gt;posts published&lt;/b&gt;: written or published in the range. Spam is excluded everywhere.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: the team&apos;s row and the chart&apos;s team median count every conversation, whoever answered it, so they are not an average of the rows above.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antworten&lt;/b&gt;: im Zeitraum an Kund:innen gesendete Antworten, gezählt für die Person, die sie geschrieben hat (die Antwort einer Fachexpert:in, die eine Manager:in freigegeben hat, zählt für die Fachexpert:in).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erste Antwort&lt;/b&gt;: von der ersten eingehenden Nachricht der Unterhaltung bis zur ersten Antwort, nur in Geschäftszeiten gezählt, für Unterhaltungen, die im Zeitraum begonnen haben. Sie zählt für die Person, die die erste Antwort geschrieben hat, oder für die zuständige Person, wenn niemand aus dem Team geantwortet hat. p90: Neun von zehn wurden innerhalb dieser Zeit beantwortet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SLA-Erfüllung&lt;/b&gt;: Anteil der Unterhaltungen, die vor ihrer Fälligkeit beantwortet wurden; eine nach ihrer Fälligkeit noch unbeantwortete Unterhaltung zählt als verfehlt, eine noch nicht fällige wird nicht berücksichtigt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erledigt&lt;/b&gt;: Unterhaltungen, die die Person im Zeitraum als erledigt markiert hat; eine wieder geöffnete und erneut erledigte Unterhaltung zählt einmal pro Person.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Offene Arbeitslast&lt;/b&gt;: derzeit zugewiesene offene und wartende Unterhaltungen, unabhängig vom Zeitraum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notizen&lt;/b&gt; und &lt;b&gt;veröffentlichte Beiträge&lt;/b&gt;: im Zeitraum geschrieben bzw. veröffentlicht. Spam ist überall ausgenommen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Team&lt;/b&gt;: Die Zeile des Teams und der Team-Median im Diagramm zählen jede Unterhaltung, egal wer sie beantwortet hat; sie sind daher kein Durchschnitt der Zeilen darüber.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Replies per week</source>
        <translation>Antworten pro Woche</translation>
    </message>
    <message>
        <source>Resolved per week</source>
        <translation>Erledigt pro Woche</translation>
    </message>
    <message>
        <source>Posts per week</source>
        <translation>Beiträge pro Woche</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>Erste Antwort (Median)</translation>
    </message>
    <message>
        <source>SLA attainment</source>
        <translation>SLA-Erfüllung</translation>
    </message>
    <message>
        <source>%1 of %2 a week</source>
        <translation>%1 von %2 pro Woche</translation>
    </message>
    <message>
        <source>%1, goal under %2 min</source>
        <translation>%1, Ziel unter %2 min</translation>
    </message>
    <message>
        <source>No first responses yet, goal under %1 min</source>
        <translation>Noch keine ersten Antworten, Ziel unter %1 min</translation>
    </message>
    <message>
        <source>%1 %, goal %2 %</source>
        <translation>%1 %, Ziel %2 %</translation>
    </message>
    <message>
        <source>Nothing due yet, goal %1 %</source>
        <translation>Noch nichts fällig, Ziel %1 %</translation>
    </message>
</context>
<context>
    <name>sb::metrics::EngagementMetrics</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>sb::models::AccountsModel</name>
    <message>
        <source>Archived: not syncing, conversations kept</source>
        <translation>Archiviert: keine Synchronisierung, Unterhaltungen bleiben erhalten</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Rate limited until %1</source>
        <translation>Ratenbegrenzung bis %1</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Sign-in expired: sign in again</source>
        <translation>Anmeldung abgelaufen: bitte erneut anmelden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>History fetched: %1%</source>
        <translation>Verlauf abgerufen: %1 %</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Fetching history</source>
        <translation>Verlauf wird abgerufen</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>sb::models::CalendarModel</name>
    <message>
        <source>M</source>
        <comment>network glyph: Mastodon</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>B</source>
        <comment>network glyph: Bluesky</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor:in</translation>
    </message>
</context>
<context>
    <name>sb::models::EmployeesModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
</context>
<context>
    <name>sb::models::EngagementModel</name>
    <message>
        <source>Team (all employees)</source>
        <translation>Team (alle Mitarbeitenden)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n first response(s) in business hours</source>
        <translation>
            <numerusform>%n erste Antwort in Geschäftszeiten</numerusform>
            <numerusform>%n erste Antworten in Geschäftszeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late or overdue</source>
        <translation>%1 rechtzeitig, %2 verspätet oder überfällig</translation>
    </message>
    <message numerus="yes">
        <source>Handled %n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung bearbeitet</numerusform>
            <numerusform>%n Unterhaltungen bearbeitet</numerusform>
        </translation>
    </message>
    <message>
        <source>Median time from the first inbound message to the first reply, in business hours</source>
        <translation>Median der Zeit von der ersten eingehenden Nachricht bis zur ersten Antwort, in Geschäftszeiten</translation>
    </message>
    <message>
        <source>Nine in ten first replies came within this time (business hours)</source>
        <translation>Neun von zehn ersten Antworten kamen innerhalb dieser Zeit (Geschäftszeiten)</translation>
    </message>
    <message>
        <source>Share of conversations answered before their due time</source>
        <translation>Anteil der Unterhaltungen, die vor ihrer Fälligkeit beantwortet wurden</translation>
    </message>
    <message>
        <source>Open and pending conversations assigned now</source>
        <translation>Derzeit zugewiesene offene und wartende Unterhaltungen</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter:in</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>First response (median)</source>
        <translation>Erste Antwort (Median)</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>SLA met</source>
        <translation>SLA eingehalten</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Jetzt offen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>Veröffentlichte Beiträge</translation>
    </message>
    <message>
        <source>%1 likes, %2 reposts, %3 replies on their replies and published posts</source>
        <translation>%1 Likes, %2 Reposts, %3 Antworten auf ihre Antworten und veröffentlichten Beiträge</translation>
    </message>
    <message>
        <source>Conversations replied to or resolved in the range</source>
        <translation>Im Zeitraum beantwortete oder erledigte Unterhaltungen</translation>
    </message>
    <message>
        <source>Median time from the first inbound message to resolution, in business hours</source>
        <translation>Median der Zeit von der ersten eingehenden Nachricht bis zur Erledigung, in Geschäftszeiten</translation>
    </message>
    <message>
        <source>Posts written in the range</source>
        <translation>Im Zeitraum geschriebene Beiträge</translation>
    </message>
    <message>
        <source>Their posts approved in the range, whoever reviewed them</source>
        <translation>Ihre im Zeitraum freigegebenen Beiträge, egal wer sie geprüft hat</translation>
    </message>
    <message>
        <source>Their posts published in the range</source>
        <translation>Ihre im Zeitraum veröffentlichten Beiträge</translation>
    </message>
    <message>
        <source>Likes, reposts and replies earned by their replies and published posts in the range</source>
        <translation>Likes, Reposts und Antworten auf ihre Antworten und veröffentlichten Beiträge aus dem Zeitraum</translation>
    </message>
    <message>
        <source>Advocacy: posts from the employee's own linked account</source>
        <translation>Advocacy: Beiträge aus dem eigenen verknüpften Konto der Person</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Resolution
(median)</source>
        <translation>Lösungszeit
(Median)</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Entworfen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Own
posts</source>
        <translation>Eigene
Beiträge</translation>
    </message>
    <message>
        <source>First response
(median)</source>
        <translation>Erste Antwort
(Median)</translation>
    </message>
    <message>
        <source>SLA
met</source>
        <translation>SLA
erfüllt</translation>
    </message>
    <message>
        <source>Open
now</source>
        <translation>Jetzt
offen</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message numerus="yes">
        <source>%n resolution(s) in business hours</source>
        <translation>
            <numerusform>%n Erledigung in Geschäftszeiten</numerusform>
            <numerusform>%n Erledigungen in Geschäftszeiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s) (likes, reposts, replies) on posts from their own account</source>
        <translation>
            <numerusform>%n Interaktion (Likes, Reposts, Antworten) auf Beiträge aus dem eigenen Konto</numerusform>
            <numerusform>%n Interaktionen (Likes, Reposts, Antworten) auf Beiträge aus dem eigenen Konto</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::models::InboxModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Rechtzeitig</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>Fällig in %1</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>%1 account %2</source>
        <translation>%1-Konto %2</translation>
    </message>
    <message>
        <source>First response due %1</source>
        <translation>Erste Antwort fällig bis %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>First-response promise</source>
        <translation>Zusage für erste Antwort</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
</context>
<context>
    <name>sb::models::RosterModel</name>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>sb::models::ViewsModel</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Replies drafted by contributors that wait for a manager</source>
        <translation>Antwortentwürfe von Fachexpert:innen, die auf die Freigabe durch Manager:innen warten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a reply</source>
        <translation>
            <numerusform>%n wartet auf Antwort</numerusform>
            <numerusform>%n warten auf Antwort</numerusform>
        </translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Conversations marked as spam: hidden everywhere else</source>
        <translation>Als Spam markierte Unterhaltungen: überall sonst ausgeblendet</translation>
    </message>
</context>
<context>
    <name>sb::ui::AccountsSignInDialog</name>
    <message>
        <source>Sign in again to %1</source>
        <translation>Erneut bei %1 anmelden</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Sign in to %1 on its server again. Switchboard keeps the sign-in in the system keychain.</source>
        <translation>Melden Sie %1 erneut auf seinem Server an. Switchboard speichert die Anmeldung im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Sign in to the account on its server. Switchboard keeps the sign-in in the system keychain and then fetches the account&apos;s recent history.</source>
        <translation>Melden Sie sich auf dem Server des Kontos an. Switchboard speichert die Anmeldung im Schlüsselbund des Systems und ruft dann den jüngsten Verlauf des Kontos ab.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Mastodon</source>
        <translation>&amp;Mastodon</translation>
    </message>
    <message>
        <source>Network: Mastodon</source>
        <translation>Netzwerk: Mastodon</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netzwerk:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>e.g. mastodon.social</source>
        <translation>z. B. mastodon.social</translation>
    </message>
    <message>
        <source>The address of the account&apos;s Mastodon server</source>
        <translation>Die Adresse des Mastodon-Servers des Kontos</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>With the &amp;browser (recommended)</source>
        <translation>Mit dem &amp;Browser (empfohlen)</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Mit dem Browser anmelden</translation>
    </message>
    <message>
        <source>Opens the server&apos;s sign-in page; the browser hands the sign-in back to Switchboard</source>
        <translation>Öffnet die Anmeldeseite des Servers; der Browser gibt die Anmeldung an Switchboard zurück</translation>
    </message>
    <message>
        <source>With a &amp;code the server shows</source>
        <translation>Mit einem &amp;Code vom Server</translation>
    </message>
    <message>
        <source>Sign in with a code the server shows</source>
        <translation>Mit einem Code anmelden, den der Server anzeigt</translation>
    </message>
    <message>
        <source>For a browser on another computer: open the page there and paste the code it shows</source>
        <translation>Für einen Browser auf einem anderen Computer: Öffnen Sie die Seite dort und fügen Sie den angezeigten Code hier ein</translation>
    </message>
    <message>
        <source>With an access &amp;token</source>
        <translation>Mit einem &amp;Zugriffstoken</translation>
    </message>
    <message>
        <source>Sign in with an access token</source>
        <translation>Mit einem Zugriffstoken anmelden</translation>
    </message>
    <message>
        <source>A token made under Preferences, Development on the server</source>
        <translation>Ein Token, erstellt auf dem Server unter Einstellungen, Entwicklung</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Paste the access token</source>
        <translation>Zugriffstoken einfügen</translation>
    </message>
    <message>
        <source>Sign in:</source>
        <translation>Anmelden:</translation>
    </message>
    <message>
        <source>Days of history to fetch</source>
        <translation>Abzurufende Tage des Verlaufs</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Fetch history of the last:</source>
        <translation>&amp;Verlauf abrufen für die letzten:</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation>Adresse der Anmeldeseite</translation>
    </message>
    <message>
        <source>If no browser opened, copy this address into one</source>
        <translation>Falls sich kein Browser geöffnet hat, kopieren Sie diese Adresse in einen Browser</translation>
    </message>
    <message>
        <source>&amp;Open the page again</source>
        <translation>Seite &amp;erneut öffnen</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Anmeldeseite erneut öffnen</translation>
    </message>
    <message>
        <source>Code from the server</source>
        <translation>Code vom Server</translation>
    </message>
    <message>
        <source>Paste the code the server shows</source>
        <translation>Fügen Sie den Code ein, den der Server anzeigt</translation>
    </message>
    <message>
        <source>&amp;Use this code</source>
        <translation>Diesen Code ver&amp;wenden</translation>
    </message>
    <message>
        <source>Use this code</source>
        <translation>Diesen Code verwenden</translation>
    </message>
    <message>
        <source>&amp;Stop signing in</source>
        <translation>Anmeldung abbrec&amp;hen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign-in error: %1</source>
        <translation>Anmeldefehler: %1</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>No browser could be opened. Open the address below in a browser to sign in.</source>
        <translation>Es konnte kein Browser geöffnet werden. Öffnen Sie zum Anmelden die Adresse unten in einem Browser.</translation>
    </message>
    <message>
        <source>The sign-in was stopped.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;Bluesky</source>
        <translation>&amp;Bluesky</translation>
    </message>
    <message>
        <source>Network: Bluesky</source>
        <translation>Netzwerk: Bluesky</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>e.g. acme.bsky.social</source>
        <translation>z. B. acme.bsky.social</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Handle:</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <source>xxxx-xxxx-xxxx-xxxx</source>
        <translation>xxxx-xxxx-xxxx-xxxx</translation>
    </message>
    <message>
        <source>Not your main password: make an app password for Switchboard in Bluesky under Settings, Privacy and security, &lt;a href=&quot;https://bsky.app/settings/app-passwords&quot;&gt;App passwords&lt;/a&gt;. You can revoke it there at any time.</source>
        <translation>Nicht Ihr Hauptpasswort: Legen Sie in Bluesky unter Einstellungen, Privatsphäre und Sicherheit, &lt;a href=&quot;https://bsky.app/settings/app-passwords&quot;&gt;App-Passwörter&lt;/a&gt; ein App-Passwort für Switchboard an. Sie können es dort jederzeit widerrufen.</translation>
    </message>
    <message>
        <source>A&amp;pp password:</source>
        <translation>A&amp;pp-Passwort:</translation>
    </message>
    <message>
        <source>e.g. bsky.social</source>
        <translation>z. B. bsky.social</translation>
    </message>
    <message>
        <source>Where the account signs in: bsky.social, or its own PDS</source>
        <translation>Wo sich das Konto anmeldet: bsky.social oder sein eigener PDS</translation>
    </message>
</context>
<context>
    <name>sb::ui::AccountsView</name>
    <message>
        <source>Channel accounts</source>
        <translation>Kanalkonten</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Connect a Mastodon account by signing in to its server</source>
        <translation>Ein Mastodon-Konto durch Anmelden auf seinem Server verbinden</translation>
    </message>
    <message>
        <source>S&amp;ign in again…</source>
        <translation>Erneut an&amp;melden…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Sign in to the account&apos;s server again, e.g. after its sign-in expired</source>
        <translation>Erneut auf dem Server des Kontos anmelden, z. B. wenn die Anmeldung abgelaufen ist</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>Synchronisierung &amp;anhalten</translation>
    </message>
    <message>
        <source>Stop or restart fetching new messages for the selected account</source>
        <translation>Abrufen neuer Nachrichten für das ausgewählte Konto anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch new messages for the selected account now (F5)</source>
        <translation>Neue Nachrichten für das ausgewählte Konto jetzt abrufen (F5)</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the selected account, keeping its conversations or not (Delete)</source>
        <translation>Das ausgewählte Konto entfernen, mit oder ohne seine Unterhaltungen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Keep its conversations (archive)</source>
        <translation>Unterhaltungen &amp;behalten (archivieren)</translation>
    </message>
    <message>
        <source>Remove the account and keep its conversations (archive)</source>
        <translation>Konto entfernen und seine Unterhaltungen behalten (archivieren)</translation>
    </message>
    <message>
        <source>Remove the account and its &amp;conversations</source>
        <translation>Konto und seine &amp;Unterhaltungen entfernen</translation>
    </message>
    <message>
        <source>Remove the account and its conversations</source>
        <translation>Konto und seine Unterhaltungen entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel removing the account</source>
        <translation>Entfernen des Kontos abbrechen</translation>
    </message>
    <message>
        <source>No channel accounts yet. Add one and its mentions, replies and direct messages arrive in the inbox.</source>
        <translation>Noch keine Kanalkonten. Fügen Sie eines hinzu, dann landen seine Erwähnungen, Antworten und Direktnachrichten im Posteingang.</translation>
    </message>
    <message>
        <source>Only community managers, managers and admins can pause or resume sync; only managers and admins can add, sign in or remove accounts.</source>
        <translation>Nur Community-Manager:innen, Manager:innen und Admins können die Synchronisierung anhalten oder fortsetzen; nur Manager:innen und Admins können Konten hinzufügen, anmelden oder entfernen.</translation>
    </message>
    <message>
        <source>Only managers and admins can add, sign in or remove accounts.</source>
        <translation>Nur Manager:innen und Admins können Konten hinzufügen, anmelden oder entfernen.</translation>
    </message>
    <message>
        <source>History of %1 fetched</source>
        <translation>Verlauf von %1 abgerufen</translation>
    </message>
    <message>
        <source>Fetching the history of %1: %2%</source>
        <translation>Verlauf von %1 wird abgerufen: %2 %</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Resume sync</source>
        <translation>Synchronisierung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Synchronisierung fortsetzen</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Synchronisierung anhalten</translation>
    </message>
    <message>
        <source>Restore with a new s&amp;ign-in…</source>
        <translation>Mit neuer Anmeldung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Sync does not run in this window</source>
        <translation>In diesem Fenster läuft keine Synchronisierung</translation>
    </message>
    <message>
        <source>Fetching new messages for %1…</source>
        <translation>Neue Nachrichten für %1 werden abgerufen…</translation>
    </message>
    <message>
        <source>%1 is connected; its history is being fetched.</source>
        <translation>%1 ist verbunden; der Verlauf wird abgerufen.</translation>
    </message>
    <message>
        <source>%1 is signed in again.</source>
        <translation>%1 ist wieder angemeldet.</translation>
    </message>
    <message>
        <source>Remove %1 and its archived conversations for good?</source>
        <translation>%1 und seine archivierten Unterhaltungen endgültig entfernen?</translation>
    </message>
    <message>
        <source>Remove %1? Its conversations can stay in the inbox, archived and readable, or go with it. Its sign-in is deleted from the keychain either way.</source>
        <translation>%1 entfernen? Seine Unterhaltungen können archiviert und lesbar im Posteingang bleiben oder mit entfernt werden. Die Anmeldung wird in jedem Fall aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>%1 is archived: it no longer syncs, its conversations stay.</source>
        <translation>%1 ist archiviert: Es wird nicht mehr synchronisiert, seine Unterhaltungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>%1 and its conversations are removed.</source>
        <translation>%1 und seine Unterhaltungen wurden entfernt.</translation>
    </message>
    <message>
        <source>Archiving %1…</source>
        <translation>%1 wird archiviert…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The server asked to wait; sync resumes by itself when it allows</source>
        <translation>Der Server hat um eine Pause gebeten; die Synchronisierung läuft von selbst weiter, sobald er es zulässt</translation>
    </message>
    <message>
        <source>First response promised within, in business minutes</source>
        <translation>Erstreaktion zugesagt innerhalb, in Geschäftsminuten</translation>
    </message>
    <message>
        <source> business minutes</source>
        <translation> Geschäftsminuten</translation>
    </message>
    <message>
        <source>Due times count business hours only (Settings). New conversations get the new promise; open ones keep the due time they were given.</source>
        <translation>Fälligkeiten zählen nur Geschäftszeiten (Einstellungen). Neue Unterhaltungen bekommen die neue Zusage; offene behalten ihre Fälligkeit.</translation>
    </message>
    <message>
        <source>First response &amp;promised within:</source>
        <translation>Erstreaktion &amp;zugesagt innerhalb:</translation>
    </message>
    <message numerus="yes">
        <source>New conversations on this account are due within %n business minutes.</source>
        <translation>
            <numerusform>Neue Unterhaltungen auf diesem Konto sind innerhalb von %n Geschäftsminute fällig.</numerusform>
            <numerusform>Neue Unterhaltungen auf diesem Konto sind innerhalb von %n Geschäftsminuten fällig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whose account</source>
        <translation>Wessen Konto</translation>
    </message>
    <message>
        <source>An employee's own account: its posts count in their engagement figures as own posts (advocacy). A brand account is the team's.</source>
        <translation>Das eigene Konto einer Person: Seine Beiträge zählen in ihren Engagement-Zahlen als eigene Beiträge (Advocacy). Ein Markenkonto gehört dem Team.</translation>
    </message>
    <message>
        <source>&amp;Whose account:</source>
        <translation>&amp;Wessen Konto:</translation>
    </message>
    <message>
        <source>The brand's (a team account)</source>
        <translation>Der Marke (ein Teamkonto)</translation>
    </message>
    <message>
        <source>My own (%1)</source>
        <translation>Mein eigenes (%1)</translation>
    </message>
    <message>
        <source>Own account of %1</source>
        <translation>Eigenes Konto von %1</translation>
    </message>
    <message>
        <source>%1 is a brand account.</source>
        <translation>%1 ist ein Markenkonto.</translation>
    </message>
    <message>
        <source>%1 is now %2: its posts count as their own posts in Engagement.</source>
        <translation>%1 ist jetzt %2: Seine Beiträge zählen unter Engagement als eigene Beiträge.</translation>
    </message>
</context>
<context>
    <name>sb::ui::CalendarMonthGrid</name>
    <message>
        <source>Month calendar</source>
        <translation>Monatskalender</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n Beitrag</numerusform>
            <numerusform>%n Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
</context>
<context>
    <name>sb::ui::CalendarView</name>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>Vorheriger Monat (Bild auf)</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation>Zu heute springen (Pos1)</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>Nächster Monat (Bild ab)</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>The workspace&apos;s time zone, set in Settings</source>
        <translation>Die Zeitzone des Arbeitsbereichs, festgelegt in den Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>Next %n day(s)</source>
        <translation>
            <numerusform>Nächster %n Tag</numerusform>
            <numerusform>Nächste %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Upcoming posts</source>
        <translation>Anstehende Beiträge</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is scheduled for the next %n day(s).</source>
        <translation>
            <numerusform>Für den nächsten %n Tag ist nichts geplant.</numerusform>
            <numerusform>Für die nächsten %n Tage ist nichts geplant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Times in %1 (%2)</source>
        <translation>Zeiten in %1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Month calendar, %1</source>
        <translation>Monatskalender, %1</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Posts that missed their time or failed</source>
        <translation>Beiträge, die ihren Termin verpasst haben oder fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>Publish &amp;now</source>
        <translation>&amp;Jetzt veröffentlichen</translation>
    </message>
    <message>
        <source>Send the missed post now</source>
        <translation>Den verpassten Beitrag jetzt senden</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Send the post again where it failed</source>
        <translation>Den Beitrag dort erneut senden, wo er fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>Missed %1</source>
        <translation>Verpasst %1</translation>
    </message>
    <message>
        <source>Failed, due %1</source>
        <translation>Fehlgeschlagen, fällig %1</translation>
    </message>
    <message>
        <source>Partly published, due %1</source>
        <translation>Teilweise veröffentlicht, fällig %1</translation>
    </message>
    <message>
        <source>Failed on %1</source>
        <translation>Fehlgeschlagen bei %1</translation>
    </message>
    <message>
        <source>A community manager, manager or admin decides what happens to these posts.</source>
        <translation>Über diese Beiträge entscheidet eine Community-Managerin, ein Manager oder ein Admin.</translation>
    </message>
    <message>
        <source>The post goes out with the next pass of the outbox.</source>
        <translation>Der Beitrag geht mit dem nächsten Durchlauf des Postausgangs hinaus.</translation>
    </message>
    <message>
        <source>Sent again where it failed: it goes out with the next pass of the outbox.</source>
        <translation>Dort erneut gesendet, wo er fehlgeschlagen ist: Er geht mit dem nächsten Durchlauf des Postausgangs hinaus.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Put the post back where it was (Ctrl+Z)</source>
        <translation>Den Beitrag dorthin zurücklegen, wo er war (Strg+Z)</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: the clocks skip it for daylight saving. The post stays where it was.</source>
        <translation>%1 gibt es in %2 nicht: Die Uhren überspringen diese Zeit wegen der Sommerzeit. Der Beitrag bleibt, wo er war.</translation>
    </message>
    <message>
        <source>Moved to %1 (%2).</source>
        <translation>Verschoben auf %1 (%2).</translation>
    </message>
    <message>
        <source>That time happens twice there; it goes out at the first.</source>
        <translation>Diese Uhrzeit gibt es dort zweimal; er erscheint zur ersten.</translation>
    </message>
    <message>
        <source>A new time is a change: it goes back to review.</source>
        <translation>Eine neue Zeit ist eine Änderung: Der Beitrag geht zurück in die Prüfung.</translation>
    </message>
    <message>
        <source>The post is back at its earlier time.</source>
        <translation>Der Beitrag ist wieder zu seiner früheren Zeit eingeplant.</translation>
    </message>
    <message>
        <source>Show the posts of the account</source>
        <translation>Beiträge des Kontos zeigen</translation>
    </message>
    <message>
        <source>Show the posts of the campaign</source>
        <translation>Beiträge der Kampagne zeigen</translation>
    </message>
    <message>
        <source>Show the posts in the state</source>
        <translation>Beiträge im Status zeigen</translation>
    </message>
    <message>
        <source>Show the posts by</source>
        <translation>Beiträge zeigen von</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>The month as a grid of days (Ctrl+1)</source>
        <translation>Der Monat als Raster von Tagen (Strg+1)</translation>
    </message>
    <message>
        <source>A week hour by hour (Ctrl+2)</source>
        <translation>Eine Woche Stunde für Stunde (Strg+2)</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Week calendar, %1</source>
        <translation>Wochenkalender, %1</translation>
    </message>
    <message>
        <source>&amp;New post…</source>
        <translation>&amp;Neuer Beitrag…</translation>
    </message>
    <message>
        <source>Write a post for the selected day (or double-click a day)</source>
        <translation>Einen Beitrag für den gewählten Tag schreiben (oder auf einen Tag doppelklicken)</translation>
    </message>
    <message>
        <source>&amp;Best time…</source>
        <translation>&amp;Beste Zeit…</translation>
    </message>
    <message>
        <source>When each account&apos;s posts earned most, hour by hour</source>
        <translation>Wann die Beiträge jedes Kontos am meisten erreicht haben, Stunde für Stunde</translation>
    </message>
</context>
<context>
    <name>sb::ui::ComposerGuard</name>
    <message>
        <source>Colleagues on this conversation</source>
        <translation>Kolleginnen und Kollegen in dieser Unterhaltung</translation>
    </message>
    <message>
        <source>%1 is writing a reply</source>
        <translation>%1 schreibt gerade eine Antwort</translation>
    </message>
    <message>
        <source>%1 is looking at this conversation</source>
        <translation>%1 sieht sich diese Unterhaltung an</translation>
    </message>
    <message>
        <source>Someone else is on this conversation</source>
        <translation>Jemand anderes ist an dieser Unterhaltung</translation>
    </message>
    <message>
        <source>Before you answer:

%1

Send your reply anyway?</source>
        <translation>Bevor du antwortest:

%1

Antwort trotzdem senden?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Don't send</source>
        <translation>Nicht senden</translation>
    </message>
</context>
<context>
    <name>sb::ui::ConversationPane</name>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Erwähnung</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Select a conversation to read it here.
j and k move through the list, ? shows every shortcut.</source>
        <translation>Wählen Sie eine Unterhaltung aus, um sie hier zu lesen.
j und k blättern durch die Liste, ? zeigt alle Tastenkürzel.</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Snoozes until 09:00 tomorrow</source>
        <translation>Bis morgen 09:00 zurückstellen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Add tags, separated by commas</source>
        <translation>Tags hinzufügen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation>&amp;Zuständig:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Pr&amp;iority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>Messages in this conversation</source>
        <translation>Nachrichten in dieser Unterhaltung</translation>
    </message>
    <message>
        <source>Write a reply or an internal note</source>
        <translation>Antwort oder interne Notiz schreiben</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Verwendete Zeichen</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends</source>
        <translation>Strg+Eingabe sendet</translation>
    </message>
    <message>
        <source>%1 on %2 to %3</source>
        <translation>%1 auf %2 an %3</translation>
    </message>
    <message>
        <source>first response overdue since %1</source>
        <translation>erste Antwort überfällig seit %1</translation>
    </message>
    <message>
        <source>first response due %1</source>
        <translation>erste Antwort fällig bis %1</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>replied as %1</source>
        <translation>als %1 geantwortet</translation>
    </message>
    <message>
        <source>internal note, only the team sees it</source>
        <translation>interne Notiz, nur für das Team sichtbar</translation>
    </message>
    <message>
        <source>sending failed: %1</source>
        <translation>Senden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>queued in the outbox, not sent yet</source>
        <translation>im Postausgang, noch nicht gesendet</translation>
    </message>
    <message>
        <source>reply rejected: %1</source>
        <translation>Antwort abgelehnt: %1</translation>
    </message>
    <message>
        <source>reply awaiting a manager&apos;s approval</source>
        <translation>Antwort wartet auf Freigabe durch Manager:innen</translation>
    </message>
    <message>
        <source>Write a note only your team sees</source>
        <translation>Notiz schreiben, die nur Ihr Team sieht</translation>
    </message>
    <message>
        <source>Internal note text</source>
        <translation>Text der internen Notiz</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Write a reply to %1</source>
        <translation>Antwort an %1 schreiben</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Your role drafts replies; a manager approves them before they go out</source>
        <translation>In Ihrer Rolle schreiben Sie Antwortentwürfe; Manager:innen geben sie vor dem Versand frei</translation>
    </message>
    <message>
        <source>%1 / %2, %3 too many</source>
        <translation>%1 / %2, %3 zu viel</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Your role cannot triage conversations</source>
        <translation>Mit Ihrer Rolle können Sie Unterhaltungen nicht zuweisen oder ihren Status ändern</translation>
    </message>
    <message>
        <source>The author's other conversations</source>
        <translation>Die anderen Unterhaltungen dieser Person</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also wrote (%n conversations):</source>
        <translation>
            <numerusform>Schrieb auch (%n Unterhaltung):</numerusform>
            <numerusform>Schrieb auch (%n Unterhaltungen):</numerusform>
        </translation>
    </message>
    <message>
        <source>Canned reply</source>
        <translation>Textvorlage</translation>
    </message>
    <message>
        <source>Insert a canned reply</source>
        <translation>Textvorlage einfügen</translation>
    </message>
    <message>
        <source>Insert a canned reply (Ctrl+I); {first_name}, {agent} and the other variables are filled in</source>
        <translation>Textvorlage einfügen (Strg+I); {first_name}, {agent} und die anderen Variablen werden ausgefüllt</translation>
    </message>
    <message>
        <source>Check the reply: %1 is not a variable (known: %2)</source>
        <translation>Antwort prüfen: %1 ist keine Variable (bekannt: %2)</translation>
    </message>
    <message>
        <source>Write a note only your team sees; @name tells a colleague</source>
        <translation>Notiz, die nur dein Team sieht; @Name benachrichtigt eine Kollegin oder einen Kollegen</translation>
    </message>
    <message>
        <source>Tea&amp;m:</source>
        <translation>Tea&amp;m:</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Routed to the team</source>
        <translation>An das Team geleitet</translation>
    </message>
    <message>
        <source>Send the reply or note</source>
        <translation>Antwort oder Notiz senden</translation>
    </message>
    <message>
        <source>Back to the list (the text stays)</source>
        <translation>Zurück zur Liste (der Text bleibt)</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementChart</name>
    <message>
        <source>No first responses in this range yet.</source>
        <translation>In diesem Zeitraum gibt es noch keine ersten Antworten.</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>Erste Antwort (Median)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Hours of business time</source>
        <translation>Stunden Geschäftszeit</translation>
    </message>
    <message>
        <source>Minutes of business time</source>
        <translation>Minuten Geschäftszeit</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter:in</translation>
    </message>
    <message>
        <source>Team median: %1</source>
        <translation>Team-Median: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementDrillDownDialog</name>
    <message>
        <source>What counted</source>
        <translation>Was gezählt wurde</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Conversation or post</source>
        <translation>Unterhaltung oder Beitrag</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Nothing counted for this figure in this range.</source>
        <translation>Für diese Zahl wurde in diesem Zeitraum nichts gezählt.</translation>
    </message>
    <message>
        <source>&amp;Open conversation</source>
        <translation>Unterhaltung ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementGoals</name>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Select an employee to see their goals.</source>
        <translation>Wählen Sie eine Person aus, um ihre Ziele zu sehen.</translation>
    </message>
    <message>
        <source>Goals: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>No goals are set for %1 yet.</source>
        <translation>Für %1 sind noch keine Ziele festgelegt.</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Edit &amp;goals…</source>
        <translation>&amp;Ziele bearbeiten…</translation>
    </message>
    <message>
        <source>Set, change or remove this employee's goals</source>
        <translation>Ziele dieser Person setzen, ändern oder entfernen</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>%1: %2 set %3 to %4</source>
        <translation>%1: %2 hat %3 auf %4 gesetzt</translation>
    </message>
    <message>
        <source>%1: %2 removed %3</source>
        <translation>%1: %2 hat %3 entfernt</translation>
    </message>
    <message>
        <source>Week %1 (from %2): %3, %4</source>
        <translation>Woche %1 (ab %2): %3, %4</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>nothing to measure</source>
        <translation>nichts zu messen</translation>
    </message>
    <message>
        <source>%1, last weeks</source>
        <translation>%1, letzte Wochen</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementGoalsDialog</name>
    <message>
        <source>Goals for %1</source>
        <translation>Ziele für %1</translation>
    </message>
    <message>
        <source>Goals are measured over the range the panel shows, per week where they say so, and each week's result is kept in the history.</source>
        <translation>Ziele werden über den angezeigten Zeitraum gemessen, pro Woche, wo sie es sagen; das Ergebnis jeder Woche bleibt im Verlauf.</translation>
    </message>
    <message>
        <source>Target for %1</source>
        <translation>Zielwert für %1</translation>
    </message>
    <message>
        <source>under </source>
        <translation>unter </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>mindestens </translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> a week</source>
        <translation> pro Woche</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementReportPdf</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>How these figures are counted</source>
        <translation>Wie diese Zahlen gezählt werden</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementTrendChart</name>
    <message>
        <source>Trend figure</source>
        <translation>Verlaufswert</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Resolved conversations</source>
        <translation>Erledigte Unterhaltungen</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>Median der ersten Antwort</translation>
    </message>
    <message>
        <source>SLA attainment</source>
        <translation>SLA-Erfüllung</translation>
    </message>
    <message>
        <source>Notes written</source>
        <translation>Geschriebene Notizen</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>Veröffentlichte Beiträge</translation>
    </message>
    <message>
        <source>Engagement earned</source>
        <translation>Erhaltene Interaktionen</translation>
    </message>
    <message>
        <source>&amp;Trend of</source>
        <translation>&amp;Verlauf von</translation>
    </message>
    <message>
        <source>Hours of business time</source>
        <translation>Stunden Geschäftszeit</translation>
    </message>
    <message>
        <source>Minutes of business time</source>
        <translation>Minuten Geschäftszeit</translation>
    </message>
    <message>
        <source>Percent answered on time</source>
        <translation>Prozent rechtzeitig beantwortet</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>%1, team median</source>
        <translation>%1, Team-Median</translation>
    </message>
    <message>
        <source>%1: %2 against the team</source>
        <translation>%1: %2 im Vergleich zum Team</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Team-Median</translation>
    </message>
    <message>
        <source>%1: %2, team median %3</source>
        <translation>%1: %2, Team-Median %3</translation>
    </message>
    <message>
        <source>%1: %2, team %3</source>
        <translation>%1: %2, Team %3</translation>
    </message>
</context>
<context>
    <name>sb::ui::EngagementView</name>
    <message>
        <source>%1 %2–%3, %4</source>
        <translation>%1 %2–%3, %4</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
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
        <source>You see your own figures and the team&apos;s.</source>
        <translation>Sie sehen Ihre eigenen Zahlen und die des Teams.</translation>
    </message>
    <message>
        <source>Engagement by employee</source>
        <translation>Engagement nach Mitarbeitenden</translation>
    </message>
    <message>
        <source>How these figures are counted</source>
        <translation>So werden diese Zahlen ermittelt</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>diese Woche</translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation>letzte 30 Tage</translation>
    </message>
    <message>
        <source>last 90 days</source>
        <translation>letzte 90 Tage</translation>
    </message>
    <message>
        <source>%1 – %2 · business hours %3</source>
        <translation>%1 – %2 · Geschäftszeiten %3</translation>
    </message>
    <message>
        <source>Median first response by employee, %1</source>
        <translation>Erste Antwort (Median) nach Mitarbeitenden, %1</translation>
    </message>
    <message>
        <source>Your median first response against the team&apos;s, %1</source>
        <translation>Ihre erste Antwort (Median) im Vergleich zum Team, %1</translation>
    </message>
    <message>
        <source>Goals are set per employee: select one in the table.</source>
        <translation>Ziele gelten pro Person: Wählen Sie eine in der Tabelle aus.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>First response by employee</source>
        <translation>Erste Antwort je Person</translation>
    </message>
    <message>
        <source>Double-click a figure, or press Enter, to see the conversations and events behind it</source>
        <translation>Doppelklick auf eine Zahl oder Eingabetaste zeigt die Unterhaltungen und Ereignisse dahinter</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Campaign: %1 (%2 – %3)</source>
        <translation>Kampagne: %1 (%2 – %3)</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>last 12 months</source>
        <translation>letzte 12 Monate</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>das Team</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Save the figures as CSV, or a PDF report with the charts</source>
        <translation>Die Zahlen als CSV speichern oder einen PDF-Bericht mit den Diagrammen</translation>
    </message>
    <message>
        <source>Figures as &amp;CSV…</source>
        <translation>Zahlen als &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>&amp;PDF-Bericht…</translation>
    </message>
    <message>
        <source>engagement-%1</source>
        <translation>interaktionen-%1</translation>
    </message>
    <message>
        <source>Save the engagement report</source>
        <translation>Engagement-Bericht speichern</translation>
    </message>
    <message>
        <source>Save the engagement figures</source>
        <translation>Engagement-Zahlen speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Engagement, %1</source>
        <translation>Engagement, %1</translation>
    </message>
    <message>
        <source>Goals: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxApprovalBar</name>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Reply awaiting approval</source>
        <translation>Antwort wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Queue the reply in the outbox as it is</source>
        <translation>Antwort unverändert in den Postausgang stellen</translation>
    </message>
    <message>
        <source>Why the reply is rejected</source>
        <translation>Grund für die Ablehnung der Antwort</translation>
    </message>
    <message>
        <source>Why not? (its author sees this)</source>
        <translation>Warum nicht? (sichtbar für die verfassende Person)</translation>
    </message>
    <message>
        <source>%1&apos;s reply awaits your approval.</source>
        <translation>Die Antwort von %1 wartet auf Ihre Freigabe.</translation>
    </message>
    <message>
        <source>E&amp;dit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Change the text before approving it; its author sees what went out</source>
        <translation>Den Text vor der Freigabe ändern; der Autor sieht, was verschickt wurde</translation>
    </message>
    <message>
        <source>The reply as it will be sent</source>
        <translation>Die Antwort, wie sie verschickt wird</translation>
    </message>
    <message>
        <source>&amp;Approve as edited</source>
        <translation>Bearbeitet &amp;freigeben</translation>
    </message>
    <message>
        <source>Queue the reply in the outbox with your changes</source>
        <translation>Die Antwort mit deinen Änderungen in den Postausgang stellen</translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxAssignPicker</name>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Niemand (Zuweisung aufheben)</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>&amp;Zuweisen an:</translation>
    </message>
    <message>
        <source>Type a name, Enter to assign, Esc to cancel</source>
        <translation>Namen eingeben, Eingabe weist zu, Esc bricht ab</translation>
    </message>
    <message>
        <source>Filter the team</source>
        <translation>Team filtern</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Teammitglieder</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxCannedMenu</name>
    <message>
        <source>Canned replies</source>
        <translation>Textvorlagen</translation>
    </message>
    <message>
        <source>No canned replies yet: add them in Settings</source>
        <translation>Noch keine Textvorlagen: in den Einstellungen anlegen</translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxEmptyState</name>
    <message>
        <source>Add a Mastodon or Bluesky account and its mentions, replies and direct messages arrive here, or look around a demo workspace first.</source>
        <translation>Fügen Sie ein Mastodon- oder Bluesky-Konto hinzu, dann landen seine Erwähnungen, Antworten und Direktnachrichten hier – oder sehen Sie sich zuerst in einem Demo-Arbeitsbereich um.</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation>Demo-Arbeitsbereich ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxTriage</name>
    <message>
        <source>Unassigned</source>
        <translation>Zuweisung aufgehoben</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>%1 zugewiesen</translation>
    </message>
    <message>
        <source>Marked %1</source>
        <translation>Als %1 markiert</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>Reply queued; it goes out when the account is online</source>
        <translation>Antwort eingereiht; sie wird gesendet, sobald das Konto online ist</translation>
    </message>
    <message>
        <source>Reply submitted for approval</source>
        <translation>Antwort zur Freigabe eingereicht</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>Reply approved and queued</source>
        <translation>Antwort freigegeben und eingereiht</translation>
    </message>
    <message>
        <source>Reply rejected; its author sees why</source>
        <translation>Antwort abgelehnt; die verfassende Person sieht den Grund</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Back in the inbox on:</source>
        <translation>Wieder im Posteingang am:</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Marked as spam: it is in the Spam view</source>
        <translation>Als Spam markiert: zu finden in der Ansicht Spam</translation>
    </message>
    <message>
        <source>Not spam any more</source>
        <translation>Kein Spam mehr</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Routed to the team %1</source>
        <translation>An das Team %1 geleitet</translation>
    </message>
    <message>
        <source>%1: 1 conversation</source>
        <translation>%1: 1 Unterhaltung</translation>
    </message>
    <message>
        <source>Reply approved with your changes and queued</source>
        <translation>Antwort mit deinen Änderungen freigegeben und eingereiht</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n conversations</source>
        <translation>
            <numerusform>%1: %n Unterhaltung</numerusform>
            <numerusform>%1: %n Unterhaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::InboxView</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Inbox views</source>
        <translation>Posteingangsansichten</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search messages (/)</source>
        <translation>Nachrichten durchsuchen (/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>Fällig in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>&amp;Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>R&amp;esolve</source>
        <translation>&amp;Erledigen</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Mark p&amp;ending</source>
        <translation>Als wartend &amp;markieren</translation>
    </message>
    <message>
        <source>&amp;Snooze until tomorrow 09:00</source>
        <translation>Bis morgen 09:00 zurück&amp;stellen</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Add internal &amp;note</source>
        <translation>Interne N&amp;otiz hinzufügen</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>Suc&amp;hen</translation>
    </message>
    <message>
        <source>Save this search as a view</source>
        <translation>Diese Suche als Ansicht speichern</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>Saved the search as "%1".</source>
        <translation>Suche als „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Remove saved search "%1"</source>
        <translation>Gespeicherte Suche „%1“ entfernen</translation>
    </message>
    <message>
        <source>Snooze &amp;until…</source>
        <translation>Zurückstellen &amp;bis…</translation>
    </message>
    <message>
        <source>Mark as spa&amp;m</source>
        <translation>Als Spa&amp;m markieren</translation>
    </message>
    <message>
        <source>Not spa&amp;m</source>
        <translation>Kein Spa&amp;m</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Marked pending</source>
        <translation>Als wartend markiert</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Marked as spam</source>
        <translation>Als Spam markiert</translation>
    </message>
    <message>
        <source>Not spam</source>
        <translation>Kein Spam</translation>
    </message>
    <message>
        <source>Select or unselect (for several at once)</source>
        <translation>Auswählen oder abwählen (für mehrere auf einmal)</translation>
    </message>
    <message>
        <source>Extend the selection down</source>
        <translation>Auswahl nach unten erweitern</translation>
    </message>
    <message>
        <source>Extend the selection up</source>
        <translation>Auswahl nach oben erweitern</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations selected: e resolves, a assigns, s snoozes, ! marks spam, for all of them; j or k goes back to one</source>
        <translation>
            <numerusform>%n Unterhaltung ausgewählt: e erledigt, a weist zu, s stellt zurück, ! markiert als Spam, für alle; j oder k geht zurück zu einer</numerusform>
            <numerusform>%n Unterhaltungen ausgewählt: e erledigt, a weist zu, s stellt zurück, ! markiert als Spam, für alle; j oder k geht zurück zu einer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Conversations (Inbox)</source>
        <translation>Unterhaltungen (Posteingang)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Demo workspace: sync is off</source>
        <translation>Demo-Arbeitsbereich: Synchronisierung ist aus</translation>
    </message>
    <message>
        <source>another Switchboard window</source>
        <translation>einem anderen Switchboard-Fenster</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>einem anderen Prozess</translation>
    </message>
    <message>
        <source>Sync runs in %1 (process %2)</source>
        <translation>Synchronisierung läuft in %1 (Prozess %2)</translation>
    </message>
    <message>
        <source>Sync could not start: %1</source>
        <translation>Synchronisierung konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>This window shows what that process fetches and sends; it takes over when that process ends.</source>
        <translation>Dieses Fenster zeigt, was jener Prozess abruft und sendet; es übernimmt, sobald der Prozess endet.</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed &amp;in as:</source>
        <translation>Ange&amp;meldet als:</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Who you act as: every change is recorded under this name</source>
        <translation>In wessen Namen Sie handeln: Jede Änderung wird unter diesem Namen protokolliert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
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
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>Ü&amp;ber Switchboard</translation>
    </message>
    <message>
        <source>%1 — Switchboard</source>
        <translation>%1 — Switchboard</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Über Switchboard</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;One inbox, a publishing calendar and an engagement panel for social media teams.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ein Posteingang, ein Redaktionskalender und ein Engagement-Panel für Social-Media-Teams.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Writing a reply or note</source>
        <translation>Beim Schreiben einer Antwort oder Notiz</translation>
    </message>
    <message>
        <source>In a team you act as the employee your team login belongs to</source>
        <translation>Im Team handeln Sie als die Person, zu der Ihre Team-Anmeldung gehört</translation>
    </message>
</context>
<context>
    <name>sb::ui::MentionCompleter</name>
    <message>
        <source>Colleagues to mention</source>
        <translation>Kolleginnen und Kollegen zum Erwähnen</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsCannedPanel</name>
    <message>
        <source>Canned replies</source>
        <translation>Textvorlagen</translation>
    </message>
    <message>
        <source>New canned &amp;reply</source>
        <translation>Neue &amp;Textvorlage</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>e.g. Where is my order</source>
        <translation>z. B. Wo ist meine Bestellung</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hi {first_name}, thanks for writing! … {agent}</source>
        <translation>Hallo {first_name}, danke für deine Nachricht! … {agent}</translation>
    </message>
    <message>
        <source>Variables: %1. They are filled in when the reply is inserted.</source>
        <translation>Variablen: %1. Sie werden beim Einfügen ausgefüllt.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>Saved "%1".</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Removed "%1".</source>
        <translation>„%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsRosterPanel</name>
    <message>
        <source>Team roster</source>
        <translation>Teamliste</translation>
    </message>
    <message>
        <source>&amp;New employee</source>
        <translation>&amp;Neue:r Mitarbeiter:in</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>A deactivated employee keeps their history but can no longer sign in or be assigned</source>
        <translation>Deaktivierte Mitarbeitende behalten ihren Verlauf, können sich aber nicht mehr anmelden und bekommen nichts mehr zugewiesen</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>Neue:r Mitarbeiter:in</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Add employee</source>
        <translation>Mitarbeiter:in &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>New team&apos;s name</source>
        <translation>Name des neuen Teams</translation>
    </message>
    <message>
        <source>Add tea&amp;m</source>
        <translation>Team hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Deactivated %1.</source>
        <translation>%1 deaktiviert.</translation>
    </message>
    <message>
        <source>Reactivated %1.</source>
        <translation>%1 reaktiviert.</translation>
    </message>
    <message>
        <source>Added the team %1.</source>
        <translation>Team %1 hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsRulesPanel</name>
    <message>
        <source>Applied in this order to every new message from a customer. A rule never takes a conversation away from the person or team it is with, and only raises a priority.</source>
        <translation>Wird in dieser Reihenfolge auf jede neue Nachricht von Kunden angewandt. Eine Regel nimmt niemandem eine Unterhaltung weg und erhöht eine Priorität nur.</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Zuweisungsregeln</translation>
    </message>
    <message>
        <source>New &amp;rule</source>
        <translation>Neue &amp;Regel</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Name der Regel</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Kind of message</source>
        <translation>Art der Nachricht</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Erwähnung</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>any; e.g. de</source>
        <translation>jede; z. B. de</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>anyone; e.g. @anna@shoes.example</source>
        <translation>alle; z. B. @anna@shoes.example</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>any of these, comma separated; e.g. refund, money back</source>
        <translation>eines davon, durch Kommas getrennt; z. B. Erstattung, Geld zurück</translation>
    </message>
    <message>
        <source>Route to team</source>
        <translation>An Team leiten</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Schlagwörter hinzufügen</translation>
    </message>
    <message>
        <source>comma separated; e.g. billing, refund</source>
        <translation>durch Kommas getrennt; z. B. abrechnung, erstattung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Leave as it is</source>
        <translation>Unverändert lassen</translation>
    </message>
    <message>
        <source>At least low</source>
        <translation>Mindestens niedrig</translation>
    </message>
    <message>
        <source>At least high</source>
        <translation>Mindestens hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&lt;b&gt;When a message&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wenn eine Nachricht&lt;/b&gt;</translation>
    </message>
    <message>
        <source>arrives on:</source>
        <translation>ankommt auf:</translation>
    </message>
    <message>
        <source>is a:</source>
        <translation>eine … ist:</translation>
    </message>
    <message>
        <source>is in language:</source>
        <translation>in Sprache:</translation>
    </message>
    <message>
        <source>comes from:</source>
        <translation>kommt von:</translation>
    </message>
    <message>
        <source>contains:</source>
        <translation>enthält:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Then&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dann&lt;/b&gt;</translation>
    </message>
    <message>
        <source>route to team:</source>
        <translation>an Team leiten:</translation>
    </message>
    <message>
        <source>assign to:</source>
        <translation>zuweisen an:</translation>
    </message>
    <message>
        <source>add tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Jedes Konto</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>containing %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>assign %1</source>
        <translation>zuweisen an %1</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>Schlagwörter %1</translation>
    </message>
    <message>
        <source>every message</source>
        <translation>jede Nachricht</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <source>Rule "%1"</source>
        <translation>Regel „%1“</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>Regel &amp;speichern</translation>
    </message>
    <message>
        <source>Saved the rule "%1". It applies to messages that arrive from now on.</source>
        <translation>Regel „%1“ gespeichert. Sie gilt für Nachrichten, die ab jetzt ankommen.</translation>
    </message>
    <message>
        <source>Removed the rule "%1"; what it did stays in the history.</source>
        <translation>Regel „%1“ entfernt; was sie getan hat, bleibt im Verlauf.</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsView</name>
    <message>
        <source>Only admins and managers can change the roster and the workspace settings. Ask one of them for changes.</source>
        <translation>Nur Admins und Manager:innen können die Teamliste und die Einstellungen des Arbeitsbereichs ändern. Wenden Sie sich für Änderungen an eine dieser Personen.</translation>
    </message>
    <message>
        <source>Team roster</source>
        <translation>Teamliste</translation>
    </message>
    <message>
        <source>&amp;Team and workspace</source>
        <translation>&amp;Team und Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Routing rules</source>
        <translation>&amp;Zuweisungsregeln</translation>
    </message>
    <message>
        <source>&amp;Canned replies</source>
        <translation>Text&amp;vorlagen</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsWorkspacePanel</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace name</source>
        <translation>Name des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Used for business hours, SLA due times, the calendar and the engagement ranges</source>
        <translation>Gilt für Geschäftszeiten, SLA-Fälligkeiten, den Kalender und die Engagement-Zeiträume</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>Öffnet um</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Schließt um</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Working days:</source>
        <translation>Arbeitstage:</translation>
    </message>
    <message>
        <source>&amp;Open from:</source>
        <translation>Geöffnet &amp;von:</translation>
    </message>
    <message>
        <source>First-response times and SLA due times count only these hours, in the workspace&apos;s time zone.</source>
        <translation>Zeiten bis zur ersten Antwort und SLA-Fälligkeiten zählen nur diese Stunden, in der Zeitzone des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Save &amp;workspace settings</source>
        <translation>Einstellungen s&amp;peichern</translation>
    </message>
    <message>
        <source>Not saved: the workspace needs a name.</source>
        <translation>Nicht gespeichert: Der Arbeitsbereich braucht einen Namen.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Contributors see their &amp;peers' engagement figures</source>
        <translation>Fachkräfte sehen die Engagement-Zahlen ihrer &amp;Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <source>Off: a contributor sees their own figures and the team's only. Managers always see everyone's.</source>
        <translation>Aus: Eine Fachkraft sieht nur ihre eigenen Zahlen und die des Teams. Managerinnen und Manager sehen immer alle.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>A post whose time passed while nothing ran goes out when Switchboard runs again within this many minutes; later, it waits as missed for a person to decide</source>
        <translation>Ein Beitrag, dessen Zeit verstrich, während nichts lief, erscheint, wenn Switchboard innerhalb so vieler Minuten wieder läuft; danach wartet er als verpasst auf eine Entscheidung</translation>
    </message>
    <message>
        <source>Publish &amp;late posts within:</source>
        <translation>&amp;Verspätete Beiträge veröffentlichen binnen:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Warn when the same text goes to the same account within this many days</source>
        <translation>Warnen, wenn derselbe Text innerhalb so vieler Tage an dasselbe Konto geht</translation>
    </message>
    <message>
        <source>Warn of &amp;repeated text within:</source>
        <translation>Vor &amp;wiederholtem Text warnen binnen:</translation>
    </message>
</context>
<context>
    <name>sb::ui::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Press Escape or ? to close.</source>
        <translation>Zum Schließen Esc oder ? drücken.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>sb::ui::StatusBarHealth</name>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Rate limited until %1</source>
        <translation>Ratenbegrenzung bis %1</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Fetching history, %1%</source>
        <translation>Verlauf wird abgerufen, %1 %</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Account sync health</source>
        <translation>Synchronisierungszustand der Konten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 account %2: %3</source>
        <translation>%1-Konto %2: %3</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>sb::ui::TrayNotifier</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 assigned you a conversation with %2</source>
        <translation>%1 hat dir eine Unterhaltung mit %2 zugewiesen</translation>
    </message>
    <message>
        <source>%1 mentioned you in a note</source>
        <translation>%1 hat dich in einer Notiz erwähnt</translation>
    </message>
    <message>
        <source>Your post went out</source>
        <translation>Dein Beitrag ist veröffentlicht</translation>
    </message>
    <message>
        <source>A post could not be published</source>
        <translation>Ein Beitrag konnte nicht veröffentlicht werden</translation>
    </message>
    <message>
        <source>A post could not be published: %1</source>
        <translation>Ein Beitrag konnte nicht veröffentlicht werden: %1</translation>
    </message>
    <message>
        <source>A post missed its time: publish it now or reschedule it</source>
        <translation>Ein Beitrag hat seinen Termin verpasst: jetzt veröffentlichen oder neu planen</translation>
    </message>
</context>
<context>
    <name>Bluesky</name>
    <message>
        <source>The server&apos;s response was larger than allowed and was not read.</source>
        <translation>Die Antwort des Servers war größer als erlaubt und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the server failed (%1).</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The post may have been published.</source>
        <translation>Der Beitrag wurde möglicherweise veröffentlicht.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <source>The server answered with HTTP %1: %2</source>
        <translation>Der Server antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <source>No network access.</source>
        <translation>Kein Netzwerkzugriff.</translation>
    </message>
    <message>
        <source>Not signed in: sign in to the account again.</source>
        <translation>Nicht angemeldet: Melden Sie das Konto erneut an.</translation>
    </message>
    <message>
        <source>The server&apos;s request budget is used up until %1.</source>
        <translation>Das Anfragekontingent des Servers ist bis %1 aufgebraucht.</translation>
    </message>
    <message>
        <source>The server&apos;s session answer could not be read.</source>
        <translation>Die Sitzungsantwort des Servers war nicht lesbar.</translation>
    </message>
    <message>
        <source>The session expired: sign in to the account again.</source>
        <translation>Die Sitzung ist abgelaufen: Melden Sie das Konto erneut an.</translation>
    </message>
    <message>
        <source>The server sent an answer that is not valid JSON (%1).</source>
        <translation>Der Server hat eine Antwort gesendet, die kein gültiges JSON ist (%1).</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>The server&apos;s notification list could not be read.</source>
        <translation>Die Benachrichtigungsliste des Servers war nicht lesbar.</translation>
    </message>
</context>
<context>
    <name>sb::bluesky::BlueskyChannel</name>
    <message>
        <source>%1 is not a DID Switchboard can resolve.</source>
        <translation>%1 ist keine DID, die Switchboard auflösen kann.</translation>
    </message>
    <message>
        <source>The DID document of %1 could not be read: %2</source>
        <translation>Das DID-Dokument von %1 war nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1 has no DID document.</source>
        <translation>%1 hat kein DID-Dokument.</translation>
    </message>
    <message>
        <source>The DID document of %1 is not readable.</source>
        <translation>Das DID-Dokument von %1 ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The DID document of %1 names no PDS.</source>
        <translation>Das DID-Dokument von %1 nennt keinen PDS.</translation>
    </message>
    <message>
        <source>The handle %1 could not be resolved: %2</source>
        <translation>Das Handle %1 konnte nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>The handle %1 did not resolve.</source>
        <translation>Das Handle %1 ließ sich nicht auflösen.</translation>
    </message>
    <message>
        <source>No app password is known for this account: sign in again.</source>
        <translation>Für dieses Konto ist kein App-Passwort bekannt: Melden Sie es erneut an.</translation>
    </message>
    <message>
        <source>Bluesky did not accept the app password: %1</source>
        <translation>Bluesky hat das App-Passwort nicht angenommen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s session answer could not be read.</source>
        <translation>Die Sitzungsantwort des Servers war nicht lesbar.</translation>
    </message>
    <message>
        <source>The session belongs to another account: sign in again.</source>
        <translation>Die Sitzung gehört zu einem anderen Konto: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Bluesky has no feed named %1.</source>
        <translation>Bluesky hat keinen Feed namens %1.</translation>
    </message>
    <message>
        <source>The image %1 does not exist.</source>
        <translation>Das Bild %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The image %1 is larger than Bluesky allows (%2 KB).</source>
        <translation>Das Bild %1 ist größer, als Bluesky erlaubt (%2 KB).</translation>
    </message>
    <message>
        <source>The image %1 cannot be read: %2</source>
        <translation>Das Bild %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an image.</source>
        <translation>%1 ist kein Bild.</translation>
    </message>
    <message>
        <source>The server&apos;s upload answer could not be read.</source>
        <translation>Die Upload-Antwort des Servers war nicht lesbar.</translation>
    </message>
    <message>
        <source>This post has no record key, so a resend could not be recognised; it was not sent.</source>
        <translation>Dieser Beitrag hat keinen Datensatzschlüssel, ein erneutes Senden wäre nicht erkennbar; er wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>A post needs some text.</source>
        <translation>Ein Beitrag braucht etwas Text.</translation>
    </message>
    <message>
        <source>Bluesky allows %1 characters; this post has %2.</source>
        <translation>Bluesky erlaubt %1 Zeichen; dieser Beitrag hat %2.</translation>
    </message>
    <message>
        <source>An image of this post was not uploaded.</source>
        <translation>Ein Bild dieses Beitrags wurde nicht hochgeladen.</translation>
    </message>
    <message>
        <source>The post this replies to no longer exists.</source>
        <translation>Der Beitrag, auf den dies antwortet, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Not signed in: sign in to the account again.</source>
        <translation>Nicht angemeldet: Melden Sie das Konto erneut an.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read; the post may be out.</source>
        <translation>Die Antwort des Servers war nicht lesbar; der Beitrag ist möglicherweise veröffentlicht.</translation>
    </message>
    <message>
        <source>This post has no record key to look for.</source>
        <translation>Dieser Beitrag hat keinen Datensatzschlüssel, nach dem gesucht werden könnte.</translation>
    </message>
    <message>
        <source>The post was not published.</source>
        <translation>Der Beitrag wurde nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>The server&apos;s record answer could not be read.</source>
        <translation>Die Datensatzantwort des Servers war nicht lesbar.</translation>
    </message>
    <message>
        <source>Another post already uses this post&apos;s record key; it was not published.</source>
        <translation>Ein anderer Beitrag verwendet bereits den Datensatzschlüssel dieses Beitrags; er wurde nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>The PDS of %1 is not reached over https (%2); Switchboard does not send the app password there.</source>
        <translation>Der PDS von %1 ist nicht über https erreichbar (%2); Switchboard sendet das App-Passwort nicht dorthin.</translation>
    </message>
    <message>
        <source>Bluesky allows %1 bytes of text; this post has %2.</source>
        <translation>Bluesky erlaubt %1 Bytes Text; dieser Beitrag hat %2.</translation>
    </message>
</context>
<context>
    <name>PostImport</name>
    <message>
        <source>A quoted field is never closed (a &quot; is missing).</source>
        <translation>Ein Feld in Anführungszeichen wird nie geschlossen (ein &quot; fehlt).</translation>
    </message>
    <message>
        <source>The file is empty: it needs a header row and one row per post.</source>
        <translation>Die Datei ist leer: Sie braucht eine Kopfzeile und eine Zeile pro Beitrag.</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot; (known: %2).</source>
        <translation>Unbekannte Spalte „%1“ (bekannt: %2).</translation>
    </message>
    <message>
        <source>The header has no %1 column.</source>
        <translation>Die Kopfzeile hat keine Spalte %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone (use IANA names such as Europe/Berlin).</source>
        <translation>„%1“ ist keine Zeitzone (IANA-Namen wie Europe/Berlin verwenden).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date like 2026-12-01.</source>
        <translation>„%1“ ist kein Datum wie 2026-12-01.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time like 09:30.</source>
        <translation>„%1“ ist keine Uhrzeit wie 09:30.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: the clocks skip it for daylight saving.</source>
        <translation>%1 gibt es in %2 nicht: Die Uhren überspringen diese Zeit wegen der Sommerzeit.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2 (the clocks go back): add the offset, %3 or %4.</source>
        <translation>%1 gibt es in %2 zweimal (die Uhren werden zurückgestellt): Geben Sie den Versatz an, %3 oder %4.</translation>
    </message>
    <message>
        <source>%1 in %2 has passed.</source>
        <translation>%1 in %2 ist vorbei.</translation>
    </message>
    <message>
        <source>No account &quot;%1&quot; in this workspace.</source>
        <translation>Kein Konto „%1“ in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The post has no text.</source>
        <translation>Der Beitrag hat keinen Text.</translation>
    </message>
    <message>
        <source>%1 characters; %2 allows %3.</source>
        <translation>%1 Zeichen; %2 erlaubt %3.</translation>
    </message>
    <message>
        <source>The image %1 cannot be read.</source>
        <translation>Das Bild %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not an image (%2).</source>
        <translation>%1 ist kein Bild (%2).</translation>
    </message>
    <message>
        <source>%1 is larger than %2 takes (%3 KB).</source>
        <translation>%1 ist größer, als %2 annimmt (%3 KB).</translation>
    </message>
    <message>
        <source>No campaign &quot;%1&quot;.</source>
        <translation>Keine Kampagne „%1“.</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>Die Datei hat eine Kopfzeile, aber keine Zeilen.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::ui::CalendarWeekGrid</name>
    <message>
        <source>Week calendar</source>
        <translation>Wochenkalender</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>sb::ui::PostComposerDialog</name>
    <message>
        <source>New post</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <source>Accounts to post to</source>
        <translation>Konten, auf denen gepostet wird</translation>
    </message>
    <message>
        <source>Same &amp;text for every account</source>
        <translation>Derselbe &amp;Text für jedes Konto</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>Keine Kampagne</translation>
    </message>
    <message>
        <source>Add &amp;image…</source>
        <translation>&amp;Bild hinzufügen…</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it</source>
        <translation>Beschreiben Sie das Bild für Menschen, die es nicht sehen können</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <source>Image for the post</source>
        <translation>Bild für den Beitrag</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>&amp;Accounts:</source>
        <translation>&amp;Konten:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampagne:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <source>A&amp;lt text:</source>
        <translation>A&amp;lternativtext:</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>&amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Einplanen</translation>
    </message>
    <message>
        <source>S&amp;ubmit for review</source>
        <translation>Zur &amp;Prüfung einreichen</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Text für %1</translation>
    </message>
    <message>
        <source>What should %1 say?</source>
        <translation>Was soll %1 sagen?</translation>
    </message>
    <message>
        <source>Choose the accounts this post goes to.</source>
        <translation>Wählen Sie die Konten, auf denen dieser Beitrag erscheint.</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
    <message>
        <source>%1 / %2, %3 too many</source>
        <translation>%1 / %2, %3 zu viele</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Too long for %1.</source>
        <translation>Zu lang für %1.</translation>
    </message>
    <message>
        <source>The image is larger than %1 takes (%2 KB).</source>
        <translation>Das Bild ist größer, als %1 annimmt (%2 KB).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone.</source>
        <translation>„%1“ ist keine Zeitzone.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: the clocks skip it for daylight saving. Pick another time.</source>
        <translation>%1 gibt es in %2 nicht: Die Uhren überspringen diese Zeit wegen der Sommerzeit. Wählen Sie eine andere Zeit.</translation>
    </message>
    <message>
        <source>That is %1 in %2.</source>
        <translation>Das ist %1 in %2.</translation>
    </message>
    <message>
        <source>That time happens twice there (the clocks go back); it goes out at the first (UTC%1).</source>
        <translation>Diese Zeit gibt es dort zweimal (die Uhren werden zurückgestellt); der Beitrag erscheint zur ersten (UTC%1).</translation>
    </message>
    <message>
        <source>That time has passed.</source>
        <translation>Diese Zeit ist vorbei.</translation>
    </message>
    <message>
        <source>Preview for %1</source>
        <translation>Vorschau für %1</translation>
    </message>
    <message>
        <source>&lt;small&gt;%1 will show:&lt;/small&gt;&lt;br&gt;%2</source>
        <translation>&lt;small&gt;%1 zeigt:&lt;/small&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>The same text already goes to %1 on %2.</source>
        <translation>Derselbe Text geht bereits am %2 an %1.</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Jeden Monat</translation>
    </message>
    <message>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
</context>
<context>
    <name>sb::ui::BestTimeHeatMap</name>
    <message>
        <source>Engagement by hour of the week</source>
        <translation>Engagement nach Stunde der Woche</translation>
    </message>
    <message>
        <source>%1 %2:00–%3:00: %4 post(s), %5 engagements each on average</source>
        <translation>%1 %2:00–%3:00: %4 Beitrag/Beiträge, durchschnittlich je %5 Interaktionen</translation>
    </message>
</context>
<context>
    <name>sb::ui::BestTimeDialog</name>
    <message>
        <source>Best time to post</source>
        <translation>Beste Zeit zum Posten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>When the account&apos;s posts of the last %1 days earned most (likes, reposts and replies per post), in %2.</source>
        <translation>Wann die Beiträge des Kontos in den letzten %1 Tagen am meisten erreicht haben (Likes, Reposts und Antworten pro Beitrag), in %2.</translation>
    </message>
    <message>
        <source>Not enough published posts yet: an hour needs at least %1 to be compared.</source>
        <translation>Noch nicht genug veröffentlichte Beiträge: Eine Stunde braucht mindestens %1, um verglichen zu werden.</translation>
    </message>
    <message>
        <source>%1 %2:00 (%3 per post, %4 posts)</source>
        <translation>%1 %2:00 (%3 pro Beitrag, %4 Beiträge)</translation>
    </message>
    <message>
        <source>Best: %1.</source>
        <translation>Am besten: %1.</translation>
    </message>
</context>
<context>
    <name>sb::ui::PostDetailsDialog</name>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Text für %1</translation>
    </message>
    <message>
        <source>Why it is rejected (its author reads this)</source>
        <translation>Warum er abgelehnt wird (die Person, die ihn verfasst hat, liest das)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Kommentar zur Prüfung</translation>
    </message>
    <message>
        <source>Save &amp;text</source>
        <translation>&amp;Text speichern</translation>
    </message>
    <message>
        <source>Submit for &amp;review</source>
        <translation>Zur &amp;Prüfung einreichen</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>This post is no longer there.</source>
        <translation>Diesen Beitrag gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>no time yet</source>
        <translation>noch ohne Zeit</translation>
    </message>
    <message>
        <source>%1, %2, by %3.</source>
        <translation>%1, %2, von %3.</translation>
    </message>
    <message>
        <source>%1 said: %2</source>
        <translation>%1 schrieb: %2</translation>
    </message>
    <message>
        <source>Saving a change sends the post back to review</source>
        <translation>Eine gespeicherte Änderung schickt den Beitrag zurück in die Prüfung</translation>
    </message>
    <message>
        <source>Saved. The post was approved; it goes back to review.</source>
        <translation>Gespeichert. Der Beitrag war freigegeben; er geht zurück in die Prüfung.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Submitted for review.</source>
        <translation>Zur Prüfung eingereicht.</translation>
    </message>
    <message>
        <source>Approved: it goes out at its time.</source>
        <translation>Freigegeben: Er erscheint zu seiner Zeit.</translation>
    </message>
    <message>
        <source>Rejected: back to its author as a draft, with your comment.</source>
        <translation>Abgelehnt: Zurück als Entwurf, mit Ihrem Kommentar.</translation>
    </message>
</context>
<context>
    <name>sb::ui::TeamStatusLabel</name>
    <message>
        <source>Team: online</source>
        <translation>Team: online</translation>
    </message>
    <message>
        <source>Team: offline</source>
        <translation>Team: offline</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 Änderung wartet</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 Änderungen warten</translation>
    </message>
    <message>
        <source>Team database: %1</source>
        <translation>Team-Datenbank: %1</translation>
    </message>
    <message>
        <source>Changes made here are kept and shared when the connection is back.</source>
        <translation>Änderungen an diesem Arbeitsplatz bleiben erhalten und werden geteilt, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <source>This workstation syncs 1 account for the team.</source>
        <translation>Dieser Arbeitsplatz synchronisiert 1 Konto für das Team.</translation>
    </message>
    <message>
        <source>This workstation syncs %1 accounts for the team.</source>
        <translation>Dieser Arbeitsplatz synchronisiert %1 Konten für das Team.</translation>
    </message>
    <message>
        <source>Your role does not publish: other workstations send the team&apos;s posts and replies.</source>
        <translation>Ihre Rolle veröffentlicht nicht: andere Arbeitsplätze senden die Beiträge und Antworten des Teams.</translation>
    </message>
</context>
<context>
    <name>sb::AuditLog</name>
    <message>
        <source>Team conflict: another change kept</source>
        <translation>Team-Konflikt: eine andere Änderung blieb</translation>
    </message>
    <message>
        <source>Refused by the team database</source>
        <translation>Von der Team-Datenbank abgelehnt</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Not a PostgreSQL connection string: %1</source>
        <translation>Keine PostgreSQL-Verbindungsangabe: %1</translation>
    </message>
    <message>
        <source>Cannot connect to the team database: %1</source>
        <translation>Keine Verbindung zur Team-Datenbank: %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Team database: %1</source>
        <translation>Team-Datenbank: %1</translation>
    </message>
    <message>
        <source>This workspace is not in a team.</source>
        <translation>Dieser Arbeitsbereich gehört zu keinem Team.</translation>
    </message>
    <message>
        <source>The team database closed the connection.</source>
        <translation>Die Team-Datenbank hat die Verbindung geschlossen.</translation>
    </message>
</context>
</TS>
