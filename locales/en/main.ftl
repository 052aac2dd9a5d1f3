site-title = Integration Guide Mainz-Bingen
skip-link = Skip to content
nav-label = Main navigation
language-switcher-label = Choose language
chooser-prompt = Please choose your language

nav-home = Home
nav-offers = Offers
nav-events = Events
nav-contacts = Contacts
nav-topics = Topics
nav-audiences = For whom?
nav-places = Places

footer-imprint = Legal notice
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-feedback = Feedback and reporting barriers

home-topics-heading = Topics
home-events-heading = Upcoming events
home-more-heading = More in this guide

untranslated-notice = This text has not been translated yet. You are reading it in { $language }.
card-untranslated = not translated yet

items-count = { $count ->
    [0] no entries
    [one] 1 entry
   *[other] { $count } entries
}
offers-count = { $count ->
    [one] 1 offer
   *[other] All { $count } offers
}
events-count = { $count ->
    [one] 1 event
   *[other] All { $count } events
}
contacts-count = { $count ->
    [one] 1 contact
   *[other] All { $count } contacts
}
list-empty = There are no entries here yet.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = More pages of this list
pagination-previous = Previous page
pagination-next = Next page
pagination-position = Page { $page } of { $pages }

label-facts = At a glance
label-when = When?
label-location = Place
label-address = Address
label-schedule = When?
label-cost = Cost
label-childcare = Childcare
label-accessible = Barrier-free
label-offered-in = Languages
label-provider = Provider
label-organizer = Organiser
label-registration = Registration
label-website = Website
label-contacts = Contacts
label-reach = How to reach us
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = Your contact
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = today
card-tomorrow = tomorrow
label-role = Role
label-organization = Organisation
label-phone = Phone
label-email = E-mail
label-office-hours = Office hours
label-languages = Languages spoken
label-people = Staff
label-offers-by = Offers
label-events-by = Events
label-updated = Last changed
all-day = all day
directions-link = Get directions (OpenStreetMap)
yes = yes
no = no

not-found-title = Page not found
not-found-text = This page does not exist (any more). The home page may help you further.
back-home = Go to the home page

topics-sprache-bildung = Language and education
topics-ausbildung-arbeit = Training, career, work
topics-gesundheit-beratung = Health and counselling
topics-behoerden-oeffnung = Authorities and intercultural opening
topics-teilhabe-empowerment = Participation, empowerment, anti-discrimination
topics-wohnen-mobilitaet = Housing and mobility

audiences-frauen = Women
audiences-jugendliche = Young people
audiences-familien = Families
audiences-gefluechtete = Refugees
audiences-ehrenamtliche = Volunteers
audiences-fachkraefte = Professionals

places-ingelheim = Ingelheim am Rhein
places-bingen = Bingen am Rhein
places-nieder-olm = Nieder-Olm
places-oppenheim = Oppenheim
places-gau-algesheim = Gau-Algesheim
places-wiesbaden = Wiesbaden
places-online = Online

language-de = German
language-en = English
language-ar = Arabic
language-uk = Ukrainian
language-fa = Farsi
language-tr = Turkish
language-ru = Russian

breadcrumb-label = You are here
outdated-notice = This translation may be out of date: the { $language } text has changed since it was translated.
machine-notice = This text was translated by machine and has not yet been checked by a person.
machine-reviewed-notice = This text was translated by machine and checked by a person.
chooser-suggested = Suggested by your browser settings

nav-archive = Past events
event-past = This event is over.
next-dates = Next dates:
add-to-calendar = Add to calendar
subscribe-calendar = Subscribe to the calendar
save-contact = Save contact
map-app-link = Open in map app
label-attendance = Taking part
attendance-in-person = in person
attendance-online = online
attendance-hybrid = in person and online
repeat-weekly = { $interval ->
    [1] Every { $weekday }, { $time }, until { $until }
   *[other] Every { $interval } weeks on { $weekday }, { $time }, until { $until }
}
repeat-monthly = { $week ->
    [1] Every first { $weekday } of the month, { $time }, until { $until }
    [2] Every second { $weekday } of the month, { $time }, until { $until }
    [3] Every third { $weekday } of the month, { $time }, until { $until }
    [4] Every fourth { $weekday } of the month, { $time }, until { $until }
    [-1] Every last { $weekday } of the month, { $time }, until { $until }
   *[other] Once a month on { $weekday }, { $time }, until { $until }
}

## Search, read aloud, print
search-title = Search
search-label = Search
search-button = Search
search-results = Results
search-none = Nothing found. Try another word or look at the list below.
search-in-fallback = Nothing found. Results in { $language }:
search-needs-js = Search needs JavaScript. Below you find all pages from A to Z.
search-all = All pages from A to Z
read-aloud = Read aloud
read-aloud-stop = Stop reading
print-qr-label = This page on the internet:

## Filter
filter-label = Filter offers
filter-what = What?
filter-where = Where?
filter-language = In which language?
offers-in-language = Offers in { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Integration Guide
site-name-place = Mainz-Bingen
site-name-original = Mainz-Bingen
language-ls = Easy-read German
# The language switcher's button (a globe icon precedes it).
language-menu = Language
home-this-week-heading = This week
home-office-heading = Your contact
call = Call

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Opening hours
hours-open-until = Open now · until {$time}
hours-opens-at = Closed · opens {$day} {$time}
hours-closed-now = Closed for now
hours-closed = closed
hours-closed-on = Closed on public holidays:
holiday-new-year = New Year's Day
holiday-good-friday = Good Friday
holiday-easter-monday = Easter Monday
holiday-labour-day = Labour Day
holiday-ascension-day = Ascension Day
holiday-whit-monday = Whit Monday
holiday-corpus-christi = Corpus Christi
holiday-german-unity-day = German Unity Day
holiday-all-saints-day = All Saints' Day
holiday-christmas-day = Christmas Day
holiday-boxing-day = Boxing Day

## Locations
nav-locations = Locations
label-held-at = Location
label-visit = Visiting
label-closed = Closed
label-appointment = Appointment
appointment-only = by appointment only
appointment-book = Book an appointment
label-accessibility = Accessibility
access-step-free = Step-free entrance
access-lift = Lift
access-toilet = Accessible toilet
access-hearing-loop = Hearing loop
access-parking = Parking for disabled people
label-transit = By bus and train
label-offers-here = Offers here
label-events-here = Events here
label-contacts-here = Contacts here

## The map page ([map] in site.toml)
map-title = Map of locations
map-description = All locations on a map, by place.
map-intro = All locations on a map. Below it, the same locations as a list, by place.
map-link = All locations on a map
map-no-place = Without a place
map-label = Map of locations
map-zoom-in = Zoom in
map-zoom-out = Zoom out
# Documents and the sign-language video
documents-heading = Documents to download
file-size-kb = { $size } KB
file-size-mb = { $size } MB
duration-seconds = { $seconds } seconds
duration-minutes-seconds = { $minutes } min { $seconds } s
sign-language-heading = Explanation in German Sign Language
sign-language-symbol = German Sign Language (DGS) symbol
sign-language-captions = German captions
sign-language-download = Download the video
# Search results come 20 at a time: the button below them shows the next.
search-more = Show more results
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Open data of the integration guide: offers, events, contacts and places in every language of the site, as a JSON API, iCalendar, vCard and web pages.
open-data-dataset = { $list } of the integration guide in every language of the site, with the translation state of every text.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Subscribe to these events:
calendar-download = Download the calendar file (.ics)
feed-atom = Feed (Atom)
feed-changes = All changes
