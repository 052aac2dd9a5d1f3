# Interface text of the Wegweiser default theme — Ukrainian.
# Translated from locales/de/main.ftl; keep the message ids unchanged.

site-title = Путівник з інтеграції Майнц-Бінген
skip-link = Перейти до вмісту
nav-label = Головна навігація
language-switcher-label = Вибрати мову
chooser-prompt = Будь ласка, оберіть свою мову

nav-home = Головна
nav-offers = Пропозиції
nav-events = Заходи
nav-contacts = Контакти
nav-topics = Теми
nav-audiences = Для кого?
nav-places = Місця

footer-imprint = Вихідні дані
footer-privacy = Захист даних
footer-accessibility = Доступність
footer-feedback = Зворотний зв'язок і повідомлення про бар'єри

home-topics-heading = Теми
home-events-heading = Найближчі заходи
home-more-heading = Більше в путівнику

untranslated-notice = Цей текст ще не перекладено. Ви читаєте його такою мовою: { $language }.
card-untranslated = ще не перекладено

items-count = { $count ->
    [0] немає записів
    [one] { $count } запис
    [few] { $count } записи
    [many] { $count } записів
   *[other] { $count } запису
}
# The exact variant [1] is matched before [one]: 1 reads "1 …", while 21, 31, …
# (category "one") read "Усі { $count } …".
offers-count = { $count ->
    [1] 1 пропозиція
    [one] Усі { $count } пропозиція
    [few] Усі { $count } пропозиції
    [many] Усі { $count } пропозицій
   *[other] Усі { $count } пропозиції
}
events-count = { $count ->
    [1] 1 захід
    [one] Усі { $count } захід
    [few] Усі { $count } заходи
    [many] Усі { $count } заходів
   *[other] Усі { $count } заходу
}
contacts-count = { $count ->
    [1] 1 контактна особа
    [one] Усі { $count } контактна особа
    [few] Усі { $count } контактні особи
    [many] Усі { $count } контактних осіб
   *[other] Усі { $count } контактної особи
}
list-empty = Тут ще немає записів.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = Інші сторінки цього списку
pagination-previous = Попередня сторінка
pagination-next = Наступна сторінка
pagination-position = Сторінка { $page } з { $pages }

label-facts = Коротко
label-when = Коли?
label-location = Місце
label-address = Адреса
label-schedule = Коли?
label-cost = Вартість
label-childcare = Догляд за дітьми
label-accessible = Без бар'єрів
label-offered-in = Мови
label-provider = Організація-виконавець
label-organizer = Організатор
label-registration = Реєстрація
label-website = Вебсайт
label-contacts = Контактні особи
label-reach = Як з нами зв'язатися
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = Контакт
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = сьогодні
card-tomorrow = завтра
label-role = Роль
label-organization = Організація
label-phone = Телефон
label-email = Електронна пошта
label-office-hours = Години прийому
label-languages = Мови спілкування
label-people = Працівники
label-offers-by = Пропозиції
label-events-by = Заходи
label-updated = Востаннє змінено
all-day = увесь день
directions-link = Прокласти маршрут (OpenStreetMap)
yes = так
no = ні

not-found-title = Сторінку не знайдено
not-found-text = Цієї сторінки не існує (або вже не існує). Можливо, вам допоможе головна сторінка.
back-home = На головну сторінку

topics-sprache-bildung = Мова та освіта
topics-ausbildung-arbeit = Професійне навчання, професія, робота
topics-gesundheit-beratung = Здоров'я та консультації
topics-behoerden-oeffnung = Органи влади та міжкультурна відкритість
topics-teilhabe-empowerment = Участь, розширення можливостей, протидія дискримінації
topics-wohnen-mobilitaet = Житло та мобільність

audiences-frauen = Жінки
audiences-jugendliche = Молодь
audiences-familien = Сім'ї
audiences-gefluechtete = Біженці
audiences-ehrenamtliche = Волонтери
audiences-fachkraefte = Фахівці

places-ingelheim = Інгельгайм-на-Рейні
places-bingen = Бінген-на-Рейні
places-nieder-olm = Нідер-Ольм
places-oppenheim = Оппенгайм
places-gau-algesheim = Гау-Альгесгайм
places-wiesbaden = Вісбаден
places-online = Онлайн

language-de = німецька
language-en = англійська
language-ar = арабська
language-uk = українська
language-fa = фарсі
language-tr = турецька
language-ru = російська

breadcrumb-label = Ви тут
outdated-notice = Цей переклад може бути застарілим: текст мовою { $language } відтоді змінився.
machine-notice = Цей текст перекладено машинно, і людина його ще не перевірила.
machine-reviewed-notice = Цей текст перекладено машинно й перевірено людиною.
chooser-suggested = Запропоновано за налаштуваннями вашого браузера

nav-archive = Минулі заходи
event-past = Цей захід уже відбувся.
next-dates = Найближчі дати:
add-to-calendar = Додати до календаря
subscribe-calendar = Підписатися на календар
save-contact = Зберегти контакт
map-app-link = Відкрити в застосунку карт
label-attendance = Формат участі
attendance-in-person = очно
attendance-online = онлайн
attendance-hybrid = очно й онлайн
repeat-weekly = { $interval ->
    [1] Щотижня: { $weekday }, { $time }, до { $until }
   *[other] Кожного { $interval }-го тижня: { $weekday }, { $time }, до { $until }
}
repeat-monthly = { $week ->
    [1] Щомісяця, у перший тиждень: { $weekday }, { $time }, до { $until }
    [2] Щомісяця, у другий тиждень: { $weekday }, { $time }, до { $until }
    [3] Щомісяця, у третій тиждень: { $weekday }, { $time }, до { $until }
    [4] Щомісяця, у четвертий тиждень: { $weekday }, { $time }, до { $until }
    [-1] Щомісяця, в останній тиждень: { $weekday }, { $time }, до { $until }
   *[other] Раз на місяць: { $weekday }, { $time }, до { $until }
}

## Пошук, читання вголос, друк
search-title = Пошук
search-label = Пошук
search-button = Шукати
search-results = Результати
search-none = Нічого не знайдено. Спробуйте інше слово або перегляньте список нижче.
search-in-fallback = Нічого не знайдено. Результати мовою { $language }:
search-needs-js = Для пошуку потрібен JavaScript. Нижче ви знайдете всі сторінки від А до Я.
search-all = Усі сторінки від А до Я
read-aloud = Читати вголос
read-aloud-stop = Зупинити читання
print-qr-label = Ця сторінка в інтернеті:

## Filter
filter-label = Фільтрувати пропозиції
filter-what = Що?
filter-where = Де?
filter-language = Якою мовою?
offers-in-language = Пропозиції мовою: { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Путівник з інтеграції
site-name-place = Майнц-Бінген
site-name-original = Майнц-Бінген
language-ls = німецька простою мовою
# The language switcher's button (a globe icon precedes it).
language-menu = Мова
home-this-week-heading = Цього тижня
home-office-heading = Ваш контакт
call = Зателефонувати

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Години роботи
hours-open-until = Зараз відчинено · до {$time}
hours-opens-at = Зачинено · відчиниться {$day} о {$time}
hours-closed-now = Зараз зачинено
hours-closed = зачинено
hours-closed-on = Зачинено у святкові дні:
holiday-new-year = Новий рік
holiday-good-friday = Страсна пʼятниця
holiday-easter-monday = Великодній понеділок
holiday-labour-day = День праці
holiday-ascension-day = Вознесіння
holiday-whit-monday = Зелений понеділок
holiday-corpus-christi = Свято Тіла і Крові Христових
holiday-german-unity-day = День німецької єдності
holiday-all-saints-day = День усіх святих
holiday-christmas-day = Різдво
holiday-boxing-day = Другий день Різдва

## Locations
nav-locations = Місця
label-held-at = Місце
label-visit = Відвідування
label-closed = Зачинено
label-appointment = Запис
appointment-only = лише за записом
appointment-book = Записатися
label-accessibility = Доступність
access-step-free = Вхід без сходинок
access-lift = Ліфт
access-toilet = Туалет для людей з інвалідністю
access-hearing-loop = Індукційна петля
access-parking = Паркування для людей з інвалідністю
label-transit = Автобусом і потягом
label-offers-here = Пропозиції тут
label-events-here = Заходи тут
label-contacts-here = Контакти тут

## The map page ([map] in site.toml)
map-title = Мапа місць
map-description = Усі місця на мапі, за населеними пунктами.
map-intro = Усі місця на мапі. Під нею — ті самі місця списком, за населеними пунктами.
map-link = Усі місця на мапі
map-no-place = Без населеного пункту
map-label = Мапа місць
map-zoom-in = Збільшити
map-zoom-out = Зменшити
# Documents and the sign-language video
documents-heading = Документи для завантаження
file-size-kb = { $size } КБ
file-size-mb = { $size } МБ
duration-seconds = { $seconds } с
duration-minutes-seconds = { $minutes } хв { $seconds } с
sign-language-heading = Пояснення німецькою жестовою мовою
sign-language-symbol = Символ німецької жестової мови (DGS)
sign-language-captions = Німецькі субтитри
sign-language-download = Завантажити відео
# Search results come 20 at a time: the button below them shows the next.
search-more = Показати більше результатів
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Відкриті дані путівника з інтеграції: пропозиції, події, контакти та місця всіма мовами сайту, у форматах JSON, iCalendar, vCard і вебсторінок.
open-data-dataset = { $list } путівника з інтеграції всіма мовами сайту, зі станом перекладу кожного тексту.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Підписатися на ці події:
calendar-download = Завантажити файл календаря (.ics)
feed-atom = Стрічка (Atom)
feed-changes = Усі зміни
