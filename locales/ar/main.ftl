# Interface text of the Wegweiser default theme — Arabic.
# Translated from locales/de/main.ftl; keep the message ids unchanged.

site-title = دليل الاندماج في ماينتس-بينغن (Mainz-Bingen)
skip-link = الانتقال إلى المحتوى
nav-label = التنقل الرئيسي
language-switcher-label = اختيار اللغة
chooser-prompt = يرجى اختيار لغتكم

nav-home = الرئيسية
nav-offers = العروض
nav-events = المواعيد
nav-contacts = جهات الاتصال
nav-topics = المواضيع
nav-audiences = لمن؟
nav-places = الأماكن

footer-imprint = بيانات الناشر
footer-privacy = حماية البيانات
footer-accessibility = إمكانية الوصول
footer-feedback = الملاحظات والإبلاغ عن العوائق

home-topics-heading = المواضيع
home-events-heading = الفعاليات القادمة
home-more-heading = المزيد في الدليل

untranslated-notice = لم يُترجم هذا النص بعد. أنتم تقرؤونه باللغة { $language }.
card-untranslated = لم يُترجم بعد

items-count = { $count ->
    [zero] لا توجد إدخالات
    [one] إدخال واحد
    [two] إدخالان
    [few] { $count } إدخالات
    [many] { $count } إدخالًا
   *[other] { $count } إدخال
}
offers-count = { $count ->
    [zero] لا توجد عروض
    [one] عرض واحد
    [two] عرضان
    [few] { $count } عروض
    [many] { $count } عرضًا
   *[other] { $count } عرض
}
events-count = { $count ->
    [zero] لا توجد فعاليات
    [one] فعالية واحدة
    [two] فعاليتان
    [few] { $count } فعاليات
    [many] { $count } فعاليةً
   *[other] { $count } فعالية
}
contacts-count = { $count ->
    [zero] لا توجد جهات اتصال
    [one] جهة اتصال واحدة
    [two] جهتا اتصال
    [few] { $count } جهات اتصال
    [many] { $count } جهةَ اتصال
   *[other] { $count } جهة اتصال
}
list-empty = لا توجد إدخالات هنا بعد.
# Long lists continue on further pages (page size: paginate_by in site.toml).
pagination-label = صفحات أخرى من هذه القائمة
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
pagination-position = الصفحة { $page } من { $pages }

label-facts = نظرة سريعة
label-when = متى؟
label-location = المكان
label-address = العنوان
label-schedule = متى؟
label-cost = التكلفة
label-childcare = رعاية الأطفال
label-accessible = خالٍ من العوائق
label-offered-in = اللغات
label-provider = الجهة المقدِّمة
label-organizer = الجهة المنظِّمة
label-registration = التسجيل
label-website = الموقع الإلكتروني
label-contacts = جهات الاتصال
label-reach = كيف تصلون إلينا
# Heading of the responsible contact's phone and e-mail on an offer or event page.
reach-heading = جهة الاتصال
# An event on a card takes place today / tomorrow (at the time of the build).
card-today = اليوم
card-tomorrow = غداً
label-role = المهمة
label-organization = المؤسسة
label-phone = الهاتف
label-email = البريد الإلكتروني
label-office-hours = أوقات الاستقبال
label-languages = اللغات المستخدمة في التواصل
label-people = الموظفون
label-offers-by = العروض
label-events-by = الفعاليات
label-updated = آخر تعديل
all-day = طوال اليوم
directions-link = كيف تصل إلى هنا (OpenStreetMap)
yes = نعم
no = لا

not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة (أو لم تعد موجودة). ربما تساعدكم الصفحة الرئيسية.
back-home = إلى الصفحة الرئيسية

topics-sprache-bildung = اللغة والتعليم
topics-ausbildung-arbeit = التدريب المهني والمهنة والعمل
topics-gesundheit-beratung = الصحة والاستشارة
topics-behoerden-oeffnung = الجهات الرسمية والانفتاح بين الثقافات
topics-teilhabe-empowerment = المشاركة والتمكين ومناهضة التمييز
topics-wohnen-mobilitaet = السكن والتنقّل

audiences-frauen = النساء
audiences-jugendliche = الشباب
audiences-familien = العائلات
audiences-gefluechtete = اللاجئون
audiences-ehrenamtliche = المتطوعون
audiences-fachkraefte = الكوادر المتخصصة

places-ingelheim = إنغلهايم أم راين
places-bingen = بينغن أم راين
places-nieder-olm = نيدر-أولم
places-oppenheim = أوبنهايم
places-gau-algesheim = غاو-ألغسهايم
places-wiesbaden = فيسبادن
places-online = عبر الإنترنت

language-de = الألمانية
language-en = الإنجليزية
language-ar = العربية
language-uk = الأوكرانية
language-fa = الفارسية
language-tr = التركية
language-ru = الروسية

breadcrumb-label = أنت هنا
outdated-notice = قد لا تكون هذه الترجمة محدّثة: تغيّر النص باللغة { $language } منذ ترجمته.
machine-notice = تُرجم هذا النص آليًا ولم يراجعه إنسان بعد.
machine-reviewed-notice = تُرجم هذا النص آليًا وراجعه إنسان.
chooser-suggested = مقترح حسب إعدادات متصفحك

nav-archive = الفعاليات السابقة
event-past = انتهت هذه الفعالية.
next-dates = المواعيد القادمة:
add-to-calendar = إضافة إلى التقويم
subscribe-calendar = الاشتراك في التقويم
save-contact = حفظ جهة الاتصال
map-app-link = فتح في تطبيق الخرائط
label-attendance = طريقة المشاركة
attendance-in-person = حضوريًا
attendance-online = عبر الإنترنت
attendance-hybrid = حضوريًا وعبر الإنترنت
repeat-weekly = { $interval ->
    [1] كل أسبوع يوم { $weekday }، { $time }، حتى { $until }
   *[other] يوم { $weekday }، مرة كل فترة من الأسابيع عددها { $interval }، { $time }، حتى { $until }
}
repeat-monthly = { $week ->
    [1] يوم { $weekday } الأول من كل شهر، { $time }، حتى { $until }
    [2] يوم { $weekday } الثاني من كل شهر، { $time }، حتى { $until }
    [3] يوم { $weekday } الثالث من كل شهر، { $time }، حتى { $until }
    [4] يوم { $weekday } الرابع من كل شهر، { $time }، حتى { $until }
    [-1] يوم { $weekday } الأخير من كل شهر، { $time }، حتى { $until }
   *[other] مرة في الشهر يوم { $weekday }، { $time }، حتى { $until }
}

## البحث، القراءة بصوت عالٍ، الطباعة
search-title = البحث
search-label = البحث
search-button = ابحث
search-results = النتائج
search-none = لم يتم العثور على شيء. جرّب كلمة أخرى أو انظر إلى القائمة أدناه.
search-in-fallback = لم يتم العثور على شيء. نتائج باللغة { $language }:
search-needs-js = يحتاج البحث إلى JavaScript. تجد أدناه جميع الصفحات مرتبة أبجديًا.
search-all = جميع الصفحات مرتبة أبجديًا
read-aloud = اقرأ بصوت عالٍ
read-aloud-stop = أوقف القراءة
print-qr-label = هذه الصفحة على الإنترنت:

## Filter
filter-label = تصفية العروض
filter-what = ماذا؟
filter-where = أين؟
filter-language = بأي لغة؟
offers-in-language = عروض باللغة { $language }

## Header and start page (compact header, bidi)
# The site's name in the header: the name, then the place (kept on one line),
# then the place's name as written locally when it differs (e.g. in Latin script).
site-name = دليل الاندماج في
site-name-place = ماينتس-بينغن
site-name-original = Mainz-Bingen
language-ls = الألمانية المبسطة
# The language switcher's button (a globe icon precedes it).
language-menu = اللغة
home-this-week-heading = هذا الأسبوع
home-office-heading = جهة الاتصال
call = اتصال

## Opening hours (opening_hours): the weekly table, the "open now" badge, holiday closures
label-opening-hours = ساعات العمل
hours-open-until = مفتوح الآن · حتى {$time}
hours-opens-at = مغلق · يفتح {$day} {$time}
hours-closed-now = مغلق حاليًا
hours-closed = مغلق
hours-closed-on = مغلق في العطل الرسمية:
holiday-new-year = رأس السنة الميلادية
holiday-good-friday = الجمعة العظيمة
holiday-easter-monday = اثنين الفصح
holiday-labour-day = عيد العمال
holiday-ascension-day = عيد الصعود
holiday-whit-monday = اثنين العنصرة
holiday-corpus-christi = عيد القربان المقدس
holiday-german-unity-day = يوم الوحدة الألمانية
holiday-all-saints-day = عيد جميع القديسين
holiday-christmas-day = عيد الميلاد
holiday-boxing-day = ثاني أيام عيد الميلاد

## Locations
nav-locations = الأماكن
label-held-at = المكان
label-visit = الزيارة
label-closed = مغلق
label-appointment = موعد
appointment-only = بموعد مسبق فقط
appointment-book = احجز موعدًا
label-accessibility = إمكانية الوصول
access-step-free = مدخل بدون درج
access-lift = مصعد
access-toilet = مرحاض لذوي الإعاقة
access-hearing-loop = حلقة سمعية
access-parking = موقف لذوي الإعاقة
label-transit = بالحافلة والقطار
label-offers-here = العروض هنا
label-events-here = الفعاليات هنا
label-contacts-here = جهات الاتصال هنا

## The map page ([map] in site.toml)
map-title = خريطة الأماكن
map-description = جميع الأماكن على خريطة، مرتبة حسب البلدة.
map-intro = جميع الأماكن على خريطة. وتحتها الأماكن نفسها في قائمة، مرتبة حسب البلدة.
map-link = جميع الأماكن على خريطة
map-no-place = بدون بلدة
map-label = خريطة الأماكن
map-zoom-in = تكبير
map-zoom-out = تصغير
# Documents and the sign-language video
documents-heading = مستندات للتنزيل
file-size-kb = { $size } كيلوبايت
file-size-mb = { $size } ميغابايت
duration-seconds = { $seconds } ثانية
duration-minutes-seconds = { $minutes } دقيقة و{ $seconds } ثانية
sign-language-heading = شرح بلغة الإشارة الألمانية
sign-language-symbol = رمز لغة الإشارة الألمانية (DGS)
sign-language-captions = ترجمة مكتوبة بالألمانية
sign-language-download = تنزيل الفيديو
# Search results come 20 at a time: the button below them shows the next.
search-more = عرض المزيد من النتائج
# The open-data catalogue (/dcat.jsonld, docs/api.md)
open-data-catalogue = البيانات المفتوحة لدليل الاندماج: العروض والفعاليات وجهات الاتصال والأماكن بجميع لغات الموقع، بصيغة JSON وiCalendar وvCard وصفحات ويب.
open-data-dataset = { $list } من دليل الاندماج بجميع لغات الموقع، مع حالة ترجمة كل نص.

## Feeds per topic, audience and place; the feed of all changes
feeds-label = الاشتراك في هذه الفعاليات:
calendar-download = تنزيل ملف التقويم
feed-atom = خلاصة Atom
feed-changes = جميع التغييرات
