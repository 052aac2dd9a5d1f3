# Interface text of the Wegweiser default theme — Turkish.
# Translated from locales/de/main.ftl; keep the message ids unchanged.

site-title = Mainz-Bingen Uyum Rehberi
skip-link = İçeriğe geç
nav-label = Ana gezinme
language-switcher-label = Dil seçin
chooser-prompt = Lütfen dilinizi seçin

nav-home = Ana sayfa
nav-offers = Hizmetler
nav-events = Etkinlikler
nav-contacts = İletişim
nav-topics = Konular
nav-audiences = Kimin için?
nav-places = Yerler

footer-imprint = Künye
footer-privacy = Veri koruma
footer-accessibility = Erişilebilirlik
footer-feedback = Geri bildirim ve engel bildirimi

home-topics-heading = Konular
home-events-heading = Yaklaşan etkinlikler
home-more-heading = Rehberde daha fazlası

untranslated-notice = Bu metin henüz çevrilmedi. Metni şu dilde okuyorsunuz: { $language }.
card-untranslated = henüz çevrilmedi

items-count = { $count ->
    [0] kayıt yok
    [one] { $count } kayıt
   *[other] { $count } kayıt
}
offers-count = { $count ->
    [one] 1 hizmet
   *[other] Tüm { $count } hizmet
}
events-count = { $count ->
    [one] 1 etkinlik
   *[other] Tüm { $count } etkinlik
}
contacts-count = { $count ->
    [one] 1 irtibat kişisi
   *[other] Tüm { $count } irtibat kişisi
}
list-empty = Burada henüz kayıt yok.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = Bu listenin diğer sayfaları
pagination-previous = Önceki sayfa
pagination-next = Sonraki sayfa
pagination-position = Sayfa { $page } / { $pages }

label-facts = Bir bakışta
label-when = Ne zaman?
label-location = Yer
label-address = Adres
label-schedule = Ne zaman?
label-cost = Ücret
label-childcare = Çocuk bakımı
label-accessible = Engelsiz erişim
label-offered-in = Diller
label-provider = Yürütücü kurum
label-organizer = Düzenleyen
label-registration = Kayıt
label-website = Web sitesi
label-contacts = İrtibat kişileri
label-reach = Bize nasıl ulaşabilirsiniz
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = İletişim
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = bugün
card-tomorrow = yarın
label-role = Görev
label-organization = Kurum
label-phone = Telefon
label-email = E-posta
label-office-hours = Görüşme saatleri
label-languages = Konuşulan diller
label-people = Çalışanlar
label-offers-by = Hizmetler
label-events-by = Etkinlikler
label-updated = Son değişiklik
all-day = tüm gün
directions-link = Yol tarifi al (OpenStreetMap)
yes = evet
no = hayır

not-found-title = Sayfa bulunamadı
not-found-text = Bu sayfa mevcut değil (ya da artık mevcut değil). Ana sayfa size yardımcı olabilir.
back-home = Ana sayfaya dön

topics-sprache-bildung = Dil ve eğitim
topics-ausbildung-arbeit = Meslek eğitimi, meslek, iş
topics-gesundheit-beratung = Sağlık ve danışmanlık
topics-behoerden-oeffnung = Resmi kurumlar ve kültürlerarası açılım
topics-teilhabe-empowerment = Katılım, güçlendirme, ayrımcılıkla mücadele
topics-wohnen-mobilitaet = Konut ve ulaşım

audiences-frauen = Kadınlar
audiences-jugendliche = Gençler
audiences-familien = Aileler
audiences-gefluechtete = Mülteciler
audiences-ehrenamtliche = Gönüllüler
audiences-fachkraefte = Uzmanlar

places-ingelheim = Ingelheim am Rhein
places-bingen = Bingen am Rhein
places-nieder-olm = Nieder-Olm
places-oppenheim = Oppenheim
places-gau-algesheim = Gau-Algesheim
places-wiesbaden = Wiesbaden
places-online = Çevrimiçi

language-de = Almanca
language-en = İngilizce
language-ar = Arapça
language-uk = Ukraynaca
language-fa = Farsça
language-tr = Türkçe
language-ru = Rusça

breadcrumb-label = Buradasınız
outdated-notice = Bu çeviri güncel olmayabilir: { $language } metin çevrildikten sonra değişti.
machine-notice = Bu metin makine çevirisidir ve henüz bir insan tarafından kontrol edilmemiştir.
machine-reviewed-notice = Bu metin makine çevirisidir ve bir insan tarafından kontrol edilmiştir.
chooser-suggested = Tarayıcı ayarlarınıza göre öneri

nav-archive = Geçmiş etkinlikler
event-past = Bu etkinlik sona erdi.
next-dates = Sonraki tarihler:
add-to-calendar = Takvime ekle
subscribe-calendar = Takvime abone ol
save-contact = Kişiyi kaydet
map-app-link = Harita uygulamasında aç
label-attendance = Katılım
attendance-in-person = yüz yüze
attendance-online = çevrimiçi
attendance-hybrid = yüz yüze ve çevrimiçi
repeat-weekly = { $interval ->
    [1] Her hafta { $weekday }, { $time }, { $until } tarihine kadar
   *[other] { $interval } haftada bir { $weekday }, { $time }, { $until } tarihine kadar
}
repeat-monthly = { $week ->
    [1] Her ayın ilk { $weekday } günü, { $time }, { $until } tarihine kadar
    [2] Her ayın ikinci { $weekday } günü, { $time }, { $until } tarihine kadar
    [3] Her ayın üçüncü { $weekday } günü, { $time }, { $until } tarihine kadar
    [4] Her ayın dördüncü { $weekday } günü, { $time }, { $until } tarihine kadar
    [-1] Her ayın son { $weekday } günü, { $time }, { $until } tarihine kadar
   *[other] Ayda bir { $weekday } günü, { $time }, { $until } tarihine kadar
}

## Arama, sesli okuma, yazdırma
search-title = Arama
search-label = Arama
search-button = Ara
search-results = Sonuçlar
search-none = Hiçbir şey bulunamadı. Başka bir kelime deneyin veya aşağıdaki listeye bakın.
search-in-fallback = Hiçbir şey bulunamadı. { $language } sonuçlar:
search-needs-js = Arama için JavaScript gerekir. Aşağıda tüm sayfaları A'dan Z'ye bulabilirsiniz.
search-all = A'dan Z'ye tüm sayfalar
read-aloud = Sesli oku
read-aloud-stop = Okumayı durdur
print-qr-label = Bu sayfa internette:

## Filter
filter-label = Teklifleri filtrele
filter-what = Ne?
filter-where = Nerede?
filter-language = Hangi dilde?
offers-in-language = { $language } teklifler

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Uyum Rehberi
site-name-place = Mainz-Bingen
site-name-original = Mainz-Bingen
language-ls = Kolay Almanca
# The language switcher's button (a globe icon precedes it).
language-menu = Dil
home-this-week-heading = Bu hafta
home-office-heading = İletişim
call = Ara

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Çalışma saatleri
hours-open-until = Şu an açık · {$time} saatine kadar
hours-opens-at = Kapalı · açılış: {$day} {$time}
hours-closed-now = Şu an kapalı
hours-closed = kapalı
hours-closed-on = Resmî tatillerde kapalı:
holiday-new-year = Yılbaşı
holiday-good-friday = Kutsal Cuma
holiday-easter-monday = Paskalya Pazartesisi
holiday-labour-day = İşçi Bayramı
holiday-ascension-day = Göğe Yükseliş Günü
holiday-whit-monday = Pentekost Pazartesisi
holiday-corpus-christi = Kutsal Beden Bayramı
holiday-german-unity-day = Alman Birliği Günü
holiday-all-saints-day = Azizler Günü
holiday-christmas-day = Noel
holiday-boxing-day = Noel'in ikinci günü

## Locations
nav-locations = Yerler
label-held-at = Yer
label-visit = Ziyaret
label-closed = Kapalı
label-appointment = Randevu
appointment-only = yalnızca randevu ile
appointment-book = Randevu al
label-accessibility = Erişilebilirlik
access-step-free = Basamaksız giriş
access-lift = Asansör
access-toilet = Engelli tuvaleti
access-hearing-loop = İndüksiyon döngüsü
access-parking = Engelli otoparkı
label-transit = Otobüs ve trenle
label-offers-here = Buradaki hizmetler
label-events-here = Buradaki etkinlikler
label-contacts-here = Buradaki iletişim kişileri

## The map page ([map] in site.toml)
map-title = Yerlerin haritası
map-description = Tüm yerler haritada, yerleşim yerine göre.
map-intro = Tüm yerler haritada. Altında aynı yerler, yerleşim yerine göre bir liste olarak.
map-link = Tüm yerler haritada
map-no-place = Yerleşim yeri olmadan
map-label = Yerlerin haritası
map-zoom-in = Yakınlaştır
map-zoom-out = Uzaklaştır
# Documents and the sign-language video
documents-heading = İndirilecek belgeler
file-size-kb = { $size } KB
file-size-mb = { $size } MB
duration-seconds = { $seconds } saniye
duration-minutes-seconds = { $minutes } dk { $seconds } sn
sign-language-heading = Alman İşaret Dili ile açıklama
sign-language-symbol = Alman İşaret Dili (DGS) simgesi
sign-language-captions = Almanca altyazı
sign-language-download = Videoyu indir
# Search results come 20 at a time: the button below them shows the next.
search-more = Daha fazla sonuç göster
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Uyum rehberinin açık verileri: sitenin tüm dillerinde teklifler, etkinlikler, iletişim kişileri ve yerler; JSON, iCalendar, vCard ve web sayfaları olarak.
open-data-dataset = Uyum rehberinin { $list } bölümü, sitenin tüm dillerinde, her metnin çeviri durumuyla birlikte.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Bu etkinliklere abone olun:
calendar-download = Takvim dosyasını indir (.ics)
feed-atom = Akış (Atom)
feed-changes = Tüm değişiklikler
