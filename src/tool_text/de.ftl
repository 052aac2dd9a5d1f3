# Wegweisers eigene Texte auf Deutsch. Jede Id steht auch in en.ftl.
# Die Codes der Meldungen sind die Ids; die Attribute `.help` und `.label`
# geben den Hinweis und die kurze Beschriftung unter der markierten Stelle.

## Wie Meldungen gedruckt werden

severity-error = Fehler
severity-warning = Warnung
help-prefix = Hinweis: { $help }
in-file = in { $file }

## Vorschläge (toml_input::suggest); `what-*` benennen die Möglichkeiten

suggest-did-you-mean = Meinten Sie „{ $best }“? Erlaubte { $what }: { $list }
suggest-none = Es sind keine { $what } festgelegt.
suggest-allowed = Erlaubte { $what }: { $list }
what-fields = Felder
what-translatable-fields = übersetzbare Felder
what-names = Namen
what-languages = Sprachen
what-language-keys = Sprachkürzel
what-folders = Ordner
what-places = Orte
what-regions = Regionen
what-pages = Seiten
what-contacts = Kontakte
what-keys = Schlüssel
what-files-there = Dateien dort
what-values = Werte
what-anchors = Sprungmarken

## TOML (site.toml und Kopfdaten)

unknown-field = Das Feld „{ $name }“ gibt es hier nicht.
    .label = kein Feld an dieser Stelle
missing-field = Das Pflichtfeld „{ $field }“ fehlt.
missing-field-add = Bitte „{ $field } = …“ ergänzen.
wrong-value = Der Wert von „{ $field }“ passt nicht: { $detail }
invalid-toml = Fehler in der TOML-Syntax: { $detail }
    .help = Die Kopfdaten sind TOML: Text in "Anführungszeichen", Listen in [ ], true/false, Datum wie 2026-02-05.
field-hint = „{ $field }“: { $doc }; zum Beispiel { $field } = { $example }

## site.toml

config-unreadable = { $file } lässt sich nicht lesen: { $detail }
    .help = Bitte wegweiser in dem Ordner starten, in dem site.toml liegt, oder den Ordner mit --root ORDNER angeben.
base-url-not-web-address = base_url „{ $url }“ ist keine Internetadresse.
    .help = Bitte die ganze Adresse schreiben, z. B. base_url = "https://integration.example.org".
unknown-time-zone = Die Zeitzone „{ $zone }“ ist unbekannt.
    .help = Bitte einen IANA-Zeitzonennamen verwenden, z. B. time_zone = "Europe/Berlin".
paginate-by-zero = paginate_by muss mindestens 1 sein.
    .help = Die Zahl der Karten pro Listenseite, z. B. paginate_by = { $example }.
language-key-invalid = Das Sprachkürzel „{ $key }“ darf nur a-z, 0-9 und - enthalten.
    .help = Bitte ein kurzes Kürzel wie "ar" oder "ls" verwenden.
language-declared-twice = Die Sprache „{ $key }“ ist zweimal eingetragen.
    .help = Bitte einen der beiden [[languages]]-Einträge löschen.
no-languages = In site.toml ist keine Sprache eingetragen.
    .help = Bitte eine Tabelle [[languages]] mit key, tag und name ergänzen.
default-language-undeclared = default_language „{ $key }“ ist keine der eingetragenen Sprachen.
language-key-reserved = „{ $key }“ kann kein Sprachkürzel sein: Die Website braucht den Namen für eigene Seiten und Dateien.
    .help = Bitte den Sprachcode verwenden, z. B. key = "ar". Diese Namen sind vergeben: { $taken }
language-tag-invalid = „{ $tag }“ ist kein gültiges Sprach-Tag nach BCP 47.
    .help = Bitte ein Tag wie "ar", "fa", "uk" oder "de" verwenden.
fallback-language-unknown = Die Ersatzsprache „{ $fallback }“ von „{ $key }“ ist keine Sprache der Website.
numbering-unsupported = Die Ziffernart „{ $numbering }“ wird nicht unterstützt.
    .help = Bitte eine davon verwenden: { $supported } ("latn": 0-9, "arab": ٠-٩, "arabext": ۰-۹).
taxonomy-key-invalid = Der Schlüssel „{ $term }“ unter { $taxonomy } darf nur a-z, 0-9 und - enthalten.
taxonomy-key-twice = Der Schlüssel „{ $term }“ steht unter { $taxonomy } zweimal.
legal-not-a-slug = legal.{ $name } muss der Name einer Seite sein, nicht „{ $slug }“.
    .help = Bitte den Dateinamen in content/pages/ ohne .md angeben, z. B. "impressum".
legal-feedback-not-email = legal.feedback „{ $address }“ ist keine E-Mail-Adresse.
    .help = Jede Seite verlinkt sie als E-Mail-Adresse (mailto:). Bitte nur die Adresse schreiben, z. B. feedback = "integration@example.org".

## Ordner und Verknüpfungen (site_folder)

folder-unreadable = Dieser Ordner lässt sich nicht lesen: { $detail }
link-points-to = „{ $to }“
link-points-unreadable = etwas, das sich nicht lesen lässt
link-target-missing = Dies ist eine Verknüpfung auf { $points }, das es nicht gibt.
    .help = Bitte die Verknüpfung löschen oder auf eine Datei im Website-Ordner zeigen lassen.
link-unfollowable = Dieser Verknüpfung auf { $points } lässt sich nicht folgen: { $detail }
    .help = Bitte die Verknüpfung löschen oder auf eine Datei im Website-Ordner zeigen lassen.
link-outside-site = Dies ist eine Verknüpfung auf { $points }, außerhalb des Website-Ordners. Wegweiser folgt ihr nicht.
    .help = Bitte die Datei (oder den Ordner) in den Website-Ordner kopieren, statt darauf zu verweisen.
link-into-hidden = Dies ist eine Verknüpfung auf { $points }, in „{ $hidden }“, einen versteckten Teil des Website-Ordners. Wegweiser folgt ihr nicht.
    .help = Versteckte Dateien und Ordner enthalten Daten von Programmen (.git kann Zugangsdaten enthalten). Bitte das Nötige kopieren, statt darauf zu verweisen.
link-circle = Dies ist eine Verknüpfung auf { $points }, einen Ordner, in dem sie selbst liegt: Das würde nie enden.
    .help = Bitte die Verknüpfung löschen oder auf eine Datei im Website-Ordner zeigen lassen.

## Inhalte: Felder

translation-without-source = Zu dieser Übersetzung fehlt die Ausgangsdatei „{ $name }“.
    .help = Jede Übersetzung braucht die Datei „{ $name }“ in der Standardsprache im selben Ordner. Bitte den Dateinamen auf Tippfehler prüfen.
title-missing = Das Pflichtfeld „title“ fehlt.
    .help = Bitte eine Zeile wie title = "Sprachcafé Ingelheim" in die Kopfdaten schreiben.
title-empty = „title“ ist leer.
    .help = Bitte die Überschrift der Seite zwischen die Anführungszeichen schreiben.
geo-invalid = „geo“ muss [Breite, Länge] sein.
    .help = Zum Beispiel geo = [49.97, 8.06] (zuerst die Breite zwischen -90 und 90).
url-invalid = „{ $url }“ ist keine Internetadresse.
    .help = Bitte die ganze Adresse mit https:// schreiben, z. B. "https://example.org/anmeldung".
date-with-time = „{ $field }“ muss ein Datum ohne Uhrzeit sein.
    .help = Bitte so schreiben: { $field } = 2026-06-30
date-does-not-exist = Das Datum { $date } gibt es nicht.
    .help = Bitte Tag und Monat prüfen. Ein Datum wird Jahr-Monat-Tag geschrieben, z. B. 2026-02-05.
contact-kind-missing = Das Pflichtfeld „kind“ fehlt.
    .help = Bitte kind = "person" oder kind = "organization" ergänzen.
contact-kind-unknown = Die Kontaktart „{ $kind }“ ist unbekannt.
email-invalid = „{ $address }“ ist keine E-Mail-Adresse.
    .help = Bitte so schreiben: email = "name@example.org"
phone-invalid = „{ $phone }“ ist keine Telefonnummer im internationalen Format.
    .help = Bitte mit Ländervorwahl schreiben, z. B. phone = "+49 6132 787-0" (nur Ziffern, Leerzeichen, - und /).

## Inhalte: Termine

time-missing = „{ $field }“ braucht ein Datum und eine Uhrzeit.
    .help = Bitte { $field } = 2026-02-05T18:00 schreiben oder all_day = true setzen, wenn die Veranstaltung ganze Tage dauert.
time-with-offset = „{ $field }“ muss Ortszeit ohne Zeitzonen-Angabe sein.
    .help = Bitte die Angabe (Z oder +01:00) löschen: Zeiten gelten in der Zeitzone aus site.toml.
time-of-day-invalid = Diese Uhrzeit gibt es nicht.
    .help = Stunden gehen von 00 bis 23, Minuten von 00 bis 59, z. B. 18:30.
time-skipped = „{ $field }“ { $at } gibt es in { $zone } nicht: In dieser Nacht springt die Uhr von { $from } auf { $to }{ $summer ->
        [yes] {" "}(Beginn der Sommerzeit)
       *[no] {""}
    }.
time-twice = „{ $field }“ { $at } kommt in { $zone } zweimal vor: zuerst in { $first }, dann noch einmal in { $second }, wenn die Uhr von { $from } auf { $to } zurückgestellt wird.
time-too-far = „{ $field }“ { $at } liegt zu weit in der Zukunft für die Zeitzone { $zone }.
time-choose = Bitte eine Zeit vor { $before } oder ab { $after } wählen, z. B. { $field } = { $before_written } oder { $field } = { $after_written }.
time-choose-twice = Seiten, Suchmaschinen und Kalender können nicht erkennen, welche der beiden Zeiten gemeint ist. Bitte eine Zeit vor { $before } oder ab { $after } wählen, z. B. { $field } = { $before_written } oder { $field } = { $after_written }.
check-the-year = Bitte das Jahr prüfen: Veranstaltungen liegen in den nächsten Jahren.
offset-summer = Sommerzeit ({ $offset })
offset-winter = Winterzeit ({ $offset })
offset-plain = { $offset }
sessions-and-start = Eine Veranstaltung hat entweder „sessions“ oder „start“/„end“, nicht beides.
    .help = Für Veranstaltungen an mehreren Tagen mit verschiedenen Zeiten sessions = [...] behalten und start, end und all_day löschen.
event-start-missing = Eine Veranstaltung braucht „start“ (oder „sessions“).
    .help = Bitte start = 2026-02-05T18:00 und end = 2026-02-05T20:00 ergänzen.
event-ends-before-start-day = Die Veranstaltung endet, bevor sie beginnt.
    .help = „end“ ist der letzte Tag der Veranstaltung; er muss am oder nach „start“ liegen.
event-ends-before-start = Die Veranstaltung endet, bevor sie beginnt.
    .help = „end“ muss später als „start“ sein.
event-end-missing = Eine Veranstaltung mit Anfangszeit braucht „end“.
    .help = Bitte end = … mit Datum und Uhrzeit des Endes ergänzen, z. B. end = 2026-02-05T20:00.
sessions-empty = „sessions“ ist leer.
    .help = Bitte für jeden Tag {"{"} start = 2026-11-10T10:00, end = 2026-11-10T15:00 {"}"} ergänzen.
sessions-same = Die Termine in Zeile { $line_a } und { $line_b } sind gleich: { $a }
    .help = Bitte eine der beiden Zeilen löschen.
sessions-overlap = Die Termine in Zeile { $line_a } und { $line_b } überschneiden sich: { $a } und { $b }
    .help = Bitte die Zeiten so korrigieren, dass jeder Termin endet, bevor der nächste beginnt, oder beide zu einem Termin zusammenfassen.
occurrences-overlap = Die Veranstaltung dauert länger als die Zeit zwischen zwei ihrer Termine: { $first } ist noch nicht vorbei, wenn { $next } beginnt.
    .help = Jeder Termin muss enden, bevor der nächste beginnt: Bitte die Veranstaltung kürzer machen (end) oder seltener wiederholen.
day-with-note = { $day } ({ $note })
day-hour-skipped = { $from }–{ $to } übersprungen
day-hour-twice = { $from }–{ $to } doppelt
day-too-far = zu weit in der Zukunft
series-unclear-hours = Die Reihe hat Termine in einer Stunde, die die Uhr in { $zone } überspringt oder doppelt zählt: { $list }
series-leave-out = Bitte diese Tage mit except = [{ $dates }] auslassen (neben den Tagen, die dort schon stehen).
series-leave-out-or-move = Bitte diese Tage mit except = [{ $dates }] auslassen (neben den Tagen, die dort schon stehen) oder eine Zeit vor { $before } oder ab { $after } wählen.
repeat-unknown = Die Wiederholung „{ $repeat }“ ist unbekannt.
    .help = Bitte repeat = "weekly" oder repeat = "monthly" schreiben (alle zwei Wochen: zusätzlich repeat_interval = 2).
repeat-until-missing = Eine wiederkehrende Veranstaltung braucht „repeat_until“.
    .help = Bitte den letzten Tag ergänzen, z. B. repeat_until = 2026-12-15, damit der Kalender nicht endlos weiterläuft.
start-not-in-repetition = „start“ ist kein Tag der Wiederholung.
    .help = Der erste Termin muss auf einem der Tage aus repeat_on liegen (und bei monatlichen Terminen in der repeat_week).
repeat-until-before-start = „repeat_until“ liegt vor „start“.
    .help = repeat_until ist der letzte Tag, an dem die Veranstaltung stattfindet.
repeat-until-too-late = „repeat_until“ { $until } liegt mehr als { $years } Jahre nach dem ersten Termin { $first }.
    .help = Bitte ein Datum höchstens { $years } Jahre voraus wählen, spätestens repeat_until = { $latest }, und die Veranstaltung später verlängern.
repeat-until-too-far = „repeat_until“ { $until } liegt zu weit in der Zukunft für die Zeitzone { $zone }.
    .help = Bitte das Jahr prüfen: Veranstaltungen liegen in den nächsten Jahren.
repeat-field-without-repeat = „{ $field }“ braucht „repeat“.
    .help = Bitte repeat = "weekly" oder repeat = "monthly" ergänzen oder diese Zeile löschen.
weekday-unknown = „{ $day }“ ist kein Wochentag.
    .help = Bitte Wochentage auf Deutsch oder Englisch schreiben, z. B. repeat_on = ["dienstag"] oder ["tuesday"].
repeat-week-not-monthly = „repeat_week“ gibt es nur bei repeat = "monthly".
    .help = Bitte repeat_week löschen oder repeat = "monthly" setzen.
repeat-week-invalid = „repeat_week“ muss 1 bis 5 sein, oder -1 für die letzte Woche im Monat.
    .help = Zum Beispiel repeat_week = 2 für den zweiten Dienstag jedes Monats.
repeat-interval-invalid = „repeat_interval“ muss zwischen 1 und 52 liegen.
    .help = repeat_interval = 2 heißt: jede zweite Woche (oder jeden zweiten Monat).
attendance-unknown = Die Teilnahmeform „{ $attendance }“ ist unbekannt.

## Inhalte: Dateien, Kopfdaten, Verweise, Links

front-matter-missing = Die Datei beginnt nicht mit Kopfdaten.
    .label = hier wird „+++“ erwartet
    .help = Bitte die Datei mit einer Zeile „+++“ beginnen, dann die Felder wie title = "…", dann wieder eine Zeile „+++“, dann der Text.
front-matter-unclosed = Die Kopfdaten werden nie geschlossen.
    .label = hier geöffnet
    .help = Bitte nach dem letzten Feld, vor dem Text, eine Zeile „+++“ ergänzen.
front-matter-too-large = Die Kopfdaten sind { $size } KB groß; erlaubt sind höchstens { $max } KB.
    .label = hier beginnen die Kopfdaten
    .help = Zwischen den +++-Zeilen stehen kurze Felder. Langen Text bitte unter die zweite +++-Zeile schreiben.
nesting-too-deep = Listen oder Zitate sind hier mehr als { $max } Ebenen tief verschachtelt.
    .label = zu tief
    .help = Bitte weniger Ebenen verwenden: die Liste in mehrere Listen teilen oder Überschriften nutzen.
field-not-in-translation = „{ $name }“ kann in einer Übersetzung nicht gesetzt werden.
    .label = nur in der Ausgangsdatei
    .help = „{ $name }“ gilt für alle Sprachen: Bitte einmal in { $slug }.md setzen und hier löschen. Übersetzungen dürfen nur setzen: { $allowed }
field-only-in-translation = „{ $name }“ gehört nur in Übersetzungsdateien.
    .label = nur in <name>.<sprache>.md
    .help = „{ $name }“ beschreibt eine Übersetzung. Bitte in der Ausgangsdatei löschen.
unknown-field-for-kind = Das Feld „{ $name }“ gibt es für { $kind ->
        [offer] ein Angebot
        [event] eine Veranstaltung
        [contact] einen Kontakt
        [page] eine Seite
       *[home] die Startseite
    } nicht.
    .label = kein Feld an dieser Stelle
content-folder-missing = Es gibt keinen Ordner content/.
    .help = Bitte content/_index.md für die Startseite und content/offers/ für Angebote anlegen.
content-not-markdown = Diese Datei ist kein Markdown und wird nicht beachtet.
    .help = Bilder und Downloads gehören nach static/ (oder in den Ordner static/ des Themes).
home-missing = Die Startseite fehlt.
    .help = Bitte content/_index.md mit +++ title = "…" +++ und einer Einleitung anlegen.
content-file-too-large = Diese Datei ist { $size } MB groß; Inhaltsdateien dürfen höchstens { $max } MB groß sein.
    .help = Bitte auf mehrere Seiten aufteilen; große Downloads nach static/ legen und verlinken.
content-file-unreadable = Diese Datei lässt sich nicht lesen: { $detail }
    .help = Bitte prüfen, ob die Datei existiert und gelesen werden darf.
content-changed-while-building = Diese Datei wurde geändert, während die Website gebaut wurde.
    .help = Es wurde nichts veröffentlicht. Bitte die Website noch einmal bauen, sobald die Datei gespeichert ist.
content-not-utf8 = Diese Datei ist kein UTF-8-Text.
    .label = dieses Byte ist kein UTF-8
    .help = Bitte die Datei im Editor als UTF-8 speichern („Speichern mit Kodierung“ → UTF-8). Ist es kein Text, gehört die Datei nach static/.
content-nul = Diese Datei enthält ein NUL-Zeichen: Sie sieht nach Binärdaten aus, nicht nach Text.
    .label = NUL
    .help = Bitte das Zeichen löschen oder die Datei aus einer guten Kopie wiederherstellen.
item-duplicate = „{ $slug }“ ({ $kind ->
        [offer] Angebot
        [event] Veranstaltung
        [contact] Kontakt
        [page] Seite
       *[home] Startseite
    }) gibt es in der Sprache „{ $lang }“ doppelt: { $first } legt es schon an.
    .help = Jeder Dateiname darf pro Ordner nur einmal vorkommen. Bitte eine der beiden Dateien umbenennen oder löschen.
path-empty = leerer Pfad
path-not-markdown = keine Markdown-Datei
path-language-unknown = „{ $lang }“ in „{ $name }“ ist keine Sprache dieser Website. { $suggestion }
path-directly-in-content = „{ $name }“ liegt direkt in content/. Bitte in einen der Ordner offers/, events/, contacts/ oder pages/ legen.
path-folder-unknown = „{ $folder }“ ist kein Inhaltsordner. { $suggestion }
path-name-invalid = „{ $base }“ ist kein gültiger Dateiname. Bitte nur Kleinbuchstaben a-z, Ziffern und - verwenden, z. B. „{ $example }“.
page-name-reserved = Der Seitenname „{ $slug }“ ist für einen Bereich reserviert.
    .help = Bitte die Datei umbenennen: Seiten dürfen nicht so heißen: { $reserved }
legal-page-missing = Die Seite „{ $slug }“ ({ $what }), die in site.toml steht, gibt es nicht.
legal-page-create = Bitte content/pages/{ $slug }.md anlegen oder legal.{ $what } in site.toml ändern. { $suggestion }
contact-missing = „{ $field }“ nennt den Kontakt „{ $slug }“, den es nicht gibt.
contact-create = Bitte content/contacts/{ $slug }.md anlegen oder den Namen korrigieren. { $suggestion }
organization-self = Der Kontakt „{ $contact }“ nennt sich selbst als „organization“.
    .help = Eine Organisation darf zu einer größeren gehören, aber nicht zu sich selbst, weder direkt noch über andere. Bitte „organization“ bei einer davon löschen oder korrigieren.
organization-cycle = Die Kontakte { $contacts } gehören über „organization“ gegenseitig zueinander: { $chain }
    .help = Eine Organisation darf zu einer größeren gehören, aber nicht zu sich selbst, weder direkt noch über andere. Bitte „organization“ bei einer davon löschen oder korrigieren.
unknown-taxonomy-key = Der Schlüssel „{ $term }“ ist unter { $taxonomy } nicht bekannt.
taxonomy-key-add = { $suggestion }. Neue Schlüssel werden in site.toml unter [taxonomies] ergänzt.
language-code-invalid = „{ $code }“ ist kein Sprachcode.
    .help = Bitte den kurzen ISO-639-Code in Kleinbuchstaben verwenden, z. B. "de", "ar", "fa", "uk", "ti" oder "prs".
link-scheme-unsafe = Links auf „{ $scheme }:“-Adressen sind nicht erlaubt.
    .label = unsicherer Link
    .help = Bitte auf eine Internetadresse (https://…), eine E-Mail (mailto:…), eine Telefonnummer (tel:…) oder eine Inhaltsdatei wie offers/sprachcafe.md verlinken.
link-broken = Der Link „{ $dest }“ ist fehlerhaft: { $detail }
    .help = Bitte Inhalte als ordner/datei.md verlinken, z. B. [Sprachcafé](offers/sprachcafe.md).
link-dangling = Der Link zeigt auf „{ $dest }“, das es nicht gibt.
    .label = Link ins Leere
link-dangling-create = Bitte content/{ $folder }/{ $slug }.md anlegen oder den Link korrigieren. { $suggestion }

## Vorlagen und Seitenaufbau

theme-templates-missing = Das Theme „{ $theme }“ hat keinen Ordner templates.
    .help = Bitte theme = "default" in site.toml setzen oder den Ordner anlegen.
template-unreadable = Die Vorlage „{ $name }“ lässt sich nicht lesen: { $detail }
theme-template-lacking = Dem Theme „{ $theme }“ fehlt die Vorlage „{ $name }“.
    .help = Bitte aus themes/default/templates/ kopieren.
template-error = Fehler in einer Vorlage: { $detail }
template-syntax-error = Syntaxfehler in einer Vorlage: { $detail }
template-error-in = Fehler in der Vorlage „{ $name }“: { $detail }
template-syntax-error-in = Syntaxfehler in der Vorlage „{ $name }“: { $detail }
template-syntax-help = Bitte die Schreibweise der Vorlage an der markierten Stelle prüfen (Tera 2: https://keats.github.io/tera/).
template-parent-missing = Fehler in der Vorlage „{ $name }“: Sie erweitert „{ $parent }“, das es nicht gibt.
    .help = Vorlagennamen gelten ab { $dir }/, z. B. "base.html".
template-cycle-self = Fehler in der Vorlage „{ $name }“: Sie { $how ->
        [extend] erweitert
       *[include] bindet
    } sich selbst{ $how ->
        [extend] {""}
       *[include] {" "}ein
    }: { $chain }
    .help = Eine Vorlage darf sich nicht selbst { $how ->
        [extend] erweitern
       *[include] einbinden
    }, weder direkt noch über andere.
template-cycle = Fehler in Vorlagen: Sie { $how ->
        [extend] erweitern
       *[include] binden
    } sich gegenseitig im Kreis{ $how ->
        [extend] {""}
       *[include] {" "}ein
    }: { $chain }
    .help = Eine Vorlage darf sich nicht selbst { $how ->
        [extend] erweitern
       *[include] einbinden
    }, weder direkt noch über andere.
template-names-relative = Vorlagennamen gelten ab { $dir }/, z. B. "partials/card.html".
template-block-name = Ein Block muss so heißen wie ein Block der Vorlage, die er erweitert.
template-functions = Vorlagen können „t(key=…)“ und die eingebauten Funktionen, Filter und Tests von Tera 2 verwenden (https://keats.github.io/tera/). Bitte den Namen an der markierten Stelle prüfen.
internal-view = Interner Fehler: Die Ansicht „{ $view }“ lässt sich nicht umwandeln: { $detail }
language-formatting-data = Sprache „{ $key }“: { $detail }

## Ausgabeordner

out-contains-site = Der Ausgabeordner { $out } enthält die Website selbst.
    .help = Bitte einen eigenen Ausgabeordner wählen, z. B. --out public.
out-inside-source = Der Ausgabeordner { $out } liegt im Ordner { $source }/ der Website.
    .help = Bitte einen eigenen Ausgabeordner wählen, z. B. --out public.
out-is-home = Der Ausgabeordner { $out } ist Ihr persönlicher Ordner.
    .help = Bitte einen eigenen Ausgabeordner wählen, z. B. --out public.
out-unreadable = { $out } lässt sich nicht lesen: { $detail }
out-not-ours = { $out } wird nicht ersetzt: Der Ordner ist nicht leer und stammt nicht von Wegweiser.
    .help = Bitte einen leeren oder neuen Ausgabeordner wählen oder diesen selbst löschen.
out-not-folder = { $out } gibt es schon, aber es ist kein Ordner.
    .help = Bitte mit --out einen anderen Ausgabeordner wählen.
file-unreadable = Diese Datei lässt sich nicht lesen: { $detail }
write-outside-output = „{ $path }“ wird nicht geschrieben: Es läge außerhalb des Ausgabeordners.
previous-build-not-removed = { $out } enthält die neue Fassung, aber die vorige ließ sich nicht aus { $previous } löschen: { $detail }
    .help = Der nächste Lauf löscht sie; Sie können sie auch selbst löschen.
new-build-not-moved = Die neue Fassung lässt sich nicht nach { $out } verschieben: { $detail }. Der Ordner fehlt jetzt; die vorige Fassung liegt in { $previous }.
    .help = Der nächste Lauf stellt die vorige Fassung wieder her; Sie können sie auch selbst umbenennen.
output-step-failed = { $path } lässt sich nicht { $what ->
        [create] anlegen
        [write] schreiben
        [move-to] als neue Fassung verschieben
        [swap] mit der neuen Fassung tauschen
       *[move-away] beiseite schieben
    }: { $detail }. { $out } { $state ->
        [unchanged] ist unverändert.
       *[not-created] wurde nicht angelegt.
    }
    .help = Bitte prüfen, ob der übergeordnete Ordner des Ausgabeordners existiert und beschreibbar ist und nichts im Weg liegt.

## check

review-due = Dieses Angebot sollte am { $due } überprüft werden: Stimmen Zeiten, Orte und Kontakte noch?
    .label = Prüfdatum überschritten
    .help = Bitte das Angebot mit dem Träger prüfen und dann review_by auf das nächste Datum setzen (z. B. in sechs Monaten).
event-over = Diese Veranstaltung ist vorbei: Sie steht nicht mehr bei den kommenden Terminen, nur noch im Archiv.
    .label = letzter Termin ist vorbei
    .help = Findet sie wieder statt, bitte die neuen Termine eintragen. Soll sie bewusst im Archiv bleiben, bitte „archived = true“ ergänzen. Sonst die Datei löschen.
event-archived-upcoming = Diese Veranstaltung ist als archiviert markiert („archived = true“), hat aber noch Termine.
    .label = noch nicht vorbei
    .help = Bitte „archived = true“ entfernen, solange die Veranstaltung noch stattfindet; erst danach setzen, wenn sie nur noch im Archiv stehen soll.
translation-outdated = Diese Übersetzung ist veraltet: { $source } wurde nach der Übersetzung geändert.
    .help = Bitte den Text anpassen und dann „wegweiser translate { $item } { $lang } --confirm“ ausführen.
translations-missing = { $n } von { $total } Seiten sind nicht in „{ $lang }“ übersetzt: Leserinnen und Leser sehen die Ersatzsprache.
    .help = „wegweiser status“ listet sie auf; „wegweiser translate SEITE { $lang }“ beginnt eine Übersetzung.
title-duplicate = Den Titel „{ $title }“ hat auch { $first }.
    .label = doppelter Titel
    .help = Bitte jeder Seite einen unterscheidbaren Titel geben, z. B. mit Ort oder Zielgruppe.
image-third-party = Dieses Bild wird von einer anderen Website geladen: Die Adresse jeder Leserin und jedes Lesers geht an diese Website (Datenschutz).
    .label = fremdes Bild
    .help = Bitte das Bild in static/ speichern (z. B. static/bilder/plakat.jpg) und als /bilder/plakat.jpg verlinken.
link-not-in-site = „{ $dest }“ gehört nicht zur Website (gesucht: { $url }).
    .help = Dateien und Bilder gehören nach static/ (static/flyer.pdf wird als /flyer.pdf verlinkt); andere Seiten bitte als Inhaltsdatei verlinken, z. B. offers/sprachcafe.md.
label-missing-image = Bild fehlt
label-missing-file = Datei fehlt
anchor-missing = Die Sprungmarke „#{ $fragment }“ gibt es auf { $target } nicht.
    .label = Sprungmarke fehlt
anchor-link-heading = Bitte auf eine der Überschriften dort verlinken: { $suggestion }
message-unused = Der Text „{ $id }“ wird auf der Website nicht verwendet.
    .label = unbenutzter Text
    .help = Bitte in allen Sprachen löschen oder in einer Vorlage mit t(key="…") verwenden.
messages-missing-in-language = { $n } Oberflächentexte fehlen in „{ $lang }“: { $ids }
    .help = Bitte in locales/{ $lang }/main.ftl ergänzen; bis dahin sehen Leserinnen und Leser die Ersatzsprache.

## Oberflächentexte (locales/*.ftl)

text-empty = {""}
ftl-not-utf8 = Diese Datei ist kein UTF-8-Text.
    .label = dieses Byte ist kein UTF-8
    .help = Bitte die Datei im Editor als UTF-8 speichern („Speichern mit Kodierung“ → UTF-8).
ftl-syntax = Fehler in der Fluent-Syntax: { $detail }
    .help = Siehe https://projectfluent.org/fluent/guide/ — ein Text ist „id = Text“, Folgezeilen sind eingerückt.
ftl-defined-twice = „{ $name }“ ist zweimal festgelegt: hier und in { $first }.
    .label = zweite Festlegung (nicht beachtet)
    .help = Jeder Text und jeder Begriff darf pro Sprache nur einmal festgelegt sein, in einer ihrer .ftl-Dateien. Bitte einen der beiden löschen.
ftl-reference-dangling = „{ $name }“ { $problem }
    .label = nicht gefunden
ftl-function-fix = Bitte eine der Funktionen verwenden, die Fluent hier kennt: { $functions }. Sonst sehen Leserinnen und Leser „{ $shown }“.
ftl-reference-fix = Bitte in locales/{ $lang }/*.ftl festlegen oder den Verweis korrigieren (ein Text kann nur auf Texte und Begriffe seiner eigenen Sprache verweisen). Sonst sehen Leserinnen und Leser „{ $shown }“.
ftl-unknown-function = ruft die unbekannte Funktion „{ $target }()“ auf.
ftl-no-attribute = verweist auf „{ $target }“, aber { $what ->
        [term] der Begriff
       *[message] der Text
    } „{ $entry }“ hat in „{ $lang }“ kein Attribut „.{ $attr }“.
ftl-only-attributes = verweist auf { $what ->
        [term] den Begriff
       *[message] den Text
    } „{ $target }“, der in „{ $lang }“ nur Attribute hat, keinen eigenen Text.
ftl-undefined = verweist auf { $what ->
        [term] den Begriff
       *[message] den Text
    } „{ $target }“, der in „{ $lang }“ nicht festgelegt ist.
ftl-circle = Diese Texte verweisen in „{ $lang }“ im Kreis aufeinander: { $names }
    .label = dieser Verweis schließt den Kreis
    .help = Leserinnen und Leser sähen „{"{"}{ $target }{"}"}“. Bitte den Text in einem davon ausschreiben.
ftl-required-missing = Der Standardsprache „{ $lang }“ fehlt der Text „{ $id }“: Leserinnen und Leser sähen stattdessen „{ $id }“.
    .help = Bitte „{ $id } = …“ in locales/{ $lang }/main.ftl ergänzen.
ftl-theme-asks = Das Theme braucht den Text „{ $id }“, den die Standardsprache „{ $lang }“ nicht festlegt: Leserinnen und Leser sähen stattdessen „{ $id }“.
    .label = hier gebraucht
    .help = Bitte „{ $id } = …“ in locales/{ $lang }/main.ftl ergänzen.
ftl-missing-fallback = { $n } Oberflächentexte fehlen in „{ $lang }“ und werden in der Ersatzsprache gezeigt: { $ids }
    .help = Bitte diese Texte in locales/{ $lang }/*.ftl ergänzen.
ftl-absent = { $n } Oberflächentexte werden gebraucht, sind aber in keiner Sprache festgelegt und erscheinen als ihre Ids: { $ids }
    .help = Bitte diese Texte in locales/{ $default }/*.ftl ergänzen (alle Sprachen greifen darauf zurück).
ftl-through = {" "}(über „{ $pattern }“)
ftl-variable-not-passed = „{ $id }“{ $through } verwendet in „{ $lang }“ die Variable „${ $var }“, die die Website nicht übergibt (übergeben: { $passed }).
    .label = nicht übergeben
ftl-variable-fix-default = Bitte den Namen korrigieren oder die Variable dort übergeben, wo „{ $id }“ gebraucht wird (in einer Vorlage: t(key="{ $id }", { $var }=…)). Sonst sehen Leserinnen und Leser „{"{"}${ $var }{"}"}“.
ftl-variable-fix-other = Bitte die Variablen des Textes aus locales/{ $default }/ verwenden. Sonst sehen Leserinnen und Leser „{"{"}${ $var }{"}"}“.
ftl-format-failed = „{ $id }“ ließ sich in „{ $lang }“ nicht formatieren: { $detail }
ftl-language-empty = Für die Sprache „{ $lang }“ gibt es keine Oberflächentexte.
    .help = Bitte locales/{ $lang }/main.ftl anlegen; { $default ->
        [yes] alle Sprachen greifen auf die Standardsprache zurück: Seiten zeigten Ids statt Text.
       *[no] bis dahin zeigt die Oberfläche die Ersatzsprache.
    }

## Redaktionsbefehle, Vorschau

cannot-read = { $file } lässt sich nicht lesen: { $detail }
cannot-write = { $file } lässt sich nicht schreiben: { $detail }
cannot-create = { $file } lässt sich nicht anlegen: { $detail }
content-writable = Bitte prüfen, ob der Ordner content beschreibbar ist.
item-name-invalid = „{ $name }“ bezeichnet keine Inhaltsdatei: { $detail }
    .help = Bitte den Eintrag als ordner/datei angeben, z. B. offers/sprachcafe-ingelheim, oder _index für die Startseite.
item-unknown = „{ $slug }“ ({ $kind ->
        [offer] Angebot
        [event] Veranstaltung
        [contact] Kontakt
        [page] Seite
       *[home] Startseite
    }) gibt es nicht.
lang-is-source = „{ $lang }“ ist die Ausgangssprache.
    .help = Bitte die Sprache angeben, in die übersetzt werden soll.
lang-unknown = „{ $lang }“ ist keine Sprache dieser Website.
translation-exists = { $file } gibt es schon.
    .help = Bitte die Datei bearbeiten und dann „wegweiser translate { $item } { $lang } --confirm“ ausführen.
translation-not-started = { $file } gibt es nicht.
    .help = Bitte mit „wegweiser translate { $item } { $lang }“ beginnen.
new-name-invalid = „{ $slug }“ ist kein gültiger Name.
    .help = Bitte Kleinbuchstaben a-z, Ziffern und - verwenden, z. B. sprachcafe-bingen.
new-exists = { $file } gibt es schon.
    .help = Bitte einen anderen Namen wählen oder die vorhandene Datei bearbeiten.
cms-config-unwritable = Die Einstellungen lassen sich nicht schreiben: { $detail }
cms-out-writable = Bitte prüfen, ob der Ordner beschreibbar ist, oder mit --out einen anderen wählen.
xliff-unwritable = Das XLIFF-Dokument lässt sich nicht schreiben: { $detail }
xliff-lang-help = Bitte die Sprache angeben, in die übersetzt wird, z. B. --lang ar.
xliff-not-xml = Dies ist kein gültiges XML: { $detail }
    .help = Das Übersetzungsprogramm muss die XLIFF-Datei unverändert zurückgeben, nur mit ergänzten <target>-Elementen.
xliff-not-xliff = Dies ist keine XLIFF-Datei.
    .help = Bitte die Datei angeben, die „wegweiser xliff export“ geschrieben hat, mit den eingetragenen Übersetzungen.
xliff-not-2 = Dies ist keine XLIFF-2.0-Datei.
    .help = Bitte mit „wegweiser xliff export“ exportieren und im Übersetzungsprogramm das Format (XLIFF 2.0) beibehalten.
xliff-target-language = Die Zielsprache „{ $lang }“ ist keine Übersetzungssprache dieser Website.
    .help = Bitte die Datei mit „wegweiser xliff export --lang SPRACHE“ neu exportieren.
xliff-item-gone = { $path }: { $detail }
    .help = Der Eintrag wurde seit dem Export umbenannt oder gelöscht. Bitte neu exportieren.
xliff-source-changed = { $path }: Der deutsche Ausgangstext hat sich seit dem Export geändert (exportiert von { $exported }, jetzt { $now }).
    .label = dieser Eintrag wurde nicht übernommen
    .help = Bitte mit „wegweiser xliff export --lang { $lang }“ neu exportieren und den neuen Text übersetzen. Die anderen Einträge wurden übernommen.
xliff-file-changed = { $file }: wurde nach dem Export geändert; die Übernahme würde diese Änderung überschreiben.
    .label = dieser Eintrag wurde nicht übernommen
    .help = Bitte die Datei mit der Übersetzung im XLIFF vergleichen. Um sie trotzdem zu ersetzen: „wegweiser xliff import { $xliff } --force“.
xliff-incomplete = { $path }: nicht übernommen, { $n } Einheiten haben keine Übersetzung: { $units }
    .help = Bitte jedes <target> des Eintrags ausfüllen (oder den Eintrag weglassen); ein Eintrag wird nur vollständig übernommen.
xliff-unit-unknown = { $path }: Die Einheit „{ $unit }“ ist kein übersetzbares Feld.
    .help = Bitte die Ids der Einheiten so lassen, wie „wegweiser xliff export“ sie geschrieben hat.
serve-start = Der Server lässt sich nicht starten: { $detail }
serve-listen = Auf { $address } lässt sich nicht lauschen: { $detail }
    .help = Bitte mit --port einen anderen Port wählen oder das Programm beenden, das ihn belegt.
serve-address = Die Adresse des Servers lässt sich nicht lesen: { $detail }
serve-watch = { $folder } lässt sich nicht beobachten: { $detail }
    .help = Unter Linux bitte fs.inotify.max_user_watches erhöhen.
serve-error = Serverfehler: { $detail }

## Zusammenfassungen auf der Kommandozeile

cli-built = { $strict ->
        [yes] erstellt (aber --strict und es gibt Warnungen):
       *[no] erstellt:
    } { $pages } Seiten ({ $languages }), { $files } Dateien, { $kib } KiB in { $ms } ms → { $out }{ $warnings ->
        [0] {""}
        [one] , 1 Warnung
       *[other] , { $warnings } Warnungen
    }
cli-more-warnings = … und { $n } weitere Warnung(en): „wegweiser build --verbose“ oder „wegweiser check“ zeigt alle.
cli-build-failed = Erstellen fehlgeschlagen: { $errors } Fehler, { $warnings } Warnungen; { $out }
cli-check-summary = check: { $errors } Fehler, { $warnings } Warnungen{ $strict ->
        [yes] {" "}(--strict: Warnungen zählen als Fehler)
       *[no] {""}
    }

## Orte außerhalb des Gebiets des Büros ([taxonomies] outside_places)
outside-place-unknown = outside_places nennt „{ $place }“, das ist keiner der Orte
outside-place-twice = outside_places nennt „{ $place }“ zweimal

## Hinweise auf Schlüssel (ein Name oder eine Bezeichnung, wo ein Schlüssel hingehört)
contact-slug-not-name = Hier gehört der Dateiname des Kontakts hin, nicht sein Name: „{ $key }“ (content/contacts/{ $key }.md)
taxonomy-key-not-label = Hier gehört der Schlüssel hin, nicht die Bezeichnung: „{ $key }“ (die Schlüssel stehen in site.toml unter [taxonomies])

## Platzhalter von „wegweiser new“ (TODO: …)
placeholder-in-draft = Dieser Entwurf enthält noch Platzhaltertext („TODO: …“).
    .label = Platzhalter
    .help = Bitte den Platzhalter durch den echten Text ersetzen, bevor Sie „draft = true“ löschen.
placeholder-published = Platzhaltertext („TODO: …“) würde veröffentlicht.
    .label = Platzhalter
    .help = Bitte hier den echten Text schreiben, oder „draft = true“ setzen, solange die Seite nicht fertig ist.

## Deutsch geschriebene Daten
date-german = Datum bitte als { $iso } schreiben.
    .label = Tag.Monat.Jahr
    .help = Daten werden Jahr-Monat-Tag geschrieben, ohne Anführungszeichen, z. B. „{ $example }“.

## Öffnungszeiten (opening_hours, region)
hours-unreadable = „opening_hours“ ist nicht lesbar: { $detail }
    .help = Bitte die Zeiten in der Schreibweise von OpenStreetMap angeben, z. B. opening_hours = "Mo-Fr 09:00-12:00; Th 14:00-18:00; PH off" (Tage Mo Tu We Th Fr Sa Su, Zeiten hh:mm, Regeln durch ; getrennt).
hours-open-on-holiday = Laut diesen Öffnungszeiten ist am Feiertag { $date } ({ $holiday }) geöffnet, und über Feiertage steht nichts da.
    .label = an Feiertagen geöffnet?
    .help = Bitte „; PH off“ ergänzen, wenn an Feiertagen geschlossen ist, oder eine Regel wie „; PH 10:00-12:00“, wenn bewusst geöffnet ist.
contact-without-hours = Bei der Organisation { $contact } steht nicht, wann sie erreichbar ist.
    .label = keine Öffnungszeiten
    .help = Bitte „opening_hours = "Mo-Fr 09:00-12:00; PH off"“ ergänzen (Syntax von OpenStreetMap) oder in Worten „office_hours = "nach Vereinbarung"“.
region-unknown = Die Region „{ $region }“ ist unbekannt: Für sie sind keine Feiertage bekannt.

## Orte
location-missing = „at“ nennt den Ort „{ $slug }“, den es nicht gibt.
location-create = Bitte content/locations/{ $slug }.md anlegen oder den Namen korrigieren. { $suggestion }
location-slug-not-name = Hier gehört der Dateiname des Ortes hin, nicht sein Name: „{ $key }“ (content/locations/{ $key }.md)
what-locations = Orte
closed-period-incomplete = Jeder Zeitraum in „closed“ braucht „from“ und „to“ (Daten ohne Anführungszeichen).
    .help = Zum Beispiel: closed = [{"{"} from = 2027-07-20, to = 2027-08-14, reason = "Sommerpause" {"}"}]
closed-period-reversed = Dieser Schließzeitraum endet ({ $to }), bevor er beginnt ({ $from }).
    .help = „to“ ist der letzte geschlossene Tag und liegt nach „from“.
accessibility-value-unknown = „{ $value }“ ist kein Wert für die Barrierefreiheit.
offer-without-place = Dieses Angebot nennt weder einen Ort („at“) noch eine Adresse („address“): Die Leser erfahren nicht, wo es stattfindet.
    .help = Bitte at = "<Ort>" (eine Datei in content/locations/) oder eine Adresse angeben; ein reines Online-Angebot kann das in der Zusammenfassung sagen.

## Skripte, die statische Seiten laden
static-script-missing = Diese Seite lädt das Skript { $src }, aber es liegt nicht in { $folder }.
    .help = Das Skript des Browser-Editors installiert „scripts/install-editor“ (siehe docs/cms.md). Ein anderes Skript bitte neben die Seite legen oder den Verweis entfernen.
## Ausgaben der Befehle (new, translate, xliff, cms, report, status, serve)

cli-error = Fehler: { $message }
cli-fix-first = Bitte beheben Sie zuerst diese Probleme.
cli-wrote = { $file } geschrieben.
cli-source-date-epoch = SOURCE_DATE_EPOCH muss Sekunden seit 1970 angeben, nicht „{ $value }“.
new-created = { $file } angelegt. Füllen Sie die Felder aus und entfernen Sie dann „draft = true“.
translate-usage = So geht es: „wegweiser translate ELEMENT SPRACHE“ oder „wegweiser translate --all --confirm SPRACHE“.
translate-name-language = Bitte nennen Sie die Zielsprache, zum Beispiel „wegweiser translate { $item } ar“.
translate-started = { $file }: angelegt (Entwurf: übersetzen, dann „draft = true“ entfernen).
translate-confirmed = { $file }: als aktuell bestätigt.
translate-minor = { $file }: bleibt aktuell (kleine Änderung am Ausgangstext).
translate-none-yet = { $item } hat noch keine Übersetzungen.
xliff-exported-item = { $item } ({ $state })
xliff-exported = { $file } geschrieben: { $items } Einträge, { $units } Abschnitte fehlen oder sind veraltet in „{ $lang }“.
xliff-imported-file = { $file }: geschrieben, aktuell zum Ausgangstext.
xliff-imported = { $written } Übersetzung(en) übernommen; { $refused } abgelehnt, { $skipped } übersprungen.
cms-place-script = Hinweis: { $script } (Sveltia CMS { $version }) fehlt noch: „scripts/install-editor“ installiert es; ohne das Skript schlägt der Bau fehl (siehe docs/cms.md).
cms-name-repo = Hinweis: Nennen Sie das Repository mit --repo besitzer/name.
report-wrote-csv = CSV-Dateien in { $folder } geschrieben.
report-cannot-write-csv = CSV lässt sich nicht schreiben: { $detail }
serve-serving = Vorschau unter { $url } (Strg+C beendet sie)
serve-stopping = Vorschau wird beendet.
serve-built = { $files } Dateien in { $ms } ms erstellt.
serve-site-has-errors = Die Website hat Fehler: Bitte beheben und speichern; der Browser zeigt sie auch an.
serve-rebuilt = Neu erstellt nach Änderung an { $paths } in { $ms } ms: { $pages } Seite(n) erzeugt, { $files } Datei(en) geändert.
serve-all-files = alle
serve-still-serving = Die Vorschau zeigt weiter den letzten fehlerfreien Stand. Bitte beheben Sie die Probleme oben und speichern Sie.
serve-open = Öffnen Sie { $url } im Browser.
overlay-title = Die letzte Änderung enthält Fehler. Bis sie behoben sind, zeigt diese Seite den letzten fehlerfreien Stand.
overlay-error = Fehler
overlay-warning = Warnung
overlay-at = { $file }, Zeile { $line }, Spalte { $column }
overlay-close = Schließen
overlay-broken-title = Wegweiser-Vorschau: Die Website hat Fehler
overlay-broken-text = Die Website hat Fehler. Sie stehen hier und im Terminal; diese Seite lädt neu, sobald sie behoben sind.

## status

status-lang = Sprache
status-name = Name
status-current = aktuell
status-outdated = veraltet
status-unconfirmed = unbestätigt
status-in-progress = in Arbeit
status-missing = fehlt
status-machine = maschinell
status-unreviewed = ungeprüft
status-past = vergangene Veranstaltungen, nicht gezählt
status-order = Die Listen stehen in der Reihenfolge, in der Leserinnen und Leser sie brauchen: kommende Veranstaltungen (die nächste zuerst), veröffentlichte Angebote, Kontakte, Seiten, dann Entwürfe. Vergangene Veranstaltungen zählen nicht als fehlend.
status-source = Ausgangstext

## report (der Lückenbericht)

report-total = Summe
report-total-note = „Summe“ zählt jedes Angebot der Zeile einmal, auch wenn es an mehreren Orten stattfindet oder keinen Ort hat: so viele Angebote zeigt auch die Liste auf der Website.
report-outside = Außerhalb des Kreises
report-outside-note = Orte außerhalb des Kreises (outside_places in site.toml) stehen getrennt; eine 0 dort ist keine Lücke.
report-zero-note = Eine 0 heißt: kein Angebot.
report-no-offer-in = Nicht aufgeführt, weil kein Angebot in dieser Sprache stattfindet
report-without-place = (ohne Ort)
report-how-to-read = Rot markierte Zellen (0) sind Lücken. Zeilen mit den meisten Lücken stehen oben, Spalten mit den wenigsten Angeboten links; Orte außerhalb des Kreises stehen getrennt und sind keine Lücken.
report-topic-place = Angebote nach Thema und Ort
report-topic-place-note = Zahl der Angebote je Thema (Zeile) und Ort (Spalte).
report-topic = Thema
report-audience-topic = Angebote nach Zielgruppe und Thema
report-audience-topic-note = Zahl der Angebote je Zielgruppe (Zeile) und Thema (Spalte). Angebote ohne Zielgruppe richten sich an alle und sind hier nicht gezählt.
report-audience = Zielgruppe
report-language-place = Sprachen der Angebote nach Ort
report-language-place-note = Zahl der Angebote, die in einer Sprache (Zeile, Feld offered_in) an einem Ort (Spalte) stattfinden.
report-language = Sprache
report-per-topic = Einträge nach Thema
report-per-topic-note = Angebote und kommende Veranstaltungen je Thema; die Summe steht so auf der Startseite, der Themenseite und im Filter.
report-offers = Angebote
report-upcoming-events = Kommende Veranstaltungen
report-events-place = Veranstaltungen in den nächsten { $days } Tagen nach Ort
report-events-place-note = Veranstaltungen mit mindestens einem Termin ab { $date } in den folgenden { $days } Tagen, je Ort; dazu die Zahl dieser Termine.
report-place = Ort
report-events = Veranstaltungen
report-dates = Termine
report-title = Lückenbericht
report-head = Lückenbericht, Stand { $date }: { $offers } Angebote, { $events } Veranstaltungen in den nächsten { $days } Tagen
report-html-title = Lückenbericht, Stand { $date }
report-html-head = Stand { $date }: { $offers } Angebote, { $events } Veranstaltungen in den nächsten { $days } Tagen.
report-review = Angebote nach ihrem Prüfdatum (review_by)
report-review-short = Angebote nach ihrem Prüfdatum
report-review-note = Diese Angebote sollten geprüft und ihr Prüfdatum neu gesetzt werden.
report-contacts = Kontakte, auf die nichts verweist
report-contacts-note = Kein Angebot, keine Veranstaltung, kein Kontakt und kein Text nennt diese Kontakte.
report-none = Keine.
report-file = Datei
report-item-title = Titel
report-review-by = Prüfen bis
output-nothing-written = nichts wurde geschrieben
output-missing = { $folder }/ fehlt (siehe oben)
output-new-build = { $folder }/ enthält den neuen Stand (siehe oben)
cli-progress-pages = Seiten

# Bilder (src/media/)
image-alt-missing = das Bild hat keinen Alternativtext
    .help = schreiben Sie in `image_alt`, was das Bild zeigt, für Menschen, die es nicht sehen; schmückt es nur, schreiben Sie image_decorative = true
image-alt-missing-markdown = das Bild `{ $path }` hat keinen Alternativtext
    .help = schreiben Sie zwischen die eckigen Klammern, was es zeigt: ![Zwei Menschen an einem Schreibtisch]({ $path }); schmückt es nur, schreiben Sie ![]({ $path } "dekorativ")
image-missing = das Bild `{ $path }` gibt es nicht
    .help = prüfen Sie den Dateinamen; der Pfad geht von dieser Datei aus oder beginnt mit / für eine Datei in static/
image-outside-site = das Bild `{ $path }` liegt außerhalb des Website-Ordners
    .help = kopieren Sie das Bild in den Website-Ordner (neben diese Datei oder nach static/) und geben Sie es von dort an
image-unsupported = `{ $path }` ist kein JPEG-, PNG- oder WebP-Bild
    .help = speichern Sie das Bild als JPEG (Fotos) oder PNG (Zeichnungen) und geben Sie diese Datei an
image-corrupt = das Bild `{ $path }` lässt sich nicht lesen ({ $detail })
    .help = öffnen Sie es in einem Bildprogramm und speichern Sie es neu als JPEG oder PNG
image-file-too-large = das Bild `{ $path }` ist { $megabytes } MB groß (höchstens 30 MB)
    .help = speichern Sie es kleiner, z. B. 2500 Pixel breit als JPEG: die Website macht ihre kleineren Fassungen selbst
image-too-many-pixels = das Bild `{ $path }` hat zu viele Pixel ({ $width } × { $height }; höchstens 50 Megapixel)
    .help = verkleinern Sie es vorher auf höchstens 2500 Pixel Breite

## Die Karte ([map] in site.toml)
map-tiles-missing = In [map] fehlt „tiles“: Die Karte braucht die Adresse eines Kachel-Servers.
    .help = Bitte tiles = "https://tiles.example.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png" eintragen (ein Server des Amts oder eines Dienstleisters mit Auftragsverarbeitungsvertrag) oder [map] entfernen.
map-tiles-not-https = Der Kachel-Server „{ $url }“ ist keine https://-Adresse.
    .help = Die Browser der Leserinnen und Leser fragen ihn nach jeder Kachel: Bitte https:// verwenden (http:// nur für 127.0.0.1 oder localhost, in Tests).
map-tiles-host = Die Kachel-Adresse „{ $url }“ hat keinen festen Server-Namen.
    .help = Bitte genau einen Server-Namen schreiben, ohne {"{"}s{"}"}: Die Sicherheitsregeln der Seiten erlauben genau diesen Server.
map-tiles-placeholders = In der Kachel-Adresse „{ $url }“ fehlt {"{"}z{"}"}, {"{"}x{"}"} oder {"{"}y{"}"}.
    .help = Eine Kachel-Adresse enthält alle drei, z. B. https://tiles.example.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png
map-attribution-missing = [map] braucht „attribution“, wenn ein Kachel-Server genannt ist.
    .help = Den Hinweis, den die Lizenz des Kachel-Servers verlangt, z. B. attribution = "© OpenStreetMap-Mitwirkende"
map-center-invalid = „center“ muss [Breitengrad, Längengrad] in Grad sein.
    .help = Zum Beispiel center = [49.97, 8.06]
map-zoom-out-of-range = Die Zoomstufe { $zoom } liegt nicht zwischen 0 und { $max }.
    .help = 10 zeigt einen Landkreis, 14 eine Stadt. Ohne zoom zeigt die Karte alle Orte.
map-leaflet-missing = Die Karte braucht Leaflet, das nicht installiert ist ({ $file } fehlt).
    .help = Bitte scripts/install-map ausführen (es führt „npm ci“ in themes/default/map aus) oder [map] aus site.toml entfernen.

## Orte: Art des Ortes, alte Schließzeiten, Terminlinks
location-kind-unknown = „{ $kind }“ ist keine Art von Ort.
closed-period-stale = Die Schließzeit vom { $from } bis { $to } ist seit mehr als einem Jahr vorbei.
    .help = Bitte diesen Zeitraum aus „closed“ löschen (in den Übersetzungen den gleichen Eintrag auch).
appointment-url-not-https = Die Adresse für Termine { $url } beginnt nicht mit https://.
    .help = Ein Buchungsformular fragt nach persönlichen Daten: Bitte die https://-Adresse der Buchungsseite eintragen.

# Dokumente, Gebärdensprach-Video, BITV § 4 (content::media, check::bitv)
media-missing = Die Datei { $file } gibt es nicht.
    .help = Bitte die Datei neben die Inhaltsdatei legen (in { $folder }/) oder nach static/, oder den Namen berichtigen.
media-outside = { $file } führt aus den Ordnern content/ und static/ hinaus.
    .help = Bitte den Dateinamen relativ zur Inhaltsdatei schreiben (flyer.pdf) oder als Pfad in static/ (/downloads/flyer.pdf).
media-not-self-hosted = { $file } liegt auf einem anderen Server; Dokumente und Videos müssen mit der Website veröffentlicht werden.
    .help = Bitte die Datei neben die Inhaltsdatei oder nach static/ legen und ihren Namen schreiben. Dann fragen die Browser der Leser keinen anderen Server.
media-name-clash = Eine andere Datei mit dem Namen { $name } wird schon mit diesem Eintrag veröffentlicht ({ $other }).
    .help = Bitte eine der beiden Dateien umbenennen.
document-language-invalid = „{ $code }“ ist kein Sprachcode.
    .help = Bitte die Sprache des Dokuments als Code schreiben, z. B. language = "ar".
video-unreadable = Das Video { $file } lässt sich nicht als MP4 lesen: { $detail }
    .help = Bitte das Video als MP4 speichern (H.264 oder AV1), z. B. mit ffmpeg -i eingabe -c:v libx264 -r 25 video.mp4.
video-below-bitv = Das Gebärdensprach-Video hat { $width }×{ $height } Pixel und { $fps } Bilder pro Sekunde; die BITV 2.0 (Anlage 2) verlangt mindestens 320×240 Pixel und 25 Bilder pro Sekunde.
    .help = Bitte das Video neu exportieren, mit mindestens 320×240 Pixeln und 25 Bildern pro Sekunde.
document-too-large = { $file } ist { $size } MB groß; Dokumente sollten höchstens { $max } MB groß sein.
    .help = Bitte die Datei verkleinern (z. B. das PDF mit komprimierten Bildern exportieren) oder in site.toml [check] max_document_mb erhöhen.
bitv-sign-language-missing = Die Startseite hat keine Erklärung in Deutscher Gebärdensprache (BITV 2.0 § 4).
    .help = Bitte in content/_index.md sign_language = { "{" } video = "…", poster = "…", captions = "…" { "}" } eintragen, oder in site.toml [check] bitv = false setzen, wenn die BITV für die Website nicht gilt.
bitv-easy-read-missing = Die Startseite hat keine Erklärung in Leichter Sprache (BITV 2.0 § 4).
    .help = Bitte content/_index.{ $lang }.md in Leichter Sprache schreiben: was die Website enthält, wie man sich zurechtfindet, und ein Link zur Erklärung zur Barrierefreiheit (pages/{ $statement }.md); oder in site.toml [check] bitv = false setzen.
bitv-easy-read-language-missing = Die Website hat keine Sprache für Leichte Sprache (BITV 2.0 § 4).
    .help = Bitte in site.toml eine Sprache mit key = "ls", tag = "de" und hreflang = false anlegen, oder [check] bitv = false setzen, wenn die BITV für die Website nicht gilt.

## wegweiser import (ics, table)
what-columns = Spaltenüberschriften
import-nothing-written = Es wurde nichts geschrieben. Bitte die Probleme oben beheben und erneut importieren.
import-will-create = neu: { $file }
import-will-update = aktualisiert: { $file }
import-will-remove = entfernt (nicht mehr in der Quelle): { $file }
import-done = Import fertig: { $created } neu, { $updated } aktualisiert, { $removed } entfernt, { $kept } behalten, { $unchanged } unverändert
import-dry-run = Probelauf, nichts geschrieben: { $created } neu, { $updated } aktualisiert, { $removed } entfernt, { $kept } behalten, { $unchanged } unverändert
import-kept-edited = { $file } wurde nach dem letzten Import von { $input } geändert und bleibt so, wie es ist.
    .help = Bitte die Datei mit dem Eintrag in { $input } vergleichen und Nötiges von Hand übernehmen. Um sie trotzdem zu ersetzen: mit --force importieren.
import-gone-edited = { $file } steht nicht mehr in { $input }, wurde aber nach dem letzten Import geändert; die Datei bleibt.
    .help = Bitte die Datei löschen, wenn der Termin oder das Angebot vorbei ist, oder die Zeilen import_source, import_uid und import_hash löschen, um sie als eigene Datei zu behalten.
import-gone-translated = { $file } steht nicht mehr in { $input }, hat aber Übersetzungen; die Datei bleibt.
    .help = Bitte die Datei und ihre Übersetzungen löschen, wenn der Eintrag vorbei ist.
import-organizer-unknown = „--organizer { $slug }“: Es gibt keinen Kontakt mit diesem Namen.
import-ics-not-calendar = Das ist keine Kalenderdatei: Sie beginnt nicht mit BEGIN:VCALENDAR.
    .help = Bitte den Kalender als iCalendar-Datei (.ics) exportieren und diese Datei importieren.
import-ics-unreadable = Der Kalender kann nicht gelesen werden: { $detail }
    .help = Jede Zeile muss NAME:Wert oder NAME;PARAMETER=…:Wert sein, und zu jedem BEGIN:… gehört ein END:….
import-ics-uid-missing = Dieser Termin hat keine UID.
    .help = Das Kalenderprogramm des Partners muss jedem Termin eine UID geben; ohne sie findet ein späterer Import den Termin nicht wieder.
import-ics-uid-duplicate = Die UID { $uid } kommt im Kalender zweimal vor.
    .help = Jeder Termin braucht seine eigene UID. Bitte den Partner um einen korrigierten Kalender.
import-ics-title-missing = Termin { $uid } hat keinen Titel (SUMMARY).
    .help = Bitte dem Termin im Kalender einen Titel geben.
import-ics-start-missing = Termin { $uid } hat keinen Beginn (DTSTART).
    .help = Bitte dem Termin im Kalender einen Beginn geben.
import-ics-bad-time = { $property } kann nicht gelesen werden: „{ $value }“
    .help = Daten werden 20261020 geschrieben, Zeiten 20261020T180000 (Ortszeit), 20261020T160000Z (UTC) oder mit TZID=Europe/Berlin.
import-ics-zone-unknown = Unbekannte Zeitzone „{ $zone }“
    .help = Bitte eine Zeitzone der IANA-Datenbank verwenden, z. B. TZID=Europe/Berlin.
import-ics-end-missing = Dieser Termin hat weder DTEND noch DURATION; er wird mit einer Stunde Dauer übernommen.
    .help = Bitte das Ende in der übernommenen Datei prüfen.
import-ics-ends-before-start = Dieser Termin endet, bevor er beginnt.
    .help = Bitte DTEND oder DURATION im Kalender korrigieren.
import-ics-rule-unsupported = Diese Wiederholung kann nicht übernommen werden: { $rule }
    .help = Wegweiser übernimmt wöchentliche Regeln, monatliche am n-ten Wochentag und tägliche Regeln. Andere Reihen bitte als einzelne Termine eintragen.
import-ics-override-ignored = Ein geänderter einzelner Termin einer Reihe (RECURRENCE-ID) wird nicht übernommen.
    .help = Bitte die Reihe in der übernommenen Datei prüfen und den geänderten Termin von Hand eintragen.
import-map-kind = „kind = "{ $kind }"“: Eine Tabelle kann Angebote, Kontakte oder Orte liefern.
    .help = Bitte kind = "offer", "contact" oder "location" schreiben.
import-map-field-unknown = „{ $field }“ ist kein Feld für { $kind }.
import-map-field-unsupported = „{ $field }“ kann nicht aus einer Spalte gefüllt werden.
    .help = Bitte dieses Feld nach dem Import in den Dateien ausfüllen.
import-map-column-unknown = Im Blatt { $sheet } gibt es keine Spalte „{ $column }“.
import-map-title-missing = Die Zuordnung nennt keine Spalte für „title“.
    .help = Bitte unter [columns] eine Zeile wie title = "Name des Angebots" ergänzen.
import-row-duplicate = { $sheet }, Zeile { $row }, Spalte { $column }: Die Kennung „{ $uid }“ wurde schon in Zeile { $first } verwendet.
    .help = Jede Zeile braucht eine eigene Kennung (oder einen eigenen Titel, wenn die Zuordnung keine id-Spalte nennt).
import-cell-empty = { $sheet }, Zeile { $row }, Spalte { $column }: „{ $field }“ ist leer.
    .help = Jede Zeile braucht einen Titel.
import-cell-bad = { $sheet }, Zeile { $row }, Spalte { $column }: { $problem }
import-cell-value = „{ $field }“ kann nicht „{ $value }“ sein: { $want ->
        [number] Hier gehört eine ganze Zahl hin.
        [yes-no] Hier gehört „ja“ oder „nein“ hin.
        [date] Hier gehört ein Datum hin, z. B. 30.06.2027 oder 2027-06-30.
        *[numbers] Hier gehören Zahlen hin, durch Kommas getrennt.
    }
import-label-unknown = Die Bezeichnung „{ $label }“ ist bei { $taxonomy } nicht bekannt.
import-label-meant = Gemeint ist wohl „{ $key }“: In der Zuordnung unter [labels.{ $taxonomy }] "{ $label }" = "{ $key }" ergänzen oder in der Tabelle den Schlüssel schreiben.
import-ics-bad-line = Diese Zeile des Kalenders kann nicht gelesen werden.
    .label = nicht NAME:Wert
    .help = Jede Zeile muss NAME:Wert oder NAME;PARAMETER=…:Wert sein (eine Zeile, die die vorige fortsetzt, beginnt mit einem Leerzeichen).

## Offene Daten ([open_data] in site.toml)

open-data-license-invalid = open_data.license „{ $license }“ ist keine Lizenz aus der DCAT-AP.de-Liste.
    .help = Bitte den Namen der Lizenz aus http://dcat-ap.de/def/licenses/ schreiben, z. B. license = "dl-by-de/2.0" (Datenlizenz Deutschland – Namensnennung 2.0).
open-data-contributor-invalid = open_data.contributor_id „{ $id }“ ist kein Datenbereitsteller aus der DCAT-AP.de-Liste.
    .help = Bitte die Kennung schreiben, die GovData dem Büro bei der Anmeldung gegeben hat (der Teil nach http://dcat-ap.de/def/contributors/), oder die Zeile weglassen.
