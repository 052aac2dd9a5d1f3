# Interface text of the Wegweiser default theme — Farsi (Persian).
# Translated from locales/de/main.ftl; keep the message ids unchanged.

site-title = راهنمای ادغام ماینتس-بینگن (Mainz-Bingen)
skip-link = رفتن به محتوا
nav-label = منوی اصلی
language-switcher-label = انتخاب زبان
chooser-prompt = لطفاً زبان خود را انتخاب کنید

nav-home = خانه
nav-offers = خدمات
nav-events = رویدادها
nav-contacts = تماس‌ها
nav-topics = موضوع‌ها
nav-audiences = برای چه کسانی؟
nav-places = مکان‌ها

footer-imprint = اطلاعات ناشر
footer-privacy = حفاظت از داده‌ها
footer-accessibility = دسترس‌پذیری
footer-feedback = بازخورد و گزارش موانع

home-topics-heading = موضوع‌ها
home-events-heading = رویدادهای پیش رو
home-more-heading = بیشتر در این راهنما

untranslated-notice = این متن هنوز ترجمه نشده است. شما آن را به زبان { $language } می‌خوانید.
card-untranslated = هنوز ترجمه نشده

# In Farsi the category "one" also covers 0, so "one" variants use { $count }.
items-count = { $count ->
    [0] هیچ موردی وجود ندارد
    [one] { $count } مورد
   *[other] { $count } مورد
}
offers-count = { $count ->
    [one] { $count } خدمت
   *[other] همهٔ { $count } خدمت
}
events-count = { $count ->
    [one] { $count } رویداد
   *[other] همهٔ { $count } رویداد
}
contacts-count = { $count ->
    [one] { $count } فرد رابط
   *[other] همهٔ { $count } فرد رابط
}
list-empty = اینجا هنوز موردی وجود ندارد.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = صفحه‌های دیگر این فهرست
pagination-previous = صفحهٔ قبلی
pagination-next = صفحهٔ بعدی
pagination-position = صفحهٔ { $page } از { $pages }

label-facts = در یک نگاه
label-when = چه زمانی؟
label-location = مکان
label-address = نشانی
label-schedule = چه زمانی؟
label-cost = هزینه
label-childcare = نگهداری از کودک
label-accessible = بدون مانع
label-offered-in = زبان‌ها
label-provider = ارائه‌دهنده
label-organizer = برگزارکننده
label-registration = ثبت‌نام
label-website = وب‌سایت
label-contacts = افراد رابط
label-reach = راه‌های تماس با ما
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = فرد یا مرکز تماس
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = امروز
card-tomorrow = فردا
label-role = وظیفه
label-organization = سازمان
label-phone = تلفن
label-email = ایمیل
label-office-hours = ساعات مراجعه
label-languages = زبان‌های ارتباطی
label-people = کارکنان
label-offers-by = خدمات
label-events-by = رویدادها
label-updated = آخرین تغییر
all-day = تمام روز
directions-link = مسیریابی تا اینجا (OpenStreetMap)
yes = بله
no = خیر

not-found-title = صفحه پیدا نشد
not-found-text = این صفحه وجود ندارد (یا دیگر وجود ندارد). شاید صفحهٔ اصلی به شما کمک کند.
back-home = رفتن به صفحهٔ اصلی

topics-sprache-bildung = زبان و آموزش
topics-ausbildung-arbeit = آموزش حرفه‌ای، شغل، کار
topics-gesundheit-beratung = سلامت و مشاوره
topics-behoerden-oeffnung = ادارات و گشودگی بین‌فرهنگی
topics-teilhabe-empowerment = مشارکت، توانمندسازی، مقابله با تبعیض
topics-wohnen-mobilitaet = مسکن و رفت‌وآمد

audiences-frauen = زنان
audiences-jugendliche = جوانان
audiences-familien = خانواده‌ها
audiences-gefluechtete = پناهجویان
audiences-ehrenamtliche = داوطلبان
audiences-fachkraefte = متخصصان

places-ingelheim = اینگلهایم آم راین
places-bingen = بینگن آم راین
places-nieder-olm = نیدر-اولم
places-oppenheim = اوپنهایم
places-gau-algesheim = گاو-آلگسهایم
places-wiesbaden = ویسبادن
places-online = آنلاین

language-de = آلمانی
language-en = انگلیسی
language-ar = عربی
language-uk = اوکراینی
language-fa = فارسی
language-tr = ترکی
language-ru = روسی

breadcrumb-label = شما اینجا هستید
outdated-notice = این ترجمه شاید به‌روز نباشد: متن به زبان { $language } از زمان ترجمه تغییر کرده است.
machine-notice = این متن با ترجمهٔ ماشینی ترجمه شده و هنوز انسانی آن را بررسی نکرده است.
machine-reviewed-notice = این متن با ترجمهٔ ماشینی ترجمه شده و انسانی آن را بررسی کرده است.
chooser-suggested = پیشنهاد بر اساس تنظیمات مرورگر شما

nav-archive = رویدادهای گذشته
event-past = این رویداد به پایان رسیده است.
next-dates = تاریخ‌های بعدی:
add-to-calendar = افزودن به تقویم
subscribe-calendar = مشترک شدن در تقویم
save-contact = ذخیرهٔ مخاطب
map-app-link = باز کردن در برنامهٔ نقشه
label-attendance = نحوهٔ شرکت
attendance-in-person = حضوری
attendance-online = آنلاین
attendance-hybrid = حضوری و آنلاین
repeat-weekly = { $interval ->
    [1] هر هفته { $weekday }، { $time }، تا { $until }
   *[other] هر { $interval } هفته یک بار، { $weekday }، { $time }، تا { $until }
}
repeat-monthly = { $week ->
    [1] اولین { $weekday } هر ماه، { $time }، تا { $until }
    [2] دومین { $weekday } هر ماه، { $time }، تا { $until }
    [3] سومین { $weekday } هر ماه، { $time }، تا { $until }
    [4] چهارمین { $weekday } هر ماه، { $time }، تا { $until }
    [-1] آخرین { $weekday } هر ماه، { $time }، تا { $until }
   *[other] ماهی یک بار، { $weekday }، { $time }، تا { $until }
}

## جستجو، خواندن با صدای بلند، چاپ
search-title = جستجو
search-label = جستجو
search-button = جستجو کن
search-results = نتایج
search-none = چیزی پیدا نشد. کلمهٔ دیگری را امتحان کنید یا به فهرست زیر نگاه کنید.
search-in-fallback = چیزی پیدا نشد. نتایج به زبان { $language }:
search-needs-js = جستجو به JavaScript نیاز دارد. در زیر همهٔ صفحه‌ها را به ترتیب الفبا می‌یابید.
search-all = همهٔ صفحه‌ها به ترتیب الفبا
read-aloud = خواندن با صدای بلند
read-aloud-stop = توقف خواندن
print-qr-label = این صفحه در اینترنت:

## Filter
filter-label = فیلتر کردن پیشنهادها
filter-what = چه چیزی؟
filter-where = کجا؟
filter-language = به چه زبانی؟
offers-in-language = پیشنهادها به زبان { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = راهنمای ادغام
site-name-place = ماینتس-بینگن
site-name-original = Mainz-Bingen
language-ls = آلمانی ساده
# The language switcher's button (a globe icon precedes it).
language-menu = زبان
home-this-week-heading = این هفته
home-office-heading = تماس با ما
call = تماس

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = ساعات کاری
hours-open-until = اکنون باز است · تا {$time}
hours-opens-at = بسته است · باز می‌شود {$day} {$time}
hours-closed-now = فعلاً بسته است
hours-closed = بسته
hours-closed-on = در تعطیلات رسمی بسته است:
holiday-new-year = سال نو میلادی
holiday-good-friday = جمعهٔ نیک
holiday-easter-monday = دوشنبهٔ عید پاک
holiday-labour-day = روز کارگر
holiday-ascension-day = عید صعود
holiday-whit-monday = دوشنبهٔ پنطیکاست
holiday-corpus-christi = عید جسد مسیح
holiday-german-unity-day = روز وحدت آلمان
holiday-all-saints-day = روز همهٔ مقدسان
holiday-christmas-day = روز کریسمس
holiday-boxing-day = روز دوم کریسمس

## Locations
nav-locations = مکان‌ها
label-held-at = مکان
label-visit = مراجعه
label-closed = تعطیل
label-appointment = نوبت
appointment-only = فقط با نوبت قبلی
appointment-book = گرفتن نوبت
label-accessibility = دسترسی‌پذیری
access-step-free = ورودی بدون پله
access-lift = آسانسور
access-toilet = سرویس بهداشتی مناسب معلولان
access-hearing-loop = حلقه شنوایی
access-parking = پارکینگ معلولان
label-transit = با اتوبوس و قطار
label-offers-here = خدمات در این مکان
label-events-here = رویدادها در این مکان
label-contacts-here = تماس‌ها در این مکان

## The map page ([map] in site.toml)
map-title = نقشهٔ مکان‌ها
map-description = همهٔ مکان‌ها روی نقشه، به ترتیب شهر.
map-intro = همهٔ مکان‌ها روی نقشه. زیر آن، همین مکان‌ها به صورت فهرست، به ترتیب شهر.
map-link = همهٔ مکان‌ها روی نقشه
map-no-place = بدون شهر
map-label = نقشهٔ مکان‌ها
map-zoom-in = بزرگ‌نمایی
map-zoom-out = کوچک‌نمایی
# Documents and the sign-language video
documents-heading = اسناد برای دانلود
file-size-kb = { $size } کیلوبایت
file-size-mb = { $size } مگابایت
duration-seconds = { $seconds } ثانیه
duration-minutes-seconds = { $minutes } دقیقه و { $seconds } ثانیه
sign-language-heading = توضیح به زبان اشاره آلمانی
sign-language-symbol = نماد زبان اشاره آلمانی (DGS)
sign-language-captions = زیرنویس آلمانی
sign-language-download = دانلود ویدیو
# Search results come 20 at a time: the button below them shows the next.
search-more = نمایش نتایج بیشتر
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = داده‌های باز راهنمای ادغام: پیشنهادها، رویدادها، افراد تماس و مکان‌ها به همه زبان‌های سایت، به صورت JSON، iCalendar، vCard و صفحات وب.
open-data-dataset = { $list } راهنمای ادغام به همه زبان‌های سایت، همراه با وضعیت ترجمه هر متن.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = اشتراک در این رویدادها:
calendar-download = دانلود فایل تقویم
feed-atom = خوراک Atom
feed-changes = همه تغییرات
