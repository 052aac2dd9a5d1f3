# Interface text of the Wegweiser default theme — Russian.
# Translated from locales/de/main.ftl; keep the message ids unchanged.

site-title = Путеводитель по интеграции Майнц-Бинген
skip-link = Перейти к содержимому
nav-label = Основная навигация
language-switcher-label = Выбрать язык
chooser-prompt = Пожалуйста, выберите свой язык

nav-home = Главная
nav-offers = Предложения
nav-events = Мероприятия
nav-contacts = Контакты
nav-topics = Темы
nav-audiences = Для кого?
nav-places = Места

footer-imprint = Выходные данные
footer-privacy = Защита данных
footer-accessibility = Доступность
footer-feedback = Обратная связь и сообщения о барьерах

home-topics-heading = Темы
home-events-heading = Ближайшие мероприятия
home-more-heading = Больше в путеводителе

untranslated-notice = Этот текст ещё не переведён. Вы читаете его на языке: { $language }.
card-untranslated = ещё не переведено

items-count = { $count ->
    [0] нет записей
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}
# The exact variant [1] is matched before [one]: 1 reads "1 …", while 21, 31, …
# (category "one") read "Все { $count } …".
offers-count = { $count ->
    [1] 1 предложение
    [one] Все { $count } предложение
    [few] Все { $count } предложения
    [many] Все { $count } предложений
   *[other] Все { $count } предложения
}
events-count = { $count ->
    [1] 1 мероприятие
    [one] Все { $count } мероприятие
    [few] Все { $count } мероприятия
    [many] Все { $count } мероприятий
   *[other] Все { $count } мероприятия
}
contacts-count = { $count ->
    [1] 1 контактное лицо
    [one] Все { $count } контактное лицо
    [few] Все { $count } контактных лица
    [many] Все { $count } контактных лиц
   *[other] Все { $count } контактного лица
}
list-empty = Здесь пока нет записей.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = Другие страницы этого списка
pagination-previous = Предыдущая страница
pagination-next = Следующая страница
pagination-position = Страница { $page } из { $pages }

label-facts = Коротко
label-when = Когда?
label-location = Место
label-address = Адрес
label-schedule = Когда?
label-cost = Стоимость
label-childcare = Присмотр за детьми
label-accessible = Без барьеров
label-offered-in = Языки
label-provider = Организация-исполнитель
label-organizer = Организатор
label-registration = Запись
label-website = Сайт
label-contacts = Контактные лица
label-reach = Как с нами связаться
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = Контакт
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = сегодня
card-tomorrow = завтра
label-role = Роль
label-organization = Организация
label-phone = Телефон
label-email = Электронная почта
label-office-hours = Часы приёма
label-languages = Языки общения
label-people = Сотрудники
label-offers-by = Предложения
label-events-by = Мероприятия
label-updated = Последнее изменение
all-day = весь день
directions-link = Проложить маршрут (OpenStreetMap)
yes = да
no = нет

not-found-title = Страница не найдена
not-found-text = Этой страницы не существует (или больше не существует). Возможно, вам поможет главная страница.
back-home = На главную страницу

topics-sprache-bildung = Язык и образование
topics-ausbildung-arbeit = Профессиональное обучение, профессия, работа
topics-gesundheit-beratung = Здоровье и консультации
topics-behoerden-oeffnung = Органы власти и межкультурная открытость
topics-teilhabe-empowerment = Участие, расширение возможностей, противодействие дискриминации
topics-wohnen-mobilitaet = Жильё и мобильность

audiences-frauen = Женщины
audiences-jugendliche = Молодёжь
audiences-familien = Семьи
audiences-gefluechtete = Беженцы
audiences-ehrenamtliche = Волонтёры
audiences-fachkraefte = Специалисты

places-ingelheim = Ингельхайм-на-Рейне
places-bingen = Бинген-на-Рейне
places-nieder-olm = Нидер-Ольм
places-oppenheim = Оппенхайм
places-gau-algesheim = Гау-Альгесхайм
places-wiesbaden = Висбаден
places-online = Онлайн

language-de = немецкий
language-en = английский
language-ar = арабский
language-uk = украинский
language-fa = фарси
language-tr = турецкий
language-ru = русский

breadcrumb-label = Вы здесь
outdated-notice = Этот перевод может быть устаревшим: текст на языке { $language } с тех пор изменился.
machine-notice = Этот текст переведён машинным переводом и ещё не проверен человеком.
machine-reviewed-notice = Этот текст переведён машинным переводом и проверен человеком.
chooser-suggested = Предложено по настройкам вашего браузера

nav-archive = Прошедшие мероприятия
event-past = Это мероприятие уже прошло.
next-dates = Ближайшие даты:
add-to-calendar = Добавить в календарь
subscribe-calendar = Подписаться на календарь
save-contact = Сохранить контакт
map-app-link = Открыть в приложении карт
label-attendance = Формат участия
attendance-in-person = очно
attendance-online = онлайн
attendance-hybrid = очно и онлайн
repeat-weekly = { $interval ->
    [1] Каждую неделю: { $weekday }, { $time }, до { $until }
   *[other] Каждую { $interval }-ю неделю: { $weekday }, { $time }, до { $until }
}
repeat-monthly = { $week ->
    [1] Каждый месяц, в первую неделю: { $weekday }, { $time }, до { $until }
    [2] Каждый месяц, во вторую неделю: { $weekday }, { $time }, до { $until }
    [3] Каждый месяц, в третью неделю: { $weekday }, { $time }, до { $until }
    [4] Каждый месяц, в четвёртую неделю: { $weekday }, { $time }, до { $until }
    [-1] Каждый месяц, в последнюю неделю: { $weekday }, { $time }, до { $until }
   *[other] Раз в месяц: { $weekday }, { $time }, до { $until }
}

## Поиск, чтение вслух, печать
search-title = Поиск
search-label = Поиск
search-button = Искать
search-results = Результаты
search-none = Ничего не найдено. Попробуйте другое слово или посмотрите список ниже.
search-in-fallback = Ничего не найдено. Результаты на языке { $language }:
search-needs-js = Для поиска нужен JavaScript. Ниже вы найдёте все страницы от А до Я.
search-all = Все страницы от А до Я
read-aloud = Читать вслух
read-aloud-stop = Остановить чтение
print-qr-label = Эта страница в интернете:

## Filter
filter-label = Фильтровать предложения
filter-what = Что?
filter-where = Где?
filter-language = На каком языке?
offers-in-language = Предложения на языке: { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = Путеводитель по интеграции
site-name-place = Майнц-Бинген
site-name-original = Майнц-Бинген
language-ls = немецкий простым языком
# The language switcher's button (a globe icon precedes it).
language-menu = Язык
home-this-week-heading = На этой неделе
home-office-heading = Ваш контакт
call = Позвонить

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = Часы работы
hours-open-until = Сейчас открыто · до {$time}
hours-opens-at = Закрыто · откроется {$day} {$time}
hours-closed-now = Сейчас закрыто
hours-closed = закрыто
hours-closed-on = Закрыто в праздничные дни:
holiday-new-year = Новый год
holiday-good-friday = Страстная пятница
holiday-easter-monday = Пасхальный понедельник
holiday-labour-day = День труда
holiday-ascension-day = Вознесение
holiday-whit-monday = Духов понедельник
holiday-corpus-christi = Праздник Тела и Крови Христовых
holiday-german-unity-day = День германского единства
holiday-all-saints-day = День всех святых
holiday-christmas-day = Рождество
holiday-boxing-day = Второй день Рождества

## Locations
nav-locations = Места
label-held-at = Место
label-visit = Посещение
label-closed = Закрыто
label-appointment = Запись
appointment-only = только по записи
appointment-book = Записаться
label-accessibility = Доступность
access-step-free = Вход без ступенек
access-lift = Лифт
access-toilet = Туалет для людей с инвалидностью
access-hearing-loop = Индукционная петля
access-parking = Парковка для людей с инвалидностью
label-transit = На автобусе и поезде
label-offers-here = Предложения здесь
label-events-here = Мероприятия здесь
label-contacts-here = Контакты здесь

## The map page ([map] in site.toml)
map-title = Карта мест
map-description = Все места на карте, по населённым пунктам.
map-intro = Все места на карте. Под ней — те же места списком, по населённым пунктам.
map-link = Все места на карте
map-no-place = Без населённого пункта
map-label = Карта мест
map-zoom-in = Приблизить
map-zoom-out = Отдалить
# Documents and the sign-language video
documents-heading = Документы для скачивания
file-size-kb = { $size } КБ
file-size-mb = { $size } МБ
duration-seconds = { $seconds } с
duration-minutes-seconds = { $minutes } мин { $seconds } с
sign-language-heading = Объяснение на немецком жестовом языке
sign-language-symbol = Символ немецкого жестового языка (DGS)
sign-language-captions = Немецкие субтитры
sign-language-download = Скачать видео
# Search results come 20 at a time: the button below them shows the next.
search-more = Показать больше результатов
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = Открытые данные путеводителя по интеграции: предложения, мероприятия, контакты и места на всех языках сайта в форматах JSON, iCalendar, vCard и веб-страниц.
open-data-dataset = { $list } путеводителя по интеграции на всех языках сайта, с состоянием перевода каждого текста.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = Подписаться на эти события:
calendar-download = Скачать файл календаря (.ics)
feed-atom = Лента (Atom)
feed-changes = Все изменения
