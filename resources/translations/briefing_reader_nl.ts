<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionNotesPanel</name>
    <message>
        <source>Stance</source>
        <translation>Standpunt</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Note (markdown)</source>
        <translation>Notitie (markdown)</translation>
    </message>
    <message>
        <source>Your note; markdown allowed</source>
        <translation>Uw notitie; markdown mag</translation>
    </message>
    <message>
        <source>Note as shown</source>
        <translation>Notitie zoals getoond</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Debate questions</source>
        <translation>Vragen voor het debat</translation>
    </message>
    <message>
        <source>New question, then Enter</source>
        <translation>Nieuwe vraag, dan Enter</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>labels, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>&amp;Stance</source>
        <translation>&amp;Standpunt</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioriteit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Questions for the debate</source>
        <translation>Vragen voor het debat</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>The version saved elsewhere</source>
        <translation>De elders opgeslagen versie</translation>
    </message>
    <message>
        <source>Use their version</source>
        <translation>Hun versie gebruiken</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Mijn versie bewaren</translation>
    </message>
    <message>
        <source>No action at this place</source>
        <translation>Geen actie op deze plek</translation>
    </message>
    <message>
        <source>Choose an action in the table of contents or click in one in the text.</source>
        <translation>Kies een actie in de inhoudsopgave of klik in de tekst van een actie.</translation>
    </message>
    <message>
        <source>Not saved yet: choose a version</source>
        <translation>Nog niet opgeslagen: kies een versie</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Opgeslagen %s</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>Niet opgeslagen: %s</translation>
    </message>
    <message>
        <source>Edit or show the note</source>
        <translation>Notitie bewerken of tonen</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nieuwe vraag</translation>
    </message>
    <message>
        <source>%s (selected question)</source>
        <translation>%s (gekozen vraag)</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>Opnieuw proberen op te slaan</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(niet gekozen)</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotatie</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otitie</translation>
    </message>
    <message>
        <source>&amp;Questions for the debate</source>
        <translation>&amp;Vragen voor het debat</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>This note was changed elsewhere; their version:</source>
        <translation>Deze notitie is elders gewijzigd; hun versie:</translation>
    </message>
    <message>
        <source>Your version is in the fields below. Choose which one to keep.</source>
        <translation>Uw versie staat in de velden hieronder. Kies welke u bewaart.</translation>
    </message>
</context>
<context>
    <name>ActionsRegisterView</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Pillar / section</source>
        <translation>Pijler / paragraaf</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>First sentence</source>
        <translation>Eerste zin</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <source>My stance</source>
        <translation>Mijn standpunt</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>The change was not saved; the old value stays.</source>
        <translation>De wijziging is niet opgeslagen; de oude waarde blijft staan.</translation>
    </message>
    <message>
        <source>Filter actions…</source>
        <translation>Acties filteren…</translation>
    </message>
    <message>
        <source>Pillar</source>
        <translation>Pijler</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Standpunt</translation>
    </message>
    <message>
        <source>With note</source>
        <translation>Met notitie</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Actions with a commitment whose deadline has passed on {day}</source>
        <translation>Acties met een toezegging waarvan de termijn op {day} verstreken is</translation>
    </message>
    <message>
        <source>Print as pack…</source>
        <translation>Afdrukken als pakket…</translation>
    </message>
    <message>
        <source>Actions register</source>
        <translation>Actieregister</translation>
    </message>
    <message>
        <source>Notes not read</source>
        <translation>Notities niet gelezen</translation>
    </message>
    <message>
        <source>Your stances and priorities could not be read.</source>
        <translation>Uw standpunten en prioriteiten konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>All pillars</source>
        <translation>Alle pijlers</translation>
    </message>
    <message>
        <source>No pillar</source>
        <translation>Geen pijler</translation>
    </message>
    <message>
        <source>All stances</source>
        <translation>Alle standpunten</translation>
    </message>
    <message>
        <source>No stance</source>
        <translation>Geen standpunt</translation>
    </message>
    <message>
        <source>The document {doc} is no longer in the library.</source>
        <translation>Het document {doc} staat niet meer in de bibliotheek.</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} van {total}</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Highlight selection</source>
        <translation>Selectie &amp;markeren</translation>
    </message>
    <message>
        <source>Highlight with an optional &amp;note…</source>
        <translation>Markeren met een &amp;notitie (optioneel)…</translation>
    </message>
    <message>
        <source>Highlight the selected text in yellow; a note is optional (Enter without one)</source>
        <translation>De geselecteerde tekst geel markeren; een notitie is optioneel (Enter zonder notitie)</translation>
    </message>
    <message>
        <source>&amp;Bookmark this place</source>
        <translation>&amp;Bladwijzer op deze plek</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Verwijderen &amp;ongedaan maken</translation>
    </message>
    <message>
        <source>What has &amp;changed in this document…</source>
        <translation>&amp;Wat is gewijzigd in dit document…</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>colleagues</source>
        <translation>collega&apos;s</translation>
    </message>
    <message>
        <source>%s (colleague, read-only)</source>
        <translation>%s (collega, alleen lezen)</translation>
    </message>
    <message>
        <source>Check: the text changed in a new version. </source>
        <translation>Controleer: de tekst is gewijzigd in een nieuwe versie. </translation>
    </message>
    <message>
        <source>Annotation saved</source>
        <translation>Annotatie opgeslagen</translation>
    </message>
    <message>
        <source>Already in your notes</source>
        <translation>Staat al in uw notities</translation>
    </message>
    <message>
        <source>Taken over into your notes</source>
        <translation>Overgenomen in uw notities</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>Selecteer eerst tekst</translation>
    </message>
    <message>
        <source>Highlight saved</source>
        <translation>Markering opgeslagen</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markeren</translation>
    </message>
    <message>
        <source>a colleague&apos;s highlight cannot be edited; it stays theirs</source>
        <translation>een markering van een collega kan niet worden gewijzigd; die blijft van hen</translation>
    </message>
    <message>
        <source>Note of the highlight</source>
        <translation>Notitie bij de markering</translation>
    </message>
    <message>
        <source>Highlight with an optional note…</source>
        <translation>Markeren met een notitie (optioneel)…</translation>
    </message>
    <message>
        <source>Edit the highlight&apos;s note…</source>
        <translation>Notitie bij de markering bewerken…</translation>
    </message>
    <message>
        <source>This note was changed elsewhere</source>
        <translation>Deze notitie is elders gewijzigd</translation>
    </message>
    <message>
        <source>This note was changed elsewhere. Your version is in the fields; the version saved elsewhere:</source>
        <translation>Deze notitie is elders gewijzigd. Uw versie staat in de velden; de elders opgeslagen versie:</translation>
    </message>
    <message>
        <source>Keep your version?</source>
        <translation>Uw versie bewaren?</translation>
    </message>
    <message>
        <source>Bookmark saved: %s</source>
        <translation>Bladwijzer opgeslagen: %s</translation>
    </message>
    <message>
        <source>Bookmark this place</source>
        <translation>Bladwijzer op deze plek</translation>
    </message>
    <message>
        <source>Deleted: %s</source>
        <translation>Verwijderd: %s</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Teruggezet</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>Niet opgeslagen: %s</translation>
    </message>
    <message>
        <source>Backup made: %s</source>
        <translation>Reservekopie gemaakt: %s</translation>
    </message>
    <message>
        <source>Make a backup no&amp;w</source>
        <translation>Nu een &amp;reservekopie maken</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>A new version of a document arrived: %d notes need a look (Notes &gt; Notes to check).</source>
        <translation>Er is een nieuwe versie van een document: %d notities moeten worden bekeken (Notities &gt; Te controleren notities).</translation>
    </message>
    <message>
        <source>Some documents could not be opened</source>
        <translation>Sommige documenten konden niet worden geopend</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Uw notities</translation>
    </message>
    <message>
        <source>Notes and search are not available</source>
        <translation>Notities en zoeken zijn niet beschikbaar</translation>
    </message>
    <message>
        <source>Briefing Reader could not start its notes and search (%s: %s). You can read the documents; your saved notes are kept.</source>
        <translation>Briefing Reader kon de notities en het zoeken niet starten (%s: %s). U kunt de documenten lezen; uw opgeslagen notities blijven bewaard.</translation>
    </message>
</context>
<context>
    <name>AuthorFilter</name>
    <message>
        <source>Show notes of</source>
        <translation>Notities tonen van</translation>
    </message>
    <message>
        <source>Whose notes to show: everyone&apos;s, yours, or one colleague&apos;s</source>
        <translation>Wiens notities te tonen: van iedereen, van u of van één collega</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mijn notities</translation>
    </message>
    <message>
        <source>%s: %d note(s)</source>
        <translation>%s: %d notitie(s)</translation>
    </message>
</context>
<context>
    <name>CatchingUp</name>
    <message>
        <source>Search index progress</source>
        <translation>Voortgang van de zoekindex</translation>
    </message>
    <message>
        <source>Search is catching up: %1 of %2 documents indexed. Results come from what is indexed so far and may be incomplete.</source>
        <translation>Zoeken loopt bij: %1 van %2 documenten geïndexeerd. Resultaten komen uit wat tot nu toe is geïndexeerd en kunnen onvolledig zijn.</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>What has changed</source>
        <translation>Wat is gewijzigd</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>Oudere versie</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Nieuwere versie</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>naar</translation>
    </message>
    <message>
        <source>Version %1 (seen %2)</source>
        <translation>Versie %1 (gezien %2)</translation>
    </message>
    <message>
        <source>Only one version of this document is known.</source>
        <translation>Van dit document is maar één versie bekend.</translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s) changed, </source>
        <translation>
            <numerusform>%n alinea gewijzigd, </numerusform>
            <numerusform>%n alinea&apos;s gewijzigd, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added, </source>
        <translation>
            <numerusform>%n toegevoegd, </numerusform>
            <numerusform>%n toegevoegd, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed.</source>
        <translation>
            <numerusform>%n verwijderd.</numerusform>
            <numerusform>%n verwijderd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
</context>
<context>
    <name>ColleagueNotes</name>
    <message>
        <source>Colleagues&apos; notes</source>
        <translation>Notities van collega&apos;s</translation>
    </message>
    <message>
        <source>Colleagues&apos; notes on this action (read-only)</source>
        <translation>Notities van collega&apos;s bij deze actie (alleen lezen)</translation>
    </message>
    <message>
        <source>Colleagues&apos; notes on this action</source>
        <translation>Notities van collega&apos;s bij deze actie</translation>
    </message>
    <message>
        <source>The colleague&apos;s note</source>
        <translation>De notitie van de collega</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Take over into my notes</source>
        <translation>Overnemen in mijn notities</translation>
    </message>
    <message>
        <source>Copy this colleague&apos;s note into your own note on this action; theirs stays as it is</source>
        <translation>Deze notitie van uw collega kopiëren naar uw eigen notitie bij deze actie; die van de collega blijft zoals hij is</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>Note of %s (read-only)</source>
        <translation>Notitie van %s (alleen lezen)</translation>
    </message>
    <message>
        <source>Stance: %s</source>
        <translation>Standpunt: %s</translation>
    </message>
    <message>
        <source>Priority: %s</source>
        <translation>Prioriteit: %s</translation>
    </message>
    <message>
        <source>Questions for the debate:</source>
        <translation>Vragen voor het debat:</translation>
    </message>
    <message>
        <source>Tags: %s</source>
        <translation>Labels: %s</translation>
    </message>
    <message>
        <source>No colleague&apos;s note here.</source>
        <translation>Hier geen notitie van een collega.</translation>
    </message>
</context>
<context>
    <name>CommitmentsTimelineView</name>
    <message>
        <source>overdue</source>
        <extracomment>Text colours for the due statuses, chosen for contrast on a light and a dark base.</extracomment>
        <translation>te laat</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>binnenkort</translation>
    </message>
    <message>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>zonder datum</translation>
    </message>
    <message>
        <source>done</source>
        <translation>afgehandeld</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openstaand</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Voldaan</translation>
    </message>
    <message>
        <source>Partly fulfilled</source>
        <translation>Deels voldaan</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <source>Filter commitments…</source>
        <translation>Toezeggingen filteren…</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>Alleen te laat</translation>
    </message>
    <message>
        <source>Only to the Kamer</source>
        <translation>Alleen aan de Kamer</translation>
    </message>
    <message>
        <source>Only commitments of this document</source>
        <translation>Alleen toezeggingen uit dit document</translation>
    </message>
    <message>
        <source>Commitments by deadline</source>
        <translation>Toezeggingen op termijn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Formulering</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Toezegging</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Paragraaf</translation>
    </message>
    <message>
        <source>Kamer</source>
        <translation>Kamer</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Mijn status</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Note on this status (optional)</source>
        <translation>Notitie bij deze status (optioneel)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Status opslaan</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Statuses not read: {reason}</source>
        <translation>Statussen niet gelezen: {reason}</translation>
    </message>
    <message>
        <source>Reads {covered} of {letters} letters: those with actions or with your notes, and the {recent} most recent.</source>
        <translation>Leest {covered} van de {letters} brieven: die met acties of met uw notities, en de {recent} nieuwste.</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} van {total} getoond</translation>
    </message>
    <message>
        <source>Open {place}</source>
        <translation>{place} openen</translation>
    </message>
    <message>
        <source>to the Kamer</source>
        <translation>aan de Kamer</translation>
    </message>
    <message>
        <source>A promise to inform the Kamer or send it something</source>
        <translation>Een toezegging om de Kamer te informeren of iets te sturen</translation>
    </message>
    <message>
        <source>Select a commitment to set its status.</source>
        <translation>Kies een toezegging om de status te zetten.</translation>
    </message>
    <message>
        <source>Notes are read-only: statuses cannot be changed.</source>
        <translation>Notities zijn alleen-lezen: statussen kunnen niet worden gewijzigd.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Your edit is kept; try again.</source>
        <translation>Niet opgeslagen: {reason}. Uw wijziging blijft bewaard; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Same promise elsewhere</source>
        <translation>Dezelfde toezegging elders</translation>
    </message>
    <message numerus="yes">
        <source>This promise also stands in %n other place(s). Set them to “%1” too?</source>
        <translation>
            <numerusform>Deze toezegging staat ook op %n andere plaats. Die ook op “%1” zetten?</numerusform>
            <numerusform>Deze toezegging staat ook op %n andere plaatsen. Die ook op “%1” zetten?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentsPane</name>
    <message>
        <source>Filter: title, number, date, dossier</source>
        <translation>Filter: titel, nummer, datum, dossier</translation>
    </message>
    <message>
        <source>Filter the documents</source>
        <translation>Documenten filteren</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Date of the letter</source>
        <translation>Datum van de brief</translation>
    </message>
    <message>
        <source>No date was found in “%s”. Its date places its promises on the timeline (“voor 1 maart” needs a year).</source>
        <translation>In “%s” is geen datum gevonden. De datum plaatst de toezeggingen in de brief op de tijdlijn (“voor 1 maart” heeft een jaar nodig).</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Set date</source>
        <translation>Datum instellen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>DocumentChooser</name>
    <message>
        <source>Search in one document</source>
        <translation>Zoeken in één document</translation>
    </message>
    <message>
        <source>Filter by title, number, date or dossier</source>
        <translation>Filteren op titel, nummer, datum of dossier</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Documenten filteren</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
</context>
<context>
    <name>DocumentInformation</name>
    <message>
        <source>Document information</source>
        <translation>Documentgegevens</translation>
    </message>
    <message>
        <source>Date: %s</source>
        <translation>Datum: %s</translation>
    </message>
    <message>
        <source>Version: %s</source>
        <translation>Versie: %s</translation>
    </message>
    <message>
        <source>Compiled by Briefing Reader, not official text</source>
        <translation>Samengesteld door Briefing Reader, geen officiële tekst</translation>
    </message>
    <message>
        <source>Not a parliamentary document (no Kamerstuk number)</source>
        <translation>Geen Kamerstuk (geen dossier- of volgnummer)</translation>
    </message>
    <message numerus="yes">
        <source>Cites %n document(s)</source>
        <translation>
            <numerusform>Citeert %n document</numerusform>
            <numerusform>Citeert %n documenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cited in</source>
        <translation>Geciteerd in</translation>
    </message>
    <message>
        <source>No document in your library cites this one.</source>
        <translation>Geen document in uw bibliotheek citeert dit document.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>not installed</source>
        <translation>niet geïnstalleerd</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Contents: from the list up to its filter / from the filter down</source>
        <translation>Inhoud: van de lijst naar het filter / van het filter terug naar de lijst</translation>
    </message>
    <message>
        <source>An offline reader for Tweede Kamer letters.</source>
        <translation>Een offline lezer voor Kamerbrieven.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Uw gegevens</translation>
    </message>
    <message>
        <source>Companion documents are compiled by Briefing Reader from the letter; they are not official parliamentary text.</source>
        <translation>Begeleidende documenten zijn door Briefing Reader samengesteld uit de brief; het is geen officiële parlementaire tekst.</translation>
    </message>
    <message>
        <source>Software used, and its licences</source>
        <translation>Gebruikte software en licenties</translation>
    </message>
    <message>
        <source>Read the letter with its table of contents; every “Acties” box is an action.</source>
        <translation>Lees de brief met de inhoudsopgave; elk kader “Acties” is een actie.</translation>
    </message>
    <message>
        <source>Search every letter with Ctrl+Shift+F: Dutch word forms match.</source>
        <translation>Zoek in alle brieven met Ctrl+Shift+F: Nederlandse woordvormen tellen mee.</translation>
    </message>
    <message>
        <source>Place the cursor in an action to note your stance, a note and questions; they are saved as you type.</source>
        <translation>Zet de cursor in een actie om uw standpunt, een notitie en vragen vast te leggen; alles wordt opgeslagen terwijl u typt.</translation>
    </message>
    <message>
        <source>Select text and press Ctrl+H (or Ctrl+Shift+H) to highlight it; it asks for a note, which is optional: Enter without one. Hover a highlight to read its note; change it with a right click or “Note…” in the highlights list. Ctrl+D keeps a bookmark.</source>
        <translation>Selecteer tekst en druk op Ctrl+H (of Ctrl+Shift+H) om te markeren; u wordt om een notitie gevraagd, die optioneel is: Enter zonder notitie. Wijs een markering aan om de notitie te lezen; wijzig die met de rechtermuisknop of met “Notitie…” in de lijst met markeringen. Ctrl+D maakt een bladwijzer.</translation>
    </message>
    <message>
        <source>Ctrl+P prints an excerpt with its citation; the File menu makes the debate-preparation pack.</source>
        <translation>Ctrl+P drukt een uittreksel af met bronvermelding; via het menu Bestand maakt u de debatvoorbereiding.</translation>
    </message>
    <message>
        <source>Press F1 for all keyboard shortcuts.</source>
        <translation>Druk op F1 voor alle sneltoetsen.</translation>
    </message>
    <message>
        <source>Welcome to Briefing Reader</source>
        <translation>Welkom bij Briefing Reader</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <source>Moving around</source>
        <translation>Navigeren</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Opdrachten</translation>
    </message>
    <message>
        <source>Next / previous pane: contents or search, text, annotation, highlights</source>
        <translation>Volgend / vorig paneel: inhoud of zoeken, tekst, annotatie, markeringen</translation>
    </message>
    <message>
        <source>In the text: on to the next / previous pane</source>
        <translation>In de tekst: door naar het volgende / vorige paneel</translation>
    </message>
    <message>
        <source>In the text: next / previous link or footnote (Enter opens it)</source>
        <translation>In de tekst: volgende / vorige link of voetnoot (Enter opent hem)</translation>
    </message>
    <message>
        <source>In the note: to the next field / type a tab character</source>
        <translation>In de notitie: naar het volgende veld / een tab typen</translation>
    </message>
    <message>
        <source>Close a window (register, timeline, help)</source>
        <translation>Een venster sluiten (register, tijdlijn, help)</translation>
    </message>
    <message>
        <source>Annotation: %s</source>
        <translation>Annotatie: %s</translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <source>Importing %v/%m</source>
        <translation>Importeren %v/%m</translation>
    </message>
    <message>
        <source>&amp;Import letters…</source>
        <translation>Brieven &amp;importeren…</translation>
    </message>
    <message>
        <source>Import letters</source>
        <translation>Brieven importeren</translation>
    </message>
    <message>
        <source>Letters (*.docx *.pdf *.xml *.html *.htm *.txt *.md *.markdown);;All files (*)</source>
        <translation>Brieven (*.docx *.pdf *.xml *.html *.htm *.txt *.md *.markdown);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>%s: imported as “%s”</source>
        <translation>%s: geïmporteerd als “%s”</translation>
    </message>
    <message>
        <source>%s: replaces “%s” (version %s → %s)</source>
        <translation>%s: vervangt “%s” (versie %s → %s)</translation>
    </message>
    <message>
        <source>%s: not imported: %s</source>
        <translation>%s: niet geïmporteerd: %s</translation>
    </message>
    <message>
        <source>%s: already in the library at this version</source>
        <translation>%s: staat al in de bibliotheek in deze versie</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Document verwijderen</translation>
    </message>
    <message>
        <source>Remove “%s” from the library? Your notes on it are kept.</source>
        <translation>“%s” uit de bibliotheek verwijderen? Uw notities erbij blijven bewaard.</translation>
    </message>
    <message>
        <source>New version of a bundled letter?</source>
        <translation>Nieuwe versie van een meegeleverde brief?</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Importeren annuleren</translation>
    </message>
    <message>
        <source>Stop after the letter being imported now</source>
        <translation>Stoppen na de brief die nu wordt geïmporteerd</translation>
    </message>
    <message>
        <source>“%s” says it is a new version (%s) of “%s”, which came with the program (version %s).</source>
        <translation>“%s” zegt een nieuwe versie (%s) te zijn van “%s”, die met het programma is meegeleverd (versie %s).</translation>
    </message>
    <message>
        <source>%s%% of the letter&apos;s sentences are in it. Show it instead of the bundled version? Your notes move along with the text; removing the import later brings the bundled version back.</source>
        <translation>%s%% van de zinnen van de brief staat erin. Deze tonen in plaats van de meegeleverde versie? Uw notities gaan mee met de tekst; als u de import later verwijdert, komt de meegeleverde versie terug.</translation>
    </message>
    <message>
        <source>Use as new version</source>
        <translation>Als nieuwe versie gebruiken</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>Niet importeren</translation>
    </message>
    <message>
        <source>Import cancelled after %d of %d files.</source>
        <translation>Importeren geannuleerd na %d van %d bestanden.</translation>
    </message>
    <message>
        <source>%d imported letters state no date; set it with &apos;briefing-reader setdate DOC YYYY-MM-DD&apos;.</source>
        <translation>%d geïmporteerde brieven noemen geen datum; stel die in met &apos;briefing-reader setdate DOC JJJJ-MM-DD&apos;.</translation>
    </message>
    <message>
        <source>Date of the letter</source>
        <translation>Datum van de brief</translation>
    </message>
    <message>
        <source>%d imported, %d replaced, %d unchanged, %d refused</source>
        <translation>%d geïmporteerd, %d vervangen, %d ongewijzigd, %d geweigerd</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotatie</translation>
    </message>
    <message>
        <source>Highlights and bookmarks</source>
        <translation>Markeringen en bladwijzers</translation>
    </message>
    <message>
        <source>Notes to check</source>
        <translation>Te controleren notities</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vooruit</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Ware grootte</translation>
    </message>
    <message>
        <source>&amp;Table of contents</source>
        <translation>&amp;Inhoudsopgave</translation>
    </message>
    <message>
        <source>&amp;Document text</source>
        <translation>&amp;Documenttekst</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Afs&amp;luiten</translation>
    </message>
    <message>
        <source>&amp;About Briefing Reader</source>
        <translation>&amp;Over Briefing Reader</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;Welkom</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>In&amp;stellingen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>Actions &amp;register</source>
        <translation>Actie&amp;register</translation>
    </message>
    <message>
        <source>&amp;Commitments and deadlines</source>
        <translation>&amp;Toezeggingen en termijnen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notities</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Search all letters (Ctrl+Shift+F)</source>
        <translation>Zoeken in alle brieven (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Does not add up: the figures sum to %s (printed: %s)</source>
        <translation>Telt niet op: de bedragen samen zijn %s (gedrukt: %s)</translation>
    </message>
    <message>
        <source>Document not found: %s</source>
        <translation>Document niet gevonden: %s</translation>
    </message>
    <message>
        <source>Open in browser?</source>
        <translation>Openen in de browser?</translation>
    </message>
    <message>
        <source>This link leads outside Briefing Reader:

%s

Open it in your web browser?</source>
        <translation>Deze link gaat buiten Briefing Reader:

%s

Openen in uw webbrowser?</translation>
    </message>
    <message>
        <source>About Briefing Reader</source>
        <translation>Over Briefing Reader</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <source>“%s” was not opened at the start: %s.</source>
        <translation>“%s” is bij het starten niet geopend: %s.</translation>
    </message>
    <message>
        <source>Contents and search</source>
        <translation>Inhoud en zoeken</translation>
    </message>
    <message>
        <source>Contents or search</source>
        <translation>Inhoud of zoeken</translation>
    </message>
    <message>
        <source>&amp;Annotation</source>
        <translation>&amp;Annotatie</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>Volgend &amp;paneel</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>Vo&amp;rig paneel</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>No action here: choose one in the contents (Ctrl+T) or place the cursor in one.</source>
        <translation>Hier staat geen actie: kies er een in de inhoudsopgave (Ctrl+T) of zet de cursor erin.</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <source>Highlights</source>
        <translation>Markeringen</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Bladwijzers</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ga naar</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Notitie…</translation>
    </message>
    <message>
        <source>Edit the note of this highlight</source>
        <translation>De notitie bij deze markering bewerken</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Take over into my highlights</source>
        <translation>Overnemen in mijn markeringen</translation>
    </message>
    <message>
        <source>Copy this colleague&apos;s highlight into your own; theirs stays as it is</source>
        <translation>Deze markering van uw collega kopiëren naar uw eigen markeringen; die van de collega blijft zoals hij is</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>Note of %s (read-only)</source>
        <translation>Notitie van %s (alleen lezen)</translation>
    </message>
    <message>
        <source>Highlights and bookmarks</source>
        <translation>Markeringen en bladwijzers</translation>
    </message>
    <message>
        <source>Highlights or bookmarks</source>
        <translation>Markeringen of bladwijzers</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>The notes file was damaged ({problem}). It was moved aside to {name} in {folder}; nothing was deleted.</source>
        <translation>Het notitiebestand was beschadigd ({problem}). Het is opzijgezet als {name} in {folder}; er is niets verwijderd.</translation>
    </message>
    <message>
        <source>Your notes were restored from the backup {name} of {when}. Changes made after that moment are not in it.</source>
        <translation>Uw notities zijn teruggezet uit de reservekopie {name} van {when}. Wijzigingen van na dat moment staan er niet in.</translation>
    </message>
    <message>
        <source>The notes file was missing; your notes were restored from the backup {name} of {when}. Changes made after that moment are not in it.</source>
        <translation>Het notitiebestand ontbrak; uw notities zijn teruggezet uit de reservekopie {name} van {when}. Wijzigingen van na dat moment staan er niet in.</translation>
    </message>
    <message>
        <source>No sound backup was found, so you start with an empty notes file. The damaged file is kept in {folder}.</source>
        <translation>Er is geen goede reservekopie gevonden; u begint met een leeg notitiebestand. Het beschadigde bestand is bewaard in {folder}.</translation>
    </message>
    <message>
        <source>The notes file was missing and no sound backup was found, so you start with an empty notes file.</source>
        <translation>Het notitiebestand ontbrak en er is geen goede reservekopie gevonden; u begint met een leeg notitiebestand.</translation>
    </message>
    <message>
        <source>{missing} saved change(s) to your notes are missing from {name}: its journal file ({name}-wal) was deleted or damaged. The file as it was is kept as {kept} in {folder}.</source>
        <translation>{missing} opgeslagen wijziging(en) in uw notities ontbreken in {name}: het logbestand ervan ({name}-wal) is verwijderd of beschadigd. Het bestand zoals het was, is bewaard als {kept} in {folder}.</translation>
    </message>
    <message>
        <source>{missing} saved change(s) to your notes are missing from {name}: its journal file ({name}-wal) was deleted or damaged. No backup holds them: your notes are shown as they were at the last complete save.</source>
        <translation>{missing} opgeslagen wijziging(en) in uw notities ontbreken in {name}: het logbestand ervan ({name}-wal) is verwijderd of beschadigd. Geen reservekopie bevat ze: uw notities worden getoond zoals ze waren bij de laatste volledige opslag.</translation>
    </message>
    <message>
        <source>{missing} saved change(s) to your notes are missing from {name}: its journal file ({name}-wal) was deleted or damaged. No backup holds them: your notes are shown as they were at the last complete save. What was left of the journal is kept as {kept} in {folder}.</source>
        <translation>{missing} opgeslagen wijziging(en) in uw notities ontbreken in {name}: het logbestand ervan ({name}-wal) is verwijderd of beschadigd. Geen reservekopie bevat ze: uw notities worden getoond zoals ze waren bij de laatste volledige opslag. Wat er van het logbestand over was, is bewaard als {kept} in {folder}.</translation>
    </message>
    <message>
        <source>The disk is full. Your notes are shown, but changes cannot be saved until some space is freed and the notes are opened again.</source>
        <translation>De schijf is vol. Uw notities worden getoond, maar wijzigingen kunnen pas worden opgeslagen als er ruimte is vrijgemaakt en de notities opnieuw zijn geopend.</translation>
    </message>
    <message>
        <source>{count} deleted item(s) older than 30 days were removed for good.</source>
        <translation>{count} verwijderde item(s) ouder dan 30 dagen zijn definitief opgeruimd.</translation>
    </message>
    <message>
        <source>A backup of your notes could not be made: {reason}. Your notes are saved as usual.</source>
        <translation>Er kon geen reservekopie van uw notities worden gemaakt: {reason}. Uw notities worden gewoon opgeslagen.</translation>
    </message>
    <message>
        <source>A backup of your notes was made.</source>
        <translation>Er is een reservekopie van uw notities gemaakt.</translation>
    </message>
    <message>
        <source>The notes folder {folder} cannot be written. Your notes are shown, but changes cannot be saved until the folder can be written again.</source>
        <translation>In de notitiemap {folder} kan niet worden geschreven. Uw notities worden getoond, maar wijzigingen kunnen pas worden opgeslagen als die map weer beschrijfbaar is.</translation>
    </message>
    <message>
        <source>The notes file was updated to format {version}; a copy of the old file was kept as {name}.</source>
        <translation>Het notitiebestand is bijgewerkt naar versie {version}; een kopie van het oude bestand is bewaard als {name}.</translation>
    </message>
    <message>
        <source>: the change was not saved; what was saved before is unchanged</source>
        <translation>: de wijziging is niet opgeslagen; wat eerder was opgeslagen, is ongewijzigd</translation>
    </message>
    <message>
        <source>the disk is full, or the notes file reached its size limit{outcome}. Free some space and try again</source>
        <translation>de schijf is vol, of het notitiebestand heeft zijn maximale grootte bereikt{outcome}. Maak ruimte vrij en probeer het opnieuw</translation>
    </message>
    <message>
        <source>the notes file cannot be written (read-only file or folder){outcome}</source>
        <translation>in het notitiebestand kan niet worden geschreven (alleen-lezen bestand of map){outcome}</translation>
    </message>
    <message>
        <source>the notes file is damaged ({problem}){outcome}. Restart the app to recover it from the newest backup</source>
        <translation>het notitiebestand is beschadigd ({problem}){outcome}. Start het programma opnieuw om het uit de nieuwste reservekopie te herstellen</translation>
    </message>
    <message>
        <source>another program kept the notes file locked{outcome}. Try again</source>
        <translation>een ander programma hield het notitiebestand te lang vast{outcome}. Probeer het opnieuw</translation>
    </message>
    <message>
        <source>the notes file cannot be opened ({problem}); check that the folder exists and may be written</source>
        <translation>het notitiebestand kan niet worden geopend ({problem}); controleer of de map bestaat en beschrijfbaar is</translation>
    </message>
    <message>
        <source>the disk reported an error ({problem}){outcome}</source>
        <translation>de schijf meldde een fout ({problem}){outcome}</translation>
    </message>
    <message>
        <source>the disk is full{outcome}. Free some space and try again</source>
        <translation>de schijf is vol{outcome}. Maak ruimte vrij en probeer het opnieuw</translation>
    </message>
    <message>
        <source>cannot be written ({problem}){outcome}</source>
        <translation>kan niet worden geschreven ({problem}){outcome}</translation>
    </message>
    <message>
        <source>{problem}{outcome}</source>
        <translation>{problem}{outcome}</translation>
    </message>
    <message>
        <source>the disk was full when the notes were opened, so they are open read-only{outcome}. Free some space and open the notes again</source>
        <translation>de schijf was vol toen de notities werden geopend, dus ze zijn alleen te lezen{outcome}. Maak ruimte vrij en open de notities opnieuw</translation>
    </message>
    <message>
        <source>the notes are open read-only (the folder cannot be written){outcome}</source>
        <translation>de notities zijn alleen te lezen (in de map kan niet worden geschreven){outcome}</translation>
    </message>
    <message>
        <source>the notes folder cannot be created ({problem}), so notes cannot be kept</source>
        <translation>de notitiemap kan niet worden gemaakt ({problem}), dus notities kunnen niet worden bewaard</translation>
    </message>
    <message>
        <source>the notes folder cannot be written, so notes cannot be kept</source>
        <translation>in de notitiemap kan niet worden geschreven, dus notities kunnen niet worden bewaard</translation>
    </message>
    <message>
        <source>the notes file is damaged ({problem}) and its folder cannot be written, so it cannot be repaired from a backup</source>
        <translation>het notitiebestand is beschadigd ({problem}) en in de map kan niet worden geschreven, dus het kan niet uit een reservekopie worden hersteld</translation>
    </message>
    <message>
        <source>the notes file must be updated to a new format, but its folder cannot be written</source>
        <translation>het notitiebestand moet worden bijgewerkt naar een nieuwe versie, maar in de map kan niet worden geschreven</translation>
    </message>
    <message>
        <source>no backup could be made before updating the notes file, so it was left as it was: {reason}</source>
        <translation>er kon geen reservekopie worden gemaakt voordat het notitiebestand werd bijgewerkt, dus het is gelaten zoals het was: {reason}</translation>
    </message>
    <message>
        <source>the notes file was written by a newer version of Briefing Reader (schema {found}, this version knows {known}); update the app</source>
        <translation>het notitiebestand is geschreven door een nieuwere versie van Briefing Reader (schema {found}, deze versie kent {known}); werk het programma bij</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>bestaat niet</translation>
    </message>
    <message>
        <source>cannot be opened ({problem})</source>
        <translation>kan niet worden geopend ({problem})</translation>
    </message>
    <message>
        <source>cannot be read ({problem})</source>
        <translation>kan niet worden gelezen ({problem})</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>is een map, geen bestand</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>is geen gewoon bestand</translation>
    </message>
    <message>
        <source>has an odd name (&apos;..&apos;): choose the file itself</source>
        <translation>heeft een vreemde naam (&apos;..&apos;): kies het bestand zelf</translation>
    </message>
    <message>
        <source>has an odd name (it contains the invisible character {char}): rename the file</source>
        <translation>heeft een vreemde naam (er staat het onzichtbare teken {char} in): geef het bestand een andere naam</translation>
    </message>
    <message>
        <source>has a name that is too long: rename the file</source>
        <translation>heeft een te lange naam: geef het bestand een andere naam</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>is leeg</translation>
    </message>
    <message>
        <source>is larger than {size}</source>
        <translation>is groter dan {size}</translation>
    </message>
    <message>
        <source>is larger than {size} MB once converted</source>
        <translation>is na omzetten groter dan {size} MB</translation>
    </message>
    <message>
        <source>is a &apos;{suffix}&apos; file; only {supported} can be imported</source>
        <translation>is een &apos;{suffix}&apos;-bestand; alleen {supported} kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>is {what}; only {supported} can be imported</source>
        <translation>is {what}; alleen {supported} kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>is not a valid Word file (it is not a zip archive)</source>
        <translation>is geen geldig Word-bestand (het is geen zip-archief)</translation>
    </message>
    <message>
        <source>is a zip archive, not a Word document; only {supported} can be imported</source>
        <translation>is een zip-archief, geen Word-document; alleen {supported} kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>is not a PDF file (it does not start with %PDF-)</source>
        <translation>is geen pdf-bestand (het begint niet met %PDF-)</translation>
    </message>
    <message>
        <source>is not an officiele-publicatie {kind} file; only {supported} can be imported</source>
        <translation>is geen {kind}-bestand van officiële publicaties; alleen {supported} kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>is {what}, not text</source>
        <translation>is {what}, geen tekst</translation>
    </message>
    <message>
        <source>links to a file outside the folders you chose</source>
        <translation>verwijst naar een bestand buiten de mappen die u koos</translation>
    </message>
    <message>
        <source>is outside the folders you chose</source>
        <translation>ligt buiten de mappen die u koos</translation>
    </message>
    <message>
        <source>could not be stored ({problem})</source>
        <translation>kon niet worden opgeslagen ({problem})</translation>
    </message>
    <message>
        <source>cannot be shown: {reason}</source>
        <translation>kan niet worden getoond: {reason}</translation>
    </message>
    <message>
        <source>is not a valid Word document ({problem})</source>
        <translation>is geen geldig Word-document ({problem})</translation>
    </message>
    <message>
        <source>is not a valid Word document (its XML declares a DTD)</source>
        <translation>is geen geldig Word-document (de XML declareert een DTD)</translation>
    </message>
    <message>
        <source>could not be read as a Word document ({problem})</source>
        <translation>kon niet als Word-document worden gelezen ({problem})</translation>
    </message>
    <message>
        <source>is a zip archive but not a Word document</source>
        <translation>is een zip-archief maar geen Word-document</translation>
    </message>
    <message>
        <source>is not a valid Word document (its XML is in the encoding {encoding}, not UTF-8 or UTF-16)</source>
        <translation>is geen geldig Word-document (de XML staat in de codering {encoding}, niet in UTF-8 of UTF-16)</translation>
    </message>
    <message>
        <source>claims to be a new version of the bundled document &apos;{title}&apos; ({id}), but its text is not that document&apos;s ({shared}% of its sentences in common)</source>
        <translation>zegt een nieuwe versie te zijn van het meegeleverde document &apos;{title}&apos; ({id}), maar de tekst is niet die van dat document ({shared}% van de zinnen gemeen)</translation>
    </message>
    <message>
        <source>is larger than {size} MB (the limit for text and markdown)</source>
        <translation>is groter dan {size} MB (de grens voor tekst en markdown)</translation>
    </message>
    <message>
        <source>cannot be a new version of &apos;{id}&apos;: no such document in the library</source>
        <translation>kan geen nieuwe versie zijn van &apos;{id}&apos;: dat document staat niet in de bibliotheek</translation>
    </message>
    <message>
        <source>could not be stored (no free file name)</source>
        <translation>kon niet worden opgeslagen (geen vrije bestandsnaam)</translation>
    </message>
    <message>
        <source>cannot be shown ({problem})</source>
        <translation>kan niet worden getoond ({problem})</translation>
    </message>
    <message>
        <source>holds binary data (NUL bytes), not text</source>
        <translation>bevat binaire gegevens (NUL-bytes), geen tekst</translation>
    </message>
    <message>
        <source>holds binary data (control characters), not text</source>
        <translation>bevat binaire gegevens (stuurtekens), geen tekst</translation>
    </message>
    <message>
        <source>is not readable text: it is neither UTF-8 nor {other} (byte {byte} at line {line})</source>
        <translation>is geen leesbare tekst: het is UTF-8 noch {other} (byte {byte} op regel {line})</translation>
    </message>
    <message>
        <source>is not readable text: it is not valid {label} (byte {byte} at line {line})</source>
        <translation>is geen leesbare tekst: het is geen geldige {label} (byte {byte} op regel {line})</translation>
    </message>
    <message>
        <source>its front matter is not valid YAML ({problem})</source>
        <translation>de kopgegevens (front matter) zijn geen geldige YAML ({problem})</translation>
    </message>
    <message>
        <source>its front matter must be a list of &apos;key: value&apos; lines</source>
        <translation>de kopgegevens (front matter) moeten een lijst van regels &apos;sleutel: waarde&apos; zijn</translation>
    </message>
    <message>
        <source>is an encrypted PDF (it needs a password); save an unprotected copy first</source>
        <translation>is een versleutelde pdf (er is een wachtwoord nodig); sla eerst een onbeveiligde kopie op</translation>
    </message>
    <message>
        <source>is not a readable PDF ({problem})</source>
        <translation>is geen leesbare pdf ({problem})</translation>
    </message>
    <message>
        <source>is an encrypted PDF; save an unprotected copy first</source>
        <translation>is een versleutelde pdf; sla eerst een onbeveiligde kopie op</translation>
    </message>
    <message>
        <source>has {count} pages; at most {limit} can be imported</source>
        <translation>heeft {count} pagina&apos;s; er kunnen er hoogstens {limit} worden geïmporteerd</translation>
    </message>
    <message>
        <source>takes too long to read (over {seconds} s at page {page} of {count})</source>
        <translation>kost te veel tijd om te lezen (meer dan {seconds} s bij pagina {page} van {count})</translation>
    </message>
    <message>
        <source>is a PDF without a text layer (a scan); only PDFs with text can be imported</source>
        <translation>is een pdf zonder tekstlaag (een scan); alleen pdf&apos;s met tekst kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>is a PDF without a text layer (empty); only PDFs with text can be imported</source>
        <translation>is een pdf zonder tekstlaag (leeg); alleen pdf&apos;s met tekst kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>has too much text on page {page}</source>
        <translation>heeft te veel tekst op pagina {page}</translation>
    </message>
    <message>
        <source>is not a valid publication (it declares a DTD or entities, which are never read)</source>
        <translation>is geen geldige publicatie (het declareert een DTD of entiteiten, die nooit worden gelezen)</translation>
    </message>
    <message>
        <source>is not well-formed {kind} ({problem})</source>
        <translation>is geen welgevormde {kind} ({problem})</translation>
    </message>
    <message>
        <source>holds no {kind} document</source>
        <translation>bevat geen {kind}-document</translation>
    </message>
    <message>
        <source>is XML but not an officiele-publicatie (its root is &apos;{root}&apos;)</source>
        <translation>is XML maar geen officiele-publicatie (de basis is &apos;{root}&apos;)</translation>
    </message>
    <message>
        <source>is nested too deeply (over {limit} levels)</source>
        <translation>is te diep genest (meer dan {limit} niveaus)</translation>
    </message>
    <message>
        <source>has too many elements (over {limit})</source>
        <translation>heeft te veel elementen (meer dan {limit})</translation>
    </message>
    <message>
        <source>is not an imported document; its date cannot be changed</source>
        <translation>is geen geïmporteerd document; de datum kan niet worden gewijzigd</translation>
    </message>
    <message>
        <source>has no front matter we can change</source>
        <translation>heeft geen kopgegevens die we kunnen wijzigen</translation>
    </message>
    <message>
        <source>is a bundled document and cannot be removed</source>
        <translation>is een meegeleverd document en kan niet worden verwijderd</translation>
    </message>
    <message>
        <source>is not an imported document (it comes from the --content-dir folder)</source>
        <translation>is geen geïmporteerd document (het komt uit de map van --content-dir)</translation>
    </message>
    <message>
        <source>is not in the library</source>
        <translation>staat niet in de bibliotheek</translation>
    </message>
    <message>
        <source>could not be removed ({problem})</source>
        <translation>kon niet worden verwijderd ({problem})</translation>
    </message>
    <message>
        <source>an old Word file (.doc): save it as .docx first</source>
        <translation>een oud Word-bestand (.doc): sla het eerst op als .docx</translation>
    </message>
    <message>
        <source>a Word file with macros (.docm): save it as .docx first</source>
        <translation>een Word-bestand met macro&apos;s (.docm): sla het eerst op als .docx</translation>
    </message>
    <message>
        <source>a Word template</source>
        <translation>een Word-sjabloon</translation>
    </message>
    <message>
        <source>a Word template with macros</source>
        <translation>een Word-sjabloon met macro&apos;s</translation>
    </message>
    <message>
        <source>an OpenDocument file: save it as .docx first</source>
        <translation>een OpenDocument-bestand: sla het eerst op als .docx</translation>
    </message>
    <message>
        <source>an RTF file: save it as .docx first</source>
        <translation>een RTF-bestand: sla het eerst op als .docx</translation>
    </message>
    <message>
        <source>a PDF file</source>
        <translation>een pdf-bestand</translation>
    </message>
    <message>
        <source>an old Office file (.doc)</source>
        <translation>een oud Office-bestand (.doc)</translation>
    </message>
    <message>
        <source>an RTF file</source>
        <translation>een RTF-bestand</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>een afbeelding</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>een programma</translation>
    </message>
    <message>
        <source>a compressed archive</source>
        <translation>een gecomprimeerd archief</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>een zip-archief</translation>
    </message>
    <message>
        <source>front matter is not valid YAML ({problem})</source>
        <translation>de kopgegevens (front matter) zijn geen geldige YAML ({problem})</translation>
    </message>
    <message>
        <source>front matter must be a list of &apos;key: value&apos; lines</source>
        <translation>de kopgegevens (front matter) moeten een lijst regels &apos;sleutel: waarde&apos; zijn</translation>
    </message>
    <message>
        <source>front matter lacks &apos;{key}&apos;</source>
        <translation>in de kopgegevens (front matter) ontbreekt &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>id &apos;{id}&apos; may only hold a-z, 0-9 and &apos;-&apos;</source>
        <translation>id &apos;{id}&apos; mag alleen a-z, 0-9 en &apos;-&apos; bevatten</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a date like 2025-07-04</source>
        <translation>&apos;{key}&apos; moet een datum zijn zoals 2025-07-04</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a whole number from 0 to {largest}</source>
        <translation>&apos;{key}&apos; moet een geheel getal van 0 tot {largest} zijn</translation>
    </message>
    <message>
        <source>&apos;missing_footnotes&apos; must be a list like [&quot;20&quot;, &quot;22&quot;]</source>
        <translation>&apos;missing_footnotes&apos; moet een lijst zijn zoals [&quot;20&quot;, &quot;22&quot;]</translation>
    </message>
    <message>
        <source>imported {imported}, replaced {replaced}, unchanged {unchanged}, refused {refused}</source>
        <translation>geïmporteerd {imported}, vervangen {replaced}, ongewijzigd {unchanged}, geweigerd {refused}</translation>
    </message>
    <message>
        <source>  refused {count}: {reason} (e.g. {examples})</source>
        <translation>  geweigerd {count}: {reason} (bijv. {examples})</translation>
    </message>
    <message>
        <source>read as Windows-1252 text (it is not UTF-8)</source>
        <translation>gelezen als Windows-1252-tekst (het is geen UTF-8)</translation>
    </message>
    <message>
        <source>removed {count} control character(s)</source>
        <translation>{count} stuurteken(s) verwijderd</translation>
    </message>
    <message>
        <source>the id &apos;{id}&apos; is taken by another document; stored as &apos;{stored}&apos;</source>
        <translation>het id &apos;{id}&apos; is al van een ander document; opgeslagen als &apos;{stored}&apos;</translation>
    </message>
    <message>
        <source>would become version {version} of the bundled document &apos;{title}&apos; (now version {old})</source>
        <translation>zou versie {version} worden van het meegeleverde document &apos;{title}&apos; (nu versie {old})</translation>
    </message>
    <message>
        <source>the file contains macros; they were ignored (never run)</source>
        <translation>het bestand bevat macro&apos;s; die zijn genegeerd (nooit uitgevoerd)</translation>
    </message>
    <message>
        <source>{count} picture(s) or embedded object(s) left out</source>
        <translation>{count} afbeelding(en) of ingesloten object(en) weggelaten</translation>
    </message>
    <message>
        <source>the file refers to outside files; they were not fetched</source>
        <translation>het bestand verwijst naar externe bestanden; die zijn niet opgehaald</translation>
    </message>
    <message>
        <source>no text for note(s) {notes} (shown as missing)</source>
        <translation>geen tekst voor noot/noten {notes} (als ontbrekend getoond)</translation>
    </message>
    <message>
        <source>{count} footnote text(s) have no reference in the text and were left out</source>
        <translation>{count} voetnoottekst(en) zonder verwijzing in de tekst zijn weggelaten</translation>
    </message>
    <message>
        <source>{count} endnote text(s) have no reference in the text and were left out</source>
        <translation>{count} eindnoottekst(en) zonder verwijzing in de tekst zijn weggelaten</translation>
    </message>
    <message>
        <source>the id &apos;{id}&apos; may only hold a-z, 0-9 and &apos;-&apos;; stored as &apos;{stored}&apos;</source>
        <translation>de id &apos;{id}&apos; mag alleen a-z, 0-9 en &apos;-&apos; bevatten; opgeslagen als &apos;{stored}&apos;</translation>
    </message>
    <message>
        <source>the text has {markers} footnote markers but the source has {texts} footnote texts</source>
        <translation>de tekst heeft {markers} voetnootmarkeringen maar de bron heeft {texts} voetnootteksten</translation>
    </message>
    <message>
        <source>the text has {markers} footnote markers but the source has {texts} footnote texts; no text for note {note} (shown as missing)</source>
        <translation>de tekst heeft {markers} voetnootmarkeringen maar de bron heeft {texts} voetnootteksten; geen tekst voor noot {note} (als ontbrekend getoond)</translation>
    </message>
    <message>
        <source>the text has {markers} footnote markers but the source has {texts} footnote texts; no text for notes {notes} and {last} (shown as missing)</source>
        <translation>de tekst heeft {markers} voetnootmarkeringen maar de bron heeft {texts} voetnootteksten; geen tekst voor noten {notes} en {last} (als ontbrekend getoond)</translation>
    </message>
    <message>
        <source>a footnote text has no marker in the text and was left out: {text}</source>
        <translation>een voetnoottekst heeft geen markering in de tekst en is weggelaten: {text}</translation>
    </message>
    <message>
        <source>footnote {label} has no marker in the text and was left out: {text}</source>
        <translation>voetnoot {label} heeft geen markering in de tekst en is weggelaten: {text}</translation>
    </message>
    <message>
        <source>no text found for footnote {notes} (shown as missing)</source>
        <translation>geen tekst gevonden voor voetnoot {notes} (als ontbrekend getoond)</translation>
    </message>
    <message>
        <source>no text found for footnotes {notes} (shown as missing)</source>
        <translation>geen tekst gevonden voor voetnoten {notes} (als ontbrekend getoond)</translation>
    </message>
    <message>
        <source>page {page}: a table without ruling lines was kept as text, line by line</source>
        <translation>pagina {page}: een tabel zonder lijnen is als tekst bewaard, regel voor regel</translation>
    </message>
    <message>
        <source>a footnote inside a table was left out of the table</source>
        <translation>een voetnoot in een tabel is uit de tabel weggelaten</translation>
    </message>
    <message>
        <source>the document id &apos;{id}&apos; cannot name a folder</source>
        <translation>de document-id &apos;{id}&apos; kan geen mapnaam zijn</translation>
    </message>
    <message>
        <source>the text of this version could not be kept ({problem})</source>
        <translation>de tekst van deze versie kon niet worden bewaard ({problem})</translation>
    </message>
    <message>
        <source>its front matter is larger than {size} KB</source>
        <translation>de kopgegevens (front matter) zijn groter dan {size} KB</translation>
    </message>
    <message>
        <source>its front matter nests deeper than {limit} levels</source>
        <translation>de kopgegevens (front matter) zijn dieper genest dan {limit} niveaus</translation>
    </message>
    <message>
        <source>its front matter uses YAML anchors and aliases (&amp;name, *name), which are not allowed</source>
        <translation>de kopgegevens (front matter) gebruiken YAML-ankers en -aliassen (&amp;name, *name); die zijn niet toegestaan</translation>
    </message>
    <message>
        <source>its front matter has more than {limit} values</source>
        <translation>de kopgegevens (front matter) bevatten meer dan {limit} waarden</translation>
    </message>
    <message>
        <source>it nests deeper than {limit} levels</source>
        <translation>het is dieper genest dan {limit} niveaus</translation>
    </message>
    <message>
        <source>holds more than {limit} files in its zip archive</source>
        <translation>bevat meer dan {limit} bestanden in het zip-archief</translation>
    </message>
    <message>
        <source>unpacks to more than {size} MB</source>
        <translation>pakt uit tot meer dan {size} MB</translation>
    </message>
    <message>
        <source>holds more than {size} MB of XML</source>
        <translation>bevat meer dan {size} MB aan XML</translation>
    </message>
    <message>
        <source>holds more than {limit} XML elements</source>
        <translation>bevat meer dan {limit} XML-elementen</translation>
    </message>
    <message>
        <source>is larger than {size} MB</source>
        <translation>is groter dan {size} MB</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation>is geen geldige UTF-8-tekst</translation>
    </message>
    <message>
        <source>has no front matter (a block between &apos;---&apos; lines)</source>
        <translation>heeft geen kopgegevens (een blok tussen regels met &apos;---&apos;)</translation>
    </message>
    <message>
        <source>has {count} headings; at most {limit} can be shown</source>
        <translation>heeft {count} koppen; er kunnen er hoogstens {limit} worden getoond</translation>
    </message>
    <message>
        <source>has {count} paragraphs and headings; at most {limit} can be shown</source>
        <translation>heeft {count} alinea&apos;s en koppen; er kunnen er hoogstens {limit} worden getoond</translation>
    </message>
    <message>
        <source>nests quotes or lists deeper than {limit} levels</source>
        <translation>nest citaten of lijsten dieper dan {limit} niveaus</translation>
    </message>
    <message>
        <source>has more than {limit} paragraphs, list items and table cells</source>
        <translation>heeft meer dan {limit} alinea&apos;s, lijstitems en tabelcellen</translation>
    </message>
    <message>
        <source>the search index could not be built: {problem}</source>
        <translation>de zoekindex kon niet worden gebouwd: {problem}</translation>
    </message>
    <message>
        <source>the search index could not be read: {problem}</source>
        <translation>de zoekindex kon niet worden gelezen: {problem}</translation>
    </message>
    <message>
        <source>another Briefing Reader is updating it</source>
        <translation>een andere Briefing Reader werkt haar bij</translation>
    </message>
    <message>
        <source>The search index cannot be saved in {folder} ({problem}); search works from memory for this session.</source>
        <translation>De zoekindex kan niet worden opgeslagen in {folder} ({problem}); zoeken werkt deze sessie vanuit het geheugen.</translation>
    </message>
    <message>
        <source>there is no note &apos;{id}&apos;</source>
        <translation>er is geen notitie &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>this note is yours already</source>
        <translation>deze notitie is al van u</translation>
    </message>
    <message>
        <source>only action notes and highlights can be taken over</source>
        <translation>alleen actienotities en markeringen kunnen worden overgenomen</translation>
    </message>
    <message>
        <source>the author name must be 1 to 200 characters</source>
        <translation>de naam van de auteur moet 1 tot 200 tekens lang zijn</translation>
    </message>
    <message>
        <source>a stance must be 1 to {limit} characters: {value}</source>
        <translation>een standpunt moet 1 tot {limit} tekens lang zijn: {value}</translation>
    </message>
    <message>
        <source>the stance &apos;{stance}&apos; is in the list twice</source>
        <translation>het standpunt &apos;{stance}&apos; staat twee keer in de lijst</translation>
    </message>
    <message>
        <source>the stance list cannot be empty</source>
        <translation>de lijst met standpunten mag niet leeg zijn</translation>
    </message>
    <message>
        <source>there is no note, highlight or bookmark &apos;{id}&apos; to delete</source>
        <translation>er is geen notitie, markering of bladwijzer &apos;{id}&apos; om te verwijderen</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not in the trash (it may have been purged)</source>
        <translation>&apos;{id}&apos; staat niet in de prullenbak (misschien is die geleegd)</translation>
    </message>
    <message>
        <source>this action has been annotated again since; the newer annotation was kept and the deleted one stays in the trash</source>
        <translation>bij deze actie is sindsdien opnieuw een notitie gemaakt; de nieuwere notitie is behouden en de verwijderde blijft in de prullenbak</translation>
    </message>
    <message>
        <source>another note of mine already hangs on &apos;{action}&apos;</source>
        <translation>er hangt al een andere notitie van mij aan &apos;{action}&apos;</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not in the list of notes to check</source>
        <translation>&apos;{id}&apos; staat niet in de lijst met te controleren notities</translation>
    </message>
    <message>
        <source>an orphaned note has no candidate to accept; re-attach it to a selection instead</source>
        <translation>een losgeraakte notitie heeft geen voorstel om te aanvaarden; koppel haar in plaats daarvan aan een selectie</translation>
    </message>
    <message>
        <source>there is no action note &apos;{id}&apos;</source>
        <translation>er is geen actienotitie &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>there is no highlight or bookmark &apos;{id}&apos;</source>
        <translation>er is geen markering of bladwijzer &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>my notes are more than one shared file can hold</source>
        <translation>mijn notities passen niet in één gedeeld bestand</translation>
    </message>
    <message>
        <source>{id}: you already have a note on {doc}#{action} here; yours was kept</source>
        <translation>{id}: u hebt hier al een notitie bij {doc}#{action}; de uwe is behouden</translation>
    </message>
    <message>
        <source>{id}: already used by {kind}</source>
        <translation>{id}: al in gebruik voor {kind}</translation>
    </message>
    <message>
        <source>an action note</source>
        <translation>een actienotitie</translation>
    </message>
    <message>
        <source>a highlight</source>
        <translation>een markering</translation>
    </message>
    <message>
        <source>a bookmark</source>
        <translation>een bladwijzer</translation>
    </message>
    <message>
        <source>there is no highlight &apos;{id}&apos;</source>
        <translation>er is geen markering &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>there is no bookmark &apos;{id}&apos;</source>
        <translation>er is geen bladwijzer &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>a colleague&apos;s note cannot be edited; it stays theirs</source>
        <translation>een notitie van een collega kan niet worden gewijzigd; die blijft van hen</translation>
    </message>
    <message>
        <source>this note was changed elsewhere since it was opened</source>
        <translation>deze notitie is elders gewijzigd sinds ze werd geopend</translation>
    </message>
    <message>
        <source>a reading position needs a document and an offset &gt;= 0</source>
        <translation>een leespositie heeft een document en een positie &gt;= 0 nodig</translation>
    </message>
    <message>
        <source>a commitment status needs a commitment id</source>
        <translation>een status van een toezegging heeft het id van de toezegging nodig</translation>
    </message>
    <message>
        <source>an action annotation needs a document and an action</source>
        <translation>een actienotitie heeft een document en een actie nodig</translation>
    </message>
    <message>
        <source>the notes file stayed locked</source>
        <translation>het notitiebestand bleef vergrendeld</translation>
    </message>
    <message>
        <source>the selection {start}-{end} is empty or outside the text of &apos;{doc}&apos; (0-{length})</source>
        <translation>de selectie {start}-{end} is leeg of valt buiten de tekst van &apos;{doc}&apos; (0-{length})</translation>
    </message>
    <message>
        <source>the quote does not occur in &apos;{doc}&apos; (it must match the text exactly, including capitals, punctuation and spaces)</source>
        <translation>het citaat komt niet voor in &apos;{doc}&apos; (het moet precies met de tekst overeenkomen, ook in hoofdletters, leestekens en spaties)</translation>
    </message>
    <message>
        <source>the quote occurs {count} times in &apos;{doc}&apos;; choose one with --occurrence N (1-{count}) or quote more text</source>
        <translation>het citaat komt {count} keer voor in &apos;{doc}&apos;; kies er een met --occurrence N (1-{count}) of citeer meer tekst</translation>
    </message>
    <message>
        <source>the quote occurs {count} time(s) in &apos;{doc}&apos;; occurrence {occurrence} does not exist</source>
        <translation>het citaat komt {count} keer voor in &apos;{doc}&apos;; voorkomen {occurrence} bestaat niet</translation>
    </message>
    <message>
        <source>document &apos;{doc}&apos; has no place &apos;#{place}&apos;</source>
        <translation>document &apos;{doc}&apos; heeft geen plaats &apos;#{place}&apos;</translation>
    </message>
    <message>
        <source>document &apos;{doc}&apos; has no text at &apos;#{place}&apos;</source>
        <translation>document &apos;{doc}&apos; heeft geen tekst bij &apos;#{place}&apos;</translation>
    </message>
    <message>
        <source>the notes are open read-only, so notes on changed documents are shown at their old places until they can be updated</source>
        <translation>de notities zijn alleen-lezen geopend, dus notities bij gewijzigde documenten staan op hun oude plaats tot ze kunnen worden bijgewerkt</translation>
    </message>
    <message>
        <source>notes on &apos;{doc}&apos; were not re-anchored: {reason}</source>
        <translation>notities bij &apos;{doc}&apos; zijn niet opnieuw verankerd: {reason}</translation>
    </message>
    <message>
        <source>the folder does not exist or is not mounted</source>
        <translation>de map bestaat niet of is niet gekoppeld</translation>
    </message>
    <message>
        <source>{folder}: not reachable ({problem}); nothing shared this time</source>
        <translation>{folder}: niet bereikbaar ({problem}); deze keer is niets gedeeld</translation>
    </message>
    <message>
        <source>{folder}: published {published}; read {files} file(s) of {authors} colleague(s): {added} added, {updated} updated, {removed} removed, {unchanged} unchanged{skipped}</source>
        <translation>{folder}: gepubliceerd {published}; {files} bestand(en) van {authors} collega(&apos;s) gelezen: {added} toegevoegd, {updated} bijgewerkt, {removed} verwijderd, {unchanged} ongewijzigd{skipped}</translation>
    </message>
    <message>
        <source>, {count} file(s) skipped</source>
        <translation>, {count} bestand(en) overgeslagen</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>is larger than the {limit} bytes a notes file may hold</source>
        <translation>is groter dan de {limit} bytes die een notitiebestand mag hebben</translation>
    </message>
    <message>
        <source>is not UTF-8 text (byte {offset})</source>
        <translation>is geen UTF-8-tekst (byte {offset})</translation>
    </message>
    <message>
        <source>is nested {depth} levels deep; notes files may nest at most {limit}</source>
        <translation>is {depth} niveaus diep genest; een notitiebestand mag hoogstens {limit} niveaus diep nesten</translation>
    </message>
    <message>
        <source>holds a lone surrogate {escape} on line {line}, which is not text</source>
        <translation>bevat een losse surrogaat {escape} op regel {line}; dat is geen tekst</translation>
    </message>
    <message>
        <source>is not valid JSON (line {line}, column {column}: {problem})</source>
        <translation>is geen geldige JSON (regel {line}, kolom {column}: {problem})</translation>
    </message>
    <message>
        <source>is not valid JSON ({problem})</source>
        <translation>is geen geldige JSON ({problem})</translation>
    </message>
    <message>
        <source>cannot be written ({problem})</source>
        <translation>kan niet worden geschreven ({problem})</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>de map {folder} bestaat niet</translation>
    </message>
    <message>
        <source>unknown format &apos;{fmt}&apos; (choose from {choices})</source>
        <translation>onbekend formaat &apos;{fmt}&apos; (kies uit {choices})</translation>
    </message>
    <message>
        <source>holds no annotations; nothing was imported</source>
        <translation>bevat geen annotaties; er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>annotation {number}</source>
        <translation>annotatie {number}</translation>
    </message>
    <message>
        <source>annotation {number} ({id})</source>
        <translation>annotatie {number} ({id})</translation>
    </message>
    <message>
        <source>{which}: {reason}; nothing was imported</source>
        <translation>{which}: {reason}; er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>{which}: a value has an unexpected form ({problem}); nothing was imported</source>
        <translation>{which}: een waarde heeft een onverwachte vorm ({problem}); er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>{which}: the id occurs twice; nothing was imported</source>
        <translation>{which}: de id komt twee keer voor; er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>target {number}: {reason}</source>
        <translation>doel {number}: {reason}</translation>
    </message>
    <message>
        <source>it is not a W3C Web Annotation file (no &quot;@context&quot;: &quot;{context}&quot;)</source>
        <translation>het is geen W3C Web Annotation-bestand (geen &quot;@context&quot;: &quot;{context}&quot;)</translation>
    </message>
    <message>
        <source>the top level is not an AnnotationCollection, AnnotationPage or Annotation</source>
        <translation>het bovenste niveau is geen AnnotationCollection, AnnotationPage of Annotation</translation>
    </message>
    <message>
        <source>its pages are not included in the file (only self-contained collections can be imported)</source>
        <translation>de pagina&apos;s staan niet in het bestand (alleen verzamelingen die alles zelf bevatten kunnen worden geïmporteerd)</translation>
    </message>
    <message>
        <source>{what} is missing or not text</source>
        <translation>{what} ontbreekt of is geen tekst</translation>
    </message>
    <message>
        <source>a body&apos;s value</source>
        <translation>de waarde van een body</translation>
    </message>
    <message>
        <source>the quote (&apos;exact&apos;)</source>
        <translation>het citaat (&apos;exact&apos;)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a date-time</source>
        <translation>&apos;{key}&apos; is geen datum en tijd</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not an ISO 8601 date-time: {value}</source>
        <translation>&apos;{key}&apos; is geen ISO 8601-datum en -tijd: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; has no time zone: {value}</source>
        <translation>&apos;{key}&apos; heeft geen tijdzone: {value}</translation>
    </message>
    <message>
        <source>its id is missing or not an IRI</source>
        <translation>de id ontbreekt of is geen IRI</translation>
    </message>
    <message>
        <source>its id is not a valid UUID: {id}</source>
        <translation>de id is geen geldige UUID: {id}</translation>
    </message>
    <message>
        <source>a body is neither an object nor an IRI</source>
        <translation>een body is geen object en geen IRI</translation>
    </message>
    <message>
        <source>a target is neither an object nor an IRI</source>
        <translation>een doel is geen object en geen IRI</translation>
    </message>
    <message>
        <source>its target is not a document Briefing Reader knows ({named}; expected {prefix}&lt;id&gt; or the address of an official publication)</source>
        <translation>het doel is geen document dat Briefing Reader kent ({named}; verwacht: {prefix}&lt;id&gt; of het adres van een officiële publicatie)</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>geen bron</translation>
    </message>
    <message>
        <source>the TextPositionSelector needs whole numbers 0 &lt;= start &lt;= end</source>
        <translation>de TextPositionSelector heeft hele getallen 0 &lt;= start &lt;= end nodig</translation>
    </message>
    <message>
        <source>its target has no TextQuoteSelector, and no position in a document of the library</source>
        <translation>het doel heeft geen TextQuoteSelector en geen positie in een document van de bibliotheek</translation>
    </message>
    <message>
        <source>the quote cannot be placed in the document (it is not there, or more than once with the same context)</source>
        <translation>het citaat kan niet in het document worden geplaatst (het staat er niet in, of meer dan eens met dezelfde context)</translation>
    </message>
    <message>
        <source>the quote is not in the document (or occurs more than once with the same context)</source>
        <translation>het citaat staat niet in het document (of komt meer dan eens voor met dezelfde context)</translation>
    </message>
    <message>
        <source>the FragmentSelector has no value</source>
        <translation>de FragmentSelector heeft geen waarde</translation>
    </message>
    <message>
        <source>its FragmentSelector &apos;{fragment}&apos; names no action or section of document &apos;{doc}&apos;</source>
        <translation>de FragmentSelector &apos;{fragment}&apos; noemt geen actie of paragraaf van document &apos;{doc}&apos;</translation>
    </message>
    <message>
        <source>its FragmentSelector &apos;{fragment}&apos; names no action or section of &apos;{doc}&apos;, which is not in the library</source>
        <translation>de FragmentSelector &apos;{fragment}&apos; noemt geen actie of paragraaf van &apos;{doc}&apos;, dat niet in de bibliotheek staat</translation>
    </message>
    <message>
        <source>its target has only {selectors}, which cannot be placed without a quote or a position</source>
        <translation>het doel heeft alleen {selectors}; dat kan zonder citaat of positie niet worden geplaatst</translation>
    </message>
    <message>
        <source>it is a note on the whole of &apos;{doc}&apos;, which is not in the library</source>
        <translation>het is een notitie bij heel &apos;{doc}&apos;, dat niet in de bibliotheek staat</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>het is geen object</translation>
    </message>
    <message>
        <source>it is not an object of type Annotation</source>
        <translation>het is geen object van het type Annotation</translation>
    </message>
    <message>
        <source>it has no target</source>
        <translation>het heeft geen doel</translation>
    </message>
    <message>
        <source>it has {count} targets; at most {limit} are imported</source>
        <translation>het heeft {count} doelen; er worden er hoogstens {limit} geïmporteerd</translation>
    </message>
    <message>
        <source>unknown priority &apos;{value}&apos; (choose from {choices})</source>
        <translation>onbekende prioriteit &apos;{value}&apos; (kies uit {choices})</translation>
    </message>
    <message>
        <source>unknown stance &apos;{value}&apos; (choose from {choices})</source>
        <translation>onbekend standpunt &apos;{value}&apos; (kies uit {choices})</translation>
    </message>
    <message>
        <source>unknown colour &apos;{value}&apos; (choose from {choices} or #rrggbb)</source>
        <translation>onbekende kleur &apos;{value}&apos; (kies uit {choices} of #rrggbb)</translation>
    </message>
    <message>
        <source>{what} must be text</source>
        <translation>{what} moet tekst zijn</translation>
    </message>
    <message>
        <source>{what} is longer than {limit} characters</source>
        <translation>{what} is langer dan {limit} tekens</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>de notitie</translation>
    </message>
    <message>
        <source>the stance</source>
        <translation>het standpunt</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>de vraag</translation>
    </message>
    <message>
        <source>the tag</source>
        <translation>het label</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>de naam</translation>
    </message>
    <message>
        <source>questions must be a list of texts, not one text</source>
        <translation>vragen moeten een lijst van teksten zijn, niet één tekst</translation>
    </message>
    <message>
        <source>tags must be a list of texts, not one text</source>
        <translation>labels moeten een lijst van teksten zijn, niet één tekst</translation>
    </message>
    <message>
        <source>a bookmark needs a name</source>
        <translation>een bladwijzer heeft een naam nodig</translation>
    </message>
    <message>
        <source>an anchor needs a document and a quote</source>
        <translation>een anker heeft een document en een citaat nodig</translation>
    </message>
    <message>
        <source>an anchor&apos;s position must be 0 &lt;= start &lt;= end</source>
        <translation>de positie van een anker moet 0 &lt;= start &lt;= end zijn</translation>
    </message>
    <message>
        <source>&apos;{address}&apos;: the range must be START-END within 0-{length}</source>
        <translation>&apos;{address}&apos;: het bereik moet START-EIND zijn binnen 0-{length}</translation>
    </message>
    <message>
        <source>document &apos;{doc}&apos; has no place &apos;#{anchor}&apos; (see &apos;briefing-reader toc DOC&apos;)</source>
        <translation>document &apos;{doc}&apos; heeft geen plaats &apos;#{anchor}&apos; (zie &apos;briefing-reader toc DOC&apos;)</translation>
    </message>
    <message>
        <source>document &apos;{doc}&apos; has no place &apos;#{anchor}&apos;</source>
        <translation>document &apos;{doc}&apos; heeft geen plaats &apos;#{anchor}&apos;</translation>
    </message>
    <message>
        <source>no document has an action &apos;{ref}&apos; (see &apos;briefing-reader toc DOC&apos; for the action ids)</source>
        <translation>geen document heeft een actie &apos;{ref}&apos; (zie &apos;briefing-reader toc DOC&apos; voor de actie-id&apos;s)</translation>
    </message>
    <message>
        <source>the action &apos;{action}&apos; occurs in {docs}; write it as DOC#ACTION</source>
        <translation>de actie &apos;{action}&apos; komt voor in {docs}; schrijf haar als DOC#ACTIE</translation>
    </message>
    <message>
        <source>indexing [{done}/{total}]</source>
        <translation>zoekindex bijwerken [{done}/{total}]</translation>
    </message>
    <message>
        <source>merging the search index into one (once, after a bulk import)</source>
        <translation>zoekindex samenvoegen tot één geheel (eenmalig, na een grote import)</translation>
    </message>
    <message>
        <source>[{done}/{total}] {name} ({left} left)</source>
        <translation>[{done}/{total}] {name} (nog {left})</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} u {minutes} min</translation>
    </message>
    <message>
        <source>Did you mean: {suggestion}</source>
        <translation>Bedoelde u: {suggestion}</translation>
    </message>
    <message>
        <source>Not found: {words}</source>
        <translation>Niet gevonden: {words}</translation>
    </message>
    <message>
        <source>No results for: {query}</source>
        <translation>Geen resultaten voor: {query}</translation>
    </message>
    <message>
        <source>No hit has every word; the best partial hits:</source>
        <translation>Geen treffer heeft alle woorden; de beste gedeeltelijke treffers:</translation>
    </message>
    <message>
        <source>1 result for: {query} ({where}{more})</source>
        <translation>1 resultaat voor: {query} ({where}{more})</translation>
    </message>
    <message>
        <source>{count} results for: {query} ({where}{more})</source>
        <translation>{count} resultaten voor: {query} ({where}{more})</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 document</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} documenten</translation>
    </message>
    <message>
        <source>; first {shown}</source>
        <translation>; eerste {shown}</translation>
    </message>
    <message>
        <source>not found: {words}</source>
        <translation>niet gevonden: {words}</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>alinea</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>kop</translation>
    </message>
    <message>
        <source>action</source>
        <translation>actie</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>voetnoot</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tabel</translation>
    </message>
    <message>
        <source>document &apos;{doc}&apos; has no action &apos;{action}&apos;</source>
        <translation>document &apos;{doc}&apos; heeft geen actie &apos;{action}&apos;</translation>
    </message>
    <message>
        <source>the selection {start}-{end} holds no text of &apos;{doc}&apos;</source>
        <translation>de selectie {start}-{end} bevat geen tekst van &apos;{doc}&apos;</translation>
    </message>
    <message>
        <source>nothing to print</source>
        <translation>er is niets om af te drukken</translation>
    </message>
    <message>
        <source>no action has a stance or a note yet; give some a stance or a note, or choose the actions</source>
        <translation>nog geen enkele actie heeft een standpunt of notitie; geef enkele acties een standpunt of notitie, of kies de acties</translation>
    </message>
    <message>
        <source>the printer or file cannot be written to</source>
        <translation>er kan niet naar de printer of het bestand worden geschreven</translation>
    </message>
    <message>
        <source>no letters to put on the debate card</source>
        <translation>er zijn geen brieven om op de debatkaart te zetten</translation>
    </message>
    <message>
        <source>unknown status &apos;{value}&apos; (choose from {choices})</source>
        <translation>onbekende status &apos;{value}&apos; (kies uit {choices})</translation>
    </message>
    <message>
        <source>{name}=&quot;{value}&quot; is not a date like 2025-12-31</source>
        <translation>{name}=&quot;{value}&quot; is geen datum zoals 2025-12-31</translation>
    </message>
    <message>
        <source>zin=&quot;{value}&quot; is in no sentence</source>
        <translation>zin=&quot;{value}&quot; staat in geen enkele zin</translation>
    </message>
    <message>
        <source>van is later than tot</source>
        <translation>van ligt na tot</translation>
    </message>
    <message>
        <source>{doc}#{anchor}: {reason}</source>
        <translation>{doc}#{anchor}: {reason}</translation>
    </message>
    <message>
        <source>not a sound backup ({problem})</source>
        <translation>geen goede reservekopie ({problem})</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>skipped {error}</source>
        <translation>overgeslagen: {error}</translation>
    </message>
    <message>
        <source>skipped marker {error}</source>
        <translation>toezeggingsmarkering overgeslagen: {error}</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>vervangen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>gedateerd</translation>
    </message>
    <message>
        <source>{file}: imported as &apos;{title}&apos; ({doc})</source>
        <translation>{file}: geïmporteerd als &apos;{title}&apos; ({doc})</translation>
    </message>
    <message>
        <source>{file}: replaced &apos;{title}&apos; ({doc}), version {old} -&gt; {new}</source>
        <translation>{file}: &apos;{title}&apos; ({doc}) vervangen, versie {old} -&gt; {new}</translation>
    </message>
    <message>
        <source>{file}: {reason} ({doc})</source>
        <translation>{file}: {reason} ({doc})</translation>
    </message>
    <message>
        <source>already in the library at this version</source>
        <translation>staat al in deze versie in de bibliotheek</translation>
    </message>
    <message>
        <source>already in the library</source>
        <translation>staat al in de bibliotheek</translation>
    </message>
    <message>
        <source>the library already has version {old}, newer than this file&apos;s version {new}</source>
        <translation>de bibliotheek heeft al versie {old}, nieuwer dan versie {new} van dit bestand</translation>
    </message>
    <message>
        <source>note: {text}</source>
        <translation>let op: {text}</translation>
    </message>
    <message>
        <source>note: geen datum gevonden (no date found); set it with &apos;briefing-reader setdate {doc} YYYY-MM-DD&apos;</source>
        <translation>let op: geen datum gevonden; stel die in met &apos;briefing-reader setdate {doc} JJJJ-MM-DD&apos;</translation>
    </message>
    <message>
        <source>{doc} &apos;{title}&apos;: {date}</source>
        <translation>{doc} &apos;{title}&apos;: {date}</translation>
    </message>
    <message>
        <source>{doc} &apos;{title}&apos; (its notes are kept)</source>
        <translation>{doc} &apos;{title}&apos; (de notities blijven bewaard)</translation>
    </message>
    <message>
        <source>the bundled version of {doc} is shown again</source>
        <translation>de meegeleverde versie van {doc} wordt weer getoond</translation>
    </message>
    <message>
        <source>{count} note(s) moved to a new version need checking (see &apos;briefing-reader notes review&apos;)</source>
        <translation>{count} notitie(s) verplaatst naar een nieuwe versie moeten worden nagekeken (zie &apos;briefing-reader notes review&apos;)</translation>
    </message>
    <message>
        <source>{files} ({count} note)</source>
        <translation>{files} ({count} notitie)</translation>
    </message>
    <message>
        <source>{files} ({count} notes)</source>
        <translation>{files} ({count} notities)</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {same} already there</source>
        <translation>{added} toegevoegd, {updated} bijgewerkt, {same} al aanwezig</translation>
    </message>
    <message>
        <source>{count} left alone (yours)</source>
        <translation>{count} ongemoeid gelaten (van u)</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count} overgeslagen</translation>
    </message>
    <message>
        <source>the search index was not updated: {reason}</source>
        <translation>de zoekindex is niet bijgewerkt: {reason}</translation>
    </message>
    <message>
        <source>notes not re-anchored: {reason}</source>
        <translation>notities niet opnieuw verankerd: {reason}</translation>
    </message>
    <message>
        <source>notes not read: {reason}</source>
        <translation>notities niet gelezen: {reason}</translation>
    </message>
    <message>
        <source>printing without highlights: cannot open the notes: {reason}</source>
        <translation>afdrukken zonder markeringen: de notities kunnen niet worden geopend: {reason}</translation>
    </message>
    <message>
        <source>cannot open the notes: {reason}</source>
        <translation>de notities kunnen niet worden geopend: {reason}</translation>
    </message>
    <message>
        <source>no document &apos;{doc}&apos; (known: {known})</source>
        <translation>geen document &apos;{doc}&apos; (bekend: {known})</translation>
    </message>
    <message>
        <source>no document &apos;{doc}&apos;</source>
        <translation>geen document &apos;{doc}&apos;</translation>
    </message>
    <message>
        <source>{file}: not imported: {reason}</source>
        <translation>{file}: niet geïmporteerd: {reason}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>&amp;Note (optional). Enter saves; Shift+Enter starts a new line.</source>
        <translation>&amp;Notitie (optioneel). Enter slaat op; Shift+Enter begint een nieuwe regel.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Key figure (on the debate card)</source>
        <translation>&amp;Kerncijfer (op de debatkaart)</translation>
    </message>
</context>
<context>
    <name>OpenGuard</name>
    <message>
        <source>the program stopped while opening it last time</source>
        <translation>de vorige keer stopte het programma tijdens het openen ervan</translation>
    </message>
    <message>
        <source>it took %s seconds to open last time</source>
        <translation>het openen duurde de vorige keer %s seconden</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Table of contents</source>
        <translation>Inhoudsopgave</translation>
    </message>
    <message>
        <source>My documents</source>
        <translation>Mijn documenten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Sub-action</source>
        <translation>Deelactie</translation>
    </message>
    <message>
        <source>Compiled by Briefing Reader, not official text</source>
        <translation>Samengesteld door Briefing Reader, geen officiële tekst</translation>
    </message>
    <message>
        <source>Not a parliamentary document (no Kamerstuk number)</source>
        <translation>Geen Kamerstuk (geen dossier- of volgnummer)</translation>
    </message>
    <message>
        <source>Remove from the library…</source>
        <translation>Uit de bibliotheek verwijderen…</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Onlangs geopend</translation>
    </message>
    <message>
        <source>Dossier %s: %d documents</source>
        <translation>Dossier %s: %d documenten</translation>
    </message>
</context>
<context>
    <name>Overviews</name>
    <message>
        <source>Actions register</source>
        <translation>Actieregister</translation>
    </message>
    <message>
        <source>Commitments and deadlines</source>
        <translation>Toezeggingen en termijnen</translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>&amp;Exporteren als PDF…</translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation>Exporteren als &amp;Word…</translation>
    </message>
    <message>
        <source>Print &amp;debate preparation…</source>
        <translation>&amp;Debatvoorbereiding afdrukken…</translation>
    </message>
    <message>
        <source>Debate preparation as Wo&amp;rd…</source>
        <translation>Debat&amp;voorbereiding als Word…</translation>
    </message>
    <message>
        <source>Debate c&amp;ard…</source>
        <translation>De&amp;batkaart…</translation>
    </message>
    <message>
        <source>Debate preparation in &amp;letter order</source>
        <translation>Debatvoorbereiding in b&amp;riefvolgorde</translation>
    </message>
    <message>
        <source>Off: actions by priority, then letter order</source>
        <translation>Uit: acties op prioriteit, dan in briefvolgorde</translation>
    </message>
    <message>
        <source>Include my &amp;notes when printing</source>
        <translation>Mijn &amp;notities meeprinten</translation>
    </message>
    <message>
        <source>&amp;Copy with citation</source>
        <translation>&amp;Kopiëren met bronvermelding</translation>
    </message>
    <message>
        <source>Export n&amp;otes…</source>
        <translation>N&amp;otities exporteren…</translation>
    </message>
    <message>
        <source>Debate card saved as %s</source>
        <translation>Debatkaart opgeslagen als %s</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>Selecteer eerst tekst</translation>
    </message>
    <message>
        <source>Copied with citation</source>
        <translation>Gekopieerd met bronvermelding</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>Notities exporteren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>Notes exported to %s</source>
        <translation>Notities geëxporteerd naar %s</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>Notities importeren</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <source>%d added, %d updated, %d already there.</source>
        <translation>%d toegevoegd, %d bijgewerkt, %d al aanwezig.</translation>
    </message>
    <message>
        <source>%d of yours left as they were.</source>
        <translation>%d van u ongewijzigd gelaten.</translation>
    </message>
    <message>
        <source>%d skipped:</source>
        <translation>%d overgeslagen:</translation>
    </message>
    <message>
        <source>Notes imported</source>
        <translation>Notities geïmporteerd</translation>
    </message>
    <message>
        <source>Import no&amp;tes…</source>
        <translation>Notities im&amp;porteren…</translation>
    </message>
    <message>
        <source>&amp;Restore my notes…</source>
        <translation>Mijn notities &amp;terugzetten…</translation>
    </message>
    <message>
        <source>Import a file of your own notes (exported on another computer) as yours: editable, exported as yours</source>
        <translation>Een bestand met uw eigen notities (geëxporteerd op een andere computer) als de uwe importeren: bewerkbaar, geëxporteerd als de uwe</translation>
    </message>
    <message>
        <source>Restore my notes</source>
        <translation>Mijn notities terugzetten</translation>
    </message>
    <message>
        <source>Importing notes…</source>
        <translation>Notities importeren…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cannot print</source>
        <translation>Kan niet afdrukken</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Afdrukvoorbeeld</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporteren als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-documenten (*.docx)</translation>
    </message>
    <message>
        <source>Debate card</source>
        <translation>Debatkaart</translation>
    </message>
    <message>
        <source>Export as Word</source>
        <translation>Exporteren als Word</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Document text</source>
        <translation>Documenttekst</translation>
    </message>
    <message>
        <source>Compiled by Briefing Reader from the letter; where a fact comes from elsewhere, the document says so. This is not an official parliamentary document.</source>
        <translation>Samengesteld door Briefing Reader op basis van de brief; waar een gegeven van elders komt, staat dat erbij. Dit is geen officieel parlementair document.</translation>
    </message>
    <message>
        <source>Not a parliamentary document: it has no Kamerstuk number. Imported by you.</source>
        <translation>Geen parlementair document: het heeft geen Kamerstuknummer. Door u geïmporteerd.</translation>
    </message>
    <message>
        <source>Opening “%s”, a long document…</source>
        <translation>“%s” wordt geopend, een lang document…</translation>
    </message>
</context>
<context>
    <name>ReferenceCard</name>
    <message>
        <source>Reference</source>
        <translation>Verwijzing</translation>
    </message>
    <message>
        <source>Written in the text as: %s</source>
        <translation>In de tekst geschreven als: %s</translation>
    </message>
    <message>
        <source>This document is not in your library. Save it from officielebekendmakingen.nl or tweedekamer.nl (PDF, Word or XML) and import it with File &gt; Import letters (Ctrl+O); from then on this reference opens it.</source>
        <translation>Dit document staat niet in uw bibliotheek. Sla het op van officielebekendmakingen.nl of tweedekamer.nl (PDF, Word of XML) en importeer het met Bestand &gt; Brieven importeren (Ctrl+O); daarna opent deze verwijzing het.</translation>
    </message>
    <message>
        <source>&amp;Copy citation</source>
        <translation>Bronvermelding &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>ReferenceFeature</name>
    <message>
        <source>Document in&amp;formation…</source>
        <translation>Document&amp;gegevens…</translation>
    </message>
    <message>
        <source>%s — in your library: %s</source>
        <translation>%s — in uw bibliotheek: %s</translation>
    </message>
    <message>
        <source>%s — not in your library</source>
        <translation>%s — niet in uw bibliotheek</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Notes to check</source>
        <extracomment>Backgrounds and text colours of removed and added text, light and dark.</extracomment>
        <translation>Te controleren notities</translation>
    </message>
    <message>
        <source>Original and new place</source>
        <translation>Oorspronkelijke en nieuwe plek</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <source>The new place is right: keep the note there</source>
        <translation>De nieuwe plek klopt: houd de notitie daar</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>Opnieuw koppelen</translation>
    </message>
    <message>
        <source>Attach the note to the selected text</source>
        <translation>Koppel de notitie aan de geselecteerde tekst</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <source>Take it off the list without its new place</source>
        <translation>Van de lijst halen, zonder de nieuwe plek</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ga naar</translation>
    </message>
    <message>
        <source>check</source>
        <translation>controleer</translation>
    </message>
    <message>
        <source>no place</source>
        <translation>zonder plek</translation>
    </message>
    <message>
        <source>Nothing to check.</source>
        <translation>Niets te controleren.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) to check after a new version: </source>
        <translation>
            <numerusform>%n notitie te controleren na een nieuwe versie: </numerusform>
            <numerusform>%n notities te controleren na een nieuwe versie: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a suggested place, </source>
        <translation>
            <numerusform>%n met een voorgestelde plek, </numerusform>
            <numerusform>%n met een voorgestelde plek, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a place.</source>
        <translation>
            <numerusform>%n zonder plek.</numerusform>
            <numerusform>%n zonder plek.</numerusform>
        </translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>markering</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>bladwijzer</translation>
    </message>
    <message>
        <source>action note</source>
        <translation>actienotitie</translation>
    </message>
    <message>
        <source>Version %1 → version %2</source>
        <translation>Versie %1 → versie %2</translation>
    </message>
    <message>
        <source>No place in the new version is clearly the same.</source>
        <translation>Geen plek in de nieuwe versie is duidelijk dezelfde.</translation>
    </message>
    <message>
        <source>First select the text the note belongs to.</source>
        <translation>Selecteer eerst de tekst waar de notitie bij hoort.</translation>
    </message>
    <message>
        <source>The selection is not inside an action.</source>
        <translation>De selectie ligt niet in een actie.</translation>
    </message>
    <message>
        <source>document not in the library</source>
        <translation>document niet in de bibliotheek</translation>
    </message>
    <message>
        <source>The document is not in the library; the note is placed when it is imported.</source>
        <translation>Het document staat niet in de bibliotheek; de notitie krijgt haar plaats zodra het wordt geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search index %p%</source>
        <translation>Zoekindex %p%</translation>
    </message>
    <message>
        <source>&amp;Search all documents…</source>
        <translation>&amp;Zoeken in alle documenten…</translation>
    </message>
    <message>
        <source>&amp;Find in this document…</source>
        <translation>Zoeken in dit &amp;document…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Volgende treffer</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Vo&amp;rige treffer</translation>
    </message>
    <message>
        <source>Search is unavailable: %s</source>
        <translation>Zoeken is niet beschikbaar: %s</translation>
    </message>
    <message>
        <source>No search hits in this document</source>
        <translation>Geen treffers in dit document</translation>
    </message>
    <message>
        <source>Hit %d of %d in this document</source>
        <translation>Treffer %d van %d in dit document</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all letters: taaleis, &quot;exact phrase&quot;, motie OR toezegging, statush*</source>
        <translation>Zoek in alle brieven: taaleis, &quot;exacte zin&quot;, motie OR toezegging, statush*</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Zoeken in</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>Only actions</source>
        <translation>Alleen acties</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>Other document…</source>
        <translation>Ander document…</translation>
    </message>
    <message>
        <source>The search index is being built…</source>
        <translation>De zoekindex wordt opgebouwd…</translation>
    </message>
    <message>
        <source>Type to search every letter. Dutch word forms match: &lt;i&gt;statushouder&lt;/i&gt; also finds &lt;i&gt;statushouders&lt;/i&gt;.</source>
        <translation>Typ om in alle brieven te zoeken. Nederlandse woordvormen tellen mee: &lt;i&gt;statushouder&lt;/i&gt; vindt ook &lt;i&gt;statushouders&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>all words must occur</source>
        <translation>alle woorden moeten voorkomen</translation>
    </message>
    <message>
        <source>exact phrase</source>
        <translation>exacte zin</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>een van beide woorden</translation>
    </message>
    <message>
        <source>without a word (also NOT)</source>
        <translation>zonder een woord (ook NOT)</translation>
    </message>
    <message>
        <source>words starting with</source>
        <translation>woorden die beginnen met</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>vergelijkbare spelling</translation>
    </message>
    <message>
        <source>one document</source>
        <translation>één document</translation>
    </message>
    <message>
        <source>only text in actions</source>
        <translation>alleen tekst in acties</translation>
    </message>
    <message>
        <source>Search language</source>
        <translation>Zoektaal</translation>
    </message>
    <message>
        <source>No results for “%s”.</source>
        <translation>Geen resultaten voor “%s”.</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&apos;%s&apos;&gt;%s&lt;/a&gt;?</source>
        <translation>Bedoelde u &lt;a href=&apos;%s&apos;&gt;%s&lt;/a&gt;?</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 treffer</translation>
    </message>
    <message>
        <source>%d hits</source>
        <translation>%d treffers</translation>
    </message>
    <message>
        <source>in 1 document</source>
        <translation>in 1 document</translation>
    </message>
    <message>
        <source>in %d documents</source>
        <translation>in %d documenten</translation>
    </message>
    <message>
        <source>(first %d shown)</source>
        <translation>(de eerste %d getoond)</translation>
    </message>
    <message>
        <source>no passage holds every word; the best partial matches</source>
        <translation>geen passage bevat alle woorden; de beste gedeeltelijke treffers</translation>
    </message>
    <message>
        <source>not found: %s</source>
        <translation>niet gevonden: %s</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>action</source>
        <translation>actie</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>As the system (Dutch on a Dutch system)</source>
        <translation>Zoals het systeem (Nederlands op een Nederlands systeem)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Language (after a restart)</source>
        <translation>&amp;Taal (na herstart)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <source>Text si&amp;ze</source>
        <translation>Tekst&amp;grootte</translation>
    </message>
    <message>
        <source>&amp;Author of my notes</source>
        <translation>&amp;Auteur van mijn notities</translation>
    </message>
    <message>
        <source>&amp;Stances (one a line)</source>
        <translation>&amp;Standpunten (één per regel)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu reservekopie maken</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Reservekopie terugzetten…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Reservekopie mislukt</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Reservekopie gemaakt</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Er zijn nog geen reservekopieën.</translation>
    </message>
    <message>
        <source>Replace the notes with the backup of (the current notes are kept aside):</source>
        <translation>Vervang de notities door de reservekopie van (de huidige notities worden apart bewaard):</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Terugzetten mislukt</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Reservekopie teruggezet</translation>
    </message>
    <message>
        <source>Briefing Reader closes now; start it again to work with the restored notes.</source>
        <translation>Briefing Reader sluit nu af; start opnieuw om met de teruggezette notities te werken.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>S&amp;hared folder</source>
        <translation>Gedeelde &amp;map</translation>
    </message>
    <message>
        <source>None: notes are not shared</source>
        <translation>Geen: notities worden niet gedeeld</translation>
    </message>
    <message>
        <source>A folder your group shares (Nextcloud, OneDrive, a network share): your notes are written there and your colleagues&apos; notes read from it</source>
        <translation>Een map die uw groep deelt (Nextcloud, OneDrive, een netwerkmap): uw notities worden daar geschreven en de notities van uw collega&apos;s daaruit gelezen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Gedeelde map</translation>
    </message>
</context>
<context>
    <name>TeamFolder</name>
    <message>
        <source>Shared folder not reachable: %s</source>
        <translation>Gedeelde map niet bereikbaar: %s</translation>
    </message>
    <message>
        <source>Colleagues&apos; notes: %d new, %d changed, %d removed</source>
        <translation>Notities van collega&apos;s: %d nieuw, %d gewijzigd, %d verwijderd</translation>
    </message>
    <message>
        <source>Shared folder: %s</source>
        <translation>Gedeelde map: %s</translation>
    </message>
</context>
</TS>
