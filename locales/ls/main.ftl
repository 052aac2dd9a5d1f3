# Interface text of the Wegweiser default theme — Leichte Sprache
# (easy-read German). Same message ids as locales/de/main.ftl.

site-title = Wegweiser Mainz-Bingen in Leichter Sprache
skip-link = Gleich zum Text gehen
nav-label = Haupt-Menü
language-switcher-label = Sprache aussuchen
chooser-prompt = Bitte suchen Sie Ihre Sprache aus.

nav-home = Startseite
nav-offers = Angebote
nav-events = Termine
nav-contacts = Menschen, die helfen
nav-topics = Themen
nav-audiences = Für wen?
nav-places = Orte

footer-imprint = Impressum
footer-privacy = Daten-Schutz
footer-accessibility = Barriere-Freiheit
footer-feedback = Ihre Meinung sagen und Probleme melden

home-topics-heading = Themen
home-events-heading = Die nächsten Termine
home-more-heading = Mehr im Wegweiser

untranslated-notice = Diesen Text gibt es noch nicht in Leichter Sprache. Hier steht er auf { $language }.
card-untranslated = noch nicht in Leichter Sprache

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
    [one] 1 Termin
   *[other] Alle { $count } Termine
}
contacts-count = { $count ->
    [one] 1 Mensch, der hilft
   *[other] Alle { $count } Menschen, die helfen
}
list-empty = Hier steht noch nichts.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = Mehr Seiten von dieser Liste
pagination-previous = Seite davor
pagination-next = Nächste Seite
pagination-position = Das ist Seite { $page } von { $pages }.

label-facts = Das Wichtigste
label-when = Wann?
label-location = Wo?
label-address = Adresse
label-schedule = Wann?
label-cost = Was kostet das?
label-childcare = Kinder-Betreuung
label-accessible = Ohne Stufen
label-offered-in = In diesen Sprachen
label-provider = Wer macht das Angebot?
label-organizer = Wer lädt ein?
label-registration = Anmeldung
label-website = Internet-Seite
label-contacts = Menschen, die helfen
label-reach = So erreichen Sie uns
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = So bekommen Sie Hilfe
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = heute
card-tomorrow = morgen
label-role = Aufgabe
label-organization = Arbeitet bei
label-phone = Telefon
label-email = E-Mail
label-office-hours = Sprech-Zeiten
label-languages = Sprachen
label-people = Menschen, die hier arbeiten
label-offers-by = Angebote
label-events-by = Termine
label-updated = Zuletzt geändert
all-day = den ganzen Tag
directions-link = Den Weg zeigen (Karte im Internet)
yes = ja
no = nein

not-found-title = Diese Seite gibt es nicht
not-found-text = Diese Seite gibt es nicht. Oder es gibt sie nicht mehr. Gehen Sie zur Start-Seite. Dort finden Sie vielleicht, was Sie suchen.
back-home = Zur Start-Seite

topics-sprache-bildung = Sprache und Bildung
topics-ausbildung-arbeit = Ausbildung, Beruf und Arbeit
topics-gesundheit-beratung = Gesundheit und Beratung
topics-behoerden-oeffnung = Ämter arbeiten zusammen und sind offen für alle Kulturen
topics-teilhabe-empowerment = Mit-machen, stark werden und gegen Diskriminierung
topics-wohnen-mobilitaet = Wohnen und unterwegs sein

audiences-frauen = Frauen
audiences-jugendliche = Jugendliche
audiences-familien = Familien
audiences-gefluechtete = Geflüchtete Menschen
audiences-ehrenamtliche = Ehren-Amtliche
audiences-fachkraefte = Fach-Leute

places-ingelheim = Ingelheim am Rhein
places-bingen = Bingen am Rhein
places-nieder-olm = Nieder-Olm
places-oppenheim = Oppenheim
places-gau-algesheim = Gau-Algesheim
places-wiesbaden = Wiesbaden
places-online = Im Internet

language-de = Deutsch
language-en = Englisch
language-ar = Arabisch
language-uk = Ukrainisch
language-fa = Farsi
language-tr = Türkisch
language-ru = Russisch

breadcrumb-label = Hier sind Sie
outdated-notice = Diese Übersetzung ist vielleicht alt. Der Text auf { $language } ist jetzt anders.
machine-notice = Ein Computer-Programm hat diesen Text übersetzt. Ein Mensch hat ihn noch nicht geprüft.
machine-reviewed-notice = Ein Computer-Programm hat diesen Text übersetzt. Ein Mensch hat ihn geprüft.
chooser-suggested = Vorschlag von Ihrem Browser

nav-archive = Termine, die vorbei sind
event-past = Dieser Termin ist vorbei.
next-dates = Die nächsten Termine:
add-to-calendar = In den Kalender eintragen
subscribe-calendar = Alle Termine in Ihren Kalender holen
save-contact = Kontakt speichern
map-app-link = Mit der Karten-App auf dem Handy öffnen
label-attendance = Wie machen Sie mit?
attendance-in-person = Sie gehen hin
attendance-online = im Internet
attendance-hybrid = Sie gehen hin oder machen im Internet mit
repeat-weekly = { $interval ->
    [1] Jede Woche am { $weekday }, { $time }, bis { $until }
   *[other] Alle { $interval } Wochen am { $weekday }, { $time }, bis { $until }
}
repeat-monthly = { $week ->
    [1] Jeden Monat am ersten { $weekday }, { $time }, bis { $until }
    [2] Jeden Monat am zweiten { $weekday }, { $time }, bis { $until }
    [3] Jeden Monat am dritten { $weekday }, { $time }, bis { $until }
    [4] Jeden Monat am vierten { $weekday }, { $time }, bis { $until }
    [-1] Jeden Monat am letzten { $weekday }, { $time }, bis { $until }
   *[other] Einmal im Monat am { $weekday }, { $time }, bis { $until }
}

## Suche, Vorlesen, Druck
search-title = Suchen
search-label = Suchen
search-button = Suchen
search-results = Das haben wir gefunden
search-none = Wir haben nichts gefunden. Versuchen Sie ein anderes Wort. Oder schauen Sie in die Liste unten.
search-in-fallback = Wir haben nichts gefunden. Das haben wir auf { $language } gefunden:
search-needs-js = Die Suche geht hier nicht. Unten ist eine Liste mit allen Seiten.
search-all = Alle Seiten
read-aloud = Vorlesen
read-aloud-stop = Nicht mehr vorlesen
print-qr-label = Diese Seite im Internet:

## Filter
filter-label = Angebote aussuchen
filter-what = Was?
filter-where = Wo?
filter-language = In welcher Sprache?
offers-in-language = Angebote auf { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Wegweiser
site-name-place = Mainz-Bingen
site-name-original = Mainz-Bingen
language-ls = Leichte Sprache
# The language switcher's button (a globe icon precedes it).
language-menu = Sprache
home-this-week-heading = Diese Woche
home-office-heading = Hier bekommen Sie Hilfe
call = Anrufen

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Öffnungs-Zeiten
hours-open-until = Jetzt offen · bis {$time} Uhr
hours-opens-at = Jetzt zu · wieder offen: {$day} {$time} Uhr
hours-closed-now = Jetzt zu
hours-closed = zu
hours-closed-on = An diesen Feier-Tagen ist zu:
holiday-new-year = Neu-Jahr
holiday-good-friday = Kar-Freitag
holiday-easter-monday = Oster-Montag
holiday-labour-day = Tag der Arbeit
holiday-ascension-day = Christi Himmel-Fahrt
holiday-whit-monday = Pfingst-Montag
holiday-corpus-christi = Fron-Leichnam
holiday-german-unity-day = Tag der Deutschen Einheit
holiday-all-saints-day = Aller-Heiligen
holiday-christmas-day = 1. Weihnachts-Tag
holiday-boxing-day = 2. Weihnachts-Tag

## Locations
nav-locations = Orte
label-held-at = Ort
label-visit = Hingehen
label-closed = Geschlossen
label-appointment = Termin
appointment-only = Nur mit Termin
appointment-book = Termin machen
label-accessibility = Ohne Hindernisse
access-step-free = Eingang ohne Stufen
access-lift = Aufzug
access-toilet = Toilette für Roll·stühle
access-hearing-loop = Hör·schleife
access-parking = Park·platz für Menschen mit Behinderung
label-transit = Mit Bus und Bahn
label-offers-here = Angebote hier
label-events-here = Termine hier
label-contacts-here = Menschen, die hier helfen

## The map page ([map] in site.toml)
map-title = Karte mit allen Orten
map-description = Hier sehen Sie alle Orte auf einer Karte.
map-intro = Hier sehen Sie alle Orte auf einer Karte. Unter der Karte stehen die Orte noch einmal als Liste.
map-link = Alle Orte auf einer Karte ansehen
map-no-place = Andere Orte
map-label = Karte mit allen Orten
map-zoom-in = Karte größer machen
map-zoom-out = Karte kleiner machen
# Documents and the sign-language video
documents-heading = Dokumente zum Herunter-Laden
file-size-kb = { $size } KB
file-size-mb = { $size } MB
duration-seconds = { $seconds } Sekunden
duration-minutes-seconds = { $minutes } Minuten und { $seconds } Sekunden
sign-language-heading = Erklärung in Gebärden-Sprache
sign-language-symbol = Zeichen für Deutsche Gebärden-Sprache (DGS)
sign-language-captions = Unter-Titel auf Deutsch
sign-language-download = Video herunter-laden
# Search results come 20 at a time: the button below them shows the next.
search-more = Mehr Treffer zeigen
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Offene Daten vom Wegweiser: Angebote, Termine, Ansprech-Personen und Orte. In allen Sprachen von der Seite.
open-data-dataset = { $list } vom Wegweiser. In allen Sprachen von der Seite.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Über neue Termine Bescheid bekommen:
calendar-download = Termine als Datei laden
feed-atom = Neuigkeiten als Feed (Atom)
feed-changes = Alle Änderungen
