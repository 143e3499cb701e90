<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MainWindow</name>
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
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;About Briefing Reader</source>
        <translation>&amp;Over Briefing Reader</translation>
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
        <source>&amp;Go</source>
        <translation>&amp;Ga</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
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
        <source>Briefing Reader %s

An offline reader for Tweede Kamer letters.</source>
        <translation>Briefing Reader %s

Een offline lezer voor Kamerbrieven.</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Table of contents</source>
        <translation>Inhoudsopgave</translation>
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
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Document text</source>
        <translation>Documenttekst</translation>
    </message>
    <message>
        <source>Compiled by Briefing Reader from the letter's own text. This is not an official parliamentary document.</source>
        <translation>Samengesteld door Briefing Reader uit de tekst van de brief. Dit is geen officieel parlementair document.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Some documents could not be opened</source>
        <translation>Sommige documenten konden niet worden geopend</translation>
    </message>
</context>
</TS>