# Interface text of the Wegweiser default theme — German (source language).
# Each message id is used by themes/default/templates; translators copy this
# file to locales/<lang>/main.ftl and translate the text after "=".

site-title = Integrationswegweiser Mainz-Bingen
skip-link = Zum Inhalt springen
nav-label = Hauptnavigation
language-switcher-label = Sprache wählen
chooser-prompt = Bitte wählen Sie Ihre Sprache

nav-home = Startseite
nav-offers = Angebote
nav-events = Veranstaltungen
nav-contacts = Ansprechpersonen
nav-topics = Themen
nav-audiences = Für wen?
nav-places = Orte

footer-imprint = Impressum
footer-privacy = Datenschutz
footer-accessibility = Barrierefreiheit
footer-feedback = Rückmeldung und Barrieren melden

home-topics-heading = Themen
home-events-heading = Nächste Veranstaltungen
home-more-heading = Mehr im Wegweiser

untranslated-notice = Dieser Text ist noch nicht übersetzt. Sie lesen ihn auf { $language }.
card-untranslated = noch nicht übersetzt

items-count = { $count ->
    [0] keine Einträge
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
offers-count = { $count ->
    [one] 1 Angebot
   *[other] Alle { $count } Angebote
}
events-count = { $count ->
    [one] 1 Veranstaltung
   *[other] Alle { $count } Veranstaltungen
}
contacts-count = { $count ->
    [one] 1 Ansprechperson
   *[other] Alle { $count } Ansprechpersonen
}
list-empty = Hier gibt es noch keine Einträge.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = Weitere Seiten dieser Liste
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
pagination-position = Seite { $page } von { $pages }

label-facts = Auf einen Blick
label-when = Wann?
label-location = Ort
label-address = Adresse
label-schedule = Wann?
label-cost = Kosten
label-childcare = Kinderbetreuung
label-accessible = Barrierefrei
label-offered-in = Sprachen
label-provider = Träger
label-organizer = Veranstalter
label-registration = Anmeldung
label-website = Website
label-contacts = Ansprechpersonen
label-reach = So erreichen Sie uns
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = Ihre Ansprechperson
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = heute
card-tomorrow = morgen
label-role = Aufgabe
label-organization = Organisation
label-phone = Telefon
label-email = E-Mail
label-office-hours = Sprechzeiten
label-languages = Gesprochene Sprachen
label-people = Mitarbeitende
label-offers-by = Angebote
label-events-by = Veranstaltungen
label-updated = Zuletzt geändert
all-day = ganztägig
directions-link = Weg hierher planen (OpenStreetMap)
yes = ja
no = nein

not-found-title = Seite nicht gefunden
not-found-text = Diese Seite gibt es nicht (mehr). Vielleicht hilft Ihnen die Startseite weiter.
back-home = Zur Startseite

topics-sprache-bildung = Sprache und Bildung
topics-ausbildung-arbeit = Ausbildung, Beruf, Arbeit
topics-gesundheit-beratung = Gesundheit und Beratung
topics-behoerden-oeffnung = Behörden und interkulturelle Öffnung
topics-teilhabe-empowerment = Teilhabe, Empowerment, Antidiskriminierung
topics-wohnen-mobilitaet = Wohnen und Mobilität

audiences-frauen = Frauen
audiences-jugendliche = Jugendliche
audiences-familien = Familien
audiences-gefluechtete = Geflüchtete
audiences-ehrenamtliche = Ehrenamtliche
audiences-fachkraefte = Fachkräfte

places-ingelheim = Ingelheim am Rhein
places-bingen = Bingen am Rhein
places-nieder-olm = Nieder-Olm
places-oppenheim = Oppenheim
places-gau-algesheim = Gau-Algesheim
places-wiesbaden = Wiesbaden
places-online = Online

language-de = Deutsch
language-en = Englisch
language-ar = Arabisch
language-uk = Ukrainisch
language-fa = Farsi
language-tr = Türkisch
language-ru = Russisch

breadcrumb-label = Sie sind hier
outdated-notice = Diese Übersetzung ist vielleicht nicht mehr aktuell: Der Text auf { $language } wurde seitdem geändert.
machine-notice = Dieser Text wurde maschinell übersetzt und noch nicht von einem Menschen geprüft.
machine-reviewed-notice = Dieser Text wurde maschinell übersetzt und von einem Menschen geprüft.
chooser-suggested = Vorschlag nach Ihren Browser-Einstellungen

nav-archive = Vergangene Veranstaltungen
event-past = Diese Veranstaltung ist vorbei.
next-dates = Die nächsten Termine:
add-to-calendar = In den Kalender eintragen
subscribe-calendar = Kalender abonnieren
save-contact = Kontakt speichern
map-app-link = In der Karten-App öffnen
label-attendance = Teilnahme
attendance-in-person = vor Ort
attendance-online = online
attendance-hybrid = vor Ort und online
repeat-weekly = { $interval ->
    [1] Jeden { $weekday }, { $time }, bis { $until }
   *[other] Alle { $interval } Wochen am { $weekday }, { $time }, bis { $until }
}
repeat-monthly = { $week ->
    [1] Jeden ersten { $weekday } im Monat, { $time }, bis { $until }
    [2] Jeden zweiten { $weekday } im Monat, { $time }, bis { $until }
    [3] Jeden dritten { $weekday } im Monat, { $time }, bis { $until }
    [4] Jeden vierten { $weekday } im Monat, { $time }, bis { $until }
    [-1] Jeden letzten { $weekday } im Monat, { $time }, bis { $until }
   *[other] Einmal im Monat am { $weekday }, { $time }, bis { $until }
}

## Suche, Vorlesen, Druck
search-title = Suche
search-label = Suche
search-button = Suchen
search-results = Ergebnisse
search-none = Keine Treffer. Versuchen Sie ein anderes Wort oder schauen Sie in die Liste unten.
search-in-fallback = Nichts gefunden. Treffer auf { $language }:
search-needs-js = Die Suche braucht JavaScript. Unten finden Sie alle Seiten von A bis Z.
search-all = Alle Seiten von A bis Z
read-aloud = Vorlesen
read-aloud-stop = Vorlesen beenden
print-qr-label = Diese Seite im Internet:

## Filter
filter-label = Angebote filtern
filter-what = Was?
filter-where = Wo?
filter-language = In welcher Sprache?
offers-in-language = Angebote auf { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Integrationswegweiser
site-name-place = Mainz-Bingen
site-name-original = Mainz-Bingen
language-ls = Leichte Sprache
# The language switcher's button (a globe icon precedes it).
language-menu = Sprache
home-this-week-heading = Diese Woche
home-office-heading = Ihr Kontakt
call = Anrufen

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Öffnungszeiten
hours-open-until = Jetzt geöffnet · bis {$time}
hours-opens-at = Geschlossen · öffnet {$day} {$time}
hours-closed-now = Zurzeit geschlossen
hours-closed = geschlossen
hours-closed-on = Geschlossen an Feiertagen:
holiday-new-year = Neujahr
holiday-good-friday = Karfreitag
holiday-easter-monday = Ostermontag
holiday-labour-day = Tag der Arbeit
holiday-ascension-day = Christi Himmelfahrt
holiday-whit-monday = Pfingstmontag
holiday-corpus-christi = Fronleichnam
holiday-german-unity-day = Tag der Deutschen Einheit
holiday-all-saints-day = Allerheiligen
holiday-christmas-day = 1. Weihnachtstag
holiday-boxing-day = 2. Weihnachtstag

## Locations
nav-locations = Orte
label-held-at = Ort
label-visit = Besuch
label-closed = Geschlossen
label-appointment = Termin
appointment-only = nur mit Termin
appointment-book = Termin buchen
label-accessibility = Barrierefreiheit
access-step-free = Stufenloser Eingang
access-lift = Aufzug
access-toilet = Barrierefreie Toilette
access-hearing-loop = Induktionsschleife
access-parking = Behindertenparkplatz
label-transit = Anfahrt mit Bus und Bahn
label-offers-here = Angebote hier
label-events-here = Veranstaltungen hier
label-contacts-here = Ansprechpersonen hier

## The map page ([map] in site.toml)
map-title = Karte der Orte
map-description = Alle Orte auf einer Karte, nach Gemeinden geordnet.
map-intro = Alle Orte auf einer Karte. Darunter stehen dieselben Orte als Liste, nach Gemeinden geordnet.
map-link = Alle Orte auf einer Karte
map-no-place = Ohne Gemeinde
map-label = Karte der Orte
map-zoom-in = Vergrößern
map-zoom-out = Verkleinern
# Documents and the sign-language video
documents-heading = Dokumente zum Herunterladen
file-size-kb = { $size } KB
file-size-mb = { $size } MB
duration-seconds = { $seconds } Sekunden
duration-minutes-seconds = { $minutes } Min. { $seconds } Sek.
sign-language-heading = Erklärung in Deutscher Gebärdensprache
sign-language-symbol = Symbol für Deutsche Gebärdensprache (DGS)
sign-language-captions = Deutsche Untertitel
sign-language-download = Video herunterladen
# Search results come 20 at a time: the button below them shows the next.
search-more = Weitere Treffer zeigen
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Offene Daten des Integrationswegweisers: Angebote, Veranstaltungen, Ansprechpersonen und Orte in allen Sprachen der Seite, als JSON-Schnittstelle, iCalendar, vCard und Webseiten.
open-data-dataset = { $list } des Integrationswegweisers in allen Sprachen der Seite, mit dem Stand der Übersetzung jedes Textes.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Termine hier abonnieren:
calendar-download = Kalenderdatei (.ics) herunterladen
feed-atom = Feed (Atom)
feed-changes = Alle Änderungen
